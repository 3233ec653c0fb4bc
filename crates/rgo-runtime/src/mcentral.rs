//! Central free lists (Go's mcentral.go): for one span class, the spans
//! no `MCache` holds, split into those with a free slot (`partial`) and
//! those without (`full`). An `MCache` takes a partial span (or a new one
//! from the heap) when its own runs out, and gives it back when it is
//! flushed or swaps it for another.
//!
//! Lock: `MCentral.lists` protects both lists and every field of the spans
//! on them. While holding it the heap lock may be taken (to grow or to
//! free a span), never the other way round.
//!
//! Invariants: every span on `partial` has `alloc_count < nelems`; every
//! span on `full` has `alloc_count == nelems`; large spans (class 0) are
//! all on `full` (the sweeper finds them there, as in Go).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::mheap::MHEAP;
use crate::mspan::{MSpan, MSpanList, SpanClass};
use crate::sizeclasses::CLASS_TO_NPAGES;

/// The two lists of one span class.
pub(crate) struct CentralLists {
    pub partial: MSpanList,
    pub full: MSpanList,
}

/// One span class's central lists (Go's `mcentral`).
pub(crate) struct MCentral {
    lists: Mutex<CentralLists>,
}

/// Spans currently owned by some MCache (for sweep's precondition check).
pub(crate) static CACHED_SPANS: AtomicUsize = AtomicUsize::new(0);

impl MCentral {
    pub const fn new() -> MCentral {
        MCentral {
            lists: Mutex::new(CentralLists {
                partial: MSpanList::new(),
                full: MSpanList::new(),
            }),
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, CentralLists> {
        self.lists.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Gives an `MCache` a span of class `spc` with at least one free slot
/// (Go's `cacheSpan`): a partial span, or a fresh one from the heap.
pub(crate) fn cache_span(spc: SpanClass) -> *mut MSpan {
    let central = &MHEAP.central[spc.index()];
    let mut l = central.lock();
    let mut s = l.partial.first();
    if s.is_null() {
        s = MHEAP.alloc_span(
            CLASS_TO_NPAGES[spc.sizeclass()] as usize,
            spc,
            std::ptr::null(),
        );
    } else {
        // SAFETY: s is on the partial list whose lock we hold.
        unsafe { l.partial.remove(s) };
    }
    drop(l);
    // SAFETY: s is now on no list and not cached: exclusively ours.
    let sp = unsafe { &mut *s };
    sp.cached = true;
    sp.alloc_count_before_cache = sp.alloc_count;
    CACHED_SPANS.fetch_add(1, Ordering::Relaxed);
    // Go's heapLive counts a cached span's free space as allocated.
    crate::mgc::check_trigger(((sp.nelems - sp.alloc_count) * sp.elemsize) as u64);
    s
}

/// Takes back a span an `MCache` is done with (Go's `uncacheSpan`).
///
/// # Safety
/// `s` must be a span the calling MCache owns (from [`cache_span`]); the
/// cache must drop every reference to it.
pub(crate) unsafe fn uncache_span(s: *mut MSpan) {
    // SAFETY: the caller owned s exclusively until now.
    let sp = unsafe { &mut *s };
    let central = &MHEAP.central[sp.spanclass.index()];
    crate::mgc::uncount(((sp.nelems - sp.alloc_count) * sp.elemsize) as u64);
    let mut l = central.lock();
    sp.cached = false;
    // SAFETY: s is on no list; we hold the lock of the list it joins.
    unsafe {
        if sp.alloc_count == sp.nelems {
            l.full.insert(s);
        } else {
            l.partial.insert(s);
        }
    }
    CACHED_SPANS.fetch_sub(1, Ordering::Relaxed);
}

/// Records a new large-object span on its class's full list.
///
/// # Safety
/// `s` must be a fresh large span in no list.
pub(crate) unsafe fn push_large(s: *mut MSpan) {
    // SAFETY: caller guarantees s is valid and unlisted.
    let spc = unsafe { (*s).spanclass };
    let mut l = MHEAP.central[spc.index()].lock();
    // SAFETY: as above, under the list's lock.
    unsafe { l.full.insert(s) };
}
