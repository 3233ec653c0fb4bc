package sync

import (
	"sync/atomic"
	"unsafe"
)

// Pool is a cache of spare objects for reuse: Put hands one in, Get takes
// one out. The cache may be emptied behind the caller's back at any time
// (in practice at garbage collections).
//
// rgo: Pool follows Go's design. Each P has its own poolLocal: a private
// slot and a shared stack. Get and Put pin the goroutine to its P
// (runtime_procPin: no preemption, no yield until runtime_procUnpin), so
// the private slot needs no synchronization and the P's own shared stack
// is touched only by it at the top; other Ps, once their own caches are
// empty, steal from the bottom of the shared stacks. At each GC cycle
// (runtime.GC, with the world stopped) ageAllPools turns every Pool's
// locals into its victim cache and drops the previous victims, so an
// object survives one cycle and is gone after two. Unlike Go's lock-free
// poolChain, each shared stack is guarded by a spin lock: every holder
// is pinned, so it keeps its P and holds the lock for a few instructions.
type Pool struct {
	noCopy noCopy

	local     unsafe.Pointer // the [localSize]poolLocal of the Ps
	localSize uintptr

	victim     unsafe.Pointer // local of the previous cycle
	victimSize uintptr

	// New optionally specifies a function to generate a value when Get
	// would otherwise return nil.
	New func() any
}

// poolLocalData is what one P keeps for one Pool.
type poolLocalData struct {
	private any        // used by the owning P only, while pinned
	shared  poolShared // the owner at the top, thieves at the bottom
}

// poolLocal pads poolLocalData to a multiple of 128 bytes, so that two
// Ps' locals never share a cache line.
type poolLocal struct {
	poolLocalData
	_ [128 - unsafe.Sizeof(poolLocalData{})%128]byte
}

// poolShared is a stack of objects: items[bottom:] are live, the newest
// last. lock is 0 or 1; only pinned goroutines take it.
type poolShared struct {
	lock   uint32
	bottom int
	items  []any
}

func (s *poolShared) acquire() {
	for !atomic.CompareAndSwapUint32(&s.lock, 0, 1) {
		runtime_doSpin()
	}
}

func (s *poolShared) release() {
	atomic.StoreUint32(&s.lock, 0)
}

// push adds x at the top (the owning P).
func (s *poolShared) push(x any) {
	s.acquire()
	if s.bottom > 0 && s.bottom == len(s.items) {
		s.items, s.bottom = s.items[:0], 0
	}
	s.items = append(s.items, x)
	s.release()
}

// popTop takes the newest object (the owning P), or nil.
func (s *poolShared) popTop() any {
	s.acquire()
	var x any
	if n := len(s.items); n > s.bottom {
		x = s.items[n-1]
		s.items[n-1] = nil
		s.items = s.items[:n-1]
	}
	s.release()
	return x
}

// popBottom takes the oldest object (another P stealing), or nil.
func (s *poolShared) popBottom() any {
	s.acquire()
	var x any
	if s.bottom < len(s.items) {
		x = s.items[s.bottom]
		s.items[s.bottom] = nil
		s.bottom++
		if s.bottom == len(s.items) {
			s.items, s.bottom = s.items[:0], 0
		}
	}
	s.release()
	return x
}

// localAt returns element i of a [n]poolLocal array starting at base.
func localAt(base unsafe.Pointer, i int) *poolLocal {
	return (*poolLocal)(unsafe.Add(base, uintptr(i)*unsafe.Sizeof(poolLocal{})))
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x != nil {
		loc, _ := p.pinned()
		loc.put(x)
		runtime_procUnpin()
	}
}

// Get selects an arbitrary item from the Pool, removes it from the Pool,
// and returns it to the caller. If Get would otherwise return nil and p.New
// is non-nil, Get returns the result of calling p.New.
func (p *Pool) Get() any {
	loc, pid := p.pinned()
	v := loc.take()
	if v == nil {
		v = p.steal(pid)
	}
	runtime_procUnpin()
	if v != nil || p.New == nil {
		return v
	}
	return p.New()
}

// put stores v in the P's private slot, or on its shared stack when the
// slot is taken. The caller is pinned to the P.
func (l *poolLocal) put(v any) {
	if l.private != nil {
		l.shared.push(v)
		return
	}
	l.private = v
}

// take empties the P's private slot, or else pops its shared stack's
// newest object (nil if none). The caller is pinned to the P.
func (l *poolLocal) take() any {
	if v := l.private; v != nil {
		l.private = nil
		return v
	}
	return l.shared.popTop()
}

// steal looks beyond the P's own cache, still pinned: the other Ps'
// shared stacks, then the victim cache (this P's private slot, then every
// shared stack).
func (p *Pool) steal(pid int) any {
	n := int(atomic.LoadUintptr(&p.localSize))
	base := atomic.LoadPointer(&p.local)
	for k := 1; k < n; k++ {
		if v := localAt(base, (pid+k)%n).shared.popBottom(); v != nil {
			return v
		}
	}
	nv := int(atomic.LoadUintptr(&p.victimSize))
	if pid >= nv {
		return nil
	}
	vbase := atomic.LoadPointer(&p.victim)
	if v := localAt(vbase, pid).take(); v != nil {
		return v
	}
	for k := 1; k < nv; k++ {
		if v := localAt(vbase, (pid+k)%nv).shared.popBottom(); v != nil {
			return v
		}
	}
	// Nothing left in the victims: later Gets need not look again.
	atomic.StoreUintptr(&p.victimSize, 0)
	return nil
}

// pinned pins the goroutine to its P and returns the P's poolLocal and
// id; the caller calls runtime_procUnpin when done with them.
func (p *Pool) pinned() (*poolLocal, int) {
	id := runtime_procPin()
	n := atomic.LoadUintptr(&p.localSize) // read before local (see newLocals)
	base := atomic.LoadPointer(&p.local)
	if uintptr(id) >= n {
		return p.newLocals()
	}
	return localAt(base, id), id
}

// newLocals allocates p's locals, one per P: on first use after a GC
// cycle, or when GOMAXPROCS grew (the old locals are then dropped). It
// is entered pinned and returns pinned, like pinned.
func (p *Pool) newLocals() (*poolLocal, int) {
	// Lock unpinned (Lock may park), then pin again: under poolsMu no
	// one else replaces p.local.
	runtime_procUnpin()
	poolsMu.Lock()
	defer poolsMu.Unlock()
	id := runtime_procPin()
	if uintptr(id) < p.localSize {
		return localAt(p.local, id), id
	}
	if p.localSize == 0 {
		livePools = append(livePools, p)
	}
	procs := runtime_GOMAXPROCS()
	base := unsafe.Pointer(&make([]poolLocal, procs)[0])
	atomic.StorePointer(&p.local, base)
	atomic.StoreUintptr(&p.localSize, uintptr(procs))
	return localAt(base, id), id
}

var (
	// poolsMu guards livePools against newLocals on other Ps; the GC
	// cycle's ageAllPools runs with the world stopped and needs no lock.
	poolsMu Mutex
	// livePools holds the Pools with locals, victimPools those with
	// victims only.
	livePools   []*Pool
	victimPools []*Pool
)

// ageAllPools is Go's poolCleanup: it runs at the start of each GC cycle
// with the world stopped (rgo-runtime's mgc.rs calls it from runtime.GC).
// The victims of the last cycle are dropped, and every Pool's locals
// become its victims.
func ageAllPools() {
	for _, old := range victimPools {
		old.victim = nil
		old.victimSize = 0
	}
	for _, live := range livePools {
		live.victim, live.local = live.local, nil
		live.victimSize, live.localSize = live.localSize, 0
	}
	victimPools = livePools
	livePools = nil
}

func init() {
	runtime_registerPoolCleanup(ageAllPools)
}
