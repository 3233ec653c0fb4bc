//! The generated functions behind reflect's dynamic calls, built when the
//! program binds `reflect.stubID` (so only programs using reflect carry
//! them). Each comes in a few frame sizes `N` (the largest
//! `[results][arguments]` window it serves, in slots); reflect picks the
//! smallest that fits and learns the ids through
//! `rgo_std::glue::reflect::set_stubs`.
//!
//! - call stub `func(fn, buf unsafe.Pointer, nres, nargs int)`: copies
//!   the arguments from the heap buffer `buf` into a call window, calls
//!   the func value `fn` on the goroutine's own stack (so panics, defers,
//!   `recover` and tracebacks behave as for a direct call), then copies
//!   the results back to `buf` (`Value.Call`).
//! - method trampoline: the code of the func values of method values and
//!   method expressions (`v.Method(i).Interface()`, `Method.Func`): its
//!   caller's window is `[results][arguments]`; a native builds the
//!   method's window `[results][receiver data word][arguments]` after
//!   the frame and the method is called through its funcval.
//! - MakeFunc trampoline: the code of `MakeFunc` func values: a native
//!   copies the caller's window to a heap buffer, then three Go calls
//!   follow in sequence (the context's `prep` turns the buffer into a
//!   `[]Value`, the user's function runs, `post` checks its results and
//!   stores them in the buffer), and a native copies the results back.
//!
//! The trampolines are wrappers (hidden from tracebacks, transparent to
//! `recover`) and call the user's function directly, so a `recover` in a
//! deferred reflect-made function works as in Go. Their frames are built
//! here directly (no lowering, no peephole pass): the slot layout is the
//! natives' contract.

use rgo_runtime::op::{Instr, MemKind, Slot};
use rgo_runtime::symtab::Func;

use crate::Compiler;

/// The frame sizes (window slots) of each stub family.
pub const SIZES: [u32; 5] = [8, 64, 512, 4096, 16384];

/// Offsets in a MakeFunc context (reflect's `funcStub`) of the Go
/// functions the trampoline calls.
const MF_PREP: u32 = 32;
const MF_FN: u32 = 40;
const MF_POST: u32 = 48;

/// A stub's frame holds values of any type (its windows serve every
/// signature), so every slot is a possible pointer: the collector scans
/// the live ones, ignoring words that point into no allocated object.
fn func(name: &str, code: Vec<Instr>, frame: u32, args: u32) -> Func {
    let mut ptrmap = vec![0u64; (frame as usize).div_ceil(64)];
    for p in 0..frame {
        ptrmap[p as usize / 64] |= 1 << (p % 64);
    }
    let n = code.len();
    Func {
        name: name.to_string(),
        code: code.into_boxed_slice(),
        consts: Box::new([]),
        frame_size: frame,
        result_slots: 0,
        arg_slots: args,
        ptrmap: ptrmap.into_boxed_slice(),
        file: String::new(),
        lines: vec![0; n].into_boxed_slice(),
        recover_pc: 0,
        wrapper: true,
        inlined: Box::new([]),
        stackmap: Default::default(),
        scan_whole_frame: true,
        args_live: false,
        noinline: false,
        files: Box::new([]),
        arg_info: Box::new([]),
    }
}

impl Compiler<'_> {
    /// Builds every stub and hands their ids to reflect's natives.
    pub(crate) fn reflect_stubs(&mut self) {
        let natives = [
            "reflect.callIn",
            "reflect.callOut",
            "reflect.methIn",
            "reflect.methOut",
            "reflect.mfIn",
            "reflect.mfOut",
        ];
        let mut ids = [0u16; 6];
        for (k, n) in natives.iter().enumerate() {
            match self.native(n) {
                Some(i) => ids[k] = i,
                None => return,
            }
        }
        let [call_in, call_out, meth_in, meth_out, mf_in, mf_out] = ids;
        let mut out = Vec::new();
        for &n in &SIZES {
            let s = |x: u32| Slot(x as u16);
            let w = n as u16;
            // Call stub: [fn][buf][nres][nargs][fv][window...].
            let call = func(
                "reflect.Value.call",
                vec![
                    Instr::CallNative {
                        id: call_in,
                        n: 5 + w,
                        base: s(0),
                    },
                    Instr::CallClosure {
                        fv: s(4),
                        base: s(5),
                        n: w,
                        res: 0,
                    },
                    Instr::CallNative {
                        id: call_out,
                        n: 5 + w,
                        base: s(0),
                    },
                    Instr::Ret,
                ],
                5 + n,
                4,
            );
            // Method trampoline: [window N][ctx][fv][method window N+1].
            let meth = func(
                "reflect.methodValueCall",
                vec![
                    Instr::GetClosure { dst: s(n) },
                    Instr::CallNative {
                        id: meth_in,
                        n: w + 3,
                        base: s(n),
                    },
                    Instr::CallClosure {
                        fv: s(n + 1),
                        base: s(n + 2),
                        n: w + 1,
                        res: 0,
                    },
                    Instr::CallNative {
                        id: meth_out,
                        n: w + 3,
                        base: s(n),
                    },
                    Instr::Ret,
                ],
                2 * n + 3,
                n,
            );
            // MakeFunc trampoline: [window N][ctx][buf][fv][call window 6].
            let (ctx, buf, fv, win) = (s(n), s(n + 1), s(n + 2), s(n + 3));
            let load = |off: u32| Instr::Load {
                dst: fv,
                p: ctx,
                kind: MemKind::W64,
                off,
            };
            let mf = func(
                "reflect.makeFuncStub",
                vec![
                    Instr::GetClosure { dst: ctx },
                    Instr::CallNative {
                        id: mf_in,
                        n: 9,
                        base: ctx,
                    },
                    // prep(ctx, buf) []Value
                    load(MF_PREP),
                    Instr::Mov {
                        dst: s(n + 6),
                        src: ctx,
                    },
                    Instr::Mov {
                        dst: s(n + 7),
                        src: buf,
                    },
                    Instr::CallClosure {
                        fv,
                        base: win,
                        n: 6,
                        res: 0,
                    },
                    // fn(args []Value) []Value
                    Instr::MovN {
                        dst: s(n + 6),
                        src: win,
                        n: 3,
                    },
                    load(MF_FN),
                    Instr::CallClosure {
                        fv,
                        base: win,
                        n: 6,
                        res: 0,
                    },
                    // post(out []Value, ctx, buf)
                    Instr::Mov {
                        dst: s(n + 6),
                        src: ctx,
                    },
                    Instr::Mov {
                        dst: s(n + 7),
                        src: buf,
                    },
                    load(MF_POST),
                    Instr::CallClosure {
                        fv,
                        base: win,
                        n: 6,
                        res: 0,
                    },
                    Instr::CallNative {
                        id: mf_out,
                        n: 9,
                        base: ctx,
                    },
                    Instr::Ret,
                ],
                n + 9,
                n,
            );
            let mut ids = [0u32; 3];
            for (k, f) in [call, meth, mf].into_iter().enumerate() {
                let id = self.reserve();
                self.funcs[id.idx()] = Some(f);
                ids[k] = id.0;
            }
            out.push((n, ids));
        }
        rgo_std::glue::reflect::set_stubs(&out);
    }
}
