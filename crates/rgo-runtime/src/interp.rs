//! The interpreter loop: runs one goroutine's bytecode until it returns,
//! panics, or must yield (preemption today; parking when channels land).
//!
//! One loop, one short arm per instruction, slow paths in `#[cold]`
//! functions. The state of the running frame lives in locals (`ip`, `fp`,
//! `code`, `func`); it is written back to the goroutine's [`Stack`] —
//! *saved* — before anything that can panic, grow the stack, or leave the
//! loop. That is the one rule for state: save before the slow path.
//!
//! Invariants:
//! - `fp` points at slot 0 of the running frame inside `stack.buf`, and
//!   `fp + func.frame_size <= stack.buf.len()` (checked at every call);
//! - every slot operand is `< frame_size` and every jump target is inside
//!   the code (the program was verified, see symtab.rs), so slot and code
//!   accesses need no bounds checks;
//! - `stack.frames` holds one [`CallInfo`] per suspended caller.
//!
//! Goroutine stacks start at 2 KiB (256 slots), as Go's do, and grow by
//! doubling with a copy. The maximum is Go's: 1 GB, then
//! `runtime: goroutine stack exceeds 1000000000-byte limit` and
//! `fatal error: stack overflow`.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::op::{FuncId, Instr};
use crate::symtab::{Func, Program};

/// Initial stack size in slots (2 KiB, Go's `fixedStack`).
pub const STACK_MIN_SLOTS: usize = 2048 / 8;
/// Maximum stack size in bytes (Go's `maxstacksize` on 64-bit).
pub const STACK_MAX_BYTES: usize = 1_000_000_000;

/// A suspended caller: where to resume and which frame to restore.
#[derive(Clone, Copy, Debug)]
pub struct CallInfo {
    pub func: FuncId,
    /// Index of the instruction after the call.
    pub pc: u32,
    /// Slot offset of the caller's frame in the stack.
    pub fp: u32,
}

/// A goroutine's stack: its frames' slots and the chain of callers.
pub struct Stack {
    pub buf: Vec<u64>,
    pub frames: Vec<CallInfo>,
    /// The running (or, when saved, the next to run) frame.
    pub cur: CallInfo,
    /// Growth limit in bytes ([`STACK_MAX_BYTES`]; tests lower it).
    pub max_bytes: usize,
}

/// Why the loop stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// The entry function returned; its results are in `buf[0..]`.
    Done,
    /// A Go panic was raised (message as Go prints it after `panic: `).
    Panic(RuntimeError),
    /// The preemption flag was seen at a safepoint; resume with [`run`].
    Preempted,
    /// The stack would exceed [`STACK_MAX_BYTES`].
    StackOverflow,
}

/// Runtime errors raised by instructions (Go's `runtime.Error` values).
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum RuntimeError {
    DivideByZero,
}

impl RuntimeError {
    pub fn message(&self) -> &'static str {
        match self {
            RuntimeError::DivideByZero => "runtime error: integer divide by zero",
        }
    }
}

impl Stack {
    /// A new stack about to run `entry` with its frame at slot 0.
    pub fn new(prog: &Program, entry: FuncId) -> Stack {
        let need = prog.funcs[entry.idx()].frame_size as usize;
        let mut n = STACK_MIN_SLOTS;
        while n < need {
            n *= 2;
        }
        Stack {
            buf: vec![0; n],
            frames: Vec::new(),
            cur: CallInfo {
                func: entry,
                pc: 0,
                fp: 0,
            },
            max_bytes: STACK_MAX_BYTES,
        }
    }

    /// Grows the stack so that `need` slots fit, copying it. Pointers into
    /// the stack are found through pointer maps and adjusted (when the
    /// compiler emits them: see DESIGN §3); today frames hold offsets only.
    #[cold]
    fn grow(&mut self, need: usize) -> bool {
        let mut n = self.buf.len() * 2;
        while n < need {
            n *= 2;
        }
        if n * 8 > self.max_bytes {
            return false;
        }
        self.buf.resize(n, 0);
        true
    }
}

/// Runs the goroutine whose state is `st` until it finishes, panics, or
/// sees `preempt` set at a safepoint.
pub fn run(prog: &Program, st: &mut Stack, preempt: &AtomicBool) -> Exit {
    let funcs: &[Func] = &prog.funcs;
    let mut cur = st.cur;
    // SAFETY: `cur.func` is a valid index: it was checked when the frame was
    // pushed (Program::verify checks every Call's FuncId).
    let mut func: &Func = unsafe { funcs.get_unchecked(cur.func.idx()) };
    let mut code: *const Instr = func.code.as_ptr();
    // SAFETY: `cur.pc <= code.len()` for a saved frame (a resumed pc is
    // the instruction after the one that saved it, which is not the last
    // one: verify guarantees code does not fall off its end).
    let mut ip: *const Instr = unsafe { code.add(cur.pc as usize) };
    // SAFETY: the frame `cur.fp .. cur.fp + frame_size` lies within `buf`
    // (invariant of Stack, re-established by every call).
    let mut fp: *mut u64 = unsafe { st.buf.as_mut_ptr().add(cur.fp as usize) };

    // Slot access. `$s` is a verified Slot of the running frame.
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
    macro_rules! save {
        () => {
            cur.pc = ip.offset_from(code) as u32;
            st.cur = cur;
        };
    }

    // SAFETY: every raw access below is to a slot of the running frame or
    // to the next instruction, both in bounds by the invariants in the
    // module comment; `ip` only moves by verified jump offsets.
    unsafe {
        loop {
            let ins = *ip;
            ip = ip.add(1);
            match ins {
                Instr::Nop => {}
                Instr::Mov { dst, src } => r!(dst) = r!(src),
                Instr::MovN { dst, src, n } => {
                    std::ptr::copy(fp.add(src.idx()), fp.add(dst.idx()), n as usize)
                }
                Instr::LoadImm { dst, imm } => r!(dst) = imm as i64 as u64,
                Instr::LoadConst { dst, idx } => r!(dst) = *func.consts.get_unchecked(idx as usize),

                Instr::AddI64 { dst, a, b } => r!(dst) = r!(a).wrapping_add(r!(b)),
                Instr::SubI64 { dst, a, b } => r!(dst) = r!(a).wrapping_sub(r!(b)),
                Instr::MulI64 { dst, a, b } => r!(dst) = r!(a).wrapping_mul(r!(b)),
                Instr::DivI64 { dst, a, b } => {
                    let y = ri!(b);
                    if y == 0 {
                        save!();
                        return Exit::Panic(RuntimeError::DivideByZero);
                    }
                    r!(dst) = ri!(a).wrapping_div(y) as u64
                }
                Instr::RemI64 { dst, a, b } => {
                    let y = ri!(b);
                    if y == 0 {
                        save!();
                        return Exit::Panic(RuntimeError::DivideByZero);
                    }
                    r!(dst) = ri!(a).wrapping_rem(y) as u64
                }
                Instr::AndI64 { dst, a, b } => r!(dst) = r!(a) & r!(b),
                Instr::OrI64 { dst, a, b } => r!(dst) = r!(a) | r!(b),
                Instr::XorI64 { dst, a, b } => r!(dst) = r!(a) ^ r!(b),
                Instr::AddImmI64 { dst, a, imm } => r!(dst) = r!(a).wrapping_add(imm as i64 as u64),
                Instr::NegI64 { dst, a } => r!(dst) = r!(a).wrapping_neg(),

                Instr::AddF64 { dst, a, b } => r!(dst) = (rf!(a) + rf!(b)).to_bits(),
                Instr::SubF64 { dst, a, b } => r!(dst) = (rf!(a) - rf!(b)).to_bits(),
                Instr::MulF64 { dst, a, b } => r!(dst) = (rf!(a) * rf!(b)).to_bits(),
                Instr::DivF64 { dst, a, b } => r!(dst) = (rf!(a) / rf!(b)).to_bits(),

                Instr::EqI64 { dst, a, b } => r!(dst) = (r!(a) == r!(b)) as u64,
                Instr::LtI64 { dst, a, b } => r!(dst) = (ri!(a) < ri!(b)) as u64,
                Instr::LeI64 { dst, a, b } => r!(dst) = (ri!(a) <= ri!(b)) as u64,
                Instr::LtU64 { dst, a, b } => r!(dst) = (r!(a) < r!(b)) as u64,

                Instr::Jmp { off } => {
                    ip = ip.offset(off as isize);
                    if off < 0 && preempt.load(Ordering::Relaxed) {
                        save!();
                        return Exit::Preempted;
                    }
                }
                Instr::JmpIf { cond, off } => {
                    if r!(cond) != 0 {
                        ip = ip.offset(off as isize)
                    }
                }
                Instr::JmpIfNot { cond, off } => {
                    if r!(cond) == 0 {
                        ip = ip.offset(off as isize)
                    }
                }
                Instr::JmpLtI64 { a, b, off } => {
                    if ri!(a) < ri!(b) {
                        ip = ip.offset(off as isize)
                    }
                }
                Instr::JmpGeI64 { a, b, off } => {
                    if ri!(a) >= ri!(b) {
                        ip = ip.offset(off as isize)
                    }
                }
                Instr::JmpLtImmI64 { a, imm, off } => {
                    if ri!(a) < imm as i64 {
                        ip = ip.offset(off as isize)
                    }
                }
                Instr::JmpGeImmI64 { a, imm, off } => {
                    if ri!(a) >= imm as i64 {
                        ip = ip.offset(off as isize)
                    }
                }
                Instr::IncJmpLtI64 { i, n, off } => {
                    let v = ri!(i).wrapping_add(1);
                    r!(i) = v as u64;
                    if v < ri!(n) {
                        ip = ip.offset(off as isize);
                        if preempt.load(Ordering::Relaxed) {
                            save!();
                            return Exit::Preempted;
                        }
                    }
                }

                Instr::Call {
                    func: callee_id,
                    base,
                } => {
                    let callee = funcs.get_unchecked(callee_id.idx());
                    let new_fp = cur.fp as usize + base.idx();
                    let need = new_fp + callee.frame_size as usize;
                    cur.pc = ip.offset_from(code) as u32;
                    st.frames.push(cur);
                    if need > st.buf.len() && !st.grow(need) {
                        st.frames.pop();
                        save!();
                        return Exit::StackOverflow;
                    }
                    fp = st.buf.as_mut_ptr().add(new_fp);
                    // Zero results and locals; arguments are the caller's.
                    let res = callee.result_slots as usize;
                    let args_end = res + callee.arg_slots as usize;
                    std::ptr::write_bytes(fp, 0, res);
                    std::ptr::write_bytes(
                        fp.add(args_end),
                        0,
                        callee.frame_size as usize - args_end,
                    );
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
                        return Exit::Preempted;
                    }
                }
                Instr::Ret => match st.frames.pop() {
                    None => {
                        save!();
                        return Exit::Done;
                    }
                    Some(caller) => {
                        cur = caller;
                        func = funcs.get_unchecked(cur.func.idx());
                        code = func.code.as_ptr();
                        ip = code.add(cur.pc as usize);
                        fp = st.buf.as_mut_ptr().add(cur.fp as usize);
                    }
                },
            }
        }
    }
}
