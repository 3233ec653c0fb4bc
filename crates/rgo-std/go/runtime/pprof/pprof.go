// Package pprof writes runtime profiling data in the formats the pprof
// visualization tool reads.
//
// rgo: the predefined profiles (goroutine, goroutineleak, threadcreate,
// heap, allocs, block, mutex) and profiles made with NewProfile, written
// in Go's legacy text formats (debug=1, and debug=2 for goroutine: the
// same dump as an unrecovered panic's). The compressed protocol buffer
// format (debug=0) and CPU profiling are not supported: they return an
// error saying so.
package pprof

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
)

// A Profile is a set of call stacks, each leading to one occurrence of
// an event (a live goroutine, an allocation, a contention...).
type Profile struct {
	name string
	mu   sync.Mutex
	m    map[any][]uintptr
	// count and write are set for the runtime's predefined profiles.
	count func() int
	write func(io.Writer, int) error
}

var errBinary = errors.New("runtime/pprof: the binary (debug=0) profile format is not supported by rgo")

// registry holds every profile by name, made on first use.
var registry struct {
	sync.Mutex
	byName map[string]*Profile
}

func builtin() map[string]*Profile {
	if registry.byName == nil {
		registry.byName = make(map[string]*Profile)
		for _, p := range []*Profile{
			{name: "goroutine", count: runtime.NumGoroutine, write: writeGoroutine},
			{name: "goroutineleak", count: func() int { return 0 }, write: writeGoroutineLeak},
			{name: "threadcreate", count: recordCount(runtime.ThreadCreateProfile), write: writeThreadCreate},
			{name: "heap", count: heapCount, write: writeHeap},
			{name: "allocs", count: heapCount, write: writeHeap},
			{name: "block", count: recordCount(runtime.BlockProfile), write: writeBlock},
			{name: "mutex", count: recordCount(runtime.MutexProfile), write: writeMutex},
		} {
			registry.byName[p.name] = p
		}
	}
	return registry.byName
}

// NewProfile creates a new profile with the given name. It panics if the
// name is empty or already used.
func NewProfile(name string) *Profile {
	registry.Lock()
	defer registry.Unlock()
	all := builtin()
	switch {
	case name == "":
		panic("pprof: NewProfile with empty name")
	case all[name] != nil:
		panic("pprof: NewProfile name already in use: " + name)
	}
	p := &Profile{name: name, m: make(map[any][]uintptr)}
	all[name] = p
	return p
}

// Lookup returns the profile with the given name, or nil.
func Lookup(name string) *Profile {
	registry.Lock()
	defer registry.Unlock()
	return builtin()[name]
}

// Profiles returns every known profile, sorted by name.
func Profiles() []*Profile {
	registry.Lock()
	defer registry.Unlock()
	var list []*Profile
	for _, p := range builtin() {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].name < list[j].name })
	return list
}

// Name returns the profile's name.
func (p *Profile) Name() string { return p.name }

// Count returns how many stacks the profile holds now.
func (p *Profile) Count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.count == nil {
		return len(p.m)
	}
	return p.count()
}

// Add records the caller's stack (above skip frames) for value, which
// must not be in the profile already.
func (p *Profile) Add(value any, skip int) {
	if p.name == "" {
		panic("pprof: use of uninitialized Profile")
	}
	if p.write != nil {
		panic("pprof: Add called on built-in Profile " + p.name)
	}
	pcs := make([]uintptr, 32)
	n := runtime.Callers(skip+1, pcs)
	if n == 0 {
		pcs[0], n = 0, 1
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, dup := p.m[value]; dup {
		panic("pprof: Profile.Add of duplicate value")
	}
	p.m[value] = pcs[:n]
}

// Remove drops value's stack from the profile.
func (p *Profile) Remove(value any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.m, value)
}

// WriteTo writes the profile to w: debug=1 in the legacy text format
// (with function names and lines), debug=2 for goroutine as a panic's
// goroutine dump. debug=0 (protocol buffers) is not supported.
func (p *Profile) WriteTo(w io.Writer, debug int) error {
	if p.name == "" {
		panic("pprof: use of zero Profile")
	}
	if p.write != nil {
		return p.write(w, debug) // a runtime profile
	}
	p.mu.Lock()
	stacks := make([][]uintptr, 0, len(p.m))
	for _, s := range p.m {
		stacks = append(stacks, s)
	}
	p.mu.Unlock()
	sort.Slice(stacks, func(i, j int) bool { return lessPCs(stacks[i], stacks[j]) })
	return writeCounts(w, debug, p.name, stacks)
}

func lessPCs(a, b []uintptr) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// pcList is " 0x1 0x2 ...", the stack part of a text profile's line.
func pcList(stk []uintptr) string {
	var sb strings.Builder
	for i := range stk {
		pc := stk[i]
		sb.WriteString(" 0x")
		sb.WriteString(strconv.FormatUint(uint64(pc), 16))
	}
	return sb.String()
}

// writeCounts writes stacks grouped by identical stack, the most frequent
// first (ties by their text), as "<name> profile: total N" then
// "count @ pcs" and the frames of each group.
func writeCounts(w io.Writer, debug int, name string, stacks [][]uintptr) error {
	if debug <= 0 {
		return errBinary
	}
	type group struct {
		key   string
		n     int
		stack []uintptr
	}
	var groups []*group
	byKey := make(map[string]*group)
	for _, s := range stacks {
		k := "@" + pcList(s)
		g := byKey[k]
		if g == nil {
			g = &group{key: k, stack: s}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.n++
	}
	sort.Slice(groups, func(i, j int) bool {
		if groups[i].n != groups[j].n {
			return groups[i].n > groups[j].n
		}
		return groups[i].key < groups[j].key
	})
	tw := newTab(w)
	fmt.Fprintf(tw, "%s profile: total %d\n", name, len(stacks))
	for _, g := range groups {
		fmt.Fprintf(tw, "%d %s\n", g.n, g.key)
		writeFrames(tw, g.stack, false)
	}
	return tw.Flush()
}

// writeFrames writes one "#\tpc\tfunc+off\tfile:line" line per frame of
// stk, then an empty line. Leading runtime frames and runtime.goexit are
// left out unless all is set or nothing else would be shown.
func writeFrames(w io.Writer, stk []uintptr, all bool) {
	shown := all
	iter := runtime.CallersFrames(stk)
	var lines []string
	for more := len(stk) > 0; more; {
		var f runtime.Frame
		f, more = iter.Next()
		switch {
		case f.Function == "":
			shown = true
			lines = append(lines, fmt.Sprintf("#\t%#x\n", f.PC))
		case f.Function == "runtime.goexit":
		case shown || !isRuntime(f.Function):
			shown = true
			lines = append(lines, fmt.Sprintf("#\t%#x\t%s+%#x\t%s:%d\n", f.PC, f.Function, f.PC-f.Entry, f.File, f.Line))
		}
	}
	if !shown {
		writeFrames(w, stk, true)
		return
	}
	for _, l := range lines {
		io.WriteString(w, l)
	}
	io.WriteString(w, "\n")
}

// newTab aligns the frame lines' columns as Go's profiles do: cells
// padded with tabs to a multiple of 8, at least one apart.
func newTab(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 1, 8, 1, '\t', 0)
}

func isRuntime(fn string) bool {
	return strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "internal/runtime/")
}

// ---- goroutine, threadcreate

func writeGoroutine(out io.Writer, debug int) error {
	if debug >= 2 {
		return writeAllStacks(out)
	}
	var recs []runtime.StackRecord
	for {
		n, _ := runtime.GoroutineProfile(nil)
		recs = make([]runtime.StackRecord, n+10)
		if n, ok := runtime.GoroutineProfile(recs); ok {
			recs = recs[:n]
			break
		}
	}
	return writeCounts(out, debug, "goroutine", stackRecords(recs))
}

// writeGoroutineLeak: rgo's collector detects no leaked goroutines, so
// the profile is empty (debug=2 dumps every goroutine, as Go does).
func writeGoroutineLeak(out io.Writer, debug int) error {
	if debug >= 2 {
		return writeAllStacks(out)
	}
	return writeCounts(out, debug, "goroutineleak", nil)
}

func stackRecords(recs []runtime.StackRecord) [][]uintptr {
	out := make([][]uintptr, len(recs))
	for i := range recs {
		out[i] = recs[i].Stack()
	}
	return out
}

// writeAllStacks writes runtime.Stack of every goroutine, growing the
// buffer until the dump fits (at most 64 MB).
func writeAllStacks(w io.Writer) error {
	size := 1 << 20
	for {
		buf := make([]byte, size)
		used := runtime.Stack(buf, true)
		if used < size || size >= 64<<20 {
			_, err := w.Write(buf[:used])
			return err
		}
		size *= 2
	}
}

func writeThreadCreate(out io.Writer, debug int) error {
	var recs []runtime.StackRecord
	for {
		n := recordCount(runtime.ThreadCreateProfile)()
		recs = make([]runtime.StackRecord, n+10)
		if n, ok := runtime.ThreadCreateProfile(recs); ok {
			recs = recs[:n]
			break
		}
	}
	return writeCounts(out, debug, "threadcreate", stackRecords(recs))
}

// ---- heap, allocs

// recordCount makes a Count function of a runtime profile's fetcher.
func recordCount[R any](fetch func([]R) (int, bool)) func() int {
	return func() int { n, _ := fetch(nil); return n }
}

func heapCount() int { n, _ := runtime.MemProfile(nil, true); return n }

func writeHeap(out io.Writer, debug int) error {
	if debug <= 0 {
		return errBinary
	}
	// The statistics first, before this function allocates.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	var recs []runtime.MemProfileRecord
	for {
		n := heapCount()
		recs = make([]runtime.MemProfileRecord, n+50)
		if n, ok := runtime.MemProfile(recs, true); ok {
			recs = recs[:n]
			break
		}
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].InUseBytes() < recs[j].InUseBytes() })

	var inObj, inBytes, allocObj, allocBytes int64
	for i := range recs {
		r := &recs[i]
		inObj += r.InUseObjects()
		inBytes += r.InUseBytes()
		allocObj += r.AllocObjects
		allocBytes += r.AllocBytes
	}
	// pprof reads equal alloc and in-use bytes as a 2-column profile;
	// Go's writer keeps them apart by one byte.
	if allocBytes == inBytes {
		allocBytes++
	}
	bw := bufio.NewWriter(out)
	tw := newTab(bw)
	fmt.Fprintf(tw, "heap profile: %d: %d [%d: %d] @ heap/%d\n", inObj, inBytes, allocObj, allocBytes, 2*runtime.MemProfileRate)
	for i := range recs {
		r := &recs[i]
		stk := r.Stack()
		fmt.Fprintf(tw, "%d: %d [%d: %d] @%s\n", r.InUseObjects(), r.InUseBytes(), r.AllocObjects, r.AllocBytes, pcList(stk))
		writeFrames(tw, stk, false)
	}
	io.WriteString(tw, "\n# runtime.MemStats\n")
	for _, kv := range []struct {
		k string
		v any
	}{
		{"Alloc", ms.Alloc}, {"TotalAlloc", ms.TotalAlloc}, {"Sys", ms.Sys},
		{"Lookups", ms.Lookups}, {"Mallocs", ms.Mallocs}, {"Frees", ms.Frees},
		{"HeapAlloc", ms.HeapAlloc}, {"HeapSys", ms.HeapSys}, {"HeapIdle", ms.HeapIdle},
		{"HeapInuse", ms.HeapInuse}, {"HeapReleased", ms.HeapReleased},
		{"HeapObjects", ms.HeapObjects},
		{"Stack", fmt.Sprintf("%d / %d", ms.StackInuse, ms.StackSys)},
		{"MSpan", fmt.Sprintf("%d / %d", ms.MSpanInuse, ms.MSpanSys)},
		{"MCache", fmt.Sprintf("%d / %d", ms.MCacheInuse, ms.MCacheSys)},
		{"BuckHashSys", ms.BuckHashSys}, {"GCSys", ms.GCSys}, {"OtherSys", ms.OtherSys},
		{"NextGC", ms.NextGC}, {"LastGC", ms.LastGC},
		{"PauseNs", fmt.Sprintf("%d", ms.PauseNs)}, {"PauseEnd", fmt.Sprintf("%d", ms.PauseEnd)},
		{"NumGC", ms.NumGC}, {"NumForcedGC", ms.NumForcedGC},
		{"GCCPUFraction", ms.GCCPUFraction}, {"DebugGC", ms.DebugGC},
	} {
		fmt.Fprintf(tw, "# %s = %v\n", kv.k, kv.v)
	}
	if rss, ok := maxRSS(); ok {
		fmt.Fprintf(tw, "# MaxRSS = %d\n", rss)
	}
	tw.Flush()
	return bw.Flush()
}

// maxRSS is the process's peak resident set in bytes (the VmHWM line of
// /proc/self/status, what getrusage's ru_maxrss reports).
func maxRSS() (int64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024, err == nil
		}
	}
	return 0, false
}

// ---- block, mutex

func writeBlock(out io.Writer, debug int) error {
	return writeContention(out, debug, "contention", runtime.BlockProfile)
}

func writeMutex(out io.Writer, debug int) error {
	return writeContention(out, debug, "mutex", runtime.MutexProfile)
}

// writeContention writes a block or mutex profile: a header, then
// "cycles count @ pcs" and the frames of each record, most cycles first.
func writeContention(w io.Writer, debug int, name string, fetch func([]runtime.BlockProfileRecord) (int, bool)) error {
	if debug <= 0 {
		return errBinary
	}
	var recs []runtime.BlockProfileRecord
	for {
		n, _ := fetch(nil)
		recs = make([]runtime.BlockProfileRecord, n+50)
		if n, ok := fetch(recs); ok {
			recs = recs[:n]
			break
		}
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Cycles > recs[j].Cycles })
	bw := bufio.NewWriter(w)
	tw := newTab(bw)
	fmt.Fprintf(tw, "--- %s:\ncycles/second=%d\n", name, runtime_cyclesPerSecond())
	if name == "mutex" {
		fmt.Fprintf(tw, "sampling period=%d\n", runtime.SetMutexProfileFraction(-1))
	}
	for i := range recs {
		stk := recs[i].Stack()
		fmt.Fprintf(tw, "%d %d @%s\n", recs[i].Cycles, recs[i].Count, pcList(stk))
		writeFrames(tw, stk, true)
	}
	tw.Flush()
	return bw.Flush()
}

// runtime_cyclesPerSecond is the rate of the CPU's cycle counter, the
// unit of the contention profiles' cycles. Native.
func runtime_cyclesPerSecond() int64

// ---- CPU profiling and labels

// StartCPUProfile would enable CPU profiling; rgo has no CPU profiler.
func StartCPUProfile(w io.Writer) error {
	return errors.New("runtime/pprof: CPU profiling is not supported by rgo")
}

// StopCPUProfile stops the CPU profile, if any (there is none in rgo).
func StopCPUProfile() {}

// WriteHeapProfile is Lookup("heap").WriteTo(w, 0).
func WriteHeapProfile(w io.Writer) error { return writeHeap(w, 0) }
