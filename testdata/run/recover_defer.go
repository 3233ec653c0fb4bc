// Which recover calls stop a panic: `defer recover()` in a function run
// by a panic stops it (the wrapper is skipped, the deferring function
// is the one frame between), while a directly deferred recover, a
// recover two calls down, or one under a newer panic does not.
package main

import "fmt"

func report(tag string) {
	if r := recover(); r != nil {
		fmt.Println(tag, "recovered", r)
	} else {
		fmt.Println(tag, "nothing")
	}
}

func helper() interface{} { return recover() }

func viaDeferredRecover() (out string) {
	defer func() { out = "returned normally" }()
	defer func() {
		defer recover()
	}()
	panic("first")
}

func directDeferNoop() {
	defer report("outer")
	defer recover()
	panic("second")
}

func nestedCall() {
	defer report("after nested")
	defer func() {
		fmt.Println("nested sees", helper())
	}()
	panic("third")
}

func newerPanic() {
	defer report("outermost")
	defer func() {
		defer report("inner")
		defer recover()
		panic("newer")
	}()
	panic("older")
}

func main() {
	fmt.Println(viaDeferredRecover())
	directDeferNoop()
	nestedCall()
	newerPanic()
	fmt.Println("done")
}
