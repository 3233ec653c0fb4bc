//! Fuzz target `parse`: arbitrary bytes into `rgo_syntax::parse_file`.
//!
//! Besides "never panics, never overflows the stack, never hangs", it
//! checks the contract of the parser's result:
//! - `file.size` is the input length;
//! - errors are sorted by position (but for a final `too many errors`, which
//!   gc prints after the sorted list), and every position is within the
//!   input (`pos <= len`: an error at EOF is at `len`);
//! - every node id in the tree is below `file.node_count` and no id is used
//!   twice (ids are dense per file, so later passes index `Vec`s by them);
//! - every expression, statement and identifier position is within the
//!   input, and so are comment and directive positions.
//!
//! The tree is walked with an explicit stack, not by recursion: a legal file
//! nests deeper than this thread's stack would allow a recursive walk.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rgo_syntax::ast::*;
use rgo_syntax::{parse_file, Mode, Pos};

fuzz_target!(|src: &[u8]| {
    let (file, errors) = parse_file(src, Mode::COMMENTS);
    let len = src.len();
    assert_eq!(file.size as usize, len, "file.size");
    // gc flushes the sorted errors, then says `too many errors` at the
    // position of the error that hit the limit, which may be an earlier one.
    let sorted = match errors.split_last() {
        Some((last, rest)) if last.msg == "too many errors" => rest,
        _ => &errors[..],
    };
    for pair in sorted.windows(2) {
        assert!(
            pair[0].pos <= pair[1].pos,
            "errors out of order: {errors:?}"
        );
    }
    for e in &errors {
        assert!(
            e.pos.offset() <= len,
            "error past the end ({len} bytes): {e:?}"
        );
        assert!(!e.msg.is_empty(), "empty error message at {:?}", e.pos);
    }
    check_tree(&file, len);
});

/// A reference to any node with children.
enum Node<'a> {
    Expr(&'a Expr),
    Stmt(&'a Stmt),
    Ident(&'a Ident),
    FuncType(&'a FuncType),
    Fields(&'a [Field]),
    Block(&'a Block),
    Decl(&'a Decl),
    GenDecl(&'a GenDecl),
    Cases(&'a [CaseClause]),
}

/// What the walk has seen: ids (as a bitmap) and the input length.
struct Check {
    len: usize,
    seen: Vec<bool>,
}

impl Check {
    fn id(&mut self, id: NodeId) {
        let i = id.index();
        assert!(
            i < self.seen.len(),
            "node id {i} >= node_count {}",
            self.seen.len()
        );
        assert!(!self.seen[i], "node id {i} used twice");
        self.seen[i] = true;
    }

    fn pos(&self, pos: Pos, what: &str) {
        assert!(
            pos.offset() <= self.len,
            "{what} at {pos:?} past the end ({} bytes)",
            self.len
        );
    }
}

fn check_tree(file: &File, len: usize) {
    let mut check = Check {
        len,
        seen: vec![false; file.node_count as usize],
    };
    for c in &file.comments {
        check.pos(c.span.end, "comment end");
    }
    for d in &file.directives {
        check.pos(d.pos, "directive");
    }
    let mut stack: Vec<Node> = vec![Node::Ident(&file.name)];
    stack.extend(file.decls.iter().map(Node::Decl));
    while let Some(node) = stack.pop() {
        match node {
            Node::Expr(e) => {
                check.id(e.id);
                check.pos(e.pos, "expression");
                push_expr_children(e, &mut stack);
            }
            Node::Ident(i) => {
                check.id(i.id);
                check.pos(i.pos, "identifier");
            }
            Node::Stmt(s) => {
                check.pos(s.pos, "statement");
                push_stmt_children(s, &mut stack);
            }
            Node::FuncType(t) => push_func_type(t, &mut stack),
            Node::Fields(fields) => {
                for f in fields {
                    stack.extend(f.names.iter().map(Node::Ident));
                    stack.push(Node::Expr(&f.typ));
                }
            }
            Node::Block(b) => stack.extend(b.stmts.iter().map(Node::Stmt)),
            Node::Decl(d) => push_decl(d, &mut stack),
            Node::GenDecl(g) => push_specs(g, &mut stack),
            Node::Cases(cases) => {
                for c in cases {
                    stack.extend(c.list.iter().flatten().map(Node::Expr));
                    stack.extend(c.body.iter().map(Node::Stmt));
                }
            }
        }
    }
}

fn push_expr_children<'a>(e: &'a Expr, stack: &mut Vec<Node<'a>>) {
    use ExprKind::*;
    match &e.kind {
        Bad | Name(_) | BasicLit(_) => {}
        CompositeLit(c) => {
            stack.extend(c.typ.iter().map(Node::Expr));
            stack.extend(c.elems.iter().map(Node::Expr));
        }
        KeyValue(k, v) => stack.extend([Node::Expr(k), Node::Expr(v)]),
        FuncLit(f) => stack.extend([Node::FuncType(&f.typ), Node::Block(&f.body)]),
        Paren(x) | Star(x) | Unary(_, x) | SliceType(x) | ChanType(_, x) | Ellipsis(x) => {
            stack.push(Node::Expr(x))
        }
        Selector(x, sel) => stack.extend([Node::Expr(x), Node::Ident(sel)]),
        Index(x, idx) => {
            stack.push(Node::Expr(x));
            stack.extend(idx.iter().map(Node::Expr));
        }
        Slice(s) => {
            stack.push(Node::Expr(&s.x));
            stack.extend(s.index.iter().flatten().map(Node::Expr));
        }
        TypeAssert(x, t) => {
            stack.push(Node::Expr(x));
            stack.extend(t.iter().map(|t| Node::Expr(t)));
        }
        Call(c) => {
            stack.push(Node::Expr(&c.fun));
            stack.extend(c.args.iter().map(Node::Expr));
        }
        Binary(_, x, y) | MapType(x, y) => stack.extend([Node::Expr(x), Node::Expr(y)]),
        ArrayType(n, t) => {
            stack.extend(n.iter().map(|n| Node::Expr(n)));
            stack.push(Node::Expr(t));
        }
        StructType(s) => stack.push(Node::Fields(&s.fields)),
        FuncType(t) => stack.push(Node::FuncType(t)),
        InterfaceType(i) => {
            for elem in &i.elems {
                match elem {
                    InterfaceElem::Method(name, t) => {
                        stack.extend([Node::Ident(name), Node::FuncType(t)])
                    }
                    InterfaceElem::Embed(x) => stack.push(Node::Expr(x)),
                }
            }
        }
    }
}

fn push_func_type<'a>(t: &'a FuncType, stack: &mut Vec<Node<'a>>) {
    if let Some(tp) = &t.tparams {
        stack.push(Node::Fields(&tp.list));
    }
    stack.push(Node::Fields(&t.params.list));
    stack.push(Node::Fields(&t.results.list));
}

fn push_stmt_children<'a>(s: &'a Stmt, stack: &mut Vec<Node<'a>>) {
    use StmtKind::*;
    match &s.kind {
        Bad | Empty => {}
        Decl(g) => stack.push(Node::GenDecl(g)),
        Labeled(label, s) => stack.extend([Node::Ident(label), Node::Stmt(s)]),
        Expr(x) | IncDec(x, _) | Go(x) | Defer(x) => stack.push(Node::Expr(x)),
        Send(s) => stack.extend([Node::Expr(&s.ch), Node::Expr(&s.value)]),
        Assign(a) => stack.extend(a.lhs.iter().chain(&a.rhs).map(Node::Expr)),
        Return(xs) => stack.extend(xs.iter().map(Node::Expr)),
        Branch(_, label) => stack.extend(label.iter().map(Node::Ident)),
        Block(b) => stack.push(Node::Block(b)),
        If(i) => {
            stack.extend(i.init.iter().chain(&i.els).map(Node::Stmt));
            stack.extend([Node::Expr(&i.cond), Node::Block(&i.then)]);
        }
        Switch(sw) => {
            stack.extend(sw.init.iter().map(Node::Stmt));
            stack.extend(sw.tag.iter().map(Node::Expr));
            stack.push(Node::Cases(&sw.body));
        }
        TypeSwitch(ts) => {
            stack.extend(ts.init.iter().map(Node::Stmt));
            stack.extend(ts.bind.iter().map(Node::Ident));
            stack.extend([Node::Expr(&ts.guard), Node::Cases(&ts.body)]);
        }
        Select(sel) => {
            for c in &sel.body {
                stack.extend(c.comm.iter().map(Node::Stmt));
                stack.extend(c.body.iter().map(Node::Stmt));
            }
        }
        For(f) => {
            stack.extend(f.init.iter().chain(&f.post).map(Node::Stmt));
            stack.extend(f.cond.iter().map(Node::Expr));
            stack.push(Node::Block(&f.body));
        }
        Range(r) => {
            stack.extend(r.key.iter().chain(&r.value).map(Node::Expr));
            stack.extend([Node::Expr(&r.x), Node::Block(&r.body)]);
        }
    }
}

fn push_decl<'a>(d: &'a Decl, stack: &mut Vec<Node<'a>>) {
    match d {
        Decl::Bad(_) => {}
        Decl::Gen(g) => stack.push(Node::GenDecl(g)),
        Decl::Func(f) => {
            if let Some(recv) = &f.recv {
                stack.push(Node::Fields(&recv.list));
            }
            stack.extend([Node::Ident(&f.name), Node::FuncType(&f.typ)]);
            stack.extend(f.body.iter().map(Node::Block));
        }
    }
}

fn push_specs<'a>(g: &'a GenDecl, stack: &mut Vec<Node<'a>>) {
    for spec in &g.specs {
        match spec {
            Spec::Import(i) => stack.extend(i.name.iter().map(Node::Ident)),
            Spec::Value(v) => {
                stack.extend(v.names.iter().map(Node::Ident));
                stack.extend(v.typ.iter().chain(&v.values).map(Node::Expr));
            }
            Spec::Type(t) => {
                stack.push(Node::Ident(&t.name));
                if let Some(tp) = &t.tparams {
                    stack.push(Node::Fields(&tp.list));
                }
                stack.push(Node::Expr(&t.typ));
            }
        }
    }
}
