//! Type predicates: identity, kind tests on underlying types, comparability.

use crate::constant::BasicKind;
use crate::types::*;
use rgo_syntax::ast::ChanDir;

/// Type identity (the spec's "identical types"). Named types are identical
/// only to themselves (instances are interned per origin and arguments).
pub fn identical(tt: &World, x: TypeId, y: TypeId) -> bool {
    let mut seen = Vec::new();
    ident(tt, x, y, &mut seen)
}

/// Identity ignoring struct tags (the conversion rule).
pub fn identical_ignore_tags(w: &World, x: TypeId, y: TypeId) -> bool {
    let mut seen = vec![(TypeId(u32::MAX), TypeId(u32::MAX))];
    ident(w, x, y, &mut seen)
}

/// The ignore-tags mode is carried as a sentinel first entry of `seen`.
fn ignoring_tags(seen: &[(TypeId, TypeId)]) -> bool {
    seen.first() == Some(&(TypeId(u32::MAX), TypeId(u32::MAX)))
}

fn ident(w: &World, x: TypeId, y: TypeId, seen: &mut Vec<(TypeId, TypeId)>) -> bool {
    let (x, y) = (w.types.unalias(x), w.types.unalias(y));
    if x == y {
        return true;
    }
    let tt = w;
    match (w.types.get(x), w.types.get(y)) {
        (Type::Basic(a), Type::Basic(b)) => a == b,
        (Type::Interface(_), Type::Interface(_))
            if is_empty_iface(&tt.types, x) && is_empty_iface(&tt.types, y) =>
        {
            true
        }
        (Type::Array(n, a), Type::Array(m, b)) => n == m && ident(tt, *a, *b, seen),
        (Type::Slice(a), Type::Slice(b)) | (Type::Pointer(a), Type::Pointer(b)) => {
            ident(tt, *a, *b, seen)
        }
        (Type::Map(k1, v1), Type::Map(k2, v2)) => {
            ident(tt, *k1, *k2, seen) && ident(tt, *v1, *v2, seen)
        }
        (Type::Chan(d1, a), Type::Chan(d2, b)) => d1 == d2 && ident(tt, *a, *b, seen),
        (Type::Struct(a), Type::Struct(b)) => ident_struct(tt, a, b, seen),
        (Type::Tuple(a), Type::Tuple(b)) => ident_vars(tt, a, b, seen),
        (Type::Signature(a), Type::Signature(b)) => {
            a.variadic == b.variadic
                && a.tparams.len() == b.tparams.len()
                && ident_vars(tt, &a.params, &b.params, seen)
                && ident_vars(tt, &a.results, &b.results, seen)
        }
        (Type::Interface(_), Type::Interface(_)) => {
            if seen.contains(&(x, y)) {
                return true;
            }
            seen.push((x, y));
            let r = ident_iface(tt, x, y, seen);
            seen.pop();
            r
        }
        (Type::Union(a), Type::Union(b)) => {
            a.len() == b.len()
                && a.iter().all(|t| {
                    b.iter()
                        .any(|u| t.tilde == u.tilde && ident(tt, t.typ, u.typ, seen))
                })
        }
        (Type::Named(a), Type::Named(b)) => {
            a.orig.is_some()
                && a.orig == b.orig
                && a.targs.len() == b.targs.len()
                && a.targs
                    .iter()
                    .zip(&b.targs)
                    .all(|(p, q)| ident(tt, *p, *q, seen))
        }
        _ => false,
    }
}

fn is_empty_iface(tt: &TypeTable, t: TypeId) -> bool {
    match tt.get(t) {
        Type::Interface(i) => match &i.tset {
            Some(ts) => ts.methods.is_empty() && ts.terms.is_none() && !ts.comparable,
            None => i.methods.is_empty() && i.embeddeds.is_empty(),
        },
        _ => false,
    }
}

fn ident_vars(tt: &World, a: &[ObjId], b: &[ObjId], seen: &mut Vec<(TypeId, TypeId)>) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(p, q)| ident(tt, var_type(tt, *p), var_type(tt, *q), seen))
}

fn var_type(w: &World, v: ObjId) -> TypeId {
    w.obj(v).typ
}

/// Field `i`'s tag; an empty tag is no tag (`struct{x int ""}` is
/// `struct{x int}`).
fn tag_of(s: &StructType, i: usize) -> &str {
    s.tags.get(i).and_then(|t| t.as_deref()).unwrap_or("")
}

fn ident_struct(
    tt: &World,
    a: &StructType,
    b: &StructType,
    seen: &mut Vec<(TypeId, TypeId)>,
) -> bool {
    if a.fields.len() != b.fields.len() {
        return false;
    }
    for (i, (f, g)) in a.fields.iter().zip(&b.fields).enumerate() {
        let (fi, gi) = (tt.obj(*f), tt.obj(*g));
        let emb = |o: &Object| matches!(o.kind, ObjKind::Var(VarInfo { embedded: true, .. }));
        if fi.name != gi.name
            || emb(fi) != emb(gi)
            || (!ignoring_tags(seen) && tag_of(a, i) != tag_of(b, i))
        {
            return false;
        }
        if !fi.is_exported() && fi.pkg != gi.pkg {
            return false;
        }
        if !ident(tt, fi.typ, gi.typ, seen) {
            return false;
        }
    }
    true
}

fn ident_iface(tt: &World, x: TypeId, y: TypeId, seen: &mut Vec<(TypeId, TypeId)>) -> bool {
    let (Some(a), Some(b)) = (tt.types.type_set_ref(x), tt.types.type_set_ref(y)) else {
        return false;
    };
    if a.comparable != b.comparable || a.methods.len() != b.methods.len() {
        return false;
    }
    match (&a.terms, &b.terms) {
        (None, None) => {}
        (Some(p), Some(q)) => {
            if p.len() != q.len()
                || !p.iter().all(|t| {
                    q.iter()
                        .any(|u| t.tilde == u.tilde && ident(tt, t.typ, u.typ, seen))
                })
            {
                return false;
            }
        }
        _ => return false,
    }
    a.methods.iter().zip(&b.methods).all(|(m, n)| {
        let (mm, nm) = (tt.obj(*m), tt.obj(*n));
        mm.name == nm.name && ident(tt, mm.typ, nm.typ, seen)
    })
}

// ---------------------------------------------------------------------------
// Kind predicates on the underlying type.

impl TypeTable {
    fn bk(&self, t: TypeId) -> Option<BasicKind> {
        self.basic_kind(t)
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        matches!(self.bk(t), Some(BasicKind::Bool | BasicKind::UntypedBool))
    }
    pub fn is_integer(&self, t: TypeId) -> bool {
        self.bk(t).is_some_and(|k| k.is_integer())
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        use BasicKind::*;
        matches!(
            self.bk(t),
            Some(Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
        )
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        self.bk(t).is_some_and(|k| k.is_float())
    }
    pub fn is_complex(&self, t: TypeId) -> bool {
        self.bk(t).is_some_and(|k| k.is_complex())
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        self.bk(t).is_some_and(|k| k.is_numeric())
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        matches!(
            self.bk(t),
            Some(BasicKind::String | BasicKind::UntypedString)
        )
    }
    pub fn is_untyped(&self, t: TypeId) -> bool {
        // Untyped types are never named.
        matches!(self.get(t), Type::Basic(k) if is_untyped_kind(*k))
    }
    pub fn is_typed(&self, t: TypeId) -> bool {
        !self.is_untyped(t)
    }
    pub fn is_const_type(&self, t: TypeId) -> bool {
        matches!(self.bk(t), Some(k) if k != BasicKind::UnsafePointer && k != BasicKind::UntypedNil)
    }
    pub fn is_interface(&self, t: TypeId) -> bool {
        !self.is_type_param(t) && matches!(self.get(self.under(t)), Type::Interface(_))
    }
    pub fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::TypeParam(_))
    }
    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(
            self.get(t),
            Type::Named(_) | Type::Basic(_) | Type::TypeParam(_) | Type::Invalid
        )
    }
    pub fn is_pointer(&self, t: TypeId) -> bool {
        matches!(self.get(self.under(t)), Type::Pointer(_))
    }
    pub fn is_unsafe_pointer(&self, t: TypeId) -> bool {
        self.bk(t) == Some(BasicKind::UnsafePointer)
    }
    pub fn is_valid(&self, t: TypeId) -> bool {
        !matches!(self.get(t), Type::Invalid)
    }
    /// The ordered types (`<` applies).
    pub fn is_ordered(&self, t: TypeId) -> bool {
        self.bk(t).is_some_and(|k| {
            k.is_integer()
                || k.is_float()
                || matches!(k, BasicKind::String | BasicKind::UntypedString)
        })
    }

    /// The default type of an untyped type (`untyped int` → `int`, ...).
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Basic(k) => match k {
                BasicKind::UntypedBool => TypeId::BOOL,
                BasicKind::UntypedInt => TypeId::INT,
                BasicKind::UntypedRune => TypeId::RUNE,
                BasicKind::UntypedFloat => TypeId::FLOAT64,
                BasicKind::UntypedComplex => TypeId::COMPLEX128,
                BasicKind::UntypedString => TypeId::STRING,
                _ => t,
            },
            _ => t,
        }
    }
}

impl World {
    /// Comparable with `==` (spec "Comparison operators"); a struct or
    /// array is comparable if its fields/elements are.
    pub fn comparable(&self, t: TypeId) -> bool {
        let mut seen = Vec::new();
        self.comparable_rec(t, &mut seen)
    }

    fn comparable_rec(&self, t: TypeId, seen: &mut Vec<TypeId>) -> bool {
        if seen.contains(&t) {
            return true;
        }
        seen.push(t);
        let u = self.types.under(t);
        let r = match self.types.get(u) {
            Type::Basic(k) => *k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) => true,
            Type::Interface(_) => {
                if self.types.is_type_param(t) {
                    self.type_param_comparable(u)
                } else {
                    true
                }
            }
            Type::Struct(s) => s
                .fields
                .iter()
                .all(|f| self.comparable_rec(self.obj(*f).typ, seen)),
            Type::Array(_, e) => self.comparable_rec(*e, seen),
            Type::Invalid => true,
            _ => false,
        };
        seen.pop();
        r
    }

    /// A type parameter with constraint `bound` is comparable if the
    /// constraint says so or all its terms are comparable.
    fn type_param_comparable(&self, bound: TypeId) -> bool {
        match self.types.type_set_ref(bound) {
            Some(ts) => {
                ts.comparable
                    || ts
                        .terms
                        .as_ref()
                        .is_some_and(|terms| terms.iter().all(|t| self.comparable(t.typ)))
            }
            None => false,
        }
    }

    /// Has a nil value (pointer, func, slice, map, chan, interface, unsafe.Pointer).
    pub fn has_nil(&self, t: TypeId) -> bool {
        match self.types.get(self.types.under(t)) {
            Type::Basic(k) => *k == BasicKind::UnsafePointer,
            Type::Pointer(_)
            | Type::Slice(_)
            | Type::Map(..)
            | Type::Chan(..)
            | Type::Signature(_) => true,
            Type::Interface(_) => !self.types.is_type_param(t) || self.core_has_nil(t),
            _ => false,
        }
    }

    fn core_has_nil(&self, t: TypeId) -> bool {
        match self
            .types
            .type_set_ref(self.types.under(t))
            .and_then(|ts| ts.terms.as_ref())
        {
            Some(terms) if !terms.is_empty() => terms.iter().all(|x| self.has_nil(x.typ)),
            _ => false,
        }
    }

    /// The core type of `t`: its underlying type, or for a type parameter
    /// the single underlying type of all its terms (`None` if there is none).
    pub fn core_type(&self, t: TypeId) -> Option<TypeId> {
        if !self.types.is_type_param(t) {
            let u = self.types.under(t);
            if let Type::Interface(_) = self.types.get(u) {
                if let Some(ts) = self.types.type_set_ref(u) {
                    if let Some(terms) = &ts.terms {
                        return self.single_under(terms);
                    }
                }
            }
            return Some(u);
        }
        let ts = self.types.type_set_ref(self.types.under(t))?;
        self.single_under(ts.terms.as_ref()?)
    }

    /// [`core_type`], except that byte slices and strings agree: a type set
    /// of both has core type `string` (slicing `~[]byte | ~string`).
    pub fn core_string(&self, t: TypeId) -> Option<TypeId> {
        if let Some(c) = self.core_type(t) {
            return Some(c);
        }
        let us = self.under_types(t)?;
        let is_bytes = |u: TypeId| match self.types.get(u) {
            Type::Slice(el) => {
                self.types.under(*el) == TypeId::BYTE || self.types.under(*el) == TypeId::UINT8
            }
            _ => false,
        };
        let mut saw_string = false;
        for &u in &us {
            if self.types.is_string(u) {
                saw_string = true;
            } else if !is_bytes(u) {
                return None;
            }
        }
        if us.is_empty() {
            return None;
        }
        Some(if saw_string { TypeId::STRING } else { us[0] })
    }

    /// The underlying types `t` may have (types2's typeset/underIs): for a
    /// type parameter those of its type set's terms (`None` if the set
    /// has no specific types), else just `under(t)`.
    pub fn under_types(&self, t: TypeId) -> Option<Vec<TypeId>> {
        if !self.types.is_type_param(t) {
            return Some(vec![self.types.under(t)]);
        }
        let ts = self.types.type_set_ref(self.types.under(t))?;
        let terms = ts.terms.as_ref()?;
        Some(
            terms
                .iter()
                .map(|term| self.types.under(term.typ))
                .collect(),
        )
    }

    /// The common underlying type of a type set's terms; channels of
    /// identical element types agree when their directions do not conflict,
    /// and the restricted direction wins (types2's coreType).
    fn single_under(&self, terms: &[Term]) -> Option<TypeId> {
        let mut cur: Option<TypeId> = None;
        for term in terms {
            let u = self.types.under(term.typ);
            let Some(c) = cur else {
                cur = Some(u);
                continue;
            };
            if identical(self, c, u) {
                continue;
            }
            match (self.types.get(c), self.types.get(u)) {
                (Type::Chan(cd, ce), Type::Chan(d, e)) if identical(self, *ce, *e) => {
                    if *cd == ChanDir::Both {
                        cur = Some(u);
                    } else if *d != ChanDir::Both {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        cur
    }
}

pub fn is_untyped_kind(k: BasicKind) -> bool {
    use BasicKind::*;
    matches!(
        k,
        UntypedBool
            | UntypedInt
            | UntypedRune
            | UntypedFloat
            | UntypedComplex
            | UntypedString
            | UntypedNil
    )
}
