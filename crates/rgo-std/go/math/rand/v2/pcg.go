package rand

import (
	"errors"
	"math/bits"
)

// A PCG is a PCG generator with 128 bits of internal state. A zero PCG is
// equivalent to NewPCG(0, 0).
//
// The state advances as a 128-bit LCG; the output is the DXSM
// ("double xorshift multiply") permutation of the new state.
type PCG struct {
	hi uint64
	lo uint64
}

// NewPCG returns a PCG whose state is the 128-bit number seed1:seed2.
func NewPCG(seed1, seed2 uint64) *PCG { return &PCG{hi: seed1, lo: seed2} }

// Seed sets p's state as NewPCG does.
func (p *PCG) Seed(seed1, seed2 uint64) {
	*p = PCG{hi: seed1, lo: seed2}
}

// pcgTag starts a marshaled PCG; the state follows, big-endian.
const pcgTag = "pcg:"

// AppendBinary appends the marshaled state to b.
func (p *PCG) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, pcgTag...)
	return appendBE64(appendBE64(b, p.hi), p.lo), nil
}

// MarshalBinary returns the marshaled state (20 bytes).
func (p *PCG) MarshalBinary() ([]byte, error) {
	state := make([]byte, 0, len(pcgTag)+16)
	return p.AppendBinary(state)
}

var errUnmarshalPCG = errors.New("invalid PCG encoding")

// UnmarshalBinary restores a state made by MarshalBinary.
func (p *PCG) UnmarshalBinary(data []byte) error {
	if len(data) != len(pcgTag)+16 || string(data[:len(pcgTag)]) != pcgTag {
		return errUnmarshalPCG
	}
	p.hi, p.lo = be64(data[4:12]), be64(data[12:20])
	return nil
}

func appendBE64(b []byte, v uint64) []byte {
	for shift := 56; shift >= 0; shift -= 8 {
		b = append(b, byte(v>>shift))
	}
	return b
}

func be64(b []byte) uint64 {
	var v uint64
	for _, c := range b[:8] {
		v = v<<8 | uint64(c)
	}
	return v
}

// step advances the state as a 128-bit linear congruential generator,
// state = state*mul + inc mod 2^128 (Go's constants), and returns it.
func (p *PCG) step() (hi, lo uint64) {
	const (
		mulHi = 2549297995355413924
		mulLo = 4865540595714422341
		incHi = 6364136223846793005
		incLo = 1442695040888963407
	)
	// Product mod 2^128: the full low-word product plus the two cross
	// terms, which only reach the high word.
	carryHi, prodLo := bits.Mul64(p.lo, mulLo)
	prodHi := carryHi + p.hi*mulLo + p.lo*mulHi
	sumLo, carry := bits.Add64(prodLo, incLo, 0)
	sumHi, _ := bits.Add64(prodHi, incHi, carry)
	p.hi, p.lo = sumHi, sumLo
	return sumHi, sumLo
}

// Uint64 advances p and returns the DXSM permutation of the new state:
// xorshift the high word, multiply by a constant, xorshift again, then
// multiply by the low word forced odd.
func (p *PCG) Uint64() uint64 {
	hi, lo := p.step()
	const cheapMul = 0xda942042e4dd58b5
	x := (hi ^ hi>>32) * cheapMul
	x ^= x >> 48
	return x * (lo | 1)
}

// A ChaCha8 is a ChaCha8-based cryptographically strong random number
// generator. rgo: the state is opaque to Go code (Go's layout size); its
// methods are natives implementing Go's internal/chacha8rand exactly.
type ChaCha8 struct {
	state   [38]uint64
	readBuf [8]byte
	readLen int
}

// NewChaCha8 returns a ChaCha8 generator started from seed.
func NewChaCha8(seed [32]byte) *ChaCha8 {
	c := new(ChaCha8)
	c.Seed(seed)
	return c
}

// Seed restarts c from seed, as NewChaCha8 does. Native.
func (c *ChaCha8) Seed(seed [32]byte)

// Uint64 returns a uniformly distributed random uint64 value. Native.
func (c *ChaCha8) Uint64() uint64

// Read reads exactly len(p) bytes into p. It always returns len(p) and a
// nil error. Native.
func (c *ChaCha8) Read(p []byte) (n int, err error)

// UnmarshalBinary implements the encoding.BinaryUnmarshaler interface.
// Native.
func (c *ChaCha8) UnmarshalBinary(data []byte) error

// AppendBinary implements the encoding.BinaryAppender interface. Native.
func (c *ChaCha8) AppendBinary(b []byte) ([]byte, error)

// MarshalBinary implements the encoding.BinaryMarshaler interface.
func (c *ChaCha8) MarshalBinary() ([]byte, error) {
	return c.AppendBinary(make([]byte, 0, 6+32+8))
}
