//! os: the file system calls (`sysOpen`, `sysRead`, ...), thin wrappers
//! of the Linux system calls returning an errno (0 on success) that os
//! wraps in `*PathError`, as Go does.

use std::ffi::CString;

use super::{bytes, cstr, errno, put_string, put_strings, set, slot, R};
use rgo_runtime::interp::{GState, NativeFn};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("os.sysOpen", sys_open, 6),
    ("os.sysRead", sys_read, 6),
    ("os.sysClose", sys_close, 2),
    ("os.sysFstat", sys_fstat, 3),
    ("os.sysStat", sys_stat, 5),
    ("os.sysSeek", sys_seek, 5),
    ("os.sysUnlink", sys_unlink, 3),
    ("os.sysRmdir", sys_rmdir, 3),
    ("os.sysMkdir", sys_mkdir, 4),
    ("os.sysGetwd", sys_getwd, 3),
    ("os.sysIsatty", sys_isatty, 2),
    ("os.sysChdir", sys_chdir, 3),
    ("os.sysReadDirNames", sys_read_dir_names, 5),
    ("os.sysSetenv", sys_setenv, 5),
    ("os.sysUnsetenv", sys_unsetenv, 3),
    ("os.sysGetpid", sys_getpid, 1),
];

/// Stores a system call's result: `value` or -1 with errno.
///
/// # Safety
/// Slot `res` is writable, and `err` when given.
unsafe fn finish(w: *mut u64, res: Option<usize>, err: usize, r: i64) {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        if r < 0 {
            if let Some(i) = res {
                set(w, i, 0);
            }
            set(w, err, errno());
        } else {
            if let Some(i) = res {
                set(w, i, r as u64);
            }
            set(w, err, 0);
        }
    }
}

const EINVAL: u64 = 22;

/// # Safety
/// Window `[fd][errno][name 2][flag][perm]`.
unsafe fn sys_open(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let Some(p) = cstr(w, 2) else {
            set(w, 0, 0);
            set(w, 1, EINVAL);
            return Ok(());
        };
        let flag = slot(w, 4) as libc::c_int | libc::O_CLOEXEC;
        let r = libc::open(p.as_ptr(), flag, slot(w, 5) as libc::c_uint);
        finish(w, Some(0), 1, r as i64);
    }
    Ok(())
}

/// # Safety
/// Window `[n][errno][fd][b 3]`.
unsafe fn sys_read(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let (p, n) = (slot(w, 3), slot(w, 4) as usize);
        let r = if n == 0 {
            0
        } else {
            // A read may block (a terminal, a pipe): let the scheduler
            // hand this M's P to other goroutines meanwhile.
            rgo_runtime::proc::entersyscall();
            let r = libc::read(slot(w, 2) as libc::c_int, p as *mut libc::c_void, n) as i64;
            rgo_runtime::proc::exitsyscall();
            r
        };
        finish(w, Some(0), 1, r);
    }
    Ok(())
}

/// # Safety
/// Window `[errno][fd]`.
unsafe fn sys_close(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let r = libc::close(slot(w, 1) as libc::c_int);
        finish(w, None, 0, r as i64);
    }
    Ok(())
}

/// Fills os's `rawStat` at `st` from `s`.
///
/// # Safety
/// `st` points at a writable rawStat.
unsafe fn put_stat(st: u64, s: &libc::stat) {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let p = st as *mut u8;
        (p as *mut u64).write_unaligned(s.st_dev);
        (p.add(8) as *mut u64).write_unaligned(s.st_ino);
        (p.add(16) as *mut u32).write_unaligned(s.st_mode);
        (p.add(24) as *mut u64).write_unaligned(s.st_nlink);
        (p.add(32) as *mut u32).write_unaligned(s.st_uid);
        (p.add(36) as *mut u32).write_unaligned(s.st_gid);
        (p.add(40) as *mut i64).write_unaligned(s.st_size);
        (p.add(48) as *mut i64).write_unaligned(s.st_mtime);
        (p.add(56) as *mut i64).write_unaligned(s.st_mtime_nsec);
    }
}

/// # Safety
/// Window `[errno][fd][st]`.
unsafe fn sys_fstat(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let mut s: libc::stat = std::mem::zeroed();
        let r = libc::fstat(slot(w, 1) as libc::c_int, &mut s);
        if r == 0 && slot(w, 2) != 0 {
            put_stat(slot(w, 2), &s);
        }
        finish(w, None, 0, r as i64);
    }
    Ok(())
}

/// # Safety
/// Window `[errno][name 2][st][follow]`.
unsafe fn sys_stat(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let Some(p) = cstr(w, 1) else {
            set(w, 0, EINVAL);
            return Ok(());
        };
        let mut s: libc::stat = std::mem::zeroed();
        let r = if slot(w, 4) != 0 {
            libc::stat(p.as_ptr(), &mut s)
        } else {
            libc::lstat(p.as_ptr(), &mut s)
        };
        if r == 0 && slot(w, 3) != 0 {
            put_stat(slot(w, 3), &s);
        }
        finish(w, None, 0, r as i64);
    }
    Ok(())
}

/// # Safety
/// Window `[off][errno][fd][offset][whence]`.
unsafe fn sys_seek(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let r = libc::lseek(
            slot(w, 2) as libc::c_int,
            slot(w, 3) as i64,
            slot(w, 4) as libc::c_int,
        );
        finish(w, Some(0), 1, r);
    }
    Ok(())
}

/// Runs the path call `f` on the name at slots 1-2 and stores its errno at
/// slot 0; a name holding a NUL is EINVAL without a call, as in Go.
///
/// # Safety
/// Window `[errno][name 2]...`.
unsafe fn path_call(w: *mut u64, f: impl FnOnce(&CString) -> libc::c_int) {
    // SAFETY: caller's contract.
    unsafe {
        match cstr(w, 1) {
            Some(p) => finish(w, None, 0, f(&p) as i64),
            None => set(w, 0, EINVAL),
        }
    }
}

/// # Safety
/// Window `[errno][name 2]`.
unsafe fn sys_unlink(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; the path is NUL-terminated.
    unsafe { path_call(w, |p| libc::unlink(p.as_ptr())) };
    Ok(())
}

/// # Safety
/// Window `[errno][name 2]`.
unsafe fn sys_rmdir(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; the path is NUL-terminated.
    unsafe { path_call(w, |p| libc::rmdir(p.as_ptr())) };
    Ok(())
}

/// # Safety
/// Window `[errno][name 2][perm]`.
unsafe fn sys_mkdir(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; the path is NUL-terminated.
    unsafe {
        let mode = slot(w, 3) as libc::mode_t;
        path_call(w, |p| libc::mkdir(p.as_ptr(), mode));
    }
    Ok(())
}

/// # Safety
/// Window `[dir 2][errno]`.
unsafe fn sys_getwd(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        match std::env::current_dir() {
            Ok(d) => {
                put_string(w, 0, d.as_os_str().as_encoded_bytes());
                set(w, 2, 0);
            }
            Err(e) => {
                set(w, 0, 0);
                set(w, 1, 0);
                set(w, 2, e.raw_os_error().unwrap_or(5) as u64);
            }
        }
    }
    Ok(())
}

/// # Safety
/// Window `[res][fd]`.
unsafe fn sys_isatty(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let r = libc::isatty(slot(w, 1) as libc::c_int);
        set(w, 0, (r == 1) as u64);
    }
    Ok(())
}

/// # Safety
/// Window `[errno][name 2]`.
unsafe fn sys_chdir(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; the path is NUL-terminated.
    unsafe { path_call(w, |p| libc::chdir(p.as_ptr())) };
    Ok(())
}

/// `sysReadDirNames(fd int) (names []string, errno int)`: window
/// `[names 3][errno][fd]`. Every entry but `.` and `..`, in directory
/// order.
///
/// # Safety
/// The window has 5 slots.
unsafe fn sys_read_dir_names(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared. The directory stream is opened on
    // a duplicate of the descriptor and closed here; readdir's entries are
    // read before the next call.
    unsafe {
        let names = {
            let fd = libc::dup(slot(w, 4) as i32);
            let dir = if fd < 0 {
                std::ptr::null_mut()
            } else {
                libc::fdopendir(fd)
            };
            if dir.is_null() {
                let e = errno();
                if fd >= 0 {
                    libc::close(fd);
                }
                set(w, 0, 0);
                set(w, 1, 0);
                set(w, 2, 0);
                set(w, 3, e);
                return Ok(());
            }
            let mut names: Vec<Vec<u8>> = Vec::new();
            loop {
                let ent = libc::readdir(dir);
                if ent.is_null() {
                    break;
                }
                let name = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes();
                if name != b"." && name != b".." {
                    names.push(name.to_vec());
                }
            }
            libc::closedir(dir);
            names
        };
        put_strings(w, 0, &names);
        set(w, 3, 0);
    }
    Ok(())
}

/// `sysSetenv(key, value string) (errno int)`: window `[errno][key 2]
/// [value 2]`. EINVAL for an empty key, or a key with `=` or NUL, or a
/// value with NUL, as Go's syscall.Setenv.
///
/// # Safety
/// The window has 5 slots.
unsafe fn sys_setenv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe {
        let (k, v) = (bytes(w, 1), bytes(w, 3));
        if k.is_empty() || k.iter().any(|&c| c == b'=' || c == 0) || v.contains(&0) {
            set(w, 0, EINVAL);
            return Ok(());
        }
        use std::os::unix::ffi::OsStrExt;
        std::env::set_var(
            std::ffi::OsStr::from_bytes(k),
            std::ffi::OsStr::from_bytes(v),
        );
        set(w, 0, 0);
    }
    Ok(())
}

/// `sysUnsetenv(key string) (errno int)`: window `[errno][key 2]`; a key
/// that cannot be in the environment is simply absent.
///
/// # Safety
/// The window has 3 slots.
unsafe fn sys_unsetenv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared.
    unsafe {
        let k = bytes(w, 1);
        if !k.is_empty() && !k.iter().any(|&c| c == b'=' || c == 0) {
            use std::os::unix::ffi::OsStrExt;
            std::env::remove_var(std::ffi::OsStr::from_bytes(k));
        }
        set(w, 0, 0);
    }
    Ok(())
}

/// `sysGetpid() int`.
///
/// # Safety
/// The window has 1 slot.
unsafe fn sys_getpid(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: getpid has no preconditions; the window has its one slot.
    unsafe { set(w, 0, libc::getpid() as u64) };
    Ok(())
}
