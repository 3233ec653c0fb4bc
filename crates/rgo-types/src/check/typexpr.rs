//! Type expressions: names, qualified names, composite type literals,
//! function signatures, struct and interface types, type parameter lists.

use super::*;
use crate::constant::unquote;
use rgo_syntax::ast::ExprKind;
use rgo_syntax::token::Token;

impl<'a, 'w> Checker<'a, 'w> {
    /// The type denoted by `e`, recorded as a type expression; reports
    /// `x is not a type` and returns INVALID on error.
    pub(crate) fn type_expr(&mut self, e: &'a Expr) -> TypeId {
        let t = self.type_expr_inner(e, false);
        if self.w.types.is_valid(t) {
            self.record_type_and_value(e, Mode::TypeExpr, t, None);
        }
        t
    }

    /// The type of a variable, field, parameter, element or type argument
    /// (types2's varType): a constraint interface is not allowed there
    /// (checked once the package's types are complete).
    pub(crate) fn var_type(&mut self, e: &'a Expr) -> TypeId {
        let t = self.type_expr(e);
        if self.w.types.is_valid(t) && !self.w.types.is_type_param(t) {
            self.later_checks
                .push((self.file, e.start(), t, LaterCheck::VarType));
        }
        t
    }

    /// Reports a constraint interface used as an ordinary type.
    fn var_type_now(&mut self, pos: Pos, t: TypeId) {
        if !self.w.types.is_interface(t) {
            return;
        }
        let ts = self.w.type_set(t);
        let why = if ts.comparable {
            "interface is (or embeds) comparable"
        } else if ts.terms.is_some() {
            "interface contains type constraints"
        } else {
            return;
        };
        let s = self.tstr(t);
        self.soft_error(
            pos,
            format!("cannot use type {} outside a type constraint: {}", s, why),
        );
    }

    /// Like [`type_expr`], but a generic type without type arguments is allowed.
    pub(crate) fn generic_type_expr(&mut self, e: &'a Expr) -> TypeId {
        let t = self.type_expr_inner(e, true);
        if self.w.types.is_valid(t) {
            self.record_type_and_value(e, Mode::TypeExpr, t, None);
        }
        t
    }

    fn type_expr_inner(&mut self, e: &'a Expr, allow_generic: bool) -> TypeId {
        if !self.enter(e.pos) {
            self.leave();
            return TypeId::INVALID;
        }
        let t = self.type_expr_nested(e, allow_generic);
        self.leave();
        t
    }

    fn type_expr_nested(&mut self, e: &'a Expr, allow_generic: bool) -> TypeId {
        // A name that denotes no type: `x (local variable) is not a type`.
        if let ExprKind::Name(n) = &e.kind {
            if let Some((_, o)) = self.w.lookup_parent(self.scope, n) {
                if !matches!(self.w.obj(o).kind, ObjKind::TypeName) {
                    self.record_use(e.id, o);
                    let kind = self.object_kind(o);
                    self.error(e.pos, format!("{} ({}) is not a type", n, kind));
                    if let Some(vi) = self.w.var_info_mut(o) {
                        vi.used = true;
                    }
                    return TypeId::INVALID;
                }
            }
        }
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Selector(..) => {
                let x = self.expr_or_type(e, allow_generic);
                self.operand_as_type(&x, e, allow_generic)
            }
            ExprKind::Index(..) => {
                let x = self.expr_or_type(e, false);
                if x.mode == Mode::TypeExpr {
                    return x.typ;
                }
                if !x.is_invalid() {
                    let s = self.op_string(&x);
                    self.error(e.start(), format!("{} is not a type", s));
                }
                TypeId::INVALID
            }
            ExprKind::Paren(x) => self.type_expr_inner(x, allow_generic),
            ExprKind::Star(x) => {
                let base = self.var_type(x);
                if !self.w.types.is_valid(base) {
                    return TypeId::INVALID;
                }
                self.w.types.pointer(base)
            }
            ExprKind::ArrayType(len, elem) => {
                let n = match len {
                    Some(l) => self.array_length(l),
                    None => {
                        self.error(
                            e.pos,
                            "invalid use of [...] array (outside a composite literal)",
                        );
                        self.type_expr(elem);
                        return TypeId::INVALID;
                    }
                };
                let et = self.var_type(elem);
                self.check_not_generic(elem, et);
                if n < 0 || !self.w.types.is_valid(et) {
                    return TypeId::INVALID;
                }
                self.w.types.array(n, et)
            }
            ExprKind::SliceType(elem) => {
                let et = self.var_type(elem);
                if !self.w.types.is_valid(et) {
                    return TypeId::INVALID;
                }
                self.w.types.slice(et)
            }
            ExprKind::MapType(k, v) => {
                let kt = self.var_type(k);
                let vt = self.var_type(v);
                if !self.w.types.is_valid(kt) || !self.w.types.is_valid(vt) {
                    return TypeId::INVALID;
                }
                self.check_map_key(k, kt);
                self.w.types.map(kt, vt)
            }
            ExprKind::ChanType(dir, elem) => {
                let et = self.var_type(elem);
                if !self.w.types.is_valid(et) {
                    return TypeId::INVALID;
                }
                self.w.types.chan(*dir, et)
            }
            ExprKind::FuncType(f) => {
                let outer = self.scope;
                let s = self.w.new_scope(Some(outer), f.pos, f.pos);
                self.scope = s;
                let (t, _) = self.func_type(None, f);
                self.scope = outer;
                t
            }
            ExprKind::StructType(st) => self.struct_type(st),
            ExprKind::InterfaceType(it) => self.interface_type(it),
            ExprKind::Bad => TypeId::INVALID,
            _ => {
                let x = self.expr_or_type(e, false);
                if x.mode == Mode::TypeExpr {
                    return x.typ;
                }
                if !x.is_invalid() {
                    let s = crate::exprstring::expr_string(e);
                    self.error(e.start(), format!("{} is not a type", s));
                }
                TypeId::INVALID
            }
        }
    }

    fn operand_as_type(&mut self, x: &Operand<'a>, e: &'a Expr, allow_generic: bool) -> TypeId {
        match x.mode {
            Mode::Invalid => TypeId::INVALID,
            Mode::TypeExpr => {
                if !allow_generic {
                    self.check_not_generic(e, x.typ);
                    if self.is_generic(x.typ) {
                        return TypeId::INVALID;
                    }
                }
                x.typ
            }
            _ => {
                let s = self.op_string(x);
                self.error(e.start(), format!("{} is not a type", s));
                TypeId::INVALID
            }
        }
    }

    /// How types2 names an object's kind in messages.
    pub(crate) fn object_kind(&self, o: ObjId) -> &'static str {
        let ob = self.w.obj(o);
        match &ob.kind {
            ObjKind::PkgName(_) => "package name",
            ObjKind::Const(_) => "constant",
            ObjKind::TypeName => "defined type",
            ObjKind::Var(v) if v.is_field => "struct field",
            ObjKind::Var(v) if v.is_global => "package-level variable",
            ObjKind::Var(v) if v.is_param => "parameter",
            ObjKind::Var(_) => "local variable",
            ObjKind::Func(_) => match self.w.types.get(ob.typ) {
                Type::Signature(s) if s.recv.is_some() => "method",
                _ => "function",
            },
            ObjKind::Builtin(_) => "built-in function",
            ObjKind::Nil => "untyped nil",
            ObjKind::Label => "label",
        }
    }

    pub(crate) fn is_generic(&self, t: TypeId) -> bool {
        if let Type::Alias(a) = self.w.types.get_raw(t) {
            return !a.tparams.is_empty() && a.targs.is_empty();
        }
        matches!(self.w.types.get(t), Type::Named(n) if !n.tparams.is_empty() && n.targs.is_empty())
    }

    fn check_not_generic(&mut self, e: &'a Expr, t: TypeId) {
        if self.is_generic(t) {
            let s = self.tstr(t);
            self.error(
                e.start(),
                format!("cannot use generic type {} without instantiation", s),
            );
        }
    }

    fn check_map_key(&mut self, k: &'a Expr, kt: TypeId) {
        // types2 checks keys once the package-level types are complete
        // (`check.later`); inside function bodies types are complete.
        let incomplete =
            matches!(self.w.types.get(kt), Type::Named(n) if n.underlying == TypeId::INVALID);
        if self.w.types.is_type_param(kt) || incomplete || self.fctx.sig.is_none() {
            self.later_checks
                .push((self.file, k.start(), kt, LaterCheck::MapKey));
            return;
        }
        if !self.w.comparable(kt) {
            let s = self.tstr(kt);
            self.error(k.start(), format!("invalid map key type {}", s));
        }
    }

    /// Runs the checks delayed until the types involved are complete.
    pub(crate) fn check_later_map_keys(&mut self) {
        self.run_later_verifies();
        for (file, pos, t, what) in std::mem::take(&mut self.later_checks) {
            self.file = file;
            match what {
                LaterCheck::MapKey => self.map_key_now(pos, t),
                LaterCheck::Embedded => self.embedded_now(pos, t),
                LaterCheck::VarType => self.var_type_now(pos, t),
                LaterCheck::IfaceDups => {
                    let embeds = self.iface_embeds.remove(&t).unwrap_or_default();
                    self.iface_dups_now(t, &embeds);
                }
            }
        }
    }

    fn map_key_now(&mut self, pos: Pos, kt: TypeId) {
        if self.w.comparable(kt) {
            return;
        }
        let s = self.tstr(kt);
        if self.w.types.is_type_param(kt) {
            self.error(
                pos,
                format!("invalid map key type {} (missing comparable constraint)", s),
            );
        } else {
            self.error(pos, format!("invalid map key type {}", s));
        }
    }

    /// The constant length of an array type, or -1 after an error.
    fn array_length(&mut self, e: &'a Expr) -> i64 {
        if let ExprKind::Name(n) = &e.kind {
            if let Some((_, o)) = self.w.lookup_parent(self.scope, n) {
                if !matches!(self.w.obj(o).kind, ObjKind::Const(_))
                    && !matches!(self.w.obj(o).kind, ObjKind::TypeName)
                {
                    self.record_use(e.id, o);
                    self.error(e.start(), format!("invalid array length {}", n));
                    return -1;
                }
            } else {
                self.error(
                    e.start(),
                    format!("undefined array length {} or missing type constraint", n),
                );
                return -1;
            }
        }
        let x = self.expr(e);
        if x.is_invalid() {
            return -1;
        }
        if x.mode != Mode::Constant {
            let s = self.op_string(&x);
            self.error(e.start(), format!("array length {} must be constant", s));
            return -1;
        }
        if self.w.types.is_untyped(x.typ) || self.w.types.is_integer(x.typ) {
            if let Some(v) = x.val.clone() {
                let iv = v.to_int();
                if iv.kind() == crate::constant::Kind::Int {
                    // The length must fit an int; the literal keeps its untyped type.
                    if crate::constant::representable(&iv, crate::constant::BasicKind::Int).is_err()
                    {
                        let s = self.op_string(&x);
                        self.error(e.start(), format!("invalid array length {}", s));
                        return -1;
                    }
                    if let Some(n) = iv.int64_val() {
                        if n >= 0 {
                            return n;
                        }
                    }
                    let s = self.op_string(&x);
                    self.error(e.start(), format!("invalid array length {}", s));
                    return -1;
                }
            }
        }
        let s = self.op_string(&x);
        self.error(e.start(), format!("array length {} must be integer", s));
        -1
    }

    /// A function signature; declares receiver, parameters and results in
    /// the current scope when `declare` is set. Returns (signature, pointer receiver).
    pub(crate) fn func_type(
        &mut self,
        recv: Option<&'a ast::FieldList>,
        f: &'a ast::FuncType,
    ) -> (TypeId, bool) {
        let mut sig = Signature::default();
        let mut ptr_recv = false;
        if let Some(r) = recv {
            let (v, ptr, tps) = self.receiver(r);
            sig.recv = v;
            sig.tparams = tps;
            ptr_recv = ptr;
        }
        if let Some(tps) = &f.tparams {
            sig.tparams = self.collect_tparams(tps);
        }
        let (params, variadic) = self.param_list(&f.params, true);
        let (results, _) = self.param_list(&f.results, false);
        sig.params = params;
        sig.results = results;
        sig.variadic = variadic;
        // Parameters always go in the signature's scope.
        {
            let scope = self.scope;
            if let Some(v) = sig.recv {
                self.declare_param(scope, v);
            }
            for &p in sig.params.iter().chain(&sig.results) {
                self.declare_param(scope, p);
            }
        }
        (self.w.types.add(Type::Signature(sig)), ptr_recv)
    }

    fn declare_param(&mut self, scope: ScopeId, p: ObjId) {
        let name = self.w.obj(p).name.clone();
        if name.is_empty() || name == "_" {
            return;
        }
        if let Some(old) = self.w.insert(scope, p) {
            self.redeclared(p, old);
        }
    }

    /// The receiver variable, whether it is a pointer, and the receiver's
    /// type parameters for a generic base type.
    fn receiver(&mut self, r: &'a ast::FieldList) -> (Option<ObjId>, bool, Vec<TypeId>) {
        // A missing or repeated receiver is a gc parser error
        // (`parse_file_checked`); types2 itself stays silent.
        let Some(f) = r.list.first() else {
            return (None, false, Vec::new());
        };
        let mut te = f.typ.unparen();
        let mut ptr = false;
        if let ExprKind::Star(x) = &te.kind {
            ptr = true;
            te = x.unparen();
        }
        let mut tparams = Vec::new();
        let t = if let ExprKind::Index(base, args) = &te.kind {
            // Generic receiver: declare the receiver type parameters.
            let bt = self.generic_type_expr(base);
            let orig_tps = match self.w.types.get(bt) {
                Type::Named(n) => n.tparams.clone(),
                _ => Vec::new(),
            };
            for (i, a) in args.iter().enumerate() {
                let name = match &a.kind {
                    ExprKind::Name(n) => n.clone(),
                    _ => "_".into(),
                };
                let o = self.new_obj(&name, ObjKind::TypeName, TypeId::INVALID, a.pos);
                let bound = orig_tps.get(i).and_then(|tp| match self.w.types.get(*tp) {
                    Type::TypeParam(p) => Some(p.bound),
                    _ => None,
                });
                let tp = self.w.types.add(Type::TypeParam(TypeParam {
                    obj: o,
                    index: i as u32,
                    bound: bound.unwrap_or(TypeId::ANY),
                }));
                self.w.obj_mut(o).typ = tp;
                let scope = self.scope;
                self.declare(scope, None, o);
                self.record_def_expr(a, o);
                self.record_type_and_value(a, Mode::TypeExpr, tp, None);
                tparams.push(tp);
            }
            // The bounds refer to the base type's parameters: rewrite them
            // in terms of the receiver's (`_Node _NodeC[_Edge]`).
            if orig_tps.len() == tparams.len() {
                for (r, o) in tparams.iter().zip(&orig_tps) {
                    self.mono_canon.insert(*r, *o);
                }
                let map: Vec<(TypeId, TypeId)> = orig_tps
                    .iter()
                    .copied()
                    .zip(tparams.iter().copied())
                    .collect();
                for &tp in &tparams {
                    let b = match self.w.types.get(tp) {
                        Type::TypeParam(p) => p.bound,
                        _ => continue,
                    };
                    let nb = self.w.subst(b, &map);
                    if let Type::TypeParam(p) = self.w.types.get_mut(tp) {
                        p.bound = nb;
                    }
                }
            }
            if orig_tps.len() != args.len() && self.w.types.is_valid(bt) {
                self.error(
                    te.pos,
                    format!(
                        "receiver declares {} type parameters, but receiver base type declares {}",
                        args.len(),
                        orig_tps.len()
                    ),
                );
            }
            if self.w.types.is_valid(bt) && orig_tps.len() == args.len() {
                self.w.instantiate_named(bt, tparams.clone())
            } else {
                TypeId::INVALID
            }
        } else {
            self.var_type(te)
        };
        let rt = if ptr && self.w.types.is_valid(t) {
            self.w.types.pointer(t)
        } else {
            t
        };
        if self.w.types.is_valid(rt) {
            self.check_receiver(te, rt);
            self.record_type_and_value(&f.typ, Mode::TypeExpr, rt, None);
            if ptr {
                self.record_type_and_value(te, Mode::TypeExpr, t, None);
            }
        }
        let name = f.names.first().map(|n| n.name.clone()).unwrap_or_default();
        let pos = f.names.first().map(|n| n.pos).unwrap_or(f.typ.start());
        let v = self.new_var(&name, rt, pos);
        if let Some(n) = f.names.first() {
            self.record_def(n, v);
        }
        if let Some(vi) = self.w.var_info_mut(v) {
            vi.is_param = true;
        }
        (Some(v), ptr, tparams)
    }

    fn record_def_expr(&mut self, e: &Expr, o: ObjId) {
        if let Some(slot) = self.finfo().defs.get_mut(e.id.index()) {
            *slot = Some(o);
        }
    }

    /// Parameter (or result) variables of a list; `...T` allowed last when `params`.
    fn param_list(&mut self, l: &'a ast::FieldList, params: bool) -> (Vec<ObjId>, bool) {
        let mut out = Vec::new();
        let mut variadic = false;
        let n = l.list.len();
        for (i, f) in l.list.iter().enumerate() {
            let mut te = &f.typ;
            let mut is_variadic = false;
            if let ExprKind::Ellipsis(elem) = &te.kind {
                if params && i == n - 1 && f.names.len() <= 1 {
                    is_variadic = true;
                    variadic = true;
                } else {
                    let msg = if params {
                        "can only use ... with final parameter in list"
                    } else {
                        "invalid use of ..."
                    };
                    self.error(te.pos, msg);
                }
                te = elem;
            }
            let mut t = self.var_type(te);
            if is_variadic && self.w.types.is_valid(t) {
                t = self.w.types.slice(t);
                self.record_type_and_value(&f.typ, Mode::TypeExpr, t, None);
            }
            if f.names.is_empty() {
                let v = self.new_var("", t, te.start());
                if let Some(vi) = self.w.var_info_mut(v) {
                    vi.is_param = true;
                }
                out.push(v);
            } else {
                for nm in &f.names {
                    let v = self.new_var(&nm.name, t, nm.pos);
                    if let Some(vi) = self.w.var_info_mut(v) {
                        vi.is_param = true;
                    }
                    self.record_def(nm, v);
                    out.push(v);
                }
            }
        }
        (out, variadic)
    }

    /// Declares the type parameters of a list in the current scope and
    /// resolves their constraints.
    pub(crate) fn collect_tparams(&mut self, l: &'a ast::FieldList) -> Vec<TypeId> {
        self.collect_tparams_of(l, None)
    }

    /// [`collect_tparams`] for generic type `owner`, whose type parameters
    /// are set before the constraints are checked (a constraint may refer
    /// to the type itself: `type T[P interface{ M() T[P] }] int`).
    pub(crate) fn collect_tparams_of(
        &mut self,
        l: &'a ast::FieldList,
        owner: Option<TypeId>,
    ) -> Vec<TypeId> {
        let mut tps = Vec::new();
        let mut groups = Vec::new();
        for f in &l.list {
            let start = tps.len();
            for n in &f.names {
                let o = self.new_obj(&n.name, ObjKind::TypeName, TypeId::INVALID, n.pos);
                let tp = self.w.types.add(Type::TypeParam(TypeParam {
                    obj: o,
                    index: tps.len() as u32,
                    bound: TypeId::ANY,
                }));
                self.w.obj_mut(o).typ = tp;
                let scope = self.scope;
                self.declare(scope, Some(n), o);
                tps.push(tp);
            }
            groups.push((start, tps.len(), &f.typ));
        }
        if let Some(Type::Named(n)) = owner.map(|o| self.w.types.get_mut(o)) {
            n.tparams = tps.clone();
        }
        for (s, e, te) in groups {
            let bound = self.bound_type(te);
            for &tp in &tps[s..e] {
                if let Type::TypeParam(p) = self.w.types.get_mut(tp) {
                    p.bound = bound;
                }
            }
        }
        tps
    }

    /// A constraint: an interface, or a type/union wrapped in an implicit interface.
    fn bound_type(&mut self, e: &'a Expr) -> TypeId {
        let is_union_or_tilde = matches!(
            &e.kind,
            ExprKind::Binary(Token::Or, ..) | ExprKind::Unary(Token::Tilde, _)
        );
        let t = if is_union_or_tilde {
            self.union_type(e)
        } else {
            self.generic_type_expr(e)
        };
        if !self.w.types.is_valid(t) {
            return TypeId::ANY;
        }
        if !is_union_or_tilde && self.w.types.is_interface(t) {
            return t;
        }
        if !is_union_or_tilde && self.is_generic(t) {
            self.check_not_generic(e, t);
            return TypeId::ANY;
        }
        let iface = self.w.types.add(Type::Interface(Interface {
            embeddeds: vec![t],
            implicit: true,
            ..Interface::default()
        }));
        self.w.ensure_type_set(iface);
        iface
    }

    /// A union `A | ~B | C` (or a single term) as a Union type.
    fn union_type(&mut self, e: &'a Expr) -> TypeId {
        let mut terms = Vec::new();
        self.collect_terms(e, &mut terms);
        if terms.is_empty() {
            return TypeId::INVALID;
        }
        if terms.len() == 1 && !terms[0].tilde {
            return terms[0].typ;
        }
        self.w.types.add(Type::Union(terms))
    }

    fn collect_terms(&mut self, e: &'a Expr, out: &mut Vec<Term>) {
        match &e.kind {
            ExprKind::Binary(Token::Or, x, y) => {
                let start = out.len();
                self.collect_terms(x, out);
                self.collect_terms(y, out);
                // go/types records each partial union `A | B` as a type.
                if out.len() > start {
                    let u = self.w.types.add(Type::Union(out[start..].to_vec()));
                    self.record_type_and_value(e, Mode::TypeExpr, u, None);
                }
            }
            ExprKind::Unary(Token::Tilde, x) => {
                let t = self.type_expr(x);
                if self.w.types.is_valid(t) {
                    let u = self.w.types.under(t);
                    if u != t || self.w.types.is_interface(t) {
                        let s = self.tstr(t);
                        let msg = if self.w.types.is_interface(t) {
                            format!("invalid use of ~ ({} is an interface)", s)
                        } else {
                            format!(
                                "invalid use of ~ (underlying type of {} is {})",
                                s,
                                self.tstr(u)
                            )
                        };
                        self.error(e.pos, msg);
                        return;
                    }
                    let term = Term {
                        tilde: true,
                        typ: t,
                    };
                    out.push(term);
                    // `~T` is recorded as the one-term union it denotes.
                    let u = self.w.types.add(Type::Union(vec![term]));
                    self.record_type_and_value(e, Mode::TypeExpr, u, None);
                }
            }
            ExprKind::Paren(x) => self.collect_terms(x, out),
            _ => {
                let t = self.type_expr(e);
                if self.w.types.is_valid(t) {
                    out.push(Term {
                        tilde: false,
                        typ: t,
                    });
                }
            }
        }
    }

    fn struct_type(&mut self, st: &'a ast::StructType) -> TypeId {
        let mut s = StructType::default();
        let mut seen: HashMap<Name, Pos> = HashMap::new();
        for f in &st.fields {
            let tag = f
                .tag
                .as_ref()
                .and_then(|t| unquote(&t.value).ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            if f.names.is_empty() {
                // Embedded field: name is the type name.
                let t = self.var_type(&f.typ);
                let name = embedded_name(&f.typ);
                let pos = embedded_pos(&f.typ);
                self.check_embedded(&f.typ, t);
                let v = self.new_obj(
                    &name,
                    ObjKind::Var(VarInfo {
                        is_field: true,
                        embedded: true,
                        ..VarInfo::default()
                    }),
                    t,
                    pos,
                );
                self.add_field(&mut s, &mut seen, v, tag, &name, pos);
            } else {
                let t = self.var_type(&f.typ);
                for n in &f.names {
                    let v = self.new_obj(
                        &n.name,
                        ObjKind::Var(VarInfo {
                            is_field: true,
                            ..VarInfo::default()
                        }),
                        t,
                        n.pos,
                    );
                    self.record_def(n, v);
                    self.add_field(&mut s, &mut seen, v, tag.clone(), &n.name, n.pos);
                }
            }
        }
        self.w.types.add(Type::Struct(s))
    }

    fn add_field(
        &mut self,
        s: &mut StructType,
        seen: &mut HashMap<Name, Pos>,
        v: ObjId,
        tag: Option<String>,
        name: &str,
        pos: Pos,
    ) {
        if name != "_" {
            if let Some(&prev) = seen.get(name) {
                // types2 leaves the duplicate out of the struct.
                let other = self.pos_string(prev);
                self.error(
                    pos,
                    format!(
                        "{} redeclared\n\t{}: other declaration of {}",
                        name, other, name
                    ),
                );
                return;
            } else {
                seen.insert(name.into(), pos);
            }
        }
        s.fields.push(v);
        s.tags.push(tag);
    }

    fn check_embedded(&mut self, e: &'a Expr, t: TypeId) {
        if !self.w.types.is_valid(t) {
            return;
        }
        // Delayed as in types2: the embedded type may be incomplete.
        if self.fctx.sig.is_some() {
            self.embedded_now(e.start(), t);
        } else {
            self.later_checks
                .push((self.file, e.start(), t, LaterCheck::Embedded));
        }
    }

    fn embedded_now(&mut self, pos: Pos, t: TypeId) {
        let (base, is_ptr) = match self.w.types.get(t) {
            Type::Pointer(b) => (*b, true),
            _ => (t, false),
        };
        if self.w.types.is_type_param(base) {
            self.error(
                pos,
                "embedded field type cannot be a (pointer to a) type parameter",
            );
            return;
        }
        let u = self.w.types.under(base);
        match self.w.types.get(u) {
            Type::Pointer(_) => self.error(pos, "embedded field type cannot be a pointer"),
            Type::Basic(crate::constant::BasicKind::UnsafePointer) => {
                self.error(pos, "embedded field type cannot be unsafe.Pointer")
            }
            Type::Interface(_) if is_ptr => self.error(
                pos,
                "embedded field type cannot be a pointer to an interface",
            ),
            _ => {}
        }
    }

    fn interface_type(&mut self, it: &'a ast::InterfaceType) -> TypeId {
        let id = self.w.types.add(Type::Interface(Interface::default()));
        let mut methods = Vec::new();
        let mut embeddeds = Vec::new();
        let mut names: Vec<Name> = Vec::new();
        let mut embed_pos: Vec<(Pos, TypeId)> = Vec::new();
        for el in &it.elems {
            match el {
                ast::InterfaceElem::Method(n, ft) => {
                    let outer = self.scope;
                    let s = self.w.new_scope(Some(outer), ft.pos, ft.pos);
                    self.scope = s;
                    let (sig, _) = self.func_type(None, ft);
                    self.scope = outer;
                    let recv = self.new_var("", id, n.pos);
                    if let Type::Signature(sg) = self.w.types.get_mut(sig) {
                        sg.recv = Some(recv);
                    }
                    let m = self.new_obj(&n.name, ObjKind::Func(FuncInfo::default()), sig, n.pos);
                    self.record_def(n, m);
                    if n.name == "_" {
                        self.error(n.pos, "methods must have a unique non-blank name");
                        continue;
                    }
                    if let Some(&other) = methods
                        .iter()
                        .find(|o: &&ObjId| self.w.obj(**o).name == n.name)
                    {
                        let op = self.pos_string(self.w.obj(other).pos);
                        self.error(
                            n.pos,
                            format!(
                                "duplicate method {}\n\t{}: other declaration of method {}",
                                n.name, op, n.name
                            ),
                        );
                        continue;
                    }
                    names.push(n.name.clone());
                    methods.push(m);
                }
                ast::InterfaceElem::Embed(e) => {
                    let is_union = matches!(
                        &e.kind,
                        ExprKind::Binary(Token::Or, ..) | ExprKind::Unary(Token::Tilde, _)
                    );
                    let t = if is_union {
                        self.union_type(e)
                    } else {
                        self.type_expr(e)
                    };
                    // Before go1.18 only interfaces could be embedded; an
                    // element refused for that is left out of the type set.
                    if is_union && self.w.types.is_valid(t) && !self.allow_version(18) {
                        let what = format!("embedding interface element {}", self.tstr(t));
                        self.version_error(e.start(), 18, &what);
                        continue;
                    }
                    let u = self.w.types.under(t);
                    if !is_union
                        && self.w.types.is_valid(u)
                        && !self.w.types.is_interface(t)
                        && !self.allow_version(18)
                    {
                        let what = format!("embedding non-interface type {}", self.tstr(t));
                        self.version_error(e.start(), 18, &what);
                        continue;
                    }
                    if self.w.types.is_valid(t) {
                        embeddeds.push(t);
                        if !is_union {
                            embed_pos.push((e.start(), t));
                        }
                    }
                }
            }
        }
        if let Type::Interface(i) = self.w.types.get_mut(id) {
            i.methods = methods;
            i.embeddeds = embeddeds;
        }
        // Embedded named interfaces may still be unresolved (declared
        // later); their type sets are computed on first use then.
        let ready = match self.w.types.get(id) {
            Type::Interface(i) => i
                .embeddeds
                .iter()
                .all(|e| self.w.types.is_valid(self.w.types.under(*e))),
            _ => true,
        };
        if ready {
            self.w.ensure_type_set(id);
        } else {
            self.incomplete_ifaces.push(id);
        }
        if !embed_pos.is_empty() {
            // Methods met through embedding must agree (checked once the
            // embedded interfaces are complete, as types2's check.later).
            if self.fctx.sig.is_some() {
                self.iface_dups_now(id, &embed_pos);
            } else {
                self.iface_embeds.insert(id, embed_pos);
                self.later_checks
                    .push((self.file, it_pos(it), id, LaterCheck::IfaceDups));
            }
        }
        id
    }

    /// Reports an embedded method whose name another (explicit or earlier
    /// embedded) method has, with a different signature.
    pub(crate) fn iface_dups_now(&mut self, iface: TypeId, embeds: &[(Pos, TypeId)]) {
        let explicit = match self.w.types.get_raw(iface) {
            Type::Interface(i) => i.methods.clone(),
            _ => return,
        };
        let mut seen: Vec<(ObjId, Pos)> =
            explicit.iter().map(|m| (*m, self.w.obj(*m).pos)).collect();
        for &(pos, e) in embeds {
            if !self.w.types.is_interface(e) {
                if self.w.types.is_valid(self.w.types.under(e)) && !self.allow_version(18) {
                    let what = format!("embedding non-interface type {}", self.tstr(e));
                    self.version_error(pos, 18, &what);
                    self.drop_embedded(iface, e);
                }
                continue;
            }
            if !self.allow_version(18) && self.is_imported_constraint(e) {
                let what = format!("embedding constraint interface {}", self.tstr(e));
                self.version_error(pos, 18, &what);
                continue;
            }
            let ts = self.w.type_set(e);
            for m in ts.methods {
                let name = self.w.obj(m).name.clone();
                match seen.iter().find(|(o, _)| self.w.obj(*o).name == name) {
                    None => seen.push((m, pos)),
                    Some(&(other, opos)) => {
                        let (mt, ot) = (self.w.obj(m).typ, self.w.obj(other).typ);
                        // Before go1.14 embedded methods could not overlap.
                        if !self.allow_version(14) || !crate::predicates::identical(self.w, mt, ot)
                        {
                            let op = self.pos_string(opos);
                            self.error(
                                pos,
                                format!(
                                    "duplicate method {}\n\t{}: other declaration of method {}",
                                    name, op, name
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}

impl Checker<'_, '_> {
    /// Leaves an embedded element refused by the language version out of
    /// an interface (its type set is computed again on next use).
    fn drop_embedded(&mut self, iface: TypeId, e: TypeId) {
        if let Type::Interface(i) = self.w.types.get_mut(iface) {
            i.embeddeds.retain(|x| *x != e);
            i.tset = None;
        }
    }

    /// types2's isImportedConstraint: a named constraint interface (one
    /// with a type set beyond its methods) of another package.
    pub(crate) fn is_imported_constraint(&mut self, t: TypeId) -> bool {
        let Type::Named(n) = self.w.types.get(t) else {
            return false;
        };
        let obj = n.obj;
        if self.w.obj(obj).pkg.is_none_or(|p| p == self.pkg) || !self.w.types.is_interface(t) {
            return false;
        }
        let ts = self.w.type_set(t);
        ts.terms.is_some() || ts.comparable
    }
}

/// Where an interface type starts (for delayed checks; unused in messages).
fn it_pos(it: &ast::InterfaceType) -> Pos {
    it.pos
}

/// The implicit name of an embedded field: `T` for `T`, `*T`, `p.T`, `T[int]`.
fn embedded_name(e: &Expr) -> String {
    match &e.unparen().kind {
        ExprKind::Name(n) => n.to_string(),
        ExprKind::Star(x) => embedded_name(x),
        ExprKind::Selector(_, sel) => sel.name.to_string(),
        ExprKind::Index(x, _) => embedded_name(x),
        _ => "_".into(),
    }
}

fn embedded_pos(e: &Expr) -> Pos {
    match &e.unparen().kind {
        ExprKind::Star(x) => embedded_pos(x),
        ExprKind::Selector(_, sel) => sel.pos,
        ExprKind::Index(x, _) => embedded_pos(x),
        _ => e.start(),
    }
}

use rgo_syntax::ast::Name;
