//! The parser: tokens to [`crate::ast`], with gc's error wording and recovery.
//!
//! A recursive-descent parser with one token of lookahead, following the
//! structure of gc's `cmd/compile/internal/syntax` parser so that it accepts
//! exactly what gc accepts and reports the same errors at the same places:
//! the same ambiguity rules (composite literals in statement headers, `[P *C]`
//! type parameters vs array lengths, `<-chan` re-association), the same
//! messages (`syntax error: unexpected newline, expected comma or )`) and the
//! same recovery (skip to a follow token, where statement keywords count as
//! follow tokens inside function bodies), so that later errors match too.
//! Parentheses are kept in expressions and dropped in types and after `&`,
//! as gc does (they show in the checker's messages: `cannot use ("a") ...`).
//!
//! Errors. Scanner and parser errors are recorded in the order gc would emit
//! them, then `finish_errors` applies gc's reporting rules (base.ErrorfAt +
//! FlushErrors): at most one `syntax error` per line (compared with the last
//! reported syntax error), equal non-syntax errors on one line only once, stop
//! after the 10th error with `too many errors` at its position, and finally a
//! stable sort by position with exact duplicates removed. These rules apply
//! per file here; gc applies them per package (a driver compiling several
//! files must merge). [`parse_file_checked`] adds gc's label and branch
//! checks ([`branches`]), which gc runs while parsing.
//!
//! Checked against gc: every file of GOROOT/src and of Go 1.19's src and test
//! trees, and thousands of randomly mutated copies of them, give exactly the
//! error lines of gc's own syntax package (see tests/parser.rs, `corpus`).
//!
//! Nesting. gc recurses without limit (Go stacks grow); we run on a finite
//! stack. Every recursive cycle of the grammar passes through a guarded
//! function (`Parser::enter`). A parse first runs on the caller's thread
//! with a small depth limit ([`SHALLOW_LIMIT`], safe on a 2 MiB stack); only
//! a file that exceeds it is parsed again on a fresh thread with a big stack
//! ([`DEEP_STACK`]) and limit [`DEEP_LIMIT`]. Beyond that the file is rejected
//! with `exceeded max nesting depth` (go/parser's wording; gc itself would
//! accept it). Once a limit is hit the parser sees only EOF, so it unwinds at
//! once. Note that the tree returned for a deep file is as deep as the file:
//! code that walks it recursively, and dropping it, need a matching stack.

pub mod branches;
mod pragma;

use crate::ast::*;
use crate::dump::{expr_string, simple_stmt_string};
use crate::pos::{Pos, SourceFile};
use crate::scanner::Scanner;
use crate::token::{LitKind, SemiKind, Tok, Token};
use crate::{Mode, SyntaxError};

/// Nesting depth allowed on the caller's stack: at most about 1 MiB of it
/// (measured: a level takes up to ~2 KiB in a release build, ~10 KiB in a
/// debug build), so that parsing fits Rust's default 2 MiB thread stack.
/// The deepest file in GOROOT and Go's test suite reaches 401.
pub const SHALLOW_LIMIT: u32 = if cfg!(debug_assertions) { 100 } else { 500 };
/// Nesting depth allowed on the dedicated big-stack thread.
pub const DEEP_LIMIT: u32 = 10_000;
/// Stack size of the dedicated thread (reserved virtual memory; only the
/// pages touched are committed).
pub const DEEP_STACK: usize = 256 << 20;

/// gc stops after this many errors (without -e).
const MAX_ERRORS: usize = 10;

/// Parses one file as `go build`'s parse phase does: [`crate::parse_file`]
/// plus gc's label and branch checks of every function body that parsed
/// without error (`label L defined and not used`, `break is not in a loop,
/// switch, or select`, ...; see [`branches`]). Those errors are not syntax
/// errors (they lack the `syntax error: ` prefix): gc goes on to type check
/// after them. `file` names the source, since some of these messages quote
/// positions (`label L already defined at ./x.go:4:1`). gc's reporting rules
/// (see the module comment) apply to both kinds together, per file.
pub fn parse_file_checked(src: &[u8], mode: Mode, file: &SourceFile) -> (File, Vec<SyntaxError>) {
    let mut p = Parser::new(src, mode);
    p.branch_file = Some(file);
    p.parse_file()
}

pub struct Parser<'a> {
    src: &'a [u8],
    /// `src` as a string, if it is valid UTF-8 (almost always).
    src_str: Option<&'a str>,
    /// Run gc's branch checks on function bodies, quoting positions in
    /// this file.
    branch_file: Option<&'a SourceFile>,
    mode: Mode,
    sc: Scanner<'a>,
    tok: Tok,
    next_id: u32,
    /// Every error so far, in emission order; `syntax` marks parser errors
    /// that gc words as `syntax error: ...` (they dedup per line).
    errs: Vec<RawError>,
    /// Scanner errors already moved into `errs`.
    scan_errs: usize,
    /// Branch check errors in `errs` (they do not count as parse errors).
    branch_errs: usize,
    /// Function nesting (statement keywords are follow tokens when > 0).
    fnest: u32,
    /// Expression nesting: `< 0` in a statement header, where `{` ends the
    /// expression unless inside parentheses or brackets.
    xnest: i32,
    depth: u32,
    depth_limit: u32,
    /// The depth limit was hit: the parser sees only EOF from then on.
    too_deep: bool,
    /// The scanner reported an error inside the current token (gc's
    /// `BasicLit.Bad`).
    tok_bad: bool,
    /// Compiler directives waiting for a declaration (`Mode::PRAGMAS`).
    pending: pragma::Pending,
    late: crate::ast::LateDirectives,
}

struct RawError {
    pos: Pos,
    msg: String,
    syntax: bool,
    class: ErrClass,
}

/// Which parser reports an error. gc's parser and go/parser disagree on a
/// few constructs: each rejects some that the other leaves to its type
/// checker. [`Mode::GO_PARSER`] selects go/parser's set (for `rgo tool
/// parse`); by default the parser reports gc's set, and the type checker
/// reports the rest with gc's words at gc's positions, as gc does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ErrClass {
    /// Both parsers reject.
    Both,
    /// gc's parser rejects; go/parser accepts and leaves it to go/types
    /// (`method has no receiver`, `cannot declare in post statement of for
    /// loop`, a type switch guard with a non-name left side).
    GcOnly,
    /// go/parser rejects; gc's parser accepts and types2 reports it (three
    /// range variables, `go`/`defer` of a non-call). Worded as types2 words it.
    GoParserOnly,
}

/// What `simple_stmt` found: a statement, a range clause (only after `for`),
/// or a type switch guard `v := x.(type)` (only after `switch`).
enum Simple {
    Stmt(Stmt),
    Range(RangeClause),
    Guard(Ident, Expr),
}

struct RangeClause {
    lhs: Vec<Expr>,
    op: Option<Token>,
    pos: Pos,
    x: Expr,
}

#[derive(Default)]
struct Header {
    init: Option<Stmt>,
    cond: Option<Expr>,
    bind: Option<Ident>,
    post: Option<Stmt>,
    range: Option<RangeClause>,
}

/// One entry of a parameter list before types are distributed over names.
struct Param {
    name: Option<Ident>,
    typ: Option<Expr>,
}

/// `x [n]E` vs `x[n1, n2]`: what follows a name in a field or parameter.
enum ArrOrTArgs {
    Type(Expr),
    Args(Pos, Vec<Expr>),
}

// Token classes for follow sets (gc's token kinds).
const C_EOF: u32 = 0;
const C_NAME: u32 = 1;
const C_LIT: u32 = 2;
const C_OP: u32 = 3;
const C_ASSIGNOP: u32 = 4;
const C_INCOP: u32 = 5;
const C_ASSIGN: u32 = 6;
const C_DEFINE: u32 = 7;
const C_ARROW: u32 = 8;
const C_STAR: u32 = 9;
const C_LPAREN: u32 = 10;
const C_LBRACK: u32 = 11;
const C_LBRACE: u32 = 12;
const C_RPAREN: u32 = 13;
const C_RBRACK: u32 = 14;
const C_RBRACE: u32 = 15;
const C_COMMA: u32 = 16;
const C_SEMI: u32 = 17;
const C_COLON: u32 = 18;
const C_DOT: u32 = 19;
const C_DOTS: u32 = 20;
const C_KEYWORD0: u32 = 21; // keywords: C_KEYWORD0 + index
const C_OTHER: u32 = 63;

fn class(t: Token) -> u32 {
    use Token::*;
    match t {
        Eof => C_EOF,
        Ident => C_NAME,
        Lit(_) => C_LIT,
        Add | Sub | Quo | Rem | And | Or | Xor | Shl | Shr | AndNot | LAnd | LOr | Eql | Lss
        | Gtr | Not | Neq | Leq | Geq | Tilde => C_OP,
        AddAssign | SubAssign | MulAssign | QuoAssign | RemAssign | AndAssign | OrAssign
        | XorAssign | ShlAssign | ShrAssign | AndNotAssign => C_ASSIGNOP,
        Inc | Dec => C_INCOP,
        Assign => C_ASSIGN,
        Define => C_DEFINE,
        Arrow => C_ARROW,
        Mul => C_STAR,
        LParen => C_LPAREN,
        LBrack => C_LBRACK,
        LBrace => C_LBRACE,
        RParen => C_RPAREN,
        RBrack => C_RBRACK,
        RBrace => C_RBRACE,
        Comma => C_COMMA,
        Semi(_) => C_SEMI,
        Colon => C_COLON,
        Period => C_DOT,
        Ellipsis => C_DOTS,
        Break => C_KEYWORD0,
        Case => C_KEYWORD0 + 1,
        Chan => C_KEYWORD0 + 2,
        Const => C_KEYWORD0 + 3,
        Continue => C_KEYWORD0 + 4,
        Default => C_KEYWORD0 + 5,
        Defer => C_KEYWORD0 + 6,
        Else => C_KEYWORD0 + 7,
        Fallthrough => C_KEYWORD0 + 8,
        For => C_KEYWORD0 + 9,
        Func => C_KEYWORD0 + 10,
        Go => C_KEYWORD0 + 11,
        Goto => C_KEYWORD0 + 12,
        If => C_KEYWORD0 + 13,
        Import => C_KEYWORD0 + 14,
        Interface => C_KEYWORD0 + 15,
        Map => C_KEYWORD0 + 16,
        Package => C_KEYWORD0 + 17,
        Range => C_KEYWORD0 + 18,
        Return => C_KEYWORD0 + 19,
        Select => C_KEYWORD0 + 20,
        Struct => C_KEYWORD0 + 21,
        Switch => C_KEYWORD0 + 22,
        Type => C_KEYWORD0 + 23,
        Var => C_KEYWORD0 + 24,
        Comment => C_OTHER,
    }
}

fn set(toks: &[Token]) -> u64 {
    toks.iter().fold(0, |s, &t| s | 1u64 << class(t))
}

/// Keywords that start a statement: synchronisation points inside functions.
fn stopset() -> u64 {
    use Token::*;
    set(&[
        Break,
        Const,
        Continue,
        Defer,
        Fallthrough,
        For,
        Go,
        Goto,
        If,
        Return,
        Select,
        Switch,
        Type,
        Var,
    ])
}

/// gc's English word for a token in `expected X` messages.
fn tokstring(t: Token) -> String {
    match t {
        Token::Comma => "comma".into(),
        Token::Semi(_) => "semicolon or newline".into(),
        t if t.is_keyword() => format!("keyword {}", t.as_str()),
        t => t.as_str().into(),
    }
}

const SEMI: Token = Token::Semi(SemiKind::Written);
const OR: Token = Token::Or;

impl<'a> Parser<'a> {
    pub fn new(src: &'a [u8], mode: Mode) -> Parser<'a> {
        Parser::with_limit(src, mode, SHALLOW_LIMIT)
    }

    fn with_limit(src: &'a [u8], mode: Mode, depth_limit: u32) -> Parser<'a> {
        let eof = Pos(src.len() as u32);
        Parser {
            src,
            src_str: std::str::from_utf8(src).ok(),
            branch_file: None,
            mode,
            sc: Scanner::new(src, mode),
            tok: Tok {
                kind: Token::Eof,
                pos: eof,
                end: eof,
            },
            next_id: 0,
            errs: Vec::new(),
            scan_errs: 0,
            branch_errs: 0,
            fnest: 0,
            xnest: 0,
            depth: 0,
            depth_limit,
            too_deep: false,
            tok_bad: false,
            pending: pragma::Pending::default(),
            late: crate::ast::LateDirectives::default(),
        }
    }

    /// Parses the whole file; see the module comment for the error rules and
    /// the nesting strategy.
    pub fn parse_file(self) -> (File, Vec<SyntaxError>) {
        let (src, mode, branch_file) = (self.src, self.mode, self.branch_file);
        let (file, errs, too_deep) = self.run();
        if !too_deep {
            return (file, finish_errors(src, mode, errs));
        }
        let deep = std::thread::Builder::new().stack_size(DEEP_STACK);
        let res = std::thread::scope(|s| {
            deep.spawn_scoped(s, || {
                let mut p = Parser::with_limit(src, mode, DEEP_LIMIT);
                p.branch_file = branch_file;
                p.run()
            })
            .ok()
            .and_then(|h| h.join().ok())
        });
        match res {
            Some((file, errs, _)) => (file, finish_errors(src, mode, errs)),
            // No thread could be had: keep the shallow result (it reports
            // the nesting error).
            None => (file, finish_errors(src, mode, errs)),
        }
    }

    fn run(mut self) -> (File, Vec<RawError>, bool) {
        self.next();
        let mut file = self.file();
        file.comments = std::mem::take(&mut self.sc.comments);
        file.directives = std::mem::take(&mut self.sc.directives);
        file.node_count = self.next_id;
        file.size = self.src.len() as u32;
        self.drain_scan_errors();
        file.late = std::mem::take(&mut self.late);
        file.late.had_errors |= !self.errs.is_empty();
        (file, self.errs, self.too_deep)
    }

    // ---------------------------------------------------------------------
    // Tokens

    fn next(&mut self) {
        if self.too_deep {
            let end = Pos(self.src.len() as u32);
            self.tok = Tok {
                kind: Token::Eof,
                pos: end,
                end,
            };
            return;
        }
        loop {
            self.tok = self.sc.next();
            if self.tok.kind != Token::Comment {
                break;
            }
        }
        self.tok_bad = false;
        if self.sc.errors.len() > self.scan_errs {
            self.tok_bad = self.sc.errors[self.scan_errs..]
                .iter()
                .any(|e| e.pos >= self.tok.pos);
            self.drain_scan_errors();
        }
    }

    fn drain_scan_errors(&mut self) {
        for e in &self.sc.errors[self.scan_errs..] {
            self.errs.push(RawError {
                pos: e.pos,
                msg: e.msg.clone(),
                syntax: false,
                class: ErrClass::Both,
            });
        }
        self.scan_errs = self.sc.errors.len();
    }

    #[inline]
    fn at(&self, t: Token) -> bool {
        class(self.tok.kind) == class(t)
    }

    #[inline]
    fn got(&mut self, t: Token) -> bool {
        if self.at(t) {
            self.next();
            true
        } else {
            false
        }
    }

    #[inline]
    fn want(&mut self, t: Token) {
        if !self.got(t) {
            self.want_failed(t);
        }
    }

    #[cold]
    fn want_failed(&mut self, t: Token) {
        self.syntax_error(&format!("expected {}", tokstring(t)));
        self.advance(&[]);
    }

    /// `=`, or `:=` with an error (for recovery).
    fn got_assign(&mut self) -> bool {
        match self.tok.kind {
            Token::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Token::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn text(&self) -> &'a [u8] {
        self.sc.text(self.tok)
    }

    /// The current token's text as a string (scanner errors were reported
    /// for any invalid UTF-8 in it; such bytes are replaced here).
    fn text_str(&self) -> std::borrow::Cow<'a, str> {
        // a valid file was checked once as a whole: slice it (no per-token
        // validation); `get` only checks that the ends are char boundaries
        let (start, end) = (self.tok.pos.offset(), self.tok.end.offset());
        if let Some(s) = self.src_str.and_then(|s| s.get(start..end)) {
            return std::borrow::Cow::Borrowed(s);
        }
        String::from_utf8_lossy(self.text())
    }

    fn id(&mut self) -> NodeId {
        let id = NodeId(self.next_id);
        self.next_id += 1;
        id
    }

    fn mk(&mut self, pos: Pos, kind: ExprKind) -> Expr {
        Expr {
            id: self.id(),
            pos,
            kind,
        }
    }

    fn bad(&mut self) -> Expr {
        let pos = self.tok.pos;
        self.mk(pos, ExprKind::Bad)
    }

    /// Enters one level of recursion; false (after an error) when too deep.
    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth <= self.depth_limit {
            return true;
        }
        self.too_deep_error();
        false
    }

    #[cold]
    fn too_deep_error(&mut self) {
        if !self.too_deep {
            let pos = self.tok.pos;
            self.errs.push(RawError {
                pos,
                msg: "exceeded max nesting depth".into(),
                syntax: false,
                class: ErrClass::Both,
            });
            self.too_deep = true;
            self.next();
        }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---------------------------------------------------------------------
    // Errors

    fn error_at(&mut self, pos: Pos, msg: String) {
        self.errs.push(RawError {
            pos,
            msg,
            syntax: false,
            class: ErrClass::Both,
        });
    }

    /// Records an error only one of gc's parser and go/parser reports (see
    /// [`ErrClass`]); `syntax` as for the others.
    fn classed_error_at(&mut self, pos: Pos, msg: String, syntax: bool, class: ErrClass) {
        let msg = if syntax {
            format!("syntax error: {msg}")
        } else {
            msg
        };
        self.errs.push(RawError {
            pos,
            msg,
            syntax,
            class,
        });
    }

    fn syntax_error(&mut self, msg: &str) {
        let pos = self.tok.pos;
        self.syntax_error_at(pos, msg);
    }

    /// gc's syntaxErrorAt: `in ...`/`at ...`/`after ...` and `expected ...`
    /// messages name the current token; others are plain.
    fn syntax_error_at(&mut self, pos: Pos, msg: &str) {
        if self.tok.kind == Token::Eof && self.errs.len() > self.branch_errs {
            return; // avoid meaningless follow-up errors
        }
        let suffix = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.errs.push(RawError {
                pos,
                msg: format!("syntax error: {msg}"),
                syntax: true,
                class: ErrClass::Both,
            });
            return;
        };
        let tok = self.tok_desc();
        self.errs.push(RawError {
            pos,
            msg: format!("syntax error: unexpected {tok}{suffix}"),
            syntax: true,
            class: ErrClass::Both,
        });
    }

    /// How gc names the current token after `unexpected`.
    fn tok_desc(&self) -> String {
        match self.tok.kind {
            Token::Ident => format!("name {}", self.text_str()),
            Token::Lit(_) => format!("literal {}", self.text_str()),
            Token::Semi(SemiKind::Written) => "semicolon".into(),
            Token::Semi(SemiKind::Newline) => "newline".into(),
            Token::Semi(SemiKind::Eof) | Token::Eof => "EOF".into(),
            t => tokstring(t),
        }
    }

    /// Skips tokens until one in `follow` (plus, inside functions, a statement
    /// keyword); with an empty list, skips exactly one token. Never skips EOF.
    fn advance(&mut self, follow: &[Token]) {
        let mut fset = 1u64 << C_EOF;
        if !follow.is_empty() {
            if self.fnest > 0 {
                fset |= stopset();
            }
            fset |= set(follow);
        }
        while fset & (1u64 << class(self.tok.kind)) == 0 {
            self.next();
            if follow.is_empty() {
                break;
            }
        }
    }

    // ---------------------------------------------------------------------
    // File and declarations

    fn file(&mut self) -> File {
        let package = self.tok.pos;
        let mut file = File {
            package,
            name: Ident {
                id: NodeId(0),
                pos: package,
                name: Name::new(""),
            },
            decls: Vec::new(),
            comments: Vec::new(),
            directives: Vec::new(),
            late: crate::ast::LateDirectives::default(),
            node_count: 0,
            size: 0,
        };
        if !self.got(Token::Package) {
            self.syntax_error("package statement must be first");
            file.name.id = self.id();
            return file;
        }
        self.take_pragma(pragma::Taker::File);
        file.name = self.name();
        self.want(SEMI);
        if !self.errs.is_empty() {
            return file; // don't bother continuing if the package clause has errors
        }
        let mut prev = Token::Import;
        while self.tok.kind != Token::Eof {
            if self.tok.kind == Token::Import && prev != Token::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok.kind;
            let kind = match self.tok.kind {
                Token::Import => Some(DeclKind::Import),
                Token::Const => Some(DeclKind::Const),
                Token::Type => Some(DeclKind::Type),
                Token::Var => Some(DeclKind::Var),
                _ => None,
            };
            if let Some(kind) = kind {
                let d = self.gen_decl(kind);
                file.decls.push(Decl::Gen(d));
            } else if self.tok.kind == Token::Func {
                let d = self.func_decl();
                file.decls.push(Decl::Func(Box::new(d)));
            } else {
                let after_bodiless =
                    matches!(file.decls.last(), Some(Decl::Func(f)) if f.body.is_none());
                if self.tok.kind == Token::LBrace && after_bodiless {
                    self.syntax_error("unexpected semicolon or newline before {");
                } else {
                    self.syntax_error("non-declaration statement outside function body");
                }
                self.advance(&[
                    Token::Import,
                    Token::Const,
                    Token::Type,
                    Token::Var,
                    Token::Func,
                ]);
                continue;
            }
            self.clear_pragma();
            if self.tok.kind != Token::Eof && !self.got(SEMI) {
                self.syntax_error("after top level declaration");
                self.advance(&[
                    Token::Import,
                    Token::Const,
                    Token::Type,
                    Token::Var,
                    Token::Func,
                ]);
            }
        }
        self.clear_pragma();
        file
    }

    /// `kw spec` or `kw ( spec; ... )`; the keyword is the current token.
    fn gen_decl(&mut self, kind: DeclKind) -> GenDecl {
        let pos = self.tok.pos;
        self.next();
        let mut d = GenDecl {
            pos,
            kind,
            lparen: None,
            specs: Vec::new(),
            rparen: None,
        };
        if self.at(Token::LParen) {
            d.lparen = Some(self.tok.pos);
            self.clear_pragma();
            self.next();
            let mut specs = Vec::new();
            let mut index = 0u32;
            let close = self.list("grouped declaration", SEMI, Token::RParen, |p| {
                if let Some(s) = p.spec(kind, index) {
                    specs.push(s);
                }
                index += 1;
                false
            });
            d.specs = specs;
            d.rparen = Some(close);
        } else if let Some(s) = self.spec(kind, 0) {
            d.specs.push(s);
        }
        d
    }

    fn spec(&mut self, kind: DeclKind, index: u32) -> Option<Spec> {
        let taker = if kind == DeclKind::Var {
            pragma::Taker::Var
        } else {
            pragma::Taker::Other
        };
        self.take_pragma(taker);
        match kind {
            DeclKind::Import => self.import_spec().map(Spec::Import),
            DeclKind::Const => Some(Spec::Value(self.const_spec(index))),
            DeclKind::Var => {
                let spec = self.var_spec(index);
                self.note_embed_spec(&spec);
                Some(Spec::Value(spec))
            }
            DeclKind::Type => Some(Spec::Type(self.type_spec())),
        }
    }

    /// gc's `list`: `[ f { sep f } [sep] ] close`; `f` returns true to stop.
    /// Returns the position of the closing token.
    fn list(
        &mut self,
        context: &str,
        sep: Token,
        close: Token,
        mut f: impl FnMut(&mut Self) -> bool,
    ) -> Pos {
        let mut done = false;
        while self.tok.kind != Token::Eof && !self.at(close) && !done {
            done = f(self);
            if !self.got(sep) && !self.at(close) {
                let msg = format!(
                    "in {context}; possibly missing {} or {}",
                    tokstring(sep),
                    tokstring(close)
                );
                self.syntax_error(&msg);
                self.advance(&[Token::RParen, Token::RBrack, Token::RBrace]);
                if !self.at(close) {
                    return self.tok.pos;
                }
            }
        }
        let pos = self.tok.pos;
        self.want(close);
        pos
    }

    fn import_spec(&mut self) -> Option<ImportSpec> {
        let name = match self.tok.kind {
            Token::Ident => Some(self.name()),
            Token::Period => {
                let pos = self.tok.pos;
                self.next();
                Some(Ident {
                    id: self.id(),
                    pos,
                    name: Name::new("."),
                })
            }
            _ => None,
        };
        let Some((path_pos, path, bad)) = self.literal_bad() else {
            self.syntax_error("missing import path");
            self.advance(&[SEMI, Token::RParen]);
            return None;
        };
        if !bad && path.kind != LitKind::String {
            self.syntax_error_at(path_pos, "import path must be a string");
        }
        Some(ImportSpec {
            name,
            path_pos,
            path,
        })
    }

    /// The current literal, if any; the flag tells whether it is malformed.
    fn literal_bad(&mut self) -> Option<(Pos, BasicLit, bool)> {
        let bad = self.tok_bad;
        self.literal().map(|(p, l)| (p, l, bad))
    }

    fn literal(&mut self) -> Option<(Pos, BasicLit)> {
        if let Token::Lit(kind) = self.tok.kind {
            let lit = BasicLit {
                kind,
                value: Box::from(&*self.text_str()),
                bad: self.tok_bad,
            };
            let pos = self.tok.pos;
            self.next();
            Some((pos, lit))
        } else {
            None
        }
    }

    fn const_spec(&mut self, iota: u32) -> ValueSpec {
        let first = self.name();
        let names = self.name_list(first);
        let mut spec = ValueSpec {
            names,
            typ: None,
            values: Vec::new(),
            iota,
        };
        if !matches!(self.tok.kind, Token::Eof | Token::Semi(_) | Token::RParen) {
            spec.typ = self.type_or_nil();
            if self.got_assign() {
                spec.values = self.expr_list();
            }
        }
        spec
    }

    fn var_spec(&mut self, index: u32) -> ValueSpec {
        let first = self.name();
        let names = self.name_list(first);
        let mut spec = ValueSpec {
            names,
            typ: None,
            values: Vec::new(),
            iota: index,
        };
        if self.got_assign() {
            spec.values = self.expr_list();
        } else {
            spec.typ = Some(self.type_());
            if self.got_assign() {
                spec.values = self.expr_list();
            }
        }
        spec
    }

    fn type_spec(&mut self) -> TypeSpec {
        let name = self.name();
        let mut tparams = None;
        let mut alias = None;
        let typ: Option<Expr>;
        if self.at(Token::LBrack) {
            // array/slice type or type parameter list
            let lbrack = self.tok.pos;
            self.next();
            match self.tok.kind {
                Token::Ident => {
                    let n = self.name();
                    let mut x = self.name_expr(n);
                    if !self.at(Token::LBrack) {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.at(Token::Comma);
                    match extract_name(x, force) {
                        Ok((pname, ptype)) if ptype.is_some() || !self.at(Token::RBrack) => {
                            let (list, close) =
                                self.param_list(Some(pname), ptype, Token::RBrack, true, false);
                            tparams = Some(FieldList {
                                opening: lbrack,
                                list,
                                closing: close,
                            });
                            alias = self.assign_pos();
                            typ = self.type_or_nil();
                        }
                        Ok((pname, _)) => {
                            let x = self.name_expr(pname);
                            typ = Some(self.array_type(lbrack, Some(x)));
                        }
                        Err(x) => typ = Some(self.array_type(lbrack, Some(x))),
                    }
                }
                Token::RBrack => {
                    self.next();
                    typ = Some(self.slice_type(lbrack));
                }
                _ => typ = Some(self.array_type(lbrack, None)),
            }
        } else {
            alias = self.assign_pos();
            typ = self.type_or_nil();
        }
        let typ = match typ {
            Some(t) => t,
            None => {
                let b = self.bad();
                self.syntax_error("in type declaration");
                self.advance(&[SEMI, Token::RParen]);
                b
            }
        };
        TypeSpec {
            name,
            tparams,
            alias,
            typ,
        }
    }

    /// Like `got_assign`, returning the position of the `=`.
    fn assign_pos(&mut self) -> Option<Pos> {
        let pos = self.tok.pos;
        self.got_assign().then_some(pos)
    }

    fn func_decl(&mut self) -> FuncDecl {
        let pos = self.tok.pos;
        self.next(); // func
        let pragmas = self.take_pragma(pragma::Taker::Func);
        // gc's FuncDecl position: the token after `func`.
        let decl_pos = self.tok.pos;
        let mut recv = None;
        if self.at(Token::LParen) {
            let open = self.tok.pos;
            self.next();
            let (list, close) = self.param_list(None, None, Token::RParen, false, false);
            match list.iter().map(|f| f.names.len().max(1)).sum::<usize>() {
                0 => self.classed_error_at(
                    self.tok.pos,
                    "method has no receiver".into(),
                    false,
                    ErrClass::GcOnly,
                ),
                1 => {}
                _ => self.classed_error_at(
                    self.tok.pos,
                    "method has multiple receivers".into(),
                    false,
                    ErrClass::GcOnly,
                ),
            }
            recv = Some(FieldList {
                opening: open,
                list,
                closing: close,
            });
        }
        let name;
        let typ;
        if self.at(Token::Ident) {
            name = self.name();
            let (tparams, mut t) = self.func_type(pos, "");
            t.tparams = tparams;
            typ = t;
        } else {
            name = Ident {
                id: self.id(),
                pos: self.tok.pos,
                name: Name::new("_"),
            };
            let at = self.tok.pos;
            typ = FuncType {
                pos,
                tparams: None,
                params: FieldList::empty(at),
                results: FieldList::empty(at),
            };
            let msg = if recv.is_some() {
                "expected name"
            } else {
                "expected name or ("
            };
            self.syntax_error(msg);
            self.advance(&[Token::LBrace, SEMI]);
        }
        let body = if self.at(Token::LBrace) {
            Some(self.func_body())
        } else {
            None
        };
        self.func_pragma_checks(pragmas, decl_pos, body.is_some());
        FuncDecl {
            pos,
            recv,
            name,
            typ,
            body,
            keep_uintptrs: pragmas & pragma::UINTPTR_KEEPALIVE != 0,
            noinline: pragmas & pragma::NOINLINE != 0,
        }
    }

    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let errors = self.errs.len() - self.branch_errs;
        let b = self.block("");
        self.fnest -= 1;
        if let Some(file) = self.branch_file {
            // as gc: only bodies without (parse) errors, which could mislead
            if self.errs.len() - self.branch_errs == errors && !self.too_deep {
                for e in branches::check_body(&b, file) {
                    self.errs.push(RawError {
                        pos: e.pos,
                        msg: e.msg,
                        syntax: false,
                        class: ErrClass::Both,
                    });
                    self.branch_errs += 1;
                }
            }
        }
        b
    }

    // ---------------------------------------------------------------------
    // Expressions

    fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        loop {
            let op = self.tok.kind;
            let oprec = op.precedence();
            if oprec <= prec {
                return x;
            }
            let pos = self.tok.pos;
            self.next();
            let y = self.binary_expr(None, oprec);
            x = self.mk(pos, ExprKind::Binary(op, Box::new(x), Box::new(y)));
        }
    }

    fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            self.leave();
            return self.bad();
        }
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    fn unary_expr_inner(&mut self) -> Expr {
        let pos = self.tok.pos;
        match self.tok.kind {
            op
            @ (Token::Mul | Token::Add | Token::Sub | Token::Not | Token::Xor | Token::Tilde) => {
                self.next();
                let x = Box::new(self.unary_expr());
                let kind = if op == Token::Mul {
                    ExprKind::Star(x)
                } else {
                    ExprKind::Unary(op, x)
                };
                self.mk(pos, kind)
            }
            Token::And => {
                self.next();
                // drop parentheses around a composite literal: &(T{})
                let x = self.unary_expr();
                let x = self.unparen(x);
                self.mk(pos, ExprKind::Unary(Token::And, Box::new(x)))
            }
            Token::Arrow => {
                self.next();
                let x = self.unary_expr();
                if matches!(x.kind, ExprKind::ChanType(..)) {
                    return self.recv_chan_type(pos, x);
                }
                self.mk(pos, ExprKind::Unary(Token::Arrow, Box::new(x)))
            }
            _ => self.pexpr(None, true),
        }
    }

    /// `<-` followed by a channel type: re-associate the arrow with it,
    /// `<-(chan E)` to `(<-chan E)` and `<-(chan<- E)` to `(<-chan (<-E))`.
    fn recv_chan_type(&mut self, pos: Pos, mut x: Expr) -> Expr {
        x.pos = pos;
        // First find how many channel types the arrow applies to, ...
        let mut dir = ChanDir::Send;
        let mut n = 0;
        let mut t = &x;
        let mut errors = Vec::new();
        while dir == ChanDir::Send {
            let ExprKind::ChanType(d, elem) = &t.kind else {
                break;
            };
            dir = *d;
            if dir == ChanDir::Recv {
                // <-<-chan E is not permitted
                errors.push("unexpected <-, expected chan".to_string());
            }
            n += 1;
            t = elem;
        }
        if dir == ChanDir::Send {
            errors.push(format!("unexpected {}, expected chan", expr_string(t)));
        }
        // ... then make them all receive-only.
        let mut t = &mut x;
        for _ in 0..n {
            let ExprKind::ChanType(d, elem) = &mut t.kind else {
                break;
            };
            *d = ChanDir::Recv;
            t = elem;
        }
        for e in errors {
            self.syntax_error(&e);
        }
        x
    }

    fn call_stmt(&mut self) -> Stmt {
        let pos = self.tok.pos;
        let kw = self.tok.kind;
        self.next();
        let keep = self.at(Token::LParen);
        let mut x = self.pexpr(None, keep);
        if let ExprKind::Paren(_) = x.kind {
            self.error_at(
                x.pos,
                format!("expression in {} must not be parenthesized", kw.as_str()),
            );
            x = self.unparen(x);
        }
        if !matches!(x.kind, ExprKind::Call(_) | ExprKind::Bad) {
            let at = x.start();
            self.classed_error_at(
                at,
                format!("expression in {} must be function call", kw.as_str()),
                false,
                ErrClass::GoParserOnly,
            );
        }
        let kind = if kw == Token::Go {
            StmtKind::Go(x)
        } else {
            StmtKind::Defer(x)
        };
        Stmt { pos, kind }
    }

    fn operand(&mut self, keep_parens: bool) -> Expr {
        let pos = self.tok.pos;
        match self.tok.kind {
            Token::Ident => {
                let n = self.name();
                self.name_expr(n)
            }
            Token::Lit(_) => {
                let (pos, lit) = self.literal().expect("at a literal");
                self.mk(pos, ExprKind::BasicLit(lit))
            }
            Token::LParen => {
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Token::RParen);
                // parentheses around a composite literal type are kept so the
                // error can be reported; all expression parentheses are kept
                // (gc keeps them too: they show in error messages)
                if keep_parens || self.at(Token::LBrace) {
                    self.mk(pos, ExprKind::Paren(Box::new(x)))
                } else {
                    x
                }
            }
            Token::Func => {
                self.next();
                let sig_pos = self.tok.pos;
                let (_, ftyp) = self.func_type(pos, "function type");
                if self.at(Token::LBrace) {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.mk(
                        pos,
                        ExprKind::FuncLit(Box::new(FuncLit { typ: ftyp, body })),
                    );
                }
                // gc places a function type at the token after `func`
                self.mk(sig_pos, ExprKind::FuncType(Box::new(ftyp)))
            }
            Token::LBrack | Token::Chan | Token::Map | Token::Struct | Token::Interface => {
                self.type_()
            }
            _ => {
                let x = self.bad();
                self.syntax_error("expected expression");
                self.advance(&[Token::RParen, Token::RBrack, Token::RBrace]);
                x
            }
        }
    }

    /// `x` without enclosing parentheses. A dropped parenthesis node was
    /// the last one made (operand makes it after its contents), so its id is
    /// handed back to keep ids dense.
    fn unparen(&mut self, mut x: Expr) -> Expr {
        while let ExprKind::Paren(inner) = x.kind {
            if x.id.0 + 1 == self.next_id {
                self.next_id -= 1;
            }
            x = *inner;
        }
        x
    }

    fn name_expr(&mut self, n: Ident) -> Expr {
        Expr {
            id: n.id,
            pos: n.pos,
            kind: ExprKind::Name(n.name),
        }
    }

    /// PrimaryExpr: an operand (or `x`) followed by selectors, indices,
    /// slices, assertions, calls and composite literal bodies.
    fn pexpr(&mut self, x: Option<Expr>, keep_parens: bool) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(keep_parens),
        };
        loop {
            let pos = self.tok.pos;
            match self.tok.kind {
                Token::Period => {
                    self.next();
                    match self.tok.kind {
                        Token::Ident => {
                            let sel = self.name();
                            x = self.mk(pos, ExprKind::Selector(Box::new(x), Box::new(sel)));
                        }
                        Token::LParen => {
                            self.next();
                            if self.got(Token::Type) {
                                x = self.mk(pos, ExprKind::TypeAssert(Box::new(x), None));
                            } else {
                                let t = self.type_();
                                x = self
                                    .mk(pos, ExprKind::TypeAssert(Box::new(x), Some(Box::new(t))));
                            }
                            self.want(Token::RParen);
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[SEMI, Token::RParen]);
                        }
                    }
                }
                Token::LBrack => x = self.index_or_slice(pos, x),
                Token::LParen => {
                    self.next();
                    let (args, has_dots, rparen) = self.arg_list();
                    x = self.mk(
                        pos,
                        ExprKind::Call(Box::new(CallExpr {
                            fun: x,
                            args,
                            has_dots,
                            rparen,
                        })),
                    );
                }
                Token::LBrace => {
                    let t = x.unparen();
                    let complit_ok = match &t.kind {
                        ExprKind::Name(_) | ExprKind::Selector(..) => self.xnest >= 0,
                        ExprKind::Index(..) => self.xnest >= 0 && !is_value(t),
                        ExprKind::ArrayType(..)
                        | ExprKind::SliceType(_)
                        | ExprKind::StructType(_)
                        | ExprKind::MapType(..) => true,
                        _ => false,
                    };
                    if !complit_ok {
                        return x;
                    }
                    if matches!(x.kind, ExprKind::Paren(_)) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit(Some(x));
                }
                _ => return x,
            }
        }
    }

    /// After `x`, at `[`: an index, an instantiation or a slice expression.
    fn index_or_slice(&mut self, pos: Pos, x: Expr) -> Expr {
        self.next();
        let mut i = None;
        if !self.at(Token::Colon) {
            let (list, comma) = if self.at(Token::RBrack) {
                // invalid empty instance, slice or index expression
                self.syntax_error("expected operand");
                (vec![self.bad()], false)
            } else {
                self.type_list(false)
            };
            if comma || self.at(Token::RBrack) {
                self.want(Token::RBrack);
                return self.mk(pos, ExprKind::Index(Box::new(x), list));
            }
            i = list.into_iter().next();
        }
        // x[i:...
        if !self.got(Token::Colon) {
            self.syntax_error("expected comma, : or ]");
            self.advance(&[Token::Comma, Token::Colon, Token::RBrack]);
        }
        self.xnest += 1;
        let mut index = [i, None, None];
        let mut full = false;
        if !self.at(Token::Colon) && !self.at(Token::RBrack) {
            index[1] = Some(self.expr());
        }
        if self.at(Token::Colon) {
            full = true;
            if index[1].is_none() {
                self.error_at(
                    self.tok.pos,
                    "middle index required in 3-index slice".into(),
                );
                index[1] = Some(self.bad());
            }
            self.next();
            if !self.at(Token::RBrack) {
                index[2] = Some(self.expr());
            } else {
                self.error_at(self.tok.pos, "final index required in 3-index slice".into());
                index[2] = Some(self.bad());
            }
        }
        self.xnest -= 1;
        let rbrack = self.tok.pos;
        self.want(Token::RBrack);
        self.mk(
            pos,
            ExprKind::Slice(Box::new(SliceExpr {
                x,
                index,
                full,
                rbrack,
            })),
        )
    }

    fn arg_list(&mut self) -> (Vec<Expr>, bool, Pos) {
        let mut args = Vec::new();
        let mut has_dots = false;
        self.xnest += 1;
        let rparen = self.list("argument list", Token::Comma, Token::RParen, |p| {
            args.push(p.expr());
            has_dots = p.got(Token::Ellipsis);
            has_dots
        });
        self.xnest -= 1;
        (args, has_dots, rparen)
    }

    /// Element = Expression | LiteralValue.
    fn bare_complit_expr(&mut self) -> Expr {
        if self.at(Token::LBrace) {
            return self.complit(None);
        }
        self.expr()
    }

    /// `{ elems }` of a composite literal whose type (if any) is `typ`.
    fn complit(&mut self, typ: Option<Expr>) -> Expr {
        let pos = self.tok.pos;
        if !self.enter() {
            self.leave();
            return self.bad();
        }
        self.xnest += 1;
        self.want(Token::LBrace);
        let mut elems = Vec::new();
        let rbrace = self.list("composite literal", Token::Comma, Token::RBrace, |p| {
            let mut e = p.bare_complit_expr();
            if p.at(Token::Colon) {
                let colon = p.tok.pos;
                p.next();
                let v = p.bare_complit_expr();
                e = p.mk(colon, ExprKind::KeyValue(Box::new(e), Box::new(v)));
            }
            elems.push(e);
            false
        });
        self.xnest -= 1;
        self.leave();
        self.mk(
            pos,
            ExprKind::CompositeLit(Box::new(CompositeLit { typ, elems, rbrace })),
        )
    }

    // ---------------------------------------------------------------------
    // Types

    fn type_(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad();
                self.syntax_error("expected type");
                self.advance(&[
                    Token::Comma,
                    Token::Colon,
                    SEMI,
                    Token::RParen,
                    Token::RBrack,
                    Token::RBrace,
                ]);
                b
            }
        }
    }

    fn type_or_nil(&mut self) -> Option<Expr> {
        if !self.enter() {
            self.leave();
            return Some(self.bad());
        }
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    fn type_or_nil_inner(&mut self) -> Option<Expr> {
        let pos = self.tok.pos;
        Some(match self.tok.kind {
            Token::Mul => {
                self.next();
                let t = self.type_();
                self.mk(pos, ExprKind::Star(Box::new(t)))
            }
            Token::Arrow => {
                self.next();
                self.want(Token::Chan);
                let elem = self.chan_elem();
                self.mk(pos, ExprKind::ChanType(ChanDir::Recv, Box::new(elem)))
            }
            Token::Func => {
                self.next();
                let sig_pos = self.tok.pos;
                let (_, t) = self.func_type(pos, "function type");
                self.mk(sig_pos, ExprKind::FuncType(Box::new(t)))
            }
            Token::LBrack => {
                self.next();
                if self.got(Token::RBrack) {
                    return Some(self.slice_type(pos));
                }
                self.array_type(pos, None)
            }
            Token::Chan => {
                self.next();
                let dir = if self.got(Token::Arrow) {
                    ChanDir::Send
                } else {
                    ChanDir::Both
                };
                let elem = self.chan_elem();
                self.mk(pos, ExprKind::ChanType(dir, Box::new(elem)))
            }
            Token::Map => {
                self.next();
                self.want(Token::LBrack);
                let k = self.type_();
                self.want(Token::RBrack);
                let v = self.type_();
                self.mk(pos, ExprKind::MapType(Box::new(k), Box::new(v)))
            }
            Token::Struct => self.struct_type(),
            Token::Interface => self.interface_type(),
            Token::Ident => self.qualified_name(None),
            Token::LParen => {
                self.next();
                let t = self.type_();
                self.want(Token::RParen);
                t // gc does not keep parentheses around types
            }
            _ => return None,
        })
    }

    /// `typ[targs]`, at the `[`.
    fn type_instance(&mut self, typ: Expr) -> Expr {
        let pos = self.tok.pos;
        self.want(Token::LBrack);
        let args = if self.at(Token::RBrack) {
            self.syntax_error("expected type argument list");
            vec![self.bad()]
        } else {
            self.type_list(true).0
        };
        self.want(Token::RBrack);
        self.mk(pos, ExprKind::Index(Box::new(typ), args))
    }

    /// A signature after `func` (or after a method name). `pos` is the
    /// position the FuncType records; if `context` is not empty, type
    /// parameters are reported as not permitted there.
    fn func_type(&mut self, pos: Pos, context: &str) -> (Option<FieldList>, FuncType) {
        let here = self.tok.pos;
        let mut tparams = None;
        if self.at(Token::LBrack) {
            let open = self.tok.pos;
            self.next();
            if !context.is_empty() {
                self.syntax_error_at(here, &format!("{context} must have no type parameters"));
            }
            if self.at(Token::RBrack) {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                let (list, close) = self.param_list(None, None, Token::RBrack, true, false);
                tparams = Some(FieldList {
                    opening: open,
                    list,
                    closing: close,
                });
            }
        }
        let open = self.tok.pos;
        self.want(Token::LParen);
        let (list, close) = self.param_list(None, None, Token::RParen, false, true);
        let params = FieldList {
            opening: open,
            list,
            closing: close,
        };
        let results = self.func_result(close);
        (
            tparams,
            FuncType {
                pos,
                tparams: None,
                params,
                results,
            },
        )
    }

    fn func_result(&mut self, after: Pos) -> FieldList {
        if self.at(Token::LParen) {
            let open = self.tok.pos;
            self.next();
            let (list, close) = self.param_list(None, None, Token::RParen, false, false);
            return FieldList {
                opening: open,
                list,
                closing: close,
            };
        }
        let pos = self.tok.pos;
        match self.type_or_nil() {
            Some(typ) => FieldList {
                opening: pos,
                list: vec![Field {
                    names: Vec::new(),
                    typ,
                    tag: None,
                }],
                closing: pos,
            },
            None => FieldList::empty(after),
        }
    }

    /// After `[` (at `pos`), with the length `len` already parsed if given.
    fn array_type(&mut self, pos: Pos, len: Option<Expr>) -> Expr {
        let len = match len {
            Some(l) => Some(l),
            None if self.got(Token::Ellipsis) => None,
            None => {
                self.xnest += 1;
                let l = self.expr();
                self.xnest -= 1;
                Some(l)
            }
        };
        if self.at(Token::Comma) {
            // trailing commas are for type parameter lists
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Token::RBrack);
        let elem = self.type_();
        self.mk(pos, ExprKind::ArrayType(len.map(Box::new), Box::new(elem)))
    }

    /// After `[]` (at `pos`).
    fn slice_type(&mut self, pos: Pos) -> Expr {
        let elem = self.type_();
        self.mk(pos, ExprKind::SliceType(Box::new(elem)))
    }

    fn chan_elem(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad();
                self.syntax_error("missing channel element type");
                b
            }
        }
    }

    fn struct_type(&mut self) -> Expr {
        let pos = self.tok.pos;
        self.want(Token::Struct);
        self.want(Token::LBrace);
        let mut fields = Vec::new();
        let rbrace = self.list("struct type", SEMI, Token::RBrace, |p| {
            p.field_decl(&mut fields);
            false
        });
        self.mk(
            pos,
            ExprKind::StructType(Box::new(StructType {
                pos,
                fields,
                rbrace,
            })),
        )
    }

    fn interface_type(&mut self) -> Expr {
        let pos = self.tok.pos;
        self.want(Token::Interface);
        self.want(Token::LBrace);
        let mut elems = Vec::new();
        let rbrace = self.list("interface type", SEMI, Token::RBrace, |p| {
            let e = if p.at(Token::Ident) {
                match p.method_decl() {
                    InterfaceElem::Embed(t) => InterfaceElem::Embed(p.embedded_elem(Some(t))),
                    m => m,
                }
            } else {
                InterfaceElem::Embed(p.embedded_elem(None))
            };
            elems.push(e);
            false
        });
        self.mk(
            pos,
            ExprKind::InterfaceType(Box::new(InterfaceType { pos, elems, rbrace })),
        )
    }

    /// One struct field declaration (possibly several names).
    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        match self.tok.kind {
            Token::Ident => {
                let name = self.name();
                if matches!(
                    self.tok.kind,
                    Token::Period | Token::Lit(_) | Token::Semi(_) | Token::RBrace
                ) {
                    // embedded type
                    let typ = self.qualified_name(Some(name));
                    let tag = self.tag();
                    fields.push(Field {
                        names: Vec::new(),
                        typ,
                        tag,
                    });
                    return;
                }
                let names = self.name_list(name);
                let typ;
                if names.len() == 1 && self.at(Token::LBrack) {
                    // embedded instantiated type T[P1, P2] or field T of type [N]E / []E
                    match self.array_or_targs() {
                        ArrOrTArgs::Args(pos, args) => {
                            let n = names.into_iter().next().expect("one name");
                            let x = self.name_expr(n);
                            let typ = self.mk(pos, ExprKind::Index(Box::new(x), args));
                            let tag = self.tag();
                            fields.push(Field {
                                names: Vec::new(),
                                typ,
                                tag,
                            });
                            return;
                        }
                        ArrOrTArgs::Type(t) => typ = t,
                    }
                } else {
                    typ = self.type_();
                }
                let tag = self.tag();
                fields.push(Field { names, typ, tag });
            }
            Token::Mul => {
                let pos = self.tok.pos;
                self.next();
                let typ = if self.at(Token::LParen) {
                    // *(T)
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Token::RParen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let tag = self.tag();
                let typ = self.mk(pos, ExprKind::Star(Box::new(typ)));
                fields.push(Field {
                    names: Vec::new(),
                    typ,
                    tag,
                });
            }
            Token::LParen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let typ = if self.at(Token::Mul) {
                    // (*T)
                    let pos = self.tok.pos;
                    self.next();
                    let t = self.qualified_name(None);
                    self.mk(pos, ExprKind::Star(Box::new(t)))
                } else {
                    self.qualified_name(None)
                };
                self.got(Token::RParen);
                let tag = self.tag();
                fields.push(Field {
                    names: Vec::new(),
                    typ,
                    tag,
                });
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[SEMI, Token::RBrace]);
            }
        }
    }

    fn tag(&mut self) -> Option<BasicLit> {
        self.literal().map(|(_, l)| l)
    }

    /// After a name, at `[`: `[n]E`, `[]E`, or type arguments `[A, B]`.
    fn array_or_targs(&mut self) -> ArrOrTArgs {
        let pos = self.tok.pos;
        self.want(Token::LBrack);
        if self.got(Token::RBrack) {
            return ArrOrTArgs::Type(self.slice_type(pos));
        }
        let (mut n, comma) = self.type_list(false);
        self.want(Token::RBrack);
        if !comma {
            if let Some(elem) = self.type_or_nil() {
                let len = n.pop().map(Box::new);
                return ArrOrTArgs::Type(self.mk(pos, ExprKind::ArrayType(len, Box::new(elem))));
            }
        }
        ArrOrTArgs::Args(pos, n)
    }

    /// An interface element starting with a name: a method, an embedded
    /// (possibly instantiated or qualified) type.
    fn method_decl(&mut self) -> InterfaceElem {
        let name = self.name();
        const CONTEXT: &str = "interface method";
        match self.tok.kind {
            Token::LParen => {
                let pos = self.tok.pos;
                let (_, t) = self.func_type(pos, CONTEXT);
                InterfaceElem::Method(name, t)
            }
            Token::LBrack => {
                // generic method m[T C](x T) (an error) or embedded T[A, B]
                let lbrack = self.tok.pos;
                self.next();
                if self.at(Token::RBrack) {
                    let pos = self.tok.pos;
                    self.next();
                    if self.at(Token::LParen) {
                        self.error_at(pos, "empty type parameter list".into());
                        let fpos = self.tok.pos;
                        let (_, t) = self.func_type(fpos, CONTEXT);
                        return InterfaceElem::Method(name, t);
                    }
                    self.error_at(pos, "empty type argument list".into());
                    return InterfaceElem::Embed(self.name_expr(name));
                }
                let (list, _) = self.param_list(None, None, Token::RBrack, false, false);
                if list.is_empty() {
                    if self.at(Token::LParen) {
                        let fpos = self.tok.pos;
                        let (_, t) = self.func_type(fpos, CONTEXT);
                        return InterfaceElem::Method(name, t);
                    }
                    return InterfaceElem::Embed(self.name_expr(name));
                }
                if !list[0].names.is_empty() {
                    // generic method
                    let fpos = self.tok.pos;
                    let (_, t) = self.func_type(fpos, CONTEXT);
                    self.error_at(
                        lbrack,
                        "interface method must have no type parameters".into(),
                    );
                    return InterfaceElem::Method(name, t);
                }
                let args = list.into_iter().map(|f| f.typ).collect();
                let x = self.name_expr(name);
                InterfaceElem::Embed(self.mk(lbrack, ExprKind::Index(Box::new(x), args)))
            }
            _ => InterfaceElem::Embed(self.qualified_name(Some(name))),
        }
    }

    /// `term { | term }`, starting with `first` if given.
    fn embedded_elem(&mut self, first: Option<Expr>) -> Expr {
        let mut x = match first {
            Some(x) => x,
            None => self.embedded_term(),
        };
        while self.tok.kind == OR {
            let pos = self.tok.pos;
            self.next();
            let y = self.embedded_term();
            x = self.mk(pos, ExprKind::Binary(OR, Box::new(x), Box::new(y)));
        }
        x
    }

    /// `[~] Type`.
    fn embedded_term(&mut self) -> Expr {
        if self.tok.kind == Token::Tilde {
            let pos = self.tok.pos;
            self.next();
            let t = self.type_();
            return self.mk(pos, ExprKind::Unary(Token::Tilde, Box::new(t)));
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad();
                self.syntax_error("expected ~ term or type");
                self.advance(&[
                    Token::Add,
                    SEMI,
                    Token::RParen,
                    Token::RBrack,
                    Token::RBrace,
                ]);
                b
            }
        }
    }

    /// ParameterDecl = [ IdentifierList ] [ "..." ] Type, one entry at a time.
    fn param_decl(&mut self, name: Option<Ident>, follow: Token) -> Option<Param> {
        // type set notation is ok in type parameter lists
        let type_sets_ok = follow == Token::RBrack;
        if name.is_none() && type_sets_ok && self.tok.kind == Token::Tilde {
            let t = self.embedded_elem(None);
            return Some(Param {
                name: None,
                typ: Some(t),
            });
        }
        let mut p = Param {
            name: None,
            typ: None,
        };
        if self.at(Token::Ident) || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.at(Token::LBrack) {
                match self.array_or_targs() {
                    ArrOrTArgs::Args(pos, args) => {
                        let x = self.name_expr(name);
                        p.typ = Some(self.mk(pos, ExprKind::Index(Box::new(x), args)));
                    }
                    ArrOrTArgs::Type(t) => {
                        p.name = Some(name);
                        p.typ = Some(t);
                    }
                }
                if type_sets_ok && self.tok.kind == OR {
                    p.typ = Some(self.embedded_elem(p.typ.take()));
                }
                return Some(p);
            }
            if self.at(Token::Period) {
                let t = self.qualified_name(Some(name));
                p.typ = Some(if type_sets_ok && self.tok.kind == OR {
                    self.embedded_elem(Some(t))
                } else {
                    t
                });
                return Some(p);
            }
            if type_sets_ok && self.tok.kind == OR {
                let x = self.name_expr(name);
                p.typ = Some(self.embedded_elem(Some(x)));
                return Some(p);
            }
            p.name = Some(name);
        }
        if self.at(Token::Ellipsis) {
            let pos = self.tok.pos;
            self.next();
            match self.type_or_nil() {
                Some(elem) => p.typ = Some(self.mk(pos, ExprKind::Ellipsis(Box::new(elem)))),
                None => {
                    p.typ = Some(self.bad());
                    self.syntax_error("... is missing type");
                }
            }
            return Some(p);
        }
        if type_sets_ok && self.tok.kind == Token::Tilde {
            p.typ = Some(self.embedded_elem(None));
            return Some(p);
        }
        p.typ = self.type_or_nil();
        if type_sets_ok && self.tok.kind == OR && p.typ.is_some() {
            p.typ = Some(self.embedded_elem(p.typ.take()));
        }
        if p.name.is_some() || p.typ.is_some() {
            return Some(p);
        }
        self.syntax_error(&format!("expected {}", tokstring(follow)));
        self.advance(&[Token::Comma, follow]);
        None
    }

    /// A parameter list after its `(` or `[`, up to and including `close`.
    /// `name` (and `typ`) are an already parsed first entry. Types are
    /// distributed over names as gc does: either every entry is named or
    /// none is. Returns the fields and the position of the closing token.
    fn param_list(
        &mut self,
        name: Option<Ident>,
        typ: Option<Expr>,
        close: Token,
        require_names: bool,
        dddok: bool,
    ) -> (Vec<Field>, Pos) {
        let mut params: Vec<Param> = Vec::new();
        let end;
        if name.is_some() && typ.is_some() && self.at(close) {
            end = self.tok.pos;
            self.next();
            params.push(Param { name, typ });
        } else {
            let mut first = Some((name, typ));
            end = self.list("parameter list", Token::Comma, close, |p| {
                let par = match first.take() {
                    Some((n, Some(t))) => Some(Param {
                        name: n,
                        typ: Some(t),
                    }),
                    Some((n, None)) => p.param_decl(n, close),
                    None => p.param_decl(None, close),
                };
                params.extend(par);
                false
            });
        }
        (
            self.distribute_types(params, end, require_names, dddok),
            end,
        )
    }

    fn distribute_types(
        &mut self,
        mut params: Vec<Param>,
        end: Pos,
        require_names: bool,
        dddok: bool,
    ) -> Vec<Field> {
        if params.is_empty() {
            return Vec::new();
        }
        let named = params
            .iter()
            .filter(|p| p.name.is_some() && p.typ.is_some())
            .count();
        let typed = params.iter().filter(|p| p.typ.is_some()).count();
        let n = params.len();
        if named == 0 && !require_names {
            // all unnamed: the names found are type names
            let mut fields = Vec::with_capacity(n);
            for (i, p) in params.into_iter().enumerate() {
                let typ = match (p.name, p.typ) {
                    (Some(name), _) => self.name_expr(name),
                    (None, Some(t)) => t,
                    (None, None) => continue,
                };
                let typ = self.check_dots(typ, i, n, dddok, &mut true);
                fields.push(Field {
                    names: Vec::new(),
                    typ,
                    tag: None,
                });
            }
            return fields;
        }
        let mut err_pos = None;
        if named != n {
            // some are named, or this is a type parameter list: all must be
            // named. Find the leftmost error as gc's right-to-left sweep does.
            let mut have_typ = false;
            for p in params.iter_mut().rev() {
                if let Some(t) = &p.typ {
                    have_typ = true;
                    if p.name.is_none() {
                        let pos = t.start();
                        err_pos = Some(pos);
                        p.name = Some(Ident {
                            id: NodeId(u32::MAX),
                            pos,
                            name: Name::new("_"),
                        });
                    }
                } else if !have_typ {
                    err_pos = p.name.as_ref().map(|n| n.pos);
                }
            }
            if let Some(mut pos) = err_pos {
                let msg = if named == typed {
                    pos = end;
                    if require_names {
                        "missing type constraint"
                    } else {
                        "missing parameter type"
                    }
                    .to_string()
                } else if require_names {
                    if n == 1 {
                        "missing type parameter name or invalid array length"
                    } else {
                        "missing type parameter name"
                    }
                    .to_string()
                } else {
                    "missing parameter name".to_string()
                };
                self.syntax_error_at(pos, &msg);
            }
        }
        // group names sharing a type: `a, b int, c string`
        let mut fields = Vec::new();
        let mut names = Vec::new();
        let mut group_start = 0;
        let mut first_dots = true;
        for (i, p) in params.into_iter().enumerate() {
            if let Some(mut nm) = p.name {
                if nm.id.0 == u32::MAX {
                    nm.id = self.id();
                }
                names.push(nm);
            }
            if let Some(t) = p.typ {
                let t = self.check_dots(t, group_start, n, dddok, &mut first_dots);
                fields.push(Field {
                    names: std::mem::take(&mut names),
                    typ: t,
                    tag: None,
                });
                group_start = i + 1;
            }
        }
        if !names.is_empty() {
            // trailing names without a type (already reported)
            let pos = names[0].pos;
            let typ = self.mk(pos, ExprKind::Bad);
            fields.push(Field {
                names,
                typ,
                tag: None,
            });
        }
        fields
    }

    /// `...T` is only allowed as the type of the final parameter.
    fn check_dots(
        &mut self,
        t: Expr,
        first_index: usize,
        n: usize,
        dddok: bool,
        first: &mut bool,
    ) -> Expr {
        if !matches!(t.kind, ExprKind::Ellipsis(_)) || (dddok && first_index + 1 >= n) {
            return t;
        }
        if *first {
            *first = false;
            let msg = if dddok {
                "can only use ... with final parameter"
            } else {
                "invalid use of ..."
            };
            self.error_at(t.pos, msg.into());
        }
        match t.kind {
            ExprKind::Ellipsis(elem) => *elem,
            _ => t,
        }
    }

    // ---------------------------------------------------------------------
    // Statements

    /// `lhs` is an already parsed expression list (first element and rest).
    fn simple_stmt(&mut self, lhs: Option<(Expr, Vec<Expr>)>, keyword: Token) -> Simple {
        if keyword == Token::For && self.at(Token::Range) {
            return Simple::Range(self.range_clause(Vec::new(), None));
        }
        let (x, rest) = match lhs {
            Some(l) => l,
            None => self.expr_list_head(),
        };
        if rest.is_empty() && !matches!(self.tok.kind, Token::Assign | Token::Define) {
            let pos = self.tok.pos;
            let kind = match self.tok.kind {
                op if op.assign_op().is_some() => {
                    self.next();
                    let rhs = self.expr();
                    StmtKind::Assign(Box::new(AssignStmt {
                        lhs: vec![x],
                        op,
                        rhs: vec![rhs],
                    }))
                }
                op @ (Token::Inc | Token::Dec) => {
                    self.next();
                    StmtKind::IncDec(x, op == Token::Inc)
                }
                Token::Arrow => {
                    self.next();
                    let value = self.expr();
                    StmtKind::Send(Box::new(SendStmt { ch: x, value }))
                }
                _ => {
                    return Simple::Stmt(Stmt {
                        pos: x.pos,
                        kind: StmtKind::Expr(x),
                    })
                }
            };
            return Simple::Stmt(Stmt { pos, kind });
        }
        let mut lhs = Vec::with_capacity(rest.len() + 1);
        lhs.push(x);
        lhs.extend(rest);
        match self.tok.kind {
            op @ (Token::Assign | Token::Define) => {
                let pos = self.tok.pos;
                self.next();
                if keyword == Token::For && self.at(Token::Range) {
                    return Simple::Range(self.range_clause(lhs, Some(op)));
                }
                let mut rhs = self.expr_list();
                let is_guard =
                    rhs.len() == 1 && matches!(rhs[0].kind, ExprKind::TypeAssert(_, None));
                if is_guard && keyword == Token::Switch && op == Token::Define && lhs.len() == 1 {
                    if let ExprKind::Name(_) = lhs[0].kind {
                        let x = lhs.pop().expect("one name");
                        let ExprKind::Name(name) = x.kind else {
                            unreachable!()
                        };
                        let bind = Ident {
                            id: x.id,
                            pos: x.pos,
                            name,
                        };
                        return Simple::Guard(bind, rhs.pop().expect("one guard"));
                    }
                }
                Simple::Stmt(Stmt {
                    pos,
                    kind: StmtKind::Assign(Box::new(AssignStmt { lhs, op, rhs })),
                })
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[SEMI, Token::RBrace]);
                let x = lhs.swap_remove(0);
                Simple::Stmt(Stmt {
                    pos: x.pos,
                    kind: StmtKind::Expr(x),
                })
            }
        }
    }

    fn range_clause(&mut self, lhs: Vec<Expr>, op: Option<Token>) -> RangeClause {
        let pos = self.tok.pos;
        self.next(); // range
        let x = self.expr();
        RangeClause { lhs, op, pos, x }
    }

    /// A simple statement where only statements (not range clauses or
    /// type switch guards) can occur.
    fn simple_only(&mut self, s: Simple) -> Stmt {
        match s {
            Simple::Stmt(s) => s,
            // not reachable with the keywords passed; keep the tree sane
            Simple::Range(r) => Stmt {
                pos: r.pos,
                kind: StmtKind::Expr(r.x),
            },
            Simple::Guard(_, g) => Stmt {
                pos: g.pos,
                kind: StmtKind::Expr(g),
            },
        }
    }

    fn labeled_stmt(&mut self, label: Ident) -> Option<Stmt> {
        let pos = self.tok.pos; // the colon
        self.want(Token::Colon);
        if self.at(Token::RBrace) {
            // a label before } labels an empty statement
            let e = Stmt {
                pos: self.tok.pos,
                kind: StmtKind::Empty,
            };
            return Some(Stmt {
                pos,
                kind: StmtKind::Labeled(label, Box::new(e)),
            });
        }
        match self.stmt_or_nil() {
            Some(s) => Some(Stmt {
                pos,
                kind: StmtKind::Labeled(label, Box::new(s)),
            }),
            None => {
                self.syntax_error_at(pos, "missing statement after label");
                None
            }
        }
    }

    /// `{ stmts }`; `context` names what the block follows, for the error
    /// when the `{` is missing.
    fn block(&mut self, context: &str) -> Block {
        let lbrace = self.tok.pos;
        if !self.got(Token::LBrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Token::Ident, Token::RBrace]);
            let rbrace = self.tok.pos;
            if self.got(Token::RBrace) {
                return Block {
                    lbrace,
                    stmts: Vec::new(),
                    rbrace,
                };
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.tok.pos;
        self.want(Token::RBrace);
        Block {
            lbrace,
            stmts,
            rbrace,
        }
    }

    fn decl_stmt(&mut self, kind: DeclKind) -> Stmt {
        let pos = self.tok.pos;
        let d = self.gen_decl(kind);
        Stmt {
            pos,
            kind: StmtKind::Decl(Box::new(d)),
        }
    }

    fn for_stmt(&mut self) -> Stmt {
        let pos = self.tok.pos;
        let h = self.header(Token::For);
        let body = self.block("for clause");
        let kind = match h.range {
            Some(r) => {
                let mut lhs = r.lhs.into_iter();
                let (key, value, extra) = (lhs.next(), lhs.next(), lhs.next());
                if let Some(x) = &extra {
                    let at = x.start();
                    self.classed_error_at(
                        at,
                        "range clause permits at most two iteration variables".into(),
                        false,
                        ErrClass::GoParserOnly,
                    );
                }
                StmtKind::Range(Box::new(RangeStmt {
                    key,
                    value,
                    extra,
                    op: r.op,
                    range: r.pos,
                    x: r.x,
                    body,
                }))
            }
            None => StmtKind::For(Box::new(ForStmt {
                init: h.init,
                cond: h.cond,
                post: h.post,
                body,
            })),
        };
        Stmt { pos, kind }
    }

    /// The header of `if`, `for` or `switch` (the keyword is current).
    fn header(&mut self, keyword: Token) -> Header {
        let mut h = Header::default();
        self.want(keyword);
        if self.at(Token::LBrace) {
            if keyword == Token::If {
                self.syntax_error("missing condition in if statement");
                h.cond = Some(self.bad());
            }
            return h;
        }
        let outer = self.xnest;
        self.xnest = -1;
        let mut init = None;
        if !self.at(SEMI) {
            // accept a var declaration but complain
            if self.got(Token::Var) {
                self.syntax_error(&format!(
                    "var declaration not allowed in {} initializer",
                    keyword.as_str()
                ));
            }
            match self.simple_stmt(None, keyword) {
                Simple::Range(r) => {
                    h.range = Some(r);
                    self.xnest = outer;
                    return h;
                }
                s => init = Some(s),
            }
        }
        let mut cond_stmt = None;
        let mut semi: Option<(Pos, Token)> = None;
        if !self.at(Token::LBrace) {
            if self.at(SEMI) {
                semi = Some((self.tok.pos, self.tok.kind));
                self.next();
            } else {
                // asking for a '{' rather than a ';' gives a better message
                self.want(Token::LBrace);
                if !self.at(Token::LBrace) {
                    self.advance(&[Token::LBrace, Token::RBrace]);
                }
            }
            h.init = init.map(|s| self.simple_only(s));
            if keyword == Token::For {
                let mut done = false;
                if !self.at(SEMI) {
                    if self.at(Token::LBrace) {
                        self.syntax_error("expected for loop condition");
                        done = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt(None, Token::Eof));
                    }
                }
                if !done {
                    self.want(SEMI);
                    if !self.at(Token::LBrace) {
                        let s = self.simple_stmt(None, Token::Eof);
                        let post = self.simple_only(s);
                        if let StmtKind::Assign(a) = &post.kind {
                            if a.op == Token::Define {
                                self.classed_error_at(
                                    post.pos,
                                    "cannot declare in post statement of for loop".into(),
                                    true,
                                    ErrClass::GcOnly,
                                );
                            }
                        }
                        h.post = Some(post);
                    }
                }
            } else if !self.at(Token::LBrace) {
                cond_stmt = Some(self.simple_stmt(None, keyword));
            }
        } else {
            cond_stmt = init;
        }
        match cond_stmt {
            None => {
                if keyword == Token::If {
                    if let Some((pos, kind)) = semi {
                        if kind != Token::Semi(SemiKind::Written) {
                            let lit = if kind == Token::Semi(SemiKind::Newline) {
                                "newline"
                            } else {
                                "EOF"
                            };
                            self.syntax_error_at(
                                pos,
                                &format!("unexpected {lit}, expected {{ after if clause"),
                            );
                        } else {
                            self.syntax_error_at(pos, "missing condition in if statement");
                        }
                        h.cond = Some(self.mk(pos, ExprKind::Bad));
                    }
                }
            }
            Some(Simple::Guard(bind, g)) => {
                h.bind = Some(bind);
                h.cond = Some(g);
            }
            Some(Simple::Stmt(Stmt {
                kind: StmtKind::Expr(x),
                ..
            })) => h.cond = Some(x),
            Some(Simple::Stmt(s)) => {
                let what = match &s.kind {
                    StmtKind::Assign(a) if a.op == Token::Assign => {
                        format!("assignment {} = {}", emphasize(&a.lhs), emphasize(&a.rhs))
                    }
                    _ => simple_stmt_string(&s),
                };
                // go/parser takes `lhs := x.(type)` as a type switch guard
                // whatever `lhs` is (go/types objects later); gc rejects it here.
                let guard_shaped = matches!(&s.kind, StmtKind::Assign(a)
                    if a.op == Token::Define && a.rhs.len() == 1
                        && matches!(a.rhs[0].kind, ExprKind::TypeAssert(_, None)));
                let class = if guard_shaped {
                    ErrClass::GcOnly
                } else {
                    ErrClass::Both
                };
                self.classed_error_at(s.pos, format!("cannot use {what} as value"), true, class);
            }
            Some(Simple::Range(r)) => h.cond = Some(r.x),
        }
        self.xnest = outer;
        h
    }

    fn if_stmt(&mut self) -> Stmt {
        let pos = self.tok.pos;
        if !self.enter() {
            self.leave();
            return Stmt {
                pos,
                kind: StmtKind::Bad,
            };
        }
        let h = self.header(Token::If);
        let then = self.block("if clause");
        let mut els = None;
        if self.got(Token::Else) {
            match self.tok.kind {
                Token::If => els = Some(self.if_stmt()),
                Token::LBrace => {
                    let b = self.block("");
                    els = Some(Stmt {
                        pos: b.lbrace,
                        kind: StmtKind::Block(b),
                    });
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Token::Ident, Token::RBrace]);
                }
            }
        }
        self.leave();
        let cond = match h.cond {
            Some(c) => c,
            None => self.bad(),
        };
        Stmt {
            pos,
            kind: StmtKind::If(Box::new(IfStmt {
                init: h.init,
                cond,
                then,
                els,
            })),
        }
    }

    fn switch_stmt(&mut self) -> Stmt {
        let pos = self.tok.pos;
        let h = self.header(Token::Switch);
        if !self.got(Token::LBrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Token::Case, Token::Default, Token::RBrace]);
        }
        let mut body = Vec::new();
        while self.tok.kind != Token::Eof && !self.at(Token::RBrace) {
            body.push(self.case_clause());
        }
        let rbrace = self.tok.pos;
        self.want(Token::RBrace);
        let kind = match h.cond {
            Some(guard) if matches!(guard.kind, ExprKind::TypeAssert(_, None)) => {
                StmtKind::TypeSwitch(Box::new(TypeSwitchStmt {
                    init: h.init,
                    bind: h.bind,
                    guard,
                    body,
                    rbrace,
                }))
            }
            tag => StmtKind::Switch(Box::new(SwitchStmt {
                init: h.init,
                tag,
                body,
                rbrace,
            })),
        };
        Stmt { pos, kind }
    }

    fn select_stmt(&mut self) -> Stmt {
        let pos = self.tok.pos;
        self.want(Token::Select);
        if !self.got(Token::LBrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Token::Case, Token::Default, Token::RBrace]);
        }
        let mut body = Vec::new();
        while self.tok.kind != Token::Eof && !self.at(Token::RBrace) {
            body.push(self.comm_clause());
        }
        let rbrace = self.tok.pos;
        self.want(Token::RBrace);
        Stmt {
            pos,
            kind: StmtKind::Select(Box::new(SelectStmt { body, rbrace })),
        }
    }

    fn case_clause(&mut self) -> CaseClause {
        let (pos, list, colon, body) = self.clause(|p| p.expr_list());
        CaseClause {
            pos,
            list,
            colon,
            body,
        }
    }

    fn comm_clause(&mut self) -> CommClause {
        let (pos, comm, colon, body) = self.clause(|p| {
            let s = p.simple_stmt(None, Token::Eof);
            p.simple_only(s)
        });
        CommClause {
            pos,
            comm,
            colon,
            body,
        }
    }

    /// A switch or select clause, `case X:` (`head` parses X) or
    /// `default:`, then its statements: (position, X, colon, body).
    fn clause<T>(&mut self, head: impl FnOnce(&mut Self) -> T) -> (Pos, Option<T>, Pos, Vec<Stmt>) {
        let pos = self.tok.pos;
        let mut x = None;
        match self.tok.kind {
            Token::Case => {
                self.next();
                x = Some(head(self));
            }
            Token::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Token::Colon, Token::Case, Token::Default, Token::RBrace]);
            }
        }
        let colon = self.tok.pos;
        self.want(Token::Colon);
        (pos, x, colon, self.stmt_list())
    }

    fn stmt_or_nil(&mut self) -> Option<Stmt> {
        if !self.enter() {
            self.leave();
            return None;
        }
        let s = self.stmt_or_nil_inner();
        self.leave();
        s
    }

    fn stmt_or_nil_inner(&mut self) -> Option<Stmt> {
        let pos = self.tok.pos;
        if !matches!(self.tok.kind, Token::Var | Token::Const | Token::Type) {
            self.clear_pragma();
        }
        // most statements start with a name: look for it first
        if self.at(Token::Ident) {
            let (x, rest) = self.expr_list_head();
            if rest.is_empty() && self.at(Token::Colon) && matches!(x.kind, ExprKind::Name(_)) {
                let ExprKind::Name(name) = x.kind else {
                    unreachable!()
                };
                return self.labeled_stmt(Ident {
                    id: x.id,
                    pos: x.pos,
                    name,
                });
            }
            let s = self.simple_stmt(Some((x, rest)), Token::Eof);
            return Some(self.simple_only(s));
        }
        Some(match self.tok.kind {
            Token::Var => self.decl_stmt(DeclKind::Var),
            Token::Const => self.decl_stmt(DeclKind::Const),
            Token::Type => self.decl_stmt(DeclKind::Type),
            Token::LBrace => {
                let b = self.block("");
                Stmt {
                    pos,
                    kind: StmtKind::Block(b),
                }
            }
            Token::Add
            | Token::Sub
            | Token::Mul
            | Token::And
            | Token::Xor
            | Token::Not
            | Token::Lit(_)
            | Token::Func
            | Token::LParen
            | Token::LBrack
            | Token::Struct
            | Token::Map
            | Token::Chan
            | Token::Interface
            | Token::Arrow => {
                let s = self.simple_stmt(None, Token::Eof);
                self.simple_only(s)
            }
            Token::For => self.for_stmt(),
            Token::Switch => self.switch_stmt(),
            Token::Select => self.select_stmt(),
            Token::If => self.if_stmt(),
            Token::Fallthrough => {
                self.next();
                Stmt {
                    pos,
                    kind: StmtKind::Branch(Token::Fallthrough, None),
                }
            }
            kw @ (Token::Break | Token::Continue) => {
                self.next();
                let label = if self.at(Token::Ident) {
                    Some(self.name())
                } else {
                    None
                };
                Stmt {
                    pos,
                    kind: StmtKind::Branch(kw, label),
                }
            }
            Token::Go | Token::Defer => self.call_stmt(),
            Token::Goto => {
                self.next();
                let label = self.name();
                Stmt {
                    pos,
                    kind: StmtKind::Branch(Token::Goto, Some(label)),
                }
            }
            Token::Return => {
                self.next();
                let mut results = Vec::new();
                if !self.at(SEMI) && !self.at(Token::RBrace) {
                    results = self.expr_list();
                }
                Stmt {
                    pos,
                    kind: StmtKind::Return(results),
                }
            }
            Token::Semi(_) => Stmt {
                pos,
                kind: StmtKind::Empty,
            },
            _ => return None,
        })
    }

    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !matches!(
            self.tok.kind,
            Token::Eof | Token::RBrace | Token::Case | Token::Default
        ) {
            let s = self.stmt_or_nil();
            self.clear_pragma();
            let Some(s) = s else { break };
            list.push(s);
            // ";" is optional before "}"
            if !self.got(SEMI) && !self.at(Token::RBrace) {
                self.syntax_error("at end of statement");
                self.advance(&[SEMI, Token::RBrace, Token::Case, Token::Default]);
                self.got(SEMI); // avoid a spurious empty statement
            }
        }
        list
    }

    // ---------------------------------------------------------------------
    // Common productions

    fn name(&mut self) -> Ident {
        let pos = self.tok.pos;
        if self.at(Token::Ident) {
            // Identifiers are almost always short: build them inline without
            // SmolStr::new's general path.
            let text = self.text_str();
            let name = if text.len() <= Name::INLINE_CAP {
                Name::new_inline(&text)
            } else {
                Name::new(text)
            };
            self.next();
            return Ident {
                id: self.id(),
                pos,
                name,
            };
        }
        let id = self.id();
        self.syntax_error("expected name");
        self.advance(&[]);
        Ident {
            id,
            pos,
            name: Name::new("_"),
        }
    }

    fn name_list(&mut self, first: Ident) -> Vec<Ident> {
        let mut l = vec![first];
        while self.got(Token::Comma) {
            l.push(self.name());
        }
        l
    }

    /// `name`, `pkg.name`, possibly instantiated `[args]`; `name` may have
    /// been parsed already.
    fn qualified_name(&mut self, name: Option<Ident>) -> Expr {
        let mut x = match name {
            Some(n) => self.name_expr(n),
            None if self.at(Token::Ident) => {
                let n = self.name();
                self.name_expr(n)
            }
            None => {
                let pos = self.tok.pos;
                let x = self.mk(pos, ExprKind::Name(Name::new("_")));
                self.syntax_error("expected name");
                self.advance(&[Token::Period, SEMI, Token::RBrace]);
                x
            }
        };
        if self.at(Token::Period) {
            let pos = self.tok.pos;
            self.next();
            let sel = self.name();
            x = self.mk(pos, ExprKind::Selector(Box::new(x), Box::new(sel)));
        }
        if self.at(Token::LBrack) {
            x = self.type_instance(x);
        }
        x
    }

    /// An expression list as its first element and the rest (which does
    /// not allocate for the common single expression).
    fn expr_list_head(&mut self) -> (Expr, Vec<Expr>) {
        let first = self.expr();
        let mut rest = Vec::new();
        while self.got(Token::Comma) {
            rest.push(self.expr());
        }
        (first, rest)
    }

    fn expr_list(&mut self) -> Vec<Expr> {
        let mut list = vec![self.expr()];
        while self.got(Token::Comma) {
            list.push(self.expr());
        }
        list
    }

    /// A non-empty list of types (the first may be an expression unless
    /// `strict`), optionally followed by a comma; also reports whether
    /// there was a comma.
    fn type_list(&mut self, strict: bool) -> (Vec<Expr>, bool) {
        self.xnest += 1;
        let first = if strict { self.type_() } else { self.expr() };
        let mut list = vec![first];
        let mut comma = false;
        if self.got(Token::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                list.push(t);
                while self.got(Token::Comma) {
                    match self.type_or_nil() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        (list, comma)
    }
}

/// `x` without enclosing parentheses (by value).
fn unparen_owned(mut x: Expr) -> Expr {
    while let ExprKind::Paren(inner) = x.kind {
        x = *inner;
    }
    x
}

/// Splits `x` into a type parameter name and its constraint if `x` can be
/// read as `name constraint`: `P *C`, `P (C)`, `P *C | D`, ... The split
/// happens only when the rest is a type element, or when `force` is set.
/// A lone name gives `(name, None)`; otherwise `x` comes back unchanged.
fn extract_name(x: Expr, force: bool) -> Result<(Ident, Option<Expr>), Expr> {
    match x.kind {
        ExprKind::Name(name) => Ok((
            Ident {
                id: x.id,
                pos: x.pos,
                name,
            },
            None,
        )),
        ExprKind::Binary(Token::Mul, lhs, rhs)
            if matches!(lhs.kind, ExprKind::Name(_)) && (force || is_type_elem(&rhs)) =>
        {
            let ExprKind::Name(name) = lhs.kind else {
                unreachable!()
            };
            // name *rhs
            Ok((
                Ident {
                    id: lhs.id,
                    pos: lhs.pos,
                    name,
                },
                Some(Expr {
                    id: x.id,
                    pos: x.pos,
                    kind: ExprKind::Star(rhs),
                }),
            ))
        }
        ExprKind::Binary(Token::Or, lhs, rhs) => {
            let f = force || is_type_elem(&rhs);
            match extract_name(*lhs, f) {
                Ok((name, Some(l))) => Ok((
                    name,
                    Some(Expr {
                        id: x.id,
                        pos: x.pos,
                        kind: ExprKind::Binary(Token::Or, Box::new(l), rhs),
                    }),
                )),
                Ok((name, None)) => {
                    let l = Expr {
                        id: name.id,
                        pos: name.pos,
                        kind: ExprKind::Name(name.name),
                    };
                    Err(Expr {
                        id: x.id,
                        pos: x.pos,
                        kind: ExprKind::Binary(Token::Or, Box::new(l), rhs),
                    })
                }
                Err(l) => Err(Expr {
                    id: x.id,
                    pos: x.pos,
                    kind: ExprKind::Binary(Token::Or, Box::new(l), rhs),
                }),
            }
        }
        ExprKind::Call(c)
            if matches!(c.fun.kind, ExprKind::Name(_))
                && c.args.len() == 1
                && !c.has_dots
                && (force || is_type_elem(&c.args[0])) =>
        {
            let c = *c;
            let ExprKind::Name(name) = c.fun.kind else {
                unreachable!()
            };
            let arg = c.args.into_iter().next().expect("one argument");
            Ok((
                Ident {
                    id: c.fun.id,
                    pos: c.fun.pos,
                    name,
                },
                Some(unparen_owned(arg)),
            ))
        }
        kind => Err(Expr {
            id: x.id,
            pos: x.pos,
            kind,
        }),
    }
}

/// Whether `x` is (syntactically) a type element, as opposed to something
/// that could also be an ordinary value expression.
fn is_type_elem(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::ArrayType(..)
        | ExprKind::StructType(_)
        | ExprKind::FuncType(_)
        | ExprKind::InterfaceType(_)
        | ExprKind::SliceType(_)
        | ExprKind::MapType(..)
        | ExprKind::ChanType(..) => true,
        ExprKind::Star(y) => is_type_elem(y),
        ExprKind::Unary(op, y) => *op == Token::Tilde || is_type_elem(y),
        ExprKind::Binary(_, a, b) => is_type_elem(a) || is_type_elem(b),
        ExprKind::Paren(y) => is_type_elem(y),
        _ => false,
    }
}

/// Whether `x` must be a value (not a type) syntactically.
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit(_)
        | ExprKind::CompositeLit(_)
        | ExprKind::FuncLit(_)
        | ExprKind::Slice(_)
        | ExprKind::TypeAssert(..)
        | ExprKind::Call(_)
        | ExprKind::Unary(..)
        | ExprKind::Binary(..) => true,
        ExprKind::Paren(y) => is_value(y),
        ExprKind::Index(y, args) => is_value(y) || (args.len() == 1 && is_value(&args[0])),
        _ => false,
    }
}

/// An expression list as gc prints it, a binary expression in parentheses.
fn emphasize(list: &[Expr]) -> String {
    let s = list.iter().map(expr_string).collect::<Vec<_>>().join(", ");
    if list.len() == 1 && matches!(list[0].kind, ExprKind::Binary(..)) {
        format!("({s})")
    } else {
        s
    }
}

/// Applies gc's error reporting rules to the errors in emission order:
/// one syntax error per line (against the last reported one), one copy of an
/// equal non-syntax error per line, stop at the 10th error with `too many
/// errors` (unless [`Mode::ALL_ERRORS`]), then a stable sort by position and removal of exact duplicates.
/// Errors of the other parser's class (see [`ErrClass`]) are dropped first.
fn finish_errors(src: &[u8], mode: Mode, mut raw: Vec<RawError>) -> Vec<SyntaxError> {
    let other = if mode.contains(Mode::GO_PARSER) {
        ErrClass::GcOnly
    } else {
        ErrClass::GoParserOnly
    };
    raw.retain(|e| e.class != other);
    if raw.is_empty() {
        return Vec::new();
    }
    let lines = crate::pos::SourceFile::new("", src);
    let same_line = |a: Pos, b: Pos| lines.line_col(a).line == lines.line_col(b).line;
    let mut out: Vec<SyntaxError> = Vec::new();
    let mut last_syntax: Option<Pos> = None;
    let mut last_other: Option<(Pos, String)> = None;
    let mut too_many = None;
    for e in raw {
        if e.syntax {
            if last_syntax.is_some_and(|p| same_line(p, e.pos)) {
                continue;
            }
            last_syntax = Some(e.pos);
        } else {
            if last_other
                .as_ref()
                .is_some_and(|(p, m)| same_line(*p, e.pos) && *m == e.msg)
            {
                continue;
            }
            last_other = Some((e.pos, e.msg.clone()));
        }
        let pos = e.pos;
        out.push(SyntaxError { pos, msg: e.msg });
        if out.len() >= MAX_ERRORS && !mode.contains(Mode::ALL_ERRORS) {
            too_many = Some(pos);
            break;
        }
    }
    out.sort_by_key(|e| e.pos);
    out.dedup_by(|a, b| a.pos == b.pos && a.msg == b.msg);
    if let Some(pos) = too_many {
        out.push(SyntaxError {
            pos,
            msg: "too many errors".into(),
        });
    }
    out
}
