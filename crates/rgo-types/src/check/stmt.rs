//! Statements and function bodies: assignments and short variable
//! declarations, unused expressions and variables, returns with the
//! terminating-statement analysis (`missing return`), if/for/switch/type
//! switch/select, and range over every kind (incl. int and func iterators).

use super::expr::INVALID_OP;
use super::*;
use crate::predicates::identical;
use rgo_syntax::ast::{ExprKind, Name, Stmt, StmtKind};
use rgo_syntax::token::Token;

impl<'a, 'w> Checker<'a, 'w> {
    /// Labels are function-wide objects (go/types' label scope): declared
    /// before the body's statements so `goto` may jump forward.
    fn declare_labels(&mut self, body: &'a ast::Block) {
        let mut found: Vec<&'a ast::Ident> = Vec::new();
        collect_labels(&body.stmts, &mut found);
        for l in found {
            if l.name == "_" || self.fctx.labels.contains_key(&l.name) {
                continue;
            }
            let o = self.new_obj(&l.name, ObjKind::Label, TypeId::INVALID, l.pos);
            self.fctx.labels.insert(l.name.clone(), o);
        }
    }

    pub(crate) fn func_body(&mut self, sig: TypeId, body: &'a ast::Block, scope: ScopeId) {
        let saved_scope = self.scope;
        let saved = std::mem::take(&mut self.fctx);
        self.scope = scope;
        self.fctx.sig = Some(sig);
        self.declare_labels(body);
        self.stmt_list(&body.stmts);
        let has_results =
            matches!(self.w.types.get(sig), Type::Signature(s) if !s.results.is_empty());
        let is_panic = |c: &Self, e: &Expr| -> bool {
            let f = e.unparen();
            let o = c.info.files[c.file as usize]
                .uses
                .get(f.id.index())
                .copied()
                .flatten();
            o.is_some_and(|o| matches!(c.w.obj(o).kind, ObjKind::Builtin(Builtin::Panic)))
        };
        if has_results && !is_terminating_list(&body.stmts, None, &|e| is_panic(self, e)) {
            self.error(body.rbrace, "missing return");
        }
        self.usage();
        self.fctx = saved;
        self.scope = saved_scope;
    }

    /// Reports unused local variables in source order.
    fn usage(&mut self) {
        let mut unused: Vec<(u32, Pos, Name)> = self
            .fctx
            .vars
            .iter()
            .filter_map(|v| {
                let o = self.w.obj(*v);
                match o.kind {
                    ObjKind::Var(VarInfo { used: false, .. })
                        if o.name != "_" && !o.name.is_empty() =>
                    {
                        Some((o.file, o.pos, o.name.clone()))
                    }
                    _ => None,
                }
            })
            .collect();
        unused.sort_by_key(|u| u.1);
        for (file, pos, name) in unused {
            self.errors.push(TypeError {
                file,
                pos,
                msg: format!("declared and not used: {}", name),
                soft: true,
            });
        }
        self.fctx.vars.clear();
    }

    fn stmt_list(&mut self, list: &'a [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        let saved_top = self.stmt_top;
        self.stmt_top = self.delayed.len();
        if self.enter(s.pos) {
            self.stmt_inner(s);
        }
        self.leave();
        self.process_delayed_from(self.stmt_top);
        self.stmt_top = saved_top;
    }

    fn stmt_inner(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Bad | StmtKind::Empty => {}
            StmtKind::Branch(_, label) => {
                // Label misuse is reported by the parser's branch checks.
                if let Some(l) = label {
                    if let Some(&o) = self.fctx.labels.get(&l.name) {
                        self.record_use(l.id, o);
                    }
                }
            }
            StmtKind::Decl(g) => self.decl_stmt(g),
            StmtKind::Labeled(l, inner) => {
                if let Some(&o) = self.fctx.labels.get(&l.name) {
                    if self.w.obj(o).pos == l.pos {
                        self.record_def(l, o);
                    }
                }
                self.stmt(inner)
            }
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send(sd) => self.send_stmt(sd),
            StmtKind::IncDec(x, inc) => {
                let mut op = self.expr(x);
                if op.is_invalid() {
                    return;
                }
                if !self.all(op.typ, |t, u| t.is_numeric(u)) {
                    let es = crate::exprstring::expr_string(x);
                    let ts = self.tstr(op.typ);
                    self.error(
                        x.start(),
                        format!(
                            "{}{}{} (non-numeric type {})",
                            INVALID_OP,
                            es,
                            if *inc { "++" } else { "--" },
                            ts
                        ),
                    );
                    return;
                }
                op.mode = Mode::Value;
                self.assign_var(x, Some(op), "assignment");
            }
            StmtKind::Assign(a) => self.assign_stmt(s, a),
            StmtKind::Go(e) => self.go_defer(e, "go"),
            StmtKind::Defer(e) => {
                self.fctx.has_defer = true;
                self.go_defer(e, "defer")
            }
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Block(b) => {
                self.open_scope(b.lbrace, b.rbrace);
                self.stmt_list(&b.stmts);
                self.close_scope();
            }
            StmtKind::If(i) => {
                self.open_scope(s.pos, s.pos);
                if let Some(init) = &i.init {
                    self.stmt(init);
                }
                let x = self.expr(&i.cond);
                if !x.is_invalid() && !self.all(x.typ, |t, u| t.is_boolean(u)) {
                    self.error(i.cond.start(), "non-boolean condition in if statement");
                }
                self.open_scope(i.then.lbrace, i.then.rbrace);
                self.stmt_list(&i.then.stmts);
                self.close_scope();
                if let Some(els) = &i.els {
                    self.stmt(els);
                }
                self.close_scope();
            }
            StmtKind::For(f) => {
                self.open_scope(s.pos, f.body.rbrace);
                if let Some(init) = &f.init {
                    self.stmt(init);
                }
                if let Some(c) = &f.cond {
                    let x = self.expr(c);
                    if !x.is_invalid() && !self.all(x.typ, |t, u| t.is_boolean(u)) {
                        self.error(c.start(), "non-boolean condition in for statement");
                    }
                }
                if let Some(p) = &f.post {
                    if let StmtKind::Assign(a) = &p.kind {
                        if a.op == Token::Define {
                            self.error(p.pos, "cannot declare in post statement of for loop");
                        }
                    }
                    self.stmt(p);
                }
                self.open_scope(f.body.lbrace, f.body.rbrace);
                self.stmt_list(&f.body.stmts);
                self.close_scope();
                self.close_scope();
            }
            StmtKind::Range(r) => self.range_stmt(s, r),
            StmtKind::Switch(sw) => self.switch_stmt(s, sw),
            StmtKind::TypeSwitch(ts) => self.type_switch_stmt(s, ts),
            StmtKind::Select(sel) => {
                for cc in &sel.body {
                    self.open_scope(cc.pos, cc.pos);
                    if let Some(comm) = &cc.comm {
                        let ok = match &comm.kind {
                            StmtKind::Send(_) => true,
                            StmtKind::Expr(e) => is_recv(e),
                            StmtKind::Assign(a) => a.rhs.len() == 1 && is_recv(&a.rhs[0]),
                            _ => false,
                        };
                        if !ok {
                            // types2 reports at syntax.StartPos(stmt): an
                            // expression statement's own position (a call's
                            // `(`), an assignment's first left operand.
                            let at = match &comm.kind {
                                StmtKind::Expr(e) => e.pos,
                                StmtKind::Assign(a) => {
                                    a.lhs.first().map(|l| l.start()).unwrap_or(comm.pos)
                                }
                                _ => comm.pos,
                            };
                            self.error(
                                at,
                                "select case must be send or receive (possibly with assignment)",
                            );
                            continue;
                        }
                        self.stmt(comm);
                    }
                    self.stmt_list(&cc.body);
                    self.close_scope();
                }
            }
        }
    }

    fn expr_stmt(&mut self, e: &'a Expr) {
        let x = self.raw_expr(e, None, false);
        let is_stmt = match &e.unparen().kind {
            ExprKind::Call(c) => {
                let fun = self.info.files[self.file as usize]
                    .types
                    .get(c.fun.id.index())
                    .cloned()
                    .flatten();
                match fun.map(|t| t.mode) {
                    Some(Mode::TypeExpr) => false,
                    Some(Mode::Builtin) => {
                        builtin_of(self, &c.fun).is_some_and(|b| b.is_statement())
                    }
                    _ => true,
                }
            }
            ExprKind::Unary(Token::Arrow, _) => true,
            _ => false,
        };
        let msg = match x.mode {
            Mode::Invalid => return,
            Mode::Builtin => "must be called",
            Mode::TypeExpr => "is not an expression",
            _ if is_stmt => return,
            _ => "is not used",
        };
        let s = self.op_string(&x);
        self.error(x.pos(), format!("{} {}", s, msg));
    }

    fn send_stmt(&mut self, sd: &'a ast::SendStmt) {
        let ch = self.expr(&sd.ch);
        let mut v = self.expr(&sd.value);
        if ch.is_invalid() || v.is_invalid() {
            return;
        }
        match self.chan_elem(&ch, false) {
            Ok(elem) => self.assignment(&mut v, Some(elem), "send"),
            Err(cause) => {
                let s = self.op_string(&ch);
                let msg = if self.w.types.is_type_param(ch.typ) {
                    format!("{}cannot send to {}: {}", INVALID_OP, s, cause)
                } else {
                    format!("{}cannot send to {} {}", INVALID_OP, cause, s)
                };
                self.error(sd.ch.start(), msg);
            }
        }
    }

    fn go_defer(&mut self, e: &'a Expr, what: &str) {
        let ExprKind::Call(c) = &e.unparen().kind else {
            self.raw_expr(e, None, false);
            self.error(
                e.start(),
                format!("expression in {} must be function call", what),
            );
            return;
        };
        let x = self.raw_expr(e, None, false);
        let fun = self.info.files[self.file as usize]
            .types
            .get(c.fun.id.index())
            .cloned()
            .flatten();
        match fun.map(|t| t.mode) {
            Some(Mode::TypeExpr) => {
                let xs = self.op_string(&x);
                self.error(
                    e.start(),
                    format!("{} requires function call, not conversion {}", what, xs),
                );
            }
            Some(Mode::Builtin) if !builtin_of(self, &c.fun).is_some_and(|b| b.is_statement()) => {
                let xs = self.op_string(&x);
                self.error(e.start(), format!("{} discards result of {}", what, xs));
            }
            _ => {}
        }
    }

    fn return_stmt(&mut self, s: &'a Stmt, results: &'a [Expr]) {
        let Some(sig) = self.fctx.sig else { return };
        let Type::Signature(sg) = self.w.types.get(sig).clone() else {
            return;
        };
        let want: Vec<TypeId> = sg.results.iter().map(|r| self.w.obj(*r).typ).collect();
        if results.is_empty() {
            if want.is_empty() {
                return;
            }
            if !self.w.obj(sg.results[0]).name.is_empty() {
                // Named results: a bare return; results must not be shadowed.
                for r in &sg.results {
                    let name = self.w.obj(*r).name.clone();
                    if let Some((_, o)) = self.w.lookup_parent(self.scope, &name) {
                        if o != *r {
                            self.error(
                                s.pos,
                                format!("result parameter {} not in scope at return", name),
                            );
                            let p = self.obj_position(o);
                            let ts = self.tstr(self.w.obj(o).typ);
                            if let Some(last) = self.errors.last_mut() {
                                last.msg.push_str(&format!(
                                    "\n\t{}: inner declaration of var {} {}",
                                    p, name, ts
                                ));
                            }
                        }
                    }
                }
                return;
            }
            let ws = self.tuple_string(&want);
            self.error(
                s.pos,
                format!("not enough return values\n\thave ()\n\twant {}", ws),
            );
            return;
        }
        let xs = if results.len() == 1 && want.len() != 1 {
            self.multi_expr(&results[0], false)
        } else {
            // A generic function result is inferred from its result type.
            let hints = want.iter().map(|w| Some(*w)).chain(std::iter::repeat(None));
            results
                .iter()
                .zip(hints)
                .map(|(r, h)| self.expr_to(r, h))
                .collect()
        };
        if xs.iter().any(|x| x.is_invalid()) || xs.is_empty() {
            return;
        }
        if xs.len() != want.len() {
            let have = self.types_summary(&xs);
            let ws = self.tuple_string(&want);
            let what = if xs.len() < want.len() {
                "not enough"
            } else {
                "too many"
            };
            let pos = if xs.len() > want.len() && results.len() > want.len() {
                results[want.len()].start()
            } else {
                results[results.len() - 1].start()
            };
            self.error(
                pos,
                format!("{} return values\n\thave {}\n\twant {}", what, have, ws),
            );
            return;
        }
        for (mut x, t) in xs.into_iter().zip(want) {
            self.assignment(&mut x, Some(t), "return statement");
        }
    }

    fn tuple_string(&self, ts: &[TypeId]) -> String {
        self.type_list_summary(ts, false)
    }

    // -----------------------------------------------------------------------
    // Assignments.

    fn assign_stmt(&mut self, s: &'a Stmt, a: &'a ast::AssignStmt) {
        match a.op {
            Token::Define => self.short_var_decl(s, &a.lhs, &a.rhs),
            Token::Assign => self.assign_vars(&a.lhs, &a.rhs),
            op => {
                let Some(bop) = binary_of_assign(op) else {
                    return;
                };
                if a.lhs.len() != 1 || a.rhs.len() != 1 {
                    self.error(
                        s.pos,
                        format!(
                            "assignment operation {} requires single-valued expressions",
                            op.as_str()
                        ),
                    );
                    return;
                }
                let x = self.op_assign_value(bop, &a.lhs[0], &a.rhs[0]);
                if x.is_invalid() {
                    return;
                }
                self.assign_var(&a.lhs[0], Some(x), "assignment");
            }
        }
    }

    /// `x op= y` computed as `x op y` (types2's binary with no operation
    /// node: the result stands for `x`, and a type mismatch is quoted as
    /// `x op= y`).
    fn op_assign_value(&mut self, op: Token, lhs: &'a Expr, rhs: &'a Expr) -> Operand<'a> {
        let mut x = self.expr(lhs);
        let mut y = self.expr(rhs);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if matches!(op, Token::Shl | Token::Shr) {
            return self.shift(lhs, op, x, y);
        }
        self.match_types(&mut x, &mut y);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if !identical(self.w, x.typ, y.typ) {
            let (xs, ys) = (self.tstr(x.typ), self.tstr(y.typ));
            let es = format!(
                "{} {}= {}",
                crate::exprstring::expr_string(lhs),
                op.as_str(),
                crate::exprstring::expr_string(rhs)
            );
            self.error(
                x.pos(),
                format!("{}{} (mismatched types {} and {})", INVALID_OP, es, xs, ys),
            );
            return Operand::invalid();
        }
        self.arith(lhs, op, x, y)
    }

    pub(crate) fn assign_vars(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let context = if lhs.len() > 1 {
            "multiple assignment"
        } else {
            "assignment"
        };
        let is_call = rhs.len() == 1 && matches!(rhs[0].unparen().kind, ExprKind::Call(_));
        if lhs.len() == rhs.len() && !is_call {
            let xs: Vec<Operand<'a>> = rhs
                .iter()
                .zip(lhs)
                .map(|(r, l)| {
                    let hint = self.plain_var_type(l);
                    self.expr_to(r, hint)
                })
                .collect();
            for (l, x) in lhs.iter().zip(xs) {
                if x.is_invalid() {
                    self.assign_var(l, None, context);
                } else {
                    self.assign_var(l, Some(x), context);
                }
            }
            return;
        }
        if rhs.len() == 1 {
            let xs = self.multi_expr(&rhs[0], lhs.len() == 2);
            if xs.is_empty() {
                for l in lhs {
                    self.assign_var(l, None, context);
                }
                return;
            }
            if xs.len() == lhs.len() {
                for (l, x) in lhs.iter().zip(xs) {
                    self.assign_var(l, Some(x), context);
                }
                return;
            }
            for l in lhs {
                self.assign_var(l, None, context);
            }
            self.assign_mismatch_call(lhs.len(), &xs, &rhs[0]);
            return;
        }
        // types2: the values are only "used" (a multi-value call is no
        // error here), and the mismatch is reported if neither side had
        // an error.
        let mut ok = true;
        for r in rhs {
            ok &= !self.raw_expr(r, None, true).is_invalid();
        }
        let before = self.errors.len();
        for l in lhs {
            self.assign_var(l, None, context);
        }
        if !ok || self.errors.len() != before {
            return;
        }
        let (l, r) = (lhs.len(), rhs.len());
        self.error(
            rhs[0].start(),
            format!(
                "assignment mismatch: {} variable{} but {} value{}",
                l,
                super::resolver::plural(l),
                r,
                super::resolver::plural(r)
            ),
        );
    }

    /// Assigns `x` (None after an error) to the left-hand side `lhs`.
    fn assign_var(&mut self, lhs: &'a Expr, x: Option<Operand<'a>>, context: &str) {
        let le = lhs.unparen();
        if let ExprKind::Name(n) = &le.kind {
            if n == "_" {
                if let Some(mut x) = x {
                    let ctx = if context == "assignment" {
                        "assignment to _ identifier"
                    } else {
                        context
                    };
                    self.assignment(&mut x, None, ctx);
                }
                return;
            }
        }
        let z = match &le.kind {
            ExprKind::Name(n) => {
                let Some((_, o)) = self.w.lookup_parent(self.scope, n) else {
                    self.error(le.pos, format!("undefined: {}", n));
                    return;
                };
                self.record_use(le.id, o);
                let op = self.use_object(le, o, true);
                self.record_operand(le, &op);
                op
            }
            _ => self.expr(lhs),
        };
        if z.is_invalid() {
            return;
        }
        match z.mode {
            Mode::Variable | Mode::MapIndex => {}
            Mode::TypeExpr => {
                let s = self.op_string(&z);
                self.error(lhs.start(), format!("{} is not an expression", s));
                return;
            }
            Mode::Builtin => {
                let s = self.op_string(&z);
                self.error(lhs.start(), format!("{} must be called", s));
                return;
            }
            _ => {
                if let ExprKind::Selector(base, _) = &le.kind {
                    let b = self.info.files[self.file as usize]
                        .types
                        .get(base.unparen().id.index())
                        .cloned()
                        .flatten();
                    if b.is_some_and(|b| b.mode == Mode::MapIndex) {
                        let es = crate::exprstring::expr_string(le);
                        self.error(
                            lhs.start(),
                            format!("cannot assign to struct field {} in map", es),
                        );
                        return;
                    }
                }
                let es = crate::exprstring::expr_string(le);
                self.error(
                    lhs.start(),
                    format!(
                        "cannot assign to {} (neither addressable nor a map index expression)",
                        es
                    ),
                );
                return;
            }
        }
        if let Some(mut x) = x {
            self.assignment(&mut x, Some(z.typ), context);
        }
    }

    fn short_var_decl(&mut self, s: &'a Stmt, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let scope = self.scope;
        let mut new_vars: Vec<ObjId> = Vec::new();
        let mut lhs_objs: Vec<Option<ObjId>> = Vec::new();
        let mut seen: Vec<Name> = Vec::new();
        let mut any_new = false;
        let mut bad = false;
        for l in lhs {
            let ExprKind::Name(n) = &l.kind else {
                self.expr(l);
                let es = crate::exprstring::expr_string(l);
                self.error(l.start(), format!("non-name {} on left side of :=", es));
                bad = true;
                lhs_objs.push(None);
                continue;
            };
            if n != "_" && seen.contains(n) {
                self.error(l.pos, format!("{} repeated on left side of :=", n));
                bad = true;
                lhs_objs.push(None);
                continue;
            }
            seen.push(n.clone());
            if n != "_" {
                if let Some(o) = self.w.lookup_local(scope, n) {
                    self.record_use(l.id, o);
                    if matches!(self.w.obj(o).kind, ObjKind::Var(_)) {
                        lhs_objs.push(Some(o));
                    } else {
                        let es = n.to_string();
                        self.error(l.pos, format!("cannot assign to {}", es));
                        lhs_objs.push(None);
                    }
                    continue;
                }
            }
            let v = self.new_var(n, TypeId::INVALID, l.pos);
            any_new |= n != "_";
            if let Some(slot) = self.finfo().defs.get_mut(l.id.index()) {
                *slot = Some(v);
            }
            lhs_objs.push(Some(v));
            new_vars.push(v);
        }
        // Initialize: new variables get their types from the right side;
        // redeclared ones are assigned.
        let new_set: Vec<ObjId> = new_vars;
        self.init_or_assign(lhs, &lhs_objs, &new_set, rhs);
        self.process_delayed_from(self.stmt_top);
        if !any_new && !bad {
            self.soft_error(s.pos, "no new variables on left side of :=");
        }
        for v in new_set {
            let name = self.w.obj(v).name.clone();
            if name != "_" {
                self.w.insert(scope, v);
            }
            self.fctx.vars.push(v);
        }
    }

    fn init_or_assign(
        &mut self,
        lhs: &'a [Expr],
        objs: &[Option<ObjId>],
        new: &[ObjId],
        rhs: &'a [Expr],
    ) {
        let context = if lhs.len() > 1 {
            "multiple assignment"
        } else {
            "assignment"
        };
        let is_call = rhs.len() == 1 && matches!(rhs[0].unparen().kind, ExprKind::Call(_));
        let xs: Vec<Operand<'a>> = if lhs.len() == rhs.len() && !is_call {
            rhs.iter().map(|r| self.expr(r)).collect()
        } else if rhs.len() == 1 {
            let xs = self.multi_expr(&rhs[0], lhs.len() == 2);
            if xs.is_empty() {
                return;
            }
            if xs.len() != lhs.len() {
                self.assign_mismatch_call(lhs.len(), &xs, &rhs[0]);
                return;
            }
            xs
        } else {
            for r in rhs {
                self.expr(r);
            }
            let (l, r) = (lhs.len(), rhs.len());
            self.error(
                rhs[0].start(),
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    l,
                    super::resolver::plural(l),
                    r,
                    super::resolver::plural(r)
                ),
            );
            return;
        };
        for ((l, o), mut x) in lhs.iter().zip(objs).zip(xs) {
            let Some(o) = o else { continue };
            if x.is_invalid() {
                continue;
            }
            if new.contains(o) {
                self.init_var(*o, &mut x, context);
            } else {
                self.record_operand(l, &Operand::new(Mode::Variable, self.w.obj(*o).typ, l));
                let t = self.w.obj(*o).typ;
                self.assignment(&mut x, Some(t), context);
            }
        }
    }

    // -----------------------------------------------------------------------
    // Switches.

    fn switch_stmt(&mut self, s: &'a Stmt, sw: &'a ast::SwitchStmt) {
        self.open_scope(s.pos, sw.rbrace);
        if let Some(init) = &sw.init {
            self.stmt(init);
        }
        let tag = match &sw.tag {
            Some(t) => {
                let mut x = self.expr(t);
                if !x.is_invalid() {
                    // The tag is used with its default type.
                    self.assignment(&mut x, None, "switch expression");
                    if !x.is_invalid() && !self.w.comparable(x.typ) && !self.w.has_nil(x.typ) {
                        let sx = self.op_string(&x);
                        let ts = self.tstr(x.typ);
                        self.error(
                            x.pos(),
                            format!("cannot switch on {} ({} is not comparable)", sx, ts),
                        );
                        x.mode = Mode::Invalid;
                    }
                }
                x
            }
            None => {
                let mut x = Operand::invalid();
                x.mode = Mode::Constant;
                x.typ = TypeId::BOOL;
                x.val = Some(crate::constant::Value::from_bool(true));
                x
            }
        };
        let mut seen: Vec<(crate::constant::Value, TypeId, Pos)> = Vec::new();
        let mut first_default: Option<Pos> = None;
        for cc in &sw.body {
            match &cc.list {
                None => self.note_default(&mut first_default, cc.pos),
                Some(list) => {
                    for ce in list {
                        let mut y = self.expr(ce);
                        if y.is_invalid() || tag.is_invalid() {
                            continue;
                        }
                        let mut t2 = tag.clone();
                        self.case_compare(&mut y, &mut t2, ce, sw.tag.as_ref());
                        if y.mode == Mode::Constant {
                            if let Some(v) = y.val.as_ref().filter(|v| {
                                matches!(
                                    v.kind(),
                                    crate::constant::Kind::Int
                                        | crate::constant::Kind::Float
                                        | crate::constant::Kind::String
                                )
                            }) {
                                if let Some((_, _, prev)) = seen.iter().find(|(sv, st, _)| {
                                    identical(self.w, *st, y.typ)
                                        && sv
                                            .compare(crate::constant::CmpOp::Eql, v)
                                            .unwrap_or(false)
                                }) {
                                    let ys = self.op_string(&y);
                                    let pp = self.pos_string(*prev);
                                    self.error(
                                        ce.start(),
                                        format!("duplicate case {} in expression switch\n\t{}: previous case", ys, pp),
                                    );
                                } else {
                                    seen.push((v.clone(), y.typ, ce.start()));
                                }
                            }
                        }
                    }
                }
            }
            self.open_scope(cc.colon, cc.colon);
            self.stmt_list(&cc.body);
            self.close_scope();
        }
        self.close_scope();
    }

    /// A `default` clause at `pos`: an error if the switch had one already.
    fn note_default(&mut self, first: &mut Option<Pos>, pos: Pos) {
        match *first {
            Some(f) => {
                let fp = self.pos_string(f);
                self.error(pos, format!("multiple defaults (first at {})", fp));
            }
            None => *first = Some(pos),
        }
    }

    fn case_compare(
        &mut self,
        y: &mut Operand<'a>,
        tag: &mut Operand<'a>,
        ce: &'a Expr,
        tag_expr: Option<&'a Expr>,
    ) {
        self.convert_untyped(y, tag.typ);
        if y.is_invalid() || tag.is_invalid() {
            return;
        }
        let ok = self.assignable_to(y, tag.typ, &mut String::new())
            || self.assignable_to(tag, y.typ, &mut String::new());
        let ys = crate::exprstring::expr_string(ce);
        let ts = tag_expr
            .map(crate::exprstring::expr_string)
            .unwrap_or_else(|| "true".into());
        if !ok {
            let cause = format!(
                "mismatched types {} and {}",
                self.tstr(y.typ),
                self.tstr(tag.typ)
            );
            self.error(
                ce.start(),
                format!("invalid case {} in switch on {} ({})", ys, ts, cause),
            );
            y.mode = Mode::Invalid;
            return;
        }
        if !self.w.comparable(y.typ) && y.mode != Mode::NilValue {
            let cause = self.incomparable_cause(y.typ);
            self.error(
                ce.start(),
                format!("invalid case {} in switch on {} ({})", ys, ts, cause),
            );
            y.mode = Mode::Invalid;
            return;
        }
        if y.mode != Mode::Constant || tag.mode != Mode::Constant {
            let d = self.w.types.default_type(y.typ);
            self.update_expr_type(ce, d, true);
        }
    }

    fn type_switch_stmt(&mut self, s: &'a Stmt, ts: &'a ast::TypeSwitchStmt) {
        self.open_scope(s.pos, ts.rbrace);
        if let Some(init) = &ts.init {
            self.stmt(init);
        }
        let ExprKind::TypeAssert(xe, _) = &ts.guard.kind else {
            self.close_scope();
            return;
        };
        let x = self.expr(xe);
        self.process_delayed_from(self.stmt_top);
        let mut valid = !x.is_invalid();
        if valid && (!self.w.types.is_interface(x.typ) || self.w.types.is_type_param(x.typ)) {
            let sx = self.op_string(&x);
            self.error(x.pos(), format!("{} is not an interface", sx));
            valid = false;
        }
        if let Some(b) = &ts.bind {
            if b.name == "_" {
                self.soft_error(b.pos, "no new variable on left side of :=");
            }
        }
        let mut bind_vars: Vec<ObjId> = Vec::new();
        let mut seen: Vec<(TypeId, Pos)> = Vec::new();
        let mut first_default: Option<Pos> = None;
        for cc in &ts.body {
            let mut single: Option<TypeId> = None;
            match &cc.list {
                None => self.note_default(&mut first_default, cc.pos),
                Some(list) => {
                    for ce in list {
                        let t =
                            if let ExprKind::Name(n) = &ce.kind {
                                if n == "nil"
                                    && self.w.lookup_parent(self.scope, "nil").is_some_and(
                                        |(_, o)| matches!(self.w.obj(o).kind, ObjKind::Nil),
                                    )
                                {
                                    self.record_type_and_value(
                                        ce,
                                        Mode::NilValue,
                                        TypeId::UNTYPED_NIL,
                                        None,
                                    );
                                    if let Some((_, o)) = self.w.lookup_parent(self.scope, "nil") {
                                        self.record_use(ce.id, o);
                                    }
                                    Some(TypeId::UNTYPED_NIL)
                                } else {
                                    None
                                }
                            } else {
                                None
                            };
                        let t = match t {
                            Some(t) => t,
                            None => self.var_type(ce),
                        };
                        if !self.w.types.is_valid(t) {
                            // types2: a single invalid case type makes the
                            // clause's variable invalid (no follow-on errors).
                            single = if list.len() == 1 { Some(t) } else { None };
                            continue;
                        }
                        if let Some((_, prev)) =
                            seen.iter().find(|(st, _)| identical(self.w, *st, t))
                        {
                            let es = if t == TypeId::UNTYPED_NIL {
                                "nil".to_string()
                            } else {
                                self.tstr(t)
                            };
                            let pp = self.pos_string(*prev);
                            self.error(
                                ce.start(),
                                format!(
                                    "duplicate case {} in type switch\n\t{}: previous case",
                                    es, pp
                                ),
                            );
                        } else {
                            seen.push((t, ce.start()));
                        }
                        if valid && t != TypeId::UNTYPED_NIL {
                            self.type_assertion(ce, &x, t, true);
                        }
                        single = if list.len() == 1 { Some(t) } else { None };
                    }
                }
            }
            self.open_scope(cc.colon, cc.colon);
            if let Some(b) = &ts.bind {
                let mut vt = match single {
                    Some(t) if t != TypeId::UNTYPED_NIL => t,
                    _ => x.typ,
                };
                if !valid {
                    vt = TypeId::INVALID;
                }
                let v = self.new_var(&b.name, vt, b.pos);
                let scope = self.scope;
                if b.name != "_" {
                    self.w.insert(scope, v);
                }
                self.finfo().implicits.insert(cc.pos, v);
                bind_vars.push(v);
            }
            self.stmt_list(&cc.body);
            self.close_scope();
        }
        if let Some(b) = &ts.bind {
            if b.name != "_" {
                let used = bind_vars.iter().any(|v| {
                    matches!(
                        self.w.obj(*v).kind,
                        ObjKind::Var(VarInfo { used: true, .. })
                    )
                });
                if !used {
                    self.soft_error(b.pos, format!("{} declared and not used", b.name));
                }
            }
            // Mark them used so `usage` does not report them again.
            for v in bind_vars {
                if let Some(vi) = self.w.var_info_mut(v) {
                    vi.used = true;
                }
            }
        }
        self.close_scope();
    }

    // -----------------------------------------------------------------------
    // Range.

    fn range_stmt(&mut self, s: &'a Stmt, r: &'a ast::RangeStmt) {
        self.open_scope(s.pos, r.body.rbrace);
        let mut x = self.expr(&r.x);
        let orig = self.op_string(&x);
        let (mut key, mut val): (TypeId, TypeId) = (TypeId::INVALID, TypeId::INVALID);
        let mut max_vars = 2;
        if !x.is_invalid() {
            let u = self.w.core_type(x.typ);
            let u = u.map(|u| (u, self.w.types.get(u).clone()));
            let mut ok = true;
            // Ranging over an integer (go1.22) or a function (go1.23)
            // under an older language version.
            let too_new = match &u {
                Some((u, Type::Basic(_)))
                    if !self.w.types.is_string(*u) && self.w.types.is_integer(*u) =>
                {
                    (!self.allow_version(22)).then_some(22)
                }
                Some((_, Type::Signature(_))) => (!self.allow_version(23)).then_some(23),
                _ => None,
            };
            if let Some(v) = too_new {
                let sx = self.op_string(&x);
                let hint = self.version_hint();
                self.soft_error(
                    x.pos(),
                    format!("cannot range over {sx}: requires go1.{v} or later{hint}"),
                );
                x.mode = Mode::Invalid;
            }
            match u.clone().filter(|_| too_new.is_none()) {
                Some((u, Type::Basic(_))) if self.w.types.is_string(u) => {
                    key = TypeId::INT;
                    val = TypeId::RUNE;
                    if self.w.types.is_untyped(x.typ) {
                        self.convert_untyped(&mut x, TypeId::STRING);
                    }
                }
                Some((u, Type::Basic(_))) if self.w.types.is_integer(u) => {
                    if self.w.types.is_untyped(x.typ) {
                        // An untyped constant gets the type int (or the key's type).
                        self.convert_untyped(&mut x, TypeId::INT);
                    }
                    key = x.typ;
                    max_vars = 1;
                }
                Some((_, Type::Array(_, el))) => {
                    key = TypeId::INT;
                    val = el;
                }
                Some((_, Type::Pointer(b))) => {
                    match self.w.types.get(self.w.types.under(b)).clone() {
                        Type::Array(_, el) => {
                            key = TypeId::INT;
                            val = el;
                        }
                        _ => ok = false,
                    }
                }
                Some((_, Type::Slice(el))) => {
                    key = TypeId::INT;
                    val = el;
                }
                Some((_, Type::Map(k, v))) => {
                    key = k;
                    val = v;
                }
                Some((_, Type::Chan(dir, el))) => {
                    if dir == ast::ChanDir::Send {
                        let sx = self.op_string(&x);
                        let ts = self.tstr(x.typ);
                        self.error(
                            x.pos(),
                            format!(
                                "cannot range over {}: receive from send-only channel {}",
                                sx, ts
                            ),
                        );
                        ok = false;
                    }
                    key = el;
                    max_vars = 1;
                }
                Some((_, Type::Signature(ref sig))) => match self.range_func(sig) {
                    Some((n, k, v)) => {
                        max_vars = n;
                        key = k;
                        val = v;
                    }
                    None => ok = false,
                },
                _ => ok = false,
            }
            if !ok {
                if key == TypeId::INVALID
                    && too_new.is_none()
                    && !matches!(u, Some((_, Type::Chan(..))))
                {
                    let sx = self.op_string(&x);
                    // A type parameter without a core type: types2 names
                    // the first type of its set that cannot be ranged over.
                    let cause = if u.is_none() {
                        self.common_under(x.typ, |c, p| match p {
                            Some((t, u)) => match c.w.types.get(u) {
                                Type::Chan(ast::ChanDir::Send, _) => {
                                    Some(format!("receive from send-only channel {}", c.tstr(t)))
                                }
                                _ => None,
                            },
                            None => None,
                        })
                        .err()
                    } else {
                        None
                    };
                    let msg = match cause {
                        Some(c) => format!("cannot range over {}: {}", sx, c),
                        None => format!("cannot range over {}", sx),
                    };
                    self.error(x.pos(), msg);
                }
                key = TypeId::INVALID;
                val = TypeId::INVALID;
                x.mode = Mode::Invalid;
            }
        }
        let lhs: Vec<&'a Expr> = [r.key.as_ref(), r.value.as_ref()]
            .into_iter()
            .flatten()
            .collect();
        let types = [key, val];
        if !x.is_invalid() {
            if max_vars == 0 && !lhs.is_empty() {
                self.soft_error(
                    lhs[0].start(),
                    format!("range over {} permits no iteration variables", orig),
                );
            } else if lhs.len() > max_vars {
                self.soft_error(
                    lhs[max_vars].start(),
                    format!("range over {} permits only one iteration variable", orig),
                );
            } else if let Some(extra) = &r.extra {
                self.soft_error(
                    extra.start(),
                    "range clause permits at most two iteration variables",
                );
            }
        }
        self.process_delayed_from(self.stmt_top);
        if r.op == Some(Token::Define) {
            let scope = self.scope;
            let mut vars = Vec::new();
            for (i, l) in lhs.iter().enumerate() {
                let ExprKind::Name(n) = &l.kind else {
                    self.expr(l);
                    let es = crate::exprstring::expr_string(l);
                    self.error(l.start(), format!("non-name {} on left side of :=", es));
                    continue;
                };
                let t = if i < max_vars {
                    types[i]
                } else {
                    TypeId::INVALID
                };
                let v = self.new_var(n, t, l.pos);
                if let Some(slot) = self.finfo().defs.get_mut(l.id.index()) {
                    *slot = Some(v);
                }
                vars.push(v);
            }
            for v in vars {
                if self.w.obj(v).name != "_" {
                    if let Some(old) = self.w.insert(scope, v) {
                        self.redeclared(v, old);
                        continue;
                    }
                }
                self.fctx.vars.push(v);
            }
        } else if r.op == Some(Token::Assign) {
            for (i, l) in lhs.iter().enumerate() {
                let t = if i < max_vars {
                    types[i]
                } else {
                    TypeId::INVALID
                };
                if !self.w.types.is_valid(t) {
                    self.assign_var(l, None, "range clause");
                    continue;
                }
                let op = Operand {
                    mode: Mode::Value,
                    typ: t,
                    val: None,
                    expr: Some(&r.x),
                    builtin: None,
                    label: None,
                };
                self.assign_var(l, Some(op), "range clause");
            }
        }
        self.open_scope(r.body.lbrace, r.body.rbrace);
        self.stmt_list(&r.body.stmts);
        self.close_scope();
        self.close_scope();
    }

    /// A range-over-func iterator `func(yield func(K[, V]) bool)`: (vars, K, V).
    fn range_func(&self, sig: &Signature) -> Option<(usize, TypeId, TypeId)> {
        if sig.params.len() != 1 || !sig.results.is_empty() {
            return None;
        }
        let yt = self.w.obj(sig.params[0]).typ;
        let Type::Signature(ys) = self.w.types.get(self.w.types.under(yt)) else {
            return None;
        };
        if ys.results.len() != 1
            || !self.w.types.is_boolean(self.w.obj(ys.results[0]).typ)
            || ys.params.len() > 2
        {
            return None;
        }
        let k = ys
            .params
            .first()
            .map(|p| self.w.obj(*p).typ)
            .unwrap_or(TypeId::INVALID);
        let v = ys
            .params
            .get(1)
            .map(|p| self.w.obj(*p).typ)
            .unwrap_or(TypeId::INVALID);
        Some((ys.params.len(), k, v))
    }
}

fn builtin_of(c: &Checker, fun: &Expr) -> Option<Builtin> {
    let f = fun.unparen();
    let id = match &f.kind {
        ExprKind::Name(_) => f.id,
        ExprKind::Selector(_, sel) => sel.id,
        _ => return None,
    };
    let o = c.info.files[c.file as usize]
        .uses
        .get(id.index())
        .copied()
        .flatten()?;
    match c.w.obj(o).kind {
        ObjKind::Builtin(b) => Some(b),
        _ => None,
    }
}

fn is_recv(e: &Expr) -> bool {
    matches!(e.unparen().kind, ExprKind::Unary(Token::Arrow, _))
}

fn binary_of_assign(op: Token) -> Option<Token> {
    Some(match op {
        Token::AddAssign => Token::Add,
        Token::SubAssign => Token::Sub,
        Token::MulAssign => Token::Mul,
        Token::QuoAssign => Token::Quo,
        Token::RemAssign => Token::Rem,
        Token::AndAssign => Token::And,
        Token::OrAssign => Token::Or,
        Token::XorAssign => Token::Xor,
        Token::ShlAssign => Token::Shl,
        Token::ShrAssign => Token::Shr,
        Token::AndNotAssign => Token::AndNot,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Terminating statements (spec "Terminating statements").

fn is_terminating_list(list: &[Stmt], label: Option<&str>, panic: &dyn Fn(&Expr) -> bool) -> bool {
    let last = list
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, StmtKind::Empty));
    last.is_some_and(|s| is_terminating(s, label, panic))
}

fn is_terminating(s: &Stmt, label: Option<&str>, panic: &dyn Fn(&Expr) -> bool) -> bool {
    match &s.kind {
        StmtKind::Return(_) => true,
        StmtKind::Branch(Token::Goto | Token::Fallthrough, _) => true,
        StmtKind::Expr(e) => {
            if let ExprKind::Call(c) = &e.unparen().kind {
                return panic(&c.fun);
            }
            false
        }
        StmtKind::Labeled(l, inner) => is_terminating(inner, Some(&l.name), panic),
        StmtKind::Block(b) => is_terminating_list(&b.stmts, None, panic),
        StmtKind::If(i) => {
            let Some(els) = &i.els else { return false };
            is_terminating_list(&i.then.stmts, None, panic) && is_terminating(els, None, panic)
        }
        StmtKind::Switch(sw) => {
            let mut has_default = false;
            for cc in &sw.body {
                has_default |= cc.list.is_none();
                if !is_terminating_list(&cc.body, None, panic) && !ends_in_fallthrough(&cc.body) {
                    return false;
                }
                if has_break_list(&cc.body, label, true) {
                    return false;
                }
            }
            has_default
        }
        StmtKind::TypeSwitch(ts) => {
            let mut has_default = false;
            for cc in &ts.body {
                has_default |= cc.list.is_none();
                if !is_terminating_list(&cc.body, None, panic)
                    || has_break_list(&cc.body, label, true)
                {
                    return false;
                }
            }
            has_default
        }
        StmtKind::Select(sel) => {
            for cc in &sel.body {
                if !is_terminating_list(&cc.body, None, panic)
                    || has_break_list(&cc.body, label, true)
                {
                    return false;
                }
            }
            true
        }
        StmtKind::For(f) => f.cond.is_none() && !has_break_list(&f.body.stmts, label, true),
        _ => false,
    }
}

fn ends_in_fallthrough(list: &[Stmt]) -> bool {
    list.iter()
        .rev()
        .find(|s| !matches!(s.kind, StmtKind::Empty))
        .is_some_and(|s| matches!(s.kind, StmtKind::Branch(Token::Fallthrough, _)))
}

/// Is there a `break` targeting the enclosing statement (unlabeled when
/// `implicit`, or labeled with `label`)?
fn has_break_list(list: &[Stmt], label: Option<&str>, implicit: bool) -> bool {
    list.iter().any(|s| has_break(s, label, implicit))
}

fn has_break(s: &Stmt, label: Option<&str>, implicit: bool) -> bool {
    match &s.kind {
        StmtKind::Branch(Token::Break, l) => match l {
            None => implicit,
            Some(l) => Some(l.name.as_str()) == label,
        },
        StmtKind::Labeled(_, inner) => has_break(inner, label, implicit),
        StmtKind::Block(b) => has_break_list(&b.stmts, label, implicit),
        StmtKind::If(i) => {
            has_break_list(&i.then.stmts, label, implicit)
                || i.els
                    .as_ref()
                    .is_some_and(|e| has_break(e, label, implicit))
        }
        // A nested breakable statement takes unlabeled breaks for itself:
        // only a labeled break can reach past it.
        _ if label.is_none() => false,
        StmtKind::Switch(sw) => any_case_breaks(sw.body.iter().map(|c| &c.body[..]), label),
        StmtKind::TypeSwitch(ts) => any_case_breaks(ts.body.iter().map(|c| &c.body[..]), label),
        StmtKind::Select(sel) => any_case_breaks(sel.body.iter().map(|c| &c.body[..]), label),
        StmtKind::For(f) => has_break_list(&f.body.stmts, label, false),
        StmtKind::Range(r) => has_break_list(&r.body.stmts, label, false),
        _ => false,
    }
}

/// Does a clause body of a nested switch or select hold a `break label`?
fn any_case_breaks<'s>(mut bodies: impl Iterator<Item = &'s [Stmt]>, label: Option<&str>) -> bool {
    bodies.any(|b| has_break_list(b, label, false))
}

/// The labels of a function body (not of nested function literals).
fn collect_labels<'a>(stmts: &'a [Stmt], out: &mut Vec<&'a ast::Ident>) {
    for s in stmts {
        collect_labels_stmt(s, out);
    }
}

fn collect_labels_stmt<'a>(s: &'a Stmt, out: &mut Vec<&'a ast::Ident>) {
    match &s.kind {
        StmtKind::Labeled(l, inner) => {
            out.push(l);
            collect_labels_stmt(inner, out);
        }
        StmtKind::Block(b) => collect_labels(&b.stmts, out),
        StmtKind::If(i) => {
            collect_labels(&i.then.stmts, out);
            if let Some(e) = &i.els {
                collect_labels_stmt(e, out);
            }
        }
        StmtKind::For(f) => collect_labels(&f.body.stmts, out),
        StmtKind::Range(r) => collect_labels(&r.body.stmts, out),
        StmtKind::Switch(sw) => sw.body.iter().for_each(|c| collect_labels(&c.body, out)),
        StmtKind::TypeSwitch(ts) => ts.body.iter().for_each(|c| collect_labels(&c.body, out)),
        StmtKind::Select(sel) => sel.body.iter().for_each(|c| collect_labels(&c.body, out)),
        _ => {}
    }
}

impl Checker<'_, '_> {
    /// The type of the variable a plain name on the left of `=` denotes
    /// (found without recording anything): a function-typed one lets a
    /// generic function value on the right be inferred.
    fn plain_var_type(&self, l: &Expr) -> Option<TypeId> {
        let ExprKind::Name(n) = &l.unparen().kind else {
            return None;
        };
        let (_, o) = self.w.lookup_parent(self.scope, n)?;
        let ob = self.w.obj(o);
        match ob.kind {
            ObjKind::Var(_) if self.w.types.is_valid(ob.typ) => Some(ob.typ),
            _ => None,
        }
    }
}
