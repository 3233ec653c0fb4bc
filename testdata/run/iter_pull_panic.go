package main

import (
	"fmt"
	"iter"
)

func main() {
	next, stop := iter.Pull(func(yield func(string) bool) {
		yield("first")
		panic(fmt.Sprintf("sequence failed after %d", 1))
	})
	defer stop()
	fmt.Println(next())
	fmt.Println(next())
}
