// Package sha512 implements the SHA-384, SHA-512, SHA-512/224 and
// SHA-512/256 hashes of FIPS 180-4. rgo: the block function is a Rust
// native; buffering and padding are here.
package sha512

import (
	"crypto/internal/mdbuf"
	"encoding/binary"
	"hash"
)

const (
	// Size is the length of a SHA-512 checksum in bytes.
	Size = 64

	// Size224 is the length of a SHA-512/224 checksum in bytes.
	Size224 = 28

	// Size256 is the length of a SHA-512/256 checksum in bytes.
	Size256 = 32

	// Size384 is the length of a SHA-384 checksum in bytes.
	Size384 = 48

	// BlockSize is the block length of every SHA-512 variant in bytes.
	BlockSize = 128
)

// blocks folds the whole 128-byte blocks of p into s. Native.
func blocks(s *[8]uint64, p []byte)

// variant is one member of the family: its initial state, output length
// and marshaling identifier.
type variant struct {
	init  [8]uint64
	size  int
	magic string
}

var (
	v512 = &variant{[8]uint64{
		0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
		0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
	}, Size, "sha\x07"}
	v384 = &variant{[8]uint64{
		0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
		0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
	}, Size384, "sha\x04"}
	v224 = &variant{[8]uint64{
		0x8c3d37c819544da2, 0x73e1996689dcd4d6, 0x1dfab7ae32ff9c82, 0x679dd514582f9fcf,
		0x0f6d2b697bd44da8, 0x77e36f7304c48942, 0x3f9d85a86a1d36c8, 0x1112e6ad91d692a1,
	}, Size224, "sha\x05"}
	v256 = &variant{[8]uint64{
		0x22312194fc2bf72c, 0x9f555fa3c84c64c2, 0x2393b86b6f53b151, 0x963877195940eabd,
		0x96283ee2a88effe3, 0xbe5e1e2553863992, 0x2b0199fc2c85b8aa, 0x0eb72ddc81c52ca2,
	}, Size256, "sha\x06"}
)

// digest is a running computation of one variant.
type digest struct {
	s     [8]uint64
	mdbuf.Buf // the incomplete block and the byte count
	v     *variant
}

func newDigest(v *variant) *digest {
	d := &digest{v: v}
	d.Reset()
	return d
}

// New returns a new hash.Hash computing SHA-512. Like the other
// constructors, its result also implements encoding.BinaryMarshaler,
// encoding.BinaryAppender and encoding.BinaryUnmarshaler.
func New() hash.Hash { return newDigest(v512) }

// New384 returns a new hash.Hash computing SHA-384.
func New384() hash.Hash { return newDigest(v384) }

// New512_224 returns a new hash.Hash computing SHA-512/224.
func New512_224() hash.Hash { return newDigest(v224) }

// New512_256 returns a new hash.Hash computing SHA-512/256.
func New512_256() hash.Hash { return newDigest(v256) }

func (d *digest) Reset() {
	d.s = d.v.init
	d.Buf = mdbuf.Buf{}
}

func (d *digest) Size() int { return d.v.size }

func (d *digest) BlockSize() int { return BlockSize }

func (d *digest) Write(p []byte) (int, error) {
	mdbuf.Write(&d.Buf, &d.s, p, BlockSize, blocks)
	return len(p), nil
}

// final pads a copy of the state (the bit length takes 16 bytes) and
// returns all eight words encoded.
func (d *digest) final() [Size]byte {
	c := *d
	c.Write(mdbuf.Padding(c.Total, BlockSize, false))
	var out [Size]byte
	for i, w := range c.s {
		binary.BigEndian.PutUint64(out[8*i:], w)
	}
	return out
}

func (d *digest) Sum(in []byte) []byte {
	sum := d.final()
	return append(in, sum[:d.v.size]...)
}

func sumOf(v *variant, data []byte) [Size]byte {
	d := digest{s: v.init, v: v}
	d.Write(data)
	return d.final()
}

// Sum512 returns the SHA-512 checksum of data.
func Sum512(data []byte) [Size]byte { return sumOf(v512, data) }

// Sum384 returns the SHA-384 checksum of data.
func Sum384(data []byte) [Size384]byte {
	full := sumOf(v384, data)
	return [Size384]byte(full[:Size384])
}

// Sum512_224 returns the SHA-512/224 checksum of data.
func Sum512_224(data []byte) [Size224]byte {
	full := sumOf(v224, data)
	return [Size224]byte(full[:Size224])
}

// Sum512_256 returns the SHA-512/256 checksum of data.
func Sum512_256(data []byte) [Size256]byte {
	full := sumOf(v256, data)
	return [Size256]byte(full[:Size256])
}

// The marshaled state: the variant's identifier, chaining words, the
// pending block zero-filled to full length, the byte count.
const stateLen = 4 + 8*8 + BlockSize + 8

func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, d.v.magic...)
	b = mdbuf.AppendWords64(b, d.s[:])
	return d.AppendState(b, BlockSize), nil
}

func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, stateLen))
}

func (d *digest) UnmarshalBinary(b []byte) error {
	b, err := mdbuf.CheckState("sha512", d.v.magic, b, stateLen)
	if err != nil {
		return err
	}
	b = mdbuf.LoadWords64(d.s[:], b)
	d.LoadState(b, BlockSize)
	return nil
}

func (d *digest) Clone() (hash.Cloner, error) {
	twin := *d
	return &twin, nil
}
