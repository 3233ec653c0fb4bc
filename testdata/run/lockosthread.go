// runtime.LockOSThread: a locked goroutine stays on its thread across
// blocking operations, its thread runs no other goroutine meanwhile,
// locks nest, and a goroutine exiting while locked takes its thread
// with it. Checked at GOMAXPROCS 1 and 2.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// blockingOps runs channel, select, mutex, sleep and yield operations
// that park the caller, calling check after each.
func blockingOps(check func()) {
	ch := make(chan int)
	go func() {
		for i := 0; i < 20; i++ {
			ch <- i
		}
		close(ch)
	}()
	for range ch {
		check()
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				mu.Lock()
				mu.Unlock()
			}
		}()
	}
	for j := 0; j < 50; j++ {
		mu.Lock()
		check()
		mu.Unlock()
	}
	wg.Wait()
	check()
	t := time.NewTimer(time.Millisecond)
	select {
	case <-t.C:
	case <-ch:
	}
	check()
	time.Sleep(time.Millisecond)
	check()
	for i := 0; i < 10; i++ {
		runtime.Gosched()
		check()
	}
}

func run(procs int) {
	runtime.GOMAXPROCS(procs)

	// A locked goroutine keeps its thread.
	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		tid := syscall.Gettid()
		same := true
		blockingOps(func() { same = same && syscall.Gettid() == tid })
		runtime.UnlockOSThread()
		done <- same
	}()
	fmt.Println("locked goroutine kept its thread:", <-done)

	// The locked main goroutine's thread runs no other goroutine.
	runtime.LockOSThread()
	main := syscall.Gettid()
	var wg sync.WaitGroup
	var mu sync.Mutex
	others := 0
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				if syscall.Gettid() == main {
					mu.Lock()
					others++
					mu.Unlock()
				}
				time.Sleep(10 * time.Microsecond)
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	fmt.Println("others on main's thread:", others, "main kept it:", syscall.Gettid() == main)

	// Nesting: one UnlockOSThread of two locks keeps the lock.
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	same := true
	blockingOps(func() { same = same && syscall.Gettid() == main })
	fmt.Println("nested lock held:", same)
	runtime.UnlockOSThread()
	runtime.UnlockOSThread() // unbalanced: no effect

	// Exiting while locked terminates the thread: the next locked
	// goroutine gets another one.
	tids := make(chan int)
	go func() {
		runtime.LockOSThread()
		tids <- syscall.Gettid()
	}()
	first := <-tids
	time.Sleep(5 * time.Millisecond)
	for i := 0; i < 5; i++ {
		go func() {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			time.Sleep(time.Millisecond)
			tids <- syscall.Gettid()
		}()
	}
	reused := false
	for i := 0; i < 5; i++ {
		reused = reused || <-tids == first
	}
	fmt.Println("exited thread reused:", reused)
}

func main() {
	run(1)
	run(2)
}
