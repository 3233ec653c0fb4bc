//! os, syscall, time and runtime basics: process arguments, environment,
//! exit, writes to file descriptors, the wall clock.
//!
//! `runtime.GC` is rgo-runtime's (mgc.rs: a cycle that runs sync.Pool's
//! cleanup and is counted, but frees nothing until the collector lands).
//! Sleeping,
//! timers, the monotonic clock and the scheduler's runtime API are
//! rgo-runtime's (time.rs, proc.rs), whose natives the compiler binds
//! first.

use std::io::Write;
use std::sync::OnceLock;

use super::{bytes, errno, fail, nothing, put_string, put_strings, set, slot, sys_kill, R};
use rgo_runtime::interp::{GState, NativeFn, PanicValue};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("os.sysWrite", sys_write, 6),
    ("os.runtimeArgs", runtime_args, 3),
    ("os.sysGetenv", sys_getenv, 5),
    ("syscall.Exit", exit, 1),
    ("syscall.Getenv", sys_getenv, 5),
    ("syscall.Getpid", getpid, 1),
    ("syscall.Getpagesize", getpagesize, 1),
    ("syscall.sysKill", sys_kill, 3),
    ("syscall.sysMmap", sys_mmap, 7),
    ("syscall.sysMunmap", sys_munmap, 3),
    ("syscall.sysMprotect", sys_mprotect, 4),
    ("time.now", now, 3),
    ("runtime.KeepAlive", nothing, 2),
    ("runtime.Breakpoint", breakpoint, 1),
    ("runtime.Version", version, 2),
    ("runtime.GOROOT", goroot, 2),
];

/// `Breakpoint()`: Go traps; rgo reports it as a fatal runtime error.
///
/// # Safety
/// Touches nothing.
unsafe fn breakpoint(_: &mut GState, _: *mut u64) -> R {
    Err(fail("rgo: runtime.Breakpoint"))
}

/// # Safety
/// The window has 2 slots.
unsafe fn version(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { put_string(w, 0, b"go1.27.3") };
    Ok(())
}

/// # Safety
/// The window has 2 slots.
unsafe fn goroot(_: &mut GState, w: *mut u64) -> R {
    let r = std::env::var("GOROOT").unwrap_or_default();
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { put_string(w, 0, r.as_bytes()) };
    Ok(())
}

static ARGS: OnceLock<Vec<String>> = OnceLock::new();

/// Sets `os.Args` (the program name first); call before running.
pub fn set_args(args: Vec<String>) {
    let _ = ARGS.set(args);
}

/// `sysWrite(fd int, b []byte) (n int, errno int)`: window
/// `[n][errno][fd][b 3]`. Writes to stdout and stderr flush the VM's
/// print buffer first so output interleaves as in Go.
///
/// # Safety
/// The window has 6 slots.
unsafe fn sys_write(gs: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let fd = slot(w, 2) as i64;
        let b = bytes(w, 3);
        flush_print(gs);
        let res = match fd {
            1 => std::io::stdout()
                .write_all(b)
                .and_then(|_| std::io::stdout().flush()),
            2 => std::io::stderr().write_all(b),
            _ => {
                // A pipe or socket may block (a child not reading its
                // stdin): give the P to other goroutines meanwhile.
                rgo_runtime::proc::entersyscall();
                let r = write_fd(fd, b);
                rgo_runtime::proc::exitsyscall();
                r
            }
        };
        match res {
            Ok(()) => {
                set(w, 0, b.len() as u64);
                set(w, 1, 0);
            }
            Err(e) => {
                set(w, 0, 0);
                set(w, 1, e.raw_os_error().unwrap_or(5) as u64);
            }
        }
    }
    Ok(())
}

/// Writes all of `b` to file descriptor `fd`.
fn write_fd(fd: i64, mut b: &[u8]) -> std::io::Result<()> {
    while !b.is_empty() {
        // SAFETY: `b` is a readable buffer of `b.len()` bytes.
        let r = unsafe {
            libc::write(
                fd as libc::c_int,
                b.as_ptr() as *const libc::c_void,
                b.len(),
            )
        };
        if r < 0 {
            return Err(std::io::Error::last_os_error());
        }
        b = &b[r as usize..];
    }
    Ok(())
}

/// Writes out what `print`/`println` buffered (they go to stderr).
fn flush_print(gs: &mut GState) {
    if !gs.out.is_empty() {
        let _ = std::io::stderr().write_all(&gs.out);
        gs.out.clear();
    }
}

/// `runtimeArgs() []string`: window `[res 3]`.
///
/// # Safety
/// The window has 3 slots.
unsafe fn runtime_args(_: &mut GState, w: *mut u64) -> R {
    let args: &[String] = ARGS.get().map_or(&[], |a| a);
    // SAFETY: the window has 3 slots (caller).
    unsafe { put_strings(w, 0, args) };
    Ok(())
}

/// `sysGetenv(key string) (value string, found bool)`: window
/// `[value 2][found][key 2]`.
///
/// # Safety
/// The window has 5 slots.
unsafe fn sys_getenv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let key = String::from_utf8_lossy(bytes(w, 3)).into_owned();
        match std::env::var_os(&key) {
            Some(v) => {
                put_string(w, 0, v.as_encoded_bytes());
                set(w, 2, 1);
            }
            None => {
                set(w, 0, 0);
                set(w, 1, 0);
                set(w, 2, 0);
            }
        }
    }
    Ok(())
}

/// `now() (sec int64, nsec int32, mono int64)`.
///
/// # Safety
/// The window has 3 slots.
unsafe fn now(_: &mut GState, w: *mut u64) -> R {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        set(w, 0, d.as_secs());
        set(w, 1, d.subsec_nanos() as u64);
        set(w, 2, rgo_runtime::time::nanotime() as u64);
    }
    Ok(())
}

/// `syscall.Exit(code int)`: ends the program without running defers.
///
/// # Safety
/// The window has 1 slot.
unsafe fn exit(gs: &mut GState, w: *mut u64) -> R {
    flush_print(gs);
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    Err(PanicValue::Exit(unsafe { slot(w, 0) } as i64 as i32))
}

/// # Safety
/// The window has 1 slot.
unsafe fn getpid(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe { set(w, 0, std::process::id() as u64) };
    Ok(())
}

/// `Getpagesize() int`.
///
/// # Safety
/// The window has 1 slot.
unsafe fn getpagesize(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    // SAFETY: window of 1 slot.
    unsafe { set(w, 0, n as u64) };
    Ok(())
}

/// `sysMmap(fd int, offset int64, length, prot, flags int) (addr,
/// errno uintptr)`: [addr][errno][fd][offset][length][prot][flags].
/// MAP_FIXED is refused (EINVAL): it could map over rgo's own memory.
///
/// # Safety
/// The window has 7 slots.
unsafe fn sys_mmap(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 7 slots.
    unsafe {
        let (fd, off, len) = (slot(w, 2) as i64, slot(w, 3) as i64, slot(w, 4) as usize);
        let (prot, flags) = (
            slot(w, 5) as i64 as libc::c_int,
            slot(w, 6) as i64 as libc::c_int,
        );
        if flags & libc::MAP_FIXED != 0 {
            set(w, 0, 0);
            set(w, 1, libc::EINVAL as u64);
            return Ok(());
        }
        // SAFETY: without MAP_FIXED the kernel picks fresh addresses, so
        // no memory of this process is replaced.
        let p = libc::mmap(
            std::ptr::null_mut(),
            len,
            prot,
            flags,
            fd as libc::c_int,
            off,
        );
        if p == libc::MAP_FAILED {
            set(w, 0, 0);
            set(w, 1, errno());
        } else {
            set(w, 0, p as u64);
            set(w, 1, 0);
        }
    }
    Ok(())
}

/// `sysMunmap(addr uintptr, length int) (errno uintptr)`: Go's Munmap
/// only passes a whole mapping that Mmap made.
///
/// # Safety
/// The window has 3 slots, describing a mapping made by sys_mmap.
unsafe fn sys_munmap(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots; the range is one Mmap made (caller).
    unsafe {
        let r = libc::munmap(slot(w, 1) as *mut libc::c_void, slot(w, 2) as usize);
        set(w, 0, if r < 0 { errno() } else { 0 });
    }
    Ok(())
}

/// `sysMprotect(addr uintptr, length, prot int) (errno uintptr)`.
///
/// # Safety
/// The window has 4 slots, describing memory of a Go slice.
unsafe fn sys_mprotect(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 4 slots. Changing protection of Go heap memory
    // would fault the VM later, as it faults a Go program.
    unsafe {
        let r = libc::mprotect(
            slot(w, 1) as *mut libc::c_void,
            slot(w, 2) as usize,
            slot(w, 3) as i64 as libc::c_int,
        );
        set(w, 0, if r < 0 { errno() } else { 0 });
    }
    Ok(())
}
