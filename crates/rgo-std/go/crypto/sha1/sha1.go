// Package sha1 implements the SHA-1 hash of RFC 3174. SHA-1 is broken as a
// cryptographic hash; use it for compatibility only. rgo: the block
// function is a Rust native; buffering and padding are here.
package sha1

import (
	"encoding/binary"
	"errors"
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
	pend  [BlockSize]byte // the bytes of an incomplete block
	npend int
	total uint64 // bytes written since Reset
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
	d.npend = 0
	d.total = 0
}

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return BlockSize }

func (d *digest) Write(p []byte) (int, error) {
	n := len(p)
	d.total += uint64(n)
	if d.npend > 0 {
		k := copy(d.pend[d.npend:], p)
		d.npend += k
		p = p[k:]
		if d.npend < BlockSize {
			return n, nil
		}
		blocks(&d.s, d.pend[:])
		d.npend = 0
	}
	whole := len(p) &^ (BlockSize - 1)
	if whole > 0 {
		blocks(&d.s, p[:whole])
	}
	d.npend = copy(d.pend[:], p[whole:])
	return n, nil
}

// final pads a copy of the state and returns the digest.
func (d *digest) final() [Size]byte {
	c := *d
	var tail [BlockSize + 8]byte
	tail[0] = 0x80
	padLen := (55-int(c.total%BlockSize))&(BlockSize-1) + 1
	binary.BigEndian.PutUint64(tail[padLen:], c.total<<3)
	c.Write(tail[:padLen+8])
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
	for _, w := range d.s {
		b = binary.BigEndian.AppendUint32(b, w)
	}
	b = append(b, d.pend[:d.npend]...)
	b = append(b, make([]byte, BlockSize-d.npend)...)
	return binary.BigEndian.AppendUint64(b, d.total), nil
}

func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, stateLen))
}

func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(stateMagic) || string(b[:len(stateMagic)]) != stateMagic {
		return errors.New("crypto/sha1: invalid hash state identifier")
	}
	if len(b) != stateLen {
		return errors.New("crypto/sha1: invalid hash state size")
	}
	b = b[len(stateMagic):]
	for i := range d.s {
		d.s[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	b = b[4*len(d.s):]
	copy(d.pend[:], b[:BlockSize])
	d.total = binary.BigEndian.Uint64(b[BlockSize:])
	d.npend = int(d.total % BlockSize)
	return nil
}

func (d *digest) Clone() (hash.Cloner, error) {
	twin := *d
	return &twin, nil
}
