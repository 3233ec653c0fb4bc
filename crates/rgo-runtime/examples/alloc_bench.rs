//! Micro benchmark of the small-object fast path: 10M allocations of a
//! 32-byte pointer-free object (`new([4]int)`), the same loop as
//!
//! ```go
//! var sink *[4]int
//! for i := 0; i < 1e7; i++ { sink = new([4]int) }
//! ```
//!
//! run with GOGC=off. Run in release: `cargo run --release -p rgo-runtime
//! --example alloc_bench`. In the first round, as in the Go loop, nothing
//! is freed and fresh pages need no clearing, so no page is touched. Then
//! everything is swept (nothing marked) and allocated again twice: once
//! faulting the now-dirty pages in while clearing them, once on resident
//! pages.

use std::hint::black_box;
use std::time::Instant;

use rgo_runtime::mcache::MCache;
use rgo_runtime::mstats::read_mem_stats;
use rgo_runtime::typedesc::{Kind, Type};

static INT4: Type = Type::noscan(32, 8, Kind::Array, "[4]int");
const N: usize = 10_000_000;

fn round(c: &mut MCache) -> f64 {
    let start = Instant::now();
    for _ in 0..N {
        // SAFETY: INT4 is a static descriptor; the object is zeroed.
        let p = unsafe { c.mallocgc(32, &INT4, true) };
        black_box(p);
    }
    start.elapsed().as_nanos() as f64 / N as f64
}

fn main() {
    let mut c = MCache::new();
    let fresh = round(&mut c);
    println!("rgo: 10M x 32B, fresh memory: {fresh:.2} ns/alloc");
    c.release_all();
    let s = read_mem_stats();
    println!(
        "     mallocs={} heap_alloc={} heap_inuse={} heap_sys={}",
        s.mallocs, s.heap_alloc, s.heap_inuse, s.heap_sys
    );
    // Free everything (no marks) and allocate again: the pages are now
    // dirty, so each slot is cleared, which faults the pages in.
    rgo_runtime::mgcsweep::sweep_all();
    let faulting = round(&mut c);
    println!("rgo: 10M x 32B, reused pages, first touch: {faulting:.2} ns/alloc");
    // Once more: resident pages, clearing only.
    c.release_all();
    rgo_runtime::mgcsweep::sweep_all();
    let warm = round(&mut c);
    println!("rgo: 10M x 32B, reused resident pages: {warm:.2} ns/alloc");
}
