//! gc's compiler directives (`//go:noinline`, `//go:linkname`, ...), checked
//! as cmd/compile's noder checks them while parsing, with
//! [`crate::Mode::PRAGMAS`] (gc's rules for user packages, not the standard
//! library's).
//!
//! Directives seen since the last declaration or statement boundary are
//! pending (gc's `pragma`): a declaration takes them, the end of a
//! declaration or statement, a `(` of a grouped declaration and the end of
//! the file report the known ones left over as `misplaced compiler
//! directive`. A directive that does not start its line is misplaced at
//! once. What a declaration took is judged after type checking (gc's
//! writer phase, [`ast::LateDirectives`]): a directive the declaration does
//! not allow is misplaced then, and `//go:linkname` names are resolved.

use super::{ErrClass, Parser, RawError};
use crate::ast::{self, Linkname};
use crate::Pos;

// gc's pragma flags (only which ones exist matters here).
const GO_BUILD: u32 = 1;
const NOESCAPE: u32 = 1 << 1;
const NORACE: u32 = 1 << 2;
const NOSPLIT: u32 = 1 << 3;
pub(super) const NOINLINE: u32 = 1 << 4;
const NOCHECKPTR: u32 = 1 << 5;
const SYSTEMSTACK: u32 = 1 << 6;
const NOWRITEBARRIER: u32 = 1 << 7;
const NOWRITEBARRIERREC: u32 = 1 << 8;
const YESWRITEBARRIERREC: u32 = 1 << 9;
const CGO_UNSAFE_ARGS: u32 = 1 << 10;
pub(super) const UINTPTR_KEEPALIVE: u32 = 1 << 11;
const UINTPTR_ESCAPES: u32 = 1 << 12;
const REGISTER_PARAMS: u32 = 1 << 13;

/// The directives a function declaration accepts: all but `//go:build`.
const FUNC_PRAGMAS: u32 = !GO_BUILD;
const RUNTIME_PRAGMAS: u32 = SYSTEMSTACK | NOWRITEBARRIER | NOWRITEBARRIERREC | YESWRITEBARRIERREC;

/// The directives without flags the standard library may use (gc's
/// allowedStdPragmas); any other unknown `//go:` directive is an error
/// there.
const ALLOWED_STD: &[&str] = &[
    "go:cgo_export_static",
    "go:cgo_export_dynamic",
    "go:cgo_import_static",
    "go:cgo_import_dynamic",
    "go:cgo_ldflag",
    "go:cgo_dynamic_linker",
    "go:embed",
    "go:fix",
    "go:generate",
];

/// gc's pragmaFlag: the flags of a directive verb (0 for unknown ones,
/// which are never misplaced).
fn pragma_flag(verb: &str) -> u32 {
    match verb {
        "go:build" => GO_BUILD,
        "go:noescape" => NOESCAPE,
        "go:norace" => NORACE,
        "go:nosplit" => NOSPLIT | NOCHECKPTR,
        "go:noinline" => NOINLINE,
        "go:nocheckptr" => NOCHECKPTR,
        "go:systemstack" => SYSTEMSTACK,
        "go:nowritebarrier" => NOWRITEBARRIER,
        "go:nowritebarrierrec" => NOWRITEBARRIERREC | NOWRITEBARRIER,
        "go:yeswritebarrierrec" => YESWRITEBARRIERREC,
        "go:cgo_unsafe_args" => CGO_UNSAFE_ARGS | NOCHECKPTR,
        "go:uintptrkeepalive" => UINTPTR_KEEPALIVE,
        "go:uintptrescapes" => UINTPTR_ESCAPES | UINTPTR_KEEPALIVE,
        "go:registerparams" => REGISTER_PARAMS,
        _ => 0,
    }
}

/// The directives pending since the last boundary.
#[derive(Default)]
pub(super) struct Pending {
    /// Directives not yet looked at (an index into the scanner's list).
    seen: usize,
    /// (position after `//`, flags) of each pending directive.
    flags: Vec<(Pos, u32)>,
    /// Pending `//go:embed` directives.
    embeds: Vec<Pos>,
    /// The first `//go:embed` a var spec being parsed took.
    pub(super) embed_for_spec: Option<Pos>,
}

/// What takes a pragma, with what it allows.
#[derive(Clone, Copy)]
pub(super) enum Taker {
    File,
    Func,
    /// A var spec: its position and whether it may be embedded into.
    Var,
    Other,
}

impl Parser<'_> {
    fn pragma_on(&self) -> bool {
        self.mode.contains(crate::Mode::PRAGMAS)
    }

    /// gc's `-std`: the package is part of the standard library.
    fn std_rules(&self) -> bool {
        self.mode.contains(crate::Mode::STD)
    }

    fn pragma_error(&mut self, pos: Pos, msg: String) {
        self.late.had_errors = true;
        self.errs.push(RawError {
            pos,
            msg,
            syntax: false,
            class: ErrClass::Both,
        });
    }

    /// Looks at the directives the scanner found since the last call
    /// (gc's pragma handler, called as each is scanned).
    pub(super) fn scan_pragmas(&mut self) {
        if !self.pragma_on() {
            return;
        }
        while self.pending.seen < self.sc.directives.len() {
            let d = &self.sc.directives[self.pending.seen];
            self.pending.seen += 1;
            let (start, text) = (d.pos, d.text.clone());
            // Only `//go:` line comments are gc directives here.
            if !text.starts_with("go:") || self.src.get(start.0 as usize + 1) != Some(&b'/') {
                continue;
            }
            self.pragma(start, &text);
        }
    }

    /// Whether only blanks precede `pos` on its line.
    fn blank_before(&self, pos: Pos) -> bool {
        let line = &self.src[..pos.0 as usize];
        let from = line.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        line[from..]
            .iter()
            .all(|&b| matches!(b, b' ' | b'\t' | b'\r'))
    }

    fn pragma(&mut self, start: Pos, text: &str) {
        let pos = Pos(start.0 + 2);
        if !self.blank_before(start) {
            self.pragma_error(pos, "misplaced compiler directive".into());
            return;
        }
        let fields: Vec<&str> = text.split_whitespace().collect();
        let verb = fields[0];
        if text.starts_with("go:wasmimport ") {
            if fields.len() != 3 {
                self.pragma_error(pos, "usage: //go:wasmimport importmodule importname".into());
            }
            return;
        }
        if text.starts_with("go:wasmexport ") {
            if fields.len() != 2 {
                self.pragma_error(pos, "usage: //go:wasmexport exportname".into());
            }
            return;
        }
        if text.starts_with("go:linkname ") || text.starts_with("go:linknamestd ") {
            if !(2..=3).contains(&fields.len()) {
                self.pragma_error(pos, format!("usage: //{verb} localname [linkname]"));
                return;
            }
            self.late.linknames.push(Linkname {
                pos,
                directive: verb.into(),
                local: fields[1].into(),
                remote: fields.get(2).copied().unwrap_or("").into(),
            });
            return;
        }
        if text == "go:embed" || text.starts_with("go:embed ") {
            let args = parse_go_embed(&text[8..]);
            if let Err(e) = &args {
                self.pragma_error(pos, e.clone());
            }
            if args.map_or(true, |a| a == 0) {
                self.pragma_error(pos, "usage: //go:embed pattern...".into());
                return;
            }
            self.pending.embeds.push(pos);
            return;
        }
        let verb = text.split(' ').next().unwrap_or(text);
        if text.starts_with("go:cgo_") {
            let fields = pragma_fields(text);
            let dynamic = text.starts_with("go:cgo_import_dynamic ") && fields.len() >= 4;
            if !dynamic && !self.std_rules() {
                // Never a cgo-generated file: rgo has no cgo.
                self.pragma_error(pos, format!("//{text} only allowed in cgo-generated code"));
            }
            if let Some(msg) = cgo_usage(&fields) {
                self.pragma_error(pos, msg);
            }
            if dynamic {
                return;
            }
        }
        let flag = pragma_flag(verb);
        if flag & RUNTIME_PRAGMAS != 0 {
            self.pragma_error(pos, format!("//{verb} only allowed in runtime"));
        }
        if flag == UINTPTR_KEEPALIVE && !self.std_rules() {
            self.pragma_error(
                pos,
                format!("//{verb} is only allowed in the standard library"),
            );
        }
        if flag == 0 && self.std_rules() && !ALLOWED_STD.contains(&verb) {
            self.pragma_error(
                pos,
                format!("//{verb} is not allowed in the standard library"),
            );
        }
        self.pending.flags.push((pos, flag));
    }

    /// gc's takePragma: a declaration takes the pending directives; those
    /// it does not allow are misplaced once the package type-checks.
    /// Returns the flags taken.
    pub(super) fn take_pragma(&mut self, taker: Taker) -> u32 {
        self.scan_pragmas();
        let allowed = match taker {
            Taker::File => GO_BUILD,
            Taker::Func => FUNC_PRAGMAS,
            Taker::Var | Taker::Other => 0,
        };
        let flags = std::mem::take(&mut self.pending.flags);
        let embeds = std::mem::take(&mut self.pending.embeds);
        let mut taken = 0;
        for (pos, f) in flags {
            taken |= f;
            if f & !allowed != 0 {
                self.late
                    .misplaced
                    .push((pos, "misplaced compiler directive".into()));
            }
        }
        if let Some(&first) = embeds.first() {
            match taker {
                Taker::Var => self.pending.embed_for_spec = Some(first),
                _ => {
                    for pos in embeds {
                        self.late
                            .misplaced
                            .push((pos, "misplaced go:embed directive".into()));
                    }
                }
            }
        }
        taken
    }

    /// gc's checks of a function's directives against the function (its
    /// writer phase, so judged after type checking): `pos` is the
    /// declaration's position.
    pub(super) fn func_pragma_checks(&mut self, flags: u32, pos: Pos, has_body: bool) {
        let mut err = |msg: &str| self.late.misplaced.push((pos, msg.into()));
        if flags & SYSTEMSTACK != 0 && flags & NOSPLIT != 0 {
            err("go:nosplit and go:systemstack cannot be combined");
        }
        if !has_body {
            return;
        }
        if flags & NOESCAPE != 0 {
            err("can only use //go:noescape with external func implementations");
        }
        // Stack growth cannot tell which uintptr arguments are pointers.
        if flags & UINTPTR_KEEPALIVE != 0 && flags & (UINTPTR_ESCAPES | NOSPLIT) == 0 {
            err("go:uintptrkeepalive requires go:nosplit");
        }
    }

    /// gc's clearPragma: pending directives at a statement or declaration
    /// boundary are misplaced.
    pub(super) fn clear_pragma(&mut self) {
        self.scan_pragmas();
        let flags = std::mem::take(&mut self.pending.flags);
        let embeds = std::mem::take(&mut self.pending.embeds);
        for (pos, f) in flags {
            if f != 0 {
                self.pragma_error(pos, "misplaced compiler directive".into());
            }
        }
        for pos in embeds {
            self.pragma_error(pos, "misplaced go:embed directive".into());
        }
    }

    /// After a var spec that took a `//go:embed`: what gc's checkEmbed
    /// needs to know about it.
    pub(super) fn note_embed_spec(&mut self, spec: &ast::ValueSpec) {
        if let Some(pos) = self.pending.embed_for_spec.take() {
            self.late.embeds.push(ast::EmbedSpec {
                pos,
                names: spec.names.len(),
                has_type: spec.typ.is_some(),
                has_values: !spec.values.is_empty(),
                in_func: self.fnest > 0,
            });
        }
    }
}

/// gc's pragmaFields: fields separated by blanks, a quoted string being
/// one field.
fn pragma_fields(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_quote = false;
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c == '"' {
            if in_quote {
                in_quote = false;
                if let Some(st) = start {
                    out.push(&s[st..=i]);
                }
                start = None;
            } else {
                in_quote = true;
                if let Some(st) = start {
                    out.push(&s[st..i]);
                }
                start = Some(i);
            }
        } else if !in_quote && matches!(c, ' ' | '\t' | '\n' | '\r') {
            if let Some(st) = start {
                out.push(&s[st..i]);
            }
            start = None;
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let (false, Some(st)) = (in_quote, start) {
        out.push(&s[st..]);
    }
    out
}

/// gc's usage errors of the `//go:cgo_*` directives.
fn cgo_usage(f: &[&str]) -> Option<String> {
    let quoted = |s: &str| s.len() >= 2 && s.starts_with('"') && s.ends_with('"');
    let verb = f.first()?.trim_start_matches("go:");
    let ok = match verb {
        "cgo_export_static" | "cgo_export_dynamic" => {
            (f.len() == 2 && !quoted(f[1])) || (f.len() == 3 && !quoted(f[1]) && !quoted(f[2]))
        }
        "cgo_import_dynamic" => {
            (f.len() == 2 && !quoted(f[1]))
                || (f.len() == 3 && !quoted(f[1]) && !quoted(f[2]))
                || (f.len() == 4 && !quoted(f[1]) && !quoted(f[2]) && quoted(f[3]))
        }
        "cgo_import_static" => f.len() == 2 && !quoted(f[1]),
        "cgo_dynamic_linker" | "cgo_ldflag" => f.len() == 2 && quoted(f[1]),
        _ => true,
    };
    if ok {
        return None;
    }
    Some(match verb {
        "cgo_export_static" | "cgo_export_dynamic" => format!("usage: //go:{verb} local [remote]"),
        "cgo_import_dynamic" => {
            r#"usage: //go:cgo_import_dynamic local [remote ["library"]]"#.to_string()
        }
        "cgo_import_static" => "usage: //go:cgo_import_static local".into(),
        "cgo_dynamic_linker" => r#"usage: //go:cgo_dynamic_linker "path""#.into(),
        _ => r#"usage: //go:cgo_ldflag "arg""#.into(),
    })
}

/// gc's parseGoEmbed: the number of patterns, or its error.
fn parse_go_embed(args: &str) -> Result<usize, String> {
    let bad = |s: &str| format!("invalid quoted string in //go:embed: {s}");
    let mut n = 0;
    let mut rest = args.trim();
    while !rest.is_empty() {
        let after = match rest.as_bytes()[0] {
            b'`' => match rest[1..].find('`') {
                Some(i) => &rest[i + 2..],
                None => return Err(bad(rest)),
            },
            b'"' => {
                let b = rest.as_bytes();
                let mut i = 1;
                let mut end = None;
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == b'"' {
                        end = Some(i);
                        break;
                    }
                    i += 1;
                }
                match end {
                    Some(i) => &rest[i + 1..],
                    None => return Err(bad(rest)),
                }
            }
            _ => {
                let i = rest.find(char::is_whitespace).unwrap_or(rest.len());
                &rest[i..]
            }
        };
        if after.chars().next().is_some_and(|c| !c.is_whitespace()) {
            return Err(bad(after));
        }
        n += 1;
        rest = after.trim();
    }
    Ok(n)
}
