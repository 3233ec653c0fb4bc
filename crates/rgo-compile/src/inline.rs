//! Inlining of small leaf functions, on finished bytecode (Go's inliner
//! works on IR; this one splices the callee's instructions).
//!
//! A call `Call { func: f, base }` runs `f` with its frame at the caller's
//! slot `base`. When `f` is a small *leaf* — straight-line or forward-
//! branching code that calls nothing, allocates nothing, defers nothing
//! and never looks at its closure — the call is replaced by `f`'s code
//! with every slot operand moved up by `base`: the inlined code uses the
//! very slots the callee's frame would have occupied, so arguments and
//! results need no copying and nothing else changes.
//!
//! Invariants:
//! - an inlined body contains no safepoint (no call, no allocation, no
//!   backward jump), so neither the GC nor a preemption nor a goroutine
//!   dump can observe a frame stopped inside it; only a panic raised by
//!   one of its instructions can, and the traceback then prints the
//!   inlined function as its own frame (`Func::inlined`), as Go prints
//!   inlined frames;
//! - the caller's frame grows to cover `base + f.frame_size`; the new
//!   slots hold no pointer between safepoints (see above), so the
//!   caller's pointer map does not change;
//! - only functions that were leaves before this pass are inlined (no
//!   nested inlining), so an instruction belongs to at most one inlined
//!   call;
//! - every jump, the line table and the recovery pc of the caller are
//!   renumbered; jumps inside the inlined body keep their offsets (the
//!   body is copied contiguously), and its `Ret`s jump to its end.

use std::collections::HashMap;

use rgo_runtime::op::{FuncId, Instr, Slot};
use rgo_runtime::symtab::{Func, InlinedCall};

use crate::peephole::jump_off_mut;

/// Largest callee body (instructions, trailing `Ret`s excluded) inlined.
const MAX_BODY: usize = 12;

/// Inlines small leaf callees into every function of `funcs`.
pub(crate) fn run(funcs: &mut [Func]) {
    let leaf: Vec<bool> = funcs.iter().map(inlinable).collect();
    for i in 0..funcs.len() {
        let has_target = funcs[i].code.iter().any(
            |ins| matches!(ins, Instr::Call { func, .. } if leaf.get(func.idx()) == Some(&true)),
        );
        if !has_target {
            continue;
        }
        if let Some(f) = inline_into(&funcs[i], funcs, &leaf) {
            funcs[i] = f;
        }
    }
}

/// Whether `f` may be spliced into its callers.
fn inlinable(f: &Func) -> bool {
    if f.wrapper {
        return false;
    }
    let body = body_len(f);
    if body == 0 || body > MAX_BODY {
        return false;
    }
    f.code[..body].iter().all(|ins| {
        if let Some(off) = jump_off(ins) {
            if off < 0 {
                return false;
            }
        }
        matches!(ins, Instr::Ret) || relocate(ins, 0).is_some()
    })
}

/// The callee's code without its trailing `Ret`s (`0` when it does not
/// end in one).
fn body_len(f: &Func) -> usize {
    let mut n = f.code.len();
    while n > 0 && matches!(f.code[n - 1], Instr::Ret) {
        n -= 1;
    }
    if n == f.code.len() {
        0
    } else {
        n
    }
}

fn jump_off(ins: &Instr) -> Option<i32> {
    let mut i = *ins;
    jump_off_mut(&mut i).map(|o| *o)
}

/// Rebuilds `f` with its inlinable calls spliced; `None` when a call
/// cannot be (slots would overflow).
fn inline_into(f: &Func, funcs: &[Func], leaf: &[bool]) -> Option<Func> {
    let n = f.code.len();
    let mut code: Vec<Instr> = Vec::with_capacity(n * 2);
    let mut lines: Vec<u32> = Vec::with_capacity(n * 2);
    let mut consts: Vec<u64> = f.consts.to_vec();
    let mut const_of: HashMap<(u32, u32), u32> = HashMap::new();
    let mut inlined: Vec<InlinedCall> = Vec::new();
    let mut frame = f.frame_size;
    // new_pc[old] = first new instruction of old instruction `old`;
    // new_pc[n] = the end.
    let mut new_pc: Vec<u32> = Vec::with_capacity(n + 1);
    // (new pc of a caller jump, old target) to patch at the end.
    let mut patches: Vec<(usize, usize)> = Vec::new();
    for (pc, ins) in f.code.iter().enumerate() {
        new_pc.push(code.len() as u32);
        let line = f.line_at(pc);
        if let Instr::Call { func, base } = *ins {
            if leaf.get(func.idx()) == Some(&true) {
                let callee = &funcs[func.idx()];
                let top = base.0 as u32 + callee.frame_size;
                if top <= u16::MAX as u32 {
                    let start = code.len();
                    let body = body_len(callee);
                    for (j, cins) in callee.code[..body].iter().enumerate() {
                        let mut r = if matches!(cins, Instr::Ret) {
                            Instr::Jmp {
                                off: (body - j - 1) as i32,
                            }
                        } else {
                            relocate(cins, base.0)?
                        };
                        // Jumps to the stripped trailing `Ret`s land at
                        // the end of the body.
                        if let Some(off) = jump_off_mut(&mut r) {
                            let target = (j as i64 + 1 + *off as i64).min(body as i64);
                            *off = (target - j as i64 - 1) as i32;
                        }
                        remap_consts(&mut r, func, callee, &mut consts, &mut const_of)?;
                        code.push(r);
                        lines.push(callee.line_at(j));
                    }
                    inlined.push(InlinedCall {
                        start: start as u32,
                        end: code.len() as u32,
                        callee: func,
                        call_line: line,
                    });
                    frame = frame.max(top);
                    continue;
                }
            }
        }
        if let Some(off) = jump_off(ins) {
            let target = (pc as i64 + 1 + off as i64) as usize;
            patches.push((code.len(), target));
        }
        code.push(*ins);
        lines.push(line);
    }
    new_pc.push(code.len() as u32);
    if inlined.is_empty() {
        return None;
    }
    for (at, target) in patches {
        let t = *new_pc.get(target)? as i64;
        let off = jump_off_mut(&mut code[at])?;
        *off = i32::try_from(t - at as i64 - 1).ok()?;
    }
    let mut ptrmap = f.ptrmap.to_vec();
    ptrmap.resize((frame as usize).div_ceil(64).max(ptrmap.len()), 0);
    Some(Func {
        name: f.name.clone(),
        code: code.into_boxed_slice(),
        consts: consts.into_boxed_slice(),
        frame_size: frame,
        result_slots: f.result_slots,
        arg_slots: f.arg_slots,
        ptrmap: ptrmap.into_boxed_slice(),
        file: f.file.clone(),
        lines: lines.into_boxed_slice(),
        recover_pc: *new_pc.get(f.recover_pc as usize)?,
        wrapper: f.wrapper,
        inlined: inlined.into_boxed_slice(),
    })
}

/// Moves the callee's constant-pool references into the caller's pool.
fn remap_consts(
    ins: &mut Instr,
    fid: FuncId,
    callee: &Func,
    consts: &mut Vec<u64>,
    const_of: &mut HashMap<(u32, u32), u32>,
) -> Option<()> {
    let (idx, width) = match ins {
        Instr::LoadConst { idx, .. } => (idx, 1),
        Instr::DivConstI64 { k, .. } | Instr::RemConstI64 { k, .. } => (k, 3),
        _ => return Some(()),
    };
    let key = (fid.0, *idx);
    let new = match const_of.get(&key) {
        Some(&n) => n,
        None => {
            let n = u32::try_from(consts.len()).ok()?;
            let from = *idx as usize;
            consts.extend_from_slice(callee.consts.get(from..from + width)?);
            const_of.insert(key, n);
            n
        }
    };
    *idx = new;
    Some(())
}

/// `ins` with every slot operand moved up by `d`; `None` for an
/// instruction an inlined body may not contain (or on overflow).
fn relocate(ins: &Instr, d: u16) -> Option<Instr> {
    use Instr::*;
    let m = |s: Slot| -> Option<Slot> { s.0.checked_add(d).map(Slot) };
    Some(match *ins {
        Nop => Nop,
        Mov { dst, src } => Mov {
            dst: m(dst)?,
            src: m(src)?,
        },
        MovN { dst, src, n } => MovN {
            dst: m(dst)?,
            src: m(src)?,
            n,
        },
        ZeroN { dst, n } => ZeroN { dst: m(dst)?, n },
        LoadImm { dst, imm } => LoadImm { dst: m(dst)?, imm },
        LoadConst { dst, idx } => LoadConst { dst: m(dst)?, idx },
        AddI64 { dst, a, b } => AddI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        SubI64 { dst, a, b } => SubI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        MulI64 { dst, a, b } => MulI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        DivI64 { dst, a, b } => DivI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        RemI64 { dst, a, b } => RemI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        DivU64 { dst, a, b } => DivU64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        RemU64 { dst, a, b } => RemU64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        AndI64 { dst, a, b } => AndI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        OrI64 { dst, a, b } => OrI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        XorI64 { dst, a, b } => XorI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        AndNotI64 { dst, a, b } => AndNotI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        Shl { dst, a, b } => Shl {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        ShrI64 { dst, a, b } => ShrI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        ShrU64 { dst, a, b } => ShrU64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        ShiftCheck { a } => ShiftCheck { a: m(a)? },
        AddImmI64 { dst, a, imm } => AddImmI64 {
            dst: m(dst)?,
            a: m(a)?,
            imm,
        },
        NegI64 { dst, a } => NegI64 {
            dst: m(dst)?,
            a: m(a)?,
        },
        ComI64 { dst, a } => ComI64 {
            dst: m(dst)?,
            a: m(a)?,
        },
        Not { dst, a } => Not {
            dst: m(dst)?,
            a: m(a)?,
        },
        Ext { dst, src, kind } => Ext {
            dst: m(dst)?,
            src: m(src)?,
            kind,
        },
        AddF64 { dst, a, b } => AddF64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        SubF64 { dst, a, b } => SubF64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        MulF64 { dst, a, b } => MulF64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        DivF64 { dst, a, b } => DivF64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        NegF64 { dst, a } => NegF64 {
            dst: m(dst)?,
            a: m(a)?,
        },
        AddF32 { dst, a, b } => AddF32 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        SubF32 { dst, a, b } => SubF32 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        MulF32 { dst, a, b } => MulF32 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        DivF32 { dst, a, b } => DivF32 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        NegF32 { dst, a } => NegF32 {
            dst: m(dst)?,
            a: m(a)?,
        },
        Conv { dst, src, op } => Conv {
            dst: m(dst)?,
            src: m(src)?,
            op,
        },
        EqI64 { dst, a, b } => EqI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        NeI64 { dst, a, b } => NeI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        LtI64 { dst, a, b } => LtI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        LeI64 { dst, a, b } => LeI64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        LtU64 { dst, a, b } => LtU64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        LeU64 { dst, a, b } => LeU64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        EqF64 { dst, a, b } => EqF64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        NeF64 { dst, a, b } => NeF64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        LtF64 { dst, a, b } => LtF64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        LeF64 { dst, a, b } => LeF64 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        EqF32 { dst, a, b } => EqF32 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        NeF32 { dst, a, b } => NeF32 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        LtF32 { dst, a, b } => LtF32 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        LeF32 { dst, a, b } => LeF32 {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
        },
        CmpStr { dst, a, b, op } => CmpStr {
            dst: m(dst)?,
            a: m(a)?,
            b: m(b)?,
            op,
        },
        Jmp { off } => Jmp { off },
        JmpIf { cond, off } => JmpIf {
            cond: m(cond)?,
            off,
        },
        JmpIfNot { cond, off } => JmpIfNot {
            cond: m(cond)?,
            off,
        },
        JmpLtI64 { a, b, off } => JmpLtI64 {
            a: m(a)?,
            b: m(b)?,
            off,
        },
        JmpGeI64 { a, b, off } => JmpGeI64 {
            a: m(a)?,
            b: m(b)?,
            off,
        },
        JmpEqI64 { a, b, off } => JmpEqI64 {
            a: m(a)?,
            b: m(b)?,
            off,
        },
        JmpNeI64 { a, b, off } => JmpNeI64 {
            a: m(a)?,
            b: m(b)?,
            off,
        },
        JmpLtImmI64 { a, imm, off } => JmpLtImmI64 { a: m(a)?, imm, off },
        JmpGeImmI64 { a, imm, off } => JmpGeImmI64 { a: m(a)?, imm, off },
        JmpLeI64 { a, b, off } => JmpLeI64 {
            a: m(a)?,
            b: m(b)?,
            off,
        },
        JmpGtI64 { a, b, off } => JmpGtI64 {
            a: m(a)?,
            b: m(b)?,
            off,
        },
        Load { dst, p, kind, off } => Load {
            dst: m(dst)?,
            p: m(p)?,
            kind,
            off,
        },
        Store { p, src, kind, off } => Store {
            p: m(p)?,
            src: m(src)?,
            kind,
            off,
        },
        LoadN { dst, p, n, off } => LoadN {
            dst: m(dst)?,
            p: m(p)?,
            n,
            off,
        },
        StoreN { p, src, n, off } => StoreN {
            p: m(p)?,
            src: m(src)?,
            n,
            off,
        },
        NilCheck { p } => NilCheck { p: m(p)? },
        IndexAddr { dst, p, i, size } => IndexAddr {
            dst: m(dst)?,
            p: m(p)?,
            i: m(i)?,
            size,
        },
        BoundsCheck { i, len } => BoundsCheck {
            i: m(i)?,
            len: m(len)?,
        },
        LoadElem { dst, s, i, kind } => LoadElem {
            dst: m(dst)?,
            s: m(s)?,
            i: m(i)?,
            kind,
        },
        StoreElem { s, i, src, kind } => StoreElem {
            s: m(s)?,
            i: m(i)?,
            src: m(src)?,
            kind,
        },
        AddPtrImm { dst, a, imm } => AddPtrImm {
            dst: m(dst)?,
            a: m(a)?,
            imm,
        },
        SqrtF64 { dst, a } => SqrtF64 {
            dst: m(dst)?,
            a: m(a)?,
        },
        DivConstI64 { dst, a, k } => DivConstI64 {
            dst: m(dst)?,
            a: m(a)?,
            k,
        },
        RemConstI64 { dst, a, k } => RemConstI64 {
            dst: m(dst)?,
            a: m(a)?,
            k,
        },
        MulAddI64 { t, a, b, d, c } => MulAddI64 {
            t: m(t)?,
            a: m(a)?,
            b: m(b)?,
            d: m(d)?,
            c: m(c)?,
        },
        MulAddF64 { t, a, b, d, c } => MulAddF64 {
            t: m(t)?,
            a: m(a)?,
            b: m(b)?,
            d: m(d)?,
            c: m(c)?,
        },
        _ => return None,
    })
}
