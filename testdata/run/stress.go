// Stress: many goroutines and channels; sums catch a lost message or a
// lost wake-up. Run under the default GOMAXPROCS and under 1.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func ring(n, rounds int) int {
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	res := make(chan int, 1)
	for i := 0; i < n; i++ {
		go func(i int) {
			in, out := chans[i], chans[(i+1)%n]
			for r := 0; r < rounds; r++ {
				v := <-in
				if i == n-1 && r == rounds-1 {
					res <- v + 1
					return
				}
				out <- v + 1
			}
		}(i)
	}
	chans[0] <- 0
	return <-res
}

func fanIn(producers, each int) int {
	out := make(chan int, 16)
	var wg sync.WaitGroup
	for p := 0; p < producers; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				out <- 1
			}
		}(p)
	}
	go func() { wg.Wait(); close(out) }()
	sum := 0
	for v := range out {
		sum += v
	}
	return sum
}

func selects(n int) int {
	a, b, quit := make(chan int), make(chan int), make(chan bool)
	go func() {
		for i := 0; i < n; i++ {
			if i%2 == 0 {
				a <- 1
			} else {
				b <- 2
			}
		}
		close(quit)
	}()
	sum := 0
	for {
		select {
		case v := <-a:
			sum += v
		case v := <-b:
			sum += v
		case <-quit:
			return sum
		}
	}
}

func mutexes(g, n int) int {
	var mu sync.Mutex
	x := 0
	var wg sync.WaitGroup
	for i := 0; i < g; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < n; j++ {
				mu.Lock()
				x++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return x
}

func main() {
	for _, procs := range []int{1, runtime.NumCPU()} {
		runtime.GOMAXPROCS(procs)
		fmt.Println(ring(100, 50), fanIn(50, 1000), selects(20000), mutexes(20, 2000))
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 10000; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println("10000 goroutines:", total)
}
