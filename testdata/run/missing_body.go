package main

import "fmt"

// A function declared without a body (no //go:linkname binds it, no
// assembly file beside it) stops the build: `missing function body` at
// each such function's name, or at a method's receiver.

func add(a, b int) int

type T int

func (t T) Double() T

func (p *T) Reset()

func main() {
	fmt.Println(add(1, 2), T(3).Double())
}
