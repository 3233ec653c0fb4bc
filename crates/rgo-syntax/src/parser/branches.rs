//! Label and branch checks of function bodies, as gc's syntax package does
//! them while parsing (cmd/compile/internal/syntax/branches.go, run because
//! the compiler asks for CheckBranches; go/types' own label checks are then
//! switched off). Its errors are not syntax errors: gc goes on to type check.
//!
//! Reported, with gc's wording: misplaced `break`, `continue` and
//! `fallthrough`; bad labeled `break`/`continue`; undefined, duplicate and
//! unused labels; `goto` jumping into a block or over a variable
//! declaration. Each function body (declaration or literal) is its own label
//! scope. The parser runs the check when it finishes a body without errors,
//! as gc does (see [`super::parse_file_checked`]).

use crate::ast::*;
use crate::dump::expr_string;
use crate::pos::{Pos, SourceFile};
use crate::token::Token;
use crate::SyntaxError;
use std::collections::HashMap;

/// Label and branch errors of one function body, in gc's order (unused
/// labels by position; gc walks a map there, so its order is random). Nested
/// function literals are not entered: each is checked on its own when the
/// parser finishes it. `src` names the file: some messages quote positions
/// as `name:line:col`.
pub(crate) fn check_body(body: &Block, src: &SourceFile) -> Vec<SyntaxError> {
    let mut out = Vec::new();
    let mut scope = Scope {
        src,
        out: &mut out,
        labels: HashMap::new(),
        blocks: Vec::new(),
    };
    scope.function(body);
    out
}

/// A label declaration.
struct Label {
    /// Block declaring it (index into `Scope::blocks`).
    block: usize,
    /// Position of the label name: identifies the labeled statement.
    pos: Pos,
    /// The statement it labels.
    kind: Labeled,
    used: bool,
}

/// What a label labels, as far as break and continue care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Labeled {
    Loop,
    SwitchOrSelect,
    Other,
}

struct BlockInfo {
    parent: Option<usize>,
    start: Pos,
    /// Position of the label of the labeled statement this block belongs to.
    label: Option<Pos>,
}

/// The statements `break` and `continue` may refer to.
#[derive(Clone, Copy)]
struct Targets {
    breaks: Option<Breakable>,
    continues: bool,
    /// Index of the case in the immediately enclosing switch, if directly in one.
    case_index: Option<usize>,
}

#[derive(Clone, Copy)]
enum Breakable {
    Loop,
    Select,
    Switch { type_switch: bool, cases: usize },
}

/// A `goto` not yet matched with a label.
#[derive(Clone)]
struct Goto {
    name: Name,
    pos: Pos,
}

struct Scope<'a> {
    src: &'a SourceFile,
    out: &'a mut Vec<SyntaxError>,
    labels: HashMap<Name, Label>,
    blocks: Vec<BlockInfo>,
}

impl Scope<'_> {
    fn err(&mut self, pos: Pos, msg: String) {
        self.out.push(SyntaxError { pos, msg });
    }

    fn function(&mut self, body: &Block) {
        let none = Targets {
            breaks: None,
            continues: false,
            case_index: None,
        };
        let fwd = self.block(None, none, None, body.lbrace, &body.stmts);
        // Forward gotos left over found no label: undefined, or in a block.
        for g in fwd {
            match self.labels.get_mut(&g.name) {
                Some(l) => {
                    l.used = true;
                    let start = self.blocks[l.block].start;
                    let at = self.src.message_position(start);
                    self.err(
                        g.pos,
                        format!("goto {} jumps into block starting at {at}", g.name),
                    );
                }
                None => self.err(g.pos, format!("label {} not defined", g.name)),
            }
        }
        let mut unused: Vec<(Pos, Name)> = self
            .labels
            .iter()
            .filter(|(_, l)| !l.used)
            .map(|(n, l)| (l.pos, n.clone()))
            .collect();
        unused.sort_by_key(|(p, _)| *p);
        for (pos, name) in unused {
            self.err(pos, format!("label {name} defined and not used"));
        }
    }

    /// The innermost enclosing statement labeled `name`: `Ok(Some(kind))`,
    /// `Ok(None)` if the label exists but labels no enclosing statement,
    /// `Err(())` if there is no such label.
    fn enclosing(&mut self, b: usize, name: &Name) -> Result<Option<Labeled>, ()> {
        let Some(l) = self.labels.get_mut(name) else {
            return Err(());
        };
        l.used = true;
        let (pos, kind) = (l.pos, l.kind);
        let mut cur = Some(b);
        while let Some(i) = cur {
            if self.blocks[i].label == Some(pos) {
                return Ok(Some(kind));
            }
            cur = self.blocks[i].parent;
        }
        Ok(None)
    }

    /// Whether label `name` is declared in block `b` or one enclosing it.
    fn goto_target(&mut self, b: usize, name: &Name) -> bool {
        let Some(l) = self.labels.get_mut(name) else {
            return false;
        };
        l.used = true;
        let target = l.block;
        let mut cur = Some(b);
        while let Some(i) = cur {
            if i == target {
                return true;
            }
            cur = self.blocks[i].parent;
        }
        false
    }

    /// Checks one block's statements; returns its unresolved forward gotos.
    fn block(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        label: Option<Pos>,
        start: Pos,
        body: &[Stmt],
    ) -> Vec<Goto> {
        let b = self.blocks.len();
        self.blocks.push(BlockInfo {
            parent,
            start,
            label,
        });
        let mut fwd: Vec<Goto> = Vec::new();
        // the last variable declaration, and the gotos that jump over it
        let mut var_decl: Option<(Pos, String)> = None;
        let mut bad: Vec<Pos> = Vec::new();

        // a fallthrough is the last statement even if empty ones follow
        let n = body
            .iter()
            .rposition(|s| !matches!(s.kind, StmtKind::Empty))
            .map_or(0, |i| i + 1);
        let list = &body[..n];
        for (index, stmt) in list.iter().enumerate() {
            let mut lstmt = None;
            let mut s = stmt;
            while let StmtKind::Labeled(l, inner) = &s.kind {
                if l.name != "_" {
                    self.declare(b, l, inner);
                    // resolve matching forward gotos
                    let mut keep = Vec::with_capacity(fwd.len());
                    for g in fwd.drain(..) {
                        if g.name != l.name {
                            keep.push(g);
                            continue;
                        }
                        if let Some(l) = self.labels.get_mut(&g.name) {
                            l.used = true;
                        }
                        if let Some((vpos, vname)) = &var_decl {
                            if bad.contains(&g.pos) {
                                let at = self.src.message_position(*vpos);
                                self.err(
                                    g.pos,
                                    format!(
                                        "goto {} jumps over declaration of {vname} at {at}",
                                        g.name
                                    ),
                                );
                            }
                        }
                    }
                    fwd = keep;
                    lstmt = Some(l.pos);
                }
                s = inner;
            }
            match &s.kind {
                StmtKind::Decl(d) if d.kind == DeclKind::Var => {
                    if let Some(Spec::Value(v)) = d.specs.first() {
                        let name = v
                            .names
                            .first()
                            .map_or(String::new(), |n| n.name.to_string());
                        let pos = v.names.first().map_or(d.pos, |n| n.pos);
                        var_decl = Some((pos, name));
                        bad = fwd.iter().map(|g| g.pos).collect();
                    }
                }
                StmtKind::Assign(a) if a.op == Token::Define => {
                    let names = a.lhs.iter().map(expr_string).collect::<Vec<_>>().join(", ");
                    var_decl = Some((s.pos, names));
                    bad = fwd.iter().map(|g| g.pos).collect();
                }
                StmtKind::Branch(tok, None) => {
                    self.unlabeled_branch(*tok, s.pos, ctxt, index + 1 < list.len())
                }
                StmtKind::Branch(tok, Some(l)) => {
                    if let Some(g) = self.labeled_branch(b, *tok, l) {
                        fwd.push(g);
                    }
                }
                StmtKind::Block(blk) => {
                    let inner = Targets {
                        case_index: None,
                        ..ctxt
                    };
                    fwd.extend(self.block(Some(b), inner, lstmt, blk.lbrace, &blk.stmts));
                }
                StmtKind::If(i) => {
                    let inner = Targets {
                        case_index: None,
                        ..ctxt
                    };
                    fwd.extend(self.block(Some(b), inner, lstmt, i.then.lbrace, &i.then.stmts));
                    if let Some(e) = &i.els {
                        fwd.extend(self.block(
                            Some(b),
                            inner,
                            lstmt,
                            e.pos,
                            std::slice::from_ref(e),
                        ));
                    }
                }
                StmtKind::For(f) => {
                    let inner = Targets {
                        breaks: Some(Breakable::Loop),
                        continues: true,
                        case_index: None,
                    };
                    fwd.extend(self.block(Some(b), inner, lstmt, f.body.lbrace, &f.body.stmts));
                }
                StmtKind::Range(r) => {
                    let inner = Targets {
                        breaks: Some(Breakable::Loop),
                        continues: true,
                        case_index: None,
                    };
                    fwd.extend(self.block(Some(b), inner, lstmt, r.body.lbrace, &r.body.stmts));
                }
                StmtKind::Switch(sw) => {
                    let kind = Breakable::Switch {
                        type_switch: false,
                        cases: sw.body.len(),
                    };
                    fwd.extend(self.cases(b, ctxt, kind, lstmt, &sw.body));
                }
                StmtKind::TypeSwitch(sw) => {
                    let kind = Breakable::Switch {
                        type_switch: true,
                        cases: sw.body.len(),
                    };
                    fwd.extend(self.cases(b, ctxt, kind, lstmt, &sw.body));
                }
                StmtKind::Select(sel) => {
                    let inner = Targets {
                        breaks: Some(Breakable::Select),
                        continues: ctxt.continues,
                        case_index: None,
                    };
                    for c in &sel.body {
                        fwd.extend(self.block(Some(b), inner, lstmt, c.pos, &c.body));
                    }
                }
                _ => {}
            }
        }
        fwd
    }

    fn cases(
        &mut self,
        b: usize,
        ctxt: Targets,
        kind: Breakable,
        lstmt: Option<Pos>,
        body: &[CaseClause],
    ) -> Vec<Goto> {
        let mut fwd = Vec::new();
        for (i, c) in body.iter().enumerate() {
            let inner = Targets {
                breaks: Some(kind),
                continues: ctxt.continues,
                case_index: Some(i),
            };
            fwd.extend(self.block(Some(b), inner, lstmt, c.pos, &c.body));
        }
        fwd
    }

    fn declare(&mut self, b: usize, l: &Ident, inner: &Stmt) {
        if let Some(alt) = self.labels.get(&l.name) {
            let at = self.src.message_position(alt.pos);
            self.err(l.pos, format!("label {} already defined at {at}", l.name));
            return;
        }
        let kind = match inner.kind {
            StmtKind::For(_) | StmtKind::Range(_) => Labeled::Loop,
            StmtKind::Switch(_) | StmtKind::TypeSwitch(_) | StmtKind::Select(_) => {
                Labeled::SwitchOrSelect
            }
            _ => Labeled::Other,
        };
        self.labels.insert(
            l.name.clone(),
            Label {
                block: b,
                pos: l.pos,
                kind,
                used: false,
            },
        );
    }

    fn unlabeled_branch(&mut self, tok: Token, pos: Pos, ctxt: Targets, not_last: bool) {
        match tok {
            Token::Break if ctxt.breaks.is_none() => {
                self.err(pos, "break is not in a loop, switch, or select".into());
            }
            Token::Continue if !ctxt.continues => self.err(pos, "continue is not in a loop".into()),
            Token::Fallthrough => {
                let mut msg = "fallthrough statement out of place";
                if let Some(Breakable::Switch { type_switch, cases }) = ctxt.breaks {
                    if type_switch {
                        msg = "cannot fallthrough in type switch";
                    } else if let (Some(i), false) = (ctxt.case_index, not_last) {
                        if i + 1 == cases {
                            msg = "cannot fallthrough final case in switch";
                        } else {
                            return; // fallthrough ok
                        }
                    }
                }
                self.err(pos, msg.into());
            }
            _ => {}
        }
    }

    /// Checks `break L`, `continue L`; a `goto L` whose label is not (yet)
    /// visible comes back as a forward goto.
    fn labeled_branch(&mut self, b: usize, tok: Token, l: &Ident) -> Option<Goto> {
        let name = &l.name;
        match tok {
            Token::Break => match self.enclosing(b, name) {
                Ok(Some(Labeled::Loop | Labeled::SwitchOrSelect)) => {}
                Ok(_) => self.err(l.pos, format!("invalid break label {name}")),
                Err(()) => self.err(l.pos, format!("break label not defined: {name}")),
            },
            Token::Continue => match self.enclosing(b, name) {
                Ok(Some(Labeled::Loop)) => {}
                Ok(_) => self.err(l.pos, format!("invalid continue label {name}")),
                Err(()) => self.err(l.pos, format!("continue label not defined: {name}")),
            },
            Token::Goto if !self.goto_target(b, name) => {
                return Some(Goto {
                    name: name.clone(),
                    pos: l.pos,
                });
            }
            _ => {}
        }
        None
    }
}
