//! Float formatting and parsing with Go's exact `strconv` semantics.
//!
//! `format_float` is `strconv.FormatFloat`; `parse_float_prefix` is the
//! core of `strconv.ParseFloat` (longest valid prefix, as the Go side's
//! `atofCore` native wants) and `parse_float` the whole-string form.
//!
//! Digits: shortest mode takes Rust's shortest round-trip digits (`{:e}`,
//! shortest and closest, boundaries included for even mantissas — the same
//! contract as Go's Ryū); fixed precisions use an exact big decimal
//! expansion of the binary value rounded half to even, which is what Go's
//! exact paths compute. Decimal parsing hands the cleaned digit string to
//! Rust's correctly rounded parser (direct to `f32` for bit size 32, so no
//! double rounding); hexadecimal mantissas are rounded here.

/// Why a parse failed, as Go's `strconv.ErrSyntax` / `strconv.ErrRange`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Not a float literal (Go: `ErrSyntax`).
    Syntax,
    /// Valid but overflows the bit size; the value is ±Inf (Go: `ErrRange`).
    Range,
}

/// `strconv.FormatFloat(f, fmt, prec, bit_size)`. A `bit_size` other than
/// 32 is treated as 64 (Go panics on it; the Go side checks first).
/// (An unknown `fmt` byte of 0x80 or more, which Go appends raw, comes
/// out as U+FFFD here; `append_float` keeps the byte.)
pub fn format_float(f: f64, fmt: u8, prec: i32, bit_size: u32) -> String {
    let mut out = Vec::new();
    append_float(&mut out, f, fmt, prec, bit_size);
    String::from_utf8_lossy(&out).into_owned()
}

/// The `strconv.atofCore` native: (value, bytes consumed, status) with
/// status 0 ok, 1 syntax error (n = 0), 2 out of range (value ±Inf).
pub fn atof_core(s: &[u8], bit_size: u32) -> (f64, usize, u8) {
    match parse_float_prefix_bytes(s, bit_size) {
        (f, n, None) => (f, n, 0),
        (_, _, Some(ParseErrorKind::Syntax)) => (0.0, 0, 1),
        (f, n, Some(ParseErrorKind::Range)) => (f, n, 2),
    }
}

/// The `strconv.appendFloatCore` native: appends the bytes of
/// `format_float(f, fmt, prec, bit_size)` to `out` (an unknown `fmt`
/// appends `%` and that byte, as Go does).
pub fn append_float(out: &mut Vec<u8>, f: f64, fmt: u8, prec: i32, bit_size: u32) {
    let (bits, exp_bits, mant_bits, bias) = if bit_size == 32 {
        (u64::from((f as f32).to_bits()), 8u32, 23u32, -127i32)
    } else {
        (f.to_bits(), 11, 52, -1023)
    };
    let neg = bits >> (exp_bits + mant_bits) != 0;
    let mut exp = ((bits >> mant_bits) & ((1 << exp_bits) - 1)) as i32;
    let mut mant = bits & ((1u64 << mant_bits) - 1);
    if exp == (1 << exp_bits) - 1 {
        out.extend_from_slice(match (mant != 0, neg) {
            (true, _) => b"NaN",
            (false, true) => b"-Inf",
            (false, false) => b"+Inf",
        });
        return;
    }
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1 << mant_bits;
    }
    exp += bias;
    match fmt {
        b'b' => return fmt_b(out, neg, mant, exp - mant_bits as i32),
        b'x' | b'X' => return fmt_x(out, prec, fmt, neg, mant, exp, mant_bits),
        _ => {}
    }
    if mant == 0 {
        return fmt_efg(out, neg, &Digits::zero(), prec, fmt, prec < 0);
    }
    if prec < 0 {
        let d = shortest_digits(f, bit_size == 32, mant, exp - mant_bits as i32);
        let p = match fmt {
            b'e' | b'E' => (d.nd() - 1).max(0),
            b'f' => (d.nd() - d.dp).max(0),
            _ => d.nd(),
        };
        return fmt_efg(out, neg, &d, p, fmt, true);
    }
    let mut d = exact_digits(mant, exp - mant_bits as i32);
    let mut prec = prec;
    match fmt {
        b'e' | b'E' => d.round(i64::from(prec) + 1),
        b'f' => d.round(d.dp as i64 + i64::from(prec)),
        b'g' | b'G' => {
            if prec == 0 {
                prec = 1;
            }
            d.round(i64::from(prec));
        }
        _ => {}
    }
    fmt_efg(out, neg, &d, prec, fmt, false)
}

/// Decimal digits `0.d1d2d3… × 10^dp`, without trailing zeros.
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

impl Digits {
    fn zero() -> Self {
        Digits {
            d: Vec::new(),
            dp: 0,
        }
    }

    fn nd(&self) -> i32 {
        self.d.len() as i32
    }

    fn trim(&mut self) {
        while self.d.last() == Some(&b'0') {
            self.d.pop();
        }
        if self.d.is_empty() {
            self.dp = 0;
        }
    }

    /// Rounds to `nd` digits, half to even (the digits are exact).
    fn round(&mut self, nd: i64) {
        if nd < 0 || nd >= self.d.len() as i64 {
            return;
        }
        let nd = nd as usize;
        let up = match self.d[nd] {
            b'5' if nd + 1 == self.d.len() => nd > 0 && (self.d[nd - 1] - b'0') % 2 == 1,
            c => c >= b'5',
        };
        self.d.truncate(nd);
        if up {
            self.round_up();
        }
        self.trim();
    }

    fn round_up(&mut self) {
        while let Some(last) = self.d.last_mut() {
            if *last < b'9' {
                *last += 1;
                return;
            }
            self.d.pop();
        }
        self.d.push(b'1');
        self.dp += 1;
    }
}

/// Shortest round-trip digits of `f` (as `f32` when `single`), whose
/// exact value is `mant × 2^e2`. Rust's shortest digits break a tie
/// between two equally near candidates upwards, Go's to even: the exact
/// value rounded half to even to the same length is taken when it still
/// round-trips.
fn shortest_digits(f: f64, single: bool, mant: u64, e2: i32) -> Digits {
    let rust = rust_shortest(f, single);
    if !tie_possible(mant, e2) {
        return rust;
    }
    let mut exact = exact_digits(mant, e2);
    exact.round(i64::from(rust.nd()));
    if exact.d == rust.d && exact.dp == rust.dp {
        return rust;
    }
    let text = format!("0.{}e{}", String::from_utf8_lossy(&exact.d), exact.dp);
    let round_trips = if single {
        text.parse::<f32>().is_ok_and(|v| v == (f as f32).abs())
    } else {
        text.parse::<f64>().is_ok_and(|v| v == f.abs())
    };
    if round_trips && exact.nd() <= rust.nd() {
        exact
    } else {
        rust
    }
}

/// Whether `mant × 2^e2` could sit exactly halfway between two candidates
/// of at most 17 digits, i.e. have at most 18 significant decimal digits.
/// With the odd part m·2^e: for e < 0 the digits of m·5^(-e) number at
/// least 0.69·(-e); for e >= 0 at most log5(m) < 23 trailing zeros can be
/// dropped, so values of 41 or more digits cannot qualify.
fn tie_possible(mant: u64, e2: i32) -> bool {
    if mant == 0 {
        return false;
    }
    let tz = mant.trailing_zeros() as i32;
    let e = e2 + tz;
    if e < 0 {
        return e >= -27;
    }
    let bits = 64 - (mant >> tz).leading_zeros() as i32 + e;
    bits < 133 // below 2^133 < 1e41
}

/// Rust's shortest round-trip digits of `f`.
fn rust_shortest(f: f64, single: bool) -> Digits {
    let s = if single {
        format!("{:e}", (f as f32).abs())
    } else {
        format!("{:e}", f.abs())
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut d = Digits {
        d: mant.bytes().filter(u8::is_ascii_digit).collect(),
        dp: exp + 1,
    };
    d.trim();
    d
}

/// Exact decimal expansion of `mant × 2^e2`, via a base-1e9 big integer.
fn exact_digits(mant: u64, e2: i32) -> Digits {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![mant % BASE, (mant / BASE) % BASE, mant / BASE / BASE];
    let mul = |limbs: &mut Vec<u64>, m: u64| {
        let mut carry = 0u64;
        for l in limbs.iter_mut() {
            let v = *l * m + carry;
            *l = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    };
    let (mut k, factor, chunk, chunk_mul) = if e2 >= 0 {
        (e2, 2u64, 29, 1u64 << 29)
    } else {
        (-e2, 5u64, 12, 244_140_625u64)
    };
    while k >= chunk {
        mul(&mut limbs, chunk_mul);
        k -= chunk;
    }
    mul(&mut limbs, factor.pow(k as u32));
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut s = String::new();
    for (i, l) in limbs.iter().rev().enumerate() {
        if i == 0 {
            s.push_str(&l.to_string());
        } else {
            s.push_str(&format!("{l:09}"));
        }
    }
    let digits: Vec<u8> = s.into_bytes();
    let int_len = digits.len() as i32;
    let mut d = Digits {
        d: digits,
        dp: if e2 >= 0 { int_len } else { int_len + e2 },
    };
    d.trim();
    d
}

fn fmt_b(out: &mut Vec<u8>, neg: bool, mant: u64, exp: i32) {
    if neg {
        out.push(b'-');
    }
    out.extend_from_slice(format!("{mant}p{}{exp}", if exp >= 0 { "+" } else { "" }).as_bytes());
}

fn fmt_x(out: &mut Vec<u8>, prec: i32, fmt: u8, neg: bool, mant: u64, exp: i32, mant_bits: u32) {
    let mut exp = if mant == 0 { 0 } else { exp };
    let mut mant = mant << (60 - mant_bits);
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    if neg {
        out.push(b'-');
    }
    out.push(b'0');
    out.push(fmt);
    out.push(b'0' + ((mant >> 60) & 1) as u8);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push(b'.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push(b'.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { b'P' } else { b'p' });
    out.push(if exp < 0 { b'-' } else { b'+' });
    out.extend_from_slice(format!("{:02}", exp.unsigned_abs()).as_bytes());
}

fn fmt_efg(out: &mut Vec<u8>, neg: bool, d: &Digits, prec: i32, fmt: u8, shortest: bool) {
    let (nd, dp) = (i64::from(d.nd()), i64::from(d.dp));
    let mut prec = i64::from(prec);
    let mut fmt = fmt;
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= dp {
            eprec = nd;
        }
        if shortest {
            eprec = 6;
        }
        let exp = dp - 1;
        if exp < -4 || exp >= eprec {
            prec = prec.min(nd) - 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp {
                prec = nd;
            }
            prec = (prec - dp).max(0);
            fmt = b'f';
        }
    }
    match fmt {
        b'e' | b'E' => fmt_e(out, neg, d, prec, fmt),
        b'f' => fmt_f(out, neg, d, prec),
        _ => {
            out.push(b'%');
            out.push(fmt);
        }
    }
}

fn fmt_e(out: &mut Vec<u8>, neg: bool, d: &Digits, prec: i64, fmt: u8) {
    if neg {
        out.push(b'-');
    }
    out.push(d.d.first().copied().unwrap_or(b'0'));
    if prec > 0 {
        out.push(b'.');
        for i in 1..=prec as usize {
            out.push(d.d.get(i).copied().unwrap_or(b'0'));
        }
    }
    out.push(fmt);
    let exp = if d.d.is_empty() { 0 } else { d.dp - 1 };
    out.push(if exp < 0 { b'-' } else { b'+' });
    out.extend_from_slice(format!("{:02}", exp.unsigned_abs()).as_bytes());
}

fn fmt_f(out: &mut Vec<u8>, neg: bool, d: &Digits, prec: i64) {
    if neg {
        out.push(b'-');
    }
    let digit = |i: i64| -> u8 {
        if i >= 0 && i < i64::from(d.nd()) {
            d.d[i as usize]
        } else {
            b'0'
        }
    };
    if d.dp > 0 {
        for i in 0..i64::from(d.dp) {
            out.push(digit(i));
        }
    } else {
        out.push(b'0');
    }
    if prec > 0 {
        out.push(b'.');
        for i in 0..prec {
            out.push(digit(i64::from(d.dp) + i));
        }
    }
}

/// `strconv.ParseFloat(s, bit_size)`: the whole of `s` must be a float.
pub fn parse_float(s: &str, bit_size: u32) -> Result<f64, ParseErrorKind> {
    let (f, n, err) = parse_float_prefix(s, bit_size);
    if n != s.len() && err != Some(ParseErrorKind::Syntax) {
        return Err(ParseErrorKind::Syntax);
    }
    match err {
        Some(e) => Err(e),
        None => Ok(f),
    }
}

/// Parses the longest prefix of `s` that is a float literal: the value
/// (±Inf on range errors), the bytes consumed and the error, as Go's
/// `parseFloatPrefix`. On a syntax error the value is 0.
pub fn parse_float_prefix(s: &str, bit_size: u32) -> (f64, usize, Option<ParseErrorKind>) {
    parse_float_prefix_bytes(s.as_bytes(), bit_size)
}

/// `parse_float_prefix` on the bytes of a Go string (which need not be
/// UTF-8).
pub fn parse_float_prefix_bytes(b: &[u8], bit_size: u32) -> (f64, usize, Option<ParseErrorKind>) {
    if let Some((f, n)) = special(b) {
        return (f, n, None);
    }
    let Some(lit) = read_float(b) else {
        return (0.0, 0, Some(ParseErrorKind::Syntax));
    };
    let single = bit_size == 32;
    let f = if lit.hex {
        hex_value(&lit, single)
    } else {
        decimal_value(&lit, single)
    };
    let err = f.is_infinite().then_some(ParseErrorKind::Range);
    (f, lit.len, err)
}

/// "inf", "infinity" (with sign) or "nan", any case: value and length.
fn special(s: &[u8]) -> Option<(f64, usize)> {
    let prefix_len = |s: &[u8], word: &[u8]| {
        s.iter()
            .zip(word)
            .take_while(|(a, b)| a.to_ascii_lowercase() == **b)
            .count()
    };
    let (sign, nsign, rest) = match s.first()? {
        b'+' => (1.0, 1, &s[1..]),
        b'-' => (-1.0, 1, &s[1..]),
        b'n' | b'N' => {
            return (prefix_len(s, b"nan") == 3).then_some((f64::NAN, 3));
        }
        _ => (1.0, 0, s),
    };
    let n = prefix_len(rest, b"infinity");
    let n = if n > 3 && n < 8 { 3 } else { n };
    (n == 3 || n == 8).then_some((sign * f64::INFINITY, nsign + n))
}

/// A syntactically valid literal: sign, significant digits, exponent.
struct Literal {
    neg: bool,
    hex: bool,
    /// Significant digit values (leading zeros dropped).
    digits: Vec<u8>,
    /// Value = 0.digits × base^dp, base 10; for hex, × 2^dp with dp in bits.
    dp: i64,
    len: usize,
}

fn read_float(s: &[u8]) -> Option<Literal> {
    let mut i = 0;
    let mut neg = false;
    match s.first()? {
        b'+' => i += 1,
        b'-' => {
            i += 1;
            neg = true;
        }
        _ => {}
    }
    let hex = i + 2 < s.len() && s[i] == b'0' && s[i + 1].eq_ignore_ascii_case(&b'x');
    if hex {
        i += 2;
    }
    let (mut underscores, mut sawdot, mut sawdigits) = (false, false, false);
    let mut digits = Vec::new();
    let mut dp: i64 = 0;
    while i < s.len() {
        let c = s[i];
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' | b'A'..=b'F' if hex => c.to_ascii_lowercase() - b'a' + 10,
            b'_' => {
                underscores = true;
                i += 1;
                continue;
            }
            b'.' if !sawdot => {
                sawdot = true;
                dp = digits.len() as i64;
                i += 1;
                continue;
            }
            _ => break,
        };
        sawdigits = true;
        if v == 0 && digits.is_empty() {
            dp -= 1;
        } else {
            digits.push(v);
        }
        i += 1;
    }
    if !sawdigits {
        return None;
    }
    if !sawdot {
        dp = digits.len() as i64;
    }
    if hex {
        dp *= 4;
    }
    let exp_char = if hex { b'p' } else { b'e' };
    if i < s.len() && s[i].to_ascii_lowercase() == exp_char {
        i += 1;
        let mut esign = 1;
        match s.get(i)? {
            b'+' => i += 1,
            b'-' => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        if !s.get(i)?.is_ascii_digit() {
            return None;
        }
        let mut e: i64 = 0;
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            } else if e < 10000 {
                e = e * 10 + i64::from(s[i] - b'0');
            }
            i += 1;
        }
        dp += e * esign;
    } else if hex {
        return None;
    }
    if underscores && !underscore_ok(&s[..i]) {
        return None;
    }
    Some(Literal {
        neg,
        hex,
        digits,
        dp,
        len: i,
    })
}

/// Go's rule: underscores only between digits (or after a base prefix).
fn underscore_ok(s: &[u8]) -> bool {
    let mut s = s;
    if let Some(b'+' | b'-') = s.first() {
        s = &s[1..];
    }
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(s[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = s[1].eq_ignore_ascii_case(&b'x');
    }
    for &c in &s[i..] {
        if c.is_ascii_digit() || hex && c.is_ascii_hexdigit() {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else if saw == b'_' {
            return false;
        } else {
            saw = b'!';
        }
    }
    saw != b'_'
}

fn decimal_value(lit: &Literal, single: bool) -> f64 {
    let sign = if lit.neg { -1.0 } else { 1.0 };
    if lit.digits.iter().all(|&d| d == 0) {
        return sign * 0.0;
    }
    // Beyond these bounds the result is certainly ±Inf or ±0.
    if lit.dp > 400 {
        return sign * f64::INFINITY;
    }
    if lit.dp < -400 {
        return sign * 0.0;
    }
    let mut text = String::with_capacity(lit.digits.len() + 8);
    text.push_str("0.");
    text.extend(lit.digits.iter().map(|&d| (b'0' + d) as char));
    text.push_str(&format!("e{}", lit.dp));
    let v = if single {
        text.parse::<f32>().map(f64::from)
    } else {
        text.parse::<f64>()
    };
    sign * v.unwrap_or(0.0)
}

/// Correctly rounded value of a hexadecimal literal.
fn hex_value(lit: &Literal, single: bool) -> f64 {
    // Keep 16 hex digits (64 bits) and a sticky bit for the rest.
    let mut mant: u64 = 0;
    let mut kept = 0i64;
    let mut sticky = false;
    for &d in &lit.digits {
        if kept < 16 {
            mant = mant << 4 | u64::from(d);
            kept += 1;
        } else if d != 0 {
            sticky = true;
        }
    }
    let e2 = lit.dp - kept * 4;
    let (mant_bits, min_exp, max_exp) = if single {
        (23, -126, 127)
    } else {
        (52, -1022, 1023)
    };
    let (bits, _) = round_binary(mant, sticky, e2, mant_bits, min_exp, max_exp);
    let v = if single {
        f64::from(f32::from_bits(bits as u32))
    } else {
        f64::from_bits(bits)
    };
    if lit.neg {
        -v
    } else {
        v
    }
}

/// Rounds `mant × 2^e2` (plus a sticky remainder) half to even to an IEEE
/// format with `mant_bits` fraction bits: (bits without sign, overflowed).
fn round_binary(
    mant: u64,
    sticky: bool,
    e2: i64,
    mant_bits: u32,
    min_exp: i64,
    max_exp: i64,
) -> (u64, bool) {
    if mant == 0 {
        return (0, false);
    }
    let inf = ((max_exp + max_exp + 1) as u64) << mant_bits;
    let lz = i64::from(mant.leading_zeros());
    let m = mant << lz; // top bit at 63
                        // Value = m × 2^(e2 - lz); unbiased exponent of its leading bit:
    let exp = e2 - lz + 63;
    if exp > max_exp + 1 {
        return (inf, true);
    }
    // Number of fraction bits we can keep at this exponent.
    let keep = if exp < min_exp {
        i64::from(mant_bits) - (min_exp - exp)
    } else {
        i64::from(mant_bits)
    };
    if keep < -1 {
        return (0, false);
    }
    let drop = (63 - keep) as u32; // bits below the kept ones
    let (q, half, rest_nonzero) = if drop >= 64 {
        (0u64, m >> 63 == 1, m << 1 != 0 || sticky)
    } else {
        let q = m >> drop;
        let rem = m & ((1u64 << drop) - 1);
        let half = drop > 0 && rem >> (drop - 1) == 1;
        let below = if drop > 0 {
            rem & ((1u64 << (drop - 1)) - 1)
        } else {
            0
        };
        (q, half, below != 0 || sticky)
    };
    let mut q = q;
    if half && (rest_nonzero || q & 1 == 1) {
        q += 1;
    }
    // q now has keep+1 significant bits (or keep+2 after a carry).
    let mut e = exp.max(min_exp);
    if q >> (mant_bits + 1) != 0 {
        q >>= 1;
        e += 1;
    }
    if q == 0 {
        return (0, false);
    }
    if q >> mant_bits == 0 {
        return (q, false); // subnormal
    }
    if e > max_exp {
        return (inf, true);
    }
    let biased = (e - min_exp + 1) as u64;
    (
        (biased << mant_bits) | (q & ((1u64 << mant_bits) - 1)),
        false,
    )
}
