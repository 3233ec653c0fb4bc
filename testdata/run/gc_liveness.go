// Liveness: the collector frees what a function no longer uses, even
// while the function (or its caller) is still running: a variable after
// its last use, an argument the callee is done with, a temporary, a value
// received from a channel and dropped, a value a loop left behind.
package main

import (
	"fmt"
	"runtime"
)

type payload [64]int64

var phase int

// collect runs enough cycles for queued finalizers to have run.
func collect() {
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	phase++
}

func tracked(name string, log *[]string) *payload {
	p := new(payload)
	runtime.SetFinalizer(p, func(*payload) {
		*log = append(*log, fmt.Sprintf("%s freed in phase %d", name, phase))
	})
	return p
}

func sum(p *payload) int64 {
	var s int64
	for _, v := range p {
		s += v
	}
	return s
}

// A local after its last use.
func afterLastUse(log *[]string) {
	p := tracked("local", log)
	p[3] = 7
	fmt.Println("local sum", sum(p))
	collect() // p is dead here
	collect()
}

// An argument the callee is done with, while the callee still runs.
func argument(p *payload, log *[]string) {
	fmt.Println("arg sum", sum(p))
	collect() // p is dead here, although the caller passed it
}

// runtime.KeepAlive extends a life to the call.
func keptAlive(log *[]string) {
	p := tracked("kept", log)
	collect()
	runtime.KeepAlive(p)
	collect()
}

// A value received from a channel and dropped in a loop.
func received(log *[]string) {
	c := make(chan *payload, 3)
	for _, n := range []string{"recv-a", "recv-b", "recv-c"} {
		c <- tracked(n, log)
	}
	close(c)
	for p := range c {
		p[0] = 1
		p = nil
		collect()
	}
}

// A pointer kept in a struct that stays live keeps its object.
type holder struct{ p *payload }

func inStruct(log *[]string) {
	h := holder{tracked("held", log)}
	collect()
	fmt.Println("held sum", sum(h.p))
	collect()
}

func main() {
	var log []string
	afterLastUse(&log)
	argument(tracked("argument", &log), &log)
	collect()
	keptAlive(&log)
	received(&log)
	collect()
	inStruct(&log)
	collect()
	for _, l := range log {
		fmt.Println(l)
	}
}
