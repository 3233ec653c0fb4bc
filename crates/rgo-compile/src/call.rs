//! Lowering of calls (static, closures, methods, interface methods),
//! builtins, conversions, interfaces (boxing, itabs, assertions, type
//! switches), multi-value expressions, `defer`, and the generated
//! wrapper functions (value-receiver methods behind interfaces, defer
//! thunks).

use rgo_runtime::op::{ConvOp, FuncId, Instr, MemKind, PrintKind, Slot};
use rgo_syntax::ast::{CallExpr, Expr, ExprKind};
use rgo_types::check::{Mode, SelectionKind};
use rgo_types::constant::BasicKind;
use rgo_types::types::{Builtin, FuncInfo, ObjId, ObjKind, Type, TypeId};

use crate::func::{Fc, Place};
use crate::layout;

/// How a call reaches its callee.
enum Callee {
    Static(FuncId),
    Closure(Slot),
    /// Interface method: the FuncId in a slot.
    Indirect(Slot),
    /// Interface method `m` of the interface value in slots `iv, iv+1`,
    /// called with `CallIface` (which also passes the receiver).
    Iface(Slot, u16),
}

impl Callee {
    /// How a generated thunk calling this callee reaches it.
    fn thunk_call(&self) -> crate::ThunkCall {
        match self {
            Callee::Static(f) => crate::ThunkCall::Static(*f),
            Callee::Closure(_) => crate::ThunkCall::Closure,
            Callee::Indirect(_) | Callee::Iface(..) => crate::ThunkCall::Indirect,
        }
    }
}

/// What a call expression is.
pub(crate) enum CallKind {
    /// A conversion `T(x)`.
    Conversion,
    Builtin(Builtin),
    /// A call of a function, method or func value.
    Call,
}

impl<'c, 'a> Fc<'c, 'a> {
    /// Whether `c` converts, calls a builtin, or calls a function.
    pub(crate) fn call_kind(&self, c: &CallExpr) -> CallKind {
        let fun = c.fun.unparen();
        let ftv = self.c.info.type_of(self.file, fun.id);
        if ftv.is_some_and(|tv| tv.mode == Mode::TypeExpr) {
            return CallKind::Conversion;
        }
        if matches!(fun.kind, ExprKind::Name(_)) || self.qualified(fun).is_some() {
            if let Some(o) = self.use_of(fun) {
                if let ObjKind::Builtin(b) = self.c.w.obj(o).kind {
                    return CallKind::Builtin(b);
                }
            }
        }
        CallKind::Call
    }

    /// Compiles a call; returns the slot of its first result.
    pub fn call(&mut self, e: &'a Expr, c: &'a CallExpr, dst: Option<Slot>) -> Slot {
        let fun = c.fun.unparen();
        let t = self.ty(e);
        match self.call_kind(c) {
            CallKind::Conversion => return self.conversion(&c.args[0], t, dst),
            CallKind::Builtin(b) => return self.builtin(e, b, c, t, dst),
            CallKind::Call => {}
        }
        self.set_line(e.pos);
        let (callee, sig, recv) = self.callee_for(fun, true);
        let Type::Signature(s) = self.c.w.types.get(self.c.w.types.under(sig)).clone() else {
            self.err(e.pos, "call of a non-function");
            return self.alloc_t(t);
        };
        let res_types: Vec<TypeId> = s.results.iter().map(|r| self.oty(*r)).collect();
        let par_types: Vec<TypeId> = s.params.iter().map(|p| self.oty(*p)).collect();
        let rslots: u32 = res_types.iter().map(|t| self.nslots(*t)).sum();
        let recv_slots = recv.as_ref().map(|(_, rt)| self.nslots(*rt)).unwrap_or(0);
        let pslots: u32 = par_types.iter().map(|t| self.nslots(*t)).sum();
        let base = self.alloc_raw(rslots + recv_slots + pslots);
        self.windows.insert(base.0, rslots + recv_slots + pslots);
        self.mark_types(base, &res_types);
        let mut at = base.0 as u32 + rslots;
        if let Some((rv, rt)) = recv {
            let n = self.nslots(rt);
            self.mark_types(Slot(at as u16), &[rt]);
            // CallIface passes the receiver itself.
            if !matches!(callee, Callee::Iface(..)) {
                self.mov(Slot(at as u16), rv, n);
            }
            at += n;
        }
        self.mark_types(Slot(at as u16), &par_types);
        self.args_into(c, &par_types, s.variadic, at);
        self.set_line(e.pos);
        match callee {
            Callee::Static(f) => match self.intrinsic(fun) {
                Some(i) => self.emit_intrinsic(i, base),
                None => {
                    self.emit(Instr::Call { func: f, base });
                }
            },
            Callee::Iface(iv, m) => {
                self.emit(Instr::CallIface {
                    iface: iv,
                    m,
                    base,
                    recv: rslots as u16,
                    args: pslots as u16,
                });
            }
            Callee::Closure(fv) => {
                let n = (rslots + recv_slots + pslots) as u16;
                let res = rslots as u16;
                self.emit(Instr::CallClosure { fv, base, n, res });
            }
            Callee::Indirect(f) => {
                let n = (rslots + recv_slots + pslots) as u16;
                let res = rslots as u16;
                self.emit(Instr::CallIndirect { f, base, n, res });
            }
        }
        let _ = dst;
        base
    }

    /// Whether `args` is one multi-value call (`f(g())`).
    fn is_multi_value_arg(&self, args: &[Expr]) -> bool {
        let [a] = args else { return false };
        let t = self.c.info.type_of(self.file, a.id).map(|tv| tv.typ);
        t.is_some_and(|t| matches!(self.c.w.types.get(t), Type::Tuple(_)))
    }

    /// Evaluates call arguments into the window starting at slot `at`.
    fn args_into(&mut self, c: &'a CallExpr, params: &[TypeId], variadic: bool, at: u32) {
        let mut at = at;
        // f(g()) with a multi-value g.
        let multi = self.is_multi_value_arg(&c.args);
        if multi {
            let nfixed = if variadic {
                params.len().saturating_sub(1)
            } else {
                params.len()
            };
            let parts = self.multi_value_n(&c.args[0], nfixed);
            for (i, &(s, st)) in parts.iter().take(nfixed).enumerate() {
                let pt = params[i];
                let v = self.convert_slots(s, st, pt);
                let n = self.nslots(pt);
                self.mov(Slot(at as u16), v, n);
                at += n;
            }
            if variadic {
                let extra: Vec<(Slot, TypeId)> = parts.iter().skip(nfixed).copied().collect();
                let st = params[params.len() - 1];
                self.pack_variadic(&extra, st, Slot(at as u16));
            }
            return;
        }
        let fixed = if variadic && !c.has_dots {
            params.len() - 1
        } else {
            params.len()
        };
        for (i, a) in c.args.iter().take(fixed).enumerate() {
            let pt = params[i];
            let n = self.nslots(pt);
            self.value_to(a, pt, Slot(at as u16));
            at += n;
        }
        if variadic && !c.has_dots {
            let st = params[params.len() - 1];
            let Type::Slice(et) = self.under(st) else {
                return;
            };
            let extra = &c.args[fixed.min(c.args.len())..];
            let dst = Slot(at as u16);
            if extra.is_empty() {
                self.zero(dst, 3);
                return;
            }
            // `...uintptr` arguments may be pointers to keep alive (for
            // `//go:uintptrescapes` callees): the array is scanned as
            // pointers, which the collector checks word by word.
            let elem = if et == TypeId::UINTPTR {
                TypeId::UNSAFE_POINTER
            } else {
                et
            };
            let at_t = self.c.w.types.array(extra.len() as i64, elem);
            let p = self.new_obj(at_t);
            let es = self.c.w.sizeof(et).max(0) as u32;
            for (i, a) in extra.iter().enumerate() {
                self.lit_to_mem(p, i as u32 * es, a, et);
            }
            self.mov(dst, p, 1);
            self.load_u64(Slot(dst.0 + 1), extra.len() as u64);
            self.load_u64(Slot(dst.0 + 2), extra.len() as u64);
        }
    }

    /// Builds the `[]T` of a variadic call's extra values into `dst`.
    fn pack_variadic(&mut self, vals: &[(Slot, TypeId)], st: TypeId, dst: Slot) {
        let Type::Slice(et) = self.under(st) else {
            return;
        };
        if vals.is_empty() {
            self.zero(dst, 3);
            return;
        }
        let at_t = self.c.w.types.array(vals.len() as i64, et);
        let p = self.new_obj(at_t);
        let es = self.c.w.sizeof(et).max(0) as u32;
        for (i, &(s, vt)) in vals.iter().enumerate() {
            let v = self.convert_slots(s, vt, et);
            self.store_mem(p, i as u32 * es, et, v);
        }
        self.mov(dst, p, 1);
        self.load_u64(Slot(dst.0 + 1), vals.len() as u64);
        self.load_u64(Slot(dst.0 + 2), vals.len() as u64);
    }

    /// Resolves the callee: (how, signature type, receiver value+type).
    fn callee(&mut self, fun: &'a Expr) -> (Callee, TypeId, Option<(Slot, TypeId)>) {
        self.callee_for(fun, false)
    }

    /// [`Self::callee`]; with `direct`, an interface method comes back as
    /// `Callee::Iface` (for a call right here) instead of a loaded FuncId.
    fn callee_for(
        &mut self,
        fun: &'a Expr,
        direct: bool,
    ) -> (Callee, TypeId, Option<(Slot, TypeId)>) {
        let ft = self.ty(fun);
        if let Some(f) = self.generic_callee(fun) {
            return (Callee::Static(f), ft, None);
        }
        if matches!(fun.kind, ExprKind::Name(_)) || self.qualified(fun).is_some() {
            if let Some(o) = self.use_of(fun) {
                if let Some(&f) = self.c.func_of.get(&o) {
                    if !self.vars.contains_key(&o) {
                        return (Callee::Static(f), ft, None);
                    }
                }
            }
        }
        if let ExprKind::Selector(x, _) = &fun.kind {
            let sel = self.c.info.files[self.file]
                .selections
                .get(fun.id.index())
                .cloned()
                .flatten();
            if let Some(sel) = sel {
                if sel.kind == SelectionKind::MethodVal {
                    return self.method_callee(x, &sel, ft, direct);
                }
            }
        }
        let fv = self.expr(fun);
        (Callee::Closure(fv), ft, None)
    }

    fn method_callee(
        &mut self,
        x: &'a Expr,
        sel: &rgo_types::check::Selection,
        ft: TypeId,
        direct: bool,
    ) -> (Callee, TypeId, Option<(Slot, TypeId)>) {
        let xt = self.ty(x);
        let sel = &self.inst_selection(xt, sel);
        let m = sel.obj;
        // Walk embedded fields to the receiver.
        let path = &sel.index[..sel.index.len().saturating_sub(1)];
        let (recv_place, recv_t) = self.embedded_place(x, xt, path);
        let recv_place = self.to_mem(recv_place);
        if self.c.w.types.is_interface(recv_t) {
            let iv = self.load_place(&recv_place, recv_t);
            if direct {
                let idx = self.iface_method_index(recv_t, m);
                if let Ok(idx) = u16::try_from(idx) {
                    return (
                        Callee::Iface(iv, idx),
                        ft,
                        Some((Slot(iv.0 + 1), TypeId::UNSAFE_POINTER)),
                    );
                }
            }
            let f = self.itab_fun(iv, recv_t, m);
            return (
                Callee::Indirect(f),
                ft,
                Some((Slot(iv.0 + 1), TypeId::UNSAFE_POINTER)),
            );
        }
        let ptr_recv = matches!(
            self.c.w.obj(m).kind,
            ObjKind::Func(FuncInfo { ptr_recv: true, .. })
        );
        let concrete_recv = self.concrete(recv_t);
        let Some(fid) = self.c.method_fid(m, concrete_recv) else {
            self.err(x.pos, "call of a method without a body");
            let s = self.scalar();
            return (Callee::Closure(s), ft, None);
        };
        let recv_is_ptr = matches!(self.under(recv_t), Type::Pointer(_));
        // The receiver as the method declares it (`T` or `*T`), with the
        // type arguments of a generic receiver in place.
        let recv_base = match self.under(recv_t) {
            Type::Pointer(b) => b,
            _ => recv_t,
        };
        let sig_recv_t = if ptr_recv {
            self.c.w.types.pointer(recv_base)
        } else {
            recv_base
        };
        let rv = if ptr_recv {
            if recv_is_ptr {
                self.load_place(&recv_place, recv_t)
            } else {
                match recv_place {
                    Place::Mem(p, off, _) => {
                        // `p.f.M()` takes `&p.f`: a nil p panics.
                        if matches!(x.unparen().kind, ExprKind::Star(_) | ExprKind::Selector(..)) {
                            self.emit(Instr::NilCheck { p });
                        }
                        self.addr_plus(p, off)
                    }
                    _ => {
                        let v = self.load_place(&recv_place, recv_t);
                        self.spill(v, recv_t)
                    }
                }
            }
        } else if recv_is_ptr {
            let p = self.load_place(&recv_place, recv_t);
            let Type::Pointer(b) = self.under(recv_t) else {
                return (Callee::Static(fid), ft, None);
            };
            let d = self.alloc_t(b);
            self.load_mem(p, 0, b, d);
            d
        } else {
            self.load_place(&recv_place, recv_t)
        };
        (Callee::Static(fid), ft, Some((rv, sig_recv_t)))
    }

    /// Selection `sel` of a method on an operand of type `xt` as the
    /// generic instance being compiled sees it: a method called through a
    /// type parameter (its constraint's method) or found in a generic type
    /// is looked up again in the type argument, which declares it (maybe
    /// promoted through embedded fields, or as an interface method).
    pub(crate) fn inst_selection(
        &mut self,
        xt: TypeId,
        sel: &rgo_types::check::Selection,
    ) -> rgo_types::check::Selection {
        if self.c.subst.is_none() {
            return sel.clone();
        }
        let (name, pkg) = {
            let o = self.c.w.obj(sel.obj);
            (o.name.to_string(), o.pkg)
        };
        match self.c.w.lookup_field_or_method(xt, true, pkg, &name) {
            rgo_types::lookup::Lookup::Found {
                obj,
                index,
                indirect,
                ..
            } if matches!(self.c.w.obj(obj).kind, ObjKind::Func(_)) => {
                rgo_types::check::Selection {
                    kind: sel.kind,
                    recv: xt,
                    obj,
                    index,
                    indirect,
                    typ: sel.typ,
                }
            }
            _ => sel.clone(),
        }
    }

    /// The place of `x.f1.f2...` following embedded fields `path`.
    fn embedded_place(&mut self, x: &'a Expr, xt: TypeId, path: &[usize]) -> (Place, TypeId) {
        let mut pl = match &x.unparen().kind {
            ExprKind::Name(_)
            | ExprKind::Selector(..)
            | ExprKind::Index(..)
            | ExprKind::Star(_)
                if self.const_val(x).is_none() =>
            {
                self.place(x)
            }
            _ => {
                let v = self.expr(x);
                Place::Slots(v, xt)
            }
        };
        let mut cur = xt;
        for &fi in path {
            if let Type::Pointer(b) = self.under(cur) {
                let v = self.load_place(&pl, cur);
                // Selecting through a nil pointer panics here, even when
                // only the field's address is used.
                self.emit(Instr::NilCheck { p: v });
                pl = Place::Mem(v, 0, b);
                cur = b;
            }
            let Type::Struct(st) = self.under(cur) else {
                break;
            };
            let f = st.fields[fi];
            let ft = self.oty(f);
            let off = self.c.w.offsetsof(&st.fields)[fi].max(0) as u32;
            pl = match pl {
                Place::Mem(p, o, _) => Place::Mem(p, o + off, ft),
                Place::Slots(s, _) if off.is_multiple_of(8) => {
                    Place::Slots(Slot(s.0 + (off / 8) as u16), ft)
                }
                other => {
                    let v = self.load_place(&other, cur);
                    let p = self.spill(v, cur);
                    Place::Mem(p, off, ft)
                }
            };
            cur = ft;
        }
        (pl, cur)
    }

    /// Index of method `m` in interface `t`'s sorted method set.
    fn iface_method_index(&mut self, t: TypeId, m: ObjId) -> u32 {
        let u = self.c.w.types.under(t);
        let ts = self.c.w.type_set(u);
        let name = self.c.w.obj(m).name.clone();
        ts.methods
            .iter()
            .position(|x| self.c.w.obj(*x).name == name)
            .unwrap_or(0) as u32
    }

    /// Loads the FuncId of method `m` of interface type `iface` from the
    /// itab in slot `itab` (`{inter, type, hash, fun[]}`).
    pub(crate) fn itab_fun(&mut self, itab: Slot, iface: TypeId, m: ObjId) -> Slot {
        let idx = self.iface_method_index(iface, m);
        let f = self.scalar();
        self.emit(Instr::Load {
            dst: f,
            p: itab,
            kind: MemKind::W64,
            off: 24 + 8 * idx,
        });
        f
    }

    // ------------------------------------------------------------------
    // Multi-value expressions.

    /// `multi_value` padded to `n` values (after an error already reported
    /// for an unsupported form, so lowering can go on without panicking).
    pub fn multi_value_n(&mut self, e: &'a Expr, n: usize) -> Vec<(Slot, TypeId)> {
        let mut v = self.multi_value(e);
        if v.len() < n {
            if v.is_empty() {
                self.err(e.pos, "unsupported multi-value expression");
            }
            while v.len() < n {
                let s = self.scalar();
                v.push((s, TypeId::INVALID));
            }
        }
        v
    }

    /// The values of a multi-value expression (call, comma-ok forms).
    pub fn multi_value(&mut self, e: &'a Expr) -> Vec<(Slot, TypeId)> {
        let e = e.unparen();
        match &e.kind {
            ExprKind::Index(x, idx) => {
                let (v, ok) = self.map_index2(x, &idx[0]);
                let xt = self.ty(x);
                let vt = match self.under(xt) {
                    Type::Map(_, v) => v,
                    _ => TypeId::INVALID,
                };
                vec![(v, vt), (ok, TypeId::BOOL)]
            }
            ExprKind::TypeAssert(x, Some(te)) => {
                let t = self.ty(te);
                let (v, ok) = self.type_assert(x, t, true);
                vec![(v, t), (ok, TypeId::BOOL)]
            }
            ExprKind::Call(c) => {
                let tv = self
                    .c
                    .info
                    .type_of(self.file, e.id)
                    .map(|tv| tv.typ)
                    .unwrap_or(TypeId::INVALID);
                let base = self.call(e, c, None);
                match self.c.w.types.get(tv).clone() {
                    Type::Tuple(vars) => {
                        let mut out = Vec::new();
                        let mut at = base.0;
                        for v in vars {
                            let t = self.oty(v);
                            out.push((Slot(at), t));
                            at += self.nslots(t) as u16;
                        }
                        out
                    }
                    _ => vec![(base, tv)],
                }
            }
            ExprKind::Unary(rgo_syntax::token::Token::Arrow, x) => {
                let (v, ok, et) = self.chan_recv(x);
                vec![(v, et), (ok, TypeId::BOOL)]
            }
            _ => {
                let t = self.ty(e);
                vec![(self.expr(e), t)]
            }
        }
    }

    // ------------------------------------------------------------------
    // Builtins.

    fn builtin(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        c: &'a CallExpr,
        t: TypeId,
        dst: Option<Slot>,
    ) -> Slot {
        self.set_line(e.pos);
        let args = &c.args;
        let tuple_arg = self.is_multi_value_arg(args);
        // Arguments as values or expressions: `copy(f())` spreads f's
        // results over the parameters.
        let bargs: Vec<BArg<'a>> = if tuple_arg {
            match b {
                Builtin::Print | Builtin::Println => Vec::new(),
                Builtin::Complex | Builtin::Copy | Builtin::Append | Builtin::Delete => self
                    .multi_value(&args[0])
                    .into_iter()
                    .map(|(s, t)| BArg::V(s, t))
                    .collect(),
                _ => {
                    self.err(
                        e.pos,
                        format!("{} of a multi-value call is not supported yet", b.name()),
                    );
                    return self.alloc_t(t);
                }
            }
        } else {
            args.iter().map(BArg::E).collect()
        };
        match b {
            Builtin::Len | Builtin::Cap => {
                let xt = self.ty(&args[0]);
                match self.under(xt) {
                    Type::Map(..) => {
                        let m = self.expr(&args[0]);
                        let id = self.c.rt_native("runtime.maplen");
                        let w = self.alloc(2);
                        self.mov(Slot(w.0 + 1), m, 1);
                        self.emit(Instr::CallNative { id, n: 2, base: w });
                        w
                    }
                    Type::Slice(_) => {
                        let v = self.expr(&args[0]);
                        Slot(v.0 + if b == Builtin::Len { 1 } else { 2 })
                    }
                    Type::Basic(_) => {
                        let v = self.expr(&args[0]);
                        Slot(v.0 + 1)
                    }
                    Type::Chan(..) => self.chan_len_cap(&args[0], b == Builtin::Cap),
                    Type::Array(n, _) => {
                        // Not a constant only when a type argument made
                        // the array (or the operand has calls): evaluated.
                        if !matches!(args[0].unparen().kind, ExprKind::Name(_)) {
                            self.expr(&args[0]);
                        }
                        let d = self.scalar();
                        self.load_u64(d, n as u64);
                        d
                    }
                    Type::Pointer(at) => {
                        // Not constant only for calls or receives in the
                        // operand: evaluated, never dereferenced (a nil
                        // pointer to an array has its length).
                        self.expr(&args[0]);
                        let n = match self.under(at) {
                            Type::Array(n, _) => n,
                            _ => 0,
                        };
                        let d = self.scalar();
                        self.load_u64(d, n as u64);
                        d
                    }
                    _ => {
                        self.err(e.pos, "len/cap of this type is not supported yet");
                        self.scalar()
                    }
                }
            }
            Builtin::Append
            | Builtin::Copy
            | Builtin::Delete
            | Builtin::Clear
            | Builtin::Complex => self.builtin_vals(e.pos, b, &bargs, c.has_dots, t, dst),
            Builtin::Make => {
                let mt = self.ty(&args[0]);
                match self.under(mt) {
                    Type::Slice(et) => {
                        if let Some(w) = self.make_const_slice(et, &args[1..]) {
                            return w;
                        }
                        let len = self.value_as(&args[1], TypeId::INT);
                        let cap = if args.len() > 2 {
                            self.value_as(&args[2], TypeId::INT)
                        } else {
                            len
                        };
                        let w = self.alloc_raw(6);
                        self.ptrs[w.0 as usize] = true;
                        let const_cap = args
                            .get(2)
                            .and_then(|c| self.const_val(c))
                            .and_then(|v| v.to_int().int64_val());
                        let done = self.make_small_slice(et, len, cap, const_cap, w);
                        let id = self.c.rt_native("runtime.makeslice");
                        let d = self.desc_const(et);
                        self.load_u64(Slot(w.0 + 3), d);
                        self.mov(Slot(w.0 + 4), len, 1);
                        self.mov(Slot(w.0 + 5), cap, 1);
                        self.emit(Instr::CallNative { id, n: 6, base: w });
                        if let Some(j) = done {
                            let end = self.pc();
                            self.patch(j, end);
                        }
                        w
                    }
                    Type::Map(..) => {
                        let id = self.c.rt_native("runtime.makemap");
                        let w = self.alloc_raw(3);
                        self.ptrs[w.0 as usize] = true;
                        let d = self.desc_const(mt);
                        self.load_u64(Slot(w.0 + 1), d);
                        if args.len() > 1 {
                            let h = self.value_as(&args[1], TypeId::INT);
                            self.mov(Slot(w.0 + 2), h, 1);
                        } else {
                            self.zero(Slot(w.0 + 2), 1);
                        }
                        self.emit(Instr::CallNative { id, n: 3, base: w });
                        w
                    }
                    Type::Chan(..) => self.make_chan(mt, args.get(1)),
                    _ => {
                        self.err(e.pos, "make of this type is not supported yet");
                        self.alloc_t(t)
                    }
                }
            }
            Builtin::New => {
                let Type::Pointer(et) = self.under(t) else {
                    return self.alloc_ptr();
                };
                let p = dst.unwrap_or_else(|| self.alloc_ptr());
                self.new_into(p, et);
                p
            }
            Builtin::Panic => {
                let v = self.value_as(&args[0], TypeId::EMPTY_INTERFACE);
                self.set_line(e.pos);
                self.emit(Instr::Panic { v });
                v
            }
            Builtin::Recover => {
                let d = self.alloc_t(TypeId::EMPTY_INTERFACE);
                self.emit(Instr::Recover { dst: d });
                d
            }
            Builtin::Print | Builtin::Println => {
                let ln = b == Builtin::Println;
                let mut vals = Vec::new();
                if tuple_arg {
                    for (s, st) in self.multi_value(&args[0]) {
                        let k = self.print_kind(st);
                        vals.push((s, k));
                    }
                }
                let plain: &[Expr] = if vals.is_empty() { args } else { &[] };
                for a in plain {
                    let at = self.ty(a);
                    let v = if self.is_nil(a) {
                        let z = self.scalar();
                        self.zero(z, 1);
                        (z, PrintKind::Ptr)
                    } else {
                        (self.value_as(a, at), self.print_kind(at))
                    };
                    vals.push(v);
                }
                for (i, (v, k)) in vals.into_iter().enumerate() {
                    if ln && i > 0 {
                        self.emit(Instr::Print {
                            a: v,
                            kind: PrintKind::Space,
                        });
                    }
                    self.emit(Instr::Print { a: v, kind: k });
                }
                let z = self.scalar();
                self.emit(Instr::Print {
                    a: z,
                    kind: if ln {
                        PrintKind::Newline
                    } else {
                        PrintKind::Flush
                    },
                });
                z
            }
            Builtin::Min | Builtin::Max => {
                let mut acc = self.value_as(&args[0], t);
                let n = self.nslots(t);
                let cur = self.alloc_t(t);
                self.mov(cur, acc, n);
                acc = cur;
                for a in &args[1..] {
                    let v = self.value_as(a, t);
                    let lt = self.scalar();
                    if b == Builtin::Min {
                        self.compare(rgo_syntax::token::Token::Lss, t, v, acc, lt);
                    } else {
                        self.compare(rgo_syntax::token::Token::Gtr, t, v, acc, lt);
                    }
                    let j = self.emit(Instr::JmpIfNot { cond: lt, off: 0 });
                    self.mov(acc, v, n);
                    let here = self.pc();
                    self.patch(j, here);
                }
                acc
            }
            Builtin::String | Builtin::Slice => {
                let p = self.expr(&args[0]);
                let lt = self.ty(&args[1]);
                let n = self.value_as(&args[1], lt);
                let es = match self.under(self.ty(&args[0])) {
                    Type::Pointer(et) if b == Builtin::Slice => self.c.w.sizeof(et).max(0) as u64,
                    _ => 1,
                };
                let id = self.c.rt_native("runtime.unsafeslice");
                let w = self.alloc(4);
                self.mov(w, p, 1);
                self.mov(Slot(w.0 + 1), n, 1);
                self.load_u64(Slot(w.0 + 2), es);
                let flags = self.c.w.types.is_unsigned(lt) as u64
                    | if b == Builtin::String { 2 } else { 0 };
                self.load_u64(Slot(w.0 + 3), flags);
                self.emit(Instr::CallNative { id, n: 4, base: w });
                let d = self.alloc_t(t);
                self.mov(d, p, 1);
                self.mov(Slot(d.0 + 1), n, 1);
                if b == Builtin::Slice {
                    self.mov(Slot(d.0 + 2), n, 1);
                }
                d
            }
            Builtin::StringData | Builtin::SliceData => {
                let v = self.expr(&args[0]);
                let d = self.alloc_ptr();
                self.mov(d, v, 1);
                d
            }
            Builtin::Add => {
                let p = self.expr(&args[0]);
                let lt = self.ty(&args[1]);
                let n = self.value_as(&args[1], lt);
                let d = self.alloc_ptr();
                self.emit(Instr::AddI64 { dst: d, a: p, b: n });
                d
            }
            Builtin::Close => self.close_chan(&args[0]),
            Builtin::Real | Builtin::Imag => {
                let xt = self.ty(&args[0]);
                let v = self.value_as(&args[0], xt);
                self.complex_part(xt, v, b == Builtin::Imag)
            }
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => {
                // Constant except on values of a type parameter's type:
                // this instance's type arguments decide.
                let n = match b {
                    Builtin::Sizeof => self.c.w.sizeof(self.ty(&args[0])),
                    Builtin::Alignof => self.c.w.alignof(self.ty(&args[0])),
                    _ => self.offsetof(&args[0]),
                };
                let d = dst.unwrap_or_else(|| self.scalar());
                self.load_u64(d, n.max(0) as u64);
                d
            }
        }
    }

    /// The number of elements of the stack buffer the growth of this
    /// `append` may use, as gc decides it: appending a fixed number of
    /// elements of at most 32 bytes to a local slice variable (not one in
    /// memory, which gc appends to in place), at the first such `append`
    /// of the variable in the function; `32 / size` elements. Escape
    /// analysis then decides whether the result allows it.
    fn append_buf_len(&mut self, first: &BArg<'a>, has_dots: bool, es: u32) -> Option<u64> {
        const MAX_BUF: u32 = 32;
        let BArg::E(e) = *first else {
            return None;
        };
        if has_dots || es == 0 || es > MAX_BUF || !matches!(e.unparen().kind, ExprKind::Name(_)) {
            return None;
        }
        let o = self.use_of(e.unparen())?;
        if !matches!(self.vars.get(&o), Some(crate::func::Var::Slot(_))) {
            return None;
        }
        if !self.append_bufs.insert(o) {
            return None;
        }
        Some((MAX_BUF / es) as u64)
    }

    /// `make([]T, len[, cap])` with constant sizes of a small object: a
    /// `New` of the array `[cap]T` (one allocation, as makeslice's), which
    /// escape analysis may keep on the stack as Go does (stackobj.rs).
    fn make_const_slice(&mut self, et: TypeId, sizes: &[Expr]) -> Option<Slot> {
        let len = self.const_val(sizes.first()?)?.to_int().int64_val()?;
        let cap = match sizes.get(1) {
            Some(c) => self.const_val(c)?.to_int().int64_val()?,
            None => len,
        };
        let size = self.c.w.sizeof(et).checked_mul(cap)?;
        if !(0..=cap).contains(&len) || size <= 0 || size > 64 << 10 {
            return None;
        }
        let at = self.c.w.types.array(cap, et);
        let w = self.alloc_raw(3);
        self.ptrs[w.0 as usize] = true;
        self.new_into(w, at);
        self.load_u64(Slot(w.0 + 1), len as u64);
        self.load_u64(Slot(w.0 + 2), cap as u64);
        Some(w)
    }

    /// The allocation-free paths of `make([]T, len, cap)` as gc builds
    /// them, into the slice at `w`, before the makeslice call they jump
    /// over (returned: the jump to patch past it). With a constant `cap`
    /// (small): a `New` of `[cap]T` that escape analysis may keep on the
    /// stack. Else, when `cap` fits 32 bytes: a buffer of that size if
    /// escape analysis keeps it on the stack (`NewBuf`). Invalid sizes go
    /// to makeslice, which panics with Go's message.
    fn make_small_slice(
        &mut self,
        et: TypeId,
        len: Slot,
        cap: Slot,
        const_cap: Option<i64>,
        w: Slot,
    ) -> Option<usize> {
        const MAX_BUF: i64 = 32;
        let es = self.c.w.sizeof(et);
        if es <= 0 {
            return None;
        }
        let mut to_heap = Vec::new();
        let k = self.scalar();
        let big = self.scalar();
        match const_cap {
            Some(c) if c > 0 && c.checked_mul(es).is_some_and(|b| b <= 64 << 10) => {
                self.load_u64(k, c as u64);
                self.emit(Instr::LtU64 {
                    dst: big,
                    a: k,
                    b: len,
                });
                to_heap.push(self.emit(Instr::JmpIf { cond: big, off: 0 }));
                let at = self.c.w.types.array(c, et);
                self.new_into(w, at);
            }
            Some(_) => return None,
            None if es <= MAX_BUF => {
                self.load_u64(k, (MAX_BUF / es) as u64);
                self.emit(Instr::LtU64 {
                    dst: big,
                    a: k,
                    b: cap,
                });
                to_heap.push(self.emit(Instr::JmpIf { cond: big, off: 0 }));
                self.emit(Instr::LtU64 {
                    dst: big,
                    a: cap,
                    b: len,
                });
                to_heap.push(self.emit(Instr::JmpIf { cond: big, off: 0 }));
                let at = self.c.w.types.array(MAX_BUF / es, et);
                let d = self.desc_const(at);
                let typ = self.konst(d);
                self.emit(Instr::NewBuf {
                    dst: w,
                    typ,
                    once: false,
                });
                to_heap.push(self.emit(Instr::JmpIfNot { cond: w, off: 0 }));
            }
            None => return None,
        }
        self.mov(Slot(w.0 + 1), len, 1);
        self.mov(Slot(w.0 + 2), cap, 1);
        let done = self.jmp();
        let h = self.pc();
        for j in to_heap {
            self.patch(j, h);
        }
        Some(done)
    }

    /// `unsafe.Offsetof(x.f)`: the offset of field `f` (through embedded
    /// fields, which must not be pointers) in `x`'s struct type.
    fn offsetof(&mut self, a: &'a Expr) -> i64 {
        let a = a.unparen();
        let ExprKind::Selector(x, _) = &a.kind else {
            return 0;
        };
        let Some(sel) = self.c.info.files[self.file]
            .selections
            .get(a.id.index())
            .cloned()
            .flatten()
        else {
            return 0;
        };
        let mut cur = self.ty(x);
        // `unsafe.Offsetof(p.f)` with p a pointer to a struct.
        if let Type::Pointer(b) = self.under(cur) {
            cur = b;
        }
        let mut off = 0i64;
        for &fi in &sel.index {
            let Type::Struct(st) = self.under(cur) else {
                return off;
            };
            let Some(&f) = st.fields.get(fi) else {
                return off;
            };
            off += self.c.w.offsetsof(&st.fields)[fi];
            cur = self.oty(f);
        }
        off
    }

    /// The builtins whose arguments may come from a multi-value call or
    /// a defer record: append, copy, delete, clear, complex.
    pub(crate) fn builtin_vals(
        &mut self,
        pos: rgo_syntax::Pos,
        b: Builtin,
        args: &[BArg<'a>],
        has_dots: bool,
        t: TypeId,
        dst: Option<Slot>,
    ) -> Slot {
        match b {
            Builtin::Append => self.append(pos, args, has_dots, t),
            Builtin::Copy => {
                let dt = self.barg_type(&args[0]);
                let d = self.barg_value(&args[0], dt);
                let st = self.barg_type(&args[1]);
                let s = self.barg_value(&args[1], st);
                let es = match self.under(dt) {
                    Type::Slice(et) => self.c.w.sizeof(et).max(0) as u64,
                    _ => 1,
                };
                let id = self.c.rt_native("runtime.slicecopy");
                let w = self.alloc(8);
                self.mov(Slot(w.0 + 1), d, 3);
                self.mov(Slot(w.0 + 4), s, 2);
                self.load_u64(Slot(w.0 + 7), es);
                self.emit(Instr::CallNative { id, n: 8, base: w });
                w
            }
            Builtin::Delete => {
                let mt = self.barg_type(&args[0]);
                let Type::Map(kt, _) = self.under(mt) else {
                    return self.scalar();
                };
                let m = self.barg_value(&args[0], mt);
                let k = self.barg_value(&args[1], kt);
                let ks = self.nslots(kt).max(1);
                let fast = self.map_fast(mt).map_or("", |f| f.suffix());
                let name = format!("runtime.mapdelete{fast}");
                let id = self.c.rt_native(&name);
                let w = self.alloc(2 + ks);
                let md = self.desc_const(mt);
                self.load_u64(w, md);
                self.mov(Slot(w.0 + 1), m, 1);
                self.mov(Slot(w.0 + 2), k, ks);
                self.emit(Instr::CallNative {
                    id,
                    n: (2 + ks) as u16,
                    base: w,
                });
                w
            }
            Builtin::Clear => {
                let mt = self.barg_type(&args[0]);
                match self.under(mt) {
                    Type::Map(..) => {
                        let m = self.barg_value(&args[0], mt);
                        let id = self.c.rt_native("runtime.mapclear");
                        let w = self.alloc(2);
                        let md = self.desc_const(mt);
                        self.load_u64(w, md);
                        self.mov(Slot(w.0 + 1), m, 1);
                        self.emit(Instr::CallNative { id, n: 2, base: w });
                        w
                    }
                    Type::Slice(et) => {
                        let v = self.barg_value(&args[0], mt);
                        let id = self.c.rt_native("runtime.sliceclear");
                        let w = self.alloc(3);
                        self.mov(w, v, 2);
                        let es = self.c.w.sizeof(et).max(0) as u64;
                        self.load_u64(Slot(w.0 + 2), es);
                        self.emit(Instr::CallNative { id, n: 3, base: w });
                        w
                    }
                    _ => {
                        self.err(pos, "clear of this type is not supported yet");
                        self.scalar()
                    }
                }
            }
            Builtin::Complex => {
                let Some(c64) = self.complex_kind(t) else {
                    return self.alloc_t(t);
                };
                let pt = if c64 {
                    TypeId::FLOAT32
                } else {
                    TypeId::FLOAT64
                };
                let re = self.barg_value(&args[0], pt);
                let im = self.barg_value(&args[1], pt);
                self.complex_make(t, re, im, dst)
            }
            _ => {
                self.err(pos, format!("builtin {} is not supported here", b.name()));
                self.alloc_t(t)
            }
        }
    }

    /// The static type of a builtin's argument.
    fn barg_type(&self, a: &BArg<'a>) -> TypeId {
        match a {
            BArg::E(e) => self.ty(e),
            BArg::V(_, t) => *t,
        }
    }

    /// A builtin's argument as a value of type `t`.
    fn barg_value(&mut self, a: &BArg<'a>, t: TypeId) -> Slot {
        match *a {
            BArg::E(e) => self.value_as(e, t),
            BArg::V(s, st) => self.convert_slots(s, st, t),
        }
    }

    fn append(
        &mut self,
        pos: rgo_syntax::Pos,
        args: &[BArg<'a>],
        has_dots: bool,
        t: TypeId,
    ) -> Slot {
        let Type::Slice(et) = self.under(t) else {
            return self.alloc_t(t);
        };
        let s0 = self.barg_value(&args[0], t);
        let s = self.alloc_t(t);
        self.mov(s, s0, 3);
        let es = self.c.w.sizeof(et).max(0) as u32;
        // Values first (Go evaluates all arguments before appending).
        let (vals, num): (Vec<Slot>, Slot) = if has_dots {
            let at = self.barg_type(&args[1]);
            let v = self.barg_value(&args[1], at);
            (vec![v], Slot(v.0 + 1))
        } else {
            let mut vals = Vec::new();
            for a in &args[1..] {
                let v = self.barg_value(a, et);
                let n = self.nslots(et);
                let tmp = self.alloc_t(et);
                self.mov(tmp, v, n);
                vals.push(tmp);
            }
            let num = self.scalar();
            self.load_u64(num, vals.len() as u64);
            (vals, num)
        };
        if !has_dots && vals.is_empty() {
            return s;
        }
        self.set_line(pos);
        // Fast path: enough capacity.
        let newlen = self.scalar();
        self.emit(Instr::AddI64 {
            dst: newlen,
            a: Slot(s.0 + 1),
            b: num,
        });
        let oldlen = self.scalar();
        self.mov(oldlen, Slot(s.0 + 1), 1);
        let r = self.alloc_t(t);
        // Unsigned: a length sum past MaxInt (negative) must grow, and
        // growslice reports it.
        let short = self.scalar();
        self.emit(Instr::LtU64 {
            dst: short,
            a: Slot(s.0 + 2),
            b: newlen,
        });
        let grow = self.emit(Instr::JmpIf {
            cond: short,
            off: 0,
        });
        self.mov(r, s, 3);
        self.mov(Slot(r.0 + 1), newlen, 1);
        let done = self.jmp();
        let g = self.pc();
        self.patch(grow, g);
        let mut to_grow = Vec::new();
        let mut to_done = None;
        if let Some(k) = self.append_buf_len(&args[0], has_dots, es) {
            // Go's stack backing store: the first growth of an empty
            // slice to at most K elements, once per call, goes to a
            // K-element buffer if escape analysis keeps it on the stack
            // (NewBuf then NewStackOnce, else nil).
            let kk = self.scalar();
            self.load_u64(kk, k);
            let big = self.scalar();
            self.emit(Instr::LtU64 {
                dst: big,
                a: kk,
                b: newlen,
            });
            to_grow.push(self.emit(Instr::JmpIf { cond: big, off: 0 }));
            to_grow.push(self.emit(Instr::JmpIf {
                cond: oldlen,
                off: 0,
            }));
            let at = self.c.w.types.array(k as i64, et);
            let d = self.desc_const(at);
            let typ = self.konst(d);
            let buf = self.alloc_ptr();
            self.emit(Instr::NewBuf {
                dst: buf,
                typ,
                once: true,
            });
            to_grow.push(self.emit(Instr::JmpIfNot { cond: buf, off: 0 }));
            self.mov(r, buf, 1);
            self.mov(Slot(r.0 + 1), newlen, 1);
            self.mov(Slot(r.0 + 2), kk, 1);
            to_done = Some(self.jmp());
        }
        let g = self.pc();
        for j in to_grow {
            self.patch(j, g);
        }
        let id = self.c.rt_native("runtime.growslice");
        let w = self.alloc_raw(8);
        self.ptrs[w.0 as usize] = true;
        self.ptrs[w.0 as usize + 3] = true;
        self.mov(Slot(w.0 + 3), s, 3);
        let d = self.desc_const(et);
        self.load_u64(Slot(w.0 + 6), d);
        self.mov(Slot(w.0 + 7), num, 1);
        self.emit(Instr::CallNative { id, n: 8, base: w });
        self.mov(r, w, 3);
        let end = self.pc();
        self.patch(done, end);
        if let Some(j) = to_done {
            self.patch(j, end);
        }
        if has_dots {
            let q = self.alloc_ptr();
            self.emit(Instr::IndexAddr {
                dst: q,
                p: r,
                i: oldlen,
                size: es,
            });
            let id = self.c.rt_native("runtime.slicecopy");
            let w = self.alloc(8);
            self.mov(Slot(w.0 + 1), q, 1);
            self.mov(Slot(w.0 + 2), num, 1);
            self.mov(Slot(w.0 + 3), num, 1);
            self.mov(Slot(w.0 + 4), vals[0], 2);
            self.load_u64(Slot(w.0 + 7), es as u64);
            self.emit(Instr::CallNative { id, n: 8, base: w });
        } else {
            for (i, v) in vals.into_iter().enumerate() {
                let idx = self.scalar();
                self.emit(Instr::AddImmI64 {
                    dst: idx,
                    a: oldlen,
                    imm: i as i32,
                });
                let q = self.alloc_ptr();
                self.emit(Instr::IndexAddr {
                    dst: q,
                    p: r,
                    i: idx,
                    size: es,
                });
                self.store_mem(q, 0, et, v);
            }
        }
        r
    }

    // ------------------------------------------------------------------
    // Conversions.

    fn conversion(&mut self, a: &'a Expr, to: TypeId, dst: Option<Slot>) -> Slot {
        let from = self.ty(a);
        let tt = &self.c.w.types;
        if tt.is_interface(to) {
            return self.value_as(a, to);
        }
        let (fi, ti) = (tt.is_integer(from), tt.is_integer(to));
        let (ff, tf) = (tt.is_float(from), tt.is_float(to));
        let f32_to = tt.basic_kind(to) == Some(BasicKind::Float32);
        let f32_from = tt.basic_kind(from) == Some(BasicKind::Float32);
        let from_unsigned = tt.is_unsigned(from);
        let to_unsigned = tt.is_unsigned(to);
        if tt.is_string(to) && !tt.is_string(from) {
            return self.to_string_conv(a, from);
        }
        if tt.is_string(from) && matches!(self.under(to), Type::Slice(_)) {
            let Type::Slice(et) = self.under(to) else {
                return self.alloc_t(to);
            };
            let name = if self.c.w.types.basic_kind(et) == Some(BasicKind::Int32) {
                "runtime.stringtoslicerune"
            } else {
                "runtime.stringtoslicebyte"
            };
            let v = self.expr(a);
            let id = self.c.rt_native(name);
            let w = self.alloc_raw(5);
            self.ptrs[w.0 as usize] = true;
            self.ptrs[w.0 as usize + 3] = true;
            self.mov(Slot(w.0 + 3), v, 2);
            self.emit(Instr::CallNative { id, n: 5, base: w });
            return w;
        }
        if let Type::Slice(_) = self.under(from) {
            let (is_ptr, at) = match self.under(to) {
                Type::Pointer(at) => (true, at),
                _ => (false, to),
            };
            if let Type::Array(n, _) = self.under(at) {
                return self.slice_to_array(a, n, at, is_ptr);
            }
        }
        let (cf, ct) = (tt.is_complex(from), tt.is_complex(to));
        if tt.is_numeric(to) {
            // A constant converted to a type parameter's numeric type
            // (not folded by the checker): materialize it as that type.
            if let Some(cv) = self.const_val(a) {
                let d = dst.unwrap_or_else(|| self.alloc_t(to));
                self.constant(&cv, to, d);
                return d;
            }
        }
        let v = self.expr(a);
        if cf && ct {
            return self.complex_convert(v, from, to, dst);
        }
        if fi && ti {
            if self.c.w.sizeof(to) < 8 {
                let d = dst.unwrap_or_else(|| self.scalar());
                let kind = layout::mem_kind(self.c.w, to);
                self.emit(Instr::Ext {
                    dst: d,
                    src: v,
                    kind,
                });
                return d;
            }
            return v;
        }
        if fi && tf {
            let d = dst.unwrap_or_else(|| self.scalar());
            let op = match (from_unsigned, f32_to) {
                (false, false) => ConvOp::I64ToF64,
                (true, false) => ConvOp::U64ToF64,
                (false, true) => ConvOp::I64ToF32,
                (true, true) => ConvOp::U64ToF32,
            };
            self.conv(d, v, op);
            return d;
        }
        if ff && ti {
            let d = dst.unwrap_or_else(|| self.scalar());
            let op = match (to_unsigned && self.c.w.sizeof(to) == 8, f32_from) {
                (false, false) => ConvOp::F64ToI64,
                (true, false) => ConvOp::F64ToU64,
                (false, true) => ConvOp::F32ToI64,
                (true, true) => ConvOp::F32ToU64,
            };
            self.conv(d, v, op);
            if self.c.w.sizeof(to) < 8 {
                let kind = layout::mem_kind(self.c.w, to);
                self.emit(Instr::Ext {
                    dst: d,
                    src: d,
                    kind,
                });
            }
            return d;
        }
        if ff && tf {
            if f32_from == f32_to {
                return v;
            }
            let d = dst.unwrap_or_else(|| self.scalar());
            self.conv(
                d,
                v,
                if f32_to {
                    ConvOp::F64ToF32
                } else {
                    ConvOp::F32ToF64
                },
            );
            return d;
        }
        v
    }

    /// `(*[N]T)(s)` and `[N]T(s)`: panics when `len(s) < N`.
    fn slice_to_array(&mut self, a: &'a Expr, n: i64, at: TypeId, is_ptr: bool) -> Slot {
        let v = self.expr(a);
        let id = self.c.rt_native("runtime.panicSliceConvert");
        let w = self.alloc(2);
        self.mov(w, Slot(v.0 + 1), 1);
        self.load_u64(Slot(w.0 + 1), n as u64);
        let ok = self.emit(Instr::JmpGeI64 {
            a: w,
            b: Slot(w.0 + 1),
            off: 0,
        });
        self.emit(Instr::CallNative { id, n: 2, base: w });
        let here = self.pc();
        self.patch(ok, here);
        if is_ptr {
            return v;
        }
        let d = self.alloc_t(at);
        if n > 0 {
            self.load_mem(v, 0, at, d);
        }
        d
    }

    fn to_string_conv(&mut self, a: &'a Expr, from: TypeId) -> Slot {
        let v = self.expr(a);
        let (name, n, at) = if self.c.w.types.is_integer(from) {
            ("runtime.intstring", 3, 2)
        } else {
            match self.under(from) {
                Type::Slice(et) if self.c.w.types.basic_kind(et) == Some(BasicKind::Int32) => {
                    ("runtime.slicerunetostring", 5, 2)
                }
                _ => ("runtime.slicebytetostring", 5, 2),
            }
        };
        let id = self.c.rt_native(name);
        let w = self.alloc_raw(n);
        self.ptrs[w.0 as usize] = true;
        let k = if n == 3 { 1 } else { 3 };
        self.mov(Slot(w.0 + at), v, k);
        self.emit(Instr::CallNative {
            id,
            n: n as u16,
            base: w,
        });
        w
    }

    // ------------------------------------------------------------------
    // Interfaces.

    /// Boxes a concrete value of type `from` as interface type `to`.
    pub fn to_iface(&mut self, v: Slot, from: TypeId, to: TypeId) -> Slot {
        let d = self.alloc_t(to);
        let empty = self.is_empty_iface(to);
        let w0 = if empty {
            self.desc_const(from)
        } else {
            self.itab(from, to)
        };
        self.load_u64(d, w0);
        if layout::is_direct_iface(self.c.w, from) {
            self.mov(Slot(d.0 + 1), v, 1);
        } else if self.c.w.sizeof(from) == 0 {
            self.load_u64(Slot(d.0 + 1), rgo_runtime::malloc::zerobase() as u64);
        } else {
            let p = self.spill(v, from);
            self.mov(Slot(d.0 + 1), p, 1);
        }
        d
    }

    /// The interface of type `to` holding the (indirect) value of type
    /// `from` already boxed at `R[p]`.
    pub fn boxed_to_iface(&mut self, p: Slot, from: TypeId, to: TypeId) -> Slot {
        let d = self.alloc_t(to);
        let w0 = if self.is_empty_iface(to) {
            self.desc_const(from)
        } else {
            self.itab(from, to)
        };
        self.load_u64(d, w0);
        self.mov(Slot(d.0 + 1), p, 1);
        d
    }

    /// Converts between interface types (statically assignable).
    pub fn iface_to_iface(&mut self, v: Slot, from: TypeId, to: TypeId) -> Slot {
        let fe = self.is_empty_iface(from);
        let te = self.is_empty_iface(to);
        if fe == te
            && (fe
                || rgo_types::predicates::identical(
                    self.c.w,
                    self.c.w.types.under(from),
                    self.c.w.types.under(to),
                ))
        {
            return v;
        }
        let tw = self.type_word(v, from);
        let d = self.alloc_t(to);
        if te {
            self.mov(d, tw, 1);
        } else {
            let (w0, _) = self.assert_iface(tw, to);
            self.mov(d, w0, 1);
        }
        self.mov(Slot(d.0 + 1), Slot(v.0 + 1), 1);
        d
    }

    /// The dynamic type word of interface value `iv` of type `xt`.
    pub fn type_word(&mut self, iv: Slot, xt: TypeId) -> Slot {
        if self.is_empty_iface(xt) {
            return iv;
        }
        let tw = self.alloc_ptr();
        let z = self.scalar();
        self.zero(z, 1);
        self.mov(tw, z, 1);
        let j = self.emit(Instr::JmpEqI64 {
            a: iv,
            b: z,
            off: 0,
        });
        self.emit(Instr::Load {
            dst: tw,
            p: iv,
            kind: MemKind::W64,
            off: 8,
        });
        let here = self.pc();
        self.patch(j, here);
        tw
    }

    /// Runtime lookup of the itab for dynamic type `tw` and interface `to`:
    /// (itab or 0, ok).
    fn assert_iface(&mut self, tw: Slot, to: TypeId) -> (Slot, Slot) {
        let id = self.c.rt_native("runtime.assertE2I");
        let w = self.alloc_raw(4);
        self.ptrs[w.0 as usize] = true;
        let d = self.desc_const(to);
        self.load_u64(Slot(w.0 + 2), d);
        self.mov(Slot(w.0 + 3), tw, 1);
        self.emit(Instr::CallNative { id, n: 4, base: w });
        (w, Slot(w.0 + 1))
    }

    /// Whether the dynamic type `tw` matches type-switch case `e`.
    pub fn type_matches(&mut self, tw: Slot, e: &'a Expr) -> Slot {
        let ok = self.scalar();
        if self.is_nil(e) {
            let z = self.scalar();
            self.zero(z, 1);
            self.emit(Instr::EqI64 {
                dst: ok,
                a: tw,
                b: z,
            });
            return ok;
        }
        let t = self.ty(e);
        if self.c.w.types.is_interface(t) {
            if self.is_empty_iface(t) {
                let z = self.scalar();
                self.zero(z, 1);
                self.emit(Instr::NeI64 {
                    dst: ok,
                    a: tw,
                    b: z,
                });
                return ok;
            }
            let (_, k) = self.assert_iface(tw, t);
            return k;
        }
        let d = self.desc_const(t);
        let c = self.scalar();
        self.load_u64(c, d);
        self.emit(Instr::EqI64 {
            dst: ok,
            a: tw,
            b: c,
        });
        ok
    }

    /// The value of concrete type `t` held in interface value `iv`.
    pub fn iface_value(&mut self, iv: Slot, t: TypeId) -> Slot {
        let data = Slot(iv.0 + 1);
        if layout::is_direct_iface(self.c.w, t) {
            return data;
        }
        let d = self.alloc_t(t);
        if self.c.w.sizeof(t) > 0 {
            self.load_mem(data, 0, t, d);
        }
        d
    }

    /// `x.(T)`: (value, ok). Without `comma_ok`, a failure panics.
    pub fn type_assert(&mut self, x: &'a Expr, t: TypeId, comma_ok: bool) -> (Slot, Slot) {
        let xt = self.ty(x);
        let xv = self.expr(x);
        let iv = self.alloc_t(xt);
        self.mov(iv, xv, 2);
        let tw = self.type_word(iv, xt);
        let res = self.alloc_t(t);
        let n = self.nslots(t);
        self.zero(res, n);
        let ok;
        if self.c.w.types.is_interface(t) {
            if self.is_empty_iface(t) {
                ok = self.scalar();
                let z = self.scalar();
                self.zero(z, 1);
                self.emit(Instr::NeI64 {
                    dst: ok,
                    a: tw,
                    b: z,
                });
                let j = self.emit(Instr::JmpIfNot { cond: ok, off: 0 });
                self.mov(res, tw, 1);
                self.mov(Slot(res.0 + 1), Slot(iv.0 + 1), 1);
                let here = self.pc();
                self.patch(j, here);
            } else {
                let (w0, k) = self.assert_iface(tw, t);
                ok = k;
                let j = self.emit(Instr::JmpIfNot { cond: ok, off: 0 });
                self.mov(res, w0, 1);
                self.mov(Slot(res.0 + 1), Slot(iv.0 + 1), 1);
                let here = self.pc();
                self.patch(j, here);
            }
        } else {
            ok = self.scalar();
            let d = self.desc_const(t);
            let c = self.scalar();
            self.load_u64(c, d);
            self.emit(Instr::EqI64 {
                dst: ok,
                a: tw,
                b: c,
            });
            let j = self.emit(Instr::JmpIfNot { cond: ok, off: 0 });
            let v = self.iface_value(iv, t);
            self.mov(res, v, n);
            let here = self.pc();
            self.patch(j, here);
        }
        if !comma_ok {
            let j = self.emit(Instr::JmpIf { cond: ok, off: 0 });
            let id = self.c.rt_native("runtime.panicdottype");
            let w = self.alloc(3);
            self.mov(w, tw, 1);
            let want = self.desc_const(t);
            self.load_u64(Slot(w.0 + 1), want);
            let it = self.desc_const(xt);
            self.load_u64(Slot(w.0 + 2), it);
            self.emit(Instr::CallNative { id, n: 3, base: w });
            let here = self.pc();
            self.patch(j, here);
        }
        (res, ok)
    }

    /// A static itab for concrete type `t` and interface `i`.
    pub fn itab(&mut self, t: TypeId, i: TypeId) -> u64 {
        if let Some(&p) = self.c.itabs.get(&(t, i)) {
            return p;
        }
        let u = self.c.w.types.under(i);
        let ms = self.c.w.type_set(u).methods;
        let inter = self.desc_const(i);
        let typ = self.desc_const(t);
        let mut words: Vec<u64> = vec![inter, typ, 0];
        for m in ms {
            let name = self.c.w.obj(m).name.to_string();
            let f = match crate::method_func(self.c, t, &name) {
                Some(f) => self.c.take(f),
                None => {
                    self.err(
                        rgo_syntax::Pos(0),
                        format!(
                            "method {} of {} is not supported yet (promoted through embedding?)",
                            name,
                            self.c.w.type_string(t, None)
                        ),
                    );
                    0
                }
            };
            words.push(f);
        }
        let p = Box::leak(words.into_boxed_slice()).as_ptr() as u64;
        self.c.itabs.insert((t, i), p);
        p
    }

    // ------------------------------------------------------------------
    // Method values.

    /// `x.M` as a value: a closure binding the receiver (evaluated now),
    /// calling through a generated thunk that forwards the arguments.
    pub fn method_value(&mut self, e: &'a Expr, _x: &'a Expr, t: TypeId) -> Slot {
        let (callee, _, recv) = self.callee(e);
        let Type::Signature(s) = self.c.w.types.get(self.c.w.types.under(t)).clone() else {
            return self.alloc_t(t);
        };
        let res_slots: u32 = s
            .results
            .iter()
            .map(|r| {
                let t = self.oty(*r);
                self.nslots(t)
            })
            .sum();
        let arg_slots: u32 = s
            .params
            .iter()
            .map(|p| {
                let t = self.oty(*p);
                self.nslots(t)
            })
            .sum();
        let Some((rv, rt)) = recv else {
            return self.alloc_t(t);
        };
        let rslots = self.nslots(rt);
        let fv_word = !matches!(callee, Callee::Static(_));
        let words = 1 + fv_word as u32 + rslots;
        let tmp = self.alloc(words);
        let mut bits = vec![false; words as usize];
        let mut at = tmp.0 + 1;
        if let Callee::Closure(f) | Callee::Indirect(f) = callee {
            self.mov(Slot(at), f, 1);
            at += 1;
        }
        self.mov(Slot(at), rv, rslots);
        layout::pointer_words(self.c.w, rt, (at - tmp.0) as usize, &mut bits);
        let name = format!("{}-fm", self.name);
        let call = callee.thunk_call();
        let thunk = crate::call_thunk(self.c, call, rslots, arg_slots, res_slots, true, name);
        let tw = self.c.take(thunk);
        self.load_u64(tmp, tw);
        self.closure_record(tmp, &bits)
    }

    // ------------------------------------------------------------------
    // defer.

    /// `go f(x)`: the call and its evaluated arguments become a closure,
    /// as for `defer`, started as a new goroutine.
    pub fn go_stmt(&mut self, e: &'a Expr) {
        self.defer_or_go(e, true);
    }

    pub fn defer_stmt(&mut self, e: &'a Expr) {
        self.defer_or_go(e, false);
    }

    /// Emits the `Defer` of func value `fv`, or starts it (`go`).
    fn defer_or_go_emit(&mut self, fv: Slot, go: bool) {
        if go {
            let id = self.c.rt_native("runtime.newproc");
            let w = self.alloc_ptr();
            self.mov(w, fv, 1);
            self.emit(Instr::CallNative { id, n: 1, base: w });
        } else if !self.rf_defer(fv) {
            self.emit(Instr::Defer { fv });
        }
    }

    fn defer_or_go(&mut self, e: &'a Expr, go: bool) {
        let ExprKind::Call(c) = &e.unparen().kind else {
            self.err(e.pos, "defer requires a call");
            return;
        };
        let fun = c.fun.unparen();
        // defer func() { ... }()
        if c.args.is_empty() {
            if let ExprKind::FuncLit(_) = &fun.kind {
                let fv = self.expr(fun);
                self.defer_or_go_emit(fv, go);
                return;
            }
        }
        if let ExprKind::Name(_) = &fun.kind {
            if let Some(o) = self.use_of(fun) {
                if let ObjKind::Builtin(b) = self.c.w.obj(o).kind {
                    self.defer_builtin(e, b, c, go);
                    return;
                }
            }
        }
        let (callee, sig, recv) = self.callee(fun);
        let Type::Signature(s) = self.c.w.types.get(self.c.w.types.under(sig)).clone() else {
            return;
        };
        let par_types: Vec<TypeId> = s.params.iter().map(|p| self.oty(*p)).collect();
        let res_slots: u32 = s
            .results
            .iter()
            .map(|r| {
                let t = self.oty(*r);
                self.nslots(t)
            })
            .sum();
        // Captured words: [thunk id][fv?][receiver][args]
        let mut types: Vec<TypeId> = Vec::new();
        let fv_word = matches!(callee, Callee::Closure(_) | Callee::Indirect(_));
        if let Some((_, rt)) = &recv {
            types.push(*rt);
        }
        types.extend(par_types.iter().copied());
        let arg_slots: u32 = types.iter().map(|t| self.nslots(*t)).sum();
        let words = 1 + fv_word as u32 + arg_slots;
        let tmp = self.alloc(words);
        let mut at = tmp.0 as u32 + 1;
        if let Callee::Closure(fv) | Callee::Indirect(fv) = callee {
            self.mov(Slot(at as u16), fv, 1);
            at += 1;
        }
        if let Some((rv, rt)) = recv {
            let n = self.nslots(rt);
            self.mov(Slot(at as u16), rv, n);
            at += n;
        }
        self.args_into(c, &par_types, s.variadic, at);
        let thunk = crate::defer_thunk(
            self.c,
            callee.thunk_call(),
            arg_slots,
            res_slots,
            &self.name,
        );
        let tw = self.c.take(thunk);
        self.load_u64(tmp, tw);
        // The closure object's pointer words.
        let mut bits = vec![false; words as usize];
        if fv_word {
            bits[1] = true;
        }
        let mut off = 1 + fv_word as usize;
        for t in &types {
            layout::pointer_words(self.c.w, *t, off, &mut bits);
            off += self.nslots(*t) as usize;
        }
        let p = self.closure_record(tmp, &bits);
        self.defer_or_go_emit(p, go);
    }

    /// Moves the closure (or defer) record built in the frame at `tmp`,
    /// `bits.len()` words whose pointer words are marked in `bits`, to a
    /// new heap object; returns its address.
    pub(crate) fn closure_record(&mut self, tmp: Slot, bits: &[bool]) -> Slot {
        let desc = self.c.words_type(bits);
        let idx = self.konst(desc as u64);
        let p = self.alloc_ptr();
        self.emit(Instr::New { dst: p, typ: idx });
        self.emit(Instr::StoreN {
            p,
            src: tmp,
            n: bits.len() as u16,
            off: 0,
        });
        p
    }
}

/// An argument of a builtin call: an expression, or one result of a
/// multi-value call already evaluated.
#[derive(Clone, Copy)]
pub(crate) enum BArg<'a> {
    E(&'a Expr),
    V(Slot, TypeId),
}

impl<'c, 'a> Fc<'c, 'a> {
    /// `defer print(...)`, `defer println(...)`, `defer panic(v)`: the
    /// arguments are evaluated now into the defer record; a generated
    /// thunk performs the builtin.
    fn defer_builtin(&mut self, e: &'a Expr, b: Builtin, c: &'a CallExpr, go: bool) {
        let mut items: Vec<(TypeId, PrintKind)> = Vec::new();
        let mut vals: Vec<Slot> = Vec::new();
        match b {
            Builtin::Print | Builtin::Println => {
                for a in &c.args {
                    let at = self.ty(a);
                    if self.is_nil(a) {
                        let z = self.scalar();
                        self.zero(z, 1);
                        vals.push(z);
                        items.push((TypeId::UNSAFE_POINTER, PrintKind::Ptr));
                    } else {
                        vals.push(self.value_as(a, at));
                        items.push((at, self.print_kind(at)));
                    }
                }
            }
            Builtin::Panic => {
                vals.push(self.value_as(&c.args[0], TypeId::EMPTY_INTERFACE));
                items.push((TypeId::EMPTY_INTERFACE, PrintKind::Iface));
            }
            Builtin::Recover => {}
            Builtin::Close => {
                vals.push(self.expr(&c.args[0]));
                items.push((self.ty(&c.args[0]), PrintKind::Ptr));
            }
            Builtin::Delete | Builtin::Copy | Builtin::Clear => {
                let parts = if self.is_multi_value_arg(&c.args) {
                    self.multi_value(&c.args[0])
                } else {
                    let mut v = Vec::new();
                    for a in &c.args {
                        let at = self.ty(a);
                        v.push((self.value_as(a, at), at));
                    }
                    v
                };
                // delete's key is converted to the map's key type now.
                let kt = match self.under(parts[0].1) {
                    Type::Map(kt, _) if b == Builtin::Delete => Some(kt),
                    _ => None,
                };
                for (i, (v, t)) in parts.into_iter().enumerate() {
                    let (v, t) = match kt {
                        Some(kt) if i == 1 => (self.convert_slots(v, t, kt), kt),
                        _ => (v, t),
                    };
                    vals.push(v);
                    items.push((t, PrintKind::Int));
                }
            }
            _ => {
                self.err(e.pos, format!("defer {} is not supported yet", b.name()));
                return;
            }
        }
        let words: u32 = 1 + items.iter().map(|(t, _)| self.nslots(*t)).sum::<u32>();
        let tmp = self.alloc(words);
        let mut at = tmp.0 + 1;
        let mut bits = vec![false; words as usize];
        for (v, (t, _)) in vals.iter().zip(&items) {
            let n = self.nslots(*t);
            self.mov(Slot(at), *v, n);
            layout::pointer_words(self.c.w, *t, (at - tmp.0) as usize, &mut bits);
            at += n as u16;
        }
        let thunk = crate::builtin_thunk(self.c, b, &items, &self.name);
        let tw = self.c.take(thunk);
        self.load_u64(tmp, tw);
        let p = self.closure_record(tmp, &bits);
        self.defer_or_go_emit(p, go);
    }
}
