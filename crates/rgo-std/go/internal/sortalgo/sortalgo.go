// Package sortalgo holds the sorting algorithms shared by sort and
// slices, written over an index-based less/swap pair so one copy serves
// sort.Interface, sort.Slice and the generic slices functions.
//
// Unstable sorting must leave equal elements where Go leaves them, so it
// follows Go's pattern-defeating quicksort (pdqsort, after Orson Peters)
// step for step, as described here in our words:
//
//   - ranges of at most 12 elements are finished by insertion sort;
//   - after log2(n) unbalanced partitions the range goes to heapsort;
//   - after an unbalanced partition, three elements around the middle are
//     swapped with positions drawn from an xorshift generator seeded with
//     the range length (shifts 13, 7, 17), masked to the next power of two;
//   - the pivot is the median of the elements at 1/4, 2/4 and 3/4 (each
//     first replaced by the median of itself and its neighbours when the
//     range has at least 50 elements); comparisons that reorder count as
//     swaps, none meaning "probably ascending", all twelve "probably
//     descending" (then the range is reversed);
//   - a probably ascending range, after balanced, untouched partitions, is
//     first given to a partial insertion sort that gives up after 5 moved
//     elements (or at once below 50 elements);
//   - when the element before the range is not less than the pivot, the
//     elements equal to the pivot are split off to the left and skipped;
//   - otherwise a Hoare partition around the pivot (moved to the front)
//     follows, and the sort recurses into the shorter side and loops on
//     the longer one.
//
// Stable sorting is insertion sort on blocks of 20 followed by in-place
// merges that split the longer run, rotate and recurse.
package sortalgo

import "math/bits"

// LessSwap is the pair of operations the algorithms need.
type LessSwap struct {
	Less func(i, j int) bool
	Swap func(i, j int)
}

// guess is what choosePivot concluded about the order of a range.
type guess int

const (
	unsure guess = iota
	ascending
	descending
)

// Sort sorts [0, n) (not stable).
func Sort(data LessSwap, n int) {
	if n > 1 {
		quick(data, 0, n, bits.Len(uint(n)))
	}
}

// InsertionSort sorts [a, b) by insertion.
func InsertionSort(data LessSwap, a, b int) {
	for next := a + 1; next < b; next++ {
		for at := next; at > a && data.Less(at, at-1); at-- {
			data.Swap(at, at-1)
		}
	}
}

// heapSort sorts [a, b) with a max-heap whose node k is element a+k.
func heapSort(data LessSwap, a, b int) {
	size := b - a
	for node := (size - 1) / 2; node >= 0; node-- {
		sink(data, a, node, size)
	}
	for last := size - 1; last >= 0; last-- {
		data.Swap(a, a+last)
		sink(data, a, 0, last)
	}
}

// sink moves heap node k of the heap [base, base+size) down below its
// larger children.
func sink(data LessSwap, base, k, size int) {
	for {
		child := 2*k + 1
		if child >= size {
			return
		}
		if child+1 < size && data.Less(base+child, base+child+1) {
			child++
		}
		if !data.Less(base+k, base+child) {
			return
		}
		data.Swap(base+k, base+child)
		k = child
	}
}

// quick sorts [a, b); budget counts the unbalanced partitions still
// allowed before heapsort takes over.
func quick(data LessSwap, a, b, budget int) {
	balanced, untouched := true, true
	for {
		size := b - a
		switch {
		case size <= 12:
			InsertionSort(data, a, b)
			return
		case budget == 0:
			heapSort(data, a, b)
			return
		}
		if !balanced {
			shuffleMiddle(data, a, b)
			budget--
		}
		pivot, order := choosePivot(data, a, b)
		if order == descending {
			reverseRange(data, a, b)
			pivot = a + (b - 1 - pivot) // where the pivot went
			order = ascending
		}
		if balanced && untouched && order == ascending && nearlySorted(data, a, b) {
			return
		}
		if a > 0 && !data.Less(a-1, pivot) {
			a = splitEqual(data, a, b, pivot)
			continue
		}
		var mid int
		mid, untouched = hoare(data, a, b, pivot)
		left, right := mid-a, b-mid
		if left < right {
			balanced = left >= size/8
			quick(data, a, mid, budget)
			a = mid + 1
		} else {
			balanced = right >= size/8
			quick(data, mid+1, b, budget)
			b = mid
		}
	}
}

// hoare moves the pivot to a and partitions [a+1, b) into elements less
// than it and the rest, then puts the pivot between them; it returns the
// pivot's place and whether nothing but the pivot had to move.
func hoare(data LessSwap, a, b, pivot int) (int, bool) {
	data.Swap(a, pivot)
	lo, hi := a+1, b-1
	untouched := true
	for {
		for lo <= hi && data.Less(lo, a) {
			lo++
		}
		for lo <= hi && !data.Less(hi, a) {
			hi--
		}
		if lo > hi {
			break
		}
		data.Swap(lo, hi)
		lo, hi = lo+1, hi-1
		untouched = false
	}
	data.Swap(hi, a)
	return hi, untouched
}

// splitEqual moves the pivot to a and gathers the elements not greater
// than it (all equal to it: none is less) at the front; it returns where
// the greater ones start.
func splitEqual(data LessSwap, a, b, pivot int) int {
	data.Swap(a, pivot)
	lo, hi := a+1, b-1
	for {
		for lo <= hi && !data.Less(a, lo) {
			lo++
		}
		for lo <= hi && data.Less(a, hi) {
			hi--
		}
		if lo > hi {
			return lo
		}
		data.Swap(lo, hi)
		lo, hi = lo+1, hi-1
	}
}

// nearlySorted tries to finish [a, b) by fixing at most 5 out-of-order
// neighbours, each shifted into place both ways; it reports success. It
// only tries ranges of at least 50 elements. (The leftward shift runs
// down to index 1, not to a, exactly as Go's does.)
func nearlySorted(data LessSwap, a, b int) bool {
	at := a + 1
	for fixes := 0; fixes < 5; fixes++ {
		for at < b && !data.Less(at, at-1) {
			at++
		}
		if at == b {
			return true
		}
		if b-a < 50 {
			return false
		}
		data.Swap(at, at-1)
		if at-a >= 2 {
			for k := at - 1; k >= 1 && data.Less(k, k-1); k-- {
				data.Swap(k, k-1)
			}
		}
		if b-at >= 2 {
			for k := at + 1; k < b && data.Less(k, k-1); k++ {
				data.Swap(k, k-1)
			}
		}
	}
	return false
}

// shuffleMiddle swaps the three elements ending just before the middle of
// [a, b) with pseudo-randomly chosen ones (ranges of at least 8).
func shuffleMiddle(data LessSwap, a, b int) {
	size := b - a
	if size < 8 {
		return
	}
	state := uint64(size)
	mask := uint(1)<<uint(bits.Len(uint(size))) - 1
	first := a + size/4*2 - 1
	for k := 0; k < 3; k++ {
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		pick := int(uint(state) & mask)
		if pick >= size {
			pick -= size
		}
		data.Swap(first+k, a+pick)
	}
}

// choosePivot returns the index of the pivot and a guess about the order
// of [a, b), from the number of reordering comparisons.
func choosePivot(data LessSwap, a, b int) (int, guess) {
	size := b - a
	quarter := size / 4
	p, q, r := a+quarter, a+2*quarter, a+3*quarter
	swaps := 0
	if size >= 8 {
		if size >= 50 {
			p = medianOf3(data, p-1, p, p+1, &swaps)
			q = medianOf3(data, q-1, q, q+1, &swaps)
			r = medianOf3(data, r-1, r, r+1, &swaps)
		}
		q = medianOf3(data, p, q, r, &swaps)
	}
	switch swaps {
	case 0:
		return q, ascending
	case 12:
		return q, descending
	}
	return q, unsure
}

// sorted2 returns x and y ordered by data, counting a reorder in swaps.
func sorted2(data LessSwap, x, y int, swaps *int) (int, int) {
	if !data.Less(y, x) {
		return x, y
	}
	*swaps++
	return y, x
}

// medianOf3 returns the index of the median of three elements with three
// comparisons: order (x, y), then (y, z), then (x, y) again.
func medianOf3(data LessSwap, x, y, z int, swaps *int) int {
	x, y = sorted2(data, x, y, swaps)
	y, _ = sorted2(data, y, z, swaps)
	_, y = sorted2(data, x, y, swaps)
	return y
}

// reverseRange reverses [a, b).
func reverseRange(data LessSwap, a, b int) {
	for lo, hi := a, b-1; lo < hi; lo, hi = lo+1, hi-1 {
		data.Swap(lo, hi)
	}
}

// Stable sorts [0, n) keeping equal elements in their original order.
func Stable(data LessSwap, n int) {
	const blockSize = 20
	a := 0
	for ; a+blockSize <= n; a += blockSize {
		InsertionSort(data, a, a+blockSize)
	}
	InsertionSort(data, a, n)
	for size := blockSize; size < n; size *= 2 {
		for lo := 0; lo+size < n; lo += 2 * size {
			hi := lo + 2*size
			if hi > n {
				hi = n
			}
			merge(data, lo, lo+size, hi)
		}
	}
}

// merge merges the sorted runs [a, m) and [m, b) in place, stably, by
// splitting the longer run at its middle, rotating, and recursing.
func merge(data LessSwap, a, m, b int) {
	if a >= m || m >= b {
		return
	}
	if m-a == 1 {
		// Insert data[a] after the right-run elements less than it.
		end := searchRange(m, b, func(h int) bool { return !data.Less(h, a) })
		for k := a; k+1 < end; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// Insert data[m] after the left-run elements not greater than it.
		start := searchRange(a, m, func(h int) bool { return data.Less(m, h) })
		for k := m; k > start; k-- {
			data.Swap(k, k-1)
		}
		return
	}
	var c1, c2 int
	if m-a >= b-m {
		c1 = a + (m-a)/2
		c2 = searchRange(m, b, func(h int) bool { return !data.Less(h, c1) })
	} else {
		c2 = m + (b-m)/2
		c1 = searchRange(a, m, func(h int) bool { return data.Less(c2, h) })
	}
	rotate(data, c1, m, c2)
	mid := c1 + (c2 - m)
	merge(data, a, c1, mid)
	merge(data, mid, c2, b)
}

// searchRange returns the first h in [lo, hi) with f(h), or hi; f must be
// false then true over the range.
func searchRange(lo, hi int, f func(int) bool) int {
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if !f(h) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// rotate turns [a, m) [m, b) into [m, b) [a, m) by three reversals.
func rotate(data LessSwap, a, m, b int) {
	reverseRange(data, a, m)
	reverseRange(data, m, b)
	reverseRange(data, a, b)
}

// IsSorted reports whether [0, n) is sorted.
func IsSorted(data LessSwap, n int) bool {
	for k := n - 1; k >= 1; k-- {
		if data.Less(k, k-1) {
			return false
		}
	}
	return true
}
