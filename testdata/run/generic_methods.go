// Methods called through type parameters: constraint methods with value
// and pointer receivers, promoted through embedded fields, type arguments
// that are interfaces, multi-result methods returning type-parameter
// values, and methods of generic types using other instantiations.
package main

import (
	"fmt"
	"strconv"
)

type Shower interface {
	Show() string
}

type Num int

func (n Num) Show() string { return "Num(" + strconv.Itoa(int(n)) + ")" }

type Big struct {
	a, b, c int64
	name    string
}

func (b Big) Show() string { return fmt.Sprintf("Big{%d %d %d %s}", b.a, b.b, b.c, b.name) }

// Promoted through an embedded value and an embedded pointer.
type Wrap struct {
	tag string
	Big
}

type PWrap struct {
	x int
	*Big
}

func ShowAll[T Shower](xs []T) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Show())
	}
	return out
}

// Pointer-receiver methods through a constraint with a core pointer type.
type Setter[T any] interface {
	*T
	Set(string)
	Get() string
}

type Cell struct {
	pad [3]int
	v   string
}

func (c *Cell) Set(s string) { c.v = "cell:" + s }
func (c *Cell) Get() string  { return c.v }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		p := PT(&out[i])
		p.Set(s)
	}
	return out
}

func Gets[T any, PT Setter[T]](xs []T) string {
	s := ""
	for i := range xs {
		s += PT(&xs[i]).Get() + ";"
	}
	return s
}

// Multi-result constraint method whose results are type parameters of
// the caller (their sizes come from the type arguments).
type Pairer[N any] interface {
	Pair() (N, N)
}

type Room struct {
	id    int
	doors [6]int
}

type Door struct{ from, to int }

func (d Door) Pair() (Room, Room) {
	return Room{id: d.from, doors: [6]int{1, 2, 3, 4, 5, 6}}, Room{id: d.to}
}

func Ends[N any, E Pairer[N]](es []E) []N {
	var out []N
	for _, e := range es {
		a, b := e.Pair()
		out = append(out, a, b)
	}
	return out
}

// A generic type whose methods use other instantiations of itself.
type Box[T any] struct {
	v T
}

func (b Box[T]) Get() T   { return b.v }
func (b *Box[T]) Put(v T) { b.v = v }
func (b Box[T]) Str() Box[string] {
	return Box[string]{fmt.Sprint(b.v)}
}
func (b Box[T]) Len() int { return len(b.Str().Get()) }
func (b *Box[T]) Swap(o *Box[T]) Box[T] {
	b.v, o.v = o.v, b.v
	return *b
}

// Pair is a second generic type built from a Box's methods.
type Pair[K comparable, V any] struct {
	k K
	v Box[V]
}

func (p Pair[K, V]) Key() Box[K] { return Box[K]{p.k} }
func MakePair[K comparable, V any](k K, v V) Pair[K, V] {
	var p Pair[K, V]
	p.k = k
	p.v.Put(v)
	return p
}

// Methods on a type-parameter value whose type argument is an interface.
func Describe[T Shower](x T) string {
	return "<" + x.Show() + ">"
}

// A constraint with a method and a type set.
type IntShower interface {
	~int
	Show() string
}

func SumShow[T IntShower](xs ...T) (T, string) {
	var sum T
	s := ""
	for _, x := range xs {
		sum += x
		s += x.Show()
	}
	return sum, s
}

// Calling through a type parameter inside a closure and a deferred call.
func Later[T Shower](x T) (r string) {
	defer func() { r += "|" + x.Show() }()
	f := func() string { return x.Show() }
	return f()
}

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

type Incer interface{ Inc() }

func IncN[T Incer](x T, n int) {
	for i := 0; i < n; i++ {
		x.Inc()
	}
}

func main() {
	fmt.Println(ShowAll([]Num{1, 2, 3}))
	fmt.Println(ShowAll([]Big{{1, 2, 3, "x"}, {4, 5, 6, "y"}}))
	fmt.Println(ShowAll([]Wrap{{"t", Big{7, 8, 9, "w"}}}))
	fmt.Println(ShowAll([]PWrap{{1, &Big{10, 11, 12, "p"}}}))
	fmt.Println(ShowAll([]*Big{{13, 14, 15, "ptr"}}))
	fmt.Println(ShowAll([]Shower{Num(4), Big{name: "iface"}}))

	cells := FromStrings[Cell]([]string{"a", "b", "c"})
	fmt.Println(len(cells), cells[0].v, cells[2].v, Gets(cells))

	for _, r := range Ends[Room]([]Door{{1, 2}, {3, 4}}) {
		fmt.Println(r.id, r.doors)
	}

	b := Box[int]{5}
	b.Put(6)
	fmt.Println(b.Get(), b.Str().Get()+"!", b.Len())
	o := &Box[int]{9}
	fmt.Println(b.Swap(o), *o)
	p := MakePair("k", [3]float64{1.5, 2, 3})
	fmt.Println(p.Key().Get(), p.v.Get(), p.Key().Len(), p.v.Len())

	fmt.Println(Describe(Num(7)), Describe[Shower](Big{name: "dyn"}))
	fmt.Println(SumShow[Num](1, 2, 3))
	fmt.Println(Later(Num(8)), Later(&Big{name: "later"}))

	c := &Counter{}
	IncN(c, 5)
	fmt.Println(c.n)
}
