//! Peephole optimization of one finished function's code.
//!
//! The lowering evaluates many expressions into a fresh temporary and then
//! copies it where it belongs (`t := a - b; x := t`). This pass writes the
//! value straight into its destination when that cannot be observed, and
//! deletes the copies:
//!
//! - copy forwarding: `def t; ...; Mov d <- t` becomes `def d; ...` when
//!   `t` is written only by `def` and read only by the `Mov`, the
//!   instructions in between are straight-line (no jump into or out of
//!   the range, no call, nothing that can panic when `d` is a result
//!   slot) and mention neither `d` nor `t`;
//! - local common subexpressions: a pure operation repeating one of the
//!   same straight line on unchanged operands becomes a copy of its
//!   result ([`common_subexpressions`]);
//! - copy propagation: `Mov t <- s; ...; X reads t` becomes `X reads s`
//!   when t is a local mentioned by nothing else and s is not written in
//!   between;
//! - dead definitions, and fusions of neighbours into superinstructions
//!   (multiply/bitwise op + add, increment + compare-and-branch);
//! - the removed instructions are then squeezed out, with jump offsets,
//!   the line table and the recovery pc renumbered.
//!
//! Everything here is conservative: an instruction this file does not
//! know mentions every slot and stops every rewrite.

use std::collections::HashMap;

use rgo_runtime::op::{Instr, Slot};

/// How an instruction touches the frame, beyond its slot operands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Reads and writes only its operands; cannot panic or jump.
    Pure,
    /// Reads and writes only its operands; may panic.
    Trapping,
    /// Transfers control (jumps, returns, panics, defers, recover).
    Control,
    /// A call: its window is an operand; the callee's frame covers the
    /// slots after it.
    Call,
    /// Not classified: mentions every slot.
    Unknown,
}

/// The slot ranges `(start, len)` an instruction reads or writes, with
/// its kind. The ranges are the operand table's ([`Instr::operands`]),
/// but for calls: `windows` gives the width of the window of the call
/// whose frame starts at a slot, and a call not in it covers every later
/// slot (its callee's frame lies there).
fn mentions(
    ins: &Instr,
    nres: u32,
    windows: &HashMap<u16, u32>,
    out: &mut Vec<(u32, u32)>,
) -> Kind {
    use Instr::*;
    out.clear();
    let kind = kind_of(ins);
    if kind == Kind::Unknown {
        return kind;
    }
    let window = |base: Slot, min: u32| {
        let w = windows.get(&base.0).copied().unwrap_or(u32::MAX / 2);
        (base.0 as u32, w.max(min))
    };
    match *ins {
        Call { base, .. } => out.push(window(base, 1)),
        CallClosure { fv: x, base, .. } | CallIndirect { f: x, base, .. } => {
            out.push(window(base, 1));
            out.push((x.0 as u32, 1));
        }
        CallIface {
            iface, base, recv, ..
        } => {
            out.push(window(base, recv as u32 + 1));
            out.push((iface.0 as u32, 2));
        }
        CallNative { n, base, .. } => out.push((base.0 as u32, (n as u32).max(1))),
        _ => {
            let ok = ins.operands(|_| None, |s, n, _| out.push((s.0 as u32, n)));
            if ok.is_err() {
                return Kind::Unknown;
            }
            if matches!(ins, Ret) && nres > 0 {
                out.push((0, nres));
            }
        }
    }
    kind
}

/// How an instruction touches the frame beyond its operands (see
/// [`Kind`]); `Unknown` for one this pass does not know.
fn kind_of(ins: &Instr) -> Kind {
    use Instr::*;
    if value_op(ins) {
        return Kind::Pure;
    }
    match ins {
        Nop
        | Mov { .. }
        | MovN { .. }
        | ZeroN { .. }
        | LoadImm { .. }
        | LoadConst { .. }
        | GetClosure { .. }
        | CmpStr { .. }
        | FLoad { .. }
        | FStore { .. }
        | XorAddI64 { .. }
        | AndAddI64 { .. }
        | OrAddI64 { .. }
        | MulAddI64 { .. }
        | MulAddF64 { .. } => Kind::Pure,
        DivI64 { .. }
        | RemI64 { .. }
        | DivU64 { .. }
        | RemU64 { .. }
        | EqMem { .. }
        | ShiftCheck { .. }
        | NilCheck { .. }
        | Load { .. }
        | LoadIdx { .. }
        | Store { .. }
        | AtomicLoad { .. }
        | AtomicStore { .. }
        | AtomicRmw { .. }
        | AtomicCas { .. }
        | LoadN { .. }
        | StoreN { .. }
        | MemMove { .. }
        | LoadBytes { .. }
        | StoreBytes { .. }
        | MemZero { .. }
        | BoundsCheck { .. }
        | LoadElem { .. }
        | StoreElem { .. }
        | New { .. }
        | NewBuf { .. }
        | Print { .. }
        | LoadCtx { .. }
        | MapAccess32 { .. }
        | MapAccess64 { .. }
        | MapAccessStr { .. }
        | MapAssign32 { .. }
        | MapAssign64 { .. }
        | MapAssignStr { .. } => Kind::Trapping,
        Jmp { .. }
        | JmpIf { .. }
        | JmpIfNot { .. }
        | JmpLtI64 { .. }
        | JmpGeI64 { .. }
        | JmpLeI64 { .. }
        | JmpGtI64 { .. }
        | JmpEqI64 { .. }
        | JmpNeI64 { .. }
        | IncJmpLtI64 { .. }
        | AddJmpLtI64 { .. }
        | AddJmpLeI64 { .. }
        | JmpLtImmI64 { .. }
        | JmpGeImmI64 { .. }
        | AddRJmpLtI64 { .. }
        | AddRJmpLeI64 { .. }
        | Ret
        | Defer { .. }
        | DeferReturn
        | Panic { .. }
        | Recover { .. } => Kind::Control,
        Call { .. }
        | CallClosure { .. }
        | CallIndirect { .. }
        | CallIface { .. }
        | CallNative { .. } => Kind::Call,
        #[allow(unreachable_patterns)]
        _ => Kind::Unknown,
    }
}

/// The single slot an instruction writes as a plain result (and can be
/// told to write elsewhere), if it is such an instruction.
pub(crate) fn dst_mut(ins: &mut Instr) -> Option<&mut Slot> {
    use Instr::*;
    match ins {
        Mov { dst, .. }
        | LoadImm { dst, .. }
        | LoadConst { dst, .. }
        | GetClosure { dst }
        | AddI64 { dst, .. }
        | SubI64 { dst, .. }
        | MulI64 { dst, .. }
        | DivI64 { dst, .. }
        | RemI64 { dst, .. }
        | DivU64 { dst, .. }
        | RemU64 { dst, .. }
        | AndI64 { dst, .. }
        | OrI64 { dst, .. }
        | XorI64 { dst, .. }
        | AndNotI64 { dst, .. }
        | Shl { dst, .. }
        | ShrI64 { dst, .. }
        | ShrU64 { dst, .. }
        | AddImmI64 { dst, .. }
        | NegI64 { dst, .. }
        | ComI64 { dst, .. }
        | Not { dst, .. }
        | Ext { dst, .. }
        | AddF64 { dst, .. }
        | SubF64 { dst, .. }
        | MulF64 { dst, .. }
        | DivF64 { dst, .. }
        | NegF64 { dst, .. }
        | AddF32 { dst, .. }
        | SubF32 { dst, .. }
        | MulF32 { dst, .. }
        | DivF32 { dst, .. }
        | NegF32 { dst, .. }
        | Conv { dst, .. }
        | EqI64 { dst, .. }
        | NeI64 { dst, .. }
        | LtI64 { dst, .. }
        | LeI64 { dst, .. }
        | LtU64 { dst, .. }
        | LeU64 { dst, .. }
        | EqF64 { dst, .. }
        | NeF64 { dst, .. }
        | LtF64 { dst, .. }
        | LeF64 { dst, .. }
        | EqF32 { dst, .. }
        | NeF32 { dst, .. }
        | LtF32 { dst, .. }
        | LeF32 { dst, .. }
        | CmpStr { dst, .. }
        | EqMem { dst, .. }
        | Load { dst, .. }
        | AtomicLoad { dst, .. }
        | AtomicRmw { dst, .. }
        | AtomicCas { dst, .. }
        | IndexAddr { dst, .. }
        | LoadIdx { dst, .. }
        | LoadElem { dst, .. }
        | AddPtrImm { dst, .. }
        | New { dst, .. }
        | NewBuf { dst, .. }
        | SqrtF64 { dst, .. }
        | DivConstI64 { dst, .. }
        | RemConstI64 { dst, .. }
        | XorAddI64 { d: dst, .. }
        | AndAddI64 { d: dst, .. }
        | OrAddI64 { d: dst, .. }
        | LoadCtx { dst, n: 1, .. } => Some(dst),
        _ => None,
    }
}

/// Optimizes `code` in place (see the module comment). `nres` is the
/// number of result slots (read by `Ret`), `nparams` that of result and
/// argument slots, `lines` the line table and `recover_pc` the recovery
/// pc, both kept in step.
pub(crate) fn optimize(
    code: &mut Vec<Instr>,
    lines: &mut Vec<u32>,
    recover_pc: &mut u32,
    nres: u32,
    nparams: u32,
    windows: &HashMap<u16, u32>,
) {
    let n = code.len();
    if n == 0 {
        return;
    }
    // Per-instruction operand ranges and kinds.
    let mut ops: Vec<Vec<(u32, u32)>> = Vec::with_capacity(n);
    let mut kinds: Vec<Kind> = Vec::with_capacity(n);
    let mut buf = Vec::new();
    for ins in code.iter() {
        let k = mentions(ins, nres, windows, &mut buf);
        ops.push(buf.clone());
        kinds.push(k);
    }
    if kinds.contains(&Kind::Unknown) {
        return;
    }
    // Jump targets (and the recovery pc, entered from the panic machinery).
    let mut target = vec![false; n + 1];
    for (pc, ins) in code.iter_mut().enumerate() {
        if let Some(off) = ins.jump_off_mut() {
            let t = pc as i64 + 1 + *off as i64;
            if (0..=n as i64).contains(&t) {
                target[t as usize] = true;
            }
        }
    }
    if (*recover_pc as usize) < n {
        target[*recover_pc as usize] = true;
    }
    common_subexpressions(code, &mut ops, &kinds, &target);
    // How many operands mention each slot (calls without a known window
    // cover a huge range: count those separately as a low-water mark).
    let mut open_from = u32::MAX;
    let mut count: HashMap<u32, u32> = HashMap::new();
    for o in &ops {
        for &(s, len) in o {
            if len > 1 << 20 {
                open_from = open_from.min(s);
                continue;
            }
            for x in s..s + len {
                *count.entry(x).or_insert(0) += 1;
            }
        }
    }
    let mentioned = |o: &[(u32, u32)], x: u32| o.iter().any(|&(s, len)| x >= s && x < s + len);

    let mut removed = vec![false; n];
    let mut changed = false;
    for k in 0..n {
        let Instr::Mov { dst: d, src: t } = code[k] else {
            continue;
        };
        let (d32, t32) = (d.0 as u32, t.0 as u32);
        if d == t || t32 >= open_from || count.get(&t32).copied() != Some(2) || target[k] {
            continue;
        }
        // Find the defining instruction, walking back over a straight
        // line of instructions that leave d and t alone.
        let mut j = k;
        let mut ok = false;
        while j > 0 {
            j -= 1;
            if removed[j] {
                continue;
            }
            if mentioned(&ops[j], t32) {
                ok = true;
                break;
            }
            let kind = kinds[j];
            if kind == Kind::Control
                || kind == Kind::Call
                || (kind == Kind::Trapping && d32 < nres)
                || mentioned(&ops[j], d32)
                || target[j]
            {
                break;
            }
        }
        if !ok {
            continue;
        }
        // The def must write t as its plain result, and mention it once.
        let once = ops[j]
            .iter()
            .filter(|&&(s, len)| t32 >= s && t32 < s + len)
            .count()
            == 1;
        if !once {
            continue;
        }
        match dst_mut(&mut code[j]) {
            Some(dst) if *dst == t => *dst = d,
            _ => continue,
        }
        // Keep the operand table in step: the def now mentions d.
        for r in ops[j].iter_mut() {
            if *r == (t32, 1) {
                *r = (d32, 1);
            }
        }
        *count.entry(d32).or_insert(0) += 1;
        removed[k] = true;
        changed = true;
        // d's count: it lost the Mov's mention and gained the def's.
        if let Some(c) = count.get_mut(&d32) {
            *c -= 1;
        }
        count.insert(t32, 0);
    }
    // Copy propagation: `Mov t <- s; ...; X` where X reads t and is, with
    // the Mov, its only mention, t is a local, and the straight line in
    // between leaves s alone: X reads s and the Mov goes.
    for k in 0..n {
        if removed[k] {
            continue;
        }
        let Instr::Mov { dst: t, src: s } = code[k] else {
            continue;
        };
        let (t32, s32) = (t.0 as u32, s.0 as u32);
        if t == s || t32 < nparams || t32 >= open_from || count.get(&t32).copied() != Some(2) {
            continue;
        }
        let mut reader = None;
        for j in k + 1..n {
            if target[j] {
                break;
            }
            if removed[j] {
                continue;
            }
            if mentioned(&ops[j], t32) {
                reader = Some(j);
                break;
            }
            if !matches!(kinds[j], Kind::Pure | Kind::Trapping) {
                break;
            }
            // Reading s is fine; writing it is not.
            if mentioned(&ops[j], s32) {
                let writes_s = match dst_mut(&mut code[j].clone()) {
                    Some(d) => *d == s,
                    None => !code[j].writes_no_slot(),
                };
                if writes_s {
                    break;
                }
            }
        }
        let Some(j) = reader else {
            continue;
        };
        // X must read t as a one-slot operand, and write nothing but a
        // plain result that is neither t nor s (or nothing at all).
        if ops[j]
            .iter()
            .filter(|&&(a, len)| t32 >= a && t32 < a + len)
            .count()
            != 1
            || !ops[j].contains(&(t32, 1))
        {
            continue;
        }
        match dst_mut(&mut code[j].clone()) {
            Some(d) if *d != t && *d != s => {}
            Some(_) => continue,
            None if code[j].writes_no_slot() => {}
            None => continue,
        }
        let mut x = code[j];
        let mut hits = 0;
        x.slots_mut(&mut |o| {
            if *o == t {
                *o = s;
                hits += 1;
            }
        });
        if hits != 1 {
            continue;
        }
        code[j] = x;
        for r in ops[j].iter_mut() {
            if *r == (t32, 1) {
                *r = (s32, 1);
            }
        }
        count.insert(t32, 0);
        removed[k] = true;
        changed = true;
    }
    // Dead definitions: a side-effect-free instruction whose result no
    // instruction reads (such as the `GetClosure` of a closure whose
    // captures are all read with `LoadCtx`).
    for k in 0..n {
        if removed[k] || kinds[k] != Kind::Pure {
            continue;
        }
        let Some(d) = dst_mut(&mut code[k]).map(|d| d.0 as u32) else {
            continue;
        };
        if d < open_from && d >= nres && count.get(&d).copied() == Some(1) {
            removed[k] = true;
            changed = true;
        }
    }
    // A local that exactly two instructions mention (its definition and
    // one reader).
    let dead_after_read = |t: Slot| {
        let t = t.0 as u32;
        t >= nparams && t < open_from && count.get(&t).copied() == Some(2)
    };
    changed |= fuse_mul_add(code, &target, &mut removed, dead_after_read);
    if changed {
        compact(code, lines, recover_pc, &removed);
    }
}

/// Pure instructions whose result depends only on their slot operands
/// (and immediates), so that two of them with the same operands compute
/// the same value.
pub(crate) fn value_op(ins: &Instr) -> bool {
    use Instr::*;
    matches!(
        ins,
        AddI64 { .. }
            | SubI64 { .. }
            | MulI64 { .. }
            | AndI64 { .. }
            | OrI64 { .. }
            | XorI64 { .. }
            | AndNotI64 { .. }
            | Shl { .. }
            | ShrI64 { .. }
            | ShrU64 { .. }
            | AddImmI64 { .. }
            | NegI64 { .. }
            | ComI64 { .. }
            | Not { .. }
            | Ext { .. }
            | AddF64 { .. }
            | SubF64 { .. }
            | MulF64 { .. }
            | DivF64 { .. }
            | NegF64 { .. }
            | AddF32 { .. }
            | SubF32 { .. }
            | MulF32 { .. }
            | DivF32 { .. }
            | NegF32 { .. }
            | Conv { .. }
            | EqI64 { .. }
            | NeI64 { .. }
            | LtI64 { .. }
            | LeI64 { .. }
            | LtU64 { .. }
            | LeU64 { .. }
            | EqF64 { .. }
            | NeF64 { .. }
            | LtF64 { .. }
            | LeF64 { .. }
            | EqF32 { .. }
            | NeF32 { .. }
            | LtF32 { .. }
            | LeF32 { .. }
            | IndexAddr { .. }
            | AddPtrImm { .. }
            | SqrtF64 { .. }
            | DivConstI64 { .. }
            | RemConstI64 { .. }
    )
}

/// Local common subexpressions (as `(i+j)*(i+j+1)`): an instruction of
/// [`value_op`] computing what an earlier one of the same straight line
/// computed — same operation and operands, none of them nor the earlier
/// result written in between, the earlier one not overwriting its own
/// operand — becomes a copy of that result, which the copy propagation
/// usually removes.
fn common_subexpressions(
    code: &mut [Instr],
    ops: &mut [Vec<(u32, u32)>],
    kinds: &[Kind],
    target: &[bool],
) {
    const WINDOW: usize = 16;
    let mut written: Vec<u32> = Vec::new();
    for j in 0..code.len() {
        if target[j] || !value_op(&code[j]) {
            continue;
        }
        let mut key = code[j];
        let Some(t) = dst_mut(&mut key).map(|d| std::mem::replace(d, Slot(0))) else {
            continue;
        };
        // j's operands other than its result.
        let mut srcs: Vec<u32> = Vec::new();
        key.slots_mut(&mut |s| srcs.push(s.0 as u32));
        srcs.remove(0); // the Slot(0) put in place of the result
        if ops[j].iter().any(|&(_, len)| len != 1) {
            continue;
        }
        written.clear();
        let mut i = j;
        while i > 0 && j - i < WINDOW {
            i -= 1;
            if i + 1 < j && target[i + 1] {
                break;
            }
            if !matches!(kinds[i], Kind::Pure | Kind::Trapping) {
                break;
            }
            let mut other = code[i];
            let d = dst_mut(&mut other).map(|d| std::mem::replace(d, Slot(0)));
            if let Some(u) = d {
                if other == key && !srcs.contains(&(u.0 as u32)) && !written.contains(&(u.0 as u32))
                {
                    code[j] = Instr::Mov { dst: t, src: u };
                    ops[j] = vec![(t.0 as u32, 1), (u.0 as u32, 1)];
                    break;
                }
                written.push(u.0 as u32);
            } else if !code[i].writes_no_slot() {
                for &(s, len) in &ops[i] {
                    written.extend(s..s + len.min(1 << 16));
                }
            }
            if srcs.iter().any(|s| written.contains(s)) {
                break;
            }
        }
    }
}

/// Fuses a multiply into a temporary `t` with the add that next consumes
/// it (`d = c + t`, the shape of `s += x*y` and `i*n + j`) into one
/// `MulAdd`, which still writes `t`: no liveness is needed. An integer
/// `^`, `&` or `|` fuses the same way (`s += a ^ b`) when `t` is `dead`
/// once the add read it: `XorAdd` (...) does not write it. The add must
/// not be a jump target (it would be entered without the first
/// operation), nor any instruction removed between the two.
///
/// And fuses an increment with the compare-and-branch that follows it
/// (`i += k; if i < n goto L`, the back edge of a loop whose condition or
/// post statement the lowering's own counted-loop forms do not take,
/// such as `i < len(s)` or `i, j = i+1, j-1`) into `AddJmpLtI64`
/// (`IncJmpLtI64`, `AddJmpLeI64`), under the same rule: the branch is no
/// jump target.
fn fuse_mul_add(
    code: &mut [Instr],
    target: &[bool],
    removed: &mut [bool],
    dead: impl Fn(Slot) -> bool,
) -> bool {
    // The kept instructions, in order; two neighbours in it run one after
    // the other when no jump lands after the first, up to the second.
    let live: Vec<usize> = (0..code.len()).filter(|&i| !removed[i]).collect();
    let straight = |a: usize, b: usize| !(a + 1..=b).any(|x| target[x]);
    let mut changed = false;
    let mut p = 0;
    while p + 1 < live.len() {
        let (k, k1) = (live[p], live[p + 1]);
        if !straight(k, k1) {
            p += 1;
            continue;
        }
        // `i += a; j += b; if i < j`, the post statement and condition of
        // `for i, j := ...; i < j; i, j = i+a, j+b`: the two independent
        // increments swap, so that i's meets the branch.
        if let Some(&k2) = live.get(p + 2) {
            if let (
                Instr::AddImmI64 { dst: i, a: i2, .. },
                Instr::AddImmI64 { dst: j, a: j2, .. },
                Instr::JmpLtI64 { a: i3, .. } | Instr::JmpLeI64 { a: i3, .. },
            ) = (code[k], code[k1], code[k2])
            {
                if i == i2 && i == i3 && j != i && j2 != i && straight(k1, k2) {
                    code.swap(k, k1);
                    p += 1;
                    continue;
                }
            }
        }
        let fused = match (code[k], code[k1]) {
            // Integer addition commutes: `t + c` fuses too.
            (
                Instr::MulI64 { dst: t, a, b }
                | Instr::XorI64 { dst: t, a, b }
                | Instr::AndI64 { dst: t, a, b }
                | Instr::OrI64 { dst: t, a, b },
                Instr::AddI64 { dst: d, a: x, b: y },
            ) if x == t || y == t => {
                let c = if y == t { x } else { y };
                match code[k] {
                    Instr::MulI64 { .. } => Some(Instr::MulAddI64 { t, a, b, d, c }),
                    // The bitwise forms drop t: it must be dead (the
                    // add, reading it once, its only reader).
                    _ if !dead(t) => None,
                    Instr::XorI64 { .. } => Some(Instr::XorAddI64 { d, c, a, b }),
                    Instr::AndI64 { .. } => Some(Instr::AndAddI64 { d, c, a, b }),
                    _ => Some(Instr::OrAddI64 { d, c, a, b }),
                }
            }
            // `i += imm; if i < n` (n is not i: the add must not change
            // the bound). The branch moves up to the add's place.
            (
                Instr::AddImmI64 { dst: i, a: i2, imm },
                Instr::JmpLtI64 { a: i3, b: n, off } | Instr::JmpLeI64 { a: i3, b: n, off },
            ) if i == i2 && i == i3 && n != i && i16::try_from(imm).is_ok() => {
                let imm = imm as i16;
                let off = off + (k1 - k) as i32;
                Some(match code[k1] {
                    Instr::JmpLtI64 { .. } if imm == 1 => Instr::IncJmpLtI64 { i, n, off },
                    Instr::JmpLtI64 { .. } => Instr::AddJmpLtI64 { i, n, imm, off },
                    _ => Instr::AddJmpLeI64 { i, n, imm, off },
                })
            }
            // An element's address used once, by a load at offset 0.
            (
                Instr::IndexAddr { dst: t, p, i, size },
                Instr::Load {
                    dst,
                    p: t2,
                    kind,
                    off: 0,
                },
            ) if t2 == t && dead(t) => Some(Instr::LoadIdx {
                dst,
                p,
                i,
                kind,
                size,
            }),
            (
                Instr::MulF64 { dst: t, a, b },
                Instr::AddF64 {
                    dst: d,
                    a: c,
                    b: t2,
                },
            ) if t2 == t => Some(Instr::MulAddF64 { t, a, b, d, c }),
            _ => None,
        };
        if let Some(f) = fused {
            code[k] = f;
            removed[k1] = true;
            changed = true;
            p += 2;
        } else {
            p += 1;
        }
    }
    changed
}

/// Deletes the instructions marked `removed`, renumbering jumps.
fn compact(code: &mut Vec<Instr>, lines: &mut Vec<u32>, recover_pc: &mut u32, removed: &[bool]) {
    let n = code.len();
    // new_pc[i]: the new index of instruction i, or of the next kept one.
    let mut new_pc = vec![0u32; n + 1];
    let mut next = 0u32;
    for i in 0..n {
        new_pc[i] = next;
        if !removed[i] {
            next += 1;
        }
    }
    new_pc[n] = next;
    let mut out = Vec::with_capacity(next as usize);
    let mut out_lines = Vec::with_capacity(next as usize);
    for i in 0..n {
        if removed[i] {
            continue;
        }
        let mut ins = code[i];
        if let Some(off) = ins.jump_off_mut() {
            let t = (i as i64 + 1 + *off as i64).clamp(0, n as i64) as usize;
            *off = new_pc[t] as i32 - new_pc[i] as i32 - 1;
        }
        out.push(ins);
        out_lines.push(lines.get(i).copied().unwrap_or(0));
    }
    *recover_pc = new_pc[(*recover_pc as usize).min(n)];
    *code = out;
    *lines = out_lines;
}
