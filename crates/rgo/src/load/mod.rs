//! Package loading, as cmd/go's load phase: command-line arguments to
//! packages, each package's files chosen by build constraints and parsed,
//! and the import graph walked to its leaves.
//!
//! Arguments are read as `go` reads them: a list of `.go` files is the
//! package `command-line-arguments` (every named file is used, whatever its
//! constraints); `.`, `./dir`, `../dir` and absolute paths are directories;
//! `DIR/...` is every package directory below DIR; anything else is an
//! import path. Import paths resolve to the main module (the go.mod found
//! from the current directory, see [`module`]) or to the standard library:
//! rgo-std's embedded sources, or the `src` tree of a GOROOT when
//! [`Config::goroot`] is set (`rgo tool checkstd`).
//!
//! Everything that `go build` reports before compiling (missing packages,
//! import cycles, several package names in one directory, no Go files) is a
//! load error: [`Loaded::errors`], worded as cmd/go words it, printed
//! without a `# pkg` header; the build stops there. Syntax errors are not
//! load errors: they belong to the compile step ([`crate::check`]).

pub mod constraint;
mod importpath;
pub mod module;
mod reduce;
pub mod scan;

use constraint::Tags;
use module::Module;
use rgo_syntax::{ast, parser::parse_file_checked, Mode, Pos, SourceFile, SyntaxError};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// What the loader needs to know about its surroundings.
#[derive(Clone, Debug)]
pub struct Config {
    /// The current directory (absolute): relative arguments and printed
    /// paths are relative to it.
    pub cwd: PathBuf,
    /// Take std packages from `GOROOT/src` rather than rgo-std.
    pub goroot: Option<PathBuf>,
    pub tags: Tags,
    /// Leave an import that cannot be found to the type checker (which
    /// reports `could not import P (...)`, as gc run alone does) instead of
    /// making it a load error (as the go command does). For Go's
    /// errorcheck tests, which run the compiler directly.
    pub lenient_imports: bool,
    /// Parse errors: report them all (gc's `-e`), not the first 10.
    pub all_errors: bool,
    /// gc's `-lang` for every non-std package, overriding go.mod (for Go's
    /// errorcheck tests, which pass it to the compiler directly).
    pub lang: Option<u32>,
    /// gc's `-std` for every non-std package: the standard library's
    /// directive rules ([`Mode::STD`]; for Go's errorcheck tests).
    pub std_rules: bool,
}

impl Config {
    /// The configuration of a command run in the process's current
    /// directory, with rgo-std as the standard library.
    pub fn from_env() -> Config {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        Config {
            cwd,
            goroot: None,
            tags: Tags::default(),
            lenient_imports: false,
            all_errors: false,
            lang: None,
            std_rules: false,
        }
    }
}

/// One parsed source file of a package (its tree and line table are in
/// [`Package::asts`] and [`Package::sources`] at the same index, the
/// shape [`rgo_types::check_package`] takes).
#[derive(Debug)]
pub struct SrcFile {
    /// Base name, `x.go`.
    pub name: String,
    /// The name load errors print with (cmd/go's `ShortPath`: `x.go`,
    /// `b/b.go`).
    pub short: String,
    /// Syntax errors and gc's parse-phase label/branch errors.
    pub errors: Vec<SyntaxError>,
}

/// A file as parsed, before it joins its package.
#[derive(Debug)]
struct Parsed {
    name: String,
    short: String,
    source: SourceFile,
    ast: ast::File,
    errors: Vec<SyntaxError>,
}

/// The import paths of a file with the positions of their specs (the
/// name if there is one, else the literal: where the go command reports
/// an import's errors).
pub fn file_imports(f: &ast::File) -> impl Iterator<Item = (String, Pos)> + '_ {
    f.imports().map(|s| {
        let pos = s.name.as_ref().map_or(s.path_pos, |n| n.pos);
        (unquote(&s.path.value), pos)
    })
}

/// One package of the build.
#[derive(Debug)]
pub struct Package {
    /// Import path (`command-line-arguments` for named files).
    pub path: String,
    /// Its directory (`None` for rgo-std's embedded packages).
    pub dir: Option<PathBuf>,
    pub std: bool,
    /// The files of the build, sorted by name.
    pub files: Vec<SrcFile>,
    /// Their syntax trees.
    pub asts: Vec<ast::File>,
    /// Their names as positions print them (`./x.go`, `b/b.go`, ...: the
    /// file's directory relative to the current directory when that is
    /// shorter, else absolute; rgo-std files as `$GOROOT/src/PATH/x.go`)
    /// and line tables.
    pub sources: Vec<SourceFile>,
    /// Indices (into [`Loaded::packages`]) of the packages it imports,
    /// by import path, sorted by path; `unsafe` and `C` are not packages.
    pub imports: Vec<(String, usize)>,
    /// A std package whose unreachable declarations were cut out
    /// ([`load_pruned`]): some of its imports may now be unused.
    pub pruned: bool,
    /// The language version it is checked against (gc's `-lang`, a minor
    /// number), as cmd/go chooses it: a package of the main module gets
    /// go.mod's `go` version, std packages and named files (which belong
    /// to no module) the current one.
    pub lang: u32,
}

impl Package {
    /// Appends parsed files: their names and errors, syntax trees and
    /// sources, index for index.
    fn add_files(&mut self, parsed: Vec<Parsed>) {
        for p in parsed {
            self.files.push(SrcFile {
                name: p.name,
                short: p.short,
                errors: p.errors,
            });
            self.asts.push(p.ast);
            self.sources.push(p.source);
        }
    }
}

/// The result of loading: every package reached, the ones asked for, and
/// the load errors.
#[derive(Debug, Default)]
pub struct Loaded {
    pub packages: Vec<Package>,
    /// Indices of the packages named on the command line, in order.
    pub roots: Vec<usize>,
    /// cmd/go-worded load errors; `go build` stops if there is any.
    pub errors: Vec<String>,
    /// Warnings (`matched no packages`), printed but not failures.
    pub warnings: Vec<String>,
    /// With [`Config::lenient_imports`]: imports that could not be found,
    /// with the reason.
    pub missing: HashMap<String, String>,
}

impl Loaded {
    /// Package indices in dependency order (every package after the ones it
    /// imports), reachable from the roots.
    pub fn dependency_order(&self) -> Vec<usize> {
        let mut state = vec![0u8; self.packages.len()];
        let mut order = Vec::new();
        for &r in &self.roots {
            self.post_order(r, &mut state, &mut order);
        }
        order
    }

    fn post_order(&self, p: usize, state: &mut [u8], order: &mut Vec<usize>) {
        // Iterative DFS: import chains in generated code can be long.
        let mut stack = vec![(p, 0usize)];
        if state[p] != 0 {
            return;
        }
        state[p] = 1;
        while let Some((cur, next)) = stack.pop() {
            if let Some(&(_, dep)) = self.packages[cur].imports.get(next) {
                stack.push((cur, next + 1));
                if state[dep] == 0 {
                    state[dep] = 1;
                    stack.push((dep, 0));
                }
            } else {
                state[cur] = 2;
                order.push(cur);
            }
        }
    }
}

/// Where an import is written, for errors: the importing file's short
/// name and position.
#[derive(Clone)]
struct ImportSite {
    short: String,
    base: String,
    pos: String,
}

/// The loader's state while it walks the graph.
pub struct Loader {
    cfg: Config,
    module: Option<Module>,
    out: Loaded,
    /// Package index by import path (or a failed lookup's error).
    by_path: HashMap<String, Result<usize, String>>,
    /// Import paths being loaded (for cycles), each with the file that
    /// imports the next one.
    stack: Vec<(String, String)>,
    /// Prune rgo-std packages ([`load_pruned`]).
    prune: bool,
    /// Embedded std packages not parsed yet (pruning): package index and
    /// the files the build chose.
    deferred: Vec<(usize, Vec<(String, &'static str)>)>,
    /// What the non-std files parsed so far mention (pruning's roots).
    user: reduce::UserRefs,
}

/// Loads the packages named by `args` and everything they import.
pub fn load(cfg: Config, args: &[String]) -> Loaded {
    load_with(cfg, args, false)
}

/// [`load`] for a program that is going to run (`rgo run`): rgo-std's
/// packages come with the declarations the program cannot reach cut
/// out (see [`reduce`]), which makes checking and compiling them cheap.
/// Lines and columns are unchanged; packages have [`Package::pruned`] set. Errors
/// in the user's packages are found as with [`load`].
pub fn load_pruned(cfg: Config, args: &[String]) -> Loaded {
    load_with(cfg, args, true)
}

fn load_with(cfg: Config, args: &[String], prune: bool) -> Loaded {
    let module = Module::find(&cfg.cwd);
    let prune = prune && cfg.goroot.is_none();
    let mut l = Loader {
        cfg,
        module,
        out: Loaded::default(),
        by_path: HashMap::new(),
        stack: Vec::new(),
        prune,
        deferred: Vec::new(),
        user: reduce::UserRefs::default(),
    };
    l.load_args(args);
    l.parse_deferred();
    l.out
}

impl Loader {
    fn load_args(&mut self, args: &[String]) {
        let args: Vec<String> = if args.is_empty() {
            vec![".".into()]
        } else {
            args.to_vec()
        };
        if args.iter().any(|a| a.ends_with(".go")) {
            self.load_files(&args);
            return;
        }
        for a in &args {
            if a.ends_with("/...") || a == "..." {
                self.load_pattern(a);
            } else if is_local(a) {
                self.load_dir_arg(a);
            } else {
                self.load_root_path(a);
            }
        }
    }

    /// Named files: the package `command-line-arguments`.
    fn load_files(&mut self, args: &[String]) {
        let mut dir: Option<PathBuf> = None;
        let mut paths = Vec::new();
        for a in args {
            if !a.ends_with(".go") {
                self.out
                    .errors
                    .push(format!("named files must be .go files: {a}"));
                return;
            }
            let abs = clean(&self.cfg.cwd.join(a));
            match std::fs::metadata(&abs) {
                Err(_) => {
                    self.out
                        .errors
                        .push(format!("stat {}: directory not found", abs.display()));
                    return;
                }
                Ok(m) if m.is_dir() => {
                    self.out
                        .errors
                        .push(format!("{a} is a directory, should be a Go file"));
                    return;
                }
                Ok(_) => {}
            }
            let d = abs.parent().map(Path::to_path_buf).unwrap_or_default();
            match &dir {
                Some(prev) if *prev != d => {
                    self.out.errors.push(format!(
                        "named files must all be in one directory; have {} and {}",
                        self.short_path(prev),
                        self.short_path(&d)
                    ));
                    return;
                }
                _ => dir = Some(d),
            }
            paths.push(abs);
        }
        paths.sort();
        paths.dedup();
        let dir = dir.unwrap_or_else(|| self.cfg.cwd.clone());
        let files: Vec<(String, Vec<u8>)> = paths
            .iter()
            .filter(|p| !file_name(p).ends_with("_test.go"))
            .filter_map(|p| Some((file_name(p), std::fs::read(p).ok()?)))
            .collect();
        let path = "command-line-arguments".to_string();
        let parsed = self.parse_dir_files(Some(&dir), &path, files);
        let Some(files) = self.one_package(&dir, parsed) else {
            return;
        };
        if files.is_empty() {
            self.out
                .errors
                .push(format!("no Go files in {}", dir.display()));
            return;
        }
        let idx = self.add_package(path.clone(), Some(dir), false, files);
        self.by_path.insert(path, Ok(idx));
        self.stack.clear();
        self.load_imports(idx);
        self.out.roots.push(idx);
    }

    /// `DIR/...`: every directory below DIR holding a buildable package,
    /// skipping `testdata`, `_x`, `.x` and nested modules, as `go` does.
    fn load_pattern(&mut self, pat: &str) {
        let prefix = pat.strip_suffix("...").unwrap_or(pat).trim_end_matches('/');
        let prefix = if prefix.is_empty() { "." } else { prefix };
        let base = clean(&self.cfg.cwd.join(prefix));
        let in_module = self
            .module
            .as_ref()
            .is_some_and(|m| base.starts_with(&m.root));
        if !in_module {
            self.out.errors.push(format!(
                "pattern {pat}: directory prefix {prefix} does not contain main module or its selected dependencies"
            ));
            return;
        }
        let mut dirs = Vec::new();
        collect_dirs(&base, true, &mut dirs);
        let mut matched = 0;
        for d in dirs {
            if self.has_buildable_files(&d) {
                matched += 1;
                self.load_dir(&d);
            }
        }
        if matched == 0 {
            self.out
                .warnings
                .push(format!("go: warning: \"{pat}\" matched no packages"));
        }
    }

    fn load_dir_arg(&mut self, arg: &str) {
        let dir = clean(&self.cfg.cwd.join(arg));
        if self.module.is_none() {
            self.out.errors.push(
                "go: go.mod file not found in current directory or any parent directory; see 'go help modules'"
                    .into(),
            );
            return;
        }
        if !dir.is_dir() {
            self.out
                .errors
                .push(format!("stat {}: directory not found", dir.display()));
            return;
        }
        if self.module.as_ref().and_then(|m| m.path_of(&dir)).is_none() {
            self.out.errors.push(format!(
                "directory {arg} outside main module or its selected dependencies"
            ));
            return;
        }
        self.load_dir(&dir);
    }

    /// Loads the package in `dir` (inside the main module) as a root.
    fn load_dir(&mut self, dir: &Path) {
        let Some(path) = self.module.as_ref().and_then(|m| m.path_of(dir)) else {
            return;
        };
        self.stack.clear();
        if let Some(idx) = self.load_path(&path, None) {
            if !self.out.roots.contains(&idx) {
                self.out.roots.push(idx);
            }
        }
    }

    fn load_root_path(&mut self, path: &str) {
        if let Some(idx) = self.load_path(path, None) {
            if !self.out.roots.contains(&idx) {
                self.out.roots.push(idx);
            }
        }
    }

    /// Loads the package with import path `path` (and its imports),
    /// returning its index, or `None` after recording a load error.
    fn load_path(&mut self, path: &str, site: Option<&ImportSite>) -> Option<usize> {
        if self.stack.iter().any(|(p, _)| p == path) {
            self.cycle_error(path);
            return None;
        }
        match self.by_path.get(path) {
            Some(Ok(i)) => return Some(*i),
            Some(Err(_)) => return None,
            None => {}
        }
        if let Some(idx) = self.defer_std(path) {
            return Some(idx);
        }
        // An import path is checked before it is looked for: by the go
        // command, or (Go's errorcheck tests) by gc's importer.
        let bad_path = match site {
            Some(_) if self.cfg.lenient_imports => importpath::compiler_error(path),
            Some(_) => importpath::go_command_error(path),
            None => None,
        };
        let result = match bad_path {
            Some(msg) => Err(msg),
            None => self.find_and_parse(path),
        };
        let (dir, std, files) = match result {
            Ok(found) => found,
            Err(msg) if self.cfg.lenient_imports && site.is_some() => {
                // The compiler's importer (gc's resolveImportPath) rejects
                // an absolute path before looking for it.
                let msg = if path.starts_with('/') {
                    "import path cannot be absolute path".to_string()
                } else {
                    msg
                };
                self.out.missing.insert(path.to_string(), msg.clone());
                self.by_path.insert(path.to_string(), Err(msg));
                return None;
            }
            Err(msg) => {
                let full = match site {
                    Some(s) => format!("{}:{}: {msg}", s.short, s.pos),
                    None => msg.clone(),
                };
                self.out.errors.push(full);
                self.by_path.insert(path.to_string(), Err(msg));
                return None;
            }
        };
        let idx = self.add_package(path.to_string(), dir, std, files);
        self.by_path.insert(path.to_string(), Ok(idx));
        self.load_imports(idx);
        Some(idx)
    }

    /// With pruning, adds embedded std package `path` without parsing it
    /// (that waits until every root is known, [`Loader::parse_deferred`]),
    /// its imports taken from the build-time index. A package the index
    /// does not describe turns pruning off (and is parsed as usual).
    fn defer_std(&mut self, path: &str) -> Option<usize> {
        if !self.prune
            || !is_std_path(path)
            || self.module.as_ref().and_then(|m| m.dir_of(path)).is_some()
        {
            return None;
        }
        let embedded = rgo_std::package_files(path)?;
        let Some(index) = reduce::index_pkg(path) else {
            // Parsed whole now, and its uses of other std packages are
            // unknown: prune nothing.
            self.prune = false;
            return None;
        };
        let chosen: Vec<(String, &'static str)> = embedded
            .iter()
            .filter(|(name, src)| self.buildable(name, src.as_bytes()))
            .map(|(name, src)| (name.to_string(), *src))
            .collect();
        let mut wanted: Vec<(String, ImportSite)> = Vec::new();
        for (name, src) in &chosen {
            let Some(f) = index
                .files()
                .find(|f| f.name() == name && f.len() == src.len())
            else {
                self.prune = false;
                return None;
            };
            for (ipath, pos) in f.imports() {
                if ipath == "unsafe"
                    || ipath == "C"
                    || ipath.is_empty()
                    || wanted.iter().any(|(p, _)| p == ipath)
                {
                    continue;
                }
                let before = src.as_bytes().get(..pos as usize).unwrap_or_default();
                let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
                let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
                let short = format!("$GOROOT/src/{path}/{name}");
                let site = ImportSite {
                    short,
                    base: name.clone(),
                    pos: format!("{line}:{col}"),
                };
                wanted.push((ipath.to_string(), site));
            }
        }
        let idx = self.add_package(path.to_string(), None, true, Vec::new());
        self.by_path.insert(path.to_string(), Ok(idx));
        self.deferred.push((idx, chosen));
        self.load_edges(idx, wanted);
        Some(idx)
    }

    /// Parses the deferred std packages, pruned by what the program can
    /// reach (unpruned if the index does not match the sources).
    fn parse_deferred(&mut self) {
        let deferred = std::mem::take(&mut self.deferred);
        if deferred.is_empty() {
            return;
        }
        let std_pkgs: Vec<reduce::StdPkg> = deferred
            .iter()
            .map(|(idx, files)| reduce::StdPkg {
                path: &self.out.packages[*idx].path,
                files,
            })
            .collect();
        // `prune` is off if a std package was found not to match the index.
        let pruned = if self.prune {
            reduce::prune(&std_pkgs, &self.user)
        } else {
            None
        };
        for (k, (idx, files)) in deferred.iter().enumerate() {
            let path = self.out.packages[*idx].path.clone();
            let srcs: Vec<(String, Vec<u8>)> = match &pruned {
                Some(p) => files
                    .iter()
                    .map(|(n, _)| n.clone())
                    .zip(p[k].iter().cloned())
                    .collect(),
                None => files
                    .iter()
                    .map(|(n, s)| (n.clone(), s.as_bytes().to_vec()))
                    .collect(),
            };
            let parsed = self.parse_dir_files(None, &path, srcs);
            let pkg = &mut self.out.packages[*idx];
            pkg.pruned = pruned.is_some();
            pkg.add_files(parsed);
        }
    }

    /// Loads every import of package `idx` and records the edges.
    fn load_imports(&mut self, idx: usize) {
        let mut wanted: Vec<(String, ImportSite)> = Vec::new();
        let pkg = &self.out.packages[idx];
        for ((f, tree), source) in pkg.files.iter().zip(&pkg.asts).zip(&pkg.sources) {
            for (path, pos) in file_imports(tree) {
                if path == "unsafe"
                    || path == "C"
                    || path.is_empty()
                    || wanted.iter().any(|(p, _)| *p == path)
                {
                    continue;
                }
                let lc = source.line_col(pos);
                let site = ImportSite {
                    short: f.short.clone(),
                    base: f.name.clone(),
                    pos: format!("{}:{}", lc.line, lc.col),
                };
                wanted.push((path, site));
            }
        }
        // The go command loads (and reports) a package's imports in the
        // order of their paths.
        wanted.sort_by(|a, b| a.0.cmp(&b.0));
        self.load_edges(idx, wanted);
    }

    /// Loads the imports `wanted` of package `idx` and records the edges.
    fn load_edges(&mut self, idx: usize, wanted: Vec<(String, ImportSite)>) {
        let me = self.out.packages[idx].path.clone();
        let mut edges = Vec::new();
        for (path, site) in wanted {
            self.stack.push((me.clone(), site.base.clone()));
            let dep = self.load_path(&path, Some(&site));
            self.stack.pop();
            if let Some(d) = dep {
                edges.push((path, d));
            }
        }
        edges.sort();
        self.out.packages[idx].imports = edges;
    }

    /// `package A\n\timports B from a.go\n\timports A from b.go: import cycle not allowed`.
    fn cycle_error(&mut self, path: &str) {
        let mut msg = format!("package {}", self.stack[0].0);
        let mut chain: Vec<&str> = self.stack[1..].iter().map(|(p, _)| p.as_str()).collect();
        chain.push(path);
        for (i, p) in chain.iter().enumerate() {
            msg.push_str(&format!("\n\timports {p} from {}", self.stack[i].1));
        }
        msg.push_str(": import cycle not allowed");
        if !self
            .out
            .errors
            .iter()
            .any(|e| e.ends_with("import cycle not allowed"))
        {
            self.out.errors.push(msg);
        }
    }

    /// Finds the package `path` and parses its files: its directory (if
    /// on disk), whether it is std, and its files; or the load error.
    #[allow(clippy::type_complexity)]
    fn find_and_parse(
        &mut self,
        path: &str,
    ) -> Result<(Option<PathBuf>, bool, Vec<Parsed>), String> {
        if let Some(dir) = self.module.as_ref().and_then(|m| m.dir_of(path)) {
            return self
                .module_package(path, &dir)
                .map(|f| (Some(dir), false, f));
        }
        // With a GOROOT, dotted paths may be vendored into it
        // (`golang.org/x/net/...` in src/vendor).
        if is_std_path(path) || self.cfg.goroot.is_some() {
            return self.std_package(path);
        }
        Err(match &self.module {
            Some(_) => format!("no required module provides package {path}; to add it:\n\tgo get {path}"),
            None => format!(
                "no required module provides package {path}: go.mod file not found in current directory or any parent directory; see 'go help modules'"
            ),
        })
    }

    fn module_package(&mut self, path: &str, dir: &Path) -> Result<Vec<Parsed>, String> {
        if !dir.is_dir() {
            return Err(format!(
                "no required module provides package {path}; to add it:\n\tgo get {path}"
            ));
        }
        self.dir_package(path, dir)
    }

    /// The files of the package in `dir`, chosen by build constraints.
    fn dir_package(&mut self, path: &str, dir: &Path) -> Result<Vec<Parsed>, String> {
        let (all, chosen) = self.read_dir_files(dir);
        if all == 0 {
            return Err(format!("no Go files in {}", dir.display()));
        }
        let parsed = self.parse_dir_files(Some(dir), path, chosen);
        let parsed = parsed
            .into_iter()
            .filter(|f| !imports_c(f))
            .collect::<Vec<_>>();
        if parsed.is_empty() {
            return Err(format!(
                "package {path}: build constraints exclude all Go files in {}",
                dir.display()
            ));
        }
        self.one_package(dir, parsed)
            .ok_or_else(|| self.out.errors.pop().unwrap_or_default())
    }

    fn std_package(&mut self, path: &str) -> Result<(Option<PathBuf>, bool, Vec<Parsed>), String> {
        match self.cfg.goroot.clone() {
            None => {
                let Some(embedded) = rgo_std::package_files(path) else {
                    return Err(format!("package {path} is not in std"));
                };
                let chosen: Vec<(String, Vec<u8>)> = embedded
                    .iter()
                    .filter(|(name, src)| self.buildable(name, src.as_bytes()))
                    .map(|(name, src)| (name.to_string(), src.as_bytes().to_vec()))
                    .collect();
                let files = self.parse_dir_files(None, path, chosen);
                Ok((None, true, files))
            }
            Some(goroot) => {
                let src = goroot.join("src");
                let mut dir = src.join(path);
                if !dir.is_dir() {
                    let vendored = src.join("vendor").join(path);
                    if !vendored.is_dir() {
                        return Err(format!("package {path} is not in std ({})", dir.display()));
                    }
                    dir = vendored;
                }
                let files = self.dir_package(path, &dir)?;
                Ok((Some(dir), true, files))
            }
        }
    }

    /// The number of `.go` files in `dir` (tests excluded) and the ones
    /// that pass the build constraints, with their contents, sorted.
    fn read_dir_files(&self, dir: &Path) -> (usize, Vec<(String, Vec<u8>)>) {
        let mut names: Vec<String> = match std::fs::read_dir(dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| {
                    n.ends_with(".go") && !n.ends_with("_test.go") && !n.starts_with(['.', '_'])
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        names.sort();
        let all = names.len();
        let chosen = names
            .into_iter()
            .filter_map(|n| {
                let src = std::fs::read(dir.join(&n)).ok()?;
                self.buildable(&n, &src).then_some((n, src))
            })
            .collect();
        (all, chosen)
    }

    fn buildable(&self, name: &str, src: &[u8]) -> bool {
        !name.ends_with("_test.go")
            && self.cfg.tags.good_file_name(name)
            && self.cfg.tags.good_header(src)
    }

    fn has_buildable_files(&self, dir: &Path) -> bool {
        !self.read_dir_files(dir).1.is_empty()
    }

    /// Parses files (name, text) of the package `path` in `dir`.
    fn parse_dir_files(
        &mut self,
        dir: Option<&Path>,
        path: &str,
        files: Vec<(String, Vec<u8>)>,
    ) -> Vec<Parsed> {
        if self.prune && dir.is_some() {
            // The user's files: what they mention roots the pruning.
            for (_, src) in &files {
                self.user.add(&scan::scan_file(src));
            }
        }
        files
            .into_iter()
            .map(|(name, src)| {
                let (display, short) = match dir {
                    Some(d) => (self.display_name(d, &name), self.short_path(&d.join(&name))),
                    None => {
                        let p = format!("$GOROOT/src/{path}/{name}");
                        (p.clone(), p)
                    }
                };
                let mut mode = if self.cfg.all_errors {
                    Mode::ALL_ERRORS
                } else {
                    Mode::NONE
                };
                // gc's directive rules for packages outside the standard
                // library (whose files may use runtime-only directives).
                let std_dir = self
                    .cfg
                    .goroot
                    .as_ref()
                    .is_some_and(|g| dir.is_some_and(|d| d.starts_with(g)));
                if dir.is_some() && !std_dir {
                    mode = mode | Mode::PRAGMAS;
                    if self.cfg.std_rules {
                        mode = mode | Mode::STD;
                    }
                } else if dir.is_none() {
                    // rgo's own standard library: its directives
                    // (`//go:noinline`) take effect, under the std's rules.
                    mode = mode | Mode::PRAGMAS | Mode::STD;
                }
                let mut parsed = parse_one(name, display, short, &src, mode);
                if let Some(d) = dir {
                    if parsed
                        .ast
                        .directives
                        .iter()
                        .any(|x| x.text.starts_with("line "))
                    {
                        // Positions follow the `//line` directives, those
                        // the parser writes into messages too: parse again
                        // with them.
                        let resolve = |f: &str| self.line_file_name(d, f);
                        let orig = clean(&d.join(&parsed.name)).display().to_string();
                        let mut source = parsed.source.clone();
                        source.apply_line_directives(&src, &parsed.ast.directives, &resolve, &orig);
                        let (ast, errors) = parse_file_checked(&src, mode, &source);
                        parsed.ast = ast;
                        parsed.errors = errors;
                        parsed.source = source;
                    }
                }
                parsed
            })
            .collect()
    }

    /// The name errors print for the file `f` of a `//line f:n` directive
    /// in a file of `dir`: gc makes a relative name absolute against the
    /// package directory (where go build runs it), cmd/go prints the
    /// directory's files as `./f`.
    fn line_file_name(&self, dir: &Path, f: &str) -> String {
        let abs = clean(&dir.join(f));
        match abs.strip_prefix(clean(dir)) {
            Ok(rest) if !rest.as_os_str().is_empty() => {
                self.display_name(dir, &rest.display().to_string())
            }
            _ => abs.display().to_string(),
        }
    }

    /// Checks that the files declare one package name; on a conflict
    /// records `found packages a (a.go) and b (b.go) in DIR`.
    fn one_package(&mut self, dir: &Path, files: Vec<Parsed>) -> Option<Vec<Parsed>> {
        let mut first: Option<(String, String)> = None;
        for f in &files {
            let name = f.ast.name.name.to_string();
            if name.is_empty() {
                continue; // a syntax error; the compile step reports it
            }
            match &first {
                None => first = Some((name, f.name.clone())),
                Some((n, fname)) if *n != name => {
                    self.out.errors.push(format!(
                        "found packages {n} ({fname}) and {name} ({}) in {}",
                        f.name,
                        dir.display()
                    ));
                    return None;
                }
                _ => {}
            }
        }
        Some(files)
    }

    fn add_package(
        &mut self,
        path: String,
        dir: Option<PathBuf>,
        std: bool,
        parsed: Vec<Parsed>,
    ) -> usize {
        let in_module = !std && path != "command-line-arguments";
        let lang = match (&self.module, self.cfg.lang) {
            (_, Some(l)) if !std => l,
            (Some(m), _) if in_module => m.lang,
            _ => rgo_types::check::version::CURRENT,
        };
        let mut pkg = Package {
            lang,
            path,
            dir,
            std,
            files: Vec::new(),
            asts: Vec::new(),
            sources: Vec::new(),
            imports: Vec::new(),
            pruned: false,
        };
        pkg.add_files(parsed);
        self.out.packages.push(pkg);
        self.out.packages.len() - 1
    }

    /// How `go build` prints a file of directory `dir`: `./x.go` in the
    /// current directory, `b/x.go` below it, else a shorter relative or
    /// the absolute path.
    fn display_name(&self, dir: &Path, name: &str) -> String {
        let d = self.short_path(dir);
        let d = if d.is_empty() { ".".to_string() } else { d };
        format!("{d}/{name}")
    }

    /// cmd/go's `ShortPath`: relative to the current directory if shorter.
    fn short_path(&self, path: &Path) -> String {
        let abs = path.display().to_string();
        match relative(&self.cfg.cwd, path) {
            Some(rel) if rel.len() < abs.len() => {
                if rel.is_empty() {
                    ".".into()
                } else {
                    rel
                }
            }
            _ => abs,
        }
    }
}

/// Parses one file as gc's parse phase does.
fn parse_one(name: String, display: String, short: String, src: &[u8], mode: Mode) -> Parsed {
    let source = SourceFile::new(display, src);
    let (ast, errors) = parse_file_checked(src, mode, &source);
    Parsed {
        name,
        source,
        short,
        ast,
        errors,
    }
}

fn imports_c(f: &Parsed) -> bool {
    file_imports(&f.ast).any(|(p, _)| p == "C")
}

/// The import path of a literal: its text without quotes.
fn unquote(lit: &str) -> String {
    let b = lit.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'`') && b[b.len() - 1] == b[0] {
        lit[1..lit.len() - 1].to_string()
    } else {
        lit.to_string()
    }
}

/// Relative paths and absolute paths name directories; anything else is
/// an import path.
fn is_local(arg: &str) -> bool {
    arg == "."
        || arg == ".."
        || arg.starts_with("./")
        || arg.starts_with("../")
        || arg.starts_with('/')
}

/// A path whose first element has no dot: the standard library's shape.
fn is_std_path(path: &str) -> bool {
    !path.split('/').next().unwrap_or("").contains('.')
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The directories under `dir` (itself included) that `./...` visits.
fn collect_dirs(dir: &Path, top: bool, out: &mut Vec<PathBuf>) {
    if !top && dir.join("go.mod").exists() {
        return; // a nested module
    }
    out.push(dir.to_path_buf());
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut subs: Vec<(String, PathBuf)> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| Some((e.file_name().into_string().ok()?, e.path())))
        .filter(|(n, _)| !n.starts_with(['.', '_']) && n != "testdata")
        .collect();
    subs.sort();
    for (_, p) in subs {
        collect_dirs(&p, false, out);
    }
}

/// `path` with `.` and `..` resolved lexically (as filepath.Clean).
pub fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` relative to `base` (both absolute): `""` if equal.
fn relative(base: &Path, path: &Path) -> Option<String> {
    let b: Vec<_> = clean(base)
        .components()
        .map(|c| c.as_os_str().to_owned())
        .collect();
    let p: Vec<_> = clean(path)
        .components()
        .map(|c| c.as_os_str().to_owned())
        .collect();
    let common = b.iter().zip(&p).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(p[common..].iter().map(|s| s.to_string_lossy().into_owned()));
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let r = |a: &str, b: &str| relative(Path::new(a), Path::new(b));
        assert_eq!(r("/a/b", "/a/b").as_deref(), Some(""));
        assert_eq!(r("/a/b", "/a/b/c").as_deref(), Some("c"));
        assert_eq!(r("/a/b", "/a/c").as_deref(), Some("../c"));
        assert_eq!(r("/a/b", "/x/y").as_deref(), Some("../../x/y"));
    }

    #[test]
    fn local_and_std_shapes() {
        assert!(is_local(".") && is_local("./x") && is_local("../y") && is_local("/abs"));
        assert!(!is_local("fmt") && !is_local("ex.com/m"));
        assert!(is_std_path("net/http") && !is_std_path("ex.com/m"));
        assert_eq!(unquote("\"fmt\""), "fmt");
        assert_eq!(unquote("`a/b`"), "a/b");
    }
}
