package time

// now returns the current wall clock (seconds and nanoseconds since the
// Unix epoch) and the monotonic clock in nanoseconds. Native.
func now() (sec int64, nsec int32, mono int64)

// runtimeNano returns the runtime's monotonic clock in nanoseconds. Native.
func runtimeNano() int64

// startNano is the monotonic clock at process start; Time's monotonic
// readings are relative to it.
var startNano int64 = runtimeNano() - 1

// Now returns the current local time, with a monotonic clock reading
// when the wall clock fits the compact encoding (years 1885 to 2157).
func Now() Time {
	sec, nsec, mono := now()
	fromWallBase := sec + unixToInternal - minWall
	if uint64(fromWallBase)>>33 == 0 {
		wall := hasMonotonic | uint64(fromWallBase)<<nsecShift | uint64(nsec)
		return Time{wall: wall, ext: mono - startNano, loc: Local}
	}
	// Outside the 33-bit seconds field: full seconds in ext, no monotonic.
	return Time{wall: uint64(nsec), ext: sec + unixToInternal, loc: Local}
}

// Sleep pauses the current goroutine for at least the duration d. A
// negative or zero duration causes Sleep to return immediately. Native:
// it parks the goroutine on a runtime timer.
func Sleep(d Duration)

// rtimer is a runtime timer; its layout belongs to the runtime.
type rtimer struct {
	_ [0]func()
}

// newTimer creates a runtime timer that fires at when (runtimeNano
// clock), then every period ns if period > 0, calling f(arg, seq, delta)
// where delta is how late the call is. If isChan is set, the timer backs
// the channel arg (a chan Time) with Go 1.23 semantics: the channel is
// unbuffered from the user's view and Stop/Reset discard stale values.
// Native.
func newTimer(when, period int64, f func(arg any, seq uintptr, delta int64), arg any, isChan bool) *rtimer

// stopTimer stops t and reports whether it was active. Native.
func stopTimer(t *rtimer) bool

// resetTimer changes t to fire at when and then every period ns, and
// reports whether it was active. Native.
func resetTimer(t *rtimer, when, period int64) bool

// deadline converts a duration from now into the runtime clock, clamping
// at the largest time on overflow; non-positive durations mean now.
func deadline(d Duration) int64 {
	at := runtimeNano()
	if d <= 0 {
		return at
	}
	if at += int64(d); at < 0 {
		return 1<<63 - 1
	}
	return at
}

// Timer is a single future event: at expiry the current time is sent on C
// (for timers from NewTimer) or a function is started (AfterFunc).
type Timer struct {
	C <-chan Time
	r *rtimer
}

// deliver is the callback of channel timers: it offers the firing time
// (now minus the lateness) to the channel without blocking.
func deliver(c any, seq uintptr, delta int64) {
	fired := Now().Add(Duration(-delta))
	select {
	case c.(chan Time) <- fired:
	default:
	}
}

// launch is the callback of AfterFunc timers: it starts f.
func launch(f any, seq uintptr, delta int64) {
	go f.(func())()
}

// Stop cancels t and reports whether that prevented it from firing.
func (t *Timer) Stop() bool {
	if t.r == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.r)
}

// NewTimer returns a Timer that sends the time on its channel after d.
func NewTimer(d Duration) *Timer {
	ch := make(chan Time, 1)
	return &Timer{C: ch, r: newTimer(deadline(d), 0, deliver, ch, true)}
}

// Reset makes t fire after d from now and reports whether it had still
// been pending.
func (t *Timer) Reset(d Duration) bool {
	if t.r == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.r, deadline(d), 0)
}

// After is NewTimer(d).C.
func After(d Duration) <-chan Time {
	t := NewTimer(d)
	return t.C
}

// AfterFunc starts f on its own goroutine after d; the returned Timer can
// cancel that, and its C is nil.
func AfterFunc(d Duration, f func()) *Timer {
	r := newTimer(deadline(d), 0, launch, f, false)
	return &Timer{r: r}
}

// Ticker sends the time on C at a fixed period, dropping ticks a slow
// receiver misses.
type Ticker struct {
	C <-chan Time // where the ticks arrive
	r *rtimer
}

// NewTicker returns a Ticker with period d, which must be positive.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	ch := make(chan Time, 1)
	return &Ticker{C: ch, r: newTimer(deadline(d), int64(d), deliver, ch, true)}
}

// Stop ends the ticks; a zero Ticker is left alone, as in Go.
func (t *Ticker) Stop() {
	if t.r != nil {
		stopTimer(t.r)
	}
}

// Reset changes the period to d (positive) and restarts it from now.
func (t *Ticker) Reset(d Duration) {
	switch {
	case d <= 0:
		panic("non-positive interval for Ticker.Reset")
	case t.r == nil:
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.r, deadline(d), int64(d))
}

// Tick returns the channel of a new Ticker with period d, or nil when d is
// not positive.
func Tick(d Duration) <-chan Time {
	if d > 0 {
		return NewTicker(d).C
	}
	return nil
}
