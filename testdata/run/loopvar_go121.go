//go:build go1.21

// Loop variables under go1.21 (the file's //go:build line sets the
// language version): one variable per loop, shared by every iteration, as
// closures, pointers and goroutines see it. loopvar_go122.go is the same
// program under go1.22, where each iteration has its own variable.
package main

import (
	"fmt"
	"sync"
)

type pair struct{ k, v int }

func threeClause() {
	var fs []func() int
	var ps []*int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
		ps = append(ps, &i)
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println(*ps[0], *ps[2], ps[0] == ps[2])

	// Two variables, one changed in the body and one by a closure.
	var gs []func() (int, int)
	for i, j := 0, 10; i < 3; i, j = i+1, j-1 {
		gs = append(gs, func() (int, int) { return i, j })
		if i == 1 {
			func() { j += 100 }()
		}
	}
	for _, g := range gs {
		a, b := g()
		fmt.Print(a, ",", b, " ")
	}
	fmt.Println()

	// Deferred closures run at the function's end.
	func() {
		for i := 0; i < 3; i++ {
			defer func() { fmt.Print("defer ", i, "; ") }()
		}
	}()
	fmt.Println()

	// A loop left by break: the closures see the value at the break.
	var hs []func() int
	for i := 0; ; i++ {
		hs = append(hs, func() int { return i * 10 })
		if i == 2 {
			break
		}
	}
	for _, h := range hs {
		fmt.Print(h(), " ")
	}
	fmt.Println()
}

func rangeLoops() {
	// Slice: key and value.
	var fs []func() pair
	for k, v := range []int{10, 20, 30} {
		fs = append(fs, func() pair { return pair{k, v} })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// Array: the value's address.
	var ps []*string
	for _, s := range [3]string{"a", "b", "c"} {
		ps = append(ps, &s)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println(ps[0] == ps[1])

	// String: the runes.
	var rs []func() rune
	for _, r := range "héllo" {
		rs = append(rs, func() rune { return r })
	}
	for _, f := range rs {
		fmt.Printf("%c", f())
	}
	fmt.Println()

	// Map: sorted afterwards (iteration order is random).
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	var ks []func() string
	for k := range m {
		ks = append(ks, func() string { return k })
	}
	distinct := map[string]bool{}
	for _, f := range ks {
		distinct[f()] = true
	}
	fmt.Println(len(ks), "closures,", len(distinct), "distinct keys")

	// Channel.
	ch := make(chan int, 3)
	ch <- 7
	ch <- 8
	ch <- 9
	close(ch)
	var cs []func() int
	for v := range ch {
		cs = append(cs, func() int { return v })
	}
	for _, f := range cs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// Nested loops: the inner variable of each outer iteration.
	var ns []func() string
	for i := 0; i < 2; i++ {
		for _, c := range []string{"p", "q"} {
			ns = append(ns, func() string { return fmt.Sprint(i, c) })
		}
	}
	for _, f := range ns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}

func goroutines() {
	// Each goroutine waits until the loop is over before reading.
	var wg sync.WaitGroup
	start := make(chan struct{})
	results := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(slot int) {
			defer wg.Done()
			<-start
			results[slot] = i
		}(i)
	}
	close(start)
	wg.Wait()
	fmt.Println(results)
}

func main() {
	threeClause()
	rangeLoops()
	goroutines()
}
