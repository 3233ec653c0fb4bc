// Taking the address of something through a nil pointer panics at
// that point, as do method calls that need the address of a field
// through a nil pointer; comparing interfaces holding uncomparable
// values panics.
package main

import "fmt"

type Inner struct{ n int }

func (in *Inner) Ptr() int { return 1 }

type Outer struct {
	pad  int
	in   Inner
	list []int
}

type Wrap struct {
	Inner
}

type Deep struct {
	x int
	*Wrap
}

var po *Outer
var pi *int
var pw *Wrap
var pd = &Deep{}

func check(name string, f func()) {
	defer func() {
		fmt.Println(name, "->", recover())
	}()
	f()
}

func main() {
	check("&*pi", func() { _ = &*pi })
	check("&po.in", func() { _ = &po.in })
	check("&po.in.n", func() { _ = &po.in.n })
	check("&po.pad", func() { _ = &po.pad })
	check("po.in.Ptr()", func() { _ = po.in.Ptr() })
	check("pw.Ptr()", func() { _ = pw.Ptr() })
	check("pw.Inner.Ptr()", func() { _ = pw.Inner.Ptr() })
	check("pd.Ptr()", func() { _ = pd.Ptr() })
	check("uncomparable", func() {
		var a, b interface{} = Outer{}, Outer{}
		fmt.Println(a == b)
	})
	check("uncomparable same", func() {
		var a interface{} = []int{1}
		fmt.Println(a == a)
	})
	check("uncomparable array", func() {
		var a interface{} = [1]map[int]int{}
		fmt.Println(a != a)
	})
	check("different types", func() {
		var a, b interface{} = []int{1}, 1
		fmt.Println(a == b)
	})
}
