//! os: processes (fork/exec, wait4, kill, pipes), the process's identity
//! and environment, and the file system calls fs.rs lacks (pread/pwrite,
//! fsync, truncation, rename, links, modes, times). Thin wrappers of the
//! Linux system calls, each returning an errno (0 on success) that os's Go
//! code wraps in Go's error values.
//!
//! Invariants: a call that may block for long (wait4, pread/pwrite on a
//! pipe or terminal) runs between `entersyscall` and `exitsyscall`, so the
//! scheduler can hand this M's P to other goroutines; the child side of
//! fork runs only async-signal-safe calls on memory prepared before the
//! fork.

use std::ffi::CString;

use super::{bytes, cstr, errno, put_string, put_strings, set, slot, status, sys_kill, R};
use rgo_runtime::interp::{GState, NativeFn};
use rgo_runtime::proc::{entersyscall, exitsyscall};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("os.sysStartProcess", sys_start_process, 17),
    ("os.sysWait4", sys_wait4, 4),
    ("os.sysKill", sys_kill, 3),
    ("os.sysPipe", sys_pipe, 3),
    ("os.sysEnviron", sys_environ, 3),
    ("os.sysClearenv", sys_clearenv, 1),
    ("os.sysGetppid", sys_getppid, 1),
    ("os.sysGetuid", sys_getuid, 1),
    ("os.sysGeteuid", sys_geteuid, 1),
    ("os.sysGetgid", sys_getgid, 1),
    ("os.sysGetegid", sys_getegid, 1),
    ("os.sysGetpagesize", sys_getpagesize, 1),
    ("os.sysHostname", sys_hostname, 3),
    ("os.sysExecutable", sys_executable, 3),
    ("os.sysPread", sys_pread, 7),
    ("os.sysPwrite", sys_pwrite, 7),
    ("os.sysFsync", sys_fsync, 2),
    ("os.sysFtruncate", sys_ftruncate, 3),
    ("os.sysTruncate", sys_truncate, 4),
    ("os.sysRename", sys_rename, 5),
    ("os.sysChmod", sys_chmod, 4),
    ("os.sysFchmod", sys_fchmod, 3),
    ("os.sysFchdir", sys_fchdir, 2),
    ("os.sysReadlink", sys_readlink, 5),
    ("os.sysSymlink", sys_symlink, 5),
    ("os.sysLink", sys_link, 5),
    ("os.sysChtimes", sys_chtimes, 5),
];

const EINVAL: u64 = libc::EINVAL as u64;

/// The elements of the `[]string` whose header is at slot `i`.
///
/// # Safety
/// Slots `i..i+3` hold a slice of Go strings.
unsafe fn strings<'a>(w: *mut u64, i: usize) -> Vec<&'a [u8]> {
    // SAFETY: caller's contract: the backing array holds `len` string
    // headers, each describing readable bytes.
    unsafe {
        let (p, n) = (slot(w, i) as *mut u64, slot(w, i + 1) as usize);
        (0..n).map(|k| bytes(p, 2 * k)).collect()
    }
}

/// A NULL-terminated pointer array over `v` (which must outlive it).
fn ptr_array(v: &[CString]) -> Vec<*const libc::c_char> {
    v.iter()
        .map(|c| c.as_ptr())
        .chain(std::iter::once(std::ptr::null()))
        .collect()
}

/// `sysStartProcess(name string, argv, env []string, dir string, fds
/// []int, setsid, setpgid bool) (pid, errno int)`: window `[pid][errno]
/// [name 2][argv 3][env 3][dir 2][fds 3][setsid][setpgid]`.
///
/// fork, then in the child: default signal mask and SIGPIPE, setsid /
/// setpgid, chdir, descriptors `0..len(fds)` from `fds` (-1 closes), and
/// execve. A failure in the child travels back as its errno over a
/// close-on-exec pipe; end of file on it means exec succeeded.
///
/// # Safety
/// The window has 17 slots as described.
unsafe fn sys_start_process(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; see the child's comment below.
    unsafe {
        let fail = |e: u64| {
            set(w, 0, 0);
            set(w, 1, e);
            Ok(())
        };
        let Some(name) = cstr(w, 2) else {
            return fail(EINVAL);
        };
        let to_c = |v: Vec<&[u8]>| -> Option<Vec<CString>> {
            v.into_iter()
                .map(|s| CString::new(s.to_vec()).ok())
                .collect()
        };
        let (Some(argv), Some(env)) = (to_c(strings(w, 4)), to_c(strings(w, 7))) else {
            return fail(EINVAL);
        };
        let dir = match bytes(w, 10) {
            [] => None,
            d => match CString::new(d.to_vec()) {
                Ok(c) => Some(c),
                Err(_) => return fail(EINVAL),
            },
        };
        let mut fds: Vec<libc::c_int> = {
            let (p, n) = (slot(w, 12) as *const i64, slot(w, 13) as usize);
            (0..n).map(|k| *p.add(k) as libc::c_int).collect()
        };
        let setsid = slot(w, 15) & 0xff != 0;
        let setpgid = slot(w, 16) & 0xff != 0;
        let argvp = ptr_array(&argv);
        let envp = ptr_array(&env);
        let mut empty: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut empty);

        let mut errpipe = [0 as libc::c_int; 2];
        if libc::pipe2(errpipe.as_mut_ptr(), libc::O_CLOEXEC) < 0 {
            return fail(errno());
        }
        // The child's first free descriptor above every target slot and
        // every source, for moving descriptors out of the way.
        let top = fds.iter().copied().max().unwrap_or(0).max(fds.len() as i32) + 1;
        let pid = libc::fork();
        if pid == 0 {
            // The child: a copy of this process with one thread. Only
            // async-signal-safe calls on memory made before the fork.
            let report = |e: libc::c_int| -> ! {
                let b = e.to_ne_bytes();
                libc::write(errpipe[1], b.as_ptr() as *const libc::c_void, 4);
                libc::_exit(253)
            };
            let child_errno = || *libc::__errno_location();
            libc::sigprocmask(libc::SIG_SETMASK, &empty, std::ptr::null_mut());
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            if setsid && libc::setsid() < 0 {
                report(child_errno());
            }
            if setpgid && libc::setpgid(0, 0) < 0 {
                report(child_errno());
            }
            if let Some(d) = &dir {
                if libc::chdir(d.as_ptr()) < 0 {
                    report(child_errno());
                }
            }
            // Move the error pipe and every source that a lower target
            // would overwrite above all targets first.
            let mut errfd = errpipe[1];
            if (errfd as usize) < fds.len() {
                errfd = libc::fcntl(errfd, libc::F_DUPFD_CLOEXEC, top);
                if errfd < 0 {
                    report(child_errno());
                }
            }
            let report = |e: libc::c_int| -> ! {
                let b = e.to_ne_bytes();
                libc::write(errfd, b.as_ptr() as *const libc::c_void, 4);
                libc::_exit(253)
            };
            for (i, src) in fds.iter_mut().enumerate() {
                if *src >= 0 && (*src as usize) < i {
                    let moved = libc::fcntl(*src, libc::F_DUPFD_CLOEXEC, top);
                    if moved < 0 {
                        report(child_errno());
                    }
                    *src = moved;
                }
            }
            for (i, &src) in fds.iter().enumerate() {
                let target = i as libc::c_int;
                if src < 0 {
                    libc::close(target);
                } else if src == target {
                    if libc::fcntl(target, libc::F_SETFD, 0) < 0 {
                        report(child_errno());
                    }
                } else if libc::dup2(src, target) < 0 {
                    report(child_errno());
                }
            }
            libc::execve(name.as_ptr(), argvp.as_ptr(), envp.as_ptr());
            report(child_errno());
        }
        let fork_errno = if pid < 0 { errno() } else { 0 };
        libc::close(errpipe[1]);
        if pid < 0 {
            libc::close(errpipe[0]);
            return fail(fork_errno);
        }
        let mut buf = [0u8; 4];
        let mut got = 0usize;
        while got < 4 {
            let r = libc::read(
                errpipe[0],
                buf.as_mut_ptr().add(got) as *mut libc::c_void,
                4 - got,
            );
            if r < 0 && errno() == libc::EINTR as u64 {
                continue;
            }
            if r <= 0 {
                break;
            }
            got += r as usize;
        }
        libc::close(errpipe[0]);
        if got == 4 {
            // exec failed: reap the child, report its errno.
            let mut st = 0;
            while libc::waitpid(pid, &mut st, 0) < 0 && errno() == libc::EINTR as u64 {}
            return fail(i32::from_ne_bytes(buf) as u64);
        }
        set(w, 0, pid as u64);
        set(w, 1, 0);
    }
    Ok(())
}

/// `sysWait4(pid int, ru *syscall.Rusage) (status uint32, errno int)`:
/// window `[status][errno][pid][ru]`. Blocks off the P.
///
/// # Safety
/// The window has 4 slots; `ru` is nil or a writable syscall.Rusage (the
/// layout of the kernel's struct rusage).
unsafe fn sys_wait4(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe {
        let pid = slot(w, 2) as i64 as libc::pid_t;
        let mut st: libc::c_int = 0;
        let mut ru: libc::rusage = std::mem::zeroed();
        entersyscall();
        let r = loop {
            let r = libc::wait4(pid, &mut st, 0, &mut ru);
            if r < 0 && errno() == libc::EINTR as u64 {
                continue;
            }
            break r;
        };
        let e = status(r as i64);
        exitsyscall();
        let rp = slot(w, 3) as *mut libc::rusage;
        if r >= 0 && !rp.is_null() {
            rp.write_unaligned(ru);
        }
        set(w, 0, if r < 0 { 0 } else { st as u32 as u64 });
        set(w, 1, e);
    }
    Ok(())
}

/// `sysPipe() (r, w int, errno int)`: both ends close-on-exec.
///
/// # Safety
/// The window has 3 slots.
unsafe fn sys_pipe(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; `p` has room for two descriptors.
    unsafe {
        let mut p = [0 as libc::c_int; 2];
        let r = libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC);
        if r < 0 {
            set(w, 0, 0);
            set(w, 1, 0);
            set(w, 2, errno());
        } else {
            set(w, 0, p[0] as u64);
            set(w, 1, p[1] as u64);
            set(w, 2, 0);
        }
    }
    Ok(())
}

/// `sysEnviron() []string`: the process environment, `key=value` each.
///
/// # Safety
/// The window has 3 slots.
unsafe fn sys_environ(_: &mut GState, w: *mut u64) -> R {
    let items: Vec<Vec<u8>> = std::env::vars_os()
        .map(|(k, v)| {
            let mut e = k.into_encoded_bytes();
            e.push(b'=');
            e.extend_from_slice(v.as_encoded_bytes());
            e
        })
        .collect();
    // SAFETY: the window has 3 slots.
    unsafe { put_strings(w, 0, &items) };
    Ok(())
}

/// `sysClearenv()`.
///
/// # Safety
/// Touches no window slot.
unsafe fn sys_clearenv(_: &mut GState, _: *mut u64) -> R {
    let keys: Vec<_> = std::env::vars_os().map(|(k, _)| k).collect();
    for k in keys {
        // SAFETY-free: rgo's own environment accesses go through std::env,
        // which serializes them.
        std::env::remove_var(k);
    }
    Ok(())
}

/// One-slot natives returning an id.
macro_rules! id_native {
    ($name:ident, $call:expr) => {
        /// # Safety
        /// The window has 1 slot.
        unsafe fn $name(_: &mut GState, w: *mut u64) -> R {
            // SAFETY: the call has no preconditions; one window slot.
            unsafe { set(w, 0, $call as i64 as u64) };
            Ok(())
        }
    };
}

id_native!(sys_getppid, libc::getppid());
id_native!(sys_getuid, libc::getuid());
id_native!(sys_geteuid, libc::geteuid());
id_native!(sys_getgid, libc::getgid());
id_native!(sys_getegid, libc::getegid());
id_native!(sys_getpagesize, libc::sysconf(libc::_SC_PAGESIZE));

/// `sysHostname() (name string, errno int)`: the nodename of uname(2).
///
/// # Safety
/// The window has 3 slots.
unsafe fn sys_hostname(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: `u` is a writable utsname; nodename is NUL-terminated.
    unsafe {
        let mut u: libc::utsname = std::mem::zeroed();
        if libc::uname(&mut u) < 0 {
            set(w, 0, 0);
            set(w, 1, 0);
            set(w, 2, errno());
            return Ok(());
        }
        let n = std::ffi::CStr::from_ptr(u.nodename.as_ptr()).to_bytes();
        put_string(w, 0, n);
        set(w, 2, 0);
    }
    Ok(())
}

/// Stores a string result at slots 0..2 and its errno at slot 2.
///
/// # Safety
/// Three writable slots.
unsafe fn put_string_result(w: *mut u64, r: std::io::Result<Vec<u8>>) {
    // SAFETY: caller's contract.
    unsafe {
        match r {
            Ok(b) => {
                put_string(w, 0, &b);
                set(w, 2, 0);
            }
            Err(e) => {
                set(w, 0, 0);
                set(w, 1, 0);
                set(w, 2, e.raw_os_error().unwrap_or(libc::EIO) as u64);
            }
        }
    }
}

/// `sysExecutable() (path string, errno int)`: where /proc/self/exe
/// points (rgo runs programs inside its own process, so this is the rgo
/// binary).
///
/// # Safety
/// The window has 3 slots.
unsafe fn sys_executable(_: &mut GState, w: *mut u64) -> R {
    use std::os::unix::ffi::OsStringExt;
    let r = std::fs::read_link("/proc/self/exe").map(|p| p.into_os_string().into_vec());
    // SAFETY: the window has 3 slots.
    unsafe { put_string_result(w, r) };
    Ok(())
}

/// `sysReadlink(name string) (target string, errno int)`: window
/// `[target 2][errno][name 2]`.
///
/// # Safety
/// The window has 5 slots.
unsafe fn sys_readlink(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; `buf` has `cap` writable bytes.
    unsafe {
        let Some(p) = cstr(w, 3) else {
            put_string_result(w, Err(std::io::Error::from_raw_os_error(libc::EINVAL)));
            return Ok(());
        };
        let mut cap = 256usize;
        let r = loop {
            let mut buf = vec![0u8; cap];
            let n = libc::readlink(p.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, cap);
            if n < 0 {
                break Err(std::io::Error::last_os_error());
            }
            if (n as usize) < cap {
                buf.truncate(n as usize);
                break Ok(buf);
            }
            cap *= 2;
        };
        put_string_result(w, r);
    }
    Ok(())
}

/// `sysPread(fd int, b []byte, off int64) (n, errno int)` and
/// `sysPwrite` alike: window `[n][errno][fd][b 3][off]`.
///
/// # Safety
/// The window has 7 slots; b is Go memory (writable for pread).
unsafe fn sys_pread(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe { positioned(w, true) }
}

/// # Safety
/// As sys_pread.
unsafe fn sys_pwrite(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe { positioned(w, false) }
}

/// # Safety
/// As sys_pread.
unsafe fn positioned(w: *mut u64, read: bool) -> R {
    // SAFETY: the slice in slots 3..6 is `n` bytes of Go memory.
    unsafe {
        let fd = slot(w, 2) as libc::c_int;
        let (p, n, off) = (
            slot(w, 3) as *mut libc::c_void,
            slot(w, 4) as usize,
            slot(w, 6) as i64,
        );
        if n == 0 {
            set(w, 0, 0);
            set(w, 1, 0);
            return Ok(());
        }
        entersyscall();
        let r = if read {
            libc::pread(fd, p, n, off)
        } else {
            libc::pwrite(fd, p, n, off)
        } as i64;
        let e = status(r);
        exitsyscall();
        set(w, 0, r.max(0) as u64);
        set(w, 1, e);
    }
    Ok(())
}

/// `sysFsync(fd int) (errno int)`.
///
/// # Safety
/// The window has 2 slots.
unsafe fn sys_fsync(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe {
        entersyscall();
        let r = libc::fsync(slot(w, 1) as libc::c_int);
        let e = status(r as i64);
        exitsyscall();
        set(w, 0, e);
    }
    Ok(())
}

/// `sysFtruncate(fd int, size int64) (errno int)`.
///
/// # Safety
/// The window has 3 slots.
unsafe fn sys_ftruncate(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe {
        let r = libc::ftruncate(slot(w, 1) as libc::c_int, slot(w, 2) as i64);
        set(w, 0, status(r as i64));
    }
    Ok(())
}

/// Runs `f` on the C string at slot 1 and stores its status at slot 0
/// (EINVAL for a name with NUL).
///
/// # Safety
/// Slot 0 writable, slots 1..3 a string.
unsafe fn with_path(w: *mut u64, f: impl FnOnce(&CString) -> libc::c_int) -> R {
    // SAFETY: caller's contract.
    unsafe {
        let e = match cstr(w, 1) {
            Some(p) => status(f(&p) as i64),
            None => EINVAL,
        };
        set(w, 0, e);
    }
    Ok(())
}

/// Two paths at slots 1..3 and 3..5.
///
/// # Safety
/// Slot 0 writable, slots 1..5 two strings.
unsafe fn with_paths(w: *mut u64, f: impl FnOnce(&CString, &CString) -> libc::c_int) -> R {
    // SAFETY: caller's contract.
    unsafe {
        let e = match (cstr(w, 1), cstr(w, 3)) {
            (Some(a), Some(b)) => status(f(&a, &b) as i64),
            _ => EINVAL,
        };
        set(w, 0, e);
    }
    Ok(())
}

/// `sysTruncate(name string, size int64) (errno int)`.
///
/// # Safety
/// The window has 4 slots.
unsafe fn sys_truncate(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; the path is NUL-terminated.
    unsafe {
        let size = slot(w, 3) as i64;
        with_path(w, |p| libc::truncate(p.as_ptr(), size))
    }
}

/// `sysRename(from, to string) (errno int)`.
///
/// # Safety
/// The window has 5 slots.
unsafe fn sys_rename(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; both paths are NUL-terminated.
    unsafe { with_paths(w, |a, b| libc::rename(a.as_ptr(), b.as_ptr())) }
}

/// `sysSymlink(oldname, newname string) (errno int)`.
///
/// # Safety
/// The window has 5 slots.
unsafe fn sys_symlink(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; both paths are NUL-terminated.
    unsafe { with_paths(w, |a, b| libc::symlink(a.as_ptr(), b.as_ptr())) }
}

/// `sysLink(oldname, newname string) (errno int)`.
///
/// # Safety
/// The window has 5 slots.
unsafe fn sys_link(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; both paths are NUL-terminated.
    unsafe { with_paths(w, |a, b| libc::link(a.as_ptr(), b.as_ptr())) }
}

/// `sysChmod(name string, mode uint32) (errno int)`.
///
/// # Safety
/// The window has 4 slots.
unsafe fn sys_chmod(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; the path is NUL-terminated.
    unsafe {
        let mode = slot(w, 3) as u32 as libc::mode_t;
        with_path(w, |p| libc::chmod(p.as_ptr(), mode))
    }
}

/// `sysFchmod(fd int, mode uint32) (errno int)`.
///
/// # Safety
/// The window has 3 slots.
unsafe fn sys_fchmod(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe {
        let r = libc::fchmod(slot(w, 1) as libc::c_int, slot(w, 2) as u32 as libc::mode_t);
        set(w, 0, status(r as i64));
    }
    Ok(())
}

/// `sysFchdir(fd int) (errno int)`.
///
/// # Safety
/// The window has 2 slots.
unsafe fn sys_fchdir(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe {
        let r = libc::fchdir(slot(w, 1) as libc::c_int);
        set(w, 0, status(r as i64));
    }
    Ok(())
}

/// `sysChtimes(name string, atime, mtime int64) (errno int)`: times in
/// nanoseconds since the epoch.
///
/// # Safety
/// The window has 5 slots.
unsafe fn sys_chtimes(_: &mut GState, w: *mut u64) -> R {
    let ts = |ns: i64| libc::timespec {
        tv_sec: ns.div_euclid(1_000_000_000),
        tv_nsec: ns.rem_euclid(1_000_000_000),
    };
    // SAFETY: the window is as declared; `t` holds two timespecs.
    unsafe {
        let t = [ts(slot(w, 3) as i64), ts(slot(w, 4) as i64)];
        with_path(w, |p| {
            libc::utimensat(libc::AT_FDCWD, p.as_ptr(), t.as_ptr(), 0)
        })
    }
}
