// A chain of stack objects through a recursion: an integer result does
// not carry the objects it was computed from (escape analysis).
package main

import (
	"fmt"
	"testing"
)

type Node struct {
	v    int
	next *Node
}

func deepA(n int, prev *Node) int {
	x := Node{v: n, next: prev}
	if n == 0 {
		s := 0
		for p := &x; p != nil; p = p.next {
			s += p.v
		}
		return s
	}
	return deepA(n-1, &x)
}

func main() {
	fmt.Println(deepA(100, nil))
	fmt.Println(testing.AllocsPerRun(10, func() { deepA(50, nil) }))
}
