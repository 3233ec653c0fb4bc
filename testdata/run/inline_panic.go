// Panics raised inside small leaf functions (which rgo inlines, as Go
// does): recovered values, and the traceback of the last one, which shows
// the inlined function as its own frame.
package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func at(s []int, i int) int { return s[i] }

func div(a, b int) int { return a / b }

func sign(x int) int {
	if x < 0 {
		return -1
	}
	if x > 0 {
		return 1
	}
	return 0
}

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, "->", recover())
	}()
	f()
}

func main() {
	s := []int{10, 20, 30}
	sum := 0
	for i := -3; i < 4; i++ {
		sum += sign(i) * at(s, (i+3)%3)
	}
	fmt.Println("sum", sum, div(sum, 7))
	var c Counter
	for i := 0; i < 5; i++ {
		c.Inc()
	}
	fmt.Println("count", c.n)
	try("index", func() { fmt.Println(at(s, len(s))) })
	try("divide", func() { fmt.Println(div(1, sum-sum)) })
	var p *Counter
	try("nil", func() { p.Inc() })
	p.Inc()
}
