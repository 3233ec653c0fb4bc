// reflect.Select on the runtime's select: it blocks until a case is
// ready, sends copies, receives from closed channels, takes default only
// when nothing is ready, and a Select that can never proceed is a
// deadlock like a select statement's.
package main

import (
	"fmt"
	"reflect"
)

type pair struct {
	a, b int
	s    string
}

func main() {
	in := make(chan pair)
	out := make(chan []int, 1)
	go func() {
		for i := 1; i <= 3; i++ {
			in <- pair{i, i * i, fmt.Sprint("p", i)}
		}
		close(in)
	}()
	recv := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(in)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf((chan int)(nil))},
	}
	for {
		i, v, ok := reflect.Select(recv)
		fmt.Println("case", i, "ok", ok, "value", v.Interface())
		if !ok {
			break
		}
	}

	xs := []int{1, 2, 3}
	send := []reflect.SelectCase{
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(out), Send: reflect.ValueOf(xs)},
		{Dir: reflect.SelectDefault},
	}
	i, _, _ := reflect.Select(send)
	fmt.Println("first send chose", i)
	i, _, _ = reflect.Select(send)
	fmt.Println("second send chose", i, "(buffer full)")
	fmt.Println("received", <-out)

	// A goroutine wakes a blocked Select through the second channel.
	c1, c2 := make(chan int), make(chan int)
	go func() { c2 <- 42 }()
	i, v, ok := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c1)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c2)},
	})
	fmt.Println("woken by case", i, v.Int(), ok)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(c1)}})
	}()

	fmt.Println("blocking forever")
	reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c1)}})
}
