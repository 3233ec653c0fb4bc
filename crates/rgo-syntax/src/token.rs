//! Go's tokens: one `Copy` enum, literal text is sliced from the source by span.
//!
//! The set and spelling follow go/token; the way a semicolon came to be
//! (written, inserted at a newline, inserted at EOF) is kept because gc's
//! error messages name it: `unexpected newline`, `unexpected EOF`.

use crate::pos::Pos;
use std::fmt;

/// How a `;` token arose. gc words errors after it: a written `;` is
/// "semicolon", an inserted one "newline" or "EOF".
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum SemiKind {
    Written,
    Newline,
    Eof,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Char,
    String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Token {
    Eof,
    /// A comment; produced only when the scanner is asked for comments.
    Comment,

    Ident,
    Lit(LitKind),

    // Operators, in go/token's order.
    Add,    // +
    Sub,    // -
    Mul,    // *
    Quo,    // /
    Rem,    // %
    And,    // &
    Or,     // |
    Xor,    // ^
    Shl,    // <<
    Shr,    // >>
    AndNot, // &^

    AddAssign,    // +=
    SubAssign,    // -=
    MulAssign,    // *=
    QuoAssign,    // /=
    RemAssign,    // %=
    AndAssign,    // &=
    OrAssign,     // |=
    XorAssign,    // ^=
    ShlAssign,    // <<=
    ShrAssign,    // >>=
    AndNotAssign, // &^=

    LAnd,  // &&
    LOr,   // ||
    Arrow, // <-
    Inc,   // ++
    Dec,   // --

    Eql,    // ==
    Lss,    // <
    Gtr,    // >
    Assign, // =
    Not,    // !

    Neq,      // !=
    Leq,      // <=
    Geq,      // >=
    Define,   // :=
    Ellipsis, // ...

    LParen, // (
    LBrack, // [
    LBrace, // {
    Comma,  // ,
    Period, // .

    RParen,         // )
    RBrack,         // ]
    RBrace,         // }
    Semi(SemiKind), // ; (written or inserted)
    Colon,          // :
    Tilde,          // ~

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Token {
    /// The token's spelling as Go writes it (`+=`, `func`); for tokens
    /// without a fixed spelling, the word gc uses in messages.
    pub fn as_str(self) -> &'static str {
        use Token::*;
        match self {
            Eof => "EOF",
            Comment => "comment",
            Ident => "name",
            Lit(_) => "literal",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            AddAssign => "+=",
            SubAssign => "-=",
            MulAssign => "*=",
            QuoAssign => "/=",
            RemAssign => "%=",
            AndAssign => "&=",
            OrAssign => "|=",
            XorAssign => "^=",
            ShlAssign => "<<=",
            ShrAssign => ">>=",
            AndNotAssign => "&^=",
            LAnd => "&&",
            LOr => "||",
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            Eql => "==",
            Lss => "<",
            Gtr => ">",
            Assign => "=",
            Not => "!",
            Neq => "!=",
            Leq => "<=",
            Geq => ">=",
            Define => ":=",
            Ellipsis => "...",
            LParen => "(",
            LBrack => "[",
            LBrace => "{",
            Comma => ",",
            Period => ".",
            RParen => ")",
            RBrack => "]",
            RBrace => "}",
            Semi(SemiKind::Written) => ";",
            Semi(SemiKind::Newline) => "newline",
            Semi(SemiKind::Eof) => "EOF",
            Colon => ":",
            Tilde => "~",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// The keyword spelled `word`, if it is one.
    pub fn keyword(word: &[u8]) -> Option<Token> {
        use Token::*;
        // Keywords are 2..=11 bytes; reject most identifiers by length first.
        if word.len() < 2 || word.len() > 11 {
            return None;
        }
        Some(match word {
            b"break" => Break,
            b"case" => Case,
            b"chan" => Chan,
            b"const" => Const,
            b"continue" => Continue,
            b"default" => Default,
            b"defer" => Defer,
            b"else" => Else,
            b"fallthrough" => Fallthrough,
            b"for" => For,
            b"func" => Func,
            b"go" => Go,
            b"goto" => Goto,
            b"if" => If,
            b"import" => Import,
            b"interface" => Interface,
            b"map" => Map,
            b"package" => Package,
            b"range" => Range,
            b"return" => Return,
            b"select" => Select,
            b"struct" => Struct,
            b"switch" => Switch,
            b"type" => Type,
            b"var" => Var,
            _ => return None,
        })
    }

    pub fn is_keyword(self) -> bool {
        use Token::*;
        matches!(
            self,
            Break
                | Case
                | Chan
                | Const
                | Continue
                | Default
                | Defer
                | Else
                | Fallthrough
                | For
                | Func
                | Go
                | Goto
                | If
                | Import
                | Interface
                | Map
                | Package
                | Range
                | Return
                | Select
                | Struct
                | Switch
                | Type
                | Var
        )
    }

    /// Binary operator precedence as in the spec (5 `*`, 4 `+`, 3 comparison,
    /// 2 `&&`, 1 `||`); 0 for tokens that are not binary operators.
    pub fn precedence(self) -> u8 {
        use Token::*;
        match self {
            LOr => 1,
            LAnd => 2,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Quo | Rem | Shl | Shr | And | AndNot => 5,
            _ => 0,
        }
    }

    /// For `op=` tokens, the binary operator `op`.
    pub fn assign_op(self) -> Option<Token> {
        use Token::*;
        Some(match self {
            AddAssign => Add,
            SubAssign => Sub,
            MulAssign => Mul,
            QuoAssign => Quo,
            RemAssign => Rem,
            AndAssign => And,
            OrAssign => Or,
            XorAssign => Xor,
            ShlAssign => Shl,
            ShrAssign => Shr,
            AndNotAssign => AndNot,
            _ => return None,
        })
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One scanned token: its kind and byte range. For an inserted semicolon
/// `pos == end` and `pos` is where the newline (or EOF) is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Tok {
    pub kind: Token,
    pub pos: Pos,
    pub end: Pos,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_round_trip() {
        for w in ["break", "fallthrough", "var", "interface", "go"] {
            let t = Token::keyword(w.as_bytes()).unwrap();
            assert_eq!(t.as_str(), w);
            assert!(t.is_keyword());
        }
        assert_eq!(Token::keyword(b"goto1"), None);
        assert!(!Token::Ident.is_keyword());
        assert!(!Token::Semi(SemiKind::Eof).is_keyword());
    }
}
