//! The instruction set of rgo's typed register VM, specified in one place.
//!
//! A function runs in a fixed frame of 8-byte slots on its goroutine's
//! stack; instructions name slots ([`Slot`]) and know the Go type they work
//! on, so the interpreter never inspects a tag. Multi-word values (strings,
//! slices, interfaces, complex, structs, arrays) occupy consecutive slots in
//! their Go memory layout.
//!
//! Frame layout of a function with `R` result slots and `A` argument slots:
//!
//! ```text
//!   fp+0 .. fp+R        results        (written by the callee, read by the caller)
//!   fp+R .. fp+R+A      arguments      (written by the caller)
//!   fp+R+A .. fp+size   locals and temporaries (zeroed on entry)
//! ```
//!
//! A call names the caller's slot `base` where the callee's frame begins
//! (register windows, as in Lua): the caller evaluates arguments straight
//! into `base+R..`, and after the return finds the results in `base..`.
//! Nothing is copied.
//!
//! Encoding: one `Instr` is one enum value of at most 16 bytes (pinned
//! below). Jump offsets are relative to the instruction after the jump.
//! Every instruction that can jump backwards is a safepoint: it checks the
//! goroutine's preemption flag. So is every function entry.
//!
//! Notation below: `R[a]` is slot `a` as int64, `U[a]` as uint64, `F[a]` as
//! float64; `pc` is the index of the next instruction.

/// A frame slot index. The verifier checks every operand is below the
/// frame size, which is what lets the interpreter skip bounds checks.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[repr(transparent)]
pub struct Slot(pub u16);

impl Slot {
    #[inline(always)]
    pub fn idx(self) -> usize {
        self.0 as usize
    }
}

/// Index of a function in the program's function table.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[repr(transparent)]
pub struct FuncId(pub u32);

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Instr {
    /// no operation
    Nop,

    // --- moves and constants -------------------------------------------
    /// `R[dst] := R[src]` (one word)
    Mov { dst: Slot, src: Slot },
    /// `R[dst..dst+n] := R[src..src+n]` (non-overlapping or dst < src)
    MovN { dst: Slot, src: Slot, n: u16 },
    /// `R[dst] := imm` (sign-extended)
    LoadImm { dst: Slot, imm: i32 },
    /// `R[dst] := consts[idx]`: a 64-bit constant from the function's pool
    LoadConst { dst: Slot, idx: u32 },

    // --- int64 / uint64 arithmetic (two's complement wrap-around) ------
    /// `R[dst] := R[a] + R[b]`
    AddI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] - R[b]`
    SubI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] * R[b]`
    MulI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] / R[b]`; panics "integer divide by zero"; MinInt64/-1 = MinInt64
    DivI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] % R[b]`; panics on zero; MinInt64 % -1 = 0
    RemI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] & R[b]`
    AndI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] | R[b]`
    OrI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] ^ R[b]`
    XorI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] + imm`
    AddImmI64 { dst: Slot, a: Slot, imm: i32 },
    /// `R[dst] := -R[a]`
    NegI64 { dst: Slot, a: Slot },

    // --- float64 --------------------------------------------------------
    /// `F[dst] := F[a] + F[b]`
    AddF64 { dst: Slot, a: Slot, b: Slot },
    /// `F[dst] := F[a] - F[b]`
    SubF64 { dst: Slot, a: Slot, b: Slot },
    /// `F[dst] := F[a] * F[b]`
    MulF64 { dst: Slot, a: Slot, b: Slot },
    /// `F[dst] := F[a] / F[b]` (IEEE: no panic)
    DivF64 { dst: Slot, a: Slot, b: Slot },

    // --- comparisons producing a bool (0 or 1) ---------------------------
    /// `R[dst] := R[a] == R[b]`
    EqI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] < R[b]` (signed)
    LtI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := R[a] <= R[b]` (signed)
    LeI64 { dst: Slot, a: Slot, b: Slot },
    /// `R[dst] := U[a] < U[b]`
    LtU64 { dst: Slot, a: Slot, b: Slot },

    // --- control flow ---------------------------------------------------
    /// `pc += off`; a safepoint when `off < 0`
    Jmp { off: i32 },
    /// `if R[cond] != 0 { pc += off }`
    JmpIf { cond: Slot, off: i32 },
    /// `if R[cond] == 0 { pc += off }`
    JmpIfNot { cond: Slot, off: i32 },
    /// `if R[a] < R[b] { pc += off }` (fused compare-and-branch)
    JmpLtI64 { a: Slot, b: Slot, off: i32 },
    /// `if R[a] >= R[b] { pc += off }`
    JmpGeI64 { a: Slot, b: Slot, off: i32 },
    /// `if R[a] < imm { pc += off }`
    JmpLtImmI64 { a: Slot, imm: i16, off: i32 },
    /// `if R[a] >= imm { pc += off }`
    JmpGeImmI64 { a: Slot, imm: i16, off: i32 },
    /// `R[i] += 1; if R[i] < R[n] { pc += off }`: the back edge of a
    /// counted loop; a safepoint.
    IncJmpLtI64 { i: Slot, n: Slot, off: i32 },

    // --- calls ----------------------------------------------------------
    /// Call function `func` with its frame starting at this frame's `base`.
    Call { func: FuncId, base: Slot },
    /// Return to the caller (results are already in slots `0..R`).
    Ret,
}

const _: () = assert!(std::mem::size_of::<Instr>() <= 16);
