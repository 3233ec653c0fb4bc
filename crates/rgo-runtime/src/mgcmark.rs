//! Marking (Go's mgcmark.go): finds every heap object reachable from the
//! roots and sets its mark bit, so that sweep (mgcsweep.rs) frees the
//! rest. This is the stop-the-world form of Go's tri-color marking: white
//! objects have no mark bit, grey ones are marked and on the work list,
//! black ones are marked and scanned. Marking ends when the work list is
//! empty: then no black object points to a white one.
//!
//! Roots (Go's `markroot`):
//! - package variables: each registered with its pointer mask by the
//!   compiler ([`add_data_root`]);
//! - every goroutine's frames, by each function's pointer map (a slot
//!   that may hold a pointer); the closure register saved in the G; the
//!   entry closure of a new G; deferred calls; panic values; the G's
//!   sleep timer; the Gs of natives' callbacks ([`CALLBACK_GS`]);
//! - every P's timer heap, sync.Pool's cleanup, the finalizer and cleanup
//!   tables (mfinal.rs: the finalizer functions are roots, the objects
//!   they guard are not).
//!
//! Heap objects are scanned precisely by their type's pointer bitmap
//! (mbitmap.rs). Every word taken for a pointer is checked against the
//! heap (`find_object`): pointers to static data, stale words in a
//! pointer slot and interior pointers all resolve correctly, so a word
//! that is not a heap pointer is ignored, never followed blindly.
//!
//! Invariants:
//! - the world is stopped and every MCache flushed (no span is cached, so
//!   `is_free` is exact and nothing allocates);
//! - an object is pushed on the work list at most once per cycle (when
//!   its mark bit goes from 0 to 1), so marking terminates;
//! - noscan objects are marked but never pushed.

use std::sync::atomic::Ordering;
use std::sync::Mutex;

use crate::interp::{PanicValue, G, PANIC_MARK};
use crate::mbitmap::for_each_pointer;
use crate::mheap::find_allocated;
use crate::mspan::MSpan;
use crate::symtab::Program;

/// A block of static memory holding Go values (a package variable): its
/// address, length in words and pointer mask (bit i: word i may hold a
/// pointer).
struct DataRoot {
    addr: usize,
    words: usize,
    mask: Box<[u64]>,
}

static DATA_ROOTS: Mutex<Vec<DataRoot>> = Mutex::new(Vec::new());

/// The Gs of natives' callbacks (`call_go`) now running or blocked: not in
/// `allgs`, but their frames are roots while they exist.
static CALLBACK_GS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// Makes a callback G's frames roots until [`remove_callback_g`].
pub(crate) fn add_callback_g(g: &G) {
    let mut gs = CALLBACK_GS.lock().unwrap_or_else(|e| e.into_inner());
    gs.push(g as *const G as usize);
}

/// Undoes [`add_callback_g`] before the G is freed.
pub(crate) fn remove_callback_g(g: *const G) {
    let mut gs = CALLBACK_GS.lock().unwrap_or_else(|e| e.into_inner());
    gs.retain(|&x| x != g as usize);
}

/// Registers `words` words at `addr` (static memory that lives as long as
/// the program) as a root; `mask` bit i says word i may hold a pointer.
/// Blocks without pointers need not be registered.
pub fn add_data_root(addr: usize, words: usize, mask: &[u64]) {
    if mask.iter().all(|w| *w == 0) {
        return;
    }
    DATA_ROOTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(DataRoot {
            addr,
            words,
            mask: mask.into(),
        });
}

/// The grey objects, marked and not yet scanned: base and span.
pub(crate) struct Work {
    stack: Vec<(usize, *mut MSpan)>,
}

impl Work {
    pub(crate) fn new() -> Work {
        Work {
            stack: Vec::with_capacity(1024),
        }
    }

    /// Greys the object `p` points into, if it is an unmarked heap object
    /// (Go's `greyobject`).
    #[inline]
    pub(crate) fn grey(&mut self, p: u64) {
        if p < 4096 {
            return;
        }
        let Some((base, s)) = crate::mgcsweep::mark(p as usize) else {
            return;
        };
        // SAFETY: an in-use span; its class does not change while marked.
        if !unsafe { (*s).spanclass().noscan() } {
            self.stack.push((base, s));
        }
    }

    /// Greys every pointer of the word at `addr`.
    ///
    /// # Safety
    /// `addr` must be a readable, aligned word.
    #[inline]
    unsafe fn grey_at(&mut self, addr: usize) {
        // SAFETY: caller; Go memory is read atomically (DESIGN §3).
        let v = unsafe { std::sync::atomic::AtomicU64::from_ptr(addr as *mut u64) }
            .load(Ordering::Relaxed);
        self.grey(v);
    }

    /// Scans grey objects until none is left (Go's `gcDrain`).
    pub(crate) fn drain(&mut self) {
        while let Some((base, s)) = self.stack.pop() {
            // SAFETY: base is an allocated object of the in-use span s,
            // initialized by mallocgc; the world is stopped, so the span
            // is unchanged since grey found it. Every address
            // for_each_pointer yields is a word of the object.
            unsafe { for_each_pointer(base, &*s, |a| self.grey_at(a)) }
        }
    }

    /// Greys everything goroutine `g` keeps alive (Go's `scanstack` plus
    /// the G's own pointer fields). A frame's pointer slots are scanned
    /// if its function's stack map says they are live at the frame's pc;
    /// with `RGODEBUG=clobberdead=1` the dead ones the frame owns (below
    /// the next frame) are poisoned (see stackmap.rs).
    ///
    /// Takes `g` mutably only for the poisoning; with the world stopped
    /// nothing else touches its stack, except a native a G in a system
    /// call is still running, which writes only its own window: such a
    /// G's frames are not poisoned.
    pub(crate) fn scan_g(&mut self, prog: &Program, g: &mut G) {
        let clobber = crate::stackmap::clobberdead()
            && g.sched.status.load(Ordering::Acquire) != crate::proc::G_SYSCALL;
        let st = &mut g.stack;
        // Pointers into the stack lead to stack objects, scanned when
        // reached (Go's stack object records; stack.rs).
        let lo = st.buf.as_ptr() as u64;
        let hi = lo + st.buf.len() as u64 * 8;
        let mut to_stack: Vec<u64> = Vec::new();
        // (first slot in the stack, slots, function, its first slot)
        let mut objects: Vec<(usize, usize, usize, usize)> = Vec::new();
        let nframes = st.frames.len() + 1;
        for k in 0..nframes {
            let ci = if k < st.frames.len() {
                st.frames[k]
            } else {
                st.cur
            };
            if ci.func == PANIC_MARK {
                continue;
            }
            let Some(f) = prog.funcs.get(ci.func.idx()) else {
                continue;
            };
            let fp = ci.fp as usize;
            // A suspended caller owns its frame only below the callee's
            // (the call's arguments are the callee's to keep alive); a
            // panic's mark shares the panicking frame's fp and owns none.
            let end = st
                .frames
                .get(k + 1..)
                .unwrap_or(&[])
                .iter()
                .chain(std::iter::once(&st.cur))
                .skip(usize::from(k + 1 == nframes))
                .find(|n| n.func != PANIC_MARK)
                .and_then(|n| (n.fp as usize).checked_sub(fp))
                .unwrap_or(usize::MAX);
            let buf = &mut st.buf;
            let sm = f.stackmap(prog);
            let each = |slot: u32, live: bool| {
                let slot = slot as usize;
                if slot >= end {
                    return;
                }
                let Some(v) = buf.get_mut(fp + slot) else {
                    return;
                };
                if live {
                    if (lo..hi).contains(&*v) {
                        to_stack.push(*v);
                    } else {
                        self.grey(*v);
                    }
                } else if clobber {
                    *v = crate::stackmap::CLOBBER;
                }
            };
            if k + 1 == nframes && g.st.in_native {
                sm.live_in_native(ci.pc, each);
            } else {
                sm.live_at(ci.pc, each);
            }
            for &(obj, n) in sm.objects() {
                if (obj as usize) < end {
                    objects.push((fp + obj as usize, n as usize, ci.func.idx(), obj as usize));
                }
            }
        }
        let mut stack_root = |v: u64, to_stack: &mut Vec<u64>| {
            if (lo..hi).contains(&v) {
                to_stack.push(v);
            } else {
                self.grey(v);
            }
        };
        stack_root(g.st.ctx, &mut to_stack);
        for d in &g.st.defers {
            stack_root(d.fv, &mut to_stack);
        }
        if !objects.is_empty() {
            objects.sort_unstable();
            let mut seen = vec![false; objects.len()];
            while let Some(v) = to_stack.pop() {
                let slot = ((v - lo) / 8) as usize;
                let i = objects.partition_point(|o| o.0 <= slot);
                if i == 0 || seen[i - 1] {
                    continue;
                }
                let (at, n, func, obj) = objects[i - 1];
                if slot >= at + n {
                    continue;
                }
                seen[i - 1] = true;
                let f = &prog.funcs[func];
                for w in 0..n {
                    if f.is_ptr_slot(obj + w) {
                        if let Some(&x) = st.buf.get(at + w) {
                            stack_root(x, &mut to_stack);
                        }
                    }
                }
            }
        }
        self.grey(g.sched.start_ctx);
        for p in &g.st.panics {
            self.grey_panic(&p.val);
        }
        if let crate::proc::Resume::Panic(v) = &g.sched.resume {
            self.grey_panic(v);
        }
        self.grey(g.sched.timer as u64);
    }

    fn grey_panic(&mut self, v: &PanicValue) {
        if let PanicValue::Go { typ, data } = v {
            self.grey(*typ as u64);
            self.grey(*data as u64);
        }
    }

    /// Greys the registered package variables.
    pub(crate) fn scan_data(&mut self) {
        let roots = DATA_ROOTS.lock().unwrap_or_else(|e| e.into_inner());
        for r in roots.iter() {
            for i in 0..r.words {
                if r.mask[i / 64] & (1 << (i % 64)) != 0 {
                    // SAFETY: the root's words are static memory registered
                    // by the compiler for the program's lifetime.
                    unsafe { self.grey_at(r.addr + 8 * i) };
                }
            }
        }
    }

    /// Greys the Gs of running or blocked callbacks.
    pub(crate) fn scan_callbacks(&mut self, prog: &Program) {
        let gs = CALLBACK_GS.lock().unwrap_or_else(|e| e.into_inner());
        for &g in gs.iter() {
            // SAFETY: a registered callback G stays allocated until it is
            // unregistered, and it does not run while the world is
            // stopped (its M is inside a stopped native or blocked).
            self.scan_g(prog, unsafe { &mut *(g as *mut G) });
        }
    }
}

impl Work {
    /// Greys the pointers of the object at `base` without marking it
    /// (the referents of a finalizer-guarded object).
    pub(crate) fn scan_object(&mut self, base: usize) {
        let Some((b, s, _)) = find_allocated(base) else {
            return;
        };
        // SAFETY: an in-use span and an allocated slot, so initialized by
        // mallocgc; the world is stopped.
        unsafe { for_each_pointer(b, &*s, |a| self.grey_at(a)) }
    }

    /// Greys every root (Go's `markroot` jobs), see the module comment.
    pub(crate) fn mark_roots(&mut self, prog: &Program) {
        self.scan_data();
        if let Some(sc) = crate::proc::sched_if_started() {
            let gs: Vec<*mut G> = sc.allgs.lock().unwrap_or_else(|e| e.into_inner()).clone();
            for gp in gs {
                // SAFETY: Gs are never freed; with the world stopped none
                // runs (a G in a system call does not touch its frames
                // outside its native's window).
                let g = unsafe { &mut *gp };
                // A dead G keeps its sleep timer for its next life.
                self.grey(g.sched.timer as u64);
                if g.sched.status.load(Ordering::Acquire) == crate::proc::G_DEAD {
                    continue;
                }
                self.scan_g(prog, g);
            }
            for p in sc.allp.iter() {
                p.timers.for_each_timer(|t| self.grey(t));
            }
        }
        self.scan_callbacks(prog);
        crate::mfinal::grey_roots(self);
    }
}
