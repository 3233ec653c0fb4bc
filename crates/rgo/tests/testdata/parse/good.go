// Package p exercises a little of everything the parser must accept.
package p

import (
	"fmt"
	"iter"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Pair[K comparable, V any] struct {
	Key   K
	Value V `json:"value"`
}

func Sum[T Number](xs ...T) (total T) {
	for _, x := range xs {
		total += x
	}
	return
}

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func Describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int ", x)
	default:
		ch := make(chan string, 1)
		select {
		case ch <- fmt.Sprintf("%T", x):
		default:
		}
		return <-ch
	}
}

var table = map[string][]Pair[string, int]{
	"a": {{"x", 1}, {Key: "y", Value: 2}},
}

const (
	A = iota * 10
	B
	_
	C = 0x1p-2 + 1_000i
)
