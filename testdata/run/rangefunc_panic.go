package main

import "fmt"

func gen(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func div(a []int) int {
	s := 0
	for i := range gen(3) {
		for j := range gen(3) {
			s += a[i] / a[j]
		}
	}
	return s
}

func main() {
	fmt.Println(div([]int{1, 2, 3}))
	fmt.Println(div([]int{1, 0, 3}))
}
