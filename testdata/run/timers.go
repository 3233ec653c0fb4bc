// time: Sleep, After, AfterFunc, NewTimer/NewTicker with Go 1.23 Stop and
// Reset semantics, Since/Until, Duration printing.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(15 * time.Millisecond)
	el := time.Since(start)
	fmt.Println("slept at least 15ms:", el >= 15*time.Millisecond)

	select {
	case <-time.After(5 * time.Millisecond):
		fmt.Println("after fired")
	case <-time.After(time.Hour):
		fmt.Println("wrong timer")
	}

	var wg sync.WaitGroup
	wg.Add(1)
	var order []string
	var mu sync.Mutex
	time.AfterFunc(10*time.Millisecond, func() {
		mu.Lock()
		order = append(order, "afterfunc")
		mu.Unlock()
		wg.Done()
	})
	mu.Lock()
	order = append(order, "main")
	mu.Unlock()
	wg.Wait()
	fmt.Println(order)

	t := time.NewTimer(time.Hour)
	fmt.Println("stop active timer:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	fmt.Println("reset of a stopped timer:", t.Reset(time.Millisecond))
	<-t.C
	t.Reset(time.Hour)
	fmt.Println("reset of an active timer:", t.Reset(time.Millisecond))
	<-t.C
	fmt.Println("reset timer fired")

	// Go 1.23: after Stop, no stale value is delivered.
	t2 := time.NewTimer(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	t2.Stop()
	select {
	case <-t2.C:
		fmt.Println("stale value (pre-1.23 behaviour)")
	default:
		fmt.Println("no stale value after Stop")
	}
	fmt.Println("len/cap of timer channel:", len(t2.C), cap(t2.C))

	f := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println("stopped afterfunc:", f.Stop())

	tk := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 5 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks:", n)

	deadline := time.Now().Add(time.Hour)
	fmt.Println("until positive:", time.Until(deadline) > 59*time.Minute)
	fmt.Println(1500*time.Millisecond, 90*time.Second, 3*time.Microsecond, time.Duration(0), 26*time.Hour+3*time.Minute)
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err, d.Minutes())

	// Many sleepers do not need many threads.
	var sw sync.WaitGroup
	for i := 0; i < 1000; i++ {
		sw.Add(1)
		go func() {
			defer sw.Done()
			time.Sleep(5 * time.Millisecond)
		}()
	}
	sw.Wait()
	fmt.Println("1000 sleepers done")
}
