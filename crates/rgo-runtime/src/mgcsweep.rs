//! Sweeping (Go's mgcsweep.go), the allocator's half of the GC: after the
//! mark phase has set the mark bit of every reachable object, sweep turns
//! each span's mark bits into its allocation bits, so unmarked slots
//! become free, counts what was freed, and gives spans left empty back to
//! the heap. `mark_object` is the marking primitive the GC's `greyobject`
//! will build on.
//!
//! This is the stop-the-world form (Go's `gcSweep` with
//! `debug.gcstoptheworld`): the caller must have flushed every `MCache`
//! (so no span is cached) and must run no allocation concurrently. Lazy,
//! concurrent sweeping with `sweepgen` comes with the concurrent GC.
//!
//! Before any mark bit is swapped, the heap profile is told which of its
//! sampled objects die (Go frees their profile specials while sweeping).
//!
//! Invariants after `sweep_all`: every surviving span has `alloc_count`
//! = its marked objects and no mark bit set; spans with free slots are on
//! their partial list, others on full; no span without objects remains.

use std::sync::atomic::Ordering;

use crate::mcentral::{CentralLists, CACHED_SPANS};
use crate::mheap::{find_allocated, MHEAP};
use crate::mspan::MSpan;
use crate::mstats::{add, STATS};
use crate::panic::throw;

/// Marks the object containing `addr` (any interior address). Returns
/// false if `addr` is not inside an allocated heap object or the object
/// was already marked. Safe to call from several threads at once.
pub fn mark_object(addr: usize) -> bool {
    mark(addr).is_some()
}

/// [`mark_object`], returning the object's base and span when this call
/// marked it (Go's `greyobject` then queues it for scanning).
pub(crate) fn mark(addr: usize) -> Option<(usize, *mut MSpan)> {
    let (base, s, idx) = find_allocated(addr)?;
    // SAFETY: find_allocated returned an in-use span; mark bits are atomic.
    unsafe { (*s).set_marked(idx) }.then_some((base, s))
}

/// What one sweep did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SweepResult {
    pub spans_swept: usize,
    pub objects_freed: usize,
    pub bytes_freed: usize,
    /// Spans returned to the heap because nothing in them survived.
    pub spans_freed: usize,
    /// Bytes of the objects that survived.
    pub bytes_live: usize,
}

/// Sweeps every in-use span. See the module comment for the preconditions;
/// it throws if a span is still cached.
pub fn sweep_all() -> SweepResult {
    if CACHED_SPANS.load(Ordering::Relaxed) != 0 {
        throw("sweep_all: spans still cached; flush every MCache first");
    }
    // The heap profile (mprof.rs): marking is over, so the profile's cycle
    // advances, and the sampled objects left unmarked are counted freed.
    crate::mprof::next_cycle();
    crate::mprof::free_unmarked();
    let mut r = SweepResult::default();
    for central in MHEAP.central.iter() {
        let mut lists = central.lock();
        // SAFETY: we hold the lists' lock while collecting.
        let spans: Vec<*mut MSpan> =
            unsafe { lists.partial.iter().chain(lists.full.iter()).collect() };
        for s in spans {
            // SAFETY: s was on one of these lists and we hold their lock.
            unsafe { sweep_span(&mut lists, s, &mut r) };
        }
    }
    r
}

/// Sweeps one listed span and relists or frees it (Go's `mspan.sweep`).
///
/// # Safety
/// `s` must be on one of `lists`, whose lock the caller holds.
unsafe fn sweep_span(lists: &mut CentralLists, s: *mut MSpan, r: &mut SweepResult) {
    // SAFETY: s is on one of `lists` (caller), so exclusively ours under
    // the lock; unlink it before taking a reference to it.
    unsafe {
        if std::ptr::eq((*s).list, &lists.partial) {
            lists.partial.remove(s);
        } else {
            lists.full.remove(s);
        }
    }
    // SAFETY: s is unlisted and uncached: no one else can reach it.
    let sp = unsafe { &mut *s };
    let before = sp.alloc_count;
    if crate::mgc::gcstress() {
        // Stress mode: make a premature free visible, not silent.
        for i in 0..sp.nelems {
            if !sp.is_free(i) && !sp.is_marked(i) {
                // SAFETY: slot i lies inside the span's object area and
                // is dead: nothing may read it any more.
                unsafe {
                    std::ptr::write_bytes(
                        (sp.start_addr + i * sp.elemsize) as *mut u8,
                        0xa5,
                        sp.elemsize,
                    )
                };
            }
        }
    }
    let live = sp.swap_mark_bits();
    let freed = before - live;
    let class = sp.spanclass.sizeclass();
    r.spans_swept += 1;
    r.objects_freed += freed;
    r.bytes_freed += freed * sp.elemsize;
    r.bytes_live += live * sp.elemsize;
    if class == 0 {
        if freed != 0 {
            add(&STATS.large_free, sp.elemsize as i64);
            add(&STATS.large_free_count, 1);
        }
    } else {
        add(&STATS.small_free_count[class], freed as i64);
    }
    if freed != 0 {
        sp.needzero = true;
    }
    if live == 0 {
        r.spans_freed += 1;
        // SAFETY: s is unlisted, uncached (precondition) and empty.
        unsafe { MHEAP.free_span(s) };
        return;
    }
    // SAFETY: s is unlisted; we hold the lock of the list it joins.
    unsafe {
        if live == sp.nelems {
            lists.full.insert(s);
        } else {
            lists.partial.insert(s);
        }
    }
}
