// sync: Once, Cond, RWMutex, Map, Pool, WaitGroup.Go, atomics, and the
// sizes Go gives these types.
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"
)

func main() {
	fmt.Println("sizes:", unsafe.Sizeof(sync.Mutex{}), unsafe.Sizeof(sync.RWMutex{}),
		unsafe.Sizeof(sync.WaitGroup{}), unsafe.Sizeof(sync.Once{}))

	var once sync.Once
	var wg sync.WaitGroup
	calls := int32(0)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { atomic.AddInt32(&calls, 1) })
		}()
	}
	wg.Wait()
	fmt.Println("once ran", calls, "time(s)")

	// Cond: a queue with waiting consumers.
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	queue := []int{}
	var consumed int64
	var cw sync.WaitGroup
	for i := 0; i < 4; i++ {
		cw.Add(1)
		go func() {
			defer cw.Done()
			for {
				mu.Lock()
				for len(queue) == 0 {
					cond.Wait()
				}
				v := queue[0]
				queue = queue[1:]
				mu.Unlock()
				if v < 0 {
					return
				}
				atomic.AddInt64(&consumed, int64(v))
			}
		}()
	}
	for i := 1; i <= 100; i++ {
		mu.Lock()
		queue = append(queue, i)
		mu.Unlock()
		cond.Signal()
	}
	mu.Lock()
	queue = append(queue, -1, -1, -1, -1)
	mu.Unlock()
	cond.Broadcast()
	cw.Wait()
	fmt.Println("consumed", consumed)

	// RWMutex: many readers, some writers.
	var rw sync.RWMutex
	shared := map[int]int{}
	var rwg sync.WaitGroup
	var reads atomic.Int64
	for w := 0; w < 4; w++ {
		rwg.Add(1)
		go func(w int) {
			defer rwg.Done()
			for i := 0; i < 250; i++ {
				rw.Lock()
				shared[w*1000+i] = i
				rw.Unlock()
			}
		}(w)
	}
	for r := 0; r < 8; r++ {
		rwg.Add(1)
		go func() {
			defer rwg.Done()
			for i := 0; i < 200; i++ {
				rw.RLock()
				_ = len(shared)
				reads.Add(1)
				rw.RUnlock()
			}
		}()
	}
	rwg.Wait()
	fmt.Println("entries", len(shared), "reads", reads.Load())

	// sync.Map.
	var m sync.Map
	var mw sync.WaitGroup
	for i := 0; i < 50; i++ {
		mw.Add(1)
		go func(i int) {
			defer mw.Done()
			m.Store(i%10, i%10*i%10)
			m.LoadOrStore("k", "first")
		}(i)
	}
	mw.Wait()
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	v, ok := m.Load("k")
	fmt.Println(v, ok)
	m.Delete("k")
	_, ok = m.Load("k")
	fmt.Println(ok)

	// Pool.
	p := sync.Pool{New: func() any { return new([64]byte) }}
	b := p.Get().(*[64]byte)
	b[0] = 1
	p.Put(b)
	fmt.Println("pool get non-nil:", p.Get() != nil)

	// WaitGroup.Go (Go 1.25).
	var g sync.WaitGroup
	var n atomic.Int32
	for i := 0; i < 20; i++ {
		g.Go(func() { n.Add(1) })
	}
	g.Wait()
	fmt.Println("wg.Go ran", n.Load())

	// Atomic values and CAS loops.
	var counter atomic.Uint64
	var flag atomic.Bool
	var val atomic.Value
	val.Store("start")
	var aw sync.WaitGroup
	for i := 0; i < 16; i++ {
		aw.Add(1)
		go func() {
			defer aw.Done()
			for j := 0; j < 500; j++ {
				for {
					old := counter.Load()
					if counter.CompareAndSwap(old, old+1) {
						break
					}
				}
			}
			flag.Store(true)
		}()
	}
	aw.Wait()
	fmt.Println(counter.Load(), flag.Load(), val.Load())
	var ptr atomic.Pointer[string]
	s := "hello"
	fmt.Println(ptr.Load() == nil, ptr.CompareAndSwap(nil, &s), *ptr.Load())
}
