//! gc's intrinsics: calls to a few std functions compile to one VM
//! instruction instead of a call, as gc compiles them to a machine
//! instruction (cmd/compile's ssagen/intrinsics.go lists them).
//!
//! - `math.Sqrt` becomes `SqrtF64`;
//! - the integer functions of `sync/atomic` (Load, Store, Swap, Add, And,
//!   Or, CompareAndSwap on Int32, Uint32, Int64, Uint64, Uintptr) become
//!   `AtomicLoad`, `AtomicStore`, `AtomicRmw` and `AtomicCas`. Their
//!   `Pointer` variants stay natives: a pointer store will need the GC's
//!   write barrier.
//!
//! Invariant: an intrinsic reads its operands from the call's argument
//! window and writes its result where the call's result would be, so the
//! caller's code around it is the same as for a call; only the call
//! instruction is replaced. Like the inlined calls of gc, an intrinsic
//! has no frame of its own: a nil pointer passed to an atomic panics in
//! the caller's frame, as under gc.

use rgo_runtime::op::{AtomicOp, Instr, MemKind, Slot};
use rgo_syntax::ast::Expr;
use rgo_types::types::ObjKind;

use crate::func::Fc;

/// What an intrinsified call does.
#[derive(Clone, Copy)]
pub(crate) enum Intrinsic {
    Sqrt,
    AtomicLoad(MemKind),
    AtomicStore(MemKind),
    AtomicRmw(AtomicOp, MemKind),
    AtomicCas(MemKind),
}

impl<'c, 'a> Fc<'c, 'a> {
    /// The intrinsic `fun` (the callee expression of a static call) names.
    pub(crate) fn intrinsic(&self, fun: &Expr) -> Option<Intrinsic> {
        let o = self.qualified(fun).or_else(|| self.use_of(fun))?;
        let obj = self.c.w.obj(o);
        if !matches!(obj.kind, ObjKind::Func(_)) {
            return None;
        }
        let path = self.c.w.pkg(obj.pkg?).path.as_str();
        match path {
            "math" if obj.name == "Sqrt" => Some(Intrinsic::Sqrt),
            "sync/atomic" => atomic(&obj.name),
            _ => None,
        }
    }

    /// Emits intrinsic `i` for a call whose frame window starts at `base`
    /// (results first, then arguments).
    pub(crate) fn emit_intrinsic(&mut self, i: Intrinsic, base: Slot) {
        let at = |k: u16| Slot(base.0 + k);
        let ins = match i {
            Intrinsic::Sqrt => Instr::SqrtF64 {
                dst: base,
                a: at(1),
            },
            Intrinsic::AtomicLoad(kind) => Instr::AtomicLoad {
                dst: base,
                p: at(1),
                kind,
            },
            Intrinsic::AtomicStore(kind) => Instr::AtomicStore {
                p: base,
                src: at(1),
                kind,
            },
            Intrinsic::AtomicRmw(op, kind) => Instr::AtomicRmw {
                dst: base,
                p: at(1),
                src: at(2),
                kind,
                op,
            },
            Intrinsic::AtomicCas(kind) => Instr::AtomicCas {
                dst: base,
                p: at(1),
                old: at(2),
                new: at(3),
                kind,
            },
        };
        self.emit(ins);
    }
}

/// Makes the intrinsic of one sync/atomic operation for an operand width.
type MakeAtomic = fn(MemKind) -> Intrinsic;

/// The intrinsic of sync/atomic function `name`, if it has one.
fn atomic(name: &str) -> Option<Intrinsic> {
    let ops: [(&str, MakeAtomic); 7] = [
        ("CompareAndSwap", Intrinsic::AtomicCas),
        ("Load", Intrinsic::AtomicLoad),
        ("Store", Intrinsic::AtomicStore),
        ("Swap", |k| Intrinsic::AtomicRmw(AtomicOp::Swap, k)),
        ("Add", |k| Intrinsic::AtomicRmw(AtomicOp::Add, k)),
        ("And", |k| Intrinsic::AtomicRmw(AtomicOp::And, k)),
        ("Or", |k| Intrinsic::AtomicRmw(AtomicOp::Or, k)),
    ];
    let (make, ty) = ops
        .iter()
        .find_map(|(p, make)| name.strip_prefix(p).map(|ty| (make, ty)))?;
    let kind = match ty {
        "Int32" => MemKind::I32,
        "Uint32" => MemKind::U32,
        "Int64" | "Uint64" | "Uintptr" => MemKind::W64,
        _ => return None,
    };
    Some(make(kind))
}
