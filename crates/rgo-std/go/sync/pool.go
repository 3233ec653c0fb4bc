package sync

import (
	"sync/atomic"
	"unsafe"
)

// Pool is a cache of spare objects for reuse: Put hands one in, Get takes
// one out. The cache may be emptied behind the caller's back at any time
// (in practice at garbage collections).
//
// rgo: the fields have Go's shape (so Sizeof(Pool{}) is Go's 40 bytes),
// but local points to one shared poolState guarded by a mutex instead of
// per-P shards. poolState keeps a primary cache and a victim cache: at
// each GC cycle the primary becomes the victim and the old victim is
// dropped, so an object survives one GC, as in Go. localSize, victim and
// victimSize are unused.
type Pool struct {
	noCopy noCopy

	local      unsafe.Pointer // *poolState, created on first use
	localSize  uintptr
	victim     unsafe.Pointer
	victimSize uintptr

	// New optionally specifies a function to generate a value when Get
	// would otherwise return nil.
	New func() any
}

// poolState is the cache of one Pool.
type poolState struct {
	mu      Mutex // guards primary and victim
	primary []any
	victim  []any
}

// state returns p's poolState, creating and registering it on first use.
func (p *Pool) state() *poolState {
	if s := atomic.LoadPointer(&p.local); s != nil {
		return (*poolState)(s)
	}
	s := &poolState{}
	if !atomic.CompareAndSwapPointer(&p.local, nil, unsafe.Pointer(s)) {
		return (*poolState)(atomic.LoadPointer(&p.local))
	}
	allPoolsMu.Lock()
	allPools = append(allPools, s)
	allPoolsMu.Unlock()
	return s
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	s := p.state()
	s.mu.Lock()
	s.primary = append(s.primary, x)
	s.mu.Unlock()
}

// Get selects an arbitrary item from the Pool, removes it from the Pool,
// and returns it to the caller. If Get would otherwise return nil and p.New
// is non-nil, Get returns the result of calling p.New.
func (p *Pool) Get() any {
	s := p.state()
	s.mu.Lock()
	var x any
	if n := len(s.primary); n > 0 {
		x = s.primary[n-1]
		s.primary[n-1] = nil
		s.primary = s.primary[:n-1]
	} else if n := len(s.victim); n > 0 {
		x = s.victim[n-1]
		s.victim[n-1] = nil
		s.victim = s.victim[:n-1]
	}
	s.mu.Unlock()
	if x != nil || p.New == nil {
		return x
	}
	return p.New()
}

var (
	allPoolsMu Mutex
	allPools   []*poolState
)

// agePools runs when a GC cycle starts, with the world stopped: every
// cache's primary objects become its victims, and the old victims go.
func agePools() {
	for _, s := range allPools {
		s.primary, s.victim = nil, s.primary
	}
}

func init() {
	runtime_registerPoolCleanup(agePools)
}
