// Goroutines, WaitGroup, Mutex, channels as pipelines, GOMAXPROCS and
// NumGoroutine: results are made deterministic (sums, counts, order
// restored through indices).
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
)

func square(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

func main() {
	// A three-stage pipeline over unbuffered channels.
	src := make(chan int)
	mid := make(chan int)
	go func() {
		for i := 1; i <= 10; i++ {
			src <- i
		}
		close(src)
	}()
	go square(src, mid)
	sum := 0
	for v := range mid {
		sum += v
	}
	fmt.Println("sum of squares:", sum)

	// Fan-out/fan-in with a WaitGroup and a mutex-protected map.
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[int]int{}
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				mu.Lock()
				seen[i%10]++
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	keys := make([]int, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Print(k, ":", seen[k], " ")
	}
	fmt.Println()

	// Results returned in order through per-job channels.
	res := make([]chan string, 5)
	for i := range res {
		res[i] = make(chan string, 1)
		go func() { res[i] <- fmt.Sprintf("job %d done", i) }()
	}
	for _, c := range res {
		fmt.Println(<-c)
	}

	// The scheduler API.
	old := runtime.GOMAXPROCS(1)
	fmt.Println("GOMAXPROCS(1) returned a positive value:", old > 0)
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(old)
	fmt.Println("restored:", runtime.GOMAXPROCS(0) == old)
	block := make(chan struct{})
	started := make(chan struct{})
	for i := 0; i < 3; i++ {
		go func() {
			started <- struct{}{}
			<-block
		}()
	}
	for i := 0; i < 3; i++ {
		<-started
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	close(block)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("goroutines after close:", runtime.NumGoroutine())
}
