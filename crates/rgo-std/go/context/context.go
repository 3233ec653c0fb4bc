// Package context carries deadlines, cancellation and request-scoped
// values across API boundaries and goroutines. rgo: plain Go, except
// comparable and typeName, natives that need type descriptors.
//
// Shape of the tree: every derived context remembers its parent. A
// cancellable context (cancelCtx) registers itself in the children set of
// the nearest cancellable ancestor of this package, so cancelling that
// ancestor reaches it directly; for foreign parents it uses the parent's
// AfterFunc method when there is one, and otherwise a goroutine that waits
// for either side to finish. The concrete type names (cancelCtx, timerCtx,
// valueCtx, ...) and String texts are Go's, since %T and %v show them.
package context

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// Context is what a function receives to learn when to give up and to
// find values attached by its callers. All methods are safe for
// concurrent use.
type Context interface {
	// Deadline returns when the work should be given up, if ever.
	Deadline() (deadline time.Time, ok bool)

	// Done returns a channel that is closed when the work should stop, or
	// nil for a context that can never be cancelled.
	Done() <-chan struct{}

	// Err is nil until Done is closed, then Canceled or DeadlineExceeded.
	Err() error

	// Value returns the value attached under key by this context or an
	// ancestor, or nil.
	Value(key any) any
}

// Canceled is the Err of a context cancelled by its CancelFunc.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the Err of a context whose deadline passed; it is a
// net.Error-style timeout.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

// emptyCtx is a root: no deadline, no cancellation, no values.
type emptyCtx struct{}

func (emptyCtx) Deadline() (deadline time.Time, ok bool) { return time.Time{}, false }
func (emptyCtx) Done() <-chan struct{}                   { return nil }
func (emptyCtx) Err() error                              { return nil }
func (emptyCtx) Value(key any) any                       { return nil }

type backgroundCtx struct{ emptyCtx }

func (backgroundCtx) String() string { return "context.Background" }

type todoCtx struct{ emptyCtx }

func (todoCtx) String() string { return "context.TODO" }

// Background returns the root context of a program: never cancelled, no
// deadline, no values.
func Background() Context { return backgroundCtx{} }

// TODO returns an empty root context for code that does not know yet
// which context to use.
func TODO() Context { return todoCtx{} }

// CancelFunc cancels its context; calls after the first do nothing.
type CancelFunc func()

// CancelCauseFunc cancels its context and records cause (Canceled when
// nil) for Cause to report.
type CancelCauseFunc func(cause error)

// mustParent panics, as Go does, when a context is derived from nil.
func mustParent(parent Context) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
}

// WithCancel derives a context that is cancelled when cancel is called or
// parent is cancelled, whichever comes first.
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	cx := newCancelCtx(parent)
	return cx, func() { cx.cancel(true, Canceled, nil) }
}

// WithCancelCause is WithCancel whose cancel function records a cause.
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	cx := newCancelCtx(parent)
	return cx, func(why error) { cx.cancel(true, Canceled, why) }
}

func newCancelCtx(parent Context) *cancelCtx {
	mustParent(parent)
	c := new(cancelCtx)
	c.attach(parent, c)
	return c
}

// Cause returns why c was cancelled: the cause given to its cancel
// function (or that of the ancestor whose cancellation reached it), its
// Err when there is no cause, and nil while it is not cancelled.
func Cause(c Context) error {
	own, ok := c.Value(&cancelCtxKey).(*cancelCtx)
	if !ok {
		return c.Err()
	}
	own.mu.Lock()
	defer own.mu.Unlock()
	return own.cause
}

// AfterFunc runs f on its own goroutine once ctx is done (at once if it
// already is). stop unregisters f and reports whether it did so before f
// was started; f runs at most once.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	a := &afterFuncCtx{f: f}
	a.cancelCtx.attach(ctx, a)
	stop = func() bool {
		won := false
		a.once.Do(func() { won = true })
		if won {
			a.cancel(true, Canceled, nil)
		}
		return won
	}
	return stop
}

// afterFuncer is a context with its own AfterFunc, which derived contexts
// use instead of a watching goroutine.
type afterFuncer interface {
	AfterFunc(func()) func() bool
}

// afterFuncCtx is the hidden context behind AfterFunc.
type afterFuncCtx struct {
	cancelCtx
	once sync.Once // taken either by running f or by stop
	f    func()
}

func (a *afterFuncCtx) cancel(unlink bool, err, cause error) {
	a.cancelCtx.cancel(false, err, cause)
	if unlink {
		detach(a.Context, a)
	}
	a.once.Do(func() { go a.f() })
}

// stopCtx stands for a parent that was joined through its AfterFunc; stop
// undoes the join.
type stopCtx struct {
	Context
	stop func() bool
}

// cancelCtxKey's address is the key under which a cancelCtx answers Value
// with itself.
var cancelCtxKey int

// ownCanceller returns the *cancelCtx behind parent when parent's Done
// channel is that cancelCtx's own, so the child may register with it.
func ownCanceller(parent Context) (*cancelCtx, bool) {
	parentDone := parent.Done()
	if parentDone == nil || parentDone == closedchan {
		return nil, false
	}
	c, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok {
		return nil, false
	}
	if ch, _ := c.done.Load().(chan struct{}); ch != parentDone {
		return nil, false // parent wraps c but has its own Done
	}
	return c, true
}

// detach removes child from the children of parent's cancelCtx, or stops
// the AfterFunc registration it was joined with.
func detach(parent Context, child canceler) {
	if joined, ok := parent.(stopCtx); ok {
		joined.stop()
		return
	}
	p, ok := ownCanceller(parent)
	if !ok {
		return
	}
	p.mu.Lock()
	if p.kids != nil {
		delete(p.kids, child)
	}
	p.mu.Unlock()
}

// canceler is a context that can be cancelled directly: *cancelCtx,
// *timerCtx and *afterFuncCtx.
type canceler interface {
	cancel(removeFromParent bool, err, cause error)
	Done() <-chan struct{}
}

// closedchan is the shared Done channel of contexts cancelled before
// anybody asked for their channel.
var closedchan = make(chan struct{})

func init() { close(closedchan) }

// cancelCtx is a context that can be cancelled; it cancels its registered
// children with it.
type cancelCtx struct {
	Context // the parent, or a stopCtx around it

	mu    sync.Mutex            // guards the fields below and done's creation
	done  atomic.Value          // chan struct{}, made lazily
	kids  map[canceler]struct{} // nil once cancelled
	err   error                 // set by the first cancel
	cause error                 // set with err
}

func (cx *cancelCtx) Value(key any) any {
	if key != &cancelCtxKey {
		return value(cx.Context, key)
	}
	return cx
}

func (cx *cancelCtx) Done() <-chan struct{} {
	if ch, ok := cx.done.Load().(chan struct{}); ok {
		return ch
	}
	cx.mu.Lock()
	defer cx.mu.Unlock()
	ch, ok := cx.done.Load().(chan struct{})
	if !ok {
		ch = make(chan struct{})
		cx.done.Store(ch)
	}
	return ch
}

func (cx *cancelCtx) Err() error {
	cx.mu.Lock()
	defer cx.mu.Unlock()
	return cx.err
}

// attach makes parent c's parent and arranges for child (c itself, or the
// context embedding c) to be cancelled when parent is.
func (cx *cancelCtx) attach(parent Context, child canceler) {
	cx.Context = parent
	if parent.Done() == nil {
		return // parent can never be cancelled
	}
	if isDone(parent) {
		follow(parent, child)
		return
	}
	if p, ok := ownCanceller(parent); ok {
		p.adopt(child)
		return
	}
	if hook, ok := parent.(afterFuncer); ok {
		cx.mu.Lock()
		stop := hook.AfterFunc(func() { follow(parent, child) })
		cx.Context = stopCtx{Context: parent, stop: stop}
		cx.mu.Unlock()
		return
	}
	go watch(parent, child)
}

// adopt registers child with c, or cancels it at once if c already is.
func (cx *cancelCtx) adopt(child canceler) {
	cx.mu.Lock()
	defer cx.mu.Unlock()
	if cx.err != nil {
		child.cancel(false, cx.err, cx.cause)
		return
	}
	if cx.kids == nil {
		cx.kids = map[canceler]struct{}{}
	}
	cx.kids[child] = struct{}{}
}

// watch forwards the cancellation of a foreign parent to child.
func watch(parent Context, child canceler) {
	parentDone, childDone := parent.Done(), child.Done()
	select {
	case <-parentDone:
		follow(parent, child)
	case <-childDone:
	}
}

// follow cancels child the way parent was cancelled.
func follow(parent Context, child canceler) {
	child.cancel(false, parent.Err(), Cause(parent))
}

// isDone reports, without waiting, whether c's Done channel is closed.
func isDone(c Context) bool {
	select {
	case <-c.Done():
		return true
	default:
		return false
	}
}

type stringer interface {
	String() string
}

// contextName is c's String(), or its type name when it has none.
func contextName(ctx Context) string {
	if named, ok := ctx.(stringer); ok {
		return named.String()
	}
	return typeName(ctx)
}

// typeName returns the %T of v (a native: it needs type descriptors).
func typeName(v any) string

func (cx *cancelCtx) String() string {
	parentName := contextName(cx.Context)
	return parentName + ".WithCancel"
}

// cancel closes c's Done channel, records err and cause (cause defaults to
// err) and cancels its children; unlink also unregisters it.
// Only the first call has an effect.
func (cx *cancelCtx) cancel(unlink bool, err, cause error) {
	if err == nil {
		panic("context: internal error: missing cancel error")
	}
	if cause == nil {
		cause = err
	}
	cx.mu.Lock()
	if cx.err != nil {
		cx.mu.Unlock()
		return
	}
	cx.err, cx.cause = err, cause
	if ch, ok := cx.done.Load().(chan struct{}); ok {
		close(ch)
	} else {
		cx.done.Store(closedchan) // nobody asked for the channel yet
	}
	kids := cx.kids
	cx.kids = nil
	for kid := range kids {
		kid.cancel(false, err, cause) // kid takes its own lock under ours
	}
	cx.mu.Unlock()
	if unlink {
		detach(cx.Context, cx)
	}
}

// WithoutCancel derives a context that keeps parent's values but is never
// cancelled and has no deadline.
func WithoutCancel(parent Context) Context {
	mustParent(parent)
	return withoutCancelCtx{c: parent}
}

type withoutCancelCtx struct {
	c Context
}

func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool) { return time.Time{}, false }
func (withoutCancelCtx) Done() <-chan struct{}                   { return nil }
func (withoutCancelCtx) Err() error                              { return nil }
func (c withoutCancelCtx) Value(key any) any                     { return value(c, key) }
func (c withoutCancelCtx) String() string                        { return contextName(c.c) + ".WithoutCancel" }

// WithDeadline derives a context that is also cancelled, with
// DeadlineExceeded, at d. When parent's deadline is earlier it is simply
// WithCancel(parent).
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	var noCause error
	return WithDeadlineCause(parent, d, noCause)
}

// WithDeadlineCause is WithDeadline recording cause when the deadline
// passes.
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	mustParent(parent)
	if earlier, ok := parent.Deadline(); ok && earlier.Before(d) {
		// The parent gives up first anyway: no timer needed.
		ctx, cancel := WithCancel(parent)
		return ctx, cancel
	}
	t := &timerCtx{deadline: d}
	t.cancelCtx.attach(parent, t)
	left := time.Until(d)
	if left <= 0 {
		t.cancel(true, DeadlineExceeded, cause)
		return t, func() { t.cancel(false, Canceled, nil) }
	}
	t.mu.Lock()
	if t.err == nil {
		t.timer = time.AfterFunc(left, func() { t.cancel(true, DeadlineExceeded, cause) })
	}
	t.mu.Unlock()
	return t, func() { t.cancel(true, Canceled, nil) }
}

// timerCtx is a cancelCtx with a deadline enforced by a timer.
type timerCtx struct {
	cancelCtx
	timer *time.Timer // guarded by cancelCtx.mu

	deadline time.Time
}

func (t *timerCtx) Deadline() (deadline time.Time, ok bool) {
	return t.deadline, true
}

func (t *timerCtx) String() string {
	left := time.Until(t.deadline)
	return contextName(t.cancelCtx.Context) + ".WithDeadline(" + t.deadline.String() + " [" + left.String() + "])"
}

func (t *timerCtx) cancel(unlink bool, err, cause error) {
	t.cancelCtx.cancel(false, err, cause)
	if unlink {
		detach(t.cancelCtx.Context, t)
	}
	t.mu.Lock()
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.mu.Unlock()
}

// WithTimeout is WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	deadline := time.Now().Add(timeout)
	return WithDeadline(parent, deadline)
}

// WithTimeoutCause is WithDeadlineCause(parent, time.Now().Add(timeout),
// cause).
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	deadline := time.Now().Add(timeout)
	return WithDeadlineCause(parent, deadline, cause)
}

// WithValue derives a context whose Value(key) is val. key must be
// non-nil and comparable, and should have a type of the caller's own.
func WithValue(parent Context, key, val any) Context {
	mustParent(parent)
	switch {
	case key == nil:
		panic("nil key")
	case !comparable(key):
		panic("key is not comparable")
	}
	return &valueCtx{Context: parent, key: key, val: val}
}

// comparable reports whether key's dynamic type is comparable (a native).
func comparable(key any) bool

// valueCtx attaches one key and value to its parent.
type valueCtx struct {
	Context
	key, val any
}

// describe renders a key or value for valueCtx.String without fmt.
func describe(v any) string {
	if s, ok := v.(stringer); ok {
		return s.String()
	}
	if s, ok := v.(string); ok {
		return s
	}
	if v == nil {
		return "<nil>"
	}
	return typeName(v)
}

func (c *valueCtx) String() string {
	return contextName(c.Context) + ".WithValue(" + describe(c.key) + ", " + describe(c.val) + ")"
}

func (v *valueCtx) Value(key any) any {
	if key == v.key {
		return v.val
	}
	return value(v.Context, key)
}

// value looks key up from c towards the root, stepping through this
// package's own contexts in a loop instead of recursing through Value.
func value(ctx Context, key any) any {
	asksCanceller := key == &cancelCtxKey
	for {
		switch at := ctx.(type) {
		case *valueCtx:
			if key == at.key {
				return at.val
			}
			ctx = at.Context
		case *cancelCtx:
			if asksCanceller {
				return at
			}
			ctx = at.Context
		case *timerCtx:
			if asksCanceller {
				return &at.cancelCtx
			}
			ctx = at.Context
		case withoutCancelCtx:
			if asksCanceller {
				return nil // cancellation stops here
			}
			ctx = at.c
		case todoCtx, backgroundCtx:
			return nil
		default:
			return ctx.Value(key)
		}
	}
}
