//! Channels (Go's chan.go): `hchan` with its lock, ring buffer and the
//! queues of waiting senders and receivers (`sudog`s).
//!
//! Invariants (as Go's):
//! - at least one of `c.sendq` and `c.recvq` is empty, except for an
//!   unbuffered channel with a single goroutine blocked on it in a select
//!   for both sending and receiving;
//! - for buffered channels: `qcount > 0` implies `recvq` is empty, and
//!   `qcount < dataqsiz` implies `sendq` is empty;
//! - every field but `closed` (read without the lock on fast paths) is
//!   read and written under `c.lock`;
//! - a sudog's `elem` points into its goroutine's stack (the value to
//!   send, or where to receive), which stays put while the goroutine is
//!   parked; the goroutine that dequeues a sudog completes the operation
//!   for the parked one (direct copy into or out of its stack) before
//!   readying it, so a woken goroutine never retries.

use std::ptr;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::interp::{GState, NativeFn, PanicValue, RuntimeError, G};
use crate::lock_futex::{lock, unlock};
use crate::proc::{self, getg, gopark, goready, WaitReason};
use crate::typedesc::{Kind, Type};

/// Go's `maxAlign`-rounded `hchan` size.
pub const HCHAN_SIZE: usize = 96;

/// A queue of waiting goroutines (Go's `waitq`).
#[repr(C)]
pub struct WaitQ {
    pub first: *mut Sudog,
    pub last: *mut Sudog,
}

/// A channel (Go's `hchan`), allocated in the Go heap.
#[repr(C)]
pub struct HChan {
    /// Number of elements in the buffer (`len`).
    pub qcount: usize,
    /// Size of the ring buffer (`cap`).
    pub dataqsiz: usize,
    pub buf: *mut u8,
    pub elemsize: u16,
    pub closed: AtomicU32,
    pub elemtype: *const Type,
    pub sendx: usize,
    pub recvx: usize,
    pub recvq: WaitQ,
    pub sendq: WaitQ,
    pub lock: AtomicU32,
    /// Nonzero for a timer's channel (Go 1.23 synchronous timer channels).
    pub is_timer: u32,
}

const _: () = assert!(std::mem::size_of::<HChan>() == HCHAN_SIZE);

/// A goroutine in a wait queue (Go's `sudog`): of a channel, or (in
/// sema.rs) of a semaphore address.
pub struct Sudog {
    pub g: *mut G,
    pub next: *mut Sudog,
    pub prev: *mut Sudog,
    /// The data element (may point into the goroutine's stack).
    pub elem: *mut u8,
    /// Where a receive's `ok` goes (null: not wanted).
    pub okp: *mut u64,
    pub c: *mut HChan,
    pub is_select: bool,
    /// The operation completed because of a value (true) or a close.
    pub success: bool,
    /// Select: index of the case; the next sudog of the same select.
    pub casi: usize,
    pub waitlink: *mut Sudog,
    // Semaphore fields (sema.rs).
    pub ticket: u32,
    pub waiters: u32,
    pub acquiretime: i64,
    pub parent: *mut Sudog,
    pub waittail: *mut Sudog,
    pub left: *mut Sudog,
    pub right: *mut Sudog,
    pub key: usize,
}

impl Sudog {
    fn new() -> Sudog {
        Sudog {
            g: ptr::null_mut(),
            next: ptr::null_mut(),
            prev: ptr::null_mut(),
            elem: ptr::null_mut(),
            okp: ptr::null_mut(),
            c: ptr::null_mut(),
            is_select: false,
            success: false,
            casi: 0,
            waitlink: ptr::null_mut(),
            ticket: 0,
            waiters: 0,
            acquiretime: 0,
            parent: ptr::null_mut(),
            waittail: ptr::null_mut(),
            left: ptr::null_mut(),
            right: ptr::null_mut(),
            key: 0,
        }
    }
}

/// A sudog from the P's cache (Go's `acquireSudog`).
pub fn acquire_sudog() -> *mut Sudog {
    let pp = proc::getp();
    if !pp.is_null() {
        // SAFETY: Ps live forever; the cache has its own lock.
        let p = unsafe { &*pp };
        if let Some(mut s) = p.sudogcache.lock().unwrap_or_else(|e| e.into_inner()).pop() {
            *s = Sudog::new();
            return Box::into_raw(s);
        }
    }
    Box::into_raw(Box::new(Sudog::new()))
}

/// Returns a sudog to the P's cache (Go's `releaseSudog`).
///
/// # Safety
/// `s` came from [`acquire_sudog`] and is in no queue.
pub unsafe fn release_sudog(s: *mut Sudog) {
    // SAFETY: caller's contract: we own s.
    let b = unsafe { Box::from_raw(s) };
    let pp = proc::getp();
    if !pp.is_null() {
        // SAFETY: Ps live forever.
        let p = unsafe { &*pp };
        let mut cache = p.sudogcache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() < 128 {
            cache.push(b);
        }
    }
}

impl WaitQ {
    /// # Safety
    /// `sg` is a valid sudog in no queue; the channel's lock is held.
    pub unsafe fn enqueue(&mut self, sg: *mut Sudog) {
        // SAFETY: caller's contract.
        unsafe {
            (*sg).next = ptr::null_mut();
            let x = self.last;
            if x.is_null() {
                (*sg).prev = ptr::null_mut();
                self.first = sg;
                self.last = sg;
                return;
            }
            (*sg).prev = x;
            (*x).next = sg;
            self.last = sg;
        }
    }

    /// Removes the first sudog whose goroutine can still be woken: a
    /// select's sudog only if this operation wins the select.
    ///
    /// # Safety
    /// The channel's lock is held.
    pub unsafe fn dequeue(&mut self) -> *mut Sudog {
        loop {
            let sgp = self.first;
            if sgp.is_null() {
                return ptr::null_mut();
            }
            // SAFETY: queued sudogs are valid while the lock is held.
            unsafe {
                let y = (*sgp).next;
                if y.is_null() {
                    self.first = ptr::null_mut();
                    self.last = ptr::null_mut();
                } else {
                    (*y).prev = ptr::null_mut();
                    self.first = y;
                    (*sgp).next = ptr::null_mut();
                }
                if (*sgp).is_select
                    && (*(*sgp).g)
                        .sched
                        .select_done
                        .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
                        .is_err()
                {
                    continue;
                }
            }
            return sgp;
        }
    }

    /// Unlinks `sgp` if it is still queued (select's clean-up).
    ///
    /// # Safety
    /// The channel's lock is held; `sgp` is valid.
    pub unsafe fn dequeue_sudog(&mut self, sgp: *mut Sudog) {
        // SAFETY: caller's contract.
        unsafe {
            let x = (*sgp).prev;
            let y = (*sgp).next;
            if !x.is_null() {
                if !y.is_null() {
                    (*x).next = y;
                    (*y).prev = x;
                    (*sgp).next = ptr::null_mut();
                    (*sgp).prev = ptr::null_mut();
                    return;
                }
                (*x).next = ptr::null_mut();
                self.last = x;
                (*sgp).prev = ptr::null_mut();
                return;
            }
            if !y.is_null() {
                (*y).prev = ptr::null_mut();
                self.first = y;
                (*sgp).next = ptr::null_mut();
                return;
            }
            if self.first == sgp {
                self.first = ptr::null_mut();
                self.last = ptr::null_mut();
            }
        }
    }
}

static HCHAN_MASK: [u8; 1] = [0b100];
/// The descriptor of `hchan`: its only Go pointer is `buf`.
static HCHAN_TYPE: Type =
    Type::with_pointers(HCHAN_SIZE, Kind::Struct, &HCHAN_MASK, "runtime.hchan");

pub(crate) fn plain(msg: &str) -> PanicValue {
    PanicValue::Runtime(RuntimeError::new(msg))
}

/// `make(chan T, size)` (Go's `makechan`); `et` is T's descriptor.
///
/// # Safety
/// `et` is a valid descriptor that outlives the channel.
pub unsafe fn makechan(et: *const Type, size: i64) -> Result<*mut HChan, PanicValue> {
    // SAFETY: caller's contract.
    let t = unsafe { &*et };
    let es = t.size as u64;
    if size < 0 || (es > 0 && (size as u64).checked_mul(es).is_none_or(|b| b > 1 << 48)) {
        return Err(plain("makechan: size out of range"));
    }
    let bytes = (size as u64 * es) as usize;
    // SAFETY: HCHAN_TYPE is a static descriptor; mallocgc zeroes scan
    // objects and objects asked with needzero.
    let c = unsafe {
        if bytes == 0 {
            let c = crate::malloc::mallocgc(HCHAN_SIZE, &HCHAN_TYPE, true) as *mut HChan;
            (*c).buf = c as *mut u8; // race detector's sync address in Go
            c
        } else if t.ptrdata == 0 {
            // Elements have no pointers: one allocation, buffer after.
            let c = crate::malloc::mallocgc(HCHAN_SIZE + bytes, ptr::null(), true) as *mut HChan;
            (*c).buf = (c as *mut u8).add(HCHAN_SIZE);
            c
        } else {
            let c = crate::malloc::mallocgc(HCHAN_SIZE, &HCHAN_TYPE, true) as *mut HChan;
            (*c).buf = crate::malloc::mallocgc(bytes, et, true);
            c
        }
    };
    // SAFETY: c is a fresh, zeroed hchan.
    unsafe {
        (*c).elemsize = t.size as u16;
        (*c).elemtype = et;
        (*c).dataqsiz = size as usize;
    }
    Ok(c)
}

/// Address of buffer slot `i`.
///
/// # Safety
/// `c` is valid and `i < dataqsiz`.
pub(crate) unsafe fn chanbuf(c: *mut HChan, i: usize) -> *mut u8 {
    // SAFETY: caller's contract.
    unsafe { (*c).buf.add(i * (*c).elemsize as usize) }
}

/// Appends `*ep` at the buffer's tail (the caller checked there is room).
///
/// # Safety
/// `c` is locked and `qcount < dataqsiz`; `ep` is valid for the element.
pub(crate) unsafe fn buf_put(c: *mut HChan, ep: *const u8) {
    // SAFETY: caller's contract.
    unsafe {
        copy_elem(chanbuf(c, (*c).sendx), ep, (*c).elemsize as usize);
        (*c).sendx += 1;
        if (*c).sendx == (*c).dataqsiz {
            (*c).sendx = 0;
        }
        (*c).qcount += 1;
    }
}

/// Takes the buffer's head into `ep` (null: drops it) and clears its slot.
///
/// # Safety
/// `c` is locked and `qcount > 0`; `ep` is null or valid for the element.
pub(crate) unsafe fn buf_take(c: *mut HChan, ep: *mut u8) {
    // SAFETY: caller's contract.
    unsafe {
        let es = (*c).elemsize as usize;
        let qp = chanbuf(c, (*c).recvx);
        copy_elem(ep, qp, es);
        clear_elem(qp, es);
        (*c).recvx += 1;
        if (*c).recvx == (*c).dataqsiz {
            (*c).recvx = 0;
        }
        (*c).qcount -= 1;
    }
}

/// # Safety
/// `dst` and `src` are valid for `n` bytes.
pub(crate) unsafe fn copy_elem(dst: *mut u8, src: *const u8, n: usize) {
    if n > 0 && !dst.is_null() && !src.is_null() {
        // SAFETY: caller's contract; regions may be the same but not
        // partially overlap.
        unsafe { ptr::copy(src, dst, n) };
    }
}

/// # Safety
/// `dst` is null or valid for `n` bytes.
pub(crate) unsafe fn clear_elem(dst: *mut u8, n: usize) {
    if n > 0 && !dst.is_null() {
        // SAFETY: caller's contract.
        unsafe { ptr::write_bytes(dst, 0, n) };
    }
}

/// The park commit of channel operations: releases the channel lock once
/// the goroutine is parked (Go's `chanparkcommit`).
unsafe fn chanparkcommit(_gp: *mut G, lockp: *mut u8) -> bool {
    // SAFETY: lockp is the address of a locked hchan's lock word.
    unlock(unsafe { &*(lockp as *const AtomicU32) });
    true
}

/// Whether a send on `c` would block now (read without the lock).
///
/// # Safety
/// `c` is a valid channel.
unsafe fn full(c: *mut HChan) -> bool {
    // SAFETY: caller's contract; racy reads of words, as Go's.
    unsafe {
        if (*c).dataqsiz == 0 {
            return (*c).recvq.first.is_null();
        }
        (*c).qcount == (*c).dataqsiz
    }
}

/// # Safety
/// `c` is a valid channel.
unsafe fn empty(c: *mut HChan) -> bool {
    // SAFETY: as full.
    unsafe {
        if (*c).dataqsiz == 0 {
            return (*c).sendq.first.is_null();
        }
        (*c).qcount == 0
    }
}

/// `c <- *ep` (Go's `chansend`): Ok(true) sent, Ok(false) would block
/// (`!block`), Err(Park) parked (the receiver will complete the send),
/// Err(panic) on a closed channel.
///
/// # Safety
/// `c` is null or a valid channel; `ep` is valid for its element size
/// and, if the goroutine parks, stays valid until it is readied.
pub unsafe fn chansend(c: *mut HChan, ep: *const u8, block: bool) -> Result<bool, PanicValue> {
    if c.is_null() {
        if !block {
            return Ok(false);
        }
        return Err(gopark(None, ptr::null_mut(), WaitReason::ChanSendNilChan));
    }
    // SAFETY: caller's contract; fields under the lock as the invariants say.
    unsafe {
        if !block && (*c).closed.load(Ordering::Relaxed) == 0 && full(c) {
            return Ok(false);
        }
        lock(&(*c).lock);
        if (*c).closed.load(Ordering::Relaxed) != 0 {
            unlock(&(*c).lock);
            return Err(plain("send on closed channel"));
        }
        let sg = (*c).recvq.dequeue();
        if !sg.is_null() {
            send(c, sg, ep);
            return Ok(true);
        }
        if (*c).qcount < (*c).dataqsiz {
            buf_put(c, ep);
            unlock(&(*c).lock);
            return Ok(true);
        }
        if !block {
            unlock(&(*c).lock);
            return Ok(false);
        }
        let gp = getg();
        let mysg = acquire_sudog();
        (*mysg).elem = ep as *mut u8;
        (*mysg).g = gp;
        (*mysg).c = c;
        (*c).sendq.enqueue(mysg);
        Err(gopark(
            Some(chanparkcommit),
            &(*c).lock as *const AtomicU32 as *mut u8,
            WaitReason::ChanSend,
        ))
    }
}

/// Completes a send to the waiting receiver `sg` and readies it; unlocks
/// the channel (Go's `send`).
///
/// # Safety
/// `c` is locked; `sg` was dequeued from its recvq.
pub(crate) unsafe fn send(c: *mut HChan, sg: *mut Sudog, ep: *const u8) {
    // SAFETY: caller's contract; sg's elem points into a parked stack.
    unsafe {
        let es = (*c).elemsize as usize;
        copy_elem((*sg).elem, ep, es);
        (*sg).elem = ptr::null_mut();
        (*sg).success = true;
        if !(*sg).okp.is_null() {
            *(*sg).okp = 1;
        }
        let gp = (*sg).g;
        unlock(&(*c).lock);
        wake(gp, sg);
    }
}

/// Readies the goroutine of a completed sudog: a select learns which case
/// won through `param`; a plain operation's sudog is freed here.
///
/// # Safety
/// `sg` was dequeued by the caller; `gp` is its goroutine.
pub(crate) unsafe fn wake(gp: *mut G, sg: *mut Sudog) {
    // SAFETY: caller's contract.
    unsafe {
        if (*sg).is_select {
            (*gp).sched.param.store(sg, Ordering::Release);
        } else {
            release_sudog(sg);
        }
        goready(gp);
    }
}

/// `*ep, ok = <-c` (Go's `chanrecv`): returns (selected, received).
/// Err(Park): parked (a sender or close completes it, writing `*okp`).
///
/// # Safety
/// `c` is null or valid; `ep` is null or valid for the element size and,
/// if the goroutine parks, stays valid (as does `okp`) until readied.
pub unsafe fn chanrecv(
    c: *mut HChan,
    ep: *mut u8,
    okp: *mut u64,
    block: bool,
) -> Result<(bool, bool), PanicValue> {
    if c.is_null() {
        if !block {
            return Ok((false, false));
        }
        return Err(gopark(
            None,
            ptr::null_mut(),
            WaitReason::ChanReceiveNilChan,
        ));
    }
    // SAFETY: caller's contract; fields under the lock.
    unsafe {
        let es = (*c).elemsize as usize;
        if !block && empty(c) {
            if (*c).closed.load(Ordering::Acquire) == 0 {
                return Ok((false, false));
            }
            if empty(c) {
                clear_elem(ep, es);
                return Ok((true, false));
            }
        }
        lock(&(*c).lock);
        if (*c).closed.load(Ordering::Relaxed) != 0 {
            if (*c).qcount == 0 {
                unlock(&(*c).lock);
                clear_elem(ep, es);
                return Ok((true, false));
            }
        } else {
            let sg = (*c).sendq.dequeue();
            if !sg.is_null() {
                recv(c, sg, ep);
                return Ok((true, true));
            }
        }
        if (*c).qcount > 0 {
            buf_take(c, ep);
            unlock(&(*c).lock);
            return Ok((true, true));
        }
        if !block {
            unlock(&(*c).lock);
            return Ok((false, false));
        }
        let gp = getg();
        let mysg = acquire_sudog();
        (*mysg).elem = ep;
        (*mysg).okp = okp;
        (*mysg).g = gp;
        (*mysg).c = c;
        (*c).recvq.enqueue(mysg);
        Err(gopark(
            Some(chanparkcommit),
            &(*c).lock as *const AtomicU32 as *mut u8,
            WaitReason::ChanReceive,
        ))
    }
}

/// Receives from the waiting sender `sg` (through the buffer when there
/// is one, keeping FIFO order) and readies it; unlocks (Go's `recv`).
///
/// # Safety
/// `c` is locked; `sg` was dequeued from its sendq.
pub(crate) unsafe fn recv(c: *mut HChan, sg: *mut Sudog, ep: *mut u8) {
    // SAFETY: caller's contract.
    unsafe {
        let es = (*c).elemsize as usize;
        if (*c).dataqsiz == 0 {
            copy_elem(ep, (*sg).elem, es);
        } else {
            // The buffer is full: take its head, put the sender's value
            // at the tail (the same slot).
            let qp = chanbuf(c, (*c).recvx);
            copy_elem(ep, qp, es);
            copy_elem(qp, (*sg).elem, es);
            (*c).recvx += 1;
            if (*c).recvx == (*c).dataqsiz {
                (*c).recvx = 0;
            }
            (*c).sendx = (*c).recvx;
        }
        (*sg).elem = ptr::null_mut();
        (*sg).success = true;
        let gp = (*sg).g;
        unlock(&(*c).lock);
        wake(gp, sg);
    }
}

/// `close(c)` (Go's `closechan`): wakes every waiter; receivers get the
/// zero value and ok == false, senders panic.
///
/// # Safety
/// `c` is null or a valid channel.
pub unsafe fn closechan(c: *mut HChan) -> Result<(), PanicValue> {
    if c.is_null() {
        return Err(plain("close of nil channel"));
    }
    // SAFETY: caller's contract.
    unsafe {
        lock(&(*c).lock);
        if (*c).closed.load(Ordering::Relaxed) != 0 {
            unlock(&(*c).lock);
            return Err(plain("close of closed channel"));
        }
        (*c).closed.store(1, Ordering::Release);
        let es = (*c).elemsize as usize;
        let mut glist: Vec<(*mut G, *mut Sudog)> = Vec::new();
        loop {
            let sg = (*c).recvq.dequeue();
            if sg.is_null() {
                break;
            }
            clear_elem((*sg).elem, es);
            (*sg).elem = ptr::null_mut();
            (*sg).success = false;
            if !(*sg).okp.is_null() {
                *(*sg).okp = 0;
            }
            glist.push(((*sg).g, sg));
        }
        loop {
            let sg = (*c).sendq.dequeue();
            if sg.is_null() {
                break;
            }
            (*sg).elem = ptr::null_mut();
            (*sg).success = false;
            if !(*sg).is_select {
                (*(*sg).g).sched.resume = proc::Resume::Panic(plain("send on closed channel"));
            }
            glist.push(((*sg).g, sg));
        }
        unlock(&(*c).lock);
        for (gp, sg) in glist {
            wake(gp, sg);
        }
    }
    Ok(())
}

/// `len(c)`.
///
/// # Safety
/// `c` is null or valid.
pub unsafe fn chanlen(c: *mut HChan) -> usize {
    if c.is_null() {
        return 0;
    }
    // SAFETY: caller's contract; a racy read, as Go's.
    unsafe {
        if (*c).is_timer != 0 {
            return 0;
        }
        (*c).qcount
    }
}

/// `cap(c)`.
///
/// # Safety
/// `c` is null or valid.
pub unsafe fn chancap(c: *mut HChan) -> usize {
    if c.is_null() {
        return 0;
    }
    // SAFETY: caller's contract.
    unsafe {
        if (*c).is_timer != 0 {
            return 0;
        }
        (*c).dataqsiz
    }
}

/// Drops a buffered value of a timer channel (Stop/Reset in Go 1.23
/// guarantee no stale tick is received afterwards); returns whether
/// there was one (Go's `timerchandrain`).
///
/// # Safety
/// `c` is a valid channel.
pub unsafe fn drain(c: *mut HChan) -> bool {
    // SAFETY: caller's contract.
    unsafe {
        lock(&(*c).lock);
        let n = (*c).qcount;
        for _ in 0..n {
            buf_take(c, ptr::null_mut());
        }
        unlock(&(*c).lock);
        n > 0
    }
}

// ---------------------------------------------------------------------
// Natives (window layouts are the compiler's; see rgo-compile).

type R = Result<(), PanicValue>;

pub(crate) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("runtime.makechan", n_makechan, 3),
    ("runtime.chansend", n_chansend, 1),
    ("runtime.chanrecv", n_chanrecv, 2),
    ("runtime.closechan", n_closechan, 1),
    ("runtime.chanlen", n_chanlen, 2),
    ("runtime.chancap", n_chancap, 2),
];

/// `[res c][elem type][size]`.
unsafe fn n_makechan(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 3 slots; slot 1 is a descriptor the compiler made.
    unsafe {
        let c = makechan(*w.add(1) as *const Type, *w.add(2) as i64)?;
        *w = c as u64;
    }
    Ok(())
}

/// `[c][elem...]`.
unsafe fn n_chansend(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the compiler gives the window the element's slots after c.
    unsafe { chansend(*w as *mut HChan, w.add(1) as *const u8, true).map(|_| ()) }
}

/// `[ok][c][elem...]`.
unsafe fn n_chanrecv(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the compiler gives the window the element's slots after c.
    unsafe {
        let (_, ok) = chanrecv(*w.add(1) as *mut HChan, w.add(2) as *mut u8, w, true)?;
        *w = ok as u64;
    }
    Ok(())
}

/// `[c]`.
unsafe fn n_closechan(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 1 slot.
    unsafe { closechan(*w as *mut HChan) }
}

/// `[res][c]`.
unsafe fn n_chanlen(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    unsafe { *w = chanlen(*w.add(1) as *mut HChan) as u64 };
    Ok(())
}

/// `[res][c]`.
unsafe fn n_chancap(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: window of 2 slots.
    unsafe { *w = chancap(*w.add(1) as *mut HChan) as u64 };
    Ok(())
}
