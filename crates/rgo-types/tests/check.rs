//! Type checker tests through the crate's boundary: parse, check, compare.
//!
//! - `testdata/errors/*.go`: Go's errorcheck convention. Each expected error
//!   is annotated on its line with `// ERROR "regexp"` (several quoted
//!   patterns possible); every reported error must be matched by a pattern
//!   of its line and every pattern by an error. Errors are reported as gc
//!   does: the first 10 in report order, sorted by position.
//!   `testdata/verify.sh` checks the annotations against the real `go build`;
//!   where a `.out` (go build's output) sits beside a file, the full text,
//!   continuation lines included, and every column must equal it.
//! - `testdata/ok/*.go`: valid programs, which must check without error;
//!   where a `.types` file sits beside one, the expression type dump must
//!   equal it (RGO_BLESS=1 rewrites them).
//! - `go_test_suite`: gated on RGO_GO_TEST=<Go's test dir>: every `// run`
//!   program whose imports the fake packages provide must check cleanly;
//!   prints the count and the failures.
//! - `every_expression_has_a_type` (ok/*.go) and, gated the same way,
//!   `go_test_suite_types_recorded`: every expression node has its type in
//!   `Info` except where go/types records none (see `untyped_exprs`); the
//!   one known exception without a node of its own: an interface method's
//!   signature, which the syntax tree does not give an id.
//! - `labels_are_objects`, `scopes_are_recorded`: Info's labels and scopes.
//!
//! Imports resolve to `testdata/pkgs/<path>/*.go`: declarations with
//! bodiless functions, checked like any package.

mod walk;

use rgo_syntax::ast::{ExprKind, File};
use rgo_syntax::{Mode, SourceFile};
use rgo_types::check::{check_package, Importer};
use rgo_types::types::{PackageId, World};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

struct FakeImporter {
    root: PathBuf,
    cache: HashMap<String, Result<PackageId, String>>,
}

impl Importer for FakeImporter {
    fn import(&mut self, w: &mut World, path: &str) -> Result<PackageId, String> {
        if let Some(r) = self.cache.get(path) {
            return r.clone();
        }
        let dir = self.root.join(path);
        let mut names: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect(),
            Err(_) => {
                let r = Err(format!("package {} is not in std", path));
                self.cache.insert(path.to_string(), r.clone());
                return r;
            }
        };
        names.sort();
        let mut files = Vec::new();
        let mut srcs = Vec::new();
        for n in &names {
            let src = std::fs::read(n).unwrap_or_default();
            let sf = SourceFile::new(n.display().to_string(), &src);
            let (f, errs) = rgo_syntax::parse_file(&src, Mode::NONE);
            assert!(errs.is_empty(), "fake package {}: {:?}", path, errs);
            files.push(f);
            srcs.push(sf);
        }
        let (p, _info, errs) = check_package(w, path, &files, &srcs, self);
        let r = if errs.is_empty() {
            Ok(p)
        } else {
            Err(format!("fake package {} has errors: {:?}", path, errs))
        };
        self.cache.insert(path.to_string(), r.clone());
        r
    }
}

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata")
}

/// Checks one file the way `go build x.go` reports: `(line, col, msg)` of
/// the errors gc would print (syntax errors stop before type checking).
fn check_src(
    src: &str,
    w: &mut World,
    imp: &mut FakeImporter,
) -> (
    Vec<(u32, u32, String)>,
    Option<(PackageId, rgo_types::Info, File, SourceFile)>,
) {
    let sf = SourceFile::new("./x.go", src.as_bytes());
    let (file, errs) = rgo_syntax::parser::parse_file_checked(src.as_bytes(), Mode::NONE, &sf);
    let lc = |p| {
        let l = sf.line_col(p);
        (l.line, l.col)
    };
    // Syntax errors stop gc before type checking; the parser's other
    // errors (branch checks) do not, and come first.
    if errs.iter().any(|e| e.msg.starts_with("syntax error")) {
        let out = errs
            .iter()
            .map(|e| (lc(e.pos).0, lc(e.pos).1, e.msg.clone()))
            .collect();
        return (out, None);
    }
    let files = vec![file];
    let srcs = vec![sf.clone()];
    let (pkg, info, terrs) = check_package(w, "main", &files, &srcs, imp);
    let mut all: Vec<rgo_types::TypeError> = errs
        .iter()
        .map(|e| rgo_types::TypeError {
            file: 0,
            pos: e.pos,
            msg: e.msg.clone(),
            soft: false,
        })
        .collect();
    all.extend(terrs);
    if all.is_empty() {
        // gc's backend refuses bodiless functions of a valid package.
        all = rgo_types::check::missing_bodies(&files);
    }
    let (shown, _) = rgo_types::check::gc_errors(&all, |_, p| sf.line_col(p).line);
    let out: Vec<(u32, u32, String)> = shown
        .iter()
        .map(|e| {
            let (l, c) = lc(e.pos);
            (l, c, e.msg.clone())
        })
        .collect();
    let file = files.into_iter().next();
    (out, file.map(|f| (pkg, info, f, sf)))
}

fn new_env() -> (World, FakeImporter) {
    (
        World::new(),
        FakeImporter {
            root: testdata().join("pkgs"),
            cache: HashMap::new(),
        },
    )
}

/// `// ERROR "a" "b"` patterns by line.
fn annotations(src: &str) -> HashMap<u32, Vec<String>> {
    let mut out = HashMap::new();
    for (i, line) in src.lines().enumerate() {
        let Some(at) = line.find("// ERROR ") else {
            continue;
        };
        let mut rest = &line[at + 9..];
        let mut pats = Vec::new();
        while let Some(start) = rest.find('"') {
            let body = &rest[start + 1..];
            let mut end = None;
            let mut esc = false;
            for (j, ch) in body.char_indices() {
                if esc {
                    esc = false;
                } else if ch == '\\' {
                    esc = true;
                } else if ch == '"' {
                    end = Some(j);
                    break;
                }
            }
            let Some(end) = end else { break };
            pats.push(unescape_go(&body[..end]));
            rest = &body[end + 1..];
        }
        out.insert(i as u32 + 1, pats);
    }
    out
}

/// Go string-literal unescaping of `\"` and `\\` (what errorcheck patterns use).
fn unescape_go(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some(o) => {
                    out.push('\\');
                    out.push(o);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn errorcheck(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).unwrap();
    let (mut w, mut imp) = new_env();
    let (errs, _) = check_src(&src, &mut w, &mut imp);
    let anns = annotations(&src);
    let mut problems = Vec::new();
    let mut by_line: HashMap<u32, Vec<&(u32, u32, String)>> = HashMap::new();
    for e in &errs {
        by_line.entry(e.0).or_default().push(e);
    }
    for e in &errs {
        let first = e.2.lines().next().unwrap_or("");
        let ok = anns
            .get(&e.0)
            .is_some_and(|pats| pats.iter().any(|p| re::is_match(p, first)));
        if !ok {
            problems.push(format!(
                "{}:{}:{}: unexpected error: {}",
                path.display(),
                e.0,
                e.1,
                first
            ));
        }
    }
    let mut lines: Vec<_> = anns.iter().collect();
    lines.sort();
    for (line, pats) in lines {
        for p in pats {
            let found = by_line.get(line).is_some_and(|es| {
                es.iter()
                    .any(|e| re::is_match(p, e.2.lines().next().unwrap_or("")))
            });
            if !found {
                let got: Vec<String> = by_line
                    .get(line)
                    .map(|es| es.iter().map(|e| e.2.clone()).collect())
                    .unwrap_or_default();
                problems.push(format!(
                    "{}:{}: missing error {:?} (got {:?})",
                    path.display(),
                    line,
                    p,
                    got
                ));
            }
        }
    }
    // Columns: an error whose line and text equal one of go build's (the
    // `.out` beside the file) must be at go's column.
    if let Ok(out) = std::fs::read_to_string(path.with_extension("out")) {
        for l in out.lines() {
            let Some(rest) = l.strip_prefix("./x.go:") else {
                continue;
            };
            let mut it = rest.splitn(3, ':');
            let (Some(ln), Some(col), Some(msg)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            let (Ok(ln), Ok(col)) = (ln.parse::<u32>(), col.parse::<u32>()) else {
                continue;
            };
            let msg = msg.trim_start();
            if let Some(e) = errs
                .iter()
                .find(|e| e.0 == ln && e.2.lines().next() == Some(msg))
            {
                if e.1 != col {
                    problems.push(format!(
                        "{}:{}: column {} but go reports {} for {:?}",
                        path.display(),
                        ln,
                        e.1,
                        col,
                        msg
                    ));
                }
            }
        }
    }
    // Full text: the errors, continuation lines included, as go build
    // prints them (its `too many errors` line aside).
    if let Ok(out) = std::fs::read_to_string(path.with_extension("out")) {
        let want: Vec<&str> = out
            .lines()
            .filter(|l| !l.ends_with(": too many errors"))
            .collect();
        let got_text: String = errs
            .iter()
            .map(|e| format!("./x.go:{}:{}: {}\n", e.0, e.1, e.2))
            .collect();
        let got: Vec<&str> = got_text.lines().collect();
        if got != want {
            problems.push(format!(
                "{}: full text differs from go build's\n--- go\n{}\n--- ours\n{}",
                path.display(),
                want.join("\n"),
                got.join("\n")
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn errors() {
    let files = go_files(&testdata().join("errors"));
    assert!(!files.is_empty());
    let fails: Vec<String> = files.iter().filter_map(|p| errorcheck(p).err()).collect();
    assert!(fails.is_empty(), "\n{}", fails.join("\n"));
}

#[test]
fn ok_programs() {
    let files = go_files(&testdata().join("ok"));
    assert!(!files.is_empty());
    let bless = std::env::var_os("RGO_BLESS").is_some();
    let mut fails = Vec::new();
    for p in &files {
        let src = std::fs::read_to_string(p).unwrap();
        let (mut w, mut imp) = new_env();
        let (errs, res) = check_src(&src, &mut w, &mut imp);
        if !errs.is_empty() {
            fails.push(format!("{}: {:?}", p.display(), errs));
            continue;
        }
        let golden = p.with_extension("types");
        if let Some((pkg, info, file, sf)) = res {
            if golden.exists() || bless {
                let got = rgo_types::debug::dump_types(&w, pkg, &info, 0, &file, &sf);
                if bless {
                    std::fs::write(&golden, &got).unwrap();
                } else {
                    let want = std::fs::read_to_string(&golden).unwrap();
                    if want != got {
                        fails.push(format!(
                            "{}: type dump differs:\n--- want\n{}\n--- got\n{}",
                            p.display(),
                            want,
                            got
                        ));
                    }
                }
            }
        }
    }
    assert!(fails.is_empty(), "\n{}", fails.join("\n\n"));
}

/// Every `// run` program of Go's test suite whose imports we can satisfy
/// must check without error (gated: RGO_GO_TEST=/usr/share/go-1.19/test).
#[test]
fn go_test_suite() {
    let Some(dir) = std::env::var_os("RGO_GO_TEST") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let mut total = 0;
    let mut pass = 0;
    let mut fails = Vec::new();
    let mut panics: Vec<String> = Vec::new();
    let mut all = Vec::new();
    walk_dir(&dir, &mut all);
    for p in all {
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let first = src.lines().next().unwrap_or("").trim();
        let runnable = first == "// run" || first.starts_with("// run ") || first == "// compile";
        if !runnable {
            // Still must not panic, whatever the input.
            let sf = SourceFile::new("x.go", src.as_bytes());
            let (file, _) = rgo_syntax::parser::parse_file_checked(src.as_bytes(), Mode::NONE, &sf);
            let (mut w, mut imp) = new_env();
            let files = vec![file];
            let srcs = vec![sf];
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check_package(&mut w, "main", &files, &srcs, &mut imp)
                    .2
                    .len()
            }));
            if r.is_err() {
                panics.push(p.display().to_string());
            }
            continue;
        }
        let sf = SourceFile::new("x.go", src.as_bytes());
        let (file, errs) = rgo_syntax::parser::parse_file_checked(src.as_bytes(), Mode::NONE, &sf);
        if !errs.is_empty() {
            continue;
        }
        let pkgs = testdata().join("pkgs");
        let importable = file.imports().all(|i| {
            let path = i.path.value.trim_matches('"');
            path == "unsafe" || pkgs.join(path).is_dir()
        });
        if !importable {
            continue;
        }
        total += 1;
        let (mut w, mut imp) = new_env();
        let files = vec![file];
        let srcs = vec![sf.clone()];
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_package(&mut w, "main", &files, &srcs, &mut imp).2
        }));
        match r {
            Ok(errs) if errs.is_empty() => pass += 1,
            Ok(errs) => {
                let e = &errs[0];
                let lc = sf.line_col(e.pos);
                fails.push(format!(
                    "{}:{}:{}: {}",
                    p.display(),
                    lc.line,
                    lc.col,
                    e.msg.lines().next().unwrap_or("")
                ));
            }
            Err(_) => fails.push(format!("{}: PANIC", p.display())),
        }
    }
    for f in &fails {
        eprintln!("{}", f);
    }
    eprintln!(
        "go test suite: {}/{} `// run` and `// compile` programs check without error",
        pass, total
    );
    assert!(panics.is_empty(), "checker panicked on: {:?}", panics);
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) {
    out.extend(go_files(dir));
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut dirs: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for d in dirs {
        walk_dir(&d, out);
    }
}

/// A small backtracking regexp matcher (unanchored search) for errorcheck
/// patterns: literals, `.`, escapes, `[...]` classes, `* + ?`, `^`, `$`,
/// and top-level `|` alternatives.
mod re {
    #[derive(Debug, Clone)]
    enum Atom {
        Char(char),
        Any,
        Class(Vec<(char, char)>, bool),
        Start,
        End,
    }

    #[derive(Debug, Clone)]
    struct Piece {
        atom: Atom,
        min: usize,
        max: usize,
    }

    fn parse(p: &str) -> Vec<Piece> {
        let cs: Vec<char> = p.chars().collect();
        let mut out: Vec<Piece> = Vec::new();
        let mut i = 0;
        while i < cs.len() {
            let atom = match cs[i] {
                '.' => Atom::Any,
                '^' => Atom::Start,
                '$' => Atom::End,
                '\\' if i + 1 < cs.len() => {
                    i += 1;
                    match cs[i] {
                        'd' => Atom::Class(vec![('0', '9')], false),
                        's' => Atom::Class(vec![(' ', ' '), ('\t', '\t'), ('\n', '\n')], false),
                        'w' => {
                            Atom::Class(vec![('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')], false)
                        }
                        c => Atom::Char(c),
                    }
                }
                '[' => {
                    let mut j = i + 1;
                    let neg = j < cs.len() && cs[j] == '^';
                    if neg {
                        j += 1;
                    }
                    let mut ranges = Vec::new();
                    while j < cs.len() && cs[j] != ']' {
                        let mut c = cs[j];
                        if c == '\\' && j + 1 < cs.len() {
                            j += 1;
                            c = cs[j];
                        }
                        if j + 2 < cs.len() && cs[j + 1] == '-' && cs[j + 2] != ']' {
                            ranges.push((c, cs[j + 2]));
                            j += 3;
                        } else {
                            ranges.push((c, c));
                            j += 1;
                        }
                    }
                    i = j;
                    Atom::Class(ranges, neg)
                }
                c => Atom::Char(c),
            };
            i += 1;
            let (min, max) = match cs.get(i) {
                Some('*') => (0, usize::MAX),
                Some('+') => (1, usize::MAX),
                Some('?') => (0, 1),
                _ => (1, 1),
            };
            if max != 1 || min != 1 {
                i += 1;
            }
            out.push(Piece { atom, min, max });
        }
        out
    }

    fn atom_match(a: &Atom, c: char) -> bool {
        match a {
            Atom::Char(x) => *x == c,
            Atom::Any => c != '\n',
            Atom::Class(r, neg) => r.iter().any(|(lo, hi)| *lo <= c && c <= *hi) != *neg,
            _ => false,
        }
    }

    fn m(ps: &[Piece], s: &[char], i: usize) -> bool {
        let Some(p) = ps.first() else { return true };
        match p.atom {
            Atom::Start => return i == 0 && m(&ps[1..], s, i),
            Atom::End => return i == s.len() && m(&ps[1..], s, i),
            _ => {}
        }
        let mut n = 0;
        while n < p.min {
            if i + n < s.len() && atom_match(&p.atom, s[i + n]) {
                n += 1;
            } else {
                return false;
            }
        }
        loop {
            // Greedy: try to extend first.
            if n < p.max && i + n < s.len() && atom_match(&p.atom, s[i + n]) {
                n += 1;
                continue;
            }
            break;
        }
        loop {
            if m(&ps[1..], s, i + n) {
                return true;
            }
            if n == p.min {
                return false;
            }
            n -= 1;
        }
    }

    pub fn is_match(pat: &str, s: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        pat.split('|').any(|alt| {
            let ps = parse(alt);
            (0..=chars.len()).any(|i| m(&ps, &chars, i))
        })
    }
}

/// The checker never panics: every fixture cut at many points (a cheap
/// stand-in for the fuzzer) is checked, whatever the parser made of it.
#[test]
fn truncated_inputs_do_not_panic() {
    let mut files = go_files(&testdata().join("errors"));
    files.extend(go_files(&testdata().join("ok")));
    for p in files {
        let src = std::fs::read(&p).unwrap();
        let step = (src.len() / 60).max(1);
        let mut cut = 0;
        while cut < src.len() {
            let part = &src[..cut];
            let sf = SourceFile::new("x.go", part);
            let (file, _) = rgo_syntax::parser::parse_file_checked(part, Mode::NONE, &sf);
            let (mut w, mut imp) = new_env();
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check_package(&mut w, "main", &[file], &[sf.clone()], &mut imp)
                    .2
                    .len()
            }));
            assert!(
                r.is_ok(),
                "checker panicked on {} cut at byte {}",
                p.display(),
                cut
            );
            cut += step;
        }
    }
}

/// Deeply nested expressions check (Go accepts them) without exhausting the
/// stack; absurd depths get an error, not a crash.
#[test]
fn deep_nesting() {
    let run = |n: usize| -> Vec<String> {
        let src = format!(
            "package main\n\nfunc main() {{\n\tz := {}1\n\t_ = z\n}}\n",
            "1+".repeat(n)
        );
        // The parser runs on this thread: give it a large stack too.
        std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn(move || {
                let (mut w, mut imp) = new_env();
                check_src(&src, &mut w, &mut imp)
                    .0
                    .into_iter()
                    .map(|e| e.2)
                    .collect()
            })
            .unwrap()
            .join()
            .unwrap()
    };
    assert_eq!(run(20_000), Vec::<String>::new());
    assert_eq!(
        run(120_000),
        vec!["expression or statement nesting too deep".to_string()]
    );
}

/// The expressions of a checked file without a recorded type, except where
/// go/types records none either: a blank `_` on an assignment's left, a
/// name a `:=` or range clause declares (in `defs`), a package name
/// qualifying a selector, a struct literal's field key.
/// Returns `line:col kind` descriptions.
fn untyped_exprs(w: &World, info: &rgo_types::Info, f: &File, sf: &SourceFile) -> Vec<String> {
    let mut out = Vec::new();
    for v in walk::file_exprs(f) {
        let e = v.expr;
        if info.type_of(0, e.id).is_some() {
            continue;
        }
        let used = info.files[0].uses.get(e.id.index()).copied().flatten();
        let defined = info.files[0].defs.get(e.id.index()).copied().flatten();
        let blank_lhs = v.lhs && matches!(&e.unparen().kind, ExprKind::Name(n) if n == "_");
        let exempt = blank_lhs
            || match &e.kind {
                ExprKind::Name(n) => {
                    (v.lhs && (n == "_" || defined.is_some()))
                        || used.is_some_and(|o| {
                            matches!(w.obj(o).kind, rgo_types::types::ObjKind::PkgName(_))
                        })
                        || (v.field_key && used.is_some())
                }
                _ => false,
            };
        if !exempt {
            let lc = sf.line_col(e.pos);
            let kind = format!("{:?}", e.kind);
            let kind: String = kind.chars().take_while(|c| c.is_alphanumeric()).collect();
            out.push(format!("{}:{} {}", lc.line, lc.col, kind));
        }
    }
    out
}

#[test]
fn every_expression_has_a_type() {
    for p in go_files(&testdata().join("ok")) {
        let src = std::fs::read_to_string(&p).unwrap_or_default();
        let (mut w, mut imp) = new_env();
        let (errs, checked) = check_src(&src, &mut w, &mut imp);
        assert!(errs.is_empty(), "{}: {:?}", p.display(), errs);
        let Some((_, info, f, sf)) = checked else {
            panic!("{}: not checked", p.display());
        };
        let missing = untyped_exprs(&w, &info, &f, &sf);
        assert!(
            missing.is_empty(),
            "{}: no type for {:?}",
            p.display(),
            missing
        );
    }
}

/// Gated on RGO_GO_TEST: the same over every valid suite program; prints
/// the expression kinds lacking a type (and fails if any does).
#[test]
fn go_test_suite_types_recorded() {
    let Some(dir) = std::env::var_os("RGO_GO_TEST") else {
        return;
    };
    let mut all = Vec::new();
    walk_dir(&PathBuf::from(dir), &mut all);
    let pkgs = testdata().join("pkgs");
    let (mut files, mut bad) = (0, Vec::new());
    for p in all {
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let first = src.lines().next().unwrap_or("").trim();
        if !(first == "// run" || first.starts_with("// run ") || first == "// compile") {
            continue;
        }
        let sf0 = SourceFile::new("x.go", src.as_bytes());
        let (file, perrs) =
            rgo_syntax::parser::parse_file_checked(src.as_bytes(), Mode::NONE, &sf0);
        let importable = file.imports().all(|i| {
            let path = i.path.value.trim_matches('"');
            path == "unsafe" || pkgs.join(path).is_dir()
        });
        if !perrs.is_empty() || !importable {
            continue;
        }
        let (mut w, mut imp) = new_env();
        let (errs, checked) = check_src(&src, &mut w, &mut imp);
        let Some((_, info, f, sf)) = checked else {
            continue;
        };
        // gc's backend error for assembly-backed functions does not matter here.
        if errs.iter().any(|e| e.2 != "missing function body") {
            continue;
        }
        files += 1;
        for m in untyped_exprs(&w, &info, &f, &sf) {
            bad.push(format!("{}:{}", p.display(), m));
        }
    }
    for b in bad.iter().take(40) {
        eprintln!("no type: {}", b);
    }
    eprintln!(
        "types recorded: {} programs, {} expressions without a type",
        files,
        bad.len()
    );
    assert!(bad.is_empty());
}

/// Labels are objects: the labeled statement defines one, `break`,
/// `continue` and `goto` use it; labels of a function literal are its own.
#[test]
fn labels_are_objects() {
    let src = "package main\n\nfunc main() {\nouter:\n\tfor i := 0; i < 2; i++ {\n\t\tfor {\n\t\t\tcontinue outer\n\t\t}\n\t}\n\tgoto end\nend:\n\tfunc() {\n\touter:\n\t\tfor {\n\t\t\tbreak outer\n\t\t}\n\t}()\n}\n";
    let (mut w, mut imp) = new_env();
    let (errs, checked) = check_src(src, &mut w, &mut imp);
    assert!(errs.is_empty(), "{:?}", errs);
    let (_, info, _f, sf) = checked.expect("checked");
    let fi = &info.files[0];
    let mut defs = Vec::new();
    let mut uses = Vec::new();
    for (i, d) in fi.defs.iter().enumerate() {
        if let Some(o) = d {
            if matches!(w.obj(*o).kind, rgo_types::types::ObjKind::Label) {
                defs.push((i, *o));
            }
        }
    }
    for (i, u) in fi.uses.iter().enumerate() {
        if let Some(o) = u {
            if matches!(w.obj(*o).kind, rgo_types::types::ObjKind::Label) {
                uses.push((i, *o));
            }
        }
    }
    assert_eq!(defs.len(), 3, "outer, end, and the literal's outer");
    assert_eq!(uses.len(), 3, "continue outer, goto end, break outer");
    let line = |o: rgo_types::types::ObjId| sf.line_col(w.obj(o).pos).line;
    let mut used_lines: Vec<u32> = uses.iter().map(|(_, o)| line(*o)).collect();
    used_lines.sort();
    assert_eq!(used_lines, vec![4, 11, 13]);
}

/// Every block-like statement and function opens a recorded scope.
#[test]
fn scopes_are_recorded() {
    let src = "package main\n\nfunc f(x int) int {\n\tif y := x; y > 0 {\n\t\treturn y\n\t}\n\tfor i := 0; i < x; i++ {\n\t}\n\tswitch z := x; z {\n\tcase 1:\n\t}\n\t{\n\t}\n\treturn 0\n}\n\nfunc main() { f(1) }\n";
    let (mut w, mut imp) = new_env();
    let (errs, checked) = check_src(src, &mut w, &mut imp);
    assert!(errs.is_empty(), "{:?}", errs);
    let (_, info, _f, sf) = checked.expect("checked");
    let lines: Vec<u32> = info.files[0]
        .scopes
        .iter()
        .map(|(p, _)| sf.line_col(*p).line)
        .collect();
    // file, f's function scope, if (+ its block), for (+ body), switch, case, block, main.
    for l in [3, 4, 7, 9, 10, 12, 17] {
        assert!(lines.contains(&l), "no scope on line {}: {:?}", l, lines);
    }
    // The variables live in their statements' scopes.
    let y = info.files[0]
        .scopes
        .iter()
        .find(|(_, s)| w.lookup_local(*s, "y").is_some());
    assert!(y.is_some_and(|(p, _)| sf.line_col(*p).line == 4));
}

/// A generic type containing itself (an error) must not send the checker
/// into endless expansion or sizing.
#[test]
fn recursive_generic_type_terminates() {
    let src = "package p\n\nimport \"unsafe\"\n\ntype T[P any] struct {\n\tT[P]\n}\n\ntype N[P any] struct {\n\tnext *N[[2]P]\n}\n\nvar _ = unsafe.Sizeof(T[int]{})\n\nvar _ N[int]\n";
    let (mut w, mut imp) = new_env();
    let (errs, _) = check_src(src, &mut w, &mut imp);
    // go build -gcflags=-e reports `6:2: invalid recursive type: T[P]
    // refers to itself` (and so skips the instantiation-cycle check), then
    // `13:23: ... T[int] refers to itself` for the use of the broken
    // instance, which rgo does not repeat (a known gap).
    assert_eq!(
        errs.first(),
        Some(&(
            6,
            2,
            "invalid recursive type: T[P] refers to itself".to_string()
        )),
        "{:?}",
        errs
    );
    assert!(
        !errs.iter().any(|e| e.2.starts_with("instantiation cycle")),
        "{:?}",
        errs
    );
}

/// A failed import declares a stand-in package (types2's fake package):
/// its uses report nothing more, and it counts as used. Invalid import
/// paths are reported before the importer is asked (types2's wording: the
/// go command rejects such files before compiling, so there is no go
/// output to compare with).
#[test]
fn failed_import_is_silent_afterwards() {
    let src = "package p\n\nimport \"nonexist/foo\"\nimport \"a b\"\nimport \"x\\u0007\"\n\nfunc f() { foo.X(); _ = foo.Y }\n";
    let (mut w, mut imp) = new_env();
    let (errs, _) = check_src(src, &mut w, &mut imp);
    let want = vec![
        (
            3,
            8,
            "could not import nonexist/foo (package nonexist/foo is not in std)".to_string(),
        ),
        (
            4,
            8,
            "invalid import path (invalid character U+0020 ' ')".to_string(),
        ),
        (
            5,
            8,
            "invalid import path (invalid character U+0007)".to_string(),
        ),
    ];
    assert_eq!(errs, want);
    // The stand-in is not registered under the path.
    assert!(!w.by_path.contains_key("nonexist/foo"));
}
