//! Semaphores (Go's sema.go): the sleep and wake-up under sync.Mutex,
//! RWMutex, WaitGroup, and the ticket lists under sync.Cond.
//!
//! A semaphore is a uint32 in Go memory. Waiters live in a table of 251
//! roots (`semtable`), the root chosen by the address; each root holds a
//! balanced tree keyed by address whose node for an address is the FIFO
//! list of the goroutines waiting on it (Go uses a treap; a B-tree keeps
//! the same ordered-map contract). `lifo` acquires (a Mutex waiter that
//! already waited once) go to the front of their address's list.
//!
//! Invariants:
//! - `nwait` counts the waiters of a root; it is incremented before the
//!   waiter re-checks the count under the root's lock, so a release that
//!   reads `nwait == 0` after incrementing the count may skip the lock;
//! - a released waiter either got the count handed to it (`ticket == 1`,
//!   semrelease with handoff) or re-executes its acquire when it runs
//!   (the native is re-run: `Resume::Retry`), as Go's loop in semacquire1;
//! - a notify list's waiters are woken in ticket order.

use std::cell::UnsafeCell;
use std::collections::{BTreeMap, VecDeque};
use std::ptr;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::chan::{acquire_sudog, release_sudog, Sudog};
use crate::interp::{GState, NativeFn, PanicValue, G};
use crate::lock_futex::{lock, unlock};
use crate::proc::{self, getg, gopark, goready, WaitReason};

/// Go's `semTabSize`.
const SEM_TAB_SIZE: usize = 251;

struct SemaRoot {
    lock: AtomicU32,
    /// Waiters by address, each list FIFO; only under `lock`.
    tree: UnsafeCell<BTreeMap<usize, VecDeque<*mut Sudog>>>,
    nwait: AtomicU32,
}

// SAFETY: `tree` is only touched under `lock` (module invariants).
unsafe impl Sync for SemaRoot {}

static SEMTABLE: [SemaRoot; SEM_TAB_SIZE] = [const {
    SemaRoot {
        lock: AtomicU32::new(0),
        tree: UnsafeCell::new(BTreeMap::new()),
        nwait: AtomicU32::new(0),
    }
}; SEM_TAB_SIZE];

fn root_for(addr: usize) -> &'static SemaRoot {
    &SEMTABLE[(addr >> 3) % SEM_TAB_SIZE]
}

/// Takes one from `*addr` if positive.
fn cansemacquire(a: &AtomicU32) -> bool {
    let mut v = a.load(Ordering::Acquire);
    loop {
        if v == 0 {
            return false;
        }
        match a.compare_exchange_weak(v, v - 1, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return true,
            Err(x) => v = x,
        }
    }
}

/// The park commit of semacquire: releases the root's lock, which the
/// acquiring native left held.
unsafe fn semparkcommit(_gp: *mut G, root: *mut u8) -> bool {
    // SAFETY: root is a SEMTABLE entry locked by the parking native.
    unsafe { unlock(&(*(root as *const SemaRoot)).lock) };
    true
}

/// Go's `semacquire1`: takes one from `*addr`, parking while it is zero.
///
/// # Safety
/// `addr` points at a live uint32 in Go memory.
pub unsafe fn semacquire(addr: *mut u32, lifo: bool, reason: WaitReason) -> Result<(), PanicValue> {
    // SAFETY: caller's contract; atomics on Go memory.
    let a = unsafe { AtomicU32::from_ptr(addr) };
    if cansemacquire(a) {
        return Ok(());
    }
    let root = root_for(addr as usize);
    lock(&root.lock);
    root.nwait.fetch_add(1, Ordering::AcqRel);
    if cansemacquire(a) {
        root.nwait.fetch_sub(1, Ordering::AcqRel);
        unlock(&root.lock);
        return Ok(());
    }
    let gp = getg();
    let s = acquire_sudog();
    // SAFETY: s is a fresh sudog.
    unsafe {
        (*s).g = gp;
        (*s).key = addr as usize;
        (*s).ticket = 0;
        (*s).acquiretime = proc::nanotime();
    }
    // SAFETY: under root.lock.
    let q = unsafe { (*root.tree.get()).entry(addr as usize).or_default() };
    if lifo {
        q.push_front(s);
    } else {
        q.push_back(s);
    }
    // The lock stays held until the goroutine is parked (semparkcommit).
    Err(gopark(
        Some(semparkcommit),
        root as *const SemaRoot as *mut u8,
        reason,
    ))
}

/// Go's `semrelease1`: adds one to `*addr` and wakes a waiter; with
/// `handoff` the count goes straight to the woken one. Returns whether
/// it did (the caller then yields to it, as Go's `goyield`).
///
/// # Safety
/// `addr` points at a live uint32 in Go memory.
pub unsafe fn semrelease(addr: *mut u32, handoff: bool) -> bool {
    // SAFETY: caller's contract.
    let a = unsafe { AtomicU32::from_ptr(addr) };
    let root = root_for(addr as usize);
    a.fetch_add(1, Ordering::AcqRel);
    if root.nwait.load(Ordering::Acquire) == 0 {
        return false;
    }
    let s = {
        lock(&root.lock);
        if root.nwait.load(Ordering::Acquire) == 0 {
            unlock(&root.lock);
            return false;
        }
        // SAFETY: under root.lock.
        let tree = unsafe { &mut *root.tree.get() };
        let key = addr as usize;
        let s = match tree.get_mut(&key) {
            Some(q) => {
                let s = q.pop_front();
                if q.is_empty() {
                    tree.remove(&key);
                }
                s
            }
            None => None,
        };
        if s.is_some() {
            root.nwait.fetch_sub(1, Ordering::AcqRel);
        }
        unlock(&root.lock);
        s
    };
    let Some(s) = s else {
        return false;
    };
    // SAFETY: s was dequeued by us; its goroutine is parked.
    unsafe {
        let gp = (*s).g;
        if handoff && cansemacquire(a) {
            (*s).ticket = 1;
        }
        let handed = (*s).ticket == 1;
        if !handed {
            // Not handed the count: the waiter re-runs its acquire.
            (*gp).sched.resume = proc::Resume::Retry;
        }
        release_sudog(s);
        goready(gp);
        handed
    }
}

// ---------------------------------------------------------------------
// notifyList (sync.Cond).

/// Go's `notifyList`, as laid out by our sync package.
#[repr(C)]
pub struct NotifyList {
    wait: AtomicU32,
    notify: u32,
    lock: AtomicU32,
    _pad: u32,
    head: *mut Sudog,
    tail: *mut Sudog,
}

fn less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

unsafe fn notifyparkcommit(_gp: *mut G, l: *mut u8) -> bool {
    // SAFETY: l is a notify list whose lock the parking native holds.
    unsafe { unlock(&(*(l as *mut NotifyList)).lock) };
    true
}

type R = Result<(), PanicValue>;

fn nil_ptr(p: u64) -> R {
    if p == 0 {
        return Err(PanicValue::Runtime(crate::interp::RuntimeError::nil_deref(
            0,
        )));
    }
    Ok(())
}

unsafe fn n_notify_add(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][l]; l points at a notifyList.
    unsafe {
        nil_ptr(*w.add(1))?;
        let l = *w.add(1) as *mut NotifyList;
        *w = (*l).wait.fetch_add(1, Ordering::AcqRel) as u64;
    }
    Ok(())
}

unsafe fn n_notify_wait(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [l][t]; l points at a notifyList; fields under its lock.
    unsafe {
        nil_ptr(*w)?;
        let l = *w as *mut NotifyList;
        let t = *w.add(1) as u32;
        lock(&(*l).lock);
        if less(t, (*l).notify) {
            unlock(&(*l).lock);
            return Ok(());
        }
        let s = acquire_sudog();
        (*s).g = getg();
        (*s).ticket = t;
        (*s).next = ptr::null_mut();
        if (*l).tail.is_null() {
            (*l).head = s;
        } else {
            (*(*l).tail).next = s;
        }
        (*l).tail = s;
        Err(gopark(
            Some(notifyparkcommit),
            l as *mut u8,
            WaitReason::SyncCondWait,
        ))
    }
}

unsafe fn n_notify_all(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [l].
    unsafe {
        nil_ptr(*w)?;
        let l = *w as *mut NotifyList;
        if (*l).wait.load(Ordering::Acquire) == (*l).notify {
            return Ok(());
        }
        lock(&(*l).lock);
        let mut s = (*l).head;
        (*l).head = ptr::null_mut();
        (*l).tail = ptr::null_mut();
        (*l).notify = (*l).wait.load(Ordering::Acquire);
        unlock(&(*l).lock);
        while !s.is_null() {
            let next = (*s).next;
            let gp = (*s).g;
            release_sudog(s);
            goready(gp);
            s = next;
        }
    }
    Ok(())
}

unsafe fn n_notify_one(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [l].
    unsafe {
        nil_ptr(*w)?;
        let l = *w as *mut NotifyList;
        if (*l).wait.load(Ordering::Acquire) == (*l).notify {
            return Ok(());
        }
        lock(&(*l).lock);
        let t = (*l).notify;
        if t == (*l).wait.load(Ordering::Acquire) {
            unlock(&(*l).lock);
            return Ok(());
        }
        (*l).notify = t.wrapping_add(1);
        let mut p: *mut Sudog = ptr::null_mut();
        let mut s = (*l).head;
        while !s.is_null() {
            if (*s).ticket == t {
                let n = (*s).next;
                if p.is_null() {
                    (*l).head = n;
                } else {
                    (*p).next = n;
                }
                if (*l).tail == s {
                    (*l).tail = p;
                }
                unlock(&(*l).lock);
                let gp = (*s).g;
                release_sudog(s);
                goready(gp);
                return Ok(());
            }
            p = s;
            s = (*s).next;
        }
        unlock(&(*l).lock);
    }
    Ok(())
}

unsafe fn n_notify_check(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [size].
    let sz = unsafe { *w } as usize;
    if sz != std::mem::size_of::<NotifyList>() {
        crate::panic::throw("bad notifyList size");
    }
    Ok(())
}

// ---------------------------------------------------------------------
// The sync package's semaphore natives.

/// `[addr]` or `[addr][lifo][skipframes]`.
unsafe fn acquire_with(w: *mut u64, lifo: bool, reason: WaitReason) -> R {
    // SAFETY: window's first slot is *uint32.
    unsafe {
        nil_ptr(*w)?;
        semacquire(*w as *mut u32, lifo, reason)
    }
}

unsafe fn n_semacquire(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [addr].
    unsafe { acquire_with(w, false, WaitReason::Semacquire) }
}

unsafe fn n_semacquire_wg(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [addr].
    unsafe { acquire_with(w, false, WaitReason::SyncWaitGroupWait) }
}

unsafe fn n_semacquire_mutex(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [addr][lifo][skip].
    unsafe { acquire_with(w, *w.add(1) != 0, WaitReason::SyncMutexLock) }
}

unsafe fn n_semacquire_rwr(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [addr][lifo][skip].
    unsafe { acquire_with(w, *w.add(1) != 0, WaitReason::SyncRWMutexRLock) }
}

unsafe fn n_semacquire_rw(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [addr][lifo][skip].
    unsafe { acquire_with(w, *w.add(1) != 0, WaitReason::SyncRWMutexLock) }
}

/// `[addr][handoff][skipframes]`.
unsafe fn n_semrelease(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots; addr checked for nil.
    unsafe {
        nil_ptr(*w)?;
        let handoff = *w.add(1) != 0;
        if semrelease(*w as *mut u32, handoff) {
            // Go yields so the waiter handed the count runs now
            // (goyield: it waits in runnext, we go to the queue's tail).
            return Err(proc::goyield());
        }
    }
    Ok(())
}

/// `runtime_canSpin(i int) bool`: spin only on a multicore machine with
/// GOMAXPROCS > 1, at least one other running P, an empty local run
/// queue, and fewer than 4 attempts (Go's `sync_runtime_canSpin`).
unsafe fn n_can_spin(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][i].
    let i = unsafe { *w.add(1) } as i64;
    let ok = proc::can_spin(i);
    // SAFETY: as above.
    unsafe { *w = ok as u64 };
    Ok(())
}

unsafe fn n_do_spin(_: &mut GState, _: *mut u64) -> R {
    // Go's procyield(30).
    for _ in 0..30 {
        std::hint::spin_loop();
    }
    Ok(())
}

unsafe fn n_nanotime(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res].
    unsafe { *w = proc::nanotime() as u64 };
    Ok(())
}

unsafe fn n_gomaxprocs(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res].
    unsafe { *w = proc::gomaxprocs() as u64 };
    Ok(())
}

pub(crate) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("sync.runtime_Semacquire", n_semacquire, 1),
    ("sync.runtime_SemacquireMutex", n_semacquire_mutex, 3),
    ("sync.runtime_SemacquireRWMutexR", n_semacquire_rwr, 3),
    ("sync.runtime_SemacquireRWMutex", n_semacquire_rw, 3),
    ("sync.runtime_SemacquireWaitGroup", n_semacquire_wg, 1),
    ("sync.runtime_Semrelease", n_semrelease, 3),
    ("sync.runtime_canSpin", n_can_spin, 2),
    ("sync.runtime_doSpin", n_do_spin, 0),
    ("sync.runtime_nanotime", n_nanotime, 1),
    ("sync.runtime_notifyListAdd", n_notify_add, 2),
    ("sync.runtime_notifyListWait", n_notify_wait, 2),
    ("sync.runtime_notifyListNotifyAll", n_notify_all, 1),
    ("sync.runtime_notifyListNotifyOne", n_notify_one, 1),
    ("sync.runtime_notifyListCheck", n_notify_check, 1),
    ("sync.runtime_GOMAXPROCS", n_gomaxprocs, 1),
];
