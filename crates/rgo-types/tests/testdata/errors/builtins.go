package main

func main() {
	_ = int8(300) // ERROR "constant 300 overflows int8"
	var x int
	_ = append(x, 1) // ERROR "invalid append: argument must be a slice; have x \\(variable of type int\\)"
	_ = len(1) // ERROR "invalid argument: 1 \\(untyped int constant\\) for built-in len"
	_ = make(int) // ERROR "invalid argument: cannot make int: type must be slice, map, or channel"
	_ = cap(map[int]int{}) // ERROR "invalid argument: map\\[int\\]int\\{\\} \\(value of type map\\[int\\]int\\) for built-in cap"
	copy(x, x) // ERROR "invalid copy: argument must be a slice; have x \\(variable of type int\\)"
	delete(x, 1) // ERROR "invalid argument: x \\(variable of type int\\) is not a map"
	_ = make([]int) // ERROR "invalid operation: make\\(\\[\\]int\\) expects 2 or 3 arguments; found 1"
	_ = complex(1, "a") // ERROR "invalid operation: complex\\(1, \"a\"\\) \\(mismatched types untyped float and untyped string\\)"
}
