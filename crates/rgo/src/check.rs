//! The compile step of `go build`, as far as rgo goes today: each loaded
//! package, in dependency order, is parsed (already done by [`crate::load`])
//! and type-checked, and its errors are collected as gc reports them
//! ([`crate::diag`]). A package whose import failed is not checked, as
//! `go build` does not compile it.
//!
//! A [`Session`] owns the [`World`] all packages live in and remembers the
//! std packages it has checked, so a session that checks many programs
//! (the conformance harnesses) checks each std package once.

use crate::diag::ErrorList;
use crate::load::Loaded;
use rgo_types::{check_package_with, Importer, Info, PackageId, World};
use std::collections::HashMap;

/// The outcome of one package's compile step.
#[derive(Debug)]
pub struct PkgResult {
    /// Index into [`Loaded::packages`].
    pub index: usize,
    pub path: String,
    /// The lines to print under `# path` (empty when it compiled).
    pub lines: Vec<String>,
    /// Errors found (or a dependency failed).
    pub failed: bool,
    /// Not checked because an import failed.
    pub skipped: bool,
    /// Every error kept, for harnesses: (file, line, col, message).
    pub errors: Vec<(String, u32, u32, String)>,
}

/// A checking session: the World, and the std packages checked in it.
pub struct Session {
    pub world: World,
    /// Checked std packages: their id (`None` if not checked because an
    /// import failed) and whether they failed.
    std_done: HashMap<String, (Option<PackageId>, bool)>,
    /// The first error line of each std package that had errors.
    std_errors: HashMap<String, String>,
    /// gc's error limit (`None`: report everything, as `gc -e`).
    pub limit: Option<usize>,
    /// Check a package even if an import had errors, using the imported
    /// package as far as it was checked (as go/types' importers can):
    /// more errors for the conformance tools, and timings of the whole
    /// tree. `go build` does not do this (the default, `false`).
    pub keep_going: bool,
    /// Remember module packages too (not only std ones) across calls of
    /// [`Session::check`], as [`SessionImporter`] needs: each package must
    /// exist once in the World. `command-line-arguments` is never kept.
    pub cache_local: bool,
    /// Keep the [`Info`] of every package this session checks (`rgo run`
    /// compiles from them; `rgo tool types` prints them).
    pub keep_info: bool,
    pub infos: HashMap<String, (PackageId, Info)>,
    /// gc's `-complete` for packages outside std ([`rgo_types::Config::complete`]:
    /// `missing function body`), as `go build` checks them; `go vet` does
    /// not (the default, `false`).
    pub complete: bool,
    /// `-complete` for the packages that another loaded package imports
    /// only: `go vet` type-checks the packages it vets but compiles their
    /// dependencies (with `go build`'s flags) for their export data.
    pub complete_deps: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    pub fn new() -> Session {
        Session {
            world: World::new(),
            std_done: HashMap::new(),
            std_errors: HashMap::new(),
            limit: Some(crate::diag::MAX_ERRORS),
            keep_going: false,
            cache_local: false,
            keep_info: false,
            infos: HashMap::new(),
            complete: false,
            complete_deps: false,
        }
    }

    /// Whether the std package `path` was checked in this session and had
    /// errors (or an import with errors).
    pub fn std_failed(&self, path: &str) -> bool {
        matches!(self.std_done.get(path), Some((_, true)))
    }

    /// The first error line of std package `path`, if it was checked and
    /// had errors of its own.
    pub fn std_error(&self, path: &str) -> Option<&str> {
        self.std_errors.get(path).map(String::as_str)
    }

    /// The std packages that failed on their own (not through an import),
    /// among those `loaded` reaches: the root causes of a skipped package.
    pub fn std_root_failures(&self, loaded: &Loaded) -> Vec<String> {
        loaded
            .dependency_order()
            .into_iter()
            .map(|i| &loaded.packages[i])
            .filter(|p| p.std && self.std_failed(&p.path))
            .filter(|p| !p.imports.iter().any(|(dep, _)| self.std_failed(dep)))
            .map(|p| p.path.clone())
            .collect()
    }

    /// Checks every package reachable from the roots of `loaded`, deps
    /// first, returning one result per package checked or skipped, in
    /// that order. Std packages checked by an earlier call are reused.
    pub fn check(&mut self, loaded: &Loaded) -> Vec<PkgResult> {
        let mut ids: HashMap<String, PackageId> = HashMap::new();
        let mut failed: Vec<bool> = vec![false; loaded.packages.len()];
        let mut results = Vec::new();
        for idx in loaded.dependency_order() {
            let pkg = &loaded.packages[idx];
            let cached = self.cacheable(pkg);
            if cached {
                if let Some(&(id, bad)) = self.std_done.get(&pkg.path) {
                    failed[idx] = bad;
                    if let Some(id) = id {
                        ids.insert(pkg.path.clone(), id);
                    }
                    continue;
                }
            }
            if !self.keep_going && pkg.imports.iter().any(|(_, d)| failed[*d]) {
                failed[idx] = true;
                results.push(PkgResult {
                    index: idx,
                    path: pkg.path.clone(),
                    lines: Vec::new(),
                    failed: true,
                    skipped: true,
                    errors: Vec::new(),
                });
                if cached {
                    self.std_done.insert(pkg.path.clone(), (None, true));
                }
                continue;
            }
            let (id, r) = self.check_one(loaded, idx, &ids);
            failed[idx] = r.failed;
            if let Some(id) = id {
                ids.insert(pkg.path.clone(), id);
            }
            if cached {
                self.std_done.insert(pkg.path.clone(), (id, r.failed));
                if let Some(first) = r.lines.first() {
                    self.std_errors.insert(pkg.path.clone(), first.clone());
                }
            }
            results.push(r);
        }
        results
    }

    /// Whether `pkg`'s result is remembered across calls.
    fn cacheable(&self, pkg: &crate::load::Package) -> bool {
        pkg.std || (self.cache_local && pkg.path != "command-line-arguments")
    }

    /// Parse errors, then (if none is a syntax error) type errors of one
    /// package.
    fn check_one(
        &mut self,
        loaded: &Loaded,
        idx: usize,
        ids: &HashMap<String, PackageId>,
    ) -> (Option<PackageId>, PkgResult) {
        let pkg = &loaded.packages[idx];
        let mut list = ErrorList::new(self.limit);
        for (f, source) in pkg.files.iter().zip(&pkg.sources) {
            for e in &f.errors {
                list.report(source, e.pos, &e.msg);
            }
        }
        let mut id = None;
        if list.syntax_errors() == 0 && !list.stopped() {
            let mut imp = Resolved {
                ids,
                missing: &loaded.missing,
            };
            let cfg = rgo_types::Config {
                lang: Some(pkg.lang),
                complete: (self.complete
                    || (self.complete_deps
                        && loaded
                            .packages
                            .iter()
                            .any(|p| p.imports.iter().any(|(_, d)| *d == idx))))
                    && !pkg.std
                    && !has_non_go_files(pkg),
            };
            let (pid, info, errs) = check_package_with(
                &cfg,
                &mut self.world,
                &pkg.path,
                &pkg.asts,
                &pkg.sources,
                &mut imp,
            );
            for e in &errs {
                if pkg.pruned && unused_import(e) {
                    // Its users were pruned away.
                    continue;
                }
                if let Some(source) = pkg.sources.get(e.file as usize) {
                    list.report(source, e.pos, &e.msg);
                }
            }
            if self.keep_info {
                self.infos.insert(pkg.path.clone(), (pid, info));
            }
            id = Some(pid);
        }
        let r = PkgResult {
            index: idx,
            path: pkg.path.clone(),
            lines: list.lines(),
            failed: !list.is_empty(),
            skipped: false,
            errors: list
                .entries()
                .map(|(f, l, c, m)| (f.to_string(), l, c, m.to_string()))
                .collect(),
        };
        (id, r)
    }
}

/// `"p" imported and not used` / `"p" imported as q and not used`.
fn unused_import(e: &rgo_types::TypeError) -> bool {
    e.soft
        && e.msg.starts_with('"')
        && e.msg.ends_with(" and not used")
        && e.msg.contains("\" imported ")
}

/// An [`Importer`] for code that calls [`rgo_types::check_package`]
/// itself: an import path is loaded as `go` would load it (rgo-std's
/// embedded sources for std paths, the main module's directories for its
/// paths, import cycles and missing packages reported with cmd/go's
/// words), then it and its imports are checked into the caller's World,
/// each package once (later imports reuse it). A package with errors is an
/// import error whose text is its first error.
///
/// ```no_run
/// use rgo_syntax::{parse_file, Mode, SourceFile};
/// let src = b"package main\n\nimport \"strings\"\n\nvar s = strings.ToUpper(\"x\")\n";
/// let (file, _) = parse_file(src, Mode::NONE);
/// let mut world = rgo_types::World::new();
/// let mut imp = rgo::check::SessionImporter::new(rgo::load::Config::from_env());
/// let sources = [SourceFile::new("./x.go", src)];
/// let (_, _, errs) = rgo_types::check_package(&mut world, "main", &[file], &sources, &mut imp);
/// assert!(errs.is_empty());
/// ```
pub struct SessionImporter {
    cfg: crate::load::Config,
    session: Session,
    done: HashMap<String, Result<PackageId, String>>,
}

impl SessionImporter {
    pub fn new(cfg: crate::load::Config) -> SessionImporter {
        let mut session = Session::new();
        session.cache_local = true;
        SessionImporter {
            cfg,
            session,
            done: HashMap::new(),
        }
    }
}

impl Importer for SessionImporter {
    fn import(&mut self, world: &mut World, path: &str) -> Result<PackageId, String> {
        if let Some(r) = self.done.get(path) {
            return r.clone();
        }
        let loaded = crate::load::load(self.cfg.clone(), &[path.to_string()]);
        let result = match loaded.errors.first() {
            Some(e) => Err(e.clone()),
            None => {
                // Check into the caller's World: the session's own is
                // swapped out for the duration.
                std::mem::swap(&mut self.session.world, world);
                self.session.check(&loaded);
                std::mem::swap(&mut self.session.world, world);
                match self.session.std_done.get(path) {
                    Some(&(Some(id), false)) => Ok(id),
                    _ => Err(self
                        .session
                        .std_errors
                        .get(path)
                        .cloned()
                        .unwrap_or_else(|| format!("package {path} has errors"))),
                }
            }
        };
        self.done.insert(path.to_string(), result.clone());
        result
    }
}

/// The importer of one package's check: every import was loaded and
/// checked before it, so this only looks the path up.
struct Resolved<'a> {
    ids: &'a HashMap<String, PackageId>,
    /// Imports the loader could not find (lenient loading only).
    missing: &'a HashMap<String, String>,
}

impl Importer for Resolved<'_> {
    fn import(&mut self, _: &mut World, path: &str) -> Result<PackageId, String> {
        if let Some(why) = self.missing.get(path) {
            return Err(why.clone());
        }
        self.ids
            .get(path)
            .copied()
            .ok_or_else(|| format!("package {path} was not loaded"))
    }
}

/// Whether `go build` would compile `pkg` with other files beside its Go
/// files (assembly, `.syso` objects, C sources): it passes gc `-complete`
/// only for a package without them. Named files (`go run x.go`) come
/// alone.
fn has_non_go_files(pkg: &crate::load::Package) -> bool {
    const EXTS: &[&str] = &[
        ".s", ".S", ".sx", ".syso", ".c", ".cc", ".cpp", ".cxx", ".m", ".f", ".F", ".for", ".f90",
        ".swig", ".swigcxx",
    ];
    let Some(dir) = &pkg.dir else { return false };
    if pkg.path == "command-line-arguments" {
        return false;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return false;
    };
    let tags = crate::load::constraint::Tags::default();
    rd.filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .any(|n| {
            let Some(ext) = EXTS.iter().find(|x| n.ends_with(**x)) else {
                return false;
            };
            let stem = &n[..n.len() - ext.len()];
            !n.starts_with(['.', '_'])
                && tags.good_file_name(&format!("{stem}.go"))
                && std::fs::read(dir.join(&n)).is_ok_and(|src| tags.good_header(&src))
        })
}
