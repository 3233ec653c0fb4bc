// sync/atomic's integer functions (compiled as intrinsics) and typed
// values: results, sign and zero extension, wrap-around, and a nil
// pointer panicking in the caller's frame.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type counters struct {
	a int32
	b uint32
	c int64
	d uint64
	e uintptr
}

func main() {
	var c counters
	fmt.Println(atomic.AddInt32(&c.a, -5), atomic.AddInt32(&c.a, 2), atomic.LoadInt32(&c.a))
	fmt.Println(atomic.AddUint32(&c.b, ^uint32(0)), atomic.LoadUint32(&c.b))
	fmt.Println(atomic.AddInt64(&c.c, 1<<40), atomic.AddUint64(&c.d, 7), atomic.AddUintptr(&c.e, 3))
	atomic.StoreInt32(&c.a, 2147483647)
	fmt.Println(atomic.AddInt32(&c.a, 1))
	atomic.StoreUint32(&c.b, 0x80000000)
	fmt.Println(atomic.SwapUint32(&c.b, 9), atomic.SwapInt32(&c.a, -1), c.a, c.b)
	fmt.Println(atomic.CompareAndSwapInt32(&c.a, -1, 4), atomic.CompareAndSwapInt32(&c.a, -1, 5), c.a)
	fmt.Println(atomic.CompareAndSwapUint64(&c.d, 7, 1<<63), atomic.LoadUint64(&c.d))
	fmt.Println(atomic.CompareAndSwapInt64(&c.c, 0, 1), atomic.SwapInt64(&c.c, -3), atomic.LoadInt64(&c.c))
	fmt.Println(atomic.AndInt32(&c.a, 6), atomic.OrInt32(&c.a, 8), c.a)
	fmt.Println(atomic.OrUint64(&c.d, 1), atomic.AndUint64(&c.d, 3), c.d)
	fmt.Println(atomic.LoadUintptr(&c.e), atomic.SwapUintptr(&c.e, 11), atomic.CompareAndSwapUintptr(&c.e, 11, 12), c.e)

	// Typed values.
	var i32 atomic.Int32
	var u64 atomic.Uint64
	var flag atomic.Bool
	i32.Store(-7)
	fmt.Println(i32.Add(3), i32.Swap(10), i32.CompareAndSwap(10, 20), i32.Load())
	fmt.Println(u64.Add(^uint64(0)), u64.Load())
	fmt.Println(flag.Swap(true), flag.Load(), flag.CompareAndSwap(true, false), flag.Load())

	// Many goroutines: no increment is lost.
	var wg sync.WaitGroup
	var n int64
	var m atomic.Int32
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 10000; k++ {
				atomic.AddInt64(&n, 2)
				for {
					old := m.Load()
					if m.CompareAndSwap(old, old+1) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(n, m.Load())

	defer func() { fmt.Println("recovered:", recover()) }()
	var p *uint32
	atomic.AddUint32(p, 1)
}
