// Runtime introspection: Caller, Callers, CallersFrames, FuncForPC and
// the Func methods, through methods, closures, generics, deferred calls
// (at return and during a panic) and goroutines.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// where describes frame i above its caller as func@file:line; runtime
// frames only by name (their files are the toolchain's).
func where(skip int) string {
	pc, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return "?"
	}
	name := runtime.FuncForPC(pc).Name()
	if strings.HasPrefix(name, "runtime.") {
		return name
	}
	return fmt.Sprintf("%s@%s:%d", name, filepath.Base(file), line)
}

// stack lists the frames from Callers(skip) with CallersFrames.
func stack(skip int) []string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(skip, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		s := f.Function
		if !strings.HasPrefix(s, "runtime.") {
			s += fmt.Sprintf("@%s:%d", filepath.Base(f.File), f.Line)
		}
		if f.Func != nil && f.Func.Name() != f.Function {
			s += " (Func mismatch)"
		}
		if f.Entry == 0 || f.PC < f.Entry {
			s += " (bad entry)"
		}
		out = append(out, s)
		if !more {
			break
		}
	}
	return out
}

type T struct{ n int }

func (t *T) Ptr() []string { return stack(2) }
func (t T) Val() []string  { return stack(2) }

func Generic[X any](x X) string { return where(0) }

// The deferred call runs as the function falls off its end: Go reports
// the closing brace.
func deferAtReturn() {
	defer func() {
		fmt.Println(where(1))
	}()
	fmt.Println("deferAtReturn")
}

func deferInPanic() (s string) {
	defer func() {
		recover()
		s = where(1) + " / " + where(2)
	}()
	panic("boom")
}

func deep(n int) int {
	if n == 0 {
		return len(stack(1))
	}
	return deep(n - 1)
}

func main() {
	fmt.Println(where(0))
	fmt.Println(strings.Join(stack(0), "\n"))
	fmt.Println("-- methods")
	fmt.Println(strings.Join((&T{}).Ptr(), " | "))
	fmt.Println(strings.Join(T{}.Val(), " | "))
	var i interface{ Val() []string } = T{}
	fmt.Println(strings.Join(i.Val(), " | "))
	f := (&T{}).Ptr
	fmt.Println(strings.Join(f(), " | "))
	fmt.Println("-- generics")
	fmt.Println(Generic(1), Generic("s"))
	fmt.Println("-- closures")
	func() {
		fmt.Println(where(0), where(1))
	}()
	fmt.Println("-- defers")
	deferAtReturn()
	fmt.Println(deferInPanic())
	fmt.Println("-- depth", deep(10)-deep(0))
	fmt.Println("-- goroutine")
	done := make(chan []string)
	go func() { done <- stack(1) }()
	fmt.Println(strings.Join(<-done, " | "))
	fmt.Println("-- FuncForPC")
	pc, _, _, _ := runtime.Caller(0)
	fn := runtime.FuncForPC(pc)
	file, line := fn.FileLine(pc)
	fmt.Println(fn.Name(), filepath.Base(file), line, fn == runtime.FuncForPC(fn.Entry()))
	fmt.Println(runtime.FuncForPC(0) == nil, runtime.FuncForPC(fn.Entry()-1) != fn)
	var nilFunc *runtime.Func
	fmt.Printf("%q\n", nilFunc.Name())
	_, _, _, ok := runtime.Caller(100)
	fmt.Println(ok, runtime.Callers(100, make([]uintptr, 4)), runtime.Callers(0, nil))
	small := make([]uintptr, 2)
	fmt.Println(runtime.Callers(1, small), runtime.FuncForPC(small[0]-1).Name())
	next, more := runtime.CallersFrames(nil).Next()
	fmt.Println(next.Function == "", more)
}
