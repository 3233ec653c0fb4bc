//! Allocation through mallocgc: zero-size objects, the tiny allocator,
//! small scan and noscan objects, large objects, interior pointers,
//! statistics and several MCaches on several threads, each scenario ending
//! with the heap checker. Tests share one heap, so they run one at a time.

use std::collections::HashSet;
use std::sync::{Mutex, MutexGuard};

use rgo_runtime::heapcheck::check_heap;
use rgo_runtime::malloc::{flush_mcache0, mallocgc, set_current_mcache, zerobase};
use rgo_runtime::mbitmap::for_each_pointer;
use rgo_runtime::mcache::MCache;
use rgo_runtime::mheap::{find_object, span_of};
use rgo_runtime::mspan::SpanClass;
use rgo_runtime::mstats::read_mem_stats;
use rgo_runtime::sizeclasses::{size_to_class, CLASS_TO_SIZE, PAGE_SIZE};
use rgo_runtime::typedesc::{Kind, Type};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// struct { p *T; n int; q *T }
static PTR_INT_PTR_MASK: [u8; 1] = [0b101];
static PTR_INT_PTR: Type = Type::with_pointers(24, Kind::Struct, &PTR_INT_PTR_MASK, "main.S");
/// *int
static PTR_MASK: [u8; 1] = [0b1];
static PTR: Type = Type::with_pointers(8, Kind::Pointer, &PTR_MASK, "*int");
static INT4: Type = Type::noscan(32, 8, Kind::Array, "[4]int");

fn alloc(c: &mut MCache, size: usize, typ: *const Type) -> usize {
    // SAFETY: typ is null or one of the static descriptors above.
    unsafe { c.mallocgc(size, typ, true) as usize }
}

fn check() {
    if let Err(e) = check_heap() {
        panic!("heap check failed: {e}");
    }
}

fn pointers_of(p: usize) -> Vec<usize> {
    let (base, s, _) = find_object(p).expect("heap object");
    let mut got = Vec::new();
    // SAFETY: base is an allocated slot of the in-use span s.
    unsafe { for_each_pointer(base, &*s, |a| got.push(a - p)) };
    got
}

#[test]
fn zero_size_objects_share_zerobase() {
    let _g = serial();
    let mut c = MCache::new();
    let a = alloc(&mut c, 0, &INT4);
    let b = alloc(&mut c, 0, std::ptr::null());
    assert_eq!(a, zerobase() as usize);
    assert_eq!(a, b);
    assert!(find_object(a).is_none(), "zerobase is not a heap object");
    check();
}

#[test]
fn tiny_objects_pack_into_16_byte_blocks_with_go_alignment() {
    let _g = serial();
    let mut c = MCache::new();
    let base = alloc(&mut c, 1, std::ptr::null());
    assert_eq!(base % 16, 0, "a new tiny block is 16-byte aligned");
    // offset 1: a 2-byte object aligns to 2, 4-byte to 4, 8-byte to 8.
    assert_eq!(alloc(&mut c, 2, std::ptr::null()) - base, 2);
    assert_eq!(alloc(&mut c, 4, std::ptr::null()) - base, 4);
    assert_eq!(alloc(&mut c, 1, std::ptr::null()) - base, 8);
    assert_eq!(
        alloc(&mut c, 3, std::ptr::null()) - base,
        9,
        "odd sizes are not aligned"
    );
    assert_eq!(alloc(&mut c, 4, std::ptr::null()) - base, 12);
    // Block full: an 8-byte object starts a new block.
    let next = alloc(&mut c, 8, std::ptr::null());
    assert_ne!(next & !15, base);
    assert_eq!(next % 16, 0);
    let (_, s, _) = find_object(base + 9).expect("tiny block is a heap object");
    // SAFETY: s is an in-use span.
    assert_eq!(unsafe { (*s).spanclass() }, SpanClass::new(2, true));
    // A pointer-holding 8-byte object never uses the tiny allocator.
    let p = alloc(&mut c, 8, &PTR);
    // SAFETY: span_of returns an in-use span for a live object.
    let spc = unsafe { (*span_of(p)).spanclass() };
    assert_eq!(spc, SpanClass::new(1, false));
    check();
}

#[test]
fn tiny_allocations_count_as_mallocs_and_frees() {
    let _g = serial();
    let mut c = MCache::new();
    c.release_all();
    let before = read_mem_stats();
    for _ in 0..8 {
        alloc(&mut c, 4, std::ptr::null()); // 4 per block: 2 blocks, 6 tiny allocs
    }
    c.release_all();
    let after = read_mem_stats();
    assert_eq!(after.mallocs - before.mallocs, 8);
    assert_eq!(
        after.frees - before.frees,
        6,
        "allocations inside a block count as freed"
    );
    assert_eq!(
        after.heap_objects - before.heap_objects,
        2,
        "two 16-byte blocks live"
    );
    assert_eq!(after.by_size[2].mallocs - before.by_size[2].mallocs, 2);
    assert_eq!(after.total_alloc - before.total_alloc, 32);
    check();
}

#[test]
fn small_objects_are_distinct_aligned_and_found_by_interior_pointers() {
    let _g = serial();
    let mut c = MCache::new();
    let mut seen = HashSet::new();
    for _ in 0..1000 {
        let p = alloc(&mut c, 32, &INT4);
        assert_eq!(p % 32, 0, "32-byte class objects are 32-aligned");
        assert!(seen.insert(p), "address handed out twice");
        for off in [0, 8, 17, 31] {
            let (base, s, idx) = find_object(p + off).expect("interior pointer");
            assert_eq!(base, p);
            // SAFETY: s is an in-use span.
            let sp = unsafe { &*s };
            assert_eq!(sp.base() + idx * sp.elemsize(), p);
            assert_eq!(sp.spanclass(), SpanClass::new(size_to_class(32), true));
            assert!(!sp.is_free(idx));
        }
    }
    // Sizes round up to their class; no object straddles a page boundary
    // for 1-page classes.
    for size in [16, 24, 33, 100, 1000, 1025, 5000, 32760] {
        let p = alloc(&mut c, size, std::ptr::null());
        let (_, s, _) = find_object(p + size - 1).expect("last byte is inside");
        // SAFETY: s is an in-use span.
        let elemsize = unsafe { (*s).elemsize() };
        assert_eq!(elemsize, CLASS_TO_SIZE[size_to_class(size)] as usize);
    }
    check();
}

#[test]
fn fresh_objects_are_zeroed() {
    let _g = serial();
    let mut c = MCache::new();
    for size in [16, 48, 512, 4000, 70000] {
        let p = alloc(&mut c, size, std::ptr::null());
        // SAFETY: p is a fresh object of `size` bytes.
        let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, size) };
        assert!(bytes.iter().all(|&b| b == 0), "size {size}");
        // SAFETY: dirty it; the memory is ours.
        unsafe { std::ptr::write_bytes(p as *mut u8, 0xAB, size) };
    }
    check();
}

#[test]
fn pointer_bitmaps_tile_the_element_type() {
    let _g = serial();
    let mut c = MCache::new();
    // One struct: pointers at 0 and 16.
    let p = alloc(&mut c, 24, &PTR_INT_PTR);
    assert_eq!(pointers_of(p), vec![0, 16]);
    // An array of 5 (make([]S, 5)): the struct's pointers every 24 bytes.
    let a = alloc(&mut c, 5 * 24, &PTR_INT_PTR);
    let want: Vec<usize> = (0..5).flat_map(|e| [e * 24, e * 24 + 16]).collect();
    assert_eq!(pointers_of(a), want);
    // 1024 bytes of pointers: malloc header in front, object after it.
    let h = alloc(&mut c, 1024, &PTR);
    let (base, s, _) = find_object(h).expect("header object");
    assert_eq!(base, h - 8, "the slot starts with the 8-byte type header");
    // SAFETY: s is an in-use span.
    assert_eq!(unsafe { (*s).elemsize() }, 1152);
    assert_eq!(
        pointers_of(h),
        (0..1144 / 8).map(|w| w * 8).collect::<Vec<_>>()
    );
    // A large scan object: the span remembers the type.
    let l = alloc(&mut c, 40000, &PTR_INT_PTR);
    let lp = pointers_of(l);
    assert_eq!(&lp[..4], &[0, 16, 24, 40]);
    assert!(lp.len() >= 40000 / 24 * 2);
    // Pointer-free objects report nothing.
    let n = alloc(&mut c, 64, &INT4);
    assert!(pointers_of(n).is_empty());
    check();
}

#[test]
fn large_objects_get_their_own_span() {
    let _g = serial();
    let mut c = MCache::new();
    c.release_all();
    let before = read_mem_stats();
    let p = alloc(&mut c, 100_000, std::ptr::null());
    assert_eq!(p % PAGE_SIZE, 0);
    let (base, s, idx) = find_object(p + 99_999).expect("interior of a large object");
    assert_eq!((base, idx), (p, 0));
    // SAFETY: s is an in-use span.
    let sp = unsafe { &*s };
    assert_eq!(sp.npages(), 13);
    assert_eq!(sp.spanclass(), SpanClass::new(0, true));
    let after = read_mem_stats();
    assert_eq!(after.heap_inuse - before.heap_inuse, 13 * PAGE_SIZE as u64);
    assert_eq!(
        after.total_alloc - before.total_alloc,
        13 * PAGE_SIZE as u64
    );
    assert_eq!(after.mallocs - before.mallocs, 1);
    assert_eq!(after.heap_sys, after.heap_inuse + after.heap_idle);
    // A 32761-byte noscan object is large too (32 KiB minus the header size limit).
    let q = alloc(&mut c, 32761, std::ptr::null());
    // SAFETY: in-use span.
    assert_eq!(unsafe { (*span_of(q)).spanclass().sizeclass() }, 0);
    check();
}

#[test]
fn stats_count_small_allocations_when_caches_flush() {
    let _g = serial();
    let mut c = MCache::new();
    c.release_all();
    let before = read_mem_stats();
    for _ in 0..300 {
        alloc(&mut c, 48, &INT4);
    }
    let cached = read_mem_stats();
    // Slots of the span still cached are counted only when it leaves the cache.
    assert!(
        cached.mallocs - before.mallocs < 300,
        "fast path counted allocations"
    );
    c.release_all();
    let after = read_mem_stats();
    let cl = size_to_class(48);
    assert_eq!(after.mallocs - before.mallocs, 300);
    assert_eq!(after.by_size[cl].mallocs - before.by_size[cl].mallocs, 300);
    assert_eq!(after.heap_alloc - before.heap_alloc, 300 * 48);
    assert_eq!(after.heap_objects - before.heap_objects, 300);
    assert!(after.sys >= after.heap_sys + after.mspan_sys);
    check();
}

#[test]
fn many_caches_on_many_threads() {
    let _g = serial();
    flush_mcache0();
    let before = read_mem_stats();
    const THREADS: usize = 4;
    const PER_THREAD: usize = 20_000;
    let sizes = [8, 16, 24, 32, 48, 100, 256, 700, 2048, 9000, 40000];
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            std::thread::spawn(move || {
                let mut c = MCache::new();
                let mut objs = Vec::new();
                for i in 0..PER_THREAD {
                    let size = sizes[(i * 7 + t) % sizes.len()];
                    let typ: *const Type = if i % 2 == 0 { &PTR } else { std::ptr::null() };
                    let size = if typ.is_null() { size } else { size.max(8) };
                    let p = alloc(&mut c, size, typ);
                    let tag = (t * PER_THREAD + i) as u64;
                    // SAFETY: p is a fresh object of at least 8 bytes, 8-aligned.
                    unsafe { *(p as *mut u64) = tag };
                    objs.push((p, tag));
                }
                for &(p, tag) in &objs {
                    // SAFETY: objects are live (nothing frees without a sweep).
                    assert_eq!(unsafe { *(p as *const u64) }, tag, "object overwritten");
                }
                c.release_all();
                objs.into_iter().map(|(p, _)| p).collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all = HashSet::new();
    for h in handles {
        for p in h.join().expect("allocating thread") {
            assert!(all.insert(p), "two threads got the same address");
        }
    }
    let after = read_mem_stats();
    assert_eq!(
        after.mallocs - before.mallocs,
        (THREADS * PER_THREAD) as u64
    );
    check();
}

#[test]
fn thread_current_mcache_and_fallback() {
    let _g = serial();
    let mut c = MCache::new();
    // SAFETY: c outlives its installation, used only by this thread.
    let prev = unsafe { set_current_mcache(&mut c) };
    assert!(prev.is_null());
    // SAFETY: INT4 is a static descriptor.
    let p = unsafe { mallocgc(32, &INT4, true) } as usize;
    assert_eq!(
        span_of(p),
        c.cached_span(SpanClass::new(size_to_class(32), true))
    );
    // SAFETY: uninstalling.
    unsafe { set_current_mcache(std::ptr::null_mut()) };
    // SAFETY: as above; the fallback cache serves threads without a P.
    let q = unsafe { mallocgc(32, &INT4, true) } as usize;
    assert_ne!(
        span_of(q),
        c.cached_span(SpanClass::new(size_to_class(32), true))
    );
    flush_mcache0();
    c.release_all();
    check();
}
