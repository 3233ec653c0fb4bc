//! Goroutine tracebacks and the fatal panic report (Go's traceback.go and
//! printpanics): `goroutine N [status]:`, then one `name(...)` /
//! `\tfile:line +0x0` pair per frame, innermost first, then `created by`
//! for goroutines started with `go`.
//!
//! Also the runtime's introspection built on the same unwinder
//! (traceback.go's `gentraceback` with a pc buffer, extern.go,
//! symtab.go): `runtime.Caller`, `Callers`, `FuncForPC` and the `Func`
//! methods, `Stack`.
//!
//! The unwinder ([`frames`]) turns a goroutine's [`Stack`] into Go's
//! logical frames, innermost first, each a *return* pc (symtab.rs):
//! - compiler-generated wrappers (defer and go thunks, method-value and
//!   method wrappers) are elided, as Go elides its wrappers; the entry
//!   function is Go's `runtime.main`;
//! - the PANIC_MARK under a deferred call run by a panic is Go's
//!   `runtime.gopanic` frame (under Goexit, `runtime.Goexit`'s own frame
//!   is already there);
//! - every goroutine ends in `runtime.goexit`;
//! - a frame running the deferred calls of its normal return (its
//!   DeferReturn) reports the DeferReturn's line, as Go reports the
//!   closing brace for open-coded defers.
//!
//! Tracebacks print what Go's `showframe` shows: no unexported `runtime.`
//! function, `runtime.gopanic` as `panic` (but not as the first frame).
//! The line printed for a frame is that of pc-1, the call instruction.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use crate::interp::{GState, PanicValue, G, PANIC_MARK};
use crate::op::Instr;
use crate::print::panic_value_string;
use crate::symtab::{pc_of, Program, SymFunc, PSEUDO_GOEXIT, PSEUDO_GOPANIC, RUNTIME_MAIN};

/// Go's `preprintpanics`: before a fatal panic report, each panic value
/// that is an `error` or a `fmt.Stringer` is replaced (for printing) by
/// the text its `Error` or `String` method returns, run as a callback on
/// this thread. A method that panics leaves the value printed as is.
pub fn preprint_panics(g: &mut G) {
    for i in 0..g.st.panics.len() {
        let PanicValue::Go { typ, data } = g.st.panics[i].val.clone() else {
            continue;
        };
        if std::ptr::eq(typ, crate::print::runtime_error_type()) {
            continue;
        }
        // SAFETY: a Go panic value carries a valid type descriptor.
        let Some(f) =
            (unsafe { string_method(&*typ, b"Error").or_else(|| string_method(&*typ, b"String")) })
        else {
            continue;
        };
        if let Ok(r) = crate::interp::call_go(&mut g.st, f, &[data as u64], 2) {
            // SAFETY: the method returned a string {ptr, len}.
            let text = unsafe { crate::natives::bytes(r[0], r[1]) };
            g.st.panics[i].printed = Some(String::from_utf8_lossy(text).into_owned());
        }
    }
}

/// The interface-call entry of `t`'s method `name` if it is `func() string`.
///
/// # Safety
/// `t` is a valid type descriptor.
unsafe fn string_method(t: &crate::typedesc::Type, name: &[u8]) -> Option<crate::op::FuncId> {
    use crate::typedesc::{FuncType, Kind};
    // SAFETY: caller's contract; descriptors' method tables hold `mcount`
    // entries and method types are Func descriptors.
    unsafe {
        let u = t.uncommon.as_ref()?;
        let methods = std::slice::from_raw_parts(u.methods, u.mcount as usize);
        let m = methods.iter().find(|m| m.name.as_bytes() == name)?;
        let ft = &*(m.mtyp as *const FuncType);
        if ft.typ.kind() != Kind::Func || ft.in_count != 0 || ft.out_count != 1 {
            return None;
        }
        let out = &**ft.params;
        (out.kind() == Kind::String).then_some(crate::op::FuncId(m.ifn as u32))
    }
}

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
        match &p.printed {
            Some(text) => s.push_str(text),
            None => s.push_str(&panic_value_string(&p.val)),
        }
        if p.repanicked {
            s.push_str(" [recovered, repanicked]");
        } else if p.recovered {
            s.push_str(" [recovered]");
        }
        s.push('\n');
    }
    // Go prints the fault of the goroutine's last signal panic whose
    // recovery has not completed: it is in the chain.
    let fault = g.st.panics.iter().rev().find_map(|p| match &p.val {
        PanicValue::Runtime(e) => e.segv_addr,
        _ => None,
    });
    {
        if let Some(addr) = fault {
            s.push_str(&format!(
                "[signal SIGSEGV: segmentation violation code=0x1 addr={:#x} pc=0x0]\n",
                addr
            ));
        }
    }
    let (level, all) = traceback_level();
    if level == 0 {
        return s;
    }
    s.push('\n');
    s.push_str(&traceback(prog, g, 100, crate::proc::panicking_status(g)));
    if all {
        other_goroutines(prog, g, &mut s);
    }
    s
}

/// Go's traceback setting bits: crash (1), all (2), level above them.
const TB_ALL: u32 = 2;
const TB_SHIFT: u32 = 2;

/// The setting of `debug.SetTraceback` (u32::MAX: not yet read).
static TRACEBACK: AtomicU32 = AtomicU32::new(u32::MAX);

/// Go's parse of a GOTRACEBACK value: none, single (or empty), all,
/// system, crash, wer, or a number (a level, with all).
fn parse_traceback(v: &[u8]) -> u32 {
    match v {
        b"none" => 0,
        b"single" | b"" => 1 << TB_SHIFT,
        b"all" => (1 << TB_SHIFT) | TB_ALL,
        b"system" => (2 << TB_SHIFT) | TB_ALL,
        b"crash" | b"wer" => (2 << TB_SHIFT) | TB_ALL | 1,
        _ => {
            let n = std::str::from_utf8(v)
                .ok()
                .and_then(|t| t.parse::<u32>().ok())
                .map_or(0, |n| n << TB_SHIFT);
            TB_ALL | n
        }
    }
}

/// $GOTRACEBACK's setting, which SetTraceback cannot go below.
fn traceback_env() -> u32 {
    static ENV: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *ENV.get_or_init(|| {
        let v = std::env::var_os("GOTRACEBACK").unwrap_or_default();
        parse_traceback(v.as_encoded_bytes())
    })
}

/// The traceback level (0 none, 1 single, 2 and above: runtime frames,
/// which rgo does not show) and whether every goroutine is printed.
fn traceback_level() -> (u32, bool) {
    let mut t = TRACEBACK.load(Ordering::Relaxed);
    if t == u32::MAX {
        t = traceback_env();
    }
    (t >> TB_SHIFT, t & TB_ALL != 0)
}

/// The logical frames of `g` (see the module comment), innermost first,
/// as return pcs. The running frame is the saved `stack.cur`.
pub fn frames(prog: &Program, g: &G) -> Vec<u64> {
    frames_fp(prog, g).into_iter().map(|(pc, _)| pc).collect()
}

/// [`frames`] with each frame's frame pointer (a slot index of the
/// goroutine's stack; none for the runtime's pseudo frames).
fn frames_fp(prog: &Program, g: &G) -> Vec<(u64, Option<u32>)> {
    let st = &g.stack;
    let n = st.frames.len();
    let at = |j: usize| if j == n { st.cur } else { st.frames[j] };
    let mut out = Vec::with_capacity(n + 2);
    // The frame pointer of the frame called by the one being looked at.
    let mut callee_fp: Option<u32> = None;
    for j in (0..=n).rev() {
        let ci = at(j);
        if ci.func == PANIC_MARK {
            let goexit =
                g.st.panics
                    .iter()
                    .any(|p| p.mark_depth == j && matches!(p.val, PanicValue::Goexit));
            if !goexit {
                out.push((pc_of(prog.pseudo_index(PSEUDO_GOPANIC), 1), None));
            }
            callee_fp = Some(ci.fp);
            continue;
        }
        let Some(f) = prog.funcs.get(ci.func.idx()) else {
            callee_fp = Some(ci.fp);
            continue;
        };
        let below = callee_fp.replace(ci.fp);
        if f.wrapper && f.name != RUNTIME_MAIN {
            continue;
        }
        let mut pc = ci.pc;
        // Suspended in a deferred call its DeferReturn made: that callee's
        // frame sits at the top of this one (a normal call's window lies
        // inside the frame), and pc is the DeferReturn itself.
        if below == Some(ci.fp + f.frame_size)
            && matches!(f.code.get(pc as usize), Some(Instr::DeferReturn))
        {
            pc += 1;
        }
        out.push((pc_of(ci.func.idx(), pc), Some(ci.fp)));
    }
    out.push((pc_of(prog.pseudo_index(PSEUDO_GOEXIT), 1), None));
    out
}

/// A frame's arguments as Go's traceback prints them (`printArgs`):
/// `(0x1, {0x4b2f10, 0x5})`, from the function's arg info and the
/// argument slots of the frame at `fp`.
fn print_args(f: &crate::symtab::Func, g: &G, fp: u32) -> String {
    use crate::symtab::ArgPart;
    let base = fp as usize + f.result_slots as usize;
    let bytes = f.arg_slots as usize * 8;
    let read = |off: u32, size: u8| -> u64 {
        let mut v = 0u64;
        for k in 0..size as usize {
            let at = off as usize + k;
            if at >= bytes {
                break;
            }
            let word = g.stack.buf.get(base + at / 8).copied().unwrap_or(0);
            v |= ((word >> (8 * (at % 8))) & 0xff) << (8 * k);
        }
        v
    };
    let mut s = String::from("(");
    let mut start = true;
    for part in f.arg_info.iter() {
        let comma = |s: &mut String, start: bool| {
            if !start {
                s.push_str(", ");
            }
        };
        match *part {
            ArgPart::Start => {
                comma(&mut s, start);
                s.push('{');
                start = true;
                continue;
            }
            ArgPart::End => s.push('}'),
            ArgPart::Dots => {
                comma(&mut s, start);
                s.push_str("...");
            }
            ArgPart::Scalar { off, size } => {
                comma(&mut s, start);
                s.push_str(&format!("{:#x}", read(off, size)));
            }
        }
        start = false;
    }
    s.push(')');
    s
}

/// Whether a traceback shows a frame of `name` (Go's `showfuncinfo` at
/// the default GOTRACEBACK level).
fn show_frame(name: &str, first: bool) -> bool {
    if name == "runtime.gopanic" {
        return !first;
    }
    if !name.contains('.') {
        return false;
    }
    match name.strip_prefix("runtime.") {
        Some(rest) => rest.starts_with(|c: char| c.is_ascii_uppercase()),
        None => true,
    }
}

/// The traceback of `g` with `status` in its header, at most `max` frames.
pub fn traceback(prog: &Program, g: &G, max: usize, status: &str) -> String {
    traceback_skip(prog, g, 0, max, status)
}

/// [`traceback`] without the `skip` innermost logical frames.
fn traceback_skip(prog: &Program, g: &G, skip: usize, max: usize, status: &str) -> String {
    let mut s = format!("goroutine {} [{}]:\n", g.id, status);
    let mut shown = 0;
    for (i, &(pc, fp)) in frames_fp(prog, g).iter().enumerate().skip(skip) {
        let Some((f, idx, _)) = prog.find_func(pc - 1) else {
            continue;
        };
        let name = f.name();
        if !show_frame(&name, i == skip) {
            continue;
        }
        if shown == max {
            s.push_str("...additional frames elided...\n");
            break;
        }
        let ip = (pc - 1 - pc_of(idx, 0)) as u32;
        let (mut file, mut line) = f.file_line(ip);
        let mut args = String::from("(...)");
        // A frame stopped inside an inlined body shows the inlined
        // function first, as Go does (no pc offset: it has no code of
        // its own).
        if let crate::symtab::SymFunc::Code(func) = f {
            if let Some(fp) = fp {
                args = print_args(func, g, fp);
            }
            if let Some(c) = func.inlined_at(ip as usize) {
                if let Some(callee) = prog.funcs.get(c.callee.idx()) {
                    let entry = func.lines.get(ip as usize).copied().unwrap_or(0);
                    let (cfile, cline) = callee.decode_line(entry);
                    s.push_str(&format!(
                        "{}(...)\n\t{}:{}\n",
                        crate::symtab::print_name(&callee.name),
                        cfile,
                        cline
                    ));
                    shown += 1;
                    (file, line) = func.decode_line(c.call_line);
                }
            }
        }
        let name = if name == "runtime.gopanic" {
            "panic"
        } else {
            &name
        };
        s.push_str(&format!(
            "{}{}\n\t{}:{} +{:#x}\n",
            name,
            args,
            file,
            line,
            pc - pc_of(idx, 0)
        ));
        shown += 1;
    }
    if !g.sched.is_main && g.sched.parent_goid != 0 {
        let (fid, pc) = g.sched.gopc;
        if let Some(func) = prog.funcs.get(fid.idx()) {
            let pc = (pc as usize).saturating_sub(1);
            let (file, line) = func.file_line_at(pc);
            s.push_str(&format!(
                "created by {} in goroutine {}\n\t{}:{} +{:#x}\n",
                crate::symtab::print_name(&func.name),
                g.sched.parent_goid,
                file,
                line,
                pc + 1
            ));
        }
    }
    s
}

// ---------------------------------------------------------------------
// Natives of package runtime.

type R = Result<(), PanicValue>;

pub(crate) const NATIVES: &[(&str, crate::interp::NativeFn, u16)] = &[
    ("runtime.Caller", n_caller, 6),
    ("runtime.Callers", n_callers, 5),
    ("runtime.FuncForPC", n_func_for_pc, 2),
    ("runtime.funcName", n_func_name, 3),
    ("runtime.funcFileLine", n_func_file_line, 5),
    ("runtime.Stack", n_stack, 5),
    ("runtime.GoroutineProfile", n_goroutine_profile, 5),
    ("runtime/debug.SetTraceback", n_set_traceback, 2),
];

/// `debug.SetTraceback(level string)`: window [level 2]. As in Go, the
/// setting never goes below $GOTRACEBACK's.
unsafe fn n_set_traceback(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots holding a string.
    let v = unsafe { crate::natives::bytes(*w, *w.add(1)) };
    TRACEBACK.store(parse_traceback(v) | traceback_env(), Ordering::Relaxed);
    Ok(())
}

/// Words of a `runtime.StackRecord` (`Stack0 [32]uintptr`).
const STACK_RECORD_WORDS: usize = 32;

/// `GoroutineProfile(p []StackRecord) (n int, ok bool)`: window
/// [n][ok][p 3]. n is the number of goroutines; when p has room, it gets
/// their stacks (return pcs, as Callers gives), the caller's first, the
/// others in creation order. A goroutine running on another thread
/// (which Go would stop) gets an empty record.
unsafe fn n_goroutine_profile(_: &mut GState, w: *mut u64) -> R {
    use crate::proc::{G_DEAD, G_IDLE};
    // SAFETY: window of 5 slots.
    let (p, len) = unsafe { (*w.add(2) as *mut u64, *w.add(3) as usize) };
    let n = crate::proc::num_goroutine().max(1) as usize;
    if len < n {
        // SAFETY: as above.
        unsafe {
            *w = n as u64;
            *w.add(1) = 0;
        }
        return Ok(());
    }
    let mut stacks: Vec<Vec<u64>> = Vec::new();
    if let Some(own) = with_current(frames) {
        stacks.push(own);
    }
    if let (Some(sc), Some(prog)) = (crate::proc::sched_if_started(), current_prog()) {
        let cur = crate::proc::getg();
        let gs: Vec<*mut G> = sc.allgs.lock().unwrap_or_else(|e| e.into_inner()).clone();
        for gp in gs {
            if std::ptr::eq(gp, cur) || stacks.len() >= n {
                continue;
            }
            // SAFETY: Gs are never freed; `scan` and `status` are atomics.
            let g = unsafe { &*gp };
            let status = g.sched.status.load(Ordering::Acquire);
            if status == G_DEAD || status == G_IDLE || g.sched.is_system {
                continue;
            }
            if g.sched
                .scan
                .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
                .is_err()
            {
                stacks.push(Vec::new());
                continue;
            }
            stacks.push(frames(prog, g));
            g.sched.scan.store(false, Ordering::Release);
        }
    }
    // SAFETY: p has len >= n records of 32 words; stacks.len() <= n.
    unsafe {
        for (i, pcs) in stacks.iter().enumerate() {
            let rec = p.add(i * STACK_RECORD_WORDS);
            for k in 0..STACK_RECORD_WORDS {
                *rec.add(k) = pcs.get(k).copied().unwrap_or(0);
            }
        }
        *w = stacks.len() as u64;
        *w.add(1) = 1;
    }
    Ok(())
}

/// The running program (natives run inside the scheduler).
fn current_prog() -> Option<&'static Program> {
    crate::proc::sched_if_started().map(|s| s.prog)
}

/// Runs `f` on the program and the running goroutine (None outside a
/// goroutine). The goroutine's state was saved by the native call.
fn with_current<T>(f: impl FnOnce(&Program, &G) -> T) -> Option<T> {
    let gp = crate::proc::getg();
    let prog = current_prog()?;
    if gp.is_null() {
        return None;
    }
    // SAFETY: the running G is this thread's, its stack saved by the
    // native call; natives only read it.
    Some(f(prog, unsafe { &*gp }))
}

/// `Caller(skip int) (pc uintptr, file string, line int, ok bool)`:
/// window [pc][file 2][line][ok][skip]. Frame 0 of the unwinder is
/// runtime.Caller itself; Go returns the frame's pc (pc-1 of the return
/// pc, in the call).
unsafe fn n_caller(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 6 slots.
    let skip = unsafe { *w.add(5) } as i64;
    let found = with_current(|prog, g| {
        let pcs = frames(prog, g);
        let i = usize::try_from(skip.checked_add(1)?).ok()?;
        let pc = *pcs.get(i)?;
        let (f, idx, ip) = prog.find_func(pc - 1)?;
        let pc = if pc > pc_of(idx, 0) { pc - 1 } else { pc };
        let (file, line) = f.file_line(ip);
        Some((pc, file.to_string(), line))
    })
    .flatten();
    // SAFETY: window of 6 slots.
    unsafe {
        match found {
            Some((pc, file, line)) => {
                *w = pc;
                crate::natives::put_string(w.add(1), file.as_bytes());
                *w.add(3) = line as u64;
                *w.add(4) = 1;
            }
            None => {
                for i in 0..5 {
                    *w.add(i) = 0;
                }
            }
        }
    }
    Ok(())
}

/// `Callers(skip int, pc []uintptr) int`: window [n][skip][pc 3]. Frame 0
/// is runtime.Callers itself.
unsafe fn n_callers(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots.
    let (skip, p, len) = unsafe { (*w.add(1) as i64, *w.add(2) as *mut u64, *w.add(3) as usize) };
    let pcs = with_current(frames).unwrap_or_default();
    let from = (skip.max(0) as usize).min(pcs.len());
    let n = (pcs.len() - from).min(len);
    // SAFETY: the slice has `len` writable words; n <= len.
    unsafe {
        if n > 0 {
            std::ptr::copy_nonoverlapping(pcs[from..].as_ptr(), p, n);
        }
        *w = n as u64;
    }
    Ok(())
}

/// The `runtime.Func` record of each function, by entry pc: one word, the
/// entry (Go's Func points into its pclntab; these live outside the Go
/// heap and are never freed, so FuncForPC gives one pointer per function).
static FUNC_RECORDS: Mutex<Option<HashMap<u64, usize>>> = Mutex::new(None);

fn func_record(entry: u64) -> u64 {
    let mut m = FUNC_RECORDS.lock().unwrap_or_else(|e| e.into_inner());
    let m = m.get_or_insert_with(HashMap::new);
    *m.entry(entry)
        .or_insert_with(|| Box::leak(Box::new(entry)) as *const u64 as usize) as u64
}

/// `FuncForPC(pc uintptr) *Func`: window [f][pc]; nil for a pc in no
/// function.
unsafe fn n_func_for_pc(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    let pc = unsafe { *w.add(1) };
    let rec = current_prog()
        .and_then(|prog| prog.find_func(pc))
        .map_or(0, |(_, idx, _)| func_record(pc_of(idx, 0)));
    // SAFETY: as above.
    unsafe { *w = rec };
    Ok(())
}

/// The function whose entry pc is `entry`.
fn func_at_entry(prog: &Program, entry: u64) -> Option<(SymFunc<'_>, usize)> {
    let (f, idx, ip) = prog.find_func(entry)?;
    (ip == 0).then_some((f, idx))
}

/// `funcName(entry uintptr) string`: window [name 2][entry].
unsafe fn n_func_name(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots.
    let entry = unsafe { *w.add(2) };
    let name = current_prog()
        .and_then(|prog| func_at_entry(prog, entry).map(|(f, _)| f.name().to_string()))
        .unwrap_or_default();
    // SAFETY: as above.
    unsafe { crate::natives::put_string(w, name.as_bytes()) };
    Ok(())
}

/// `funcFileLine(entry, pc uintptr) (file string, line int)`: window
/// [file 2][line][entry][pc]. A pc outside the function gives `?`, 0.
unsafe fn n_func_file_line(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots.
    let (entry, pc) = unsafe { (*w.add(3), *w.add(4)) };
    let found = current_prog().and_then(|prog| {
        let (f, idx) = func_at_entry(prog, entry)?;
        let (_, at, ip) = prog.find_func(pc)?;
        (at == idx).then(|| {
            let (file, line) = f.file_line(ip);
            (file.to_string(), line)
        })
    });
    let (file, line) = found.unwrap_or_else(|| ("?".to_string(), 0));
    // SAFETY: as above.
    unsafe {
        crate::natives::put_string(w, file.as_bytes());
        *w.add(2) = line as u64;
    }
    Ok(())
}

/// `Stack(buf []byte, all bool) int`: window [n][buf 3][all]. The trace
/// starts at Stack's caller; with `all`, the other goroutines follow
/// (see [`other_goroutines`]).
unsafe fn n_stack(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 5 slots.
    let (p, len, all) = unsafe { (*w.add(1) as *mut u8, *w.add(2) as usize, *w.add(4) & 1 == 1) };
    let s = with_current(|prog, g| {
        let mut s = traceback_skip(prog, g, 1, 100, "running");
        if all {
            other_goroutines(prog, g, &mut s);
        }
        s
    })
    .unwrap_or_default();
    let n = s.len().min(len);
    // SAFETY: buf has `len` writable bytes; n <= len.
    unsafe {
        if n > 0 {
            std::ptr::copy_nonoverlapping(s.as_ptr(), p, n);
        }
        *w = n as u64;
    }
    Ok(())
}

/// Appends the tracebacks of the goroutines other than `cur`, in creation
/// order (Go's `tracebackothers`). Go stops the world for this; rgo
/// takes each G's `scan` lock instead, which the M running a G holds: a
/// G running on another thread is shown as Go shows one whose stack it
/// cannot read.
fn other_goroutines(prog: &Program, cur: &G, s: &mut String) {
    use crate::proc::{G_DEAD, G_IDLE, G_RUNNABLE, G_WAITING};
    let Some(sc) = crate::proc::sched_if_started() else {
        return;
    };
    let gs: Vec<*mut G> = sc.allgs.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for gp in gs {
        if std::ptr::eq(gp, cur) {
            continue;
        }
        // SAFETY: Gs are never freed; `scan` and `status` are atomics.
        let g = unsafe { &*gp };
        if g.sched.is_system {
            continue;
        }
        if g.sched
            .scan
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            if g.id != cur.id && g.sched.status.load(Ordering::Acquire) != G_DEAD {
                s.push_str(&format!(
                    "\ngoroutine {} [running]:\n\tgoroutine running on other thread; stack unavailable\n",
                    g.id
                ));
            }
            continue;
        }
        // Holding `scan`, no M runs g: its stack and wait reason are still.
        let status = g.sched.status.load(Ordering::Acquire);
        let label = match status {
            G_WAITING => Some(g.sched.waitreason.get().as_str()),
            G_RUNNABLE => Some("runnable"),
            G_DEAD | G_IDLE => None,
            _ => Some("running"),
        };
        if let Some(label) = label {
            if g.id != cur.id {
                s.push('\n');
                s.push_str(&traceback(prog, g, 100, label));
            }
        }
        g.sched.scan.store(false, Ordering::Release);
    }
}
