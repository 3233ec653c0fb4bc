//! sync, sync/atomic and errors natives. rgo runs one goroutine per
//! thread today, so atomics are plain loads and stores, and a semaphore
//! acquire that would block can never be woken: it is Go's deadlock.

use super::{set, slot, R};
use rgo_runtime::interp::{GState, NativeFn, PanicValue, RuntimeError};
use rgo_runtime::typedesc::{tflag, InterfaceType, Kind, PtrType, Type};

fn nil_check(p: u64) -> R {
    if p == 0 {
        return Err(PanicValue::Runtime(RuntimeError::nil_deref(0)));
    }
    Ok(())
}

fn fail(msg: &str) -> PanicValue {
    PanicValue::Runtime(RuntimeError::new(msg))
}

macro_rules! atomics {
    ($($t:ty, $sfx:literal, $swap:ident, $cas:ident, $add:ident, $and:ident, $or:ident, $load:ident, $store:ident;)*) => {
        $(
            // SAFETY (these five): windows as declared below; the address
            // argument is a Go pointer to a value of this width (checked
            // for nil).
            unsafe fn $swap(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let p = slot(w, 1);
                    nil_check(p)?;
                    let old = *(p as *const $t);
                    *(p as *mut $t) = slot(w, 2) as $t;
                    set(w, 0, old as i64 as u64);
                }
                Ok(())
            }
            unsafe fn $cas(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let p = slot(w, 1);
                    nil_check(p)?;
                    let ok = *(p as *const $t) == slot(w, 2) as $t;
                    if ok {
                        *(p as *mut $t) = slot(w, 3) as $t;
                    }
                    set(w, 0, ok as u64);
                }
                Ok(())
            }
            unsafe fn $add(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let p = slot(w, 1);
                    nil_check(p)?;
                    let v = (*(p as *const $t)).wrapping_add(slot(w, 2) as $t);
                    *(p as *mut $t) = v;
                    set(w, 0, v as i64 as u64);
                }
                Ok(())
            }
            unsafe fn $and(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let p = slot(w, 1);
                    nil_check(p)?;
                    let old = *(p as *const $t);
                    *(p as *mut $t) = old & slot(w, 2) as $t;
                    set(w, 0, old as i64 as u64);
                }
                Ok(())
            }
            unsafe fn $or(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let p = slot(w, 1);
                    nil_check(p)?;
                    let old = *(p as *const $t);
                    *(p as *mut $t) = old | slot(w, 2) as $t;
                    set(w, 0, old as i64 as u64);
                }
                Ok(())
            }
            unsafe fn $load(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let p = slot(w, 1);
                    nil_check(p)?;
                    set(w, 0, *(p as *const $t) as i64 as u64);
                }
                Ok(())
            }
            unsafe fn $store(_: &mut GState, w: *mut u64) -> R {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe {
                    let p = slot(w, 0);
                    nil_check(p)?;
                    *(p as *mut $t) = slot(w, 1) as $t;
                }
                Ok(())
            }
        )*
        const ATOMICS: &[(&str, NativeFn, u16)] = &[
            $(
                (concat!("sync/atomic.Swap", $sfx), $swap, 3),
                (concat!("sync/atomic.CompareAndSwap", $sfx), $cas, 4),
                (concat!("sync/atomic.Add", $sfx), $add, 3),
                (concat!("sync/atomic.And", $sfx), $and, 3),
                (concat!("sync/atomic.Or", $sfx), $or, 3),
                (concat!("sync/atomic.Load", $sfx), $load, 2),
                (concat!("sync/atomic.Store", $sfx), $store, 2),
            )*
        ];
    };
}

atomics! {
    i32, "Int32", swap_i32, cas_i32, add_i32, and_i32, or_i32, load_i32, store_i32;
    i64, "Int64", swap_i64, cas_i64, add_i64, and_i64, or_i64, load_i64, store_i64;
    u32, "Uint32", swap_u32, cas_u32, add_u32, and_u32, or_u32, load_u32, store_u32;
    u64, "Uint64", swap_u64, cas_u64, add_u64, and_u64, or_u64, load_u64, store_u64;
    u64, "Uintptr", swap_up, cas_up, add_up, and_up, or_up, load_up, store_up;
    u64, "Pointer", swap_p, cas_p, add_p, and_p, or_p, load_p, store_p;
}

const OTHERS: &[(&str, NativeFn, u16)] = &[
    ("sync.runtime_Semacquire", semacquire, 1),
    ("sync.runtime_SemacquireMutex", semacquire, 3),
    ("sync.runtime_SemacquireRWMutexR", semacquire, 3),
    ("sync.runtime_SemacquireRWMutex", semacquire, 3),
    ("sync.runtime_SemacquireWaitGroup", semacquire, 1),
    ("sync.runtime_Semrelease", semrelease, 3),
    ("sync.runtime_canSpin", zero1, 2),
    ("sync.runtime_doSpin", nothing, 1),
    ("sync.runtime_procPin", zero1, 1),
    ("sync.runtime_procUnpin", nothing, 1),
    ("sync.runtime_registerPoolCleanup", nothing, 1),
    ("sync.runtime_GOMAXPROCS", one, 1),
    ("sync.throw", throw, 2),
    ("sync.fatal", throw, 2),
    ("errors.isComparable", is_comparable, 3),
    ("errors.checkAsTarget", check_as_target, 2),
    ("errors.assignAs", assign_as, 5),
];

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &concat();

const fn concat() -> [(&'static str, NativeFn, u16); ATOMICS.len() + OTHERS.len()] {
    let mut out = [OTHERS[0]; ATOMICS.len() + OTHERS.len()];
    let mut i = 0;
    while i < ATOMICS.len() {
        out[i] = ATOMICS[i];
        i += 1;
    }
    let mut j = 0;
    while j < OTHERS.len() {
        out[i + j] = OTHERS[j];
        j += 1;
    }
    out
}

/// Acquire: decrements a positive count; with a zero count the only
/// goroutine would sleep forever.
///
/// # Safety
/// Slot 0 holds a `*uint32`.
unsafe fn semacquire(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let p = slot(w, 0);
        nil_check(p)?;
        let c = p as *mut u32;
        if *c == 0 {
            return Err(fail("fatal error: all goroutines are asleep - deadlock!"));
        }
        *c -= 1;
    }
    Ok(())
}

/// # Safety
/// Slot 0 holds a `*uint32`.
unsafe fn semrelease(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let p = slot(w, 0);
        nil_check(p)?;
        *(p as *mut u32) += 1;
    }
    Ok(())
}

/// # Safety
/// One writable slot.
unsafe fn zero1(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, 0) };
    Ok(())
}

/// # Safety
/// One writable slot.
unsafe fn one(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, 1) };
    Ok(())
}

/// # Safety
/// Touches nothing.
unsafe fn nothing(_: &mut GState, _: *mut u64) -> R {
    Ok(())
}

/// `throw(s string)`: a fatal runtime error.
///
/// # Safety
/// Two slots holding a string.
unsafe fn throw(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    let s = unsafe { super::bytes(w, 0) };
    Err(fail(&format!(
        "fatal error: {}",
        String::from_utf8_lossy(s)
    )))
}

/// `isComparable(v any) bool`: window `[res][type][data]`.
///
/// # Safety
/// Three slots; the type word is null or a descriptor.
unsafe fn is_comparable(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let t = slot(w, 1) as *const Type;
        set(w, 0, (t.is_null() || (*t).equal.is_some()) as u64);
    }
    Ok(())
}

/// The element type of a non-nil pointer `target` (its `any` words), or
/// Go's panic text for errors.As.
///
/// # Safety
/// The type word is null or a descriptor.
unsafe fn as_target(t: *const Type, data: u64) -> Result<*const Type, PanicValue> {
    if t.is_null() {
        return Err(fail("errors: target cannot be nil"));
    }
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        if (*t).kind() != Kind::Pointer || data == 0 {
            return Err(fail("errors: target must be a non-nil pointer"));
        }
        Ok((*(t as *const PtrType)).elem)
    }
}

/// # Safety
/// Two slots holding an `any`.
unsafe fn check_as_target(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let elem = as_target(slot(w, 0) as *const Type, slot(w, 1))?;
        if (*elem).kind() == Kind::Interface {
            return Ok(());
        }
        let err = error_iface();
        if err.is_null() || rgo_runtime::natives::getitab(err, elem).0 == 0 {
            return Err(fail("errors: *target must be interface or implement error"));
        }
    }
    Ok(())
}

/// A descriptor of the `error` interface (one method, `Error`).
fn error_iface() -> *const InterfaceType {
    use std::sync::OnceLock;
    static ERR: OnceLock<usize> = OnceLock::new();
    *ERR.get_or_init(|| {
        let m = rgo_runtime::typedesc::Method {
            name: rgo_runtime::typedesc::GoStr::from_static("Error"),
            mtyp: std::ptr::null(),
            ifn: 0,
            tfn: 0,
        };
        let ms: &'static [rgo_runtime::typedesc::Method] = Box::leak(Box::new([m]));
        let it = InterfaceType {
            typ: Type::noscan(16, 8, Kind::Interface, "error"),
            pkg_path: rgo_runtime::typedesc::GoStr::from_static(""),
            methods: ms.as_ptr(),
            nmethods: 1,
        };
        Box::leak(Box::new(it)) as *const InterfaceType as usize
    }) as *const InterfaceType
}

/// `assignAs(err error, target any) bool`: window
/// `[res][err itab, data][target type, data]`.
///
/// # Safety
/// Five slots; err is a non-nil error interface, target a checked
/// non-nil pointer.
unsafe fn assign_as(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let itab = slot(w, 1) as *const u64;
        let data = slot(w, 2);
        let elem = as_target(slot(w, 3) as *const Type, slot(w, 4))?;
        let dst = slot(w, 4) as *mut u64;
        set(w, 0, 0);
        if itab.is_null() {
            return Ok(());
        }
        let dyn_t = *itab.add(1) as *const Type;
        if (*elem).kind() == Kind::Interface {
            let it = elem as *const InterfaceType;
            let word = if (*it).nmethods == 0 {
                dyn_t as u64
            } else {
                let (p, _) = rgo_runtime::natives::getitab(it, dyn_t);
                if p == 0 {
                    return Ok(());
                }
                p as u64
            };
            *dst = word;
            *dst.add(1) = data;
            set(w, 0, 1);
            return Ok(());
        }
        if !std::ptr::eq(dyn_t, elem) {
            return Ok(());
        }
        if (*elem).tflag & tflag::DIRECT_IFACE != 0 {
            *dst = data;
        } else {
            std::ptr::copy_nonoverlapping(data as *const u8, dst as *mut u8, (*elem).size);
        }
        set(w, 0, 1);
    }
    Ok(())
}
