//! rgo-std: the Go source of rgo's standard library, embedded at build time.
//!
//! Each std package is a directory `go/<import path>/` of Go files written
//! for rgo (DESIGN §7). A function declared without a body is bound to a
//! Rust native of the same qualified name (`strings.IndexByte`,
//! `(*sync.Mutex).Lock`, `sync.runtime_Semacquire`), the way Go binds
//! bodiless functions to assembly; the type checker therefore needs no
//! special cases and types keep Go's real fields and sizes.
//!
//! Architecture invariant: this crate only carries source text; it knows
//! nothing of the parser, the checker or the VM. `tools/` holds the
//! verification scripts (type-check with go/types, API coverage against
//! real Go, differential tests); see `tools/README.md`.

pub mod glue;
pub mod natives;

include!(concat!(env!("OUT_DIR"), "/std_table.rs"));

/// One embedded file: its base name (`print.go`) and its source text.
pub type File = (&'static str, &'static str);

/// The files of the std package with import path `path` (`"unicode/utf8"`),
/// sorted by name, or `None` if rgo has no such package.
pub fn package_files(path: &str) -> Option<&'static [File]> {
    PACKAGES
        .binary_search_by(|(p, _)| (*p).cmp(path))
        .ok()
        .map(|i| PACKAGES[i].1)
}

/// The import paths of every embedded std package, sorted.
pub fn packages() -> impl Iterator<Item = &'static str> {
    PACKAGES.iter().map(|(p, _)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_matches_listing() {
        for p in packages() {
            assert!(package_files(p).is_some_and(|f| !f.is_empty()), "{p}");
        }
        assert!(package_files("no/such/pkg").is_none());
    }
}
