//! Expressions: operands, identifiers, literals, unary and binary
//! operators, shifts, comparisons, untyped constant conversion (with the
//! final type pushed back into untyped sub-expressions, as types2's
//! `updateExprType`), assignability, index/slice, type assertions.

use super::*;
use crate::constant::{self as cst, BasicKind, BinaryOp, CmpOp, Kind, ShiftOp, UnaryOp};
use crate::predicates::identical;
use rgo_syntax::ast::ExprKind;
use rgo_syntax::token::{LitKind, Token};

pub(crate) const INVALID_OP: &str = "invalid operation: ";

impl<'a, 'w> Checker<'a, 'w> {
    /// A single-valued expression (not a type, not void).
    pub(crate) fn expr(&mut self, e: &'a Expr) -> Operand<'a> {
        self.expr_hint(e, None)
    }

    /// [`expr`] with the element type of an enclosing composite literal
    /// (for elided element types); a generic function is inferred from it.
    pub(crate) fn expr_hint(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        self.expr_target(e, hint, hint)
    }

    /// [`expr`] of a value assigned to type `target`: a generic function
    /// value is instantiated from a function type (Go 1.21).
    pub(crate) fn expr_to(&mut self, e: &'a Expr, target: Option<TypeId>) -> Operand<'a> {
        self.expr_target(e, None, target)
    }

    fn expr_target(
        &mut self,
        e: &'a Expr,
        hint: Option<TypeId>,
        target: Option<TypeId>,
    ) -> Operand<'a> {
        let to_func = target.is_some_and(|t| {
            let c = self.w.core_type(t).unwrap_or(t);
            matches!(self.w.types.get(c), Type::Signature(_))
        });
        let mut x = self.raw_expr(e, hint, to_func);
        if to_func && self.is_generic_func(&x) {
            if let Some(t) = target {
                self.infer_generic_value(&mut x, t);
            }
        }
        self.exclude(&mut x, true, true, true);
        self.single_value(&mut x);
        x
    }

    /// An expression or a type.
    pub(crate) fn expr_or_type(&mut self, e: &'a Expr, allow_generic: bool) -> Operand<'a> {
        let mut x = self.raw_expr(e, None, allow_generic);
        self.exclude(&mut x, true, false, false);
        self.single_value(&mut x);
        x
    }

    /// An expression that may be multi-valued (a call) or comma-ok.
    pub(crate) fn multi_expr(&mut self, e: &'a Expr, allow_comma_ok: bool) -> Vec<Operand<'a>> {
        self.multi_expr_opt(e, allow_comma_ok, false)
    }

    /// [`multi_expr`]; `allow_generic` lets an uninstantiated generic
    /// function through (a call argument, inferred from its parameter).
    pub(crate) fn multi_expr_opt(
        &mut self,
        e: &'a Expr,
        allow_comma_ok: bool,
        allow_generic: bool,
    ) -> Vec<Operand<'a>> {
        let mut x = self.raw_expr(e, None, allow_generic);
        self.exclude(&mut x, true, true, true);
        if x.is_invalid() {
            return Vec::new();
        }
        if let Type::Tuple(vars) = self.w.types.get(x.typ) {
            let vars = vars.clone();
            return vars
                .iter()
                .enumerate()
                .map(|(i, v)| Operand {
                    mode: Mode::Value,
                    typ: self.w.obj(*v).typ,
                    val: None,
                    expr: Some(e),
                    builtin: None,
                    label: Some(nth(i + 1, "function result")),
                })
                .collect();
        }
        if allow_comma_ok && matches!(x.mode, Mode::MapIndex | Mode::CommaOk) {
            // Record the comma-ok form as the tuple (T, bool).
            let v1 = self.new_var("", x.typ, e.start());
            let v2 = self.new_var("", TypeId::BOOL, e.start());
            let tuple = self.w.types.tuple(vec![v1, v2]);
            self.record_type_and_value(e, x.mode, tuple, None);
            let mut x2 = x.clone();
            x2.mode = Mode::Value;
            x2.typ = TypeId::UNTYPED_BOOL;
            x.mode = if x.mode == Mode::MapIndex {
                Mode::MapIndex
            } else {
                Mode::Value
            };
            // Record the comma-ok form: a tuple (T, bool).
            return vec![x, x2];
        }
        vec![x]
    }

    /// [`expr`]'s checks on an already evaluated operand.
    pub(crate) fn exclude_value(&mut self, x: &mut Operand<'a>) {
        self.exclude(x, true, true, true);
        self.single_value(x);
    }

    /// Reports and invalidates a `novalue`, `builtin` or `typexpr` operand.
    fn exclude(&mut self, x: &mut Operand<'a>, novalue: bool, builtin: bool, typexpr: bool) {
        let msg = match x.mode {
            Mode::NoValue if novalue && typexpr => "%s used as value",
            Mode::NoValue if novalue => "%s used as value or type",
            Mode::Builtin if builtin => "%s must be called",
            Mode::TypeExpr if typexpr => "%s is not an expression",
            _ => return,
        };
        let s = self.op_string(x);
        self.error(x.pos(), msg.replace("%s", &s));
        x.mode = Mode::Invalid;
    }

    fn single_value(&mut self, x: &mut Operand<'a>) {
        if x.mode == Mode::Value {
            if let Type::Tuple(vars) = self.w.types.get(x.typ) {
                if vars.len() != 1 {
                    let s = self.op_string(x);
                    self.error(
                        x.pos(),
                        format!("multiple-value {} in single-value context", s),
                    );
                    x.mode = Mode::Invalid;
                }
            }
        }
    }

    /// Checks `e` and records its type (untyped results are recorded later).
    pub(crate) fn raw_expr(
        &mut self,
        e: &'a Expr,
        hint: Option<TypeId>,
        allow_generic: bool,
    ) -> Operand<'a> {
        if !self.enter(e.pos) {
            self.leave();
            return Operand::invalid();
        }
        let mut x = self.expr_internal(e, hint);
        self.leave();
        if !allow_generic {
            self.non_generic(&mut x);
        }
        x.expr = Some(e);
        self.record_operand(e, &x);
        x
    }

    pub(crate) fn non_generic(&mut self, x: &mut Operand<'a>) {
        if x.is_invalid() {
            return;
        }
        let generic = match x.mode {
            Mode::TypeExpr => self.is_generic(x.typ),
            Mode::Value => {
                matches!(self.w.types.get(x.typ), Type::Signature(s) if !s.tparams.is_empty() && s.recv.is_none())
            }
            _ => false,
        };
        if generic {
            let what = if x.mode == Mode::TypeExpr {
                "type"
            } else {
                "function"
            };
            let s = if x.mode == Mode::TypeExpr {
                self.tstr(x.typ)
            } else {
                x.expr
                    .map(crate::exprstring::expr_string)
                    .unwrap_or_default()
            };
            self.error(
                x.pos(),
                format!("cannot use generic {} {} without instantiation", what, s),
            );
            x.mode = Mode::Invalid;
            x.typ = TypeId::INVALID;
        }
    }

    fn expr_internal(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        match &e.kind {
            ExprKind::Bad => Operand::invalid(),
            ExprKind::Name(n) => self.ident(e, n, false),
            ExprKind::BasicLit(l) => self.basic_lit(e, l),
            ExprKind::FuncLit(f) => self.func_lit(e, f),
            ExprKind::CompositeLit(c) => self.composite_lit(e, c, hint),
            ExprKind::Paren(x) => {
                let mut op = self.raw_expr(x, None, true);
                op.expr = Some(e);
                op
            }
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, idx) => self.index_expr(e, x, idx),
            ExprKind::Slice(s) => self.slice_expr(e, s),
            ExprKind::TypeAssert(x, t) => self.type_assert(e, x, t.as_deref()),
            ExprKind::Call(c) => self.call_expr(e, c),
            ExprKind::Star(x) => self.star(e, x),
            ExprKind::Unary(op, x) => self.unary(e, *op, x),
            ExprKind::Binary(op, x, y) => self.binary(e, *op, x, y),
            ExprKind::KeyValue(..) => {
                self.error(e.start(), "no key:value expected");
                Operand::invalid()
            }
            ExprKind::Ellipsis(_) => {
                self.error(e.start(), "invalid use of ...");
                Operand::invalid()
            }
            ExprKind::ArrayType(..)
            | ExprKind::SliceType(_)
            | ExprKind::StructType(_)
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType(_)
            | ExprKind::MapType(..)
            | ExprKind::ChanType(..) => {
                let t = self.type_expr(e);
                if !self.w.types.is_valid(t) {
                    return Operand::invalid();
                }
                Operand::new(Mode::TypeExpr, t, e)
            }
        }
    }

    // -----------------------------------------------------------------------
    // Identifiers and literals.

    /// An identifier in expression position; `lhs` suppresses "used" marking.
    pub(crate) fn ident(&mut self, e: &'a Expr, name: &str, lhs: bool) -> Operand<'a> {
        if name == "_" {
            self.error(e.pos, "cannot use _ as value or type");
            return Operand::invalid();
        }
        let Some((_, o)) = self.w.lookup_parent(self.scope, name) else {
            self.error(e.pos, format!("undefined: {}", name));
            return Operand::invalid();
        };
        if (name == "any" || name == "comparable")
            && self.w.obj(o).pkg.is_none()
            && !self.verify_version(e.start(), 18, |_| format!("predeclared {name}"))
        {
            return Operand::invalid();
        }
        self.record_use(e.id, o);
        self.note_dot_import_use(o);
        self.use_object(e, o, lhs)
    }

    /// A declared named type left without underlying type by an error
    /// (e.g. an invalid recursive type): treated as invalid, silently.
    pub(crate) fn broken(&self, t: TypeId) -> bool {
        match self.w.types.get(t) {
            Type::Named(n) => {
                n.underlying == TypeId::INVALID
                    && n.orig.is_none()
                    && self.color.get(&n.obj).copied() == Some(Color::Black)
            }
            _ => false,
        }
    }

    /// An object of another package found unqualified came through a dot import.
    pub(crate) fn note_dot_import_use(&mut self, o: ObjId) {
        if let Some(p) = self.w.obj(o).pkg {
            if p != self.pkg {
                if let Some(&dot) = self.dot_imports.get(&(self.file, p)) {
                    self.used_pkgnames.insert(dot);
                }
            }
        }
    }

    pub(crate) fn use_object(&mut self, e: &'a Expr, o: ObjId, lhs: bool) -> Operand<'a> {
        if self.decls.contains_key(&o) {
            self.obj_decl(o);
            self.add_dep(o);
        }
        let ob = self.w.obj(o);
        let typ = ob.typ;
        match ob.kind.clone() {
            ObjKind::PkgName(_) => {
                let name = ob.name.clone();
                self.error(e.pos, format!("use of package {} not in selector", name));
                Operand::invalid()
            }
            ObjKind::Const(v) => {
                if ob.pkg.is_none() && ob.name == "iota" {
                    match &self.iota {
                        Some(iv) => {
                            let mut x = Operand::new(Mode::Constant, TypeId::UNTYPED_INT, e);
                            x.val = Some(iv.clone());
                            return x;
                        }
                        None => {
                            self.error(e.pos, "cannot use iota outside constant declaration");
                            return Operand::invalid();
                        }
                    }
                }
                if !self.w.types.is_valid(typ) {
                    return Operand::invalid();
                }
                let mut x = Operand::new(Mode::Constant, typ, e);
                x.val = Some(v);
                x
            }
            ObjKind::TypeName => {
                if let Some(&(_, defs, alias, generic)) =
                    self.aliases_in_progress.iter().find(|a| a.0 == o)
                {
                    if defs < self.typedefs_in_progress && !generic {
                        return Operand::new(Mode::TypeExpr, alias, e);
                    }
                    let name = ob.name.clone();
                    self.error_at_obj(
                        o,
                        format!("invalid recursive type: {} refers to itself", name),
                    );
                    return Operand::invalid();
                }
                if !self.w.types.is_valid(typ) {
                    return Operand::invalid();
                }
                Operand::new(Mode::TypeExpr, typ, e)
            }
            ObjKind::Var(_) => {
                if !lhs {
                    if let Some(vi) = self.w.var_info_mut(o) {
                        vi.used = true;
                    }
                }
                if !self.w.types.is_valid(typ) {
                    return Operand::invalid();
                }
                Operand::new(Mode::Variable, typ, e)
            }
            ObjKind::Func(_) => {
                if !self.w.types.is_valid(typ) {
                    return Operand::invalid();
                }
                Operand::new(Mode::Value, typ, e)
            }
            ObjKind::Builtin(b) => {
                let mut x = Operand::new(Mode::Builtin, TypeId::INVALID, e);
                x.builtin = Some(b);
                x
            }
            ObjKind::Nil => Operand::new(Mode::NilValue, TypeId::UNTYPED_NIL, e),
            ObjKind::Label => Operand::invalid(),
        }
    }

    fn basic_lit(&mut self, e: &'a Expr, l: &ast::BasicLit) -> Operand<'a> {
        if l.bad {
            // The scanner reported it.
            return Operand::invalid();
        }
        let (kind, typ) = match l.kind {
            LitKind::Int => (cst::LitKind::Int, TypeId::UNTYPED_INT),
            LitKind::Float => (cst::LitKind::Float, TypeId::UNTYPED_FLOAT),
            LitKind::Imag => (cst::LitKind::Imag, TypeId::UNTYPED_COMPLEX),
            LitKind::Char => (cst::LitKind::Char, TypeId::UNTYPED_RUNE),
            LitKind::String => (cst::LitKind::String, TypeId::UNTYPED_STRING),
        };
        if matches!(l.kind, LitKind::Int | LitKind::Float | LitKind::Imag) {
            self.lang_compat(e, l);
            // types2 refuses absurdly long number literals.
            const LIMIT: usize = 10000;
            if l.value.len() > LIMIT {
                let head: String = l.value.chars().take(10).collect();
                self.error(
                    e.start(),
                    format!(
                        "excessively long constant: {}... ({} chars)",
                        head,
                        l.value.len()
                    ),
                );
                return Operand::invalid();
            }
        }
        match cst::Value::from_literal(kind, &l.value) {
            Ok(v) if v.kind() != Kind::Unknown => {
                let mut x = Operand::new(Mode::Constant, typ, e);
                x.val = Some(v);
                x
            }
            // The parser checked the syntax: what is left is a number
            // big.Float cannot hold.
            _ => {
                self.error(e.start(), format!("malformed constant: {}", l.value));
                Operand::invalid()
            }
        }
    }

    /// types2's langCompat: number literal forms newer than the language
    /// version (all of them go1.13's).
    fn lang_compat(&mut self, e: &Expr, l: &ast::BasicLit) {
        let s = l.value.as_bytes();
        if s.len() <= 2 || self.allow_version(13) {
            return;
        }
        let what = if s.contains(&b'_') {
            "underscore in numeric literal"
        } else if s[0] != b'0' {
            return;
        } else {
            match s[1] {
                b'b' | b'B' => "binary literal",
                b'o' | b'O' => "0o/0O-style octal literal",
                b'x' | b'X' if l.kind != LitKind::Int => "hexadecimal floating-point literal",
                _ => return,
            }
        };
        self.version_error(e.start(), 13, what);
    }

    fn func_lit(&mut self, e: &'a Expr, f: &'a ast::FuncLit) -> Operand<'a> {
        let outer = self.scope;
        let s = self.w.new_scope(Some(outer), f.typ.pos, f.body.rbrace);
        self.w.scopes[s.0 as usize].is_func = true;
        self.record_scope(f.typ.pos, s);
        self.scope = s;
        let (sig, _) = self.func_type(None, &f.typ);
        self.scope = outer;
        // Checked at the end of the enclosing statement (or with the
        // function bodies at package level); iota stays visible inside.
        self.delayed.push(Delayed {
            file: self.file,
            decl: self.cur_decl,
            sig,
            body: &f.body,
            scope: s,
            iota: self.iota.clone(),
        });
        self.scope = outer;
        Operand::new(Mode::Value, sig, e)
    }

    fn star(&mut self, e: &'a Expr, x: &'a Expr) -> Operand<'a> {
        let op = self.expr_or_type(x, false);
        match op.mode {
            Mode::Invalid => Operand::invalid(),
            Mode::TypeExpr => {
                let t = self.w.types.pointer(op.typ);
                Operand::new(Mode::TypeExpr, t, e)
            }
            Mode::NilValue => {
                self.error(x.start(), format!("{}cannot indirect nil", INVALID_OP));
                Operand::invalid()
            }
            _ => {
                let u = self.w.core_type(op.typ);
                match u.map(|u| self.w.types.get(u).clone()) {
                    Some(Type::Pointer(base)) => {
                        if !self.w.types.is_valid(base) {
                            return Operand::invalid();
                        }
                        Operand::new(Mode::Variable, base, e)
                    }
                    _ => {
                        let s = self.op_string(&op);
                        self.error(x.start(), format!("{}cannot indirect {}", INVALID_OP, s));
                        Operand::invalid()
                    }
                }
            }
        }
    }

    // -----------------------------------------------------------------------
    // Unary and binary operators.

    fn unary(&mut self, e: &'a Expr, op: Token, xe: &'a Expr) -> Operand<'a> {
        let mut x = self.expr(xe);
        if x.is_invalid() {
            return x;
        }
        match op {
            Token::And => {
                let is_lit = matches!(xe.unparen().kind, ExprKind::CompositeLit(_));
                if !is_lit && x.mode != Mode::Variable {
                    let s = self.op_string(&x);
                    self.error(
                        x.pos(),
                        format!("{}cannot take address of {}", INVALID_OP, s),
                    );
                    return Operand::invalid();
                }
                let t = self.w.types.pointer(x.typ);
                return Operand::new(Mode::Value, t, e);
            }
            Token::Arrow => {
                return match self.chan_elem(&x, true) {
                    Ok(elem) => Operand::new(Mode::CommaOk, elem, e),
                    Err(cause) => {
                        let s = self.op_string(&x);
                        let msg = if self.w.types.is_type_param(x.typ) {
                            format!("{}cannot receive from {}: {}", INVALID_OP, s, cause)
                        } else {
                            format!("{}cannot receive from {} {}", INVALID_OP, cause, s)
                        };
                        self.error(x.pos(), msg);
                        Operand::invalid()
                    }
                };
            }
            Token::Tilde => {
                self.error(
                    e.pos,
                    "cannot use ~ outside of interface or type constraint",
                );
                return Operand::invalid();
            }
            _ => {}
        }
        let ok = match op {
            Token::Add | Token::Sub => self.all(x.typ, |t, u| t.is_numeric(u)),
            Token::Xor => self.all(x.typ, |t, u| t.is_integer(u)),
            Token::Not => self.all(x.typ, |t, u| t.is_boolean(u)),
            _ => false,
        };
        if !ok {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!(
                    "{}operator {} not defined on {}",
                    INVALID_OP,
                    op.as_str(),
                    s
                ),
            );
            return Operand::invalid();
        }
        if x.mode == Mode::Constant {
            let v = x.val.clone().unwrap_or_else(cst::Value::unknown);
            if v.kind() == Kind::Unknown {
                x.expr = Some(e);
                return x;
            }
            let prec = if self.w.types.is_unsigned(x.typ) {
                (self.w.sizeof(x.typ) * 8) as u32
            } else {
                0
            };
            let uop = match op {
                Token::Add => UnaryOp::Plus,
                Token::Sub => UnaryOp::Neg,
                Token::Xor => UnaryOp::Complement,
                _ => UnaryOp::Not,
            };
            x.val = Some(
                v.unary_op(uop, prec)
                    .unwrap_or_else(|_| cst::Value::unknown()),
            );
            x.expr = Some(e);
            self.overflow(&mut x, e.pos);
            return x;
        }
        Operand::new(Mode::Value, x.typ, e)
    }

    /// Does `pred` hold for `t` (for a type parameter, for all its terms).
    pub(crate) fn all(&self, t: TypeId, pred: impl Fn(&TypeTable, TypeId) -> bool) -> bool {
        if let Type::TypeParam(p) = self.w.types.get(t) {
            return match self
                .w
                .types
                .type_set_ref(p.bound)
                .and_then(|ts| ts.terms.as_ref())
            {
                Some(terms) if !terms.is_empty() => {
                    terms.iter().all(|term| pred(&self.w.types, term.typ))
                }
                _ => false,
            };
        }
        pred(&self.w.types, t)
    }

    fn binary(&mut self, e: &'a Expr, op: Token, lhs: &'a Expr, rhs: &'a Expr) -> Operand<'a> {
        let mut x = self.expr(lhs);
        let mut y = self.expr(rhs);
        if x.is_invalid() {
            return x;
        }
        if y.is_invalid() {
            return Operand::invalid();
        }
        if matches!(op, Token::Shl | Token::Shr) {
            return self.shift(e, op, x, y);
        }
        self.match_types(&mut x, &mut y);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if crate::exprstring::is_comparison(op) {
            return self.comparison(e, op, x, y);
        }
        if !identical(self.w, x.typ, y.typ) {
            if self.w.types.is_valid(x.typ) && self.w.types.is_valid(y.typ) {
                let (xs, ys) = (self.tstr(x.typ), self.tstr(y.typ));
                let es = crate::exprstring::expr_string(e);
                self.error(
                    x.pos(),
                    format!("{}{} (mismatched types {} and {})", INVALID_OP, es, xs, ys),
                );
            }
            return Operand::invalid();
        }
        self.arith(e, op, x, y)
    }

    /// The arithmetic and logical operators on operands of identical type
    /// (types2's binary after its type match): the operator must suit the
    /// type, constant divisors must not be zero, and constants fold. `e`
    /// is the operation, or for `x op= y` the `x`.
    pub(super) fn arith(
        &mut self,
        e: &'a Expr,
        op: Token,
        mut x: Operand<'a>,
        y: Operand<'a>,
    ) -> Operand<'a> {
        let ok = match op {
            Token::Add => self.all(x.typ, |t, u| t.is_numeric(u) || t.is_string(u)),
            Token::Sub | Token::Mul | Token::Quo => self.all(x.typ, |t, u| t.is_numeric(u)),
            Token::Rem | Token::And | Token::Or | Token::Xor | Token::AndNot => {
                self.all(x.typ, |t, u| t.is_integer(u))
            }
            Token::LAnd | Token::LOr => self.all(x.typ, |t, u| t.is_boolean(u)),
            _ => false,
        };
        if !ok {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!(
                    "{}operator {} not defined on {}",
                    INVALID_OP,
                    op.as_str(),
                    s
                ),
            );
            return Operand::invalid();
        }
        if matches!(op, Token::Quo | Token::Rem)
            && (x.mode == Mode::Constant || self.all(x.typ, |t, u| t.is_integer(u)))
            && y.mode == Mode::Constant
            && y.val
                .as_ref()
                .is_some_and(|v| v.sign() == 0 && v.kind() != Kind::Unknown)
        {
            self.error(y.pos(), format!("{}division by zero", INVALID_OP));
            return Operand::invalid();
        }
        if matches!(op, Token::Quo | Token::Rem)
            && x.mode == Mode::Constant
            && y.mode == Mode::Constant
            && self.w.types.is_complex(x.typ)
            && y.val.as_ref().is_some_and(complex_divisor_underflows)
        {
            self.error(y.pos(), format!("{}division by zero", INVALID_OP));
            return Operand::invalid();
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let unknown =
                |v: &Option<cst::Value>| v.as_ref().is_none_or(|v| v.kind() == Kind::Unknown);
            if unknown(&x.val) || unknown(&y.val) {
                // types2: an unknown operand makes the result unknown, silently.
                x.val = Some(cst::Value::unknown());
                x.expr = Some(e);
                return x;
            }
            let (xv, yv) = (
                x.val.clone().unwrap_or_else(cst::Value::unknown),
                y.val.clone().unwrap_or_else(cst::Value::unknown),
            );
            let mut bop = match op {
                Token::Add => BinaryOp::Add,
                Token::Sub => BinaryOp::Sub,
                Token::Mul => BinaryOp::Mul,
                Token::Quo => BinaryOp::Quo,
                Token::Rem => BinaryOp::Rem,
                Token::And => BinaryOp::And,
                Token::Or => BinaryOp::Or,
                Token::Xor => BinaryOp::Xor,
                Token::AndNot => BinaryOp::AndNot,
                Token::LAnd => BinaryOp::LogAnd,
                _ => BinaryOp::LogOr,
            };
            if bop == BinaryOp::Quo && self.w.types.is_integer(x.typ) {
                bop = BinaryOp::QuoInt;
            }
            // types2 refuses constant strings beyond 2e9 bytes (checked
            // here before the concatenation is built).
            if bop == BinaryOp::Add && xv.kind() == Kind::String && yv.kind() == Kind::String {
                let len = xv.string_len() as u64 + yv.string_len() as u64;
                if len > MAX_CONST_STRING {
                    self.error(
                        e.pos,
                        format!(
                            "constant string too long ({} bytes > {} bytes)",
                            len, MAX_CONST_STRING
                        ),
                    );
                    x.val = Some(cst::Value::unknown());
                    x.expr = Some(e);
                    return x;
                }
            }
            let v = xv
                .binary_op(bop, &yv)
                .unwrap_or_else(|_| cst::Value::unknown());
            x.val = Some(v);
            x.expr = Some(e);
            self.overflow(&mut x, e.pos);
            return x;
        }
        Operand::new(Mode::Value, x.typ, e)
    }

    /// Implicit conversion of untyped operands toward each other (types2 matchTypes).
    pub(crate) fn match_types(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>) {
        let tt = &self.w.types;
        let iface = |t: TypeId| tt.is_interface(t) && !tt.is_type_param(t);
        let may = {
            if tt.is_typed(x.typ) && tt.is_typed(y.typ) {
                false
            } else if self.all(x.typ, |t, u| t.is_numeric(u))
                != self.all(y.typ, |t, u| t.is_numeric(u))
            {
                false
            } else if iface(x.typ) || iface(y.typ) {
                true
            } else if self.all(x.typ, |t, u| t.is_boolean(u))
                != self.all(y.typ, |t, u| t.is_boolean(u))
            {
                false
            } else if self.all(x.typ, |t, u| t.is_string(u))
                != self.all(y.typ, |t, u| t.is_string(u))
            {
                false
            } else if x.mode == Mode::NilValue {
                self.w.has_nil(y.typ)
            } else if y.mode == Mode::NilValue {
                self.w.has_nil(x.typ)
            } else {
                !(tt.is_pointer(x.typ) || tt.is_pointer(y.typ))
            }
        };
        if may {
            self.convert_untyped(x, y.typ);
            if x.is_invalid() {
                return;
            }
            self.convert_untyped(y, x.typ);
            if y.is_invalid() {
                x.mode = Mode::Invalid;
            }
        }
    }

    fn comparison(
        &mut self,
        e: &'a Expr,
        op: Token,
        mut x: Operand<'a>,
        mut y: Operand<'a>,
    ) -> Operand<'a> {
        let mut err_on_x = true;
        let mut cause = String::new();
        let ok = self.assignable_to(&x, y.typ, &mut String::new())
            || self.assignable_to(&y, x.typ, &mut String::new());
        let mut failed = false;
        if !ok {
            err_on_x = false;
            cause = format!(
                "mismatched types {} and {}",
                self.tstr(x.typ),
                self.tstr(y.typ)
            );
            failed = true;
        } else if matches!(op, Token::Eql | Token::Neq) {
            if x.mode == Mode::NilValue || y.mode == Mode::NilValue {
                let typ = if x.mode == Mode::NilValue {
                    y.typ
                } else {
                    x.typ
                };
                if !self.w.has_nil(typ) {
                    err_on_x = false;
                    failed = true;
                }
            } else if !self.w.comparable(x.typ) {
                cause = if self.w.types.is_type_param(x.typ) {
                    "incomparable types in type set".into()
                } else {
                    self.incomparable_cause(x.typ)
                };
                failed = true;
            } else if !self.w.comparable(y.typ) {
                err_on_x = false;
                cause = self.incomparable_cause(y.typ);
                failed = true;
            }
        } else if !self.all(x.typ, |t, u| t.is_ordered(u)) {
            failed = true;
        } else if !self.all(y.typ, |t, u| t.is_ordered(u)) {
            err_on_x = false;
            failed = true;
        }
        if failed {
            let err_op = if err_on_x { &x } else { &y };
            if cause.is_empty() {
                cause = format!(
                    "operator {} not defined on {}",
                    op.as_str(),
                    self.kind_string(err_op.typ)
                );
            }
            let pos = if err_on_x { x.pos() } else { y.pos() };
            let es = crate::exprstring::expr_string(e);
            self.error(pos, format!("{}{} ({})", INVALID_OP, es, cause));
            return Operand::invalid();
        }
        let mut r = Operand::new(Mode::Value, TypeId::UNTYPED_BOOL, e);
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let cop = match op {
                Token::Eql => CmpOp::Eql,
                Token::Neq => CmpOp::Neq,
                Token::Lss => CmpOp::Lss,
                Token::Leq => CmpOp::Leq,
                Token::Gtr => CmpOp::Gtr,
                _ => CmpOp::Geq,
            };
            let (xv, yv) = (
                x.val.clone().unwrap_or_else(cst::Value::unknown),
                y.val.clone().unwrap_or_else(cst::Value::unknown),
            );
            r.mode = Mode::Constant;
            r.val = Some(
                if xv.kind() == Kind::Unknown || yv.kind() == Kind::Unknown {
                    cst::Value::unknown()
                } else {
                    cst::Value::from_bool(xv.compare(cop, &yv).unwrap_or(false))
                },
            );
        } else {
            let (dx, dy) = (
                self.w.types.default_type(x.typ),
                self.w.types.default_type(y.typ),
            );
            if let Some(xe) = x.expr {
                self.update_expr_type(xe, dx, true);
            }
            if let Some(ye) = y.expr {
                self.update_expr_type(ye, dy, true);
            }
            x.typ = dx;
            y.typ = dy;
        }
        r
    }

    fn kind_string(&self, t: TypeId) -> String {
        let k = composite_kind(self.w, t);
        if k.is_empty() {
            self.tstr(t)
        } else {
            k.to_string()
        }
    }

    pub(crate) fn incomparable_cause(&self, t: TypeId) -> String {
        match self.w.types.get(self.w.types.under(t)) {
            Type::Slice(_) | Type::Signature(_) | Type::Map(..) => {
                format!("{} can only be compared to nil", self.kind_string(t))
            }
            Type::Struct(s) => {
                for f in &s.fields {
                    let ft = self.w.obj(*f).typ;
                    if !self.w.comparable(ft) {
                        return format!("struct containing {} cannot be compared", self.tstr(ft));
                    }
                }
                format!("operator == not defined on {}", self.kind_string(t))
            }
            Type::Array(..) => format!("{} cannot be compared", self.tstr(t)),
            _ => format!("operator == not defined on {}", self.kind_string(t)),
        }
    }

    /// `x << y` and `x >> y` (`e` as for [`Self::arith`]).
    pub(super) fn shift(
        &mut self,
        e: &'a Expr,
        op: Token,
        mut x: Operand<'a>,
        mut y: Operand<'a>,
    ) -> Operand<'a> {
        let xval = if x.mode == Mode::Constant {
            x.val.as_ref().map(|v| v.to_int())
        } else {
            None
        };
        let x_ok = self.all(x.typ, |t, u| t.is_integer(u))
            || (self.w.types.is_untyped(x.typ)
                && xval.as_ref().is_some_and(|v| v.kind() == Kind::Int));
        if !x_ok {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!("{}shifted operand {} must be integer", INVALID_OP, s),
            );
            return Operand::invalid();
        }
        let mut yval = None;
        if y.mode == Mode::Constant {
            let yv = y.val.clone().unwrap_or_else(cst::Value::unknown).to_int();
            if yv.kind() == Kind::Int && yv.sign() < 0 {
                let s = self.op_string(&y);
                self.error(y.pos(), format!("{}negative shift count {}", INVALID_OP, s));
                return Operand::invalid();
            }
            if self.w.types.is_untyped(y.typ) {
                self.representable(&mut y, TypeId::UINT);
                if y.is_invalid() {
                    return Operand::invalid();
                }
            }
            yval = Some(yv);
        } else if self.all(y.typ, |t, u| t.is_integer(u)) {
            if !self.allow_version(13) && !self.all(y.typ, |t, u| t.is_unsigned(u)) {
                let what = format!("{}signed shift count {}", INVALID_OP, self.op_string(&y));
                self.version_error(y.pos(), 13, &what);
                return Operand::invalid();
            }
        } else if self.w.types.is_untyped(y.typ) {
            self.convert_untyped(&mut y, TypeId::UINT);
            if y.is_invalid() {
                return Operand::invalid();
            }
        } else {
            let s = self.op_string(&y);
            self.error(
                y.pos(),
                format!("{}shift count {} must be integer", INVALID_OP, s),
            );
            return Operand::invalid();
        }
        if x.mode == Mode::Constant {
            if let Some(yv) = yval {
                let xv = xval.unwrap_or_else(cst::Value::unknown);
                if xv.kind() == Kind::Unknown || yv.kind() == Kind::Unknown {
                    x.val = Some(cst::Value::unknown());
                    x.expr = Some(e);
                    return x;
                }
                let s = match yv.uint64_val() {
                    Some(s) if s <= cst::SHIFT_BOUND => s,
                    _ => {
                        let s = self.op_string(&y);
                        self.error(y.pos(), format!("{}invalid shift count {}", INVALID_OP, s));
                        return Operand::invalid();
                    }
                };
                if !self.w.types.is_integer(x.typ) {
                    x.typ = TypeId::UNTYPED_INT;
                }
                let sop = if op == Token::Shl {
                    ShiftOp::Shl
                } else {
                    ShiftOp::Shr
                };
                x.val = Some(xv.shift(sop, s).unwrap_or_else(|_| cst::Value::unknown()));
                x.expr = Some(e);
                self.overflow(&mut x, e.pos);
                return x;
            }
            if self.w.types.is_untyped(x.typ) {
                // Non-constant shift of an untyped constant: typed by
                // context; its final type must be an integer.
                if let Some(xe) = x.expr {
                    if let Some(u) = self.untyped.get_mut(&(self.file, xe.id)) {
                        u.is_lhs = true;
                    }
                }
                return Operand::new(Mode::Value, x.typ, e);
            }
        }
        if !self.all(x.typ, |t, u| t.is_integer(u)) {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!("{}shifted operand {} must be integer", INVALID_OP, s),
            );
            return Operand::invalid();
        }
        Operand::new(Mode::Value, x.typ, e)
    }

    /// Typed constants must be representable; untyped integers stay within 512 bits.
    pub(crate) fn overflow(&mut self, x: &mut Operand<'a>, op_pos: Pos) {
        let Some(v) = &x.val else { return };
        if v.kind() == Kind::Unknown {
            // go/constant gave up (a float overflowing even its wide exponent).
            self.error(op_pos, "constant result is not representable");
            x.mode = Mode::Invalid;
            return;
        }
        if self.w.types.is_typed(x.typ) {
            let t = x.typ;
            self.representable(x, t);
            return;
        }
        if v.untyped_int_overflows() {
            let opname = x.expr.map(op_name).unwrap_or("");
            let sep = if opname.is_empty() { "" } else { " " };
            self.error(op_pos, format!("constant {}{}overflow", opname, sep));
            x.val = Some(cst::Value::unknown());
        }
    }

    /// Checks that constant `x` fits basic type `t`, rounding its value.
    pub(crate) fn representable(&mut self, x: &mut Operand<'a>, t: TypeId) {
        let Some(k) = self.w.types.basic_kind(t) else {
            return;
        };
        let Some(v) = &x.val else { return };
        match cst::representable(v, k) {
            Ok(nv) => x.val = Some(nv),
            Err(why) => {
                self.invalid_conversion(x, t, why);
                x.mode = Mode::Invalid;
            }
        }
    }

    fn invalid_conversion(&mut self, x: &Operand<'a>, t: TypeId, why: cst::NotRepresentable) {
        let s = self.op_string(x);
        let ts = self.tstr(t);
        let msg = match why {
            cst::NotRepresentable::Truncated => format!("{} truncated to {}", s, ts),
            cst::NotRepresentable::Overflows => format!("{} overflows {}", s, ts),
            cst::NotRepresentable::Invalid => format!("cannot convert {} to type {}", s, ts),
        };
        self.error(x.pos(), msg);
    }

    // -----------------------------------------------------------------------
    // Untyped conversion.

    /// The type and value an untyped operand takes in a context of type
    /// `target`, or why it cannot (types2 implicitTypeAndValue).
    pub(crate) fn implicit_type_and_value(
        &mut self,
        x: &Operand<'a>,
        target: TypeId,
    ) -> Result<(TypeId, Option<cst::Value>), Option<cst::NotRepresentable>> {
        let tt = &self.w.types;
        if x.is_invalid() || tt.is_typed(x.typ) || !tt.is_valid(target) {
            return Ok((x.typ, None));
        }
        if tt.is_untyped(target) {
            if tt.is_numeric(x.typ) && tt.is_numeric(target) {
                let rank = |t: TypeId| match t {
                    TypeId::UNTYPED_INT => 0,
                    TypeId::UNTYPED_RUNE => 1,
                    TypeId::UNTYPED_FLOAT => 2,
                    _ => 3,
                };
                return Ok((
                    if rank(x.typ) >= rank(target) {
                        x.typ
                    } else {
                        target
                    },
                    None,
                ));
            }
            if x.typ != target {
                return Err(None);
            }
            return Ok((x.typ, None));
        }
        if let Type::TypeParam(p) = tt.get(target) {
            let bound = p.bound;
            let terms = self
                .w
                .types
                .type_set_ref(bound)
                .and_then(|ts| ts.terms.clone());
            let Some(terms) = terms else { return Err(None) };
            if terms.is_empty() {
                return Err(None);
            }
            for term in &terms {
                let u = self.w.types.under(term.typ);
                self.implicit_type_and_value(x, u)?;
            }
            if x.mode == Mode::NilValue {
                return Ok((TypeId::UNTYPED_NIL, None));
            }
            return Ok((target, None));
        }
        let u = tt.under(target);
        match tt.get(u).clone() {
            Type::Basic(k) => {
                if x.mode == Mode::Constant {
                    let v = x.val.clone().unwrap_or_else(cst::Value::unknown);
                    return match cst::representable(&v, k) {
                        Ok(nv) => Ok((target, Some(nv))),
                        Err(why) => Err(Some(why)),
                    };
                }
                let xk = tt.basic_kind(x.typ);
                let ok = match xk {
                    Some(BasicKind::UntypedBool) => tt.is_boolean(target),
                    Some(
                        BasicKind::UntypedInt
                        | BasicKind::UntypedRune
                        | BasicKind::UntypedFloat
                        | BasicKind::UntypedComplex,
                    ) => tt.is_numeric(target),
                    Some(BasicKind::UntypedString) => tt.is_string(target),
                    Some(BasicKind::UntypedNil) => k == BasicKind::UnsafePointer,
                    _ => false,
                };
                if !ok {
                    return Err(None);
                }
                if x.mode == Mode::NilValue {
                    return Ok((TypeId::UNTYPED_NIL, None));
                }
                Ok((target, None))
            }
            Type::Interface(_) => {
                if x.mode == Mode::NilValue {
                    return Ok((TypeId::UNTYPED_NIL, None));
                }
                let ts = self.w.type_set(u);
                if !ts.methods.is_empty() || ts.terms.is_some() {
                    return Err(None);
                }
                Ok((self.w.types.default_type(x.typ), None))
            }
            Type::Pointer(_)
            | Type::Signature(_)
            | Type::Slice(_)
            | Type::Map(..)
            | Type::Chan(..) => {
                if x.mode != Mode::NilValue {
                    return Err(None);
                }
                Ok((TypeId::UNTYPED_NIL, None))
            }
            _ => Err(None),
        }
    }

    /// Gives untyped `x` the type (and converted value) that
    /// [`Self::implicit_type_and_value`] found for it.
    fn take_implicit(&mut self, x: &mut Operand<'a>, t: TypeId, v: Option<cst::Value>) {
        if let Some(v) = v {
            x.val = Some(v);
        }
        if t != x.typ {
            x.typ = t;
            if let Some(e) = x.expr {
                self.update_expr_type(e, t, false);
            }
        }
    }

    /// Converts untyped `x` to `target` (types2 convertUntyped).
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Ok((t, v)) => self.take_implicit(x, t, v),
            Err(why) => {
                let t = if self.w.types.is_type_param(target) {
                    target
                } else {
                    self.w.types.under(target)
                };
                self.invalid_conversion(x, t, why.unwrap_or(cst::NotRepresentable::Invalid));
                x.mode = Mode::Invalid;
            }
        }
    }

    /// Pushes the final type of an untyped expression into it and its
    /// untyped operands (types2 updateExprType).
    pub(crate) fn update_expr_type(&mut self, e: &'a Expr, typ: TypeId, fin: bool) {
        let key = (self.file, e.id);
        let Some(old) = self.untyped.get(&key) else {
            return;
        };
        let has_val = old.val.is_some();
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_type(x, typ, fin),
            ExprKind::Unary(_, x) if !has_val => {
                self.update_expr_type(x, typ, fin);
            }
            ExprKind::Binary(op, x, y) => {
                // Constant operands are never materialized: leave them untyped.
                if has_val || crate::exprstring::is_comparison(*op) {
                } else if matches!(op, Token::Shl | Token::Shr) {
                    self.update_expr_type(x, typ, fin);
                } else {
                    self.update_expr_type(x, typ, fin);
                    self.update_expr_type(y, typ, fin);
                }
            }
            _ => {}
        }
        if !fin && self.w.types.is_untyped(typ) {
            if let Some(u) = self.untyped.get_mut(&key) {
                u.typ = self.w.types.under(typ);
            }
            return;
        }
        if let Some(u) = self.untyped.remove(&key) {
            // The left operand of a non-constant shift must end up an integer.
            if u.is_lhs && self.w.types.is_valid(typ) && !self.w.types.is_integer(typ) {
                let s = crate::exprstring::expr_string(e);
                let ts = self.tstr(typ);
                self.error(
                    e.start(),
                    format!(
                        "{}shifted operand {} (type {}) must be integer",
                        INVALID_OP, s, ts
                    ),
                );
                return;
            }
            self.record_type_and_value(e, u.mode, typ, u.val);
        }
    }

    // -----------------------------------------------------------------------
    // Assignability.

    /// `x` assigned to a variable of type `t` (or `_` when `None`), in
    /// `context`; reports `cannot use ... as ... value in context`.
    pub(crate) fn assignment(&mut self, x: &mut Operand<'a>, t: Option<TypeId>, context: &str) {
        match x.mode {
            Mode::Invalid => return,
            Mode::Constant
            | Mode::Variable
            | Mode::MapIndex
            | Mode::Value
            | Mode::NilValue
            | Mode::CommaOk => {}
            _ => {
                let s = self.op_string(x);
                self.error(
                    x.pos(),
                    format!(
                        "cannot assign {} to {} in {}",
                        s,
                        t.map(|t| self.tstr(t)).unwrap_or_default(),
                        context
                    ),
                );
                x.mode = Mode::Invalid;
                return;
            }
        }
        if self.w.types.is_untyped(x.typ) {
            let mut target = t;
            if t.is_none()
                || t.is_some_and(|t| self.w.types.is_interface(t) && !self.w.types.is_type_param(t))
            {
                if t.is_none() && x.typ == TypeId::UNTYPED_NIL {
                    self.error(x.pos(), format!("use of untyped nil in {}", context));
                    x.mode = Mode::Invalid;
                    return;
                }
                target = Some(self.w.types.default_type(x.typ));
                if t.is_some() && x.mode == Mode::NilValue {
                    target = t;
                }
            }
            let target = target.unwrap_or(x.typ);
            match self.implicit_type_and_value(x, target) {
                Ok((nt, v)) => self.take_implicit(x, nt, v),
                Err(why) => {
                    let s = self.op_string(x);
                    let mut msg = format!(
                        "cannot use {} as {} value in {}",
                        s,
                        self.tstr(target),
                        context
                    );
                    match why {
                        Some(cst::NotRepresentable::Truncated) => msg.push_str(" (truncated)"),
                        Some(cst::NotRepresentable::Overflows) => msg.push_str(" (overflows)"),
                        _ => {}
                    }
                    self.error(x.pos(), msg);
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        }
        if let Type::Signature(s) = self.w.types.get(self.w.types.under(x.typ)) {
            if !s.tparams.is_empty() && s.recv.is_none() {
                let es = x
                    .expr
                    .map(crate::exprstring::expr_string)
                    .unwrap_or_default();
                self.error(
                    x.pos(),
                    format!(
                        "cannot use generic function {} without instantiation in {}",
                        es, context
                    ),
                );
                x.mode = Mode::Invalid;
                return;
            }
        }
        let Some(t) = t else { return };
        let mut cause = String::new();
        if !self.assignable_to(x, t, &mut cause) {
            let s = self.op_string(x);
            let ts = self.tstr(t);
            let msg = if cause.is_empty() {
                format!("cannot use {} as {} value in {}", s, ts, context)
            } else {
                format!("cannot use {} as {} value in {}: {}", s, ts, context, cause)
            };
            self.error(x.pos(), msg);
            x.mode = Mode::Invalid;
        }
    }

    /// Is `x` assignable to `t` (spec "Assignability"); sets `cause`.
    /// types2's commonUnder: the underlying type shared by every type of
    /// `t`'s type set (channels agreeing as for core types), or why there
    /// is none. `cond` may reject a (type, underlying) pair first; `None`
    /// stands for a type set without specific types.
    pub(crate) fn common_under(
        &self,
        t: TypeId,
        cond: impl Fn(&Self, Option<(TypeId, TypeId)>) -> Option<String>,
    ) -> Result<TypeId, String> {
        let pairs: Vec<(TypeId, TypeId)> = if self.w.types.is_type_param(t) {
            match self
                .w
                .types
                .type_set_ref(self.w.types.under(t))
                .and_then(|s| s.terms.clone())
            {
                Some(terms) => terms
                    .iter()
                    .map(|x| (x.typ, self.w.types.under(x.typ)))
                    .collect(),
                None => {
                    return Err(cond(self, None).unwrap_or_else(|| "no specific type".into()));
                }
            }
        } else {
            vec![(t, self.w.types.under(t))]
        };
        let mut cur: Option<(TypeId, TypeId)> = None;
        for (t, u) in pairs {
            if let Some(err) = cond(self, Some((t, u))) {
                return Err(err);
            }
            let Some((ct, cu)) = cur else {
                cur = Some((t, u));
                continue;
            };
            if let (Type::Chan(cd, ce), Type::Chan(d, e)) =
                (self.w.types.get(cu), self.w.types.get(u))
            {
                if !identical(self.w, *ce, *e) {
                    return Err(format!(
                        "channels {} and {} have different element types",
                        self.tstr(ct),
                        self.tstr(t)
                    ));
                }
                if cd == d {
                } else if *cd == ast::ChanDir::Both {
                    cur = Some((t, u));
                } else if *d != ast::ChanDir::Both {
                    return Err(format!(
                        "channels {} and {} have conflicting directions",
                        self.tstr(ct),
                        self.tstr(t)
                    ));
                }
                continue;
            }
            if !identical(self.w, cu, u) {
                return Err(format!(
                    "{} and {} have different underlying types",
                    self.tstr(ct),
                    self.tstr(t)
                ));
            }
        }
        cur.map(|(_, u)| u).ok_or_else(|| "no specific type".into())
    }

    /// The element type of channel operand `x` for a receive (`recv`) or a
    /// send, or why it has none (types2's chanElem causes).
    pub(crate) fn chan_elem(&self, x: &Operand<'a>, recv: bool) -> Result<TypeId, String> {
        let u = self.common_under(x.typ, |c, p| {
            let Some((t, u)) = p else {
                return Some("no specific channel type".into());
            };
            match c.w.types.get(u) {
                Type::Chan(ast::ChanDir::Send, _) if recv => {
                    Some(format!("send-only channel {}", c.tstr(t)))
                }
                Type::Chan(ast::ChanDir::Recv, _) if !recv => {
                    Some(format!("receive-only channel {}", c.tstr(t)))
                }
                Type::Chan(..) => None,
                _ => Some(format!("non-channel {}", c.tstr(t))),
            }
        })?;
        match self.w.types.get(u) {
            Type::Chan(_, e) => Ok(*e),
            _ => Err(format!("non-channel {}", self.tstr(x.typ))),
        }
    }

    /// A pointer to an interface or to a type parameter (types2's isInterfacePtr).
    fn is_interface_ptr(&self, u: TypeId) -> bool {
        match self.w.types.get(u) {
            Type::Pointer(b) => self.w.types.is_interface(*b) || self.w.types.is_type_param(*b),
            _ => false,
        }
    }

    pub(crate) fn assignable_to(&mut self, x: &Operand<'a>, t: TypeId, cause: &mut String) -> bool {
        // As types2: causes name the types behind aliases.
        let orig_t = t;
        let v = self.w.types.unalias(x.typ);
        let t = self.w.types.unalias(t);
        if !self.w.types.is_valid(v)
            || !self.w.types.is_valid(t)
            || self.broken(v)
            || self.broken(t)
        {
            return true;
        }
        if identical(self.w, v, t) {
            return true;
        }
        let (vu, tu) = (self.w.types.under(v), self.w.types.under(t));
        let (vp, tp) = (self.w.types.is_type_param(v), self.w.types.is_type_param(t));
        if self.w.types.is_untyped(vu) {
            if tp {
                return self.implicit_type_and_value(x, t).is_ok();
            }
            if let Type::Basic(k) = self.w.types.get(tu) {
                if x.mode == Mode::NilValue && *k == BasicKind::UnsafePointer {
                    return true;
                }
                return self.implicit_type_and_value(x, t).is_ok();
            }
            return self.implicit_type_and_value(x, t).is_ok();
        }
        let named = |c: &Self, t: TypeId| {
            matches!(
                c.w.types.get(t),
                Type::Named(_) | Type::Basic(_) | Type::TypeParam(_)
            )
        };
        if identical(self.w, vu, tu) && (!named(self, v) || !named(self, t)) && !vp && !tp {
            return true;
        }
        if self.w.types.is_interface(t) && !tp {
            match self.missing_method(v, t) {
                None => {
                    let has_terms = self
                        .w
                        .types
                        .type_set_ref(tu)
                        .is_some_and(|ts| ts.terms.is_some());
                    if !has_terms {
                        return true;
                    }
                }
                Some(m) => {
                    if !vp {
                        *cause =
                            format!("{} does not implement {} {}", self.tstr(v), self.tstr(t), m);
                        return false;
                    }
                }
            }
        }
        if !tp && self.is_interface_ptr(tu) {
            // types2 routes a pointer-to-interface target through
            // `implements` for its cause.
            let ts = self.tstr(t);
            *cause = format!(
                "{} does not implement {} (type {} is pointer to interface, not interface)",
                self.tstr(v),
                ts,
                ts
            );
            if let Type::Pointer(b) = self.w.types.get(tu) {
                if self.w.types.is_type_param(*b) {
                    *cause = format!(
                        "{} does not implement {} (type {} is pointer to type parameter, not type parameter)",
                        self.tstr(v),
                        ts,
                        ts
                    );
                }
            }
            return false;
        }
        if self.w.types.is_interface(v) && !vp {
            if self.missing_method(t, v).is_none() && !self.w.types.is_interface(t) {
                *cause = "need type assertion".into();
            }
            return false;
        }
        if !vp && !tp {
            if let (Type::Chan(ast::ChanDir::Both, ve), Type::Chan(_, te)) =
                (self.w.types.get(vu), self.w.types.get(tu))
            {
                if identical(self.w, *ve, *te) {
                    return !named(self, v) || !named(self, t);
                }
            }
            return false;
        }
        // Type parameters: assignable for every type of the type set; the
        // first failing term is named in the cause.
        if tp && !named(self, v) {
            let terms = self
                .w
                .types
                .type_set_ref(tu)
                .and_then(|ts| ts.terms.clone())
                .unwrap_or_default();
            for term in &terms {
                let mut inner = String::new();
                if !self.assignable_to(x, term.typ, &mut inner) {
                    let msg = format!(
                        "cannot assign {} to {} (in {})",
                        self.tstr(x.typ),
                        self.tstr(term.typ),
                        self.tstr(t)
                    );
                    *cause = join_cause(msg, &inner);
                    return false;
                }
            }
            return !terms.is_empty();
        }
        if vp && !named(self, t) {
            let terms = self
                .w
                .types
                .type_set_ref(vu)
                .and_then(|ts| ts.terms.clone())
                .unwrap_or_default();
            for term in &terms {
                let xv = Operand {
                    mode: x.mode,
                    typ: term.typ,
                    val: None,
                    expr: None,
                    builtin: None,
                    label: None,
                };
                let mut inner = String::new();
                if !self.assignable_to(&xv, t, &mut inner) {
                    let msg = format!(
                        "cannot assign {} (in {}) to {}",
                        self.tstr(term.typ),
                        self.tstr(v),
                        self.tstr(orig_t)
                    );
                    *cause = join_cause(msg, &inner);
                    return false;
                }
            }
            return !terms.is_empty();
        }
        false
    }

    // -----------------------------------------------------------------------
    // Index and slice expressions.

    fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, idx: &'a [Expr]) -> Operand<'a> {
        let x = self.expr_or_type(xe, true);
        if x.is_invalid() {
            for i in idx {
                self.expr_or_type(i, false);
            }
            return Operand::invalid();
        }
        if x.mode == Mode::TypeExpr {
            self.verify_version(e.start(), 18, |_| "type instantiation".into());
            return self.instantiate_type_expr(e, &x, idx);
        }
        if let Type::Signature(s) = self.w.types.get(x.typ) {
            if !s.tparams.is_empty() {
                self.verify_version(e.pos, 18, |_| "function instantiation".into());
                return self.instantiate_func_expr(e, x, idx);
            }
        }
        // Indexing a value of a type still being declared, or through a
        // pointer to one, or a map whose element type is (types2's
        // isComplete).
        if !self.is_complete(x.typ) {
            return Operand::invalid();
        }
        match self.w.types.get(self.w.types.under(x.typ)).clone() {
            Type::Pointer(t) | Type::Map(_, t) if !self.is_complete(t) => {
                return Operand::invalid();
            }
            _ => {}
        }
        if idx.len() != 1 {
            self.error(
                idx.get(1).map(|i| i.start()).unwrap_or(e.pos),
                format!("{}more than one index", INVALID_OP),
            );
            return Operand::invalid();
        }
        let ie = &idx[0];
        let mut u = self.w.core_type(x.typ).unwrap_or(TypeId::INVALID);
        if u == TypeId::INVALID {
            if let Some((el, addressable)) = self.common_index_elem(x.typ) {
                self.index(ie, -1);
                let mode = if addressable || x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                return Operand::new(mode, el, e);
            }
            u = TypeId::INVALID;
        }
        let (mode, typ, length) = match self.w.types.get(u).clone() {
            Type::Basic(_) if self.w.types.is_string(u) => {
                let len = if x.mode == Mode::Constant {
                    x.val.as_ref().map(|v| v.string_len() as i64).unwrap_or(-1)
                } else {
                    -1
                };
                (Mode::Value, TypeId::BYTE, len)
            }
            Type::Array(n, el) => (
                if x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                },
                el,
                n,
            ),
            Type::Pointer(b) => match self.w.types.get(self.w.types.under(b)).clone() {
                Type::Array(n, el) => (Mode::Variable, el, n),
                _ => (Mode::Invalid, TypeId::INVALID, -1),
            },
            Type::Slice(el) => (Mode::Variable, el, -1),
            Type::Map(k, v) => {
                let mut key = self.expr_hint(ie, Some(k));
                if !key.is_invalid() {
                    self.assignment(&mut key, Some(k), "map index");
                }
                return Operand::new(Mode::MapIndex, v, e);
            }
            _ => (Mode::Invalid, TypeId::INVALID, -1),
        };
        if mode == Mode::Invalid {
            let s = self.op_string(&x);
            self.error(e.pos, format!("cannot index {}", s));
            self.expr(ie);
            return Operand::invalid();
        }
        // Indexing a constant string gives a byte value, not a constant.
        self.index(ie, length);
        Operand::new(mode, typ, e)
    }

    /// For a type parameter without core type: the element type shared by
    /// all its (indexable, non-map) types.
    fn common_index_elem(&self, t: TypeId) -> Option<(TypeId, bool)> {
        let Type::TypeParam(p) = self.w.types.get(t) else {
            return None;
        };
        let terms = self.w.types.type_set_ref(p.bound)?.terms.clone()?;
        let mut elem: Option<TypeId> = None;
        let mut addressable = true;
        for term in terms {
            let u = self.w.types.under(term.typ);
            let el = match self.w.types.get(u) {
                Type::Slice(e) => *e,
                Type::Array(_, e) => {
                    addressable = false;
                    *e
                }
                Type::Pointer(b) => match self.w.types.get(self.w.types.under(*b)) {
                    Type::Array(_, e) => *e,
                    _ => return None,
                },
                Type::Basic(_) if self.w.types.is_string(u) => {
                    addressable = false;
                    TypeId::BYTE
                }
                _ => return None,
            };
            match elem {
                None => elem = Some(el),
                Some(e) if identical(self.w, e, el) => {}
                Some(_) => return None,
            }
        }
        elem.map(|e| (e, addressable))
    }

    /// Checks an index expression; returns its constant value if known.
    /// `max` is the length (or -1 when unknown).
    pub(crate) fn index(&mut self, ie: &'a Expr, max: i64) -> Option<i64> {
        let mut x = self.expr(ie);
        if x.is_invalid() {
            return None;
        }
        self.convert_untyped(&mut x, TypeId::INT);
        if x.is_invalid() {
            return None;
        }
        if !self.all(x.typ, |t, u| t.is_integer(u)) {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!("invalid argument: index {} must be integer", s),
            );
            return None;
        }
        if x.mode == Mode::Constant {
            let v = x.val.clone().unwrap_or_else(cst::Value::unknown);
            if v.sign() < 0 {
                let s = self.op_string(&x);
                self.error(
                    x.pos(),
                    format!("invalid argument: index {} must not be negative", s),
                );
                return None;
            }
            if cst::representable(&v, BasicKind::Int).is_err() {
                let s = self.op_string(&x);
                self.error(
                    x.pos(),
                    format!("invalid argument: index {} overflows int", s),
                );
                return None;
            }
            let iv = v.int64_val();
            if let Some(i) = iv {
                if max >= 0 && i >= max {
                    let s = crate::exprstring::expr_string(ie);
                    self.error(
                        x.pos(),
                        format!("invalid argument: index {} out of bounds [0:{}]", s, max),
                    );
                    return None;
                }
            }
            return iv;
        }
        None
    }

    fn slice_expr(&mut self, e: &'a Expr, s: &'a ast::SliceExpr) -> Operand<'a> {
        let x = self.expr(&s.x);
        if x.is_invalid() {
            for i in s.index.iter().flatten() {
                self.expr(i);
            }
            return Operand::invalid();
        }
        let u = self.w.core_string(x.typ).unwrap_or(TypeId::INVALID);
        let mut length = -1;
        let (mode, typ) = match self.w.types.get(u).clone() {
            Type::Basic(_) if self.w.types.is_string(u) => {
                if s.full {
                    self.error(
                        s.index[2].as_ref().map(|i| i.start()).unwrap_or(e.pos),
                        format!("{}3-index slice of string", INVALID_OP),
                    );
                    return Operand::invalid();
                }
                if x.mode == Mode::Constant {
                    length = x.val.as_ref().map(|v| v.string_len() as i64).unwrap_or(-1);
                }
                let t = if self.w.types.is_untyped(x.typ) {
                    TypeId::STRING
                } else {
                    x.typ
                };
                (Mode::Value, t)
            }
            Type::Array(n, el) => {
                if x.mode != Mode::Variable {
                    let sx = self.op_string(&x);
                    self.error(x.pos(), format!("cannot slice unaddressable value {}", sx));
                    return Operand::invalid();
                }
                length = n;
                (Mode::Value, self.w.types.slice(el))
            }
            Type::Pointer(b) => match self.w.types.get(self.w.types.under(b)).clone() {
                Type::Array(n, el) => {
                    length = n;
                    (Mode::Value, self.w.types.slice(el))
                }
                _ => (Mode::Invalid, TypeId::INVALID),
            },
            Type::Slice(_) => (Mode::Value, x.typ),
            _ => (Mode::Invalid, TypeId::INVALID),
        };
        if mode == Mode::Invalid {
            let sx = self.op_string(&x);
            self.error(x.pos(), format!("cannot slice {}", sx));
            return Operand::invalid();
        }
        if s.full && (s.index[1].is_none() || s.index[2].is_none()) {
            self.error(e.pos, "middle index required in 3-index slice");
            return Operand::invalid();
        }
        let cap = if length >= 0 { length + 1 } else { -1 };
        let mut vals: Vec<(Option<i64>, Option<&'a Expr>)> = Vec::new();
        for i in s.index.iter() {
            match i {
                Some(ie) => vals.push((self.index(ie, cap), Some(ie))),
                None => vals.push((None, None)),
            }
        }
        // Constant indices must be non-decreasing.
        for i in 0..vals.len() {
            if let (Some(a), _) = vals[i] {
                for j in i + 1..vals.len() {
                    if let (Some(b), Some(be)) = vals[j] {
                        if b < a {
                            self.error(be.start(), format!("invalid slice indices: {} < {}", b, a));
                            return Operand::new(mode, typ, e);
                        }
                    }
                }
            }
        }
        Operand::new(mode, typ, e)
    }

    fn type_assert(&mut self, e: &'a Expr, xe: &'a Expr, t: Option<&'a Expr>) -> Operand<'a> {
        let Some(te) = t else {
            self.error(
                e.start(),
                "invalid syntax tree: use of .(type) outside type switch",
            );
            return Operand::invalid();
        };
        let x = self.expr(xe);
        if x.is_invalid() {
            self.type_expr(te);
            return Operand::invalid();
        }
        if self.w.types.is_type_param(x.typ) {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!(
                    "{}cannot use type assertion on type parameter value {}",
                    INVALID_OP, s
                ),
            );
            return Operand::invalid();
        }
        if !self.w.types.is_interface(x.typ) {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("{}{} is not an interface", INVALID_OP, s));
            self.type_expr(te);
            return Operand::invalid();
        }
        let t = self.var_type(te);
        if !self.w.types.is_valid(t) {
            return Operand::invalid();
        }
        self.type_assertion(e, &x, t, false);
        Operand::new(Mode::CommaOk, t, e)
    }

    /// Reports an impossible type assertion `x.(T)`.
    pub(crate) fn type_assertion(
        &mut self,
        e: &'a Expr,
        x: &Operand<'a>,
        t: TypeId,
        type_switch: bool,
    ) {
        if self.w.types.is_interface(t) || self.w.types.is_type_param(t) {
            return;
        }
        if let Some(cause) = self.missing_method(t, x.typ) {
            let ts = self.tstr(t);
            if type_switch {
                let xo = self.op_string(x);
                self.error(
                    e.start(),
                    format!(
                        "impossible type switch case: {}\n\t{} cannot have dynamic type {} {}",
                        crate::exprstring::expr_string(e),
                        xo,
                        ts,
                        cause
                    ),
                );
            } else {
                self.error(
                    e.start(),
                    format!(
                        "impossible type assertion: {}\n\t{} does not implement {} {}",
                        crate::exprstring::expr_string(e),
                        ts,
                        self.tstr(x.typ),
                        cause
                    ),
                );
            }
        }
    }
}

/// `1st function result`, `2nd ...` (types2's nth).
pub(crate) fn nth(n: usize, what: &str) -> String {
    let ext = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{}{} {}", n, ext, what)
}

/// The operator name for `constant <op> overflow`.
fn op_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Binary(op, ..) => match op {
            Token::Add => "addition",
            Token::Sub => "subtraction",
            Token::Xor => "bitwise XOR",
            Token::Mul => "multiplication",
            Token::Shl => "shift",
            _ => "",
        },
        ExprKind::Unary(op, _) => match op {
            Token::Sub => "negation",
            Token::Xor => "bitwise complement",
            _ => "",
        },
        _ => "",
    }
}

/// The longest constant string types2 accepts (cmd/internal/obj.MaxSymSize).
const MAX_CONST_STRING: u64 = 2_000_000_000;

/// types2's check for a complex divisor `c+di` whose `c²` and `d²` both
/// underflow to zero (go.dev/issue/20227): the division is by zero.
fn complex_divisor_underflows(y: &cst::Value) -> bool {
    let sq = |v: cst::Value| {
        v.binary_op(BinaryOp::Mul, &v)
            .map(|p| p.sign() == 0)
            .unwrap_or(false)
    };
    sq(y.real()) && sq(y.imag())
}

/// types2's cause chaining: `msg`, then the inner cause on its own line.
fn join_cause(msg: String, inner: &str) -> String {
    if inner.is_empty() {
        msg
    } else {
        format!("{}\n\t{}", msg, inner)
    }
}
