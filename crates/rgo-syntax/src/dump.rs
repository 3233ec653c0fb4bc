//! A compact, stable text form of a syntax tree, for golden tests.
//! (Stub: filled in with the parser.)

use crate::ast::File;

pub fn dump_file(file: &File) -> String {
    format!("package {}\n", file.name.name)
}
