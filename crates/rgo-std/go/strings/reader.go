package strings

import (
	"errors"
	"io"
	"unicode/utf8"
)

// Reader reads from a string through the io interfaces (Reader, ReaderAt,
// ByteScanner, RuneScanner, Seeker, WriterTo). A zero Reader reads an
// empty string.
type Reader struct {
	src    string
	pos    int64 // next byte to read; may lie past the end after Seek
	runeAt int   // start of the rune ReadRune just read, or -1
}

// NewReader returns a Reader positioned at the start of s.
func NewReader(s string) *Reader { return &Reader{src: s, runeAt: -1} }

// Reset makes r read s from its start.
func (r *Reader) Reset(s string) { *r = Reader{src: s, runeAt: -1} }

// rest is the unread part of the string (empty when i is past the end).
func (r *Reader) rest() string {
	if r.pos >= int64(len(r.src)) {
		return r.src[len(r.src):]
	}
	return r.src[r.pos:]
}

// Len returns how many bytes are left to read.
func (r *Reader) Len() int { return len(r.rest()) }

// Size returns the length of the whole string, read or not.
func (r *Reader) Size() int64 { return int64(len(r.src)) }

// fail builds the errors of this type, prefixed as Go prefixes them.
func fail(what string) error { return errors.New("strings.Reader." + what) }

// Read copies unread bytes into b; at the end it returns io.EOF.
func (r *Reader) Read(b []byte) (n int, err error) {
	left := r.rest()
	if len(left) == 0 {
		return 0, io.EOF
	}
	r.runeAt = -1
	n = copy(b, left)
	r.pos += int64(n)
	return n, nil
}

// ReadAt copies the bytes at offset off into b without moving r; it
// returns io.EOF when b could not be filled.
func (r *Reader) ReadAt(b []byte, off int64) (n int, err error) {
	switch {
	case off < 0:
		return 0, fail("ReadAt: negative offset")
	case off >= int64(len(r.src)):
		return 0, io.EOF
	}
	n = copy(b, r.src[off:])
	if n != len(b) {
		err = io.EOF
	}
	return n, err
}

// ReadByte returns the next byte, or io.EOF at the end.
func (r *Reader) ReadByte() (byte, error) {
	r.runeAt = -1
	left := r.rest()
	if len(left) == 0 {
		return 0, io.EOF
	}
	r.pos++
	return left[0], nil
}

// UnreadByte steps back one byte.
func (r *Reader) UnreadByte() error {
	if r.pos <= 0 {
		return fail("UnreadByte: at beginning of string")
	}
	r.runeAt = -1
	r.pos--
	return nil
}

// ReadRune decodes the next UTF-8 sequence; invalid bytes come back one at
// a time as utf8.RuneError of size 1.
func (r *Reader) ReadRune() (ch rune, size int, err error) {
	left := r.rest()
	if len(left) == 0 {
		r.runeAt = -1
		return 0, 0, io.EOF
	}
	r.runeAt = int(r.pos)
	ch, size = rune(left[0]), 1
	if ch >= utf8.RuneSelf {
		ch, size = utf8.DecodeRuneInString(left)
	}
	r.pos += int64(size)
	return ch, size, nil
}

// UnreadRune steps back over the rune the previous call, a ReadRune, read.
func (r *Reader) UnreadRune() error {
	switch {
	case r.pos <= 0:
		return fail("UnreadRune: at beginning of string")
	case r.runeAt < 0:
		return fail("UnreadRune: previous operation was not ReadRune")
	}
	r.pos, r.runeAt = int64(r.runeAt), -1
	return nil
}

// Seek moves the read position as io.Seeker describes; positions past the
// end are allowed, negative ones are not.
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	r.runeAt = -1
	base := int64(0)
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		base = r.pos
	case io.SeekEnd:
		base = int64(len(r.src))
	default:
		return 0, fail("Seek: invalid whence")
	}
	target := base + offset
	if target < 0 {
		return 0, fail("Seek: negative position")
	}
	r.pos = target
	return target, nil
}

// WriteTo writes all unread bytes to w and consumes what w accepted.
func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.runeAt = -1
	left := r.rest()
	if len(left) == 0 {
		return 0, nil
	}
	wrote, err := io.WriteString(w, left)
	if wrote > len(left) {
		panic("strings.Reader.WriteTo: invalid WriteString count")
	}
	r.pos += int64(wrote)
	if err == nil && wrote < len(left) {
		err = io.ErrShortWrite
	}
	return int64(wrote), err
}
