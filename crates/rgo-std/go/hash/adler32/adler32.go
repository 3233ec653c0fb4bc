// Package adler32 computes the Adler-32 checksum (RFC 1950): two running
// sums modulo 65521, the second over the prefixes of the first. rgo: plain
// Go.
package adler32

import (
	"encoding/binary"
	"errors"
	"hash"
)

// Size is the length of an Adler-32 checksum in bytes.
const Size = 4

// modulus is the largest prime below 1<<16.
const modulus = 65521

// chunk is how many bytes may be summed before the sums must be reduced
// to stay within 32 bits (the largest n with 255n(n+1)/2 + (n+1)(m-1) <
// 1<<32).
const chunk = 5552

// digest holds the two sums packed as s2<<16 | s1.
type digest uint32

// New returns a new hash.Hash32 computing the Adler-32 checksum.
func New() hash.Hash32 {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Reset() { *d = 1 }

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return 4 }

// The marshaled state: a 4-byte identifier, then the packed sums.
const (
	stateMagic = "adl\x01"
	stateLen   = len(stateMagic) + 4
)

func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	return binary.BigEndian.AppendUint32(append(b, stateMagic...), uint32(*d)), nil
}

func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, stateLen))
}

func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(stateMagic) || string(b[:len(stateMagic)]) != stateMagic {
		return errors.New("hash/adler32: invalid hash state identifier")
	}
	if len(b) != stateLen {
		return errors.New("hash/adler32: invalid hash state size")
	}
	*d = digest(binary.BigEndian.Uint32(b[len(stateMagic):]))
	return nil
}

func (d *digest) Clone() (hash.Cloner, error) {
	twin := *d
	return &twin, nil
}

// extend folds p into the packed sums.
func extend(sums digest, p []byte) digest {
	lo, hi := uint32(sums&0xffff), uint32(sums>>16)
	for len(p) > 0 {
		n := len(p)
		if n > chunk {
			n = chunk
		}
		for _, c := range p[:n] {
			lo += uint32(c)
			hi += lo
		}
		lo %= modulus
		hi %= modulus
		p = p[n:]
	}
	return digest(hi<<16 | lo)
}

func (d *digest) Write(p []byte) (nn int, err error) {
	*d = extend(*d, p)
	return len(p), nil
}

func (d *digest) Sum32() uint32 { return uint32(*d) }

func (d *digest) Sum(in []byte) []byte {
	return binary.BigEndian.AppendUint32(in, uint32(*d))
}

// Checksum computes the Adler-32 of data in one call.
func Checksum(data []byte) uint32 { return uint32(extend(1, data)) }
