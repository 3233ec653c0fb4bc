//! The type checker of one package (go/types' `Checker`): entry point
//! [`check_package`], the per-package results ([`Info`]) the compiler reads,
//! and errors worded and placed as gc's types2 reports them.
//!
//! Phases, in types2's order (which decides which 10 errors gc shows):
//! object collection over all
//! files, package-level declarations in source order (types first resolved
//! on demand; cycles found by colouring objects grey while in progress),
//! checks delayed until the package-level types are complete (map keys,
//! embedded fields, constraint interfaces used as types, duplicate methods
//! through embedding, type arguments of package-level instantiations),
//! function bodies, initialization order, unused imports, the recording of
//! untyped expressions that never got a final type, and finally (on
//! error-free code) the instantiation-cycle check (`mono.rs`). Once a first
//! error is out, messages mentioning `invalid type`/`invalid operand` are
//! follow-on errors and dropped, as in types2. gc's backend error for
//! bodiless functions is [`missing_bodies`]. Label and
//! branch placement (`break is not in a loop`, `label L defined and not
//! used`) are gc parser checks: `rgo_syntax::parser::parse_file_checked`.

mod backend;
mod builtins;
mod call;
mod decl;
mod directives;
mod expr;
mod frame;
mod generics;
mod initorder;
mod mono;
mod resolver;
mod stmt;
mod typexpr;
pub mod version;

use crate::constant::Value;
use crate::types::*;
use rgo_syntax::ast::{self, Expr, NodeId};
use rgo_syntax::{Pos, SourceFile};
use std::collections::HashMap;

/// How an expression may be used (go/types' operand modes).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Mode {
    Invalid,
    /// A call of a function without results.
    NoValue,
    Builtin,
    TypeExpr,
    Constant,
    /// Addressable.
    Variable,
    /// `m[k]`: assignable but not addressable.
    MapIndex,
    Value,
    /// The untyped `nil`.
    NilValue,
    /// `v, ok` forms: map index, type assertion, receive.
    CommaOk,
}

/// The type and (for constants) value of an expression.
#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub typ: TypeId,
    pub val: Option<Value>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SelectionKind {
    FieldVal,
    MethodVal,
    MethodExpr,
}

/// A resolved selector `x.f` (not a qualified identifier `pkg.Name`).
#[derive(Clone, Debug)]
pub struct Selection {
    pub kind: SelectionKind,
    pub recv: TypeId,
    pub obj: ObjId,
    /// Field indices through embedded fields, then the field/method index.
    pub index: Vec<usize>,
    /// A pointer indirection happened on the way.
    pub indirect: bool,
    /// The selected field's or method's type (methods: with receiver
    /// type arguments substituted, receiver removed for MethodVal).
    pub typ: TypeId,
}

/// A generic instantiation at an identifier use (`typ` is a materialized
/// [`Type::Alias`] for an instance of a generic alias).
#[derive(Clone, Debug)]
pub struct Instance {
    pub targs: Vec<TypeId>,
    pub typ: TypeId,
}

/// Facts about one file, indexed by [`NodeId`].
#[derive(Clone, Debug, Default)]
pub struct FileInfo {
    pub types: Vec<Option<TypeAndValue>>,
    pub defs: Vec<Option<ObjId>>,
    pub uses: Vec<Option<ObjId>>,
    pub selections: Vec<Option<Selection>>,
    pub instances: Vec<Option<Instance>>,
    /// Implicitly declared objects: a type switch clause's variable (keyed
    /// by the clause's `case` position) and an import's package name (keyed
    /// by the import path position).
    pub implicits: HashMap<Pos, ObjId>,
    /// Scopes opened by the file (at `Pos(0)`), functions and function
    /// literals, blocks, `if`/`for`/`range`/`switch`/`select` statements
    /// and their clauses, and type parameter lists, by start position.
    pub scopes: Vec<(Pos, ScopeId)>,
    /// The file's language version (the minor N of go1.N: gc's `-lang`,
    /// or its `//go:build go1.N` line); `None` is the newest.
    pub lang: Option<u32>,
}

impl FileInfo {
    /// Whether the file's `for` loops declare their variables once per
    /// iteration (Go 1.22) rather than once per loop.
    pub fn per_iteration_loop_vars(&self) -> bool {
        self.lang.is_none_or(|v| v >= version::LOOPVAR)
    }
}

/// One package-level variable initialization, in execution order.
#[derive(Clone, Debug)]
pub struct Initializer {
    /// The variables assigned (several for `var a, b = f()`).
    pub lhs: Vec<ObjId>,
    /// File index and the initializer expression's node id.
    pub file: u32,
    pub rhs: NodeId,
}

/// The results of checking one package.
#[derive(Clone, Debug, Default)]
pub struct Info {
    pub files: Vec<FileInfo>,
    pub init_order: Vec<Initializer>,
}

impl Info {
    pub fn type_of(&self, file: usize, id: NodeId) -> Option<&TypeAndValue> {
        self.files.get(file)?.types.get(id.index())?.as_ref()
    }
}

/// A type error, worded and placed as gc's types2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeError {
    pub file: u32,
    pub pos: Pos,
    pub msg: String,
    /// Soft errors (unused variables/imports...) do not make the package unusable.
    pub soft: bool,
}

/// The errors `go build` prints for a package, in gc's way: in report
/// order, an error with the same line and text as the previous one is
/// dropped; at the 10th error gc stops (`too many` is then true and gc
/// prints `too many errors`). The result is sorted by position, as gc
/// prints it. `line` maps (file, pos) to a line number.
pub fn gc_errors(errs: &[TypeError], line: impl Fn(u32, Pos) -> u32) -> (Vec<TypeError>, bool) {
    let mut out: Vec<TypeError> = Vec::new();
    let mut last: Option<(u32, u32, &str)> = None;
    let mut too_many = false;
    for e in errs {
        let l = line(e.file, e.pos);
        if last == Some((e.file, l, e.msg.as_str())) {
            continue;
        }
        last = Some((e.file, l, e.msg.as_str()));
        out.push(e.clone());
        if out.len() >= 10 {
            too_many = true;
            break;
        }
    }
    out.sort_by_key(|e| (e.file, e.pos));
    (out, too_many)
}

/// Where gc prints `too many errors`: at the 10th error it reports, in
/// report order (before sorting); `None` when fewer are shown.
pub fn gc_too_many_at(errs: &[TypeError], line: impl Fn(u32, Pos) -> u32) -> Option<(u32, Pos)> {
    let mut last: Option<(u32, u32, &str)> = None;
    let mut n = 0;
    for e in errs {
        let l = line(e.file, e.pos);
        if last == Some((e.file, l, e.msg.as_str())) {
            continue;
        }
        last = Some((e.file, l, e.msg.as_str()));
        n += 1;
        if n >= 10 {
            return Some((e.file, e.pos));
        }
    }
    None
}

/// gc's backend error for functions declared without a body that no
/// `//go:linkname` directive of their file binds: `missing function body`
/// at the function's name (a method's receiver). gc reports it only for a package that type-checks
/// and is not built with assembly (all user packages of `go build x.go`);
/// the standard library's bodiless natives are the caller's to exempt.
pub fn missing_bodies(files: &[ast::File]) -> Vec<TypeError> {
    let mut out = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        let linked = |name: &str| {
            f.directives.iter().any(|d| {
                let mut w = d.text.split_whitespace();
                w.next() == Some("go:linkname") && w.next() == Some(name)
            })
        };
        for d in &f.decls {
            if let ast::Decl::Func(fd) = d {
                if fd.body.is_none() && fd.typ.tparams.is_none() && !linked(&fd.name.name) {
                    // gc's FuncDecl position: the token after `func`.
                    let pos = fd.recv.as_ref().map_or(fd.name.pos, |r| r.opening);
                    out.push(TypeError {
                        file: fi as u32,
                        pos,
                        msg: "missing function body".into(),
                        soft: false,
                    });
                }
            }
        }
    }
    out
}

/// Resolves import paths to packages (checking their sources if needed).
pub trait Importer {
    fn import(&mut self, world: &mut World, path: &str) -> Result<PackageId, String>;
}

/// Type-checks the package made of `files` (parsed from `sources`, which
/// give file names and line tables for multi-line messages), importing
/// through `imp`. Errors come in types2's report
/// order (gc shows the first 10, sorted by position).
///
/// The checker recurses over the syntax tree, so it runs on a thread with a
/// large stack ([`STACK_SIZE`], reserved, not committed): Go accepts
/// expressions nested tens of thousands deep. Beyond [`MAX_NESTING`] levels
/// it reports an error instead of exhausting even that stack.
pub fn check_package(
    w: &mut World,
    path: &str,
    files: &[ast::File],
    sources: &[SourceFile],
    imp: &mut (dyn Importer + Send),
) -> (PackageId, Info, Vec<TypeError>) {
    check_package_with(&Config::default(), w, path, files, sources, imp)
}

/// The settings of a package check (gc's flags that change what is valid).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// gc's `-lang`: the Go language version (its minor number: 17 is
    /// go1.17) the package is written for; newer features are errors.
    /// `None` allows everything. See [`version`].
    pub lang: Option<u32>,
    /// gc's `-complete` (what `go build` passes for a package without
    /// assembly): a function without a body that no `//go:linkname`
    /// binds is an error ([`missing_bodies`]), judged with gc's other
    /// checks after type checking.
    pub complete: bool,
}

/// [`check_package`] with a [`Config`].
pub fn check_package_with(
    cfg: &Config,
    w: &mut World,
    path: &str,
    files: &[ast::File],
    sources: &[SourceFile],
    imp: &mut (dyn Importer + Send),
) -> (PackageId, Info, Vec<TypeError>) {
    if ON_CHECKER_STACK.with(|c| c.get()) {
        return check_package_here(cfg, w, path, files, sources, imp);
    }
    std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .name("rgo-types".into())
            .stack_size(STACK_SIZE)
            .spawn_scoped(s, || check_package_here(cfg, w, path, files, sources, imp));
        match spawned {
            Ok(h) => match h.join() {
                Ok(r) => r,
                Err(p) => std::panic::resume_unwind(p),
            },
            Err(_) => panic!("rgo-types: cannot start the checker thread"),
        }
    })
}

/// Stack reserved for the checker thread.
pub const STACK_SIZE: usize = 1 << 30;

thread_local! {
    /// This thread was started by [`with_checker_stack`].
    static ON_CHECKER_STACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` on a new thread with a [`STACK_SIZE`] stack, on which
/// [`check_package`] checks in place instead of starting a thread per
/// package (a thread start is cheap, but on a busy machine each one may
/// wait for a CPU: `rgo run` checks ~20 packages). If no thread can be
/// started, `f` runs here (and each check gets its own thread). A panic in
/// `f` is resumed here.
pub fn with_checker_stack<T: Send, F: FnOnce() -> T + Send>(f: F) -> T {
    let cell = std::sync::Mutex::new(Some(f));
    let take = || cell.lock().unwrap_or_else(|e| e.into_inner()).take();
    let joined = std::thread::scope(|s| {
        let h = std::thread::Builder::new()
            .name("rgo-types".into())
            .stack_size(STACK_SIZE)
            .spawn_scoped(s, || {
                ON_CHECKER_STACK.with(|c| c.set(true));
                take().map(|f| f())
            });
        h.ok().map(|h| h.join())
    });
    match joined {
        Some(Ok(Some(v))) => v,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        // The thread could not be spawned: run here.
        _ => match take() {
            Some(f) => f(),
            None => unreachable!("f ran on the thread but returned nothing"),
        },
    }
}

/// Deepest nesting of expressions, types and statements checked.
pub const MAX_NESTING: u32 = 100_000;

fn check_package_here(
    cfg: &Config,
    w: &mut World,
    path: &str,
    files: &[ast::File],
    sources: &[SourceFile],
    imp: &mut (dyn Importer + Send),
) -> (PackageId, Info, Vec<TypeError>) {
    let name = files
        .first()
        .map(|f| f.name.name.to_string())
        .unwrap_or_default();
    let pkg = w.new_package(path, &name);
    w.pkgs[pkg.0 as usize].file_names = sources.iter().map(|s| s.name.clone()).collect();
    let mut c = Checker::new(w, pkg, files, sources, imp);
    c.versions = version::Versions::new(cfg.lang, files);
    c.complete = cfg.complete;
    for (fi, (v, _)) in c.info.files.iter_mut().zip(&c.versions.files) {
        fi.lang = *v;
    }
    c.check_files();
    let Checker { info, errors, .. } = c;
    (pkg, info, errors)
}

/// A delayed type-argument check: (file, type parameters, arguments,
/// argument positions).
pub(crate) type LaterVerify = (u32, Vec<TypeId>, Vec<TypeId>, Vec<Pos>);

/// A check types2 delays until the types involved are complete.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LaterCheck {
    /// A map key type must be comparable.
    MapKey,
    /// An embedded field's type must not be a pointer (to an interface).
    Embedded,
    /// Methods reached through embedded interfaces must agree.
    IfaceDups,
    /// A variable's (field's, element's...) type must not be a constraint.
    VarType,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Color {
    White,
    Grey,
    Black,
}

/// Where a package-level object is declared.
#[derive(Clone, Copy, Debug)]
pub(crate) enum DeclInfo<'a> {
    Const {
        file: u32,
        typ: Option<&'a Expr>,
        init: Option<&'a Expr>,
        iota: u32,
        inherited: bool,
    },
    /// `lhs` holds all variables of an n:1 declaration (`var a, b = f()`).
    Var {
        file: u32,
        typ: Option<&'a Expr>,
        init: Option<&'a Expr>,
        lhs: Option<&'a [ast::Ident]>,
    },
    Type {
        file: u32,
        spec: &'a ast::TypeSpec,
    },
    Func {
        file: u32,
        decl: &'a ast::FuncDecl,
    },
}

impl DeclInfo<'_> {
    fn file(&self) -> u32 {
        match self {
            DeclInfo::Const { file, .. }
            | DeclInfo::Var { file, .. }
            | DeclInfo::Type { file, .. }
            | DeclInfo::Func { file, .. } => *file,
        }
    }
}

/// The operand of an expression being checked.
#[derive(Clone, Debug)]
pub(crate) struct Operand<'a> {
    pub mode: Mode,
    pub typ: TypeId,
    pub val: Option<Value>,
    pub expr: Option<&'a Expr>,
    pub builtin: Option<Builtin>,
    /// Stands in for the expression in messages (`2nd function result`).
    pub label: Option<String>,
}

impl<'a> Operand<'a> {
    fn invalid() -> Operand<'a> {
        Operand {
            mode: Mode::Invalid,
            typ: TypeId::INVALID,
            val: None,
            expr: None,
            builtin: None,
            label: None,
        }
    }
    fn new(mode: Mode, typ: TypeId, expr: &'a Expr) -> Operand<'a> {
        Operand {
            mode,
            typ,
            val: None,
            expr: Some(expr),
            builtin: None,
            label: None,
        }
    }
    fn is_invalid(&self) -> bool {
        self.mode == Mode::Invalid
    }
    fn pos(&self) -> Pos {
        self.expr.map(|e| e.start()).unwrap_or_default()
    }
}

/// The state of one function body being checked.
#[derive(Clone, Debug, Default)]
pub(crate) struct FuncCtx {
    pub sig: Option<TypeId>,
    pub has_defer: bool,
    /// Local variables declared, to report `declared and not used`.
    pub vars: Vec<ObjId>,
    /// The function's labels (`Label` objects, by name).
    pub labels: HashMap<ast::Name, ObjId>,
}

/// A function body waiting to be checked.
#[derive(Clone, Debug)]
pub(crate) struct Delayed<'a> {
    pub file: u32,
    /// The package-level declaration it belongs to (for dependencies).
    pub decl: Option<ObjId>,
    pub sig: TypeId,
    pub body: &'a ast::Block,
    pub scope: ScopeId,
    pub iota: Option<Value>,
}

/// Untyped expression awaiting its final type.
#[derive(Clone, Debug)]
struct UntypedInfo<'a> {
    expr: &'a Expr,
    /// The left operand of a non-constant shift.
    is_lhs: bool,
    mode: Mode,
    typ: TypeId,
    val: Option<Value>,
}

pub(crate) struct Checker<'a, 'w> {
    pub w: &'w mut World,
    pub pkg: PackageId,
    files: &'a [ast::File],
    sources: &'a [SourceFile],
    imp: &'w mut (dyn Importer + Send),
    pub info: Info,
    pub errors: Vec<TypeError>,
    /// The file whose code is being checked.
    file: u32,
    /// Package-level declarations.
    decls: HashMap<ObjId, DeclInfo<'a>>,
    /// Package-level objects in source order.
    pkg_objs: Vec<ObjId>,
    color: HashMap<ObjId, Color>,
    /// Objects being declared (for cycle reports).
    obj_path: Vec<ObjId>,
    /// The package-level object whose declaration is being checked (for deps).
    cur_decl: Option<ObjId>,
    /// Dependencies of package-level objects on others (for init order).
    deps: HashMap<ObjId, Vec<ObjId>>,
    /// Methods by receiver base type name.
    methods: HashMap<ObjId, Vec<ObjId>>,
    /// File scopes, by file index.
    file_scopes: Vec<ScopeId>,
    /// Imported package names, per file, to report unused imports.
    imports: Vec<(u32, ObjId, Pos, String)>,
    used_pkgnames: std::collections::HashSet<ObjId>,
    /// Where each instantiated type was first written (file, position).
    instance_pos: HashMap<TypeId, (u32, Pos)>,
    /// Stand-ins for packages that failed to import.
    fake_pkgs: std::collections::HashSet<PackageId>,
    /// Function bodies to check later: declared functions after the
    /// package-level declarations, function literals at the end of their
    /// statement (before its new variables are declared), as types2 does.
    delayed: Vec<Delayed<'a>>,
    /// Length of `delayed` when the current statement began.
    stmt_top: usize,
    untyped: HashMap<(u32, NodeId), UntypedInfo<'a>>,
    /// Current lexical scope.
    scope: ScopeId,
    fctx: FuncCtx,
    /// `iota` value while checking a constant declaration.
    iota: Option<Value>,
    /// Errors in an inherited constant initializer are reported at the
    /// constant's name (types2 checks a copy placed there).
    err_pos: Option<Pos>,
    /// Named types whose underlying is another named type's, not yet known.
    pending_under: Vec<(TypeId, TypeId)>,
    /// Checks delayed until the package-level types are complete (map
    /// keys, embedded fields), each with its file, position and type.
    later_checks: Vec<(u32, Pos, TypeId, LaterCheck)>,
    /// Dot imports by (file, package): their PkgName, to mark it used.
    dot_imports: HashMap<(u32, PackageId), ObjId>,
    /// Interfaces whose type set waits for an embedded type to resolve.
    pub(crate) incomplete_ifaces: Vec<TypeId>,
    /// Alias declarations being resolved: (alias, type definitions in
    /// progress when it started, its placeholder type, generic). A use of
    /// one is a cycle unless a type definition started since.
    aliases_in_progress: Vec<(ObjId, u32, TypeId, bool)>,
    /// (defined type, alias placeholder) of `type A = T` declarations in
    /// progress whose right-hand side is the plain name of a defined type.
    alias_targets: Vec<(ObjId, TypeId)>,
    /// Defined type declarations in progress (nesting count).
    typedefs_in_progress: u32,
    /// Current nesting depth of expressions, types and statements.
    nesting: u32,
    /// The declared right-hand side of each defined type of the package
    /// (`type x y` records y), walked by the recursive-type check.
    named_rhs: HashMap<TypeId, TypeId>,
    /// Embedded interfaces with their positions, of interfaces awaiting
    /// the duplicate-method check.
    iface_embeds: HashMap<TypeId, Vec<(Pos, TypeId)>>,
    /// Type-argument checks of package-level instantiations, delayed until
    /// the types are complete: (file, type parameters, arguments, positions).
    later_verifies: Vec<LaterVerify>,
    /// Partially instantiated generic functions (`F[A]` of a function with
    /// more type parameters): the signature of the expression to the
    /// generic signature and the type arguments given.
    partials: HashMap<TypeId, (TypeId, Vec<TypeId>)>,
    /// Type parameter flows through instantiations (see `mono.rs`).
    mono_edges: Vec<mono::MonoEdge>,
    /// Receiver type parameters to their base type's parameters.
    mono_canon: HashMap<TypeId, TypeId>,
    /// The package name given by the first file not named `_`.
    pkg_name_seen: Option<String>,
    /// The language version of the package and of each file.
    versions: version::Versions,
    /// [`Config::complete`].
    complete: bool,
}

impl<'a, 'w> Checker<'a, 'w> {
    fn new(
        w: &'w mut World,
        pkg: PackageId,
        files: &'a [ast::File],
        sources: &'a [SourceFile],
        imp: &'w mut (dyn Importer + Send),
    ) -> Self {
        let scope = w.pkg(pkg).scope;
        let info = Info {
            files: files
                .iter()
                .map(|f| {
                    let n = f.node_count as usize;
                    FileInfo {
                        types: vec![None; n],
                        defs: vec![None; n],
                        uses: vec![None; n],
                        selections: vec![None; n],
                        instances: vec![None; n],
                        ..FileInfo::default()
                    }
                })
                .collect(),
            init_order: Vec::new(),
        };
        Checker {
            w,
            pkg,
            files,
            sources,
            imp,
            info,
            errors: Vec::new(),
            file: 0,
            decls: HashMap::new(),
            pkg_objs: Vec::new(),
            color: HashMap::new(),
            obj_path: Vec::new(),
            cur_decl: None,
            deps: HashMap::new(),
            methods: HashMap::new(),
            file_scopes: Vec::new(),
            imports: Vec::new(),
            used_pkgnames: Default::default(),
            fake_pkgs: Default::default(),
            instance_pos: HashMap::new(),
            delayed: Vec::new(),
            stmt_top: 0,
            untyped: HashMap::new(),
            scope,
            fctx: FuncCtx::default(),
            iota: None,
            err_pos: None,
            pending_under: Vec::new(),
            later_checks: Vec::new(),
            dot_imports: HashMap::new(),
            incomplete_ifaces: Vec::new(),
            aliases_in_progress: Vec::new(),
            typedefs_in_progress: 0,
            alias_targets: Vec::new(),
            nesting: 0,
            pkg_name_seen: None,
            named_rhs: HashMap::new(),
            iface_embeds: HashMap::new(),
            later_verifies: Vec::new(),
            partials: HashMap::new(),
            mono_edges: Vec::new(),
            mono_canon: HashMap::new(),
            versions: version::Versions::default(),
            complete: false,
        }
    }

    fn check_files(&mut self) {
        self.collect_objects();
        self.package_objects();
        self.check_later_map_keys();
        self.process_delayed_from(0);
        self.check_later_map_keys();
        self.init_order();
        self.unused_imports();
        self.record_untyped();
        // As types2: the instantiation-cycle check runs on error-free code.
        if self.errors.is_empty() {
            self.monomorph();
        }
        // gc's directive checks, then its layout and frame errors, come
        // after type checking, on a package without errors.
        if self.errors.is_empty() && directives::parsed_clean(self.files) {
            self.late_directive_checks();
            if self.complete {
                self.errors.extend(missing_bodies(self.files));
            }
            if self.errors.is_empty() {
                self.backend_checks();
            }
        }
    }

    /// Enters one nesting level; false (after reporting) when too deep.
    pub(crate) fn enter(&mut self, pos: Pos) -> bool {
        self.nesting += 1;
        if self.nesting == MAX_NESTING {
            self.error(pos, "expression or statement nesting too deep");
        }
        self.nesting < MAX_NESTING
    }

    pub(crate) fn leave(&mut self) {
        self.nesting -= 1;
    }

    // -----------------------------------------------------------------------
    // Errors.

    pub(crate) fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        let pos = self.err_pos.unwrap_or(pos);
        let msg = msg.into();
        if self.is_follow_on(&msg) {
            return;
        }
        self.errors.push(TypeError {
            file: self.file,
            pos,
            msg,
            soft: false,
        });
    }

    /// types2's "cheap trick": once an error was reported, a message
    /// mentioning `invalid operand` or `invalid type` (not at its start)
    /// is a follow-on error and is dropped.
    fn is_follow_on(&self, msg: &str) -> bool {
        let inner = |pat: &str| msg.find(pat).is_some_and(|i| i > 0);
        !self.errors.is_empty() && (inner("invalid operand") || inner("invalid type"))
    }

    /// `file:line:col` of a position in the current file, for a message
    /// (after a `//line` directive with the physical position too).
    pub(crate) fn pos_string(&self, pos: Pos) -> String {
        match self.sources.get(self.file as usize) {
            Some(src) => src.message_position(pos),
            None => String::from("?"),
        }
    }

    pub(crate) fn soft_error(&mut self, pos: Pos, msg: impl Into<String>) {
        let msg = msg.into();
        if self.is_follow_on(&msg) {
            return;
        }
        self.errors.push(TypeError {
            file: self.file,
            pos,
            msg,
            soft: true,
        });
    }

    /// An error at an object's declaration (it may be in another file).
    pub(crate) fn error_at_obj(&mut self, o: ObjId, msg: impl Into<String>) {
        let (file, pos) = (self.w.obj(o).file, self.w.obj(o).pos);
        let msg = msg.into();
        if self.is_follow_on(&msg) {
            return;
        }
        self.errors.push(TypeError {
            file,
            pos,
            msg,
            soft: false,
        });
    }

    /// `file:line:col` of an object for multi-line cycle reports.
    fn obj_position(&self, o: ObjId) -> String {
        let ob = self.w.obj(o);
        if ob.pkg != Some(self.pkg) {
            return String::from("?");
        }
        match self.sources.get(ob.file as usize) {
            Some(src) => src.message_position(ob.pos),
            None => String::from("?"),
        }
    }

    // -----------------------------------------------------------------------
    // Strings for messages.

    pub(crate) fn tstr(&self, t: TypeId) -> String {
        self.w.type_string_aliased(t, Some(self.pkg))
    }

    pub(crate) fn op_string(&self, x: &Operand) -> String {
        operand_string(self, x)
    }

    // -----------------------------------------------------------------------
    // Recording.

    fn finfo(&mut self) -> &mut FileInfo {
        &mut self.info.files[self.file as usize]
    }

    pub(crate) fn record_def(&mut self, id: &ast::Ident, o: ObjId) {
        if let Some(slot) = self.finfo().defs.get_mut(id.id.index()) {
            *slot = Some(o);
        }
    }

    pub(crate) fn record_use(&mut self, id: NodeId, o: ObjId) {
        if let Some(slot) = self.finfo().uses.get_mut(id.index()) {
            *slot = Some(o);
        }
    }

    pub(crate) fn record_type_and_value(
        &mut self,
        e: &Expr,
        mode: Mode,
        typ: TypeId,
        val: Option<Value>,
    ) {
        if mode == Mode::Invalid {
            return;
        }
        if let Some(slot) = self.finfo().types.get_mut(e.id.index()) {
            *slot = Some(TypeAndValue { mode, typ, val });
        }
    }

    pub(crate) fn record_selection(&mut self, e: &Expr, sel: Selection) {
        if let Some(slot) = self.finfo().selections.get_mut(e.id.index()) {
            *slot = Some(sel);
        }
    }

    pub(crate) fn record_scope(&mut self, pos: Pos, s: ScopeId) {
        self.finfo().scopes.push((pos, s));
    }

    /// Records `x` for expression `e`: untyped results wait for their final type.
    pub(crate) fn record_operand(&mut self, e: &'a Expr, x: &Operand<'a>) {
        if x.mode == Mode::Invalid {
            return;
        }
        if self.w.types.is_untyped(x.typ) {
            self.untyped.insert(
                (self.file, e.id),
                UntypedInfo {
                    expr: e,
                    is_lhs: false,
                    mode: x.mode,
                    typ: x.typ,
                    val: x.val.clone(),
                },
            );
        } else {
            self.record_type_and_value(e, x.mode, x.typ, x.val.clone());
        }
    }

    /// Was `e` recorded as a constant (typed, or untyped awaiting its type)?
    /// Was `e` recorded as a type (the function of a conversion)?
    pub(crate) fn is_recorded_type(&self, e: &Expr) -> bool {
        self.info.files[self.file as usize]
            .types
            .get(e.id.index())
            .and_then(|t| t.as_ref())
            .is_some_and(|t| t.mode == Mode::TypeExpr)
    }

    pub(crate) fn is_recorded_constant(&self, e: &Expr) -> bool {
        let typed = self.info.files[self.file as usize]
            .types
            .get(e.id.index())
            .and_then(|t| t.as_ref())
            .is_some_and(|t| t.mode == Mode::Constant);
        typed
            || self
                .untyped
                .get(&(self.file, e.id))
                .is_some_and(|u| u.mode == Mode::Constant)
    }

    fn record_untyped(&mut self) {
        let mut list: Vec<_> = self.untyped.drain().collect();
        list.sort_by_key(|(k, _)| *k);
        for ((file, _), u) in list {
            self.file = file;
            self.record_type_and_value(u.expr, u.mode, u.typ, u.val);
        }
    }

    // -----------------------------------------------------------------------
    // Scopes.

    pub(crate) fn open_scope(&mut self, pos: Pos, end: Pos) -> ScopeId {
        let s = self.w.new_scope(Some(self.scope), pos, end);
        self.scope = s;
        self.record_scope(pos, s);
        s
    }

    pub(crate) fn close_scope(&mut self) {
        if let Some(p) = self.w.scope(self.scope).parent {
            self.scope = p;
        }
    }

    /// Declares `o` in scope `s`, reporting redeclarations as types2 does.
    pub(crate) fn declare(&mut self, s: ScopeId, id: Option<&ast::Ident>, o: ObjId) {
        if let Some(id) = id {
            self.record_def(id, o);
        }
        if self.w.obj(o).name == "_" {
            return;
        }
        if let Some(old) = self.w.insert(s, o) {
            self.redeclared(o, old);
        }
    }

    /// Reports `o` redeclared in the block of `old`, with the other
    /// declaration's position as a continuation line (as types2 does).
    pub(crate) fn redeclared(&mut self, o: ObjId, old: ObjId) {
        let name = self.w.obj(o).name.clone();
        let pos = self.w.obj(o).pos;
        let mut msg = format!("{} redeclared in this block", name);
        if self.w.obj(old).pkg == Some(self.pkg) {
            let other = self.obj_position(old);
            msg.push_str(&format!("\n\t{}: other declaration of {}", other, name));
        }
        self.error(pos, msg);
    }

    pub(crate) fn new_obj(&mut self, name: &str, kind: ObjKind, typ: TypeId, pos: Pos) -> ObjId {
        self.w.new_obj(Object {
            name: name.into(),
            kind,
            typ,
            pkg: Some(self.pkg),
            pos,
            file: self.file,
            parent: None,
            alias: false,
        })
    }

    pub(crate) fn new_var(&mut self, name: &str, typ: TypeId, pos: Pos) -> ObjId {
        self.new_obj(name, ObjKind::Var(VarInfo::default()), typ, pos)
    }

    fn unused_imports(&mut self) {
        let imports = std::mem::take(&mut self.imports);
        for (file, o, pos, path) in imports {
            if self.used_pkgnames.contains(&o) {
                continue;
            }
            self.file = file;
            let oname = self.w.obj(o).name.clone();
            let pkgname = match self.w.obj(o).kind {
                ObjKind::PkgName(p) => self.w.pkg(p).name.clone(),
                _ => oname.clone(),
            };
            let msg = if oname != pkgname && oname != "_" && oname != "." {
                format!("{:?} imported as {} and not used", path, oname)
            } else {
                format!("{:?} imported and not used", path)
            };
            self.soft_error(pos, msg);
        }
    }
}

/// The operand description types2 prints: `x (variable of type int)`,
/// `1 (untyped int constant)`, `c (constant 3 of type T)`, `nil`, ...
fn operand_string(c: &Checker, x: &Operand) -> String {
    let tt = &c.w.types;
    if x.mode == Mode::NilValue {
        return if x.typ == TypeId::UNTYPED_NIL || x.typ == TypeId::INVALID {
            "nil".into()
        } else {
            format!("nil (of type {})", c.tstr(x.typ))
        };
    }
    let expr = match (&x.label, x.expr) {
        (Some(l), _) => l.clone(),
        (None, Some(e)) => crate::exprstring::expr_string(e),
        (None, None) => match x.mode {
            Mode::Builtin => x.builtin.map(|b| b.name().to_string()).unwrap_or_default(),
            Mode::TypeExpr => c.tstr(x.typ),
            Mode::Constant => x.val.as_ref().map(|v| v.to_string()).unwrap_or_default(),
            _ => String::new(),
        },
    };
    let mut buf = String::new();
    if !expr.is_empty() {
        buf.push_str(&expr);
        buf.push_str(" (");
    }
    let mut has_type = false;
    match x.mode {
        Mode::Invalid | Mode::NoValue | Mode::Builtin | Mode::TypeExpr => {}
        _ => {
            if tt.is_untyped(x.typ) {
                buf.push_str(&c.tstr(x.typ));
                buf.push(' ');
            } else {
                has_type = true;
            }
        }
    }
    buf.push_str(match x.mode {
        Mode::Invalid => "invalid operand",
        Mode::NoValue => "no value",
        Mode::Builtin => "built-in",
        Mode::TypeExpr => "type",
        Mode::Constant => "constant",
        Mode::Variable => "variable",
        Mode::MapIndex => "map index expression",
        Mode::Value => "value",
        Mode::NilValue => "nil",
        Mode::CommaOk => "comma, ok expression",
    });
    if x.mode == Mode::Constant {
        if let Some(v) = &x.val {
            let s = v.to_string();
            if s != expr {
                buf.push(' ');
                buf.push_str(&s);
            }
        }
    }
    if has_type {
        if tt.is_valid(x.typ) {
            let mut desc = String::new();
            let is_tparam = tt.is_type_param(x.typ);
            if !is_tparam && (tt.is_alias(x.typ) || matches!(tt.get(x.typ), Type::Named(_))) {
                let what = composite_kind(c.w, x.typ);
                let what = if what.is_empty() {
                    // The basic type's own name (`Pointer` for unsafe.Pointer).
                    match tt.get(tt.under(x.typ)) {
                        Type::Basic(crate::constant::BasicKind::UnsafePointer) => {
                            "Pointer".to_string()
                        }
                        _ => c.tstr(tt.under(x.typ)),
                    }
                } else {
                    what.to_string()
                };
                desc = format!("{} ", what);
            }
            buf.push_str(&format!(" of {}type ", desc));
            buf.push_str(&c.tstr(x.typ));
            if let Type::TypeParam(p) = tt.get(x.typ) {
                buf.push_str(" constrained by ");
                buf.push_str(&c.tstr(p.bound));
            }
        } else {
            buf.push_str(" with invalid type");
        }
    }
    if !expr.is_empty() {
        buf.push(')');
    }
    buf
}

/// `struct`, `map`, ... for a named type's underlying structure; "" for basic.
pub(crate) fn composite_kind(w: &World, t: TypeId) -> &'static str {
    match w.types.get(w.types.under(t)) {
        Type::Array(..) => "array",
        Type::Slice(_) => "slice",
        Type::Struct(_) => "struct",
        Type::Pointer(_) => "pointer",
        Type::Signature(_) => "func",
        Type::Interface(_) => "interface",
        Type::Map(..) => "map",
        Type::Chan(..) => "chan",
        Type::Tuple(_) => "tuple",
        Type::Union(_) => "union",
        _ => "",
    }
}
