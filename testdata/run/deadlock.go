// Every goroutine blocked: Go's fatal deadlock report with a dump of all
// goroutines, exit status 2.
package main

import "fmt"

func wait(c chan int) {
	c <- 1
	<-c
}

func main() {
	c := make(chan int)
	go wait(c)
	fmt.Println(<-c)
	var never chan bool
	go func() { never <- true }()
	<-c
}
