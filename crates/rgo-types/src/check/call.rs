//! Selectors (fields, methods, method values and expressions, qualified
//! identifiers), calls with argument passing (variadic, multi-value),
//! conversions and composite literals.

use super::expr::INVALID_OP;
use super::*;
use crate::constant::{self as cst, Kind};
use crate::lookup::Lookup;
use crate::predicates::identical;
use rgo_syntax::ast::ExprKind;

impl<'a, 'w> Checker<'a, 'w> {
    pub(crate) fn selector(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        sel: &'a ast::Ident,
    ) -> Operand<'a> {
        // Qualified identifier pkg.Name.
        if let ExprKind::Name(n) = &xe.kind {
            if let Some((_, o)) = self.w.lookup_parent(self.scope, n) {
                if let ObjKind::PkgName(p) = self.w.obj(o).kind {
                    self.record_use(xe.id, o);
                    self.used_pkgnames.insert(o);
                    let scope = self.w.pkg(p).scope;
                    let pname = self.w.pkg(p).name.clone();
                    let Some(m) = self.w.lookup_local(scope, &sel.name) else {
                        if self.fake_pkgs.contains(&p) {
                            return Operand::invalid();
                        }
                        self.error(sel.pos, format!("undefined: {}.{}", n, sel.name));
                        return Operand::invalid();
                    };
                    if !self.w.obj(m).is_exported() {
                        self.error(
                            sel.pos,
                            format!("name {} not exported by package {}", sel.name, pname),
                        );
                        return Operand::invalid();
                    }
                    self.record_use(sel.id, m);
                    return self.use_object(e, m, false);
                }
            }
        }
        let x = self.expr_or_type(xe, false);
        if x.is_invalid() {
            return Operand::invalid();
        }
        if x.mode == Mode::NoValue || x.mode == Mode::Builtin {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!(
                    "{} {}",
                    s,
                    if x.mode == Mode::NoValue {
                        "used as value or type"
                    } else {
                        "must be called"
                    }
                ),
            );
            return Operand::invalid();
        }
        // Selecting from a type still being declared, or through a
        // pointer to one (types2's isComplete).
        if !self.is_complete(x.typ) {
            return Operand::invalid();
        }
        if let Type::Pointer(b) = self.w.types.get(self.w.types.under(x.typ)) {
            if !self.is_complete(*b) {
                return Operand::invalid();
            }
        }
        let name = &sel.name;
        if x.mode == Mode::TypeExpr {
            return self.method_expr(e, &x, sel);
        }
        let addressable = x.mode == Mode::Variable;
        self.declare_methods_of(x.typ, 0);
        match self
            .w
            .lookup_field_or_method(x.typ, addressable, Some(self.pkg), name)
        {
            Lookup::Found {
                obj,
                index,
                indirect,
                ptr_recv_mismatch,
            } => {
                self.record_use(sel.id, obj);
                if matches!(self.w.obj(obj).kind, ObjKind::Var(_)) {
                    let ft = self.w.obj(obj).typ;
                    let mode = if x.mode == Mode::Variable || indirect {
                        Mode::Variable
                    } else {
                        Mode::Value
                    };
                    self.record_selection(
                        e,
                        Selection {
                            kind: SelectionKind::FieldVal,
                            recv: x.typ,
                            obj,
                            index,
                            indirect,
                            typ: ft,
                        },
                    );
                    return Operand::new(mode, ft, e);
                }
                if ptr_recv_mismatch {
                    let ts = self.tstr(x.typ);
                    self.error(
                        sel.pos,
                        format!("cannot call pointer method {} on {}", name, ts),
                    );
                    return Operand::invalid();
                }
                self.obj_decl_if_needed(obj);
                self.add_dep(obj);
                let mt = self.method_type(x.typ, obj, false);
                self.record_selection(
                    e,
                    Selection {
                        kind: SelectionKind::MethodVal,
                        recv: x.typ,
                        obj,
                        index,
                        indirect,
                        typ: mt,
                    },
                );
                Operand::new(Mode::Value, mt, e)
            }
            Lookup::Ambiguous => {
                let es = crate::exprstring::expr_string(e);
                self.error(sel.pos, format!("ambiguous selector {}", es));
                Operand::invalid()
            }
            Lookup::NotFound => {
                // No second error for a type whose underlying type is
                // invalid (types2, go.dev/issue/49541).
                if self.w.types.under(x.typ) == TypeId::INVALID {
                    return Operand::invalid();
                }
                let why = self.lookup_error(x.typ, name);
                let es = crate::exprstring::expr_string(e);
                self.error(sel.pos, format!("{} undefined ({})", es, why));
                Operand::invalid()
            }
        }
    }

    fn obj_decl_if_needed(&mut self, o: ObjId) {
        if self.decls.contains_key(&o) {
            self.obj_decl(o);
        }
    }

    fn lookup_error(&mut self, t: TypeId, name: &str) -> String {
        let ts = self.tstr(t);
        let (base, is_ptr) = self.w.deref(t);
        if is_ptr && self.w.types.is_interface(base) && !self.w.types.is_type_param(base) {
            return format!("type {} is pointer to interface, not interface", ts);
        }
        // A different case spelling?
        let lower = name.to_lowercase();
        let mut alt: Option<(String, bool)> = None;
        let pb = self.w.types.pointer(base);
        for cand in self.w.method_set(pb).iter().map(|m| m.0.clone()) {
            if cand.to_lowercase() == lower && cand != name {
                alt = Some((cand, true));
            }
        }
        if alt.is_none() {
            if let Type::Struct(s) = self.w.types.get(self.w.types.under(base)) {
                for f in &s.fields {
                    let fname = self.w.obj(*f).name.to_string();
                    if fname.to_lowercase() == lower && fname != name {
                        alt = Some((fname, false));
                    }
                }
            }
        }
        match alt {
            Some((a, true)) => format!(
                "type {} has no field or method {}, but does have method {}",
                ts, name, a
            ),
            Some((a, false)) => format!(
                "type {} has no field or method {}, but does have field {}",
                ts, name, a
            ),
            None => format!("type {} has no field or method {}", ts, name),
        }
    }

    /// A field of struct `t` spelled like `name` but for case.
    fn field_alt(&self, t: TypeId, name: &str) -> Option<String> {
        let lower = name.to_lowercase();
        let t = self.w.core_type(t).unwrap_or(t);
        match self.w.types.get(t) {
            Type::Struct(s) => s
                .fields
                .iter()
                .map(|f| self.w.obj(*f).name.to_string())
                .find(|f| f.to_lowercase() == lower && f != name),
            _ => None,
        }
    }

    /// The name of the field at an index path of struct type `t`.
    fn field_at_path(&self, t: TypeId, path: &[usize]) -> String {
        let mut t = t;
        let mut name = String::new();
        for &i in path {
            let (b, _) = self.w.deref(t);
            let Type::Struct(s) = self.w.types.get(self.w.types.under(b)) else {
                break;
            };
            let Some(&f) = s.fields.get(i) else { break };
            name = self.w.obj(f).name.to_string();
            t = self.w.obj(f).typ;
        }
        name
    }

    /// The field names along an index path, joined by dots (`A.B.x`).
    fn field_path(&self, t: TypeId, path: &[usize]) -> String {
        (1..=path.len())
            .map(|n| self.field_at_path(t, &path[..n]))
            .collect::<Vec<_>>()
            .join(".")
    }

    /// `T.m`: a function whose first parameter is the receiver.
    fn method_expr(&mut self, e: &'a Expr, x: &Operand<'a>, sel: &'a ast::Ident) -> Operand<'a> {
        let name = &sel.name;
        self.declare_methods_of(x.typ, 0);
        let found = self
            .w
            .lookup_field_or_method(x.typ, false, Some(self.pkg), name);
        let (obj, index, indirect) = match found {
            Lookup::Found {
                obj,
                index,
                indirect,
                ptr_recv_mismatch,
            } if matches!(self.w.obj(obj).kind, ObjKind::Func(_)) => {
                if ptr_recv_mismatch {
                    let ts = self.tstr(x.typ);
                    let es = format!("{}.{}", self.tstr(x.typ), name);
                    self.error(
                        sel.pos,
                        format!(
                            "invalid method expression {} (needs pointer receiver (*{}).{})",
                            es, ts, name
                        ),
                    );
                    return Operand::invalid();
                }
                (obj, index, indirect)
            }
            Lookup::Ambiguous => {
                let es = crate::exprstring::expr_string(e);
                self.error(sel.pos, format!("ambiguous selector {}", es));
                return Operand::invalid();
            }
            _ => {
                let es = crate::exprstring::expr_string(e);
                let why = self.lookup_error(x.typ, name);
                self.error(sel.pos, format!("{} undefined ({})", es, why));
                return Operand::invalid();
            }
        };
        self.record_use(sel.id, obj);
        self.obj_decl_if_needed(obj);
        self.add_dep(obj);
        let mt = self.method_type(x.typ, obj, true);
        self.record_selection(
            e,
            Selection {
                kind: SelectionKind::MethodExpr,
                recv: x.typ,
                obj,
                index,
                indirect,
                typ: mt,
            },
        );
        Operand::new(Mode::Value, mt, e)
    }

    /// The type of method `m` selected on `recv`: the signature without
    /// receiver (or with the receiver as first parameter for a method
    /// expression), with a generic receiver's type arguments substituted.
    fn method_type(&mut self, recv: TypeId, m: ObjId, as_expr: bool) -> TypeId {
        let sig_t = self.w.obj(m).typ;
        let Type::Signature(sig) = self.w.types.get(sig_t).clone() else {
            return TypeId::INVALID;
        };
        let (base, _) = self.w.deref(recv);
        let mut sig = sig;
        // Substitute receiver type parameters by the instance's arguments.
        if let Type::Named(n) = self.w.types.get(base).clone() {
            if !n.targs.is_empty() && sig.tparams.len() == n.targs.len() {
                let map: Vec<(TypeId, TypeId)> = sig
                    .tparams
                    .iter()
                    .copied()
                    .zip(n.targs.iter().copied())
                    .collect();
                let new_t = self.w.subst(sig_t, &map);
                if let Type::Signature(s) = self.w.types.get(new_t).clone() {
                    sig = s;
                }
            }
        }
        // A generic method (Go 1.27) of a non-generic type keeps its own
        // type parameters, inferred or instantiated at the call.
        let own_tparams = self.method_has_own_tparams(sig_t);
        if !own_tparams {
            sig.tparams.clear();
        }
        let recv_var = sig.recv.take();
        if as_expr {
            let v = self.new_var(
                "",
                recv,
                recv_var.map(|r| self.w.obj(r).pos).unwrap_or_default(),
            );
            sig.params.insert(0, v);
        }
        self.w.types.add(Type::Signature(sig))
    }

    // -----------------------------------------------------------------------
    // Calls.

    pub(crate) fn call_expr(&mut self, e: &'a Expr, c: &'a ast::CallExpr) -> Operand<'a> {
        let x = self.expr_or_type(&c.fun, true);
        match x.mode {
            Mode::Invalid => {
                self.use_exprs(&c.args);
                Operand::invalid()
            }
            Mode::TypeExpr => self.conversion_call(e, c, x.typ),
            Mode::Builtin => self.builtin_call(e, c, x.builtin.unwrap_or(Builtin::Len)),
            _ => self.func_call(e, c, x),
        }
    }

    pub(crate) fn use_exprs(&mut self, args: &'a [Expr]) {
        for a in args {
            self.raw_expr(a, None, true);
        }
    }

    fn conversion_call(&mut self, e: &'a Expr, c: &'a ast::CallExpr, t: TypeId) -> Operand<'a> {
        let ts = self.tstr(t);
        if self.is_generic(t) {
            self.error(
                c.fun.start(),
                format!("cannot use generic type {} without instantiation", ts),
            );
            return Operand::invalid();
        }
        // A conversion to a type still being declared (types2's
        // isComplete; the arguments are not looked at).
        if !self.is_complete(t) {
            return Operand::invalid();
        }
        match c.args.len() {
            0 => {
                self.error(
                    e.start(),
                    format!("missing argument in conversion to {}", ts),
                );
                return Operand::invalid();
            }
            1 => {}
            _ => {
                self.use_exprs(&c.args);
                self.error(
                    c.args[c.args.len() - 1].start(),
                    format!("too many arguments in conversion to {}", ts),
                );
                return Operand::invalid();
            }
        }
        if c.has_dots {
            self.error(
                c.args[0].start(),
                format!("invalid use of ... in conversion to {}", ts),
            );
            return Operand::invalid();
        }
        let mut x = self.expr(&c.args[0]);
        if x.is_invalid() {
            return Operand::invalid();
        }
        self.conversion(&mut x, t);
        x.expr = Some(e);
        x
    }

    /// Converts `x` to type `t` (types2 conversion).
    pub(crate) fn conversion(&mut self, x: &mut Operand<'a>, t: TypeId) {
        let const_arg = x.mode == Mode::Constant;
        let tt = &self.w.types;
        let mut ok = false;
        let mut cause = String::new();
        if const_arg && tt.is_const_type(t) {
            let v = x.val.clone().unwrap_or_else(cst::Value::unknown);
            if tt.is_integer(x.typ) && tt.is_string(t) {
                let s = match v.int64_val() {
                    Some(i) if (0..=0x10FFFF).contains(&i) && !(0xD800..0xE000).contains(&i) => {
                        char::from_u32(i as u32)
                            .map(|c| c.to_string())
                            .unwrap_or_else(|| "\u{FFFD}".into())
                    }
                    _ => "\u{FFFD}".into(),
                };
                x.val = Some(cst::Value::from_string(&s));
                ok = true;
            } else if let Some(k) = tt.basic_kind(t) {
                match cst::representable(&v, k) {
                    Ok(nv) => {
                        x.val = Some(nv);
                        ok = true;
                    }
                    Err(_) => {
                        if tt.is_integer(t) && v.to_int().kind() == Kind::Int {
                            x.val = Some(v.to_int());
                        }
                        if tt.is_integer(x.typ) && tt.is_integer(t) {
                            let ts = self.tstr(t);
                            self.error(x.pos(), format!("constant {} overflows {}", v, ts));
                            x.mode = Mode::Invalid;
                            return;
                        }
                    }
                }
            }
        } else if self.convertible_to(x, t, &mut cause) {
            ok = true;
            x.mode = Mode::Value;
            x.val = None;
        }
        if !ok {
            let xs = self.op_string(x);
            let ts = self.tstr(t);
            if cause.is_empty() {
                self.error(x.pos(), format!("cannot convert {} to type {}", xs, ts));
            } else {
                self.error(
                    x.pos(),
                    format!("cannot convert {} to type {}: {}", xs, ts, cause),
                );
            }
            x.mode = Mode::Invalid;
            return;
        }
        if self.w.types.is_untyped(x.typ) {
            let mut fin = t;
            let tt = &self.w.types;
            if (tt.is_interface(t) && !tt.is_type_param(t)) || (const_arg && !tt.is_const_type(t)) {
                fin = tt.default_type(x.typ);
            } else if x.mode == Mode::Constant && tt.is_integer(x.typ) && tt.is_string(t) {
                fin = x.typ;
            }
            if let Some(e) = x.expr {
                self.update_expr_type(e, fin, true);
            }
        }
        if x.mode != Mode::Constant || !self.w.types.is_const_type(t) {
            if x.mode == Mode::Constant {
                x.val = None;
            }
            x.mode = Mode::Value;
        }
        x.typ = t;
    }

    fn convertible_to(&mut self, x: &Operand<'a>, t: TypeId, cause: &mut String) -> bool {
        if self.assignable_to(x, t, cause) {
            return true;
        }
        let v = x.typ;
        let tt = &self.w.types;
        let (vu, tu) = (tt.under(v), tt.under(t));
        let (vp, tp) = (tt.is_type_param(v), tt.is_type_param(t));
        if !vp && !tp && identical_ignore_tags(self.w, vu, tu) {
            return true;
        }
        if let (Type::Pointer(vb), Type::Pointer(tb)) = (tt.get(v), tt.get(t)) {
            if identical_ignore_tags(self.w, tt.under(*vb), tt.under(*tb))
                && !tt.is_type_param(*vb)
                && !tt.is_type_param(*tb)
            {
                return true;
            }
        }
        let int_or_float = |t: TypeId| tt.is_integer(t) || tt.is_float(t);
        if (int_or_float)(vu) && (int_or_float)(tu) && !vp && !tp {
            return true;
        }
        if tt.is_complex(vu) && tt.is_complex(tu) && !vp && !tp {
            return true;
        }
        let bytes_or_runes = |u: TypeId| match tt.get(u) {
            Type::Slice(e) => matches!(
                tt.basic_kind(*e),
                Some(crate::constant::BasicKind::Uint8 | crate::constant::BasicKind::Int32)
            ),
            _ => false,
        };
        if (tt.is_integer(vu) || bytes_or_runes(vu)) && tt.is_string(tu) && !vp && !tp {
            return true;
        }
        if tt.is_string(vu) && bytes_or_runes(tu) && !vp && !tp {
            return true;
        }
        let is_uintptr = |u: TypeId| tt.basic_kind(u) == Some(crate::constant::BasicKind::Uintptr);
        if (matches!(tt.get(vu), Type::Pointer(_)) || is_uintptr(vu)) && tt.is_unsafe_pointer(tu) {
            return true;
        }
        if tt.is_unsafe_pointer(vu) && (matches!(tt.get(tu), Type::Pointer(_)) || is_uintptr(tu)) {
            return true;
        }
        if let Type::Slice(se) = tt.get(vu) {
            match tt.get(tu) {
                Type::Array(_, ae) if identical(self.w, *se, *ae) => {
                    if self.allow_version(20) {
                        return true;
                    }
                    *cause = "conversion of slice to array requires go1.20 or later".into();
                    return false;
                }
                Type::Pointer(p) => {
                    if let Type::Array(_, ae) = tt.get(tt.under(*p)) {
                        if identical(self.w, *se, *ae) {
                            if self.allow_version(17) {
                                return true;
                            }
                            *cause =
                                "conversion of slice to array pointer requires go1.17 or later"
                                    .into();
                            return false;
                        }
                    }
                }
                _ => {}
            }
        }
        if vp || tp {
            // Conversions involving type parameters: every pair of terms must convert.
            let vterms = self.terms_of(v);
            let tterms = self.terms_of(t);
            if let (Some(vs), Some(ts)) = (vterms, tterms) {
                for a in &vs {
                    for b in &ts {
                        let xa = Operand {
                            mode: Mode::Value,
                            typ: *a,
                            val: None,
                            expr: None,
                            builtin: None,
                            label: None,
                        };
                        if !self.convertible_to(&xa, *b, &mut String::new()) {
                            *cause = self.term_conversion_cause(*a, v, *b, t, (vp, tp));
                            return false;
                        }
                    }
                }
                return true;
            }
            *cause = String::new();
        }
        false
    }

    /// The types a type parameter can be (or the type itself).
    /// Why term `a` of `v` does not convert to term `b` of `t` (types2's
    /// wording, naming the type parameters the terms come from).
    fn term_conversion_cause(
        &self,
        a: TypeId,
        v: TypeId,
        b: TypeId,
        t: TypeId,
        (vp, tp): (bool, bool),
    ) -> String {
        let (sa, sv, sb, st) = (self.tstr(a), self.tstr(v), self.tstr(b), self.tstr(t));
        match (vp, tp) {
            (true, true) => format!(
                "cannot convert {} (in {}) to type {} (in {})",
                sa, sv, sb, st
            ),
            (true, false) => format!("cannot convert {} (in {}) to type {}", sa, sv, st),
            _ => format!("cannot convert {} to type {} (in {})", sv, sb, st),
        }
    }

    fn terms_of(&self, t: TypeId) -> Option<Vec<TypeId>> {
        match self.w.types.get(t) {
            Type::TypeParam(p) => {
                let ts = self.w.types.type_set_ref(p.bound)?;
                let terms = ts.terms.as_ref()?;
                if terms.is_empty() {
                    return None;
                }
                Some(terms.iter().map(|x| x.typ).collect())
            }
            _ => Some(vec![t]),
        }
    }

    fn func_call(&mut self, e: &'a Expr, c: &'a ast::CallExpr, x: Operand<'a>) -> Operand<'a> {
        let sig_t = self.w.core_type(x.typ).unwrap_or(TypeId::INVALID);
        let Type::Signature(sig) = self.w.types.get(sig_t).clone() else {
            let s = self.op_string(&x);
            let ts = self.tstr(x.typ);
            self.error(
                x.pos(),
                format!("{}cannot call {}: {} is not a function", INVALID_OP, s, ts),
            );
            self.use_exprs(&c.args);
            return Operand::invalid();
        };
        let mut args = self.call_args_generic(&c.args);
        let mut sig = sig;
        // `F[A](args)` with more type parameters: inferred from the
        // generic signature with the given arguments bound.
        let mut given = Vec::new();
        if let Some((orig, targs)) = self.partials.get(&sig_t).cloned() {
            if let Type::Signature(os) = self.w.types.get(orig).clone() {
                sig = os;
                given = targs;
            }
        }
        if !sig.tparams.is_empty() && sig.recv.is_none() && !self.allow_version(18) {
            if matches!(c.fun.unparen().kind, ExprKind::Index(..)) {
                self.version_error(c.fun.start(), 18, "function instantiation");
            } else {
                self.version_error(e.start(), 18, "implicit function instantiation");
            }
        }
        if !sig.tparams.is_empty() && sig.recv.is_none() {
            match self.infer_call(e, c, &sig, &mut args, &x, &given) {
                Some(s) => sig = s,
                None => return Operand::invalid(),
            }
        } else if !self.infer_generic_args(e, c, &sig, &mut args) {
            return Operand::invalid();
        }
        self.arguments(c, &sig, args);
        let res = &sig.results;
        match res.len() {
            0 => Operand::new(Mode::NoValue, TypeId::EMPTY_TUPLE, e),
            1 => Operand::new(Mode::Value, self.w.obj(res[0]).typ, e),
            _ => {
                let t = self.w.types.tuple(res.clone());
                Operand::new(Mode::Value, t, e)
            }
        }
    }

    /// Evaluates call arguments; a single multi-value call is expanded.
    pub(crate) fn call_args(&mut self, args: &'a [Expr]) -> Vec<Operand<'a>> {
        if args.len() == 1 {
            // Results of a multi-value call are described by the call itself.
            let mut xs = self.multi_expr(&args[0], false);
            for x in &mut xs {
                x.label = None;
            }
            return xs;
        }
        args.iter()
            .map(|a| {
                let x = self.expr(a);
                x
            })
            .collect()
    }

    /// [`call_args`] of a function call: an argument may be an
    /// uninstantiated generic function, inferred from its parameter.
    fn call_args_generic(&mut self, args: &'a [Expr]) -> Vec<Operand<'a>> {
        if args.len() == 1 {
            let mut xs = self.multi_expr_opt(&args[0], false, true);
            for x in &mut xs {
                x.label = None;
            }
            return xs;
        }
        args.iter()
            .map(|a| {
                let mut x = self.raw_expr(a, None, true);
                self.exclude_value(&mut x);
                x
            })
            .collect()
    }

    /// The parameter type that argument `i` of `nargs` is passed to.
    pub(crate) fn param_type_at(
        &self,
        sig: &Signature,
        i: usize,
        nargs: usize,
        has_dots: bool,
    ) -> Option<TypeId> {
        let ptypes: Vec<TypeId> = sig.params.iter().map(|p| self.w.obj(*p).typ).collect();
        if sig.variadic && i + 1 >= ptypes.len() && !ptypes.is_empty() {
            let last = *ptypes.last()?;
            if has_dots && i + 1 == nargs {
                return Some(last);
            }
            return match self.w.types.get(last) {
                Type::Slice(el) => Some(*el),
                _ => Some(last),
            };
        }
        ptypes.get(i).copied()
    }

    /// Instantiates the generic function arguments of a call to a
    /// non-generic function from their parameter types.
    fn infer_generic_args(
        &mut self,
        e: &'a Expr,
        c: &'a ast::CallExpr,
        sig: &Signature,
        args: &mut [Operand<'a>],
    ) -> bool {
        let fun = crate::exprstring::expr_string(&c.fun);
        let nargs = args.len();
        for i in 0..nargs {
            if !self.is_generic_func(&args[i]) {
                continue;
            }
            let Some(pt) = self.param_type_at(sig, i, nargs, c.has_dots) else {
                continue;
            };
            if !self.infer_generic_arg(&mut args[i], pt, &fun, e.pos) {
                return false;
            }
        }
        true
    }

    fn arguments(&mut self, c: &'a ast::CallExpr, sig: &Signature, mut args: Vec<Operand<'a>>) {
        if args.iter().any(|a| a.is_invalid()) || (args.is_empty() && !c.args.is_empty()) {
            return;
        }
        let fun = crate::exprstring::expr_string(&c.fun);
        let nparams = sig.params.len();
        let mut ptypes: Vec<TypeId> = sig.params.iter().map(|p| self.w.obj(*p).typ).collect();
        if c.has_dots {
            if !sig.variadic {
                self.error(
                    c.fun.start(),
                    format!("cannot use ... in call to non-variadic {}", fun),
                );
                return;
            }
            if c.args.len() == 1 && args.len() > 1 {
                self.error(
                    c.fun.start(),
                    format!(
                        "cannot use ... with {}-valued {}",
                        args.len(),
                        crate::exprstring::expr_string(&c.args[0])
                    ),
                );
                return;
            }
        } else if sig.variadic {
            // Expand the variadic parameter to match the arguments.
            if let Some(last) = ptypes.pop() {
                let elem = match self.w.types.get(last) {
                    Type::Slice(el) => *el,
                    _ => last,
                };
                while ptypes.len() < args.len() {
                    ptypes.push(elem);
                }
                if args.len() < nparams - 1 {
                    ptypes.push(elem);
                }
            }
        }
        let nargs = args.len();
        let want = if sig.variadic && !c.has_dots {
            nparams - 1
        } else {
            nparams
        };
        if nargs != ptypes.len() && !(sig.variadic && !c.has_dots && nargs >= want) {
            let have = self.types_summary(&args);
            let ptys: Vec<TypeId> = sig.params.iter().map(|p| self.w.obj(*p).typ).collect();
            let wants = self.type_list_summary(&ptys, sig.variadic);
            let (pos, what) = if nargs < want {
                let at = if c.args.is_empty() {
                    c.fun.start()
                } else {
                    c.args[c.args.len() - 1].start()
                };
                (at, "not enough")
            } else {
                let extra = if c.args.len() == 1 {
                    &c.args[0]
                } else {
                    &c.args[want.min(c.args.len() - 1)]
                };
                (extra.start(), "too many")
            };
            self.error(
                pos,
                format!(
                    "{} arguments in call to {}\n\thave {}\n\twant {}",
                    what, fun, have, wants
                ),
            );
            return;
        }
        let context = format!("argument to {}", fun);
        for (i, a) in args.iter_mut().enumerate() {
            if let Some(&pt) = ptypes.get(i) {
                self.assignment(a, Some(pt), &context);
            }
        }
    }

    /// `(number, string)` as types2 summarizes argument types.
    pub(crate) fn types_summary(&self, args: &[Operand<'a>]) -> String {
        let ts: Vec<TypeId> = args.iter().map(|a| a.typ).collect();
        self.type_list_summary(&ts, false)
    }

    /// types2's typesSummary: `(number, string, unknown type, ...E)`.
    pub(crate) fn type_list_summary(&self, ts: &[TypeId], variadic: bool) -> String {
        let parts: Vec<String> = ts
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                let s = if !self.w.types.is_valid(t) {
                    "unknown type".into()
                } else if self.w.types.is_untyped(t) {
                    if self.w.types.is_numeric(t) {
                        "number".into()
                    } else {
                        self.tstr(t).replace("untyped ", "")
                    }
                } else if variadic && i == ts.len() - 1 {
                    match self.w.types.get(t) {
                        Type::Slice(el) => self.tstr(*el),
                        _ => self.tstr(t),
                    }
                } else {
                    self.tstr(t)
                };
                if variadic && i == ts.len() - 1 {
                    format!("...{}", s)
                } else {
                    s
                }
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    // -----------------------------------------------------------------------
    // Composite literals.

    pub(crate) fn composite_lit(
        &mut self,
        e: &'a Expr,
        c: &'a ast::CompositeLit,
        hint: Option<TypeId>,
    ) -> Operand<'a> {
        let (typ, base) = match &c.typ {
            Some(te) => {
                if let ExprKind::ArrayType(None, elem) = &te.kind {
                    // [...]T{...}: the length comes from the elements.
                    let et = self.var_type(elem);
                    if !self.w.types.is_valid(et) {
                        // The elements are still checked against the
                        // (invalid) element type: an untyped element
                        // literal has a type then (types2).
                        self.indexed_elems(&c.elems, et, -1);
                        return Operand::invalid();
                    }
                    let n = self.indexed_elems(&c.elems, et, -1);
                    let t = self.w.types.array(n, et);
                    self.record_type_and_value(te, Mode::TypeExpr, t, None);
                    return Operand::new(Mode::Value, t, e);
                }
                let t = self.type_expr(te);
                (t, t)
            }
            None => match hint {
                Some(h) => {
                    let mut base = h;
                    let core = self.w.core_type(h).unwrap_or(h);
                    if let Type::Pointer(b) = self.w.types.get(core) {
                        base = *b;
                    }
                    (h, base)
                }
                None => {
                    self.error(e.pos, "missing type in composite literal");
                    self.use_elems(c);
                    return Operand::invalid();
                }
            },
        };
        if !self.w.types.is_valid(typ) {
            self.use_elems(c);
            return Operand::invalid();
        }
        // A literal of a type still being declared (types2's isComplete).
        if !self.is_complete(base) {
            return Operand::invalid();
        }
        let core = self.w.core_type(base).unwrap_or(TypeId::INVALID);
        match self.w.types.get(core).clone() {
            Type::Struct(s) => self.struct_lit(c, base, &s),
            Type::Array(n, el) => {
                let _ = self.indexed_elems(&c.elems, el, n);
            }
            Type::Slice(el) => {
                let _ = self.indexed_elems(&c.elems, el, -1);
            }
            Type::Map(k, v) => self.map_lit(c, k, v),
            Type::Invalid if self.w.types.under(base) == TypeId::INVALID => {
                // An invalid underlying type was reported before; the
                // literal still has its type (types2).
                self.use_elems(c);
            }
            _ => {
                let ts = self.tstr(typ);
                self.error(
                    c.typ.as_ref().map(|t| t.start()).unwrap_or(e.pos),
                    format!("invalid composite literal type {}", ts),
                );
                self.use_elems(c);
                return Operand::invalid();
            }
        }
        Operand::new(Mode::Value, typ, e)
    }

    fn use_elems(&mut self, c: &'a ast::CompositeLit) {
        for el in &c.elems {
            match &el.kind {
                ExprKind::KeyValue(_, v) => {
                    self.raw_expr(v, None, true);
                }
                _ => {
                    self.raw_expr(el, None, true);
                }
            }
        }
    }

    fn struct_lit(&mut self, c: &'a ast::CompositeLit, base: TypeId, s: &StructType) {
        if c.elems.is_empty() {
            return;
        }
        let bs = self.tstr(base);
        if matches!(c.elems[0].kind, ExprKind::KeyValue(..)) {
            let mut seen: Vec<Vec<usize>> = Vec::new();
            for el in &c.elems {
                let ExprKind::KeyValue(k, v) = &el.kind else {
                    self.error(
                        el.start(),
                        "mixture of field:value and value elements in struct literal",
                    );
                    self.expr(el);
                    continue;
                };
                let ExprKind::Name(kn) = &k.kind else {
                    self.error(
                        k.start(),
                        format!(
                            "invalid field name {} in struct literal",
                            crate::exprstring::expr_string(k)
                        ),
                    );
                    self.expr(v);
                    continue;
                };
                // The field's type (if any) lets a generic function value
                // be inferred; errors come from the lookup below.
                let hint = match self.w.lookup_field_or_method(
                    self.w.core_type(base).unwrap_or(base),
                    false,
                    Some(self.pkg),
                    kn,
                ) {
                    Lookup::Found { obj, .. } if kn != "_" => Some(self.w.obj(obj).typ),
                    _ => None,
                };
                let mut x = self.expr_to(v, hint);
                // Promoted fields are allowed (go1.27) unless through a pointer.
                let found = if kn == "_" {
                    Lookup::NotFound
                } else {
                    let st = self.w.core_type(base).unwrap_or(base);
                    self.w.lookup_field_or_method(st, false, Some(self.pkg), kn)
                };
                let (f, index, indirect) = match found {
                    Lookup::Found {
                        obj,
                        index,
                        indirect,
                        ..
                    } if matches!(self.w.obj(obj).kind, ObjKind::Var(_)) => (obj, index, indirect),
                    Lookup::Found { .. } => {
                        self.error(k.start(), format!("{} is not a field", kn));
                        continue;
                    }
                    _ => {
                        let msg = match self.field_alt(base, kn) {
                            Some(alt) => format!(
                                "unknown field {} in struct literal of type {}, but does have {}",
                                kn, bs, alt
                            ),
                            None => {
                                format!("unknown field {} in struct literal of type {}", kn, bs)
                            }
                        };
                        self.error(k.start(), msg);
                        continue;
                    }
                };
                if index.len() > 1 && !self.allow_version(27) {
                    let st = self.w.core_type(base).unwrap_or(base);
                    let what = format!(
                        "use of promoted field {} in struct literal of type {}",
                        self.field_path(st, &index),
                        bs
                    );
                    self.version_error(k.start(), 27, &what);
                    continue;
                }
                if indirect {
                    self.error(
                        k.start(),
                        format!("invalid implicit pointer indirection to reach {}", kn),
                    );
                    continue;
                }
                self.record_use(k.id, f);
                let ft = self.w.obj(f).typ;
                self.assignment(&mut x, Some(ft), "struct literal");
                // An index path may not repeat, nor extend or prefix another.
                let clash = seen
                    .iter()
                    .find(|p| p.starts_with(&index) || index.starts_with(p))
                    .cloned();
                if let Some(p) = clash {
                    let fname = self.w.obj(f).name.clone();
                    let msg = if p == index {
                        format!("duplicate field name {} in struct literal", fname)
                    } else {
                        let st = self.w.core_type(base).unwrap_or(base);
                        let other = self.field_at_path(st, &p);
                        if p.len() < index.len() {
                            format!(
                                "cannot specify promoted field {} and enclosing embedded field {}",
                                fname, other
                            )
                        } else {
                            format!(
                                "cannot specify embedded field {} and enclosed promoted field {}",
                                fname, other
                            )
                        }
                    };
                    self.error(el.start(), msg);
                    continue;
                }
                seen.push(index);
            }
            return;
        }
        for (i, el) in c.elems.iter().enumerate() {
            if let ExprKind::KeyValue(_, v) = &el.kind {
                self.error(
                    el.start(),
                    "mixture of field:value and value elements in struct literal",
                );
                self.expr(v);
                continue;
            }
            let Some(&f) = s.fields.get(i) else {
                self.expr(el);
                self.error(
                    el.start(),
                    format!("too many values in struct literal of type {}", bs),
                );
                return;
            };
            let ft = self.w.obj(f).typ;
            let mut x = self.expr_to(el, Some(ft));
            if !self.w.obj(f).is_exported() && self.w.obj(f).pkg != Some(self.pkg) {
                let fname = self.w.obj(f).name.clone();
                self.error(
                    x.pos(),
                    format!(
                        "implicit assignment to unexported field {} in struct literal of type {}",
                        fname, bs
                    ),
                );
                continue;
            }
            self.assignment(&mut x, Some(ft), "struct literal");
        }
        if c.elems.len() < s.fields.len() {
            self.error(
                c.rbrace,
                format!("too few values in struct literal of type {}", bs),
            );
        }
    }

    /// Elements of an array or slice literal; returns the length (max index + 1).
    fn indexed_elems(&mut self, elems: &'a [Expr], el: TypeId, length: i64) -> i64 {
        let mut index: i64 = 0;
        let mut max: i64 = 0;
        let mut seen: std::collections::HashSet<i64> = Default::default();
        for e in elems {
            let mut valid_index = false;
            let mut ve = e;
            if let ExprKind::KeyValue(k, v) = &e.kind {
                if let Some(i) = self.index(k, length) {
                    if i >= 0 {
                        index = i;
                        valid_index = true;
                    }
                } else {
                    if !matches!(self.info.files[self.file as usize].types.get(k.id.index()), Some(Some(tv)) if tv.mode == Mode::Constant)
                    {
                        let ks = crate::exprstring::expr_string(k);
                        if self.errors.last().is_none_or(|er| er.pos != k.start()) {
                            self.error(k.start(), format!("index {} must be integer constant", ks));
                        }
                    }
                }
                ve = v;
            } else if length >= 0 && index >= length {
                self.error(
                    e.start(),
                    format!("index {} is out of bounds (>= {})", index, length),
                );
            } else {
                valid_index = true;
            }
            if valid_index && !seen.insert(index) {
                self.error(
                    e.start(),
                    format!("duplicate index {} in array or slice literal", index),
                );
            }
            index += 1;
            if index > max {
                max = index;
            }
            let mut x = self.expr_hint(ve, Some(el));
            self.assignment(&mut x, Some(el), "array or slice literal");
        }
        max
    }

    fn map_lit(&mut self, c: &'a ast::CompositeLit, k: TypeId, v: TypeId) {
        let mut keys: Vec<(cst::Value, TypeId)> = Vec::new();
        for el in &c.elems {
            let ExprKind::KeyValue(ke, ve) = &el.kind else {
                self.error(el.start(), "missing key in map literal");
                self.expr(el);
                continue;
            };
            let mut kx = self.expr_hint(ke, Some(k));
            self.assignment(&mut kx, Some(k), "map literal");
            if kx.mode == Mode::Constant {
                if let Some(val) = &kx.val {
                    if val.kind() != Kind::Unknown {
                        let dup = keys.iter().any(|(kv, kt)| {
                            identical(self.w, *kt, kx.typ)
                                && kv.compare(cst::CmpOp::Eql, val).unwrap_or(false)
                        });
                        if dup {
                            self.error(kx.pos(), format!("duplicate key {} in map literal", val));
                        } else {
                            keys.push((val.clone(), kx.typ));
                        }
                    }
                }
            }
            let mut vx = self.expr_hint(ve, Some(v));
            self.assignment(&mut vx, Some(v), "map literal");
        }
    }
}

use crate::predicates::identical_ignore_tags;

impl Checker<'_, '_> {
    /// Are the type parameters of method signature `sig_t` its own (a
    /// generic method, Go 1.27) rather than its generic receiver's?
    fn method_has_own_tparams(&self, sig_t: TypeId) -> bool {
        let Type::Signature(sig) = self.w.types.get(sig_t) else {
            return false;
        };
        if sig.tparams.is_empty() {
            return false;
        }
        let Some(r) = sig.recv else { return false };
        let (rt, _) = self.w.deref(self.w.obj(r).typ);
        match self.w.types.get(rt) {
            Type::Named(n) => n.targs.is_empty() && n.tparams.is_empty(),
            _ => false,
        }
    }
}
