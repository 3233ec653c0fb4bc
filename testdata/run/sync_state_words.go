// The state words of sync's types, read through unsafe as Go lays them
// out: Mutex's locked/woken/starving bits and waiter count (waiters
// wake FIFO; a waiter kept out for over 1ms puts the mutex in
// starvation mode and is handed it directly), RWMutex's readerCount
// (minus 1<<30 while a writer is pending) and readerWait, WaitGroup's
// counter and waiter count. Run at GOMAXPROCS=1, where every step is
// deterministic.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

type mutexWords struct {
	state int32
	sema  uint32
}

type rwWords struct {
	w           mutexWords
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

type wgWords struct {
	state uint64
	sema  uint32
}

func mstate(m *sync.Mutex) int32 {
	return atomic.LoadInt32(&(*mutexWords)(unsafe.Pointer(m)).state)
}

func describe(s int32) string {
	return fmt.Sprintf("locked=%d woken=%d starving=%d waiters=%d", s&1, s>>1&1, s>>2&1, s>>3)
}

// waitFor yields until cond holds.
func waitFor(cond func() bool) {
	for !cond() {
		runtime.Gosched()
	}
}

func mutexFIFO() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked:", describe(mstate(&mu)))
	var order []int
	var wg sync.WaitGroup
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}()
		waitFor(func() bool { return mstate(&mu)>>3 == int32(i) })
	}
	fmt.Println("five waiting:", describe(mstate(&mu)))
	mu.Unlock()
	fmt.Println("after unlock:", describe(mstate(&mu)))
	wg.Wait()
	fmt.Println("acquired in order:", order, "final:", describe(mstate(&mu)))
}

func mutexStarvation() {
	var mu sync.Mutex
	var done atomic.Bool
	var sawStarving atomic.Bool
	var rounds atomic.Int32
	holder := make(chan bool)
	go func() {
		// Holds the mutex most of the time, releasing it only briefly.
		for !done.Load() {
			mu.Lock()
			time.Sleep(200 * time.Microsecond)
			if mstate(&mu)&4 != 0 {
				sawStarving.Store(true)
			}
			rounds.Add(1)
			mu.Unlock()
		}
		holder <- true
	}()
	waitFor(func() bool { return rounds.Load() > 0 })
	start := time.Now()
	mu.Lock()
	waited := time.Since(start)
	st := mstate(&mu)
	done.Store(true)
	mu.Unlock()
	<-holder
	fmt.Println("starving waiter got the mutex; waited over 1ms:", waited > time.Millisecond)
	fmt.Println("holder saw starvation mode:", sawStarving.Load())
	// The holder may queue again before this is read: the waiter count
	// is not shown.
	fmt.Println("state after the hand-off:", describe(st&7))
	fmt.Println("final:", describe(mstate(&mu)))
}

func rwmutex() {
	var rw sync.RWMutex
	w := (*rwWords)(unsafe.Pointer(&rw))
	show := func(what string) {
		rc, rw := atomic.LoadInt32(&w.readerCount), atomic.LoadInt32(&w.readerWait)
		fmt.Printf("%s: readerCount=%d (+1<<30: %d) readerWait=%d writer mutex: %s\n",
			what, rc, rc+1<<30, rw, describe(atomic.LoadInt32(&w.w.state)))
	}
	rw.RLock()
	rw.RLock()
	show("two readers")
	wrote := make(chan bool)
	go func() {
		rw.Lock()
		show("writer in")
		rw.Unlock()
		wrote <- true
	}()
	waitFor(func() bool { return atomic.LoadInt32(&w.readerCount) < 0 })
	show("writer pending")
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		rw.RLock() // waits behind the pending writer
		rw.RUnlock()
	}()
	waitFor(func() bool { return atomic.LoadInt32(&w.readerCount) == 3-1<<30 })
	show("late reader waiting")
	rw.RUnlock()
	show("one reader left")
	rw.RUnlock()
	<-wrote
	readers.Wait()
	show("all done")
}

func waitgroup() {
	var wg sync.WaitGroup
	s := (*wgWords)(unsafe.Pointer(&wg))
	show := func(what string) {
		v := atomic.LoadUint64(&s.state)
		fmt.Printf("%s: counter=%d waiters=%d\n", what, v>>32, v&(1<<31-1))
	}
	wg.Add(3)
	show("add 3")
	var waiters sync.WaitGroup
	for i := 0; i < 2; i++ {
		waiters.Add(1)
		go func() {
			defer waiters.Done()
			wg.Wait()
		}()
	}
	waitFor(func() bool { return atomic.LoadUint64(&s.state)&(1<<31-1) == 2 })
	show("two waiting")
	wg.Done()
	wg.Done()
	show("two done")
	wg.Done()
	show("all done")
	waiters.Wait()
	fmt.Println("waiters released")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		wg.Add(-1)
	}()
}

func main() {
	runtime.GOMAXPROCS(1)
	fmt.Println("sizes:", unsafe.Sizeof(sync.Mutex{}), unsafe.Sizeof(sync.RWMutex{}), unsafe.Sizeof(sync.WaitGroup{}))
	mutexFIFO()
	mutexStarvation()
	rwmutex()
	waitgroup()
}
