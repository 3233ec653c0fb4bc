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

/// Where package variables live: one reservation low in the address
/// space, as Go's data and bss segments sit just above its text (so a
/// program may rely on small addresses for them: Go's test/nilptr.go),
/// handed out by a bump pointer and never freed.
const DATA_HINT: usize = 16 << 20;
const DATA_BYTES: usize = 1 << 30;
static DATA: std::sync::Mutex<(usize, usize)> = std::sync::Mutex::new((0, 0));

/// Zeroed memory for a package variable of `words` words, in the data
/// segment while it has room, else anywhere.
pub fn data_alloc(words: usize) -> Option<usize> {
    let len = words.max(1).checked_mul(8)?;
    let mut d = DATA.lock().unwrap_or_else(|e| e.into_inner());
    if d.0 == 0 {
        d.0 = mmap_at(DATA_HINT, DATA_BYTES).unwrap_or(usize::MAX);
    }
    let (base, used) = *d;
    if base != usize::MAX && len <= DATA_BYTES - used {
        d.1 = used + len;
        return Some(base + used);
    }
    drop(d);
    sys_alloc(len)
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
