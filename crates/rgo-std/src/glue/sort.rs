//! sort: `reflectSwapper` and `reflectLen`, the reflection sort.Slice
//! needs. The swapper is a Go func value whose function is a small thunk
//! the compiler generates (it calls `sort.swapElems` with its closure);
//! the compiler registers the thunk's id with [`set_swap_thunk`] when it
//! binds `sort.reflectSwapper`.

use std::sync::atomic::{AtomicU32, Ordering};

use super::{fail, set, slot, R};
use rgo_runtime::interp::{GState, NativeFn, PanicValue};
use rgo_runtime::malloc::mallocgc;
use rgo_runtime::typedesc::{Kind, SliceType, Type};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("sort.reflectSwapper", reflect_swapper, 3),
    ("sort.reflectLen", reflect_len, 3),
    ("sort.swapElems", swap_elems, 3),
];

/// The swapper's closure: `{thunk, slice data, len, elem size}`; the
/// data word is a pointer.
static SWAPPER_TYPE: rgo_runtime::typedesc::Type = rgo_runtime::typedesc::Type::with_pointers(
    32,
    rgo_runtime::typedesc::Kind::Struct,
    &[0b10],
    "funcval",
);
static SWAP_THUNK: AtomicU32 = AtomicU32::new(u32::MAX);

/// Records the FuncId of the generated swap thunk.
pub fn set_swap_thunk(id: u32) {
    SWAP_THUNK.store(id, Ordering::Relaxed);
}

/// The element type and header of the slice in `x` (an `any`).
///
/// # Safety
/// The words are a live `any`.
unsafe fn slice_of(
    t: *const Type,
    data: u64,
    what: &str,
) -> Result<(*const Type, [u64; 2]), PanicValue> {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        if t.is_null() || (*t).kind() != Kind::Slice {
            let name = if t.is_null() {
                "zero".to_string()
            } else {
                format!("{:?}", (*t).kind()).to_lowercase()
            };
            return Err(fail(format!("reflect: call of {} on {} Value", what, name)));
        }
        let h = data as *const u64;
        Ok(((*(t as *const SliceType)).elem, [*h, *h.add(1)]))
    }
}

/// `reflectSwapper(x any) func(i, j int)`: window `[fv][type][data]`.
///
/// # Safety
/// The window has 3 slots.
unsafe fn reflect_swapper(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let (elem, h) = slice_of(slot(w, 1) as *const Type, slot(w, 2), "Swapper")?;
        let fv = mallocgc(32, &SWAPPER_TYPE, true) as *mut u64;
        *fv = SWAP_THUNK.load(Ordering::Relaxed) as u64;
        *fv.add(1) = h[0];
        *fv.add(2) = h[1];
        *fv.add(3) = (*elem).size as u64;
        set(w, 0, fv as u64);
    }
    Ok(())
}

/// `reflectLen(x any) int`: window `[n][type][data]`.
///
/// # Safety
/// The window has 3 slots.
unsafe fn reflect_len(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let (_, h) = slice_of(slot(w, 1) as *const Type, slot(w, 2), "Len")?;
        set(w, 0, h[1]);
    }
    Ok(())
}

/// `swapElems(ctx, i, j)`: swaps elements i and j of the swapper's slice.
///
/// # Safety
/// Slot 0 is a swapper closure built by `reflect_swapper`.
unsafe fn swap_elems(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let ctx = slot(w, 0) as *const u64;
        let (p, n, es) = (*ctx.add(1), *ctx.add(2), *ctx.add(3) as usize);
        let (i, j) = (slot(w, 1), slot(w, 2));
        if i >= n || j >= n {
            return Err(fail("reflect: slice index out of range"));
        }
        if i != j && es > 0 {
            let a = (p as *mut u8).add(i as usize * es);
            let b = (p as *mut u8).add(j as usize * es);
            std::ptr::swap_nonoverlapping(a, b, es);
        }
    }
    Ok(())
}
