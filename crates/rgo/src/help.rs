//! `rgo help [command]`: the command list, or one command's usage and text,
//! worded and laid out as `go help` does.

use crate::base::{lookup, print_stdout, COMMANDS};
use std::io::Write;

pub fn main(args: &[String]) -> i32 {
    match args {
        [] => {
            print_main_usage(&mut std::io::stdout());
            0
        }
        [name] => help_for(name),
        _ => {
            eprintln!("usage: rgo help command\n\nToo many arguments given.");
            2
        }
    }
}

/// The top-level usage: what `rgo help` prints to stdout and a bare `rgo`
/// prints to stderr.
pub fn print_main_usage(w: &mut dyn Write) {
    let mut text = String::from(
        "Rgo is Go, implemented in Rust: it runs Go programs as the go command does.\n\
         \n\
         Usage:\n\
         \n\
         \trgo <command> [arguments]\n\
         \n\
         The commands are:\n\
         \n",
    );
    for c in COMMANDS {
        text.push_str(&format!("\t{:<11} {}\n", c.name, c.short));
    }
    text.push_str("\nUse \"rgo help <command>\" for more information about a command.\n");
    // Nothing useful can be done if the terminal is gone.
    let _ = w.write_all(text.as_bytes());
}

/// `rgo help NAME`.
fn help_for(name: &str) -> i32 {
    let Some(c) = lookup(name) else {
        eprintln!("rgo help {name}: unknown help topic. Run 'rgo help'.");
        return 2;
    };
    print_stdout(&format!("usage: {}\n\n{}", c.usage, c.long));
    0
}
