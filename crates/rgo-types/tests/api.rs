//! The checker's data model through its public API: fixed basic type ids,
//! type printing as types2 prints, identity, comparability, linux/amd64
//! sizes, and method sets.

use rgo_syntax::ast::ChanDir;
use rgo_syntax::Pos;
use rgo_types::types::*;

fn field(w: &mut World, name: &str, t: TypeId) -> ObjId {
    let o = w.new_var(name.into(), t, None, Pos(0), 0);
    if let Some(vi) = w.var_info_mut(o) {
        vi.is_field = true;
    }
    o
}

fn strukt(w: &mut World, fields: &[(&str, TypeId)]) -> TypeId {
    let fs: Vec<ObjId> = fields.iter().map(|(n, t)| field(w, n, *t)).collect();
    let tags = vec![None; fs.len()];
    w.types.add(Type::Struct(StructType { fields: fs, tags }))
}

#[test]
fn basic_ids_are_fixed() {
    let w = World::new();
    assert_eq!(w.type_string(TypeId::INT, None), "int");
    assert_eq!(w.type_string(TypeId::UNTYPED_FLOAT, None), "untyped float");
    assert_eq!(w.type_string(TypeId::BYTE, None), "byte");
    assert_eq!(w.type_string(TypeId::UINT8, None), "uint8");
    assert_eq!(
        w.type_string(TypeId::UNSAFE_POINTER, None),
        "unsafe.Pointer"
    );
    assert_eq!(w.type_string(TypeId::ANY, None), "any");
    assert_eq!(w.type_string(w.error, None), "error");
    assert!(rgo_types::predicates::identical(
        &w,
        TypeId::BYTE,
        TypeId::UINT8
    ));
    assert!(!rgo_types::predicates::identical(
        &w,
        TypeId::INT,
        TypeId::INT64
    ));
}

#[test]
fn composite_types_print_as_types2() {
    let mut w = World::new();
    let sl = w.types.slice(TypeId::INT);
    let m = w.types.map(TypeId::STRING, sl);
    let rc = w.types.chan(ChanDir::Recv, TypeId::INT);
    let c = w.types.chan(ChanDir::Both, rc);
    let p = w.types.pointer(TypeId::BOOL);
    let a = w.types.array(4, p);
    assert_eq!(w.type_string(m, None), "map[string][]int");
    assert_eq!(w.type_string(c, None), "chan (<-chan int)");
    assert_eq!(w.type_string(a, None), "[4]*bool");
    let s = strukt(&mut w, &[("a", TypeId::INT), ("b", TypeId::STRING)]);
    assert_eq!(w.type_string(s, None), "struct{a int; b string}");
    let x = w.new_var("x".into(), TypeId::INT, None, Pos(0), 0);
    let r = w.new_var("".into(), TypeId::STRING, None, Pos(0), 0);
    let sig = w.types.add(Type::Signature(Signature {
        params: vec![x],
        results: vec![r],
        ..Signature::default()
    }));
    assert_eq!(w.type_string(sig, None), "func(x int) string");
    // Interned: the same structure is the same id.
    assert_eq!(w.types.slice(TypeId::INT), sl);
}

#[test]
fn identity_and_comparability() {
    let mut w = World::new();
    let s1 = strukt(&mut w, &[("a", TypeId::INT)]);
    let s2 = strukt(&mut w, &[("a", TypeId::INT)]);
    let s3 = strukt(&mut w, &[("b", TypeId::INT)]);
    assert!(rgo_types::predicates::identical(&w, s1, s2));
    assert!(!rgo_types::predicates::identical(&w, s1, s3));
    let sl = w.types.slice(TypeId::INT);
    let with_slice = strukt(&mut w, &[("a", sl)]);
    assert!(w.comparable(s1));
    assert!(!w.comparable(sl));
    assert!(!w.comparable(with_slice));
    assert!(w.comparable(TypeId::ANY));
}

#[test]
fn amd64_sizes() {
    let mut w = World::new();
    assert_eq!(w.sizeof(TypeId::STRING), 16);
    assert_eq!(w.alignof(TypeId::COMPLEX64), 4);
    assert_eq!(w.sizeof(TypeId::COMPLEX128), 16);
    let s = strukt(
        &mut w,
        &[
            ("a", TypeId::BOOL),
            ("b", TypeId::INT32),
            ("c", TypeId::INT16),
        ],
    );
    assert_eq!((w.sizeof(s), w.alignof(s)), (12, 4));
    let empty = strukt(&mut w, &[]);
    let tail = strukt(&mut w, &[("x", TypeId::INT32), ("z", empty)]);
    assert_eq!(w.sizeof(tail), 8, "trailing zero-size field gets padding");
    let only_empty = strukt(&mut w, &[("z", empty)]);
    assert_eq!(w.sizeof(only_empty), 0);
    let big = w.types.array(1 << 62, TypeId::INT64);
    assert_eq!(w.sizeof(big), -1, "overflow is reported as -1");
}

/// Layouts are computed once per type: a struct nested 200 levels deep
/// (two fields of the previous level each) is sized in linear time, and a
/// type containing itself by value (only possible after an error) has no
/// size instead of recursing forever.
#[test]
fn nested_and_cyclic_layouts_terminate() {
    let mut w = World::new();
    let mut t = strukt(&mut w, &[("a", TypeId::INT8)]);
    for _ in 0..200 {
        t = strukt(&mut w, &[("x", t), ("y", t)]);
    }
    assert_eq!(w.alignof(t), 1);
    assert_eq!(w.sizeof(t), -1, "2^200 bytes overflow i64");
    let mut t = strukt(&mut w, &[("a", TypeId::INT64)]);
    for _ in 0..40 {
        t = strukt(&mut w, &[("x", t), ("y", t)]);
    }
    assert_eq!(w.sizeof(t), 8 << 40);
    // A struct whose field is the struct itself (a broken type).
    let f = field(&mut w, "self", TypeId::INVALID);
    let s = w.types.add(Type::Struct(StructType {
        fields: vec![f],
        tags: vec![None],
    }));
    w.obj_mut(f).typ = s;
    assert_eq!(w.sizeof(s), -1);
}
