package main

import "fmt"

type W struct{ n int }

func (w W) String(x int) string { return "wrong" }

type E struct{}

func (E) Error() int { return 1 }

type R struct{}

func (R) String() string { return "right" }

func main() {
	fmt.Println(W{3}, E{}, R{})
	fmt.Printf("%s %v\n", W{4}, &R{})
}
