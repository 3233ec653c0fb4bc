//! Literal text to values: Go's number syntax (prefixes, `_` separators,
//! decimal and hexadecimal exponents) and the quoting rules of rune and
//! string literals (strconv.Unquote, strconv.UnquoteChar).
//!
//! The text is what the scanner left in the tree, quotes included. These
//! functions re-check the syntax and report malformed text as an error;
//! they never panic.

use num_bigint::BigUint;
use num_traits::Num;

/// A number literal's digits as an exact magnitude: `mant · base^exp`, where
/// `base` is 10 (decimal exponent `e`) or 2 (hexadecimal mantissa, exponent `p`).
pub(crate) struct Number {
    pub mant: BigUint,
    pub exp: i64,
    pub binary: bool,
}

/// Exponents beyond this are saturated: any value that far out is
/// malformed anyway (big.Float's exponent is an `int32`).
const EXP_LIMIT: i64 = 1 << 40;

/// Parses an integer literal: `0x_1F`, `0o17`, `017`, `0b101`, `1_000`.
pub(crate) fn parse_int(text: &str) -> Result<BigUint, String> {
    let (radix, digits) = split_prefix(text, true);
    let digits = strip_underscores(digits, text)?;
    if digits.is_empty() {
        return if radix == 8 && text == "0" {
            Ok(BigUint::default())
        } else {
            Err(malformed(text))
        };
    }
    BigUint::from_str_radix(&digits, radix).map_err(|_| malformed(text))
}

/// Parses a floating-point literal (`1e3`, `.5`, `0x1p-2`, `1_0.2_5`), or the
/// body of an imaginary literal, in which a leading `0` does not mean octal.
pub(crate) fn parse_float(text: &str) -> Result<Number, String> {
    let (radix, body) = split_prefix(text, false);
    let binary = radix == 16;
    if radix == 2 || radix == 8 {
        // Only possible in an imaginary literal such as `0b101i`.
        return parse_int(text).map(|mant| Number {
            mant,
            exp: 0,
            binary: false,
        });
    }
    let exp_chars: &[char] = if binary { &['p', 'P'] } else { &['e', 'E'] };
    let (mantissa, exponent) = match body.find(exp_chars) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if binary && exponent.is_none() && mantissa.contains('.') {
        return Err(malformed(text));
    }
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    let int_digits = strip_underscores(int_part, text)?;
    let frac_digits = strip_underscores(frac_part, text)?;
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(malformed(text));
    }
    let all = format!("{int_digits}{frac_digits}");
    let mant = BigUint::from_str_radix(&all, radix).map_err(|_| malformed(text))?;
    let mut exp = match exponent {
        Some(e) => parse_exponent(e).ok_or_else(|| malformed(text))?,
        None => 0,
    };
    let frac_len = frac_digits.len() as i64;
    exp -= if binary { 4 * frac_len } else { frac_len };
    Ok(Number { mant, exp, binary })
}

/// `+12`, `-3`, `4_0`: saturated at [`EXP_LIMIT`].
fn parse_exponent(e: &str) -> Option<i64> {
    let (neg, digits) = match e.as_bytes().first()? {
        b'+' => (false, &e[1..]),
        b'-' => (true, &e[1..]),
        _ => (false, e),
    };
    let digits = strip_underscores(digits, e).ok()?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut v: i64 = 0;
    for b in digits.bytes() {
        v = (v * 10 + i64::from(b - b'0')).min(EXP_LIMIT);
    }
    Some(if neg { -v } else { v })
}

/// The radix and the rest of the text. With `octal_zero`, a lone leading `0`
/// means octal (integer literals); without it, it is a decimal digit.
fn split_prefix(text: &str, octal_zero: bool) -> (u32, &str) {
    let b = text.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        match b[1] {
            b'x' | b'X' => return (16, &text[2..]),
            b'o' | b'O' => return (8, &text[2..]),
            b'b' | b'B' => return (2, &text[2..]),
            _ if octal_zero => return (8, &text[1..]),
            _ => {}
        }
    }
    if octal_zero && text == "0" {
        return (8, "");
    }
    (10, text)
}

/// Removes `_` separators, rejecting characters other than digits and `_`
/// (a final radix check happens when the digits are converted).
fn strip_underscores(digits: &str, text: &str) -> Result<String, String> {
    if digits.bytes().all(|b| b.is_ascii_hexdigit() || b == b'_') {
        Ok(digits.replace('_', ""))
    } else {
        Err(malformed(text))
    }
}

fn malformed(text: &str) -> String {
    format!("malformed constant: {text}")
}

/// Why a quoted literal could not be unquoted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnquoteError {
    /// Not a quoted literal, bad escape, or more than one rune in `'...'`.
    Syntax,
    /// `\u`/`\U` escape (or octal/hex in a rune literal) naming a surrogate
    /// or a value above U+10FFFF.
    InvalidCodePoint,
}

/// The bytes of a Go string literal, `"..."` with escapes or `` `...` `` raw
/// (carriage returns removed), as strconv.Unquote. `\xff` escapes may make
/// the result invalid UTF-8, so it is bytes.
pub fn unquote(text: &str) -> Result<Vec<u8>, UnquoteError> {
    let b = text.as_bytes();
    if b.len() < 2 || b[0] != b[b.len() - 1] {
        return Err(UnquoteError::Syntax);
    }
    let body = &text[1..text.len() - 1];
    match b[0] {
        b'`' => unquote_raw(body),
        b'"' => unquote_interpreted(body),
        b'\'' => unquote_rune_literal(text).map(|r| {
            let mut out = Vec::new();
            push_rune(&mut out, r);
            out
        }),
        _ => Err(UnquoteError::Syntax),
    }
}

fn unquote_raw(body: &str) -> Result<Vec<u8>, UnquoteError> {
    if body.contains('`') {
        return Err(UnquoteError::Syntax);
    }
    Ok(body.bytes().filter(|&c| c != b'\r').collect())
}

fn unquote_interpreted(body: &str) -> Result<Vec<u8>, UnquoteError> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        let (piece, tail) = unquote_char(rest, b'"')?;
        match piece {
            Piece::Rune(r) => push_rune(&mut out, r),
            Piece::Byte(b) => out.push(b),
        }
        rest = tail;
    }
    Ok(out)
}

/// The value of a rune literal such as `'a'`, `'\377'`, `'\u00e9'`.
pub fn unquote_rune_literal(text: &str) -> Result<u32, UnquoteError> {
    let b = text.as_bytes();
    if b.len() < 3 || b[0] != b'\'' || b[b.len() - 1] != b'\'' {
        return Err(UnquoteError::Syntax);
    }
    let body = &text[1..text.len() - 1];
    let (piece, tail) = unquote_char(body, b'\'')?;
    if !tail.is_empty() {
        return Err(UnquoteError::Syntax);
    }
    Ok(match piece {
        Piece::Rune(r) => r,
        Piece::Byte(b) => u32::from(b),
    })
}

/// One decoded element of a quoted literal: a rune (UTF-8 encoded in a
/// string) or a single byte from a `\x` or octal escape.
enum Piece {
    Rune(u32),
    Byte(u8),
}

/// Decodes the first character or escape of `s` inside a literal quoted by
/// `quote`, as strconv.UnquoteChar; returns it and the remaining text.
fn unquote_char(s: &str, quote: u8) -> Result<(Piece, &str), UnquoteError> {
    let mut chars = s.chars();
    let c = chars.next().ok_or(UnquoteError::Syntax)?;
    if c as u32 == u32::from(quote) && (quote == b'\'' || quote == b'"') {
        return Err(UnquoteError::Syntax);
    }
    if c != '\\' {
        return Ok((Piece::Rune(c as u32), chars.as_str()));
    }
    let rest = chars.as_str();
    let esc = *rest.as_bytes().first().ok_or(UnquoteError::Syntax)?;
    if !esc.is_ascii() {
        return Err(UnquoteError::Syntax);
    }
    let after = &rest[1..];
    let simple = match esc {
        b'a' => Some(7u8),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        b'\\' => Some(b'\\'),
        b'\'' | b'"' if esc == quote => Some(esc),
        _ => None,
    };
    if let Some(v) = simple {
        return Ok((Piece::Rune(u32::from(v)), after));
    }
    match esc {
        b'x' => hex_escape(after, 2).map(|(v, t)| (byte_or_rune(v, quote), t)),
        b'u' => {
            hex_escape(after, 4).and_then(|(v, t)| checked_rune(v).map(|r| (Piece::Rune(r), t)))
        }
        b'U' => {
            hex_escape(after, 8).and_then(|(v, t)| checked_rune(v).map(|r| (Piece::Rune(r), t)))
        }
        b'0'..=b'7' => octal_escape(rest).map(|(v, t)| (byte_or_rune(v, quote), t)),
        _ => Err(UnquoteError::Syntax),
    }
}

/// In a string, `\x` and octal escapes give bytes; in a rune literal, runes.
fn byte_or_rune(v: u32, quote: u8) -> Piece {
    match u8::try_from(v) {
        Ok(b) if quote == b'"' => Piece::Byte(b),
        _ => Piece::Rune(v),
    }
}

fn hex_escape(s: &str, n: usize) -> Result<(u32, &str), UnquoteError> {
    let digits = s.get(..n).ok_or(UnquoteError::Syntax)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(UnquoteError::Syntax);
    }
    let v = u32::from_str_radix(digits, 16).map_err(|_| UnquoteError::Syntax)?;
    Ok((v, &s[n..]))
}

fn octal_escape(s: &str) -> Result<(u32, &str), UnquoteError> {
    let digits = s.get(..3).ok_or(UnquoteError::Syntax)?;
    if !digits.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return Err(UnquoteError::Syntax);
    }
    let v = u32::from_str_radix(digits, 8).map_err(|_| UnquoteError::Syntax)?;
    if v > 255 {
        return Err(UnquoteError::InvalidCodePoint);
    }
    Ok((v, &s[3..]))
}

fn checked_rune(v: u32) -> Result<u32, UnquoteError> {
    if char::from_u32(v).is_some() {
        Ok(v)
    } else {
        Err(UnquoteError::InvalidCodePoint)
    }
}

/// Appends the UTF-8 encoding of `r` (a valid scalar value by construction).
fn push_rune(out: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or(char::REPLACEMENT_CHARACTER);
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}
