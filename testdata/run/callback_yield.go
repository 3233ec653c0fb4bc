// A String method run by fmt (a callback from a native) that yields,
// uses a sync.Pool (procPin inside a callback) and a contended Mutex.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
)

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var mu sync.Mutex
var calls int

type T int

func (t T) String() string {
	runtime.Gosched()
	b := bufs.Get().(*bytes.Buffer)
	b.Reset()
	fmt.Fprintf(b, "<%d>", int(t))
	s := b.String()
	bufs.Put(b)
	mu.Lock()
	calls++
	mu.Unlock()
	return s
}

func main() {
	fmt.Println(T(1), T(2))
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		var wg sync.WaitGroup
		out := make([]string, 40)
		for i := range out {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out[i] = fmt.Sprint(T(i))
			}()
		}
		wg.Wait()
		n := 0
		for i, s := range out {
			if s == fmt.Sprintf("<%d>", i) {
				n++
			}
		}
		fmt.Println("GOMAXPROCS", procs, "right:", n)
	}
	fmt.Println("calls:", calls)
}
