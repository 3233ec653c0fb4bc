//! Inlining of small leaf functions, on finished bytecode (Go's inliner
//! works on IR; this one splices the callee's instructions).
//!
//! A call `Call { func: f, base }` runs `f` with its frame at the caller's
//! slot `base`. When `f` is a small *leaf* — straight-line or forward-
//! branching code that calls nothing, defers nothing
//! and never looks at its closure — the call is replaced by `f`'s code
//! with every slot operand moved up by `base`: the inlined code uses the
//! very slots the callee's frame would have occupied, so arguments and
//! results need no copying and nothing else changes.
//!
//! Invariants:
//! - an inlined body contains no safepoint (no call, no
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
    if f.wrapper || f.noinline {
        return false;
    }
    let body = body_len(f);
    if body == 0 || body > MAX_BODY {
        return false;
    }
    f.code[..body].iter().all(|ins| {
        if let Some(off) = ins.jump_off() {
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
    let targets = jump_targets(f);
    for (pc, ins) in f.code.iter().enumerate() {
        new_pc.push(code.len() as u32);
        let line = f.lines.get(pc).copied().unwrap_or(0);
        if let Instr::Call { func, base } = *ins {
            if leaf.get(func.idx()) == Some(&true) {
                let callee = &funcs[func.idx()];
                let top = base.0 as u32 + callee.frame_size;
                if top <= u16::MAX as u32 {
                    let body = body_len(callee);
                    let subst = forward_args(&f.code, pc, base, callee, body, &targets);
                    // The forwarded argument moves are the last ones emitted.
                    code.truncate(code.len() - subst.len());
                    lines.truncate(code.len());
                    let start = code.len();
                    for (j, cins) in callee.code[..body].iter().enumerate() {
                        let mut r = if matches!(cins, Instr::Ret) {
                            Instr::Jmp {
                                off: (body - j - 1) as i32,
                            }
                        } else {
                            relocate(cins, base.0)?
                        };
                        if !subst.is_empty() {
                            r.slots_mut(&mut |s| {
                                if let Some(&(_, src)) = subst.iter().find(|(d, _)| *d == *s) {
                                    *s = src;
                                }
                            });
                        }
                        // Jumps to the stripped trailing `Ret`s land at
                        // the end of the body.
                        if let Some(off) = r.jump_off_mut() {
                            let target = (j as i64 + 1 + *off as i64).min(body as i64);
                            *off = (target - j as i64 - 1) as i32;
                        }
                        remap_consts(&mut r, func, callee, &mut consts, &mut const_of)?;
                        code.push(r);
                        lines.push(callee.lines.get(j).copied().unwrap_or(0));
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
        if let Some(off) = ins.jump_off() {
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
        let off = code[at].jump_off_mut()?;
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
        files: f.files.clone(),
        arg_info: f.arg_info.clone(),
        lines: lines.into_boxed_slice(),
        recover_pc: *new_pc.get(f.recover_pc as usize)?,
        wrapper: f.wrapper,
        inlined: inlined.into_boxed_slice(),
        stackmap: Default::default(),
        scan_whole_frame: f.scan_whole_frame,
        args_live: f.args_live,
        noinline: f.noinline,
    })
}

/// The old pcs some jump of `f` lands on (or its recovery resumes at).
fn jump_targets(f: &Func) -> Vec<bool> {
    let mut t = vec![false; f.code.len() + 1];
    for (pc, ins) in f.code.iter().enumerate() {
        if let Some(off) = ins.jump_off() {
            if let Some(x) = t.get_mut((pc as i64 + 1 + off as i64) as usize) {
                *x = true;
            }
        }
    }
    if let Some(x) = t.get_mut(f.recover_pc as usize) {
        *x = true;
    }
    t
}

/// Argument forwarding for the call at `pc` (copy propagation into the
/// inlined body): the moves right before the call that copy a caller
/// slot `src` (below the window) into an argument slot `dst` the callee
/// only reads can go, the body reading `src` instead. Returns those
/// `(dst, src)` pairs, which are the last `len` instructions before the
/// call; empty when the body has an instruction whose slot use is not
/// plainly known, or a jump lands between the moves and the call.
fn forward_args(
    code: &[Instr],
    pc: usize,
    base: Slot,
    callee: &Func,
    body: usize,
    targets: &[bool],
) -> Vec<(Slot, Slot)> {
    let args =
        base.0 as u32 + callee.result_slots..base.0 as u32 + callee.result_slots + callee.arg_slots;
    let mut out: Vec<(Slot, Slot)> = Vec::new();
    let mut k = pc;
    while k > 0 && !targets[k] {
        let Instr::Mov { dst, src } = code[k - 1] else {
            break;
        };
        if !args.contains(&(dst.0 as u32)) || src.0 >= base.0 || out.iter().any(|(d, _)| *d == dst)
        {
            break;
        }
        out.push((dst, src));
        k -= 1;
    }
    if out.is_empty() {
        return out;
    }
    // Every body instruction must be one whose written slot is known
    // (`dst_mut`) or that writes no slot, and must not write an argument
    // being forwarded.
    for ins in &callee.code[..body] {
        // A forwarded word must not be read as part of a multi-word
        // value (a string, a slice header) starting at or before it.
        let Ok((ranges, _)) =
            rgo_runtime::symtab::operands(ins, &rgo_runtime::symtab::Program::default())
        else {
            return Vec::new();
        };
        let covers = |d: Slot| {
            let d = (d.0 - base.0) as u32;
            ranges
                .iter()
                .any(|&(s, w)| w > 1 && (s.0 as u32..s.0 as u32 + w).contains(&d))
        };
        if out.iter().any(|&(d, _)| covers(d)) {
            return Vec::new();
        }
        let mut i = *ins;
        let written = crate::peephole::dst_mut(&mut i).map(|d| d.0 + base.0);
        match written {
            Some(w) if out.iter().any(|(d, _)| d.0 == w) => return Vec::new(),
            Some(_) => {}
            None if ins.writes_no_slot() => {}
            None => return Vec::new(),
        }
    }
    out
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
        Instr::LoadConst { idx, .. } | Instr::New { typ: idx, .. } => (idx, 1),
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

/// Whether an inlined body may contain `ins` (besides `Ret`): straight
/// computation, memory access through slots, forward branches, `New`
/// (an allocation is no safepoint: a cycle it triggers waits for the next
/// call or back edge, after the body). Not calls, defer/panic/recover, the closure context, frame byte
/// offsets (`FLoad`/`FStore`), bulk moves, or counted-loop back edges.
fn allowed(ins: &Instr) -> bool {
    use Instr::*;
    crate::peephole::value_op(ins)
        || matches!(
            ins,
            Nop | Mov { .. }
                | MovN { .. }
                | ZeroN { .. }
                | LoadImm { .. }
                | LoadConst { .. }
                | New { .. }
                | DivI64 { .. }
                | RemI64 { .. }
                | DivU64 { .. }
                | RemU64 { .. }
                | ShiftCheck { .. }
                | CmpStr { .. }
                | Jmp { .. }
                | JmpIf { .. }
                | JmpIfNot { .. }
                | JmpLtI64 { .. }
                | JmpGeI64 { .. }
                | JmpEqI64 { .. }
                | JmpNeI64 { .. }
                | JmpLtImmI64 { .. }
                | JmpGeImmI64 { .. }
                | JmpLeI64 { .. }
                | JmpGtI64 { .. }
                | Load { .. }
                | LoadIdx { .. }
                | Store { .. }
                | LoadN { .. }
                | StoreN { .. }
                | AtomicLoad { .. }
                | AtomicStore { .. }
                | AtomicRmw { .. }
                | AtomicCas { .. }
                | NilCheck { .. }
                | BoundsCheck { .. }
                | LoadElem { .. }
                | StoreElem { .. }
                | MulAddI64 { .. }
                | MulAddF64 { .. }
                | XorAddI64 { .. }
                | AndAddI64 { .. }
                | OrAddI64 { .. }
        )
}

/// `ins` with every slot operand moved up by `d`; `None` for an
/// instruction an inlined body may not contain (or on overflow).
fn relocate(ins: &Instr, d: u16) -> Option<Instr> {
    if !allowed(ins) {
        return None;
    }
    let mut r = *ins;
    let mut ok = true;
    r.slots_mut(&mut |s| match s.0.checked_add(d) {
        Some(x) => s.0 = x,
        None => ok = false,
    });
    ok.then_some(r)
}
