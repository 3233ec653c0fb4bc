//! The scanner: bytes to tokens, with Go's automatic semicolon insertion.
//! (Stub: the real scanner replaces the body; the interface is fixed.)

use crate::pos::Pos;
use crate::token::{Tok, Token};
use crate::{Mode, SyntaxError};

pub struct Scanner<'a> {
    src: &'a [u8],
    #[allow(dead_code)]
    mode: Mode,
    /// Errors found so far, in the order found.
    pub errors: Vec<SyntaxError>,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a [u8], mode: Mode) -> Scanner<'a> {
        Scanner { src, mode, errors: Vec::new() }
    }

    /// The next token. After the end it returns `Eof` forever.
    pub fn next(&mut self) -> Tok {
        let end = Pos(self.src.len() as u32);
        Tok { kind: Token::Eof, pos: end, end }
    }

    /// The source text of `tok`.
    pub fn text(&self, tok: Tok) -> &'a [u8] {
        &self.src[tok.pos.offset()..tok.end.offset()]
    }
}
