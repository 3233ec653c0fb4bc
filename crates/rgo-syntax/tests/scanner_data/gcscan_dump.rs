//! The gcscan dump of a Go source, shared by `tests/scanner.rs` and
//! `examples/scan.rs --dump` (one format, so the two stay diffable with
//! the oracle).

use rgo_syntax::scanner::Scanner;
use rgo_syntax::token::{SemiKind, Token};
use rgo_syntax::{Mode, SourceFile};

/// Appends the gcscan dump of `src`: `FILE name`, one `line:col KIND text`
/// line per token (text quoted as Go's `%+q`), `E line:col: msg` errors.
pub fn dump(name: &str, src: &[u8], out: &mut String) {
    let file = SourceFile::new(name, src);
    *out += &format!("FILE {name}\n");
    let mut s = Scanner::new(src, Mode::NONE);
    let mut printed = 0;
    for _ in 0..src.len() + 3 {
        let tok = s.next();
        // Errors found while scanning `tok` come before it, as in gcscan.
        for e in &s.errors[printed..] {
            let lc = file.line_col(e.pos);
            *out += &format!("E {}:{}: {}\n", lc.line, lc.col, e.msg);
        }
        printed = s.errors.len();
        let lc = file.line_col(tok.pos);
        let text = quote_ascii(s.text(tok));
        let t = match tok.kind {
            Token::Eof => "EOF".to_string(),
            Token::Ident => format!("I {text}"),
            Token::Lit(k) => {
                let k = ["Int", "Float", "Imag", "Rune", "String"][k as usize];
                format!("L{k} {text}")
            }
            Token::Semi(SemiKind::Written) => "S semicolon".to_string(),
            Token::Semi(k) => format!("S {}", Token::Semi(k)),
            k if k.is_keyword() => format!("K {k}"),
            k => format!("O {k}"),
        };
        *out += &format!("{}:{} {t}\n", lc.line, lc.col);
        if tok.kind == Token::Eof {
            return;
        }
    }
    panic!("no Eof in {name}");
}

/// Go's `%+q` of a byte string: ASCII only, invalid bytes as `\xNN`.
fn quote_ascii(b: &[u8]) -> String {
    let mut out = String::from("\"");
    for chunk in b.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                ' '..='~' => out.push(c),
                '\x07' => out += "\\a",
                '\x08' => out += "\\b",
                '\x0C' => out += "\\f",
                '\n' => out += "\\n",
                '\r' => out += "\\r",
                '\t' => out += "\\t",
                '\x0B' => out += "\\v",
                c if (c as u32) < 0x20 || c == '\x7F' => out += &format!("\\x{:02x}", c as u32),
                c if (c as u32) < 0x10000 => out += &format!("\\u{:04x}", c as u32),
                c => out += &format!("\\U{:08x}", c as u32),
            }
        }
        for &x in chunk.invalid() {
            out += &format!("\\x{x:02x}");
        }
    }
    out.push('"');
    out
}
