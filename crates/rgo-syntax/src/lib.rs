//! rgo-syntax: Go source to syntax tree. Mirrors go/scanner, go/parser and
//! gc's `cmd/compile/internal/syntax` (whose error wording it follows).
//!
//! Entry point: [`parse_file`]. It never fails and never panics: it returns
//! the tree it could build plus every syntax error, each with a byte
//! position that [`pos::SourceFile`] turns into `file:line:col`.
//!
//! Architecture invariant: this crate knows nothing of types, the VM or the
//! file system; it reads bytes given to it and does no I/O.

pub mod ast;
pub mod dump;
pub mod parser;
pub mod pos;
pub mod scanner;
pub mod token;

pub use pos::{LineCol, Pos, RelPos, SourceFile, Span};

/// One diagnostic, worded as gc words it (`syntax error: unexpected newline,
/// expected comma or )`, `invalid character U+0040 '@'`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub msg: String,
}

/// What the parser keeps besides the tree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode(u8);

impl Mode {
    pub const NONE: Mode = Mode(0);
    /// Keep every comment in [`ast::File::comments`].
    pub const COMMENTS: Mode = Mode(1);
    /// Accept and reject what go/parser does (`rgo tool parse`, like gofmt),
    /// rather than what gc's parser does (`rgo build/run/vet`). The two
    /// differ on a few constructs that one parser rejects and the other
    /// leaves to its type checker; messages are gc's words either way.
    pub const GO_PARSER: Mode = Mode(2);
    /// Report every error (gc's `-e`): no stop at the 10th.
    pub const ALL_ERRORS: Mode = Mode(4);
    /// Check compiler directives (`//go:noinline`, `//go:linkname`, ...)
    /// as gc does for a package outside the standard library: misplaced
    /// and malformed ones are errors (see `parser/pragma.rs`).
    pub const PRAGMAS: Mode = Mode(8);
    /// With [`Mode::PRAGMAS`]: the standard library's rules instead (gc's
    /// `-std`): directives gc does not know are errors, while
    /// `//go:uintptrkeepalive` and the `//go:cgo_*` ones are allowed.
    pub const STD: Mode = Mode(16);

    pub fn contains(self, other: Mode) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Mode {
    type Output = Mode;
    fn bitor(self, rhs: Mode) -> Mode {
        Mode(self.0 | rhs.0)
    }
}

/// Parses one Go source file. Errors come sorted by position, at most one
/// per line as gc reports them.
pub fn parse_file(src: &[u8], mode: Mode) -> (ast::File, Vec<SyntaxError>) {
    parser::Parser::new(src, mode).parse_file()
}
