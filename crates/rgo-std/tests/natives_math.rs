//! Compares rgo's math natives bit for bit with real Go (golden outputs
//! from tools/natives/gen_math, on inputs from the same splitmix64 stream).
//! Set RGO_MATH_GOLDEN to a larger file (e.g. `go run . -n 30000`) for a
//! deeper run (with RGO_MATH_FMA=0 for one made under
//! GODEBUG=cpu.fma=off); the per-function mismatch counts are printed.

use rgo_std::natives::math as m;

const GOLDEN: &[u8] = include_bytes!("golden/math.bin");

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// Go's `math.NaN()` (the generator's NaN input).
const GO_NAN: f64 = f64::from_bits(0x7FF8_0000_0000_0001);

const SPECIALS: [f64; 56] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    -0.5,
    2.0,
    -2.0,
    3.0,
    0.1,
    f64::INFINITY,
    f64::NEG_INFINITY,
    GO_NAN,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    1e-310,
    f64::MAX,
    -f64::MAX,
    std::f64::consts::PI,
    std::f64::consts::FRAC_PI_2,
    -std::f64::consts::FRAC_PI_4,
    1e-8,
    1e8,
    (1u64 << 29) as f64,
    (1u64 << 30) as f64,
    1e15,
    1e300,
    709.78,
    709.79,
    -745.13,
    -745.14,
    1023.9,
    -1074.1,
    0.7,
    0.66,
    2.414,
    0.625,
    44.01,
    21.0,
    0.85,
    0.9999999,
    171.6,
    -171.6,
    1e-20,
    6.0,
    100.5,
    -3.5,
    0.35,
    1.04,
    38.8,
    (1u64 << 28) as f64,
    (1u64 << 53) as f64,
    9223372036854775808.0,
    0.0,
    0.0,
];
const NSPEC: usize = 54;

fn arg(r: &mut Rng, i: usize) -> f64 {
    if i < NSPEC {
        return SPECIALS[i];
    }
    let u = r.unit();
    match r.next() % 9 {
        0 => f64::from_bits(r.next()),
        1 => -10.0 + 20.0 * u,
        2 => -1.0 + 2.0 * u,
        3 => {
            let e = (r.next() % 61) as i64 - 30;
            let s = 1 - 2 * (r.next() & 1) as i64;
            m::ldexp(u + 0.5, e) * s as f64
        }
        4 => ((r.next() % 200) as i64 - 100) as f64 / 2.0,
        5 => -1e6 + 2e6 * u,
        6 => 690.0 + 60.0 * u - (r.next() & 1) as f64 * 1440.0,
        7 => f64::from_bits(r.next() >> 12),
        _ => {
            let e = (r.next() % 2100) as i64 - 1050;
            m::ldexp(u, e)
        }
    }
}

fn int_arg(r: &mut Rng, lo: i64, hi: i64) -> i64 {
    lo + (r.next() % (hi - lo + 1) as u64) as i64
}

type Case = fn(&mut Rng, usize) -> Vec<u64>;

fn b(f: f64) -> u64 {
    f.to_bits()
}

macro_rules! u1 {
    ($f:path) => {
        |r: &mut Rng, i: usize| vec![b($f(arg(r, i)))]
    };
}

fn pair(r: &mut Rng, i: usize) -> (f64, f64) {
    let x = arg(r, i % NSPEC + NSPEC * (i / NSPEC / NSPEC));
    let y = arg(r, i);
    if i < NSPEC * NSPEC {
        return (SPECIALS[i / NSPEC], SPECIALS[i % NSPEC]);
    }
    (x, y)
}

macro_rules! u2 {
    ($f:path) => {
        |r: &mut Rng, i: usize| {
            let (x, y) = pair(r, i);
            vec![b($f(x, y))]
        }
    };
}

fn cases() -> Vec<(&'static str, Case)> {
    vec![
        ("Acos", u1!(m::acos)),
        ("Acosh", u1!(m::acosh)),
        ("Asin", u1!(m::asin)),
        ("Asinh", u1!(m::asinh)),
        ("Atan", u1!(m::atan)),
        ("Atan2", u2!(m::atan2)),
        ("Atanh", u1!(m::atanh)),
        ("Cbrt", u1!(m::cbrt)),
        ("Cos", u1!(m::cos)),
        ("Cosh", u1!(m::cosh)),
        ("Erf", u1!(m::erf)),
        ("Erfc", u1!(m::erfc)),
        ("Erfcinv", u1!(m::erfcinv)),
        ("Erfinv", u1!(m::erfinv)),
        ("Exp", u1!(m::exp)),
        ("Exp2", u1!(m::exp2)),
        ("Expm1", u1!(m::expm1)),
        ("FMA", |r, i| {
            let (x, y, z) = (arg(r, i), arg(r, i), arg(r, i));
            vec![b(m::fma(x, y, z))]
        }),
        ("Frexp", |r, i| {
            let (f, e) = m::frexp(arg(r, i));
            vec![b(f), e as u64]
        }),
        ("Gamma", u1!(m::gamma)),
        ("Hypot", u2!(m::hypot)),
        ("Ilogb", |r, i| vec![m::ilogb(arg(r, i)) as u64]),
        ("J0", u1!(m::j0)),
        ("J1", u1!(m::j1)),
        ("Jn", |r, i| {
            let n = int_arg(r, -6, 12);
            vec![b(m::jn(n, arg(r, i)))]
        }),
        ("Ldexp", |r, i| {
            let e = int_arg(r, -1200, 1200);
            vec![b(m::ldexp(arg(r, i), e))]
        }),
        ("Lgamma", |r, i| {
            let (f, s) = m::lgamma(arg(r, i));
            vec![b(f), s as u64]
        }),
        ("Log", u1!(m::log)),
        ("Log10", u1!(m::log10)),
        ("Log1p", u1!(m::log1p)),
        ("Log2", u1!(m::log2)),
        ("Logb", u1!(m::logb)),
        ("Mod", u2!(m::fmod)),
        ("Pow", u2!(m::pow)),
        ("Pow10", |r, _| vec![b(m::pow10(int_arg(r, -400, 400)))]),
        ("Remainder", u2!(m::remainder)),
        ("Sin", u1!(m::sin)),
        ("Sincos", |r, i| {
            let (s, c) = m::sincos(arg(r, i));
            vec![b(s), b(c)]
        }),
        ("Sinh", u1!(m::sinh)),
        ("Sqrt", u1!(m::sqrt)),
        ("Tan", u1!(m::tan)),
        ("Tanh", u1!(m::tanh)),
        ("Y0", u1!(m::y0)),
        ("Y1", u1!(m::y1)),
        ("Yn", |r, i| {
            let n = int_arg(r, -6, 12);
            vec![b(m::yn(n, arg(r, i)))]
        }),
    ]
}

/// Bit equality, NaN payloads and zero signs included.
fn same(a: u64, b: u64) -> bool {
    a == b
}

#[test]
fn math_matches_go_bit_for_bit() {
    // The goldens come from a CPU with FMA (see gen_math): Exp, and all
    // that use it, must take Go's FMA path whatever CPU runs this test.
    // RGO_MATH_FMA=0 checks a golden made with GODEBUG=cpu.fma=off.
    m::set_exp_fma_mode(Some(
        std::env::var("RGO_MATH_FMA").map_or(true, |v| v != "0"),
    ));
    let data = match std::env::var("RGO_MATH_GOLDEN") {
        Ok(path) => std::fs::read(path).expect("RGO_MATH_GOLDEN unreadable"),
        Err(_) => GOLDEN.to_vec(),
    };
    let words: Vec<u64> = data
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
        .collect();
    let cases = cases();
    // Each case yields a fixed number of words per input: find n.
    let per: usize = {
        let mut r = Rng(0);
        cases.iter().map(|(_, f)| f(&mut r, 0).len()).sum()
    };
    let n = words.len() / per;
    assert!(
        n >= 1000 && n * per == words.len(),
        "golden size {} not a multiple of {per}",
        words.len()
    );
    let mut pos = 0;
    let mut report = Vec::new();
    let mut total_bad = 0;
    for (k, (name, f)) in cases.iter().enumerate() {
        let mut r = Rng((k as u64 + 1) * 1000003);
        let mut bad = 0;
        let mut first = None;
        for i in 0..n {
            let got = f(&mut r, i);
            let want = &words[pos..pos + got.len()];
            pos += got.len();
            if !got.iter().zip(want).all(|(&a, &b)| same(a, b)) {
                bad += 1;
                first.get_or_insert(format!("input #{i}: got {got:x?} want {want:x?}"));
            }
        }
        total_bad += bad;
        report.push(format!(
            "{name:10} {bad:6} / {n} {}",
            first.unwrap_or_default()
        ));
    }
    println!("{}", report.join("\n"));
    assert_eq!(total_bad, 0, "mismatches:\n{}", report.join("\n"));
}

/// Go's amd64 `Exp` has a second path for CPUs without FMA; its results
/// (golden made with GODEBUG=cpu.fma=off) differ in the last bit from the
/// FMA path's on some inputs, so both paths are checked whatever this CPU.
#[test]
fn exp_without_fma_matches_go() {
    let data = include_bytes!("golden/math_exp_nofma.bin");
    let want: Vec<u64> = data
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
        .collect();
    let k = cases().iter().position(|(name, _)| *name == "Exp").unwrap();
    let mut r = Rng((k as u64 + 1) * 1000003);
    let mut bad = Vec::new();
    for (i, &w) in want.iter().enumerate() {
        let x = arg(&mut r, i);
        let got = m::exp_with(x, false).to_bits();
        if !same(got, w) {
            bad.push(format!("Exp({x:e}) = {got:x}, Go {w:x}"));
        }
    }
    assert!(want.len() >= 1000);
    assert!(
        bad.is_empty(),
        "{} of {}:\n{}",
        bad.len(),
        want.len(),
        bad[..bad.len().min(10)].join("\n")
    );
    // The two paths must really differ somewhere, or this test checks nothing new.
    let mut r = Rng((k as u64 + 1) * 1000003);
    let differs = (0..want.len()).any(|i| {
        let x = arg(&mut r, i);
        m::exp_with(x, false).to_bits() != m::exp_with(x, true).to_bits()
    });
    assert!(differs);
}
