// Nested integer loops.
package main

import "fmt"

func main() {
	n := 26000
	s := 0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			s += i ^ j
		}
	}
	fmt.Println(s)
}
