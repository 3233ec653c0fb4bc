package main

// Generic functions passed and assigned as values, inferred from the
// function type they meet (Go 1.21); generic methods (Go 1.27).

type Ordered interface{ ~int | ~string }

func Compare[S ~[]E, E Ordered](a, b S) int { return len(a) - len(b) }

func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {}

func Show[T any](x T) string { return "" }

func Apply(f func(int) string) string { return f(1) }

func Contains[S ~[]E, E comparable](s S, v E) bool { return false }

type R struct{}

func (r *R) N[T ~int | ~int64](n T) T { return n }

func Len[T string | []byte](s T) int { return len(s) }

type Foo[T any] struct{ Val T }

func (f Foo[T]) Bat() {}

type Bar struct{ Foo[int] }

// The rest of a partial instantiation comes from a core type shared by
// several terms.
func ch4[P chan E | ~chan<- E, E any](E) {}

var ch4i = ch4[chan int]

var keep func(string) string = Show[string]

var show func(bool) string = Show

func main() {
	var all [][]int
	SortFunc(all, Compare)
	_ = Apply(Show)
	_ = Contains([]byte("x"), '.')
	var g R
	_ = g.N(int64(2))
	_ = Len("abc")
	_ = new(Len("x"))
	var b Bar
	b.Bat()
}
