//! Escape analysis v1 (conservative; Go's escape.go does a flow graph):
//! a variable lives on the heap when
//! - its address is taken: `&x`, `&x.f`, `&x[i]` on an array, slicing an
//!   array variable, or calling a pointer-receiver method on it;
//! - it is captured by a function literal and reassigned or addressed
//!   somewhere (shared through a heap cell); a captured variable never
//!   reassigned nor addressed is copied into the closure instead
//!   (`Compiler::by_value`);
//! - it is an array (so dynamic indexing always has an address; decided
//!   by `Compiler::on_heap` from the type, not recorded here).
//!
//! The result is a set of objects (`Compiler::escapes`), computed once per
//! top-level function over its body and every literal nested in it.

use rgo_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use rgo_types::check::SelectionKind;
use rgo_types::types::{ObjId, ObjKind, Type};

use crate::Compiler;

/// Calls `f` on every expression in `s`, outermost first, descending into
/// function literals.
pub fn walk_stmt<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Expr)) {
    match &s.kind {
        StmtKind::Bad | StmtKind::Empty | StmtKind::Branch(..) => {}
        StmtKind::Decl(g) => walk_gen(g, f),
        StmtKind::Labeled(_, s) => walk_stmt(s, f),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) | StmtKind::IncDec(e, _) => {
            walk_expr(e, f)
        }
        StmtKind::Send(s) => {
            walk_expr(&s.ch, f);
            walk_expr(&s.value, f);
        }
        StmtKind::Assign(a) => {
            a.lhs.iter().for_each(|e| walk_expr(e, f));
            a.rhs.iter().for_each(|e| walk_expr(e, f));
        }
        StmtKind::Return(es) => es.iter().for_each(|e| walk_expr(e, f)),
        StmtKind::Block(b) => walk_block(b, f),
        StmtKind::If(i) => {
            if let Some(s) = &i.init {
                walk_stmt(s, f);
            }
            walk_expr(&i.cond, f);
            walk_block(&i.then, f);
            if let Some(s) = &i.els {
                walk_stmt(s, f);
            }
        }
        StmtKind::Switch(sw) => {
            if let Some(s) = &sw.init {
                walk_stmt(s, f);
            }
            if let Some(t) = &sw.tag {
                walk_expr(t, f);
            }
            for c in &sw.body {
                c.list.iter().flatten().for_each(|e| walk_expr(e, f));
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        StmtKind::TypeSwitch(sw) => {
            if let Some(s) = &sw.init {
                walk_stmt(s, f);
            }
            walk_expr(&sw.guard, f);
            for c in &sw.body {
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        StmtKind::Select(sel) => {
            for c in &sel.body {
                if let Some(s) = &c.comm {
                    walk_stmt(s, f);
                }
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        StmtKind::For(fs) => {
            if let Some(s) = &fs.init {
                walk_stmt(s, f);
            }
            if let Some(e) = &fs.cond {
                walk_expr(e, f);
            }
            if let Some(s) = &fs.post {
                walk_stmt(s, f);
            }
            walk_block(&fs.body, f);
        }
        StmtKind::Range(r) => {
            for e in [&r.key, &r.value].into_iter().flatten() {
                walk_expr(e, f);
            }
            walk_expr(&r.x, f);
            walk_block(&r.body, f);
        }
    }
}

fn walk_gen<'a>(g: &'a ast::GenDecl, f: &mut dyn FnMut(&'a Expr)) {
    for s in &g.specs {
        if let ast::Spec::Value(v) = s {
            v.values.iter().for_each(|e| walk_expr(e, f));
        }
    }
}

pub fn walk_block<'a>(b: &'a ast::Block, f: &mut dyn FnMut(&'a Expr)) {
    b.stmts.iter().for_each(|s| walk_stmt(s, f));
}

/// Calls `f` on `e` and every sub-expression (not type expressions'
/// insides beyond what the parser stores as expressions).
pub fn walk_expr<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    walk_expr_in(e, true, f)
}

/// Calls `f` on `e` and its sub-expressions; with `deep`, descends into
/// the bodies of function literals too.
fn walk_expr_in<'a>(e: &'a Expr, deep: bool, f: &mut dyn FnMut(&'a Expr)) {
    f(e);
    let sub = |x: &'a Expr, f: &mut dyn FnMut(&'a Expr)| walk_expr_in(x, deep, f);
    match &e.kind {
        ExprKind::FuncLit(l) if deep => walk_block(&l.body, f),
        ExprKind::CompositeLit(c) => c.elems.iter().for_each(|x| sub(x, f)),
        ExprKind::KeyValue(x, y) | ExprKind::Binary(_, x, y) => {
            sub(x, f);
            sub(y, f);
        }
        ExprKind::Paren(x)
        | ExprKind::Star(x)
        | ExprKind::Unary(_, x)
        | ExprKind::Selector(x, _)
        | ExprKind::TypeAssert(x, _) => sub(x, f),
        ExprKind::Index(x, is) => {
            sub(x, f);
            is.iter().for_each(|i| sub(i, f));
        }
        ExprKind::Slice(s) => {
            sub(&s.x, f);
            s.index.iter().flatten().for_each(|i| sub(i, f));
        }
        ExprKind::Call(c) => {
            sub(&c.fun, f);
            c.args.iter().for_each(|a| sub(a, f));
        }
        _ => {}
    }
}

/// The variable at the root of an addressable expression `x`, `x.f`,
/// `x[i]` (arrays), if any.
fn root_var(c: &Compiler, file: usize, e: &Expr) -> Option<ObjId> {
    let info = &c.info.files[file];
    match &e.unparen().kind {
        ExprKind::Name(_) => info.uses.get(e.unparen().id.index()).copied().flatten(),
        ExprKind::Selector(x, _) => {
            let sel = info.selections.get(e.unparen().id.index())?.as_ref()?;
            if sel.kind != SelectionKind::FieldVal || sel.indirect {
                return None;
            }
            let xt = expr_type(c, file, x)?;
            if matches!(c.w.types.get(c.w.types.under(xt)), Type::Pointer(_)) {
                return None;
            }
            root_var(c, file, x)
        }
        ExprKind::Index(x, _) => {
            let xt = expr_type(c, file, x)?;
            match c.w.types.get(c.w.types.under(xt)) {
                Type::Array(..) => root_var(c, file, x),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The type of expression `e`, with the type arguments of the generic
/// instance being compiled in place.
fn expr_type(c: &Compiler, file: usize, e: &Expr) -> Option<rgo_types::types::TypeId> {
    if let Some(&t) = c
        .subst
        .as_ref()
        .and_then(|s| s.types.get(&(file, e.id.index())))
    {
        return Some(t);
    }
    c.info.type_of(file, e.id).map(|tv| tv.typ)
}

/// The type of variable `v` (substituted in a generic instance).
fn obj_type(c: &Compiler, v: ObjId) -> rgo_types::types::TypeId {
    match c.subst.as_ref().and_then(|s| s.objs.get(&v)) {
        Some(&t) => t,
        None => c.w.obj(v).typ,
    }
}

/// Calls `f` on every statement of `b`, nested statements and the bodies
/// of function literals included.
fn each_stmt<'a>(b: &'a ast::Block, f: &mut dyn FnMut(&'a Stmt)) {
    for s in &b.stmts {
        each_stmt_in(s, f);
    }
}

fn each_stmt_in<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Stmt)) {
    f(s);
    // Literals in this statement's own expressions (walk_stmt descends
    // into nested statements too, so only take literals, then recurse).
    let mut lits: Vec<&'a ast::FuncLit> = Vec::new();
    let mut direct = |e: &'a Expr| {
        if let ExprKind::FuncLit(l) = &e.kind {
            lits.push(l);
        }
    };
    match &s.kind {
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) | StmtKind::IncDec(e, _) => {
            walk_expr_shallow(e, &mut direct)
        }
        StmtKind::Assign(a) => a
            .lhs
            .iter()
            .chain(a.rhs.iter())
            .for_each(|e| walk_expr_shallow(e, &mut direct)),
        StmtKind::Return(es) => es.iter().for_each(|e| walk_expr_shallow(e, &mut direct)),
        StmtKind::Decl(g) => {
            for sp in &g.specs {
                if let ast::Spec::Value(v) = sp {
                    v.values
                        .iter()
                        .for_each(|e| walk_expr_shallow(e, &mut direct));
                }
            }
        }
        StmtKind::If(i) => walk_expr_shallow(&i.cond, &mut direct),
        StmtKind::Switch(sw) => {
            if let Some(t) = &sw.tag {
                walk_expr_shallow(t, &mut direct);
            }
            for c in &sw.body {
                c.list
                    .iter()
                    .flatten()
                    .for_each(|e| walk_expr_shallow(e, &mut direct));
            }
        }
        StmtKind::TypeSwitch(sw) => walk_expr_shallow(&sw.guard, &mut direct),
        StmtKind::For(fs) => {
            if let Some(e) = &fs.cond {
                walk_expr_shallow(e, &mut direct);
            }
        }
        StmtKind::Range(r) => walk_expr_shallow(&r.x, &mut direct),
        StmtKind::Send(sd) => {
            walk_expr_shallow(&sd.ch, &mut direct);
            walk_expr_shallow(&sd.value, &mut direct);
        }
        _ => {}
    }
    for l in lits {
        each_stmt(&l.body, f);
    }
    match &s.kind {
        StmtKind::Labeled(_, s) => each_stmt_in(s, f),
        StmtKind::Block(b) => each_stmt(b, f),
        StmtKind::If(i) => {
            if let Some(s) = &i.init {
                each_stmt_in(s, f);
            }
            each_stmt(&i.then, f);
            if let Some(s) = &i.els {
                each_stmt_in(s, f);
            }
        }
        StmtKind::Switch(sw) => {
            if let Some(s) = &sw.init {
                each_stmt_in(s, f);
            }
            sw.body
                .iter()
                .flat_map(|c| c.body.iter())
                .for_each(|s| each_stmt_in(s, f));
        }
        StmtKind::TypeSwitch(sw) => {
            if let Some(s) = &sw.init {
                each_stmt_in(s, f);
            }
            sw.body
                .iter()
                .flat_map(|c| c.body.iter())
                .for_each(|s| each_stmt_in(s, f));
        }
        StmtKind::Select(sel) => {
            for c in &sel.body {
                if let Some(s) = &c.comm {
                    each_stmt_in(s, f);
                }
                c.body.iter().for_each(|s| each_stmt_in(s, f));
            }
        }
        StmtKind::For(fs) => {
            if let Some(s) = &fs.init {
                each_stmt_in(s, f);
            }
            if let Some(s) = &fs.post {
                each_stmt_in(s, f);
            }
            each_stmt(&fs.body, f);
        }
        StmtKind::Range(r) => each_stmt(&r.body, f),
        _ => {}
    }
}

/// Like `walk_expr` but does not enter function literals (it reports
/// them).
fn walk_expr_shallow<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    walk_expr_in(e, false, f)
}

/// Variables assigned after their declaration anywhere in `body`
/// (assignments, `op=`, `++`/`--`, `range` with `=`, redeclaring `:=`).
pub(crate) fn assigned_vars(
    c: &Compiler,
    file: usize,
    body: &ast::Block,
) -> std::collections::HashSet<ObjId> {
    let fi = &c.info.files[file];
    let mut out = std::collections::HashSet::new();
    let root = |e: &Expr, out: &mut std::collections::HashSet<ObjId>| {
        if let Some(v) = root_var(c, file, e) {
            out.insert(v);
        }
    };
    each_stmt(body, &mut |s| match &s.kind {
        StmtKind::Assign(a) => {
            for l in &a.lhs {
                if a.op == rgo_syntax::token::Token::Define
                    && fi.defs.get(l.id.index()).copied().flatten().is_some()
                {
                    continue;
                }
                root(l, &mut out);
            }
        }
        StmtKind::IncDec(e, _) => root(e, &mut out),
        StmtKind::Range(r) if r.op == Some(rgo_syntax::token::Token::Assign) => {
            for e in [&r.key, &r.value].into_iter().flatten() {
                root(e, &mut out);
            }
        }
        // Before go1.22 the variables of `for k, v := range` are declared
        // once and assigned by every iteration.
        StmtKind::Range(r)
            if r.op == Some(rgo_syntax::token::Token::Define) && !fi.per_iteration_loop_vars() =>
        {
            for e in [&r.key, &r.value].into_iter().flatten() {
                if let Some(Some(o)) = fi.defs.get(e.id.index()) {
                    out.insert(*o);
                }
            }
        }
        _ => {}
    });
    out
}

/// The named results of a signature: a `return x` assigns them.
fn results_of(c: &Compiler, sig: rgo_types::types::TypeId) -> Vec<ObjId> {
    match c.w.types.get(sig) {
        Type::Signature(s) => s.results.clone(),
        _ => Vec::new(),
    }
}

/// Fills `c.escapes` for a function body (and its nested literals);
/// `sig` is the function's signature.
pub fn analyze(c: &mut Compiler, file: usize, body: &ast::Block, sig: rgo_types::types::TypeId) {
    let mut assigned = assigned_vars(c, file, body);
    // Named results are assigned by return statements.
    assigned.extend(results_of(c, sig));
    let mut out = Vec::new();
    let mut lits = Vec::new();
    let mut lit_results = Vec::new();
    walk_block(body, &mut |e| match &e.kind {
        ExprKind::Unary(rgo_syntax::token::Token::And, x) => {
            if let Some(v) = root_var(c, file, x) {
                out.push(v);
            }
        }
        ExprKind::Slice(s) => {
            if let Some(t) = expr_type(c, file, &s.x) {
                if matches!(c.w.types.get(c.w.types.under(t)), Type::Array(..)) {
                    if let Some(v) = root_var(c, file, &s.x) {
                        out.push(v);
                    }
                }
            }
        }
        ExprKind::Selector(x, _) => {
            if let Some(Some(sel)) = c.info.files[file].selections.get(e.id.index()) {
                if sel.kind == SelectionKind::MethodVal {
                    let ptr_recv = matches!(
                        c.w.obj(sel.obj).kind,
                        ObjKind::Func(rgo_types::types::FuncInfo { ptr_recv: true, .. })
                    );
                    // A pointer operand is passed as is: `p.M()` with p of
                    // type *T takes no address.
                    let x_is_ptr = expr_type(c, file, x).is_some_and(|t| {
                        matches!(c.w.types.get(c.w.types.under(t)), Type::Pointer(_))
                    });
                    if ptr_recv && !x_is_ptr && !sel.indirect {
                        if let Some(v) = root_var(c, file, x) {
                            out.push(v);
                        }
                    }
                }
            }
        }
        ExprKind::FuncLit(l) => {
            lits.push(&**l);
            if let Some(tv) = c.info.type_of(file, e.id) {
                lit_results.extend(results_of(c, tv.typ));
            }
        }
        _ => {}
    });
    assigned.extend(lit_results);
    let addressed: std::collections::HashSet<ObjId> = out.iter().copied().collect();
    let mut caps: Vec<ObjId> = Vec::new();
    for l in lits {
        caps.extend(captures(c, file, l));
    }
    // The bodies of range-over-func loops are function literals too.
    let mut ranges = Vec::new();
    each_stmt(body, &mut |s| {
        if let StmtKind::Range(r) = &s.kind {
            ranges.push(r);
        }
    });
    for r in ranges {
        if expr_type(c, file, &r.x).is_some_and(|t| is_func_type(c, t)) {
            caps.extend(range_captures(c, file, r));
        }
    }
    {
        for v in caps {
            // Captured and never reassigned nor addressed: copied into
            // the closure (Go captures such variables by value too).
            let is_array = matches!(
                c.w.types.get(c.w.types.under(obj_type(c, v))),
                Type::Array(..)
            );
            if !assigned.contains(&v) && !addressed.contains(&v) && !is_array {
                c.by_value.insert(v);
            } else {
                out.push(v);
            }
        }
    }
    // Arrays always live on the heap (v1): see `Compiler::on_heap`.
    c.escapes.extend(out);
}

/// Escape analysis of a package-level initializer expression: variables
/// of function literals in it captured by literals nested deeper.
pub fn analyze_expr(c: &mut Compiler, file: usize, e: &Expr) {
    let mut lits = Vec::new();
    walk_expr(e, &mut |x| {
        if let ExprKind::FuncLit(l) = &x.kind {
            let sig = c
                .info
                .type_of(file, x.id)
                .map(|tv| tv.typ)
                .unwrap_or(rgo_types::types::TypeId::INVALID);
            lits.push((&**l, sig));
        }
    });
    let mut out = Vec::new();
    for (l, sig) in lits {
        out.extend(captures(c, file, l));
        // Address-taken variables inside the literal.
        analyze(c, file, &l.body, sig);
    }
    c.escapes.extend(out);
}

/// The variables a function literal uses but does not declare (its
/// captures), in first-use order.
pub fn captures(c: &Compiler, file: usize, l: &ast::FuncLit) -> Vec<ObjId> {
    let fi = &c.info.files[file];
    let mut defs = std::collections::HashSet::new();
    for f in l.typ.params.list.iter().chain(l.typ.results.list.iter()) {
        for n in &f.names {
            if let Some(Some(o)) = fi.defs.get(n.id.index()) {
                defs.insert(*o);
            }
        }
    }
    captures_of(c, file, defs, (l.typ.pos, l.body.rbrace), &l.body, &[])
}

/// The variables the body of a range-over-func loop uses but does not
/// declare: it becomes a function literal (rangefunc.rs). With `=`, the
/// iteration variables are assigned inside it, so they are captured too.
pub fn range_captures(c: &Compiler, file: usize, r: &ast::RangeStmt) -> Vec<ObjId> {
    let fi = &c.info.files[file];
    let mut defs = std::collections::HashSet::new();
    let mut assigned: Vec<&Expr> = Vec::new();
    for e in [&r.key, &r.value].into_iter().flatten() {
        if r.op == Some(rgo_syntax::token::Token::Define) {
            if let Some(Some(o)) = fi.defs.get(e.id.index()) {
                defs.insert(*o);
            }
        } else {
            assigned.push(e);
        }
    }
    captures_of(c, file, defs, (r.range, r.body.rbrace), &r.body, &assigned)
}

/// Whether `t` is a function type (a range over it is a range-over-func).
pub fn is_func_type(c: &Compiler, t: rgo_types::types::TypeId) -> bool {
    matches!(c.w.types.get(c.w.types.under(t)), Type::Signature(_))
}

fn captures_of(
    c: &Compiler,
    file: usize,
    mut defs: std::collections::HashSet<ObjId>,
    (start, end): (rgo_syntax::Pos, rgo_syntax::Pos),
    body: &ast::Block,
    extra: &[&Expr],
) -> Vec<ObjId> {
    let fi = &c.info.files[file];
    let l = body;
    for (p, o) in &fi.implicits {
        if *p >= start && *p <= end {
            defs.insert(*o);
        }
    }
    let mut used = Vec::new();
    for e in extra {
        walk_expr(e, &mut |e| {
            if let ExprKind::Name(_) = e.kind {
                if let Some(Some(o)) = fi.uses.get(e.id.index()) {
                    used.push(*o);
                }
            }
        });
    }
    walk_block(l, &mut |e| {
        if let Some(Some(o)) = fi.defs.get(e.id.index()) {
            defs.insert(*o);
        }
        if let ExprKind::FuncLit(inner) = &e.kind {
            for f in inner
                .typ
                .params
                .list
                .iter()
                .chain(inner.typ.results.list.iter())
            {
                for n in &f.names {
                    if let Some(Some(o)) = fi.defs.get(n.id.index()) {
                        defs.insert(*o);
                    }
                }
            }
            collect_defs_block(fi, &inner.body, &mut defs);
        }
        if let ExprKind::Name(_) = e.kind {
            if let Some(Some(o)) = fi.uses.get(e.id.index()) {
                used.push(*o);
            }
        }
    });
    // Declarations inside the literal (var specs, := names) are defs too.
    collect_defs_block(fi, l, &mut defs);
    let mut out = Vec::new();
    for o in used {
        if defs.contains(&o) || out.contains(&o) || c.globals.contains_key(&o) {
            continue;
        }
        let ob = c.w.obj(o);
        if let ObjKind::Var(vi) = ob.kind {
            if vi.is_field || vi.is_global {
                continue;
            }
            out.push(o);
        }
    }
    out
}

fn collect_defs_block(
    fi: &rgo_types::check::FileInfo,
    b: &ast::Block,
    defs: &mut std::collections::HashSet<ObjId>,
) {
    for s in &b.stmts {
        collect_defs_stmt(fi, s, defs);
    }
}

fn collect_defs_stmt(
    fi: &rgo_types::check::FileInfo,
    s: &Stmt,
    defs: &mut std::collections::HashSet<ObjId>,
) {
    let def_ident = |id: &ast::Ident, defs: &mut std::collections::HashSet<ObjId>| {
        if let Some(Some(o)) = fi.defs.get(id.id.index()) {
            defs.insert(*o);
        }
    };
    match &s.kind {
        StmtKind::Decl(g) => {
            for sp in &g.specs {
                if let ast::Spec::Value(v) = sp {
                    v.names.iter().for_each(|n| def_ident(n, defs));
                }
            }
        }
        StmtKind::Labeled(_, s) => collect_defs_stmt(fi, s, defs),
        StmtKind::Block(b) => collect_defs_block(fi, b, defs),
        StmtKind::If(i) => {
            if let Some(s) = &i.init {
                collect_defs_stmt(fi, s, defs);
            }
            collect_defs_block(fi, &i.then, defs);
            if let Some(s) = &i.els {
                collect_defs_stmt(fi, s, defs);
            }
        }
        StmtKind::Switch(sw) => {
            if let Some(s) = &sw.init {
                collect_defs_stmt(fi, s, defs);
            }
            for c in &sw.body {
                c.body.iter().for_each(|s| collect_defs_stmt(fi, s, defs));
            }
        }
        StmtKind::TypeSwitch(sw) => {
            if let Some(s) = &sw.init {
                collect_defs_stmt(fi, s, defs);
            }
            if let Some(b) = &sw.bind {
                def_ident(b, defs);
            }
            for c in &sw.body {
                c.body.iter().for_each(|s| collect_defs_stmt(fi, s, defs));
            }
        }
        StmtKind::For(fs) => {
            if let Some(s) = &fs.init {
                collect_defs_stmt(fi, s, defs);
            }
            collect_defs_block(fi, &fs.body, defs);
        }
        StmtKind::Range(r) => collect_defs_block(fi, &r.body, defs),
        StmtKind::Select(sel) => {
            for c in &sel.body {
                c.body.iter().for_each(|s| collect_defs_stmt(fi, s, defs));
            }
        }
        _ => {}
    }
}
