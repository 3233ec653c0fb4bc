//! The Go language version a package (and each of its files) is checked
//! against: gc's `-lang` flag, which the go command sets from go.mod's
//! `go` line, and a file's `//go:build go1.N` constraint (Go 1.21's file
//! versions). A feature newer than the version in force is an error worded
//! as gc words it: `X requires go1.N or later (-lang was set to go1.M;
//! check go.mod)`, or `(file declares //go:build go1.M)` when the file's
//! constraint set the version.
//!
//! Only Go 1 versions exist, so a version is its minor number.

use super::Checker;
use rgo_syntax::ast;
use rgo_syntax::Pos;

/// The newest language version this checker knows (Go 1.27).
pub const CURRENT: u32 = 27;

/// The first version whose loops declare their variables per iteration
/// (gc's loopvar semantics, Go 1.22).
pub const LOOPVAR: u32 = 22;

/// Go's default for a go.mod without a `go` line (cmd/go's
/// `DefaultGoModVersion`).
pub const GOMOD_DEFAULT: u32 = 16;

/// The language version of a version string as the go command and gc read
/// it: `go1.17`, `go1.21rc2`, `go1.20.3` (for `-lang`), or `1.17`, `1.21.0`
/// (go.mod's `go` line). `None` if it is not a Go 1 version.
pub fn parse_lang(v: &str) -> Option<u32> {
    let v = v.strip_prefix("go").unwrap_or(v);
    let rest = v.strip_prefix("1.")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || (digits > 1 && rest.starts_with('0')) {
        return None;
    }
    let minor: u32 = rest[..digits].parse().ok()?;
    let tail = &rest[digits..];
    // A release number or a pre-release suffix may follow.
    let ok = tail.is_empty()
        || tail
            .strip_prefix('.')
            .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        || ["rc", "beta"].iter().any(|s| {
            tail.strip_prefix(s)
                .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        });
    ok.then_some(minor)
}

/// The Go version a `//go:build` expression requires (go/build/constraint's
/// `GoVersion`): the oldest `go1.N` release that could satisfy it, or
/// `None` if it needs none. `a && b` needs the newer of the two, `a || b`
/// the older (none if either needs none); a negation needs none.
pub fn build_constraint_version(expr: &str) -> Option<u32> {
    let toks = tokenize(expr)?;
    let mut p = ConstraintParser { toks, at: 0 };
    let v = p.or()?;
    (p.at == p.toks.len()).then_some(v)?
}

#[derive(Clone, PartialEq, Eq, Debug)]
enum Tok {
    Tag(String),
    Not,
    And,
    Or,
    Open,
    Close,
}

fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b'!' => {
                out.push(Tok::Not);
                i += 1;
            }
            b'(' => {
                out.push(Tok::Open);
                i += 1;
            }
            b')' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'&' if b.get(i + 1) == Some(&b'&') => {
                out.push(Tok::And);
                i += 2;
            }
            b'|' if b.get(i + 1) == Some(&b'|') => {
                out.push(Tok::Or);
                i += 2;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.')
                {
                    i += 1;
                }
                out.push(Tok::Tag(s[start..i].to_string()));
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A constraint expression's version requirement: `Some(None)` is "needs
/// no version", `None` a malformed expression.
struct ConstraintParser {
    toks: Vec<Tok>,
    at: usize,
}

impl ConstraintParser {
    fn eat(&mut self, t: &Tok) -> bool {
        if self.toks.get(self.at) == Some(t) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Option<Option<u32>> {
        let mut v = self.and()?;
        while self.eat(&Tok::Or) {
            let w = self.and()?;
            v = match (v, w) {
                (Some(a), Some(b)) => Some(a.min(b)),
                _ => None,
            };
        }
        Some(v)
    }

    fn and(&mut self) -> Option<Option<u32>> {
        let mut v = self.not()?;
        while self.eat(&Tok::And) {
            let w = self.not()?;
            v = v.max(w);
        }
        Some(v)
    }

    fn not(&mut self) -> Option<Option<u32>> {
        if self.eat(&Tok::Not) {
            self.not()?;
            return Some(None);
        }
        if self.eat(&Tok::Open) {
            let v = self.or()?;
            return self.eat(&Tok::Close).then_some(v);
        }
        match self.toks.get(self.at) {
            Some(Tok::Tag(t)) => {
                self.at += 1;
                // Only `go1.N` tags name versions (not `go1.N.M`).
                let v = t
                    .strip_prefix("go1.")
                    .filter(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|m| m.parse().ok());
                Some(v)
            }
            _ => None,
        }
    }
}

/// The version a file's `//go:build` line declares, if any: the first
/// `//go:build` directive before the package clause.
pub fn file_version(f: &ast::File) -> Option<u32> {
    let d = f
        .directives
        .iter()
        .take_while(|d| d.pos < f.package)
        .find(|d| d.text.starts_with("go:build") && d.text[8..].starts_with([' ', '\t']))?;
    build_constraint_version(&d.text[8..])
}

/// The language version configuration of one package check.
#[derive(Clone, Debug, Default)]
pub struct Versions {
    /// gc's `-lang` (`None`: every feature is allowed, as go/types with no
    /// `GoVersion`).
    pub lang: Option<u32>,
    /// Per file: the version in force and whether the file's `//go:build`
    /// line set it.
    pub files: Vec<(Option<u32>, bool)>,
}

impl Versions {
    /// types2's rule: a file whose `//go:build` line names a version uses
    /// that version, but no older than go1.21 (the first release whose
    /// files could set it); other files use `-lang`.
    pub fn new(lang: Option<u32>, files: &[ast::File]) -> Versions {
        let files = files
            .iter()
            .map(|f| match file_version(f) {
                Some(v) => (Some(v.max(21)), v.max(21) == v),
                None => (lang, false),
            })
            .collect();
        Versions { lang, files }
    }
}

impl Checker<'_, '_> {
    /// Whether the current file's language version allows a feature of
    /// go1.`want`.
    pub(crate) fn allow_version(&self, want: u32) -> bool {
        match self.versions.files.get(self.file as usize) {
            Some((Some(v), _)) => *v >= want,
            Some((None, _)) => true,
            None => self.versions.lang.is_none_or(|v| v >= want),
        }
    }

    /// The error for a feature of go1.`want` used under an older version,
    /// as gc words it.
    pub(crate) fn version_error(&mut self, pos: Pos, want: u32, what: &str) {
        let msg = format!("{what} requires go1.{want} or later{}", self.version_hint());
        self.error(pos, msg);
    }

    /// gc's hint after a version error: which setting made the version.
    pub(crate) fn version_hint(&self) -> String {
        match self.versions.files.get(self.file as usize) {
            Some((Some(v), true)) => format!(" (file declares //go:build go1.{v})"),
            _ => match self.versions.lang {
                Some(l) => format!(" (-lang was set to go1.{l}; check go.mod)"),
                None => String::new(),
            },
        }
    }

    /// [`Checker::allow_version`], reporting the error when not allowed.
    pub(crate) fn verify_version(
        &mut self,
        pos: Pos,
        want: u32,
        what: impl FnOnce(&Self) -> String,
    ) -> bool {
        if self.allow_version(want) {
            return true;
        }
        let what = what(self);
        self.version_error(pos, want, &what);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_strings() {
        assert_eq!(parse_lang("go1.17"), Some(17));
        assert_eq!(parse_lang("1.21.3"), Some(21));
        assert_eq!(parse_lang("go1.21rc2"), Some(21));
        assert_eq!(parse_lang("1.9"), Some(9));
        assert_eq!(parse_lang("go2.0"), None);
        assert_eq!(parse_lang("go1."), None);
        assert_eq!(parse_lang("1.017"), None);
        assert_eq!(parse_lang("1.21."), None);
        assert_eq!(parse_lang("1.21x"), None);
    }

    #[test]
    fn constraint_versions() {
        assert_eq!(build_constraint_version(" go1.21"), Some(21));
        assert_eq!(build_constraint_version("linux && go1.22"), Some(22));
        assert_eq!(build_constraint_version("go1.22 && go1.18"), Some(22));
        assert_eq!(build_constraint_version("go1.22 || go1.18"), Some(18));
        assert_eq!(build_constraint_version("go1.22 || linux"), None);
        assert_eq!(build_constraint_version("!go1.22"), None);
        assert_eq!(
            build_constraint_version("(go1.20 || go1.19) && amd64"),
            Some(19)
        );
        assert_eq!(build_constraint_version("linux"), None);
        assert_eq!(build_constraint_version("go1.22 &&"), None);
    }
}
