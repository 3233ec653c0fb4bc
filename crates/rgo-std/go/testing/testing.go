// Package testing: test, benchmark and allocation-counting helpers.
//
// rgo: the parts a program can use outside `go test`: AllocsPerRun,
// Benchmark with B and BenchmarkResult, the T/B/TB types and their
// methods, Init with the test.* flags, Short, Verbose and Testing. Test
// output of T and B values made here is kept, not printed (Go's own
// T and B outside `go test` have no output either).
package testing

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

var (
	initDone  bool
	short     *bool
	verbose   *bool
	benchTime = time.Second
)

// Init defines the test.* flags (test.short, test.v, test.benchtime, ...)
// on flag.CommandLine; `go test` does it for tests, a program calls it
// itself.
func Init() {
	if initDone {
		return
	}
	initDone = true
	short = flag.Bool("test.short", false, "run smaller test suite to save time")
	verbose = flag.Bool("test.v", false, "verbose: print additional output")
	flag.String("test.run", "", "run only tests and examples matching `regexp`")
	flag.String("test.bench", "", "run only benchmarks matching `regexp`")
	flag.DurationVar(&benchTime, "test.benchtime", time.Second, "run each benchmark for duration `d`")
	flag.Int("test.count", 1, "run tests and benchmarks `n` times")
	flag.Duration("test.timeout", 0, "panic test binary after duration `d` (default 0, timeout disabled)")
	flag.Bool("test.failfast", false, "do not start new tests after the first test failure")
}

// Short is the value of the -test.short flag (after Init and flag.Parse).
func Short() bool {
	if short == nil {
		panic("testing: Short called before Init")
	}
	if !flag.Parsed() {
		panic("testing: Short called before Parse")
	}
	return *short
}

// Verbose is the value of the -test.v flag (after flag.Parse).
func Verbose() bool {
	if !flag.Parsed() {
		panic("testing: Verbose called before Parse")
	}
	return verbose != nil && *verbose
}

// Testing reports whether the current code is being run in a test. A
// program run by rgo run is not.
func Testing() bool { return false }

// CoverMode reports what the test coverage mode is set to.
func CoverMode() string { return "" }

// Coverage reports the current code coverage as a fraction in the range
// [0, 1]. Without coverage instrumentation it is 0.
func Coverage() float64 { return 0 }

// AllocsPerRun calls f runs times (after one warm-up call) and gives the
// mean number of heap allocations per call, rounded down.
func AllocsPerRun(runs int, f func()) (avg float64) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	f() // warm up
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < runs; i++ {
		f()
	}
	runtime.ReadMemStats(&after)
	return float64((after.Mallocs - before.Mallocs) / uint64(runs))
}

// TB: the methods T and B share.
type TB interface {
	ArtifactDir() string
	Attr(key, value string)
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Setenv(key, value string)
	Chdir(dir string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	TempDir() string
	Context() context.Context
	Output() io.Writer

	private()
}

var (
	_ TB = (*T)(nil)
	_ TB = (*B)(nil)
)

// common holds what T and B share: state, kept output, cleanups.
type common struct {
	mu       sync.Mutex
	name     string
	failed   bool
	skipped  bool
	finished bool
	output   []byte
	cleanups []func()
	tempDir  string
	ctx      context.Context
	cancel   context.CancelFunc
}

func (c *common) private() {}

// Name returns the name of the running test or benchmark.
func (c *common) Name() string { return c.name }

// Fail records a failure; execution goes on.
func (c *common) Fail() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.failed = true
}

// Failed tells whether a failure was recorded.
func (c *common) Failed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.failed
}

// FailNow marks the function as having failed and stops its execution by
// calling runtime.Goexit.
func (c *common) FailNow() {
	c.Fail()
	c.mu.Lock()
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

func (c *common) logLine(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	c.output = append(c.output, "    "+s...)
}

// Log formats its arguments using default formatting, analogous to
// Println, and records the text in the error log.
func (c *common) Log(args ...any) { c.logLine(fmt.Sprintln(args...)) }

// Logf formats its arguments according to the format, analogous to
// Printf, and records the text in the error log.
func (c *common) Logf(format string, args ...any) { c.logLine(fmt.Sprintf(format, args...)) }

// Error logs args (as Log) and records a failure.
func (c *common) Error(args ...any) {
	c.Log(args...)
	c.Fail()
}

// Errorf logs (as Logf) and records a failure.
func (c *common) Errorf(format string, args ...any) {
	c.Logf(format, args...)
	c.Fail()
}

// Fatal logs args (as Log), then FailNow.
func (c *common) Fatal(args ...any) {
	c.Log(args...)
	c.FailNow()
}

// Fatalf logs (as Logf), then FailNow.
func (c *common) Fatalf(format string, args ...any) {
	c.Logf(format, args...)
	c.FailNow()
}

// Skip logs args (as Log), then SkipNow.
func (c *common) Skip(args ...any) {
	c.Log(args...)
	c.SkipNow()
}

// Skipf logs (as Logf), then SkipNow.
func (c *common) Skipf(format string, args ...any) {
	c.Logf(format, args...)
	c.SkipNow()
}

// SkipNow records a skip and ends the calling goroutine
// (runtime.Goexit).
func (c *common) SkipNow() {
	c.mu.Lock()
	c.skipped = true
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Skipped tells whether a skip was recorded.
func (c *common) Skipped() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.skipped
}

// Helper would hide the caller from log locations; no-op here.
func (c *common) Helper() {}

// Cleanup registers a function to be called when the test (or subtest)
// and all its subtests complete.
func (c *common) Cleanup(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cleanups = append(c.cleanups, f)
}

// runCleanups calls the registered cleanups, last first.
func (c *common) runCleanups() {
	for {
		c.mu.Lock()
		n := len(c.cleanups)
		if n == 0 {
			c.mu.Unlock()
			break
		}
		f := c.cleanups[n-1]
		c.cleanups = c.cleanups[:n-1]
		c.mu.Unlock()
		f()
	}
	if c.cancel != nil {
		c.cancel()
	}
}

// TempDir returns a temporary directory for the test to use, removed
// when the test completes.
func (c *common) TempDir() string {
	dir, err := os.MkdirTemp("", strings.ReplaceAll(c.name, "/", "_")+"*")
	if err != nil {
		c.Fatalf("TempDir: %v", err)
	}
	c.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// ArtifactDir returns a directory for the test to store output files in.
func (c *common) ArtifactDir() string { return c.TempDir() }

// Attr records a key/value attribute line in the log.
func (c *common) Attr(key, value string) { c.logLine("=== ATTR  " + c.name + " " + key + " " + value) }

// Setenv calls os.Setenv(key, value) and uses Cleanup to restore the
// environment variable to its original value after the test.
func (c *common) Setenv(key, value string) {
	old, had := os.LookupEnv(key)
	if err := os.Setenv(key, value); err != nil {
		c.Fatal(err)
	}
	c.Cleanup(func() {
		if had {
			os.Setenv(key, old)
		} else {
			os.Unsetenv(key)
		}
	})
}

// Chdir calls os.Chdir(dir) and uses Cleanup to restore the current
// working directory to its original value after the test.
func (c *common) Chdir(dir string) {
	old, err := os.Getwd()
	if err != nil {
		c.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		c.Fatal(err)
	}
	c.Cleanup(func() { os.Chdir(old) })
}

// Context returns a context that is canceled just before Cleanup-registered
// functions are called.
func (c *common) Context() context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx == nil {
		c.ctx, c.cancel = context.WithCancel(context.Background())
	}
	return c.ctx
}

// Output returns a Writer that writes to the same test output stream as
// TB.Log.
func (c *common) Output() io.Writer { return logWriter{c} }

type logWriter struct{ c *common }

func (w logWriter) Write(p []byte) (int, error) {
	w.c.logLine(string(p))
	return len(p), nil
}

// run calls f in a goroutine of its own, so FailNow and SkipNow end only
// it, and then the cleanups.
func (c *common) run(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer c.runCleanups()
		f()
	}()
	<-done
}

// T is a type passed to Test functions to manage test state and support
// formatted test logs.
type T struct {
	common
}

// Parallel signals that this test is to be run in parallel with (and
// only with) other parallel tests.
func (t *T) Parallel() {}

// Run runs f as a subtest of t called name. It reports whether f
// succeeded.
func (t *T) Run(name string, f func(t *T)) bool {
	sub := &T{common: common{name: t.name + "/" + name}}
	sub.run(func() { f(sub) })
	if sub.Failed() {
		t.Fail()
	}
	return !sub.Failed()
}

// Deadline reports the time at which the test binary will have exceeded
// the timeout specified by the -timeout flag; there is none here.
func (t *T) Deadline() (deadline time.Time, ok bool) { return time.Time{}, false }

// InternalTest is an internal type but exported because it is
// cross-package; it is part of the implementation of the "go test"
// command.
type InternalTest struct {
	Name string
	F    func(*T)
}

// InternalBenchmark is an internal type but exported because it is
// cross-package; it is part of the implementation of the "go test"
// command.
type InternalBenchmark struct {
	Name string
	F    func(b *B)
}

// B is a type passed to Benchmark functions to manage benchmark timing
// and control the number of iterations.
type B struct {
	common
	N int

	benchFunc   func(b *B)
	bytes       int64
	timerOn     bool
	start       time.Time
	duration    time.Duration
	startAllocs uint64
	startBytes  uint64
	netAllocs   uint64
	netBytes    uint64
	extra       map[string]float64
	loopN       int
}

func readMem() (mallocs, bytes uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

// StartTimer starts timing a test.
func (b *B) StartTimer() {
	if !b.timerOn {
		b.startAllocs, b.startBytes = readMem()
		b.start = time.Now()
		b.timerOn = true
	}
}

// StopTimer stops timing a test.
func (b *B) StopTimer() {
	if b.timerOn {
		b.duration += time.Since(b.start)
		allocs, bytes := readMem()
		b.netAllocs += allocs - b.startAllocs
		b.netBytes += bytes - b.startBytes
		b.timerOn = false
	}
}

// ResetTimer zeroes the elapsed benchmark time and memory allocation
// counters and deletes user-reported metrics.
func (b *B) ResetTimer() {
	if b.extra == nil {
		b.extra = map[string]float64{}
	} else {
		clear(b.extra)
	}
	if b.timerOn {
		b.startAllocs, b.startBytes = readMem()
		b.start = time.Now()
	}
	b.duration = 0
	b.netAllocs = 0
	b.netBytes = 0
}

// Elapsed is the time measured so far (timer-on periods).
func (b *B) Elapsed() time.Duration {
	d := b.duration
	if b.timerOn {
		d += time.Since(b.start)
	}
	return d
}

// SetBytes sets the bytes one iteration handles (for MB/s).
func (b *B) SetBytes(n int64) { b.bytes = n }

// ReportAllocs: allocations are always counted here.
func (b *B) ReportAllocs() {}

// SetParallelism sets the number of goroutines used by RunParallel.
func (b *B) SetParallelism(p int) {}

// ReportMetric records a custom metric n in the given unit.
func (b *B) ReportMetric(n float64, unit string) {
	if unit == "" {
		panic("metric unit must not be empty")
	}
	if strings.IndexFunc(unit, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) >= 0 {
		panic("metric unit must not contain whitespace")
	}
	if b.extra == nil {
		b.extra = map[string]float64{}
	}
	b.extra[unit] = n
}

// Loop drives a `for b.Loop() {}` benchmark: true b.N times.
func (b *B) Loop() bool {
	if b.loopN == 0 {
		b.ResetTimer()
	}
	if b.loopN < b.N {
		b.loopN++
		return true
	}
	b.StopTimer()
	return false
}

// Run measures f as a sub-benchmark named name; false if it
// failed.
func (b *B) Run(name string, f func(b *B)) bool {
	sub := &B{common: common{name: b.name + "/" + name}, benchFunc: f}
	sub.measure()
	if sub.Failed() {
		b.Fail()
	}
	return !sub.Failed()
}

// PB hands out the iterations of RunParallel.
type PB struct {
	mu   *sync.Mutex
	left *int
}

// Next claims one iteration; false when none are left.
func (pb *PB) Next() bool {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if *pb.left <= 0 {
		return false
	}
	*pb.left--
	return true
}

// RunParallel runs a benchmark in parallel, over b.N iterations shared by
// GOMAXPROCS goroutines.
func (b *B) RunParallel(body func(*PB)) {
	var mu sync.Mutex
	left := b.N
	var wg sync.WaitGroup
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body(&PB{mu: &mu, left: &left})
		}()
	}
	wg.Wait()
}

// runN runs the benchmark function once with b.N = n.
func (b *B) runN(n int) {
	runtime.GC()
	b.N = n
	b.loopN = 0
	b.failed, b.skipped, b.finished = false, false, false
	b.ResetTimer()
	b.StartTimer()
	b.run(func() { b.benchFunc(b) })
	b.StopTimer()
}

// measure runs the benchmark with growing N until it has run for the
// bench time; false if it failed or was skipped.
func (b *B) measure() bool {
	b.runN(1)
	if b.Failed() || b.Skipped() {
		return false
	}
	goal := benchTime.Nanoseconds()
	for n := int64(1); !b.Failed() && b.duration < benchTime && n < 1e9; {
		last := n
		took := b.duration.Nanoseconds()
		if took <= 0 {
			took = 1
		}
		// Aim for the goal from the last rate, with 20% to spare, but
		// grow at most 100x and at least by one.
		n = goal * int64(b.N) / took
		n += n / 5
		n = min(n, 100*last)
		n = max(n, last+1)
		n = min(n, 1e9)
		b.runN(int(n))
	}
	return !b.Failed()
}

func (b *B) result() BenchmarkResult {
	extra := make(map[string]float64, len(b.extra))
	for k, v := range b.extra {
		extra[k] = v
	}
	return BenchmarkResult{N: b.N, T: b.duration, Bytes: b.bytes, MemAllocs: b.netAllocs, MemBytes: b.netBytes, Extra: extra}
}

// Benchmark measures f outside `go test`: b.N grows until the run takes
// the bench time (1s, or -test.benchtime after Init and flag.Parse).
// A failed or skipped benchmark gives the zero result.
func Benchmark(f func(b *B)) BenchmarkResult {
	b := &B{benchFunc: f}
	if !b.measure() {
		return BenchmarkResult{}
	}
	return b.result()
}

// BenchmarkResult is what Benchmark measured.
type BenchmarkResult struct {
	N         int           // The number of iterations.
	T         time.Duration // The total time taken.
	Bytes     int64         // Bytes processed in one iteration.
	MemAllocs uint64        // The total number of memory allocations.
	MemBytes  uint64        // The total number of bytes allocated.

	// Extra holds the metrics given to ReportMetric.
	Extra map[string]float64
}

// perOp is the metric unit if reported, else total/N.
func (r BenchmarkResult) perOp(unit string, total int64) int64 {
	if v, ok := r.Extra[unit]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return total / int64(r.N)
}

// NsPerOp returns the "ns/op" metric.
func (r BenchmarkResult) NsPerOp() int64 { return r.perOp("ns/op", r.T.Nanoseconds()) }

// AllocsPerOp returns the "allocs/op" metric, which is calculated as
// r.MemAllocs / r.N.
func (r BenchmarkResult) AllocsPerOp() int64 { return r.perOp("allocs/op", int64(r.MemAllocs)) }

// AllocedBytesPerOp returns the "B/op" metric, which is calculated as
// r.MemBytes / r.N.
func (r BenchmarkResult) AllocedBytesPerOp() int64 { return r.perOp("B/op", int64(r.MemBytes)) }

// String formats the result the way `go test -bench` prints it.
func (r BenchmarkResult) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%8d", r.N)
	ns, ok := r.Extra["ns/op"]
	if !ok {
		ns = float64(r.T.Nanoseconds()) / float64(r.N)
	}
	if ns != 0 {
		sb.WriteByte('\t')
		metric(&sb, ns, "ns/op")
	}
	mbs, ok := r.Extra["MB/s"]
	if !ok && r.Bytes > 0 && r.T > 0 && r.N > 0 {
		mbs = float64(r.Bytes) * float64(r.N) / 1e6 / r.T.Seconds()
	}
	if mbs != 0 {
		fmt.Fprintf(&sb, "\t%7.2f MB/s", mbs)
	}
	var keys []string
	for k := range r.Extra {
		if k != "ns/op" && k != "MB/s" && k != "B/op" && k != "allocs/op" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		sb.WriteByte('\t')
		metric(&sb, r.Extra[k], k)
	}
	return sb.String()
}

// metric prints x with as many decimals as Go's benchmark output gives a
// value of its size.
func metric(w io.Writer, x float64, unit string) {
	limits := [...]float64{999.95, 99.995, 9.9995, 0.99995, 0.099995, 0.0099995, 0.00099995}
	y := math.Abs(x)
	prec := 0
	for prec < len(limits) && !(y == 0 || y >= limits[prec]) {
		prec++
	}
	width := 10
	if prec > 0 {
		width = 11 + prec
	}
	fmt.Fprintf(w, "%*.*f %s", width, prec, x, unit)
}

// MemString returns r.AllocedBytesPerOp and r.AllocsPerOp in the same
// format as 'go test'.
func (r BenchmarkResult) MemString() string {
	return fmt.Sprintf("%8d B/op\t%8d allocs/op", r.AllocedBytesPerOp(), r.AllocsPerOp())
}
