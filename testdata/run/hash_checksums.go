// Checksums of hash/adler32, hash/crc32, hash/crc64 and hash/fnv over
// inputs of many lengths, one-shot and streamed, plus marshaled states.
package main

import (
	"encoding"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"hash/crc64"
	"hash/fnv"
)

func input(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

// streamed writes p in chunks of growing size.
func streamed(h hash.Hash, p []byte) []byte {
	h.Reset()
	for k := 1; len(p) > 0; k = k*2 + 1 {
		n := min(k, len(p))
		h.Write(p[:n])
		p = p[n:]
	}
	return h.Sum([]byte("pre"))
}

func marshal(name string, h hash.Hash, p []byte) {
	h.Reset()
	h.Write(p[:len(p)/2])
	st, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	fmt.Printf("%s state %x %v\n", name, st, err)
	h.Write(p[len(p)/2:])
	want := h.Sum(nil)
	h.Reset()
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(st); err != nil {
		fmt.Println(name, "unmarshal:", err)
	}
	h.Write(p[len(p)/2:])
	fmt.Printf("%s resumed %x %x\n", name, h.Sum(nil), want)
	fmt.Println(name, "bad magic:", h.(encoding.BinaryUnmarshaler).UnmarshalBinary([]byte("xyz\x01abcd")))
	fmt.Println(name, "bad size:", h.(encoding.BinaryUnmarshaler).UnmarshalBinary(st[:len(st)-1]))
	c, err := h.(hash.Cloner).Clone()
	c.Write([]byte("more"))
	fmt.Printf("%s clone %x %x %v\n", name, c.Sum(nil), h.Sum(nil), err)
}

func main() {
	lengths := []int{0, 1, 3, 4, 15, 16, 17, 100, 1000, 5552, 5553, 20000}
	koop := crc32.MakeTable(crc32.Koopman)
	cast := crc32.MakeTable(crc32.Castagnoli)
	for _, n := range lengths {
		p := input(n)
		fmt.Printf("n=%d adler=%08x crc32=%08x cast=%08x koop=%08x\n", n,
			adler32.Checksum(p), crc32.ChecksumIEEE(p), crc32.Checksum(p, cast), crc32.Checksum(p, koop))
		fmt.Printf("  iso=%016x ecma=%016x\n",
			crc64.Checksum(p, crc64.MakeTable(crc64.ISO)), crc64.Checksum(p, crc64.MakeTable(crc64.ECMA)))
		hs := []hash.Hash{adler32.New(), crc32.NewIEEE(), crc32.New(cast), crc64.New(crc64.MakeTable(crc64.ECMA)),
			fnv.New32(), fnv.New32a(), fnv.New64(), fnv.New64a(), fnv.New128(), fnv.New128a()}
		for _, h := range hs {
			fmt.Printf("  %d/%d %x\n", h.Size(), h.BlockSize(), streamed(h, p))
		}
	}
	// Update continues a checksum; custom polynomials make new tables.
	p := input(300)
	fmt.Println(crc32.Update(crc32.ChecksumIEEE(p[:100]), crc32.IEEETable, p[100:]) == crc32.ChecksumIEEE(p))
	fmt.Println(crc64.Update(crc64.Checksum(p[:7], crc64.MakeTable(crc64.ISO)), crc64.MakeTable(crc64.ISO), p[7:]) ==
		crc64.Checksum(p, crc64.MakeTable(crc64.ISO)))
	fmt.Println(crc32.MakeTable(crc32.IEEE) == crc32.IEEETable, crc64.MakeTable(crc64.ISO) == crc64.MakeTable(crc64.ISO))
	t := crc64.MakeTable(0x42F0E1EBA9EA3693)
	fmt.Printf("%x %x %x\n", t[1], t[255], crc64.Checksum([]byte("123456789"), t))
	t32 := crc32.MakeTable(0x04c11db7)
	fmt.Printf("%x %x\n", t32[128], crc32.Checksum([]byte("123456789"), t32))
	var h32 hash.Hash32 = adler32.New()
	h32.Write([]byte("Wikipedia"))
	fmt.Printf("%08x %d\n", h32.Sum32(), h32.Sum32())
	var h64 hash.Hash64 = crc64.New(crc64.MakeTable(crc64.ISO))
	h64.Write([]byte("hello"))
	fmt.Printf("%016x\n", h64.Sum64())

	marshal("adler32", adler32.New(), p)
	marshal("crc32", crc32.New(cast), p)
	marshal("crc64", crc64.New(crc64.MakeTable(crc64.ECMA)), p)
	other := crc64.New(crc64.MakeTable(crc64.ISO))
	st, _ := crc64.New(crc64.MakeTable(crc64.ECMA)).(encoding.BinaryMarshaler).MarshalBinary()
	fmt.Println(other.(encoding.BinaryUnmarshaler).UnmarshalBinary(st))
}
