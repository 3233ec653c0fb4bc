//! runtime and runtime/debug natives that need nothing from the
//! collector: `Pinner` (validates its argument as Go does; with a
//! non-moving collector, pinning has nothing else to do) and
//! `SetPanicOnFault` (a per-goroutine flag, stored and returned; rgo
//! raises no memory faults other than nil dereferences, which always
//! panic). Finalizers and cleanups live in rgo-runtime's mfinal.rs.
//! `MemProfile` and the registration of `MemProfileRate` bind
//! rgo-runtime's mprof.rs (the heap profile).

use std::collections::HashSet;
use std::sync::Mutex;

use super::{fail, set, slot, R};
use rgo_runtime::interp::{GState, NativeFn};
use rgo_runtime::typedesc::{Kind, Type};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("(*runtime.Pinner).Pin", pin, 3),
    ("(*runtime.Pinner).Unpin", unpin, 1),
    ("runtime/debug.SetPanicOnFault", set_panic_on_fault, 2),
    (
        "runtime.registerMemProfileRate",
        register_mem_profile_rate,
        1,
    ),
    ("runtime.MemProfile", mem_profile, 6),
    (
        "runtime/pprof.runtime_cyclesPerSecond",
        cycles_per_second,
        1,
    ),
];

/// `runtime_cyclesPerSecond() int64`: window [res]. The time-stamp
/// counter's rate, measured once over 10 ms (Go calibrates its cputicks
/// the same way, against the monotonic clock); 1e9 (nanoseconds) where
/// there is no such counter.
///
/// # Safety
/// The window has 1 slot.
unsafe fn cycles_per_second(_: &mut GState, w: *mut u64) -> R {
    static RATE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let rate = *RATE.get_or_init(|| {
        #[cfg(target_arch = "x86_64")]
        {
            let t0 = std::time::Instant::now();
            // SAFETY: RDTSC exists on every x86-64 processor and only
            // reads the counter.
            let c0 = unsafe { std::arch::x86_64::_rdtsc() };
            std::thread::sleep(std::time::Duration::from_millis(10));
            // SAFETY: as above.
            let c1 = unsafe { std::arch::x86_64::_rdtsc() };
            let ns = t0.elapsed().as_nanos().max(1);
            ((c1.wrapping_sub(c0) as u128 * 1_000_000_000) / ns) as u64
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            1_000_000_000
        }
    });
    // SAFETY: the window has 1 slot.
    unsafe { set(w, 0, rate) };
    Ok(())
}

/// `registerMemProfileRate(p *int)`: window [p], the address of package
/// runtime's `MemProfileRate`.
///
/// # Safety
/// The window has 1 slot.
unsafe fn register_mem_profile_rate(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window has 1 slot; a *int is null or an aligned int.
    let p = unsafe { slot(w, 0) } as *mut i64;
    if !p.is_null() {
        // SAFETY: it points at a package variable, which lives as long
        // as the program.
        unsafe { rgo_runtime::mprof::register_rate_var(p) };
    }
    Ok(())
}

/// Words of a `runtime.MemProfileRecord`: four int64 counts and
/// `Stack0 [32]uintptr`.
const MEM_RECORD_WORDS: usize = 4 + rgo_runtime::mprof::MAX_STACK;

/// `MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool)`:
/// window [n][ok][p 3][inuseZero]. n is the number of records; when p has
/// room for them they are copied into it and ok is true.
///
/// # Safety
/// The window has 6 slots; p's pointer and length describe a slice of
/// MemProfileRecords.
unsafe fn mem_profile(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window has 6 slots.
    let (p, len, inuse_zero) = unsafe {
        (
            slot(w, 2) as *mut u64,
            slot(w, 3) as usize,
            slot(w, 5) & 1 != 0,
        )
    };
    let recs = rgo_runtime::mprof::records(inuse_zero);
    let ok = recs.len() <= len;
    if ok {
        for (i, r) in recs.iter().enumerate() {
            let c = &r.counts;
            let words = [c.alloc_bytes, c.free_bytes, c.allocs, c.frees];
            // SAFETY: i < len records of MEM_RECORD_WORDS words each.
            unsafe {
                let rec = p.add(i * MEM_RECORD_WORDS);
                for (k, v) in words.iter().enumerate() {
                    *rec.add(k) = *v;
                }
                for k in 0..rgo_runtime::mprof::MAX_STACK {
                    *rec.add(4 + k) = r.stack.get(k).copied().unwrap_or(0);
                }
            }
        }
    }
    // SAFETY: the window has 6 slots.
    unsafe {
        set(w, 0, recs.len() as u64);
        set(w, 1, u64::from(ok));
    }
    Ok(())
}

/// `(*Pinner).Pin(pointer any)`: window [p][pointer 2].
///
/// # Safety
/// The window has 3 slots; the interface's type word is a descriptor or 0.
unsafe fn pin(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let t = slot(w, 1) as *const Type;
        if t.is_null() {
            return Err(fail("runtime error: runtime.Pinner: argument is nil"));
        }
        if !matches!((*t).kind(), Kind::Pointer | Kind::UnsafePointer) {
            let name = String::from_utf8_lossy((*t).name.as_bytes()).into_owned();
            return Err(fail(format!(
                "runtime error: runtime.Pinner: argument is not a pointer: {name}"
            )));
        }
    }
    Ok(())
}

/// `(*Pinner).Unpin()`: window [p]. Nothing is pinned in rgo's heap.
///
/// # Safety
/// Touches nothing.
unsafe fn unpin(_: &mut GState, _: *mut u64) -> R {
    Ok(())
}

/// Goroutines (by id) whose panic-on-fault flag is set.
static PANIC_ON_FAULT: Mutex<Option<HashSet<u64>>> = Mutex::new(None);

/// `SetPanicOnFault(enabled bool) bool`: window [old][enabled]; the flag
/// belongs to the calling goroutine, as in Go.
///
/// # Safety
/// The window has 2 slots.
unsafe fn set_panic_on_fault(_: &mut GState, w: *mut u64) -> R {
    let gp = rgo_runtime::proc::getg();
    // SAFETY: the running G is this thread's; its id is only read.
    let goid = if gp.is_null() { 0 } else { unsafe { (*gp).id } };
    // SAFETY: the window has 2 slots.
    let enabled = unsafe { slot(w, 1) } & 1 != 0;
    let mut flags = PANIC_ON_FAULT.lock().unwrap_or_else(|e| e.into_inner());
    let flags = flags.get_or_insert_with(HashSet::new);
    let old = if enabled {
        !flags.insert(goid)
    } else {
        flags.remove(&goid)
    };
    // SAFETY: as above.
    unsafe { set(w, 0, u64::from(old)) };
    Ok(())
}
