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

use rgo_syntax::scanner::Scanner;
use rgo_syntax::token::{LitKind, SemiKind, Token};
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
            dump(&file, src);
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

/// Prints tokens and errors in the oracle's format. Errors are printed
/// just before the token during whose scanning they were found, as the
/// oracle's error handler prints them.
fn dump(file: &SourceFile, src: &[u8]) {
    println!("FILE {}", file.name);
    let mut s = Scanner::new(src, Mode::NONE);
    let mut printed = 0;
    loop {
        let tok = s.next();
        for e in &s.errors[printed..] {
            let lc = file.line_col(e.pos);
            println!("E {}:{}: {}", lc.line, lc.col, e.msg);
        }
        printed = s.errors.len();
        let lc = file.line_col(tok.pos);
        let text = quote_ascii(s.text(tok));
        let t = match tok.kind {
            Token::Eof => "EOF".to_string(),
            Token::Ident => format!("I {text}"),
            Token::Lit(k) => {
                let k = match k {
                    LitKind::Int => "Int",
                    LitKind::Float => "Float",
                    LitKind::Imag => "Imag",
                    LitKind::Char => "Rune",
                    LitKind::String => "String",
                };
                format!("L{k} {text}")
            }
            Token::Semi(SemiKind::Written) => "S semicolon".to_string(),
            Token::Semi(k) => format!("S {}", Token::Semi(k)),
            k if k.is_keyword() => format!("K {k}"),
            k => format!("O {k}"),
        };
        println!("{}:{} {t}", lc.line, lc.col);
        if tok.kind == Token::Eof {
            break;
        }
    }
}

/// Go's `%+q` of a byte string: ASCII only, invalid bytes as `\\xNN`.
fn quote_ascii(b: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut rest = b;
    while !rest.is_empty() {
        let (c, w) = match std::str::from_utf8(&rest[..rest.len().min(4)]) {
            Ok(s) => (s.chars().next(), 0),
            Err(e) if e.valid_up_to() > 0 => (
                std::str::from_utf8(&rest[..e.valid_up_to()])
                    .ok()
                    .and_then(|s| s.chars().next()),
                0,
            ),
            Err(_) => (None, 1),
        };
        let Some(c) = c else {
            out += &format!("\\x{:02x}", rest[0]);
            rest = &rest[w.max(1)..];
            continue;
        };
        rest = &rest[c.len_utf8()..];
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            '\x07' => out += "\\a",
            '\x08' => out += "\\b",
            '\x0C' => out += "\\f",
            '\n' => out += "\\n",
            '\r' => out += "\\r",
            '\t' => out += "\\t",
            '\x0B' => out += "\\v",
            c if (c as u32) < 0x20 || c == '\x7F' => out += &format!("\\x{:02x}", c as u32),
            c if (c as u32) < 0x10000 => out += &format!("\\u{:04x}", c as u32),
            c => out += &format!("\\U{:08x}", c as u32),
        }
    }
    out.push('"');
    out
}
