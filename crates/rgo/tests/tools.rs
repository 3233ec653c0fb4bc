//! `rgo tool types` and `rgo tool typetest` (the Go test-suite harness):
//! what they print, and that a pass list catches a regression.

mod common;
use common::rgo_in;
use std::fs;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rgo-tools-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn tool_types_dumps_expression_types() {
    let d = scratch("types");
    write(&d, "t.go", "package p\n\nconst c = 1 + 2\n\nvar x = c\n");
    let r = rgo_in(Some(&d), &["tool", "types", "t.go"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert!(
        r.stdout.contains("3:11 1 + 2 untyped int = 3\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("5:9 c int = 3\n"), "{}", r.stdout);
    write(&d, "bad.go", "package p\n\nvar y int = \"s\"\n");
    let r = rgo_in(Some(&d), &["tool", "types", "bad.go"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("# command-line-arguments\n./bad.go:3:13: cannot use"),
        "{}",
        r.stderr
    );
}

/// A miniature Go test directory: one program of each outcome.
fn suite(dir: &Path) {
    write(
        dir,
        "run_ok.go",
        "// run\n\npackage main\n\nfunc main() { println(1) }\n",
    );
    write(
        dir,
        "run_bad.go",
        "// run\n\npackage main\n\nfunc main() { var x int }\n",
    );
    write(
        dir,
        "run_std.go",
        "// run\n\npackage main\n\nimport \"no/such/std\"\n\nfunc main() { std.F() }\n",
    );
    write(
        dir,
        "ec_ok.go",
        "// errorcheck\n\npackage p\n\nvar x int = \"s\" // ERROR \"cannot use .* as int value|incompatible\"\nvar y = z // ERROR \"undefined: z\"\n",
    );
    write(
        dir,
        "ec_missing.go",
        "// errorcheck\n\npackage p\n\nvar x int = 1 // ERROR \"cannot use\"\nvar y int = \"s\"\n",
    );
    write(
        dir,
        "ec_flags.go",
        "// errorcheck -0 -m\n\npackage p\n\nfunc f() {} // ERROR \"can inline f\"\n",
    );
    write(dir, "other.go", "// compiledir\n\npackage ignored\n");
}

#[test]
fn typetest_counts_and_pass_lists() {
    let d = scratch("typetest");
    let tests = d.join("test");
    let lists = d.join("lists");
    fs::create_dir_all(&tests).unwrap();
    suite(&tests);
    let args = |extra: &[&str]| {
        let mut v = vec![
            "tool".to_string(),
            "typetest".into(),
            "-lists".into(),
            lists.display().to_string(),
        ];
        v.extend(extra.iter().map(|s| s.to_string()));
        v.push(tests.display().to_string());
        v
    };
    let run = |a: Vec<String>| {
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        rgo_in(Some(&d), &refs)
    };
    let r = run(args(&["-update"]));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains(
            "3 programs: 1 pass, 1 fail, 0 checker panics, 1 need a std package rgo lacks"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("3 programs: 1 pass, 1 fail, 0 checker panics, 0 need a std package rgo lacks, 0 import a std package with errors, 1 skipped"), "{}", r.stdout);
    assert!(
        r.stdout.contains("needs std package: no/such/std (1)"),
        "{}",
        r.stdout
    );
    let listed = |name: &str| -> Vec<String> {
        fs::read_to_string(lists.join(name))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(listed("run-pass.txt"), ["run_ok.go"]);
    assert_eq!(listed("errorcheck-pass.txt"), ["ec_ok.go"]);

    // Unchanged: the lists hold.
    let r = run(args(&[]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("pass list errorcheck-pass.txt: 1 listed, 0 regressed"),
        "{}",
        r.stdout
    );

    // A listed program that stops passing fails the run.
    write(
        &tests,
        "ec_ok.go",
        "// errorcheck\n\npackage p\n\nvar x int = \"s\" // ERROR \"some other wording\"\n",
    );
    let r = run(args(&[]));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("REGRESSION ec_ok.go: 5: want \"some other wording\""),
        "{}",
        r.stdout
    );
}

#[test]
fn typetest_skips_a_missing_tree() {
    let d = scratch("missing");
    let r = rgo_in(Some(&d), &["tool", "typetest", "no-such-dir"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("not found: skipped"), "{}", r.stdout);
}
