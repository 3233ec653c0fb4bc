//! Fixed-size record allocator (Go's mfixalloc.go): hands out records of
//! one type (span records) from chunks obtained from the OS, keeping freed
//! records on a free list. Records never move and their memory is never
//! returned, so a raw pointer to a record stays dereferenceable for the
//! whole run, even after the record is freed (it then reads as Dead).
//!
//! Invariants: `inuse` is the bytes of records handed out and not freed;
//! `sys` the bytes of chunks obtained; the owner serializes all calls
//! (the heap lock protects the span allocator).

use std::mem::{align_of, size_of};
use std::ptr;

use crate::mem_linux::sys_alloc;

const CHUNK_BYTES: usize = 64 << 10;

/// A free record reuses its first word as the free-list link.
struct FreeLink {
    next: *mut FreeLink,
}

pub(crate) struct FixAlloc<T> {
    free: *mut FreeLink,
    chunk: usize,
    nchunk: usize,
    pub inuse: usize,
    pub sys: usize,
    _t: std::marker::PhantomData<T>,
}

// SAFETY: the allocator only holds addresses of OS memory it owns; it is
// used under the heap lock, which serializes all access.
unsafe impl<T> Send for FixAlloc<T> {}

impl<T> FixAlloc<T> {
    pub const fn new() -> FixAlloc<T> {
        FixAlloc {
            free: ptr::null_mut(),
            chunk: 0,
            nchunk: 0,
            inuse: 0,
            sys: 0,
            _t: std::marker::PhantomData,
        }
    }

    const fn stride() -> usize {
        let s = if size_of::<T>() < size_of::<FreeLink>() {
            size_of::<FreeLink>()
        } else {
            size_of::<T>()
        };
        (s + 15) & !15
    }

    /// Storage for one `T`, uninitialized (the caller writes a value).
    /// Returns null when the OS has no memory left.
    pub fn alloc(&mut self) -> *mut T {
        const { assert!(align_of::<T>() <= 16) };
        let stride = Self::stride();
        self.inuse += stride;
        if !self.free.is_null() {
            let r = self.free;
            // SAFETY: free-list members are records we freed; their first
            // word holds the link written by `free`.
            self.free = unsafe { (*r).next };
            return r.cast();
        }
        if self.nchunk < stride {
            match sys_alloc(CHUNK_BYTES) {
                Some(c) => {
                    self.chunk = c;
                    self.nchunk = CHUNK_BYTES;
                    self.sys += CHUNK_BYTES;
                }
                None => {
                    self.inuse -= stride;
                    return ptr::null_mut();
                }
            }
        }
        let r = self.chunk as *mut T;
        self.chunk += stride;
        self.nchunk -= stride;
        r
    }

    /// Puts a record back on the free list.
    ///
    /// # Safety
    /// `p` must come from `alloc` of this allocator and not be freed
    /// already; its value is not dropped.
    pub unsafe fn free(&mut self, p: *mut T) {
        self.inuse -= Self::stride();
        let l = p.cast::<FreeLink>();
        // SAFETY: p is a record of at least one word (stride >= 8) that we
        // own again; writing the link there is the free-list protocol.
        unsafe { (*l).next = self.free };
        self.free = l;
    }
}
