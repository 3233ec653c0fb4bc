//! Declarations: package-level objects on demand (with cycle detection by
//! colouring), constants with iota, variables, named and alias types with
//! the `invalid recursive type` check, functions and methods; and local
//! declarations inside function bodies.

use super::*;

impl<'a, 'w> Checker<'a, 'w> {
    /// Ensures package-level object `o` is declared (its type known).
    pub(crate) fn obj_decl(&mut self, o: ObjId) {
        match self.color.get(&o).copied().unwrap_or(Color::White) {
            Color::Black => return,
            Color::Grey => {
                // Cycles of values only are reported by initorder, of
                // types only by validType; a cycle mixing them here.
                self.valid_cycle(o);
                return;
            }
            Color::White => {}
        }
        let Some(d) = self.decls.get(&o).copied() else {
            return;
        };
        self.color.insert(o, Color::Grey);
        self.obj_path.push(o);
        let saved = (
            self.file,
            self.scope,
            self.iota.take(),
            std::mem::take(&mut self.fctx),
            self.cur_decl,
        );
        self.file = d.file();
        self.scope = self.file_scopes[d.file() as usize];
        match d {
            DeclInfo::Const {
                typ,
                init,
                iota,
                inherited,
                ..
            } => {
                self.cur_decl = Some(o);
                self.const_decl(o, typ, init, iota, inherited);
            }
            DeclInfo::Var { typ, init, lhs, .. } => {
                self.cur_decl = Some(o);
                self.var_decl(o, typ, init, lhs);
            }
            DeclInfo::Type { spec, .. } => {
                self.cur_decl = None;
                self.type_decl(o, spec);
            }
            DeclInfo::Func { decl, .. } => {
                self.cur_decl = Some(o);
                self.func_decl(o, decl);
            }
        }
        (self.file, self.scope, self.iota, self.fctx, self.cur_decl) = saved;
        self.obj_path.pop();
        self.color.insert(o, Color::Black);
    }

    /// [`World::missing_method`] after declaring the methods `v` may
    /// reach (types2 type-checks a method's signature when a lookup finds
    /// it, so its errors come first).
    pub(crate) fn missing_method(&mut self, v: TypeId, iface: TypeId) -> Option<String> {
        self.declare_methods_of(v, 0);
        self.w.missing_method(v, iface, Some(self.pkg))
    }

    /// Declares the not yet declared methods of `t`'s named base type and,
    /// through embedded struct fields, of the types it embeds.
    pub(crate) fn declare_methods_of(&mut self, t: TypeId, depth: u32) {
        if depth > 8 {
            return;
        }
        let (base, _) = self.w.deref(t);
        let base = match self.w.types.get(base) {
            Type::Named(n) => n.orig.unwrap_or(base),
            _ => base,
        };
        let ms: Vec<ObjId> = self.w.named_methods(base).to_vec();
        for m in ms {
            if self.w.obj(m).typ == TypeId::INVALID {
                self.obj_decl(m);
            }
        }
        let embedded: Vec<TypeId> = match self.w.types.get(self.w.types.under(base)) {
            Type::Struct(s) => s
                .fields
                .iter()
                .filter(|f| crate::lookup::is_embedded(self.w.obj(**f)))
                .map(|f| self.w.obj(*f).typ)
                .collect(),
            _ => Vec::new(),
        };
        for e in embedded {
            self.declare_methods_of(e, depth + 1);
        }
    }

    pub(crate) fn add_dep(&mut self, o: ObjId) {
        if let Some(d) = self.cur_decl {
            if self.decls.contains_key(&o) && !matches!(self.w.obj(o).kind, ObjKind::TypeName) {
                let v = self.deps.entry(d).or_default();
                if !v.contains(&o) {
                    v.push(o);
                }
            }
        }
    }

    // -----------------------------------------------------------------------
    // Constants.

    pub(crate) fn const_decl(
        &mut self,
        o: ObjId,
        typ: Option<&'a Expr>,
        init: Option<&'a Expr>,
        iota: u32,
        inherited: bool,
    ) {
        let outer_iota = self.iota.replace(Value::from_i64(iota as i64));
        let t = match typ {
            Some(te) => {
                let t = self.type_expr(te);
                if self.w.types.is_valid(t) && !self.w.types.is_const_type(t) {
                    self.error(
                        te.start(),
                        format!("invalid constant type {}", self.tstr(t)),
                    );
                    self.w.obj_mut(o).typ = TypeId::INVALID;
                    self.iota = outer_iota;
                    return;
                }
                Some(t)
            }
            None => None,
        };
        let saved_pos = self.err_pos;
        if inherited {
            self.err_pos = Some(self.w.obj(o).pos);
        }
        let mut x = match init {
            Some(e) => self.expr(e),
            None => Operand::invalid(),
        };
        if !x.is_invalid() && x.mode != Mode::Constant {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("{} is not constant", s));
            x.mode = Mode::Invalid;
        }
        if let Some(t) = t {
            if !x.is_invalid() {
                self.assignment(&mut x, Some(t), "constant declaration");
            }
        }
        let (typ, val) = if x.is_invalid() {
            (t.unwrap_or(TypeId::INVALID), Value::unknown())
        } else {
            (x.typ, x.val.clone().unwrap_or_else(Value::unknown))
        };
        self.err_pos = saved_pos;
        let ob = self.w.obj_mut(o);
        ob.typ = typ;
        ob.kind = ObjKind::Const(val);
        self.iota = outer_iota;
    }

    // -----------------------------------------------------------------------
    // Variables.

    fn var_decl(
        &mut self,
        o: ObjId,
        typ: Option<&'a Expr>,
        init: Option<&'a Expr>,
        lhs: Option<&'a [ast::Ident]>,
    ) {
        let t = typ.map(|te| self.var_type(te));
        if let Some(t) = t {
            self.w.obj_mut(o).typ = t;
            if lhs.is_some() {
                // All variables of `var a, b T = f()` get T.
                for n in lhs.unwrap_or(&[]) {
                    if let Some(v) = self.w.lookup_local(self.w.pkg(self.pkg).scope, &n.name) {
                        self.w.obj_mut(v).typ = t;
                    }
                }
            }
        }
        let Some(init) = init else {
            if t.is_none() {
                self.w.obj_mut(o).typ = TypeId::INVALID;
            }
            return;
        };
        match lhs {
            None => {
                let mut x = self.expr_to(init, t);
                self.init_var(o, &mut x, "variable declaration");
            }
            Some(names) => {
                // n:1: check once, assign to all.
                let pkg_scope = self.w.pkg(self.pkg).scope;
                let objs: Vec<ObjId> = names
                    .iter()
                    .filter_map(|n| {
                        if n.name == "_" {
                            None
                        } else {
                            self.w.lookup_local(pkg_scope, &n.name)
                        }
                    })
                    .collect();
                let all: Vec<Option<ObjId>> = names
                    .iter()
                    .map(|n| {
                        if n.name == "_" {
                            None
                        } else {
                            self.w.lookup_local(pkg_scope, &n.name)
                        }
                    })
                    .collect();
                self.init_vars_n1(&all, init);
                let deps = self.deps.get(&o).cloned().unwrap_or_default();
                for v in objs {
                    if v != o {
                        self.color.insert(v, Color::Black);
                        self.deps.insert(v, deps.clone());
                    }
                }
            }
        }
    }

    /// Initializes variable `v` from `x` (types2 initVar).
    pub(crate) fn init_var(&mut self, v: ObjId, x: &mut Operand<'a>, context: &str) {
        if x.is_invalid() || !self.w.types.is_valid(x.typ) {
            if self.w.obj(v).typ == TypeId::INVALID {
                self.w.obj_mut(v).typ = TypeId::INVALID;
            }
            return;
        }
        if self.w.obj(v).typ == TypeId::INVALID {
            let mut t = x.typ;
            if self.w.types.is_untyped(t) {
                if t == TypeId::UNTYPED_NIL {
                    let s = format!("use of untyped nil in {}", context);
                    self.error(x.pos(), s);
                    return;
                }
                t = self.w.types.default_type(t);
            }
            self.w.obj_mut(v).typ = t;
        }
        let t = self.w.obj(v).typ;
        self.assignment(x, Some(t), context);
    }

    // -----------------------------------------------------------------------
    // Types.

    fn type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        // types2 reports the newest version a declaration needs first.
        let tparam0 = spec
            .tparams
            .as_ref()
            .and_then(super::resolver::first_field_pos);
        match (spec.alias.is_some(), tparam0) {
            (true, Some(p)) => {
                self.verify_version(p, 23, |_| "generic type alias".into());
            }
            (true, None) => {
                self.verify_version(spec.name.pos, 9, |_| "type alias".into());
            }
            (false, Some(p)) => {
                self.verify_version(p, 18, |_| "type parameter".into());
            }
            (false, None) => {}
        }
        if spec.alias.is_some() {
            self.alias_decl(o, spec);
            return;
        }
        let named = self.w.types.add(Type::Named(Named {
            obj: o,
            underlying: TypeId::INVALID,
            methods: Vec::new(),
            tparams: Vec::new(),
            targs: Vec::new(),
            orig: None,
        }));
        self.w.obj_mut(o).typ = named;
        // `type A = T` in progress with T this type: A denotes it from now.
        for &(_, alias) in self.alias_targets.iter().filter(|a| a.0 == o) {
            self.w.types.set_alias_rhs(alias, named, Vec::new());
        }
        self.typedefs_in_progress += 1;
        self.defined_type_decl(named, spec);
        self.typedefs_in_progress -= 1;
        self.valid_type_check(named);
        // Methods are checked after the type is complete.
        let ms = self.methods.get(&o).cloned().unwrap_or_default();
        for m in &ms {
            self.collect_method(named, *m);
        }
        let insts = std::mem::take(&mut self.w.pending_instances);
        for i in insts {
            self.w.expand_instance(i);
        }
    }

    /// The type parameters and underlying type of a defined type.
    fn defined_type_decl(&mut self, named: TypeId, spec: &'a ast::TypeSpec) {
        if let Some(tps) = &spec.tparams {
            let outer = self.scope;
            self.open_scope(tps.opening, spec.typ.pos);
            let tparams = self.collect_tparams_of(tps, Some(named));
            if let Type::Named(n) = self.w.types.get_mut(named) {
                n.tparams = tparams;
            }
            let u = self.defined_type(&spec.typ, named);
            self.set_underlying(named, u);
            self.scope = outer;
        } else {
            let u = self.defined_type(&spec.typ, named);
            self.set_underlying(named, u);
        }
    }

    /// `type A = T` and `type A[P any] = T`: a materialized alias
    /// (types2's *Alias), named in messages, transparent otherwise.
    fn alias_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        // The alias exists (with no right-hand side yet) while its
        // declaration is in progress: a use through a type definition
        // (`type A = s; type s struct{ p *A }`) refers to it.
        let placeholder = self.w.types.add(Type::Alias(AliasType {
            obj: o,
            rhs: TypeId::INVALID,
            tparams: Vec::new(),
            targs: Vec::new(),
        }));
        self.w.obj_mut(o).typ = TypeId::INVALID;
        let generic = spec.tparams.is_some();
        self.aliases_in_progress
            .push((o, self.typedefs_in_progress, placeholder, generic));
        if !generic {
            if let rgo_syntax::ast::ExprKind::Name(n) = &spec.typ.unparen().kind {
                if let Some((_, target)) = self.w.lookup_parent(self.scope, n) {
                    if matches!(self.w.obj(target).kind, ObjKind::TypeName)
                        && !self.w.obj(target).alias
                    {
                        self.alias_targets.push((target, placeholder));
                    }
                }
            }
        }
        let outer = self.scope;
        let mut tparams = Vec::new();
        if let Some(tps) = &spec.tparams {
            self.open_scope(tps.opening, spec.typ.pos);
            tparams = self.collect_tparams(tps);
        }
        let t = self.type_expr(&spec.typ);
        self.scope = outer;
        self.aliases_in_progress.retain(|a| a.0 != o);
        self.alias_targets.retain(|a| a.1 != placeholder);
        let t = if self.w.types.is_valid(t) {
            self.w.types.set_alias_rhs(placeholder, t, tparams);
            placeholder
        } else {
            t
        };
        self.w.obj_mut(o).typ = t;
    }

    /// The underlying of a type declaration's right-hand side.
    fn defined_type(&mut self, e: &'a Expr, named: TypeId) -> TypeId {
        let t = self.type_expr(e);
        if t != named {
            self.named_rhs.insert(named, t);
        }
        let mut u = self.w.types.under(t);
        if self.w.types.is_type_param(t) {
            self.error(
                e.start(),
                "cannot use a type parameter as RHS in type declaration",
            );
            u = TypeId::INVALID;
        }
        if t == named {
            let o = match self.w.types.get(named) {
                Type::Named(n) => n.obj,
                _ => return TypeId::INVALID,
            };
            let name = self.w.obj(o).name.clone();
            self.error_at_obj(
                o,
                format!("invalid recursive type: {} refers to itself", name),
            );
            u = TypeId::INVALID;
        }
        // `type T2 T1` while T1 is still being declared: T2's underlying is
        // set when T1's is (see set_underlying).
        if u == TypeId::INVALID && t != named {
            if let Type::Named(_) = self.w.types.get(t) {
                self.pending_under.push((named, t));
            }
        }
        u
    }

    pub(crate) fn set_underlying(&mut self, named: TypeId, u: TypeId) {
        if let Type::Named(n) = self.w.types.get_mut(named) {
            n.underlying = u;
        }
        // Interfaces that embed a type resolved just now.
        if !self.incomplete_ifaces.is_empty() {
            let list = std::mem::take(&mut self.incomplete_ifaces);
            for id in list {
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
            }
        }
        // Named types declared as this (then unresolved) named type.
        let mut resolved = vec![named];
        while let Some(src) = resolved.pop() {
            let su = self.w.types.under(src);
            if su == TypeId::INVALID {
                continue;
            }
            let (now, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending_under)
                .into_iter()
                .partition(|(_, s)| *s == src);
            self.pending_under = later;
            for (n, _) in now {
                if let Type::Named(nn) = self.w.types.get_mut(n) {
                    nn.underlying = su;
                }
                resolved.push(n);
            }
        }
    }

    /// Reports `invalid recursive type` for a named type that contains
    /// itself by value (through struct fields or array elements).
    fn valid_type_check(&mut self, named: TypeId) {
        let mut path = vec![named];
        let rhs = self
            .named_rhs
            .get(&named)
            .copied()
            .unwrap_or(self.w.types.under(named));
        if let Some(cycle) = self.find_value_cycle(rhs, &mut path, 0) {
            self.report_generic_cycle(&cycle);
            for &t in &cycle {
                if let Type::Named(n) = self.w.types.get_mut(t) {
                    n.underlying = TypeId::INVALID;
                }
            }
            // Interfaces on the way that embed a type of the cycle had
            // their type sets computed with it valid: compute them again.
            for t in cycle {
                if let Some(r) = self.named_rhs.get(&t).copied() {
                    self.reset_type_sets(r, 0);
                }
            }
        }
    }

    /// Forgets the computed type sets of the interfaces inside `t`
    /// (through arrays, struct fields and embedded elements).
    fn reset_type_sets(&mut self, t: TypeId, depth: u32) {
        if depth > 64 {
            return;
        }
        match self.w.types.get(t).clone() {
            Type::Array(_, e) => self.reset_type_sets(e, depth + 1),
            Type::Struct(s) => {
                for f in s.fields {
                    let ft = self.w.obj(f).typ;
                    self.reset_type_sets(ft, depth + 1);
                }
            }
            Type::Interface(i) => {
                if let Type::Interface(i) = self.w.types.get_mut(t) {
                    i.tset = None;
                }
                for e in i.embeddeds {
                    if !matches!(self.w.types.get(e), Type::Named(_)) {
                        self.reset_type_sets(e, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    fn find_value_cycle(
        &self,
        t: TypeId,
        path: &mut Vec<TypeId>,
        depth: u32,
    ) -> Option<Vec<TypeId>> {
        if depth > 64 {
            return None;
        }
        match self.w.types.get(t) {
            Type::Named(n) => {
                if let Some(i) = path.iter().position(|p| *p == t) {
                    return Some(path[i..].to_vec());
                }
                // An instance of a generic type being walked embeds that
                // type in itself, however it is instantiated.
                if let Some(o) = n.orig {
                    if let Some(i) = path.iter().position(|p| *p == o) {
                        let mut c = path[i..].to_vec();
                        if c.len() == 1 {
                            c.push(t);
                        }
                        return Some(c);
                    }
                    let rhs = self.named_rhs.get(&o).copied();
                    if self.w.obj(n.obj).pkg != Some(self.pkg) {
                        return None;
                    }
                    path.push(o);
                    let r = rhs.and_then(|u| self.find_value_cycle(u, path, depth + 1));
                    path.pop();
                    if r.is_some() {
                        return r;
                    }
                }
                if n.obj != ObjId(u32::MAX) && self.w.obj(n.obj).pkg != Some(self.pkg) {
                    return None;
                }
                path.push(t);
                // Walk the declared right-hand side, as types2's validType
                // does, so a cycle's path names every type on the way.
                let u = self.named_rhs.get(&t).copied().unwrap_or(n.underlying);
                let r = self.find_value_cycle(u, path, depth + 1);
                path.pop();
                r
            }
            Type::Array(_, e) => self.find_value_cycle(*e, path, depth + 1),
            Type::Struct(s) => {
                for f in s.fields.clone() {
                    if let Some(c) = self.find_value_cycle(self.w.obj(f).typ, path, depth + 1) {
                        return Some(c);
                    }
                }
                None
            }
            // A type embedded in an interface is part of its type set: as
            // types2's validType, `type S struct{ x interface{ S } }` is a
            // cycle. (Interfaces embedding interfaces are
            // [`Checker::check_interface_cycles`]'s.)
            Type::Interface(i) => {
                for e in i.embeddeds.clone() {
                    if self.w.types.is_interface(e) {
                        continue;
                    }
                    if let Some(c) = self.find_value_cycle(e, path, depth + 1) {
                        return Some(c);
                    }
                }
                None
            }
            Type::Union(terms) => {
                for t in terms.clone() {
                    if let Some(c) = self.find_value_cycle(t.typ, path, depth + 1) {
                        return Some(c);
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// Interfaces embedding themselves (directly or through other named
    /// interfaces) are invalid recursive types; a reference from a method
    /// signature is not. Checked once all type declarations are done.
    pub(crate) fn check_interface_cycles(&mut self) {
        let named: Vec<ObjId> = self
            .pkg_objs
            .iter()
            .copied()
            .filter(|o| matches!(self.w.obj(*o).kind, ObjKind::TypeName) && !self.w.obj(*o).alias)
            .collect();
        let mut reported: Vec<ObjId> = Vec::new();
        for o in named {
            if reported.contains(&o) {
                continue;
            }
            let t = self.w.obj(o).typ;
            let mut path = vec![o];
            if let Some(cycle) = self.embed_cycle(t, o, &mut path, 0) {
                reported.extend(cycle.iter().copied());
                self.report_obj_cycle(&cycle);
                // The reported type becomes invalid: no follow-up errors.
                for c in &cycle {
                    let ct = self.w.obj(*c).typ;
                    if let Type::Named(n) = self.w.types.get_mut(ct) {
                        n.underlying = TypeId::INVALID;
                    }
                }
            }
        }
    }

    fn embed_cycle(
        &self,
        t: TypeId,
        start: ObjId,
        path: &mut Vec<ObjId>,
        d: u32,
    ) -> Option<Vec<ObjId>> {
        if d > 64 {
            return None;
        }
        let Type::Named(n) = self.w.types.get(t) else {
            return None;
        };
        self.embed_cycle_in(n.underlying, start, path, d)
    }

    /// [`embed_cycle`] over the embedded elements of interface `it`; an
    /// unnamed embedded interface (written through an alias) is walked
    /// in place.
    fn embed_cycle_in(
        &self,
        it: TypeId,
        start: ObjId,
        path: &mut Vec<ObjId>,
        d: u32,
    ) -> Option<Vec<ObjId>> {
        if d > 64 {
            return None;
        }
        let Type::Interface(i) = self.w.types.get(it) else {
            return None;
        };
        for &e in &i.embeddeds {
            let en = match self.w.types.get(e) {
                Type::Named(en) => en,
                Type::Interface(_) => {
                    let inner = self.w.types.unalias(e);
                    if let Some(c) = self.embed_cycle_in(inner, start, path, d + 1) {
                        return Some(c);
                    }
                    continue;
                }
                _ => continue,
            };
            let eo = en.obj;
            if eo == start {
                return Some(path.clone());
            }
            if path.contains(&eo) || self.w.obj(eo).pkg != Some(self.pkg) {
                continue;
            }
            path.push(eo);
            if let Some(c) = self.embed_cycle(e, start, path, d + 1) {
                return Some(c);
            }
            path.pop();
        }
        None
    }

    /// types2's validCycle for `o`, met again while it is being declared:
    /// a cycle through both values (constants, variables) and types is
    /// reported (`invalid recursive type T` with its `refers to` chain)
    /// and the object made invalid. Cycles of values only (initialization
    /// cycles), of types with a type definition, and through generic types
    /// are valid here; those of aliases only are reported where the alias
    /// is resolved.
    fn valid_cycle(&mut self, o: ObjId) {
        let Some(i) = self.obj_path.iter().position(|&p| p == o) else {
            return;
        };
        let cycle = self.obj_path[i..].to_vec();
        let mut nval = 0;
        for &c in &cycle {
            let obj = self.w.obj(c);
            match obj.kind {
                ObjKind::Const(_) | ObjKind::Var(_) => nval += 1,
                ObjKind::TypeName if self.is_generic(obj.typ) => return,
                _ => {}
            }
        }
        if nval == 0 || nval == cycle.len() {
            return;
        }
        self.report_decl_cycle(&cycle);
        if matches!(
            self.w.obj(o).kind,
            ObjKind::Const(_) | ObjKind::Var(_) | ObjKind::TypeName
        ) {
            self.w.obj_mut(o).typ = TypeId::INVALID;
        }
    }

    /// types2's isComplete: a value of a type whose declaration is still
    /// in progress (its name on the object path, directly or through
    /// aliases) cannot be made, converted, indexed or selected from (its
    /// underlying type is not known yet): the cycle is reported, and
    /// `false` returned.
    pub(crate) fn is_complete(&mut self, t: TypeId) -> bool {
        let mut t = t;
        for _ in 0..64 {
            let (obj, next) = match self.w.types.get_raw(t) {
                Type::Named(n) => (n.obj, None),
                Type::Alias(a) => (a.obj, Some(a.rhs)),
                _ => return true,
            };
            if let Some(i) = self.obj_path.iter().position(|&o| o == obj) {
                let cycle = self.obj_path[i..].to_vec();
                self.report_decl_cycle(&cycle);
                return false;
            }
            match next {
                Some(rhs) => t = rhs,
                None => return true,
            }
        }
        true
    }

    /// Whether the size of `t` is not a constant (types2's hasVarSize): it
    /// depends on a type parameter (a type parameter, or an array or
    /// struct containing one), or on a type still being declared, whose
    /// cycle is then reported.
    pub(crate) fn has_var_size(&mut self, t: TypeId) -> bool {
        self.var_size_walk(t, &mut Vec::new(), &mut Vec::new())
    }

    fn var_size_walk(
        &mut self,
        t: TypeId,
        seen: &mut Vec<TypeId>,
        walked: &mut Vec<ObjId>,
    ) -> bool {
        match self.w.types.get(t) {
            Type::TypeParam(_) => return true,
            Type::Named(n) => {
                let obj = n.obj;
                if let Some(i) = self.obj_path.iter().position(|&o| o == obj) {
                    let mut cycle = self.obj_path[i..].to_vec();
                    cycle.extend_from_slice(walked);
                    self.report_decl_cycle(&cycle);
                    return true;
                }
                if seen.contains(&t) || walked.contains(&obj) {
                    return false;
                }
                seen.push(t);
                walked.push(obj);
                let u = self.w.types.under(t);
                let r = self.var_size_walk(u, seen, walked);
                walked.pop();
                return r;
            }
            _ => {}
        }
        match self.w.types.get(self.w.types.under(t)).clone() {
            Type::Array(_, e) => self.var_size_walk(e, seen, walked),
            Type::Struct(s) => s.fields.iter().any(|f| {
                let ft = self.w.obj(*f).typ;
                self.var_size_walk(ft, seen, walked)
            }),
            _ => false,
        }
    }

    /// types2's cycleError for a cycle of any objects, starting at the one
    /// declared first in the source: `invalid recursive type T` (or
    /// `invalid cycle in declaration of x`) and the `refers to` chain.
    fn report_decl_cycle(&mut self, cycle: &[ObjId]) {
        let Some(start) = (0..cycle.len()).min_by_key(|&i| {
            let o = self.w.obj(cycle[i]);
            (o.file, o.pos)
        }) else {
            return;
        };
        let first = cycle[start];
        let is_type = matches!(self.w.obj(first).kind, ObjKind::TypeName);
        let name = self.w.obj(first).name.clone();
        if cycle.len() == 1 {
            let msg = if is_type {
                format!("invalid recursive type: {name} refers to itself")
            } else {
                format!("invalid cycle in declaration: {name} refers to itself")
            };
            self.error_at_obj(first, msg);
            return;
        }
        let mut msg = if is_type {
            format!("invalid recursive type {name}")
        } else {
            format!("invalid cycle in declaration of {name}")
        };
        let rotated: Vec<ObjId> = cycle[start..]
            .iter()
            .chain(&cycle[..start])
            .copied()
            .collect();
        msg.push_str(&self.obj_chain(&rotated));
        self.error_at_obj(first, msg);
    }

    /// The `refers to` lines of a cycle error for the objects of `cycle`,
    /// each referring to the next and the last to the first.
    pub(crate) fn obj_chain(&self, cycle: &[ObjId]) -> String {
        let items: Vec<(String, String)> = cycle
            .iter()
            .map(|&o| (self.w.obj(o).name.to_string(), self.obj_position(o)))
            .collect();
        refers_to_chain(&items)
    }

    /// Reports a declaration cycle through the objects `objs` (types2's
    /// cycleError): `invalid recursive type T` and the `refers to` chain.
    pub(crate) fn report_obj_cycle(&mut self, objs: &[ObjId]) {
        let Some(&first) = objs.first() else { return };
        let name = self.w.obj(first).name.clone();
        if objs.len() == 1 {
            self.error_at_obj(
                first,
                format!("invalid recursive type: {} refers to itself", name),
            );
            return;
        }
        let mut msg = format!("invalid recursive type {}", name);
        msg.push_str(&self.obj_chain(objs));
        self.error_at_obj(first, msg);
    }

    /// [`report_type_cycle`]; a generic type embedding its own instance
    /// (`[origin, instance]`) is reported at the instance, named with its
    /// type arguments (types2 reports the instance's object).
    fn report_generic_cycle(&mut self, cycle: &[TypeId]) {
        if let [orig, inst] = cycle {
            let is_inst =
                matches!(self.w.types.get(*inst), Type::Named(n) if n.orig == Some(*orig));
            if is_inst {
                if let Some(&(file, pos)) = self.instance_pos.get(inst) {
                    let name = self.tstr(*inst);
                    let saved = self.file;
                    self.file = file;
                    self.error(
                        pos,
                        format!("invalid recursive type: {} refers to itself", name),
                    );
                    self.file = saved;
                } else {
                    self.report_type_cycle(&[*orig]);
                }
                return;
            }
        }
        self.report_type_cycle(cycle);
    }

    fn report_type_cycle(&mut self, cycle: &[TypeId]) {
        // (name, position) of each type: an instance is named with its
        // type arguments at the place it was written.
        let mut items: Vec<(String, String)> = Vec::new();
        for &t in cycle {
            let Type::Named(n) = self.w.types.get(t).clone() else {
                continue;
            };
            match (n.orig, self.instance_pos.get(&t).copied()) {
                (Some(_), Some((file, pos))) => {
                    let at = self
                        .sources
                        .get(file as usize)
                        .map(|s| s.message_position(pos))
                        .unwrap_or_else(|| "?".into());
                    items.push((self.tstr(t), at));
                }
                _ => items.push((self.w.obj(n.obj).name.to_string(), self.obj_position(n.obj))),
            }
        }
        let Some(Type::Named(first)) = cycle.first().map(|t| self.w.types.get(*t).clone()) else {
            return;
        };
        let first = first.obj;
        if items.len() == 1 {
            let msg = format!("invalid recursive type: {} refers to itself", items[0].0);
            self.error_at_obj(first, msg);
            return;
        }
        let mut msg = format!("invalid recursive type {}", items[0].0);
        msg.push_str(&refers_to_chain(&items));
        self.error_at_obj(first, msg);
    }

    /// Adds method `m` to named type `named`, reporting duplicates and
    /// field/method name clashes.
    fn collect_method(&mut self, named: TypeId, m: ObjId) {
        let name = self.w.obj(m).name.clone();
        if name == "_" {
            return;
        }
        let existing = self
            .w
            .named_methods(named)
            .iter()
            .copied()
            .find(|x| self.w.obj(*x).name == name);
        if let Some(old) = existing {
            let base = self
                .w
                .obj(match self.w.types.get(named) {
                    Type::Named(n) => n.obj,
                    _ => return,
                })
                .name
                .clone();
            let other = self.obj_position(old);
            let pos = self.w.obj(m).pos;
            let f = self.w.obj(m).file;
            self.errors.push(TypeError {
                file: f,
                pos,
                msg: format!("method {}.{} already declared at {}", base, name, other),
                soft: false,
            });
            return;
        }
        // A field of the same name?
        if let Type::Struct(s) = self.w.types.get(self.w.types.under(named)) {
            if let Some(&fld) = s.fields.iter().find(|f| self.w.obj(**f).name == name) {
                let pos = self.w.obj(m).pos;
                let f = self.w.obj(m).file;
                let other = self.obj_position(fld);
                self.errors.push(TypeError {
                    file: f,
                    pos,
                    msg: format!(
                        "field and method with the same name {}\n\t{}: other declaration of {}",
                        name, other, name
                    ),
                    soft: false,
                });
            }
        }
        if let Type::Named(n) = self.w.types.get_mut(named) {
            n.methods.push(m);
        }
    }

    // -----------------------------------------------------------------------
    // Functions.

    fn func_decl(&mut self, o: ObjId, decl: &'a ast::FuncDecl) {
        let outer = self.scope;
        let fscope = self.w.new_scope(
            Some(outer),
            decl.typ.pos,
            decl.body.as_ref().map(|b| b.rbrace).unwrap_or(decl.typ.pos),
        );
        self.w.scopes[fscope.0 as usize].is_func = true;
        self.record_scope(decl.typ.pos, fscope);
        self.scope = fscope;
        let (sig, ptr_recv) = self.func_type(decl.recv.as_ref(), &decl.typ);
        self.scope = outer;
        let ob = self.w.obj_mut(o);
        ob.typ = sig;
        if let ObjKind::Func(fi) = &mut ob.kind {
            fi.ptr_recv = ptr_recv;
        }
        if let Some(body) = &decl.body {
            self.delayed.push(Delayed {
                file: self.file,
                decl: Some(o),
                sig,
                body,
                scope: fscope,
                iota: None,
            });
        } else if decl.typ.tparams.is_some() {
            // types2 refuses a bodiless generic function (no assembly
            // can implement it); other bodiless functions are gc's
            // backend's concern (see [`missing_bodies`]).
            self.soft_error(decl.name.pos, "generic function is missing function body");
        }
    }

    /// Validates a method receiver type: a defined type of this package,
    /// not a pointer or interface.
    pub(crate) fn check_receiver(&mut self, e: &'a Expr, t: TypeId) {
        let (base, _) = match self.w.types.get(t) {
            Type::Pointer(b) => (*b, true),
            _ => (t, false),
        };
        if !self.w.types.is_valid(base) {
            return;
        }
        let ok = match self.w.types.get(base) {
            Type::Named(n) => {
                let o = n.obj;
                if self.w.obj(o).pkg != Some(self.pkg) {
                    let s = self.tstr(base);
                    self.error(
                        e.start(),
                        format!("cannot define new methods on non-local type {}", s),
                    );
                    return;
                }
                !matches!(
                    self.w.types.get(n.underlying),
                    Type::Pointer(_) | Type::Interface(_)
                )
            }
            Type::Basic(_) => {
                let s = self.tstr(base);
                self.error(
                    e.start(),
                    format!("cannot define new methods on non-local type {}", s),
                );
                return;
            }
            _ => false,
        };
        if !ok {
            let s = self.tstr(base);
            if matches!(self.w.types.get(base), Type::Named(_)) {
                self.error(
                    e.start(),
                    format!("invalid receiver type {} (pointer or interface type)", s),
                );
            } else {
                let ts = self.tstr(t);
                self.error(e.start(), format!("invalid receiver type {}", ts));
            }
        }
    }

    // -----------------------------------------------------------------------
    // Local declarations (inside function bodies).

    pub(crate) fn decl_stmt(&mut self, g: &'a ast::GenDecl) {
        let mut last: Option<&'a ast::ValueSpec> = None;
        for spec in &g.specs {
            match spec {
                ast::Spec::Value(v) if g.kind == ast::DeclKind::Const => {
                    let inherited = v.values.is_empty() && v.typ.is_none();
                    if !inherited {
                        last = Some(v);
                    }
                    let src = if inherited { last } else { Some(v) };
                    let mut objs = Vec::new();
                    for (i, n) in v.names.iter().enumerate() {
                        let o = self.new_obj(
                            &n.name,
                            ObjKind::Const(Value::unknown()),
                            TypeId::INVALID,
                            n.pos,
                        );
                        let typ = src.and_then(|s| s.typ.as_ref());
                        let init = src.and_then(|s| s.values.get(i));
                        let saved = self.cur_decl.take();
                        self.const_decl(o, typ, init, v.iota, inherited);
                        self.cur_decl = saved;
                        objs.push(o);
                    }
                    let nv = src.map(|s| s.values.len()).unwrap_or(0);
                    self.const_arity(v, nv, inherited);
                    self.process_delayed_from(self.stmt_top);
                    let scope = self.scope;
                    for (n, o) in v.names.iter().zip(objs) {
                        self.declare(scope, Some(n), o);
                    }
                }
                ast::Spec::Value(v) => self.local_var_spec(v),
                ast::Spec::Type(t) => {
                    let o =
                        self.new_obj(&t.name.name, ObjKind::TypeName, TypeId::INVALID, t.name.pos);
                    self.w.obj_mut(o).alias = t.alias.is_some();
                    let scope = self.scope;
                    self.declare(scope, Some(&t.name), o);
                    self.type_decl(o, t);
                }
                ast::Spec::Import(_) => {}
            }
        }
    }

    fn local_var_spec(&mut self, v: &'a ast::ValueSpec) {
        let objs: Vec<ObjId> = v
            .names
            .iter()
            .map(|n| self.new_var(&n.name, TypeId::INVALID, n.pos))
            .collect();
        if let Some(te) = &v.typ {
            let t = self.var_type(te);
            for &o in &objs {
                self.w.obj_mut(o).typ = t;
            }
        }
        if v.values.is_empty() {
            if v.typ.is_none() {
                // parser reports it
            }
        } else if v.values.len() == 1 && objs.len() > 1 {
            let all: Vec<Option<ObjId>> = objs.iter().map(|o| Some(*o)).collect();
            self.init_vars_n1(&all, &v.values[0]);
        } else if v.values.len() != objs.len() {
            for e in &v.values {
                self.expr(e);
            }
            self.var_arity(v);
        } else {
            for (o, e) in objs.iter().zip(&v.values) {
                let hint = v.typ.as_ref().map(|_| self.w.obj(*o).typ);
                let mut x = self.expr_to(e, hint);
                self.init_var(*o, &mut x, "variable declaration");
            }
        }
        self.process_delayed_from(self.stmt_top);
        let scope = self.scope;
        for (n, o) in v.names.iter().zip(&objs) {
            let before = self.errors.len();
            self.declare(scope, Some(n), *o);
            if self.errors.len() == before {
                self.fctx.vars.push(*o);
            }
        }
    }

    /// `var a, b = f()` / `a, b := f()` / `v, ok = m[k]`.
    /// `missing init expr for x` / `extra init expr e` (types2 arity).
    pub(crate) fn var_arity(&mut self, v: &ast::ValueSpec) {
        let (l, r) = (v.names.len(), v.values.len());
        if l < r {
            let e = &v.values[l];
            let es = crate::exprstring::expr_string(e);
            self.error(e.start(), format!("extra init expr {}", es));
        } else if l > r && r != 1 {
            let n = &v.names[r];
            self.error(n.pos, format!("missing init expr for {}", n.name));
        }
    }

    pub(crate) fn init_vars_n1(&mut self, objs: &[Option<ObjId>], e: &'a Expr) {
        let x = self.multi_expr(e, objs.len() == 2);
        if x.is_empty() {
            for o in objs.iter().flatten() {
                if self.w.obj(*o).typ == TypeId::INVALID {
                    self.w.obj_mut(*o).typ = TypeId::INVALID;
                }
            }
            return;
        }
        if x.len() != objs.len() {
            self.assign_mismatch_call(objs.len(), &x, e);
            return;
        }
        let context = if objs.len() > 1 {
            "multiple assignment"
        } else {
            "assignment"
        };
        for (o, mut xi) in objs.iter().zip(x) {
            if let Some(o) = o {
                self.init_var(*o, &mut xi, context);
            }
        }
    }

    pub(crate) fn assign_mismatch_call(&mut self, l: usize, x: &[Operand<'a>], e: &'a Expr) {
        let r = x.len();
        let msg = if let ast::ExprKind::Call(c) = &e.unparen().kind {
            format!(
                "assignment mismatch: {} variable{} but {} returns {} value{}",
                l,
                resolver_plural(l),
                crate::exprstring::expr_string(&c.fun),
                r,
                resolver_plural(r)
            )
        } else {
            format!(
                "assignment mismatch: {} variable{} but {} value{}",
                l,
                resolver_plural(l),
                r,
                resolver_plural(r)
            )
        };
        self.error(e.start(), msg);
    }
}

fn resolver_plural(n: usize) -> &'static str {
    super::resolver::plural(n)
}

/// The `refers to` lines of types2's cycle errors: for each `(name,
/// position)` of a cycle, `\n\tposition: name refers to next`, the last
/// referring to the first.
pub(crate) fn refers_to_chain(items: &[(String, String)]) -> String {
    let mut s = String::new();
    for (i, (name, at)) in items.iter().enumerate() {
        let next = &items[(i + 1) % items.len()].0;
        s.push_str(&format!("\n\t{}: {} refers to {}", at, name, next));
    }
    s
}
