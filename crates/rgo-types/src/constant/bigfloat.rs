//! Binary floating point of fixed precision for constants too large or too
//! small to keep as exact fractions: go/constant's `floatVal`, a
//! `big.Float` of 512-bit precision rounded to nearest even.
//!
//! Invariants: a `BigFloat` is `(-1)^neg · mant · 2^exp` with `mant` odd (or
//! zero, then `neg == false` and `exp == 0`), at most [`PREC`] bits, and its
//! binary exponent `top = exp + bits(mant)` (the `e` of `0.5 ≤ m < 1, x = m·2^e`,
//! as `big.Float.MantExp` reports it) within `i32`, the range of `big.Float`.
//! An operation whose result leaves that range returns `None` (go/constant's
//! infinity, which becomes an unknown value); a result below it becomes zero.
//!
//! The same rounding core also converts exact values to IEEE `float64` and
//! `float32` with correct rounding, subnormals included.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;

/// Mantissa precision of approximate constants, as go/constant's `prec`.
pub(crate) const PREC: u64 = 512;
/// Largest binary exponent (`top`) of a `big.Float`.
const MAX_TOP: i64 = i32::MAX as i64;
/// Smallest binary exponent (`top`) of a `big.Float`.
const MIN_TOP: i64 = i32::MIN as i64;

/// How to round away dropped bits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    NearestEven,
    ToZero,
    AwayFromZero,
}

/// A magnitude `mant · 2^exp` after rounding, and whether no bits were lost.
pub(crate) struct Rounded {
    pub mant: BigUint,
    pub exp: i64,
    pub exact: bool,
}

/// Rounds the magnitude `(m + δ) · 2^e` to at most `prec` significant bits and
/// no bit below `2^min_lsb`. `sticky` says `0 < δ < 1` (bits were already lost
/// below `m`'s last bit); otherwise `δ = 0`.
pub(crate) fn round(
    m: &BigUint,
    e: i64,
    sticky: bool,
    prec: u64,
    min_lsb: i64,
    mode: Mode,
) -> Rounded {
    let mut m = m.clone();
    let mut e = e;
    let bits = m.bits();
    if sticky && bits < prec + 2 {
        // Make room so that δ lies strictly below the rounding bit.
        let pad = prec + 2 - bits;
        m <<= pad;
        e -= pad as i64;
    }
    let bits = m.bits() as i64;
    let drop = (bits - prec as i64).max(min_lsb.saturating_sub(e)).max(0);
    if drop == 0 {
        return Rounded {
            mant: m,
            exp: e,
            exact: true,
        };
    }
    let drop_u = drop as u64;
    let half = m.bit(drop_u - 1);
    let rest = sticky || m.trailing_zeros().is_some_and(|tz| tz < drop_u - 1);
    let mut q: BigUint = &m >> drop_u;
    let up = match mode {
        Mode::NearestEven => half && (rest || q.is_odd()),
        Mode::ToZero => false,
        Mode::AwayFromZero => half || rest,
    };
    let mut exp = e.saturating_add(drop);
    if up {
        q += 1u32;
        if q.bits() > prec {
            q >>= 1u32;
            exp += 1;
        }
    }
    Rounded {
        mant: q,
        exp,
        exact: !half && !rest,
    }
}

/// An IEEE binary format: significand bits, lowest bit exponent of a
/// subnormal, and the first binary exponent that overflows.
pub(crate) struct Ieee {
    prec: u64,
    min_lsb: i64,
    max_top: i64,
}

pub(crate) const F64: Ieee = Ieee {
    prec: 53,
    min_lsb: -1074,
    max_top: 1024,
};
pub(crate) const F32: Ieee = Ieee {
    prec: 24,
    min_lsb: -149,
    max_top: 128,
};

/// The value `±(m + δ)·2^e` (see [`round`]) rounded to nearest even in `fmt`,
/// as an `f64` (exact for `F32` results too), and whether it is exact.
/// Overflow gives an infinity, as `big.Float.Float64` does.
pub(crate) fn to_ieee(neg: bool, m: &BigUint, e: i64, sticky: bool, fmt: &Ieee) -> (f64, bool) {
    let sign = if neg { -1.0 } else { 1.0 };
    if m.is_zero() {
        return (0.0 * sign, !sticky);
    }
    let r = round(m, e, sticky, fmt.prec, fmt.min_lsb, Mode::NearestEven);
    if r.mant.is_zero() {
        return (0.0 * sign, false);
    }
    if r.exp + r.mant.bits() as i64 > fmt.max_top {
        return (f64::INFINITY * sign, false);
    }
    // r.mant has at most 53 bits: exact as f64; scaling by powers of two in
    // steps that stay normal is exact because the result is representable.
    let mut v = r.mant.to_u64().unwrap_or(0) as f64;
    let mut k = r.exp;
    while k != 0 {
        let step = k.clamp(-1000, 1000);
        v *= f64::powi(2.0, step as i32);
        k -= step;
    }
    (v * sign, r.exact)
}

/// big.Rat's conversion (behind go/constant's `Float64Val`/`Float32Val` of
/// a fraction) reports a value below half the smallest subnormal as exact
/// when it has few enough significant bits, although it flushes to zero.
/// go/types never reads that flag; it is kept so the accessors agree with
/// go/constant. `(q + δ)·2^e` is the value, as for [`round`].
pub(crate) fn rat_flush_quirk(q: &BigUint, e: i64, sticky: bool, fmt: &Ieee) -> bool {
    let Some(tz) = q.trailing_zeros() else {
        return false;
    };
    let top = e + q.bits() as i64;
    let significant = q.bits() - tz;
    top < fmt.min_lsb && !sticky && significant <= fmt.prec
}

/// `n / d` as `(q, e, sticky)` with `q · 2^e ≤ n/d < (q+1)·2^e`, `q` having at
/// least `prec + 2` bits so that [`round`] can finish the job. `d` must not be 0.
pub(crate) fn divide(n: &BigUint, d: &BigUint, prec: u64) -> (BigUint, i64, bool) {
    let want = prec as i64 + 2 + d.bits() as i64 - n.bits() as i64 + 1;
    let s = want.max(0) as u64;
    let (q, r) = (n << s).div_rem(d);
    (q, -(s as i64), !r.is_zero())
}

#[derive(Clone, Debug)]
pub(crate) struct BigFloat {
    neg: bool,
    mant: BigUint,
    exp: i64,
}

impl BigFloat {
    pub(crate) fn zero() -> BigFloat {
        BigFloat {
            neg: false,
            mant: BigUint::zero(),
            exp: 0,
        }
    }

    /// `±m·2^e` rounded to `prec` bits; `None` on overflow.
    fn make(neg: bool, m: &BigUint, e: i64, sticky: bool, prec: u64) -> Option<BigFloat> {
        if m.is_zero() {
            return Some(BigFloat::zero());
        }
        let r = round(m, e, sticky, prec, i64::MIN, Mode::NearestEven);
        Self::normalize(neg, r.mant, r.exp)
    }

    /// Canonical form and the exponent range check.
    fn normalize(neg: bool, mut mant: BigUint, mut exp: i64) -> Option<BigFloat> {
        let Some(tz) = mant.trailing_zeros() else {
            return Some(BigFloat::zero());
        };
        mant >>= tz;
        exp = exp.saturating_add(tz as i64);
        let top = exp.saturating_add(mant.bits() as i64);
        if top > MAX_TOP {
            return None;
        }
        if top < MIN_TOP {
            return Some(BigFloat::zero());
        }
        Some(BigFloat { neg, mant, exp })
    }

    /// `±m · 2^e` rounded to [`PREC`] bits.
    pub(crate) fn from_parts(neg: bool, m: &BigUint, e: i64) -> Option<BigFloat> {
        Self::make(neg, m, e, false, PREC)
    }

    /// `±n/d` rounded to [`PREC`] bits; `d` must not be zero.
    pub(crate) fn from_ratio(neg: bool, n: &BigUint, d: &BigUint) -> Option<BigFloat> {
        let (q, e, sticky) = divide(n, d, PREC);
        Self::make(neg, &q, e, sticky, PREC)
    }

    /// The exact value of a finite `f64` (infinities and NaN give `None`).
    pub(crate) fn from_f64(x: f64) -> Option<BigFloat> {
        if !x.is_finite() {
            return None;
        }
        let bits = x.to_bits();
        let neg = bits >> 63 == 1;
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1 << 52) - 1);
        let (m, e) = if biased == 0 {
            (frac, -1074)
        } else {
            (frac | 1 << 52, biased - 1075)
        };
        Self::normalize(neg, BigUint::from(m), e)
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.mant.is_zero()
    }

    pub(crate) fn sign(&self) -> i32 {
        match (self.is_zero(), self.neg) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        }
    }

    pub(crate) fn is_neg(&self) -> bool {
        self.neg
    }

    /// The significand bits and the exponent of the last one.
    pub(crate) fn parts(&self) -> (&BigUint, i64) {
        (&self.mant, self.exp)
    }

    /// The binary exponent `e` of `x = m · 2^e` with `0.5 ≤ |m| < 1`
    /// (`big.Float.MantExp`); 0 for zero.
    pub(crate) fn top(&self) -> i64 {
        if self.is_zero() {
            0
        } else {
            self.exp + self.mant.bits() as i64
        }
    }

    pub(crate) fn neg(&self) -> BigFloat {
        let mut z = self.clone();
        z.neg = !z.neg && !z.is_zero();
        z
    }

    pub(crate) fn add(&self, y: &BigFloat) -> Option<BigFloat> {
        self.add_prec(y, PREC)
    }

    pub(crate) fn sub(&self, y: &BigFloat) -> Option<BigFloat> {
        self.add_prec(&y.neg(), PREC)
    }

    fn add_prec(&self, y: &BigFloat, prec: u64) -> Option<BigFloat> {
        if y.is_zero() {
            return Some(self.clone());
        }
        if self.is_zero() {
            return Some(y.clone());
        }
        let (a, b) = if self.top() >= y.top() {
            (self, y)
        } else {
            (y, self)
        };
        // A far smaller operand only matters as a sticky bit: replace it by a
        // value of its sign well below half an ulp of the result.
        let far = a.top() - prec as i64 - 4;
        let tiny;
        let b = if b.top() < far {
            tiny = BigFloat {
                neg: b.neg,
                mant: BigUint::from(1u32),
                exp: far,
            };
            &tiny
        } else {
            b
        };
        let lo = a.exp.min(b.exp);
        let am = &a.mant << (a.exp - lo) as u64;
        let bm = &b.mant << (b.exp - lo) as u64;
        let (neg, m) = if a.neg == b.neg {
            (a.neg, am + bm)
        } else {
            match am.cmp(&bm) {
                Ordering::Less => (b.neg, bm - am),
                _ => (a.neg, am - bm),
            }
        };
        Self::make(neg, &m, lo, false, prec)
    }

    pub(crate) fn mul(&self, y: &BigFloat) -> Option<BigFloat> {
        self.mul_prec(y, PREC)
    }

    fn mul_prec(&self, y: &BigFloat, prec: u64) -> Option<BigFloat> {
        let m = &self.mant * &y.mant;
        Self::make(
            self.neg != y.neg,
            &m,
            self.exp.saturating_add(y.exp),
            false,
            prec,
        )
    }

    /// `self / y`; `None` if `y` is zero or the result overflows.
    pub(crate) fn quo(&self, y: &BigFloat) -> Option<BigFloat> {
        self.quo_prec(y, PREC)
    }

    fn quo_prec(&self, y: &BigFloat, prec: u64) -> Option<BigFloat> {
        if y.is_zero() {
            return None;
        }
        let (q, e, sticky) = divide(&self.mant, &y.mant, prec);
        let e = e.saturating_add(self.exp).saturating_sub(y.exp);
        Self::make(self.neg != y.neg, &q, e, sticky, prec)
    }

    pub(crate) fn cmp(&self, y: &BigFloat) -> Ordering {
        match self.sign().cmp(&y.sign()) {
            Ordering::Equal => {}
            other => return other,
        }
        let mag = self.cmp_abs(y);
        if self.neg {
            mag.reverse()
        } else {
            mag
        }
    }

    fn cmp_abs(&self, y: &BigFloat) -> Ordering {
        match self.top().cmp(&y.top()) {
            Ordering::Equal => {}
            other => return other,
        }
        // Same top: exponents differ by less than PREC, shifts stay small.
        let lo = self.exp.min(y.exp);
        let a = &self.mant << (self.exp - lo) as u64;
        let b = &y.mant << (y.exp - lo) as u64;
        a.cmp(&b)
    }

    /// `self · 10^k` (k ≥ 0) or `self / 10^-k`, rounded to [`PREC`] bits;
    /// the power is computed with 64 guard bits, as `big.Float` parses.
    pub(crate) fn scale10(&self, k: i64) -> Option<BigFloat> {
        const WORK: u64 = PREC + 64;
        let n = k.unsigned_abs();
        let mut pow = BigFloat {
            neg: false,
            mant: BigUint::from(1u32),
            exp: 0,
        };
        let mut base = BigFloat {
            neg: false,
            mant: BigUint::from(5u32),
            exp: 0,
        };
        let mut bits = n;
        while bits != 0 {
            if bits & 1 == 1 {
                pow = pow.mul_prec(&base, WORK)?;
            }
            bits >>= 1;
            if bits != 0 {
                base = base.mul_prec(&base, WORK)?;
            }
        }
        // 10^n = 5^n · 2^n
        let two_n = i64::try_from(n).ok()?;
        let scaled = if k >= 0 {
            self.mul_prec(&pow, WORK)?
        } else {
            self.quo_prec(&pow, WORK)?
        };
        let e = if k >= 0 {
            scaled.exp.checked_add(two_n)?
        } else {
            scaled.exp.checked_sub(two_n)?
        };
        Self::make(scaled.neg, &scaled.mant, e, false, PREC)
    }

    /// Correctly rounded `f64` and whether it is exact; overflow gives ±Inf.
    pub(crate) fn to_f64(&self) -> (f64, bool) {
        to_ieee(self.neg, &self.mant, self.exp, false, &F64)
    }

    /// Rounds to `prec` bits in `mode` (for go/constant's near-integer test).
    pub(crate) fn round_to(&self, prec: u64, mode: Mode) -> Option<BigFloat> {
        let r = round(&self.mant, self.exp, false, prec, i64::MIN, mode);
        Self::normalize(self.neg, r.mant, r.exp)
    }

    /// Whether the value is an integer.
    pub(crate) fn is_int(&self) -> bool {
        self.is_zero() || self.exp >= 0
    }

    /// `big.Float.Text('p', 0)`: `-0x.8p+3` style, or `0`.
    pub(crate) fn text_p(&self) -> String {
        if self.is_zero() {
            return "0".to_string();
        }
        let pad = (4 - self.mant.bits() % 4) % 4;
        let hex = (&self.mant << pad).to_str_radix(16);
        let hex = hex.trim_end_matches('0');
        let top = self.top();
        let sign = if self.neg { "-" } else { "" };
        let esign = if top >= 0 { "+" } else { "" };
        format!("{sign}0x.{hex}p{esign}{top}")
    }
}
