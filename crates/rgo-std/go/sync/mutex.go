package sync

import (
	"sync/atomic"
)

// Locker is anything with Lock and Unlock methods.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock. The zero value for a Mutex is an
// unlocked mutex. A Mutex must not be copied after first use.
//
// state packs, from the low bit: mutexLocked, mutexWoken, mutexStarving,
// then the number of goroutines waiting on sema.
//
// Normal mode: waiters queue FIFO, but a woken waiter competes with
// arriving goroutines (which already run on a CPU) and usually loses; it
// is then queued at the front. A waiter that fails for more than
// starvationThresholdNs switches the mutex to starvation mode.
//
// Starvation mode: Unlock hands the mutex straight to the waiter at the
// front; arrivals neither spin nor try to grab it, they queue at the tail.
// The last waiter, or one that waited less than the threshold, switches
// back to normal mode.
type Mutex struct {
	state int32
	sema  uint32
}

const (
	mutexLocked = 1 << iota // mutex is locked
	mutexWoken
	mutexStarving
	mutexWaiterShift = iota

	starvationThresholdNs = 1e6
)

// Lock locks m. If the lock is already in use, the calling goroutine
// blocks until the mutex is available.
func (m *Mutex) Lock() {
	if atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked) {
		return
	}
	m.lockSlow()
}

// TryLock takes m if it is free, without waiting, and reports whether it
// did.
func (m *Mutex) TryLock() bool {
	old := m.state
	if old&(mutexLocked|mutexStarving) != 0 {
		return false
	}
	return atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked)
}

func (m *Mutex) lockSlow() {
	var waitStart int64
	starving := false
	awoke := false
	iter := 0
	old := m.state
	for {
		// Spin while locked in normal mode, announcing ourselves as woken
		// so Unlock does not wake another waiter.
		if old&(mutexLocked|mutexStarving) == mutexLocked && runtime_canSpin(iter) {
			if !awoke && old&mutexWoken == 0 && old>>mutexWaiterShift != 0 &&
				atomic.CompareAndSwapInt32(&m.state, old, old|mutexWoken) {
				awoke = true
			}
			runtime_doSpin()
			iter++
			old = m.state
			continue
		}
		new := old
		if old&mutexStarving == 0 {
			new |= mutexLocked // don't grab a starving mutex
		}
		if old&(mutexLocked|mutexStarving) != 0 {
			new += 1 << mutexWaiterShift
		}
		if starving && old&mutexLocked != 0 {
			new |= mutexStarving
		}
		if awoke {
			if new&mutexWoken == 0 {
				throw("sync: inconsistent mutex state")
			}
			new &^= mutexWoken
		}
		if !atomic.CompareAndSwapInt32(&m.state, old, new) {
			old = m.state
			continue
		}
		if old&(mutexLocked|mutexStarving) == 0 {
			return // locked with CAS
		}
		queueLifo := waitStart != 0
		if waitStart == 0 {
			waitStart = runtime_nanotime()
		}
		runtime_SemacquireMutex(&m.sema, queueLifo, 2)
		starving = starving || runtime_nanotime()-waitStart > starvationThresholdNs
		old = m.state
		if old&mutexStarving != 0 {
			// Ownership was handed to us; fix up the state.
			if old&(mutexLocked|mutexWoken) != 0 || old>>mutexWaiterShift == 0 {
				throw("sync: inconsistent mutex state")
			}
			delta := int32(mutexLocked - 1<<mutexWaiterShift)
			if !starving || old>>mutexWaiterShift == 1 {
				delta -= mutexStarving // leave starvation mode
			}
			atomic.AddInt32(&m.state, delta)
			return
		}
		awoke = true
		iter = 0
	}
}

// Unlock unlocks m. It is a run-time error if m is not locked on entry to
// Unlock. A locked Mutex is not associated with a particular goroutine.
func (m *Mutex) Unlock() {
	new := atomic.AddInt32(&m.state, -mutexLocked)
	if new != 0 {
		m.unlockSlow(new)
	}
}

func (m *Mutex) unlockSlow(new int32) {
	if (new+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	if new&mutexStarving != 0 {
		runtime_Semrelease(&m.sema, true, 2) // hand off to the front waiter
		return
	}
	old := new
	for {
		// Nobody to wake, or someone is already woken, locked or starving.
		if old>>mutexWaiterShift == 0 || old&(mutexLocked|mutexWoken|mutexStarving) != 0 {
			return
		}
		new = (old - 1<<mutexWaiterShift) | mutexWoken
		if atomic.CompareAndSwapInt32(&m.state, old, new) {
			runtime_Semrelease(&m.sema, false, 2)
			return
		}
		old = m.state
	}
}
