//! Go's runtime for rgo: the VM loop (interp.rs), the scheduler
//! (proc.rs), channels, select, semaphores and timers, maps (map.rs,
//! alg.rs), the allocator (size classes, spans, mcache → mcentral →
//! mheap, mallocgc, memory statistics) and the collector (mgc.rs,
//! mgcmark.rs, mgcsweep.rs, mfinal.rs).
//! One file per Go runtime mechanism, named as in GOROOT/src/runtime, so a
//! reader who knows Go's runtime finds each piece where Go keeps it.
//!
//! Entry points for the VM:
//! - [`mcache::MCache`]: one per P, owned by the scheduler; allocate with
//!   [`mcache::MCache::mallocgc`] (`unsafe`: the type descriptor must be valid);
//! - [`malloc::mallocgc`]: the same through the calling thread's current
//!   cache ([`malloc::set_current_mcache`]), or a locked fallback cache;
//! - [`typedesc::Type`]: the runtime type descriptor the compiler emits;
//! - [`mheap::find_object`] / [`mheap::span_of`]: interior pointer lookup;
//! - [`mgc`]: GC cycles (`runtime.GC`, pacing); [`mgcsweep::sweep_all`];
//! - [`map`]: Go maps (`makemap`, `mapaccess1/2`, `mapassign`, `mapdelete`,
//!   `mapclear`, `mapiterinit/next`, fast paths), hashing in [`alg`];
//! - [`mstats::read_mem_stats`], [`heapcheck::check_heap`], [`mheap::MHEAP`]`.scavenge_all()`.
//!
//! Architecture invariant: this crate knows nothing of the AST or the type
//! checker; the compiler reaches it only through the instruction set and
//! the type descriptors. `unsafe` lives here and only here: every block
//! says why it holds.

pub mod alg;
pub mod chan;
pub mod heapcheck;
pub mod interp;
pub mod lock_futex;
pub mod malloc;
pub mod map;
pub mod mbitmap;
pub mod mcache;
pub mod mcentral;
pub mod mem_linux;
pub mod mfinal;
pub mod mfixalloc;
pub mod mgc;
pub mod mgcmark;
pub mod mgcsweep;
pub mod mheap;
pub mod mprof;
pub mod mspan;
pub mod mstats;
pub mod natives;
pub mod op;
pub mod panic;
pub mod print;
pub mod proc;
pub mod select;
pub mod sema;
pub mod sizeclasses;
pub mod stack;
pub mod stackmap;
pub mod symtab;
pub mod time;
pub mod traceback;
pub mod typedesc;
