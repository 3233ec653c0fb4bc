// unsafe.Sizeof, Alignof and Offsetof of values whose type involves a
// type parameter: not constants, evaluated per instantiation.
package main

import (
	"fmt"
	"unsafe"
)

func Size[T any](x T) uintptr  { return unsafe.Sizeof(x) }
func Align[T any](x T) uintptr { return unsafe.Alignof(x) }

func ArrSize[T any]() (uintptr, uintptr) {
	var a [3]T
	var s []T
	return unsafe.Sizeof(a), unsafe.Sizeof(s)
}

type Rec[T any] struct {
	flag bool
	val  T
	tail int16
}

func (r *Rec[T]) Offsets() (uintptr, uintptr, uintptr) {
	return unsafe.Offsetof(r.flag), unsafe.Offsetof(r.val), unsafe.Offsetof(r.tail)
}

func RecSize[T any]() uintptr {
	var r Rec[T]
	return unsafe.Sizeof(r)
}

type Small struct {
	a byte
	b int32
}

type Wide struct {
	a [5]byte
	b complex128
}

// Sizes that do not depend on a type parameter stay constants even in a
// generic function.
func Fixed[T any](x T) [unsafe.Sizeof(int32(0))]byte {
	const n = unsafe.Sizeof(&x)
	var p *T
	var arr [unsafe.Sizeof(p)]int
	_ = arr
	return [n / 2]byte{}
}

func main() {
	fmt.Println(Size(int8(1)), Size(int64(1)), Size("s"), Size([]int{}), Size(any(1)))
	fmt.Println(Size(Small{}), Size(Wide{}), Size([7]byte{}), Size(struct{}{}))
	fmt.Println(Align(int8(1)), Align(int32(1)), Align(Small{}), Align(Wide{}), Align([3]int16{}))
	fmt.Println(ArrSize[byte]())
	fmt.Println(ArrSize[Wide]())
	fmt.Println(ArrSize[string]())

	var r1 Rec[byte]
	var r2 Rec[float64]
	var r3 Rec[[3]int16]
	var r4 Rec[any]
	fmt.Println(r1.Offsets())
	fmt.Println(r2.Offsets())
	fmt.Println(r3.Offsets())
	fmt.Println(r4.Offsets())
	fmt.Println(RecSize[byte](), RecSize[float64](), RecSize[[3]int16](), RecSize[any]())
	fmt.Println(unsafe.Offsetof(r2.val), unsafe.Sizeof(r3), len(Fixed(1.5)))
}
