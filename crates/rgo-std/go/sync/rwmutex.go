package sync

import "sync/atomic"

// RWMutex is a lock held either by any number of readers or by one writer.
// Once a writer asks for it, new readers wait until that writer is done,
// so writers are not starved.
//
// How it works: readers counts readers that hold or want the lock. A writer
// first takes the writers mutex, then subtracts writerBias from readers:
// from that moment the count is negative and arriving readers sleep on
// readerWake. The number of readers that were inside when the writer came
// is moved into departing; each of them decrements it on the way out, and
// the last one wakes the writer on writerWake. Unlock adds writerBias back
// and wakes the readers that queued meanwhile (the count it finds).
type RWMutex struct {
	writers    Mutex        // taken by a writer for the whole write section
	writerWake uint32       // the writer sleeps here until readers leave
	readerWake uint32       // readers sleep here while a writer is active
	readers    atomic.Int32 // readers in or waiting; minus writerBias for a writer
	departing  atomic.Int32 // readers a waiting writer still waits for
}

// writerBias is larger than any plausible reader count.
const writerBias = 1 << 30

// RLock takes rw for reading, waiting while a writer holds or wants it.
func (rw *RWMutex) RLock() {
	if rw.readers.Add(1) >= 0 {
		return
	}
	runtime_SemacquireRWMutexR(&rw.readerWake, false, 0)
}

// TryRLock takes rw for reading if no writer holds or wants it, and reports
// whether it did.
func (rw *RWMutex) TryRLock() bool {
	for {
		n := rw.readers.Load()
		if n < 0 {
			return false
		}
		if rw.readers.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// RUnlock releases one read hold of rw.
func (rw *RWMutex) RUnlock() {
	after := rw.readers.Add(-1)
	if after >= 0 {
		return
	}
	// A writer is waiting (or the lock was not read-locked).
	before := after + 1
	if before == 0 || before == -writerBias {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	if rw.departing.Add(-1) == 0 {
		runtime_Semrelease(&rw.writerWake, false, 1)
	}
}

// Lock takes rw for writing, waiting for the readers inside to leave.
func (rw *RWMutex) Lock() {
	rw.writers.Lock()
	inside := rw.readers.Add(-writerBias) + writerBias
	if inside == 0 {
		return
	}
	if rw.departing.Add(inside) != 0 {
		runtime_SemacquireRWMutex(&rw.writerWake, false, 0)
	}
}

// TryLock takes rw for writing if nobody holds it, and reports whether it
// did.
func (rw *RWMutex) TryLock() bool {
	if !rw.writers.TryLock() {
		return false
	}
	if rw.readers.CompareAndSwap(0, -writerBias) {
		return true
	}
	rw.writers.Unlock()
	return false
}

// Unlock releases the write hold of rw and lets waiting readers in.
func (rw *RWMutex) Unlock() {
	queued := rw.readers.Add(writerBias)
	if queued >= writerBias {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	for ; queued > 0; queued-- {
		runtime_Semrelease(&rw.readerWake, false, 0)
	}
	rw.writers.Unlock()
}

// RLocker returns a Locker whose Lock and Unlock are rw.RLock and
// rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

// rlocker is the Locker RLocker returns (its name shows in %T).
type rlocker RWMutex

func (r *rlocker) rw() *RWMutex { return (*RWMutex)(r) }
func (r *rlocker) Lock()        { r.rw().RLock() }
func (r *rlocker) Unlock()      { r.rw().RUnlock() }
