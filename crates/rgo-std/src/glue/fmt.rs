//! fmt's formatting core: `appendPrint`, `appendPrintln` and
//! `appendPrintf` walk each operand through its runtime type descriptor
//! and produce Go's output (verbs, flags, width, precision, argument
//! indexes, struct field names, maps in internal/fmtsort key order,
//! pointers as `&{...}` at top level and `0x...` below, nil values, the
//! `%!verb(type=value)`, `%!(EXTRA ...)`, `%!d(MISSING)` diagnostics).
//!
//! `Format`, `Error`, `String` and `GoString` methods are called back in
//! Go through
//! [`rgo_runtime::interp::call_go`] (a nested interpreter on a side
//! stack); a panic inside one prints as `%!v(PANIC=String method: ...)`,
//! or `<nil>` for a nil pointer receiver, as Go does. `Format` receives a
//! Go `*fmt.pp` as its `fmt.State` (descriptors registered by the
//! compiler with [`set_state_types`]).
//!
//! Invariants: values are read through their descriptors only (a value is
//! a descriptor plus the address of its memory); output is built in a
//! Rust buffer and appended to the destination slice at the end (in
//! place when it has room, as Go's appends).

use std::sync::atomic::{AtomicUsize, Ordering};

use super::{append_bytes, bytes, put_slice, set, slot, Growth, R};
use crate::natives::strconv as sc;
use rgo_runtime::interp::{call_go, GState, NativeFn, PanicValue};
use rgo_runtime::op::FuncId;
use rgo_runtime::typedesc::{
    tflag, ArrayType, InterfaceType, Kind, MapType, PtrType, SliceType, StructField, StructType,
    Type,
};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("fmt.appendPrint", append_print, 9),
    ("fmt.appendPrintln", append_println, 9),
    ("fmt.appendPrintf", append_printf, 16),
];

/// Descriptors of `*fmt.pp` and `fmt.State` (0 until registered). Set
/// once while compiling, read on every `Format` call: plain atomics, no
/// lock.
static STATE_TYPES: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];

/// Records the descriptors of `*fmt.pp` and `fmt.State`.
pub fn set_state_types(pp_ptr: *const Type, state: *const Type) {
    STATE_TYPES[0].store(pp_ptr as usize, Ordering::Relaxed);
    STATE_TYPES[1].store(state as usize, Ordering::Relaxed);
}

/// Descriptors of fmt.Formatter, fmt.GoStringer, error, fmt.Stringer (0
/// until registered); read for every operand fmt prints.
static METHOD_IFACES: [AtomicUsize; 4] = [
    AtomicUsize::new(0),
    AtomicUsize::new(0),
    AtomicUsize::new(0),
    AtomicUsize::new(0),
];

/// Records the interfaces fmt checks operands against (in the order
/// Formatter, GoStringer, error, Stringer).
pub fn set_method_ifaces(ifaces: &[*const Type]) {
    for (slot, t) in METHOD_IFACES.iter().zip(ifaces) {
        slot.store(*t as usize, Ordering::Relaxed);
    }
}

/// An interface value: descriptor (null for nil) and data word.
#[derive(Clone, Copy)]
struct Any {
    t: *const Type,
    data: u64,
}

/// The operands of a call: the `[]any` at window slot `i`.
///
/// # Safety
/// The slice header describes live `any` values.
unsafe fn operands(w: *mut u64, i: usize) -> Vec<Any> {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let (p, n) = (slot(w, i) as *const u64, slot(w, i + 1) as usize);
        (0..n)
            .map(|k| Any {
                t: *p.add(2 * k) as *const Type,
                data: *p.add(2 * k + 1),
            })
            .collect()
    }
}

/// `appendPrint(dst []byte, a []any) []byte`.
///
/// # Safety
/// The window has 9 slots as declared.
unsafe fn append_print(gs: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let args = operands(w, 6);
        let mut p = Printer::new(gs, Vec::new());
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            let is_string = !a.t.is_null() && (*a.t).kind() == Kind::String;
            if i > 0 && !is_string && !prev_string {
                p.buf.push(b' ');
            }
            p.print_arg(*a, 'v')?;
            prev_string = is_string;
        }
        append_bytes(w, 0, 3, &p.buf, Growth::Once);
    }
    Ok(())
}

/// `appendPrintln(dst []byte, a []any) []byte`.
///
/// # Safety
/// The window has 9 slots as declared.
unsafe fn append_println(gs: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let args = operands(w, 6);
        let mut p = Printer::new(gs, Vec::new());
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                p.buf.push(b' ');
            }
            p.print_arg(*a, 'v')?;
        }
        p.buf.push(b'\n');
        append_bytes(w, 0, 3, &p.buf, Growth::Once);
    }
    Ok(())
}

/// `appendPrintf(dst []byte, format string, a []any, wrap bool) (out
/// []byte, wrapped []int, reordered bool)`: window `[out 3][wrapped 3]
/// [reordered][dst 3][format 2][a 3][wrap]`.
///
/// # Safety
/// The window has 16 slots as declared.
unsafe fn append_printf(gs: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let format = bytes(w, 10).to_vec();
        let args = operands(w, 12);
        let mut p = Printer::new(gs, Vec::new());
        p.wrap = slot(w, 15) != 0;
        p.printf(&format, &args)?;
        append_bytes(w, 0, 7, &p.buf, Growth::Once);
        let mut wb = Vec::with_capacity(p.wrapped.len() * 8);
        for i in &p.wrapped {
            wb.extend_from_slice(&(*i as u64).to_le_bytes());
        }
        put_slice(w, 3, &wb);
        set(w, 4, p.wrapped.len() as u64);
        set(w, 5, p.wrapped.len() as u64);
        set(w, 6, p.reordered as u64);
    }
    Ok(())
}

/// Flags and options of the verb being formatted.
#[derive(Default, Clone, Copy)]
struct Flags {
    wid: Option<usize>,
    prec: Option<usize>,
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
}

struct Printer<'g> {
    gs: &'g mut GState,
    buf: Vec<u8>,
    f: Flags,
    /// Errorf: %w accepted, operand indices recorded.
    wrap: bool,
    wrapped: Vec<usize>,
    reordered: bool,
    /// Re-entrance guard for methods (as Go's `p.erroring`/`panicking`).
    depth: usize,
    /// Inside a value reached through an unexported field: Go's reflect
    /// cannot Interface() it, so fmt calls no methods on it.
    read_only: bool,
}

/// Reads the word at `a`.
///
/// # Safety
/// `a` points at 8 readable bytes.
unsafe fn word(a: *const u8) -> u64 {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { (a as *const u64).read_unaligned() }
}

/// The dynamic value of the interface stored at `a` of interface type
/// `t`: `{type or itab, data}`.
///
/// # Safety
/// `a` holds an interface of type `t`.
unsafe fn iface_at(t: *const Type, a: *const u8) -> Any {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let w0 = word(a);
        let data = word(a.add(8));
        let it = t as *const InterfaceType;
        let dt = if w0 == 0 || (*it).nmethods == 0 {
            w0 as *const Type
        } else {
            *(w0 as *const u64).add(1) as *const Type
        };
        Any { t: dt, data }
    }
}

/// The data word an interface holding the value at `a` would have.
///
/// # Safety
/// `a` holds a value of type `t`.
unsafe fn data_word(t: *const Type, a: *const u8) -> u64 {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        if (*t).tflag & tflag::DIRECT_IFACE != 0 {
            word(a)
        } else {
            a as u64
        }
    }
}

/// The function of `t`'s method `name` when `t` implements the matching
/// fmt interface (name *and* signature; by name alone when the interface
/// descriptors were not registered).
///
/// # Safety
/// `t` is a descriptor.
unsafe fn method(t: *const Type, name: &str) -> Option<FuncId> {
    let which = match name {
        "Format" => 0,
        "GoString" => 1,
        "Error" => 2,
        _ => 3,
    };
    let iface = METHOD_IFACES[which].load(Ordering::Relaxed);
    if iface == 0 {
        // SAFETY: the caller's contract (the native's window and the Go values in it).
        return unsafe { method_by_name(t, name) };
    }
    // SAFETY: a registered interface descriptor with one method; the
    // itab's first function word follows {inter, type, hash}.
    unsafe {
        let (itab, _) = rgo_runtime::natives::getitab(iface as *const InterfaceType, t);
        if itab == 0 {
            return None;
        }
        Some(FuncId(*(itab as *const u64).add(3) as u32))
    }
}

/// The method `name` of `t`'s method table.
///
/// # Safety
/// `t` is a descriptor.
unsafe fn method_by_name(t: *const Type, name: &str) -> Option<FuncId> {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let u = (*t).uncommon;
        if u.is_null() || (*u).methods.is_null() {
            return None;
        }
        let ms = std::slice::from_raw_parts((*u).methods, (*u).mcount as usize);
        ms.iter()
            .find(|m| m.name.as_bytes() == name.as_bytes())
            .map(|m| FuncId(m.ifn as u32))
    }
}

/// Whether `t` is reflect.Value.
///
/// # Safety
/// `t` is a descriptor.
unsafe fn is_reflect_value(t: *const Type) -> bool {
    // SAFETY: caller's contract; names and package records are static.
    unsafe {
        let u = (*t).uncommon;
        (*t).kind() == Kind::Struct
            && (*t).name.as_bytes() == b"reflect.Value"
            && !u.is_null()
            && (*u).pkg_path.as_bytes() == b"reflect"
    }
}

fn type_name(t: *const Type) -> String {
    if t.is_null() {
        return "<nil>".into();
    }
    // SAFETY: a non-null descriptor pointer.
    unsafe { String::from_utf8_lossy((*t).name.as_bytes()).into_owned() }
}

fn is_int(k: Kind) -> bool {
    matches!(
        k,
        Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64
    )
}

fn is_uint(k: Kind) -> bool {
    matches!(
        k,
        Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr
    )
}

/// Reads an integer of kind `k` at `a`, sign- or zero-extended.
///
/// # Safety
/// `a` holds a value of kind `k`.
unsafe fn read_int(k: Kind, a: *const u8) -> u64 {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        match k {
            Kind::Int8 => *(a as *const i8) as i64 as u64,
            Kind::Int16 => (a as *const i16).read_unaligned() as i64 as u64,
            Kind::Int32 => (a as *const i32).read_unaligned() as i64 as u64,
            Kind::Uint8 | Kind::Bool => *a as u64,
            Kind::Uint16 => (a as *const u16).read_unaligned() as u64,
            Kind::Uint32 => (a as *const u32).read_unaligned() as u64,
            _ => word(a),
        }
    }
}

impl<'g> Printer<'g> {
    fn new(gs: &'g mut GState, buf: Vec<u8>) -> Printer<'g> {
        Printer {
            gs,
            buf,
            f: Flags::default(),
            wrap: false,
            wrapped: Vec::new(),
            reordered: false,
            depth: 0,
            read_only: false,
        }
    }

    fn put(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    // --------------------------------------------------------------
    // Operands.

    /// Formats one operand (Go's printArg).
    ///
    /// # Safety
    /// `a` is a live interface value.
    unsafe fn print_arg(&mut self, a: Any, verb: char) -> R {
        if a.t.is_null() {
            match verb {
                'T' | 'v' => self.pad(b"<nil>"),
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                _ => unsafe { self.bad_verb(a, verb)? },
            }
            return Ok(());
        }
        match verb {
            'T' => {
                let s = type_name(a.t);
                self.fmt_s(s.as_bytes());
                return Ok(());
            }
            'p' => {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe { self.fmt_pointer(a.t, a.data, 'p')? };
                return Ok(());
            }
            _ => {}
        }
        // SAFETY: a.t is a descriptor; a reflect.Value's three words are
        // its descriptor, data pointer and flags (go/reflect/value.go).
        if unsafe { is_reflect_value(a.t) } {
            // SAFETY: a reflect.Value is boxed in an interface (it is not
            // pointer-shaped): the data word points at its three words.
            return unsafe { self.print_reflect_value(a.data as *const u64, verb) };
        }
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        if unsafe { self.handle_methods(a, verb)? } {
            return Ok(());
        }
        let cell = a.data;
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        let addr = unsafe {
            if (*a.t).tflag & tflag::DIRECT_IFACE != 0 {
                &cell as *const u64 as *const u8
            } else {
                a.data as *const u8
            }
        };
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        unsafe { self.print_value(a.t, addr, verb, 0) }
    }

    /// Formats the value a `reflect.Value` holds, as Go's fmt does: the
    /// value itself (its methods too, unless it was reached through an
    /// unexported field), `<invalid reflect.Value>` for the zero Value.
    ///
    /// # Safety
    /// `v` points at a live reflect.Value.
    unsafe fn print_reflect_value(&mut self, v: *const u64, verb: char) -> R {
        const FLAG_RO: u64 = 3 << 5;
        const FLAG_INDIR: u64 = 1 << 7;
        // SAFETY: the caller's contract; the Value's words describe a
        // live value of its type.
        unsafe {
            let (t, ptr, flag) = (*v as *const Type, *v.add(1), *v.add(2));
            if t.is_null() {
                self.pad(b"<invalid reflect.Value>");
                return Ok(());
            }
            let cell = ptr;
            let addr = if flag & FLAG_INDIR != 0 {
                ptr as *const u8
            } else {
                &cell as *const u64 as *const u8
            };
            if flag & FLAG_RO != 0 {
                let ro = std::mem::replace(&mut self.read_only, true);
                let r = self.print_value(t, addr, verb, 0);
                self.read_only = ro;
                return r;
            }
            let inner = if (*t).kind() == Kind::Interface {
                iface_at(t, addr)
            } else {
                Any {
                    t,
                    data: data_word(t, addr),
                }
            };
            self.print_arg(inner, verb)
        }
    }

    /// Calls `Error`/`String`/`GoString` when the operand has them and the
    /// verb asks for them; returns whether it did.
    ///
    /// # Safety
    /// `a` is a live non-nil interface value.
    unsafe fn handle_methods(&mut self, a: Any, verb: char) -> Result<bool, PanicValue> {
        if self.depth > 32 {
            return Ok(false);
        }
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        if let Some(m) = unsafe { method(a.t, "Format") } {
            if self.call_format(a, m, verb)? {
                return Ok(true);
            }
        }
        if self.f.sharp_v {
            // SAFETY: the window slots and the Go values they describe are valid, as
            // the enclosing function's `# Safety` contract (or its caller) states.
            let Some(m) = (unsafe { method(a.t, "GoString") }) else {
                return Ok(false);
            };
            let s = self.call_string(a, m, "GoString", verb)?;
            if let Some(s) = s {
                self.fmt_s(&s);
            }
            return Ok(true);
        }
        if !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return Ok(false);
        }
        for name in ["Error", "String"] {
            // SAFETY: the window slots and the Go values they describe are valid, as
            // the enclosing function's `# Safety` contract (or its caller) states.
            if let Some(m) = unsafe { method(a.t, name) } {
                if let Some(s) = self.call_string(a, m, name, verb)? {
                    self.fmt_string(&s, verb);
                }
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Calls a `func() string` method; a panic inside it is printed as Go
    /// does (and `None` returned).
    fn call_string(
        &mut self,
        a: Any,
        m: FuncId,
        name: &str,
        verb: char,
    ) -> Result<Option<Vec<u8>>, PanicValue> {
        self.depth += 1;
        let r = call_go(self.gs, m, &[a.data], 2);
        self.depth -= 1;
        match r {
            Ok(v) => {
                // SAFETY: the method returned a Go string {ptr, len}.
                let s = unsafe {
                    let mut hdr = [v[0], v[1]];
                    bytes(hdr.as_mut_ptr(), 0).to_vec()
                };
                Ok(Some(s))
            }
            Err(PanicValue::Exit(c)) => Err(PanicValue::Exit(c)),
            Err(PanicValue::Goexit) => Err(PanicValue::Goexit),
            Err(e) => {
                self.method_panic(a, name, verb, &e);
                Ok(None)
            }
        }
    }

    /// Calls `Format(f State, verb rune)` with a fresh `*pp` carrying the
    /// verb's flags; appends what it wrote. False when the State types
    /// are unknown.
    fn call_format(&mut self, a: Any, m: FuncId, verb: char) -> Result<bool, PanicValue> {
        let pp_ptr = STATE_TYPES[0].load(Ordering::Relaxed);
        let state = STATE_TYPES[1].load(Ordering::Relaxed);
        if pp_ptr == 0 || state == 0 {
            return Ok(false);
        }
        // SAFETY: registered descriptors: `*pp` (a PtrType) and the State
        // interface; the pp object is fresh Go memory of pp's size.
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        unsafe {
            let elem = (*(pp_ptr as *const PtrType)).elem;
            let (itab, _) =
                rgo_runtime::natives::getitab(state as *const InterfaceType, pp_ptr as *const Type);
            if itab == 0 {
                return Ok(false);
            }
            let pp = rgo_runtime::malloc::mallocgc((*elem).size.max(56), elem, true);
            let f = self.f;
            (pp.add(24) as *mut u64).write(f.wid.unwrap_or(0) as u64);
            (pp.add(32) as *mut u64).write(f.prec.unwrap_or(0) as u64);
            let flags = [
                f.wid.is_some(),
                f.prec.is_some(),
                f.minus,
                f.plus,
                f.sharp,
                f.space,
                f.zero,
                f.plus_v,
                f.sharp_v,
            ];
            for (i, b) in flags.iter().enumerate() {
                *pp.add(40 + i) = *b as u8;
            }
            self.depth += 1;
            let r = call_go(
                self.gs,
                m,
                &[a.data, itab as u64, pp as u64, verb as u64],
                0,
            );
            self.depth -= 1;
            match r {
                Ok(_) => {
                    let mut hdr = [*(pp as *const u64), *(pp as *const u64).add(1)];
                    let out = bytes(hdr.as_mut_ptr(), 0).to_vec();
                    self.buf.extend_from_slice(&out);
                }
                Err(PanicValue::Exit(c)) => return Err(PanicValue::Exit(c)),
                Err(PanicValue::Goexit) => return Err(PanicValue::Goexit),
                Err(e) => self.method_panic(a, "Format", verb, &e),
            }
        }
        Ok(true)
    }

    /// `%!v(PANIC=String method: msg)`, or `<nil>` for a nil pointer
    /// receiver.
    fn method_panic(&mut self, a: Any, name: &str, verb: char, e: &PanicValue) {
        // SAFETY: a.t is a non-null descriptor.
        let nil_ptr = unsafe { (*a.t).kind() == Kind::Pointer } && a.data == 0;
        if nil_ptr {
            self.put("<nil>");
            return;
        }
        self.put(&format!("%!{}(PANIC={} method: ", verb, name));
        match e {
            PanicValue::Go { typ, data } if self.depth < 8 => {
                let saved = self.f;
                self.f = Flags::default();
                self.depth += 1;
                let v = Any {
                    t: *typ,
                    data: *data as u64,
                };
                // SAFETY: the panic value is a live interface value.
                let r = unsafe { self.print_arg(v, 'v') };
                self.depth -= 1;
                self.f = saved;
                if r.is_err() {
                    self.put("?");
                }
            }
            _ => {
                let msg = rgo_runtime::print::panic_value_string(e);
                self.put(&msg);
            }
        }
        self.buf.push(b')');
    }

    /// `%!verb(type=value)`.
    ///
    /// # Safety
    /// `a` is a live interface value.
    unsafe fn bad_verb(&mut self, a: Any, verb: char) -> R {
        let saved = self.f;
        self.f = Flags::default();
        self.put(&format!("%!{}(", verb));
        if a.t.is_null() {
            self.put("<nil>");
        } else {
            self.put(&type_name(a.t));
            self.buf.push(b'=');
            // SAFETY: the window slots and the Go values they describe are valid, as
            // the enclosing function's `# Safety` contract (or its caller) states.
            unsafe { self.print_arg(a, 'v')? };
        }
        self.buf.push(b')');
        self.f = saved;
        Ok(())
    }

    /// Formats the value of type `t` at `a` (Go's printValue).
    ///
    /// # Safety
    /// `a` holds a value of type `t`.
    unsafe fn print_value(&mut self, t: *const Type, a: *const u8, verb: char, depth: usize) -> R {
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        unsafe {
            if depth > 0 && !self.read_only {
                let any = Any {
                    t,
                    data: data_word(t, a),
                };
                if self.handle_methods(any, verb)? {
                    return Ok(());
                }
            }
            let k = (*t).kind();
            match k {
                Kind::Bool => self.fmt_bool(*a != 0, t, a, verb),
                _ if is_int(k) => self.fmt_integer(read_int(k, a), true, t, a, verb),
                _ if is_uint(k) => self.fmt_integer(read_int(k, a), false, t, a, verb),
                Kind::Float32 => {
                    let f = (a as *const f32).read_unaligned() as f64;
                    self.fmt_float(f, 32, t, a, verb)
                }
                Kind::Float64 => {
                    let f = f64::from_bits(word(a));
                    self.fmt_float(f, 64, t, a, verb)
                }
                Kind::Complex64 => {
                    let p = a as *const f32;
                    let (re, im) = (p.read_unaligned() as f64, p.add(1).read_unaligned() as f64);
                    self.fmt_complex(re, im, 32, t, a, verb)
                }
                Kind::Complex128 => {
                    let (re, im) = (f64::from_bits(word(a)), f64::from_bits(word(a.add(8))));
                    self.fmt_complex(re, im, 64, t, a, verb)
                }
                Kind::String => {
                    let mut hdr = [word(a), word(a.add(8))];
                    let s = bytes(hdr.as_mut_ptr(), 0).to_vec();
                    match verb {
                        'v' | 's' | 'x' | 'X' | 'q' => {
                            if self.f.sharp_v {
                                self.fmt_q(&s);
                            } else {
                                self.fmt_string(&s, verb);
                            }
                            Ok(())
                        }
                        _ => self.bad_value(t, a, verb),
                    }
                }
                Kind::Map => self.print_map(t, a, verb, depth),
                Kind::Struct => self.print_struct(t, a, verb, depth),
                Kind::Interface => {
                    let inner = iface_at(t, a);
                    if inner.t.is_null() {
                        self.nil_iface(t);
                        return Ok(());
                    }
                    let cell = inner.data;
                    let ia = if (*inner.t).tflag & tflag::DIRECT_IFACE != 0 {
                        &cell as *const u64 as *const u8
                    } else {
                        inner.data as *const u8
                    };
                    self.print_value(inner.t, ia, verb, depth + 1)
                }
                Kind::Array | Kind::Slice => self.print_list(t, a, verb, depth),
                Kind::Pointer => {
                    let p = word(a);
                    let elem = (*(t as *const PtrType)).elem;
                    if depth == 0 && p != 0 && !elem.is_null() {
                        let ek = (*elem).kind();
                        if matches!(ek, Kind::Array | Kind::Slice | Kind::Struct | Kind::Map) {
                            self.buf.push(b'&');
                            return self.print_value(elem, p as *const u8, verb, depth + 1);
                        }
                    }
                    self.fmt_pointer(t, p, verb)
                }
                Kind::Chan | Kind::Func | Kind::UnsafePointer => self.fmt_pointer(t, word(a), verb),
                _ => {
                    self.put("?");
                    Ok(())
                }
            }
        }
    }

    /// The bad-verb form for a value in memory.
    ///
    /// # Safety
    /// `a` holds a value of type `t`.
    unsafe fn bad_value(&mut self, t: *const Type, a: *const u8, verb: char) -> R {
        let any = Any {
            t,
            // SAFETY: the window slots and the Go values they describe are valid, as
            // the enclosing function's `# Safety` contract (or its caller) states.
            data: unsafe { data_word(t, a) },
        };
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        unsafe { self.bad_verb(any, verb) }
    }

    // --------------------------------------------------------------
    // Composite values.

    /// # Safety
    /// `a` holds a struct of type `t`.
    unsafe fn print_struct(&mut self, t: *const Type, a: *const u8, verb: char, depth: usize) -> R {
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        unsafe {
            let st = &*(t as *const StructType);
            if self.f.sharp_v {
                self.put(&type_name(t));
            }
            self.buf.push(b'{');
            let fields: &[StructField] = if st.nfields == 0 {
                &[]
            } else {
                std::slice::from_raw_parts(st.fields, st.nfields)
            };
            for (i, fl) in fields.iter().enumerate() {
                if i > 0 {
                    self.put(if self.f.sharp_v { ", " } else { " " });
                }
                if self.f.plus_v || self.f.sharp_v {
                    self.buf.extend_from_slice(fl.name.as_bytes());
                    self.buf.push(b':');
                }
                let fa = a.add(fl.offset);
                let saved = self.read_only;
                let first = fl.name.as_bytes().first().copied().unwrap_or(b'_');
                let exported = first.is_ascii_uppercase()
                    || (first >= 0x80
                        && String::from_utf8_lossy(fl.name.as_bytes())
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase));
                self.read_only |= !exported;
                let r = self.print_field(fl.typ, fa, verb, depth + 1);
                self.read_only = saved;
                r?;
            }
            self.buf.push(b'}');
        }
        Ok(())
    }

    /// A nil interface of type `t`: `<nil>`, or `T(nil)` under `%#v`.
    fn nil_iface(&mut self, t: *const Type) {
        if self.f.sharp_v {
            self.put(&type_name(t));
            self.put("(nil)");
        } else {
            self.pad(b"<nil>");
        }
    }

    /// A struct field, array or map element: an interface field prints its
    /// dynamic value (`<nil>` when nil).
    ///
    /// # Safety
    /// `a` holds a value of type `t`.
    unsafe fn print_field(&mut self, t: *const Type, a: *const u8, verb: char, depth: usize) -> R {
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        unsafe {
            if (*t).kind() == Kind::Interface {
                let inner = iface_at(t, a);
                if inner.t.is_null() {
                    self.nil_iface(t);
                    return Ok(());
                }
            }
            self.print_value(t, a, verb, depth)
        }
    }

    /// # Safety
    /// `a` holds an array or slice of type `t`.
    unsafe fn print_list(&mut self, t: *const Type, a: *const u8, verb: char, depth: usize) -> R {
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        unsafe {
            let (elem, base, n) = if (*t).kind() == Kind::Array {
                let at = &*(t as *const ArrayType);
                (at.elem, a, at.len)
            } else {
                let s = &*(t as *const SliceType);
                (s.elem, word(a) as *const u8, word(a.add(8)) as usize)
            };
            let ek = (*elem).kind();
            if ek == Kind::Uint8 && matches!(verb, 's' | 'q' | 'x' | 'X') {
                let b = if n == 0 {
                    Vec::new()
                } else {
                    std::slice::from_raw_parts(base, n).to_vec()
                };
                self.fmt_string(&b, verb);
                return Ok(());
            }
            if self.f.sharp_v {
                self.put(&type_name(t));
                if (*t).kind() == Kind::Slice && word(a) == 0 {
                    self.put("(nil)");
                    return Ok(());
                }
                self.buf.push(b'{');
                for i in 0..n {
                    if i > 0 {
                        self.put(", ");
                    }
                    self.print_field(elem, base.add(i * (*elem).size), verb, depth + 1)?;
                }
                self.buf.push(b'}');
                return Ok(());
            }
            self.buf.push(b'[');
            for i in 0..n {
                if i > 0 {
                    self.buf.push(b' ');
                }
                self.print_field(elem, base.add(i * (*elem).size), verb, depth + 1)?;
            }
            self.buf.push(b']');
        }
        Ok(())
    }

    /// # Safety
    /// `a` holds a map of type `t`.
    unsafe fn print_map(&mut self, t: *const Type, a: *const u8, verb: char, depth: usize) -> R {
        // SAFETY: the window slots and the Go values they describe are valid, as
        // the enclosing function's `# Safety` contract (or its caller) states.
        unsafe {
            let mt = &*(t as *const MapType);
            let h = word(a) as *mut rgo_runtime::map::HMap;
            if self.f.sharp_v {
                self.put(&type_name(t));
                if h.is_null() {
                    self.put("(nil)");
                    return Ok(());
                }
                self.buf.push(b'{');
            } else {
                self.put("map[");
            }
            let mut entries: Vec<(*const u8, *const u8)> = Vec::new();
            if !h.is_null() {
                let mut it = rgo_runtime::map::HIter::default();
                rgo_runtime::map::mapiterinit(mt, h, &mut it);
                while !it.key.is_null() {
                    entries.push((it.key as *const u8, it.elem as *const u8));
                    rgo_runtime::map::mapiternext(&mut it);
                }
            }
            entries.sort_by(|x, y| compare(mt.key, x.0, y.0));
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    self.put(if self.f.sharp_v { ", " } else { " " });
                }
                self.print_field(mt.key, *k, verb, depth + 1)?;
                self.buf.push(b':');
                self.print_field(mt.elem, *v, verb, depth + 1)?;
            }
            self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
        }
        Ok(())
    }

    // --------------------------------------------------------------
    // Scalars.

    fn fmt_bool(&mut self, b: bool, t: *const Type, a: *const u8, verb: char) -> R {
        match verb {
            't' | 'v' => {
                self.pad(if b { b"true" } else { b"false" });
                Ok(())
            }
            // SAFETY: `a` holds the bool.
            _ => unsafe { self.bad_value(t, a, verb) },
        }
    }

    fn fmt_integer(&mut self, v: u64, signed: bool, t: *const Type, a: *const u8, verb: char) -> R {
        match verb {
            'v' if self.f.sharp_v && !signed => {
                self.fmt_int(v, 16, false, 'v', "0123456789abcdef", true)
            }
            'v' | 'd' => self.fmt_int(v, 10, signed, verb, "0123456789", false),
            'b' => self.fmt_int(v, 2, signed, verb, "01", false),
            'o' | 'O' => self.fmt_int(v, 8, signed, verb, "01234567", false),
            'x' => self.fmt_int(v, 16, signed, verb, "0123456789abcdef", false),
            'X' => self.fmt_int(v, 16, signed, verb, "0123456789ABCDEF", false),
            'c' => {
                let c = char::from_u32(v as u32).unwrap_or('\u{FFFD}');
                let mut b = [0u8; 4];
                let s = c.encode_utf8(&mut b).as_bytes().to_vec();
                self.pad(&s);
            }
            'q' => {
                let c = char::from_u32(v as u32).unwrap_or('\u{FFFD}');
                let q = quote_rune(c, self.f.plus);
                self.pad(q.as_bytes());
            }
            'U' => self.fmt_unicode(v),
            // SAFETY: `a` holds the integer.
            _ => return unsafe { self.bad_value(t, a, verb) },
        }
        Ok(())
    }

    /// Integer formatting with precision, zero padding, sign and `#`
    /// prefixes (Go's fmtInteger).
    fn fmt_int(
        &mut self,
        v: u64,
        base: u64,
        signed: bool,
        verb: char,
        digits: &str,
        force_sharp: bool,
    ) {
        let neg = signed && (v as i64) < 0;
        let mut u = if neg { (v as i64).unsigned_abs() } else { v };
        let d = digits.as_bytes();
        let mut num: Vec<u8> = Vec::new();
        let mut prec = 0usize;
        let mut zero_pad = false;
        if let Some(p) = self.f.prec {
            prec = p;
            if p == 0 && u == 0 {
                let saved = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.f.wid.unwrap_or(0));
                self.f.zero = saved;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid.is_some() {
            zero_pad = true;
            prec = self.f.wid.unwrap_or(0);
            if neg || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        while u >= base {
            num.push(d[(u % base) as usize]);
            u /= base;
        }
        num.push(d[u as usize]);
        while num.len() < prec {
            num.push(b'0');
        }
        let sharp = self.f.sharp || force_sharp;
        if sharp {
            match base {
                2 => num.extend_from_slice(b"b0"),
                8 if num.last() != Some(&b'0') => num.push(b'0'),
                16 => {
                    num.push(if verb == 'X' { b'X' } else { b'x' });
                    num.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            num.extend_from_slice(b"o0");
        }
        if neg {
            num.push(b'-');
        } else if self.f.plus {
            num.push(b'+');
        } else if self.f.space {
            num.push(b' ');
        }
        num.reverse();
        let saved = self.f.zero;
        if zero_pad || self.f.prec.is_some() {
            self.f.zero = false;
        }
        self.pad(&num);
        self.f.zero = saved;
    }

    fn fmt_unicode(&mut self, v: u64) {
        let mut s = format!("U+{:04X}", v);
        if let Some(p) = self.f.prec {
            if p > 4 {
                s = format!("U+{:0w$X}", v, w = p);
            }
        }
        if self.f.sharp {
            if let Some(c) = char::from_u32(v as u32) {
                if !c.is_control() && v <= 0x10FFFF {
                    s.push_str(&format!(" '{}'", c));
                }
            }
        }
        let saved = self.f.zero;
        self.f.zero = false;
        self.pad(s.as_bytes());
        self.f.zero = saved;
    }

    fn fmt_float(&mut self, f: f64, bits: u32, t: *const Type, a: *const u8, verb: char) -> R {
        let (fc, prec) = match verb {
            'v' => ('g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => (verb, -1),
            'f' | 'e' | 'E' => (verb, 6),
            'F' => ('f', 6),
            // SAFETY: `a` holds the float.
            _ => return unsafe { self.bad_value(t, a, verb) },
        };
        let prec = self.f.prec.map_or(prec, |p| p as i32);
        let mut num = Vec::new();
        sc::append_float(&mut num, f, fc as u8, prec, bits);
        if num[0] != b'-' && num[0] != b'+' {
            num.insert(0, b'+');
        }
        if self.f.sharp && fc != 'b' {
            sharp_float(&mut num, fc, prec);
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        let special = num[1] == b'I' || num[1] == b'N';
        if special {
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            let saved = self.f.zero;
            self.f.zero = false;
            self.pad(&num);
            self.f.zero = saved;
            return Ok(());
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && !self.f.minus {
                if let Some(w) = self.f.wid {
                    if w > num.len() {
                        self.buf.push(num[0]);
                        let saved = self.f.wid;
                        self.f.wid = Some(w - 1);
                        self.pad(&num[1..]);
                        self.f.wid = saved;
                        return Ok(());
                    }
                }
            }
            self.pad(&num);
            return Ok(());
        }
        self.pad(&num[1..]);
        Ok(())
    }

    /// A complex number: `(re+imi)`, each part formatted as a float of
    /// `bits` with the verb, width and precision; the imaginary part
    /// always signed.
    fn fmt_complex(
        &mut self,
        re: f64,
        im: f64,
        bits: u32,
        t: *const Type,
        a: *const u8,
        verb: char,
    ) -> R {
        if !matches!(
            verb,
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E'
        ) {
            // SAFETY: `a` holds the complex value.
            return unsafe { self.bad_value(t, a, verb) };
        }
        let plus = self.f.plus;
        self.buf.push(b'(');
        self.fmt_float(re, bits, t, a, verb)?;
        self.f.plus = true;
        self.fmt_float(im, bits, t, a, verb)?;
        self.buf.extend_from_slice(b"i)");
        self.f.plus = plus;
        Ok(())
    }

    /// `%p` and pointer-valued kinds.
    ///
    /// # Safety
    /// `t` is a descriptor.
    unsafe fn fmt_pointer(&mut self, t: *const Type, p: u64, verb: char) -> R {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.put(&format!("({})(", type_name(t)));
                    if p == 0 {
                        self.put("nil");
                    } else {
                        self.put(&format!("0x{:x}", p));
                    }
                    self.buf.push(b')');
                } else if p == 0 {
                    self.pad(b"<nil>");
                } else {
                    self.fmt_int(p, 16, false, 'v', "0123456789abcdef", true);
                }
            }
            'p' => self.fmt_int(p, 16, false, 'v', "0123456789abcdef", !self.f.sharp),
            'b' | 'o' | 'd' | 'x' | 'X' => {
                let cell = p;
                self.fmt_integer(p, false, t, &cell as *const u64 as *const u8, verb)?;
            }
            _ => {
                let any = Any { t, data: p };
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe { self.bad_verb(any, verb)? };
            }
        }
        Ok(())
    }

    // --------------------------------------------------------------
    // Strings and padding.

    fn fmt_string(&mut self, s: &[u8], verb: char) {
        match verb {
            'x' => self.fmt_hex(s, "0123456789abcdef"),
            'X' => self.fmt_hex(s, "0123456789ABCDEF"),
            'q' => self.fmt_q(s),
            _ => self.fmt_s(s),
        }
    }

    /// `%s`: truncated to the precision in runes, padded.
    fn fmt_s(&mut self, s: &[u8]) {
        let s = match self.f.prec {
            Some(p) => {
                let text = String::from_utf8_lossy(s);
                let end = text.char_indices().nth(p).map_or(text.len(), |(i, _)| i);
                if end < text.len() {
                    text[..end].as_bytes().to_vec()
                } else {
                    s.to_vec()
                }
            }
            None => s.to_vec(),
        };
        self.pad(&s);
    }

    fn fmt_q(&mut self, s: &[u8]) {
        let text = String::from_utf8_lossy(s);
        if self.f.sharp && !text.contains('`') && text.chars().all(|c| c == '\t' || !c.is_control())
        {
            let q = format!("`{}`", text);
            self.pad(q.as_bytes());
            return;
        }
        let q = quote(s, self.f.plus);
        self.pad(q.as_bytes());
    }

    fn fmt_hex(&mut self, s: &[u8], digits: &str) {
        let d = digits.as_bytes();
        let x = if d[10] == b'A' { b'X' } else { b'x' };
        let n = self.f.prec.map_or(s.len(), |p| p.min(s.len()));
        let mut out = Vec::new();
        for (i, &c) in s[..n].iter().enumerate() {
            if self.f.space && i > 0 {
                out.push(b' ');
            }
            if self.f.sharp && (self.f.space || i == 0) {
                out.push(b'0');
                out.push(x);
            }
            out.push(d[(c >> 4) as usize]);
            out.push(d[(c & 15) as usize]);
        }
        self.pad(&out);
    }

    /// Appends `b` padded to the width (left unless `-`).
    fn pad(&mut self, b: &[u8]) {
        let Some(w) = self.f.wid else {
            self.buf.extend_from_slice(b);
            return;
        };
        let n = String::from_utf8_lossy(b).chars().count();
        let fill = w.saturating_sub(n);
        if self.f.minus {
            self.buf.extend_from_slice(b);
            self.write_padding(fill);
        } else {
            self.write_padding(fill);
            self.buf.extend_from_slice(b);
        }
    }

    fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero && !self.f.minus {
            b'0'
        } else {
            b' '
        };
        self.buf.extend(std::iter::repeat_n(c, n));
    }
}

/// `#` for floats: keep the decimal point (and trailing zeros for %g).
fn sharp_float(num: &mut Vec<u8>, fc: char, prec: i32) {
    if num[1] == b'I' || num[1] == b'N' {
        return;
    }
    let exp_at = num
        .iter()
        .position(|&c| c == b'e' || c == b'E' || c == b'p' || c == b'P');
    let (body, tail) = match exp_at {
        Some(i) => (num[..i].to_vec(), num[i..].to_vec()),
        None => (num.clone(), Vec::new()),
    };
    let mut body = body;
    if !body.contains(&b'.') {
        body.push(b'.');
    }
    if matches!(fc, 'g' | 'G') {
        let digits = body.iter().filter(|c| c.is_ascii_digit()).count();
        let want = if prec < 0 { 6 } else { prec.max(1) as usize };
        let lead_zeros = body[1..]
            .iter()
            .take_while(|&&c| c == b'0' || c == b'.')
            .filter(|&&c| c == b'0')
            .count();
        let have = digits - lead_zeros.min(digits.saturating_sub(1));
        if want > have {
            body.resize(body.len() + (want - have), b'0');
        }
    }
    body.extend_from_slice(&tail);
    *num = body;
}

/// Go's strconv.Quote (or QuoteToASCII with `ascii`).
fn quote(s: &[u8], ascii: bool) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let (c, n) = decode_rune(&s[i..]);
        if c == '\u{FFFD}' && n == 1 {
            out.push_str(&format!("\\x{:02x}", s[i]));
            i += 1;
            continue;
        }
        escape_rune(&mut out, c, '"', ascii);
        i += n;
    }
    out.push('"');
    out
}

fn quote_rune(c: char, ascii: bool) -> String {
    let mut out = String::from("'");
    escape_rune(&mut out, c, '\'', ascii);
    out.push('\'');
    out
}

fn decode_rune(b: &[u8]) -> (char, usize) {
    let n = match b[0] {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return ('\u{FFFD}', 1),
    };
    if b.len() < n {
        return ('\u{FFFD}', 1);
    }
    match std::str::from_utf8(&b[..n]) {
        Ok(s) => (s.chars().next().unwrap_or('\u{FFFD}'), n),
        Err(_) => ('\u{FFFD}', 1),
    }
}

fn escape_rune(out: &mut String, c: char, q: char, ascii: bool) {
    match c {
        _ if c == q || c == '\\' => {
            out.push('\\');
            out.push(c);
        }
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        _ if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
        _ if ascii && (c as u32) >= 0x80 || !is_print(c) => {
            let v = c as u32;
            if v < 0x10000 {
                out.push_str(&format!("\\u{:04x}", v));
            } else {
                out.push_str(&format!("\\U{:08x}", v));
            }
        }
        _ => out.push(c),
    }
}

/// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the
/// ASCII space (other spaces, controls, format characters and unassigned
/// code points are escaped). Non-ASCII characters go through the Unicode
/// tables of regex-automata (the same general categories Go's tables hold,
/// up to the Unicode version).
fn is_print(c: char) -> bool {
    use std::sync::OnceLock;
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    static PRINT: OnceLock<Option<regex_automata::meta::Regex>> = OnceLock::new();
    let re = PRINT
        .get_or_init(|| regex_automata::meta::Regex::new(r"\A[\p{L}\p{M}\p{N}\p{P}\p{S}]\z").ok());
    match re {
        Some(re) => re.is_match(c.encode_utf8(&mut [0u8; 4]).as_bytes()),
        None => !c.is_control(),
    }
}

/// Float order of fmtsort: NaNs first, then by value.
fn float_order(x: f64, y: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering as O;
    match (x.is_nan(), y.is_nan()) {
        (true, true) => O::Equal,
        (true, false) => O::Less,
        (false, true) => O::Greater,
        _ => x.partial_cmp(&y).unwrap_or(O::Equal),
    }
}

/// Map key order (internal/fmtsort): numbers, strings, bools by value;
/// pointers and channels by address; structs and arrays field by field;
/// interfaces by dynamic type then value, nil first.
///
/// # Safety
/// Both addresses hold values of type `t`.
unsafe fn compare(t: *const Type, a: *const u8, b: *const u8) -> std::cmp::Ordering {
    use std::cmp::Ordering as O;
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let k = (*t).kind();
        match k {
            _ if is_int(k) => (read_int(k, a) as i64).cmp(&(read_int(k, b) as i64)),
            _ if is_uint(k) || k == Kind::Bool => read_int(k, a).cmp(&read_int(k, b)),
            Kind::String => {
                let mut x = [word(a), word(a.add(8))];
                let mut y = [word(b), word(b.add(8))];
                bytes(x.as_mut_ptr(), 0).cmp(bytes(y.as_mut_ptr(), 0))
            }
            Kind::Float32 | Kind::Float64 => {
                let (x, y) = if k == Kind::Float32 {
                    (
                        (a as *const f32).read_unaligned() as f64,
                        (b as *const f32).read_unaligned() as f64,
                    )
                } else {
                    (f64::from_bits(word(a)), f64::from_bits(word(b)))
                };
                float_order(x, y)
            }
            Kind::Complex64 => {
                let (p, q) = (a as *const f32, b as *const f32);
                let re = float_order(p.read_unaligned() as f64, q.read_unaligned() as f64);
                re.then(float_order(
                    p.add(1).read_unaligned() as f64,
                    q.add(1).read_unaligned() as f64,
                ))
            }
            Kind::Complex128 => {
                let re = float_order(f64::from_bits(word(a)), f64::from_bits(word(b)));
                re.then(float_order(
                    f64::from_bits(word(a.add(8))),
                    f64::from_bits(word(b.add(8))),
                ))
            }
            Kind::Pointer | Kind::Chan | Kind::UnsafePointer => word(a).cmp(&word(b)),
            Kind::Struct => {
                let st = &*(t as *const StructType);
                for i in 0..st.nfields {
                    let f = &*st.fields.add(i);
                    let c = compare(f.typ, a.add(f.offset), b.add(f.offset));
                    if c != O::Equal {
                        return c;
                    }
                }
                O::Equal
            }
            Kind::Array => {
                let at = &*(t as *const ArrayType);
                for i in 0..at.len {
                    let off = i * (*at.elem).size;
                    let c = compare(at.elem, a.add(off), b.add(off));
                    if c != O::Equal {
                        return c;
                    }
                }
                O::Equal
            }
            Kind::Interface => {
                let (x, y) = (iface_at(t, a), iface_at(t, b));
                match (x.t.is_null(), y.t.is_null()) {
                    (true, true) => return O::Equal,
                    (true, false) => return O::Less,
                    (false, true) => return O::Greater,
                    _ => {}
                }
                let c = (x.t as usize).cmp(&(y.t as usize));
                if c != O::Equal {
                    return c;
                }
                let (cx, cy) = (x.data, y.data);
                let (pa, pb) = if (*x.t).tflag & tflag::DIRECT_IFACE != 0 {
                    (
                        &cx as *const u64 as *const u8,
                        &cy as *const u64 as *const u8,
                    )
                } else {
                    (x.data as *const u8, y.data as *const u8)
                };
                compare(x.t, pa, pb)
            }
            _ => O::Equal,
        }
    }
}

// ------------------------------------------------------------------------
// Printf.

impl Printer<'_> {
    /// Go's doPrintf.
    ///
    /// # Safety
    /// `args` are live interface values.
    unsafe fn printf(&mut self, format: &[u8], args: &[Any]) -> R {
        let end = format.len();
        let mut argnum = 0usize;
        let mut after_index;
        let mut reordered = false;
        let mut i = 0;
        while i < end {
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.extend_from_slice(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1;
            self.f = Flags::default();
            let mut good = true;
            while i < end {
                match format[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = true,
                    b'+' => self.f.plus = true,
                    b'-' => self.f.minus = true,
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            // Argument index, then width.
            let (na, ni, ok) = arg_number(argnum, format, i, args.len(), &mut good);
            argnum = na;
            i = ni;
            after_index = ok;
            reordered |= ok;
            let mut bad_width = false;
            if i < end && format[i] == b'*' {
                i += 1;
                let (w, isnum, na) = int_from_arg(args, argnum);
                argnum = na;
                match w {
                    Some(w) if isnum => {
                        if w < 0 {
                            self.f.minus = true;
                        }
                        self.f.wid = Some(w.unsigned_abs() as usize);
                    }
                    _ => bad_width = true,
                }
                after_index = false;
            } else {
                let (n, ni) = parse_num(format, i);
                if ni > i {
                    self.f.wid = n;
                    i = ni;
                }
            }
            if bad_width {
                self.put("%!(BADWIDTH)");
            }
            // Precision.
            let mut bad_prec = false;
            if i < end && format[i] == b'.' {
                i += 1;
                let (na, ni, ok) = arg_number(argnum, format, i, args.len(), &mut good);
                argnum = na;
                i = ni;
                after_index = ok;
                reordered |= ok;
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (p, isnum, na) = int_from_arg(args, argnum);
                    argnum = na;
                    match p {
                        Some(p) if isnum && p >= 0 => self.f.prec = Some(p as usize),
                        Some(_) if isnum => self.f.prec = None,
                        _ => bad_prec = true,
                    }
                    after_index = false;
                } else {
                    let (n, ni) = parse_num(format, i);
                    i = ni;
                    self.f.prec = Some(n.unwrap_or(0));
                }
            }
            if bad_prec {
                self.put("%!(BADPREC)");
            }
            if !after_index {
                let (na, ni, ok) = arg_number(argnum, format, i, args.len(), &mut good);
                argnum = na;
                i = ni;
                reordered |= ok;
            }
            if i >= end {
                self.put("%!(NOVERB)");
                break;
            }
            let (verb, size) = decode_rune(&format[i..]);
            i += size;
            if verb == '%' {
                self.buf.push(b'%');
                continue;
            }
            if !good {
                self.put(&format!("%!{}(BADINDEX)", verb));
                continue;
            }
            if argnum >= args.len() {
                self.put(&format!("%!{}(MISSING)", verb));
                continue;
            }
            if verb == 'w' && self.wrap {
                self.wrapped.push(argnum);
            }
            let verb = if verb == 'v' {
                if self.f.sharp {
                    self.f.sharp = false;
                    self.f.sharp_v = true;
                }
                if self.f.plus {
                    self.f.plus = false;
                    self.f.plus_v = true;
                }
                'v'
            } else {
                verb
            };
            let arg = args[argnum];
            argnum += 1;
            if verb == 'w' {
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                let is_err = !arg.t.is_null() && unsafe { method(arg.t, "Error") }.is_some();
                if !self.wrap || !is_err {
                    // SAFETY: the window slots and the Go values they describe are valid, as
                    // the enclosing function's `# Safety` contract (or its caller) states.
                    unsafe { self.bad_verb(arg, 'w')? };
                    continue;
                }
                // SAFETY: the window slots and the Go values they describe are valid, as
                // the enclosing function's `# Safety` contract (or its caller) states.
                unsafe { self.print_arg(arg, 'v')? };
                continue;
            }
            // SAFETY: the window slots and the Go values they describe are valid, as
            // the enclosing function's `# Safety` contract (or its caller) states.
            unsafe { self.print_arg(arg, verb)? };
        }
        self.reordered = reordered;
        if !reordered && argnum < args.len() {
            self.f = Flags::default();
            self.put("%!(EXTRA ");
            for (k, a) in args[argnum..].iter().enumerate() {
                if k > 0 {
                    self.put(", ");
                }
                if a.t.is_null() {
                    self.put("<nil>");
                } else {
                    self.put(&type_name(a.t));
                    self.buf.push(b'=');
                    // SAFETY: the window slots and the Go values they describe are valid, as
                    // the enclosing function's `# Safety` contract (or its caller) states.
                    unsafe { self.print_arg(*a, 'v')? };
                }
            }
            self.buf.push(b')');
        }
        Ok(())
    }
}

/// Parses a decimal number at `i`: (value, index after it).
fn parse_num(f: &[u8], mut i: usize) -> (Option<usize>, usize) {
    let start = i;
    let mut n = 0usize;
    while i < f.len() && f[i].is_ascii_digit() {
        n = n.saturating_mul(10).saturating_add((f[i] - b'0') as usize);
        if n > 1_000_000 {
            return (None, f.len());
        }
        i += 1;
    }
    if i == start {
        (None, i)
    } else {
        (Some(n), i)
    }
}

/// `[n]` at `i`: (new argnum, new i, whether an index was found);
/// clears `good` for an index out of range or malformed (Go's
/// `%!v(BADINDEX)`).
fn arg_number(
    argnum: usize,
    f: &[u8],
    i: usize,
    nargs: usize,
    good: &mut bool,
) -> (usize, usize, bool) {
    if i >= f.len() || f[i] != b'[' {
        return (argnum, i, false);
    }
    let Some(close) = f[i + 1..].iter().position(|&c| c == b']') else {
        *good = false;
        return (argnum, i + 1, false);
    };
    let inner = &f[i + 1..i + 1 + close];
    let (n, ni) = parse_num(inner, 0);
    match n {
        Some(n) if ni == inner.len() && n >= 1 && n <= nargs => (n - 1, i + close + 2, true),
        Some(_) if ni == inner.len() => {
            *good = false;
            (argnum, i + close + 2, true)
        }
        _ => {
            *good = false;
            (argnum, i + close + 2, false)
        }
    }
}

/// The int operand for `*`: (value, whether it was an int, next argnum).
fn int_from_arg(args: &[Any], argnum: usize) -> (Option<i64>, bool, usize) {
    let Some(a) = args.get(argnum) else {
        return (None, false, argnum);
    };
    if a.t.is_null() {
        return (None, false, argnum + 1);
    }
    // SAFETY: a non-null descriptor; integers are stored boxed (data
    // points at the value).
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let k = (*a.t).kind();
        if !is_int(k) && !is_uint(k) {
            return (None, false, argnum + 1);
        }
        let v = read_int(k, a.data as *const u8) as i64;
        if !(-1_000_000..=1_000_000).contains(&v) {
            return (None, false, argnum + 1);
        }
        (Some(v), true, argnum + 1)
    }
}
