// Spawning 100,000 goroutines joined by a WaitGroup, 10 times.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var total atomic.Int64
	for round := 0; round < 10; round++ {
		var wg sync.WaitGroup
		for i := 0; i < 100000; i++ {
			wg.Add(1)
			go func(i int) {
				total.Add(int64(i))
				wg.Done()
			}(i)
		}
		wg.Wait()
	}
	fmt.Println(total.Load())
}
