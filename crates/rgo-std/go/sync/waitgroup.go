package sync

import "sync/atomic"

// WaitGroup lets goroutines wait until a count of pending tasks drops to
// zero.
//
// The state word holds the task count in its upper 32 bits and the number
// of goroutines sleeping in Wait in its lower 32 bits, so both change in
// one atomic step; sleepers park on sema.
type WaitGroup struct {
	noCopy noCopy

	state atomic.Uint64
	sema  uint32
}

const misuseAddWait = "sync: WaitGroup misuse: Add called concurrently with Wait"

// Add changes the task count by delta. When it reaches zero every waiter is
// released; when it goes below zero Add panics.
func (wg *WaitGroup) Add(delta int) {
	now := wg.state.Add(uint64(delta) << 32)
	tasks, sleepers := int32(now>>32), uint32(now)
	switch {
	case tasks < 0:
		panic("sync: negative WaitGroup counter")
	case sleepers != 0 && delta > 0 && tasks == int32(delta):
		// The first Add of a round raced with a Wait.
		panic(misuseAddWait)
	case tasks > 0 || sleepers == 0:
		return
	}
	if wg.state.Load() != now {
		panic(misuseAddWait)
	}
	wg.state.Store(0)
	wg.wake(sleepers)
}

// wake releases n goroutines sleeping in Wait.
func (wg *WaitGroup) wake(n uint32) {
	for k := uint32(0); k < n; k++ {
		runtime_Semrelease(&wg.sema, false, 0)
	}
}

// Done marks one task finished: Add(-1).
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait returns once the task count is zero.
func (wg *WaitGroup) Wait() {
	for {
		seen := wg.state.Load()
		if seen>>32 == 0 {
			return
		}
		if !wg.state.CompareAndSwap(seen, seen+1) {
			continue
		}
		runtime_SemacquireWaitGroup(&wg.sema)
		if wg.state.Load() != 0 {
			panic("sync: WaitGroup is reused before previous Wait has returned")
		}
		return
	}
}

// Go runs f on a new goroutine as one more task of wg.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go wg.run(f)
}

// run is the body of a goroutine started by Go.
func (wg *WaitGroup) run(f func()) {
	defer wg.Done()
	f()
}

// noCopy marks structs that vet's copylocks check must not let be copied.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}
