package main

type I interface{ m() int }

type T int

// The method's result type is undefined: types2 declares the method when
// the lookup finds it, and the assignment's error mentions `invalid type`
// (a follow-on error, dropped).
var _ I = T(0)

func (T) m(buf []byte) (a int, b undefinedType) { return 0, nil } // ERROR "undefined: undefinedType"

type J interface{ n() int }

type U int

func (U) n(buf []byte) (a int, b string) { return 0, "" }

var _ J = U(0) // ERROR "cannot use U\\(0\\) \\(constant 0 of int type U\\) as J value in variable declaration: U does not implement J \\(wrong type for method n\\)"

func main() {
	var x interface{}
	switch t := x.(type) {
	case undefinedCase: // ERROR "undefined: undefinedCase"
		t.foo = 1
	}
	defer int(0) // ERROR "defer requires function call, not conversion int\\(0\\) \\(constant 0 of type int\\)"
	go string([]byte("abc")) // ERROR "go requires function call, not conversion string\\(\\[\\]byte\\(\"abc\"\\)\\) \\(value of type string\\)"
	switch (x.(type)) { // ERROR "invalid syntax tree: use of \\.\\(type\\) outside type switch"
	}
}
