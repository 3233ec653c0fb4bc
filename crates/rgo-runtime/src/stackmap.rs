//! Stack maps: which pointer slots of a frame are live at a pc (gc's
//! liveness analysis, cmd/compile/internal/liveness, and the stack maps
//! the runtime's `scanframeworker` reads).
//!
//! A function's pointer map (`Func::ptrmap`) says which slots *may* hold
//! a pointer; this file says which of them the code will still *read*.
//! The collector scans only those, so a dead temporary, a variable past
//! its last use, or an argument the function is done with keeps nothing
//! alive, as in Go (`runtime.KeepAlive` exists because of this).
//!
//! rgo computes the maps from the bytecode that runs (after inlining and
//! peephole rewriting), lazily, the first time the collector scans a frame
//! of the function; the world is stopped then. A program that never
//! collects pays nothing.
//!
//! Invariants:
//! - The analysis is a backward may-live dataflow over the operand table
//!   [`Instr::operands`]: a slot is live at a pc if some path from there
//!   reads it before overwriting it. A read the table forgets would let
//!   the collector free what the frame still uses, so the table errs
//!   toward reads, and counts as a write only what overwrites whole
//!   slots.
//! - A native's window is one run the table cannot split into arguments
//!   and results. A forward must-analysis settles it: a window slot that
//!   every path has written (and no callee frame has covered since; a
//!   call's callee may overwrite every slot from its window up) is an
//!   argument, read; any other is a result, written. A channel receive
//!   clears its element first, since a sender writes it while the
//!   receiver is parked (rgo-compile's chan.rs).
//! - Frames are not cleared on return: a callee leaves its words in the
//!   slots above its caller's window. No slot is live at a pc unless
//!   every path to it wrote the slot since the last call that could
//!   cover it, or it is live at the entry: those, and what the recovery
//!   epilogue reads, are the only slots the interpreter zeroes when it
//!   enters a frame ([`StackMap::entry_zero`]).
//! - A panic can leave any instruction of a function that defers for its
//!   `recover_pc`, so there every instruction's live-out includes the
//!   live-in of `recover_pc` (the named results the epilogue returns).
//! - A frame's saved pc is either the next instruction to run (the
//!   running or preempted frame, a frame recovered at `recover_pc`) or
//!   the one after the call it is suspended in. [`StackMap::live_at`]
//!   returns the union of the live-ins of `pc` and `pc - 1`, which is a
//!   superset of what either reading needs: for a suspended call, the
//!   slots live across it plus its own operands (a native's window, which
//!   it may still read while it calls back into Go). The superset may
//!   hold a word a callee left; the collector marks only allocated
//!   objects, so such a word at worst keeps one dead object for a cycle.
//!   A goroutine parked in a native is told apart (`GState::in_native`)
//!   and scanned without the results the native has yet to write.
//! - The words of stack objects (`Instr::NewStack`) are not slots here:
//!   no instruction but their allocation names them. The collector scans
//!   a stack object when a live pointer (or a scanned stack object)
//!   points into it, as Go's stack object records work
//!   ([`StackMap::objects`]).
//! - A slot dead at one collection and live at a later one was written in
//!   between (every path to a read passes a write), so the collector
//!   never sees a pointer it did not see the object of.
//!
//! `RGODEBUG=clobberdead=1` checks all this at run time: at every
//! collection, each pointer slot a frame owns that the map says is dead is
//! overwritten with a poison address (gc's `-clobberdead`), so a read the
//! table forgot faults instead of reading freed memory later.

use crate::op::{jump_target, Instr, Use};
use crate::symtab::{Func, Program};

/// The address dead pointer slots are overwritten with under
/// `RGODEBUG=clobberdead=1` (non-canonical on amd64: any use faults).
pub const CLOBBER: u64 = 0xdead_dead_dead_dead;

/// The liveness of one function's pointer slots, at every saved pc.
#[derive(Clone, Debug, Default)]
pub struct StackMap {
    /// The frame's pointer slots, ascending; bit `i` of a set is `slots[i]`.
    slots: Box<[u32]>,
    /// The frame's stack objects: (first slot, slots), ascending.
    objects: Box<[(u32, u32)]>,
    /// Words per set.
    words: usize,
    /// Every pointer slot is live everywhere (`Func::scan_whole_frame`).
    all: bool,
    /// What [`StackMap::live_at`] returns for each saved pc `0..=n`: an
    /// index into `sets` (frames stop at every pc of a loop or a call,
    /// and each cycle scans them again, so the sets are computed once).
    at: Box<[u32]>,
    /// The distinct sets of `at`, `words` words each.
    sets: Box<[u64]>,
    /// For a goroutine parked in the native before saved pc `p`: the
    /// index into `sets` of what is live while it waits (its arguments
    /// and what lives across it, not the results it has yet to write),
    /// by ascending `p`.
    in_native: Box<[(u32, u32)]>,
    /// One bit per frame slot: the pointer slots the interpreter zeroes
    /// when it enters the function (those live at entry, and those the
    /// recovery epilogue reads), so that no read finds a stale word.
    entry_zero: Box<[u64]>,
}

/// The analysis while it runs: the basic blocks and the panic edge.
struct Blocks<'a> {
    /// The frame's pointer slots (as [`StackMap::slots`]).
    slots: &'a [u32],
    /// First pc of each basic block, ascending (block 0 starts at pc 0).
    starts: Vec<u32>,
    /// Added to every instruction's live-out: the live-in of
    /// `recover_pc` in a function that defers, else empty.
    on_panic: Vec<u64>,
    /// For each `CallNative` pc, the pointer slots every path from the
    /// entry has written (and no call has clobbered since): which of its
    /// window's slots hold arguments (see [`Blocks::step`]).
    native_defs: std::collections::HashMap<usize, Vec<u64>>,
}

impl StackMap {
    /// Runs the analysis for `f` (a function of `prog`).
    pub fn new(f: &Func, prog: &Program) -> StackMap {
        // Stack objects, and the use flags of once-per-call ones (which
        // start at 0).
        let mut objects: Vec<(u32, u32)> = Vec::new();
        let mut flags: Vec<u32> = Vec::new();
        for ins in f.code.iter() {
            match *ins {
                Instr::NewStack { obj, n, .. } => objects.push((obj.0 as u32, n as u32)),
                Instr::NewStackOnce { obj, n, .. } => {
                    objects.push((obj.0 as u32, n as u32));
                    flags.push(obj.0 as u32 + n as u32);
                }
                _ => {}
            }
        }
        objects.sort_unstable();
        objects.dedup();
        let in_object = |s: u32| {
            let i = objects.partition_point(|o| o.0 <= s);
            i > 0 && s < objects[i - 1].0 + objects[i - 1].1
        };
        let slots: Box<[u32]> = (0..f.frame_size)
            .filter(|&s| f.is_ptr_slot(s as usize) && !in_object(s))
            .collect();
        let words = slots.len().div_ceil(64);
        let n = f.code.len();
        let mut sm = StackMap {
            slots,
            objects: objects.into_boxed_slice(),
            words,
            ..StackMap::default()
        };
        // Without a map, every pointer slot but the arguments is zeroed.
        let zwords = (f.frame_size as usize).div_ceil(64).max(1);
        let args = f.result_slots..f.result_slots + f.arg_slots;
        let mut entry_zero = vec![0u64; zwords];
        for &s in &flags {
            entry_zero[s as usize / 64] |= 1 << (s % 64);
        }
        if words == 0 || n == 0 || f.scan_whole_frame {
            for &s in sm.slots.iter().filter(|s| !args.contains(s)) {
                entry_zero[s as usize / 64] |= 1 << (s % 64);
            }
            sm.entry_zero = entry_zero.into_boxed_slice();
            sm.all = true;
            return sm;
        }
        let defers = f.code.iter().any(|i| matches!(i, Instr::Defer { .. }));
        // Basic blocks: a leader at 0, at every jump target, after every
        // jump or return, and at recover_pc.
        let mut leader = crate::op::block_leaders(&f.code);
        if defers {
            leader[(f.recover_pc as usize).min(n)] = true;
        }
        let mut bl = Blocks {
            slots: &sm.slots,
            starts: (0..n as u32).filter(|&p| leader[p as usize]).collect(),
            on_panic: vec![0u64; words],
            native_defs: Default::default(),
        };
        let nb = bl.starts.len();
        let block_of = |pc: usize| bl.starts.partition_point(|&s| s as usize <= pc) - 1;
        // Successor blocks of each block.
        let succs: Vec<[Option<usize>; 2]> = (0..nb)
            .map(|b| {
                let last = bl.end(b, n) - 1;
                let fl = f.code[last].flow();
                [
                    (fl.next && last + 1 < n).then(|| block_of(last + 1)),
                    fl.jump
                        .map(|off| jump_target(last, off, n))
                        .filter(|&t| t < n)
                        .map(block_of),
                ]
            })
            .collect();
        let recover_block = defers.then(|| block_of((f.recover_pc as usize).min(n - 1)));

        // Forward must-analysis: the pointer slots written on every path
        // from the entry and not clobbered by a callee since. Only the
        // arguments are at the entry, and at recover_pc (a panic may come
        // from inside any call).
        let mut arg_set = vec![0u64; words];
        bl.update(&mut arg_set, args.start, args.end - args.start, true);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); nb];
        for (b, ss) in succs.iter().enumerate() {
            for &s in ss.iter().flatten() {
                preds[s].push(b);
            }
        }
        let mut def_out = vec![!0u64; nb * words];
        let def_in = |b: usize, def_out: &[u64], set: &mut Vec<u64>| {
            set.iter_mut().for_each(|w| *w = !0);
            for &p in &preds[b] {
                for (d, o) in set.iter_mut().zip(&def_out[p * words..(p + 1) * words]) {
                    *d &= o;
                }
            }
            if b == 0 || Some(b) == recover_block {
                for (d, a) in set.iter_mut().zip(&arg_set) {
                    *d &= a;
                }
            }
        };
        let mut set = vec![0u64; words];
        loop {
            let mut changed = false;
            for b in 0..nb {
                def_in(b, &def_out, &mut set);
                for pc in bl.starts[b] as usize..bl.end(b, n) {
                    bl.def_step(f, prog, pc, &mut set);
                }
                changed |= assign(&mut def_out[b * words..(b + 1) * words], &set);
            }
            if !changed {
                break;
            }
        }
        for b in 0..nb {
            def_in(b, &def_out, &mut set);
            for pc in bl.starts[b] as usize..bl.end(b, n) {
                if matches!(f.code[pc], Instr::CallNative { .. }) {
                    bl.native_defs.insert(pc, set.clone());
                }
                bl.def_step(f, prog, pc, &mut set);
            }
        }

        let mut live_out = vec![0u64; nb * words];
        let mut live_in = vec![0u64; nb * words];
        loop {
            let mut changed = false;
            for b in (0..nb).rev() {
                set.iter_mut().for_each(|w| *w = 0);
                for s in succs[b].iter().flatten() {
                    or(&mut set, &live_in[s * words..(s + 1) * words]);
                }
                or(&mut set, &bl.on_panic);
                changed |= assign(&mut live_out[b * words..(b + 1) * words], &set);
                for pc in (bl.starts[b] as usize..bl.end(b, n)).rev() {
                    bl.step(f, prog, pc, &mut set);
                }
                changed |= assign(&mut live_in[b * words..(b + 1) * words], &set);
            }
            if let Some(r) = recover_block {
                // recover_pc leads its block, so its live-in is the block's.
                let r = live_in[r * words..(r + 1) * words].to_vec();
                changed |= assign(&mut bl.on_panic, &r);
            }
            if !changed {
                break;
            }
        }

        // The live-in of every pc, block by block, then the saved-pc sets.
        let mut live_in_at = vec![0u64; n * words];
        for b in 0..nb {
            set.copy_from_slice(&live_out[b * words..(b + 1) * words]);
            for pc in (bl.starts[b] as usize..bl.end(b, n)).rev() {
                bl.step(f, prog, pc, &mut set);
                live_in_at[pc * words..(pc + 1) * words].copy_from_slice(&set);
            }
        }
        let mut index: std::collections::HashMap<Box<[u64]>, u32> = Default::default();
        let mut sets = Vec::new();
        let mut intern = |set: &[u64]| {
            *index.entry(set.into()).or_insert_with(|| {
                sets.extend_from_slice(set);
                (sets.len() / words - 1) as u32
            })
        };
        let mut in_native = Vec::new();
        for pc in 0..n {
            let (Instr::CallNative { n: w, base, .. }, Some(defs)) =
                (&f.code[pc], bl.native_defs.get(&pc))
            else {
                continue;
            };
            // live-in of pc + 1 without the results, plus live-in of pc.
            if pc + 1 < n {
                set.copy_from_slice(&live_in_at[(pc + 1) * words..(pc + 2) * words]);
            } else {
                set.iter_mut().for_each(|w| *w = 0);
            }
            let (lo, hi) = (base.0 as u32, base.0 as u32 + (*w as u32).max(1));
            let mut i = sm.slots.partition_point(|&x| x < lo);
            while i < sm.slots.len() && sm.slots[i] < hi {
                if defs[i / 64] >> (i % 64) & 1 == 0 {
                    set[i / 64] &= !(1 << (i % 64));
                }
                i += 1;
            }
            or(&mut set, &live_in_at[pc * words..(pc + 1) * words]);
            in_native.push((pc as u32 + 1, intern(&set)));
        }
        let mut at = Vec::with_capacity(n + 1);
        for pc in 0..=n {
            set.iter_mut().for_each(|w| *w = 0);
            if pc < n {
                or(&mut set, &live_in_at[pc * words..(pc + 1) * words]);
            }
            if pc > 0 {
                or(&mut set, &live_in_at[(pc - 1) * words..pc * words]);
            }
            at.push(intern(&set));
        }
        sm.at = at.into_boxed_slice();
        sm.in_native = in_native.into_boxed_slice();
        sm.sets = sets.into_boxed_slice();
        let mut zero = live_in[..words].to_vec();
        or(&mut zero, &bl.on_panic);
        for (i, &s) in sm.slots.iter().enumerate() {
            if zero[i / 64] >> (i % 64) & 1 == 1 && !args.contains(&s) {
                entry_zero[s as usize / 64] |= 1 << (s % 64);
            }
        }
        sm.entry_zero = entry_zero.into_boxed_slice();
        sm
    }

    /// The frame's stack objects, `(first slot, slots)` by ascending
    /// slot: a collection scans one (by the function's pointer map) only
    /// when a live pointer points into it.
    pub fn objects(&self) -> &[(u32, u32)] {
        &self.objects
    }

    /// One bit per frame slot: the slots to zero when a frame of the
    /// function starts (pointer slots some path reads before writing;
    /// never arguments). Covers the frame (at least one word).
    #[inline(always)]
    pub fn entry_zero(&self) -> &[u64] {
        &self.entry_zero
    }

    /// Calls `each(slot, live)` for every pointer slot of a frame of `f`
    /// saved at `pc`: live if in the live-in of `pc` or of `pc - 1` (see
    /// the module comment).
    pub fn live_at(&self, pc: u32, each: impl FnMut(u32, bool)) {
        self.live(self.at.get(pc as usize).copied(), each)
    }

    /// [`StackMap::live_at`] for a goroutine parked in the native just
    /// before `pc` (`GState::in_native`): the window slots it has not
    /// written yet are dead, whatever a callee left in them.
    pub fn live_in_native(&self, pc: u32, each: impl FnMut(u32, bool)) {
        let k = match self.in_native.binary_search_by_key(&pc, |&(p, _)| p) {
            Ok(i) => Some(self.in_native[i].1),
            Err(_) => self.at.get(pc as usize).copied(),
        };
        self.live(k, each)
    }

    fn live(&self, k: Option<u32>, mut each: impl FnMut(u32, bool)) {
        let live = match k {
            Some(k) if !self.all => {
                &self.sets[k as usize * self.words..(k as usize + 1) * self.words]
            }
            // A pc past the code (not a verified frame) or no map: all.
            _ => {
                for &s in self.slots.iter() {
                    each(s, true);
                }
                return;
            }
        };
        for (i, &s) in self.slots.iter().enumerate() {
            each(s, live[i / 64] >> (i % 64) & 1 == 1);
        }
    }
}

impl Blocks<'_> {
    /// The end (exclusive) of block `b` in a function of `n` instructions.
    fn end(&self, b: usize, n: usize) -> usize {
        self.starts.get(b + 1).map_or(n, |&s| s as usize)
    }

    /// Turns `set` from the live-out of instruction `pc` (without the
    /// panic edge) into its live-in.
    fn step(&self, f: &Func, prog: &Program, pc: usize, set: &mut [u64]) {
        or(set, &self.on_panic);
        let ins = &f.code[pc];
        // A native's window holds its arguments, which the caller wrote
        // before the call, and its results, which it writes: a window
        // slot the caller has surely written is read (and may be
        // written), any other is only written. Counting a result as read
        // would make it live back to whatever a callee left there.
        if let (Instr::CallNative { n, base, .. }, Some(defs)) = (ins, self.native_defs.get(&pc)) {
            let (lo, hi) = (base.0 as u32, base.0 as u32 + (*n as u32).max(1));
            let mut i = self.slots.partition_point(|&x| x < lo);
            while i < self.slots.len() && self.slots[i] < hi {
                if defs[i / 64] >> (i % 64) & 1 == 0 {
                    set[i / 64] &= !(1 << (i % 64));
                } else {
                    set[i / 64] |= 1 << (i % 64);
                }
                i += 1;
            }
            return;
        }
        // Writes first, then reads: an instruction reads its operands
        // before it writes its results.
        let mut reads: [(u32, u32); 6] = [(0, 0); 6];
        let mut nr = 0;
        let mut window = None;
        let ok = ins.operands(
            |c| {
                prog.funcs
                    .get(c.idx())
                    .map(|c| (c.result_slots, c.arg_slots))
            },
            |s, w, u| match u {
                Use::Write => self.update(set, s.0 as u32, w, false),
                Use::Read | Use::Update => {
                    if nr < reads.len() {
                        reads[nr] = (s.0 as u32, w);
                        nr += 1;
                    } else {
                        // More reads than any instruction has: keep
                        // everything from here up, which is a superset.
                        window = Some(window.map_or(s.0 as u32, |x: u32| x.min(s.0 as u32)));
                    }
                }
            },
        );
        if ok.is_err() {
            // Not a verified instruction: everything may be read.
            window = Some(0);
        }
        for &(s, w) in &reads[..nr] {
            self.update(set, s, w, true);
        }
        if let Some(s) = window {
            self.update(set, s, u32::MAX - s, true);
        }
        if matches!(ins, Instr::Ret) {
            let n = f.result_slots + if f.args_live { f.arg_slots } else { 0 };
            self.update(set, 0, n, true);
        }
    }

    /// Turns `set` from the must-written slots before instruction `pc`
    /// into those after it: a call's callee may overwrite every slot from
    /// its window up (its frame lies there), then its results are
    /// written; any other instruction adds what it writes or updates.
    fn def_step(&self, f: &Func, prog: &Program, pc: usize, set: &mut [u64]) {
        let ins = &f.code[pc];
        match *ins {
            Instr::Call { base, .. }
            | Instr::CallClosure { base, .. }
            | Instr::CallIndirect { base, .. }
            | Instr::CallIface { base, .. } => {
                self.update(set, base.0 as u32, u32::MAX - base.0 as u32, false)
            }
            _ => {}
        }
        let ok = ins.operands(
            |c| {
                prog.funcs
                    .get(c.idx())
                    .map(|c| (c.result_slots, c.arg_slots))
            },
            |s, w, u| {
                if u != Use::Read {
                    self.update(set, s.0 as u32, w, true);
                }
            },
        );
        if ok.is_err() {
            // Not a verified instruction: count every slot as written, so
            // that natives read their whole windows (the side that keeps
            // objects alive).
            set.iter_mut().for_each(|w| *w = !0);
        }
    }

    /// Sets (`live`) or clears the bits of the pointer slots in
    /// `s .. s + w`.
    fn update(&self, set: &mut [u64], s: u32, w: u32, live: bool) {
        let end = s.saturating_add(w);
        let mut i = self.slots.partition_point(|&x| x < s);
        while i < self.slots.len() && self.slots[i] < end {
            if live {
                set[i / 64] |= 1 << (i % 64);
            } else {
                set[i / 64] &= !(1 << (i % 64));
            }
            i += 1;
        }
    }
}

fn or(dst: &mut [u64], src: &[u64]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d |= s;
    }
}

/// `dst := src`, reporting whether `dst` changed.
fn assign(dst: &mut [u64], src: &[u64]) -> bool {
    let changed = dst != src;
    dst.copy_from_slice(src);
    changed
}

/// Whether `RGODEBUG=clobberdead=1` is set.
pub(crate) fn clobberdead() -> bool {
    static V: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *V.get_or_init(|| crate::mgc::rgodebug("clobberdead"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::op::{PrintKind, Slot};

    fn func(code: Vec<Instr>, frame: u32, res: u32, ptrs: &[u32], recover_pc: u32) -> Func {
        let mut ptrmap = vec![0u64; (frame as usize).div_ceil(64)];
        for &p in ptrs {
            ptrmap[p as usize / 64] |= 1 << (p % 64);
        }
        Func {
            lines: vec![0; code.len()].into(),
            code: code.into(),
            frame_size: frame,
            result_slots: res,
            ptrmap: ptrmap.into(),
            recover_pc,
            ..Default::default()
        }
    }

    fn live(f: &Func, pc: u32) -> Vec<u32> {
        let sm = StackMap::new(f, &Program::default());
        let mut v = Vec::new();
        sm.live_at(pc, |s, l| {
            if l {
                v.push(s)
            }
        });
        v
    }

    #[test]
    fn a_pointer_dies_after_its_last_read() {
        let s = Slot;
        let f = func(
            vec![
                Instr::New { dst: s(1), typ: 0 },
                Instr::New { dst: s(2), typ: 0 },
                Instr::Mov {
                    dst: s(3),
                    src: s(1),
                },
                Instr::CallNative {
                    id: 0,
                    n: 1,
                    base: s(4),
                },
                Instr::Print {
                    a: s(2),
                    kind: PrintKind::Int,
                },
                Instr::Ret,
            ],
            5,
            0,
            &[1, 2, 3, 4],
            0,
        );
        // Suspended in the native: q is live; p and its copy are dead,
        // and so is the native's window, which nothing wrote (a result).
        assert_eq!(live(&f, 4), vec![2]);
        // Before the copy: p and q are live.
        assert_eq!(live(&f, 2), vec![1, 2]);
        assert_eq!(live(&f, 0), Vec::<u32>::new());
        assert_eq!(entry_zero(&f), Vec::<u32>::new());
    }

    fn entry_zero(f: &Func) -> Vec<u32> {
        let sm = StackMap::new(f, &Program::default());
        (0..f.frame_size)
            .filter(|&s| sm.entry_zero()[s as usize / 64] >> (s % 64) & 1 == 1)
            .collect()
    }

    #[test]
    fn a_native_reads_the_window_slots_written_before_it() {
        let s = Slot;
        // Slot 3 is the native's argument (written at 0), slot 4 its
        // result (read after it).
        let f = func(
            vec![
                Instr::New { dst: s(3), typ: 0 },
                Instr::CallNative {
                    id: 0,
                    n: 2,
                    base: s(3),
                },
                Instr::Print {
                    a: s(4),
                    kind: PrintKind::Int,
                },
                Instr::Ret,
            ],
            5,
            0,
            &[3, 4],
            0,
        );
        assert_eq!(live(&f, 1), vec![3]);
        // Suspended in the native (saved pc 2): its argument is live.
        assert_eq!(live(&f, 2), vec![3, 4]);
        assert_eq!(live(&f, 4), Vec::<u32>::new());
    }

    #[test]
    fn a_native_result_is_not_live_over_a_callee_frame() {
        let s = Slot;
        // 0: new into slot 2; 1: call a closure whose frame covers slots
        // 1.. (leaving its own words there); 2: a native at slot 2 whose
        // window was last written by the callee: its result, not an
        // argument, so nothing the callee left is live after the call.
        let f = func(
            vec![
                Instr::New { dst: s(2), typ: 0 },
                Instr::CallClosure {
                    fv: s(0),
                    base: s(1),
                    n: 0,
                    res: 0,
                },
                Instr::CallNative {
                    id: 0,
                    n: 1,
                    base: s(2),
                },
                Instr::Print {
                    a: s(2),
                    kind: PrintKind::Int,
                },
                Instr::Ret,
            ],
            3,
            0,
            &[0, 2],
            0,
        );
        // After the call (saved pc 2) only the func value it read.
        assert_eq!(live(&f, 2), vec![0]);
        // Parked in the native (saved pc 3), its result is not yet
        // written; a frame stopped at pc 3 itself is about to read it.
        let sm = StackMap::new(&f, &Program::default());
        let mut v = Vec::new();
        sm.live_in_native(3, |s, l| {
            if l {
                v.push(s)
            }
        });
        assert_eq!(v, Vec::<u32>::new());
        assert_eq!(live(&f, 3), vec![2]);
        assert_eq!(entry_zero(&f), vec![0]);
    }

    #[test]
    fn entry_zero_covers_results_read_before_written() {
        let s = Slot;
        // Result 0 is written only on one branch; result 1 always.
        let f = func(
            vec![
                Instr::JmpIf { cond: s(2), off: 1 },
                Instr::New { dst: s(0), typ: 0 },
                Instr::New { dst: s(1), typ: 0 },
                Instr::Ret,
            ],
            4,
            2,
            &[0, 1, 3],
            0,
        );
        assert_eq!(entry_zero(&f), vec![0]);
    }

    #[test]
    fn a_loop_keeps_what_the_next_iteration_reads() {
        let s = Slot;
        // 0: p = new; 1: print p (loop head); 2: jump back to 1.
        let f = func(
            vec![
                Instr::New { dst: s(0), typ: 0 },
                Instr::Print {
                    a: s(0),
                    kind: PrintKind::Int,
                },
                Instr::Jmp { off: -2 },
            ],
            1,
            0,
            &[0],
            0,
        );
        assert_eq!(live(&f, 2), vec![0]);
        assert_eq!(live(&f, 3), vec![0]);
    }

    #[test]
    fn a_function_that_defers_keeps_its_results_for_recovery() {
        let s = Slot;
        // Result slot 0 is written at 1 and returned by the epilogue at
        // recover_pc 4; a panic anywhere may resume there.
        let f = func(
            vec![
                Instr::Defer { fv: s(2) },
                Instr::New { dst: s(0), typ: 0 },
                Instr::New { dst: s(1), typ: 0 },
                Instr::Print {
                    a: s(1),
                    kind: PrintKind::Int,
                },
                Instr::DeferReturn,
                Instr::Ret,
            ],
            3,
            1,
            &[0, 1, 2],
            4,
        );
        assert_eq!(live(&f, 4), vec![0, 1]);
        assert_eq!(live(&f, 5), vec![0]);
        // Without the Defer the result is dead until written.
        let mut g = func(f.code.to_vec(), 3, 1, &[0, 1, 2], 4);
        g.code[0] = Instr::Nop;
        assert_eq!(live(&g, 1), Vec::<u32>::new());
    }

    #[test]
    fn a_closure_call_reads_its_window_only() {
        let s = Slot;
        let f = func(
            vec![
                Instr::New { dst: s(1), typ: 0 },
                Instr::CallClosure {
                    fv: s(0),
                    base: s(2),
                    n: 2,
                    res: 1,
                },
                Instr::Ret,
            ],
            6,
            0,
            &[0, 1, 2, 3, 4, 5],
            0,
        );
        // Slots 4 and 5 lie above the window: dead. Slot 1 is dead too,
        // and so is the result slot 2, which the call writes.
        assert_eq!(live(&f, 2), vec![0, 3]);
    }
}
