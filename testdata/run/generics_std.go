package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Sum[T int | float64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	xs := []int{5, 2, 9, 1}
	slices.Sort(xs)
	fmt.Println(xs, slices.Contains(xs, 9), slices.Index(xs, 5), slices.Max(xs), slices.Min(xs))
	ss := []string{"pear", "Apple", "fig"}
	slices.SortFunc(ss, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(ss)
	fmt.Println(Map(xs, func(i int) string { return fmt.Sprint(i * 2) }))
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25))
	p := Pair[string, int]{"a", 1}
	fmt.Printf("%v %+v\n", p, p)
	fmt.Println(cmp.Compare(2, 3), min(3, 1, 2), slices.Equal(xs, []int{1, 2, 5, 9}))
	ys := slices.Clone(xs)
	slices.Reverse(ys)
	fmt.Println(ys, xs, slices.IndexFunc(ys, func(v int) bool { return v < 3 }))
}
