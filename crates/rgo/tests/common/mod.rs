//! Helpers of the command tests: run the built `rgo` binary and capture
//! what it printed.

use std::path::Path;
use std::process::Command;

/// What one run of `rgo` produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `rgo ARGS...` in `dir` (the crate directory when `None`).
pub fn rgo_in(dir: Option<&Path>, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rgo"));
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.output().expect("running rgo");
    Run {
        code: out.status.code().expect("rgo killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `rgo ARGS...` in the crate directory.
#[allow(dead_code)] // not every test binary uses it
pub fn rgo(args: &[&str]) -> Run {
    rgo_in(None, args)
}
