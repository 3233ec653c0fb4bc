// Method values and method expressions of generic types and of type
// parameters, including promoted methods and pointer/value receiver
// mixes, and partially given type arguments.
package main

import "fmt"

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s Stack[T]) Len() int { return len(s.items) }

// Outer embeds a generic type by value and by pointer.
type Outer[T any] struct {
	name string
	Stack[T]
}

type POuter[T any] struct {
	n int
	*Stack[T]
}

type Namer interface {
	Name() string
}

type Dog struct{ n string }

func (d Dog) Name() string { return "dog " + d.n }

type Cat struct {
	lives [9]int
	n     string
}

func (c *Cat) Name() string { return "cat " + c.n }

// Method values of a type parameter's methods.
func Bind[T Namer](x T) func() string {
	return x.Name
}

// Method expressions on a type parameter.
func Call[T Namer](xs []T) []string {
	f := T.Name
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// A method value used as a callback inside a generic function.
func Apply[T any](xs []T, f func(T)) {
	for _, x := range xs {
		f(x)
	}
}

type Adder[T any] interface {
	Add(T) T
}

type Vec struct{ x, y float64 }

func (v Vec) Add(w Vec) Vec { return Vec{v.x + w.x, v.y + w.y} }

func Fold[T Adder[T]](xs []T) T {
	var acc T
	add := T.Add
	for _, x := range xs {
		acc = add(acc, x)
	}
	return acc
}

// Partially given type arguments: the rest inferred.
func Convert[To, From any](xs []From, f func(From) To) []To {
	out := make([]To, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Base struct{ v int }

func (b *Base) Set(v int) { b.v = v }
func (b Base) Get() int   { return b.v }

type Mid struct {
	pad string
	Base
}

type Top struct {
	x int
	*Mid
}

func main() {
	s := &Stack[string]{}
	push := s.Push
	push("a")
	push("b")
	pop := s.Pop
	v, ok := pop()
	fmt.Println(v, ok, s.Len())

	pushE := (*Stack[int]).Push
	lenE := Stack[int].Len
	lenP := (*Stack[int]).Len
	si := &Stack[int]{}
	pushE(si, 1)
	pushE(si, 2)
	fmt.Println(lenE(*si), lenP(si))

	o := Outer[float64]{name: "o"}
	o.Push(1.5)
	op := o.Push
	op(2.5)
	fmt.Println(o.Len(), o.items)
	olen := Outer[float64].Len
	fmt.Println(olen(o))
	opush := (*Outer[float64]).Push
	opush(&o, 3.5)
	fmt.Println(o.items)

	po := POuter[int]{n: 1, Stack: &Stack[int]{}}
	ppush := POuter[int].Push
	ppush(po, 7)
	pl := po.Len
	fmt.Println(pl(), po.items)

	f := Bind(Dog{"rex"})
	g := Bind(&Cat{n: "tom"})
	fmt.Println(f(), g())
	fmt.Println(Call([]Dog{{"a"}, {"b"}}), Call([]*Cat{{n: "c"}}))
	fmt.Println(Call([]Namer{Dog{"i"}, &Cat{n: "j"}}))

	total := &Stack[int]{}
	Apply([]int{3, 4, 5}, total.Push)
	fmt.Println(total.items)

	fmt.Println(Fold([]Vec{{1, 2}, {3, 4}, {5, 6}}))

	strs := Convert[string]([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) })
	fmt.Println(strs, len(strs))

	t := Top{Mid: &Mid{}}
	set := (*Top).Set
	set(&t, 42)
	get := Top.Get
	fmt.Println(get(t), t.Get())
	mset := (*Mid).Set
	mset(t.Mid, 43)
	mget := Mid.Get
	fmt.Println(mget(*t.Mid))
	tv := t.Set
	tv(44)
	fmt.Println(t.v)
}
