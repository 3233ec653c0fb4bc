//! Visits every expression node of a file, for the test that every
//! expression the compiler may look at has its type recorded in `Info`.

use rgo_syntax::ast::*;

/// An expression and whether it is the left-hand side of an assignment
/// or definition (where a blank `_` has no type, as in go/types).
pub struct Visit<'a> {
    pub expr: &'a Expr,
    pub lhs: bool,
    /// A struct literal's field key (go/types records no type for it).
    pub field_key: bool,
}

pub fn file_exprs(f: &File) -> Vec<Visit<'_>> {
    let mut w = Walker { out: Vec::new() };
    for d in &f.decls {
        match d {
            Decl::Bad(_) => {}
            Decl::Gen(g) => w.gen(g),
            Decl::Func(fd) => {
                if let Some(r) = &fd.recv {
                    w.fields(r);
                }
                w.func_type(&fd.typ);
                if let Some(b) = &fd.body {
                    w.block(b);
                }
            }
        }
    }
    w.out
}

struct Walker<'a> {
    out: Vec<Visit<'a>>,
}

impl<'a> Walker<'a> {
    fn gen(&mut self, g: &'a GenDecl) {
        for s in &g.specs {
            match s {
                Spec::Import(_) => {}
                Spec::Value(v) => {
                    if let Some(t) = &v.typ {
                        self.expr(t);
                    }
                    for e in &v.values {
                        self.expr(e);
                    }
                }
                Spec::Type(t) => {
                    if let Some(tp) = &t.tparams {
                        self.fields(tp);
                    }
                    self.expr(&t.typ);
                }
            }
        }
    }

    fn fields(&mut self, l: &'a FieldList) {
        for f in &l.list {
            self.expr(&f.typ);
        }
    }

    fn func_type(&mut self, t: &'a FuncType) {
        if let Some(tp) = &t.tparams {
            self.fields(tp);
        }
        self.fields(&t.params);
        self.fields(&t.results);
    }

    fn block(&mut self, b: &'a Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn lhs(&mut self, e: &'a Expr) {
        self.out.push(Visit {
            expr: e,
            lhs: true,
            field_key: false,
        });
        match &e.kind {
            ExprKind::Paren(x) => self.lhs(x),
            _ => self.children(e),
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Bad | StmtKind::Empty | StmtKind::Branch(..) => {}
            StmtKind::Decl(g) => self.gen(g),
            StmtKind::Labeled(_, s) => self.stmt(s),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) | StmtKind::IncDec(e, _) => {
                self.expr(e)
            }
            StmtKind::Send(x) => {
                self.expr(&x.ch);
                self.expr(&x.value);
            }
            StmtKind::Assign(a) => {
                for e in &a.lhs {
                    self.lhs(e);
                }
                for e in &a.rhs {
                    self.expr(e);
                }
            }
            StmtKind::Return(es) => es.iter().for_each(|e| self.expr(e)),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => {
                if let Some(s) = &i.init {
                    self.stmt(s);
                }
                self.expr(&i.cond);
                self.block(&i.then);
                if let Some(s) = &i.els {
                    self.stmt(s);
                }
            }
            StmtKind::Switch(sw) => {
                if let Some(s) = &sw.init {
                    self.stmt(s);
                }
                if let Some(t) = &sw.tag {
                    self.expr(t);
                }
                for cc in &sw.body {
                    cc.list.iter().flatten().for_each(|e| self.expr(e));
                    cc.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::TypeSwitch(ts) => {
                if let Some(s) = &ts.init {
                    self.stmt(s);
                }
                // The guard `x.(type)` itself has no type; x has.
                if let ExprKind::TypeAssert(x, None) = &ts.guard.kind {
                    self.expr(x);
                }
                for cc in &ts.body {
                    cc.list.iter().flatten().for_each(|e| self.expr(e));
                    cc.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Select(sel) => {
                for cc in &sel.body {
                    if let Some(s) = &cc.comm {
                        self.stmt(s);
                    }
                    cc.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::For(f) => {
                if let Some(s) = &f.init {
                    self.stmt(s);
                }
                if let Some(c) = &f.cond {
                    self.expr(c);
                }
                if let Some(s) = &f.post {
                    self.stmt(s);
                }
                self.block(&f.body);
            }
            StmtKind::Range(r) => {
                for e in [&r.key, &r.value, &r.extra].into_iter().flatten() {
                    self.lhs(e);
                }
                self.expr(&r.x);
                self.block(&r.body);
            }
        }
    }

    fn expr(&mut self, e: &'a Expr) {
        self.out.push(Visit {
            expr: e,
            lhs: false,
            field_key: false,
        });
        self.children(e);
    }

    fn children(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Bad | ExprKind::Name(_) | ExprKind::BasicLit(_) => {}
            ExprKind::CompositeLit(c) => {
                if let Some(t) = &c.typ {
                    self.expr(t);
                }
                for el in &c.elems {
                    match &el.kind {
                        ExprKind::KeyValue(k, v) => {
                            self.out.push(Visit {
                                expr: k,
                                lhs: false,
                                field_key: true,
                            });
                            self.children(k);
                            self.expr(v);
                        }
                        _ => self.expr(el),
                    }
                }
            }
            ExprKind::KeyValue(k, v) => {
                self.expr(k);
                self.expr(v);
            }
            ExprKind::FuncLit(f) => {
                self.func_type(&f.typ);
                self.block(&f.body);
            }
            ExprKind::Paren(x)
            | ExprKind::Selector(x, _)
            | ExprKind::Star(x)
            | ExprKind::Unary(_, x)
            | ExprKind::SliceType(x)
            | ExprKind::Ellipsis(x)
            | ExprKind::ChanType(_, x) => self.expr(x),
            ExprKind::TypeAssert(x, t) => {
                self.expr(x);
                if let Some(t) = t {
                    self.expr(t);
                }
            }
            ExprKind::Index(x, idx) => {
                self.expr(x);
                idx.iter().for_each(|i| self.expr(i));
            }
            ExprKind::Slice(s) => {
                self.expr(&s.x);
                s.index.iter().flatten().for_each(|i| self.expr(i));
            }
            ExprKind::Call(c) => {
                self.expr(&c.fun);
                c.args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::Binary(_, x, y) | ExprKind::MapType(x, y) => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::ArrayType(len, elem) => {
                if let Some(l) = len {
                    self.expr(l);
                }
                self.expr(elem);
            }
            ExprKind::StructType(st) => {
                for f in &st.fields {
                    self.expr(&f.typ);
                }
            }
            ExprKind::FuncType(ft) => self.func_type(ft),
            ExprKind::InterfaceType(it) => {
                for el in &it.elems {
                    match el {
                        InterfaceElem::Method(_, ft) => self.func_type(ft),
                        InterfaceElem::Embed(e) => self.expr(e),
                    }
                }
            }
        }
    }
}
