package main

func main() {
	var ch chan<- int
	for range ch { // ERROR "cannot range over ch \\(variable of type chan<- int\\): receive from send-only channel chan<- int"
	}
	for i, j := range 10 { // ERROR "range over 10 \\(untyped int constant\\) permits only one iteration variable"
		_, _ = i, j
	}
	var f float64
	for range f { // ERROR "cannot range over f \\(variable of type float64\\)"
	}
	var m map[string]int
	for k, v := range m { // ERROR "declared and not used: v"
		_ = k
	}
	for i := range "abc" { // ERROR "declared and not used: i"
		i = "x" // ERROR "cannot use \"x\" \\(untyped string constant\\) as int value in assignment"
	}
}
