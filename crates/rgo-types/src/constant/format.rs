//! Constants as gc prints them: go/constant's `String` (short, for error
//! messages: floats to 6 significant digits, strings quoted and cut at 72
//! runes) and `ExactString`, plus strconv.Quote and the `%g` layout of
//! strconv they rely on.

use super::bigfloat::{self, BigFloat};
use super::isprint::PRINT_RANGES;
use super::{rat_to_bigfloat, Repr, Value};
use std::fmt;

/// `String()` of go/constant: the short form used in messages.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Unknown => f.write_str("unknown"),
            Repr::Bool(b) => write!(f, "{b}"),
            Repr::String(s) => f.write_str(&short_quote(s)),
            Repr::Int64(v) => write!(f, "{v}"),
            Repr::BigInt(v) => write!(f, "{v}"),
            Repr::Rat(r) => match rat_to_bigfloat(r) {
                Some(x) => f.write_str(&float_string(&x)),
                None => f.write_str("unknown"),
            },
            Repr::Float(x) => f.write_str(&float_string(x)),
            Repr::Complex(c) => write!(f, "({} + {}i)", c.0, c.1),
        }
    }
}

impl Value {
    /// `ExactString()` of go/constant: strings in full, fractions as
    /// `num/den`, approximate floats in hexadecimal mantissa form (`0x.8p+3`).
    pub fn exact_string(&self) -> String {
        match &self.0 {
            Repr::String(s) => quote(s),
            Repr::Rat(r) if r.is_integer() => r.numer().to_string(),
            Repr::Rat(r) => format!("{}/{}", r.numer(), r.denom()),
            Repr::Float(x) => x.text_p(),
            Repr::Complex(c) => format!("({} + {}i)", c.0.exact_string(), c.1.exact_string()),
            _ => self.to_string(),
        }
    }
}

/// A quoted string cut to 72 runes, the last three being `...`.
fn short_quote(s: &[u8]) -> String {
    const MAX_LEN: usize = 72;
    let q = quote(s);
    if q.chars().count() <= MAX_LEN {
        return q;
    }
    let mut out: String = q.chars().take(MAX_LEN - 3).collect();
    out.push_str("...");
    out
}

/// A float's short form: 6 significant digits via `float64` when the value
/// is within its range, else a mantissa and decimal exponent computed from
/// the binary exponent (`1e+1000000`, `2.5e-400`).
fn float_string(x: &BigFloat) -> String {
    let (v, _) = x.to_f64();
    if (x.sign() == 0) == (v == 0.0) && v.is_finite() {
        let s = format_g(v, Some(6));
        if !x.is_int() && !s.contains('.') {
            return format_g(v, None);
        }
        return s;
    }
    huge_float_string(x)
}

/// `%.6ge%+d` of a value outside the `float64` range.
fn huge_float_string(x: &BigFloat) -> String {
    let (m, _) = x.parts();
    let bits = m.bits() as i64;
    // The mantissa scaled into [0.5, 1).
    let (mut mant, _) = bigfloat::to_ieee(x.is_neg(), m, -bits, false, &bigfloat::F64);
    let d = x.top() as f64 * std::f64::consts::LOG10_2;
    let mut exp = d as i64;
    mant *= 10f64.powf(d - exp as f64);
    let am = mant.abs();
    if am < 1.0 - 0.5e-6 {
        mant *= 10.0;
        exp -= 1;
    } else if am >= 10.0 {
        mant /= 10.0;
        exp += 1;
    }
    format!("{}e{exp:+}", format_g(mant, Some(6)))
}

/// Go's `%g` (`prec` None: shortest round-trip digits) or `%.Ng` of an `f64`.
pub(crate) fn format_g(x: f64, prec: Option<usize>) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+Inf" } else { "-Inf" }.to_string();
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    let (digits, dp) = if a == 0.0 {
        (Vec::new(), 0)
    } else {
        decimal_digits(a, prec)
    };
    let shortest = prec.is_none();
    let prec = match prec {
        Some(p) => p.max(1) as i64,
        None => digits.len() as i64,
    };
    layout_g(neg, &digits, dp, prec, shortest)
}

/// Significant decimal digits of a positive finite `a` (without trailing
/// zeros) and the decimal point position: `a = 0.d1d2... × 10^dp`.
fn decimal_digits(a: f64, prec: Option<usize>) -> (Vec<u8>, i64) {
    let s = match prec {
        None => format!("{a:e}"),
        Some(p) => format!("{a:.*e}", p.max(1) - 1),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, exp + 1)
}

/// strconv's `%g` layout: `%e` if the exponent is < -4 or ≥ the precision
/// (6 when shortest), else `%f`; trailing zeros dropped.
fn layout_g(neg: bool, digits: &[u8], dp: i64, prec: i64, shortest: bool) -> String {
    let nd = digits.len() as i64;
    let mut eprec = prec;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    if shortest {
        eprec = 6;
    }
    let exp = dp - 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let digit = |i: i64| -> char {
        if i >= 0 && i < nd {
            char::from(digits[i as usize])
        } else {
            '0'
        }
    };
    if nd != 0 && (exp < -4 || exp >= eprec) {
        let frac = prec.min(nd) - 1;
        out.push(digit(0));
        if frac > 0 {
            out.push('.');
            (1..=frac).for_each(|i| out.push(digit(i)));
        }
        let sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("e{sign}{:02}", exp.abs()));
        return out;
    }
    let p = if prec > dp { nd } else { prec };
    let frac = (p - dp).max(0);
    if dp > 0 {
        (0..dp).for_each(|i| out.push(digit(i)));
    } else {
        out.push('0');
    }
    if frac > 0 {
        out.push('.');
        (0..frac).for_each(|i| out.push(digit(dp + i)));
    }
    out
}

/// strconv.Quote: a double-quoted Go string literal for the bytes `s`, with
/// non-printable runes and invalid UTF-8 escaped.
pub fn quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for chunk in s.utf8_chunks() {
        for c in chunk.valid().chars() {
            escape_rune(&mut out, c);
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.push('"');
    out
}

fn escape_rune(out: &mut String, c: char) {
    if c == '"' || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if is_print(c) {
        out.push(c);
        return;
    }
    let simple = match c {
        '\u{7}' => "\\a",
        '\u{8}' => "\\b",
        '\u{c}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u{b}' => "\\v",
        _ => "",
    };
    if !simple.is_empty() {
        out.push_str(simple);
        return;
    }
    let r = c as u32;
    let esc = if r < 0x20 || r == 0x7f {
        format!("\\x{r:02x}")
    } else if r < 0x10000 {
        format!("\\u{r:04x}")
    } else {
        format!("\\U{r:08x}")
    };
    out.push_str(&esc);
}

/// strconv.IsPrint.
pub(crate) fn is_print(c: char) -> bool {
    let r = c as u32;
    PRINT_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}
