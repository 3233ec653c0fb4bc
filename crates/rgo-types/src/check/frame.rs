//! An estimate of the stack frame gc gives a function, for its `stack
//! frame too large (>1GB)` error: the locals (stksize) and the callee
//! argument area it reports apart from the function's own arguments.
//!
//! gc's frame is what its back end leaves after escape analysis, order,
//! walk and SSA, which rgo does not reproduce. Only the parts that can
//! reach a gigabyte are modelled, and each only where gc is sure to put
//! it on the stack, so that the estimate errs low (a missed error, never
//! a false one):
//!
//! - a named variable larger than 128 KiB lives on the heap (escape
//!   analysis: `too large for stack`), so named variables count nothing;
//! - the backing array of a slice literal that does not escape is a stack
//!   temporary of any size (escape analysis judges the slice, not its
//!   array): counted for `x := []T{...}` / `var x = []T{...}` when `x` is
//!   only indexed, ranged over with a value, measured or passed to
//!   `runtime.KeepAlive`, and read at least once in a way SSA keeps (a
//!   non-constant index, a range value, KeepAlive), for the whole
//!   function; and for a literal indexed or ranged over directly, for its
//!   statement;
//! - order copies a call's result used as an operand into a temporary
//!   (not when the call is a statement or the whole right side of an
//!   assignment to a name), and walk builds a composite literal argument
//!   in one; temporaries that are not SSA values are stack slots, reused
//!   from one statement to the next: the largest statement counts;
//! - each call reserves the callee's parameters and results (the callee
//!   area is the largest of them).
//!
//! Calls count only when gc cannot inline them: functions of the package
//! declared without a body, interface methods, and the function's own
//! function-typed parameters. Closures are frames of their own, and `go`
//! and `defer` calls are left out.

use super::{Checker, Mode, SelectionKind};
use crate::types::*;
use rgo_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use rgo_syntax::token::Token;
use std::collections::{HashMap, HashSet};

/// gc's SSA limit on a value's size (4 words): larger values, arrays of
/// more than one element and structs of more than four fields live in
/// memory (ssagen's TypeOK).
const MAX_SSA_SIZE: i64 = 32;

/// The estimated frame of one function (bytes).
pub(super) struct Frame {
    pub locals: i64,
    pub callee: i64,
}

/// How an operand is used, as far as a slice literal's escape goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// The whole of an expression statement or of an assignment's right
    /// side to a name: a call's result needs no temporary.
    Direct,
    /// Read as a value (copied, passed, compared...): a slice escapes.
    Value,
    /// Assigned to.
    Store,
    /// Its address is taken (`&x`, `x.f`, `x[a:b]`, method receivers).
    Addr,
    /// Indexed and read; `dynamic` for a non-constant index.
    IndexRead { dynamic: bool },
    /// Indexed and assigned to.
    IndexStore,
    /// `len(x)` / `cap(x)`, or ranged over without a value.
    Len,
    /// Passed to runtime.KeepAlive or ranged over with a value.
    Keep,
}

/// A variable initialized by a slice literal.
struct Candidate {
    bytes: i64,
    kept: bool,
    escapes: bool,
}

struct Walk<'c, 'a, 'w> {
    c: &'c Checker<'a, 'w>,
    fi: usize,
    params: HashSet<ObjId>,
    cands: HashMap<ObjId, Candidate>,
    /// Temporaries of the statement being walked.
    temps: i64,
    max_temps: i64,
    callee: i64,
    /// Inside a function literal, `go` or `defer`: nothing is counted and
    /// every use of a candidate is an escape.
    hidden: u32,
}

impl Checker<'_, '_> {
    /// The frame estimate of a function declaration with a body.
    pub(super) fn frame_estimate(&self, fi: usize, fd: &ast::FuncDecl, sig: &Signature) -> Frame {
        let mut w = Walk {
            c: self,
            fi,
            params: sig.params.iter().copied().collect(),
            cands: HashMap::new(),
            temps: 0,
            max_temps: 0,
            callee: 0,
            hidden: 0,
        };
        if let Some(body) = &fd.body {
            w.stmts(&body.stmts);
        }
        let kept: i64 = w
            .cands
            .values()
            .filter(|c| c.kept && !c.escapes)
            .fold(0i64, |s, c| s.saturating_add(c.bytes));
        Frame {
            locals: kept.saturating_add(w.max_temps),
            callee: w.callee,
        }
    }

    /// The argument area of a call of `sig` (parameters then results, each
    /// aligned), or `None` if a size is unknown.
    pub(super) fn arg_width(&self, sig: &Signature) -> Option<i64> {
        let mut args: i64 = 0;
        for &v in sig.recv.iter().chain(&sig.params).chain(&sig.results) {
            let t = self.w.obj(v).typ;
            let (size, align) = (self.w.sizeof(t), self.w.alignof(t).max(1));
            if size < 0 {
                return None;
            }
            args = args.saturating_add(align - 1) / align * align;
            args = args.saturating_add(size);
        }
        Some(args)
    }
}

impl Walk<'_, '_, '_> {
    fn tv(&self, e: &Expr) -> Option<&super::TypeAndValue> {
        self.c.info.files[self.fi].types.get(e.id.index())?.as_ref()
    }

    fn use_of(&self, id: ast::NodeId) -> Option<ObjId> {
        *self.c.info.files[self.fi].uses.get(id.index())?
    }

    fn def_of(&self, id: ast::NodeId) -> Option<ObjId> {
        *self.c.info.files[self.fi].defs.get(id.index())?
    }

    fn is_const(&self, e: &Expr) -> bool {
        self.tv(e).is_some_and(|tv| tv.mode == Mode::Constant)
    }

    /// The size of a value of type `t` that gc keeps in memory, 0 for one
    /// SSA keeps in registers (or of unknown size).
    fn memory_size(&self, t: TypeId) -> i64 {
        let size = self.c.w.sizeof(t);
        if size <= 0 || self.ssa_able(t, size) {
            0
        } else {
            size
        }
    }

    fn ssa_able(&self, t: TypeId, size: i64) -> bool {
        if size > MAX_SSA_SIZE {
            return false;
        }
        match self.c.w.types.get(self.c.w.types.under(t)) {
            Type::Array(n, e) => *n <= 1 && self.ssa_able(*e, self.c.w.sizeof(*e)),
            Type::Struct(s) => {
                s.fields.len() <= 4
                    && s.fields.iter().all(|&f| {
                        let ft = self.c.w.obj(f).typ;
                        self.ssa_able(ft, self.c.w.sizeof(ft))
                    })
            }
            _ => true,
        }
    }

    /// The backing array's size of a slice literal (its length is one
    /// past its largest index), or `None` if it is not a slice literal.
    fn slice_lit_bytes(&self, e: &Expr) -> Option<i64> {
        let ExprKind::CompositeLit(cl) = &strip(e).kind else {
            return None;
        };
        let t = self.tv(strip(e))?.typ;
        let Type::Slice(elem) = self.c.w.types.get(self.c.w.types.under(t)) else {
            return None;
        };
        let (mut next, mut len) = (0i64, 0i64);
        for el in &cl.elems {
            if let ExprKind::KeyValue(k, _) = &el.kind {
                next = self.tv(k)?.val.as_ref()?.to_int().int64_val()?;
            }
            next = next.checked_add(1)?;
            len = len.max(next);
        }
        let es = self.c.w.sizeof(*elem);
        (es >= 0).then(|| es.saturating_mul(len))
    }

    /// Runs `f` as one statement's worth of expressions.
    fn statement(&mut self, f: impl FnOnce(&mut Self)) {
        let saved = std::mem::take(&mut self.temps);
        f(self);
        self.max_temps = self.max_temps.max(self.temps);
        self.temps = saved;
    }

    fn add_temp(&mut self, bytes: i64) {
        if self.hidden == 0 {
            self.temps = self.temps.saturating_add(bytes);
        }
    }

    fn stmts(&mut self, list: &[Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Bad | StmtKind::Empty | StmtKind::Branch(..) => {}
            StmtKind::Decl(g) => {
                if g.kind != ast::DeclKind::Var {
                    return;
                }
                for spec in &g.specs {
                    let ast::Spec::Value(vs) = spec else { continue };
                    self.statement(|w| {
                        if let ([name], [value]) = (&vs.names[..], &vs.values[..]) {
                            w.define(w.def_of(name.id), value);
                        } else {
                            for v in &vs.values {
                                w.expr(v, Ctx::Value);
                            }
                        }
                    });
                }
            }
            StmtKind::Labeled(_, s) => self.stmt(s),
            StmtKind::Expr(e) => self.statement(|w| w.expr(e, Ctx::Direct)),
            StmtKind::Send(ss) => self.statement(|w| {
                w.expr(&ss.ch, Ctx::Value);
                w.expr(&ss.value, Ctx::Value);
            }),
            StmtKind::IncDec(e, _) => self.statement(|w| w.expr(e, Ctx::Store)),
            StmtKind::Assign(a) => self.statement(|w| w.assign(a)),
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                self.hidden += 1;
                self.expr(e, Ctx::Value);
                self.hidden -= 1;
            }
            StmtKind::Return(list) => self.statement(|w| {
                for e in list {
                    w.expr(e, Ctx::Value);
                }
            }),
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::If(i) => {
                if let Some(init) = &i.init {
                    self.stmt(init);
                }
                self.statement(|w| w.expr(&i.cond, Ctx::Value));
                self.stmts(&i.then.stmts);
                if let Some(els) = &i.els {
                    self.stmt(els);
                }
            }
            StmtKind::Switch(sw) => {
                if let Some(init) = &sw.init {
                    self.stmt(init);
                }
                if let Some(tag) = &sw.tag {
                    self.statement(|w| w.expr(tag, Ctx::Value));
                }
                for cc in &sw.body {
                    self.statement(|w| {
                        for e in cc.list.iter().flatten() {
                            w.expr(e, Ctx::Value);
                        }
                    });
                    self.stmts(&cc.body);
                }
            }
            StmtKind::TypeSwitch(ts) => {
                if let Some(init) = &ts.init {
                    self.stmt(init);
                }
                self.statement(|w| w.expr(&ts.guard, Ctx::Value));
                for cc in &ts.body {
                    self.stmts(&cc.body);
                }
            }
            StmtKind::Select(sel) => {
                for cc in &sel.body {
                    if let Some(comm) = &cc.comm {
                        self.stmt(comm);
                    }
                    self.stmts(&cc.body);
                }
            }
            StmtKind::For(f) => {
                if let Some(init) = &f.init {
                    self.stmt(init);
                }
                if let Some(cond) = &f.cond {
                    self.statement(|w| w.expr(cond, Ctx::Value));
                }
                if let Some(post) = &f.post {
                    self.stmt(post);
                }
                self.stmts(&f.body.stmts);
            }
            StmtKind::Range(r) => {
                self.statement(|w| {
                    let with_value = r.value.as_ref().is_some_and(|v| !is_blank(v));
                    if let Some(bytes) = w.slice_lit_bytes(&r.x) {
                        if with_value {
                            w.add_temp(bytes);
                        }
                        w.lit_elems(&r.x);
                    } else {
                        w.expr(&r.x, if with_value { Ctx::Keep } else { Ctx::Len });
                    }
                    if r.op == Some(Token::Assign) {
                        for e in [&r.key, &r.value].into_iter().flatten() {
                            w.expr(e, Ctx::Store);
                        }
                    }
                });
                self.stmts(&r.body.stmts);
            }
        }
    }

    fn assign(&mut self, a: &ast::AssignStmt) {
        let plain = matches!(a.op, Token::Assign | Token::Define);
        if let ([l], [r]) = (&a.lhs[..], &a.rhs[..]) {
            if plain && matches!(l.kind, ExprKind::Name(_)) {
                if a.op == Token::Define {
                    if let Some(o) = self.def_of(l.id) {
                        self.define(Some(o), r);
                        return;
                    }
                }
                self.expr(l, Ctx::Store);
                self.expr(r, Ctx::Direct);
                return;
            }
        }
        for l in &a.lhs {
            if a.op != Token::Define {
                self.expr(l, Ctx::Store);
            }
        }
        for r in &a.rhs {
            self.expr(r, Ctx::Value);
        }
    }

    /// `x := value` / `var x = value`: a slice literal makes `x` a
    /// candidate.
    fn define(&mut self, x: Option<ObjId>, value: &Expr) {
        match (x, self.slice_lit_bytes(value)) {
            (Some(o), Some(bytes)) if self.hidden == 0 => {
                self.cands.insert(
                    o,
                    Candidate {
                        bytes,
                        kept: false,
                        escapes: false,
                    },
                );
                self.lit_elems(value);
            }
            _ => self.expr(value, Ctx::Direct),
        }
    }

    /// The elements of a composite literal (its keys too, for a map).
    fn lit_elems(&mut self, e: &Expr) {
        let ExprKind::CompositeLit(cl) = &strip(e).kind else {
            return;
        };
        let is_map = self.tv(strip(e)).is_some_and(|tv| {
            matches!(
                self.c.w.types.get(self.c.w.types.under(tv.typ)),
                Type::Map(..)
            )
        });
        for el in &cl.elems {
            match &el.kind {
                ExprKind::KeyValue(k, v) => {
                    if is_map {
                        self.expr(k, Ctx::Value);
                    }
                    self.expr(v, Ctx::Value);
                }
                _ => self.expr(el, Ctx::Value),
            }
        }
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) {
        if self.tv(e).is_some_and(|tv| tv.mode == Mode::TypeExpr) {
            return;
        }
        match &e.kind {
            ExprKind::Name(_) => {
                let Some(o) = self.use_of(e.id) else { return };
                let hidden = self.hidden > 0;
                if let Some(c) = self.cands.get_mut(&o) {
                    match ctx {
                        _ if hidden => c.escapes = true,
                        Ctx::Keep | Ctx::IndexRead { dynamic: true } => c.kept = true,
                        Ctx::IndexRead { dynamic: false } | Ctx::IndexStore | Ctx::Len => {}
                        Ctx::Direct | Ctx::Value | Ctx::Store | Ctx::Addr => c.escapes = true,
                    }
                }
            }
            ExprKind::Paren(x) => self.expr(x, ctx),
            ExprKind::Index(x, idx) => {
                let dynamic = !idx.iter().all(|i| self.is_const(i));
                let base = match ctx {
                    Ctx::Store => Ctx::IndexStore,
                    Ctx::Addr => Ctx::Addr,
                    _ => Ctx::IndexRead { dynamic },
                };
                if base == (Ctx::IndexRead { dynamic: true }) {
                    if let Some(bytes) = self.slice_lit_bytes(x) {
                        self.add_temp(bytes);
                    }
                }
                self.expr(x, base);
                for i in idx {
                    self.expr(i, Ctx::Value);
                }
            }
            ExprKind::Slice(s) => {
                self.expr(&s.x, Ctx::Addr);
                for i in s.index.iter().flatten() {
                    self.expr(i, Ctx::Value);
                }
            }
            ExprKind::Selector(x, _) => self.expr(x, Ctx::Addr),
            ExprKind::Unary(Token::And, x) => self.expr(x, Ctx::Addr),
            ExprKind::Unary(_, x) | ExprKind::Star(x) | ExprKind::TypeAssert(x, _) => {
                self.expr(x, Ctx::Value)
            }
            ExprKind::Binary(_, x, y) => {
                self.expr(x, Ctx::Value);
                self.expr(y, Ctx::Value);
            }
            ExprKind::KeyValue(_, v) => self.expr(v, Ctx::Value),
            ExprKind::CompositeLit(_) => self.lit_elems(e),
            ExprKind::FuncLit(f) => {
                self.hidden += 1;
                self.statement(|w| w.stmts(&f.body.stmts));
                self.hidden -= 1;
            }
            ExprKind::Call(call) => self.call(call, ctx),
            _ => {}
        }
    }

    fn call(&mut self, call: &ast::CallExpr, ctx: Ctx) {
        let fun = strip(&call.fun);
        let Some(ftv) = self.tv(fun) else { return };
        match ftv.mode {
            // A conversion.
            Mode::TypeExpr => {
                for a in &call.args {
                    self.expr(a, Ctx::Value);
                }
                return;
            }
            Mode::Builtin => {
                let id = match &fun.kind {
                    ExprKind::Selector(_, sel) => sel.id,
                    _ => fun.id,
                };
                let arg_ctx = match self.use_of(id).map(|o| &self.c.w.obj(o).kind) {
                    Some(ObjKind::Builtin(Builtin::Len | Builtin::Cap)) => Ctx::Len,
                    _ => Ctx::Value,
                };
                for a in &call.args {
                    self.expr(a, arg_ctx);
                }
                return;
            }
            _ => {}
        }
        let Type::Signature(sig) = self.c.w.types.get(self.c.w.types.under(ftv.typ)) else {
            return;
        };
        let sig = sig.clone();
        let arg_ctx = if self.is_keepalive(fun) {
            Ctx::Keep
        } else {
            Ctx::Value
        };
        self.expr(&call.fun, Ctx::Value);
        let opaque = self.hidden == 0 && self.opaque(fun);
        for (i, a) in call.args.iter().enumerate() {
            self.expr(a, arg_ctx);
            // walk builds a composite literal argument holding a call in a
            // temporary.
            if opaque
                && matches!(strip(a).kind, ExprKind::CompositeLit(_))
                && self.has_opaque_call(a)
            {
                if let Some(&p) = sig.params.get(i) {
                    let bytes = self.memory_size(self.c.w.obj(p).typ);
                    self.add_temp(bytes);
                }
            }
        }
        if !opaque {
            return;
        }
        if let Some(width) = self.c.arg_width(&sig) {
            self.callee = self.callee.max(width);
        }
        // order copies a result used as an operand into a temporary.
        if ctx != Ctx::Direct {
            if let [r] = &sig.results[..] {
                let bytes = self.memory_size(self.c.w.obj(*r).typ);
                self.add_temp(bytes);
            }
        }
    }

    /// A callee gc cannot inline: a function of this package declared
    /// without a body, an interface method, or a parameter.
    fn opaque(&self, fun: &Expr) -> bool {
        match &fun.kind {
            ExprKind::Name(_) => self.use_of(fun.id).is_some_and(|o| {
                let obj = self.c.w.obj(o);
                match obj.kind {
                    ObjKind::Func(f) => f.no_body && obj.pkg == Some(self.c.pkg),
                    ObjKind::Var(_) => self.params.contains(&o),
                    _ => false,
                }
            }),
            ExprKind::Selector(x, _) => {
                let Some(Some(sel)) = self.c.info.files[self.fi].selections.get(fun.id.index())
                else {
                    return false;
                };
                if sel.kind != SelectionKind::MethodVal {
                    return false;
                }
                let obj = self.c.w.obj(sel.obj);
                let recv_iface = self
                    .tv(strip(x))
                    .is_some_and(|tv| self.c.w.types.is_interface(tv.typ));
                recv_iface
                    || matches!(obj.kind, ObjKind::Func(f) if f.no_body && obj.pkg == Some(self.c.pkg))
            }
            _ => false,
        }
    }

    fn has_opaque_call(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call(c) => {
                self.opaque(strip(&c.fun)) || c.args.iter().any(|a| self.has_opaque_call(a))
            }
            ExprKind::Paren(x) | ExprKind::KeyValue(_, x) => self.has_opaque_call(x),
            ExprKind::CompositeLit(cl) => cl.elems.iter().any(|el| self.has_opaque_call(el)),
            _ => false,
        }
    }

    /// `runtime.KeepAlive`.
    fn is_keepalive(&self, fun: &Expr) -> bool {
        let ExprKind::Selector(_, sel) = &fun.kind else {
            return false;
        };
        let Some(o) = self.use_of(sel.id) else {
            return false;
        };
        let obj = self.c.w.obj(o);
        obj.name == "KeepAlive" && obj.pkg.is_some_and(|p| self.c.w.pkg(p).path == "runtime")
    }
}

fn strip(mut e: &Expr) -> &Expr {
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == "_")
}
