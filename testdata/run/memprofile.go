// The heap profile: with MemProfileRate = 1 every allocation is a
// sample; records appear as of the last completed runtime.GC, carry the
// allocating function and line, and count frees once the collector
// frees the objects.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

var keep [][]byte

var ms runtime.MemStats

//go:noinline
func allocSite(n int) {
	for i := 0; i < n; i++ {
		keep = append(keep, make([]byte, 4096))
	}
}

type site struct {
	allocs, frees, bytes int64
	line                 int
	file                 string
	depth                int
}

// find sums the records of 4096-byte objects allocated by fn.
func find(fn string) (s site, found bool) {
	n, _ := runtime.MemProfile(nil, true)
	recs := make([]runtime.MemProfileRecord, n+50)
	n, ok := runtime.MemProfile(recs, true)
	if !ok {
		panic("profile grew")
	}
	for _, r := range recs[:n] {
		if r.AllocObjects == 0 || r.AllocBytes/r.AllocObjects != 4096 {
			continue
		}
		// Go's stacks start in the runtime's allocator (mallocgc,
		// makeslice); rgo's at the allocating function.
		frames := runtime.CallersFrames(r.Stack())
		f, more := frames.Next()
		for more && strings.HasPrefix(f.Function, "runtime.") {
			f, more = frames.Next()
		}
		if f.Function != fn {
			continue
		}
		found = true
		s.allocs += r.AllocObjects
		s.frees += r.FreeObjects
		s.bytes += r.AllocBytes
		s.line = f.Line
		s.file = filepath.Base(f.File)
		s.depth = 0
		for _, pc := range r.Stack() {
			if fr, _ := runtime.CallersFrames([]uintptr{pc}).Next(); fr.Function == "main.main" {
				s.depth++
			}
		}
	}
	return
}

func main() {
	runtime.MemProfileRate = 1
	allocSite(10)
	runtime.GC()
	s, ok := find("main.allocSite")
	fmt.Println("after GC:", ok, s.allocs, s.frees, s.bytes, s.file, s.line, s.depth)

	// Without a collection in between, the new allocations are not
	// published yet (a collection that did run, as under rgo's
	// gcstress, may publish them).
	runtime.ReadMemStats(&ms)
	gcs := ms.NumGC
	allocSite(5)
	s, _ = find("main.allocSite")
	runtime.ReadMemStats(&ms)
	fmt.Println("no GC yet, unpublished:", ms.NumGC != gcs || s.allocs == 10, s.frees)

	keep = keep[:3]
	runtime.GC()
	s, _ = find("main.allocSite")
	fmt.Println("after 2nd GC:", s.allocs, s.frees)

	keep = nil
	runtime.GC()
	runtime.GC()
	s, _ = find("main.allocSite")
	fmt.Println("all freed:", s.allocs, s.frees)

	n, _ := runtime.MemProfile(nil, false)
	m, _ := runtime.MemProfile(nil, true)
	fmt.Println("inuseZero adds records:", m >= n)
	for _, r := range make([]runtime.MemProfileRecord, 1) {
		fmt.Println(r.InUseBytes(), r.InUseObjects(), len(r.Stack()))
	}

	runtime.MemProfileRate = 0
	allocSite(7)
	runtime.GC()
	s, _ = find("main.allocSite")
	fmt.Println("rate 0:", s.allocs)
}
