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

// Padding returns what ends a message of total bytes for a block length
// size (64 or 128): 0x80, zeros, and the message length in bits filling
// the block's last size/8 bytes (big-endian, the high half zero for 128-
// byte blocks; little-endian if le, MD5's order).
func Padding(total uint64, size int, le bool) []byte {
	lenBytes := size / 8
	var tail [128 + 16]byte
	tail[0] = 0x80
	padLen := (size-lenBytes-1-int(total%uint64(size)))&(size-1) + 1
	n := padLen + lenBytes
	if le {
		binary.LittleEndian.PutUint64(tail[padLen:], total<<3)
	} else {
		binary.BigEndian.PutUint64(tail[n-8:], total<<3)
		if lenBytes == 16 {
			binary.BigEndian.PutUint64(tail[padLen:], total>>61)
		}
	}
	return tail[:n]
}

// AppendWords32 appends chaining words big-endian, as the marshaled
// states hold them.
func AppendWords32(out []byte, s []uint32) []byte {
	for _, w := range s {
		out = binary.BigEndian.AppendUint32(out, w)
	}
	return out
}

// LoadWords32 reads back what AppendWords32 wrote at the start of in and
// returns the rest.
func LoadWords32(s []uint32, in []byte) []byte {
	for i := range s {
		s[i] = binary.BigEndian.Uint32(in[4*i:])
	}
	return in[4*len(s):]
}

// AppendWords64 is AppendWords32 for 64-bit chaining words.
func AppendWords64(out []byte, s []uint64) []byte {
	for _, w := range s {
		out = binary.BigEndian.AppendUint64(out, w)
	}
	return out
}

// LoadWords64 is LoadWords32 for 64-bit chaining words.
func LoadWords64(s []uint64, in []byte) []byte {
	for i := range s {
		s[i] = binary.BigEndian.Uint64(in[8*i:])
	}
	return in[8*len(s):]
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
