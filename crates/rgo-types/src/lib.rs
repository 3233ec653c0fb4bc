//! rgo-types: go/types for rgo. It decides whether a program is valid Go
//! and records, for every expression, its type and (for constants) its
//! exact value, for the compiler to use.
//!
//! Map: [`types`] holds the program-wide arenas (types, objects, scopes,
//! packages) in a [`types::World`]; [`universe`] the predeclared names;
//! [`typestring`] prints types as types2 does; [`predicates`] identity and
//! kind tests; [`lookup`] field/method lookup, method sets and interface
//! satisfaction; [`sizes`] linux/amd64 layout; [`check`] the checker
//! proper with its per-package [`check::Info`]; [`constant`] exact values;
//! [`debug`] the `line:col expr type` dump.
//!
//! Architecture invariant: no I/O here; imports go through
//! [`check::Importer`], and the checker never panics on any input.

pub mod check;
pub mod constant;
pub mod debug;
pub mod exprstring;
pub mod lookup;
pub mod predicates;
pub mod sizes;
pub mod subst;
pub mod types;
pub mod typestring;
pub mod universe;

pub use check::{
    check_package, check_package_with, with_checker_stack, Config, Importer, Info, Mode,
    TypeAndValue, TypeError,
};
pub use types::{ObjId, PackageId, ScopeId, TypeId, World};
