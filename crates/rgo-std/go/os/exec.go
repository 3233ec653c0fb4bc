package os

import (
	"errors"
	"sync/atomic"
	"syscall"
	"time"
)

// Natives for processes.

// sysStartProcess forks and execs name with argv and env in dir, with the
// child's descriptors 0..len(fds)-1 set to fds (-1: closed). Native.
func sysStartProcess(name string, argv []string, env []string, dir string, fds []int, setsid, setpgid bool) (pid int, errno int)

// sysWait4 waits for pid and returns its status and resource usage.
// Native.
func sysWait4(pid int, ru *syscall.Rusage) (status uint32, errno int)

// sysKill sends sig to pid. Native.
func sysKill(pid int, sig int) (errno int)

// sysPipe creates a pipe and returns its read and write descriptors.
// Native.
func sysPipe() (r, w int, errno int)

// Process stores the information about a process created by
// StartProcess.
type Process struct {
	Pid  int
	done atomic.Bool
}

// ProcAttr configures StartProcess.
type ProcAttr struct {
	// Dir, when set, is the child's working directory.
	Dir string
	// Env, when non-nil, is the child's environment ("key=value"
	// entries); nil means a copy of this process's environment.
	Env []string
	// Files are the child's open files: index 0 becomes its standard
	// input, 1 its standard output, 2 its standard error, and so on.
	Files []*File

	// Sys holds Unix-specific settings.
	Sys *syscall.SysProcAttr
}

// ErrNoHandle indicates that the Process does not have a handle.
var ErrNoHandle = errors.New("os: process handle unavailable")

// StartProcess starts a new process with the program, arguments and
// attributes specified by name, argv and attr. The argv slice will become
// os.Args in the new process, so it normally starts with the program
// name.
func StartProcess(name string, argv []string, attr *ProcAttr) (*Process, error) {
	if attr == nil {
		attr = &ProcAttr{}
	}
	// A missing working directory is reported as the chdir it would fail
	// (only when no SysProcAttr may change where that chdir happens).
	if attr.Sys == nil && attr.Dir != "" {
		if _, err := Stat(attr.Dir); err != nil {
			if pe, isPath := err.(*PathError); isPath {
				pe.Op = "chdir"
			}
			return nil, err
		}
	}
	env := attr.Env
	if env == nil {
		env = Environ()
	}
	fds := make([]int, len(attr.Files))
	for i, f := range attr.Files {
		if f == nil {
			fds[i] = -1
		} else {
			fds[i] = f.fd
		}
	}
	var setsid, setpgid bool
	if attr.Sys != nil {
		setsid, setpgid = attr.Sys.Setsid, attr.Sys.Setpgid
	}
	pid, errno := sysStartProcess(name, argv, env, attr.Dir, fds, setsid, setpgid)
	if errno != 0 {
		return nil, &PathError{Op: "fork/exec", Path: name, Err: errnoErr(errno)}
	}
	return &Process{Pid: pid}, nil
}

// FindProcess looks for a running process by its pid. On Unix systems,
// FindProcess always succeeds and returns a Process for the given pid.
func FindProcess(pid int) (*Process, error) { return &Process{Pid: pid}, nil }

// Release releases any resources associated with the Process p.
func (p *Process) Release() error {
	p.Pid = -1
	return nil
}

// Kill causes the Process to exit immediately.
func (p *Process) Kill() error { return p.Signal(Kill) }

// Signal sends a signal to the Process.
func (p *Process) Signal(sig Signal) error {
	switch {
	case p.Pid == -1:
		return errors.New("os: process already released")
	case p.Pid == 0:
		return errors.New("os: process not initialized")
	case p.done.Load():
		return ErrProcessDone
	}
	number, isUnix := sig.(syscall.Signal)
	if !isUnix {
		return errors.New("os: unsupported signal type")
	}
	switch errno := sysKill(p.Pid, int(number)); {
	case errno == 0:
		return nil
	case syscall.Errno(errno) == syscall.ESRCH:
		return ErrProcessDone // it exited meanwhile
	default:
		return NewSyscallError("kill", errnoErr(errno))
	}
}

// WithHandle calls a supplied function f with a valid process handle.
// rgo has no pidfd support, so it always returns ErrNoHandle.
func (p *Process) WithHandle(f func(handle uintptr)) error { return ErrNoHandle }

// Wait waits for the Process to exit, and then returns a ProcessState
// describing its status and an error, if any.
func (p *Process) Wait() (*ProcessState, error) {
	if p.Pid == -1 {
		return nil, syscall.EINVAL // released
	}
	var ru syscall.Rusage
	status, errno := sysWait4(p.Pid, &ru)
	if errno != 0 {
		return nil, NewSyscallError("wait", errnoErr(errno))
	}
	p.done.Store(true)
	return &ProcessState{pid: p.Pid, status: syscall.WaitStatus(status), rusage: &ru}, nil
}

// ProcessState is what Wait learned about an exited process.
type ProcessState struct {
	pid    int
	status syscall.WaitStatus
	rusage *syscall.Rusage
}

// Pid returns the id the process had.
func (p *ProcessState) Pid() int { return p.pid }

// Exited reports whether the process ended by exiting (not by a signal).
func (p *ProcessState) Exited() bool { return p.status.Exited() }

// Success reports whether the program exited successfully.
func (p *ProcessState) Success() bool { return p.status.ExitStatus() == 0 }

// Sys returns system-dependent exit information about the process
// (a syscall.WaitStatus).
func (p *ProcessState) Sys() any { return p.status }

// SysUsage returns system-dependent resource usage information about the
// exited process (a *syscall.Rusage).
func (p *ProcessState) SysUsage() any { return p.rusage }

// UserTime returns the user CPU time of the exited process and its
// children.
func (p *ProcessState) UserTime() time.Duration {
	return time.Duration(p.rusage.Utime.Nano())
}

// SystemTime returns the system CPU time of the exited process and its
// children.
func (p *ProcessState) SystemTime() time.Duration {
	return time.Duration(p.rusage.Stime.Nano())
}

// ExitCode returns the exit code of the exited process, or -1 if the
// process hasn't exited or was terminated by a signal.
func (p *ProcessState) ExitCode() int {
	code := -1
	if p != nil {
		code = p.status.ExitStatus()
	}
	return code
}

func (p *ProcessState) String() string {
	if p == nil {
		return "<nil>"
	}
	ws := p.status
	var text string
	if ws.Exited() {
		text = "exit status " + itoa(ws.ExitStatus())
	} else if ws.Signaled() {
		text = "signal: " + ws.Signal().String()
	} else if ws.Stopped() {
		text = "stop signal: " + ws.StopSignal().String()
		if ws.StopSignal() == 5 && // SIGTRAP
			ws.TrapCause() != 0 {
			text += " (trap " + itoa(ws.TrapCause()) + ")"
		}
	} else if ws.Continued() {
		text = "continued"
	}
	if ws.CoreDump() {
		text += " (core dumped)"
	}
	return text
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

// Pipe returns the two ends of a new pipe: what is written to w can be
// read from r.
func Pipe() (r *File, w *File, err error) {
	rfd, wfd, errno := sysPipe()
	if errno != 0 {
		return nil, nil, NewSyscallError("pipe2", errnoErr(errno))
	}
	return NewFile(uintptr(rfd), "|0"), NewFile(uintptr(wfd), "|1"), nil
}
