//! Type printing exactly as types2 prints types in messages: `[]int`,
//! `map[string]int`, `func(x int) string`, `struct{a int; b string}`,
//! `interface{M()}`, `untyped int`, `pkg.T` (qualified when `T` belongs to
//! another package than the one being checked), `List[int]`.

use crate::constant::{quote, BasicKind};
use crate::types::*;
use rgo_syntax::ast::ChanDir;

/// The Go spelling of a basic kind.
pub fn basic_name(k: BasicKind) -> &'static str {
    use BasicKind::*;
    match k {
        Bool => "bool",
        Int => "int",
        Int8 => "int8",
        Int16 => "int16",
        Int32 => "int32",
        Int64 => "int64",
        Uint => "uint",
        Uint8 => "uint8",
        Uint16 => "uint16",
        Uint32 => "uint32",
        Uint64 => "uint64",
        Uintptr => "uintptr",
        Float32 => "float32",
        Float64 => "float64",
        Complex64 => "complex64",
        Complex128 => "complex128",
        String => "string",
        UnsafePointer => "unsafe.Pointer",
        UntypedBool => "untyped bool",
        UntypedInt => "untyped int",
        UntypedRune => "untyped rune",
        UntypedFloat => "untyped float",
        UntypedComplex => "untyped complex",
        UntypedString => "untyped string",
        UntypedNil => "untyped nil",
    }
}

impl World {
    /// `t` as types2 prints it, qualifying names of packages other than
    /// `cur`, with aliases spelled out as the types they denote (the
    /// runtime's type names; stable for the compiler).
    pub fn type_string(&self, t: TypeId, cur: Option<PackageId>) -> String {
        self.write_type(t, cur, false)
    }

    /// `t` as types2 prints it in messages: aliases by their own names
    /// (Go 1.24+ materialized aliases).
    pub fn type_string_aliased(&self, t: TypeId, cur: Option<PackageId>) -> String {
        self.write_type(t, cur, true)
    }

    fn write_type(&self, t: TypeId, cur: Option<PackageId>, aliases: bool) -> String {
        let mut w = Writer {
            w: self,
            cur,
            out: String::new(),
            depth: 0,
            param_names: true,
            aliases,
            locals: None,
            in_targs: 0,
        };
        w.typ(t);
        w.out
    }

    /// `t` as Go's runtime names it (reflect's `String`, `%T`), before
    /// the runtime's spelling of basic names (rgo-compile's layout.rs):
    /// a function-scoped type declared in a generic function lists that
    /// function's type arguments first (`T[int;string]` for `T[string]`
    /// declared in `F[int]`, `L[int]` for a plain one), and inside a type
    /// argument list a function-scoped type carries its `·N` (gc's
    /// vargen: `P[int,main.L·4]`); type arguments are separated by `,`.
    pub fn runtime_type_string(&self, t: TypeId, locals: &LocalTypeNames) -> String {
        let mut w = Writer {
            w: self,
            cur: None,
            out: String::new(),
            depth: 0,
            param_names: true,
            aliases: false,
            locals: Some(locals),
            in_targs: 0,
        };
        w.typ(t);
        w.out
    }

    /// A signature without the leading `func` (as in an interface method).
    pub fn signature_string(&self, t: TypeId, cur: Option<PackageId>) -> String {
        let mut w = Writer {
            w: self,
            cur,
            out: String::new(),
            depth: 0,
            param_names: false,
            aliases: true,
            locals: None,
            in_targs: 0,
        };
        if let Type::Signature(s) = self.types.get(t) {
            w.signature(s);
        }
        w.out
    }
}

/// What the runtime names of function-scoped types need beyond the types
/// themselves ([`World::runtime_type_string`]).
#[derive(Clone, Debug, Default)]
pub struct LocalTypeNames {
    /// The `·N` of each function-scoped defined type: its place among the
    /// package's function-scoped type declarations, in source order.
    pub vargen: std::collections::HashMap<ObjId, u32>,
    /// For each copy of a function-scoped type made for one instance of
    /// the generic function declaring it: that instance's type arguments.
    pub implicit: std::collections::HashMap<TypeId, Vec<TypeId>>,
}

struct Writer<'a> {
    w: &'a World,
    cur: Option<PackageId>,
    out: String,
    depth: u32,
    /// Print parameter names (types2 omits them in method have/want lines).
    param_names: bool,
    /// Print aliases by their names (messages), not as the aliased type.
    aliases: bool,
    /// Runtime names ([`World::runtime_type_string`]).
    locals: Option<&'a LocalTypeNames>,
    /// Type argument lists the writer is inside (runtime names).
    in_targs: u32,
}

impl Writer<'_> {
    fn typ(&mut self, t: TypeId) {
        // A depth bound stands in for types2's cycle guard on broken types.
        if self.depth > 64 {
            self.out.push_str("...");
            return;
        }
        self.depth += 1;
        self.typ_inner(t);
        self.depth -= 1;
    }

    fn typ_inner(&mut self, t: TypeId) {
        match t {
            TypeId::ANY => return self.out.push_str("any"),
            TypeId::BYTE => return self.out.push_str("byte"),
            TypeId::RUNE => return self.out.push_str("rune"),
            _ => {}
        }
        if let Type::Alias(a) = self.w.types.get_raw(t) {
            if self.aliases {
                self.type_name(a.obj);
                if !a.targs.is_empty() {
                    self.type_list(&a.targs);
                } else if !a.tparams.is_empty() {
                    self.tparam_list(&a.tparams);
                }
                return;
            }
            return self.typ(a.rhs);
        }
        match self.w.types.get(t) {
            Type::Invalid => self.out.push_str("invalid type"),
            Type::Basic(k) => self.out.push_str(basic_name(*k)),
            Type::Array(n, e) => {
                self.out.push_str(&format!("[{}]", n));
                self.typ(*e);
            }
            Type::Slice(e) => {
                self.out.push_str("[]");
                self.typ(*e);
            }
            Type::Pointer(e) => {
                self.out.push('*');
                self.typ(*e);
            }
            Type::Map(k, v) => {
                self.out.push_str("map[");
                self.typ(*k);
                self.out.push(']');
                self.typ(*v);
            }
            Type::Chan(dir, e) => self.chan(*dir, *e),
            Type::Struct(s) => self.struct_type(s),
            Type::Signature(s) => {
                self.out.push_str("func");
                self.signature(s);
            }
            Type::Tuple(vars) => self.tuple(vars, false),
            Type::Interface(i) => self.interface(t, i),
            Type::Union(terms) => {
                for (i, term) in terms.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(" | ");
                    }
                    if term.tilde {
                        self.out.push('~');
                    }
                    self.typ(term.typ);
                }
            }
            Type::Named(n) => {
                self.type_name(n.obj);
                if let Some(locals) = self.locals {
                    let implicit = locals
                        .implicit
                        .get(&n.orig.unwrap_or(t))
                        .map_or(&[][..], |v| &v[..]);
                    if !implicit.is_empty() || !n.targs.is_empty() {
                        self.in_targs += 1;
                        self.out.push('[');
                        self.runtime_list(implicit);
                        if !implicit.is_empty() && !n.targs.is_empty() {
                            self.out.push(';');
                        }
                        self.runtime_list(&n.targs);
                        self.out.push(']');
                        self.in_targs -= 1;
                    }
                    if self.in_targs > 0 {
                        if let Some(g) = locals.vargen.get(&n.obj) {
                            self.out.push('·');
                            self.out.push_str(&g.to_string());
                        }
                    }
                } else if !n.targs.is_empty() {
                    self.type_list(&n.targs);
                } else if !n.tparams.is_empty() {
                    self.tparam_list(&n.tparams);
                }
            }
            Type::TypeParam(p) => self.out.push_str(&self.w.obj(p.obj).name),
            Type::Alias(_) => {} // get() looks through aliases
        }
    }

    fn chan(&mut self, dir: ChanDir, e: TypeId) {
        let mut parens = false;
        match dir {
            ChanDir::Both => {
                self.out.push_str("chan ");
                parens = matches!(self.w.types.get(e), Type::Chan(ChanDir::Recv, _));
            }
            ChanDir::Send => self.out.push_str("chan<- "),
            ChanDir::Recv => self.out.push_str("<-chan "),
        }
        if parens {
            self.out.push('(');
        }
        self.typ(e);
        if parens {
            self.out.push(')');
        }
    }

    fn struct_type(&mut self, s: &StructType) {
        self.out.push_str("struct{");
        for (i, &f) in s.fields.iter().enumerate() {
            if i > 0 {
                self.out.push_str("; ");
            }
            let fo = self.w.obj(f);
            let embedded = matches!(fo.kind, ObjKind::Var(VarInfo { embedded: true, .. }));
            if !embedded {
                self.out.push_str(&fo.name);
                self.out.push(' ');
            }
            self.typ(fo.typ);
            if let Some(Some(tag)) = s.tags.get(i) {
                if !tag.is_empty() {
                    self.out.push(' ');
                    self.out.push_str(&quote(tag.as_bytes()));
                }
            }
        }
        self.out.push('}');
    }

    fn interface(&mut self, t: TypeId, i: &Interface) {
        if self.w.types.under(self.w.comparable) == t {
            self.out.push_str("interface{comparable}");
            return;
        }
        if i.implicit && i.methods.is_empty() && i.embeddeds.len() == 1 {
            self.typ(i.embeddeds[0]);
            return;
        }
        self.out.push_str("interface{");
        let mut first = true;
        for &m in &i.methods {
            if !first {
                self.out.push_str("; ");
            }
            first = false;
            let mo = self.w.obj(m);
            self.out.push_str(&mo.name);
            if let Type::Signature(s) = self.w.types.get(mo.typ) {
                self.signature(s);
            }
        }
        for &e in &i.embeddeds {
            if !first {
                self.out.push_str("; ");
            }
            first = false;
            self.typ(e);
        }
        self.out.push('}');
    }

    fn type_name(&mut self, obj: ObjId) {
        let o = self.w.obj(obj);
        if let Some(p) = o.pkg {
            if Some(p) != self.cur {
                self.out.push_str(&self.w.pkg(p).name);
                self.out.push('.');
            }
        }
        self.out.push_str(&o.name);
    }

    fn type_list(&mut self, ts: &[TypeId]) {
        self.out.push('[');
        for (i, &t) in ts.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.typ(t);
        }
        self.out.push(']');
    }

    fn runtime_list(&mut self, ts: &[TypeId]) {
        for (i, &t) in ts.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.typ(t);
        }
    }

    fn tparam_list(&mut self, ts: &[TypeId]) {
        self.out.push('[');
        let mut prev_bound = None;
        for (i, &t) in ts.iter().enumerate() {
            let Type::TypeParam(p) = self.w.types.get(t) else {
                continue;
            };
            if let Some(b) = prev_bound {
                if b != p.bound {
                    self.out.push(' ');
                    self.typ(b);
                }
            }
            if i > 0 {
                self.out.push_str(", ");
            }
            prev_bound = Some(p.bound);
            self.out.push_str(&self.w.obj(p.obj).name);
        }
        if let Some(b) = prev_bound {
            self.out.push(' ');
            self.typ(b);
        }
        self.out.push(']');
    }

    fn tuple(&mut self, vars: &[ObjId], variadic: bool) {
        self.out.push('(');
        for (i, &v) in vars.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            let vo = self.w.obj(v);
            if !vo.name.is_empty() && self.param_names {
                self.out.push_str(&vo.name);
                self.out.push(' ');
            }
            let mut typ = vo.typ;
            if variadic && i == vars.len() - 1 {
                if let Type::Slice(e) = self.w.types.get(typ) {
                    self.out.push_str("...");
                    typ = *e;
                }
            }
            self.typ(typ);
        }
        self.out.push(')');
    }

    fn signature(&mut self, s: &Signature) {
        if !s.tparams.is_empty() && s.recv.is_none() {
            self.tparam_list(&s.tparams);
        }
        self.tuple(&s.params, s.variadic);
        match s.results.len() {
            0 => {}
            1 if self.w.obj(s.results[0]).name.is_empty() => {
                self.out.push(' ');
                self.typ(self.w.obj(s.results[0]).typ);
            }
            _ => {
                self.out.push(' ');
                self.tuple(&s.results, false);
            }
        }
    }
}
