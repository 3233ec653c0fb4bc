package main

type I interface {
	M()
	M() // ERROR "duplicate method M"
}

type S struct {
	M int
}

func (S) M() {} // ERROR "field and method with the same name M"

type P *S

func (P) N() {} // ERROR "invalid receiver type P \\(pointer or interface type\\)"

type E struct {
	A
	B
}

type A struct{ X int }
type B struct{ X int }

func main() {
	var e E
	_ = e.X // ERROR "ambiguous selector e\\.X"
	var q interface{ N() }
	q.N(1) // ERROR "too many arguments in call to q\\.N"
	(*S).M(nil)
	S.Z() // ERROR "S\\.Z undefined \\(type S has no field or method Z\\)"
}
