package p

// The back end lays out each function's frame: its arguments must take
// less than 1 GiB (pointers to, and slices of, large values are fine).

type large struct {
	b [1500000000]byte
}

func (x large) f1() int { // ERROR "stack frame too large \\(>1GB\\): 0 MB locals \\+ 1430 MB args"
	return 5
}

func f2(x large) int { // ERROR "stack frame too large \\(>1GB\\): 0 MB locals \\+ 1430 MB args"
	return 5
}

func f3() (x large, i int) { // ERROR "stack frame too large \\(>1GB\\): 0 MB locals \\+ 1430 MB args"
	return
}

func f4(x *large, s []large) {}

