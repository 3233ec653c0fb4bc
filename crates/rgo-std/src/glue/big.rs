//! math/big: the word-vector kernels under package big's Go algorithms,
//! as Go has assembly for them. Every kernel works on `[]Word` slices
//! (`Word` is a 64-bit `uint`), given as `{ptr, len, cap}` headers in the
//! window; the result word, when there is one, comes first.
//!
//! The destination may be the very same vector as a source (`z == x`):
//! every kernel reads word `i` of its sources before it writes word `i`
//! of `z`, walking in the direction that keeps that true (upwards, or
//! downwards for `shlVU` and `divWVW`). Elements are accessed through raw
//! pointers one word at a time, so no Rust reference ever covers memory
//! that is also written. Lengths come from the headers; a kernel clips
//! its count to the shortest operand, so a Go caller with a bug gets a
//! wrong value, never an out-of-bounds access.

use super::{fail, set, slot, R};
use rgo_runtime::interp::{GState, NativeFn, PanicValue, RuntimeError};

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("math/big.addVV", add_vv, 10),
    ("math/big.subVV", sub_vv, 10),
    ("math/big.addVW", add_vw, 8),
    ("math/big.subVW", sub_vw, 8),
    ("math/big.shlVU", shl_vu, 8),
    ("math/big.shrVU", shr_vu, 8),
    ("math/big.mulAddVWW", mul_add_vww, 9),
    ("math/big.divWVW", div_wvw, 9),
    ("math/big.mulVV", mul_vv, 9),
    ("math/big.divBasicVV", div_basic_vv, 9),
];

/// A `[]Word` header read from the window: base pointer and length.
#[derive(Clone, Copy)]
struct Vec64 {
    p: *mut u64,
    n: usize,
}

impl Vec64 {
    /// # Safety
    /// Slots `i, i+1` hold a slice header describing live Go memory.
    unsafe fn at(w: *mut u64, i: usize) -> Vec64 {
        // SAFETY: caller's contract.
        unsafe {
            let p = slot(w, i) as *mut u64;
            let n = if p.is_null() {
                0
            } else {
                slot(w, i + 1) as usize
            };
            Vec64 { p, n }
        }
    }

    /// # Safety
    /// `i < self.n`.
    unsafe fn get(self, i: usize) -> u64 {
        // SAFETY: caller's contract; Go only promises word alignment.
        unsafe { self.p.add(i).read_unaligned() }
    }

    /// # Safety
    /// `i < self.n`.
    unsafe fn put(self, i: usize, v: u64) {
        // SAFETY: caller's contract.
        unsafe { self.p.add(i).write_unaligned(v) }
    }
}

/// An add or subtract of words with carry out: `u64::overflowing_add` or
/// `u64::overflowing_sub`.
type CarryOp = fn(u64, u64) -> (u64, bool);

/// z = x op y word by word, the carry (borrow) rippling up; returns the
/// last one. Window [c][z 3][x 3][y 3].
///
/// # Safety
/// The window is as declared.
unsafe fn carry_vv(w: *mut u64, op: CarryOp) {
    // SAFETY: the window is as declared; indices stay below every length.
    unsafe {
        let (z, x, y) = (Vec64::at(w, 1), Vec64::at(w, 4), Vec64::at(w, 7));
        let mut c = 0u64;
        for i in 0..z.n.min(x.n).min(y.n) {
            let (r1, o1) = op(x.get(i), y.get(i));
            let (r2, o2) = op(r1, c);
            z.put(i, r2);
            c = (o1 | o2) as u64;
        }
        set(w, 0, c);
    }
}

/// z = x op y for a single word y, rippling the carry (borrow) through x.
/// Window [c][z 3][x 3][y].
///
/// # Safety
/// The window is as declared.
unsafe fn carry_vw(w: *mut u64, op: CarryOp) {
    // SAFETY: as carry_vv.
    unsafe {
        let (z, x) = (Vec64::at(w, 1), Vec64::at(w, 4));
        let mut c = slot(w, 7);
        for i in 0..z.n.min(x.n) {
            let (r, o) = op(x.get(i), c);
            z.put(i, r);
            c = o as u64;
        }
        set(w, 0, c);
    }
}

/// `addVV(z, x, y []Word) (c Word)`: z = x + y, returns the carry.
unsafe fn add_vv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is addVV's.
    unsafe { carry_vv(w, u64::overflowing_add) };
    Ok(())
}

/// `subVV(z, x, y []Word) (c Word)`: z = x - y, returns the borrow.
unsafe fn sub_vv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is subVV's.
    unsafe { carry_vv(w, u64::overflowing_sub) };
    Ok(())
}

/// `addVW(z, x []Word, y Word) (c Word)`: z = x + y.
unsafe fn add_vw(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is addVW's.
    unsafe { carry_vw(w, u64::overflowing_add) };
    Ok(())
}

/// `subVW(z, x []Word, y Word) (c Word)`: z = x - y.
unsafe fn sub_vw(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is subVW's.
    unsafe { carry_vw(w, u64::overflowing_sub) };
    Ok(())
}

/// `shlVU(z, x []Word, s uint) (c Word)`: z = x << s for s < 64, returns
/// the bits shifted out of the top word. Walks downwards (z may be x).
unsafe fn shl_vu(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as add_vv.
    unsafe {
        let (z, x) = (Vec64::at(w, 1), Vec64::at(w, 4));
        let s = (slot(w, 7) & 63) as u32;
        let n = z.n.min(x.n);
        if n == 0 {
            set(w, 0, 0);
            return Ok(());
        }
        if s == 0 {
            for i in (0..n).rev() {
                z.put(i, x.get(i));
            }
            set(w, 0, 0);
            return Ok(());
        }
        let out = x.get(n - 1) >> (64 - s);
        for i in (1..n).rev() {
            z.put(i, (x.get(i) << s) | (x.get(i - 1) >> (64 - s)));
        }
        z.put(0, x.get(0) << s);
        set(w, 0, out);
    }
    Ok(())
}

/// `shrVU(z, x []Word, s uint) (c Word)`: z = x >> s for s < 64, returns
/// the bits shifted out of the bottom word (in the top bits of c).
unsafe fn shr_vu(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as add_vv.
    unsafe {
        let (z, x) = (Vec64::at(w, 1), Vec64::at(w, 4));
        let s = (slot(w, 7) & 63) as u32;
        let n = z.n.min(x.n);
        if n == 0 {
            set(w, 0, 0);
            return Ok(());
        }
        if s == 0 {
            for i in 0..n {
                z.put(i, x.get(i));
            }
            set(w, 0, 0);
            return Ok(());
        }
        let out = x.get(0) << (64 - s);
        for i in 0..n - 1 {
            z.put(i, (x.get(i) >> s) | (x.get(i + 1) << (64 - s)));
        }
        z.put(n - 1, x.get(n - 1) >> s);
        set(w, 0, out);
    }
    Ok(())
}

/// `mulAddVWW(z, x []Word, y, r Word) (c Word)`: z = x*y + r, returns the
/// high word. Window [c][z 3][x 3][y][r].
unsafe fn mul_add_vww(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as add_vv.
    unsafe {
        let (z, x) = (Vec64::at(w, 1), Vec64::at(w, 4));
        let y = slot(w, 7) as u128;
        let mut c = slot(w, 8);
        for i in 0..z.n.min(x.n) {
            let t = x.get(i) as u128 * y + c as u128;
            z.put(i, t as u64);
            c = (t >> 64) as u64;
        }
        set(w, 0, c);
    }
    Ok(())
}

/// z[0..n] += x[0..n]*y with n the shorter length; the carry out.
///
/// # Safety
/// Both headers describe live Go memory.
unsafe fn add_mul(z: Vec64, x: Vec64, y: u64) -> u64 {
    let y = y as u128;
    let mut c = 0u64;
    for i in 0..z.n.min(x.n) {
        // SAFETY: i is below both lengths. The sum fits in 128 bits:
        // (2^64-1)^2 + 2*(2^64-1) = 2^128 - 1.
        unsafe {
            let t = x.get(i) as u128 * y + z.get(i) as u128 + c as u128;
            z.put(i, t as u64);
            c = (t >> 64) as u64;
        }
    }
    c
}

/// `divWVW(z []Word, xn Word, x []Word, y Word) (r Word)`: z = (xn:x) / y
/// for a word y > xn, returns the remainder. Walks downwards (z may be
/// x). Window [r][z 3][xn][x 3][y].
unsafe fn div_wvw(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as add_vv.
    unsafe {
        let z = Vec64::at(w, 1);
        let x = Vec64::at(w, 5);
        let y = slot(w, 8);
        if y == 0 {
            return Err(PanicValue::Runtime(RuntimeError::divide()));
        }
        let mut r = slot(w, 4);
        if r >= y {
            return Err(fail("math/big: divWVW: high word not below divisor"));
        }
        let y = y as u128;
        for i in (0..z.n.min(x.n)).rev() {
            let t = ((r as u128) << 64) | x.get(i) as u128;
            z.put(i, (t / y) as u64);
            r = (t % y) as u64;
        }
        set(w, 0, r);
    }
    Ok(())
}

/// `mulVV(z, x, y []Word)`: z[0:len(x)+len(y)] = x*y, schoolbook; z must
/// not share memory with x or y (the Go caller guarantees it; were it
/// violated the product would be wrong, not unsafe). Window
/// [z 3][x 3][y 3].
unsafe fn mul_vv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: as add_vv; every index is clipped to z's length.
    unsafe {
        let (z, x, y) = (Vec64::at(w, 0), Vec64::at(w, 3), Vec64::at(w, 6));
        let n = (x.n + y.n).min(z.n);
        for i in 0..n {
            z.put(i, 0);
        }
        for j in 0..y.n {
            if j >= n {
                break;
            }
            let row = Vec64 {
                p: z.p.add(j),
                n: n - j,
            };
            let c = add_mul(row, x, y.get(j));
            if j + x.n < n {
                z.put(j + x.n, c);
            }
        }
    }
    Ok(())
}

/// `divBasicVV(q, u, v []Word)`: schoolbook long division (Knuth, TAOCP
/// vol. 2, 4.3.1, algorithm D) of u by v, both already shifted so that
/// v's top bit is set: len(v) = n >= 2, len(u) = len(q) + n with
/// u's top word below v's. Writes the quotient to q and leaves the
/// remainder in u[:n] (the words above it become zero). q, u and v must
/// not overlap (a violation gives wrong words, never unsafety). Window
/// [q 3][u 3][v 3].
unsafe fn div_basic_vv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window is as declared; every index below is checked
    // against the lengths first.
    unsafe {
        let (q, u, v) = (Vec64::at(w, 0), Vec64::at(w, 3), Vec64::at(w, 6));
        let n = v.n;
        if n < 2 || u.n < n + 1 || q.n + n != u.n || v.get(n - 1) >> 63 == 0 {
            return Err(fail("math/big: divBasicVV: operands not normalized"));
        }
        let (d1, d0) = (v.get(n - 1), v.get(n - 2));
        for j in (0..q.n).rev() {
            let top = u.get(j + n);
            let next = u.get(j + n - 1);
            let mut est = u64::MAX;
            if top < d1 {
                let t = ((top as u128) << 64) | next as u128;
                est = (t / d1 as u128) as u64;
                let mut rest = (t % d1 as u128) as u64;
                let below = u.get(j + n - 2) as u128;
                loop {
                    let prod = est as u128 * d0 as u128;
                    if prod <= ((rest as u128) << 64 | below) {
                        break;
                    }
                    est -= 1;
                    let (r2, o) = rest.overflowing_add(d1);
                    if o {
                        break;
                    }
                    rest = r2;
                }
            }
            // u[j..=j+n] -= est * v
            let row = Vec64 { p: u.p.add(j), n };
            let y = est as u128;
            let mut c = 0u64;
            for i in 0..n {
                let t = v.get(i) as u128 * y + c as u128;
                let (d, o) = row.get(i).overflowing_sub(t as u64);
                row.put(i, d);
                c = (t >> 64) as u64 + o as u64;
            }
            let mut hi = top.wrapping_sub(c);
            // too large an estimate leaves a negative partial remainder
            // (a nonzero top word): add the divisor back
            while hi != 0 {
                est -= 1;
                let mut carry = 0u64;
                for i in 0..n {
                    let (s1, o1) = row.get(i).overflowing_add(v.get(i));
                    let (s2, o2) = s1.overflowing_add(carry);
                    row.put(i, s2);
                    carry = (o1 | o2) as u64;
                }
                hi = hi.wrapping_add(carry);
            }
            u.put(j + n, 0);
            q.put(j, est);
        }
    }
    Ok(())
}
