//! math: the bodiless functions of package math, over the verified cores
//! in `natives::math`. Floats travel as their f64 bits.

use super::{set, slot, R};
use crate::natives::math as m;
use rgo_runtime::interp::{GState, NativeFn, PanicValue, RuntimeError};

macro_rules! unary {
    ($($go:literal => $name:ident = $f:path;)*) => {
        $(
            // SAFETY: the window has 2 slots (result, argument).
            unsafe fn $name(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let x = f64::from_bits(slot(w, 1));
                    set(w, 0, $f(x).to_bits());
                }
                Ok(())
            }
        )*
        const UNARY: &[(&str, NativeFn, u16)] = &[$(($go, $name, 2),)*];
    };
}

unary! {
    "math.Acos" => acos = m::acos; "math.Acosh" => acosh = m::acosh;
    "math.Asin" => asin = m::asin; "math.Asinh" => asinh = m::asinh;
    "math.Atan" => atan = m::atan; "math.Atanh" => atanh = m::atanh;
    "math.Cbrt" => cbrt = m::cbrt; "math.Cos" => cos = m::cos;
    "math.Cosh" => cosh = m::cosh; "math.Erf" => erf = m::erf;
    "math.Erfc" => erfc = m::erfc; "math.Erfinv" => erfinv = m::erfinv;
    "math.Erfcinv" => erfcinv = m::erfcinv; "math.Exp" => exp = m::exp;
    "math.Exp2" => exp2 = m::exp2; "math.Expm1" => expm1 = m::expm1;
    "math.Gamma" => gamma = m::gamma; "math.J0" => j0 = m::j0;
    "math.J1" => j1 = m::j1; "math.Log" => log = m::log;
    "math.Log10" => log10 = m::log10; "math.Log1p" => log1p = m::log1p;
    "math.Log2" => log2 = m::log2; "math.Logb" => logb = m::logb;
    "math.Sin" => sin = m::sin; "math.Sinh" => sinh = m::sinh;
    "math.Sqrt" => sqrt = m::sqrt; "math.Tan" => tan = m::tan;
    "math.Tanh" => tanh = m::tanh; "math.Y0" => y0 = m::y0;
    "math.Y1" => y1 = m::y1;
}

macro_rules! binary {
    ($($go:literal => $name:ident = $f:path;)*) => {
        $(
            // SAFETY: the window has 3 slots (result, two arguments).
            unsafe fn $name(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let x = f64::from_bits(slot(w, 1));
                    let y = f64::from_bits(slot(w, 2));
                    set(w, 0, $f(x, y).to_bits());
                }
                Ok(())
            }
        )*
        const BINARY: &[(&str, NativeFn, u16)] = &[$(($go, $name, 3),)*];
    };
}

binary! {
    "math.Atan2" => atan2 = m::atan2; "math.Hypot" => hypot = m::hypot;
    "math.Mod" => fmod = m::fmod; "math.Pow" => pow = m::pow;
    "math.Remainder" => remainder = m::remainder;
}

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &concat();

/// `math/bits.panicDivide()`: the run-time error of a division by zero.
///
/// # Safety
/// Touches nothing.
unsafe fn panic_divide(_: &mut GState, _: *mut u64) -> R {
    Err(PanicValue::Runtime(RuntimeError::divide()))
}

/// `math/bits.panicOverflow()`: the run-time error of a quotient that does
/// not fit.
///
/// # Safety
/// Touches nothing.
unsafe fn panic_overflow(_: &mut GState, _: *mut u64) -> R {
    Err(super::fail("runtime error: integer overflow"))
}

const fn concat() -> [(&'static str, NativeFn, u16); UNARY.len() + BINARY.len() + 11] {
    let extra: [(&str, NativeFn, u16); 11] = [
        ("math.FMA", fma, 4),
        ("math.Frexp", frexp, 3),
        ("math.Ilogb", ilogb, 2),
        ("math.Jn", jn, 3),
        ("math.Yn", yn, 3),
        ("math.Ldexp", ldexp, 3),
        ("math.Lgamma", lgamma, 3),
        ("math.Pow10", pow10, 2),
        ("math.Sincos", sincos, 3),
        ("math/bits.panicDivide", panic_divide, 0),
        ("math/bits.panicOverflow", panic_overflow, 0),
    ];
    let mut out = [extra[0]; UNARY.len() + BINARY.len() + 11];
    let mut i = 0;
    while i < UNARY.len() {
        out[i] = UNARY[i];
        i += 1;
    }
    let mut j = 0;
    while j < BINARY.len() {
        out[i + j] = BINARY[j];
        j += 1;
    }
    let mut k = 0;
    while k < extra.len() {
        out[i + j + k] = extra[k];
        k += 1;
    }
    out
}

fn f(w: *mut u64, i: usize) -> f64 {
    // SAFETY: callers pass indices inside their declared window.
    f64::from_bits(unsafe { slot(w, i) })
}

// SAFETY (all below): the window has the declared slots.
unsafe fn fma(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, m::fma(f(w, 1), f(w, 2), f(w, 3)).to_bits()) };
    Ok(())
}
unsafe fn frexp(_: &mut GState, w: *mut u64) -> R {
    let (fr, e) = m::frexp(f(w, 2));
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        set(w, 0, fr.to_bits());
        set(w, 1, e as u64);
    }
    Ok(())
}
unsafe fn ilogb(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, m::ilogb(f(w, 1)) as u64) };
    Ok(())
}
unsafe fn jn(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, m::jn(slot(w, 1) as i64, f(w, 2)).to_bits()) };
    Ok(())
}
unsafe fn yn(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, m::yn(slot(w, 1) as i64, f(w, 2)).to_bits()) };
    Ok(())
}
unsafe fn ldexp(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, m::ldexp(f(w, 1), slot(w, 2) as i64).to_bits()) };
    Ok(())
}
unsafe fn lgamma(_: &mut GState, w: *mut u64) -> R {
    let (l, s) = m::lgamma(f(w, 2));
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        set(w, 0, l.to_bits());
        set(w, 1, s as u64);
    }
    Ok(())
}
unsafe fn pow10(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, m::pow10(slot(w, 1) as i64).to_bits()) };
    Ok(())
}
unsafe fn sincos(_: &mut GState, w: *mut u64) -> R {
    let (s, c) = m::sincos(f(w, 2));
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        set(w, 0, s.to_bits());
        set(w, 1, c.to_bits());
    }
    Ok(())
}
