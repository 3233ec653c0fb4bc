// A select over four channels fed by four senders: 1e6 messages.
package main

import "fmt"

func main() {
	const per = 250000
	cs := [4]chan int{make(chan int), make(chan int), make(chan int), make(chan int)}
	for k := range cs {
		go func(c chan int) {
			for i := 0; i < per; i++ {
				c <- 1
			}
		}(cs[k])
	}
	sum := 0
	for n := 0; n < 4*per; n++ {
		select {
		case v := <-cs[0]:
			sum += v
		case v := <-cs[1]:
			sum += v
		case v := <-cs[2]:
			sum += v
		case v := <-cs[3]:
			sum += v
		}
	}
	fmt.Println(sum)
}
