// Package utf16 converts between Unicode code points and UTF-16 code
// units. rgo: plain Go.
package utf16

// Surrogates: U+D800-U+DBFF carry the high ten bits of a supplementary
// code point minus 0x10000, U+DC00-U+DFFF the low ten bits.
const (
	replacementChar = '\uFFFD'
	maxRune         = '\U0010FFFF'
	highFirst       = 0xD800
	lowFirst        = 0xDC00
	surrogateEnd    = 0xE000
	supplementary   = 0x10000
)

// IsSurrogate reports whether r is a surrogate code unit (U+D800 to
// U+DFFF), which appears in UTF-16 only in pairs.
func IsSurrogate(r rune) bool { return r >= highFirst && r < surrogateEnd }

// isHigh and isLow classify the two halves of a pair.
func isHigh(r rune) bool { return r >= highFirst && r < lowFirst }
func isLow(r rune) bool  { return r >= lowFirst && r < surrogateEnd }

// DecodeRune joins a surrogate pair into its code point, or returns
// U+FFFD when r1, r2 is not a high-low pair.
func DecodeRune(r1, r2 rune) rune {
	if !isHigh(r1) || !isLow(r2) {
		return replacementChar
	}
	return supplementary + (r1-highFirst)<<10 + (r2 - lowFirst)
}

// EncodeRune splits a supplementary code point into its surrogate pair;
// other runes give U+FFFD, U+FFFD.
func EncodeRune(r rune) (r1, r2 rune) {
	if r < supplementary || r > maxRune {
		return replacementChar, replacementChar
	}
	offset := r - supplementary
	return highFirst + offset>>10, lowFirst + offset&0x3FF
}

// RuneLen returns how many code units r needs: 1, 2, or -1 when r is a
// surrogate or not a code point.
func RuneLen(r rune) int {
	switch {
	case r < 0 || r > maxRune || IsSurrogate(r):
		return -1
	case r >= supplementary:
		return 2
	}
	return 1
}

// Encode returns the UTF-16 encoding of s; invalid runes become U+FFFD.
func Encode(s []rune) []uint16 {
	size := len(s)
	for _, r := range s {
		if r >= supplementary { // counted even when invalid, as Go does
			size++
		}
	}
	out := make([]uint16, 0, size)
	for _, r := range s {
		out = AppendRune(out, r)
	}
	return out
}

// AppendRune appends the UTF-16 encoding of r to a (U+FFFD for invalid
// runes).
func AppendRune(a []uint16, r rune) []uint16 {
	switch RuneLen(r) {
	case 1:
		return append(a, uint16(r))
	case 2:
		hi, lo := EncodeRune(r)
		return append(a, uint16(hi), uint16(lo))
	}
	return append(a, replacementChar)
}

// Decode returns the code points that s encodes; unpaired surrogates
// become U+FFFD.
func Decode(s []uint16) []rune {
	out := make([]rune, 0, len(s))
	for k := 0; k < len(s); k++ {
		unit := rune(s[k])
		switch {
		case !IsSurrogate(unit):
			out = append(out, unit)
		case isHigh(unit) && k+1 < len(s) && isLow(rune(s[k+1])):
			out = append(out, DecodeRune(unit, rune(s[k+1])))
			k++
		default:
			out = append(out, replacementChar)
		}
	}
	return out
}
