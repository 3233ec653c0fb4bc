// Slices: make, append growth (capacities as Go's growslice), copy,
// 3-index slicing, aliasing.
package main

// sink makes slices escape: Go 1.25+ backs non-escaping appends with a
// 32-byte stack buffer, which rgo's escape analysis v1 does not model.
var sink []int

func main() {
	var s []int
	sink = s
	for i := 0; i < 20; i++ {
		s = append(s, i)
		sink = s
		print(cap(s), " ")
	}
	println()
	t := make([]int, 3, 10)
	println(len(t), cap(t))
	u := t[1:2]
	u = append(u, 5)
	println(t[2], len(u), cap(u))
	v := t[1:2:2]
	v = append(v, 6)
	println(t[2], cap(v))
	n := copy(t, []int{7, 8, 9, 10})
	println(n, t[0], t[1], t[2])
	b := make([]byte, 0)
	b = append(b, "hello"...)
	println(string(b), len(b), cap(b))
	ss := []string{"a", "b"}
	ss = append(ss, "c", "d", "e")
	println(len(ss), cap(ss), ss[4])
	m := [][]int{{1}, {2, 3}}
	m[1] = append(m[1], 4)
	println(len(m[1]), m[1][2])
	var z []int
	println(z == nil, len(z), cap(z))
	big := make([]int64, 1000)
	big = append(big, 1)
	println(cap(big))
	structs := []struct{ a, b int }{{1, 2}}
	structs = append(structs, struct{ a, b int }{3, 4})
	println(structs[1].b, cap(structs))
}
