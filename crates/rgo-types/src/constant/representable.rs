//! Representability of constants in Go's basic types, as go/types checks it
//! for linux/amd64 (`representableConst`): the rounded value or why not.

use super::{Kind, Value};
use num_traits::ToPrimitive;

/// Go's basic types, typed and untyped, as go/types names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum BasicKind {
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }

    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    /// Range of an integer kind on linux/amd64 as (min, max); `None` for
    /// unbounded (untyped) or non-integer kinds.
    fn int_range(self) -> Option<(i128, i128)> {
        use BasicKind::*;
        let bits = |signed: bool, n: u32| -> (i128, i128) {
            if signed {
                (-(1i128 << (n - 1)), (1i128 << (n - 1)) - 1)
            } else {
                (0, (1i128 << n) - 1)
            }
        };
        Some(match self {
            Int8 => bits(true, 8),
            Int16 => bits(true, 16),
            Int32 => bits(true, 32),
            Int | Int64 => bits(true, 64),
            Uint8 => bits(false, 8),
            Uint16 => bits(false, 16),
            Uint32 => bits(false, 32),
            Uint | Uint64 | Uintptr => bits(false, 64),
            _ => return None,
        })
    }
}

/// Why a constant does not fit a type, in go/types' words: a non-integer
/// value for an integer type is "truncated", any other numeric misfit
/// "overflows", and a value of the wrong kind altogether is invalid
/// (`cannot use "hello" (untyped string constant) as int value`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum NotRepresentable {
    Truncated,
    Overflows,
    Invalid,
}

impl NotRepresentable {
    /// The word gc appends in parentheses, if any.
    pub fn word(self) -> Option<&'static str> {
        match self {
            NotRepresentable::Truncated => Some("truncated"),
            NotRepresentable::Overflows => Some("overflows"),
            NotRepresentable::Invalid => None,
        }
    }
}

/// The value `v` takes as a constant of type `kind` on linux/amd64: an
/// integer for integer kinds, a float rounded to `float32`/`float64`, a
/// complex with both parts so rounded; or why it cannot. Unknown values are
/// representable (to avoid follow-up errors), as in go/types.
///
/// go/types chooses "truncated" by the operand's type (not integer) and the
/// target (integer); here the value's kind stands for the operand's type,
/// which agrees for every well-typed constant operand.
pub fn representable(v: &Value, kind: BasicKind) -> Result<Value, NotRepresentable> {
    if v.kind() == Kind::Unknown {
        return Ok(v.clone());
    }
    let fits = if kind.is_integer() {
        representable_int(v, kind)
    } else if kind.is_float() {
        representable_float(v, kind)
    } else if kind.is_complex() {
        representable_complex(v, kind)
    } else {
        let ok = match kind {
            BasicKind::String | BasicKind::UntypedString => v.kind() == Kind::String,
            BasicKind::Bool | BasicKind::UntypedBool => v.kind() == Kind::Bool,
            _ => false,
        };
        ok.then(|| v.clone())
    };
    fits.ok_or_else(|| misfit_reason(v, kind))
}

fn misfit_reason(v: &Value, kind: BasicKind) -> NotRepresentable {
    let numeric = matches!(v.kind(), Kind::Int | Kind::Float | Kind::Complex);
    if !numeric || !kind.is_numeric() {
        NotRepresentable::Invalid
    } else if v.kind() != Kind::Int && kind.is_integer() {
        NotRepresentable::Truncated
    } else {
        NotRepresentable::Overflows
    }
}

fn representable_int(v: &Value, kind: BasicKind) -> Option<Value> {
    let x = v.to_int();
    if x.kind() != Kind::Int {
        return None;
    }
    let Some((min, max)) = kind.int_range() else {
        return Some(x); // untyped: any size
    };
    let n = x.bigint_val()?.to_i128()?;
    (min <= n && n <= max).then_some(x)
}

fn representable_float(v: &Value, kind: BasicKind) -> Option<Value> {
    let x = v.to_float();
    if x.kind() != Kind::Float {
        return None;
    }
    match kind {
        BasicKind::Float32 => round_float32(&x),
        BasicKind::Float64 => round_float64(&x),
        _ => Some(v.clone()),
    }
}

fn representable_complex(v: &Value, kind: BasicKind) -> Option<Value> {
    let x = v.to_complex();
    if x.kind() != Kind::Complex {
        return None;
    }
    let round = match kind {
        BasicKind::Complex64 => round_float32,
        BasicKind::Complex128 => round_float64,
        _ => return Some(v.clone()),
    };
    let re = round(&x.real())?;
    let im = round(&x.imag())?;
    Some(Value::make_complex(re, im))
}

/// The value rounded to `float32`, `None` if that overflows.
fn round_float32(x: &Value) -> Option<Value> {
    let (f, _) = x.float32_val()?;
    f.is_finite().then(|| Value::from_f64(f64::from(f)))
}

/// The value rounded to `float64`, `None` if that overflows.
fn round_float64(x: &Value) -> Option<Value> {
    let (f, _) = x.float64_val()?;
    f.is_finite().then(|| Value::from_f64(f))
}
