// Package hmac implements the keyed-hash message authentication code of
// FIPS 198-1 (RFC 2104): H(K^opad, H(K^ipad, message)). rgo: plain Go
// over any hash.Hash.
//
// Compare MACs with Equal, which takes the same time whatever the
// contents, never with ==.
package hmac

import (
	"crypto/subtle"
	"hash"
)

// mac is a running HMAC: inner has absorbed K^ipad and the message so far;
// outer is reset and fed K^opad and the inner digest at Sum.
type mac struct {
	inner, outer hash.Hash
	ipad, opad   []byte
}

// New returns a new HMAC hash.Hash using the hash function h (such as
// sha256.New) and the key. h must return a new, distinct value on each
// call.
func New(h func() hash.Hash, key []byte) hash.Hash {
	m := &mac{inner: h(), outer: h()}
	if m.inner == m.outer {
		panic("crypto/hmac: hash generation function does not produce unique values")
	}
	bs := m.inner.BlockSize()
	if len(key) > bs {
		// Long keys are replaced by their digest.
		m.outer.Write(key)
		key = m.outer.Sum(nil)
	}
	m.ipad = make([]byte, bs)
	m.opad = make([]byte, bs)
	copy(m.ipad, key)
	copy(m.opad, key)
	for i := range m.ipad {
		m.ipad[i] ^= 0x36
		m.opad[i] ^= 0x5c
	}
	m.inner.Reset()
	m.inner.Write(m.ipad)
	return m
}

func (m *mac) Size() int { return m.outer.Size() }

func (m *mac) BlockSize() int { return m.inner.BlockSize() }

func (m *mac) Write(p []byte) (int, error) { return m.inner.Write(p) }

func (m *mac) Sum(in []byte) []byte {
	n := len(in)
	in = m.inner.Sum(in)
	m.outer.Reset()
	m.outer.Write(m.opad)
	m.outer.Write(in[n:])
	return m.outer.Sum(in[:n])
}

func (m *mac) Reset() {
	m.inner.Reset()
	m.inner.Write(m.ipad)
}

// Equal reports whether mac1 and mac2 are the same MAC, in time that does
// not depend on where they differ.
func Equal(mac1, mac2 []byte) bool {
	return subtle.ConstantTimeCompare(mac1, mac2) == 1
}
