//! `rgo tool checkstd [-tags t1,t2] [-k] [-v] [-pkgs p1,p2] GOROOT`:
//! type-checks every package
//! of `GOROOT/src` (not `cmd`, `vendor` or `testdata`) from that tree's own
//! sources, as go/types with a source importer would: files chosen by
//! build constraints for linux/amd64 with cgo off (a package with no
//! buildable file is skipped), imports resolved in GOROOT/src and then
//! GOROOT/src/vendor. Prints one line per package with errors,
//! `PATH<TAB>first error` (sorted by path), then a summary line on stderr.
//! A package not checked because an import had errors is listed as
//! `PATH<TAB>(import failed: DEP)`. With `-v` every checked package is
//! listed, clean ones as `PATH<TAB>ok`. With `-k` a package is checked
//! even if an import had errors (using what was checked of that import),
//! so each package shows its own first error. `-pkgs` checks only the
//! named packages and what they import (scripts/bench-types.sh).
//!
//! scripts/check-goroot-std.sh compares the list with go/types'.

use rgo::check::Session;
use rgo::load::{self, constraint::Tags};
use std::path::{Path, PathBuf};

pub fn main(args: &[String]) -> i32 {
    let mut tags = Tags::default();
    let mut verbose = false;
    let mut keep_going = false;
    let mut only: Vec<String> = Vec::new();
    let mut goroot = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-tags" => match it.next() {
                Some(t) => tags
                    .extra
                    .extend(t.split(',').filter(|s| !s.is_empty()).map(str::to_string)),
                None => return usage(),
            },
            "-v" => verbose = true,
            "-k" => keep_going = true,
            "-pkgs" => match it.next() {
                Some(p) => only.extend(p.split(',').filter(|s| !s.is_empty()).map(str::to_string)),
                None => return usage(),
            },
            f if f.starts_with('-') => return usage(),
            g => goroot = Some(PathBuf::from(g)),
        }
    }
    let Some(goroot) = goroot else { return usage() };
    let src = goroot.join("src");
    if !src.is_dir() {
        eprintln!("checkstd: {} is not a directory", src.display());
        return 1;
    }
    let opts = Opts {
        tags,
        verbose,
        keep_going,
        only,
    };
    rgo::with_deep_stack(|| check_all(&goroot, &opts))
}

fn usage() -> i32 {
    eprintln!("usage: rgo tool checkstd [-tags t1,t2] [-k] [-v] [-pkgs p1,p2] GOROOT");
    2
}

struct Opts {
    tags: Tags,
    verbose: bool,
    keep_going: bool,
    only: Vec<String>,
}

fn check_all(goroot: &Path, opts: &Opts) -> i32 {
    let src = goroot.join("src");
    let mut paths = Vec::new();
    if opts.only.is_empty() {
        package_dirs(&src, &src, &mut paths);
    } else {
        paths = opts.only.clone();
    }
    let verbose = opts.verbose;
    let cfg = load::Config {
        cwd: src.clone(),
        goroot: Some(goroot.to_path_buf()),
        tags: opts.tags.clone(),
        lenient_imports: false,
        all_errors: false,
        lang: None,
        std_rules: false,
    };
    // One load for all: each package is parsed once. A package that cannot
    // be loaded is reported from the load errors and is not a root.
    let loaded = load::load(cfg, &paths);
    let mut lines: Vec<(String, String)> = Vec::new();
    for e in &loaded.errors {
        if e.contains("build constraints exclude all Go files") || e.starts_with("no Go files") {
            continue;
        }
        lines.push((
            String::new(),
            format!("(load) {}", e.lines().next().unwrap_or("")),
        ));
    }
    let mut session = Session::new();
    session.limit = None;
    session.keep_going = opts.keep_going;
    let results = session.check(&loaded);
    let mut total = 0;
    for &root in &loaded.roots {
        total += 1;
        let path = &loaded.packages[root].path;
        let line = match results.iter().find(|r| r.index == root) {
            Some(r) if r.skipped => {
                let failed: Vec<&str> = loaded.packages[root]
                    .imports
                    .iter()
                    .filter(|(p, _)| session.std_failed(p))
                    .map(|(p, _)| p.as_str())
                    .collect();
                Some(format!("(import failed: {})", failed.join(" ")))
            }
            Some(r) if r.failed => r.lines.first().cloned(),
            _ => None,
        };
        match line {
            Some(l) => lines.push((path.clone(), l)),
            None if verbose => lines.push((path.clone(), "ok".into())),
            None => {}
        }
    }
    lines.sort();
    let mut bad = 0;
    for (path, l) in &lines {
        if l != "ok" {
            bad += 1;
        }
        if path.is_empty() {
            println!("{l}");
        } else {
            println!("{path}\t{l}");
        }
    }
    eprintln!("checkstd: {total} packages checked, {bad} with errors");
    i32::from(bad > 0)
}

/// Import paths of the directories under `dir` holding `.go` files, sorted,
/// skipping `cmd`, `vendor`, `testdata` and `_x`/`.x` directories.
fn package_dirs(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    let mut has_go = false;
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let p = e.path();
        if p.is_dir() {
            let top = dir == root;
            if name == "testdata"
                || name.starts_with(['.', '_'])
                || (top && (name == "cmd" || name == "vendor"))
            {
                continue;
            }
            package_dirs(root, &p, out);
        } else if name.ends_with(".go") && !name.ends_with("_test.go") {
            has_go = true;
        }
    }
    if has_go && dir != root {
        if let Ok(rel) = dir.strip_prefix(root) {
            out.push(rel.display().to_string());
        }
    }
}
