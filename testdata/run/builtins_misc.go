// clear on slices, unsafe.Slice/unsafe.String checks, shifts by
// constants written as floats, fields of map elements, comparisons of
// structs with blank fields.
package main

import (
	"fmt"
	"unsafe"
)

type pair struct {
	a int32
	b string
}

type padded struct {
	x int
	_ int
	y int
}

type spec struct {
	id    int64
	ratio float32
	name  string
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	// clear
	s := []int{1, 2, 3, 4, 5}
	clear(s[1:3])
	fmt.Println(s, len(s), cap(s))
	ps := []pair{{1, "x"}, {2, "y"}}
	full := ps[:cap(ps)]
	clear(ps[:1])
	fmt.Println(full, ps[0].b == "")
	var nilSlice []string
	clear(nilSlice)
	m := map[string]int{"a": 1}
	clear(m)
	fmt.Println(len(m), nilSlice == nil)

	// unsafe.Slice and unsafe.String
	arr := [4]uint16{10, 20, 30, 40}
	us := unsafe.Slice(&arr[1], 3)
	fmt.Println(us, len(us), cap(us))
	fmt.Println(unsafe.Slice((*int)(nil), 0) == nil)
	bs := []byte("hello")
	fmt.Println(unsafe.String(&bs[1], 3))
	neg := -1
	var huge uint64 = 1 << 63
	try("nil ptr", func() { _ = unsafe.Slice((*int)(nil), 2) })
	try("negative", func() { _ = unsafe.Slice(&arr[0], neg) })
	try("huge", func() { _ = unsafe.Slice(&arr[0], huge) })
	try("overflow", func() { _ = unsafe.Slice(&arr[0], uint64(1)<<62) })
	try("string nil", func() { _ = unsafe.String(nil, 1) })
	try("string negative", func() { _ = unsafe.String(&bs[0], neg) })

	// Shift counts written as float or complex constants.
	x := 3
	x <<= 2.0
	fmt.Println(x, x<<1., x>>(1+0i), int8(x)<<3.0)
	var sh int = -2
	try("negative shift", func() { x <<= sh })

	// Fields of map elements.
	ms := map[string]spec{"a": {7, 0.5, "seven"}}
	fmt.Println(ms["a"].ratio, ms["a"].name, ms["a"].id, ms["zz"].ratio == 0)
	mp := map[int]pair{1: {-3, "neg"}}
	fmt.Println(mp[1].a, mp[1].b)

	// Blank fields take no part in ==.
	p1 := *(*padded)(unsafe.Pointer(&[3]int{1, 2, 3}))
	p2 := *(*padded)(unsafe.Pointer(&[3]int{1, 9, 3}))
	fmt.Println(p1 == p2, p1.x, p1.y)
	var i1, i2 interface{} = p1, p2
	fmt.Println(i1 == i2)
	km := map[padded]int{p1: 1}
	km[p2]++
	fmt.Println(len(km), km[p1])
}
