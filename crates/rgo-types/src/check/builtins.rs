//! Calls of the predeclared functions and of package unsafe's functions,
//! with types2's argument rules and messages; `unsafe.Sizeof/Alignof/
//! Offsetof` are constants computed with the linux/amd64 layout.

use super::expr::INVALID_OP;
use super::*;
use crate::constant::{self as cst, Kind};
use crate::predicates::identical;
use rgo_syntax::ast::ExprKind;

impl<'a, 'w> Checker<'a, 'w> {
    pub(crate) fn builtin_call(
        &mut self,
        e: &'a Expr,
        c: &'a ast::CallExpr,
        b: Builtin,
    ) -> Operand<'a> {
        let name = b.name();
        let (min, variadic) = b.arity();
        if c.has_dots && b != Builtin::Append {
            self.error(
                e.start(),
                format!("{}invalid use of ... with built-in {}", INVALID_OP, name),
            );
            self.use_exprs(&c.args);
            return Operand::invalid();
        }
        // make, new and the unsafe Offsetof take unevaluated arguments.
        let mut args: Vec<Operand<'a>> = Vec::new();
        let lazy = matches!(b, Builtin::Make | Builtin::New | Builtin::Offsetof);
        if !lazy {
            // types2's exprList: a multi-value call's results are named
            // `1st function result`, ... in messages.
            args = if c.args.len() == 1 {
                self.multi_expr(&c.args[0], false)
            } else {
                self.call_args(&c.args)
            };
            if args.iter().any(|a| a.is_invalid()) || (args.is_empty() && !c.args.is_empty()) {
                return Operand::invalid();
            }
        }
        let n = if lazy { c.args.len() } else { args.len() };
        if n < min || (!variadic && n > min) {
            let es = crate::exprstring::expr_string(e);
            let msg = if n < min { "not enough" } else { "too many" };
            if b == Builtin::Make && n > min {
                self.error(
                    e.start(),
                    format!("{}{} expects 2 or 3 arguments; found {}", INVALID_OP, es, n),
                );
            } else {
                self.error(
                    e.start(),
                    format!(
                        "{}{} arguments for {} (expected {}, found {})",
                        INVALID_OP, msg, es, min, n
                    ),
                );
            }
            return Operand::invalid();
        }
        // The language version each builtin needs (types2 reports it before
        // checking the arguments, and goes on).
        let since = match b {
            Builtin::Add | Builtin::Slice => 17,
            Builtin::SliceData | Builtin::String | Builtin::StringData => 20,
            Builtin::Clear | Builtin::Min | Builtin::Max => 21,
            _ => 0,
        };
        if since > 0 {
            let what = match b {
                Builtin::Clear => name.to_string(),
                Builtin::Min | Builtin::Max => format!("built-in {name}"),
                _ => format!("unsafe.{name}"),
            };
            self.verify_version(c.fun.start(), since, |_| what);
        }
        let str_arg = |c: &Self, x: &Operand<'a>| c.op_string(x);
        match b {
            Builtin::Len | Builtin::Cap => {
                let mut x = args.remove(0);
                let mut mode = Mode::Invalid;
                let mut val = None;
                let u = self.w.core_type(x.typ).unwrap_or(self.w.types.under(x.typ));
                let u = match self.w.types.get(u) {
                    Type::Pointer(p)
                        if matches!(self.w.types.get(self.w.types.under(*p)), Type::Array(..)) =>
                    {
                        self.w.types.under(*p)
                    }
                    _ => u,
                };
                match self.w.types.get(u).clone() {
                    Type::Basic(_) if self.w.types.is_string(u) && b == Builtin::Len => {
                        if x.mode == Mode::Constant {
                            mode = Mode::Constant;
                            val = x
                                .val
                                .as_ref()
                                .map(|v| cst::Value::from_i64(v.string_len() as i64));
                        } else {
                            mode = Mode::Value;
                        }
                    }
                    Type::Array(n, _) => {
                        mode = if contains_call_or_recv(self, x.expr) {
                            Mode::Value
                        } else {
                            Mode::Constant
                        };
                        if mode == Mode::Constant {
                            val = Some(cst::Value::from_i64(n));
                        }
                    }
                    Type::Slice(_) | Type::Chan(..) => mode = Mode::Value,
                    Type::Map(..) if b == Builtin::Len => mode = Mode::Value,
                    _ => {}
                }
                if mode == Mode::Invalid && self.len_all_terms(x.typ, b == Builtin::Len) {
                    mode = Mode::Value;
                }
                if mode == Mode::Invalid {
                    let s = str_arg(self, &x);
                    self.error(
                        x.pos(),
                        format!("invalid argument: {} for built-in {}", s, name),
                    );
                    return Operand::invalid();
                }
                if self.w.types.is_untyped(x.typ) {
                    self.convert_untyped(&mut x, TypeId::STRING);
                }
                let mut r = Operand::new(mode, TypeId::INT, e);
                r.val = val;
                r
            }
            Builtin::Append => {
                let x = args.remove(0);
                let u = self.w.core_type(x.typ).unwrap_or(TypeId::INVALID);
                let elem = match self.w.types.get(u) {
                    Type::Slice(el) => *el,
                    _ => {
                        if x.mode == Mode::NilValue {
                            self.error(
                                x.pos(),
                                "invalid append: argument must be a slice; have untyped nil",
                            );
                        } else {
                            let s = str_arg(self, &x);
                            self.error(
                                x.pos(),
                                format!("invalid append: argument must be a slice; have {}", s),
                            );
                        }
                        return Operand::invalid();
                    }
                };
                let st = x.typ;
                if c.has_dots {
                    if args.len() != 1 {
                        let at = c.args.last().map(|a| a.start()).unwrap_or(e.pos);
                        let what = if args.is_empty() {
                            "not enough"
                        } else {
                            "too many"
                        };
                        let mut have = vec![x.typ];
                        have.extend(args.iter().map(|a| a.typ));
                        let have = self.type_list_summary(&have, false);
                        let have = format!("{}...)", have.trim_end_matches(')'));
                        let sl = self.w.types.slice(elem);
                        let want = self.type_list_summary(&[st, sl], true);
                        self.error(
                            at,
                            format!(
                                "{} arguments in call to append\n\thave {}\n\twant {}",
                                what, have, want
                            ),
                        );
                        return Operand::invalid();
                    }
                    let mut y = args.remove(0);
                    // append([]byte, s...) is allowed when s's type set
                    // holds only strings and byte slices, a string among them.
                    if self.w.types.basic_kind(elem) == Some(crate::constant::BasicKind::Uint8)
                        && self.bytes_or_string(y.typ)
                    {
                        self.convert_untyped(&mut y, TypeId::STRING);
                        return Operand::new(Mode::Value, st, e);
                    }
                    let target = self.w.core_type(st).unwrap_or(st);
                    self.assignment(&mut y, Some(target), "argument to append");
                    return Operand::new(Mode::Value, st, e);
                }
                for a in args.iter_mut() {
                    self.assignment(a, Some(elem), "argument to append");
                }
                Operand::new(Mode::Value, st, e)
            }
            Builtin::Make => {
                let t = self.var_type(&c.args[0]);
                if !self.w.types.is_valid(t) {
                    for a in &c.args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid();
                }
                let u = self.w.core_type(t).unwrap_or(TypeId::INVALID);
                let min = match self.w.types.get(u) {
                    Type::Slice(_) => 2,
                    Type::Map(..) | Type::Chan(..) => 1,
                    _ => {
                        let es = crate::exprstring::expr_string(&c.args[0]);
                        self.error(
                            c.args[0].start(),
                            format!(
                                "invalid argument: cannot make {}: type must be slice, map, or channel",
                                es
                            ),
                        );
                        for a in &c.args[1..] {
                            self.expr(a);
                        }
                        return Operand::invalid();
                    }
                };
                let n = c.args.len();
                if n < min || n > min + 1 {
                    let es = crate::exprstring::expr_string(e);
                    self.error(
                        e.start(),
                        format!(
                            "{}{} expects {} or {} arguments; found {}",
                            INVALID_OP,
                            es,
                            min,
                            min + 1,
                            n
                        ),
                    );
                    return Operand::invalid();
                }
                let mut sizes = Vec::new();
                for a in &c.args[1..] {
                    if let Some(v) = self.size_arg(a) {
                        sizes.push(v);
                    }
                }
                if sizes.len() == 2 && sizes[0] > sizes[1] {
                    self.error(
                        c.args[1].start(),
                        "invalid argument: length and capacity swapped".to_string(),
                    );
                }
                Operand::new(Mode::Value, t, e)
            }
            Builtin::New => {
                let Some(t) = self.new_arg(&c.fun, &c.args[0]) else {
                    return Operand::invalid();
                };
                let p = self.w.types.pointer(t);
                Operand::new(Mode::Value, p, e)
            }
            Builtin::Delete => {
                let m = &args[0];
                // types2's underIs: every type of the type set must be a
                // map, all with identical key types.
                let unders = self.w.under_types(m.typ).unwrap_or(vec![TypeId::INVALID]);
                let mut key: Option<TypeId> = None;
                for u in unders {
                    let msg = match self.w.types.get(u) {
                        Type::Map(k, _) => match key {
                            Some(prev) if !identical(self.w, prev, *k) => {
                                "maps of {} must have identical key types"
                            }
                            _ => {
                                key = Some(*k);
                                continue;
                            }
                        },
                        _ => "{} is not a map",
                    };
                    let s = str_arg(self, m);
                    self.error(
                        m.pos(),
                        format!("invalid argument: {}", msg.replace("{}", &s)),
                    );
                    return Operand::invalid();
                }
                let k = key.unwrap_or(TypeId::INVALID);
                let mut key = args[1].clone();
                self.assignment(&mut key, Some(k), "argument to delete");
                Operand::new(Mode::NoValue, TypeId::EMPTY_TUPLE, e)
            }
            Builtin::Close => {
                let x = &args[0];
                // types2's underIs: every type of the type set must be a
                // channel that is not receive-only.
                let unders = self.w.under_types(x.typ).unwrap_or(vec![TypeId::INVALID]);
                for u in unders {
                    let msg = match self.w.types.get(u) {
                        Type::Chan(ast::ChanDir::Recv, _) => "cannot close receive-only channel",
                        Type::Chan(..) => continue,
                        _ => "cannot close non-channel",
                    };
                    let s = str_arg(self, x);
                    self.error(x.pos(), format!("invalid operation: {} {}", msg, s));
                    return Operand::invalid();
                }
                Operand::new(Mode::NoValue, TypeId::EMPTY_TUPLE, e)
            }
            Builtin::Copy => {
                let (x, y) = (args[0].clone(), args[1].clone());
                let dst = match self
                    .w
                    .types
                    .get(self.w.core_type(x.typ).unwrap_or(TypeId::INVALID))
                {
                    Type::Slice(el) => *el,
                    _ => {
                        let s = if x.mode == Mode::NilValue {
                            "untyped nil".into()
                        } else {
                            str_arg(self, &x)
                        };
                        self.error(
                            x.pos(),
                            format!("invalid copy: argument must be a slice; have {}", s),
                        );
                        return Operand::invalid();
                    }
                };
                let src = match self
                    .w
                    .types
                    .get(self.w.core_type(y.typ).unwrap_or(TypeId::INVALID))
                {
                    Type::Slice(el) => *el,
                    _ if self.w.types.is_string(y.typ) => TypeId::BYTE,
                    _ => {
                        let s = if y.mode == Mode::NilValue {
                            "untyped nil".into()
                        } else {
                            str_arg(self, &y)
                        };
                        self.error(
                            y.pos(),
                            format!("invalid copy: argument must be a slice; have {}", s),
                        );
                        return Operand::invalid();
                    }
                };
                if !identical(self.w, dst, src) {
                    let (xs, ys) = (str_arg(self, &x), str_arg(self, &y));
                    self.error(
                        x.pos(),
                        format!(
                            "invalid copy: arguments {} and {} have different element types {} and {}",
                            xs,
                            ys,
                            self.tstr(dst),
                            self.tstr(src)
                        ),
                    );
                    return Operand::invalid();
                }
                if let Some(ye) = y.expr {
                    if self.w.types.is_untyped(y.typ) {
                        self.update_expr_type(ye, TypeId::STRING, true);
                    }
                }
                Operand::new(Mode::Value, TypeId::INT, e)
            }
            Builtin::Clear => {
                let x = &args[0];
                match self
                    .w
                    .types
                    .get(self.w.core_type(x.typ).unwrap_or(TypeId::INVALID))
                {
                    Type::Map(..) | Type::Slice(_) => {}
                    _ => {
                        let s = str_arg(self, x);
                        self.error(
                            x.pos(),
                            format!("invalid argument: {} is not a map or slice", s),
                        );
                        return Operand::invalid();
                    }
                }
                Operand::new(Mode::NoValue, TypeId::EMPTY_TUPLE, e)
            }
            Builtin::Panic => {
                let mut x = args.remove(0);
                self.assignment(&mut x, Some(TypeId::EMPTY_INTERFACE), "argument to panic");
                Operand::new(Mode::NoValue, TypeId::EMPTY_TUPLE, e)
            }
            Builtin::Print | Builtin::Println => {
                for a in args.iter_mut() {
                    self.assignment(a, None, &format!("argument to built-in {}", name));
                }
                Operand::new(Mode::NoValue, TypeId::EMPTY_TUPLE, e)
            }
            Builtin::Recover => Operand::new(Mode::Value, TypeId::EMPTY_INTERFACE, e),
            Builtin::Complex => self.builtin_complex(e, args),
            Builtin::Real | Builtin::Imag => self.builtin_real_imag(e, b, args.remove(0)),
            Builtin::Min | Builtin::Max => self.builtin_min_max(e, b, args),
            Builtin::Sizeof | Builtin::Alignof => {
                let mut x = args.remove(0);
                self.assignment(&mut x, None, &format!("argument to unsafe.{}", name));
                if x.is_invalid() {
                    return Operand::invalid();
                }
                // Not a constant when a type parameter decides the size.
                if self.has_var_size(x.typ) {
                    return Operand::new(Mode::Value, TypeId::UINTPTR, e);
                }
                let v = if b == Builtin::Sizeof {
                    self.w.sizeof(x.typ)
                } else {
                    self.w.alignof(x.typ)
                };
                let mut r = Operand::new(Mode::Constant, TypeId::UINTPTR, e);
                r.val = Some(cst::Value::from_i64(v));
                r
            }
            Builtin::Offsetof => self.builtin_offsetof(e, &c.args[0]),
            Builtin::Add => {
                let mut y = args[1].clone();
                self.assignment(
                    &mut args[0],
                    Some(TypeId::UNSAFE_POINTER),
                    "argument to unsafe.Add",
                );
                self.convert_untyped(&mut y, TypeId::INT);
                Operand::new(Mode::Value, TypeId::UNSAFE_POINTER, e)
            }
            Builtin::Slice => {
                let x = &args[0];
                let Type::Pointer(el) = self.w.types.get(self.w.types.under(x.typ)).clone() else {
                    let s = str_arg(self, x);
                    self.error(x.pos(), format!("invalid argument: {} is not a pointer", s));
                    return Operand::invalid();
                };
                let mut y = args[1].clone();
                self.convert_untyped(&mut y, TypeId::INT);
                let t = self.w.types.slice(el);
                Operand::new(Mode::Value, t, e)
            }
            Builtin::SliceData => {
                let x = &args[0];
                let Type::Slice(el) = self.w.types.get(self.w.types.under(x.typ)).clone() else {
                    let s = str_arg(self, x);
                    self.error(x.pos(), format!("invalid argument: {} is not a slice", s));
                    return Operand::invalid();
                };
                let t = self.w.types.pointer(el);
                Operand::new(Mode::Value, t, e)
            }
            Builtin::String => {
                let mut x = args[0].clone();
                let pb = self.w.types.pointer(TypeId::BYTE);
                self.assignment(&mut x, Some(pb), "argument to unsafe.String");
                let mut y = args[1].clone();
                self.convert_untyped(&mut y, TypeId::INT);
                Operand::new(Mode::Value, TypeId::STRING, e)
            }
            Builtin::StringData => {
                let mut x = args[0].clone();
                self.assignment(
                    &mut x,
                    Some(TypeId::STRING),
                    "argument to unsafe.StringData",
                );
                let pb = self.w.types.pointer(TypeId::BYTE);
                Operand::new(Mode::Value, pb, e)
            }
        }
    }

    /// A make size argument: a non-negative integer; its constant value.
    fn size_arg(&mut self, a: &'a Expr) -> Option<i64> {
        self.index(a, -1)
    }

    fn builtin_complex(&mut self, e: &'a Expr, mut args: Vec<Operand<'a>>) -> Operand<'a> {
        let mut y = args.pop().unwrap_or_else(Operand::invalid);
        let mut x = args.pop().unwrap_or_else(Operand::invalid);
        let to_float = |c: &mut Self, x: &mut Operand<'a>| {
            if x.mode == Mode::Constant
                && c.w.types.is_untyped(x.typ)
                && c.w.types.is_numeric(x.typ)
            {
                if let Some(v) = &x.val {
                    let f = v.to_float();
                    if f.kind() == Kind::Float {
                        x.val = Some(f);
                        x.typ = TypeId::UNTYPED_FLOAT;
                    }
                }
            }
        };
        let (xu, yu) = (
            self.w.types.is_untyped(x.typ),
            self.w.types.is_untyped(y.typ),
        );
        match (xu, yu) {
            (false, false) => {}
            (true, false) => self.convert_untyped(&mut x, y.typ),
            (false, true) => self.convert_untyped(&mut y, x.typ),
            (true, true) => {
                if x.mode == Mode::Constant && y.mode == Mode::Constant {
                    to_float(self, &mut x);
                    to_float(self, &mut y);
                } else {
                    self.convert_untyped(&mut x, TypeId::FLOAT64);
                    self.convert_untyped(&mut y, TypeId::FLOAT64);
                }
            }
        }
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if !identical(self.w, x.typ, y.typ) {
            let es = crate::exprstring::expr_string(e);
            let (xs, ys) = (self.tstr(x.typ), self.tstr(y.typ));
            self.error(
                x.pos(),
                format!("{}{} (mismatched types {} and {})", INVALID_OP, es, xs, ys),
            );
            return Operand::invalid();
        }
        let res = match self.w.types.basic_kind(x.typ) {
            Some(crate::constant::BasicKind::Float32) => TypeId::COMPLEX64,
            Some(crate::constant::BasicKind::Float64) => TypeId::COMPLEX128,
            Some(crate::constant::BasicKind::UntypedFloat) => TypeId::UNTYPED_COMPLEX,
            _ => {
                let ts = self.tstr(x.typ);
                self.error(
                    x.pos(),
                    format!("invalid argument: arguments have type {ts}, expected floating-point"),
                );
                return Operand::invalid();
            }
        };
        let mut r = Operand::new(Mode::Value, res, e);
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            r.mode = Mode::Constant;
            let (xv, yv) = (
                x.val.clone().unwrap_or_else(cst::Value::unknown),
                y.val.clone().unwrap_or_else(cst::Value::unknown),
            );
            let im = cst::Value::make_imag(&yv);
            r.val = Some(
                xv.binary_op(cst::BinaryOp::Add, &im)
                    .unwrap_or_else(|_| cst::Value::unknown()),
            );
        }
        r
    }

    fn builtin_real_imag(&mut self, e: &'a Expr, b: Builtin, mut x: Operand<'a>) -> Operand<'a> {
        if x.mode == Mode::Constant
            && self.w.types.is_untyped(x.typ)
            && self.w.types.is_numeric(x.typ)
        {
            if let Some(v) = &x.val {
                x.val = Some(v.to_complex());
                x.typ = TypeId::UNTYPED_COMPLEX;
            }
        } else if x.mode != Mode::Constant && self.w.types.is_untyped(x.typ) {
            // An untyped non-constant argument holds a not yet typed
            // shift: as complex128 the shift is the error (types2).
            self.convert_untyped(&mut x, TypeId::COMPLEX128);
            if x.is_invalid() {
                return Operand::invalid();
            }
        }
        let res = match self.w.types.basic_kind(x.typ) {
            Some(crate::constant::BasicKind::Complex64) => TypeId::FLOAT32,
            Some(crate::constant::BasicKind::Complex128) => TypeId::FLOAT64,
            Some(crate::constant::BasicKind::UntypedComplex) => TypeId::UNTYPED_FLOAT,
            _ => {
                let ts = self.tstr(x.typ);
                self.error(
                    x.pos(),
                    format!("invalid argument: argument has type {ts}, expected complex type"),
                );
                return Operand::invalid();
            }
        };
        let mut r = Operand::new(Mode::Value, res, e);
        if x.mode == Mode::Constant {
            r.mode = Mode::Constant;
            let v = x.val.clone().unwrap_or_else(cst::Value::unknown);
            r.val = Some(if b == Builtin::Real {
                v.real()
            } else {
                v.imag()
            });
        }
        r
    }

    fn builtin_min_max(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        mut args: Vec<Operand<'a>>,
    ) -> Operand<'a> {
        for a in &args {
            if !self.all(a.typ, |t, u| t.is_ordered(u)) {
                let s = self.op_string(a);
                self.error(
                    a.pos(),
                    format!("invalid argument: {} cannot be ordered", s),
                );
                return Operand::invalid();
            }
        }
        let mut x = args.remove(0);
        for mut y in args {
            self.match_types(&mut x, &mut y);
            if x.is_invalid() || y.is_invalid() {
                return Operand::invalid();
            }
            if !identical(self.w, x.typ, y.typ) {
                let es = crate::exprstring::expr_string(e);
                let (xs, ys) = (self.tstr(x.typ), self.tstr(y.typ));
                self.error(
                    x.pos(),
                    format!("{}{} (mismatched types {} and {})", INVALID_OP, es, xs, ys),
                );
                return Operand::invalid();
            }
            if x.mode == Mode::Constant && y.mode == Mode::Constant {
                let (xv, yv) = (
                    x.val.clone().unwrap_or_else(cst::Value::unknown),
                    y.val.clone().unwrap_or_else(cst::Value::unknown),
                );
                let op = if b == Builtin::Min {
                    cst::CmpOp::Lss
                } else {
                    cst::CmpOp::Gtr
                };
                if yv.compare(op, &xv).unwrap_or(false) {
                    x.val = Some(yv);
                }
            } else {
                x.mode = Mode::Value;
                x.val = None;
            }
        }
        if x.mode != Mode::Constant && self.w.types.is_untyped(x.typ) {
            let d = self.w.types.default_type(x.typ);
            x.typ = d;
        }
        let mut r = Operand::new(x.mode, x.typ, e);
        r.val = x.val;
        r
    }

    fn builtin_offsetof(&mut self, e: &'a Expr, a: &'a Expr) -> Operand<'a> {
        let inner = a.unparen();
        let ExprKind::Selector(xe, sel) = &inner.kind else {
            let es = crate::exprstring::expr_string(a);
            self.error(
                a.start(),
                format!("invalid argument: {} is not a selector expression", es),
            );
            self.expr(a);
            return Operand::invalid();
        };
        let x = self.expr(xe);
        if x.is_invalid() {
            return Operand::invalid();
        }
        // A pointer to a struct is dereferenced first (types2 derefStructPtr).
        let mut base = x.typ;
        if let Type::Pointer(b) = self.w.types.get(self.w.types.under(base)) {
            if matches!(self.w.types.get(self.w.types.under(*b)), Type::Struct(_)) {
                base = *b;
            }
        }
        match self
            .w
            .lookup_field_or_method(base, false, Some(self.pkg), &sel.name)
        {
            crate::lookup::Lookup::Found {
                obj,
                index,
                indirect,
                ..
            } if matches!(self.w.obj(obj).kind, ObjKind::Var(_)) => {
                if indirect {
                    let ts = self.tstr(base);
                    self.error(
                        a.start(),
                        format!(
                            "invalid argument: field {} is embedded via a pointer in {}",
                            sel.name, ts
                        ),
                    );
                    return Operand::invalid();
                }
                self.record_use(sel.id, obj);
                let ft = self.w.obj(obj).typ;
                self.record_type_and_value(inner, Mode::Variable, ft, None);
                self.record_selection(
                    inner,
                    crate::check::Selection {
                        kind: crate::check::SelectionKind::FieldVal,
                        recv: base,
                        obj,
                        index: index.clone(),
                        indirect: false,
                        typ: ft,
                    },
                );
                // The offset is a variable when a type parameter decides
                // the struct's layout (even for fields before that part).
                if self.has_var_size(base) {
                    return Operand::new(Mode::Value, TypeId::UINTPTR, e);
                }
                // Sum the offsets along the embedding path.
                let mut off = 0i64;
                let mut t = base;
                for &i in &index {
                    let Type::Struct(s) = self.w.types.get(self.w.types.under(t)).clone() else {
                        break;
                    };
                    let offs = self.w.offsetsof(&s.fields);
                    off += offs.get(i).copied().unwrap_or(0);
                    t = s
                        .fields
                        .get(i)
                        .map(|f| self.w.obj(*f).typ)
                        .unwrap_or(TypeId::INVALID);
                }
                let mut r = Operand::new(Mode::Constant, TypeId::UINTPTR, e);
                r.val = Some(cst::Value::from_i64(off));
                r
            }
            crate::lookup::Lookup::Found { .. } => {
                let es = crate::exprstring::expr_string(inner);
                self.error(
                    a.start(),
                    format!("invalid argument: {} is a method value", es),
                );
                Operand::invalid()
            }
            _ => {
                let es = crate::exprstring::expr_string(inner);
                let ts = self.tstr(base);
                self.error(
                    sel.pos,
                    format!(
                        "{} undefined (type {} has no field or method {})",
                        es, ts, sel.name
                    ),
                );
                Operand::invalid()
            }
        }
    }
}

/// Does the expression contain a (non-constant) call or receive? (`len`
/// of an array is then not constant.)
impl Checker<'_, '_> {
    /// Is every type of `t`'s type set `string` or `[]byte`, with at
    /// least one string (append's special case)?
    fn bytes_or_string(&self, t: TypeId) -> bool {
        let Some(unders) = self.w.under_types(t) else {
            return false;
        };
        let mut has_string = false;
        for u in unders {
            match self.w.types.get(u) {
                Type::Slice(el)
                    if self.w.types.basic_kind(*el) == Some(crate::constant::BasicKind::Uint8) => {}
                _ if self.w.types.is_string(u) => has_string = true,
                _ => return false,
            }
        }
        has_string
    }
}

fn contains_call_or_recv(c: &Checker, e: Option<&Expr>) -> bool {
    /// A call whose result is not constant, or a receive (types2's
    /// hasCallOrRecv; function literal bodies are checked later and
    /// do not count).
    fn walk(c: &Checker, e: &Expr, d: u32) -> bool {
        if d > 100 {
            return false;
        }
        let w = |x: &Expr| walk(c, x, d + 1);
        match &e.kind {
            // A conversion is no call: only its operand counts.
            ExprKind::Call(call) if c.is_recorded_type(&call.fun) => call.args.iter().any(w),
            ExprKind::Call(call) => {
                !c.is_recorded_constant(e) || w(&call.fun) || call.args.iter().any(w)
            }
            ExprKind::Unary(rgo_syntax::token::Token::Arrow, _) => true,
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary(_, x) => w(x),
            ExprKind::Selector(x, _) => w(x),
            ExprKind::Index(x, i) => w(x) || i.iter().any(w),
            ExprKind::Binary(_, x, y) | ExprKind::KeyValue(x, y) => w(x) || w(y),
            ExprKind::CompositeLit(cl) => cl.elems.iter().any(w),
            ExprKind::Slice(se) => w(&se.x) || se.index.iter().flatten().any(w),
            ExprKind::TypeAssert(x, _) => w(x),
            _ => false,
        }
    }
    e.is_some_and(|e| walk(c, e, 0))
}

impl Checker<'_, '_> {
    /// Does every type in type parameter `t`'s type set support `len`
    /// (or `cap`)? (types2's underIs for a set without a core type.)
    fn len_all_terms(&self, t: TypeId, is_len: bool) -> bool {
        if !self.w.types.is_type_param(t) {
            return false;
        }
        let Some(us) = self.w.under_types(t) else {
            return false;
        };
        !us.is_empty()
            && us.iter().all(|&u| {
                let u = match self.w.types.get(u) {
                    Type::Pointer(p) => match self.w.types.get(self.w.types.under(*p)) {
                        Type::Array(..) => self.w.types.under(*p),
                        _ => return false,
                    },
                    _ => u,
                };
                match self.w.types.get(u) {
                    Type::Basic(_) => is_len && self.w.types.is_string(u),
                    Type::Array(..) | Type::Slice(_) | Type::Chan(..) => true,
                    Type::Map(..) => is_len,
                    _ => false,
                }
            })
    }
}

impl<'a> Checker<'a, '_> {
    /// The type `new(arg)` points to: `arg` is a type, or (Go 1.26) an
    /// expression whose (default) type is taken.
    fn new_arg(&mut self, fun: &'a Expr, arg: &'a Expr) -> Option<TypeId> {
        let mut x = self.expr_or_type(arg, false);
        if x.mode == Mode::Builtin {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("{} must be called", s));
            return None;
        }
        if x.is_invalid() {
            return None;
        }
        if x.mode == Mode::TypeExpr {
            if !self.w.types.is_type_param(x.typ) {
                self.later_checks
                    .push((self.file, arg.start(), x.typ, LaterCheck::VarType));
            }
            return Some(x.typ);
        }
        if self.w.types.is_untyped(x.typ) {
            self.assignment(&mut x, None, "argument to new");
            if x.is_invalid() {
                return None;
            }
        }
        if !self.allow_version(26) {
            let what = format!("new({})", crate::exprstring::expr_string(arg));
            self.version_error(fun.start(), 26, &what);
        }
        Some(x.typ)
    }
}
