// Package syscall is the thin layer over the operating system's calls. rgo: only the error numbers (Errno) and a few calls that os
// and programs commonly use; the calls are natives.
package syscall

import "unsafe"

// Errno is an operating-system error number; it is an error, and 0
// conventionally means success.
type Errno uintptr

func (e Errno) Error() string {
	if uint(e) < uint(len(errorstr)) && errorstr[e] != "" {
		return errorstr[e]
	}
	return "errno " + itoa(int(e))
}

// Is reports whether e matches one of the generic oserror values
// (compared by message, since syscall cannot import io/fs).
func (e Errno) Is(target error) bool {
	var group []Errno
	switch target.Error() {
	case "permission denied":
		group = []Errno{EACCES, EPERM}
	case "file already exists":
		group = []Errno{EEXIST, ENOTEMPTY}
	case "file does not exist":
		group = []Errno{ENOENT}
	case "operation not supported":
		group = []Errno{ENOSYS, ENOTSUP, EOPNOTSUPP}
	}
	return e.oneOf(group...)
}

// oneOf reports whether e is one of list.
func (e Errno) oneOf(list ...Errno) bool {
	for _, x := range list {
		if e == x {
			return true
		}
	}
	return false
}

// Temporary reports whether retrying may succeed: interrupted calls, file
// table exhaustion and timeouts.
func (e Errno) Temporary() bool {
	return e.oneOf(EINTR, EMFILE, ENFILE) || e.Timeout()
}

// Timeout reports whether e means that an operation timed out or would
// block.
func (e Errno) Timeout() bool {
	return e.oneOf(EAGAIN, EWOULDBLOCK, ETIMEDOUT)
}

func itoa(v int) string {
	if v < 0 {
		return "-" + itoa(-v)
	}
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return string(b[i:])
}

// Linux/amd64 error numbers.
const (
	EPERM        Errno = 0x1
	ENOENT       Errno = 0x2
	ESRCH        Errno = 0x3
	EINTR        Errno = 0x4
	EIO          Errno = 0x5
	ENXIO        Errno = 0x6
	E2BIG        Errno = 0x7
	ENOEXEC      Errno = 0x8
	EBADF        Errno = 0x9
	ECHILD       Errno = 0xa
	EAGAIN       Errno = 0xb
	ENOMEM       Errno = 0xc
	EACCES       Errno = 0xd
	EFAULT       Errno = 0xe
	EBUSY        Errno = 0x10
	EEXIST       Errno = 0x11
	EXDEV        Errno = 0x12
	ENODEV       Errno = 0x13
	ENOTDIR      Errno = 0x14
	EISDIR       Errno = 0x15
	EINVAL       Errno = 0x16
	ENFILE       Errno = 0x17
	EMFILE       Errno = 0x18
	ENOTTY       Errno = 0x19
	EFBIG        Errno = 0x1b
	ENOSPC       Errno = 0x1c
	ESPIPE       Errno = 0x1d
	EROFS        Errno = 0x1e
	EMLINK       Errno = 0x1f
	EPIPE        Errno = 0x20
	EDOM         Errno = 0x21
	ERANGE       Errno = 0x22
	EDEADLK      Errno = 0x23
	ENAMETOOLONG Errno = 0x24
	ENOSYS       Errno = 0x26
	ENOTEMPTY    Errno = 0x27
	ELOOP        Errno = 0x28
	EWOULDBLOCK  Errno = 0xb
	ENOTSUP      Errno = 0x5f
	EOPNOTSUPP   Errno = 0x5f
	ETIMEDOUT    Errno = 0x6e
)

var errorstr = [...]string{
	1:   "operation not permitted",
	2:   "no such file or directory",
	3:   "no such process",
	4:   "interrupted system call",
	5:   "input/output error",
	6:   "no such device or address",
	7:   "argument list too long",
	8:   "exec format error",
	9:   "bad file descriptor",
	10:  "no child processes",
	11:  "resource temporarily unavailable",
	12:  "cannot allocate memory",
	13:  "permission denied",
	14:  "bad address",
	15:  "block device required",
	16:  "device or resource busy",
	17:  "file exists",
	18:  "invalid cross-device link",
	19:  "no such device",
	20:  "not a directory",
	21:  "is a directory",
	22:  "invalid argument",
	23:  "too many open files in system",
	24:  "too many open files",
	25:  "inappropriate ioctl for device",
	26:  "text file busy",
	27:  "file too large",
	28:  "no space left on device",
	29:  "illegal seek",
	30:  "read-only file system",
	31:  "too many links",
	32:  "broken pipe",
	33:  "numerical argument out of domain",
	34:  "numerical result out of range",
	35:  "resource deadlock avoided",
	36:  "file name too long",
	37:  "no locks available",
	38:  "function not implemented",
	39:  "directory not empty",
	40:  "too many levels of symbolic links",
	95:  "operation not supported",
	110: "connection timed out",
}

// Signal is a Unix signal number.
type Signal int

func (s Signal) Signal() {}

func (s Signal) String() string {
	if 0 <= s && int(s) < len(signals) && signals[s] != "" {
		return signals[s]
	}
	return "signal " + itoa(int(s))
}

// Signals.
const (
	SIGHUP  = Signal(0x1)
	SIGINT  = Signal(0x2)
	SIGQUIT = Signal(0x3)
	SIGKILL = Signal(0x9)
	SIGPIPE = Signal(0xd)
	SIGTERM = Signal(0xf)
	SIGCHLD = Signal(0x11)
)

var signals = [...]string{
	1:  "hangup",
	2:  "interrupt",
	3:  "quit",
	9:  "killed",
	13: "broken pipe",
	15: "terminated",
	17: "child exited",
}

// Exit terminates the process with the given status code. Native.
func Exit(code int)

// Getpid returns the process id. Native.
func Getpid() (pid int)

// Gettid returns the id of the OS thread running the caller. Native
// (rgo-runtime's proc.rs).
func Gettid() (tid int)

// Getpagesize reports the size of a memory page in bytes. Native.
func Getpagesize() int

// Kill sends signal sig to the process pid (or, with a negative pid, to
// its process group).
func Kill(pid int, sig Signal) (err error) {
	return errnoErr(sysKill(pid, int(sig)))
}

// errnoErr is nil for 0, else the Errno.
func errnoErr(e uintptr) error {
	if e != 0 {
		return Errno(e)
	}
	return nil
}

// The raw calls: each returns the errno (0 on success). Natives.
func sysKill(pid, sig int) (errno uintptr)
func sysMmap(fd int, offset int64, length int, prot int, flags int) (addr uintptr, errno uintptr)
func sysMunmap(addr uintptr, length int) (errno uintptr)
func sysMprotect(addr uintptr, length int, prot int) (errno uintptr)

// Memory protection and mapping flags of mmap(2) on linux/amd64.
const (
	PROT_NONE   = 0x0
	PROT_READ   = 0x1
	PROT_WRITE  = 0x2
	PROT_EXEC   = 0x4
	MAP_SHARED  = 0x1
	MAP_PRIVATE = 0x2
	MAP_FIXED   = 0x10
	MAP_ANON    = 0x20
)

// mapped holds the live mappings made by Mmap, by the address of their
// last byte (what Munmap is given must be one of them, whole).
var (
	mappedMu chan struct{}
	mapped   map[*byte][]byte
)

// lockMapped serializes the users of mapped (syscall cannot import sync).
func lockMapped() {
	if mappedMu == nil {
		mappedMu = make(chan struct{}, 1)
	}
	mappedMu <- struct{}{}
}

func unlockMapped() { <-mappedMu }

// Mmap maps length bytes of the file fd (or anonymous memory) and returns
// them as a byte slice.
func Mmap(fd int, offset int64, length int, prot int, flags int) (data []byte, err error) {
	if length <= 0 {
		return nil, EINVAL
	}
	addr, e := sysMmap(fd, offset, length, prot, flags)
	if e != 0 {
		return nil, Errno(e)
	}
	data = unsafe.Slice((*byte)(unsafe.Pointer(addr)), length)
	lockMapped()
	if mapped == nil {
		mapped = make(map[*byte][]byte)
	}
	mapped[&data[length-1]] = data
	unlockMapped()
	return data, nil
}

// Munmap unmaps memory returned by Mmap.
func Munmap(b []byte) (err error) {
	if len(b) == 0 || len(b) != cap(b) {
		return EINVAL
	}
	last := &b[len(b)-1]
	lockMapped()
	defer unlockMapped()
	whole, ok := mapped[last]
	if !ok || &whole[0] != &b[0] {
		return EINVAL
	}
	if e := sysMunmap(uintptr(unsafe.Pointer(&b[0])), len(b)); e != 0 {
		return Errno(e)
	}
	delete(mapped, last)
	return nil
}

// Mprotect changes the protection of the pages of b.
func Mprotect(b []byte, prot int) (err error) {
	var addr uintptr
	if len(b) > 0 {
		addr = uintptr(unsafe.Pointer(&b[0]))
	}
	return errnoErr(sysMprotect(addr, len(b), prot))
}

// Getenv retrieves the value of the environment variable named by the
// key. Native.
func Getenv(key string) (value string, found bool)

// SysProcAttr holds optional, operating system-specific attributes for
// starting a process (the commonly used subset of Linux's).
type SysProcAttr struct {
	Chroot     string      // Chroot.
	Credential *Credential // Credential.
	Setsid     bool        // Create session.
	Setpgid    bool        // Set process group ID to Pgid, or, if Pgid == 0, to new pid.
	Setctty    bool        // Set controlling terminal to fd Ctty (only meaningful if Setsid is set)
	Noctty     bool        // Detach fd 0 from controlling terminal.
	Ctty       int         // Controlling TTY fd
	Foreground bool        // Place child's process group in foreground. (Implies Setpgid. Uses Ctty as fd of controlling TTY)
	Pgid       int         // Child's process group ID if Setpgid.
	Pdeathsig  Signal      // sent to the child when its parent dies (Linux)
}

// Credential holds user and group identities to be assumed by a child
// process started by StartProcess.
type Credential struct {
	Uid         uint32   // User ID.
	Gid         uint32   // Group ID.
	Groups      []uint32 // Supplementary group IDs.
	NoSetGroups bool     // If true, don't set supplementary groups
}

// A WaitStatus is the status word returned by wait4 (Linux encoding).
type WaitStatus uint32

const (
	wMask     = 0x7F
	wCore     = 0x80
	wExited   = 0x00
	wStopped  = 0x7F
	wShift    = 8
	wContinue = 0xFFFF
)

func (w WaitStatus) Exited() bool    { return w&wMask == wExited }
func (w WaitStatus) Signaled() bool  { return w&wMask != wStopped && w&wMask != wExited }
func (w WaitStatus) Stopped() bool   { return w&0xFF == wStopped }
func (w WaitStatus) Continued() bool { return w == wContinue }
func (w WaitStatus) CoreDump() bool  { return w.Signaled() && w&wCore != 0 }

func (w WaitStatus) ExitStatus() int {
	if !w.Exited() {
		return -1
	}
	return int(w>>wShift) & 0xFF
}

func (w WaitStatus) Signal() Signal {
	if !w.Signaled() {
		return -1
	}
	return Signal(w & wMask)
}

func (w WaitStatus) StopSignal() Signal {
	if !w.Stopped() {
		return -1
	}
	return Signal(w>>wShift) & 0xFF
}

func (w WaitStatus) TrapCause() int {
	if w.StopSignal() != 5 { // SIGTRAP
		return -1
	}
	return int(w>>wShift) >> 8
}

// A Timeval is a time in seconds and microseconds.
type Timeval struct {
	Sec  int64
	Usec int64
}

// Nano converts tv to nanoseconds.
func (tv *Timeval) Nano() int64 { return tv.Sec*1e9 + tv.Usec*1e3 }

// Rusage is the resource usage of a process (Linux layout).
type Rusage struct {
	Utime    Timeval
	Stime    Timeval
	Maxrss   int64
	Ixrss    int64
	Idrss    int64
	Isrss    int64
	Minflt   int64
	Majflt   int64
	Nswap    int64
	Inblock  int64
	Oublock  int64
	Msgsnd   int64
	Msgrcv   int64
	Nsignals int64
	Nvcsw    int64
	Nivcsw   int64
}
