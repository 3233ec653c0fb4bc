//! Memory allocation (Go's malloc.go): `mallocgc`, the one entry point for
//! every heap object, and the overview of the allocator.
//!
//! Objects are served by size, as in Go:
//! - size 0: the address of `ZEROBASE`, shared by all zero-size objects;
//! - tiny (< 16 B, no pointers): packed into the current 16-byte block of
//!   the `MCache`, aligned to 8, 4 or 2 by the size's low bits; a block is
//!   freed only when every object in it is dead;
//! - small (<= 32 KiB - 8): a slot of the size class from the `MCache`'s
//!   span for that class, scan or noscan; no lock, no syscall on the fast
//!   path (`MSpan::next_free_fast`: one trailing-zeros count). When the
//!   span is full the cache swaps it at its `mcentral` (a lock), which
//!   grows from the `mheap` (another lock) when it has no partial span;
//! - large (> 32 KiB - 8): a span of its own straight from the heap.
//!
//! Scan objects record where their pointers are (see mbitmap.rs): in-span
//! bits up to 512 B, an 8-byte type header above, the span's type for
//! large objects. That header is why `roundupsize` of a scan size above
//! 512 is a class size minus 8.
//!
//! Invariants:
//! - the result is aligned to 8 (tiny objects: to their size's
//!   alignment), and its `size` bytes are zero when `needzero` is true or
//!   the type has pointers;
//! - pointer-free objects are only placed in noscan spans, others only in
//!   scan spans, so the GC never scans pointer-free memory;
//! - memory comes back only through a GC cycle's sweep (mgc.rs).
//!
//! Heap profiling (mprof.rs): every allocation but one fitting in the
//! current tiny block passes its slot size to [`MCache::sample`], one
//! compare and one subtraction of the cache's `next_sample` (Go's
//! `nextSample` countdown); the sampling decision is made off that path.

use std::cell::Cell;
use std::ptr;
use std::sync::Mutex;

use crate::mbitmap::heap_set_type_no_header;
use crate::mcache::MCache;
use crate::mcentral::push_large;
use crate::mheap::MHEAP;
use crate::mspan::{MSpan, SpanClass};
use crate::mstats::{add, STATS};
use crate::panic::throw;
use crate::sizeclasses::{
    size_to_class, MALLOC_HEADER_SIZE, MAX_SMALL_SIZE, MIN_SIZE_FOR_MALLOC_HEADER, PAGE_SIZE,
    TINY_SIZE, TINY_SIZE_CLASS,
};
use crate::typedesc::Type;

/// The base address for all zero-size allocations (Go's `zerobase`).
pub static ZEROBASE: u64 = 0;

/// Address of [`ZEROBASE`].
#[inline]
pub fn zerobase() -> *mut u8 {
    ptr::addr_of!(ZEROBASE) as *mut u8
}

impl MCache {
    /// Allocates an object of `size` bytes of type `typ` (null for
    /// pointer-free memory) from this cache (Go's `mallocgc`).
    ///
    /// # Safety
    /// `typ` must be null or a valid descriptor that outlives the object.
    /// If `needzero` is false and the type has no pointers the memory may
    /// hold stale bytes, which the caller must overwrite before Go code
    /// can read them.
    #[inline]
    pub unsafe fn mallocgc(&mut self, size: usize, typ: *const Type, needzero: bool) -> *mut u8 {
        if size == 0 {
            return zerobase();
        }
        // SAFETY: caller guarantees typ is null or valid.
        let noscan = typ.is_null() || unsafe { (*typ).ptrdata == 0 };
        if size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
            if noscan {
                if size < TINY_SIZE {
                    return self.malloc_tiny(size);
                }
                return self.malloc_small_noscan(size, needzero);
            }
            // SAFETY: scan implies typ is non-null and valid.
            let t = unsafe { &*typ };
            if size <= MIN_SIZE_FOR_MALLOC_HEADER {
                return self.malloc_small_scan_no_header(size, t);
            }
            return self.malloc_small_scan_header(size, t);
        }
        self.malloc_large(size, typ, noscan, needzero)
    }

    /// Heap sampling's countdown (see the module comment): the object at
    /// `x` took a slot of `size` bytes.
    #[inline(always)]
    fn sample(&mut self, x: usize, size: usize) {
        if size < self.next_sample {
            self.next_sample -= size;
        } else {
            crate::mprof::profile_alloc(self, x, size);
        }
    }

    /// A free slot of class `spc`: fast path, else the refilling slow path.
    #[inline(always)]
    fn alloc_slot(&mut self, spc: SpanClass) -> (usize, *mut MSpan) {
        let s = self.alloc[spc.index()];
        // SAFETY: alloc entries are the placeholder or spans we own (mcache
        // invariant), as next_free_fast requires.
        let v = unsafe { MSpan::next_free_fast(s) };
        if v != 0 {
            return (v, s);
        }
        self.next_free(spc)
    }

    #[inline]
    fn malloc_tiny(&mut self, size: usize) -> *mut u8 {
        let mut off = self.tiny_offset;
        if size & 7 == 0 {
            off = off.next_multiple_of(8);
        } else if size & 3 == 0 {
            off = off.next_multiple_of(4);
        } else if size & 1 == 0 {
            off = off.next_multiple_of(2);
        }
        if off + size <= TINY_SIZE && self.tiny != 0 {
            self.tiny_offset = off + size;
            self.tiny_allocs += 1;
            return (self.tiny + off) as *mut u8;
        }
        self.malloc_tiny_block(size)
    }

    /// Starts a new tiny block; keeps it as the current one if it has more
    /// room left than the old one.
    fn malloc_tiny_block(&mut self, size: usize) -> *mut u8 {
        let (v, _) = self.alloc_slot(SpanClass::new(TINY_SIZE_CLASS, true));
        // SAFETY: v is a fresh 16-byte slot we own.
        unsafe { ptr::write_bytes(v as *mut u8, 0, TINY_SIZE) };
        if size < self.tiny_offset || self.tiny == 0 {
            self.tiny = v;
            self.tiny_offset = size;
        }
        self.sample(v, TINY_SIZE);
        v as *mut u8
    }

    #[inline]
    fn malloc_small_noscan(&mut self, size: usize, needzero: bool) -> *mut u8 {
        let spc = SpanClass::new(size_to_class(size), true);
        let (v, s) = self.alloc_slot(spc);
        // SAFETY: s is the span we own that holds slot v.
        let sp = unsafe { &*s };
        if needzero && sp.needzero {
            // SAFETY: v is a fresh slot of elemsize bytes.
            unsafe { memclr_small(v, sp.elemsize) };
        }
        self.sample(v, sp.elemsize);
        v as *mut u8
    }

    fn malloc_small_scan_no_header(&mut self, size: usize, typ: &Type) -> *mut u8 {
        let spc = SpanClass::new(size_to_class(size), false);
        let (v, s) = self.alloc_slot(spc);
        // SAFETY: s is the span we own that holds slot v.
        let sp = unsafe { &*s };
        if sp.needzero {
            // SAFETY: v is a fresh slot of elemsize bytes.
            unsafe { memclr_small(v, sp.elemsize) };
        }
        // SAFETY: the span is ours, has heap bits (size <= 512) and v is a slot.
        unsafe { heap_set_type_no_header(sp, v, size, typ) };
        self.sample(v, sp.elemsize);
        v as *mut u8
    }

    fn malloc_small_scan_header(&mut self, size: usize, typ: &Type) -> *mut u8 {
        let spc = SpanClass::new(size_to_class(size + MALLOC_HEADER_SIZE), false);
        let (v, s) = self.alloc_slot(spc);
        // SAFETY: s is the span we own that holds slot v.
        let sp = unsafe { &*s };
        if sp.needzero {
            // SAFETY: v is a fresh slot of elemsize bytes.
            unsafe { memclr_small(v, sp.elemsize) };
        }
        // SAFETY: the slot's first word is its header, ours to write.
        unsafe { *(v as *mut *const Type) = typ };
        self.sample(v, sp.elemsize);
        (v + MALLOC_HEADER_SIZE) as *mut u8
    }

    /// An object with a span of its own (Go's `mallocgcLarge`).
    #[cold]
    fn malloc_large(
        &mut self,
        size: usize,
        typ: *const Type,
        noscan: bool,
        needzero: bool,
    ) -> *mut u8 {
        let npages = match size.checked_add(PAGE_SIZE - 1) {
            Some(n) if n <= isize::MAX as usize => n / PAGE_SIZE,
            _ => throw("out of memory"),
        };
        let large_type = if noscan { ptr::null() } else { typ };
        let s = MHEAP.alloc_span(npages, SpanClass::new(0, noscan), large_type);
        // SAFETY: s is a fresh span no one else knows yet.
        let sp = unsafe { &mut *s };
        sp.freeindex = 1;
        sp.alloc_count = 1;
        sp.alloc_cache = 0;
        let bytes = sp.elemsize;
        if sp.needzero && (needzero || !noscan) {
            // SAFETY: the span's pages are ours and hold no object yet.
            unsafe { ptr::write_bytes(sp.start_addr as *mut u8, 0, bytes) };
        }
        sp.needzero = false;
        add(&STATS.large_alloc, bytes as i64);
        add(&STATS.large_alloc_count, 1);
        let base = sp.start_addr as *mut u8;
        // SAFETY: s is fresh and on no list.
        unsafe { push_large(s) };
        crate::mgc::check_trigger(bytes as u64);
        self.sample(base as usize, bytes);
        base
    }
}

/// Clears a slot (Go's `memclrNoHeapPointers`). Slots are 8-aligned and a
/// multiple of 8 long; short ones are cleared inline, without a call.
///
/// # Safety
/// `[p, p+n)` must be writable memory owned by the caller, `p` 8-aligned
/// and `n` a multiple of 8.
#[inline(always)]
unsafe fn memclr_small(p: usize, n: usize) {
    if n <= 64 {
        let w = p as *mut u64;
        for i in 0..n / 8 {
            // SAFETY: word i lies inside [p, p+n) (caller), aligned.
            // Volatile: LLVM would turn the loop back into a memset call.
            unsafe { w.add(i).write_volatile(0) };
        }
    } else {
        // SAFETY: as above.
        unsafe { ptr::write_bytes(p as *mut u8, 0, n) };
    }
}

thread_local! {
    /// The MCache of the P this thread runs (Go: `getg().m.p.mcache`).
    static CURRENT_MCACHE: Cell<*mut MCache> = const { Cell::new(ptr::null_mut()) };
}

/// Cache used by threads that have no P (Go's `mcache0`), under a lock.
static MCACHE0: Mutex<Option<MCache>> = Mutex::new(None);

/// Installs `c` as this thread's MCache (the scheduler calls this when an
/// M acquires a P) and returns the previous one; null uninstalls.
///
/// # Safety
/// `c` must be null or point to an MCache that stays valid, and is used by
/// no other thread, until it is replaced here.
pub unsafe fn set_current_mcache(c: *mut MCache) -> *mut MCache {
    CURRENT_MCACHE.with(|cur| cur.replace(c))
}

/// Allocates through the calling thread's MCache (see
/// [`set_current_mcache`]), or through the shared fallback cache under a
/// lock when the thread has none (Go's `mallocgc`).
///
/// # Safety
/// As [`MCache::mallocgc`].
pub unsafe fn mallocgc(size: usize, typ: *const Type, needzero: bool) -> *mut u8 {
    let c = CURRENT_MCACHE.with(|cur| cur.get());
    if !c.is_null() {
        // SAFETY: set_current_mcache's contract: c is valid and ours.
        return unsafe { (*c).mallocgc(size, typ, needzero) };
    }
    let mut g = MCACHE0.lock().unwrap_or_else(|e| e.into_inner());
    let cache = g.get_or_insert_with(MCache::new);
    // SAFETY: caller's contract on typ; the lock gives exclusive use.
    unsafe { cache.mallocgc(size, typ, needzero) }
}

/// Flushes the fallback cache (part of Go's `flushallmcaches`).
pub fn flush_mcache0() {
    let mut g = MCACHE0.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = g.as_mut() {
        c.release_all();
    }
}
