//! Build constraints, as go/build applies them: which files of a directory
//! belong to the build for linux/amd64.
//!
//! A file is left out when its name ends in `_GOOS`, `_GOARCH` or
//! `_GOOS_GOARCH` (before `.go` and an optional `_test`) naming another
//! system, when its `//go:build` expression is false, or (with no
//! `//go:build` line) when one of its `// +build` lines is false. Tags that
//! hold: `linux`, `unix`, `amd64`, `amd64.v1`, `gc`, `go1.1` ...
//! `go1.N` for the Go version rgo implements, and any extra tags of the
//! [`Tags`] set (`-tags`, or GOROOT's `goexperiment.*` tool tags). `cgo` is
//! false: rgo has no cgo, and files importing "C" are left out elsewhere.

/// The Go minor version whose release tags hold (`go1.1` ... `go1.27`).
pub const GO_MINOR: u32 = 27;

/// Operating systems go/build knows (syslist.go): a file name suffix
/// naming one of these is a constraint.
const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];

/// Architectures go/build knows (syslist.go).
const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// The set of build tags that hold.
#[derive(Clone, Debug, Default)]
pub struct Tags {
    /// Tags beyond the built-in linux/amd64/gc/go1.N set.
    pub extra: Vec<String>,
}

impl Tags {
    /// Whether `tag` holds.
    pub fn holds(&self, tag: &str) -> bool {
        match tag {
            "linux" | "unix" | "amd64" | "amd64.v1" | "gc" => true,
            _ => release_tag(tag) || self.extra.iter().any(|t| t == tag),
        }
    }

    /// Whether a file named `name` (base name) passes the file name rule.
    pub fn good_file_name(&self, name: &str) -> bool {
        let stem = name.strip_suffix(".go").unwrap_or(name);
        let stem = stem.strip_suffix("_test").unwrap_or(stem);
        // The part before the first `_` is the name proper: `linux.go` is
        // not constrained.
        let Some(i) = stem.find('_') else { return true };
        let parts: Vec<&str> = stem[i..].split('_').collect();
        let n = parts.len();
        if n >= 2 && KNOWN_OS.contains(&parts[n - 2]) && KNOWN_ARCH.contains(&parts[n - 1]) {
            return self.holds(parts[n - 2]) && self.holds(parts[n - 1]);
        }
        let last = parts[n - 1];
        if KNOWN_OS.contains(&last) || KNOWN_ARCH.contains(&last) {
            return self.holds(last);
        }
        true
    }

    /// Whether the constraint lines in the header of `src` hold. A
    /// malformed `//go:build` line makes the file excluded (go/build
    /// reports it as an error; the file is not built).
    pub fn good_header(&self, src: &[u8]) -> bool {
        let header = header_lines(src);
        let go_build: Vec<&str> = header
            .iter()
            .filter_map(|l| l.strip_prefix("//go:build"))
            .filter(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
            .collect();
        if let Some(expr) = go_build.first() {
            return eval_expr(expr.trim(), self).unwrap_or(false);
        }
        header
            .iter()
            .filter_map(|l| l.strip_prefix("//").map(str::trim_start))
            .filter_map(|l| l.strip_prefix("+build"))
            .filter(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
            .all(|rest| plus_build_line(rest, self))
    }
}

/// `go1.N` for N from 1 up to [`GO_MINOR`].
fn release_tag(tag: &str) -> bool {
    tag.strip_prefix("go1.")
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| (1..=GO_MINOR).contains(&n))
}

/// The `//` comment lines before the package clause (trimmed). Block
/// comments are skipped; the scan stops at the first line of code.
fn header_lines(src: &[u8]) -> Vec<&str> {
    let text = std::str::from_utf8(src).unwrap_or_else(|e| {
        // Only the valid prefix matters: constraints come first.
        std::str::from_utf8(&src[..e.valid_up_to()]).unwrap_or("")
    });
    let mut lines = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        let t = line.trim();
        if in_block {
            if let Some(i) = t.find("*/") {
                in_block = false;
                if !t[i + 2..].trim().is_empty() {
                    break;
                }
            }
            continue;
        }
        if t.is_empty() {
            continue;
        }
        if t.starts_with("//") {
            lines.push(t);
        } else if let Some(rest) = t.strip_prefix("/*") {
            match rest.find("*/") {
                Some(i) if rest[i + 2..].trim().is_empty() => {}
                Some(_) => break,
                None => in_block = true,
            }
        } else {
            break;
        }
    }
    lines
}

/// One `// +build` line: space-separated alternatives, each a
/// comma-separated conjunction of possibly negated tags.
fn plus_build_line(line: &str, tags: &Tags) -> bool {
    line.split_whitespace().any(|alt| {
        alt.split(',').all(|term| match term.strip_prefix('!') {
            Some(t) => !t.starts_with('!') && valid_tag(t) && !tags.holds(t),
            None => valid_tag(term) && tags.holds(term),
        })
    })
}

fn valid_tag(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// Evaluates a `//go:build` expression; `None` if it is malformed.
pub fn eval_expr(expr: &str, tags: &Tags) -> Option<bool> {
    let toks = tokenize(expr)?;
    let mut p = ExprParser {
        toks: &toks,
        i: 0,
        tags,
    };
    let v = p.or()?;
    (p.i == toks.len()).then_some(v)
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Tag(&'a str),
    Not,
    And,
    Or,
    Open,
    Close,
}

fn tokenize(s: &str) -> Option<Vec<Tok<'_>>> {
    let b = s.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b'!' => (toks.push(Tok::Not), i += 1).1,
            b'(' => (toks.push(Tok::Open), i += 1).1,
            b')' => (toks.push(Tok::Close), i += 1).1,
            b'&' if b.get(i + 1) == Some(&b'&') => (toks.push(Tok::And), i += 2).1,
            b'|' if b.get(i + 1) == Some(&b'|') => (toks.push(Tok::Or), i += 2).1,
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.')
                {
                    i += 1;
                }
                toks.push(Tok::Tag(&s[start..i]));
            }
            _ => return None,
        }
    }
    Some(toks)
}

struct ExprParser<'a, 't> {
    toks: &'a [Tok<'t>],
    i: usize,
    tags: &'a Tags,
}

impl ExprParser<'_, '_> {
    fn or(&mut self) -> Option<bool> {
        let mut v = self.and()?;
        while self.toks.get(self.i) == Some(&Tok::Or) {
            self.i += 1;
            v |= self.and()?;
        }
        Some(v)
    }

    fn and(&mut self) -> Option<bool> {
        let mut v = self.not()?;
        while self.toks.get(self.i) == Some(&Tok::And) {
            self.i += 1;
            v &= self.not()?;
        }
        Some(v)
    }

    fn not(&mut self) -> Option<bool> {
        // Nesting depth is bounded by the line length, and `!!!!x` is rare;
        // iterate rather than recurse to stay flat.
        let mut negate = false;
        while self.toks.get(self.i) == Some(&Tok::Not) {
            self.i += 1;
            negate = !negate;
        }
        Some(self.atom()? ^ negate)
    }

    fn atom(&mut self) -> Option<bool> {
        match self.toks.get(self.i)? {
            Tok::Tag(t) => {
                self.i += 1;
                Some(self.tags.holds(t))
            }
            Tok::Open => {
                self.i += 1;
                let v = self.or()?;
                (self.toks.get(self.i) == Some(&Tok::Close)).then_some(())?;
                self.i += 1;
                Some(v)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        let t = Tags::default();
        for (name, ok) in [
            ("x.go", true),
            ("linux.go", true),
            ("windows.go", true),
            ("x_linux.go", true),
            ("x_windows.go", false),
            ("x_amd64.go", true),
            ("x_arm64.go", false),
            ("x_linux_amd64.go", true),
            ("x_linux_arm64.go", false),
            ("x_windows_amd64.go", false),
            ("x_windows_test.go", false),
            ("x_linux_test.go", true),
            ("x_unix.go", true),
            ("x_foo.go", true),
        ] {
            assert_eq!(t.good_file_name(name), ok, "{name}");
        }
    }

    #[test]
    fn go_build_lines() {
        let t = Tags {
            extra: vec!["purego".into()],
        };
        for (src, ok) in [
            ("//go:build linux\n\npackage p\n", true),
            ("//go:build !linux\n\npackage p\n", false),
            (
                "// Copyright\n\n//go:build (linux || darwin) && amd64\n\npackage p\n",
                true,
            ),
            ("//go:build windows || (unix && !cgo)\n\npackage p\n", true),
            ("//go:build go1.18 && !go1.99\n\npackage p\n", true),
            ("//go:build purego\n\npackage p\n", true),
            ("//go:build ignore\n\npackage p\n", false),
            ("//go:build linux &&\n\npackage p\n", false),
            ("/* c */\n//go:build plan9\npackage p\n", false),
            ("package p\n//go:build windows\n", true),
            ("// +build windows\n\npackage p\n", false),
            ("// +build linux,amd64 windows\n\npackage p\n", true),
            ("// +build !windows\n// +build ignore\n\npackage p\n", false),
            ("//go:build linux\n// +build windows\n\npackage p\n", true),
        ] {
            assert_eq!(t.good_header(src.as_bytes()), ok, "{src}");
        }
    }
}
