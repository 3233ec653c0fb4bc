// Package fnv provides the Fowler-Noll-Vo hashes FNV-1 and FNV-1a in 32,
// 64 and 128 bits (fast, not for cryptography).
// rgo: plain Go.
package fnv

import (
	"hash"
	"math/bits"
)

type (
	sum32   uint32
	sum32a  uint32
	sum64   uint64
	sum64a  uint64
	sum128  [2]uint64
	sum128a [2]uint64
)

// FNV parameters: offset bases and primes.
const (
	offset32        = 2166136261
	offset64        = 14695981039346656037
	offset128Lower  = 0x62b821756295c58d
	offset128Higher = 0x6c62272e07bb0142
	prime32         = 16777619
	prime64         = 1099511628211
	prime128Lower   = 0x13b
	prime128Shift   = 24
)

// New32 returns a new 32-bit FNV-1 hash.Hash. Its Sum method will lay the
// value out in big-endian byte order.
func New32() hash.Hash32 {
	h := sum32(offset32)
	return &h
}

// New32a returns a new 32-bit FNV-1a hash.Hash.
func New32a() hash.Hash32 {
	h := sum32a(offset32)
	return &h
}

// New64 returns a new 64-bit FNV-1 hash.Hash.
func New64() hash.Hash64 {
	h := sum64(offset64)
	return &h
}

// New64a returns a new 64-bit FNV-1a hash.Hash.
func New64a() hash.Hash64 {
	h := sum64a(offset64)
	return &h
}

// New128 returns a new 128-bit FNV-1 hash.Hash.
func New128() hash.Hash {
	return &sum128{offset128Higher, offset128Lower}
}

// New128a returns a new 128-bit FNV-1a hash.Hash.
func New128a() hash.Hash {
	return &sum128a{offset128Higher, offset128Lower}
}

func (s *sum32) Reset()   { *s = offset32 }
func (s *sum32a) Reset()  { *s = offset32 }
func (s *sum64) Reset()   { *s = offset64 }
func (s *sum64a) Reset()  { *s = offset64 }
func (s *sum128) Reset()  { s[0] = offset128Higher; s[1] = offset128Lower }
func (s *sum128a) Reset() { s[0] = offset128Higher; s[1] = offset128Lower }

func (s *sum32) Sum32() uint32  { return uint32(*s) }
func (s *sum32a) Sum32() uint32 { return uint32(*s) }
func (s *sum64) Sum64() uint64  { return uint64(*s) }
func (s *sum64a) Sum64() uint64 { return uint64(*s) }

// FNV-1 multiplies then xors each byte; FNV-1a xors then multiplies.

// consumed is the result of every Write: all of data, no error.
func consumed(data []byte) (int, error) { return len(data), nil }

// word is the state type of the 32- and 64-bit variants.
type word interface{ ~uint32 | ~uint64 }

// fold runs FNV over data: FNV-1 multiplies by the prime and then xors in
// the byte; FNV-1a (xorFirst) xors first.
func fold[W word](h, prime W, data []byte, xorFirst bool) W {
	for _, b := range data {
		c := W(b)
		if xorFirst {
			h = (h ^ c) * prime
		} else {
			h = h*prime ^ c
		}
	}
	return h
}

func (s *sum32) Write(data []byte) (int, error) {
	*s = fold(*s, prime32, data, false)
	return consumed(data)
}

func (s *sum32a) Write(data []byte) (int, error) {
	*s = fold(*s, prime32, data, true)
	return consumed(data)
}

func (s *sum64) Write(data []byte) (int, error) {
	*s = fold(*s, prime64, data, false)
	return consumed(data)
}

func (s *sum64a) Write(data []byte) (int, error) {
	*s = fold(*s, prime64, data, true)
	return consumed(data)
}

// times128Prime multiplies the 128-bit state {hi, lo} by the FNV-128
// prime 2^88 + 0x13B, modulo 2^128: the 0x13B part is a full 64x64
// product of lo plus hi*0x13B in the high word, and the 2^88 part only
// reaches the high word, as lo shifted left by 88-64 = 24 bits.
func times128Prime(state *[2]uint64) {
	hi, lo := state[0], state[1]
	carry, low := bits.Mul64(prime128Lower, lo)
	state[0] = carry + hi*prime128Lower + lo<<prime128Shift
	state[1] = low
}

func (s *sum128) Write(data []byte) (int, error) {
	for _, b := range data {
		times128Prime((*[2]uint64)(s))
		s[1] ^= uint64(b)
	}
	return consumed(data)
}

func (s *sum128a) Write(data []byte) (int, error) {
	for _, b := range data {
		s[1] ^= uint64(b)
		times128Prime((*[2]uint64)(s))
	}
	return consumed(data)
}

func (s *sum32) Size() int   { return 4 }
func (s *sum32a) Size() int  { return 4 }
func (s *sum64) Size() int   { return 8 }
func (s *sum64a) Size() int  { return 8 }
func (s *sum128) Size() int  { return 16 }
func (s *sum128a) Size() int { return 16 }

func (s *sum32) BlockSize() int   { return 1 }
func (s *sum32a) BlockSize() int  { return 1 }
func (s *sum64) BlockSize() int   { return 1 }
func (s *sum64a) BlockSize() int  { return 1 }
func (s *sum128) BlockSize() int  { return 1 }
func (s *sum128a) BlockSize() int { return 1 }

func appendBE(in []byte, v uint64, n int) []byte {
	for shift := 8 * (n - 1); shift >= 0; shift -= 8 {
		in = append(in, byte(v>>shift))
	}
	return in
}

func (s *sum32) Sum(in []byte) []byte   { return appendBE(in, uint64(*s), 4) }
func (s *sum32a) Sum(in []byte) []byte  { return appendBE(in, uint64(*s), 4) }
func (s *sum64) Sum(in []byte) []byte   { return appendBE(in, uint64(*s), 8) }
func (s *sum64a) Sum(in []byte) []byte  { return appendBE(in, uint64(*s), 8) }
func (s *sum128) Sum(in []byte) []byte  { return appendBE(appendBE(in, s[0], 8), s[1], 8) }
func (s *sum128a) Sum(in []byte) []byte { return appendBE(appendBE(in, s[0], 8), s[1], 8) }

func (s *sum32) Clone() (hash.Cloner, error)   { r := *s; return &r, nil }
func (s *sum32a) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum64) Clone() (hash.Cloner, error)   { r := *s; return &r, nil }
func (s *sum64a) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum128) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum128a) Clone() (hash.Cloner, error) { r := *s; return &r, nil }
