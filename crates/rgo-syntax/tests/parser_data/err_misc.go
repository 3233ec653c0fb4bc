package p

type T[P any, Q] struct{}
type U[] int
type V [N,]int

func (a, b T) m() {}
func () n() {}
func g(a ...int, b int) {}
func h(a, b) {}

func k() {
	defer (f())
	go (f())
	_ = s[1:2:]
	_ = s[::3]
	_ = m[]
	var c <-<-chan int
	_ = <-chan<- int(nil)
L:
}

type I interface {
	m[T any]()
}

type S struct {
	(T)
	*(U)
}
