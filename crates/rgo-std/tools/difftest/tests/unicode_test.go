package tests

import (
	"testing"
	"unicode"
	"unicode/utf8"

	xu "difftest/x/unicode"
	xu8 "difftest/x/unicode/utf8"
)

func TestUnicodeAllRunes(t *testing.T) {
	bad := 0
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		got := [...]any{xu.IsLetter(r), xu.IsDigit(r), xu.IsNumber(r), xu.IsSpace(r), xu.IsUpper(r), xu.IsLower(r),
			xu.IsTitle(r), xu.IsPunct(r), xu.IsSymbol(r), xu.IsMark(r), xu.IsControl(r), xu.IsGraphic(r), xu.IsPrint(r),
			xu.ToUpper(r), xu.ToLower(r), xu.ToTitle(r), xu.SimpleFold(r), xu.TurkishCase.ToUpper(r), xu.TurkishCase.ToLower(r),
			xu8.RuneLen(r), xu8.ValidRune(r), string(xu8.AppendRune(nil, r))}
		want := [...]any{unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r),
			unicode.IsTitle(r), unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsMark(r), unicode.IsControl(r), unicode.IsGraphic(r), unicode.IsPrint(r),
			unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.SimpleFold(r), unicode.TurkishCase.ToUpper(r), unicode.TurkishCase.ToLower(r),
			utf8.RuneLen(r), utf8.ValidRune(r), string(utf8.AppendRune(nil, r))}
		if got != want {
			bad++
			if bad < 20 {
				t.Errorf("rune %U: got %v want %v", r, got, want)
			}
		}
	}
	for name, tab := range unicode.Scripts {
		for _, r := range runeSamples {
			if xu.Is(xu.Scripts[name], r) != unicode.Is(tab, r) {
				t.Errorf("script %s rune %U", name, r)
			}
		}
	}
	for name, tab := range unicode.Properties {
		for _, r := range runeSamples {
			if xu.Is(xu.Properties[name], r) != unicode.Is(tab, r) {
				t.Errorf("property %s rune %U", name, r)
			}
		}
	}
}

func TestUTF8Decode(t *testing.T) {
	inputs := corpus()
	// All 1-, 2- and 3-byte sequences over interesting bytes.
	bs := []byte{0, 'a', 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
	for _, a := range bs {
		for _, b := range bs {
			for _, c := range bs {
				inputs = append(inputs, string([]byte{a, b, c}), string([]byte{a, b}), string([]byte{a, b, c, 0x80}), string([]byte{a, b, c, 0xbf}))
			}
		}
	}
	for _, s := range inputs {
		r1, n1 := xu8.DecodeRuneInString(s)
		r2, n2 := utf8.DecodeRuneInString(s)
		same(t, "DecodeRuneInString "+s, []any{r1, n1}, []any{r2, n2})
		r1, n1 = xu8.DecodeRune([]byte(s))
		r2, n2 = utf8.DecodeRune([]byte(s))
		same(t, "DecodeRune "+s, []any{r1, n1}, []any{r2, n2})
		r1, n1 = xu8.DecodeLastRuneInString(s)
		r2, n2 = utf8.DecodeLastRuneInString(s)
		same(t, "DecodeLastRuneInString "+s, []any{r1, n1}, []any{r2, n2})
		r1, n1 = xu8.DecodeLastRune([]byte(s))
		r2, n2 = utf8.DecodeLastRune([]byte(s))
		same(t, "DecodeLastRune "+s, []any{r1, n1}, []any{r2, n2})
		same(t, "FullRune "+s, xu8.FullRune([]byte(s)), utf8.FullRune([]byte(s)))
		same(t, "FullRuneInString "+s, xu8.FullRuneInString(s), utf8.FullRuneInString(s))
		same(t, "Valid "+s, xu8.Valid([]byte(s)), utf8.Valid([]byte(s)))
		same(t, "ValidString "+s, xu8.ValidString(s), utf8.ValidString(s))
		same(t, "RuneCount "+s, xu8.RuneCount([]byte(s)), utf8.RuneCount([]byte(s)))
		same(t, "RuneCountInString "+s, xu8.RuneCountInString(s), utf8.RuneCountInString(s))
	}
}
