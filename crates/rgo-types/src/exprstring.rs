//! Expressions printed as gc's `syntax.String` prints them in messages
//! (short form: composite literal elements and function bodies as `{…}`).

use rgo_syntax::ast::*;
use rgo_syntax::token::Token;

pub fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e, 0);
    s
}

fn write_expr(s: &mut String, e: &Expr, depth: u32) {
    if depth > 200 {
        s.push('…');
        return;
    }
    let d = depth + 1;
    match &e.kind {
        ExprKind::Bad => s.push_str("BadExpr"),
        ExprKind::Name(n) => s.push_str(n),
        ExprKind::BasicLit(l) => s.push_str(&l.value),
        ExprKind::CompositeLit(c) => {
            if let Some(t) = &c.typ {
                write_expr(s, t, d);
            }
            s.push_str(if c.elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::KeyValue(k, v) => {
            write_expr(s, k, d);
            s.push_str(": ");
            write_expr(s, v, d);
        }
        ExprKind::FuncLit(f) => {
            s.push_str("func");
            write_sig(s, &f.typ, d);
            s.push_str(if f.body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x, d);
            s.push(')');
        }
        ExprKind::Selector(x, sel) => {
            write_expr(s, x, d);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index(x, idx) => {
            write_expr(s, x, d);
            s.push('[');
            write_list(s, idx, d);
            s.push(']');
        }
        ExprKind::Slice(sl) => {
            write_expr(s, &sl.x, d);
            s.push('[');
            if let Some(i) = &sl.index[0] {
                write_expr(s, i, d);
            }
            s.push(':');
            if let Some(i) = &sl.index[1] {
                write_expr(s, i, d);
            }
            if sl.full {
                s.push(':');
                if let Some(i) = &sl.index[2] {
                    write_expr(s, i, d);
                }
            }
            s.push(']');
        }
        ExprKind::TypeAssert(x, t) => {
            write_expr(s, x, d);
            s.push_str(".(");
            match t {
                Some(t) => write_expr(s, t, d),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call(c) => {
            write_expr(s, &c.fun, d);
            s.push('(');
            write_list(s, &c.args, d);
            if c.has_dots {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x, d);
        }
        ExprKind::Unary(op, x) => {
            s.push_str(op.as_str());
            write_expr(s, x, d);
        }
        ExprKind::Binary(op, x, y) => {
            write_expr(s, x, d);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, y, d);
        }
        ExprKind::ArrayType(len, elem) => {
            s.push('[');
            match len {
                Some(l) => write_expr(s, l, d),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem, d);
        }
        ExprKind::SliceType(elem) => {
            s.push_str("[]");
            write_expr(s, elem, d);
        }
        ExprKind::StructType(st) => {
            s.push_str("struct{");
            for (i, f) in st.fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                write_field(s, f, d);
            }
            s.push('}');
        }
        ExprKind::FuncType(f) => {
            s.push_str("func");
            write_sig(s, f, d);
        }
        ExprKind::InterfaceType(it) => {
            s.push_str("interface{");
            for (i, el) in it.elems.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match el {
                    InterfaceElem::Method(n, f) => {
                        s.push_str(&n.name);
                        write_sig(s, f, d);
                    }
                    InterfaceElem::Embed(x) => write_expr(s, x, d),
                }
            }
            s.push('}');
        }
        ExprKind::MapType(k, v) => {
            s.push_str("map[");
            write_expr(s, k, d);
            s.push(']');
            write_expr(s, v, d);
        }
        ExprKind::ChanType(dir, elem) => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            // `chan (<-chan T)` needs its parentheses.
            let parens = *dir == ChanDir::Both
                && matches!(elem.unparen().kind, ExprKind::ChanType(ChanDir::Recv, _))
                && !matches!(elem.kind, ExprKind::Paren(_));
            if parens {
                s.push('(');
            }
            write_expr(s, elem, d);
            if parens {
                s.push(')');
            }
        }
        ExprKind::Ellipsis(x) => {
            s.push_str("...");
            write_expr(s, x, d);
        }
    }
}

fn write_list(s: &mut String, list: &[Expr], d: u32) {
    for (i, x) in list.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(s, x, d);
    }
}

fn write_field(s: &mut String, f: &Field, d: u32) {
    for (i, n) in f.names.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&n.name);
    }
    if !f.names.is_empty() {
        s.push(' ');
    }
    write_expr(s, &f.typ, d);
}

fn write_fields(s: &mut String, l: &FieldList, d: u32) {
    s.push('(');
    for (i, f) in l.list.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_field(s, f, d);
    }
    s.push(')');
}

fn write_sig(s: &mut String, f: &FuncType, d: u32) {
    write_fields(s, &f.params, d);
    match f.results.list.len() {
        0 => {}
        1 if f.results.list[0].names.is_empty() => {
            s.push(' ');
            write_expr(s, &f.results.list[0].typ, d);
        }
        _ => {
            s.push(' ');
            write_fields(s, &f.results, d);
        }
    }
}

/// Is `op` a comparison operator.
pub fn is_comparison(op: Token) -> bool {
    matches!(
        op,
        Token::Eql | Token::Neq | Token::Lss | Token::Leq | Token::Gtr | Token::Geq
    )
}
