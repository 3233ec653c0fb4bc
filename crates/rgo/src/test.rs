//! `rgo test`: to mirror `go test`. Not written yet: it says so and exits 2.

pub fn main(_args: &[String]) -> i32 {
    crate::base::not_implemented("test")
}
