// Package maps holds generic helpers for maps of any type. rgo: plain Go.
package maps

import "iter"

// Equal reports whether m1 and m2 hold the same keys, each with == values.
func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool {
	return EqualFunc(m1, m2, func(a, b V) bool { return a == b })
}

// EqualFunc reports whether m1 and m2 hold the same keys, each with values
// that eq accepts.
func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for key, a := range m1 {
		b, found := m2[key]
		if !found || !eq(a, b) {
			return false
		}
	}
	return true
}

// Clone returns a new map with the same entries as m (values are copied by
// assignment); a nil map clones to nil.
func Clone[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return nil
	}
	dup := make(M, len(m))
	for key, val := range m {
		dup[key] = val
	}
	return dup
}

// Copy stores every entry of src into dst, replacing dst's values for keys
// both have.
func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {
	for key, val := range src {
		dst[key] = val
	}
}

// DeleteFunc removes from m each entry for which del returns true.
func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) {
	for key, val := range m {
		if del(key, val) {
			delete(m, key)
		}
	}
}

// All yields the entries of m, in map iteration order.
func All[Map ~map[K]V, K comparable, V any](m Map) iter.Seq2[K, V] {
	return func(emit func(K, V) bool) {
		for key, val := range m {
			if !emit(key, val) {
				break
			}
		}
	}
}

// Keys yields the keys of m, in map iteration order.
func Keys[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[K] {
	return func(emit func(K) bool) {
		for key := range m {
			if !emit(key) {
				break
			}
		}
	}
}

// Values yields the values of m, in map iteration order.
func Values[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[V] {
	return func(emit func(V) bool) {
		for _, val := range m {
			if !emit(val) {
				break
			}
		}
	}
}

// Insert stores every pair of seq into m, later pairs winning.
func Insert[Map ~map[K]V, K comparable, V any](m Map, seq iter.Seq2[K, V]) {
	for key, val := range seq {
		m[key] = val
	}
}

// Collect returns a new map holding the pairs of seq, later pairs winning.
func Collect[K comparable, V any](seq iter.Seq2[K, V]) map[K]V {
	out := map[K]V{}
	Insert(out, seq)
	return out
}
