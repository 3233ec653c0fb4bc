package main

import (
	"fmt"
	"reflect"
	"time"
)

func main() {
	a, b := make(chan string), make(chan int)
	go func() {
		time.Sleep(5 * time.Millisecond)
		b <- 42
	}()
	i, v, ok := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)},
	})
	fmt.Println(i, v, ok)

	out := make(chan []int)
	go func() {
		reflect.ValueOf(out).Send(reflect.ValueOf([]int{1, 2, 3}))
	}()
	fmt.Println(<-out)

	done := make(chan bool)
	go func() {
		time.Sleep(5 * time.Millisecond)
		fmt.Println("receiver got", <-a)
		done <- true
	}()
	i, _, _ = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(a), Send: reflect.ValueOf("hello")},
	})
	<-done
	fmt.Println("sent on case", i)
	close(b)
	i, v, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)}})
	fmt.Println(i, v, ok)
}
