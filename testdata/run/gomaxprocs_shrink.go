// runtime.GOMAXPROCS(n) takes effect before it returns: after a shrink to
// 1, a goroutine that was running in parallel is stopped while the caller
// runs; timers of the removed Ps still fire; growing again lets it run.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	fmt.Println("set 2, was:", runtime.GOMAXPROCS(2) > 0)
	var counter atomic.Int64
	var stop atomic.Bool
	go func() {
		// Most of its time is spent inside copy, where neither Go nor
		// rgo can preempt it: a shrink must wait for it to get out.
		src := make([]byte, 64<<20)
		dst := make([]byte, 64<<20)
		for !stop.Load() {
			copy(dst, src)
			counter.Add(1)
		}
	}()
	for counter.Load() < 3 {
		runtime.Gosched()
	}
	fmt.Println("shrink, was:", runtime.GOMAXPROCS(1))
	// A fresh time slice for main, so it is not preempted below (the
	// shrink waited for the spinner to leave copy, which may take a
	// slice's worth on a loaded machine): the spinner runs its turn
	// first, then main.
	runtime.Gosched()
	c1 := counter.Load()
	moved := false
	for t := time.Now(); time.Since(t) < 3*time.Millisecond; {
		if counter.Load() != c1 {
			moved = true
		}
	}
	fmt.Println("spinner ran while main runs at GOMAXPROCS=1:", moved)

	fmt.Println("grow, was:", runtime.GOMAXPROCS(2))
	for counter.Load() == c1 {
		runtime.Gosched()
	}
	fmt.Println("spinner runs again")
	stop.Store(true)

	// Sleepers and timers parked on Ps that go away still wake.
	var wg sync.WaitGroup
	var woke atomic.Int32
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(1+i%5) * time.Millisecond)
			woke.Add(1)
		}()
	}
	fired := make(chan int, 10)
	for i := 0; i < 10; i++ {
		time.AfterFunc(2*time.Millisecond, func() { fired <- i })
	}
	runtime.Gosched()
	runtime.GOMAXPROCS(1)
	wg.Wait()
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-fired
	}
	fmt.Println("sleepers woke:", woke.Load(), "timers fired:", sum)

	// Resizing often while goroutines exchange messages loses none.
	ch := make(chan int)
	var total atomic.Int64
	var workers sync.WaitGroup
	for w := 0; w < 4; w++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for v := range ch {
				total.Add(int64(v))
			}
		}()
	}
	for i := 1; i <= 5000; i++ {
		if i%250 == 0 {
			runtime.GOMAXPROCS(1 + i/250%3)
		}
		ch <- i
	}
	close(ch)
	workers.Wait()
	fmt.Println("total:", total.Load(), "procs:", runtime.GOMAXPROCS(0))
	runtime.SetDefaultGOMAXPROCS()
	fmt.Println("default is NumCPU:", runtime.GOMAXPROCS(0) == runtime.NumCPU())
}
