//! runtime and runtime/debug natives that need nothing from the
//! collector: `Pinner` (validates its argument as Go does; with a
//! non-moving collector, pinning has nothing else to do) and
//! `SetPanicOnFault` (a per-goroutine flag, stored and returned; rgo
//! raises no memory faults other than nil dereferences, which always
//! panic). Finalizers and cleanups live in rgo-runtime's mfinal.rs.

use std::collections::HashSet;
use std::sync::Mutex;

use super::{fail, set, slot, R};
use rgo_runtime::interp::{GState, NativeFn};
use rgo_runtime::typedesc::{Kind, Type};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("(*runtime.Pinner).Pin", pin, 3),
    ("(*runtime.Pinner).Unpin", unpin, 1),
    ("runtime/debug.SetPanicOnFault", set_panic_on_fault, 2),
];

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
