//! A token-level index of a Go file's top-level declarations, for the
//! pruning of std packages before `rgo run` parses them
//! ([`super::reduce`]). Shared with `crates/rgo/build.rs`, which indexes
//! every rgo-std file at build time; at run time it scans the user's own
//! files (small) for the std names they mention.
//!
//! A *unit* is what can be dropped on its own: a function or method
//! declaration, one spec of a `var` or `type` declaration (grouped or
//! not), or a whole `const` declaration (a group's `iota` and implicit
//! repetition tie its specs together). For each unit it records the byte
//! span (a written `;` ending it included), the names it declares, its
//! receiver's base type name (methods), the identifiers it contains
//! (those that may name a package-level declaration apart from those that
//! can only name a field or method), the `X.Y` pairs, and whether it is a `var` whose initializer may run code
//! (a call, a conversion, a receive: such a var is kept whatever refers to
//! it, since initializing it can be observed).
//!
//! This module depends on rgo-syntax only (the build script compiles it
//! alone).

use rgo_syntax::scanner::Scanner;
use rgo_syntax::token::{Tok, Token};
use rgo_syntax::Mode;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnitKind {
    Func,
    Method,
    Var,
    Const,
    Type,
}

impl UnitKind {
    pub fn code(self) -> u8 {
        match self {
            UnitKind::Func => 0,
            UnitKind::Method => 1,
            UnitKind::Var => 2,
            UnitKind::Const => 3,
            UnitKind::Type => 4,
        }
    }
}

/// One droppable top-level declaration (see the module doc).
#[derive(Clone, Debug)]
pub struct Unit {
    pub kind: UnitKind,
    /// Byte span `[start, end)`.
    pub start: u32,
    pub end: u32,
    /// The names declared (for a method, the method's name).
    pub names: Vec<String>,
    /// A method's receiver base type name.
    pub recv: Option<String>,
    /// Every identifier in the unit that may refer to a package-level
    /// name, as written.
    pub idents: Vec<String>,
    /// The identifiers that can only name a field or method: after a `.`,
    /// struct field names, interface method names.
    pub sels: Vec<String>,
    /// Every `X.Y` (both identifiers), as written.
    pub quals: Vec<(String, String)>,
    /// A `var` whose initializer may run code.
    pub effect: bool,
}

/// One import: its name (`None` when not renamed; `.` and `_` as written),
/// path, and the offset of the path literal.
#[derive(Clone, Debug)]
pub struct Import {
    pub name: Option<String>,
    pub path: String,
    pub pos: u32,
}

/// What [`scan_file`] finds in a file.
#[derive(Clone, Debug, Default)]
pub struct FileScan {
    pub package: String,
    pub imports: Vec<Import>,
    pub units: Vec<Unit>,
}

/// Scans `src`'s top-level declarations. Never fails: a file with syntax
/// errors gets some (over-approximated) answer; callers that prune by it
/// only do so for files known to be well-formed.
pub fn scan_file(src: &[u8]) -> FileScan {
    let mut sc = Scanner::new(src, Mode::NONE);
    let mut toks: Vec<Tok> = Vec::with_capacity(src.len() / 4);
    loop {
        let t = sc.next();
        match t.kind {
            Token::Eof => break,
            Token::Comment => {}
            _ => toks.push(t),
        }
    }
    let text = |t: &Tok| -> String {
        String::from_utf8_lossy(src.get(t.pos.offset()..t.end.offset()).unwrap_or_default())
            .into_owned()
    };
    let mut out = FileScan::default();
    let mut i = 0;
    let n = toks.len();
    while i < n {
        let t = toks[i];
        match t.kind {
            Token::Package => {
                if let Some(name) = toks.get(i + 1).filter(|t| t.kind == Token::Ident) {
                    out.package = text(name);
                }
                i = skip_to_semi(&toks, i);
            }
            Token::Import => {
                let end = skip_to_semi(&toks, i);
                let mut name = None;
                for t in &toks[i + 1..end] {
                    match t.kind {
                        Token::Ident | Token::Period => name = Some(text(t)),
                        Token::Lit(rgo_syntax::token::LitKind::String) => {
                            let lit = text(t);
                            let path = lit.trim_matches(|c| c == '"' || c == '`').to_string();
                            out.imports.push(Import {
                                name: name.take(),
                                path,
                                pos: t.pos.0,
                            });
                        }
                        Token::Semi(_) | Token::RParen => name = None,
                        _ => {}
                    }
                }
                i = end;
            }
            Token::Func => {
                let end = skip_to_semi(&toks, i);
                out.units.push(func_unit(&toks, i, end, &text));
                i = end;
            }
            Token::Var | Token::Const | Token::Type => {
                let end = skip_to_semi(&toks, i);
                let kind = match t.kind {
                    Token::Var => UnitKind::Var,
                    Token::Const => UnitKind::Const,
                    _ => UnitKind::Type,
                };
                let grouped = toks.get(i + 1).is_some_and(|t| t.kind == Token::LParen);
                if !grouped || kind == UnitKind::Const {
                    let first = if grouped { i + 2 } else { i + 1 };
                    let mut u = spec_unit(&toks, kind, i, end, &text);
                    if grouped {
                        // Every spec's names.
                        u.names.clear();
                        let mut j = first;
                        while j < end {
                            let e = spec_end(&toks, j, end);
                            u.names.extend(spec_names(&toks[j..e], kind, &text));
                            j = e + 1;
                        }
                    }
                    out.units.push(u);
                } else {
                    // `var (` ... `)`: one unit per spec.
                    let close = end.saturating_sub(1).max(i + 1);
                    let mut j = i + 2;
                    while j < close {
                        if matches!(toks[j].kind, Token::Semi(_)) {
                            j += 1;
                            continue;
                        }
                        let e = spec_end(&toks, j, close);
                        out.units.push(spec_unit(&toks, kind, j, e, &text));
                        j = e + 1;
                    }
                }
                i = end;
            }
            _ => i += 1,
        }
        // The `;` ending a declaration.
        if i < n && matches!(toks[i].kind, Token::Semi(_)) {
            if let Some(u) = out.units.last_mut() {
                if u.end == toks[i - 1].end.0 && toks[i].end.0 > toks[i].pos.0 {
                    u.end = toks[i].end.0;
                }
            }
            i += 1;
        }
    }
    out
}

/// The index of the `;` (or end) closing the top-level declaration that
/// starts at `i`: the first semicolon outside brackets.
fn skip_to_semi(toks: &[Tok], i: usize) -> usize {
    let mut depth = 0i32;
    let mut j = i;
    while j < toks.len() {
        match toks[j].kind {
            Token::LParen | Token::LBrack | Token::LBrace => depth += 1,
            Token::RParen | Token::RBrack | Token::RBrace => depth -= 1,
            Token::Semi(_) if depth <= 0 => return j,
            _ => {}
        }
        j += 1;
    }
    toks.len()
}

/// The end (exclusive; a `;` or `limit`) of the spec starting at `j`
/// inside a group.
fn spec_end(toks: &[Tok], j: usize, limit: usize) -> usize {
    let mut depth = 0i32;
    let mut k = j;
    while k < limit {
        match toks[k].kind {
            Token::LParen | Token::LBrack | Token::LBrace => depth += 1,
            Token::RParen | Token::RBrack | Token::RBrace => {
                depth -= 1;
                if depth < 0 {
                    return k;
                }
            }
            Token::Semi(_) if depth == 0 => return k,
            _ => {}
        }
        k += 1;
    }
    limit
}

/// The names a spec declares: leading `a, b, c` (var, const) or the first
/// name (type).
fn spec_names(toks: &[Tok], kind: UnitKind, text: &dyn Fn(&Tok) -> String) -> Vec<String> {
    let mut names = Vec::new();
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        if t.kind != Token::Ident {
            break;
        }
        names.push(text(t));
        if kind == UnitKind::Type || toks.get(k + 1).map(|t| t.kind) != Some(Token::Comma) {
            break;
        }
        k += 2;
    }
    names
}

/// The unit of tokens `[i, end)`: a whole `var`/`const`/`type`
/// declaration (starting at its keyword) or one spec of a group.
fn spec_unit(
    toks: &[Tok],
    kind: UnitKind,
    i: usize,
    end: usize,
    text: &dyn Fn(&Tok) -> String,
) -> Unit {
    let body = &toks[i..end.max(i)];
    let spec = match body.first().map(|t| t.kind) {
        Some(Token::Var | Token::Const | Token::Type) => &body[1..],
        _ => body,
    };
    let names = spec_names(spec, kind, text);
    // A call-shaped `(` or a receive after the `=` of a var.
    let mut effect = false;
    if kind == UnitKind::Var {
        let mut depth = 0i32;
        let mut init = false;
        for (k, t) in spec.iter().enumerate() {
            match t.kind {
                Token::LParen | Token::LBrack | Token::LBrace => {
                    if init && t.kind == Token::LParen && k > 0 {
                        let prev = spec[k - 1].kind;
                        if matches!(
                            prev,
                            Token::Ident | Token::RParen | Token::RBrack | Token::RBrace
                        ) {
                            effect = true;
                        }
                    }
                    depth += 1;
                }
                Token::RParen | Token::RBrack | Token::RBrace => depth -= 1,
                Token::Assign if depth == 0 => init = true,
                Token::Arrow if init => effect = true,
                _ => {}
            }
        }
    }
    let mut u = collect(body, kind, text);
    u.names = names;
    u.effect = effect;
    u
}

/// A `func` declaration `[i, end)`.
fn func_unit(toks: &[Tok], i: usize, end: usize, text: &dyn Fn(&Tok) -> String) -> Unit {
    let body = &toks[i..end.max(i)];
    let mut kind = UnitKind::Func;
    let mut recv = None;
    let mut k = 1;
    if body.get(1).map(|t| t.kind) == Some(Token::LParen) {
        kind = UnitKind::Method;
        // `(r *T[K])`, `(T)`, `(*T)`: the first name not followed by a
        // name or `*` is the base type.
        let close = spec_end(body, 2, body.len());
        let r = &body[2..close];
        let mut j = 0;
        if r.len() > 1
            && r[0].kind == Token::Ident
            && matches!(r[1].kind, Token::Ident | Token::Mul)
        {
            j = 1;
        }
        while r.get(j).map(|t| t.kind) == Some(Token::Mul) {
            j += 1;
        }
        recv = r.get(j).filter(|t| t.kind == Token::Ident).map(text);
        k = close + 1;
    }
    let mut u = collect(body, kind, text);
    u.names = body
        .get(k)
        .filter(|t| t.kind == Token::Ident)
        .map(text)
        .into_iter()
        .collect();
    u.recv = recv;
    u
}

/// What a `{` opened, for [`collect`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Brace {
    Struct,
    Interface,
    Other,
}

/// The identifiers, selector names and `X.Y` pairs of `body`, with its
/// span.
fn collect(body: &[Tok], kind: UnitKind, text: &dyn Fn(&Tok) -> String) -> Unit {
    let mut idents = Vec::new();
    let mut sels = Vec::new();
    let mut quals = Vec::new();
    let mut braces: Vec<Brace> = Vec::new();
    let tok = |k: usize| body.get(k).map(|t| t.kind);
    let mut k = 0;
    while k < body.len() {
        let t = body[k];
        match t.kind {
            Token::LBrace => {
                braces.push(match k.checked_sub(1).and_then(tok) {
                    Some(Token::Struct) => Brace::Struct,
                    Some(Token::Interface) => Brace::Interface,
                    _ => Brace::Other,
                });
            }
            Token::RBrace => {
                braces.pop();
            }
            Token::Ident => {
                let after_dot = k > 0 && tok(k - 1) == Some(Token::Period);
                let starts_member = k > 0
                    && matches!(tok(k - 1), Some(Token::LBrace | Token::Semi(_)))
                    && matches!(braces.last(), Some(Brace::Struct | Brace::Interface));
                if after_dot {
                    sels.push(text(&t));
                } else if starts_member && braces.last() == Some(&Brace::Struct) {
                    // `a, b T` declares fields; `T`, `*T`, `p.T` (with
                    // an optional tag) embeds a type.
                    let mut j = k;
                    while tok(j + 1) == Some(Token::Comma) && tok(j + 2) == Some(Token::Ident) {
                        j += 2;
                    }
                    let embedded = j == k
                        && matches!(
                            tok(k + 1),
                            None | Some(
                                Token::Semi(_)
                                    | Token::RBrace
                                    | Token::Period
                                    | Token::Lit(rgo_syntax::token::LitKind::String)
                            )
                        );
                    if embedded {
                        idents.push(text(&t));
                    } else {
                        if j == k && tok(k + 1) == Some(Token::LBrack) {
                            // `a [N]T` or an embedded instance `L[T]`.
                            idents.push(text(&t));
                        }
                        sels.extend(
                            body[k..=j]
                                .iter()
                                .filter(|t| t.kind == Token::Ident)
                                .map(text),
                        );
                        k = j + 1;
                        continue;
                    }
                } else if starts_member && tok(k + 1) == Some(Token::LParen) {
                    // An interface's method.
                    sels.push(text(&t));
                } else {
                    idents.push(text(&t));
                }
                if tok(k + 1) == Some(Token::Period) && tok(k + 2) == Some(Token::Ident) {
                    quals.push((text(&t), text(&body[k + 2])));
                }
            }
            _ => {}
        }
        k += 1;
    }
    idents.sort();
    idents.dedup();
    sels.sort();
    sels.dedup();
    quals.sort();
    quals.dedup();
    Unit {
        kind,
        start: body.first().map_or(0, |t| t.pos.0),
        end: body.last().map_or(0, |t| t.end.0),
        names: Vec::new(),
        recv: None,
        idents,
        sels,
        quals,
        effect: false,
    }
}

/// A fast 64-bit hash of a file's bytes (eight at a time), to tell that
/// the source the index was built from is the one being loaded.
pub fn content_hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = b.len() as u64 ^ K;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    for &x in chunks.remainder() {
        h = (h ^ x as u64).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"package p

import (
	"errors"
	u "unicode"
)

const (
	A = iota
	B
)

var (
	x = errors.New("x")
	y = T{Lo: 1}
	z, w int
)

var tab = &T{Lo: u.MaxRune}; var v = <-ch

type T struct {
	Lo, Hi uint16
	Name string `json:"n"`
	Embedded
	*errors.Thing
	List[int]
}

type I interface {
	Method(a int) string
	Other
}

func (t *T[K]) Get() int { return t.Lo + helper() }

func init() { _ = tab }
"#;

    fn unit<'a>(f: &'a FileScan, name: &str) -> &'a Unit {
        f.units
            .iter()
            .find(|u| u.names.iter().any(|n| n == name))
            .unwrap_or_else(|| panic!("no unit {name}"))
    }

    #[test]
    fn units_names_and_spans() {
        let f = scan_file(SRC.as_bytes());
        assert_eq!(f.package, "p");
        let imps: Vec<(Option<&str>, &str)> = f
            .imports
            .iter()
            .map(|i| (i.name.as_deref(), i.path.as_str()))
            .collect();
        assert_eq!(imps, [(None, "errors"), (Some("u"), "unicode")]);
        // The const group is one unit with every name; var specs are one each.
        assert_eq!(unit(&f, "A").names, ["A", "B"]);
        assert_eq!(unit(&f, "A").kind, UnitKind::Const);
        assert_eq!(unit(&f, "z").names, ["z", "w"]);
        // `var tab = ...;` on one line with another: the written `;` is
        // part of the first unit's span, the second starts after it.
        let tab = unit(&f, "tab");
        let v = unit(&f, "v");
        assert_eq!(
            &SRC[tab.start as usize..tab.end as usize],
            "var tab = &T{Lo: u.MaxRune};"
        );
        assert_eq!(&SRC[v.start as usize..v.end as usize], "var v = <-ch");
        let m = unit(&f, "Get");
        assert_eq!((m.kind, m.recv.as_deref()), (UnitKind::Method, Some("T")));
        assert!(SRC[m.start as usize..m.end as usize].starts_with("func (t *T[K]) Get()"));
        assert!(SRC[m.start as usize..m.end as usize].ends_with('}'));
        assert_eq!(unit(&f, "init").kind, UnitKind::Func);
    }

    #[test]
    fn effects_of_initializers() {
        let f = scan_file(SRC.as_bytes());
        assert!(unit(&f, "x").effect, "a call");
        assert!(!unit(&f, "y").effect, "a composite literal");
        assert!(!unit(&f, "z").effect, "no initializer");
        assert!(!unit(&f, "tab").effect);
        assert!(unit(&f, "v").effect, "a receive");
    }

    #[test]
    fn references_and_selectors() {
        let f = scan_file(SRC.as_bytes());
        let t = unit(&f, "T");
        // Field names are selectors; embedded types are references.
        assert!(t.sels.contains(&"Lo".to_string()) && t.sels.contains(&"Hi".to_string()));
        assert!(t.sels.contains(&"Name".to_string()));
        assert!(t.idents.contains(&"Embedded".to_string()));
        assert!(
            t.idents.contains(&"List".to_string()),
            "maybe an embedded instance"
        );
        assert!(t.idents.contains(&"uint16".to_string()));
        assert!(!t.idents.contains(&"Lo".to_string()));
        assert!(t
            .quals
            .contains(&("errors".to_string(), "Thing".to_string())));
        let i = unit(&f, "I");
        assert!(i.sels.contains(&"Method".to_string()));
        assert!(i.idents.contains(&"Other".to_string()));
        let tab = unit(&f, "tab");
        assert!(tab
            .quals
            .contains(&("u".to_string(), "MaxRune".to_string())));
        // A composite literal key may be a map key expression: a reference.
        assert!(tab.idents.contains(&"Lo".to_string()));
        let m = unit(&f, "Get");
        assert!(m.sels.contains(&"Lo".to_string()));
        assert!(m.idents.contains(&"helper".to_string()));
    }

    #[test]
    fn content_hash_sees_every_byte() {
        let a = content_hash(b"package p\n\nvar x = 1\n");
        let b = content_hash(b"package p\n\nvar x = 2\n");
        assert_ne!(a, b);
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
        assert_eq!(a, content_hash(b"package p\n\nvar x = 1\n"));
    }
}
