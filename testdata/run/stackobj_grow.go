// Objects that escape analysis keeps in the frame must survive the
// stack being copied to a bigger one, be scanned by the collector while
// reachable, and be fresh in every loop iteration.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type pair struct{ a, b *int }

type list struct {
	v    int
	next *list
}

type big struct {
	data [32]int
	tag  string
}

var finalized = map[string]bool{}
var mu sync.Mutex

//go:noinline
func deep(n int, p *int, gcAt int) int {
	if n == 0 {
		return *p
	}
	var buf [16]int // a bigger frame: the stack grows often
	buf[n%16] = n
	if n == gcAt {
		runtime.GC()
	}
	return deep(n-1, p, gcAt) + buf[n%16] - n
}

func newBig(tag string) *big {
	b := &big{tag: tag}
	runtime.SetFinalizer(b, func(b *big) {
		mu.Lock()
		finalized[b.tag] = true
		mu.Unlock()
	})
	return b
}

type holder struct {
	b    *big
	self *holder
}

func keepAlive() {
	h := &holder{b: newBig("held")} // stack object holding the only pointer
	h.self = h
	deep(3000, new(int), 1500)
	runtime.GC()
	runtime.GC()
	mu.Lock()
	fmt.Println("held finalized while reachable:", finalized["held"])
	mu.Unlock()
	fmt.Println(h.self.b.tag, h.self == h)
}

func perIteration() {
	var keep *pair
	sum := 0
	for i := 0; i < 5; i++ {
		x := i
		p := &pair{a: &x}
		if i == 1 {
			keep = p
		}
		sum += *p.a
	}
	fmt.Println("kept", *keep.a, "sum", sum)
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}

func deferred() (r int) {
	x := 1
	p := &x
	defer func() { r = *p * 100 }()
	deep(2000, p, -1)
	x = 5
	return 0
}

func worker(id int, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	v := id * 3
	l := &list{v: v}
	l2 := &list{v: v + 1, next: l}
	r := deep(1000+id*100, &l2.next.v, 500)
	out <- fmt.Sprint(id, ":", r, l2.v, l2.next.v)
}

func main() {
	x := 42
	y := 7
	p := &pair{a: &x, b: &y}
	l := &list{v: 1}
	l2 := &list{v: 2, next: l}
	f := func() int { return *p.a + *p.b + l2.next.v }
	defer func() { fmt.Println("deferred sees", *p.a, *p.b, f()) }()
	before := f()
	r := deep(5000, p.a, 2500)
	x++
	fmt.Println(before, r, *p.a, *p.b, f(), l2.v, l2.next.v, p.a == &x, p.b == &y)

	keepAlive()
	perIteration()
	fmt.Println("deferred result", deferred())

	out := make(chan string, 4)
	var wg sync.WaitGroup
	for id := 1; id <= 4; id++ {
		wg.Add(1)
		go worker(id, out, &wg)
	}
	wg.Wait()
	close(out)
	res := map[string]bool{}
	for s := range out {
		res[s] = true
	}
	fmt.Println(len(res), res)
}
