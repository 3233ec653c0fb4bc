// Timer churn: 1000 goroutines each sleeping 100 times for 10µs, plus
// 2e5 NewTimer/Reset/Stop cycles.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 1000; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				time.Sleep(10 * time.Microsecond)
			}
		}()
	}
	wg.Wait()
	stopped := 0
	for i := 0; i < 200000; i++ {
		t := time.NewTimer(time.Hour)
		t.Reset(time.Hour)
		if t.Stop() {
			stopped++
		}
	}
	fmt.Println(stopped)
}
