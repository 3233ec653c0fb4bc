//! The scheduler (Go's proc.go): goroutines (G) run by OS threads (M)
//! holding processors (P).
//!
//! - A G is data, not an OS stack: its frames, pc and defer chain
//!   ([`G`]). An M runs one G at a time in the interpreter loop; a G that
//!   blocks (channel, select, semaphore, sleep) *parks*: the native
//!   records a park request ([`gopark`]) and returns
//!   `PanicValue::Park`, the loop saves the G's state and returns, and
//!   the M picks the next G ([`schedule`]). A switch never changes OS
//!   stacks.
//! - `GOMAXPROCS` Ps. Each P has a local run queue of 256 (a lock-free
//!   ring: the owner puts at the tail and takes at the head, thieves
//!   take half from the head), `runnext` (the G just readied by the
//!   running G, which runs next and inherits its time slice), its
//!   `mcache` and its timer heap. One global run queue under the
//!   scheduler lock, checked every 61 schedule ticks for fairness.
//! - An M with no work spins looking for some (stealing half of a random
//!   victim's queue, up to 4 rounds over all Ps, taking `runnext` on the
//!   last), but only while spinning Ms are fewer than half the busy Ps;
//!   then it gives its P back and sleeps on its note. Readying a G when
//!   there is an idle P and no spinning M wakes one ([`wakep`]).
//! - sysmon, a thread without P, preempts a G that has run for more than
//!   10 ms (it sets the P's preempt flag, which the loop checks at every
//!   function entry and backward jump) and retakes Ps from Ms blocked in
//!   system calls ([`entersyscall`]).
//! - When the last M goes idle with no G runnable, no timer pending and
//!   no M in a system call, every goroutine is blocked forever:
//!   `fatal error: all goroutines are asleep - deadlock!` ([`checkdead`]).
//! - Stop the world ([`stop_the_world`], [`start_the_world`]): `gcwaiting`
//!   makes every M give its P to the stopper at its next schedule (idle
//!   and syscall Ps are taken at once, running Gs preempted); used by
//!   `runtime.GC` (mgc.rs) and by `runtime.GOMAXPROCS`, whose resize
//!   ([`procresize`]) moves the removed Ps' Gs and timers before it
//!   returns.
//! - `LockOSThread` wires a G and an M (`lockedm`/`lockedg`): the M runs
//!   only that G and sleeps while it is not runnable ([`stoplockedm`]);
//!   whoever takes the G from a queue hands its P to that M
//!   ([`startlockedm`]); a G that exits locked ends its thread.
//! - procPin (sync.Pool) raises the M's `locks`: the pinned G is not
//!   preempted and does not yield until procUnpin, so it keeps its P.
//!
//! Invariants:
//! - a G's `status` says who owns it: `RUNNING` — the M running it (only
//!   it touches the stack); `RUNNABLE` — the queue holding it; `WAITING`
//!   — whatever will ready it (a channel's wait queue, a semaphore, a
//!   timer), which does so at most once, by CAS WAITING → RUNNABLE;
//!   `DEAD` — the free list;
//! - a park completes before anyone can ready the G: the native keeps the
//!   lock protecting the G's wait-queue entry held and hands it to the
//!   scheduler (`unlockf`), which releases it only after the G's state is
//!   saved and its status is WAITING (Go's `park_m`);
//! - a P is owned by at most one M (`P::m`); only its owner pushes to its
//!   run queue tail, touches its `runnext` writes other than CAS, its
//!   mcache and its `schedtick`;
//! - while `gcwaiting`, a P an M gives up goes to the stopper (GCSTOP,
//!   counted in `stopwait`), never to the idle list; Ps at or beyond
//!   GOMAXPROCS are DEAD and owned by no M;
//! - a locked M is never on the idle M list; `nmidlelocked` counts the
//!   locked Ms asleep, decremented by the M that wakes one;
//! - a pinned G (M `locks` > 0) never parks;
//! - lock order: channel / semaphore-root locks, then a timer's lock,
//!   then a P's timer-heap lock, then the scheduler lock (`SCHED.lock`).

use std::cell::Cell;
use std::collections::VecDeque;
use std::ptr;
use std::sync::atomic::{
    AtomicBool, AtomicI32, AtomicI64, AtomicPtr, AtomicU32, AtomicU64, Ordering,
};
use std::sync::{Mutex, MutexGuard, OnceLock};

use crate::interp::{self, Exit, GState, PanicValue, G};
use crate::lock_futex::Note;
use crate::mcache::MCache;
use crate::op::FuncId;
use crate::symtab::Program;

// G statuses (Go's _Gidle ... _Gdead).
pub const G_IDLE: u32 = 0;
pub const G_RUNNABLE: u32 = 1;
pub const G_RUNNING: u32 = 2;
pub const G_SYSCALL: u32 = 3;
pub const G_WAITING: u32 = 4;
pub const G_DEAD: u32 = 6;

// P statuses.
pub const P_IDLE: u32 = 0;
pub const P_RUNNING: u32 = 1;
pub const P_SYSCALL: u32 = 2;
/// Stopped by a stop-the-world ([`stop_the_world`]); owned by no M.
pub const P_GCSTOP: u32 = 3;
pub const P_DEAD: u32 = 4;

/// Size of a P's local run queue.
const RUNQ_SIZE: usize = 256;
/// Go's `forcePreemptNS`: a G running longer than this is preempted.
const FORCE_PREEMPT_NS: i64 = 10_000_000;
/// The first goroutine id a program's own `go` statements get (Go's
/// runtime starts goroutines 2..5 before main: forcegc, bgsweep,
/// bgscavenge, finalizers).
const FIRST_USER_GOID: u64 = 6;
/// Largest GOMAXPROCS (Ps are allocated on demand up to this).
pub const MAX_PROCS: usize = 256;

/// Why a G is waiting; printed in goroutine dumps (`[chan receive]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum WaitReason {
    Zero,
    ChanReceiveNilChan,
    ChanSendNilChan,
    SelectNoCases,
    Select,
    ChanReceive,
    ChanSend,
    Sleep,
    SyncMutexLock,
    SyncRWMutexRLock,
    SyncRWMutexLock,
    SyncWaitGroupWait,
    SyncCondWait,
    Semacquire,
    Preempted,
    Gosched,
    FinalizerWait,
}

impl WaitReason {
    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::Zero => "",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Select => "select",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSend => "chan send",
            WaitReason::Sleep => "sleep",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncWaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
            WaitReason::Semacquire => "semacquire",
            WaitReason::Preempted => "preempted",
            WaitReason::Gosched => "runnable",
            WaitReason::FinalizerWait => "finalizer wait",
        }
    }
}

/// Called by the scheduler after a parking G's state is saved; returning
/// false cancels the park (the G keeps running).
pub type UnlockFn = unsafe fn(gp: *mut G, arg: *mut u8) -> bool;

/// What the G does when it next runs, set while it was parked.
#[derive(Default)]
pub enum Resume {
    #[default]
    Nothing,
    /// Raise this panic at the point where the G parked (a send on a
    /// channel closed while the sender waited).
    Panic(PanicValue),
    /// Finish a select that was woken (select.rs).
    Select(crate::select::SelectResume),
    /// Re-execute the native that parked (a semaphore acquire that was
    /// woken without being handed the count, as Go's semacquire loop).
    Retry,
}

/// The scheduler's part of a G.
pub struct GSched {
    pub status: AtomicU32,
    pub waitreason: Cell<WaitReason>,
    /// The park request of the native that is parking the G.
    pub unlockf: Option<UnlockFn>,
    pub unlockarg: *mut u8,
    /// Gosched: requeue on the global queue instead of waiting.
    pub yield_now: bool,
    /// With `yield_now`: requeue at the tail of the P's local queue
    /// instead (Go's `goyield`).
    pub yield_local: bool,
    pub resume: Resume,
    /// Set by the waker: the sudog that completed (select's case).
    pub param: AtomicPtr<crate::chan::Sudog>,
    /// The select's sudogs, by case (select.rs).
    pub waiting: *mut crate::chan::Sudog,
    /// CAS 0 → 1 by the one channel operation that wins a blocked select.
    pub select_done: AtomicU32,
    /// Closure context of the entry function (a new G).
    pub start_ctx: u64,
    /// Where the `go` statement was: (function, pc), and the creator's id.
    pub gopc: (FuncId, u32),
    pub parent_goid: u64,
    /// The sleep timer (time.rs), created on the first Sleep.
    pub timer: *mut crate::time::Timer,
    /// A G run by a native's callback (call_go) that parks blocks its
    /// thread on this note instead of being queued when readied.
    pub thread_note: *const Note,
    /// `LockOSThread` nesting; while positive, `lockedm` is the M this G
    /// is wired to (Go's `lockedExt` and `g.lockedm`).
    pub locked: u32,
    /// The runtime's own lock (Go's `lockedInt`): the main goroutine stays
    /// on the main thread while the packages initialize.
    pub locked_int: bool,
    /// The M this G is locked to (null if none). Written only by the G
    /// while it runs; read by the M that takes the G from a run queue.
    pub lockedm: AtomicPtr<M>,
    /// A temporary G of a native's callback ([`callback_g`]): never queued,
    /// so it cannot be wired to a thread.
    pub is_callback: bool,
    /// The main goroutine: the program ends when it returns.
    pub is_main: bool,
    /// A runtime goroutine (the finalizer goroutine): not counted by
    /// NumGoroutine, not shown in goroutine dumps (Go's
    /// `isSystemGoroutine`).
    pub is_system: bool,
    /// Held by the M running the G, or by a reader of its stack and
    /// scheduler state on another thread (`runtime.Stack(buf, true)`,
    /// traceback.rs); Go's `_Gscan` bit.
    pub scan: AtomicBool,
}

impl Default for GSched {
    fn default() -> Self {
        GSched {
            status: AtomicU32::new(G_IDLE),
            waitreason: Cell::new(WaitReason::Zero),
            unlockf: None,
            unlockarg: ptr::null_mut(),
            yield_now: false,
            yield_local: false,
            resume: Resume::Nothing,
            param: AtomicPtr::new(ptr::null_mut()),
            waiting: ptr::null_mut(),
            select_done: AtomicU32::new(0),
            start_ctx: 0,
            gopc: (FuncId(0), 0),
            parent_goid: 0,
            timer: ptr::null_mut(),
            thread_note: ptr::null(),
            locked: 0,
            locked_int: false,
            lockedm: AtomicPtr::new(ptr::null_mut()),
            is_callback: false,
            is_main: false,
            is_system: false,
            scan: AtomicBool::new(false),
        }
    }
}

/// A processor: what an M needs to run Go code.
pub struct P {
    pub id: usize,
    pub status: AtomicU32,
    /// The M holding this P (null when idle).
    pub m: AtomicPtr<M>,
    pub schedtick: AtomicU32,
    pub syscalltick: AtomicU32,
    /// Nanotime when the current G started running (for sysmon).
    pub schedwhen: AtomicI64,
    runqhead: AtomicU32,
    runqtail: AtomicU32,
    runq: [AtomicPtr<G>; RUNQ_SIZE],
    runnext: AtomicPtr<G>,
    /// Set by sysmon: the running G must yield at its next safepoint.
    pub preempt: AtomicBool,
    pub mcache: *mut MCache,
    pub timers: crate::time::TimerHeap,
    /// Free sudogs (Go's `sudogcache`).
    pub sudogcache: Mutex<Vec<Box<crate::chan::Sudog>>>,
}

// SAFETY: a P's non-atomic parts (mcache) are used only by the M that
// owns the P (invariant in the module comment).
unsafe impl Sync for P {}
// SAFETY: as above.
unsafe impl Send for P {}

/// An OS thread running Go code.
pub struct M {
    pub id: i64,
    /// Sleeps here when idle; woken with `nextp` set.
    park: Note,
    nextp: AtomicPtr<P>,
    spinning: Cell<bool>,
    /// The P this M holds (owner-only).
    p: Cell<*mut P>,
    /// procPin nesting (Go's `m.locks`): while positive, the running G
    /// is not preempted and does not yield, so it stays on this M and P.
    locks: Cell<u32>,
    /// A preemption seen while pinned, delivered at the last procUnpin.
    preempt_pending: Cell<bool>,
    /// The G wired to this M by LockOSThread (null if none): this M runs
    /// only it, and sleeps while it is not runnable.
    lockedg: Cell<*mut G>,
    /// The locked G exited without unlocking: the thread ends.
    exit_thread: Cell<bool>,
}

// SAFETY: `spinning`, `p`, `locks`, `preempt_pending`, `lockedg` and
// `exit_thread` are only touched by the M's own thread;
// `nextp` and `park` are the hand-over points (atomic).
unsafe impl Sync for M {}
// SAFETY: as above.
unsafe impl Send for M {}

/// State under the scheduler lock.
struct SchedLocked {
    runq: VecDeque<*mut G>,
    pidle: Vec<*mut P>,
    midle: Vec<*mut M>,
    nmidle: i32,
    /// Ms sleeping until their locked G is runnable (Go's `nmidlelocked`).
    nmidlelocked: i32,
    mcount: i32,
    /// Ps a stop-the-world still waits for (Go's `stopwait`).
    stopwait: i32,
    /// Ms sleeping until the next timer (at most one, as Go's netpoller).
    timer_sleeper: *mut M,
    timer_sleep_until: i64,
    /// Gs free for reuse.
    gfree: Vec<*mut G>,
}

/// The scheduler (Go's `schedt` plus `allp` and `allgs`).
pub struct Sched {
    lock: Mutex<SchedLocked>,
    pub prog: &'static Program,
    pub allp: Vec<Box<P>>,
    pub gomaxprocs: AtomicI32,
    pub npidle: AtomicI32,
    pub nmspinning: AtomicI32,
    /// Ms blocked in a native callback (not running Go code, not idle).
    /// An M in a system call counts as running, as in Go's checkdead.
    pub nmsys: AtomicI32,
    pub allgs: Mutex<Vec<*mut G>>,
    pub ngoroutines: AtomicI64,
    /// A stop-the-world is in progress or holds the world stopped (Go's
    /// `gcwaiting`): Ms give up their Ps at the next schedule.
    gcwaiting: AtomicBool,
    /// Held by the one G stopping the world, until it restarts it.
    stw_busy: AtomicBool,
    /// The stopper sleeps here until `stopwait` is 0.
    stop_note: Note,
    goidgen: AtomicU64,
    mnext: AtomicI64,
    timer_note: Note,
    exiting: AtomicBool,
    exit_code: AtomicI32,
    exit_note: Note,
    pub ncpu: i32,
    /// `GODEBUG=schedtrace=N` period in ms (0: off).
    schedtrace: i64,
    start_nano: i64,
}

// SAFETY: every field is a lock, an atomic, or immutable after start.
unsafe impl Sync for Sched {}
// SAFETY: as above.
unsafe impl Send for Sched {}

static SCHED: OnceLock<Sched> = OnceLock::new();

thread_local! {
    static CURG: Cell<*mut G> = const { Cell::new(ptr::null_mut()) };
    static CURM: Cell<*mut M> = const { Cell::new(ptr::null_mut()) };
}

/// The scheduler; panics before [`main`] started it.
pub fn sched() -> &'static Sched {
    SCHED.get().expect("rgo: scheduler not started")
}

/// The scheduler, if it runs.
pub fn sched_if_started() -> Option<&'static Sched> {
    SCHED.get()
}

/// The running goroutine of this thread (Go's `getg()`), null outside
/// the scheduler.
pub fn getg() -> *mut G {
    CURG.with(|c| c.get())
}

pub(crate) fn setg(gp: *mut G) -> *mut G {
    CURG.with(|c| c.replace(gp))
}

fn getm() -> *mut M {
    CURM.with(|c| c.get())
}

/// The P of this thread's M (null if none).
pub fn getp() -> *mut P {
    let m = getm();
    if m.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: a thread's M lives forever; `p` is read by its own thread.
    unsafe { (*m).p.get() }
}

fn lock_sched() -> MutexGuard<'static, SchedLocked> {
    sched().lock.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn nanotime() -> i64 {
    crate::time::nanotime()
}

// ---------------------------------------------------------------------
// Program start and end.

/// Runs `entry` as the main goroutine on `GOMAXPROCS` Ps, with the
/// calling thread as M0 (the process's main thread, as Go's `m0`); once
/// the main goroutine returns, `os.Exit` is called or a goroutine dies of
/// a panic, calls `on_exit` with the exit status on a thread of its own.
/// Other Ms keep running until `on_exit` ends the process (as Go's do
/// until `exit`).
///
/// The main goroutine is locked to M0 while the packages initialize
/// (Go's `runtime.main` does the same), so a goroutine that calls
/// `LockOSThread` in an `init` runs `main.main` on the main thread.
pub fn main(prog: &'static Program, entry: FuncId, on_exit: fn(i32) -> !) -> ! {
    let ncpu = std::thread::available_parallelism()
        .map(|n| n.get() as i32)
        .unwrap_or(1);
    let mut procs = ncpu;
    if let Ok(s) = std::env::var("GOMAXPROCS") {
        if let Ok(n) = s.trim().parse::<i32>() {
            if n > 0 {
                procs = n.min(MAX_PROCS as i32);
            }
        }
    }
    let schedtrace = godebug("schedtrace").unwrap_or(0);
    let allp = (0..MAX_PROCS.max(procs as usize))
        .take(MAX_PROCS)
        .map(new_p)
        .collect::<Vec<_>>();
    let s = Sched {
        lock: Mutex::new(SchedLocked {
            runq: VecDeque::new(),
            pidle: Vec::new(),
            midle: Vec::new(),
            nmidle: 0,
            nmidlelocked: 0,
            mcount: 0,
            stopwait: 0,
            timer_sleeper: ptr::null_mut(),
            timer_sleep_until: 0,
            gfree: Vec::new(),
        }),
        prog,
        allp,
        gomaxprocs: AtomicI32::new(procs),
        npidle: AtomicI32::new(0),
        nmspinning: AtomicI32::new(0),
        nmsys: AtomicI32::new(0),
        allgs: Mutex::new(Vec::new()),
        ngoroutines: AtomicI64::new(0),
        gcwaiting: AtomicBool::new(false),
        stw_busy: AtomicBool::new(false),
        stop_note: Note::new(),
        goidgen: AtomicU64::new(FIRST_USER_GOID - 1),
        mnext: AtomicI64::new(0),
        timer_note: Note::new(),
        exiting: AtomicBool::new(false),
        exit_code: AtomicI32::new(0),
        exit_note: Note::new(),
        ncpu,
        schedtrace,
        start_nano: nanotime(),
    };
    if SCHED.set(s).is_err() {
        crate::panic::throw("rgo: the scheduler runs one program per process");
    }
    let sc = sched();
    // Ps 1.. start idle; P0 goes to the first M with the main G.
    {
        let mut l = lock_sched();
        for i in (1..procs as usize).rev() {
            pidleput(&mut l, &*sc.allp[i] as *const P as *mut P);
        }
    }
    let p0 = &*sc.allp[0] as *const P as *mut P;
    let m0 = allocm(p0, false);
    let mut g = Box::new(G::new(prog, entry));
    g.id = 1;
    g.sched.is_main = true;
    g.sched.locked_int = true;
    g.sched.lockedm.store(m0, Ordering::Release);
    let gp = Box::into_raw(g);
    // SAFETY: m0 is new and not running yet.
    unsafe { (*m0).lockedg.set(gp) };
    sc.allgs.lock().unwrap_or_else(|e| e.into_inner()).push(gp);
    sc.ngoroutines.fetch_add(1, Ordering::Relaxed);
    // SAFETY: gp was just created and is not shared yet.
    unsafe { (*gp).sched.status.store(G_RUNNABLE, Ordering::Release) };
    std::thread::Builder::new()
        .name("sysmon".into())
        .spawn(sysmon)
        .ok();
    std::thread::Builder::new()
        .name("exit".into())
        .spawn(move || {
            let sc = sched();
            sc.exit_note.sleep();
            on_exit(sc.exit_code.load(Ordering::Acquire))
        })
        .ok();
    // This thread is M0: it starts by running the main goroutine. Its
    // stack grows on demand up to RLIMIT_STACK (8 MiB by default); let it
    // grow as far as the other Ms' 64 MiB (natives' callbacks recurse on
    // the thread's stack).
    raise_stack_limit(64 << 20);
    CURM.with(|c| c.set(m0));
    interp::set_thread_prog(prog);
    // SAFETY: our M.
    let pp = unsafe { (*m0).nextp.swap(ptr::null_mut(), Ordering::AcqRel) };
    acquirep(pp);
    execute(gp, false);
    mloop(m0);
    // The main thread does not end while the process runs (Go wedges m0
    // rather than exit it): it sleeps until on_exit ends the process.
    loop {
        std::thread::park();
    }
}

/// Raises the soft RLIMIT_STACK to `bytes` (at most the hard limit); the
/// main thread's stack is the one that grows up to it.
fn raise_stack_limit(bytes: u64) {
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct we own; setrlimit reads it.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_STACK, &mut r) != 0 || r.rlim_cur == libc::RLIM_INFINITY {
            return;
        }
        let want = if r.rlim_max == libc::RLIM_INFINITY {
            bytes
        } else {
            bytes.min(r.rlim_max)
        };
        if want > r.rlim_cur {
            r.rlim_cur = want;
            libc::setrlimit(libc::RLIMIT_STACK, &r);
        }
    }
}

fn new_p(id: usize) -> Box<P> {
    Box::new(P {
        id,
        status: AtomicU32::new(P_IDLE),
        m: AtomicPtr::new(ptr::null_mut()),
        schedtick: AtomicU32::new(0),
        syscalltick: AtomicU32::new(0),
        schedwhen: AtomicI64::new(0),
        runqhead: AtomicU32::new(0),
        runqtail: AtomicU32::new(0),
        runq: [const { AtomicPtr::new(ptr::null_mut()) }; RUNQ_SIZE],
        runnext: AtomicPtr::new(ptr::null_mut()),
        preempt: AtomicBool::new(false),
        mcache: Box::into_raw(Box::new(MCache::new())),
        timers: crate::time::TimerHeap::new(),
        sudogcache: Mutex::new(Vec::new()),
    })
}

/// Ends the program with `code` (the first caller wins); the caller's
/// thread then parks forever.
pub fn exit(code: i32) -> ! {
    request_exit(code);
    loop {
        std::thread::park();
    }
}

fn exiting() -> bool {
    sched().exiting.load(Ordering::Acquire)
}

/// The value of `GODEBUG`'s `key=N`.
fn godebug(key: &str) -> Option<i64> {
    let v = std::env::var("GODEBUG").ok()?;
    v.split(',').find_map(|kv| {
        let (k, val) = kv.split_once('=')?;
        (k.trim() == key).then(|| val.trim().parse().ok())?
    })
}

// ---------------------------------------------------------------------
// Creating, parking and readying goroutines.

/// Starts a goroutine running func value `fv` (`go f(x)`: the compiler
/// wraps the call and its evaluated arguments into a closure, as Go 1.17+
/// does). `gopc` is the creating function and pc, for tracebacks.
pub fn newproc(fv: u64, gopc: (FuncId, u32)) {
    newproc1(fv, gopc, false)
}

/// Starts a runtime goroutine (see `GSched::is_system`) running `fv`.
pub(crate) fn newproc_system(fv: u64) {
    newproc1(fv, (FuncId(0), 0), true)
}

fn newproc1(fv: u64, gopc: (FuncId, u32), system: bool) {
    let sc = sched();
    let prog = sc.prog;
    // SAFETY: a non-nil func value points at a funcval whose first word is
    // a FuncId the compiler verified; `go nil-func` is checked by the caller.
    let fid = FuncId(unsafe { *(fv as *const u64) } as u32);
    let parent = getg();
    let gp = gfget().unwrap_or_else(|| {
        let gp = Box::into_raw(Box::new(G::new(prog, fid)));
        sc.allgs.lock().unwrap_or_else(|e| e.into_inner()).push(gp);
        gp
    });
    // SAFETY: gp is dead or new: no one else references it.
    unsafe {
        let g = &mut *gp;
        g.stack.reset(prog, fid);
        // The closure context travels in the word past the frame top.
        let top = prog.funcs[fid.idx()].frame_size as usize;
        if g.stack.buf.len() <= top {
            g.stack.buf.resize((top + 1).next_power_of_two(), 0);
        }
        g.stack.buf[top] = fv;
        g.sched.start_ctx = fv;
        g.sched.gopc = gopc;
        g.sched.parent_goid = if parent.is_null() { 0 } else { (*parent).id };
        g.sched.is_main = false;
        g.sched.is_system = system;
        g.sched.resume = Resume::Nothing;
        g.sched.waitreason.set(WaitReason::Zero);
        g.id = sc.goidgen.fetch_add(1, Ordering::Relaxed) + 1;
        g.st.ctx = fv;
        g.sched.status.store(G_RUNNABLE, Ordering::Release);
    }
    if !system {
        sc.ngoroutines.fetch_add(1, Ordering::Relaxed);
    }
    let pp = getp();
    if pp.is_null() {
        globrunqput(gp);
    } else {
        // SAFETY: we own pp.
        unsafe { runqput(pp, gp, true) };
    }
    wakep();
}

fn gfget() -> Option<*mut G> {
    lock_sched().gfree.pop()
}

fn gfput(gp: *mut G) {
    // SAFETY: gp is dead; we own it until it is on the free list.
    unsafe {
        let g = &mut *gp;
        g.st.defers.clear();
        g.st.panics.clear();
        g.stack.frames.clear();
        if g.stack.buf.len() > 4 * interp::STACK_MIN_SLOTS {
            // Free big stacks (Go frees non-standard stacks at exit).
            g.stack.buf = vec![0; interp::STACK_MIN_SLOTS];
        }
    }
    lock_sched().gfree.push(gp);
}

/// Records a park request for the running G and returns the value its
/// native must return (`Err(gopark(...))`). The scheduler calls
/// `unlockf(gp, arg)` once the G's state is saved (Go's `gopark`).
pub fn gopark(unlockf: Option<UnlockFn>, arg: *mut u8, reason: WaitReason) -> PanicValue {
    let gp = getg();
    // SAFETY: the running G is ours.
    unsafe {
        (*gp).sched.unlockf = unlockf;
        (*gp).sched.unlockarg = arg;
        (*gp).sched.waitreason.set(reason);
    }
    PanicValue::Park
}

/// Makes a waiting G runnable (Go's `goready`): it runs next on this P.
///
/// # Safety
/// `gp` must be a live G whose waker is the caller (it holds the lock
/// of the queue `gp` waited in, or removed it from there).
pub unsafe fn goready(gp: *mut G) {
    // SAFETY: caller's contract.
    let g = unsafe { &*gp };
    if g.sched
        .status
        .compare_exchange(G_WAITING, G_RUNNABLE, Ordering::AcqRel, Ordering::Acquire)
        .is_err()
    {
        crate::panic::throw("bad g->status in ready");
    }
    if !g.sched.thread_note.is_null() {
        // A callback G blocked on its thread (see call_go_blocking).
        // SAFETY: the note lives on that thread's stack until it is woken.
        unsafe { (*g.sched.thread_note).wakeup() };
        return;
    }
    let pp = getp();
    if pp.is_null() {
        globrunqput(gp);
    } else {
        // SAFETY: we own pp.
        unsafe { runqput(pp, gp, true) };
    }
    wakep();
}

// ---------------------------------------------------------------------
// Run queues.

/// Puts `gp` on `pp`'s local queue (`next`: in `runnext`, kicking the old
/// `runnext` to the tail); a full queue moves half to the global queue.
///
/// # Safety
/// The caller owns `pp`.
unsafe fn runqput(pp: *mut P, mut gp: *mut G, next: bool) {
    // SAFETY: caller owns pp; P's live forever.
    let p = unsafe { &*pp };
    if next {
        let old = p.runnext.swap(gp, Ordering::AcqRel);
        if old.is_null() {
            return;
        }
        gp = old;
    }
    loop {
        let h = p.runqhead.load(Ordering::Acquire);
        let t = p.runqtail.load(Ordering::Relaxed);
        if t.wrapping_sub(h) < RUNQ_SIZE as u32 {
            p.runq[t as usize % RUNQ_SIZE].store(gp, Ordering::Relaxed);
            p.runqtail.store(t.wrapping_add(1), Ordering::Release);
            return;
        }
        if runqputslow(p, gp, h, t) {
            return;
        }
    }
}

/// Moves `gp` and half of `p`'s full local queue to the global queue.
fn runqputslow(p: &P, gp: *mut G, h: u32, t: u32) -> bool {
    let n = t.wrapping_sub(h) / 2;
    if n != RUNQ_SIZE as u32 / 2 {
        crate::panic::throw("runqputslow: queue is not full");
    }
    let mut batch: Vec<*mut G> = (0..n)
        .map(|i| p.runq[h.wrapping_add(i) as usize % RUNQ_SIZE].load(Ordering::Relaxed))
        .collect();
    if p.runqhead
        .compare_exchange(h, h.wrapping_add(n), Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        return false;
    }
    batch.push(gp);
    let mut l = lock_sched();
    l.runq.extend(batch);
    true
}

/// Takes a G from `pp`'s local queue (`runnext` first).
///
/// # Safety
/// The caller owns `pp`.
unsafe fn runqget(pp: *mut P) -> Option<(*mut G, bool)> {
    // SAFETY: caller owns pp.
    let p = unsafe { &*pp };
    let next = p.runnext.load(Ordering::Acquire);
    if !next.is_null()
        && p.runnext
            .compare_exchange(next, ptr::null_mut(), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
    {
        return Some((next, true));
    }
    loop {
        let h = p.runqhead.load(Ordering::Acquire);
        let t = p.runqtail.load(Ordering::Relaxed);
        if t == h {
            return None;
        }
        let gp = p.runq[h as usize % RUNQ_SIZE].load(Ordering::Relaxed);
        if p.runqhead
            .compare_exchange(h, h.wrapping_add(1), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return Some((gp, false));
        }
    }
}

fn runqempty(p: &P) -> bool {
    loop {
        let h = p.runqhead.load(Ordering::Acquire);
        let t = p.runqtail.load(Ordering::Acquire);
        let next = p.runnext.load(Ordering::Acquire);
        if t == p.runqtail.load(Ordering::Acquire) {
            return h == t && next.is_null();
        }
    }
}

/// Grabs half of `p`'s queue into `batch` (Go's `runqgrab`).
fn runqgrab(p: &P, batch: &mut Vec<*mut G>, steal_runnext: bool) {
    loop {
        let h = p.runqhead.load(Ordering::Acquire);
        let t = p.runqtail.load(Ordering::Acquire);
        let mut n = t.wrapping_sub(h);
        n -= n / 2;
        if n == 0 {
            if steal_runnext {
                let next = p.runnext.load(Ordering::Acquire);
                if !next.is_null() {
                    if p.status.load(Ordering::Relaxed) == P_RUNNING {
                        // The owner is likely about to run it: give it a
                        // moment (Go sleeps 3µs).
                        std::thread::yield_now();
                    }
                    if p.runnext
                        .compare_exchange(
                            next,
                            ptr::null_mut(),
                            Ordering::AcqRel,
                            Ordering::Relaxed,
                        )
                        .is_ok()
                    {
                        batch.push(next);
                    }
                }
            }
            return;
        }
        if n > RUNQ_SIZE as u32 / 2 {
            continue; // read an inconsistent h and t
        }
        batch.clear();
        for i in 0..n {
            batch.push(p.runq[h.wrapping_add(i) as usize % RUNQ_SIZE].load(Ordering::Relaxed));
        }
        if p.runqhead
            .compare_exchange(h, h.wrapping_add(n), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return;
        }
        batch.clear();
    }
}

/// Steals half of `victim`'s queue into `pp`'s; returns one G to run.
///
/// # Safety
/// The caller owns `pp`.
unsafe fn runqsteal(pp: *mut P, victim: &P, steal_runnext: bool) -> Option<*mut G> {
    let mut batch = Vec::new();
    runqgrab(victim, &mut batch, steal_runnext);
    let gp = batch.pop()?;
    for g in batch {
        // SAFETY: caller owns pp; the queue has room (it was empty enough
        // for a spinning M to steal: a half of another queue fits).
        unsafe { runqput(pp, g, false) };
    }
    Some(gp)
}

fn globrunqput(gp: *mut G) {
    lock_sched().runq.push_back(gp);
}

/// Takes a batch from the global queue: one to run, some more to `pp`'s
/// local queue (Go's `globrunqget`).
///
/// # Safety
/// The caller owns `pp`.
unsafe fn globrunqget(l: &mut SchedLocked, pp: *mut P, max: usize) -> Option<*mut G> {
    let sc = sched();
    let len = l.runq.len();
    if len == 0 {
        return None;
    }
    let procs = sc.gomaxprocs.load(Ordering::Relaxed).max(1) as usize;
    let mut n = (len / procs + 1).min(len).min(RUNQ_SIZE / 2);
    if max > 0 {
        n = n.min(max);
    }
    let gp = l.runq.pop_front()?;
    for _ in 1..n {
        if let Some(g) = l.runq.pop_front() {
            // SAFETY: caller owns pp.
            unsafe { runqput(pp, g, false) };
        }
    }
    Some(gp)
}

// ---------------------------------------------------------------------
// Ps and Ms.

/// Puts `pp` on the idle list, or, while the world is being stopped,
/// stops it and counts it for the stopper.
fn pidleput(l: &mut SchedLocked, pp: *mut P) {
    // SAFETY: Ps live forever.
    let p = unsafe { &*pp };
    p.m.store(ptr::null_mut(), Ordering::Release);
    let sc = sched();
    if sc.gcwaiting.load(Ordering::Acquire) {
        p.status.store(P_GCSTOP, Ordering::Release);
        l.stopwait -= 1;
        if l.stopwait == 0 {
            sc.stop_note.wakeup();
        }
        return;
    }
    p.status.store(P_IDLE, Ordering::Release);
    l.pidle.push(pp);
    sc.npidle.fetch_add(1, Ordering::AcqRel);
}

fn pidleget(l: &mut SchedLocked) -> Option<*mut P> {
    let pp = l.pidle.pop()?;
    sched().npidle.fetch_sub(1, Ordering::AcqRel);
    Some(pp)
}

/// Binds `pp` to the current M (Go's `acquirep`).
fn acquirep(pp: *mut P) {
    let m = getm();
    // SAFETY: Ps and Ms live forever; pp was handed to us.
    unsafe {
        (*pp).status.store(P_RUNNING, Ordering::Release);
        (*pp).m.store(m, Ordering::Release);
        (*m).p.set(pp);
        crate::malloc::set_current_mcache((*pp).mcache);
    }
}

/// Unbinds the current M's P and returns it.
fn releasep() -> *mut P {
    let m = getm();
    // SAFETY: our own M.
    unsafe {
        let pp = (*m).p.replace(ptr::null_mut());
        crate::malloc::set_current_mcache(ptr::null_mut());
        pp
    }
}

/// Starts an OS thread running an M with `pp`.
fn newm(pp: *mut P, spinning: bool) {
    let m = allocm(pp, spinning);
    // SAFETY: m is new; its id never changes.
    let id = unsafe { (*m).id };
    let mp = m as usize;
    let r = std::thread::Builder::new()
        .name(format!("m{id}"))
        .stack_size(64 << 20)
        .spawn(move || mstart(mp as *mut M));
    if r.is_err() {
        crate::panic::throw("newosproc: cannot create thread");
    }
}

/// A new M (not running yet) that will start on `pp` (Go's `allocm`).
fn allocm(pp: *mut P, spinning: bool) -> *mut M {
    let sc = sched();
    let id = sc.mnext.fetch_add(1, Ordering::Relaxed);
    let m = Box::into_raw(Box::new(M {
        id,
        park: Note::new(),
        nextp: AtomicPtr::new(pp),
        spinning: Cell::new(spinning),
        p: Cell::new(ptr::null_mut()),
        locks: Cell::new(0),
        preempt_pending: Cell::new(false),
        lockedg: Cell::new(ptr::null_mut()),
        exit_thread: Cell::new(false),
    }));
    lock_sched().mcount += 1;
    m
}

fn mstart(m: *mut M) {
    CURM.with(|c| c.set(m));
    interp::set_thread_prog(sched().prog);
    // SAFETY: our M.
    let pp = unsafe { (*m).nextp.swap(ptr::null_mut(), Ordering::AcqRel) };
    acquirep(pp);
    mloop(m);
}

/// Schedules until the M's thread is to end (a G exited locked to it).
fn mloop(m: *mut M) {
    loop {
        schedule();
        // SAFETY: our M.
        if unsafe { (*m).exit_thread.get() } {
            break;
        }
    }
    mexit();
}

/// Ends the current M's thread: its locked G exited without unlocking
/// (Go's `mexit`; the thread is not reused for other goroutines). The P
/// goes to another M.
fn mexit() {
    let pp = releasep();
    if !pp.is_null() {
        handoffp(pp);
    }
    let mut l = lock_sched();
    l.mcount -= 1;
    checkdead(&mut l);
}

/// Puts the current M to sleep until `startm` hands it a P.
fn stopm() {
    let m = getm();
    {
        let mut l = lock_sched();
        l.midle.push(m);
        l.nmidle += 1;
        checkdead(&mut l);
    }
    // SAFETY: our M.
    unsafe {
        (*m).park.sleep();
        (*m).park.clear();
        let pp = (*m).nextp.swap(ptr::null_mut(), Ordering::AcqRel);
        acquirep(pp);
    }
}

/// Runs some M on `pp` (an idle P if null); `spinning` means the caller
/// counted it in `nmspinning`.
fn startm(pp: *mut P, spinning: bool) {
    let sc = sched();
    let mut l = lock_sched();
    let pp = if pp.is_null() {
        match pidleget(&mut l) {
            Some(p) => p,
            None => {
                drop(l);
                if spinning {
                    sc.nmspinning.fetch_sub(1, Ordering::AcqRel);
                }
                return;
            }
        }
    } else {
        pp
    };
    let m = l.midle.pop();
    match m {
        Some(m) => {
            l.nmidle -= 1;
            drop(l);
            // SAFETY: an idle M sleeps on its note; we hand it pp.
            unsafe {
                (*m).spinning.set(spinning);
                (*m).nextp.store(pp, Ordering::Release);
                (*m).park.wakeup();
            }
        }
        None => {
            drop(l);
            newm(pp, spinning);
        }
    }
}

/// Wakes an M to run Gs if there is an idle P and no M spinning already.
pub fn wakep() {
    let sc = sched();
    if sc.npidle.load(Ordering::Acquire) == 0 {
        return;
    }
    if sc.nmspinning.load(Ordering::Acquire) != 0
        || sc
            .nmspinning
            .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    startm(ptr::null_mut(), true);
}

/// Gives `pp` away: to a new M if there is work, else to the idle list.
fn handoffp(pp: *mut P) {
    let sc = sched();
    // SAFETY: Ps live forever; we own pp until we give it away.
    let p = unsafe { &*pp };
    if sc.gcwaiting.load(Ordering::Acquire) {
        // The world is stopping: the P goes to the stopper.
        let mut l = lock_sched();
        pidleput(&mut l, pp);
        return;
    }
    if !runqempty(p) {
        startm(pp, false);
        return;
    }
    if sc.nmspinning.load(Ordering::Acquire) + sc.npidle.load(Ordering::Acquire) == 0
        && sc
            .nmspinning
            .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
    {
        startm(pp, true);
        return;
    }
    let mut l = lock_sched();
    if !l.runq.is_empty() {
        drop(l);
        startm(pp, false);
        return;
    }
    if !p.timers.is_empty() {
        // Keep the timers served: an idle M will look at them.
        pidleput(&mut l, pp);
        drop(l);
        wake_timer_sleeper();
        return;
    }
    pidleput(&mut l, pp);
}

fn resetspinning() {
    let m = getm();
    // SAFETY: our M.
    unsafe { (*m).spinning.set(false) };
    if sched().nmspinning.fetch_sub(1, Ordering::AcqRel) == 1 {
        wakep();
    }
}

// ---------------------------------------------------------------------
// The scheduling loop.

/// Finds a runnable G and runs it until it parks, yields or ends.
fn schedule() {
    let m = getm();
    // SAFETY: our M.
    let lg = unsafe { (*m).lockedg.get() };
    if !lg.is_null() {
        // This M runs only its locked G: wait until it is handed back.
        stoplockedm();
        execute(lg, false);
        return;
    }
    let (gp, inherit) = findrunnable();
    // SAFETY: our M.
    if unsafe { (*m).spinning.get() } {
        resetspinning();
    }
    // SAFETY: gp is ours (taken from a queue); `lockedm` is atomic.
    let lm = unsafe { (*gp).sched.lockedm.load(Ordering::Acquire) };
    if !lm.is_null() && lm != m {
        // gp is wired to another M: give that M our P, and go idle.
        startlockedm(lm);
        return;
    }
    execute(gp, inherit);
}

/// The M's locked G is not running: give the P away and sleep until the
/// G is runnable and someone hands this M a P to run it (Go's
/// `stoplockedm`). A locked M waiting counts as idle for deadlock
/// detection.
fn stoplockedm() {
    let m = getm();
    let pp = releasep();
    if !pp.is_null() {
        handoffp(pp);
    }
    {
        let mut l = lock_sched();
        l.nmidlelocked += 1;
        checkdead(&mut l);
    }
    // SAFETY: our M; `nextp` is set (and `nmidlelocked` decremented) by
    // startlockedm before the wakeup.
    unsafe {
        (*m).park.sleep();
        (*m).park.clear();
    }
    // SAFETY: our M.
    let pp = unsafe { (*m).nextp.swap(ptr::null_mut(), Ordering::AcqRel) };
    acquirep(pp);
}

/// Hands the current M's P to `lm`, the M a runnable G is locked to, and
/// puts the current M to sleep (Go's `startlockedm`). The G itself is
/// `lm`'s `lockedg`: it runs it when it wakes.
fn startlockedm(lm: *mut M) {
    // Counted as running from now on: checkdead in our stopm below must
    // not see both Ms idle.
    lock_sched().nmidlelocked -= 1;
    let pp = releasep();
    // SAFETY: Ms live forever; `lm` sleeps in stoplockedm on its note.
    unsafe {
        (*lm).nextp.store(pp, Ordering::Release);
        (*lm).park.wakeup();
    }
    stopm();
}

/// Finds a G to run, sleeping while there is none (Go's `findRunnable`).
fn findrunnable() -> (*mut G, bool) {
    let sc = sched();
    let m = getm();
    'top: loop {
        if exiting() {
            loop {
                std::thread::park();
            }
        }
        if sc.gcwaiting.load(Ordering::Acquire) {
            gcstopm();
            continue 'top;
        }
        let pp = getp();
        // SAFETY: we own pp (our M holds it) and Ps live forever.
        let p = unsafe { &*pp };
        let now = nanotime();
        crate::time::check_timers(pp, now);
        if p.schedtick.load(Ordering::Relaxed) % 61 == 0 {
            let mut l = lock_sched();
            // SAFETY: we own pp.
            if let Some(gp) = unsafe { globrunqget(&mut l, pp, 1) } {
                return (gp, false);
            }
        }
        // SAFETY: we own pp.
        if let Some(r) = unsafe { runqget(pp) } {
            return r;
        }
        {
            let mut l = lock_sched();
            // SAFETY: we own pp.
            if let Some(gp) = unsafe { globrunqget(&mut l, pp, 0) } {
                return (gp, false);
            }
        }
        // Steal, when few enough Ms are spinning already.
        let procs = sc.gomaxprocs.load(Ordering::Acquire);
        // SAFETY: our M.
        let spinning = unsafe { (*m).spinning.get() };
        if spinning
            || 2 * sc.nmspinning.load(Ordering::Acquire) < procs - sc.npidle.load(Ordering::Acquire)
        {
            if !spinning {
                // SAFETY: our M.
                unsafe { (*m).spinning.set(true) };
                sc.nmspinning.fetch_add(1, Ordering::AcqRel);
            }
            if let Some(gp) = steal_work(pp) {
                return (gp, false);
            }
        }
        // Nothing: give the P back and sleep.
        let mut l = lock_sched();
        // SAFETY: we own pp.
        if let Some(gp) = unsafe { globrunqget(&mut l, pp, 0) } {
            return (gp, false);
        }
        releasep();
        pidleput(&mut l, pp);
        drop(l);
        // SAFETY: our M.
        let was_spinning = unsafe { (*m).spinning.replace(false) };
        if was_spinning {
            sc.nmspinning.fetch_sub(1, Ordering::AcqRel);
            // Re-check every queue: a G readied after we looked would
            // otherwise wait for the next wakep.
            for q in sc.allp.iter().take(procs as usize) {
                if !runqempty(q) {
                    let mut l = lock_sched();
                    if let Some(pp) = pidleget(&mut l) {
                        drop(l);
                        acquirep(pp);
                        // SAFETY: our M.
                        unsafe { (*m).spinning.set(true) };
                        sc.nmspinning.fetch_add(1, Ordering::AcqRel);
                        continue 'top;
                    }
                    break;
                }
            }
        }
        // Timers: one M sleeps until the earliest one (Go's netpoll wait).
        let next = crate::time::earliest_timer(procs as usize);
        if next != i64::MAX {
            let mut l = lock_sched();
            if l.timer_sleeper.is_null() {
                l.timer_sleeper = m;
                l.timer_sleep_until = next;
                drop(l);
                sc.timer_note.sleep_timeout(next - nanotime());
                sc.timer_note.clear();
                let mut l = lock_sched();
                l.timer_sleeper = ptr::null_mut();
                if let Some(pp) = pidleget(&mut l) {
                    drop(l);
                    acquirep(pp);
                    continue 'top;
                }
                drop(l);
            }
        }
        stopm();
    }
}

/// Looks for work on other Ps: 4 rounds over all Ps in random order,
/// taking `runnext` on the last, and running their due timers.
fn steal_work(pp: *mut P) -> Option<*mut G> {
    let sc = sched();
    let procs = sc.gomaxprocs.load(Ordering::Acquire) as usize;
    if procs <= 1 {
        return None;
    }
    for round in 0..4 {
        let last = round == 3;
        let start = crate::alg::cheaprand() as usize % procs;
        for k in 0..procs {
            let i = (start + k) % procs;
            let victim = &*sc.allp[i];
            if ptr::eq(victim, pp) {
                continue;
            }
            if last {
                crate::time::check_timers(victim as *const P as *mut P, nanotime());
                // SAFETY: we own pp.
                if let Some(r) = unsafe { runqget(pp) } {
                    return Some(r.0);
                }
            }
            // SAFETY: we own pp.
            if let Some(gp) = unsafe { runqsteal(pp, victim, last) } {
                return Some(gp);
            }
        }
    }
    None
}

/// The world is being stopped: give our P to the stopper and sleep
/// until the world starts again (Go's `gcstopm`).
fn gcstopm() {
    let sc = sched();
    let m = getm();
    // SAFETY: our M.
    if unsafe { (*m).spinning.replace(false) } {
        sc.nmspinning.fetch_sub(1, Ordering::AcqRel);
    }
    let pp = releasep();
    {
        let mut l = lock_sched();
        // While gcwaiting, pidleput stops the P and counts it.
        pidleput(&mut l, pp);
    }
    stopm();
}

/// Runs `gp` on the current M until it stops running.
fn execute(gp: *mut G, inherit: bool) {
    let sc = sched();
    let pp = getp();
    // SAFETY: we own pp; gp was taken from a queue, so it is ours.
    let (p, g) = unsafe { (&*pp, &mut *gp) };
    if !inherit {
        p.schedtick.fetch_add(1, Ordering::Relaxed);
        p.schedwhen.store(nanotime(), Ordering::Relaxed);
    }
    // A stop-the-world in progress wants this P back at once, and a GC
    // cycle the allocator requested starts at this G's first safepoint.
    p.preempt.store(
        sc.gcwaiting.load(Ordering::Acquire) || crate::mgc::pending(),
        Ordering::Relaxed,
    );
    // A reader of the stack (traceback.rs) holds `scan` briefly.
    while g.sched.scan.swap(true, Ordering::Acquire) {
        std::hint::spin_loop();
    }
    g.sched.status.store(G_RUNNING, Ordering::Release);
    g.sched.waitreason.set(WaitReason::Zero);
    setg(gp);
    let resume = std::mem::take(&mut g.sched.resume);
    let mut how = match resume {
        Resume::Nothing => interp::run(sc.prog, g, &p.preempt),
        Resume::Panic(v) => interp::run_panicking(sc.prog, g, &p.preempt, v),
        Resume::Retry => {
            g.stack.cur.pc -= 1;
            interp::run(sc.prog, g, &p.preempt)
        }
        Resume::Select(r) => match crate::select::finish(g, r) {
            Ok(()) => interp::run(sc.prog, g, &p.preempt),
            Err(v) => interp::run_panicking(sc.prog, g, &p.preempt, v),
        },
    };
    // A pinned G (procPin) keeps this M and P: a preemption waits for
    // its procUnpin, a yield is skipped (Go does not preempt or yield
    // while `m.locks` is held), and parking is a runtime bug.
    let m = getm();
    // SAFETY: our M.
    while unsafe { (*m).locks.get() } > 0 {
        match how {
            Exit::Preempted => {
                // SAFETY: our M.
                unsafe { (*m).preempt_pending.set(true) };
                p.preempt.store(false, Ordering::Relaxed);
            }
            Exit::Park if g.sched.yield_now => {
                g.sched.yield_now = false;
                g.sched.yield_local = false;
            }
            Exit::Park => crate::panic::throw("schedule: holding locks"),
            _ => {
                // The G ends (a panic or Goexit while pinned): unpin.
                // SAFETY: our M.
                unsafe {
                    (*m).locks.set(0);
                    (*m).preempt_pending.set(false);
                }
                break;
            }
        }
        how = interp::run(sc.prog, g, &p.preempt);
    }
    if how == Exit::Preempted {
        // The allocator asked for a GC cycle: run it now that this G is
        // saved at a safepoint, before it is queued where another M (its
        // locked M, say) could take it (mgc.rs).
        crate::mgc::gc_if_pending();
    }
    after_run(gp, how);
    // SAFETY: gp stays allocated (Gs are never freed); `scan` is atomic.
    unsafe { (*gp).sched.scan.store(false, Ordering::Release) };
    setg(ptr::null_mut());
}

/// Asks the G running on this thread's P to stop at its next safepoint
/// (the allocator requesting a GC cycle).
pub(crate) fn preempt_current() {
    let pp = getp();
    if !pp.is_null() {
        // SAFETY: Ps live forever; the flag is atomic.
        unsafe { (*pp).preempt.store(true, Ordering::Relaxed) };
    }
}

/// `nanotime()` when the scheduler started (gctrace's `@` time).
pub(crate) fn start_nano() -> i64 {
    SCHED.get().map_or(0, |s| s.start_nano)
}

/// What the M does when `gp` leaves the loop with `exit`.
fn after_run(gp: *mut G, how: Exit) {
    let sc = sched();
    // SAFETY: gp is running on this M: ours.
    let g = unsafe { &mut *gp };
    crate::print::flush(&mut g.st.out);
    match how {
        Exit::Park => {
            if g.sched.yield_now {
                g.sched.yield_now = false;
                g.sched.status.store(G_RUNNABLE, Ordering::Release);
                if std::mem::take(&mut g.sched.yield_local) {
                    // SAFETY: we own our P.
                    unsafe { runqput(getp(), gp, false) };
                } else {
                    globrunqput(gp);
                }
                return;
            }
            g.sched.status.store(G_WAITING, Ordering::Release);
            if let Some(f) = g.sched.unlockf.take() {
                let arg = std::mem::replace(&mut g.sched.unlockarg, ptr::null_mut());
                // SAFETY: the parking native's contract: f releases what
                // it locked, given its argument.
                if !unsafe { f(gp, arg) } {
                    // Park cancelled: keep running it.
                    g.sched.status.store(G_RUNNABLE, Ordering::Release);
                    // SAFETY: we own our P.
                    unsafe { runqput(getp(), gp, true) };
                }
            }
        }
        Exit::Preempted => {
            g.sched.status.store(G_RUNNABLE, Ordering::Release);
            globrunqput(gp);
        }
        Exit::Done => {
            if g.sched.is_main {
                exit(0);
            }
            goexit0(gp);
        }
        Exit::Goexit => {
            if g.sched.is_main {
                // Go: main calling Goexit lets the others run, and the
                // program dies of deadlock when they are done.
                g.sched.is_main = false;
                MAIN_GOEXITED.store(true, Ordering::Release);
            }
            goexit0(gp);
        }
        Exit::OsExit(code) => exit(code),
        Exit::Panic => {
            crate::traceback::preprint_panics(g);
            let s = crate::traceback::panic_report(sc.prog, g);
            fatal_print(&s);
            exit(2);
        }
        Exit::StackOverflow => {
            let mut s = format!(
                "runtime: goroutine stack exceeds {}-byte limit\n",
                interp::MAX_STACK_BYTES.load(Ordering::Relaxed)
            );
            s.push_str("fatal error: stack overflow\n\n");
            s.push_str(&crate::traceback::traceback(
                sc.prog,
                g,
                100,
                running_status(g),
            ));
            fatal_print(&s);
            exit(2);
        }
    }
}

/// The status a traceback of running `g` shows (`running`, with Go's
/// `, locked to thread` when LockOSThread wired it).
pub fn running_status(g: &G) -> &'static str {
    if g.sched.lockedm.load(Ordering::Acquire).is_null() {
        "running"
    } else {
        "running, locked to thread"
    }
}

/// [`running_status`] for a goroutine dying of a panic: the deferred
/// calls have run, among them Go's `runtime.main` unlocking the main
/// thread during init, so only the program's own LockOSThread shows.
pub fn panicking_status(g: &G) -> &'static str {
    if g.sched.locked == 0 {
        "running"
    } else {
        running_status(g)
    }
}

/// Set when the main goroutine called `runtime.Goexit`.
static MAIN_GOEXITED: AtomicBool = AtomicBool::new(false);

fn goexit0(gp: *mut G) {
    let sc = sched();
    // SAFETY: gp is ours (it just ended on this M).
    unsafe {
        let g = &mut *gp;
        g.sched.status.store(G_DEAD, Ordering::Release);
        if !g
            .sched
            .lockedm
            .swap(ptr::null_mut(), Ordering::AcqRel)
            .is_null()
        {
            // Exited while locked to its thread: the thread ends with it
            // (Go terminates it rather than return a possibly modified
            // thread to the pool).
            g.sched.locked = 0;
            g.sched.locked_int = false;
            let m = getm();
            (*m).lockedg.set(ptr::null_mut());
            (*m).exit_thread.set(true);
        }
        // System goroutines were never counted (or stopped counting:
        // n_coro_exiting).
        if !g.sched.is_system {
            sc.ngoroutines.fetch_sub(1, Ordering::Relaxed);
        }
    }
    gfput(gp);
}

/// A fatal error of the running goroutine (Go's `fatal`/`throw` from a
/// user-visible check, such as unlocking an unlocked mutex): prints
/// `fatal error: msg` and the goroutine's traceback, and ends the program
/// with status 2; deferred calls do not run and recover cannot stop it.
pub fn fatal_error(msg: &str) -> ! {
    let sc = sched();
    let gp = getg();
    let mut s = format!("fatal error: {msg}\n");
    if !gp.is_null() {
        s.push('\n');
        // SAFETY: the running G is ours; its state was saved by the native
        // call that got us here.
        let g = unsafe { &*gp };
        s.push_str(&crate::traceback::traceback(
            sc.prog,
            g,
            100,
            running_status(g),
        ));
    }
    fatal_print(&s);
    exit(2)
}

/// Writes a fatal report to stderr, once.
fn fatal_print(s: &str) {
    use std::io::Write;
    static ONCE: AtomicBool = AtomicBool::new(false);
    if ONCE.swap(true, Ordering::AcqRel) {
        return;
    }
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s.as_bytes());
    let _ = e.flush();
}

/// Detects deadlock: called with the scheduler lock held when an M goes
/// idle (Go's `checkdead`).
fn checkdead(l: &mut SchedLocked) {
    let sc = sched();
    if exiting() {
        return;
    }
    let run = l.mcount - l.nmidle - l.nmidlelocked - sc.nmsys.load(Ordering::Acquire);
    if run > 0 {
        return;
    }
    if !l.runq.is_empty() {
        return;
    }
    let procs = sc.gomaxprocs.load(Ordering::Acquire) as usize;
    for p in sc.allp.iter().take(procs) {
        if !p.timers.is_empty() || !runqempty(p) {
            return;
        }
    }
    if !l.timer_sleeper.is_null() {
        return;
    }
    let main_gone = MAIN_GOEXITED.load(Ordering::Acquire);
    if main_gone && sc.ngoroutines.load(Ordering::Acquire) == 0 {
        fatal_print("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
        request_exit(2);
    }
    let mut s = String::from("fatal error: all goroutines are asleep - deadlock!\n");
    let gs = sc.allgs.lock().unwrap_or_else(|e| e.into_inner());
    for &gp in gs.iter() {
        // SAFETY: every G is parked (no M runs): reading them is safe.
        let g = unsafe { &*gp };
        let st = g.sched.status.load(Ordering::Acquire);
        if st == G_DEAD || st == G_IDLE || g.sched.is_system {
            continue;
        }
        s.push('\n');
        let mut status = g.sched.waitreason.get().as_str().to_string();
        if !g.sched.lockedm.load(Ordering::Acquire).is_null() {
            status.push_str(", locked to thread");
        }
        s.push_str(&crate::traceback::traceback(sc.prog, g, 100, &status));
    }
    drop(gs);
    fatal_print(&s);
    request_exit(2);
}

/// Signals the main thread to end the program with `code` (the first
/// request wins) and returns: [`exit`] then parks, and a thread holding
/// the scheduler lock releases it and idles.
fn request_exit(code: i32) {
    let sc = sched();
    if !sc.exiting.swap(true, Ordering::AcqRel) {
        sc.exit_code.store(code, Ordering::Release);
        sc.exit_note.wakeup();
    }
}

/// Wakes the M sleeping until the next timer (a timer was added that may
/// be earlier, or a P with timers went idle).
pub fn wake_timer_sleeper() {
    let sc = sched();
    let l = lock_sched();
    if !l.timer_sleeper.is_null() {
        drop(l);
        sc.timer_note.wakeup();
        return;
    }
    drop(l);
    // No M waits for timers: make sure one looks at them.
    if sc.npidle.load(Ordering::Acquire) > 0 {
        wakep();
    }
}

/// Called when a timer is added at `when`: wake the timer sleeper if it
/// sleeps past it.
pub fn timer_added(when: i64) {
    let sc = sched();
    let l = lock_sched();
    let wake = !l.timer_sleeper.is_null() && when < l.timer_sleep_until;
    let idle_all = l.timer_sleeper.is_null();
    drop(l);
    if wake {
        sc.timer_note.wakeup();
    } else if idle_all {
        wakep();
    }
}

// ---------------------------------------------------------------------
// System calls and blocking callbacks.

/// The running G enters a blocking system call: its P may be taken by
/// sysmon for other Gs (Go's `entersyscall`).
pub fn entersyscall() {
    let pp = getp();
    if pp.is_null() || SCHED.get().is_none() {
        return;
    }
    // SAFETY: we own pp.
    let p = unsafe { &*pp };
    p.syscalltick.fetch_add(1, Ordering::Relaxed);
    p.status.store(P_SYSCALL, Ordering::Release);
}

/// The system call returned: take the P back, or another one, waiting
/// for one if all are busy (Go's `exitsyscall`).
pub fn exitsyscall() {
    let pp = getp();
    if pp.is_null() || SCHED.get().is_none() {
        return;
    }
    // SAFETY: Ps live forever.
    let p = unsafe { &*pp };
    if p.status
        .compare_exchange(P_SYSCALL, P_RUNNING, Ordering::AcqRel, Ordering::Relaxed)
        .is_ok()
    {
        return;
    }
    // sysmon took our P: find another.
    releasep_nohandoff();
    acquire_any_p();
}

/// Forgets the M's P after sysmon retook it (the P is someone else's).
fn releasep_nohandoff() {
    let m = getm();
    // SAFETY: our M.
    unsafe { (*m).p.set(ptr::null_mut()) };
    // SAFETY: no P: no cache.
    unsafe { crate::malloc::set_current_mcache(ptr::null_mut()) };
}

/// Blocks the thread until an idle P is available and takes it.
fn acquire_any_p() {
    let mut spins = 0u32;
    loop {
        {
            let mut l = lock_sched();
            if let Some(pp) = pidleget(&mut l) {
                drop(l);
                acquirep(pp);
                return;
            }
        }
        spins += 1;
        if spins < 20 {
            std::thread::yield_now();
        } else {
            std::thread::sleep(std::time::Duration::from_micros(50));
        }
    }
}

/// A native's callback G (call_go) parked: block this thread until it is
/// readied, lending our P to other Ms meanwhile (DESIGN §7: a callback
/// that blocks parks its OS thread, and the P is handed off).
pub(crate) fn block_callback(gp: *mut G) {
    let note = Note::new();
    // SAFETY: gp is the callback G this thread runs.
    let g = unsafe { &mut *gp };
    if g.sched.yield_now {
        // A yield (Gosched, a semrelease handing off) inside a callback:
        // no one will ready it, and this thread cannot run another G in
        // the meantime; let other threads run a moment and go on.
        g.sched.yield_now = false;
        g.sched.yield_local = false;
        std::thread::yield_now();
        return;
    }
    g.sched.thread_note = &note;
    g.sched.status.store(G_WAITING, Ordering::Release);
    let sc = sched();
    sc.nmsys.fetch_add(1, Ordering::AcqRel);
    let pp = releasep();
    if !pp.is_null() {
        handoffp(pp);
    }
    if let Some(f) = g.sched.unlockf.take() {
        let arg = std::mem::replace(&mut g.sched.unlockarg, ptr::null_mut());
        // SAFETY: the parking native's contract.
        if !unsafe { f(gp, arg) } {
            g.sched.status.store(G_RUNNABLE, Ordering::Release);
            note.wakeup();
        }
    }
    note.sleep();
    g.sched.thread_note = ptr::null();
    g.sched.status.store(G_RUNNING, Ordering::Release);
    sc.nmsys.fetch_sub(1, Ordering::AcqRel);
    acquire_any_p();
}

// ---------------------------------------------------------------------
// sysmon.

fn sysmon() {
    let sc = sched();
    let mut delay_us = 20u64;
    let mut idle = 0u32;
    let mut last_trace = nanotime();
    if sc.schedtrace > 0 {
        schedtrace(last_trace);
    }
    let mut seen: Vec<(u32, i64, u32, i64)> = vec![(0, 0, 0, 0); sc.allp.len()];
    loop {
        if exiting() {
            return;
        }
        if idle == 0 {
            delay_us = 20;
        } else if idle > 50 {
            delay_us = (delay_us * 2).min(10_000);
        }
        std::thread::sleep(std::time::Duration::from_micros(delay_us));
        let now = nanotime();
        let mut acted = false;
        let procs = sc.gomaxprocs.load(Ordering::Acquire) as usize;
        for (i, p) in sc.allp.iter().take(procs).enumerate() {
            let st = p.status.load(Ordering::Acquire);
            let tick = p.schedtick.load(Ordering::Relaxed);
            let s = &mut seen[i];
            if st == P_RUNNING {
                if s.0 != tick {
                    s.0 = tick;
                    s.1 = now;
                } else if now - s.1 >= FORCE_PREEMPT_NS {
                    // Not counted as activity (Go's retake counts only
                    // Ps taken back from syscalls): a program that runs
                    // one long goroutine must not keep sysmon at 20µs.
                    p.preempt.store(true, Ordering::Relaxed);
                }
            } else if st == P_SYSCALL {
                let stick = p.syscalltick.load(Ordering::Relaxed);
                if s.2 != stick {
                    s.2 = stick;
                    s.3 = now;
                    continue;
                }
                // Retake after a sysmon tick (20µs or more) if the P has
                // queued work or no other P is idle or spinning to take
                // new work, after 10ms in any case (Go's retake).
                let keep = runqempty(p)
                    && sc.nmspinning.load(Ordering::Acquire) + sc.npidle.load(Ordering::Acquire)
                        > 0
                    && now - s.3 < 10_000_000;
                if !keep
                    && p.status
                        .compare_exchange(P_SYSCALL, P_IDLE, Ordering::AcqRel, Ordering::Relaxed)
                        .is_ok()
                {
                    p.m.store(ptr::null_mut(), Ordering::Release);
                    handoffp(&**p as *const P as *mut P);
                    acted = true;
                }
            }
        }
        if acted {
            idle = 0;
        } else {
            idle += 1;
        }
        if sc.schedtrace > 0 && now - last_trace >= sc.schedtrace * 1_000_000 {
            last_trace = now;
            schedtrace(now);
        }
    }
}

/// Prints Go's `SCHED` line (`GODEBUG=schedtrace=N`).
fn schedtrace(now: i64) {
    let sc = sched();
    let l = lock_sched();
    let procs = sc.gomaxprocs.load(Ordering::Acquire) as usize;
    let mut s = format!(
        "SCHED {}ms: gomaxprocs={} idleprocs={} threads={} spinningthreads={} needspinning=0 idlethreads={} runqueue={} [ ",
        (now - sc.start_nano) / 1_000_000,
        procs,
        sc.npidle.load(Ordering::Acquire),
        l.mcount + 1,
        sc.nmspinning.load(Ordering::Acquire),
        l.nmidle,
        l.runq.len()
    );
    drop(l);
    for p in sc.allp.iter().take(procs) {
        let h = p.runqhead.load(Ordering::Acquire);
        let t = p.runqtail.load(Ordering::Acquire);
        s.push_str(&t.wrapping_sub(h).to_string());
        s.push(' ');
    }
    s.push_str("] schedticks=[ ");
    for p in sc.allp.iter().take(procs) {
        s.push_str(&p.schedtick.load(Ordering::Relaxed).to_string());
        s.push(' ');
    }
    s.push_str("]\n");
    eprint!("{s}");
}

// ---------------------------------------------------------------------
// The runtime package's scheduler API.

/// `runtime.Gosched`: yield the P, requeueing on the global queue.
pub fn gosched() -> PanicValue {
    let gp = getg();
    // SAFETY: the running G is ours.
    unsafe { (*gp).sched.yield_now = true };
    gopark(None, ptr::null_mut(), WaitReason::Gosched)
}

/// Yields the P to the Gs queued on it, requeueing the running G at the
/// tail of the P's local queue (Go's `goyield`: a semaphore release that
/// handed its count to a waiter lets it run at once).
pub fn goyield() -> PanicValue {
    let gp = getg();
    // SAFETY: the running G is ours.
    unsafe {
        (*gp).sched.yield_now = true;
        (*gp).sched.yield_local = true;
    }
    gopark(None, ptr::null_mut(), WaitReason::Gosched)
}

/// `runtime.NumGoroutine`.
pub fn num_goroutine() -> i64 {
    SCHED
        .get()
        .map(|s| s.ngoroutines.load(Ordering::Relaxed))
        .unwrap_or(1)
}

// ---------------------------------------------------------------------
// Stopping the world.

/// Stops the world for the running G (Go's `stopTheWorldWithSema`): every
/// other P is taken from its M: idle Ps at once, Ps in system calls by
/// CAS (their Ms wait for a P on return), running Ps by preemption at the
/// G's next safepoint (a pinned G first finishes its pinned section).
/// Returns false if another stop is in progress: the caller yields and
/// retries ([`yield_retry`]). The caller keeps its P and is the only M
/// running Go code until [`start_the_world`].
pub fn stop_the_world() -> bool {
    let sc = sched();
    if sc
        .stw_busy
        .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        return false;
    }
    let mine = getp();
    let procs = sc.gomaxprocs.load(Ordering::Acquire) as usize;
    let mut l = lock_sched();
    sc.stop_note.clear();
    sc.gcwaiting.store(true, Ordering::Release);
    l.stopwait = procs as i32 - 1;
    while let Some(pp) = pidleget(&mut l) {
        // SAFETY: Ps live forever; an idle P has no owner.
        unsafe { (*pp).status.store(P_GCSTOP, Ordering::Release) };
        l.stopwait -= 1;
    }
    for p in sc.allp.iter().take(procs) {
        if ptr::eq(&**p, mine) {
            continue;
        }
        if p.status
            .compare_exchange(P_SYSCALL, P_GCSTOP, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            l.stopwait -= 1;
        } else {
            p.preempt.store(true, Ordering::Relaxed);
        }
    }
    let mut wait = l.stopwait > 0;
    drop(l);
    while wait {
        // Re-preempt every 100µs: a P may have started a new G after
        // its flag was set (Go's stopTheWorldWithSema loop).
        if !sc.stop_note.sleep_timeout(100_000) {
            for p in sc.allp.iter().take(procs) {
                if !ptr::eq(&**p, mine) && p.status.load(Ordering::Acquire) == P_RUNNING {
                    p.preempt.store(true, Ordering::Relaxed);
                }
            }
        }
        wait = lock_sched().stopwait > 0;
    }
    true
}

/// Flushes every P's allocation cache back to the mcentrals, so the
/// allocation counters are exact (Go's `flushallmcaches`). The world must
/// be stopped: no other M allocates meanwhile.
pub fn flush_all_mcaches() {
    for p in sched().allp.iter() {
        // SAFETY: with the world stopped no M uses another P's mcache;
        // this M's own cache is emptied, not freed, so its current-cache
        // pointer stays valid.
        unsafe { (*p.mcache).release_all() };
    }
}

/// Restarts the world stopped by [`stop_the_world`], first resizing to
/// `newprocs` Ps when given (Go's `startTheWorldWithSema` + `procresize`):
/// stopped Ps with work get an M, the others go idle.
pub fn start_the_world(newprocs: Option<i32>) {
    let sc = sched();
    if let Some(n) = newprocs {
        procresize(n);
    }
    let mine = getp();
    let procs = sc.gomaxprocs.load(Ordering::Acquire) as usize;
    let mut busy = Vec::new();
    let mut timers = false;
    {
        let mut l = lock_sched();
        sc.gcwaiting.store(false, Ordering::Release);
        for p in sc.allp.iter().take(procs) {
            let pp = &**p as *const P as *mut P;
            if pp == mine || p.status.load(Ordering::Acquire) != P_GCSTOP {
                continue;
            }
            if runqempty(p) {
                timers |= !p.timers.is_empty();
                pidleput(&mut l, pp);
            } else {
                busy.push(pp);
            }
        }
    }
    sc.stw_busy.store(false, Ordering::Release);
    for pp in busy {
        startm(pp, false);
    }
    if timers {
        wake_timer_sleeper();
    }
    wakep();
}

/// Changes the number of Ps to `n` with the world stopped: Ps beyond `n`
/// give their queued Gs to the global queue, their timers to P0 and
/// their cached spans back to the mcentrals (Go's `p.destroy` →
/// `freemcache`), and die; new Ps join stopped (start_the_world makes
/// them idle). If the caller's own P dies, its M moves to P0.
fn procresize(n: i32) {
    let sc = sched();
    let old = sc.gomaxprocs.load(Ordering::Acquire);
    let n = n.clamp(1, MAX_PROCS as i32);
    if n == old {
        return;
    }
    let p0 = &*sc.allp[0] as *const P as *mut P;
    for p in sc.allp.iter().take(old as usize).skip(n as usize) {
        let pp = &**p as *const P as *mut P;
        // SAFETY: the world is stopped: no other M owns pp (the caller's
        // own P is emptied the same way before it leaves it).
        while let Some((gp, _)) = unsafe { runqget(pp) } {
            globrunqput(gp);
        }
        crate::time::move_timers(pp, p0);
    }
    let mine = getp();
    // SAFETY: Ps live forever.
    if !mine.is_null() && unsafe { (*mine).id } >= n as usize {
        releasep();
        acquirep(p0);
    }
    for p in sc.allp.iter().take(old as usize).skip(n as usize) {
        p.status.store(P_DEAD, Ordering::Release);
        p.m.store(ptr::null_mut(), Ordering::Release);
        // SAFETY: the world is stopped and the P is dead: no M allocates
        // from its cache (the caller moved to P0 above, and an M in a
        // system call finds its P dead in exitsyscall before allocating).
        // The cache is emptied, not freed: the P may come back.
        unsafe { (*p.mcache).release_all() };
    }
    for p in sc.allp.iter().take(n as usize).skip(old as usize) {
        p.m.store(ptr::null_mut(), Ordering::Release);
        p.status.store(P_GCSTOP, Ordering::Release);
    }
    sc.gomaxprocs.store(n, Ordering::Release);
}

/// The value a native returns to yield and be re-executed later (it
/// could not proceed now, e.g. another stop-the-world is in progress).
pub fn yield_retry() -> PanicValue {
    let gp = getg();
    // SAFETY: the running G is ours.
    unsafe { (*gp).sched.resume = Resume::Retry };
    gosched()
}

/// `runtime.GOMAXPROCS(n)`: when n > 0 and differs, stops the world,
/// resizes to n Ps and restarts it (so a shrink takes effect before the
/// call returns, as in Go); returns the previous setting.
fn n_gomaxprocs_impl(w: *mut u64, n: i64) -> R {
    let Some(sc) = SCHED.get() else {
        // SAFETY: window [res]...
        unsafe { *w = 1 };
        return Ok(());
    };
    let old = sc.gomaxprocs.load(Ordering::Acquire);
    let n = n.clamp(0, MAX_PROCS as i64) as i32;
    if n <= 0 || n == old || getg().is_null() || getp().is_null() {
        // SAFETY: window [res]...
        unsafe { *w = old as u64 };
        return Ok(());
    }
    // SAFETY: the running G is ours.
    let callback = unsafe { (*getg()).sched.is_callback };
    if !stop_the_world() {
        if callback {
            // A native's callback cannot yield to let the other stop
            // finish: leave the setting as it is.
            // SAFETY: window [res]...
            unsafe { *w = old as u64 };
            return Ok(());
        }
        return Err(yield_retry());
    }
    let before = getp();
    start_the_world(Some(n));
    // SAFETY: window [res]...
    unsafe { *w = old as u64 };
    if getp() != before && !callback {
        // This M moved to P0 (its own P died), but the loop running the
        // G watches the old P's preemption flag: go through the scheduler.
        return Err(gosched());
    }
    Ok(())
}

/// A G for a native's callback (call_go), registered as running on this
/// M so that it can park; returned to be freed by the caller.
pub fn callback_g(prog: &Program, f: FuncId, id: u64) -> Box<G> {
    let mut g = Box::new(G::new(prog, f));
    g.id = id;
    g.sched.status.store(G_RUNNING, Ordering::Release);
    g.sched.is_callback = true;
    // Its frames are GC roots until call_go drops it.
    crate::mgcmark::add_callback_g(&g);
    g
}

/// Whether the scheduler runs (natives that block differ outside it).
pub fn started() -> bool {
    SCHED.get().is_some()
}

/// The current GOMAXPROCS.
pub fn gomaxprocs() -> i32 {
    SCHED
        .get()
        .map(|s| s.gomaxprocs.load(Ordering::Acquire))
        .unwrap_or(1)
}

/// Whether a Mutex waiter should spin (Go's `sync_runtime_canSpin`):
/// fewer than 4 attempts, several CPUs and Ps, another P running, and an
/// empty local run queue.
pub fn can_spin(i: i64) -> bool {
    let Some(sc) = SCHED.get() else {
        return false;
    };
    let procs = sc.gomaxprocs.load(Ordering::Acquire);
    if i >= 4
        || sc.ncpu <= 1
        || procs <= sc.npidle.load(Ordering::Acquire) + sc.nmspinning.load(Ordering::Acquire) + 1
    {
        return false;
    }
    let pp = getp();
    // SAFETY: Ps live forever.
    pp.is_null() || runqempty(unsafe { &*pp })
}

// ---------------------------------------------------------------------
// Natives: the go statement and the runtime package.

type R = Result<(), PanicValue>;

pub(crate) const NATIVES: &[(&str, interp::NativeFn, u16)] = &[
    ("runtime.newproc", n_newproc, 1),
    ("runtime.Gosched", n_gosched, 0),
    ("runtime.Goexit", n_goexit, 0),
    ("runtime.NumGoroutine", n_num_goroutine, 1),
    ("runtime.GOMAXPROCS", n_gomaxprocs, 2),
    ("runtime.NumCPU", n_num_cpu, 1),
    ("runtime.LockOSThread", n_lock_os_thread, 0),
    ("runtime.UnlockOSThread", n_unlock_os_thread, 0),
    ("runtime.mainInitDone", n_main_init_done, 0),
    ("iter.coroExiting", n_coro_exiting, 0),
    ("runtime.SetDefaultGOMAXPROCS", n_set_default_gomaxprocs, 0),
    ("sync.runtime_procPin", n_proc_pin, 1),
    ("sync.runtime_procUnpin", n_proc_unpin, 0),
    ("syscall.Gettid", n_gettid, 1),
];

/// `go f(x)`: `[fv]`, the closure over the call (nil: Go's nil func
/// panic happens in the new goroutine; we raise it in the caller, as
/// `go nilfunc()` does: "go of nil func value").
unsafe fn n_newproc(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [fv].
    let fv = unsafe { *w };
    if fv == 0 {
        return Err(PanicValue::Runtime(interp::RuntimeError::new(
            "go of nil func value",
        )));
    }
    let gp = getg();
    let gopc = if gp.is_null() {
        (FuncId(0), 0)
    } else {
        // SAFETY: the running G is ours.
        let cur = unsafe { (*gp).stack.cur };
        (cur.func, cur.pc)
    };
    if SCHED.get().is_none() {
        return Err(PanicValue::Runtime(interp::RuntimeError::new(
            "rgo: go statement outside the scheduler",
        )));
    }
    newproc(fv, gopc);
    Ok(())
}

unsafe fn n_gosched(_: &mut GState, _: *mut u64) -> R {
    if SCHED.get().is_none() {
        return Ok(());
    }
    Err(gosched())
}

unsafe fn n_goexit(_: &mut GState, _: *mut u64) -> R {
    Err(PanicValue::Goexit)
}

unsafe fn n_num_goroutine(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res].
    unsafe { *w = num_goroutine() as u64 };
    Ok(())
}

unsafe fn n_gomaxprocs(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window [res][n].
    let n = unsafe { *w.add(1) } as i64;
    n_gomaxprocs_impl(w, n)
}

/// `runtime.SetDefaultGOMAXPROCS()`: back to the number of CPUs.
unsafe fn n_set_default_gomaxprocs(_: &mut GState, _: *mut u64) -> R {
    let n = SCHED.get().map(|s| s.ncpu).unwrap_or(1);
    let mut scratch = [0u64; 2];
    n_gomaxprocs_impl(scratch.as_mut_ptr(), n as i64)
}

unsafe fn n_num_cpu(_: &mut GState, w: *mut u64) -> R {
    let n = SCHED.get().map(|s| s.ncpu).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get() as i32)
            .unwrap_or(1)
    });
    // SAFETY: window [res].
    unsafe { *w = n as u64 };
    Ok(())
}

/// `runtime.LockOSThread`: wires the running G to this M (Go's
/// `dolockOSThread`): until as many UnlockOSThread calls, the M runs
/// only this G, sleeping while it waits (schedule, stoplockedm), and the
/// G runs only on this M (startlockedm).
unsafe fn n_lock_os_thread(_: &mut GState, _: *mut u64) -> R {
    let gp = getg();
    let m = getm();
    if gp.is_null() {
        return Ok(());
    }
    // SAFETY: the running G is ours; our M.
    unsafe {
        let g = &mut *gp;
        g.sched.locked = match g.sched.locked.checked_add(1) {
            Some(n) => n,
            None => crate::panic::throw("LockOSThread nesting overflow"),
        };
        if !m.is_null() && !g.sched.is_callback {
            g.sched.lockedm.store(m, Ordering::Release);
            (*m).lockedg.set(gp);
        }
    }
    Ok(())
}

/// `runtime.UnlockOSThread`: undoes one LockOSThread; at zero the G and
/// the M are free again (an unlock without a lock does nothing).
unsafe fn n_unlock_os_thread(_: &mut GState, _: *mut u64) -> R {
    unlock_os_thread(false);
    Ok(())
}

/// Called by the program's entry between the packages' initialization
/// and `main.main` (Go's `runtime.main` unlocking after `doInit`): the
/// main goroutine is free of the main thread unless an `init` locked it.
unsafe fn n_main_init_done(_: &mut GState, _: *mut u64) -> R {
    unlock_os_thread(true);
    Ok(())
}

/// `iter.coroExiting`: the running goroutine is an iter.Pull coroutine
/// about to hand control back for the last time and end. Go's coroutine
/// ends in the same switch (`coroexit`), so NumGoroutine never counts it
/// once its caller runs again; rgo's, a goroutine, stops counting here
/// (as a system goroutine: not counted, not in dumps) before that
/// hand-over instead of when it has finished exiting.
unsafe fn n_coro_exiting(_: &mut GState, _: *mut u64) -> R {
    let gp = getg();
    if gp.is_null() || SCHED.get().is_none() {
        return Ok(());
    }
    // SAFETY: the running G is ours.
    let g = unsafe { &mut *gp };
    if !g.sched.is_system && !g.sched.is_main && !g.sched.is_callback {
        g.sched.is_system = true;
        sched().ngoroutines.fetch_sub(1, Ordering::Relaxed);
    }
    Ok(())
}

/// Drops one of the running G's locks to its thread: the program's
/// (`locked`, Go's `lockedExt`) or the runtime's (`locked_int`); with
/// neither left, the G and its M are unwired (Go's `dounlockOSThread`).
fn unlock_os_thread(internal: bool) {
    let gp = getg();
    if gp.is_null() {
        return;
    }
    // SAFETY: the running G is ours; our M.
    unsafe {
        let g = &mut *gp;
        if internal {
            if !g.sched.locked_int {
                return;
            }
            g.sched.locked_int = false;
        } else {
            if g.sched.locked == 0 {
                return;
            }
            g.sched.locked -= 1;
        }
        if g.sched.locked != 0 || g.sched.locked_int {
            return;
        }
        g.sched.lockedm.store(ptr::null_mut(), Ordering::Release);
        let m = getm();
        if !m.is_null() && (*m).lockedg.get() == gp {
            (*m).lockedg.set(ptr::null_mut());
        }
    }
}

/// `sync.runtime_procPin`: the running G stays on this M and P until
/// procUnpin (no preemption, no yield: see [`execute`]); returns the P's
/// id, which indexes per-P data such as sync.Pool's locals.
unsafe fn n_proc_pin(_: &mut GState, w: *mut u64) -> R {
    let m = getm();
    let pp = getp();
    let id = if m.is_null() || pp.is_null() {
        0
    } else {
        // SAFETY: our M; Ps live forever.
        unsafe {
            (*m).locks.set((*m).locks.get() + 1);
            (*pp).id
        }
    };
    // SAFETY: window [res].
    unsafe { *w = id as u64 };
    Ok(())
}

/// `sync.runtime_procUnpin`: undoes procPin; delivers a preemption that
/// arrived meanwhile.
unsafe fn n_proc_unpin(_: &mut GState, _: *mut u64) -> R {
    let m = getm();
    if m.is_null() {
        return Ok(());
    }
    // SAFETY: our M; Ps live forever.
    unsafe {
        let n = (*m).locks.get();
        if n == 0 {
            return Ok(());
        }
        (*m).locks.set(n - 1);
        if n == 1 && (*m).preempt_pending.replace(false) {
            let pp = getp();
            if !pp.is_null() {
                (*pp).preempt.store(true, Ordering::Relaxed);
            }
        }
    }
    Ok(())
}

/// `syscall.Gettid`: the id of the OS thread running the caller.
unsafe fn n_gettid(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: gettid has no arguments and cannot fail.
    let tid = unsafe { libc::syscall(libc::SYS_gettid) };
    // SAFETY: window [res].
    unsafe { *w = tid as u64 };
    Ok(())
}
