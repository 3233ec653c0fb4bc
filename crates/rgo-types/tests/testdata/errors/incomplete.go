package p

import "unsafe"

// A type cannot be used before its declaration is complete: a literal,
// conversion, selector or index of it, or its size, inside its own
// declaration is an invalid recursive type (types2's isComplete and
// hasVarSize).

type A [len(B{})]int // ERROR "invalid recursive type A"
type B [len(A{})]int

type C [unsafe.Sizeof(D{})]int // ERROR "invalid recursive type C" "array length unsafe\\.Sizeof\\(D\\{\\}\\) \\(value of type uintptr\\) must be constant"
type D [2]C

type E struct { // ERROR "invalid recursive type E"
	a [unsafe.Sizeof(e.b)]int
	b int
}

var e E

type F [4][unsafe.Sizeof(f[0])]byte // ERROR "invalid recursive type F"

var f F

type G [len(G{})]int // ERROR "invalid recursive type: G refers to itself"

type H *[unsafe.Sizeof(H(nil))]int // ERROR "invalid recursive type: H refers to itself"

// Complete types are fine.
type I [unsafe.Sizeof(J{})]int
type J struct{ a, b int }

var _ [16]int = I{}

type K [len(k)]int // ERROR "invalid recursive type K"

var k = [3]*K{}
