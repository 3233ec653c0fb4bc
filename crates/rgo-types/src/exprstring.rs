//! Expressions as the checker's messages quote them. types2 prints them
//! with gc's `syntax.String` (short form: composite literal elements and
//! function bodies as `{…}`, struct tags kept), which rgo-syntax already
//! implements as [`rgo_syntax::dump::expr_string`]; go/types' own printer
//! (what `go vet` shows) differs, e.g. it drops struct tags.

use rgo_syntax::token::Token;

pub use rgo_syntax::dump::expr_string;

/// Is `op` a comparison operator.
pub fn is_comparison(op: Token) -> bool {
    matches!(
        op,
        Token::Eql | Token::Neq | Token::Lss | Token::Leq | Token::Gtr | Token::Geq
    )
}
