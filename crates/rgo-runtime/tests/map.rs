//! Go maps through the runtime API the VM uses: a million int and string
//! keys against a std HashMap model, growth and deletion during
//! iteration, same-size growth from churn, NaN and ±0 keys, clear,
//! randomized iteration order, indirect (big) keys and elements, B after
//! n inserts, interface and struct keys, Go's panic texts, the
//! concurrent-write throw, and the heap checker after heavy use. Tests
//! share one heap, so they run one at a time.

use std::collections::{HashMap, HashSet};
use std::ptr;
use std::sync::{Mutex, MutexGuard};

use rgo_runtime::alg::{self, equal_fn_for, hash_fn_for};
use rgo_runtime::heapcheck::check_heap;
use rgo_runtime::map::*;
use rgo_runtime::typedesc::{
    mapflag, tflag, ArrayType, GoStr, InterfaceType, Kind, MapType, SliceType, StructField,
    StructType, Type,
};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn leak<T>(x: T) -> &'static T {
    Box::leak(Box::new(x))
}

// ---------------------------------------------------------------------------
// Type descriptors, as the compiler will emit them.

fn scalar(size: usize, kind: Kind, name: &'static str) -> &'static Type {
    let mut t = Type::noscan(size, size.clamp(1, 8) as u8, kind, name);
    if matches!(
        kind,
        Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128
    ) {
        t.tflag = 0;
    }
    t.equal = equal_fn_for(&t);
    leak(t)
}

fn int_t() -> &'static Type {
    scalar(8, Kind::Int, "int")
}

fn string_t() -> &'static Type {
    static MASK: [u8; 1] = [1];
    let mut t = Type::with_pointers(16, Kind::String, &MASK, "string");
    t.equal = equal_fn_for(&t);
    leak(t)
}

fn eface_t() -> &'static Type {
    static MASK: [u8; 1] = [0b11];
    let mut typ = Type::with_pointers(16, Kind::Interface, &MASK, "interface {}");
    typ.equal = Some(alg::nilinterequal);
    let it = leak(InterfaceType {
        typ,
        pkg_path: GoStr::EMPTY,
        methods: ptr::null(),
        nmethods: 0,
    });
    &it.typ
}

fn slice_int_t() -> &'static Type {
    static MASK: [u8; 1] = [1];
    let typ = Type::with_pointers(24, Kind::Slice, &MASK, "[]int");
    &leak(SliceType { typ, elem: int_t() }).typ
}

fn array_t(elem: &'static Type, len: usize, name: &'static str) -> &'static Type {
    let mut typ = Type::noscan(elem.size * len, 8, Kind::Array, name);
    typ.tflag = elem.tflag & tflag::REGULAR_MEMORY;
    typ.equal = None;
    &leak(ArrayType {
        typ,
        elem,
        slice: ptr::null(),
        len,
    })
    .typ
}

fn map_type(k: &'static Type, v: &'static Type) -> &'static MapType {
    new_map_type(k, v).expect("comparable key")
}

fn gs(s: &str) -> GoStr {
    GoStr {
        ptr: s.as_ptr(),
        len: s.len(),
    }
}

/// A deterministic pseudo-random sequence (splitmix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn check(t: &MapType, h: *mut HMap) {
    // SAFETY: h is a live map of type t.
    if let Err(e) = unsafe { check_map(t, h) } {
        panic!("map check failed: {e}");
    }
}

fn heap_ok() {
    if let Err(e) = check_heap() {
        panic!("heap check failed: {e}");
    }
}

// Generic int map helpers (through mapassign / mapaccess2 / mapdelete).

fn put(t: &MapType, h: *mut HMap, k: i64, v: i64) {
    // SAFETY: h is a live map[int]int; the slot is written right away.
    unsafe {
        let e = mapassign(t, h, &k as *const i64 as *const u8).expect("assign");
        *(e as *mut i64) = v;
    }
}

fn get(t: &MapType, h: *mut HMap, k: i64) -> Option<i64> {
    // SAFETY: h is a live map[int]int.
    let (e, ok) = unsafe { mapaccess2(t, h, &k as *const i64 as *const u8) }.expect("access");
    // SAFETY: e points to an int element or the zero value.
    let v = unsafe { *(e as *const i64) };
    if ok {
        Some(v)
    } else {
        assert_eq!(v, 0, "missing key must give the zero value");
        None
    }
}

fn del(t: &MapType, h: *mut HMap, k: i64) {
    // SAFETY: h is a live map[int]int.
    unsafe { mapdelete(t, h, &k as *const i64 as *const u8) }.expect("delete");
}

/// All (key, value) pairs of a map[int]int by iteration.
fn entries(t: &MapType, h: *mut HMap) -> Vec<(i64, i64)> {
    let mut it = HIter::new();
    let mut out = Vec::new();
    // SAFETY: h is a live map[int]int; key/elem point to ints while non-null.
    unsafe {
        mapiterinit(t, h, &mut it);
        while !it.key.is_null() {
            out.push((*(it.key as *const i64), *(it.elem as *const i64)));
            mapiternext(&mut it);
        }
    }
    out
}

// ---------------------------------------------------------------------------

#[test]
fn million_int_keys_match_a_hashmap_model() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    assert!(t.hasher.is_some() && t.flags & mapflag::GENERIC_KEY == 0);
    // SAFETY: t is a valid map type.
    let h = unsafe { makemap(t, 0) };
    let mut model = HashMap::new();
    let mut rng = Rng(1);
    for i in 0..1_000_000 {
        let k = (rng.next() % 2_000_000) as i64 - 1_000_000;
        if i % 2 == 0 {
            put(t, h, k, i);
        } else {
            // SAFETY: h is a live map[int]int with 8-byte keys.
            unsafe { *(mapassign_fast64(t, h, k as u64).expect("assign") as *mut i64) = i };
        }
        model.insert(k, i);
    }
    // SAFETY: h is live.
    assert_eq!(unsafe { maplen(h) }, model.len());
    check(t, h);
    for k in -1_000_000..1_000_000i64 {
        let want = model.get(&k).copied();
        assert_eq!(get(t, h, k), want, "key {k}");
        if k % 7 == 0 {
            // SAFETY: as above.
            let (e, ok) = unsafe { mapaccess2_fast64(t, h, k as u64) };
            assert_eq!(ok, want.is_some());
            // SAFETY: e points to an int.
            assert_eq!(unsafe { *(e as *const i64) }, want.unwrap_or(0));
        }
    }
    for (n, k) in model
        .keys()
        .copied()
        .collect::<Vec<_>>()
        .into_iter()
        .enumerate()
    {
        if n % 2 == 0 {
            if n % 4 == 0 {
                del(t, h, k);
            } else {
                // SAFETY: as above.
                unsafe { mapdelete_fast64(t, h, k as u64) };
            }
            model.remove(&k);
        }
    }
    check(t, h);
    let got: HashMap<i64, i64> = entries(t, h).into_iter().collect();
    assert_eq!(got, model);
    heap_ok();
}

#[test]
fn million_string_keys_match_a_hashmap_model() {
    let _g = serial();
    let t = map_type(string_t(), int_t());
    // SAFETY: t is valid.
    let h = unsafe { makemap(t, 0) };
    let keys: Vec<String> = (0..1_000_000u64)
        .map(|i| format!("key-{}", i * 7919 % 1_000_003))
        .collect();
    let mut model = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        // Alternate the generic and the fast path; each key's bytes live in
        // `keys` for the whole test, as a Go string's would.
        // SAFETY: h is a live map[string]int; slots written at once.
        unsafe {
            let e = if i % 2 == 0 {
                mapassign_faststr(t, h, gs(k))
            } else {
                mapassign(t, h, &gs(k) as *const GoStr as *const u8)
            }
            .expect("assign");
            *(e as *mut i64) = i as i64;
        }
        model.insert(k.as_str(), i as i64);
    }
    // SAFETY: h is live.
    assert_eq!(unsafe { maplen(h) }, model.len());
    for (i, k) in keys.iter().enumerate() {
        // A copy of the key at another address must be found too.
        let copy = k.clone();
        // SAFETY: as above.
        let (e, ok) = unsafe { mapaccess2_faststr(t, h, gs(&copy)) };
        assert!(ok, "{k}");
        // SAFETY: e points to an int.
        assert_eq!(unsafe { *(e as *const i64) }, model[k.as_str()], "{k} #{i}");
    }
    let missing = "no such key".to_string();
    // SAFETY: as above.
    assert!(!unsafe { mapaccess2_faststr(t, h, gs(&missing)) }.1);
    for k in keys.iter().step_by(3) {
        // SAFETY: as above.
        unsafe { mapdelete_faststr(t, h, gs(k)) };
        model.remove(k.as_str());
    }
    check(t, h);
    // SAFETY: as above.
    assert_eq!(unsafe { maplen(h) }, model.len());
    for k in keys.iter().take(3000) {
        // SAFETY: as above.
        let ok = unsafe { mapaccess2_faststr(t, h, gs(k)) }.1;
        assert_eq!(ok, model.contains_key(k.as_str()), "{k}");
    }
    heap_ok();
}

#[test]
fn small_maps_use_fast32_keys() {
    let _g = serial();
    let t = map_type(scalar(4, Kind::Int32, "int32"), int_t());
    let h = makemap_small();
    for k in 0..5000u32 {
        // SAFETY: h is a live map[int32]int.
        unsafe {
            *(mapassign_fast32(t, h, k.wrapping_mul(2654435761)).expect("assign") as *mut i64) =
                k as i64
        };
    }
    for k in 0..5000u32 {
        // SAFETY: as above.
        let (e, ok) = unsafe { mapaccess2_fast32(t, h, k.wrapping_mul(2654435761)) };
        assert!(ok);
        // SAFETY: e points to an int.
        assert_eq!(unsafe { *(e as *const i64) }, k as i64);
        // The generic path agrees with the fast path on hashing.
        let key = k.wrapping_mul(2654435761);
        // SAFETY: as above.
        let (_, ok2) =
            unsafe { mapaccess2(t, h, &key as *const u32 as *const u8) }.expect("access");
        assert!(ok2);
    }
    for k in 0..2500u32 {
        // SAFETY: as above.
        unsafe { mapdelete_fast32(t, h, k.wrapping_mul(2654435761)) };
    }
    // SAFETY: as above.
    assert_eq!(unsafe { maplen(h) }, 2500);
    check(t, h);
}

#[test]
fn b_after_n_inserts_is_gos() {
    let _g = serial();
    // Facts of Go's classic maps (load factor 6.5, 8 per bucket): after n
    // inserts into make(map[int]int), B is the least with n <= 8 or
    // n <= 6.5 * 2^B.
    let table: &[(usize, u8)] = &[
        (0, 0),
        (1, 0),
        (8, 0),
        (9, 1),
        (13, 1),
        (14, 2),
        (26, 2),
        (27, 3),
        (52, 3),
        (53, 4),
        (104, 4),
        (105, 5),
        (208, 5),
        (209, 6),
        (1000, 8),
        (100_000, 14),
        (1_000_000, 18),
    ];
    let t = map_type(int_t(), int_t());
    let h = makemap_small();
    let mut n = 0;
    for &(want_n, want_b) in table {
        while n < want_n {
            put(t, h, n as i64, 0);
            n += 1;
        }
        // SAFETY: h is live.
        assert_eq!(unsafe { map_b(h) }, want_b, "B after {want_n} inserts");
        assert_eq!(b_for_hint(want_n), want_b, "B for make hint {want_n}");
    }
    // make(map, hint) starts at that B.
    // SAFETY: t is valid.
    let h2 = unsafe { makemap(t, 1000) };
    // SAFETY: h2 is live.
    assert_eq!(unsafe { map_b(h2) }, 8);
    // SAFETY: t is valid; negative hints are 0 as in Go.
    let h3 = unsafe { makemap(t, -5) };
    // SAFETY: h3 is live.
    assert_eq!(unsafe { map_b(h3) }, 0);
}

#[test]
fn growth_during_iteration_returns_each_key_once() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    for start in [5usize, 13, 100, 1000, 5000] {
        let h = makemap_small();
        for k in 0..start as i64 {
            put(t, h, k, k * 10);
        }
        let mut it = HIter::new();
        let mut seen = HashSet::new();
        let mut next_new = 1_000_000i64;
        // SAFETY: h is a live map[int]int; key/elem valid while non-null.
        unsafe {
            mapiterinit(t, h, &mut it);
            while !it.key.is_null() {
                let k = *(it.key as *const i64);
                let v = *(it.elem as *const i64);
                assert!(seen.insert(k), "key {k} returned twice (start {start})");
                if k < 1_000_000 {
                    assert_eq!(v, k * 10, "value of {k}");
                }
                // Insert several new keys per step: the map grows (twice or
                // more) while the iteration runs.
                for _ in 0..4 {
                    put(t, h, next_new, next_new * 10);
                    next_new += 1;
                }
                mapiternext(&mut it);
            }
        }
        for k in 0..start as i64 {
            assert!(seen.contains(&k), "key {k} never returned (start {start})");
        }
        // SAFETY: h is live.
        assert!(unsafe { map_b(h) } > b_for_hint(start), "the map grew");
        check(t, h);
    }
}

#[test]
fn iteration_started_mid_growth_returns_each_key_once() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    let h = makemap_small();
    let mut k = 0i64;
    // Fill until a grow starts, then iterate while the grow is unfinished.
    // SAFETY: h is live.
    while !unsafe { map_growing(h) } {
        put(t, h, k, k);
        k += 1;
    }
    let n = k;
    let mut seen = HashSet::new();
    let mut it = HIter::new();
    // SAFETY: as in the test above.
    unsafe {
        mapiterinit(t, h, &mut it);
        while !it.key.is_null() {
            let key = *(it.key as *const i64);
            assert!(seen.insert(key), "key {key} twice");
            // Deletions of other keys progress the evacuation.
            mapiternext(&mut it);
        }
    }
    assert_eq!(seen.len() as i64, n);
}

#[test]
fn deleted_keys_are_not_returned_by_a_running_iteration() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    let h = makemap_small();
    for k in 0..2000 {
        put(t, h, k, k);
    }
    let mut live: HashSet<i64> = (0..2000).collect();
    let mut deleted = HashSet::new();
    let mut seen = HashSet::new();
    let mut it = HIter::new();
    let mut rng = Rng(7);
    // SAFETY: h is a live map[int]int.
    unsafe {
        mapiterinit(t, h, &mut it);
        while !it.key.is_null() {
            let k = *(it.key as *const i64);
            assert!(!deleted.contains(&k), "deleted key {k} returned");
            assert!(seen.insert(k), "key {k} twice");
            // Delete the current key and a random other one.
            del(t, h, k);
            live.remove(&k);
            let other = (rng.next() % 2000) as i64;
            if live.remove(&other) {
                del(t, h, other);
                deleted.insert(other);
            }
            mapiternext(&mut it);
        }
    }
    // Every key not deleted before its turn was returned.
    for k in 0..2000 {
        assert!(seen.contains(&k) || deleted.contains(&k), "key {k} lost");
    }
    // SAFETY: h is live.
    assert_eq!(unsafe { maplen(h) }, live.len());
    check(t, h);
}

#[test]
fn churn_triggers_same_size_growth() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    let h = makemap_small();
    let window = 40i64;
    let mut saw_same_size = false;
    let mut max_b = 0;
    for i in 0..200_000i64 {
        put(t, h, i, i);
        if i >= window {
            del(t, h, i - window);
        }
        // SAFETY: h is live.
        unsafe {
            saw_same_size |= map_growing(h) && map_same_size_growing(h);
            max_b = max_b.max(map_b(h));
        }
    }
    assert!(
        saw_same_size,
        "insert/delete churn never grew at the same size"
    );
    // 41 live entries never need more than B = 3 (6.5 * 8 = 52).
    assert!(max_b <= 3, "B grew to {max_b}");
    // SAFETY: h is live.
    assert_eq!(unsafe { maplen(h) }, window as usize);
    for k in 200_000 - window..200_000 {
        assert_eq!(get(t, h, k), Some(k));
    }
    assert_eq!(get(t, h, 200_000 - window - 1), None);
    check(t, h);
    heap_ok();
}

fn put_f(t: &MapType, h: *mut HMap, k: f64, v: i64) {
    // SAFETY: h is a live map[float64]int; slot written at once.
    unsafe { *(mapassign(t, h, &k as *const f64 as *const u8).expect("assign") as *mut i64) = v };
}

fn get_f(t: &MapType, h: *mut HMap, k: f64) -> Option<i64> {
    // SAFETY: h is a live map[float64]int.
    let (e, ok) = unsafe { mapaccess2(t, h, &k as *const f64 as *const u8) }.expect("access");
    // SAFETY: e points to an int.
    ok.then(|| unsafe { *(e as *const i64) })
}

fn float_entries(t: &MapType, h: *mut HMap) -> Vec<(f64, i64)> {
    let mut it = HIter::new();
    let mut out = Vec::new();
    // SAFETY: h is a live map[float64]int.
    unsafe {
        mapiterinit(t, h, &mut it);
        while !it.key.is_null() {
            out.push((*(it.key as *const f64), *(it.elem as *const i64)));
            mapiternext(&mut it);
        }
    }
    out
}

#[test]
fn nan_keys_always_insert_and_clear_removes_them() {
    let _g = serial();
    let f64t = scalar(8, Kind::Float64, "float64");
    let t = map_type(f64t, int_t());
    assert!(t.flags & mapflag::REFLEXIVE_KEY == 0 && t.flags & mapflag::NEED_KEY_UPDATE != 0);
    let h = makemap_small();
    for i in 0..3 {
        put_f(t, h, f64::NAN, i);
    }
    put_f(t, h, 1.5, 100);
    // SAFETY: h is live.
    assert_eq!(unsafe { maplen(h) }, 4);
    assert_eq!(get_f(t, h, f64::NAN), None, "NaN is never found");
    // SAFETY: deleting NaN finds nothing.
    unsafe { mapdelete(t, h, &f64::NAN as *const f64 as *const u8) }.expect("delete");
    // SAFETY: h is live.
    assert_eq!(unsafe { maplen(h) }, 4);
    let mut nan_vals: Vec<i64> = float_entries(t, h)
        .into_iter()
        .filter(|(k, _)| k.is_nan())
        .map(|(_, v)| v)
        .collect();
    nan_vals.sort();
    assert_eq!(nan_vals, vec![0, 1, 2], "iteration returns every NaN entry");
    // +0 and -0 are one key, and assignment overwrites the stored key.
    put_f(t, h, 0.0, 1);
    put_f(t, h, -0.0, 2);
    assert_eq!(get_f(t, h, 0.0), Some(2));
    let zero = float_entries(t, h)
        .into_iter()
        .find(|(k, _)| *k == 0.0)
        .expect("zero key");
    assert!(zero.0.is_sign_negative(), "key updated to -0");
    // SAFETY: h is live.
    unsafe {
        assert_eq!(maplen(h), 5);
        mapclear(t, h);
        assert_eq!(maplen(h), 0);
    }
    assert!(float_entries(t, h).is_empty());
    assert_eq!(get_f(t, h, 1.5), None);
    put_f(t, h, 2.5, 7);
    assert_eq!(get_f(t, h, 2.5), Some(7));
    check(t, h);
}

#[test]
fn nan_keys_survive_growth_during_iteration() {
    let _g = serial();
    let t = map_type(scalar(8, Kind::Float64, "float64"), int_t());
    let h = makemap_small();
    for i in 0..100 {
        put_f(t, h, f64::NAN, i);
    }
    let mut it = HIter::new();
    let mut seen = HashSet::new();
    let mut next = 1000i64;
    // SAFETY: h is a live map[float64]int.
    unsafe {
        mapiterinit(t, h, &mut it);
        while !it.key.is_null() {
            let v = *(it.elem as *const i64);
            assert!(seen.insert(v), "entry {v} twice");
            for _ in 0..3 {
                put_f(t, h, next as f64, next);
                next += 1;
            }
            mapiternext(&mut it);
        }
    }
    for i in 0..100 {
        assert!(seen.contains(&i), "NaN entry {i} lost");
    }
    check(t, h);
}

#[test]
fn nan_keys_with_an_iteration_started_mid_growth() {
    let _g = serial();
    let t = map_type(scalar(8, Kind::Float64, "float64"), int_t());
    for round in 0..20 {
        let h = makemap_small();
        let mut n = 0i64;
        // NaN entries until a doubling starts.
        // SAFETY: h is live.
        while !unsafe { map_growing(h) } {
            put_f(t, h, f64::NAN, n);
            n += 1;
        }
        let mut it = HIter::new();
        let mut seen = HashSet::new();
        let mut next = 1_000_000i64;
        // SAFETY: h is a live map[float64]int.
        unsafe {
            mapiterinit(t, h, &mut it);
            while !it.key.is_null() {
                let v = *(it.elem as *const i64);
                assert!(seen.insert(v), "entry {v} returned twice (round {round})");
                // Ordinary inserts drive the evacuation forward.
                put_f(t, h, next as f64, next);
                next += 1;
                mapiternext(&mut it);
            }
        }
        for i in 0..n {
            assert!(seen.contains(&i), "NaN entry {i} lost (round {round})");
        }
    }
}

#[test]
fn a_running_iteration_sees_updates_and_deletes_made_after_growth() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    let h = makemap_small();
    for k in 0..1000 {
        put(t, h, k, k);
    }
    let mut seen = HashSet::new();
    let mut it = HIter::new();
    let mut changed = false;
    // SAFETY: h is a live map[int]int.
    unsafe {
        mapiterinit(t, h, &mut it);
        while !it.key.is_null() {
            let (k, v) = (*(it.key as *const i64), *(it.elem as *const i64));
            assert!(seen.insert(k), "key {k} twice");
            if changed && k < 1000 {
                assert!(k % 2 == 0, "deleted key {k} returned");
                assert_eq!(v, -k, "stale value for {k}");
            }
            if !changed {
                // Grow the map (several doublings, evacuation completed
                // by the inserts), then delete odd keys and update even ones.
                for n in 1000..30_000 {
                    put(t, h, n, n);
                }
                for n in 0..1000 {
                    if seen.contains(&n) {
                        continue;
                    }
                    if n % 2 == 1 {
                        del(t, h, n);
                    } else {
                        put(t, h, n, -n);
                    }
                }
                changed = true;
            }
            mapiternext(&mut it);
        }
    }
    for k in (0..1000).step_by(2) {
        assert!(seen.contains(&k), "key {k} lost");
    }
}

#[test]
fn clear_during_iteration_ends_it() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    let h = makemap_small();
    for k in 0..500 {
        put(t, h, k, k);
    }
    let mut it = HIter::new();
    let mut n = 0;
    // SAFETY: h is a live map[int]int.
    unsafe {
        mapiterinit(t, h, &mut it);
        while !it.key.is_null() {
            n += 1;
            if n == 10 {
                mapclear(t, h);
            }
            mapiternext(&mut it);
        }
        assert_eq!(maplen(h), 0);
    }
    assert_eq!(n, 10, "no entries after clear");
    put(t, h, 3, 4);
    assert_eq!(entries(t, h), vec![(3, 4)]);
    check(t, h);
}

#[test]
fn iteration_order_differs_between_iterations() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    let h = makemap_small();
    for k in 0..100 {
        put(t, h, k, k);
    }
    let first = entries(t, h);
    let mut starts = HashSet::new();
    let mut orders = HashSet::new();
    for _ in 0..50 {
        let e = entries(t, h);
        assert_eq!(e.len(), 100);
        let mut sorted = e.clone();
        sorted.sort();
        assert_eq!(sorted, (0..100).map(|k| (k, k)).collect::<Vec<_>>());
        starts.insert(e[0].0);
        orders.insert(e);
    }
    orders.insert(first);
    assert!(
        starts.len() > 5,
        "only {} distinct first keys in 50 runs",
        starts.len()
    );
    assert!(orders.len() > 5);
    // A tiny map (one bucket) is also shuffled, by the start offset: of
    // the 8 offsets, 6 start at key 0 and one each at keys 1 and 2, so
    // 50 tries miss one of them 0.26% of the time; 300 tries, never.
    let h1 = makemap_small();
    for k in 0..3 {
        put(t, h1, k, k);
    }
    let firsts: HashSet<i64> = (0..300).map(|_| entries(t, h1)[0].0).collect();
    assert_eq!(firsts.len(), 3);
}

#[test]
fn big_keys_and_elements_are_stored_indirectly() {
    let _g = serial();
    let key_t = array_t(int_t(), 20, "[20]int");
    let elem_t = array_t(int_t(), 40, "[40]int");
    let t = map_type(key_t, elem_t);
    assert_eq!(
        t.flags & (mapflag::INDIRECT_KEY | mapflag::INDIRECT_ELEM),
        3
    );
    assert_eq!(
        (t.keysize, t.elemsize, t.bucketsize),
        (8, 8, 8 + 64 + 64 + 8)
    );
    // SAFETY: the bucket type is valid.
    let bt = unsafe { &*t.group };
    for w in 0..bt.size / 8 {
        assert_eq!(bt.is_pointer_word(w), w >= 1, "bucket word {w}");
    }
    let h = makemap_small();
    let key = |i: i64| -> [i64; 20] { std::array::from_fn(|j| i * 100 + j as i64) };
    for i in 0..1000 {
        let k = key(i);
        // SAFETY: h is a live map[[20]int][40]int; the slot gets a full value.
        unsafe {
            let e = mapassign(t, h, k.as_ptr() as *const u8).expect("assign") as *mut [i64; 40];
            *e = [i; 40];
        }
    }
    for i in 0..1000 {
        let k = key(i);
        // SAFETY: as above.
        let (e, ok) = unsafe { mapaccess2(t, h, k.as_ptr() as *const u8) }.expect("access");
        assert!(ok);
        // SAFETY: e points to a [40]int.
        assert_eq!(unsafe { *(e as *const [i64; 40]) }, [i; 40]);
    }
    let absent = key(5000);
    // SAFETY: as above; a missing key gives a zero [40]int.
    let e = unsafe { mapaccess1(t, h, absent.as_ptr() as *const u8) }.expect("access");
    // SAFETY: the zero value is at least 320 bytes.
    assert_eq!(unsafe { *(e as *const [i64; 40]) }, [0; 40]);
    for i in (0..1000).step_by(2) {
        // SAFETY: as above.
        unsafe { mapdelete(t, h, key(i).as_ptr() as *const u8) }.expect("delete");
    }
    check(t, h);
    // SAFETY: h is live.
    assert_eq!(unsafe { maplen(h) }, 500);
    heap_ok();
}

#[test]
fn bucket_pointer_mask_follows_keys_elems_and_overflow() {
    let _g = serial();
    static PMASK: [u8; 1] = [1];
    let ptr_t = leak(Type::with_pointers(8, Kind::Pointer, &PMASK, "*int"));
    // map[string]*int: tophash | 8 strings (ptr,len) | 8 pointers | overflow
    let t = map_type(string_t(), ptr_t);
    assert_eq!(t.bucketsize, 8 + 128 + 64 + 8);
    // SAFETY: the bucket type is valid.
    let bt = unsafe { &*t.group };
    let mut want = vec![];
    for i in 0..8 {
        want.push(1 + 2 * i); // string data pointers
    }
    for i in 0..8 {
        want.push(17 + i); // elements
    }
    want.push(25); // overflow
    let got: Vec<usize> = (0..bt.size / 8)
        .filter(|&w| bt.is_pointer_word(w))
        .collect();
    assert_eq!(got, want);
    // Pointer-free key and element: a noscan bucket.
    let t2 = map_type(int_t(), int_t());
    // SAFETY: as above.
    assert!(!unsafe { &*t2.group }.has_pointers());
}

#[test]
fn interface_keys_hash_by_dynamic_value_and_reject_unhashable() {
    let _g = serial();
    let ef = eface_t();
    let t = map_type(ef, int_t());
    assert!(t.flags & mapflag::HASH_MIGHT_PANIC != 0);
    let it = int_t();
    let st = leak(Type {
        tflag: tflag::DIRECT_IFACE | tflag::REGULAR_MEMORY,
        equal: Some(alg::memequal64),
        ..Type::noscan(8, 8, Kind::Pointer, "*int")
    });
    let h = makemap_small();
    // interface{} values: {type, data}; an int is boxed (data points to it).
    let boxed: Vec<Box<i64>> = (0..100).map(Box::new).collect();
    let ikey = |i: usize| {
        [
            it as *const Type as usize,
            &*boxed[i] as *const i64 as usize,
        ]
    };
    for i in 0..100 {
        let k = ikey(i);
        // SAFETY: h is a live map[interface{}]int; k is an eface.
        unsafe {
            *(mapassign(t, h, k.as_ptr() as *const u8).expect("assign") as *mut i64) = i as i64
        };
    }
    // A different box holding the same int is the same key.
    let other = Box::new(42i64);
    let k = [it as *const Type as usize, &*other as *const i64 as usize];
    // SAFETY: as above.
    let (e, ok) = unsafe { mapaccess2(t, h, k.as_ptr() as *const u8) }.expect("access");
    assert!(ok);
    // SAFETY: e points to an int.
    assert_eq!(unsafe { *(e as *const i64) }, 42);
    // A direct-interface value (a pointer) with the same bits is another key.
    let kp = [st as *const Type as usize, 42usize];
    // SAFETY: as above.
    let found = unsafe { mapaccess2(t, h, kp.as_ptr() as *const u8) };
    assert!(!found.expect("access").1);
    // The nil interface is a key like any other.
    let nil = [0usize, 0];
    // SAFETY: as above.
    unsafe { *(mapassign(t, h, nil.as_ptr() as *const u8).expect("assign") as *mut i64) = -1 };
    // SAFETY: as above.
    let found = unsafe { mapaccess2(t, h, nil.as_ptr() as *const u8) };
    assert!(found.expect("access").1);
    // []int inside an interface: Go's panic text, for assign, lookup and
    // delete, also on a nil map.
    let sl = slice_int_t();
    let data = [1i64, 2, 3];
    let hdr = [data.as_ptr() as usize, 3, 3];
    let bad = [sl as *const Type as usize, hdr.as_ptr() as usize];
    let badp = bad.as_ptr() as *const u8;
    // SAFETY: as above.
    unsafe {
        let err = mapassign(t, h, badp).expect_err("unhashable");
        assert_eq!(
            err.message(),
            "runtime error: hash of unhashable type []int"
        );
        assert!(err.is_error_string());
        assert_eq!(mapaccess1(t, h, badp).expect_err("unhashable"), err);
        assert_eq!(mapdelete(t, h, badp).expect_err("unhashable"), err);
        assert_eq!(
            mapaccess2(t, ptr::null_mut(), badp).expect_err("unhashable"),
            err
        );
        assert_eq!(maplen(h), 101);
    }
    check(t, h);
}

#[test]
fn non_empty_interface_keys_use_the_itab_type() {
    let _g = serial();
    static MASK: [u8; 1] = [0b11];
    let mut typ = Type::with_pointers(16, Kind::Interface, &MASK, "fmt.Stringer");
    typ.equal = Some(alg::nilinterequal);
    // One method: the descriptor only needs nmethods for hashing.
    let iface = &leak(InterfaceType {
        typ,
        pkg_path: GoStr::EMPTY,
        methods: ptr::null(),
        nmethods: 1,
    })
    .typ;
    let t = map_type(iface, int_t());
    let st = string_t();
    // Go's itab: {inter, _type, hash, fun[0]}; two itabs for one type.
    let itab1 = leak([
        iface as *const Type as usize,
        st as *const Type as usize,
        0,
        0,
    ]);
    let itab2 = leak([
        iface as *const Type as usize,
        st as *const Type as usize,
        0,
        0,
    ]);
    let (a, b) = (String::from("same"), String::from("same"));
    let (ga, gb) = (leak(gs(&a)), leak(gs(&b)));
    let k1 = [itab1.as_ptr() as usize, ga as *const GoStr as usize];
    let k2 = [itab1.as_ptr() as usize, gb as *const GoStr as usize];
    let h = makemap_small();
    // SAFETY: h is a live map[fmt.Stringer]int; keys are iface values.
    unsafe {
        *(mapassign(t, h, k1.as_ptr() as *const u8).expect("assign") as *mut i64) = 1;
        *(mapassign(t, h, k2.as_ptr() as *const u8).expect("assign") as *mut i64) = 2;
        assert_eq!(maplen(h), 1, "equal strings behind one itab are one key");
        let found = mapaccess2(t, h, k1.as_ptr() as *const u8).expect("access");
        assert!(found.1);
        assert_eq!(*(found.0 as *const i64), 2);
        // Same dynamic type through another itab address: hashing uses the
        // itab's type, so the lookup reaches the same bucket.
        let k3 = [itab2.as_ptr() as usize, ga as *const GoStr as usize];
        assert_eq!(
            alg::typehash(iface, k3.as_ptr() as *const u8, 9),
            alg::typehash(iface, k1.as_ptr() as *const u8, 9)
        );
    }
}

#[test]
fn float_array_keys_follow_float_equality() {
    let _g = serial();
    let f = scalar(8, Kind::Float64, "float64");
    let arr = array_t(f, 2, "[2]float64");
    let t = map_type(arr, int_t());
    assert!(t.flags & mapflag::GENERIC_KEY != 0 && t.flags & mapflag::REFLEXIVE_KEY == 0);
    let h = makemap_small();
    let keys = [
        [0.0, 1.0],
        [-0.0, 1.0],
        [f64::NAN, 1.0],
        [f64::NAN, 1.0],
        [1.0, 0.0],
    ];
    for (i, k) in keys.iter().enumerate() {
        // SAFETY: h is a live map[[2]float64]int.
        unsafe {
            *(mapassign(t, h, k.as_ptr() as *const u8).expect("assign") as *mut i64) = i as i64
        };
    }
    // SAFETY: as above.
    unsafe {
        assert_eq!(maplen(h), 4, "+0 and -0 are one key, each NaN is new");
        let (e, ok) = mapaccess2(t, h, [0.0f64, 1.0].as_ptr() as *const u8).expect("access");
        assert!(ok);
        assert_eq!(*(e as *const i64), 1);
        let (_, ok) = mapaccess2(t, h, [f64::NAN, 1.0].as_ptr() as *const u8).expect("access");
        assert!(!ok);
    }
    check(t, h);
}

#[test]
fn struct_keys_ignore_padding_and_blank_fields() {
    let _g = serial();
    // struct { a int8; _ int32; b int64; s string }: a at 0, _ at 4, b at 8, s at 16.
    let i8t = scalar(1, Kind::Int8, "int8");
    let i32t = scalar(4, Kind::Int32, "int32");
    let fields = Box::leak(Box::new([
        StructField {
            name: GoStr::from_static("a"),
            typ: i8t,
            offset: 0,
            tag: GoStr::EMPTY,
            embedded: false,
        },
        StructField {
            name: GoStr::from_static("_"),
            typ: i32t,
            offset: 4,
            tag: GoStr::EMPTY,
            embedded: false,
        },
        StructField {
            name: GoStr::from_static("b"),
            typ: int_t(),
            offset: 8,
            tag: GoStr::EMPTY,
            embedded: false,
        },
        StructField {
            name: GoStr::from_static("s"),
            typ: string_t(),
            offset: 16,
            tag: GoStr::EMPTY,
            embedded: false,
        },
    ]));
    static MASK: [u8; 1] = [0b100];
    let mut typ = Type::with_pointers(32, Kind::Struct, &MASK, "main.K");
    typ.equal = None;
    let st = &leak(StructType {
        typ,
        pkg_path: GoStr::EMPTY,
        fields: fields.as_ptr(),
        nfields: 4,
    })
    .typ;
    let t = map_type(st, int_t());
    assert!(t.flags & mapflag::GENERIC_KEY != 0 && t.flags & mapflag::NEED_KEY_UPDATE != 0);
    let h = makemap_small();
    let text = String::from("hello");
    let text2 = text.clone();
    // Keys as 8-aligned words, as Go values are aligned.
    let mk = |pad: u8, blank: i32, b: i64, s: &String| -> [u64; 4] {
        let mut k = [pad; 32];
        k[0] = 7;
        k[4..8].copy_from_slice(&blank.to_le_bytes());
        k[8..16].copy_from_slice(&b.to_le_bytes());
        k[16..24].copy_from_slice(&(s.as_ptr() as usize).to_le_bytes());
        k[24..32].copy_from_slice(&s.len().to_le_bytes());
        std::array::from_fn(|i| {
            u64::from_le_bytes(k[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]))
        })
    };
    let k1 = mk(0, 1, 99, &text);
    let k2 = mk(0xAB, -5, 99, &text2);
    let k3 = mk(0, 1, 98, &text);
    // SAFETY: h is a live map of that struct; keys are laid out as it.
    unsafe {
        *(mapassign(t, h, k1.as_ptr() as *const u8).expect("assign") as *mut i64) = 1;
        *(mapassign(t, h, k2.as_ptr() as *const u8).expect("assign") as *mut i64) = 2;
        *(mapassign(t, h, k3.as_ptr() as *const u8).expect("assign") as *mut i64) = 3;
        assert_eq!(maplen(h), 2, "padding and _ do not distinguish keys");
        assert_eq!(
            *(mapaccess1(t, h, k1.as_ptr() as *const u8).expect("access") as *const i64),
            2
        );
    }
}

#[test]
fn nil_map_reads_are_zero_and_writes_panic() {
    let _g = serial();
    let t = map_type(int_t(), int_t());
    let nil: *mut HMap = ptr::null_mut();
    assert_eq!(get(t, nil, 5), None);
    // SAFETY: nil maps are valid arguments.
    unsafe {
        assert_eq!(maplen(nil), 0);
        let err = mapassign(t, nil, &5i64 as *const i64 as *const u8).expect_err("nil map");
        assert_eq!(err.message(), "assignment to entry in nil map");
        assert!(!err.is_error_string());
        assert_eq!(mapassign_fast64(t, nil, 5), Err(MapError::NilMapAssign));
        mapdelete(t, nil, &5i64 as *const i64 as *const u8).expect("delete on nil is a no-op");
        mapclear(t, nil);
        let mut it = HIter::new();
        mapiterinit(t, nil, &mut it);
        assert!(it.key.is_null());
    }
    // Non-comparable keys make no map type.
    assert!(new_map_type(slice_int_t(), int_t()).is_none());
    assert!(hash_fn_for(slice_int_t()).is_none());
}

#[test]
fn concurrent_write_is_a_fatal_error() {
    const CHILD: &str = "RGO_MAP_CONCURRENT_CHILD";
    if std::env::var_os(CHILD).is_some() {
        let t = map_type(int_t(), int_t());
        let h = makemap_small();
        put(t, h, 1, 1);
        // Pretend another goroutine is in the middle of a write.
        // SAFETY: h is live; flags is a plain byte field.
        unsafe { (*h).flags |= 4 };
        put(t, h, 2, 2);
        unreachable!("mapassign must throw");
    }
    let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "concurrent_write_is_a_fatal_error",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .expect("run child");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("fatal error: concurrent map writes"),
        "stderr: {stderr}"
    );
}

#[test]
fn heavy_mixed_use_keeps_map_and_heap_consistent() {
    let _g = serial();
    let t = map_type(string_t(), int_t());
    let ti = map_type(int_t(), int_t());
    let words: Vec<String> = (0..20000).map(|i| format!("w{i}")).collect();
    let mut rng = Rng(99);
    let mut maps = Vec::new();
    for _ in 0..20 {
        maps.push((makemap_small(), makemap_small(), HashMap::new()));
    }
    for step in 0..200_000 {
        let (hs, hi, model) = &mut maps[(rng.next() % 20) as usize];
        let w = (rng.next() % 20000) as usize;
        match rng.next() % 5 {
            0..=2 => {
                // SAFETY: live maps; slots written at once.
                unsafe {
                    *(mapassign_faststr(t, *hs, gs(&words[w])).expect("assign") as *mut i64) = step;
                    *(mapassign_fast64(ti, *hi, w as u64).expect("assign") as *mut i64) = step;
                }
                model.insert(w, step);
            }
            3 => {
                // SAFETY: live maps.
                unsafe {
                    mapdelete_faststr(t, *hs, gs(&words[w]));
                    mapdelete_fast64(ti, *hi, w as u64);
                }
                model.remove(&w);
            }
            _ => {
                // SAFETY: live maps.
                let (e, ok) = unsafe { mapaccess2_faststr(t, *hs, gs(&words[w])) };
                assert_eq!(ok, model.contains_key(&w));
                // SAFETY: e points to an int.
                let v = unsafe { *(e as *const i64) };
                assert_eq!(v, model.get(&w).copied().unwrap_or(0));
            }
        }
    }
    for (hs, hi, model) in &maps {
        check(t, *hs);
        check(ti, *hi);
        let got: HashMap<usize, i64> = entries(ti, *hi)
            .into_iter()
            .map(|(k, v)| (k as usize, v))
            .collect();
        assert_eq!(&got, model);
        // SAFETY: live map.
        assert_eq!(unsafe { maplen(*hs) }, model.len());
    }
    heap_ok();
}
