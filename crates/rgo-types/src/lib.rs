//! rgo-types: go/types for rgo. Exact constant values live in [`constant`].

pub mod constant;
