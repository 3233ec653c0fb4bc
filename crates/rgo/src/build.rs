//! `rgo build [packages]`: for now, the checks of `go build`'s front end
//! only: it loads, parses and type-checks the packages exactly as
//! `rgo vet` does and reports errors in `go build`'s form. No binary is
//! produced yet (rgo has no code generator behind its checker).

pub fn main(args: &[String]) -> i32 {
    crate::vet::check_command("build", args)
}
