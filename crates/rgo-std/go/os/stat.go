package os

import (
	"io"
	"io/fs"
	"time"
)

// fileStat is the FileInfo of a stat call.
type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
	sys     rawStat
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) IsDir() bool        { return fs.Mode().IsDir() }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) Sys() any           { return &fs.sys }

// Unix file type bits of st_mode.
const (
	sIFMT   = 0xf000
	sIFBLK  = 0x6000
	sIFCHR  = 0x2000
	sIFDIR  = 0x4000
	sIFIFO  = 0x1000
	sIFLNK  = 0xa000
	sIFREG  = 0x8000
	sIFSOCK = 0xc000
	sISGID  = 0x400
	sISUID  = 0x800
	sISVTX  = 0x200
)

func newFileStat(name string, st *rawStat) *fileStat {
	fs := &fileStat{
		name:    name,
		size:    st.Size,
		modTime: time.Unix(st.MtimeSec, st.MtimeNsec),
		sys:     *st,
	}
	fs.mode = modeOf(st.Mode)
	return fs
}

// modeOf translates Unix st_mode bits into a FileMode: permissions,
// the file type, then the setgid, setuid and sticky bits.
func modeOf(raw uint32) FileMode {
	kinds := map[uint32]FileMode{
		sIFBLK:  ModeDevice,
		sIFCHR:  ModeDevice | ModeCharDevice,
		sIFDIR:  ModeDir,
		sIFIFO:  ModeNamedPipe,
		sIFLNK:  ModeSymlink,
		sIFSOCK: ModeSocket,
	}
	mode := FileMode(raw&0777) | kinds[raw&sIFMT]
	extras := [...]struct {
		bit  uint32
		flag FileMode
	}{{sISGID, ModeSetgid}, {sISUID, ModeSetuid}, {sISVTX, ModeSticky}}
	for _, e := range extras {
		if raw&e.bit != 0 {
			mode |= e.flag
		}
	}
	return mode
}

// basename removes trailing slashes and the leading directory name from
// path name.
func basename(name string) string {
	end := len(name)
	for end > 1 && name[end-1] == '/' {
		end--
	}
	name = name[:end]
	for k := len(name) - 2; k >= 0; k-- {
		if name[k] == '/' {
			return name[k+1:]
		}
	}
	return name
}

// Stat returns a FileInfo describing the named file.
func Stat(name string) (FileInfo, error) { return statName("stat", name, true) }

// Lstat returns a FileInfo describing the named file. If the file is a
// symbolic link, the returned FileInfo describes the symbolic link.
func Lstat(name string) (FileInfo, error) { return statName("lstat", name, false) }

func statName(op, name string, follow bool) (FileInfo, error) {
	var st rawStat
	if errno := sysStat(name, &st, follow); errno != 0 {
		return nil, &PathError{Op: op, Path: name, Err: errnoErr(errno)}
	}
	return newFileStat(basename(name), &st), nil
}

// SameFile reports whether two FileInfos from this package name the same
// file (device and inode).
func SameFile(fi1, fi2 FileInfo) bool {
	a, ok1 := fi1.(*fileStat)
	b, ok2 := fi2.(*fileStat)
	if !ok1 || !ok2 {
		return false
	}
	return a.sys.Dev == b.sys.Dev && a.sys.Ino == b.sys.Ino
}

// dirEntry is a DirEntry backed by a lazily performed lstat.
type dirEntry struct {
	dir  string
	name string
	info FileInfo
	err  error
}

func (d *dirEntry) Name() string { return d.name }
func (d *dirEntry) IsDir() bool  { return d.Type().IsDir() }
func (d *dirEntry) Type() FileMode {
	info, err := d.Info()
	if err != nil {
		return 0
	}
	return info.Mode().Type()
}
func (d *dirEntry) Info() (FileInfo, error) {
	if d.info == nil && d.err == nil {
		d.info, d.err = Lstat(d.dir + "/" + d.name)
	}
	return d.info, d.err
}
func (d *dirEntry) String() string { return fs.FormatDirEntry(d) }

// readDirNames returns up to n (all if n <= 0) of the remaining entry
// names of directory f.
func (f *File) readDirNames(op string, n int) ([]string, error) {
	if err := f.usable(op); err != nil {
		return nil, err
	}
	if !f.dirRead {
		names, errno := sysReadDirNames(f.fd)
		if errno != 0 {
			return nil, f.wrapErr(op, errno)
		}
		f.dirNames, f.dirRead = names, true
	}
	if n <= 0 || n > len(f.dirNames) {
		n = len(f.dirNames)
	}
	out := f.dirNames[:n:n]
	f.dirNames = f.dirNames[n:]
	return out, nil
}

// Readdirnames returns the next names of f's directory in directory
// order: up to n of them (io.EOF at the end) when n > 0, all the rest
// when n <= 0.
func (f *File) Readdirnames(n int) (names []string, err error) {
	names, err = f.readDirNames("readdirent", n)
	if err == nil && n > 0 && len(names) == 0 {
		return nil, io.EOF
	}
	if names == nil && err == nil {
		names = []string{}
	}
	return names, err
}

// ReadDir is Readdirnames returning DirEntry values.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	names, err := f.readDirNames("readdirent", n)
	if err != nil {
		return nil, err
	}
	if n > 0 && len(names) == 0 {
		return nil, io.EOF
	}
	entries := make([]DirEntry, len(names))
	for k, base := range names {
		entries[k] = &dirEntry{dir: f.name, name: base}
	}
	return entries, nil
}

// Readdir is Readdirnames returning the Lstat of each entry; entries
// that vanished meanwhile are skipped.
func (f *File) Readdir(n int) ([]FileInfo, error) {
	names, err := f.readDirNames("readdirent", n)
	if err != nil {
		return nil, err
	}
	if n > 0 && len(names) == 0 {
		return nil, io.EOF
	}
	infos := make([]FileInfo, 0, len(names))
	for _, base := range names {
		info, lerr := Lstat(f.name + "/" + base)
		switch {
		case lerr == nil:
			infos = append(infos, info)
		case !IsNotExist(lerr):
			return infos, lerr
		}
	}
	return infos, nil
}

// ReadDir reads the named directory, returning all its directory entries
// sorted by filename.
func ReadDir(name string) ([]DirEntry, error) {
	dir, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer dir.Close()
	entries, err := dir.ReadDir(-1)
	for k := 1; k < len(entries); k++ { // insertion sort by name
		for at := k; at > 0 && entries[at].Name() < entries[at-1].Name(); at-- {
			entries[at], entries[at-1] = entries[at-1], entries[at]
		}
	}
	return entries, err
}
