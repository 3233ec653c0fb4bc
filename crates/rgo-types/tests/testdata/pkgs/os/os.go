// Package os: declarations only, for the checker's tests.
package os

import "io/fs"

var Args []string

func Exit(code int)
func Getenv(key string) string

type File struct {
	fd   int
	name string
}

func (f *File) Write(b []byte) (n int, err error)
func (f *File) WriteString(s string) (n int, err error)
func (f *File) Close() error
func (f *File) Name() string

var (
	Stdin  *File
	Stdout *File
	Stderr *File
)

type FileInfo = fs.FileInfo
type FileMode = fs.FileMode
type PathError = fs.PathError

var ErrNotExist = fs.ErrNotExist

func Open(name string) (*File, error)
func Stat(name string) (FileInfo, error)
