// runtime.GOMAXPROCS shrinking and growing over and over while
// goroutines allocate (lists, maps, strings, slices), exchange
// messages and sleep: the Ps that go away hand back their cached spans,
// queued goroutines and timers, and nothing is lost or corrupted. The
// test harness also runs it with a collection at every mcache refill.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

type node struct {
	next *node
	name string
	vals []int
}

// build makes a list of n nodes holding values derived from seed.
func build(n, seed int) *node {
	var head *node
	for i := 0; i < n; i++ {
		v := seed*31 + i
		head = &node{next: head, name: strconv.Itoa(v), vals: []int{v, v * 2, v * 3}}
	}
	return head
}

// check sums the list and verifies every node against its name.
func check(l *node) (int, bool) {
	s := 0
	for ; l != nil; l = l.next {
		v, err := strconv.Atoi(l.name)
		if err != nil || len(l.vals) != 3 || l.vals[0] != v || l.vals[1] != 2*v || l.vals[2] != 3*v {
			return 0, false
		}
		s += v
	}
	return s, true
}

func want(n, seed int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += seed*31 + i
	}
	return s
}

func main() {
	const workers = 6
	const rounds = 40
	results := make(chan int, 8)
	var bad atomic.Int32
	var wg sync.WaitGroup
	var slept atomic.Int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := map[string]*node{}
			for r := 0; r < rounds; r++ {
				seed := w*1000 + r
				l := build(50+r%7, seed)
				m[strconv.Itoa(r%5)] = l
				if r%8 == 3 {
					time.Sleep(time.Duration(r%3) * 100 * time.Microsecond)
					slept.Add(1)
				}
				if r%5 == 1 {
					runtime.Gosched()
				}
				s, ok := check(l)
				if !ok || s != want(50+r%7, seed) {
					bad.Add(1)
				}
				results <- s
			}
			for _, l := range m {
				if _, ok := check(l); !ok {
					bad.Add(1)
				}
			}
		}()
	}
	var fired atomic.Int32
	for i := 0; i < 30; i++ {
		time.AfterFunc(time.Duration(i%6)*200*time.Microsecond, func() { fired.Add(1) })
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	sizes := []int{1, 4, 2, 1, 3, 4, 1, 2}
	total, count := 0, 0
	prev := runtime.GOMAXPROCS(0)
	for s := range results {
		total += s
		count++
		if count%15 == 0 {
			n := sizes[(count/15)%len(sizes)]
			if old := runtime.GOMAXPROCS(n); old != prev {
				fmt.Println("GOMAXPROCS returned", old, "want", prev)
			}
			prev = n
			if got := runtime.GOMAXPROCS(0); got != n {
				fmt.Println("GOMAXPROCS is", got, "want", n)
			}
			garbage := make([][]byte, 0, 64)
			for i := 0; i < 64; i++ {
				garbage = append(garbage, make([]byte, 16+i*8))
			}
			_ = garbage
		}
	}
	exp := 0
	for w := 0; w < workers; w++ {
		for r := 0; r < rounds; r++ {
			exp += want(50+r%7, w*1000+r)
		}
	}
	for fired.Load() < 30 {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("messages:", count, "sum ok:", total == exp, "corrupt:", bad.Load())
	fmt.Println("sleeps:", slept.Load(), "timers fired:", fired.Load())
}
