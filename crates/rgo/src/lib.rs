//! The rgo command as a library: what `rgo vet` and `rgo build` do,
//! callable from Rust.
//!
//! - [`load`]: command-line arguments to packages (`x.go` files, `.`,
//!   `./...`, import paths of the main module and of the standard library),
//!   files chosen by build constraints for linux/amd64, parsed, and the
//!   import graph walked; load errors worded as `go build` words them.
//! - [`check`]: a [`check::Session`] type-checks loaded packages in
//!   dependency order with rgo-types and keeps the World and the std
//!   packages already checked; [`check::SessionImporter`] is the same as an
//!   `rgo_types::Importer`, for embedders that call `check_package` themselves.
//! - [`diag`]: gc's error list (one syntax error per line, 10 errors then
//!   `too many errors`, sorted by position).
//! - [`gotest`]: the conventions of Go's test suite (`// ERROR "rx"`
//!   annotations, recipes), for `rgo tool typetest`.
//! - [`vet`]: the whole of `rgo vet`: load, check, and the text `go build`
//!   would print for the same errors.
//!
//! ```no_run
//! let cfg = rgo::load::Config::from_env();
//! let out = rgo::vet(&cfg, &["./...".to_string()]);
//! eprint!("{}", out.text);
//! std::process::exit(if out.ok { 0 } else { 1 });
//! ```
//!
//! Architecture invariant: this crate is the only one that touches the
//! file system and the process; the front-end crates get bytes and return
//! values.

pub mod check;
pub mod diag;
pub mod gotest;
pub mod load;

/// What `rgo vet` prints (to stderr) and whether it succeeded.
#[derive(Debug)]
pub struct VetOutput {
    pub text: String,
    pub ok: bool,
}

/// Loads the packages named by `args` and type-checks them and their
/// dependencies, as `go build` does before compiling: load errors stop
/// everything (printed bare); otherwise each package with errors gets a
/// `# import/path` header followed by its errors.
pub fn vet(cfg: &load::Config, args: &[String]) -> VetOutput {
    check_packages(cfg, args, false)
}

/// [`vet`], with gc's `-complete` as `go build` passes it when `complete`
/// (`missing function body` for a bodiless function of a package without
/// assembly: [`check::Session::complete`]); without it, as `go vet`, only
/// for the packages the others import (go vet compiles them).
pub fn check_packages(cfg: &load::Config, args: &[String], complete: bool) -> VetOutput {
    let loaded = load::load(cfg.clone(), args);
    let mut text = String::new();
    if !load_messages(&loaded, &mut text) {
        return VetOutput { text, ok: false };
    }
    let mut session = check::Session::new();
    session.complete = complete;
    session.complete_deps = true;
    let results = session.check(&loaded);
    let ok = check_messages(&results, &mut text);
    VetOutput { text, ok }
}

/// Appends the loader's warnings and errors to `text`, one a line, as
/// `go build` prints them; `false` if there was a load error (the build
/// stops there).
pub fn load_messages(loaded: &load::Loaded, text: &mut String) -> bool {
    for line in loaded.warnings.iter().chain(&loaded.errors) {
        text.push_str(line);
        text.push('\n');
    }
    loaded.errors.is_empty()
}

/// Appends each failed package's `# import/path` header and error lines
/// to `text`; `true` if every package compiled.
pub fn check_messages(results: &[check::PkgResult], text: &mut String) -> bool {
    for r in results.iter().filter(|r| !r.lines.is_empty()) {
        text.push_str(&format!("# {}\n", r.path));
        for l in &r.lines {
            text.push_str(l);
            text.push('\n');
        }
    }
    results.iter().all(|r| !r.failed)
}

/// Stack of the thread that loads and checks: the parser and the checker
/// recurse over the tree, and dropping a tree recurses too, so a deeply
/// nested (legal) program needs more than the main thread's 8 MiB. Only the
/// pages touched are committed. It is the checker's own
/// ([`rgo_types::check::STACK_SIZE`]), so packages are checked on this
/// thread rather than each on a new one.
pub const DEEP_STACK: usize = rgo_types::check::STACK_SIZE;

/// Runs `f` on a thread with a [`DEEP_STACK`]-byte stack (or on this
/// thread, if no such thread can be made). A panic in `f` is resumed here.
pub fn with_deep_stack<T: Send, F: FnOnce() -> T + Send>(f: F) -> T {
    rgo_types::with_checker_stack(f)
}
