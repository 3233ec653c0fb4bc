package time

import "errors"

// The binary form of a Time (encoding.BinaryMarshaler, gob):
//
//	[0]      format: 1, or 2 when the zone offset has a seconds part
//	[1:9]    seconds since January 1 of year 1, big-endian
//	[9:13]   nanoseconds, big-endian
//	[13:15]  zone offset in minutes east of UTC, big-endian; -1 means UTC
//	[15]     (format 2 only) the seconds part of the zone offset
const (
	binaryMinutes = 1 // the usual format
	binarySeconds = 2 // zone offsets that are not whole minutes (LMT)
)

// binaryError is the error of Time's binary method `method`.
func binaryError(method, why string) error {
	return errors.New("Time." + method + ": " + why)
}

// putBigEndian appends the low n bytes of v, most significant first.
func putBigEndian(b []byte, v uint64, n int) []byte {
	for shift := 8 * (n - 1); shift >= 0; shift -= 8 {
		b = append(b, byte(v>>uint(shift)))
	}
	return b
}

// bigEndian reads b as an unsigned big-endian number.
func bigEndian(b []byte) uint64 {
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	return v
}

// AppendBinary appends t's binary form to b (encoding.BinaryAppender).
func (t Time) AppendBinary(b []byte) ([]byte, error) {
	format := byte(binaryMinutes)
	minutes, extra := -1, 0
	if t.Location() != UTC {
		_, east := t.Zone()
		extra = east % 60
		if extra != 0 {
			format = binarySeconds
		}
		minutes = east / 60
		if minutes == -1 || minutes < -1<<15 || minutes >= 1<<15 {
			return b, binaryError("MarshalBinary", "unexpected zone offset")
		}
	}
	b = append(b, format)
	b = putBigEndian(b, uint64(t.sec()), 8)
	b = putBigEndian(b, uint64(t.nsec()), 4)
	b = putBigEndian(b, uint64(minutes), 2)
	if format == binarySeconds {
		b = append(b, byte(int8(extra)))
	}
	return b, nil
}

// MarshalBinary returns t's binary form (encoding.BinaryMarshaler).
func (t Time) MarshalBinary() ([]byte, error) {
	enc, err := t.AppendBinary(nil)
	if err != nil {
		enc = nil
	}
	return enc, err
}

// UnmarshalBinary sets t from a binary form made by MarshalBinary
// (encoding.BinaryUnmarshaler). The zone becomes UTC, Local when the
// offset is Local's at that instant, or else a fixed unnamed zone.
func (t *Time) UnmarshalBinary(data []byte) error {
	if len(data) == 0 {
		return binaryError("UnmarshalBinary", "no data")
	}
	format := data[0]
	size := 15
	switch format {
	case binaryMinutes:
	case binarySeconds:
		size++
	default:
		return binaryError("UnmarshalBinary", "unsupported version")
	}
	if len(data) != size {
		return binaryError("UnmarshalBinary", "invalid length")
	}
	sec := int64(bigEndian(data[1:9]))
	nsec := int32(bigEndian(data[9:13]))
	east := int(int16(bigEndian(data[13:15]))) * 60
	if format == binarySeconds {
		east += int(int8(data[15]))
	}
	*t = Time{wall: uint64(nsec), ext: sec}
	if east == -60 {
		t.setLoc(&utcLoc)
		return nil
	}
	if _, local, _, _, _ := Local.lookup(t.unixSec()); local == east {
		t.setLoc(Local)
	} else {
		t.setLoc(FixedZone("", east))
	}
	return nil
}

// GobEncode is MarshalBinary, for encoding/gob.
func (t Time) GobEncode() ([]byte, error) { return t.MarshalBinary() }

// GobDecode is UnmarshalBinary, for encoding/gob.
func (t *Time) GobDecode(data []byte) error { return t.UnmarshalBinary(data) }
