// A goroutine locked to its thread that blocks forever is part of Go's
// deadlock report, marked "locked to thread".
package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.LockOSThread()
	fmt.Println("locked")
	var ch chan int
	<-ch
}
