//! Spans (Go's `mspan`, runtime/mheap.go and mbitmap.go's allocation
//! bits): a run of 8 KiB pages that either holds objects of one size
//! class or one large object.
//!
//! Finding a free slot works as in Go. `alloc_bits` has one bit per slot,
//! set for slots that survived the last sweep; slots below `freeindex`
//! have all been handed out since. `alloc_cache` holds the complement of
//! the 64 bits of `alloc_bits` starting at the 64-aligned word containing
//! `freeindex`, shifted so that bit 0 is slot `freeindex`: the fast path
//! is one `trailing_zeros`. Allocation never writes `alloc_bits`; the GC
//! sets `gcmark_bits`, and sweep makes them the new `alloc_bits`.
//!
//! Invariants (checked by [`crate::heapcheck::check_heap`]):
//! - `start_addr` is page aligned; the span covers `npages` pages, and
//!   every one of them maps to this span in the heap's page map while the
//!   span is in use;
//! - small span: `elemsize = class size`, `nelems * elemsize <= span bytes`
//!   (minus the in-span heap bitmap for small scan classes); large span:
//!   class 0, `nelems = 1`, `elemsize = npages * 8192`;
//! - slot `i` is allocated iff `i < freeindex || alloc_bits[i]`, and
//!   `alloc_count` is the number of allocated slots;
//! - a span in use is in exactly one place: owned by one `MCache`
//!   (`cached`, in no list), or on its `mcentral`'s partial list (has a
//!   free slot) or full list (no free slot; large spans always);
//! - only the owning `MCache` touches `freeindex`, `alloc_cache` and
//!   `alloc_count` of a cached span; a span on a list is changed only under
//!   its mcentral's lock; `gcmark_bits` are set atomically by markers.

use std::ptr;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};

use crate::sizeclasses::{MAX_OBJS_PER_SPAN, NUM_SIZE_CLASSES, PAGE_SIZE};
use crate::typedesc::Type;

/// Number of span classes: every size class twice, scan and noscan.
pub const NUM_SPAN_CLASSES: usize = NUM_SIZE_CLASSES << 1;

/// Words of one allocation or mark bitmap (one bit per slot).
const BITMAP_WORDS: usize = MAX_OBJS_PER_SPAN / 64;

/// `sizeclass << 1 | noscan` (Go's `spanClass`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpanClass(pub u8);

impl SpanClass {
    #[inline]
    pub const fn new(sizeclass: usize, noscan: bool) -> SpanClass {
        SpanClass(((sizeclass << 1) | noscan as usize) as u8)
    }

    #[inline]
    pub const fn sizeclass(self) -> usize {
        (self.0 >> 1) as usize
    }

    #[inline]
    pub const fn noscan(self) -> bool {
        self.0 & 1 != 0
    }

    #[inline]
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// Lifecycle of a span record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum SpanState {
    /// Not describing heap memory (free record, or the empty sentinel).
    Dead = 0,
    /// Holds heap objects.
    InUse = 1,
}

/// An intrusive doubly linked list of spans (Go's `mSpanList`).
#[derive(Debug)]
pub struct MSpanList {
    first: *mut MSpan,
    last: *mut MSpan,
}

// SAFETY: a list is only touched under the lock of the structure that
// owns it (an mcentral); the spans it links live in the span allocator
// for the whole run.
unsafe impl Send for MSpanList {}

impl Default for MSpanList {
    fn default() -> Self {
        Self::new()
    }
}

impl MSpanList {
    pub const fn new() -> MSpanList {
        MSpanList {
            first: ptr::null_mut(),
            last: ptr::null_mut(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_null()
    }

    pub fn first(&self) -> *mut MSpan {
        self.first
    }

    /// Pushes `s` at the front.
    ///
    /// # Safety
    /// `s` must be a valid span in no list, and the caller must hold the
    /// lock protecting this list.
    pub unsafe fn insert(&mut self, s: *mut MSpan) {
        // SAFETY: caller guarantees s is valid and exclusively ours to link.
        let sp = unsafe { &mut *s };
        if !sp.list.is_null() || !sp.next.is_null() || !sp.prev.is_null() {
            crate::panic::throw("MSpanList.insert: span already in list");
        }
        sp.next = self.first;
        if self.first.is_null() {
            self.last = s;
        } else {
            // SAFETY: list members are valid spans (list invariant).
            unsafe { (*self.first).prev = s };
        }
        self.first = s;
        sp.list = self;
    }

    /// Unlinks `s`.
    ///
    /// # Safety
    /// `s` must be a valid span on this list, and the caller must hold the
    /// lock protecting this list.
    pub unsafe fn remove(&mut self, s: *mut MSpan) {
        // SAFETY: caller guarantees s is a valid member of this list.
        let sp = unsafe { &mut *s };
        if !ptr::eq(sp.list, self) {
            crate::panic::throw("MSpanList.remove: span not in this list");
        }
        if sp.prev.is_null() {
            self.first = sp.next;
        } else {
            // SAFETY: neighbours of a member are members, hence valid.
            unsafe { (*sp.prev).next = sp.next };
        }
        if sp.next.is_null() {
            self.last = sp.prev;
        } else {
            // SAFETY: as above.
            unsafe { (*sp.next).prev = sp.prev };
        }
        sp.next = ptr::null_mut();
        sp.prev = ptr::null_mut();
        sp.list = ptr::null();
    }

    /// Iterates the members (front to back).
    ///
    /// # Safety
    /// The caller must hold the list's lock for as long as it iterates.
    pub unsafe fn iter(&self) -> impl Iterator<Item = *mut MSpan> + '_ {
        let mut cur = self.first;
        std::iter::from_fn(move || {
            if cur.is_null() {
                return None;
            }
            let s = cur;
            // SAFETY: members are valid spans while the lock is held.
            cur = unsafe { (*s).next };
            Some(s)
        })
    }
}

/// A span: see the module comment for its invariants.
#[repr(C)]
pub struct MSpan {
    pub(crate) next: *mut MSpan,
    pub(crate) prev: *mut MSpan,
    /// The list holding this span, null when cached or unlisted.
    pub(crate) list: *const MSpanList,
    pub(crate) start_addr: usize,
    pub(crate) npages: usize,
    /// Search for a free slot starts here; all slots below are allocated.
    pub(crate) freeindex: usize,
    pub(crate) nelems: usize,
    /// Complement of alloc_bits from freeindex on (bit 0 = slot freeindex).
    pub(crate) alloc_cache: u64,
    pub(crate) alloc_bits: *mut u64,
    pub(crate) gcmark_bits: *mut u64,
    pub(crate) alloc_count: usize,
    /// alloc_count when an mcache took the span (for malloc statistics).
    pub(crate) alloc_count_before_cache: usize,
    pub(crate) elemsize: usize,
    /// End of the object area: start + nelems*elemsize.
    pub(crate) limit: usize,
    pub(crate) div_mul: u32,
    pub(crate) spanclass: SpanClass,
    pub(crate) state: AtomicU8,
    /// Slots may hold stale data and must be cleared before reuse.
    pub(crate) needzero: bool,
    /// Owned by an MCache.
    pub(crate) cached: bool,
    /// Type of the object of a large scan span (Go's `largeType`).
    pub(crate) large_type: *const Type,
    /// Storage for alloc_bits and gcmark_bits (they swap on sweep).
    /// Atomics, so that markers on other threads may set bits while the
    /// owner works on the span (interior mutability).
    bits: [[AtomicU64; BITMAP_WORDS]; 2],
}

impl MSpan {
    /// A span with no slots: the `MCache`'s placeholder (Go's `emptymspan`),
    /// whose empty alloc_cache sends every allocation to the slow path.
    // Used only by value, to initialize a record; its atomic is never shared.
    #[allow(clippy::declare_interior_mutable_const)]
    pub(crate) const EMPTY: MSpan = MSpan {
        next: ptr::null_mut(),
        prev: ptr::null_mut(),
        list: ptr::null(),
        start_addr: 0,
        npages: 0,
        freeindex: 0,
        nelems: 0,
        alloc_cache: 0,
        alloc_bits: ptr::null_mut(),
        gcmark_bits: ptr::null_mut(),
        alloc_count: 0,
        alloc_count_before_cache: 0,
        elemsize: 0,
        limit: 0,
        div_mul: 0,
        spanclass: SpanClass(0),
        state: AtomicU8::new(SpanState::Dead as u8),
        needzero: false,
        cached: false,
        large_type: ptr::null(),
        bits: [const { [const { AtomicU64::new(0) }; BITMAP_WORDS] }; 2],
    };

    /// First byte of the span.
    pub fn base(&self) -> usize {
        self.start_addr
    }
    pub fn npages(&self) -> usize {
        self.npages
    }
    pub fn elemsize(&self) -> usize {
        self.elemsize
    }
    pub fn nelems(&self) -> usize {
        self.nelems
    }
    pub fn alloc_count(&self) -> usize {
        self.alloc_count
    }
    pub fn spanclass(&self) -> SpanClass {
        self.spanclass
    }
    pub fn state(&self) -> SpanState {
        if self.state.load(Ordering::Acquire) == SpanState::InUse as u8 {
            SpanState::InUse
        } else {
            SpanState::Dead
        }
    }
    /// End of the span's pages.
    pub fn end(&self) -> usize {
        self.start_addr + self.npages * PAGE_SIZE
    }

    /// Points the bitmaps at the span's own storage and clears them.
    /// Called when the span record is placed at its final address.
    pub(crate) fn reset_bits(&mut self) {
        for w in self.bits.iter().flatten() {
            w.store(0, Ordering::Relaxed);
        }
        self.alloc_bits = self.bits[0][0].as_ptr();
        self.gcmark_bits = self.bits[1][0].as_ptr();
    }

    /// Fast path of allocation (Go's `nextFreeFast`): the address of a
    /// free slot found in `alloc_cache`, or 0 when the slow path must run
    /// (cache empty, or the cache needs refilling at a 64-slot boundary).
    /// Works through a raw pointer so that it may be called on the shared
    /// empty placeholder span, which it only reads (its cache is 0).
    ///
    /// # Safety
    /// `s` must be the placeholder or a span owned by the calling MCache.
    #[inline(always)]
    pub(crate) unsafe fn next_free_fast(s: *mut MSpan) -> usize {
        // SAFETY: caller guarantees s is valid and, unless it is the
        // read-only placeholder (cache 0, so no write happens), ours alone.
        unsafe {
            let cache = (*s).alloc_cache;
            let bit = cache.trailing_zeros() as usize;
            if bit < 64 {
                let result = (*s).freeindex + bit;
                let nelems = (*s).nelems;
                if result < nelems {
                    let freeidx = result + 1;
                    if freeidx & 63 == 0 && freeidx != nelems {
                        return 0;
                    }
                    (*s).alloc_cache = (cache >> bit) >> 1;
                    (*s).freeindex = freeidx;
                    (*s).alloc_count += 1;
                    return (*s).start_addr + result * (*s).elemsize;
                }
            }
        }
        0
    }

    /// Index of the next free slot at or after `freeindex`, advancing
    /// `freeindex` past it; `nelems` when the span is full (Go's
    /// `nextFreeIndex`). Does not count the allocation.
    pub(crate) fn next_free_index(&mut self) -> usize {
        let nelems = self.nelems;
        let mut idx = self.freeindex;
        if idx >= nelems {
            return nelems;
        }
        let mut bit = self.alloc_cache.trailing_zeros() as usize;
        while bit == 64 {
            idx = (idx + 64) & !63;
            if idx >= nelems {
                self.freeindex = nelems;
                return nelems;
            }
            self.refill_alloc_cache(idx);
            bit = self.alloc_cache.trailing_zeros() as usize;
        }
        let result = idx + bit;
        if result >= nelems {
            self.freeindex = nelems;
            return nelems;
        }
        self.alloc_cache = (self.alloc_cache >> bit) >> 1;
        let next = result + 1;
        if next & 63 == 0 && next != nelems {
            self.refill_alloc_cache(next);
        }
        self.freeindex = next;
        result
    }

    /// Loads `alloc_cache` with the free bits of slots `idx..idx+64`
    /// (`idx` a multiple of 64).
    pub(crate) fn refill_alloc_cache(&mut self, idx: usize) {
        // SAFETY: alloc_bits points at BITMAP_WORDS words owned by the span
        // and idx < nelems <= 1024, so idx/64 < BITMAP_WORDS.
        let word = unsafe { *self.alloc_bits.add(idx / 64) };
        self.alloc_cache = !word;
    }

    /// Whether slot `i` was allocated before the last sweep (or survived it).
    #[inline]
    pub(crate) fn alloc_bit(&self, i: usize) -> bool {
        // SAFETY: i < nelems <= 1024 (callers), so the word is in bounds.
        let w = unsafe { *self.alloc_bits.add(i / 64) };
        w & (1 << (i % 64)) != 0
    }

    /// Whether slot `i` is free (Go's `isFree`).
    #[inline]
    pub fn is_free(&self, i: usize) -> bool {
        i >= self.freeindex && !self.alloc_bit(i)
    }

    fn mark_word(&self, i: usize) -> &AtomicU64 {
        // SAFETY: gcmark_bits points at BITMAP_WORDS aligned u64 words that
        // live as long as the span record; i < nelems <= 1024 keeps the
        // index in bounds; all concurrent access to them is atomic.
        unsafe { AtomicU64::from_ptr(self.gcmark_bits.add(i / 64)) }
    }

    /// Whether slot `i` is marked in the current GC cycle.
    #[inline]
    pub fn is_marked(&self, i: usize) -> bool {
        self.mark_word(i).load(Ordering::Relaxed) & (1 << (i % 64)) != 0
    }

    /// Marks slot `i`; returns false if it was already marked.
    #[inline]
    pub fn set_marked(&self, i: usize) -> bool {
        let bit = 1u64 << (i % 64);
        self.mark_word(i).fetch_or(bit, Ordering::Relaxed) & bit == 0
    }

    /// Number of marked slots.
    pub(crate) fn count_marked(&self) -> usize {
        let words = self.nelems.div_ceil(64);
        (0..words)
            .map(|w| self.mark_word(w * 64).load(Ordering::Relaxed).count_ones() as usize)
            .sum()
    }

    /// Number of set alloc bits among slots `from..nelems`.
    pub(crate) fn count_alloc_bits_from(&self, from: usize) -> usize {
        (from..self.nelems).filter(|&i| self.alloc_bit(i)).count()
    }

    /// Makes the mark bits the allocation bits and clears the new mark
    /// bits (the heart of sweep); returns the number of live objects.
    pub(crate) fn swap_mark_bits(&mut self) -> usize {
        std::mem::swap(&mut self.alloc_bits, &mut self.gcmark_bits);
        // SAFETY: gcmark_bits now points at the span's other bitmap of
        // BITMAP_WORDS words; no marker runs during sweep (caller).
        unsafe { ptr::write_bytes(self.gcmark_bits, 0, BITMAP_WORDS) };
        self.freeindex = 0;
        self.refill_alloc_cache(0);
        let live = (0..self.nelems.div_ceil(64))
            // SAFETY: index below BITMAP_WORDS as nelems <= 1024.
            .map(|w| unsafe { *self.alloc_bits.add(w) })
            .enumerate()
            .map(|(w, bits)| live_bits_in_word(bits, w, self.nelems))
            .sum();
        self.alloc_count = live;
        live
    }

    /// Slot index of an address inside the object area (Go's `objIndex`).
    #[inline]
    pub fn obj_index(&self, addr: usize) -> usize {
        let off = addr - self.start_addr;
        if self.spanclass.sizeclass() == 0 {
            return 0;
        }
        ((off as u64 * self.div_mul as u64) >> 32) as usize
    }
}

/// Set bits of bitmap word `w` that name real slots (below `nelems`).
fn live_bits_in_word(bits: u64, w: usize, nelems: usize) -> usize {
    let first = w * 64;
    let valid = (nelems - first).min(64);
    let mask = if valid == 64 {
        u64::MAX
    } else {
        (1u64 << valid) - 1
    };
    (bits & mask).count_ones() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_with(nelems: usize, preset: &[usize]) -> Box<MSpan> {
        let mut s = Box::new(MSpan::EMPTY);
        s.reset_bits();
        s.nelems = nelems;
        s.elemsize = 16;
        s.start_addr = 0x1000_0000;
        for &i in preset {
            // SAFETY: i < nelems <= 1024, inside the span's bitmap.
            unsafe { *s.alloc_bits.add(i / 64) |= 1 << (i % 64) };
        }
        s.refill_alloc_cache(0);
        s
    }

    fn take_all(s: &mut MSpan) -> Vec<usize> {
        let mut got = Vec::new();
        loop {
            // SAFETY: s is a live boxed span owned by this test.
            let v = unsafe { MSpan::next_free_fast(s) };
            let idx = if v != 0 {
                (v - s.start_addr) / s.elemsize
            } else {
                let i = s.next_free_index();
                if i == s.nelems {
                    break;
                }
                s.alloc_count += 1;
                i
            };
            got.push(idx);
        }
        got
    }

    #[test]
    fn free_slots_skip_allocated_bits_across_words() {
        let preset = [0, 1, 5, 63, 64, 65, 127, 128, 199];
        let mut s = span_with(200, &preset);
        let got = take_all(&mut s);
        let want: Vec<usize> = (0..200).filter(|i| !preset.contains(i)).collect();
        assert_eq!(got, want);
        assert_eq!(s.alloc_count, want.len());
        assert_eq!(s.freeindex, 200);
    }

    #[test]
    fn full_word_of_allocated_slots_is_skipped() {
        let preset: Vec<usize> = (64..128).collect();
        let mut s = span_with(130, &preset);
        let got = take_all(&mut s);
        let want: Vec<usize> = (0..64).chain(128..130).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn marks_become_alloc_bits() {
        let mut s = span_with(100, &[]);
        for i in [3, 70, 99] {
            assert!(s.set_marked(i));
            assert!(!s.set_marked(i));
        }
        assert_eq!(s.count_marked(), 3);
        assert_eq!(s.swap_mark_bits(), 3);
        assert!(!s.is_free(70) && s.is_free(71));
        assert_eq!(s.count_marked(), 0);
        let got = take_all(&mut s);
        assert_eq!(got.len(), 97);
        assert!(!got.contains(&3) && !got.contains(&70) && !got.contains(&99));
    }

    #[test]
    fn span_lists_link_and_unlink() {
        let mut list = MSpanList::new();
        let mut a = span_with(1, &[]);
        let mut b = span_with(1, &[]);
        let (pa, pb): (*mut MSpan, *mut MSpan) = (&mut *a, &mut *b);
        // SAFETY: a and b are live boxes in no list; we own the list.
        unsafe {
            list.insert(pa);
            list.insert(pb);
            assert_eq!(list.iter().collect::<Vec<_>>(), vec![pb, pa]);
            list.remove(pb);
            assert_eq!(list.iter().collect::<Vec<_>>(), vec![pa]);
            list.remove(pa);
        }
        assert!(list.is_empty());
        assert!(a.list.is_null() && b.list.is_null());
    }
}
