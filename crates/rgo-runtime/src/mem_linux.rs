//! Talking to the OS about memory (Go's mem_linux.go / mem.go): reserve
//! address space, get zeroed metadata memory, and hand idle pages back.
//!
//! Invariants:
//! - every mapping is anonymous, private and `MAP_NORESERVE`, so reserving
//!   a 64 MiB arena costs address space only; pages become resident on
//!   first touch and read as zero until then;
//! - after [`sys_unused`] (madvise `MADV_DONTNEED`) the range reads as zero
//!   again and is no longer resident; it stays mapped and usable;
//! - nothing here is ever unmapped: Go's heap never shrinks its address space.

/// Maps `len` bytes of zeroed read-write memory, aligned to `align` (a power
/// of two), preferably at `hint`. Returns `None` when the OS refuses.
pub fn sys_reserve_aligned(len: usize, align: usize, hint: usize) -> Option<usize> {
    if let Some(p) = mmap_at(hint, len) {
        if p % align == 0 {
            return Some(p);
        }
        sys_unmap(p, len);
    }
    // Over-allocate and trim to get the alignment.
    let big = len.checked_add(align)?;
    let p = mmap_at(0, big)?;
    let start = (p + align - 1) & !(align - 1);
    if start > p {
        sys_unmap(p, start - p);
    }
    let end = start + len;
    if p + big > end {
        sys_unmap(end, p + big - end);
    }
    Some(start)
}

/// Zeroed read-write memory for runtime metadata (Go's `sysAlloc`).
pub fn sys_alloc(len: usize) -> Option<usize> {
    mmap_at(0, len)
}

/// Tells the OS the pages in `[addr, addr+len)` are unused (Go's
/// `sysUnused`): their contents are dropped and read back as zero.
pub fn sys_unused(addr: usize, len: usize) {
    if len == 0 {
        return;
    }
    // SAFETY: the range is part of a mapping this module created (callers
    // pass page-aligned heap ranges that no live object occupies);
    // MADV_DONTNEED on a private anonymous mapping only discards contents.
    let r = unsafe { libc::madvise(addr as *mut libc::c_void, len, libc::MADV_DONTNEED) };
    if r != 0 {
        crate::panic::throw("runtime: madvise(MADV_DONTNEED) failed");
    }
}

fn mmap_at(hint: usize, len: usize) -> Option<usize> {
    // SAFETY: an anonymous private mapping without MAP_FIXED cannot clobber
    // existing mappings; the kernel picks a free range (hint is advisory).
    let p = unsafe {
        libc::mmap(
            hint as *mut libc::c_void,
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED || p.is_null() {
        return None;
    }
    Some(p as usize)
}

fn sys_unmap(addr: usize, len: usize) {
    // SAFETY: only called on ranges of a mapping just created by mmap_at
    // above, before any pointer into them was handed out.
    unsafe {
        libc::munmap(addr as *mut libc::c_void, len);
    }
}
