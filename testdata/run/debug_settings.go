// runtime/debug's settings report their previous values as Go's do: the
// GC percentage (default 100, -1 when off), the memory limit (MaxInt64
// when unset; negative values only read it), the stack limit and thread
// limit; FreeOSMemory keeps the heap usable; math/rand's runtime source.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"runtime/debug"
)

func depth(n int) int {
	var pad [64]int
	pad[n%64] = n
	if n == 0 {
		return pad[0]
	}
	return depth(n-1) + pad[n%64] - n + 1
}

func main() {
	fmt.Println(debug.SetGCPercent(50), debug.SetGCPercent(-7), debug.SetGCPercent(100))
	fmt.Println(debug.SetGCPercent(math.MaxInt32), debug.SetGCPercent(100))
	fmt.Println(debug.SetMemoryLimit(-1) == math.MaxInt64)
	fmt.Println(debug.SetMemoryLimit(1<<30) == math.MaxInt64, debug.SetMemoryLimit(-1), debug.SetMemoryLimit(math.MaxInt64))
	fmt.Println(debug.SetMaxStack(1<<24), debug.SetMaxStack(1<<30))
	fmt.Println(depth(1000))
	fmt.Println(debug.SetMaxThreads(500), debug.SetMaxThreads(10000))
	big := make([][]byte, 100)
	for i := range big {
		big[i] = make([]byte, 100<<10)
	}
	big = nil
	debug.FreeOSMemory()
	again := make([]byte, 1<<20)
	again[len(again)-1] = 7
	fmt.Println(len(again), again[len(again)-1])
	seen := map[int]bool{}
	for i := 0; i < 1000; i++ {
		n := rand.Intn(10)
		if n < 0 || n >= 10 {
			panic("Intn out of range")
		}
		seen[n] = true
	}
	fmt.Println("values seen:", len(seen))
	r := rand.New(rand.NewSource(1))
	fmt.Println(r.Intn(1000), r.Intn(1000), r.Int63())
}
