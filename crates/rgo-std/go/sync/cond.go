package sync

import (
	"sync/atomic"
	"unsafe"
)

// Cond is a condition variable: goroutines wait on it for an event that
// other goroutines announce with Signal or Broadcast.
type Cond struct {
	noCopy noCopy

	// L must be held while the condition is checked or changed.
	L Locker

	waiters notifyList
	checker copyChecker
}

// NewCond returns a Cond whose L is l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait releases c.L, sleeps until woken by Signal or Broadcast, and takes
// c.L again before it returns. The ticket is taken before c.L is released
// so a wake-up sent in between is not lost.
func (c *Cond) Wait() {
	c.checker.verify()
	ticket := runtime_notifyListAdd(&c.waiters)
	c.L.Unlock()
	runtime_notifyListWait(&c.waiters, ticket)
	c.L.Lock()
}

// Signal wakes the longest-waiting goroutine, if any.
func (c *Cond) Signal() {
	c.checker.verify()
	runtime_notifyListNotifyOne(&c.waiters)
}

// Broadcast wakes every waiting goroutine.
func (c *Cond) Broadcast() {
	c.checker.verify()
	runtime_notifyListNotifyAll(&c.waiters)
}

// copyChecker remembers the address of its first use; used at any other
// address, the Cond holding it has been copied.
type copyChecker uintptr

func (c *copyChecker) verify() {
	here := uintptr(unsafe.Pointer(c))
	if uintptr(*c) == here {
		return
	}
	// First use claims the address; a racing first use may have claimed it
	// just before us, so look once more after a failed claim.
	if atomic.CompareAndSwapUintptr((*uintptr)(c), 0, here) || uintptr(*c) == here {
		return
	}
	panic("sync.Cond is copied")
}
