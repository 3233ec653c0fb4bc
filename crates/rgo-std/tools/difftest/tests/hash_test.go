package tests

import (
	"encoding"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"math/rand"
	"testing"

	xhash "difftest/x/hash"
	xcrc "difftest/x/hash/crc32"
	xfnv "difftest/x/hash/fnv"
)

func TestHashes(t *testing.T) {
	r := rand.New(rand.NewSource(16))
	type ctor struct {
		name string
		x    func() xhash.Hash
		g    func() hash.Hash
	}
	ctors := []ctor{
		{"fnv32", func() xhash.Hash { return xfnv.New32() }, func() hash.Hash { return fnv.New32() }},
		{"fnv32a", func() xhash.Hash { return xfnv.New32a() }, func() hash.Hash { return fnv.New32a() }},
		{"fnv64", func() xhash.Hash { return xfnv.New64() }, func() hash.Hash { return fnv.New64() }},
		{"fnv64a", func() xhash.Hash { return xfnv.New64a() }, func() hash.Hash { return fnv.New64a() }},
		{"fnv128", xfnv.New128, fnv.New128},
		{"fnv128a", xfnv.New128a, fnv.New128a},
		{"crc-ieee", func() xhash.Hash { return xcrc.NewIEEE() }, func() hash.Hash { return crc32.NewIEEE() }},
		{"crc-cast", func() xhash.Hash { return xcrc.New(xcrc.MakeTable(xcrc.Castagnoli)) }, func() hash.Hash { return crc32.New(crc32.MakeTable(crc32.Castagnoli)) }},
		{"crc-koop", func() xhash.Hash { return xcrc.New(xcrc.MakeTable(xcrc.Koopman)) }, func() hash.Hash { return crc32.New(crc32.MakeTable(crc32.Koopman)) }},
	}
	for _, c := range ctors {
		a, b := c.x(), c.g()
		for i := 0; i < 200; i++ {
			p := make([]byte, r.Intn(100))
			r.Read(p)
			a.Write(p)
			b.Write(p)
			same(t, "Sum "+c.name, a.Sum([]byte{1}), b.Sum([]byte{1}))
			if i%50 == 49 {
				a.Reset()
				b.Reset()
			}
		}
		same(t, "Size "+c.name, []int{a.Size(), a.BlockSize()}, []int{b.Size(), b.BlockSize()})
		if m, ok := b.(encoding.BinaryMarshaler); ok && c.name[:3] == "crc" {
			s2, _ := m.MarshalBinary()
			s1, _ := a.(encoding.BinaryMarshaler).MarshalBinary()
			same(t, "Marshal "+c.name, s1, s2)
			fresh := c.x()
			same(t, "Unmarshal "+c.name, errStr(fresh.(encoding.BinaryUnmarshaler).UnmarshalBinary(s2)), "<nil>")
			same(t, "after Unmarshal "+c.name, fresh.Sum(nil), b.Sum(nil))
			other := xcrc.New(xcrc.MakeTable(0x12345678))
			e1 := other.(encoding.BinaryUnmarshaler).UnmarshalBinary(s2)
			e2 := crc32.New(crc32.MakeTable(0x12345678)).(encoding.BinaryUnmarshaler).UnmarshalBinary(s2)
			same(t, "Unmarshal mismatch "+c.name, errStr(e1), errStr(e2))
		}
	}
	for i := 0; i < 100; i++ {
		p := make([]byte, i*3)
		r.Read(p)
		same(t, "ChecksumIEEE", xcrc.ChecksumIEEE(p), crc32.ChecksumIEEE(p))
		same(t, "Update", xcrc.Update(uint32(i), xcrc.MakeTable(xcrc.Castagnoli), p), crc32.Update(uint32(i), crc32.MakeTable(crc32.Castagnoli), p))
	}
	same(t, "IEEETable", [256]uint32(*xcrc.IEEETable), [256]uint32(*crc32.IEEETable))
}
