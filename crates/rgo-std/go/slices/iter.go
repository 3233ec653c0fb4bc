package slices

import (
	"cmp"
	"iter"
)

// All yields each index of s with its element, first to last.
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(emit func(int, E) bool) {
		for k := 0; k < len(s); k++ {
			if !emit(k, s[k]) {
				break
			}
		}
	}
}

// Backward yields each index of s with its element, last to first.
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(emit func(int, E) bool) {
		for k := len(s); k > 0; k-- {
			if !emit(k-1, s[k-1]) {
				break
			}
		}
	}
}

// Values yields the elements of s, first to last.
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] {
	return func(emit func(E) bool) {
		for _, elem := range s {
			if !emit(elem) {
				break
			}
		}
	}
}

// AppendSeq appends everything seq yields to s and returns the result.
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice {
	for elem := range seq {
		s = append(s, elem)
	}
	return s
}

// Collect returns what seq yields as a new slice (nil when it yields
// nothing).
func Collect[E any](seq iter.Seq[E]) []E {
	var out []E
	return AppendSeq(out, seq)
}

// Sorted is Collect followed by Sort.
func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E {
	out := Collect(seq)
	Sort(out)
	return out
}

// SortedFunc is Collect followed by SortFunc with cmp.
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	out := Collect(seq)
	SortFunc(out, cmp)
	return out
}

// SortedStableFunc is Collect followed by SortStableFunc with cmp.
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	out := Collect(seq)
	SortStableFunc(out, cmp)
	return out
}

// Chunk yields s cut into consecutive pieces of n elements (the last may
// be shorter), each with its capacity clipped to its length. n must be at
// least 1.
func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(emit func(Slice) bool) {
		for rest := s; len(rest) > 0; {
			size := min(n, len(rest))
			if !emit(rest[:size:size]) {
				return
			}
			rest = rest[size:]
		}
	}
}
