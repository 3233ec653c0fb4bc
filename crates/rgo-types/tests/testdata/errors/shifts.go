package main

func main() {
	var s uint = 3
	var f float64
	_ = f << 2 // ERROR "invalid operation: shifted operand f \\(variable of type float64\\) must be integer"
	_ = 1 << -1 // ERROR "invalid operation: negative shift count -1 \\(untyped int constant\\)"
	_ = 1.5 << s // ERROR "invalid operation: shifted operand 1\\.5 \\(untyped float constant\\) must be integer"
	var x int = 1 << s
	_ = x
	var y float64 = 1 << s // ERROR "invalid operation: shifted operand 1 \\(type float64\\) must be integer"
	_ = y
	_ = 1 << 1000 // ERROR "constant shift overflow"
	_ = int64(1) << 70 // ERROR "int64\\(1\\) << 70 \\(constant 1180591620717411303424 of type int64\\) overflows int64"
	const big = 1 << 62
	_ = big * 4 // ERROR "cannot use big \\* 4 \\(untyped int constant 18446744073709551616\\) as int value in assignment to _ identifier \\(overflows\\)"
}
