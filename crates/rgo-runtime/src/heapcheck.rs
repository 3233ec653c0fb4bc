//! The heap checker (in the spirit of Lua's ltests.c): walks every arena,
//! span, list and free run and verifies the allocator's invariants,
//! returning the first violation as text. Tests call it after every
//! scenario; the GC's stress mode will call it at every cycle.
//!
//! Precondition: no allocation runs concurrently (cached spans are read
//! without their owners' cooperation), as with the world stopped. The
//! checker takes every mcentral lock in class order and then the heap
//! lock, which respects the lock order (mcentral before mheap).

use std::collections::HashMap;

use crate::mheap::{heap_bits_in_span, HEAP_ARENA_BYTES, MHEAP, PAGES_PER_ARENA};
use crate::mspan::{MSpan, MSpanList, SpanState, NUM_SPAN_CLASSES};
use crate::mstats::STATS;
use crate::sizeclasses::{CLASS_TO_NPAGES, CLASS_TO_SIZE, PAGE_SIZE};
use std::sync::atomic::Ordering::Relaxed;

/// What the checker saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapCheck {
    pub spans: usize,
    pub cached: usize,
    pub partial: usize,
    pub full: usize,
    pub free_runs: usize,
    pub in_use_bytes: usize,
    pub free_bytes: usize,
    pub released_bytes: usize,
}

macro_rules! ensure {
    ($cond:expr, $($fmt:tt)*) => {
        if !$cond {
            return Err(format!($($fmt)*));
        }
    };
}

/// Checks the whole heap. See the module comment for the precondition.
pub fn check_heap() -> Result<HeapCheck, String> {
    let centrals: Vec<_> = MHEAP.central.iter().map(|c| c.lock()).collect();
    let h = MHEAP.lock();
    let mut rep = HeapCheck::default();
    // 1. Page map: collect spans, each page pointing at a span covering it.
    let mut spans: HashMap<usize, *mut MSpan> = HashMap::new();
    let mut scavenged_pages = 0;
    for &a in &h.arenas {
        let arena = MHEAP.arena_of(a);
        ensure!(!arena.is_null(), "arena {a:#x} not in the arena table");
        for i in 0..PAGES_PER_ARENA {
            let p = a + i * PAGE_SIZE;
            // SAFETY: arena records are never freed; we hold the heap lock.
            if unsafe { (*arena).scavenged[i / 64] } & (1 << (i % 64)) != 0 {
                scavenged_pages += 1;
                ensure!(
                    h_free_contains(&h.free, p),
                    "page {p:#x} released but not free"
                );
            }
            let s = MHEAP.page_span(p);
            if s.is_null() {
                continue;
            }
            // SAFETY: page map entries name span records, never unmapped.
            let sp = unsafe { &*s };
            ensure!(
                sp.state() == SpanState::InUse,
                "page {p:#x} maps to a dead span"
            );
            ensure!(
                sp.base() <= p && p < sp.end(),
                "page {p:#x} maps to span {:#x}+{}",
                sp.base(),
                sp.npages()
            );
            ensure!(
                !h_free_contains(&h.free, p),
                "page {p:#x} is both in use and free"
            );
            if sp.base() == p {
                spans.insert(p, s);
            }
        }
    }
    debug_assert_eq!(HEAP_ARENA_BYTES, PAGES_PER_ARENA * PAGE_SIZE);
    // 2. Each span's own invariants.
    for &s in spans.values() {
        // SAFETY: as above; no allocation runs (precondition).
        let sp = unsafe { &*s };
        check_span(sp)?;
        rep.in_use_bytes += sp.npages() * PAGE_SIZE;
        if sp.cached {
            rep.cached += 1;
            ensure!(
                sp.list.is_null(),
                "cached span {:#x} is on a list",
                sp.base()
            );
        }
    }
    rep.spans = spans.len();
    // 3. Lists: every listed span is a known span, listed once, in the right list.
    let mut listed: HashMap<usize, usize> = HashMap::new();
    for (i, l) in centrals.iter().enumerate() {
        rep.partial += check_list(&l.partial, i, true, &spans, &mut listed)?;
        rep.full += check_list(&l.full, i, false, &spans, &mut listed)?;
    }
    ensure!(
        rep.partial + rep.full + rep.cached == rep.spans,
        "{} spans but {} partial + {} full + {} cached",
        rep.spans,
        rep.partial,
        rep.full,
        rep.cached
    );
    // 4. Free runs and the byte counts.
    let mut prev_end = 0;
    for (&b, &n) in &h.free {
        ensure!(n > 0 && b & (PAGE_SIZE - 1) == 0, "bad free run {b:#x}+{n}");
        ensure!(
            b > prev_end || prev_end == 0,
            "free runs overlap or touch at {b:#x}"
        );
        prev_end = b + n * PAGE_SIZE;
        rep.free_bytes += n * PAGE_SIZE;
    }
    rep.free_runs = h.free.len();
    rep.released_bytes = scavenged_pages * PAGE_SIZE;
    let (in_use, free, released) = (
        STATS.heap_in_use.load(Relaxed),
        STATS.heap_free.load(Relaxed),
        STATS.heap_released.load(Relaxed),
    );
    ensure!(
        in_use as usize == rep.in_use_bytes,
        "HeapInuse {in_use} but spans cover {}",
        rep.in_use_bytes
    );
    ensure!(
        released as usize == rep.released_bytes,
        "HeapReleased {released} but {} released",
        rep.released_bytes
    );
    ensure!(
        (free + released) as usize == rep.free_bytes,
        "HeapIdle {} but free runs hold {}",
        free + released,
        rep.free_bytes
    );
    Ok(rep)
}

fn h_free_contains(free: &std::collections::BTreeMap<usize, usize>, p: usize) -> bool {
    match free.range(..=p).next_back() {
        Some((&b, &n)) => p < b + n * PAGE_SIZE,
        None => false,
    }
}

/// Geometry and allocation-count invariants of one span.
fn check_span(sp: &MSpan) -> Result<(), String> {
    let base = sp.base();
    let class = sp.spanclass().sizeclass();
    ensure!(
        base & (PAGE_SIZE - 1) == 0,
        "span {base:#x} not page aligned"
    );
    if class == 0 {
        ensure!(
            sp.nelems() == 1,
            "large span {base:#x} has {} elems",
            sp.nelems()
        );
        ensure!(
            sp.elemsize() == sp.npages() * PAGE_SIZE,
            "large span {base:#x} elemsize"
        );
    } else {
        ensure!(
            sp.npages() == CLASS_TO_NPAGES[class] as usize,
            "span {base:#x} class {class} npages"
        );
        ensure!(
            sp.elemsize() == CLASS_TO_SIZE[class] as usize,
            "span {base:#x} elemsize"
        );
        let reserve = if heap_bits_in_span(sp.spanclass()) {
            sp.npages() * PAGE_SIZE / 64
        } else {
            0
        };
        ensure!(
            sp.nelems() == (sp.npages() * PAGE_SIZE - reserve) / sp.elemsize(),
            "span {base:#x} nelems"
        );
    }
    ensure!(
        sp.freeindex <= sp.nelems(),
        "span {base:#x} freeindex past nelems"
    );
    let counted = sp.freeindex + sp.count_alloc_bits_from(sp.freeindex);
    ensure!(
        counted == sp.alloc_count(),
        "span {base:#x} class {class}: allocCount {} but bits say {counted}",
        sp.alloc_count()
    );
    ensure!(
        sp.count_marked() == 0 || !sp.cached,
        "cached span {base:#x} has mark bits"
    );
    Ok(())
}

/// Walks one list; returns its length.
fn check_list(
    list: &MSpanList,
    spc: usize,
    partial: bool,
    spans: &HashMap<usize, *mut MSpan>,
    listed: &mut HashMap<usize, usize>,
) -> Result<usize, String> {
    let mut n = 0;
    // SAFETY: the caller holds this list's lock.
    for s in unsafe { list.iter() } {
        // SAFETY: members are valid span records.
        let sp = unsafe { &*s };
        let base = sp.base();
        ensure!(
            spans.get(&base) == Some(&s),
            "listed span {base:#x} not in the page map"
        );
        ensure!(
            std::ptr::eq(sp.list, list),
            "span {base:#x} list pointer wrong"
        );
        ensure!(
            sp.spanclass().index() == spc,
            "span {base:#x} on the list of class {spc}"
        );
        ensure!(!sp.cached, "span {base:#x} is both cached and listed");
        let has_free = sp.alloc_count() < sp.nelems();
        ensure!(
            has_free == partial,
            "span {base:#x} on the wrong list (partial={partial})"
        );
        *listed.entry(base).or_default() += 1;
        ensure!(listed[&base] == 1, "span {base:#x} listed twice");
        n += 1;
    }
    debug_assert!(spc < NUM_SPAN_CLASSES);
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mcache::MCache;
    use crate::mspan::SpanClass;

    #[test]
    fn checker_catches_corruption() {
        let mut c = MCache::new();
        // SAFETY: null type, pointer-free memory.
        let p = unsafe { c.mallocgc(64, std::ptr::null(), true) } as usize;
        check_heap().expect("clean heap");
        let s = c.cached_span(SpanClass::new(crate::sizeclasses::size_to_class(64), true));
        // SAFETY: s is cached by c, which this thread owns; no allocation runs.
        unsafe { (*s).alloc_count += 1 };
        let err = check_heap().expect_err("allocCount corruption");
        assert!(err.contains("allocCount"), "{err}");
        // SAFETY: as above, undoing the corruption.
        unsafe { (*s).alloc_count -= 1 };
        // A page of the span no longer mapped: a span seen at its second
        // page only, or missing from the page map.
        let page = p & !(PAGE_SIZE - 1);
        MHEAP.set_page_for_test(page, std::ptr::null_mut());
        assert!(check_heap().is_err(), "page map corruption");
        MHEAP.set_page_for_test(page, s);
        c.release_all();
        check_heap().expect("repaired heap");
    }
}
