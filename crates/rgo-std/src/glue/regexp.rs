//! regexp: compiling (Go's syntax and error messages, see
//! `natives::regexp`) and the one search primitive the Go code of the
//! package builds every method on.

use super::{bytes, fail, put_string, set, slot, R};
use crate::natives::regexp as rx;
use rgo_runtime::interp::{GState, NativeFn};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("regexp.compile", compile, 13),
    ("regexp.execString", exec_string, 9),
    ("regexp.execBytes", exec_bytes, 10),
];

/// `compile(expr string, posix bool) (prog uintptr, names, prefix string,
/// complete bool, code, errExpr string)`: window `[prog][names 2]
/// [prefix 2][complete][code 2][errExpr 2][expr 2][posix]`. `names` are
/// the subexpression names, each followed by a NUL.
///
/// # Safety
/// The window has 13 slots.
unsafe fn compile(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // this function's `# Safety` contract states.
    unsafe {
        let expr = bytes(w, 10);
        let posix = slot(w, 12) != 0;
        match rx::compile(expr, posix) {
            Ok(p) => {
                let mut names = Vec::new();
                for n in &p.names {
                    names.extend_from_slice(n.as_bytes());
                    names.push(0);
                }
                put_string(w, 1, &names);
                put_string(w, 3, p.prefix.as_bytes());
                set(w, 5, u64::from(p.complete));
                put_string(w, 6, b"");
                put_string(w, 8, b"");
                set(w, 0, rx::register(p));
            }
            Err(e) => {
                set(w, 0, 0);
                put_string(w, 1, b"");
                put_string(w, 3, b"");
                set(w, 5, 0);
                put_string(w, 6, e.code.as_bytes());
                put_string(w, 8, &e.expr);
            }
        }
    }
    Ok(())
}

/// The shared half of the exec natives: `h` searched from `pos`, results
/// into the `[]int` whose header is at slot `dst`.
///
/// # Safety
/// Slots `dst..dst+3` hold a `[]int` header describing writable Go memory.
unsafe fn exec(w: *mut u64, prog: u64, h: &[u8], pos: u64, longest: bool, dst: usize) -> R {
    let Some(p) = rx::lookup(prog) else {
        return Err(fail("invalid memory address or nil pointer dereference"));
    };
    // SAFETY: the caller's contract: the slice header is valid.
    let out: &mut [i64] = unsafe {
        let (ptr, n) = (slot(w, dst), slot(w, dst + 1) as usize);
        if ptr == 0 || n == 0 {
            &mut []
        } else {
            std::slice::from_raw_parts_mut(ptr as *mut i64, n)
        }
    };
    let hit = usize::try_from(pos).is_ok_and(|pos| p.exec(h, pos, longest, out));
    // SAFETY: slot 0 is the result slot of both exec natives.
    unsafe { set(w, 0, u64::from(hit)) };
    Ok(())
}

/// `execString(prog uintptr, s string, pos int, longest bool, dst []int)
/// bool`: window `[res][prog][s 2][pos][longest][dst 3]`.
///
/// # Safety
/// The window has 9 slots.
unsafe fn exec_string(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // this function's `# Safety` contract states.
    unsafe { exec(w, slot(w, 1), bytes(w, 2), slot(w, 4), slot(w, 5) != 0, 6) }
}

/// `execBytes(prog uintptr, b []byte, pos int, longest bool, dst []int)
/// bool`: window `[res][prog][b 3][pos][longest][dst 3]`.
///
/// # Safety
/// The window has 10 slots.
unsafe fn exec_bytes(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // this function's `# Safety` contract states.
    unsafe { exec(w, slot(w, 1), bytes(w, 2), slot(w, 5), slot(w, 6) != 0, 7) }
}
