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
            len: src.len() as u32,
        }
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

    /// `name:line:col`, the form every diagnostic uses.
    pub fn position(&self, pos: Pos) -> String {
        let lc = self.line_col(pos);
        format!("{}:{}:{}", self.name, lc.line, lc.col)
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
}
