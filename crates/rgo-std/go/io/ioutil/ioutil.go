// Package ioutil holds the old names of I/O helpers that now live in io
// and os; each is a thin wrapper. rgo: plain Go.
//
// Deprecated: since Go 1.16, call the io and os functions named in each
// function's comment instead.
package ioutil

import (
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// ReadAll is io.ReadAll.
//
// Deprecated: call io.ReadAll.
func ReadAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }

// ReadFile is os.ReadFile.
//
// Deprecated: call os.ReadFile.
func ReadFile(filename string) ([]byte, error) { return os.ReadFile(filename) }

// WriteFile is os.WriteFile.
//
// Deprecated: call os.WriteFile.
func WriteFile(filename string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(filename, data, perm)
}

// ReadDir returns the FileInfo of every entry of directory dirname, in
// name order.
//
// Deprecated: call os.ReadDir, which returns lighter DirEntry values.
func ReadDir(dirname string) ([]fs.FileInfo, error) {
	dir, err := os.Open(dirname)
	if err != nil {
		return nil, err
	}
	infos, err := dir.Readdir(-1)
	dir.Close()
	if err != nil {
		return nil, err
	}
	byName := func(x, y fs.FileInfo) int { return strings.Compare(x.Name(), y.Name()) }
	slices.SortFunc(infos, byName)
	return infos, nil
}

// NopCloser is io.NopCloser.
//
// Deprecated: call io.NopCloser.
func NopCloser(r io.Reader) io.ReadCloser { return io.NopCloser(r) }

// Discard is io.Discard.
//
// Deprecated: use io.Discard.
var Discard io.Writer = io.Discard

// TempFile is os.CreateTemp.
//
// Deprecated: call os.CreateTemp.
func TempFile(dir, pattern string) (f *os.File, err error) { return os.CreateTemp(dir, pattern) }

// TempDir is os.MkdirTemp.
//
// Deprecated: call os.MkdirTemp.
func TempDir(dir, pattern string) (name string, err error) { return os.MkdirTemp(dir, pattern) }
