// Package binary converts between numbers and bytes: fixed-size values in
// either byte order, and the variable-length "varint" encoding.
//
// rgo: plain Go. Read, Write, Size, Append, Encode and Decode walk values
// with package reflect (whose primitives are natives).
package binary

import (
	"errors"
	"io"
)

// ByteOrder reads and writes unsigned integers in a byte slice in one byte
// order.
type ByteOrder interface {
	Uint16([]byte) uint16
	Uint32([]byte) uint32
	Uint64([]byte) uint64
	PutUint16([]byte, uint16)
	PutUint32([]byte, uint32)
	PutUint64([]byte, uint64)
	String() string
}

// AppendByteOrder appends unsigned integers to a byte slice in one byte
// order.
type AppendByteOrder interface {
	AppendUint16([]byte, uint16) []byte
	AppendUint32([]byte, uint32) []byte
	AppendUint64([]byte, uint64) []byte
	String() string
}

// LittleEndian stores the least significant byte first.
var LittleEndian littleEndian

// BigEndian stores the most significant byte first.
var BigEndian bigEndian

// The byte orders share these helpers. n is the width in bytes; byte k of
// the value (k = 0 least significant) sits at index k for little-endian
// and n-1-k for big-endian. Every helper touches b[n-1] first, so a short
// slice panics on that index, as Go's explicit bounds checks do.

// pos is where byte k of an n-byte value goes.
func pos(k, n int, big bool) int {
	if big {
		return n - 1 - k
	}
	return k
}

// load reads an n-byte unsigned value.
func load(b []byte, n int, big bool) uint64 {
	_ = b[n-1]
	var v uint64
	for k := 0; k < n; k++ {
		v |= uint64(b[pos(k, n, big)]) << (8 * k)
	}
	return v
}

// store writes an n-byte unsigned value.
func store(b []byte, v uint64, n int, big bool) {
	_ = b[n-1]
	for k := 0; k < n; k++ {
		b[pos(k, n, big)] = byte(v >> (8 * k))
	}
}

// add appends an n-byte unsigned value.
func add(b []byte, v uint64, n int, big bool) []byte {
	var tmp [8]byte
	store(tmp[:n], v, n, big)
	return append(b, tmp[:n]...)
}

type littleEndian struct{}

func (littleEndian) Uint16(b []byte) uint16 { return uint16(load(b, 2, false)) }

func (littleEndian) PutUint16(b []byte, v uint16) { store(b, uint64(v), 2, false) }

func (littleEndian) AppendUint16(b []byte, v uint16) []byte { return add(b, uint64(v), 2, false) }

func (littleEndian) Uint32(b []byte) uint32 { return uint32(load(b, 4, false)) }

func (littleEndian) PutUint32(b []byte, v uint32) { store(b, uint64(v), 4, false) }

func (littleEndian) AppendUint32(b []byte, v uint32) []byte { return add(b, uint64(v), 4, false) }

func (littleEndian) Uint64(b []byte) uint64 { return uint64(load(b, 8, false)) }

func (littleEndian) PutUint64(b []byte, v uint64) { store(b, uint64(v), 8, false) }

func (littleEndian) AppendUint64(b []byte, v uint64) []byte { return add(b, uint64(v), 8, false) }

func (littleEndian) String() string { return "LittleEndian" }

func (littleEndian) GoString() string { return "binary.LittleEndian" }

type bigEndian struct{}

func (bigEndian) Uint16(b []byte) uint16 { return uint16(load(b, 2, true)) }

func (bigEndian) PutUint16(b []byte, v uint16) { store(b, uint64(v), 2, true) }

func (bigEndian) AppendUint16(b []byte, v uint16) []byte { return add(b, uint64(v), 2, true) }

func (bigEndian) Uint32(b []byte) uint32 { return uint32(load(b, 4, true)) }

func (bigEndian) PutUint32(b []byte, v uint32) { store(b, uint64(v), 4, true) }

func (bigEndian) AppendUint32(b []byte, v uint32) []byte { return add(b, uint64(v), 4, true) }

func (bigEndian) Uint64(b []byte) uint64 { return uint64(load(b, 8, true)) }

func (bigEndian) PutUint64(b []byte, v uint64) { store(b, uint64(v), 8, true) }

func (bigEndian) AppendUint64(b []byte, v uint64) []byte { return add(b, uint64(v), 8, true) }

func (bigEndian) String() string { return "BigEndian" }

func (bigEndian) GoString() string { return "binary.BigEndian" }

// NativeEndian is the byte order of the machine: little-endian on the
// platforms rgo runs Go programs for.
var NativeEndian nativeEndian

type nativeEndian struct {
	littleEndian
}

func (nativeEndian) String() string { return "NativeEndian" }

func (nativeEndian) GoString() string { return "binary.NativeEndian" }

// Varints: seven bits per byte, least significant group first, the high
// bit set on every byte but the last. Signed values are zigzag-mapped
// first (0, -1, 1, -2, ... to 0, 1, 2, 3, ...).

// The longest varint encodings of 16-, 32- and 64-bit values.
const (
	MaxVarintLen16 = 3
	MaxVarintLen32 = 5
	MaxVarintLen64 = 10
)

// AppendUvarint appends the varint form of x to buf.
func AppendUvarint(buf []byte, x uint64) []byte {
	for ; x >= 0x80; x >>= 7 {
		buf = append(buf, 0x80|byte(x))
	}
	return append(buf, byte(x))
}

// PutUvarint writes the varint form of x into buf, which must be long
// enough (it panics otherwise), and returns its length.
func PutUvarint(buf []byte, x uint64) int {
	n := 0
	for ; x >= 0x80; x >>= 7 {
		buf[n] = 0x80 | byte(x)
		n++
	}
	buf[n] = byte(x)
	return n + 1
}

// Uvarint decodes a varint from the front of buf and returns it with its
// length; n == 0 means buf ended first, n < 0 that the value overflows 64
// bits (-n bytes were read).
func Uvarint(buf []byte) (uint64, int) {
	var v uint64
	for k, b := range buf {
		if k == MaxVarintLen64 {
			return 0, -(k + 1)
		}
		if b >= 0x80 {
			v |= uint64(b&0x7f) << (7 * k)
			continue
		}
		if k == MaxVarintLen64-1 && b > 1 {
			return 0, -(k + 1) // the tenth byte may only add the top bit
		}
		return v | uint64(b)<<(7*k), k + 1
	}
	return 0, 0
}

// AppendVarint appends the varint form of the signed x to buf.
func AppendVarint(buf []byte, x int64) []byte { return AppendUvarint(buf, zigzag(x)) }

// zigzag maps signed values to unsigned ones so that small magnitudes get
// small codes: 2x for x >= 0, -2x-1 for x < 0.
func zigzag(x int64) uint64 {
	return uint64(x<<1) ^ uint64(x>>63)
}

// unzigzag undoes zigzag.
func unzigzag(u uint64) int64 {
	return int64(u>>1) ^ -int64(u&1)
}

// PutVarint writes the varint form of the signed x into buf and returns
// its length.
func PutVarint(buf []byte, x int64) int { return PutUvarint(buf, zigzag(x)) }

// Varint decodes a signed varint from the front of buf, with Uvarint's
// length conventions.
func Varint(buf []byte) (int64, int) {
	u, n := Uvarint(buf)
	return unzigzag(u), n
}

var errOverflow = errors.New("binary: varint overflows a 64-bit integer")

// ReadUvarint reads a varint from r. It returns io.EOF only when no byte
// was read, io.ErrUnexpectedEOF when the input ends inside a varint, and
// an overflow error (with the bits read so far) for too long input.
func ReadUvarint(r io.ByteReader) (uint64, error) {
	var v uint64
	for k := 0; k < MaxVarintLen64; k++ {
		b, err := r.ReadByte()
		if err != nil {
			if err == io.EOF && k > 0 {
				err = io.ErrUnexpectedEOF
			}
			return v, err
		}
		if b >= 0x80 {
			v |= uint64(b&0x7f) << (7 * k)
			continue
		}
		if k == MaxVarintLen64-1 && b > 1 {
			return v, errOverflow
		}
		return v | uint64(b)<<(7*k), nil
	}
	return v, errOverflow
}

// ReadVarint reads a signed varint from r, with ReadUvarint's errors.
func ReadVarint(r io.ByteReader) (int64, error) {
	u, err := ReadUvarint(r)
	return unzigzag(u), err
}
