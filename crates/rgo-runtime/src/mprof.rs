//! The heap profile (Go's mprof.go, with malloc.go's sampling):
//! `runtime.MemProfileRate`, the sampling of allocations, and the
//! records `runtime.MemProfile` returns.
//!
//! Sampling. An allocation is sampled when the bytes allocated since the
//! last sample pass a random distance drawn from an exponential
//! distribution whose mean is the rate (Go's `nextSample`/`fastexprand`;
//! rate 1: every allocation, 0: none), and, as in Go, when the rate
//! changed since the cache's last sample. Sizes are the slot sizes
//! (size class, 16 for a new tiny block, the span for a large object);
//! allocations that fit in the current tiny block are never sampled,
//! as in Go. Each `MCache` counts down `next_sample`: the allocator's
//! fast path is one compare and one subtraction, and [`profile_alloc`]
//! runs when the count runs out. The countdown is cut into windows of at
//! most [`RECHECK`] bytes (`sample_rest` holds the remainder of the
//! distance), so the rate — a Go variable the program may set at any
//! time, which the runtime reads through the pointer package runtime
//! registers at init — is re-read at least every `RECHECK` bytes.
//!
//! Records. A sampled allocation is counted in the bucket of its (slot
//! size, call stack), the stack being the goroutine's logical frames as
//! `runtime.Callers` gives them (return pcs, innermost first, at most
//! 32). The object's address is remembered (Go's profile "special"), and
//! the sweep that frees it ([`free_unmarked`], run by the sweeper before
//! mark bits become alloc bits) counts the free in the same bucket.
//!
//! Cycles (Go's mProf cycles). `MemProfile` shows the heap as of the last
//! completed collection: allocations count toward cycle C+2 and frees
//! found by sweeping toward C+1; at each collection's mark termination C
//! advances and the events of the new C are added to the published
//! (`active`) counts; `runtime.GC`, which returns with sweeping done,
//! also publishes C+1 ([`post_sweep`]). Before any collection published
//! anything, `MemProfile` publishes everything it has.
//!
//! Invariants:
//! - every address in `sampled` is the base of an allocated heap object
//!   that was sampled, and maps to its bucket; it leaves the table when
//!   the sweeper frees that object;
//! - `future[i]` holds only events of one unpublished cycle; publishing
//!   adds it to `active` and clears it, so no event counts twice;
//! - all of it changes only under `PROF`'s lock; the sweeper takes it
//!   with the world stopped, and nothing holding it waits for the world.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicPtr, Ordering};
use std::sync::Mutex;

use crate::mcache::MCache;
use crate::mheap::find_allocated;

/// `runtime.MemProfileRate`'s initial value (one sample per 512 KiB).
pub const DEFAULT_RATE: i64 = 512 * 1024;

/// The longest stretch of allocation (bytes) between two reads of the rate.
pub const RECHECK: usize = 4096;

/// Frames kept per stack (`MemProfileRecord.Stack0`'s length).
pub const MAX_STACK: usize = 32;

/// `&runtime.MemProfileRate`, registered by package runtime's init (null
/// before: the rate is then [`DEFAULT_RATE`]).
static RATE_VAR: AtomicPtr<i64> = AtomicPtr::new(std::ptr::null_mut());

/// Registers the Go variable that holds the rate.
///
/// # Safety
/// `p` must be the address of an 8-aligned Go global that lives as long
/// as the program.
pub unsafe fn register_rate_var(p: *mut i64) {
    RATE_VAR.store(p, Ordering::Release);
}

/// The current `runtime.MemProfileRate`.
pub fn rate() -> i64 {
    let p = RATE_VAR.load(Ordering::Acquire);
    if p.is_null() {
        return DEFAULT_RATE;
    }
    // SAFETY: register_rate_var's contract: p is an aligned Go global
    // that lives forever; Go code may store to it concurrently, so it is
    // read as an atomic.
    unsafe { AtomicI64::from_ptr(p) }.load(Ordering::Relaxed)
}

/// One cycle's (or the published) counts of a bucket.
#[derive(Clone, Copy, Default)]
pub struct Counts {
    pub allocs: u64,
    pub frees: u64,
    pub alloc_bytes: u64,
    pub free_bytes: u64,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.allocs += o.allocs;
        self.frees += o.frees;
        self.alloc_bytes += o.alloc_bytes;
        self.free_bytes += o.free_bytes;
    }

    fn is_empty(&self) -> bool {
        self.allocs == 0 && self.frees == 0
    }
}

/// The records of one (size, stack) (Go's memProfile `bucket` with its
/// `memRecord`).
struct Bucket {
    size: usize,
    stack: Box<[u64]>,
    active: Counts,
    future: [Counts; 3],
}

struct Prof {
    buckets: Vec<Bucket>,
    index: HashMap<(usize, Box<[u64]>), u32>,
    /// Sampled live objects: base address to bucket.
    sampled: HashMap<usize, u32>,
    /// The heap profile cycle C.
    cycle: u64,
}

static PROF: Mutex<Option<Prof>> = Mutex::new(None);

fn with_prof<T>(f: impl FnOnce(&mut Prof) -> T) -> T {
    let mut g = PROF.lock().unwrap_or_else(|e| e.into_inner());
    f(g.get_or_insert_with(|| Prof {
        buckets: Vec::new(),
        index: HashMap::new(),
        sampled: HashMap::new(),
        cycle: 0,
    }))
}

/// A random distance to the next sample for `rate` > 1: exponentially
/// distributed with mean `rate`, from 26 random bits, at least 1 (Go's
/// `fastexprand`, which caps the mean at 0x7000000).
fn exp_distance(rate: i64) -> usize {
    const BITS: u32 = 26;
    let mean = rate.min(0x700_0000) as f64;
    let q = crate::alg::cheaprandn(1 << BITS) as f64 + 1.0;
    let qlog = (q.log2() - BITS as f64).min(0.0);
    (qlog * (-std::f64::consts::LN_2 * mean)) as usize + 1
}

/// Sets the cache's countdown to a distance of `d` bytes (see the module
/// comment: at most `RECHECK` of it before the rate is read again).
fn set_window(c: &mut MCache, d: usize) {
    c.next_sample = d.min(RECHECK);
    c.sample_rest = d - c.next_sample;
}

/// The distance to the next sample at `rate` (Go's `nextSample`): none
/// for 0, the next allocation for 1 (or a negative rate).
fn distance(rate: i64) -> usize {
    match rate {
        0 => usize::MAX,
        2.. => exp_distance(rate),
        _ => 0,
    }
}

/// The allocator's slow path of sampling: an object of `size` bytes at
/// `x` was just allocated from `c` and `size >= c.next_sample`. As in
/// Go, the allocation is a sample when it passes the end of the drawn
/// distance or when the rate changed since the last sample (the first
/// allocation after `MemProfileRate` is set is always one); a sample
/// draws the next distance for the rate now in force.
#[cold]
#[inline(never)]
pub(crate) fn profile_alloc(c: &mut MCache, x: usize, size: usize) {
    let rate = rate();
    if rate == c.sample_rate {
        let remaining = c.next_sample.saturating_add(c.sample_rest);
        if size <= remaining {
            set_window(c, remaining - size);
            return;
        }
    }
    c.sample_rate = rate;
    set_window(c, distance(rate));
    record_alloc(x, size);
}

/// The running goroutine's stack, as `runtime.Callers(0, ...)` gives it
/// (empty outside a goroutine).
fn current_stack() -> Vec<u64> {
    let gp = crate::proc::getg();
    let Some(sc) = crate::proc::sched_if_started() else {
        return Vec::new();
    };
    if gp.is_null() {
        return Vec::new();
    }
    // SAFETY: the running G is this thread's; the allocation runs on its
    // behalf, and its frame stack is only read here.
    let mut pcs = crate::traceback::frames(sc.prog, unsafe { &*gp });
    pcs.truncate(MAX_STACK);
    pcs
}

fn record_alloc(x: usize, size: usize) {
    let stack = current_stack().into_boxed_slice();
    with_prof(|p| {
        let key = (size, stack);
        let b = match p.index.get(&key) {
            Some(&b) => b,
            None => {
                let b = p.buckets.len() as u32;
                p.buckets.push(Bucket {
                    size,
                    stack: key.1.clone(),
                    active: Counts::default(),
                    future: [Counts::default(); 3],
                });
                p.index.insert(key, b);
                b
            }
        };
        let f = &mut p.buckets[b as usize].future[((p.cycle + 2) % 3) as usize];
        f.allocs += 1;
        f.alloc_bytes += size as u64;
        p.sampled.insert(x, b);
    });
}

/// Adds cycle `i`'s events to the published counts and clears them.
fn flush(p: &mut Prof, i: u64) {
    let i = (i % 3) as usize;
    for b in &mut p.buckets {
        let f = std::mem::take(&mut b.future[i]);
        b.active.add(&f);
    }
}

/// Mark termination of a collection (Go's `mProf_NextCycle` then
/// `mProf_Flush`): the cycle advances and its events are published.
pub fn next_cycle() {
    with_prof(|p| {
        p.cycle += 1;
        let c = p.cycle;
        flush(p, c);
    });
}

/// Sweeping of the cycle is complete (Go's `mProf_PostSweep`): the frees
/// it found are published too.
pub fn post_sweep() {
    with_prof(|p| {
        let c = p.cycle + 1;
        flush(p, c);
    });
}

/// The sweeper's hook, run before the mark bits become alloc bits: every
/// sampled object left unmarked is about to be freed; count its free.
pub fn free_unmarked() {
    let mut g = PROF.lock().unwrap_or_else(|e| e.into_inner());
    let Some(p) = g.as_mut() else {
        return;
    };
    if p.sampled.is_empty() {
        return;
    }
    let i = ((p.cycle + 1) % 3) as usize;
    let Prof {
        buckets, sampled, ..
    } = p;
    sampled.retain(|&x, &mut b| {
        let live = match find_allocated(x) {
            // SAFETY: find_allocated returned an in-use span; the world
            // is stopped, so its mark bits are still.
            Some((base, s, idx)) => base == x && unsafe { (*s).is_marked(idx) },
            None => false,
        };
        if !live {
            let bk = &mut buckets[b as usize];
            let f = &mut bk.future[i];
            f.frees += 1;
            f.free_bytes += bk.size as u64;
        }
        live
    });
}

/// One published record: the counts and stack of a bucket.
pub struct Record {
    pub counts: Counts,
    pub stack: Box<[u64]>,
}

/// The published records (Go's `MemProfile`): those with bytes in use,
/// or all with `inuse_zero`. When nothing was published yet (no
/// collection ran), every pending event is published first.
pub fn records(inuse_zero: bool) -> Vec<Record> {
    with_prof(|p| {
        if p.buckets.iter().all(|b| b.active.is_empty()) {
            for i in 0..3 {
                flush(p, i);
            }
        }
        p.buckets
            .iter()
            .filter(|b| inuse_zero || b.active.alloc_bytes != b.active.free_bytes)
            .map(|b| Record {
                counts: b.active,
                stack: b.stack.clone(),
            })
            .collect()
    })
}
