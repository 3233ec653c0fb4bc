//! Go's size classes (runtime/sizeclasses.go, msize.go): the 68 object
//! sizes (class 0 means "large object, own span") that small allocations
//! are rounded up to, how many 8 KiB pages a span of each class has, and
//! the lookups from a request size to its class.
//!
//! Invariants (checked by the tests in this file and tests/sizeclasses.rs):
//! - class sizes strictly increase, are multiples of 8, and end at
//!   [`MAX_SMALL_SIZE`] (32 KiB); class 0 has size 0;
//! - objects per span = npages*8192 / size, and the tail a span wastes is
//!   at most 1/8 of the span;
//! - [`size_to_class`] returns the smallest class whose size is >= the
//!   request, using two small byte tables as Go does (one indexed by
//!   `ceil(size/8)` for sizes <= 1024, one by `ceil((size-1024)/128)` up
//!   to 32 KiB), so the lookup is two loads and no search;
//! - `(off * div_magic(c)) >> 32 == off / size(c)` for every offset inside
//!   a span of class c (object index without a division).
//!
//! The table rows are facts taken from go1.27.3's generated table
//! (size, pages per span, objects per span, tail waste, minimum alignment);
//! the lookup tables are computed from them at compile time.

/// Number of size classes, including class 0 (large objects).
pub const NUM_SIZE_CLASSES: usize = 68;
/// Largest object size served by a size class; larger objects get their own span.
pub const MAX_SMALL_SIZE: usize = 32768;
/// Granularity of the first lookup table.
pub const SMALL_SIZE_DIV: usize = 8;
/// Largest size looked up in the first table.
pub const SMALL_SIZE_MAX: usize = 1024;
/// Granularity of the second lookup table.
pub const LARGE_SIZE_DIV: usize = 128;
/// log2 of the page size.
pub const PAGE_SHIFT: usize = 13;
/// Go's heap page: 8 KiB.
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// Most objects any span holds (class 1: 8192/8).
pub const MAX_OBJS_PER_SPAN: usize = 1024;
/// Tiny allocator block size (objects < 16 B without pointers share blocks).
pub const TINY_SIZE: usize = 16;
/// The size class of a tiny block.
pub const TINY_SIZE_CLASS: usize = 2;
/// Bytes of the malloc header (a `*const Type`) in front of small scan
/// objects larger than [`MIN_SIZE_FOR_MALLOC_HEADER`].
pub const MALLOC_HEADER_SIZE: usize = 8;
/// Scan objects up to this size keep their pointer bitmap at the end of
/// the span (one bit per word); larger ones carry a malloc header.
/// Go: `goarch.PtrSize * goarch.PtrBits` = 512. It is a class boundary.
pub const MIN_SIZE_FOR_MALLOC_HEADER: usize = 8 * 64;

/// One row of the size class table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeClassInfo {
    /// Bytes per object.
    pub size: u16,
    /// Pages (8 KiB) per span.
    pub npages: u8,
    /// Objects per span (for a span without in-span heap bits).
    pub objects: u16,
    /// Bytes left over at the end of a span: span bytes % size.
    pub tail_waste: u16,
    /// Alignment every object of the class is guaranteed to have.
    pub min_align: u16,
}

const fn c(size: u16, npages: u8, objects: u16, tail_waste: u16, min_align: u16) -> SizeClassInfo {
    SizeClassInfo {
        size,
        npages,
        objects,
        tail_waste,
        min_align,
    }
}

/// The size class table of go1.27.3 (`internal/runtime/gc/sizeclasses.go`).
pub const SIZE_CLASSES: [SizeClassInfo; NUM_SIZE_CLASSES] = [
    c(0, 0, 0, 0, 0),
    c(8, 1, 1024, 0, 8),
    c(16, 1, 512, 0, 16),
    c(24, 1, 341, 8, 8),
    c(32, 1, 256, 0, 32),
    c(48, 1, 170, 32, 16),
    c(64, 1, 128, 0, 64),
    c(80, 1, 102, 32, 16),
    c(96, 1, 85, 32, 32),
    c(112, 1, 73, 16, 16),
    c(128, 1, 64, 0, 128),
    c(144, 1, 56, 128, 16),
    c(160, 1, 51, 32, 32),
    c(176, 1, 46, 96, 16),
    c(192, 1, 42, 128, 64),
    c(208, 1, 39, 80, 16),
    c(224, 1, 36, 128, 32),
    c(240, 1, 34, 32, 16),
    c(256, 1, 32, 0, 256),
    c(288, 1, 28, 128, 32),
    c(320, 1, 25, 192, 64),
    c(352, 1, 23, 96, 32),
    c(384, 1, 21, 128, 128),
    c(416, 1, 19, 288, 32),
    c(448, 1, 18, 128, 64),
    c(480, 1, 17, 32, 32),
    c(512, 1, 16, 0, 512),
    c(576, 1, 14, 128, 64),
    c(640, 1, 12, 512, 128),
    c(704, 1, 11, 448, 64),
    c(768, 1, 10, 512, 256),
    c(896, 1, 9, 128, 128),
    c(1024, 1, 8, 0, 1024),
    c(1152, 1, 7, 128, 128),
    c(1280, 1, 6, 512, 256),
    c(1408, 2, 11, 896, 128),
    c(1536, 1, 5, 512, 512),
    c(1792, 2, 9, 256, 256),
    c(2048, 1, 4, 0, 2048),
    c(2304, 2, 7, 256, 256),
    c(2688, 1, 3, 128, 128),
    c(3072, 3, 8, 0, 1024),
    c(3200, 2, 5, 384, 128),
    c(3456, 3, 7, 384, 128),
    c(4096, 1, 2, 0, 4096),
    c(4864, 3, 5, 256, 256),
    c(5376, 2, 3, 256, 256),
    c(6144, 3, 4, 0, 2048),
    c(6528, 4, 5, 128, 128),
    c(6784, 5, 6, 256, 128),
    c(6912, 6, 7, 768, 256),
    c(8192, 1, 1, 0, 8192),
    c(9472, 7, 6, 512, 256),
    c(9728, 6, 5, 512, 512),
    c(10240, 5, 4, 0, 2048),
    c(10880, 4, 3, 128, 128),
    c(12288, 3, 2, 0, 4096),
    c(13568, 5, 3, 256, 256),
    c(14336, 7, 4, 0, 2048),
    c(16384, 2, 1, 0, 8192),
    c(18432, 9, 4, 0, 2048),
    c(19072, 7, 3, 128, 128),
    c(20480, 5, 2, 0, 4096),
    c(21760, 8, 3, 256, 256),
    c(24576, 3, 1, 0, 8192),
    c(27264, 10, 3, 128, 128),
    c(28672, 7, 2, 0, 4096),
    c(32768, 4, 1, 0, 8192),
];

/// Object size of each class (Go: `SizeClassToSize`).
pub const CLASS_TO_SIZE: [u16; NUM_SIZE_CLASSES] = {
    let mut t = [0u16; NUM_SIZE_CLASSES];
    let mut i = 0;
    while i < NUM_SIZE_CLASSES {
        t[i] = SIZE_CLASSES[i].size;
        i += 1;
    }
    t
};

/// Pages per span of each class (Go: `SizeClassToNPages`).
pub const CLASS_TO_NPAGES: [u8; NUM_SIZE_CLASSES] = {
    let mut t = [0u8; NUM_SIZE_CLASSES];
    let mut i = 0;
    while i < NUM_SIZE_CLASSES {
        t[i] = SIZE_CLASSES[i].npages;
        i += 1;
    }
    t
};

/// Magic multiplier turning a byte offset into an object index:
/// `(off * magic) >> 32 == off / size` (Go: `SizeClassToDivMagic`).
pub const CLASS_TO_DIV_MAGIC: [u32; NUM_SIZE_CLASSES] = {
    let mut t = [0u32; NUM_SIZE_CLASSES];
    let mut i = 1;
    while i < NUM_SIZE_CLASSES {
        t[i] = u32::MAX / SIZE_CLASSES[i].size as u32 + 1;
        i += 1;
    }
    t
};

/// Smallest class whose size is >= `size`, by linear search (compile time only).
const fn smallest_class_at_least(size: usize) -> u8 {
    let mut i = 1;
    while i < NUM_SIZE_CLASSES {
        if SIZE_CLASSES[i].size as usize >= size {
            return i as u8;
        }
        i += 1;
    }
    0
}

/// Class for sizes <= 1024, indexed by `ceil(size / 8)` (Go: `SizeToSizeClass8`).
pub const SIZE_TO_CLASS8: [u8; SMALL_SIZE_MAX / SMALL_SIZE_DIV + 1] = {
    let mut t = [0u8; SMALL_SIZE_MAX / SMALL_SIZE_DIV + 1];
    let mut i = 1;
    while i < t.len() {
        t[i] = smallest_class_at_least(i * SMALL_SIZE_DIV);
        i += 1;
    }
    t
};

/// Class for 1024 < size <= 32768, indexed by `ceil((size - 1024) / 128)`
/// (Go: `SizeToSizeClass128`).
pub const SIZE_TO_CLASS128: [u8; (MAX_SMALL_SIZE - SMALL_SIZE_MAX) / LARGE_SIZE_DIV + 1] = {
    let mut t = [0u8; (MAX_SMALL_SIZE - SMALL_SIZE_MAX) / LARGE_SIZE_DIV + 1];
    let mut i = 0;
    while i < t.len() {
        t[i] = smallest_class_at_least(SMALL_SIZE_MAX + i * LARGE_SIZE_DIV);
        i += 1;
    }
    t
};

/// Size class for a small request: the smallest class holding `size` bytes.
/// `size` must be in `1..=MAX_SMALL_SIZE`; 0 and larger sizes give class 0.
#[inline]
pub fn size_to_class(size: usize) -> usize {
    if size <= SMALL_SIZE_MAX {
        SIZE_TO_CLASS8[size.div_ceil(SMALL_SIZE_DIV)] as usize
    } else if size <= MAX_SMALL_SIZE {
        SIZE_TO_CLASS128[(size - SMALL_SIZE_MAX).div_ceil(LARGE_SIZE_DIV)] as usize
    } else {
        0
    }
}

/// Size of the block mallocgc hands out for a request of `size` bytes,
/// minus any inline metadata (Go's `roundupsize`, msize.go). append's
/// capacity growth (growslice) rounds its byte count through this.
///
/// Small scan objects above 512 bytes carry an 8-byte malloc header, so
/// their usable size is one class up minus 8; large objects round up to
/// whole pages. A size so large that rounding would overflow is returned
/// unchanged.
pub fn roundupsize(size: usize, noscan: bool) -> usize {
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        let header = if !noscan && size > MIN_SIZE_FOR_MALLOC_HEADER {
            MALLOC_HEADER_SIZE
        } else {
            0
        };
        let req = size + header;
        return CLASS_TO_SIZE[size_to_class(req)] as usize - header;
    }
    match size.checked_add(PAGE_SIZE - 1) {
        Some(r) => r & !(PAGE_SIZE - 1),
        None => size,
    }
}

/// Bytes in one span of class `class` (class must be 1..68).
#[inline]
pub fn class_span_bytes(class: usize) -> usize {
    CLASS_TO_NPAGES[class] as usize * PAGE_SIZE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_are_consistent() {
        assert_eq!(SIZE_CLASSES[0], c(0, 0, 0, 0, 0));
        for i in 1..NUM_SIZE_CLASSES {
            let r = SIZE_CLASSES[i];
            let span = r.npages as usize * PAGE_SIZE;
            assert!(
                r.size > SIZE_CLASSES[i - 1].size,
                "class {i} not increasing"
            );
            assert_eq!(r.size % 8, 0, "class {i}");
            assert_eq!(
                span / r.size as usize,
                r.objects as usize,
                "objects of class {i}"
            );
            assert_eq!(
                span % r.size as usize,
                r.tail_waste as usize,
                "tail waste of class {i}"
            );
            assert!(
                r.tail_waste as usize <= span / 8,
                "class {i} wastes more than 1/8"
            );
            assert!(r.objects as usize <= MAX_OBJS_PER_SPAN);
            // min_align is the largest power of two dividing the size, capped at the page size.
            let align = (1usize << (r.size as usize).trailing_zeros()).min(PAGE_SIZE);
            assert_eq!(align, r.min_align as usize, "alignment of class {i}");
        }
        assert_eq!(
            SIZE_CLASSES[NUM_SIZE_CLASSES - 1].size as usize,
            MAX_SMALL_SIZE
        );
        assert_eq!(CLASS_TO_SIZE[TINY_SIZE_CLASS] as usize, TINY_SIZE);
        assert!(CLASS_TO_SIZE.contains(&(MIN_SIZE_FOR_MALLOC_HEADER as u16)));
    }

    #[test]
    fn size_to_class_is_smallest_fitting_class() {
        for size in 1..=MAX_SMALL_SIZE {
            let cl = size_to_class(size);
            assert!(CLASS_TO_SIZE[cl] as usize >= size, "size {size}");
            assert!(
                cl == 1 || (CLASS_TO_SIZE[cl - 1] as usize) < size,
                "size {size}"
            );
        }
        assert_eq!(size_to_class(MAX_SMALL_SIZE + 1), 0);
    }

    #[test]
    fn div_magic_divides_every_offset() {
        for cl in 1..NUM_SIZE_CLASSES {
            let size = CLASS_TO_SIZE[cl] as usize;
            for off in (0..class_span_bytes(cl)).step_by(8) {
                let q = (off as u64 * CLASS_TO_DIV_MAGIC[cl] as u64) >> 32;
                assert_eq!(q as usize, off / size, "class {cl} offset {off}");
            }
        }
    }
}
