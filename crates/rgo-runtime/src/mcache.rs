//! Per-P allocation cache (Go's mcache.go): one span per span class from
//! which small objects are carved without any lock, plus the tiny
//! allocator's current 16-byte block.
//!
//! Ownership: the scheduler owns one `MCache` per P; only the M running
//! that P allocates from it, so nothing here is locked or atomic. An
//! `MCache` can move between threads (it is `Send`) but is never shared.
//!
//! Invariants:
//! - `alloc[spc]` is the empty placeholder span or a span of class `spc`
//!   owned by this cache (marked `cached`, on no mcentral list);
//! - `tiny` is 0 or the address of a 16-byte noscan block whose bytes
//!   `tiny_offset..16` are unused and zero;
//! - `release_all` returns every span to its mcentral and folds the
//!   cache's counts into the global statistics; dropping a cache does it.

use std::cell::UnsafeCell;
use std::ptr;

use crate::mcentral::{cache_span, uncache_span};
use crate::mspan::{MSpan, SpanClass, NUM_SPAN_CLASSES};
use crate::mstats::{add, STATS};
use crate::panic::throw;

/// The shared empty span (Go's `emptymspan`): no free slot, so the fast
/// path falls through to `refill` without a null check.
struct EmptySpan(UnsafeCell<MSpan>);

// SAFETY: the placeholder is never written: its alloc_cache is 0 and its
// nelems 0, so next_free_fast and next_free only read it, and refill
// recognizes it by address before touching any span.
unsafe impl Sync for EmptySpan {}

static EMPTY_MSPAN: EmptySpan = EmptySpan(UnsafeCell::new(MSpan::EMPTY));

#[inline]
fn empty_span() -> *mut MSpan {
    EMPTY_MSPAN.0.get()
}

/// A per-P cache. See the module comment.
pub struct MCache {
    pub(crate) alloc: [*mut MSpan; NUM_SPAN_CLASSES],
    /// Current tiny block (0: none) and the first unused byte in it.
    pub(crate) tiny: usize,
    pub(crate) tiny_offset: usize,
    /// Tiny allocations that fit in an existing block, not yet flushed.
    pub(crate) tiny_allocs: u64,
    /// Heap sampling (mprof.rs): bytes left before the sampling slow
    /// path, the rest of the distance to the next sample beyond them, and
    /// the rate that distance was drawn for.
    pub(crate) next_sample: usize,
    pub(crate) sample_rest: usize,
    pub(crate) sample_rate: i64,
}

// SAFETY: the spans an MCache points to are owned by it alone (module
// invariant), so moving the cache to another thread moves that ownership.
unsafe impl Send for MCache {}

impl Default for MCache {
    fn default() -> Self {
        Self::new()
    }
}

impl MCache {
    /// A cache holding no spans (Go's `allocmcache`).
    pub fn new() -> MCache {
        add(&STATS.mcache_inuse, std::mem::size_of::<MCache>() as i64);
        add(&STATS.mcache_sys, std::mem::size_of::<MCache>() as i64);
        MCache {
            alloc: [empty_span(); NUM_SPAN_CLASSES],
            tiny: 0,
            tiny_offset: 0,
            tiny_allocs: 0,
            next_sample: 0,
            sample_rest: 0,
            sample_rate: 0,
        }
    }

    /// Slow path: a free slot of class `spc`, refilling from the mcentral
    /// when the current span is full (Go's `nextFree`). Returns the slot
    /// address and its span.
    #[cold]
    #[inline(never)]
    pub(crate) fn next_free(&mut self, spc: SpanClass) -> (usize, *mut MSpan) {
        let mut s = self.alloc[spc.index()];
        if s != empty_span() {
            // SAFETY: a non-placeholder entry is a span this cache owns.
            let sp = unsafe { &mut *s };
            let idx = sp.next_free_index();
            if idx < sp.nelems {
                sp.alloc_count += 1;
                return (sp.start_addr + idx * sp.elemsize, s);
            }
        }
        self.refill(spc);
        s = self.alloc[spc.index()];
        // SAFETY: refill installed a span owned by this cache.
        let sp = unsafe { &mut *s };
        let idx = sp.next_free_index();
        if idx >= sp.nelems {
            throw("mcache.refill: span has no free space");
        }
        sp.alloc_count += 1;
        (sp.start_addr + idx * sp.elemsize, s)
    }

    /// Swaps the current (full) span of `spc` for one with free slots
    /// (Go's `refill`).
    fn refill(&mut self, spc: SpanClass) {
        let s = self.alloc[spc.index()];
        if s != empty_span() {
            // SAFETY: s is owned by this cache.
            if unsafe { (*s).alloc_count != (*s).nelems } {
                throw("refill of span with free space remaining");
            }
            // SAFETY: as above; the entry is replaced below.
            unsafe { self.uncache(s) };
        }
        self.alloc[spc.index()] = cache_span(spc);
    }

    /// Hands `s` back to its mcentral, counting the slots used while cached.
    ///
    /// # Safety
    /// `s` must be a span owned by this cache; the caller drops its entry.
    unsafe fn uncache(&mut self, s: *mut MSpan) {
        // SAFETY: caller guarantees ownership.
        let (class, used) = unsafe {
            (
                (*s).spanclass.sizeclass(),
                (*s).alloc_count - (*s).alloc_count_before_cache,
            )
        };
        add(&STATS.small_alloc_count[class], used as i64);
        // SAFETY: ownership passes to the mcentral.
        unsafe { uncache_span(s) };
    }

    /// Returns every cached span to the mcentrals, forgets the tiny block
    /// and flushes the counters (Go's `releaseAll`). The scheduler calls it
    /// when a P is destroyed and before a GC cycle sweeps.
    pub fn release_all(&mut self) {
        for i in 0..NUM_SPAN_CLASSES {
            let s = self.alloc[i];
            if s != empty_span() {
                // SAFETY: a non-placeholder entry is owned by this cache.
                unsafe { self.uncache(s) };
                self.alloc[i] = empty_span();
            }
        }
        self.tiny = 0;
        self.tiny_offset = 0;
        add(&STATS.tiny_alloc_count, self.tiny_allocs as i64);
        self.tiny_allocs = 0;
    }

    /// The span currently cached for `spc`, or null.
    pub fn cached_span(&self, spc: SpanClass) -> *mut MSpan {
        let s = self.alloc[spc.index()];
        if s == empty_span() {
            ptr::null_mut()
        } else {
            s
        }
    }
}

impl Drop for MCache {
    fn drop(&mut self) {
        self.release_all();
        add(&STATS.mcache_inuse, -(std::mem::size_of::<MCache>() as i64));
    }
}
