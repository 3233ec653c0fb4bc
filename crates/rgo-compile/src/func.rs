//! Lowering of one function: frame layout, slots, variables, statements,
//! control flow, and the function's prologue and epilogue. Expressions are
//! in expr.rs, calls/builtins/conversions/interfaces in call.rs.
//!
//! Frame: `[results][params (receiver first)][locals and temporaries]`.
//! Slots are handed out monotonically (see lib.rs); `alloc_t` marks the
//! pointer words of the value's type in the frame's pointer map.
//!
//! Control flow is emitted with forward jumps patched when the target is
//! known (`Label`s are pcs); `break`/`continue` go through the loop stack,
//! `goto` through the label table patched at the end.

use std::collections::HashMap;

use rgo_runtime::op::{FuncId, Instr, MemKind, Slot};
use rgo_runtime::symtab::{ArgPart, Func};
use rgo_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use rgo_syntax::token::Token;
use rgo_syntax::Pos;
use rgo_types::constant::Value;
use rgo_types::types::{ObjId, Type, TypeId};

use crate::layout;
use crate::{Compiler, PendingLit};

/// Slots reserved per function for prologue-loaded constants.
pub(crate) const CONST_AREA: u32 = 8;

/// Where a local variable lives.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Var {
    /// In frame slots starting here.
    Slot(Slot),
    /// On the heap; the slot holds the cell's address.
    Heap(Slot),
}

/// A loop or switch that `break` (and for loops `continue`) can leave.
pub(crate) struct Loop {
    pub label: Option<String>,
    pub breaks: Vec<usize>,
    pub conts: Vec<usize>,
    pub is_loop: bool,
}

/// A result parameter: its slot offset in the frame, type and variable.
pub(crate) struct ResultVar {
    pub slot: Slot,
    pub typ: TypeId,
    pub obj: Option<ObjId>,
}

/// The compiler of one function.
pub(crate) struct Fc<'c, 'a> {
    pub c: &'c mut Compiler<'a>,
    pub file: usize,
    pub code: Vec<Instr>,
    /// Line-table entries of `code` (see `set_line`).
    pub lines: Vec<u32>,
    /// File names from line directives, as written (entry file k is
    /// `line_files[k-1]`).
    line_files: Vec<String>,
    /// The file whose lines are the line table's file 0, when the code
    /// comes from several files (package initializers); else `file`.
    line_base: Option<usize>,
    /// How tracebacks print the parameters (`layout::arg_info`).
    pub(crate) arg_info: Vec<ArgPart>,
    pub consts: Vec<u64>,
    const_idx: HashMap<u64, u32>,
    pub next: u32,
    pub ptrs: Vec<bool>,
    pub vars: HashMap<ObjId, Var>,
    pub line: u32,
    pub loops: Vec<Loop>,
    pub labels: HashMap<String, usize>,
    pub gotos: Vec<(usize, String)>,
    pub pending_label: Option<String>,
    pub results: Vec<ResultVar>,
    pub ret_patches: Vec<usize>,
    pub has_defer: bool,
    pub name: String,
    pub lit_count: u32,
    /// The function's own closure pointer (closures), for nested literals.
    pub closure: Option<Slot>,
    /// The frame overflowed the slot space (reported once).
    pub too_big: bool,
    /// Lower bound of the frame size (zero-size values' indices).
    pub min_frame: u32,
    /// One-word constants loaded once in the prologue: value → slot
    /// (read-only slots; see `const_slot`).
    pub const_slots: Vec<(u64, Slot)>,
    /// The reserved constant area: first slot and size.
    pub const_area: Option<(Slot, u32)>,
    /// Width (results and arguments) of the window of each call emitted
    /// by `call`, by its base slot (for the peephole pass).
    pub windows: HashMap<u16, u32>,
    /// Whether `layout_params` reserves the constant area (only bodies
    /// with loops use it; see `const_slot`).
    pub want_consts: bool,
    /// The source path (for the functions made of range-over-func bodies).
    pub path: String,
    /// When this function is the body of a range-over-func loop: how its
    /// `return`, `defer` and branches reach the enclosing function.
    pub rf: Option<Box<crate::rangefunc::RfBody>>,
    /// Range-over-func loops lowered so far (their bodies' names).
    pub range_count: u32,
    /// Nesting of range-over-func bodies this function is in (naming).
    pub rf_level: u32,
    /// Slice variables whose first `append` got a stack buffer (Go's
    /// stack backing store, one per variable and function; call.rs).
    pub append_bufs: std::collections::HashSet<ObjId>,
    /// Calls (and receives) of the statement being compiled that were
    /// evaluated ahead of the rest of it (gc's order: [`Fc::hoist`]):
    /// their result slots, taken once when the expression is reached.
    pub hoisted: HashMap<rgo_syntax::ast::NodeId, Slot>,
}

impl<'c, 'a> Fc<'c, 'a> {
    pub(crate) fn new(c: &'c mut Compiler<'a>, file: usize, name: String) -> Self {
        Fc {
            c,
            file,
            code: Vec::new(),
            lines: Vec::new(),
            line_files: Vec::new(),
            line_base: None,
            arg_info: Vec::new(),
            consts: Vec::new(),
            const_idx: HashMap::new(),
            next: 0,
            ptrs: Vec::new(),
            vars: HashMap::new(),
            line: 0,
            loops: Vec::new(),
            labels: HashMap::new(),
            gotos: Vec::new(),
            pending_label: None,
            results: Vec::new(),
            ret_patches: Vec::new(),
            has_defer: false,
            path: String::new(),
            rf: None,
            range_count: 0,
            rf_level: 0,
            name,
            lit_count: 0,
            closure: None,
            too_big: false,
            min_frame: 0,
            const_slots: Vec::new(),
            const_area: None,
            windows: HashMap::new(),
            want_consts: true,
            append_bufs: Default::default(),
            hoisted: HashMap::new(),
        }
    }

    // ------------------------------------------------------------------
    // Emission.

    pub fn emit(&mut self, i: Instr) -> usize {
        self.code.push(i);
        self.lines.push(self.line);
        self.code.len() - 1
    }

    pub fn pc(&self) -> usize {
        self.code.len()
    }

    /// Points the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: usize) {
        let off = target as i32 - at as i32 - 1;
        if let Some(o) = self.code[at].jump_off_mut() {
            *o = off;
        }
    }

    pub fn jmp(&mut self) -> usize {
        self.emit(Instr::Jmp { off: 0 })
    }

    pub fn jmp_to(&mut self, target: usize) {
        let at = self.jmp();
        self.patch(at, target);
    }

    pub fn konst(&mut self, v: u64) -> u32 {
        if let Some(&i) = self.const_idx.get(&v) {
            return i;
        }
        self.consts.push(v);
        let i = self.consts.len() as u32 - 1;
        self.const_idx.insert(v, i);
        i
    }

    /// An address of static memory (a package variable) into `dst`:
    /// always a constant of the pool, never an immediate, however small
    /// (escape analysis takes immediates for integers; stackobj.rs).
    pub fn load_addr(&mut self, dst: Slot, addr: u64) {
        let idx = self.konst(addr);
        self.emit(Instr::LoadConst { dst, idx });
    }

    pub fn load_u64(&mut self, dst: Slot, v: u64) {
        if v as i64 >= i32::MIN as i64 && v as i64 <= i32::MAX as i64 {
            self.emit(Instr::LoadImm {
                dst,
                imm: v as i64 as i32,
            });
        } else {
            let idx = self.konst(v);
            self.emit(Instr::LoadConst { dst, idx });
        }
    }

    /// Binds a closure's captured variables, in closure-record order after
    /// the code word, from the closure register: a variable captured by
    /// value is loaded into slots, one shared through a heap cell has its
    /// cell pointer loaded. Returns the closure register's slot and the
    /// record offset after the captures.
    pub(crate) fn bind_captures(&mut self, caps: &[(ObjId, bool)]) -> (Slot, u32) {
        let ctx = self.alloc_ptr();
        self.emit(Instr::GetClosure { dst: ctx });
        self.closure = Some(ctx);
        let mut off = 8;
        for &(o, by_value) in caps {
            if by_value {
                let t = self.oty(o);
                let n = self.nslots(t);
                let s = self.alloc_t(t);
                if n > 0 {
                    self.emit(Instr::LoadCtx {
                        dst: s,
                        n: n as u16,
                        off,
                    });
                }
                off += 8 * n;
                self.vars.insert(o, Var::Slot(s));
            } else {
                let cell = self.alloc_ptr();
                self.emit(Instr::LoadCtx {
                    dst: cell,
                    n: 1,
                    off,
                });
                off += 8;
                self.vars.insert(o, Var::Heap(cell));
            }
        }
        (ctx, off)
    }

    /// Makes `pos` the source position of the instructions emitted next:
    /// its line after line directives, and the directive's file name as
    /// the entry's file index ([`rgo_runtime::symtab::Func::decode_line`]).
    pub fn set_line(&mut self, pos: Pos) {
        use rgo_runtime::symtab::{LINE_BITS, LINE_MASK};
        let Some(s) = self.c.srcs.get(self.file) else {
            return;
        };
        let p = s.rel_pos(pos);
        let base = self.line_base.and_then(|b| self.c.srcs.get(b)).unwrap_or(s);
        let mut k = 0;
        if p.name != base.name {
            k = match self.line_files.iter().position(|f| f == p.name) {
                Some(i) => i + 1,
                None if self.line_files.len() < 255 => {
                    self.line_files.push(p.name.to_string());
                    self.line_files.len()
                }
                None => 0,
            };
        }
        self.line = (k as u32) << LINE_BITS | (p.line & LINE_MASK);
    }

    // ------------------------------------------------------------------
    // Slots.

    /// `n` slots whose type the caller does not give: call windows of
    /// natives, generated wrappers' frames, copies of multi-word values.
    /// They are marked as possible pointers, so the collector scans them
    /// where they are live (a word that does not point into an allocated
    /// object is ignored); typed values use [`Fc::alloc_t`] and are exact.
    pub fn alloc(&mut self, n: u32) -> Slot {
        let s = self.alloc_raw(n);
        let end = (s.0 as usize + n as usize).min(self.ptrs.len());
        if !self.too_big {
            self.ptrs[s.0 as usize..end]
                .iter_mut()
                .for_each(|b| *b = true);
        }
        s
    }

    /// `n` slots not marked as pointers: the caller marks their types.
    pub(crate) fn alloc_raw(&mut self, n: u32) -> Slot {
        const LIMIT: u32 = u16::MAX as u32 - 64;
        if self.next + n.max(1) > LIMIT {
            if !self.too_big {
                self.too_big = true;
                self.err(
                    Pos(0),
                    format!(
                        "function {} needs a frame of more than {} slots (not supported yet)",
                        self.name, LIMIT
                    ),
                );
            }
            return Slot(0);
        }
        let s = self.next;
        if n == 0 {
            // Zero-size values take no slot (callers and callees agree on
            // `slots(T) == 0`); keep the frame covering the index.
            self.min_frame = self.min_frame.max(s + 1);
            return Slot(s as u16);
        }
        self.next += n;
        if self.ptrs.len() < self.next as usize {
            self.ptrs.resize(self.next as usize, false);
        }
        Slot(s as u16)
    }

    /// Slots for a value of type `t`, with its pointer words marked.
    pub fn alloc_t(&mut self, t: TypeId) -> Slot {
        let n = layout::slots(self.c.w, t);
        let s = self.alloc_raw(n);
        self.mark_types(s, &[t]);
        s
    }

    /// Marks the pointer words of values of `types` laid out one after
    /// another from slot `at` in the frame's pointer map.
    pub fn mark_types(&mut self, at: Slot, types: &[TypeId]) {
        let mut s = at.0 as usize;
        for t in types {
            let mut words = Vec::new();
            layout::pointer_words(self.c.w, *t, 0, &mut words);
            for (i, b) in words.iter().enumerate() {
                if *b && s + i < self.ptrs.len() {
                    self.ptrs[s + i] = true;
                }
            }
            s += self.nslots(*t) as usize;
        }
    }

    pub fn alloc_ptr(&mut self) -> Slot {
        self.alloc(1)
    }

    /// A slot that never holds a pointer.
    pub fn scalar(&mut self) -> Slot {
        self.alloc_raw(1)
    }

    pub fn mov(&mut self, dst: Slot, src: Slot, n: u32) {
        if dst == src || n == 0 {
            return;
        }
        if n == 1 {
            self.emit(Instr::Mov { dst, src });
        } else {
            self.emit(Instr::MovN {
                dst,
                src,
                n: n as u16,
            });
        }
    }

    pub fn zero(&mut self, dst: Slot, n: u32) {
        match n {
            0 => {}
            1 => {
                self.emit(Instr::LoadImm { dst, imm: 0 });
            }
            _ => {
                self.emit(Instr::ZeroN { dst, n: n as u16 });
            }
        }
    }

    pub fn nslots(&self, t: TypeId) -> u32 {
        layout::slots(self.c.w, t)
    }

    pub fn under(&self, t: TypeId) -> Type {
        self.c.w.types.get(self.c.w.types.under(t)).clone()
    }

    /// The type of expression `e` (untyped constants get their default type;
    /// in an instance of a generic function, type arguments replace the
    /// type parameters).
    pub fn ty(&self, e: &Expr) -> TypeId {
        if let Some(s) = &self.c.subst {
            if let Some(&t) = s.types.get(&(self.file, e.id.index())) {
                return self.c.w.types.default_type(t);
            }
        }
        match self.c.info.type_of(self.file, e.id) {
            Some(tv) => self.c.w.types.default_type(tv.typ),
            None => TypeId::INVALID,
        }
    }

    /// The type of object `o` (substituted in a generic instance: also
    /// objects of other declarations whose types mention the instance's
    /// type parameters, as a constraint method's results do).
    pub fn oty(&mut self, o: ObjId) -> TypeId {
        let t = self.c.w.obj(o).typ;
        match self.c.subst.clone() {
            Some(s) => match s.objs.get(&o) {
                Some(&t) => t,
                None => self.c.w.subst(t, &s.map),
            },
            None => t,
        }
    }

    pub fn const_val(&self, e: &Expr) -> Option<Value> {
        self.c
            .info
            .type_of(self.file, e.id)
            .and_then(|tv| tv.val.clone())
    }

    pub fn use_of(&self, e: &Expr) -> Option<ObjId> {
        if let Some(o) = self.qualified(e) {
            return Some(o);
        }
        self.c.info.files[self.file]
            .uses
            .get(e.id.index())
            .copied()
            .flatten()
    }

    /// The instance a use of a generic function denotes (`F`, `pkg.F`,
    /// `F[T]`, with type arguments given or inferred).
    pub fn generic_callee(&mut self, fun: &Expr) -> Option<FuncId> {
        let mut x = fun.unparen();
        if let ExprKind::Index(g, _) = &x.kind {
            x = g.unparen();
        }
        let o = self.use_of(x)?;
        if !self.c.generics.contains_key(&o) {
            return None;
        }
        let node = match &x.kind {
            ExprKind::Selector(_, sel) => sel.id,
            _ => x.id,
        };
        // Partial inference (`F[int](x, y)`) records the instance at the
        // index expression.
        let insts = &self.c.info.files[self.file].instances;
        let inst = insts
            .get(node.index())
            .cloned()
            .flatten()
            .or_else(|| insts.get(fun.unparen().id.index()).cloned().flatten())?;
        let targs: Vec<TypeId> = inst.targs.iter().map(|t| self.concrete(*t)).collect();
        Some(self.c.instantiate(o, targs))
    }

    /// `t` with the type arguments of the generic instance being compiled
    /// substituted for its type parameters.
    pub fn concrete(&mut self, t: TypeId) -> TypeId {
        match self.c.subst.clone() {
            Some(s) => self.c.w.subst(t, &s.map),
            None => t,
        }
    }

    /// The object a qualified identifier `pkg.X` denotes.
    pub fn qualified(&self, e: &Expr) -> Option<ObjId> {
        let ExprKind::Selector(x, sel) = &e.kind else {
            return None;
        };
        let ExprKind::Name(_) = &x.kind else {
            return None;
        };
        let uses = &self.c.info.files[self.file].uses;
        let p = uses.get(x.id.index()).copied().flatten()?;
        if !matches!(self.c.w.obj(p).kind, rgo_types::types::ObjKind::PkgName(_)) {
            return None;
        }
        uses.get(sel.id.index()).copied().flatten()
    }

    pub fn def_of_id(&self, id: rgo_syntax::ast::NodeId) -> Option<ObjId> {
        self.c.info.files[self.file]
            .defs
            .get(id.index())
            .copied()
            .flatten()
    }

    pub fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        let f = self.file;
        self.c.error(f, pos, msg);
    }

    /// A constant pointer to a type descriptor in a slot.
    pub fn desc_const(&mut self, t: TypeId) -> u64 {
        self.c.descs.get(self.c.w, t) as u64
    }

    /// Allocates a zeroed heap object of type `t` into pointer slot `dst`.
    pub fn new_into(&mut self, dst: Slot, t: TypeId) {
        let d = self.desc_const(t);
        let idx = self.konst(d);
        self.emit(Instr::New { dst, typ: idx });
    }

    /// A new pointer slot holding a zeroed heap object of type `t`.
    pub fn new_obj(&mut self, t: TypeId) -> Slot {
        let p = self.alloc_ptr();
        self.new_into(p, t);
        p
    }

    // ------------------------------------------------------------------
    // Variables.

    /// Declares local `o` of type `t`: on the heap if it escapes.
    pub fn declare(&mut self, o: ObjId) -> Var {
        let t = self.oty(o);
        let v = if self.c.on_heap(o) {
            Var::Heap(self.new_obj(t))
        } else {
            Var::Slot(self.alloc_t(t))
        };
        self.vars.insert(o, v);
        v
    }

    /// Stores the value in `src` into variable `v` of type `t`.
    pub fn store_var(&mut self, v: Var, t: TypeId, src: Slot) {
        match v {
            Var::Slot(s) => {
                let n = self.nslots(t);
                self.mov(s, src, n)
            }
            Var::Heap(p) => self.store_mem(p, 0, t, src),
        }
    }

    // ------------------------------------------------------------------
    // Memory.

    pub fn load_mem(&mut self, p: Slot, off: u32, t: TypeId, dst: Slot) {
        let size = self.c.w.sizeof(t).max(0) as u32;
        if size == 0 {
            self.emit(Instr::NilCheck { p });
            return;
        }
        if size < 8 && layout::is_scalar(self.c.w, t) {
            let kind = layout::mem_kind(self.c.w, t);
            self.emit(Instr::Load { dst, p, kind, off });
        } else if size.is_multiple_of(8) {
            if size == 8 {
                self.emit(Instr::Load {
                    dst,
                    p,
                    kind: MemKind::W64,
                    off,
                });
            } else {
                self.emit(Instr::LoadN {
                    dst,
                    p,
                    n: (size / 8) as u16,
                    off,
                });
            }
        } else {
            let q = self.addr_plus(p, off);
            self.emit(Instr::LoadBytes { dst, p: q, size });
        }
    }

    pub fn store_mem(&mut self, p: Slot, off: u32, t: TypeId, src: Slot) {
        let size = self.c.w.sizeof(t).max(0) as u32;
        if size == 0 {
            self.emit(Instr::NilCheck { p });
            return;
        }
        if size < 8 && layout::is_scalar(self.c.w, t) {
            let kind = layout::mem_kind(self.c.w, t);
            self.emit(Instr::Store { p, src, kind, off });
        } else if size.is_multiple_of(8) {
            if size == 8 {
                self.emit(Instr::Store {
                    p,
                    src,
                    kind: MemKind::W64,
                    off,
                });
            } else {
                self.emit(Instr::StoreN {
                    p,
                    src,
                    n: (size / 8) as u16,
                    off,
                });
            }
        } else {
            let q = self.addr_plus(p, off);
            self.emit(Instr::StoreBytes { p: q, src, size });
        }
    }

    /// Loads a value of type `t` kept as whole words at `R[p] + off` (in a
    /// closure or defer record) into new slots.
    pub fn load_words(&mut self, p: Slot, off: u32, t: TypeId) -> Slot {
        let n = self.nslots(t);
        let s = self.alloc_t(t);
        if n > 0 {
            self.emit(Instr::LoadN {
                dst: s,
                p,
                n: n as u16,
                off,
            });
        }
        s
    }

    pub fn addr_plus(&mut self, p: Slot, off: u32) -> Slot {
        if off == 0 {
            return p;
        }
        self.emit(Instr::NilCheck { p });
        let q = self.alloc_ptr();
        self.emit(Instr::AddPtrImm {
            dst: q,
            a: p,
            imm: off,
        });
        q
    }

    // ------------------------------------------------------------------
    // Function bodies.

    /// Lays out results and parameters of signature `sig` (receiver first).
    fn layout_params(&mut self, sig: TypeId) -> (u32, u32) {
        let Type::Signature(s) = self.c.w.types.get(sig).clone() else {
            return (0, 0);
        };
        for r in &s.results {
            let t = self.oty(*r);
            let slot = self.alloc_t(t);
            let named = !self.c.w.obj(*r).name.is_empty();
            self.results.push(ResultVar {
                slot,
                typ: t,
                obj: named.then_some(*r),
            });
        }
        let res = self.next;
        let mut params: Vec<ObjId> = Vec::new();
        if let Some(r) = s.recv {
            params.push(r);
        }
        params.extend(s.params.iter().copied());
        let mut slots = Vec::new();
        for p in &params {
            let t = self.oty(*p);
            slots.push(self.alloc_t(t));
        }
        let args = self.next - res;
        let mut n = 0;
        for (p, s) in params.iter().zip(&slots) {
            let t = self.oty(*p);
            let off = (s.0 as u32 - res) * 8;
            if !crate::layout::arg_info(self.c.w, t, off, 0, &mut n, &mut self.arg_info) {
                break;
            }
        }
        if self.want_consts {
            let area = self.alloc(CONST_AREA);
            self.const_area = Some((area, CONST_AREA));
        }
        // Variables: escaping parameters and results move to the heap.
        for (p, s) in params.iter().zip(slots) {
            self.bind_param(*p, s);
        }
        for i in 0..self.results.len() {
            if let Some(o) = self.results[i].obj {
                let s = self.results[i].slot;
                let n = self.nslots(self.results[i].typ);
                // Results are not zeroed by the call (op.rs).
                self.zero(s, n);
                self.bind_param(o, s);
            }
        }
        (res, args)
    }

    pub(crate) fn bind_param(&mut self, o: ObjId, s: Slot) {
        let t = self.oty(o);
        if self.c.on_heap(o) {
            let p = self.spill(s, t);
            self.vars.insert(o, Var::Heap(p));
        } else {
            self.vars.insert(o, Var::Slot(s));
        }
    }

    /// Compiles a body and the epilogue; returns the finished function.
    fn body(
        mut self,
        body: &'a ast::Block,
        res: u32,
        args: u32,
        path: String,
        wrapper: bool,
    ) -> Func {
        self.has_defer = block_has_defer(body);
        // Results are not zeroed by the call (op.rs): named ones are
        // variables, and a recovered function returns what they hold.
        for i in 0..self.results.len() {
            let (slot, t, named) = (
                self.results[i].slot,
                self.results[i].typ,
                self.results[i].obj.is_some(),
            );
            if !named && self.has_defer {
                let n = self.nslots(t);
                self.zero(slot, n);
            }
        }
        self.block(body);
        // Falling off the end (no results, or unreachable) is at the
        // closing brace; but a body ending in a plain `return` has no code
        // there (gc's line table): the unreachable final `Ret` keeps the
        // return's line.
        if self.needs_epilogue() || self.code.last() != Some(&Instr::Ret) {
            self.set_line(body.rbrace);
        }
        if !self.needs_epilogue() && self.code.last() != Some(&Instr::Ret) {
            self.emit(Instr::Ret);
        }
        let epi = self.pc();
        self.epilogue();
        for (at, l) in std::mem::take(&mut self.gotos) {
            match self.labels.get(&l).copied() {
                Some(t) => self.patch(at, t),
                None => self.err(Pos(0), format!("label {} not defined", l)),
            }
        }
        for at in std::mem::take(&mut self.ret_patches) {
            self.patch(at, epi);
        }
        self.finish(res, args, path, epi as u32, wrapper)
    }

    /// Whether returns go through the epilogue: the function has defers
    /// or named results living on the heap (copied out there).
    fn needs_epilogue(&self) -> bool {
        self.has_defer
            || self.results.iter().any(|r| {
                r.obj
                    .is_some_and(|o| matches!(self.vars.get(&o), Some(Var::Heap(_))))
            })
    }

    pub fn epilogue(&mut self) {
        if self.has_defer {
            self.emit(Instr::DeferReturn);
        }
        for i in 0..self.results.len() {
            if let Some(o) = self.results[i].obj {
                if let Some(Var::Heap(p)) = self.vars.get(&o).copied() {
                    let (s, t) = (self.results[i].slot, self.results[i].typ);
                    self.load_mem(p, 0, t, s);
                }
            }
        }
        self.emit(Instr::Ret);
    }

    /// A read-only slot holding the one-word constant `v`, loaded in the
    /// function's prologue (prepended by `finish`).
    ///
    /// The slots come from an area reserved right after the parameters:
    /// a slot allocated later could lie inside the frame of a call made
    /// before its first use, which would clobber it (see lib.rs).
    pub fn const_slot(&mut self, v: u64) -> Option<Slot> {
        if let Some(&(_, s)) = self.const_slots.iter().find(|(x, _)| *x == v) {
            return Some(s);
        }
        // The area is small: spend it on constants used inside loops,
        // where hoisting saves a load per iteration.
        if !self.loops.iter().any(|l| l.is_loop) {
            return None;
        }
        let (start, cap) = self.const_area?;
        let n = self.const_slots.len() as u32;
        if n >= cap {
            return None;
        }
        let s = Slot(start.0 + n as u16);
        self.const_slots.push((v, s));
        Some(s)
    }

    pub fn finish(
        mut self,
        res: u32,
        args: u32,
        path: String,
        recover_pc: u32,
        wrapper: bool,
    ) -> Func {
        // Prologue: the cached constants. Jumps are relative, so the body
        // needs no patching; the recovery pc moves with it.
        let body = std::mem::take(&mut self.code);
        let body_lines = std::mem::take(&mut self.lines);
        let first_line = body_lines.first().copied().unwrap_or(0);
        self.line = first_line;
        for (v, s) in std::mem::take(&mut self.const_slots) {
            self.load_u64(s, v);
        }
        let k = self.code.len() as u32;
        self.code.extend(body);
        self.lines.extend(body_lines);
        let mut recover_pc = recover_pc + k;
        crate::peephole::optimize(
            &mut self.code,
            &mut self.lines,
            &mut recover_pc,
            res,
            res + args,
            &self.windows,
        );
        let size = self.next.max(res + args).max(self.min_frame).max(1);
        let mut ptrmap = vec![0u64; (size as usize).div_ceil(64)];
        for (i, b) in self.ptrs.iter().enumerate() {
            if *b && i < size as usize {
                ptrmap[i / 64] |= 1 << (i % 64);
            }
        }
        Func {
            name: self.name,
            code: self.code.into_boxed_slice(),
            consts: self.consts.into_boxed_slice(),
            frame_size: size,
            result_slots: res,
            arg_slots: args,
            ptrmap: ptrmap.into_boxed_slice(),
            files: {
                let shown = self
                    .c
                    .srcs
                    .get(self.line_base.unwrap_or(self.file))
                    .map_or("", |s| s.name.as_str());
                self.line_files
                    .iter()
                    .map(|f| runtime_file_name(shown, &path, f).into_boxed_str())
                    .collect()
            },
            arg_info: self.arg_info.into_boxed_slice(),
            file: path,
            lines: self.lines.into_boxed_slice(),
            recover_pc,
            wrapper,
            inlined: Box::new([]),
            stackmap: Default::default(),
            scan_whole_frame: false,
            args_live: false,
            noinline: false,
        }
    }

    // ------------------------------------------------------------------
    // Statements.

    pub fn block(&mut self, b: &'a ast::Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    pub fn stmt(&mut self, s: &'a Stmt) {
        // What a statement hoists, it consumes (else it would run twice).
        debug_assert!(self.hoisted.is_empty(), "hoisted values left unused");
        self.hoisted.clear();
        self.set_line(s.pos);
        let label = self.pending_label.take();
        match &s.kind {
            StmtKind::Bad | StmtKind::Empty => {}
            StmtKind::Decl(g) => self.local_decl(g),
            StmtKind::Labeled(l, inner) => {
                let pc = self.pc();
                self.labels.insert(l.name.to_string(), pc);
                self.pending_label = Some(l.name.to_string());
                self.stmt(inner);
                self.pending_label = None;
            }
            StmtKind::Expr(e) => {
                self.hoist(e, true);
                self.expr_stmt(e);
            }
            StmtKind::Send(snd) => {
                self.hoist(&snd.ch, true);
                self.hoist(&snd.value, true);
                self.send_stmt(snd)
            }
            StmtKind::IncDec(e, inc) => {
                self.hoist(e, true);
                self.op_assign(e, if *inc { Token::Add } else { Token::Sub }, None)
            }
            StmtKind::Assign(a) => {
                // A value assigned to anything but a variable (an index,
                // a field, a dereference) is computed before the place.
                // (A single value of several results, or a comma-ok
                // form, stays whole.)
                let root = a.rhs.len() == 1
                    && (a.lhs.len() != 1 || matches!(a.lhs[0].unparen().kind, ExprKind::Name(_)));
                a.lhs.iter().for_each(|e| self.hoist(e, true));
                a.rhs.iter().for_each(|e| self.hoist(e, root));
                self.assign(s, a)
            }
            StmtKind::Go(e) => self.go_stmt(e),
            StmtKind::Defer(e) => self.defer_stmt(e),
            StmtKind::Return(es) => {
                es.iter().for_each(|e| self.hoist(e, es.len() == 1));
                self.return_stmt(es)
            }
            StmtKind::Branch(tok, l) => self.branch(*tok, l.as_ref(), s.pos),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => self.if_stmt(i),
            StmtKind::Switch(sw) => self.switch_stmt(sw, label),
            StmtKind::TypeSwitch(sw) => self.type_switch(sw, label),
            StmtKind::Select(sel) => self.select_stmt(sel, label),
            StmtKind::For(f) => self.for_stmt(f, label),
            StmtKind::Range(r) => self.range_stmt(r, label),
        }
    }

    /// gc's evaluation order (cmd/compile's walk/order.go): within a
    /// statement, calls, channel receives, the builtins that compute
    /// (`len`, `cap`, `append`, `make`, `new`, `copy`, `min`...), string
    /// to slice conversions, slicing, type assertions and `&&`/`||`
    /// results are evaluated first, left to right and inner first, into
    /// temporaries; variables and memory are read afterwards, when the
    /// rest of the expression is evaluated. So `x + f()` sees what `f`
    /// did to `x`, and `s = append(s, g())` keeps what `g` appended to
    /// `s`. Not hoisted: the `root` itself (it is evaluated last anyway,
    /// and may be a comma-ok form), values of several or no results, the
    /// right operands of `&&` and `||` (conditional), function literals.
    pub(crate) fn hoist(&mut self, e: &'a Expr, root: bool) {
        // A constant runs nothing (and is compiled without its parts).
        if self.const_val(e).is_some() {
            return;
        }
        let ahead = |me: &mut Self| {
            let t = me.ty(e);
            if !root
                && t != TypeId::INVALID
                && !matches!(me.c.w.types.get(t), rgo_types::types::Type::Tuple(_))
            {
                let v = me.expr(e);
                me.hoisted.insert(e.id, v);
            }
        };
        match &e.kind {
            ExprKind::Paren(x) => self.hoist(x, root),
            ExprKind::Call(c) => {
                use crate::call::CallKind;
                use rgo_types::types::Builtin as B;
                let kind = self.call_kind(c);
                if matches!(kind, CallKind::Call) {
                    self.hoist(&c.fun, false);
                }
                for a in &c.args {
                    self.hoist(a, false);
                }
                let ordered = match kind {
                    CallKind::Builtin(b) => matches!(
                        b,
                        B::Append
                            | B::Cap
                            | B::Complex
                            | B::Copy
                            | B::Imag
                            | B::Len
                            | B::Make
                            | B::Max
                            | B::Min
                            | B::New
                            | B::Real
                            | B::Recover
                    ),
                    // string to []byte or []rune
                    CallKind::Conversion => {
                        let to = self.ty(e);
                        c.args.first().is_some_and(|a| {
                            let from = self.ty(a);
                            self.c.w.types.is_string(from)
                                && matches!(
                                    self.c.w.types.get(self.c.w.types.under(to)),
                                    rgo_types::types::Type::Slice(_)
                                )
                        })
                    }
                    CallKind::Call => true,
                };
                if ordered {
                    ahead(self);
                }
            }
            ExprKind::Unary(Token::Arrow, x) => {
                self.hoist(x, false);
                ahead(self);
            }
            ExprKind::Binary(Token::LAnd | Token::LOr, x, _) => {
                self.hoist(x, false);
                ahead(self);
            }
            ExprKind::Binary(_, x, y) => {
                self.hoist(x, false);
                self.hoist(y, false);
            }
            ExprKind::Unary(_, x) | ExprKind::Star(x) | ExprKind::Selector(x, _) => {
                self.hoist(x, false)
            }
            ExprKind::TypeAssert(x, _) => {
                self.hoist(x, false);
                ahead(self);
            }
            ExprKind::KeyValue(k, v) => {
                self.hoist(k, false);
                self.hoist(v, false);
            }
            ExprKind::Index(x, ix) => {
                self.hoist(x, false);
                for i in ix {
                    self.hoist(i, false);
                }
            }
            ExprKind::Slice(sl) => {
                self.hoist(&sl.x, false);
                for i in sl.index.iter().flatten() {
                    self.hoist(i, false);
                }
                ahead(self);
            }
            ExprKind::CompositeLit(cl) => {
                for el in &cl.elems {
                    self.hoist(el, false);
                }
            }
            _ => {}
        }
    }

    /// [`Fc::hoist`] for a condition compiled into jumps: its `&&`, `||`
    /// and `!` are control flow there, never values, so only their left
    /// operands' parts run ahead.
    pub(crate) fn hoist_cond(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Paren(x) | ExprKind::Unary(Token::Not, x) => self.hoist_cond(x),
            ExprKind::Binary(Token::LAnd | Token::LOr, x, _) => self.hoist_cond(x),
            _ => self.hoist(e, true),
        }
    }

    fn expr_stmt(&mut self, e: &'a Expr) {
        if let ExprKind::Call(c) = &e.unparen().kind {
            self.call(e.unparen(), c, None);
        } else {
            self.expr(e);
        }
    }

    fn local_decl(&mut self, g: &'a ast::GenDecl) {
        if g.kind != ast::DeclKind::Var {
            return;
        }
        for sp in &g.specs {
            let ast::Spec::Value(vs) = sp else { continue };
            // Each spec in order: a later one may read an earlier one.
            let single = vs.values.len() == 1;
            vs.values.iter().for_each(|e| self.hoist(e, single));
            let objs: Vec<Option<ObjId>> = vs.names.iter().map(|n| self.def_of_id(n.id)).collect();
            if vs.values.is_empty() {
                for o in objs.into_iter().flatten() {
                    let v = self.declare(o);
                    if let Var::Slot(s) = v {
                        let ot = self.oty(o);
                        let n = self.nslots(ot);
                        self.zero(s, n);
                    }
                }
            } else if vs.values.len() == 1 && vs.names.len() == 1 && self.big_local(objs[0]) {
                let Some(o) = objs[0] else { continue };
                let t = self.oty(o);
                if let Var::Heap(p) = self.declare(o) {
                    self.big_to_mem(&vs.values[0], t, p, 0);
                }
            } else if vs.values.len() == vs.names.len() {
                let mut vals = Vec::new();
                for (i, e) in vs.values.iter().enumerate() {
                    let t = objs[i].map(|o| self.oty(o)).unwrap_or_else(|| self.ty(e));
                    vals.push((self.value_as(e, t), t));
                }
                for (o, (v, t)) in objs.into_iter().zip(vals) {
                    if let Some(o) = o {
                        let var = self.declare(o);
                        self.store_var(var, t, v);
                    }
                }
            } else {
                let base = self.multi_value_n(&vs.values[0], objs.len());
                for (i, o) in objs.into_iter().enumerate() {
                    if let Some(o) = o {
                        let t = self.oty(o);
                        let src = base[i];
                        let var = self.declare(o);
                        let v = self.convert_slots(src.0, src.1, t);
                        self.store_var(var, t, v);
                    }
                }
            }
        }
    }

    fn assign(&mut self, s: &'a Stmt, a: &'a ast::AssignStmt) {
        match a.op {
            Token::Define | Token::Assign => {}
            op => {
                let bin = match op {
                    Token::AddAssign => Token::Add,
                    Token::SubAssign => Token::Sub,
                    Token::MulAssign => Token::Mul,
                    Token::QuoAssign => Token::Quo,
                    Token::RemAssign => Token::Rem,
                    Token::AndAssign => Token::And,
                    Token::OrAssign => Token::Or,
                    Token::XorAssign => Token::Xor,
                    Token::ShlAssign => Token::Shl,
                    Token::ShrAssign => Token::Shr,
                    Token::AndNotAssign => Token::AndNot,
                    _ => {
                        self.err(s.pos, "unsupported assignment operator");
                        return;
                    }
                };
                self.op_assign(&a.lhs[0], bin, Some(&a.rhs[0]));
                return;
            }
        }
        let define = a.op == Token::Define;
        // Fast path: one variable, one value.
        if a.lhs.len() == 1 && a.rhs.len() == 1 {
            let l = &a.lhs[0];
            if define {
                if let Some(o) = self.def_of_id(l.id) {
                    let t = self.oty(o);
                    if self.big_local(Some(o)) {
                        if let Var::Heap(p) = self.declare(o) {
                            self.big_to_mem(&a.rhs[0], t, p, 0);
                        }
                        return;
                    }
                    if !self.c.on_heap(o) {
                        let var = self.declare(o);
                        if let Var::Slot(dst) = var {
                            self.value_to(&a.rhs[0], t, dst);
                        }
                    } else {
                        let v = self.value_as(&a.rhs[0], t);
                        let var = self.declare(o);
                        self.store_var(var, t, v);
                    }
                    return;
                }
            }
            let pl = self.place(l);
            let t = self.place_type(&pl, l);
            if matches!(pl, Place::Blank) && self.is_plain_var(&a.rhs[0]) {
                // `_ = x`: reading a variable has no effect.
                return;
            }
            if let Place::Slots(dst, _) = pl {
                self.value_to(&a.rhs[0], t, dst);
            } else if let Place::Mem(p, off, _) = pl {
                if !self.big_to_mem(&a.rhs[0], t, p, off) {
                    let v = self.value_as(&a.rhs[0], t);
                    self.store_place(&pl, v);
                }
            } else {
                let v = self.value_as(&a.rhs[0], t);
                self.store_place(&pl, v);
            }
            return;
        }
        // General case: places first, then values into temps, then stores.
        let (mut places, types) = self.lhs_places(&a.lhs, define);
        self.freeze_places(&mut places);
        let mut vals: Vec<Slot> = Vec::new();
        if a.rhs.len() == a.lhs.len() {
            for (e, t) in a.rhs.iter().zip(&types) {
                let v = self.value_as(e, *t);
                // Copy: the value may be a variable assigned below.
                let n = self.nslots(*t);
                let tmp = self.alloc_t(*t);
                self.mov(tmp, v, n);
                vals.push(tmp);
            }
        } else {
            // `_, ok = m[k]`: the element is not read.
            let parts = match (is_blank(&a.lhs[0]), &a.rhs[0].unparen().kind) {
                (true, ExprKind::Index(x, idx)) if types.len() == 2 && self.is_map(x) => {
                    let (v, ok) = self.map_index2_as(x, &idx[0], false);
                    vec![(v, types[0]), (ok, TypeId::BOOL)]
                }
                _ => self.multi_value_n(&a.rhs[0], types.len()),
            };
            for (i, t) in types.iter().enumerate() {
                let (s, st) = parts[i];
                let v = self.convert_slots(s, st, *t);
                vals.push(v);
            }
        }
        self.store_lhs(places, vals, types);
    }

    /// Is `o` a local variable too big for the frame (on the heap)?
    fn big_local(&mut self, o: Option<ObjId>) -> bool {
        let Some(o) = o else { return false };
        let t = self.oty(o);
        self.nslots(t) > crate::expr::BIG_SLOTS && self.c.on_heap(o)
    }

    /// The places of an assignment's left-hand sides (`Err`: a variable
    /// `:=` declares) and their types.
    fn lhs_places(
        &mut self,
        lhs: &'a [Expr],
        define: bool,
    ) -> (Vec<Result<Place, ObjId>>, Vec<TypeId>) {
        let mut places = Vec::new();
        for l in lhs {
            if define {
                if let Some(o) = self.def_of_id(l.id) {
                    places.push(Err(o));
                    continue;
                }
            }
            let pl = self.place(l);
            places.push(Ok(pl));
        }
        let types = lhs
            .iter()
            .zip(&places)
            .map(|(l, p)| match p {
                Err(o) => self.oty(*o),
                Ok(pl) => self.place_type(pl, l),
            })
            .collect();
        (places, types)
    }

    /// Stores `vals` into the places from [`Fc::lhs_places`].
    fn store_lhs(
        &mut self,
        places: Vec<Result<Place, ObjId>>,
        vals: Vec<Slot>,
        types: Vec<TypeId>,
    ) {
        for ((p, v), t) in places.into_iter().zip(vals).zip(types) {
            match p {
                Err(o) => {
                    let var = self.declare(o);
                    self.store_var(var, t, v);
                }
                Ok(pl) => self.store_place(&pl, v),
            }
        }
    }

    /// Assigns values already computed into slots (a select case's
    /// received value and ok) to `lhs` (`define`: `:=`), as `assign` does.
    pub(crate) fn assign_computed(
        &mut self,
        lhs: &'a [Expr],
        define: bool,
        parts: &[(Slot, TypeId)],
    ) {
        let (places, types) = self.lhs_places(lhs, define);
        let mut vals = Vec::new();
        for (i, t) in types.iter().enumerate() {
            let Some(&(s, st)) = parts.get(i) else {
                return;
            };
            vals.push(self.convert_slots(s, st, *t));
        }
        self.store_lhs(places, vals, types);
    }

    /// The operands of the places of a tuple assignment are evaluated
    /// before any assignment: a place whose pointer, slice header, index,
    /// map or key lives in a variable this statement assigns (`p, p.x =
    /// q, 1`, `s, s[i] = t, 1`) gets a copy of them.
    fn freeze_places(&mut self, places: &mut [Result<Place, ObjId>]) {
        let assigned: Vec<(u16, u16)> = places
            .iter()
            .filter_map(|p| match p {
                Ok(Place::Slots(s, t)) => Some((s.0, s.0 + self.nslots(*t) as u16)),
                _ => None,
            })
            .collect();
        if assigned.is_empty() {
            return;
        }
        let hit = |s: Slot, n: u16| {
            assigned
                .iter()
                .any(|&(lo, hi)| s.0 < hi && lo < s.0 + n.max(1))
        };
        for p in places.iter_mut() {
            let Ok(pl) = p else { continue };
            match *pl {
                Place::Mem(ptr, off, t) if hit(ptr, 1) => {
                    let q = self.alloc_ptr();
                    self.mov(q, ptr, 1);
                    *pl = Place::Mem(q, off, t);
                }
                Place::Elem(sl, i, t) if hit(sl, 3) || hit(i, 1) => {
                    let s2 = self.alloc_raw(3);
                    self.ptrs[s2.0 as usize] = true;
                    self.mov(s2, sl, 3);
                    let i2 = self.scalar();
                    self.mov(i2, i, 1);
                    *pl = Place::Elem(s2, i2, t);
                }
                Place::MapElem { mt, m, key } => {
                    let Type::Map(kt, _) = self.under(mt) else {
                        continue;
                    };
                    let kn = self.nslots(kt) as u16;
                    if hit(m, 1) || hit(key, kn) {
                        let m2 = self.alloc_ptr();
                        self.mov(m2, m, 1);
                        let k2 = self.alloc_t(kt);
                        self.mov(k2, key, kn as u32);
                        *pl = Place::MapElem { mt, m: m2, key: k2 };
                    }
                }
                _ => {}
            }
        }
    }

    /// Is `e` a variable (local or package-level) read by name?
    fn is_plain_var(&self, e: &Expr) -> bool {
        let e = e.unparen();
        let obj = match &e.kind {
            ExprKind::Name(_) => self.use_of(e),
            ExprKind::Selector(..) => self.qualified(e),
            _ => None,
        };
        obj.is_some_and(|o| self.vars.contains_key(&o) || self.c.globals.contains_key(&o))
    }

    /// `x op= y` and `x++` (y None means the constant 1).
    fn op_assign(&mut self, l: &'a Expr, op: Token, r: Option<&'a Expr>) {
        let pl = self.place(l);
        let t = self.place_type(&pl, l);
        if let Some(imm) = self.add_imm(op, t, r) {
            let cur = self.load_place(&pl, t);
            let dst = match pl {
                Place::Slots(s, _) => s,
                _ => self.alloc_t(t),
            };
            self.emit(Instr::AddImmI64 { dst, a: cur, imm });
            self.normalize(dst, t);
            if !matches!(pl, Place::Slots(..)) {
                self.store_place(&pl, dst);
            }
            return;
        }
        let cur = self.load_place(&pl, t);
        let y = match r {
            Some(e) => {
                if matches!(op, Token::Shl | Token::Shr) {
                    if self.const_val(e).is_some() {
                        self.value_as(e, TypeId::UINT)
                    } else {
                        let n = self.expr(e);
                        let et = self.ty(e);
                        if !self.c.w.types.is_unsigned(et) {
                            self.emit(Instr::ShiftCheck { a: n });
                        }
                        n
                    }
                } else {
                    self.value_as(e, t)
                }
            }
            None if self.c.w.types.is_complex(t) => self.complex_one(t),
            None => {
                let one = self.alloc_t(t);
                let v = if self.c.w.types.is_float(t) {
                    if self.c.w.types.basic_kind(t) == Some(rgo_types::constant::BasicKind::Float32)
                    {
                        (1.0f32).to_bits() as u64
                    } else {
                        (1.0f64).to_bits()
                    }
                } else {
                    1
                };
                self.load_u64(one, v);
                one
            }
        };
        let dst = match pl {
            Place::Slots(s, _) => s,
            _ => self.alloc_t(t),
        };
        self.binary_op(op, t, cur, y, dst);
        if !matches!(pl, Place::Slots(..)) {
            self.store_place(&pl, dst);
        }
    }

    /// For `x += c`, `x -= c`, `x++`, `x--` on an integer: the immediate.
    pub fn add_imm(&self, op: Token, t: TypeId, r: Option<&'a Expr>) -> Option<i32> {
        if !self.c.w.types.is_integer(t) || !matches!(op, Token::Add | Token::Sub) {
            return None;
        }
        let v = match r {
            None => 1i64,
            Some(e) => self.const_val(e)?.to_int().int64_val()?,
        };
        let v = if op == Token::Sub {
            v.checked_neg()?
        } else {
            v
        };
        i32::try_from(v).ok()
    }

    fn return_stmt(&mut self, es: &'a [Expr]) {
        if self.rf.is_some() {
            self.rf_return(es);
            return;
        }
        let n = self.results.len();
        if !es.is_empty() {
            let mut vals = Vec::new();
            let direct = n == 1
                && es.len() == 1
                && match self.results[0].obj {
                    None => true,
                    Some(o) => matches!(self.vars.get(&o), Some(Var::Slot(_))),
                };
            if direct {
                // One result: evaluate straight into the result slots.
                let (slot, t) = (self.results[0].slot, self.results[0].typ);
                self.value_to(&es[0], t, slot);
            } else if es.len() == n {
                for (i, e) in es.iter().enumerate() {
                    let t = self.results[i].typ;
                    let v = self.value_as(e, t);
                    let k = self.nslots(t);
                    // Results may name variables other results overwrite.
                    if n > 1 {
                        let tmp = self.alloc_t(t);
                        self.mov(tmp, v, k);
                        vals.push(tmp);
                    } else {
                        vals.push(v);
                    }
                }
            } else {
                let parts = self.multi_value_n(&es[0], n);
                for (i, (s, st)) in parts.into_iter().enumerate() {
                    let t = self.results[i].typ;
                    vals.push(self.convert_slots(s, st, t));
                }
            }
            self.store_results(vals);
        }
        self.emit_return();
    }

    /// Stores result values into the result variables.
    pub(crate) fn store_results(&mut self, vals: Vec<Slot>) {
        for (i, v) in vals.into_iter().enumerate() {
            let (slot, t, obj) = (
                self.results[i].slot,
                self.results[i].typ,
                self.results[i].obj,
            );
            match obj.and_then(|o| self.vars.get(&o).copied()) {
                Some(Var::Heap(p)) => self.store_mem(p, 0, t, v),
                _ => {
                    let k = self.nslots(t);
                    self.mov(slot, v, k)
                }
            }
        }
    }

    /// Returns with the results stored: through the epilogue if needed.
    pub(crate) fn emit_return(&mut self) {
        if self.needs_epilogue() {
            let at = self.jmp();
            self.ret_patches.push(at);
        } else {
            self.emit(Instr::Ret);
        }
    }

    fn branch(&mut self, tok: Token, l: Option<&ast::Ident>, pos: Pos) {
        match tok {
            Token::Goto => {
                if let Some(l) = l {
                    if self.rf_goto_out(&l.name) {
                        return;
                    }
                }
                let at = self.jmp();
                if let Some(l) = l {
                    self.gotos.push((at, l.name.to_string()));
                }
            }
            Token::Break | Token::Continue => {
                let is_cont = tok == Token::Continue;
                let idx = self.loops.iter().rposition(|lp| match l {
                    Some(l) => lp.label.as_deref() == Some(&*l.name),
                    None => lp.is_loop || !is_cont,
                });
                let Some(i) = idx else {
                    if self.rf.is_some() {
                        if let Some(l) = l {
                            self.rf_branch_out(&l.name, is_cont, pos);
                            return;
                        }
                    }
                    self.err(pos, "branch target not found");
                    return;
                };
                let at = self.jmp();
                if is_cont {
                    self.loops[i].conts.push(at);
                } else {
                    self.loops[i].breaks.push(at);
                }
            }
            Token::Fallthrough => {
                // Handled by switch_stmt (the clause body ends with it).
            }
            _ => {}
        }
    }

    fn if_stmt(&mut self, i: &'a ast::IfStmt) {
        if let Some(s) = &i.init {
            self.stmt(s);
        }
        self.hoist_cond(&i.cond);
        let f = self.cond_jump_false(&i.cond);
        self.block(&i.then);
        match &i.els {
            None => {
                let end = self.pc();
                for at in f {
                    self.patch(at, end);
                }
            }
            Some(els) => {
                let j = self.jmp();
                let e = self.pc();
                for at in f {
                    self.patch(at, e);
                }
                self.stmt(els);
                let end = self.pc();
                self.patch(j, end);
            }
        }
    }

    /// Emits a test of `cond` jumping when it is false; returns the jumps.
    pub fn cond_jump_false(&mut self, cond: &'a Expr) -> Vec<usize> {
        let e = cond.unparen();
        if let ExprKind::Binary(op, x, y) = &e.kind {
            match op {
                Token::LAnd => {
                    let mut a = self.cond_jump_false(x);
                    a.extend(self.cond_jump_false(y));
                    return a;
                }
                Token::Lss | Token::Geq | Token::Eql | Token::Neq | Token::Gtr | Token::Leq
                    if !self.mixed_iface_cmp(x, y) =>
                {
                    let xt = self.ty(x);
                    let signed = self.c.w.types.is_integer(xt) && !self.c.w.types.is_unsigned(xt);
                    if signed && matches!(op, Token::Lss | Token::Geq | Token::Gtr | Token::Leq) {
                        // Compare with a small constant: the immediate forms.
                        let c = self.const_val(y).and_then(|v| v.to_int().int64_val());
                        if let Some(c) = c {
                            let (lt, k) = match op {
                                Token::Lss => (false, c),
                                Token::Geq => (true, c),
                                Token::Gtr => (true, c.saturating_add(1)),
                                _ => (false, c.saturating_add(1)),
                            };
                            if let Ok(imm) = i16::try_from(k) {
                                let a = self.value_as(x, xt);
                                let ins = if lt {
                                    Instr::JmpLtImmI64 { a, imm, off: 0 }
                                } else {
                                    Instr::JmpGeImmI64 { a, imm, off: 0 }
                                };
                                return vec![self.emit(ins)];
                            }
                        }
                    }
                    if signed || matches!(op, Token::Eql | Token::Neq) && self.is_word_eq(xt) {
                        let a = self.value_as(x, xt);
                        let b = self.value_as(y, xt);
                        let ins = match op {
                            Token::Lss => Instr::JmpGeI64 { a, b, off: 0 },
                            Token::Geq => Instr::JmpLtI64 { a, b, off: 0 },
                            Token::Gtr => Instr::JmpLeI64 { a, b, off: 0 },
                            Token::Leq => Instr::JmpGtI64 { a, b, off: 0 },
                            Token::Eql => Instr::JmpNeI64 { a, b, off: 0 },
                            _ => Instr::JmpEqI64 { a, b, off: 0 },
                        };
                        return vec![self.emit(ins)];
                    }
                }
                _ => {}
            }
        }
        if let ExprKind::Unary(Token::Not, x) = &e.kind {
            let v = self.expr(x);
            return vec![self.emit(Instr::JmpIf { cond: v, off: 0 })];
        }
        let v = self.expr(cond);
        vec![self.emit(Instr::JmpIfNot { cond: v, off: 0 })]
    }

    /// Types whose `==` is one 64-bit word compare.
    pub fn is_word_eq(&self, t: TypeId) -> bool {
        let w = &*self.c.w;
        (w.types.is_integer(t) || w.types.is_boolean(t))
            || matches!(
                w.types.get(w.types.under(t)),
                Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Signature(_)
            )
            || w.types.basic_kind(t) == Some(rgo_types::constant::BasicKind::UnsafePointer)
    }

    pub(crate) fn push_loop(&mut self, label: Option<String>, is_loop: bool) {
        self.loops.push(Loop {
            label,
            breaks: Vec::new(),
            conts: Vec::new(),
            is_loop,
        });
    }

    pub(crate) fn pop_loop(&mut self, cont_target: usize, break_target: usize) {
        let Some(l) = self.loops.pop() else { return };
        for at in l.conts {
            self.patch(at, cont_target);
        }
        for at in l.breaks {
            self.patch(at, break_target);
        }
    }

    /// Whether the current file's loops declare their variables per
    /// iteration: its language version is go1.22 or later (gc's loopvar).
    fn per_iteration_loop_vars(&self) -> bool {
        self.c.info.files[self.file].per_iteration_loop_vars()
    }

    /// Loop variables declared by `for` init that live on the heap get a
    /// fresh cell per iteration (Go 1.22): copy into a new cell. Before
    /// go1.22 one cell serves the whole loop.
    fn fresh_loop_vars(&mut self, vars: &[ObjId]) {
        if !self.per_iteration_loop_vars() {
            return;
        }
        for &o in vars {
            if let Some(Var::Heap(p)) = self.vars.get(&o).copied() {
                let t = self.oty(o);
                let tmp = self.alloc_t(t);
                self.load_mem(p, 0, t, tmp);
                self.new_into(p, t);
                self.store_mem(p, 0, t, tmp);
            }
        }
    }

    fn for_stmt(&mut self, f: &'a ast::ForStmt, label: Option<String>) {
        let mut loop_vars = Vec::new();
        if let Some(s) = &f.init {
            if let StmtKind::Assign(a) = &s.kind {
                if a.op == Token::Define {
                    loop_vars = a.lhs.iter().filter_map(|l| self.def_of_id(l.id)).collect();
                }
            }
            self.stmt(s);
        }
        // Inverted loop: test once before, then at the bottom.
        let exits = match &f.cond {
            Some(c) => {
                self.hoist_cond(c);
                self.cond_jump_false(c)
            }
            None => Vec::new(),
        };
        let body = self.pc();
        self.push_loop(label, true);
        self.block(&f.body);
        let cont = self.pc();
        self.fresh_loop_vars(&loop_vars);
        if let Some(c) = &f.cond {
            if !self.fused_back_edge(c, f.post.as_ref(), body) {
                if let Some(p) = &f.post {
                    self.stmt(p);
                }
                self.set_line(c.pos);
                self.hoist_cond(c);
                self.cond_jump_true(c, body);
            }
        } else {
            if let Some(p) = &f.post {
                self.stmt(p);
            }
            self.jmp_to(body);
        }
        let end = self.pc();
        for at in exits {
            self.patch(at, end);
        }
        self.pop_loop(cont, end);
    }

    /// `i++; if i < n { goto body }` as one instruction when the condition
    /// is `i < n` or `i <= n` on a signed integer frame variable, the post
    /// statement adds a small constant to it, and `n` needs no code.
    fn fused_back_edge(&mut self, cond: &'a Expr, post: Option<&'a Stmt>, body: usize) -> bool {
        let Some(post) = post else { return false };
        let ExprKind::Binary(op @ (Token::Lss | Token::Leq), x, y) = &cond.unparen().kind else {
            return false;
        };
        let xt = self.ty(x);
        if !self.c.w.types.is_integer(xt)
            || self.c.w.types.is_unsigned(xt)
            || self.c.w.sizeof(xt) != 8
        {
            return false;
        }
        let Some(i) = self.slot_var(x) else {
            return false;
        };
        let (lhs, tok, rhs) = match &post.kind {
            StmtKind::IncDec(l, inc) => (l, if *inc { Token::Add } else { Token::Sub }, None),
            StmtKind::Assign(a)
                if a.lhs.len() == 1 && matches!(a.op, Token::AddAssign | Token::SubAssign) =>
            {
                (
                    &a.lhs[0],
                    if a.op == Token::AddAssign {
                        Token::Add
                    } else {
                        Token::Sub
                    },
                    Some(&a.rhs[0]),
                )
            }
            _ => return false,
        };
        if self.slot_var(lhs) != Some(i) {
            return false;
        }
        let step_var = match (tok, rhs) {
            (Token::Add, Some(r)) if self.const_val(r).is_none() => self.slot_var(r),
            _ => None,
        };
        let imm = match step_var {
            Some(_) => 0,
            None => {
                let Some(imm) = self.add_imm(tok, xt, rhs) else {
                    return false;
                };
                let Ok(imm) = i16::try_from(imm) else {
                    return false;
                };
                imm
            }
        };
        // The bound must need no code (a constant or a frame variable).
        let n = if self.const_val(y).is_some() {
            self.value_as(y, xt)
        } else if let Some(s) = self.slot_var(y) {
            s
        } else {
            return false;
        };
        if n == i {
            return false;
        }
        self.set_line(cond.pos);
        let at = if let Some(step) = step_var {
            if *op == Token::Lss {
                self.emit(Instr::AddRJmpLtI64 { i, step, n, off: 0 })
            } else {
                self.emit(Instr::AddRJmpLeI64 { i, step, n, off: 0 })
            }
        } else if *op == Token::Lss && imm == 1 {
            self.emit(Instr::IncJmpLtI64 { i, n, off: 0 })
        } else if *op == Token::Lss {
            self.emit(Instr::AddJmpLtI64 { i, n, imm, off: 0 })
        } else {
            self.emit(Instr::AddJmpLeI64 { i, n, imm, off: 0 })
        };
        self.patch(at, body);
        true
    }

    /// The frame slot of a local variable expression (not on the heap).
    fn slot_var(&self, e: &Expr) -> Option<Slot> {
        let ExprKind::Name(_) = &e.unparen().kind else {
            return None;
        };
        match self.vars.get(&self.use_of(e.unparen())?) {
            Some(Var::Slot(s)) => Some(*s),
            _ => None,
        }
    }

    /// Whether `x == y` compares a non-interface `x` with an interface
    /// `y` (as interfaces: `x` is converted), which the fused
    /// compare-and-branch forms do not do.
    fn mixed_iface_cmp(&self, x: &Expr, y: &Expr) -> bool {
        let tt = &self.c.w.types;
        !tt.is_interface(self.ty(x)) && tt.is_interface(self.ty(y)) && !self.is_nil(y)
    }

    /// Emits a jump to `target` taken when `cond` is true.
    pub fn cond_jump_true(&mut self, cond: &'a Expr, target: usize) {
        let e = cond.unparen();
        if let ExprKind::Binary(op, x, y) = &e.kind {
            if matches!(
                op,
                Token::Lss | Token::Geq | Token::Eql | Token::Neq | Token::Gtr | Token::Leq
            ) && !self.mixed_iface_cmp(x, y)
            {
                let xt = self.ty(x);
                if self.c.w.types.is_integer(xt) && !self.c.w.types.is_unsigned(xt)
                    || matches!(op, Token::Eql | Token::Neq) && self.is_word_eq(xt)
                {
                    let a = self.value_as(x, xt);
                    let b = self.value_as(y, xt);
                    let ins = match op {
                        Token::Lss => Instr::JmpLtI64 { a, b, off: 0 },
                        Token::Geq => Instr::JmpGeI64 { a, b, off: 0 },
                        Token::Gtr => Instr::JmpGtI64 { a, b, off: 0 },
                        Token::Leq => Instr::JmpLeI64 { a, b, off: 0 },
                        Token::Eql => Instr::JmpEqI64 { a, b, off: 0 },
                        _ => Instr::JmpNeI64 { a, b, off: 0 },
                    };
                    let at = self.emit(ins);
                    self.patch(at, target);
                    return;
                }
            }
        }
        let v = self.expr(cond);
        let at = self.emit(Instr::JmpIf { cond: v, off: 0 });
        self.patch(at, target);
    }

    fn switch_stmt(&mut self, sw: &'a ast::SwitchStmt, label: Option<String>) {
        if let Some(s) = &sw.init {
            self.stmt(s);
        }
        let tag = sw.tag.as_ref().map(|t| {
            self.hoist(t, true);
            let tt = self.ty(t);
            let v = self.expr(t);
            let n = self.nslots(tt);
            let s = self.alloc_t(tt);
            self.mov(s, v, n);
            (s, tt)
        });
        // Tests: each case's values, jumping to its body.
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        let mut default = None;
        for (ci, c) in sw.body.iter().enumerate() {
            let mut js = Vec::new();
            match &c.list {
                None => default = Some(ci),
                Some(list) => {
                    for e in list {
                        self.set_line(e.pos);
                        match tag {
                            Some((s, _)) if self.is_nil(e) => {
                                // `case nil`: the first word is zero.
                                let eq = self.alloc(1);
                                let z = self.scalar();
                                self.zero(z, 1);
                                self.emit(Instr::EqI64 {
                                    dst: eq,
                                    a: s,
                                    b: z,
                                });
                                js.push(self.emit(Instr::JmpIf { cond: eq, off: 0 }));
                            }
                            Some((s, tt)) => {
                                let eq = self.alloc(1);
                                // A case of interface type with a tag that
                                // is not (`switch t { case i: }` with t of a
                                // type parameter's type) compares as
                                // interfaces.
                                let et = self.ty(e);
                                let (a, ct) = if !self.c.w.types.is_interface(tt)
                                    && self.c.w.types.is_interface(et)
                                    && self.const_val(e).is_none()
                                {
                                    (self.convert_slots(s, tt, et), et)
                                } else {
                                    (s, tt)
                                };
                                let v = self.value_as(e, ct);
                                self.compare(Token::Eql, ct, a, v, eq);
                                js.push(self.emit(Instr::JmpIf { cond: eq, off: 0 }));
                            }
                            None => {
                                let v = self.expr(e);
                                js.push(self.emit(Instr::JmpIf { cond: v, off: 0 }));
                            }
                        }
                    }
                }
            }
            body_jumps.push(js);
        }
        let to_default = self.jmp();
        self.push_loop(label, false);
        let mut fall_prev: Option<usize> = None;
        let mut end_jumps = Vec::new();
        for (ci, c) in sw.body.iter().enumerate() {
            let start = self.pc();
            for &at in &body_jumps[ci] {
                self.patch(at, start);
            }
            if default == Some(ci) {
                self.patch(to_default, start);
            }
            if let Some(at) = fall_prev.take() {
                self.patch(at, start);
            }
            for s in &c.body {
                self.stmt(s);
            }
            let falls = matches!(
                c.body.last().map(|s| &s.kind),
                Some(StmtKind::Branch(Token::Fallthrough, _))
            );
            let at = self.jmp();
            if falls {
                fall_prev = Some(at);
            } else {
                end_jumps.push(at);
            }
        }
        let end = self.pc();
        if default.is_none() {
            self.patch(to_default, end);
        }
        for at in end_jumps {
            self.patch(at, end);
        }
        if let Some(at) = fall_prev {
            self.patch(at, end);
        }
        self.pop_loop(end, end);
    }

    fn range_stmt(&mut self, r: &'a ast::RangeStmt, label: Option<String>) {
        let xt = self.ty(&r.x);
        let define = r.op == Some(Token::Define);
        // Iteration variables: (object or place, type).
        let key = r.key.as_ref().filter(|k| !is_blank(k));
        let val = r.value.as_ref().filter(|k| !is_blank(k));
        if define && !self.per_iteration_loop_vars() {
            self.shared_range_vars(key, val);
        }
        match self.under(xt) {
            Type::Basic(_) if self.c.w.types.is_integer(xt) => {
                let n = self.value_as(&r.x, xt);
                let lim = self.scalar();
                self.mov(lim, n, 1);
                let i = self.scalar();
                self.zero(i, 1);
                let top_check = self.emit(Instr::JmpGeI64 {
                    a: i,
                    b: lim,
                    off: 0,
                });
                let body = self.pc();
                if let Some(k) = key {
                    if !self.alias_range_key(r, k, define, i) {
                        self.range_assign(k, define, i, xt);
                    }
                }
                self.push_loop(label, true);
                self.block(&r.body);
                let cont = self.pc();
                let back = self.emit(Instr::IncJmpLtI64 { i, n: lim, off: 0 });
                self.patch(back, body);
                let end = self.pc();
                self.patch(top_check, end);
                self.pop_loop(cont, end);
            }
            Type::Basic(_) => {
                // string: bytes decoded as runes.
                let s = self.expr(&r.x);
                let sv = self.alloc_t(TypeId::STRING);
                self.mov(sv, s, 2);
                let len = Slot(sv.0 + 1);
                let i = self.scalar();
                self.zero(i, 1);
                let top = self.pc();
                let exit = self.emit(Instr::JmpGeI64 {
                    a: i,
                    b: len,
                    off: 0,
                });
                let nat = self.c.rt_native("runtime.decoderune");
                let w = self.alloc_raw(5);
                self.ptrs[w.0 as usize + 2] = true;
                self.mov(Slot(w.0 + 2), sv, 2);
                self.mov(Slot(w.0 + 4), i, 1);
                self.emit(Instr::CallNative {
                    id: nat,
                    n: 5,
                    base: w,
                });
                let rv = self.scalar();
                let nx = self.scalar();
                self.mov(rv, w, 1);
                self.mov(nx, Slot(w.0 + 1), 1);
                if let (Some(k), Some(v), false) = (key, val, define) {
                    self.range_assign_pair(k, (i, TypeId::INT), v, (rv, TypeId::RUNE));
                } else {
                    if let Some(k) = key {
                        self.range_assign(k, define, i, TypeId::INT);
                    }
                    if let Some(v) = val {
                        self.range_assign(v, define, rv, TypeId::RUNE);
                    }
                }
                self.push_loop(label, true);
                self.block(&r.body);
                let cont = self.pc();
                self.mov(i, nx, 1);
                self.jmp_to(top);
                let end = self.pc();
                self.patch(exit, end);
                self.pop_loop(cont, end);
            }
            Type::Slice(et) | Type::Array(_, et) => {
                let (p, len) = self.range_base(&r.x, xt);
                let es = self.c.w.sizeof(et).max(0) as u32;
                self.range_indexed(r, label, key, val, define, (p, len), es, et);
            }
            Type::Pointer(at) => {
                // Pointer to array.
                let Type::Array(n, et) = self.under(at) else {
                    self.err(r.range, "unsupported range operand");
                    return;
                };
                let p = self.expr(&r.x);
                let len = self.scalar();
                self.load_u64(len, n as u64);
                let es = self.c.w.sizeof(et).max(0) as u32;
                self.range_indexed(r, label, key, val, define, (p, len), es, et);
            }
            Type::Chan(..) => self.range_chan(r, label, key, define),
            Type::Map(kt, vt) => {
                let m = self.expr(&r.x);
                let md = self.desc_const(xt);
                let init = self.c.rt_native("runtime.mapiterinit");
                let next = self.c.rt_native("runtime.mapiternext");
                let w = self.alloc_raw(3);
                self.ptrs[w.0 as usize] = true;
                self.ptrs[w.0 as usize + 2] = true;
                self.load_u64(Slot(w.0 + 1), md);
                self.mov(Slot(w.0 + 2), m, 1);
                self.emit(Instr::CallNative {
                    id: init,
                    n: 3,
                    base: w,
                });
                let it = self.alloc_ptr();
                self.mov(it, w, 1);
                let top = self.pc();
                let kp = self.alloc_ptr();
                self.emit(Instr::Load {
                    dst: kp,
                    p: it,
                    kind: MemKind::W64,
                    off: 0,
                });
                let zero = self.scalar();
                self.zero(zero, 1);
                let exit = self.emit(Instr::JmpEqI64 {
                    a: kp,
                    b: zero,
                    off: 0,
                });
                let load_val = |fc: &mut Self| {
                    let ep = fc.alloc_ptr();
                    fc.emit(Instr::Load {
                        dst: ep,
                        p: it,
                        kind: MemKind::W64,
                        off: 8,
                    });
                    let tmp = fc.alloc_t(vt);
                    fc.load_mem(ep, 0, vt, tmp);
                    tmp
                };
                if let (Some(k), Some(v), false) = (key, val, define) {
                    let ktmp = self.alloc_t(kt);
                    self.load_mem(kp, 0, kt, ktmp);
                    let vtmp = load_val(self);
                    self.range_assign_pair(k, (ktmp, kt), v, (vtmp, vt));
                } else {
                    if let Some(k) = key {
                        let tmp = self.alloc_t(kt);
                        self.load_mem(kp, 0, kt, tmp);
                        self.range_assign(k, define, tmp, kt);
                    }
                    if let Some(v) = val {
                        let tmp = load_val(self);
                        self.range_assign(v, define, tmp, vt);
                    }
                }
                self.push_loop(label, true);
                self.block(&r.body);
                let cont = self.pc();
                let w2 = self.alloc_ptr();
                self.mov(w2, it, 1);
                self.emit(Instr::CallNative {
                    id: next,
                    n: 1,
                    base: w2,
                });
                self.jmp_to(top);
                let end = self.pc();
                self.patch(exit, end);
                self.pop_loop(cont, end);
            }
            Type::Signature(_) => self.range_func(r, label),
            _ => self.err(r.range, "range over this type is not supported yet"),
        }
    }

    /// The element pointer and length of a ranged slice or array.
    /// The loop of `for key, val := range x` over `len` elements of size
    /// `es` and type `et` starting at `p` (a slice, an array, or a pointer
    /// to an array): `i` counts up with a fused increment-and-branch back edge.
    #[allow(clippy::too_many_arguments)]
    fn range_indexed(
        &mut self,
        r: &'a ast::RangeStmt,
        label: Option<String>,
        key: Option<&'a Expr>,
        val: Option<&'a Expr>,
        define: bool,
        (p, len): (Slot, Slot),
        es: u32,
        et: TypeId,
    ) {
        let i = self.scalar();
        self.zero(i, 1);
        let exit = self.emit(Instr::JmpGeI64 {
            a: i,
            b: len,
            off: 0,
        });
        let body = self.pc();
        let load_val = |fc: &mut Self| {
            let q = fc.alloc_ptr();
            fc.emit(Instr::IndexAddr {
                dst: q,
                p,
                i,
                size: es,
            });
            let tmp = fc.alloc_t(et);
            fc.load_mem(q, 0, et, tmp);
            tmp
        };
        if let (Some(k), Some(v), false) = (key, val, define) {
            let tmp = load_val(self);
            self.range_assign_pair(k, (i, TypeId::INT), v, (tmp, et));
        } else {
            if let Some(k) = key {
                if !self.alias_range_key(r, k, define, i) {
                    self.range_assign(k, define, i, TypeId::INT);
                }
            }
            if let Some(v) = val {
                let tmp = load_val(self);
                self.range_assign(v, define, tmp, et);
            }
        }
        self.push_loop(label, true);
        self.block(&r.body);
        let cont = self.pc();
        let back = self.emit(Instr::IncJmpLtI64 { i, n: len, off: 0 });
        self.patch(back, body);
        let end = self.pc();
        self.patch(exit, end);
        self.pop_loop(cont, end);
    }

    /// `for k := range x` where the body never assigns `k` and `k` lives
    /// in the frame: `k` is the loop's own counter slot `i` (no copy per
    /// iteration; nothing can tell the two apart).
    fn alias_range_key(
        &mut self,
        r: &'a ast::RangeStmt,
        k: &'a Expr,
        define: bool,
        i: Slot,
    ) -> bool {
        if !define {
            return false;
        }
        let Some(o) = self.def_of_id(k.id) else {
            return false;
        };
        let ot = self.oty(o);
        if self.c.on_heap(o) || self.nslots(ot) != 1 {
            return false;
        }
        if crate::escape::assigned_vars(self.c, self.file, &r.body).contains(&o) {
            return false;
        }
        self.vars.insert(o, Var::Slot(i));
        true
    }

    fn range_base(&mut self, x: &'a Expr, xt: TypeId) -> (Slot, Slot) {
        match self.under(xt) {
            Type::Slice(_) => {
                let s = self.expr(x);
                let h = self.alloc_t(xt);
                self.mov(h, s, 3);
                (h, Slot(h.0 + 1))
            }
            Type::Array(n, _) => {
                let p = self.addr_of_value(x, xt);
                let len = self.scalar();
                self.load_u64(len, n as u64);
                (p, len)
            }
            _ => {
                let s = self.scalar();
                (s, s)
            }
        }
    }

    /// Before go1.22, `for k, v := range x` declares `k` and `v` once, before
    /// the loop, and each iteration assigns them: the heap cells of
    /// iteration variables are made here ([`Fc::range_assign`] then stores
    /// into them). Frame variables need nothing: their slot is the same in
    /// every iteration either way.
    fn shared_range_vars(&mut self, key: Option<&'a Expr>, val: Option<&'a Expr>) {
        for e in [key, val].into_iter().flatten() {
            if let Some(o) = self.def_of_id(e.id) {
                if self.c.on_heap(o) {
                    self.declare(o);
                }
            }
        }
    }

    /// Assigns an iteration value to a range key/value (declaring it, in a
    /// new heap cell per iteration from go1.22 on).
    pub(crate) fn range_assign(&mut self, e: &'a Expr, define: bool, v: Slot, vt: TypeId) {
        if define {
            if let Some(o) = self.def_of_id(e.id) {
                let t = self.oty(o);
                let var = match self.vars.get(&o) {
                    Some(&var) if !self.per_iteration_loop_vars() => var,
                    _ => self.declare(o),
                };
                let v = self.convert_slots(v, vt, t);
                self.store_var(var, t, v);
                return;
            }
        }
        let pl = self.place(e);
        let t = self.place_type(&pl, e);
        let v = self.convert_slots(v, vt, t);
        self.store_place(&pl, v);
    }

    /// `for k, v = range x` (no `:=`): assigned as the tuple assignment
    /// `k, v = key, value` is, both places' operands evaluated before
    /// either is stored (`for i, x[i] = range s` indexes x with the old i).
    pub(crate) fn range_assign_pair(
        &mut self,
        k: &'a Expr,
        (kv, kvt): (Slot, TypeId),
        v: &'a Expr,
        (vv, vvt): (Slot, TypeId),
    ) {
        let (mut places, types) = self.lhs_places(std::slice::from_ref(k), false);
        let (vp, vts) = self.lhs_places(std::slice::from_ref(v), false);
        places.extend(vp);
        let types: Vec<TypeId> = types.into_iter().chain(vts).collect();
        self.freeze_places(&mut places);
        let kc = self.convert_slots(kv, kvt, types[0]);
        let vc = self.convert_slots(vv, vvt, types[1]);
        self.store_lhs(places, vec![kc, vc], types);
    }

    fn type_switch(&mut self, sw: &'a ast::TypeSwitchStmt, label: Option<String>) {
        if let Some(s) = &sw.init {
            self.stmt(s);
        }
        let ExprKind::TypeAssert(x, _) = &sw.guard.unparen().kind else {
            return;
        };
        let xt = self.ty(x);
        let xv = self.expr(x);
        let iv = self.alloc_t(xt);
        self.mov(iv, xv, 2);
        let tw = self.type_word(iv, xt);
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        let mut default = None;
        for (ci, c) in sw.body.iter().enumerate() {
            let mut js = Vec::new();
            match &c.list {
                None => default = Some(ci),
                Some(list) => {
                    for e in list {
                        let ok = self.type_matches(tw, e);
                        js.push(self.emit(Instr::JmpIf { cond: ok, off: 0 }));
                    }
                }
            }
            body_jumps.push(js);
        }
        let to_default = self.jmp();
        self.push_loop(label, false);
        let mut end_jumps = Vec::new();
        for (ci, c) in sw.body.iter().enumerate() {
            let start = self.pc();
            for &at in &body_jumps[ci] {
                self.patch(at, start);
            }
            if default == Some(ci) {
                self.patch(to_default, start);
            }
            if let Some(o) = self.c.info.files[self.file].implicits.get(&c.pos).copied() {
                let t = self.oty(o);
                let v = if self.c.w.types.is_interface(t) {
                    self.convert_slots(iv, xt, t)
                } else {
                    self.iface_value(iv, t)
                };
                let var = self.declare(o);
                self.store_var(var, t, v);
            }
            for s in &c.body {
                self.stmt(s);
            }
            end_jumps.push(self.jmp());
        }
        let end = self.pc();
        if default.is_none() {
            self.patch(to_default, end);
        }
        for at in end_jumps {
            self.patch(at, end);
        }
        self.pop_loop(end, end);
    }
}

fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == "_")
}

/// Whether a body (not counting nested function literals) has a
/// statement satisfying `p`, at any depth.
pub(crate) fn block_any(b: &ast::Block, p: &dyn Fn(&Stmt) -> bool) -> bool {
    b.stmts.iter().any(|s| stmt_any(s, p))
}

fn stmt_any(s: &Stmt, p: &dyn Fn(&Stmt) -> bool) -> bool {
    if p(s) {
        return true;
    }
    let clauses =
        |body: &[ast::CaseClause]| body.iter().any(|c| c.body.iter().any(|s| stmt_any(s, p)));
    match &s.kind {
        StmtKind::Labeled(_, s) => stmt_any(s, p),
        StmtKind::Block(b) => block_any(b, p),
        StmtKind::If(i) => block_any(&i.then, p) || i.els.as_ref().is_some_and(|e| stmt_any(e, p)),
        StmtKind::Switch(sw) => clauses(&sw.body),
        StmtKind::TypeSwitch(sw) => clauses(&sw.body),
        StmtKind::Select(sel) => sel
            .body
            .iter()
            .any(|c| c.body.iter().any(|s| stmt_any(s, p))),
        StmtKind::For(f) => block_any(&f.body, p),
        StmtKind::Range(r) => block_any(&r.body, p),
        _ => false,
    }
}

/// Whether a body (not counting nested literals) has a `for` or `range`
/// loop.
pub(crate) fn block_has_loop(b: &ast::Block) -> bool {
    block_any(b, &|s| {
        matches!(s.kind, StmtKind::For(_) | StmtKind::Range(_))
    })
}

/// Whether a body (not counting nested literals) has a defer statement.
pub(crate) fn block_has_defer(b: &ast::Block) -> bool {
    block_any(b, &|s| matches!(s.kind, StmtKind::Defer(_)))
}

/// An assignable location.
#[derive(Clone, Debug)]
pub(crate) enum Place {
    /// Frame slots holding the whole value.
    Slots(Slot, TypeId),
    /// A sub-word scalar at a byte offset of the frame.
    FrameBytes(u32, TypeId),
    /// Memory at `R[p] + off`.
    Mem(Slot, u32, TypeId),
    /// A scalar element of the slice header at the first slot, at the
    /// index in the second (bounds-checked `LoadElem`/`StoreElem`).
    Elem(Slot, Slot, TypeId),
    /// A map element: map type, map slot, key slots (with key type).
    MapElem {
        mt: TypeId,
        m: Slot,
        key: Slot,
    },
    Blank,
}

/// Compiles a declared function or method.
pub(crate) fn compile_decl<'a>(
    c: &mut Compiler<'a>,
    file: usize,
    d: &'a ast::FuncDecl,
    o: ObjId,
    name: String,
    path: String,
) -> Func {
    // SAFETY-free lifetime juggling: the declaration outlives the compiler
    // borrow because files are borrowed for 'a.
    // In a generic instance the parameters keep their objects (the body
    // uses them); their types come substituted through `oty`.
    let sig = c.w.obj(o).typ;
    let mut f = Fc::new(c, file, name);
    f.path = path.clone();
    f.set_line(d.pos);
    f.want_consts = d.body.as_ref().is_some_and(block_has_loop);
    let (res, args) = f.layout_params(sig);
    let Some(body) = &d.body else {
        let nm = crate::native_name(f.c, d);
        match f.c.native(&nm) {
            Some(id) => {
                f.emit(Instr::CallNative {
                    id,
                    n: (res + args).max(1) as u16,
                    base: Slot(0),
                });
            }
            None => f.err(d.pos, format!("missing native: {}", nm)),
        }
        f.emit(Instr::Ret);
        return f.finish(res, args, path, 0, false);
    };
    if d.keep_uintptrs {
        // Any argument word may be a uintptr made from a pointer.
        f.ptrs[res as usize..(res + args) as usize]
            .iter_mut()
            .for_each(|b| *b = true);
    }
    let mut func = f.body(body, res, args, path, false);
    func.args_live = d.keep_uintptrs;
    func.noinline = d.noinline;
    func
}

/// Compiles a function literal: prologue loads captured cells.
pub(crate) fn compile_lit<'a>(c: &mut Compiler<'a>, p: &PendingLit<'a>, path: String) -> Func {
    let mut f = Fc::new(c, p.file, p.name.clone());
    f.path = path.clone();
    f.rf_level = p.rf_level;
    f.set_line(p.lit.typ.pos);
    // Parameters are defined at their identifiers.
    f.want_consts = block_has_loop(&p.lit.body);
    let (res, args) = f.layout_params(p.sig);
    if !p.captures.is_empty() {
        // Captures are read straight from the closure register
        // (`LoadCtx`); `ctx` serves nested literals, and the peephole
        // pass drops its `GetClosure` when nothing reads it.
        let caps: Vec<(ObjId, bool)> = p
            .captures
            .iter()
            .map(|o| (*o, f.c.by_value.contains(o)))
            .collect();
        f.bind_captures(&caps);
    }
    f.body(&p.lit.body, res, args, path, false)
}

/// A package's initialization function: first the `pre` functions (the
/// initializers of imported packages, for `runtime.main`), then, if
/// `vars`, the package variables in the checker's init order, the
/// `init`s, and finally `main` if given (after telling the scheduler
/// that initialization is done).
pub(crate) fn compile_entry<'a>(
    c: &mut Compiler<'a>,
    pre: &[FuncId],
    vars: bool,
    inits: &[FuncId],
    main: Option<FuncId>,
    name: String,
) -> Func {
    let (info, files) = (c.info, c.files);
    let mut f = Fc::new(c, 0, name);
    // Lines are told apart by file relative to the first initializer's.
    let first = info.init_order.first().map_or(0, |i| i.file as usize);
    if vars {
        f.line_base = Some(first);
    }
    for &i in pre {
        let b = f.alloc(1);
        f.emit(Instr::Call { func: i, base: b });
    }
    let rhs = initializer_exprs(files);
    let order: &[_] = if vars { &info.init_order } else { &[] };
    for ini in order {
        f.file = ini.file as usize;
        let Some(&e) = rhs.get(&(f.file, ini.rhs)) else {
            continue;
        };
        f.set_line(e.pos);
        crate::escape::analyze_expr(f.c, ini.file as usize, e);
        if ini.lhs.len() == 1 {
            let o = ini.lhs[0];
            let t = f.oty(o);
            f.init_global(o, t, e);
        } else {
            let parts = f.multi_value_n(e, ini.lhs.len());
            for (i, o) in ini.lhs.iter().enumerate() {
                let t = f.oty(*o);
                let (s, st) = parts[i];
                let v = f.convert_slots(s, st, t);
                f.store_global(*o, t, v);
            }
        }
    }
    f.file = 0;
    for &i in inits {
        let b = f.alloc(1);
        f.emit(Instr::Call { func: i, base: b });
    }
    if let Some(m) = main {
        // The packages are initialized: the main goroutine leaves the
        // main thread unless an init locked it there (proc.rs).
        let id = f.c.rt_native("runtime.mainInitDone");
        let b = f.alloc_raw(1);
        f.emit(Instr::CallNative { id, n: 0, base: b });
        let b = f.alloc(1);
        f.emit(Instr::Call { func: m, base: b });
    }
    f.emit(Instr::Ret);
    // runtime.main is the runtime's (not shown in tracebacks); a
    // package's `init` is shown, as gc shows it, with its file.
    let path = match (vars, main) {
        (true, None) => f.c.paths.get(first).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    f.finish(0, 0, path, 0, main.is_some())
}

/// The package-level initializer expressions by (file, node id).
fn initializer_exprs(files: &[ast::File]) -> HashMap<(usize, ast::NodeId), &Expr> {
    let mut out = HashMap::new();
    for (fi, f) in files.iter().enumerate() {
        for d in &f.decls {
            let ast::Decl::Gen(g) = d else { continue };
            for s in &g.specs {
                if let ast::Spec::Value(v) = s {
                    out.extend(v.values.iter().map(|e| ((fi, e.id), e)));
                }
            }
        }
    }
    out
}

/// The file name the runtime reports for a line directive's file `name`
/// as diagnostics show it (`./gen.y`, relative to where rgo runs, like the
/// source's own shown name `shown`, whose absolute path is `path`): an
/// absolute path, as gc records it; `??` for an empty name.
fn runtime_file_name(shown: &str, path: &str, name: &str) -> String {
    if name.is_empty() {
        return "??".to_string();
    }
    if name.starts_with('/') {
        return name.to_string();
    }
    // `path` ends with `shown` (without `./`): what precedes is where the
    // shown names are relative to.
    let rel = shown.trim_start_matches("./");
    let base = match path.strip_suffix(rel) {
        Some(b) if !rel.is_empty() => b.trim_end_matches('/'),
        _ => path.rsplit_once('/').map_or("", |(d, _)| d),
    };
    format!("{}/{}", base, name.trim_start_matches("./"))
}
