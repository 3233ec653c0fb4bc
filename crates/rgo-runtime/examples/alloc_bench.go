// The Go side of alloc_bench.rs: run with
//   go build -o /tmp/alloc_bench alloc_bench.go && GOGC=off /tmp/alloc_bench

package main

import (
	"fmt"
	"time"
)

var sink *[4]int

func main() {
	start := time.Now()
	for i := 0; i < 1e7; i++ {
		sink = new([4]int)
	}
	el := time.Since(start)
	fmt.Printf("go: 10M x 32B: %v total, %.2f ns/alloc\n", el, float64(el.Nanoseconds())/1e7)
}
