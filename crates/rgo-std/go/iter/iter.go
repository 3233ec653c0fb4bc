// Package iter defines the function types that range-over-func loops
// accept, and Pull, which turns such a push sequence into a pull one.
//
// rgo: Seq/Seq2 are plain types; Pull and Pull2 are plain Go on top of two
// runtime coroutine natives, newcoro and coroswitch (as Go's runtime
// provides them to iter): coroswitch transfers control between the caller
// and the coroutine goroutine without going through the scheduler.
package iter

// Seq is a sequence of single values: it calls yield with each value
// until yield returns false or the values run out.
type Seq[V any] func(yield func(V) bool)

// Seq2 is a sequence of pairs, delivered like Seq delivers values.
type Seq2[K, V any] func(yield func(K, V) bool)

// coro is a runtime coroutine; its layout belongs to the runtime.
type coro struct{}

// newcoro creates a coroutine that will run f(c) on its first coroswitch.
func newcoro(f func(*coro)) *coro

// coroswitch switches to the other side of c: from the caller to the
// coroutine or back.
func coroswitch(c *coro)

// puller is the state shared by the next and stop functions of one Pull
// and the coroutine that runs the sequence.
type puller[V any] struct {
	co       *coro
	val      V
	has      bool
	finished bool // the sequence returned, or stop was called
	asked    bool // next is waiting for the coroutine to yield
	inside   bool // the caller is switched into the coroutine
	returned bool // the sequence returned normally
	failure  any  // the sequence's panic (or goexitSentinel) for the caller
}

// run is the coroutine body: it runs the sequence once.
func (p *puller[V]) run(seq Seq[V]) {
	defer p.settle()
	if !p.finished {
		seq(p.yield)
	}
	var zero V
	p.val, p.has = zero, false
	p.finished, p.returned = true, true
}

// settle records how the sequence ended when it did not return normally.
func (p *puller[V]) settle() {
	if r := recover(); r != nil {
		p.failure = r
	} else if !p.returned {
		p.failure = goexitSentinel // runtime.Goexit in the sequence
	}
	p.finished, p.inside = true, false
}

// yield hands one value to the waiting next and suspends the sequence.
func (p *puller[V]) yield(v V) bool {
	if p.finished {
		return false
	}
	if !p.asked {
		panic("iter.Pull: yield called again before next")
	}
	p.asked = false
	p.val, p.has = v, true
	coroswitch(p.co)
	return !p.finished
}

// enter switches into the coroutine and re-raises what it failed with.
func (p *puller[V]) enter() {
	p.inside = true
	coroswitch(p.co)
	p.inside = false
	rethrow(&p.failure)
}

// Pull runs seq as a coroutine and returns next, which fetches the next
// value (ok false once seq is exhausted), and stop, which ends seq early.
// A panic in seq is re-raised in the caller of next or stop. next and stop
// must not be called concurrently or from inside seq.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	p := new(puller[V])
	p.co = newcoro(func(*coro) { p.run(seq) })
	next = func() (V, bool) {
		if p.inside {
			panic("iter.Pull: next called again reentrantly")
		}
		if p.finished {
			var zero V
			return zero, false
		}
		p.asked = true
		p.enter()
		return p.val, p.has
	}
	stop = func() {
		if p.inside {
			panic("iter.Pull: stop called again reentrantly")
		}
		if !p.finished {
			p.finished = true
			p.enter()
		}
	}
	return next, stop
}

// Pull2 is Pull for a sequence of pairs.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	type pair struct {
		k K
		v V
	}
	nextPair, stop := Pull(func(yield func(pair) bool) {
		seq(func(k K, v V) bool { return yield(pair{k: k, v: v}) })
	})
	next = func() (K, V, bool) {
		got, ok := nextPair()
		return got.k, got.v, ok
	}
	return next, stop
}

// goexitSentinel stands for "the sequence called runtime.Goexit".
var goexitSentinel = new(int)

// rethrow clears *failure and re-raises it in the caller: a panic value,
// or Goexit for the sentinel.
func rethrow(failure *any) {
	what := *failure
	if what == nil {
		return
	}
	*failure = nil
	if what == goexitSentinel {
		goexit()
	}
	panic(what)
}

// goexit is runtime.Goexit (a native).
func goexit()
