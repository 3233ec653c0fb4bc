// Package runtime: declarations only, for the checker's tests.
package runtime

type Error interface {
	error
	RuntimeError()
}

func GC()
func Gosched()
func NumGoroutine() int
func GOMAXPROCS(n int) int
func Caller(skip int) (pc uintptr, file string, line int, ok bool)
func Breakpoint()
func KeepAlive(x any)
func SetFinalizer(obj any, finalizer any)

const GOOS = "linux"
const GOARCH = "amd64"
const Compiler = "gc"

var MemProfileRate int = 512 * 1024

type MemStats struct {
	Alloc, TotalAlloc, Sys, Lookups, Mallocs, Frees uint64
	HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects uint64
	NumGC     uint32
	PauseNs   [256]uint64
	NextGC    uint64
	LastGC    uint64
}

func ReadMemStats(m *MemStats)

type Func struct {
	opaque struct{}
}

func FuncForPC(pc uintptr) *Func
func (f *Func) Name() string
func (f *Func) Entry() uintptr
func (f *Func) FileLine(pc uintptr) (file string, line int)

type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

type Frames struct {
	callers []uintptr
}

func CallersFrames(callers []uintptr) *Frames
func (ci *Frames) Next() (frame Frame, more bool)
func Callers(skip int, pc []uintptr) int
func Stack(buf []byte, all bool) int
func NumCPU() int
func Goexit()
func LockOSThread()
func UnlockOSThread()
