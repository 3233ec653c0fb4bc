//! Package-level object collection (go/types' resolver): imports, consts
//! (with implicit repetition in groups), vars, types, funcs and methods,
//! declared in the package scope in any order; then their declarations in
//! types2's order and the function bodies.

use super::*;
use crate::constant::unquote;
use rgo_syntax::ast::{Decl, DeclKind, Spec};

impl<'a, 'w> Checker<'a, 'w> {
    pub(super) fn collect_objects(&mut self) {
        let pkg_scope = self.w.pkg(self.pkg).scope;
        let files = self.files;
        for (fi, f) in files.iter().enumerate() {
            self.file = fi as u32;
            let fs = self.w.new_scope(Some(pkg_scope), Pos(0), Pos(f.size));
            self.file_scopes.push(fs);
            self.record_scope(Pos(0), fs);
            if !self.check_package_name(f) {
                continue;
            }
            for d in &f.decls {
                match d {
                    Decl::Bad(_) => {}
                    Decl::Gen(g) => self.collect_gen(g, fs, pkg_scope),
                    Decl::Func(fd) => self.collect_func(fd, pkg_scope),
                }
            }
        }
        self.associate_methods();
        self.check_file_scope_conflicts();
    }

    /// types2's package name rules: `_` is invalid; the first valid name
    /// sets the package's, and files naming another package are skipped.
    fn check_package_name(&mut self, f: &ast::File) -> bool {
        let name = &f.name.name;
        if *name == "_" {
            self.error(f.name.pos, "invalid package name _");
        }
        if self.pkg_name_seen.is_none() && *name != "_" {
            self.pkg_name_seen = Some(name.to_string());
            self.w.pkgs[self.pkg.0 as usize].name = name.clone();
        }
        match &self.pkg_name_seen {
            Some(want) if want.as_str() != name.as_str() && *name != "_" => {
                let msg = format!("package {}; expected package {}", name, want);
                self.error(Pos(0), msg);
                false
            }
            _ => true,
        }
    }

    /// A package-level name may not also be imported in a file.
    fn check_file_scope_conflicts(&mut self) {
        let pkg_scope = self.w.pkg(self.pkg).scope;
        for fi in 0..self.file_scopes.len() {
            let fs = self.file_scopes[fi];
            let objs = self.w.scope(fs).order.clone();
            for o in objs {
                let name = self.w.obj(o).name.clone();
                let Some(alt) = self.w.lookup_local(pkg_scope, &name) else {
                    continue;
                };
                let msg = match self.w.obj(o).kind {
                    ObjKind::PkgName(p) => {
                        let pk = self.w.pkg(p);
                        format!(
                            "{} already declared through import of package {} ({:?})",
                            name, pk.name, pk.path
                        )
                    }
                    _ => {
                        let pname = self
                            .w
                            .obj(o)
                            .pkg
                            .map(|p| self.w.pkg(p).name.to_string())
                            .unwrap_or_default();
                        format!(
                            "{} already declared through dot-import of package {}",
                            name, pname
                        )
                    }
                };
                let other = self.obj_position(o);
                self.error_at_obj(
                    alt,
                    format!("{}\n\t{}: other declaration of {}", msg, other, name),
                );
            }
        }
    }

    fn collect_gen(&mut self, g: &'a ast::GenDecl, fs: ScopeId, pkg_scope: ScopeId) {
        let mut last: Option<&'a ast::ValueSpec> = None;
        for spec in &g.specs {
            match spec {
                Spec::Import(i) => self.collect_import(i, fs),
                Spec::Value(v) if g.kind == DeclKind::Const => {
                    let inherited = v.values.is_empty() && v.typ.is_none();
                    if !inherited {
                        last = Some(v);
                    }
                    let src = if inherited { last } else { Some(v) };
                    for (i, n) in v.names.iter().enumerate() {
                        let o = self.new_obj(
                            &n.name,
                            ObjKind::Const(Value::unknown()),
                            TypeId::INVALID,
                            n.pos,
                        );
                        let typ = src.and_then(|s| s.typ.as_ref());
                        let init = src.and_then(|s| s.values.get(i));
                        self.decls.insert(
                            o,
                            DeclInfo::Const {
                                file: self.file,
                                typ,
                                init,
                                iota: v.iota,
                                inherited,
                            },
                        );
                        self.declare_pkg_obj(pkg_scope, n, o);
                    }
                    let src_values = src.map(|s| s.values.len()).unwrap_or(0);
                    self.const_arity(v, src_values, inherited);
                }
                Spec::Value(v) => self.collect_var(v, pkg_scope),
                Spec::Type(t) => {
                    let o =
                        self.new_obj(&t.name.name, ObjKind::TypeName, TypeId::INVALID, t.name.pos);
                    self.w.obj_mut(o).alias = t.alias.is_some();
                    self.decls.insert(
                        o,
                        DeclInfo::Type {
                            file: self.file,
                            spec: t,
                        },
                    );
                    self.declare_pkg_obj(pkg_scope, &t.name, o);
                }
            }
        }
    }

    /// `missing init expr for const declaration` / `extra init expr`.
    pub(super) fn const_arity(&mut self, v: &ast::ValueSpec, nvalues: usize, inherited: bool) {
        let n = v.names.len();
        if nvalues < n {
            if let Some(id) = v.names.get(nvalues) {
                self.error(id.pos, format!("missing init expr for {}", id.name));
            }
        } else if nvalues > n && !inherited {
            if let Some(e) = v.values.get(n) {
                let es = crate::exprstring::expr_string(e);
                self.error(e.start(), format!("extra init expr {}", es));
            }
        }
    }

    fn collect_var(&mut self, v: &'a ast::ValueSpec, pkg_scope: ScopeId) {
        let n1 = v.values.len() == 1 && v.names.len() > 1;
        for (i, n) in v.names.iter().enumerate() {
            let o = self.new_obj(
                &n.name,
                ObjKind::Var(VarInfo {
                    is_global: true,
                    ..VarInfo::default()
                }),
                TypeId::INVALID,
                n.pos,
            );
            let (init, lhs) = if n1 {
                (v.values.first(), Some(&v.names[..]))
            } else {
                (v.values.get(i), None)
            };
            self.decls.insert(
                o,
                DeclInfo::Var {
                    file: self.file,
                    typ: v.typ.as_ref(),
                    init,
                    lhs,
                },
            );
            self.declare_pkg_obj(pkg_scope, n, o);
        }
        if !n1 && !v.values.is_empty() && v.values.len() != v.names.len() {
            self.var_arity(v);
        }
    }

    fn collect_import(&mut self, i: &'a ast::ImportSpec, fs: ScopeId) {
        if i.path.bad {
            // The scanner reported the literal (types2 skips it).
            return;
        }
        let path = match validated_import_path(&i.path.value) {
            Ok(p) => p,
            Err(why) => {
                self.error(i.path_pos, format!("invalid import path ({})", why));
                return;
            }
        };
        let imported = if path == "unsafe" {
            Ok(self.w.unsafe_pkg)
        } else {
            self.imp.import(self.w, &path)
        };
        let p = match imported {
            Ok(p) => p,
            Err(msg) => {
                self.error(i.path_pos, format!("could not import {} ({})", path, msg));
                self.fake_package(&path)
            }
        };
        if !self.w.pkgs[self.pkg.0 as usize].imports.contains(&p) {
            self.w.pkgs[self.pkg.0 as usize].imports.push(p);
        }
        let pname = self.w.pkg(p).name.clone();
        let name = i.name.as_ref().map(|n| n.name.clone()).unwrap_or(pname);
        if name == "." {
            let scope = self.w.pkg(p).scope;
            let objs = self.w.scope(scope).order.clone();
            for o in objs {
                if self.w.obj(o).is_exported() {
                    self.w.insert(fs, o);
                }
            }
            let dot_pos = i.name.as_ref().map(|n| n.pos).unwrap_or(i.path_pos);
            let po = self.new_obj(".", ObjKind::PkgName(p), TypeId::INVALID, dot_pos);
            self.dot_imports.insert((self.file, p), po);
            self.imports.push((self.file, po, dot_pos, path));
            return;
        }
        let pos = i.name.as_ref().map(|n| n.pos).unwrap_or(i.path_pos);
        let o = self.new_obj(&name, ObjKind::PkgName(p), TypeId::INVALID, pos);
        if self.fake_pkgs.contains(&p) {
            // No "imported and not used" after a failed import (types2).
            self.used_pkgnames.insert(o);
        }
        match &i.name {
            Some(n) => self.record_def(n, o),
            None => {
                self.finfo().implicits.insert(i.path_pos, o);
            }
        }
        if name == "_" {
            return;
        }
        if name == "init" {
            self.error(pos, "cannot import package as init - init must be a func");
            return;
        }
        // A redeclared import is still an import: types2 lists it for the
        // "imported and not used" check before declaring it.
        self.imports.push((self.file, o, pos, path));
        if let Some(old) = self.w.insert(fs, o) {
            self.redeclared(o, old);
        }
    }

    fn collect_func(&mut self, fd: &'a ast::FuncDecl, pkg_scope: ScopeId) {
        let name = &fd.name;
        let o = self.new_obj(
            &name.name,
            ObjKind::Func(FuncInfo {
                no_body: fd.body.is_none(),
                ..FuncInfo::default()
            }),
            TypeId::INVALID,
            name.pos,
        );
        self.decls.insert(
            o,
            DeclInfo::Func {
                file: self.file,
                decl: fd,
            },
        );
        let tparam0 = fd.typ.tparams.as_ref().and_then(first_field_pos);
        if fd.recv.is_some() {
            if let Some(p) = tparam0 {
                self.verify_version(p, 27, |_| "generic method".into());
            }
            self.record_def(name, o);
            self.pkg_objs.push(o);
            return;
        }
        let special =
            name.name == "init" || (name.name == "main" && self.w.pkg(self.pkg).name == "main");
        if let (false, Some(p)) = (special, tparam0) {
            self.verify_version(p, 18, |_| "type parameter".into());
        }
        if special {
            if fd.typ.tparams.is_some() {
                self.error(
                    name.pos,
                    format!("func {} must have no type parameters", name.name),
                );
            }
            if !fd.typ.params.list.is_empty() || !fd.typ.results.list.is_empty() {
                self.error(
                    name.pos,
                    format!(
                        "func {} must have no arguments and no return values",
                        name.name
                    ),
                );
            }
        }
        if name.name == "init" {
            self.record_def(name, o);
            self.w.obj_mut(o).parent = Some(pkg_scope);
            self.pkg_objs.push(o);
            if fd.body.is_none() {
                self.soft_error(name.pos, "func init must have a body");
            }
            return;
        }
        self.declare_pkg_obj(pkg_scope, name, o);
    }

    fn declare_pkg_obj(&mut self, pkg_scope: ScopeId, id: &ast::Ident, o: ObjId) {
        self.pkg_objs.push(o);
        self.record_def(id, o);
        if id.name == "_" {
            return;
        }
        if id.name == "init" && !matches!(self.w.obj(o).kind, ObjKind::Func(_)) {
            self.error(id.pos, "cannot declare init - must be func");
            return;
        }
        if id.name == "main"
            && self.w.pkg(self.pkg).name == "main"
            && !matches!(self.w.obj(o).kind, ObjKind::Func(_))
        {
            self.error(id.pos, "cannot declare main - must be func");
            return;
        }
        if let Some(old) = self.w.insert(pkg_scope, o) {
            let other = self.obj_position(old);
            self.error(
                id.pos,
                format!(
                    "{} redeclared in this block\n\t{}: other declaration of {}",
                    id.name, other, id.name
                ),
            );
        }
    }

    /// Attaches methods to their receiver base type names.
    fn associate_methods(&mut self) {
        let pkg_scope = self.w.pkg(self.pkg).scope;
        let objs = self.pkg_objs.clone();
        for o in objs {
            let Some(DeclInfo::Func { decl, .. }) = self.decls.get(&o).copied() else {
                continue;
            };
            let Some(recv) = &decl.recv else { continue };
            let Some(f) = recv.list.first() else { continue };
            if let Some(base) = receiver_base_name(&f.typ) {
                if let Some(t) = self.resolve_base_type_name(pkg_scope, base) {
                    self.methods.entry(t).or_default().push(o);
                }
            }
        }
    }

    /// The type name a receiver's base name denotes, following aliases
    /// syntactically (`type A = T` makes methods on A methods of T).
    fn resolve_base_type_name(&self, pkg_scope: ScopeId, name: &str) -> Option<ObjId> {
        let mut name = name;
        for _ in 0..16 {
            let t = self.w.lookup_local(pkg_scope, name)?;
            if !matches!(self.w.obj(t).kind, ObjKind::TypeName)
                || self.w.obj(t).pkg != Some(self.pkg)
            {
                return None;
            }
            if !self.w.obj(t).alias {
                return Some(t);
            }
            let Some(DeclInfo::Type { spec, .. }) = self.decls.get(&t).copied() else {
                return None;
            };
            let mut e = spec.typ.unparen();
            if let ast::ExprKind::Star(x) = &e.kind {
                e = x.unparen();
            }
            match &e.kind {
                ast::ExprKind::Name(n) => name = n,
                _ => return None,
            }
        }
        None
    }

    /// Checks every package-level declaration: types first (as types2 does),
    /// then everything else, in source order.
    pub(super) fn package_objects(&mut self) {
        let objs = self.pkg_objs.clone();
        let is_type = |c: &Self, o: ObjId| matches!(c.w.obj(o).kind, ObjKind::TypeName);
        for &o in &objs {
            if is_type(self, o) && !self.w.obj(o).alias {
                self.obj_decl(o);
            }
        }
        for &o in &objs {
            if is_type(self, o) && self.w.obj(o).alias {
                self.obj_decl(o);
            }
        }
        self.check_interface_cycles();
        for &o in &objs {
            if !is_type(self, o) {
                self.obj_decl(o);
            }
        }
    }

    /// Checks the delayed function bodies queued after `top` (more may be
    /// queued meanwhile), then drops them from the queue.
    pub(crate) fn process_delayed_from(&mut self, top: usize) {
        let mut i = top;
        while i < self.delayed.len() {
            let d = self.delayed[i].clone();
            let saved = (self.file, self.cur_decl, self.iota.take(), self.scope);
            self.file = d.file;
            self.cur_decl = d.decl;
            self.iota = d.iota;
            self.func_body(d.sig, d.body, d.scope);
            (self.file, self.cur_decl, self.iota, self.scope) = saved;
            i += 1;
        }
        self.delayed.truncate(top);
    }
}

/// The receiver's base type name: `T` in `T`, `*T`, `(T)`, `T[P]`, `*T[P]`.
pub(super) fn receiver_base_name(e: &Expr) -> Option<&str> {
    let mut e = e.unparen();
    if let ast::ExprKind::Star(x) = &e.kind {
        e = x.unparen();
    }
    if let ast::ExprKind::Index(x, _) = &e.kind {
        e = x.unparen();
    }
    match &e.kind {
        ast::ExprKind::Name(n) => Some(n),
        _ => None,
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl Checker<'_, '_> {
    /// A stand-in for a package that could not be imported (types2's fake
    /// package): empty, and lookups in it fail silently.
    fn fake_package(&mut self, path: &str) -> PackageId {
        let trimmed = path.trim_end_matches('/');
        let name = trimmed.rsplit('/').next().unwrap_or(trimmed);
        let prev = self.w.by_path.get(path).copied();
        let p = self.w.new_package(path, name);
        // Not a real package: later imports of the path must not find it.
        match prev {
            Some(q) => self.w.by_path.insert(path.to_string(), q),
            None => self.w.by_path.remove(path),
        };
        self.fake_pkgs.insert(p);
        p
    }
}

/// The unquoted import path, or why it is invalid (types2's wording).
fn validated_import_path(lit: &str) -> Result<String, String> {
    let path = match unquote(lit) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(_) => return Err("invalid syntax".into()),
    };
    if path.is_empty() {
        return Err("empty string".into());
    }
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    for c in path.chars() {
        if c.is_control() || c.is_whitespace() || ILLEGAL.contains(c) {
            let code = format!("U+{:04X}", c as u32);
            let shown = if c.is_control() {
                code
            } else {
                format!("{} '{}'", code, c)
            };
            return Err(format!("invalid character {}", shown));
        }
    }
    Ok(path)
}

/// Where a parameter list's first field starts (types2's `tparam0`
/// position), if it has one.
pub(crate) fn first_field_pos(l: &ast::FieldList) -> Option<Pos> {
    let f = l.list.first()?;
    Some(f.names.first().map_or(f.typ.start(), |n| n.pos))
}
