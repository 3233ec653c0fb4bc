package sync

import "sync/atomic"

// Once runs a function a single time, however many goroutines ask.
type Once struct {
	_ noCopy

	done atomic.Uint32 // 1 once the function has returned or panicked
	m    Mutex
}

// Do calls f if no Do call on o has called a function yet. Every Do waits
// until that single call has finished; a panic in f counts as finished.
func (o *Once) Do(f func()) {
	if o.done.Load() != 0 {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if o.done.Load() != 0 {
		return
	}
	defer o.done.Store(1)
	f()
}

// onceResult records how the single call of a OnceFunc-style wrapper
// ended: normally, or with the recovered panic value.
type onceResult struct {
	once     Once
	finished bool // f returned normally
	panicked any  // what f panicked with, if it did not finish
}

// run calls body once under o's Once; a panic is recorded and re-raised so
// the first caller sees it where f failed.
func (o *onceResult) run(body func()) {
	o.once.Do(func() {
		defer func() {
			if !o.finished {
				o.panicked = recover()
				panic(o.panicked)
			}
		}()
		body()
		o.finished = true
	})
	if !o.finished {
		panic(o.panicked)
	}
}

// OnceFunc wraps f so that it runs at most once, whoever calls the result
// and however often. If f panics, every call panics with the same value.
func OnceFunc(f func()) func() {
	state := new(onceResult)
	return func() {
		state.run(func() {
			f()
			f = nil
		})
	}
}

// OnceValue wraps f so that it runs at most once; every call returns its
// result (or panics with its panic value).
func OnceValue[T any](f func() T) func() T {
	state := new(onceResult)
	var value T
	return func() T {
		state.run(func() {
			value = f()
			f = nil
		})
		return value
	}
}

// OnceValues is OnceValue for a function with two results.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	state := new(onceResult)
	var first T1
	var second T2
	return func() (T1, T2) {
		state.run(func() {
			first, second = f()
			f = nil
		})
		return first, second
	}
}
