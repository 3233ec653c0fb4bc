// cap() after append as in Go 1.25+: the first growth of an empty slice
// whose result does not escape uses a 32-byte stack buffer, once per call
// and variable; escaping results grow on the heap.
package main

import "fmt"

func build(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func buildBytes(n int) []byte {
	var s []byte
	for i := 0; i < n; i++ {
		s = append(s, 'a')
	}
	return s
}

var sink []int

func main() {
	for i := 0; i < 3; i++ {
		var s []int
		s = append(s, 1)
		fmt.Print(cap(s), " ")
	}
	fmt.Println()
	for _, n := range []int{1, 2, 3, 4, 5, 6, 9, 17} {
		fmt.Print(cap(build(n)), " ")
	}
	fmt.Println()
	for _, n := range []int{1, 5, 9, 33, 40} {
		fmt.Print(cap(buildBytes(n)), " ")
	}
	fmt.Println()
	var a []int
	a = append(a, 1)
	a = append(a, 2, 3, 4, 5)
	fmt.Println(cap(a))
	var b []int
	if len(a) > 3 {
		b = append(b, 1, 2)
	} else {
		b = append(b, 3)
	}
	b = append(b, 9)
	fmt.Println(cap(b))
	var c []string
	c = append(c, "x")
	fmt.Println(cap(c))
	type big struct{ a, b, c, d, e int }
	var d []big
	d = append(d, big{})
	fmt.Println(cap(d))
	e := []int{1}
	e = append(e, 2)
	fmt.Println(cap(e))
	var f []int
	f = append(f, 1)
	sink = f
	fmt.Println(cap(f))
}
