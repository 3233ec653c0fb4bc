//! `rgo tool [name [args...]]`: rgo's own tools, as `go tool` runs Go's.
//! With no arguments it lists them.

mod checkstd;
mod parse;
mod types;
mod typetest;
mod walk;

/// A tool's entry point: arguments after the tool name to exit status.
type ToolMain = fn(&[String]) -> i32;

/// Every tool, sorted by name.
const TOOLS: &[(&str, ToolMain)] = &[
    ("checkstd", checkstd::main),
    ("parse", parse::main),
    ("types", types::main),
    ("typetest", typetest::main),
];

pub fn main(args: &[String]) -> i32 {
    let Some((name, rest)) = args.split_first() else {
        for (name, _) in TOOLS {
            crate::base::print_stdout(&format!("{name}\n"));
        }
        return 0;
    };
    match TOOLS.iter().find(|(n, _)| n == name) {
        Some((_, run)) => run(rest),
        None => {
            eprintln!("rgo: no such tool {name:?}");
            2
        }
    }
}
