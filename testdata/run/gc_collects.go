// The collector frees garbage and keeps everything reachable: a loop
// allocating far more than the heap goal stays within a small heap, and
// values reachable only through globals, maps, channels, closures,
// interfaces, slices of strings and goroutine stacks survive intact.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type node struct {
	next *node
	val  int
	name string
}

type shape interface{ area() int }

type rect struct{ w, h int }

func (r *rect) area() int { return r.w * r.h }

var (
	list   *node
	byName = map[string]*node{}
	shapes []shape
	words  []string
	ch     = make(chan *node, 64)
	funcs  []func() int
)

func churn(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		b := make([]byte, 100+i%300)
		b[len(b)-1] = byte(i)
		s := strings.Repeat("x", i%50)
		sum += int(b[len(b)-1]) + len(s)
	}
	return sum
}

func build(i int) {
	n := &node{next: list, val: i, name: fmt.Sprint("n", i)}
	list = n
	byName[n.name] = n
	shapes = append(shapes, &rect{i, 2})
	words = append(words, strings.ToUpper(n.name))
	k := i
	funcs = append(funcs, func() int { return k * 3 })
	if len(ch) < cap(ch) {
		ch <- &node{val: -i}
	}
}

func check(n int) bool {
	ok := true
	i := n - 1
	for p := list; p != nil; p = p.next {
		if p.val != i || p.name != fmt.Sprint("n", i) || byName[p.name] != p {
			ok = false
		}
		i--
	}
	for j, s := range shapes {
		if s.area() != 2*j || words[j] != fmt.Sprint("N", j) || funcs[j]() != 3*j {
			ok = false
		}
	}
	return ok && i == -1
}

func main() {
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan bool)
	// A goroutine whose only reference to its data is its own stack.
	go func() {
		local := make([]*node, 0, 100)
		for i := 0; i < 100; i++ {
			local = append(local, &node{val: i})
			churn(200)
		}
		good := true
		for i, p := range local {
			good = good && p.val == i
		}
		done <- good
	}()
	for i := 0; i < 2000; i++ {
		build(i)
		churn(400)
	}
	fmt.Println("goroutine stack kept:", <-done)
	fmt.Println("structures intact:", check(2000))
	got := 0
	for len(ch) > 0 {
		got += (<-ch).val
	}
	fmt.Println("channel buffer intact:", got == -(63*64)/2)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Println("cycles ran:", after.NumGC > before.NumGC)
	fmt.Println("allocated much more than the heap:", after.TotalAlloc-before.TotalAlloc > 100<<20)
	fmt.Println("heap stayed small:", after.HeapAlloc < 32<<20)
	fmt.Println("frees counted:", after.Frees > before.Frees+100000)
	fmt.Println("still intact:", check(2000))
}
