//! Fuzz target `check`: arbitrary bytes, parsed as gc parses them
//! (`parse_file_checked`, Mode::NONE), then type-checked by
//! `rgo_types::check_package` as package `p`, whatever the syntax errors
//! (the checker's contract is "never panics on any tree", stronger than what
//! `rgo vet` needs, which stops at syntax errors).
//!
//! Imports resolve through a tiny fake importer: `"q"` is a small package
//! checked from fixed source (types, methods, generics, constants), so
//! selectors into an imported package are exercised; every other path is
//! an import error. `unsafe` is the checker's own.
//!
//! Besides "never panics, never overflows the stack, never hangs" it checks
//! that every error has a non-empty message, a position inside the input
//! and a valid file index. The work runs on a 256 MiB-stack thread, as
//! `rgo vet` runs it (rgo::with_deep_stack): a legal file nests deeper than
//! the default stack allows a recursive walk (or drop) of its tree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rgo_syntax::parser::parse_file_checked;
use rgo_syntax::{Mode, SourceFile};
use rgo_types::{check_package, Importer, PackageId, World};

/// The package the fake importer serves as `"q"`.
const Q: &str = "package q

type T struct{ X int; y string }

func (t T) M() int { return t.X }
func (t *T) P(n int) *T { return t }

type I interface{ M() int }

type G[E any] struct{ v []E }

func (g *G[E]) Push(e E) { g.v = append(g.v, e) }

func Map[S ~[]E, E, R any](s S, f func(E) R) []R { return nil }

const C = 1 << 10

var V = []string{\"a\"}

type Num interface{ ~int | ~float64 }
";

struct Fake {
    q: Option<PackageId>,
}

impl Importer for Fake {
    fn import(&mut self, w: &mut World, path: &str) -> Result<PackageId, String> {
        if path != "q" {
            return Err(format!("package {path} is not in std"));
        }
        if let Some(id) = self.q {
            return Ok(id);
        }
        let src = SourceFile::new("q.go", Q.as_bytes());
        let (file, errs) = parse_file_checked(Q.as_bytes(), Mode::NONE, &src);
        assert!(errs.is_empty(), "q.go: {errs:?}");
        let (id, _, errs) = check_package(w, "q", &[file], &[src], &mut Fake { q: None });
        assert!(errs.is_empty(), "q.go: {errs:?}");
        self.q = Some(id);
        Ok(id)
    }
}

fn check(data: &[u8]) {
    let src = SourceFile::new("./x.go", data);
    let (file, _) = parse_file_checked(data, Mode::NONE, &src);
    let mut w = World::new();
    let (_, _, errs) = check_package(
        &mut w,
        "p",
        std::slice::from_ref(&file),
        std::slice::from_ref(&src),
        &mut Fake { q: None },
    );
    for e in &errs {
        assert_eq!(e.file, 0, "file index: {e:?}");
        assert!(
            e.pos.offset() <= data.len(),
            "error past the end ({} bytes): {e:?}",
            data.len()
        );
        assert!(!e.msg.is_empty(), "empty error message at {:?}", e.pos);
    }
}

fuzz_target!(|data: &[u8]| {
    std::thread::scope(|s| {
        let t = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(s, || check(data));
        // A panic on the thread is re-raised here, so libFuzzer sees it.
        if let Ok(h) = t {
            if let Err(p) = h.join() {
                std::panic::resume_unwind(p);
            }
        }
    });
});
