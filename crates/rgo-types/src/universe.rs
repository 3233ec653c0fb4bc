//! The universe scope (every predeclared identifier) and package `unsafe`.

use crate::constant::Value;
use crate::types::*;
use rgo_syntax::Pos;

const BASIC_NAMES: [(&str, TypeId); 20] = [
    ("bool", TypeId::BOOL),
    ("int", TypeId::INT),
    ("int8", TypeId::INT8),
    ("int16", TypeId::INT16),
    ("int32", TypeId::INT32),
    ("int64", TypeId::INT64),
    ("uint", TypeId::UINT),
    ("uint8", TypeId::UINT8),
    ("uint16", TypeId::UINT16),
    ("uint32", TypeId::UINT32),
    ("uint64", TypeId::UINT64),
    ("uintptr", TypeId::UINTPTR),
    ("float32", TypeId::FLOAT32),
    ("float64", TypeId::FLOAT64),
    ("complex64", TypeId::COMPLEX64),
    ("complex128", TypeId::COMPLEX128),
    ("string", TypeId::STRING),
    ("byte", TypeId::BYTE),
    ("rune", TypeId::RUNE),
    ("any", TypeId::ANY),
];

const UNIVERSE_FUNCS: [Builtin; 18] = [
    Builtin::Append,
    Builtin::Cap,
    Builtin::Clear,
    Builtin::Close,
    Builtin::Complex,
    Builtin::Copy,
    Builtin::Delete,
    Builtin::Imag,
    Builtin::Len,
    Builtin::Make,
    Builtin::Max,
    Builtin::Min,
    Builtin::New,
    Builtin::Panic,
    Builtin::Print,
    Builtin::Println,
    Builtin::Real,
    Builtin::Recover,
];

const UNSAFE_FUNCS: [Builtin; 8] = [
    Builtin::Add,
    Builtin::Alignof,
    Builtin::Offsetof,
    Builtin::Sizeof,
    Builtin::Slice,
    Builtin::SliceData,
    Builtin::String,
    Builtin::StringData,
];

fn universe_obj(name: &str, kind: ObjKind, typ: TypeId, pkg: Option<PackageId>) -> Object {
    Object {
        name: name.into(),
        kind,
        typ,
        pkg,
        pos: Pos(0),
        file: 0,
        parent: None,
        alias: false,
    }
}

pub(crate) fn new_world() -> World {
    let mut w = World {
        types: TypeTable::new(),
        objs: Vec::new(),
        scopes: Vec::new(),
        pkgs: Vec::new(),
        universe: ScopeId(0),
        unsafe_pkg: PackageId(0),
        comparable: TypeId::INVALID,
        error: TypeId::INVALID,
        by_path: Default::default(),
        pending_instances: Vec::new(),
        expanding: 0,
    };
    let u = w.new_scope(None, Pos(0), Pos(u32::MAX));
    w.universe = u;
    for (name, t) in BASIC_NAMES {
        let mut o = universe_obj(name, ObjKind::TypeName, t, None);
        o.alias = matches!(name, "byte" | "rune" | "any");
        let id = w.new_obj(o);
        w.insert(u, id);
    }
    define_error(&mut w, u);
    define_comparable(&mut w, u);
    for (name, v) in [("true", true), ("false", false)] {
        let id = w.new_obj(universe_obj(
            name,
            ObjKind::Const(Value::from_bool(v)),
            TypeId::UNTYPED_BOOL,
            None,
        ));
        w.insert(u, id);
    }
    let iota = w.new_obj(universe_obj(
        "iota",
        ObjKind::Const(Value::from_i64(0)),
        TypeId::UNTYPED_INT,
        None,
    ));
    w.insert(u, iota);
    let nil = w.new_obj(universe_obj("nil", ObjKind::Nil, TypeId::UNTYPED_NIL, None));
    w.insert(u, nil);
    for b in UNIVERSE_FUNCS {
        let id = w.new_obj(universe_obj(
            b.name(),
            ObjKind::Builtin(b),
            TypeId::INVALID,
            None,
        ));
        w.insert(u, id);
    }
    define_unsafe(&mut w);
    w
}

fn define_error(w: &mut World, u: ScopeId) {
    let obj = w.new_obj(universe_obj(
        "error",
        ObjKind::TypeName,
        TypeId::INVALID,
        None,
    ));
    let named = w.types.add(Type::Named(Named {
        obj,
        underlying: TypeId::INVALID,
        methods: Vec::new(),
        tparams: Vec::new(),
        targs: Vec::new(),
        orig: None,
    }));
    w.obj_mut(obj).typ = named;
    let res = w.new_var("".into(), TypeId::STRING, None, Pos(0), 0);
    let recv = w.new_var("".into(), named, None, Pos(0), 0);
    let sig = w.types.add(Type::Signature(Signature {
        recv: Some(recv),
        results: vec![res],
        ..Signature::default()
    }));
    let m = w.new_obj(universe_obj(
        "Error",
        ObjKind::Func(FuncInfo::default()),
        sig,
        None,
    ));
    let iface = w.types.add(Type::Interface(Interface {
        methods: vec![m],
        ..Interface::default()
    }));
    w.ensure_type_set(iface);
    if let Type::Named(n) = w.types.get_mut(named) {
        n.underlying = iface;
    }
    w.error = named;
    w.insert(u, obj);
}

fn define_comparable(w: &mut World, u: ScopeId) {
    let obj = w.new_obj(universe_obj(
        "comparable",
        ObjKind::TypeName,
        TypeId::INVALID,
        None,
    ));
    let iface = w.types.add(Type::Interface(Interface {
        tset: Some(Box::new(TypeSet {
            methods: Vec::new(),
            terms: None,
            comparable: true,
        })),
        ..Interface::default()
    }));
    let named = w.types.add(Type::Named(Named {
        obj,
        underlying: iface,
        methods: Vec::new(),
        tparams: Vec::new(),
        targs: Vec::new(),
        orig: None,
    }));
    w.obj_mut(obj).typ = named;
    w.comparable = named;
    w.insert(u, obj);
}

fn define_unsafe(w: &mut World) {
    let p = w.new_package("unsafe", "unsafe");
    w.unsafe_pkg = p;
    let scope = w.pkg(p).scope;
    let ptr = w.new_obj(universe_obj(
        "Pointer",
        ObjKind::TypeName,
        TypeId::UNSAFE_POINTER,
        Some(p),
    ));
    w.insert(scope, ptr);
    for b in UNSAFE_FUNCS {
        let id = w.new_obj(universe_obj(
            b.name(),
            ObjKind::Builtin(b),
            TypeId::INVALID,
            Some(p),
        ));
        w.insert(scope, id);
    }
}
