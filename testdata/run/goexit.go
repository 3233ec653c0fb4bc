// runtime.Goexit runs the deferred calls and ends only its goroutine;
// recover returns nil during it.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() {
			fmt.Println("recover during Goexit:", recover())
		}()
		defer fmt.Println("deferred 1")
		func() {
			defer fmt.Println("inner deferred")
			runtime.Goexit()
		}()
		fmt.Println("not reached")
	}()
	<-done
	fmt.Println("main continues")
}
