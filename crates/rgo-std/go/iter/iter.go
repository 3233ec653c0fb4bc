// Package iter defines the function types that range-over-func loops
// accept, and Pull, which turns such a push sequence into a pull one.
//
// rgo: plain Go. Pull runs the sequence on a goroutine of its own and
// hands control back and forth over channels (a coro), so that exactly one
// of the caller and the sequence runs at any time: the semantics of Go's
// runtime coroutines, with the scheduler doing the switches.
package iter

import "runtime"

// Seq is a sequence of single values: it calls yield with each value
// until yield returns false or the values run out.
type Seq[V any] func(yield func(V) bool)

// Seq2 is a sequence of pairs, delivered like Seq delivers values.
type Seq2[K, V any] func(yield func(K, V) bool)

// coro is a coroutine on a goroutine of its own. Control passes between
// its caller and it through two unbuffered channels; inside says which
// side runs (only that side reads or writes the coro's state).
type coro struct {
	body    func(*coro)
	started bool
	inside  bool
	wake    chan struct{} // the caller hands control to the coroutine
	back    chan struct{} // the coroutine hands control back
}

// newcoro makes a coroutine that runs f(c) on the first coroswitch.
func newcoro(f func(*coro)) *coro {
	return &coro{body: f, wake: make(chan struct{}), back: make(chan struct{})}
}

// coroswitch passes control to the other side of c and waits until it
// comes back: from the caller into the coroutine (starting it the first
// time), or from the coroutine back to the caller.
func coroswitch(c *coro) {
	if c.inside {
		c.inside = false
		c.back <- struct{}{}
		<-c.wake
		return
	}
	c.inside = true
	if c.started {
		c.wake <- struct{}{}
	} else {
		c.started = true
		go c.main()
	}
	<-c.back
}

// main is the coroutine goroutine: it runs the body and, however the body
// ends (return or runtime.Goexit), gives control back for good.
func (c *coro) main() {
	defer func() {
		c.inside = false
		coroExiting()
		c.back <- struct{}{}
	}()
	c.body(c)
}

// coroExiting tells the runtime that this goroutine ends with the next
// hand-over: it is no longer counted by runtime.NumGoroutine, as Go's
// coroutine is gone once its caller runs again.
func coroExiting()

// puller is the state shared by the next and stop functions of one Pull
// and the coroutine that runs the sequence.
type puller[V any] struct {
	co       *coro
	who      string // "iter.Pull" or "iter.Pull2", for the panic texts
	val      V
	ok       bool
	done     bool // the sequence ended, or stop was called
	wanted   bool // next waits for the sequence to yield
	returned bool // the sequence returned normally
	failure  any  // the sequence's panic (or goexitSentinel) for the caller
}

// run is the coroutine body: it runs the sequence once, unless stop came
// first.
func (p *puller[V]) run(seq Seq[V]) {
	if p.done {
		return
	}
	defer p.settle()
	seq(p.yield)
	var zero V
	p.val, p.ok = zero, false
	p.returned = true
}

// settle records how the sequence ended when it did not return normally.
func (p *puller[V]) settle() {
	if r := recover(); r != nil {
		p.failure = r
	} else if !p.returned {
		p.failure = goexitSentinel // runtime.Goexit in the sequence
	}
	p.done = true
}

// yield hands one value to the waiting next and suspends the sequence.
func (p *puller[V]) yield(v V) bool {
	if p.done {
		return false
	}
	if !p.wanted {
		panic(p.who + ": yield called again before next")
	}
	p.wanted = false
	p.val, p.ok = v, true
	coroswitch(p.co)
	return !p.done
}

func (p *puller[V]) next() (V, bool) {
	if p.done {
		var zero V
		return zero, false
	}
	if p.wanted {
		panic(p.who + ": next called again before yield")
	}
	p.wanted = true
	coroswitch(p.co)
	rethrow(p.failure)
	return p.val, p.ok
}

func (p *puller[V]) stop() {
	if !p.done {
		p.done = true
		coroswitch(p.co)
		rethrow(p.failure)
	}
}

func pull[V any](seq Seq[V], who string) *puller[V] {
	p := &puller[V]{who: who}
	p.co = newcoro(func(*coro) { p.run(seq) })
	return p
}

// Pull runs seq as a coroutine and returns next, which fetches the next
// value (ok false once seq is exhausted), and stop, which ends seq early.
// A panic in seq is re-raised in the caller of next or stop. next and stop
// must not be called concurrently or from inside seq.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	p := pull(seq, "iter.Pull")
	return p.next, p.stop
}

// Pull2 is Pull for a sequence of pairs.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	type pair struct {
		k K
		v V
	}
	p := pull(func(yield func(pair) bool) {
		seq(func(k K, v V) bool { return yield(pair{k, v}) })
	}, "iter.Pull2")
	next = func() (K, V, bool) {
		got, ok := p.next()
		return got.k, got.v, ok
	}
	return next, p.stop
}

// goexitSentinel stands for "the sequence called runtime.Goexit".
var goexitSentinel = new(int)

// rethrow re-raises in the caller what the sequence failed with: its panic
// value, or Goexit for the sentinel.
func rethrow(failure any) {
	switch {
	case failure == nil:
	case failure == goexitSentinel:
		runtime.Goexit()
	default:
		panic(failure)
	}
}
