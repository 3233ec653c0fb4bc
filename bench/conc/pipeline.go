// A buffered three-stage pipeline moving 2e6 values.
package main

import "fmt"

func main() {
	const n = 2000000
	a, b := make(chan int, 128), make(chan int, 128)
	go func() {
		for i := 0; i < n; i++ {
			a <- i
		}
		close(a)
	}()
	go func() {
		for v := range a {
			b <- v * 2
		}
		close(b)
	}()
	sum := 0
	for v := range b {
		sum += v
	}
	fmt.Println(sum)
}
