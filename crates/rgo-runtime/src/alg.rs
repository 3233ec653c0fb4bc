//! Hashing and equality of Go values (Go's alg.go): the hash functions
//! maps call through `MapType::hasher`, the equality functions stored in
//! `Type::equal`, and the generic, kind-driven `typehash` / `typeequal`
//! used for composite keys (arrays, structs) and interface keys.
//!
//! Design. Go hashes with AES instructions keyed by a per-process random
//! schedule, falling back to a wyhash-style multiply-fold hash. rgo uses
//! one hash everywhere, written here in the wyhash style: the core step
//! `mix(a, b)` folds the 128-bit product of two 64-bit words (high half
//! xor low half), so every input bit reaches both the low bits (the
//! bucket index) and the top byte (the tophash). Why not a crate (aHash):
//! the seed must be a plain argument (each map has its own `hash0`),
//! the 8-byte path must inline into the map fast paths as two multiplies,
//! and strings are hashed straight from Go's {ptr, len} header; a
//! 60-line function written here does all three with no dependency.
//!
//! Invariants:
//! - the per-process keys `HASHKEY` are random (from the OS) once
//!   [`alginit`] has run; every map calls it before hashing, so two runs
//!   of a program iterate maps in different orders, as in Go;
//! - equal values hash equally under the same seed: +0 and -0 hash alike,
//!   strings hash their bytes, never their address; a NaN hashes to a
//!   fresh random value each time (NaN != NaN, so it must not be found);
//! - blank (`_`) struct fields take part in neither hash nor equality;
//! - hashing an interface whose dynamic type is not comparable fails with
//!   [`Unhashable`]: the caller turns it into Go's panic
//!   `runtime error: hash of unhashable type T`.
//!
//! Memory model: values are read through raw pointers (never references),
//! since Go code may write them concurrently; a racy program gets a
//! meaningless hash, never undefined behaviour in the map's own state.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Once;

use crate::typedesc::{
    tflag, ArrayType, GoStr, InterfaceType, Kind, StructField, StructType, Type,
};

/// Hash function of a key type: (pointer to key, seed) -> hash (Go's
/// `hasher` signature).
pub type HashFn = unsafe fn(*const u8, usize) -> usize;

/// Offset of the dynamic type in an itab (Go's itab: `inter`, `_type`,
/// `hash`, `fun`): a non-empty interface is {itab, data}.
pub const ITAB_TYPE_OFFSET: usize = 8;

/// A value could not be hashed: the dynamic type found inside an
/// interface is not comparable (a slice, map or func).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unhashable(pub *const Type);

impl Unhashable {
    /// Go's panic text, `runtime error: hash of unhashable type []int`.
    pub fn message(&self) -> String {
        // SAFETY: the pointer came from an interface's type word, which
        // always names a valid descriptor (typedesc invariant).
        let name = unsafe { (*self.0).name.as_bytes() };
        format!(
            "runtime error: hash of unhashable type {}",
            String::from_utf8_lossy(name)
        )
    }
}

// ---------------------------------------------------------------------------
// Keys and random numbers.

/// Per-process random hash keys (Go's `aeskeysched` / `hashkey`).
static HASHKEY: [AtomicU64; 4] = [
    AtomicU64::new(0xa076_1d64_78bd_642f),
    AtomicU64::new(0xe703_7ed1_a0b4_28db),
    AtomicU64::new(0x8ebc_6af0_9c88_c6e3),
    AtomicU64::new(0x5899_65cc_7537_4cc3),
];
static ALGINIT: Once = Once::new();

/// Seeds the hash keys from the OS once per process (Go's `alginit`).
#[inline]
pub fn alginit() {
    ALGINIT.call_once(init_keys);
}

#[cold]
fn init_keys() {
    let mut buf = [0u64; 4];
    if !os_random(&mut buf) {
        // No entropy source: fall back to time and addresses, still
        // different per run.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let a = &buf as *const _ as u64;
        for (i, w) in buf.iter_mut().enumerate() {
            *w = mix(
                t ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15),
                a ^ 0x5bd1_e995,
            );
        }
    }
    for (k, w) in HASHKEY.iter().zip(buf) {
        // Odd keys keep the multiplications invertible-ish (wyhash advice).
        k.store(w | 1, Relaxed);
    }
}

fn os_random(buf: &mut [u64; 4]) -> bool {
    let len = std::mem::size_of_val(buf);
    // SAFETY: getrandom writes at most `len` bytes into our buffer.
    let n = unsafe { libc::getrandom(buf.as_mut_ptr().cast(), len, 0) };
    n == len as isize
}

#[inline(always)]
fn key(i: usize) -> u64 {
    HASHKEY[i].load(Relaxed)
}

thread_local! {
    /// Per-thread generator state (Go's per-M `fastrand`), 0 = unseeded.
    static RAND: Cell<u64> = const { Cell::new(0) };
}

/// A fast per-thread random number (Go's `fastrand64`, wyrand).
pub fn fastrand64() -> u64 {
    RAND.with(|r| {
        let mut s = r.get();
        if s == 0 {
            alginit();
            s = key(2) ^ (r as *const _ as u64).wrapping_mul(key(3));
        }
        s = s.wrapping_add(0xa076_1d64_78bd_642f);
        r.set(s);
        mix(s, s ^ 0xe703_7ed1_a0b4_28db)
    })
}

/// 32 random bits (Go's `cheaprand`).
#[inline]
pub fn cheaprand() -> u32 {
    fastrand64() as u32
}

/// A random number in [0, n) (Go's `cheaprandn`: multiply-shift).
#[inline]
pub fn cheaprandn(n: u32) -> u32 {
    ((cheaprand() as u64 * n as u64) >> 32) as u32
}

/// 32 random bits (Go's `fastrand`).
#[inline]
pub fn fastrand() -> u32 {
    fastrand64() as u32
}

// ---------------------------------------------------------------------------
// The hash core.

/// Multiply-fold: the 128-bit product of `a` and `b`, high half xor low.
#[inline(always)]
pub fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

/// # Safety
/// `p..p+8` must be readable.
#[inline(always)]
unsafe fn r8(p: *const u8) -> u64 {
    // SAFETY: caller guarantees 8 readable bytes; unaligned read.
    unsafe { u64::from_le(p.cast::<u64>().read_unaligned()) }
}

/// # Safety
/// `p..p+4` must be readable.
#[inline(always)]
unsafe fn r4(p: *const u8) -> u64 {
    // SAFETY: caller guarantees 4 readable bytes; unaligned read.
    unsafe { u32::from_le(p.cast::<u32>().read_unaligned()) as u64 }
}

/// Hash of one 64-bit word under `seed`: the map fast paths' hash.
#[inline(always)]
pub fn hash64(x: u64, seed: usize) -> usize {
    let s = seed as u64;
    mix(key(3) ^ 8, mix(x ^ key(1), x.rotate_left(32) ^ s ^ key(0))) as usize
}

/// Hash of `len` bytes at `p` under `seed` (Go's `memhash`).
///
/// # Safety
/// `p..p+len` must be readable (any `p` when `len == 0`).
pub unsafe fn memhash(p: *const u8, seed: usize, len: usize) -> usize {
    if len <= 16 {
        // SAFETY: forwarded contract.
        return unsafe { memhash_short(p, seed, len) };
    }
    let mut s = seed as u64 ^ key(0);
    let (a, b);
    // SAFETY: every read below stays inside p..p+len (len > 16), by the
    // loop conditions.
    unsafe {
        let mut q = p;
        let mut i = len;
        if i > 48 {
            let (mut s1, mut s2) = (s, s);
            while i > 48 {
                s = mix(r8(q) ^ key(1), r8(q.add(8)) ^ s);
                s1 = mix(r8(q.add(16)) ^ key(2), r8(q.add(24)) ^ s1);
                s2 = mix(r8(q.add(32)) ^ key(3), r8(q.add(40)) ^ s2);
                q = q.add(48);
                i -= 48;
            }
            s ^= s1 ^ s2;
        }
        while i > 16 {
            s = mix(r8(q) ^ key(1), r8(q.add(8)) ^ s);
            q = q.add(16);
            i -= 16;
        }
        a = r8(p.add(len - 16));
        b = r8(p.add(len - 8));
    }
    mix(key(1) ^ len as u64, mix(a ^ key(1), b ^ s)) as usize
}

/// [`memhash`] with its case for inputs of at most 16 bytes (most map
/// keys) expanded at the call site: the map fast paths for strings.
///
/// # Safety
/// As [`memhash`].
#[inline(always)]
pub unsafe fn memhash_inline(p: *const u8, seed: usize, len: usize) -> usize {
    // SAFETY: forwarded contract.
    unsafe {
        if len <= 16 {
            memhash_short(p, seed, len)
        } else {
            memhash(p, seed, len)
        }
    }
}

/// [`memhash`] of at most 16 bytes.
///
/// # Safety
/// As [`memhash`], with `len <= 16`.
#[inline(always)]
unsafe fn memhash_short(p: *const u8, seed: usize, len: usize) -> usize {
    let s = seed as u64 ^ key(0);
    let (a, b);
    // SAFETY: every read below stays inside p..p+len, by the length tests
    // guarding each branch.
    unsafe {
        if len >= 4 {
            let q = (len >> 3) << 2;
            a = (r4(p) << 32) | r4(p.add(q));
            b = (r4(p.add(len - 4)) << 32) | r4(p.add(len - 4 - q));
        } else if len > 0 {
            a = ((*p as u64) << 16) | ((*p.add(len >> 1) as u64) << 8) | *p.add(len - 1) as u64;
            b = 0;
        } else {
            a = 0;
            b = 0;
        }
    }
    mix(key(1) ^ len as u64, mix(a ^ key(1), b ^ s)) as usize
}

// ---------------------------------------------------------------------------
// Hash functions per kind (the `HashFn`s a MapType stores).

/// # Safety
/// `p` must point to a readable byte.
pub unsafe fn memhash8(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees one readable byte.
    hash64(unsafe { *p } as u64, seed)
}

/// # Safety
/// `p` must point to 2 readable bytes.
pub unsafe fn memhash16(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees 2 readable bytes.
    hash64(unsafe { p.cast::<u16>().read_unaligned() } as u64, seed)
}

/// # Safety
/// `p` must point to 4 readable bytes.
pub unsafe fn memhash32(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees 4 readable bytes.
    hash64(unsafe { r4(p) }, seed)
}

/// # Safety
/// `p` must point to 8 readable bytes.
pub unsafe fn memhash64(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees 8 readable bytes.
    hash64(unsafe { r8(p) }, seed)
}

/// # Safety
/// `p` must point to 16 readable bytes.
pub unsafe fn memhash128(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees 16 readable bytes.
    unsafe { memhash(p, seed, 16) }
}

/// Hash of a Go string header at `p` (Go's `strhash`).
///
/// # Safety
/// `p` must point to a valid Go string header.
pub unsafe fn strhash(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees a string header; its bytes are readable.
    unsafe {
        let s = p.cast::<GoStr>().read();
        memhash(s.ptr, seed, s.len)
    }
}

/// Hash of a float64 (Go's `f64hash`): ±0 alike, NaN random.
///
/// # Safety
/// `p` must point to 8 readable bytes.
pub unsafe fn f64hash(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees 8 readable bytes.
    let f = f64::from_bits(unsafe { r8(p) });
    float_hash(f, seed)
}

/// Hash of a float32 (Go's `f32hash`).
///
/// # Safety
/// `p` must point to 4 readable bytes.
pub unsafe fn f32hash(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees 4 readable bytes.
    let f = f32::from_bits(unsafe { r4(p) } as u32);
    float_hash(f as f64, seed)
}

#[inline]
fn float_hash(f: f64, seed: usize) -> usize {
    if f == 0.0 {
        hash64(0, seed)
    } else if f.is_nan() {
        hash64(fastrand64(), seed ^ 0x5a5a)
    } else {
        hash64(f.to_bits(), seed)
    }
}

/// # Safety
/// `p` must point to a complex64 (8 readable bytes).
pub unsafe fn c64hash(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees the two float32 halves are readable.
    unsafe { f32hash(p.add(4), f32hash(p, seed)) }
}

/// # Safety
/// `p` must point to a complex128 (16 readable bytes).
pub unsafe fn c128hash(p: *const u8, seed: usize) -> usize {
    // SAFETY: caller guarantees the two float64 halves are readable.
    unsafe { f64hash(p.add(8), f64hash(p, seed)) }
}

/// The hash function for a key type, chosen by kind and size (Go's
/// compiler picks `memhash64`, `strhash`, ... the same way). `None` for
/// composite and interface keys: those are hashed by [`typehash`], which
/// can fail with [`Unhashable`].
pub fn hash_fn_for(t: &Type) -> Option<HashFn> {
    match t.kind() {
        Kind::Float32 => Some(f32hash),
        Kind::Float64 => Some(f64hash),
        Kind::Complex64 => Some(c64hash),
        Kind::Complex128 => Some(c128hash),
        Kind::String => Some(strhash),
        Kind::Interface | Kind::Array | Kind::Struct => None,
        _ => mem_hash_fn(t.size),
    }
}

fn mem_hash_fn(size: usize) -> Option<HashFn> {
    match size {
        1 => Some(memhash8),
        2 => Some(memhash16),
        4 => Some(memhash32),
        8 => Some(memhash64),
        16 => Some(memhash128),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Generic hashing by type (Go's `typehash`, `nilinterhash`, `interhash`).

/// Hash of the value of type `t` at `p`, walking composite types field by
/// field and interfaces through their dynamic type.
///
/// # Safety
/// `t` must be a valid descriptor and `p` point to a value of that type.
pub unsafe fn typehash(t: &Type, p: *const u8, seed: usize) -> Result<usize, Unhashable> {
    if t.tflag & tflag::REGULAR_MEMORY != 0 {
        // SAFETY: p points to t.size readable bytes (caller).
        return Ok(unsafe { memhash_sized(p, seed, t.size) });
    }
    // SAFETY: each arm reads the value as its kind lays it out (caller),
    // and the kind-specific descriptor casts follow the typedesc rule that
    // a descriptor of kind K is embedded first in K's descriptor.
    unsafe {
        match t.kind() {
            Kind::Float32 => Ok(f32hash(p, seed)),
            Kind::Float64 => Ok(f64hash(p, seed)),
            Kind::Complex64 => Ok(c64hash(p, seed)),
            Kind::Complex128 => Ok(c128hash(p, seed)),
            Kind::String => Ok(strhash(p, seed)),
            Kind::Interface => interface_hash(t, p, seed),
            Kind::Array => {
                let at = &*(t as *const Type as *const ArrayType);
                let elem = &*at.elem;
                let mut h = seed;
                for i in 0..at.len {
                    h = typehash(elem, p.add(i * elem.size), h)?;
                }
                Ok(h)
            }
            Kind::Struct => {
                let mut h = seed;
                for f in struct_fields(t) {
                    if !is_blank(f) {
                        h = typehash(&*f.typ, p.add(f.offset), h)?;
                    }
                }
                Ok(h)
            }
            _ => Ok(memhash_sized(p, seed, t.size)),
        }
    }
}

/// # Safety
/// `p..p+size` must be readable.
#[inline]
unsafe fn memhash_sized(p: *const u8, seed: usize, size: usize) -> usize {
    // SAFETY: caller guarantees the bytes are readable.
    unsafe {
        match size {
            4 => memhash32(p, seed),
            8 => memhash64(p, seed),
            _ => memhash(p, seed, size),
        }
    }
}

/// Hash of an interface value of interface type `t` at `p`.
///
/// # Safety
/// `p` must point to an interface value of type `t`.
unsafe fn interface_hash(t: &Type, p: *const u8, seed: usize) -> Result<usize, Unhashable> {
    // SAFETY: caller guarantees an interface value {tab-or-type, data}.
    let (dyn_t, data) = unsafe { iface_parts(t, p) };
    if dyn_t.is_null() {
        return Ok(hash64(0, seed));
    }
    // SAFETY: a non-nil type word names a valid descriptor.
    let dt = unsafe { &*dyn_t };
    if dt.equal.is_none() {
        return Err(Unhashable(dyn_t));
    }
    // SAFETY: data points to a value of the dynamic type.
    let h = unsafe { typehash(dt, data, seed ^ dt.hash as usize) }?;
    Ok(mix(h as u64, key(2)) as usize)
}

/// The dynamic type of the interface value at `p` (null when the
/// interface is nil) and a pointer to its value: the data word itself
/// for direct-interface types, else the pointer it holds.
///
/// # Safety
/// `t` must be an interface type and `p` point to one of its values.
pub unsafe fn iface_parts(t: &Type, p: *const u8) -> (*const Type, *const u8) {
    // SAFETY: an interface value is two words; see ITAB_TYPE_OFFSET for
    // the itab layout. Interface types are InterfaceType descriptors.
    unsafe {
        let w0 = p.cast::<*const u8>().read();
        let data_word = p.add(8);
        if w0.is_null() {
            return (std::ptr::null(), data_word);
        }
        let it = &*(t as *const Type as *const InterfaceType);
        let dyn_t = if it.nmethods == 0 {
            w0.cast::<Type>()
        } else {
            w0.add(ITAB_TYPE_OFFSET).cast::<*const Type>().read()
        };
        let data = if (*dyn_t).tflag & tflag::DIRECT_IFACE != 0 {
            data_word
        } else {
            data_word.cast::<*const u8>().read()
        };
        (dyn_t, data)
    }
}

/// The fields of struct type `t`.
///
/// # Safety
/// `t` must be a struct descriptor whose field array lives forever.
unsafe fn struct_fields<'a>(t: &Type) -> &'a [StructField] {
    // SAFETY: kind Struct descriptors are StructTypes (typedesc rule).
    unsafe {
        let st = &*(t as *const Type as *const StructType);
        if st.nfields == 0 {
            return &[];
        }
        std::slice::from_raw_parts(st.fields, st.nfields)
    }
}

fn is_blank(f: &StructField) -> bool {
    // SAFETY: field names are static data.
    unsafe { f.name.as_bytes() == b"_" }
}

// ---------------------------------------------------------------------------
// Equality.

/// # Safety
/// Both pointers must point to a readable byte.
pub unsafe fn memequal8(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees readable bytes.
    unsafe { *a == *b }
}

/// # Safety
/// Both pointers must point to 2 readable bytes.
pub unsafe fn memequal16(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees readable bytes.
    unsafe { a.cast::<u16>().read_unaligned() == b.cast::<u16>().read_unaligned() }
}

/// # Safety
/// Both pointers must point to 4 readable bytes.
pub unsafe fn memequal32(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees readable bytes.
    unsafe { r4(a) == r4(b) }
}

/// # Safety
/// Both pointers must point to 8 readable bytes.
pub unsafe fn memequal64(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees readable bytes.
    unsafe { r8(a) == r8(b) }
}

/// # Safety
/// Both pointers must point to 16 readable bytes.
pub unsafe fn memequal128(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees readable bytes.
    unsafe { r8(a) == r8(b) && r8(a.add(8)) == r8(b.add(8)) }
}

/// Equality of two zero-size values (always true).
///
/// # Safety
/// Always safe; `unsafe` only to match [`crate::typedesc::EqualFn`].
pub unsafe fn memequal0(_: *const u8, _: *const u8) -> bool {
    true
}

/// # Safety
/// Both pointers must point to float32 values.
pub unsafe fn f32equal(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees readable values.
    unsafe { f32::from_bits(r4(a) as u32) == f32::from_bits(r4(b) as u32) }
}

/// # Safety
/// Both pointers must point to float64 values.
pub unsafe fn f64equal(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees readable values.
    unsafe { f64::from_bits(r8(a)) == f64::from_bits(r8(b)) }
}

/// # Safety
/// Both pointers must point to complex64 values.
pub unsafe fn c64equal(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees both halves are readable.
    unsafe { f32equal(a, b) && f32equal(a.add(4), b.add(4)) }
}

/// # Safety
/// Both pointers must point to complex128 values.
pub unsafe fn c128equal(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees both halves are readable.
    unsafe { f64equal(a, b) && f64equal(a.add(8), b.add(8)) }
}

/// Equality of two Go strings (Go's `strequal`).
///
/// # Safety
/// Both pointers must point to valid Go string headers.
pub unsafe fn strequal(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees valid headers whose bytes are readable.
    unsafe {
        let (x, y) = (a.cast::<GoStr>().read(), b.cast::<GoStr>().read());
        x.len == y.len && (x.ptr == y.ptr || x.as_bytes() == y.as_bytes())
    }
}

/// Equality of two empty-interface values (Go's `efaceeq` via
/// `nilinterequal`). A non-comparable dynamic type compares unequal; map
/// keys never reach that case because hashing rejects them first.
///
/// # Safety
/// Both pointers must point to `interface{}` values.
pub unsafe fn nilinterequal(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees eface values.
    unsafe { eface_equal(a, b, false) }
}

/// Equality of two non-empty interface values (Go's `interequal`); see
/// [`nilinterequal`] for non-comparable dynamic types.
///
/// # Safety
/// Both pointers must point to values of the same non-empty interface type.
pub unsafe fn interequal(a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller guarantees iface values.
    unsafe { eface_equal(a, b, true) }
}

/// # Safety
/// Both pointers must point to interface values of one kind (`itab`).
unsafe fn eface_equal(a: *const u8, b: *const u8, itab: bool) -> bool {
    // SAFETY: interface values are two words (caller); see iface_parts.
    unsafe {
        let (wa, wb) = (a.cast::<*const u8>().read(), b.cast::<*const u8>().read());
        if wa != wb {
            return false;
        }
        if wa.is_null() {
            return true;
        }
        let t = if itab {
            wa.add(ITAB_TYPE_OFFSET).cast::<*const Type>().read()
        } else {
            wa.cast::<Type>()
        };
        let (da, db) = (a.add(8), b.add(8));
        let direct = (*t).tflag & tflag::DIRECT_IFACE != 0;
        let (pa, pb) = if direct {
            (da, db)
        } else {
            (da.cast::<*const u8>().read(), db.cast::<*const u8>().read())
        };
        typeequal(&*t, pa, pb)
    }
}

/// Equality of two values of type `t` by kind: the generic form of every
/// `EqualFn`, used for composite and interface keys. Non-comparable
/// types (also inside interfaces) compare unequal.
///
/// # Safety
/// `t` must be valid and both pointers point to values of type `t`.
pub unsafe fn typeequal(t: &Type, a: *const u8, b: *const u8) -> bool {
    if t.tflag & tflag::REGULAR_MEMORY != 0 {
        // SAFETY: both values are t.size readable bytes.
        return unsafe { mem_eq(a, b, t.size) };
    }
    // SAFETY: as in typehash: each arm reads values as its kind lays them
    // out, with descriptor casts following the typedesc embedding rule.
    unsafe {
        match t.kind() {
            Kind::Float32 => f32equal(a, b),
            Kind::Float64 => f64equal(a, b),
            Kind::Complex64 => c64equal(a, b),
            Kind::Complex128 => c128equal(a, b),
            Kind::String => strequal(a, b),
            Kind::Interface => {
                let it = &*(t as *const Type as *const InterfaceType);
                eface_equal(a, b, it.nmethods != 0)
            }
            Kind::Array => {
                let at = &*(t as *const Type as *const ArrayType);
                let e = &*at.elem;
                (0..at.len).all(|i| typeequal(e, a.add(i * e.size), b.add(i * e.size)))
            }
            Kind::Struct => struct_fields(t)
                .iter()
                .filter(|f| !is_blank(f))
                .all(|f| typeequal(&*f.typ, a.add(f.offset), b.add(f.offset))),
            Kind::Slice | Kind::Map | Kind::Func => false,
            _ => mem_eq(a, b, t.size),
        }
    }
}

/// Equality as `==` evaluates it (Go's generated `type..eq` functions
/// and `efaceeq`): parts compared in order, stopping at the first
/// difference; an interface whose dynamic type is not comparable fails
/// with that type (`comparing uncomparable type T`).
///
/// # Safety
/// `t` must be valid and both pointers point to values of type `t`.
pub unsafe fn typeequal_checked(t: &Type, a: *const u8, b: *const u8) -> Result<bool, *const Type> {
    if t.tflag & tflag::REGULAR_MEMORY != 0 {
        // SAFETY: both values are t.size readable bytes.
        return Ok(unsafe { mem_eq(a, b, t.size) });
    }
    // SAFETY: as in typeequal.
    unsafe {
        match t.kind() {
            Kind::Interface => {
                let it = &*(t as *const Type as *const InterfaceType);
                let itab = it.nmethods != 0;
                let (wa, wb) = (a.cast::<*const u8>().read(), b.cast::<*const u8>().read());
                if wa != wb {
                    return Ok(false);
                }
                if wa.is_null() {
                    return Ok(true);
                }
                let dt = if itab {
                    wa.add(ITAB_TYPE_OFFSET).cast::<*const Type>().read()
                } else {
                    wa.cast::<Type>()
                };
                if !comparable(&*dt) {
                    return Err(dt);
                }
                let (da, db) = (a.add(8), b.add(8));
                if (*dt).tflag & tflag::DIRECT_IFACE != 0 {
                    return Ok(da.cast::<u64>().read() == db.cast::<u64>().read());
                }
                let (pa, pb) = (da.cast::<*const u8>().read(), db.cast::<*const u8>().read());
                typeequal_checked(&*dt, pa, pb)
            }
            Kind::Array => {
                let at = &*(t as *const Type as *const ArrayType);
                let e = &*at.elem;
                for i in 0..at.len {
                    if !typeequal_checked(e, a.add(i * e.size), b.add(i * e.size))? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Kind::Struct => {
                // Go's generated struct equality (compare.EqStruct): a
                // field whose comparison can panic is compared alone, in
                // order; between such fields, string bodies come after
                // every other comparison (lengths first), so unequal
                // values are told apart without reading string bytes.
                let fields = struct_fields(t);
                let mut i = 0;
                while i < fields.len() {
                    let f = &fields[i];
                    if !is_blank(f) && eq_can_panic(&*f.typ) {
                        if !typeequal_checked(&*f.typ, a.add(f.offset), b.add(f.offset))? {
                            return Ok(false);
                        }
                        i += 1;
                        continue;
                    }
                    let mut end = i;
                    while end < fields.len()
                        && (is_blank(&fields[end]) || !eq_can_panic(&*fields[end].typ))
                    {
                        end += 1;
                    }
                    let group = || fields[i..end].iter().filter(|f| !is_blank(f));
                    for f in group() {
                        let (pa, pb) = (a.add(f.offset), b.add(f.offset));
                        let eq = if (*f.typ).kind() == Kind::String {
                            pa.cast::<GoStr>().read().len == pb.cast::<GoStr>().read().len
                        } else {
                            typeequal_checked(&*f.typ, pa, pb)?
                        };
                        if !eq {
                            return Ok(false);
                        }
                    }
                    for f in group().filter(|f| (*f.typ).kind() == Kind::String) {
                        if !strequal(a.add(f.offset), b.add(f.offset)) {
                            return Ok(false);
                        }
                    }
                    i = end;
                }
                Ok(true)
            }
            Kind::Slice | Kind::Map | Kind::Func => Err(t),
            _ => Ok(typeequal(t, a, b)),
        }
    }
}

/// Whether comparing values of `t` can panic (Go's `EqCanPanic`): an
/// interface, or an array or struct holding one.
///
/// # Safety
/// `t` must be a valid descriptor.
unsafe fn eq_can_panic(t: &Type) -> bool {
    // SAFETY: kind-specific records follow their kinds (typedesc rule).
    unsafe {
        match t.kind() {
            Kind::Interface => true,
            Kind::Array => {
                let at = &*(t as *const Type as *const ArrayType);
                !at.elem.is_null() && eq_can_panic(&*at.elem)
            }
            Kind::Struct => struct_fields(t)
                .iter()
                .any(|f| !is_blank(f) && !f.typ.is_null() && eq_can_panic(&*f.typ)),
            _ => false,
        }
    }
}

/// Whether `==` is defined on values of `t` (Go's `t.Equal != nil`):
/// not a slice, map or func, nor an array or struct built from one.
///
/// # Safety
/// `t` must be a valid descriptor.
pub unsafe fn comparable(t: &Type) -> bool {
    // SAFETY: kind-specific records follow their kinds (typedesc rule).
    unsafe {
        match t.kind() {
            Kind::Slice | Kind::Map | Kind::Func => false,
            Kind::Array => {
                let at = &*(t as *const Type as *const ArrayType);
                at.elem.is_null() || comparable(&*at.elem)
            }
            Kind::Struct => struct_fields(t)
                .iter()
                .all(|f| f.typ.is_null() || comparable(&*f.typ)),
            _ => true,
        }
    }
}

/// # Safety
/// Both ranges of `n` bytes must be readable.
#[inline]
unsafe fn mem_eq(a: *const u8, b: *const u8, n: usize) -> bool {
    // SAFETY: caller guarantees both ranges are readable.
    unsafe { std::slice::from_raw_parts(a, n) == std::slice::from_raw_parts(b, n) }
}

/// The equality function for a type, by kind and size, for descriptors
/// the compiler emits (Go's compiler picks `memequal64`, `strequal`, ...
/// likewise). `None` where no context-free function exists: composite
/// types that are not plain memory, which maps compare with [`typeequal`].
pub fn equal_fn_for(t: &Type) -> Option<crate::typedesc::EqualFn> {
    match t.kind() {
        Kind::Float32 => Some(f32equal),
        Kind::Float64 => Some(f64equal),
        Kind::Complex64 => Some(c64equal),
        Kind::Complex128 => Some(c128equal),
        Kind::String => Some(strequal),
        Kind::Slice | Kind::Map | Kind::Func => None,
        // SAFETY: kind Interface descriptors are InterfaceTypes.
        Kind::Interface => Some(
            if unsafe { (*(t as *const Type as *const InterfaceType)).nmethods } == 0 {
                nilinterequal
            } else {
                interequal
            },
        ),
        _ => match t.size {
            0 => Some(memequal0),
            1 => Some(memequal8),
            2 => Some(memequal16),
            4 => Some(memequal32),
            8 => Some(memequal64),
            16 => Some(memequal128),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeros_hash_alike_and_nan_randomly() {
        alginit();
        let (pz, nz) = (
            0.0f64.to_bits().to_le_bytes(),
            (-0.0f64).to_bits().to_le_bytes(),
        );
        let nan = f64::NAN.to_bits().to_le_bytes();
        // SAFETY: 8-byte buffers.
        unsafe {
            assert_eq!(f64hash(pz.as_ptr(), 7), f64hash(nz.as_ptr(), 7));
            assert_ne!(f64hash(nan.as_ptr(), 7), f64hash(nan.as_ptr(), 7));
            assert!(!f64equal(nan.as_ptr(), nan.as_ptr()));
            assert!(f64equal(pz.as_ptr(), nz.as_ptr()));
        }
    }

    #[test]
    fn memhash_depends_on_every_byte_and_the_seed() {
        alginit();
        for len in 0..100usize {
            let buf: Vec<u8> = (0..len as u8).collect();
            // SAFETY: buf has len bytes.
            let h = unsafe { memhash(buf.as_ptr(), 1, len) };
            // SAFETY: as above.
            assert_ne!(h, unsafe { memhash(buf.as_ptr(), 2, len) }, "len {len}");
            for i in 0..len {
                let mut b2 = buf.clone();
                b2[i] ^= 1;
                // SAFETY: b2 has len bytes.
                let h2 = unsafe { memhash(b2.as_ptr(), 1, len) };
                assert_ne!(h, h2, "len {len} byte {i}");
            }
        }
    }

    #[test]
    fn sequential_ints_spread_over_buckets_and_tophash() {
        alginit();
        // 64k consecutive keys into 1024 buckets: each bucket should get
        // about 64; the top byte should take (nearly) all 256 values.
        let mut buckets = vec![0u32; 1024];
        let mut tops = [false; 256];
        for i in 0..65536u64 {
            let h = hash64(i, 12345);
            buckets[h & 1023] += 1;
            tops[h >> 56] = true;
        }
        let max = *buckets.iter().max().unwrap_or(&0);
        let min = *buckets.iter().min().unwrap_or(&0);
        assert!(max < 112 && min > 20, "uneven buckets: min {min} max {max}");
        assert!(tops.iter().all(|&t| t), "missing tophash values");
    }
}
