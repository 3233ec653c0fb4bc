package os

import (
	"syscall"
	"time"
)

// Mkdir creates directory name with permissions perm (less the umask).
func Mkdir(name string, perm FileMode) error {
	if errno := sysMkdir(name, unixMode(perm)); errno != 0 {
		return &PathError{Op: "mkdir", Path: name, Err: errnoErr(errno)}
	}
	return nil
}

// MkdirAll creates a directory named path, along with any necessary
// parents, and returns nil, or else returns an error.
func MkdirAll(path string, perm FileMode) error {
	if dir, err := Stat(path); err == nil {
		if dir.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: syscall.ENOTDIR}
	}
	// Make the parent first: drop trailing separators, then the last
	// element and the separator before it.
	end := len(path)
	for end > 0 && IsPathSeparator(path[end-1]) {
		end--
	}
	for end > 0 && !IsPathSeparator(path[end-1]) {
		end--
	}
	if end > 1 {
		if err := MkdirAll(path[:end-1], perm); err != nil {
			return err
		}
	}
	if err := Mkdir(path, perm); err != nil {
		// The directory may have been created meanwhile.
		if dir, err1 := Lstat(path); err1 == nil && dir.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// Remove deletes the file, or the empty directory, called name.
func Remove(name string) error {
	e := sysUnlink(name)
	if e == 0 {
		return nil
	}
	e1 := sysRmdir(name)
	if e1 == 0 {
		return nil
	}
	// Report the unlink error unless the name is a directory.
	if e1 != int(syscall.ENOTDIR) {
		e = e1
	}
	return &PathError{Op: "remove", Path: name, Err: errnoErr(e)}
}

// ignoreMissing is err, except that "does not exist" counts as success.
func ignoreMissing(err error) error {
	if IsNotExist(err) {
		return nil
	}
	return err
}

// RemoveAll removes path and any children it contains. It removes
// everything it can but returns the first error it encounters. If the
// path does not exist, RemoveAll returns nil (no error).
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if path == "." || len(path) >= 2 && path[len(path)-2:] == "/." {
		return &PathError{Op: "RemoveAll", Path: path, Err: syscall.EINVAL}
	}
	gone := func(err error) bool { return err == nil || IsNotExist(err) }
	rmErr := Remove(path)
	if gone(rmErr) {
		return nil
	}
	info, err := Lstat(path)
	switch {
	case err != nil:
		return ignoreMissing(err)
	case !info.IsDir():
		return rmErr
	}
	dir, err := Open(path)
	if err != nil {
		return ignoreMissing(err)
	}
	children, _ := dir.Readdirnames(-1)
	dir.Close()
	var first error
	for _, child := range children {
		if cerr := RemoveAll(path + "/" + child); first == nil {
			first = cerr
		}
	}
	if rmErr = Remove(path); !gone(rmErr) && first == nil {
		first = rmErr
	}
	return first
}

// Rename moves oldpath to newpath, replacing a file already there.
func Rename(oldpath, newpath string) error {
	if errno := sysRename(oldpath, newpath); errno != 0 {
		return &LinkError{"rename", oldpath, newpath, errnoErr(errno)}
	}
	return nil
}

// Chmod sets the permission (and setuid/setgid/sticky) bits of name.
func Chmod(name string, mode FileMode) error {
	if errno := sysChmod(name, unixMode(mode)); errno != 0 {
		return &PathError{Op: "chmod", Path: name, Err: errnoErr(errno)}
	}
	return nil
}

// Truncate sets the length of file name to size bytes.
func Truncate(name string, size int64) error {
	if errno := sysTruncate(name, size); errno != 0 {
		return &PathError{Op: "truncate", Path: name, Err: errnoErr(errno)}
	}
	return nil
}

// Chdir makes dir the working directory.
func Chdir(dir string) error {
	if errno := sysChdir(dir); errno != 0 {
		return &PathError{Op: "chdir", Path: dir, Err: errnoErr(errno)}
	}
	return nil
}

// Getwd returns an absolute path name corresponding to the current
// directory.
func Getwd() (dir string, err error) {
	dir, errno := sysGetwd()
	if errno != 0 {
		return "", NewSyscallError("getwd", errnoErr(errno))
	}
	return dir, nil
}

// Readlink returns the target stored in symbolic link name.
func Readlink(name string) (string, error) {
	target, errno := sysReadlink(name)
	if errno != 0 {
		return "", &PathError{Op: "readlink", Path: name, Err: errnoErr(errno)}
	}
	return target, nil
}

// Symlink makes newname a symbolic link pointing at oldname.
func Symlink(oldname, newname string) error {
	if errno := sysSymlink(oldname, newname); errno != 0 {
		return &LinkError{"symlink", oldname, newname, errnoErr(errno)}
	}
	return nil
}

// Link makes newname another hard link to the file oldname.
func Link(oldname, newname string) error {
	if errno := sysLink(oldname, newname); errno != 0 {
		return &LinkError{"link", oldname, newname, errnoErr(errno)}
	}
	return nil
}

// TempDir returns the default directory to use for temporary files: $TMPDIR
// if non-empty, else /tmp.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

// UserHomeDir returns the current user's home directory ($HOME).
func UserHomeDir() (string, error) {
	if v := Getenv("HOME"); v != "" {
		return v, nil
	}
	return "", errorString("$HOME is not defined")
}

type errorString string

func (e errorString) Error() string { return string(e) }

// tempName returns a fresh pseudo-random decimal string for temporary
// names (a linear congruential step mixed with the pid).
func tempName() string {
	tempSeed = tempSeed*1664525 + 1013904223 + uint32(Getpid())
	return utoa(uint64(tempSeed))
}

// utoa formats n in decimal.
func utoa(n uint64) string {
	var digits [20]byte
	k := len(digits)
	for {
		k--
		digits[k] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(digits[k:])
		}
	}
}

var tempSeed uint32 = uint32(runtimeNano())

// runtimeNano returns the monotonic clock in nanoseconds. Native.
func runtimeNano() int64

// tempPattern splits pattern at its last '*' (the random part goes there,
// or at the end) and prefixes dir; a pattern with a separator is refused.
func tempPattern(dir, pattern string) (head, tail string, err error) {
	for k := 0; k < len(pattern); k++ {
		if IsPathSeparator(pattern[k]) {
			return "", "", errorString("pattern contains path separator")
		}
	}
	head, tail = pattern, ""
	for k := len(pattern) - 1; k >= 0; k-- {
		if pattern[k] == '*' {
			head, tail = pattern[:k], pattern[k+1:]
			break
		}
	}
	if dir == "" {
		dir = TempDir()
	}
	if dir != "" && !IsPathSeparator(dir[len(dir)-1]) {
		dir += "/"
	}
	return dir + head, tail, nil
}

// tryNames calls create with fresh names until it succeeds, fails other
// than with "exists", or 10000 names existed.
func tryNames(head, tail string, create func(name string) error) (string, error) {
	for attempt := 0; ; attempt++ {
		name := head + tempName() + tail
		err := create(name)
		if err != nil && IsExist(err) && attempt < 10000 {
			continue
		}
		return name, err
	}
}

// CreateTemp creates and opens for reading and writing a new file in dir
// (TempDir() when empty) named after pattern, whose last "*" is replaced
// by a random string (or which gets one appended).
func CreateTemp(dir, pattern string) (*File, error) {
	head, tail, err := tempPattern(dir, pattern)
	if err != nil {
		return nil, &PathError{Op: "createtemp", Path: pattern, Err: err}
	}
	var file *File
	_, err = tryNames(head, tail, func(name string) error {
		var oerr error
		file, oerr = OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		return oerr
	})
	return file, err
}

// MkdirTemp creates a new directory in dir named like CreateTemp's files
// and returns its path.
func MkdirTemp(dir, pattern string) (string, error) {
	head, tail, err := tempPattern(dir, pattern)
	if err != nil {
		return "", &PathError{Op: "mkdirtemp", Path: pattern, Err: err}
	}
	name, err := tryNames(head, tail, func(name string) error { return Mkdir(name, 0700) })
	if err != nil {
		return "", err
	}
	return name, nil
}

// Chtimes changes the access and modification times of the named file.
func Chtimes(name string, atime time.Time, mtime time.Time) error {
	if errno := sysChtimes(name, atime.UnixNano(), mtime.UnixNano()); errno != 0 {
		return &PathError{Op: "chtimes", Path: name, Err: errnoErr(errno)}
	}
	return nil
}
