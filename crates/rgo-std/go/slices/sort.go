package slices

import (
	"cmp"
	"internal/sortalgo"
)

// sorter adapts a slice and a less function to sortalgo's callbacks.
func sorter[S ~[]E, E any](x S, less func(a, b E) bool) sortalgo.LessSwap {
	return sortalgo.LessSwap{
		Less: func(i, j int) bool { return less(x[i], x[j]) },
		Swap: func(i, j int) { x[j], x[i] = x[i], x[j] },
	}
}

// Sort sorts x ascending (NaNs first). It is not stable: equal elements
// (such as -0.0 and 0.0) end up where Go's pdqsort puts them.
func Sort[S ~[]E, E cmp.Ordered](x S) {
	sortalgo.Sort(sorter(x, cmp.Less[E]), len(x))
}

// SortFunc sorts x ascending by cmp, which must be a strict weak order;
// it is not stable.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	sortalgo.Sort(sorter(x, func(a, b E) bool { return cmp(a, b) < 0 }), len(x))
}

// SortStableFunc sorts x ascending by cmp, keeping equal elements in their
// original order.
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	sortalgo.Stable(sorter(x, func(a, b E) bool { return cmp(a, b) < 0 }), len(x))
}

// IsSorted reports whether x is ascending.
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool {
	return IsSortedFunc(x, cmp.Compare[E])
}

// IsSortedFunc reports whether x is ascending by cmp; pairs are checked
// from the end of x backwards, as Go does.
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool {
	for k := len(x) - 1; k >= 1; k-- {
		if cmp(x[k], x[k-1]) < 0 {
			return false
		}
	}
	return true
}

// Min returns the least element of x, a NaN if x holds one; it panics on
// an empty x.
func Min[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) == 0 {
		panic("slices.Min: empty list")
	}
	least := x[0]
	for _, e := range x[1:] {
		least = min(least, e)
	}
	return least
}

// MinFunc returns the first least element of x by cmp; it panics on an
// empty x.
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) == 0 {
		panic("slices.MinFunc: empty list")
	}
	return pick(x, func(e, best E) bool { return cmp(e, best) < 0 })
}

// Max returns the greatest element of x, a NaN if x holds one; it panics
// on an empty x.
func Max[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) == 0 {
		panic("slices.Max: empty list")
	}
	most := x[0]
	for _, e := range x[1:] {
		most = max(most, e)
	}
	return most
}

// MaxFunc returns the first greatest element of x by cmp; it panics on an
// empty x.
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) == 0 {
		panic("slices.MaxFunc: empty list")
	}
	return pick(x, func(e, best E) bool { return cmp(e, best) > 0 })
}

// pick returns the element of the non-empty x that wins every comparison
// better(candidate, best) it is offered, scanning from the front.
func pick[S ~[]E, E any](x S, better func(e, best E) bool) E {
	best := x[0]
	for _, e := range x[1:] {
		if better(e, best) {
			best = e
		}
	}
	return best
}

// BinarySearch finds target in the ascending x: it returns where target
// is, or would be inserted, and whether it is there (NaN finds NaN).
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) {
	return BinarySearchFunc(x, target, cmp.Compare[E])
}

// BinarySearchFunc finds target in x, which must be ascending by cmp; it
// returns the first index whose element is not below target, and whether
// that element equals target by cmp.
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		mid := lo + (hi-lo)/2 // the midpoint Go probes too
		if cmp(x[mid], target) < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(x) && cmp(x[lo], target) == 0
}
