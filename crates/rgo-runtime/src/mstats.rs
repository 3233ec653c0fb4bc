//! Memory statistics (Go's mstats.go): the counters behind
//! `runtime.ReadMemStats`, kept from real accounting at the points where
//! memory changes hands, never estimated.
//!
//! Invariants (checked by [`crate::heapcheck::check_heap`]):
//! - `heap_in_use + heap_free + heap_released` is every byte of heap the
//!   page allocator owns (HeapSys); `heap_in_use` is the pages of in-use
//!   spans, `heap_free` free pages still resident, `heap_released` free
//!   pages returned to the OS (or never touched);
//! - small allocations are counted when a span leaves an `MCache` (slots
//!   used while cached), as Go does, so the fast path counts nothing;
//!   the counts are exact once every `MCache` has been flushed
//!   ([`crate::mcache::MCache::release_all`]);
//! - tiny allocations that fit in an existing tiny block count as one
//!   malloc and one free (the block itself is a class-2 object).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::sizeclasses::{CLASS_TO_SIZE, NUM_SIZE_CLASSES};

/// The global heap counters (Go's `heapStatsDelta` folded into globals).
pub(crate) struct HeapStats {
    pub heap_in_use: AtomicU64,
    pub heap_free: AtomicU64,
    pub heap_released: AtomicU64,
    pub large_alloc: AtomicU64,
    pub large_alloc_count: AtomicU64,
    pub large_free: AtomicU64,
    pub large_free_count: AtomicU64,
    pub small_alloc_count: [AtomicU64; NUM_SIZE_CLASSES],
    pub small_free_count: [AtomicU64; NUM_SIZE_CLASSES],
    pub tiny_alloc_count: AtomicU64,
    /// Span records: bytes in use and bytes obtained for them.
    pub mspan_inuse: AtomicU64,
    pub mspan_sys: AtomicU64,
    /// MCache records.
    pub mcache_inuse: AtomicU64,
    pub mcache_sys: AtomicU64,
    /// Heap metadata (arena page maps and bitmaps): Go's gcMiscSys.
    pub gc_misc_sys: AtomicU64,
}

pub(crate) static STATS: HeapStats = HeapStats {
    heap_in_use: AtomicU64::new(0),
    heap_free: AtomicU64::new(0),
    heap_released: AtomicU64::new(0),
    large_alloc: AtomicU64::new(0),
    large_alloc_count: AtomicU64::new(0),
    large_free: AtomicU64::new(0),
    large_free_count: AtomicU64::new(0),
    small_alloc_count: [const { AtomicU64::new(0) }; NUM_SIZE_CLASSES],
    small_free_count: [const { AtomicU64::new(0) }; NUM_SIZE_CLASSES],
    tiny_alloc_count: AtomicU64::new(0),
    mspan_inuse: AtomicU64::new(0),
    mspan_sys: AtomicU64::new(0),
    mcache_inuse: AtomicU64::new(0),
    mcache_sys: AtomicU64::new(0),
    gc_misc_sys: AtomicU64::new(0),
};

/// Adds `d` (possibly negative, as two's complement) to a counter.
#[inline]
pub(crate) fn add(c: &AtomicU64, d: i64) {
    c.fetch_add(d as u64, Relaxed);
}

/// Per size class counts (Go's `MemStats.BySize` entry).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BySize {
    pub size: u32,
    pub mallocs: u64,
    pub frees: u64,
}

/// A snapshot of the allocator's counters, named after the fields of Go's
/// `runtime.MemStats` (snake_case). GC fields are added by the GC issue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemStats {
    pub alloc: u64,
    pub total_alloc: u64,
    pub sys: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub heap_alloc: u64,
    pub heap_sys: u64,
    pub heap_idle: u64,
    pub heap_inuse: u64,
    pub heap_released: u64,
    pub heap_objects: u64,
    pub mspan_inuse: u64,
    pub mspan_sys: u64,
    pub mcache_inuse: u64,
    pub mcache_sys: u64,
    pub gc_sys: u64,
    /// All 68 classes; Go's `MemStats.BySize` shows the first 61.
    pub by_size: Vec<BySize>,
}

/// Reads the counters (Go's `readmemstats_m`). Exact only when every
/// `MCache` has been flushed and no allocation runs concurrently (Go stops
/// the world and calls `flushallmcaches`; the scheduler will do the same).
pub fn read_mem_stats() -> MemStats {
    let s = &STATS;
    let mut total_alloc = s.large_alloc.load(Relaxed);
    let mut total_free = s.large_free.load(Relaxed);
    let mut nmalloc = s.large_alloc_count.load(Relaxed);
    let mut nfree = s.large_free_count.load(Relaxed);
    let mut by_size = Vec::with_capacity(NUM_SIZE_CLASSES);
    for (i, &size) in CLASS_TO_SIZE.iter().enumerate() {
        let a = s.small_alloc_count[i].load(Relaxed);
        let f = s.small_free_count[i].load(Relaxed);
        total_alloc += a * size as u64;
        total_free += f * size as u64;
        nmalloc += a;
        nfree += f;
        by_size.push(BySize {
            size: size as u32,
            mallocs: a,
            frees: f,
        });
    }
    let tiny = s.tiny_alloc_count.load(Relaxed);
    nmalloc += tiny;
    nfree += tiny;
    let in_use = s.heap_in_use.load(Relaxed);
    let free = s.heap_free.load(Relaxed);
    let released = s.heap_released.load(Relaxed);
    let heap_sys = in_use + free + released;
    let mspan_sys = s.mspan_sys.load(Relaxed);
    let mcache_sys = s.mcache_sys.load(Relaxed);
    let gc_sys = s.gc_misc_sys.load(Relaxed);
    MemStats {
        alloc: total_alloc - total_free,
        total_alloc,
        sys: heap_sys + mspan_sys + mcache_sys + gc_sys,
        mallocs: nmalloc,
        frees: nfree,
        heap_alloc: total_alloc - total_free,
        heap_sys,
        heap_idle: free + released,
        heap_inuse: in_use,
        heap_released: released,
        heap_objects: nmalloc - nfree,
        mspan_inuse: s.mspan_inuse.load(Relaxed),
        mspan_sys,
        mcache_inuse: s.mcache_inuse.load(Relaxed),
        mcache_sys,
        gc_sys,
        by_size,
    }
}

/// `runtime.ReadMemStats(m *MemStats)`: fills Go's `MemStats` layout
/// (field offsets of runtime.MemStats on 64-bit) from [`read_mem_stats`].
/// `NumGC` and the pauses come from mgc.rs's cycles, `Frees` from what
/// the sweeper returned, `NextGC` from the pacer's goal.
unsafe fn n_read_mem_stats(_: &mut crate::interp::GState, w: *mut u64) -> crate::natives::R {
    // SAFETY: window [m]; m points at a runtime.MemStats (4312 + 61*24
    // bytes) or is nil.
    unsafe {
        let m = *w as *mut u8;
        if m.is_null() {
            return Err(crate::interp::PanicValue::Runtime(
                crate::interp::RuntimeError::nil_deref(0),
            ));
        }
        // As Go: stop the world and flush the allocation caches so that
        // the counters are exact (a stop already under way — from a
        // callback inside one — reads them as they are).
        let stopped = crate::proc::stop_the_world();
        if stopped {
            crate::proc::flush_all_mcaches();
        }
        let s = read_mem_stats();
        if stopped {
            crate::proc::start_the_world(None);
        }
        let put = |off: usize, v: u64| *(m.add(off) as *mut u64) = v;
        put(0, s.alloc);
        put(8, s.total_alloc);
        put(16, s.sys);
        put(24, 0);
        put(32, s.mallocs);
        put(40, s.frees);
        put(48, s.heap_alloc);
        put(56, s.heap_sys);
        put(64, s.heap_idle);
        put(72, s.heap_inuse);
        put(80, s.heap_released);
        put(88, s.heap_objects);
        put(112, s.mspan_inuse);
        put(120, s.mspan_sys);
        put(128, s.mcache_inuse);
        put(136, s.mcache_sys);
        put(152, s.gc_sys);
        put(168, crate::mgc::next_gc());
        let gc = crate::mgc::stats();
        put(176, gc.last_gc);
        put(184, gc.pause_total_ns);
        for i in 0..256 {
            put(192 + 8 * i, gc.pause_ns[i]);
            put(2240 + 8 * i, gc.pause_end[i]);
        }
        *(m.add(4288) as *mut u32) = gc.num_gc;
        *(m.add(4292) as *mut u32) = gc.num_forced_gc;
        *m.add(4304) = 1; // EnableGC
        for (i, b) in s.by_size.iter().take(61).enumerate() {
            let at = 4312 + i * 24;
            *(m.add(at) as *mut u32) = b.size;
            put(at + 8, b.mallocs);
            put(at + 16, b.frees);
        }
    }
    Ok(())
}

pub(crate) const NATIVES: &[(&str, crate::interp::NativeFn, u16)] =
    &[("runtime.ReadMemStats", n_read_mem_stats, 1)];
