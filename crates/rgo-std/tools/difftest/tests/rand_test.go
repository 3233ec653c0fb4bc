package tests

import (
	"fmt"
	"math/rand"
	"testing"

	xrand "difftest/x/math/rand"
)

func TestRandSequences(t *testing.T) {
	for _, seed := range []int64{0, 1, -1, 42, 1 << 40, -1 << 63, 2147483647, 89482311} {
		a := xrand.New(xrand.NewSource(seed))
		b := rand.New(rand.NewSource(seed))
		for i := 0; i < 3000; i++ {
			id := fmt.Sprint("seed ", seed, " step ", i)
			n := i%97 + 1
			switch i % 17 {
			case 0:
				same(t, "Int63 "+id, a.Int63(), b.Int63())
			case 1:
				same(t, "Uint32 "+id, a.Uint32(), b.Uint32())
			case 2:
				same(t, "Uint64 "+id, a.Uint64(), b.Uint64())
			case 3:
				same(t, "Int31 "+id, a.Int31(), b.Int31())
			case 4:
				same(t, "Int "+id, a.Int(), b.Int())
			case 5:
				same(t, "Int63n "+id, a.Int63n(int64(n)*1e15+3), b.Int63n(int64(n)*1e15+3))
			case 6:
				same(t, "Int31n "+id, a.Int31n(int32(n)), b.Int31n(int32(n)))
			case 7:
				same(t, "Intn "+id, a.Intn(n), b.Intn(n))
			case 8:
				same(t, "Intn big "+id, a.Intn(1<<40+n), b.Intn(1<<40+n))
			case 9:
				same(t, "Float64 "+id, a.Float64(), b.Float64())
			case 10:
				same(t, "Float32 "+id, a.Float32(), b.Float32())
			case 11:
				same(t, "Perm "+id, a.Perm(n%20), b.Perm(n%20))
			case 12:
				s1, s2 := make([]int, n), make([]int, n)
				for k := range s1 {
					s1[k], s2[k] = k, k
				}
				a.Shuffle(n, func(i, j int) { s1[i], s1[j] = s1[j], s1[i] })
				b.Shuffle(n, func(i, j int) { s2[i], s2[j] = s2[j], s2[i] })
				same(t, "Shuffle "+id, s1, s2)
			case 13:
				p1, p2 := make([]byte, n%13), make([]byte, n%13)
				a.Read(p1)
				b.Read(p2)
				same(t, "Read "+id, p1, p2)
			case 14:
				same(t, "NormFloat64 "+id, a.NormFloat64(), b.NormFloat64())
			case 15:
				same(t, "ExpFloat64 "+id, a.ExpFloat64(), b.ExpFloat64())
			case 16:
				if i%170 == 16 {
					a.Seed(seed + int64(i))
					b.Seed(seed + int64(i))
				}
			}
		}
	}
	// Many normals/exponentials exercise the rare ziggurat paths.
	a, b := xrand.New(xrand.NewSource(7)), rand.New(rand.NewSource(7))
	for i := 0; i < 200000; i++ {
		if x, y := a.NormFloat64(), b.NormFloat64(); x != y {
			t.Fatalf("NormFloat64 #%d: %v vs %v", i, x, y)
		}
		if x, y := a.ExpFloat64(), b.ExpFloat64(); x != y {
			t.Fatalf("ExpFloat64 #%d: %v vs %v", i, x, y)
		}
	}
	z1 := xrand.NewZipf(xrand.New(xrand.NewSource(3)), 1.5, 2, 1000)
	z2 := rand.NewZipf(rand.New(rand.NewSource(3)), 1.5, 2, 1000)
	for i := 0; i < 10000; i++ {
		same(t, "Zipf", z1.Uint64(), z2.Uint64())
	}
	same(t, "Zipf bad", xrand.NewZipf(nil, 1, 1, 1) == nil, rand.NewZipf(nil, 1, 1, 1) == nil)
	samePanic(t, "Intn 0", func() any { return a.Intn(0) }, func() any { return b.Intn(0) })
	samePanic(t, "Int63n 0", func() any { return a.Int63n(-1) }, func() any { return b.Int63n(-1) })
	samePanic(t, "Shuffle neg", func() any { a.Shuffle(-1, nil); return nil }, func() any { b.Shuffle(-1, nil); return nil })
}
