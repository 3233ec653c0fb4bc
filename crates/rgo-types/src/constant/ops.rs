//! Arithmetic on constants: unary and binary operators, shifts and
//! comparisons, with go/constant's promotion of operands (Int → Float →
//! Complex) and the bounds go/types adds on top.

use super::bigfloat::BigFloat;
use super::{
    int_to_bigint, rat_to_bigfloat, BinaryOp, CmpOp, Kind, OpError, Repr, ShiftOp, UnaryOp, Value,
    MAX_INT_BITS, SHIFT_BOUND,
};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use std::cmp::Ordering;

/// Promotion order of representations (go/constant's `ord`).
fn ord(x: &Value) -> u8 {
    match x.0 {
        Repr::Unknown => 0,
        Repr::Bool(_) | Repr::String(_) => 1,
        Repr::Int64(_) => 2,
        Repr::BigInt(_) => 3,
        Repr::Rat(_) => 4,
        Repr::Float(_) => 5,
        Repr::Complex(_) => 6,
    }
}

/// Brings two values to a common representation: the one further along
/// Int64 → BigInt → Rat → Float → Complex. Values of unrelated kinds (a
/// string and a number) are returned unchanged.
pub fn match_values(x: &Value, y: &Value) -> (Value, Value) {
    match ord(x).cmp(&ord(y)) {
        Ordering::Less => (promote(x, y), y.clone()),
        Ordering::Greater => (x.clone(), promote(y, x)),
        Ordering::Equal => (x.clone(), y.clone()),
    }
}

/// `x` in the representation of `to` (which is further along).
fn promote(x: &Value, to: &Value) -> Value {
    match (&x.0, &to.0) {
        (Repr::Int64(v), Repr::BigInt(_)) => Value(Repr::BigInt(BigInt::from(*v))),
        (Repr::Int64(_) | Repr::BigInt(_), Repr::Rat(_)) => {
            Value(Repr::Rat(BigRational::from_integer(int_to_bigint(x))))
        }
        (Repr::Int64(_) | Repr::BigInt(_), Repr::Float(_)) => {
            let v = int_to_bigint(x);
            Value::from_bigfloat(BigFloat::from_parts(v.is_negative(), v.magnitude(), 0))
        }
        (Repr::Rat(r), Repr::Float(_)) => Value::from_bigfloat(rat_to_bigfloat(r)),
        (Repr::Int64(_) | Repr::BigInt(_) | Repr::Rat(_) | Repr::Float(_), Repr::Complex(_)) => {
            Value::make_complex(x.clone(), Value::from_i64(0))
        }
        _ => x.clone(),
    }
}

impl Value {
    /// `op x`. For `^` on an unsigned typed constant, `prec` is its size in
    /// bits (the result is masked to it); 0 means unbounded (signed or untyped).
    pub fn unary_op(&self, op: UnaryOp, prec: u32) -> Result<Value, OpError> {
        if let Repr::Unknown = self.0 {
            return Ok(self.clone());
        }
        match op {
            UnaryOp::Plus => match self.kind() {
                Kind::Int | Kind::Float | Kind::Complex => Ok(self.clone()),
                _ => Err(OpError::Mismatch),
            },
            UnaryOp::Neg => self.negate(),
            UnaryOp::Complement => self.complement(prec),
            UnaryOp::Not => match self.0 {
                Repr::Bool(b) => Ok(Value::from_bool(!b)),
                _ => Err(OpError::Mismatch),
            },
        }
    }

    fn negate(&self) -> Result<Value, OpError> {
        match &self.0 {
            Repr::Int64(v) => Ok(match v.checked_neg() {
                Some(n) => Value::from_i64(n),
                None => Value::from_bigint(-BigInt::from(*v)),
            }),
            Repr::BigInt(v) => Ok(Value::from_bigint(-v)),
            Repr::Rat(r) => Ok(Value(Repr::Rat(-r))),
            Repr::Float(f) => Ok(Value(Repr::Float(f.neg()))),
            Repr::Complex(c) => Ok(Value::make_complex(c.0.negate()?, c.1.negate()?)),
            _ => Err(OpError::Mismatch),
        }
    }

    fn complement(&self, prec: u32) -> Result<Value, OpError> {
        if self.kind() != Kind::Int {
            return Err(OpError::Mismatch);
        }
        if u64::from(prec) > MAX_INT_BITS {
            return Err(OpError::TooLarge);
        }
        let z = !int_to_bigint(self);
        if prec == 0 {
            return Ok(Value::from_bigint(z));
        }
        let mask = (BigInt::one() << prec) - 1;
        Ok(Value::from_bigint(z & mask))
    }

    /// `x op y` after [`match_values`]. Unknown operands give unknown.
    pub fn binary_op(&self, op: BinaryOp, y: &Value) -> Result<Value, OpError> {
        let (x, y) = match_values(self, y);
        match (&x.0, &y.0) {
            (Repr::Unknown, _) | (_, Repr::Unknown) => Ok(Value::unknown()),
            (Repr::Bool(a), Repr::Bool(b)) => bool_op(*a, op, *b),
            (Repr::Int64(a), Repr::Int64(b)) => int64_op(*a, op, *b),
            (Repr::BigInt(a), Repr::BigInt(b)) => bigint_op(a, op, b),
            (Repr::Rat(a), Repr::Rat(b)) => rat_op(a, op, b),
            (Repr::Float(a), Repr::Float(b)) => float_op(a, op, b),
            (Repr::Complex(a), Repr::Complex(b)) => complex_op(a, op, b),
            (Repr::String(a), Repr::String(b)) if op == BinaryOp::Add => {
                let mut s = Vec::with_capacity(a.len() + b.len());
                s.extend_from_slice(a);
                s.extend_from_slice(b);
                Ok(Value::from_bytes(s))
            }
            _ => Err(OpError::Mismatch),
        }
    }

    /// `x << s` or `x >> s` for an integer `x` (go/constant's `Shift`).
    /// The checker first rejects counts above [`SHIFT_BOUND`].
    pub fn shift(&self, op: ShiftOp, s: u64) -> Result<Value, OpError> {
        match (&self.0, op) {
            (Repr::Unknown, _) => Ok(self.clone()),
            (Repr::Int64(_) | Repr::BigInt(_), _) if s == 0 => Ok(self.clone()),
            (Repr::Int64(v), ShiftOp::Shr) => Ok(Value::from_i64(v >> s.min(63))),
            (Repr::Int64(_) | Repr::BigInt(_), ShiftOp::Shl) => {
                if self.bit_len().saturating_add(s) > MAX_INT_BITS {
                    return Err(OpError::TooLarge);
                }
                Ok(Value::from_bigint(int_to_bigint(self) << s))
            }
            (Repr::BigInt(v), ShiftOp::Shr) => {
                if s >= v.bits() {
                    return Ok(Value::from_i64(if v.is_negative() { -1 } else { 0 }));
                }
                Ok(Value::from_bigint(v >> s))
            }
            _ => Err(OpError::Mismatch),
        }
    }

    /// `x op y` after [`match_values`]. Comparisons with an unknown operand
    /// are false; ordering bools or complex numbers is a mismatch.
    pub fn compare(&self, op: CmpOp, y: &Value) -> Result<bool, OpError> {
        let (x, y) = match_values(self, y);
        let ordering = match (&x.0, &y.0) {
            (Repr::Unknown, _) | (_, Repr::Unknown) => return Ok(false),
            (Repr::Bool(a), Repr::Bool(b)) => return equality(a == b, op),
            (Repr::Complex(a), Repr::Complex(b)) => {
                let re = a.0.compare(CmpOp::Eql, &b.0)?;
                let im = a.1.compare(CmpOp::Eql, &b.1)?;
                return equality(re && im, op);
            }
            (Repr::Int64(a), Repr::Int64(b)) => a.cmp(b),
            (Repr::BigInt(a), Repr::BigInt(b)) => a.cmp(b),
            (Repr::Rat(a), Repr::Rat(b)) => a.cmp(b),
            (Repr::Float(a), Repr::Float(b)) => a.cmp(b),
            (Repr::String(a), Repr::String(b)) => a.cmp(b),
            _ => return Err(OpError::Mismatch),
        };
        Ok(match op {
            CmpOp::Eql => ordering == Ordering::Equal,
            CmpOp::Neq => ordering != Ordering::Equal,
            CmpOp::Lss => ordering == Ordering::Less,
            CmpOp::Leq => ordering != Ordering::Greater,
            CmpOp::Gtr => ordering == Ordering::Greater,
            CmpOp::Geq => ordering != Ordering::Less,
        })
    }
}

fn equality(equal: bool, op: CmpOp) -> Result<bool, OpError> {
    match op {
        CmpOp::Eql => Ok(equal),
        CmpOp::Neq => Ok(!equal),
        _ => Err(OpError::Mismatch),
    }
}

fn bool_op(a: bool, op: BinaryOp, b: bool) -> Result<Value, OpError> {
    match op {
        BinaryOp::LogAnd => Ok(Value::from_bool(a && b)),
        BinaryOp::LogOr => Ok(Value::from_bool(a || b)),
        _ => Err(OpError::Mismatch),
    }
}

fn int64_op(a: i64, op: BinaryOp, b: i64) -> Result<Value, OpError> {
    let fast = match op {
        BinaryOp::Add => a.checked_add(b),
        BinaryOp::Sub => a.checked_sub(b),
        BinaryOp::Mul => a.checked_mul(b),
        // gc folds MinInt64 / -1 to MinInt64 (go/constant divides in int64
        // and wraps); rgo must fold constants as gc does.
        BinaryOp::QuoInt if b != 0 => Some(a.wrapping_div(b)),
        BinaryOp::Rem if b != 0 => Some(a.wrapping_rem(b)),
        BinaryOp::And => Some(a & b),
        BinaryOp::Or => Some(a | b),
        BinaryOp::Xor => Some(a ^ b),
        BinaryOp::AndNot => Some(a & !b),
        _ => None,
    };
    match fast {
        Some(v) => Ok(Value::from_i64(v)),
        None => bigint_op(&BigInt::from(a), op, &BigInt::from(b)),
    }
}

fn bigint_op(a: &BigInt, op: BinaryOp, b: &BigInt) -> Result<Value, OpError> {
    let divides = matches!(op, BinaryOp::Quo | BinaryOp::QuoInt | BinaryOp::Rem);
    if divides && b.is_zero() {
        return Err(OpError::DivisionByZero);
    }
    if op == BinaryOp::Mul && a.bits() + b.bits() > MAX_INT_BITS {
        return Err(OpError::TooLarge);
    }
    let v = match op {
        BinaryOp::Add => a + b,
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => a * b,
        BinaryOp::Quo => return Ok(Value::from_rational(BigRational::new(a.clone(), b.clone()))),
        BinaryOp::QuoInt => a / b,
        BinaryOp::Rem => a % b,
        BinaryOp::And => a & b,
        BinaryOp::Or => a | b,
        BinaryOp::Xor => a ^ b,
        BinaryOp::AndNot => a & !b,
        BinaryOp::LogAnd | BinaryOp::LogOr => return Err(OpError::Mismatch),
    };
    if v.bits() > MAX_INT_BITS {
        return Err(OpError::TooLarge);
    }
    Ok(Value::from_bigint(v))
}

fn rat_op(a: &BigRational, op: BinaryOp, b: &BigRational) -> Result<Value, OpError> {
    let v = match op {
        BinaryOp::Add => a + b,
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => a * b,
        BinaryOp::Quo if b.is_zero() => return Err(OpError::DivisionByZero),
        BinaryOp::Quo => a / b,
        _ => return Err(OpError::Mismatch),
    };
    Ok(Value::from_rational(v))
}

fn float_op(a: &BigFloat, op: BinaryOp, b: &BigFloat) -> Result<Value, OpError> {
    let v = match op {
        BinaryOp::Add => a.add(b),
        BinaryOp::Sub => a.sub(b),
        BinaryOp::Mul => a.mul(b),
        BinaryOp::Quo if b.is_zero() => return Err(OpError::DivisionByZero),
        BinaryOp::Quo => a.quo(b),
        _ => return Err(OpError::Mismatch),
    };
    Ok(Value::from_bigfloat(v))
}

/// Complex arithmetic on the parts, each step exact or rounded as the
/// parts' own arithmetic is (go/constant's formulas).
fn complex_op(x: &(Value, Value), op: BinaryOp, y: &(Value, Value)) -> Result<Value, OpError> {
    let (a, b) = (&x.0, &x.1);
    let (c, d) = (&y.0, &y.1);
    let add = |p: &Value, q: &Value| p.binary_op(BinaryOp::Add, q);
    let sub = |p: &Value, q: &Value| p.binary_op(BinaryOp::Sub, q);
    let mul = |p: &Value, q: &Value| p.binary_op(BinaryOp::Mul, q);
    let (re, im) = match op {
        BinaryOp::Add => (add(a, c)?, add(b, d)?),
        BinaryOp::Sub => (sub(a, c)?, sub(b, d)?),
        BinaryOp::Mul => {
            let (ac, bd, bc, ad) = (mul(a, c)?, mul(b, d)?, mul(b, c)?, mul(a, d)?);
            (sub(&ac, &bd)?, add(&bc, &ad)?)
        }
        BinaryOp::Quo => {
            let (ac, bd, bc, ad) = (mul(a, c)?, mul(b, d)?, mul(b, c)?, mul(a, d)?);
            let s = add(&mul(c, c)?, &mul(d, d)?)?;
            if s.sign() == 0 {
                return Err(OpError::DivisionByZero);
            }
            let re = add(&ac, &bd)?.binary_op(BinaryOp::Quo, &s)?;
            let im = sub(&bc, &ad)?.binary_op(BinaryOp::Quo, &s)?;
            (re, im)
        }
        _ => return Err(OpError::Mismatch),
    };
    Ok(Value::make_complex(re, im))
}

// ---------------------------------------------------------------------------
// The bounds go/types puts on constant expressions.

/// Untyped integer constants may not grow beyond this many bits
/// (go/types: "constant multiplication overflow", "constant shift overflow").
pub const UNTYPED_INT_PREC: u64 = 512;

impl Value {
    /// Whether an untyped integer result is too large for go/types (more
    /// than [`UNTYPED_INT_PREC`] bits); the checker then reports
    /// `constant <op> overflow` and makes the value unknown.
    pub fn untyped_int_overflows(&self) -> bool {
        self.kind() == Kind::Int && self.bit_len() > UNTYPED_INT_PREC
    }
}

/// Why a constant shift count is refused (go/types' wording in the docs).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum ShiftCountError {
    /// `invalid operation: negative shift count s`
    Negative,
    /// `invalid operation: invalid shift count s`: above [`SHIFT_BOUND`], or
    /// not an integer value.
    Invalid,
}

/// The count of a constant shift `x << y` with constant `x` and `y`, as
/// go/types accepts it: an integer value (`2.0` counts) in
/// `0..=SHIFT_BOUND`. An unknown `y` is for the caller to handle first, and
/// go/types checks an untyped count against `uint` before this (`1 << 2.5`:
/// `2.5 (untyped float constant) truncated to uint`).
pub fn constant_shift_count(y: &Value) -> Result<u64, ShiftCountError> {
    let n = y.to_int();
    if n.kind() == Kind::Int && n.sign() < 0 {
        return Err(ShiftCountError::Negative);
    }
    match n.uint64_val() {
        Some(s) if s <= SHIFT_BOUND => Ok(s),
        _ => Err(ShiftCountError::Invalid),
    }
}
