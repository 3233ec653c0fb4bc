package tests

import (
	"fmt"
	"sort"
	"sync"
	"testing"

	xsync "difftest/x/sync"
	xatomic "difftest/x/sync/atomic"
)

// These tests check our sync algorithms (over a Go shim of the runtime
// semaphores) for mutual exclusion and Go's panics; sequential results of
// Map are compared with the real sync.Map.

func TestMutexExclusion(t *testing.T) {
	var mu xsync.Mutex
	var rw xsync.RWMutex
	counter, readers := 0, int32(0)
	var wg xsync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
				if i%3 == 0 {
					rw.Lock()
					if xatomic.LoadInt32(&readers) != 0 {
						panic("writer with readers")
					}
					rw.Unlock()
				} else {
					rw.RLock()
					xatomic.AddInt32(&readers, 1)
					xatomic.AddInt32(&readers, -1)
					rw.RUnlock()
				}
			}
		}(g)
	}
	wg.Wait()
	same(t, "counter", counter, 8*3000)
	same(t, "TryLock free", mu.TryLock(), true)
	same(t, "TryLock held", mu.TryLock(), false)
	mu.Unlock()
	same(t, "RW TryRLock", rw.TryRLock(), true)
	same(t, "RW TryLock with reader", rw.TryLock(), false)
	rw.RUnlock()
	same(t, "RW TryLock", rw.TryLock(), true)
	same(t, "RW TryRLock with writer", rw.TryRLock(), false)
	rw.Unlock()
	samePanic(t, "unlock of unlocked", func() any { var m xsync.Mutex; m.Unlock(); return nil },
		func() any { panic("fatal error: sync: unlock of unlocked mutex") })
	samePanic(t, "RUnlock of unlocked", func() any { var m xsync.RWMutex; m.RUnlock(); return nil },
		func() any { panic("fatal error: sync: RUnlock of unlocked RWMutex") })
	samePanic(t, "Unlock of unlocked RW", func() any { var m xsync.RWMutex; m.Unlock(); return nil },
		func() any { panic("fatal error: sync: Unlock of unlocked RWMutex") })
	samePanic(t, "negative WaitGroup", func() any { var w xsync.WaitGroup; w.Add(-1); return nil },
		func() any { var w sync.WaitGroup; w.Add(-1); return nil })
}

func TestOnceCond(t *testing.T) {
	var once xsync.Once
	n := 0
	var wg xsync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Go(func() { once.Do(func() { n++ }) })
	}
	wg.Wait()
	same(t, "Once", n, 1)
	samePanic(t, "OnceFunc panic", func() any {
		f := xsync.OnceFunc(func() { panic("boom") })
		defer func() { recover() }()
		f()
		return nil
	},
		func() any {
			f := sync.OnceFunc(func() { panic("boom") })
			defer func() { recover() }()
			f()
			return nil
		})
	f1 := xsync.OnceFunc(func() { panic("again") })
	f2 := sync.OnceFunc(func() { panic("again") })
	for i := 0; i < 2; i++ {
		samePanic(t, "OnceFunc repeat", func() any { f1(); return nil }, func() any { f2(); return nil })
	}
	calls := 0
	v := xsync.OnceValue(func() int { calls++; return 42 })
	same(t, "OnceValue", []int{v(), v(), calls}, []int{42, 42, 1})
	vs := xsync.OnceValues(func() (int, error) { return 7, nil })
	a, err := vs()
	same(t, "OnceValues", []any{a, err}, []any{7, nil})

	var mu xsync.Mutex
	c := xsync.NewCond(&mu)
	ready := 0
	var done xsync.WaitGroup
	for i := 0; i < 5; i++ {
		done.Add(1)
		go func() {
			defer done.Done()
			mu.Lock()
			for ready == 0 {
				c.Wait()
			}
			ready++
			mu.Unlock()
		}()
	}
	mu.Lock()
	ready = 1
	c.Broadcast()
	mu.Unlock()
	done.Wait()
	same(t, "Cond", ready, 6)
}

func TestSyncMap(t *testing.T) {
	var a xsync.Map
	var b sync.Map
	dump := func() (string, string) {
		var x, y []string
		a.Range(func(k, v any) bool { x = append(x, fmt.Sprint(k, "=", v)); return true })
		b.Range(func(k, v any) bool { y = append(y, fmt.Sprint(k, "=", v)); return true })
		sort.Strings(x)
		sort.Strings(y)
		return fmt.Sprint(x), fmt.Sprint(y)
	}
	for i := 0; i < 2000; i++ {
		k, v := i%17, i
		switch i % 9 {
		case 0:
			a.Store(k, v)
			b.Store(k, v)
		case 1:
			x1, l1 := a.LoadOrStore(k, v)
			x2, l2 := b.LoadOrStore(k, v)
			same(t, "LoadOrStore", []any{x1, l1}, []any{x2, l2})
		case 2:
			x1, l1 := a.LoadAndDelete(k)
			x2, l2 := b.LoadAndDelete(k)
			same(t, "LoadAndDelete", []any{x1, l1}, []any{x2, l2})
		case 3:
			x1, l1 := a.Swap(k, v)
			x2, l2 := b.Swap(k, v)
			same(t, "Swap", []any{x1, l1}, []any{x2, l2})
		case 4:
			same(t, "CompareAndSwap", a.CompareAndSwap(k, v-4, v), b.CompareAndSwap(k, v-4, v))
		case 5:
			same(t, "CompareAndDelete", a.CompareAndDelete(k, v-2), b.CompareAndDelete(k, v-2))
		case 6:
			a.Delete(k)
			b.Delete(k)
		case 7:
			x1, l1 := a.Load(k)
			x2, l2 := b.Load(k)
			same(t, "Load", []any{x1, l1}, []any{x2, l2})
		case 8:
			if i%90 == 8 {
				a.Clear()
				b.Clear()
			}
		}
		x, y := dump()
		same(t, fmt.Sprint("Map state ", i), x, y)
	}
	// Concurrent stress: every goroutine's keys end present.
	var m xsync.Map
	var wg xsync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 500; i++ {
				m.Store(g*1000+i, i)
				m.Load(g*1000 + i/2)
			}
		})
	}
	wg.Wait()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	same(t, "Map concurrent", n, 4000)
}

func TestPoolAndValue(t *testing.T) {
	p := xsync.Pool{New: func() any { return "new" }}
	same(t, "Pool empty", p.Get(), "new")
	p.Put("a")
	same(t, "Pool get", p.Get(), "a")
	p.Put("b")
	xsync.RunPoolCleanup()
	same(t, "Pool victim", p.Get(), "b")
	p.Put("c")
	xsync.RunPoolCleanup()
	xsync.RunPoolCleanup()
	same(t, "Pool dropped", p.Get(), "new")
	var v xatomic.Value
	same(t, "Value empty", v.Load(), nil)
	v.Store(1)
	same(t, "Value CAS", []any{v.CompareAndSwap(1, 2), v.CompareAndSwap(1, 3), v.Load()}, []any{true, false, 2})
	samePanic(t, "Value inconsistent", func() any { v.Store("x"); return nil }, func() any {
		panic("sync/atomic: store of inconsistently typed value into Value")
	})
	var p1 xatomic.Pointer[int]
	x := 5
	same(t, "Pointer", []any{p1.Load() == nil, p1.CompareAndSwap(nil, &x), *p1.Load()}, []any{true, true, 5})
	var i64 xatomic.Int64
	same(t, "Int64", []int64{i64.Add(5), i64.Swap(3), i64.Load(), i64.And(1), i64.Or(6), i64.Load()}, []int64{5, 5, 3, 3, 1, 7})
	var bo xatomic.Bool
	same(t, "Bool", []bool{bo.Load(), bo.Swap(true), bo.CompareAndSwap(true, false), bo.Load()}, []bool{false, false, true, false})
}
