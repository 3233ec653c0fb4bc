// A goroutine dump taken while the packages initialize shows the main
// goroutine locked to its thread (runtime.main's init lock).
package main

import "fmt"

var c = make(chan int)

var v = wait()

//go:noinline
func wait() int {
	for i := 0; i < 3; i++ {
		fmt.Print("")
	}
	return <-c
}

func main() { fmt.Println(v) }
