//! `rgo vet` and `rgo build` (which only type-checks for now): package
//! arguments resolved as `go` resolves them and errors printed as
//! `go build` prints them. Every expected text below was produced by the
//! real go (go1.27) on the same files.

mod common;
use common::rgo_in;
use std::fs;
use std::path::{Path, PathBuf};

/// A scratch directory holding `files` (path, contents).
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rgo-vet-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    dir
}

/// Runs `rgo vet ARGS` in `dir`; (exit status, stderr). Stdout must be empty.
fn vet(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec!["vet"];
    all.extend_from_slice(args);
    let r = rgo_in(Some(dir), &all);
    assert_eq!(r.stdout, "", "vet prints nothing on stdout");
    (r.code, r.stderr)
}

const MODULE: &str = "module example.com/m\n\ngo 1.22\n";

#[test]
fn type_errors_of_named_files() {
    let d = tree(
        "files",
        &[(
            "x.go",
            "package main\n\nfunc main() {\n\tx := 1\n\tvar y int = \"s\"\n}\n",
        )],
    );
    let (code, err) = vet(&d, &["x.go"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "# command-line-arguments\n\
         ./x.go:4:2: declared and not used: x\n\
         ./x.go:5:6: declared and not used: y\n\
         ./x.go:5:14: cannot use \"s\" (untyped string constant) as int value in variable declaration\n"
    );
    // rgo build checks the same way.
    let r = rgo_in(Some(&d), &["build", "x.go"]);
    assert_eq!((r.code, r.stderr.as_str()), (1, err.as_str()));
}

#[test]
fn line_directives_rename_positions() {
    let src = "package main\n\n//line :10:1\nvar a int = \"a\"\n\n//line foo.go:20:5\nvar b int = \"b\"\n\n\
               //line bar.go:30\nvar c int = \"c\"\n\n//line /abs/baz.go:40:2\nvar d int = \"d\"\n\n\
               //line :50\nvar e int = \"e\"\n\nvar f int = \"f\" /*line q.go:60:7*/; var g int = \"g\"\n\n\
               //line sub/r.go:70:1\nvar h int = \"h\"\n//line :80:1\nvar i int = 1 + \"i\"\n  \
               //line notstart.go:90:1\nvar j int = \"j\"\nfunc main() {}\n";
    let d = tree("line", &[("x.go", src)]);
    let (code, err) = vet(&d, &["x.go"]);
    assert_eq!(code, 1);
    let m = |v: &str| {
        format!("cannot use \"{v}\" (untyped string constant) as int value in variable declaration")
    };
    let want = [
        format!("./x.go:10:13: {}", m("a")),
        format!("./foo.go:20:17: {}", m("b")),
        format!("./bar.go:30: {}", m("c")),
        format!("/abs/baz.go:40:14: {}", m("d")),
        format!(":50: {}", m("e")),
        format!(":52: {}", m("f")),
        format!("./q.go:60:21: {}", m("g")),
        format!("./sub/r.go:70:13: {}", m("h")),
        "./sub/r.go:80:13: invalid operation: 1 + \"i\" (mismatched types untyped int and untyped string)".to_string(),
        format!("./sub/r.go:82:13: {}", m("j")),
        "./sub/r.go:82:13: too many errors".to_string(),
    ];
    assert_eq!(
        err,
        format!("# command-line-arguments\n{}\n", want.join("\n"))
    );
}

#[test]
fn a_clean_package_is_silent() {
    let d = tree(
        "clean",
        &[
            ("go.mod", MODULE),
            ("main.go", "package main\n\nfunc main() {}\n"),
        ],
    );
    assert_eq!(vet(&d, &["."]), (0, String::new()));
    assert_eq!(vet(&d, &["main.go"]), (0, String::new()));
    assert_eq!(vet(&d, &[]), (0, String::new()));
}

#[test]
fn syntax_errors_stop_before_type_checking() {
    let d = tree(
        "syntax",
        &[(
            "z.go",
            "package main\n\nfunc main() {\n\tx := \n}\nfunc f( {\nvar unused int\n",
        )],
    );
    let (code, err) = vet(&d, &["z.go"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "# command-line-arguments\n\
         ./z.go:5:1: syntax error: unexpected }, expected expression\n\
         ./z.go:6:9: syntax error: unexpected {, expected )\n"
    );
}

#[test]
fn ten_errors_then_too_many_errors() {
    let mut src = String::from("package main\n\nfunc main() {\n");
    for i in 1..=12 {
        src.push_str(&format!("\tvar v{i} int\n"));
    }
    src.push_str("}\n");
    let d = tree("many", &[("x.go", &src)]);
    let (code, err) = vet(&d, &["x.go"]);
    assert_eq!(code, 1);
    let mut want = String::from("# command-line-arguments\n");
    for i in 1..=10 {
        want.push_str(&format!(
            "./x.go:{}:6: declared and not used: v{i}\n",
            i + 3
        ));
    }
    want.push_str("./x.go:13:6: too many errors\n");
    assert_eq!(err, want);
}

#[test]
fn module_packages_print_paths_relative_to_the_current_directory() {
    let d = tree(
        "module",
        &[
            ("go.mod", MODULE),
            (
                "main.go",
                "package main\n\nimport \"example.com/m/a\"\n\nfunc main() { a.F() }\n",
            ),
            (
                "a/a.go",
                "package a\n\nimport \"example.com/m/b\"\n\nfunc F() { b.G() }\n",
            ),
            ("b/b.go", "package b\n\nfunc G() { var q int }\n"),
        ],
    );
    let want_root = "# example.com/m/b\nb/b.go:3:16: declared and not used: q\n";
    assert_eq!(vet(&d, &["./..."]), (1, want_root.to_string()));
    assert_eq!(vet(&d, &["."]), (1, want_root.to_string()));
    assert_eq!(vet(&d, &["example.com/m/a"]), (1, want_root.to_string()));
    // From a subdirectory: `../b/b.go`; packages that import a broken
    // package are not checked (go build does not compile them).
    assert_eq!(
        vet(&d.join("a"), &["."]),
        (
            1,
            "# example.com/m/b\n../b/b.go:3:16: declared and not used: q\n".to_string()
        )
    );
}

#[test]
fn independent_packages_each_report() {
    let d = tree(
        "two",
        &[
            ("go.mod", MODULE),
            ("a/a.go", "package a\n\nfunc F() { var x int }\n"),
            ("b/b.go", "package b\n\nfunc G() { var y int }\n"),
        ],
    );
    assert_eq!(
        vet(&d, &["./..."]),
        (
            1,
            "# example.com/m/a\na/a.go:3:16: declared and not used: x\n\
             # example.com/m/b\nb/b.go:3:16: declared and not used: y\n"
                .to_string()
        )
    );
}

#[test]
fn import_cycles_are_load_errors() {
    let d = tree(
        "cycle",
        &[
            ("go.mod", MODULE),
            (
                "main.go",
                "package main\n\nimport \"example.com/m/a\"\n\nfunc main() { _ = a.X }\n",
            ),
            (
                "a/a.go",
                "package a\n\nimport \"example.com/m/b\"\n\nvar X = b.Y\n",
            ),
            (
                "b/b.go",
                "package b\n\nimport \"example.com/m/a\"\n\nvar Y = a.X\n",
            ),
        ],
    );
    assert_eq!(
        vet(&d, &["."]),
        (
            1,
            "package example.com/m\n\
             \timports example.com/m/a from main.go\n\
             \timports example.com/m/b from a.go\n\
             \timports example.com/m/a from b.go: import cycle not allowed\n"
                .to_string()
        )
    );
}

#[test]
fn missing_packages_are_load_errors() {
    let d = tree(
        "missing",
        &[(
            "y.go",
            "package main\n\nimport \"foo/bar\"\nimport \"net/httpx\"\n\nfunc main() {}\n",
        )],
    );
    assert_eq!(
        vet(&d, &["y.go"]),
        (
            1,
            "y.go:3:8: package foo/bar is not in std\ny.go:4:8: package net/httpx is not in std\n"
                .to_string()
        )
    );
    let d = tree(
        "missing-mod",
        &[
            ("go.mod", MODULE),
            (
                "a/b.go",
                "package a\n\nimport \"example.com/m/zz\"\nimport \"foo.com/q\"\n",
            ),
        ],
    );
    assert_eq!(
        vet(&d, &["./a"]),
        (
            1,
            "a/b.go:3:8: no required module provides package example.com/m/zz; to add it:\n\
             \tgo get example.com/m/zz\n\
             a/b.go:4:8: no required module provides package foo.com/q; to add it:\n\
             \tgo get foo.com/q\n"
                .to_string()
        )
    );
}

#[test]
fn directory_errors() {
    let d = tree(
        "dirs",
        &[
            ("go.mod", MODULE),
            ("e/e.go", "//go:build windows\n\npackage e\n"),
            ("m/m1.go", "package m\n"),
            ("m/m2.go", "package n\n"),
        ],
    );
    let abs = d.display().to_string();
    assert_eq!(
        vet(&d, &["./e"]),
        (
            1,
            format!("package example.com/m/e: build constraints exclude all Go files in {abs}/e\n")
        )
    );
    assert_eq!(
        vet(&d, &["./m"]),
        (
            1,
            format!("found packages m (m1.go) and n (m2.go) in {abs}/m\n")
        )
    );
    assert_eq!(
        vet(&d, &["./nothere"]),
        (1, format!("stat {abs}/nothere: directory not found\n"))
    );
    // ./... passes over e (nothing to build) but not over m.
    assert_eq!(
        vet(&d, &["./..."]),
        (
            1,
            format!("found packages m (m1.go) and n (m2.go) in {abs}/m\n")
        )
    );
    let outside = tree("nomod", &[("x.go", "package main\n")]);
    assert_eq!(
        vet(&outside, &["."]),
        (1, "go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n".to_string())
    );
}

#[test]
fn build_constraints_choose_files() {
    let d = tree(
        "constraints",
        &[
            ("go.mod", MODULE),
            ("p/a.go", "package p\n\nvar A = B\n"),
            ("p/b_linux.go", "package p\n\nconst B = 1\n"),
            ("p/b_windows.go", "package p\n\nconst B = \"w\"\n"),
            (
                "p/c.go",
                "//go:build ignore\n\npackage p\n\nvar C int = \"bad\"\n",
            ),
            (
                "p/d_amd64.go",
                "//go:build linux && !cgo\n\npackage p\n\nvar D = A + B\n",
            ),
            (
                "p/e_test.go",
                "package p\n\nvar E int = \"test files are not built\"\n",
            ),
        ],
    );
    // `go build` leaves test files out (`go vet` would check them too:
    // rgo vet does not yet, see vet.rs).
    let r = rgo_in(Some(&d), &["build", "./p"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    // Named files are used whatever their constraints.
    let (code, err) = vet(&d.join("p"), &["a.go", "b_windows.go"]);
    assert_eq!(code, 0, "{err}");
    let (code, err) = vet(&d.join("p"), &["c.go"]);
    assert_eq!(code, 1);
    assert!(err.contains("./c.go:5:13: cannot use \"bad\""), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let d = tree("usage", &[]);
    fs::create_dir_all(&d).unwrap();
    let r = rgo_in(Some(&d), &["vet", "-frobnicate"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("flag provided but not defined: -frobnicate"),
        "{}",
        r.stderr
    );
}

/// go.mod's `go` line is the language version of the module's packages
/// (gc's `-lang`; go1.16 without one); named files belong to no module and
/// get the current version. Expected texts: `go build` (go1.27).
#[test]
fn go_mod_sets_the_language_version() {
    let src = "package main\n\nfunc F[T any](x T) T { return x }\n\nfunc main() {\n\tfor i := range 3 {\n\t\tprintln(i)\n\t}\n\tprintln(F(1), 0b1)\n}\n";
    let d = tree(
        "lang",
        &[
            ("go.mod", "module example.com/m\n\ngo 1.17\n"),
            ("main.go", src),
        ],
    );
    let (code, err) = vet(&d, &["."]);
    assert_eq!(code, 1);
    let hint = "(-lang was set to go1.17; check go.mod)";
    assert_eq!(
        err,
        format!(
            "# example.com/m\n\
             ./main.go:3:8: type parameter requires go1.18 or later {hint}\n\
             ./main.go:3:10: predeclared any requires go1.18 or later {hint}\n\
             ./main.go:6:17: cannot range over 3 (untyped int constant): requires go1.22 or later {hint}\n\
             ./main.go:9:10: implicit function instantiation requires go1.18 or later {hint}\n"
        )
    );
    assert_eq!(vet(&d, &["main.go"]), (0, String::new()));
    // No `go` line: go1.16.
    fs::write(d.join("go.mod"), "module example.com/m\n").unwrap();
    let (_, err) = vet(&d, &["."]);
    assert!(err.contains("./main.go:3:8: type parameter requires go1.18 or later (-lang was set to go1.16; check go.mod)"), "{err}");
    fs::write(d.join("go.mod"), "module example.com/m\n\ngo 1.21\n").unwrap();
    let (_, err) = vet(&d, &["."]);
    assert_eq!(
        err,
        "# example.com/m\n./main.go:6:17: cannot range over 3 (untyped int constant): requires go1.22 or later (-lang was set to go1.21; check go.mod)\n"
    );
}

/// gc's directive checks: misplaced directives, `//go:linkname` rules.
#[test]
fn compiler_directives() {
    let src = "package main\n\nimport _ \"unsafe\"\n\nvar v int\n\n//go:noinline\nvar w int\n\n//go:linkname v\n//go:linkname v\n//go:linkname nothere\n\nfunc main() {\n\t//go:noinline\n\t_ = v + w\n}\n";
    let d = tree("directives", &[("x.go", src)]);
    let (code, err) = vet(&d, &["x.go"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "# command-line-arguments\n./x.go:15:4: misplaced compiler directive\n"
    );
    let src = src.replace("\t//go:noinline\n", "");
    fs::write(d.join("x.go"), src).unwrap();
    let (_, err) = vet(&d, &["x.go"]);
    assert_eq!(
        err,
        "# command-line-arguments\n\
         ./x.go:7:3: misplaced compiler directive\n\
         ./x.go:11:3: duplicate //go:linkname for v\n\
         ./x.go:12:3: //go:linkname must refer to declared function or variable\n"
    );
}

/// gc's `-complete`: `go build` (and `go run`) report a function declared
/// without a body in a package with no assembly; `go vet` type-checks the
/// packages it vets but compiles their dependencies, so only those report
/// it. Expected texts: go1.27.
#[test]
fn missing_function_bodies() {
    let d = tree(
        "bodies",
        &[
            ("go.mod", MODULE),
            (
                "main.go",
                "package main\n\nimport (\n\t\"example.com/m/asm\"\n\t\"example.com/m/noasm\"\n)\n\nfunc main() { asm.F(); noasm.G() }\n",
            ),
            ("asm/a.go", "package asm\n\nfunc F()\n"),
            ("asm/a_amd64.s", "#include \"textflag.h\"\n\nTEXT ·F(SB),NOSPLIT,$0\n\tRET\n"),
            ("noasm/n.go", "package noasm\n\nfunc G()\n\nfunc (T) M()\n\ntype T int\n"),
            ("x/prog.go", "package main\n\nfunc f()\n\nfunc main() { f() }\n"),
        ],
    );
    let noasm = "# example.com/m/noasm\n\
                 noasm/n.go:3:6: missing function body\n\
                 noasm/n.go:5:6: missing function body\n";
    for args in [
        &["build", "."][..],
        &["build", "./noasm"],
        &["vet", "."],
        &["vet", "./..."],
    ] {
        let r = rgo_in(Some(&d), args);
        assert_eq!((r.code, r.stderr.as_str()), (1, noasm), "rgo {args:?}");
    }
    // The vetted package itself, and a package with assembly, are fine.
    assert_eq!(vet(&d, &["./noasm"]), (0, String::new()));
    assert_eq!(vet(&d, &["./x"]), (0, String::new()));
    let r = rgo_in(Some(&d), &["build", "./asm"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    // Assembly for another architecture does not count.
    fs::rename(d.join("asm/a_amd64.s"), d.join("asm/a_arm64.s")).unwrap();
    let r = rgo_in(Some(&d), &["build", "./asm"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            1,
            "# example.com/m/asm\nasm/a.go:3:6: missing function body\n"
        )
    );
    for (cmd, code, err) in [
        (
            "build",
            1,
            "# command-line-arguments\nx/prog.go:3:6: missing function body\n",
        ),
        (
            "run",
            1,
            "# command-line-arguments\nx/prog.go:3:6: missing function body\n",
        ),
        ("vet", 0, ""),
    ] {
        let r = rgo_in(Some(&d), &[cmd, "x/prog.go"]);
        assert_eq!(
            (r.code, r.stderr.as_str()),
            (code, err),
            "rgo {cmd} x/prog.go"
        );
    }
}

/// After a `//line` directive, a position inside a message (types2's and
/// the parser's) carries the physical one in brackets, and errors sort by
/// position base (each directive starts one) in the order the bases first
/// had an error. Expected text: `go build` (go1.27).
#[test]
fn line_directives_in_messages() {
    let src = "package main\n\n//line foo.go:10\nvar x int\n\n//line bar.go:20:3\nvar x string\n\n\
               func main() {\n//line lab.go:40:2\nL:\n\tfor {\n\t\tbreak L\n\t}\nL:\n\tfor {\n\t}\n\
               //line :90\n\tgoto M\n\tvar v int\nM:\n\t_ = v\n}\n\n\
               //line other.go:50:10\nfunc (T) M() {}\nfunc (T) M() {}\n\n//line :7\ntype T struct{}\n";
    let d = tree("linemsg", &[("x.go", src)]);
    let r = rgo_in(Some(&d), &["build", "x.go"]);
    let x = d.join("x.go").display().to_string();
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!(
            "# command-line-arguments\n\
             ./lab.go:44:1: label L already defined at ./lab.go:40:2[{x}:11:1]\n\
             :90: goto M jumps over declaration of v at :91[{x}:20:6]\n\
             ./bar.go:20:7: x redeclared in this block\n\
             \t./foo.go:10[{x}:4:5]: other declaration of x\n\
             ./other.go:51:10: method T.M already declared at ./other.go:50:19[{x}:26:10]\n"
        )
    );
}

/// Import paths the go command refuses before looking for them, reported
/// at the import spec (its name, if it has one) in the order of the paths.
/// Expected text: `go build` / `go vet` (go1.27).
#[test]
fn malformed_import_paths() {
    let src = "package main\n\nimport _ \"unicode//utf8\"\nimport (\n\tx \"fmt/\"\n\t\"strings/../fmt\"\n\t\"./fmt\"\n)\n\nfunc main() {}\n";
    let d = tree("importpaths", &[("e.go", src)]);
    let want = "e.go:7:2: \"./fmt\" is relative, but relative import paths are not supported in module mode\n\
                e.go:5:2: malformed import path \"fmt/\": trailing slash\n\
                e.go:6:2: malformed import path \"strings/../fmt\": invalid path element \"..\"\n\
                e.go:3:8: malformed import path \"unicode//utf8\": double slash\n";
    for cmd in ["build", "vet"] {
        let r = rgo_in(Some(&d), &[cmd, "e.go"]);
        assert_eq!((r.code, r.stderr.as_str()), (1, want), "rgo {cmd}");
    }
}
