//! Stack objects: the `New`s that escape analysis keeps in the frame
//! (Go's cmd/compile/internal/escape, done on rgo's finished bytecode).
//!
//! escape.rs decides, on the syntax tree, which variables need an address
//! and so become `New` objects; this pass decides which of those objects
//! may live in their function's frame instead of the heap. It runs after
//! inlining, so an object a small callee allocates and its caller consumes
//! (a closure `adder(i)` returns, say) is judged in the caller.
//!
//! The analysis is a points-to analysis over the frame's values. Each
//! write of a slot is a value of its own (as in SSA; a merge of control
//! flow gets a merge value), so a slot reused for unrelated temporaries
//! does not mix them. The abstract objects are:
//! - each `New` of the function (its contents are one node);
//! - for each pointer argument, the objects reachable through it at depth
//!   1, 2 and 3 or more (Go's "derefs");
//! - the closure context, likewise by depth;
//! - `HEAP`: anything else (package variables, what unknown code
//!   returns, objects in the heap).
//!
//! An object escapes (is in `E`) when it may be reached from memory that
//! outlives the frame: stored into an argument's, the context's or the
//! heap's memory, passed to a native, an unknown call, `defer`, `panic`
//! or a map as a key, returned, stored into an escaping object, or
//! passed to a function whose summary ([`Tags`]) says that argument
//! escapes. Calls of known functions use their summaries, computed callee
//! first over the call graph; the functions of a cycle of calls are
//! iterated together up to the least fixpoint of their summaries.
//!
//! Closures: a closure record's code is known where the record is built,
//! and what that code does with its captures (leaks them, or returns
//! them: its caller may be anyone, so its results are lost, Go's
//! `calleeLoc`) is applied there, once. A call through a func value then
//! needs only the callee's summary for its arguments (unknown callee:
//! they escape). A record whose code is unknown escapes.
//!
//! A non-escaping object must also not outlive one iteration of a loop
//! around its `New`, since the next iteration reuses its slots: every
//! cycle through the `New` crosses a backward jump whose target is at or
//! before it, so the object must not be reachable, through values or
//! objects' contents, from any slot live at such a target (Go's loop
//! depth rule, made exact by liveness). A deferred closure outside every
//! loop stays in the frame (Go's open-coded defers); what it reaches
//! counts as live at every loop head, and one deferred inside a loop
//! escapes.
//!
//! A `NewBuf` (the buffer an `append`'s first growth may use, call.rs) is
//! an object like a `New`'s, but one the compiled code takes at most once
//! per call, so no loop rule applies to it; kept, it becomes a
//! `NewStackOnce`, else it stays a `NewBuf`, which yields nil and makes
//! the `append` grow on the heap, as Go does for an escaping result.
//!
//! Invariants of the result:
//! - `E` is closed under contents: a heap object's pointees are heap
//!   objects or unknown, so no heap word ever points into a stack;
//! - every object left on the stack is reached only from its own
//!   goroutine's frames (stack.rs moves those pointers when the stack
//!   grows) and dies with its frame;
//! - stack objects are placed right after the arguments, below every
//!   call window, so no callee frame overlaps them; every other slot
//!   moves up.

use std::collections::HashMap;

use rgo_runtime::op::{jump_target, FuncId, Instr, Slot, Use};
use rgo_runtime::symtab::Func;

/// Depths of argument and context objects told apart (deeper ones are
/// merged into the last).
const DEPTH: u8 = 3;
/// Largest object kept on the stack (Go's `MaxImplicitStackVarSize`).
const MAX_OBJECT: usize = 64 << 10;
/// Passes over a cycle of calls before its summaries count as unknown.
const MAX_ROUNDS: usize = 8;

/// What a `New`'s descriptor says about the object: its size in bytes,
/// which words hold pointers, and whether it is a closure record
/// (`{code, captures...}`).
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    pub size: usize,
    pub ptrs: Vec<bool>,
    pub funcval: bool,
}

/// A function's escape summary (Go's parameter tags).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Tags {
    /// Per argument slot: the least depth at which what it points to
    /// escapes (1: the pointee itself), 0 when nothing does.
    esc: Vec<u8>,
    /// `(result slot, argument slot, depth)`: the result may hold what
    /// the argument reaches at that depth (`DEPTH`: or deeper).
    flows: Vec<(u16, u16, u8)>,
    /// Per result slot: it may hold a pointer to unknown memory.
    res_heap: Vec<bool>,
    /// The least depth at which the closure context escapes (1: the
    /// closure object itself), 0 when nothing does.
    ctx_esc: u8,
}

/// The function whose argument escape analysis does not follow (the
/// library's promise that it does not escape; std's internal/abi).
const NOESCAPE: &str = "internal/abi.NoEscape";

impl Tags {
    /// The same for every argument and result of `f`.
    fn uniform(f: &Func, esc: u8, res_heap: bool, ctx_esc: u8) -> Tags {
        Tags {
            esc: vec![esc; f.arg_slots as usize],
            flows: Vec::new(),
            res_heap: vec![res_heap; f.result_slots as usize],
            ctx_esc,
        }
    }

    /// Nothing escapes nor flows (where a cycle of calls starts).
    fn none(f: &Func) -> Tags {
        Tags::uniform(f, 0, false, 0)
    }

    /// Nothing escapes and nothing is known of the results.
    fn hidden(f: &Func) -> Tags {
        Tags::uniform(f, 0, true, 0)
    }

    /// Everything escapes (a function not analyzed).
    fn unknown(f: &Func) -> Tags {
        Tags::uniform(f, 1, true, 1)
    }
}

/// Turns every `New` of `funcs` that escape analysis keeps off the heap
/// into a `NewStack`. `natives` are the program's natives' names by id;
/// `layout` describes a `New`'s descriptor constant.
pub(crate) fn run(
    funcs: &mut [Func],
    natives: &[&str],
    layout: &mut dyn FnMut(u64) -> Option<Layout>,
) {
    let n = funcs.len();
    let has_new: Vec<bool> = funcs
        .iter()
        .map(|f| {
            f.code
                .iter()
                .any(|i| matches!(i, Instr::New { .. } | Instr::NewBuf { .. }))
        })
        .collect();
    if !has_new.iter().any(|&b| b) {
        return;
    }
    let codes: Vec<Vec<(usize, FuncId)>> = funcs.iter().map(|f| closure_codes(f, n)).collect();
    let edges: Vec<Vec<usize>> = funcs
        .iter()
        .zip(&codes)
        .map(|(f, cs)| {
            let mut e: Vec<usize> = f
                .code
                .iter()
                .filter_map(|i| match i {
                    Instr::Call { func, .. } => Some(func.idx()),
                    _ => None,
                })
                .chain(cs.iter().map(|c| c.1.idx()))
                .filter(|&c| c < n)
                .collect();
            e.sort_unstable();
            e.dedup();
            e
        })
        .collect();
    // Only functions with a `New`, and what they call, are analyzed.
    let mut needed = has_new.clone();
    let mut stack: Vec<usize> = (0..n).filter(|&i| has_new[i]).collect();
    while let Some(i) = stack.pop() {
        for &c in &edges[i] {
            if !needed[c] {
                needed[c] = true;
                stack.push(c);
            }
        }
    }
    let debug = std::env::var_os("RGO_ESCAPE").is_some();
    let mut tags: Vec<Option<Tags>> = vec![None; n];
    let mut layouts: HashMap<u64, Option<Layout>> = HashMap::new();
    let mut plans: Vec<(usize, Vec<(usize, Layout)>)> = Vec::new();
    for scc in sccs(&edges, &needed) {
        // Recursive functions are analyzed together, from "nothing
        // escapes" up to the least fixpoint of their summaries (Go
        // analyzes them as one batch); after MAX_ROUNDS, every summary
        // of the cycle is taken as unknown.
        let cyclic = scc.len() > 1 || edges[scc[0]].contains(&scc[0]);
        if cyclic {
            for &i in &scc {
                tags[i] = Some(Tags::none(&funcs[i]));
            }
        }
        let mut round = 0;
        let found = loop {
            round += 1;
            let give_up = round > MAX_ROUNDS;
            if give_up {
                for &i in &scc {
                    tags[i] = Some(Tags::unknown(&funcs[i]));
                }
            }
            let mut changed = false;
            let mut found = Vec::new();
            for &i in &scc {
                let f = &funcs[i];
                let mut lay = |c: u32| -> Option<Layout> {
                    let d = *f.consts.get(c as usize)?;
                    layouts.entry(d).or_insert_with(|| layout(d)).clone()
                };
                let (t, objs) = if f.name == NOESCAPE {
                    (Tags::hidden(f), Vec::new())
                } else {
                    Analysis::run(f, funcs, natives, &tags, &codes[i], &mut lay)
                };
                if !give_up && tags[i].as_ref() != Some(&t) {
                    changed = true;
                    tags[i] = Some(t);
                }
                found.push((i, objs));
            }
            if !cyclic || !changed || give_up {
                break found;
            }
        };
        for (i, objs) in found {
            if debug {
                let pcs: Vec<usize> = objs.iter().map(|o| o.0).collect();
                eprintln!(
                    "escape: {} {:?} stack objects at {:?}",
                    funcs[i].name, tags[i], pcs
                );
            }
            if !objs.is_empty() {
                plans.push((i, objs));
            }
        }
    }
    for (i, objs) in plans {
        place(&mut funcs[i], &objs);
    }
}

/// What a native does with the pointers in its window (results first,
/// then arguments, as a function's frame), for those escape analysis
/// knows; any other native's arguments escape. Besides what `flows` says,
/// a native's results are fresh or unknown memory.
#[derive(Default)]
struct Native {
    /// `(result slot, argument slot)`: the result may be what the
    /// argument points to (an append in place, a concatenation with an
    /// empty operand).
    flows: &'static [(usize, usize)],
    /// The contents of what this slot points to escape: copied into new
    /// memory (`append`'s growth), or handed to Go code the native calls.
    copies_out: Option<usize>,
    /// What slot `.1` points to is copied into what slot `.0` points to.
    copy: Option<(usize, usize)>,
    /// The slots from this one on are kept (a map key copied into the
    /// map).
    keeps_from: Option<usize>,
    /// The window's first slots, which the native only writes (its
    /// results).
    results: usize,
}

fn native_effect(name: &str) -> Option<Native> {
    let reads = |results| Native {
        results,
        ..Native::default()
    };
    Some(match name {
        "runtime.concatstring2" => Native {
            flows: &[(0, 2), (0, 4)],
            ..reads(2)
        },
        "runtime.growslice" => Native {
            flows: &[(0, 3)],
            copies_out: Some(3),
            ..reads(3)
        },
        "strconv.appendFloatCore" => Native {
            flows: &[(0, 3)],
            ..reads(3)
        },
        // fmt's core appends to dst; the operands' methods it calls back
        // in Go may keep what the operands hold, not the operand array.
        "fmt.appendPrint" | "fmt.appendPrintln" => Native {
            flows: &[(0, 3)],
            copies_out: Some(6),
            ..reads(3)
        },
        "fmt.appendPrintf" => Native {
            flows: &[(0, 7)],
            copies_out: Some(12),
            ..reads(7)
        },
        "runtime.slicecopy" => Native {
            copy: Some((1, 4)),
            ..reads(1)
        },
        "runtime.mapassign" => Native {
            keeps_from: Some(3),
            ..reads(1)
        },
        "runtime.stringtoslicebyte" | "runtime.stringtoslicerune" | "runtime.makeslice" => reads(3),
        "runtime.slicebytetostring"
        | "runtime.slicerunetostring"
        | "runtime.intstring"
        | "runtime.decoderune"
        | "runtime.mapaccess2"
        | "runtime.complex128div" => reads(2),
        "runtime.makemap" | "runtime.mapaccess1" | "runtime.maplen" | "runtime.ifaceeq" => reads(1),
        "runtime.slicecheck"
        | "runtime.panicIndexU"
        | "runtime.mapdelete"
        | "runtime.mapdelete_fast32"
        | "runtime.mapdelete_fast64"
        | "runtime.mapdelete_faststr"
        | "runtime.mapclear"
        | "runtime.sliceclear" => reads(0),
        _ if name.starts_with("internal/bytealg.") => reads(1),
        _ => return None,
    })
}

/// The closure records a function builds whose code it names: `(pc of
/// the New, code)`, found where the compiler emits them (a `LoadImm` of
/// the FuncId, then the `New` and a store of the record's first words,
/// in one basic block).
fn closure_codes(f: &Func, nfuncs: usize) -> Vec<(usize, FuncId)> {
    let mut out = Vec::new();
    let mut imm: HashMap<u16, i64> = HashMap::new();
    let mut fresh: HashMap<u16, usize> = HashMap::new();
    for (pc, ins) in f.code.iter().enumerate() {
        let first = match *ins {
            Instr::StoreN { p, src, off: 0, .. } => Some((p, src)),
            Instr::Store {
                p,
                src,
                off: 0,
                kind: rgo_runtime::op::MemKind::W64,
            } => Some((p, src)),
            _ => None,
        };
        if let Some((p, src)) = first {
            if let (Some(&at), Some(&k)) = (fresh.get(&p.0), imm.get(&src.0)) {
                if (0..nfuncs as i64).contains(&k) {
                    out.push((at, FuncId(k as u32)));
                }
                fresh.remove(&p.0);
            }
        }
        let _ = ins.operands(
            |_| Some((0, 0)),
            |s, w, u| {
                if u != Use::Read {
                    for k in 0..w.max(1) {
                        imm.remove(&(s.0 + k as u16));
                        fresh.remove(&(s.0 + k as u16));
                    }
                }
            },
        );
        match *ins {
            Instr::LoadImm { dst, imm: v } => {
                imm.insert(dst.0, v as i64);
            }
            Instr::New { dst, .. } => {
                fresh.insert(dst.0, pc);
            }
            _ => {}
        }
        if ins.jump_off().is_some() || !ins.flow().next || matches!(ins, Instr::Call { .. }) {
            imm.clear();
            fresh.clear();
        }
    }
    out
}

/// The strongly connected components of the call graph restricted to
/// `needed`, callees first (Tarjan's algorithm, without recursion).
fn sccs(edges: &[Vec<usize>], needed: &[bool]) -> Vec<Vec<usize>> {
    const NONE: u32 = u32::MAX;
    let n = edges.len();
    let mut index = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut on = vec![false; n];
    let mut st: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut next = 0u32;
    for root in 0..n {
        if !needed[root] || index[root] != NONE {
            continue;
        }
        // (node, next edge to look at)
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        st.push(root);
        on[root] = true;
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if !needed[w] {
                    continue;
                }
                if index[w] == NONE {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    st.push(w);
                    on[w] = true;
                    work.push((w, 0));
                } else if on[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(u, _)) = work.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = st.pop() {
                    on[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(comp);
            }
        }
    }
    out
}

/// A constraint between values (nodes) and objects.
enum C {
    /// `pts(dst) ⊇ pts(src)`
    Copy { dst: u32, src: u32 },
    /// `obj ∈ pts(dst)`
    Obj { dst: u32, obj: u32 },
    /// `dst := *p`
    Load { dst: u32, p: u32 },
    /// `*p := src`
    Store { p: u32, src: u32 },
    /// `*dp := *sp` (a memory copy)
    Move { dp: u32, sp: u32 },
    /// What the value points to escapes.
    Escape { n: u32 },
    /// What the value's pointees hold escapes.
    EscapeContent { n: u32 },
    /// A call of a known function: (argument slot, value) and (result
    /// slot, value) of its frame.
    Call {
        callee: FuncId,
        args: Vec<(u16, u32)>,
        res: Vec<(u16, u32)>,
    },
    /// A call of the func value `fv`.
    Closure {
        fv: u32,
        args: Vec<(u16, u32)>,
        res: Vec<(u16, u32)>,
    },
    /// A return of these result values.
    Ret { res: Vec<u32> },
    /// A `defer` of this func value outside every loop: the `_defer`
    /// record keeps it until the frame returns, so it counts as live at
    /// every loop head.
    Deferred { n: u32 },
}

/// What an object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Obj {
    Heap,
    /// What argument slot `i` reaches at depth `d`.
    Arg(u16, u8),
    /// What the closure context reaches at depth `d` (1: the record).
    Ctx(u8),
    /// The j-th `New` of the function.
    Alloc(u32),
}

/// One function's analysis.
struct Analysis<'a> {
    f: &'a Func,
    funcs: &'a [Func],
    /// The program's natives by id (their names).
    natives: &'a [&'a str],
    tags: &'a [Option<Tags>],
    /// Words per points-to set.
    w: usize,
    /// Points-to sets, `w` words per node.
    pts: Vec<u64>,
    cons: Vec<C>,
    /// First object id of each pointer argument slot's depths.
    arg_obj: Vec<Option<u32>>,
    arg_of_obj: Vec<u16>,
    ctx_obj: u32,
    alloc_base: u32,
    /// Per `New`: its pc, the node of its contents, its layout, its code
    /// when it is a closure record.
    allocs: Vec<Alloc>,
    /// `(target, jump)` of every backward jump.
    back: Vec<(usize, usize)>,
}

struct Alloc {
    pc: usize,
    content: u32,
    layout: Option<Layout>,
    code: Option<FuncId>,
}

impl<'a> Analysis<'a> {
    /// Analyzes `f`: its summary, and the `New`s (pc, layout) that may
    /// become stack objects.
    fn run(
        f: &'a Func,
        funcs: &'a [Func],
        natives: &'a [&'a str],
        tags: &'a [Option<Tags>],
        codes: &[(usize, FuncId)],
        layout: &mut dyn FnMut(u32) -> Option<Layout>,
    ) -> (Tags, Vec<(usize, Layout)>) {
        if f.code.is_empty() || f.scan_whole_frame || f.args_live {
            return (Tags::unknown(f), Vec::new());
        }
        let res = f.result_slots as usize;
        let nargs = f.arg_slots as usize;
        let mut arg_obj = vec![None; nargs];
        let mut arg_of_obj = Vec::new();
        let mut next = 1u32;
        for (i, a) in arg_obj.iter_mut().enumerate() {
            if f.is_ptr_slot(res + i) {
                *a = Some(next);
                for _ in 0..DEPTH {
                    arg_of_obj.push(i as u16);
                }
                next += DEPTH as u32;
            }
        }
        let ctx_obj = next;
        next += DEPTH as u32;
        let alloc_base = next;
        let news: Vec<(usize, u32)> = f
            .code
            .iter()
            .enumerate()
            .filter_map(|(pc, i)| match *i {
                Instr::New { typ, .. } | Instr::NewBuf { typ, .. } => Some((pc, typ)),
                _ => None,
            })
            .collect();
        let nobj = alloc_base as usize + news.len();
        let mut a = Analysis {
            f,
            funcs,
            natives,
            tags,
            w: nobj.div_ceil(64),
            pts: Vec::new(),
            cons: Vec::new(),
            arg_obj,
            arg_of_obj,
            ctx_obj,
            alloc_base,
            allocs: Vec::new(),
            back: f
                .code
                .iter()
                .enumerate()
                .filter_map(|(pc, i)| {
                    let t = jump_target(pc, i.jump_off()?, f.code.len());
                    (t <= pc).then_some((t, pc))
                })
                .collect(),
        };
        for &(pc, typ) in &news {
            let content = a.node();
            a.allocs.push(Alloc {
                pc,
                content,
                layout: layout(typ),
                code: codes.iter().find(|c| c.0 == pc).map(|c| c.1),
            });
        }
        let Some(loops) = a.build() else {
            return (Tags::unknown(f), Vec::new());
        };
        a.solve();
        let esc = a.escapes(&loops);
        let tags = a.summary(&esc);
        let objs = a
            .allocs
            .iter()
            .enumerate()
            .filter(|(j, _)| !bit(&esc, (alloc_base + *j as u32) as usize))
            .filter_map(|(_, al)| Some((al.pc, al.layout.clone()?)))
            .collect();
        (tags, objs)
    }

    fn node(&mut self) -> u32 {
        let id = self.pts.len() / self.w.max(1);
        self.pts.resize(self.pts.len() + self.w.max(1), 0);
        id as u32
    }

    fn obj(&self, o: u32) -> Obj {
        if o == 0 {
            Obj::Heap
        } else if o < self.ctx_obj {
            let i = self.arg_of_obj[(o - 1) as usize];
            let base = self.arg_obj[i as usize].unwrap_or(1);
            Obj::Arg(i, (o - base + 1) as u8)
        } else if o < self.alloc_base {
            Obj::Ctx((o - self.ctx_obj + 1) as u8)
        } else {
            Obj::Alloc(o - self.alloc_base)
        }
    }

    /// Builds the values and constraints; returns, per backward jump
    /// `(target pc, jump pc)` around a `New`, the values live at the
    /// target. `None` when the function's frame cannot hold stack
    /// objects and its `New`s all stay on the heap (still analyzed for
    /// its summary by the caller, which then sees them escape).
    fn build(&mut self) -> Option<Vec<(usize, usize, Vec<u32>)>> {
        let f = self.f;
        let n = f.code.len();
        let funcs = self.funcs;
        let callee = |id: FuncId| funcs.get(id.idx()).map(|c| (c.result_slots, c.arg_slots));
        let defers = f.code.iter().any(|i| matches!(i, Instr::Defer { .. }));

        // Basic blocks and their predecessors.
        let mut leader = rgo_runtime::op::block_leaders(&f.code);
        let recover = defers.then_some((f.recover_pc as usize).min(n - 1));
        if let Some(r) = recover {
            leader[r] = true;
        }
        let starts: Vec<usize> = (0..n).filter(|&p| leader[p]).collect();
        let nb = starts.len();
        let block_of = |pc: usize| starts.partition_point(|&s| s <= pc) - 1;
        let end = |b: usize| starts.get(b + 1).copied().unwrap_or(n);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); nb];
        let mut succs: Vec<Vec<usize>> = vec![Vec::new(); nb];
        for b in 0..nb {
            let last = end(b) - 1;
            let fl = f.code[last].flow();
            if fl.next && last + 1 < n {
                succs[b].push(block_of(last + 1));
            }
            if let Some(off) = fl.jump {
                let t = jump_target(last, off, n);
                if t < n {
                    succs[b].push(block_of(t));
                }
            }
            for &s in &succs[b] {
                preds[s].push(b);
            }
        }

        // Values: one per slot word an instruction writes.
        let mut def_start = Vec::with_capacity(n + 1);
        let mut defs: Vec<(u16, u32)> = Vec::new();
        let mut out: Vec<HashMap<u16, u32>> = vec![HashMap::new(); nb];
        let mut all_defs: HashMap<u16, Vec<u32>> = HashMap::new();
        let mut bad = false;
        let first = f.result_slots + f.arg_slots;
        for b in 0..nb {
            for pc in starts[b]..end(b) {
                def_start.push(defs.len() as u32);
                let ins = &f.code[pc];
                let mut runs = Vec::new();
                if ins
                    .operands(callee, |s, w, u| runs.push((s.0 as u32, w.max(1), u)))
                    .is_err()
                {
                    return None;
                }
                for (s, w, u) in runs {
                    // A run across the first local would split when the
                    // stack objects are placed.
                    if s < first && s + w > first {
                        bad = true;
                    }
                    if u == Use::Read {
                        continue;
                    }
                    for k in 0..w {
                        let slot = (s + k) as u16;
                        let v = self.node();
                        defs.push((slot, v));
                        out[b].insert(slot, v);
                        if defers {
                            all_defs.entry(slot).or_default().push(v);
                        }
                    }
                }
                let base = match *ins {
                    Instr::Call { base, .. }
                    | Instr::CallClosure { base, .. }
                    | Instr::CallIndirect { base, .. }
                    | Instr::CallIface { base, .. } => Some(base.0 as u32),
                    _ => None,
                };
                if base.is_some_and(|b| b < first) {
                    bad = true;
                }
            }
        }
        def_start.push(defs.len() as u32);

        // Constraints, resolving each read to the values that reach it.
        let mut at_entry: HashMap<(usize, u16), u32> = HashMap::new();
        let mut pending: Vec<(usize, u16, u32)> = Vec::new();
        let mut init: HashMap<u16, u32> = HashMap::new();
        let mut cur: HashMap<u16, u32> = HashMap::new();
        for b in 0..nb {
            cur.clear();
            for pc in starts[b]..end(b) {
                let mine = &defs[def_start[pc] as usize..def_start[pc + 1] as usize];
                let mut rd = |s: u16, me: &mut Self| -> u32 {
                    if let Some(&v) = cur.get(&s) {
                        return v;
                    }
                    *at_entry.entry((b, s)).or_insert_with(|| {
                        let v = me.node();
                        pending.push((b, s, v));
                        v
                    })
                };
                let wr = |s: u16| -> u32 {
                    mine.iter()
                        .find(|d| d.0 == s)
                        .map(|d| d.1)
                        .expect("a written slot has a value")
                };
                self.constrain(pc, &mut rd, &wr);
                for &(s, v) in mine {
                    cur.insert(s, v);
                }
            }
        }

        // Values live at the targets of backward jumps around a `New`.
        let mut loops = Vec::new();
        let news: Vec<usize> = self.allocs.iter().map(|a| a.pc).collect();
        let back: Vec<(usize, usize)> = self
            .back
            .iter()
            .copied()
            .filter(|&(t, pc)| news.iter().any(|&p| t <= p && p < pc))
            .collect();
        if !back.is_empty() {
            let live = self.liveness(&starts, &succs, &callee);
            for (t, pc) in back {
                let hb = block_of(t);
                let mut vals = Vec::new();
                for s in 0..f.frame_size as usize {
                    if live[hb][s / 64] >> (s % 64) & 1 == 1 {
                        let v = *at_entry.entry((hb, s as u16)).or_insert_with(|| {
                            let v = self.node();
                            pending.push((hb, s as u16, v));
                            v
                        });
                        vals.push(v);
                    }
                }
                loops.push((t, pc, vals));
            }
        }

        // Merge values: what each predecessor leaves in the slot.
        let recover_block = recover.map(block_of);
        while let Some((b, s, v)) = pending.pop() {
            let mut ops = Vec::new();
            for &p in &preds[b] {
                match out[p].get(&s) {
                    Some(&d) => ops.push(d),
                    None => {
                        let d = *at_entry.entry((p, s)).or_insert_with(|| {
                            let d = self.node();
                            pending.push((p, s, d));
                            d
                        });
                        ops.push(d);
                    }
                }
            }
            if b == 0 {
                let i = (s as usize).wrapping_sub(f.result_slots as usize);
                if let Some(Some(o)) = self.arg_obj.get(i).copied() {
                    let d = *init.entry(s).or_insert_with(|| {
                        let d = self.node();
                        self.cons.push(C::Obj { dst: d, obj: o });
                        d
                    });
                    ops.push(d);
                }
            }
            if Some(b) == recover_block {
                ops.extend(all_defs.get(&s).into_iter().flatten().copied());
            }
            for d in ops {
                self.cons.push(C::Copy { dst: v, src: d });
            }
        }
        if bad || f.frame_size as usize + self.stack_words() > u16::MAX as usize {
            for al in &mut self.allocs {
                al.layout = None;
            }
        }
        Some(loops)
    }

    /// Slots the stack objects would take.
    fn stack_words(&self) -> usize {
        self.allocs
            .iter()
            .filter_map(|a| a.layout.as_ref())
            .map(|l| l.size.div_ceil(8) + 1)
            .sum()
    }

    /// Slots live at the start of each block (backward dataflow over the
    /// operand table; a native's window counts as read, which only makes
    /// more live).
    fn liveness(
        &self,
        starts: &[usize],
        succs: &[Vec<usize>],
        callee: &dyn Fn(FuncId) -> Option<(u32, u32)>,
    ) -> Vec<Vec<u64>> {
        let f = self.f;
        let n = f.code.len();
        let words = (f.frame_size as usize).div_ceil(64).max(1);
        let nb = starts.len();
        let mut live_in = vec![vec![0u64; words]; nb];
        let mut set = vec![0u64; words];
        loop {
            let mut changed = false;
            for b in (0..nb).rev() {
                set.iter_mut().for_each(|w| *w = 0);
                for &s in &succs[b] {
                    for (d, x) in set.iter_mut().zip(&live_in[s]) {
                        *d |= x;
                    }
                }
                let end = starts.get(b + 1).copied().unwrap_or(n);
                for pc in (starts[b]..end).rev() {
                    let ins = &f.code[pc];
                    let mut runs = Vec::new();
                    match *ins {
                        // A known native's results are written, not read.
                        Instr::CallNative { id, n, base } => {
                            let r = self
                                .natives
                                .get(id as usize)
                                .and_then(|n| native_effect(n))
                                .map_or(0, |e| e.results.min(n as usize));
                            let b = base.0 as usize;
                            runs.push((b, r as u32, Use::Write));
                            runs.push((b + r, (n as usize - r) as u32, Use::Read));
                        }
                        _ => {
                            let _ = ins.operands(callee, |s, w, u| runs.push((s.0 as usize, w, u)));
                        }
                    }
                    for &(s, w, u) in &runs {
                        if u == Use::Write {
                            for k in s..s + w as usize {
                                if k / 64 < words {
                                    set[k / 64] &= !(1 << (k % 64));
                                }
                            }
                        }
                    }
                    let mut gen = |s: usize| {
                        if s / 64 < words {
                            set[s / 64] |= 1 << (s % 64);
                        }
                    };
                    for &(s, w, u) in &runs {
                        if u != Use::Write {
                            (s..s + (w as usize).max(1)).for_each(&mut gen);
                        }
                    }
                    if matches!(ins, Instr::Ret) {
                        (0..f.result_slots as usize).for_each(&mut gen);
                    }
                }
                if set != live_in[b] {
                    live_in[b].copy_from_slice(&set);
                    changed = true;
                }
            }
            if !changed {
                return live_in;
            }
        }
    }

    /// The constraints of the instruction at `pc`; `rd(s)` is the value
    /// slot `s` holds before it, `wr(s)` the value it writes to `s`.
    fn constrain(
        &mut self,
        pc: usize,
        rd: &mut dyn FnMut(u16, &mut Self) -> u32,
        wr: &dyn Fn(u16) -> u32,
    ) {
        use Instr::*;
        let f = self.f;
        let ins = f.code[pc];
        let s = |x: Slot, k: u32| x.0 + k as u16;
        match ins {
            Mov { dst, src } => {
                let v = rd(src.0, self);
                self.cons.push(C::Copy {
                    dst: wr(dst.0),
                    src: v,
                });
            }
            MovN { dst, src, n } => {
                let vs: Vec<u32> = (0..n as u32).map(|k| rd(s(src, k), self)).collect();
                for (k, v) in vs.into_iter().enumerate() {
                    self.cons.push(C::Copy {
                        dst: wr(s(dst, k as u32)),
                        src: v,
                    });
                }
            }
            // Immediates are integers: the compiler loads every address
            // (package variables, descriptors, static funcvals) from the
            // constant pool, and those point to memory outside the frame.
            ZeroN { .. } | LoadImm { .. } => {}
            LoadConst { dst, .. } => self.cons.push(C::Obj {
                dst: wr(dst.0),
                obj: 0,
            }),
            New { dst, .. } | NewBuf { dst, .. } => {
                let j = self.allocs.partition_point(|a| a.pc < pc);
                self.cons.push(C::Obj {
                    dst: wr(dst.0),
                    obj: self.alloc_base + j as u32,
                });
            }
            NewStack { dst, .. } | NewStackOnce { dst, .. } => self.cons.push(C::Obj {
                dst: wr(dst.0),
                obj: 0,
            }),
            GetClosure { dst } => self.cons.push(C::Obj {
                dst: wr(dst.0),
                obj: self.ctx_obj,
            }),
            LoadCtx { dst, n, .. } => {
                for k in 0..n as u32 {
                    self.cons.push(C::Obj {
                        dst: wr(s(dst, k)),
                        obj: self.ctx_obj + 1,
                    });
                }
            }
            Load { dst, p, .. }
            | LoadIdx { dst, p, .. }
            | AtomicLoad { dst, p, .. }
            | LoadElem { dst, s: p, .. } => {
                let p = rd(p.0, self);
                self.cons.push(C::Load { dst: wr(dst.0), p });
            }
            LoadN { dst, p, n, .. } => {
                let p = rd(p.0, self);
                for k in 0..n as u32 {
                    self.cons.push(C::Load {
                        dst: wr(s(dst, k)),
                        p,
                    });
                }
            }
            LoadBytes { dst, p, size } => {
                let p = rd(p.0, self);
                for k in 0..size.div_ceil(8).max(1) {
                    self.cons.push(C::Load {
                        dst: wr(s(dst, k)),
                        p,
                    });
                }
            }
            Store { p, src, .. } | AtomicStore { p, src, .. } | StoreElem { s: p, src, .. } => {
                let p = rd(p.0, self);
                let v = rd(src.0, self);
                self.cons.push(C::Store { p, src: v });
            }
            StoreN { p, src, n, .. } => {
                let p = rd(p.0, self);
                for k in 0..n as u32 {
                    let v = rd(s(src, k), self);
                    self.cons.push(C::Store { p, src: v });
                }
            }
            StoreBytes { p, src, size } => {
                let p = rd(p.0, self);
                for k in 0..size.div_ceil(8).max(1) {
                    let v = rd(s(src, k), self);
                    self.cons.push(C::Store { p, src: v });
                }
            }
            AtomicRmw { dst, p, src, .. } => {
                let p = rd(p.0, self);
                let v = rd(src.0, self);
                self.cons.push(C::Store { p, src: v });
                let d = wr(dst.0);
                self.cons.push(C::Load { dst: d, p });
                self.cons.push(C::Copy { dst: d, src: v });
            }
            AtomicCas { p, new, .. } => {
                let p = rd(p.0, self);
                let v = rd(new.0, self);
                self.cons.push(C::Store { p, src: v });
            }
            MemMove { dst, src, .. } => {
                let dp = rd(dst.0, self);
                let sp = rd(src.0, self);
                self.cons.push(C::Move { dp, sp });
            }
            Call { func, base } => {
                let Some(c) = self.funcs.get(func.idx()) else {
                    return;
                };
                let (r, a) = (c.result_slots, c.arg_slots);
                let args = (0..a)
                    .map(|i| (i as u16, rd(s(base, r + i), self)))
                    .collect();
                let res = (0..r).map(|i| (i as u16, wr(s(base, i)))).collect();
                self.cons.push(C::Call {
                    callee: func,
                    args,
                    res,
                });
            }
            CallClosure { fv, base, n, res } => {
                let res = res.min(n) as u32;
                let fv = rd(fv.0, self);
                let args = (res..n as u32)
                    .map(|i| ((i - res) as u16, rd(s(base, i), self)))
                    .collect();
                let res = (0..res).map(|i| (i as u16, wr(s(base, i)))).collect();
                self.cons.push(C::Closure { fv, args, res });
            }
            CallIndirect { base, n, res, .. } => {
                let res = res.min(n) as u32;
                for i in res..n as u32 {
                    let v = rd(s(base, i), self);
                    self.cons.push(C::Escape { n: v });
                }
                for i in 0..res {
                    self.cons.push(C::Obj {
                        dst: wr(s(base, i)),
                        obj: 0,
                    });
                }
            }
            CallIface {
                iface,
                base,
                recv,
                args,
                ..
            } => {
                for k in 0..2 {
                    let v = rd(s(iface, k), self);
                    self.cons.push(C::Escape { n: v });
                    if k == 1 {
                        self.cons.push(C::Copy {
                            dst: wr(s(base, recv as u32)),
                            src: v,
                        });
                    }
                }
                for i in 0..args as u32 {
                    let v = rd(s(base, recv as u32 + 1 + i), self);
                    self.cons.push(C::Escape { n: v });
                }
                for i in 0..recv as u32 {
                    self.cons.push(C::Obj {
                        dst: wr(s(base, i)),
                        obj: 0,
                    });
                }
            }
            CallNative { id, n, base } => {
                let known = self.natives.get(id as usize).and_then(|n| native_effect(n));
                let vs: Vec<u32> = (0..(n as u32).max(1))
                    .map(|k| rd(s(base, k), self))
                    .collect();
                match known {
                    None => {
                        for &v in &vs {
                            self.cons.push(C::Escape { n: v });
                        }
                    }
                    Some(nat) => {
                        if let Some(&v) = nat.copies_out.and_then(|k| vs.get(k)) {
                            self.cons.push(C::EscapeContent { n: v });
                        }
                        if let Some((d, k)) = nat.copy {
                            if let (Some(&dp), Some(&sp)) = (vs.get(d), vs.get(k)) {
                                self.cons.push(C::Move { dp, sp });
                            }
                        }
                        for &v in vs.iter().skip(nat.keeps_from.unwrap_or(vs.len())) {
                            self.cons.push(C::Escape { n: v });
                        }
                        for &(r, k) in nat.flows {
                            if let Some(&v) = vs.get(k) {
                                self.cons.push(C::Copy {
                                    dst: wr(s(base, r as u32)),
                                    src: v,
                                });
                            }
                        }
                    }
                }
                // Results: unknown memory; arguments stay.
                for (k, &v) in vs.iter().enumerate() {
                    let d = wr(s(base, k as u32));
                    self.cons.push(C::Copy { dst: d, src: v });
                    self.cons.push(C::Obj { dst: d, obj: 0 });
                }
            }
            Defer { fv } => {
                let v = rd(fv.0, self);
                if self.back.iter().any(|&(t, b)| t <= pc && pc < b) {
                    self.cons.push(C::Escape { n: v });
                } else {
                    self.cons.push(C::Deferred { n: v });
                }
            }
            Panic { v } => {
                for k in 0..2 {
                    let x = rd(s(v, k), self);
                    self.cons.push(C::Escape { n: x });
                }
            }
            Recover { dst } => {
                for k in 0..2 {
                    self.cons.push(C::Obj {
                        dst: wr(s(dst, k)),
                        obj: 0,
                    });
                }
            }
            Ret => {
                let res = (0..f.result_slots as u16).map(|r| rd(r, self)).collect();
                self.cons.push(C::Ret { res });
            }
            MapAccess32 { dst, .. } | MapAccess64 { dst, .. } | MapAccessStr { dst, .. } => {
                self.cons.push(C::Obj {
                    dst: wr(dst.0),
                    obj: 0,
                });
            }
            MapAssign32 { dst, key, .. } | MapAssign64 { dst, key, .. } => {
                let v = rd(key.0, self);
                self.cons.push(C::Escape { n: v });
                self.cons.push(C::Obj {
                    dst: wr(dst.0),
                    obj: 0,
                });
            }
            MapAssignStr { dst, key, .. } => {
                for k in 0..2 {
                    let v = rd(s(key, k), self);
                    self.cons.push(C::Escape { n: v });
                }
                self.cons.push(C::Obj {
                    dst: wr(dst.0),
                    obj: 0,
                });
            }
            // Computation: what it writes may be derived from anything
            // it reads (pointer arithmetic), and nothing reaches memory.
            _ if crate::peephole::value_op(&ins)
                || matches!(
                    ins,
                    Nop | DeferReturn
                        | DivI64 { .. }
                        | RemI64 { .. }
                        | DivU64 { .. }
                        | RemU64 { .. }
                        | ShiftCheck { .. }
                        | NilCheck { .. }
                        | BoundsCheck { .. }
                        | MemZero { .. }
                        | Print { .. }
                        | CmpStr { .. }
                        | EqMem { .. }
                        | FLoad { .. }
                        | FStore { .. }
                        | MulAddI64 { .. }
                        | MulAddF64 { .. }
                        | XorAddI64 { .. }
                        | AndAddI64 { .. }
                        | OrAddI64 { .. }
                )
                || ins.jump_off().is_some() =>
            {
                self.generic(&ins, rd, wr, false)
            }
            // Anything else: what it reads escapes, what it writes is
            // unknown.
            _ => self.generic(&ins, rd, wr, true),
        }
    }

    fn generic(
        &mut self,
        ins: &Instr,
        rd: &mut dyn FnMut(u16, &mut Self) -> u32,
        wr: &dyn Fn(u16) -> u32,
        unknown: bool,
    ) {
        let mut runs = Vec::new();
        let _ = ins.operands(
            |id| {
                self.funcs
                    .get(id.idx())
                    .map(|c| (c.result_slots, c.arg_slots))
            },
            |s, w, u| runs.push((s.0, w, u)),
        );
        let mut reads = Vec::new();
        for &(s, w, u) in &runs {
            if u != Use::Write {
                for k in 0..w as u16 {
                    reads.push(rd(s + k, self));
                }
            }
        }
        if unknown {
            for &v in &reads {
                self.cons.push(C::Escape { n: v });
            }
        }
        for &(s, w, u) in &runs {
            if u == Use::Read {
                continue;
            }
            for k in 0..(w as u16).max(1) {
                let d = wr(s + k);
                for &v in &reads {
                    self.cons.push(C::Copy { dst: d, src: v });
                }
                if unknown {
                    self.cons.push(C::Obj { dst: d, obj: 0 });
                }
            }
        }
    }

    /// The objects in `o`'s contents, added to `out`.
    fn content_into(&self, o: u32, out: &mut [u64]) {
        match self.obj(o) {
            Obj::Heap => set_bit(out, 0),
            Obj::Arg(_, d) | Obj::Ctx(d) => set_bit(out, (o + (d < DEPTH) as u32) as usize),
            Obj::Alloc(j) => {
                let c = self.allocs[j as usize].content as usize * self.w;
                for (x, y) in out.iter_mut().zip(&self.pts[c..c + self.w]) {
                    *x |= y;
                }
            }
        }
    }

    fn set_of(&self, n: u32) -> Vec<u64> {
        self.pts[n as usize * self.w..(n as usize + 1) * self.w].to_vec()
    }

    /// The objects reached from `start` at depth `d` (1: `start`
    /// itself); at `DEPTH`, also everything deeper.
    fn at_depth(&self, start: &[u64], d: u8) -> Vec<u64> {
        let mut cur = start.to_vec();
        for _ in 1..d {
            let mut next = vec![0u64; self.w];
            for o in ones(&cur) {
                self.content_into(o as u32, &mut next);
            }
            cur = next;
        }
        if d >= DEPTH {
            self.close(&mut cur);
        }
        cur
    }

    /// Adds to `set` everything its objects' contents reach.
    fn close(&self, set: &mut [u64]) {
        let mut todo: Vec<usize> = ones(set).collect();
        while let Some(o) = todo.pop() {
            let mut c = vec![0u64; self.w];
            self.content_into(o as u32, &mut c);
            for x in ones(&c) {
                if !bit(set, x) {
                    set_bit(set, x);
                    todo.push(x);
                }
            }
        }
    }

    /// Adds `src` to node `n`'s set; whether it grew.
    fn add(&mut self, n: u32, src: &[u64]) -> bool {
        let base = n as usize * self.w;
        let mut changed = false;
        for (k, &v) in src.iter().enumerate() {
            let d = &mut self.pts[base + k];
            if v & !*d != 0 {
                *d |= v;
                changed = true;
            }
        }
        changed
    }

    fn tags_of(&self, id: FuncId) -> Option<&'a Tags> {
        self.tags.get(id.idx()).and_then(|t| t.as_ref())
    }

    /// The codes of the closure records in `fv`'s set, or `None` when
    /// one is not such a record.
    fn closure_targets(&self, fv: &[u64]) -> Option<Vec<(FuncId, &'a Tags, Vec<u64>)>> {
        let mut out: Vec<(FuncId, &'a Tags, Vec<u64>)> = Vec::new();
        for o in ones(fv) {
            let Obj::Alloc(j) = self.obj(o as u32) else {
                return None;
            };
            let code = self.allocs[j as usize].code?;
            let t = self.tags_of(code)?;
            match out.iter_mut().find(|x| x.0 == code) {
                Some(x) => set_bit(&mut x.2, o),
                None => {
                    let mut s = vec![0u64; self.w];
                    set_bit(&mut s, o);
                    out.push((code, t, s));
                }
            }
        }
        Some(out)
    }

    /// Propagates the points-to sets to their fixpoint.
    fn solve(&mut self) {
        let cons = std::mem::take(&mut self.cons);
        let w = self.w;
        let mut scratch = vec![0u64; w];
        loop {
            let mut changed = false;
            for c in &cons {
                match c {
                    C::Copy { dst, src } => {
                        let (d, s) = (*dst as usize * w, *src as usize * w);
                        for k in 0..w {
                            let v = self.pts[s + k];
                            if v & !self.pts[d + k] != 0 {
                                self.pts[d + k] |= v;
                                changed = true;
                            }
                        }
                    }
                    C::Obj { dst, obj } => {
                        let i = *dst as usize * w + *obj as usize / 64;
                        let b = 1u64 << (obj % 64);
                        if self.pts[i] & b == 0 {
                            self.pts[i] |= b;
                            changed = true;
                        }
                    }
                    C::Load { dst, p } => {
                        scratch.iter_mut().for_each(|x| *x = 0);
                        let ps = *p as usize * w;
                        for k in 0..w {
                            let mut bits = self.pts[ps + k];
                            while bits != 0 {
                                let o = k * 64 + bits.trailing_zeros() as usize;
                                bits &= bits - 1;
                                self.content_into(o as u32, &mut scratch);
                            }
                        }
                        changed |= self.add(*dst, &scratch);
                    }
                    C::Store { p, src } => {
                        let v = self.set_of(*src);
                        if v.iter().all(|&x| x == 0) {
                            continue;
                        }
                        for o in ones(&self.set_of(*p)) {
                            if let Obj::Alloc(j) = self.obj(o as u32) {
                                let c = self.allocs[j as usize].content;
                                changed |= self.add(c, &v);
                            }
                        }
                    }
                    C::Move { dp, sp } => {
                        scratch.iter_mut().for_each(|x| *x = 0);
                        for o in ones(&self.set_of(*sp)) {
                            self.content_into(o as u32, &mut scratch);
                        }
                        for o in ones(&self.set_of(*dp)) {
                            if let Obj::Alloc(j) = self.obj(o as u32) {
                                let c = self.allocs[j as usize].content;
                                changed |= self.add(c, &scratch);
                            }
                        }
                    }
                    C::Call { callee, args, res } => {
                        let t = self.tags_of(*callee);
                        changed |= self.results(t, args, res);
                    }
                    C::Closure { fv, args, res } => match self.closure_targets(&self.set_of(*fv)) {
                        Some(ts) => {
                            for (_, t, _) in ts {
                                changed |= self.results(Some(t), args, res);
                            }
                        }
                        None => changed |= self.results(None, args, res),
                    },
                    C::Escape { .. }
                    | C::EscapeContent { .. }
                    | C::Ret { .. }
                    | C::Deferred { .. } => {}
                }
            }
            if !changed {
                break;
            }
        }
        self.cons = cons;
    }

    /// A call's results by the callee's summary (`None`: unknown).
    fn results(&mut self, t: Option<&Tags>, args: &[(u16, u32)], res: &[(u16, u32)]) -> bool {
        let mut changed = false;
        let mut heap = vec![0u64; self.w];
        set_bit(&mut heap, 0);
        for &(r, v) in res {
            if t.is_none_or(|t| t.res_heap.get(r as usize).copied().unwrap_or(true)) {
                changed |= self.add(v, &heap);
            }
        }
        let Some(t) = t else {
            return changed;
        };
        for &(r, i, d) in &t.flows {
            let (Some(&(_, a)), Some(&(_, v))) = (
                args.iter().find(|x| x.0 == i),
                res.iter().find(|x| x.0 == r),
            ) else {
                continue;
            };
            let s = self.at_depth(&self.set_of(a), d);
            changed |= self.add(v, &s);
        }
        changed
    }

    /// The escaping objects (see the module comment), closed under
    /// contents.
    fn escapes(&self, loops: &[(usize, usize, Vec<u32>)]) -> Vec<u64> {
        let w = self.w;
        let mut e = vec![0u64; w];
        set_bit(&mut e, 0);
        let nonlocal = |o: usize| !matches!(self.obj(o as u32), Obj::Alloc(_));
        let call_args = |e: &mut Vec<u64>, t: &Tags, args: &[(u16, u32)]| {
            for &(i, v) in args {
                let d = t.esc.get(i as usize).copied().unwrap_or(1);
                if d > 0 {
                    or(e, &self.at_depth(&self.set_of(v), d));
                }
            }
        };
        for c in &self.cons {
            match c {
                C::Store { p, src } => {
                    if ones(&self.set_of(*p)).any(nonlocal) {
                        or(&mut e, &self.set_of(*src));
                    }
                }
                C::Move { dp, sp } => {
                    if ones(&self.set_of(*dp)).any(nonlocal) {
                        for o in ones(&self.set_of(*sp)) {
                            self.content_into(o as u32, &mut e);
                        }
                    }
                }
                C::Escape { n } => or(&mut e, &self.set_of(*n)),
                C::EscapeContent { n } => {
                    for o in ones(&self.set_of(*n)) {
                        self.content_into(o as u32, &mut e);
                    }
                }
                C::Call { callee, args, .. } => match self.tags_of(*callee) {
                    Some(t) => call_args(&mut e, t, args),
                    None => {
                        for &(_, v) in args {
                            or(&mut e, &self.set_of(v));
                        }
                    }
                },
                // What the code does with its captures is settled where
                // the record is built (below), whoever calls it.
                C::Closure { fv, args, .. } => match self.closure_targets(&self.set_of(*fv)) {
                    Some(ts) => {
                        for (_, t, _) in ts {
                            call_args(&mut e, t, args);
                        }
                    }
                    None => {
                        for &(_, v) in args {
                            or(&mut e, &self.set_of(v));
                        }
                    }
                },
                // Only pointer results carry objects out (an integer
                // computed from one does not keep it).
                C::Ret { res } => {
                    let ptr = |r: &(usize, &u32)| self.f.is_ptr_slot(r.0);
                    for (_, &v) in res.iter().enumerate().filter(ptr) {
                        for o in ones(&self.set_of(v)) {
                            if matches!(self.obj(o as u32), Obj::Alloc(_) | Obj::Ctx(_)) {
                                set_bit(&mut e, o);
                            }
                        }
                    }
                }
                C::Copy { .. } | C::Obj { .. } | C::Load { .. } | C::Deferred { .. } => {}
            }
        }
        for (j, al) in self.allocs.iter().enumerate() {
            let o = self.alloc_base as usize + j;
            let keep = match &al.layout {
                None => false,
                Some(l) => l.size > 0 && l.size <= MAX_OBJECT,
            };
            if !keep {
                set_bit(&mut e, o);
            }
            // A closure record: what its code lets escape of its
            // captures (results included: a closure's caller may be
            // unknown, so what it returns is lost) escapes here.
            if al.layout.as_ref().is_some_and(|l| l.funcval) {
                match al.code.and_then(|c| self.tags_of(c)) {
                    Some(t) if t.ctx_esc == 0 => {}
                    Some(t) => {
                        let mut a = vec![0u64; w];
                        set_bit(&mut a, o);
                        or(&mut e, &self.at_depth(&a, t.ctx_esc));
                    }
                    None => set_bit(&mut e, o),
                }
            }
        }
        // An object must not outlive an iteration of a loop around it.
        let deferred: Vec<u32> = self
            .cons
            .iter()
            .filter_map(|c| match c {
                C::Deferred { n } => Some(*n),
                _ => None,
            })
            .collect();
        for (t, pc, vals) in loops {
            let mut reach = vec![0u64; w];
            for &v in vals.iter().chain(&deferred) {
                or(&mut reach, &self.set_of(v));
            }
            self.close(&mut reach);
            for (j, al) in self.allocs.iter().enumerate() {
                let o = self.alloc_base as usize + j;
                // A NewBuf runs at most once per call (NewStackOnce).
                let once = matches!(self.f.code[al.pc], Instr::NewBuf { once: true, .. });
                if !once && *t <= al.pc && al.pc < *pc && bit(&reach, o) {
                    set_bit(&mut e, o);
                }
            }
        }
        self.close(&mut e);
        e
    }

    /// The function's summary from its escaping set.
    fn summary(&self, e: &[u64]) -> Tags {
        let f = self.f;
        let mut esc = vec![0u8; f.arg_slots as usize];
        for (i, a) in self.arg_obj.iter().enumerate() {
            if let Some(base) = *a {
                esc[i] = (1..=DEPTH)
                    .find(|&d| bit(e, (base + d as u32 - 1) as usize))
                    .unwrap_or(0);
            }
        }
        let ctx_esc = (1..=DEPTH)
            .find(|&d| bit(e, (self.ctx_obj + d as u32 - 1) as usize))
            .unwrap_or(0);
        let mut res_heap = vec![false; f.result_slots as usize];
        let mut flows = Vec::new();
        for c in &self.cons {
            let C::Ret { res } = c else { continue };
            for (r, &v) in res.iter().enumerate().filter(|(r, _)| f.is_ptr_slot(*r)) {
                for o in ones(&self.set_of(v)) {
                    match self.obj(o as u32) {
                        Obj::Arg(i, d) => {
                            if !flows.contains(&(r as u16, i, d)) {
                                flows.push((r as u16, i, d));
                            }
                        }
                        _ => res_heap[r] = true,
                    }
                }
            }
        }
        flows.sort_unstable();
        Tags {
            esc,
            flows,
            res_heap,
            ctx_esc,
        }
    }
}

/// Gives the function its stack objects: each `New` at `objs`' pcs
/// becomes a `NewStack` of a region right after the arguments; every
/// local slot moves up past the regions.
fn place(f: &mut Func, objs: &[(usize, Layout)]) {
    let first = f.result_slots + f.arg_slots;
    // A once-per-call object has its use flag after it.
    let once = |pc: usize| matches!(f.code[pc], Instr::NewBuf { once: true, .. });
    let k: u32 = objs
        .iter()
        .map(|(pc, l)| l.size.div_ceil(8) as u32 + once(*pc) as u32)
        .sum();
    if f.frame_size + k > u16::MAX as u32 {
        return;
    }
    let mut code = f.code.to_vec();
    for ins in code.iter_mut() {
        ins.slots_mut(&mut |s| {
            if s.0 as u32 >= first {
                s.0 += k as u16;
            }
        });
        match ins {
            Instr::FLoad { off, .. } | Instr::FStore { off, .. } if *off / 8 >= first => {
                *off += k * 8;
            }
            _ => {}
        }
    }
    let frame = f.frame_size + k;
    let mut ptrmap = vec![0u64; (frame as usize).div_ceil(64).max(1)];
    let mut set_ptr = |s: u32| ptrmap[s as usize / 64] |= 1 << (s % 64);
    for s in 0..f.frame_size {
        if f.is_ptr_slot(s as usize) {
            set_ptr(if s < first { s } else { s + k });
        }
    }
    let mut at = first;
    for (pc, l) in objs {
        let words = l.size.div_ceil(8) as u32;
        let (obj, n) = (Slot(at as u16), words as u16);
        code[*pc] = match code[*pc] {
            Instr::New { dst, .. } => Instr::NewStack { dst, obj, n },
            Instr::NewBuf {
                dst, once: true, ..
            } => Instr::NewStackOnce { dst, obj, n },
            Instr::NewBuf { dst, .. } => Instr::NewStack { dst, obj, n },
            other => other,
        };
        for (i, &p) in l.ptrs.iter().enumerate().take(words as usize) {
            if p {
                set_ptr(at + i as u32);
            }
        }
        at += words + once(*pc) as u32;
    }
    f.code = code.into_boxed_slice();
    f.ptrmap = ptrmap.into_boxed_slice();
    f.frame_size = frame;
}

fn bit(s: &[u64], i: usize) -> bool {
    s.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
}

fn set_bit(s: &mut [u64], i: usize) {
    if let Some(w) = s.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
}

fn or(dst: &mut [u64], src: &[u64]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d |= s;
    }
}

/// The set bits of `s`.
fn ones(s: &[u64]) -> impl Iterator<Item = usize> + '_ {
    s.iter().enumerate().flat_map(|(k, &w)| {
        let mut w = w;
        std::iter::from_fn(move || {
            if w == 0 {
                return None;
            }
            let b = w.trailing_zeros() as usize;
            w &= w - 1;
            Some(k * 64 + b)
        })
    })
}
