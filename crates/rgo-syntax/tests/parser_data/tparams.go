package tparams

type A1 [N]int
type A2 [N * M]int
type A3 [P * C]int
type T1[P *C] struct{}
type T2[P *C,] struct{}
type T3[P (C)] struct{}
type T4[P *C | D] struct{}
type T5[P []int] struct{}
type T6[P ~int | ~string, Q interface{ M() }] struct{}
type T7[P *[]int] struct{}

func F[P *C, Q any](p P) {}

func (l *List[T]) Push(v T) {}
func (m Map[K, V]) Get(k K) V { var v V; return v }
