// Package os provides a platform-independent interface to operating
// system functionality.
//
// rgo: the package logic (errors, File bookkeeping, ReadFile, MkdirAll,
// RemoveAll, Expand, ...) is plain Go; every system call is a native
// named sys* below, returning an errno (0 on success) that is wrapped in
// *PathError with a syscall.Errno, as Go does.
package os

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
	"time"
)

// Natives: thin system calls. Each returns errno 0 on success.
func sysOpen(name string, flag int, perm uint32) (fd int, errno int)
func sysRead(fd int, b []byte) (n int, errno int)
func sysPread(fd int, b []byte, off int64) (n int, errno int)
func sysWrite(fd int, b []byte) (n int, errno int)
func sysPwrite(fd int, b []byte, off int64) (n int, errno int)
func sysSeek(fd int, offset int64, whence int) (off int64, errno int)
func sysClose(fd int) (errno int)
func sysFsync(fd int) (errno int)
func sysFtruncate(fd int, size int64) (errno int)
func sysTruncate(name string, size int64) (errno int)
func sysFstat(fd int, st *rawStat) (errno int)
func sysStat(name string, st *rawStat, follow bool) (errno int)
func sysReadDirNames(fd int) (names []string, errno int)
func sysMkdir(name string, perm uint32) (errno int)
func sysUnlink(name string) (errno int)
func sysRmdir(name string) (errno int)
func sysRename(from, to string) (errno int)
func sysChmod(name string, mode uint32) (errno int)
func sysFchmod(fd int, mode uint32) (errno int)
func sysChdir(name string) (errno int)
func sysFchdir(fd int) (errno int)
func sysGetwd() (dir string, errno int)
func sysReadlink(name string) (target string, errno int)
func sysSymlink(oldname, newname string) (errno int)
func sysLink(oldname, newname string) (errno int)
func sysChtimes(name string, atime, mtime int64) (errno int)
func sysIsatty(fd int) bool

// rawStat is the part of struct stat that os uses.
type rawStat struct {
	Dev, Ino  uint64
	Mode      uint32
	Nlink     uint64
	Uid, Gid  uint32
	Size      int64
	MtimeSec  int64
	MtimeNsec int64
}

// Flags to OpenFile wrapping those of the underlying system (Linux).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// Whence values for Seek.
//
// Deprecated: use io.SeekStart, io.SeekCurrent and io.SeekEnd.
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

const (
	PathSeparator     = '/' // OS-specific path separator
	PathListSeparator = ':' // OS-specific path list separator
)

// DevNull is the name of the operating system's “null device”.
const DevNull = "/dev/null"

// IsPathSeparator reports whether c separates path elements ('/').
func IsPathSeparator(c uint8) bool { return PathSeparator == c }

// Errors shared with io/fs, for errors.Is checks.
var (
	ErrInvalid          = fs.ErrInvalid
	ErrPermission       = fs.ErrPermission
	ErrExist            = fs.ErrExist
	ErrNotExist         = fs.ErrNotExist
	ErrClosed           = fs.ErrClosed
	ErrNoDeadline       = errors.New("file type does not support deadline")
	ErrDeadlineExceeded = errors.New("i/o timeout")
	ErrProcessDone      = errors.New("os: process already finished")
)

// PathError is an error of an operation on a path: "Op Path: Err".
type PathError = fs.PathError

// A FileInfo describes a file and is returned by Stat and Lstat.
type FileInfo = fs.FileInfo

// FileMode is a file's type and permission bits (fs.FileMode).
type FileMode = fs.FileMode

// A DirEntry is an entry read from a directory.
type DirEntry = fs.DirEntry

// The defined file mode bits are the most significant bits of the FileMode.
const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

// SyscallError is an error returned by a named system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

// Timeout reports whether Err says it is a timeout.
func (e *SyscallError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// NewSyscallError returns, as an error, a new SyscallError with the given
// system call name and error details. If err is nil, NewSyscallError
// returns nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{Syscall: syscall, Err: err}
}

// LinkError records an error during a link or symlink or rename system
// call and the paths that caused it.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string { return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error() }

func (e *LinkError) Unwrap() error { return e.Err }

// IsExist returns a boolean indicating whether its argument is known to
// report that a file or directory already exists.
func IsExist(err error) bool { return innerIs(err, ErrExist) }

// IsNotExist reports whether err says a file or directory is missing
// (ErrNotExist or a matching system error, possibly inside a PathError,
// LinkError or SyscallError).
func IsNotExist(err error) bool { return innerIs(err, ErrNotExist) }

// IsPermission returns a boolean indicating whether its argument is known
// to report that permission is denied.
func IsPermission(err error) bool { return innerIs(err, ErrPermission) }

// IsTimeout returns a boolean indicating whether its argument is known to
// report that a timeout occurred.
func IsTimeout(err error) bool {
	terr, ok := unwrapOS(err).(interface{ Timeout() bool })
	return ok && terr.Timeout()
}

func innerIs(err, target error) bool {
	err = unwrapOS(err)
	if err == target {
		return true
	}
	e, ok := err.(syscall.Errno)
	return ok && e.Is(target)
}

// unwrapOS returns the error inside a PathError, LinkError or
// SyscallError, or err itself.
func unwrapOS(err error) error {
	switch err := err.(type) {
	case *PathError:
		return err.Err
	case *LinkError:
		return err.Err
	case *SyscallError:
		return err.Err
	}
	return err
}

// File is an open file.
type File struct {
	*file // os specific
}

// file is the real representation of *File. The extra level of
// indirection ensures that no clients of os can overwrite this data.
type file struct {
	fd         int
	name       string
	dirNames   []string // directory entries not yet returned by ReadDir
	dirRead    bool
	appendMode bool
	closed     bool
}

// NewFile returns a new File with the given file descriptor and name.
func NewFile(fd uintptr, name string) *File {
	if int(fd) < 0 {
		return nil
	}
	return &File{&file{fd: int(fd), name: name}}
}

// Stdin, Stdout and Stderr are the process's standard streams, file
// descriptors 0, 1 and 2.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

func errnoErr(e int) error { return syscall.Errno(e) }

// Name returns the name f was opened with.
func (f *File) Name() string { return f.name }

// Fd returns the integer Unix file descriptor referencing the open file.
// If f is closed, the file descriptor becomes invalid.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

// usable returns ErrInvalid for a nil File and ErrClosed (in a
// PathError for op) for a closed one.
func (f *File) usable(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

func (f *File) wrapErr(op string, errno int) error {
	if errno == 0 {
		return nil
	}
	return &PathError{Op: op, Path: f.name, Err: errnoErr(errno)}
}

// Read reads up to len(b) bytes from the File and stores them in b. It
// returns the number of bytes read and any error encountered. At end of
// file, Read returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.usable("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, errno := sysRead(f.fd, b)
	if errno != 0 {
		return 0, f.wrapErr("read", errno)
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// ReadAt reads len(b) bytes from the File starting at byte offset off. It
// returns the number of bytes read and the error, if any. ReadAt always
// returns a non-nil error when n < len(b). At end of file, that error is
// io.EOF.
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.usable("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, errno := sysPread(f.fd, b, off)
		if errno != 0 {
			err = f.wrapErr("read", errno)
			break
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return
}

// Write writes len(b) bytes from b to the File. It returns the number of
// bytes written and an error, if any. Write returns a non-nil error when
// n != len(b).
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.usable("write"); err != nil {
		return 0, err
	}
	for len(b) > 0 {
		m, errno := sysWrite(f.fd, b)
		if errno != 0 {
			return n, f.wrapErr("write", errno)
		}
		n += m
		b = b[m:]
	}
	return n, nil
}

// WriteString is like Write, but writes the contents of string s rather
// than a slice of bytes.
func (f *File) WriteString(s string) (n int, err error) { return f.Write([]byte(s)) }

var errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")

// WriteAt writes b at offset off without moving the file position.
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.usable("write"); err != nil {
		return 0, err
	}
	if f.appendMode {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, errno := sysPwrite(f.fd, b, off)
		if errno != 0 {
			return n, f.wrapErr("write", errno)
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, nil
}

// Seek sets the offset for the next Read or Write on file to offset,
// interpreted according to whence: 0 means relative to the origin of the
// file, 1 means relative to the current offset, and 2 means relative to
// the end.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.usable("seek"); err != nil {
		return 0, err
	}
	off, errno := sysSeek(f.fd, offset, whence)
	if errno != 0 {
		return 0, f.wrapErr("seek", errno)
	}
	f.dirNames, f.dirRead = nil, false
	return off, nil
}

// Close releases f; later operations on it fail.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	return f.wrapErr("close", sysClose(f.fd))
}

// Sync flushes f's data to the storage device.
func (f *File) Sync() error {
	if err := f.usable("sync"); err != nil {
		return err
	}
	return f.wrapErr("sync", sysFsync(f.fd))
}

// Truncate changes the size of the file.
func (f *File) Truncate(size int64) error {
	if err := f.usable("truncate"); err != nil {
		return err
	}
	return f.wrapErr("truncate", sysFtruncate(f.fd, size))
}

// Chmod sets the permission bits of f.
func (f *File) Chmod(mode FileMode) error {
	if err := f.usable("chmod"); err != nil {
		return err
	}
	return f.wrapErr("chmod", sysFchmod(f.fd, unixMode(mode)))
}

// Chdir changes the current working directory to the file, which must be
// a directory.
func (f *File) Chdir() error {
	if err := f.usable("chdir"); err != nil {
		return err
	}
	return f.wrapErr("chdir", sysFchdir(f.fd))
}

// Stat describes f.
func (f *File) Stat() (FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	var st rawStat
	if errno := sysFstat(f.fd, &st); errno != 0 {
		return nil, f.wrapErr("stat", errno)
	}
	return newFileStat(basename(f.name), &st), nil
}

// ReadFrom implements io.ReaderFrom.
func (f *File) ReadFrom(r io.Reader) (n int64, err error) {
	if err := f.usable("write"); err != nil {
		return 0, err
	}
	return io.Copy(fileWithoutReadFrom{f}, r)
}

// fileWithoutReadFrom hides File's ReadFrom so io.Copy does not recurse.
type fileWithoutReadFrom struct{ f *File }

func (w fileWithoutReadFrom) Write(b []byte) (int, error) { return w.f.Write(b) }

// SetDeadline sets the read and write deadlines for a File. Regular files
// do not support deadlines.
func (f *File) SetDeadline(t time.Time) error { return f.noDeadline() }

// SetReadDeadline sets the deadline for future Read calls.
func (f *File) SetReadDeadline(t time.Time) error { return f.noDeadline() }

// SetWriteDeadline sets the deadline for future Write calls.
func (f *File) SetWriteDeadline(t time.Time) error { return f.noDeadline() }

func (f *File) noDeadline() error {
	if err := f.usable("SetDeadline"); err != nil {
		return err
	}
	return ErrNoDeadline
}

// unixMode translates a FileMode into the mode bits of open, mkdir and
// chmod: permissions plus setuid (04000), setgid (02000), sticky (01000).
func unixMode(mode FileMode) uint32 {
	bits := uint32(mode & ModePerm)
	for flag, bit := range map[FileMode]uint32{ModeSetuid: 0o4000, ModeSetgid: 0o2000, ModeSticky: 0o1000} {
		if mode&flag != 0 {
			bits |= bit
		}
	}
	return bits
}

// Open opens the named file for reading. If successful, methods on the
// returned file can be used for reading; the associated file descriptor
// has mode O_RDONLY.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create opens name for reading and writing, emptying it if it exists and
// creating it with mode 0666 (less the umask) if not.
func Create(name string) (*File, error) {
	const createFlags = O_RDWR | O_CREATE | O_TRUNC
	return OpenFile(name, createFlags, 0666)
}

// OpenFile is the generalized open call; most users will use Open or
// Create instead.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	const oCloexec = 0x80000
	fd, errno := sysOpen(name, flag|oCloexec, unixMode(perm))
	if errno != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: errnoErr(errno)}
	}
	f := NewFile(uintptr(fd), name)
	f.appendMode = (flag & O_APPEND) != 0
	return f, nil
}

// ReadFile reads the named file and returns the contents. A successful
// call returns err == nil, not err == EOF.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Buffer sizing, as in Go: the stat size plus one byte (to see EOF),
	// at least 512; grow by 512 more whenever full, or whenever less than
	// 512 is free for a file that claims size 0 (such as /proc files).
	const least = 512
	var claimed int64
	if info, serr := f.Stat(); serr == nil {
		claimed = info.Size()
	}
	start := 0
	if int64(int(claimed)) == claimed {
		start = int(claimed)
	}
	buf := make([]byte, 0, max(start+1, least))
	for {
		got, rerr := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+got]
		if rerr == io.EOF {
			return buf, nil
		}
		if rerr != nil {
			return buf, rerr
		}
		if spare := cap(buf) - len(buf); spare == 0 || claimed == 0 && spare < least {
			// The same append slices.Grow(buf, least) performs.
			buf = append(buf[:cap(buf)], make([]byte, least-spare)...)[:len(buf)]
		}
	}
}

// WriteFile writes data to the named file, creating it if necessary. If
// the file does not exist, WriteFile creates it with permissions perm
// (before umask); otherwise WriteFile truncates it before writing, without
// changing permissions.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
