// Package mdbuf is what rgo's Merkle–Damgård digests (crypto/md5, sha1,
// sha256, sha512) share: the bytes of an incomplete block, the count of
// bytes written, and their part of the marshaled state. Each digest keeps
// its own chaining state, block function, padding and identifiers.
package mdbuf

import (
	"encoding/binary"
	"errors"
)

// Buf holds input waiting for a whole block (of 64 or 128 bytes).
type Buf struct {
	Pend  [128]byte // the bytes of an incomplete block
	NPend int
	Total uint64 // bytes written since the last reset
}

// Write feeds p to a digest with chaining state s and block length size:
// whole blocks go to blocks, the rest waits in b.
func Write[S any](b *Buf, s *S, p []byte, size int, blocks func(*S, []byte)) {
	b.Total += uint64(len(p))
	if b.NPend > 0 {
		k := copy(b.Pend[b.NPend:size], p)
		b.NPend += k
		p = p[k:]
		if b.NPend < size {
			return
		}
		blocks(s, b.Pend[:size])
		b.NPend = 0
	}
	whole := len(p) &^ (size - 1)
	if whole > 0 {
		blocks(s, p[:whole])
	}
	b.NPend = copy(b.Pend[:size], p[whole:])
}

// AppendState appends the pending block, zero-filled to size bytes, and
// the byte count (big-endian), as the digests' marshaled states end.
func (b *Buf) AppendState(out []byte, size int) []byte {
	out = append(out, b.Pend[:b.NPend]...)
	out = append(out, make([]byte, size-b.NPend)...)
	return binary.BigEndian.AppendUint64(out, b.Total)
}

// LoadState reads back what AppendState wrote at the start of in.
func (b *Buf) LoadState(in []byte, size int) {
	copy(b.Pend[:size], in[:size])
	b.Total = binary.BigEndian.Uint64(in[size:])
	b.NPend = int(b.Total % uint64(size))
}

// CheckState checks a marshaled state of crypto/<pkg> before it is
// loaded: its identifier and total length n. It returns the bytes after
// the identifier, or the package's error.
func CheckState(pkg, magic string, b []byte, n int) ([]byte, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("crypto/" + pkg + ": invalid hash state identifier")
	}
	if len(b) != n {
		return nil, errors.New("crypto/" + pkg + ": invalid hash state size")
	}
	return b[len(magic):], nil
}
