package tests

import (
	"fmt"
	"math/bits"
	"math/rand"
	"testing"

	xbits "difftest/x/math/bits"
)

func bitSamples() []uint64 {
	v := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0x8000, 0xffff, 1 << 31, 1<<32 - 1, 1 << 32, 1 << 63, 1<<64 - 1, 0x0123456789abcdef}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 300; i++ {
		v = append(v, r.Uint64()>>uint(r.Intn(64)))
	}
	return v
}

func TestBits(t *testing.T) {
	vs := bitSamples()
	for _, x := range vs {
		id := fmt.Sprint(x)
		same(t, "LeadingZeros64 "+id, xbits.LeadingZeros64(x), bits.LeadingZeros64(x))
		same(t, "LeadingZeros32 "+id, xbits.LeadingZeros32(uint32(x)), bits.LeadingZeros32(uint32(x)))
		same(t, "LeadingZeros16 "+id, xbits.LeadingZeros16(uint16(x)), bits.LeadingZeros16(uint16(x)))
		same(t, "LeadingZeros8 "+id, xbits.LeadingZeros8(uint8(x)), bits.LeadingZeros8(uint8(x)))
		same(t, "LeadingZeros "+id, xbits.LeadingZeros(uint(x)), bits.LeadingZeros(uint(x)))
		same(t, "TrailingZeros64 "+id, xbits.TrailingZeros64(x), bits.TrailingZeros64(x))
		same(t, "TrailingZeros32 "+id, xbits.TrailingZeros32(uint32(x)), bits.TrailingZeros32(uint32(x)))
		same(t, "TrailingZeros16 "+id, xbits.TrailingZeros16(uint16(x)), bits.TrailingZeros16(uint16(x)))
		same(t, "TrailingZeros8 "+id, xbits.TrailingZeros8(uint8(x)), bits.TrailingZeros8(uint8(x)))
		same(t, "TrailingZeros "+id, xbits.TrailingZeros(uint(x)), bits.TrailingZeros(uint(x)))
		same(t, "OnesCount64 "+id, xbits.OnesCount64(x), bits.OnesCount64(x))
		same(t, "OnesCount8 "+id, xbits.OnesCount8(uint8(x)), bits.OnesCount8(uint8(x)))
		same(t, "Len64 "+id, xbits.Len64(x), bits.Len64(x))
		same(t, "Len8 "+id, xbits.Len8(uint8(x)), bits.Len8(uint8(x)))
		same(t, "Len16 "+id, xbits.Len16(uint16(x)), bits.Len16(uint16(x)))
		same(t, "Len32 "+id, xbits.Len32(uint32(x)), bits.Len32(uint32(x)))
		same(t, "Reverse64 "+id, xbits.Reverse64(x), bits.Reverse64(x))
		same(t, "Reverse32 "+id, xbits.Reverse32(uint32(x)), bits.Reverse32(uint32(x)))
		same(t, "Reverse16 "+id, xbits.Reverse16(uint16(x)), bits.Reverse16(uint16(x)))
		same(t, "Reverse8 "+id, xbits.Reverse8(uint8(x)), bits.Reverse8(uint8(x)))
		same(t, "Reverse "+id, xbits.Reverse(uint(x)), bits.Reverse(uint(x)))
		same(t, "ReverseBytes64 "+id, xbits.ReverseBytes64(x), bits.ReverseBytes64(x))
		same(t, "ReverseBytes32 "+id, xbits.ReverseBytes32(uint32(x)), bits.ReverseBytes32(uint32(x)))
		same(t, "ReverseBytes16 "+id, xbits.ReverseBytes16(uint16(x)), bits.ReverseBytes16(uint16(x)))
		for _, k := range []int{-65, -64, -9, -1, 0, 1, 7, 8, 31, 33, 64, 100} {
			same(t, "RotateLeft64", xbits.RotateLeft64(x, k), bits.RotateLeft64(x, k))
			same(t, "RotateLeft32", xbits.RotateLeft32(uint32(x), k), bits.RotateLeft32(uint32(x), k))
			same(t, "RotateLeft16", xbits.RotateLeft16(uint16(x), k), bits.RotateLeft16(uint16(x), k))
			same(t, "RotateLeft8", xbits.RotateLeft8(uint8(x), k), bits.RotateLeft8(uint8(x), k))
			same(t, "RotateLeft", xbits.RotateLeft(uint(x), k), bits.RotateLeft(uint(x), k))
		}
	}
	for i, x := range vs {
		for _, y := range vs[:60] {
			for c := uint64(0); c < 2; c++ {
				s1, c1 := xbits.Add64(x, y, c)
				s2, c2 := bits.Add64(x, y, c)
				same(t, "Add64", []uint64{s1, c1}, []uint64{s2, c2})
				d1, b1 := xbits.Sub64(x, y, c)
				d2, b2 := bits.Sub64(x, y, c)
				same(t, "Sub64", []uint64{d1, b1}, []uint64{d2, b2})
				e1, f1 := xbits.Add32(uint32(x), uint32(y), uint32(c))
				e2, f2 := bits.Add32(uint32(x), uint32(y), uint32(c))
				same(t, "Add32", []uint32{e1, f1}, []uint32{e2, f2})
				g1, h1 := xbits.Sub32(uint32(x), uint32(y), uint32(c))
				g2, h2 := bits.Sub32(uint32(x), uint32(y), uint32(c))
				same(t, "Sub32", []uint32{g1, h1}, []uint32{g2, h2})
			}
			h1, l1 := xbits.Mul64(x, y)
			h2, l2 := bits.Mul64(x, y)
			same(t, "Mul64", []uint64{h1, l1}, []uint64{h2, l2})
			m1, n1 := xbits.Mul32(uint32(x), uint32(y))
			m2, n2 := bits.Mul32(uint32(x), uint32(y))
			same(t, "Mul32", []uint32{m1, n1}, []uint32{m2, n2})
			z := vs[(i+7)%len(vs)]
			samePanic(t, fmt.Sprint("Div64 ", x, y, z), func() any { q, r := xbits.Div64(x, y, z); return []uint64{q, r} },
				func() any { q, r := bits.Div64(x, y, z); return []uint64{q, r} })
			samePanic(t, "Rem64", func() any { return xbits.Rem64(x, y, z) }, func() any { return bits.Rem64(x, y, z) })
			samePanic(t, "Div32", func() any { q, r := xbits.Div32(uint32(x), uint32(y), uint32(z)); return []uint32{q, r} },
				func() any { q, r := bits.Div32(uint32(x), uint32(y), uint32(z)); return []uint32{q, r} })
			samePanic(t, "Rem32", func() any { return xbits.Rem32(uint32(x), uint32(y), uint32(z)) }, func() any { return bits.Rem32(uint32(x), uint32(y), uint32(z)) })
		}
	}
}
