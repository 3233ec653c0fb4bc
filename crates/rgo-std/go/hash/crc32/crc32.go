// Package crc32 computes 32-bit cyclic redundancy checks (CRC-32) over any
// polynomial. rgo: plain Go, table-driven (results equal Go's hardware
// accelerated paths).
package crc32

import (
	"encoding/binary"
	"errors"
	"hash"
	"sync"
)

// Size is the length of a CRC-32 in bytes.
const Size = 4

// Well-known polynomials, in reversed bit order.
const (
	// IEEE is the polynomial of Ethernet, zip, PNG and most other uses.
	IEEE = 0xedb88320

	// Castagnoli's polynomial (iSCSI, ext4).
	Castagnoli = 0x82f63b78

	// Koopman's polynomial.
	Koopman = 0xeb31d82e
)

// Table holds the CRC of every byte value for one polynomial.
type Table [256]uint32

// IEEETable is the Table of IEEE; MakeTable(IEEE) returns this pointer.
var IEEETable = tableFor(IEEE)

var (
	castagnoliOnce sync.Once
	castagnoliTab  *Table
)

// tableFor computes the Table of a reversed polynomial: entry b is the
// remainder of b shifted through eight steps of polynomial division.
func tableFor(poly uint32) *Table {
	t := new(Table)
	for b := range t {
		rem := uint32(b)
		for step := 0; step < 8; step++ {
			carry := rem & 1
			rem >>= 1
			if carry != 0 {
				rem ^= poly
			}
		}
		t[b] = rem
	}
	return t
}

// MakeTable returns the Table of poly; the IEEE and Castagnoli tables are
// shared, so callers must not change the result.
func MakeTable(poly uint32) *Table {
	if poly == IEEE {
		return IEEETable
	}
	if poly != Castagnoli {
		return tableFor(poly)
	}
	castagnoliOnce.Do(func() { castagnoliTab = tableFor(Castagnoli) })
	return castagnoliTab
}

// digest is the hash.Hash32 of a running checksum.
type digest struct {
	crc uint32
	tab *Table
}

// New returns a hash.Hash32 computing the CRC-32 of tab's polynomial.
func New(tab *Table) hash.Hash32 { return &digest{tab: tab} }

// NewIEEE returns a hash.Hash32 computing the IEEE CRC-32.
func NewIEEE() hash.Hash32 { return New(IEEETable) }

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return 1 }

func (d *digest) Reset() { d.crc = 0 }

// The marshaled state: magic, a checksum of the table, the CRC so far.
const (
	magic         = "crc\x01"
	marshaledSize = len(magic) + 4 + 4
)

func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, magic...)
	b = binary.BigEndian.AppendUint32(b, tableCheck(d.tab))
	return binary.BigEndian.AppendUint32(b, d.crc), nil
}

func (d *digest) MarshalBinary() ([]byte, error) {
	state := make([]byte, 0, marshaledSize)
	return d.AppendBinary(state)
}

func (d *digest) UnmarshalBinary(b []byte) error {
	switch {
	case len(b) < len(magic) || string(b[:len(magic)]) != magic:
		return errors.New("hash/crc32: invalid hash state identifier")
	case len(b) != marshaledSize:
		return errors.New("hash/crc32: invalid hash state size")
	case binary.BigEndian.Uint32(b[4:]) != tableCheck(d.tab):
		return errors.New("hash/crc32: tables do not match")
	}
	d.crc = binary.BigEndian.Uint32(b[8:])
	return nil
}

func (d *digest) Clone() (hash.Cloner, error) {
	twin := *d
	return &twin, nil
}

// update extends crc over p one byte at a time with tab (the register is
// kept inverted while running, as the CRC-32 definition requires). Native.
func update(crc uint32, tab *Table, p []byte) uint32

// Update returns crc extended over p with tab's polynomial.
func Update(crc uint32, tab *Table, p []byte) uint32 { return update(crc, tab, p) }

func (d *digest) Write(p []byte) (n int, err error) {
	d.crc = update(d.crc, d.tab, p)
	return len(p), nil
}

func (d *digest) Sum32() uint32 { return d.crc }

func (d *digest) Sum(in []byte) []byte {
	return binary.BigEndian.AppendUint32(in, d.crc)
}

// Checksum returns the CRC-32 of data with tab's polynomial.
func Checksum(data []byte, tab *Table) uint32 { return Update(0, tab, data) }

// ChecksumIEEE returns the IEEE CRC-32 of data.
func ChecksumIEEE(data []byte) uint32 { return update(0, IEEETable, data) }

// tableCheck is the IEEE CRC of t's words written big-endian (of nothing for
// a nil table); marshaled states carry it to detect a table mismatch.
func tableCheck(t *Table) uint32 {
	var words []byte
	if t != nil {
		words = make([]byte, 0, 4*len(t))
		for _, w := range t {
			words = binary.BigEndian.AppendUint32(words, w)
		}
	}
	return ChecksumIEEE(words)
}
