// A goroutine that locks its thread in an init function runs main.main
// on the process's main thread (Go's runtime.main keeps the main
// goroutine on m0 while the packages initialize); while main stays
// locked, no other goroutine runs on that thread.
package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
)

var initOnMain = syscall.Gettid() == os.Getpid()

func init() {
	runtime.LockOSThread()
}

func onMainThread() bool { return syscall.Gettid() == os.Getpid() }

func main() {
	fmt.Println("package vars initialized on the main thread:", initOnMain)
	fmt.Println("main on the main thread:", onMainThread())
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			runtime.Gosched()
			done <- onMainThread()
		}()
	}
	others := false
	for i := 0; i < 4; i++ {
		if <-done {
			others = true
		}
	}
	runtime.GC()
	fmt.Println("after blocking and a GC, still:", onMainThread())
	fmt.Println("another goroutine ran on the main thread:", others)
	runtime.UnlockOSThread()
}
