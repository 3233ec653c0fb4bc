//! strconv: the float formatting and parsing cores (verified bit-exact
//! against Go in `natives::strconv`).

use super::{append_bytes, bytes, set, slot, Growth, R};
use crate::natives::strconv as sc;
use rgo_runtime::interp::{GState, NativeFn};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("strconv.appendFloatCore", append_float_core, 10),
    ("strconv.atofCore", atof_core, 6),
];

/// `appendFloatCore(dst []byte, f float64, fmt byte, prec, bitSize int) []byte`:
/// window `[res 3][dst 3][f][fmt][prec][bitSize]`; appends in place when
/// `dst` has room.
///
/// # Safety
/// The window has 10 slots.
unsafe fn append_float_core(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let mut out = Vec::new();
        let f = f64::from_bits(slot(w, 6));
        let fmt = slot(w, 7) as u8;
        let prec = slot(w, 8) as i64 as i32;
        let bits = slot(w, 9) as u32;
        sc::append_float(&mut out, f, fmt, prec, bits);
        append_bytes(w, 0, 3, &out, Growth::Once);
    }
    Ok(())
}

/// `atofCore(s string, bitSize int) (f float64, n int, status int)`:
/// window `[f][n][status][s 2][bitSize]`.
///
/// # Safety
/// The window has 6 slots.
unsafe fn atof_core(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let (f, n, st) = sc::atof_core(bytes(w, 3), slot(w, 5) as u32);
        set(w, 0, f.to_bits());
        set(w, 1, n as u64);
        set(w, 2, st as u64);
    }
    Ok(())
}
