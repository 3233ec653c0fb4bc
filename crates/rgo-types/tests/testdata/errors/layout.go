package p

// gc lays out the package-level declarations after type checking: a
// channel element of 64 KiB or more, an array past 2^50 bytes.

type Big [1 << 16]byte

type C chan [1 << 17]byte // ERROR "channel element type too large \\(>64kB\\)"

type S struct { // ERROR "channel element type too large \\(>64kB\\)"
	f chan Big
}

var c1 chan [70000]byte // ERROR "channel element type too large \\(>64kB\\)"

// the same type again: laid out once
var c2 chan [70000]byte // ERROR "channel element type too large \\(>64kB\\)"

var c3 chan [1<<16 - 1]byte

func f(p chan [80000]byte) {} // ERROR "channel element type too large \\(>64kB\\)"

type A [1 << 50]byte // ERROR "type \\[1125899906842624\\]byte larger than address space"

type A2 [1 << 49][2]byte // ERROR "type \\[562949953421312\\]\\[2\\]byte larger than address space"

var a [1 << 50]byte // ERROR "type \\[1125899906842624\\]byte larger than address space"

var a2 [1<<50 - 1]byte

var m map[string]chan [90000]byte // ERROR "channel element type too large \\(>64kB\\)"

// the body is not laid out: the declarations had errors
func g() {
	var l chan [100000]byte // ERROR "channel element type too large \\(>64kB\\)"
	_ = l
}
