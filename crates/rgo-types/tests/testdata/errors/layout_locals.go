package p

// gc lays out the variables of function bodies too.

func g() {
	var l chan [90000]byte // ERROR "channel element type too large \\(>64kB\\)"
	_ = l
	m := make(chan [100000]byte) // ERROR "channel element type too large \\(>64kB\\)"
	_ = m
	var n chan [1<<16 - 1]byte
	_ = n
	var big [1 << 50]byte // ERROR "type \\[1125899906842624\\]byte larger than address space"
	_ = big
	x := func(c chan [120000]byte) {} // ERROR "channel element type too large \\(>64kB\\)"
	_ = x
}

func h() {
	var l2 chan [90000]byte // ERROR "channel element type too large \\(>64kB\\)"
	_ = l2
}

func gen[T any](x T) {
	var c chan [100000]T
	_ = c
}
