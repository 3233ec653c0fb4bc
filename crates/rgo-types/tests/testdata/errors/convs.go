package main

type MyInt int

func main() {
	var f float64 = 1.5
	_ = int(f)
	_ = string(f) // ERROR "cannot convert f \\(variable of type float64\\) to type string"
	_ = []int("abc") // ERROR "cannot convert \"abc\" \\(untyped string constant\\) to type \\[\\]int"
	var m map[string]int
	_ = []byte(m) // ERROR "cannot convert m \\(variable of type map\\[string\\]int\\) to type \\[\\]byte"
	var i int
	_ = bool(i) // ERROR "cannot convert i \\(variable of type int\\) to type bool"
	_ = MyInt(1.5) // ERROR "cannot convert 1\\.5 \\(untyped float constant\\) to type MyInt"
	_ = float32(1e300) // ERROR "cannot convert 1e300 \\(untyped float constant 1e\\+300\\) to type float32"
	var p *int
	_ = uintptr(p) // ERROR "cannot convert p \\(variable of type \\*int\\) to type uintptr"
}
