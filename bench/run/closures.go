// Closures: creation, calls through func values, captured variables.
package main

import "fmt"

func adder(k int) func(int) int {
	return func(x int) int { return x + k }
}

func apply(fs []func(int) int, x int) int {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

func main() {
	total := 0
	counter := 0
	inc := func() { counter++ }
	for i := 0; i < 30_000_000; i++ {
		fs := []func(int) int{adder(i), adder(1), func(x int) int { return x * 2 }}
		total += apply(fs, i) & 0xffff
		inc()
	}
	fmt.Println(total, counter)
}
