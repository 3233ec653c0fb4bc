//! Source positions: byte offsets into one file, turned into `line:col` on demand.
//!
//! A [`Pos`] is the byte offset of a token in its file. Nodes store only
//! `Pos` (4 bytes); the line table of [`SourceFile`] turns an offset into
//! Go's `line:col`, where both are 1-based and the column counts bytes, as
//! gc and go/token count them (a tab or a multi-byte rune before the token
//! each advance the column by their byte length).
//!
//! Invariant: `line_starts` is sorted, starts with 0, and holds the offset
//! just past every `\n` of the source.

use std::fmt;

/// Byte offset of a token or node in its source file.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos(pub u32);

impl Pos {
    pub const ZERO: Pos = Pos(0);

    #[inline]
    pub fn offset(self) -> usize {
        self.0 as usize
    }

    /// The position `n` bytes further on.
    #[inline]
    pub fn plus(self, n: u32) -> Pos {
        Pos(self.0 + n)
    }
}

impl fmt::Debug for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}", self.0)
    }
}

/// A half-open byte range `[start, end)` of one file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub fn new(start: Pos, end: Pos) -> Span {
        Span { start, end }
    }
}

/// Line and column of a position, both 1-based; the column counts bytes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// A file's name and line table, to print positions as Go does.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    line_starts: Vec<u32>,
    len: u32,
    /// The file's `//line` directives in source order (see
    /// [`SourceFile::apply_line_directives`]); empty for almost every file.
    bases: Vec<LineBase>,
    /// The file's own path as gc is given it (absolute), which positions
    /// in messages add after a `//line` position: `x.go:3[/abs/y.go:7:2]`.
    orig: String,
}

/// From byte offset `at` on (physical line `at_line`, column `at_col`),
/// positions read as `name:line:col` per a `//line` directive; `col` 0:
/// the column is unknown (printed `name:line`).
#[derive(Clone, Debug)]
struct LineBase {
    at: u32,
    at_line: u32,
    at_col: u32,
    name: String,
    line: u32,
    col: u32,
}

/// A position as gc prints it: after `//line` directives, the file name,
/// line and column they say; `col` 0 when the directive gave no column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RelPos<'a> {
    pub name: &'a str,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for RelPos<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.col == 0 {
            write!(f, "{}:{}", self.name, self.line)
        } else {
            write!(f, "{}:{}:{}", self.name, self.line, self.col)
        }
    }
}

/// gc's largest line or column in a `//line` directive.
const POS_MAX: u64 = 1 << 30;

/// `text` (`line name:l` or `line name:l:c`, the `line ` already cut off)
/// as (name, line, col or 0), or `None` if it is no valid directive
/// (gc reports those; rgo ignores them). gc's rules: the line (and column)
/// are the last `:`-separated numbers, from the right.
fn parse_line_directive(text: &str) -> Option<(&str, u32, u32)> {
    let num = |s: &str| -> Option<u32> {
        let n: u64 = s.parse().ok()?;
        (n != 0 && n <= POS_MAX).then_some(n as u32)
    };
    let (head, last) = text.rsplit_once(':')?;
    match head.rsplit_once(':') {
        Some((name, mid)) if mid.parse::<u64>().is_ok() => Some((name, num(mid)?, num(last)?)),
        _ => Some((head, num(last)?, 0)),
    }
}

impl SourceFile {
    pub fn new(name: impl Into<String>, src: &[u8]) -> SourceFile {
        let mut line_starts = Vec::with_capacity(src.len() / 32 + 1);
        line_starts.push(0);
        // memchr-like loop; the compiler vectorises this well enough.
        for (i, &b) in src.iter().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            name: name.into(),
            line_starts,
            orig: String::new(),
            len: src.len() as u32,
            bases: Vec::new(),
        }
    }

    /// Takes the file's `//line` and `/*line*/` directives (among
    /// `directives`, the parser's list of `src`) into account for
    /// [`SourceFile::rel_pos`] and [`SourceFile::position`], as gc does: a
    /// `//line name:l[:c]` at the start of a line applies from the next
    /// line, a `/*line name:l[:c]*/` right after the comment. `resolve`
    /// turns a directive's file name into the name errors print (gc makes
    /// a relative one absolute against the package directory; cmd/go
    /// shortens it); an empty name with a column keeps the previous name,
    /// an empty name without one prints empty.
    ///
    /// `orig` is the file's own path as gc is given it (absolute), for
    /// [`SourceFile::message_position`].
    pub fn apply_line_directives(
        &mut self,
        src: &[u8],
        directives: &[crate::ast::Directive],
        resolve: &dyn Fn(&str) -> String,
        orig: &str,
    ) {
        self.orig = orig.to_string();
        for d in directives {
            let Some(rest) = d.text.strip_prefix("line ") else {
                continue;
            };
            let start = d.pos.0;
            let block = src.get(start as usize + 1) == Some(&b'*');
            let lc = self.line_col(d.pos);
            let at = if block {
                start + d.text.len() as u32 + 4
            } else if lc.col != 1 {
                continue; // `//line` only counts at the start of a line
            } else {
                match self.line_starts.get(lc.line as usize) {
                    Some(&next) => next,
                    None => continue, // the last line: nothing follows
                }
            };
            let Some((name, line, col)) = parse_line_directive(rest) else {
                continue;
            };
            let name = if !name.is_empty() {
                resolve(name)
            } else if col != 0 {
                self.bases
                    .last()
                    .map_or_else(|| self.name.clone(), |b| b.name.clone())
            } else {
                String::new()
            };
            let at_lc = self.line_col(Pos(at));
            self.bases.push(LineBase {
                at,
                at_line: at_lc.line,
                at_col: at_lc.col,
                name,
                line,
                col,
            });
        }
    }

    /// `pos` as gc prints it (after `//line` directives).
    pub fn rel_pos(&self, pos: Pos) -> RelPos<'_> {
        let lc = self.line_col(pos);
        let i = self.bases.partition_point(|b| b.at <= pos.0.min(self.len));
        let Some(b) = i.checked_sub(1).map(|i| &self.bases[i]) else {
            return RelPos {
                name: &self.name,
                line: lc.line,
                col: lc.col,
            };
        };
        let line = b.line.saturating_add(lc.line - b.at_line);
        let col = if b.col == 0 {
            0
        } else if lc.line == b.at_line {
            b.col.saturating_add(lc.col - b.at_col)
        } else {
            lc.col
        };
        RelPos {
            name: &b.name,
            line,
            col,
        }
    }

    /// Which `//line` directive `pos` reads under: 0 for none (the file's
    /// own positions), else 1 + its index. gc numbers each directive's
    /// position base apart, and sorts errors by base first.
    pub fn base_index(&self, pos: Pos) -> usize {
        self.bases.partition_point(|b| b.at <= pos.0.min(self.len))
    }

    /// `pos` as gc writes a position inside a message (types2's
    /// `syntax.Pos.String`): as [`SourceFile::position`], followed, after a
    /// `//line` directive, by the physical position in brackets:
    /// `./a.go:10[/abs/x.go:6:5]`.
    pub fn message_position(&self, pos: Pos) -> String {
        let rel = self.rel_pos(pos).to_string();
        if self.base_index(pos) == 0 {
            return rel;
        }
        let lc = self.line_col(pos);
        format!("{rel}[{}:{}:{}]", self.orig, lc.line, lc.col)
    }

    /// Line and column of `pos`; an offset past the end is clamped to the end.
    pub fn line_col(&self, pos: Pos) -> LineCol {
        let off = pos.0.min(self.len);
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        LineCol {
            line: line as u32 + 1,
            col: off - self.line_starts[line] + 1,
        }
    }

    /// `name:line:col`, the form every diagnostic uses (after `//line`
    /// directives: `name:line` where one gave no column).
    pub fn position(&self, pos: Pos) -> String {
        self.rel_pos(pos).to_string()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_bytes() {
        let f = SourceFile::new("x.go", "ab\n\tç=1\n".as_bytes());
        assert_eq!(f.line_col(Pos(0)), LineCol { line: 1, col: 1 });
        assert_eq!(f.line_col(Pos(2)), LineCol { line: 1, col: 3 });
        assert_eq!(f.line_col(Pos(3)), LineCol { line: 2, col: 1 });
        // tab is one byte, ç is two: '=' is at byte 6 of the file, col 4.
        assert_eq!(f.line_col(Pos(6)), LineCol { line: 2, col: 4 });
        assert_eq!(f.position(Pos(100)), "x.go:3:1");
    }

    #[test]
    fn line_directives() {
        let src =
            "package p\n//line a.go:10:5\nx\n  //line b.go:3\ny /*line :7:2*/z\n//line :20\nw\n";
        let (file, _) = crate::parse_file(src.as_bytes(), crate::Mode::NONE);
        let mut f = SourceFile::new("./x.go", src.as_bytes());
        f.apply_line_directives(
            src.as_bytes(),
            &file.directives,
            &|n| format!("./{n}"),
            "/d/x.go",
        );
        let at = |s: &str| Pos(src.find(s).unwrap() as u32);
        assert_eq!(f.position(Pos(0)), "./x.go:1:1");
        assert_eq!(f.position(at("x\n")), "./a.go:10:5");
        // not at the start of its line: no directive
        assert_eq!(f.position(at("y ")), "./a.go:12:1");
        assert_eq!(f.position(at("z")), "./a.go:7:2");
        assert_eq!(f.position(at("w")), ":20");
        assert_eq!(parse_line_directive("c:\\a.go:4"), Some(("c:\\a.go", 4, 0)));
        assert_eq!(parse_line_directive("a.go:0"), None);
        assert_eq!(parse_line_directive("a.go"), None);
    }
}
