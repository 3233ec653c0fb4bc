//! Layout of Go values in frames and memory, and the runtime type
//! descriptors (`typedesc::Type` and its kind-specific extensions) the
//! compiler emits for the loaded program.
//!
//! Values are in Go's memory layout (linux/amd64, `rgo_types::sizes`); a
//! value of `n` bytes occupies `ceil(n/8)` frame slots holding exactly its
//! memory image, so moving it between frame and heap is a copy. A scalar
//! alone in a slot is kept sign- or zero-extended to 64 bits.
//!
//! Descriptors: one per distinct type (identical types share one, found
//! through their type string and `predicates::identical`), leaked so their
//! addresses are stable for the whole run (typedesc's invariant). A
//! recursive type is registered before its components are built, so
//! `type L struct{ next *L }` terminates.

use std::collections::HashMap;

use rgo_runtime::op::MemKind;
use rgo_runtime::symtab::ArgPart;
use rgo_runtime::typedesc::{self as td, GoStr, Kind};
use rgo_types::constant::BasicKind;
use rgo_types::types::{Type, TypeId, World};
use rgo_types::typestring::LocalTypeNames;

/// Number of 8-byte slots a value of `t` occupies.
pub fn slots(w: &World, t: TypeId) -> u32 {
    (w.sizeof(t).max(0) as u32).div_ceil(8)
}

/// The memory access kind of a scalar type of size < 8 (or W64).
pub fn mem_kind(w: &World, t: TypeId) -> MemKind {
    use BasicKind::*;
    match w.types.basic_kind(t) {
        Some(Int8) => MemKind::I8,
        Some(Uint8) | Some(Bool) => MemKind::U8,
        Some(Int16) => MemKind::I16,
        Some(Uint16) => MemKind::U16,
        Some(Int32) => MemKind::I32,
        Some(Uint32) | Some(Float32) => MemKind::U32,
        _ => match w.sizeof(t) {
            1 => MemKind::U8,
            2 => MemKind::U16,
            4 => MemKind::U32,
            _ => MemKind::W64,
        },
    }
}

/// Is `t` a single scalar word (or less) loaded with one `Load`?
pub fn is_scalar(w: &World, t: TypeId) -> bool {
    matches!(
        w.types.get(w.types.under(t)),
        Type::Basic(_) | Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Signature(_)
    ) && w.sizeof(t) <= 8
}

/// Marks in `out` (one entry per word of the value) the words that hold
/// pointers.
pub fn pointer_words(w: &World, t: TypeId, base: usize, out: &mut Vec<bool>) {
    let u = w.types.under(t);
    let set = |i: usize, out: &mut Vec<bool>| {
        if out.len() <= i {
            out.resize(i + 1, false);
        }
        out[i] = true;
    };
    match w.types.get(u) {
        Type::Basic(BasicKind::String) | Type::Basic(BasicKind::UntypedString) => set(base, out),
        Type::Basic(BasicKind::UnsafePointer) | Type::Basic(BasicKind::UntypedNil) => {
            set(base, out)
        }
        Type::Basic(_) => {}
        Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Signature(_) | Type::Slice(_) => {
            set(base, out)
        }
        Type::Interface(_) => {
            set(base, out);
            set(base + 1, out);
        }
        Type::Array(n, e) => {
            let es = w.sizeof(*e).max(0) as usize;
            if es >= 8 && es.is_multiple_of(8) {
                let mut inner = Vec::new();
                pointer_words(w, *e, 0, &mut inner);
                if inner.iter().any(|b| *b) {
                    for i in 0..(*n).max(0) as usize {
                        for (j, b) in inner.iter().enumerate() {
                            if *b {
                                set(base + i * es / 8 + j, out);
                            }
                        }
                    }
                }
            }
        }
        Type::Struct(s) => {
            let offs = w.offsetsof(&s.fields);
            for (f, off) in s.fields.iter().zip(offs) {
                if off >= 0 && off % 8 == 0 {
                    pointer_words(w, w.obj(*f).typ, base + off as usize / 8, out);
                }
            }
        }
        _ => {}
    }
}

/// Appends to `out` how a traceback prints a parameter of type `t` at
/// byte `off` of the argument area (gc's `emitArgInfo`): scalars by
/// size, strings, slices, interfaces, complex numbers, arrays and structs
/// braced; at most 10 components (`n` counts them) and 5 levels, `...`
/// beyond. Returns false once the limit is reached.
pub fn arg_info(
    w: &World,
    t: TypeId,
    off: u32,
    depth: u32,
    n: &mut u32,
    out: &mut Vec<ArgPart>,
) -> bool {
    const MAX_DEPTH: u32 = 5;
    if *n >= ARG_LIMIT {
        out.push(ArgPart::Dots);
        return false;
    }
    let ty = w.types.get(w.types.under(t)).clone();
    let aggregate = matches!(
        ty,
        Type::Struct(_)
            | Type::Array(..)
            | Type::Interface(_)
            | Type::Slice(_)
            | Type::Basic(BasicKind::String)
            | Type::Basic(BasicKind::Complex64)
            | Type::Basic(BasicKind::Complex128)
    );
    if !aggregate {
        out.push(ArgPart::Scalar {
            off,
            size: w.sizeof(t).clamp(0, 8) as u8,
        });
        *n += 1;
        return true;
    }
    out.push(ArgPart::Start);
    let depth = depth + 1;
    if depth >= MAX_DEPTH {
        out.push(ArgPart::Dots);
        out.push(ArgPart::End);
        *n += 1;
        return true;
    }
    match ty {
        Type::Interface(_) | Type::Basic(BasicKind::String) => {
            let _ = arg_scalar(off, 8, n, out) && arg_scalar(off + 8, 8, n, out);
        }
        Type::Slice(_) => {
            let _ = arg_scalar(off, 8, n, out)
                && arg_scalar(off + 8, 8, n, out)
                && arg_scalar(off + 16, 8, n, out);
        }
        Type::Basic(BasicKind::Complex64) => {
            let _ = arg_scalar(off, 4, n, out) && arg_scalar(off + 4, 4, n, out);
        }
        Type::Basic(_) => {
            let _ = arg_scalar(off, 8, n, out) && arg_scalar(off + 8, 8, n, out);
        }
        Type::Array(len, e) => {
            if len <= 0 {
                *n += 1;
            }
            let es = w.sizeof(e).max(0) as u32;
            for i in 0..len.max(0) as u32 {
                if !arg_info(w, e, off + i * es, depth, n, out) {
                    break;
                }
            }
        }
        Type::Struct(st) => {
            if st.fields.is_empty() {
                *n += 1;
            }
            let offs = w.offsetsof(&st.fields);
            for (f, o) in st.fields.iter().zip(offs) {
                if !arg_info(w, w.obj(*f).typ, off + o.max(0) as u32, depth, n, out) {
                    break;
                }
            }
        }
        _ => {}
    }
    out.push(ArgPart::End);
    true
}

/// Most components a traceback prints of a frame's arguments (gc's
/// `traceArgsLimit`).
const ARG_LIMIT: u32 = 10;

/// A scalar component of an aggregate in [`arg_info`].
fn arg_scalar(off: u32, size: u8, n: &mut u32, out: &mut Vec<ArgPart>) -> bool {
    if *n >= ARG_LIMIT {
        out.push(ArgPart::Dots);
        return false;
    }
    out.push(ArgPart::Scalar { off, size });
    *n += 1;
    true
}

/// The reflect kind of a type.
pub fn kind_of(w: &World, t: TypeId) -> Kind {
    use BasicKind::*;
    match w.types.get(w.types.under(t)) {
        Type::Basic(k) => match k {
            Bool | UntypedBool => Kind::Bool,
            Int | UntypedInt => Kind::Int,
            Int8 => Kind::Int8,
            Int16 => Kind::Int16,
            Int32 | UntypedRune => Kind::Int32,
            Int64 => Kind::Int64,
            Uint => Kind::Uint,
            Uint8 => Kind::Uint8,
            Uint16 => Kind::Uint16,
            Uint32 => Kind::Uint32,
            Uint64 => Kind::Uint64,
            Uintptr => Kind::Uintptr,
            Float32 => Kind::Float32,
            Float64 | UntypedFloat => Kind::Float64,
            Complex64 => Kind::Complex64,
            Complex128 | UntypedComplex => Kind::Complex128,
            String | UntypedString => Kind::String,
            UnsafePointer => Kind::UnsafePointer,
            _ => Kind::Invalid,
        },
        Type::Array(..) => Kind::Array,
        Type::Slice(_) => Kind::Slice,
        Type::Struct(_) => Kind::Struct,
        Type::Pointer(_) => Kind::Pointer,
        Type::Signature(_) => Kind::Func,
        Type::Interface(_) => Kind::Interface,
        Type::Map(..) => Kind::Map,
        Type::Chan(..) => Kind::Chan,
        _ => Kind::Invalid,
    }
}

/// Values of these types are stored directly in an interface's data word.
pub fn is_direct_iface(w: &World, t: TypeId) -> bool {
    matches!(
        kind_of(w, t),
        Kind::Pointer | Kind::Map | Kind::Chan | Kind::Func | Kind::UnsafePointer
    )
}

/// Memory of the type can be compared byte-wise (no floats, strings,
/// interfaces or padding).
pub(crate) fn regular_memory(w: &World, t: TypeId) -> bool {
    match w.types.get(w.types.under(t)) {
        Type::Basic(k) => !matches!(
            k,
            BasicKind::Float32
                | BasicKind::Float64
                | BasicKind::Complex64
                | BasicKind::Complex128
                | BasicKind::String
        ),
        Type::Pointer(_) | Type::Chan(..) => true,
        Type::Array(_, e) => regular_memory(w, *e),
        Type::Struct(s) => {
            let offs = w.offsetsof(&s.fields);
            let mut end = 0i64;
            for (f, off) in s.fields.iter().zip(offs) {
                // Blank fields take no part in comparisons.
                if off != end || w.obj(*f).name == "_" || !regular_memory(w, w.obj(*f).typ) {
                    return false;
                }
                end = off + w.sizeof(w.obj(*f).typ);
            }
            end == w.sizeof(t)
        }
        _ => false,
    }
}

/// The type's string as Go's runtime spells it: `byte` and `rune` are
/// `uint8` and `int32`, the empty interface is `interface {}`.
pub fn runtime_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    let is_id = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'.';
    // Open braces: true for those of a `struct{...}`/`interface{...}`
    // with members, whose closing brace gets a space (` }`).
    let mut braces: Vec<bool> = Vec::new();
    // Open type argument lists, each with its depth of other brackets.
    let mut targs: Vec<u32> = Vec::new();
    while i < b.len() {
        let word = |w: &str| {
            s[i..].starts_with(w)
                && (i == 0 || !is_id(b[i - 1]))
                && !b.get(i + w.len()).is_some_and(|c| is_id(*c))
        };
        if word("byte") {
            out.push_str("uint8");
            i += 4;
        } else if word("rune") {
            out.push_str("int32");
            i += 4;
        } else if word("any") {
            out.push_str("interface {}");
            i += 3;
        } else if s[i..].starts_with("interface{}") {
            out.push_str("interface {}");
            i += 11;
        } else if s[i..].starts_with("struct{}") && (i == 0 || !is_id(b[i - 1])) {
            out.push_str("struct {}");
            i += 8;
        } else if (word("struct") || word("interface"))
            && b.get(i + if b[i] == b's' { 6 } else { 9 }) == Some(&b'{')
        {
            // `struct{a int}` is `struct { a int }` at run time.
            let kw = if b[i] == b's' { "struct" } else { "interface" };
            out.push_str(kw);
            out.push_str(" { ");
            braces.push(true);
            i += kw.len() + 1;
        } else if b[i] == b'['
            && i > 0
            && is_id(b[i - 1])
            && !(s[..i].ends_with("map") && (i == 3 || !is_id(b[i - 4])))
        {
            // A type argument list: `G[int,string]` at run time.
            targs.push(0);
            out.push('[');
            i += 1;
        } else if (b[i] == b'[' || b[i] == b'(') && !targs.is_empty() {
            if let Some(d) = targs.last_mut() {
                *d += 1;
            }
            out.push(b[i] as char);
            i += 1;
        } else if (b[i] == b']' || b[i] == b')') && !targs.is_empty() {
            if let Some(d) = targs.last_mut() {
                if *d == 0 {
                    targs.pop();
                } else {
                    *d -= 1;
                }
            }
            out.push(b[i] as char);
            i += 1;
        } else if b[i] == b',' && targs.last() == Some(&0) && b.get(i + 1) == Some(&b' ') {
            out.push(',');
            i += 2;
        } else if b[i] == b'{' {
            braces.push(false);
            out.push('{');
            i += 1;
        } else if b[i] == b'}' {
            if braces.pop() == Some(true) {
                out.push_str(" }");
            } else {
                out.push('}');
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The runtime's name of a func type: parameter and result types only.
fn func_name(w: &World, s: &rgo_types::types::Signature, locals: &LocalTypeNames) -> String {
    let ts = |v: &[rgo_types::types::ObjId]| -> Vec<String> {
        v.iter()
            .map(|o| runtime_name(&w.runtime_type_string(w.obj(*o).typ, locals)))
            .collect()
    };
    let mut params = ts(&s.params);
    if s.variadic {
        if let Some(last) = params.last_mut() {
            if let Some(elem) = last.strip_prefix("[]") {
                *last = format!("...{}", elem);
            }
        }
    }
    let results = ts(&s.results);
    let mut out = format!("func({})", params.join(", "));
    match results.len() {
        0 => {}
        1 => {
            out.push(' ');
            out.push_str(&results[0]);
        }
        _ => out.push_str(&format!(" ({})", results.join(", "))),
    }
    out
}

/// The GC bitmap of a value whose word `i` holds a pointer when
/// `words[i]` (bit `i % 8` of byte `i / 8`).
pub fn bitmap(words: &[bool]) -> Vec<u8> {
    let mut bits = vec![0u8; words.len() / 8 + 1];
    for (i, b) in words.iter().enumerate() {
        if *b {
            bits[i / 8] |= 1 << (i % 8);
        }
    }
    bits
}

/// The descriptors built so far.
#[derive(Default)]
pub struct Descs {
    by_id: HashMap<TypeId, *const td::Type>,
    by_name: HashMap<String, Vec<(TypeId, *const td::Type)>>,
    /// Method signature descriptors by signature text (receiver left
    /// out): what itab building matches method types by.
    sigs: HashMap<String, *const td::Type>,
    /// Descriptors of types spelled with `func(` (whose spelling may
    /// carry parameter names), for identity across spellings.
    funcs: Vec<(TypeId, *const td::Type)>,
    /// What the names of function-scoped types need (their `·N`, the
    /// type arguments of the generic function declaring them).
    pub locals: LocalTypeNames,
}

fn leak_str(s: String) -> GoStr {
    let s: &'static str = Box::leak(s.into_boxed_str());
    GoStr::from_static(s)
}

impl Descs {
    /// The descriptor of `t`, building it (and its components) once.
    pub fn get(&mut self, w: &mut World, t: TypeId) -> *const td::Type {
        if let Some(&d) = self.by_id.get(&t) {
            return d;
        }
        let mut name = runtime_name(&w.runtime_type_string(t, &self.locals));
        if let Some(list) = self.by_name.get(&name) {
            for &(o, d) in list {
                if rgo_types::predicates::identical(w, o, t) {
                    self.by_id.insert(t, d);
                    return d;
                }
            }
        }
        if name.contains("func(") {
            // Parameter names are part of the spelling, not of the
            // type: `func() (ok bool)` is `func() bool`.
            for &(o, d) in &self.funcs {
                if rgo_types::predicates::identical(w, o, t) {
                    self.by_id.insert(t, d);
                    return d;
                }
            }
            if let Type::Signature(sig) = w.types.get(t) {
                name = func_name(w, sig, &self.locals);
            }
            let d = self.build(w, t, name);
            self.funcs.push((t, d));
            return d;
        }
        self.build(w, t, name)
    }

    fn register(&mut self, t: TypeId, name: &str, d: *const td::Type) {
        self.by_id.insert(t, d);
        self.by_name
            .entry(name.to_string())
            .or_default()
            .push((t, d));
    }

    fn base(w: &World, t: TypeId, name: &str) -> td::Type {
        let size = w.sizeof(t).max(0) as usize;
        let mut words = Vec::new();
        pointer_words(w, t, 0, &mut words);
        let ptrdata = words
            .iter()
            .rposition(|b| *b)
            .map(|i| (i + 1) * 8)
            .unwrap_or(0);
        let gcdata: *const u8 = if ptrdata == 0 {
            std::ptr::null()
        } else {
            Box::leak(bitmap(&words).into_boxed_slice()).as_ptr()
        };
        let kind = kind_of(w, t);
        let mut tflag = 0;
        if regular_memory(w, t) {
            tflag |= td::tflag::REGULAR_MEMORY;
        }
        if matches!(w.types.get(t), Type::Named(_)) {
            tflag |= td::tflag::NAMED;
        }
        if is_direct_iface(w, t) {
            tflag |= td::tflag::DIRECT_IFACE;
        }
        let align = w.alignof(t).max(1) as u8;
        let mut h: u32 = 2166136261;
        for b in name.bytes() {
            h = (h ^ b as u32).wrapping_mul(16777619);
        }
        // A named type records its package (reflect's PkgPath) even
        // without methods; `set_methods` replaces the record later.
        let mut uncommon: *const td::UncommonType = std::ptr::null();
        if let Type::Named(n) = w.types.get(t) {
            let path = w.obj(n.obj).pkg.map(|p| runtime_pkg_path(w, p));
            uncommon = Box::leak(Box::new(td::UncommonType {
                pkg_path: leak_str(path.unwrap_or_default()),
                methods: std::ptr::null(),
                mcount: 0,
                xcount: 0,
            }));
            tflag |= td::tflag::UNCOMMON;
        }
        td::Type {
            size,
            ptrdata,
            hash: h,
            tflag,
            align,
            field_align: align,
            kind: kind as u8,
            equal: None,
            gcdata,
            name: leak_str(name.to_string()),
            ptr_to_this: std::ptr::null(),
            uncommon,
        }
    }

    fn build(&mut self, w: &mut World, t: TypeId, name: String) -> *const td::Type {
        let base = Self::base(w, t, &name);
        let comparable = w.comparable(t);
        let u = w.types.under(t);
        let d: *const td::Type = match w.types.get(u).clone() {
            Type::Pointer(e) => {
                let p = Box::leak(Box::new(td::PtrType {
                    typ: base,
                    elem: std::ptr::null(),
                }));
                self.register(t, &name, &p.typ);
                p.elem = self.get(w, e);
                &p.typ
            }
            Type::Slice(e) => {
                let p = Box::leak(Box::new(td::SliceType {
                    typ: base,
                    elem: std::ptr::null(),
                }));
                self.register(t, &name, &p.typ);
                p.elem = self.get(w, e);
                &p.typ
            }
            Type::Array(n, e) => {
                let p = Box::leak(Box::new(td::ArrayType {
                    typ: base,
                    elem: std::ptr::null(),
                    slice: std::ptr::null(),
                    len: n.max(0) as usize,
                }));
                self.register(t, &name, &p.typ);
                p.elem = self.get(w, e);
                let st = w.types.slice(e);
                p.slice = self.get(w, st);
                &p.typ
            }
            Type::Struct(s) => {
                let p = Box::leak(Box::new(td::StructType {
                    typ: base,
                    pkg_path: GoStr::EMPTY,
                    fields: std::ptr::null(),
                    nfields: s.fields.len(),
                }));
                self.register(t, &name, &p.typ);
                let offs = w.offsetsof(&s.fields);
                let mut fields = Vec::new();
                // The package of unexported field names (reflect's
                // StructField.PkgPath).
                if let Some(f) = s.fields.iter().find(|f| !w.obj(**f).is_exported()) {
                    if let Some(pk) = w.obj(*f).pkg {
                        p.pkg_path = leak_str(runtime_pkg_path(w, pk));
                    }
                }
                for (k, (f, off)) in s.fields.iter().zip(offs).enumerate() {
                    let tag = s.tags.get(k).cloned().flatten().unwrap_or_default();
                    let ft = w.obj(*f).typ;
                    let fname = w.obj(*f).name.to_string();
                    let embedded = matches!(
                        w.obj(*f).kind,
                        rgo_types::types::ObjKind::Var(rgo_types::types::VarInfo {
                            embedded: true,
                            ..
                        })
                    );
                    fields.push(td::StructField {
                        name: leak_str(fname),
                        typ: self.get(w, ft),
                        offset: off.max(0) as usize,
                        tag: if tag.is_empty() {
                            GoStr::EMPTY
                        } else {
                            leak_str(tag)
                        },
                        embedded,
                    });
                }
                p.fields = Box::leak(fields.into_boxed_slice()).as_ptr();
                &p.typ
            }
            Type::Map(k, v) => {
                let kd = self.get(w, k);
                let vd = self.get(w, v);
                // SAFETY: descriptors are leaked and immutable once built.
                let mt = unsafe { rgo_runtime::map::new_map_type(&*kd, &*vd) };
                match mt {
                    Some(m) => {
                        let d = &m.typ as *const td::Type;
                        // SAFETY: the map type was just leaked by
                        // new_map_type and is not shared yet; its common
                        // part takes this type's name and flags.
                        unsafe {
                            let dm = d as *mut td::Type;
                            (*dm).tflag |= base.tflag;
                            (*dm).name = base.name;
                            (*dm).hash = base.hash;
                        }
                        self.register(t, &name, d);
                        d
                    }
                    None => {
                        let p = Box::leak(Box::new(base));
                        self.register(t, &name, p);
                        p
                    }
                }
            }
            Type::Chan(dir, e) => {
                let p = Box::leak(Box::new(td::ChanType {
                    typ: base,
                    elem: std::ptr::null(),
                    dir: match dir {
                        rgo_syntax::ast::ChanDir::Recv => 1,
                        rgo_syntax::ast::ChanDir::Send => 2,
                        rgo_syntax::ast::ChanDir::Both => 3,
                    },
                }));
                self.register(t, &name, &p.typ);
                p.elem = self.get(w, e);
                &p.typ
            }
            Type::Signature(sig) => {
                let p = Box::leak(Box::new(td::FuncType {
                    typ: base,
                    in_count: sig.params.len() as u16,
                    out_count: sig.results.len() as u16 | if sig.variadic { 1 << 15 } else { 0 },
                    params: std::ptr::null(),
                }));
                self.register(t, &name, &p.typ);
                let mut ps = Vec::new();
                for o in sig.params.iter().chain(sig.results.iter()) {
                    let pt = w.obj(*o).typ;
                    ps.push(self.get(w, pt));
                }
                p.params = Box::leak(ps.into_boxed_slice()).as_ptr();
                &p.typ
            }
            Type::Interface(_) => {
                let p = Box::leak(Box::new(td::InterfaceType {
                    typ: base,
                    pkg_path: GoStr::EMPTY,
                    methods: std::ptr::null(),
                    nmethods: 0,
                }));
                self.register(t, &name, &p.typ);
                let ts = w.type_set(u);
                let mut ms = Vec::new();
                for m in &ts.methods {
                    let mt = w.obj(*m).typ;
                    let mtyp = self.method_sig(w, mt);
                    ms.push(td::Method {
                        name: leak_str(w.obj(*m).name.to_string()),
                        mtyp,
                        ifn: 0,
                        tfn: 0,
                    });
                }
                p.nmethods = ms.len();
                p.methods = Box::leak(ms.into_boxed_slice()).as_ptr();
                &p.typ
            }
            _ => {
                let p = Box::leak(Box::new(base));
                self.register(t, &name, p);
                p
            }
        };
        // SAFETY: `d` was leaked above and is not yet shared with running
        // code; filling in the equality function completes it.
        unsafe {
            let dm = d as *mut td::Type;
            if comparable && !matches!(w.types.get(u), Type::Map(..)) {
                (*dm).equal = rgo_runtime::alg::equal_fn_for(&*d);
            }
        }
        d
    }

    /// The type of each descriptor built so far, by address.
    pub fn by_addr(&self) -> HashMap<u64, TypeId> {
        self.by_id.iter().map(|(&t, &d)| (d as u64, t)).collect()
    }

    /// The types that have descriptors so far.
    pub fn type_ids(&self) -> Vec<TypeId> {
        self.by_id.keys().copied().collect()
    }

    /// The descriptor standing for a method's signature `sig` (its
    /// receiver ignored): one per distinct signature text, so two methods
    /// match exactly when their descriptors are the same pointer.
    pub fn method_sig(&mut self, w: &mut World, sig: TypeId) -> *const td::Type {
        let Type::Signature(s) = w.types.get(sig).clone() else {
            return std::ptr::null();
        };
        let list = |v: &[rgo_types::types::ObjId]| -> String {
            v.iter()
                .map(|o| w.type_string(w.obj(*o).typ, None))
                .collect::<Vec<_>>()
                .join(",")
        };
        let key = format!(
            "func({}{}) ({})",
            list(&s.params),
            if s.variadic { "..." } else { "" },
            list(&s.results)
        );
        if let Some(&d) = self.sigs.get(&key) {
            return d;
        }
        // The func type itself (reflect's Method.Type), unless the
        // signature still mentions type parameters.
        let generic = s
            .params
            .iter()
            .chain(s.results.iter())
            .any(|o| mentions_tparam(w, w.obj(*o).typ, 0));
        let d: *const td::Type = if generic {
            let t = td::FuncType {
                typ: td::Type::noscan(8, 8, td::Kind::Func, "func"),
                in_count: 0,
                out_count: 0,
                params: std::ptr::null(),
            };
            &Box::leak(Box::new(t)).typ
        } else {
            let plain = rgo_types::types::Signature {
                params: s.params.clone(),
                results: s.results.clone(),
                variadic: s.variadic,
                ..Default::default()
            };
            let st = w.types.add(Type::Signature(plain));
            self.get(w, st)
        };
        self.sigs.insert(key, d);
        d
    }

    /// Every descriptor built (for reflect's lookups of `*T`, `[]T`...).
    pub fn all(&self) -> Vec<*const td::Type> {
        let mut v: Vec<*const td::Type> = self.by_id.values().copied().collect();
        v.sort();
        v.dedup();
        v
    }

    /// Sets the method table of a named type's descriptor (FuncIds of the
    /// functions an interface call reaches, sorted by name).
    pub fn set_methods(
        &mut self,
        d: *const td::Type,
        pkg_path: &str,
        methods: Vec<(String, u32, *const td::Type)>,
    ) {
        let mut methods = methods;
        methods.sort_by(|a, b| a.0.cmp(&b.0));
        let ms: Vec<td::Method> = methods
            .into_iter()
            .map(|(n, f, mtyp)| td::Method {
                name: leak_str(n),
                mtyp,
                ifn: f as usize,
                tfn: f as usize,
            })
            .collect();
        let n = ms.len() as u16;
        // SAFETY: descriptors are leaked; a named type's own record (see
        // `base`) already spells its package as the runtime does.
        let pkg_path = unsafe {
            let cur = d as *mut td::Type;
            let old = (*cur).uncommon;
            if old.is_null() {
                leak_str(pkg_path.to_string())
            } else {
                (*old).pkg_path
            }
        };
        let u = Box::leak(Box::new(td::UncommonType {
            pkg_path,
            methods: Box::leak(ms.into_boxed_slice()).as_ptr(),
            mcount: n,
            xcount: n,
        }));
        // SAFETY: descriptors are leaked; methods are attached at load
        // time before any code runs.
        unsafe {
            let dm = d as *mut td::Type;
            (*dm).uncommon = u;
            (*dm).tflag |= td::tflag::UNCOMMON;
        }
    }
}

/// A package's path as the runtime reports it: `main` for the main
/// package (whose import path is `command-line-arguments` under `go run`).
fn runtime_pkg_path(w: &World, p: rgo_types::types::PackageId) -> String {
    let pkg = w.pkg(p);
    if &*pkg.name == "main" {
        return "main".to_string();
    }
    pkg.path.clone()
}

/// Whether `t` mentions a type parameter (depth-limited: named types are
/// not entered, their type arguments are).
fn mentions_tparam(w: &World, t: TypeId, depth: u32) -> bool {
    if depth > 16 {
        return true;
    }
    let m = |x: TypeId| mentions_tparam(w, x, depth + 1);
    match w.types.get(t) {
        Type::TypeParam(_) => true,
        Type::Named(n) => n.targs.iter().any(|a| m(*a)),
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => m(*e),
        Type::Map(k, v) => m(*k) || m(*v),
        Type::Signature(s) => s
            .params
            .iter()
            .chain(s.results.iter())
            .any(|o| m(w.obj(*o).typ)),
        Type::Struct(s) => s.fields.iter().any(|o| m(w.obj(*o).typ)),
        _ => false,
    }
}
