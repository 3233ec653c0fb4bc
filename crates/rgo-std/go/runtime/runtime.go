// Package runtime contains operations that interact with Go's runtime
// system, such as functions to control goroutines.
//
// rgo: the runtime itself is Rust (crates/rgo-runtime); this package is
// its Go face. Nearly every function is a native bound by qualified name
// (runtime.GC, runtime.Gosched, (*runtime.Func).Name, ...); types keep
// Go's exported fields (MemStats, Frame, MemProfileRecord, ...).
package runtime

import "unsafe"

// Compiler is the name of the compiler toolchain that built the running
// binary.
const Compiler = "gc"

// GOOS is the running program's operating system target.
const GOOS string = "linux"

// GOARCH is the running program's architecture target.
const GOARCH string = "amd64"

// MemProfileRate controls the fraction of memory allocations that are
// recorded and reported in the memory profile: on average one allocation
// per MemProfileRate bytes (1: every one; 0: none).
var MemProfileRate int = 512 * 1024

// registerMemProfileRate gives the runtime's allocator the address of
// MemProfileRate, which it reads while sampling. Native.
func registerMemProfileRate(p *int)

// The Error interface identifies a run time error.
type Error interface {
	error

	// RuntimeError is a no-op function but serves to distinguish types
	// that are run time errors from ordinary errors.
	RuntimeError()
}

// _type is the runtime type descriptor (layout owned by the runtime).
type _type struct{}

// TypeAssertionError is the panic value of a failed type assertion.
type TypeAssertionError struct {
	_interface    *_type
	concrete      *_type
	asserted      *_type
	missingMethod string // a method the asserted interface needs and the type lacks
}

func (*TypeAssertionError) RuntimeError() {}

// Error returns Go's "interface conversion: ..." message, built from the
// type descriptors' names. Native.
func (e *TypeAssertionError) Error() string

// PanicNilError is what panic(nil) panics with.
type PanicNilError struct {
	// This field makes PanicNilError structurally different from any
	// other struct in this package.
	_ [0]*PanicNilError
}

func (*PanicNilError) Error() string {
	return "panic called with nil argument (use runtime.PanicNilError)"
}
func (*PanicNilError) RuntimeError() {}

// GC runs a garbage collection and blocks the caller until the garbage
// collection is complete.
func GC()

// GOMAXPROCS returns how many threads may run Go code at once, and sets
// that limit to n when n >= 1.
func GOMAXPROCS(n int) int

// SetDefaultGOMAXPROCS resets GOMAXPROCS to the value the runtime would
// pick by itself, disregarding the GOMAXPROCS environment variable.
func SetDefaultGOMAXPROCS()

// NumCPU returns how many logical CPUs the process may use.
func NumCPU() int

// NumCgoCall returns how many cgo calls the process made (always 0 in rgo).
func NumCgoCall() int64 { return 0 }

// NumGoroutine returns how many goroutines exist now.
func NumGoroutine() int

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// Goexit terminates the goroutine that calls it. No other goroutine is
// affected. Goexit runs all deferred calls before terminating the
// goroutine.
func Goexit()

// Breakpoint executes a breakpoint trap.
func Breakpoint()

// LockOSThread wires the calling goroutine to its current operating
// system thread.
func LockOSThread()

// UnlockOSThread undoes one LockOSThread.
func UnlockOSThread()

// KeepAlive keeps x reachable until this call.
func KeepAlive(x any)

// SetFinalizer arranges for finalizer(obj) to run once obj becomes
// unreachable (nil clears it). Native (mfinal.rs).
func SetFinalizer(obj any, finalizer any)

// registerFinq hands the runtime the finalizer goroutine's loop. Native.
func registerFinq(f func())

// runFinalizer runs the next queued finalizer or cleanup, waiting for one
// if there is none. Native.
func runFinalizer()

// runfinq is the finalizer goroutine (Go's fing): it runs finalizers and
// cleanups one at a time, in the order the collector queued them.
func runfinq() {
	for {
		runFinalizer()
	}
}

func init() {
	registerFinq(runfinq)
	registerMemProfileRate(&MemProfileRate)
}

// GOROOT returns the root of the Go tree.
//
// Deprecated: The root used during the Go build will not be meaningful if
// the binary is copied to another machine.
func GOROOT() string

// Version returns the Go release rgo implements, e.g. "go1.27.3".
func Version() string

// Stack formats a stack trace of the calling goroutine into buf and
// returns the number of bytes written to buf. If all is true, Stack
// formats stack traces of all other goroutines into buf after the trace
// for the current goroutine.
func Stack(buf []byte, all bool) int

// Caller reports file and line number information about function
// invocations on the calling goroutine's stack.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills the slice pc with the return program counters of function
// invocations on the calling goroutine's stack.
func Callers(skip int, pc []uintptr) int

// Func describes a function of the running program.
type Func struct {
	opaque struct{} // keeps Func from being converted or built

	// entry is the function's first pc. rgo: a Func is a record outside
	// the Go heap, one per function, made by FuncForPC.
	entry uintptr
}

// FuncForPC returns the function whose code holds pc, or nil. Native.
func FuncForPC(pc uintptr) *Func

// funcName is the name of the function starting at entry. Native.
func funcName(entry uintptr) string

// funcFileLine is the position of pc in the function starting at entry
// ("?", 0 when pc lies outside it). Native.
func funcFileLine(entry, pc uintptr) (file string, line int)

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcName(f.entry)
}

// Entry returns the address where f starts.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine returns the file name and line number of the source code
// corresponding to the program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	return funcFileLine(f.entry, pc)
}

// Frames may be used to get function/file/line information for a slice
// of PC values returned by Callers.
type Frames struct {
	callers []uintptr // return pcs not yet looked at
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	// PC is the program counter of the frame.
	PC uintptr
	// Func is the Func value of this call frame.
	Func *Func
	// Function is the package path-qualified function name of this call
	// frame.
	Function string
	// File and Line are the file name and line number of the location in
	// this frame.
	File string
	Line int

	startLine int

	// Entry point program counter for the function.
	Entry uintptr

	// funcInfo is the runtime's function metadata (two words, as Go's).
	funcInfo struct{ fn, module unsafe.Pointer }
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to
// return function/file/line information.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// dropUnknown discards the leading pcs that lie in no function.
func (ci *Frames) dropUnknown() {
	for len(ci.callers) > 0 && FuncForPC(ci.callers[0]) == nil {
		ci.callers = ci.callers[1:]
	}
}

// Next returns a Frame representing the next call frame in the slice of
// PC values, and whether there are more frames after it. rgo inlines
// nothing, so each pc is one frame.
func (ci *Frames) Next() (frame Frame, more bool) {
	ci.dropUnknown()
	if len(ci.callers) == 0 {
		return Frame{}, false
	}
	pc := ci.callers[0]
	ci.callers = ci.callers[1:]
	fn := FuncForPC(pc)
	if pc > fn.entry {
		pc-- // a return pc: step back into the call
	}
	frame.PC, frame.Func, frame.Entry = pc, fn, fn.entry
	frame.Function = fn.Name()
	frame.File, frame.Line = fn.FileLine(pc)
	ci.dropUnknown()
	return frame, len(ci.callers) > 0
}

// MemStats is a snapshot of allocator and collector statistics.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats fills m with current statistics.
func ReadMemStats(m *MemStats)

// StackRecord holds one stack of a profile.
type StackRecord struct {
	Stack0 [32]uintptr // program counters, ended by the first 0
}

// Stack returns the stack trace associated with the record, a prefix of
// r.Stack0.
func (r *StackRecord) Stack() []uintptr { return untilZero(r.Stack0[:]) }

// untilZero returns the prefix of pcs before its first zero.
func untilZero(pcs []uintptr) []uintptr {
	for n, pc := range pcs {
		if pc == 0 {
			return pcs[:n]
		}
	}
	return pcs
}

// A MemProfileRecord describes the live objects allocated by a particular
// call sequence (stack trace).
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64       // number of bytes allocated, freed
	AllocObjects, FreeObjects int64       // number of objects allocated, freed
	Stack0                    [32]uintptr // program counters, ended by the first 0
}

// InUseBytes is AllocBytes - FreeBytes.
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects returns the number of objects in use (AllocObjects -
// FreeObjects).
func (r *MemProfileRecord) InUseObjects() int64 { return r.AllocObjects - r.FreeObjects }

// Stack returns the stack trace associated with the record, a prefix of
// r.Stack0.
func (r *MemProfileRecord) Stack() []uintptr { return untilZero(r.Stack0[:]) }

// BlockProfileRecord describes blocking events originated at a particular
// call sequence (stack trace).
type BlockProfileRecord struct {
	Count  int64
	Cycles int64
	StackRecord
}

// MemProfile returns a profile of memory allocated and freed per
// allocation site, as of the last completed garbage collection: n is the
// number of records; if len(p) >= n they are copied into p and ok is
// true. Records with no bytes in use are left out unless inuseZero.
// Native (rgo-runtime's mprof.rs).
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool)

// BlockProfile returns the current blocking profile. rgo records none yet.
func BlockProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// MutexProfile returns the current mutex profile. rgo records none yet.
func MutexProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// ThreadCreateProfile returns the thread creation profile.
func ThreadCreateProfile(p []StackRecord) (n int, ok bool) { return 0, true }

// GoroutineProfile returns the active goroutine stack profile. Native.
func GoroutineProfile(p []StackRecord) (n int, ok bool)

// SetBlockProfileRate sets how much blocking the block profile samples
// (one event per rate nanoseconds blocked; 0 turns it off).
func SetBlockProfileRate(rate int) {}

// SetMutexProfileFraction samples one in rate mutex contentions for the
// mutex profile (0 off, negative: just report) and returns the old rate.
func SetMutexProfileFraction(rate int) int {
	old := mutexProfileFraction
	if rate >= 0 {
		mutexProfileFraction = rate
	}
	return old
}

var mutexProfileFraction int

// SetCPUProfileRate sets CPU profiling to hz samples a second.
func SetCPUProfileRate(hz int) {}

// CPUProfile panics: it has been replaced by runtime/pprof.
//
// Deprecated: Use the runtime/pprof package.
func CPUProfile() []byte {
	panic("CPUProfile no longer available")
}

// SetCgoTraceback records three C functions to use to gather traceback
// information from C code; rgo has no cgo, so it does nothing.
func SetCgoTraceback(version int, traceback, context, symbolizer unsafe.Pointer) {}

// StartTrace enables tracing for the current process. rgo has no
// execution tracer yet.
func StartTrace() error { return errorString("tracing is not supported by rgo") }

// StopTrace ends tracing, if it is on.
func StopTrace() {}

// ReadTrace returns the next chunk of binary tracing data.
func ReadTrace() (buf []byte) { return nil }

type errorString string

func (e errorString) Error() string { return "runtime error: " + string(e) }

func (e errorString) RuntimeError() {}

// A Pinner is a set of Go objects each pinned to a fixed location in
// memory.
type Pinner struct {
	*pinner
}

type pinner struct {
	refs []unsafe.Pointer
}

// Pin pins a Go object, preventing it from being moved or freed by the
// garbage collector until the Unpin method has been called. Native.
func (p *Pinner) Pin(pointer any)

// Unpin unpins all pinned objects of the Pinner. Native.
func (p *Pinner) Unpin()

// Cleanup identifies a cleanup registered with AddCleanup.
type Cleanup struct {
	id  uint64
	ptr uintptr
}

// addCleanup registers cleanup(arg) to run after ptr becomes unreachable
// and returns its id. Native.
func addCleanup(ptr unsafe.Pointer, cleanup func()) uint64

// AddCleanup attaches a cleanup function to ptr. Some time after ptr is no
// longer reachable, the runtime will call cleanup(arg) in a separate
// goroutine.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		panic("runtime.AddCleanup: ptr is nil")
	}
	// arg holding ptr itself would keep the object alive forever.
	switch a := any(arg).(type) {
	case *T:
		if a == ptr {
			panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
		}
	case unsafe.Pointer:
		if a == unsafe.Pointer(ptr) {
			panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
		}
	}
	id := addCleanup(unsafe.Pointer(ptr), func() { cleanup(arg) })
	return Cleanup{id: id, ptr: uintptr(unsafe.Pointer(ptr))}
}

// stopCleanup cancels the cleanup with the given id. Native.
func stopCleanup(id uint64, ptr uintptr)

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {
	if c.id != 0 {
		stopCleanup(c.id, c.ptr)
	}
}
