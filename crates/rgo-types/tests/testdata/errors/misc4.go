package main

import "unsafe"

func mine(int undefinedB) int { return 0 } // ERROR "undefined: undefinedB"

type myPointer unsafe.Pointer

func main() {
	_ = nil == nil // ERROR "invalid operation: nil == nil \\(operator == not defined on untyped nil\\)"
	mine() // ERROR "not enough arguments in call to mine"
	const _ = myPointer(uintptr(1)) // ERROR "myPointer\\(uintptr\\(1\\)\\) \\(value of Pointer type myPointer\\) is not constant"
}
