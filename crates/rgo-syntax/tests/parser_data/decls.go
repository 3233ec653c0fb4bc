package decls

import "fmt"
import f "fmt"
import (
	. "math"
	_ "embed"
	"strings"
)

const A = 1
const (
	B, C = iota, -iota
	D, E
	F int = 7
)

var x, y int = 1, 2
var (
	z  = f.Sprint(Pi)
	zz []string
)

type T struct {
	a, b int `json:"a"`
	*fmt.Stringer
	strings.Builder
	G[int]
	arr [N]int
	sl  []int
}

type A1 = int
type G[T any] struct{ v T }
type GA[T any] = G[T]
type Number interface {
	~int | ~float64 | int8
	comparable
	M() int
}
type P[T interface{ ~int; M() }, U comparable] func(T) U

func (g *G[T]) Get() (v T, ok bool) { return g.v, true }
func (G[_]) Nothing()
func Map[F, T any](s []F, f func(F) T) []T { return nil }
func variadic(a int, rest ...string) {}
