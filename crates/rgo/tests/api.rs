//! The embedding API: `rgo::check::SessionImporter` as the importer of a
//! `check_package` call made by the embedder.

use rgo::check::SessionImporter;
use rgo::load::{constraint::Tags, Config};
use rgo_syntax::{parse_file, Mode, SourceFile};
use rgo_types::{check_package, World};
use std::fs;

#[test]
fn module_packages_are_checked_once_into_the_callers_world() {
    let dir = std::env::temp_dir().join(format!("rgo-api-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, text) in [
        ("go.mod", "module ex.com/m\n\ngo 1.22\n"),
        ("b/b.go", "package b\n\ntype T struct{ X int }\n"),
        (
            "a/a.go",
            "package a\n\nimport \"ex.com/m/b\"\n\nfunc F() b.T { return b.T{X: 1} }\n",
        ),
        ("c/c.go", "package c\n\nvar Bad int = \"s\"\n"),
    ] {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    let cfg = Config {
        cwd: dir.clone(),
        goroot: None,
        tags: Tags::default(),
        lenient_imports: false,
        all_errors: false,
        lang: None,
        std_rules: false,
    };
    let mut imp = SessionImporter::new(cfg);
    let mut world = World::new();
    // b is imported twice (directly and through a): one package, so a's
    // b.T is main's b.T.
    let src = b"package main\n\nimport (\n\t\"ex.com/m/a\"\n\t\"ex.com/m/b\"\n\t\"ex.com/m/c\"\n\t\"ex.com/m/nope\"\n)\n\nvar x b.T = a.F()\nvar _ = c.Bad\n";
    let (file, errs) = parse_file(src, Mode::NONE);
    assert!(errs.is_empty(), "{errs:?}");
    let sources = [SourceFile::new("./main.go", src)];
    let (_, _, errs) = check_package(&mut world, "main", &[file], &sources, &mut imp);
    let msgs: Vec<String> = errs
        .iter()
        .map(|e| format!("{}: {}", sources[0].position(e.pos), e.msg))
        .collect();
    // As types2 does, a failed import declares a stand-in package: its use
    // at `c.Bad` reports nothing more, and it is not "imported and not used".
    assert_eq!(msgs.len(), 2, "{msgs:#?}");
    assert!(
        msgs[0].starts_with("./main.go:6:2: could not import ex.com/m/c (c/c.go:3:15: cannot use"),
        "{msgs:#?}"
    );
    assert_eq!(
        msgs[1],
        "./main.go:7:2: could not import ex.com/m/nope (no required module provides package ex.com/m/nope; to add it:\n\tgo get ex.com/m/nope)"
    );
    fs::remove_dir_all(&dir).unwrap();
}
