//! internal/bytealg: byte and string search and comparison. Slices take
//! three slots, strings two; results come first in the window.

use super::{bytes, set, R};
use rgo_runtime::interp::{GState, NativeFn};

// `S` and `B` in the generics below are the slots of the second operand
// and of the byte argument: 4 after a `[]byte` (3-slot header), 3 after a
// string.
pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("internal/bytealg.IndexByte", index_byte::<4>, 5),
    ("internal/bytealg.IndexByteString", index_byte::<3>, 4),
    ("internal/bytealg.LastIndexByte", last_index_byte::<4>, 5),
    (
        "internal/bytealg.LastIndexByteString",
        last_index_byte::<3>,
        4,
    ),
    ("internal/bytealg.Count", count::<4>, 5),
    ("internal/bytealg.CountString", count::<3>, 4),
    ("internal/bytealg.Index", index::<4>, 7),
    ("internal/bytealg.IndexString", index::<3>, 5),
    ("internal/bytealg.LastIndex", last_index::<4>, 7),
    ("internal/bytealg.LastIndexString", last_index::<3>, 5),
    ("internal/bytealg.Compare", compare::<4>, 7),
    ("internal/bytealg.CompareString", compare::<3>, 5),
    ("internal/bytealg.Equal", equal, 7),
];

fn pos(i: Option<usize>) -> u64 {
    i.map_or(-1i64, |i| i as i64) as u64
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

fn rfind(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(h.len());
    }
    h.windows(n.len()).rposition(|w| w == n)
}

fn cmp(a: &[u8], b: &[u8]) -> u64 {
    match a.cmp(b) {
        std::cmp::Ordering::Less => -1i64 as u64,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

// SAFETY (all below): the window has the declared slots (CallNative's
// contract) and the headers in it describe live Go memory.
unsafe fn index_byte<const B: usize>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let c = *w.add(B) as u8;
        set(w, 0, pos(bytes(w, 1).iter().position(|&b| b == c)));
    }
    Ok(())
}
unsafe fn last_index_byte<const B: usize>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as for index_byte.
    unsafe {
        let c = *w.add(B) as u8;
        set(w, 0, pos(bytes(w, 1).iter().rposition(|&b| b == c)));
    }
    Ok(())
}
unsafe fn count<const B: usize>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as for index_byte.
    unsafe {
        let c = *w.add(B) as u8;
        set(w, 0, bytes(w, 1).iter().filter(|&&b| b == c).count() as u64);
    }
    Ok(())
}
unsafe fn index<const S: usize>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as for index_byte.
    unsafe { set(w, 0, pos(find(bytes(w, 1), bytes(w, S)))) };
    Ok(())
}
unsafe fn last_index<const S: usize>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as for index_byte.
    unsafe { set(w, 0, pos(rfind(bytes(w, 1), bytes(w, S)))) };
    Ok(())
}
unsafe fn compare<const S: usize>(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as for index_byte.
    unsafe { set(w, 0, cmp(bytes(w, 1), bytes(w, S))) };
    Ok(())
}
unsafe fn equal(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as for index_byte.
    unsafe { set(w, 0, (bytes(w, 1) == bytes(w, 4)) as u64) };
    Ok(())
}
