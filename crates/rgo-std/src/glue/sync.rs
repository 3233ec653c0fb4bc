//! sync/atomic and errors natives, and sync's throw. Atomics are the
//! hardware's (Rust atomics on the Go memory word); the semaphore and
//! scheduler natives of sync live in rgo-runtime (sema.rs, proc.rs).

use super::{fail, set, slot, R};
use std::sync::atomic::Ordering::SeqCst;
use std::sync::atomic::{AtomicU32, AtomicU64};

use rgo_runtime::interp::{GState, NativeFn, PanicValue, RuntimeError};
use rgo_runtime::typedesc::{tflag, InterfaceType, Kind, PtrType, Type};

fn nil_check(p: u64) -> R {
    if p == 0 {
        return Err(PanicValue::Runtime(RuntimeError::nil_deref(0)));
    }
    Ok(())
}

/// An integer width sync/atomic works on, through the matching Rust
/// atomic (sequentially consistent, as Go's atomics). Narrow values travel
/// through a window slot sign-extended, as the VM keeps them.
trait Word: Copy {
    fn from_slot(v: u64) -> Self;
    fn to_slot(self) -> u64;
    /// # Safety
    /// `p` points at an aligned, live `Self` in Go memory.
    unsafe fn load(p: *mut Self) -> Self;
    /// # Safety
    /// As `load`.
    unsafe fn store(p: *mut Self, v: Self);
    /// # Safety
    /// As `load`.
    unsafe fn swap(p: *mut Self, v: Self) -> Self;
    /// # Safety
    /// As `load`.
    unsafe fn cas(p: *mut Self, old: Self, new: Self) -> bool;
    /// Returns the new value.
    /// # Safety
    /// As `load`.
    unsafe fn add(p: *mut Self, d: Self) -> Self;
    /// Returns the old value.
    /// # Safety
    /// As `load`.
    unsafe fn and(p: *mut Self, m: Self) -> Self;
    /// Returns the old value.
    /// # Safety
    /// As `load`.
    unsafe fn or(p: *mut Self, m: Self) -> Self;
}

macro_rules! word {
    ($($t:ty => $a:ty, $u:ty;)*) => {$(
        impl Word for $t {
            fn from_slot(v: u64) -> Self {
                v as $t
            }
            fn to_slot(self) -> u64 {
                self as i64 as u64
            }
            // SAFETY (these seven): the caller's contract; the atomic has
            // the size and alignment of the integer.
            unsafe fn load(p: *mut Self) -> Self {
                // SAFETY: the caller's contract (the native's window and the Go values in it).
                unsafe { <$a>::from_ptr(p as *mut $u).load(SeqCst) as $t }
            }
            unsafe fn store(p: *mut Self, v: Self) {
                // SAFETY: the caller's contract (the native's window and the Go values in it).
                unsafe { <$a>::from_ptr(p as *mut $u).store(v as $u, SeqCst) }
            }
            unsafe fn swap(p: *mut Self, v: Self) -> Self {
                // SAFETY: the caller's contract (the native's window and the Go values in it).
                unsafe { <$a>::from_ptr(p as *mut $u).swap(v as $u, SeqCst) as $t }
            }
            unsafe fn cas(p: *mut Self, old: Self, new: Self) -> bool {
                // SAFETY: the caller's contract (the native's window and the Go values in it).
                unsafe {
                    <$a>::from_ptr(p as *mut $u)
                        .compare_exchange(old as $u, new as $u, SeqCst, SeqCst)
                        .is_ok()
                }
            }
            unsafe fn add(p: *mut Self, d: Self) -> Self {
                // SAFETY: the caller's contract (the native's window and the Go values in it).
                unsafe {
                    (<$a>::from_ptr(p as *mut $u).fetch_add(d as $u, SeqCst) as $t).wrapping_add(d)
                }
            }
            unsafe fn and(p: *mut Self, m: Self) -> Self {
                // SAFETY: the caller's contract (the native's window and the Go values in it).
                unsafe { <$a>::from_ptr(p as *mut $u).fetch_and(m as $u, SeqCst) as $t }
            }
            unsafe fn or(p: *mut Self, m: Self) -> Self {
                // SAFETY: the caller's contract (the native's window and the Go values in it).
                unsafe { <$a>::from_ptr(p as *mut $u).fetch_or(m as $u, SeqCst) as $t }
            }
        }
    )*};
}
word! {
    i32 => AtomicU32, u32;
    u32 => AtomicU32, u32;
    i64 => AtomicU64, u64;
    u64 => AtomicU64, u64;
}

/// The address operand at slot `i`, checked for nil and alignment (Go
/// panics on a misaligned 64-bit atomic on 32-bit platforms only; on
/// amd64 every Go-visible integer is aligned).
///
/// # Safety
/// The window has slot `i`.
unsafe fn addr<T>(w: *mut u64, i: usize) -> Result<*mut T, PanicValue> {
    // SAFETY: caller's contract.
    let p = unsafe { slot(w, i) };
    nil_check(p)?;
    if !(p as usize).is_multiple_of(std::mem::align_of::<T>()) {
        return Err(PanicValue::Runtime(RuntimeError::new(
            "unaligned 64-bit atomic operation",
        )));
    }
    Ok(p as *mut T)
}

// SAFETY (these seven): windows as declared in the table below; the
// address argument is a Go pointer to a `T` (checked for nil).
unsafe fn swap<T: Word>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the caller's contract (the native's window and the Go values in it).
    unsafe {
        let p = addr::<T>(w, 1)?;
        set(w, 0, T::swap(p, T::from_slot(slot(w, 2))).to_slot());
    }
    Ok(())
}
unsafe fn add<T: Word>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the caller's contract (the native's window and the Go values in it).
    unsafe {
        let p = addr::<T>(w, 1)?;
        set(w, 0, T::add(p, T::from_slot(slot(w, 2))).to_slot());
    }
    Ok(())
}
unsafe fn and<T: Word>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the caller's contract (the native's window and the Go values in it).
    unsafe {
        let p = addr::<T>(w, 1)?;
        set(w, 0, T::and(p, T::from_slot(slot(w, 2))).to_slot());
    }
    Ok(())
}
unsafe fn or<T: Word>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the caller's contract (the native's window and the Go values in it).
    unsafe {
        let p = addr::<T>(w, 1)?;
        set(w, 0, T::or(p, T::from_slot(slot(w, 2))).to_slot());
    }
    Ok(())
}
unsafe fn cas<T: Word>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the caller's contract (the native's window and the Go values in it).
    unsafe {
        let p = addr::<T>(w, 1)?;
        let ok = T::cas(p, T::from_slot(slot(w, 2)), T::from_slot(slot(w, 3)));
        set(w, 0, ok as u64);
    }
    Ok(())
}
unsafe fn load<T: Word>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the caller's contract (the native's window and the Go values in it).
    unsafe {
        let p = addr::<T>(w, 1)?;
        set(w, 0, T::load(p).to_slot());
    }
    Ok(())
}
unsafe fn store<T: Word>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the caller's contract (the native's window and the Go values in it).
    unsafe {
        let p = addr::<T>(w, 0)?;
        T::store(p, T::from_slot(slot(w, 1)));
    }
    Ok(())
}

/// The natives of sync/atomic's functions for each width; `Pointer` has
/// only Swap, CompareAndSwap, Load and Store (as in Go).
macro_rules! atomics {
    ($($t:ty, $sfx:literal;)*) => {
        const ATOMICS: &[(&str, NativeFn, u16)] = &[
            $(
                (concat!("sync/atomic.Swap", $sfx), swap::<$t>, 3),
                (concat!("sync/atomic.CompareAndSwap", $sfx), cas::<$t>, 4),
                (concat!("sync/atomic.Add", $sfx), add::<$t>, 3),
                (concat!("sync/atomic.And", $sfx), and::<$t>, 3),
                (concat!("sync/atomic.Or", $sfx), or::<$t>, 3),
                (concat!("sync/atomic.Load", $sfx), load::<$t>, 2),
                (concat!("sync/atomic.Store", $sfx), store::<$t>, 2),
            )*
            ("sync/atomic.SwapPointer", swap::<u64>, 3),
            ("sync/atomic.CompareAndSwapPointer", cas::<u64>, 4),
            ("sync/atomic.LoadPointer", load::<u64>, 2),
            ("sync/atomic.StorePointer", store::<u64>, 2),
        ];
    };
}

atomics! {
    i32, "Int32";
    i64, "Int64";
    u32, "Uint32";
    u64, "Uint64";
    u64, "Uintptr";
}

/// Locks serializing the two-word updates of `atomic.Value`s, striped by
/// address (Go updates the words with CAS loops and a "first store in
/// progress" marker; a short lock gives the same atomicity here).
static VALUE_LOCKS: [std::sync::atomic::AtomicU32; 64] =
    [const { std::sync::atomic::AtomicU32::new(0) }; 64];

fn value_lock(p: u64) -> &'static std::sync::atomic::AtomicU32 {
    &VALUE_LOCKS[(p as usize >> 4) % VALUE_LOCKS.len()]
}

fn value_panic(msg: &str) -> PanicValue {
    PanicValue::Runtime(RuntimeError::new(msg))
}

/// `(*Value).Load() any`: `[res t][res d][v]`.
unsafe fn value_load(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots; v is checked for nil and points at two words.
    unsafe {
        let v = slot(w, 2);
        nil_check(v)?;
        let l = value_lock(v);
        rgo_runtime::lock_futex::lock(l);
        let (t, d) = (*(v as *const u64), *(v as *const u64).add(1));
        rgo_runtime::lock_futex::unlock(l);
        set(w, 0, t);
        set(w, 1, d);
    }
    Ok(())
}

/// Stores `(t, d)` into the Value at `v` under its lock; returns the old
/// words (Go's panics for a nil or inconsistently typed value).
///
/// # Safety
/// `v` points at a Value.
unsafe fn value_swap_words(v: u64, t: u64, d: u64) -> Result<(u64, u64), PanicValue> {
    if t == 0 {
        return Err(value_panic("sync/atomic: store of nil value into Value"));
    }
    let l = value_lock(v);
    rgo_runtime::lock_futex::lock(l);
    // SAFETY: caller's contract.
    let (ot, od) = unsafe { (*(v as *const u64), *(v as *const u64).add(1)) };
    if ot != 0 && ot != t {
        rgo_runtime::lock_futex::unlock(l);
        return Err(value_panic(
            "sync/atomic: store of inconsistently typed value into Value",
        ));
    }
    // SAFETY: as above.
    unsafe {
        *(v as *mut u64) = t;
        *(v as *mut u64).add(1) = d;
    }
    rgo_runtime::lock_futex::unlock(l);
    Ok((ot, od))
}

/// `(*Value).Store(val any)`: `[v][t][d]`.
unsafe fn value_store(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots.
    unsafe {
        let v = slot(w, 0);
        nil_check(v)?;
        value_swap_words(v, slot(w, 1), slot(w, 2))?;
    }
    Ok(())
}

/// `(*Value).Swap(new any) (old any)`: `[old t][old d][v][t][d]`.
unsafe fn value_swap(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots.
    unsafe {
        let v = slot(w, 2);
        nil_check(v)?;
        let (ot, od) = value_swap_words(v, slot(w, 3), slot(w, 4))?;
        set(w, 0, ot);
        set(w, 1, od);
    }
    Ok(())
}

/// `(*Value).CompareAndSwap(old, new any) bool`:
/// `[res][v][old t][old d][new t][new d]`.
unsafe fn value_cas(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 6 slots; interface words as the VM lays them out.
    unsafe {
        let v = slot(w, 1);
        nil_check(v)?;
        let old = [slot(w, 2), slot(w, 3)];
        let new = [slot(w, 4), slot(w, 5)];
        if new[0] == 0 {
            return Err(value_panic(
                "sync/atomic: compare and swap of nil value into Value",
            ));
        }
        if old[0] != 0 && old[0] != new[0] {
            return Err(value_panic(
                "sync/atomic: compare and swap of inconsistently typed values",
            ));
        }
        let l = value_lock(v);
        rgo_runtime::lock_futex::lock(l);
        let cur = [*(v as *const u64), *(v as *const u64).add(1)];
        let swapped = if cur[0] == 0 {
            old[0] == 0
        } else if cur[0] != new[0] {
            rgo_runtime::lock_futex::unlock(l);
            return Err(value_panic(
                "sync/atomic: compare and swap of inconsistently typed value into Value",
            ));
        } else {
            rgo_runtime::alg::nilinterequal(cur.as_ptr() as *const u8, old.as_ptr() as *const u8)
        };
        if swapped {
            *(v as *mut u64) = new[0];
            *(v as *mut u64).add(1) = new[1];
        }
        rgo_runtime::lock_futex::unlock(l);
        set(w, 0, swapped as u64);
    }
    Ok(())
}

const OTHERS: &[(&str, NativeFn, u16)] = &[
    ("(*sync/atomic.Value).Load", value_load, 3),
    ("(*sync/atomic.Value).Store", value_store, 3),
    ("(*sync/atomic.Value).Swap", value_swap, 5),
    ("(*sync/atomic.Value).CompareAndSwap", value_cas, 6),
    ("sync.throw", throw, 2),
    ("sync.fatal", throw, 2),
    ("errors.isComparable", is_comparable, 3),
    ("context.comparable", is_comparable, 3),
    ("context.typeName", type_name, 4),
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

/// `throw(s string)`: a fatal runtime error.
///
/// # Safety
/// Two slots holding a string.
unsafe fn throw(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    let s = unsafe { super::bytes(w, 0) };
    let msg = String::from_utf8_lossy(s);
    if rgo_runtime::proc::started() {
        rgo_runtime::proc::fatal_error(&msg);
    }
    Err(fail(format!("fatal error: {}", msg)))
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

/// `typeName(v any) string`: the string form of v's dynamic type (`%T`).
///
/// # Safety
/// Window `[string result][any]`; the type word is null or a descriptor.
unsafe fn type_name(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window holds the result's two slots and the argument's
    // type word; a non-null type word is a live descriptor.
    unsafe {
        let t = slot(w, 2) as *const Type;
        let name: &[u8] = if t.is_null() {
            b"<nil>"
        } else {
            (*t).name.as_bytes()
        };
        super::put_string(w, 0, name);
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
