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
//!   fp+0 .. fp+R        results        (pointer slots zeroed on entry; written by
//!                                       the callee, read by the caller)
//!   fp+R .. fp+R+A      arguments      (written by the caller)
//!   fp+R+A .. fp+size   locals and temporaries (pointer slots zeroed on entry)
//! ```
//!
//! A call names the caller's slot `base` where the callee's frame begins
//! (register windows, as in Lua): the caller evaluates arguments straight
//! into `base+R..`, and after the return finds the results in `base..`.
//! Nothing is copied. The interpreter zeroes the callee's pointer slots
//! (by its pointer map) among the results and after the arguments on
//! entry, so the GC finds nil or a live pointer there, never a stale one
//! of an earlier frame; every other slot is written by the compiled
//! code before it is read (variables are initialized explicitly, as each
//! loop iteration must re-zero them anyway). Result slots are the
//! callee's to write (the compiler zeroes named results, and all results
//! of a function with defers, in its prologue).
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

/// Width and signedness of a memory or frame-byte access, and of the
/// normalization [`Instr::Ext`] (scalars in slots are kept sign- or
/// zero-extended to 64 bits).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[repr(u8)]
pub enum MemKind {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    W64,
}

impl MemKind {
    pub fn size(self) -> u32 {
        match self {
            MemKind::I8 | MemKind::U8 => 1,
            MemKind::I16 | MemKind::U16 => 2,
            MemKind::I32 | MemKind::U32 => 4,
            MemKind::W64 => 8,
        }
    }
}

/// The read-modify-write operation of [`Instr::AtomicRmw`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[repr(u8)]
pub enum AtomicOp {
    Swap,
    Add,
    And,
    Or,
}

/// Numeric conversions done by [`Instr::Conv`] (Go's conversion rules:
/// float→int truncates toward zero; out-of-range results are what amd64
/// produces).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[repr(u8)]
pub enum ConvOp {
    I64ToF64,
    U64ToF64,
    F64ToI64,
    F64ToU64,
    I64ToF32,
    U64ToF32,
    F32ToI64,
    F32ToU64,
    F32ToF64,
    F64ToF32,
}

/// What [`Instr::Print`] prints (the builtins print/println).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[repr(u8)]
pub enum PrintKind {
    Int,
    Uint,
    F64,
    F32,
    Bool,
    /// two slots {ptr, len}
    Str,
    /// a pointer, map, chan, func or unsafe.Pointer: `0x...`
    Ptr,
    /// two slots: `(0x..,0x..)`
    Iface,
    /// three slots: `[len/cap]0x...`
    Slice,
    /// two slots (re, im) of complex128: `(1+2i)`
    C128,
    /// one slot holding a complex64 (re in the low half): `(1+2i)`,
    /// each part in float32's shortest form
    C64,
    /// a space between println operands
    Space,
    /// the final newline of println; flushes
    Newline,
    /// flush without newline (end of print)
    Flush,
}

/// Comparison of two strings by [`Instr::CmpStr`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[repr(u8)]
pub enum StrCmp {
    Eq,
    Ne,
    Lt,
    Le,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Instr {
    /// no operation
    Nop,

    // --- moves and constants -------------------------------------------
    /// `R[dst] := R[src]` (one word)
    Mov {
        dst: Slot,
        src: Slot,
    },
    /// `R[dst..dst+n] := R[src..src+n]` (memmove semantics)
    MovN {
        dst: Slot,
        src: Slot,
        n: u16,
    },
    /// `R[dst..dst+n] := 0`
    ZeroN {
        dst: Slot,
        n: u16,
    },
    /// `R[dst] := imm` (sign-extended)
    LoadImm {
        dst: Slot,
        imm: i32,
    },
    /// `R[dst] := consts[idx]`: a 64-bit constant from the function's pool
    LoadConst {
        dst: Slot,
        idx: u32,
    },

    // --- int64 / uint64 arithmetic (two's complement wrap-around) ------
    /// `R[dst] := R[a] + R[b]`
    AddI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] - R[b]`
    SubI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] * R[b]`
    MulI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] / R[b]`; panics "integer divide by zero"; MinInt64/-1 = MinInt64
    DivI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] % R[b]`; panics on zero; MinInt64 % -1 = 0
    RemI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `U[dst] := U[a] / U[b]`; panics on zero
    DivU64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `U[dst] := U[a] % U[b]`; panics on zero
    RemU64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] & R[b]`
    AndI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] | R[b]`
    OrI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] ^ R[b]`
    XorI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] &^ R[b]`
    AndNotI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] << U[b]` (0 when `U[b] >= 64`)
    Shl {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := R[a] >> U[b]` arithmetic (sign fill when `U[b] >= 64`)
    ShrI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `U[dst] := U[a] >> U[b]` (0 when `U[b] >= 64`)
    ShrU64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// panics "negative shift amount" when `R[a] < 0`
    ShiftCheck {
        a: Slot,
    },
    /// `R[dst] := R[a] + imm`
    AddImmI64 {
        dst: Slot,
        a: Slot,
        imm: i32,
    },
    /// `R[dst] := -R[a]`
    NegI64 {
        dst: Slot,
        a: Slot,
    },
    /// `R[dst] := ^R[a]`
    ComI64 {
        dst: Slot,
        a: Slot,
    },
    /// `R[dst] := R[a] ^ 1` (boolean not)
    Not {
        dst: Slot,
        a: Slot,
    },
    /// `R[dst] := R[src]` truncated to `kind` and sign/zero-extended back
    Ext {
        dst: Slot,
        src: Slot,
        kind: MemKind,
    },

    // --- floats (float32 lives in a slot as its f32 bits) ---------------
    AddF64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    SubF64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    MulF64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// IEEE: no panic
    DivF64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    NegF64 {
        dst: Slot,
        a: Slot,
    },
    AddF32 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    SubF32 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    MulF32 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    DivF32 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    NegF32 {
        dst: Slot,
        a: Slot,
    },
    /// `R[dst] := convert(R[src])`
    Conv {
        dst: Slot,
        src: Slot,
        op: ConvOp,
    },

    // --- comparisons producing a bool (0 or 1) ---------------------------
    EqI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    NeI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// signed
    LtI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    LeI64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    LtU64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    LeU64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    EqF64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    NeF64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    LtF64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    LeF64 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    EqF32 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    NeF32 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    LtF32 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    LeF32 {
        dst: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[dst] := S[a] op S[b]` for strings in slots `a, a+1` and `b, b+1`
    CmpStr {
        dst: Slot,
        a: Slot,
        b: Slot,
        op: StrCmp,
    },
    /// `R[dst] := mem(R[a], size) == mem(R[b], size)` by the type
    /// descriptor `consts[typ]`'s equality (panics on uncomparable
    /// interface contents)
    EqMem {
        dst: Slot,
        a: Slot,
        b: Slot,
        typ: u32,
    },

    // --- control flow ---------------------------------------------------
    /// `pc += off`; a safepoint when `off < 0`
    Jmp {
        off: i32,
    },
    /// `if R[cond] != 0 { pc += off }`
    JmpIf {
        cond: Slot,
        off: i32,
    },
    /// `if R[cond] == 0 { pc += off }`
    JmpIfNot {
        cond: Slot,
        off: i32,
    },
    /// `if R[a] < R[b] { pc += off }` (fused compare-and-branch; like every
    /// conditional jump, a safepoint when taken backwards)
    JmpLtI64 {
        a: Slot,
        b: Slot,
        off: i32,
    },
    /// `if R[a] >= R[b] { pc += off }`
    JmpGeI64 {
        a: Slot,
        b: Slot,
        off: i32,
    },
    /// `if R[a] == R[b] { pc += off }`
    JmpEqI64 {
        a: Slot,
        b: Slot,
        off: i32,
    },
    /// `if R[a] != R[b] { pc += off }`
    JmpNeI64 {
        a: Slot,
        b: Slot,
        off: i32,
    },
    /// `if R[a] < imm { pc += off }`
    JmpLtImmI64 {
        a: Slot,
        imm: i16,
        off: i32,
    },
    /// `if R[a] >= imm { pc += off }`
    JmpGeImmI64 {
        a: Slot,
        imm: i16,
        off: i32,
    },
    /// `if R[a] <= R[b] { pc += off }`
    JmpLeI64 {
        a: Slot,
        b: Slot,
        off: i32,
    },
    /// `if R[a] > R[b] { pc += off }`
    JmpGtI64 {
        a: Slot,
        b: Slot,
        off: i32,
    },
    /// `R[i] += imm; if R[i] < R[n] { pc += off }` (counted loop back edge)
    AddJmpLtI64 {
        i: Slot,
        n: Slot,
        imm: i16,
        off: i32,
    },
    /// `R[i] += imm; if R[i] <= R[n] { pc += off }`
    AddJmpLeI64 {
        i: Slot,
        n: Slot,
        imm: i16,
        off: i32,
    },
    /// `R[i] += R[step]; if R[i] < R[n] { pc += off }`
    AddRJmpLtI64 {
        i: Slot,
        step: Slot,
        n: Slot,
        off: i32,
    },
    /// `R[i] += R[step]; if R[i] <= R[n] { pc += off }`
    AddRJmpLeI64 {
        i: Slot,
        step: Slot,
        n: Slot,
        off: i32,
    },
    /// `R[i] += 1; if R[i] < R[n] { pc += off }`: the back edge of a
    /// counted loop; a safepoint.
    IncJmpLtI64 {
        i: Slot,
        n: Slot,
        off: i32,
    },

    // --- memory (pointer in a slot; null panics as a nil dereference) ----
    /// `R[dst] := *(kind*)(R[p] + off)`, extended to 64 bits
    Load {
        dst: Slot,
        p: Slot,
        kind: MemKind,
        off: u32,
    },
    /// `*(kind*)(R[p] + off) := R[src]`
    Store {
        p: Slot,
        src: Slot,
        kind: MemKind,
        off: u32,
    },
    /// `R[dst..dst+n] := words at R[p] + off`
    LoadN {
        dst: Slot,
        p: Slot,
        n: u16,
        off: u32,
    },
    /// `words at R[p] + off := R[src..src+n]`
    StoreN {
        p: Slot,
        src: Slot,
        n: u16,
        off: u32,
    },
    /// `R[dst] := *(kind*)(frame bytes + off)`: a sub-word field of a
    /// frame-resident struct
    FLoad {
        dst: Slot,
        kind: MemKind,
        off: u32,
    },
    /// `*(kind*)(frame bytes + off) := R[src]`
    FStore {
        src: Slot,
        kind: MemKind,
        off: u32,
    },
    /// copy `size` bytes from `R[src]` to `R[dst]` (both non-nil checked)
    MemMove {
        dst: Slot,
        src: Slot,
        size: u32,
    },
    /// copy `size` bytes from memory at `R[p]` into the frame at slot `dst`
    /// (a value smaller than its slots: the tail of the last slot is zeroed)
    LoadBytes {
        dst: Slot,
        p: Slot,
        size: u32,
    },
    /// copy `size` bytes from the frame at slot `src` to memory at `R[p]`
    StoreBytes {
        p: Slot,
        src: Slot,
        size: u32,
    },
    /// zero `size` bytes at `R[p]`
    MemZero {
        p: Slot,
        size: u32,
    },
    /// panics "nil pointer dereference" when `R[p]` is null
    NilCheck {
        p: Slot,
    },

    // --- sync/atomic (gc's intrinsics; sequentially consistent) ---------
    // `kind` is I32, U32 or W64; the address R[p] must be non-nil (else a
    // nil dereference panic) and aligned (else "unaligned 64-bit atomic
    // operation"); results are extended to 64 bits as `kind` says.
    /// `R[dst] := atomic load of *(kind*)R[p]`
    AtomicLoad {
        dst: Slot,
        p: Slot,
        kind: MemKind,
    },
    /// `atomic store *(kind*)R[p] := R[src]`
    AtomicStore {
        p: Slot,
        src: Slot,
        kind: MemKind,
    },
    /// atomically `old := *p; *p := old op R[src]`; `R[dst] :=` the new
    /// value for Add, `old` for Swap, And and Or (as sync/atomic returns)
    AtomicRmw {
        dst: Slot,
        p: Slot,
        src: Slot,
        kind: MemKind,
        op: AtomicOp,
    },
    /// atomically `if *p == R[old] { *p := R[new]; R[dst] := 1 } else { R[dst] := 0 }`
    AtomicCas {
        dst: Slot,
        p: Slot,
        old: Slot,
        new: Slot,
        kind: MemKind,
    },
    /// `R[dst] := R[p] + R[i] * size` (address of an element)
    IndexAddr {
        dst: Slot,
        p: Slot,
        i: Slot,
        size: u32,
    },
    /// `R[dst] := *(R[p] + R[i] * size)` of `kind`: `IndexAddr` and
    /// `Load` at offset 0 in one (the element loads of `range` loops,
    /// whose index needs no bounds check). A zero address faults as
    /// `Load` does.
    LoadIdx {
        dst: Slot,
        p: Slot,
        i: Slot,
        kind: MemKind,
        size: u32,
    },
    /// panics "index out of range [R[i]] with length R[len]" unless
    /// `0 <= R[i] < R[len]` (unsigned compare)
    BoundsCheck {
        i: Slot,
        len: Slot,
    },
    /// `R[dst] := elem(R[s], R[i])`: bounds-checked load of a scalar element
    /// of the slice (or string) header at `s` (`s+1` is its length);
    /// the element size is `kind.size()`.
    LoadElem {
        dst: Slot,
        s: Slot,
        i: Slot,
        kind: MemKind,
    },
    /// `elem(R[s], R[i]) := R[src]`: bounds-checked store of a scalar
    /// element of the slice header at `s`.
    StoreElem {
        s: Slot,
        i: Slot,
        src: Slot,
        kind: MemKind,
    },
    /// `R[dst] := R[a] + imm` on addresses (no overflow semantics needed)
    AddPtrImm {
        dst: Slot,
        a: Slot,
        imm: u32,
    },
    /// `R[dst] := mallocgc(desc.size, desc, true)` with `desc = consts[typ]`
    New {
        dst: Slot,
        typ: u32,
    },
    /// `R[dst] := &frame[obj]` after zeroing `R[obj..obj+n]`: a `New` that
    /// escape analysis proved never outlives the frame nor an iteration
    /// of a loop around it (rgo-compile's stackobj.rs), allocated in the
    /// frame as a *stack object*. Its slots lie below every call window,
    /// no instruction names them but this one, and they are live at every
    /// pc (the collector scans their pointer words; stack growth adjusts
    /// every pointer into the stack, stack.rs).
    NewStack {
        dst: Slot,
        obj: Slot,
        n: u16,
    },
    /// `R[dst] := 0`: a stack buffer of type `consts[typ]` that escape
    /// analysis could not keep on the stack (Go's stack backing stores:
    /// for an `append`'s first growth, taken at most `once` per call, or
    /// for a small `make` of variable size; rgo-compile's call.rs). The
    /// code falls back to the heap then. A `NewBuf` the analysis keeps
    /// becomes a `NewStackOnce` (`once`) or a `NewStack`.
    NewBuf {
        dst: Slot,
        typ: u32,
        once: bool,
    },
    /// The first time in a frame: zero `R[obj..obj+n]`, set the flag
    /// `R[obj+n]` (zeroed on frame entry) and `R[dst] := &frame[obj]`;
    /// later, `R[dst] := 0`. A stack object used at most once per call.
    NewStackOnce {
        dst: Slot,
        obj: Slot,
        n: u16,
    },

    // --- print ------------------------------------------------------------
    /// print the value in slot `a` (see [`PrintKind`])
    Print {
        a: Slot,
        kind: PrintKind,
    },

    // --- calls ----------------------------------------------------------
    /// Call function `func` with its frame starting at this frame's `base`.
    Call {
        func: FuncId,
        base: Slot,
    },
    /// Call the func value (a `*funcval`) in `R[fv]`; the callee reads it
    /// with `GetClosure`. Nil panics. `n` is the window's width and `res`
    /// its result slots (the first), for the collector's liveness analysis.
    CallClosure {
        fv: Slot,
        base: Slot,
        n: u16,
        res: u16,
    },
    /// Call the function whose [`FuncId`] is in `R[f]` (interface methods);
    /// `n` and `res` as for `CallClosure`.
    CallIndirect {
        f: Slot,
        base: Slot,
        n: u16,
        res: u16,
    },
    /// Call Rust native `id` of the program's native table; it reads its
    /// arguments and writes its results in the `n`-slot window at `base`
    /// (`n` at least the native's declared window; more for natives that
    /// take a value of variable size, such as a map key, at the end).
    CallNative {
        id: u16,
        n: u16,
        base: Slot,
    },
    /// `R[dst] := the closure pointer this function was called with`
    GetClosure {
        dst: Slot,
    },
    /// Return to the caller (results are already in slots `0..R`).
    Ret,

    // --- maps (gc's map_fast32.go, map_fast64.go, map_faststr.go) --------
    // For a map whose key is a pointer-free 4- or 8-byte value compared as
    // memory, or a string, and whose element is stored inline: the lookup
    // runs in the loop instead of through a native. `typ` is the constant
    // holding the `map[K]V` descriptor; `m` holds the map (nil allowed);
    // the key is `U[key]` (its low 4 bytes for `32`) or the string in
    // `key, key+1`.
    /// `v, ok := m[key]` (and `m[key]`): `R[dst]` := address of the
    /// element, or of a zero value when absent; `R[dst+1]` := ok.
    MapAccess32 {
        dst: Slot,
        m: Slot,
        key: Slot,
        typ: u32,
    },
    MapAccess64 {
        dst: Slot,
        m: Slot,
        key: Slot,
        typ: u32,
    },
    MapAccessStr {
        dst: Slot,
        m: Slot,
        key: Slot,
        typ: u32,
    },
    /// `m[key] = ...`: `R[dst]` := address of the element for `key`,
    /// inserted (zero) if absent; the code stores the value there. A nil
    /// map panics.
    MapAssign32 {
        dst: Slot,
        m: Slot,
        key: Slot,
        typ: u32,
    },
    MapAssign64 {
        dst: Slot,
        m: Slot,
        key: Slot,
        typ: u32,
    },
    MapAssignStr {
        dst: Slot,
        m: Slot,
        key: Slot,
        typ: u32,
    },

    // --- defer, panic, recover --------------------------------------------
    /// Push a `_defer` record calling the func value `R[fv]` on this frame.
    Defer {
        fv: Slot,
    },
    /// Run (LIFO) the defers this frame pushed, then continue.
    DeferReturn,
    /// Start panicking with the `interface{}` in slots `v, v+1`.
    Panic {
        v: Slot,
    },
    /// `R[dst..dst+2] := recover()`
    Recover {
        dst: Slot,
    },

    // --- superinstructions and intrinsics ---------------------------------
    /// Interface method call: with the interface `{itab, data}` in slots
    /// `iface, iface+1`, calls method `m` of the itab (`{inter, type, hash,
    /// fun[]}`: the FuncId at byte `24 + 8*m`) with its frame at `base`,
    /// the data word as receiver in slot `base + recv` (the first
    /// argument, after `recv` result slots). A nil itab panics as a nil
    /// dereference, as `Load` from it would.
    CallIface {
        iface: Slot,
        m: u16,
        base: Slot,
        recv: u16,
        /// Slots of the arguments after the receiver.
        args: u16,
    },
    /// `R[dst..dst+n] := words at closure + off`: a captured variable (or
    /// its cell pointer) read from the func value this function was called
    /// with (`GetClosure` + `LoadN` in one).
    LoadCtx {
        dst: Slot,
        n: u16,
        off: u32,
    },
    /// `F[dst] := sqrt(F[a])` (math.Sqrt, an intrinsic as in gc)
    SqrtF64 {
        dst: Slot,
        a: Slot,
    },
    /// `R[dst] := R[a] / d` for a constant `d` (`|d| >= 2`) by a multiply
    /// with a magic number, as gc divides by constants: `consts[k]` is
    /// the magic `M`, `consts[k+1]` the shift, `consts[k+2]` is `d` (see
    /// [`div_magic`]).
    DivConstI64 {
        dst: Slot,
        a: Slot,
        k: u32,
    },
    /// `R[dst] := R[a] % d`, constants as for `DivConstI64`.
    RemConstI64 {
        dst: Slot,
        a: Slot,
        k: u32,
    },
    /// `R[t] := R[a] * R[b]; R[d] := R[c] + R[t]` (wrapping): a multiply
    /// feeding an add, as in `i*n + j` or `h = h*31 + c`, in one dispatch.
    /// Both writes happen, in this order, so the pair's meaning is kept
    /// whatever else reads `t`.
    MulAddI64 {
        t: Slot,
        a: Slot,
        b: Slot,
        d: Slot,
        c: Slot,
    },
    /// `F[t] := F[a] * F[b]; F[d] := F[c] + F[t]`: two roundings, exactly
    /// as the two instructions (Go does not fuse these into an FMA).
    MulAddF64 {
        t: Slot,
        a: Slot,
        b: Slot,
        d: Slot,
        c: Slot,
    },
    /// `R[d] := R[c] + (U[a] ^ U[b])` (wrapping): a bitwise operation
    /// feeding an add, as in `s += a ^ b`, in one dispatch. Unlike
    /// `MulAddI64` it keeps no temporary: the compiler fuses only when
    /// nothing else reads it.
    XorAddI64 {
        d: Slot,
        c: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[d] := R[c] + (U[a] & U[b])`, as `XorAddI64`.
    AndAddI64 {
        d: Slot,
        c: Slot,
        a: Slot,
        b: Slot,
    },
    /// `R[d] := R[c] + (U[a] | U[b])`, as `XorAddI64`.
    OrAddI64 {
        d: Slot,
        c: Slot,
        a: Slot,
        b: Slot,
    },
}

/// The target of the jump at `pc` with offset `off` in code of `n`
/// instructions (`n` past the end).
pub fn jump_target(pc: usize, off: i32, n: usize) -> usize {
    (pc as i64 + 1 + off as i64).clamp(0, n as i64) as usize
}

/// Which pcs of `code` (and `code.len()`) start a basic block: pc 0,
/// every jump target, and the instruction after every jump or return.
pub fn block_leaders(code: &[Instr]) -> Vec<bool> {
    let n = code.len();
    let mut leader = vec![false; n + 1];
    leader[0] = true;
    for (pc, ins) in code.iter().enumerate() {
        let fl = ins.flow();
        if let Some(off) = fl.jump {
            leader[jump_target(pc, off, n)] = true;
        }
        if fl.jump.is_some() || !fl.next {
            leader[pc + 1] = true;
        }
    }
    leader
}

/// The magic number and shift for signed 64-bit division by `d`
/// (`|d| >= 2`; Hacker's Delight, 10-1): `n / d` is
/// [`div_by_magic`]`(n, d, M, s)`. `None` for other divisors.
pub fn div_magic(d: i64) -> Option<(u64, u32)> {
    if d.unsigned_abs() < 2 || d == i64::MIN {
        return None;
    }
    const TWO63: u64 = 1 << 63;
    let ad = d.unsigned_abs();
    let t = TWO63 + ((d as u64) >> 63);
    let anc = t - 1 - t % ad;
    let mut p = 63u32;
    let mut q1 = TWO63 / anc;
    let mut r1 = TWO63 - q1 * anc;
    let mut q2 = TWO63 / ad;
    let mut r2 = TWO63 - q2 * ad;
    loop {
        p += 1;
        q1 = q1.wrapping_mul(2);
        r1 = r1.wrapping_mul(2);
        if r1 >= anc {
            q1 = q1.wrapping_add(1);
            r1 = r1.wrapping_sub(anc);
        }
        q2 = q2.wrapping_mul(2);
        r2 = r2.wrapping_mul(2);
        if r2 >= ad {
            q2 = q2.wrapping_add(1);
            r2 = r2.wrapping_sub(ad);
        }
        let delta = ad - r2;
        if !(q1 < delta || (q1 == delta && r1 == 0)) {
            break;
        }
    }
    let mut m = q2.wrapping_add(1);
    if d < 0 {
        m = m.wrapping_neg();
    }
    Some((m, p - 64))
}

/// `n / d` from `d`'s magic number `m` and shift `s` ([`div_magic`]).
#[inline(always)]
pub fn div_by_magic(n: i64, d: i64, m: u64, s: u32) -> i64 {
    let m = m as i64;
    let mut q = ((n as i128 * m as i128) >> 64) as i64;
    if d > 0 && m < 0 {
        q = q.wrapping_add(n);
    } else if d < 0 && m > 0 {
        q = q.wrapping_sub(n);
    }
    q >>= s;
    q.wrapping_add(((q as u64) >> 63) as i64)
}

/// How an instruction uses a run of frame slots (see [`Instr::operands`]).
/// The roles are what the GC's liveness analysis (stackmap.rs) rests on:
/// a `Read` the table forgets lets the GC free what the frame still
/// uses, so every role here errs toward reading; a `Write` must cover
/// every byte of its slots, so partial writes are `Update`s.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Use {
    /// The instruction reads all the slots.
    Read,
    /// It overwrites all the slots without reading them first.
    Write,
    /// It reads the slots and may write some or parts of them.
    Update,
}

/// Where control goes after an instruction (see [`Instr::flow`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Flow {
    /// Control may continue at the next instruction.
    pub next: bool,
    /// Control may continue at `pc + 1 + off`.
    pub jump: Option<i32>,
}

impl Instr {
    /// The operand table of the instruction set: calls `f(slot, n, use)`
    /// for every run of `n` frame slots the instruction touches, reads
    /// before writes. `callee(func)` gives a called function's (result,
    /// argument) slot counts; a `Call` reads its arguments and writes its
    /// results (a run of `n` = 0 at `base` for a function without). A `Ret` reads the
    /// function's results, which the instruction does not name: the
    /// caller of this table adds them. Exhaustive: a new instruction must
    /// say its operands here, and the verifier, the liveness analysis and
    /// the inliner all follow.
    pub fn operands(
        &self,
        callee: impl Fn(FuncId) -> Option<(u32, u32)>,
        mut f: impl FnMut(Slot, u32, Use),
    ) -> Result<(), String> {
        use Instr::*;
        use Use::{Read as R, Update as U, Write as W};
        let mut rd = |s: Slot, n: u32| f(s, n, R);
        match *self {
            Nop | Ret | DeferReturn | Jmp { .. } => {}
            Mov { dst, src } => {
                rd(src, 1);
                f(dst, 1, W);
            }
            MovN { dst, src, n } => {
                rd(src, n as u32);
                f(dst, n as u32, W);
            }
            ZeroN { dst, n } => f(dst, n as u32, W),
            NewStack { dst, obj, n } => {
                f(obj, n as u32, W);
                f(dst, 1, W);
            }
            NewStackOnce { dst, obj, n } => {
                f(obj, n as u32 + 1, U);
                f(dst, 1, W);
            }
            NewBuf { dst, .. } => f(dst, 1, W),
            LoadImm { dst, .. } | LoadConst { dst, .. } | GetClosure { dst } | New { dst, .. } => {
                f(dst, 1, W)
            }
            AddI64 { dst, a, b }
            | SubI64 { dst, a, b }
            | MulI64 { dst, a, b }
            | DivI64 { dst, a, b }
            | RemI64 { dst, a, b }
            | DivU64 { dst, a, b }
            | RemU64 { dst, a, b }
            | AndI64 { dst, a, b }
            | OrI64 { dst, a, b }
            | XorI64 { dst, a, b }
            | AndNotI64 { dst, a, b }
            | Shl { dst, a, b }
            | ShrI64 { dst, a, b }
            | ShrU64 { dst, a, b }
            | AddF64 { dst, a, b }
            | SubF64 { dst, a, b }
            | MulF64 { dst, a, b }
            | DivF64 { dst, a, b }
            | AddF32 { dst, a, b }
            | SubF32 { dst, a, b }
            | MulF32 { dst, a, b }
            | DivF32 { dst, a, b }
            | EqI64 { dst, a, b }
            | NeI64 { dst, a, b }
            | LtI64 { dst, a, b }
            | LeI64 { dst, a, b }
            | LtU64 { dst, a, b }
            | LeU64 { dst, a, b }
            | EqF64 { dst, a, b }
            | NeF64 { dst, a, b }
            | LtF64 { dst, a, b }
            | LeF64 { dst, a, b }
            | EqF32 { dst, a, b }
            | NeF32 { dst, a, b }
            | LtF32 { dst, a, b }
            | LeF32 { dst, a, b }
            | EqMem { dst, a, b, .. }
            | IndexAddr {
                dst, p: a, i: b, ..
            }
            | LoadIdx {
                dst, p: a, i: b, ..
            } => {
                rd(a, 1);
                rd(b, 1);
                f(dst, 1, W);
            }
            CmpStr { dst, a, b, .. } => {
                rd(a, 2);
                rd(b, 2);
                f(dst, 1, W);
            }
            AddImmI64 { dst, a, .. }
            | NegI64 { dst, a }
            | ComI64 { dst, a }
            | Not { dst, a }
            | NegF64 { dst, a }
            | NegF32 { dst, a }
            | AddPtrImm { dst, a, .. }
            | Ext { dst, src: a, .. }
            | Conv { dst, src: a, .. }
            | SqrtF64 { dst, a }
            | DivConstI64 { dst, a, .. }
            | RemConstI64 { dst, a, .. }
            | Load { dst, p: a, .. }
            | AtomicLoad { dst, p: a, .. } => {
                rd(a, 1);
                f(dst, 1, W);
            }
            ShiftCheck { a } | NilCheck { p: a } | Defer { fv: a } | MemZero { p: a, .. } => {
                rd(a, 1)
            }
            JmpIf { cond: a, .. }
            | JmpIfNot { cond: a, .. }
            | JmpLtImmI64 { a, .. }
            | JmpGeImmI64 { a, .. } => rd(a, 1),
            JmpLtI64 { a, b, .. }
            | JmpGeI64 { a, b, .. }
            | JmpLeI64 { a, b, .. }
            | JmpGtI64 { a, b, .. }
            | JmpEqI64 { a, b, .. }
            | JmpNeI64 { a, b, .. }
            | BoundsCheck { i: a, len: b }
            | Store { p: a, src: b, .. }
            | AtomicStore { p: a, src: b, .. }
            | MemMove { dst: a, src: b, .. } => {
                rd(a, 1);
                rd(b, 1);
            }
            IncJmpLtI64 { i, n, .. } | AddJmpLtI64 { i, n, .. } | AddJmpLeI64 { i, n, .. } => {
                rd(n, 1);
                f(i, 1, U);
            }
            AddRJmpLtI64 { i, step, n, .. } | AddRJmpLeI64 { i, step, n, .. } => {
                rd(step, 1);
                rd(n, 1);
                f(i, 1, U);
            }
            AtomicRmw { dst, p, src, .. } => {
                rd(p, 1);
                rd(src, 1);
                f(dst, 1, W);
            }
            AtomicCas {
                dst, p, old, new, ..
            } => {
                rd(p, 1);
                rd(old, 1);
                rd(new, 1);
                f(dst, 1, W);
            }
            LoadElem { dst, s, i, .. } => {
                rd(s, 2);
                rd(i, 1);
                f(dst, 1, W);
            }
            StoreElem { s, i, src, .. } => {
                rd(s, 2);
                rd(i, 1);
                rd(src, 1);
            }
            LoadN { dst, p, n, .. } => {
                rd(p, 1);
                f(dst, n as u32, W);
            }
            StoreN { p, src, n, .. } => {
                rd(p, 1);
                rd(src, n as u32);
            }
            FLoad { dst, kind, off } => {
                rd(Slot((off / 8) as u16), (off % 8 + kind.size()).div_ceil(8));
                f(dst, 1, W);
            }
            FStore { src, kind, off } => {
                rd(src, 1);
                f(
                    Slot((off / 8) as u16),
                    (off % 8 + kind.size()).div_ceil(8),
                    U,
                );
            }
            LoadBytes { dst, p, size } => {
                rd(p, 1);
                // The tail of the last slot is zeroed, so the slots are
                // wholly written; copying nothing writes nothing.
                match size {
                    0 => f(dst, 1, U),
                    _ => f(dst, size.div_ceil(8), W),
                }
            }
            StoreBytes { p, src, size } => {
                rd(p, 1);
                rd(src, size.div_ceil(8).max(1));
            }
            Print { a, kind } => rd(
                a,
                match kind {
                    PrintKind::Str | PrintKind::Iface | PrintKind::C128 => 2,
                    PrintKind::Slice => 3,
                    _ => 1,
                },
            ),
            Call { func, base } => {
                let (res, args) =
                    callee(func).ok_or_else(|| format!("call of unknown func {}", func.0))?;
                let a = Slot(
                    base.0
                        .checked_add(res as u16)
                        .filter(|_| res <= u16::MAX as u32)
                        .ok_or("call window overflows")?,
                );
                if args > 0 {
                    rd(a, args);
                }
                f(base, res, W);
            }
            // As `Call`, with the window the instruction describes.
            CallClosure {
                fv: a,
                base,
                n,
                res,
            }
            | CallIndirect {
                f: a, base, n, res, ..
            } => {
                let res = res.min(n);
                rd(a, 1);
                if n > res {
                    rd(
                        Slot(base.0.checked_add(res).ok_or("call window overflows")?),
                        (n - res) as u32,
                    );
                }
                f(base, res as u32, W);
            }
            CallIface {
                iface,
                base,
                recv,
                args,
                ..
            } => {
                let r = base.0.checked_add(recv).ok_or("receiver slot overflows")?;
                let a = r.checked_add(1).ok_or("receiver slot overflows")?;
                f(iface, 2, R);
                if args > 0 {
                    f(Slot(a), args as u32, R);
                }
                // The receiver slot is the instruction's to write.
                f(Slot(r), 1, W);
                f(base, recv as u32, W);
            }
            // A native reads its arguments and writes its results in the
            // window, which the instruction does not tell apart.
            CallNative { n, base, .. } => f(base, (n as u32).max(1), U),
            Panic { v } => rd(v, 2),
            Recover { dst } => f(dst, 2, W),
            LoadCtx { dst, n, .. } => f(dst, n as u32, W),
            XorAddI64 { d, c, a, b } | AndAddI64 { d, c, a, b } | OrAddI64 { d, c, a, b } => {
                rd(c, 1);
                rd(a, 1);
                rd(b, 1);
                f(d, 1, W);
            }
            MulAddI64 { t, a, b, d, c } | MulAddF64 { t, a, b, d, c } => {
                rd(a, 1);
                rd(b, 1);
                rd(c, 1);
                f(t, 1, W);
                f(d, 1, W);
            }
            MapAccess32 { dst, m, key, .. } | MapAccess64 { dst, m, key, .. } => {
                rd(m, 1);
                rd(key, 1);
                f(dst, 2, W);
            }
            MapAccessStr { dst, m, key, .. } => {
                rd(m, 1);
                rd(key, 2);
                f(dst, 2, W);
            }
            MapAssign32 { dst, m, key, .. } | MapAssign64 { dst, m, key, .. } => {
                rd(m, 1);
                rd(key, 1);
                f(dst, 1, W);
            }
            MapAssignStr { dst, m, key, .. } => {
                rd(m, 1);
                rd(key, 2);
                f(dst, 1, W);
            }
        }
        Ok(())
    }

    /// Whether the instruction leaves every frame slot as it is (it
    /// writes only memory, or nothing), by the operand table. A `Call`
    /// counts as writing (its results).
    pub fn writes_no_slot(&self) -> bool {
        let mut writes = false;
        self.operands(|_| None, |_, _, u| writes |= u != Use::Read)
            .is_ok()
            && !writes
    }

    /// Where control may go after this instruction. A panic's transfer
    /// to a recovering frame's `recover_pc` is not an edge here: any
    /// instruction can fault, so the liveness analysis adds it for every
    /// instruction of a function that defers.
    pub fn flow(&self) -> Flow {
        match (self, self.jump_off()) {
            (Instr::Ret | Instr::Panic { .. }, _) => Flow {
                next: false,
                jump: None,
            },
            (Instr::Jmp { .. }, jump) => Flow { next: false, jump },
            (_, jump) => Flow { next: true, jump },
        }
    }

    /// The offset of a jump instruction (its target is `pc + 1 + off`);
    /// `None` for every other instruction. The one list of jumps: control
    /// flow, the verifier, the peephole and the inliner follow it.
    pub fn jump_off_mut(&mut self) -> Option<&mut i32> {
        use Instr::*;
        match self {
            Jmp { off }
            | JmpIf { off, .. }
            | JmpIfNot { off, .. }
            | JmpLtI64 { off, .. }
            | JmpGeI64 { off, .. }
            | JmpEqI64 { off, .. }
            | JmpNeI64 { off, .. }
            | JmpLtImmI64 { off, .. }
            | JmpGeImmI64 { off, .. }
            | JmpLeI64 { off, .. }
            | JmpGtI64 { off, .. }
            | AddJmpLtI64 { off, .. }
            | AddJmpLeI64 { off, .. }
            | AddRJmpLtI64 { off, .. }
            | AddRJmpLeI64 { off, .. }
            | IncJmpLtI64 { off, .. } => Some(off),
            _ => None,
        }
    }

    /// [`Instr::jump_off_mut`], by value.
    pub fn jump_off(&self) -> Option<i32> {
        let mut i = *self;
        i.jump_off_mut().map(|o| *o)
    }
}

impl Instr {
    /// Calls `f` on every slot operand (for a multi-slot operand, its
    /// first slot). Exhaustive: a new instruction must say its slots here.
    pub fn slots_mut(&mut self, f: &mut dyn FnMut(&mut Slot)) {
        use Instr::*;
        match self {
            Nop | Ret | DeferReturn | Jmp { .. } => {}
            ShiftCheck { a: x }
            | LoadImm { dst: x, .. }
            | LoadConst { dst: x, .. }
            | ZeroN { dst: x, .. }
            | JmpIf { cond: x, .. }
            | JmpIfNot { cond: x, .. }
            | JmpLtImmI64 { a: x, .. }
            | JmpGeImmI64 { a: x, .. }
            | FLoad { dst: x, .. }
            | FStore { src: x, .. }
            | MemZero { p: x, .. }
            | NilCheck { p: x }
            | New { dst: x, .. }
            | NewBuf { dst: x, .. }
            | Print { a: x, .. }
            | GetClosure { dst: x }
            | Defer { fv: x }
            | Panic { v: x }
            | Recover { dst: x }
            | LoadCtx { dst: x, .. }
            | Call { base: x, .. }
            | CallNative { base: x, .. } => f(x),
            Mov { dst: x, src: y }
            | MovN { dst: x, src: y, .. }
            | AddImmI64 { dst: x, a: y, .. }
            | NegI64 { dst: x, a: y }
            | ComI64 { dst: x, a: y }
            | Not { dst: x, a: y }
            | Ext { dst: x, src: y, .. }
            | NegF64 { dst: x, a: y }
            | NegF32 { dst: x, a: y }
            | Conv { dst: x, src: y, .. }
            | JmpLtI64 { a: x, b: y, .. }
            | JmpGeI64 { a: x, b: y, .. }
            | JmpEqI64 { a: x, b: y, .. }
            | JmpNeI64 { a: x, b: y, .. }
            | JmpLeI64 { a: x, b: y, .. }
            | JmpGtI64 { a: x, b: y, .. }
            | AddJmpLtI64 { i: x, n: y, .. }
            | AddJmpLeI64 { i: x, n: y, .. }
            | IncJmpLtI64 { i: x, n: y, .. }
            | Load { dst: x, p: y, .. }
            | Store { p: x, src: y, .. }
            | LoadN { dst: x, p: y, .. }
            | StoreN { p: x, src: y, .. }
            | AtomicLoad { dst: x, p: y, .. }
            | AtomicStore { p: x, src: y, .. }
            | MemMove { dst: x, src: y, .. }
            | LoadBytes { dst: x, p: y, .. }
            | StoreBytes { p: x, src: y, .. }
            | BoundsCheck { i: x, len: y }
            | AddPtrImm { dst: x, a: y, .. }
            | NewStack { dst: x, obj: y, .. }
            | NewStackOnce { dst: x, obj: y, .. }
            | CallClosure { fv: x, base: y, .. }
            | CallIndirect { f: x, base: y, .. }
            | CallIface {
                iface: x, base: y, ..
            }
            | SqrtF64 { dst: x, a: y }
            | DivConstI64 { dst: x, a: y, .. }
            | RemConstI64 { dst: x, a: y, .. } => {
                f(x);
                f(y);
            }
            AddI64 { dst: x, a: y, b: z }
            | SubI64 { dst: x, a: y, b: z }
            | MulI64 { dst: x, a: y, b: z }
            | DivI64 { dst: x, a: y, b: z }
            | RemI64 { dst: x, a: y, b: z }
            | DivU64 { dst: x, a: y, b: z }
            | RemU64 { dst: x, a: y, b: z }
            | AndI64 { dst: x, a: y, b: z }
            | OrI64 { dst: x, a: y, b: z }
            | XorI64 { dst: x, a: y, b: z }
            | AndNotI64 { dst: x, a: y, b: z }
            | Shl { dst: x, a: y, b: z }
            | ShrI64 { dst: x, a: y, b: z }
            | ShrU64 { dst: x, a: y, b: z }
            | AddF64 { dst: x, a: y, b: z }
            | SubF64 { dst: x, a: y, b: z }
            | MulF64 { dst: x, a: y, b: z }
            | DivF64 { dst: x, a: y, b: z }
            | AddF32 { dst: x, a: y, b: z }
            | SubF32 { dst: x, a: y, b: z }
            | MulF32 { dst: x, a: y, b: z }
            | DivF32 { dst: x, a: y, b: z }
            | EqI64 { dst: x, a: y, b: z }
            | NeI64 { dst: x, a: y, b: z }
            | LtI64 { dst: x, a: y, b: z }
            | LeI64 { dst: x, a: y, b: z }
            | LtU64 { dst: x, a: y, b: z }
            | LeU64 { dst: x, a: y, b: z }
            | EqF64 { dst: x, a: y, b: z }
            | NeF64 { dst: x, a: y, b: z }
            | LtF64 { dst: x, a: y, b: z }
            | LeF64 { dst: x, a: y, b: z }
            | EqF32 { dst: x, a: y, b: z }
            | NeF32 { dst: x, a: y, b: z }
            | LtF32 { dst: x, a: y, b: z }
            | LeF32 { dst: x, a: y, b: z }
            | CmpStr {
                dst: x, a: y, b: z, ..
            }
            | EqMem {
                dst: x, a: y, b: z, ..
            }
            | AddRJmpLtI64 {
                i: x,
                step: y,
                n: z,
                ..
            }
            | AddRJmpLeI64 {
                i: x,
                step: y,
                n: z,
                ..
            }
            | IndexAddr {
                dst: x, p: y, i: z, ..
            }
            | LoadIdx {
                dst: x, p: y, i: z, ..
            }
            | LoadElem {
                dst: x, s: y, i: z, ..
            }
            | StoreElem {
                s: x, i: y, src: z, ..
            }
            | AtomicRmw {
                dst: x,
                p: y,
                src: z,
                ..
            } => {
                f(x);
                f(y);
                f(z);
            }
            AtomicCas {
                dst, p, old, new, ..
            } => {
                f(dst);
                f(p);
                f(old);
                f(new);
            }
            XorAddI64 { d, c, a, b } | AndAddI64 { d, c, a, b } | OrAddI64 { d, c, a, b } => {
                f(d);
                f(c);
                f(a);
                f(b);
            }
            MulAddI64 { t, a, b, d, c } | MulAddF64 { t, a, b, d, c } => {
                f(t);
                f(a);
                f(b);
                f(d);
                f(c);
            }
            MapAccess32 { dst, m, key, .. }
            | MapAccess64 { dst, m, key, .. }
            | MapAccessStr { dst, m, key, .. }
            | MapAssign32 { dst, m, key, .. }
            | MapAssign64 { dst, m, key, .. }
            | MapAssignStr { dst, m, key, .. } => {
                f(dst);
                f(m);
                f(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_mut_visits_every_slot_operand() {
        let mut seen = Vec::new();
        let mut ins = [
            Instr::MulAddF64 {
                t: Slot(1),
                a: Slot(2),
                b: Slot(3),
                d: Slot(4),
                c: Slot(5),
            },
            Instr::StoreElem {
                s: Slot(6),
                i: Slot(7),
                src: Slot(8),
                kind: MemKind::W64,
            },
            Instr::CallIface {
                iface: Slot(9),
                m: 0,
                base: Slot(10),
                recv: 1,
                args: 0,
            },
            Instr::Jmp { off: 3 },
        ];
        for i in ins.iter_mut() {
            i.slots_mut(&mut |s| {
                seen.push(s.0);
                s.0 += 100;
            });
        }
        assert_eq!(seen, (1..=10).collect::<Vec<u16>>());
        assert!(matches!(
            ins[1],
            Instr::StoreElem {
                s: Slot(106),
                i: Slot(107),
                src: Slot(108),
                ..
            }
        ));
    }

    #[test]
    fn magic_division_matches_idiv() {
        let mut ds: Vec<i64> = (-300..=300).collect();
        ds.extend([
            1000,
            7919,
            1 << 20,
            (1 << 40) + 1,
            i64::MAX,
            i64::MIN + 1,
            -1000,
        ]);
        ds.extend((1..63).map(|k| 1i64 << k));
        ds.extend((1..63).map(|k| -(1i64 << k)));
        let mut ns: Vec<i64> = (-2000..=2000).collect();
        ns.extend([i64::MIN, i64::MIN + 1, i64::MAX, i64::MAX - 1]);
        let mut x: u64 = 0x9e3779b97f4a7c15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ns.push(x as i64);
            ns.push((x >> (x % 63)) as i64);
        }
        for &d in &ds {
            let Some((m, s)) = div_magic(d) else {
                assert!(d.unsigned_abs() < 2 || d == i64::MIN);
                continue;
            };
            for &n in &ns {
                assert_eq!(div_by_magic(n, d, m, s), n.wrapping_div(d), "{} / {}", n, d);
            }
        }
    }
}

const _: () = assert!(std::mem::size_of::<Instr>() <= 16);
