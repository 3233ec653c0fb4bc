//! Compares rgo's float formatting/parsing natives with real Go's output
//! (golden file from tools/natives/gen_strconv).

use rgo_std::natives::strconv::{format_float, parse_float, ParseErrorKind};

const GOLDEN: &str = include_str!("golden/strconv.txt");

/// The committed golden, or the file named by RGO_STRCONV_GOLDEN (a larger
/// run of gen_strconv).
fn golden() -> String {
    match std::env::var("RGO_STRCONV_GOLDEN") {
        Ok(path) => std::fs::read_to_string(path).expect("RGO_STRCONV_GOLDEN unreadable"),
        Err(_) => GOLDEN.to_string(),
    }
}

/// Undoes Go's %q for the ASCII inputs the generator uses.
fn unquote(q: &str) -> String {
    let inner = &q[1..q.len() - 1];
    inner.replace("\\\"", "\"").replace("\\\\", "\\")
}

#[test]
fn format_float_matches_go() {
    let mut bad = Vec::new();
    let mut n = 0;
    for line in golden().lines().filter(|l| l.starts_with("F ")) {
        let mut it = line.splitn(6, ' ');
        it.next();
        let bits = u64::from_str_radix(it.next().unwrap(), 16).unwrap();
        let fmt = it.next().unwrap().as_bytes()[0];
        let prec: i32 = it.next().unwrap().parse().unwrap();
        let bs: u32 = it.next().unwrap().parse().unwrap();
        let want = it.next().unwrap_or("");
        let got = format_float(f64::from_bits(bits), fmt, prec, bs);
        n += 1;
        if got != want {
            bad.push(format!(
                "{bits:x} {} {prec} {bs}: got {got} want {want}",
                fmt as char
            ));
        }
    }
    assert!(n > 10000, "golden file too small");
    assert!(
        bad.is_empty(),
        "{} of {n} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(20)].join("\n")
    );
}

#[test]
fn parse_float_matches_go() {
    let mut bad = Vec::new();
    let mut n = 0;
    for line in golden().lines().filter(|l| l.starts_with("P ")) {
        let mut it = line.splitn(5, ' ');
        it.next();
        let bs: u32 = it.next().unwrap().parse().unwrap();
        let bits = u64::from_str_radix(it.next().unwrap(), 16).unwrap();
        let err = it.next().unwrap();
        let input = unquote(it.next().unwrap());
        let (got_bits, got_err) = match parse_float(&input, bs) {
            Ok(f) => (f.to_bits(), "ok"),
            Err(ParseErrorKind::Syntax) => (0, "syntax"),
            Err(ParseErrorKind::Range) => (parse_range_value(&input, bs), "range"),
        };
        n += 1;
        let same = got_err == err
            && (got_bits == bits
                || f64::from_bits(bits).is_nan() && f64::from_bits(got_bits).is_nan());
        if !same {
            bad.push(format!(
                "{input:?}/{bs}: got {got_bits:x} {got_err} want {bits:x} {err}"
            ));
        }
    }
    assert!(n > 1000, "golden file too small");
    assert!(
        bad.is_empty(),
        "{} of {n} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(20)].join("\n")
    );
}

/// On a range error Go returns ±Inf: the prefix parser gives that value.
fn parse_range_value(s: &str, bs: u32) -> u64 {
    rgo_std::natives::strconv::parse_float_prefix(s, bs)
        .0
        .to_bits()
}
