// Package filepath implements utility routines for manipulating filename
// paths in a way compatible with the target operating system-defined file
// paths. rgo: plain Go for Unix (Separator '/'), reusing package path's
// lexical logic.
package filepath

import (
	"errors"
	"io/fs"
	"os"
	lexical "path"
	"slices"
	"strings"
)

const (
	Separator     = os.PathSeparator
	ListSeparator = os.PathListSeparator
)

// ErrBadPattern is the error for a malformed pattern.
var ErrBadPattern = lexical.ErrBadPattern

// SkipDir is used as a return value from WalkFuncs to indicate that the
// directory named in the call is to be skipped.
var SkipDir error = fs.SkipDir

// SkipAll is used as a return value from WalkFuncs to indicate that all
// remaining files and directories are to be skipped.
var SkipAll error = fs.SkipAll

// Clean returns the shortest path name equivalent to path by purely
// lexical processing.
func Clean(path string) string { return lexical.Clean(path) }

// IsLocal reports whether path, using lexical analysis only, has all of
// these properties: it is within the subtree rooted at the directory in
// which path is evaluated, it is not an absolute path, and it is not
// empty.
func IsLocal(path string) bool {
	if IsAbs(path) || path == "" {
		return false
	}
	hasDots := false
	for q := path; q != ""; {
		var part string
		part, q, _ = strings.Cut(q, "/")
		if part == "." || part == ".." {
			hasDots = true
			break
		}
	}
	if hasDots {
		path = Clean(path)
	}
	if path == ".." || strings.HasPrefix(path, "../") {
		return false
	}
	return true
}

// Localize turns a slash-separated, fs.ValidPath-style path into a path
// for this system, refusing invalid ones and NUL bytes.
func Localize(path string) (string, error) {
	if !fs.ValidPath(path) {
		return "", errors.New("invalid path")
	}
	for i := 0; i < len(path); i++ {
		if path[i] == 0 {
			return "", errors.New("invalid path")
		}
	}
	return path, nil
}

// ToSlash returns the result of replacing each separator character in
// path with a slash ('/') character.
func ToSlash(path string) string { return path }

// FromSlash returns the result of replacing each slash ('/') character in
// path with a separator character.
func FromSlash(path string) string { return path }

// SplitList splits a list of paths joined by the OS-specific
// ListSeparator, usually found in PATH or GOPATH environment variables.
// Unlike strings.Split, SplitList returns an empty slice when passed an
// empty string.
func SplitList(path string) []string {
	if path == "" {
		return []string{}
	}
	return strings.Split(path, string(ListSeparator))
}

// Split splits path immediately following the final Separator, separating
// it into a directory and file name component.
func Split(path string) (dir, file string) { return lexical.Split(path) }

// Join joins any number of path elements into a single path, separating
// them with an OS specific Separator. Empty elements are ignored.
func Join(elem ...string) string { return lexical.Join(elem...) }

// Ext returns the extension of the last element of path ("" if none).
func Ext(path string) string { return lexical.Ext(path) }

// Base returns the last element of path.
func Base(path string) string { return lexical.Base(path) }

// Dir returns all but the last element of path, typically the path's
// directory.
func Dir(path string) string { return lexical.Dir(path) }

// IsAbs reports whether path starts at the root.
func IsAbs(path string) bool { return strings.HasPrefix(path, "/") }

// VolumeName returns leading volume name; on Unix it is always "".
func VolumeName(path string) string { return "" }

// Abs returns path made absolute against the working directory, cleaned.
func Abs(path string) (string, error) {
	if !IsAbs(path) {
		cwd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		path = cwd + string(Separator) + path
	}
	return Clean(path), nil
}

// Rel returns a relative path that leads from basePath to targPath
// (after cleaning both), so that Join(basePath, Rel(...)) is targPath. It
// fails when one path is absolute and the other not, or when the answer
// would need to know what basePath's ".." elements stand for.
func Rel(basePath, targPath string) (string, error) {
	base, targ := Clean(basePath), Clean(targPath)
	if base == targ {
		return ".", nil
	}
	// "." has no elements.
	if base == "." {
		base = ""
	}
	if targ == "." {
		targ = ""
	}
	fail := errors.New("Rel: can't make " + targPath + " relative to " + basePath)
	if IsAbs(base) != IsAbs(targ) {
		return "", fail
	}
	baseParts, targParts := elements(base), elements(targ)
	same := 0
	for same < len(baseParts) && same < len(targParts) && baseParts[same] == targParts[same] {
		same++
	}
	if same < len(baseParts) && baseParts[same] == ".." {
		return "", fail
	}
	var up []string
	for range baseParts[same:] {
		up = append(up, "..")
	}
	return strings.Join(append(up, targParts[same:]...), string(Separator)), nil
}

// elements splits a cleaned path into its names (none for "" and "/").
func elements(path string) []string {
	path = strings.TrimPrefix(path, string(Separator))
	if path == "" {
		return nil
	}
	return strings.Split(path, string(Separator))
}

// Match reports whether all of name matches the shell pattern (see
// path.Match for the syntax).
func Match(pattern, name string) (matched bool, err error) { return lexical.Match(pattern, name) }

// Glob returns the names of the files matching pattern (with Match's
// syntax, which may apply to every element), or nil when there are none.
// The only error is ErrBadPattern; I/O errors are ignored.
func Glob(pattern string) (matches []string, err error) {
	if _, err := Match(pattern, ""); err != nil {
		return nil, err // validates the whole pattern first
	}
	if !hasMeta(pattern) {
		if _, lerr := os.Lstat(pattern); lerr != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dirPattern, filePattern := Split(pattern)
	dirPattern = trimGlobDir(dirPattern)
	if !hasMeta(dirPattern) {
		return globIn(dirPattern, filePattern, nil)
	}
	if dirPattern == pattern {
		return nil, ErrBadPattern // cannot make progress
	}
	dirs, err := Glob(dirPattern)
	if err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		if matches, err = globIn(dir, filePattern, matches); err != nil {
			return matches, err
		}
	}
	return matches, nil
}

// trimGlobDir turns the directory part of a split pattern into a path:
// "." for none, "/" for the root, else without its trailing separator.
func trimGlobDir(dir string) string {
	switch dir {
	case "":
		return "."
	case string(Separator):
		return dir
	}
	return dir[:len(dir)-1]
}

// globIn appends to matches the entries of dir whose names match
// pattern, in name order; an unreadable dir adds nothing.
func globIn(dir, pattern string, matches []string) ([]string, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return matches, nil
	}
	handle, err := os.Open(dir)
	if err != nil {
		return matches, nil
	}
	defer handle.Close()
	names, _ := handle.Readdirnames(-1)
	slices.Sort(names)
	for _, name := range names {
		ok, err := Match(pattern, name)
		if err != nil {
			return matches, err
		}
		if ok {
			matches = append(matches, Join(dir, name))
		}
	}
	return matches, nil
}

// hasMeta reports whether p has a character special to Match.
func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[\`) }

// WalkFunc is the type of the function called by Walk to visit each file
// or directory.
type WalkFunc func(path string, info fs.FileInfo, err error) error

// WalkDir calls fn for root and everything below it, depth first, each
// directory's entries in name order, without following symbolic links.
// SkipDir and SkipAll from fn are honoured and not reported.
func WalkDir(root string, fn fs.WalkDirFunc) error {
	var err error
	if info, lerr := os.Lstat(root); lerr != nil {
		err = fn(root, nil, lerr)
	} else {
		err = visitDir(root, fs.FileInfoToDirEntry(info), fn)
	}
	if err == SkipAll || err == SkipDir {
		return nil
	}
	return err
}

// visitDir is WalkDir's step: fn for the entry, then its children.
func visitDir(path string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	err := fn(path, d, nil)
	if err != nil || !d.IsDir() {
		return dirSkipped(err, d.IsDir())
	}
	children, err := os.ReadDir(path)
	if err != nil {
		if err = fn(path, d, err); err != nil {
			return dirSkipped(err, d.IsDir())
		}
	}
	for _, child := range children {
		err := visitDir(Join(path, child.Name()), child, fn)
		if err == SkipDir {
			return nil // the rest of this directory is skipped
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// dirSkipped turns SkipDir for a directory into success.
func dirSkipped(err error, isDir bool) error {
	if err == SkipDir && isDir {
		return nil
	}
	return err
}

// Walk is the older WalkDir: fn gets the Lstat FileInfo of every file.
func Walk(root string, fn WalkFunc) error {
	var err error
	if info, lerr := os.Lstat(root); lerr != nil {
		err = fn(root, nil, lerr)
	} else {
		err = visit(root, info, fn)
	}
	if err == SkipAll || err == SkipDir {
		return nil
	}
	return err
}

// visit is Walk's step. For a directory, fn is called once, with the
// error of listing it if that failed, and the children are then visited
// (not when fn or the listing failed).
func visit(path string, info fs.FileInfo, fn WalkFunc) error {
	if !info.IsDir() {
		return fn(path, info, nil)
	}
	var names []string
	dir, listErr := os.Open(path)
	if listErr == nil {
		names, listErr = dir.Readdirnames(-1)
		dir.Close()
		slices.Sort(names)
	}
	if err := fn(path, info, listErr); err != nil || listErr != nil {
		return err
	}
	for _, name := range names {
		child := Join(path, name)
		childInfo, lerr := os.Lstat(child)
		if lerr != nil {
			if err := fn(child, childInfo, lerr); err != nil && err != SkipDir {
				return err
			}
			continue
		}
		if err := visit(child, childInfo, fn); err != nil && (err != SkipDir || !childInfo.IsDir()) {
			return err
		}
	}
	return nil
}

// EvalSymlinks returns path with every symbolic link along it replaced by
// its target, cleaned. rgo: resolves each component with os.Readlink.
func EvalSymlinks(path string) (string, error) {
	const maxLinks = 255
	if path == "" {
		return path, nil
	}
	var dest string
	if IsAbs(path) {
		dest = "/"
	}
	links := 0
	rest := path
	for rest != "" {
		var elem string
		elem, rest, _ = strings.Cut(rest, "/")
		switch elem {
		case "", ".":
			continue
		case "..":
			if dest == "" || dest == "." || strings.HasSuffix(dest, "..") {
				dest = Join(dest, "..")
			} else {
				dest = Dir(dest)
			}
			continue
		}
		next := Join(dest, elem)
		fi, err := os.Lstat(next)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			if !fi.Mode().IsDir() && rest != "" {
				return "", &fs.PathError{Op: "lstat", Path: next, Err: errors.New("not a directory")}
			}
			dest = next
			continue
		}
		links++
		if links > maxLinks {
			return "", errors.New("EvalSymlinks: too many links")
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		if IsAbs(target) {
			dest = "/"
		}
		rest = target + "/" + rest
	}
	if dest == "" {
		dest = "."
	}
	return Clean(dest), nil
}
