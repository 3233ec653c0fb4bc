//! The `rgo` command: `rgo run`, `rgo test`, `rgo vet`, `rgo tool ...`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    eprintln!("rgo: not yet: {:?}", &args[1..]);
    std::process::exit(2);
}
