//! Lowering of expressions: constants, variables, operators, places
//! (assignable locations), selectors, indexing, slicing, composite
//! literals and function literals. Calls are in call.rs.
//!
//! Rule: an expression compiled into a destination slot writes that slot
//! only after it has read all its operands, so `x = x + y` and
//! `x = f(x)` can target `x`'s own slots directly.

use rgo_runtime::op::{ConvOp, Instr, MemKind, PrintKind, Slot, StrCmp};
use rgo_syntax::ast::{Expr, ExprKind};
use rgo_syntax::token::Token;
use rgo_types::check::{Mode, SelectionKind};
use rgo_types::constant::{BasicKind, Value};
use rgo_types::types::{ObjKind, Type, TypeId};

use crate::func::{Fc, Place, Var};
use crate::layout;
use crate::PendingLit;

/// A map key kind with fast paths (gc's mapfast: `_fast32`, `_fast64`,
/// `_faststr`); see [`Fc::map_fast`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FastKey {
    K32,
    K64,
    Str,
}

impl FastKey {
    /// The suffix of the runtime natives for this kind.
    pub fn suffix(self) -> &'static str {
        match self {
            FastKey::K32 => "_fast32",
            FastKey::K64 => "_fast64",
            FastKey::Str => "_faststr",
        }
    }
}

/// The offset [`Fc::lit_items`] gives a blank struct field's value: evaluated,
/// never stored.
const BLANK_FIELD: u32 = u32::MAX;

/// Values of more slots than this are copied memory to memory where they
/// can be ([`Fc::big_to_mem`]), and variables of them live on the heap:
/// a frame has at most 65535 slots.
pub(crate) const BIG_SLOTS: u32 = 1024;

impl<'c, 'a> Fc<'c, 'a> {
    /// The words of a closure record after its code word, for the
    /// captured variables `caps` (`by_value` per variable): a heap cell's
    /// pointer, or all the slots of a value captured by value, each as
    /// (slot, width, pointer words). A captured variable that is neither
    /// is a compiler bug, reported at `pos`.
    pub(crate) fn capture_parts(
        &mut self,
        caps: &[rgo_types::types::ObjId],
        by_value: &[bool],
        pos: rgo_syntax::Pos,
    ) -> Vec<(Slot, u32, Vec<bool>)> {
        let mut parts = Vec::new();
        for (o, &bv) in caps.iter().zip(by_value) {
            let t = self.oty(*o);
            match (self.vars.get(o).copied(), bv) {
                (Some(Var::Heap(p)), false) => parts.push((p, 1, vec![true])),
                (Some(v), true) => {
                    let n = self.nslots(t);
                    let s = match v {
                        Var::Slot(s) => s,
                        Var::Heap(p) => {
                            let d = self.alloc_t(t);
                            self.load_mem(p, 0, t, d);
                            d
                        }
                    };
                    let mut pw = Vec::new();
                    layout::pointer_words(self.c.w, t, 0, &mut pw);
                    pw.resize(n as usize, false);
                    parts.push((s, n, pw));
                }
                _ => {
                    let n = self.c.w.obj(*o).name.to_string();
                    self.err(
                        pos,
                        format!("internal error: captured variable {} is not on the heap", n),
                    );
                }
            }
        }
        parts
    }

    /// Evaluates `e` into slots (possibly a variable's own: do not write).
    pub fn expr(&mut self, e: &'a Expr) -> Slot {
        self.expr_into(e, None)
    }

    /// Evaluates `e` converted to type `t` (interfaces, untyped constants).
    pub fn value_as(&mut self, e: &'a Expr, t: TypeId) -> Slot {
        let et = self.ty(e);
        if let Some(v) = self.const_val(e) {
            if !self.c.w.types.is_interface(t) {
                if let Some(s) = self.cached_const(&v, t) {
                    return s;
                }
                let dst = self.alloc_t(t);
                self.constant(&v, t, dst);
                return dst;
            }
        }
        if self.is_nil(e) {
            let dst = self.alloc_t(t);
            let n = self.nslots(t);
            self.zero(dst, n);
            return dst;
        }
        if let Some(d) = self.big_to_iface(e, et, t) {
            return d;
        }
        let v = self.expr(e);
        self.convert_slots(v, et, t)
    }

    /// A large value in memory converted to an interface is copied
    /// memory to memory, never through the frame (`any(*p)` of a 100 MB
    /// struct). None when `e` is not such an operand.
    fn big_to_iface(&mut self, e: &'a Expr, et: TypeId, t: TypeId) -> Option<Slot> {
        const BIG_SLOTS: u32 = 64;
        let tt = &self.c.w.types;
        if !tt.is_interface(t) || tt.is_interface(et) || self.nslots(et) <= BIG_SLOTS {
            return None;
        }
        if !matches!(
            e.unparen().kind,
            ExprKind::Star(_) | ExprKind::Selector(..) | ExprKind::Index(..)
        ) || self.qualified(e.unparen()).is_some()
        {
            return None;
        }
        let pl = self.place(e);
        let pl = self.to_mem(pl);
        let Place::Mem(p, off, _) = pl else {
            // Not in memory after all: box the value.
            let v = self.load_place(&pl, et);
            return Some(self.to_iface(v, et, t));
        };
        self.emit(Instr::NilCheck { p });
        let src = self.addr_plus(p, off);
        let q = self.new_obj(et);
        let size = self.c.w.sizeof(et).max(0) as u32;
        self.emit(Instr::MemMove { dst: q, src, size });
        Some(self.boxed_to_iface(q, et, t))
    }

    /// Evaluates `e` as type `t` into `dst`.
    pub fn value_to(&mut self, e: &'a Expr, t: TypeId, dst: Slot) {
        let et = self.ty(e);
        let simple = self.const_val(e).is_none()
            && !self.is_nil(e)
            && (!self.c.w.types.is_interface(t) || et == t);
        if simple {
            let s = self.expr_into(e, Some(dst));
            let n = self.nslots(t);
            self.mov(dst, s, n);
        } else {
            let s = self.value_as(e, t);
            let n = self.nslots(t);
            self.mov(dst, s, n);
        }
    }

    pub fn is_nil(&self, e: &Expr) -> bool {
        self.c
            .info
            .type_of(self.file, e.id)
            .is_some_and(|tv| tv.mode == Mode::NilValue)
    }

    /// Converts a value in slots from `from` to the assignable type `to`.
    pub fn convert_slots(&mut self, v: Slot, from: TypeId, to: TypeId) -> Slot {
        let tt = &self.c.w.types;
        if tt.is_interface(to) && !tt.is_interface(from) && from != TypeId::UNTYPED_NIL {
            return self.to_iface(v, from, to);
        }
        if tt.is_interface(to) && tt.is_interface(from) {
            return self.iface_to_iface(v, from, to);
        }
        v
    }

    /// The prologue-loaded slot of a one-word numeric or boolean constant.
    fn cached_const(&mut self, v: &Value, t: TypeId) -> Option<Slot> {
        let t = self.c.w.types.default_type(t);
        let bk = self.c.w.types.basic_kind(t)?;
        if matches!(
            bk,
            BasicKind::String
                | BasicKind::UntypedString
                | BasicKind::Complex128
                | BasicKind::UntypedComplex
                | BasicKind::UntypedNil
        ) {
            return None;
        }
        // Compute the word with a scratch emission, then drop it.
        let mark = self.code.len();
        let tmp = Slot(0);
        self.constant(v, t, tmp);
        let word = match self.code.get(mark).copied() {
            Some(Instr::LoadImm { imm, .. }) => imm as i64 as u64,
            Some(Instr::LoadConst { idx, .. }) => {
                self.consts.get(idx as usize).copied().unwrap_or(0)
            }
            _ => {
                self.code.truncate(mark);
                self.lines.truncate(mark);
                return None;
            }
        };
        self.code.truncate(mark);
        self.lines.truncate(mark);
        self.const_slot(word)
    }

    /// Materializes constant `v` as type `t` into `dst`.
    pub fn constant(&mut self, v: &Value, t: TypeId, dst: Slot) {
        let t = self.c.w.types.default_type(t);
        let bk = self.c.w.types.basic_kind(t);
        match bk {
            Some(BasicKind::Bool) | Some(BasicKind::UntypedBool) => {
                let b = v.bool_val().unwrap_or(false);
                self.load_u64(dst, b as u64);
            }
            Some(BasicKind::String) | Some(BasicKind::UntypedString) => {
                let s = v.string_val().unwrap_or(&[]).to_vec();
                let p = self.c.string_data(&s);
                self.load_u64(dst, p);
                self.load_u64(Slot(dst.0 + 1), s.len() as u64);
            }
            Some(BasicKind::Float32) => {
                let f = v.to_float().float64_val().map(|x| x.0).unwrap_or(0.0) as f32;
                // Constants have no negative zero: tiny negatives round to +0.
                let f = if f == 0.0 { 0.0f32 } else { f };
                self.load_u64(dst, f.to_bits() as u64);
            }
            Some(BasicKind::Float64) | Some(BasicKind::UntypedFloat) => {
                let f = v.to_float().float64_val().map(|x| x.0).unwrap_or(0.0);
                let f = if f == 0.0 { 0.0 } else { f };
                self.load_u64(dst, f.to_bits());
            }
            Some(BasicKind::Complex128) | Some(BasicKind::UntypedComplex) => {
                let re = v
                    .real()
                    .to_float()
                    .float64_val()
                    .map(|x| x.0)
                    .unwrap_or(0.0);
                let im = v
                    .imag()
                    .to_float()
                    .float64_val()
                    .map(|x| x.0)
                    .unwrap_or(0.0);
                let (re, im) = (re + 0.0, im + 0.0);
                self.load_u64(dst, re.to_bits());
                self.load_u64(Slot(dst.0 + 1), im.to_bits());
            }
            Some(BasicKind::Complex64) => {
                let re = v
                    .real()
                    .to_float()
                    .float64_val()
                    .map(|x| x.0)
                    .unwrap_or(0.0) as f32;
                let im = v
                    .imag()
                    .to_float()
                    .float64_val()
                    .map(|x| x.0)
                    .unwrap_or(0.0) as f32;
                let (re, im) = (re + 0.0, im + 0.0);
                self.load_u64(dst, re.to_bits() as u64 | (im.to_bits() as u64) << 32);
            }
            Some(_) => {
                let iv = v.to_int();
                let x = iv
                    .int64_val()
                    .map(|x| x as u64)
                    .or_else(|| iv.uint64_val())
                    .unwrap_or(0);
                self.load_u64(dst, x);
            }
            None => {
                let n = self.nslots(t);
                self.zero(dst, n);
            }
        }
    }

    /// The core of expression lowering; `dst` is a hint.
    pub fn expr_into(&mut self, e: &'a Expr, dst: Option<Slot>) -> Slot {
        // A value evaluated ahead of its statement (Fc::hoist); every
        // hoisted expression is compiled through here.
        if let Some(v) = self.hoisted.remove(&e.id) {
            if let Some(d) = dst.filter(|&d| d != v) {
                let n = self.nslots(self.ty(e));
                self.mov(d, v, n);
                return d;
            }
            return v;
        }
        let t = self.ty(e);
        if let Some(v) = self.const_val(e) {
            if dst.is_none() {
                if let Some(s) = self.cached_const(&v, t) {
                    return s;
                }
            }
            let d = dst.unwrap_or_else(|| self.alloc_t(t));
            self.constant(&v, t, d);
            return d;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr_into(x, dst),
            ExprKind::Name(n) => {
                if self.is_nil(e)
                    || n == "nil"
                        && self
                            .use_of(e)
                            .is_some_and(|o| matches!(self.c.w.obj(o).kind, ObjKind::Nil))
                {
                    let d = dst.unwrap_or_else(|| self.alloc_t(t));
                    let k = self.nslots(t);
                    self.zero(d, k);
                    return d;
                }
                let Some(o) = self.use_of(e) else {
                    self.err(e.pos, format!("unresolved name {}", n));
                    return self.alloc_t(t);
                };
                self.object_value(e, o, t, dst)
            }
            ExprKind::Selector(..) if self.qualified(e).is_some() => {
                let o = self.qualified(e).expect("checked");
                self.object_value(e, o, t, dst)
            }
            _ => self.expr_kind(e, t, dst),
        }
    }

    /// The value of a variable or function object.
    fn object_value(
        &mut self,
        e: &'a Expr,
        o: rgo_types::types::ObjId,
        t: TypeId,
        dst: Option<Slot>,
    ) -> Slot {
        if let Some(v) = self.vars.get(&o).copied() {
            return match v {
                Var::Slot(s) => s,
                Var::Heap(p) => {
                    let d = dst.unwrap_or_else(|| self.alloc_t(t));
                    self.load_mem(p, 0, t, d);
                    d
                }
            };
        }
        if let Some(&addr) = self.c.globals.get(&o) {
            let p = self.alloc_ptr();
            self.load_addr(p, addr);
            let d = dst.unwrap_or_else(|| self.alloc_t(t));
            self.load_mem(p, 0, t, d);
            return d;
        }
        let f = match self.c.func_of.get(&o) {
            Some(&f) => Some(f),
            None => self.generic_callee(e),
        };
        if let Some(f) = f {
            let fv = self.c.static_funcval(f);
            let d = dst.unwrap_or_else(|| self.alloc_ptr());
            self.load_u64(d, fv);
            return d;
        }
        let n = self.c.w.obj(o).name.to_string();
        self.err(e.pos, format!("cannot use {} as a value here", n));
        self.alloc_t(t)
    }

    /// The value of the other expression kinds.
    fn expr_kind(&mut self, e: &'a Expr, t: TypeId, dst: Option<Slot>) -> Slot {
        match &e.kind {
            ExprKind::Binary(op, x, y) => self.binary_expr(*op, x, y, t, dst),
            ExprKind::Unary(op, x) => self.unary_expr(e, *op, x, t, dst),
            ExprKind::Star(x) => {
                let p = self.expr(x);
                let d = dst.unwrap_or_else(|| self.alloc_t(t));
                if self.c.w.sizeof(t) == 0 {
                    self.emit(Instr::NilCheck { p });
                } else {
                    self.load_mem(p, 0, t, d);
                }
                d
            }
            ExprKind::Selector(x, _) => {
                let sel = self.c.info.files[self.file]
                    .selections
                    .get(e.id.index())
                    .cloned()
                    .flatten();
                match sel.map(|s| s.kind) {
                    Some(SelectionKind::FieldVal) => {
                        let pl = self.place(e);
                        self.load_place_into(&pl, t, dst)
                    }
                    Some(SelectionKind::MethodVal) => self.method_value(e, x, t),
                    Some(SelectionKind::MethodExpr) => {
                        let s = self.c.info.files[self.file].selections[e.id.index()].clone();
                        let Some(s) = s else { return self.alloc_t(t) };
                        let recv = self.concrete(s.recv);
                        let s = self.inst_selection(recv, &s);
                        let f = crate::method_expr_func(self.c, recv, &s);
                        match f {
                            Some(f) => {
                                let fv = self.c.static_funcval(f);
                                let d = self.alloc_ptr();
                                self.load_u64(d, fv);
                                d
                            }
                            None => {
                                self.err(e.pos, "unsupported method expression");
                                self.alloc_t(t)
                            }
                        }
                    }
                    None => {
                        self.err(e.pos, "qualified identifiers are not supported yet");
                        self.alloc_t(t)
                    }
                }
            }
            ExprKind::Index(x, idx) => {
                let xt = self.ty(x);
                match self.under(xt) {
                    Type::Map(..) => self.map_index(x, &idx[0], xt, t, dst),
                    Type::Basic(_) => {
                        // string indexing: a byte
                        let s = self.expr(x);
                        let it = self.ty(&idx[0]);
                        let i = self.value_as(&idx[0], it);
                        self.set_line(e.pos);
                        self.unsigned_index_check(&idx[0], i, Slot(s.0 + 1));
                        let d = dst.unwrap_or_else(|| self.scalar());
                        self.emit(Instr::LoadElem {
                            dst: d,
                            s,
                            i,
                            kind: MemKind::U8,
                        });
                        d
                    }
                    Type::Signature(_) => match self.generic_callee(e) {
                        Some(f) => {
                            let fv = self.c.static_funcval(f);
                            let d = dst.unwrap_or_else(|| self.alloc_ptr());
                            self.load_u64(d, fv);
                            d
                        }
                        None => {
                            self.err(e.pos, "generic instantiation is not supported yet");
                            self.alloc_t(t)
                        }
                    },
                    _ => {
                        let pl = self.place(e);
                        self.load_place_into(&pl, t, dst)
                    }
                }
            }
            ExprKind::Slice(s) => self.slice_expr(e, s, t),
            ExprKind::Call(c) => self.call(e, c, dst),
            ExprKind::CompositeLit(_) => self.composite(e, t),
            ExprKind::FuncLit(l) => self.func_lit(e, l, t),
            ExprKind::TypeAssert(x, Some(_)) => {
                let (v, _) = self.type_assert(x, t, false);
                v
            }
            _ => {
                self.err(e.pos, "unsupported expression");
                self.alloc_t(t)
            }
        }
    }

    fn binary_expr(
        &mut self,
        op: Token,
        x: &'a Expr,
        y: &'a Expr,
        t: TypeId,
        dst: Option<Slot>,
    ) -> Slot {
        match op {
            Token::LAnd | Token::LOr => {
                let d = dst.unwrap_or_else(|| self.scalar());
                let a = self.expr(x);
                let tmp = self.scalar();
                self.mov(tmp, a, 1);
                let j = if op == Token::LAnd {
                    self.emit(Instr::JmpIfNot { cond: tmp, off: 0 })
                } else {
                    self.emit(Instr::JmpIf { cond: tmp, off: 0 })
                };
                let b = self.expr(y);
                self.mov(tmp, b, 1);
                let end = self.pc();
                self.patch(j, end);
                self.mov(d, tmp, 1);
                d
            }
            Token::Eql | Token::Neq | Token::Lss | Token::Leq | Token::Gtr | Token::Geq => {
                let (xt, yt) = (self.ty(x), self.ty(y));
                let d = dst.unwrap_or_else(|| self.scalar());
                // nil comparisons compare the first word.
                if self.is_nil(y) || self.is_nil(x) {
                    let v = if self.is_nil(y) { x } else { y };
                    let a = self.expr(v);
                    let z = self.scalar();
                    self.zero(z, 1);
                    let ins = if op == Token::Eql {
                        Instr::EqI64 { dst: d, a, b: z }
                    } else {
                        Instr::NeI64 { dst: d, a, b: z }
                    };
                    self.emit(ins);
                    return d;
                }
                let ct = if self.c.w.types.is_interface(xt) {
                    xt
                } else if self.c.w.types.is_interface(yt) {
                    yt
                } else if self.const_val(x).is_some() {
                    yt
                } else {
                    xt
                };
                let a = self.value_as(x, ct);
                let b = self.value_as(y, ct);
                self.compare(op, ct, a, b, d);
                d
            }
            Token::Shl | Token::Shr => {
                let a = self.value_as(x, t);
                // A constant count (possibly written as a float or
                // complex constant) is an unsigned integer.
                let yt = if self.const_val(y).is_some() {
                    TypeId::UINT
                } else {
                    self.ty(y)
                };
                let b = self.value_as(y, yt);
                let d = dst.unwrap_or_else(|| self.alloc_t(t));
                if self.const_val(y).is_none() && !self.c.w.types.is_unsigned(yt) {
                    self.emit(Instr::ShiftCheck { a: b });
                }
                self.binary_op(op, t, a, b, d);
                d
            }
            _ => {
                // x + c, x - c on integers: one AddImm.
                if let Some(imm) = self.add_imm(op, t, Some(y)) {
                    let a = self.value_as(x, t);
                    let d = dst.unwrap_or_else(|| self.alloc_t(t));
                    self.emit(Instr::AddImmI64 { dst: d, a, imm });
                    self.normalize(d, t);
                    return d;
                }
                let a = self.value_as(x, t);
                let b = self.value_as(y, t);
                let d = dst.unwrap_or_else(|| self.alloc_t(t));
                self.binary_op(op, t, a, b, d);
                d
            }
        }
    }

    /// `dst := a op b` for arithmetic on type `t` (for shifts, `b` is the
    /// count, of any integer type).
    pub fn binary_op(&mut self, op: Token, t: TypeId, a: Slot, b: Slot, dst: Slot) {
        let bk = self.c.w.types.basic_kind(t);
        if self.c.w.types.is_string(t) {
            let id = self.c.rt_native("runtime.concatstring2");
            let w = self.alloc_raw(6);
            for i in [0, 2, 4] {
                self.ptrs[w.0 as usize + i] = true;
            }
            self.mov(Slot(w.0 + 2), a, 2);
            self.mov(Slot(w.0 + 4), b, 2);
            self.emit(Instr::CallNative { id, n: 6, base: w });
            self.mov(dst, w, 2);
            return;
        }
        match bk {
            Some(BasicKind::Float64) => {
                let ins = match op {
                    Token::Add => Instr::AddF64 { dst, a, b },
                    Token::Sub => Instr::SubF64 { dst, a, b },
                    Token::Mul => Instr::MulF64 { dst, a, b },
                    _ => Instr::DivF64 { dst, a, b },
                };
                self.emit(ins);
                return;
            }
            Some(BasicKind::Float32) => {
                let ins = match op {
                    Token::Add => Instr::AddF32 { dst, a, b },
                    Token::Sub => Instr::SubF32 { dst, a, b },
                    Token::Mul => Instr::MulF32 { dst, a, b },
                    _ => Instr::DivF32 { dst, a, b },
                };
                self.emit(ins);
                return;
            }
            Some(BasicKind::Complex128) | Some(BasicKind::Complex64) => {
                self.complex_binary(op, t, a, b, dst);
                return;
            }
            _ => {}
        }
        let unsigned = self.c.w.types.is_unsigned(t);
        if !unsigned && matches!(op, Token::Quo | Token::Rem) {
            // Signed division by a constant: a multiply, as gc does.
            let magic = self
                .known_const(b)
                .and_then(|d| rgo_runtime::op::div_magic(d as i64).map(|(m, sh)| (m, sh, d)));
            if let Some((m, sh, d)) = magic {
                let k = self.consts.len() as u32;
                self.consts.extend([m, sh as u64, d]);
                self.emit(if op == Token::Quo {
                    Instr::DivConstI64 { dst, a, k }
                } else {
                    Instr::RemConstI64 { dst, a, k }
                });
                self.normalize(dst, t);
                return;
            }
        }
        let ins = match op {
            Token::Add => Instr::AddI64 { dst, a, b },
            Token::Sub => Instr::SubI64 { dst, a, b },
            Token::Mul => Instr::MulI64 { dst, a, b },
            Token::Quo if unsigned => Instr::DivU64 { dst, a, b },
            Token::Quo => Instr::DivI64 { dst, a, b },
            Token::Rem if unsigned => Instr::RemU64 { dst, a, b },
            Token::Rem => Instr::RemI64 { dst, a, b },
            Token::And => Instr::AndI64 { dst, a, b },
            Token::Or => Instr::OrI64 { dst, a, b },
            Token::Xor => Instr::XorI64 { dst, a, b },
            Token::AndNot => Instr::AndNotI64 { dst, a, b },
            Token::Shl => Instr::Shl { dst, a, b },
            Token::Shr if unsigned => Instr::ShrU64 { dst, a, b },
            Token::Shr => Instr::ShrI64 { dst, a, b },
            _ => Instr::AddI64 { dst, a, b },
        };
        self.emit(ins);
        self.normalize(dst, t);
    }

    /// The value slot `s` is known to hold here: a prologue-loaded
    /// constant, or one the instruction just emitted loaded into it.
    fn known_const(&self, s: Slot) -> Option<u64> {
        if let Some(&(v, _)) = self.const_slots.iter().find(|(_, x)| *x == s) {
            return Some(v);
        }
        match self.code.last()? {
            Instr::LoadImm { dst, imm } if *dst == s => Some(*imm as i64 as u64),
            Instr::LoadConst { dst, idx } if *dst == s => self.consts.get(*idx as usize).copied(),
            _ => None,
        }
    }

    /// Re-extends a narrow integer after arithmetic.
    pub fn normalize(&mut self, s: Slot, t: TypeId) {
        if self.c.w.sizeof(t) < 8 && self.c.w.types.is_integer(t) {
            let kind = layout::mem_kind(self.c.w, t);
            self.emit(Instr::Ext {
                dst: s,
                src: s,
                kind,
            });
        }
    }

    /// `dst := a op b` for a comparison of two values of type `t`.
    pub fn compare(&mut self, op: Token, t: TypeId, a: Slot, b: Slot, dst: Slot) {
        let tt = &self.c.w.types;
        let (a, b, op) = match op {
            Token::Gtr => (b, a, Token::Lss),
            Token::Geq => (b, a, Token::Leq),
            _ => (a, b, op),
        };
        if tt.is_string(t) {
            let sop = match op {
                Token::Eql => StrCmp::Eq,
                Token::Neq => StrCmp::Ne,
                Token::Lss => StrCmp::Lt,
                _ => StrCmp::Le,
            };
            self.emit(Instr::CmpStr { dst, a, b, op: sop });
            return;
        }
        match tt.basic_kind(t) {
            Some(BasicKind::Float64) => {
                let ins = match op {
                    Token::Eql => Instr::EqF64 { dst, a, b },
                    Token::Neq => Instr::NeF64 { dst, a, b },
                    Token::Lss => Instr::LtF64 { dst, a, b },
                    _ => Instr::LeF64 { dst, a, b },
                };
                self.emit(ins);
                return;
            }
            Some(BasicKind::Float32) => {
                let ins = match op {
                    Token::Eql => Instr::EqF32 { dst, a, b },
                    Token::Neq => Instr::NeF32 { dst, a, b },
                    Token::Lss => Instr::LtF32 { dst, a, b },
                    _ => Instr::LeF32 { dst, a, b },
                };
                self.emit(ins);
                return;
            }
            Some(BasicKind::Complex64)
            | Some(BasicKind::Complex128)
            | Some(BasicKind::UntypedComplex) => {
                self.complex_compare(op, t, a, b, dst);
                return;
            }
            _ => {}
        }
        if self.is_word_eq(t) {
            let unsigned = self.c.w.types.is_unsigned(t);
            let ins = match op {
                Token::Eql => Instr::EqI64 { dst, a, b },
                Token::Neq => Instr::NeI64 { dst, a, b },
                Token::Lss if unsigned => Instr::LtU64 { dst, a, b },
                Token::Lss => Instr::LtI64 { dst, a, b },
                _ if unsigned => Instr::LeU64 { dst, a, b },
                _ => Instr::LeI64 { dst, a, b },
            };
            self.emit(ins);
            return;
        }
        if self.c.w.types.is_interface(t) {
            let id = self.c.rt_native("runtime.ifaceeq");
            let w = self.alloc(6);
            self.mov(Slot(w.0 + 1), a, 2);
            self.mov(Slot(w.0 + 3), b, 2);
            let empty = self.is_empty_iface(t);
            self.load_u64(Slot(w.0 + 5), (!empty) as u64);
            self.emit(Instr::CallNative { id, n: 6, base: w });
            if op == Token::Neq {
                self.emit(Instr::Not { dst, a: w });
            } else {
                self.mov(dst, w, 1);
            }
            return;
        }
        // Structs and arrays: compare their memory images by type.
        let pa = self.spill(a, t);
        let pb = self.spill(b, t);
        let d = self.desc_const(t);
        let typ = self.konst(d);
        self.emit(Instr::EqMem {
            dst,
            a: pa,
            b: pb,
            typ,
        });
        if op == Token::Neq {
            self.emit(Instr::Not { dst, a: dst });
        }
    }

    pub fn is_empty_iface(&mut self, t: TypeId) -> bool {
        let u = self.c.w.types.under(t);
        self.c.w.type_set(u).methods.is_empty()
    }

    /// Copies a frame value to a fresh heap object; returns its address.
    pub fn spill(&mut self, v: Slot, t: TypeId) -> Slot {
        let p = self.new_obj(t);
        self.store_mem(p, 0, t, v);
        p
    }

    fn unary_expr(
        &mut self,
        e: &'a Expr,
        op: Token,
        x: &'a Expr,
        t: TypeId,
        dst: Option<Slot>,
    ) -> Slot {
        match op {
            Token::And => {
                let x = x.unparen();
                if let ExprKind::CompositeLit(_) = &x.kind {
                    let lt = self.ty(x);
                    let p = self.new_obj(lt);
                    self.lit_to_mem(p, 0, x, lt);
                    return p;
                }
                let pl = self.place(x);
                let pl = self.to_mem(pl);
                match pl {
                    Place::Mem(p, off, _) => {
                        // `&*p` and `&p.f` panic on a nil p.
                        if matches!(x.kind, ExprKind::Star(_) | ExprKind::Selector(..)) {
                            self.emit(Instr::NilCheck { p });
                        }
                        self.addr_plus(p, off)
                    }
                    _ => {
                        self.err(
                            e.pos,
                            "cannot take the address of a frame value (escape analysis)",
                        );
                        self.alloc_ptr()
                    }
                }
            }
            Token::Sub => {
                let a = self.expr(x);
                let d = dst.unwrap_or_else(|| self.alloc_t(t));
                match self.c.w.types.basic_kind(t) {
                    Some(BasicKind::Float64) => {
                        self.emit(Instr::NegF64 { dst: d, a });
                    }
                    Some(BasicKind::Float32) => {
                        self.emit(Instr::NegF32 { dst: d, a });
                    }
                    Some(BasicKind::Complex64) | Some(BasicKind::Complex128) => {
                        self.complex_neg(t, a, d);
                    }
                    _ => {
                        self.emit(Instr::NegI64 { dst: d, a });
                        self.normalize(d, t);
                    }
                }
                d
            }
            Token::Add => self.expr_into(x, dst),
            Token::Xor => {
                let a = self.expr(x);
                let d = dst.unwrap_or_else(|| self.alloc_t(t));
                self.emit(Instr::ComI64 { dst: d, a });
                self.normalize(d, t);
                d
            }
            Token::Not => {
                let a = self.expr(x);
                let d = dst.unwrap_or_else(|| self.scalar());
                self.emit(Instr::Not { dst: d, a });
                d
            }
            Token::Arrow => {
                let (v, _, et) = self.chan_recv(x);
                match dst {
                    Some(d) => {
                        let n = self.nslots(et);
                        self.mov(d, v, n);
                        d
                    }
                    None => v,
                }
            }
            _ => {
                self.err(e.pos, "unsupported unary operator");
                self.alloc_t(t)
            }
        }
    }

    // ------------------------------------------------------------------
    // Places.

    /// The memory kind of a slice element loaded by `LoadElem`.
    pub fn elem_kind(&self, et: TypeId) -> Option<MemKind> {
        if !layout::is_scalar(self.c.w, et) {
            return None;
        }
        match self.c.w.sizeof(et) {
            1 | 2 | 4 | 8 => Some(layout::mem_kind(self.c.w, et)),
            _ => None,
        }
    }

    /// `pl` as a memory place (an element's address is computed).
    pub fn to_mem(&mut self, pl: Place) -> Place {
        match pl {
            Place::Elem(s, i, et) => {
                self.emit(Instr::BoundsCheck {
                    i,
                    len: Slot(s.0 + 1),
                });
                let es = self.c.w.sizeof(et).max(0) as u32;
                let q = self.alloc_ptr();
                self.emit(Instr::IndexAddr {
                    dst: q,
                    p: s,
                    i,
                    size: es,
                });
                Place::Mem(q, 0, et)
            }
            other => other,
        }
    }

    pub fn place_type(&self, pl: &Place, e: &Expr) -> TypeId {
        match pl {
            Place::Slots(_, t)
            | Place::FrameBytes(_, t)
            | Place::Mem(_, _, t)
            | Place::Elem(_, _, t) => *t,
            Place::MapElem { mt, .. } => match self.under(*mt) {
                Type::Map(_, v) => v,
                _ => TypeId::INVALID,
            },
            Place::Blank => self.ty(e),
        }
    }

    /// The location `e` denotes; evaluates its operands.
    pub fn place(&mut self, e: &'a Expr) -> Place {
        let t = self.ty(e);
        match &e.kind {
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Name(n) => {
                if n == "_" {
                    return Place::Blank;
                }
                let Some(o) = self.use_of(e).or_else(|| self.def_of_id(e.id)) else {
                    return Place::Blank;
                };
                if let Some(v) = self.vars.get(&o).copied() {
                    return match v {
                        Var::Slot(s) => Place::Slots(s, t),
                        Var::Heap(p) => Place::Mem(p, 0, t),
                    };
                }
                if let Some(&addr) = self.c.globals.get(&o) {
                    let p = self.alloc_ptr();
                    self.load_addr(p, addr);
                    return Place::Mem(p, 0, t);
                }
                self.err(e.pos, format!("cannot assign to {}", n));
                Place::Blank
            }
            ExprKind::Star(x) => {
                let p = self.expr(x);
                Place::Mem(p, 0, t)
            }
            ExprKind::Selector(..) if self.qualified(e).is_some() => {
                let o = self.qualified(e).expect("checked");
                match self.c.globals.get(&o) {
                    Some(&addr) => {
                        let p = self.alloc_ptr();
                        self.load_addr(p, addr);
                        Place::Mem(p, 0, t)
                    }
                    None => {
                        self.err(e.pos, "cannot assign to a qualified identifier");
                        Place::Blank
                    }
                }
            }
            ExprKind::Selector(x, _) => {
                let Some(sel) = self.c.info.files[self.file]
                    .selections
                    .get(e.id.index())
                    .cloned()
                    .flatten()
                else {
                    self.err(e.pos, "unsupported selector");
                    return Place::Blank;
                };
                let xt = self.ty(x);
                let mut cur_t = xt;
                let mut pl = if let Type::Pointer(b) = self.under(xt) {
                    let p = self.expr(x);
                    cur_t = b;
                    Place::Mem(p, 0, b)
                } else {
                    self.place_or_value(x)
                };
                for &fi in &sel.index {
                    // Follow an embedded pointer.
                    if let Type::Pointer(b) = self.under(cur_t) {
                        let v = self.load_place(&pl, cur_t);
                        pl = Place::Mem(v, 0, b);
                        cur_t = b;
                    }
                    let Type::Struct(st) = self.under(cur_t) else {
                        self.err(e.pos, "selector on a non-struct");
                        return Place::Blank;
                    };
                    let f = st.fields[fi];
                    let ft = self.oty(f);
                    let off = self.c.w.offsetsof(&st.fields)[fi].max(0) as u32;
                    pl = self.sub_place(pl, off, ft);
                    cur_t = ft;
                }
                pl
            }
            ExprKind::Index(x, idx) => {
                let xt = self.ty(x);
                match self.under(xt) {
                    Type::Map(..) => {
                        let m = self.expr(x);
                        let Type::Map(kt, _) = self.under(xt) else {
                            return Place::Blank;
                        };
                        let k = self.value_as(&idx[0], kt);
                        Place::MapElem { mt: xt, m, key: k }
                    }
                    Type::Slice(et) if self.elem_kind(et).is_some() => {
                        let s = self.expr(x);
                        let i = self.index_value(&idx[0]);
                        self.set_line(e.pos);
                        self.unsigned_index_check(&idx[0], i, Slot(s.0 + 1));
                        Place::Elem(s, i, et)
                    }
                    Type::Slice(et) => {
                        let s = self.expr(x);
                        let i = self.index_value(&idx[0]);
                        self.set_line(e.pos);
                        self.unsigned_index_check(&idx[0], i, Slot(s.0 + 1));
                        self.emit(Instr::BoundsCheck {
                            i,
                            len: Slot(s.0 + 1),
                        });
                        let es = self.c.w.sizeof(et).max(0) as u32;
                        let q = self.alloc_ptr();
                        self.emit(Instr::IndexAddr {
                            dst: q,
                            p: s,
                            i,
                            size: es,
                        });
                        Place::Mem(q, 0, et)
                    }
                    Type::Array(n, et) => {
                        let base = self.place_or_value(x);
                        self.array_elem(base, n, et, &idx[0], e)
                    }
                    Type::Pointer(at) => {
                        let Type::Array(n, et) = self.under(at) else {
                            return Place::Blank;
                        };
                        let p = self.expr(x);
                        self.emit(Instr::NilCheck { p });
                        self.array_elem(Place::Mem(p, 0, at), n, et, &idx[0], e)
                    }
                    _ => {
                        self.err(e.pos, "unsupported index expression");
                        Place::Blank
                    }
                }
            }
            _ => {
                // A value: give it a frame home.
                let v = self.expr(e);
                Place::Slots(v, t)
            }
        }
    }

    /// A place for an addressable expression, or the value in slots.
    fn place_or_value(&mut self, x: &'a Expr) -> Place {
        // A map element is not addressable: its parts are read from a
        // copy of the value.
        if let ExprKind::Index(m, _) = &x.unparen().kind {
            let mt = self.ty(m);
            if matches!(self.under(mt), Type::Map(..)) {
                let t = self.ty(x);
                let v = self.expr(x);
                return Place::Slots(v, t);
            }
        }
        match &x.unparen().kind {
            ExprKind::Name(_)
            | ExprKind::Star(_)
            | ExprKind::Selector(..)
            | ExprKind::Index(..) => {
                if self.const_val(x).is_some() {
                    let t = self.ty(x);
                    let v = self.expr(x);
                    return Place::Slots(v, t);
                }
                self.place(x)
            }
            _ => {
                let t = self.ty(x);
                let v = self.expr(x);
                Place::Slots(v, t)
            }
        }
    }

    fn index_value(&mut self, i: &'a Expr) -> Slot {
        let it = self.ty(i);
        self.value_as(i, it)
    }

    /// Is `e` a non-constant index of a 64-bit unsigned type (one whose
    /// value may have the sign bit set)?
    fn is_wide_unsigned(&self, e: &Expr) -> bool {
        let t = self.ty(e);
        self.const_val(e).is_none()
            && matches!(
                self.c.w.types.basic_kind(t),
                Some(BasicKind::Uint | BasicKind::Uint64 | BasicKind::Uintptr)
            )
    }

    /// Before the bounds check of index `i` (expression `idx`) against
    /// `len`: an index of a 64-bit unsigned type out of range panics here,
    /// printed unsigned and with the length (the bounds-checking
    /// instructions take indices as signed: `[-1]`).
    fn unsigned_index_check(&mut self, idx: &Expr, i: Slot, len: Slot) {
        if !self.is_wide_unsigned(idx) {
            return;
        }
        let ok = self.scalar();
        self.emit(Instr::LtU64 {
            dst: ok,
            a: i,
            b: len,
        });
        let j = self.emit(Instr::JmpIf { cond: ok, off: 0 });
        let id = self.c.rt_native("runtime.panicIndexU");
        let w = self.alloc(2);
        self.mov(w, i, 1);
        self.mov(Slot(w.0 + 1), len, 1);
        self.emit(Instr::CallNative { id, n: 2, base: w });
        let here = self.pc();
        self.patch(j, here);
    }

    fn array_elem(&mut self, base: Place, n: i64, et: TypeId, idx: &'a Expr, e: &'a Expr) -> Place {
        let es = self.c.w.sizeof(et).max(0) as u32;
        if let Some(c) = self.const_val(idx).and_then(|v| v.to_int().int64_val()) {
            // Offsets beyond u32 take the dynamic path below.
            if let Ok(off) = u32::try_from((c as u64).saturating_mul(es as u64)) {
                if c >= 0 {
                    return self.sub_place(base, off, et);
                }
            }
        }
        let i = self.index_value(idx);
        let len = self.scalar();
        self.load_u64(len, n as u64);
        self.set_line(e.pos);
        self.unsigned_index_check(idx, i, len);
        self.emit(Instr::BoundsCheck { i, len });
        let (p, off) = match base {
            Place::Mem(p, off, _) => (p, off),
            Place::Slots(s, t) => {
                let p = self.spill(s, t);
                (p, 0)
            }
            _ => {
                self.err(e.pos, "unsupported array operand");
                return Place::Blank;
            }
        };
        let q = self.alloc_ptr();
        let pb = self.addr_plus(p, off);
        self.emit(Instr::IndexAddr {
            dst: q,
            p: pb,
            i,
            size: es,
        });
        Place::Mem(q, 0, et)
    }

    /// The part of `pl` at byte offset `off` with type `ft`.
    fn sub_place(&mut self, pl: Place, off: u32, ft: TypeId) -> Place {
        let size = self.c.w.sizeof(ft).max(0) as u32;
        match pl {
            Place::Mem(p, o, _) => Place::Mem(p, o + off, ft),
            Place::Slots(s, _) => {
                let abs = s.0 as u32 * 8 + off;
                if abs.is_multiple_of(8)
                    && (size.is_multiple_of(8) || !layout::is_scalar(self.c.w, ft))
                {
                    Place::Slots(Slot((abs / 8) as u16), ft)
                } else {
                    Place::FrameBytes(abs, ft)
                }
            }
            Place::FrameBytes(o, _) => {
                let abs = o + off;
                if abs.is_multiple_of(8) && size.is_multiple_of(8) {
                    Place::Slots(Slot((abs / 8) as u16), ft)
                } else {
                    Place::FrameBytes(abs, ft)
                }
            }
            other => other,
        }
    }

    pub fn load_place(&mut self, pl: &Place, t: TypeId) -> Slot {
        self.load_place_into(pl, t, None)
    }

    pub fn load_place_into(&mut self, pl: &Place, t: TypeId, dst: Option<Slot>) -> Slot {
        match *pl {
            Place::Slots(s, _) => s,
            Place::FrameBytes(off, ft) => {
                let d = dst.unwrap_or_else(|| self.alloc_t(ft));
                if layout::is_scalar(self.c.w, ft) {
                    let kind = layout::mem_kind(self.c.w, ft);
                    self.emit(Instr::FLoad { dst: d, kind, off });
                } else {
                    let size = self.c.w.sizeof(ft).max(0) as u32;
                    for i in 0..size {
                        let tmp = self.scalar();
                        self.emit(Instr::FLoad {
                            dst: tmp,
                            kind: MemKind::U8,
                            off: off + i,
                        });
                        self.emit(Instr::FStore {
                            src: tmp,
                            kind: MemKind::U8,
                            off: d.0 as u32 * 8 + i,
                        });
                    }
                }
                d
            }
            Place::Mem(p, off, ft) => {
                let d = dst.unwrap_or_else(|| self.alloc_t(ft));
                self.load_mem(p, off, ft, d);
                d
            }
            Place::Elem(s, i, et) => {
                let d = dst.unwrap_or_else(|| self.alloc_t(et));
                let kind = self.elem_kind(et).unwrap_or(MemKind::W64);
                self.emit(Instr::LoadElem { dst: d, s, i, kind });
                d
            }
            Place::MapElem { mt, m, key } => {
                let d = dst.unwrap_or_else(|| self.alloc_t(t));
                let ep = self.map_call("runtime.mapaccess1", mt, m, key);
                self.load_mem(ep, 0, t, d);
                d
            }
            Place::Blank => self.alloc_t(t),
        }
    }

    pub fn store_place(&mut self, pl: &Place, v: Slot) {
        match *pl {
            Place::Slots(s, t) => {
                let n = self.nslots(t);
                self.mov(s, v, n)
            }
            Place::FrameBytes(off, ft) => {
                if layout::is_scalar(self.c.w, ft) {
                    let kind = layout::mem_kind(self.c.w, ft);
                    self.emit(Instr::FStore { src: v, kind, off });
                } else {
                    let size = self.c.w.sizeof(ft).max(0) as u32;
                    for i in 0..size {
                        let tmp = self.scalar();
                        self.emit(Instr::FLoad {
                            dst: tmp,
                            kind: MemKind::U8,
                            off: v.0 as u32 * 8 + i,
                        });
                        self.emit(Instr::FStore {
                            src: tmp,
                            kind: MemKind::U8,
                            off: off + i,
                        });
                    }
                }
            }
            Place::Mem(p, off, t) => self.store_mem(p, off, t, v),
            Place::Elem(s, i, et) => {
                let kind = self.elem_kind(et).unwrap_or(MemKind::W64);
                self.emit(Instr::StoreElem { s, i, src: v, kind });
            }
            Place::MapElem { mt, m, key } => {
                let vt = match self.under(mt) {
                    Type::Map(_, v) => v,
                    _ => return,
                };
                let ep = self.map_call("runtime.mapassign", mt, m, key);
                self.store_mem(ep, 0, vt, v);
            }
            Place::Blank => {}
        }
    }

    /// The fast key kind of `mt`, as gc's `mapfast` picks it: pointer-free
    /// keys of 4 or 8 bytes compared as memory (not floats), and string
    /// keys; only with elements stored inline (at most 128 bytes). The
    /// runtime hashes such keys with memhash32 / memhash64 / strhash, the
    /// hashers `map::new_map_type` gives these types, which its fast paths
    /// (the `MapAccess*` / `MapAssign*` instructions, the `_fast*` delete
    /// natives) compute inline.
    pub fn map_fast(&self, mt: TypeId) -> Option<FastKey> {
        let Type::Map(kt, vt) = self.under(mt) else {
            return None;
        };
        let w = &*self.c.w;
        if w.sizeof(vt) > 128 {
            return None;
        }
        if matches!(self.under(kt), Type::Basic(BasicKind::String)) {
            return Some(FastKey::Str);
        }
        let mut ptrs = Vec::new();
        layout::pointer_words(w, kt, 0, &mut ptrs);
        if ptrs.contains(&true) || !layout::regular_memory(w, kt) {
            return None;
        }
        match w.sizeof(kt) {
            4 => Some(FastKey::K32),
            8 => Some(FastKey::K64),
            _ => None,
        }
    }

    /// Calls a map native `res | t, h, key...` (its fast variant for the
    /// key type if any); returns the result slot.
    pub fn map_call(&mut self, name: &str, mt: TypeId, m: Slot, key: Slot) -> Slot {
        let Type::Map(kt, _) = self.under(mt) else {
            return m;
        };
        if let Some(fast) = self.map_fast(mt) {
            let (d, _) = self.map_fast_op(fast, name == "runtime.mapassign", mt, m, key);
            return d;
        }
        let ks = self.nslots(kt).max(1);
        let id = self.c.rt_native(name);
        let w = self.alloc_raw(3 + ks);
        self.ptrs[w.0 as usize] = true;
        let md = self.desc_const(mt);
        self.load_u64(Slot(w.0 + 1), md);
        self.mov(Slot(w.0 + 2), m, 1);
        self.mov(Slot(w.0 + 3), key, ks);
        self.emit(Instr::CallNative {
            id,
            n: (3 + ks) as u16,
            base: w,
        });
        w
    }

    /// A map access or assignment with a fast key kind (`fast` from
    /// [`Self::map_fast`]) as one instruction; returns the element
    /// address slot and, for an access, the ok slot.
    fn map_fast_op(
        &mut self,
        fast: FastKey,
        assign: bool,
        mt: TypeId,
        m: Slot,
        key: Slot,
    ) -> (Slot, Slot) {
        let dst = self.alloc_raw(if assign { 1 } else { 2 });
        self.ptrs[dst.0 as usize] = true;
        let md = self.desc_const(mt);
        let typ = self.konst(md);
        self.emit(match (fast, assign) {
            (FastKey::K32, false) => Instr::MapAccess32 { dst, m, key, typ },
            (FastKey::K64, false) => Instr::MapAccess64 { dst, m, key, typ },
            (FastKey::Str, false) => Instr::MapAccessStr { dst, m, key, typ },
            (FastKey::K32, true) => Instr::MapAssign32 { dst, m, key, typ },
            (FastKey::K64, true) => Instr::MapAssign64 { dst, m, key, typ },
            (FastKey::Str, true) => Instr::MapAssignStr { dst, m, key, typ },
        });
        (dst, Slot(dst.0 + 1))
    }

    fn map_index(
        &mut self,
        x: &'a Expr,
        k: &'a Expr,
        xt: TypeId,
        t: TypeId,
        dst: Option<Slot>,
    ) -> Slot {
        let Type::Map(kt, _) = self.under(xt) else {
            return self.alloc_t(t);
        };
        let m = self.expr(x);
        let key = self.value_as(k, kt);
        let ep = self.map_call("runtime.mapaccess1", xt, m, key);
        let d = dst.unwrap_or_else(|| self.alloc_t(t));
        self.load_mem(ep, 0, t, d);
        d
    }

    /// `v, ok := m[k]`: (value, ok) slots.
    pub fn map_index2(&mut self, x: &'a Expr, k: &'a Expr) -> (Slot, Slot) {
        self.map_index2_as(x, k, true)
    }

    /// Whether `x` is of map type.
    pub fn is_map(&self, x: &'a Expr) -> bool {
        matches!(self.under(self.ty(x)), Type::Map(..))
    }

    /// `v, ok := m[k]`, reading the element only if `want_value` (else
    /// the value slot is left unwritten: `_, ok := m[k]`).
    pub fn map_index2_as(&mut self, x: &'a Expr, k: &'a Expr, want_value: bool) -> (Slot, Slot) {
        let xt = self.ty(x);
        let Type::Map(kt, vt) = self.under(xt) else {
            let s = self.scalar();
            return (s, s);
        };
        let m = self.expr(x);
        let key = self.value_as(k, kt);
        if let Some(fast) = self.map_fast(xt) {
            let (p, ok) = self.map_fast_op(fast, false, xt, m, key);
            let d = self.alloc_t(vt);
            if want_value {
                self.load_mem(p, 0, vt, d);
            }
            return (d, ok);
        }
        let ks = self.nslots(kt).max(1);
        let id = self.c.rt_native("runtime.mapaccess2");
        let w = self.alloc_raw(4 + ks);
        self.ptrs[w.0 as usize] = true;
        let md = self.desc_const(xt);
        self.load_u64(Slot(w.0 + 2), md);
        self.mov(Slot(w.0 + 3), m, 1);
        self.mov(Slot(w.0 + 4), key, ks);
        self.emit(Instr::CallNative {
            id,
            n: (4 + ks) as u16,
            base: w,
        });
        let d = self.alloc_t(vt);
        if want_value {
            self.load_mem(w, 0, vt, d);
        }
        (d, Slot(w.0 + 1))
    }

    /// Address of an array value (heap variable, or a spilled copy).
    pub fn addr_of_value(&mut self, x: &'a Expr, xt: TypeId) -> Slot {
        let pl = self.place_or_value(x);
        match pl {
            Place::Mem(p, off, _) => self.addr_plus(p, off),
            Place::Slots(s, _) => self.spill(s, xt),
            _ => {
                let v = self.load_place(&pl, xt);
                self.spill(v, xt)
            }
        }
    }

    fn slice_expr(&mut self, e: &'a Expr, s: &'a rgo_syntax::ast::SliceExpr, t: TypeId) -> Slot {
        let xt = self.ty(&s.x);
        // base pointer, length, capacity, element size
        let (p, len, cap, es, is_str) = match self.under(xt) {
            Type::Slice(et) => {
                let v = self.expr(&s.x);
                (
                    v,
                    Slot(v.0 + 1),
                    Slot(v.0 + 2),
                    self.c.w.sizeof(et).max(0) as u32,
                    false,
                )
            }
            Type::Basic(_) => {
                let v = self.expr(&s.x);
                (v, Slot(v.0 + 1), Slot(v.0 + 1), 1, true)
            }
            Type::Array(n, et) => {
                let p = self.addr_of_value(&s.x, xt);
                let l = self.scalar();
                self.load_u64(l, n as u64);
                (p, l, l, self.c.w.sizeof(et).max(0) as u32, false)
            }
            Type::Pointer(at) => {
                let Type::Array(n, et) = self.under(at) else {
                    return self.alloc_t(t);
                };
                let p = self.expr(&s.x);
                self.emit(Instr::NilCheck { p });
                let l = self.scalar();
                self.load_u64(l, n as u64);
                (p, l, l, self.c.w.sizeof(et).max(0) as u32, false)
            }
            _ => {
                self.err(e.pos, "unsupported slice operand");
                return self.alloc_t(t);
            }
        };
        // Slicing anything but a slice checks against a length.
        let is_len = is_str || !matches!(self.under(xt), Type::Slice(_));
        let lo = match &s.index[0] {
            Some(i) => self.value_as(i, TypeId::INT),
            None => {
                let z = self.scalar();
                self.zero(z, 1);
                z
            }
        };
        let hi = match &s.index[1] {
            Some(i) => self.value_as(i, TypeId::INT),
            None => len,
        };
        let max = match &s.index[2] {
            Some(i) => self.value_as(i, TypeId::INT),
            None => cap,
        };
        self.set_line(e.pos);
        let id = self.c.rt_native("runtime.slicecheck");
        let w = self.alloc(5);
        self.mov(w, lo, 1);
        self.mov(Slot(w.0 + 1), hi, 1);
        self.mov(Slot(w.0 + 2), max, 1);
        self.mov(Slot(w.0 + 3), cap, 1);
        let mut mode = (s.full as u64) | if is_len { 2 } else { 0 };
        // Bits 2..4: lo, hi, max of a 64-bit unsigned type.
        for (k, ix) in s.index.iter().enumerate() {
            if ix.as_ref().is_some_and(|ix| self.is_wide_unsigned(ix)) {
                mode |= 4 << k;
            }
        }
        self.load_u64(Slot(w.0 + 4), mode);
        self.emit(Instr::CallNative { id, n: 5, base: w });
        let d = self.alloc_t(t);
        // ptr + lo*es (Go avoids pointing past the end when the new cap is 0;
        // we keep ptr+lo*es only when the result is non-empty in cap).
        let newcap = self.scalar();
        self.emit(Instr::SubI64 {
            dst: newcap,
            a: max,
            b: lo,
        });
        let np = self.alloc_ptr();
        self.emit(Instr::IndexAddr {
            dst: np,
            p,
            i: lo,
            size: es,
        });
        let z = self.scalar();
        self.zero(z, 1);
        let j = self.emit(Instr::JmpNeI64 {
            a: newcap,
            b: z,
            off: 0,
        });
        self.mov(np, p, 1);
        let here = self.pc();
        self.patch(j, here);
        self.mov(d, np, 1);
        self.emit(Instr::SubI64 {
            dst: Slot(d.0 + 1),
            a: hi,
            b: lo,
        });
        if !is_str {
            self.mov(Slot(d.0 + 2), newcap, 1);
        }
        d
    }

    // ------------------------------------------------------------------
    // Composite literals.

    fn composite(&mut self, e: &'a Expr, t: TypeId) -> Slot {
        let ExprKind::CompositeLit(cl) = &e.kind else {
            return self.alloc_t(t);
        };
        match self.under(t) {
            Type::Slice(et) => {
                let n = self.lit_len(&cl.elems);
                let at = self.c.w.types.array(n as i64, et);
                let p = self.new_obj(at);
                self.array_lit_to_mem(p, 0, &cl.elems, et);
                let h = self.alloc_t(t);
                self.mov(h, p, 1);
                self.load_u64(Slot(h.0 + 1), n);
                self.load_u64(Slot(h.0 + 2), n);
                h
            }
            Type::Map(kt, vt) => {
                let id = self.c.rt_native("runtime.makemap");
                let w = self.alloc_raw(3);
                self.ptrs[w.0 as usize] = true;
                let md = self.desc_const(t);
                self.load_u64(Slot(w.0 + 1), md);
                self.load_u64(Slot(w.0 + 2), cl.elems.len() as u64);
                self.emit(Instr::CallNative { id, n: 3, base: w });
                let m = self.alloc_ptr();
                self.mov(m, w, 1);
                for el in &cl.elems {
                    if let ExprKind::KeyValue(k, v) = &el.kind {
                        let key = self.value_as(k, kt);
                        let val = self.value_as(v, vt);
                        let ep = self.map_call("runtime.mapassign", t, m, key);
                        self.store_mem(ep, 0, vt, val);
                    }
                }
                m
            }
            Type::Struct(_) | Type::Array(..) => {
                // Build in memory when large, else in slots.
                let size = self.c.w.sizeof(t).max(0);
                if size > 256 {
                    let p = self.new_obj(t);
                    self.lit_to_mem(p, 0, e, t);
                    let d = self.alloc_t(t);
                    self.load_mem(p, 0, t, d);
                    return d;
                }
                let d = self.alloc_t(t);
                let n = self.nslots(t);
                self.zero(d, n);
                self.lit_to_slots(d, e, t);
                d
            }
            Type::Pointer(bt) => {
                // `{...}` elided `&T{...}` inside a literal.
                let p = self.new_obj(bt);
                self.lit_to_mem(p, 0, e, bt);
                p
            }
            _ => {
                self.err(e.pos, "unsupported composite literal");
                self.alloc_t(t)
            }
        }
    }

    fn lit_len(&self, elems: &[Expr]) -> u64 {
        let mut i: u64 = 0;
        let mut max = 0;
        for el in elems {
            if let ExprKind::KeyValue(k, _) = &el.kind {
                if let Some(v) = self.const_val(k).and_then(|v| v.to_int().int64_val()) {
                    i = v as u64;
                }
            }
            i += 1;
            max = max.max(i);
        }
        max
    }

    /// Writes literal `e` of type `t` into a zeroed frame value at `d`.
    fn lit_to_slots(&mut self, d: Slot, e: &'a Expr, t: TypeId) {
        let ExprKind::CompositeLit(cl) = &e.kind else {
            return;
        };
        let items = self.lit_items(&cl.elems, t);
        for (off, ft, v) in items {
            if off == BLANK_FIELD {
                self.value_as(v, ft);
                continue;
            }
            let pl = self.sub_place(Place::Slots(d, t), off, ft);
            match pl {
                Place::Slots(s, _) => self.value_to(v, ft, s),
                _ => {
                    let val = self.value_as(v, ft);
                    self.store_place(&pl, val);
                }
            }
        }
    }

    /// (byte offset, type, value) of each element of a struct/array literal.
    fn lit_items(&mut self, elems: &'a [Expr], t: TypeId) -> Vec<(u32, TypeId, &'a Expr)> {
        let mut out = Vec::new();
        match self.under(t) {
            Type::Struct(st) => {
                let offs = self.c.w.offsetsof(&st.fields);
                for (i, el) in elems.iter().enumerate() {
                    let (fi, v) = match &el.kind {
                        ExprKind::KeyValue(k, v) => {
                            let name = match &k.kind {
                                ExprKind::Name(n) => n.clone(),
                                _ => continue,
                            };
                            let fi = st.fields.iter().position(|f| self.c.w.obj(*f).name == name);
                            match fi {
                                Some(fi) => (fi, &**v),
                                None => continue,
                            }
                        }
                        _ => (i, el),
                    };
                    let ft = self.oty(st.fields[fi]);
                    if self.c.w.obj(st.fields[fi]).name.as_str() == "_" {
                        // A blank field stays zero; its value is still
                        // evaluated, in order.
                        out.push((BLANK_FIELD, ft, v));
                        continue;
                    }
                    out.push((offs[fi].max(0) as u32, ft, v));
                }
            }
            Type::Array(_, et) => {
                let es = self.c.w.sizeof(et).max(0) as u32;
                let mut i: u32 = 0;
                for el in elems {
                    let v = match &el.kind {
                        ExprKind::KeyValue(k, v) => {
                            if let Some(x) = self.const_val(k).and_then(|v| v.to_int().int64_val())
                            {
                                i = x as u32;
                            }
                            &**v
                        }
                        _ => el,
                    };
                    out.push((i * es, et, v));
                    i += 1;
                }
            }
            _ => {}
        }
        out
    }

    /// Writes literal (or value) `e` of type `t` to memory at `R[p] + off`
    /// (memory already zeroed).
    pub fn lit_to_mem(&mut self, p: Slot, off: u32, e: &'a Expr, t: TypeId) {
        if let ExprKind::CompositeLit(cl) = &e.unparen().kind {
            match self.under(t) {
                Type::Struct(_) => {
                    let items = self.lit_items(&cl.elems, t);
                    for (o, ft, v) in items {
                        if o == BLANK_FIELD {
                            self.value_as(v, ft);
                            continue;
                        }
                        self.lit_to_mem(p, off + o, v, ft);
                    }
                    return;
                }
                Type::Array(_, et) => {
                    let q = self.addr_plus(p, off);
                    self.array_lit_to_mem(q, 0, &cl.elems, et);
                    return;
                }
                _ => {}
            }
        }
        let v = self.value_as(e, t);
        self.store_mem(p, off, t, v);
    }

    fn array_lit_to_mem(&mut self, p: Slot, off: u32, elems: &'a [Expr], et: TypeId) {
        let es = self.c.w.sizeof(et).max(0) as u32;
        let mut i: u32 = 0;
        for el in elems {
            let v = match &el.kind {
                ExprKind::KeyValue(k, v) => {
                    if let Some(x) = self.const_val(k).and_then(|v| v.to_int().int64_val()) {
                        i = x as u32;
                    }
                    &**v
                }
                _ => el,
            };
            self.lit_to_mem(p, off + i * es, v, et);
            i += 1;
        }
    }

    // ------------------------------------------------------------------
    // Function literals.

    fn func_lit(&mut self, e: &'a Expr, l: &'a rgo_syntax::ast::FuncLit, t: TypeId) -> Slot {
        let caps = crate::escape::captures(self.c, self.file, l);
        let id = self.c.reserve();
        self.lit_count += 1;
        // Inside range-over-func bodies gc names literals by the depth of
        // the loop nest (`f-range1.func1`, `f-range1-range1.1`).
        let dot = match self.rf_level {
            0 => self.name.contains(".func"),
            1 => false,
            _ => true,
        };
        let name = if dot {
            format!("{}.{}", self.name, self.lit_count)
        } else {
            format!("{}.func{}", self.name, self.lit_count)
        };
        // Closure words after the FuncId: a cell pointer per captured
        // variable, or its value (all its words) when captured by value.
        let by_value: Vec<bool> = caps.iter().map(|o| self.c.by_value.contains(o)).collect();
        let parts = self.capture_parts(&caps, &by_value, e.pos);
        self.c.pending.push(PendingLit {
            id,
            file: self.file,
            lit: l,
            // The checker's own signature: its parameter objects are the
            // ones the body uses (a generic instance substitutes their
            // types through `oty`).
            sig: self.c.info.type_of(self.file, e.id).map_or(t, |tv| tv.typ),
            captures: caps,
            name,
            rf_level: self.rf_level,
        });
        if parts.is_empty() {
            let fv = self.c.static_funcval(id);
            let d = self.alloc_ptr();
            self.load_u64(d, fv);
            return d;
        }
        let words: u32 = 1 + parts.iter().map(|p| p.1).sum::<u32>();
        let tmp = self.alloc(words);
        let mut bits = vec![false];
        let fid = self.scalar();
        let iw = self.c.take(id);
        self.load_u64(fid, iw);
        self.mov(tmp, fid, 1);
        let mut at = tmp.0 + 1;
        for (s, n, pw) in parts {
            self.mov(Slot(at), s, n);
            bits.extend(pw);
            at += n as u16;
        }
        self.closure_record(tmp, &bits)
    }

    /// Stores into a package-level variable.
    /// Writes the value of `e` (of type `t`) to memory at `R[p] + off`
    /// without passing it through the frame when it is bigger than
    /// [`BIG_SLOTS`] (false, nothing emitted, for smaller values): a
    /// literal is built in a new object, an addressable operand is read
    /// where it lives; then one `MemMove`.
    pub fn big_to_mem(&mut self, e: &'a Expr, t: TypeId, p: Slot, off: u32) -> bool {
        if self.nslots(t) <= BIG_SLOTS {
            return false;
        }
        let size = self.c.w.sizeof(t).max(0) as u32;
        let src = if let ExprKind::CompositeLit(_) = &e.unparen().kind {
            let q = self.new_obj(t);
            self.lit_to_mem(q, 0, e.unparen(), t);
            q
        } else {
            self.addr_of_value(e, t)
        };
        let d = self.addr_plus(p, off);
        self.emit(Instr::MemMove { dst: d, src, size });
        true
    }

    /// Stores the value of `e` in global `o` of type `t`.
    pub fn init_global(&mut self, o: rgo_types::types::ObjId, t: TypeId, e: &'a Expr) {
        if let Some(&addr) = self.c.globals.get(&o) {
            if self.nslots(t) > BIG_SLOTS {
                let p = self.alloc_ptr();
                self.load_addr(p, addr);
                self.big_to_mem(e, t, p, 0);
                return;
            }
        }
        let v = self.value_as(e, t);
        self.store_global(o, t, v);
    }

    pub fn store_global(&mut self, o: rgo_types::types::ObjId, t: TypeId, v: Slot) {
        if let Some(&addr) = self.c.globals.get(&o) {
            let p = self.alloc_ptr();
            self.load_addr(p, addr);
            self.store_mem(p, 0, t, v);
        }
    }

    /// The print kind of a value of type `t` for print/println.
    pub fn print_kind(&self, t: TypeId) -> PrintKind {
        let tt = &self.c.w.types;
        match tt.basic_kind(t) {
            Some(BasicKind::Bool) | Some(BasicKind::UntypedBool) => PrintKind::Bool,
            Some(BasicKind::Float64) | Some(BasicKind::UntypedFloat) => PrintKind::F64,
            Some(BasicKind::Float32) => PrintKind::F32,
            Some(BasicKind::Complex128) | Some(BasicKind::UntypedComplex) => PrintKind::C128,
            Some(BasicKind::Complex64) => PrintKind::C64,
            Some(BasicKind::String) | Some(BasicKind::UntypedString) => PrintKind::Str,
            Some(BasicKind::UnsafePointer) | Some(BasicKind::UntypedNil) => PrintKind::Ptr,
            Some(_) if tt.is_unsigned(t) => PrintKind::Uint,
            Some(_) => PrintKind::Int,
            None => match tt.get(tt.under(t)) {
                Type::Interface(_) => PrintKind::Iface,
                Type::Slice(_) => PrintKind::Slice,
                _ => PrintKind::Ptr,
            },
        }
    }

    /// Float conversions used by numeric conversions.
    pub fn conv(&mut self, dst: Slot, src: Slot, op: ConvOp) {
        self.emit(Instr::Conv { dst, src, op });
    }
}
