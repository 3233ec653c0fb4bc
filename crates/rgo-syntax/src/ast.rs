//! The Go syntax tree: what the parser produces and the checker reads.
//!
//! Design:
//! - Plain owned tree (`Box`/`Vec`), one allocation per composite node. A
//!   file's tree is immutable once parsed.
//! - Every expression and every identifier carries a [`NodeId`], dense and
//!   unique within its file (`0..File::node_count`), so later passes keep
//!   per-node facts (types, constant values, resolved objects) in a `Vec`
//!   indexed by id instead of a hash map keyed by address.
//! - Positions follow gc's `cmd/compile/internal/syntax` conventions, not
//!   go/ast's, because the checker reports errors where gc reports them:
//!   an expression's `pos` is the position of its *operator* token —
//!   binary `x + y` at `+`, call `f(x)` at `(`, index `a[i]` at `[`,
//!   selector `x.f` at `.`, type assertion `x.(T)` at `.`, key-value `k: v`
//!   at `:`, composite literal `T{...}` at `{`, unary `-x`/`*p`/`<-c` at
//!   the operator — and a leaf's `pos` is its first byte. [`Expr::start`]
//!   walks to the leftmost byte when the start is needed. Statements: an
//!   assignment, define, op-assign, inc/dec or send is at its operator;
//!   other statements at their keyword (or, for an expression statement,
//!   at the expression's `pos`).
//! - Names are `SmolStr` (inline up to 23 bytes, cheap to clone).
//! - Literal values are kept as their source text (quotes, prefixes, `_`
//!   separators and all); the checker evaluates them exactly.
//!
//! Architecture invariant: this module knows nothing of types or of the VM.

use crate::pos::{Pos, Span};
use crate::token::{LitKind, Token};
pub use smol_str::SmolStr as Name;

/// Dense per-file id of an expression or identifier node.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct NodeId(pub u32);

impl NodeId {
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A parsed source file.
#[derive(Clone, Debug)]
pub struct File {
    /// Position of the `package` keyword.
    pub package: Pos,
    /// The package name.
    pub name: Ident,
    /// Top-level declarations in source order, imports first (Go requires it).
    pub decls: Vec<Decl>,
    /// Every comment, in source order, when parsed with [`crate::Mode::COMMENTS`].
    pub comments: Vec<Comment>,
    /// Every `//go:` directive (and `//line`, `//export`) line comment,
    /// always collected: `//go:build`, `//go:noinline`, `//go:linkname`,
    /// `//go:embed`, ... The checker attaches them to declarations by position.
    pub directives: Vec<Directive>,
    /// gc's directive checks left for after type checking (parsed with
    /// [`crate::Mode::PRAGMAS`]).
    pub late: LateDirectives,
    /// Number of [`NodeId`]s handed out in this file.
    pub node_count: u32,
    /// Byte length of the source.
    pub size: u32,
}

impl File {
    /// The import declarations' specs, in order.
    pub fn imports(&self) -> impl Iterator<Item = &ImportSpec> {
        self.decls
            .iter()
            .filter_map(|d| match d {
                Decl::Gen(g) => Some(g),
                _ => None,
            })
            .flat_map(|g| g.specs.iter())
            .filter_map(|s| match s {
                Spec::Import(i) => Some(i),
                _ => None,
            })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    /// From the `//` or `/*` to just past the comment (a `//` comment
    /// excludes its newline).
    pub span: Span,
}

/// The directive checks gc makes once the package type-checks (its writer
/// phase): a directive a declaration took but does not allow, the
/// `//go:linkname` directives to resolve, the `//go:embed` directives'
/// variables. gc makes them only if the package had no error at all.
#[derive(Clone, Debug, Default)]
pub struct LateDirectives {
    /// Errors: (position, message): misplaced directives, and function
    /// directives the function's body (or its lack) does not allow.
    pub misplaced: Vec<(Pos, String)>,
    pub linknames: Vec<Linkname>,
    pub embeds: Vec<EmbedSpec>,
    /// The parser reported an error (gc stops before its writer phase).
    pub had_errors: bool,
}

/// `//go:linkname local [remote]` (or `//go:linknamestd`).
#[derive(Clone, Debug)]
pub struct Linkname {
    /// Position after the `//`.
    pub pos: Pos,
    /// `go:linkname` or `go:linknamestd`.
    pub directive: Box<str>,
    pub local: Box<str>,
    /// Empty if not given.
    pub remote: Box<str>,
}

/// A var spec under a `//go:embed` directive.
#[derive(Clone, Debug)]
pub struct EmbedSpec {
    /// The first directive's position (after the `//`).
    pub pos: Pos,
    pub names: usize,
    pub has_type: bool,
    pub has_values: bool,
    pub in_func: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// Position of the leading `//` (or `/*` of a `/*line ...*/` comment).
    pub pos: Pos,
    /// The text after `//`, e.g. `go:noinline` or `go:linkname a b.c`
    /// (between `/*` and `*/` for a block comment).
    pub text: Box<str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub id: NodeId,
    pub pos: Pos,
    pub name: Name,
}

impl Ident {
    pub fn is_blank(&self) -> bool {
        self.name == "_"
    }
}

/// A literal as written: `0x1p-2`, `'\n'`, "`raw`", `"a\tb"`, `1_000i`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasicLit {
    pub kind: LitKind,
    pub value: Box<str>,
    /// The scanner reported an error inside it (gc's `BasicLit.Bad`): the
    /// type checker leaves it alone.
    pub bad: bool,
}

// ---------------------------------------------------------------------------
// Expressions (and type expressions: Go's grammar does not separate them).

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: NodeId,
    /// The operator position (see the module comment).
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// Placeholder after a syntax error.
    Bad,
    /// An identifier in expression position (a use, not a declaration).
    Name(Name),
    BasicLit(BasicLit),
    /// `T{elems}`; `typ` is `None` for an elided type inside another literal.
    CompositeLit(Box<CompositeLit>),
    /// `key: value` inside a composite literal; `pos` is the colon.
    KeyValue(Box<Expr>, Box<Expr>),
    /// `func(params) results { body }`.
    FuncLit(Box<FuncLit>),
    /// `(x)`; `pos` is the `(`.
    Paren(Box<Expr>),
    /// `x.sel`; `pos` is the `.`.
    Selector(Box<Expr>, Box<Ident>),
    /// `x[i]`, or `x[T1, T2]` (generic instantiation); `pos` is the `[`.
    Index(Box<Expr>, Vec<Expr>),
    /// `x[lo:hi]` or `x[lo:hi:max]`; `pos` is the `[`.
    Slice(Box<SliceExpr>),
    /// `x.(T)`; `None` for `x.(type)` in a type switch guard. `pos` is the `.`.
    TypeAssert(Box<Expr>, Option<Box<Expr>>),
    /// `f(args)`; `pos` is the `(`.
    Call(Box<CallExpr>),
    /// `*x`: dereference or pointer type; `pos` is the `*`.
    Star(Box<Expr>),
    /// `op x` for `+ - ! ^ & <- ~`; `pos` is the operator.
    Unary(Token, Box<Expr>),
    /// `x op y`; `pos` is the operator. Also `A | B` in constraint unions.
    Binary(Token, Box<Expr>, Box<Expr>),

    /// `[N]T`; `len` is `None` for `[...]T` (only valid in a composite literal).
    ArrayType(Option<Box<Expr>>, Box<Expr>),
    /// `[]T`.
    SliceType(Box<Expr>),
    StructType(Box<StructType>),
    /// A function type `func(...) ...` (in a FuncLit the type lives in the FuncLit).
    /// As in gc, the expression's `pos` is the token after `func` (the `(`);
    /// [`FuncType::pos`] is the `func` keyword.
    FuncType(Box<FuncType>),
    InterfaceType(Box<InterfaceType>),
    /// `map[K]V`.
    MapType(Box<Expr>, Box<Expr>),
    /// `chan T`, `chan<- T`, `<-chan T`; `pos` is the first token.
    ChanType(ChanDir, Box<Expr>),
    /// `...T` as the type of a final (variadic) parameter.
    Ellipsis(Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug)]
pub struct CompositeLit {
    pub typ: Option<Expr>,
    pub elems: Vec<Expr>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct FuncLit {
    pub typ: FuncType,
    pub body: Block,
}

#[derive(Clone, Debug)]
pub struct SliceExpr {
    pub x: Expr,
    /// `[lo, hi, max]`; `max` is only present when `full`.
    pub index: [Option<Expr>; 3],
    /// Three-index form `x[lo:hi:max]`.
    pub full: bool,
    pub rbrack: Pos,
}

#[derive(Clone, Debug)]
pub struct CallExpr {
    pub fun: Expr,
    pub args: Vec<Expr>,
    /// Final argument followed by `...`.
    pub has_dots: bool,
    pub rparen: Pos,
}

/// A field of a struct, or a parameter / result / type-parameter group.
/// `a, b int` is one `Field` with two names; an embedded struct field or an
/// unnamed parameter has no names.
#[derive(Clone, Debug)]
pub struct Field {
    pub names: Vec<Ident>,
    pub typ: Expr,
    /// Struct tag, for struct fields.
    pub tag: Option<BasicLit>,
}

#[derive(Clone, Debug)]
pub struct FieldList {
    /// Position of the opening `(`, `[` or `{` (or of the type for a single
    /// unparenthesised result).
    pub opening: Pos,
    pub list: Vec<Field>,
    pub closing: Pos,
}

impl FieldList {
    pub fn empty(at: Pos) -> FieldList {
        FieldList {
            opening: at,
            list: Vec::new(),
            closing: at,
        }
    }

    /// Number of entries counting each name (an unnamed field counts once).
    pub fn num_fields(&self) -> usize {
        self.list.iter().map(|f| f.names.len().max(1)).sum()
    }
}

#[derive(Clone, Debug)]
pub struct StructType {
    pub pos: Pos,
    pub fields: Vec<Field>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct FuncType {
    /// Position of `func`, or of the parameter list's `(` in a method spec.
    pub pos: Pos,
    /// Type parameters; only on generic function declarations.
    pub tparams: Option<FieldList>,
    pub params: FieldList,
    /// Results; an empty list when there are none.
    pub results: FieldList,
}

#[derive(Clone, Debug)]
pub struct InterfaceType {
    pub pos: Pos,
    pub elems: Vec<InterfaceElem>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub enum InterfaceElem {
    /// `Name(params) results`.
    Method(Ident, FuncType),
    /// An embedded interface or a type-set term: `io.Reader`, `~int`,
    /// `int | ~string` (a `Binary(Or, ..)` tree of `Unary(Tilde, ..)` terms).
    Embed(Expr),
}

// ---------------------------------------------------------------------------
// Statements.

#[derive(Clone, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Bad,
    /// An empty statement (a lone `;`, or nothing before `}`).
    Empty,
    /// `const`, `type` or `var` inside a function.
    Decl(Box<GenDecl>),
    /// `label: stmt`; as in gc, `pos` is the colon (the label's own position
    /// is in the `Ident`).
    Labeled(Ident, Box<Stmt>),
    Expr(Expr),
    /// `ch <- v`; `pos` is the `<-`.
    Send(Box<SendStmt>),
    /// `x++` (`true`) or `x--`; `pos` is the operator.
    IncDec(Expr, bool),
    /// `lhs op rhs` for `=`, `:=`, `+=`, ...; `pos` is the operator.
    Assign(Box<AssignStmt>),
    /// `go call`; the expression is what was written (checked to be a call later).
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    /// `break`, `continue`, `goto`, `fallthrough`, with an optional label.
    Branch(Token, Option<Ident>),
    Block(Block),
    If(Box<IfStmt>),
    Switch(Box<SwitchStmt>),
    TypeSwitch(Box<TypeSwitchStmt>),
    Select(Box<SelectStmt>),
    For(Box<ForStmt>),
    Range(Box<RangeStmt>),
}

#[derive(Clone, Debug)]
pub struct SendStmt {
    pub ch: Expr,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub struct AssignStmt {
    pub lhs: Vec<Expr>,
    /// `Assign`, `Define`, or one of the `op=` tokens.
    pub op: Token,
    pub rhs: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub lbrace: Pos,
    pub stmts: Vec<Stmt>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct IfStmt {
    pub init: Option<Stmt>,
    pub cond: Expr,
    pub then: Block,
    /// `else` branch: an `If` or a `Block` statement.
    pub els: Option<Stmt>,
}

#[derive(Clone, Debug)]
pub struct SwitchStmt {
    pub init: Option<Stmt>,
    pub tag: Option<Expr>,
    pub body: Vec<CaseClause>,
    pub rbrace: Pos,
}

/// `switch [init;] [v :=] x.(type) { ... }`.
#[derive(Clone, Debug)]
pub struct TypeSwitchStmt {
    pub init: Option<Stmt>,
    /// The `v` of `v := x.(type)`.
    pub bind: Option<Ident>,
    /// The guard expression, `x.(type)` (a `TypeAssert` with no type).
    pub guard: Expr,
    pub body: Vec<CaseClause>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    /// Position of `case` or `default`.
    pub pos: Pos,
    /// `None` for `default`; for a type switch the list holds types (and `nil`).
    pub list: Option<Vec<Expr>>,
    pub colon: Pos,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct SelectStmt {
    pub body: Vec<CommClause>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    pub pos: Pos,
    /// `None` for `default`; else a send, a receive expression statement,
    /// or an assignment/define whose right side is a receive.
    pub comm: Option<Stmt>,
    pub colon: Pos,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct ForStmt {
    pub init: Option<Stmt>,
    pub cond: Option<Expr>,
    pub post: Option<Stmt>,
    pub body: Block,
}

/// `for [key [, value] (= | :=)] range x { ... }`.
#[derive(Clone, Debug)]
pub struct RangeStmt {
    pub key: Option<Expr>,
    pub value: Option<Expr>,
    /// A third iteration variable, if one was written (`for a, b, c := range`):
    /// gc parses it and the checker reports "range clause permits at most
    /// two iteration variables" at it. Any further ones are dropped.
    pub extra: Option<Expr>,
    /// `Some(Define)` or `Some(Assign)` when there are iteration variables.
    pub op: Option<Token>,
    /// Position of the `range` keyword.
    pub range: Pos,
    pub x: Expr,
    pub body: Block,
}

// ---------------------------------------------------------------------------
// Declarations.

#[derive(Clone, Debug)]
pub enum Decl {
    Bad(Span),
    Gen(GenDecl),
    Func(Box<FuncDecl>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeclKind {
    Import,
    Const,
    Type,
    Var,
}

/// `import`, `const`, `type` or `var`, with one spec or a parenthesised group.
#[derive(Clone, Debug)]
pub struct GenDecl {
    /// Position of the keyword.
    pub pos: Pos,
    pub kind: DeclKind,
    /// `(` of a grouped declaration.
    pub lparen: Option<Pos>,
    pub specs: Vec<Spec>,
    pub rparen: Option<Pos>,
}

#[derive(Clone, Debug)]
pub enum Spec {
    Import(ImportSpec),
    Value(ValueSpec),
    Type(TypeSpec),
}

#[derive(Clone, Debug)]
pub struct ImportSpec {
    /// `.`, `_` or a name; `None` for a plain import.
    pub name: Option<Ident>,
    pub path_pos: Pos,
    /// The import path literal as written (with quotes).
    pub path: BasicLit,
}

/// One line of a `const` or `var` declaration.
#[derive(Clone, Debug)]
pub struct ValueSpec {
    pub names: Vec<Ident>,
    pub typ: Option<Expr>,
    /// Empty when the line has no `= values`; in a const group that means
    /// "repeat the previous line's type and values" (the checker does it).
    pub values: Vec<Expr>,
    /// Index of this line in its `const` group: the value of `iota`.
    pub iota: u32,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub name: Ident,
    pub tparams: Option<FieldList>,
    /// `type A = B`: position of the `=`.
    pub alias: Option<Pos>,
    pub typ: Expr,
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    /// Position of `func`.
    pub pos: Pos,
    pub recv: Option<FieldList>,
    pub name: Ident,
    /// The signature; `typ.tparams` holds a generic function's type parameters.
    pub typ: FuncType,
    /// `None` for a function declared without a body (bound to a native).
    pub body: Option<Block>,
    /// `//go:uintptrescapes` (or the std's `//go:uintptrkeepalive`): what
    /// the `uintptr` arguments point to stays alive for the whole call.
    pub keep_uintptrs: bool,
    /// `//go:noinline`: calls of the function are never inlined.
    pub noinline: bool,
}

// ---------------------------------------------------------------------------
// Helpers.

impl Expr {
    /// Position of the expression's first byte (gc's `syntax.StartPos`).
    pub fn start(&self) -> Pos {
        let mut e = self;
        loop {
            e = match &e.kind {
                ExprKind::CompositeLit(c) => match &c.typ {
                    Some(t) => t,
                    None => return e.pos,
                },
                ExprKind::KeyValue(k, _) => k,
                ExprKind::Selector(x, _) | ExprKind::Index(x, _) | ExprKind::TypeAssert(x, _) => x,
                ExprKind::Slice(s) => &s.x,
                ExprKind::Call(c) => &c.fun,
                ExprKind::Binary(_, x, _) => x,
                _ => return e.pos,
            }
        }
    }

    /// `(x)` → `x`, repeatedly.
    pub fn unparen(&self) -> &Expr {
        let mut e = self;
        while let ExprKind::Paren(x) = &e.kind {
            e = x;
        }
        e
    }
}

#[cfg(test)]
mod layout {
    use super::*;
    // Hot node layouts, pinned: a size change here should be deliberate.
    const _: () = assert!(std::mem::size_of::<Expr>() <= 40);
    const _: () = assert!(std::mem::size_of::<Stmt>() <= 56);
}
