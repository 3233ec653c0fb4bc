package main

func g() (int, string) {
	return 1 // ERROR "not enough return values"
}

func h() {
	return 1 // ERROR "too many return values"
}

func main() {
	x := 1 // ERROR "declared and not used: x"
	var y int // ERROR "declared and not used: y"
	s := "a"
	_ = s + 1 // ERROR "invalid operation: s \\+ 1 \\(mismatched types string and untyped int\\)"
	1 + 2 // ERROR "1 \\+ 2 \\(untyped int constant 3\\) is not used"
	len("a") // ERROR "len\\(\"a\"\\) \\(constant 1 of type int\\) is not used"
	a, b := 1 // ERROR "assignment mismatch: 2 variables but 1 value"
	_ = a + b
	x, y := 2, 3 // ERROR "no new variables on left side of :="
}
