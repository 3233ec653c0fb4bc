// Map insert and lookup of 1e6 int keys and 1e6 string keys.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	const n = 1_000_000
	mi := make(map[int]int)
	for i := 0; i < n; i++ {
		mi[i*7] = i
	}
	hits := 0
	for r := 0; r < 3; r++ {
		for i := 0; i < 2*n; i++ {
			if _, ok := mi[i*7/2]; ok {
				hits++
			}
		}
	}
	keys := make([]string, n)
	for i := range keys {
		keys[i] = "key" + strconv.Itoa(i)
	}
	ms := make(map[string]int)
	for i, k := range keys {
		ms[k] = i
	}
	sum := 0
	for r := 0; r < 3; r++ {
		for _, k := range keys {
			sum += ms[k]
		}
	}
	fmt.Println(len(mi), hits, len(ms), sum)
}
