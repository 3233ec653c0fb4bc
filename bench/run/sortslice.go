// sort.Slice of 2e6 pseudo-random ints (a less closure called ~4.5e7 times).
package main

import (
	"fmt"
	"sort"
)

func main() {
	const n = 2_000_000
	xs := make([]int, n)
	x := uint32(12345)
	for i := range xs {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		xs[i] = int(x % 1_000_000_000)
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	fmt.Println(xs[0], xs[n/2], xs[n-1], sort.IntsAreSorted(xs))
}
