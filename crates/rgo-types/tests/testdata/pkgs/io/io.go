// Package io: declarations only, for the checker's tests.
package io

import "errors"

type Reader interface {
	Read(p []byte) (n int, err error)
}

type Writer interface {
	Write(p []byte) (n int, err error)
}

type Closer interface {
	Close() error
}

type Seeker interface {
	Seek(offset int64, whence int) (int64, error)
}

type ReadWriter interface {
	Reader
	Writer
}

type ReadCloser interface {
	Reader
	Closer
}

type WriteCloser interface {
	Writer
	Closer
}

type ReadWriteCloser interface {
	Reader
	Writer
	Closer
}

type ReadWriteSeeker interface {
	Reader
	Writer
	Seeker
}

type ByteReader interface {
	ReadByte() (byte, error)
}

type StringWriter interface {
	WriteString(s string) (n int, err error)
}

var EOF = errors.New("EOF")
var ErrUnexpectedEOF = errors.New("unexpected EOF")

var Discard Writer

func ReadFull(r Reader, buf []byte) (n int, err error)
func ReadAll(r Reader) ([]byte, error)
func Copy(dst Writer, src Reader) (written int64, err error)
func WriteString(w Writer, s string) (n int, err error)

// SectionReader reads a section of an underlying ReaderAt.
type SectionReader struct {
	base  int64
	off   int64
	limit int64
}

func (s *SectionReader) Read(p []byte) (n int, err error)
func (s *SectionReader) Size() int64
