//! crypto: the digest block functions (natives/digest.rs) bound to the
//! bodiless `blocks` of crypto/md5, sha1, sha256 and sha512, and the
//! kernel's random bytes behind crypto/rand.
//!
//! Each `blocks(s *[N]uintX, p []byte)` has the window `[s][p 3]`: the
//! chaining state is read from Go memory, updated over the whole blocks of
//! `p`, and stored back.

use super::{bytes, set, slot, R};
use crate::natives::digest;
use rgo_runtime::interp::{GState, NativeFn};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("crypto/md5.blocks", md5_blocks, 4),
    ("crypto/sha1.blocks", sha1_blocks, 4),
    ("crypto/sha256.blocks", sha256_blocks, 4),
    ("crypto/sha512.blocks", sha512_blocks, 4),
    ("crypto/rand.getRandom", get_random, 4),
    ("hash/crc32.update", crc32_update, 6),
];

/// `update(crc uint32, tab *Table, p []byte) uint32`: window
/// [result][crc][tab][p 3]. A nil table faults only when there are bytes
/// to look up, as the Go loop would.
unsafe fn crc32_update(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window as above; tab points at a Go [256]uint32.
    unsafe {
        let crc = slot(w, 1) as u32;
        let tab = slot(w, 2) as *const [u32; 256];
        let p = bytes(w, 3);
        if p.is_empty() {
            set(w, 0, crc as u64);
            return Ok(());
        }
        if tab.is_null() {
            return Err(rgo_runtime::interp::PanicValue::Runtime(
                rgo_runtime::interp::RuntimeError::nil_deref(0),
            ));
        }
        let t = &*tab;
        let mut reg = !crc;
        for &b in p {
            reg = (reg >> 8) ^ t[((reg as u8) ^ b) as usize];
        }
        set(w, 0, (!reg) as u64);
    }
    Ok(())
}

/// Runs `f` on the `[T; N]` state at the address in slot 0 and the bytes
/// of the slice in slots 1..4.
///
/// # Safety
/// The window has 4 slots: a pointer to a Go `[N]T` (or nil) and a slice.
unsafe fn with_state<T: Copy + Default, const N: usize>(
    w: *mut u64,
    f: fn(&mut [T; N], &[u8]),
) -> R {
    // SAFETY: caller's contract; the state is a Go array of N words, which
    // no other goroutine may touch during the call in a race-free program
    // (unaligned access is used since Go only promises T's alignment).
    unsafe {
        let sp = slot(w, 0) as *mut [T; N];
        if sp.is_null() {
            return Ok(());
        }
        let mut st = sp.read_unaligned();
        f(&mut st, bytes(w, 1));
        sp.write_unaligned(st);
    }
    Ok(())
}

/// # Safety
/// Window `[s *[4]uint32][p 3]`.
unsafe fn md5_blocks(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller's contract.
    unsafe { with_state::<u32, 4>(w, digest::md5_blocks) }
}

/// # Safety
/// Window `[s *[5]uint32][p 3]`.
unsafe fn sha1_blocks(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller's contract.
    unsafe { with_state::<u32, 5>(w, digest::sha1_blocks) }
}

/// # Safety
/// Window `[s *[8]uint32][p 3]`.
unsafe fn sha256_blocks(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller's contract.
    unsafe { with_state::<u32, 8>(w, digest::sha256_blocks) }
}

/// # Safety
/// Window `[s *[8]uint64][p 3]`.
unsafe fn sha512_blocks(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller's contract.
    unsafe { with_state::<u64, 8>(w, digest::sha512_blocks) }
}

/// `getRandom(b []byte) (errno int)`: fills b from the kernel's CSPRNG
/// (getrandom(2), retried on EINTR and short reads).
///
/// # Safety
/// Window `[errno][b 3]`, b writable Go memory.
unsafe fn get_random(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: caller's contract: slots 1..4 are a slice of writable bytes.
    unsafe {
        let (mut p, mut n) = (slot(w, 1) as *mut u8, slot(w, 2) as usize);
        let mut errno = 0;
        while n > 0 && !p.is_null() {
            let r = libc::getrandom(p as *mut libc::c_void, n, 0);
            if r < 0 {
                let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(5);
                if e == libc::EINTR {
                    continue;
                }
                errno = e as u64;
                break;
            }
            p = p.add(r as usize);
            n -= r as usize;
        }
        set(w, 0, errno);
    }
    Ok(())
}
