package tests

import (
	"fmt"
	"math/rand/v2"
	"testing"

	xr2 "difftest/x/math/rand/v2"
)

func TestRandV2(t *testing.T) {
	for _, seed := range [][2]uint64{{0, 0}, {1, 2}, {42, 1 << 63}, {^uint64(0), 7}} {
		a := xr2.New(xr2.NewPCG(seed[0], seed[1]))
		b := rand.New(rand.NewPCG(seed[0], seed[1]))
		for i := 0; i < 4000; i++ {
			id := fmt.Sprint("seed ", seed, " step ", i)
			n := uint64(i%1000 + 1)
			switch i % 19 {
			case 0:
				same(t, "Uint64 "+id, a.Uint64(), b.Uint64())
			case 1:
				same(t, "Int64 "+id, a.Int64(), b.Int64())
			case 2:
				same(t, "Uint32 "+id, a.Uint32(), b.Uint32())
			case 3:
				same(t, "Int32 "+id, a.Int32(), b.Int32())
			case 4:
				same(t, "Int "+id, a.Int(), b.Int())
			case 5:
				same(t, "Uint "+id, a.Uint(), b.Uint())
			case 6:
				same(t, "Int64N "+id, a.Int64N(int64(n)*1e12+1), b.Int64N(int64(n)*1e12+1))
			case 7:
				same(t, "Uint64N "+id, a.Uint64N(n*3), b.Uint64N(n*3))
			case 8:
				same(t, "Int32N "+id, a.Int32N(int32(n)), b.Int32N(int32(n)))
			case 9:
				same(t, "Uint32N "+id, a.Uint32N(uint32(n)+7), b.Uint32N(uint32(n)+7))
			case 10:
				same(t, "IntN "+id, a.IntN(int(n)), b.IntN(int(n)))
			case 11:
				same(t, "UintN "+id, a.UintN(uint(n)), b.UintN(uint(n)))
			case 12:
				same(t, "Float64 "+id, a.Float64(), b.Float64())
			case 13:
				same(t, "Float32 "+id, a.Float32(), b.Float32())
			case 14:
				same(t, "Perm "+id, a.Perm(int(n%20)), b.Perm(int(n%20)))
			case 15:
				s1, s2 := make([]int, n%30), make([]int, n%30)
				for k := range s1 {
					s1[k], s2[k] = k, k
				}
				a.Shuffle(len(s1), func(i, j int) { s1[i], s1[j] = s1[j], s1[i] })
				b.Shuffle(len(s2), func(i, j int) { s2[i], s2[j] = s2[j], s2[i] })
				same(t, "Shuffle "+id, s1, s2)
			case 16:
				same(t, "NormFloat64 "+id, a.NormFloat64(), b.NormFloat64())
			case 17:
				same(t, "ExpFloat64 "+id, a.ExpFloat64(), b.ExpFloat64())
			case 18:
				same(t, "N "+id, a.N(int16(n%300+1)), b.N(int16(n%300+1)))
			}
		}
	}
	p1, p2 := xr2.NewPCG(5, 6), rand.NewPCG(5, 6)
	m1, _ := p1.MarshalBinary()
	m2, _ := p2.MarshalBinary()
	same(t, "PCG Marshal", m1, m2)
	q1 := new(xr2.PCG)
	same(t, "PCG Unmarshal", []any{errStr(q1.UnmarshalBinary(m2)), q1.Uint64()}, []any{"<nil>", rand.NewPCG(5, 6).Uint64()})
	same(t, "PCG Unmarshal bad", errStr(q1.UnmarshalBinary([]byte("x"))), errStr(rand.NewPCG(0, 0).UnmarshalBinary([]byte("x"))))
	z1 := xr2.NewZipf(xr2.New(xr2.NewPCG(3, 4)), 2, 3, 500)
	z2 := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 2, 3, 500)
	for i := 0; i < 5000; i++ {
		same(t, "Zipf", z1.Uint64(), z2.Uint64())
	}
	a, b := xr2.New(xr2.NewPCG(9, 9)), rand.New(rand.NewPCG(9, 9))
	for i := 0; i < 100000; i++ {
		if x, y := a.NormFloat64(), b.NormFloat64(); x != y {
			t.Fatalf("NormFloat64 #%d", i)
		}
		if x, y := a.Uint32N(uint32(i%7919+1)), b.Uint32N(uint32(i%7919+1)); x != y {
			t.Fatalf("Uint32N #%d", i)
		}
	}
	samePanic(t, "IntN 0", func() any { return a.IntN(0) }, func() any { return b.IntN(0) })
	samePanic(t, "N 0", func() any { return xr2.N(0) }, func() any { return rand.N(0) })
}
