//! Generics: substitution, instantiation of generic types and functions
//! (explicit `F[int]`, `List[T]`), constraint satisfaction, and function
//! argument type inference by unification of parameter and argument types
//! (untyped arguments fall back to their default types).

use super::*;
use crate::predicates::identical;
use rgo_syntax::ast::ExprKind;

impl<'a, 'w> Checker<'a, 'w> {
    /// `G[A, B]` in type position.
    pub(crate) fn instantiate_type_expr(
        &mut self,
        e: &'a Expr,
        x: &Operand<'a>,
        idx: &'a [Expr],
    ) -> Operand<'a> {
        if let Type::Alias(a) = self.w.types.get_raw(x.typ).clone() {
            if !a.tparams.is_empty() && a.targs.is_empty() {
                return self.instantiate_alias(e, x, idx, a);
            }
        }
        let Type::Named(n) = self.w.types.get(x.typ).clone() else {
            let s = self.op_string(x);
            self.error(x.pos(), format!("{} is not a generic type", s));
            return Operand::invalid();
        };
        if n.tparams.is_empty() {
            let s = self.tstr(x.typ);
            self.error(x.pos(), format!("{} is not a generic type", s));
            return Operand::invalid();
        }
        let targs: Vec<TypeId> = idx.iter().map(|a| self.var_type(a)).collect();
        if targs.iter().any(|t| !self.w.types.is_valid(*t)) {
            return Operand::invalid();
        }
        if targs.len() != n.tparams.len() {
            let s = self.tstr(x.typ);
            let (pos, what) = if targs.len() < n.tparams.len() {
                (e.start(), "not enough")
            } else {
                (idx[n.tparams.len()].start(), "too many")
            };
            self.error(
                pos,
                format!(
                    "{} type arguments for type {}: have {}, want {}",
                    what,
                    s.split('[').next().unwrap_or(&s),
                    targs.len(),
                    n.tparams.len()
                ),
            );
            // types2 still makes the instance (`G[A]`), whose underlying
            // type is invalid: uses of it are checked on, as of any type
            // with an invalid underlying type.
            let t = self.w.instantiate_named(x.typ, targs);
            return Operand::new(Mode::TypeExpr, t, e);
        }
        if !self.verify_type_args(&n.tparams, &targs, idx) {
            return Operand::invalid();
        }
        let pos: Vec<Pos> = idx.iter().map(|a| a.start()).collect();
        self.mono_record(&n.tparams, &targs, &pos, e.start());
        let t = self.w.instantiate_named(x.typ, targs.clone());
        self.instance_pos.entry(t).or_insert((self.file, e.start()));
        self.record_instance(x.expr, targs, t);
        Operand::new(Mode::TypeExpr, t, e)
    }

    /// `A[int]` for a generic alias: an alias instance whose aliased type
    /// is the right-hand side with the type arguments substituted.
    fn instantiate_alias(
        &mut self,
        e: &'a Expr,
        x: &Operand<'a>,
        idx: &'a [Expr],
        a: AliasType,
    ) -> Operand<'a> {
        let targs: Vec<TypeId> = idx.iter().map(|t| self.var_type(t)).collect();
        if targs.iter().any(|t| !self.w.types.is_valid(*t)) {
            return Operand::invalid();
        }
        if targs.len() != a.tparams.len() {
            let s = self.w.obj(a.obj).name.clone();
            let (pos, what) = if targs.len() < a.tparams.len() {
                (e.start(), "not enough")
            } else {
                (idx[a.tparams.len()].start(), "too many")
            };
            self.error(
                pos,
                format!(
                    "{} type arguments for type {}: have {}, want {}",
                    what,
                    s,
                    targs.len(),
                    a.tparams.len()
                ),
            );
            return Operand::invalid();
        }
        if !self.verify(&a.tparams, &targs, idx) {
            return Operand::invalid();
        }
        let map: Vec<(TypeId, TypeId)> = a.tparams.iter().copied().zip(targs.clone()).collect();
        let rhs = self.w.subst(a.rhs, &map);
        let t = self.w.types.add(Type::Alias(AliasType {
            obj: a.obj,
            rhs,
            tparams: Vec::new(),
            targs: targs.clone(),
        }));
        self.record_instance(x.expr, targs, t);
        Operand::new(Mode::TypeExpr, t, e)
    }

    /// Infers unbound type parameters from their constraints' core types
    /// (`S ~[]E` binds E once S is known; `PT interface{*T}` binds PT).
    fn core_infer(&mut self, tparams: &[TypeId], bound: &mut Vec<Option<TypeId>>) {
        // A bound parameter's constraint core type (`S ~[]E`) determines others.
        for _round in 0..tparams.len() {
            let mut progress = false;
            for k in 0..tparams.len() {
                let Some(b) = bound[k] else { continue };
                let Type::TypeParam(p) = self.w.types.get(tparams[k]).clone() else {
                    continue;
                };
                let core = self
                    .w
                    .types
                    .type_set_ref(p.bound)
                    .and_then(|ts| ts.terms.clone());
                // Several terms with one core type (`chan E | ~chan<- E`)
                // act as that core type, tilde if any term has one.
                let core = core.map(|terms| match (terms.len(), self.w.core_type(p.bound)) {
                    (1, _) | (_, None) => terms,
                    (_, Some(c)) => vec![Term {
                        tilde: terms.iter().any(|t| t.tilde),
                        typ: c,
                    }],
                });
                if let Some(terms) = core {
                    if terms.len() == 1 {
                        let before = bound.iter().filter(|b| b.is_some()).count();
                        // A type parameter argument unifies through its
                        // core type (types2's inexact core-type unification).
                        let b = if self.w.types.is_type_param(b) {
                            self.w.core_type(b).unwrap_or(b)
                        } else {
                            b
                        };
                        let target = if terms[0].tilde {
                            self.w.types.under(b)
                        } else {
                            b
                        };
                        self.unify(terms[0].typ, target, tparams, bound, 0);
                        progress |= bound.iter().filter(|b| b.is_some()).count() > before;
                    }
                }
            }
            if !progress {
                break;
            }
        }
        self.method_infer(tparams, bound);
        // Core types of constraints can determine the remaining ones (one
        // may need another's: `B interface{ []C }, C interface{ *A }`).
        for _round in 0..tparams.len() {
            let before = bound.iter().filter(|b| b.is_some()).count();
            self.core_infer_round(tparams, bound);
            if bound.iter().filter(|b| b.is_some()).count() == before {
                break;
            }
        }
    }

    /// Binds parameters from the methods of bound ones: with `W wrap[T]`
    /// and W = V, V's method `getOp() V` against `getOp() T` gives T.
    fn method_infer(&mut self, tparams: &[TypeId], bound: &mut Vec<Option<TypeId>>) {
        for k in 0..tparams.len() {
            let Some(b) = bound[k] else { continue };
            let Type::TypeParam(p) = self.w.types.get(tparams[k]).clone() else {
                continue;
            };
            let methods = self.w.type_set(p.bound).methods;
            for m in methods {
                let mt = self.w.obj(m).typ;
                if !self.mentions(mt, tparams, 0) {
                    continue;
                }
                let (name, pkg) = (self.w.obj(m).name.clone(), self.w.obj(m).pkg);
                let found = self.w.lookup_field_or_method(b, true, pkg, &name);
                let crate::lookup::Lookup::Found { obj, .. } = found else {
                    continue;
                };
                if !matches!(self.w.obj(obj).kind, ObjKind::Func(_)) {
                    continue;
                }
                let ft = self.w.instance_method_type(b, obj);
                self.unify(mt, ft, tparams, bound, 0);
            }
        }
    }

    /// One pass binding each unbound parameter whose constraint has a
    /// single non-tilde term free of unbound parameters.
    fn core_infer_round(&mut self, tparams: &[TypeId], bound: &mut [Option<TypeId>]) {
        for k in 0..tparams.len() {
            if bound[k].is_none() {
                if let Type::TypeParam(p) = self.w.types.get(tparams[k]).clone() {
                    let terms = self
                        .w
                        .types
                        .type_set_ref(p.bound)
                        .and_then(|ts| ts.terms.clone());
                    if let Some(terms) = terms {
                        if terms.len() == 1 && !terms[0].tilde {
                            let map: Vec<(TypeId, TypeId)> = tparams
                                .iter()
                                .copied()
                                .zip(bound.iter().copied())
                                .filter_map(|(p, b)| b.map(|b| (p, b)))
                                .collect();
                            let t = self.w.subst(terms[0].typ, &map);
                            if !self.mentions(t, tparams, 0) {
                                bound[k] = Some(t);
                            }
                        }
                    }
                }
            }
        }
    }

    /// `F[A]` (explicit, possibly partial, function instantiation).
    pub(crate) fn instantiate_func_expr(
        &mut self,
        e: &'a Expr,
        x: Operand<'a>,
        idx: &'a [Expr],
    ) -> Operand<'a> {
        let Type::Signature(sig) = self.w.types.get(x.typ).clone() else {
            return Operand::invalid();
        };
        let targs: Vec<TypeId> = idx.iter().map(|a| self.var_type(a)).collect();
        if targs.iter().any(|t| !self.w.types.is_valid(*t)) {
            return Operand::invalid();
        }
        if targs.len() > sig.tparams.len() {
            self.error(
                idx[sig.tparams.len()].start(),
                format!(
                    "got {} type arguments but want {}",
                    targs.len(),
                    sig.tparams.len()
                ),
            );
            return Operand::invalid();
        }
        let mut targs = targs;
        if targs.len() < sig.tparams.len() {
            let mut bound: Vec<Option<TypeId>> = (0..sig.tparams.len())
                .map(|i| targs.get(i).copied())
                .collect();
            self.core_infer(&sig.tparams, &mut bound);
            if bound.iter().all(|b| b.is_some()) {
                targs = bound.into_iter().flatten().collect();
            }
        }
        if targs.len() < sig.tparams.len() {
            // Partial instantiation: the rest is inferred at the call.
            let mut s = sig.clone();
            let map: Vec<(TypeId, TypeId)> = s
                .tparams
                .iter()
                .copied()
                .zip(targs.iter().copied())
                .collect();
            let t0 = self.w.types.add(Type::Signature(Signature {
                tparams: Vec::new(),
                ..s.clone()
            }));
            let t1 = self.w.subst(t0, &map);
            if let Type::Signature(ns) = self.w.types.get(t1).clone() {
                s = Signature {
                    tparams: sig.tparams[targs.len()..].to_vec(),
                    ..ns
                };
            }
            let t = self.w.types.add(Type::Signature(s));
            self.partials.insert(t, (x.typ, targs));
            return Operand::new(Mode::Value, t, e);
        }
        if !self.verify(&sig.tparams, &targs, idx) {
            return Operand::invalid();
        }
        let pos: Vec<Pos> = idx.iter().map(|a| a.start()).collect();
        self.mono_record(&sig.tparams, &targs, &pos, e.start());
        let t = self.instantiate_sig(&sig, &targs);
        self.record_instance(x.expr, targs, t);
        Operand::new(Mode::Value, t, e)
    }

    fn instantiate_sig(&mut self, sig: &Signature, targs: &[TypeId]) -> TypeId {
        let map: Vec<(TypeId, TypeId)> = sig
            .tparams
            .iter()
            .copied()
            .zip(targs.iter().copied())
            .collect();
        let plain = self.w.types.add(Type::Signature(Signature {
            tparams: Vec::new(),
            ..sig.clone()
        }));
        self.w.subst(plain, &map)
    }

    fn record_instance(&mut self, e: Option<&'a Expr>, targs: Vec<TypeId>, typ: TypeId) {
        let Some(e) = e else { return };
        let id = match &e.unparen().kind {
            ExprKind::Selector(_, sel) => sel.id,
            _ => e.unparen().id,
        };
        if let Some(slot) = self.finfo().instances.get_mut(id.index()) {
            *slot = Some(Instance { targs, typ });
        }
    }

    /// Checks that each type argument satisfies its constraint.
    fn verify(&mut self, tparams: &[TypeId], targs: &[TypeId], at: &'a [Expr]) -> bool {
        let pos: Vec<Pos> = at.iter().map(|a| a.start()).collect();
        self.verify_at(tparams, targs, &pos)
    }

    /// [`verify`] for a type instantiation: at package level delayed until
    /// the package's types (and methods) are complete, as types2 does.
    fn verify_type_args(&mut self, tparams: &[TypeId], targs: &[TypeId], at: &'a [Expr]) -> bool {
        if self.fctx.sig.is_some() {
            return self.verify(tparams, targs, at);
        }
        let pos: Vec<Pos> = at.iter().map(|a| a.start()).collect();
        self.later_verifies
            .push((self.file, tparams.to_vec(), targs.to_vec(), pos));
        true
    }

    /// Runs the delayed type-argument verifications.
    pub(crate) fn run_later_verifies(&mut self) {
        for (file, tparams, targs, pos) in std::mem::take(&mut self.later_verifies) {
            self.file = file;
            self.verify_at(&tparams, &targs, &pos);
        }
    }

    fn verify_at(&mut self, tparams: &[TypeId], targs: &[TypeId], at: &[Pos]) -> bool {
        let map: Vec<(TypeId, TypeId)> =
            tparams.iter().copied().zip(targs.iter().copied()).collect();
        for (i, (&tp, &ta)) in tparams.iter().zip(targs).enumerate() {
            let Type::TypeParam(p) = self.w.types.get(tp).clone() else {
                continue;
            };
            let bound = self.w.subst(p.bound, &map);
            if let Some(cause) = self.satisfies(ta, bound) {
                let pos = at.get(i).or(at.first()).copied().unwrap_or_default();
                self.error(pos, cause);
                return false;
            }
        }
        true
    }

    /// Why `t` does not satisfy constraint `bound`, if it does not.
    pub(crate) fn satisfies(&mut self, t: TypeId, bound: TypeId) -> Option<String> {
        let ts = self.w.type_set(bound);
        let (tstr, bstr) = (self.tstr(t), self.tstr(bound));
        // As types2's implements: the methods first, then the type set.
        if let Some(m) = self.missing_method(t, bound) {
            return Some(format!("{} does not satisfy {} {}", tstr, bstr, m));
        }
        if let Some(terms) = &ts.terms {
            let tu = self.w.types.under(t);
            let ok = if self.w.types.is_type_param(t) {
                // Every term of t's constraint must be in the bound's terms.
                match self.w.types.type_set_ref(tu).and_then(|s| s.terms.clone()) {
                    Some(tterms) => tterms
                        .iter()
                        .all(|x| terms.iter().any(|y| self.term_includes(*y, x.typ))),
                    None => false,
                }
            } else {
                terms.iter().any(|y| self.term_includes(*y, t))
            };
            if !ok {
                if terms.is_empty() {
                    return Some(format!("cannot satisfy {} (empty type set)", bstr));
                }
                // A term t that would include the type as ~t.
                let alt = terms.iter().find(|x| {
                    !x.tilde
                        && self.w.types.under(x.typ) == x.typ
                        && self.term_includes(
                            Term {
                                tilde: true,
                                typ: x.typ,
                            },
                            t,
                        )
                });
                if let Some(alt) = alt {
                    let a = self.tstr(alt.typ);
                    return Some(format!(
                        "{tstr} does not satisfy {bstr} (possibly missing ~ for {a} in {bstr})"
                    ));
                }
                let list: Vec<String> = terms
                    .iter()
                    .map(|x| format!("{}{}", if x.tilde { "~" } else { "" }, self.tstr(x.typ)))
                    .collect();
                return Some(format!(
                    "{} does not satisfy {} ({} missing in {})",
                    tstr,
                    bstr,
                    tstr,
                    list.join(" | ")
                ));
            }
        }
        if ts.comparable && !self.w.comparable(t) {
            return Some(format!("{} does not satisfy comparable", tstr));
        }
        None
    }

    /// types2's check of the type arguments inferred so far (from typed
    /// arguments or given explicitly): one that cannot unify with its
    /// constraint's core type, or lacks its methods, does not satisfy it:
    /// `T (type X) does not satisfy C[ (cause)]`.
    fn infer_constraint_check(
        &mut self,
        tparams: &[TypeId],
        bound: &[Option<TypeId>],
    ) -> Option<String> {
        for (k, tp) in tparams.iter().enumerate() {
            let Some(tx) = bound[k] else { continue };
            if self.mentions(tx, tparams, 0) {
                continue;
            }
            let Type::TypeParam(p) = self.w.types.get(*tp).clone() else {
                continue;
            };
            let what = |c: &Self| {
                format!(
                    "{} (type {}) does not satisfy {}",
                    c.tstr(*tp),
                    c.tstr(tx),
                    c.tstr(p.bound)
                )
            };
            // The core term: a single term, or one core type.
            let terms = self
                .w
                .types
                .type_set_ref(p.bound)
                .and_then(|ts| ts.terms.clone());
            let core = match terms {
                Some(t) if t.len() == 1 => Some(t[0].typ),
                Some(_) => self.w.core_type(p.bound),
                None => None,
            };
            if let Some(core) = core {
                let fits = if self.mentions(core, tparams, 0) {
                    let mut b = bound.to_vec();
                    let x = if self.w.types.is_type_param(tx) {
                        self.w.core_type(tx).unwrap_or(tx)
                    } else {
                        self.w.types.under(tx)
                    };
                    self.unify(core, x, tparams, &mut b, 0)
                } else {
                    self.w.types.is_type_param(tx)
                        || identical(self.w, self.w.types.under(core), self.w.types.under(tx))
                };
                if !fits {
                    return Some(what(self));
                }
            }
            let has_methods = !self.w.type_set(p.bound).methods.is_empty();
            if has_methods && !self.mentions(p.bound, tparams, 0) {
                if let Some(cause) = self.missing_method(tx, p.bound) {
                    return Some(format!("{} {}", what(self), cause));
                }
            }
        }
        None
    }

    fn term_includes(&self, term: Term, t: TypeId) -> bool {
        if term.tilde {
            identical(self.w, self.w.types.under(term.typ), self.w.types.under(t))
        } else {
            identical(self.w, term.typ, t)
        }
    }

    /// Infers the type arguments of a generic function call; returns the
    /// instantiated signature.
    pub(crate) fn infer_call(
        &mut self,
        e: &'a Expr,
        c: &'a ast::CallExpr,
        sig: &Signature,
        args: &mut [Operand<'a>],
        fun: &Operand<'a>,
        given: &[TypeId],
    ) -> Option<Signature> {
        let n = sig.tparams.len();
        let mut bound: Vec<Option<TypeId>> = (0..n).map(|i| given.get(i).copied()).collect();
        let ptypes: Vec<TypeId> = sig.params.iter().map(|p| self.w.obj(*p).typ).collect();
        let param_for = |i: usize, ch: &Self| -> Option<TypeId> {
            if sig.variadic && i + 1 >= ptypes.len() && !ptypes.is_empty() {
                let last = *ptypes.last()?;
                return match ch.w.types.get(last) {
                    Type::Slice(el) => Some(*el),
                    _ => Some(last),
                };
            }
            ptypes.get(i).copied()
        };
        // Typed arguments first.
        for (i, a) in args.iter().enumerate() {
            if a.is_invalid() || self.w.types.is_untyped(a.typ) || self.is_generic_func(a) {
                continue;
            }
            let pt = if c.has_dots && i + 1 == args.len() {
                ptypes.last().copied()
            } else {
                param_for(i, self)
            };
            let Some(pt) = pt else { continue };
            if !self.unify(pt, a.typ, &sig.tparams, &mut bound, 0) {
                let s = self.op_string(a);
                let inferred = self.inferred_string(pt, &sig.tparams, &bound);
                let at = self.tstr(a.typ);
                self.error(
                    a.pos(),
                    format!(
                        "type {} of {} does not match {}",
                        at,
                        s.split(" (").next().unwrap_or(&s),
                        inferred
                    ),
                );
                return None;
            }
        }
        // Untyped arguments for still-unbound parameters: the default type
        // of the largest numeric kind among them (all must agree otherwise).
        let mut untyped: Vec<Option<TypeId>> = vec![None; n];
        for (i, a) in args.iter().enumerate() {
            if a.is_invalid() || !self.w.types.is_untyped(a.typ) || a.typ == TypeId::UNTYPED_NIL {
                continue;
            }
            let Some(pt) = param_for(i, self) else {
                continue;
            };
            let Some(k) = sig.tparams.iter().position(|tp| *tp == pt) else {
                continue;
            };
            if bound[k].is_some() {
                continue;
            }
            match untyped[k] {
                None => untyped[k] = Some(a.typ),
                Some(prev) => {
                    let tt = &self.w.types;
                    if tt.is_numeric(prev) && tt.is_numeric(a.typ) {
                        let rank = |t: TypeId| match t {
                            TypeId::UNTYPED_INT => 0,
                            TypeId::UNTYPED_RUNE => 1,
                            TypeId::UNTYPED_FLOAT => 2,
                            _ => 3,
                        };
                        if rank(a.typ) > rank(prev) {
                            untyped[k] = Some(a.typ);
                        }
                    } else if prev != a.typ {
                        let es = fun
                            .expr
                            .map(crate::exprstring::expr_string)
                            .unwrap_or_default();
                        let (ps, xs, ns) =
                            (self.tstr(prev), self.tstr(a.typ), self.tstr(sig.tparams[k]));
                        self.error(
                            a.pos(),
                            format!(
                                "in call to {}, mismatched types {} and {} (cannot infer {})",
                                es, ps, xs, ns
                            ),
                        );
                        return None;
                    }
                }
            }
        }
        // types2 checks the type arguments known from typed arguments
        // against their constraints' core types and methods while
        // inferring: a failure is an inference error.
        if let Some(msg) = self.infer_constraint_check(&sig.tparams, &bound) {
            let es = fun
                .expr
                .map(crate::exprstring::expr_string)
                .unwrap_or_default();
            self.error(e.pos, format!("in call to {es}, {msg}"));
            return None;
        }
        // Constraint inference before untyped defaults (`Contains(bs, '.')`
        // binds E to byte through S ~[]E, not to rune).
        self.core_infer(&sig.tparams, &mut bound);
        for k in 0..n {
            if let (None, Some(u)) = (bound[k], untyped[k]) {
                bound[k] = Some(self.w.types.default_type(u));
            }
        }
        self.core_infer(&sig.tparams, &mut bound);
        let es = fun
            .expr
            .map(crate::exprstring::expr_string)
            .unwrap_or_default();
        // Generic function arguments: inferred from their parameter type
        // once the callee's own parameters are known (Go 1.21).
        let nargs = args.len();
        for i in 0..nargs {
            if !self.is_generic_func(&args[i]) {
                continue;
            }
            let Some(pt) = self.param_type_at(sig, i, nargs, c.has_dots) else {
                continue;
            };
            let map: Vec<(TypeId, TypeId)> = sig
                .tparams
                .iter()
                .copied()
                .zip(bound.iter().copied())
                .filter_map(|(p, b)| b.map(|b| (p, b)))
                .collect();
            let known = self.w.subst(pt, &map);
            if !self.infer_generic_arg(&mut args[i], known, &es, e.pos) {
                return None;
            }
            let at = args[i].typ;
            self.unify(pt, at, &sig.tparams, &mut bound, 0);
            self.core_infer(&sig.tparams, &mut bound);
        }
        if let Some(k) = bound.iter().position(|b| b.is_none()) {
            let es = fun
                .expr
                .map(crate::exprstring::expr_string)
                .unwrap_or_default();
            let name = self.tstr(sig.tparams[k]);
            let decl = match self.w.types.get(sig.tparams[k]) {
                Type::TypeParam(p) => self.obj_position(p.obj),
                _ => String::new(),
            };
            self.error(
                e.pos,
                format!(
                    "in call to {}, cannot infer {} (declared at {})",
                    es, name, decl
                ),
            );
            return None;
        }
        let targs: Vec<TypeId> = bound
            .into_iter()
            .map(|b| b.unwrap_or(TypeId::INVALID))
            .collect();
        // Constraint satisfaction.
        let map: Vec<(TypeId, TypeId)> = sig
            .tparams
            .iter()
            .copied()
            .zip(targs.iter().copied())
            .collect();
        for (tp, ta) in sig.tparams.iter().zip(&targs) {
            let Type::TypeParam(p) = self.w.types.get(*tp).clone() else {
                continue;
            };
            let b = self.w.subst(p.bound, &map);
            if let Some(cause) = self.satisfies(*ta, b) {
                self.error(e.pos, cause.to_string());
                return None;
            }
        }
        // Inferred arguments are placed at the call's `(` (types2's call.Pos()).
        self.mono_record(&sig.tparams, &targs, &[], e.pos);
        let t = self.instantiate_sig(sig, &targs);
        self.record_instance(fun.expr, targs, t);
        if let Some(fe) = fun.expr {
            self.record_type_and_value(fe, Mode::Value, t, None);
        }
        match self.w.types.get(t).clone() {
            Type::Signature(s) => Some(s),
            _ => None,
        }
    }

    /// Is `x` an uninstantiated generic function value?
    pub(crate) fn is_generic_func(&self, x: &Operand<'a>) -> bool {
        x.mode == Mode::Value
            && matches!(self.w.types.get(x.typ), Type::Signature(s) if !s.tparams.is_empty() && s.recv.is_none())
    }

    /// Instantiates generic function argument `x` with the type arguments
    /// inferred from parameter type `pt` (reverse inference); reports
    /// `in call to callee, cannot infer T` (at `at`) if some remain unknown.
    pub(crate) fn infer_generic_arg(
        &mut self,
        x: &mut Operand<'a>,
        pt: TypeId,
        callee: &str,
        at: Pos,
    ) -> bool {
        match self.infer_generic_to(x, pt) {
            GenericFit::Ok => true,
            GenericFit::Mismatch => {
                let (ts, ps) = (self.tstr(x.typ), self.tstr(pt));
                let es = x
                    .expr
                    .map(crate::exprstring::expr_string)
                    .unwrap_or_default();
                self.error(
                    x.pos(),
                    format!(
                        "in call to {}, type {} of {} does not match {}",
                        callee, ts, es, ps
                    ),
                );
                x.mode = Mode::Invalid;
                false
            }
            GenericFit::Uninferred(tp) => {
                let what = self.cannot_infer(tp);
                self.error(at, format!("in call to {}, {}", callee, what));
                x.mode = Mode::Invalid;
                false
            }
            GenericFit::Unsatisfied => {
                x.mode = Mode::Invalid;
                false
            }
        }
    }

    /// A generic function value assigned to a variable, result or element
    /// of function type `t` (Go 1.21): instantiated from `t`.
    pub(crate) fn infer_generic_value(&mut self, x: &mut Operand<'a>, t: TypeId) {
        match self.infer_generic_to(x, t) {
            GenericFit::Ok => {}
            GenericFit::Uninferred(tp) => {
                let what = self.cannot_infer(tp);
                self.error(x.pos(), what);
                x.mode = Mode::Invalid;
            }
            GenericFit::Mismatch => self.non_generic(x),
            GenericFit::Unsatisfied => x.mode = Mode::Invalid,
        }
    }

    /// `cannot infer T (declared at pos)`.
    fn cannot_infer(&mut self, tp: TypeId) -> String {
        let name = self.tstr(tp);
        let decl = match self.w.types.get(tp) {
            Type::TypeParam(p) => self.obj_position(p.obj),
            _ => String::new(),
        };
        format!("cannot infer {} (declared at {})", name, decl)
    }

    /// Infers generic function `x`'s type arguments from function type
    /// `t` and instantiates it (recording the instance).
    fn infer_generic_to(&mut self, x: &mut Operand<'a>, t: TypeId) -> GenericFit {
        let Type::Signature(asig) = self.w.types.get(x.typ).clone() else {
            return GenericFit::Ok;
        };
        let mut bound: Vec<Option<TypeId>> = vec![None; asig.tparams.len()];
        let plain = self.w.types.add(Type::Signature(Signature {
            tparams: Vec::new(),
            ..asig.clone()
        }));
        let target = self.w.core_type(t).unwrap_or(t);
        if matches!(self.w.types.get(target), Type::Signature(_)) {
            if !self.unify(plain, target, &asig.tparams, &mut bound, 0) {
                return GenericFit::Mismatch;
            }
            self.core_infer(&asig.tparams, &mut bound);
        }
        if let Some(k) = bound.iter().position(|b| b.is_none()) {
            return GenericFit::Uninferred(asig.tparams[k]);
        }
        let targs: Vec<TypeId> = bound.into_iter().flatten().collect();
        if !self.verify_at(&asig.tparams, &targs, &[x.pos()]) {
            return GenericFit::Unsatisfied;
        }
        let it = self.instantiate_sig(&asig, &targs);
        self.record_instance(x.expr, targs, it);
        if let Some(xe) = x.expr {
            self.record_type_and_value(xe, Mode::Value, it, None);
        }
        x.typ = it;
        GenericFit::Ok
    }

    fn inferred_string(
        &mut self,
        pt: TypeId,
        tparams: &[TypeId],
        bound: &[Option<TypeId>],
    ) -> String {
        let map: Vec<(TypeId, TypeId)> = tparams
            .iter()
            .copied()
            .zip(bound.iter().copied())
            .filter_map(|(p, b)| b.map(|b| (p, b)))
            .collect();
        let t = self.w.subst(pt, &map);
        let ps = self.tstr(pt);
        let ts = self.tstr(t);
        if ps == ts {
            ps
        } else {
            format!("{} (cannot infer {})", ts, ps)
        }
    }

    /// Unifies parameter type `x` (mentioning `tparams`) with argument type `y`.
    fn unify(
        &self,
        x: TypeId,
        y: TypeId,
        tparams: &[TypeId],
        bound: &mut Vec<Option<TypeId>>,
        d: u32,
    ) -> bool {
        if d > 64 || !self.mentions(x, tparams, 0) {
            return true; // nothing to infer; assignability is checked later
        }
        if let Some(k) = tparams.iter().position(|tp| *tp == x) {
            return match bound[k] {
                Some(b) => {
                    identical(self.w, b, y) || {
                        // Inexact: named vs. its underlying literal.
                        let (bu, yu) = (self.w.types.under(b), self.w.types.under(y));
                        if identical(self.w, bu, yu) {
                            if !matches!(self.w.types.get(b), Type::Named(_))
                                && matches!(self.w.types.get(y), Type::Named(_))
                            {
                                bound[k] = Some(y);
                            }
                            true
                        } else {
                            false
                        }
                    }
                }
                None => {
                    bound[k] = Some(y);
                    true
                }
            };
        }
        // x == y still binds: a recursive call passes the callee's own
        // type parameters (`asType(err, ppe)` with ppe **E).
        let d = d + 1;
        let mut xt = self.w.types.get(x).clone();
        // Inexact unification: a type parameter argument (of the enclosing
        // function) matches a literal parameter type through its core type.
        let y = match (&xt, self.w.types.get(y)) {
            (Type::Named(_) | Type::TypeParam(_), _) => y,
            (_, Type::TypeParam(_)) => self.w.core_type(y).unwrap_or(y),
            _ => y,
        };
        let mut yt = self.w.types.get(y).clone();
        if matches!(xt, Type::Named(_)) && !matches!(yt, Type::Named(_)) {
            xt = self.w.types.get(self.w.types.under(x)).clone();
        }
        if !matches!(xt, Type::Named(_)) {
            if let Type::Named(_) = yt {
                yt = self.w.types.get(self.w.types.under(y)).clone();
            }
        }
        match (xt, yt) {
            (Type::Pointer(a), Type::Pointer(b)) | (Type::Slice(a), Type::Slice(b)) => {
                self.unify(a, b, tparams, bound, d)
            }
            (Type::Array(n, a), Type::Array(m, b)) => n == m && self.unify(a, b, tparams, bound, d),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => {
                self.unify(k1, k2, tparams, bound, d) && self.unify(v1, v2, tparams, bound, d)
            }
            (Type::Chan(_, a), Type::Chan(_, b)) => self.unify(a, b, tparams, bound, d),
            (Type::Signature(a), Type::Signature(b)) => {
                a.params.len() == b.params.len()
                    && a.results.len() == b.results.len()
                    && a.params.iter().zip(&b.params).all(|(p, q)| {
                        self.unify(self.w.obj(*p).typ, self.w.obj(*q).typ, tparams, bound, d)
                    })
                    && a.results.iter().zip(&b.results).all(|(p, q)| {
                        self.unify(self.w.obj(*p).typ, self.w.obj(*q).typ, tparams, bound, d)
                    })
            }
            (Type::Struct(a), Type::Struct(b)) => {
                a.fields.len() == b.fields.len()
                    && a.fields.iter().zip(&b.fields).all(|(p, q)| {
                        self.unify(self.w.obj(*p).typ, self.w.obj(*q).typ, tparams, bound, d)
                    })
            }
            (Type::Named(a), Type::Named(b)) => {
                if a.orig.is_some() && a.orig == b.orig {
                    a.targs
                        .iter()
                        .zip(&b.targs)
                        .all(|(p, q)| self.unify(*p, *q, tparams, bound, d))
                } else {
                    identical(self.w, x, y)
                }
            }
            (Type::Interface(_), _) => true, // assignability is checked later
            _ => identical(self.w, x, y),
        }
    }
}

impl Checker<'_, '_> {
    /// Does `t` mention one of `tparams`?
    fn mentions(&self, t: TypeId, tparams: &[TypeId], d: u32) -> bool {
        if d > 32 {
            return false;
        }
        if tparams.contains(&t) {
            return true;
        }
        let d = d + 1;
        match self.w.types.get(t) {
            Type::Pointer(a) | Type::Slice(a) | Type::Array(_, a) | Type::Chan(_, a) => {
                self.mentions(*a, tparams, d)
            }
            Type::Map(k, v) => self.mentions(*k, tparams, d) || self.mentions(*v, tparams, d),
            Type::Signature(s) => s
                .params
                .iter()
                .chain(&s.results)
                .any(|p| self.mentions(self.w.obj(*p).typ, tparams, d)),
            Type::Struct(s) => s
                .fields
                .iter()
                .any(|f| self.mentions(self.w.obj(*f).typ, tparams, d)),
            Type::Tuple(vs) => vs
                .iter()
                .any(|v| self.mentions(self.w.obj(*v).typ, tparams, d)),
            Type::Named(n) => n.targs.iter().any(|a| self.mentions(*a, tparams, d)),
            Type::Interface(i) => i
                .methods
                .iter()
                .any(|m| self.mentions(self.w.obj(*m).typ, tparams, d)),
            _ => false,
        }
    }
}

/// How a generic function value fits a function type.
enum GenericFit {
    Ok,
    /// The signatures do not unify.
    Mismatch,
    /// This type parameter is left unknown.
    Uninferred(TypeId),
    /// A type argument does not satisfy its constraint (reported).
    Unsatisfied,
}
