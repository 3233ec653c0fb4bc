// testing.AllocsPerRun and MemStats.Mallocs count allocations exactly:
// ReadMemStats stops the world and flushes the allocation caches, as Go.
package main

import (
	"fmt"
	"runtime"
	"testing"
)

var sink any
var psink *[4]int

type big struct{ a [100]int }

func main() {
	fmt.Println(testing.AllocsPerRun(100, func() { psink = new([4]int) }))
	fmt.Println(testing.AllocsPerRun(100, func() { sink = make([]byte, 10) }))
	fmt.Println(testing.AllocsPerRun(100, func() {}))
	fmt.Println(testing.AllocsPerRun(10, func() { sink = &big{} }))
	var m1, m2 runtime.MemStats
	runtime.ReadMemStats(&m1)
	for i := 0; i < 1000; i++ {
		psink = new([4]int)
	}
	runtime.ReadMemStats(&m2)
	fmt.Println(m2.Mallocs-m1.Mallocs >= 1000, m2.TotalAlloc-m1.TotalAlloc >= 32000)
}
