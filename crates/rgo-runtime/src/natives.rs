//! Runtime helpers called by compiled code through `CallNative` (Go's
//! string.go, slice.go, map.go entry points, error.go's bounds messages),
//! and the registry the compiler binds names against.
//!
//! Calling convention: a native's window is `[results][arguments]`, one
//! 8-byte slot per word, exactly like a Go callee's frame; map natives take
//! the key last, in as many slots as it needs (the `CallNative` instruction
//! says how wide its window is). A helper never keeps a pointer into the
//! window after it returns.
//!
//! Invariants: every string or slice a helper builds points at memory from
//! `mallocgc` (or static data, or `zerobase` when empty); a helper that
//! fails returns the Go panic value with Go's exact text and writes no
//! results.

use crate::interp::{GState, NativeFn, PanicValue, RuntimeError};
use crate::malloc::{mallocgc, zerobase};
use crate::map::{self, HIter, HMap, MapError};
use crate::sizeclasses::roundupsize;
use crate::symtab::Native;
use crate::typedesc::{GoStr, Kind, MapType, Type};

/// Largest allocation Go accepts (`maxAlloc` on linux/amd64: 1<<48).
const MAX_ALLOC: u64 = 1 << 48;

pub(crate) type R = Result<(), PanicValue>;

fn rt(msg: impl Into<String>) -> PanicValue {
    PanicValue::Runtime(RuntimeError::new(msg))
}

pub(crate) fn map_err(e: MapError) -> PanicValue {
    rt(e.message())
}

/// The natives, by the name the compiler binds.
const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("runtime.concatstring2", concatstring2, 6),
    ("runtime.slicebytetostring", slicebytetostring, 5),
    ("runtime.stringtoslicebyte", stringtoslicebyte, 5),
    ("runtime.stringtoslicerune", stringtoslicerune, 5),
    ("runtime.slicerunetostring", slicerunetostring, 5),
    ("runtime.intstring", intstring, 3),
    ("runtime.decoderune", decoderune, 5),
    ("runtime.makeslice", makeslice, 6),
    ("runtime.growslice", growslice, 8),
    ("runtime.slicecopy", slicecopy, 8),
    ("runtime.slicecheck", slicecheck, 5),
    ("runtime.panicIndexU", panic_index_u, 2),
    ("runtime.makemap", makemap, 3),
    ("runtime.mapaccess1", mapaccess1, 3),
    ("runtime.mapaccess2", mapaccess2, 4),
    ("runtime.mapassign", mapassign, 3),
    ("runtime.mapdelete", mapdelete, 2),
    ("runtime.mapdelete_fast32", mapdelete_fast32, 2),
    ("runtime.mapdelete_fast64", mapdelete_fast64, 2),
    ("runtime.mapdelete_faststr", mapdelete_faststr, 3),
    ("runtime.maplen", maplen, 2),
    ("runtime.mapclear", mapclear, 2),
    ("runtime.mapiterinit", mapiterinit, 3),
    ("runtime.mapiternext", mapiternext, 1),
    ("runtime.ifaceeq", ifaceeq, 6),
    ("runtime.assertE2I", assert_e2i, 4),
    ("runtime.panicdottype", panicdottype, 3),
    (
        "(*runtime.TypeAssertionError).Error",
        type_assertion_error,
        3,
    ),
    ("runtime.panicSliceConvert", panic_slice_convert, 2),
    ("runtime.panicrangestate", panicrangestate, 1),
    ("runtime.unimplemented", unimplemented, 2),
    // A value method called through a nil pointer: the text is the panic.
    ("runtime.panicwrap", unimplemented, 2),
    ("runtime.complex128div", complex128div, 6),
    ("runtime.sliceclear", sliceclear, 3),
    ("runtime.unsafeslice", unsafeslice, 4),
    ("math/rand.runtime_rand", runtime_rand, 1),
    ("math/rand/v2.runtime_rand", runtime_rand, 1),
    ("runtime/debug.SetGCPercent", set_gc_percent, 2),
    ("runtime/debug.SetMemoryLimit", set_memory_limit, 2),
    ("runtime/debug.SetMaxStack", set_max_stack, 2),
    ("runtime/debug.FreeOSMemory", free_os_memory, 1),
    ("runtime/debug.SetMaxThreads", set_max_threads, 2),
];

/// `runtime.rand() uint64` as math/rand and math/rand/v2 link it: the
/// per-thread randomly seeded generator (alg.rs).
unsafe fn runtime_rand(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 1 slot.
    unsafe { *w = crate::alg::fastrand64() };
    Ok(())
}

// ---------------------------------------------------------------------
// runtime/debug's settings (Go's mgcpacer.go, rdebug.go). There is no
// collector yet: the GC percentage and the memory limit are recorded and
// reported back as Go does (defaults from GOGC and GOMEMLIMIT); the stack
// limit takes effect (interp.rs).

/// `gcPercent`; i64::MIN until GOGC has been read.
static GC_PERCENT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(i64::MIN);
/// `memoryLimit`; i64::MIN until GOMEMLIMIT has been read.
static MEMORY_LIMIT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(i64::MIN);

/// Go's `readGOGC`: `off` is -1, a number is itself, anything else 100.
fn read_gogc() -> i64 {
    match std::env::var("GOGC").as_deref() {
        Ok("off") => -1,
        Ok(v) => v.parse::<i32>().map_or(100, i64::from),
        Err(_) => 100,
    }
}

/// A byte count as GOMEMLIMIT spells it: digits, optionally followed by
/// `B` or by `KiB`, `MiB`, `GiB`, `TiB`; None when malformed or too big.
fn parse_byte_count(s: &str) -> Option<i64> {
    let (digits, unit): (&str, u32) = if let Some(d) = s.strip_suffix("iB") {
        let (d, p) = d.split_at(d.len().checked_sub(1)?);
        let power = match p {
            "K" => 1,
            "M" => 2,
            "G" => 3,
            "T" => 4,
            _ => return None,
        };
        (d, power)
    } else {
        (s.strip_suffix('B').unwrap_or(s), 0)
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    let n = n.checked_mul(1u64 << (10 * unit))?;
    i64::try_from(n).ok()
}

/// Go's `readGOMEMLIMIT`: unset or `off` is no limit (MaxInt64).
fn read_gomemlimit() -> i64 {
    match std::env::var("GOMEMLIMIT") {
        Err(_) => i64::MAX,
        Ok(v) if v.is_empty() || v == "off" => i64::MAX,
        Ok(v) => parse_byte_count(&v).unwrap_or_else(|| {
            eprintln!("GOMEMLIMIT={}", v);
            crate::panic::throw("malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`")
        }),
    }
}

/// GOGC's percentage (-1: off), as `debug.SetGCPercent` last set it.
pub(crate) fn gc_percent() -> i64 {
    swap_setting(&GC_PERCENT, read_gogc, None)
}

/// GOMEMLIMIT in bytes, as `debug.SetMemoryLimit` last set it.
pub(crate) fn memory_limit() -> i64 {
    swap_setting(&MEMORY_LIMIT, read_gomemlimit, None)
}

/// Swaps `new` into a lazily initialized setting; returns the old value.
fn swap_setting(cell: &std::sync::atomic::AtomicI64, init: fn() -> i64, new: Option<i64>) -> i64 {
    use std::sync::atomic::Ordering;
    let _ = cell.compare_exchange(i64::MIN, init(), Ordering::AcqRel, Ordering::Acquire);
    match new {
        Some(v) => cell.swap(v, Ordering::AcqRel),
        None => cell.load(Ordering::Acquire),
    }
}

/// `SetGCPercent(percent int) int`: [old][percent]; negative means off (-1).
unsafe fn set_gc_percent(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    unsafe {
        // Go keeps the setting as an int32.
        let p = (*w.add(1) as i64 as i32).max(-1);
        *w = swap_setting(&GC_PERCENT, read_gogc, Some(p as i64)) as u64;
    }
    crate::mgc::commit();
    Ok(())
}

/// `SetMemoryLimit(limit int64) int64`: [old][limit]; negative only reads.
unsafe fn set_memory_limit(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    unsafe {
        let l = *w.add(1) as i64;
        *w = swap_setting(&MEMORY_LIMIT, read_gomemlimit, (l >= 0).then_some(l)) as u64;
    }
    crate::mgc::commit();
    Ok(())
}

/// `SetMaxStack(bytes int) int`: [old][bytes].
unsafe fn set_max_stack(_: &mut GState, w: *mut u64) -> R {
    use std::sync::atomic::Ordering;
    // SAFETY: window of 2 slots.
    unsafe {
        let b = *w.add(1) as usize;
        *w = crate::interp::MAX_STACK_BYTES.swap(b, Ordering::Relaxed) as u64;
    }
    Ok(())
}

/// `sched.maxmcount`, Go's default 10000. Recorded only: rgo's thread
/// count is bounded by GOMAXPROCS plus blocked syscalls, and the limit is
/// not enforced yet.
static MAX_THREADS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(10000);

/// `SetMaxThreads(threads int) int`: [old][threads] (capped at MaxInt32).
unsafe fn set_max_threads(_: &mut GState, w: *mut u64) -> R {
    use std::sync::atomic::Ordering;
    // SAFETY: window of 2 slots.
    unsafe {
        let t = (*w.add(1) as i64).min(i32::MAX as i64);
        *w = MAX_THREADS.swap(t, Ordering::Relaxed) as u64;
    }
    Ok(())
}

/// `FreeOSMemory()`: returns the heap's free pages to the OS (there is
/// no collection to run first yet).
unsafe fn free_os_memory(_: &mut GState, _: *mut u64) -> R {
    crate::mheap::MHEAP.scavenge_all();
    Ok(())
}

/// `unimplemented(why string)`: the body of a std function rgo cannot
/// compile or whose native it lacks, reached through a method table; also
/// `panicwrap(text string)`: a value method called through a nil pointer.
///
/// # Safety
/// The window has 2 slots holding a string.
unsafe fn unimplemented(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller's contract.
    let b = unsafe { bytes(*w, *w.add(1)) };
    Err(rt(String::from_utf8_lossy(b).into_owned()))
}

/// Looks a native up by name.
pub fn lookup(name: &str) -> Option<Native> {
    [
        NATIVES,
        crate::chan::NATIVES,
        crate::select::NATIVES,
        crate::proc::NATIVES,
        crate::sema::NATIVES,
        crate::time::NATIVES,
        crate::mstats::NATIVES,
        crate::mgc::NATIVES,
        crate::mfinal::NATIVES,
        crate::traceback::NATIVES,
    ]
    .iter()
    .flat_map(|t| t.iter())
    .find(|(n, _, _)| *n == name)
    .map(|&(name, f, slots)| Native { name, f, slots })
}

/// Allocates `n` bytes of pointer-free memory (zerobase when empty).
pub fn alloc_bytes(n: usize) -> *mut u8 {
    if n == 0 {
        return zerobase();
    }
    // SAFETY: a null type asks for pointer-free memory.
    unsafe { mallocgc(n, std::ptr::null(), false) }
}

/// # Safety
/// `p..p+n` must be readable.
pub unsafe fn bytes<'a>(p: u64, n: u64) -> &'a [u8] {
    if n == 0 {
        return &[];
    }
    // SAFETY: caller's contract.
    unsafe { std::slice::from_raw_parts(p as *const u8, n as usize) }
}

/// Writes a new string holding `b` to `w[0..2]`.
///
/// # Safety
/// `w` must have two writable slots.
pub unsafe fn put_string(w: *mut u64, b: &[u8]) {
    let p = alloc_bytes(b.len());
    // SAFETY: p has b.len() bytes; w has two slots (caller).
    unsafe {
        std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
        *w = p as u64;
        *w.add(1) = b.len() as u64;
    }
}

/// `a + b`: res str | a str, b str.
unsafe fn concatstring2(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 6 slots holding two string headers.
    unsafe {
        let (a, b) = (bytes(*w.add(2), *w.add(3)), bytes(*w.add(4), *w.add(5)));
        if a.is_empty() {
            *w = *w.add(4);
            *w.add(1) = *w.add(5);
            return Ok(());
        }
        if b.is_empty() {
            *w = *w.add(2);
            *w.add(1) = *w.add(3);
            return Ok(());
        }
        let mut v = Vec::with_capacity(a.len() + b.len());
        v.extend_from_slice(a);
        v.extend_from_slice(b);
        put_string(w, &v);
    }
    Ok(())
}

/// `string(b)`: res str | b []byte.
/// A one-byte string is a slice of [`BYTE_STRINGS`] and allocates
/// nothing, as Go's (which points into `staticuint64s`).
unsafe fn slicebytetostring(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots; the slice header is valid.
    unsafe {
        let b = bytes(*w.add(2), *w.add(3));
        if let [c] = *b {
            *w = BYTE_STRINGS.as_ptr().add(c as usize) as u64;
            *w.add(1) = 1;
            return Ok(());
        }
        let b = b.to_vec();
        put_string(w, &b);
    }
    Ok(())
}

/// Every byte value, for one-byte strings.
static BYTE_STRINGS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i as u8;
        i += 1;
    }
    t
};

/// `[]byte(s)`: res []byte | s str.
unsafe fn stringtoslicebyte(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots; the string header is valid.
    unsafe {
        let s = bytes(*w.add(3), *w.add(4));
        let cap = roundupsize(s.len(), true);
        let p = if s.is_empty() {
            zerobase()
        } else {
            mallocgc(cap, std::ptr::null(), true)
        };
        std::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
        *w = p as u64;
        *w.add(1) = s.len() as u64;
        *w.add(2) = if s.is_empty() { 0 } else { cap as u64 };
    }
    Ok(())
}

/// Decodes one rune as Go's `for range` and `[]rune(s)` do: invalid UTF-8
/// yields U+FFFD and advances one byte.
fn decode(s: &[u8], i: usize) -> (u32, usize) {
    let b0 = s[i];
    if b0 < 0x80 {
        return (b0 as u32, i + 1);
    }
    let n = if b0 & 0xE0 == 0xC0 {
        2
    } else if b0 & 0xF0 == 0xE0 {
        3
    } else if b0 & 0xF8 == 0xF0 {
        4
    } else {
        return (0xFFFD, i + 1);
    };
    if i + n > s.len() {
        return (0xFFFD, i + 1);
    }
    match std::str::from_utf8(&s[i..i + n]) {
        Ok(t) => (t.chars().next().map(|c| c as u32).unwrap_or(0xFFFD), i + n),
        Err(_) => (0xFFFD, i + 1),
    }
}

/// `[]rune(s)`: res []rune | s str.
unsafe fn stringtoslicerune(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots; the string header is valid.
    unsafe {
        let s = bytes(*w.add(3), *w.add(4));
        let mut rs = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let (r, n) = decode(s, i);
            rs.push(r);
            i = n;
        }
        let size = rs.len() * 4;
        let cap = roundupsize(size, true);
        let p = if size == 0 {
            zerobase()
        } else {
            mallocgc(cap, std::ptr::null(), true)
        };
        std::ptr::copy_nonoverlapping(rs.as_ptr() as *const u8, p, size);
        *w = p as u64;
        *w.add(1) = rs.len() as u64;
        *w.add(2) = if size == 0 { 0 } else { (cap / 4) as u64 };
    }
    Ok(())
}

fn encode_rune(r: i64, out: &mut Vec<u8>) {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// `string(runes)`: res str | r []rune.
unsafe fn slicerunetostring(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots; the slice header is valid.
    unsafe {
        let (p, n) = (*w.add(2) as *const i32, *w.add(3) as usize);
        let mut out = Vec::new();
        for i in 0..n {
            encode_rune(*p.add(i) as i64, &mut out);
        }
        put_string(w, &out);
    }
    Ok(())
}

/// `string(r)` for an integer r: res str | r.
unsafe fn intstring(_: &mut GState, w: *mut u64) -> R {
    let mut out = Vec::new();
    // SAFETY: window of 3 slots.
    unsafe {
        encode_rune(*w.add(2) as i64, &mut out);
        put_string(w, &out);
    }
    Ok(())
}

/// One step of `for i, r := range s`: res r, next | s str, i.
unsafe fn decoderune(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots; i < len(s) (the loop checked it).
    unsafe {
        let s = bytes(*w.add(2), *w.add(3));
        let (r, n) = decode(s, *w.add(4) as usize);
        *w = r as u64;
        *w.add(1) = n as u64;
    }
    Ok(())
}

/// `make([]T, len, cap)`: res []T | elem type, len, cap.
unsafe fn makeslice(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 6 slots; the type word is a descriptor.
    unsafe {
        let et = *w.add(3) as *const Type;
        let (len, cap) = (*w.add(4) as i64, *w.add(5) as i64);
        let size = (*et).size as u64;
        let too_big = |n: i64| n < 0 || (size != 0 && n as u64 > MAX_ALLOC / size);
        if too_big(len) {
            return Err(rt("runtime error: makeslice: len out of range"));
        }
        if too_big(cap) || cap < len {
            return Err(rt("runtime error: makeslice: cap out of range"));
        }
        let p = mallocgc(size as usize * cap as usize, et, true);
        *w = p as u64;
        *w.add(1) = len as u64;
        *w.add(2) = cap as u64;
    }
    Ok(())
}

/// Go's `nextslicecap`: the capacity growslice picks before rounding.
pub fn nextslicecap(new_len: usize, old_cap: usize) -> usize {
    let mut newcap = old_cap;
    let doublecap = newcap + newcap;
    if new_len > doublecap {
        return new_len;
    }
    const THRESHOLD: usize = 256;
    if old_cap < THRESHOLD {
        return doublecap;
    }
    loop {
        newcap += (newcap + 3 * THRESHOLD) >> 2;
        if newcap >= new_len {
            break;
        }
    }
    newcap
}

/// `append` growth: res []T | old []T, elem type, num.
/// The result has length `len(old) + num`; the caller stores the new
/// elements.
unsafe fn growslice(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 8 slots; the slice header and type are valid.
    unsafe {
        let (old, old_len, old_cap) = (
            *w.add(3) as *const u8,
            *w.add(4) as usize,
            *w.add(5) as usize,
        );
        let et = *w.add(6) as *const Type;
        let num = *w.add(7) as usize;
        let new_len = old_len.wrapping_add(num);
        // Lengths are Go ints: a sum past MaxInt is negative.
        if (new_len as i64) < 0 {
            return Err(rt("runtime error: growslice: len out of range"));
        }
        if new_len <= old_cap {
            *w = old as u64;
            *w.add(1) = new_len as u64;
            *w.add(2) = old_cap as u64;
            return Ok(());
        }
        let size = (*et).size;
        if size == 0 {
            *w = zerobase() as u64;
            *w.add(1) = new_len as u64;
            *w.add(2) = new_len as u64;
            return Ok(());
        }
        let newcap = nextslicecap(new_len, old_cap);
        if newcap as u64 > MAX_ALLOC / size as u64 {
            return Err(rt("runtime error: growslice: len out of range"));
        }
        let noscan = !(*et).has_pointers();
        let capmem = roundupsize(newcap * size, noscan);
        let newcap = capmem / size;
        let p = mallocgc(capmem, et, true);
        std::ptr::copy_nonoverlapping(old, p, old_len * size);
        *w = p as u64;
        *w.add(1) = new_len as u64;
        *w.add(2) = newcap as u64;
    }
    Ok(())
}

/// `copy(dst, src)`: res n | dst ptr,len,cap, src ptr,len, elem size.
/// (A string source passes its header as ptr,len.)
unsafe fn slicecopy(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 8 slots; both headers are valid.
    unsafe {
        let (d, dl) = (*w.add(1) as *mut u8, *w.add(2) as usize);
        let (s, sl) = (*w.add(4) as *const u8, *w.add(5) as usize);
        let size = *w.add(7) as usize;
        let n = dl.min(sl);
        if n > 0 && size > 0 {
            std::ptr::copy(s, d, n * size);
        }
        *w = n as u64;
    }
    Ok(())
}

/// An index of a 64-bit unsigned type out of range: i, len.
unsafe fn panic_index_u(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    let (i, len) = unsafe { (*w, *w.add(1) as i64) };
    Err(rt(format!(
        "runtime error: index out of range [{}] with length {}",
        i, len
    )))
}

/// Bounds of `x[lo:hi]` / `x[lo:hi:max]`: lo, hi, max, cap, mode.
/// mode bit 0: three-index form; bit 1: `cap` is a length (strings,
/// arrays); bits 2, 3, 4: lo, hi, max are of a 64-bit unsigned type
/// (compared and printed unsigned).
unsafe fn slicecheck(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots.
    let (lo, hi, max, cap, mode) =
        unsafe { (*w, *w.add(1), *w.add(2), *w.add(3) as i64, *w.add(4)) };
    let val = |x: u64, bit: u64| -> i128 {
        if mode & bit != 0 {
            x as i128
        } else {
            x as i64 as i128
        }
    };
    let (lo, hi, max, cap) = (val(lo, 4), val(hi, 8), val(max, 16), cap as i128);
    let what = if mode & 2 != 0 { "length" } else { "capacity" };
    let msg = |s: String| {
        Err(rt(format!(
            "runtime error: slice bounds out of range {}",
            s
        )))
    };
    if mode & 1 != 0 {
        if max < 0 {
            return msg(format!("[::{}]", max));
        }
        if max > cap {
            return msg(format!("[::{}] with {} {}", max, what, cap));
        }
        if hi < 0 {
            return msg(format!("[:{}:]", hi));
        }
        if hi > max {
            return msg(format!("[:{}:{}]", hi, max));
        }
        if lo < 0 {
            return msg(format!("[{}::]", lo));
        }
        if lo > hi {
            return msg(format!("[{}:{}:]", lo, hi));
        }
        return Ok(());
    }
    if hi < 0 {
        return msg(format!("[:{}]", hi));
    }
    if hi > cap {
        return msg(format!("[:{}] with {} {}", hi, what, cap));
    }
    if lo < 0 {
        return msg(format!("[{}:]", lo));
    }
    if lo > hi {
        return msg(format!("[{}:{}]", lo, hi));
    }
    Ok(())
}

/// # Safety
/// `p` must be a map type descriptor built by `map::new_map_type`.
unsafe fn mt<'a>(p: u64) -> &'a MapType {
    // SAFETY: caller's contract.
    unsafe { &*(p as *const MapType) }
}

/// `make(map[K]V, hint)`: res h | t, hint.
unsafe fn makemap(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots; slot 1 is a map type.
    unsafe {
        let hint = *w.add(2) as i64;
        if hint < 0 {
            return Err(rt("runtime error: makemap: size out of range"));
        }
        *w = map::makemap(mt(*w.add(1)), hint as isize) as u64;
    }
    Ok(())
}

/// `m[k]`: res elem ptr | t, h, key...
unsafe fn mapaccess1(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window: res, t, h, then the key's slots (compiler's layout).
    unsafe {
        let p = map::mapaccess1(mt(*w.add(1)), *w.add(2) as *mut HMap, w.add(3) as *const u8)
            .map_err(map_err)?;
        *w = p as u64;
    }
    Ok(())
}

/// `v, ok := m[k]`: res elem ptr, ok | t, h, key...
unsafe fn mapaccess2(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as mapaccess1 with two results.
    unsafe {
        let (p, ok) = map::mapaccess2(mt(*w.add(2)), *w.add(3) as *mut HMap, w.add(4) as *const u8)
            .map_err(map_err)?;
        *w = p as u64;
        *w.add(1) = ok as u64;
    }
    Ok(())
}

/// `m[k] = v`: res elem ptr | t, h, key... (the caller stores v there).
unsafe fn mapassign(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as mapaccess1.
    unsafe {
        let p = map::mapassign(mt(*w.add(1)), *w.add(2) as *mut HMap, w.add(3) as *const u8)
            .map_err(map_err)?;
        *w = p as u64;
    }
    Ok(())
}

/// `delete(m, k)`: t, h, key...
unsafe fn mapdelete(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window: t, h, key slots.
    unsafe {
        map::mapdelete(mt(*w), *w.add(1) as *mut HMap, w.add(2) as *const u8).map_err(map_err)
    }
}

// The deletes with fast keys (Go's map_fast32.go, map_fast64.go,
// map_faststr.go), windows as `mapdelete`'s: the compiler picks them for
// the key kinds whose lookups and assignments it compiles to the
// `MapAccess*` / `MapAssign*` instructions. The key is read by value.
macro_rules! fast_map_delete {
    ($del:ident, $read:ident) => {
        /// `delete(m, k)` fast path: t, h, key.
        unsafe fn $del(_: &mut GState, w: *mut u64) -> R {
            // SAFETY: window: t, h, key slots (compiler's layout for a
            // fast key kind, whose map type's hasher is the fast one).
            unsafe { map::$del(mt(*w), *w.add(1) as *mut HMap, $read(w.add(2))) };
            Ok(())
        }
    };
}

fast_map_delete!(mapdelete_fast32, key_u32);
fast_map_delete!(mapdelete_fast64, key_u64);
fast_map_delete!(mapdelete_faststr, key_str);

/// A 4-byte key: the low bytes of its slot.
///
/// # Safety
/// `p` is a key slot of a native's window.
#[inline(always)]
unsafe fn key_u32(p: *mut u64) -> u32 {
    // SAFETY: caller's contract; slots are 8-aligned, little-endian.
    unsafe { *(p as *const u32) }
}

/// An 8-byte key: its slot.
///
/// # Safety
/// As [`key_u32`].
#[inline(always)]
unsafe fn key_u64(p: *mut u64) -> u64 {
    // SAFETY: caller's contract.
    unsafe { *p }
}

/// A string key: {ptr, len} in two slots.
///
/// # Safety
/// `p` is the first of two key slots of a native's window.
#[inline(always)]
unsafe fn key_str(p: *mut u64) -> GoStr {
    // SAFETY: caller's contract; GoStr is two words, repr(C).
    unsafe { *(p as *const GoStr) }
}

/// `len(m)`: res n | h.
unsafe fn maplen(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots; h is null or a live map.
    unsafe { *w = map::maplen(*w.add(1) as *const HMap) as u64 };
    Ok(())
}

/// `clear(m)`: t, h.
unsafe fn mapclear(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    unsafe {
        let h = *w.add(1) as *mut HMap;
        if !h.is_null() {
            map::mapclear(mt(*w), h);
        }
    }
    Ok(())
}

static HITER_MASK: [u8; 1] = [0xff];
static HITER_TYPE: Type = Type::with_pointers(
    std::mem::size_of::<HIter>(),
    Kind::Struct,
    &HITER_MASK,
    "runtime.hiter",
);

/// Starts `for k, v := range m`: res it | t, h. The iterator lives on the
/// heap (nothing points into stacks in v1); `it.key` (word 0) is null at
/// the end and `it.elem` is word 1. reflect's MapRange uses it too.
///
/// # Safety
/// `w` is a 3-slot window holding a map type descriptor and a map of
/// that type (or nil).
pub unsafe fn mapiterinit(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots; the iterator is a fresh zeroed HIter.
    unsafe {
        let it = mallocgc(std::mem::size_of::<HIter>(), &HITER_TYPE, true) as *mut HIter;
        let h = *w.add(2) as *mut HMap;
        if !h.is_null() {
            map::mapiterinit(mt(*w.add(1)), h, it);
        }
        *w = it as u64;
    }
    Ok(())
}

/// Advances the iterator: it.
unsafe fn mapiternext(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the iterator was started by mapiterinit; a nil map's
    // iterator was never started and stays at its end (key null).
    unsafe {
        let it = *w as *mut HIter;
        if !(*it).key.is_null() || map_started(it) {
            map::mapiternext(it);
        }
    }
    Ok(())
}

/// Whether the iterator was started on a map (its word 3, `h`, is set).
///
/// # Safety
/// `it` is a live HIter.
unsafe fn map_started(it: *mut HIter) -> bool {
    // SAFETY: caller's contract; word 3 is `h` (HIter is repr(C)).
    unsafe { *(it as *const u64).add(3) != 0 }
}

// ---------------------------------------------------------------------------
// Interfaces (Go's iface.go).

use crate::typedesc::{tflag, InterfaceType};
use std::collections::HashMap;
use std::sync::Mutex;

/// Itabs built at run time, by (interface, type) descriptor address.
static ITABS: Mutex<Option<HashMap<(usize, usize), usize>>> = Mutex::new(None);

/// The dynamic type of an interface value's first word.
///
/// # Safety
/// `w0` is null, a type descriptor (empty interface) or an itab.
unsafe fn dyn_type(w0: u64, nonempty: bool) -> *const Type {
    if w0 == 0 || !nonempty {
        return w0 as *const Type;
    }
    // SAFETY: an itab's second word is its type (caller's contract).
    unsafe { *((w0 as *const u64).add(1)) as *const Type }
}

/// # Safety
/// `t` is a valid descriptor.
unsafe fn type_name(t: *const Type) -> String {
    // SAFETY: caller's contract.
    let n = unsafe { String::from_utf8_lossy((*t).name.as_bytes()).into_owned() };
    if n == "any" || n == "interface{}" {
        return "interface {}".into();
    }
    n
}

/// `a == b` for interface values: res | a(2), b(2), nonempty.
unsafe fn ifaceeq(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 6 slots holding two interface values.
    unsafe {
        let ne = *w.add(5) != 0;
        let ta = dyn_type(*w.add(1), ne);
        let tb = dyn_type(*w.add(3), ne);
        let eq = if ta != tb {
            false
        } else if ta.is_null() {
            true
        } else {
            let t = &*ta;
            if !crate::alg::comparable(t) {
                return Err(uncomparable(ta));
            }
            if t.tflag & tflag::DIRECT_IFACE != 0 {
                *w.add(2) == *w.add(4)
            } else {
                crate::alg::typeequal_checked(t, *w.add(2) as *const u8, *w.add(4) as *const u8)
                    .map_err(|bad| uncomparable(bad))?
            }
        };
        *w = eq as u64;
    }
    Ok(())
}

/// Go's panic for `==` on an interface holding a value of type `t`
/// that has no equality.
///
/// # Safety
/// `t` is a valid descriptor.
pub unsafe fn uncomparable(t: *const Type) -> PanicValue {
    // SAFETY: caller's contract.
    let name = unsafe { type_name(t) };
    rt(format!(
        "runtime error: comparing uncomparable type {}",
        name
    ))
}

/// Finds or builds the itab of (interface `inter`, type `t`): null when
/// `t` lacks a method.
///
/// # Safety
/// Both are valid descriptors; `inter` is an InterfaceType.
pub unsafe fn getitab(inter: *const InterfaceType, t: *const Type) -> (usize, Option<String>) {
    let key = (inter as usize, t as usize);
    let mut g = ITABS.lock().unwrap_or_else(|e| e.into_inner());
    let map = g.get_or_insert_with(HashMap::new);
    if let Some(&p) = map.get(&key) {
        return (p, None);
    }
    // SAFETY: caller's contract; method tables are immutable static data.
    unsafe {
        let it = &*inter;
        let mut words: Vec<u64> = vec![inter as u64, t as u64, (*t).hash as u64];
        let tm: &[crate::typedesc::Method] = if (*t).uncommon.is_null() {
            &[]
        } else {
            let u = &*(*t).uncommon;
            if u.methods.is_null() {
                &[]
            } else {
                std::slice::from_raw_parts(u.methods, u.mcount as usize)
            }
        };
        for i in 0..it.nmethods {
            let m = &*it.methods.add(i);
            let name = m.name.as_bytes();
            // Same name, and the same signature when both sides know it
            // (compiled descriptors share one signature descriptor per
            // distinct signature).
            let found = tm.iter().find(|x| {
                x.name.as_bytes() == name
                    && (x.mtyp.is_null() || m.mtyp.is_null() || std::ptr::eq(x.mtyp, m.mtyp))
            });
            match found {
                Some(x) => words.push(x.ifn as u64),
                None => return (0, Some(String::from_utf8_lossy(name).into_owned())),
            }
        }
        let p = Box::leak(words.into_boxed_slice()).as_ptr() as usize;
        map.insert(key, p);
        (p, None)
    }
}

/// `x.(I)` for a non-empty interface I: res itab, ok | inter, dyn type.
unsafe fn assert_e2i(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 4 slots; descriptors are valid.
    unsafe {
        let t = *w.add(3) as *const Type;
        if t.is_null() {
            *w = 0;
            *w.add(1) = 0;
            return Ok(());
        }
        let (p, _) = getitab(*w.add(2) as *const InterfaceType, t);
        *w = p as u64;
        *w.add(1) = (p != 0) as u64;
    }
    Ok(())
}

/// A failed `x.(T)`: have type, want type, static interface type.
unsafe fn panicdottype(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots with descriptors (have may be null).
    unsafe {
        let have = *w as *const Type;
        let want = *w.add(1) as *const Type;
        let iface = *w.add(2) as *const Type;
        let missing = if !have.is_null() && (*want).kind() == Kind::Interface {
            Some(
                getitab(want as *const InterfaceType, have)
                    .1
                    .unwrap_or_default(),
            )
        } else {
            None
        };
        Err(rt(assertion_message(type_name(iface), have, want, missing)))
    }
}

/// The text of a failed type assertion (`TypeAssertionError.Error`):
/// `iname` names the static interface type, `missing` is the method
/// `have` lacks when `want` is an interface.
///
/// # Safety
/// `want` is a valid descriptor; `have` one or null.
unsafe fn assertion_message(
    iname: String,
    have: *const Type,
    want: *const Type,
    missing: Option<String>,
) -> String {
    // SAFETY: caller's contract.
    unsafe {
        if have.is_null() {
            return format!(
                "interface conversion: {} is nil, not {}",
                iname,
                type_name(want)
            );
        }
        if let Some(m) = missing {
            return format!(
                "interface conversion: {} is not {}: missing method {}",
                type_name(have),
                type_name(want),
                m
            );
        }
        let (hn, wn) = (type_name(have), type_name(want));
        let mut msg = format!("interface conversion: {} is {}, not {}", iname, hn, wn);
        if hn == wn {
            // Same spelling, different types.
            let pkg = |t: *const Type| {
                let u = (*t).uncommon;
                if u.is_null() {
                    Vec::new()
                } else {
                    (*u).pkg_path.as_bytes().to_vec()
                }
            };
            let (hp, wp) = (pkg(have), pkg(want));
            // (A descriptor without methods does not record its package.)
            msg.push_str(if !hp.is_empty() && !wp.is_empty() && hp != wp {
                " (types from different packages)"
            } else {
                " (types from different scopes)"
            });
        }
        msg
    }
}

/// `(*TypeAssertionError).Error() string`: window [res 2][e]. The record
/// is `{_interface, concrete, asserted *_type; missingMethod string}`.
/// As in Go, a record without an asserted type faults reading it (Go's
/// `_type.Str` is at offset 0x28), and a nil receiver at offset 0.
unsafe fn type_assertion_error(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots; a non-nil receiver points at the record,
    // whose descriptors are valid or null.
    unsafe {
        let e = *w.add(2) as *const u64;
        if e.is_null() {
            return Err(PanicValue::Runtime(RuntimeError::nil_deref(0)));
        }
        let iface = *e as *const Type;
        let have = *e.add(1) as *const Type;
        let want = *e.add(2) as *const Type;
        if want.is_null() {
            return Err(PanicValue::Runtime(RuntimeError::nil_deref(0x28)));
        }
        let m = bytes(*e.add(3), *e.add(4));
        let iname = if iface.is_null() {
            "interface".to_string()
        } else {
            type_name(iface)
        };
        let missing = (!m.is_empty()).then(|| String::from_utf8_lossy(m).into_owned());
        let msg = assertion_message(iname, have, want, missing);
        put_string(w, msg.as_bytes());
    }
    Ok(())
}

/// A slice converted to a longer array: len, array length.
unsafe fn panic_slice_convert(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    let (len, n) = unsafe { (*w as i64, *w.add(1) as i64) };
    Err(rt(format!(
        "runtime error: cannot convert slice with length {} to array or pointer to array with length {}",
        len, n
    )))
}

/// `runtime.panicrangestate(state)`: the misuse of a range-over-func
/// loop body that the compiler's state checks found (Go's abi.RF_*
/// states: 0 done, 2 panicked, 3 exhausted, 4 a recovered body panic).
unsafe fn panicrangestate(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 1 slot.
    let state = unsafe { *w };
    let what = match state {
        0 => "continued iteration after function for loop body returned false",
        2 => "continued iteration after loop body panic",
        3 => "continued iteration after whole loop exit",
        _ => "recovered a loop body panic and did not resume panicking",
    };
    Err(rt(format!("runtime error: range function {}", what)))
}

/// `n / m` for complex128 (Go's runtime.complex128div): Smith's
/// algorithm (scale by the larger part of the divisor), then, when both
/// parts came out NaN, C99 Annex G's recovery of infinities and zeros.
/// The result is a pure function of the operands (no panics: complex
/// division by zero gives infinities or NaNs).
pub fn complex_div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let (mut e, mut f) = if c.abs() >= d.abs() {
        let r = d / c;
        let den = c + r * d;
        ((a + b * r) / den, (b - a * r) / den)
    } else {
        let r = c / d;
        let den = d + r * c;
        ((a * r + b) / den, (b * r - a) / den)
    };
    if e.is_nan() && f.is_nan() {
        // A signed 1 for an infinity, a signed 0 otherwise.
        let unit = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
        let inf = f64::INFINITY;
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let (a, b) = (unit(a), unit(b));
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let (c, d) = (unit(c), unit(d));
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

/// `complex128div(n, m complex128) complex128`: window
/// `[res 2][n 2][m 2]`, each complex as (real, imag) float64 bits.
unsafe fn complex128div(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 6 slots as declared in NATIVES.
    unsafe {
        let g = |i: usize| f64::from_bits(*w.add(i));
        let (e, f) = complex_div(g(2), g(3), g(4), g(5));
        *w = e.to_bits();
        *w.add(1) = f.to_bits();
    }
    Ok(())
}

/// `clear(s)` of a slice: zeroes `s[:len(s)]`. Window `[ptr][len][elem
/// size]`.
unsafe fn sliceclear(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots; a slice's first `len` elements lie in
    // its backing array, which is writable Go memory.
    unsafe {
        let (p, n, es) = (*w as *mut u8, *w.add(1), *w.add(2));
        let size = n.saturating_mul(es) as usize;
        if !p.is_null() && size > 0 {
            std::ptr::write_bytes(p, 0, size);
        }
    }
    Ok(())
}

/// The checks of `unsafe.Slice(ptr, len)` and `unsafe.String(ptr, len)`
/// (Go's unsafeslice64/unsafestring64). Window `[ptr][len][elem size]
/// [flags]`: flags bit 0 says `len` is of an unsigned type, bit 1 that
/// the builtin is unsafe.String.
unsafe fn unsafeslice(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 4 slots.
    let (ptr, len, es, flags) = unsafe { (*w, *w.add(1), *w.add(2), *w.add(3)) };
    let what = if flags & 2 != 0 {
        "unsafe.String"
    } else {
        "unsafe.Slice"
    };
    let len_err = || rt(format!("runtime error: {what}: len out of range"));
    let nil_err = || {
        rt(format!(
            "runtime error: {what}: ptr is nil and len is not zero"
        ))
    };
    // An unsigned length above MaxInt64, or a negative signed one.
    if (len as i64) < 0 {
        return Err(len_err());
    }
    if es == 0 && ptr == 0 && len > 0 {
        return Err(nil_err());
    }
    let room = ptr.wrapping_neg();
    match es.checked_mul(len) {
        Some(mem) if mem <= room => Ok(()),
        _ if ptr == 0 => Err(nil_err()),
        _ => Err(len_err()),
    }
}
