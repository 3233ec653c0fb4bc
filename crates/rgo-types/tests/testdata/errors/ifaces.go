package main

type I interface {
	M()
	N(int) string
}

type T struct{}

func (T) M()            {}
func (T) N(string) string { return "" }

type U struct{}

func (*U) M()              {}
func (*U) N(int) string { return "" }

type V struct{}

func (V) m() {}

func main() {
	var i I
	i = T{} // ERROR "cannot use T\\{\\} \\(value of struct type T\\) as I value in assignment: T does not implement I \\(wrong type for method N\\)"
	i = U{} // ERROR "cannot use U\\{\\} \\(value of struct type U\\) as I value in assignment: U does not implement I \\(method M has pointer receiver\\)"
	i = &U{}
	i = V{} // ERROR "cannot use V\\{\\} \\(value of struct type V\\) as I value in assignment: V does not implement I \\(missing method M\\)"
	var e error = 1 // ERROR "cannot use 1 \\(constant of type int\\) as error value in variable declaration: int does not implement error \\(missing method Error\\)"
	_, _ = i, e
	var q interface{ M() }
	q.N() // ERROR "q\\.N undefined \\(type interface\\{M\\(\\)\\} has no field or method N\\)"
	_ = q.(T)
}
