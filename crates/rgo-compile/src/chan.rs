//! Lowering of goroutines and channels: `go`, `make(chan T, n)`, send,
//! receive (both forms), `close`, `len`/`cap` of channels, `for range`
//! over a channel, and `select`. Each becomes a runtime native call
//! (rgo-runtime's chan.rs, select.rs, proc.rs) whose window holds the
//! operands and the element value in its memory image, so the runtime
//! copies elements straight into or out of the frame.
//!
//! Windows:
//! - `runtime.chansend`: `[c][elem...]`;
//! - `runtime.chanrecv`: `[ok][c][elem...]` (elem written);
//! - `runtime.selectgo`: `[chosen][recvOK][ncases][block]`, per case
//!   `[c][dir][elem offset]`, then every case's element area;
//! - `runtime.newproc`: `[fv]` (the closure built as for `defer`).

use rgo_runtime::op::{Instr, Slot};
use rgo_syntax::ast::{self, Expr, ExprKind, StmtKind};
use rgo_syntax::token::Token;
use rgo_types::types::{Type, TypeId};

use crate::func::Fc;
use crate::layout;

impl<'c, 'a> Fc<'c, 'a> {
    /// The element type of channel type `ct`.
    fn chan_elem(&self, ct: TypeId) -> TypeId {
        match self.under(ct) {
            Type::Chan(_, et) => et,
            _ => TypeId::INVALID,
        }
    }

    /// `make(chan T, n)`.
    pub(crate) fn make_chan(&mut self, ct: TypeId, size: Option<&'a Expr>) -> Slot {
        let et = self.chan_elem(ct);
        let id = self.c.rt_native("runtime.makechan");
        let w = self.alloc_raw(3);
        self.ptrs[w.0 as usize] = true;
        let d = self.desc_const(et);
        self.load_u64(Slot(w.0 + 1), d);
        match size {
            Some(e) => {
                let n = self.value_as(e, TypeId::INT);
                self.mov(Slot(w.0 + 2), n, 1);
            }
            None => self.zero(Slot(w.0 + 2), 1),
        }
        self.emit(Instr::CallNative { id, n: 3, base: w });
        w
    }

    /// `ch <- v`.
    pub(crate) fn send_stmt(&mut self, s: &'a ast::SendStmt) {
        let ct = self.ty(&s.ch);
        let et = self.chan_elem(ct);
        let c = self.expr(&s.ch);
        let ch = self.alloc_ptr();
        self.mov(ch, c, 1);
        let es = self.nslots(et);
        let v = self.value_as(&s.value, et);
        let id = self.c.rt_native("runtime.chansend");
        let w = self.alloc_raw(1 + es);
        self.ptrs[w.0 as usize] = true;
        self.mark_types(Slot(w.0 + 1), &[et]);
        self.mov(w, ch, 1);
        self.mov(Slot(w.0 + 1), v, es);
        self.emit(Instr::CallNative {
            id,
            n: (1 + es) as u16,
            base: w,
        });
    }

    /// The window of `runtime.chanrecv` for elements of type `et`:
    /// `[ok][c][elem...]`.
    fn recv_window(&mut self, et: TypeId) -> Slot {
        let w = self.alloc_raw(2 + self.nslots(et));
        self.ptrs[w.0 as usize + 1] = true;
        self.mark_types(Slot(w.0 + 2), &[et]);
        w
    }

    /// Receives from the channel in slot `c` into window `w`.
    fn emit_recv(&mut self, w: Slot, c: Slot, et: TypeId) {
        let id = self.c.rt_native("runtime.chanrecv");
        self.mov(Slot(w.0 + 1), c, 1);
        // The element is the native's result, which a sender may write
        // while the receiver is parked: cleared first, the collector's
        // stack map counts it as written, so it scans what a sender puts
        // there (stackmap.rs), and the value a loop's previous receive
        // left there ends its life.
        let mut words = Vec::new();
        layout::pointer_words(self.c.w, et, 0, &mut words);
        if words.iter().any(|&p| p) {
            self.emit(Instr::ZeroN {
                dst: Slot(w.0 + 2),
                n: self.nslots(et) as u16,
            });
        }
        self.emit(Instr::CallNative {
            id,
            n: (2 + self.nslots(et)) as u16,
            base: w,
        });
        self.canonical_elem(Slot(w.0 + 2), et);
    }

    /// The runtime copies a received element as its memory image: a
    /// scalar narrower than a word fills only its low bytes, so extend
    /// it to the slot's canonical form (sign- or zero-extended).
    fn canonical_elem(&mut self, at: Slot, et: TypeId) {
        if layout::is_scalar(self.c.w, et) && self.c.w.sizeof(et) < 8 {
            let kind = layout::mem_kind(self.c.w, et);
            self.emit(Instr::Ext {
                dst: at,
                src: at,
                kind,
            });
        }
    }

    /// `<-x`: the received value's slots and the `ok` slot.
    pub(crate) fn chan_recv(&mut self, x: &'a Expr) -> (Slot, Slot, TypeId) {
        let et = self.chan_elem(self.ty(x));
        let c = self.expr(x);
        let w = self.recv_window(et);
        self.emit_recv(w, c, et);
        (Slot(w.0 + 2), w, et)
    }

    /// `close(c)`.
    pub(crate) fn close_chan(&mut self, x: &'a Expr) -> Slot {
        let c = self.expr(x);
        let id = self.c.rt_native("runtime.closechan");
        let w = self.alloc_ptr();
        self.mov(w, c, 1);
        self.emit(Instr::CallNative { id, n: 1, base: w });
        w
    }

    /// `len(c)` / `cap(c)`.
    pub(crate) fn chan_len_cap(&mut self, x: &'a Expr, cap: bool) -> Slot {
        let c = self.expr(x);
        let id = self.c.rt_native(if cap {
            "runtime.chancap"
        } else {
            "runtime.chanlen"
        });
        let w = self.alloc_raw(2);
        self.ptrs[w.0 as usize + 1] = true;
        self.mov(Slot(w.0 + 1), c, 1);
        self.emit(Instr::CallNative { id, n: 2, base: w });
        w
    }

    /// `for k := range ch { body }`.
    pub(crate) fn range_chan(
        &mut self,
        r: &'a ast::RangeStmt,
        label: Option<String>,
        key: Option<&'a Expr>,
        define: bool,
    ) {
        let ct = self.ty(&r.x);
        let et = self.chan_elem(ct);
        let c = self.expr(&r.x);
        let ch = self.alloc_ptr();
        self.mov(ch, c, 1);
        let w = self.recv_window(et);
        let top = self.pc();
        self.emit_recv(w, ch, et);
        let exit = self.emit(Instr::JmpIfNot { cond: w, off: 0 });
        if let Some(k) = key {
            self.range_assign(k, define, Slot(w.0 + 2), et);
        }
        self.push_loop(label, true);
        self.block(&r.body);
        let cont = self.pc();
        self.jmp_to(top);
        let end = self.pc();
        self.patch(exit, end);
        self.pop_loop(cont, end);
    }

    /// `select { ... }`.
    pub(crate) fn select_stmt(&mut self, sel: &'a ast::SelectStmt, label: Option<String>) {
        // A case: its channel expression, send value, or receive target.
        struct Case<'a> {
            ch: Option<&'a Expr>,
            send: Option<&'a Expr>,
            /// Receive: (lhs, define) of `v[, ok] = <-c`.
            lhs: Option<(&'a [Expr], bool)>,
            et: TypeId,
        }
        let mut cases: Vec<Case<'a>> = Vec::new();
        let mut default = None;
        for (i, cc) in sel.body.iter().enumerate() {
            let Some(comm) = &cc.comm else {
                default = Some(i);
                cases.push(Case {
                    ch: None,
                    send: None,
                    lhs: None,
                    et: TypeId::INVALID,
                });
                continue;
            };
            let (ch, send, lhs) = match &comm.kind {
                StmtKind::Send(s) => (Some(&s.ch), Some(&s.value), None),
                StmtKind::Expr(e) => (recv_operand(e), None, None),
                StmtKind::Assign(a) => (
                    a.rhs.first().and_then(recv_operand),
                    None,
                    Some((&a.lhs[..], a.op == Token::Define)),
                ),
                _ => (None, None, None),
            };
            let Some(ch) = ch else {
                self.err(comm.pos, "unsupported select case");
                return;
            };
            let et = self.chan_elem(self.ty(ch));
            cases.push(Case {
                ch: Some(ch),
                send,
                lhs,
                et,
            });
        }
        if cases.is_empty() {
            let id = self.c.rt_native("runtime.block");
            let w = self.alloc(1);
            self.emit(Instr::CallNative { id, n: 0, base: w });
            return;
        }
        // Evaluate channels and send values in source order (Go's rule:
        // every channel operand and send value, once, top to bottom).
        let comm_cases: Vec<usize> = (0..cases.len()).filter(|&i| Some(i) != default).collect();
        let n = comm_cases.len() as u32;
        let mut evaluated: Vec<(Slot, Option<Slot>)> = Vec::new();
        let select_line = self.line;
        for &i in &comm_cases {
            let cs = &cases[i];
            let ch = cs.ch.unwrap_or_else(|| unreachable!());
            // A fault evaluating a case's operands is on the case's line.
            self.set_line(ch.pos);
            let c = self.expr(ch);
            let chs = self.alloc_ptr();
            self.mov(chs, c, 1);
            let v = cs.send.map(|e| {
                let v = self.value_as(e, cs.et);
                let es = self.nslots(cs.et);
                let tmp = self.alloc_t(cs.et);
                self.mov(tmp, v, es);
                tmp
            });
            evaluated.push((chs, v));
        }
        self.line = select_line;
        // The window.
        let mut elem_off = 4 + 3 * n;
        let mut offs = Vec::new();
        for &i in &comm_cases {
            offs.push(elem_off);
            elem_off += self.nslots(cases[i].et);
        }
        // Typed exactly: the channels and the elements by their types.
        let w = self.alloc_raw(elem_off);
        for (k, &i) in comm_cases.iter().enumerate() {
            let cs = &cases[i];
            let base = Slot(w.0 + 4 + 3 * k as u16);
            self.ptrs[base.0 as usize] = true;
            self.mark_types(Slot(w.0 + offs[k] as u16), &[cs.et]);
            self.mov(base, evaluated[k].0, 1);
            self.load_u64(Slot(base.0 + 1), if cs.send.is_some() { 1 } else { 2 });
            self.load_u64(Slot(base.0 + 2), offs[k] as u64);
            let es = self.nslots(cs.et);
            if let Some(v) = evaluated[k].1 {
                self.mov(Slot(w.0 + offs[k] as u16), v, es);
            } else {
                // A receive case's element is the native's result, which
                // a sender may write while the select is parked: cleared
                // first, the collector counts it as written (and scans
                // what the sender puts there), as for `emit_recv`.
                let mut words = Vec::new();
                layout::pointer_words(self.c.w, cs.et, 0, &mut words);
                if words.iter().any(|&p| p) {
                    self.emit(Instr::ZeroN {
                        dst: Slot(w.0 + offs[k] as u16),
                        n: es as u16,
                    });
                }
            }
        }
        self.load_u64(Slot(w.0 + 2), n as u64);
        self.load_u64(Slot(w.0 + 3), default.is_none() as u64);
        let id = self.c.rt_native("runtime.selectgo");
        self.emit(Instr::CallNative {
            id,
            n: elem_off as u16,
            base: w,
        });
        // Dispatch on the chosen case.
        let chosen = w;
        let mut jumps = Vec::new();
        for k in 0..comm_cases.len() {
            let kk = self.scalar();
            self.load_u64(kk, k as u64);
            let eq = self.alloc(1);
            self.emit(Instr::EqI64 {
                dst: eq,
                a: chosen,
                b: kk,
            });
            jumps.push(self.emit(Instr::JmpIf { cond: eq, off: 0 }));
        }
        let to_default = self.jmp();
        self.push_loop(label, false);
        let mut ends = Vec::new();
        for (ci, cc) in sel.body.iter().enumerate() {
            let start = self.pc();
            if default == Some(ci) {
                self.patch(to_default, start);
            } else {
                let k = comm_cases.iter().position(|&i| i == ci).unwrap_or(0);
                self.patch(jumps[k], start);
                let cs = &cases[ci];
                if cs.send.is_none() {
                    self.canonical_elem(Slot(w.0 + offs[k] as u16), cs.et);
                }
                if let Some((lhs, define)) = cs.lhs {
                    let mut parts = vec![(Slot(w.0 + offs[k] as u16), cs.et)];
                    if lhs.len() > 1 {
                        parts.push((Slot(w.0 + 1), TypeId::BOOL));
                    }
                    self.assign_computed(lhs, define, &parts);
                }
            }
            for s in &cc.body {
                self.stmt(s);
            }
            ends.push(self.jmp());
        }
        let end = self.pc();
        if default.is_none() {
            self.patch(to_default, end);
        }
        for at in ends {
            self.patch(at, end);
        }
        self.pop_loop(end, end);
    }
}

/// The channel operand of a receive expression `<-c` (parenthesized or not).
fn recv_operand(e: &Expr) -> Option<&Expr> {
    match &e.unparen().kind {
        ExprKind::Unary(Token::Arrow, x) => Some(x),
        _ => None,
    }
}
