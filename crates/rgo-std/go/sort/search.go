package sort

// Both searches probe the midpoint lo + (hi-lo)/2 of the half-open range
// [lo, hi) still undecided, which is the index Go probes too, so callbacks
// see the same sequence of arguments.

// Search returns the least i in [0, n) for which f(i) is true, or n when
// there is none; f must be false then true along [0, n).
func Search(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		mid := lo + (hi-lo)/2
		if f(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Find returns the least i in [0, n) with cmp(i) <= 0 (n when none), and
// whether cmp(i) is exactly 0 there; cmp must be positive, then zero, then
// negative along [0, n).
func Find(n int, cmp func(int) int) (i int, found bool) {
	i = Search(n, func(k int) bool { return cmp(k) <= 0 })
	found = i < n && cmp(i) == 0
	return i, found
}

// SearchInts returns the index at which x is, or would be inserted, in the
// ascending slice a.
func SearchInts(a []int, x int) int {
	return Search(len(a), func(k int) bool { return a[k] >= x })
}

// SearchFloat64s returns the index at which x is, or would be inserted, in
// the ascending slice a.
func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(k int) bool { return a[k] >= x })
}

// SearchStrings returns the index at which x is, or would be inserted, in
// the ascending slice a.
func SearchStrings(a []string, x string) int {
	return Search(len(a), func(k int) bool { return a[k] >= x })
}
