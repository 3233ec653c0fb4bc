// runtime/pprof's text profiles: the predefined profiles, goroutine
// debug=1 (stacks grouped with counts) and debug=2 (the panic dump
// format), heap debug=1's header, and concurrent writers.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
)

func parked(ch chan int, wg *sync.WaitGroup) {
	wg.Done()
	<-ch
}

func main() {
	var names []string
	for _, p := range pprof.Profiles() {
		names = append(names, p.Name())
	}
	fmt.Println(strings.Contains(strings.Join(names, " "), "allocs block goroutine"), pprof.Lookup("nope") == nil)

	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go parked(ch, &wg)
	}
	wg.Wait()
	g := pprof.Lookup("goroutine")
	fmt.Println(g.Name(), g.Count() >= 4)

	var b bytes.Buffer
	if err := g.WriteTo(&b, 1); err != nil {
		panic(err)
	}
	out := b.String()
	fmt.Println(strings.HasPrefix(out, "goroutine profile: total "))
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "3 @ ") {
			fmt.Println("three parked goroutines share one stack")
		}
		if strings.HasPrefix(l, "#\t") && strings.Contains(l, "main.parked+") {
			fmt.Println("frame line:", strings.HasSuffix(l, "pprof_text.go:16"))
		}
	}

	b.Reset()
	g.WriteTo(&b, 2)
	out = b.String()
	fmt.Println(strings.HasPrefix(out, "goroutine 1 [running]:"), strings.Count(out, "[chan receive]:"), strings.Count(out, "main.parked("))

	b.Reset()
	pprof.Lookup("heap").WriteTo(&b, 1)
	fmt.Println(strings.HasPrefix(b.String(), "heap profile: "), strings.Contains(b.String(), "\n# runtime.MemStats\n# Alloc = "))

	b.Reset()
	pprof.Lookup("mutex").WriteTo(&b, 1)
	fmt.Println(strings.HasPrefix(b.String(), "--- mutex:\ncycles/second="), strings.Contains(b.String(), "sampling period=0"))

	var w sync.WaitGroup
	for i := 0; i < 4; i++ {
		w.Add(1)
		go func() {
			defer w.Done()
			for j := 0; j < 5; j++ {
				var buf bytes.Buffer
				pprof.Lookup("goroutine").WriteTo(&buf, 2)
			}
		}()
	}
	w.Wait()
	close(ch)
	fmt.Println("done")
}
