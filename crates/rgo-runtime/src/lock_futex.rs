//! Runtime locks and one-shot sleeps on Linux futexes (Go's
//! lock_futex.go): `lock`/`unlock` of a `mutex` word that may live inside
//! a Go heap object (an `hchan`'s lock, a semaphore root's lock), and
//! `Note`, the sleep/wakeup an M uses when it has nothing to run.
//!
//! Invariants:
//! - a mutex word is `UNLOCKED` (0), `LOCKED` (1) or `SLEEPING` (2: locked
//!   and some thread may sleep in futex_wait on it); only the holder
//!   unlocks, and an unlock that finds `SLEEPING` wakes one sleeper;
//! - runtime locks are leaf-ordered as in Go: a thread holding a channel
//!   lock takes no scheduler lock other than the run-queue and P-list
//!   locks, which never take a channel lock; so no cycles.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

const UNLOCKED: u32 = 0;
const LOCKED: u32 = 1;
const SLEEPING: u32 = 2;

/// Spins before sleeping in `lock` (Go: `active_spin` * `passive_spin`).
const ACTIVE_SPIN: u32 = 4;
const PASSIVE_SPIN: u32 = 1;

fn futex_wait(addr: &AtomicU32, val: u32, timeout: Option<Duration>) {
    let ts;
    let tsp = match timeout {
        Some(d) => {
            ts = libc::timespec {
                tv_sec: d.as_secs().min(i64::MAX as u64) as libc::time_t,
                tv_nsec: d.subsec_nanos() as libc::c_long,
            };
            &ts as *const libc::timespec
        }
        None => std::ptr::null(),
    };
    // SAFETY: FUTEX_WAIT_PRIVATE reads the aligned u32 at addr (an
    // AtomicU32 we borrow) and the optional timespec on our stack; it
    // writes nothing. A spurious or interrupted return is fine: callers
    // loop.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            addr.as_ptr(),
            libc::FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG,
            val,
            tsp,
        );
    }
}

fn futex_wake(addr: &AtomicU32, n: i32) {
    // SAFETY: FUTEX_WAKE_PRIVATE only uses the address as a key.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            addr.as_ptr(),
            libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG,
            n,
        );
    }
}

/// Takes the runtime mutex `l` (Go's `lock2`).
pub fn lock(l: &AtomicU32) {
    let mut v = l.swap(LOCKED, Ordering::Acquire);
    if v == UNLOCKED {
        return;
    }
    // v is LOCKED or SLEEPING; if we ever sleep we must leave SLEEPING
    // behind so the unlocker knows to wake.
    let mut wait = v;
    loop {
        for _ in 0..ACTIVE_SPIN {
            while l.load(Ordering::Relaxed) == UNLOCKED {
                if l.compare_exchange(UNLOCKED, wait, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
                {
                    return;
                }
            }
            for _ in 0..30 {
                std::hint::spin_loop();
            }
        }
        for _ in 0..PASSIVE_SPIN {
            while l.load(Ordering::Relaxed) == UNLOCKED {
                if l.compare_exchange(UNLOCKED, wait, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
                {
                    return;
                }
            }
            std::thread::yield_now();
        }
        v = l.swap(SLEEPING, Ordering::Acquire);
        if v == UNLOCKED {
            return;
        }
        wait = SLEEPING;
        futex_wait(l, SLEEPING, None);
    }
}

/// Releases the runtime mutex `l` (Go's `unlock2`).
pub fn unlock(l: &AtomicU32) {
    let v = l.swap(UNLOCKED, Ordering::Release);
    if v == UNLOCKED {
        crate::panic::throw("unlock of unlocked lock");
    }
    if v == SLEEPING {
        futex_wake(l, 1);
    }
}

/// A one-shot sleep/wakeup event (Go's `note`): `sleep` returns once
/// `wakeup` has been called since the last `clear`.
#[derive(Default)]
pub struct Note {
    key: AtomicU32,
}

impl Note {
    pub const fn new() -> Note {
        Note {
            key: AtomicU32::new(0),
        }
    }

    /// Re-arms the note (Go's `noteclear`); no sleeper may be waiting.
    pub fn clear(&self) {
        self.key.store(0, Ordering::Relaxed);
    }

    /// Signals the note; wakes its sleeper if any.
    pub fn wakeup(&self) {
        if self.key.swap(1, Ordering::Release) == 0 {
            futex_wake(&self.key, 1);
        }
    }

    /// Sleeps until woken.
    pub fn sleep(&self) {
        while self.key.load(Ordering::Acquire) == 0 {
            futex_wait(&self.key, 0, None);
        }
    }

    /// Sleeps until woken or until `ns` nanoseconds have passed (not at
    /// all if `ns <= 0`); reports whether it was woken.
    pub fn sleep_timeout(&self, ns: i64) -> bool {
        if ns <= 0 {
            return self.key.load(Ordering::Acquire) != 0;
        }
        let deadline = crate::time::nanotime().saturating_add(ns);
        loop {
            if self.key.load(Ordering::Acquire) != 0 {
                return true;
            }
            let left = deadline - crate::time::nanotime();
            if left <= 0 {
                return self.key.load(Ordering::Acquire) != 0;
            }
            futex_wait(&self.key, 0, Some(Duration::from_nanos(left as u64)));
        }
    }
}
