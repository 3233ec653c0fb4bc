package main

import (
	"fmt"
	"unsafe"
)

type Example struct {
	a bool
	b int64
	c bool
}

type ExampleOptimized struct {
	b int64
	a bool
	c bool
}

type Tail struct {
	x int32
	z struct{}
}

type Mixed struct {
	a byte
	s string
	c complex64
	i interface{}
	p [3]int16
	sl []int
}

const (
	s1 = unsafe.Sizeof(Example{})
	s2 = unsafe.Sizeof(ExampleOptimized{})
	s3 = unsafe.Sizeof(Tail{})
	s4 = unsafe.Sizeof(Mixed{})
	a4 = unsafe.Alignof(Mixed{})
	o1 = unsafe.Offsetof(Mixed{}.c)
	o2 = unsafe.Offsetof(Mixed{}.sl)
)

func main() {
	var ex1 Example
	var ex2 ExampleOptimized
	fmt.Println(unsafe.Sizeof(ex1), unsafe.Alignof(ex1), unsafe.Sizeof(ex2), unsafe.Alignof(ex2))
	fmt.Println(s1, s2, s3, s4, a4, o1, o2)
}
