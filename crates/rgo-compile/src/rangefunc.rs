//! Range over functions (Go 1.23), lowered as gc's rangefunc rewrite
//! lowers it (cmd/compile/internal/rangefunc): the loop body becomes a
//! function `func(params) bool` passed to the iterator as `yield`.
//!
//! - The body's function is compiled right away, in a nested `Fc`, named
//!   as gc names it (`main.f-range1`, `main.f-range1-range1`).
//! - `continue` and falling off the end return true; `break` returns
//!   false.
//! - Everything else that leaves the body — `return`, a labeled
//!   `break`/`continue` of an outer statement, `goto` out of the body —
//!   stores a code in `#next` (word 0 of a per-loop-nest record, with the
//!   results of a `return` after it), returns false, and the code after
//!   the iterator call acts on the code or passes it outwards.
//! - Each loop's state word (Go's abi.RF_* states) lives in the body's
//!   closure object: READY before each call of the body, PANIC while it
//!   runs (and after a panic), DONE once it returned false, EXHAUSTED
//!   once the iterator returned. The body panics when called in any
//!   state but READY; the loop panics when the iterator returns while the
//!   body's state is PANIC (the iterator swallowed a body panic).
//! - `defer` in a body must run when the enclosing function returns: the
//!   enclosing function defers one runner (a wrapper) when the loop
//!   starts, and the body appends its deferred calls to a list in the
//!   record; the runner defers them in order (so they run last first),
//!   as gc's `deferrangefunc`/`deferprocat` attach them to the frame.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use rgo_runtime::op::{FuncId, Instr, MemKind, Slot};
use rgo_syntax::ast::{self, Expr, StmtKind};
use rgo_syntax::token::Token;
use rgo_syntax::Pos;
use rgo_types::types::{Type, TypeId};

use crate::func::{Fc, ResultVar};
use crate::Compiler;

// Go's abi.RF_* states.
const DONE: u64 = 0;
const READY: u64 = 1;
const PANIC: u64 = 2;
const EXHAUSTED: u64 = 3;
const MISSING_PANIC: u64 = 4;

// The record: #next, the deferred calls' list (head, tail), the results.
const REC_NEXT: u32 = 0;
const REC_DHEAD: u32 = 8;
const REC_DTAIL: u32 = 16;
const REC_RESULTS: u32 = 24;

// #next codes: 0 nothing, these, or a branch's own positive code.
const NEXT_RETURN: i64 = -1;
const NEXT_BARE_RETURN: i64 = -2;

/// Where a code in #next sends control.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Target {
    /// `return` with results (stored in the record), or without any.
    Return,
    /// A bare `return` of named results.
    Bare,
    /// A loop (or switch/select for `break`) of the function at `level`,
    /// index `idx` of its loop stack.
    Loop { level: u32, idx: usize, cont: bool },
    /// A label of the function whose own code defines it.
    Goto(String),
}

/// The record's layout: results (type and offset).
#[derive(Clone, Default)]
pub(crate) struct RecLayout {
    results: Vec<(TypeId, u32)>,
}

/// A loop of an enclosing function a labeled branch may target.
#[derive(Clone)]
struct OuterLoop {
    label: Option<String>,
    level: u32,
    idx: usize,
}

/// What the function of a range-over-func body knows of its loop.
pub(crate) struct RfBody {
    /// Nesting depth: the enclosing ordinary function is level 0.
    level: u32,
    /// Slot holding the record's address (when the nest needs one).
    rec: Option<Slot>,
    layout: Rc<RecLayout>,
    /// Slot holding this function's closure pointer; the state word is
    /// at `state_off` in it.
    ctx: Slot,
    state_off: u32,
    outer_loops: Vec<OuterLoop>,
    /// Labels defined in the body (outside function literals).
    local_labels: HashSet<String>,
    /// Codes this body (or one nested in it) stores for targets outside.
    exits: Vec<(i64, Target)>,
    /// The next free branch code.
    next_code: i64,
}

/// Labels defined in a body (not in function literals).
fn labels_in(b: &ast::Block) -> HashSet<String> {
    let out = RefCell::new(HashSet::new());
    crate::func::block_any(b, &|s| {
        if let StmtKind::Labeled(l, _) = &s.kind {
            out.borrow_mut().insert(l.name.to_string());
        }
        false
    });
    out.into_inner()
}

/// Whether a loop body needs the record: it may return, defer or branch
/// out of the body.
fn needs_record(b: &ast::Block) -> bool {
    crate::func::block_any(b, &|s| {
        matches!(
            s.kind,
            StmtKind::Return(_)
                | StmtKind::Defer(_)
                | StmtKind::Branch(Token::Goto, _)
                | StmtKind::Branch(Token::Break | Token::Continue, Some(_))
        )
    })
}

impl<'c, 'a> Fc<'c, 'a> {
    fn level(&self) -> u32 {
        self.rf.as_ref().map_or(0, |b| b.level)
    }

    fn load_imm(&mut self, v: u64) -> Slot {
        let s = self.scalar();
        self.load_u64(s, v);
        s
    }

    fn store_word(&mut self, p: Slot, off: u32, v: Slot) {
        self.emit(Instr::Store {
            p,
            src: v,
            kind: MemKind::W64,
            off,
        });
    }

    fn load_word(&mut self, dst: Slot, p: Slot, off: u32) {
        self.emit(Instr::Load {
            dst,
            p,
            kind: MemKind::W64,
            off,
        });
    }

    /// `runtime.panicrangestate(R[state])`.
    fn panic_range_state(&mut self, state: Slot) {
        let id = self.c.rt_native("runtime.panicrangestate");
        let w = self.alloc(1);
        self.mov(w, state, 1);
        self.emit(Instr::CallNative { id, n: 1, base: w });
    }

    /// In a body: sets the state and returns `ok`.
    fn rf_leave(&mut self, state: u64, ok: bool) {
        let (ctx, off) = match &self.rf {
            Some(b) => (b.ctx, b.state_off),
            None => return,
        };
        let s = self.load_imm(state);
        self.store_word(ctx, off, s);
        let r = self.results[0].slot;
        self.load_u64(r, ok as u64);
        self.emit(Instr::Ret);
    }

    /// In a body: leaves it for `target` outside, through #next.
    fn rf_exit(&mut self, code: i64, target: Target) {
        let Some(b) = self.rf.as_mut() else { return };
        if !b.exits.iter().any(|(c, _)| *c == code) {
            b.exits.push((code, target));
        }
        if let Some(rec) = b.rec {
            let k = self.load_imm(code as u64);
            self.store_word(rec, REC_NEXT, k);
        }
        self.rf_leave(DONE, false);
    }

    fn rf_code(&mut self) -> i64 {
        let b = self.rf.as_mut().expect("in a range-over-func body");
        b.next_code += 1;
        b.next_code - 1
    }

    /// `return` in a body.
    pub(crate) fn rf_return(&mut self, es: &'a [Expr]) {
        let Some(b) = self.rf.as_ref() else { return };
        let (rec, layout) = (b.rec, b.layout.clone());
        if es.is_empty() {
            let bare = !layout.results.is_empty();
            let (code, t) = if bare {
                (NEXT_BARE_RETURN, Target::Bare)
            } else {
                (NEXT_RETURN, Target::Return)
            };
            self.rf_exit(code, t);
            return;
        }
        let n = layout.results.len();
        let mut vals = Vec::new();
        if es.len() == n {
            for (e, &(t, _)) in es.iter().zip(&layout.results) {
                let v = self.value_as(e, t);
                let k = self.nslots(t);
                let tmp = self.alloc_t(t);
                self.mov(tmp, v, k);
                vals.push(tmp);
            }
        } else {
            let parts = self.multi_value_n(&es[0], n);
            for ((s, st), &(t, _)) in parts.into_iter().zip(&layout.results) {
                vals.push(self.convert_slots(s, st, t));
            }
        }
        if let Some(rec) = rec {
            for (v, &(t, off)) in vals.into_iter().zip(&layout.results) {
                self.store_mem(rec, off, t, v);
            }
        }
        self.rf_exit(NEXT_RETURN, Target::Return);
    }

    /// A labeled `break`/`continue` in a body whose target is outside it.
    pub(crate) fn rf_branch_out(&mut self, label: &str, cont: bool, pos: Pos) {
        let found = self.rf.as_ref().and_then(|b| {
            b.outer_loops
                .iter()
                .rev()
                .find(|l| l.label.as_deref() == Some(label))
                .cloned()
        });
        let Some(l) = found else {
            self.err(pos, "branch target not found");
            return;
        };
        let code = self.rf_code();
        self.rf_exit(
            code,
            Target::Loop {
                level: l.level,
                idx: l.idx,
                cont,
            },
        );
    }

    /// `goto label` in a body: true when the label is outside the body
    /// (the jump was emitted as an exit).
    pub(crate) fn rf_goto_out(&mut self, label: &str) -> bool {
        match &self.rf {
            Some(b) if !b.local_labels.contains(label) => {}
            _ => return false,
        }
        let code = self.rf_code();
        self.rf_exit(code, Target::Goto(label.to_string()));
        true
    }

    /// `defer` in a body: appends the func value to the enclosing
    /// function's list (false outside bodies).
    pub(crate) fn rf_defer(&mut self, fv: Slot) -> bool {
        let Some(rec) = self.rf.as_ref().and_then(|b| b.rec) else {
            return false;
        };
        let desc = self.c.words_type(&[true, true]);
        let idx = self.konst(desc as u64);
        let node = self.alloc_ptr();
        self.emit(Instr::New {
            dst: node,
            typ: idx,
        });
        self.store_word(node, 0, fv);
        let tail = self.alloc_ptr();
        self.load_word(tail, rec, REC_DTAIL);
        let zero = self.load_imm(0);
        let empty = self.emit(Instr::JmpEqI64 {
            a: tail,
            b: zero,
            off: 0,
        });
        self.store_word(tail, 8, node);
        let done = self.jmp();
        let here = self.pc();
        self.patch(empty, here);
        self.store_word(rec, REC_DHEAD, node);
        let here = self.pc();
        self.patch(done, here);
        self.store_word(rec, REC_DTAIL, node);
        true
    }

    /// `for k, v := range f { body }` with f a function.
    pub(crate) fn range_func(&mut self, r: &'a ast::RangeStmt, label: Option<String>) {
        let xt = self.ty(&r.x);
        let Type::Signature(s) = self.under(xt) else {
            return;
        };
        let yt = match s.params.first() {
            Some(&p) => self.oty(p),
            None => TypeId::INVALID,
        };
        let Type::Signature(ys) = self.under(yt) else {
            self.err(r.range, "range over this function type is not supported");
            return;
        };
        let ptypes: Vec<TypeId> = ys.params.iter().map(|p| self.oty(*p)).collect();
        let seq = self.expr(&r.x);
        let seqv = self.alloc_ptr();
        self.mov(seqv, seq, 1);
        let level = self.level();

        // The record: the nest's own (outermost loop) or the enclosing body's.
        let (rec, layout, next_code) = match &self.rf {
            Some(b) => (b.rec, b.layout.clone(), b.next_code),
            None if needs_record(&r.body) => {
                let mut layout = RecLayout::default();
                let mut bits = vec![false, true, true];
                let mut off = REC_RESULTS;
                for i in 0..self.results.len() {
                    let t = self.results[i].typ;
                    let n = self.nslots(t);
                    let mut pw = Vec::new();
                    crate::layout::pointer_words(self.c.w, t, 0, &mut pw);
                    pw.resize(n as usize, false);
                    bits.extend(pw);
                    layout.results.push((t, off));
                    off += 8 * n;
                }
                let desc = self.c.words_type(&bits);
                let idx = self.konst(desc as u64);
                let p = self.alloc_ptr();
                self.emit(Instr::New { dst: p, typ: idx });
                if crate::func::block_has_defer(&r.body) {
                    let runner = defer_runner(self.c);
                    let w = self.alloc_raw(2);
                    self.ptrs[w.0 as usize + 1] = true;
                    let iw = self.c.take(runner);
                    self.load_u64(w, iw);
                    self.mov(Slot(w.0 + 1), p, 1);
                    let fv = self.closure_record(w, &[false, true]);
                    self.emit(Instr::Defer { fv });
                }
                (Some(p), Rc::new(layout), 1)
            }
            None => (None, Rc::new(RecLayout::default()), 1),
        };

        // The body's closure: [id][captures][record][state].
        let caps = crate::escape::range_captures(self.c, self.file, r);
        let by_value: Vec<bool> = caps.iter().map(|o| self.c.by_value.contains(o)).collect();
        let errors = self.c.errors.len();
        let mut parts = self.capture_parts(&caps, &by_value, r.range);
        if self.c.errors.len() > errors {
            return;
        }
        if let Some(p) = rec {
            parts.push((p, 1, vec![true]));
        }
        let ready = self.load_imm(READY);
        parts.push((ready, 1, vec![false]));
        let words: u32 = 1 + parts.iter().map(|p| p.1).sum::<u32>();
        let state_off = 8 * (words - 1);

        // Compile the body's function.
        self.range_count += 1;
        let name = format!("{}-range{}", self.name, self.range_count);
        let mut outer_loops: Vec<OuterLoop> = self
            .rf
            .as_ref()
            .map_or(Vec::new(), |b| b.outer_loops.clone());
        for (idx, l) in self.loops.iter().enumerate() {
            outer_loops.push(OuterLoop {
                label: l.label.clone(),
                level,
                idx,
            });
        }
        let id = self.c.reserve();
        let info = BodyInfo {
            r,
            label: label.clone(),
            name,
            ptypes,
            caps: caps.iter().copied().zip(by_value).collect(),
            rec: rec.is_some(),
            layout: layout.clone(),
            state_off,
            outer_loops,
            level: level + 1,
            next_code,
            rf_level: self.rf_level + 1,
            path: self.path.clone(),
        };
        let (func, exits, next_code) = compile_body(self.c, self.file, info);
        self.c.funcs[id.idx()] = Some(func);
        if let Some(b) = self.rf.as_mut() {
            b.next_code = next_code;
        }

        // The closure, the call, the checks after it.
        self.set_line(r.range);
        let tmp = self.alloc(words);
        let fid = self.scalar();
        let iw = self.c.take(id);
        self.load_u64(fid, iw);
        self.mov(tmp, fid, 1);
        let mut bits = vec![false];
        let mut at = tmp.0 + 1;
        for (s, n, pw) in parts {
            self.mov(Slot(at), s, n);
            bits.extend(pw);
            at += n as u16;
        }
        let clo = self.closure_record(tmp, &bits);
        let base = self.alloc_ptr();
        self.windows.insert(base.0, 1);
        self.mov(base, clo, 1);
        self.emit(Instr::CallClosure {
            fv: seqv,
            base,
            n: 1,
            res: 0,
        });
        self.set_line(r.body.rbrace);
        let st = self.scalar();
        self.load_word(st, clo, state_off);
        let panicked = self.load_imm(PANIC);
        let ok = self.emit(Instr::JmpNeI64 {
            a: st,
            b: panicked,
            off: 0,
        });
        let missing = self.load_imm(MISSING_PANIC);
        self.panic_range_state(missing);
        let here = self.pc();
        self.patch(ok, here);
        let ex = self.load_imm(EXHAUSTED);
        self.store_word(clo, state_off, ex);
        let Some(rec) = rec else { return };
        if exits.is_empty() {
            return;
        }
        let next = self.scalar();
        self.load_word(next, rec, REC_NEXT);
        let mut passed = false;
        for (code, target) in exits {
            let mine = match &target {
                Target::Return | Target::Bare => level == 0,
                Target::Loop { level: l, .. } => *l == level,
                Target::Goto(lbl) => self
                    .rf
                    .as_ref()
                    .is_none_or(|b| b.local_labels.contains(lbl)),
            };
            if !mine {
                if let Some(b) = self.rf.as_mut() {
                    if !b.exits.iter().any(|(c, _)| *c == code) {
                        b.exits.push((code, target));
                    }
                }
                passed = true;
                continue;
            }
            let k = self.load_imm(code as u64);
            let skip = self.emit(Instr::JmpNeI64 {
                a: next,
                b: k,
                off: 0,
            });
            let zero = self.load_imm(0);
            self.store_word(rec, REC_NEXT, zero);
            match target {
                Target::Return => {
                    let vals: Vec<Slot> = layout
                        .results
                        .iter()
                        .map(|&(t, off)| {
                            let v = self.alloc_t(t);
                            self.load_mem(rec, off, t, v);
                            v
                        })
                        .collect();
                    self.store_results(vals);
                    self.emit_return();
                }
                Target::Bare => self.emit_return(),
                Target::Loop { idx, cont, .. } => {
                    let at = self.jmp();
                    if cont {
                        self.loops[idx].conts.push(at);
                    } else {
                        self.loops[idx].breaks.push(at);
                    }
                }
                Target::Goto(lbl) => {
                    let at = self.jmp();
                    self.gotos.push((at, lbl));
                }
            }
            let here = self.pc();
            self.patch(skip, here);
        }
        if passed {
            // Codes for functions further out: stop this loop too.
            let zero = self.load_imm(0);
            let none = self.emit(Instr::JmpEqI64 {
                a: next,
                b: zero,
                off: 0,
            });
            self.rf_leave(DONE, false);
            let here = self.pc();
            self.patch(none, here);
        }
    }
}

/// What `compile_body` needs from the enclosing function.
struct BodyInfo<'a> {
    r: &'a ast::RangeStmt,
    label: Option<String>,
    name: String,
    ptypes: Vec<TypeId>,
    /// Captured variables, and whether by value.
    caps: Vec<(rgo_types::types::ObjId, bool)>,
    rec: bool,
    layout: Rc<RecLayout>,
    state_off: u32,
    outer_loops: Vec<OuterLoop>,
    level: u32,
    next_code: i64,
    rf_level: u32,
    path: String,
}

/// Compiles the function of a range-over-func body; returns it, its
/// exits and the next free branch code.
fn compile_body<'a>(
    c: &mut Compiler<'a>,
    file: usize,
    bi: BodyInfo<'a>,
) -> (rgo_runtime::symtab::Func, Vec<(i64, Target)>, i64) {
    let r = bi.r;
    let mut f = Fc::new(c, file, bi.name);
    f.path = bi.path.clone();
    f.rf_level = bi.rf_level;
    f.set_line(r.range);
    f.want_consts = crate::func::block_has_loop(&r.body);
    let slot = f.alloc_t(TypeId::BOOL);
    f.results.push(ResultVar {
        slot,
        typ: TypeId::BOOL,
        obj: None,
    });
    let res = f.next;
    let pslots: Vec<Slot> = bi.ptypes.iter().map(|t| f.alloc_t(*t)).collect();
    let args = f.next - res;
    let mut n = 0;
    for (t, s) in bi.ptypes.iter().zip(&pslots) {
        let off = (s.0 as u32 - res) * 8;
        if !crate::layout::arg_info(f.c.w, *t, off, 0, &mut n, &mut f.arg_info) {
            break;
        }
    }
    if f.want_consts {
        let area = f.alloc(crate::func::CONST_AREA);
        f.const_area = Some((area, crate::func::CONST_AREA));
    }
    // Captures.
    let (ctx, off) = f.bind_captures(&bi.caps);
    let rec = if bi.rec {
        let p = f.alloc_ptr();
        f.emit(Instr::LoadCtx { dst: p, n: 1, off });
        Some(p)
    } else {
        None
    };
    // The state check: READY, now PANIC until the body returns.
    let st = f.scalar();
    f.load_word(st, ctx, bi.state_off);
    let running = f.load_imm(PANIC);
    f.store_word(ctx, bi.state_off, running);
    let ready = f.load_imm(READY);
    let ok = f.emit(Instr::JmpEqI64 {
        a: st,
        b: ready,
        off: 0,
    });
    f.panic_range_state(st);
    let here = f.pc();
    f.patch(ok, here);
    f.rf = Some(Box::new(RfBody {
        level: bi.level,
        rec,
        layout: bi.layout,
        ctx,
        state_off: bi.state_off,
        outer_loops: bi.outer_loops,
        local_labels: labels_in(&r.body),
        exits: Vec::new(),
        next_code: bi.next_code,
    }));
    // The iteration variables: the parameters (fresh per iteration).
    let key = r.key.as_ref().filter(|k| !is_blank(k));
    let val = r.value.as_ref().filter(|k| !is_blank(k));
    let define = r.op == Some(Token::Define);
    let kp = pslots.first().map(|s| (*s, bi.ptypes[0]));
    let vp = pslots.get(1).map(|s| (*s, bi.ptypes[1]));
    if define {
        for (e, p) in [(key, kp), (val, vp)] {
            if let (Some(e), Some((s, _))) = (e, p) {
                if let Some(o) = f.def_of_id(e.id) {
                    f.bind_param(o, s);
                }
            }
        }
    } else if let (Some(k), Some(v), Some(kp), Some(vp)) = (key, val, kp, vp) {
        f.range_assign_pair(k, kp, v, vp);
    } else {
        for (e, p) in [(key, kp), (val, vp)] {
            if let (Some(e), Some((s, t))) = (e, p) {
                f.range_assign(e, false, s, t);
            }
        }
    }
    f.push_loop(bi.label, true);
    f.block(&r.body);
    f.set_line(r.body.rbrace);
    let cont = f.pc();
    f.rf_leave(READY, true);
    let brk = f.pc();
    f.rf_leave(DONE, false);
    f.pop_loop(cont, brk);
    for (at, l) in std::mem::take(&mut f.gotos) {
        match f.labels.get(&l).copied() {
            Some(t) => f.patch(at, t),
            None => f.err(Pos(0), format!("label {} not defined", l)),
        }
    }
    let (exits, next_code) = match f.rf.take() {
        Some(b) => (b.exits, b.next_code),
        None => (Vec::new(), bi.next_code),
    };
    let path = bi.path;
    let func = f.finish(res, args, path, cont as u32, false);
    (func, exits, next_code)
}

fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ast::ExprKind::Name(n) if n == "_")
}

/// The wrapper the enclosing function defers for the deferred calls of
/// a loop body: its closure's word 1 is the record; it defers each
/// listed call, oldest first, so they run newest first.
fn defer_runner(c: &mut Compiler) -> FuncId {
    let id = c.reserve();
    let mut f = Fc::new(c, 0, "runtime.deferrangefunc".into());
    let rec = f.alloc_ptr();
    f.emit(Instr::LoadCtx {
        dst: rec,
        n: 1,
        off: 8,
    });
    let node = f.alloc_ptr();
    f.load_word(node, rec, REC_DHEAD);
    let zero = f.load_imm(0);
    let fv = f.alloc_ptr();
    let top = f.pc();
    let end = f.emit(Instr::JmpEqI64 {
        a: node,
        b: zero,
        off: 0,
    });
    f.load_word(fv, node, 0);
    f.emit(Instr::Defer { fv });
    f.load_word(node, node, 8);
    f.jmp_to(top);
    let here = f.pc();
    f.patch(end, here);
    f.store_word(rec, REC_DHEAD, zero);
    f.store_word(rec, REC_DTAIL, zero);
    let epi = f.pc();
    f.emit(Instr::DeferReturn);
    f.emit(Instr::Ret);
    let func = f.finish(0, 0, String::new(), epi as u32, true);
    c.funcs[id.idx()] = Some(func);
    id
}
