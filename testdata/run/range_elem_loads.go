// Element loads of range loops (fused index-and-load in rgo) of every
// width and sign, and the nil fault of ranging over a nil array pointer.
package main

import "fmt"

type pair struct {
	a int8
	b uint16
}

func main() {
	i8 := []int8{-1, 2, -128}
	u16 := []uint16{65535, 1}
	i32 := []int32{-5, 1 << 30}
	f32 := []float32{1.5, -2.25}
	f64 := []float64{3.125}
	ss := []string{"x", "yz"}
	fs := []func(int) int{func(x int) int { return x + 1 }, func(x int) int { return x * 3 }}
	ps := []*pair{{-3, 7}, {4, 65000}}
	sum := 0
	for _, v := range i8 {
		sum += int(v)
	}
	for _, v := range u16 {
		sum += int(v)
	}
	for _, v := range i32 {
		sum += int(v)
	}
	fmt.Println(sum)
	for _, v := range f32 {
		fmt.Println(v)
	}
	for _, v := range f64 {
		fmt.Println(v)
	}
	for i, s := range ss {
		fmt.Println(i, s)
	}
	x := 2
	for _, f := range fs {
		x = f(x)
	}
	fmt.Println(x)
	for _, p := range ps {
		fmt.Println(p.a, p.b)
	}
	arr := [3]uint8{250, 5, 1}
	t := 0
	for _, b := range &arr {
		t += int(b)
	}
	fmt.Println(t)
	var np *[3]int
	defer func() { fmt.Println("recovered:", recover()) }()
	for _, v := range np {
		fmt.Println(v)
	}
}
