//! `rgo version`: prints `rgo version VERSION GOOS/GOARCH`, the shape of
//! `go version`'s line.

pub fn main(args: &[String]) -> i32 {
    if !args.is_empty() {
        // `go version FILE` reports the Go version a binary was built with;
        // rgo builds no binaries, so there is nothing to report.
        eprintln!("usage: rgo version");
        return 2;
    }
    let version = env!("CARGO_PKG_VERSION");
    crate::base::print_stdout(&format!("rgo version {version} {}/{}\n", goos(), goarch()));
    0
}

/// Go's name of the operating system rgo runs on.
fn goos() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        other => other,
    }
}

/// Go's name of the architecture rgo runs on.
fn goarch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "x86" => "386",
        "aarch64" => "arm64",
        "powerpc64" => "ppc64",
        other => other,
    }
}
