// Message digests (crypto/md5, sha1, sha256, sha512 and their variants)
// over inputs around every padding boundary, streamed and one-shot, with
// marshaled states; HMAC; crypto/subtle; crypto/rand's shapes.
package main

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding"
	"fmt"
	"hash"
	"strings"
)

func input(n int) []byte {
	b := make([]byte, n)
	x := uint64(88172645463325252)
	for i := range b {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		b[i] = byte(x >> 24)
	}
	return b
}

type algo struct {
	name string
	new  func() hash.Hash
	sum  func([]byte) []byte
}

var algos = []algo{
	{"md5", md5.New, func(p []byte) []byte { s := md5.Sum(p); return s[:] }},
	{"sha1", sha1.New, func(p []byte) []byte { s := sha1.Sum(p); return s[:] }},
	{"sha224", sha256.New224, func(p []byte) []byte { s := sha256.Sum224(p); return s[:] }},
	{"sha256", sha256.New, func(p []byte) []byte { s := sha256.Sum256(p); return s[:] }},
	{"sha384", sha512.New384, func(p []byte) []byte { s := sha512.Sum384(p); return s[:] }},
	{"sha512", sha512.New, func(p []byte) []byte { s := sha512.Sum512(p); return s[:] }},
	{"sha512/224", sha512.New512_224, func(p []byte) []byte { s := sha512.Sum512_224(p); return s[:] }},
	{"sha512/256", sha512.New512_256, func(p []byte) []byte { s := sha512.Sum512_256(p); return s[:] }},
}

func main() {
	fmt.Println(md5.Size, md5.BlockSize, sha1.Size, sha1.BlockSize, sha256.Size, sha256.Size224, sha256.BlockSize,
		sha512.Size, sha512.Size224, sha512.Size256, sha512.Size384, sha512.BlockSize)
	lengths := []int{0, 1, 3, 55, 56, 57, 63, 64, 65, 111, 112, 113, 127, 128, 129, 200, 1000, 4099}
	for _, a := range algos {
		h := a.new()
		fmt.Printf("%s size=%d block=%d\n", a.name, h.Size(), h.BlockSize())
		for _, n := range lengths {
			p := input(n)
			one := a.sum(p)
			h.Reset()
			for k := 1; len(p) > 0; k += 7 {
				c := min(k, len(p))
				h.Write(p[:c])
				p = p[c:]
			}
			got := h.Sum([]byte{0xAA})
			fmt.Printf("  %4d %x %v\n", n, one, fmt.Sprintf("%x", got[1:]) == fmt.Sprintf("%x", one) && got[0] == 0xAA)
		}
		// Sum does not disturb the running state.
		h.Reset()
		h.Write([]byte("abc"))
		first := h.Sum(nil)
		h.Write([]byte("def"))
		fmt.Printf("  abc %x\n  abcdef %x\n", first, h.Sum(nil))

		// Marshaled states resume.
		h.Reset()
		h.Write(input(150))
		st, err := h.(encoding.BinaryMarshaler).MarshalBinary()
		fmt.Printf("  state %d %x %v\n", len(st), st, err)
		h.Write([]byte("tail"))
		want := h.Sum(nil)
		g := a.new()
		fmt.Println("  unmarshal", g.(encoding.BinaryUnmarshaler).UnmarshalBinary(st))
		g.Write([]byte("tail"))
		fmt.Printf("  resumed %v\n", fmt.Sprint(g.Sum(nil)) == fmt.Sprint(want))
		fmt.Println("  bad magic:", g.(encoding.BinaryUnmarshaler).UnmarshalBinary([]byte("nope")))
		fmt.Println("  bad size:", g.(encoding.BinaryUnmarshaler).UnmarshalBinary(st[:len(st)-3]))
	}
	// The state identifiers tell the variants apart.
	st, _ := sha256.New224().(encoding.BinaryMarshaler).MarshalBinary()
	fmt.Println(sha256.New().(encoding.BinaryUnmarshaler).UnmarshalBinary(st))
	st, _ = sha512.New384().(encoding.BinaryMarshaler).MarshalBinary()
	fmt.Println(sha512.New().(encoding.BinaryUnmarshaler).UnmarshalBinary(st))

	// One million 'a's (a classic test vector), written 1000 at a time.
	h := sha1.New()
	chunk := []byte(strings.Repeat("a", 1000))
	for i := 0; i < 1000; i++ {
		h.Write(chunk)
	}
	fmt.Printf("sha1 million a: %x\n", h.Sum(nil))

	// HMAC with short and long keys.
	for _, key := range [][]byte{[]byte("key"), input(64), input(200)} {
		for _, a := range algos {
			m := hmac.New(a.new, key)
			m.Write([]byte("The quick brown fox jumps over the lazy dog"))
			s1 := m.Sum(nil)
			m.Reset()
			m.Write([]byte("The quick brown fox "))
			m.Write([]byte("jumps over the lazy dog"))
			s2 := m.Sum([]byte("x"))
			fmt.Printf("hmac %s %d %d/%d %x %v %v\n", a.name, len(key), m.Size(), m.BlockSize(), s1,
				hmac.Equal(s1, s2[1:]), hmac.Equal(s1, s2))
		}
	}

	// crypto/subtle.
	fmt.Println(subtle.ConstantTimeCompare([]byte("abc"), []byte("abc")),
		subtle.ConstantTimeCompare([]byte("abc"), []byte("abd")),
		subtle.ConstantTimeCompare([]byte("abc"), []byte("ab")),
		subtle.ConstantTimeCompare(nil, []byte{}))
	fmt.Println(subtle.ConstantTimeByteEq(7, 7), subtle.ConstantTimeByteEq(7, 8),
		subtle.ConstantTimeEq(-5, -5), subtle.ConstantTimeEq(1<<31-1, -1<<31),
		subtle.ConstantTimeSelect(1, 10, 20), subtle.ConstantTimeSelect(0, 10, 20))
	for _, xy := range [][2]int{{0, 0}, {1, 2}, {2, 1}, {5, 5}, {0, 1<<31 - 1}, {1<<31 - 1, 0}} {
		fmt.Print(subtle.ConstantTimeLessOrEq(xy[0], xy[1]), " ")
	}
	fmt.Println()
	dst := []byte("......")
	subtle.ConstantTimeCopy(1, dst[:3], []byte("abc"))
	subtle.ConstantTimeCopy(0, dst[3:], []byte("xyz"))
	fmt.Printf("%q\n", dst)
	out := make([]byte, 8)
	n := subtle.XORBytes(out, []byte{1, 2, 3, 4, 5}, []byte{0xff, 0xf0, 0x0f})
	fmt.Println(n, out)
	buf := []byte{1, 2, 3, 4}
	fmt.Println(subtle.XORBytes(buf, buf, []byte{1, 1, 1, 1}), buf)
	subtle.WithDataIndependentTiming(func() { fmt.Println("in f") })
	try := func(name string, f func()) {
		defer func() { fmt.Println(name, "panic:", recover()) }()
		f()
	}
	try("short", func() { subtle.XORBytes(make([]byte, 2), []byte{1, 2, 3}, []byte{1, 2, 3}) })
	try("overlap", func() { subtle.XORBytes(buf[1:], buf[:3], buf[:3]) })
	try("copy", func() { subtle.ConstantTimeCopy(1, make([]byte, 2), make([]byte, 3)) })

	// crypto/rand: shapes only (the bytes are random).
	r := make([]byte, 100)
	n, err := rand.Read(r)
	zero := 0
	for _, c := range r {
		if c == 0 {
			zero++
		}
	}
	fmt.Println(n, err, zero < 10)
	t1, t2 := rand.Text(), rand.Text()
	ok := len(t1) == 26 && t1 != t2
	for _, c := range t1 + t2 {
		ok = ok && strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", c)
	}
	fmt.Println("text", ok)
	n, err = rand.Reader.Read(make([]byte, 7))
	fmt.Println(n, err)
}
