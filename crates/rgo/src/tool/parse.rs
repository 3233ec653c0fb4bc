//! `rgo tool parse [-q] path...`: parses every Go file found under the
//! paths and reports the syntax errors, one per line as
//! `path:line:col: message`, then the summary line
//! `parsed N files (B bytes), E with errors`.
//!
//! Files are parsed in parallel by `available_parallelism()` worker
//! threads, which take the next file from a shared counter; the main thread
//! prints the results in walk order (sorted by path), so the output does not
//! depend on scheduling. Syntax errors go to stdout; I/O errors go to stderr.
//!
//! Exit status: 0 when every file parsed cleanly, 1 when a file had a
//! syntax error or a path could not be read, 2 on a usage error.

use super::walk;
use crate::base::go_error_text;
use rgo_syntax::{parse_file, Mode, SourceFile};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

const USAGE: &str =
    "usage: rgo tool parse [-q] path...\n  -q\tprint only the summary line, not each error\n";

/// Stack of each worker thread. The parser moves deep files to its own
/// big-stack thread, but the tree it returns is dropped here, and dropping
/// is recursive: a legal file nested thousands of levels deep must not
/// overflow this stack (only the pages touched are committed).
const WORKER_STACK: usize = 64 << 20;

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
struct Options {
    quiet: bool,
    paths: Vec<String>,
}

/// The outcome of one file.
enum Outcome {
    /// Parsed: its size and its error lines, already formatted.
    Parsed { bytes: usize, errors: Vec<String> },
    /// Could not be read (Go-worded message).
    Unreadable(String),
}

/// Totals for the summary line.
#[derive(Default)]
struct Summary {
    files: usize,
    bytes: usize,
    with_errors: usize,
    unreadable: usize,
}

pub fn main(args: &[String]) -> i32 {
    let opts = match parse_flags(args) {
        Ok(opts) => opts,
        Err(msg) => return usage(&msg),
    };
    let walk = walk::go_files(&opts.paths);
    for e in &walk.errors {
        io_error(e);
    }
    let summary = parse_all(&walk.files, opts.quiet);
    // A closed stdout (`| head`) is the reader's choice, not a failure.
    let _ = writeln!(
        io::stdout(),
        "parsed {} files ({} bytes), {} with errors",
        summary.files,
        summary.bytes,
        summary.with_errors
    );
    let failed = summary.with_errors > 0 || summary.unreadable > 0 || !walk.errors.is_empty();
    i32::from(failed)
}

/// Prints `msg` (if any) and the usage to stderr; exit status 2.
fn usage(msg: &str) -> i32 {
    if !msg.is_empty() {
        eprintln!("{msg}");
    }
    eprint!("{USAGE}");
    2
}

/// Go `flag`-package rules: flags come first, `-q` or `--q`, `-q=false`;
/// `--` ends the flags. Err carries the message to print before the usage.
fn parse_flags(args: &[String]) -> Result<Options, String> {
    let mut quiet = false;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        if arg == "--" {
            i += 1;
            break;
        }
        if !arg.starts_with('-') || arg == "-" {
            break;
        }
        let body = arg.strip_prefix("--").unwrap_or(&arg[1..]);
        let (name, value) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (body, None),
        };
        if name.is_empty() || name.starts_with('-') || name.starts_with('=') {
            return Err(format!("bad flag syntax: {arg}"));
        }
        match name {
            "q" => quiet = parse_bool(name, value)?,
            "h" | "help" => return Err(String::new()),
            _ => return Err(format!("flag provided but not defined: -{name}")),
        }
        i += 1;
    }
    let paths = args[i..].to_vec();
    if paths.is_empty() {
        return Err(String::new());
    }
    Ok(Options { quiet, paths })
}

/// A boolean flag's value, as Go's strconv.ParseBool reads it.
fn parse_bool(name: &str, value: Option<&str>) -> Result<bool, String> {
    match value {
        None | Some("1" | "t" | "T" | "true" | "TRUE" | "True") => Ok(true),
        Some("0" | "f" | "F" | "false" | "FALSE" | "False") => Ok(false),
        Some(v) => Err(format!(
            "invalid boolean value {v:?} for -{name}: parse error"
        )),
    }
}

/// Parses `files` on worker threads and prints each file's errors in order.
fn parse_all(files: &[PathBuf], quiet: bool) -> Summary {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        let spawned = (0..workers)
            .filter(|_| {
                let (tx, next) = (tx.clone(), &next);
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, move || worker(files, next, &tx))
                    .is_ok()
            })
            .count();
        if spawned == 0 {
            // No thread could be had: parse everything here, then print.
            worker(files, &next, &tx);
        }
        drop(tx);
        report_in_order(rx, quiet)
    })
}

/// Takes the next file index until none is left; sends each outcome.
fn worker(files: &[PathBuf], next: &AtomicUsize, tx: &mpsc::Sender<(usize, Outcome)>) {
    // One read buffer per worker, reused: a fresh buffer per file costs a
    // page fault per page of every file.
    let mut buf = Vec::new();
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(path) = files.get(i) else { return };
        if tx.send((i, parse_one(path, &mut buf))).is_err() {
            return;
        }
    }
}

/// Reads (into `buf`) and parses one file.
fn parse_one(path: &Path, buf: &mut Vec<u8>) -> Outcome {
    use std::io::Read;
    buf.clear();
    if let Err(e) = std::fs::File::open(path).and_then(|mut f| f.read_to_end(buf)) {
        return Outcome::Unreadable(format!("open {}: {}", path.display(), go_error_text(&e)));
    }
    let src: &[u8] = buf;
    if u32::try_from(src.len()).is_err() {
        return Outcome::Unreadable(format!("{}: file too large", path.display()));
    }
    let (_, errs) = parse_file(src, Mode::COMMENTS | Mode::GO_PARSER);
    let errors = if errs.is_empty() {
        Vec::new()
    } else {
        let file = SourceFile::new(path.display().to_string(), src);
        errs.iter()
            .map(|e| format!("{}: {}", file.position(e.pos), e.msg))
            .collect()
    };
    Outcome::Parsed {
        bytes: src.len(),
        errors,
    }
}

/// Receives outcomes in any order and prints them in file order, each as
/// soon as every earlier file has been printed.
fn report_in_order(rx: mpsc::Receiver<(usize, Outcome)>, quiet: bool) -> Summary {
    let mut summary = Summary::default();
    let mut pending = BTreeMap::new();
    let mut next_to_print = 0;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut print = !quiet;
    for (i, outcome) in rx {
        pending.insert(i, outcome);
        while let Some(outcome) = pending.remove(&next_to_print) {
            record(&mut summary, &outcome);
            match &outcome {
                Outcome::Parsed { errors, .. } if print => {
                    // Once stdout is closed (`| head`), stop printing but keep counting.
                    print = write_lines(&mut out, errors).is_ok();
                }
                Outcome::Parsed { .. } => {}
                Outcome::Unreadable(msg) => {
                    let _ = out.flush();
                    io_error(msg);
                }
            }
            next_to_print += 1;
        }
    }
    let _ = out.flush();
    summary
}

fn record(summary: &mut Summary, outcome: &Outcome) {
    match outcome {
        Outcome::Parsed { bytes, errors } => {
            summary.files += 1;
            summary.bytes += bytes;
            summary.with_errors += usize::from(!errors.is_empty());
        }
        Outcome::Unreadable(_) => summary.unreadable += 1,
    }
}

fn write_lines(out: &mut impl Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Reports a path that could not be read or walked, on stderr.
fn io_error(msg: &str) {
    let _ = writeln!(io::stderr(), "rgo tool parse: {msg}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(args: &[&str]) -> Result<Options, String> {
        parse_flags(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    fn opts(quiet: bool, paths: &[&str]) -> Result<Options, String> {
        Ok(Options {
            quiet,
            paths: paths.iter().map(|s| s.to_string()).collect(),
        })
    }

    #[test]
    fn flags_follow_go_flag_rules() {
        assert_eq!(flags(&["a.go"]), opts(false, &["a.go"]));
        assert_eq!(flags(&["-q", "a", "b"]), opts(true, &["a", "b"]));
        assert_eq!(flags(&["--q", "a"]), opts(true, &["a"]));
        assert_eq!(flags(&["-q=false", "a"]), opts(false, &["a"]));
        assert_eq!(flags(&["--", "-q"]), opts(false, &["-q"]));
        // Flags stop at the first path.
        assert_eq!(flags(&["a", "-q"]), opts(false, &["a", "-q"]));
        assert_eq!(flags(&["-"]), opts(false, &["-"]));
    }

    #[test]
    fn bad_flags_are_usage_errors() {
        assert_eq!(
            flags(&["-x", "a"]),
            Err("flag provided but not defined: -x".into())
        );
        assert_eq!(
            flags(&["-q=maybe", "a"]),
            Err("invalid boolean value \"maybe\" for -q: parse error".into())
        );
        assert_eq!(flags(&["---q", "a"]), Err("bad flag syntax: ---q".into()));
        assert_eq!(flags(&["-q"]), Err(String::new()));
        assert_eq!(flags(&["-h"]), Err(String::new()));
        assert_eq!(flags(&[]), Err(String::new()));
    }
}
