//! Function metadata (Go's symtab.go / funcdata): the compiled code of a
//! function, its frame size, its pointer map, and its pc→line table.
//!
//! Invariants (checked by `Func::verify`, relied on by the interpreter
//! to skip bounds checks):
//! - every slot operand of every instruction is `< frame_size`;
//! - every jump lands inside `code`; the last instruction cannot fall off
//!   the end (it is a `Ret` or an unconditional jump);
//! - a `Call`'s `base + callee.frame_size` fits the caller's frame plus the
//!   stack headroom the caller reserves (`base < frame_size`);
//! - `ptrmap` has a bit per slot: set iff the slot may hold a pointer. A
//!   slot never holds a pointer at one pc and a scalar at another.

use crate::op::{FuncId, Instr, Slot};

#[derive(Clone, Debug, Default)]
pub struct Func {
    pub name: String,
    pub code: Box<[Instr]>,
    /// 64-bit constants loaded by `LoadConst`.
    pub consts: Box<[u64]>,
    /// Slots in the frame: results, arguments, locals, temporaries.
    pub frame_size: u32,
    /// Result slots at the start of the frame.
    pub result_slots: u32,
    /// Argument slots following the results.
    pub arg_slots: u32,
    /// One bit per slot: may hold a pointer (for the GC and stack copying).
    pub ptrmap: Box<[u64]>,
}

/// The compiled program: every function, indexed by [`FuncId`].
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub funcs: Vec<Func>,
}

impl Program {
    /// Checks the invariants the interpreter relies on, for every function.
    pub fn verify(&self) -> Result<(), String> {
        for (i, f) in self.funcs.iter().enumerate() {
            f.verify(self)
                .map_err(|e| format!("func {} ({}): {}", i, f.name, e))?;
        }
        Ok(())
    }
}

impl Func {
    fn verify(&self, prog: &Program) -> Result<(), String> {
        let size = self.frame_size;
        if self.result_slots + self.arg_slots > size {
            return Err("results and arguments exceed the frame".into());
        }
        let n = self.code.len() as i64;
        match self.code.last() {
            Some(Instr::Ret) | Some(Instr::Jmp { .. }) => {}
            _ => return Err("code may fall off the end".into()),
        }
        let slot = |s: Slot| -> Result<(), String> {
            if (s.0 as u32) < size {
                Ok(())
            } else {
                Err(format!("slot {} out of frame of {}", s.0, size))
            }
        };
        let target = |pc: usize, off: i32| -> Result<(), String> {
            let t = pc as i64 + 1 + off as i64;
            if (0..n).contains(&t) {
                Ok(())
            } else {
                Err(format!("jump at {} to {} out of code", pc, t))
            }
        };
        for (pc, ins) in self.code.iter().enumerate() {
            use Instr::*;
            match *ins {
                Nop | Ret => {}
                Mov { dst, src } => {
                    slot(dst)?;
                    slot(src)?
                }
                MovN { dst, src, n } => {
                    if n == 0 {
                        return Err("MovN of 0 slots".into());
                    }
                    slot(Slot(dst.0.saturating_add(n - 1)))?;
                    slot(Slot(src.0.saturating_add(n - 1)))?
                }
                LoadImm { dst, .. } => slot(dst)?,
                LoadConst { dst, idx } => {
                    slot(dst)?;
                    if idx as usize >= self.consts.len() {
                        return Err(format!("constant {} out of pool", idx));
                    }
                }
                AddI64 { dst, a, b }
                | SubI64 { dst, a, b }
                | MulI64 { dst, a, b }
                | DivI64 { dst, a, b }
                | RemI64 { dst, a, b }
                | AndI64 { dst, a, b }
                | OrI64 { dst, a, b }
                | XorI64 { dst, a, b }
                | AddF64 { dst, a, b }
                | SubF64 { dst, a, b }
                | MulF64 { dst, a, b }
                | DivF64 { dst, a, b }
                | EqI64 { dst, a, b }
                | LtI64 { dst, a, b }
                | LeI64 { dst, a, b }
                | LtU64 { dst, a, b } => {
                    slot(dst)?;
                    slot(a)?;
                    slot(b)?
                }
                AddImmI64 { dst, a, .. } | NegI64 { dst, a } => {
                    slot(dst)?;
                    slot(a)?
                }
                Jmp { off } => target(pc, off)?,
                JmpIf { cond, off } | JmpIfNot { cond, off } => {
                    slot(cond)?;
                    target(pc, off)?
                }
                JmpLtI64 { a, b, off } | JmpGeI64 { a, b, off } => {
                    slot(a)?;
                    slot(b)?;
                    target(pc, off)?
                }
                JmpLtImmI64 { a, off, .. } | JmpGeImmI64 { a, off, .. } => {
                    slot(a)?;
                    target(pc, off)?
                }
                IncJmpLtI64 { i, n, off } => {
                    slot(i)?;
                    slot(n)?;
                    target(pc, off)?
                }
                Call { func, base } => {
                    slot(base)?;
                    let callee = prog
                        .funcs
                        .get(func.0 as usize)
                        .ok_or_else(|| format!("call of unknown func {}", func.0))?;
                    let _ = callee;
                }
            }
        }
        if self.ptrmap.len() * 64 < size as usize {
            return Err("pointer map shorter than the frame".into());
        }
        Ok(())
    }

    /// Whether `slot` may hold a pointer.
    pub fn is_ptr_slot(&self, slot: usize) -> bool {
        self.ptrmap
            .get(slot / 64)
            .is_some_and(|w| w >> (slot % 64) & 1 == 1)
    }
}

impl FuncId {
    #[inline(always)]
    pub fn idx(self) -> usize {
        self.0 as usize
    }
}
