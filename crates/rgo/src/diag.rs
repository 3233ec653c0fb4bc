//! gc's error list (cmd/compile/internal/base/print.go), so that rgo shows
//! the same errors as `go build`: errors are collected, at most one syntax
//! error per line and no repeat of the same message on the line of the
//! previous one; after the 10th error the list is flushed, sorted by
//! position, followed by `POS: too many errors` (the 10th error's
//! position), and the compile stops. Without the limit (gc's `-e`), every
//! error is kept.
//!
//! Positions sort by position base, then line and column. A base is a
//! file, or the part of one after a `//line` directive; bases rank in the
//! order they first had an error reported (gc numbers position bases as
//! it meets them), which is file order for parse errors.

use rgo_syntax::{Pos, SourceFile};

/// gc's limit on errors without `-e`.
pub const MAX_ERRORS: usize = 10;

/// One collected error.
#[derive(Clone, Debug)]
struct Entry {
    file_rank: usize,
    line: u32,
    col: u32,
    /// The printed file name, line and column (0: none), which differ
    /// from the physical ones after a `//line` directive.
    rel: (String, u32, u32),
    /// `name:line:col: msg`.
    text: String,
}

/// The error list of one compile (one package).
#[derive(Debug)]
pub struct ErrorList {
    limit: Option<usize>,
    entries: Vec<Entry>,
    /// Position bases (file name, `//line` directive index) in the order
    /// they first had an error.
    files: Vec<(String, usize)>,
    syntax_count: usize,
    last_syntax: Option<(usize, u32)>,
    last_other: Option<(usize, u32, String)>,
    /// Set once the limit was reached: `too many errors` at this position.
    stopped_at: Option<String>,
}

impl ErrorList {
    /// A list that stops at `limit` errors (`None`: never, as `gc -e`).
    pub fn new(limit: Option<usize>) -> ErrorList {
        ErrorList {
            limit,
            entries: Vec::new(),
            files: Vec::new(),
            syntax_count: 0,
            last_syntax: None,
            last_other: None,
            stopped_at: None,
        }
    }

    /// Whether the limit was reached (no more errors are taken).
    pub fn stopped(&self) -> bool {
        self.stopped_at.is_some()
    }

    /// Number of syntax errors reported (messages starting `syntax error`).
    pub fn syntax_errors(&self) -> usize {
        self.syntax_count
    }

    /// Number of errors kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Reports `msg` at `pos` of `file` (gc's `ErrorfAt`).
    pub fn report(&mut self, file: &SourceFile, pos: Pos, msg: &str) {
        if self.stopped() {
            return;
        }
        let lc = file.line_col(pos);
        let rank = self.rank(&file.name, file.base_index(pos));
        // gc's "same line" is the physical file and line.
        let file_id = self
            .files
            .iter()
            .position(|(f, _)| *f == file.name)
            .unwrap_or(rank);
        if msg.starts_with("syntax error") {
            self.syntax_count += 1;
            if self.last_syntax == Some((file_id, lc.line)) {
                return;
            }
            self.last_syntax = Some((file_id, lc.line));
        } else {
            if let Some((r, l, m)) = &self.last_other {
                if *r == file_id && *l == lc.line && m == msg {
                    return;
                }
            }
            self.last_other = Some((file_id, lc.line, msg.to_string()));
        }
        // Printed as `//line` directives say; sorted and deduplicated by
        // the physical position, as gc does.
        let rel = file.rel_pos(pos);
        let at = rel.to_string();
        self.entries.push(Entry {
            file_rank: rank,
            line: lc.line,
            col: lc.col,
            rel: (rel.name.to_string(), rel.line, rel.col),
            text: format!("{at}: {msg}"),
        });
        if self.limit.is_some_and(|l| self.entries.len() >= l) {
            self.stopped_at = Some(at);
        }
    }

    fn rank(&mut self, name: &str, base: usize) -> usize {
        match self.files.iter().position(|(f, b)| f == name && *b == base) {
            Some(i) => i,
            None => {
                self.files.push((name.to_string(), base));
                self.files.len() - 1
            }
        }
    }

    /// The lines gc prints: errors sorted by position (stable), repeats
    /// of the same text dropped, then `too many errors` if the limit was hit.
    pub fn lines(&self) -> Vec<String> {
        let mut sorted = self.entries.clone();
        sorted.sort_by_key(|e| (e.file_rank, e.line, e.col));
        let mut out: Vec<String> = Vec::new();
        for e in sorted {
            if out.last() != Some(&e.text) {
                out.push(e.text);
            }
        }
        if let Some(at) = &self.stopped_at {
            out.push(format!("{at}: too many errors"));
        }
        out
    }

    /// Every kept error as (file name, line, column, message), in report
    /// order (for the errorcheck harness).
    pub fn entries(&self) -> impl Iterator<Item = (&str, u32, u32, &str)> {
        self.entries.iter().map(|e| {
            let (name, line, col) = &e.rel;
            // The text is `name:line:col: msg` (`name:line: msg` if col is 0).
            let prefix = if *col == 0 {
                format!("{name}:{line}: ").len()
            } else {
                format!("{name}:{line}:{col}: ").len()
            };
            (name.as_str(), *line, *col, &e.text[prefix..])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> SourceFile {
        SourceFile::new("./x.go", b"package p\nline2\nline3\nline4\n")
    }

    #[test]
    fn sorts_and_drops_repeats() {
        let f = file();
        let mut l = ErrorList::new(Some(MAX_ERRORS));
        l.report(&f, Pos(12), "b");
        l.report(&f, Pos(0), "a");
        l.report(&f, Pos(12), "b"); // same line, same message as the last one
        l.report(&f, Pos(13), "c");
        assert_eq!(
            l.lines(),
            ["./x.go:1:1: a", "./x.go:2:3: b", "./x.go:2:4: c"]
        );
    }

    #[test]
    fn one_syntax_error_per_line() {
        let f = file();
        let mut l = ErrorList::new(None);
        l.report(&f, Pos(10), "syntax error: one");
        l.report(&f, Pos(12), "syntax error: two");
        l.report(&f, Pos(16), "syntax error: three");
        assert_eq!(l.syntax_errors(), 3);
        assert_eq!(
            l.lines(),
            [
                "./x.go:2:1: syntax error: one",
                "./x.go:3:1: syntax error: three"
            ]
        );
    }

    #[test]
    fn stops_at_the_limit() {
        let f = file();
        let mut l = ErrorList::new(Some(3));
        for (i, m) in ["e1", "e2", "e3", "e4"].iter().enumerate() {
            l.report(&f, Pos(10 + 6 * i as u32), m);
        }
        assert!(l.stopped());
        assert_eq!(
            l.lines(),
            [
                "./x.go:2:1: e1",
                "./x.go:3:1: e2",
                "./x.go:4:1: e3",
                "./x.go:4:1: too many errors"
            ]
        );
    }
}
