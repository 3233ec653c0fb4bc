//! Glue: the Rust `NativeFn` wrappers the VM calls for the bodiless
//! functions of rgo-std's Go packages, registered by qualified name
//! (`internal/bytealg.IndexByte`, `os.sysWrite`, `(*T).M` for methods,
//! the spelling of tools/natives.txt). Each wrapper reads its arguments
//! from, and writes its results to, the `[results][arguments]` window of
//! `CallNative` (one 8-byte slot per word, Go's memory layout: a string is
//! `{ptr, len}`, a slice `{ptr, len, cap}`, an interface `{type, data}`).
//!
//! Invariants: wrappers never keep pointers into the window; every string
//! or slice they build points at `mallocgc` memory (or is empty); errors
//! travel as Go values or `PanicValue`s, never Rust panics.

mod big;
mod bytealg;
mod crypto;
mod fmt;
mod fs;
mod math;
pub mod os;
mod process;
pub mod reflect;
mod regexp;
mod runtime;
pub mod sort;
mod strconv;
mod sync;
mod time;

use rgo_runtime::interp::{GState, NativeFn, PanicValue, RuntimeError};
use rgo_runtime::malloc::mallocgc;
use rgo_runtime::symtab::Native;

type R = Result<(), PanicValue>;

/// Every glue table: (qualified name, wrapper, window slots).
fn tables() -> [&'static [(&'static str, NativeFn, u16)]; 15] {
    [
        big::NATIVES,
        bytealg::NATIVES,
        math::NATIVES,
        os::NATIVES,
        strconv::NATIVES,
        fmt::NATIVES,
        sync::NATIVES,
        sort::NATIVES,
        fs::NATIVES,
        reflect::NATIVES,
        regexp::NATIVES,
        crypto::NATIVES,
        process::NATIVES,
        time::NATIVES,
        runtime::NATIVES,
    ]
}

pub use fmt::set_method_ifaces as set_fmt_method_ifaces;
pub use fmt::set_state_types as set_fmt_state_types;

/// Looks a std native up by its qualified name.
pub fn lookup(name: &str) -> Option<Native> {
    tables()
        .iter()
        .flat_map(|t| t.iter())
        .find(|(n, _, _)| *n == name)
        .map(|&(name, f, slots)| Native { name, f, slots })
}

/// A Go runtime panic (or fatal error) with text `msg`.
fn fail(msg: impl Into<String>) -> PanicValue {
    PanicValue::Runtime(RuntimeError::new(msg))
}

/// A native that does nothing (no-op hooks of a single-threaded VM).
///
/// # Safety
/// Touches nothing.
unsafe fn nothing(_: &mut GState, _: *mut u64) -> R {
    Ok(())
}

/// The window as a slot array.
///
/// # Safety
/// `w` must point at `i + 1` readable slots.
unsafe fn slot(w: *mut u64, i: usize) -> u64 {
    // SAFETY: caller's contract.
    unsafe { *w.add(i) }
}

/// # Safety
/// `w` must point at `i + 1` writable slots.
unsafe fn set(w: *mut u64, i: usize, v: u64) {
    // SAFETY: caller's contract.
    unsafe { *w.add(i) = v }
}

/// The bytes of the string or slice whose header starts at slot `i`.
///
/// # Safety
/// The header must describe readable Go memory.
unsafe fn bytes<'a>(w: *mut u64, i: usize) -> &'a [u8] {
    // SAFETY: caller's contract.
    unsafe {
        let (p, n) = (slot(w, i), slot(w, i + 1));
        if n == 0 || p == 0 {
            return &[];
        }
        std::slice::from_raw_parts(p as *const u8, n as usize)
    }
}

/// The calling thread's errno after a failed system call (EIO if the OS
/// gave none).
fn errno() -> u64 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO) as u64
}

/// A raw call's errno result: 0 on success (`r >= 0`), else errno.
fn status(r: i64) -> u64 {
    if r < 0 {
        errno()
    } else {
        0
    }
}

/// The Go string at slot `i` as a C string (`None` with a NUL inside).
///
/// # Safety
/// Slots `i, i+1` hold a string.
unsafe fn cstr(w: *mut u64, i: usize) -> Option<std::ffi::CString> {
    // SAFETY: caller's contract.
    std::ffi::CString::new(unsafe { bytes(w, i) }.to_vec()).ok()
}

/// `sysKill(pid, sig int) errno`, for both os and syscall: window
/// `[errno][pid][sig]`.
///
/// # Safety
/// The window has 3 slots.
unsafe fn sys_kill(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; kill(2) takes plain integers.
    unsafe {
        let r = libc::kill(
            slot(w, 1) as i64 as libc::pid_t,
            slot(w, 2) as i64 as libc::c_int,
        );
        set(w, 0, status(r as i64));
    }
    Ok(())
}

/// Copies `b` to fresh pointer-free Go memory; returns its address.
fn go_bytes(b: &[u8], cap: usize) -> u64 {
    if cap == b.len() {
        let p = rgo_runtime::natives::alloc_bytes(cap);
        // SAFETY: p has cap == b.len() bytes (or is zerobase when empty).
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len()) };
        return p as u64;
    }
    // A tail past the copied bytes must read as zero: ask mallocgc for
    // zeroed pointer-free memory. SAFETY: a null type asks for
    // pointer-free memory of `cap` bytes, and `b.len() < cap`.
    unsafe {
        let p = mallocgc(cap, std::ptr::null(), true);
        std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
        p as u64
    }
}

/// Writes a new string holding `b` at slots `i..i+2`.
///
/// # Safety
/// Two writable slots at `i`.
unsafe fn put_string(w: *mut u64, i: usize, b: &[u8]) {
    // SAFETY: caller's contract: two writable slots at `i`.
    unsafe { rgo_runtime::natives::put_string(w.add(i), b) }
}

/// Writes a new `[]string` of `items` at slots `i..i+3`.
///
/// # Safety
/// Three writable slots at `i`.
unsafe fn put_strings<S: AsRef<[u8]>>(w: *mut u64, i: usize, items: &[S]) {
    let n = items.len();
    // SAFETY: a []string backing array (typed, so the GC scans its
    // headers) with room for n headers; caller's contract for w.
    unsafe {
        let arr = if n == 0 {
            rgo_runtime::malloc::zerobase()
        } else {
            rgo_runtime::malloc::mallocgc(16 * n, &rgo_runtime::typedesc::STRING_TYPE, true)
        } as *mut u64;
        for (k, s) in items.iter().enumerate() {
            put_string(arr, 2 * k, s.as_ref());
        }
        set(w, i, arr as u64);
        set(w, i + 1, n as u64);
        set(w, i + 2, n as u64);
    }
}

/// How an append that does not fit grows the slice's capacity.
#[derive(Clone, Copy)]
pub(super) enum Growth {
    /// As one Go `append(dst, more...)` would.
    Once,
    /// As the sequence of small appends of Go code that builds its output
    /// piece by piece would (growslice's steps, one after another).
    Stepwise,
}

/// Appends `extra` to the `[]byte` whose header is at slot `from` and
/// writes the result's header at slot `to`: in place when it fits (the
/// result shares the array, as Go's appends), else in a new array grown
/// as `growth` says.
///
/// # Safety
/// Slots `from..from+3` hold a valid `[]byte`; `to..to+3` are writable.
unsafe fn append_bytes(w: *mut u64, to: usize, from: usize, extra: &[u8], growth: Growth) {
    use rgo_runtime::natives::nextslicecap;
    use rgo_runtime::sizeclasses::roundupsize;
    // SAFETY: caller's contract: the header at `from` is a valid slice.
    unsafe {
        let (p, len, cap) = (
            slot(w, from) as *mut u8,
            slot(w, from + 1) as usize,
            slot(w, from + 2) as usize,
        );
        let new_len = len + extra.len();
        let (dst, new_cap) = if new_len <= cap {
            (p, cap)
        } else {
            let c = match growth {
                Growth::Once => roundupsize(nextslicecap(new_len, cap), true),
                Growth::Stepwise => {
                    let mut c = cap;
                    while c < new_len {
                        c = roundupsize(nextslicecap(c + 1, c), true);
                    }
                    c
                }
            };
            let q = mallocgc(c, std::ptr::null(), true);
            if len > 0 {
                std::ptr::copy_nonoverlapping(p, q, len);
            }
            (q, c)
        };
        if !extra.is_empty() {
            std::ptr::copy_nonoverlapping(extra.as_ptr(), dst.add(len), extra.len());
        }
        set(w, to, dst as u64);
        set(w, to + 1, new_len as u64);
        set(w, to + 2, new_cap as u64);
    }
}

/// Writes a new `[]byte` holding `b` at slots `i..i+3`.
///
/// # Safety
/// Three writable slots at `i`.
unsafe fn put_slice(w: *mut u64, i: usize, b: &[u8]) {
    let cap = rgo_runtime::sizeclasses::roundupsize(b.len(), true);
    // SAFETY: caller's contract.
    unsafe {
        set(w, i, go_bytes(b, cap));
        set(w, i + 1, b.len() as u64);
        set(w, i + 2, cap as u64);
    }
}
