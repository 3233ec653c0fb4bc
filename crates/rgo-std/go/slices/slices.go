// Package slices holds generic helpers for slices of any element type.
// rgo: plain Go; sorting uses internal/sortalgo (Go's pdqsort
// parameters, so equal elements land where Go puts them).
//
// Facts kept from Go because they are observable: which appends grow a
// slice (hence result capacities), which tails are cleared to zero after
// shrinking, the bounds expressions whose runtime panics callers see, the
// order callbacks are called in, and the panic texts.
package slices

import (
	"cmp"
	"math/bits"
	"unsafe"
)

// Equal reports whether s1 and s2 have the same length and == elements
// (so NaNs never match).
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	return EqualFunc(s1, s2, func(a, b E) bool { return a == b })
}

// EqualFunc reports whether s1 and s2 have the same length and eq accepts
// each pair of elements, checked from the front.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for k := 0; k < len(s1); k++ {
		if !eq(s1[k], s2[k]) {
			return false
		}
	}
	return true
}

// Compare orders s1 and s2 lexicographically with cmp.Compare on the
// elements; a proper prefix comes first.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	return CompareFunc(s1, s2, cmp.Compare[E])
}

// CompareFunc orders s1 and s2 lexicographically with cmp on the elements;
// a proper prefix comes first.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	common := min(len(s1), len(s2))
	for k := 0; k < common; k++ {
		if order := cmp(s1[k], s2[k]); order != 0 {
			return order
		}
	}
	switch {
	case len(s1) > common:
		return +1
	case len(s2) > common:
		return -1
	}
	return 0
}

// Index returns the first index holding v, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	return IndexFunc(s, func(e E) bool { return e == v })
}

// IndexFunc returns the first index whose element f accepts, or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for k, elem := range s {
		if f(elem) {
			return k
		}
	}
	return -1
}

// Contains reports whether v is in s.
func Contains[S ~[]E, E comparable](s S, v E) bool { return Index(s, v) != -1 }

// ContainsFunc reports whether f accepts some element of s.
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool { return IndexFunc(s, f) != -1 }

// Insert puts v... at index i of s (0 <= i <= len(s)) and returns the
// result, reallocating when s lacks capacity.
func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:] // out-of-range i panics here, as in Go
	if len(v) == 0 {
		return s
	}
	if i == len(s) {
		return append(s, v...)
	}
	return splice(s, i, i, v)
}

// splice replaces s[i:j] by v where the result is longer than... any size;
// it is the shared tail of Insert and Replace for 0 <= i <= j < len(s).
func splice[S ~[]E, E any](s S, i, j int, v []E) S {
	tail := len(s) - j
	total := i + len(v) + tail
	if total > cap(s) {
		// Go grows with this append, so capacities match.
		out := append(s[:i], make(S, total-i)...)
		copy(out[i:], v)
		copy(out[i+len(v):], s[j:])
		return out
	}
	out := s[:total]
	if i+len(v) <= j {
		// Shrinking (or same size): v first, then the tail moves down.
		copy(out[i:], v)
		copy(out[i+len(v):], s[j:])
		clear(s[total:])
		return out
	}
	// Growing in place: the tail moves up first, which would clobber v if
	// v lives in that region, so such a v is copied beforehand.
	if overlaps(out[i+len(v):], v) {
		v = Clone(v)
	}
	copy(out[i+len(v):], s[j:])
	copy(out[i:], v)
	return out
}

// Delete removes s[i:j], zeroes the vacated tail and returns the shorter
// slice.
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)] // out-of-range i, j panic here, as in Go
	if i == j {
		return s
	}
	kept := i + copy(s[i:], s[j:])
	clear(s[kept:])
	return s[:kept]
}

// DeleteFunc removes the elements del accepts (del sees every element once,
// in order), zeroes the vacated tail and returns the shorter slice.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	kept := 0
	for _, elem := range s {
		if del(elem) {
			continue
		}
		s[kept] = elem
		kept++
	}
	clear(s[kept:])
	return s[:kept]
}

// Replace puts v... in place of s[i:j] and returns the result; vacated
// elements at the end are zeroed.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j] // out-of-range i, j panic here, as in Go
	switch {
	case i == j:
		return Insert(s, i, v...)
	case j == len(s):
		out := append(s[:i], v...)
		if len(out) < len(s) {
			clear(s[len(out):])
		}
		return out
	}
	return splice(s, i, j, v)
}

// Clone returns a shallow copy of s in new memory (nil for nil).
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S{}, s...)
}

// Compact replaces each run of == elements by its first element, zeroes
// the vacated tail and returns the shorter slice.
func Compact[S ~[]E, E comparable](s S) S {
	return CompactFunc(s, func(a, b E) bool { return a == b })
}

// CompactFunc replaces each run of elements that eq joins (eq(next, prev)
// is asked for every neighbouring pair, in order) by its first element,
// zeroes the vacated tail and returns the shorter slice.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	kept := 1
	for k := 1; k < len(s); k++ {
		// s[k-1] is intact here: writes only go to indices below k.
		if !eq(s[k], s[k-1]) {
			s[kept] = s[k]
			kept++
		}
	}
	clear(s[kept:])
	return s[:kept]
}

// Grow makes room for n more elements without changing s's length; it
// panics when n is negative.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	missing := n - (cap(s) - len(s))
	if missing <= 0 {
		return s
	}
	return append(s[:cap(s)], make([]E, missing)...)[:len(s)]
}

// Clip drops the spare capacity of s.
func Clip[S ~[]E, E any](s S) S { return s[:len(s):len(s)] }

// Reverse reverses s in place.
func Reverse[S ~[]E, E any](s S) {
	last := len(s) - 1
	for k := 0; k < len(s)/2; k++ {
		s[k], s[last-k] = s[last-k], s[k]
	}
}

// Concat returns a new slice holding the slices one after the other.
func Concat[S ~[]E, E any](slices ...S) S {
	total := 0
	for _, part := range slices {
		total += len(part)
		if total < 0 {
			panic("len out of range")
		}
	}
	out := Grow[S](nil, total)
	for _, part := range slices {
		out = append(out, part...)
	}
	return out
}

// Repeat returns a new slice holding count copies of x; it panics when
// count is negative or the length would overflow.
func Repeat[S ~[]E, E any](x S, count int) S {
	if count < 0 {
		panic("cannot be negative")
	}
	high, size := bits.Mul(uint(len(x)), uint(count))
	if high != 0 || size > uint(int(^uint(0)>>1)) {
		panic("the result of (len(x) * count) overflows")
	}
	out := make(S, int(size))
	// Fill by doubling: copy what is done so far after itself.
	for done := copy(out, x); done < len(out); {
		done += copy(out[done:], out[:done])
	}
	return out
}

// overlaps reports whether a and b share memory.
func overlaps[E any](a, b []E) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	size := unsafe.Sizeof(a[0])
	if size == 0 {
		return false
	}
	first := func(x []E) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(x))) }
	aStart, bStart := first(a), first(b)
	aEnd := aStart + uintptr(len(a))*size
	bEnd := bStart + uintptr(len(b))*size
	return aStart < bEnd && bStart < aEnd
}
