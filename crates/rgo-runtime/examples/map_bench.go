// The Go side of map_bench.rs: the same operations on Go's own maps.
// Run with
//   go build -o /tmp/map_bench map_bench.go && /tmp/map_bench

package main

import (
	"fmt"
	"runtime"
	"strconv"
	"time"
)

const n = 1_000_000

func report(what string, start time.Time) {
	el := time.Since(start)
	fmt.Printf("go:  %-28s %7.1f ns/op\n", what, float64(el.Nanoseconds())/n)
}

func main() {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = "key-" + strconv.Itoa(i)
	}
	fmt.Println("round 1: fresh memory from the OS (page faults while growing)")
	sum := round(keys)
	runtime.GC()
	fmt.Println("round 2: reused memory")
	sum2 := round(keys)
	fmt.Println("checksum", sum, sum2)
}

func round(keys []string) int {
	m := make(map[int]int)
	start := time.Now()
	for i := 0; i < n; i++ {
		m[i*7] = i
	}
	report("int insert (grow from 0)", start)
	start = time.Now()
	sum := 0
	for i := 0; i < n; i++ {
		sum += m[i*7]
	}
	report("int lookup hit", start)
	start = time.Now()
	for i := 0; i < n; i++ {
		sum += m[i*7+1]
	}
	report("int lookup miss", start)
	start = time.Now()
	for k, v := range m {
		sum += k + v
	}
	report("int iterate", start)
	start = time.Now()
	for i := 0; i < n; i++ {
		delete(m, i*7)
	}
	report("int delete", start)
	mp := make(map[int]int, n)
	start = time.Now()
	for i := 0; i < n; i++ {
		mp[i*7] = i
	}
	report("int insert (presized)", start)

	ms := make(map[string]int)
	start = time.Now()
	for i, k := range keys {
		ms[k] = i
	}
	report("string insert (grow from 0)", start)
	start = time.Now()
	for _, k := range keys {
		sum += ms[k]
	}
	report("string lookup hit", start)
	if len(m) != 0 || len(ms) != n {
		panic("bad lengths")
	}
	return sum
}
