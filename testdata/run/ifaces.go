// Interfaces: method sets, dynamic dispatch, type assertions, type
// switches, empty interface boxing and comparison.
package main

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }
type Square struct{ s int }

func (r Rect) Area() int      { return r.w * r.h }
func (r Rect) Name() string   { return "rect" }
func (s *Square) Area() int   { return s.s * s.s }
func (s *Square) Name() string { return "square" }

type Stringer interface{ String() string }

type MyInt int

func (m MyInt) String() string { return "myint" }

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int"
	case string:
		return "string " + v
	case Stringer:
		return "stringer " + v.String()
	case Shape:
		return "shape " + v.Name()
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}}
	total := 0
	for _, s := range shapes {
		total += s.Area()
		println(s.Name(), s.Area())
	}
	println(total)
	var e interface{} = 5
	n, ok := e.(int)
	println(n, ok)
	str, ok := e.(string)
	println(str == "", ok)
	println(describe(nil), describe(1), describe("x"), describe(MyInt(3)), describe(Rect{1, 1}), describe(2.5))
	var a, b interface{} = 3, 3
	println(a == b, a != b, a == interface{}(4), a == nil)
	var sh Shape = Rect{1, 2}
	var any interface{} = sh
	_, isShape := any.(Shape)
	_, isStr := any.(Stringer)
	println(isShape, isStr)
	r := sh.(Rect)
	println(r.w, r.h)
}
