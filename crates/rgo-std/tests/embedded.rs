//! Checks the embedded std sources: every `.go` file under `go/` is in the
//! table (and nothing else is), each package's files declare the package
//! name of its import path, and every file parses with rgo-syntax without
//! a syntax error.

use std::collections::BTreeMap;
use std::path::Path;

/// Reads `go/` from disk: import path -> sorted (file name, source).
fn on_disk() -> BTreeMap<String, Vec<(String, String)>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("go");
    let mut out = BTreeMap::new();
    collect(&root, &root, &mut out);
    out
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<(String, String)>>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out);
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".go") || name.ends_with("_test.go") {
            continue;
        }
        let pkg = dir
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let src = std::fs::read_to_string(&path).unwrap();
        out.entry(pkg).or_default().push((name, src));
    }
}

#[test]
fn every_file_is_embedded() {
    let disk = on_disk();
    let embedded: Vec<&str> = rgo_std::packages().collect();
    let disk_pkgs: Vec<&str> = disk.keys().map(String::as_str).collect();
    assert_eq!(embedded, disk_pkgs);
    for (pkg, files) in &disk {
        let got = rgo_std::package_files(pkg).unwrap();
        let got: Vec<(String, String)> = got
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        assert_eq!(&got, files, "package {pkg}");
    }
}

#[test]
fn core_packages_present() {
    for pkg in [
        "errors",
        "fmt",
        "os",
        "strings",
        "strconv",
        "sync",
        "sync/atomic",
        "time",
        "runtime",
        "unicode/utf8",
    ] {
        assert!(rgo_std::package_files(pkg).is_some(), "missing {pkg}");
    }
}

/// The name in the `package` clause of `src` (after comments).
fn package_clause(src: &str) -> Option<&str> {
    let mut in_block = false;
    for line in src.lines() {
        let t = line.trim();
        if in_block {
            if t.contains("*/") {
                in_block = false;
            }
            continue;
        }
        if t.starts_with("/*") {
            in_block = !t.contains("*/");
            continue;
        }
        if let Some(rest) = t.strip_prefix("package ") {
            return rest.split_whitespace().next();
        }
    }
    None
}

/// The package name for an import path: its last element, except that a
/// major-version suffix (`math/rand/v2`) names the element before it.
fn expected_package_name(path: &str) -> &str {
    let mut elems = path.rsplit('/');
    let last = elems.next().unwrap();
    let is_version =
        last.len() > 1 && last.starts_with('v') && last[1..].bytes().all(|b| b.is_ascii_digit());
    match elems.next() {
        Some(prev) if is_version => prev,
        _ => last,
    }
}

#[test]
fn package_names_match_paths() {
    for pkg in rgo_std::packages() {
        let want = expected_package_name(pkg);
        for (name, src) in rgo_std::package_files(pkg).unwrap() {
            assert_eq!(package_clause(src), Some(want), "{pkg}/{name}");
        }
    }
}

#[test]
fn every_file_parses() {
    let mut failures = Vec::new();
    for pkg in rgo_std::packages() {
        for (name, src) in rgo_std::package_files(pkg).unwrap() {
            let (_file, errs) = rgo_syntax::parse_file(src.as_bytes(), rgo_syntax::Mode::NONE);
            for e in errs {
                let lc = rgo_syntax::SourceFile::new(format!("{pkg}/{name}"), src.as_bytes())
                    .line_col(e.pos);
                failures.push(format!("{pkg}/{name}:{}:{}: {}", lc.line, lc.col, e.msg));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "syntax errors:\n{}",
        failures.join("\n")
    );
}
