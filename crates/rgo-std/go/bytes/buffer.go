package bytes

import (
	"errors"
	"io"
	"unicode/utf8"
)

// Buffer is a growable byte queue: writes append at the end, reads consume
// from the front. The zero value is an empty Buffer.
//
// Layout: data[start:] is unread; data[:start] has been read and is
// reclaimed when the buffer empties or must grow. last says what the most
// recent operation was, for UnreadByte and UnreadRune.
//
// Growth, reproduced from Go because Cap() and aliasing show it: a nil
// buffer that needs at most 64 bytes gets capacity 64; a full buffer first
// slides its unread bytes to the front when that frees room for the
// request with the buffer at most half used; otherwise it moves to a new
// array of max(2*old spare capacity, needed) bytes, rounded up to the
// allocator's size class.
type Buffer struct {
	data  []byte
	start int
	last  lastOp
}

// lastOp is the previous operation: a plain read, nothing undoable, or
// the byte size (1-4) of the rune ReadRune returned.
type lastOp int8

const (
	lastWasRead lastOp = -1
	lastNone    lastOp = 0
)

// firstAlloc is the capacity of the first array of a buffer written small.
const firstAlloc = 64

// ErrTooLarge is the panic value when a Buffer cannot grow any more.
var ErrTooLarge = errors.New("bytes.Buffer: too large")
var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")
var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

// MinRead is the least free space ReadFrom offers to each Read.
const MinRead = 512

// NewBuffer returns a Buffer whose unread data is buf; the Buffer takes
// ownership of buf.
func NewBuffer(buf []byte) *Buffer { return &Buffer{data: buf} }

// NewBufferString returns a Buffer whose unread data is a copy of s.
func NewBufferString(s string) *Buffer { return &Buffer{data: []byte(s)} }

// Bytes returns the unread data; it aliases the buffer until the next
// change to it.
func (b *Buffer) Bytes() []byte { return b.data[b.start:] }

// AvailableBuffer returns an empty slice over the spare capacity, for
// appending to and then passing to Write.
func (b *Buffer) AvailableBuffer() []byte { return b.data[len(b.data):] }

// String returns the unread data as a string; a nil *Buffer gives "<nil>".
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.data[b.start:])
}

// Peek returns the next n unread bytes without consuming them, or all of
// them with io.EOF when fewer than n remain.
func (b *Buffer) Peek(n int) ([]byte, error) {
	if n > b.Len() {
		return b.data[b.start:], io.EOF
	}
	return b.data[b.start : b.start+n], nil
}

// drained reports whether nothing is left to read.
func (b *Buffer) drained() bool { return b.start >= len(b.data) }

// Len returns the number of unread bytes.
func (b *Buffer) Len() int { return len(b.data) - b.start }

// Cap returns the capacity of the underlying array.
func (b *Buffer) Cap() int { return cap(b.data) }

// Available returns how many bytes can be written before a reallocation.
func (b *Buffer) Available() int { return cap(b.data) - len(b.data) }

// Truncate keeps only the first n unread bytes; it panics unless
// 0 <= n <= Len().
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.last = lastNone
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.data = b.data[:b.start+n]
}

// Reset empties the buffer, keeping its array.
func (b *Buffer) Reset() {
	b.data, b.start, b.last = b.data[:0], 0, lastNone
}

// extendInPlace lengthens data by n when the capacity allows, returning
// the index where the new bytes start.
func (b *Buffer) extendInPlace(n int) (int, bool) {
	at := len(b.data)
	if cap(b.data)-at < n {
		return 0, false
	}
	b.data = b.data[:at+n]
	return at, true
}

// makeRoom lengthens data by n, by any means, and returns the index where
// the new bytes start.
func (b *Buffer) makeRoom(n int) int {
	unread := b.Len()
	if unread == 0 && b.start != 0 {
		b.Reset()
	}
	if at, ok := b.extendInPlace(n); ok {
		return at
	}
	if b.data == nil && n <= firstAlloc {
		b.data = make([]byte, n, firstAlloc)
		return 0
	}
	size := cap(b.data)
	switch {
	case n <= size/2-unread:
		copy(b.data, b.data[b.start:]) // slide down, no allocation
	case size > int(^uint(0)>>1)-size-n:
		panic(ErrTooLarge)
	default:
		b.data = reallocate(b.data[b.start:], b.start+n)
	}
	b.start = 0
	b.data = b.data[:unread+n]
	return unread
}

// reallocate copies old into a new array with room for extra more bytes,
// at least doubling old's capacity; allocation failure panics ErrTooLarge.
func reallocate(old []byte, extra int) []byte {
	defer func() {
		if recover() != nil {
			panic(ErrTooLarge)
		}
	}()
	size := max(len(old)+extra, 2*cap(old))
	fresh := append([]byte(nil), make([]byte, size)...) // size-class rounding
	return fresh[:copy(fresh, old)]
}

// reserve returns the index of n new bytes at the end of data.
func (b *Buffer) reserve(n int) int {
	b.last = lastNone
	if at, ok := b.extendInPlace(n); ok {
		return at
	}
	return b.makeRoom(n)
}

// Grow makes sure n more bytes can be written without another allocation;
// it panics when n is negative, and with ErrTooLarge when memory runs out.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	at := b.makeRoom(n)
	b.data = b.data[:at]
}

// Write appends p; the error is always nil (running out of memory panics
// with ErrTooLarge).
func (b *Buffer) Write(p []byte) (n int, err error) {
	at := b.reserve(len(p))
	return copy(b.data[at:], p), nil
}

// WriteString appends s; the error is always nil.
func (b *Buffer) WriteString(s string) (n int, err error) {
	at := b.reserve(len(s))
	return copy(b.data[at:], s), nil
}

// WriteByte appends c; the error is always nil.
func (b *Buffer) WriteByte(c byte) error {
	at := b.reserve(1)
	b.data[at] = c
	return nil
}

// WriteRune appends the UTF-8 form of r and returns its length.
func (b *Buffer) WriteRune(r rune) (n int, err error) {
	if uint32(r) < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return 1, nil
	}
	at := b.reserve(utf8.UTFMax)
	b.data = utf8.AppendRune(b.data[:at], r)
	return len(b.data) - at, nil
}

// ReadFrom appends everything r yields until EOF, offering each Read at
// least MinRead bytes of room. EOF is not reported as an error.
func (b *Buffer) ReadFrom(r io.Reader) (n int64, err error) {
	b.last = lastNone
	for {
		at := b.makeRoom(MinRead)
		b.data = b.data[:at]
		got, rerr := r.Read(b.data[at:cap(b.data)])
		if got < 0 {
			panic(errNegativeRead)
		}
		b.data = b.data[:at+got]
		n += int64(got)
		switch {
		case rerr == io.EOF:
			return n, nil
		case rerr != nil:
			return n, rerr
		}
	}
}

// WriteTo writes the unread data to w and consumes what w took.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.last = lastNone
	if pending := b.Len(); pending != 0 {
		took, werr := w.Write(b.data[b.start:])
		if took > pending {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.start += took
		n = int64(took)
		if werr == nil && took != pending {
			werr = io.ErrShortWrite
		}
		if werr != nil {
			return n, werr
		}
	}
	b.Reset()
	return n, nil
}

// Read moves up to len(p) unread bytes into p. On an empty buffer it
// returns io.EOF, unless p is empty too.
func (b *Buffer) Read(p []byte) (n int, err error) {
	b.last = lastNone
	if b.drained() {
		b.Reset()
		if len(p) != 0 {
			err = io.EOF
		}
		return 0, err
	}
	n = copy(p, b.data[b.start:])
	b.consume(n)
	return n, nil
}

// consume advances past n bytes just handed out.
func (b *Buffer) consume(n int) {
	b.start += n
	if n > 0 {
		b.last = lastWasRead
	}
}

// Next returns the next n unread bytes (fewer if the buffer holds fewer)
// and consumes them; the slice aliases the buffer.
func (b *Buffer) Next(n int) []byte {
	b.last = lastNone
	n = min(n, b.Len())
	chunk := b.data[b.start : b.start+n]
	b.consume(n)
	return chunk
}

// ReadByte consumes and returns the next byte, or io.EOF.
func (b *Buffer) ReadByte() (byte, error) {
	if b.drained() {
		b.Reset()
		return 0, io.EOF
	}
	c := b.data[b.start]
	b.start++
	b.last = lastWasRead
	return c, nil
}

// ReadRune consumes and returns the next UTF-8 sequence and its size; an
// invalid byte comes back as utf8.RuneError of size 1.
func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.drained() {
		b.Reset()
		return 0, 0, io.EOF
	}
	r, size = rune(b.data[b.start]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRune(b.data[b.start:])
	}
	b.start += size
	b.last = lastOp(size)
	return r, size, nil
}

// UnreadRune gives back the rune the previous operation, a ReadRune, read.
func (b *Buffer) UnreadRune() error {
	if b.last <= lastNone {
		return errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")
	}
	if size := int(b.last); b.start >= size {
		b.start -= size
	}
	b.last = lastNone
	return nil
}

// UnreadByte gives back the last byte of the previous successful read.
func (b *Buffer) UnreadByte() error {
	if b.last == lastNone {
		return errUnreadByte
	}
	b.last = lastNone
	if b.start > 0 {
		b.start--
	}
	return nil
}

// upTo consumes through the first delim and returns that part, aliasing
// the buffer; without delim it consumes everything and reports io.EOF.
func (b *Buffer) upTo(delim byte) (chunk []byte, err error) {
	end := len(b.data)
	if k := IndexByte(b.data[b.start:], delim); k >= 0 {
		end = b.start + k + 1
	} else {
		err = io.EOF
	}
	chunk = b.data[b.start:end]
	b.start = end
	b.last = lastWasRead
	return chunk, err
}

// ReadBytes consumes through the first delim and returns a copy of that
// part (including delim); io.EOF means delim was not found.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	chunk, err := b.upTo(delim)
	return append([]byte(nil), chunk...), err
}

// ReadString is ReadBytes returning a string.
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	chunk, err := b.upTo(delim)
	return string(chunk), err
}
