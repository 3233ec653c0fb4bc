// Package cmp holds the Ordered constraint and comparisons of ordered
// values that give NaN a place in the order. rgo: plain Go.
package cmp

// Ordered admits every type whose values can be compared with < and >:
// integers, floats and strings, and types defined on them.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Less is Compare(x, y) < 0: NaN comes before every other value and -0.0
// equals 0.0.
func Less[T Ordered](x, y T) bool {
	return Compare(x, y) < 0
}

// Compare returns -1, 0 or +1 as x is below, equal to or above y, with NaN
// below every other value and equal to itself, and -0.0 equal to 0.0.
func Compare[T Ordered](x, y T) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return +1
	case x == y:
		return 0
	}
	// At least one side is a NaN (the only value unequal to itself).
	return rankNaN(y) - rankNaN(x)
}

// rankNaN is 1 for a NaN and 0 for anything else.
func rankNaN[T Ordered](v T) int {
	if v != v {
		return 1
	}
	return 0
}

// Or returns the first of vals that is not the zero value of T, or the zero
// value when there is none.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
