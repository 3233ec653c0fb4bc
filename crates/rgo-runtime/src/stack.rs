//! Goroutine stacks (Go's runtime/stack.go): a growable buffer of 8-byte
//! slots holding a goroutine's frames, and `copystack`.
//!
//! A stack starts at 2 KiB (256 slots), as Go's do, and doubles by a copy
//! when a frame does not fit. The maximum is Go's: 1 GB, then `runtime:
//! goroutine stack exceeds 1000000000-byte limit` and `fatal error: stack
//! overflow`.
//!
//! Invariants:
//! - frames hold slot offsets (`CallInfo::fp`), never addresses, so the
//!   interpreter only re-derives its frame pointer after a growth;
//! - the only addresses into a stack are pointers to its own stack
//!   objects (`Instr::NewStack`): escape analysis lets no such pointer
//!   reach the heap, another goroutine or a native (rgo-compile's
//!   stackobj.rs). So they sit in pointer slots of the
//!   goroutine's frames (stack objects' pointer words included, which
//!   are pointer slots of their frame), in the interpreter's closure
//!   register or in the goroutine's `_defer` records (a deferred closure
//!   outside loops stays in its frame, as Go's open-coded defers do), and
//!   growth moves exactly those ([`Stack::grow`] and its callers);
//! - a frame owns its slots up to the next frame's start (a suspended
//!   caller's call window holds the callee's arguments, which are the
//!   callee's), so each slot is adjusted once, by the pointer map of the
//!   frame that owns it. A pointer slot holding a non-pointer word that
//!   happens to be an address of the old stack would be moved too; only
//!   Go code forging addresses with unsafe could make one.

use std::sync::atomic::Ordering;

use crate::interp::{CallInfo, DeferRec, PANIC_MARK};
use crate::op::FuncId;
use crate::symtab::{Func, Program};

/// Initial stack size in slots (2 KiB, Go's `fixedStack`).
pub const STACK_MIN_SLOTS: usize = 2048 / 8;
/// Maximum stack size in bytes (Go's `maxstacksize` on 64-bit).
pub const STACK_MAX_BYTES: usize = 1_000_000_000;
/// The stack limit in force for every goroutine (`debug.SetMaxStack`;
/// Go's `maxstacksize`), in bytes.
pub static MAX_STACK_BYTES: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(STACK_MAX_BYTES);

/// A goroutine's stack: its frames' slots and the chain of callers.
pub struct Stack {
    pub buf: Vec<u64>,
    pub frames: Vec<CallInfo>,
    /// The running (or, when saved, the next to run) frame.
    pub cur: CallInfo,
    /// Growth limit in bytes ([`STACK_MAX_BYTES`]; tests lower it).
    pub max_bytes: usize,
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

    /// Re-arms a dead goroutine's stack to run `entry` (keeps the buffer).
    pub fn reset(&mut self, prog: &Program, entry: FuncId) {
        let need = prog.funcs[entry.idx()].frame_size as usize + 1;
        if self.buf.len() < need {
            let mut n = STACK_MIN_SLOTS;
            while n < need {
                n *= 2;
            }
            self.buf = vec![0; n];
        } else {
            // A reused stack: the entry frame starts zeroed (enter's
            // entry_zero rule), whatever the last goroutine left.
            self.buf[..need - 1].fill(0);
        }
        self.frames.clear();
        self.cur = CallInfo {
            func: entry,
            pc: 0,
            fp: 0,
        };
        self.max_bytes = STACK_MAX_BYTES;
    }

    /// Grows the stack so that `need` slots fit, copying it (Go's
    /// `copystack`), and moves every pointer into the old stack that a
    /// frame holds, or one of the goroutine's `defers` holds, by the
    /// distance the stack moved. `self.cur` must be the newest frame (one
    /// being entered owns what its caller wrote into its arguments).
    /// Returns how it moved, or `None` when the stack would pass its
    /// limit. A pointer into the old stack that the caller keeps
    /// elsewhere (the closure register) is its to move:
    /// [`Moved::adjust`].
    #[cold]
    pub fn grow(&mut self, need: usize, funcs: &[Func], defers: &mut [DeferRec]) -> Option<Moved> {
        let mut n = self.buf.len() * 2;
        while n < need {
            n *= 2;
        }
        if stackmove() {
            // A new buffer just big enough: the next deeper call moves
            // the stack again.
            n = need;
        }
        if n * 8 > self.max_bytes.min(MAX_STACK_BYTES.load(Ordering::Relaxed)) {
            return None;
        }
        let lo = self.buf.as_ptr() as u64;
        let moved = Moved {
            lo,
            hi: lo + self.buf.len() as u64 * 8,
            delta: 0,
        };
        if stackmove() {
            // Slots past `need` belong to no frame (the one being entered
            // is the newest).
            let mut b = vec![0u64; n];
            let keep = self.buf.len().min(n);
            b[..keep].copy_from_slice(&self.buf[..keep]);
            self.buf = b;
        } else {
            self.buf.resize(n, 0);
        }
        let moved = Moved {
            delta: (self.buf.as_ptr() as u64).wrapping_sub(lo),
            ..moved
        };
        if moved.delta != 0 {
            self.adjust_frames(funcs, &moved);
            for d in defers.iter_mut() {
                d.fv = moved.adjust(d.fv);
            }
        }
        Some(moved)
    }

    /// Moves the pointers into the old stack held in the frames' pointer
    /// slots (Go's `adjustframe`; see the module comment for ownership).
    fn adjust_frames(&mut self, funcs: &[Func], m: &Moved) {
        let chain: Vec<CallInfo> = self
            .frames
            .iter()
            .chain(std::iter::once(&self.cur))
            .filter(|ci| ci.func != PANIC_MARK)
            .copied()
            .collect();
        for (k, ci) in chain.iter().enumerate() {
            let Some(f) = funcs.get(ci.func.idx()) else {
                continue;
            };
            let fp = ci.fp as usize;
            let owned = match chain.get(k + 1) {
                Some(next) => (next.fp as usize).saturating_sub(fp),
                None => usize::MAX,
            }
            .min(f.frame_size as usize);
            for (w, &bits) in f.ptrmap.iter().enumerate() {
                let mut bits = bits;
                while bits != 0 {
                    let s = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    if s >= owned {
                        break;
                    }
                    if let Some(v) = self.buf.get_mut(fp + s) {
                        *v = m.adjust(*v);
                    }
                }
            }
        }
    }
}

/// rgo's stack-copy stress mode (`RGODEBUG=stackmove=1`): a stack grows
/// into a new buffer just big enough for the frame being entered, so
/// nearly every call that goes deeper moves the whole stack; a pointer
/// into the stack that growth fails to move then reads freed memory.
pub(crate) fn stackmove() -> bool {
    static V: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *V.get_or_init(|| crate::mgc::rgodebug("stackmove"))
}

/// How a growth moved the stack: from `lo..hi` by `delta` bytes.
#[derive(Clone, Copy, Debug)]
pub struct Moved {
    lo: u64,
    hi: u64,
    delta: u64,
}

impl Moved {
    /// `v` moved with the stack if it pointed into the old one.
    #[inline]
    pub fn adjust(&self, v: u64) -> u64 {
        if (self.lo..self.hi).contains(&v) {
            v.wrapping_add(self.delta)
        } else {
            v
        }
    }
}
