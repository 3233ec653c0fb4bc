//! Timers (Go's time.go): per-P heaps of timers ordered by `when`, run by
//! whichever M holds the P (or steals from it) once they are due;
//! `time.Sleep` parks the goroutine on its own timer, so a sleeping
//! goroutine holds no OS thread. When every M is idle, one of them sleeps
//! until the earliest timer (proc.rs, as Go's netpoller wait).
//!
//! Invariants:
//! - a timer's fields are guarded by its own lock; a heap by the P's
//!   timer-heap lock; a channel timer's sends by its `send_lock`; lock
//!   order is send lock, timer, heap (then the channel's lock);
//! - a channel timer's callback (`deliver`) runs under `send_lock` and
//!   only if the timer's `seq` is still the one it fired with: Stop and
//!   Reset take `send_lock` and bump `seq`, so no value they did not see
//!   arrives after them (Go's `sendLock` / `isSending`); a value they
//!   drain, or a send they cancel, counts as the timer still pending;
//! - heap entries are `(when, timer, seq)`; an entry is live only while
//!   its `seq` equals the timer's and the timer is active — modifying or
//!   stopping a timer bumps `seq`, so stale entries are skipped when they
//!   reach the top (lazy deletion), and the heap is rebuilt when more
//!   than half of it is stale;
//! - `live` counts active timers of the heap, so "is any timer pending"
//!   (deadlock detection) is exact;
//! - a timer function runs with no timer or heap lock held.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::interp::{GState, NativeFn, PanicValue, G};
use crate::lock_futex::{lock, unlock};
use crate::proc::{self, P};
use crate::typedesc::{Kind, Type};

/// The monotonic clock in ns since process start (+1, so never 0), shared
/// with `time.runtimeNano`.
pub fn nanotime() -> i64 {
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    let s = START.get_or_init(std::time::Instant::now);
    s.elapsed().as_nanos() as i64 + 1
}

/// A runtime timer, allocated in the Go heap (`time.rtimer` is opaque to
/// Go code).
#[repr(C)]
pub struct Timer {
    lock: AtomicU32,
    active: u32,
    pub when: i64,
    pub period: i64,
    /// Go func value `f(arg any, seq uintptr, delta int64)`; 0 for sleep.
    f: u64,
    arg_t: u64,
    arg_d: u64,
    seq: u64,
    /// Sleep timers: the goroutine to ready.
    gp: *mut G,
    /// Channel timers: the channel (drained by Stop/Reset).
    hchan: *mut crate::chan::HChan,
    /// Index + 1 of the P whose heap holds the live entry (0: none).
    heap: usize,
    /// Channel timers: held while the callback sends, and by Stop/Reset.
    send_lock: AtomicU32,
    /// Channel timers: one-shot firings between their timer lock and
    /// `send_lock` (Go's `isSending`).
    sending: AtomicU32,
}

const TIMER_SIZE: usize = std::mem::size_of::<Timer>();
// Go pointers: f (word 3), arg_d (word 5), hchan (word 8).
static TIMER_MASK: [u8; 2] = [0b0010_1000, 0b1];
static TIMER_TYPE: Type =
    Type::with_pointers(TIMER_SIZE, Kind::Struct, &TIMER_MASK, "runtime.timer");

/// One entry of a heap.
#[derive(Clone, Copy)]
struct Entry {
    when: i64,
    t: *mut Timer,
    seq: u64,
}

struct Heap {
    v: Vec<Entry>,
    stale: usize,
}

/// A P's timers.
pub struct TimerHeap {
    h: Mutex<Heap>,
    live: AtomicUsize,
    /// Earliest `when` in the heap (i64::MAX if empty), read without lock.
    first: std::sync::atomic::AtomicI64,
}

// SAFETY: the raw timer pointers are only dereferenced under the timers'
// own locks.
unsafe impl Send for TimerHeap {}
// SAFETY: as above.
unsafe impl Sync for TimerHeap {}

impl TimerHeap {
    pub fn new() -> TimerHeap {
        TimerHeap {
            h: Mutex::new(Heap {
                v: Vec::new(),
                stale: 0,
            }),
            live: AtomicUsize::new(0),
            first: std::sync::atomic::AtomicI64::new(i64::MAX),
        }
    }

    /// Active timers in this heap.
    pub fn len(&self) -> usize {
        self.live.load(Ordering::Acquire)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `f` with every timer the heap refers to, stale entries
    /// included (the GC's roots: an entry is read until it is dropped).
    pub fn for_each_timer(&self, mut f: impl FnMut(u64)) {
        let h = self.h.lock().unwrap_or_else(|x| x.into_inner());
        for e in &h.v {
            f(e.t as u64);
        }
    }

    fn push(&self, e: Entry) {
        let mut h = self.h.lock().unwrap_or_else(|x| x.into_inner());
        h.v.push(e);
        let n = h.v.len() - 1;
        sift_up(&mut h.v, n);
        self.first.store(h.v[0].when, Ordering::Release);
    }
}

impl Default for TimerHeap {
    fn default() -> Self {
        TimerHeap::new()
    }
}

fn sift_up(v: &mut [Entry], mut i: usize) {
    while i > 0 {
        let p = (i - 1) / 4;
        if v[p].when <= v[i].when {
            break;
        }
        v.swap(p, i);
        i = p;
    }
}

fn sift_down(v: &mut [Entry], mut i: usize) {
    let n = v.len();
    loop {
        let c = 4 * i + 1;
        if c >= n {
            return;
        }
        let mut m = c;
        for k in c + 1..(c + 4).min(n) {
            if v[k].when < v[m].when {
                m = k;
            }
        }
        if v[i].when <= v[m].when {
            return;
        }
        v.swap(i, m);
        i = m;
    }
}

fn heap_of(idx: usize) -> &'static TimerHeap {
    &proc::sched().allp[idx - 1].timers
}

/// The heap the current thread should add to: its P's, else P0's.
fn my_heap_idx() -> usize {
    let pp = proc::getp();
    if pp.is_null() {
        1
    } else {
        // SAFETY: Ps live forever.
        unsafe { (*pp).id + 1 }
    }
}

/// Makes `t` fire at `when` (and every `period` after if > 0); returns
/// whether it was active. The timer's lock must be held.
///
/// # Safety
/// `t` is a valid timer whose lock the caller holds.
unsafe fn modify_locked(t: *mut Timer, when: i64, period: i64) -> bool {
    // SAFETY: caller's contract.
    let t_ = unsafe { &mut *t };
    let was = t_.active != 0;
    if was {
        let old = heap_of(t_.heap);
        old.live.fetch_sub(1, Ordering::AcqRel);
        old.h.lock().unwrap_or_else(|x| x.into_inner()).stale += 1;
    }
    t_.when = when;
    t_.period = period;
    t_.seq = t_.seq.wrapping_add(1);
    t_.active = 1;
    let idx = my_heap_idx();
    t_.heap = idx;
    let hp = heap_of(idx);
    hp.live.fetch_add(1, Ordering::AcqRel);
    hp.push(Entry {
        when,
        t,
        seq: t_.seq,
    });
    was
}

/// Stops `t`; returns whether it was active. The timer's lock must be held.
///
/// # Safety
/// As [`modify_locked`].
unsafe fn stop_locked(t: *mut Timer) -> bool {
    // SAFETY: caller's contract.
    let t_ = unsafe { &mut *t };
    if t_.active == 0 {
        return false;
    }
    t_.active = 0;
    t_.seq = t_.seq.wrapping_add(1);
    let hp = heap_of(t_.heap);
    hp.live.fetch_sub(1, Ordering::AcqRel);
    hp.h.lock().unwrap_or_else(|x| x.into_inner()).stale += 1;
    true
}

/// Creates a timer (not yet started).
fn new_timer_obj() -> *mut Timer {
    // SAFETY: TIMER_TYPE is a static descriptor; the object is zeroed.
    unsafe { crate::malloc::mallocgc(TIMER_SIZE, &TIMER_TYPE, true) as *mut Timer }
}

/// Runs the due timers of `pp`'s heap (Go's `checkTimers`). The caller
/// holds a P (maybe not `pp`).
pub(crate) fn check_timers(pp: *mut P, now: i64) {
    // SAFETY: Ps live forever.
    let hp = unsafe { &(*pp).timers };
    if hp.first.load(Ordering::Acquire) > now {
        return;
    }
    loop {
        let e = {
            let mut h = hp.h.lock().unwrap_or_else(|x| x.into_inner());
            if h.stale > 16 && h.stale > h.v.len() / 2 {
                rebuild(&mut h);
            }
            match h.v.first() {
                Some(e) if e.when <= now => {
                    let e = *e;
                    let last = h.v.len() - 1;
                    h.v.swap(0, last);
                    h.v.pop();
                    sift_down(&mut h.v, 0);
                    hp.first
                        .store(h.v.first().map_or(i64::MAX, |x| x.when), Ordering::Release);
                    e
                }
                _ => return,
            }
        };
        run_entry(hp, e, now);
    }
}

/// Drops the stale entries of a heap.
fn rebuild(h: &mut Heap) {
    h.v.retain(|e| {
        // SAFETY: timers live in the Go heap and are never freed (no GC
        // yet); `seq` and `active` are read racily only to drop entries
        // that are certainly stale (a timer's seq only grows).
        unsafe { (*e.t).seq == e.seq && (*e.t).active != 0 }
    });
    for i in (0..h.v.len()).rev() {
        sift_down(&mut h.v, i);
    }
    h.stale = 0;
}

/// Fires an entry popped from `from` if it is still live.
fn run_entry(from: &TimerHeap, e: Entry, now: i64) {
    let t = e.t;
    // SAFETY: timers are valid Go heap objects; fields under their lock.
    unsafe {
        lock(&(*t).lock);
        if (*t).seq != e.seq || (*t).active == 0 {
            let mut h = from.h.lock().unwrap_or_else(|x| x.into_inner());
            h.stale = h.stale.saturating_sub(1);
            drop(h);
            unlock(&(*t).lock);
            return;
        }
        let delta = now - (*t).when;
        let seq = (*t).seq;
        let (f, at, ad, gp) = ((*t).f, (*t).arg_t, (*t).arg_d, (*t).gp);
        let hp = heap_of((*t).heap);
        if (*t).period > 0 {
            // Periodic: next tick after now, skipping missed ones.
            let p = (*t).period;
            let mut next = (*t).when + p * (1 + delta / p);
            if next < 0 {
                next = i64::MAX;
            }
            (*t).when = next;
            (*t).seq = (*t).seq.wrapping_add(1);
            hp.push(Entry {
                when: next,
                t,
                seq: (*t).seq,
            });
        } else {
            (*t).active = 0;
            (*t).seq = (*t).seq.wrapping_add(1);
            hp.live.fetch_sub(1, Ordering::AcqRel);
        }
        let fired_seq = (*t).seq;
        let is_chan = !(*t).hchan.is_null();
        let one_shot = (*t).period == 0;
        if is_chan && one_shot {
            (*t).sending.fetch_add(1, Ordering::AcqRel);
        }
        unlock(&(*t).lock);
        let mut f = f;
        if is_chan {
            lock(&(*t).send_lock);
            if one_shot {
                (*t).sending.fetch_sub(1, Ordering::AcqRel);
            }
            // Stopped or reset since it fired: the send is cancelled.
            let now_seq = {
                lock(&(*t).lock);
                let q = (*t).seq;
                unlock(&(*t).lock);
                q
            };
            if now_seq != fired_seq {
                f = 0;
            }
        }
        if !gp.is_null() {
            proc::goready(gp);
        } else if f != 0 {
            let mut gs = GState::default();
            let r = crate::interp::call_go_closure(&mut gs, f, &[at, ad, seq, delta as u64], 0);
            crate::print::flush(&mut gs.out);
            if let Err(e) = r {
                // The time package's callbacks (deliver, launch) do not
                // panic; one that does is a runtime bug.
                crate::panic::throw(&format!(
                    "timer callback failed: {}",
                    crate::print::panic_value_string(&e)
                ));
            }
        }
        if is_chan {
            unlock(&(*t).send_lock);
        }
    }
}

/// The earliest pending `when` over the first `procs` Ps (i64::MAX: none).
pub fn earliest_timer(procs: usize) -> i64 {
    let sc = proc::sched();
    sc.allp
        .iter()
        .take(procs.max(1))
        .filter(|p| !p.timers.is_empty())
        .map(|p| p.timers.first.load(Ordering::Acquire))
        .min()
        .unwrap_or(i64::MAX)
}

/// Moves every timer of `from`'s heap to `to`'s (a P retiring).
pub(crate) fn move_timers(from: *mut P, to: *mut P) {
    // SAFETY: Ps live forever.
    let (fh, th, to_idx) = unsafe { (&(*from).timers, &(*to).timers, (*to).id + 1) };
    let entries = {
        let mut h = fh.h.lock().unwrap_or_else(|x| x.into_inner());
        h.stale = 0;
        fh.first.store(i64::MAX, Ordering::Release);
        std::mem::take(&mut h.v)
    };
    for e in entries {
        // SAFETY: valid timers; fields under their lock.
        unsafe {
            lock(&(*e.t).lock);
            if (*e.t).seq == e.seq && (*e.t).active != 0 {
                (*e.t).heap = to_idx;
                fh.live.fetch_sub(1, Ordering::AcqRel);
                th.live.fetch_add(1, Ordering::AcqRel);
                th.push(e);
            }
            unlock(&(*e.t).lock);
        }
    }
}

// ---------------------------------------------------------------------
// Sleep and the time package's natives.

/// Adds a sleeping goroutine's timer once it is parked (Go's
/// `resetForSleep`).
unsafe fn reset_for_sleep(_gp: *mut G, tp: *mut u8) -> bool {
    let t = tp as *mut Timer;
    // SAFETY: the sleep timer of the parking goroutine.
    let when = unsafe {
        lock(&(*t).lock);
        let when = (*t).when;
        modify_locked(t, when, 0);
        unlock(&(*t).lock);
        when
    };
    proc::timer_added(when);
    true
}

/// `time.Sleep(d)`.
pub fn sleep(d: i64) -> Result<(), PanicValue> {
    if d <= 0 {
        return Ok(());
    }
    let gp = proc::getg();
    if gp.is_null() || !proc::started() {
        std::thread::sleep(std::time::Duration::from_nanos(d as u64));
        return Ok(());
    }
    // SAFETY: the running G is ours.
    unsafe {
        let g = &mut *gp;
        if g.sched.timer.is_null() {
            g.sched.timer = new_timer_obj();
        }
        let t = g.sched.timer;
        (*t).gp = gp;
        let mut when = nanotime().saturating_add(d);
        if when < 0 {
            when = i64::MAX;
        }
        (*t).when = when;
        Err(proc::gopark(
            Some(reset_for_sleep),
            t as *mut u8,
            proc::WaitReason::Sleep,
        ))
    }
}

type R = Result<(), PanicValue>;

pub(crate) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("time.Sleep", n_sleep, 1),
    ("time.runtimeNano", n_nano, 1),
    ("os.runtimeNano", n_nano, 1),
    ("time.newTimer", n_new_timer, 7),
    ("time.stopTimer", n_stop_timer, 2),
    ("time.resetTimer", n_reset_timer, 4),
];

unsafe fn n_sleep(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 1 slot.
    sleep(unsafe { *w } as i64)
}

unsafe fn n_nano(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 1 slot.
    unsafe { *w = nanotime() as u64 };
    Ok(())
}

/// `[res][when][period][f][arg type][arg data][isChan]`.
unsafe fn n_new_timer(_: &mut GState, w: *mut u64) -> R {
    let t = new_timer_obj();
    // SAFETY: window of 7 slots; t is a fresh timer.
    unsafe {
        (*t).f = *w.add(3);
        (*t).arg_t = *w.add(4);
        (*t).arg_d = *w.add(5);
        if *w.add(6) != 0 {
            let c = *w.add(5) as *mut crate::chan::HChan;
            (*t).hchan = c;
            if !c.is_null() {
                (*c).is_timer = 1;
            }
        }
        let when = *w.add(1) as i64;
        lock(&(*t).lock);
        modify_locked(t, when, *w.add(2) as i64);
        unlock(&(*t).lock);
        *w = t as u64;
        proc::timer_added(when);
    }
    Ok(())
}

/// `[res][t]`: Go's `timer.stop`. For a channel timer (Go 1.23) a
/// value fired but not received counts as pending: it is dropped and
/// Stop reports true, as does a send it cancels.
unsafe fn n_stop_timer(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    let t = unsafe { *w.add(1) } as *mut Timer;
    // SAFETY: t came from newTimer; its hchan never changes.
    unsafe {
        let c = (*t).hchan;
        if !c.is_null() {
            lock(&(*t).send_lock);
        }
        lock(&(*t).lock);
        let mut pending = stop_locked(t);
        if !c.is_null() {
            // Cancel a firing whose send has not happened yet.
            (*t).seq = (*t).seq.wrapping_add(1);
            if (*t).period == 0 && (*t).sending.load(Ordering::Acquire) > 0 {
                pending = true;
            }
        }
        unlock(&(*t).lock);
        if !c.is_null() {
            unlock(&(*t).send_lock);
            pending |= crate::chan::drain(c);
        }
        *w = pending as u64;
    }
    Ok(())
}

/// `[res][t][when][period]`: Go's `timer.modify`; for a channel timer, a
/// value fired but not received is dropped and counts as pending.
unsafe fn n_reset_timer(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 4 slots.
    let t = unsafe { *w.add(1) } as *mut Timer;
    // SAFETY: t came from newTimer; its hchan never changes.
    unsafe {
        let when = *w.add(2) as i64;
        let c = (*t).hchan;
        if !c.is_null() {
            lock(&(*t).send_lock);
        }
        lock(&(*t).lock);
        let one_shot = (*t).period == 0;
        // modify_locked bumps seq: a firing not yet sent is cancelled.
        let mut pending = modify_locked(t, when, *w.add(3) as i64);
        if !c.is_null() && one_shot && (*t).sending.load(Ordering::Acquire) > 0 {
            pending = true;
        }
        unlock(&(*t).lock);
        if !c.is_null() {
            pending |= crate::chan::drain(c);
            unlock(&(*t).send_lock);
        }
        *w = pending as u64;
        proc::timer_added(when);
    }
    Ok(())
}
