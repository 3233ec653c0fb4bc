package main

// Type parameters whose constraints refer to each other.
type Vertex[E any] interface{ Out() []E }
type Link[V any] interface{ Ends() (V, V) }

type Net[V Vertex[L], L Link[V]] struct{ vs []V }

func (n *Net[V, L]) First() []L {
	if len(n.vs) == 0 {
		return nil
	}
	return n.vs[0].Out()
}

type city struct{ roads []road }
type road struct{ a, b *city }

func (c *city) Out() []road          { return c.roads }
func (r road) Ends() (*city, *city) { return r.a, r.b }

// A constraint that mentions its own generic type.
type Self[P interface{ Me() Self[P] }] int

type me int

func (me) Me() Self[me] { return 0 }

// Core-type inference: E from S's core type, C then B from A.
func Same[S []E, E comparable](x, y S) bool { return len(x) == len(y) }

type sets[E comparable, T []E] []T

func (sets[E, T]) Eq(a, b T) bool { return Same(a, b) }

func chain[A any, B interface{ []C }, C interface{ *A }](_ A, _ B, c C) C { return c }

// A type parameter argument unifies through its core type.
func both[E any](a, b []E) bool { return len(a) == len(b) }

func widen[S ~[]E, E any](s S, n int) S { return append(s, make(S, n)...) }

func tail[S ~[]E, E any](s S, v []E) (bool, S) {
	return both(s[1:], v), widen[S](s, 1)
}

// Type sets for close, delete and append.
type chans interface{ chan int | chan float64 }
type maps interface {
	map[string]int | map[string]bool
}

func shut[T chans](c T)            { close(c) }
func drop[M maps](m M)              { delete(m, "k") }
func grow[S ~string | ~[]byte](b []byte, s S) []byte { return append(b, s...) }

// Aliases, plain and generic.
type Num = int
type List[T any] = []T
type Dict[K comparable, V any] = map[K]V

func sum(xs List[Num]) Num {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	n := &Net[*city, road]{}
	_ = n.First()
	_ = me(0).Me()
	_ = sets[int, []int]{}.Eq([]int{1}, []int{2})
	f := chain[int]
	x := 1
	_ = f(x, []*int{}, &x)
	shut(make(chan int))
	drop(map[string]bool{})
	_ = grow(nil, "abc")
	var d Dict[string, List[Num]] = map[string][]int{"a": {1, 2}}
	_ = sum(d["a"])
	_, _ = tail([]int{1, 2}, []int{3})
}
