// select: random choice among ready cases (both get picked), default,
// blocking select over several channels, send cases, and a closed
// channel always being ready.
package main

import "fmt"

func main() {
	a := make(chan int, 1000)
	b := make(chan int, 1000)
	for i := 0; i < 1000; i++ {
		a <- i
		b <- i
	}
	na, nb := 0, 0
	for i := 0; i < 1000; i++ {
		select {
		case <-a:
			na++
		case <-b:
			nb++
		}
	}
	fmt.Println("total", na+nb, "both chosen:", na > 300 && nb > 300)

	full := make(chan int, 1)
	full <- 1
	select {
	case full <- 2:
		fmt.Println("sent to full?")
	default:
		fmt.Println("default: channel full")
	}

	// Blocking select woken by a sender on one of four channels.
	cs := [4]chan string{}
	for i := range cs {
		cs[i] = make(chan string)
	}
	for k := 0; k < 4; k++ {
		go func(k int) { cs[k] <- fmt.Sprint("from ", k) }(k)
	}
	got := map[string]bool{}
	for n := 0; n < 4; n++ {
		select {
		case m := <-cs[0]:
			got[m] = true
		case m := <-cs[1]:
			got[m] = true
		case m := <-cs[2]:
			got[m] = true
		case m := <-cs[3]:
			got[m] = true
		}
	}
	fmt.Println(len(got), got["from 0"], got["from 3"])

	// Select send woken by a receiver.
	out := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Println("received", <-out)
		}
		close(quit)
	}()
	for i := 0; ; i++ {
		select {
		case out <- i:
			continue
		case <-quit:
			fmt.Println("quit after", i)
		}
		break
	}

	closed := make(chan int)
	close(closed)
	v, ok := 1, true
	select {
	case v, ok = <-closed:
	}
	fmt.Println("closed case:", v, ok)

	// Same channel in two cases.
	d := make(chan int, 1)
	d <- 8
	select {
	case x := <-d:
		fmt.Println("got", x)
	case x := <-d:
		fmt.Println("got", x)
	}
}
