//! Function metadata (Go's symtab.go / funcdata): the compiled code of a
//! function, its frame size, its pointer map, its pc→line table, and the
//! program's table of Rust natives.
//!
//! Invariants (checked by `Program::verify`, relied on by the interpreter
//! to skip bounds checks):
//! - every slot operand of every instruction (all the slots a multi-word
//!   operand covers) is `< frame_size`;
//! - every jump lands inside `code`; the last instruction cannot fall off
//!   the end (it is a `Ret` or an unconditional jump);
//! - a `Call`'s `base` is `< frame_size`; the callee's frame may extend
//!   past the caller's (the interpreter grows the stack at the call);
//! - constant-pool and native indices are in range;
//! - `ptrmap` has a bit per slot: set iff the slot may hold a pointer.
//!   Locals and temporaries are never reused for another type, so a slot
//!   holds a pointer at every pc or at none; a suspended caller's frame is
//!   live only below the `base` of the call it is suspended in (the rest
//!   belongs to the callee's frame), as Go's outgoing-argument area does.

use crate::interp::NativeFn;
use crate::op::{FuncId, Instr, Slot};

#[derive(Clone, Debug, Default)]
pub struct Func {
    /// Go's qualified name as tracebacks print it: `main.f`, `main.(*T).M`,
    /// `main.main.func1`.
    pub name: String,
    pub code: Box<[Instr]>,
    /// 64-bit constants loaded by `LoadConst` (and type descriptors).
    pub consts: Box<[u64]>,
    /// Slots in the frame: results, arguments, locals, temporaries.
    pub frame_size: u32,
    /// Result slots at the start of the frame.
    pub result_slots: u32,
    /// Argument slots following the results.
    pub arg_slots: u32,
    /// One bit per slot: may hold a pointer (for the GC and stack copying).
    pub ptrmap: Box<[u64]>,
    /// Source file (absolute path) and the line of each instruction. A
    /// line entry's top 8 bits pick its file: 0 `file`, k `files[k-1]`
    /// (set by line directives; see [`Func::decode_line`]).
    pub file: String,
    pub lines: Box<[u32]>,
    /// How tracebacks print the arguments (Go's `FUNCDATA_ArgInfo`).
    pub arg_info: Box<[ArgPart]>,
    /// Further file names of the line table (`//line` directives), as Go
    /// reports them (an unknown one as `??`).
    pub files: Box<[Box<str>]>,
    /// Where a frame that recovered from a panic resumes: its epilogue
    /// (`DeferReturn`, copy-out of named results, `Ret`).
    pub recover_pc: u32,
    /// A compiler-generated wrapper (defer thunks, method wrappers): not
    /// shown in tracebacks, transparent to `recover`.
    pub wrapper: bool,
    /// Calls the compiler inlined into this function, by ascending
    /// `start` (non-overlapping: inlined bodies contain no calls).
    pub inlined: Box<[InlinedCall]>,
    /// Which pointer slots are live where, computed the first time the
    /// collector scans a frame of the function (see stackmap.rs).
    pub stackmap: std::sync::OnceLock<crate::stackmap::StackMap>,
    /// The collector scans every pointer slot of the frame at every pc,
    /// without a stack map: natives it calls read its frame outside their
    /// windows (reflect's trampolines), which the operand table cannot say.
    pub scan_whole_frame: bool,
    /// The arguments stay live until the function returns, and every
    /// argument slot is a possible pointer (`//go:uintptrescapes`).
    pub args_live: bool,
    /// `//go:noinline`: the inliner leaves calls of the function alone.
    pub noinline: bool,
}

/// One step of printing a function's arguments in a traceback (Go's
/// `abi.TraceArgs*` encoding): a scalar is `size` bytes at byte `off` of
/// the argument area, printed in hex; aggregates are braced; `Dots` is
/// Go's `...` where its limits (10 components, depth 5) cut the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgPart {
    Scalar { off: u32, size: u8 },
    Start,
    End,
    Dots,
}

/// Bits of a line-table entry that hold the line; the rest index the
/// file ([`Func::decode_line`]).
pub const LINE_BITS: u32 = 24;
pub const LINE_MASK: u32 = (1 << LINE_BITS) - 1;

/// One inlined call: instructions `start..end` are the body of `callee`
/// (their line entries are the callee's), called from the caller's line
/// entry `call_line`.
#[derive(Clone, Copy, Debug)]
pub struct InlinedCall {
    pub start: u32,
    pub end: u32,
    pub callee: FuncId,
    pub call_line: u32,
}

/// A Rust native bound to a bodiless Go function or used as a runtime
/// helper: `slots` is the size of its window (results then arguments).
#[derive(Clone, Copy)]
pub struct Native {
    pub name: &'static str,
    pub f: NativeFn,
    pub slots: u16,
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "native {}", self.name)
    }
}

/// The compiled program: every function, indexed by [`FuncId`].
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub funcs: Vec<Func>,
    pub natives: Vec<Native>,
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

/// The slot ranges (start, width) and jump offset of one instruction,
/// from the operand table [`Instr::operands`] (a call's window width comes
/// from `prog`; a window of unknown width is given as its first slot).
pub fn operands(ins: &Instr, prog: &Program) -> Result<(Vec<(Slot, u32)>, Option<i32>), String> {
    let mut v = Vec::new();
    ins.operands(
        |f| {
            prog.funcs
                .get(f.idx())
                .map(|c| (c.result_slots, c.arg_slots))
        },
        |s, n, _| v.push((s, n)),
    )?;
    if let Instr::CallNative { id, n, .. } = *ins {
        let nat = prog
            .natives
            .get(id as usize)
            .ok_or_else(|| format!("unknown native {}", id))?;
        if n < nat.slots {
            return Err(format!(
                "window of {} slots for native {} needing {}",
                n, nat.name, nat.slots
            ));
        }
    }
    Ok((v, ins.flow().jump))
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
        if self.lines.len() != self.code.len() {
            return Err("line table does not cover the code".into());
        }
        if self.recover_pc as i64 >= n {
            return Err("recover pc out of code".into());
        }
        for (pc, ins) in self.code.iter().enumerate() {
            let (slots, jump) = operands(ins, prog)?;
            for (s, w) in slots {
                // A call of a function without results or arguments has
                // an empty window, still based inside the frame.
                if s.0 as u32 + w.max(1) > size {
                    return Err(format!(
                        "pc {}: slot {}+{} out of frame of {}",
                        pc, s.0, w, size
                    ));
                }
            }
            if let Some(off) = jump {
                let t = pc as i64 + 1 + off as i64;
                if !(0..n).contains(&t) {
                    return Err(format!("jump at {} to {} out of code", pc, t));
                }
            }
            match *ins {
                Instr::LoadConst { idx, .. }
                | Instr::New { typ: idx, .. }
                | Instr::EqMem { typ: idx, .. }
                | Instr::MapAccess32 { typ: idx, .. }
                | Instr::MapAccess64 { typ: idx, .. }
                | Instr::MapAccessStr { typ: idx, .. }
                | Instr::MapAssign32 { typ: idx, .. }
                | Instr::MapAssign64 { typ: idx, .. }
                | Instr::MapAssignStr { typ: idx, .. }
                    if idx as usize >= self.consts.len() =>
                {
                    return Err(format!("constant {} out of pool", idx));
                }
                Instr::DivConstI64 { k, .. } | Instr::RemConstI64 { k, .. } => {
                    let ok = (k as usize + 2) < self.consts.len()
                        && crate::op::div_magic(self.consts[k as usize + 2] as i64)
                            == Some((self.consts[k as usize], self.consts[k as usize + 1] as u32));
                    if !ok {
                        return Err(format!("bad division constants at {}", k));
                    }
                }
                _ => {}
            }
        }
        if self.ptrmap.len() * 64 < size as usize {
            return Err("pointer map shorter than the frame".into());
        }
        Ok(())
    }

    /// The function's stack map (computed on first use).
    pub fn stackmap(&self, prog: &Program) -> &crate::stackmap::StackMap {
        self.stackmap
            .get_or_init(|| crate::stackmap::StackMap::new(self, prog))
    }

    /// Whether `slot` may hold a pointer.
    pub fn is_ptr_slot(&self, slot: usize) -> bool {
        self.ptrmap
            .get(slot / 64)
            .is_some_and(|w| w >> (slot % 64) & 1 == 1)
    }

    /// The source line of the instruction at `pc` (0 when unknown).
    pub fn line_at(&self, pc: usize) -> u32 {
        self.file_line_at(pc).1
    }

    /// The source file and line of instruction `pc` (0 outside the code).
    pub fn file_line_at(&self, pc: usize) -> (&str, u32) {
        self.decode_line(self.lines.get(pc).copied().unwrap_or(0))
    }

    /// The file and line of a line-table entry of this function.
    pub fn decode_line(&self, entry: u32) -> (&str, u32) {
        let line = entry & LINE_MASK;
        match (entry >> LINE_BITS) as usize {
            0 => (&self.file, line),
            k => (self.files.get(k - 1).map_or(&*self.file, |f| &**f), line),
        }
    }

    /// The inlined call whose body contains instruction `pc`, if any.
    pub fn inlined_at(&self, pc: usize) -> Option<&InlinedCall> {
        let pc = pc as u32;
        let i = self.inlined.partition_point(|c| c.end <= pc);
        self.inlined.get(i).filter(|c| c.start <= pc)
    }
}

impl FuncId {
    #[inline(always)]
    pub fn idx(self) -> usize {
        self.0 as usize
    }
}

// ---------------------------------------------------------------------
// Program counters (Go's findfunc / funcline / funcname).
//
// Go code sees a code position as a `uintptr` pc. rgo's are synthetic:
// function `i` (an index into `Program::funcs`, or past it for the
// runtime's pseudo-functions below) owns the range
// `TEXT_BASE + i<<PC_SHIFT ..` with one pc per instruction, so a pc
// decodes without a table: entry = the range start, instruction index =
// the offset. Go's conventions hold: a frame's pc is a *return* pc (the
// instruction after the call), and pc-1 lies in the call instruction.
// Func indices are dense, so pcs stay below the Go heap's arena hint.

/// The pc of instruction 0 of function 0.
pub const TEXT_BASE: u64 = 0x40_1000;
/// Each function's pc range spans `1 << PC_SHIFT` instructions; a longer
/// function's later instructions share its last pc.
pub const PC_SHIFT: u32 = 20;

/// A runtime function that has no bytecode: frames the VM implies (the
/// panic machinery under a deferred call, the goroutine's base).
#[derive(Debug)]
pub struct PseudoFunc {
    pub name: &'static str,
    pub file: &'static str,
    /// Go 1.27.3's line for the frame (the call it makes).
    pub line: u32,
}

/// `runtime.gopanic`: the frame under a deferred call run by a panic.
pub const PSEUDO_GOPANIC: usize = 0;
/// `runtime.goexit`: the frame every goroutine's first function returns to.
pub const PSEUDO_GOEXIT: usize = 1;

/// The pseudo-functions, indexed after the program's functions.
pub static PSEUDO_FUNCS: [PseudoFunc; 2] = [
    PseudoFunc {
        name: "runtime.gopanic",
        file: "$GOROOT/src/runtime/panic.go",
        line: 859,
    },
    PseudoFunc {
        name: "runtime.goexit",
        file: "$GOROOT/src/runtime/asm_amd64.s",
        line: 1264,
    },
];

/// The name of the generated entry function (package initialization,
/// then `main.main`), Go's `runtime.main`.
pub const RUNTIME_MAIN: &str = "runtime.main";
/// Where Go's `runtime.main` lives and the line of its call of main.main.
const RUNTIME_MAIN_FILE: &str = "$GOROOT/src/runtime/proc.go";
const RUNTIME_MAIN_LINE: u32 = 302;

/// A function a pc can name: compiled code or a pseudo-function.
#[derive(Clone, Copy, Debug)]
pub enum SymFunc<'a> {
    Code(&'a Func),
    Pseudo(&'static PseudoFunc),
}

impl<'a> SymFunc<'a> {
    /// Go's qualified name (`main.(*T).m`, `runtime.gopanic`) as the
    /// runtime prints it: the type arguments of a generic instance as
    /// `[...]` ([`print_name`]).
    pub fn name(&self) -> std::borrow::Cow<'a, str> {
        match self {
            SymFunc::Code(f) => print_name(&f.name),
            SymFunc::Pseudo(p) => std::borrow::Cow::Borrowed(p.name),
        }
    }

    /// The source file and line of instruction `ip`.
    pub fn file_line(&self, ip: u32) -> (&'a str, u32) {
        match self {
            SymFunc::Code(f) if f.file.is_empty() && f.name == RUNTIME_MAIN => {
                (RUNTIME_MAIN_FILE, RUNTIME_MAIN_LINE)
            }
            SymFunc::Code(f) => f.file_line_at(ip as usize),
            SymFunc::Pseudo(p) => (p.file, p.line),
        }
    }

    /// How many pcs the function owns.
    fn len(&self) -> u64 {
        match self {
            SymFunc::Code(f) => (f.code.len() as u64).min(1 << PC_SHIFT),
            // The entry and the return pc of the call it makes.
            SymFunc::Pseudo(_) => 2,
        }
    }
}

/// A function's name as Go's runtime shows it (`funcNameForPrint`): each
/// outermost bracketed type-argument list becomes `[...]`, so
/// `main.(*List[int]).Push` prints as `main.(*List[...]).Push`.
pub fn print_name(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.contains('[') {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '[' => {
                if depth == 0 {
                    out.push_str("[...]");
                }
                depth += 1;
            }
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The pc of instruction `ip` of function index `idx`.
pub fn pc_of(idx: usize, ip: u32) -> u64 {
    TEXT_BASE + ((idx as u64) << PC_SHIFT) + (ip as u64).min((1 << PC_SHIFT) - 1)
}

/// The entry pc of function `f`: what a func value's code pointer is to
/// Go code (`reflect.Value.Pointer` of a func, `FuncForPC(...).Entry()`).
pub fn entry_pc(f: FuncId) -> u64 {
    pc_of(f.idx(), 0)
}

impl Program {
    /// The function index of pseudo-function `k` ([`PSEUDO_GOPANIC`]...).
    pub fn pseudo_index(&self, k: usize) -> usize {
        self.funcs.len() + k
    }

    /// The function with index `idx` (pseudo-functions after the code).
    pub fn sym_func(&self, idx: usize) -> Option<SymFunc<'_>> {
        match self.funcs.get(idx) {
            Some(f) => Some(SymFunc::Code(f)),
            None => PSEUDO_FUNCS
                .get(idx.wrapping_sub(self.funcs.len()))
                .map(SymFunc::Pseudo),
        }
    }

    /// The function holding `pc`, its index and the instruction index
    /// (Go's `findfunc`); None for a pc in no function.
    pub fn find_func(&self, pc: u64) -> Option<(SymFunc<'_>, usize, u32)> {
        let off = pc.checked_sub(TEXT_BASE)?;
        let idx = usize::try_from(off >> PC_SHIFT).ok()?;
        let ip = off & ((1 << PC_SHIFT) - 1);
        let f = self.sym_func(idx)?;
        (ip < f.len()).then_some((f, idx, ip as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn func(name: &str, n: usize) -> Func {
        let mut code = vec![Instr::Nop; n];
        code[n - 1] = Instr::Ret;
        Func {
            name: name.into(),
            code: code.into(),
            lines: (1..=n as u32).collect(),
            file: "/x.go".into(),
            ..Default::default()
        }
    }

    #[test]
    fn pcs_decode_to_their_function_and_instruction() {
        let prog = Program {
            funcs: vec![func("main.a", 3), func("main.b", 5)],
            ..Default::default()
        };
        let (f, idx, ip) = prog.find_func(pc_of(1, 4)).unwrap();
        assert_eq!((f.name().as_ref(), idx, ip), ("main.b", 1, 4));
        assert_eq!(f.file_line(ip), ("/x.go", 5));
        assert_eq!(entry_pc(FuncId(1)), pc_of(1, 0));
        // Past a function's last instruction, before it, and far away.
        assert!(prog.find_func(pc_of(0, 3)).is_none());
        assert!(prog.find_func(TEXT_BASE - 1).is_none());
        assert!(prog.find_func(0).is_none());
        assert!(prog.find_func(u64::MAX).is_none());
        // The pseudo-functions follow the code.
        let (f, _, _) = prog
            .find_func(pc_of(prog.pseudo_index(PSEUDO_GOEXIT), 1))
            .unwrap();
        assert_eq!(f.name(), "runtime.goexit");
        assert!(prog
            .find_func(pc_of(prog.pseudo_index(PSEUDO_GOEXIT), 2))
            .is_none());
        assert!(prog.find_func(pc_of(prog.pseudo_index(2), 0)).is_none());
    }

    #[test]
    fn generic_instances_print_as_go_prints_them() {
        assert_eq!(print_name("main.G[int]"), "main.G[...]");
        assert_eq!(
            print_name("main.G[main.P[int,string]].func1"),
            "main.G[...].func1"
        );
        assert_eq!(
            print_name("main.(*List[int]).Push"),
            "main.(*List[...]).Push"
        );
        assert_eq!(print_name("main.main.func1"), "main.main.func1");
    }
}
