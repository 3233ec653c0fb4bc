// Package sync offers locks and other tools to coordinate goroutines.
//
// rgo: the algorithms (Mutex's normal and starvation modes, RWMutex's
// reader count offset by writerBias, WaitGroup's packed state word,
// Once, Cond, Pool, Map) are plain Go; parking and waking goroutines goes
// through the runtime semaphore natives below (the 251-root semaphore
// table of DESIGN §6), the way Go's sync reaches its runtime by linkname.
package sync

// runtime_Semacquire sleeps until the count *s is positive, then takes one.
func runtime_Semacquire(s *uint32)

// runtime_SemacquireMutex is the Mutex flavour of runtime_Semacquire; lifo
// puts the caller first in line instead of last, skipframes is for traces.
func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)

// runtime_SemacquireRWMutexR is runtime_SemacquireMutex for a reader
// waiting on an RWMutex.
func runtime_SemacquireRWMutexR(s *uint32, lifo bool, skipframes int)

// runtime_SemacquireRWMutex is runtime_SemacquireMutex for a writer
// waiting on an RWMutex.
func runtime_SemacquireRWMutex(s *uint32, lifo bool, skipframes int)

// runtime_SemacquireWaitGroup is runtime_Semacquire for WaitGroup.Wait.
func runtime_SemacquireWaitGroup(s *uint32)

// runtime_Semrelease adds one to *s and wakes one sleeper, if there is one;
// with handoff the woken goroutine gets the count and runs straight away.
func runtime_Semrelease(s *uint32, handoff bool, skipframes int)

// runtime_canSpin says whether busy-waiting for a Mutex is worth it now, on
// attempt i (only with several Ps, one of them busy, and few attempts).
func runtime_canSpin(i int) bool

// runtime_doSpin busy-waits for a short moment.
func runtime_doSpin()

// runtime_nanotime reads the monotonic clock, in nanoseconds.
func runtime_nanotime() int64

// throw reports an unrecoverable internal error ("fatal error: ...").
func throw(string)

// fatal reports an unrecoverable user error ("fatal error: ...") such as
// unlocking an unlocked mutex.
func fatal(string)

// notifyList is the runtime's ticket-based list of Cond waiters; the
// layout matches the runtime's notifyList.
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uintptr
	head   uintptr
	tail   uintptr
}

// runtime_notifyListAdd adds the caller to l and returns its ticket.
func runtime_notifyListAdd(l *notifyList) uint32

// runtime_notifyListWait parks the caller until ticket t is notified.
func runtime_notifyListWait(l *notifyList, t uint32)

// runtime_notifyListNotifyAll wakes every waiter of l.
func runtime_notifyListNotifyAll(l *notifyList)

// runtime_notifyListNotifyOne wakes the oldest waiter of l.
func runtime_notifyListNotifyOne(l *notifyList)

// runtime_notifyListCheck checks that the runtime's notifyList has size sz.
func runtime_notifyListCheck(size uintptr)

// runtime_registerPoolCleanup registers the function the GC calls at the
// start of each cycle to age Pool caches.
func runtime_registerPoolCleanup(cleanup func())

// runtime_procPin pins the goroutine to its P and returns the P's id.
func runtime_procPin() int

// runtime_procUnpin undoes runtime_procPin.
func runtime_procUnpin()

// runtime_GOMAXPROCS returns the current number of Ps.
func runtime_GOMAXPROCS() int
