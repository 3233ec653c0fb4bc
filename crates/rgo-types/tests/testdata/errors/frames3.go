package p

import "runtime"

// A slice literal that does not escape keeps its backing array, of any
// size, on the stack (escape analysis judges the slice, not the array).

// Non-escaping slice literals.
func s1() { // ERROR "stack frame too large \\(>1GB\\): 1525 MB locals \\+ 0 MB args"
	x := []int64{2e8: 1}
	runtime.KeepAlive(x)
}

func s2() int64 { // ERROR "stack frame too large \\(>1GB\\): 1525 MB locals \\+ 0 MB args"
	var s int64
	for _, v := range []int64{2e8: 1} {
		s += v
	}
	return s
}

func s3(i int) int64 { // ERROR "stack frame too large \\(>1GB\\): 1525 MB locals \\+ 0 MB args"
	x := []int64{1e8: 1}
	var y = []int64{1e8: 1}
	x[i] = 4
	return x[i+1] + y[i]
}

func s4(i int) int64 { // ERROR "stack frame too large \\(>1GB\\): 1525 MB locals \\+ 0 MB args"
	return []int64{2e8: int64(i)}[i]
}

// Escaping ones are on the heap.
var sink []int64

func s5() {
	x := []int64{2e8: 1}
	sink = x
}

func s6() {
	x := []int64{2e8: 1}
	sink = x[1:]
}
