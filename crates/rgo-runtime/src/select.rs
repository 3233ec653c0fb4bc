//! `select` (Go's select.go): poll the cases in a random order, lock the
//! channels in address order, and if none is ready enqueue one sudog on
//! every channel and park; the first operation to dequeue one of them
//! wins (CAS on the goroutine's `select_done`) and completes that case.
//!
//! Invariants:
//! - `pollorder` is a uniformly random permutation of the cases with a
//!   channel (Go's cheaprandn shuffle); nil-channel cases never fire;
//! - channels are locked in `lockorder` (ascending address, each channel
//!   once) and unlocked in reverse, so two selects cannot deadlock;
//! - while parked, the goroutine's sudogs are on every case's channel;
//!   on wake-up it re-locks all of them, takes its other sudogs off, and
//!   learns the winning case from `param` ([`finish`]).
//!
//! The compiler's window for `runtime.selectgo`:
//! `[chosen][recvOK][ncases][block]` then per case `[c][dir][elem]`
//! (dir 1 send, 2 receive; elem: slot offset from the window start of the
//! value to send or where to receive), then the elements' slots.

use std::ptr;
use std::sync::atomic::Ordering;

use crate::chan::{
    acquire_sudog, buf_put, buf_take, clear_elem, plain, release_sudog, HChan, Sudog,
};
use crate::interp::{GState, NativeFn, PanicValue, G};
use crate::lock_futex::{lock, unlock};
use crate::proc::{getg, gopark, Resume, WaitReason};

const DIR_SEND: u64 = 1;

/// What a parked select needs when it wakes.
pub struct SelectResume {
    /// Where `chosen` and `recvOK` go: the first two words of the
    /// native's window (in the parked goroutine's stack).
    w: *mut u64,
    cases: Vec<Case>,
    /// Case indices in lock order, and the sudog of each.
    lockorder: Vec<usize>,
    sudogs: Vec<*mut Sudog>,
}

/// One case of a select: a nil `c` never fires; `elem` is the value to
/// send or where to receive (in a stack window, or heap memory for
/// reflect.Select).
#[derive(Clone, Copy)]
pub struct Case {
    pub c: *mut HChan,
    pub send: bool,
    pub elem: *mut u8,
}

/// Reads the cases from the window.
///
/// # Safety
/// `w` is a select window as the module comment describes.
unsafe fn cases(w: *mut u64) -> Vec<Case> {
    // SAFETY: caller's contract.
    unsafe {
        let n = *w.add(2) as usize;
        (0..n)
            .map(|i| {
                let b = w.add(4 + 3 * i);
                Case {
                    c: *b as *mut HChan,
                    send: *b.add(1) == DIR_SEND,
                    elem: w.add(*b.add(2) as usize) as *mut u8,
                }
            })
            .collect()
    }
}

/// # Safety
/// Every case's channel in `order` is valid.
unsafe fn sellock(cs: &[Case], order: &[usize]) {
    let mut last: *mut HChan = ptr::null_mut();
    for &i in order {
        let c = cs[i].c;
        if c != last {
            last = c;
            // SAFETY: caller's contract.
            lock(unsafe { &(*c).lock });
        }
    }
}

/// # Safety
/// The channels were locked by [`sellock`] with the same order.
unsafe fn selunlock(cs: &[Case], order: &[usize]) {
    for k in (0..order.len()).rev() {
        let c = cs[order[k]].c;
        if k > 0 && c == cs[order[k - 1]].c {
            continue; // unlock each channel once, at its first entry
        }
        // SAFETY: caller's contract.
        unlock(unsafe { &(*c).lock });
    }
}

/// Runs a compiled select; writes `chosen` (-1: default) and `recvOK`
/// into the window, or parks.
///
/// # Safety
/// `w` is a select window.
pub unsafe fn selectgo(w: *mut u64) -> Result<(), PanicValue> {
    // SAFETY: caller's contract.
    unsafe {
        let (cs, block) = (cases(w), *w.add(3) != 0);
        select_cases(w, cs, block)
    }
}

/// Runs a select over `cs` (the compiled one's or reflect.Select's);
/// writes `chosen` (-1: default, only when not `block`) to `out[0]` and
/// `recvOK` to `out[1]`, or parks and writes them when woken.
///
/// # Safety
/// `out` points at two words that stay put while the goroutine is parked
/// (its stack window); every case's channel is nil or valid and its elem
/// points at a value of the channel's element type.
pub unsafe fn select_cases(w: *mut u64, cs: Vec<Case>, block: bool) -> Result<(), PanicValue> {
    let mut pollorder: Vec<usize> = Vec::with_capacity(cs.len());
    for (i, cas) in cs.iter().enumerate() {
        if cas.c.is_null() {
            continue;
        }
        let j = crate::alg::cheaprandn(pollorder.len() as u32 + 1) as usize;
        pollorder.push(i);
        let n = pollorder.len() - 1;
        pollorder.swap(n, j);
    }
    if pollorder.is_empty() {
        if !block {
            // SAFETY: results of the window.
            unsafe {
                *w = -1i64 as u64;
                *w.add(1) = 0;
            }
            return Ok(());
        }
        return Err(gopark(None, ptr::null_mut(), WaitReason::Select));
    }
    let mut lockorder = pollorder.clone();
    lockorder.sort_by_key(|&i| cs[i].c as usize);
    // SAFETY: channels of the cases are valid (compiled code passes
    // channel values); elems point into the window.
    unsafe {
        sellock(&cs, &lockorder);
        // Pass 1: a case that can proceed now.
        for &i in &pollorder {
            let cas = cs[i];
            let c = cas.c;
            let es = (*c).elemsize as usize;
            if cas.send {
                if (*c).closed.load(Ordering::Relaxed) != 0 {
                    selunlock(&cs, &lockorder);
                    return Err(plain("send on closed channel"));
                }
                let sg = (*c).recvq.dequeue();
                if !sg.is_null() {
                    selunlock_except(&cs, &lockorder, c);
                    crate::chan::send(c, sg, cas.elem);
                    done(w, i, false);
                    return Ok(());
                }
                if (*c).qcount < (*c).dataqsiz {
                    buf_put(c, cas.elem);
                    selunlock(&cs, &lockorder);
                    done(w, i, false);
                    return Ok(());
                }
            } else {
                let sg = (*c).sendq.dequeue();
                if !sg.is_null() {
                    selunlock_except(&cs, &lockorder, c);
                    crate::chan::recv(c, sg, cas.elem);
                    done(w, i, true);
                    return Ok(());
                }
                if (*c).qcount > 0 {
                    buf_take(c, cas.elem);
                    selunlock(&cs, &lockorder);
                    done(w, i, true);
                    return Ok(());
                }
                if (*c).closed.load(Ordering::Relaxed) != 0 {
                    selunlock(&cs, &lockorder);
                    clear_elem(cas.elem, es);
                    done(w, i, false);
                    return Ok(());
                }
            }
        }
        if !block {
            selunlock(&cs, &lockorder);
            *w = -1i64 as u64;
            *w.add(1) = 0;
            return Ok(());
        }
        // Pass 2: enqueue on every channel and park.
        let gp = getg();
        (*gp).sched.select_done.store(0, Ordering::Release);
        (*gp).sched.param.store(ptr::null_mut(), Ordering::Release);
        let mut sudogs = Vec::with_capacity(lockorder.len());
        for &i in &lockorder {
            let cas = cs[i];
            let sg = acquire_sudog();
            (*sg).g = gp;
            (*sg).is_select = true;
            (*sg).elem = cas.elem;
            (*sg).c = cas.c;
            (*sg).casi = i;
            if cas.send {
                (*cas.c).sendq.enqueue(sg);
            } else {
                (*cas.c).recvq.enqueue(sg);
            }
            sudogs.push(sg);
        }
        (*gp).sched.resume = Resume::Select(SelectResume {
            w,
            cases: cs,
            lockorder,
            sudogs,
        });
        Err(gopark(
            Some(selparkcommit),
            ptr::null_mut(),
            WaitReason::Select,
        ))
    }
}

/// Unlocks every channel but `keep` (its lock is released by the
/// send/receive completion).
///
/// # Safety
/// As [`selunlock`].
unsafe fn selunlock_except(cs: &[Case], order: &[usize], keep: *mut HChan) {
    let mut last: *mut HChan = ptr::null_mut();
    for &i in order.iter().rev() {
        let c = cs[i].c;
        if c == last || c == keep {
            last = c;
            continue;
        }
        last = c;
        // SAFETY: caller's contract.
        unlock(unsafe { &(*c).lock });
    }
}

/// # Safety
/// `w` is a select window.
unsafe fn done(w: *mut u64, casi: usize, recv_ok: bool) {
    // SAFETY: caller's contract.
    unsafe {
        *w = casi as u64;
        *w.add(1) = recv_ok as u64;
    }
}

/// Unlocks a parked select's channels once it is parked (Go's
/// `selparkcommit`).
unsafe fn selparkcommit(gp: *mut G, _: *mut u8) -> bool {
    // SAFETY: gp is the parking select's goroutine; its resume record
    // names the window and lock order it locked with.
    unsafe {
        let Resume::Select(r) = &(*gp).sched.resume else {
            return true;
        };
        selunlock(&r.cases, &r.lockorder);
    }
    true
}

/// The woken select: take the other sudogs off their channels and report
/// the winning case (pass 3 of Go's selectgo).
pub fn finish(g: &mut G, r: SelectResume) -> Result<(), PanicValue> {
    // SAFETY: the window is in g's stack, untouched while it was parked;
    // the channels are the cases' (valid).
    unsafe {
        let cs = r.cases;
        sellock(&cs, &r.lockorder);
        g.sched.select_done.store(0, Ordering::Release);
        let won = g.sched.param.swap(ptr::null_mut(), Ordering::AcqRel);
        let mut result: Option<(usize, bool)> = None;
        for (k, &i) in r.lockorder.iter().enumerate() {
            let sg = r.sudogs[k];
            if sg == won {
                result = Some((i, (*sg).success));
            } else {
                let c = cs[i].c;
                if cs[i].send {
                    (*c).sendq.dequeue_sudog(sg);
                } else {
                    (*c).recvq.dequeue_sudog(sg);
                }
            }
        }
        selunlock(&cs, &r.lockorder);
        for &sg in &r.sudogs {
            release_sudog(sg);
        }
        let Some((casi, success)) = result else {
            crate::panic::throw("selectgo: bad wakeup");
        };
        if cs[casi].send && !success {
            return Err(plain("send on closed channel"));
        }
        done(r.w, casi, !cs[casi].send && success);
    }
    Ok(())
}

type R = Result<(), PanicValue>;

pub(crate) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("runtime.selectgo", n_selectgo, 4),
    ("runtime.block", n_block, 0),
];

unsafe fn n_selectgo(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the compiler builds the window as the module comment says.
    unsafe { selectgo(w) }
}

/// `select {}`.
unsafe fn n_block(_: &mut GState, _: *mut u64) -> R {
    Err(gopark(None, ptr::null_mut(), WaitReason::SelectNoCases))
}
