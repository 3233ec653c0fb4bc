// runtime.Stack and runtime/debug.Stack: the trace of the calling
// goroutine (and of the others with all=true) in Go's traceback format,
// written to stderr where the golden comparison normalizes addresses.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

type S struct{}

func (S) Method(depth int) {
	if depth > 0 {
		S{}.Method(depth - 1)
		return
	}
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	os.Stderr.Write(buf[:n])
}

func blocked(ready chan bool, never chan int) {
	ready <- true
	<-never
}

func inDefer() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		os.Stderr.Write(debug.Stack())
	}()
	var p *S
	*p = S{}
}

func main() {
	S{}.Method(2)
	fmt.Fprintln(os.Stderr, "-- debug.PrintStack")
	debug.PrintStack()

	fmt.Fprintln(os.Stderr, "-- small buffer")
	small := make([]byte, 10)
	n := runtime.Stack(small, false)
	fmt.Printf("%d %q\n", n, small[:n])

	fmt.Fprintln(os.Stderr, "-- during a panic")
	inDefer()

	ready, never := make(chan bool), make(chan int)
	go blocked(ready, never)
	<-ready
	// Wait until the other goroutine is parked in its receive.
	var all string
	for !strings.Contains(all, "[chan receive]") {
		runtime.Gosched()
		buf := make([]byte, 1<<16)
		all = string(buf[:runtime.Stack(buf, true)])
	}
	fmt.Fprintln(os.Stderr, "-- all goroutines")
	os.Stderr.WriteString(all)
	fmt.Println("goroutines in trace:", strings.Count(all, "goroutine "))
}
