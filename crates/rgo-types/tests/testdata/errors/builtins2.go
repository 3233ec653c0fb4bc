package main

// append's argument-count errors list the types; new(expr) (Go 1.26).

func main() {
	var s []int
	var b []byte
	_ = append(s...) // ERROR "not enough arguments in call to append"
	_ = append(s, 1, s...) // ERROR "too many arguments in call to append"
	_ = append(b, "x"...)
	_ = append(s, s, s...) // ERROR "too many arguments in call to append"
	_ = append(b, 1, "x"...) // ERROR "too many arguments in call to append"
	_ = new(1)
	_ = new(nil) // ERROR "use of untyped nil in argument to new"
	_ = new(len) // ERROR "len \\(built-in\\) must be called"
	_ = new(1 << 70) // ERROR "cannot use 1 << 70 \\(untyped int constant 1180591620717411303424\\) as int value in argument to new \\(overflows\\)"
	var p *int = new(2)
	_ = p
	var q *float64 = new(2) // ERROR "cannot use new\\(2\\) \\(value of type \\*int\\) as \\*float64 value in variable declaration"
	_ = q
}
