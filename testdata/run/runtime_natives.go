// Runtime hooks without a collector behind them: TypeAssertionError's
// text, GoroutineProfile, Pinner, AddCleanup, SetPanicOnFault, and
// SetTraceback("all") printing every goroutine in the panic report.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"unsafe"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: %v\n", name, r)
		}
	}()
	f()
}

// userFrames lists a record's frames outside the runtime's internals.
func userFrames(pcs []uintptr) []string {
	var out []string
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		name := f.Function
		rest, isRuntime := strings.CutPrefix(name, "runtime.")
		if name != "" && (!isRuntime || rest[0] >= 'A' && rest[0] <= 'Z') {
			out = append(out, name)
		}
		if !more {
			break
		}
	}
	return out
}

type big struct{ a, b [4]int }

func main() {
	try("zero TypeAssertionError", func() {
		e := &runtime.TypeAssertionError{}
		fmt.Println(e.Error())
	})
	try("nil TypeAssertionError", func() {
		var e *runtime.TypeAssertionError
		fmt.Println(e.Error())
	})

	n, ok := runtime.GoroutineProfile(nil)
	fmt.Println("profile", n, ok)
	block := make(chan int)
	go func() { <-block }()
	runtime.Gosched()
	recs := make([]runtime.StackRecord, 8)
	n, ok = runtime.GoroutineProfile(recs)
	fmt.Println("profile", n, ok)
	for i := 0; i < n; i++ {
		fmt.Println("  ", i, userFrames(recs[i].Stack()))
	}

	var p runtime.Pinner
	x := new(big)
	p.Pin(x)
	p.Pin(&x.b[2])
	p.Pin(unsafe.Pointer(x))
	p.Unpin()
	p.Unpin()
	try("pin int", func() { p.Pin(42) })
	try("pin nil", func() { p.Pin(nil) })
	try("pin slice", func() { p.Pin([]int{1}) })
	try("pin string", func() { p.Pin("s") })

	c := runtime.AddCleanup(x, func(s string) { fmt.Println("cleanup", s) }, "x")
	c.Stop()
	c.Stop()
	runtime.AddCleanup(x, func(int) {}, 1)
	try("cleanup nil", func() { runtime.AddCleanup((*big)(nil), func(int) {}, 1) })
	try("cleanup self", func() { runtime.AddCleanup(x, func(*big) {}, x) })
	runtime.GC()

	fmt.Println(debug.SetPanicOnFault(true), debug.SetPanicOnFault(true), debug.SetPanicOnFault(false))
	debug.SetPanicOnFault(true)
	other := make(chan bool)
	go func() { other <- debug.SetPanicOnFault(true) }()
	fmt.Println("other goroutine", <-other, "this one", debug.SetPanicOnFault(false))

	debug.SetTraceback("none") // cannot go below the default "single"
	debug.SetTraceback("all")
	panic(fmt.Sprintf("done: %d records", n))
}
