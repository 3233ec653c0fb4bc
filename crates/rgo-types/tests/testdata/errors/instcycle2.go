package main

func grow[T any](depth int, x T) int { // ERROR "instantiation cycle:"
	if depth == 0 {
		return 0
	}
	return grow(depth-1, []T{x})
}

func main() { _ = grow(3, 1) }
