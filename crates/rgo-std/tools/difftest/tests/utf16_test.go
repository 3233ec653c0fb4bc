package tests

import (
	"math/rand"
	"testing"
	"unicode/utf16"

	xu16 "difftest/x/unicode/utf16"
)

func TestUTF16(t *testing.T) {
	for _, r := range runeSamples {
		a1, b1 := xu16.EncodeRune(r)
		a2, b2 := utf16.EncodeRune(r)
		same(t, "EncodeRune", []rune{a1, b1}, []rune{a2, b2})
		same(t, "RuneLen", xu16.RuneLen(r), utf16.RuneLen(r))
		same(t, "IsSurrogate", xu16.IsSurrogate(r), utf16.IsSurrogate(r))
		same(t, "AppendRune", xu16.AppendRune([]uint16{1}, r), utf16.AppendRune([]uint16{1}, r))
		for _, r2 := range []rune{0xdc00, 0xdfff, 0xd800, 'a', 0xe000} {
			same(t, "DecodeRune", xu16.DecodeRune(r, r2), utf16.DecodeRune(r, r2))
		}
	}
	rnd := rand.New(rand.NewSource(12))
	words := []uint16{0, 'a', 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xffff}
	for i := 0; i < 5000; i++ {
		s := make([]uint16, rnd.Intn(8))
		for j := range s {
			s[j] = words[rnd.Intn(len(words))]
		}
		same(t, "Decode", xu16.Decode(s), utf16.Decode(s))
		rs := xu16.Decode(s)
		same(t, "Encode", xu16.Encode(rs), utf16.Encode(rs))
	}
	same(t, "Encode invalid", xu16.Encode([]rune{-1, 0xd800, 0x110000}), utf16.Encode([]rune{-1, 0xd800, 0x110000}))
}
