//! Substitution of type parameters and instantiation of generic named
//! types (interned per origin and type arguments; an instance of a type
//! still being declared is expanded once its origin is resolved).

use crate::types::*;

impl World {
    /// `t` with type parameters replaced as `map` says.
    pub fn subst(&mut self, t: TypeId, map: &[(TypeId, TypeId)]) -> TypeId {
        self.subst_depth(t, map, 0)
    }

    fn subst_depth(&mut self, t: TypeId, map: &[(TypeId, TypeId)], d: u32) -> TypeId {
        if d > 64 || map.is_empty() {
            return t;
        }
        if let Some((_, r)) = map.iter().find(|(p, _)| *p == t) {
            return *r;
        }
        let d = d + 1;
        match self.types.get(t).clone() {
            Type::Pointer(b) => {
                let nb = self.subst_depth(b, map, d);
                if nb == b {
                    t
                } else {
                    self.types.pointer(nb)
                }
            }
            Type::Slice(e) => {
                let ne = self.subst_depth(e, map, d);
                if ne == e {
                    t
                } else {
                    self.types.slice(ne)
                }
            }
            Type::Array(n, e) => {
                let ne = self.subst_depth(e, map, d);
                if ne == e {
                    t
                } else {
                    self.types.array(n, ne)
                }
            }
            Type::Map(k, v) => {
                let (nk, nv) = (self.subst_depth(k, map, d), self.subst_depth(v, map, d));
                if nk == k && nv == v {
                    t
                } else {
                    self.types.map(nk, nv)
                }
            }
            Type::Chan(dir, e) => {
                let ne = self.subst_depth(e, map, d);
                if ne == e {
                    t
                } else {
                    self.types.chan(dir, ne)
                }
            }
            Type::Struct(s) => {
                let (fields, changed) = self.subst_vars(&s.fields, map, d);
                if !changed {
                    return t;
                }
                self.types.add(Type::Struct(StructType {
                    fields,
                    tags: s.tags.clone(),
                }))
            }
            Type::Tuple(vs) => {
                let (vars, changed) = self.subst_vars(&vs, map, d);
                if !changed {
                    t
                } else {
                    self.types.add(Type::Tuple(vars))
                }
            }
            Type::Signature(s) => {
                let (params, c1) = self.subst_vars(&s.params, map, d);
                let (results, c2) = self.subst_vars(&s.results, map, d);
                if !c1 && !c2 {
                    return t;
                }
                self.types.add(Type::Signature(Signature {
                    recv: s.recv,
                    tparams: s.tparams.clone(),
                    params,
                    results,
                    variadic: s.variadic,
                }))
            }
            Type::Interface(i) => {
                let mut changed = false;
                let mut methods = Vec::new();
                for m in &i.methods {
                    let mt = self.obj(*m).typ;
                    let nt = self.subst_depth(mt, map, d);
                    if nt != mt {
                        changed = true;
                        let mut o = self.obj(*m).clone();
                        o.typ = nt;
                        methods.push(self.new_obj(o));
                    } else {
                        methods.push(*m);
                    }
                }
                let mut embeddeds = Vec::new();
                for e in &i.embeddeds {
                    let ne = self.subst_depth(*e, map, d);
                    changed |= ne != *e;
                    embeddeds.push(ne);
                }
                if !changed {
                    return t;
                }
                let id = self.types.add(Type::Interface(Interface {
                    methods,
                    embeddeds,
                    implicit: i.implicit,
                    tset: None,
                }));
                self.ensure_type_set(id);
                id
            }
            Type::Union(terms) => {
                let mut nts = Vec::new();
                let mut changed = false;
                for term in terms {
                    let nt = self.subst_depth(term.typ, map, d);
                    changed |= nt != term.typ;
                    nts.push(Term {
                        tilde: term.tilde,
                        typ: nt,
                    });
                }
                if !changed {
                    t
                } else {
                    self.types.add(Type::Union(nts))
                }
            }
            Type::Named(n) if !n.targs.is_empty() => {
                // The origin itself may be mapped (a generic type declared
                // inside a generic function, copied per instance).
                let orig = n
                    .orig
                    .map(|o| map.iter().find(|(p, _)| *p == o).map_or(o, |&(_, r)| r));
                let mut changed = orig != n.orig;
                let mut targs = Vec::new();
                for a in &n.targs {
                    let na = self.subst_depth(*a, map, d);
                    changed |= na != *a;
                    targs.push(na);
                }
                match (changed, orig) {
                    (true, Some(orig)) => self.instantiate_named(orig, targs),
                    _ => t,
                }
            }
            _ => t,
        }
    }

    fn subst_vars(
        &mut self,
        vars: &[ObjId],
        map: &[(TypeId, TypeId)],
        d: u32,
    ) -> (Vec<ObjId>, bool) {
        let mut changed = false;
        let mut out = Vec::with_capacity(vars.len());
        for v in vars {
            let vt = self.obj(*v).typ;
            let nt = self.subst_depth(vt, map, d);
            if nt != vt {
                changed = true;
                let mut o = self.obj(*v).clone();
                o.typ = nt;
                out.push(self.new_obj(o));
            } else {
                out.push(*v);
            }
        }
        (out, changed)
    }

    /// The instance `orig[targs]` (interned).
    pub fn instantiate_named(&mut self, orig: TypeId, targs: Vec<TypeId>) -> TypeId {
        let key = (orig, targs.clone());
        if let Some(&t) = self.types.instances.get(&key) {
            return t;
        }
        let Type::Named(on) = self.types.get(orig).clone() else {
            return TypeId::INVALID;
        };
        let inst = self.types.add(Type::Named(Named {
            obj: on.obj,
            underlying: TypeId::INVALID,
            methods: Vec::new(),
            tparams: Vec::new(),
            targs,
            orig: Some(orig),
        }));
        self.types.instances.insert(key, inst);
        if !self.expand_instance(inst) {
            self.pending_instances.push(inst);
        }
        inst
    }

    /// Computes an instance's underlying type once its origin is resolved.
    pub fn expand_instance(&mut self, inst: TypeId) -> bool {
        let Type::Named(n) = self.types.get(inst).clone() else {
            return true;
        };
        let Some(orig) = n.orig else { return true };
        let Type::Named(on) = self.types.get(orig).clone() else {
            return true;
        };
        if n.targs.len() != on.tparams.len() {
            // A wrong number of type arguments (an error): the underlying
            // type stays invalid, as types2's.
            return true;
        }
        if on.underlying == TypeId::INVALID || self.expanding >= crate::types::MAX_EXPANSION {
            return false;
        }
        let map: Vec<(TypeId, TypeId)> = on
            .tparams
            .iter()
            .copied()
            .zip(n.targs.iter().copied())
            .collect();
        self.expanding += 1;
        let u = self.subst(on.underlying, &map);
        self.expanding -= 1;
        if let Type::Named(nn) = self.types.get_mut(inst) {
            nn.underlying = u;
        }
        true
    }
}
