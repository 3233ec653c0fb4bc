package main

type T struct{ a, b int }

func main() {
	_ = T{c: 1} // ERROR "unknown field c in struct literal of type T"
	_ = T{1, 2, 3} // ERROR "too many values in struct literal of type T"
	_ = T{1} // ERROR "too few values in struct literal of type T"
	_ = [2]int{1, 2, 3} // ERROR "index 2 is out of bounds \\(>= 2\\)"
	_ = map[string]int{"a": 1, "a": 2} // ERROR "duplicate key \"a\" in map literal"
	_ = []int{0: 1, 0: 2} // ERROR "duplicate index 0 in array or slice literal"
	_ = map[string]int{1: 2} // ERROR "cannot use 1 \\(untyped int constant\\) as string value in map literal"
	var p *int
	_ = p.x // ERROR "p\\.x undefined \\(type \\*int has no field or method x\\)"
	undefined1() // ERROR "undefined: undefined1"
}
