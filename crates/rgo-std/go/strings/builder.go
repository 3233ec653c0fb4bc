package strings

import (
	"internal/abi"
	"unicode/utf8"
	"unsafe"
)

// Builder accumulates bytes and hands them out as a string without copying.
// The zero value is an empty Builder; a Builder that has been written to
// must not be copied (the copy panics when used).
type Builder struct {
	self *Builder // address of first use: a different receiver is a copy
	data []byte
}

// own records b's address on first use and panics when b is a copy of a
// Builder that has been used.
func (b *Builder) own() {
	switch b.self {
	case b:
	case nil:
		// Hidden from escape analysis (as Go's copyCheck does): the
		// pointer to itself does not make the Builder escape.
		b.self = (*Builder)(abi.NoEscape(unsafe.Pointer(b)))
	default:
		panic("strings: illegal use of non-zero Builder copied by value")
	}
}

// String returns the bytes written so far, sharing their memory.
func (b *Builder) String() string {
	return unsafe.String(unsafe.SliceData(b.data), len(b.data))
}

// Len returns the number of bytes written so far.
func (b *Builder) Len() int { return len(b.data) }

// Cap returns the space reserved for bytes, written or not.
func (b *Builder) Cap() int { return cap(b.data) }

// Reset empties b; it may then be copied again.
func (b *Builder) Reset() {
	*b = Builder{}
}

// Grow makes room for at least n more bytes without a further allocation;
// it panics when n is negative. When b is too small its new capacity is
// 2*Cap()+n rounded up to the allocator's size class, as in Go.
func (b *Builder) Grow(n int) {
	b.own()
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if n <= cap(b.data)-len(b.data) {
		return
	}
	// Appending to a nil slice allocates a rounded-up size class.
	bigger := append([]byte(nil), make([]byte, n+2*cap(b.data))...)
	b.data = bigger[:copy(bigger, b.data)]
}

// Write appends p; it always returns len(p), nil.
func (b *Builder) Write(p []byte) (int, error) {
	b.own()
	b.data = append(b.data, p...)
	return len(p), nil
}

// WriteByte appends c; it always returns nil.
func (b *Builder) WriteByte(c byte) error {
	b.own()
	b.data = append(b.data, c)
	return nil
}

// WriteRune appends the UTF-8 form of r and returns its length and nil.
func (b *Builder) WriteRune(r rune) (int, error) {
	b.own()
	before := len(b.data)
	b.data = utf8.AppendRune(b.data, r)
	return len(b.data) - before, nil
}

// WriteString appends s; it always returns len(s), nil.
func (b *Builder) WriteString(s string) (int, error) {
	b.own()
	b.data = append(b.data, s...)
	return len(s), nil
}
