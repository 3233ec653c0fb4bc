//! The interpreter loop: runs one goroutine's bytecode until it returns,
//! panics fatally, or must yield (preemption today; parking when channels
//! land), plus Go's panic/defer/recover machinery (runtime/panic.go).
//!
//! One loop ([`exec`]), one short arm per instruction, slow paths in
//! `#[cold]` functions. The state of the running frame lives in locals
//! (`ip`, `fp`, `code`, `func`); it is written back to the goroutine's
//! [`Stack`] — *saved* — before anything that can panic, grow the stack,
//! or leave the loop. That is the one rule for state: save before the
//! slow path. A panic leaves `exec` as a [`Trap`]; [`run`] handles it
//! (running deferred calls on top of the panicking stack, as Go does) and
//! re-enters `exec`.
//!
//! Invariants:
//! - `fp` points at slot 0 of the running frame inside `stack.buf`, and
//!   `fp + func.frame_size <= stack.buf.len()` (checked at every call);
//! - every slot operand is `< frame_size` and every jump target is inside
//!   the code (the program was verified, see symtab.rs), so slot and code
//!   accesses need no bounds checks;
//! - `stack.frames` holds one [`CallInfo`] per suspended caller; a
//!   [`PANIC_MARK`] entry sits under a deferred call run by a panic, and
//!   returning into it hands control back to [`run`];
//! - `G::defers` is the `_defer` chain, newest last; each record names the
//!   depth (number of suspended callers) of the frame that deferred it, so
//!   records of a frame are always on top while that frame runs.
//!
//! Goroutine stacks (stack.rs) start at 2 KiB and grow by copying; frames
//! hold slot offsets, and the pointers into the stack that stack objects
//! create are adjusted by the copy.

use std::sync::atomic::{AtomicBool, Ordering};

pub use crate::stack::{Stack, MAX_STACK_BYTES, STACK_MAX_BYTES, STACK_MIN_SLOTS};

use crate::map::{self, HMap};
use crate::op::{AtomicOp, ConvOp, FuncId, Instr, MemKind, StrCmp};
use crate::symtab::{Func, Program};
use crate::typedesc::{GoStr, MapType, Type};

/// The `func` of a [`CallInfo`] that marks a deferred call run by a panic.
pub const PANIC_MARK: FuncId = FuncId(u32::MAX);

/// A Rust native: reads its arguments from and writes its results to the
/// window at the given slot pointer.
///
/// Natives are `unsafe`: the window must hold the native's declared slots.
pub type NativeFn = unsafe fn(&mut GState, *mut u64) -> Result<(), PanicValue>;

/// A suspended caller: where to resume and which frame to restore.
#[derive(Clone, Copy, Debug)]
pub struct CallInfo {
    pub func: FuncId,
    /// Index of the instruction after the call.
    pub pc: u32,
    /// Slot offset of the caller's frame in the stack.
    pub fp: u32,
}

/// Why the loop stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// The entry function returned; its results are in `buf[0..]`.
    Done,
    /// A Go panic was not recovered: `G::panics` holds the chain and the
    /// stack the traceback.
    Panic,
    /// The preemption flag was seen at a safepoint; resume with [`run`].
    Preempted,
    /// The stack would exceed [`STACK_MAX_BYTES`].
    StackOverflow,
    /// `os.Exit(code)` (runs no deferred calls).
    OsExit(i32),
    /// A native parked the goroutine (see `PanicValue::Park`); resume
    /// with [`run`] once it is readied.
    Park,
    /// `runtime.Goexit` finished running the deferred calls.
    Goexit,
}

/// A runtime error raised by an instruction or helper (Go's
/// `runtime.Error` values and plain runtime panics).
#[derive(Debug, PartialEq, Eq, Clone)]
pub struct RuntimeError {
    /// The text Go prints after `panic: `.
    pub msg: String,
    /// A nil dereference: the faulting address for the `[signal SIGSEGV`
    /// line.
    pub segv_addr: Option<u64>,
}

impl RuntimeError {
    pub fn new(msg: impl Into<String>) -> RuntimeError {
        RuntimeError {
            msg: msg.into(),
            segv_addr: None,
        }
    }
    pub fn divide() -> RuntimeError {
        RuntimeError::new("runtime error: integer divide by zero")
    }
    pub fn nil_deref(addr: u64) -> RuntimeError {
        RuntimeError {
            msg: "runtime error: invalid memory address or nil pointer dereference".into(),
            segv_addr: Some(addr),
        }
    }
    /// Go's `boundsError` for an index: a negative index is printed
    /// without the length. (Indices are taken as signed: the
    /// instructions do not say when the index is of an unsigned type.)
    pub fn index(i: i64, len: i64) -> RuntimeError {
        if i < 0 {
            return RuntimeError::new(format!("runtime error: index out of range [{}]", i));
        }
        RuntimeError::new(format!(
            "runtime error: index out of range [{}] with length {}",
            i, len
        ))
    }
    pub fn message(&self) -> &str {
        &self.msg
    }
}

/// The value of a Go panic.
#[derive(Debug, Clone)]
pub enum PanicValue {
    Runtime(RuntimeError),
    /// `panic(v)`: the interface value `v` ({type, data}).
    Go {
        typ: *const Type,
        data: *const u8,
    },
    /// `os.Exit(code)` travelling out of a native.
    Exit(i32),
    /// Not a panic: the native parked the goroutine (proc::gopark); the
    /// instruction is complete and the scheduler takes over.
    Park,
    /// `runtime.Goexit`: runs the deferred calls like a panic that
    /// `recover` cannot stop, then ends the goroutine.
    Goexit,
}

/// One active panic (Go's `_panic`).
#[derive(Debug, Clone)]
pub struct PanicRec {
    pub val: PanicValue,
    pub recovered: bool,
    /// Panicked again with the value it recovered (printed as
    /// `[recovered, repanicked]`).
    pub repanicked: bool,
    /// `frames.len()` at the frame whose deferred call is running.
    pub defer_depth: usize,
    /// `frames.len()` of the PANIC_MARK under that deferred call.
    pub mark_depth: usize,
    /// The value's `Error()` or `String()` text, computed before a fatal
    /// panic report prints it (Go's `preprintpanics`).
    pub printed: Option<String>,
}

/// One `_defer` record: the func value to call and the depth of the frame
/// that deferred it.
#[derive(Debug, Clone, Copy)]
pub struct DeferRec {
    pub fv: u64,
    pub depth: usize,
}

/// Goroutine state other than the stack (what natives may touch).
#[derive(Default)]
pub struct GState {
    pub defers: Vec<DeferRec>,
    pub panics: Vec<PanicRec>,
    /// Buffered output of print/println (flushed at each statement's end).
    pub out: Vec<u8>,
    /// The closure register while the goroutine is out of the loop
    /// (preempted at a function entry, or about to start).
    pub ctx: u64,
    /// `runtime.GC` yielded once already (see mgc.rs's `n_gc`).
    pub gc_yielded: bool,
    /// The goroutine is parked in the native before its saved pc (the
    /// collector then scans its frame by `StackMap::live_in_native`).
    pub in_native: bool,
}

/// A goroutine: its stack, defer and panic chains, and its scheduler
/// state (proc.rs).
pub struct G {
    pub id: u64,
    pub stack: Stack,
    pub st: GState,
    pub sched: crate::proc::GSched,
}

impl G {
    pub fn new(prog: &Program, entry: FuncId) -> G {
        G {
            id: 1,
            stack: Stack::new(prog, entry),
            st: GState::default(),
            sched: crate::proc::GSched::default(),
        }
    }
}

/// Sets to 0 the slots of the frame at `fp` whose bit is set in `mask`
/// (a frame's `StackMap::entry_zero`, one bit per slot).
///
/// # Safety
/// `fp` must point at a frame with a slot for every bit set in `mask`.
#[inline(always)]
unsafe fn zero_slots(fp: *mut u64, mask: &[u64]) {
    // Most frames fit one word, usually 0: test it first.
    let Some(&w0) = mask.first() else {
        return;
    };
    if w0 == 0 && mask.len() == 1 {
        return;
    }
    for (w, &word) in mask.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            // SAFETY: a set bit is a slot of the frame (caller).
            unsafe { *fp.add(w * 64 + bits.trailing_zeros() as usize) = 0 };
            bits &= bits - 1;
        }
    }
}

/// Why [`exec`] returned to [`run`].
enum Trap {
    Done,
    Preempted,
    StackOverflow,
    Panic(PanicValue),
    /// A deferred call run by a panic returned into its PANIC_MARK.
    DeferReturned,
}

thread_local! {
    /// The program the innermost [`run`] on this thread executes (for
    /// [`call_go`]).
    static PROG: std::cell::Cell<*const Program> = const { std::cell::Cell::new(std::ptr::null()) };
}

/// Makes `prog` this thread's program for [`call_go`] (the scheduler
/// calls it when an M starts: an M may run timer callbacks before any G).
pub fn set_thread_prog(prog: &Program) {
    PROG.with(|p| p.set(prog));
}

/// The name of function `f` of the program this thread runs (natives
/// that name a function in a message: reflect's MakeFunc checks).
pub fn func_name(f: FuncId) -> Option<String> {
    let prog = PROG.with(|p| p.get());
    if prog.is_null() {
        return None;
    }
    // SAFETY: PROG is set by `run` for the duration of the run on this
    // thread, and natives run inside it.
    let prog = unsafe { &*prog };
    prog.funcs.get(f.idx()).map(|x| x.name.clone())
}

/// Re-entrant call from a native into Go code (fmt calling `String()`).
///
/// Design: the callee runs to completion in a nested interpreter loop on a
/// fresh side stack (a temporary goroutine record), not on the caller's
/// stack: the native's window points into the caller's stack, which must
/// not move or be overwritten while the native runs. `args` go to the
/// callee's argument slots; its `nres` result slots come back. A panic
/// that the callee does not recover comes back as `Err` with its value
/// (fmt turns it into `%!v(PANIC=String method: ...)`); deferred calls
/// inside the callee run as usual. `print` output of the callee is
/// appended to the caller's buffer. Trade-off: a `recover` in the caller
/// cannot see a panic of the callee (only natives call this, and they
/// handle the error), and tracebacks of the side stack are not kept.
pub fn call_go(
    gs: &mut GState,
    f: FuncId,
    args: &[u64],
    nres: usize,
) -> Result<Vec<u64>, PanicValue> {
    call_go_ctx(gs, f, 0, args, nres)
}

/// [`call_go`] of a func value (a closure: its context is `fv`).
pub fn call_go_closure(
    gs: &mut GState,
    fv: u64,
    args: &[u64],
    nres: usize,
) -> Result<Vec<u64>, PanicValue> {
    if fv == 0 {
        return Err(PanicValue::Runtime(RuntimeError::nil_deref(0)));
    }
    // SAFETY: a non-nil func value points at a funcval whose first word is
    // a FuncId (checked against the program in call_go_ctx).
    let f = FuncId(unsafe { *(fv as *const u64) } as u32);
    call_go_ctx(gs, f, fv, args, nres)
}

fn call_go_ctx(
    gs: &mut GState,
    f: FuncId,
    ctx: u64,
    args: &[u64],
    nres: usize,
) -> Result<Vec<u64>, PanicValue> {
    let prog = PROG.with(|p| p.get());
    if prog.is_null() {
        return Err(PanicValue::Runtime(RuntimeError::new(
            "rgo: call_go outside run",
        )));
    }
    // SAFETY: PROG is set by `run` for the duration of the run on this
    // thread, and we are inside a native called from it.
    let prog = unsafe { &*prog };
    let Some(func) = prog.funcs.get(f.idx()) else {
        return Err(PanicValue::Runtime(RuntimeError::new(
            "rgo: call_go: bad function",
        )));
    };
    let res = func.result_slots as usize;
    let parent = crate::proc::getg();
    let id = if parent.is_null() {
        1
    } else {
        // SAFETY: the running G is this thread's.
        unsafe { (*parent).id }
    };
    let mut g = crate::proc::callback_g(prog, f, id);
    g.st.ctx = ctx;
    let need = (res + args.len()).max(nres);
    if g.stack.buf.len() < need {
        g.stack.buf.resize(need, 0);
    }
    g.stack.buf[res..res + args.len()].copy_from_slice(args);
    let preempt = AtomicBool::new(false);
    let gp: *mut G = &mut *g;
    crate::proc::setg(gp);
    let exit = loop {
        match run(prog, &mut g, &preempt) {
            Exit::Preempted => continue,
            Exit::Park if crate::proc::started() => {
                crate::print::flush(&mut g.st.out);
                crate::proc::block_callback(gp);
                continue;
            }
            e => break e,
        }
    };
    crate::proc::setg(parent);
    PROG.with(|p| p.set(prog));
    crate::mgcmark::remove_callback_g(gp);
    gs.out.append(&mut g.st.out);
    match exit {
        Exit::Done | Exit::Preempted => Ok(g.stack.buf[..nres.min(g.stack.buf.len())].to_vec()),
        Exit::Park => Err(PanicValue::Runtime(RuntimeError::new(
            "rgo: a callback blocked outside the scheduler",
        ))),
        Exit::Goexit => Err(PanicValue::Goexit),
        Exit::OsExit(c) => Err(PanicValue::Exit(c)),
        Exit::StackOverflow => Err(PanicValue::Runtime(RuntimeError::new("stack overflow"))),
        Exit::Panic => Err(g
            .st
            .panics
            .last()
            .map(|p| p.val.clone())
            .unwrap_or_else(|| PanicValue::Runtime(RuntimeError::new("panic")))),
    }
}

/// Runs goroutine `g` until it finishes, panics fatally, or sees `preempt`
/// set at a safepoint.
pub fn run(prog: &Program, g: &mut G, preempt: &AtomicBool) -> Exit {
    run_from(prog, g, preempt, None)
}

/// Like [`run`], but first raises panic `v` where the goroutine stopped
/// (a sender woken by `close` panics at its send).
pub fn run_panicking(prog: &Program, g: &mut G, preempt: &AtomicBool, v: PanicValue) -> Exit {
    run_from(prog, g, preempt, Some(v))
}

fn run_from(prog: &Program, g: &mut G, preempt: &AtomicBool, first: Option<PanicValue>) -> Exit {
    PROG.with(|p| p.set(prog));
    let mut first = first;
    loop {
        let trap = match first.take() {
            Some(v) => Trap::Panic(v),
            None => exec(prog, g, preempt),
        };
        match trap {
            Trap::Done => return Exit::Done,
            Trap::Preempted => return Exit::Preempted,
            Trap::StackOverflow => return Exit::StackOverflow,
            Trap::Panic(PanicValue::Exit(code)) => return Exit::OsExit(code),
            Trap::Panic(PanicValue::Park) => return Exit::Park,
            Trap::Panic(v) => {
                let depth = g.stack.frames.len();
                // Re-panicking the value just recovered (Go 1.23+): the new
                // panic replaces the recovered one and prints as
                // `[recovered, repanicked]`.
                let mut repanicked = false;
                let mut v = v;
                if let Some(top) = g.st.panics.last() {
                    if top.recovered && same_value(&top.val, &v) {
                        repanicked = true;
                        // A runtime error keeps its own form (and the
                        // fault address of a nil dereference).
                        if matches!(top.val, PanicValue::Runtime(_)) {
                            v = top.val.clone();
                        }
                        g.st.panics.pop();
                    }
                }
                g.st.panics.push(PanicRec {
                    val: v,
                    recovered: false,
                    defer_depth: depth,
                    mark_depth: depth,
                    repanicked,
                    printed: None,
                });
                if let Some(e) = run_next_defer(prog, g) {
                    return e;
                }
            }
            Trap::DeferReturned => {
                // The marker was popped; the frame under it was the one running.
                let Some(under) = g.stack.frames.pop() else {
                    return Exit::Panic;
                };
                g.stack.cur = under;
                let top = g.st.panics.last().cloned();
                match top {
                    Some(p) if p.recovered => recovery(prog, g, p.defer_depth),
                    Some(_) => {
                        if let Some(e) = run_next_defer(prog, g) {
                            return e;
                        }
                    }
                    None => return Exit::Panic,
                }
            }
        }
    }
}

/// Whether a new panic value is the one being recovered: the same
/// interface words, or a runtime error that recover handed out (its boxed
/// message is a fresh copy, so compare the text).
fn same_value(old: &PanicValue, new: &PanicValue) -> bool {
    match (old, new) {
        (PanicValue::Go { typ: a, data: b }, PanicValue::Go { typ: c, data: d }) => {
            a == c && b == d
        }
        (PanicValue::Runtime(e), PanicValue::Go { typ, .. }) => {
            std::ptr::eq(*typ, crate::print::runtime_error_type())
                && crate::print::panic_value_string(new) == e.msg
        }
        _ => false,
    }
}

/// Pops the next `_defer` and starts its call on top of the panicking
/// stack, over a PANIC_MARK. `Some(Exit::Panic)` when none is left.
#[cold]
fn run_next_defer(prog: &Program, g: &mut G) -> Option<Exit> {
    let Some(d) = g.st.defers.pop() else {
        if matches!(g.st.panics.last(), Some(p) if matches!(p.val, PanicValue::Goexit)) {
            return Some(Exit::Goexit);
        }
        return Some(Exit::Panic);
    };
    let st = &mut g.stack;
    let cur = st.cur;
    let top = if cur.func == PANIC_MARK {
        cur.fp
    } else {
        cur.fp + prog.funcs[cur.func.idx()].frame_size
    };
    st.frames.push(cur);
    let mark_depth = st.frames.len();
    st.frames.push(CallInfo {
        func: PANIC_MARK,
        pc: 0,
        fp: cur.fp,
    });
    if let Some(p) = g.st.panics.last_mut() {
        p.defer_depth = d.depth;
        p.mark_depth = mark_depth;
    }
    match enter_closure(prog, g, d.fv, top as usize) {
        Ok(()) => None,
        Err(_) => {
            // A nil deferred func value panics as Go does, at the defer site.
            let st = &mut g.stack;
            st.frames.pop();
            st.cur = st.frames.pop().unwrap_or(cur);
            g.st.panics.push(PanicRec {
                val: PanicValue::Runtime(RuntimeError::nil_deref(0)),
                recovered: false,
                repanicked: false,
                defer_depth: d.depth,
                mark_depth,
                printed: None,
            });
            run_next_defer(prog, g).or(Some(Exit::Panic))
        }
    }
}

/// The frame at depth `depth` recovered: unwind to it and resume at its
/// epilogue (Go's `recovery`).
#[cold]
fn recovery(prog: &Program, g: &mut G, depth: usize) {
    let st = &mut g.stack;
    let mut frame = if depth < st.frames.len() {
        st.frames[depth]
    } else {
        st.cur
    };
    st.frames.truncate(depth);
    frame.pc = prog.funcs[frame.func.idx()].recover_pc;
    st.cur = frame;
    g.st.panics.pop();
    g.st.panics.retain(|p| p.mark_depth < depth);
}

/// Sets up a call of func value `fv` with its frame at slot `base` of the
/// stack (not from inside the loop: used for deferred calls).
fn enter_closure(prog: &Program, g: &mut G, mut fv: u64, base: usize) -> Result<(), ()> {
    let st = &mut g.stack;
    if fv == 0 {
        return Err(());
    }
    // SAFETY: a non-nil func value points at a funcval whose first word is
    // a verified FuncId (the compiler only builds funcvals that way).
    let fid = unsafe { *(fv as *const u64) } as u32;
    // A forged code word (unsafe Go) is a fault, not an index panic.
    let callee = prog.funcs.get(fid as usize).ok_or(())?;
    let need = base + callee.frame_size as usize + 1;
    st.cur = CallInfo {
        func: FuncId(fid),
        pc: 0,
        fp: base as u32,
    };
    if need > st.buf.len() {
        let m = st.grow(need, &prog.funcs, &mut g.st.defers).ok_or(())?;
        fv = m.adjust(fv);
    }
    st.buf[base..base + callee.frame_size as usize].fill(0);
    // The closure context travels in the word just past the frame top:
    // GetClosure at entry reads `ctx`, which exec restores from here.
    st.buf[base + callee.frame_size as usize] = fv;
    st.cur = CallInfo {
        func: FuncId(fid),
        pc: 0,
        fp: base as u32,
    };
    g.st.ctx = fv;
    Ok(())
}

#[inline(always)]
fn conv(op: ConvOp, x: u64) -> u64 {
    let f64v = f64::from_bits(x);
    let f32v = f32::from_bits(x as u32);
    match op {
        ConvOp::I64ToF64 => (x as i64 as f64).to_bits(),
        ConvOp::U64ToF64 => (x as f64).to_bits(),
        ConvOp::F64ToI64 => f64_to_i64(f64v) as u64,
        ConvOp::F64ToU64 => f64_to_u64(f64v),
        ConvOp::I64ToF32 => (x as i64 as f32).to_bits() as u64,
        ConvOp::U64ToF32 => (x as f32).to_bits() as u64,
        ConvOp::F32ToI64 => f64_to_i64(f32v as f64) as u64,
        ConvOp::F32ToU64 => f64_to_u64(f32v as f64),
        ConvOp::F32ToF64 => (f32v as f64).to_bits(),
        ConvOp::F64ToF32 => (f64v as f32).to_bits() as u64,
    }
}

/// amd64's CVTTSD2SQ: truncation, and 0x8000000000000000 when out of range.
fn f64_to_i64(f: f64) -> i64 {
    if f.is_nan() || !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

/// What gc emits for uint64(f) on amd64.
fn f64_to_u64(f: f64) -> u64 {
    const TWO63: f64 = 9.223_372_036_854_776e18;
    if f < TWO63 {
        f64_to_i64(f) as u64
    } else {
        (f64_to_i64(f - TWO63) as u64) ^ (1 << 63)
    }
}

#[inline(always)]
fn ext(x: u64, k: MemKind) -> u64 {
    match k {
        MemKind::I8 => x as i8 as i64 as u64,
        MemKind::U8 => x as u8 as u64,
        MemKind::I16 => x as i16 as i64 as u64,
        MemKind::U16 => x as u16 as u64,
        MemKind::I32 => x as i32 as i64 as u64,
        MemKind::U32 => x as u32 as u64,
        MemKind::W64 => x,
    }
}

/// What one sync/atomic instruction does to its word.
#[derive(Clone, Copy)]
enum Access {
    Load,
    Store,
    Rmw(AtomicOp),
    /// Compare with the given old value and swap in the operand.
    Cas(u64),
}

/// The address of a sync/atomic operand of `kind`: nil panics as a nil
/// dereference, a misaligned one as gc's runtime does on 32-bit targets
/// (Rust's atomics need the alignment).
fn atomic_addr(p: u64, kind: MemKind) -> Result<u64, RuntimeError> {
    if p == 0 {
        return Err(RuntimeError::nil_deref(0));
    }
    if !p.is_multiple_of(kind.size() as u64) {
        return Err(RuntimeError::new("unaligned 64-bit atomic operation"));
    }
    Ok(p)
}

/// Performs `access` with operand `v` on the Go word of `kind` (I32, U32
/// or W64) at `p`; returns what the instruction writes to its `dst`: the
/// loaded or old value (the new one for Add) extended as `kind` says, or
/// whether a CAS swapped.
#[inline(never)]
fn atomic_op(p: u64, kind: MemKind, access: Access, v: u64) -> Result<u64, RuntimeError> {
    use std::sync::atomic::{AtomicU32, AtomicU64, Ordering::SeqCst};
    let p = atomic_addr(p, kind)?;
    macro_rules! on {
        ($a:expr, $t:ty) => {{
            let (a, v) = ($a, v as $t);
            (match access {
                Access::Load => a.load(SeqCst),
                Access::Store => {
                    a.store(v, SeqCst);
                    0
                }
                Access::Rmw(AtomicOp::Swap) => a.swap(v, SeqCst),
                Access::Rmw(AtomicOp::Add) => a.fetch_add(v, SeqCst),
                Access::Rmw(AtomicOp::And) => a.fetch_and(v, SeqCst),
                Access::Rmw(AtomicOp::Or) => a.fetch_or(v, SeqCst),
                Access::Cas(old) => a.compare_exchange(old as $t, v, SeqCst, SeqCst).is_ok() as $t,
            }) as u64
        }};
    }
    // SAFETY: `p` is a non-nil, aligned Go pointer to a `kind` word (the
    // compiler emits these for sync/atomic calls, whose pointer argument
    // is typed); Go memory is only ever accessed atomically or through
    // relaxed atomics (see `load`), so the views do not race.
    let r = unsafe {
        if kind == MemKind::W64 {
            on!(AtomicU64::from_ptr(p as *mut u64), u64)
        } else {
            on!(AtomicU32::from_ptr(p as *mut u32), u32)
        }
    };
    let ext = |x: u64| match kind {
        MemKind::I32 => x as u32 as i32 as i64 as u64,
        MemKind::U32 => x as u32 as u64,
        _ => x,
    };
    Ok(match access {
        Access::Rmw(AtomicOp::Add) => ext(r.wrapping_add(v)),
        Access::Cas(_) => r,
        _ => ext(r),
    })
}

/// Reads a `k`-sized value at `p`, extended to 64 bits.
///
/// # Safety
/// `p` must be valid for a read of `k.size()` bytes, aligned for it.
#[inline(always)]
unsafe fn load(p: *const u8, k: MemKind) -> u64 {
    use std::sync::atomic::{AtomicU16, AtomicU32, AtomicU64, AtomicU8};
    // Go memory is shared by all Ms and Go code may race on it: scalar
    // loads and stores (and LoadN/StoreN, word by word) are relaxed
    // atomics (plain moves on x86-64), so a racy Go program is not
    // undefined behaviour here (DESIGN §3). Only unsafe Go code can
    // misalign a pointer; such an access is plain. Bulk copies of
    // values larger than a few words (MemMove, copy, append) still use
    // memcpy.
    // SAFETY: caller's contract; the atomic views are taken only at
    // addresses aligned for them.
    unsafe {
        let aligned = p as usize & (k.size() as usize - 1) == 0;
        if !aligned {
            return match k {
                MemKind::I16 => (p as *const i16).read_unaligned() as i64 as u64,
                MemKind::U16 => (p as *const u16).read_unaligned() as u64,
                MemKind::I32 => (p as *const i32).read_unaligned() as i64 as u64,
                MemKind::U32 => (p as *const u32).read_unaligned() as u64,
                _ => (p as *const u64).read_unaligned(),
            };
        }
        match k {
            MemKind::I8 => {
                AtomicU8::from_ptr(p as *mut u8).load(Ordering::Relaxed) as i8 as i64 as u64
            }
            MemKind::U8 => AtomicU8::from_ptr(p as *mut u8).load(Ordering::Relaxed) as u64,
            MemKind::I16 => {
                AtomicU16::from_ptr(p as *mut u16).load(Ordering::Relaxed) as i16 as i64 as u64
            }
            MemKind::U16 => AtomicU16::from_ptr(p as *mut u16).load(Ordering::Relaxed) as u64,
            MemKind::I32 => {
                AtomicU32::from_ptr(p as *mut u32).load(Ordering::Relaxed) as i32 as i64 as u64
            }
            MemKind::U32 => AtomicU32::from_ptr(p as *mut u32).load(Ordering::Relaxed) as u64,
            MemKind::W64 => AtomicU64::from_ptr(p as *mut u64).load(Ordering::Relaxed),
        }
    }
}

/// Writes the low `k.size()` bytes of `v` at `p`.
///
/// # Safety
/// `p` must be valid for a write of `k.size()` bytes.
#[inline(always)]
unsafe fn store(p: *mut u8, k: MemKind, v: u64) {
    use std::sync::atomic::{AtomicU16, AtomicU32, AtomicU64, AtomicU8};
    // SAFETY: caller's contract; relaxed atomics as in `load`.
    unsafe {
        let aligned = p as usize & (k.size() as usize - 1) == 0;
        if !aligned {
            match k {
                MemKind::I16 | MemKind::U16 => (p as *mut u16).write_unaligned(v as u16),
                MemKind::I32 | MemKind::U32 => (p as *mut u32).write_unaligned(v as u32),
                _ => (p as *mut u64).write_unaligned(v),
            }
            return;
        }
        match k {
            MemKind::I8 | MemKind::U8 => AtomicU8::from_ptr(p).store(v as u8, Ordering::Relaxed),
            MemKind::I16 | MemKind::U16 => {
                AtomicU16::from_ptr(p as *mut u16).store(v as u16, Ordering::Relaxed)
            }
            MemKind::I32 | MemKind::U32 => {
                AtomicU32::from_ptr(p as *mut u32).store(v as u32, Ordering::Relaxed)
            }
            MemKind::W64 => AtomicU64::from_ptr(p as *mut u64).store(v, Ordering::Relaxed),
        }
    }
}

/// Compares two Go strings.
///
/// # Safety
/// Both must be valid string headers.
unsafe fn cmp_str(a: GoStr, b: GoStr, op: StrCmp) -> bool {
    // SAFETY: caller's contract.
    let (x, y) = unsafe { (a.as_bytes(), b.as_bytes()) };
    match op {
        StrCmp::Eq => x == y,
        StrCmp::Ne => x != y,
        StrCmp::Lt => x < y,
        StrCmp::Le => x <= y,
    }
}

/// Runs until a trap. See the module comment for the state rule.
fn exec(prog: &Program, g: &mut G, preempt: &AtomicBool) -> Trap {
    let funcs: &[Func] = &prog.funcs;
    let natives = &prog.natives[..];
    let G {
        stack: st, st: gs, ..
    } = g;
    let mut cur = st.cur;
    gs.in_native = false;
    let mut ctx: u64 = std::mem::take(&mut gs.ctx);
    // SAFETY: `cur.func` is a valid index: it was checked when the frame was
    // pushed (Program::verify checks every Call's FuncId).
    let mut func: &Func = unsafe { funcs.get_unchecked(cur.func.idx()) };
    let mut code: *const Instr = func.code.as_ptr();
    // SAFETY: a saved pc is inside the code (a resumed pc is the
    // instruction after the one that saved it, which is not the last).
    let mut ip: *const Instr = unsafe { code.add(cur.pc as usize) };
    // SAFETY: the frame `cur.fp .. cur.fp + frame_size` lies within `buf`.
    let mut fp: *mut u64 = unsafe { st.buf.as_mut_ptr().add(cur.fp as usize) };

    macro_rules! r {
        ($s:expr) => {
            *fp.add($s.idx())
        };
    }
    macro_rules! ri {
        ($s:expr) => {
            *fp.add($s.idx()) as i64
        };
    }
    macro_rules! rf {
        ($s:expr) => {
            f64::from_bits(*fp.add($s.idx()))
        };
    }
    macro_rules! rf32 {
        ($s:expr) => {
            f32::from_bits(*fp.add($s.idx()) as u32)
        };
    }
    macro_rules! save {
        () => {
            cur.pc = ip.offset_from(code) as u32;
            st.cur = cur;
        };
    }
    macro_rules! throw_rt {
        ($e:expr) => {{
            save!();
            return Trap::Panic(PanicValue::Runtime($e));
        }};
    }
    // A FuncId read from Go memory (a funcval's code word, an itab slot):
    // compiled code only stores verified ids there, but Go code using
    // unsafe can forge one, and that must fault like Go, not index past
    // the function table.
    macro_rules! dyn_func {
        ($word:expr, $addr:expr) => {{
            let w: u64 = $word;
            if w >= funcs.len() as u64 {
                throw_rt!(RuntimeError::nil_deref($addr));
            }
            FuncId(w as u32)
        }};
    }
    macro_rules! nonnil {
        ($p:expr, $off:expr) => {{
            let p = $p;
            if p == 0 {
                throw_rt!(RuntimeError::nil_deref($off as u64));
            }
            p as *mut u8
        }};
    }
    // A map access (`dst`: element pointer, `dst+1`: ok) or assignment
    // (`dst`: element pointer) through map.rs's fast path `$f` for the key
    // kind; the map type is constant `typ`.
    macro_rules! map_fast {
        (access $f:ident, $dst:expr, $m:expr, $typ:expr, $key:expr) => {{
            let t = &*(*func.consts.get_unchecked($typ as usize) as *const MapType);
            let (p, ok) = map::$f(t, r!($m) as *mut HMap, $key);
            r!($dst) = p as u64;
            *fp.add($dst.idx() + 1) = ok as u64;
        }};
        (assign $f:ident, $dst:expr, $m:expr, $typ:expr, $key:expr) => {{
            let t = &*(*func.consts.get_unchecked($typ as usize) as *const MapType);
            match map::$f(t, r!($m) as *mut HMap, $key) {
                Ok(p) => r!($dst) = p as u64,
                Err(e) => {
                    save!();
                    return Trap::Panic(crate::natives::map_err(e));
                }
            }
        }};
    }
    // Enters `callee` with its frame at `new_fp` (slot offset).
    // A taken conditional jump; backwards it is a safepoint.
    macro_rules! branch {
        ($off:expr) => {{
            let off = $off;
            ip = ip.offset(off as isize);
            if off < 0 && preempt.load(Ordering::Relaxed) {
                save!();
                gs.ctx = ctx;
                return Trap::Preempted;
            }
        }};
    }
    macro_rules! enter {
        ($callee_id:expr, $new_fp:expr) => {{
            let callee_id: FuncId = $callee_id;
            let callee = funcs.get_unchecked(callee_id.idx());
            let new_fp: usize = $new_fp;
            let need = new_fp + callee.frame_size as usize;
            cur.pc = ip.offset_from(code) as u32;
            st.frames.push(cur);
            if need > st.buf.len() {
                // The frame being entered owns its arguments (stack.rs).
                st.cur = CallInfo {
                    func: callee_id,
                    pc: 0,
                    fp: new_fp as u32,
                };
                match st.grow(need, funcs, &mut gs.defers) {
                    Some(m) => ctx = m.adjust(ctx),
                    None => {
                        st.frames.pop();
                        save!();
                        return Trap::StackOverflow;
                    }
                }
            }
            fp = st.buf.as_mut_ptr().add(new_fp);
            // Zero the pointer slots that some path reads before writing
            // (stackmap.rs): named results, and whatever the code counts
            // on being nil. Every other slot is written before it is read
            // or scanned, so it may keep what an earlier frame left.
            let res = callee.result_slots as usize;
            let args_end = res + callee.arg_slots as usize;
            let size = callee.frame_size as usize;
            if cfg!(debug_assertions) {
                // Poison the locals so that tests catch code reading a
                // slot before writing it.
                for i in args_end..size {
                    *fp.add(i) = 0xdead_beef_dead_beef;
                }
            }
            zero_slots(fp, callee.stackmap(prog).entry_zero());
            cur = CallInfo {
                func: callee_id,
                pc: 0,
                fp: new_fp as u32,
            };
            func = callee;
            code = func.code.as_ptr();
            ip = code;
            if preempt.load(Ordering::Relaxed) {
                save!();
                gs.ctx = ctx;
                return Trap::Preempted;
            }
        }};
    }

    // SAFETY: every raw access below is to a slot of the running frame or
    // to the next instruction, both in bounds by the invariants in the
    // module comment; `ip` only moves by verified jump offsets. Memory
    // accesses go through pointers the compiled code computed from Go
    // values (nil is checked; Go's type system keeps the rest in bounds
    // with the bounds checks the compiler emits).
    unsafe {
        loop {
            // Matched in place, not copied out: each handler then loads
            // only its own operand fields, after the dispatch jump, instead
            // of every field layout being decoded before it.
            let pc = ip;
            ip = ip.add(1);
            match *pc {
                Instr::Nop => {}
                Instr::Mov { dst, src } => r!(dst) = r!(src),
                Instr::MovN { dst, src, n } => {
                    let (d, s) = (fp.add(dst.idx()), fp.add(src.idx()));
                    // Strings, interfaces and slice headers: read all,
                    // then write (the runs may overlap), without a call,
                    // a word at a time: the words were usually just
                    // stored one by one, and a wider load of them would
                    // stall on store forwarding (volatile keeps LLVM from
                    // merging the loads).
                    match n {
                        2 => {
                            let (a, b) = (s.read_volatile(), s.add(1).read_volatile());
                            *d = a;
                            *d.add(1) = b;
                        }
                        3 => {
                            let (a, b, c) = (
                                s.read_volatile(),
                                s.add(1).read_volatile(),
                                s.add(2).read_volatile(),
                            );
                            *d = a;
                            *d.add(1) = b;
                            *d.add(2) = c;
                        }
                        _ => std::ptr::copy(s, d, n as usize),
                    }
                }
                Instr::ZeroN { dst, n } => std::ptr::write_bytes(fp.add(dst.idx()), 0, n as usize),
                Instr::LoadImm { dst, imm } => r!(dst) = imm as i64 as u64,
                Instr::LoadConst { dst, idx } => r!(dst) = *func.consts.get_unchecked(idx as usize),

                Instr::AddI64 { dst, a, b } => r!(dst) = r!(a).wrapping_add(r!(b)),
                Instr::SubI64 { dst, a, b } => r!(dst) = r!(a).wrapping_sub(r!(b)),
                Instr::MulI64 { dst, a, b } => r!(dst) = r!(a).wrapping_mul(r!(b)),
                Instr::DivI64 { dst, a, b } => {
                    let y = ri!(b);
                    if y == 0 {
                        throw_rt!(RuntimeError::divide());
                    }
                    r!(dst) = ri!(a).wrapping_div(y) as u64
                }
                Instr::RemI64 { dst, a, b } => {
                    let y = ri!(b);
                    if y == 0 {
                        throw_rt!(RuntimeError::divide());
                    }
                    r!(dst) = ri!(a).wrapping_rem(y) as u64
                }
                Instr::DivU64 { dst, a, b } => {
                    let y = r!(b);
                    if y == 0 {
                        throw_rt!(RuntimeError::divide());
                    }
                    r!(dst) = r!(a) / y
                }
                Instr::RemU64 { dst, a, b } => {
                    let y = r!(b);
                    if y == 0 {
                        throw_rt!(RuntimeError::divide());
                    }
                    r!(dst) = r!(a) % y
                }
                Instr::AndI64 { dst, a, b } => r!(dst) = r!(a) & r!(b),
                Instr::OrI64 { dst, a, b } => r!(dst) = r!(a) | r!(b),
                Instr::XorI64 { dst, a, b } => r!(dst) = r!(a) ^ r!(b),
                Instr::AndNotI64 { dst, a, b } => r!(dst) = r!(a) & !r!(b),
                Instr::Shl { dst, a, b } => {
                    let s = r!(b);
                    r!(dst) = if s >= 64 { 0 } else { r!(a) << s }
                }
                Instr::ShrI64 { dst, a, b } => {
                    let s = r!(b);
                    r!(dst) = (ri!(a) >> s.min(63)) as u64
                }
                Instr::ShrU64 { dst, a, b } => {
                    let s = r!(b);
                    r!(dst) = if s >= 64 { 0 } else { r!(a) >> s }
                }
                Instr::ShiftCheck { a } => {
                    if ri!(a) < 0 {
                        throw_rt!(RuntimeError::new("runtime error: negative shift amount"));
                    }
                }
                Instr::AddImmI64 { dst, a, imm } => r!(dst) = r!(a).wrapping_add(imm as i64 as u64),
                Instr::NegI64 { dst, a } => r!(dst) = r!(a).wrapping_neg(),
                Instr::ComI64 { dst, a } => r!(dst) = !r!(a),
                Instr::Not { dst, a } => r!(dst) = r!(a) ^ 1,
                Instr::Ext { dst, src, kind } => r!(dst) = ext(r!(src), kind),

                Instr::AddF64 { dst, a, b } => r!(dst) = (rf!(a) + rf!(b)).to_bits(),
                Instr::SubF64 { dst, a, b } => r!(dst) = (rf!(a) - rf!(b)).to_bits(),
                Instr::MulF64 { dst, a, b } => r!(dst) = (rf!(a) * rf!(b)).to_bits(),
                Instr::DivF64 { dst, a, b } => r!(dst) = (rf!(a) / rf!(b)).to_bits(),
                Instr::NegF64 { dst, a } => r!(dst) = (-rf!(a)).to_bits(),
                Instr::AddF32 { dst, a, b } => r!(dst) = (rf32!(a) + rf32!(b)).to_bits() as u64,
                Instr::SubF32 { dst, a, b } => r!(dst) = (rf32!(a) - rf32!(b)).to_bits() as u64,
                Instr::MulF32 { dst, a, b } => r!(dst) = (rf32!(a) * rf32!(b)).to_bits() as u64,
                Instr::DivF32 { dst, a, b } => r!(dst) = (rf32!(a) / rf32!(b)).to_bits() as u64,
                Instr::NegF32 { dst, a } => r!(dst) = (-rf32!(a)).to_bits() as u64,
                Instr::Conv { dst, src, op } => r!(dst) = conv(op, r!(src)),

                Instr::EqI64 { dst, a, b } => r!(dst) = (r!(a) == r!(b)) as u64,
                Instr::NeI64 { dst, a, b } => r!(dst) = (r!(a) != r!(b)) as u64,
                Instr::LtI64 { dst, a, b } => r!(dst) = (ri!(a) < ri!(b)) as u64,
                Instr::LeI64 { dst, a, b } => r!(dst) = (ri!(a) <= ri!(b)) as u64,
                Instr::LtU64 { dst, a, b } => r!(dst) = (r!(a) < r!(b)) as u64,
                Instr::LeU64 { dst, a, b } => r!(dst) = (r!(a) <= r!(b)) as u64,
                Instr::EqF64 { dst, a, b } => r!(dst) = (rf!(a) == rf!(b)) as u64,
                Instr::NeF64 { dst, a, b } => r!(dst) = (rf!(a) != rf!(b)) as u64,
                Instr::LtF64 { dst, a, b } => r!(dst) = (rf!(a) < rf!(b)) as u64,
                Instr::LeF64 { dst, a, b } => r!(dst) = (rf!(a) <= rf!(b)) as u64,
                Instr::EqF32 { dst, a, b } => r!(dst) = (rf32!(a) == rf32!(b)) as u64,
                Instr::NeF32 { dst, a, b } => r!(dst) = (rf32!(a) != rf32!(b)) as u64,
                Instr::LtF32 { dst, a, b } => r!(dst) = (rf32!(a) < rf32!(b)) as u64,
                Instr::LeF32 { dst, a, b } => r!(dst) = (rf32!(a) <= rf32!(b)) as u64,
                Instr::CmpStr { dst, a, b, op } => {
                    let x = GoStr {
                        ptr: r!(a) as *const u8,
                        len: r!(Slot1(a)) as usize,
                    };
                    let y = GoStr {
                        ptr: r!(b) as *const u8,
                        len: r!(Slot1(b)) as usize,
                    };
                    r!(dst) = cmp_str(x, y, op) as u64
                }
                Instr::EqMem { dst, a, b, typ } => {
                    let t = &*(*func.consts.get_unchecked(typ as usize) as *const Type);
                    match crate::alg::typeequal_checked(t, r!(a) as *const u8, r!(b) as *const u8) {
                        Ok(eq) => r!(dst) = eq as u64,
                        Err(bad) => {
                            save!();
                            return Trap::Panic(crate::natives::uncomparable(bad));
                        }
                    }
                }

                Instr::Jmp { off } => {
                    ip = ip.offset(off as isize);
                    if off < 0 && preempt.load(Ordering::Relaxed) {
                        save!();
                        return Trap::Preempted;
                    }
                }
                Instr::JmpIf { cond, off } => {
                    if r!(cond) != 0 {
                        branch!(off)
                    }
                }
                Instr::JmpIfNot { cond, off } => {
                    if r!(cond) == 0 {
                        branch!(off)
                    }
                }
                Instr::JmpLtI64 { a, b, off } => {
                    if ri!(a) < ri!(b) {
                        branch!(off)
                    }
                }
                Instr::JmpGeI64 { a, b, off } => {
                    if ri!(a) >= ri!(b) {
                        branch!(off)
                    }
                }
                Instr::JmpEqI64 { a, b, off } => {
                    if r!(a) == r!(b) {
                        branch!(off)
                    }
                }
                Instr::JmpNeI64 { a, b, off } => {
                    if r!(a) != r!(b) {
                        branch!(off)
                    }
                }
                Instr::JmpLtImmI64 { a, imm, off } => {
                    if ri!(a) < imm as i64 {
                        branch!(off)
                    }
                }
                Instr::JmpGeImmI64 { a, imm, off } => {
                    if ri!(a) >= imm as i64 {
                        branch!(off)
                    }
                }
                Instr::JmpLeI64 { a, b, off } => {
                    if ri!(a) <= ri!(b) {
                        branch!(off)
                    }
                }
                Instr::JmpGtI64 { a, b, off } => {
                    if ri!(a) > ri!(b) {
                        branch!(off)
                    }
                }
                Instr::AddJmpLtI64 { i, n, imm, off } => {
                    let v = ri!(i).wrapping_add(imm as i64);
                    r!(i) = v as u64;
                    if v < ri!(n) {
                        branch!(off)
                    }
                }
                Instr::AddJmpLeI64 { i, n, imm, off } => {
                    let v = ri!(i).wrapping_add(imm as i64);
                    r!(i) = v as u64;
                    if v <= ri!(n) {
                        branch!(off)
                    }
                }
                Instr::AddRJmpLtI64 { i, step, n, off } => {
                    let v = ri!(i).wrapping_add(ri!(step));
                    r!(i) = v as u64;
                    if v < ri!(n) {
                        branch!(off)
                    }
                }
                Instr::AddRJmpLeI64 { i, step, n, off } => {
                    let v = ri!(i).wrapping_add(ri!(step));
                    r!(i) = v as u64;
                    if v <= ri!(n) {
                        branch!(off)
                    }
                }
                Instr::IncJmpLtI64 { i, n, off } => {
                    let v = ri!(i).wrapping_add(1);
                    r!(i) = v as u64;
                    if v < ri!(n) {
                        ip = ip.offset(off as isize);
                        if preempt.load(Ordering::Relaxed) {
                            save!();
                            return Trap::Preempted;
                        }
                    }
                }

                // The word-sized accesses, most of them, first: with the
                // kind known, `load`/`store` fold to one move.
                Instr::Load {
                    dst,
                    p,
                    kind: MemKind::W64,
                    off,
                } => {
                    let base = nonnil!(r!(p), off);
                    r!(dst) = load(base.add(off as usize), MemKind::W64)
                }
                Instr::Store {
                    p,
                    src,
                    kind: MemKind::W64,
                    off,
                } => {
                    let base = nonnil!(r!(p), off);
                    store(base.add(off as usize), MemKind::W64, r!(src))
                }
                Instr::Load { dst, p, kind, off } => {
                    let base = nonnil!(r!(p), off);
                    r!(dst) = load(base.add(off as usize), kind)
                }
                Instr::Store { p, src, kind, off } => {
                    let base = nonnil!(r!(p), off);
                    store(base.add(off as usize), kind, r!(src))
                }
                Instr::LoadN { dst, p, n, off } => {
                    let base = nonnil!(r!(p), off).add(off as usize);
                    for k in 0..n as usize {
                        *fp.add(dst.idx() + k) = load(base.add(8 * k), MemKind::W64);
                    }
                }
                Instr::StoreN { p, src, n, off } => {
                    let base = nonnil!(r!(p), off).add(off as usize);
                    for k in 0..n as usize {
                        store(base.add(8 * k), MemKind::W64, *fp.add(src.idx() + k));
                    }
                }
                Instr::FLoad { dst, kind, off } => {
                    r!(dst) = load((fp as *const u8).add(off as usize), kind)
                }
                Instr::FStore { src, kind, off } => {
                    store((fp as *mut u8).add(off as usize), kind, r!(src))
                }
                Instr::MemMove { dst, src, size } => {
                    let d = nonnil!(r!(dst), 0);
                    let s = nonnil!(r!(src), 0);
                    std::ptr::copy(s as *const u8, d, size as usize)
                }
                Instr::LoadBytes { dst, p, size } => {
                    let s = nonnil!(r!(p), 0);
                    let d = fp.add(dst.idx()) as *mut u8;
                    let n = size as usize;
                    std::ptr::write_bytes(d.add(n), 0, n.div_ceil(8) * 8 - n);
                    std::ptr::copy_nonoverlapping(s as *const u8, d, n)
                }
                Instr::StoreBytes { p, src, size } => {
                    let d = nonnil!(r!(p), 0);
                    std::ptr::copy_nonoverlapping(fp.add(src.idx()) as *const u8, d, size as usize)
                }
                Instr::MemZero { p, size } => {
                    let d = nonnil!(r!(p), 0);
                    std::ptr::write_bytes(d, 0, size as usize)
                }
                Instr::AtomicLoad { dst, p, kind } => match atomic_op(r!(p), kind, Access::Load, 0)
                {
                    Ok(v) => r!(dst) = v,
                    Err(e) => throw_rt!(e),
                },
                Instr::AtomicStore { p, src, kind } => {
                    if let Err(e) = atomic_op(r!(p), kind, Access::Store, r!(src)) {
                        throw_rt!(e);
                    }
                }
                Instr::AtomicRmw {
                    dst,
                    p,
                    src,
                    kind,
                    op,
                } => match atomic_op(r!(p), kind, Access::Rmw(op), r!(src)) {
                    Ok(v) => r!(dst) = v,
                    Err(e) => throw_rt!(e),
                },
                Instr::AtomicCas {
                    dst,
                    p,
                    old,
                    new,
                    kind,
                } => match atomic_op(r!(p), kind, Access::Cas(r!(old)), r!(new)) {
                    Ok(v) => r!(dst) = v,
                    Err(e) => throw_rt!(e),
                },
                Instr::NilCheck { p } => {
                    nonnil!(r!(p), 0);
                }
                Instr::IndexAddr { dst, p, i, size } => {
                    r!(dst) = r!(p).wrapping_add(r!(i).wrapping_mul(size as u64))
                }
                Instr::LoadIdx {
                    dst,
                    p,
                    i,
                    kind,
                    size,
                } => {
                    let a = r!(p).wrapping_add(r!(i).wrapping_mul(size as u64));
                    let base = nonnil!(a, 0);
                    r!(dst) = load(base, kind)
                }
                Instr::BoundsCheck { i, len } => {
                    if r!(i) >= r!(len) {
                        throw_rt!(RuntimeError::index(ri!(i), ri!(len)));
                    }
                }
                Instr::LoadElem {
                    dst,
                    s,
                    i,
                    kind: MemKind::W64,
                } => {
                    let idx = r!(i);
                    let len = r!(Slot1(s));
                    if idx >= len {
                        throw_rt!(RuntimeError::index(idx as i64, len as i64));
                    }
                    let p = (r!(s) as *const u8).add(idx as usize * 8);
                    r!(dst) = load(p, MemKind::W64)
                }
                Instr::StoreElem {
                    s,
                    i,
                    src,
                    kind: MemKind::W64,
                } => {
                    let idx = r!(i);
                    let len = r!(Slot1(s));
                    if idx >= len {
                        throw_rt!(RuntimeError::index(idx as i64, len as i64));
                    }
                    let p = (r!(s) as *mut u8).add(idx as usize * 8);
                    store(p, MemKind::W64, r!(src))
                }
                Instr::LoadElem { dst, s, i, kind } => {
                    let idx = r!(i);
                    let len = r!(Slot1(s));
                    if idx >= len {
                        throw_rt!(RuntimeError::index(idx as i64, len as i64));
                    }
                    let p = (r!(s) as *const u8).add(idx as usize * kind.size() as usize);
                    r!(dst) = load(p, kind)
                }
                Instr::StoreElem { s, i, src, kind } => {
                    let idx = r!(i);
                    let len = r!(Slot1(s));
                    if idx >= len {
                        throw_rt!(RuntimeError::index(idx as i64, len as i64));
                    }
                    let p = (r!(s) as *mut u8).add(idx as usize * kind.size() as usize);
                    store(p, kind, r!(src))
                }
                Instr::AddPtrImm { dst, a, imm } => r!(dst) = r!(a).wrapping_add(imm as u64),
                Instr::NewStack { dst, obj, n } => {
                    let p = fp.add(obj.idx());
                    std::ptr::write_bytes(p, 0, n as usize);
                    r!(dst) = p as u64;
                }
                Instr::NewStackOnce { dst, obj, n } => {
                    let p = fp.add(obj.idx());
                    let used = p.add(n as usize);
                    if *used == 0 {
                        std::ptr::write_bytes(p, 0, n as usize);
                        *used = 1;
                        r!(dst) = p as u64;
                    } else {
                        r!(dst) = 0;
                    }
                }
                Instr::NewBuf { dst, .. } => r!(dst) = 0,
                Instr::New { dst, typ } => {
                    // The heap profile's sampler reads the allocating
                    // frame (mprof.rs).
                    save!();
                    let t = *func.consts.get_unchecked(typ as usize) as *const Type;
                    r!(dst) = crate::malloc::mallocgc((*t).size, t, true) as u64
                }

                // Maps with fast keys (op.rs): `typ` is a map type
                // descriptor constant and `m` a map of that type (Go's
                // type system); the slot reads are verified operands.
                Instr::MapAccess32 { dst, m, key, typ } => {
                    map_fast!(access mapaccess2_fast32, dst, m, typ, r!(key) as u32)
                }
                Instr::MapAccess64 { dst, m, key, typ } => {
                    map_fast!(access mapaccess2_fast64, dst, m, typ, r!(key))
                }
                Instr::MapAccessStr { dst, m, key, typ } => {
                    map_fast!(access mapaccess2_faststr, dst, m, typ, *(fp.add(key.idx()) as *const GoStr))
                }
                Instr::MapAssign32 { dst, m, key, typ } => {
                    map_fast!(assign mapassign_fast32, dst, m, typ, r!(key) as u32)
                }
                Instr::MapAssign64 { dst, m, key, typ } => {
                    map_fast!(assign mapassign_fast64, dst, m, typ, r!(key))
                }
                Instr::MapAssignStr { dst, m, key, typ } => {
                    map_fast!(assign mapassign_faststr, dst, m, typ, *(fp.add(key.idx()) as *const GoStr))
                }

                Instr::Print { a, kind } => {
                    crate::print::print_value(&mut gs.out, kind, fp.add(a.idx()));
                }

                Instr::Call {
                    func: callee_id,
                    base,
                } => {
                    enter!(callee_id, cur.fp as usize + base.idx());
                }
                Instr::CallClosure { fv, base, .. } => {
                    let f = r!(fv);
                    if f == 0 {
                        throw_rt!(RuntimeError::nil_deref(0));
                    }
                    ctx = f;
                    let fid = dyn_func!(*(f as *const u64), f);
                    enter!(fid, cur.fp as usize + base.idx());
                }
                Instr::CallIndirect { f, base, .. } => {
                    let fid = dyn_func!(r!(f), 0);
                    enter!(fid, cur.fp as usize + base.idx());
                }
                Instr::CallNative { id, base, .. } => {
                    let n = natives.get_unchecked(id as usize);
                    save!();
                    // The closure register is a GC root while the native
                    // runs (or parks) and is restored from here on resume.
                    gs.ctx = ctx;
                    if let Err(e) = (n.f)(gs, fp.add(base.idx())) {
                        gs.in_native = matches!(e, PanicValue::Park);
                        return Trap::Panic(e);
                    }
                }
                Instr::GetClosure { dst } => r!(dst) = ctx,
                Instr::Ret => match st.frames.pop() {
                    None => {
                        save!();
                        return Trap::Done;
                    }
                    Some(caller) if caller.func == PANIC_MARK => {
                        save!();
                        return Trap::DeferReturned;
                    }
                    Some(caller) => {
                        // The returning frame's arguments and locals stay
                        // as they are: the caller's stack map never counts
                        // a slot a callee may have written as live before
                        // the caller writes it again (stackmap.rs). Debug
                        // builds poison them, so that a read of one fails.
                        if cfg!(debug_assertions) && !func.scan_whole_frame {
                            let res = func.result_slots as usize;
                            for i in res + func.arg_slots as usize..func.frame_size as usize {
                                *fp.add(i) = 0xdead_beef_dead_beef;
                            }
                        }
                        cur = caller;
                        func = funcs.get_unchecked(cur.func.idx());
                        code = func.code.as_ptr();
                        ip = code.add(cur.pc as usize);
                        fp = st.buf.as_mut_ptr().add(cur.fp as usize);
                    }
                },

                Instr::Defer { fv } => gs.defers.push(DeferRec {
                    fv: r!(fv),
                    depth: st.frames.len(),
                }),
                Instr::DeferReturn => {
                    let depth = st.frames.len();
                    if let Some(d) = gs.defers.last().copied() {
                        if d.depth == depth {
                            gs.defers.pop();
                            if d.fv == 0 {
                                throw_rt!(RuntimeError::nil_deref(0));
                            }
                            // Return to this DeferReturn to run the next one.
                            ip = ip.sub(1);
                            ctx = d.fv;
                            let fid = dyn_func!(*(d.fv as *const u64), d.fv);
                            enter!(fid, cur.fp as usize + func.frame_size as usize);
                        }
                    }
                }
                Instr::Panic { v } => {
                    let typ = r!(v) as *const Type;
                    let data = r!(Slot1(v)) as *const u8;
                    save!();
                    return Trap::Panic(if typ.is_null() {
                        PanicValue::Runtime(RuntimeError::new(
                            "panic called with nil argument (use runtime.PanicNilError)",
                        ))
                    } else {
                        PanicValue::Go { typ, data }
                    });
                }
                Instr::Recover { dst } => {
                    let (t, d) = do_recover(funcs, st, gs, func.wrapper);
                    r!(dst) = t;
                    r!(Slot1(dst)) = d;
                }

                Instr::CallIface {
                    iface,
                    m,
                    base,
                    recv,
                    ..
                } => {
                    let off = 24 + 8 * m as usize;
                    let itab = nonnil!(r!(iface), off);
                    let fid = dyn_func!(*(itab.add(off) as *const u64), 0);
                    r!(crate::op::Slot(base.0 + recv)) = r!(Slot1(iface));
                    enter!(fid, cur.fp as usize + base.idx());
                }
                Instr::LoadCtx { dst, n, off } => {
                    let p = nonnil!(ctx, off).add(off as usize) as *const u64;
                    // Usually one word (an int copied in, or a cell
                    // pointer): no call to memcpy for it.
                    if n == 1 {
                        *fp.add(dst.idx()) = *p;
                    } else {
                        std::ptr::copy_nonoverlapping(p, fp.add(dst.idx()), n as usize)
                    }
                }
                Instr::SqrtF64 { dst, a } => r!(dst) = rf!(a).sqrt().to_bits(),
                Instr::DivConstI64 { dst, a, k } => {
                    let c = func.consts.as_ptr().add(k as usize);
                    let (m, s, d) = (*c, *c.add(1) as u32, *c.add(2) as i64);
                    r!(dst) = crate::op::div_by_magic(ri!(a), d, m, s) as u64
                }
                Instr::MulAddI64 { t, a, b, d, c } => {
                    let m = r!(a).wrapping_mul(r!(b));
                    r!(t) = m;
                    r!(d) = r!(c).wrapping_add(m);
                }
                Instr::XorAddI64 { d, c, a, b } => r!(d) = r!(c).wrapping_add(r!(a) ^ r!(b)),
                Instr::AndAddI64 { d, c, a, b } => r!(d) = r!(c).wrapping_add(r!(a) & r!(b)),
                Instr::OrAddI64 { d, c, a, b } => r!(d) = r!(c).wrapping_add(r!(a) | r!(b)),
                Instr::MulAddF64 { t, a, b, d, c } => {
                    let m = rf!(a) * rf!(b);
                    r!(t) = m.to_bits();
                    r!(d) = (rf!(c) + m).to_bits();
                }
                Instr::RemConstI64 { dst, a, k } => {
                    let c = func.consts.as_ptr().add(k as usize);
                    let (m, s, d) = (*c, *c.add(1) as u32, *c.add(2) as i64);
                    let n = ri!(a);
                    let q = crate::op::div_by_magic(n, d, m, s);
                    r!(dst) = n.wrapping_sub(q.wrapping_mul(d)) as u64
                }
            }
        }
    }
}

/// The slot after `s` (second word of a two-word operand).
#[allow(non_snake_case)]
#[inline(always)]
fn Slot1(s: crate::op::Slot) -> crate::op::Slot {
    crate::op::Slot(s.0 + 1)
}

/// `recover()`: valid only when exactly one non-wrapper frame (the
/// running one, or a caller of a running wrapper such as the thunk of
/// `defer recover()`) lies between it and the panic machinery's
/// marker, while a panic is not yet recovered. Returns the panic value
/// as an `interface{}`.
#[cold]
fn do_recover(funcs: &[Func], st: &Stack, gs: &mut GState, in_wrapper: bool) -> (u64, u64) {
    let Some(p) = gs.panics.last_mut() else {
        return (0, 0);
    };
    if p.recovered || matches!(p.val, PanicValue::Goexit) {
        return (0, 0);
    }
    let mut i = st.frames.len();
    let mut real_frames = !in_wrapper as u32;
    loop {
        if i == 0 {
            return (0, 0);
        }
        let caller = st.frames[i - 1];
        if caller.func == PANIC_MARK {
            break;
        }
        if !funcs[caller.func.idx()].wrapper {
            real_frames += 1;
            if real_frames > 1 {
                return (0, 0);
            }
        }
        i -= 1;
    }
    if real_frames != 1 || i - 1 != p.mark_depth {
        return (0, 0);
    }
    p.recovered = true;
    crate::print::panic_value_as_eface(&p.val)
}
