//! The errors gc reports after type checking, from laying out types and
//! stack frames (cmd/compile's types.CalcSize and ssagen), which go/types
//! has not but `go build` does:
//!
//! - `channel element type too large (>64kB)`: a channel whose element
//!   takes 64 KiB or more;
//! - `type T larger than address space`: an array of more than 2⁵⁰ bytes
//!   (gc's MaxWidth on amd64);
//! - `stack frame too large (>1GB): L MB locals + A MB args [+ C MB
//!   callee]`: a function whose parameters and results, or locals, take
//!   1 GiB or more, or whose locals and callee area do (the locals and
//!   callee area are estimated by `frame.rs`).
//!
//! gc runs these only on a package without type errors, on the
//! package-level declarations (a defined type is laid out once: the first
//! declaration that needs it reports it, at the declared name; a type
//! literal at each declaration), then on the function bodies (their local
//! variables, at the variable's name; the frame, at the function's name or
//! receiver). Known difference: gc sometimes skips a body's errors after
//! package-level ones (when is not modelled). Generic code is laid out per instance by gc: it is skipped
//! here. rgo lays out locals that gc's escape analysis would move to the
//! heap too (named variables over 128 KiB), so this reports no size
//! error for them.

use super::Checker;
use crate::types::*;
use rgo_syntax::ast::{self, Decl, Spec};
use rgo_syntax::Pos;
use std::collections::HashSet;

/// gc's largest object on amd64 (types.MaxWidth).
const MAX_WIDTH: i64 = 1 << 50;
/// gc's limit on a stack frame (ssagen's maxStackSize).
const MAX_STACK: i64 = 1 << 30;
/// gc's limit on a channel element's size.
const MAX_CHAN_ELEM: i64 = 1 << 16;

impl Checker<'_, '_> {
    pub(super) fn backend_checks(&mut self) {
        let files = self.files;
        let mut seen = HashSet::new();
        for (fi, f) in files.iter().enumerate() {
            self.file = fi as u32;
            for d in &f.decls {
                match d {
                    Decl::Gen(g) => {
                        for s in &g.specs {
                            match s {
                                Spec::Type(ts) if ts.tparams.is_none() => {
                                    if let Some(o) = self.def_of(fi, &ts.name) {
                                        let t = self.w.obj(o).typ;
                                        self.layout_check(t, ts.name.pos, &mut seen);
                                    }
                                }
                                Spec::Value(vs) => {
                                    for n in &vs.names {
                                        if let Some(o) = self.def_of(fi, n) {
                                            let t = self.w.obj(o).typ;
                                            self.layout_check(t, n.pos, &mut seen);
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    Decl::Func(fd) if !is_generic(fd) => {
                        if let Some(o) = self.def_of(fi, &fd.name) {
                            let t = self.w.obj(o).typ;
                            self.layout_check(t, fd.name.pos, &mut seen);
                        }
                    }
                    _ => {}
                }
            }
        }
        for (fi, f) in files.iter().enumerate() {
            self.file = fi as u32;
            for d in &f.decls {
                let Decl::Func(fd) = d else { continue };
                let Some(body) = &fd.body else { continue };
                if is_generic(fd) {
                    continue;
                }
                self.body_checks(fi, body, &mut seen);
            }
        }
        // Frames are laid out by the back end, which runs on a package
        // without errors only.
        if !self.errors.is_empty() {
            return;
        }
        for (fi, f) in files.iter().enumerate() {
            self.file = fi as u32;
            for d in &f.decls {
                match d {
                    Decl::Func(fd) if fd.body.is_some() && !is_generic(fd) => {
                        self.frame_check(fi, fd)
                    }
                    _ => {}
                }
            }
        }
    }

    fn def_of(&self, file: usize, id: &ast::Ident) -> Option<ObjId> {
        *self.info.files.get(file)?.defs.get(id.id.index())?
    }

    /// The local variables of one function body, in source order.
    fn body_checks(&mut self, fi: usize, body: &ast::Block, seen: &mut HashSet<TypeId>) {
        let mut locals: Vec<(Pos, TypeId)> = self.info.files[fi]
            .defs
            .iter()
            .flatten()
            .map(|&o| self.w.obj(o))
            .filter(|o| {
                matches!(o.kind, ObjKind::Var(v) if !v.is_field)
                    && o.pos > body.lbrace
                    && o.pos < body.rbrace
            })
            .map(|o| (o.pos, o.typ))
            .collect();
        locals.sort_by_key(|l| l.0);
        for (pos, t) in locals {
            self.layout_check(t, pos, seen);
        }
    }

    /// A function's frame: its receiver, parameters and results (gc's
    /// ArgWidth), and its locals, must take less than 1 GiB; then with the
    /// callee area too ([`super::frame`] estimates locals and callee).
    fn frame_check(&mut self, fi: usize, fd: &ast::FuncDecl) {
        let Some(o) = self.def_of(fi, &fd.name) else {
            return;
        };
        let Type::Signature(sig) = self.w.types.get(self.w.obj(o).typ) else {
            return;
        };
        let sig = sig.clone();
        let Some(args) = self.arg_width(&sig) else {
            return;
        };
        let frame = self.frame_estimate(fi, fd, &sig);
        let pos = fd.recv.as_ref().map_or(fd.name.pos, |r| r.opening);
        if args >= MAX_STACK || frame.locals >= MAX_STACK {
            self.error(
                pos,
                format!(
                    "stack frame too large (>1GB): {} MB locals + {} MB args",
                    frame.locals >> 20,
                    args >> 20
                ),
            );
        } else if frame.locals + frame.callee >= MAX_STACK {
            self.error(
                pos,
                format!(
                    "stack frame too large (>1GB): {} MB locals + {} MB args + {} MB callee",
                    frame.locals >> 20,
                    args >> 20,
                    frame.callee >> 20
                ),
            );
        }
    }

    /// gc's CalcSize errors for `t`, reported at `pos`.
    fn layout_check(&mut self, t: TypeId, pos: Pos, seen: &mut HashSet<TypeId>) {
        // A defined type is laid out once, apart from its underlying type;
        // a type literal at each declaration that spells it (gc reports
        // both, and each).
        let (u, ty) = match self.w.types.get(t) {
            Type::Named(n) if n.tparams.is_empty() && n.targs.is_empty() => {
                if !seen.insert(t) {
                    return;
                }
                (n.underlying, self.w.types.get(n.underlying).clone())
            }
            Type::Named(_) => return,
            ty => (t, ty.clone()),
        };
        match ty {
            Type::Array(n, e) => {
                self.layout_check(e, pos, seen);
                let es = self.w.sizeof(e);
                if es > 0 && n > (MAX_WIDTH - 1) / es {
                    // gc prints the array type, also for a defined type.
                    let s = self.w.type_string(u, Some(self.pkg));
                    self.error(pos, format!("type {s} larger than address space"));
                }
            }
            Type::Struct(s) => {
                for f in s.fields {
                    let ft = self.w.obj(f).typ;
                    self.layout_check(ft, pos, seen);
                }
            }
            Type::Chan(_, e) => {
                self.layout_check(e, pos, seen);
                if self.w.sizeof(e) >= MAX_CHAN_ELEM {
                    self.error(pos, "channel element type too large (>64kB)");
                }
            }
            Type::Pointer(e) | Type::Slice(e) => self.layout_check(e, pos, seen),
            Type::Map(k, v) => {
                self.layout_check(k, pos, seen);
                self.layout_check(v, pos, seen);
            }
            Type::Signature(sig) if sig.tparams.is_empty() => {
                for v in sig.recv.iter().chain(&sig.params).chain(&sig.results) {
                    let vt = self.w.obj(*v).typ;
                    self.layout_check(vt, pos, seen);
                }
            }
            _ => {}
        }
    }
}

fn is_generic(fd: &ast::FuncDecl) -> bool {
    fd.typ.tparams.is_some()
        || fd.recv.as_ref().is_some_and(|r| {
            r.list.iter().any(|f| {
                let mut e = &f.typ;
                // `*T[P]` / `T[P]`: an index expression in the receiver.
                loop {
                    match &e.kind {
                        ast::ExprKind::Star(x) | ast::ExprKind::Paren(x) => e = x,
                        ast::ExprKind::Index(..) => return true,
                        _ => return false,
                    }
                }
            })
        })
}
