package main

func f() (int, int) { return 1, 2 }

func main() {
	var s []int
	var m map[string]int
	_ = s == s // ERROR "invalid operation: s == s \\(slice can only be compared to nil\\)"
	_ = m == nil
	_ = 1 << 1.5 // ERROR "1\\.5 \\(untyped float constant\\) truncated to uint"
	var u uint8
	_ = u + 256 // ERROR "256 \\(untyped int constant\\) overflows uint8"
	_ = 1 + f() // ERROR "multiple-value f\\(\\) \\(value of type \\(int, int\\)\\) in single-value context"
	var t struct{ a int }
	_ = t.(int) // ERROR "invalid operation: t \\(variable of type struct\\{a int\\}\\) is not an interface"
	_ = s[1:2:1] // ERROR "invalid slice indices: 1 < 2"
	_ = "a"[5] // ERROR "invalid argument: index 5 out of bounds \\[0:1\\]"
	_ = int // ERROR "int \\(type\\) is not an expression"
}
