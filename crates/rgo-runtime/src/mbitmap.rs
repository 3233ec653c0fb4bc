//! Where the pointers of a heap object are (Go's mbitmap.go), so the GC
//! can scan precisely. Three layouts, chosen by object size as Go does:
//!
//! 1. small scan objects up to 512 bytes: a bitmap at the end of the span,
//!    one bit per 8-byte word of the span (`span bytes / 64` bytes,
//!    reserved when the span is created); `mallocgc` writes the object's
//!    bits when it hands the slot out;
//! 2. small scan objects above 512 bytes: an 8-byte malloc header, the
//!    first word of the slot, holding the `*const Type`; the object starts
//!    after it;
//! 3. large scan objects: the span's `large_type`.
//!
//! Invariant: for an allocated scan object whose type is `T` and whose
//! data is `n * T.size` bytes (an array of `n` T, as `make([]T, n)`
//! allocates), the words reported as pointers are exactly the pointer
//! words of `T` repeated every `T.size` bytes. Noscan objects have none.

use crate::mheap::heap_bits_in_span;
use crate::mspan::MSpan;
use crate::sizeclasses::MALLOC_HEADER_SIZE;
use crate::typedesc::Type;

/// Address of the span's in-span pointer bitmap (layout 1).
fn heap_bits_base(span: &MSpan) -> *mut u64 {
    let nbytes = span.npages * crate::sizeclasses::PAGE_SIZE;
    (span.start_addr + nbytes - nbytes / 64) as *mut u64
}

/// Pointer mask for the words `0..words` (at most 64) of an object whose
/// first `data_size` bytes are an array of `typ`.
fn object_mask(typ: &Type, data_size: usize, words: usize) -> u64 {
    if typ.size == 0 || typ.ptrdata == 0 {
        return 0;
    }
    // One element's mask, read from gcdata a byte at a time (its pointer
    // words fit 64 bits: the object does), then repeated every element.
    let pw = (typ.ptrdata / 8).min(64);
    let mut elem = 0u64;
    for b in 0..pw.div_ceil(8) {
        // SAFETY: gcdata covers ptrdata/8 words (typedesc.rs), that is
        // ceil(ptrdata/64) bytes, and b < ceil(pw/8) <= that.
        elem |= (unsafe { *typ.gcdata.add(b) } as u64) << (8 * b);
    }
    if pw < 64 {
        elem &= (1u64 << pw) - 1;
    }
    let ew = (typ.size / 8).max(1);
    let limit = (data_size / 8).min(words).min(64);
    let mut mask = 0u64;
    let mut k = 0;
    while k < limit {
        mask |= elem << k;
        k += ew;
    }
    if limit < 64 {
        mask &= (1u64 << limit) - 1;
    }
    mask
}

/// Records the pointer words of a new small object at slot `x` in a span
/// with in-span heap bits (Go's `heapSetTypeNoHeader`).
///
/// # Safety
/// `span` must be owned by the calling MCache, have heap bits in span,
/// and `x` be the start of one of its slots.
pub(crate) unsafe fn heap_set_type_no_header(span: &MSpan, x: usize, data_size: usize, typ: &Type) {
    let words = span.elemsize / 8;
    let mask = object_mask(typ, data_size, words);
    let w0 = (x - span.start_addr) / 8;
    let bits = heap_bits_base(span);
    let (wi, shift) = (w0 / 64, w0 % 64);
    let span_mask = if words == 64 {
        u64::MAX
    } else {
        (1u64 << words) - 1
    };
    // SAFETY: the bitmap has one bit per word of the span and lies in the
    // span's reserved tail; word w0+words-1 is inside the span, so both
    // touched u64s are inside the bitmap. The owner is the only writer.
    unsafe {
        let lo = bits.add(wi);
        *lo = (*lo & !(span_mask << shift)) | (mask << shift);
        if shift + words > 64 {
            let hi = bits.add(wi + 1);
            let rest = 64 - shift;
            *hi = (*hi & !(span_mask >> rest)) | (mask >> rest);
        }
    }
}

/// Calls `f` with the address of every pointer word of the object whose
/// slot starts at `base` (as returned by [`crate::mheap::find_object`]).
///
/// # Safety
/// `base` must be an allocated slot of `span`, an in-use span whose
/// objects were all initialized by `mallocgc`.
pub unsafe fn for_each_pointer(base: usize, span: &MSpan, mut f: impl FnMut(usize)) {
    if span.spanclass.noscan() {
        return;
    }
    if heap_bits_in_span(span.spanclass) {
        let w0 = (base - span.start_addr) / 8;
        let bits = heap_bits_base(span);
        for i in 0..span.elemsize / 8 {
            let w = w0 + i;
            // SAFETY: w is a word of the span, so its bit is in the bitmap.
            if unsafe { *bits.add(w / 64) } & (1 << (w % 64)) != 0 {
                f(base + i * 8);
            }
        }
        return;
    }
    let (typ, data, len) = if span.spanclass.sizeclass() != 0 {
        // SAFETY: small scan slots above 512 bytes begin with their header.
        let t = unsafe { *(base as *const *const Type) };
        (
            t,
            base + MALLOC_HEADER_SIZE,
            span.elemsize - MALLOC_HEADER_SIZE,
        )
    } else {
        (span.large_type, base, span.elemsize)
    };
    if typ.is_null() {
        return;
    }
    // SAFETY: headers and large_type hold valid descriptors (set by mallocgc).
    let typ = unsafe { &*typ };
    if typ.size == 0 {
        return;
    }
    for e in 0..len / typ.size {
        for w in 0..typ.ptrdata / 8 {
            if typ.is_pointer_word(w) {
                f(data + e * typ.size + w * 8);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typedesc::Kind;

    /// The definition: word `i` is a pointer iff it lies in the data and
    /// its offset within its element is a pointer word of the type.
    fn mask_by_word(typ: &Type, data_size: usize, words: usize) -> u64 {
        let mut mask = 0u64;
        for i in 0..words.min(64) {
            let off = i * 8;
            if off < data_size && typ.size != 0 && typ.is_pointer_word((off % typ.size) / 8) {
                mask |= 1 << i;
            }
        }
        mask
    }

    #[test]
    fn object_masks_repeat_the_element_mask() {
        static G1: [u8; 1] = [0b1];
        static G2: [u8; 1] = [0b101];
        static G3: [u8; 2] = [0b1000_0001, 0b1];
        static G4: [u8; 8] = [0xff, 0, 0x10, 0, 0, 0, 0, 0x80];
        static G5: [u8; 1] = [0b10];
        let types = [
            Type::with_pointers(8, Kind::Pointer, &G1, "p"),
            Type::with_pointers(24, Kind::Struct, &G2, "s3"),
            Type::with_pointers(32, Kind::Struct, &G2, "s4"),
            Type::with_pointers(80, Kind::Struct, &G3, "s10"),
            Type::with_pointers(512, Kind::Array, &G4, "a64"),
            Type::with_pointers(16, Kind::Interface, &G5, "i"),
        ];
        for t in &types {
            for n in 1..=64 / (t.size / 8).max(1) {
                let data = n * t.size;
                for words in [data / 8, data.div_ceil(64) * 8, 64] {
                    if words < data / 8 || words > 64 {
                        continue;
                    }
                    assert_eq!(
                        object_mask(t, data, words),
                        mask_by_word(t, data, words),
                        "{} x{} in {} words",
                        t.size,
                        n,
                        words
                    );
                }
            }
        }
    }
}
