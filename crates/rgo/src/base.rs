//! What every subcommand shares: the command table that `rgo help` prints,
//! Go-worded error text for I/O errors, and the exits the go command uses
//! for commands it does not know or cannot run yet.

use std::io;

/// One subcommand, as `rgo help` describes it.
pub struct Command {
    pub name: &'static str,
    /// One line for the command list of `rgo help`.
    pub short: &'static str,
    /// `usage: rgo NAME ...`, without the `usage: ` prefix.
    pub usage: &'static str,
    /// The text `rgo help NAME` prints after the usage line.
    pub long: &'static str,
}

/// Every subcommand, in the order `rgo help` lists them.
pub const COMMANDS: &[Command] = &[
    Command {
        name: "build",
        short: "compile packages and dependencies",
        usage: "rgo build [build flags] [packages]",
        long: "Build loads, parses and type-checks the named packages and their\n\
               dependencies, and reports errors as 'go build' does. It only checks:\n\
               no binary is produced yet (rgo has no code generator).\n\
               \n\
               Packages are named as for 'go build': a list of .go files, a directory\n\
               ('.', './dir'), a pattern ('./...'), or an import path of the main\n\
               module (found by go.mod) or of rgo's standard library.\n",
    },
    Command {
        name: "run",
        short: "compile and run Go program",
        usage: "rgo run [build flags] package [arguments...]",
        long: "Run compiles and runs the named main Go package, as 'go run' does:\n\
               same output, same exit status, same panics.\n\
               \n\
               Not implemented yet.\n",
    },
    Command {
        name: "test",
        short: "test packages",
        usage: "rgo test [build/test flags] [packages] [build/test flags & test binary flags]",
        long: "Test runs the tests of the named packages, as 'go test' does.\n\
               \n\
               Not implemented yet.\n",
    },
    Command {
        name: "tool",
        short: "run specified rgo tool",
        usage: "rgo tool [command [args...]]",
        long: "Tool runs the rgo tool command identified by the arguments.\n\
               With no arguments it prints the list of known tools.\n\
               \n\
               The tools are:\n\
               \n\
               \tcheckstd    type-check every package of a GOROOT from its own sources\n\
               \tparse       parse Go files and report syntax errors\n\
               \ttypes       print the type of every expression of Go files\n\
               \ttypetest    measure the type checker against Go's test suite\n\
               \n\
               Usage of 'rgo tool parse':\n\
               \n\
               \trgo tool parse [-q] path...\n\
               \n\
               Parse parses every .go file named on the command line or found by\n\
               walking the named directories recursively, prints each syntax error\n\
               as path:line:col: message, then one summary line:\n\
               \n\
               \tparsed N files (B bytes), E with errors\n\
               \n\
               The -q flag prints only the summary line. The exit status is 1 if\n\
               any file had an error or could not be read, 2 on a usage error.\n",
    },
    Command {
        name: "version",
        short: "print rgo version",
        usage: "rgo version",
        long: "Version prints the version of rgo and the platform it runs on.\n",
    },
    Command {
        name: "vet",
        short: "report likely mistakes in packages",
        usage: "rgo vet [build flags] [vet flags] [packages]",
        long: "Vet loads, parses and type-checks the named packages and their\n\
               dependencies. Errors are printed in the form 'go build' uses (every\n\
               error, up to 10 per package, under a '# import/path' header), not\n\
               'go vet''s form, which shows only the first. The exit status is 1 if\n\
               there was any error. rgo has no vet analyzers yet.\n\
               \n\
               Packages are named as for 'go build': a list of .go files, a directory\n\
               ('.', './dir'), a pattern ('./...'), or an import path of the main\n\
               module (found by go.mod) or of rgo's standard library.\n",
    },
];

/// The table entry of `name`, if it is a command.
pub fn lookup(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// `rgo NAME: unknown command`, as the go command says it; exit status 2.
pub fn unknown_command(name: &str) -> i32 {
    eprintln!("rgo {name}: unknown command");
    eprintln!("Run 'rgo help' for usage.");
    2
}

/// The honest answer of a command that exists in the table but is not
/// written yet; exit status 2.
pub fn not_implemented(name: &str) -> i32 {
    eprintln!("rgo {name}: not implemented yet");
    2
}

/// Writes `text` to stdout. A closed stdout (`rgo help | head -1`) is the
/// reader's choice, so a failed write is ignored rather than a panic.
pub fn print_stdout(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().write_all(text.as_bytes());
}

/// The text of an OS error as Go prints it: `no such file or directory`
/// rather than Rust's `No such file or directory (os error 2)`.
pub fn go_error_text(err: &io::Error) -> String {
    let text = err.to_string();
    let text = match text.find(" (os error ") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_read_like_go() {
        let err = io::Error::from_raw_os_error(2);
        assert_eq!(go_error_text(&err), "no such file or directory");
        let err = io::Error::from_raw_os_error(13);
        assert_eq!(go_error_text(&err), "permission denied");
    }

    #[test]
    fn commands_are_sorted_and_found() {
        let names: Vec<_> = COMMANDS.iter().map(|c| c.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert!(lookup("tool").is_some());
        assert!(lookup("fmt").is_none());
    }
}
