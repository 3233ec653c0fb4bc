package p

type a b
type b c // ERROR "invalid recursive type b"
type c b

type w x
type x y // ERROR "invalid recursive type x"
type y struct{ z }
type z [10]x

type T struct{ T } // ERROR "invalid recursive type: T refers to itself"

func f() bool {
	return T{} == T{}
}

type m map[k]int // ERROR "invalid map key type k"
type k [1]m

type P *struct {
	P // ERROR "embedded field type cannot be a pointer"
}

type dup struct {
	x int
	x int // ERROR "x redeclared"
}

func g(d *dup) int { return d.x }
