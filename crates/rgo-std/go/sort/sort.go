// Package sort sorts slices and any indexed collection that implements
// Interface, and searches sorted data.
//
// rgo: plain Go on internal/sortalgo (Go's pdqsort parameters, so the
// order of equal elements matches Go's). sort.Slice needs to swap the
// elements of a slice of unknown type: that one step is the native
// reflectSwapper, as Go uses reflectlite.Swapper.
package sort

import (
	"internal/sortalgo"
	"slices"
)

// Interface is an indexed collection the functions of this package can
// sort.
type Interface interface {
	// Len returns how many elements there are.
	Len() int
	// Less reports whether element i belongs before element j; it must
	// be a strict weak order.
	Less(i, j int) bool
	// Swap exchanges elements i and j.
	Swap(i, j int)
}

func ifaceLessSwap(data Interface) sortalgo.LessSwap {
	return sortalgo.LessSwap{Less: data.Less, Swap: data.Swap}
}

// Sort puts data in ascending order by Less. Equal elements may move
// relative to each other (to the same places as in Go).
func Sort(data Interface) {
	sortalgo.Sort(ifaceLessSwap(data), data.Len())
}

// Stable puts data in ascending order by Less, leaving equal elements in
// their original order.
func Stable(data Interface) {
	sortalgo.Stable(ifaceLessSwap(data), data.Len())
}

// IsSorted reports whether data is in ascending order by Less.
func IsSorted(data Interface) bool {
	return sortalgo.IsSorted(ifaceLessSwap(data), data.Len())
}

// reflectSwapper returns a function that swaps the elements in the slice
// x; it panics if x is not a slice (as reflect.Swapper does). Native.
func reflectSwapper(x any) func(i, j int)

// reflectLen returns the length of the slice x. Native.
func reflectLen(x any) int

// Slice sorts the slice x by less on indices; it panics when x is not a
// slice, and is not stable.
func Slice(x any, less func(i, j int) bool) {
	swap := reflectSwapper(x)
	sortalgo.Sort(sortalgo.LessSwap{Less: less, Swap: swap}, reflectLen(x))
}

// SliceStable is Slice keeping equal elements in their original order.
func SliceStable(x any, less func(i, j int) bool) {
	swap := reflectSwapper(x)
	sortalgo.Stable(sortalgo.LessSwap{Less: less, Swap: swap}, reflectLen(x))
}

// SliceIsSorted reports whether the slice x is ascending by less; pairs
// are checked from the end backwards, as Go does. It panics when x is not
// a slice.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	for k := reflectLen(x) - 1; k >= 1; k-- {
		if less(k, k-1) {
			return false
		}
	}
	return true
}

// reverse is the Interface Reverse returns: the same collection with Less
// asked the other way round.
type reverse struct {
	Interface
}

// Less is the wrapped Less with its arguments exchanged.
func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

// Reverse wraps data so that sorting it gives descending order.
func Reverse(data Interface) Interface { return &reverse{data} }

// IntSlice attaches the methods of Interface to []int, sorting in
// increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort is Sort(x).
func (x IntSlice) Sort() { Sort(x) }

// Search returns the result of applying SearchInts to the receiver and x.
func (p IntSlice) Search(x int) int { return SearchInts(p, x) }

// Float64Slice implements Interface for a []float64, sorting in
// increasing order, with not-a-number (NaN) values ordered before other
// values.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }

// Less reports whether x[i] should be ordered before x[j], as required by
// the sort Interface. Note that floating-point comparison by itself is not
// a transitive relation: it does not report a consistent ordering for
// not-a-number (NaN) values.
func (x Float64Slice) Less(i, j int) bool { return x[i] < x[j] || (isNaN(x[i]) && !isNaN(x[j])) }
func (x Float64Slice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// isNaN reports whether f is a NaN (sort does not import math).
func isNaN(f float64) bool { return f != f }

// Sort is Sort(x).
func (x Float64Slice) Sort() { Sort(x) }

// Search returns the result of applying SearchFloat64s to the receiver and x.
func (p Float64Slice) Search(x float64) int { return SearchFloat64s(p, x) }

// StringSlice attaches the methods of Interface to []string, sorting in
// increasing order.
type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort is Sort(x).
func (x StringSlice) Sort() { Sort(x) }

// Search returns the result of applying SearchStrings to the receiver and x.
func (p StringSlice) Search(x string) int { return SearchStrings(p, x) }

// Ints sorts x ascending.
func Ints(x []int) { slices.Sort(x) }

// Float64s sorts a slice of float64s in increasing order. Not-a-number
// (NaN) values are ordered before other values.
func Float64s(x []float64) { slices.Sort(x) }

// Strings sorts x ascending.
func Strings(x []string) { slices.Sort(x) }

// IntsAreSorted reports whether x is ascending.
func IntsAreSorted(x []int) bool { return slices.IsSorted(x) }

// Float64sAreSorted reports whether the slice x is sorted in increasing
// order, with not-a-number (NaN) values before any other values.
func Float64sAreSorted(x []float64) bool { return slices.IsSorted(x) }

// StringsAreSorted reports whether x is ascending.
func StringsAreSorted(x []string) bool { return slices.IsSorted(x) }
