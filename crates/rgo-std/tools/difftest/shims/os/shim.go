package os

import (
	xsys "difftest/x/syscall"
	real "os"
	"syscall"
	"time"
	"unsafe"
)

// Test-only bodies for the os natives, on the real syscall package.

func errnoOf(err error) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(syscall.Errno); ok {
		return int(e)
	}
	return int(syscall.EINVAL)
}

func sysOpen(name string, flag int, perm uint32) (int, int) {
	fd, err := syscall.Open(name, flag, perm)
	return fd, errnoOf(err)
}

func sysRead(fd int, b []byte) (int, int) {
	n, err := syscall.Read(fd, b)
	if n < 0 {
		n = 0
	}
	return n, errnoOf(err)
}

func sysPread(fd int, b []byte, off int64) (int, int) {
	n, err := syscall.Pread(fd, b, off)
	if n < 0 {
		n = 0
	}
	return n, errnoOf(err)
}

func sysWrite(fd int, b []byte) (int, int) {
	n, err := syscall.Write(fd, b)
	if n < 0 {
		n = 0
	}
	return n, errnoOf(err)
}

func sysPwrite(fd int, b []byte, off int64) (int, int) {
	n, err := syscall.Pwrite(fd, b, off)
	if n < 0 {
		n = 0
	}
	return n, errnoOf(err)
}

func sysSeek(fd int, offset int64, whence int) (int64, int) {
	off, err := syscall.Seek(fd, offset, whence)
	return off, errnoOf(err)
}

func sysClose(fd int) int                     { return errnoOf(syscall.Close(fd)) }
func sysFsync(fd int) int                     { return errnoOf(syscall.Fsync(fd)) }
func sysFtruncate(fd int, size int64) int     { return errnoOf(syscall.Ftruncate(fd, size)) }
func sysTruncate(name string, size int64) int { return errnoOf(syscall.Truncate(name, size)) }
func sysMkdir(name string, perm uint32) int   { return errnoOf(syscall.Mkdir(name, perm)) }
func sysUnlink(name string) int               { return errnoOf(syscall.Unlink(name)) }
func sysRmdir(name string) int                { return errnoOf(syscall.Rmdir(name)) }
func sysRename(from, to string) int           { return errnoOf(syscall.Rename(from, to)) }
func sysChmod(name string, mode uint32) int   { return errnoOf(syscall.Chmod(name, mode)) }
func sysFchmod(fd int, mode uint32) int       { return errnoOf(syscall.Fchmod(fd, mode)) }
func sysChdir(name string) int                { return errnoOf(syscall.Chdir(name)) }
func sysFchdir(fd int) int                    { return errnoOf(syscall.Fchdir(fd)) }
func sysSymlink(oldname, newname string) int  { return errnoOf(syscall.Symlink(oldname, newname)) }
func sysLink(oldname, newname string) int     { return errnoOf(syscall.Link(oldname, newname)) }
func sysIsatty(fd int) bool                   { return false }
func sysGetpagesize() int                     { return syscall.Getpagesize() }
func sysGetpid() int                          { return syscall.Getpid() }
func sysGetppid() int                         { return syscall.Getppid() }
func sysGetuid() int                          { return syscall.Getuid() }
func sysGeteuid() int                         { return syscall.Geteuid() }
func sysGetgid() int                          { return syscall.Getgid() }
func sysGetegid() int                         { return syscall.Getegid() }
func sysGetenv(key string) (string, bool)     { return syscall.Getenv(key) }
func sysSetenv(key, value string) int         { return errnoOf(syscall.Setenv(key, value)) }
func sysUnsetenv(key string) int              { return errnoOf(syscall.Unsetenv(key)) }
func sysEnviron() []string                    { return syscall.Environ() }
func sysClearenv()                            { syscall.Clearenv() }
func runtimeArgs() []string                   { return real.Args }
func runtimeNano() int64                      { return time.Now().UnixNano() }
func sysKill(pid int, sig int) int            { return errnoOf(syscall.Kill(pid, syscall.Signal(sig))) }
func sysChtimes(name string, atime, mtime int64) int {
	ts := []syscall.Timespec{syscall.NsecToTimespec(atime), syscall.NsecToTimespec(mtime)}
	return errnoOf(syscall.UtimesNano(name, ts))
}

func sysGetwd() (string, int) {
	d, err := syscall.Getwd()
	return d, errnoOf(err)
}

func sysReadlink(name string) (string, int) {
	for n := 128; ; n *= 2 {
		b := make([]byte, n)
		m, err := syscall.Readlink(name, b)
		if err != nil {
			return "", errnoOf(err)
		}
		if m < n {
			return string(b[:m]), 0
		}
	}
}

func sysHostname() (string, int) {
	h, err := real.Hostname()
	if err != nil {
		return "", int(syscall.EINVAL)
	}
	return h, 0
}

func sysExecutable() (string, int) {
	p, err := real.Executable()
	if err != nil {
		return "", int(syscall.ENOENT)
	}
	return p, 0
}

func fillStat(st *rawStat, s *syscall.Stat_t) {
	*st = rawStat{Dev: s.Dev, Ino: s.Ino, Mode: s.Mode, Nlink: s.Nlink, Uid: s.Uid, Gid: s.Gid,
		Size: s.Size, MtimeSec: s.Mtim.Sec, MtimeNsec: s.Mtim.Nsec}
}

func sysFstat(fd int, st *rawStat) int {
	var s syscall.Stat_t
	if err := syscall.Fstat(fd, &s); err != nil {
		return errnoOf(err)
	}
	fillStat(st, &s)
	return 0
}

func sysStat(name string, st *rawStat, follow bool) int {
	var s syscall.Stat_t
	var err error
	if follow {
		err = syscall.Stat(name, &s)
	} else {
		err = syscall.Lstat(name, &s)
	}
	if err != nil {
		return errnoOf(err)
	}
	fillStat(st, &s)
	return 0
}

// sysReadDirNames parses linux_dirent64 records from getdents64.
func sysReadDirNames(fd int) ([]string, int) {
	var names []string
	buf := make([]byte, 8192)
	for {
		n, err := syscall.ReadDirent(fd, buf)
		if err != nil {
			return nil, errnoOf(err)
		}
		if n <= 0 {
			return names, 0
		}
		for off := 0; off < n; {
			reclen := int(*(*uint16)(unsafe.Pointer(&buf[off+16])))
			name := buf[off+19 : off+reclen]
			for i, c := range name {
				if c == 0 {
					name = name[:i]
					break
				}
			}
			if s := string(name); s != "." && s != ".." {
				names = append(names, s)
			}
			off += reclen
		}
	}
}

func sysStartProcess(name string, argv []string, env []string, dir string, fds []int, setsid, setpgid bool) (int, int) {
	files := make([]uintptr, len(fds))
	for i, fd := range fds {
		files[i] = uintptr(fd)
	}
	pid, err := syscall.ForkExec(name, argv, &syscall.ProcAttr{Dir: dir, Env: env, Files: files,
		Sys: &syscall.SysProcAttr{Setsid: setsid, Setpgid: setpgid}})
	return pid, errnoOf(err)
}

func sysWait4(pid int, ru *xsys.Rusage) (uint32, int) {
	var ws syscall.WaitStatus
	var r syscall.Rusage
	for {
		_, err := syscall.Wait4(pid, &ws, 0, &r)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, errnoOf(err)
		}
		break
	}
	ru.Utime.Sec, ru.Utime.Usec = r.Utime.Sec, r.Utime.Usec
	ru.Stime.Sec, ru.Stime.Usec = r.Stime.Sec, r.Stime.Usec
	return uint32(ws), 0
}

func sysPipe() (int, int, int) {
	var p [2]int
	err := syscall.Pipe2(p[:], syscall.O_CLOEXEC)
	return p[0], p[1], errnoOf(err)
}
