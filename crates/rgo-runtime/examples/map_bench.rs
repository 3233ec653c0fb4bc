//! Map benchmark: the operations of `map_bench.go` on rgo's runtime maps,
//! called as the VM will call them (fast paths for int and string keys,
//! allocation through a per-P MCache):
//!
//! ```go
//! m := make(map[int]int)
//! for i := 0; i < n; i++ { m[i*7] = i }   // then lookups, iteration, delete
//! ms := make(map[string]int)              // 1e6 distinct string keys
//! ```
//!
//! Run in release: `cargo run --release -p rgo-runtime --example map_bench`,
//! beside `go build -o /tmp/map_bench map_bench.go && /tmp/map_bench`.

use std::hint::black_box;
use std::time::Instant;

use rgo_runtime::alg::equal_fn_for;
use rgo_runtime::malloc::set_current_mcache;
use rgo_runtime::map::*;
use rgo_runtime::mcache::MCache;
use rgo_runtime::typedesc::{GoStr, Kind, MapType, Type};

const N: usize = 1_000_000;

fn report(what: &str, start: Instant) {
    let ns = start.elapsed().as_nanos() as f64 / N as f64;
    println!("rgo: {what:<28} {ns:7.1} ns/op");
}

fn leak<T>(x: T) -> &'static T {
    Box::leak(Box::new(x))
}

fn main() {
    let cache = Box::leak(Box::new(MCache::new()));
    // SAFETY: the cache is leaked (lives forever) and used by this thread only.
    unsafe { set_current_mcache(cache) };
    let mut int_t = Type::noscan(8, 8, Kind::Int, "int");
    int_t.equal = equal_fn_for(&int_t);
    let int_t = leak(int_t);
    static SMASK: [u8; 1] = [1];
    let mut str_t = Type::with_pointers(16, Kind::String, &SMASK, "string");
    str_t.equal = equal_fn_for(&str_t);
    let str_t = leak(str_t);
    let (Some(ti), Some(ts)) = (new_map_type(int_t, int_t), new_map_type(str_t, int_t)) else {
        return;
    };

    let keys: Vec<String> = (0..N).map(|i| format!("key-{i}")).collect();
    println!("round 1: fresh memory from the OS (page faults while growing)");
    let sum = round(ti, ts, &keys);
    // Free everything (no GC yet: nothing is marked) so that round 2 grows
    // into reused memory, as a Go program does once its GC has run.
    cache.release_all();
    rgo_runtime::mgcsweep::sweep_all();
    println!("round 2: reused memory");
    let sum2 = round(ti, ts, &keys);
    println!("checksum {} {}", black_box(sum), black_box(sum2));
}

fn round(ti: &MapType, ts: &MapType, keys: &[String]) -> i64 {
    let h = makemap_small();
    let start = Instant::now();
    for i in 0..N {
        // SAFETY: h is a live map[int]int; the slot is written at once.
        unsafe {
            *(mapassign_fast64(ti, h, (i * 7) as u64).unwrap_or(std::ptr::null_mut()) as *mut i64) =
                i as i64
        };
    }
    report("int insert (grow from 0)", start);
    let mut sum = 0i64;
    let start = Instant::now();
    for i in 0..N {
        // SAFETY: as above; the result points to an int.
        sum += unsafe { *(mapaccess1_fast64(ti, h, (i * 7) as u64) as *const i64) };
    }
    report("int lookup hit", start);
    let start = Instant::now();
    for i in 0..N {
        // SAFETY: as above.
        sum += unsafe { *(mapaccess1_fast64(ti, h, (i * 7 + 1) as u64) as *const i64) };
    }
    report("int lookup miss", start);
    let start = Instant::now();
    let mut it = HIter::new();
    // SAFETY: as above; key and elem point to ints while key is non-null.
    unsafe {
        mapiterinit(ti, h, &mut it);
        while !it.key.is_null() {
            sum += *(it.key as *const i64) + *(it.elem as *const i64);
            mapiternext(&mut it);
        }
    }
    report("int iterate", start);
    let start = Instant::now();
    for i in 0..N {
        // SAFETY: as above.
        unsafe { mapdelete_fast64(ti, h, (i * 7) as u64) };
    }
    report("int delete", start);

    // SAFETY: ti is a valid map type.
    let hp = unsafe { makemap(ti, N as isize) };
    let start = Instant::now();
    for i in 0..N {
        // SAFETY: hp is a live map[int]int; the slot is written at once.
        unsafe {
            *(mapassign_fast64(ti, hp, (i * 7) as u64).unwrap_or(std::ptr::null_mut())
                as *mut i64) = i as i64
        };
    }
    report("int insert (presized)", start);

    let hs = makemap_small();
    let start = Instant::now();
    for (i, k) in keys.iter().enumerate() {
        let g = GoStr {
            ptr: k.as_ptr(),
            len: k.len(),
        };
        // SAFETY: hs is a live map[string]int; keys outlive it.
        unsafe {
            *(mapassign_faststr(ts, hs, g).unwrap_or(std::ptr::null_mut()) as *mut i64) = i as i64
        };
    }
    report("string insert (grow from 0)", start);
    let start = Instant::now();
    for k in keys {
        let g = GoStr {
            ptr: k.as_ptr(),
            len: k.len(),
        };
        // SAFETY: as above.
        sum += unsafe { *(mapaccess1_faststr(ts, hs, g) as *const i64) };
    }
    report("string lookup hit", start);
    // SAFETY: both maps are live.
    let (l1, l2) = unsafe { (maplen(h), maplen(hs)) };
    assert_eq!((l1, l2), (0, N));
    sum
}
