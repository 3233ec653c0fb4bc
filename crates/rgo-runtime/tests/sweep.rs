//! The GC's allocator primitives driven by hand: mark some objects, sweep,
//! check that exactly the unmarked ones were freed and are reused, that
//! empty spans and large objects go back to the heap, and that
//! scavenging returns free pages to the OS and shows in HeapReleased.
//!
//! Sweep acts on the whole heap, so this file is one test that runs its
//! steps in order in a fresh process.

use std::collections::HashSet;

use rgo_runtime::heapcheck::check_heap;
use rgo_runtime::mcache::MCache;
use rgo_runtime::mgcsweep::{mark_object, sweep_all};
use rgo_runtime::mheap::{span_of, MHEAP};
use rgo_runtime::mstats::{read_mem_stats, MemStats};
use rgo_runtime::sizeclasses::{size_to_class, PAGE_SIZE};

fn alloc(c: &mut MCache, size: usize, needzero: bool) -> usize {
    // SAFETY: null type: pointer-free memory; callers write before reading
    // when needzero is false.
    unsafe { c.mallocgc(size, std::ptr::null(), needzero) as usize }
}

fn check() {
    if let Err(e) = check_heap() {
        panic!("heap check failed: {e}");
    }
}

fn write_tag(p: usize, tag: u64) {
    // SAFETY: p is a live object of at least 8 bytes, 8-aligned.
    unsafe { *(p as *mut u64) = tag };
}

fn read_tag(p: usize) -> u64 {
    // SAFETY: as write_tag.
    unsafe { *(p as *const u64) }
}

fn resident_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("statm");
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|f| f.parse().ok())
        .expect("rss field");
    pages * 4096
}

#[test]
fn mark_sweep_reuse_and_release() {
    let mut c = MCache::new();
    let live = small_objects_survive_only_when_marked(&mut c);
    empty_spans_return_to_the_heap(&mut c, live);
    large_objects_and_scavenging(&mut c);
    concurrent_marking_marks_once(&mut c);
    random_rounds_keep_survivors_intact(&mut c);
}

/// Step 1: every third 48-byte object is marked; the rest are freed and
/// their slots handed out again, zeroed. Returns the survivors.
fn small_objects_survive_only_when_marked(c: &mut MCache) -> Vec<usize> {
    const N: usize = 1000;
    let objs: Vec<usize> = (0..N).map(|_| alloc(c, 48, true)).collect();
    for (i, &p) in objs.iter().enumerate() {
        write_tag(p, i as u64 + 1);
    }
    let mut live = Vec::new();
    let mut dead = HashSet::new();
    for (i, &p) in objs.iter().enumerate() {
        if i % 3 == 0 {
            assert!(mark_object(p + 40), "interior pointer marks the object");
            assert!(!mark_object(p), "second mark reports already marked");
            live.push(p);
        } else {
            dead.insert(p);
        }
    }
    assert!(!mark_object(0x10), "not a heap address");
    c.release_all();
    check();
    let before = read_mem_stats();
    let r = sweep_all();
    let after = read_mem_stats();
    assert_eq!(r.objects_freed, dead.len());
    assert_eq!(r.bytes_freed, dead.len() * 48);
    assert_eq!(r.spans_freed, 0, "every span keeps a marked object");
    assert_eq!(after.frees - before.frees, dead.len() as u64);
    assert_eq!(after.heap_objects, live.len() as u64);
    let cl = size_to_class(48);
    assert_eq!(after.by_size[cl].frees, dead.len() as u64);
    assert_eq!(after.heap_alloc, (live.len() * 48) as u64);
    for (i, &p) in objs.iter().enumerate() {
        if i % 3 == 0 {
            assert_eq!(read_tag(p), i as u64 + 1, "survivor intact");
        }
    }
    check();

    // Reuse: the freed slots come back (zeroed), no new span is needed.
    let spans: HashSet<usize> = objs.iter().map(|&p| span_of(p) as usize).collect();
    let unused_tail: usize = spans
        .iter()
        // SAFETY: the spans are in use (each holds a survivor).
        .map(|&s| unsafe { (*(s as *const rgo_runtime::mspan::MSpan)).nelems() })
        .sum::<usize>()
        - N;
    let inuse = read_mem_stats().heap_inuse;
    let again: Vec<usize> = (0..dead.len()).map(|_| alloc(c, 48, true)).collect();
    let reused = again.iter().filter(|p| dead.contains(p)).count();
    assert!(
        reused >= dead.len() - unused_tail,
        "reused {reused} of {}",
        dead.len()
    );
    for &p in &again {
        assert!(
            spans.contains(&(span_of(p) as usize)),
            "new span used despite free slots"
        );
        assert!(!live.contains(&p), "survivor's slot handed out");
        assert_eq!(read_tag(p), 0, "reused slot not zeroed");
    }
    assert_eq!(read_mem_stats().heap_inuse, inuse);
    c.release_all();
    check();
    live
}

/// Step 2: nothing marked: all objects die and their spans go back.
fn empty_spans_return_to_the_heap(c: &mut MCache, _previous: Vec<usize>) {
    for _ in 0..2000 {
        alloc(c, 256, true);
    }
    c.release_all();
    let before = read_mem_stats();
    let r = sweep_all();
    let after = read_mem_stats();
    assert_eq!(r.objects_freed as u64, before.heap_objects);
    assert_eq!(after.heap_objects, 0);
    assert_eq!(after.heap_alloc, 0);
    assert!(r.spans_freed >= 2000 / 32, "freed {} spans", r.spans_freed);
    assert_eq!(after.heap_inuse, 0, "every span went back to the heap");
    assert_eq!(after.heap_idle, after.heap_sys);
    check();
}

/// Step 3: an unmarked large object is freed, a marked one kept; then the
/// free pages are released to the OS.
fn large_objects_and_scavenging(c: &mut MCache) {
    const BIG: usize = 10 << 20;
    let l1 = alloc(c, BIG, true);
    // SAFETY: l1 is a fresh BIG-byte object; touching it makes it resident.
    unsafe { std::ptr::write_bytes(l1 as *mut u8, 0xAB, BIG) };
    let l2 = alloc(c, 500_000, true);
    assert!(mark_object(l2 + 499_999));
    c.release_all();
    let before = read_mem_stats();
    let r = sweep_all();
    let after = read_mem_stats();
    assert_eq!(r.objects_freed, 1);
    assert_eq!(after.frees - before.frees, 1);
    assert_eq!(before.heap_inuse - after.heap_inuse, BIG as u64);
    assert!(span_of(l1).is_null(), "freed pages map to no span");
    assert!(!span_of(l2).is_null());
    check();

    let rss_before = resident_bytes();
    let s0: MemStats = read_mem_stats();
    let released = MHEAP.scavenge_all();
    let s1 = read_mem_stats();
    assert!(released >= BIG, "released only {released}");
    assert_eq!(s1.heap_released - s0.heap_released, released as u64);
    assert_eq!(
        s1.heap_idle, s0.heap_idle,
        "released memory stays idle heap"
    );
    assert_eq!(s1.heap_sys, s0.heap_sys);
    let rss_after = resident_bytes();
    assert!(
        rss_before - rss_after >= BIG - PAGE_SIZE * 16,
        "RSS {rss_before} -> {rss_after}"
    );
    assert_eq!(MHEAP.scavenge_all(), 0, "nothing left to release");
    check();

    // The same pages come back (first fit) and read as zero without being
    // cleared: the OS dropped their contents.
    let l3 = alloc(c, BIG, false);
    assert_eq!(l3, l1);
    // SAFETY: l3 is a live BIG-byte object.
    let bytes = unsafe { std::slice::from_raw_parts(l3 as *const u8, BIG) };
    assert!(bytes.iter().all(|&b| b == 0));
    assert_eq!(
        read_mem_stats().heap_released,
        s1.heap_released - BIG as u64
    );
    check();
}

/// Step 4: markers racing on the same objects mark each exactly once.
fn concurrent_marking_marks_once(c: &mut MCache) {
    let objs: Vec<usize> = (0..4000).map(|_| alloc(c, 64, true)).collect();
    c.release_all();
    let wins: usize = std::thread::scope(|s| {
        let hs: Vec<_> = (0..4)
            .map(|_| s.spawn(|| objs.iter().filter(|&&p| mark_object(p + 63)).count()))
            .collect();
        hs.into_iter().map(|h| h.join().expect("marker")).sum()
    });
    assert_eq!(wins, objs.len());
    let r = sweep_all();
    // Survivors: the 4000 marked, plus nothing else marked (l2 and l3 die).
    assert_eq!(read_mem_stats().heap_objects, 4000);
    assert_eq!(r.objects_freed, 2);
    check();
}

/// Step 5: rounds of random allocations (all size paths, two caches),
/// random survivors marked, sweep; survivors keep their contents, the
/// statistics agree, and the heap checker passes after every round.
fn random_rounds_keep_survivors_intact(c: &mut MCache) {
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut c2 = MCache::new();
    let mut live: Vec<(usize, usize, u64)> = Vec::new(); // (addr, size, tag)
    for round in 0..6 {
        for i in 0..3000 {
            let size = match next() % 10 {
                0..=3 => 8 + (next() % 8) as usize, // tiny-ish and 8..15
                4..=7 => 16 + (next() % 2000) as usize,
                8 => 2000 + (next() % 30000) as usize,
                _ => 33000 + (next() % 100_000) as usize,
            };
            let cache = if i % 2 == 0 { &mut *c } else { &mut c2 };
            let p = alloc(cache, size, true);
            let tag = next() | 1;
            if size >= 8 && p & 7 == 0 {
                write_tag(p, tag);
                if next() % 4 == 0 {
                    live.push((p, size, tag));
                }
            }
        }
        c.release_all();
        c2.release_all();
        for &(p, _, _) in &live {
            mark_object(p);
        }
        sweep_all();
        let s = read_mem_stats();
        // Tiny survivors may share a block: count distinct objects.
        let objects: HashSet<usize> = live
            .iter()
            .map(|&(p, _, _)| rgo_runtime::mheap::find_object(p).expect("survivor").0)
            .collect();
        assert_eq!(s.heap_objects, objects.len() as u64, "round {round}");
        for &(p, size, tag) in &live {
            assert_eq!(
                read_tag(p),
                tag,
                "round {round}: survivor of {size} bytes damaged"
            );
        }
        check();
    }
}
