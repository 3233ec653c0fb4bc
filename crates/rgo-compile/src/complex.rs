//! Lowering of complex numbers to float instructions on slot pairs.
//!
//! Layout (Go's): a complex128 is two slots, real then imaginary
//! float64; a complex64 is one slot holding two float32 bit patterns,
//! real in the low half, imaginary in the high half, so it moves between
//! frame and memory like any 8-byte scalar. Arithmetic reads a
//! complex64's halves with byte-offset frame loads (`FLoad`) and writes
//! them back with `FStore`; no instruction of the VM knows complex
//! numbers.
//!
//! Semantics follow gc on amd64: `+`, `-` and negation work per part in
//! the part's precision; `*` computes `(ac-bd) + (ad+bc)i` in float64
//! (complex64 operands are widened, the parts rounded back at the end);
//! `/` converts both operands to complex128 and calls the runtime's
//! `complex128div` (Smith's algorithm with C99's inf/nan corrections),
//! rounding back for complex64; `==` compares both parts as floats.

use rgo_runtime::op::{ConvOp, Instr, MemKind, Slot};
use rgo_syntax::token::Token;
use rgo_types::constant::BasicKind;
use rgo_types::types::TypeId;

use crate::func::Fc;

impl<'c, 'a> Fc<'c, 'a> {
    /// `Some(true)` for complex64, `Some(false)` for complex128 (and
    /// untyped complex), `None` for other types.
    pub fn complex_kind(&self, t: TypeId) -> Option<bool> {
        match self.c.w.types.basic_kind(t) {
            Some(BasicKind::Complex64) => Some(true),
            Some(BasicKind::Complex128) | Some(BasicKind::UntypedComplex) => Some(false),
            _ => None,
        }
    }

    /// The parts of the complex value at `v`: the slots themselves for a
    /// complex128, fresh float32 slots for a complex64.
    fn c_parts(&mut self, v: Slot, c64: bool) -> (Slot, Slot) {
        if !c64 {
            return (v, Slot(v.0 + 1));
        }
        let re = self.scalar();
        let im = self.scalar();
        let off = v.0 as u32 * 8;
        self.emit(Instr::FLoad {
            dst: re,
            kind: MemKind::U32,
            off,
        });
        self.emit(Instr::FLoad {
            dst: im,
            kind: MemKind::U32,
            off: off + 4,
        });
        (re, im)
    }

    /// The parts of the complex value at `v` as float64 slots.
    fn c_parts_f64(&mut self, v: Slot, c64: bool) -> (Slot, Slot) {
        let (re, im) = self.c_parts(v, c64);
        if !c64 {
            return (re, im);
        }
        self.conv(re, re, ConvOp::F32ToF64);
        self.conv(im, im, ConvOp::F32ToF64);
        (re, im)
    }

    /// Writes parts `re`, `im` (in the part precision of the type) as a
    /// complex value at `dst`. The parts must not overlap `dst` unless
    /// they are its own slots.
    fn c_put(&mut self, dst: Slot, re: Slot, im: Slot, c64: bool) {
        if !c64 {
            self.mov(dst, re, 1);
            self.mov(Slot(dst.0 + 1), im, 1);
            return;
        }
        let off = dst.0 as u32 * 8;
        self.emit(Instr::FStore {
            src: re,
            kind: MemKind::U32,
            off,
        });
        self.emit(Instr::FStore {
            src: im,
            kind: MemKind::U32,
            off: off + 4,
        });
    }

    /// Writes float64 parts as a complex value at `dst`, rounding them to
    /// float32 for a complex64 (the part slots are scratch).
    fn c_put_f64(&mut self, dst: Slot, re: Slot, im: Slot, c64: bool) {
        if c64 {
            self.conv(re, re, ConvOp::F64ToF32);
            self.conv(im, im, ConvOp::F64ToF32);
        }
        self.c_put(dst, re, im, c64);
    }

    /// `dst := a op b` for complex operands of type `t`.
    pub fn complex_binary(&mut self, op: Token, t: TypeId, a: Slot, b: Slot, dst: Slot) {
        let c64 = self.complex_kind(t).unwrap_or(false);
        match op {
            Token::Add | Token::Sub => {
                let (ar, ai) = self.c_parts(a, c64);
                let (br, bi) = self.c_parts(b, c64);
                let (r, i) = (self.scalar(), self.scalar());
                let ins = |dst, a, b| match (op, c64) {
                    (Token::Add, false) => Instr::AddF64 { dst, a, b },
                    (Token::Add, true) => Instr::AddF32 { dst, a, b },
                    (_, false) => Instr::SubF64 { dst, a, b },
                    (_, true) => Instr::SubF32 { dst, a, b },
                };
                self.emit(ins(r, ar, br));
                self.emit(ins(i, ai, bi));
                self.c_put(dst, r, i, c64);
            }
            Token::Mul => {
                let (ar, ai) = self.c_parts_f64(a, c64);
                let (br, bi) = self.c_parts_f64(b, c64);
                let t1 = self.scalar();
                let t2 = self.scalar();
                let r = self.scalar();
                let i = self.scalar();
                self.emit(Instr::MulF64 {
                    dst: t1,
                    a: ar,
                    b: br,
                });
                self.emit(Instr::MulF64 {
                    dst: t2,
                    a: ai,
                    b: bi,
                });
                self.emit(Instr::SubF64 {
                    dst: r,
                    a: t1,
                    b: t2,
                });
                self.emit(Instr::MulF64 {
                    dst: t1,
                    a: ar,
                    b: bi,
                });
                self.emit(Instr::MulF64 {
                    dst: t2,
                    a: ai,
                    b: br,
                });
                self.emit(Instr::AddF64 {
                    dst: i,
                    a: t1,
                    b: t2,
                });
                self.c_put_f64(dst, r, i, c64);
            }
            _ => {
                // Division: runtime.complex128div(n, m complex128) complex128.
                let id = self.c.rt_native("runtime.complex128div");
                let w = self.alloc(6);
                let (ar, ai) = self.c_parts_f64(a, c64);
                self.mov(Slot(w.0 + 2), ar, 1);
                self.mov(Slot(w.0 + 3), ai, 1);
                let (br, bi) = self.c_parts_f64(b, c64);
                self.mov(Slot(w.0 + 4), br, 1);
                self.mov(Slot(w.0 + 5), bi, 1);
                self.emit(Instr::CallNative { id, n: 6, base: w });
                self.c_put_f64(dst, w, Slot(w.0 + 1), c64);
            }
        }
    }

    /// `dst := -a` for a complex of type `t`.
    pub fn complex_neg(&mut self, t: TypeId, a: Slot, dst: Slot) {
        let c64 = self.complex_kind(t).unwrap_or(false);
        let (ar, ai) = self.c_parts(a, c64);
        let (r, i) = (self.scalar(), self.scalar());
        if c64 {
            self.emit(Instr::NegF32 { dst: r, a: ar });
            self.emit(Instr::NegF32 { dst: i, a: ai });
        } else {
            self.emit(Instr::NegF64 { dst: r, a: ar });
            self.emit(Instr::NegF64 { dst: i, a: ai });
        }
        self.c_put(dst, r, i, c64);
    }

    /// `dst := a == b` (or `!=`) for complex operands of type `t`.
    pub fn complex_compare(&mut self, op: Token, t: TypeId, a: Slot, b: Slot, dst: Slot) {
        let c64 = self.complex_kind(t).unwrap_or(false);
        let (ar, ai) = self.c_parts(a, c64);
        let (br, bi) = self.c_parts(b, c64);
        let (x, y) = (self.scalar(), self.scalar());
        let eq = op == Token::Eql;
        let ins = |dst, a, b| match (eq, c64) {
            (true, false) => Instr::EqF64 { dst, a, b },
            (true, true) => Instr::EqF32 { dst, a, b },
            (false, false) => Instr::NeF64 { dst, a, b },
            (false, true) => Instr::NeF32 { dst, a, b },
        };
        self.emit(ins(x, ar, br));
        self.emit(ins(y, ai, bi));
        self.emit(if eq {
            Instr::AndI64 { dst, a: x, b: y }
        } else {
            Instr::OrI64 { dst, a: x, b: y }
        });
    }

    /// Converts the complex value `v` of type `from` to complex type `to`.
    pub fn complex_convert(
        &mut self,
        v: Slot,
        from: TypeId,
        to: TypeId,
        dst: Option<Slot>,
    ) -> Slot {
        let (Some(f64_), Some(t64)) = (self.complex_kind(from), self.complex_kind(to)) else {
            return v;
        };
        if f64_ == t64 {
            return v;
        }
        let (re, im) = self.c_parts(v, f64_);
        let (r, i) = (self.scalar(), self.scalar());
        let op = if t64 {
            ConvOp::F64ToF32
        } else {
            ConvOp::F32ToF64
        };
        self.conv(r, re, op);
        self.conv(i, im, op);
        let d = dst.unwrap_or_else(|| self.alloc_t(to));
        self.c_put(d, r, i, t64);
        d
    }

    /// `complex(re, im)` of complex type `t` from evaluated parts.
    pub fn complex_make(&mut self, t: TypeId, re: Slot, im: Slot, dst: Option<Slot>) -> Slot {
        let c64 = self.complex_kind(t).unwrap_or(false);
        let (r, i) = (self.scalar(), self.scalar());
        self.mov(r, re, 1);
        self.mov(i, im, 1);
        let d = dst.unwrap_or_else(|| self.alloc_t(t));
        self.c_put(d, r, i, c64);
        d
    }

    /// `real(v)` (or `imag(v)` when `imag`) of the complex `v` of type `t`.
    pub fn complex_part(&mut self, t: TypeId, v: Slot, imag: bool) -> Slot {
        let c64 = self.complex_kind(t).unwrap_or(false);
        if !c64 {
            return Slot(v.0 + imag as u16);
        }
        let d = self.scalar();
        self.emit(Instr::FLoad {
            dst: d,
            kind: MemKind::U32,
            off: v.0 as u32 * 8 + if imag { 4 } else { 0 },
        });
        d
    }

    /// The constant one of complex type `t` in fresh slots (for `x++`).
    pub fn complex_one(&mut self, t: TypeId) -> Slot {
        let d = self.alloc_t(t);
        if self.complex_kind(t) == Some(true) {
            self.load_u64(d, (1.0f32).to_bits() as u64);
        } else {
            self.load_u64(d, (1.0f64).to_bits());
            self.zero(Slot(d.0 + 1), 1);
        }
        d
    }
}
