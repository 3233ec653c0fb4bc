// A sender blocked on a channel that gets closed panics at its send.
package main

import "time"

func main() {
	c := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		close(c)
	}()
	c <- 1
}
