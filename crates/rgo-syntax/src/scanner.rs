//! The scanner: bytes to tokens, with Go's automatic semicolon insertion.
//!
//! It behaves as gc's scanner (cmd/compile/internal/syntax/scanner.go and
//! source.go) behaves, and words and places its errors as `go build` prints
//! them: scanner errors carry no `syntax error: ` prefix. Every error is
//! recorded; gc's printing rules (an equal message once per line, stop at
//! ten) are applied where errors are reported, not here. Comments never
//! become tokens (`Token::Comment` is not produced): they go to `comments`
//! in [`Mode::COMMENTS`], and directives to `directives` always.
//!
//! Reading model: `ch` is the current character, starting at byte offset
//! `off`; `r` is the offset just past it. `nextch` moves on by one
//! character. As in gc, three kinds of byte sequence are never seen as
//! characters: a NUL byte (`invalid NUL character`), a byte that does not
//! begin valid UTF-8 (`invalid UTF-8 encoding`) and a byte order mark
//! (skipped silently at offset 0, else `invalid BOM in the middle of the
//! file`). Each is reported where it stands and then skipped, wherever it
//! is: between tokens, inside an identifier, a literal or a comment. A
//! token's text may therefore contain such bytes, but then an error was
//! reported too.
//!
//! Where gc's behaviour comes from its buffered reader rather than from the
//! language, we follow it only where it is deterministic:
//! - A NUL at offset 0 is `invalid character U+0000` (gc's first read skips
//!   the NUL check). A NUL where gc happens to refill its buffer mid-file
//!   gets the same message from gc; we always say `invalid NUL character`.
//! - After `..` not followed by a third `.`, gc rewinds and, if a newline
//!   followed, counts that line twice: every later position in the file is
//!   one line off in its messages. Positions here are byte offsets and stay
//!   right. (`..` is a syntax error anyway.)
//! - That rewind also reports a skipped byte between the dots twice; gc
//!   prints the duplicate once, and we report it once.
//!
//! Speed: the hot loops (identifiers, white space, comments, string bodies)
//! run over bytes with one class table, comment and string bodies eight
//! bytes at a time, and drop to the general `nextch` only at a byte that
//! needs thought (non-ASCII, NUL, a stop byte). Nothing is allocated per
//! token; errors, comments and directives are the only allocations.
//! `cargo run --release -p rgo-syntax --example scan -- $GOROOT/src`
//! measures it: about 400 MB/s (17M tokens in 0.23 s) on the 92 MB of
//! Go 1.27's source.
//!
//! Invariants:
//! - `off <= r <= src.len()`; at the end `ch == EOF` and `off == src.len()`.
//! - `ch` is `'\0'` only at the end of input (NUL bytes are skipped, see
//!   above), so `'\0'` serves as the end marker `EOF`.
//! - `src.len() < u32::MAX`, so every offset fits a [`Pos`].

mod unicode_tables;

use crate::ast::{Comment, Directive};
use crate::pos::{Pos, Span};
use crate::token::{LitKind, SemiKind, Tok, Token};
use crate::{Mode, SyntaxError};

/// The value of `Scanner::ch` at the end of input.
const EOF: char = '\0';

pub struct Scanner<'a> {
    src: &'a [u8],
    mode: Mode,
    /// Current character (`EOF` at the end).
    ch: char,
    /// Byte offset of `ch`.
    off: usize,
    /// Byte offset just past `ch`.
    r: usize,
    /// Whether a newline or the end of input now becomes a `;`.
    nlsemi: bool,
    /// Errors found so far, in the order found.
    pub errors: Vec<SyntaxError>,
    /// Every comment, in source order; filled only in [`Mode::COMMENTS`].
    pub comments: Vec<Comment>,
    /// Every line comment starting `//go:`, `//line ` or `//export `,
    /// in source order; always filled.
    pub directives: Vec<Directive>,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a [u8], mode: Mode) -> Scanner<'a> {
        let mut errors = Vec::new();
        // Positions are u32; a larger file is read up to the limit only.
        const LIMIT: usize = u32::MAX as usize - 1;
        let src = if src.len() > LIMIT {
            errors.push(SyntaxError {
                pos: Pos(LIMIT as u32),
                msg: "file too large".into(),
            });
            &src[..LIMIT]
        } else {
            src
        };
        let mut s = Scanner {
            src,
            mode,
            ch: ' ',
            off: 0,
            r: 0,
            nlsemi: false,
            errors,
            comments: Vec::new(),
            directives: Vec::new(),
        };
        if src.first() == Some(&0) {
            // gc's reader checks for NUL only on its fast path, which its
            // very first read does not take: a NUL at offset 0 is read as a
            // character and rejected as one.
            s.error_at(0, "invalid character U+0000");
            s.r = 1;
        }
        s.nextch();
        s
    }

    /// The source text of `tok` (empty for an inserted semicolon).
    pub fn text(&self, tok: Tok) -> &'a [u8] {
        self.src
            .get(tok.pos.offset()..tok.end.offset())
            .unwrap_or(&[])
    }

    /// The next token. After the end it returns `Eof` forever.
    #[allow(clippy::should_implement_trait)] // an endless stream, not an Iterator
    pub fn next(&mut self) -> Tok {
        let nlsemi = std::mem::take(&mut self.nlsemi);
        loop {
            self.skip_space(nlsemi);
            let start = self.off;
            let kind = match self.ch {
                'a'..='z' | 'A'..='Z' | '_' => self.ident(start),
                EOF if nlsemi => Token::Semi(SemiKind::Eof),
                EOF => Token::Eof,
                '\n' => {
                    self.nextch();
                    return semi_at(start, SemiKind::Newline);
                }
                '0'..='9' => self.number(start, false),
                '"' => self.std_string(start),
                '`' => self.raw_string(start),
                '\'' => self.rune(start),
                '/' => {
                    self.nextch();
                    match self.ch {
                        '/' => {
                            self.nextch();
                            self.line_comment(start);
                            continue;
                        }
                        '*' => {
                            self.nextch();
                            if self.full_comment(start) && nlsemi {
                                // A comment spanning lines acts as a newline.
                                return semi_at(start, SemiKind::Newline);
                            }
                            continue;
                        }
                        _ => self.assign_op(Token::Quo, Token::QuoAssign),
                    }
                }
                c if !c.is_ascii() => {
                    self.check_ident_char(true);
                    self.ident(start)
                }
                c => match self.operator(start) {
                    Some(kind) => kind,
                    None => {
                        let msg = format!("invalid character {}", sharp_u(c as u32));
                        self.error_at(start, msg);
                        self.nextch();
                        continue;
                    }
                },
            };
            return Tok {
                kind,
                pos: Pos(start as u32),
                end: Pos(self.off as u32),
            };
        }
    }

    // ---- reading characters ----

    /// Moves to the next character.
    #[inline]
    fn nextch(&mut self) {
        if let Some(&b) = self.src.get(self.r) {
            if b != 0 && b < 0x80 {
                self.off = self.r;
                self.r += 1;
                self.ch = b as char;
                return;
            }
        }
        self.nextch_general();
    }

    /// `nextch` for the end, NUL, and non-ASCII bytes: reports and skips
    /// NULs, invalid UTF-8 and misplaced BOMs, as gc's source reader does.
    #[inline(never)]
    fn nextch_general(&mut self) {
        loop {
            self.off = self.r;
            let Some(&b) = self.src.get(self.r) else {
                self.ch = EOF;
                return;
            };
            if b < 0x80 {
                self.r += 1;
                if b == 0 {
                    self.error_at(self.off, "invalid NUL character");
                    continue;
                }
                self.ch = b as char;
                return;
            }
            match decode_utf8(&self.src[self.r..]) {
                None => {
                    self.r += 1;
                    self.error_at(self.off, "invalid UTF-8 encoding");
                }
                Some((c, width)) => {
                    self.r += width;
                    if c != '\u{FEFF}' {
                        self.ch = c;
                        return;
                    }
                    if self.off > 0 {
                        self.error_at(self.off, "invalid BOM in the middle of the file");
                    }
                }
            }
        }
    }

    /// Consumes the current character, which the caller has accepted, and
    /// then every following byte of class `mask`; then reads on normally.
    #[inline]
    fn skip_class(&mut self, mask: u8) {
        let mut j = self.r;
        while let Some(&b) = self.src.get(j) {
            if CLASS[b as usize] & mask == 0 {
                break;
            }
            j += 1;
        }
        self.r = j;
        self.nextch();
    }

    /// `skip_class(mask)` for long runs (comment and string bodies): first
    /// skips eight bytes at a time while none is non-ASCII, NUL or one of
    /// `stops`, the bytes missing from `mask`.
    #[inline]
    fn skip_class_long(&mut self, mask: u8, stops: &[u8]) {
        let mut j = self.r;
        while let Some(chunk) = self.src.get(j..j + 8) {
            let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
                break;
            };
            let w = u64::from_le_bytes(bytes);
            let mut stop = w & HIGH_BITS | has_zero_byte(w);
            for &b in stops {
                stop |= has_zero_byte(w ^ (LOW_BITS * b as u64));
            }
            if stop != 0 {
                break;
            }
            j += 8;
        }
        self.r = j;
        self.skip_class(mask);
    }

    fn skip_space(&mut self, nlsemi: bool) {
        let mask = if nlsemi { SPACE } else { SPACE | NEWLINE };
        while self.ch.is_ascii() && CLASS[self.ch as usize] & mask != 0 {
            self.skip_class(mask);
        }
    }

    fn error_at(&mut self, off: usize, msg: impl Into<String>) {
        self.errors.push(SyntaxError {
            pos: Pos(off as u32),
            msg: msg.into(),
        });
    }

    /// Reports `msg` at the current character.
    fn error_here(&mut self, msg: impl Into<String>) {
        self.error_at(self.off, msg);
    }

    // ---- identifiers and operators ----

    /// Scans the rest of an identifier or keyword whose first character is
    /// current (and already checked).
    fn ident(&mut self, start: usize) -> Token {
        loop {
            self.skip_class(IDENT);
            if !self.ch.is_ascii() {
                self.check_ident_char(false);
            } else if CLASS[self.ch as usize] & IDENT == 0 {
                break;
            }
        }
        let word = &self.src[start..self.off];
        match Token::keyword(word) {
            Some(kw) => {
                self.nlsemi = matches!(
                    kw,
                    Token::Break | Token::Continue | Token::Fallthrough | Token::Return
                );
                kw
            }
            None => {
                self.nlsemi = true;
                Token::Ident
            }
        }
    }

    /// gc takes every non-ASCII character into an identifier, complaining
    /// unless it is a letter (or, after the first, a digit).
    fn check_ident_char(&mut self, first: bool) {
        let c = self.ch as u32;
        if is_letter(c) {
            return;
        }
        let msg = if is_digit(c) {
            if !first {
                return;
            }
            format!("identifier cannot begin with digit {}", sharp_u(c))
        } else {
            format!("invalid character {} in identifier", sharp_u(c))
        };
        self.error_here(msg);
    }

    /// Scans an operator or punctuation starting at the current ASCII
    /// character; `None` (consuming nothing) if it starts no token.
    fn operator(&mut self, start: usize) -> Option<Token> {
        use Token::*;
        let c = self.ch;
        if !c.is_ascii() || CLASS[c as usize] & OP_START == 0 {
            return None;
        }
        self.nextch();
        Some(match c {
            '(' => LParen,
            '[' => LBrack,
            '{' => LBrace,
            ',' => Comma,
            ';' => Semi(SemiKind::Written),
            ')' | ']' | '}' => {
                self.nlsemi = true;
                match c {
                    ')' => RParen,
                    ']' => RBrack,
                    _ => RBrace,
                }
            }
            ':' => self.if_next('=', Define, Colon),
            '.' => self.period(start),
            '+' | '-' if self.ch == c => {
                self.nextch();
                self.nlsemi = true;
                if c == '+' {
                    Inc
                } else {
                    Dec
                }
            }
            '+' => self.assign_op(Add, AddAssign),
            '-' => self.assign_op(Sub, SubAssign),
            '*' => self.assign_op(Mul, MulAssign),
            '%' => self.assign_op(Rem, RemAssign),
            '^' => self.assign_op(Xor, XorAssign),
            '&' => match self.ch {
                '&' => self.take(LAnd),
                '^' => {
                    self.nextch();
                    self.assign_op(AndNot, AndNotAssign)
                }
                _ => self.assign_op(And, AndAssign),
            },
            '|' => match self.ch {
                '|' => self.take(LOr),
                _ => self.assign_op(Or, OrAssign),
            },
            '<' => match self.ch {
                '=' => self.take(Leq),
                '-' => self.take(Arrow),
                '<' => {
                    self.nextch();
                    self.assign_op(Shl, ShlAssign)
                }
                _ => Lss,
            },
            '>' => match self.ch {
                '=' => self.take(Geq),
                '>' => {
                    self.nextch();
                    self.assign_op(Shr, ShrAssign)
                }
                _ => Gtr,
            },
            '=' => self.if_next('=', Eql, Assign),
            '!' => self.if_next('=', Neq, Not),
            '~' => Tilde,
            _ => return None,
        })
    }

    /// After a `.`: a number like `.5`, an ellipsis, or a period.
    fn period(&mut self, start: usize) -> Token {
        if self.ch.is_ascii_digit() {
            return self.number(start, true);
        }
        if self.ch == '.' {
            // Look ahead for the third dot; back off if it is not there.
            let saved = (self.ch, self.off, self.r, self.errors.len());
            self.nextch();
            if self.ch == '.' {
                self.nextch();
                return Token::Ellipsis;
            }
            (self.ch, self.off, self.r) = (saved.0, saved.1, saved.2);
            self.errors.truncate(saved.3);
        }
        Token::Period
    }

    fn take(&mut self, tok: Token) -> Token {
        self.nextch();
        tok
    }

    fn if_next(&mut self, c: char, yes: Token, no: Token) -> Token {
        if self.ch == c {
            self.take(yes)
        } else {
            no
        }
    }

    fn assign_op(&mut self, op: Token, op_assign: Token) -> Token {
        self.if_next('=', op_assign, op)
    }

    // ---- comments ----

    /// After `//`: skips to the end of the line (leaving the newline).
    fn line_comment(&mut self, start: usize) {
        while self.ch != '\n' && self.ch != EOF {
            self.skip_class_long(LINE_PLAIN, b"\n");
        }
        let end = self.off;
        if self.mode.contains(Mode::COMMENTS) {
            self.comments.push(Comment {
                span: span(start, end),
            });
        }
        let body = &self.src[start + 2..end];
        if [&b"go:"[..], b"line ", b"export "]
            .iter()
            .any(|p| body.starts_with(p))
        {
            let body = body.strip_suffix(b"\r").unwrap_or(body);
            let text = String::from_utf8_lossy(body).into();
            self.directives.push(Directive {
                pos: Pos(start as u32),
                text,
            });
        }
    }

    /// After `/*`: skips past the closing `*/`. Returns whether the comment
    /// spans a newline.
    fn full_comment(&mut self, start: usize) -> bool {
        loop {
            match self.ch {
                EOF => {
                    self.error_at(start, "comment not terminated");
                    break;
                }
                '*' => {
                    self.nextch();
                    if self.ch == '/' {
                        self.nextch();
                        break;
                    }
                }
                _ => self.skip_class_long(BLOCK_PLAIN, b"*"),
            }
        }
        if self.mode.contains(Mode::COMMENTS) {
            self.comments.push(Comment {
                span: span(start, self.off),
            });
        }
        let multiline = self.src[start..self.off].contains(&b'\n');
        // A `/*line file:l:c*/` directive (on one line; gc ignores others).
        let whole = &self.src[start..self.off];
        if !multiline && whole.starts_with(b"/*line ") && whole.ends_with(b"*/") && whole.len() >= 4
        {
            let text = String::from_utf8_lossy(&whole[2..whole.len() - 2]).into();
            self.directives.push(Directive {
                pos: Pos(start as u32),
                text,
            });
        }
        multiline
    }

    // ---- literals ----

    fn lit(&mut self, kind: LitKind) -> Token {
        self.nlsemi = true;
        Token::Lit(kind)
    }

    /// A number; the current character is its first digit, or the digit
    /// after a leading `.` already consumed (`seen_point`).
    fn number(&mut self, start: usize, mut seen_point: bool) -> Token {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        // 0 (decimal), b'0' (legacy octal), b'x', b'o' or b'b'.
        let mut prefix = 0u8;
        let mut digsep = 0; // bit 0: a digit seen; bit 1: a '_' seen
        let mut invalid = None; // offset in the literal of a digit >= base

        if !seen_point {
            if self.ch == '0' {
                self.nextch();
                match self.ch.to_ascii_lowercase() {
                    'x' => (base, prefix) = (16, b'x'),
                    'o' => (base, prefix) = (8, b'o'),
                    'b' => (base, prefix) = (2, b'b'),
                    _ => (base, prefix, digsep) = (8, b'0', 1),
                }
                if prefix != b'0' {
                    self.nextch();
                }
            }
            digsep |= self.digits(base, start, &mut invalid);
            if self.ch == '.' {
                if prefix == b'o' || prefix == b'b' {
                    self.error_here(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }

        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, start, &mut invalid);
        }

        if digsep & 1 == 0 && ok {
            self.error_here(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }

        let e = self.ch.to_ascii_lowercase();
        if e == 'e' || e == 'p' {
            if ok {
                let bad = if e == 'e' && prefix != 0 && prefix != b'0' {
                    "decimal"
                } else if e == 'p' && prefix != b'x' {
                    "hexadecimal"
                } else {
                    ""
                };
                if !bad.is_empty() {
                    self.error_here(format!("'{}' exponent requires {bad} mantissa", self.ch));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.ch == '+' || self.ch == '-' {
                self.nextch();
            }
            digsep = self.digits(10, start, &mut None) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.error_here("exponent has no digits");
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.error_here("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }

        if self.ch == 'i' {
            kind = LitKind::Imag;
            self.nextch();
        }

        if let (LitKind::Int, Some(i), true) = (kind, invalid, ok) {
            let d = self.src[start + i] as char;
            let msg = format!("invalid digit '{d}' in {} literal", base_name(base));
            self.error_at(start + i, msg);
            ok = false;
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(&self.src[start..self.off]) {
                self.error_at(start + i, "'_' must separate successive digits");
            }
        }
        self.lit(kind)
    }

    /// Skips `{ digit | '_' }` and returns which of them were seen (bit 0
    /// digits, bit 1 separators). For base <= 10 every decimal digit is
    /// taken, and the first one too large for `base` is noted in `invalid`.
    fn digits(&mut self, base: u32, start: usize, invalid: &mut Option<usize>) -> u8 {
        let mut digsep = 0;
        loop {
            match self.ch {
                '_' => digsep |= 2,
                '0'..='9' => {
                    if (self.ch as u32 - '0' as u32) >= base && invalid.is_none() {
                        *invalid = Some(self.off - start);
                    }
                    digsep |= 1;
                }
                'a'..='f' | 'A'..='F' if base == 16 => digsep |= 1,
                _ => return digsep,
            }
            self.nextch();
        }
    }

    fn rune(&mut self, start: usize) -> Token {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            match self.ch {
                '\'' => {
                    if ok && n == 0 {
                        self.error_here("empty rune literal or unescaped '");
                    } else if ok && n != 1 {
                        self.error_at(start, "more than one character in rune literal");
                    }
                    self.nextch();
                    break;
                }
                '\\' => {
                    self.nextch();
                    ok &= self.escape('\'');
                }
                '\n' => {
                    if ok {
                        self.error_here("newline in rune literal");
                    }
                    break;
                }
                EOF => {
                    if ok {
                        self.error_at(start, "rune literal not terminated");
                    }
                    break;
                }
                _ => self.nextch(),
            }
            n += 1;
        }
        self.lit(LitKind::Char)
    }

    fn std_string(&mut self, start: usize) -> Token {
        self.nextch();
        loop {
            match self.ch {
                '"' => {
                    self.nextch();
                    break;
                }
                '\\' => {
                    self.nextch();
                    self.escape('"');
                }
                '\n' => {
                    self.error_here("newline in string");
                    break;
                }
                EOF => {
                    self.error_at(start, "string not terminated");
                    break;
                }
                _ => self.skip_class_long(STR_PLAIN, b"\n\"\\"),
            }
        }
        self.lit(LitKind::String)
    }

    fn raw_string(&mut self, start: usize) -> Token {
        self.nextch();
        loop {
            match self.ch {
                '`' => {
                    self.nextch();
                    break;
                }
                EOF => {
                    self.error_at(start, "string not terminated");
                    break;
                }
                // Carriage returns stay in the token text; the checker
                // drops them from the value.
                _ => self.skip_class_long(RAW_PLAIN, b"`"),
            }
        }
        self.lit(LitKind::String)
    }

    /// After a `\` in a literal quoted by `quote`: checks one escape.
    /// Returns false if it reported an error. At the end of input it
    /// returns true and leaves the complaint to the caller.
    fn escape(&mut self, quote: char) -> bool {
        let (n, base, max) = match self.ch {
            'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | '\\' => {
                self.nextch();
                return true;
            }
            c if c == quote => {
                self.nextch();
                return true;
            }
            '0'..='7' => (3, 8, 255),
            'x' => (2, 16, 255),
            'u' => (4, 16, 0x10FFFF),
            'U' => (8, 16, 0x10FFFF),
            EOF => return true,
            _ => {
                self.error_here("unknown escape");
                return false;
            }
        };
        if base == 16 {
            self.nextch();
        }
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch == EOF {
                return true;
            }
            let d = self.ch.to_digit(16).unwrap_or(base);
            if d >= base {
                let msg = format!(
                    "invalid character {} in {} escape",
                    quote_rune(self.ch),
                    base_name(base)
                );
                self.error_here(msg);
                return false;
            }
            x = x.wrapping_mul(base) + d;
            self.nextch();
        }
        if x > max && base == 8 {
            self.error_here(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.error_here(format!(
                "escape is invalid Unicode code point {}",
                sharp_u(x)
            ));
            return false;
        }
        true
    }
}

fn semi_at(off: usize, kind: SemiKind) -> Tok {
    let pos = Pos(off as u32);
    Tok {
        kind: Token::Semi(kind),
        pos,
        end: pos,
    }
}

fn span(start: usize, end: usize) -> Span {
    Span::new(Pos(start as u32), Pos(end as u32))
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// Index of the first misplaced `_` in number literal `x`, or `None`:
/// each `_` must stand between two digits (a base prefix counts as one).
fn invalid_sep(x: &[u8]) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum Prev {
        Digit,
        Sep,
        Other,
    }
    let hex = x.len() >= 2 && x[0] == b'0' && x[1].eq_ignore_ascii_case(&b'x');
    let prefixed = x.len() >= 2 && x[0] == b'0' && matches!(x[1] | 0x20, b'x' | b'o' | b'b');
    let (mut i, mut d) = if prefixed {
        (2, Prev::Digit)
    } else {
        (0, Prev::Other)
    };
    while i < x.len() {
        let p = d;
        let c = x[i];
        d = if c == b'_' {
            if p != Prev::Digit {
                return Some(i);
            }
            Prev::Sep
        } else if c.is_ascii_digit() || hex && c.is_ascii_hexdigit() {
            Prev::Digit
        } else {
            if p == Prev::Sep {
                return Some(i - 1);
            }
            Prev::Other
        };
        i += 1;
    }
    if d == Prev::Sep {
        return Some(x.len() - 1);
    }
    None
}

/// Decodes one UTF-8 character at the start of `s` by Go's rules (no
/// surrogates, no overlong forms, nothing above U+10FFFF).
fn decode_utf8(s: &[u8]) -> Option<(char, usize)> {
    let b0 = *s.first()?;
    let (more, min, init) = match b0 {
        0xC2..=0xDF => (1, 0x80, b0 & 0x1F),
        0xE0..=0xEF => (2, 0x800, b0 & 0x0F),
        0xF0..=0xF4 => (3, 0x10000, b0 & 0x07),
        _ => return None,
    };
    let mut c = init as u32;
    for i in 1..=more {
        let b = *s.get(i)?;
        if b & 0xC0 != 0x80 {
            return None;
        }
        c = c << 6 | (b & 0x3F) as u32;
    }
    if c < min {
        return None;
    }
    char::from_u32(c).map(|c| (c, more + 1))
}

fn in_table(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Go's `unicode.IsLetter(c) || c == '_'`.
fn is_letter(c: u32) -> bool {
    if c < 0x80 {
        let b = c as u8;
        return b.is_ascii_alphabetic() || b == b'_';
    }
    in_table(unicode_tables::LETTER, c)
}

/// Go's `unicode.IsDigit`.
fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_table(unicode_tables::DIGIT, c)
}

/// Go's `strconv.IsPrint`.
fn is_print(c: u32) -> bool {
    if c < 0x80 {
        return (0x20..0x7F).contains(&c);
    }
    in_table(unicode_tables::PRINT, c)
}

/// Go's `fmt` verb `%#U`: `U+0040 '@'`, or `U+200B` if not printable.
fn sharp_u(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if is_print(c) => format!("U+{c:04X} '{ch}'"),
        _ => format!("U+{c:04X}"),
    }
}

/// Go's `fmt` verb `%q` on a rune (`strconv.QuoteRune`).
fn quote_rune(c: char) -> String {
    let body = match c {
        '\'' => "\\'".to_string(),
        '\\' => "\\\\".to_string(),
        _ if is_print(c as u32) => c.to_string(),
        '\x07' => "\\a".to_string(),
        '\x08' => "\\b".to_string(),
        '\x0C' => "\\f".to_string(),
        '\n' => "\\n".to_string(),
        '\r' => "\\r".to_string(),
        '\t' => "\\t".to_string(),
        '\x0B' => "\\v".to_string(),
        _ if (c as u32) < 0x20 || c == '\x7F' => format!("\\x{:02x}", c as u32),
        _ if (c as u32) < 0x10000 => format!("\\u{:04x}", c as u32),
        _ => format!("\\U{:08x}", c as u32),
    };
    format!("'{body}'")
}

// ---- byte classes for the fast loops ----

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Nonzero iff some byte of `w` is zero.
#[inline]
fn has_zero_byte(w: u64) -> u64 {
    w.wrapping_sub(LOW_BITS) & !w & HIGH_BITS
}

/// `[A-Za-z0-9_]`.
const IDENT: u8 = 1;
/// ' ', '\t', '\r'.
const SPACE: u8 = 2;
/// '\n'.
const NEWLINE: u8 = 4;
/// Inside a `//` comment: ASCII except NUL and '\n'.
const LINE_PLAIN: u8 = 8;
/// Inside a `/* */` comment: ASCII except NUL and '*'.
const BLOCK_PLAIN: u8 = 16;
/// Inside "...": ASCII except NUL, '\n', '"' and '\\'.
const STR_PLAIN: u8 = 32;
/// Inside `...`: ASCII except NUL and '`'.
const RAW_PLAIN: u8 = 64;

/// Bytes that start an operator or punctuation, except `/`.
const OP_START: u8 = 128;

/// Class bits of each byte; non-ASCII bytes and NUL have none, so every
/// fast loop stops at them and lets `nextch` decide.
static CLASS: [u8; 256] = build_class();

const fn build_class() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 1;
    while b < 0x80 {
        let c = b as u8;
        let mut bits = LINE_PLAIN | BLOCK_PLAIN | STR_PLAIN | RAW_PLAIN;
        if c.is_ascii_alphanumeric() || c == b'_' {
            bits |= IDENT;
        }
        match c {
            b' ' | b'\t' | b'\r' => bits |= SPACE,
            b'\n' => bits = (bits | NEWLINE) & !(LINE_PLAIN | STR_PLAIN),
            b'*' => bits &= !BLOCK_PLAIN,
            b'"' | b'\\' => bits &= !STR_PLAIN,
            b'`' => bits &= !RAW_PLAIN,
            _ => {}
        }
        if is_op_start(c) {
            bits |= OP_START;
        }
        t[b] = bits;
        b += 1;
    }
    t
}

const fn is_op_start(c: u8) -> bool {
    let ops = b"()[]{},;:.+-*%^&|<>=!~";
    let mut i = 0;
    while i < ops.len() {
        if ops[i] == c {
            return true;
        }
        i += 1;
    }
    false
}
