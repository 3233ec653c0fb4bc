// The rules of channels: buffered FIFO order, len/cap, receive from a
// closed channel, the panics of send on closed, close of closed and close
// of nil, nil channels in select, and direct hand-off to a waiting
// receiver.
package main

import (
	"errors"
	"fmt"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		var re interface{ RuntimeError() }
		fmt.Printf("%s: %v (runtime error: %v)\n", name, r, isErr && errors.As(err, &re))
	}()
	f()
}

type pair struct {
	a int8
	b string
	c [3]int16
}

func main() {
	c := make(chan int, 4)
	for i := 1; i <= 3; i++ {
		c <- i * 10
	}
	fmt.Println("len", len(c), "cap", cap(c))
	fmt.Println(<-c, <-c)
	c <- 40
	close(c)
	for v := range c {
		fmt.Println("drained", v)
	}
	v, ok := <-c
	fmt.Println("after close:", v, ok)

	s := make(chan string)
	close(s)
	str, ok := <-s
	fmt.Printf("closed string chan: %q %v\n", str, ok)

	try("send on closed", func() { c <- 1 })
	try("close of closed", func() { close(c) })
	try("close of nil", func() {
		var n chan int
		close(n)
	})

	var nilc chan int
	select {
	case v := <-nilc:
		fmt.Println("impossible", v)
	case nilc <- 1:
		fmt.Println("impossible send")
	default:
		fmt.Println("nil channels never ready")
	}
	fmt.Println("len/cap of nil:", len(nilc), cap(nilc))

	// Structs with mixed field sizes travel intact.
	pc := make(chan pair, 2)
	pc <- pair{-3, "x", [3]int16{1, -2, 3}}
	go func() { pc <- pair{7, "yy", [3]int16{4, 5, -6}} }()
	fmt.Println(<-pc, <-pc)

	// Unbuffered: the receiver waits, the sender hands off directly.
	u := make(chan []int)
	done := make(chan bool)
	go func() {
		x := <-u
		x[0] = 99
		done <- true
	}()
	sl := []int{1, 2, 3}
	u <- sl
	<-done
	fmt.Println("shared slice:", sl)

	// A waiting sender is released by the receiver; ok is true.
	w := make(chan int)
	go func() { w <- 5 }()
	x, ok := <-w
	fmt.Println(x, ok)

	// Zero-size elements.
	e := make(chan struct{}, 2)
	e <- struct{}{}
	fmt.Println(len(e))
	<-e
	fmt.Println(len(e))
}
