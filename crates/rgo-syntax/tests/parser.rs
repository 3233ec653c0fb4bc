//! Parser tests through the crate's boundary: `parse_file` in, dump or
//! `line:col: msg` error lines out.
//!
//! - `tests/parser_data/*.go`: each file is parsed and compared with the
//!   `.out` file beside it: either the positioned dump (accepted programs) or
//!   the error lines. The error lines of rejected programs were produced by
//!   the real compiler, go1.27.3 (`go build x.go`, which prints gc's
//!   `syntax error: ...` lines; `go vet` uses go/parser's different wording).
//!   Set RGO_BLESS=1 to rewrite the `.out` files of accepted programs.
//! - `corpus`: gated on RGO_CORPUS=<golden file>: every Go file listed
//!   there must give exactly gc's error lines (none for a valid file). The
//!   golden file comes from `tests/parser_data/gcsyntax/gen.sh`, which runs
//!   gc's own parser over GOROOT/src, /usr/share/go-1.19/{src,test} or any
//!   other tree (e.g. randomly mutated copies of those files).
//! - `bench`: gated on RGO_BENCH=<golden file>: parse time.

use rgo_syntax::dump::dump_file_pos;
use rgo_syntax::{parse_file, Mode, SourceFile};
use std::path::Path;

/// Parses `src`; the dump with positions if it has no errors, else the errors
/// as `line:col: msg` lines.
fn render(src: &str) -> String {
    // `go build` hands the compiler `./x.go`; messages quoting positions show it
    let sf = SourceFile::new("./x.go", src.as_bytes());
    let (file, errs) = rgo_syntax::parser::parse_file_checked(src.as_bytes(), Mode::NONE, &sf);
    if errs.is_empty() {
        return dump_file_pos(&file, &sf);
    }
    let mut out = String::new();
    for e in errs {
        let lc = sf.line_col(e.pos);
        out += &format!("{}:{}: {}\n", lc.line, lc.col, e.msg);
    }
    out
}

fn check(src: &str, expected: &str) {
    let got = render(src);
    assert_eq!(
        got.trim_end(),
        expected.trim_end(),
        "\nsource:\n{src}\ngot:\n{got}"
    );
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parser_data");
    let bless = std::env::var_os("RGO_BLESS").is_some();
    let mut n = 0;
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        if p.extension().and_then(|e| e.to_str()) != Some("go") {
            continue;
        }
        let src = std::fs::read_to_string(&p).unwrap();
        let out = p.with_extension("out");
        if bless && !out.exists() {
            std::fs::write(&out, render(&src)).unwrap();
        }
        let expected =
            std::fs::read_to_string(&out).unwrap_or_else(|_| panic!("missing {}", out.display()));
        eprintln!("fixture {}", p.display());
        check(&src, &expected);
        n += 1;
    }
    assert!(n > 0, "no fixtures found");
}

/// Error lines of `src` as `line:col: msg`; with `branches`, the label and
/// branch errors too (`name` is the file name they quote).
fn error_lines(src: &[u8], name: &str, branches: bool) -> Vec<String> {
    let sf = SourceFile::new(name, src);
    let (_, errs) = if branches {
        rgo_syntax::parser::parse_file_checked(src, Mode::NONE, &sf)
    } else {
        parse_file(src, Mode::NONE)
    };
    errs.iter()
        .map(|e| {
            let lc = sf.line_col(e.pos);
            format!(
                "{}:{}: {}",
                lc.line,
                lc.col,
                e.msg.replace('\n', "\\n").replace('\r', "\\r")
            )
        })
        .collect()
}

/// Gated on RGO_CORPUS=<golden file>: for every Go file listed there, our
/// error lines must equal gc's. The golden file holds, per file, a line
/// `FILE <path> <n>` followed by gc's n error lines (`line:col: msg`, after
/// gc's per-line dedup, 10-error limit and sort); it is made by running gc's
/// own syntax package over GOROOT/src and Go 1.19's src and test trees.
#[test]
fn corpus() {
    let Some(list) = std::env::var_os("RGO_CORPUS") else {
        return;
    };
    // gc quotes source bytes in some messages; invalid UTF-8 compares lossily
    let list = String::from_utf8_lossy(&std::fs::read(list).unwrap()).into_owned();
    let branches = std::env::var_os("RGO_BRANCHES").is_some();
    let mut expected: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in list.lines() {
        if let Some(rest) = line.strip_prefix("FILE ") {
            let path = rest.rsplit_once(' ').map_or(rest, |(p, _)| p);
            expected.push((path, Vec::new()));
        } else if let Some(last) = expected.last_mut() {
            last.1.push(line);
        }
    }
    let mut bad = 0;
    for (path, want) in &expected {
        let Ok(src) = std::fs::read(path) else {
            continue;
        };
        let got = error_lines(&src, path, branches);
        if got != *want {
            bad += 1;
            eprintln!("MISMATCH {path}\n  want: {want:?}\n  got:  {got:?}");
        }
    }
    eprintln!("{bad} of {} files differ from gc", expected.len());
    assert_eq!(bad, 0);
}

/// Deeply nested input never overflows the stack: moderately deep files
/// parse (on the parser's own big-stack thread when needed), absurdly deep
/// ones are rejected with an error.
#[test]
fn deep_nesting() {
    fn cases(depth: usize) -> Vec<(String, &'static str)> {
        let rep = |s: &str, n: usize| s.repeat(n);
        vec![
            (
                format!(
                    "package p\nvar x = {}1{}\n",
                    rep("(", depth),
                    rep(")", depth)
                ),
                "parens",
            ),
            (
                format!(
                    "package p\nvar x = {}1{}\n",
                    rep("a[", depth),
                    rep("]", depth)
                ),
                "index",
            ),
            (
                format!(
                    "package p\nvar x = T{}{}\n",
                    rep("{", depth),
                    rep("}", depth)
                ),
                "complit",
            ),
            (
                format!("package p\nvar x = {}1\n", rep("- ", depth)),
                "unary",
            ),
            (
                format!("package p\nvar x {}int\n", rep("*", depth)),
                "pointer",
            ),
            (
                format!("package p\nvar x {}int\n", rep("[]", depth)),
                "slice",
            ),
            (
                format!("package p\nvar x {}int\n", rep("chan ", depth)),
                "chan",
            ),
            (
                format!(
                    "package p\nfunc f() {{{}{}}}\n",
                    rep("{", depth),
                    rep("}", depth)
                ),
                "block",
            ),
            (
                format!(
                    "package p\nfunc f() {{ if x {{}} {}}}\n",
                    rep("else if x {} ", depth)
                ),
                "else-if",
            ),
            (
                format!("package p\nfunc f() {{ {}}}\n", rep("L: ", depth)),
                "labels",
            ),
            (
                format!(
                    "package p\nvar x = {}1{}\n",
                    rep("func() { _ = ", depth),
                    rep("}", depth)
                ),
                "funclit",
            ),
            (
                format!(
                    "package p\ntype T {}int{}\n",
                    rep("struct{ f ", depth),
                    rep("}", depth)
                ),
                "struct",
            ),
        ]
    }
    fn parse_all(depth: usize, want_err: Option<&str>) {
        for (src, what) in cases(depth) {
            let (_, errs) = parse_file(src.as_bytes(), Mode::NONE);
            match want_err {
                None => assert!(
                    errs.is_empty(),
                    "{what} at depth {depth}: {:?}",
                    errs.first()
                ),
                Some(msg) => assert!(
                    errs.iter().any(|e| e.msg == msg),
                    "{what}: {:?}",
                    errs.first()
                ),
            }
        }
    }
    // Files up to the shallow limit parse on Rust's default 2 MiB thread
    // stack, in a debug build too.
    let shallow = rgo_syntax::parser::SHALLOW_LIMIT as usize - 2;
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || parse_all(shallow, None))
        .unwrap()
        .join()
        .unwrap();
    // Deeper files go to the parser's big-stack thread. The returned tree is
    // as deep as the source, so dropping it needs a deeper stack too.
    let big = || {
        parse_all(3000, None);
        parse_all(100_000, Some("exceeded max nesting depth"));
    };
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(big)
        .unwrap()
        .join()
        .unwrap();
}

/// Gated on RGO_BENCH=<golden file as for `corpus`>: parse time of all its
/// files (release build: `cargo test --release --test parser bench`).
#[test]
fn bench() {
    let Some(list) = std::env::var_os("RGO_BENCH") else {
        return;
    };
    let list = std::fs::read_to_string(list).unwrap();
    let prefix = std::env::var("RGO_BENCH_PREFIX").unwrap_or_default();
    let srcs: Vec<Vec<u8>> = list
        .lines()
        .filter_map(|l| l.strip_prefix("FILE "))
        .map(|r| r.rsplit_once(' ').map_or(r, |(p, _)| p))
        .filter(|p| p.starts_with(&prefix))
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    let bytes: usize = srcs.iter().map(Vec::len).sum();
    let t = std::time::Instant::now();
    let mut toks = 0u64;
    let scan = std::env::var_os("RGO_BENCH_NO_SCAN").is_none();
    for s in srcs.iter().filter(|_| scan) {
        let mut sc = rgo_syntax::scanner::Scanner::new(s, Mode::NONE);
        while sc.next().kind != rgo_syntax::token::Token::Eof {
            toks += 1;
        }
    }
    eprintln!("scanned {toks} tokens in {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let rounds = std::env::var("RGO_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let mut nodes = 0u64;
    for _ in 0..rounds {
        nodes = srcs
            .iter()
            .map(|s| parse_file(s, Mode::NONE).0.node_count as u64)
            .sum();
    }
    let dt = t.elapsed() / rounds;
    eprintln!(
        "parsed {} files, {:.1} MB, {nodes} nodes in {dt:?} (tree dropped after each file)",
        srcs.len(),
        bytes as f64 / 1e6
    );
}

/// Every identifier and expression has its own id below `node_count`, and
/// (the parser wasting none) together they use every id.
#[test]
fn node_ids_unique_and_dense() {
    use rgo_syntax::ast::*;
    struct Ids(Vec<u32>);
    impl Ids {
        fn ident(&mut self, i: &Ident) {
            self.0.push(i.id.0);
        }
        fn fields(&mut self, l: &FieldList) {
            for f in &l.list {
                f.names.iter().for_each(|n| self.ident(n));
                self.expr(&f.typ);
            }
        }
        fn sig(&mut self, t: &FuncType) {
            if let Some(tp) = &t.tparams {
                self.fields(tp);
            }
            self.fields(&t.params);
            self.fields(&t.results);
        }
        fn expr(&mut self, e: &Expr) {
            self.0.push(e.id.0);
            use ExprKind::*;
            match &e.kind {
                Bad | Name(_) | BasicLit(_) => {}
                CompositeLit(c) => {
                    c.typ.iter().for_each(|t| self.expr(t));
                    c.elems.iter().for_each(|x| self.expr(x));
                }
                KeyValue(a, b) | Binary(_, a, b) | MapType(a, b) => {
                    self.expr(a);
                    self.expr(b);
                }
                FuncLit(f) => {
                    self.sig(&f.typ);
                    self.block(&f.body);
                }
                Paren(x) | Star(x) | Unary(_, x) | SliceType(x) | ChanType(_, x) | Ellipsis(x) => {
                    self.expr(x)
                }
                Selector(x, s) => {
                    self.expr(x);
                    self.ident(s);
                }
                Index(x, l) => {
                    self.expr(x);
                    l.iter().for_each(|y| self.expr(y));
                }
                Slice(s) => {
                    self.expr(&s.x);
                    s.index.iter().flatten().for_each(|y| self.expr(y));
                }
                TypeAssert(x, t) => {
                    self.expr(x);
                    t.iter().for_each(|t| self.expr(t));
                }
                Call(c) => {
                    self.expr(&c.fun);
                    c.args.iter().for_each(|y| self.expr(y));
                }
                ArrayType(l, t) => {
                    l.iter().for_each(|y| self.expr(y));
                    self.expr(t);
                }
                StructType(s) => s.fields.iter().for_each(|f| {
                    f.names.iter().for_each(|n| self.ident(n));
                    self.expr(&f.typ);
                }),
                FuncType(f) => self.sig(f),
                InterfaceType(it) => it.elems.iter().for_each(|el| match el {
                    InterfaceElem::Method(n, f) => {
                        self.ident(n);
                        self.sig(f);
                    }
                    InterfaceElem::Embed(t) => self.expr(t),
                }),
            }
        }
        fn block(&mut self, b: &Block) {
            b.stmts.iter().for_each(|s| self.stmt(s));
        }
        fn opt_stmt(&mut self, s: &Option<Stmt>) {
            s.iter().for_each(|s| self.stmt(s));
        }
        fn cases(&mut self, cs: &[CaseClause]) {
            for c in cs {
                c.list.iter().flatten().for_each(|e| self.expr(e));
                c.body.iter().for_each(|s| self.stmt(s));
            }
        }
        fn stmt(&mut self, s: &Stmt) {
            use StmtKind::*;
            match &s.kind {
                Bad | Empty => {}
                Decl(d) => self.gen(d),
                Labeled(l, s) => {
                    self.ident(l);
                    self.stmt(s);
                }
                Expr(e) | Go(e) | Defer(e) | IncDec(e, _) => self.expr(e),
                Send(x) => {
                    self.expr(&x.ch);
                    self.expr(&x.value);
                }
                Assign(a) => a.lhs.iter().chain(&a.rhs).for_each(|e| self.expr(e)),
                Return(l) => l.iter().for_each(|e| self.expr(e)),
                Branch(_, l) => l.iter().for_each(|l| self.ident(l)),
                Block(b) => self.block(b),
                If(i) => {
                    self.opt_stmt(&i.init);
                    self.expr(&i.cond);
                    self.block(&i.then);
                    self.opt_stmt(&i.els);
                }
                Switch(sw) => {
                    self.opt_stmt(&sw.init);
                    sw.tag.iter().for_each(|t| self.expr(t));
                    self.cases(&sw.body);
                }
                TypeSwitch(sw) => {
                    self.opt_stmt(&sw.init);
                    sw.bind.iter().for_each(|b| self.ident(b));
                    self.expr(&sw.guard);
                    self.cases(&sw.body);
                }
                Select(sel) => {
                    for c in &sel.body {
                        self.opt_stmt(&c.comm);
                        c.body.iter().for_each(|s| self.stmt(s));
                    }
                }
                For(f) => {
                    self.opt_stmt(&f.init);
                    f.cond.iter().for_each(|c| self.expr(c));
                    self.opt_stmt(&f.post);
                    self.block(&f.body);
                }
                Range(r) => {
                    [&r.key, &r.value, &r.extra]
                        .into_iter()
                        .flatten()
                        .for_each(|e| self.expr(e));
                    self.expr(&r.x);
                    self.block(&r.body);
                }
            }
        }
        fn gen(&mut self, g: &GenDecl) {
            for s in &g.specs {
                match s {
                    Spec::Import(i) => i.name.iter().for_each(|n| self.ident(n)),
                    Spec::Value(v) => {
                        v.names.iter().for_each(|n| self.ident(n));
                        v.typ.iter().chain(&v.values).for_each(|e| self.expr(e));
                    }
                    Spec::Type(t) => {
                        self.ident(&t.name);
                        if let Some(tp) = &t.tparams {
                            self.fields(tp);
                        }
                        self.expr(&t.typ);
                    }
                }
            }
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parser_data");
    for name in ["decls.go", "exprs.go", "stmts.go", "tparams.go"] {
        let src = std::fs::read(dir.join(name)).unwrap();
        let (file, errs) = parse_file(&src, Mode::NONE);
        assert!(errs.is_empty());
        assert_eq!(file.size as usize, src.len());
        let mut ids = Ids(vec![file.name.id.0]);
        for d in &file.decls {
            match d {
                Decl::Bad(_) => {}
                Decl::Gen(g) => ids.gen(g),
                Decl::Func(f) => {
                    if let Some(r) = &f.recv {
                        ids.fields(r);
                    }
                    ids.ident(&f.name);
                    ids.sig(&f.typ);
                    if let Some(b) = &f.body {
                        ids.block(b);
                    }
                }
            }
        }
        let mut v = ids.0;
        v.sort_unstable();
        let n = v.len();
        v.dedup();
        assert_eq!(v.len(), n, "{name}: duplicate node ids");
        assert_eq!(
            v,
            (0..file.node_count).collect::<Vec<_>>(),
            "{name}: ids not dense"
        );
    }
}

/// Comments are kept on request; directives always.
#[test]
fn comments_and_directives() {
    let src =
        "//go:build linux\n\n// Package p.\npackage p /* here */\n\n//go:noinline\nfunc f() {}\n";
    let (file, errs) = parse_file(src.as_bytes(), Mode::COMMENTS);
    assert!(errs.is_empty());
    let texts: Vec<_> = file
        .comments
        .iter()
        .map(|c| &src[c.span.start.offset()..c.span.end.offset()])
        .collect();
    assert_eq!(
        texts,
        [
            "//go:build linux",
            "// Package p.",
            "/* here */",
            "//go:noinline"
        ]
    );
    let dirs: Vec<_> = file.directives.iter().map(|d| &*d.text).collect();
    assert_eq!(dirs, ["go:build linux", "go:noinline"]);
    let (file, _) = parse_file(src.as_bytes(), Mode::NONE);
    assert!(file.comments.is_empty());
    assert_eq!(file.directives.len(), 2);
}

/// Small programs and gc's verdict on them: the error lines the go1.27.3
/// compiler prints (its parser, without the branch checks), or none for a
/// program that parses (its errors, if any, are the type checker's).
const REJECTED: &[(&str, &str)] = &[
    ("package p\nvar x = f(a\n",
     "2:12: syntax error: unexpected newline in argument list; possibly missing comma or )\n"),
    ("package p\nfunc f(a int\n)\n",
     "2:13: syntax error: unexpected newline in parameter list; possibly missing comma or )\n"),
    ("package p\nvar _ = x.(int\n",
     "2:15: syntax error: unexpected newline, expected )\n"),
    ("package p\nimport (\n\t\"a\" \"b\"\n)\n",
     "3:6: syntax error: unexpected literal \"b\" in grouped declaration; possibly missing semicolon or newline or )\n"),
    ("package p\ntype T struct { a int b int }\n",
     "2:23: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }\n"),
    ("package p\nfunc f() {\n\tfor i := 0; i < 3 {\n\t}\n}\n",
     "3:20: syntax error: unexpected {, expected semicolon or newline\n4:2: syntax error: unexpected }, expected expression\n"),
    ("package p\nfunc f() {\n\tswitch x := 1 {\n\t}\n}\n",
     "3:11: syntax error: cannot use x := 1 as value\n"),
    ("package p\nfunc f() {\n\tif x {\n\t} else {\n\t} else {\n\t}\n}\n",
     "5:4: syntax error: unexpected keyword else at end of statement\n7:1: syntax error: non-declaration statement outside function body\n"),
    ("package p\nvar m = map[string]int{\"a\": 1 \"b\": 2}\n",
     "2:31: syntax error: unexpected literal \"b\" in composite literal; possibly missing comma or }\n"),
    ("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n",
     "3:14: syntax error: unexpected { at end of statement\n5:1: syntax error: non-declaration statement outside function body\n"),
    ("package p\nfunc f() {\n\tif x\n\t{\n\t}\n}\n",
     "3:6: syntax error: unexpected newline, expected { after if clause\n"),
    ("package p\nfunc f() {\n\tfor x := range y; ; {\n\t}\n}\n",
     "3:18: syntax error: unexpected semicolon, expected { after for clause\n"),
    ("package p\nfunc f() {\n\tgo func() {}\n}\n",
     ""),
    ("package p\ntype T[P any] interface{ m[Q any]() }\n",
     "2:27: interface method must have no type parameters\n"),
    ("package p\nfunc f[]() {}\n",
     "2:8: syntax error: empty type parameter list\n"),
    ("package p\nvar f = func[T any]() {}\n",
     "2:13: syntax error: function type must have no type parameters\n"),
    ("package p\nfunc (T) m[P any]() {}\n",
     ""),
    ("package p\ntype A [N]int, T\n",
     "2:14: syntax error: unexpected comma after top level declaration\n"),
    ("package p\nfunc f() {\n\tx := <-<-chan int(nil)\n\tvar c chan<- <-chan int\n\ty := <-chan<- int(nil)\n}\n",
     ""),
    ("package p\nfunc f(...int, int) {}\n",
     "2:8: can only use ... with final parameter\n"),
    ("package p\nfunc f() {\n\tL:\n}\n",
     ""),
    ("package p\nfunc f() {\n\tvar x int = 1, y\n}\n",
     ""),
    ("package p\nconst c int\n",
     ""),
    ("package p\nfunc f() {\n\ta, b += 1, 2\n}\n",
     "3:7: syntax error: unexpected +=, expected := or = or comma\n"),
    ("package p\nfunc f() {\n\t(x) := 1\n}\n",
     ""),
    ("package p\ntype T struct{ *(U) }\n",
     "2:17: syntax error: cannot parenthesize embedded type\n"),
    ("package p\nfunc f() {\n\tselect {\n\tcase x := 1:\n\t}\n}\n",
     ""),
    ("package p\nfunc f() {\n\tswitch {\n\tcase 1\n\t}\n}\n",
     "4:8: syntax error: unexpected newline, expected :\n"),
];

#[test]
fn rejected() {
    for (src, want) in REJECTED {
        let (_, errs) = parse_file(src.as_bytes(), Mode::NONE);
        let sf = SourceFile::new("x.go", src.as_bytes());
        let got: String = errs
            .iter()
            .map(|e| {
                let lc = sf.line_col(e.pos);
                format!("{}:{}: {}\n", lc.line, lc.col, e.msg)
            })
            .collect();
        assert_eq!(got, *want, "\nsource:\n{src}");
    }
}

/// gc's parser and go/parser disagree on a few constructs: each rejects some
/// that the other leaves to its type checker. By default rgo reports gc's
/// set; `Mode::GO_PARSER` reports go/parser's (with gc's wording, as types2
/// words the ones gc reports later). Expected lines from go1.27.3: `go build`
/// for the gc set and the types2 wording, a go/parser driver
/// (ParseComments|SkipObjectResolution) for which files it rejects.
#[test]
fn gc_and_go_parser_error_sets() {
    let lines = |src: &str, mode: Mode| -> Vec<String> {
        let f = SourceFile::new("x.go", src.as_bytes());
        parse_file(src.as_bytes(), mode)
            .1
            .iter()
            .map(|e| format!("{}: {}", f.position(e.pos), e.msg))
            .collect()
    };
    // go build: "./a.go:3:9: method has no receiver" ...; go/parser accepts.
    let gc_only = "package main\n\nfunc () M() {}\nfunc (a, b T) N() {}\n\ntype T int\n\nfunc main() {\n\tfor i := 0; i < 1; j := 1 {\n\t}\n}\n";
    assert_eq!(
        lines(gc_only, Mode::NONE),
        [
            "x.go:3:9: method has no receiver",
            "x.go:4:15: method has multiple receivers",
            "x.go:9:23: syntax error: cannot declare in post statement of for loop",
        ]
    );
    assert!(lines(gc_only, Mode::GO_PARSER).is_empty());
    // types2 (go build): "range clause permits at most two iteration
    // variables" at 9:12, "expression in go must be function call" at 11:5;
    // gc's parser accepts both, go/parser rejects both.
    let go_parser_only =
        "package main\n\nfunc main() {\n\tvar xs []int\n\t_ = xs\n\n\n\n\tfor a, b, c := range xs {\n\t}\n\tgo func() {}\n}\n";
    assert!(lines(go_parser_only, Mode::NONE).is_empty());
    assert_eq!(
        lines(go_parser_only, Mode::GO_PARSER),
        [
            "x.go:9:12: range clause permits at most two iteration variables",
            "x.go:11:5: expression in go must be function call",
        ]
    );
    // Both reject a non-guard assignment as a switch tag.
    let both = "package main\n\nfunc main() {\n\tswitch x := 1 {\n\t}\n}\n";
    assert_eq!(lines(both, Mode::NONE), lines(both, Mode::GO_PARSER));
    assert_eq!(lines(both, Mode::NONE).len(), 1);
}
