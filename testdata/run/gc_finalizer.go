// Finalizers run once their object is unreachable, on the finalizer
// goroutine, one per object; a finalizer keeps what its object points
// to alive; SetFinalizer(p, nil) removes one; AddCleanup's function runs
// with its argument after the object is gone; Stop cancels a cleanup.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"
)

type res struct {
	id    int
	child *res
	data  []byte
}

var (
	mu     sync.Mutex
	events []string
)

func record(s string) {
	mu.Lock()
	events = append(events, s)
	mu.Unlock()
}

type closer interface{ Close() }

func (r *res) Close() { record(fmt.Sprint("close ", r.id)) }

func makeGarbage() {
	for i := 0; i < 5; i++ {
		r := &res{id: i, data: make([]byte, 64)}
		r.child = &res{id: 100 + i}
		runtime.SetFinalizer(r, func(r *res) {
			// The child is still whole when the parent is finalized.
			record(fmt.Sprint("fin ", r.id, " child ", r.child.id))
		})
	}
	removed := &res{id: 50}
	runtime.SetFinalizer(removed, func(*res) { record("removed ran") })
	runtime.SetFinalizer(removed, nil)
	iface := &res{id: 60}
	runtime.SetFinalizer(iface, func(c closer) { c.Close() })
	anyf := &res{id: 70}
	runtime.SetFinalizer(anyf, func(x any) { record(fmt.Sprint("any ", x.(*res).id)) })
	c := &res{id: 80}
	runtime.AddCleanup(c, func(id int) { record(fmt.Sprint("cleanup ", id)) }, c.id)
	stopped := &res{id: 90}
	h := runtime.AddCleanup(stopped, func(int) { record("stopped cleanup ran") }, 0)
	h.Stop()
}

func waitFor(n int) []string {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		mu.Lock()
		k := len(events)
		mu.Unlock()
		if k >= n {
			break
		}
	}
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	out := append([]string(nil), events...)
	sort.Strings(out)
	return out
}

var kept *res

func main() {
	kept = &res{id: 7}
	runtime.SetFinalizer(kept, func(*res) { record("kept ran") })
	makeGarbage()
	for _, e := range waitFor(8) {
		fmt.Println(e)
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	fmt.Println(kept.id)
}
