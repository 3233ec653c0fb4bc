// Package debug contains facilities for programs to debug themselves
// while they are running. rgo: the GC and stack controls are natives of
// the Rust runtime; PrintStack and the settings helpers are plain Go.
package debug

import (
	"os"
	"runtime"
	"time"
)

// FreeOSMemory forces a garbage collection followed by an attempt to
// return as much memory to the operating system as possible. Native.
func FreeOSMemory()

// SetGCPercent sets the garbage collection target percentage and returns
// the previous setting. A negative percentage disables garbage
// collection. Native.
func SetGCPercent(percent int) int

// SetMemoryLimit provides the runtime with a soft memory limit and
// returns the previous limit. A negative input does not adjust the limit.
// Native.
func SetMemoryLimit(limit int64) int64

// SetMaxStack sets the maximum amount of memory that can be used by a
// single goroutine stack and returns the previous setting. Native.
func SetMaxStack(bytes int) int

// SetMaxThreads sets the maximum number of operating system threads that
// the Go program can use and returns the previous setting. Native.
func SetMaxThreads(threads int) int

// SetPanicOnFault controls the runtime's behavior when a program faults at
// an unexpected address and returns the previous setting. Native.
func SetPanicOnFault(enabled bool) bool

// SetTraceback sets the amount of detail printed by the runtime in the
// traceback it prints before exiting due to an unrecovered panic or an
// internal runtime error. Native.
func SetTraceback(level string)

// Stack returns the trace of the calling goroutine, as runtime.Stack
// formats it, in a buffer doubled from 1 KiB until the trace fits.
func Stack() []byte {
	for size := 1024; ; size *= 2 {
		trace := make([]byte, size)
		if used := runtime.Stack(trace, false); used < size {
			return trace[:used]
		}
	}
}

// PrintStack writes Stack() to standard error.
func PrintStack() {
	trace := Stack()
	os.Stderr.Write(trace)
}

// GCStats summarises recent garbage collections.
type GCStats struct {
	LastGC         time.Time       // time of last collection
	NumGC          int64           // number of garbage collections
	PauseTotal     time.Duration   // total pause for all collections
	Pause          []time.Duration // recent pauses, newest first
	PauseEnd       []time.Time     // when those pauses ended, newest first
	PauseQuantiles []time.Duration
}

// ReadGCStats fills stats from the runtime's memory statistics.
func ReadGCStats(stats *GCStats) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	stats.NumGC = int64(m.NumGC)
	stats.PauseTotal = time.Duration(m.PauseTotalNs)
	if m.LastGC != 0 {
		stats.LastGC = time.Unix(0, int64(m.LastGC))
	} else {
		stats.LastGC = time.Time{}
	}
	// PauseNs and PauseEnd are circular buffers whose newest entry is at
	// (NumGC-1) mod their length.
	ring := len(m.PauseNs)
	kept := min(int(m.NumGC), ring)
	stats.Pause, stats.PauseEnd = stats.Pause[:0], stats.PauseEnd[:0]
	for age := 0; age < kept; age++ {
		slot := (int(m.NumGC) - 1 - age + ring) % ring
		stats.Pause = append(stats.Pause, time.Duration(m.PauseNs[slot]))
		stats.PauseEnd = append(stats.PauseEnd, time.Unix(0, int64(m.PauseEnd[slot])))
	}
}
