//! Text forms of a syntax tree.
//!
//! - [`dump_file`] / [`dump_file_pos`]: a compact, stable, S-expression-like
//!   form for golden tests, one declaration or statement per line, indented
//!   by nesting. With a [`SourceFile`], every node carries `@line:col` of its
//!   `pos`, so tests can pin gc's position conventions (binary at the
//!   operator, call at `(`, ...).
//! - [`expr_string`] / [`simple_stmt_string`]: an expression or simple
//!   statement as gc's `syntax.String` prints it (ShortForm: function and
//!   composite literal bodies shown as `{…}`), the form gc's error messages
//!   quote (`cannot use x := 1 as value`).
//!
//! Dump grammar (every expression is one token or one parenthesised form):
//! `name`, literal text, `(op x y)` binary, `(op x)` unary, `(* x)`,
//! `(call f args.. [...])`, `(index x i..)`, `(slice x lo hi [max])` with `_`
//! for an absent index, `(sel x f)`, `(assert x T|type)`, `(paren x)`,
//! `(lit T|_ elems..)`, `(kv k v)`, `(funclit SIG` + body lines + `)`,
//! types `(array N|... T)`, `(slicetype T)`, `(map K V)`,
//! `(chan|chan<-|<-chan T)`, `(struct FIELD..)`, `(interface ELEM..)`,
//! `(functype SIG)`, `(dots T)`; `SIG` is `[tparams] (params) (results)` where
//! a field is `a,b:T`, `T` or `a:T:"tag"`.

use crate::ast::*;
use crate::pos::{Pos, SourceFile};
use crate::token::Token;
use std::fmt::Write;

/// The tree without positions.
pub fn dump_file(file: &File) -> String {
    Dumper {
        lines: None,
        out: String::new(),
        indent: 0,
    }
    .file(file)
}

/// The tree with `@line:col` on every node.
pub fn dump_file_pos(file: &File, src: &SourceFile) -> String {
    Dumper {
        lines: Some(src),
        out: String::new(),
        indent: 0,
    }
    .file(file)
}

struct Dumper<'s> {
    lines: Option<&'s SourceFile>,
    out: String,
    indent: usize,
}

impl Dumper<'_> {
    fn file(mut self, f: &File) -> String {
        self.out.push_str("package ");
        self.ident(&f.name);
        self.out.push('\n');
        for d in &f.decls {
            self.decl(d);
        }
        self.out
    }

    fn at(&mut self, pos: Pos) {
        if let Some(l) = self.lines {
            let lc = l.line_col(pos);
            let _ = write!(self.out, "@{}:{}", lc.line, lc.col);
        }
    }

    fn line(&mut self) {
        self.out.push('\n');
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
    }

    fn ident(&mut self, id: &Ident) {
        self.out.push_str(&id.name);
        self.at(id.pos);
    }

    fn idents(&mut self, ids: &[Ident]) {
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.ident(id);
        }
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Bad(_) => self.out.push_str("(baddecl)\n"),
            Decl::Gen(g) => {
                self.gen_decl(g);
                self.out.push('\n');
            }
            Decl::Func(f) => {
                self.out.push_str("(func");
                self.at(f.pos);
                if let Some(r) = &f.recv {
                    self.out.push_str(" recv");
                    self.field_list(r);
                }
                self.out.push(' ');
                self.ident(&f.name);
                self.out.push(' ');
                self.sig(&f.typ);
                match &f.body {
                    Some(b) => self.block_body(b),
                    None => self.out.push_str(" nobody"),
                }
                self.out.push_str(")\n");
            }
        }
    }

    fn gen_decl(&mut self, g: &GenDecl) {
        let kw = match g.kind {
            DeclKind::Import => "import",
            DeclKind::Const => "const",
            DeclKind::Type => "type",
            DeclKind::Var => "var",
        };
        self.out.push('(');
        self.out.push_str(kw);
        self.at(g.pos);
        if g.lparen.is_some() {
            self.out.push_str(" group");
            self.indent += 1;
            for s in &g.specs {
                self.line();
                self.spec(s);
            }
            self.indent -= 1;
        } else {
            for s in &g.specs {
                self.out.push(' ');
                self.spec(s);
            }
        }
        self.out.push(')');
    }

    fn spec(&mut self, s: &Spec) {
        match s {
            Spec::Import(i) => {
                if let Some(n) = &i.name {
                    self.ident(n);
                    self.out.push(' ');
                }
                self.out.push_str(&i.path.value);
                self.at(i.path_pos);
            }
            Spec::Value(v) => {
                let _ = write!(self.out, "[{}] ", v.iota);
                self.idents(&v.names);
                if let Some(t) = &v.typ {
                    self.out.push(' ');
                    self.expr(t);
                }
                if !v.values.is_empty() {
                    self.out.push_str(" =");
                    for e in &v.values {
                        self.out.push(' ');
                        self.expr(e);
                    }
                }
            }
            Spec::Type(t) => {
                self.ident(&t.name);
                if let Some(tp) = &t.tparams {
                    self.out.push(' ');
                    self.field_list_with(tp, '[', ']');
                }
                if let Some(p) = t.alias {
                    self.out.push_str(" =");
                    self.at(p);
                }
                self.out.push(' ');
                self.expr(&t.typ);
            }
        }
    }

    fn field_list(&mut self, l: &FieldList) {
        self.field_list_with(l, '(', ')');
    }

    fn field_list_with(&mut self, l: &FieldList, open: char, close: char) {
        self.out.push(open);
        for (i, f) in l.list.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.field(f);
        }
        self.out.push(close);
    }

    fn field(&mut self, f: &Field) {
        if !f.names.is_empty() {
            self.idents(&f.names);
            self.out.push(':');
        }
        self.expr(&f.typ);
        if let Some(t) = &f.tag {
            self.out.push(':');
            self.out.push_str(&t.value);
        }
    }

    fn sig(&mut self, t: &FuncType) {
        if let Some(tp) = &t.tparams {
            self.field_list_with(tp, '[', ']');
            self.out.push(' ');
        }
        self.field_list(&t.params);
        self.out.push(' ');
        self.field_list(&t.results);
    }

    fn exprs(&mut self, l: &[Expr]) {
        for e in l {
            self.out.push(' ');
            self.expr(e);
        }
    }

    fn opt(&mut self, e: &Option<Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.out.push('_'),
        }
    }

    fn head(&mut self, name: &str, pos: Pos) {
        self.out.push('(');
        self.out.push_str(name);
        self.at(pos);
    }

    fn expr(&mut self, e: &Expr) {
        use ExprKind::*;
        match &e.kind {
            Bad => {
                self.out.push_str("BAD");
                self.at(e.pos);
                return;
            }
            Name(n) => {
                self.out.push_str(n);
                self.at(e.pos);
                return;
            }
            BasicLit(l) => {
                self.out.push_str(&l.value);
                self.at(e.pos);
                return;
            }
            CompositeLit(c) => {
                self.head("lit", e.pos);
                self.out.push(' ');
                self.opt(&c.typ);
                self.exprs(&c.elems);
            }
            KeyValue(k, v) => {
                self.head("kv", e.pos);
                self.exprs(std::slice::from_ref(k));
                self.exprs(std::slice::from_ref(v));
            }
            FuncLit(f) => {
                self.head("funclit", e.pos);
                self.out.push(' ');
                self.sig(&f.typ);
                self.block_body(&f.body);
            }
            Paren(x) => {
                self.head("paren", e.pos);
                self.exprs(std::slice::from_ref(x));
            }
            Selector(x, sel) => {
                self.head("sel", e.pos);
                self.exprs(std::slice::from_ref(x));
                self.out.push(' ');
                self.ident(sel);
            }
            Index(x, args) => {
                self.head("index", e.pos);
                self.exprs(std::slice::from_ref(x));
                self.exprs(args);
            }
            Slice(s) => {
                self.head(if s.full { "slice3" } else { "slice" }, e.pos);
                self.exprs(std::slice::from_ref(&s.x));
                let n = if s.full { 3 } else { 2 };
                for i in &s.index[..n] {
                    self.out.push(' ');
                    self.opt(i);
                }
            }
            TypeAssert(x, t) => {
                self.head("assert", e.pos);
                self.exprs(std::slice::from_ref(x));
                match t {
                    Some(t) => self.exprs(std::slice::from_ref(t)),
                    None => self.out.push_str(" type"),
                }
            }
            Call(c) => {
                self.head("call", e.pos);
                self.exprs(std::slice::from_ref(&c.fun));
                self.exprs(&c.args);
                if c.has_dots {
                    self.out.push_str(" ...");
                }
            }
            Star(x) => {
                self.head("*", e.pos);
                self.exprs(std::slice::from_ref(x));
            }
            Unary(op, x) => {
                self.head(op.as_str(), e.pos);
                self.exprs(std::slice::from_ref(x));
            }
            Binary(op, x, y) => {
                self.head(op.as_str(), e.pos);
                self.exprs(std::slice::from_ref(x));
                self.exprs(std::slice::from_ref(y));
            }
            ArrayType(len, elem) => {
                self.head("array", e.pos);
                match len {
                    Some(l) => self.exprs(std::slice::from_ref(l)),
                    None => self.out.push_str(" ..."),
                }
                self.exprs(std::slice::from_ref(elem));
            }
            SliceType(elem) => {
                self.head("slicetype", e.pos);
                self.exprs(std::slice::from_ref(elem));
            }
            StructType(s) => {
                self.head("struct", e.pos);
                for f in &s.fields {
                    self.out.push(' ');
                    self.field(f);
                }
            }
            FuncType(f) => {
                self.head("functype", e.pos);
                self.out.push(' ');
                self.sig(f);
            }
            InterfaceType(it) => {
                self.head("interface", e.pos);
                for el in &it.elems {
                    self.out.push(' ');
                    match el {
                        InterfaceElem::Method(n, f) => {
                            self.out.push_str("(method ");
                            self.ident(n);
                            self.out.push(' ');
                            self.sig(f);
                            self.out.push(')');
                        }
                        InterfaceElem::Embed(t) => self.expr(t),
                    }
                }
            }
            MapType(k, v) => {
                self.head("map", e.pos);
                self.exprs(std::slice::from_ref(k));
                self.exprs(std::slice::from_ref(v));
            }
            ChanType(dir, elem) => {
                let name = match dir {
                    ChanDir::Both => "chan",
                    ChanDir::Send => "chan<-",
                    ChanDir::Recv => "<-chan",
                };
                self.head(name, e.pos);
                self.exprs(std::slice::from_ref(elem));
            }
            Ellipsis(elem) => {
                self.head("dots", e.pos);
                self.exprs(std::slice::from_ref(elem));
            }
        }
        self.out.push(')');
    }

    /// Statements of a block, each on its own line one level deeper.
    fn block_body(&mut self, b: &Block) {
        self.out.push_str(" {");
        self.at(b.lbrace);
        self.stmts(&b.stmts);
        self.out.push('}');
        self.at(b.rbrace);
    }

    fn stmts(&mut self, l: &[Stmt]) {
        self.indent += 1;
        for s in l {
            self.line();
            self.stmt(s);
        }
        self.indent -= 1;
    }

    fn opt_stmt(&mut self, s: &Option<Stmt>) {
        match s {
            Some(s) => self.stmt(s),
            None => self.out.push('_'),
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        use StmtKind::*;
        match &s.kind {
            Bad => {
                self.out.push_str("(badstmt");
                self.at(s.pos);
            }
            Empty => {
                self.out.push_str("(empty");
                self.at(s.pos);
            }
            Decl(d) => {
                self.gen_decl(d);
                return;
            }
            Labeled(l, st) => {
                self.head("label", s.pos);
                self.out.push(' ');
                self.ident(l);
                self.out.push(' ');
                self.stmt(st);
            }
            Expr(e) => {
                self.head("expr", s.pos);
                self.exprs(std::slice::from_ref(e));
            }
            Send(x) => {
                self.head("send", s.pos);
                self.exprs(std::slice::from_ref(&x.ch));
                self.exprs(std::slice::from_ref(&x.value));
            }
            IncDec(x, inc) => {
                self.head(if *inc { "++" } else { "--" }, s.pos);
                self.exprs(std::slice::from_ref(x));
            }
            Assign(a) => {
                self.head(a.op.as_str(), s.pos);
                self.out.push_str(" [");
                self.list(&a.lhs);
                self.out.push_str("] [");
                self.list(&a.rhs);
                self.out.push(']');
            }
            Go(e) => {
                self.head("go", s.pos);
                self.exprs(std::slice::from_ref(e));
            }
            Defer(e) => {
                self.head("defer", s.pos);
                self.exprs(std::slice::from_ref(e));
            }
            Return(l) => {
                self.head("return", s.pos);
                self.exprs(l);
            }
            Branch(tok, label) => {
                self.head(tok.as_str(), s.pos);
                if let Some(l) = label {
                    self.out.push(' ');
                    self.ident(l);
                }
            }
            Block(b) => {
                self.head("block", s.pos);
                self.block_body(b);
            }
            If(i) => {
                self.head("if", s.pos);
                self.out.push(' ');
                self.opt_stmt(&i.init);
                self.exprs(std::slice::from_ref(&i.cond));
                self.block_body(&i.then);
                if let Some(e) = &i.els {
                    self.out.push_str(" else ");
                    self.stmt(e);
                }
            }
            Switch(sw) => {
                self.head("switch", s.pos);
                self.out.push(' ');
                self.opt_stmt(&sw.init);
                self.out.push(' ');
                self.opt(&sw.tag);
                self.cases(&sw.body, sw.rbrace);
            }
            TypeSwitch(sw) => {
                self.head("typeswitch", s.pos);
                self.out.push(' ');
                self.opt_stmt(&sw.init);
                self.out.push(' ');
                match &sw.bind {
                    Some(b) => self.ident(b),
                    None => self.out.push('_'),
                }
                self.exprs(std::slice::from_ref(&sw.guard));
                self.cases(&sw.body, sw.rbrace);
            }
            Select(sel) => {
                self.head("select", s.pos);
                self.indent += 1;
                for c in &sel.body {
                    self.line();
                    self.head(if c.comm.is_some() { "case" } else { "default" }, c.pos);
                    if let Some(cs) = &c.comm {
                        self.out.push(' ');
                        self.stmt(cs);
                    }
                    self.out.push(':');
                    self.at(c.colon);
                    self.stmts(&c.body);
                    self.out.push(')');
                }
                self.indent -= 1;
                self.out.push('}');
                self.at(sel.rbrace);
            }
            For(f) => {
                self.head("for", s.pos);
                self.out.push(' ');
                self.opt_stmt(&f.init);
                self.out.push(' ');
                self.opt(&f.cond);
                self.out.push(' ');
                self.opt_stmt(&f.post);
                self.block_body(&f.body);
            }
            Range(r) => {
                self.head("range", s.pos);
                self.out.push(' ');
                self.opt(&r.key);
                self.out.push(' ');
                self.opt(&r.value);
                if let Some(x) = &r.extra {
                    self.out.push(' ');
                    self.expr(x);
                }
                self.out.push(' ');
                self.out.push_str(r.op.map_or("_", Token::as_str));
                self.out.push_str(" range");
                self.at(r.range);
                self.exprs(std::slice::from_ref(&r.x));
                self.block_body(&r.body);
            }
        }
        self.out.push(')');
    }

    fn list(&mut self, l: &[Expr]) {
        for (i, e) in l.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.expr(e);
        }
    }

    fn cases(&mut self, body: &[CaseClause], rbrace: Pos) {
        self.indent += 1;
        for c in body {
            self.line();
            match &c.list {
                Some(l) => {
                    self.head("case", c.pos);
                    self.exprs(l);
                }
                None => self.head("default", c.pos),
            }
            self.out.push(':');
            self.at(c.colon);
            self.stmts(&c.body);
            self.out.push(')');
        }
        self.indent -= 1;
        self.out.push('}');
        self.at(rbrace);
    }
}

// ---------------------------------------------------------------------------
// gc's ShortForm printer.

/// `e` as gc's `syntax.String` prints it.
pub fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    print_expr(&mut s, e);
    s
}

/// A simple statement (expression, send, inc/dec, assignment) as gc prints it.
pub fn simple_stmt_string(st: &Stmt) -> String {
    let mut s = String::new();
    match &st.kind {
        StmtKind::Expr(e) => print_expr(&mut s, e),
        StmtKind::Send(x) => {
            print_expr(&mut s, &x.ch);
            s.push_str(" <- ");
            print_expr(&mut s, &x.value);
        }
        StmtKind::IncDec(x, inc) => {
            print_expr(&mut s, x);
            s.push_str(if *inc { "++" } else { "--" });
        }
        StmtKind::Assign(a) => {
            print_list(&mut s, &a.lhs);
            s.push(' ');
            s.push_str(a.op.as_str());
            s.push(' ');
            print_list(&mut s, &a.rhs);
        }
        _ => {}
    }
    s
}

fn print_list(s: &mut String, l: &[Expr]) {
    for (i, e) in l.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        print_expr(s, e);
    }
}

fn print_expr(s: &mut String, e: &Expr) {
    use ExprKind::*;
    match &e.kind {
        Bad => s.push_str("<bad expr>"),
        Name(n) => s.push_str(n),
        BasicLit(l) => s.push_str(&l.value),
        CompositeLit(c) => {
            if let Some(t) = &c.typ {
                print_expr(s, t);
            }
            s.push_str(if c.elems.is_empty() { "{}" } else { "{…}" });
        }
        KeyValue(k, v) => {
            print_expr(s, k);
            s.push_str(": ");
            print_expr(s, v);
        }
        FuncLit(f) => {
            s.push_str("func");
            print_sig(s, &f.typ);
            s.push_str(if f.body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        Paren(x) => {
            s.push('(');
            print_expr(s, x);
            s.push(')');
        }
        Selector(x, sel) => {
            print_expr(s, x);
            s.push('.');
            s.push_str(&sel.name);
        }
        Index(x, args) => {
            print_expr(s, x);
            s.push('[');
            print_list(s, args);
            s.push(']');
        }
        Slice(sl) => {
            print_expr(s, &sl.x);
            s.push('[');
            if let Some(i) = &sl.index[0] {
                print_expr(s, i);
            }
            s.push(':');
            if let Some(i) = &sl.index[1] {
                print_expr(s, i);
            }
            if let Some(i) = &sl.index[2] {
                s.push(':');
                print_expr(s, i);
            }
            s.push(']');
        }
        TypeAssert(x, t) => {
            print_expr(s, x);
            s.push_str(".(");
            match t {
                Some(t) => print_expr(s, t),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        Call(c) => {
            print_expr(s, &c.fun);
            s.push('(');
            print_list(s, &c.args);
            if c.has_dots {
                s.push_str("...");
            }
            s.push(')');
        }
        Star(x) => {
            s.push('*');
            print_expr(s, x);
        }
        Unary(op, x) => {
            s.push_str(op.as_str());
            print_expr(s, x);
        }
        Binary(op, x, y) => {
            print_expr(s, x);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            print_expr(s, y);
        }
        ArrayType(len, elem) => {
            s.push('[');
            match len {
                Some(l) => print_expr(s, l),
                None => s.push_str("..."),
            }
            s.push(']');
            print_expr(s, elem);
        }
        SliceType(elem) => {
            s.push_str("[]");
            print_expr(s, elem);
        }
        Ellipsis(elem) => {
            s.push_str("...");
            print_expr(s, elem);
        }
        StructType(st) => {
            s.push_str("struct{");
            for (i, f) in st.fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                print_field(s, f);
                if let Some(t) = &f.tag {
                    s.push(' ');
                    s.push_str(&t.value);
                }
            }
            s.push('}');
        }
        FuncType(f) => {
            s.push_str("func");
            print_sig(s, f);
        }
        InterfaceType(it) => {
            s.push_str("interface{");
            for (i, el) in it.elems.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match el {
                    InterfaceElem::Method(n, f) => {
                        s.push_str(&n.name);
                        print_sig(s, f);
                    }
                    InterfaceElem::Embed(t) => print_expr(s, t),
                }
            }
            s.push('}');
        }
        MapType(k, v) => {
            s.push_str("map[");
            print_expr(s, k);
            s.push(']');
            print_expr(s, v);
        }
        ChanType(dir, elem) => {
            if *dir == ChanDir::Recv {
                s.push_str("<-");
            }
            s.push_str("chan");
            if *dir == ChanDir::Send {
                s.push_str("<-");
            }
            s.push(' ');
            let paren = *dir == ChanDir::Both && matches!(elem.kind, ChanType(ChanDir::Recv, _));
            if paren {
                s.push('(');
            }
            print_expr(s, elem);
            if paren {
                s.push(')');
            }
        }
    }
}

fn print_field(s: &mut String, f: &Field) {
    for (i, n) in f.names.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&n.name);
    }
    if !f.names.is_empty() {
        s.push(' ');
    }
    print_expr(s, &f.typ);
}

fn print_params(s: &mut String, l: &FieldList) {
    s.push('(');
    for (i, f) in l.list.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        print_field(s, f);
    }
    s.push(')');
}

fn print_sig(s: &mut String, f: &FuncType) {
    print_params(s, &f.params);
    let r = &f.results.list;
    if r.is_empty() {
        return;
    }
    s.push(' ');
    if r.len() == 1 && r[0].names.is_empty() {
        print_expr(s, &r[0].typ);
    } else {
        print_params(s, &f.results);
    }
}
