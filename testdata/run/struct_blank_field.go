package main

import (
	"fmt"
	"reflect"
)

var trace []string

func v(s string, n int) int {
	trace = append(trace, s)
	return n
}

type T struct {
	a, _, c int
	_       string
}

var g = struct{ a, _, c int }{1, 2, 3}

// A blank field of a struct literal stays zero, though its value is
// evaluated (in order).
func main() {
	fmt.Println(reflect.ValueOf(g).Field(1).Int())
	t := T{v("a", 1), v("blank", 2), v("c", 3), "x"}
	rv := reflect.ValueOf(t)
	fmt.Println(rv.Field(0).Int(), rv.Field(1).Int(), rv.Field(2).Int(), rv.Field(3).String() == "")
	fmt.Println(trace)
	p := &T{v("a2", 4), v("blank2", 5), v("c2", 6), "y"}
	fmt.Println(reflect.ValueOf(p).Elem().Field(1).Int(), trace)
	type Big struct {
		_ [40]int
		x int
	}
	b := Big{[40]int{1, 2, 3}, 9}
	fmt.Println(reflect.ValueOf(b).Field(0).Index(0).Int(), b.x)
	fmt.Println(t == T{1, 0, 3, ""})
}
