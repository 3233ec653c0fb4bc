//! Go maps (Go's map.go, map_fast32.go, map_fast64.go, map_faststr.go, in
//! their classic form before swiss tables): a hash table of buckets with
//! incremental growth.
//!
//! Layout. A map is a pointer to an [`HMap`] in the Go heap. Its table is
//! an array of `2^B` buckets; each bucket holds 8 entries:
//!
//! ```text
//! tophash [8]u8 | key0 .. key7 | elem0 .. elem7 | overflow *bucket
//! ```
//!
//! Keys, then elements, are packed together (no padding between key and
//! element, as `map[int64]int8` would need). Keys or elements over 128
//! bytes are stored as pointers to heap copies ("indirect"). The bucket
//! array is allocated with a bucket type descriptor built from the key
//! and element types ([`new_map_type`]), so the GC scans buckets
//! precisely. When neither keys nor elements hold pointers the bucket type
//! is pointer-free and overflow buckets are kept alive by the lists in
//! [`MapExtra`] instead of their (unscanned) overflow pointers.
//!
//! Lookup: the low B bits of the hash select a bucket; the top 8 bits
//! (`tophash`, shifted above the reserved values) are compared first, the
//! key only on a tophash match. Each map has its own random seed `hash0`,
//! re-drawn when the map becomes empty.
//!
//! Growth. When an insertion would bring the average load above 6.5
//! entries per bucket, the table doubles; when there are about as many
//! overflow buckets as buckets (churn of inserts and deletes), it is
//! rebuilt at the same size. Either way the old array stays in
//! `oldbuckets` and is evacuated incrementally: every assignment or
//! deletion evacuates the old bucket it would touch plus one more
//! (`grow_work`), so no operation pays for the whole table. Lookups
//! during growth look in the old bucket when it is not yet evacuated.
//! On doubling, the entries of old bucket `i` go to new bucket `i` (X) or
//! `i + 2^(B-1)` (Y) according to hash bit B-1.
//!
//! Load factor 6.5 comes from Go's measurements (map.go), for 8-entry
//! buckets:
//!
//! ```text
//! loadFactor  %overflow  bytes/entry  hitprobe  missprobe
//!       6.00      18.55        15.27      3.75       6.00
//!       6.50      20.90        10.79      4.25       6.50
//!       7.00      27.14        10.15      4.50       7.00
//! ```
//!
//! Iteration walks the buckets from a random start bucket, at a random
//! offset inside each bucket, so the order differs between iterations.
//! If the map grew since the iterator started, it still walks the old
//! table's layout (its own `buckets` and `B`) and, for an entry already
//! moved, looks the key up in the current table: every key present for
//! the whole iteration is returned exactly once, a deleted key is not
//! returned, a key added may or may not be.
//!
//! Invariants:
//! - tophash values below `MIN_TOP_HASH` mark cell states: `EMPTY_REST`
//!   (this cell and every later one of the bucket chain are empty),
//!   `EMPTY_ONE`, and in old buckets `EVACUATED_X/Y/EMPTY`; a bucket is
//!   evacuated iff `tophash[0]` is one of the evacuated states;
//! - `oldbuckets` is non-null exactly while growing, and every old bucket
//!   below `nevacuate` is evacuated;
//! - `count` is the number of live entries, NaN keys included;
//! - `noverflow` approximates the number of overflow buckets (exact when
//!   B < 16), reset when growth starts.
//!
//! Concurrency: maps are not safe for concurrent use (Go's rule). A
//! writer sets `HASH_WRITING` for the duration of the write, and every
//! operation checks it to detect misuse as Go does, ending the program
//! with `fatal error: concurrent map writes` (or `... read and map
//! write`, `... iteration and map write`). The flags byte is accessed
//! atomically (relaxed) so the detection itself is well defined.
//!
//! Errors: operations that Go panics in return [`MapError`]; the VM turns
//! it into the Go panic with [`MapError::message`]. Internal corruption
//! is a `throw`. Write barriers: copies go through `typedmemmove`, where
//! the GC's barrier will be added.
//!
//! How the VM calls this (names as Go's compiler emits them):
//! - types: [`new_map_type`]`(key, elem)` once per `map[K]V` at load time;
//! - `make(map[K]V, n)`: [`makemap`]`(t, n)`, or [`makemap_small`] when
//!   `n <= 8` or absent; a map value is the returned `*mut HMap`, nil is null;
//! - `v := m[k]`: [`mapaccess1`]`(t, h, &k)` → pointer to copy `v` from;
//!   `v, ok := m[k]`: [`mapaccess2`]; `m[k] = v`: [`mapassign`] → slot to
//!   store `v` into (also for `m[k] op= v`, `m[k]++`); `delete(m, k)`:
//!   [`mapdelete`]; `clear(m)`: [`mapclear`]; `len(m)`: [`maplen`];
//! - `for k, v := range m`: an [`HIter`] in the frame, [`mapiterinit`] then
//!   [`mapiternext`] until `it.key` is null;
//! - when the key is a pointer-free 4/8-byte value compared as memory
//!   (integers, not floats) or a string, and the element at most 128
//!   bytes (gc's `mapfast`): the fast paths `mapaccess2_fast64`,
//!   `mapassign_fast64`, ... (`_fast32`, `_faststr`), which the VM runs
//!   inside its loop for the `MapAccess*` / `MapAssign*` instructions
//!   (op.rs) and behind the `runtime.mapdelete_fast*` natives. A lookup in
//!   a big map is one cache miss; the VM's path between two lookups is
//!   kept short so that the CPU overlaps the misses of successive ones;
//! - an `Err(MapError)` becomes a Go panic; the pointers returned stay
//!   valid only until the next operation on the same map.

use std::ptr;
use std::sync::atomic::{AtomicPtr, AtomicU8, Ordering::Relaxed};

use crate::alg::{self, fastrand, typeequal, typehash};
use crate::malloc::mallocgc;
use crate::panic::throw;
use crate::sizeclasses::roundupsize;
use crate::typedesc::{mapflag, tflag, ArrayType, GoStr, Kind, MapType, StructType, Type};

/// Entries per bucket (Go's `bucketCnt`).
pub const BUCKET_CNT: usize = 8;
/// Load factor 6.5 as the fraction 13/2 (Go's `loadFactorNum/Den`).
const LOAD_FACTOR_NUM: usize = 13;
const LOAD_FACTOR_DEN: usize = 2;
/// Largest key or element stored inline (Go's `maxKeySize`/`maxElemSize`).
pub const MAX_KEY_SIZE: usize = 128;
pub const MAX_ELEM_SIZE: usize = 128;
/// Offset of the first key in a bucket (after `tophash`).
const DATA_OFFSET: usize = BUCKET_CNT;

// Tophash cell states.
pub const EMPTY_REST: u8 = 0;
pub const EMPTY_ONE: u8 = 1;
pub const EVACUATED_X: u8 = 2;
pub const EVACUATED_Y: u8 = 3;
pub const EVACUATED_EMPTY: u8 = 4;
pub const MIN_TOP_HASH: u8 = 5;

// HMap flags.
const ITERATOR: u8 = 1;
const OLD_ITERATOR: u8 = 2;
const HASH_WRITING: u8 = 4;
const SAME_SIZE_GROW: u8 = 8;

/// "No bucket to filter on" for an iterator (Go's `noCheck`).
const NO_CHECK: usize = usize::MAX;

/// Largest hint whose buckets `makemap` tries to preallocate (Go's
/// `maxAlloc` on linux/amd64, 2^48).
const MAX_ALLOC: usize = 1 << 48;

/// Size of the shared zero value returned for missing keys (Go's `zeroVal`).
const ZERO_VAL_SIZE: usize = 1024;
/// Aligned like any Go value, so callers may read it as the element type.
#[repr(C, align(16))]
struct ZeroVal([u8; ZERO_VAL_SIZE]);
static ZERO_VAL: ZeroVal = ZeroVal([0; ZERO_VAL_SIZE]);

/// A Go map header (Go's `hmap`); `map[K]V` values point to one.
#[derive(Debug)]
#[repr(C)]
pub struct HMap {
    /// Live entries: `len(m)`. First, so `len` is one load.
    pub count: usize,
    pub flags: u8,
    /// log2 of the number of buckets.
    pub b: u8,
    /// Approximate number of overflow buckets.
    pub noverflow: u16,
    /// Per-map hash seed.
    pub hash0: u32,
    pub buckets: *mut u8,
    /// The previous bucket array while growing, else null.
    pub oldbuckets: *mut u8,
    /// Old buckets below this index are evacuated.
    pub nevacuate: usize,
    pub extra: *mut MapExtra,
}

/// Optional fields of a map (Go's `mapextra`).
#[derive(Debug)]
#[repr(C)]
pub struct MapExtra {
    /// Overflow buckets of `buckets` / `oldbuckets`, listed only when the
    /// bucket type is pointer-free (so the GC keeps them alive through
    /// these lists).
    pub overflow: *mut OverflowList,
    pub oldoverflow: *mut OverflowList,
    /// Next free preallocated overflow bucket.
    pub next_overflow: *mut u8,
}

/// A Go slice `[]*bmap` (header layout {ptr, len, cap}).
#[derive(Debug)]
#[repr(C)]
pub struct OverflowList {
    pub ptr: *mut *mut u8,
    pub len: usize,
    pub cap: usize,
}

/// A map iterator (Go's `hiter`). The VM places one in the frame of a
/// `range` loop; the first 8 words may hold pointers. `key` is null when
/// the iteration is over.
#[derive(Debug)]
#[repr(C)]
pub struct HIter {
    pub key: *mut u8,
    pub elem: *mut u8,
    t: *const MapType,
    h: *mut HMap,
    /// The bucket array when the iteration started.
    buckets: *mut u8,
    /// Current bucket.
    bptr: *mut u8,
    /// Keep the overflow lists alive (pointer-free bucket types).
    overflow: *mut OverflowList,
    oldoverflow: *mut OverflowList,
    start_bucket: usize,
    /// Intra-bucket starting offset.
    offset: u8,
    /// Already wrapped around from the end of the array to the start.
    wrapped: bool,
    b: u8,
    i: u8,
    bucket: usize,
    check_bucket: usize,
}

impl Default for HIter {
    fn default() -> Self {
        Self::new()
    }
}

impl HIter {
    /// An iterator not yet started (all zero, as the VM's zeroed frame).
    pub const fn new() -> HIter {
        HIter {
            key: ptr::null_mut(),
            elem: ptr::null_mut(),
            t: ptr::null(),
            h: ptr::null_mut(),
            buckets: ptr::null_mut(),
            bptr: ptr::null_mut(),
            overflow: ptr::null_mut(),
            oldoverflow: ptr::null_mut(),
            start_bucket: 0,
            offset: 0,
            wrapped: false,
            b: 0,
            i: 0,
            bucket: 0,
            check_bucket: 0,
        }
    }
}

const _: () = assert!(std::mem::size_of::<HMap>() == 48);
const _: () = assert!(std::mem::offset_of!(HMap, buckets) == 16);
const _: () = assert!(std::mem::offset_of!(HIter, start_bucket) == 64);

/// A Go panic raised by a map operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapError {
    /// `m[k] = v` on a nil map.
    NilMapAssign,
    /// The key holds an interface whose dynamic type is not comparable.
    Unhashable(*const Type),
}

impl MapError {
    /// The panic value's text, as Go prints it after `panic: `.
    pub fn message(&self) -> String {
        match *self {
            MapError::NilMapAssign => "assignment to entry in nil map".to_string(),
            MapError::Unhashable(t) => alg::Unhashable(t).message(),
        }
    }

    /// Whether Go's panic value is a `runtime.Error` whose `Error()` has
    /// the `runtime error: ` prefix (an `errorString`) rather than a
    /// `plainError`.
    pub fn is_error_string(&self) -> bool {
        matches!(self, MapError::Unhashable(_))
    }
}

// Runtime-internal type descriptors.
static HMAP_MASK: [u8; 1] = [0b10_1100];
static HMAP_TYPE: Type = Type::with_pointers(48, Kind::Struct, &HMAP_MASK, "runtime.hmap");
static EXTRA_MASK: [u8; 1] = [0b111];
static EXTRA_TYPE: Type = Type::with_pointers(24, Kind::Struct, &EXTRA_MASK, "runtime.mapextra");
static PTR_MASK: [u8; 1] = [0b1];
static OVF_LIST_TYPE: Type = Type::with_pointers(24, Kind::Slice, &PTR_MASK, "[]*runtime.bmap");
static BUCKET_PTR_TYPE: Type = Type::with_pointers(8, Kind::Pointer, &PTR_MASK, "*runtime.bmap");

// ---------------------------------------------------------------------------
// Map types.

/// Builds the descriptor of `map[key]elem`, with its bucket type (Go's
/// compiler `MapBucketType` + `reflect.MapOf`). Descriptors live forever
/// (typedesc invariant), so they are leaked. Returns `None` when `key` is
/// not comparable.
pub fn new_map_type(key: &'static Type, elem: &'static Type) -> Option<&'static MapType> {
    if !is_comparable(key) {
        return None;
    }
    let indirect_key = key.size > MAX_KEY_SIZE;
    let indirect_elem = elem.size > MAX_ELEM_SIZE;
    let keysize = if indirect_key { 8 } else { key.size };
    let elemsize = if indirect_elem { 8 } else { elem.size };
    let bucketsize = DATA_OFFSET + BUCKET_CNT * (keysize + elemsize) + 8;
    let has_ptrs = indirect_key || indirect_elem || key.has_pointers() || elem.has_pointers();
    let name = format!("map[{}]{}", type_name(key), type_name(elem));
    let bucket_name: &'static str =
        Box::leak(format!("map.bucket[{}]{}", type_name(key), type_name(elem)).into_boxed_str());
    let bucket: &'static Type = if has_ptrs {
        let mask = bucket_mask(
            key,
            elem,
            keysize,
            elemsize,
            indirect_key,
            indirect_elem,
            bucketsize,
        );
        Box::leak(Box::new(Type::with_pointers(
            bucketsize,
            Kind::Struct,
            Box::leak(mask.into_boxed_slice()),
            bucket_name,
        )))
    } else {
        Box::leak(Box::new(Type::noscan(
            bucketsize,
            8,
            Kind::Struct,
            bucket_name,
        )))
    };
    let hasher = if key.tflag & tflag::REGULAR_MEMORY != 0 && key.kind() != Kind::Interface {
        mem_hash_fn(key.size)
    } else {
        alg::hash_fn_for(key)
    };
    let mut flags = 0;
    if indirect_key {
        flags |= mapflag::INDIRECT_KEY;
    }
    if indirect_elem {
        flags |= mapflag::INDIRECT_ELEM;
    }
    if is_reflexive(key) {
        flags |= mapflag::REFLEXIVE_KEY;
    }
    if need_key_update(key) {
        flags |= mapflag::NEED_KEY_UPDATE;
    }
    if hash_might_panic(key) {
        flags |= mapflag::HASH_MIGHT_PANIC;
    }
    if hasher.is_none() {
        flags |= mapflag::GENERIC_KEY;
    }
    let typ = Type::with_pointers(8, Kind::Map, &PTR_MASK, Box::leak(name.into_boxed_str()));
    Some(Box::leak(Box::new(MapType {
        typ,
        key,
        elem,
        group: bucket,
        hasher,
        keysize: keysize as u8,
        elemsize: elemsize as u8,
        bucketsize: bucketsize as u16,
        flags,
    })))
}

fn mem_hash_fn(size: usize) -> Option<alg::HashFn> {
    match size {
        1 => Some(alg::memhash8),
        2 => Some(alg::memhash16),
        4 => Some(alg::memhash32),
        8 => Some(alg::memhash64),
        16 => Some(alg::memhash128),
        _ => None,
    }
}

fn type_name(t: &Type) -> String {
    // SAFETY: type names are static data (typedesc invariant).
    String::from_utf8_lossy(unsafe { t.name.as_bytes() }).into_owned()
}

/// The pointer bitmap of a bucket: key and element pointer words, and the
/// overflow pointer.
fn bucket_mask(
    key: &Type,
    elem: &Type,
    keysize: usize,
    elemsize: usize,
    indirect_key: bool,
    indirect_elem: bool,
    bucketsize: usize,
) -> Vec<u8> {
    let words = bucketsize / 8;
    let mut mask = vec![0u8; words.div_ceil(8)];
    let mut set = |off: usize| mask[off / 64] |= 1 << ((off / 8) % 8);
    let elems = DATA_OFFSET + BUCKET_CNT * keysize;
    for i in 0..BUCKET_CNT {
        for_each_ptr_word(key, indirect_key, |w| {
            set(DATA_OFFSET + i * keysize + w * 8)
        });
        for_each_ptr_word(elem, indirect_elem, |w| set(elems + i * elemsize + w * 8));
    }
    set(bucketsize - 8);
    mask
}

fn for_each_ptr_word(t: &Type, indirect: bool, mut f: impl FnMut(usize)) {
    if indirect {
        f(0);
        return;
    }
    for w in 0..t.ptrdata / 8 {
        if t.is_pointer_word(w) {
            f(w);
        }
    }
}

/// Visits `t` and, for arrays and structs, its components; `f` answers
/// for leaf kinds and the results are or-ed.
fn any_leaf(t: &Type, f: &impl Fn(Kind) -> bool) -> bool {
    match t.kind() {
        Kind::Array => {
            // SAFETY: kind Array descriptors are ArrayTypes whose elem is valid.
            let at = unsafe { &*(t as *const Type as *const ArrayType) };
            // SAFETY: as above.
            at.len > 0 && any_leaf(unsafe { &*at.elem }, f)
        }
        Kind::Struct => {
            // SAFETY: kind Struct descriptors are StructTypes with a valid field array.
            let st = unsafe { &*(t as *const Type as *const StructType) };
            (0..st.nfields).any(|i| {
                // SAFETY: i < nfields, and field types are valid descriptors.
                unsafe { any_leaf(&*(*st.fields.add(i)).typ, f) }
            })
        }
        k => f(k),
    }
}

fn is_comparable(t: &Type) -> bool {
    !any_leaf(t, &|k| matches!(k, Kind::Slice | Kind::Map | Kind::Func))
}

fn is_reflexive(t: &Type) -> bool {
    !any_leaf(t, &|k| {
        matches!(
            k,
            Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128 | Kind::Interface
        )
    })
}

fn need_key_update(t: &Type) -> bool {
    any_leaf(t, &|k| {
        matches!(
            k,
            Kind::Float32
                | Kind::Float64
                | Kind::Complex64
                | Kind::Complex128
                | Kind::Interface
                | Kind::String
        )
    })
}

fn hash_might_panic(t: &Type) -> bool {
    any_leaf(t, &|k| k == Kind::Interface)
}

// ---------------------------------------------------------------------------
// Small helpers on buckets and headers.
//
// Every `unsafe fn` below requires: `t` is the map's type, `b` points to
// a bucket of that type (in a bucket array or an overflow bucket) and `i`
// < 8. Their bodies only compute addresses inside that bucket.

#[inline(always)]
fn bucket_shift(b: u8) -> usize {
    1usize << (b as u32 & (usize::BITS - 1))
}

#[inline(always)]
fn bucket_mask_of(b: u8) -> usize {
    bucket_shift(b) - 1
}

/// The top byte of a hash, moved above the reserved states.
#[inline(always)]
fn tophash(hash: usize) -> u8 {
    let top = (hash >> (usize::BITS - 8)) as u8;
    if top < MIN_TOP_HASH {
        top + MIN_TOP_HASH
    } else {
        top
    }
}

#[inline(always)]
fn is_empty(x: u8) -> bool {
    x <= EMPTY_ONE
}

/// # Safety
/// See the helper rule above.
#[inline(always)]
unsafe fn top_at(b: *mut u8, i: usize) -> *mut u8 {
    // SAFETY: tophash is the first 8 bytes of the bucket, i < 8.
    unsafe { b.add(i) }
}

/// # Safety
/// See the helper rule above.
#[inline(always)]
unsafe fn key_at(t: &MapType, b: *mut u8, i: usize) -> *mut u8 {
    // SAFETY: key slots follow tophash inside the bucket.
    unsafe { b.add(DATA_OFFSET + i * t.keysize as usize) }
}

/// # Safety
/// See the helper rule above.
#[inline(always)]
unsafe fn elem_at(t: &MapType, b: *mut u8, i: usize) -> *mut u8 {
    // SAFETY: elem slots follow the 8 key slots inside the bucket.
    unsafe { b.add(DATA_OFFSET + BUCKET_CNT * t.keysize as usize + i * t.elemsize as usize) }
}

/// # Safety
/// See the helper rule above.
#[inline(always)]
unsafe fn overflow(t: &MapType, b: *mut u8) -> *mut u8 {
    // SAFETY: the overflow pointer is the last word of the bucket.
    unsafe { *(b.add(t.bucketsize as usize - 8) as *mut *mut u8) }
}

/// # Safety
/// See the helper rule above.
#[inline(always)]
unsafe fn set_overflow(t: &MapType, b: *mut u8, ovf: *mut u8) {
    // SAFETY: the overflow pointer is the last word of the bucket.
    unsafe { *(b.add(t.bucketsize as usize - 8) as *mut *mut u8) = ovf }
}

/// Bucket `i` of the array at `base`.
///
/// # Safety
/// `i` must be inside the array.
#[inline(always)]
unsafe fn bucket_at(t: &MapType, base: *mut u8, i: usize) -> *mut u8 {
    // SAFETY: caller keeps i inside the array.
    unsafe { base.add(i * t.bucketsize as usize) }
}

/// The slots of bucket `b` whose tophash is `top`, all 8 compared at
/// once: bit `8*i + 7` is set iff `tophash[i] == top` (exact, no false
/// positives: a byte is zero iff adding 0x7f to its low 7 bits does not
/// carry into bit 7 and its bit 7 is clear).
///
/// # Safety
/// See the helper rule above.
#[inline(always)]
unsafe fn match_tophash(b: *const u8, top: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // SAFETY: tophash is the bucket's first 8 bytes.
    let w = u64::from_le(unsafe { (b as *const u64).read_unaligned() });
    let x = w ^ (top as u64).wrapping_mul(0x0101_0101_0101_0101);
    !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7)
}

/// # Safety
/// See the helper rule above.
#[inline(always)]
unsafe fn evacuated(b: *mut u8) -> bool {
    // SAFETY: tophash[0] is the bucket's first byte.
    let h = unsafe { *b };
    h > EMPTY_ONE && h < MIN_TOP_HASH
}

/// The key stored in a slot (following the indirection).
///
/// # Safety
/// `k` must be a key slot of a bucket of type `t`.
#[inline(always)]
unsafe fn deref_key(t: &MapType, k: *mut u8) -> *mut u8 {
    if t.flags & mapflag::INDIRECT_KEY != 0 {
        // SAFETY: indirect key slots hold a pointer to the key.
        unsafe { *(k as *mut *mut u8) }
    } else {
        k
    }
}

/// # Safety
/// `e` must be an element slot of a bucket of type `t`.
#[inline(always)]
unsafe fn deref_elem(t: &MapType, e: *mut u8) -> *mut u8 {
    if t.flags & mapflag::INDIRECT_ELEM != 0 {
        // SAFETY: indirect element slots hold a pointer to the element.
        unsafe { *(e as *mut *mut u8) }
    } else {
        e
    }
}

/// # Safety
/// `h` must point to a live HMap.
#[inline(always)]
unsafe fn flags_of(h: *mut HMap) -> &'static AtomicU8 {
    // SAFETY: the flags byte lives as long as the map; AtomicU8 has the
    // layout of u8.
    unsafe { AtomicU8::from_ptr(ptr::addr_of_mut!((*h).flags)) }
}

/// # Safety
/// `h` must point to a live HMap.
#[inline(always)]
unsafe fn check_not_writing(h: *mut HMap, msg: &str) {
    // SAFETY: caller guarantees h.
    if unsafe { flags_of(h) }.load(Relaxed) & HASH_WRITING != 0 {
        fatal_concurrent(msg);
    }
}

#[cold]
#[inline(never)]
fn fatal_concurrent(msg: &str) -> ! {
    throw(msg)
}

/// # Safety
/// `h` must point to a live HMap.
#[inline(always)]
unsafe fn start_write(h: *mut HMap) {
    // SAFETY: caller guarantees h.
    let f = unsafe { flags_of(h) };
    f.store(f.load(Relaxed) ^ HASH_WRITING, Relaxed);
}

/// # Safety
/// `h` must point to a live HMap.
#[inline(always)]
unsafe fn end_write(h: *mut HMap) {
    // SAFETY: caller guarantees h.
    let f = unsafe { flags_of(h) };
    let v = f.load(Relaxed);
    if v & HASH_WRITING == 0 {
        fatal_concurrent("concurrent map writes");
    }
    f.store(v & !HASH_WRITING, Relaxed);
}

/// Hash of a key (`Err` only for an unhashable interface inside it).
///
/// # Safety
/// `key` must point to a value of the map's key type.
#[inline(always)]
unsafe fn hash_key(t: &MapType, key: *const u8, seed: usize) -> Result<usize, MapError> {
    match t.hasher {
        // SAFETY: the hasher matches the key type (new_map_type).
        Some(f) => Ok(unsafe { f(key, seed) }),
        // SAFETY: as above, generic path.
        None => unsafe { hash_key_generic(t, key, seed) },
    }
}

/// # Safety
/// As [`hash_key`].
#[cold]
#[inline(never)]
unsafe fn hash_key_generic(t: &MapType, key: *const u8, seed: usize) -> Result<usize, MapError> {
    // SAFETY: caller guarantees the key's type; descriptors are valid.
    unsafe { typehash(&*t.key, key, seed) }.map_err(|u| MapError::Unhashable(u.0))
}

/// Hash of a key already stored in the map (so known to be hashable).
///
/// # Safety
/// As [`hash_key`].
#[inline(always)]
unsafe fn hash_stored_key(t: &MapType, key: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees the key's type.
    match unsafe { hash_key(t, key, seed) } {
        Ok(h) => h,
        Err(_) => throw("map: stored key became unhashable"),
    }
}

/// # Safety
/// Both pointers must point to values of the map's key type.
#[inline(always)]
unsafe fn key_equal(t: &MapType, a: *const u8, b: *const u8) -> bool {
    // SAFETY: the key descriptor is valid; values are of its type.
    unsafe {
        let kt = &*t.key;
        match kt.equal {
            Some(eq) if t.flags & mapflag::GENERIC_KEY == 0 => eq(a, b),
            _ => typeequal(kt, a, b),
        }
    }
}

#[inline(always)]
fn is_reflexive_key(t: &MapType) -> bool {
    t.flags & mapflag::REFLEXIVE_KEY != 0
}

/// Copies a value of type `typ` (Go's `typedmemmove`; the GC's write
/// barrier will go here).
///
/// # Safety
/// `dst` and `src` must point to `typ.size` bytes, not overlapping.
#[inline(always)]
unsafe fn typedmemmove(typ: &Type, dst: *mut u8, src: *const u8) {
    // SAFETY: caller guarantees both ranges.
    unsafe {
        match typ.size {
            8 => (dst as *mut u64).write_unaligned((src as *const u64).read_unaligned()),
            16 => (dst as *mut u128).write_unaligned((src as *const u128).read_unaligned()),
            n => ptr::copy_nonoverlapping(src, dst, n),
        }
    }
}

/// # Safety
/// `p..p+n` must be writable.
#[inline(always)]
unsafe fn memclr(p: *mut u8, n: usize) {
    // SAFETY: caller guarantees the range.
    unsafe { ptr::write_bytes(p, 0, n) }
}

/// # Safety
/// `t` must be a valid descriptor.
unsafe fn newobject(t: &Type) -> *mut u8 {
    // SAFETY: the descriptor outlives the object (typedesc invariant).
    unsafe { mallocgc(t.size, t, true) }
}

/// The zero value of an element of `size` bytes (Go's `zeroVal`; larger
/// elements get a leaked zero block, grown on demand).
fn zero_value(size: usize) -> *const u8 {
    if size <= ZERO_VAL_SIZE {
        ZERO_VAL.0.as_ptr()
    } else {
        big_zero(size)
    }
}

#[cold]
fn big_zero(size: usize) -> *const u8 {
    static BIG: AtomicPtr<u8> = AtomicPtr::new(ptr::null_mut());
    static BIG_SIZE: std::sync::Mutex<usize> = std::sync::Mutex::new(0);
    let mut cur = BIG_SIZE.lock().unwrap_or_else(|e| e.into_inner());
    if *cur < size {
        // u64 words: 8-aligned, like any Go value.
        let block: &'static mut [u64] = Box::leak(vec![0u64; size.div_ceil(8)].into_boxed_slice());
        BIG.store(block.as_mut_ptr().cast(), Relaxed);
        *cur = size;
    }
    BIG.load(Relaxed)
}

/// Whether `count` entries overload `2^b` buckets (Go's `overLoadFactor`).
#[inline]
pub fn over_load_factor(count: usize, b: u8) -> bool {
    count > BUCKET_CNT && count > LOAD_FACTOR_NUM * (bucket_shift(b) / LOAD_FACTOR_DEN)
}

/// Whether `noverflow` overflow buckets are too many for `2^b` buckets
/// (Go's `tooManyOverflowBuckets`).
#[inline]
pub fn too_many_overflow_buckets(noverflow: u16, b: u8) -> bool {
    let b = b.min(15);
    noverflow as usize >= 1usize << b
}

/// The B `make(map[K]V, hint)` starts with.
pub fn b_for_hint(hint: usize) -> u8 {
    let mut b = 0;
    while over_load_factor(hint, b) {
        b += 1;
    }
    b
}

// ---------------------------------------------------------------------------
// Creation.

/// `make(map[K]V, hint)` (Go's `makemap`): a negative or absurd hint is 0.
///
/// # Safety
/// `t` must be a map type built by [`new_map_type`] (or equivalent).
pub unsafe fn makemap(t: &MapType, hint: isize) -> *mut HMap {
    let mut hint = hint.max(0) as usize;
    match hint.checked_mul(t.bucketsize as usize) {
        Some(bytes) if bytes <= MAX_ALLOC => {}
        _ => hint = 0,
    }
    let h = makemap_small();
    let b = b_for_hint(hint);
    // SAFETY: h is a fresh HMap.
    unsafe {
        (*h).b = b;
        if b != 0 {
            let (buckets, next) = make_bucket_array(t, b, ptr::null_mut());
            (*h).buckets = buckets;
            if !next.is_null() {
                (*extra_of(h)).next_overflow = next;
            }
        }
    }
    h
}

/// `make(map[K]V)` or a map literal with at most 8 entries (Go's
/// `makemap_small`): the bucket array is allocated on first assignment.
pub fn makemap_small() -> *mut HMap {
    alg::alginit();
    // SAFETY: HMAP_TYPE is a static descriptor.
    let h = unsafe { newobject(&HMAP_TYPE) } as *mut HMap;
    // SAFETY: h is a fresh zeroed HMap.
    unsafe { (*h).hash0 = fastrand() };
    h
}

/// `len(m)`.
///
/// # Safety
/// `h` must be null or a live map.
#[inline]
pub unsafe fn maplen(h: *const HMap) -> usize {
    if h.is_null() {
        0
    } else {
        // SAFETY: caller guarantees a live map.
        unsafe { (*h).count }
    }
}

/// A bucket array for `2^b` buckets plus preallocated overflow buckets
/// (1/16 more from B = 4 on, filling the size class), cleared in place
/// when `dirty` is the array to reuse. Returns the array and the first
/// preallocated overflow bucket (null if none).
///
/// # Safety
/// `dirty` must be null or a bucket array made here for the same `t`, `b`.
unsafe fn make_bucket_array(t: &MapType, b: u8, dirty: *mut u8) -> (*mut u8, *mut u8) {
    let base = bucket_shift(b);
    let bs = t.bucketsize as usize;
    let mut nbuckets = base;
    // SAFETY: the bucket type is valid (new_map_type).
    let bt = unsafe { &*t.group };
    if b >= 4 {
        nbuckets += bucket_shift(b - 4);
        let sz = bs * nbuckets;
        let up = roundupsize(sz, !bt.has_pointers());
        if up != sz {
            nbuckets = up / bs;
        }
    }
    let buckets = if dirty.is_null() {
        // SAFETY: bt outlives the array.
        unsafe { mallocgc(bs * nbuckets, bt, true) }
    } else {
        // SAFETY: dirty is an array of nbuckets buckets (caller).
        unsafe { memclr(dirty, bs * nbuckets) };
        dirty
    };
    if base == nbuckets {
        return (buckets, ptr::null_mut());
    }
    // The last preallocated bucket gets a non-null overflow pointer (the
    // array itself) to mark the end of the free ones; see new_overflow.
    // SAFETY: both indices are inside the array.
    unsafe {
        let next = bucket_at(t, buckets, base);
        let last = bucket_at(t, buckets, nbuckets - 1);
        set_overflow(t, last, buckets);
        (buckets, next)
    }
}

/// The map's `extra`, created on first use.
///
/// # Safety
/// `h` must be a live map.
unsafe fn extra_of(h: *mut HMap) -> *mut MapExtra {
    // SAFETY: caller guarantees h; EXTRA_TYPE is static.
    unsafe {
        if (*h).extra.is_null() {
            (*h).extra = newobject(&EXTRA_TYPE) as *mut MapExtra;
        }
        (*h).extra
    }
}

/// An overflow bucket chained after `b` (Go's `newoverflow`).
///
/// # Safety
/// `b` must be the last bucket of a chain of the live map `h` of type `t`.
unsafe fn new_overflow(t: &MapType, h: *mut HMap, b: *mut u8) -> *mut u8 {
    // SAFETY: caller guarantees h, b; preallocated buckets lie inside the
    // bucket array, the last one marked by its non-null overflow pointer.
    unsafe {
        let bt = &*t.group;
        let ex = (*h).extra;
        let ovf;
        if !ex.is_null() && !(*ex).next_overflow.is_null() {
            ovf = (*ex).next_overflow;
            if overflow(t, ovf).is_null() {
                (*ex).next_overflow = ovf.add(t.bucketsize as usize);
            } else {
                set_overflow(t, ovf, ptr::null_mut());
                (*ex).next_overflow = ptr::null_mut();
            }
        } else {
            ovf = newobject(bt);
        }
        incr_noverflow(h);
        if !bt.has_pointers() {
            let ex = extra_of(h);
            if (*ex).overflow.is_null() {
                (*ex).overflow = newobject(&OVF_LIST_TYPE) as *mut OverflowList;
            }
            ovf_append((*ex).overflow, ovf);
        }
        set_overflow(t, b, ovf);
        ovf
    }
}

/// Counts one more overflow bucket; above B = 15 only with probability
/// `2^-(B-15)`, so the 16-bit counter tracks the order of magnitude.
///
/// # Safety
/// `h` must be a live map.
unsafe fn incr_noverflow(h: *mut HMap) {
    // SAFETY: caller guarantees h.
    unsafe {
        let b = (*h).b;
        if b < 16 {
            (*h).noverflow = (*h).noverflow.wrapping_add(1);
            return;
        }
        let mask = (1u32 << (b - 15)) - 1;
        if fastrand() & mask == 0 {
            (*h).noverflow = (*h).noverflow.wrapping_add(1);
        }
    }
}

/// Appends to a Go-heap `[]*bmap`.
///
/// # Safety
/// `l` must be a live OverflowList.
unsafe fn ovf_append(l: *mut OverflowList, b: *mut u8) {
    // SAFETY: caller guarantees l; the backing array has `cap` slots.
    unsafe {
        let l = &mut *l;
        if l.len == l.cap {
            let cap = (l.cap * 2).max(4);
            let p = mallocgc(cap * 8, &BUCKET_PTR_TYPE, true) as *mut *mut u8;
            if l.len > 0 {
                ptr::copy_nonoverlapping(l.ptr, p, l.len);
            }
            l.ptr = p;
            l.cap = cap;
        }
        *l.ptr.add(l.len) = b;
        l.len += 1;
    }
}

// ---------------------------------------------------------------------------
// Lookup.

/// The bucket a hash selects, in the old array when that bucket is not
/// yet evacuated.
///
/// # Safety
/// `h` must be a live map of type `t` with a bucket array.
#[inline(always)]
unsafe fn lookup_bucket(t: &MapType, h: *mut HMap, hash: usize) -> *mut u8 {
    // SAFETY: hash & mask indexes inside both arrays (old has 2^B or 2^(B-1)).
    unsafe {
        let mut m = bucket_mask_of((*h).b);
        let b = bucket_at(t, (*h).buckets, hash & m);
        let old = (*h).oldbuckets;
        if old.is_null() {
            return b;
        }
        if (*h).flags & SAME_SIZE_GROW == 0 {
            m >>= 1;
        }
        let oldb = bucket_at(t, old, hash & m);
        if evacuated(oldb) {
            b
        } else {
            oldb
        }
    }
}

/// The slot of `key` as (key, elem) pointers, or nulls (Go's `mapaccessK`).
///
/// # Safety
/// `h` must be null or a live map of type `t`; `key` a value of its key type.
unsafe fn mapaccess_k(
    t: &MapType,
    h: *mut HMap,
    key: *const u8,
    hash: usize,
) -> (*mut u8, *mut u8) {
    // SAFETY: caller guarantees h and key; all bucket accesses follow the
    // chain from a valid bucket.
    unsafe {
        if h.is_null() || (*h).count == 0 || (*h).buckets.is_null() {
            return (ptr::null_mut(), ptr::null_mut());
        }
        let top = tophash(hash);
        let mut b = lookup_bucket(t, h, hash);
        while !b.is_null() {
            for i in 0..BUCKET_CNT {
                let th = *top_at(b, i);
                if th != top {
                    if th == EMPTY_REST {
                        return (ptr::null_mut(), ptr::null_mut());
                    }
                    continue;
                }
                let k = deref_key(t, key_at(t, b, i));
                if key_equal(t, key, k) {
                    return (k, deref_elem(t, elem_at(t, b, i)));
                }
            }
            b = overflow(t, b);
        }
        (ptr::null_mut(), ptr::null_mut())
    }
}

/// `m[key]` (Go's `mapaccess1`): a pointer to the element, or to a
/// shared zero value (never to be written) when the key is absent.
///
/// # Safety
/// `h` must be null or a live map of type `t`; `key` a value of its key type.
#[inline]
pub unsafe fn mapaccess1(t: &MapType, h: *mut HMap, key: *const u8) -> Result<*const u8, MapError> {
    // SAFETY: forwarded contract.
    let (e, _) = unsafe { mapaccess2(t, h, key) }?;
    Ok(e)
}

/// `v, ok := m[key]` (Go's `mapaccess2`).
///
/// # Safety
/// As [`mapaccess1`].
pub unsafe fn mapaccess2(
    t: &MapType,
    h: *mut HMap,
    key: *const u8,
) -> Result<(*const u8, bool), MapError> {
    // SAFETY: caller guarantees h and key.
    unsafe {
        if h.is_null() || (*h).count == 0 {
            if t.flags & mapflag::HASH_MIGHT_PANIC != 0 {
                hash_key(t, key, 0)?;
            }
            return Ok((zero_value((*t.elem).size), false));
        }
        check_not_writing(h, "concurrent map read and map write");
        let hash = hash_key(t, key, (*h).hash0 as usize)?;
        let (_, e) = mapaccess_k(t, h, key, hash);
        if e.is_null() {
            Ok((zero_value((*t.elem).size), false))
        } else {
            Ok((e, true))
        }
    }
}

// ---------------------------------------------------------------------------
// Assignment, growth and evacuation.

/// `m[key] = ...` (Go's `mapassign`): the element slot for `key`,
/// inserting the key if absent. The caller stores the element there
/// (the slot of an existing key keeps its old value until then).
///
/// # Safety
/// `h` must be null or a live map of type `t`; `key` a value of its key
/// type. The slot is valid until the next operation on the map.
pub unsafe fn mapassign(t: &MapType, h: *mut HMap, key: *const u8) -> Result<*mut u8, MapError> {
    if h.is_null() {
        return Err(MapError::NilMapAssign);
    }
    // SAFETY: caller guarantees h and key; every bucket pointer below comes
    // from the map's arrays or chains.
    unsafe {
        check_not_writing(h, "concurrent map writes");
        let hash = hash_key(t, key, (*h).hash0 as usize)?;
        let eq = |k: *const u8| key_equal(t, key, k);
        let rehash = |k: *const u8, seed: usize| hash_stored_key(t, k, seed);
        Ok(deref_elem(t, assign_with(t, h, key, hash, &eq, &rehash)))
    }
}

/// The body of every assignment: with `hash` the key's hash, `eq` the
/// key comparison (given a stored key) and `rehash` the hash of a stored
/// key, finds or inserts the key, growing first if needed. Returns the
/// element slot (not dereferenced). The fast paths instantiate it with
/// inlined hashing and comparison, as Go's map_fast*.go duplicate it.
///
/// # Safety
/// As [`mapassign`] for a non-null map; `eq` and `rehash` must agree
/// with the map type's equality and hasher.
#[inline(always)]
unsafe fn assign_with<E, H>(
    t: &MapType,
    h: *mut HMap,
    key: *const u8,
    hash: usize,
    eq: &E,
    rehash: &H,
) -> *mut u8
where
    E: Fn(*const u8) -> bool,
    H: Fn(*const u8, usize) -> usize,
{
    // SAFETY: caller guarantees h and key; every bucket pointer below comes
    // from the map's arrays or chains.
    unsafe {
        start_write(h);
        if (*h).buckets.is_null() {
            (*h).buckets = newobject(&*t.group);
        }
        let elem = loop {
            let bucket = hash & bucket_mask_of((*h).b);
            if !(*h).oldbuckets.is_null() {
                grow_work(t, h, bucket, rehash);
            }
            match assign_in_bucket(t, h, bucket, hash, key, eq) {
                Some(e) => break e,
                None => hash_grow(t, h),
            }
        };
        end_write(h);
        elem
    }
}

/// Finds or inserts `key` in its bucket chain; `None` when the map must
/// grow first. Returns the element slot (not dereferenced).
///
/// # Safety
/// As [`mapassign`], with the write flag held and growth work done.
#[inline(always)]
unsafe fn assign_in_bucket<E: Fn(*const u8) -> bool>(
    t: &MapType,
    h: *mut HMap,
    bucket: usize,
    hash: usize,
    key: *const u8,
    eq: &E,
) -> Option<*mut u8> {
    // SAFETY: see mapassign.
    unsafe {
        let top = tophash(hash);
        let mut b = bucket_at(t, (*h).buckets, bucket);
        let mut insert: Option<(*mut u8, usize)> = None;
        'chain: loop {
            for i in 0..BUCKET_CNT {
                let th = *top_at(b, i);
                if th != top {
                    if is_empty(th) && insert.is_none() {
                        insert = Some((b, i));
                    }
                    if th == EMPTY_REST {
                        break 'chain;
                    }
                    continue;
                }
                let k = deref_key(t, key_at(t, b, i));
                if !eq(k) {
                    continue;
                }
                if t.flags & mapflag::NEED_KEY_UPDATE != 0 {
                    typedmemmove(&*t.key, k, key);
                }
                return Some(elem_at(t, b, i));
            }
            let ovf = overflow(t, b);
            if ovf.is_null() {
                break;
            }
            b = ovf;
        }
        // Not found: grow if needed (and not already growing), else insert.
        if (*h).oldbuckets.is_null()
            && (over_load_factor((*h).count + 1, (*h).b)
                || too_many_overflow_buckets((*h).noverflow, (*h).b))
        {
            return None;
        }
        let (ib, ii) = match insert {
            Some(x) => x,
            None => (new_overflow(t, h, b), 0),
        };
        insert_key(t, ib, ii, key, top);
        (*h).count += 1;
        Some(elem_at(t, ib, ii))
    }
}

/// Stores a new key (and, for indirect slots, fresh key/elem objects).
///
/// # Safety
/// `b` is a bucket of type `t` and slot `i` is empty.
#[inline(always)]
unsafe fn insert_key(t: &MapType, b: *mut u8, i: usize, key: *const u8, top: u8) {
    // SAFETY: caller guarantees the slot; indirect slots get new objects.
    unsafe {
        let mut k = key_at(t, b, i);
        if t.flags & mapflag::INDIRECT_KEY != 0 {
            let kmem = newobject(&*t.key);
            *(k as *mut *mut u8) = kmem;
            k = kmem;
        }
        if t.flags & mapflag::INDIRECT_ELEM != 0 {
            *(elem_at(t, b, i) as *mut *mut u8) = newobject(&*t.elem);
        }
        typedmemmove(&*t.key, k, key);
        *top_at(b, i) = top;
    }
}

/// Starts growing: doubling when overloaded, else same-size (Go's
/// `hashGrow`). Evacuation happens later, in `grow_work`.
///
/// # Safety
/// `h` must be a live map of type `t`, not growing, write flag held.
#[cold]
unsafe fn hash_grow(t: &MapType, h: *mut HMap) {
    // SAFETY: caller guarantees h.
    unsafe {
        let hm = &mut *h;
        let mut bigger = 1;
        if !over_load_factor(hm.count + 1, hm.b) {
            bigger = 0;
            hm.flags |= SAME_SIZE_GROW;
        }
        let old = hm.buckets;
        let (newb, next) = make_bucket_array(t, hm.b + bigger, ptr::null_mut());
        // Iterators over the current array now iterate the old one.
        let mut flags = hm.flags & !(ITERATOR | OLD_ITERATOR);
        if hm.flags & ITERATOR != 0 {
            flags |= OLD_ITERATOR;
        }
        hm.flags = flags;
        hm.b += bigger;
        hm.oldbuckets = old;
        hm.buckets = newb;
        hm.nevacuate = 0;
        hm.noverflow = 0;
        let ex = hm.extra;
        if !ex.is_null() && !(*ex).overflow.is_null() {
            if !(*ex).oldoverflow.is_null() {
                throw("oldoverflow is not nil");
            }
            (*ex).oldoverflow = (*ex).overflow;
            (*ex).overflow = ptr::null_mut();
        }
        if !next.is_null() {
            (*extra_of(h)).next_overflow = next;
        }
    }
}

/// Number of buckets before the current grow (Go's `noldbuckets`).
///
/// # Safety
/// `h` must be a live map.
#[inline]
unsafe fn noldbuckets(h: *mut HMap) -> usize {
    // SAFETY: caller guarantees h.
    unsafe {
        let mut b = (*h).b;
        if (*h).flags & SAME_SIZE_GROW == 0 {
            b -= 1;
        }
        bucket_shift(b)
    }
}

/// Evacuates the old bucket that `bucket` maps from, and one more to make
/// progress (Go's `growWork`).
///
/// # Safety
/// `h` must be a live growing map of type `t`, write flag held.
/// `rehash` hashes a stored key (inlined by the fast paths).
unsafe fn grow_work<H: Fn(*const u8, usize) -> usize>(
    t: &MapType,
    h: *mut HMap,
    bucket: usize,
    rehash: &H,
) {
    // SAFETY: caller guarantees h; indices are below noldbuckets.
    unsafe {
        evacuate(t, h, bucket & (noldbuckets(h) - 1), rehash);
        if !(*h).oldbuckets.is_null() {
            evacuate(t, h, (*h).nevacuate, rehash);
        }
    }
}

/// An evacuation destination (Go's `evacDst`).
struct EvacDst {
    b: *mut u8,
    i: usize,
}

/// Moves the entries of old bucket `oldbucket` (and its overflow chain)
/// into the new array (Go's `evacuate`).
///
/// # Safety
/// `h` must be a live growing map of type `t`, write flag held, and
/// `oldbucket < noldbuckets(h)`.
unsafe fn evacuate<H: Fn(*const u8, usize) -> usize>(
    t: &MapType,
    h: *mut HMap,
    oldbucket: usize,
    rehash: &H,
) {
    // SAFETY: caller guarantees h and the index; X and Y destinations are
    // buckets `oldbucket` and `oldbucket + newbit` of the new array, which
    // has 2*newbit (or newbit, same-size) buckets.
    unsafe {
        let ob = bucket_at(t, (*h).oldbuckets, oldbucket);
        let newbit = noldbuckets(h);
        if !evacuated(ob) {
            let same_size = (*h).flags & SAME_SIZE_GROW != 0;
            let mut xy = [
                EvacDst {
                    b: bucket_at(t, (*h).buckets, oldbucket),
                    i: 0,
                },
                EvacDst {
                    b: ptr::null_mut(),
                    i: 0,
                },
            ];
            if !same_size {
                xy[1].b = bucket_at(t, (*h).buckets, oldbucket + newbit);
            }
            let mut b = ob;
            while !b.is_null() {
                for i in 0..BUCKET_CNT {
                    evacuate_slot(t, h, b, i, newbit, same_size, &mut xy, rehash);
                }
                b = overflow(t, b);
            }
            // Drop references from the old bucket for the GC, unless an
            // old iterator may still read it; tophash keeps the states.
            if (*h).flags & OLD_ITERATOR == 0 && (*t.group).has_pointers() {
                memclr(ob.add(DATA_OFFSET), t.bucketsize as usize - DATA_OFFSET);
            }
        }
        if oldbucket == (*h).nevacuate {
            advance_evacuation_mark(t, h, newbit);
        }
    }
}

/// Moves one slot of an old bucket to its X or Y destination.
///
/// # Safety
/// As [`evacuate`]; `b` is a bucket of the old chain, `i < 8`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn evacuate_slot<H: Fn(*const u8, usize) -> usize>(
    t: &MapType,
    h: *mut HMap,
    b: *mut u8,
    i: usize,
    newbit: usize,
    same_size: bool,
    xy: &mut [EvacDst; 2],
    rehash: &H,
) {
    // SAFETY: see evacuate.
    unsafe {
        let mut top = *top_at(b, i);
        if is_empty(top) {
            *top_at(b, i) = EVACUATED_EMPTY;
            return;
        }
        if top < MIN_TOP_HASH {
            throw("bad map state");
        }
        let k = key_at(t, b, i);
        let k2 = deref_key(t, k);
        let mut use_y = 0;
        if !same_size {
            let hash = rehash(k2, (*h).hash0 as usize);
            if (*h).flags & ITERATOR != 0 && !is_reflexive_key(t) && !key_equal(t, k2, k2) {
                // A NaN-like key hashes differently every time; iterators
                // need a reproducible choice: the old tophash's low bit.
                use_y = (top & 1) as usize;
                top = tophash(hash);
            } else if hash & newbit != 0 {
                use_y = 1;
            }
        }
        *top_at(b, i) = EVACUATED_X + use_y as u8;
        let dst = &mut xy[use_y];
        if dst.i == BUCKET_CNT {
            dst.b = new_overflow(t, h, dst.b);
            dst.i = 0;
        }
        *top_at(dst.b, dst.i) = top;
        let (dk, de) = (key_at(t, dst.b, dst.i), elem_at(t, dst.b, dst.i));
        let e = elem_at(t, b, i);
        if t.flags & mapflag::INDIRECT_KEY != 0 {
            *(dk as *mut *mut u8) = *(k as *mut *mut u8);
        } else {
            typedmemmove(&*t.key, dk, k);
        }
        if t.flags & mapflag::INDIRECT_ELEM != 0 {
            *(de as *mut *mut u8) = *(e as *mut *mut u8);
        } else {
            typedmemmove(&*t.elem, de, e);
        }
        dst.i += 1;
    }
}

/// Advances `nevacuate` past evacuated buckets (at most 1024 checks) and
/// finishes the grow when all are (Go's `advanceEvacuationMark`).
///
/// # Safety
/// As [`evacuate`].
unsafe fn advance_evacuation_mark(t: &MapType, h: *mut HMap, newbit: usize) {
    // SAFETY: caller guarantees h; indices stay below newbit.
    unsafe {
        let hm = &mut *h;
        hm.nevacuate += 1;
        let stop = (hm.nevacuate + 1024).min(newbit);
        while hm.nevacuate != stop && evacuated(bucket_at(t, hm.oldbuckets, hm.nevacuate)) {
            hm.nevacuate += 1;
        }
        if hm.nevacuate == newbit {
            hm.oldbuckets = ptr::null_mut();
            if !hm.extra.is_null() {
                (*hm.extra).oldoverflow = ptr::null_mut();
            }
            hm.flags &= !SAME_SIZE_GROW;
        }
    }
}

// ---------------------------------------------------------------------------
// Deletion and clear.

/// `delete(m, key)` (Go's `mapdelete`). Deleting from a nil or empty map
/// does nothing (but an unhashable key still panics).
///
/// # Safety
/// `h` must be null or a live map of type `t`; `key` a value of its key type.
pub unsafe fn mapdelete(t: &MapType, h: *mut HMap, key: *const u8) -> Result<(), MapError> {
    // SAFETY: caller guarantees h and key; bucket pointers come from the
    // map's arrays and chains.
    unsafe {
        if h.is_null() || (*h).count == 0 {
            if t.flags & mapflag::HASH_MIGHT_PANIC != 0 {
                hash_key(t, key, 0)?;
            }
            return Ok(());
        }
        check_not_writing(h, "concurrent map writes");
        let hash = hash_key(t, key, (*h).hash0 as usize)?;
        let eq = |k: *const u8| key_equal(t, key, k);
        let rehash = |k: *const u8, seed: usize| hash_stored_key(t, k, seed);
        delete_with(t, h, hash, &eq, &rehash);
        Ok(())
    }
}

/// The body of every deletion from a non-empty map (see [`assign_with`]
/// for `eq` and `rehash`).
///
/// # Safety
/// As [`mapdelete`] for a live map, not being written.
#[inline(always)]
unsafe fn delete_with<E, H>(t: &MapType, h: *mut HMap, hash: usize, eq: &E, rehash: &H)
where
    E: Fn(*const u8) -> bool,
    H: Fn(*const u8, usize) -> usize,
{
    // SAFETY: caller guarantees h; bucket indices come from the hash.
    unsafe {
        start_write(h);
        let bucket = hash & bucket_mask_of((*h).b);
        if !(*h).oldbuckets.is_null() {
            grow_work(t, h, bucket, rehash);
        }
        delete_in_bucket(t, h, bucket, hash, eq);
        end_write(h);
    }
}

/// # Safety
/// As [`mapdelete`], write flag held.
#[inline(always)]
unsafe fn delete_in_bucket<E: Fn(*const u8) -> bool>(
    t: &MapType,
    h: *mut HMap,
    bucket: usize,
    hash: usize,
    eq: &E,
) {
    // SAFETY: see mapdelete.
    unsafe {
        let orig = bucket_at(t, (*h).buckets, bucket);
        let top = tophash(hash);
        let mut b = orig;
        while !b.is_null() {
            for i in 0..BUCKET_CNT {
                let th = *top_at(b, i);
                if th != top {
                    if th == EMPTY_REST {
                        return;
                    }
                    continue;
                }
                if !eq(deref_key(t, key_at(t, b, i))) {
                    continue;
                }
                clear_slot(t, b, i);
                *top_at(b, i) = EMPTY_ONE;
                mark_empty_rest(t, orig, b, i);
                (*h).count -= 1;
                if (*h).count == 0 {
                    // A new seed makes repeated collision attacks harder.
                    (*h).hash0 = fastrand();
                }
                return;
            }
            b = overflow(t, b);
        }
    }
}

/// Clears the key and element of a deleted slot (pointers only, for the
/// GC; the element fully, so a reused slot starts zeroed).
///
/// # Safety
/// `b` is a bucket of type `t`, `i < 8`.
unsafe fn clear_slot(t: &MapType, b: *mut u8, i: usize) {
    // SAFETY: caller guarantees the slot.
    unsafe {
        let k = key_at(t, b, i);
        if t.flags & mapflag::INDIRECT_KEY != 0 {
            *(k as *mut *mut u8) = ptr::null_mut();
        } else if (*t.key).has_pointers() {
            memclr(k, (*t.key).size);
        }
        let e = elem_at(t, b, i);
        if t.flags & mapflag::INDIRECT_ELEM != 0 {
            *(e as *mut *mut u8) = ptr::null_mut();
        } else {
            memclr(e, (*t.elem).size);
        }
    }
}

/// After slot `i` of `b` became EMPTY_ONE: if nothing follows it in the
/// chain, turn it and the empty slots before it into EMPTY_REST.
///
/// # Safety
/// `b` is in the chain starting at bucket `orig` of type `t`.
unsafe fn mark_empty_rest(t: &MapType, orig: *mut u8, mut b: *mut u8, mut i: usize) {
    // SAFETY: caller guarantees the chain; we only walk it.
    unsafe {
        if i == BUCKET_CNT - 1 {
            let ovf = overflow(t, b);
            if !ovf.is_null() && *top_at(ovf, 0) != EMPTY_REST {
                return;
            }
        } else if *top_at(b, i + 1) != EMPTY_REST {
            return;
        }
        loop {
            *top_at(b, i) = EMPTY_REST;
            if i == 0 {
                if b == orig {
                    return;
                }
                // Find the previous bucket of the chain.
                let c = b;
                b = orig;
                while overflow(t, b) != c {
                    b = overflow(t, b);
                }
                i = BUCKET_CNT - 1;
            } else {
                i -= 1;
            }
            if *top_at(b, i) != EMPTY_ONE {
                return;
            }
        }
    }
}

/// `clear(m)` (Go's `mapclear`): removes every entry, NaN keys included,
/// keeping the bucket array. Running iterators see empty buckets and stop.
///
/// # Safety
/// `h` must be null or a live map of type `t`.
pub unsafe fn mapclear(t: &MapType, h: *mut HMap) {
    // SAFETY: caller guarantees h; the arrays and chains are the map's.
    unsafe {
        if h.is_null() || (*h).count == 0 {
            return;
        }
        check_not_writing(h, "concurrent map writes");
        start_write(h);
        mark_buckets_empty(t, (*h).buckets, bucket_shift((*h).b));
        if !(*h).oldbuckets.is_null() {
            mark_buckets_empty(t, (*h).oldbuckets, noldbuckets(h));
        }
        let hm = &mut *h;
        hm.flags &= !SAME_SIZE_GROW;
        hm.oldbuckets = ptr::null_mut();
        hm.nevacuate = 0;
        hm.noverflow = 0;
        hm.count = 0;
        hm.hash0 = fastrand();
        if !hm.extra.is_null() {
            *hm.extra = MapExtra {
                overflow: ptr::null_mut(),
                oldoverflow: ptr::null_mut(),
                next_overflow: ptr::null_mut(),
            };
        }
        let (_, next) = make_bucket_array(t, hm.b, hm.buckets);
        if !next.is_null() {
            (*extra_of(h)).next_overflow = next;
        }
        end_write(h);
    }
}

/// Marks every slot of `n` buckets and their chains EMPTY_REST, so
/// iterators holding them find nothing more.
///
/// # Safety
/// `base` is an array of at least `n` buckets of type `t`.
unsafe fn mark_buckets_empty(t: &MapType, base: *mut u8, n: usize) {
    // SAFETY: caller guarantees the array; chains are followed as stored.
    unsafe {
        for j in 0..n {
            let mut b = bucket_at(t, base, j);
            while !b.is_null() {
                ptr::write_bytes(b, EMPTY_REST, BUCKET_CNT);
                b = overflow(t, b);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Iteration.

/// Starts `for k, v := range m` (Go's `mapiterinit`): fills `it` and
/// moves to the first entry; `it.key` is null for an empty map.
///
/// # Safety
/// `h` must be null or a live map of type `t`; `it` a writable HIter that
/// the caller keeps where the GC can see it.
pub unsafe fn mapiterinit(t: &MapType, h: *mut HMap, it: *mut HIter) {
    // SAFETY: caller guarantees it and h.
    unsafe {
        *it = HIter::new();
        let itr = &mut *it;
        itr.t = t;
        if h.is_null() || (*h).count == 0 {
            return;
        }
        itr.h = h;
        itr.b = (*h).b;
        itr.buckets = (*h).buckets;
        if !(*t.group).has_pointers() {
            // Share the map's overflow lists, created now if need be (Go's
            // createOverflow): overflow buckets added to the iterator's
            // array while it runs join the same list object, so the GC
            // keeps them after a growth drops the map's own reference.
            let ex = extra_of(h);
            if (*ex).overflow.is_null() {
                (*ex).overflow = newobject(&OVF_LIST_TYPE) as *mut OverflowList;
            }
            itr.overflow = (*ex).overflow;
            itr.oldoverflow = (*ex).oldoverflow;
        }
        let r = alg::fastrand64() as usize;
        itr.start_bucket = r & bucket_mask_of(itr.b);
        itr.offset = ((r >> (itr.b as u32 % usize::BITS)) & (BUCKET_CNT - 1)) as u8;
        itr.bucket = itr.start_bucket;
        let f = flags_of(h);
        if f.load(Relaxed) & (ITERATOR | OLD_ITERATOR) != ITERATOR | OLD_ITERATOR {
            f.fetch_or(ITERATOR | OLD_ITERATOR, Relaxed);
        }
        mapiternext(it);
    }
}

/// Advances to the next entry (Go's `mapiternext`): `it.key`/`it.elem`
/// point to it, or `it.key` is null at the end.
///
/// # Safety
/// `it` must have been started by [`mapiterinit`] and its map be live.
pub unsafe fn mapiternext(it: *mut HIter) {
    // SAFETY: caller guarantees it; buckets come from the iterator's own
    // array (kept alive by it) or the map's current arrays.
    unsafe {
        let itr = &mut *it;
        let h = itr.h;
        if h.is_null() {
            itr.key = ptr::null_mut();
            itr.elem = ptr::null_mut();
            return;
        }
        check_not_writing(h, "concurrent map iteration and map write");
        let t = &*itr.t;
        let mut bucket = itr.bucket;
        let mut b = itr.bptr;
        let mut i = itr.i as usize;
        let mut check_bucket = itr.check_bucket;
        loop {
            if b.is_null() {
                if bucket == itr.start_bucket && itr.wrapped {
                    itr.key = ptr::null_mut();
                    itr.elem = ptr::null_mut();
                    return;
                }
                if !(*h).oldbuckets.is_null() && itr.b == (*h).b {
                    // Started during this grow and it is not finished: walk
                    // the old bucket, keeping only keys that go to `bucket`.
                    let oldbucket = bucket & (noldbuckets(h) - 1);
                    b = bucket_at(t, (*h).oldbuckets, oldbucket);
                    if evacuated(b) {
                        b = bucket_at(t, itr.buckets, bucket);
                        check_bucket = NO_CHECK;
                    } else {
                        check_bucket = bucket;
                    }
                } else {
                    b = bucket_at(t, itr.buckets, bucket);
                    check_bucket = NO_CHECK;
                }
                bucket += 1;
                if bucket == bucket_shift(itr.b) {
                    bucket = 0;
                    itr.wrapped = true;
                }
                i = 0;
            }
            while i < BUCKET_CNT {
                let offi = (i + itr.offset as usize) & (BUCKET_CNT - 1);
                i += 1;
                if let Some((k, e)) = iter_slot(t, itr, b, offi, check_bucket) {
                    itr.key = k;
                    itr.elem = e;
                    itr.bucket = bucket;
                    itr.bptr = b;
                    itr.i = i as u8;
                    itr.check_bucket = check_bucket;
                    return;
                }
            }
            b = overflow(t, b);
            i = 0;
        }
    }
}

/// The entry in slot `offi` of `b` if the iterator should return it.
///
/// # Safety
/// As [`mapiternext`]; `b` is a bucket the iterator is walking.
#[inline(always)]
unsafe fn iter_slot(
    t: &MapType,
    itr: &HIter,
    b: *mut u8,
    offi: usize,
    check_bucket: usize,
) -> Option<(*mut u8, *mut u8)> {
    // SAFETY: see mapiternext.
    unsafe {
        let h = itr.h;
        let th = *top_at(b, offi);
        if is_empty(th) || th == EVACUATED_EMPTY {
            return None;
        }
        let k = deref_key(t, key_at(t, b, offi));
        let e = elem_at(t, b, offi);
        let reflexive = is_reflexive_key(t) || key_equal(t, k, k);
        if check_bucket != NO_CHECK && (*h).flags & SAME_SIZE_GROW == 0 {
            // An old bucket during a doubling: skip keys bound for the
            // other half (they are returned when that half is walked).
            if reflexive {
                let hash = hash_stored_key(t, k, (*h).hash0 as usize);
                if hash & bucket_mask_of(itr.b) != check_bucket {
                    return None;
                }
            } else if (check_bucket >> (itr.b - 1)) != (th & 1) as usize {
                // NaN-like keys split by the tophash's low bit, as evacuate.
                return None;
            }
        }
        if (th != EVACUATED_X && th != EVACUATED_Y) || !reflexive {
            // The entry is still here (or cannot be looked up anyway).
            return Some((k, deref_elem(t, e)));
        }
        // Moved by growth since the iterator started: the current value (if
        // the key was not deleted) is in the current table.
        let hash = hash_stored_key(t, k, (*h).hash0 as usize);
        let (rk, re) = mapaccess_k(t, h, k, hash);
        if rk.is_null() {
            None
        } else {
            Some((rk, re))
        }
    }
}

// ---------------------------------------------------------------------------
// Fast paths for 32-bit, 64-bit and string keys (Go's map_fast*.go). The
// compiler uses them when the key is such a type compared as plain memory
// (not a float), and the element is stored inline. The hasher of such a
// map type must be memhash32 / memhash64 / strhash (new_map_type ensures
// it), since these paths hash directly.

macro_rules! fast_int_paths {
    ($access1:ident, $access2:ident, $assign:ident, $delete:ident, $ty:ty, $size:expr, $hash:expr) => {
        /// Fast `m[key]`; see the fast path section.
        ///
        /// # Safety
        /// As [`mapaccess1`], for a map whose key is this integer size.
        #[inline]
        pub unsafe fn $access1(t: &MapType, h: *mut HMap, key: $ty) -> *const u8 {
            // SAFETY: forwarded contract.
            unsafe { $access2(t, h, key).0 }
        }

        /// Fast `v, ok := m[key]`.
        ///
        /// # Safety
        /// As the function above.
        pub unsafe fn $access2(t: &MapType, h: *mut HMap, key: $ty) -> (*const u8, bool) {
            // SAFETY: caller guarantees h; key slots are $size bytes and
            // elem slots inline (fast path precondition).
            unsafe {
                if h.is_null() || (*h).count == 0 {
                    return (zero_value((*t.elem).size), false);
                }
                check_not_writing(h, "concurrent map read and map write");
                let mut b = if (*h).b == 0 {
                    // One bucket: no need to hash.
                    (*h).buckets
                } else {
                    let hash = $hash(key, (*h).hash0 as usize);
                    lookup_bucket(t, h, hash)
                };
                let es = t.elemsize as usize;
                while !b.is_null() {
                    let keys = b.add(DATA_OFFSET) as *const $ty;
                    for i in 0..BUCKET_CNT {
                        if *keys.add(i) == key && !is_empty(*top_at(b, i)) {
                            return (b.add(DATA_OFFSET + BUCKET_CNT * $size + i * es), true);
                        }
                    }
                    b = overflow(t, b);
                }
                (zero_value((*t.elem).size), false)
            }
        }

        /// Fast `m[key] = ...`: the element slot.
        ///
        /// # Safety
        /// As [`mapassign`], for a map whose key is this integer size.
        pub unsafe fn $assign(t: &MapType, h: *mut HMap, key: $ty) -> Result<*mut u8, MapError> {
            if h.is_null() {
                return Err(MapError::NilMapAssign);
            }
            // SAFETY: caller guarantees h; as the access path.
            unsafe {
                check_not_writing(h, "concurrent map writes");
                let hash = $hash(key, (*h).hash0 as usize);
                start_write(h);
                if (*h).buckets.is_null() {
                    (*h).buckets = newobject(&*t.group);
                }
                let rehash = |k: *const u8, seed: usize| $hash(*(k as *const $ty), seed);
                let elem = loop {
                    let bucket = hash & bucket_mask_of((*h).b);
                    if !(*h).oldbuckets.is_null() {
                        grow_work(t, h, bucket, &rehash);
                    }
                    let mut b = bucket_at(t, (*h).buckets, bucket);
                    let mut insert: Option<(*mut u8, usize)> = None;
                    let mut found = None;
                    'chain: loop {
                        let keys = b.add(DATA_OFFSET) as *const $ty;
                        for i in 0..BUCKET_CNT {
                            let th = *top_at(b, i);
                            if is_empty(th) {
                                if insert.is_none() {
                                    insert = Some((b, i));
                                }
                                if th == EMPTY_REST {
                                    break 'chain;
                                }
                                continue;
                            }
                            if *keys.add(i) == key {
                                found = Some(elem_at(t, b, i));
                                break 'chain;
                            }
                        }
                        let ovf = overflow(t, b);
                        if ovf.is_null() {
                            break;
                        }
                        b = ovf;
                    }
                    if let Some(e) = found {
                        break e;
                    }
                    if (*h).oldbuckets.is_null()
                        && (over_load_factor((*h).count + 1, (*h).b)
                            || too_many_overflow_buckets((*h).noverflow, (*h).b))
                    {
                        hash_grow(t, h);
                        continue;
                    }
                    let (ib, ii) = match insert {
                        Some(x) => x,
                        None => (new_overflow(t, h, b), 0),
                    };
                    *(ib.add(DATA_OFFSET) as *mut $ty).add(ii) = key;
                    *top_at(ib, ii) = tophash(hash);
                    (*h).count += 1;
                    break elem_at(t, ib, ii);
                };
                end_write(h);
                Ok(elem)
            }
        }

        /// Fast `delete(m, key)`.
        ///
        /// # Safety
        /// As [`mapdelete`], for a map whose key is this integer size.
        pub unsafe fn $delete(t: &MapType, h: *mut HMap, key: $ty) {
            // SAFETY: caller guarantees h; key slots hold $ty values.
            unsafe {
                if h.is_null() || (*h).count == 0 {
                    return;
                }
                check_not_writing(h, "concurrent map writes");
                let hash = $hash(key, (*h).hash0 as usize);
                let eq = |k: *const u8| *(k as *const $ty) == key;
                let rehash = |k: *const u8, seed: usize| $hash(*(k as *const $ty), seed);
                delete_with(t, h, hash, &eq, &rehash);
            }
        }
    };
}

#[inline(always)]
fn hash32(key: u32, seed: usize) -> usize {
    alg::hash64(key as u64, seed)
}

fast_int_paths!(
    mapaccess1_fast32,
    mapaccess2_fast32,
    mapassign_fast32,
    mapdelete_fast32,
    u32,
    4,
    hash32
);
fast_int_paths!(
    mapaccess1_fast64,
    mapaccess2_fast64,
    mapassign_fast64,
    mapdelete_fast64,
    u64,
    8,
    alg::hash64
);

/// Hash of a string key, as `strhash` computes it.
#[inline(always)]
fn hash_str(s: GoStr, seed: usize) -> usize {
    // SAFETY: a Go string header's bytes are readable.
    unsafe { alg::memhash_inline(s.ptr, seed, s.len) }
}

/// # Safety
/// Both headers must describe readable bytes.
#[inline(always)]
unsafe fn str_eq(a: GoStr, b: GoStr) -> bool {
    // SAFETY: caller guarantees both strings.
    a.len == b.len && (a.ptr == b.ptr || unsafe { a.as_bytes() == b.as_bytes() })
}

/// Fast `m[key]` for string keys.
///
/// # Safety
/// As [`mapaccess1`], for a `map[string]V` with inline elements.
#[inline]
pub unsafe fn mapaccess1_faststr(t: &MapType, h: *mut HMap, key: GoStr) -> *const u8 {
    // SAFETY: forwarded contract.
    unsafe { mapaccess2_faststr(t, h, key).0 }
}

/// Fast `v, ok := m[key]` for string keys.
///
/// # Safety
/// As [`mapaccess1_faststr`].
pub unsafe fn mapaccess2_faststr(t: &MapType, h: *mut HMap, key: GoStr) -> (*const u8, bool) {
    // SAFETY: caller guarantees h; key slots are string headers.
    unsafe {
        if h.is_null() || (*h).count == 0 {
            return (zero_value((*t.elem).size), false);
        }
        check_not_writing(h, "concurrent map read and map write");
        if (*h).b == 0 {
            // One bucket: compare directly, no hash.
            let b = (*h).buckets;
            let keys = b.add(DATA_OFFSET) as *const GoStr;
            for i in 0..BUCKET_CNT {
                let k = *keys.add(i);
                if k.len == key.len && !is_empty(*top_at(b, i)) && str_eq(k, key) {
                    return (elem_at(t, b, i), true);
                }
            }
            return (zero_value((*t.elem).size), false);
        }
        let hash = hash_str(key, (*h).hash0 as usize);
        let top = tophash(hash);
        let mut b = lookup_bucket(t, h, hash);
        while !b.is_null() {
            let keys = b.add(DATA_OFFSET) as *const GoStr;
            let mut m = match_tophash(b, top);
            while m != 0 {
                let i = (m.trailing_zeros() / 8) as usize;
                if str_eq(*keys.add(i), key) {
                    return (elem_at(t, b, i), true);
                }
                m &= m - 1;
            }
            b = overflow(t, b);
        }
        (zero_value((*t.elem).size), false)
    }
}

/// Fast `m[key] = ...` for string keys: the element slot.
///
/// # Safety
/// As [`mapassign`], for a `map[string]V` with inline elements.
pub unsafe fn mapassign_faststr(
    t: &MapType,
    h: *mut HMap,
    key: GoStr,
) -> Result<*mut u8, MapError> {
    if h.is_null() {
        return Err(MapError::NilMapAssign);
    }
    // SAFETY: caller guarantees h; key slots hold string headers.
    unsafe {
        check_not_writing(h, "concurrent map writes");
        let hash = hash_str(key, (*h).hash0 as usize);
        let eq = |k: *const u8| str_eq(*(k as *const GoStr), key);
        let rehash = |k: *const u8, seed: usize| hash_str(*(k as *const GoStr), seed);
        Ok(assign_with(
            t,
            h,
            &key as *const GoStr as *const u8,
            hash,
            &eq,
            &rehash,
        ))
    }
}

/// Fast `delete(m, key)` for string keys.
///
/// # Safety
/// As [`mapdelete`], for a `map[string]V`.
pub unsafe fn mapdelete_faststr(t: &MapType, h: *mut HMap, key: GoStr) {
    // SAFETY: caller guarantees h; key slots hold string headers.
    unsafe {
        if h.is_null() || (*h).count == 0 {
            return;
        }
        check_not_writing(h, "concurrent map writes");
        let hash = hash_str(key, (*h).hash0 as usize);
        let eq = |k: *const u8| str_eq(*(k as *const GoStr), key);
        let rehash = |k: *const u8, seed: usize| hash_str(*(k as *const GoStr), seed);
        delete_with(t, h, hash, &eq, &rehash);
    }
}

// ---------------------------------------------------------------------------
// Introspection for tests and the heap checker.

/// The current B (log2 of the bucket count) of a map.
///
/// # Safety
/// `h` must be a live map.
pub unsafe fn map_b(h: *const HMap) -> u8 {
    // SAFETY: caller guarantees h.
    unsafe { (*h).b }
}

/// Whether the map is in the middle of a grow.
///
/// # Safety
/// `h` must be a live map.
pub unsafe fn map_growing(h: *const HMap) -> bool {
    // SAFETY: caller guarantees h.
    unsafe { !(*h).oldbuckets.is_null() }
}

/// Whether the current (or last unfinished) grow is a same-size grow.
///
/// # Safety
/// `h` must be a live map.
pub unsafe fn map_same_size_growing(h: *const HMap) -> bool {
    // SAFETY: caller guarantees h.
    unsafe { (*h).flags & SAME_SIZE_GROW != 0 }
}

/// Checks the map's invariants: counts live entries in every chain (and
/// in unevacuated old buckets), that EMPTY_REST is followed only by
/// empty cells, and that `count` matches. Returns the first violation.
///
/// # Safety
/// `h` must be a live map of type `t`, not being written.
pub unsafe fn check_map(t: &MapType, h: *const HMap) -> Result<(), String> {
    // SAFETY: caller guarantees h; walks only the map's own arrays/chains.
    unsafe {
        let h = h as *mut HMap;
        if (*h).buckets.is_null() {
            return if (*h).count == 0 {
                Ok(())
            } else {
                Err("entries without buckets".into())
            };
        }
        let mut live = 0;
        for j in 0..bucket_shift((*h).b) {
            live += check_chain(t, bucket_at(t, (*h).buckets, j), Some((*h).hash0 as usize))?;
        }
        if !(*h).oldbuckets.is_null() {
            for j in 0..noldbuckets(h) {
                let ob = bucket_at(t, (*h).oldbuckets, j);
                if j < (*h).nevacuate && !evacuated(ob) {
                    return Err(format!("old bucket {j} below nevacuate not evacuated"));
                }
                live += check_chain(t, ob, None)?;
            }
        }
        if live != (*h).count {
            return Err(format!("count {} but {} live entries", (*h).count, live));
        }
        Ok(())
    }
}

/// # Safety
/// `b` is the head of a bucket chain of type `t`; `seed` is the map's
/// seed for a chain of the current table (tophash checked), `None` for
/// an old chain.
unsafe fn check_chain(t: &MapType, mut b: *mut u8, seed: Option<usize>) -> Result<usize, String> {
    // SAFETY: caller guarantees the chain.
    unsafe {
        let mut live = 0;
        let mut rest = false;
        while !b.is_null() {
            for i in 0..BUCKET_CNT {
                let th = *top_at(b, i);
                if rest && th != EMPTY_REST {
                    return Err(format!("cell state {th} after emptyRest"));
                }
                if th == EMPTY_REST {
                    rest = true;
                }
                if seed.is_some() && (EVACUATED_X..=EVACUATED_EMPTY).contains(&th) {
                    return Err("evacuated state in the current table".into());
                }
                if th >= MIN_TOP_HASH {
                    live += 1;
                    if let Some(seed) = seed {
                        let k = deref_key(t, key_at(t, b, i));
                        if is_reflexive_key(t) && tophash(hash_stored_key(t, k, seed)) != th {
                            return Err("tophash does not match the key's hash".into());
                        }
                    }
                }
            }
            b = overflow(t, b);
        }
        Ok(live)
    }
}
