// sync.Pool: per-P caches with a victim cache aged by GC cycles
// (runtime.GC), counted in MemStats; and a stress run of Get/Put from
// many goroutines while cycles run, at GOMAXPROCS 1 and 2.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type obj struct {
	id    int
	inUse int32
}

func numGC() (uint32, uint32) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC, m.NumForcedGC
}

func victims() {
	created := 0
	p := sync.Pool{New: func() any { created++; return &obj{id: -created} }}
	a := &obj{id: 1}

	p.Put(a)
	fmt.Println("no GC:", p.Get() == a)

	p.Put(a)
	runtime.GC()
	fmt.Println("one GC:", p.Get() == a)

	p.Put(a)
	runtime.GC()
	runtime.GC()
	x := p.Get().(*obj)
	fmt.Println("two GCs:", x == a, x.id, created)

	// Many objects survive one cycle, and none two.
	for i := 0; i < 100; i++ {
		p.Put(&obj{id: i})
	}
	runtime.GC()
	seen := map[int]bool{}
	for i := 0; i < 100; i++ {
		if o := p.Get().(*obj); o.id >= 0 {
			seen[o.id] = true
		}
	}
	fmt.Println("after one GC got back:", len(seen))
	for i := 0; i < 100; i++ {
		p.Put(&obj{id: i})
	}
	runtime.GC()
	runtime.GC()
	back := 0
	for i := 0; i < 100; i++ {
		if o := p.Get().(*obj); o.id >= 0 {
			back++
		}
	}
	fmt.Println("after two GCs got back:", back)

	// Without New, an empty pool gives nil.
	var q sync.Pool
	fmt.Println("empty:", q.Get())
	q.Put("s")
	runtime.GC()
	fmt.Println("victim:", q.Get())
	fmt.Println("empty again:", q.Get())
}

func stress(procs int) {
	old := runtime.GOMAXPROCS(procs)
	var made atomic.Int64
	p := sync.Pool{New: func() any { return &obj{id: int(made.Add(1))} }}
	var bad atomic.Int64
	var ops atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var gcs sync.WaitGroup
	gcs.Add(1)
	go func() {
		defer gcs.Done()
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
				runtime.Gosched()
			}
		}
	}()
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var held []*obj
			for i := 0; i < 3000; i++ {
				o := p.Get().(*obj)
				if !atomic.CompareAndSwapInt32(&o.inUse, 0, 1) {
					bad.Add(1) // handed out twice
				}
				held = append(held, o)
				if len(held) == 3 || i%7 == 0 {
					for _, h := range held {
						atomic.StoreInt32(&h.inUse, 0)
						p.Put(h)
					}
					held = held[:0]
				}
				ops.Add(1)
			}
			for _, h := range held {
				atomic.StoreInt32(&h.inUse, 0)
				p.Put(h)
			}
		}()
	}
	wg.Wait()
	close(stop)
	gcs.Wait()
	fmt.Printf("stress GOMAXPROCS=%d: ops=%d double=%d reused=%v\n",
		procs, ops.Load(), bad.Load(), made.Load() < ops.Load())
	runtime.GOMAXPROCS(old)
}

func main() {
	runtime.GOMAXPROCS(1)
	g0, f0 := numGC()
	victims()
	g1, f1 := numGC()
	fmt.Println("cycles counted:", g1-g0, f1-f0)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("LastGC set:", m.LastGC != 0, "pause recorded:", m.PauseTotalNs > 0 && m.PauseNs[(m.NumGC+255)%256] > 0)
	stress(1)
	stress(2)
}
