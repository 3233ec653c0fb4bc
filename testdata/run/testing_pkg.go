package main

import (
	"flag"
	"fmt"
	"testing"
	"time"
)

func noAlloc() {
	x := 0
	for i := 0; i < 10; i++ {
		x += i
	}
	_ = x
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
}

func main() {
	fmt.Println("Testing:", testing.Testing())
	try("Short", func() { fmt.Println(testing.Short()) })
	try("Verbose", func() { fmt.Println(testing.Verbose()) })
	testing.Init()
	try("Short after Init", func() { fmt.Println(testing.Short()) })
	flag.Parse()
	fmt.Println("short/verbose:", testing.Short(), testing.Verbose())
	if err := flag.Set("test.benchtime", "50ms"); err != nil {
		fmt.Println(err)
	}


	// BenchmarkResult's formatting.
	results := []testing.BenchmarkResult{
		{N: 1000, T: 123456789, Bytes: 10, MemAllocs: 3000, MemBytes: 64000},
		{N: 7, T: 7000},
		{N: 3, T: 0},
		{N: 0},
		{N: 50, T: time.Second, Extra: map[string]float64{"ns/op": 0.0012345, "zeta/op": 12345.6, "alpha/op": 5.5, "B/op": 99, "allocs/op": 4}},
		{N: 1 << 20, T: 3 * time.Second, Bytes: 4096, Extra: map[string]float64{"MB/s": 321.5}},
	}
	for _, r := range results {
		fmt.Printf("%q\n%q %d %d %d\n", r.String(), r.MemString(), r.NsPerOp(), r.AllocsPerOp(), r.AllocedBytesPerOp())
	}
	for _, v := range []float64{1234.5, 123.45, 12.345, 1.2345, 0.12345, 0.012345, 0.0012345, 0.00012345} {
		r := testing.BenchmarkResult{N: 1, Extra: map[string]float64{"ns/op": v}}
		fmt.Printf("%q\n", r.String())
	}

	// A real benchmark: N grows until the bench time is used.
	calls := 0
	r := testing.Benchmark(func(b *testing.B) {
		calls++
		for i := 0; i < b.N; i++ {
			time.Sleep(100 * time.Microsecond)
		}
	})
	fmt.Println("benchmark:", calls > 1, r.N > 10, r.T >= 40*time.Millisecond, r.NsPerOp() >= 100000)
	r = testing.Benchmark(func(b *testing.B) {
		b.SetBytes(512)
		b.ReportMetric(7, "things/op")
		for b.Loop() {
			time.Sleep(100 * time.Microsecond)
		}
	})
	fmt.Println("loop:", r.N > 10, r.Bytes, r.Extra["things/op"])
	r = testing.Benchmark(func(b *testing.B) { b.SkipNow() })
	fmt.Println("skipped:", r.N, r.T)

	// Last: GOMAXPROCS round trips (AllocsPerRun makes one) before
	// sleeping goroutines hang rgo's scheduler today.
	fmt.Println("AllocsPerRun:", testing.AllocsPerRun(50, noAlloc))

	var tb testing.TB = new(testing.B)
	_, isT := tb.(*testing.T)
	fmt.Println("TB:", isT)
}
