// Package sha256 implements the SHA-224 and SHA-256 hashes of FIPS 180-4.
// rgo: the block function is a Rust native; buffering and padding are
// here.
package sha256

import (
	"crypto/internal/mdbuf"
	"encoding/binary"
	"hash"
)

// Size is the length of a SHA-256 checksum in bytes.
const Size = 32

// Size224 is the length of a SHA-224 checksum in bytes.
const Size224 = 28

// BlockSize is the block length of SHA-256 and SHA-224 in bytes.
const BlockSize = 64

// blocks folds the whole 64-byte blocks of p into s. Native.
func blocks(s *[8]uint32, p []byte)

// digest is a running SHA-256 or SHA-224 computation.
type digest struct {
	s     [8]uint32
	mdbuf.Buf // the incomplete block and the byte count
	is224 bool
}

var (
	init256 = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
	init224 = [8]uint32{0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4}
)

// New returns a new hash.Hash computing SHA-256. It also implements
// encoding.BinaryMarshaler, encoding.BinaryAppender and
// encoding.BinaryUnmarshaler to save and restore its state.
func New() hash.Hash {
	d := new(digest)
	d.Reset()
	return d
}

// New224 returns a new hash.Hash computing SHA-224.
func New224() hash.Hash {
	d := &digest{is224: true}
	d.Reset()
	return d
}

func (d *digest) Reset() {
	if d.is224 {
		d.s = init224
	} else {
		d.s = init256
	}
	d.Buf = mdbuf.Buf{}
}

func (d *digest) Size() int {
	if d.is224 {
		return Size224
	}
	return Size
}

func (d *digest) BlockSize() int { return BlockSize }

func (d *digest) Write(p []byte) (int, error) {
	mdbuf.Write(&d.Buf, &d.s, p, BlockSize, blocks)
	return len(p), nil
}

// final pads a copy of the state and returns all eight words encoded;
// SHA-224 keeps the first 28 bytes.
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
	return append(in, sum[:d.Size()]...)
}

// Sum256 returns the SHA-256 checksum of data.
func Sum256(data []byte) [Size]byte {
	d := digest{s: init256}
	d.Write(data)
	return d.final()
}

// Sum224 returns the SHA-224 checksum of data.
func Sum224(data []byte) [Size224]byte {
	d := digest{s: init224, is224: true}
	d.Write(data)
	full := d.final()
	return [Size224]byte(full[:Size224])
}

// The marshaled state: identifier (which tells SHA-224 from SHA-256),
// chaining words, the pending block zero-filled to full length, the byte
// count.
const (
	magic224 = "sha\x02"
	magic256 = "sha\x03"
	stateLen = len(magic256) + 8*4 + BlockSize + 8
)

func (d *digest) magic() string {
	if d.is224 {
		return magic224
	}
	return magic256
}

func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, d.magic()...)
	b = mdbuf.AppendWords32(b, d.s[:])
	return d.AppendState(b, BlockSize), nil
}

func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, stateLen))
}

func (d *digest) UnmarshalBinary(b []byte) error {
	b, err := mdbuf.CheckState("sha256", d.magic(), b, stateLen)
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
