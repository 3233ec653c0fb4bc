//! Pure computational cores of rgo's std natives that must match Go bit
//! for bit: float formatting/parsing (`strconv`), the `math` package's
//! algorithms (`math`) and time layouts (`timefmt`).
//!
//! Architecture invariant: plain safe Rust over plain values, no VM types;
//! the VM's native glue (crates/rgo-runtime/src/natives.rs) converts
//! arguments and results. No function here panics on any input.

pub mod digest;
pub mod math;
pub mod regexp;
pub mod strconv;
pub mod timefmt;
pub mod tzif;
