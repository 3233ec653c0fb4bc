package main

// Go 1.21 reverse inference, method-based and core-type inference,
// recursive calls, generic methods (Go 1.27), type sets without a core type.

type Ordered interface {
	~int | ~int64 | ~string
}

func Compare[S ~[]E, E Ordered](a, b S) int { return len(a) - len(b) }

func Less[T Ordered](a, b T) int {
	if a < b {
		return -1
	}
	return 0
}

func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {}

func Apply(f func(int) string) {}

func Show[T any](x T) string { return "" }

func Pick[T any](x T) T { return x }

func Contains[S ~[]E, E comparable](s S, v E) bool { return false }

func asType[E error](err error, ppe **E) (_ E, _ bool) {
	if e, ok := err.(E); ok {
		return e, true
	}
	return asType(err, ppe)
}

type Word interface{ ~uint64 }
type wrap[T Word] interface{ getOp() T }
type V uint64

func (V) getOp() V { return 0 }
func Arg[W wrap[T], T Word]() T { var t T; return t }

var _ = Arg[V]

type R struct{}

func (r *R) N[T ~int | ~int64](n T) T { return n }

func Len[T string | []byte](s T) int { return len(s) }

func Head[B ~[]byte | ~string](p B) string { return string(p[:1]) }

type U struct{ User *int }

type M struct{ P [256]uint64 }

const n = len(((*M)(nil)).P)

var _ [n]int

func news(u *U) *int {
	_ = new(*u)
	p := new(len("ab"))
	return p
}

func Two[T, U any](x T) T { return x }

type Fns struct{ f func(int) int }

func ret() func(string) string { return Pick }

var pv func(int) int = Pick

func values() {
	var v func(string) string = Pick
	var z func(int) int = Two // ERROR "cannot infer U \\(declared at \\./x\\.go:67:13\\)"
	v = Pick
	_ = Fns{f: Pick}
	_ = Fns{Pick}
	_, _ = v, z
}

func main() {
	var all [][]int
	SortFunc(all, Compare)
	var words []string
	SortFunc(words, Less)
	Apply(Show)
	Apply(Pick) // ERROR "in call to Apply, type func\\[T any\\]\\(x T\\) T of Pick does not match func\\(int\\) string"
	_ = Contains([]byte("x"), '.')
	var g R
	var k int
	_ = g.N(k)
	_ = g.N[int64](3)
	_ = g.N("x") // ERROR "string does not satisfy ~int \\| ~int64 \\(string missing in ~int \\| ~int64\\)"
	_ = Len("abc") + Len([]byte{1})
	_ = Head("x")
	_ = new(nil) // ERROR "use of untyped nil in argument to new"
	var a struct{ x int }
	var b struct {
		x int ""
	}
	a = b
	_ = a
}
