package main

// The memory-alignment example of seed 004 (section 3): gc gives
// Example size 12, alignment 4 and ExampleOptimized size 8, alignment 4.

import (
	"fmt"
	"unsafe"
)

type Example struct {
	a bool
	b int32
	c int16
}

type ExampleOptimized struct {
	b int32
	c int16
	a bool
}

func main() {
	ex1 := Example{}
	ex2 := ExampleOptimized{}
	fmt.Printf("Example size: %d, alignment: %d\n", unsafe.Sizeof(ex1), unsafe.Alignof(ex1))
	fmt.Printf("ExampleOptimized size: %d, alignment: %d\n", unsafe.Sizeof(ex2), unsafe.Alignof(ex2))
}
