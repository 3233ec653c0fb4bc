//! gc's directive checks that wait for a package without errors (its
//! writer phase; the parser collected them in [`ast::LateDirectives`]):
//!
//! - a directive a declaration does not allow: `misplaced compiler
//!   directive`, `misplaced go:embed directive`;
//! - `//go:embed` on a variable: the file must import "embed", the
//!   declaration be one typed variable without value at package level,
//!   the language go1.16 or later;
//! - `//go:linkname local remote`: the file must import "unsafe", the
//!   remote must not be an instantiation, the local name a function or
//!   variable of the package (from go1.18 on), named once.

use super::Checker;
use crate::types::ObjKind;
use rgo_syntax::ast;
use std::collections::HashSet;

impl Checker<'_, '_> {
    pub(super) fn late_directive_checks(&mut self) {
        let files = self.files;
        let scope = self.w.pkg(self.pkg).scope;
        let mut linked = HashSet::new();
        for (fi, f) in files.iter().enumerate() {
            self.file = fi as u32;
            let imports = |path: &str| {
                f.imports()
                    .any(|s| s.path.value.trim_matches(|c| c == '"' || c == '`') == path)
            };
            let late = &f.late;
            for (pos, msg) in &late.misplaced {
                self.error(*pos, msg.clone());
            }
            for e in &late.embeds {
                let msg = if !imports("embed") {
                    "go:embed requires import \"embed\" (or import _ \"embed\", if package is not used)".to_string()
                } else if e.names > 1 {
                    "go:embed cannot apply to multiple vars".into()
                } else if e.has_values {
                    "go:embed cannot apply to var with initializer".into()
                } else if !e.has_type {
                    "go:embed cannot apply to var without type".into()
                } else if e.in_func {
                    "go:embed cannot apply to var inside func".into()
                } else if let Some(l) = self.versions.lang.filter(|l| *l < 16) {
                    format!("go:embed requires go1.16 or later (-lang was set to go1.{l}; check go.mod)")
                } else {
                    continue;
                };
                self.error(e.pos, msg);
            }
            for l in &late.linknames {
                let d = &l.directive;
                if !imports("unsafe") {
                    self.error(
                        l.pos,
                        format!("//{d} only allowed in Go files that import \"unsafe\""),
                    );
                    continue;
                }
                if l.remote.contains('[') && l.remote.contains(']') {
                    self.error(
                        l.pos,
                        format!("//{d} reference of an instantiation is not allowed"),
                    );
                    continue;
                }
                match self.w.lookup_local(scope, &l.local) {
                    Some(o) if matches!(self.w.obj(o).kind, ObjKind::Func(_) | ObjKind::Var(_)) => {
                        if !linked.insert(o) {
                            self.error(l.pos, format!("duplicate //{d} for {}", l.local));
                        }
                    }
                    _ => {
                        if self.versions.lang.is_none_or(|v| v >= 18) {
                            self.error(
                                l.pos,
                                format!("//{d} must refer to declared function or variable"),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Whether gc got to its writer phase: no file had a parse-phase error.
pub(super) fn parsed_clean(files: &[ast::File]) -> bool {
    files.iter().all(|f| !f.late.had_errors)
}
