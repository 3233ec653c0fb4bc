//! Goroutine tracebacks and the fatal panic report (Go's traceback.go and
//! printpanics): `goroutine N [status]:`, then one `name(...)` /
//! `\tfile:line +0x0` pair per frame, innermost first, then `created by`
//! for goroutines started with `go`.
//!
//! Invariants: generated wrappers and PANIC_MARK frames are not shown (Go
//! hides wrappers too); the pc printed for a suspended frame is the call
//! instruction (pc - 1), so the line is the call's line.

use crate::interp::{PanicValue, G, PANIC_MARK};
use crate::print::panic_value_string;
use crate::symtab::Program;

/// Go's fatal panic report: the panic chain (oldest first), the SIGSEGV
/// line for nil dereferences, and the goroutine's traceback.
pub fn panic_report(prog: &Program, g: &G) -> String {
    let mut s = String::new();
    let mut first = true;
    for p in g.st.panics.iter() {
        if matches!(p.val, PanicValue::Goexit) {
            continue;
        }
        if !first {
            s.push('\t');
        }
        first = false;
        s.push_str("panic: ");
        s.push_str(&panic_value_string(&p.val));
        if p.repanicked {
            s.push_str(" [recovered, repanicked]");
        } else if p.recovered {
            s.push_str(" [recovered]");
        }
        s.push('\n');
    }
    if let Some(PanicValue::Runtime(e)) = g.st.panics.last().map(|p| &p.val) {
        if let Some(addr) = e.segv_addr {
            s.push_str(&format!(
                "[signal SIGSEGV: segmentation violation code=0x1 addr={:#x} pc=0x0]\n",
                addr
            ));
        }
    }
    s.push('\n');
    s.push_str(&traceback(prog, g, 100, "running"));
    s
}

/// The traceback of `g` with `status` in its header, at most `max` frames.
pub fn traceback(prog: &Program, g: &G, max: usize, status: &str) -> String {
    let mut s = format!("goroutine {} [{}]:\n", g.id, status);
    let st = &g.stack;
    let mut frames = vec![st.cur];
    frames.extend(st.frames.iter().rev().copied());
    let mut shown = 0;
    for f in frames {
        if f.func == PANIC_MARK {
            continue;
        }
        let Some(func) = prog.funcs.get(f.func.idx()) else {
            continue;
        };
        if func.wrapper {
            continue;
        }
        if shown == max {
            s.push_str("...additional frames elided...\n");
            break;
        }
        let pc = (f.pc as usize).saturating_sub(1);
        let mut line = func.line_at(pc);
        // A frame stopped inside an inlined body shows the inlined
        // function first, as Go does.
        if let Some(c) = func.inlined_at(pc) {
            if let Some(callee) = prog.funcs.get(c.callee.idx()) {
                s.push_str(&format!(
                    "{}(...)\n\t{}:{}\n",
                    callee.name, callee.file, line
                ));
                shown += 1;
                line = c.call_line;
            }
        }
        s.push_str(&format!(
            "{}(...)\n\t{}:{} +0x0\n",
            func.name, func.file, line
        ));
        shown += 1;
    }
    if !g.sched.is_main && g.sched.parent_goid != 0 {
        let (fid, pc) = g.sched.gopc;
        if let Some(func) = prog.funcs.get(fid.idx()) {
            let pc = (pc as usize).saturating_sub(1);
            s.push_str(&format!(
                "created by {} in goroutine {}\n\t{}:{} +0x0\n",
                func.name,
                g.sched.parent_goid,
                func.file,
                func.line_at(pc)
            ));
        }
    }
    s
}
