//! The `rgo` command: Go, implemented in Rust. Mirrors cmd/go: `rgo run`,
//! `rgo test`, `rgo vet`, `rgo build`, `rgo tool ...`, `rgo version`,
//! `rgo help`.
//!
//! `main` only dispatches: each subcommand lives in its own module and
//! returns the process exit status. Exit statuses follow the go command:
//! 0 success, 1 the command ran and found problems, 2 a usage error (or a
//! command that is not available).

mod base;
mod build;
mod help;
mod run;
mod test;
mod tool;
mod version;
mod vet;

/// The front end allocates one small node per AST element and frees whole
/// trees at once; mimalloc's thread-local free lists make that several
/// times cheaper than glibc malloc (measured on `rgo tool parse GOROOT/src`).
/// The Go heap does not use it: it has its own allocator (rgo-runtime).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(dispatch(&args));
}

/// Runs the subcommand named by `args[0]` and returns the exit status.
fn dispatch(args: &[String]) -> i32 {
    let Some((name, rest)) = args.split_first() else {
        help::print_main_usage(&mut std::io::stderr());
        return 2;
    };
    match name.as_str() {
        "build" => build::main(rest),
        "help" => help::main(rest),
        "run" => run::main(rest),
        "test" => test::main(rest),
        "tool" => tool::main(rest),
        "version" => version::main(rest),
        "vet" => vet::main(rest),
        _ => base::unknown_command(name),
    }
}
