package main

func grow[T any](depth int, x T) int {
	if depth == 0 {
		return 0
	}
	return grow(depth-1, []T{x})
}

type node[P any] struct { // ERROR "instantiation cycle:"
	next *node[[2]P]
}

func swap[A, B any](a A, b B) {
	swap(b, a)
}

func main() {
	_ = grow(3, 1)
	var n node[int]
	_ = n
	swap(1, "a")
}
