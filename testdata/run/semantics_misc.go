// Assignment order in tuple assignments, named results captured by
// deferred closures, `case nil` in switches, == on composite values
// holding uncomparable interfaces, func types whose spellings differ
// only in parameter names, builtins fed by multi-value calls, deferred
// delete/copy/clear, constants converted to type-parameter types.
package main

import (
	"fmt"
	"strings"
)

type node struct{ v int }

type pairI [2]interface{}

type rec struct {
	a interface{}
	n int
	b interface{}
}

type Num interface {
	~float32 | ~float64 | ~complex64 | ~complex128
}

func scaled[T Num]() T { return T(2.5) * 2 }

func parts() (float64, float64)          { return 1.5, -2 }
func twoSlices() ([]byte, string)         { return make([]byte, 3), "hey" }
func grow() ([]int, int, int)             { return []int{1}, 2, 3 }
func mapAndKey() (map[string]int, string) { return map[string]int{"k": 1, "j": 2}, "k" }

func namedResult() (x int) {
	defer func() func() {
		return func() { fmt.Println("deferred sees", x) }
	}()()
	return 42
}

func deferredBuiltins() (m map[int]bool, dst []byte, s []int) {
	m = map[int]bool{}
	dst = make([]byte, 4)
	s = []int{7, 8, 9}
	for i := 0; i < 3; i++ {
		m[i] = true
		defer delete(m, i)
	}
	defer copy(dst, "abcd")
	defer clear(s[1:])
	return
}

func tryEq(name string, a, b interface{}) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	fmt.Println(name, a == b)
}

func kindOf(v interface{}) string {
	switch v.(type) {
	case func() bool:
		return "func() bool"
	case func(int) (string, error):
		return "func(int) (string, error)"
	}
	return "other"
}

func main() {
	// Tuple assignment: operands of the left side first, then
	// assignments left to right.
	p := &node{1}
	old := p
	p, p.v = &node{2}, 3
	fmt.Println(old.v, p.v)
	s := []int{1, 2, 3}
	s, s[2] = s[:1], 30
	fmt.Println(s, s[:3])
	i := 0
	m := map[int]int{0: 1}
	i, m[i] = 5, 9
	fmt.Println(i, m)

	namedResult()

	var sl []int
	var f func()
	var mp map[string]int
	switch sl {
	case nil:
		fmt.Println("nil slice")
	}
	switch f {
	case nil:
		fmt.Println("nil func")
	}
	switch mp {
	case nil:
		fmt.Println("nil map")
	}

	b := []byte{1}
	tryEq("arr first differs", pairI{1, b}, pairI{2, b})
	tryEq("arr first uncomparable", pairI{b, 1}, pairI{b, 2})
	tryEq("struct", rec{1, 2, b}, rec{1, 2, b})
	tryEq("struct early diff", rec{1, 2, b}, rec{1, 3, b})
	tryEq("nested", rec{a: rec{a: b}}, rec{a: rec{a: b}})

	named := func() (ok bool) { return true }
	fmt.Println(kindOf(named), kindOf(func(n int) (s string, err error) { return }))
	fmt.Printf("%T\n", named)

	c := complex(parts())
	dst, src := twoSlices()
	n := copy(twoSlices())
	fmt.Println(c, n, len(dst), src)
	fmt.Println(append(grow()))
	mk, k := mapAndKey()
	delete(mapAndKey())
	delete(mk, k)
	fmt.Println(mk)

	dm, dd, ds := deferredBuiltins()
	fmt.Println(len(dm), string(dd), ds)

	fmt.Println(scaled[float32](), scaled[float64](), scaled[complex64](), scaled[complex128]())

	var x interface{} = struct{}{}
	func() {
		type local struct{}
		defer func() {
			msg := fmt.Sprint(recover())
			fmt.Println(strings.Contains(msg, "struct {}"), msg)
		}()
		_ = x.(local)
	}()
}
