//! Runs the scanner over Go files: prints each file's scanner errors as
//! `path:line:col: msg` and, at the end, the throughput (best of five
//! rounds, files already in memory).
//!
//! `cargo run --release -p rgo-syntax --example scan -- DIR_OR_FILE...`
//! walks directories for `.go` files. With `--dump`, prints instead every
//! token and error in the format of a gc-scanner oracle (`FILE path`, then
//! `line:col I "name"`, `line:col LInt "0x1"`, `line:col S newline`,
//! `E line:col: msg`, ...; text quoted as Go's `%+q`), so that the two
//! outputs can be diffed.

#[path = "../tests/scanner_data/gcscan_dump.rs"]
mod gcscan_dump;

use rgo_syntax::scanner::Scanner;
use rgo_syntax::token::Token;
use rgo_syntax::{Mode, SourceFile};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let mut dump_mode = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--dump" {
            dump_mode = true;
        } else {
            collect(Path::new(&arg), &mut files);
        }
    }
    let sources: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|src| (p, src)))
        .collect();
    let bytes: usize = sources.iter().map(|(_, s)| s.len()).sum();

    // Throughput: the best of five rounds over all files (the machine may
    // be shared), timing only the scanning.
    let mut ntok = 0usize;
    let mut best = Duration::MAX;
    for _ in 0..if dump_mode { 1 } else { 5 } {
        ntok = 0;
        let t = Instant::now();
        for (_, src) in &sources {
            let mut s = Scanner::new(src, Mode::NONE);
            loop {
                let tok = s.next();
                ntok += 1;
                if tok.kind == Token::Eof {
                    break;
                }
            }
        }
        best = best.min(t.elapsed());
    }

    let mut bad_files = 0;
    for (path, src) in &sources {
        let mut s = Scanner::new(src, Mode::NONE);
        while s.next().kind != Token::Eof {}
        let file = SourceFile::new(path.display().to_string(), src);
        if !s.errors.is_empty() {
            bad_files += 1;
        }
        if dump_mode {
            let mut out = String::new();
            gcscan_dump::dump(&file.name, src, &mut out);
            print!("{out}");
            continue;
        }
        for e in &s.errors {
            println!("{}: {}", file.position(e.pos), e.msg);
        }
    }
    let secs = best.as_secs_f64().max(1e-9);
    eprintln!(
        "{} files, {} bytes, {} tokens, {} files with errors; scan time {:.3}s = {:.0} MB/s",
        sources.len(),
        bytes,
        ntok,
        bad_files,
        secs,
        bytes as f64 / secs / 1e6
    );
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(rd) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            collect(&p, out);
        }
    } else if path.extension().is_some_and(|e| e == "go") {
        out.push(path.to_path_buf());
    }
}
