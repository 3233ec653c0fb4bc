package main

const (
	a = iota
	b
	c = 1 << 100
	d int32 = 1 << 40 // ERROR "cannot use 1 << 40 \\(untyped int constant 1099511627776\\) as int32 value in constant declaration \\(overflows\\)"
	e = 1 / 0 // ERROR "invalid operation: division by zero"
	f = "s" + 1 // ERROR "invalid operation: \"s\" \\+ 1 \\(mismatched types untyped string and untyped int\\)"
	g // ERROR "invalid operation: \"s\" \\+ 1 \\(mismatched types untyped string and untyped int\\)"
)

const big = 1 << 600 // ERROR "constant shift overflow"

var x = iota // ERROR "cannot use iota outside constant declaration"

func main() {
	const k = 10
	k = 11 // ERROR "cannot assign to k \\(neither addressable nor a map index expression\\)"
	_ = k
	var u uint = -1 // ERROR "cannot use -1 \\(untyped int constant\\) as uint value in variable declaration \\(overflows\\)"
	_ = u
}
