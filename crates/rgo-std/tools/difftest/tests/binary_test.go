package tests

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand"
	"testing"

	xbin "difftest/x/encoding/binary"
)

type binStruct struct {
	A int8
	B uint16
	C int32
	_ [3]byte
	D float64
	E [2]complex64
	F bool
	G struct{ X, Y uint8 }
	H []byte `json:"-"`
}

type fixedStruct struct {
	A int8
	B uint16
	C int32
	_ [3]byte
	D float64
	E [2]complex64
	F bool
	G struct{ X, Y uint8 }
}

func TestBinary(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	orders := []struct {
		x xbin.ByteOrder
		g binary.ByteOrder
	}{{xbin.LittleEndian, binary.LittleEndian}, {xbin.BigEndian, binary.BigEndian}, {xbin.NativeEndian, binary.NativeEndian}}
	for i := 0; i < 300; i++ {
		u := r.Uint64() >> uint(r.Intn(64))
		s := int64(u) * int64(1-2*r.Intn(2))
		buf1, buf2 := make([]byte, 10), make([]byte, 10)
		same(t, "PutUvarint", []any{xbin.PutUvarint(buf1, u), buf1}, []any{binary.PutUvarint(buf2, u), buf2})
		same(t, "PutVarint", []any{xbin.PutVarint(buf1, s), buf1}, []any{binary.PutVarint(buf2, s), buf2})
		same(t, "AppendUvarint", xbin.AppendUvarint(nil, u), binary.AppendUvarint(nil, u))
		same(t, "AppendVarint", xbin.AppendVarint([]byte{1}, s), binary.AppendVarint([]byte{1}, s))
		raw := make([]byte, r.Intn(12))
		r.Read(raw)
		for k := range raw {
			if r.Intn(3) > 0 {
				raw[k] |= 0x80
			}
		}
		a1, n1 := xbin.Uvarint(raw)
		a2, n2 := binary.Uvarint(raw)
		same(t, "Uvarint", []any{a1, n1}, []any{a2, n2})
		b1, m1 := xbin.Varint(raw)
		b2, m2 := binary.Varint(raw)
		same(t, "Varint", []any{b1, m1}, []any{b2, m2})
		c1, e1 := xbin.ReadUvarint(xbyteReader{bytes.NewReader(raw)})
		c2, e2 := binary.ReadUvarint(bytes.NewReader(raw))
		same(t, "ReadUvarint", []any{c1, errStr(e1)}, []any{c2, errStr(e2)})
		for _, o := range orders {
			b := make([]byte, 8)
			r.Read(b)
			same(t, "Uint16/32/64 "+o.g.String(), []any{o.x.Uint16(b), o.x.Uint32(b), o.x.Uint64(b), o.x.String()}, []any{o.g.Uint16(b), o.g.Uint32(b), o.g.Uint64(b), o.g.String()})
			p1, p2 := make([]byte, 8), make([]byte, 8)
			o.x.PutUint64(p1, u)
			o.g.PutUint64(p2, u)
			same(t, "PutUint64", p1, p2)
			o.x.PutUint32(p1, uint32(u))
			o.g.PutUint32(p2, uint32(u))
			same(t, "PutUint32", p1, p2)
			o.x.PutUint16(p1, uint16(u))
			o.g.PutUint16(p2, uint16(u))
			same(t, "PutUint16", p1, p2)
			same(t, "Append", o.x.(xbin.AppendByteOrder).AppendUint64(nil, u), o.g.(binary.AppendByteOrder).AppendUint64(nil, u))
			v := fixedStruct{A: int8(u), B: uint16(u >> 8), C: int32(u >> 16), D: math.Float64frombits(u), E: [2]complex64{complex(1.5, float32(s)), 3}, F: u&1 == 1, G: struct{ X, Y uint8 }{1, 2}}
			var w1, w2 bytes.Buffer
			same(t, "Write", errStr(xbin.Write(&w1, o.x, &v)), errStr(binary.Write(&w2, o.g, &v)))
			same(t, "Write bytes", w1.Bytes(), w2.Bytes())
			var r1, r2 fixedStruct
			enc := w2.Bytes()
			for cut := 0; cut <= len(enc); cut += 7 {
				e1 := xbin.Read(xrd{bytes.NewReader(enc[:cut])}, o.x, &r1)
				e2 := binary.Read(bytes.NewReader(enc[:cut]), o.g, &r2)
				same(t, fmt.Sprint("Read cut ", cut), []any{errStr(e1), fmt.Sprint(r1)}, []any{errStr(e2), fmt.Sprint(r2)})
			}
			sl := []int16{int16(u), -1, 7}
			a1, f1 := xbin.Append([]byte{9}, o.x, sl)
			a2, f2 := binary.Append([]byte{9}, o.g, sl)
			same(t, "Append slice", []any{a1, errStr(f1)}, []any{a2, errStr(f2)})
			out1, out2 := make([]int16, 3), make([]int16, 3)
			d1, g1 := xbin.Decode(a1[1:], o.x, out1)
			d2, g2 := binary.Decode(a2[1:], o.g, out2)
			same(t, "Decode slice", []any{d1, errStr(g1), out1}, []any{d2, errStr(g2), out2})
			n1, h1 := xbin.Encode(make([]byte, 3), o.x, sl)
			n2, h2 := binary.Encode(make([]byte, 3), o.g, sl)
			same(t, "Encode small", []any{n1, errStr(h1)}, []any{n2, errStr(h2)})
		}
	}
	samePanic(t, "Write nil", func() any { return xbin.Write(new(bytes.Buffer), xbin.LittleEndian, nil) }, func() any { return binary.Write(new(bytes.Buffer), binary.LittleEndian, nil) })
	same(t, "Size nil", xbin.Size(nil), binary.Size(nil))
	for _, v := range []any{1, int8(1), []int{1}, []int8{1, 2}, fixedStruct{}, &fixedStruct{}, binStruct{}, "s", [3]uint16{}, true, []bool{true}, complex64(1), struct{ p *int }{}} {
		same(t, fmt.Sprintf("Size %T", v), xbin.Size(v), binary.Size(v))
		var w1, w2 bytes.Buffer
		e1 := xbin.Write(&w1, xbin.LittleEndian, v)
		e2 := binary.Write(&w2, binary.LittleEndian, v)
		same(t, fmt.Sprintf("Write %T", v), []any{errStr(e1), w1.Bytes()}, []any{errStr(e2), w2.Bytes()})
	}
	var x int
	same(t, "Read invalid", errStr(xbin.Read(xrd{bytes.NewReader(nil)}, xbin.BigEndian, &x)), errStr(binary.Read(bytes.NewReader(nil), binary.BigEndian, &x)))
	same(t, "Read non-pointer", errStr(xbin.Read(xrd{bytes.NewReader(nil)}, xbin.BigEndian, x)), errStr(binary.Read(bytes.NewReader(nil), binary.BigEndian, x)))
}

// xbyteReader maps the real io.EOF of a ByteReader to ours.
type xbyteReader struct{ r *bytes.Reader }

func (x xbyteReader) ReadByte() (byte, error) {
	b, err := x.r.ReadByte()
	return b, xEOF(err)
}
