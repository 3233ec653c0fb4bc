package sync

import (
	real "sync"
	"time"
)

// Test-only bodies for the runtime natives of sync: a semaphore table
// built on the real sync.Cond (one lock for all semaphores).

var (
	semMu   real.Mutex
	semCond = real.NewCond(&semMu)
	start   = time.Now()
)

func runtime_Semacquire(s *uint32) {
	semMu.Lock()
	for *s == 0 {
		semCond.Wait()
	}
	*s--
	semMu.Unlock()
}

func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)    { runtime_Semacquire(s) }
func runtime_SemacquireRWMutexR(s *uint32, lifo bool, skipframes int) { runtime_Semacquire(s) }
func runtime_SemacquireRWMutex(s *uint32, lifo bool, skipframes int)  { runtime_Semacquire(s) }
func runtime_SemacquireWaitGroup(s *uint32)                           { runtime_Semacquire(s) }

func runtime_Semrelease(s *uint32, handoff bool, skipframes int) {
	semMu.Lock()
	*s++
	semCond.Broadcast()
	semMu.Unlock()
}

func runtime_canSpin(i int) bool { return i < 4 }
func runtime_doSpin()            {}
func runtime_nanotime() int64    { return int64(time.Since(start)) }

func throw(s string) { panic("fatal error: " + s) }
func fatal(s string) { panic("fatal error: " + s) }

func runtime_notifyListAdd(l *notifyList) uint32 {
	semMu.Lock()
	defer semMu.Unlock()
	t := l.wait
	l.wait++
	return t
}

func runtime_notifyListWait(l *notifyList, t uint32) {
	semMu.Lock()
	for int32(t-l.notify) >= 0 {
		semCond.Wait()
	}
	semMu.Unlock()
}

func runtime_notifyListNotifyAll(l *notifyList) {
	semMu.Lock()
	l.notify = l.wait
	semCond.Broadcast()
	semMu.Unlock()
}

func runtime_notifyListNotifyOne(l *notifyList) {
	semMu.Lock()
	if l.notify != l.wait {
		l.notify++
	}
	semCond.Broadcast()
	semMu.Unlock()
}

func runtime_notifyListCheck(size uintptr) {}

var registeredCleanup func()

func runtime_registerPoolCleanup(cleanup func()) { registeredCleanup = cleanup }

// RunPoolCleanup simulates a GC cycle for the tests.
func RunPoolCleanup() { registeredCleanup() }

func runtime_procPin() int    { return 0 }
func runtime_procUnpin()      {}
func runtime_GOMAXPROCS() int { return 4 }
