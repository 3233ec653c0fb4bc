//! The `types` debug printer (used by `rgo tool types`): for each recorded
//! expression of a file, `line:col expr type [= const]`, in source order.

use crate::check::Info;
use crate::exprstring::expr_string;
use crate::types::{PackageId, World};
use rgo_syntax::ast::{self, Expr, ExprKind};
use rgo_syntax::SourceFile;

/// Dumps the types of every expression of file `fi` of a checked package.
pub fn dump_types(
    w: &World,
    pkg: PackageId,
    info: &Info,
    fi: usize,
    file: &ast::File,
    src: &SourceFile,
) -> String {
    let mut rows: Vec<(u32, String)> = Vec::new();
    let mut visit = |e: &Expr| {
        if let Some(tv) = info.type_of(fi, e.id) {
            // Function literals and types start at `func`.
            let start = match &e.kind {
                ExprKind::FuncLit(f) => f.typ.pos,
                ExprKind::FuncType(f) => f.pos,
                _ => e.start(),
            };
            let lc = src.line_col(start);
            let typ = if tv.mode == crate::check::Mode::Builtin {
                "built-in".to_string()
            } else {
                w.type_string_aliased(tv.typ, Some(pkg))
            };
            let mut line = format!("{}:{} {} {}", lc.line, lc.col, expr_string(e), typ);
            if let Some(v) = &tv.val {
                line.push_str(&format!(" = {}", v));
            }
            rows.push((start.0, line));
        }
    };
    walk_file(file, &mut visit);
    rows.sort_by_key(|r| r.0);
    let mut out = String::new();
    for (_, l) in rows {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

fn walk_file(f: &ast::File, v: &mut dyn FnMut(&Expr)) {
    for d in &f.decls {
        match d {
            ast::Decl::Gen(g) => walk_gen(g, v),
            ast::Decl::Func(fd) => {
                if let Some(r) = &fd.recv {
                    walk_fields(&r.list, v, 0);
                }
                walk_func_type(&fd.typ, v, 0);
                if let Some(b) = &fd.body {
                    walk_stmts(&b.stmts, v);
                }
            }
            ast::Decl::Bad(_) => {}
        }
    }
}

fn walk_gen(g: &ast::GenDecl, v: &mut dyn FnMut(&Expr)) {
    for s in &g.specs {
        match s {
            ast::Spec::Value(vs) => {
                if let Some(t) = &vs.typ {
                    walk_expr(t, v, 0);
                }
                for e in &vs.values {
                    walk_expr(e, v, 0);
                }
            }
            ast::Spec::Type(ts) => {
                if let Some(tp) = &ts.tparams {
                    walk_fields(&tp.list, v, 0);
                }
                walk_expr(&ts.typ, v, 0);
            }
            ast::Spec::Import(_) => {}
        }
    }
}

fn walk_fields(list: &[ast::Field], v: &mut dyn FnMut(&Expr), d: u32) {
    for f in list {
        walk_expr(&f.typ, v, d);
    }
}

fn walk_func_type(f: &ast::FuncType, v: &mut dyn FnMut(&Expr), d: u32) {
    if let Some(tp) = &f.tparams {
        walk_fields(&tp.list, v, d);
    }
    walk_fields(&f.params.list, v, d);
    walk_fields(&f.results.list, v, d);
}

fn walk_stmts(list: &[ast::Stmt], v: &mut dyn FnMut(&Expr)) {
    for s in list {
        walk_stmt(s, v);
    }
}

fn walk_stmt(s: &ast::Stmt, v: &mut dyn FnMut(&Expr)) {
    use ast::StmtKind::*;
    match &s.kind {
        Decl(g) => walk_gen(g, v),
        Labeled(_, s) => walk_stmt(s, v),
        Expr(e) | Go(e) | Defer(e) | IncDec(e, _) => walk_expr(e, v, 0),
        Send(sd) => {
            walk_expr(&sd.ch, v, 0);
            walk_expr(&sd.value, v, 0);
        }
        Assign(a) => a.lhs.iter().chain(&a.rhs).for_each(|e| walk_expr(e, v, 0)),
        Return(r) => r.iter().for_each(|e| walk_expr(e, v, 0)),
        Block(b) => walk_stmts(&b.stmts, v),
        If(i) => {
            if let Some(s) = &i.init {
                walk_stmt(s, v);
            }
            walk_expr(&i.cond, v, 0);
            walk_stmts(&i.then.stmts, v);
            if let Some(s) = &i.els {
                walk_stmt(s, v);
            }
        }
        Switch(sw) => {
            if let Some(s) = &sw.init {
                walk_stmt(s, v);
            }
            if let Some(t) = &sw.tag {
                walk_expr(t, v, 0);
            }
            for c in &sw.body {
                c.list.iter().flatten().for_each(|e| walk_expr(e, v, 0));
                walk_stmts(&c.body, v);
            }
        }
        TypeSwitch(ts) => {
            if let Some(s) = &ts.init {
                walk_stmt(s, v);
            }
            walk_expr(&ts.guard, v, 0);
            for c in &ts.body {
                c.list.iter().flatten().for_each(|e| walk_expr(e, v, 0));
                walk_stmts(&c.body, v);
            }
        }
        Select(sel) => {
            for c in &sel.body {
                if let Some(s) = &c.comm {
                    walk_stmt(s, v);
                }
                walk_stmts(&c.body, v);
            }
        }
        For(f) => {
            if let Some(s) = &f.init {
                walk_stmt(s, v);
            }
            if let Some(c) = &f.cond {
                walk_expr(c, v, 0);
            }
            if let Some(s) = &f.post {
                walk_stmt(s, v);
            }
            walk_stmts(&f.body.stmts, v);
        }
        Range(r) => {
            for e in [&r.key, &r.value].into_iter().flatten() {
                walk_expr(e, v, 0);
            }
            walk_expr(&r.x, v, 0);
            walk_stmts(&r.body.stmts, v);
        }
        Bad | Empty | Branch(..) => {}
    }
}

fn walk_expr(e: &Expr, v: &mut dyn FnMut(&Expr), d: u32) {
    if d > 200 {
        return;
    }
    v(e);
    let d = d + 1;
    match &e.kind {
        ExprKind::CompositeLit(c) => {
            if let Some(t) = &c.typ {
                walk_expr(t, v, d);
            }
            c.elems.iter().for_each(|x| walk_expr(x, v, d))
        }
        ExprKind::KeyValue(a, b) | ExprKind::Binary(_, a, b) => {
            walk_expr(a, v, d);
            walk_expr(b, v, d);
        }
        ExprKind::FuncLit(f) => {
            walk_func_type(&f.typ, v, d);
            walk_stmts(&f.body.stmts, v)
        }
        ExprKind::ArrayType(len, elem) => {
            if let Some(l) = len {
                walk_expr(l, v, d);
            }
            walk_expr(elem, v, d);
        }
        ExprKind::SliceType(x) | ExprKind::Ellipsis(x) | ExprKind::ChanType(_, x) => {
            walk_expr(x, v, d)
        }
        ExprKind::MapType(k, x) => {
            walk_expr(k, v, d);
            walk_expr(x, v, d);
        }
        ExprKind::StructType(st) => walk_fields(&st.fields, v, d),
        ExprKind::FuncType(f) => walk_func_type(f, v, d),
        ExprKind::InterfaceType(it) => {
            for el in &it.elems {
                match el {
                    ast::InterfaceElem::Method(_, f) => walk_func_type(f, v, d),
                    ast::InterfaceElem::Embed(x) => walk_expr(x, v, d),
                }
            }
        }
        ExprKind::Paren(x)
        | ExprKind::Selector(x, _)
        | ExprKind::Star(x)
        | ExprKind::Unary(_, x)
        | ExprKind::TypeAssert(x, _) => walk_expr(x, v, d),
        ExprKind::Index(x, idx) => {
            walk_expr(x, v, d);
            idx.iter().for_each(|i| walk_expr(i, v, d));
        }
        ExprKind::Slice(s) => {
            walk_expr(&s.x, v, d);
            s.index.iter().flatten().for_each(|i| walk_expr(i, v, d));
        }
        ExprKind::Call(c) => {
            walk_expr(&c.fun, v, d);
            c.args.iter().for_each(|a| walk_expr(a, v, d));
        }
        _ => {}
    }
}
