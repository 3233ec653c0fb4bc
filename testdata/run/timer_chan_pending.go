// Go 1.23 timer channels: a timer whose value was never received is
// still pending, so Stop and Reset report true and drop the value; a
// firing that races with Stop or Reset is cancelled, so nothing arrives
// after them. Checked with timers firing on other Ps while the owner
// stops or resets them, at GOMAXPROCS 1, 2 and 4.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func spin(n int) {
	for i := 0; i < n; i++ {
		if i%64 == 0 {
			runtime.Gosched()
		}
	}
}

func main() {
	t := time.NewTimer(time.Millisecond)
	time.Sleep(3 * time.Millisecond)
	fmt.Println("expired, unreceived: Stop =", t.Stop(), "Stop again =", t.Stop())
	t.Reset(time.Millisecond)
	time.Sleep(3 * time.Millisecond)
	fmt.Println("expired, unreceived: Reset =", t.Reset(time.Hour))
	fmt.Println("pending: Stop =", t.Stop())
	t.Reset(time.Millisecond)
	<-t.C
	fmt.Println("received: Stop =", t.Stop(), "Reset =", t.Reset(time.Millisecond))
	<-t.C

	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		var wg sync.WaitGroup
		var mu sync.Mutex
		falseStops, falseResets, stale := 0, 0, 0
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				fs, fr, st := 0, 0, 0
				for i := 0; i < 300; i++ {
					t := time.NewTimer(time.Duration(i%40) * time.Microsecond)
					spin(i % 200)
					if i%2 == 0 {
						if !t.Stop() {
							fs++
						}
					} else {
						if !t.Reset(time.Hour) {
							fr++
						}
					}
					select {
					case <-t.C:
						st++
					default:
					}
					t.Stop()
				}
				mu.Lock()
				falseStops += fs
				falseResets += fr
				stale += st
				mu.Unlock()
			}()
		}
		wg.Wait()
		fmt.Printf("GOMAXPROCS=%d: Stop false %d, Reset false %d, stale values %d\n",
			procs, falseStops, falseResets, stale)
	}
}
