package main

type I interface{ M() }
type T struct{}

func (*T) M() {}

func main() {
	var i I
	switch x := i.(type) { // ERROR "x declared and not used"
	case T: // ERROR "impossible type switch case: T"
	case *T, int: // ERROR "impossible type switch case: int"
	}
	var n int
	switch n.(type) { // ERROR "n \\(variable of type int\\) is not an interface"
	}
	switch n {
	case 1, 1: // ERROR "duplicate case 1 \\(constant of type int\\) in expression switch"
	case "a": // ERROR "cannot convert \"a\" \\(untyped string constant\\) to type int"
	}
	switch y := i.(type) {
	case *T:
		_ = y
	case *T: // ERROR "duplicate case \\*T in type switch"
	}
}
