//! Finalizers and cleanups (Go's mfinal.go and mcleanup.go).
//!
//! `runtime.SetFinalizer(p, f)` records `f` for the object `p` points at;
//! `runtime.AddCleanup` records a `func()` for an object. A GC cycle
//! (mgc.rs) that finds such an object unreachable queues its function on
//! the finalizer queue and forgets the record; the finalizer goroutine
//! (Go's `fing`, a system goroutine started with the first record) runs
//! the queue one call at a time.
//!
//! As in Go:
//! - the recorded functions are roots, the objects are not;
//! - everything a finalizer-guarded object points to is kept alive (marked
//!   before the cycle decides reachability), and the object itself is
//!   kept for the cycle in which its finalizer is queued, so the finalizer
//!   sees it whole; it is freed by a later cycle, once unreachable again.
//!   A chain of guarded objects is therefore finalized one link per cycle;
//! - a cleanup's object is freed by the cycle that queues the cleanup.
//!
//! Invariants:
//! - `FINALIZERS` has at most one record per pointer (SetFinalizer of an
//!   object that has one throws `finalizer already set`); objects sharing
//!   a tiny block have one each, and all are queued once the block dies;
//! - records and the queue change only under their lock; the GC reads
//!   them with the world stopped;
//! - the finalizer G parks only with the queue empty, and whoever queues
//!   work readies it (the queue lock orders the two).

use std::collections::HashMap;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};
use std::sync::Mutex;

use crate::interp::{GState, NativeFn, PanicValue, G};
use crate::mheap::{find_allocated, find_object};
use crate::panic::throw;
use crate::proc;
use crate::sizeclasses::MALLOC_HEADER_SIZE;
use crate::typedesc::{FuncType, InterfaceType, Kind, PtrType, Type};

type R = Result<(), PanicValue>;

/// How the finalizer takes the object: the words of its one argument.
#[derive(Clone, Copy)]
enum Arg {
    /// A pointer (the object's own pointer type, or one assignable).
    Ptr,
    /// An interface: `{type or itab, data}`.
    Iface(u64),
}

/// One finalizer record (Go's `specialfinalizer`), keyed by the pointer
/// SetFinalizer was given: tiny objects share a block, so the block's
/// base does not identify one.
#[derive(Clone, Copy)]
struct Finalizer {
    fv: u64,
    arg: Arg,
}

/// A call waiting on the finalizer queue: `fv(args)`.
struct Queued {
    fv: u64,
    args: [u64; 2],
    nargs: usize,
}

/// Finalizers by the pointer to the object they guard.
static FINALIZERS: Mutex<Option<HashMap<u64, Finalizer>>> = Mutex::new(None);
/// Cleanups by id: (object base, cleanup func value).
static CLEANUPS: Mutex<Option<HashMap<u64, (usize, u64)>>> = Mutex::new(None);
static NEXT_CLEANUP: AtomicU64 = AtomicU64::new(1);
/// Queued calls.
static FINQ: Mutex<Vec<Queued>> = Mutex::new(Vec::new());
/// The finalizer goroutine when it is parked on an empty queue.
static FING_WAITING: AtomicPtr<G> = AtomicPtr::new(std::ptr::null_mut());
/// The Go loop the finalizer goroutine runs (`runtime.runfinq`), a func
/// value registered by package runtime at init.
static RUNFINQ: AtomicU64 = AtomicU64::new(0);
/// Whether the finalizer goroutine was started.
static FING_STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn type_name(t: *const Type) -> String {
    // SAFETY: compiled descriptors are valid and live forever.
    unsafe { String::from_utf8_lossy((*t).name.as_bytes()).into_owned() }
}

/// `SetFinalizer(obj any, finalizer any)`: window `[obj 2][finalizer 2]`.
///
/// # Safety
/// The window has 4 slots holding two interface values.
unsafe fn set_finalizer(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller.
    let (et, ed, ft, fd) = unsafe { (*w, *w.add(1), *w.add(2), *w.add(3)) };
    let etyp = et as *const Type;
    if etyp.is_null() {
        throw("runtime.SetFinalizer: first argument is nil");
    }
    // SAFETY: a non-nil interface type word is a valid descriptor.
    if unsafe { (*etyp).kind() } != Kind::Pointer {
        throw(&format!(
            "runtime.SetFinalizer: first argument is {}, not pointer",
            type_name(etyp)
        ));
    }
    // SAFETY: a Pointer-kind descriptor is a PtrType.
    let elem = unsafe { (*(etyp as *const PtrType)).elem };
    if elem.is_null() {
        throw("nil elem type!");
    }
    let Some((mut base, s, _)) = find_allocated(ed as usize) else {
        // Go ignores pointers to static data (and the zero-size base);
        // anything else not in the heap is an error there too.
        return Ok(());
    };
    // SAFETY: s is an in-use span.
    let sp = unsafe { &*s };
    if !sp.spanclass().noscan()
        && sp.spanclass().sizeclass() != 0
        && sp.elemsize() > crate::sizeclasses::MIN_SIZE_FOR_MALLOC_HEADER
    {
        base += MALLOC_HEADER_SIZE;
    }
    // SAFETY: elem is a valid descriptor.
    let (elem_ptrs, elem_size) = unsafe { ((*elem).has_pointers(), (*elem).size) };
    if ed as usize != base && (elem_ptrs || elem_size >= 16) {
        throw("runtime.SetFinalizer: pointer not at beginning of allocated block");
    }
    let key = ed;
    let ftyp = ft as *const Type;
    if ftyp.is_null() {
        let mut m = FINALIZERS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(m) = m.as_mut() {
            m.remove(&key);
        }
        return Ok(());
    }
    // SAFETY: a valid descriptor.
    if unsafe { (*ftyp).kind() } != Kind::Func {
        throw(&format!(
            "runtime.SetFinalizer: second argument is {}, not a function",
            type_name(ftyp)
        ));
    }
    // SAFETY: a Func-kind descriptor is a FuncType.
    let fty = unsafe { &*(ftyp as *const FuncType) };
    let cannot = || {
        format!(
            "runtime.SetFinalizer: cannot pass {} to finalizer {}",
            type_name(etyp),
            type_name(ftyp)
        )
    };
    if fty.out_count & 0x8000 != 0 {
        throw(&format!("{} because dotdotdot", cannot()));
    }
    if fty.in_count != 1 {
        throw(&cannot());
    }
    // SAFETY: in_count is 1: params holds one descriptor.
    let fint = unsafe { *fty.params };
    // SAFETY: valid descriptors.
    let arg = unsafe {
        // The object's own type, or an assignable pointer type (same
        // element, one side unnamed).
        if std::ptr::eq(fint, etyp)
            || ((*fint).kind() == Kind::Pointer
                && ((*fint).uncommon.is_null() || (*etyp).uncommon.is_null())
                && std::ptr::eq((*(fint as *const PtrType)).elem, elem))
        {
            Arg::Ptr
        } else if (*fint).kind() == Kind::Interface {
            let it = fint as *const InterfaceType;
            if (*it).nmethods == 0 {
                Arg::Iface(et)
            } else {
                match crate::natives::getitab(it, etyp) {
                    (0, _) => throw(&cannot()),
                    (itab, _) => Arg::Iface(itab as u64),
                }
            }
        } else {
            throw(&cannot())
        }
    };
    {
        let mut m = FINALIZERS.lock().unwrap_or_else(|e| e.into_inner());
        let m = m.get_or_insert_with(HashMap::new);
        if m.contains_key(&key) {
            throw("runtime.SetFinalizer: finalizer already set");
        }
        m.insert(key, Finalizer { fv: fd, arg });
    }
    start_fing();
    Ok(())
}

/// `addCleanup(ptr unsafe.Pointer, cleanup func()) uint64`: window
/// `[id][ptr][cleanup]`.
///
/// # Safety
/// The window has 3 slots.
unsafe fn add_cleanup(_: &mut GState, w: *mut u64) -> R {
    let id = NEXT_CLEANUP.fetch_add(1, Ordering::Relaxed);
    // SAFETY: caller.
    let (p, fv) = unsafe { (*w.add(1), *w.add(2)) };
    if let Some((base, _, _)) = find_allocated(p as usize) {
        let mut m = CLEANUPS.lock().unwrap_or_else(|e| e.into_inner());
        m.get_or_insert_with(HashMap::new).insert(id, (base, fv));
        drop(m);
        start_fing();
    }
    // SAFETY: caller.
    unsafe { *w = id };
    Ok(())
}

/// `stopCleanup(id uint64, ptr uintptr)`: window `[id][ptr]`.
///
/// # Safety
/// The window has 2 slots.
unsafe fn stop_cleanup(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller.
    let id = unsafe { *w };
    let mut m = CLEANUPS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(m) = m.as_mut() {
        m.remove(&id);
    }
    Ok(())
}

/// `registerFinq(f func())`: window `[f]`.
///
/// # Safety
/// The window has 1 slot.
unsafe fn register_finq(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller; a top-level function's func value is static.
    RUNFINQ.store(unsafe { *w }, Ordering::Release);
    Ok(())
}

/// Starts the finalizer goroutine once (Go's `createfing`).
fn start_fing() {
    let fv = RUNFINQ.load(Ordering::Acquire);
    if fv == 0 || !proc::started() || FING_STARTED.swap(true, Ordering::AcqRel) {
        return;
    }
    proc::newproc_system(fv);
}

/// Re-parks the finalizer G unless work arrived meanwhile.
unsafe fn finq_unlock(gp: *mut G, _: *mut u8) -> bool {
    let q = FINQ.lock().unwrap_or_else(|e| e.into_inner());
    if !q.is_empty() {
        return false;
    }
    FING_WAITING.store(gp, Ordering::Release);
    true
}

/// `runFinalizer()`: runs the oldest queued call, or parks the finalizer
/// goroutine until there is one (and runs it then).
///
/// # Safety
/// A native of the finalizer goroutine.
unsafe fn run_finalizer(gs: &mut GState, _: *mut u64) -> R {
    let next = {
        let mut q = FINQ.lock().unwrap_or_else(|e| e.into_inner());
        if q.is_empty() {
            None
        } else {
            Some(q.remove(0))
        }
    };
    match next {
        Some(c) => {
            crate::interp::call_go_closure(gs, c.fv, &c.args[..c.nargs], 0)?;
            Ok(())
        }
        None => {
            let gp = proc::getg();
            // SAFETY: the running G is ours.
            unsafe { (*gp).sched.resume = proc::Resume::Retry };
            Err(proc::gopark(
                Some(finq_unlock),
                std::ptr::null_mut(),
                proc::WaitReason::FinalizerWait,
            ))
        }
    }
}

/// Greys the GC roots this file holds: the recorded and queued functions
/// (with their captured values) and the queued arguments.
pub(crate) fn grey_roots(w: &mut crate::mgcmark::Work) {
    if let Some(m) = FINALIZERS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
    {
        for f in m.values() {
            w.grey(f.fv);
        }
    }
    if let Some(m) = CLEANUPS.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        for (_, fv) in m.values() {
            w.grey(*fv);
        }
    }
    for q in FINQ.lock().unwrap_or_else(|e| e.into_inner()).iter() {
        w.grey(q.fv);
        for a in &q.args[..q.nargs] {
            w.grey(*a);
        }
    }
    w.grey(RUNFINQ.load(Ordering::Acquire));
}

/// Marks what each finalizer-guarded object points to, not the object
/// itself (Go's `markrootSpans`), before reachability is decided.
pub(crate) fn grey_guarded(w: &mut crate::mgcmark::Work) {
    let m = FINALIZERS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(m) = m.as_ref() {
        for &p in m.keys() {
            w.scan_object(p as usize);
        }
    }
}

/// After marking: queues the finalizers and cleanups of unmarked objects
/// and forgets their records; keeps each finalized object for this cycle.
/// Returns whether anything was queued.
pub(crate) fn queue_unreachable(w: &mut crate::mgcmark::Work) -> bool {
    let mut queued = Vec::new();
    if let Some(m) = FINALIZERS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_mut()
    {
        m.retain(|&p, f| {
            if is_marked(p as usize) {
                return true;
            }
            let (args, nargs) = match f.arg {
                Arg::Ptr => ([p, 0], 1),
                Arg::Iface(t) => ([t, p], 2),
            };
            queued.push(Queued {
                fv: f.fv,
                args,
                nargs,
            });
            false
        });
    }
    // The queued objects live until their finalizer has run.
    for q in &queued {
        for a in &q.args[..q.nargs] {
            w.grey(*a);
        }
    }
    if let Some(m) = CLEANUPS.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        m.retain(|_, &mut (base, fv)| {
            if is_marked(base) {
                return true;
            }
            queued.push(Queued {
                fv,
                args: [0; 2],
                nargs: 0,
            });
            false
        });
    }
    if queued.is_empty() {
        return false;
    }
    FINQ.lock()
        .unwrap_or_else(|e| e.into_inner())
        .extend(queued);
    true
}

/// Whether the object holding address `p` is marked.
fn is_marked(p: usize) -> bool {
    match find_object(p) {
        // SAFETY: an in-use span; the world is stopped.
        Some((_, s, idx)) => unsafe { (*s).is_marked(idx) },
        None => true,
    }
}

/// Readies the finalizer goroutine if it waits for work (after a cycle
/// queued some, with the world started again).
/// Returns whether finalizers wait to run.
pub(crate) fn wake_fing() -> bool {
    let q = FINQ.lock().unwrap_or_else(|e| e.into_inner());
    let pending = !q.is_empty();
    let gp = FING_WAITING.swap(std::ptr::null_mut(), Ordering::AcqRel);
    drop(q);
    if !gp.is_null() {
        // SAFETY: FING_WAITING is set only by the parked finalizer G's
        // unlock function, after it is WAITING; we took it, so we are its
        // one waker.
        unsafe { proc::goready(gp) };
    }
    pending
}

pub(crate) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("runtime.SetFinalizer", set_finalizer, 4),
    ("runtime.addCleanup", add_cleanup, 3),
    ("runtime.stopCleanup", stop_cleanup, 2),
    ("runtime.registerFinq", register_finq, 1),
    ("runtime.runFinalizer", run_finalizer, 0),
];
