// Package fs: declarations only, for the checker's tests.
package fs

import "errors"

type FileMode uint32

type FileInfo interface {
	Name() string
	Size() int64
	Mode() FileMode
	IsDir() bool
	Sys() any
}

type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

var ErrNotExist = errors.New("file does not exist")
