//! The natives must not panic on any input: random and extreme arguments
//! (a panic fails the test), plus a few invariants that hold for all of them.

use rgo_std::natives::{math as m, strconv, timefmt};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
    /// A string of up to `max` pieces drawn from `alphabet`.
    fn text(&mut self, alphabet: &[&[u8]], max: u64) -> Vec<u8> {
        let n = self.next() % (max + 1);
        let mut out = Vec::new();
        for _ in 0..n {
            if self.next().is_multiple_of(20) {
                out.push(self.next() as u8);
            } else {
                let piece: &[u8] = self.pick::<&[u8]>(alphabet);
                out.extend_from_slice(piece);
            }
        }
        out
    }
}

#[test]
fn parse_float_never_panics_and_consumes_within_bounds() {
    let alphabet: &[&[u8]] = &[
        b"0",
        b"1",
        b"9",
        b"5",
        b".",
        b"e",
        b"E",
        b"p",
        b"P",
        b"x",
        b"X",
        b"_",
        b"+",
        b"-",
        b"i",
        b"n",
        b"f",
        b"a",
        b"inf",
        b"nan",
        b"infinity",
        b"0x",
        b"1e400",
        b"e-400",
        b" ",
        b"99999999999999999999",
    ];
    let mut r = Rng(42);
    for _ in 0..200_000 {
        let s = r.text(alphabet, 12);
        for bits in [32, 64] {
            let (f, n, status) = strconv::atof_core(&s, bits);
            assert!(n <= s.len());
            assert!(status != 1 || n == 0 && f == 0.0);
            assert!(status != 2 || f.is_infinite());
            if bits == 32 && status == 0 && f.is_finite() {
                assert_eq!(
                    f64::from(f as f32),
                    f,
                    "{:?} not a float32",
                    String::from_utf8_lossy(&s)
                );
            }
        }
    }
}

#[test]
fn format_float_never_panics_and_round_trips() {
    let mut r = Rng(7);
    for i in 0..100_000 {
        let f = f64::from_bits(r.next());
        let fmt = if i % 10 == 0 {
            r.next() as u8
        } else {
            *r.pick(b"beEfgGxX")
        };
        let prec = *r.pick(&[-1, -1, 0, 1, 5, 17, 30, 100, -7]);
        let bits = *r.pick(&[32u32, 64]);
        let mut out = Vec::new();
        strconv::append_float(&mut out, f, fmt, prec, bits);
        // Shortest output parses back to the same value.
        if prec == -1 && b"eEfgG".contains(&fmt) && f.is_finite() {
            let text = String::from_utf8(out).unwrap();
            let back = strconv::parse_float(&text, bits).unwrap_or(f64::NAN);
            let want = if bits == 32 { f64::from(f as f32) } else { f };
            assert!(
                back == want || want.is_infinite(),
                "{f:e} {} -> {text}",
                fmt as char
            );
        }
    }
    for prec in [2000, 4000] {
        let s = strconv::format_float(5e-324, b'f', prec, 64);
        assert_eq!(s.len(), 2 + prec as usize);
    }
}

#[test]
fn time_layouts_never_panic() {
    let layout_alpha: &[&[u8]] = &[
        b"2006",
        b"06",
        b"01",
        b"1",
        b"Jan",
        b"January",
        b"02",
        b"2",
        b"_2",
        b"__2",
        b"002",
        b"15",
        b"3",
        b"03",
        b"4",
        b"04",
        b"5",
        b"05",
        b"PM",
        b"pm",
        b"MST",
        b"Mon",
        b"Monday",
        b"Z07:00",
        b"-0700",
        b"-07",
        b"Z0700",
        b"-07:00:00",
        b"Z070000",
        b".000",
        b".999",
        b",9",
        b".0",
        b" ",
        b"-",
        b":",
        b"T",
        b"x",
    ];
    let value_alpha: &[&[u8]] = &[
        b"0",
        b"1",
        b"2",
        b"9",
        b"12",
        b"2024",
        b"366",
        b" ",
        b"-",
        b"+",
        b":",
        b".",
        b",",
        b"Z",
        b"T",
        b"Jan",
        b"January",
        b"Mon",
        b"PM",
        b"am",
        b"UTC",
        b"GMT",
        b"GMT+3",
        b"CEST",
        b"ChST",
        b"+05",
        b"-0700",
        b"x",
        b"\xff",
        b"\xe2\x82\xac",
    ];
    let mut r = Rng(99);
    let extreme = [
        i64::MIN,
        i64::MAX,
        -1,
        0,
        1,
        59,
        60,
        99,
        100,
        1_000_000_000,
        -1_000_000_000,
    ];
    for _ in 0..100_000 {
        let layout = r.text(layout_alpha, 8);
        let value = r.text(value_alpha, 10);
        match timefmt::parse(&layout, &value) {
            Ok(p) => assert!((1..=12).contains(&p.month) && (1..=31).contains(&p.day)),
            Err(e) => assert!(e.text(&layout, &value).starts_with("parsing time \"")),
        }
        let name = r.text(value_alpha, 2);
        let f = timefmt::Fields {
            year: *r.pick(&extreme),
            month: *r.pick(&extreme),
            day: *r.pick(&extreme),
            yday: *r.pick(&extreme),
            wday: *r.pick(&extreme),
            hour: *r.pick(&extreme),
            min: *r.pick(&extreme),
            sec: *r.pick(&extreme),
            nsec: *r.pick(&extreme),
            zone_name: &name,
            offset: *r.pick(&extreme),
        };
        let _ = timefmt::format(&f, &layout);
    }
}

#[test]
fn math_never_panics_on_extreme_integers() {
    for n in [
        i64::MIN,
        i64::MIN + 1,
        -1_000_000,
        -34,
        0,
        34,
        1_000,
        i64::MAX,
    ] {
        for x in [
            0.0,
            -0.0,
            1e-300,
            0.5,
            3.0,
            1e10,
            1e300,
            -2.0,
            f64::INFINITY,
            f64::NAN,
        ] {
            let _ = (m::ldexp(x, n), m::pow10(n));
            if n.unsigned_abs() <= 1_000 {
                let _ = (m::jn(n, x), m::yn(n, x));
            }
        }
    }
    assert_eq!(m::ldexp(1.0, i64::MAX), f64::INFINITY);
    assert_eq!(m::ldexp(1.0, i64::MIN), 0.0);
}
