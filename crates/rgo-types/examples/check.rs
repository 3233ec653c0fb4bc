//! `cargo run -p rgo-types --example check -- [-types] file.go`: type-checks
//! one file as `go build` would report it (`./x.go:line:col: msg`, first 10
//! errors in report order, sorted; continuation lines kept), or with
//! `-types` prints the expression type dump (`-parse`: only parse). Imports resolve to the test
//! fixtures' declaration-only packages (`tests/testdata/pkgs`).

use rgo_syntax::{Mode, SourceFile};
use rgo_types::check::{check_package, Importer};
use rgo_types::types::{PackageId, World};
use std::collections::HashMap;
use std::path::PathBuf;

struct Fixtures {
    root: PathBuf,
    cache: HashMap<String, Result<PackageId, String>>,
}

impl Importer for Fixtures {
    fn import(&mut self, w: &mut World, path: &str) -> Result<PackageId, String> {
        if let Some(r) = self.cache.get(path) {
            return r.clone();
        }
        let dir = self.root.join(path);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            return Err(format!("package {} is not in std", path));
        };
        let mut names: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "go"))
            .collect();
        names.sort();
        let mut files = Vec::new();
        let mut srcs = Vec::new();
        for n in names {
            let src = std::fs::read(&n).unwrap_or_default();
            srcs.push(SourceFile::new(n.display().to_string(), &src));
            files.push(rgo_syntax::parse_file(&src, Mode::NONE).0);
        }
        let (p, _, errs) = check_package(w, path, &files, &srcs, self);
        let r = if errs.is_empty() {
            Ok(p)
        } else {
            Err(format!("{:?}", errs))
        };
        self.cache.insert(path.to_string(), r.clone());
        r
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "-types");
    let Some(path) = args.iter().find(|a| !a.starts_with('-')) else {
        eprintln!("usage: check [-types] file.go");
        std::process::exit(2);
    };
    let src = std::fs::read(path).unwrap_or_default();
    let sf = SourceFile::new("./x.go", &src);
    let (file, errs) = rgo_syntax::parser::parse_file_checked(&src, Mode::NONE, &sf);
    if args.iter().any(|a| a == "-parse") {
        println!("parsed: {} errors", errs.len());
        return;
    }
    // Syntax errors stop gc before type checking; the parser's branch
    // checks do not, and come first.
    if errs.iter().any(|e| e.msg.starts_with("syntax error")) {
        for e in errs {
            println!("{}: {}", sf.position(e.pos), e.msg);
        }
        std::process::exit(1);
    }
    let perrs: Vec<rgo_types::TypeError> = errs
        .iter()
        .map(|e| rgo_types::TypeError {
            file: 0,
            pos: e.pos,
            msg: e.msg.clone(),
            soft: false,
        })
        .collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/pkgs");
    let mut imp = Fixtures {
        root,
        cache: HashMap::new(),
    };
    let mut w = World::new();
    let files = vec![file];
    let srcs = vec![sf.clone()];
    let (pkg, info, errs) = check_package(&mut w, "main", &files, &srcs, &mut imp);
    if dump {
        print!(
            "{}",
            rgo_types::debug::dump_types(&w, pkg, &info, 0, &files[0], &sf)
        );
    }
    let mut all = perrs;
    all.extend(errs.iter().cloned());
    // gc's backend then refuses bodiless functions (as `go build x.go`).
    if all.is_empty() {
        all = rgo_types::check::missing_bodies(&files);
    }
    let errs = all;
    let (shown, too_many) = rgo_types::check::gc_errors(&errs, |_, p| sf.line_col(p).line);
    for e in &shown {
        println!("{}: {}", sf.position(e.pos), e.msg);
    }
    if too_many {
        // gc names the 10th error in report order, not the last one shown.
        let at = rgo_types::check::gc_too_many_at(&errs, |_, p| sf.line_col(p).line)
            .map(|(_, p)| p)
            .unwrap_or_default();
        println!("{}: too many errors", sf.position(at));
    }
    if !errs.is_empty() {
        std::process::exit(1);
    }
}
