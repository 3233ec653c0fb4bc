//! The program-wide arenas of the checker: types ([`TypeTable`], handles
//! [`TypeId`]), objects ([`Object`], handles [`ObjId`]), scopes ([`Scope`],
//! handles [`ScopeId`]) and packages ([`Package`], handles [`PackageId`]),
//! all owned by one [`World`].
//!
//! Design: no `Rc`/`RefCell`; a type refers to other types and objects by
//! id. The basic types sit at fixed ids ([`TypeId::INT`] ...), so callers
//! can name them as constants. Pointer, slice, array, map and chan types
//! are interned (one id per structure); struct, func, interface and tuple
//! types are not (identity is structural, see `predicates.rs`). A named
//! type is created before its underlying type is known (so `type T *T`
//! works); its `underlying` is [`TypeId::INVALID`] until resolved.
//!
//! Invariant: every `TypeId`, `ObjId`, `ScopeId` stored anywhere indexes
//! its arena (ids are never removed).

use crate::constant::{BasicKind, Value};
use rgo_syntax::ast::{ChanDir, Name};
use rgo_syntax::Pos;
use std::collections::HashMap;

/// Handle of a type in [`TypeTable`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct TypeId(pub u32);

/// Handle of an object (named language entity) in [`World::objs`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct ObjId(pub u32);

/// Handle of a scope in [`World::scopes`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct ScopeId(pub u32);

/// Handle of a package in [`World::pkgs`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct PackageId(pub u32);

/// The basic kinds in fixed id order (after `INVALID` at 0).
pub(crate) const BASIC_ORDER: [BasicKind; 25] = [
    BasicKind::Bool,
    BasicKind::Int,
    BasicKind::Int8,
    BasicKind::Int16,
    BasicKind::Int32,
    BasicKind::Int64,
    BasicKind::Uint,
    BasicKind::Uint8,
    BasicKind::Uint16,
    BasicKind::Uint32,
    BasicKind::Uint64,
    BasicKind::Uintptr,
    BasicKind::Float32,
    BasicKind::Float64,
    BasicKind::Complex64,
    BasicKind::Complex128,
    BasicKind::String,
    BasicKind::UnsafePointer,
    BasicKind::UntypedBool,
    BasicKind::UntypedInt,
    BasicKind::UntypedRune,
    BasicKind::UntypedFloat,
    BasicKind::UntypedComplex,
    BasicKind::UntypedString,
    BasicKind::UntypedNil,
];

impl TypeId {
    pub const INVALID: TypeId = TypeId(0);
    pub const BOOL: TypeId = TypeId(1);
    pub const INT: TypeId = TypeId(2);
    pub const INT8: TypeId = TypeId(3);
    pub const INT16: TypeId = TypeId(4);
    pub const INT32: TypeId = TypeId(5);
    pub const INT64: TypeId = TypeId(6);
    pub const UINT: TypeId = TypeId(7);
    pub const UINT8: TypeId = TypeId(8);
    pub const UINT16: TypeId = TypeId(9);
    pub const UINT32: TypeId = TypeId(10);
    pub const UINT64: TypeId = TypeId(11);
    pub const UINTPTR: TypeId = TypeId(12);
    pub const FLOAT32: TypeId = TypeId(13);
    pub const FLOAT64: TypeId = TypeId(14);
    pub const COMPLEX64: TypeId = TypeId(15);
    pub const COMPLEX128: TypeId = TypeId(16);
    pub const STRING: TypeId = TypeId(17);
    pub const UNSAFE_POINTER: TypeId = TypeId(18);
    pub const UNTYPED_BOOL: TypeId = TypeId(19);
    pub const UNTYPED_INT: TypeId = TypeId(20);
    pub const UNTYPED_RUNE: TypeId = TypeId(21);
    pub const UNTYPED_FLOAT: TypeId = TypeId(22);
    pub const UNTYPED_COMPLEX: TypeId = TypeId(23);
    pub const UNTYPED_STRING: TypeId = TypeId(24);
    pub const UNTYPED_NIL: TypeId = TypeId(25);
    /// The empty interface written `any` (prints as `any`).
    pub const ANY: TypeId = TypeId(26);
    /// The empty interface `interface{}`.
    pub const EMPTY_INTERFACE: TypeId = TypeId(27);
    /// The empty tuple (no values).
    pub const EMPTY_TUPLE: TypeId = TypeId(28);
    /// `byte` and `rune`: identical to `uint8` and `int32` (same basic
    /// kind) but printed by their own names, as in types2.
    pub const BYTE: TypeId = TypeId(29);
    pub const RUNE: TypeId = TypeId(30);

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The id of a basic kind.
    pub fn basic(kind: BasicKind) -> TypeId {
        let i = BASIC_ORDER.iter().position(|k| *k == kind).unwrap_or(0);
        TypeId(i as u32 + 1)
    }
}

impl ObjId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A Go type.
#[derive(Clone, Debug)]
pub enum Type {
    Invalid,
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    /// Length (negative when unknown after an error) and element.
    Array(i64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(StructType),
    Signature(Signature),
    Interface(Interface),
    /// The types of a multi-value expression; entries are `Var` objects.
    Tuple(Vec<ObjId>),
    Named(Named),
    TypeParam(TypeParam),
    /// A union of terms in a constraint, `~int | string`.
    Union(Vec<Term>),
    /// A materialized alias `type A = T` (go/types' `*Alias`, Go 1.24+):
    /// it prints as `A` in messages, but [`TypeTable::get`] and
    /// [`TypeTable::under`] look through it, so it behaves as `T`
    /// everywhere else. Only [`TypeTable::get_raw`] shows it.
    Alias(AliasType),
}

/// A type alias: its type name and the aliased type (maybe another alias).
#[derive(Clone, Debug)]
pub struct AliasType {
    pub obj: ObjId,
    pub rhs: TypeId,
    /// Type parameters of a generic alias (`type A[T any] = []T`).
    pub tparams: Vec<TypeId>,
    /// Type arguments of an instance (`A[int]`, whose rhs is `[]int`).
    pub targs: Vec<TypeId>,
}

#[derive(Clone, Debug, Default)]
pub struct StructType {
    /// Field `Var` objects in declaration order.
    pub fields: Vec<ObjId>,
    /// Tags as written after unquoting, parallel to `fields`.
    pub tags: Vec<Option<String>>,
}

#[derive(Clone, Debug, Default)]
pub struct Signature {
    /// Receiver variable of a method.
    pub recv: Option<ObjId>,
    /// Type parameters of a generic function, or a generic receiver's.
    pub tparams: Vec<TypeId>,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    /// The final parameter is `...T` (its type is `[]T`).
    pub variadic: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Interface {
    /// Explicitly declared methods (`Func` objects).
    pub methods: Vec<ObjId>,
    /// Embedded elements: interfaces, types and unions.
    pub embeddeds: Vec<TypeId>,
    /// Is this the implicit interface of a constraint written `~int` or `int|string`.
    pub implicit: bool,
    /// Computed type set, filled by [`World::ensure_type_set`].
    pub tset: Option<Box<TypeSet>>,
}

/// The type set of an interface: its methods and its type terms.
#[derive(Clone, Debug, Default)]
pub struct TypeSet {
    /// All methods, sorted by name.
    pub methods: Vec<ObjId>,
    /// `None`: all types; `Some(terms)`: exactly these (may be empty).
    pub terms: Option<Vec<Term>>,
    /// The set is restricted to comparable types (embeds `comparable`).
    pub comparable: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub tilde: bool,
    pub typ: TypeId,
}

#[derive(Clone, Debug)]
pub struct Named {
    pub obj: ObjId,
    /// [`TypeId::INVALID`] until resolved.
    pub underlying: TypeId,
    /// Declared methods (`Func` objects); for an instance, the origin's.
    pub methods: Vec<ObjId>,
    pub tparams: Vec<TypeId>,
    /// Type arguments of an instance.
    pub targs: Vec<TypeId>,
    /// The generic type this is an instance of.
    pub orig: Option<TypeId>,
}

#[derive(Clone, Debug)]
pub struct TypeParam {
    pub obj: ObjId,
    pub index: u32,
    /// The constraint (an interface, possibly implicit).
    pub bound: TypeId,
}

/// The arena of types.
#[derive(Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    interned: HashMap<InternKey, TypeId>,
    /// Instances by (origin, type arguments).
    pub(crate) instances: HashMap<(TypeId, Vec<TypeId>), TypeId>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum InternKey {
    Pointer(TypeId),
    Slice(TypeId),
    Array(i64, TypeId),
    Map(TypeId, TypeId),
    Chan(u8, TypeId),
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut types = vec![Type::Invalid];
        types.extend(BASIC_ORDER.iter().map(|k| Type::Basic(*k)));
        types.push(Type::Interface(Interface::default())); // ANY
        types.push(Type::Interface(Interface::default())); // EMPTY_INTERFACE
        types.push(Type::Tuple(Vec::new()));
        types.push(Type::Basic(BasicKind::Uint8)); // BYTE
        types.push(Type::Basic(BasicKind::Int32)); // RUNE
        for id in [TypeId::ANY, TypeId::EMPTY_INTERFACE] {
            if let Type::Interface(i) = &mut types[id.index()] {
                i.tset = Some(Box::default());
            }
        }
        TypeTable {
            types,
            interned: HashMap::new(),
            instances: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// The type `t` denotes, looking through aliases (never [`Type::Alias`]).
    #[inline]
    pub fn get(&self, t: TypeId) -> &Type {
        match &self.types[t.index()] {
            Type::Alias(_) => &self.types[self.unalias(t).index()],
            ty => ty,
        }
    }

    /// The type stored at `t`, aliases included.
    #[inline]
    pub fn get_raw(&self, t: TypeId) -> &Type {
        &self.types[t.index()]
    }

    /// `t` with aliases resolved (go/types' `Unalias`); a chain that does
    /// not end (after errors) gives [`TypeId::INVALID`].
    pub fn unalias(&self, mut t: TypeId) -> TypeId {
        for _ in 0..100 {
            match &self.types[t.index()] {
                Type::Alias(a) => t = a.rhs,
                _ => return t,
            }
        }
        TypeId::INVALID
    }

    /// Is `t` a materialized alias?
    pub fn is_alias(&self, t: TypeId) -> bool {
        matches!(self.types[t.index()], Type::Alias(_))
    }

    /// Completes alias `t` (created with an invalid right-hand side while
    /// its declaration is in progress) with `rhs` and its type parameters.
    pub fn set_alias_rhs(&mut self, t: TypeId, rhs: TypeId, tparams: Vec<TypeId>) {
        if let Type::Alias(a) = &mut self.types[t.index()] {
            a.rhs = rhs;
            a.tparams = tparams;
        }
    }

    pub fn get_mut(&mut self, t: TypeId) -> &mut Type {
        let t = self.unalias(t);
        &mut self.types[t.index()]
    }

    pub fn add(&mut self, t: Type) -> TypeId {
        let id = TypeId(self.types.len() as u32);
        self.types.push(t);
        id
    }

    fn intern(&mut self, key: InternKey, t: Type) -> TypeId {
        if let Some(&id) = self.interned.get(&key) {
            return id;
        }
        let id = self.add(t);
        self.interned.insert(key, id);
        id
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(InternKey::Pointer(elem), Type::Pointer(elem))
    }
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(InternKey::Slice(elem), Type::Slice(elem))
    }
    pub fn array(&mut self, len: i64, elem: TypeId) -> TypeId {
        self.intern(InternKey::Array(len, elem), Type::Array(len, elem))
    }
    pub fn map(&mut self, k: TypeId, v: TypeId) -> TypeId {
        self.intern(InternKey::Map(k, v), Type::Map(k, v))
    }
    pub fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        let d = match dir {
            ChanDir::Both => 0,
            ChanDir::Send => 1,
            ChanDir::Recv => 2,
        };
        self.intern(InternKey::Chan(d, elem), Type::Chan(dir, elem))
    }
    pub fn tuple(&mut self, vars: Vec<ObjId>) -> TypeId {
        if vars.is_empty() {
            return TypeId::EMPTY_TUPLE;
        }
        self.add(Type::Tuple(vars))
    }

    /// The underlying type: for a named type its resolved underlying
    /// (INVALID while unresolved), for a type parameter its constraint
    /// interface, else the type itself.
    pub fn under(&self, t: TypeId) -> TypeId {
        let t = self.unalias(t);
        match self.get(t) {
            Type::Named(n) => n.underlying,
            Type::TypeParam(p) => match self.get(p.bound) {
                Type::Named(n) => n.underlying,
                _ => p.bound,
            },
            _ => t,
        }
    }

    pub fn basic_kind(&self, t: TypeId) -> Option<BasicKind> {
        match self.get(self.under(t)) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    /// Borrowed type set of an already-computed interface.
    pub fn type_set_ref(&self, t: TypeId) -> Option<&TypeSet> {
        match self.get(self.under(t)) {
            Type::Interface(Interface { tset: Some(ts), .. }) => Some(ts),
            _ => None,
        }
    }
}

impl World {
    /// Computes (once) and stores the type set of interface `t` (an
    /// interface id, not a named type). Cycles through embedding yield an
    /// empty contribution from the repeated interface.
    pub fn ensure_type_set(&mut self, t: TypeId) {
        let mut stack = Vec::new();
        self.compute_type_set(t, &mut stack);
    }

    fn compute_type_set(&mut self, t: TypeId, stack: &mut Vec<TypeId>) {
        let (methods, embeddeds) = match self.types.get(t) {
            Type::Interface(i) if i.tset.is_none() => (i.methods.clone(), i.embeddeds.clone()),
            _ => return,
        };
        if stack.contains(&t) {
            return;
        }
        stack.push(t);
        let mut set = TypeSet {
            methods,
            terms: None,
            comparable: false,
        };
        for e in embeddeds {
            let (ms, terms, comparable) = self.embedded_type_set(e, stack);
            for m in ms {
                set.methods.push(m);
            }
            set.comparable |= comparable;
            if let Some(ts) = terms {
                set.terms = Some(match set.terms.take() {
                    None => ts,
                    Some(old) => self.intersect_terms(&old, &ts),
                });
            }
        }
        stack.pop();
        set.methods
            .sort_by(|a, b| self.objs[a.index()].name.cmp(&self.objs[b.index()].name));
        set.methods
            .dedup_by(|a, b| self.objs[a.index()].name == self.objs[b.index()].name);
        if let Type::Interface(i) = self.types.get_mut(t) {
            i.tset = Some(Box::new(set));
        }
    }

    /// Methods, terms and comparability contributed by one embedded element.
    fn embedded_type_set(
        &mut self,
        e: TypeId,
        stack: &mut Vec<TypeId>,
    ) -> (Vec<ObjId>, Option<Vec<Term>>, bool) {
        let u = self.types.under(e);
        match self.types.get(u).clone() {
            Type::Interface(_) => {
                self.compute_type_set(u, stack);
                match self.types.get(u) {
                    Type::Interface(Interface { tset: Some(ts), .. }) => {
                        (ts.methods.clone(), ts.terms.clone(), ts.comparable)
                    }
                    _ => (Vec::new(), None, false),
                }
            }
            Type::Union(terms) => {
                let mut out = Vec::new();
                for term in terms {
                    let tu = self.types.under(term.typ);
                    if let Type::Interface(_) = self.types.get(tu) {
                        self.compute_type_set(tu, stack);
                        if let Type::Interface(Interface { tset: Some(ts), .. }) =
                            self.types.get(tu)
                        {
                            match &ts.terms {
                                None => return (Vec::new(), None, false),
                                Some(ts) => out.extend(ts.iter().copied()),
                            }
                        }
                    } else {
                        out.push(term);
                    }
                }
                (Vec::new(), Some(out), false)
            }
            Type::Invalid => (Vec::new(), None, false),
            _ => (
                Vec::new(),
                Some(vec![Term {
                    tilde: false,
                    typ: e,
                }]),
                false,
            ),
        }
    }

    fn intersect_terms(&self, a: &[Term], b: &[Term]) -> Vec<Term> {
        let mut out = Vec::new();
        for x in a {
            for y in b {
                if let Some(t) = self.intersect_term(*x, *y) {
                    out.push(t);
                }
            }
        }
        out
    }

    fn intersect_term(&self, x: Term, y: Term) -> Option<Term> {
        match (x.tilde, y.tilde) {
            (true, true) => (self.types.under(x.typ) == self.types.under(y.typ)
                || crate::predicates::identical(
                    self,
                    self.types.under(x.typ),
                    self.types.under(y.typ),
                ))
            .then_some(x),
            (true, false) => {
                crate::predicates::identical(self, self.types.under(y.typ), self.types.under(x.typ))
                    .then_some(y)
            }
            (false, true) => {
                crate::predicates::identical(self, self.types.under(x.typ), self.types.under(y.typ))
                    .then_some(x)
            }
            (false, false) => crate::predicates::identical(self, x.typ, y.typ).then_some(x),
        }
    }

    /// The type set of an interface type (computing it if needed).
    pub fn type_set(&mut self, t: TypeId) -> TypeSet {
        let u = self.types.under(t);
        self.ensure_type_set(u);
        match self.types.get(u) {
            Type::Interface(Interface { tset: Some(ts), .. }) => (**ts).clone(),
            _ => TypeSet::default(),
        }
    }
}

// ---------------------------------------------------------------------------
// Objects.

/// The predeclared functions.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    Add,
    Alignof,
    Offsetof,
    Sizeof,
    Slice,
    SliceData,
    String,
    StringData,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Imag => "imag",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Recover => "recover",
            Add => "Add",
            Alignof => "Alignof",
            Offsetof => "Offsetof",
            Sizeof => "Sizeof",
            Slice => "Slice",
            SliceData => "SliceData",
            String => "String",
            StringData => "StringData",
        }
    }

    /// (minimum argument count, variadic) as types2's predeclaredFuncs.
    pub fn arity(self) -> (usize, bool) {
        use Builtin::*;
        match self {
            Append => (1, true),
            Cap | Clear | Close | Imag | Len | New | Panic | Real | Alignof | Offsetof | Sizeof
            | SliceData | StringData => (1, false),
            Complex | Copy | Delete | Add | Slice | String => (2, false),
            Make => (1, true),
            Max | Min => (1, true),
            Print | Println => (0, true),
            Recover => (0, false),
        }
    }

    /// Is it a statement-usable builtin (its call may stand alone).
    pub fn is_statement(self) -> bool {
        use Builtin::*;
        matches!(
            self,
            Clear | Close | Copy | Delete | Panic | Print | Println | Recover
        )
    }
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    Var(VarInfo),
    Const(Value),
    TypeName,
    Func(FuncInfo),
    PkgName(PackageId),
    Label,
    Builtin(Builtin),
    Nil,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct VarInfo {
    pub is_field: bool,
    pub embedded: bool,
    pub is_param: bool,
    /// A package-level variable.
    pub is_global: bool,
    /// The variable was used (for `declared and not used`).
    pub used: bool,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct FuncInfo {
    /// Declared with a pointer receiver (`func (p *T) M()`).
    pub ptr_recv: bool,
    /// Declared without a body.
    pub no_body: bool,
}

/// A named language entity.
#[derive(Clone, Debug)]
pub struct Object {
    pub name: Name,
    pub kind: ObjKind,
    pub typ: TypeId,
    /// `None` for universe objects.
    pub pkg: Option<PackageId>,
    /// Declaration position within file `file` of package `pkg`.
    pub pos: Pos,
    pub file: u32,
    /// The scope the object was declared in, if any.
    pub parent: Option<ScopeId>,
    /// A type name declared as alias (`type A = B`).
    pub alias: bool,
}

impl Object {
    pub fn is_exported(&self) -> bool {
        self.name.chars().next().is_some_and(|c| c.is_uppercase())
    }
}

/// A lexical scope.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    pub names: HashMap<Name, ObjId>,
    /// Objects in insertion order (for deterministic iteration).
    pub order: Vec<ObjId>,
    /// A function's outermost scope.
    pub is_func: bool,
    /// Source range (file-relative) the scope covers.
    pub pos: Pos,
    pub end: Pos,
}

/// A package.
#[derive(Clone, Debug)]
pub struct Package {
    pub path: String,
    pub name: Name,
    pub scope: ScopeId,
    pub imports: Vec<PackageId>,
    /// Names of the package's files (for messages).
    pub file_names: Vec<String>,
}

/// Deepest nesting of instance expansions (see [`World::expanding`]).
pub const MAX_EXPANSION: u32 = 64;

/// Everything the checker builds, program-wide.
#[derive(Debug)]
pub struct World {
    pub types: TypeTable,
    pub objs: Vec<Object>,
    pub scopes: Vec<Scope>,
    pub pkgs: Vec<Package>,
    pub universe: ScopeId,
    pub unsafe_pkg: PackageId,
    /// The universe's `comparable` interface.
    pub comparable: TypeId,
    /// The universe's `error` named type.
    pub error: TypeId,
    /// Package ids by import path.
    pub by_path: HashMap<String, PackageId>,
    /// Instances whose generic origin is not resolved yet.
    pub pending_instances: Vec<TypeId>,
    /// Instances being expanded right now (nesting depth): expansion
    /// stops at [`MAX_EXPANSION`] so that `type T[P any] struct{ n *T[[2]P] }`
    /// cannot expand forever; deeper instances stay unexpanded.
    pub expanding: u32,
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

impl World {
    pub fn new() -> World {
        crate::universe::new_world()
    }

    pub fn obj(&self, o: ObjId) -> &Object {
        &self.objs[o.index()]
    }

    pub fn obj_mut(&mut self, o: ObjId) -> &mut Object {
        &mut self.objs[o.index()]
    }

    pub fn new_obj(&mut self, o: Object) -> ObjId {
        let id = ObjId(self.objs.len() as u32);
        self.objs.push(o);
        id
    }

    pub fn new_scope(&mut self, parent: Option<ScopeId>, pos: Pos, end: Pos) -> ScopeId {
        let id = ScopeId(self.scopes.len() as u32);
        self.scopes.push(Scope {
            parent,
            pos,
            end,
            ..Scope::default()
        });
        id
    }

    pub fn scope(&self, s: ScopeId) -> &Scope {
        &self.scopes[s.0 as usize]
    }

    /// Inserts `o` into scope `s`; returns the existing object if the name
    /// is taken (and does not insert). Blank names are never inserted.
    pub fn insert(&mut self, s: ScopeId, o: ObjId) -> Option<ObjId> {
        let name = self.objs[o.index()].name.clone();
        if name == "_" {
            return None;
        }
        let sc = &mut self.scopes[s.0 as usize];
        if let Some(&old) = sc.names.get(&name) {
            return Some(old);
        }
        sc.names.insert(name, o);
        sc.order.push(o);
        if self.objs[o.index()].parent.is_none() {
            self.objs[o.index()].parent = Some(s);
        }
        None
    }

    /// Looks `name` up in `s` and its parents: (scope, object).
    pub fn lookup_parent(&self, mut s: ScopeId, name: &str) -> Option<(ScopeId, ObjId)> {
        loop {
            let sc = self.scope(s);
            if let Some(&o) = sc.names.get(name) {
                return Some((s, o));
            }
            s = sc.parent?;
        }
    }

    pub fn lookup_local(&self, s: ScopeId, name: &str) -> Option<ObjId> {
        self.scope(s).names.get(name).copied()
    }

    pub fn pkg(&self, p: PackageId) -> &Package {
        &self.pkgs[p.0 as usize]
    }

    pub fn new_package(&mut self, path: &str, name: &str) -> PackageId {
        let scope = self.new_scope(Some(self.universe), Pos(0), Pos(u32::MAX));
        let id = PackageId(self.pkgs.len() as u32);
        self.pkgs.push(Package {
            path: path.to_string(),
            name: name.into(),
            scope,
            imports: Vec::new(),
            file_names: Vec::new(),
        });
        self.by_path.insert(path.to_string(), id);
        id
    }

    /// A new variable object.
    pub fn new_var(
        &mut self,
        name: Name,
        typ: TypeId,
        pkg: Option<PackageId>,
        pos: Pos,
        file: u32,
    ) -> ObjId {
        self.new_obj(Object {
            name,
            kind: ObjKind::Var(VarInfo::default()),
            typ,
            pkg,
            pos,
            file,
            parent: None,
            alias: false,
        })
    }

    pub fn var_info_mut(&mut self, o: ObjId) -> Option<&mut VarInfo> {
        match &mut self.objs[o.index()].kind {
            ObjKind::Var(v) => Some(v),
            _ => None,
        }
    }
}
