// Package hash provides interfaces for hash functions. rgo: interfaces
// only.
package hash

import "io"

// Hash is what every hash function in the standard library offers.
type Hash interface {
	// Write (via the embedded io.Writer interface) adds more data to the
	// running hash. It never returns an error.
	io.Writer

	// Sum appends the digest of everything written so far to b; the state
	// is left as it was, so writing may continue.
	Sum(b []byte) []byte

	// Reset forgets everything written.
	Reset()

	// Size is the digest length in bytes.
	Size() int

	// BlockSize is the size of the blocks the hash consumes; writes of
	// whole blocks may be faster.
	BlockSize() int
}

// Hash32 is a Hash whose digest fits a uint32.
type Hash32 interface {
	Hash
	Sum32() uint32
}

// Hash64 is a Hash whose digest fits a uint64.
type Hash64 interface {
	Hash
	Sum64() uint64
}

// A Cloner is a hash function whose state can be cloned, returning a value
// with equivalent and independent state.
type Cloner interface {
	Hash
	Clone() (Cloner, error)
}

// XOF (extendable output function) is a hash function with arbitrary or
// unlimited output length.
type XOF interface {
	// Write feeds input; calling it after Read panics.
	io.Writer

	// Read squeezes out more output; io.EOF marks a bounded output's end.
	io.Reader

	// Reset returns to the state before any input.
	Reset()

	// BlockSize is the size of the blocks the function consumes.
	BlockSize() int
}
