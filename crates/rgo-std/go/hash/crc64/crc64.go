// Package crc64 computes 64-bit cyclic redundancy checks (CRC-64) over any
// polynomial. rgo: plain Go, one table lookup per byte.
package crc64

import (
	"encoding/binary"
	"errors"
	"hash"
	"sync"
)

// Size is the length of a CRC-64 in bytes.
const Size = 8

// Predefined polynomials, in reversed bit order.
const (
	// ISO is the polynomial of ISO 3309 (HDLC).
	ISO = 0xD800000000000000

	// ECMA is the polynomial of ECMA 182.
	ECMA = 0xC96C5795D7870F42
)

// Table holds the CRC of every byte value for one polynomial.
type Table [256]uint64

var (
	sharedOnce sync.Once
	isoTab     *Table
	ecmaTab    *Table
)

func sharedTables() {
	sharedOnce.Do(func() {
		isoTab = build(ISO)
		ecmaTab = build(ECMA)
	})
}

// build divides every byte value by poly, one bit at a time.
func build(poly uint64) *Table {
	t := new(Table)
	for v := range t {
		r := uint64(v)
		for bit := 0; bit < 8; bit++ {
			if r&1 == 1 {
				r = r>>1 ^ poly
			} else {
				r >>= 1
			}
		}
		t[v] = r
	}
	return t
}

// MakeTable returns the Table of poly. The ISO and ECMA tables are shared,
// so callers must not modify the result.
func MakeTable(poly uint64) *Table {
	sharedTables()
	switch poly {
	case ISO:
		return isoTab
	case ECMA:
		return ecmaTab
	}
	return build(poly)
}

// digest is the hash.Hash64 of a running checksum.
type digest struct {
	crc uint64
	tab *Table
}

// New returns a hash.Hash64 computing the CRC-64 of tab's polynomial.
func New(tab *Table) hash.Hash64 { return &digest{tab: tab} }

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return 1 }

func (d *digest) Reset() { d.crc = 0 }

// The marshaled state: identifier, a checksum of the table, the CRC.
const (
	stateMagic = "crc\x02"
	stateLen   = len(stateMagic) + 8 + 8
)

func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, stateMagic...)
	b = binary.BigEndian.AppendUint64(b, tableDigest(d.tab))
	return binary.BigEndian.AppendUint64(b, d.crc), nil
}

func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, stateLen))
}

func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(stateMagic) || string(b[:len(stateMagic)]) != stateMagic {
		return errors.New("hash/crc64: invalid hash state identifier")
	}
	if len(b) != stateLen {
		return errors.New("hash/crc64: invalid hash state size")
	}
	if tableDigest(d.tab) != binary.BigEndian.Uint64(b[4:]) {
		return errors.New("hash/crc64: tables do not match")
	}
	d.crc = binary.BigEndian.Uint64(b[12:])
	return nil
}

func (d *digest) Clone() (hash.Cloner, error) {
	twin := *d
	return &twin, nil
}

// extend runs the (inverted) CRC register over p.
func extend(crc uint64, tab *Table, p []byte) uint64 {
	reg := ^crc
	for _, c := range p {
		reg = tab[byte(reg)^c] ^ reg>>8
	}
	return ^reg
}

// Update returns crc extended over p with tab's polynomial.
func Update(crc uint64, tab *Table, p []byte) uint64 { return extend(crc, tab, p) }

func (d *digest) Write(p []byte) (n int, err error) {
	d.crc = extend(d.crc, d.tab, p)
	return len(p), nil
}

func (d *digest) Sum64() uint64 { return d.crc }

func (d *digest) Sum(in []byte) []byte {
	return binary.BigEndian.AppendUint64(in, d.crc)
}

// Checksum returns the CRC-64 of data with tab's polynomial.
func Checksum(data []byte, tab *Table) uint64 { return extend(0, tab, data) }

// tableDigest is the ISO CRC-64 of t's entries written big-endian (of no
// bytes for a nil table): marshaled states carry it to catch a mismatch.
func tableDigest(t *Table) uint64 {
	var raw []byte
	if t != nil {
		raw = make([]byte, 0, 8*len(t))
		for _, e := range t {
			raw = binary.BigEndian.AppendUint64(raw, e)
		}
	}
	return Checksum(raw, MakeTable(ISO))
}
