// Memory: 100,000 goroutines parked on a channel (compare peak RSS).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const n = 100000
	block := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			wg.Done()
			<-block
		}()
	}
	wg.Wait()
	fmt.Println(runtime.NumGoroutine())
	close(block)
}
