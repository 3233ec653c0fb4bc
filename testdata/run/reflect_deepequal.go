package main

import (
	"fmt"
	"math"
	"reflect"
)

type Node struct {
	V    int
	Next *Node
	m    map[string][]int
}

type E struct{ s string }

func (e *E) Error() string { return e.s }

func main() {
	a := &Node{V: 1, m: map[string][]int{"x": {1, 2}}}
	a.Next = a
	b := &Node{V: 1, m: map[string][]int{"x": {1, 2}}}
	b.Next = b
	c := &Node{V: 1, m: map[string][]int{"x": {1, 3}}}
	c.Next = c
	var nilSlice []int
	var nilMap map[int]int
	var f func()
	cases := [][2]any{
		{1, 1}, {1, int64(1)}, {"a", "a"}, {[]int{1, 2}, []int{1, 2}}, {[]int{}, nilSlice},
		{map[int]int{}, nilMap}, {map[int]string{1: "a"}, map[int]string{1: "a"}},
		{a, b}, {a, c}, {[2]any{1, "x"}, [2]any{1, "x"}}, {math.NaN(), math.NaN()},
		{[]float64{math.NaN()}, []float64{math.NaN()}}, {f, f}, {nil, nil}, {nil, 0},
		{&E{"x"}, &E{"x"}}, {error(&E{"x"}), error(&E{"y"})}, {struct{ a []int }{[]int{1}}, struct{ a []int }{[]int{1}}},
		{map[[2]int]*Node{{1, 2}: b}, map[[2]int]*Node{{1, 2}: a}}, {[]any{nil}, []any{nil}},
	}
	for i, c := range cases {
		fmt.Println(i, reflect.DeepEqual(c[0], c[1]))
	}
	s := []int{1, 2, 3}
	fmt.Println(reflect.DeepEqual(s[:2], s[:2]), reflect.DeepEqual(s[:2], s[1:]))
}
