package main

import "unsafe"

type S[T any] struct {
	a int
	b T
}

type Fixed[T any] struct {
	a int
	p *T
}

func F[T any](x T) {
	const c = unsafe.Sizeof(x) // ERROR "unsafe\\.Sizeof\\(x\\) \\(value of type uintptr\\) is not constant"
	var s S[T]
	const d = unsafe.Offsetof(s.a) // ERROR "unsafe\\.Offsetof\\(s\\.a\\) \\(value of type uintptr\\) is not constant"
	const e = unsafe.Alignof(s) // ERROR "unsafe\\.Alignof\\(s\\) \\(value of type uintptr\\) is not constant"
	const f = unsafe.Sizeof(&s)
	var a [2]T
	const g = unsafe.Sizeof(a) // ERROR "unsafe\\.Sizeof\\(a\\) \\(value of type uintptr\\) is not constant"
	var fx Fixed[T]
	const h = unsafe.Sizeof(fx)
	const i = unsafe.Offsetof(fx.p)
	_, _ = f, h+i
}

type Pairer[N any] interface {
	Pair() (N, N)
}

type Room struct{ id int }

type Door struct{}

func (Door) Pair() (Room, Room) { return Room{}, Room{} }

func Ends[N any, E Pairer[N]](es []E) []N { return nil }

func main() {
	F(1)
	_ = Ends[Room]([]Door{})
}
