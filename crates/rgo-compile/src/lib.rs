//! rgo-compile: lowering of a type-checked Go package to rgo's bytecode
//! (Go's cmd/compile, back half). Input: the AST (rgo-syntax) and the
//! checker's facts (rgo-types `Info`); output: an `rgo_runtime::symtab::
//! Program` plus the runtime type descriptors it references.
//!
//! Map: [`layout`] sizes, slots, pointer words and type descriptors;
//! [`func`] the lowering of one function (frame, statements, control
//! flow), `expr.rs` expressions and places, `call.rs` calls, builtins,
//! conversions, interfaces and defer; [`escape`] which variables need an
//! address, `stackobj.rs` which objects stay in their frame; this file the package driver (function ids, globals, init
//! order, method tables) and the generated functions (value-method and
//! promoted-method wrappers, defer and method-value thunks).
//!
//! v1 limits (reported as compile errors, never Rust panics): frames
//! over 65k slots.
//!
//! Design decisions (recorded here as the issue asks; Decision /
//! Rationale / Trade-off):
//!
//! - Values in Go's memory layout. Frame slots are 8 bytes; a local of
//!   type T occupies ceil(size/8) consecutive slots holding T's memory
//!   image (so frame ↔ heap is a copy). Sub-word fields of a
//!   frame-resident struct are read and written with byte-offset frame
//!   instructions (`FLoad`/`FStore`). A scalar alone in a slot is kept
//!   sign- or zero-extended to 64 bits after every narrow operation
//!   (`Ext`), so comparisons are plain 64-bit ones; float32 is kept as
//!   its f32 bits and rounded to f32 by every operation.
//! - Slots are allocated monotonically and never reused for another
//!   value, so a slot holds a pointer at every pc or at none (exact
//!   pointer maps). A call's window is allocated like any temporary; the
//!   callee's frame may extend past the caller's, over slots the caller
//!   only uses later (slots are handed out in source order, and nothing
//!   allocated after a call site is live across it). Trade-off: frames are
//!   larger than with a register allocator. Frames are not cleared: the
//!   runtime's stack maps (stackmap.rs) say which slots hold live values,
//!   and entry zeroes only the pointer slots some path reads first.
//! - Escape analysis in two steps. [`escape`], on the syntax tree: a
//!   local whose address is taken (`&x`, a pointer-receiver method call
//!   on it, slicing it), a local of array type, and a variable a closure
//!   captures *and* that is reassigned become objects (`New` with the
//!   variable's type descriptor) accessed through a pointer held in a
//!   slot. A captured variable that is never reassigned nor addressed is
//!   copied into the closure (by value, as Go does). Then `stackobj.rs`,
//!   on the linked and inlined bytecode, keeps the objects that do not
//!   escape in their frame (`NewStack`), as Go's escape analysis does;
//!   stack growth moves the pointers to them (the runtime's stack.rs).
//!   Go 1.22 loop variables get a fresh object per iteration.
//!   Go 1.25's stack backing store for `append` is modelled (the first
//!   growth of an empty local slice, once per call, into a 32-byte
//!   buffer if the result does not escape: `NewBuf`); not yet maps kept
//!   on the stack, nor the buffer for variable-size `make`.
//! - Constants used as operands are loaded once per call into a small
//!   reserved area after the parameters (read-only slots; the area sits
//!   below every call window so no callee frame overlaps it).
//! - The code never reads a slot it has not written: every variable is
//!   initialized explicitly (`var x T` emits a zeroing). Results are the
//!   callee's to write: named results are zeroed in the prologue (and all
//!   results of a function with defers, which may return after a
//!   recovery).
//! - Superinstructions where they pay: fused compare-and-branch with
//!   registers or immediates, counted-loop back edges (`IncJmpLtI64`,
//!   `AddJmpLtI64`, `AddRJmpLeI64`...), `AddImmI64` for `x±c` and `x++`,
//!   bounds-checked scalar element access (`LoadElem`/`StoreElem`); loops
//!   are inverted (test at the bottom).
//! - Heap objects come only from `mallocgc(size, typ, needzero)` with the
//!   object's descriptor. Descriptors (size, align, kind, ptrdata and
//!   bitmap, equality, string form, kind-specific parts, methods of named
//!   types) are leaked per loaded program, one per distinct type.
//! - Calls use register windows (op.rs). A func value is a pointer to a
//!   funcval `{FuncId, captured cell pointers...}`; a top-level function
//!   used as a value gets a static funcval; the callee reads its closure
//!   with `GetClosure`. Methods take the receiver as the first argument;
//!   interface calls load the FuncId from the itab
//!   `{inter, type, hash, fun[]}` (built statically for static
//!   conversions) and use `CallIndirect`; value-receiver methods reached
//!   through an interface go through a generated wrapper that
//!   dereferences the data word (Go's `(*T).M` wrappers).
//! - Interfaces are `{*Type or *itab, data}`; data is a pointer (values
//!   boxed with mallocgc), except pointer-shaped types stored directly.
//! - Strings `{ptr,len}` with literals in static memory; slices
//!   `{ptr,len,cap}`; append grows with Go's `nextslicecap` + roundupsize;
//!   concatenation, conversions and slicing checks are runtime natives.
//! - defer: `defer f(args)` evaluates the arguments into a closure over a
//!   generated thunk (Go 1.17+'s wrapping) pushed with `Defer`; a function
//!   with defers ends in an epilogue (`DeferReturn`, copy-out of heap
//!   named results, `Ret`) which is also where a recovered frame resumes.
//! - main runs as goroutine 1 from a generated `runtime.main`: it calls
//!   one generated `<path>.init` per imported package in dependency
//!   order (each: its variables in the checker's init order, then its
//!   `init`s), then initializes the main package and calls `main.main`.
//! - Whole-program compilation ([`compile_program`]): every package of the
//!   program (std ones included) goes into one `Program`; ids of all
//!   functions and all package variables are assigned before any body is
//!   compiled, so qualified identifiers (`pkg.F`, `pkg.V`, `pkg.T`) and
//!   methods of imported types resolve like local ones. The compiler's
//!   per-package context (`info`, files, package) is switched per package.
//! - Natives: a bodiless function compiles to a body of one `CallNative`
//!   over its own `[results][arguments]` frame, bound by qualified name
//!   (`path.F`, `(*path.T).M`, `(path.T).M`) in rgo-runtime's helpers,
//!   then in `rgo_std::glue`. In std packages (lenient inputs), a missing
//!   native or a function rgo cannot compile yet becomes a stub; its
//!   errors are reported only if the program reaches it (static calls
//!   and function ids taken as values, from the entry), otherwise the stub
//!   panics `rgo: ...` if reached dynamically (through a method table).
//!   Trade-off: reachability does not follow method tables (it would
//!   reach every method of every std type).
//! - Generic functions are monomorphized: each (function, type arguments)
//!   pair used (from the checker's `instances`) gets its own FuncId, and
//!   its body is compiled with every expression and object type
//!   substituted (`Subst`); closures inside inherit the substitution.
//!   Methods of generic types are instantiated with their receiver's type
//!   arguments. A method selected through a type parameter (its
//!   constraint's method) or a generic type is looked up again in the
//!   instance's concrete type (`Fc::inst_selection`), so it resolves to
//!   the type argument's own method (maybe promoted, or an interface
//!   method); wrappers (value-receiver, promoted, method expressions)
//!   take their parameter types from the instance's method signature.
//!   Method signatures get one descriptor per distinct signature so that
//!   itabs built at run time match methods by name *and* type.
//!
//! Architecture invariant: the compiler knows the runtime only through
//! the instruction set (op.rs), symtab.rs, the natives' names and the
//! type descriptors.

mod call;
mod chan;
mod complex;
pub mod escape;
mod expr;
pub mod func;
mod inline;
mod intrinsics;
pub mod layout;
mod peephole;
mod rangefunc;
mod reflectstubs;
mod stackobj;

use std::collections::{HashMap, HashSet};

use rgo_runtime::op::{FuncId, Instr, Slot};
use rgo_runtime::symtab::{Func, Program};
use rgo_syntax::ast;
use rgo_syntax::SourceFile;
use rgo_types::types::{ObjId, ObjKind, PackageId, TypeId, World};
use rgo_types::Info;

/// A compiled program ready to run.
pub struct Output {
    pub prog: Program,
    /// The descriptor of runtime error values (install it with
    /// `rgo_runtime::print::set_runtime_error_type` before running).
    pub runtime_error_type: *const rgo_runtime::typedesc::Type,
    /// `runtime.main`: initializes the package and calls `main.main`.
    pub entry: FuncId,
}

/// An error the compiler cannot (yet) lower, with its position.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub pos: String,
    pub msg: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.pos, self.msg)
    }
}

/// A function literal waiting to be compiled: its id, where it is, the
/// captured variables in closure order, and its traceback name.
pub(crate) struct PendingLit<'a> {
    pub id: FuncId,
    pub file: usize,
    pub lit: &'a ast::FuncLit,
    pub sig: TypeId,
    pub captures: Vec<ObjId>,
    pub name: String,
    /// The range-over-func nesting it is in (`Fc::rf_level`).
    pub rf_level: u32,
}

#[derive(Clone, Copy)]
pub(crate) enum ThunkCall {
    Static(FuncId),
    /// The func value is the first captured word.
    Closure,
    /// An interface method: the FuncId is the first captured word.
    Indirect,
}

/// The package compiler's shared state.
pub struct Compiler<'a> {
    pub w: &'a mut World,
    pub info: &'a Info,
    pub files: &'a [ast::File],
    pub srcs: &'a [SourceFile],
    /// The absolute paths of `srcs`, for tracebacks.
    pub paths: &'a [String],
    pub pkg: PackageId,
    pub(crate) funcs: Vec<Option<Func>>,
    pub(crate) func_of: HashMap<ObjId, FuncId>,
    pub(crate) globals: HashMap<ObjId, u64>,
    pub(crate) descs: layout::Descs,
    pub(crate) natives: Vec<rgo_runtime::symtab::Native>,
    pub(crate) native_of: HashMap<String, u16>,
    pub(crate) pending: Vec<PendingLit<'a>>,
    pub(crate) strings: HashMap<Vec<u8>, u64>,
    pub(crate) static_funcvals: HashMap<FuncId, u64>,
    /// Value-receiver wrappers by the wrapped function.
    pub(crate) value_wrappers: HashMap<FuncId, FuncId>,
    pub(crate) promoted: HashMap<(TypeId, String), FuncId>,
    pub(crate) itabs: HashMap<(TypeId, TypeId), u64>,
    /// Closure and defer record descriptors by pointer-word layout.
    pub(crate) word_types: HashMap<Vec<bool>, *const rgo_runtime::typedesc::Type>,
    pub(crate) escapes: HashSet<ObjId>,
    /// Captured variables never reassigned: copied into closures.
    pub(crate) by_value: HashSet<ObjId>,
    pub(crate) errors: Vec<CompileError>,
    /// Functions of std packages replaced by stubs, with the errors to
    /// report if the program reaches them.
    pub(crate) stubs: HashMap<FuncId, Vec<CompileError>>,
    /// Functions whose id the function being compiled stores as a value
    /// (closures, thunks, itabs, funcvals).
    pub(crate) taken: Vec<u32>,
    /// Per compiled declaration (and init function): the ids it takes.
    pub(crate) refs: HashMap<u32, Vec<u32>>,
    /// The type substitution of the generic instance being compiled.
    pub(crate) subst: Option<std::rc::Rc<Subst>>,
    /// Generic functions: (package index, file, declaration).
    pub(crate) generics: HashMap<ObjId, (usize, usize, &'a ast::FuncDecl)>,
    /// Per-instance copies of the types declared inside generic
    /// functions, by (local type, the instance's type arguments).
    pub(crate) local_types: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Instances by (generic function, type arguments).
    pub(crate) instances: HashMap<(ObjId, Vec<TypeId>), FuncId>,
    /// Instances waiting for their bodies.
    pub(crate) inst_queue: Vec<(ObjId, Vec<TypeId>, FuncId)>,
    /// Index (into the program's packages) of the package being compiled.
    pub(crate) cur: usize,
}

/// A generic instance's substitution: types of expressions (by file and
/// node index) and of objects with type parameters replaced.
pub(crate) struct Subst {
    pub types: HashMap<(usize, usize), TypeId>,
    pub objs: HashMap<ObjId, TypeId>,
    pub map: Vec<(TypeId, TypeId)>,
}

impl<'a> Compiler<'a> {
    /// Makes `p` the package being compiled.
    fn enter(&mut self, p: &PkgInput<'a>) {
        self.info = p.info;
        self.files = p.files;
        self.srcs = p.srcs;
        self.paths = p.paths;
        self.pkg = p.pkg;
    }

    /// Whether local variable `o` lives on the heap: escape analysis says
    /// so, or it is an array (always on the heap in v1).
    pub(crate) fn on_heap(&self, o: ObjId) -> bool {
        self.escapes.contains(&o) || {
            let t = match self.subst.as_ref().and_then(|s| s.objs.get(&o)) {
                Some(&t) => t,
                None => self.w.obj(o).typ,
            };
            // (And values too big for a frame's slots.)
            layout::slots(self.w, t) > crate::expr::BIG_SLOTS || {
                let t = self.w.types.under(t);
                matches!(self.w.types.get(t), rgo_types::types::Type::Array(..))
            }
        }
    }

    /// `f` as a value word (a closure's or itab's FuncId), remembered as a
    /// root of reachability.
    pub(crate) fn take(&mut self, f: FuncId) -> u64 {
        self.taken.push(f.0);
        f.0 as u64
    }

    /// The instance of generic function `o` for `targs` (compiled later).
    pub(crate) fn instantiate(&mut self, o: ObjId, targs: Vec<TypeId>) -> FuncId {
        if let Some(&f) = self.instances.get(&(o, targs.clone())) {
            return f;
        }
        let id = self.reserve();
        self.instances.insert((o, targs.clone()), id);
        self.inst_queue.push((o, targs, id));
        id
    }

    /// The function of method `m` called on a receiver of type `recv`
    /// (`T` or `*T`): the declared one, or for a method of a generic type
    /// the instance for `T`'s type arguments.
    pub(crate) fn method_fid(&mut self, m: ObjId, recv: TypeId) -> Option<FuncId> {
        if let Some(&f) = self.func_of.get(&m) {
            return Some(f);
        }
        if !self.generics.contains_key(&m) {
            return None;
        }
        let base = match self.w.types.get(recv) {
            rgo_types::types::Type::Pointer(b) => *b,
            _ => recv,
        };
        let rgo_types::types::Type::Named(n) = self.w.types.get(base) else {
            return None;
        };
        let targs = n.targs.clone();
        if targs.is_empty() {
            return None;
        }
        Some(self.instantiate(m, targs))
    }

    /// A new FuncId whose body comes later.
    pub(crate) fn reserve(&mut self) -> FuncId {
        self.funcs.push(None);
        FuncId(self.funcs.len() as u32 - 1)
    }

    pub(crate) fn native(&mut self, name: &str) -> Option<u16> {
        if let Some(&i) = self.native_of.get(name) {
            return Some(i);
        }
        let n = rgo_runtime::natives::lookup(name).or_else(|| rgo_std::glue::lookup(name))?;
        if name == "sort.reflectSwapper" {
            self.swap_thunk();
        }
        if name == "reflect.stubID" {
            self.reflect_stubs();
        }
        if name.starts_with("fmt.appendPrint") {
            self.register_fmt_state();
        }
        self.natives.push(n);
        let i = self.natives.len() as u16 - 1;
        self.native_of.insert(name.to_string(), i);
        Some(i)
    }

    /// The function of the func values `sort.reflectSwapper` returns:
    /// `func(i, j int)` calling `sort.swapElems(closure, i, j)`.
    fn swap_thunk(&mut self) {
        let Some(native) = self.native("sort.swapElems") else {
            return;
        };
        let id = self.reserve();
        let mut f = func::Fc::new(self, 0, "sort.Slice.func1".into());
        let args = f.alloc(2);
        let win = f.alloc(3);
        f.emit(Instr::GetClosure { dst: win });
        f.mov(Slot(win.0 + 1), args, 2);
        f.emit(Instr::CallNative {
            id: native,
            n: 3,
            base: win,
        });
        f.emit(Instr::Ret);
        let func = f.finish(0, 2, String::new(), 0, true);
        self.funcs[id.idx()] = Some(func);
        rgo_std::glue::sort::set_swap_thunk(id.0);
    }

    /// Tells fmt's native core the descriptors of `*fmt.pp` and
    /// `fmt.State` (it builds the State a `Format` method receives).
    fn register_fmt_state(&mut self) {
        let scope = self.w.pkg(self.pkg).scope;
        let (Some(pp), Some(st)) = (
            self.w.lookup_local(scope, "pp"),
            self.w.lookup_local(scope, "State"),
        ) else {
            return;
        };
        let (pp_t, st_t) = (self.w.obj(pp).typ, self.w.obj(st).typ);
        let ptr = self.w.types.pointer(pp_t);
        let pd = self.descs.get(self.w, ptr);
        let sd = self.descs.get(self.w, st_t);
        rgo_std::glue::set_fmt_state_types(pd, sd);
        // The method interfaces fmt tests operands against (by signature,
        // not just by name).
        let mut ifaces = Vec::new();
        for name in ["Formatter", "GoStringer", "error", "Stringer"] {
            let o = self
                .w
                .lookup_parent(scope, name)
                .map(|(_, o)| o)
                .filter(|o| matches!(self.w.obj(*o).kind, ObjKind::TypeName));
            let Some(o) = o else {
                return;
            };
            let t = self.w.obj(o).typ;
            ifaces.push(self.descs.get(self.w, t));
        }
        rgo_std::glue::set_fmt_method_ifaces(&ifaces);
    }

    /// Static string data for a literal (interned).
    pub(crate) fn string_data(&mut self, b: &[u8]) -> u64 {
        if b.is_empty() {
            return 0;
        }
        if let Some(&p) = self.strings.get(b) {
            return p;
        }
        let p = Box::leak(b.to_vec().into_boxed_slice()).as_ptr() as u64;
        self.strings.insert(b.to_vec(), p);
        p
    }

    /// The static funcval of a top-level function used as a value.
    pub(crate) fn static_funcval(&mut self, f: FuncId) -> u64 {
        self.taken.push(f.0);
        *self
            .static_funcvals
            .entry(f)
            .or_insert_with(|| Box::leak(Box::new([f.0 as u64])).as_ptr() as u64)
    }

    /// A runtime helper the compiler emits calls to (`runtime.concatstring2`,
    /// `runtime.mapaccess1`...). They are always in the runtime's table; a
    /// miss is an internal error, reported instead of calling native 0.
    pub(crate) fn rt_native(&mut self, name: &str) -> u16 {
        match self.native(name) {
            Some(id) => id,
            None => {
                self.errors.push(CompileError {
                    pos: String::new(),
                    msg: format!("internal error: runtime helper {name} is missing"),
                });
                0
            }
        }
    }

    pub(crate) fn error(&mut self, file: usize, pos: rgo_syntax::Pos, msg: impl Into<String>) {
        let pos = self
            .srcs
            .get(file)
            .map(|s| s.position(pos))
            .unwrap_or_default();
        self.errors.push(CompileError {
            pos,
            msg: msg.into(),
        });
    }

    /// The traceback name of a declared function or method (gc's: the
    /// package's import path, `main` for the main package; a generic
    /// receiver type is `T[...]`).
    fn func_name(&self, d: &ast::FuncDecl) -> String {
        let p = self.w.pkg(self.pkg);
        let pkg = if &*p.name == "main" {
            "main".to_string()
        } else {
            p.path.to_string()
        };
        let Some(recv) = &d.recv else {
            return format!("{}.{}", pkg, d.name.name);
        };
        let Some(f) = recv.list.first() else {
            return format!("{}.{}", pkg, d.name.name);
        };
        let mut t = f.typ.unparen();
        let mut ptr = false;
        if let ast::ExprKind::Star(x) = &t.kind {
            ptr = true;
            t = x.unparen();
        }
        let mut generic = "";
        if let ast::ExprKind::Index(x, _) = &t.kind {
            t = x;
            generic = "[...]";
        }
        let tn = match &t.kind {
            ast::ExprKind::Name(n) => format!("{}{}", n, generic),
            _ => "?".into(),
        };
        if ptr {
            format!("{}.(*{}).{}", pkg, tn, d.name.name)
        } else {
            format!("{}.{}.{}", pkg, tn, d.name.name)
        }
    }
}

/// The name a bodiless function binds its native by: `path.F`,
/// `(*path.T).M` or `(path.T).M` (tools/natives.txt spells them so).
pub(crate) fn native_name(c: &Compiler, d: &ast::FuncDecl) -> String {
    let path = c.w.pkg(c.pkg).path.to_string();
    let Some(f) = d.recv.as_ref().and_then(|r| r.list.first()) else {
        return format!("{}.{}", path, d.name.name);
    };
    let mut t = f.typ.unparen();
    let mut star = "";
    if let ast::ExprKind::Star(x) = &t.kind {
        star = "*";
        t = x.unparen();
    }
    let tn = match &t.kind {
        ast::ExprKind::Name(n) => n.to_string(),
        _ => "?".into(),
    };
    format!("({}{}.{}).{}", star, path, tn, d.name.name)
}

/// One package of a program to compile: its checked syntax and facts.
pub struct PkgInput<'a> {
    pub pkg: PackageId,
    pub info: &'a Info,
    pub files: &'a [ast::File],
    pub srcs: &'a [SourceFile],
    /// The absolute file names tracebacks print, parallel to `files`.
    pub paths: &'a [String],
    /// A std package: a function that cannot be compiled (or a native
    /// rgo lacks) becomes a stub reported only if the program reaches it.
    pub lenient: bool,
}

/// Compiles package `pkg` (already checked without errors) into a program
/// whose entry runs its initialization and `main`. `paths` are the
/// absolute file names tracebacks print, parallel to `files`.
pub fn compile_package(
    w: &mut World,
    pkg: PackageId,
    info: &Info,
    files: &[ast::File],
    srcs: &[SourceFile],
    paths: &[String],
) -> Result<Output, Vec<CompileError>> {
    let input = PkgInput {
        pkg,
        info,
        files,
        srcs,
        paths,
        lenient: false,
    };
    compile_program(w, std::slice::from_ref(&input))
}

/// A declared function waiting for its body to be compiled.
struct PendingDecl<'a> {
    file: usize,
    decl: &'a ast::FuncDecl,
    obj: ObjId,
    id: FuncId,
    /// The k-th `func init` of its package is named `pkg.init.k`, as gc
    /// names it (`pkg.init` is the package's variable initialization).
    init_index: Option<usize>,
}

/// What pass one found in a package: declared functions and `init`s.
struct PkgDecls<'a> {
    bodies: Vec<PendingDecl<'a>>,
    inits: Vec<FuncId>,
    main: Option<FuncId>,
}

/// Compiles a whole program: `pkgs` in dependency order (every package
/// after the ones it imports), the main package last. Its entry
/// (`runtime.main`) initializes every package in that order (each one's
/// variables in the checker's init order, then its `init` functions) and
/// calls `main.main`.
pub fn compile_program<'a>(
    w: &'a mut World,
    pkgs: &'a [PkgInput<'a>],
) -> Result<Output, Vec<CompileError>> {
    let Some(last) = pkgs.last() else {
        return Err(vec![CompileError {
            pos: String::new(),
            msg: "no packages to compile".into(),
        }]);
    };
    let mut c = Compiler {
        w,
        info: last.info,
        files: last.files,
        srcs: last.srcs,
        paths: last.paths,
        pkg: last.pkg,
        funcs: Vec::new(),
        func_of: HashMap::new(),
        globals: HashMap::new(),
        descs: layout::Descs::default(),
        natives: Vec::new(),
        native_of: HashMap::new(),
        pending: Vec::new(),
        strings: HashMap::new(),
        static_funcvals: HashMap::new(),
        value_wrappers: HashMap::new(),
        promoted: HashMap::new(),
        itabs: HashMap::new(),
        word_types: HashMap::new(),
        escapes: HashSet::new(),
        by_value: HashSet::new(),
        errors: Vec::new(),
        stubs: HashMap::new(),
        taken: Vec::new(),
        refs: HashMap::new(),
        subst: None,
        generics: HashMap::new(),
        local_types: HashMap::new(),
        instances: HashMap::new(),
        inst_queue: Vec::new(),
        cur: 0,
    };
    // Function ids and globals of every package first: bodies may refer
    // to anything.
    let entry = c.reserve();
    let mut decls = Vec::new();
    for (i, p) in pkgs.iter().enumerate() {
        c.enter(p);
        c.cur = i;
        decls.push(declare(&mut c, p));
    }
    let mut pkg_inits = Vec::new();
    for (i, (p, d)) in pkgs.iter().zip(decls.iter_mut()).enumerate() {
        c.enter(p);
        c.cur = i;
        for b in d.bodies.drain(..) {
            compile_body(&mut c, p, b);
        }
        let named = named_types(&c, p.pkg);
        attach_methods(&mut c, &named);
        if !std::ptr::eq(p, last) {
            let id = c.reserve();
            let name = format!("{}.init", c.w.pkg(p.pkg).path);
            c.taken.clear();
            let f = func::compile_entry(&mut c, &[], true, &d.inits, None, name);
            c.funcs[id.idx()] = Some(f);
            compile_pending(&mut c, p.paths);
            let taken = std::mem::take(&mut c.taken);
            c.refs.insert(id.0, taken);
            pkg_inits.push(id);
        }
    }
    let runtime_error_type = runtime_error_desc(&mut c);
    c.enter(last);
    c.cur = pkgs.len() - 1;
    let Some(main_id) = decls.last().and_then(|d| d.main) else {
        return Err(vec![CompileError {
            pos: String::new(),
            msg: "function main is undeclared in the main package".into(),
        }]);
    };
    c.escapes.clear();
    c.by_value.clear();
    let inits = decls.last().map(|d| d.inits.clone()).unwrap_or_default();
    // The main package's variables are initialized by `main.init` (gc's
    // name, which tracebacks show), called after the imported packages'
    // inits; its `func init`s (`main.init.0` ...) follow, then main.
    let main_init = c.reserve();
    c.taken.clear();
    let f = func::compile_entry(&mut c, &[], true, &[], None, "main.init".into());
    c.funcs[main_init.idx()] = Some(f);
    compile_pending(&mut c, last.paths);
    let taken = std::mem::take(&mut c.taken);
    c.refs.insert(main_init.0, taken);
    pkg_inits.push(main_init);
    c.taken.clear();
    let f = func::compile_entry(
        &mut c,
        &pkg_inits,
        false,
        &inits,
        Some(main_id),
        "runtime.main".into(),
    );
    c.funcs[entry.idx()] = Some(f);
    compile_pending(&mut c, last.paths);
    let taken = std::mem::take(&mut c.taken);
    c.refs.insert(entry.0, taken);
    compile_instances(&mut c, pkgs);
    attach_instance_methods(&mut c, pkgs);
    c.enter(last);
    check_stubs(&mut c, entry);
    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    if c.native_of.keys().any(|n| n.starts_with("reflect.")) {
        // reflect's type constructors look the program's types up.
        rgo_std::glue::reflect::set_types(&c.descs.all());
    }
    let mut prog = Program {
        funcs: Vec::new(),
        natives: std::mem::take(&mut c.natives),
    };
    for (i, f) in c.funcs.into_iter().enumerate() {
        match f {
            Some(f) => prog.funcs.push(f),
            None => {
                return Err(vec![CompileError {
                    pos: String::new(),
                    msg: format!("internal error: function {} has no body", i),
                }]);
            }
        }
    }
    if std::env::var_os("RGO_NOINLINE").is_none() {
        inline::run(&mut prog.funcs);
    }
    if std::env::var_os("RGO_NOSTACKOBJ").is_none() {
        let funcvals: HashMap<u64, Vec<bool>> = c
            .word_types
            .iter()
            .map(|(bits, &d)| (d as u64, bits.clone()))
            .collect();
        let types = c.descs.by_addr();
        let w: &World = c.w;
        let natives: Vec<&str> = prog.natives.iter().map(|n| n.name).collect();
        stackobj::run(&mut prog.funcs, &natives, &mut |d| {
            if let Some(bits) = funcvals.get(&d) {
                return Some(stackobj::Layout {
                    size: bits.len() * 8,
                    ptrs: bits.clone(),
                    funcval: true,
                });
            }
            let t = *types.get(&d)?;
            let size = usize::try_from(w.sizeof(t)).ok()?;
            let mut ptrs = Vec::new();
            layout::pointer_words(w, t, 0, &mut ptrs);
            ptrs.resize(size.div_ceil(8), false);
            Some(stackobj::Layout {
                size,
                ptrs,
                funcval: false,
            })
        });
    }
    if let Err(e) = prog.verify() {
        return Err(vec![CompileError {
            pos: String::new(),
            msg: format!("internal error: {}", e),
        }]);
    }
    Ok(Output {
        prog,
        entry,
        runtime_error_type,
    })
}

/// Gives each function-scoped defined type of the package its `·N` for
/// runtime type names: 1, 2, ... in source order over the files (gc's
/// vargen, which reflect shows inside type argument lists).
fn number_local_types(c: &mut Compiler, p: &PkgInput) {
    use rgo_types::types::ObjKind;
    let pkg_scope = c.w.pkg(c.pkg).scope;
    let mut local: Vec<(usize, rgo_syntax::Pos, ObjId)> = Vec::new();
    for (fi, info) in p.info.files.iter().enumerate() {
        for &o in info.defs.iter().flatten() {
            let ob = c.w.obj(o);
            let tparam = matches!(c.w.types.get(ob.typ), rgo_types::types::Type::TypeParam(_));
            if matches!(ob.kind, ObjKind::TypeName)
                && !ob.alias
                && !tparam
                && ob.parent != Some(pkg_scope)
            {
                local.push((fi, ob.pos, o));
            }
        }
    }
    local.sort_unstable_by_key(|&(fi, pos, _)| (fi, pos.0));
    local.dedup_by_key(|x| x.2);
    for (n, &(_, _, o)) in local.iter().enumerate() {
        c.descs.locals.vargen.insert(o, n as u32 + 1);
    }
}

/// Pass one over a package: reserves ids for its functions and memory
/// for its variables.
fn declare<'a>(c: &mut Compiler<'a>, p: &PkgInput<'a>) -> PkgDecls<'a> {
    let mut d = PkgDecls {
        bodies: Vec::new(),
        inits: Vec::new(),
        main: None,
    };
    number_local_types(c, p);
    for (fi, f) in p.files.iter().enumerate() {
        for decl in &f.decls {
            match decl {
                ast::Decl::Func(fd) => {
                    let Some(o) = p.info.files[fi]
                        .defs
                        .get(fd.name.id.index())
                        .copied()
                        .flatten()
                    else {
                        continue;
                    };
                    if fd.typ.tparams.is_some() {
                        c.generics.insert(o, (c.cur, fi, &**fd));
                        continue;
                    }
                    if let Some(r) = &fd.recv {
                        if recv_is_generic(r) {
                            c.generics.insert(o, (c.cur, fi, &**fd));
                            continue;
                        }
                    }
                    let id = c.reserve();
                    let mut init_index = None;
                    if fd.recv.is_none() && fd.name.name == "init" {
                        init_index = Some(d.inits.len());
                        d.inits.push(id);
                    } else {
                        c.func_of.insert(o, id);
                    }
                    if fd.recv.is_none() && fd.name.name == "main" {
                        d.main = Some(id);
                    }
                    d.bodies.push(PendingDecl {
                        file: fi,
                        decl: fd,
                        obj: o,
                        id,
                        init_index,
                    });
                }
                ast::Decl::Gen(g) if g.kind == ast::DeclKind::Var => {
                    for s in &g.specs {
                        if let ast::Spec::Value(vs) = s {
                            for n in &vs.names {
                                if let Some(o) =
                                    p.info.files[fi].defs.get(n.id.index()).copied().flatten()
                                {
                                    let t = c.w.obj(o).typ;
                                    let words = layout::slots(c.w, t).max(1) as usize;
                                    let Some(mem) = rgo_runtime::mem_linux::data_alloc(words)
                                    else {
                                        c.error(
                                            fi,
                                            n.pos,
                                            "rgo: out of memory for package variables",
                                        );
                                        continue;
                                    };
                                    // A GC root: its pointer words.
                                    let mut ptrs = Vec::new();
                                    layout::pointer_words(c.w, t, 0, &mut ptrs);
                                    let mut mask = vec![0u64; words.div_ceil(64)];
                                    for (i, _) in ptrs.iter().enumerate().filter(|(_, b)| **b) {
                                        if i < words {
                                            mask[i / 64] |= 1 << (i % 64);
                                        }
                                    }
                                    rgo_runtime::mgcmark::add_data_root(mem, words, &mask);
                                    c.globals.insert(o, mem as u64);
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    d
}

/// Compiles the queued generic instances (which may queue more), each in
/// its package with its substitution.
fn compile_instances<'a>(c: &mut Compiler<'a>, pkgs: &'a [PkgInput<'a>]) {
    while let Some((o, targs, id)) = c.inst_queue.pop() {
        let Some(&(pi, file, decl)) = c.generics.get(&o) else {
            continue;
        };
        let p = &pkgs[pi];
        c.enter(p);
        c.cur = pi;
        let sig = c.w.obj(o).typ;
        let tparams = match c.w.types.get(sig) {
            rgo_types::types::Type::Signature(s) => s.tparams.clone(),
            _ => Vec::new(),
        };
        let map: Vec<(TypeId, TypeId)> = tparams.into_iter().zip(targs.iter().copied()).collect();
        let map = add_local_types(c, p, file, decl, map);
        let sub = build_subst(c, p, file, o, map);
        c.subst = Some(std::rc::Rc::new(sub));
        // gc's names: `F[...]`, `(*T[...]).M`.
        let mut name = c.func_name(decl);
        if decl.typ.tparams.is_some() {
            name.push_str("[...]");
        }
        let b = PendingDecl {
            file,
            decl,
            obj: o,
            id,
            init_index: None,
        };
        compile_body_named(c, p, b, name);
        c.subst = None;
    }
}

/// Method tables for the instances of generic types the program uses
/// (`Stack[int]`), until no new instance appears.
fn attach_instance_methods<'a>(c: &mut Compiler<'a>, pkgs: &'a [PkgInput<'a>]) {
    let mut done: HashSet<TypeId> = HashSet::new();
    loop {
        let mut todo = Vec::new();
        for t in c.descs.type_ids() {
            if let rgo_types::types::Type::Named(n) = c.w.types.get(t) {
                if !n.targs.is_empty() && done.insert(t) {
                    todo.push(t);
                }
            }
        }
        if todo.is_empty() {
            return;
        }
        // Descriptors sit in a hash map: sort, so that function ids (and
        // so the bytecode) are the same on every run.
        todo.sort_unstable_by_key(|t| t.0);
        attach_methods(c, &todo);
        compile_instances(c, pkgs);
    }
}

/// A type declared inside a generic function is a distinct type in each
/// instance (as if the function's type parameters were its own): `map`
/// gets, for each named type declared in `decl`'s body, this instance's
/// copy (its underlying type substituted; generic ones are instantiated
/// from the copy).
fn add_local_types(
    c: &mut Compiler,
    p: &PkgInput,
    file: usize,
    decl: &ast::FuncDecl,
    mut map: Vec<(TypeId, TypeId)>,
) -> Vec<(TypeId, TypeId)> {
    use rgo_types::types::{Named, ObjKind, Type};
    let Some(body) = &decl.body else {
        return map;
    };
    let targs: Vec<TypeId> = map.iter().map(|&(_, a)| a).collect();
    let mut locals: Vec<TypeId> = Vec::new();
    for &v in p.info.files[file].defs.iter().flatten() {
        let ob = c.w.obj(v);
        if !matches!(ob.kind, ObjKind::TypeName)
            || ob.alias
            || ob.pos < body.lbrace
            || ob.pos > body.rbrace
        {
            continue;
        }
        let t = ob.typ;
        if let Type::Named(n) = c.w.types.get(t) {
            if n.obj == v && n.orig.is_none() && !locals.contains(&t) {
                locals.push(t);
            }
        }
    }
    // Sorted: type ids (and so the descriptors' order) do not depend on
    // the order of the definitions' table.
    locals.sort_unstable_by_key(|t| t.0);
    let mut fresh = Vec::new();
    for &t in &locals {
        let key = (t, targs.clone());
        let copy = match c.local_types.get(&key) {
            Some(&x) => x,
            None => {
                let Type::Named(n) = c.w.types.get(t).clone() else {
                    continue;
                };
                let x = c.w.types.add(Type::Named(Named {
                    underlying: rgo_types::types::TypeId::INVALID,
                    ..n
                }));
                c.local_types.insert(key, x);
                if !targs.is_empty() {
                    c.descs.locals.implicit.insert(x, targs.clone());
                }
                fresh.push((t, x));
                x
            }
        };
        map.push((t, copy));
    }
    // Underlying types once every copy is in the map (they may refer to
    // each other).
    for (t, x) in fresh {
        let u = c.w.types.under(t);
        let nu = c.w.subst(u, &map);
        if let Type::Named(n) = c.w.types.get_mut(x) {
            n.underlying = nu;
        }
    }
    map
}

/// The substitution of one instance: every expression type and object
/// type of the generic function's file that mentions a type parameter.
fn build_subst(
    c: &mut Compiler,
    p: &PkgInput,
    file: usize,
    o: ObjId,
    map: Vec<(TypeId, TypeId)>,
) -> Subst {
    let mut types = HashMap::new();
    let mut objs = HashMap::new();
    let fi = &p.info.files[file];
    for (i, tv) in fi.types.iter().enumerate() {
        if let Some(tv) = tv {
            let t = c.w.subst(tv.typ, &map);
            if t != tv.typ {
                types.insert((file, i), t);
            }
        }
    }
    let mut os: Vec<ObjId> = fi.defs.iter().flatten().copied().collect();
    os.extend(fi.implicits.values().copied());
    os.push(o);
    if let rgo_types::types::Type::Signature(s) = c.w.types.get(c.w.obj(o).typ).clone() {
        os.extend(s.recv);
        os.extend(s.params.iter().copied());
        os.extend(s.results.iter().copied());
    }
    for v in os {
        let t0 = c.w.obj(v).typ;
        let t = c.w.subst(t0, &map);
        if t != t0 {
            objs.insert(v, t);
        }
    }
    Subst { types, objs, map }
}

/// Whether a method's receiver is a generic type (`func (l *List[T]) ...`).
fn recv_is_generic(r: &ast::FieldList) -> bool {
    r.list.first().is_some_and(|f| {
        let mut t = f.typ.unparen();
        if let ast::ExprKind::Star(x) = &t.kind {
            t = x.unparen();
        }
        matches!(t.kind, ast::ExprKind::Index(..))
    })
}

/// Compiles one declared function (and the literals inside it). In a
/// lenient (std) package, a function that fails to compile becomes a stub
/// whose errors are reported only if the program can reach it.
fn compile_body<'a>(c: &mut Compiler<'a>, p: &PkgInput<'a>, b: PendingDecl<'a>) {
    let mut name = c.func_name(b.decl);
    if let Some(k) = b.init_index {
        name = format!("{name}.{k}");
    }
    compile_body_named(c, p, b, name);
}

fn compile_body_named<'a>(
    c: &mut Compiler<'a>,
    p: &PkgInput<'a>,
    b: PendingDecl<'a>,
    name: String,
) {
    c.escapes.clear();
    c.by_value.clear();
    let n_errors = c.errors.len();
    if let Some(body) = &b.decl.body {
        let sig = c.w.obj(b.obj).typ;
        escape::analyze(c, b.file, body, sig);
    }
    let path = p.paths.get(b.file).cloned().unwrap_or_default();
    c.taken.clear();
    let f = func::compile_decl(c, b.file, b.decl, b.obj, name.clone(), path);
    c.funcs[b.id.idx()] = Some(f);
    compile_pending(c, p.paths);
    let taken = std::mem::take(&mut c.taken);
    c.refs.insert(b.id.0, taken);
    if p.lenient && c.errors.len() > n_errors {
        let errs: Vec<CompileError> = c.errors.drain(n_errors..).collect();
        let (res, args) = c.funcs[b.id.idx()]
            .as_ref()
            .map_or((0, 0), |f| (f.result_slots, f.arg_slots));
        let msg = errs.first().map(|e| e.msg.clone()).unwrap_or_default();
        let f = stub_func(c, name, res, args, &msg);
        c.funcs[b.id.idx()] = Some(f);
        c.stubs.insert(b.id, errs);
    }
}

/// A function standing for one rgo cannot compile: panics with `rgo:
/// <why>` when called. Static calls to it are compile errors
/// ([`check_stubs`]); it runs only when reached through a method table.
fn stub_func(c: &mut Compiler, name: String, res: u32, args: u32, why: &str) -> Func {
    let text = format!("rgo: {} ({})", why, name);
    let data = c.string_data(text.as_bytes());
    let native = c.native("runtime.unimplemented");
    let mut f = func::Fc::new(c, 0, name);
    f.alloc(res + args);
    let s = f.alloc(2);
    if let Some(id) = native {
        f.load_u64(s, data);
        f.load_u64(Slot(s.0 + 1), text.len() as u64);
        f.emit(Instr::CallNative { id, n: 2, base: s });
    }
    f.emit(Instr::Ret);
    f.finish(res, args, String::new(), 0, false)
}

/// Reports the errors of every stub the program can reach from the entry
/// through static calls and the function ids a reached declaration
/// takes as values (funcvals, closures, itabs, thunks). Method tables are
/// not followed (every method of every std type would be reached): a stub
/// reached only through one fails at run time instead (see
/// [`stub_func`]).
fn check_stubs(c: &mut Compiler, entry: FuncId) {
    if c.stubs.is_empty() {
        return;
    }
    let roots: Vec<u32> = vec![entry.0];
    let mut seen = vec![false; c.funcs.len()];
    let mut work = roots;
    while let Some(i) = work.pop() {
        let Some(s) = seen.get_mut(i as usize) else {
            continue;
        };
        if *s {
            continue;
        }
        *s = true;
        if let Some(r) = c.refs.get(&i) {
            work.extend(r.iter().copied());
        }
        if let Some(Some(f)) = c.funcs.get(i as usize) {
            for ins in f.code.iter() {
                if let Instr::Call { func, .. } = ins {
                    work.push(func.0);
                }
            }
        }
    }
    let mut ids: Vec<FuncId> = c.stubs.keys().copied().collect();
    ids.sort_by_key(|f| f.0);
    for id in ids {
        if seen.get(id.idx()).copied().unwrap_or(false) {
            if let Some(errs) = c.stubs.remove(&id) {
                c.errors.extend(errs);
            }
        }
    }
}

/// The named types of package `pkg` that get method tables (and the
/// receiver base types of its methods).
fn named_types(c: &Compiler, pkg: PackageId) -> Vec<TypeId> {
    let mut named: Vec<TypeId> = Vec::new();
    let scope = c.w.pkg(pkg).scope;
    for &o in &c.w.scope(scope).order {
        if matches!(c.w.obj(o).kind, ObjKind::TypeName) && !c.w.obj(o).alias {
            let t = c.w.obj(o).typ;
            if let rgo_types::types::Type::Named(n) = c.w.types.get(t) {
                if n.tparams.is_empty() && !c.w.types.is_interface(t) && !named.contains(&t) {
                    named.push(t);
                }
            }
        }
    }
    named
}

/// Compiles queued function literals and generated thunks.
fn compile_pending(c: &mut Compiler, paths: &[String]) {
    while let Some(p) = c.pending.pop() {
        let path = paths.get(p.file).cloned().unwrap_or_default();
        let f = func::compile_lit(c, &p, path);
        c.funcs[p.id.idx()] = Some(f);
    }
}

/// The function an interface call of method `name` on dynamic type `t`
/// reaches: the method itself, or the wrapper that dereferences the data
/// word for a value receiver. `None` for methods promoted through
/// embedded fields (not supported yet).
pub(crate) fn method_func(c: &mut Compiler, t: TypeId, name: &str) -> Option<FuncId> {
    let (base, is_ptr) = match c.w.types.get(t) {
        rgo_types::types::Type::Pointer(b) => (*b, true),
        _ => (t, false),
    };
    let Some(m) =
        c.w.named_methods(base)
            .iter()
            .copied()
            .find(|m| c.w.obj(*m).name == name)
    else {
        let (_, m, path, _) = c.w.method_set(t).into_iter().find(|(n, ..)| n == name)?;
        if path.len() < 2 {
            return None;
        }
        return promoted_wrapper(c, base, &path[..path.len() - 1], m);
    };
    let ptr_recv = matches!(
        c.w.obj(m).kind,
        ObjKind::Func(rgo_types::types::FuncInfo { ptr_recv: true, .. })
    );
    let fid = c.method_fid(m, t)?;
    if ptr_recv {
        return is_ptr.then_some(fid);
    }
    if is_ptr || !layout::is_direct_iface(c.w, base) {
        return Some(value_wrapper(c, m, base, fid));
    }
    Some(fid)
}

/// The parameter and result types of method `m` reached from a receiver
/// of type `recv`: for a method of a generic type, with the type
/// arguments of the instance declaring it (`recv` or one embedded in it)
/// in place of the receiver's type parameters.
pub(crate) fn method_types(c: &mut Compiler, recv: TypeId, m: ObjId) -> (Vec<TypeId>, Vec<TypeId>) {
    let sig = c.w.instance_method_type(recv, m);
    let sig = match c.subst.clone() {
        Some(s) => c.w.subst(sig, &s.map),
        None => sig,
    };
    match c.w.types.get(sig) {
        rgo_types::types::Type::Signature(s) => {
            let (ps, rs) = (s.params.clone(), s.results.clone());
            (
                ps.iter().map(|p| c.w.obj(*p).typ).collect(),
                rs.iter().map(|r| c.w.obj(*r).typ).collect(),
            )
        }
        _ => (Vec::new(), Vec::new()),
    }
}

/// The wrapper for method `m` promoted into `base` through the embedded
/// fields `path`: takes a pointer to a `base` value (an interface's data
/// word), walks to the embedded value, and calls `m` on it (through its
/// itab when the embedded field is an interface).
fn promoted_wrapper(c: &mut Compiler, base: TypeId, path: &[usize], m: ObjId) -> Option<FuncId> {
    use rgo_types::types::Type as T;
    let key = (base, c.w.obj(m).name.to_string());
    if let Some(&f) = c.promoted.get(&key) {
        return Some(f);
    }
    let id = c.reserve();
    c.promoted.insert(key, id);
    let (ptypes, rtypes) = method_types(c, base, m);
    let name = format!("{}.{}", c.w.type_string(base, None), c.w.obj(m).name);
    let mut f = func::Fc::new(c, 0, name);
    let rs: u32 = rtypes.iter().map(|t| f.nslots(*t)).sum();
    let ps: u32 = ptypes.iter().map(|t| f.nslots(*t)).sum();
    f.alloc(rs);
    let p0 = f.alloc_ptr();
    f.alloc(ps);
    let (mut ptr, mut off, mut cur) = (p0, 0u32, base);
    for &fi in path {
        (ptr, off, cur) = follow_pointer(&mut f, ptr, off, cur);
        let T::Struct(st) = f.c.w.types.get(f.c.w.types.under(cur)).clone() else {
            return None;
        };
        off += f.c.w.offsetsof(&st.fields)[fi].max(0) as u32;
        cur = f.c.w.obj(st.fields[fi]).typ;
    }
    let ptr_recv = matches!(
        f.c.w.obj(m).kind,
        ObjKind::Func(rgo_types::types::FuncInfo { ptr_recv: true, .. })
    );
    let is_iface = f.c.w.types.is_interface(cur);
    (ptr, off, cur) = follow_pointer(&mut f, ptr, off, cur);
    let recv_slots = if is_iface || ptr_recv {
        1
    } else {
        f.nslots(cur)
    };
    let win = f.alloc(rs + recv_slots + ps);
    let recv_at = Slot(win.0 + rs as u16);
    if is_iface {
        let iv = f.alloc(2);
        f.emit(Instr::LoadN {
            dst: iv,
            p: ptr,
            n: 2,
            off,
        });
        let fw = f.itab_fun(iv, cur, m);
        f.mov(recv_at, Slot(iv.0 + 1), 1);
        f.mov(Slot(recv_at.0 + 1), Slot(p0.0 + 1), ps);
        f.emit(Instr::CallIndirect {
            f: fw,
            base: win,
            n: (rs + recv_slots + ps) as u16,
            res: rs as u16,
        });
    } else {
        let fid = f.c.method_fid(m, cur)?;
        if ptr_recv {
            let a = f.addr_plus(ptr, off);
            f.mov(recv_at, a, 1);
        } else {
            f.load_mem(ptr, off, cur, recv_at);
        }
        f.mov(Slot(recv_at.0 + recv_slots as u16), Slot(p0.0 + 1), ps);
        f.emit(Instr::Call {
            func: fid,
            base: win,
        });
    }
    f.mov(Slot(0), win, rs);
    f.emit(Instr::Ret);
    let func = f.finish(rs, 1 + ps, String::new(), 0, true);
    c.funcs[id.idx()] = Some(func);
    Some(id)
}

/// The function a method expression `R.M` denotes (receiver first): `sel`
/// is the selection of `M` in `R` (with `R`'s type arguments in place).
pub(crate) fn method_expr_func(
    c: &mut Compiler,
    recv: TypeId,
    sel: &rgo_types::check::Selection,
) -> Option<FuncId> {
    let m = sel.obj;
    if c.w.types.is_interface(recv) {
        return Some(iface_method_thunk(c, recv, m));
    }
    let path = &sel.index[..sel.index.len().saturating_sub(1)];
    let (base, is_ptr) = match c.w.types.get(recv) {
        rgo_types::types::Type::Pointer(b) => (*b, true),
        _ => (recv, false),
    };
    if path.is_empty() {
        let value_recv = !matches!(
            c.w.obj(m).kind,
            ObjKind::Func(rgo_types::types::FuncInfo { ptr_recv: true, .. })
        );
        if value_recv && is_ptr {
            let fid = c.method_fid(m, base)?;
            return Some(value_wrapper(c, m, base, fid));
        }
        return c.method_fid(m, base);
    }
    // Promoted: the wrapper takes a pointer to the receiver.
    let w = promoted_wrapper(c, base, path, m)?;
    if is_ptr {
        return Some(w);
    }
    // `S.M` takes `S` by value: a copy on the heap for the wrapper.
    let (ptypes, rtypes) = method_types(c, base, m);
    let name = format!("{}.{}", c.w.type_string(base, None), c.w.obj(m).name);
    let id = c.reserve();
    let mut f = func::Fc::new(c, 0, name);
    let rs: u32 = rtypes.iter().map(|t| f.nslots(*t)).sum();
    let ps: u32 = ptypes.iter().map(|t| f.nslots(*t)).sum();
    let bs = f.nslots(base);
    f.alloc(rs);
    let r = f.alloc_t(base);
    f.alloc(ps);
    let win = f.alloc(rs + 1 + ps);
    let p = f.new_obj(base);
    f.store_mem(p, 0, base, r);
    f.mov(Slot(win.0 + rs as u16), p, 1);
    f.mov(Slot(win.0 + rs as u16 + 1), Slot(r.0 + bs as u16), ps);
    f.emit(Instr::Call { func: w, base: win });
    f.mov(Slot(0), win, rs);
    f.emit(Instr::Ret);
    let func = f.finish(rs, bs + ps, String::new(), 0, true);
    c.funcs[id.idx()] = Some(func);
    Some(id)
}

/// For a value of pointer type `cur` at `R[ptr] + off`: loads the pointer
/// and returns the place of what it points to (`(slot, 0, elem)`);
/// anything else is returned unchanged.
fn follow_pointer(f: &mut func::Fc, ptr: Slot, off: u32, cur: TypeId) -> (Slot, u32, TypeId) {
    let rgo_types::types::Type::Pointer(e) = *f.c.w.types.get(f.c.w.types.under(cur)) else {
        return (ptr, off, cur);
    };
    let q = f.alloc_ptr();
    f.emit(Instr::Load {
        dst: q,
        p: ptr,
        kind: rgo_runtime::op::MemKind::W64,
        off,
    });
    (q, 0, e)
}

/// `I.M` for an interface type `I`: a function taking the interface
/// value first, calling `M` through its itab.
pub(crate) fn iface_method_thunk(c: &mut Compiler, iface: TypeId, m: ObjId) -> FuncId {
    let id = c.reserve();
    let (ptypes, rtypes) = method_types(c, iface, m);
    let name = format!("{}.{}", c.w.type_string(iface, None), c.w.obj(m).name);
    let mut f = func::Fc::new(c, 0, name);
    let rs: u32 = rtypes.iter().map(|t| f.nslots(*t)).sum();
    let ps: u32 = ptypes.iter().map(|t| f.nslots(*t)).sum();
    f.alloc(rs);
    let iv = f.alloc_ptr();
    f.alloc_ptr();
    f.alloc(ps);
    let fw = f.itab_fun(iv, iface, m);
    let win = f.alloc(rs + 1 + ps);
    f.mov(Slot(win.0 + rs as u16), Slot(iv.0 + 1), 1);
    f.mov(Slot(win.0 + rs as u16 + 1), Slot(iv.0 + 2), ps);
    f.emit(Instr::CallIndirect {
        f: fw,
        base: win,
        n: (rs + 1 + ps) as u16,
        res: rs as u16,
    });
    f.mov(Slot(0), win, rs);
    f.emit(Instr::Ret);
    let func = f.finish(rs, 2 + ps, String::new(), 0, true);
    c.funcs[id.idx()] = Some(func);
    id
}

/// `(*T).M` for a value-receiver method `M`: takes the receiver as a
/// pointer, copies `*p` into the callee's window, and calls `T.M`.
fn value_wrapper(c: &mut Compiler, m: ObjId, recv_t: TypeId, fid: FuncId) -> FuncId {
    if let Some(&w) = c.value_wrappers.get(&fid) {
        return w;
    }
    let id = c.reserve();
    c.value_wrappers.insert(fid, id);
    let name = {
        let callee_name = c
            .funcs
            .get(fid.idx())
            .and_then(|f| f.as_ref())
            .map(|f| f.name.clone());
        callee_name
            .unwrap_or_else(|| format!("{}.{}", c.w.type_string(recv_t, None), c.w.obj(m).name))
    };
    let (ptypes, rtypes) = method_types(c, recv_t, m);
    // Go's panicwrap: the text of calling it with a nil pointer.
    let (pkg, tname) = match c.w.types.get(recv_t) {
        rgo_types::types::Type::Named(n) => {
            let o = c.w.obj(n.obj);
            // (Symbols of package main are `main.`, whatever its path.)
            let pkg = o.pkg.map(|p| match c.w.pkg(p) {
                pk if pk.name.as_str() == "main" => "main".to_string(),
                pk => pk.path.to_string(),
            });
            (pkg.unwrap_or_default(), c.w.type_string(recv_t, o.pkg))
        }
        _ => (String::new(), c.w.type_string(recv_t, None)),
    };
    let text = format!(
        "value method {pkg}.{tname}.{} called using nil *{tname} pointer",
        c.w.obj(m).name
    );
    let data = c.string_data(text.as_bytes());
    let mut f = func::Fc::new(c, 0, name);
    let rs: u32 = rtypes.iter().map(|t| f.nslots(*t)).sum();
    let ps: u32 = ptypes.iter().map(|t| f.nslots(*t)).sum();
    let recv_slots = f.nslots(recv_t);
    let _res = f.alloc(rs);
    let p = f.alloc_ptr();
    let _args = f.alloc(ps);
    let zero = f.scalar();
    f.zero(zero, 1);
    let ok = f.emit(Instr::JmpNeI64 {
        a: p,
        b: zero,
        off: 0,
    });
    let native = f.c.rt_native("runtime.panicwrap");
    let s = f.alloc(2);
    f.load_u64(s, data);
    f.load_u64(Slot(s.0 + 1), text.len() as u64);
    f.emit(Instr::CallNative {
        id: native,
        n: 2,
        base: s,
    });
    let at = f.pc();
    f.patch(ok, at);
    let win = f.alloc(rs + recv_slots + ps);
    f.load_mem(p, 0, recv_t, Slot(win.0 + rs as u16));
    f.mov(Slot(win.0 + (rs + recv_slots) as u16), Slot(p.0 + 1), ps);
    f.emit(Instr::Call {
        func: fid,
        base: win,
    });
    f.mov(Slot(0), win, rs);
    f.emit(Instr::Ret);
    let func = f.finish(rs, 1 + ps, String::new(), 0, true);
    c.funcs[id.idx()] = Some(func);
    id
}

/// A generated `defer` thunk: loads the callee (for closures and
/// interface methods) and the arguments captured in its closure, and
/// calls.
pub(crate) fn defer_thunk(
    c: &mut Compiler,
    call: ThunkCall,
    arg_slots: u32,
    res_slots: u32,
    outer: &str,
) -> FuncId {
    call_thunk(
        c,
        call,
        arg_slots,
        0,
        res_slots,
        false,
        format!("{}.deferwrap", outer),
    )
}

/// A generated function that calls `call` with the `cap_slots` words
/// captured in its closure (after the FuncId word, and after the callee
/// word for closures and interface methods), followed by its own
/// `fwd_slots` argument slots; with `returns`, the callee's `res_slots`
/// result slots become its own results. Defer thunks capture every
/// argument; method values (`x.M`) capture the receiver and forward the
/// rest (Go's `-fm` wrappers).
pub(crate) fn call_thunk(
    c: &mut Compiler,
    call: ThunkCall,
    cap_slots: u32,
    fwd_slots: u32,
    res_slots: u32,
    returns: bool,
    name: String,
) -> FuncId {
    let id = c.reserve();
    let mut f = func::Fc::new(c, 0, name);
    let own_res = if returns { res_slots } else { 0 };
    f.alloc(own_res + fwd_slots);
    let ctx = f.alloc_ptr();
    f.emit(Instr::GetClosure { dst: ctx });
    let fword = f.alloc_ptr();
    let fv_word = !matches!(call, ThunkCall::Static(_));
    if fv_word {
        f.emit(Instr::Load {
            dst: fword,
            p: ctx,
            kind: rgo_runtime::op::MemKind::W64,
            off: 8,
        });
    }
    let win = f.alloc(res_slots + cap_slots + fwd_slots);
    if cap_slots > 0 {
        f.emit(Instr::LoadN {
            dst: Slot(win.0 + res_slots as u16),
            p: ctx,
            n: cap_slots as u16,
            off: 8 * (1 + fv_word as u32),
        });
    }
    f.mov(
        Slot(win.0 + (res_slots + cap_slots) as u16),
        Slot(own_res as u16),
        fwd_slots,
    );
    match call {
        ThunkCall::Static(fid) => f.emit(Instr::Call {
            func: fid,
            base: win,
        }),
        ThunkCall::Closure => f.emit(Instr::CallClosure {
            fv: fword,
            base: win,
            n: (res_slots + cap_slots + fwd_slots) as u16,
            res: res_slots as u16,
        }),
        ThunkCall::Indirect => f.emit(Instr::CallIndirect {
            f: fword,
            base: win,
            n: (res_slots + cap_slots + fwd_slots) as u16,
            res: res_slots as u16,
        }),
    };
    if returns {
        f.mov(Slot(0), win, res_slots);
    }
    f.emit(Instr::Ret);
    let func = f.finish(own_res, fwd_slots, String::new(), 0, true);
    c.funcs[id.idx()] = Some(func);
    id
}

/// The thunk of a deferred `print`/`println`/`panic`: loads the values
/// captured in its closure and performs the builtin.
pub(crate) fn builtin_thunk(
    c: &mut Compiler,
    b: rgo_types::types::Builtin,
    items: &[(TypeId, rgo_runtime::op::PrintKind)],
    outer: &str,
) -> FuncId {
    use rgo_runtime::op::PrintKind;
    let id = c.reserve();
    let mut f = func::Fc::new(c, 0, format!("{}.deferwrap", outer));
    let ctx = f.alloc_ptr();
    f.emit(Instr::GetClosure { dst: ctx });
    let mut off = 8u32;
    let mut slots = Vec::new();
    for (t, _) in items {
        slots.push(f.load_words(ctx, off, *t));
        off += 8 * f.nslots(*t);
    }
    match b {
        rgo_types::types::Builtin::Panic => {
            f.emit(Instr::Panic { v: slots[0] });
        }
        rgo_types::types::Builtin::Recover => {
            let d = f.alloc(2);
            f.emit(Instr::Recover { dst: d });
        }
        rgo_types::types::Builtin::Close => {
            let nat = f.c.rt_native("runtime.closechan");
            let w = f.alloc_ptr();
            f.mov(w, slots[0], 1);
            f.emit(Instr::CallNative {
                id: nat,
                n: 1,
                base: w,
            });
        }
        rgo_types::types::Builtin::Delete
        | rgo_types::types::Builtin::Copy
        | rgo_types::types::Builtin::Clear => {
            let args: Vec<call::BArg> = slots
                .iter()
                .zip(items)
                .map(|(s, (t, _))| call::BArg::V(*s, *t))
                .collect();
            f.builtin_vals(rgo_syntax::Pos(0), b, &args, false, TypeId::INT, None);
        }
        _ => {
            let ln = b == rgo_types::types::Builtin::Println;
            for (i, (s, (_, k))) in slots.iter().zip(items).enumerate() {
                if ln && i > 0 {
                    f.emit(Instr::Print {
                        a: *s,
                        kind: PrintKind::Space,
                    });
                }
                f.emit(Instr::Print { a: *s, kind: *k });
            }
            let z = f.alloc(1);
            f.emit(Instr::Print {
                a: z,
                kind: if ln {
                    PrintKind::Newline
                } else {
                    PrintKind::Flush
                },
            });
        }
    }
    f.emit(Instr::Ret);
    let func = f.finish(0, 0, String::new(), 0, true);
    c.funcs[id.idx()] = Some(func);
    id
}

impl Compiler<'_> {
    /// The descriptor (built once per layout) of an object of
    /// `bits.len()` words whose words `i` with `bits[i]` hold pointers
    /// (closure and defer records).
    pub(crate) fn words_type(&mut self, bits: &[bool]) -> *const rgo_runtime::typedesc::Type {
        if let Some(&d) = self.word_types.get(bits) {
            return d;
        }
        let d = words_type(bits);
        self.word_types.insert(bits.to_vec(), d);
        d
    }
}

/// A leaked descriptor for an object of `bits.len()` words whose words
/// `i` with `bits[i]` hold pointers.
fn words_type(bits: &[bool]) -> *const rgo_runtime::typedesc::Type {
    use rgo_runtime::typedesc::{Kind, Type as TD};
    let t = if bits.iter().any(|b| *b) {
        TD::with_pointers(
            bits.len() * 8,
            Kind::Struct,
            Box::leak(layout::bitmap(bits).into_boxed_slice()),
            "funcval",
        )
    } else {
        TD::noscan(bits.len() * 8, 8, Kind::Struct, "funcval")
    };
    Box::leak(Box::new(t))
}

/// Attaches method tables to the descriptors of `T` and `*T` for every
/// named type with methods (what `assertE2I` matches interfaces against).
fn attach_methods(c: &mut Compiler, named: &[TypeId]) {
    let pkg_path = c.w.pkg(c.pkg).path.clone();
    for &t in named {
        let pt = c.w.types.pointer(t);
        for ty in [t, pt] {
            let names: Vec<(String, ObjId)> =
                c.w.method_set(ty)
                    .into_iter()
                    .map(|(n, m, ..)| (n, m))
                    .collect();
            let mut ms = Vec::new();
            for (n, m) in names {
                if let Some(f) = method_func(c, ty, &n) {
                    let mt = c.w.instance_method_type(ty, m);
                    let sig = c.descs.method_sig(c.w, mt);
                    ms.push((n, f.0, sig));
                }
            }
            let d = c.descs.get(c.w, ty);
            c.descs.set_methods(d, &pkg_path, ms);
        }
    }
}

/// The descriptor of runtime error values: string-shaped (the data word
/// points at the message), with `Error() string` (returns the message)
/// and `RuntimeError()` methods, so it satisfies `error` and
/// `runtime.Error`.
fn runtime_error_desc(c: &mut Compiler) -> *const rgo_runtime::typedesc::Type {
    let err_id = c.reserve();
    let mut f = func::Fc::new(c, 0, "runtime.(*errorString).Error".into());
    let res = f.alloc(2);
    let p = f.alloc_ptr();
    f.emit(Instr::LoadN {
        dst: res,
        p,
        n: 2,
        off: 0,
    });
    f.emit(Instr::Ret);
    let func = f.finish(2, 1, String::new(), 0, true);
    c.funcs[err_id.idx()] = Some(func);
    let rt_id = c.reserve();
    let mut f = func::Fc::new(c, 0, "runtime.(*errorString).RuntimeError".into());
    f.alloc_ptr();
    f.emit(Instr::Ret);
    let func = f.finish(0, 1, String::new(), 0, true);
    c.funcs[rt_id.idx()] = Some(func);
    let mut t = rgo_runtime::typedesc::Type::noscan(
        16,
        8,
        rgo_runtime::typedesc::Kind::String,
        "runtime.Error",
    );
    t.tflag = rgo_runtime::typedesc::tflag::NAMED;
    let d: *const rgo_runtime::typedesc::Type = Box::leak(Box::new(t));
    c.descs.set_methods(
        d,
        "runtime",
        vec![
            ("Error".into(), err_id.0, std::ptr::null()),
            ("RuntimeError".into(), rt_id.0, std::ptr::null()),
        ],
    );
    d
}
