//! The garbage collection cycle (Go's mgc.go): a stop-the-world,
//! precise mark and sweep (DESIGN §5 starts here; concurrent marking with
//! the write barrier is the next step).
//!
//! A cycle starts when the heap reaches its goal (GOGC: the live heap of
//! the last cycle grown by GOGC percent, at least 4 MB, or GOMEMLIMIT) or
//! when the program calls `runtime.GC`:
//!
//! 1. stop the world ([`proc::stop_the_world`]) — sweep termination;
//! 2. run the hooks Go runs at a cycle's start: sync.Pool's cleanup
//!    (`poolCleanup`, registered by package sync), which moves every
//!    Pool's primary cache to its victim cache and drops the old victims;
//! 3. flush every MCache, so that no span is cached and allocation bits
//!    are exact;
//! 4. mark (mgcmark.rs) from the roots, then decide finalizers and
//!    cleanups (mfinal.rs);
//! 5. sweep every span (mgcsweep.rs): unmarked objects become free, empty
//!    spans go back to the heap;
//! 6. set the next goal, count the cycle (`NumGC`, pauses, `LastGC` for
//!    `ReadMemStats`), print the gctrace line when `GODEBUG=gctrace=1`,
//!    and start the world; the finalizer goroutine is woken if work was
//!    queued.
//!
//! Triggering: the allocator adds the bytes it hands to an MCache (whole
//! free span space, as Go's heapLive does) or to a large object to
//! [`HEAP_LIVE`]; crossing the trigger sets [`GC_PENDING`] and the
//! allocating P's preemption flag. The G stops at its next safepoint,
//! and its M runs the cycle from the scheduler ([`gc_if_pending`]) — so a
//! cycle only ever starts with every G at a safepoint or in a native
//! that does not hold unrooted Go pointers (natives that block or call
//! back into Go keep their Go values in their frame's window).
//!
//! Invariants:
//! - at most one cycle runs (`stop_the_world` is exclusive);
//! - the hooks run with the world stopped, on the M that runs the cycle,
//!   in a nested interpreter (`call_go`);
//! - `HEAP_LIVE` is exact after each sweep (the marked bytes) and grows
//!   between cycles by what MCaches and large allocations take.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use crate::interp::{GState, NativeFn, PanicValue};
use crate::proc;

/// The func value of sync's Pool cleanup (0: not registered).
static POOL_CLEANUP: AtomicU64 = AtomicU64::new(0);

/// Bytes of heap in use or reserved by MCaches (Go's `heapLive`).
pub(crate) static HEAP_LIVE: AtomicU64 = AtomicU64::new(0);
/// Bytes marked by the last cycle (Go's `heapMarked`).
static HEAP_MARKED: AtomicU64 = AtomicU64::new(0);
/// The heap size at which the next cycle starts (Go's heap goal).
static HEAP_GOAL: AtomicU64 = AtomicU64::new(HEAP_MINIMUM);
/// A cycle was requested by the allocator and not yet run.
static GC_PENDING: AtomicBool = AtomicBool::new(false);
/// Go's `heapMinimum` at GOGC=100.
const HEAP_MINIMUM: u64 = 4 << 20;

/// rgo's collector stress mode (`RGODEBUG=gcstress=1`): a cycle at every
/// MCache refill, and the sweeper fills freed objects with 0xa5 bytes, to
/// flush out missing roots in tests.
pub(crate) fn gcstress() -> bool {
    static V: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *V.get_or_init(|| rgodebug("gcstress"))
}

/// Whether `RGODEBUG` sets `key=1` (rgo's own debugging switches, beside
/// Go's GODEBUG).
pub(crate) fn rgodebug(key: &str) -> bool {
    std::env::var("RGODEBUG")
        .map(|v| {
            v.split(',')
                .any(|kv| kv.trim().strip_prefix(key).is_some_and(|r| r == "=1"))
        })
        .unwrap_or(false)
}

fn gctrace() -> bool {
    static V: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *V.get_or_init(|| {
        std::env::var("GODEBUG")
            .map(|v| v.split(',').any(|kv| kv.trim() == "gctrace=1"))
            .unwrap_or(false)
    })
}

/// The heap goal for a live heap of `marked` bytes under the current
/// GOGC and GOMEMLIMIT (u64::MAX: no cycle starts by itself).
fn goal_for(marked: u64) -> u64 {
    let pct = crate::natives::gc_percent();
    let limit = crate::natives::memory_limit().max(0) as u64;
    let gogc = if pct < 0 {
        u64::MAX
    } else {
        let min = HEAP_MINIMUM * pct as u64 / 100;
        (marked + marked * pct as u64 / 100).max(min)
    };
    gogc.min(limit)
}

/// Recomputes the goal after GOGC or GOMEMLIMIT changed
/// (`debug.SetGCPercent`, `debug.SetMemoryLimit`).
pub(crate) fn commit() {
    HEAP_GOAL.store(
        goal_for(HEAP_MARKED.load(Ordering::Relaxed)),
        Ordering::Relaxed,
    );
    check_trigger(0);
}

/// Counts `bytes` more of live heap and requests a cycle when the goal is
/// reached (the allocator's slow paths call this).
#[inline]
pub(crate) fn check_trigger(bytes: u64) {
    let live = HEAP_LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    if (live >= HEAP_GOAL.load(Ordering::Relaxed) || gcstress())
        && proc::started()
        && !GC_PENDING.swap(true, Ordering::AcqRel)
    {
        proc::preempt_current();
    }
}

/// `MemStats.NextGC`: the current heap goal (Go's 4 MB at start).
pub(crate) fn next_gc() -> u64 {
    match HEAP_GOAL.load(Ordering::Relaxed) {
        u64::MAX => 0,
        g => g,
    }
}

/// Returns `bytes` reserved by an MCache but not allocated.
pub(crate) fn uncount(bytes: u64) {
    HEAP_LIVE.fetch_sub(bytes, Ordering::Relaxed);
}

/// Whether a cycle was requested and has not run yet.
#[inline]
pub(crate) fn pending() -> bool {
    GC_PENDING.load(Ordering::Relaxed)
}

/// Runs the requested cycle, if any; the scheduler calls this on an M
/// that holds a P, with its G stopped at a safepoint and not yet queued.
pub(crate) fn gc_if_pending() {
    if !GC_PENDING.load(Ordering::Acquire) {
        return;
    }
    if !proc::stop_the_world() {
        // Another stop is in progress; a later schedule retries.
        return;
    }
    let mut gs = GState::default();
    let start = proc::nanotime();
    // A panic of the pool cleanup (Go code) cannot happen; ignore it.
    let _ = cycle(&mut gs, start, false);
    crate::print::flush(&mut gs.out);
    proc::start_the_world(None);
    crate::mfinal::wake_fing();
}

/// What `runtime.ReadMemStats` reports about GC cycles.
#[derive(Clone, Copy)]
pub struct GcStats {
    pub num_gc: u32,
    pub num_forced_gc: u32,
    /// Wall-clock end of the last cycle, ns since 1970 (0: none yet).
    pub last_gc: u64,
    pub pause_total_ns: u64,
    /// Go's circular buffers: cycle k's values at index (k+255) % 256.
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
}

static STATS: Mutex<GcStats> = Mutex::new(GcStats {
    num_gc: 0,
    num_forced_gc: 0,
    last_gc: 0,
    pause_total_ns: 0,
    pause_ns: [0; 256],
    pause_end: [0; 256],
});

/// A copy of the cycle counters.
pub fn stats() -> GcStats {
    *STATS.lock().unwrap_or_else(|e| e.into_inner())
}

fn unix_nanos() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

/// One cycle (see the module comment); the world is stopped (or the
/// scheduler has not started). `start` is when the stop began.
fn cycle(gs: &mut GState, start: i64, forced: bool) -> Result<(), PanicValue> {
    GC_PENDING.store(false, Ordering::Release);
    let fv = POOL_CLEANUP.load(Ordering::Acquire);
    if fv != 0 {
        crate::interp::call_go_closure(gs, fv, &[], 0)?;
    }
    let heap0 = HEAP_LIVE.load(Ordering::Relaxed);
    let t_mark = proc::nanotime();
    let marked = if proc::started() {
        proc::flush_all_mcaches();
        crate::malloc::flush_mcache0();
        let prog = proc::sched().prog;
        let mut w = crate::mgcmark::Work::new();
        w.mark_roots(prog);
        w.grey(POOL_CLEANUP.load(Ordering::Acquire));
        crate::mfinal::grey_guarded(&mut w);
        w.drain();
        if crate::mfinal::queue_unreachable(&mut w) {
            w.drain();
        }
        let r = crate::mgcsweep::sweep_all();
        HEAP_LIVE.store(r.bytes_live as u64, Ordering::Relaxed);
        r.bytes_live as u64
    } else {
        heap0
    };
    HEAP_MARKED.store(marked, Ordering::Relaxed);
    let goal = goal_for(marked);
    HEAP_GOAL.store(goal, Ordering::Relaxed);
    let now = proc::nanotime();
    let pause = (now - start).max(0) as u64;
    let end = unix_nanos();
    let mut s = STATS.lock().unwrap_or_else(|e| e.into_inner());
    s.num_gc = s.num_gc.wrapping_add(1);
    if forced {
        s.num_forced_gc = s.num_forced_gc.wrapping_add(1);
    }
    let i = (s.num_gc as usize + 255) % 256;
    s.pause_ns[i] = pause;
    s.pause_end[i] = end;
    s.pause_total_ns += pause;
    s.last_gc = end;
    if gctrace() {
        let mb = |b: u64| b >> 20;
        let ms = |ns: i64| ns.max(0) as f64 / 1e6;
        let since = (start - proc::start_nano()).max(0) as f64 / 1e9;
        // Go's line: clock times of sweep termination, mark and mark
        // termination, then CPU times (STW phases times the Ps; the mark
        // split as assist/background/idle), heap sizes before, at the end
        // of marking and live, the goal.
        let procs = proc::gomaxprocs().max(1) as f64;
        eprintln!(
            "gc {} @{:.3}s 0%: {}+{}+{} ms clock, {}+0/{}/0+{} ms cpu, {}->{}->{} MB, {} MB goal, 0 MB stacks, 0 MB globals, {} P{}",
            s.num_gc,
            since,
            trace_ms(ms(t_mark - start)),
            trace_ms(ms(now - t_mark)),
            trace_ms(0.0),
            trace_ms(ms(t_mark - start) * procs),
            trace_ms(ms(now - t_mark)),
            trace_ms(0.0),
            mb(heap0),
            mb(heap0),
            mb(marked),
            mb(goal.min(u64::MAX >> 1)),
            proc::gomaxprocs(),
            if forced { " (forced)" } else { "" }
        );
    }
    Ok(())
}

/// A duration in gctrace's style: two significant digits.
fn trace_ms(v: f64) -> String {
    if v >= 10.0 {
        format!("{:.0}", v)
    } else if v >= 1.0 {
        format!("{:.1}", v)
    } else {
        format!("{:.3}", v)
    }
}

/// `runtime.GC()`: one full cycle, see the module comment.
unsafe fn n_gc(gs: &mut GState, _: *mut u64) -> Result<(), PanicValue> {
    let start = proc::nanotime();
    let gp = proc::getg();
    // SAFETY: the running G is ours.
    if !proc::started() || gp.is_null() || proc::getp().is_null() {
        return cycle(gs, start, true);
    }
    // SAFETY: as above.
    let callback = unsafe { (*gp).sched.is_callback };
    // Go's caller parks while the cycle marks concurrently, so goroutines
    // made runnable just before (one about to drop its last use of an
    // object) run and exit first. rgo marks with the world stopped: the
    // caller yields once before it.
    if !callback && !std::mem::replace(&mut gs.gc_yielded, true) {
        return Err(proc::yield_retry());
    }
    gs.gc_yielded = false;
    if !proc::stop_the_world() {
        if callback {
            // A callback cannot yield to let the other stop finish:
            // skip this cycle rather than wait for our own P forever.
            return Ok(());
        }
        return Err(proc::yield_retry());
    }
    let r = cycle(gs, start, true);
    // Sweeping is done: publish the heap profile as of this cycle's mark
    // (Go's mProf_PostSweep at the end of runtime.GC).
    crate::mprof::post_sweep();
    proc::start_the_world(None);
    // Go's runtime.GC parks until the cycle's mark and sweep are done,
    // which lets the finalizer goroutine run the finalizers it queued;
    // rgo's cycle ran inline, so the caller yields instead.
    if crate::mfinal::wake_fing() && r.is_ok() && !callback {
        return Err(proc::gosched());
    }
    r
}

/// `sync.runtime_registerPoolCleanup(cleanup func())`: `[cleanup]`.
unsafe fn n_register_pool_cleanup(_: &mut GState, w: *mut u64) -> Result<(), PanicValue> {
    // SAFETY: window [cleanup]; a func value of a top-level function,
    // which lives as long as the program.
    POOL_CLEANUP.store(unsafe { *w }, Ordering::Release);
    Ok(())
}

pub(crate) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("runtime.GC", n_gc, 0),
    (
        "sync.runtime_registerPoolCleanup",
        n_register_pool_cleanup,
        1,
    ),
];
