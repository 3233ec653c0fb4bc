//! reflect: the natives under package reflect's Go code. The Go side
//! (go/reflect/*.go) reads type descriptors directly (its `rtype` and
//! kind-specific structs mirror `typedesc`'s `#[repr(C)]` records) and
//! implements Type and Value itself; what it cannot do in Go is here:
//!
//! - memory: allocation with a descriptor, typed copies and clears,
//!   equality through the runtime's algorithms;
//! - maps and channels through the runtime's hmap/hchan operations
//!   (a blocking send or receive parks like the compiled operation);
//! - itabs (`getitab`) for conversions to non-empty interfaces;
//! - type constructors (`PointerTo`, `SliceOf`, `ArrayOf`, `MapOf`,
//!   `ChanOf`, `FuncOf`, `StructOf`): the compiled program's descriptors
//!   are registered by the compiler ([`set_types`]) so a constructor
//!   returns the compiled descriptor of an existing type (descriptor
//!   identity is type identity) and builds, once, a new leaked one
//!   otherwise;
//! - the window-copying halves of the generated call stubs and
//!   trampolines (rgo-compile's `reflectstubs.rs`, ids given with
//!   [`set_stubs`]): `callIn`/`callOut` (Value.Call), `methIn`/`methOut`
//!   (method values and expressions), `mfIn`/`mfOut` (MakeFunc).
//!
//! Invariants: descriptors handed out are never freed; a window's layout
//! is the one its Go declaration (or its stub) gives; nothing keeps a
//! pointer into a goroutine stack past the native call.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{fail, set, slot, R};
use rgo_runtime::chan::{self, HChan};
use rgo_runtime::interp::{GState, NativeFn, PanicValue};
use rgo_runtime::malloc::mallocgc;
use rgo_runtime::map::{self, HIter, HMap};
use rgo_runtime::typedesc::{
    tflag, ArrayType, ChanType, FuncType, GoStr, InterfaceType, Kind, MapType, PtrType, SliceType,
    StructField, StructType, Type,
};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("reflect.unsafe_New", unsafe_new, 2),
    ("reflect.unsafe_NewArray", unsafe_new_array, 3),
    ("reflect.typedmemmove", typedmemmove, 3),
    ("reflect.typedmemclr", typedmemclr, 2),
    ("reflect.typeEqual", type_equal, 5),
    ("reflect.comparable", comparable, 2),
    ("reflect.mapaccess", mapaccess, 4),
    ("reflect.mapassign", mapassign, 4),
    ("reflect.mapdelete", mapdelete, 3),
    ("reflect.maplen", maplen, 2),
    ("reflect.mapclear", mapclear, 2),
    ("reflect.makemap", makemap, 3),
    // Same window as the compiled `range` (res it | t, h).
    ("reflect.mapiterinit", rgo_runtime::natives::mapiterinit, 3),
    ("reflect.mapiternext", mapiternext, 1),
    ("reflect.makechan", makechan, 3),
    ("reflect.chanlen", chanlen, 2),
    ("reflect.chancap", chancap, 2),
    ("reflect.chanclose", chanclose, 1),
    ("reflect.chansend", chansend, 4),
    ("reflect.chanrecv", chanrecv, 5),
    ("reflect.rselect", rselect, 6),
    ("reflect.getitab", getitab, 5),
    ("reflect.ptrTo", ptr_to, 4),
    ("reflect.sliceOf", slice_of, 4),
    ("reflect.arrayOf", array_of, 5),
    ("reflect.mapOf", map_of, 5),
    ("reflect.chanOf", chan_of, 5),
    ("reflect.funcOf", func_of, 10),
    ("reflect.structOf", struct_of, 9),
    ("reflect.stubID", stub_id, 4),
    ("reflect.funcName", func_name, 3),
    ("reflect.funcEntry", func_entry, 2),
    ("reflect.callIn", call_in, 5),
    ("reflect.callOut", call_out, 5),
    ("reflect.methIn", meth_in, 3),
    ("reflect.methOut", meth_out, 3),
    ("reflect.mfIn", mf_in, 9),
    ("reflect.mfOut", mf_out, 9),
];

// ---------------------------------------------------------------------------
// Descriptor registry.

/// The program's descriptors, indexed by what the constructors look up.
#[derive(Default)]
struct Registry {
    /// `*T` by T.
    ptr: HashMap<usize, usize>,
    /// `[]T` by T.
    slice: HashMap<usize, usize>,
    /// `[N]T` by (T, N).
    array: HashMap<(usize, usize), usize>,
    /// `map[K]V` by (K, V).
    map: HashMap<(usize, usize), usize>,
    /// channel types by (T, dir).
    chan: HashMap<(usize, usize), usize>,
    /// func types by (parameter then result descriptors, in count, variadic).
    func: HashMap<(Vec<usize>, usize, bool), usize>,
    /// unnamed struct types by their string.
    structs: HashMap<Vec<u8>, Vec<usize>>,
}

static TYPES: Mutex<Option<Registry>> = Mutex::new(None);

/// Ids of the generated stubs: (window size, [call, method, makefunc]).
static STUBS: Mutex<Vec<(u32, [u32; 3])>> = Mutex::new(Vec::new());

/// Records the generated stubs (rgo-compile's reflectstubs).
pub fn set_stubs(stubs: &[(u32, [u32; 3])]) {
    let mut g = STUBS.lock().unwrap_or_else(|e| e.into_inner());
    *g = stubs.to_vec();
}

fn registry() -> std::sync::MutexGuard<'static, Option<Registry>> {
    TYPES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Registers the compiled program's descriptors (replacing those of a
/// previous program).
pub fn set_types(all: &[*const Type]) {
    let mut r = Registry::default();
    for &t in all {
        // SAFETY: the compiler's descriptors are leaked and immutable.
        unsafe { index(&mut r, t) };
    }
    *registry() = Some(r);
}

/// Adds `t` to the lookup tables of its kind. Named types are not
/// indexed: the constructors only build unnamed types.
///
/// # Safety
/// `t` is a valid descriptor.
unsafe fn index(r: &mut Registry, t: *const Type) {
    // SAFETY: caller's contract; kind-specific records match the kind.
    unsafe {
        if t.is_null() || (*t).tflag & tflag::NAMED != 0 {
            return;
        }
        let k = t as usize;
        match (*t).kind() {
            Kind::Pointer => {
                r.ptr
                    .entry((*(t as *const PtrType)).elem as usize)
                    .or_insert(k);
            }
            Kind::Slice => {
                r.slice
                    .entry((*(t as *const SliceType)).elem as usize)
                    .or_insert(k);
            }
            Kind::Array => {
                let a = &*(t as *const ArrayType);
                r.array.entry((a.elem as usize, a.len)).or_insert(k);
            }
            Kind::Map if (*t).size == 8 && is_map_type(t) => {
                let m = &*(t as *const MapType);
                r.map.entry((m.key as usize, m.elem as usize)).or_insert(k);
            }
            Kind::Chan => {
                let c = &*(t as *const ChanType);
                r.chan.entry((c.elem as usize, c.dir)).or_insert(k);
            }
            Kind::Func => {
                let f = &*(t as *const FuncType);
                if f.params.is_null() && f.in_count + (f.out_count & 0x7fff) > 0 {
                    return;
                }
                let n = f.in_count as usize + (f.out_count & 0x7fff) as usize;
                let ps = if n == 0 {
                    Vec::new()
                } else {
                    std::slice::from_raw_parts(f.params, n)
                        .iter()
                        .map(|p| *p as usize)
                        .collect()
                };
                r.func
                    .entry((ps, f.in_count as usize, f.out_count & 0x8000 != 0))
                    .or_insert(k);
            }
            Kind::Struct => {
                r.structs
                    .entry((*t).name.as_bytes().to_vec())
                    .or_default()
                    .push(k);
            }
            _ => {}
        }
    }
}

/// Whether a kind-Map descriptor is a full `MapType` (the compiler falls
/// back to a bare `Type` only for keys no map can have).
///
/// # Safety
/// `t` is a kind-Map descriptor.
unsafe fn is_map_type(t: *const Type) -> bool {
    // SAFETY: the compiler builds every map type it can with
    // new_map_type, whose key is never null.
    unsafe { !(*(t as *const MapType)).key.is_null() }
}

fn leak_str(b: &[u8]) -> GoStr {
    if b.is_empty() {
        return GoStr::EMPTY;
    }
    let s: &'static [u8] = Box::leak(b.to_vec().into_boxed_slice());
    GoStr {
        ptr: s.as_ptr(),
        len: s.len(),
    }
}

fn fnv(b: &[u8]) -> u32 {
    let mut h: u32 = 2166136261;
    for c in b {
        h = (h ^ *c as u32).wrapping_mul(16777619);
    }
    h
}

static ONE_POINTER: [u8; 1] = [1];

/// The common part of a new descriptor for a one-word pointer-shaped type.
fn pointer_shaped(kind: Kind, name: &[u8], comparable: bool) -> Type {
    let mut t = Type::with_pointers(8, kind, &ONE_POINTER, "");
    t.name = leak_str(name);
    t.hash = fnv(name);
    t.tflag = tflag::DIRECT_IFACE | if comparable { tflag::REGULAR_MEMORY } else { 0 };
    t
}

/// Finishes a new descriptor: equality function and registration.
///
/// # Safety
/// `d` was just leaked and is not yet shared.
unsafe fn publish(r: &mut Registry, d: *mut Type) -> *const Type {
    // SAFETY: caller's contract.
    unsafe {
        if rgo_runtime::alg::comparable(&*d) {
            (*d).equal = rgo_runtime::alg::equal_fn_for(&*d);
        }
        index(r, d);
    }
    d
}

/// The string of the Go string at window slot `i`.
///
/// # Safety
/// Slots `i`, `i+1` hold a string header.
unsafe fn str_at<'a>(w: *mut u64, i: usize) -> &'a [u8] {
    // SAFETY: caller's contract.
    unsafe { super::bytes(w, i) }
}

/// `ptrTo(t *rtype, name string) *rtype`.
unsafe fn ptr_to(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][t][name 2]; t is a descriptor.
    unsafe {
        let elem = slot(w, 1) as *const Type;
        let mut g = registry();
        let r = g.get_or_insert_with(Registry::default);
        if let Some(&d) = r.ptr.get(&(elem as usize)) {
            set(w, 0, d as u64);
            return Ok(());
        }
        let p = Box::leak(Box::new(PtrType {
            typ: pointer_shaped(Kind::Pointer, str_at(w, 2), true),
            elem,
        }));
        let d = publish(r, &mut p.typ);
        set(w, 0, d as u64);
    }
    Ok(())
}

/// `sliceOf(t *rtype, name string) *rtype`.
unsafe fn slice_of(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][t][name 2].
    unsafe {
        let elem = slot(w, 1) as *const Type;
        let d = make_slice_type(elem, str_at(w, 2));
        set(w, 0, d as u64);
    }
    Ok(())
}

/// The descriptor of `[]elem` spelled `name`.
///
/// # Safety
/// `elem` is a descriptor.
unsafe fn make_slice_type(elem: *const Type, name: &[u8]) -> *const Type {
    let mut g = registry();
    let r = g.get_or_insert_with(Registry::default);
    if let Some(&d) = r.slice.get(&(elem as usize)) {
        return d as *const Type;
    }
    let mut t = Type::with_pointers(24, Kind::Slice, &ONE_POINTER, "");
    t.name = leak_str(name);
    t.hash = fnv(name);
    let p = Box::leak(Box::new(SliceType { typ: t, elem }));
    // SAFETY: p was just leaked.
    unsafe { publish(r, &mut p.typ) }
}

/// The pointer words of a value of type `t`, as bools.
///
/// # Safety
/// `t` is a descriptor.
unsafe fn words_of(t: *const Type) -> Vec<bool> {
    // SAFETY: caller's contract.
    unsafe {
        (0..(*t).ptrdata / 8)
            .map(|i| (*t).is_pointer_word(i))
            .collect()
    }
}

/// Fills size-derived GC fields of `t` from its pointer words.
fn set_pointers(t: &mut Type, words: &[bool]) {
    let last = words.iter().rposition(|b| *b);
    match last {
        None => {
            t.ptrdata = 0;
            t.gcdata = std::ptr::null();
        }
        Some(i) => {
            t.ptrdata = (i + 1) * 8;
            let mut bits = vec![0u8; (i + 1).div_ceil(8)];
            for (k, b) in words[..=i].iter().enumerate() {
                if *b {
                    bits[k / 8] |= 1 << (k % 8);
                }
            }
            t.gcdata = Box::leak(bits.into_boxed_slice()).as_ptr();
        }
    }
}

/// `arrayOf(n int, elem *rtype, name string) *rtype`.
unsafe fn array_of(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][n][elem][name 2].
    unsafe {
        let n = slot(w, 1) as usize;
        let elem = slot(w, 2) as *const Type;
        let name = str_at(w, 3);
        {
            let g = registry();
            if let Some(&d) = g.as_ref().and_then(|r| r.array.get(&(elem as usize, n))) {
                set(w, 0, d as u64);
                return Ok(());
            }
        }
        let es = (*elem).size;
        // `[N]T` → `[]T`.
        let close = name.iter().position(|c| *c == b']').map_or(0, |i| i + 1);
        let slice_name = [b"[]".as_slice(), &name[close..]].concat();
        let slice = make_slice_type(elem, &slice_name);
        let mut t = Type::noscan(es * n, (*elem).align, Kind::Array, "");
        t.field_align = (*elem).field_align;
        t.name = leak_str(name);
        t.hash = fnv(name);
        t.tflag = (*elem).tflag & tflag::REGULAR_MEMORY;
        let ew = words_of(elem);
        let mut words = Vec::new();
        if !ew.is_empty() && n > 0 {
            words.resize((n - 1) * es / 8 + ew.len(), false);
            for i in 0..n {
                for (j, b) in ew.iter().enumerate() {
                    if *b {
                        words[i * es / 8 + j] = true;
                    }
                }
            }
        }
        set_pointers(&mut t, &words);
        let p = Box::leak(Box::new(ArrayType {
            typ: t,
            elem,
            slice,
            len: n,
        }));
        let mut g = registry();
        let r = g.get_or_insert_with(Registry::default);
        let d = publish(r, &mut p.typ);
        set(w, 0, d as u64);
    }
    Ok(())
}

/// `mapOf(k, e *rtype, name string) *rtype`.
unsafe fn map_of(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][k][e][name 2]; descriptors live forever.
    unsafe {
        let (k, e) = (slot(w, 1) as *const Type, slot(w, 2) as *const Type);
        let mut g = registry();
        let r = g.get_or_insert_with(Registry::default);
        if let Some(&d) = r.map.get(&(k as usize, e as usize)) {
            set(w, 0, d as u64);
            return Ok(());
        }
        let Some(m) = map::new_map_type(&*k, &*e) else {
            return Err(fail("reflect.MapOf: invalid key type"));
        };
        let d = &m.typ as *const Type as *mut Type;
        let name = str_at(w, 3);
        (*d).name = leak_str(name);
        (*d).hash = fnv(name);
        (*d).tflag |= tflag::DIRECT_IFACE;
        index(r, d);
        set(w, 0, d as u64);
    }
    Ok(())
}

/// `chanOf(dir int, t *rtype, name string) *rtype`.
unsafe fn chan_of(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][dir][t][name 2].
    unsafe {
        let dir = slot(w, 1) as usize;
        let elem = slot(w, 2) as *const Type;
        let mut g = registry();
        let r = g.get_or_insert_with(Registry::default);
        if let Some(&d) = r.chan.get(&(elem as usize, dir)) {
            set(w, 0, d as u64);
            return Ok(());
        }
        let p = Box::leak(Box::new(ChanType {
            typ: pointer_shaped(Kind::Chan, str_at(w, 3), true),
            elem,
            dir,
        }));
        let d = publish(r, &mut p.typ);
        set(w, 0, d as u64);
    }
    Ok(())
}

/// `funcOf(in, out []*rtype, variadic bool, name string) *rtype`.
unsafe fn func_of(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][in 3][out 3][variadic][name 2].
    unsafe {
        let list = |i: usize| -> Vec<usize> {
            let (p, n) = (slot(w, i) as *const usize, slot(w, i + 1) as usize);
            if n == 0 {
                Vec::new()
            } else {
                std::slice::from_raw_parts(p, n).to_vec()
            }
        };
        let (ins, outs) = (list(1), list(4));
        let variadic = slot(w, 7) != 0;
        let mut ps = ins.clone();
        ps.extend_from_slice(&outs);
        let key = (ps.clone(), ins.len(), variadic);
        let mut g = registry();
        let r = g.get_or_insert_with(Registry::default);
        if let Some(&d) = r.func.get(&key) {
            set(w, 0, d as u64);
            return Ok(());
        }
        let params: Vec<*const Type> = ps.iter().map(|p| *p as *const Type).collect();
        let p = Box::leak(Box::new(FuncType {
            typ: pointer_shaped(Kind::Func, str_at(w, 8), false),
            in_count: ins.len() as u16,
            out_count: outs.len() as u16 | if variadic { 0x8000 } else { 0 },
            params: Box::leak(params.into_boxed_slice()).as_ptr(),
        }));
        let d = publish(r, &mut p.typ);
        set(w, 0, d as u64);
    }
    Ok(())
}

/// `structOf(fields []structField, size, align uintptr, name, pkgPath string) *rtype`:
/// the Go side lays the fields out (offsets) and spells the name.
unsafe fn struct_of(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][fields 3][size][align][name 2][pkg 2]... the
    // field records have StructField's layout.
    unsafe {
        let (fp, n) = (slot(w, 1) as *const StructField, slot(w, 2) as usize);
        let fields: &[StructField] = if n == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(fp, n)
        };
        let size = slot(w, 4) as usize;
        let align = slot(w, 5) as u8;
        let name = str_at(w, 6);
        let mut g = registry();
        let r = g.get_or_insert_with(Registry::default);
        if let Some(list) = r.structs.get(name) {
            for &d in list {
                let st = &*(d as *const StructType);
                if st.nfields == n
                    && (0..n).all(|i| {
                        let (a, b) = (&*st.fields.add(i), &fields[i]);
                        a.typ == b.typ
                            && a.offset == b.offset
                            && a.embedded == b.embedded
                            && a.name.as_bytes() == b.name.as_bytes()
                            && a.tag.as_bytes() == b.tag.as_bytes()
                    })
                {
                    set(w, 0, d as u64);
                    return Ok(());
                }
            }
        }
        let mut t = Type::noscan(size, align.max(1), Kind::Struct, "");
        t.name = leak_str(name);
        t.hash = fnv(name);
        let mut words = vec![false; size / 8];
        let mut regular = true;
        let mut end = 0;
        for f in fields {
            let ft = f.typ;
            for (j, b) in words_of(ft).iter().enumerate() {
                if *b && f.offset % 8 == 0 {
                    if let Some(x) = words.get_mut(f.offset / 8 + j) {
                        *x = true;
                    }
                }
            }
            if f.offset != end
                || (*ft).tflag & tflag::REGULAR_MEMORY == 0
                || f.name.as_bytes() == b"_"
            {
                regular = false;
            }
            end = f.offset + (*ft).size;
        }
        if regular && end == size {
            t.tflag |= tflag::REGULAR_MEMORY;
        }
        set_pointers(&mut t, &words);
        let copied: Vec<StructField> = fields
            .iter()
            .map(|f| StructField {
                name: leak_str(f.name.as_bytes()),
                typ: f.typ,
                offset: f.offset,
                tag: leak_str(f.tag.as_bytes()),
                embedded: f.embedded,
            })
            .collect();
        let p = Box::leak(Box::new(StructType {
            typ: t,
            pkg_path: leak_str(str_at(w, 8)),
            fields: Box::leak(copied.into_boxed_slice()).as_ptr(),
            nfields: n,
        }));
        let d = publish(r, &mut p.typ);
        set(w, 0, d as u64);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Memory.

/// `unsafe_New(t *rtype) unsafe.Pointer`.
unsafe fn unsafe_new(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][t].
    unsafe {
        let t = slot(w, 1) as *const Type;
        set(w, 0, mallocgc((*t).size, t, true) as u64);
    }
    Ok(())
}

/// `unsafe_NewArray(t *rtype, n int) unsafe.Pointer`.
unsafe fn unsafe_new_array(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][t][n].
    unsafe {
        let t = slot(w, 1) as *const Type;
        let n = slot(w, 2) as usize;
        let Some(size) = (*t).size.checked_mul(n).filter(|s| *s < 1 << 40) else {
            return Err(fail("reflect: slice too large"));
        };
        set(w, 0, mallocgc(size, t, true) as u64);
    }
    Ok(())
}

/// `typedmemmove(t *rtype, dst, src unsafe.Pointer)`.
unsafe fn typedmemmove(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [t][dst][src]; both hold values of type t.
    unsafe {
        let t = slot(w, 0) as *const Type;
        let (d, s) = (slot(w, 1) as *mut u8, slot(w, 2) as *const u8);
        if (*t).size > 0 && !std::ptr::eq(d, s) {
            std::ptr::copy(s, d, (*t).size);
        }
    }
    Ok(())
}

/// `typedmemclr(t *rtype, p unsafe.Pointer)`.
unsafe fn typedmemclr(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [t][p]; p holds a value of type t.
    unsafe {
        let t = slot(w, 0) as *const Type;
        let p = slot(w, 1) as *mut u8;
        if (*t).size > 0 {
            std::ptr::write_bytes(p, 0, (*t).size);
        }
    }
    Ok(())
}

/// `typeEqual(t *rtype, a, b unsafe.Pointer) (eq bool, bad *rtype)`: bad
/// is the incomparable type met (then eq is false).
unsafe fn type_equal(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [eq][bad][t][a][b]; a and b hold values of type t.
    unsafe {
        let t = slot(w, 2) as *const Type;
        match rgo_runtime::alg::typeequal_checked(
            &*t,
            slot(w, 3) as *const u8,
            slot(w, 4) as *const u8,
        ) {
            Ok(eq) => {
                set(w, 0, eq as u64);
                set(w, 1, 0);
            }
            Err(bad) => {
                set(w, 0, 0);
                set(w, 1, bad as u64);
            }
        }
    }
    Ok(())
}

/// `comparable(t *rtype) bool`.
unsafe fn comparable(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][t].
    unsafe {
        let t = slot(w, 1) as *const Type;
        set(w, 0, rgo_runtime::alg::comparable(&*t) as u64);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Maps.

fn map_err(e: map::MapError) -> PanicValue {
    fail(e.message())
}

/// # Safety
/// `p` is a map descriptor built by `new_map_type`.
unsafe fn mt<'a>(p: u64) -> &'a MapType {
    // SAFETY: caller's contract.
    unsafe { &*(p as *const MapType) }
}

/// `mapaccess(t *rtype, m, key unsafe.Pointer) unsafe.Pointer`: nil when absent.
unsafe fn mapaccess(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][t][m][key].
    unsafe {
        let (p, ok) = map::mapaccess2(
            mt(slot(w, 1)),
            slot(w, 2) as *mut HMap,
            slot(w, 3) as *const u8,
        )
        .map_err(map_err)?;
        set(w, 0, if ok { p as u64 } else { 0 });
    }
    Ok(())
}

/// `mapassign(t *rtype, m, key, val unsafe.Pointer)`.
unsafe fn mapassign(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [t][m][key][val]; val holds an element.
    unsafe {
        let t = mt(slot(w, 0));
        let p =
            map::mapassign(t, slot(w, 1) as *mut HMap, slot(w, 2) as *const u8).map_err(map_err)?;
        let es = (*t.elem).size;
        if es > 0 {
            std::ptr::copy(slot(w, 3) as *const u8, p, es);
        }
    }
    Ok(())
}

/// `mapdelete(t *rtype, m, key unsafe.Pointer)`.
unsafe fn mapdelete(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [t][m][key].
    unsafe {
        map::mapdelete(
            mt(slot(w, 0)),
            slot(w, 1) as *mut HMap,
            slot(w, 2) as *const u8,
        )
        .map_err(map_err)
    }
}

/// `maplen(m unsafe.Pointer) int`.
unsafe fn maplen(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][m]; m is null or a map.
    unsafe { set(w, 0, map::maplen(slot(w, 1) as *const HMap) as u64) };
    Ok(())
}

/// `mapclear(t *rtype, m unsafe.Pointer)`.
unsafe fn mapclear(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [t][m].
    unsafe {
        let h = slot(w, 1) as *mut HMap;
        if !h.is_null() {
            map::mapclear(mt(slot(w, 0)), h);
        }
    }
    Ok(())
}

/// `makemap(t *rtype, n int) unsafe.Pointer`.
unsafe fn makemap(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][t][n].
    unsafe {
        let n = slot(w, 2) as i64;
        set(w, 0, map::makemap(mt(slot(w, 1)), n.max(0) as isize) as u64);
    }
    Ok(())
}

/// `mapiternext(it unsafe.Pointer)`.
unsafe fn mapiternext(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [it]; it came from mapiterinit; one at its end
    // (key nil) is left alone.
    unsafe {
        let it = slot(w, 0) as *mut HIter;
        if !(*it).key.is_null() {
            map::mapiternext(it);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Channels.

/// `makechan(t *rtype, size int) unsafe.Pointer` (t: the channel type).
unsafe fn makechan(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][t][size]; t is a ChanType.
    unsafe {
        let t = slot(w, 1) as *const ChanType;
        let c = chan::makechan((*t).elem, slot(w, 2) as i64)?;
        set(w, 0, c as u64);
    }
    Ok(())
}

/// `chanlen(c unsafe.Pointer) int`.
unsafe fn chanlen(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][c].
    unsafe { set(w, 0, chan::chanlen(slot(w, 1) as *mut HChan) as u64) };
    Ok(())
}

/// `chancap(c unsafe.Pointer) int`.
unsafe fn chancap(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][c].
    unsafe { set(w, 0, chan::chancap(slot(w, 1) as *mut HChan) as u64) };
    Ok(())
}

/// `chanclose(c unsafe.Pointer)`.
unsafe fn chanclose(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [c].
    unsafe { chan::closechan(slot(w, 0) as *mut HChan) }
}

/// `chansend(c, val unsafe.Pointer, nb bool) bool`: val points at heap
/// memory (it must outlive a park).
unsafe fn chansend(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][c][val][nb].
    unsafe {
        let nb = slot(w, 3) != 0;
        // A blocking send that parks completes when readied: it sent.
        set(w, 0, 1);
        let ok = chan::chansend(slot(w, 1) as *mut HChan, slot(w, 2) as *const u8, !nb)?;
        set(w, 0, ok as u64);
    }
    Ok(())
}

/// `chanrecv(c unsafe.Pointer, nb bool, dst unsafe.Pointer) (selected, ok bool)`.
unsafe fn chanrecv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [selected][ok][c][nb][dst]; dst is heap memory; the
    // `ok` slot stays put while the goroutine is parked (stacks do not
    // move then), and the waker writes it.
    unsafe {
        let nb = slot(w, 3) != 0;
        set(w, 0, 1);
        set(w, 1, 0);
        let (sel, ok) = chan::chanrecv(
            slot(w, 2) as *mut HChan,
            slot(w, 4) as *mut u8,
            w.add(1),
            !nb,
        )?;
        set(w, 0, sel as u64);
        set(w, 1, ok as u64);
    }
    Ok(())
}

/// `rselect(cases []selectCase, block bool) (chosen int, recvOK bool)`:
/// reflect.Select on the runtime's select (runtime/select.rs), so it
/// blocks, wakes and reports deadlock as a select statement does. Each
/// case is `{dir uintptr; ch, val unsafe.Pointer}`: dir 1 send (val
/// points at the value), 2 receive (val points at heap memory for the
/// value), 0 a case that never fires (nil channel).
unsafe fn rselect(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [chosen][recvOK][cases ptr, len, cap][block]; the
    // case array holds channels made by reflect (valid or nil) and
    // element pointers to heap memory of the element type.
    unsafe {
        let p = slot(w, 2) as *const u64;
        let n = slot(w, 3) as usize;
        let cases = (0..n)
            .map(|i| {
                let c = p.add(3 * i);
                let dir = *c;
                rgo_runtime::select::Case {
                    c: if dir == 0 {
                        std::ptr::null_mut()
                    } else {
                        *c.add(1) as *mut HChan
                    },
                    send: dir == 1,
                    elem: *c.add(2) as *mut u8,
                }
            })
            .collect();
        rgo_runtime::select::select_cases(w, cases, slot(w, 5) != 0)
    }
}

// ---------------------------------------------------------------------------
// Interfaces.

/// `getitab(inter, t *rtype) (itab unsafe.Pointer, missing string)`.
unsafe fn getitab(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [itab][missing 2][inter][t].
    unsafe {
        let (p, missing) = rgo_runtime::natives::getitab(
            slot(w, 3) as *const InterfaceType,
            slot(w, 4) as *const Type,
        );
        set(w, 0, p as u64);
        super::put_string(w, 1, missing.unwrap_or_default().as_bytes());
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Calls.

/// `stubID(kind, nslots int) (id uintptr, size int)`: the generated stub
/// of family `kind` (0 call, 1 method, 2 MakeFunc) serving windows of
/// `nslots`, and its window size; size 0 when none is big enough.
unsafe fn stub_id(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [id][size][kind][nslots].
    unsafe {
        let (kind, n) = (slot(w, 2) as usize, slot(w, 3) as usize);
        let g = STUBS.lock().unwrap_or_else(|e| e.into_inner());
        let found = g.iter().find(|(size, _)| *size as usize >= n);
        match found {
            Some((size, ids)) if kind < 3 => {
                set(w, 0, ids[kind] as u64);
                set(w, 1, *size as u64);
            }
            _ => {
                set(w, 0, 0);
                set(w, 1, 0);
            }
        }
    }
    Ok(())
}

/// `funcName(fv unsafe.Pointer) string`: the name of fv's function.
unsafe fn func_name(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res 2][fv]; fv is nil or a func value.
    unsafe {
        let fv = slot(w, 2) as *const u64;
        let name = if fv.is_null() {
            None
        } else {
            rgo_runtime::interp::func_name(rgo_runtime::op::FuncId(*fv as u32))
        };
        super::put_string(w, 0, name.unwrap_or_default().as_bytes());
    }
    Ok(())
}

/// `funcEntry(code uintptr) uintptr`: the entry pc of the function whose
/// id is a func value's code word (what runtime.FuncForPC maps back).
unsafe fn func_entry(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][code].
    unsafe {
        let id = slot(w, 1);
        *w = if id > u32::MAX as u64 {
            0
        } else {
            rgo_runtime::symtab::entry_pc(rgo_runtime::op::FuncId(id as u32))
        };
    }
    Ok(())
}

/// Call stub, before the call: frame `[fn][buf][nres][nargs][fv][window]`;
/// copies the arguments from `buf` into the window.
unsafe fn call_in(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the stub's frame is 5 + N slots with nres + nargs <= N
    // (reflect picked the stub by size); buf holds nres + nargs words.
    unsafe {
        let buf = slot(w, 1) as *const u64;
        let (nres, nargs) = (slot(w, 2) as usize, slot(w, 3) as usize);
        std::ptr::write_bytes(w.add(5), 0, nres);
        std::ptr::copy_nonoverlapping(buf.add(nres), w.add(5 + nres), nargs);
        set(w, 4, slot(w, 0));
    }
    Ok(())
}

/// Call stub, after the call: copies the results back to `buf`.
unsafe fn call_out(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as call_in.
    unsafe {
        let buf = slot(w, 1) as *mut u64;
        let nres = slot(w, 2) as usize;
        std::ptr::copy_nonoverlapping(w.add(5), buf, nres);
    }
    Ok(())
}

/// Word offsets in a method trampoline's context (reflect's `methodStub`).
mod mctx {
    pub const N: usize = 1;
    pub const NRES: usize = 2;
    pub const NARGS: usize = 3;
    pub const FN: usize = 4;
    pub const RCVR: usize = 5;
    pub const EXPR: usize = 6;
    pub const RSLOTS: usize = 7;
    pub const RTYP: usize = 8;
}

/// Method trampoline, before the call. The native's window starts at
/// slot N of the trampoline's frame: `[ctx][fv][method window...]`, the
/// caller's window `[results][receiver?][arguments]` is the N slots
/// before it. Builds `[results][receiver data word][arguments]`.
unsafe fn meth_in(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the context was built by reflect for a trampoline of this
    // size (nres + rslots + nargs <= N); the frame spans 2N + 3 slots.
    unsafe {
        let ctx = slot(w, 0) as *const u64;
        let n = *ctx.add(mctx::N) as usize;
        let outer = w.sub(n);
        let nres = *ctx.add(mctx::NRES) as usize;
        let nargs = *ctx.add(mctx::NARGS) as usize;
        let expr = *ctx.add(mctx::EXPR) != 0;
        let rslots = if expr {
            *ctx.add(mctx::RSLOTS) as usize
        } else {
            0
        };
        let win = w.add(2);
        std::ptr::write_bytes(win, 0, nres);
        let rcvr = if !expr {
            *ctx.add(mctx::RCVR)
        } else {
            let rt = *ctx.add(mctx::RTYP) as *const Type;
            if (*rt).tflag & tflag::DIRECT_IFACE != 0 {
                *outer.add(nres)
            } else {
                let p = mallocgc((*rt).size, rt, true);
                std::ptr::copy_nonoverlapping(outer.add(nres) as *const u8, p, (*rt).size);
                p as u64
            }
        };
        *win.add(nres) = rcvr;
        std::ptr::copy_nonoverlapping(outer.add(nres + rslots), win.add(nres + 1), nargs);
        set(w, 1, *ctx.add(mctx::FN));
    }
    Ok(())
}

/// Method trampoline, after the call: results back to the caller's window.
unsafe fn meth_out(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as meth_in.
    unsafe {
        let ctx = slot(w, 0) as *const u64;
        let n = *ctx.add(mctx::N) as usize;
        let nres = *ctx.add(mctx::NRES) as usize;
        std::ptr::copy_nonoverlapping(w.add(2), w.sub(n), nres);
    }
    Ok(())
}

/// MakeFunc trampoline, on entry: the native's window starts at slot N:
/// `[ctx][buf][fv]...`; copies the caller's window (results then
/// arguments, nres + nargs slots) into a new heap buffer.
unsafe fn mf_in(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the context (reflect's `funcStub`) matches this trampoline
    // size: nres + nargs <= N.
    unsafe {
        let ctx = slot(w, 0) as *const u64;
        let n = *ctx.add(mctx::N) as usize;
        let total = *ctx.add(mctx::NRES) as usize + *ctx.add(mctx::NARGS) as usize;
        let buf = mallocgc(
            total.max(1) * 8,
            &rgo_runtime::typedesc::POINTER_WORD_TYPE,
            true,
        ) as *mut u64;
        std::ptr::copy_nonoverlapping(w.sub(n), buf, total);
        set(w, 1, buf as u64);
    }
    Ok(())
}

/// MakeFunc trampoline, on exit: the results `post` stored in the buffer
/// go to the caller's window.
unsafe fn mf_out(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as mf_in.
    unsafe {
        let ctx = slot(w, 0) as *const u64;
        let n = *ctx.add(mctx::N) as usize;
        let nres = *ctx.add(mctx::NRES) as usize;
        std::ptr::copy_nonoverlapping(slot(w, 1) as *const u64, w.sub(n), nres);
    }
    Ok(())
}
