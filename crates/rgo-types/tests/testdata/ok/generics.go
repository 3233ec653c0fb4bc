package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

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

type List[T any] struct {
	next *List[T]
	val  T
}

func Keys[K comparable, V any](m map[K]V) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

type MyInt int

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5}), Sum([]MyInt{1}))
	strs := Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i) })
	fmt.Println(strs)
	var s Stack[string]
	s.Push("a")
	v, ok := s.Pop()
	fmt.Println(v, ok)
	l := &List[int]{val: 1}
	l.next = &List[int]{val: 2}
	fmt.Println(l.next.val, len(Keys(map[string]int{"a": 1})))
	f := Sum[int]
	fmt.Println(f([]int{4}))
}
