//! `rgo vet [packages]`: type-checks the named packages and their
//! dependencies and prints every error as `go build` prints it (a
//! `# import/path` header, then `./x.go:6:2: declared and not used: x`,
//! at most 10 per package, then `too many errors`). Exit status 1 if there
//! was any error, 0 if not, 2 on a usage error.
//!
//! `go vet` itself shows only the first type error of a package (its
//! analyzers need a well-typed package); rgo shows them all, in the form
//! `go build` uses. rgo has no vet analyzers yet.
//!
//! Difference from `go vet` still open: go vet also checks the package's
//! `_test.go` files (and its external `_test` package); rgo vet checks the
//! files `go build` compiles only, as rgo-std has no `testing` package yet.

pub fn main(args: &[String]) -> i32 {
    check_command("vet", args)
}

/// The body shared by `rgo vet` and `rgo build` (which, for now, only
/// type-checks too).
pub fn check_command(name: &str, args: &[String]) -> i32 {
    if let Some(flag) = args.iter().find(|a| a.starts_with('-') && a.len() > 1) {
        eprintln!("flag provided but not defined: {flag}");
        eprintln!("usage: rgo {name} [packages]");
        return 2;
    }
    let cfg = rgo::load::Config::from_env();
    // `go build` compiles with -complete; `go vet` type-checks only.
    let complete = name == "build";
    let out = rgo::with_deep_stack(|| rgo::check_packages(&cfg, args, complete));
    eprint!("{}", out.text);
    i32::from(!out.ok)
}
