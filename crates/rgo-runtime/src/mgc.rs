//! The garbage collection cycle (Go's mgc.go), before the collector.
//!
//! rgo has no collector yet (a later issue): no cycle marks or frees
//! anything, and none starts by itself. But a cycle is still an event
//! programs observe, so `runtime.GC()` runs one *without collecting*:
//!
//! - it stops the world ([`proc::stop_the_world`]), as Go does at the
//!   start of a cycle (sweep termination);
//! - it runs the cycle hooks that do not need a collector: sync.Pool's
//!   cleanup (Go's `poolCleanup`), registered by package sync at init
//!   (`sync.runtime_registerPoolCleanup`), which moves every Pool's
//!   primary cache to its victim cache and drops the old victims — so
//!   an object Put before one GC can still be got, and not after two;
//! - it counts the cycle: `MemStats.NumGC`, `NumForcedGC`, `LastGC`,
//!   `PauseNs`/`PauseEnd`/`PauseTotalNs` (the stop's duration), read by
//!   `runtime.ReadMemStats` (mstats.rs).
//!
//! Nothing is freed: the dropped victims stay allocated until the
//! collector exists.
//!
//! Invariants:
//! - the hooks run with the world stopped, on the M of the G that called
//!   `runtime.GC`, in a nested interpreter (`call_go`): no other G runs,
//!   no G is inside a pinned section (procPin), so the hooks may touch
//!   per-P data without synchronization;
//! - the counters change only with the world stopped, under `STATS`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use crate::interp::{GState, NativeFn, PanicValue};
use crate::proc;

/// The func value of sync's Pool cleanup (0: not registered).
static POOL_CLEANUP: AtomicU64 = AtomicU64::new(0);

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

/// Runs the cycle's hooks and counts it; the world is stopped (or the
/// scheduler has not started). `start` is when the stop began.
fn cycle(gs: &mut GState, start: i64) -> Result<(), PanicValue> {
    let fv = POOL_CLEANUP.load(Ordering::Acquire);
    if fv != 0 {
        crate::interp::call_go_closure(gs, fv, &[], 0)?;
    }
    let pause = (proc::nanotime() - start).max(0) as u64;
    let end = unix_nanos();
    let mut s = STATS.lock().unwrap_or_else(|e| e.into_inner());
    s.num_gc = s.num_gc.wrapping_add(1);
    s.num_forced_gc = s.num_forced_gc.wrapping_add(1);
    let i = (s.num_gc as usize + 255) % 256;
    s.pause_ns[i] = pause;
    s.pause_end[i] = end;
    s.pause_total_ns += pause;
    s.last_gc = end;
    Ok(())
}

/// `runtime.GC()`: one (non-collecting) cycle, see the module comment.
unsafe fn n_gc(gs: &mut GState, _: *mut u64) -> Result<(), PanicValue> {
    let start = proc::nanotime();
    let gp = proc::getg();
    // SAFETY: the running G is ours.
    if !proc::started() || gp.is_null() || proc::getp().is_null() {
        return cycle(gs, start);
    }
    if !proc::stop_the_world() {
        // SAFETY: as above.
        if unsafe { (*gp).sched.is_callback } {
            // A callback cannot yield to let the other stop finish:
            // skip this cycle rather than wait for our own P forever.
            return Ok(());
        }
        return Err(proc::yield_retry());
    }
    let r = cycle(gs, start);
    proc::start_the_world(None);
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
