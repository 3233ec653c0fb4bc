//! The page heap (Go's mheap.go, with the page allocator of mpagealloc.go
//! and the scavenger of mgcscavenge.go in simplified form).
//!
//! Address space comes from the OS in 64 MiB arenas (Go's
//! `heapArenaBytes`), tried first at Go's hint 0xc000000000 so heap
//! addresses look like Go's. Each arena has a `HeapArena` record: the span
//! of each of its 8192 pages, and which pages are released to the OS. A
//! two-level lookup (a 4M-entry table of arena records, like Go's
//! `arenas` L2 map) turns any address into its arena in two loads, so
//! [`span_of`] and [`find_object`] serve interior pointers without locks.
//!
//! The heap grows in steps of at least 512 pages (4 MiB); grown pages are
//! counted as released (they are untouched zero pages), as Go does. Free
//! pages are kept as address-ordered runs, coalesced on free; allocation
//! is first fit by address, which keeps the heap compact like Go's
//! lowest-address page allocator.
//!
//! Lock: `MHeap.lock` protects the free runs, the current arena, the
//! arena list, the span record allocator, and the `scavenged` and
//! `zeroed_base` fields of every `HeapArena`. Page map entries are written
//! only under it but read without it (atomics: a span is fully
//! initialized before its pages are published with Release stores).
//! Lock order: an mcentral lock may be held when taking the heap lock,
//! never the reverse. Nothing blocks on the OS while holding it except
//! mmap/madvise.
//!
//! Invariants (checked by [`crate::heapcheck::check_heap`]):
//! - every page of an in-use span maps to that span; pages of free runs
//!   map to nothing; free runs do not overlap or touch (they coalesce);
//! - `scavenged` bits are set only on free pages; the number of set bits
//!   times 8 KiB is `heap_released`.

use std::collections::BTreeMap;
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::mcentral::MCentral;
use crate::mem_linux::{sys_alloc, sys_reserve_aligned, sys_unused};
use crate::mfixalloc::FixAlloc;
use crate::mspan::{MSpan, SpanClass, SpanState, NUM_SPAN_CLASSES};
use crate::mstats::{add, STATS};
use crate::panic::throw;
use crate::sizeclasses::{
    CLASS_TO_DIV_MAGIC, CLASS_TO_SIZE, MIN_SIZE_FOR_MALLOC_HEADER, PAGE_SHIFT, PAGE_SIZE,
};
use crate::typedesc::Type;

/// Bytes of one arena (Go's `heapArenaBytes` on linux/amd64).
pub const HEAP_ARENA_BYTES: usize = 64 << 20;
const ARENA_SHIFT: usize = 26;
/// Pages in one arena.
pub const PAGES_PER_ARENA: usize = HEAP_ARENA_BYTES / PAGE_SIZE;
/// Arenas covering a 48-bit address space.
const ARENA_L2_ENTRIES: usize = 1 << (48 - ARENA_SHIFT);
/// Where Go's heap starts on linux/amd64.
const ARENA_BASE_HINT: usize = 0x00c0_0000_0000;
/// The heap grows by at least this many pages (4 MiB).
const GROW_MIN_PAGES: usize = 512;

/// Per-arena metadata (Go's `heapArena`).
pub(crate) struct HeapArena {
    /// Span of each page, null for free pages.
    pub spans: [AtomicPtr<MSpan>; PAGES_PER_ARENA],
    /// One bit per page: released to the OS (heap lock).
    pub scavenged: [u64; PAGES_PER_ARENA / 64],
    /// Pages at or above this address were never handed out (heap lock).
    pub zeroed_base: usize,
}

/// State protected by the heap lock.
pub(crate) struct HeapLocked {
    /// Free page runs: start address -> number of pages.
    pub free: BTreeMap<usize, usize>,
    /// Unused remainder of the most recently reserved arenas.
    cur_next: usize,
    cur_end: usize,
    /// Base address of every arena, in reservation order.
    pub arenas: Vec<usize>,
    spanalloc: FixAlloc<MSpan>,
}

/// The heap. One global instance: [`MHEAP`].
pub struct MHeap {
    lock: Mutex<HeapLocked>,
    /// The arena table (ARENA_L2_ENTRIES entries), allocated on first growth.
    arena_table: AtomicPtr<AtomicPtr<HeapArena>>,
    /// One mcentral per span class, indexed by `SpanClass::index`.
    pub(crate) central: [MCentral; NUM_SPAN_CLASSES],
}

/// The Go heap of this process.
pub static MHEAP: MHeap = MHeap {
    lock: Mutex::new(HeapLocked {
        free: BTreeMap::new(),
        cur_next: 0,
        cur_end: 0,
        arenas: Vec::new(),
        spanalloc: FixAlloc::new(),
    }),
    arena_table: AtomicPtr::new(ptr::null_mut()),
    central: [const { MCentral::new() }; NUM_SPAN_CLASSES],
};

impl MHeap {
    /// Takes the heap lock (see the module comment for what it protects).
    pub(crate) fn lock(&self) -> MutexGuard<'_, HeapLocked> {
        self.lock.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The arena record holding `addr`, or null.
    #[inline]
    pub(crate) fn arena_of(&self, addr: usize) -> *mut HeapArena {
        let idx = addr >> ARENA_SHIFT;
        let table = self.arena_table.load(Ordering::Acquire);
        if idx >= ARENA_L2_ENTRIES || table.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: the table has ARENA_L2_ENTRIES atomic entries and is never
        // freed; idx is in range.
        unsafe { (*table.add(idx)).load(Ordering::Acquire) }
    }

    /// Allocates a span of `npages` pages for class `spc` (class 0: one
    /// large object of type `large_type`, null if pointer-free).
    /// Throws when the OS has no memory left.
    pub(crate) fn alloc_span(
        &self,
        npages: usize,
        spc: SpanClass,
        large_type: *const Type,
    ) -> *mut MSpan {
        let mut h = self.lock();
        let base = match h.alloc_pages(npages) {
            Some(b) => b,
            None => {
                if !self.grow(&mut h, npages) {
                    drop(h);
                    throw("out of memory");
                }
                match h.alloc_pages(npages) {
                    Some(b) => b,
                    None => throw("mheap: grown heap cannot satisfy allocation"),
                }
            }
        };
        let (scav, needzero) = self.take_pages(base, npages);
        let s = h.spanalloc.alloc();
        if s.is_null() {
            drop(h);
            throw("out of memory allocating span record");
        }
        add(&STATS.mspan_inuse, std::mem::size_of::<MSpan>() as i64);
        STATS
            .mspan_sys
            .store(h.spanalloc.sys as u64, Ordering::Relaxed);
        // SAFETY: s is fresh storage for one MSpan from the span allocator,
        // exclusively ours under the heap lock.
        unsafe {
            ptr::write(s, MSpan::EMPTY);
            init_span(&mut *s, base, npages, spc, large_type, needzero);
        }
        self.set_span_pages(base, npages, s);
        let bytes = (npages * PAGE_SIZE) as i64;
        add(&STATS.heap_in_use, bytes);
        add(&STATS.heap_released, -((scav * PAGE_SIZE) as i64));
        add(&STATS.heap_free, -(bytes - (scav * PAGE_SIZE) as i64));
        s
    }

    /// Returns an in-use span's pages to the free runs and frees the record.
    ///
    /// # Safety
    /// `s` must be an in-use span that is in no list, not cached, and
    /// holds no live object.
    pub(crate) unsafe fn free_span(&self, s: *mut MSpan) {
        let mut h = self.lock();
        // SAFETY: caller guarantees s is a valid in-use span nobody else uses.
        let (base, npages) = unsafe { ((*s).start_addr, (*s).npages) };
        self.set_span_pages(base, npages, ptr::null_mut());
        // SAFETY: as above; marking it Dead before the record is reused.
        unsafe { (*s).state.store(SpanState::Dead as u8, Ordering::Release) };
        h.insert_free(base, npages);
        let bytes = (npages * PAGE_SIZE) as i64;
        add(&STATS.heap_in_use, -bytes);
        add(&STATS.heap_free, bytes);
        // SAFETY: s came from this span allocator and is no longer referenced
        // by the page map or any list.
        unsafe { h.spanalloc.free(s) };
        add(&STATS.mspan_inuse, -(std::mem::size_of::<MSpan>() as i64));
    }

    /// Returns every free resident page to the OS (Go's `scavenge` as run by
    /// `debug.FreeOSMemory`). Returns the number of bytes released.
    pub fn scavenge_all(&self) -> usize {
        let h = self.lock();
        let runs: Vec<(usize, usize)> = h.free.iter().map(|(&b, &n)| (b, n)).collect();
        let mut released = 0;
        for (base, npages) in runs {
            released += self.scavenge_run(base, npages);
        }
        drop(h);
        add(&STATS.heap_released, released as i64);
        add(&STATS.heap_free, -(released as i64));
        released
    }

    /// madvises the unreleased pages of one free run and marks them released.
    fn scavenge_run(&self, base: usize, npages: usize) -> usize {
        let mut released = 0;
        let mut p = base;
        let end = base + npages * PAGE_SIZE;
        while p < end {
            if self.page_scavenged(p) {
                p += PAGE_SIZE;
                continue;
            }
            let start = p;
            while p < end && !self.page_scavenged(p) {
                self.set_page_scavenged(p, true);
                p += PAGE_SIZE;
            }
            sys_unused(start, p - start);
            released += p - start;
        }
        released
    }

    /// Clears the released bits of the pages being allocated and decides
    /// whether they need zeroing. Returns (released pages, needzero).
    fn take_pages(&self, base: usize, npages: usize) -> (usize, bool) {
        let mut scav = 0;
        let mut dirty = false;
        for i in 0..npages {
            let p = base + i * PAGE_SIZE;
            if self.page_scavenged(p) {
                scav += 1;
                self.set_page_scavenged(p, false);
            } else {
                // SAFETY: p is in a registered arena (it was a free page).
                dirty |= p < unsafe { (*self.arena_of(p)).zeroed_base };
            }
            let a = self.arena_of(p);
            // SAFETY: as above; zeroed_base is protected by the heap lock we hold.
            unsafe { (*a).zeroed_base = (*a).zeroed_base.max(p + PAGE_SIZE) };
        }
        (scav, dirty)
    }

    fn page_scavenged(&self, p: usize) -> bool {
        let a = self.arena_of(p);
        let i = (p % HEAP_ARENA_BYTES) >> PAGE_SHIFT;
        // SAFETY: p lies in a registered arena; `scavenged` is read under
        // the heap lock (callers hold it).
        unsafe { (*a).scavenged[i / 64] & (1 << (i % 64)) != 0 }
    }

    fn set_page_scavenged(&self, p: usize, on: bool) {
        let a = self.arena_of(p);
        let i = (p % HEAP_ARENA_BYTES) >> PAGE_SHIFT;
        // SAFETY: as in page_scavenged; the caller holds the heap lock.
        unsafe {
            if on {
                (*a).scavenged[i / 64] |= 1 << (i % 64);
            } else {
                (*a).scavenged[i / 64] &= !(1 << (i % 64));
            }
        }
    }

    /// Points every page of `[base, base+npages)` at `s` (or null).
    fn set_span_pages(&self, base: usize, npages: usize, s: *mut MSpan) {
        for i in 0..npages {
            let p = base + i * PAGE_SIZE;
            let a = self.arena_of(p);
            let idx = (p % HEAP_ARENA_BYTES) >> PAGE_SHIFT;
            // SAFETY: the pages belong to registered arenas (they came from
            // the free runs); entries are atomics.
            unsafe { (*a).spans[idx].store(s, Ordering::Release) };
        }
    }

    /// Adds at least `npages` pages to the free runs, reserving arenas as
    /// needed. Returns false when the OS refuses.
    fn grow(&self, h: &mut HeapLocked, npages: usize) -> bool {
        let ask = npages.div_ceil(GROW_MIN_PAGES) * GROW_MIN_PAGES * PAGE_SIZE;
        if h.cur_end - h.cur_next < ask {
            let n = ask.div_ceil(HEAP_ARENA_BYTES) * HEAP_ARENA_BYTES;
            let hint = if h.cur_end != 0 {
                h.cur_end
            } else {
                ARENA_BASE_HINT
            };
            let Some(base) = sys_reserve_aligned(n, HEAP_ARENA_BYTES, hint) else {
                return false;
            };
            if !self.register_arenas(h, base, n) {
                return false;
            }
            if base != h.cur_end {
                // Not contiguous: the rest of the old arena becomes free pages.
                let (rest, rest_len) = (h.cur_next, h.cur_end - h.cur_next);
                self.add_grown(h, rest, rest_len);
                h.cur_next = base;
            }
            h.cur_end = base + n;
        }
        let v = h.cur_next;
        h.cur_next += ask;
        self.add_grown(h, v, ask);
        true
    }

    /// Hands fresh (never touched) memory to the free runs as released pages.
    fn add_grown(&self, h: &mut HeapLocked, base: usize, len: usize) {
        if len == 0 {
            return;
        }
        for p in (base..base + len).step_by(PAGE_SIZE) {
            self.set_page_scavenged(p, true);
        }
        h.insert_free(base, len / PAGE_SIZE);
        add(&STATS.heap_released, len as i64);
    }

    /// Creates arena records for `[base, base+len)`.
    fn register_arenas(&self, h: &mut HeapLocked, base: usize, len: usize) -> bool {
        let table = self.table();
        if table.is_null() {
            return false;
        }
        for a in (base..base + len).step_by(HEAP_ARENA_BYTES) {
            let Some(rec) = sys_alloc(std::mem::size_of::<HeapArena>()) else {
                return false;
            };
            add(&STATS.gc_misc_sys, std::mem::size_of::<HeapArena>() as i64);
            // SAFETY: rec is zeroed memory the size of a HeapArena, which is
            // valid all-zero (null pointers, zero bitmaps); zeroed_base
            // starts at the arena base. table has an entry for every
            // 48-bit arena index and a >> ARENA_SHIFT is below it.
            unsafe {
                (*(rec as *mut HeapArena)).zeroed_base = a;
                (*table.add(a >> ARENA_SHIFT)).store(rec as *mut HeapArena, Ordering::Release);
            }
            h.arenas.push(a);
        }
        true
    }

    /// The arena table, allocated on first use (under the heap lock).
    fn table(&self) -> *mut AtomicPtr<HeapArena> {
        let t = self.arena_table.load(Ordering::Acquire);
        if !t.is_null() {
            return t;
        }
        let Some(m) = sys_alloc(ARENA_L2_ENTRIES * std::mem::size_of::<AtomicPtr<HeapArena>>())
        else {
            return ptr::null_mut();
        };
        let t = m as *mut AtomicPtr<HeapArena>;
        self.arena_table.store(t, Ordering::Release);
        t
    }

    /// Overwrites one page map entry (checker tests corrupt the heap with it).
    #[cfg(test)]
    pub(crate) fn set_page_for_test(&self, p: usize, s: *mut MSpan) {
        self.set_span_pages(p, 1, s);
    }

    /// The span at page-aligned `p` in the page map (any state), or null.
    pub(crate) fn page_span(&self, p: usize) -> *mut MSpan {
        let a = self.arena_of(p);
        if a.is_null() {
            return ptr::null_mut();
        }
        let idx = (p % HEAP_ARENA_BYTES) >> PAGE_SHIFT;
        // SAFETY: a is a registered arena record, never freed.
        unsafe { (*a).spans[idx].load(Ordering::Acquire) }
    }
}

impl HeapLocked {
    /// First-fit by address: takes `npages` from the lowest free run that
    /// has them.
    fn alloc_pages(&mut self, npages: usize) -> Option<usize> {
        let (&base, &n) = self.free.iter().find(|(_, &n)| n >= npages)?;
        self.free.remove(&base);
        if n > npages {
            self.free.insert(base + npages * PAGE_SIZE, n - npages);
        }
        Some(base)
    }

    /// Adds a free run, merging it with the runs it touches.
    fn insert_free(&mut self, mut base: usize, mut npages: usize) {
        if let Some((&pb, &pn)) = self.free.range(..base).next_back() {
            if pb + pn * PAGE_SIZE == base {
                self.free.remove(&pb);
                base = pb;
                npages += pn;
            }
        }
        let end = base + npages * PAGE_SIZE;
        if let Some(nn) = self.free.remove(&end) {
            npages += nn;
        }
        self.free.insert(base, npages);
    }
}

/// Fills in a fresh span record (Go's `initSpan`).
fn init_span(
    s: &mut MSpan,
    base: usize,
    npages: usize,
    spc: SpanClass,
    large_type: *const Type,
    needzero: bool,
) {
    s.reset_bits();
    s.start_addr = base;
    s.npages = npages;
    s.spanclass = spc;
    s.needzero = needzero;
    let nbytes = npages * PAGE_SIZE;
    let class = spc.sizeclass();
    if class == 0 {
        s.elemsize = nbytes;
        s.nelems = 1;
        s.large_type = large_type;
    } else {
        s.elemsize = CLASS_TO_SIZE[class] as usize;
        s.div_mul = CLASS_TO_DIV_MAGIC[class];
        let reserve = if heap_bits_in_span(spc) {
            nbytes / 64
        } else {
            0
        };
        s.nelems = (nbytes - reserve) / s.elemsize;
    }
    s.limit = base + s.elemsize * s.nelems;
    s.freeindex = 0;
    s.alloc_cache = u64::MAX;
    s.state.store(SpanState::InUse as u8, Ordering::Release);
}

/// Whether spans of `spc` keep their pointer bitmap at the end of the span
/// (small scan classes up to 512 bytes; Go's `heapBitsInSpan`).
#[inline]
pub(crate) fn heap_bits_in_span(spc: SpanClass) -> bool {
    !spc.noscan()
        && spc.sizeclass() != 0
        && CLASS_TO_SIZE[spc.sizeclass()] as usize <= MIN_SIZE_FOR_MALLOC_HEADER
}

/// The in-use span containing `addr`, or null (Go's `spanOfHeap`).
#[inline]
pub fn span_of(addr: usize) -> *mut MSpan {
    let s = MHEAP.page_span(addr & !(PAGE_SIZE - 1));
    // SAFETY: span records are never unmapped (mfixalloc), so reading the
    // state of a possibly stale record is sound; Dead means "not in use".
    if s.is_null() || unsafe { (*s).state() } != SpanState::InUse {
        return ptr::null_mut();
    }
    s
}

/// The object containing `addr` (Go's `findObject`): its slot base, its
/// span and its index in the span. `None` when `addr` is not inside the
/// object area of an in-use span. The slot may be free; see
/// [`MSpan::is_free`]. For scan objects with a malloc header the base is
/// the header's address, 8 bytes before the pointer mallocgc returned.
pub fn find_object(addr: usize) -> Option<(usize, *mut MSpan, usize)> {
    let s = span_of(addr);
    if s.is_null() {
        return None;
    }
    // SAFETY: s is an in-use span record; its geometry is fixed while in use.
    let sp = unsafe { &*s };
    if addr >= sp.limit {
        return None;
    }
    let idx = sp.obj_index(addr);
    Some((sp.start_addr + idx * sp.elemsize, s, idx))
}

/// [`find_object`], for an allocated slot only (not free).
pub fn find_allocated(addr: usize) -> Option<(usize, *mut MSpan, usize)> {
    let (base, s, idx) = find_object(addr)?;
    // SAFETY: find_object returned an in-use span.
    if unsafe { (*s).is_free(idx) } {
        return None;
    }
    Some((base, s, idx))
}
