// Package sha1 implements the SHA-1 hash of RFC 3174. SHA-1 is broken as a
// cryptographic hash; use it for compatibility only. rgo: the block
// function is a Rust native; buffering and padding are here.
package sha1

import (
	"crypto/internal/mdbuf"
	"encoding/binary"
	"hash"
)

// Size is the length of a SHA-1 checksum in bytes.
const Size = 20

// BlockSize is SHA-1's block length in bytes.
const BlockSize = 64

// blocks folds the whole 64-byte blocks of p into s. Native.
func blocks(s *[5]uint32, p []byte)

// digest is a running SHA-1 computation.
type digest struct {
	s     [5]uint32
	mdbuf.Buf // the incomplete block and the byte count
}

// New returns a new hash.Hash computing SHA-1. It also implements
// encoding.BinaryMarshaler, encoding.BinaryAppender and
// encoding.BinaryUnmarshaler to save and restore its state.
func New() hash.Hash {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Reset() {
	d.s = [5]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}
	d.Buf = mdbuf.Buf{}
}

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return BlockSize }

func (d *digest) Write(p []byte) (int, error) {
	mdbuf.Write(&d.Buf, &d.s, p, BlockSize, blocks)
	return len(p), nil
}

// final pads a copy of the state and returns the digest.
func (d *digest) final() [Size]byte {
	c := *d
	c.Write(mdbuf.Padding(c.Total, BlockSize, false))
	var out [Size]byte
	for i, w := range c.s {
		binary.BigEndian.PutUint32(out[4*i:], w)
	}
	return out
}

func (d *digest) Sum(in []byte) []byte {
	sum := d.final()
	return append(in, sum[:]...)
}

// Sum returns the SHA-1 checksum of data.
func Sum(data []byte) [Size]byte {
	var d digest
	d.Reset()
	d.Write(data)
	return d.final()
}

// The marshaled state: identifier, chaining words, the pending block
// zero-filled to full length, the byte count.
const (
	stateMagic = "sha\x01"
	stateLen   = len(stateMagic) + 5*4 + BlockSize + 8
)

func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, stateMagic...)
	b = mdbuf.AppendWords32(b, d.s[:])
	return d.AppendState(b, BlockSize), nil
}

func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, stateLen))
}

func (d *digest) UnmarshalBinary(b []byte) error {
	b, err := mdbuf.CheckState("sha1", stateMagic, b, stateLen)
	if err != nil {
		return err
	}
	b = mdbuf.LoadWords32(d.s[:], b)
	d.LoadState(b, BlockSize)
	return nil
}

func (d *digest) Clone() (hash.Cloner, error) {
	twin := *d
	return &twin, nil
}
