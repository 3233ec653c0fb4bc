//! regexp: Go's regular expression syntax (regexp/syntax with the Perl
//! flags of `Compile` or the POSIX ones of `CompilePOSIX`) checked with
//! Go's error codes and offending text, then translated to the syntax of
//! the regex-automata crate, which does the matching (RE2 semantics, like
//! Go: leftmost-first, linear time, byte offsets).
//!
//! The translation is explicit so the two syntaxes never disagree: every
//! literal becomes `\x{..}`, Go's ASCII Perl classes (`\d \s \w`) and POSIX
//! classes become ranges, `\b` becomes the ASCII word boundary, flags are
//! resolved while parsing (`(?i)` wraps the affected atoms in `(?i:..)`),
//! and every capture is unnamed (Go allows repeated names; the names are
//! kept here).
//!
//! Differences from Go, known and accepted: invalid UTF-8 in the searched
//! text is not matched by `.` or negated classes (Go reads each bad byte
//! as U+FFFD); leftmost-longest (`Longest`, `CompilePOSIX`) gives Go's
//! overall match, and the submatches of the leftmost-first match that
//! spans it when there is one; `LiteralPrefix` of an anchored expression
//! assumes Go's one-pass compiler accepted it.

use std::sync::{Arc, RwLock};

use regex_automata::util::syntax;
use regex_automata::{meta, Anchored, Input, MatchKind};

mod classes;

/// A Go `*syntax.Error`: its code's text and the offending expression.
#[derive(Debug, PartialEq, Eq)]
pub struct Error {
    pub code: &'static str,
    /// Bytes: for invalid UTF-8 Go reports the text from the bad byte on.
    pub expr: Vec<u8>,
}

const ERR_INVALID_CHAR_RANGE: &str = "invalid character class range";
const ERR_INVALID_ESCAPE: &str = "invalid escape sequence";
const ERR_INVALID_NAMED_CAPTURE: &str = "invalid named capture";
const ERR_INVALID_PERL_OP: &str = "invalid or unsupported Perl syntax";
const ERR_INVALID_REPEAT_OP: &str = "invalid nested repetition operator";
const ERR_INVALID_REPEAT_SIZE: &str = "invalid repeat count";
const ERR_INVALID_UTF8: &str = "invalid UTF-8";
const ERR_MISSING_BRACKET: &str = "missing closing ]";
const ERR_MISSING_PAREN: &str = "missing closing )";
const ERR_MISSING_REPEAT_ARG: &str = "missing argument to repetition operator";
const ERR_TRAILING_BACKSLASH: &str = "trailing backslash at end of expression";
const ERR_UNEXPECTED_PAREN: &str = "unexpected )";
const ERR_NESTING_DEPTH: &str = "expression nests too deeply";
const ERR_LARGE: &str = "expression too large";

/// Go's limit on `{n,m}` counts (and on their nested product).
const MAX_REPEAT: i64 = 1000;
/// Go's limit on nesting.
const MAX_DEPTH: u32 = 1000;

fn err(code: &'static str, expr: &str) -> Error {
    Error {
        code,
        expr: expr.as_bytes().to_vec(),
    }
}

/// The flags in force while parsing (Go's `syntax.Flags` that vary).
#[derive(Clone, Copy)]
struct Flags {
    fold: bool,
    dot_nl: bool,
    /// `^`/`$` match at text boundaries only (Go's OneLine).
    one_line: bool,
    ungreedy: bool,
}

/// The parsed expression, as far as the checks and `LiteralPrefix` need it.
enum Node {
    Empty,
    /// A literal rune; `fold` when case-insensitive and the rune has other
    /// cases.
    Lit(char, bool),
    /// A character class or `.`, in target syntax (atomic).
    Class(String),
    /// `\A` (true for the text start in one-line mode), `\z`, line
    /// anchors and word boundaries, in target syntax.
    Assert(&'static str),
    Cap(Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Rep {
        min: i64,
        max: i64, // -1: unbounded
        greedy: bool,
        counted: bool,
        sub: Box<Node>,
    },
}

const BEGIN_TEXT: &str = r"\A";
const END_TEXT: &str = r"\z";

struct Parser<'a> {
    s: &'a str,
    i: usize,
    flags: Flags,
    perl: bool,
    names: Vec<String>,
    depth: u32,
}

fn is_word_ascii(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `c` has other cases under simple folding.
fn has_case(c: char) -> bool {
    let lower: Vec<char> = c.to_lowercase().collect();
    let upper: Vec<char> = c.to_uppercase().collect();
    lower != [c] || upper != [c] || lower != upper
}

fn unhex(c: char) -> Option<u32> {
    c.to_digit(16)
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }

    fn peek2(&self) -> Option<char> {
        let mut it = self.s[self.i..].chars();
        it.next();
        it.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        Some(c)
    }

    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    fn parse(&mut self) -> Result<Node, Error> {
        let n = self.parse_alt()?;
        if self.i < self.s.len() {
            // Only a `)` stops parse_alt before the end.
            return Err(err(ERR_UNEXPECTED_PAREN, self.s));
        }
        Ok(n)
    }

    fn parse_alt(&mut self) -> Result<Node, Error> {
        let mut branches = vec![self.parse_concat()?];
        while self.peek() == Some('|') {
            self.i += 1;
            branches.push(self.parse_concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn parse_concat(&mut self) -> Result<Node, Error> {
        let mut items: Vec<Node> = Vec::new();
        // Where the previous token started, when it was a repetition.
        let mut last_repeat: Option<usize> = None;
        while let Some(c) = self.peek() {
            let start = self.i;
            let mut repeat = None;
            match c {
                '|' | ')' => break,
                '(' => {
                    if let Some(n) = self.parse_group()? {
                        items.push(n);
                    }
                }
                '*' | '+' | '?' => {
                    self.i += 1;
                    let (min, max) = match c {
                        '*' => (0, -1),
                        '+' => (1, -1),
                        _ => (0, 1),
                    };
                    self.repeat(&mut items, min, max, false, start, last_repeat)?;
                    repeat = Some(start);
                }
                '{' => match self.parse_braces()? {
                    Some((min, max)) => {
                        self.repeat(&mut items, min, max, true, start, last_repeat)?;
                        repeat = Some(start);
                    }
                    None => {
                        self.i += 1;
                        items.push(self.lit('{'));
                    }
                },
                '[' => items.push(self.parse_class()?),
                '.' => {
                    self.i += 1;
                    items.push(Node::Class(if self.flags.dot_nl {
                        "(?s:.)".into()
                    } else {
                        r"[^\n]".into()
                    }));
                }
                '^' => {
                    self.i += 1;
                    items.push(Node::Assert(if self.flags.one_line {
                        BEGIN_TEXT
                    } else {
                        "(?m:^)"
                    }));
                }
                '$' => {
                    self.i += 1;
                    items.push(Node::Assert(if self.flags.one_line {
                        END_TEXT
                    } else {
                        "(?m:$)"
                    }));
                }
                '\\' => self.parse_backslash(&mut items)?,
                _ => {
                    self.i += c.len_utf8();
                    items.push(self.lit(c));
                }
            }
            last_repeat = repeat;
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn lit(&self, c: char) -> Node {
        Node::Lit(c, self.flags.fold && has_case(c))
    }

    /// Applies a repetition operator (already consumed from `start`) to
    /// the last item.
    fn repeat(
        &mut self,
        items: &mut Vec<Node>,
        min: i64,
        max: i64,
        counted: bool,
        start: usize,
        last_repeat: Option<usize>,
    ) -> Result<(), Error> {
        let mut greedy = !self.flags.ungreedy;
        if self.perl {
            if self.peek() == Some('?') {
                self.i += 1;
                greedy = !greedy;
            }
            if let Some(lr) = last_repeat {
                return Err(err(ERR_INVALID_REPEAT_OP, &self.s[lr..self.i]));
            }
        }
        let op = &self.s[start..self.i];
        let Some(sub) = items.pop() else {
            return Err(err(ERR_MISSING_REPEAT_ARG, op));
        };
        let node = Node::Rep {
            min,
            max,
            greedy,
            counted,
            sub: Box::new(sub),
        };
        if counted && (min >= 2 || max >= 2) && !repeat_ok(&node, MAX_REPEAT) {
            return Err(err(ERR_INVALID_REPEAT_SIZE, op));
        }
        items.push(node);
        Ok(())
    }

    /// `{n}`, `{n,}` or `{n,m}` at the cursor: consumed and returned, or
    /// `None` (nothing consumed) when it is not one and `{` is a literal.
    fn parse_braces(&mut self) -> Result<Option<(i64, i64)>, Error> {
        let t = self.rest();
        let b = t.as_bytes();
        let mut j = 1;
        let int = |j: &mut usize| -> Option<i64> {
            let st = *j;
            while *j < b.len() && b[*j].is_ascii_digit() {
                *j += 1;
            }
            if *j == st || (*j - st >= 2 && b[st] == b'0') {
                return None;
            }
            let mut n: i64 = 0;
            for &d in &b[st..*j] {
                if n >= 100_000_000 {
                    return Some(-1);
                }
                n = n * 10 + i64::from(d - b'0');
            }
            Some(if n >= 100_000_000 { -1 } else { n })
        };
        let Some(min) = int(&mut j) else {
            return Ok(None);
        };
        let max;
        if j < b.len() && b[j] == b',' {
            j += 1;
            if j < b.len() && b[j] == b'}' {
                max = -1;
            } else {
                let Some(m) = int(&mut j) else {
                    return Ok(None);
                };
                max = if m < 0 { i64::MAX } else { m };
            }
        } else {
            max = min;
        }
        if j >= b.len() || b[j] != b'}' {
            return Ok(None);
        }
        j += 1;
        let text = &t[..j];
        self.i += j;
        if !(0..=MAX_REPEAT).contains(&min) || max > MAX_REPEAT || (max >= 0 && min > max) {
            return Err(err(ERR_INVALID_REPEAT_SIZE, text));
        }
        Ok(Some((min, max)))
    }

    /// `(` at the cursor: a group, or a flag setting (`None`).
    fn parse_group(&mut self) -> Result<Option<Node>, Error> {
        let start = self.i;
        self.i += 1;
        let saved = self.flags;
        let mut capture = true;
        if self.perl && self.peek() == Some('?') {
            let t = &self.s[start..];
            let named = if t.starts_with("(?P<") {
                Some(4)
            } else if t.starts_with("(?<") {
                Some(3)
            } else {
                None
            };
            if let Some(k) = named {
                let Some(end) = t.find('>') else {
                    return Err(err(ERR_INVALID_NAMED_CAPTURE, t));
                };
                let name = &t[k..end];
                if name.is_empty() || !name.chars().all(is_word_ascii) {
                    return Err(err(ERR_INVALID_NAMED_CAPTURE, &t[..=end]));
                }
                self.i = start + end + 1;
                return self.group_body(true, name.to_string(), saved).map(Some);
            }
            // Flags: (?flags) or (?flags:re).
            self.i += 1;
            let mut negated = false;
            let mut saw_flag = false;
            loop {
                let Some(c) = self.bump() else {
                    return Err(err(ERR_INVALID_PERL_OP, t));
                };
                match c {
                    'i' | 'm' | 's' | 'U' => {
                        let on = !negated;
                        match c {
                            'i' => self.flags.fold = on,
                            'm' => self.flags.one_line = !on,
                            's' => self.flags.dot_nl = on,
                            _ => self.flags.ungreedy = on,
                        }
                        saw_flag = true;
                    }
                    '-' if !negated => {
                        negated = true;
                        saw_flag = false;
                    }
                    ':' | ')' if !negated || saw_flag => {
                        if c == ')' {
                            // The new flags hold to the end of this group.
                            return Ok(None);
                        }
                        capture = false;
                        break;
                    }
                    _ => {
                        return Err(err(ERR_INVALID_PERL_OP, &self.s[start..self.i]));
                    }
                }
            }
        }
        self.group_body(capture, String::new(), saved).map(Some)
    }

    /// The inside of a group through its `)`; restores the flags.
    fn group_body(&mut self, capture: bool, name: String, saved: Flags) -> Result<Node, Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err(ERR_NESTING_DEPTH, self.s));
        }
        if capture {
            self.names.push(name);
        }
        let sub = self.parse_alt()?;
        if self.peek() != Some(')') {
            return Err(err(ERR_MISSING_PAREN, self.s));
        }
        self.i += 1;
        self.depth -= 1;
        self.flags = saved;
        Ok(if capture {
            Node::Cap(Box::new(sub))
        } else {
            sub
        })
    }

    /// `\` at the cursor, outside a class.
    fn parse_backslash(&mut self, items: &mut Vec<Node>) -> Result<(), Error> {
        let start = self.i;
        let next = self.peek2();
        if self.perl {
            let assert = match next {
                Some('A') => Some(BEGIN_TEXT),
                Some('z') => Some(END_TEXT),
                Some('b') => Some(r"(?-u:\b)"),
                Some('B') => Some(r"(?-u:\B)"),
                _ => None,
            };
            if let Some(a) = assert {
                self.i += 2;
                items.push(Node::Assert(a));
                return Ok(());
            }
            if next == Some('Q') {
                let body = &self.s[start + 2..];
                let (lit, used) = match body.find(r"\E") {
                    Some(e) => (&body[..e], e + 2),
                    None => (body, body.len()),
                };
                for c in lit.chars() {
                    items.push(self.lit(c));
                }
                self.i = start + 2 + used;
                return Ok(());
            }
            if let Some(cls) = next.and_then(perl_class) {
                self.i += 2;
                items.push(self.class_node(cls));
                return Ok(());
            }
            if matches!(next, Some('p' | 'P')) {
                let cls = self.parse_unicode_class()?;
                items.push(self.class_node(cls));
                return Ok(());
            }
        }
        let c = self.parse_escape()?;
        items.push(self.lit(c));
        Ok(())
    }

    /// A class body in target syntax as a node, folded under `(?i)`.
    fn class_node(&self, cls: String) -> Node {
        Node::Class(if self.flags.fold {
            format!("(?i:{cls})")
        } else {
            cls
        })
    }

    /// `\p{Name}`, `\pN` or their `\P` negations at the cursor.
    fn parse_unicode_class(&mut self) -> Result<String, Error> {
        let start = self.i;
        let neg = self.peek2() == Some('P');
        self.i += 2;
        let name: &str;
        match self.bump() {
            Some('{') => {
                let Some(end) = self.rest().find('}') else {
                    return Err(err(ERR_INVALID_CHAR_RANGE, &self.s[start..]));
                };
                name = &self.s[self.i..self.i + end];
                self.i += end + 1;
            }
            Some(c) => name = &self.s[self.i - c.len_utf8()..self.i],
            None => name = "",
        }
        let seq = &self.s[start..self.i];
        let (neg, name) = match name.strip_prefix('^') {
            Some(n) => (!neg, n),
            None => (neg, name),
        };
        let key = normalize(name);
        if key == "any" {
            return Ok(if neg {
                r"[^\x00-\x{10FFFF}]".into()
            } else {
                r"[\x00-\x{10FFFF}]".into()
            });
        }
        match classes::UNICODE_CLASSES
            .iter()
            .find(|n| normalize(n) == key)
        {
            Some(canon) => Ok(format!("\\{}{{{canon}}}", if neg { 'P' } else { 'p' })),
            None => Err(err(ERR_INVALID_CHAR_RANGE, seq)),
        }
    }

    /// A single-rune escape at the cursor (Go's parseEscape).
    fn parse_escape(&mut self) -> Result<char, Error> {
        let start = self.i;
        self.i += 1;
        let Some(c) = self.bump() else {
            return Err(err(ERR_TRAILING_BACKSLASH, ""));
        };
        let bad = |p: &Self| err(ERR_INVALID_ESCAPE, &p.s[start..p.i]);
        match c {
            '1'..='7' | '0' => {
                if c != '0' && !matches!(self.peek(), Some('0'..='7')) {
                    return Err(bad(self));
                }
                let mut r = c as u32 - '0' as u32;
                for _ in 1..3 {
                    match self.peek() {
                        Some(d @ '0'..='7') => {
                            r = r * 8 + (d as u32 - '0' as u32);
                            self.i += 1;
                        }
                        _ => break,
                    }
                }
                Ok(char::from_u32(r).unwrap_or('\u{FFFD}'))
            }
            'x' => {
                let Some(c) = self.bump() else {
                    return Err(bad(self));
                };
                if c == '{' {
                    let mut r: u32 = 0;
                    let mut n = 0;
                    loop {
                        let Some(c) = self.bump() else {
                            return Err(bad(self));
                        };
                        if c == '}' {
                            break;
                        }
                        let Some(v) = unhex(c) else {
                            return Err(bad(self));
                        };
                        r = r * 16 + v;
                        if r > 0x10FFFF {
                            return Err(bad(self));
                        }
                        n += 1;
                    }
                    if n == 0 {
                        return Err(bad(self));
                    }
                    // Surrogates are runes in Go; U+FFFD stands in here.
                    return Ok(char::from_u32(r).unwrap_or('\u{FFFD}'));
                }
                let x = unhex(c);
                let y = self.bump().and_then(unhex);
                match (x, y) {
                    (Some(x), Some(y)) => Ok(char::from_u32(x * 16 + y).unwrap_or('\u{FFFD}')),
                    _ => Err(bad(self)),
                }
            }
            'a' => Ok('\x07'),
            'f' => Ok('\x0c'),
            'n' => Ok('\n'),
            'r' => Ok('\r'),
            't' => Ok('\t'),
            'v' => Ok('\x0b'),
            c if c.is_ascii() && !c.is_ascii_alphanumeric() => Ok(c),
            _ => Err(bad(self)),
        }
    }

    /// `[` at the cursor.
    fn parse_class(&mut self) -> Result<Node, Error> {
        let start = self.i;
        self.i += 1;
        let whole = &self.s[start..];
        let missing = || err(ERR_MISSING_BRACKET, whole);
        let neg = self.peek() == Some('^');
        if neg {
            self.i += 1;
        }
        let mut out = String::from("[");
        if neg {
            out.push('^');
            if !self.perl {
                // Without Go's ClassNL a negated class never matches \n.
                out.push_str(r"\n");
            }
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(missing());
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            let t = self.rest();
            let dash_ok = self.perl || first || t.len() == 1 || t[1..].starts_with(']');
            if c == '-' && !dash_ok {
                let mut it = t.chars();
                it.next();
                let n = 1 + it.next().map_or(0, char::len_utf8);
                return Err(err(ERR_INVALID_CHAR_RANGE, &t[..n]));
            }
            first = false;
            if let Some(body) = t.strip_prefix("[:") {
                if let Some(e) = body.find(":]") {
                    let name = &t[..e + 4];
                    let Some(cls) = posix_class(name) else {
                        return Err(err(ERR_INVALID_CHAR_RANGE, name));
                    };
                    out.push_str(&cls);
                    self.i += name.len();
                    continue;
                }
            }
            if self.perl && c == '\\' {
                let next = self.peek2();
                if matches!(next, Some('p' | 'P')) {
                    out.push_str(&self.parse_unicode_class()?);
                    continue;
                }
                if let Some(cls) = next.and_then(perl_class) {
                    self.i += 2;
                    out.push_str(&cls);
                    continue;
                }
            }
            let range_start = self.i;
            let lo = self.class_char(whole)?;
            let mut hi = lo;
            let t = self.rest();
            if t.len() >= 2 && t.starts_with('-') && !t[1..].starts_with(']') {
                self.i += 1;
                hi = self.class_char(whole)?;
                if hi < lo {
                    return Err(err(ERR_INVALID_CHAR_RANGE, &self.s[range_start..self.i]));
                }
            }
            push_range(&mut out, lo, hi);
        }
        out.push(']');
        Ok(self.class_node(out))
    }

    fn class_char(&mut self, whole: &str) -> Result<char, Error> {
        match self.peek() {
            None => Err(err(ERR_MISSING_BRACKET, whole)),
            Some('\\') => self.parse_escape(),
            Some(c) => {
                self.i += c.len_utf8();
                Ok(c)
            }
        }
    }
}

fn push_range(out: &mut String, lo: char, hi: char) {
    use std::fmt::Write;
    let _ = if lo == hi {
        write!(out, "\\x{{{:X}}}", lo as u32)
    } else {
        write!(out, "\\x{{{:X}}}-\\x{{{:X}}}", lo as u32, hi as u32)
    };
}

/// A Unicode class name as Go 1.27 compares them: case, spaces,
/// underscores and hyphens ignored.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Go's Perl classes (ASCII), in target syntax.
fn perl_class(c: char) -> Option<String> {
    let (neg, body) = match c {
        'd' => (false, "0-9"),
        'D' => (true, "0-9"),
        's' => (false, r"\t\n\f\r "),
        'S' => (true, r"\t\n\f\r "),
        'w' => (false, "0-9A-Za-z_"),
        'W' => (true, "0-9A-Za-z_"),
        _ => return None,
    };
    Some(format!("[{}{body}]", if neg { "^" } else { "" }))
}

/// Go's POSIX classes `[:name:]` / `[:^name:]` (ASCII), in target syntax.
fn posix_class(full: &str) -> Option<String> {
    let name = full.strip_prefix("[:")?.strip_suffix(":]")?;
    let (neg, name) = match name.strip_prefix('^') {
        Some(n) => (true, n),
        None => (false, name),
    };
    let body = match name {
        "alnum" => "0-9A-Za-z",
        "alpha" => "A-Za-z",
        "ascii" => r"\x00-\x7F",
        "blank" => r"\t ",
        "cntrl" => r"\x00-\x1F\x7F",
        "digit" => "0-9",
        "graph" => r"!-~",
        "lower" => "a-z",
        "print" => r" -~",
        "punct" => r"!-/:-@\[-`\{-~",
        "space" => r"\t\n\x0B\f\r ",
        "upper" => "A-Z",
        "word" => "0-9A-Za-z_",
        "xdigit" => "0-9A-Fa-f",
        _ => return None,
    };
    Some(format!("[{}{body}]", if neg { "^" } else { "" }))
}

/// Go's repeatIsValid: nested `{n,m}` counts multiply to at most `n`.
fn repeat_ok(node: &Node, mut n: i64) -> bool {
    match node {
        Node::Rep {
            counted,
            min,
            max,
            sub,
            ..
        } => {
            if *counted {
                let mut m = *max;
                if m == 0 {
                    return true;
                }
                if m < 0 {
                    m = *min;
                }
                if m > n {
                    return false;
                }
                if m > 0 {
                    n /= m;
                }
            }
            repeat_ok(sub, n)
        }
        Node::Cap(s) => repeat_ok(s, n),
        Node::Concat(v) | Node::Alt(v) => v.iter().all(|s| repeat_ok(s, n)),
        _ => true,
    }
}

/// The node in target syntax.
fn emit(node: &Node, out: &mut String) {
    match node {
        Node::Empty => out.push_str("(?:)"),
        Node::Lit(c, fold) => {
            if *fold {
                out.push_str("(?i:");
            }
            push_range(out, *c, *c);
            if *fold {
                out.push(')');
            }
        }
        Node::Class(s) => out.push_str(s),
        Node::Assert(s) => out.push_str(s),
        Node::Cap(s) => {
            out.push('(');
            emit(s, out);
            out.push(')');
        }
        Node::Concat(v) => {
            out.push_str("(?:");
            v.iter().for_each(|s| emit(s, out));
            out.push(')');
        }
        Node::Alt(v) => {
            out.push_str("(?:");
            for (k, s) in v.iter().enumerate() {
                if k > 0 {
                    out.push('|');
                }
                emit(s, out);
            }
            out.push(')');
        }
        Node::Rep {
            min,
            max,
            greedy,
            sub,
            ..
        } => {
            out.push_str("(?:");
            emit(sub, out);
            out.push(')');
            match (*min, *max) {
                (0, -1) => out.push('*'),
                (1, -1) => out.push('+'),
                (0, 1) => out.push('?'),
                (m, -1) => out.push_str(&format!("{{{m},}}")),
                (m, n) if m == n => out.push_str(&format!("{{{m}}}")),
                (m, n) => out.push_str(&format!("{{{m},{n}}}")),
            }
            if !*greedy {
                out.push('?');
            }
        }
    }
}

/// Walks the literal runes at the start of `node` into `out`; `true` when
/// the whole node was such literals (Go's Prog.Prefix, on the tree).
fn prefix_walk(node: &Node, out: &mut String, into_caps: bool) -> bool {
    match node {
        Node::Empty => true,
        Node::Lit(c, false) if *c != '\u{FFFD}' => {
            out.push(*c);
            true
        }
        Node::Cap(s) if into_caps => prefix_walk(s, out, into_caps),
        Node::Concat(v) => v.iter().all(|s| prefix_walk(s, out, into_caps)),
        Node::Alt(v) => {
            // Go factors the common literal prefix out of alternatives.
            let leads: Vec<String> = v.iter().map(leading_literal).collect();
            let mut common = leads.first().cloned().unwrap_or_default();
            for l in &leads[1..] {
                let n = common
                    .chars()
                    .zip(l.chars())
                    .take_while(|(a, b)| a == b)
                    .map(|(a, _)| a.len_utf8())
                    .sum();
                common.truncate(n);
            }
            out.push_str(&common);
            false
        }
        Node::Rep {
            min,
            max,
            counted,
            sub,
            ..
        } => {
            if *min == 0 {
                return false;
            }
            if !*counted {
                prefix_walk(sub, out, into_caps);
                return false;
            }
            for _ in 0..*min {
                if !prefix_walk(sub, out, into_caps) {
                    return false;
                }
            }
            max == min
        }
        _ => false,
    }
}

/// The literal string a branch starts with (as Go's factoring sees it).
fn leading_literal(node: &Node) -> String {
    let mut s = String::new();
    let items: &[Node] = match node {
        Node::Concat(v) => v,
        n => std::slice::from_ref(n),
    };
    for it in items {
        match it {
            Node::Lit(c, false) => s.push(*c),
            _ => break,
        }
    }
    s
}

/// Go's `LiteralPrefix` for the parsed tree.
fn literal_prefix(root: &Node) -> (String, bool) {
    let items: &[Node] = match root {
        Node::Concat(v) => v,
        n => std::slice::from_ref(n),
    };
    let mut out = String::new();
    if let Some(Node::Assert(a)) = items.first() {
        if *a == BEGIN_TEXT {
            // Go's one-pass prefix: literals after \A, complete when only
            // \z follows them.
            let mut k = 1;
            while let Some(Node::Lit(c, false)) = items.get(k) {
                out.push(*c);
                k += 1;
            }
            let complete = if k == 1 {
                items.len() == 1
            } else {
                matches!(items.get(k), Some(Node::Assert(z)) if *z == END_TEXT)
                    && items.len() == k + 1
            };
            return (out, complete);
        }
    }
    let complete = prefix_walk(root, &mut out, true);
    (out, complete)
}

/// A compiled expression.
pub struct Prog {
    first: meta::Regex,
    /// The same expression with leftmost-longest ends (built on demand).
    all: std::sync::OnceLock<Option<meta::Regex>>,
    pattern: String,
    pub names: Vec<String>,
    pub prefix: String,
    pub complete: bool,
}

fn build(pattern: &str, kind: MatchKind) -> Option<meta::Regex> {
    meta::Regex::builder()
        .syntax(syntax::Config::new().nest_limit(50_000))
        .configure(
            meta::Config::new()
                .match_kind(kind)
                .nfa_size_limit(Some(64 << 20)),
        )
        .build(pattern)
        .ok()
}

/// Parses and compiles `expr` with Go's Perl syntax, or its POSIX syntax
/// when `posix`.
pub fn compile(expr: &[u8], posix: bool) -> Result<Prog, Error> {
    let s = match std::str::from_utf8(expr) {
        Ok(s) => s,
        Err(e) => {
            let rest = &expr[e.valid_up_to()..];
            return Err(Error {
                code: ERR_INVALID_UTF8,
                expr: rest.to_vec(),
            });
        }
    };
    let mut p = Parser {
        s,
        i: 0,
        flags: Flags {
            fold: false,
            dot_nl: false,
            one_line: !posix,
            ungreedy: false,
        },
        perl: !posix,
        names: vec![String::new()],
        depth: 0,
    };
    let root = p.parse()?;
    let mut pattern = String::new();
    emit(&root, &mut pattern);
    let Some(first) = build(&pattern, MatchKind::LeftmostFirst) else {
        // The one class name the target's Unicode tables may lack, or size.
        return Err(err(ERR_LARGE, s));
    };
    let (prefix, complete) = literal_prefix(&root);
    Ok(Prog {
        first,
        all: std::sync::OnceLock::new(),
        pattern,
        names: p.names,
        prefix,
        complete,
    })
}

impl Prog {
    /// Searches `h` from `pos` (earlier bytes are context for `\b` and
    /// `(?m)^`). Fills `dst` with up to `dst.len() / 2` submatch pairs
    /// (-1 for groups that did not take part) and reports a match; an
    /// empty `dst` asks only whether there is one.
    pub fn exec(&self, h: &[u8], pos: usize, longest: bool, dst: &mut [i64]) -> bool {
        if pos > h.len() {
            return false;
        }
        let input = Input::new(h).span(pos..h.len());
        if dst.is_empty() {
            return self.first.is_match(input);
        }
        let mut caps = self.first.create_captures();
        if dst.len() <= 2 && !longest {
            let Some(m) = self.first.search(&input) else {
                return false;
            };
            dst[0] = m.start() as i64;
            if dst.len() > 1 {
                dst[1] = m.end() as i64;
            }
            return true;
        }
        self.first.search_captures(&input, &mut caps);
        let Some(m) = caps.get_match() else {
            return false;
        };
        if longest {
            let all = self
                .all
                .get_or_init(|| build(&self.pattern, MatchKind::All));
            if let Some(all) = all {
                let anchored = Input::new(h)
                    .span(m.start()..h.len())
                    .anchored(Anchored::Yes);
                if let Some(hm) = all.search_half(&anchored) {
                    if hm.offset() > m.end() {
                        let mut c2 = self.first.create_captures();
                        let within = Input::new(h)
                            .span(m.start()..hm.offset())
                            .anchored(Anchored::Yes);
                        self.first.search_captures(&within, &mut c2);
                        if c2.get_match().is_some_and(|m2| m2.end() == hm.offset()) {
                            caps = c2;
                        } else {
                            // Keep the groups; widen the whole match.
                            fill(&caps, dst);
                            dst[0] = m.start() as i64;
                            dst[1] = hm.offset() as i64;
                            return true;
                        }
                    }
                }
            }
        }
        fill(&caps, dst);
        true
    }
}

fn fill(caps: &regex_automata::util::captures::Captures, dst: &mut [i64]) {
    for (k, pair) in dst.chunks_mut(2).enumerate() {
        let span = caps.get_group(k);
        for (j, d) in pair.iter_mut().enumerate() {
            *d = match span {
                Some(sp) if j == 0 => sp.start as i64,
                Some(sp) => sp.end as i64,
                None => -1,
            };
        }
    }
}

/// Compiled programs, by `handle - 1`; they live as long as the process
/// (Go's *Regexp values hold a handle, and nothing is freed yet).
static PROGS: RwLock<Vec<Arc<Prog>>> = RwLock::new(Vec::new());

/// Registers `p` and returns its handle (never 0).
pub fn register(p: Prog) -> u64 {
    let mut v = PROGS.write().unwrap_or_else(|e| e.into_inner());
    v.push(Arc::new(p));
    v.len() as u64
}

/// The program of a handle.
pub fn lookup(handle: u64) -> Option<Arc<Prog>> {
    let v = PROGS.read().unwrap_or_else(|e| e.into_inner());
    let i = usize::try_from(handle).ok()?.checked_sub(1)?;
    v.get(i).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(p: &str) -> (String, String) {
        match compile(p.as_bytes(), false) {
            Ok(_) => ("ok".into(), String::new()),
            Err(e) => (e.code.into(), String::from_utf8_lossy(&e.expr).into_owned()),
        }
    }

    #[test]
    fn errors() {
        assert_eq!(e("(a"), (ERR_MISSING_PAREN.into(), "(a".into()));
        assert_eq!(e("a**"), (ERR_INVALID_REPEAT_OP.into(), "**".into()));
        assert_eq!(e("a*?*"), (ERR_INVALID_REPEAT_OP.into(), "*?*".into()));
        assert_eq!(e("(?i-)"), (ERR_INVALID_PERL_OP.into(), "(?i-)".into()));
        assert_eq!(e("(?P=n)"), (ERR_INVALID_PERL_OP.into(), "(?P".into()));
        assert_eq!(
            e(r"\x{110000}"),
            (ERR_INVALID_ESCAPE.into(), r"\x{110000".into())
        );
        assert_eq!(
            e("(a{500}){3}"),
            (ERR_INVALID_REPEAT_SIZE.into(), "{3}".into())
        );
        assert_eq!(e("[a"), (ERR_MISSING_BRACKET.into(), "[a".into()));
        assert_eq!(e("a{,3}"), ("ok".into(), String::new()));
    }

    #[test]
    fn matches() {
        let p = compile(br"(\w+)@(\w+)\.com", false).unwrap_or_else(|_| unreachable!());
        let mut d = [0i64; 6];
        assert!(p.exec(b"mail bob@example.com now", 0, false, &mut d));
        assert_eq!(d, [5, 20, 5, 8, 9, 16]);
        let p = compile(b"a|ab", false).unwrap_or_else(|_| unreachable!());
        let mut d = [0i64; 2];
        assert!(p.exec(b"xab", 0, true, &mut d));
        assert_eq!(d, [1, 3]);
    }
}
