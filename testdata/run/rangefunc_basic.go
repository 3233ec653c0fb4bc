package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"sort"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  count stopped at", i)
				return
			}
		}
		fmt.Println("  count done")
	}
}

func pairs(s string) iter.Seq2[int, byte] {
	return func(yield func(int, byte) bool) {
		for i := 0; i < len(s); i++ {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

func three(yield func() bool) {
	_ = yield() && yield() && yield()
}

type List[T any] struct {
	items []T
}

func (l *List[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range l.items {
			if !yield(i, x) {
				return
			}
		}
	}
}

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for x := range seq {
			if keep(x) && !yield(x) {
				return
			}
		}
	}
}

func Sum[T int | float64](seq iter.Seq[T]) T {
	var s T
	for x := range seq {
		s += x
	}
	return s
}

func main() {
	for i, v := range slices.All([]string{"a", "b", "c"}) {
		fmt.Println(i, v)
	}
	for v := range slices.Values([]int{10, 20, 30}) {
		if v == 20 {
			continue
		}
		fmt.Println(v)
	}
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	keys := slices.Collect(maps.Keys(m))
	sort.Strings(keys)
	fmt.Println(keys)
	total := 0
	for k, v := range maps.All(m) {
		total += v + len(k)
	}
	fmt.Println("total", total)

	for i := range count(5) {
		if i == 3 {
			break
		}
		fmt.Println("i", i)
	}
	for range count(2) {
	}
	n := 0
	for range three {
		n++
	}
	fmt.Println("three", n)
	for i, b := range pairs("hey") {
		fmt.Println(i, string(b))
	}
	var i int
	var b byte
	for i, b = range pairs("ok") {
	}
	fmt.Println("after", i, string(b))

	l := &List[string]{items: []string{"p", "q"}}
	for i, s := range l.All() {
		fmt.Println("list", i, s)
	}
	even := Filter(count(10), func(x int) bool { return x%2 == 0 })
	fmt.Println(slices.Collect(even))
	fmt.Println(Sum(slices.Values([]float64{1.5, 2.5})), Sum(count(4)))

	// Per-iteration variables.
	var fs []func() int
	for x := range count(3) {
		fs = append(fs, func() int { return x * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	// Outer variables updated from the body.
	sum, last := 0, ""
	for i, s := range slices.All([]string{"u", "v"}) {
		sum += i
		last = s
	}
	fmt.Println(sum, last)
}
