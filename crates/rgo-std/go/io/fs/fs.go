// Package fs declares the interfaces of a read-only, slash-separated file
// system, and helpers written against them. rgo: plain Go.
package fs

import (
	"errors"
	"io"
	"time"
	"unicode/utf8"
)

// FS is a tree of named files that can be opened.
type FS interface {
	// Open returns the file at the slash-separated path name; name must
	// satisfy ValidPath.
	Open(name string) (File, error)
}

// ValidPath reports whether name can be passed to Open: valid UTF-8,
// either "." alone or slash-separated elements none of which is empty,
// "." or "..", with no leading or trailing slash.
func ValidPath(name string) bool {
	if name == "." {
		return utf8.ValidString(name)
	}
	if !utf8.ValidString(name) {
		return false
	}
	start := 0
	for k := 0; k <= len(name); k++ {
		if k < len(name) && name[k] != '/' {
			continue
		}
		switch name[start:k] {
		case "", ".", "..":
			return false
		}
		start = k + 1
	}
	return true
}

// File is an open file of an FS.
type File interface {
	Stat() (FileInfo, error)
	Read([]byte) (int, error)
	Close() error
}

// DirEntry describes one entry of a directory listing.
type DirEntry interface {
	// Name is the entry's base name.
	Name() string
	// IsDir tells whether the entry is a directory.
	IsDir() bool
	// Type is the entry's type bits (its Mode().Type()).
	Type() FileMode
	// Info returns the entry's FileInfo, which may require a stat call.
	Info() (FileInfo, error)
}

// ReadDirFile is a File for a directory, whose entries ReadDir lists.
type ReadDirFile interface {
	File
	ReadDir(n int) ([]DirEntry, error)
}

// The errors file systems report; compare with errors.Is.
var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// FileInfo is what Stat reports about a file.
type FileInfo interface {
	Name() string       // base name
	Size() int64        // length in bytes (regular files)
	Mode() FileMode     // type and permission bits
	ModTime() time.Time // last modification
	IsDir() bool        // Mode().IsDir()
	Sys() any           // system-specific data, or nil
}

// FileMode holds a file's type bits (high bits) and Unix permission bits
// (low nine bits).
type FileMode uint32

// The type bits, from the highest bit down, and masks.
const (
	ModeDir        FileMode = 1 << (32 - 1 - iota) // d: directory
	ModeAppend                                     // a: append-only
	ModeExclusive                                  // l: exclusive use
	ModeTemporary                                  // T: temporary (Plan 9)
	ModeSymlink                                    // L: symbolic link
	ModeDevice                                     // D: device
	ModeNamedPipe                                  // p: FIFO
	ModeSocket                                     // S: Unix socket
	ModeSetuid                                     // u: setuid
	ModeSetgid                                     // g: setgid
	ModeCharDevice                                 // c: character device (with ModeDevice)
	ModeSticky                                     // t: sticky
	ModeIrregular                                  // ?: not a regular file, type unknown

	// ModeType selects the bits that say what kind of file it is.
	ModeType = ModeDir | ModeSymlink | ModeNamedPipe | ModeSocket | ModeDevice | ModeCharDevice | ModeIrregular

	ModePerm FileMode = 0777 // the Unix permission bits
)

// modeLetters names the type bits, highest first; permLetters the nine
// permission bits, highest first.
const (
	modeLetters = "dalTLDpSugct?"
	permLetters = "rwxrwxrwx"
)

// String renders m as the letters of its set type bits (or "-" when there
// are none) followed by nine permission letters, "-" for a clear bit.
func (m FileMode) String() string {
	out := make([]byte, 0, len(modeLetters)+len(permLetters))
	for k := 0; k < len(modeLetters); k++ {
		if m&(ModeDir>>k) != 0 {
			out = append(out, modeLetters[k])
		}
	}
	if len(out) == 0 {
		out = append(out, '-')
	}
	for k := 0; k < len(permLetters); k++ {
		letter := byte('-')
		if m&(0400>>k) != 0 {
			letter = permLetters[k]
		}
		out = append(out, letter)
	}
	return string(out)
}

// IsDir reports whether the directory bit is set.
func (m FileMode) IsDir() bool { return m&ModeDir != 0 }

// IsRegular reports whether no type bit is set.
func (m FileMode) IsRegular() bool { return m&ModeType == 0 }

// Perm keeps only the permission bits.
func (m FileMode) Perm() FileMode { return m & ModePerm }

// Type keeps only the type bits.
func (m FileMode) Type() FileMode { return m & ModeType }

// PathError is a failed operation on a path: "Op Path: Err".
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Timeout reports whether Err says it is a timeout.
func (e *PathError) Timeout() bool {
	if t, ok := e.Err.(interface{ Timeout() bool }); ok {
		return t.Timeout()
	}
	return false
}

// SkipDir, returned by a WalkDirFunc, skips the current directory (or the
// rest of the current directory, when the call was for a file).
var SkipDir = errors.New("skip this directory")

// SkipAll, returned by a WalkDirFunc, ends the walk without error.
var SkipAll = errors.New("skip everything and stop the walk")

// ReadFileFS is an FS with its own ReadFile.
type ReadFileFS interface {
	FS
	ReadFile(name string) ([]byte, error)
}

// ReadDirFS is an FS with its own ReadDir, sorted by name.
type ReadDirFS interface {
	FS
	ReadDir(name string) ([]DirEntry, error)
}

// StatFS is an FS with its own Stat.
type StatFS interface {
	FS
	Stat(name string) (FileInfo, error)
}

// ReadFile returns the contents of the file name of fsys, through fsys's
// own ReadFile when it has one.
func ReadFile(fsys FS, name string) ([]byte, error) {
	if own, ok := fsys.(ReadFileFS); ok {
		return own.ReadFile(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if data == nil {
		data = []byte{}
	}
	return data, err
}

// Stat describes the file name of fsys, through fsys's own Stat when it
// has one.
func Stat(fsys FS, name string) (FileInfo, error) {
	if own, ok := fsys.(StatFS); ok {
		return own.Stat(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Stat()
}

// ReadDir lists directory name of fsys sorted by entry name, through
// fsys's own ReadDir when it has one.
func ReadDir(fsys FS, name string) ([]DirEntry, error) {
	if own, ok := fsys.(ReadDirFS); ok {
		return own.ReadDir(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dir, ok := f.(ReadDirFile)
	if !ok {
		return nil, &PathError{Op: "readdir", Path: name, Err: errors.New("not implemented")}
	}
	entries, err := dir.ReadDir(-1)
	sortByName(entries)
	return entries, err
}

// sortByName orders entries by Name with a stable insertion sort (fs does
// not import sort).
func sortByName(entries []DirEntry) {
	for k := 1; k < len(entries); k++ {
		e := entries[k]
		at := k
		for at > 0 && e.Name() < entries[at-1].Name() {
			entries[at] = entries[at-1]
			at--
		}
		entries[at] = e
	}
}

// WalkDirFunc is called by WalkDir for every file and directory. err is
// non-nil when root could not be stat'ed (d is then nil) or a directory
// could not be read (the function is then called a second time for it).
type WalkDirFunc func(path string, d DirEntry, err error) error

// WalkDir calls fn for root and everything below it, depth first, each
// directory's entries in name order. SkipDir and SkipAll from fn are
// honoured and not reported.
func WalkDir(fsys FS, root string, fn WalkDirFunc) error {
	var err error
	if info, serr := Stat(fsys, root); serr != nil {
		err = fn(root, nil, serr)
	} else {
		err = visit(fsys, root, FileInfoToDirEntry(info), fn)
	}
	if err == SkipAll || err == SkipDir {
		return nil
	}
	return err
}

// visit walks one entry: fn first, then, for a directory, its children.
func visit(fsys FS, path string, d DirEntry, fn WalkDirFunc) error {
	err := fn(path, d, nil)
	if err != nil || !d.IsDir() {
		return skippedDir(err, d)
	}
	children, err := ReadDir(fsys, path)
	if err != nil {
		if err = fn(path, d, err); err != nil {
			return skippedDir(err, d)
		}
	}
	for _, child := range children {
		sub := child.Name()
		if path != "." {
			sub = path + "/" + sub
		}
		err := visit(fsys, sub, child, fn)
		if err == SkipDir {
			return nil // the rest of this directory is skipped
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// skippedDir turns SkipDir for a directory into success.
func skippedDir(err error, d DirEntry) error {
	if err == SkipDir && d.IsDir() {
		return nil
	}
	return err
}

// infoEntry is the DirEntry FileInfoToDirEntry builds.
type infoEntry struct {
	info FileInfo
}

func (e *infoEntry) Name() string            { return e.info.Name() }
func (e *infoEntry) IsDir() bool             { return e.info.IsDir() }
func (e *infoEntry) Type() FileMode          { return e.info.Mode().Type() }
func (e *infoEntry) Info() (FileInfo, error) { return e.info, nil }
func (e *infoEntry) String() string          { return FormatDirEntry(e) }

// FileInfoToDirEntry wraps info as a DirEntry (nil for nil).
func FileInfoToDirEntry(info FileInfo) DirEntry {
	if info == nil {
		return nil
	}
	return &infoEntry{info: info}
}

// FormatFileInfo renders info as "MODE SIZE YYYY-MM-DD HH:MM:SS NAME", with
// a slash after the name of a directory.
func FormatFileInfo(info FileInfo) string {
	name := info.Name()
	out := make([]byte, 0, 40+len(name))
	out = append(out, info.Mode().String()...)
	out = append(out, ' ')
	out = appendDecimal(out, info.Size())
	out = append(out, ' ')
	out = append(out, info.ModTime().Format(time.DateTime)...)
	out = append(out, ' ')
	out = append(out, name...)
	if info.IsDir() {
		out = append(out, '/')
	}
	return string(out)
}

// appendDecimal appends n in base 10 (fs does not import strconv).
func appendDecimal(out []byte, n int64) []byte {
	mag := uint64(n)
	if n < 0 {
		out = append(out, '-')
		mag = -mag
	}
	var digits [20]byte
	k := len(digits)
	for {
		k--
		digits[k] = byte('0' + mag%10)
		mag /= 10
		if mag == 0 {
			break
		}
	}
	return append(out, digits[k:]...)
}

// FormatDirEntry renders d as its type letters (or "-"), a space and its
// name, with a slash after the name of a directory.
func FormatDirEntry(dir DirEntry) string {
	name := dir.Name()
	mode := dir.Type().String()
	kind := mode[:len(mode)-len(permLetters)]
	out := make([]byte, 0, 5+len(name))
	out = append(out, kind...)
	out = append(out, ' ')
	out = append(out, name...)
	if dir.IsDir() {
		out = append(out, '/')
	}
	return string(out)
}
