//! Fatal runtime errors (Go's `throw`, runtime/panic.go). A throw is an
//! internal invariant failure of the runtime, never a Go-level panic:
//! it prints `fatal error: <msg>` to stderr and exits with status 2, as
//! Go does, and cannot be recovered.

use std::io::Write;

/// Reports an unrecoverable runtime failure and exits with status 2.
#[cold]
#[inline(never)]
pub fn throw(msg: &str) -> ! {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "fatal error: {msg}");
    let _ = err.flush();
    std::process::exit(2)
}
