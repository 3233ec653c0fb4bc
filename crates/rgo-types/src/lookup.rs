//! Field and method lookup through embedded fields (breadth-first by depth,
//! with ambiguity at equal depth), method sets, and interface satisfaction
//! (`missing method M`, `method M has pointer receiver`).

use crate::types::*;

/// The result of looking a selector name up in a type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    NotFound,
    /// Two or more candidates at the shallowest depth.
    Ambiguous,
    Found {
        obj: ObjId,
        /// Field indices through embedded fields, then the field or method index.
        index: Vec<usize>,
        /// A pointer was followed on the way.
        indirect: bool,
        /// The method has a pointer receiver but the operand is neither a
        /// pointer nor addressable.
        ptr_recv_mismatch: bool,
    },
}

struct Entry {
    typ: TypeId,
    index: Vec<usize>,
    indirect: bool,
    multiples: bool,
}

impl World {
    /// If `t`'s underlying is a pointer, its base type and true.
    pub fn deref(&self, t: TypeId) -> (TypeId, bool) {
        match self.types.get(t) {
            Type::Pointer(b) => (*b, true),
            _ => match self.types.get(self.types.under(t)) {
                Type::Pointer(b) if !matches!(self.types.get(t), Type::Named(_)) => (*b, true),
                _ => (t, false),
            },
        }
    }

    /// Does `name` (declared in `pkg`) match object `o`'s name? Unexported
    /// names match only within the same package.
    fn same_id(&self, o: ObjId, name: &str, pkg: Option<PackageId>) -> bool {
        let ob = self.obj(o);
        if ob.name != name {
            return false;
        }
        ob.is_exported() || ob.pkg.is_none() || ob.pkg == pkg || pkg.is_none()
    }

    /// Methods declared on named type `t` (for an instance, its origin's).
    pub fn named_methods(&self, t: TypeId) -> &[ObjId] {
        match self.types.get(t) {
            Type::Named(n) => match n.orig {
                Some(o) => match self.types.get(o) {
                    Type::Named(on) => &on.methods,
                    _ => &[],
                },
                None => &n.methods,
            },
            _ => &[],
        }
    }

    /// Looks up field or method `name` in `t` (go/types LookupFieldOrMethod).
    pub fn lookup_field_or_method(
        &self,
        t: TypeId,
        addressable: bool,
        pkg: Option<PackageId>,
        name: &str,
    ) -> Lookup {
        if name == "_" {
            return Lookup::NotFound;
        }
        // Methods cannot be associated with a named pointer type.
        if let Type::Named(_) = self.types.get(t) {
            if let Type::Pointer(_) = self.types.get(self.types.under(t)) {
                let r = self.lookup_impl(self.types.under(t), false, pkg, name);
                if let Lookup::Found { obj, .. } = &r {
                    if matches!(self.obj(*obj).kind, ObjKind::Func(_)) {
                        return Lookup::NotFound;
                    }
                }
                return r;
            }
        }
        self.lookup_impl(t, addressable, pkg, name)
    }

    fn lookup_impl(
        &self,
        t: TypeId,
        addressable: bool,
        pkg: Option<PackageId>,
        name: &str,
    ) -> Lookup {
        let (typ, is_ptr) = self.deref(t);
        if is_ptr && self.types.is_interface(typ) {
            return Lookup::NotFound; // pointer to interface has no methods
        }
        let mut current = vec![Entry {
            typ,
            index: Vec::new(),
            indirect: is_ptr,
            multiples: false,
        }];
        let mut seen: Vec<TypeId> = Vec::new();
        while !current.is_empty() {
            let mut next = Vec::new();
            let mut found: Option<(ObjId, Vec<usize>, bool)> = None;
            for e in &current {
                let mut typ = e.typ;
                if let Type::Named(_) = self.types.get(typ) {
                    if seen.contains(&typ) {
                        continue;
                    }
                    seen.push(typ);
                    if let Some(i) = self
                        .named_methods(typ)
                        .iter()
                        .position(|m| self.same_id(*m, name, pkg))
                    {
                        if found.is_some() || e.multiples {
                            return Lookup::Ambiguous;
                        }
                        let m = self.named_methods(typ)[i];
                        found = Some((m, with(&e.index, i), e.indirect));
                        continue;
                    }
                    typ = self.types.under(typ);
                } else if let Type::TypeParam(_) = self.types.get(typ) {
                    // A type parameter has the methods of its constraint.
                    typ = self.types.under(typ);
                }
                match self.types.get(typ) {
                    Type::Struct(s) => {
                        for (i, &f) in s.fields.iter().enumerate() {
                            if self.same_id(f, name, pkg) {
                                if found.is_some() || e.multiples {
                                    return Lookup::Ambiguous;
                                }
                                found = Some((f, with(&e.index, i), e.indirect));
                                continue;
                            }
                            if found.is_none() && is_embedded(self.obj(f)) {
                                let (ft, p) = self.deref(self.obj(f).typ);
                                next.push(Entry {
                                    typ: ft,
                                    index: with(&e.index, i),
                                    indirect: e.indirect || p,
                                    multiples: e.multiples,
                                });
                            }
                        }
                    }
                    Type::Interface(_) => {
                        if let Some(ts) = self.types.type_set_ref(typ) {
                            if let Some(i) =
                                ts.methods.iter().position(|m| self.same_id(*m, name, pkg))
                            {
                                if found.is_some() || e.multiples {
                                    return Lookup::Ambiguous;
                                }
                                found = Some((ts.methods[i], with(&e.index, i), e.indirect));
                            }
                        }
                    }
                    _ => {}
                }
            }
            if let Some((obj, index, indirect)) = found {
                let ptr_recv = matches!(
                    self.obj(obj).kind,
                    ObjKind::Func(FuncInfo { ptr_recv: true, .. })
                );
                let mismatch = ptr_recv && !indirect && !addressable;
                return Lookup::Found {
                    obj,
                    index,
                    indirect,
                    ptr_recv_mismatch: mismatch,
                };
            }
            current = consolidate(next);
        }
        Lookup::NotFound
    }

    /// The first method of interface `iface` that `v` lacks, with the reason
    /// in types2's words (`missing method M`, `method M has pointer
    /// receiver`, `wrong type for method M` + have/want lines).
    pub fn missing_method(
        &mut self,
        v: TypeId,
        iface: TypeId,
        cur: Option<PackageId>,
    ) -> Option<String> {
        let ts = self.type_set(iface);
        let v_is_iface = self.types.is_interface(v);
        if let Type::Pointer(b) = self.types.get(self.types.under(v)) {
            if self.types.is_interface(*b) && !ts.methods.is_empty() {
                let vs = self.type_string(v, cur);
                return Some(format!(
                    "(type {} is pointer to interface, not interface)",
                    vs
                ));
            }
        }
        for &m in &ts.methods {
            let mname = self.obj(m).name.clone();
            let mpkg = self.obj(m).pkg;
            let found = self.lookup_field_or_method(v, false, mpkg, &mname);
            let (obj, mismatch) = match found {
                Lookup::Found {
                    obj,
                    ptr_recv_mismatch,
                    ..
                } if matches!(self.obj(obj).kind, ObjKind::Func(_)) => (obj, ptr_recv_mismatch),
                Lookup::Found { obj, .. } if matches!(self.obj(obj).kind, ObjKind::Var(_)) => {
                    return Some(format!(
                        "({}.{} is a field, not a method)",
                        self.type_string(v, cur),
                        mname
                    ));
                }
                _ => {
                    if !v_is_iface {
                        // A method with a different case spelling?
                        if let Some(alt) = self.case_fold_method(v, &mname, mpkg) {
                            return Some(format!(
                                "(missing method {})\n\t\thave {}{}\n\t\twant {}{}",
                                mname,
                                self.obj(alt).name,
                                self.signature_string(self.obj(alt).typ, cur),
                                mname,
                                self.signature_string(self.obj(m).typ, cur)
                            ));
                        }
                    }
                    return Some(format!("(missing method {})", mname));
                }
            };
            let want = self.obj(m).typ;
            let have = self.instance_method_type(v, obj);
            if !crate::predicates::identical(self, have, want) {
                return Some(format!(
                    "(wrong type for method {})\n\t\thave {}{}\n\t\twant {}{}",
                    mname,
                    mname,
                    self.signature_string(have, cur),
                    mname,
                    self.signature_string(want, cur)
                ));
            }
            if mismatch && !v_is_iface {
                return Some(format!("(method {} has pointer receiver)", mname));
            }
        }
        None
    }

    /// The type of method `m` found on `v`: for a method of a generic type
    /// reached through an instance, its signature with the receiver's type
    /// parameters replaced by the instance's type arguments.
    pub fn instance_method_type(&mut self, v: TypeId, m: ObjId) -> TypeId {
        let mt = self.obj(m).typ;
        let Type::Signature(sig) = self.types.get(mt) else {
            return mt;
        };
        if sig.tparams.is_empty() || sig.recv.is_none() {
            return mt;
        }
        let rtparams = sig.tparams.clone();
        let Some(inst) = self.find_instance_with_method(v, m, 0) else {
            return mt;
        };
        let targs = match self.types.get(inst) {
            Type::Named(n) => n.targs.clone(),
            _ => return mt,
        };
        if targs.len() != rtparams.len() {
            return mt;
        }
        let map: Vec<(TypeId, TypeId)> = rtparams.into_iter().zip(targs).collect();
        let t = self.subst(mt, &map);
        match self.types.get(t).clone() {
            Type::Signature(mut s) => {
                s.tparams.clear();
                self.types.add(Type::Signature(s))
            }
            _ => t,
        }
    }

    /// The instance (reached from `v` through embedding) declaring method `m`.
    fn find_instance_with_method(&self, v: TypeId, m: ObjId, depth: u32) -> Option<TypeId> {
        if depth > 16 {
            return None;
        }
        let (t, _) = self.deref(v);
        if let Type::Named(n) = self.types.get(t) {
            if n.orig.is_some() && self.named_methods(t).contains(&m) {
                return Some(t);
            }
        }
        if let Type::Struct(s) = self.types.get(self.types.under(t)) {
            for f in &s.fields {
                if is_embedded(self.obj(*f)) {
                    if let Some(r) = self.find_instance_with_method(self.obj(*f).typ, m, depth + 1)
                    {
                        return Some(r);
                    }
                }
            }
        }
        None
    }

    fn case_fold_method(&self, v: TypeId, name: &str, pkg: Option<PackageId>) -> Option<ObjId> {
        let (base, _) = self.deref(v);
        let lower = name.to_lowercase();
        self.named_methods(base).iter().copied().find(|m| {
            self.obj(*m).name.to_lowercase() == lower
                && self.obj(*m).name != name
                && (pkg.is_none() || self.obj(*m).pkg == pkg || self.obj(*m).is_exported())
        })
    }

    /// The method set of `t` as (name, method, index path, indirect), sorted
    /// by name: for `T` the value-receiver methods (and promoted ones), for
    /// `*T` all of them.
    pub fn method_set(&self, t: TypeId) -> Vec<(String, ObjId, Vec<usize>, bool)> {
        let mut names: Vec<String> = Vec::new();
        self.collect_method_names(t, &mut names, &mut Vec::new(), 0);
        names.sort();
        names.dedup();
        let is_ptr = matches!(self.types.get(t), Type::Pointer(_));
        let mut out = Vec::new();
        for n in names {
            let pkg = None;
            if let Lookup::Found {
                obj,
                index,
                indirect,
                ..
            } = self.lookup_field_or_method(t, false, pkg, &n)
            {
                if !matches!(self.obj(obj).kind, ObjKind::Func(_)) {
                    continue;
                }
                let ptr_recv = matches!(
                    self.obj(obj).kind,
                    ObjKind::Func(FuncInfo { ptr_recv: true, .. })
                );
                if ptr_recv && !is_ptr && !indirect {
                    continue;
                }
                out.push((n, obj, index, indirect));
            }
        }
        out
    }

    fn collect_method_names(
        &self,
        t: TypeId,
        out: &mut Vec<String>,
        seen: &mut Vec<TypeId>,
        depth: u32,
    ) {
        if depth > 32 {
            return;
        }
        let (t, _) = self.deref(t);
        if seen.contains(&t) {
            return;
        }
        seen.push(t);
        out.extend(
            self.named_methods(t)
                .iter()
                .map(|m| self.obj(*m).name.to_string()),
        );
        let u = self.types.under(t);
        match self.types.get(u) {
            Type::Struct(s) => {
                for &f in &s.fields {
                    if is_embedded(self.obj(f)) {
                        self.collect_method_names(self.obj(f).typ, out, seen, depth + 1);
                    }
                }
            }
            Type::Interface(_) => {
                if let Some(ts) = self.types.type_set_ref(u) {
                    out.extend(ts.methods.iter().map(|m| self.obj(*m).name.to_string()));
                }
            }
            _ => {}
        }
    }
}

fn with(index: &[usize], i: usize) -> Vec<usize> {
    let mut v = Vec::with_capacity(index.len() + 1);
    v.extend_from_slice(index);
    v.push(i);
    v
}

pub(crate) fn is_embedded(o: &Object) -> bool {
    matches!(o.kind, ObjKind::Var(VarInfo { embedded: true, .. }))
}

/// Merges entries of the same type at one depth, marking them multiple.
fn consolidate(list: Vec<Entry>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::with_capacity(list.len());
    for e in list {
        if let Some(prev) = out.iter_mut().find(|p| p.typ == e.typ) {
            prev.multiples = true;
        } else {
            out.push(e);
        }
    }
    out
}
