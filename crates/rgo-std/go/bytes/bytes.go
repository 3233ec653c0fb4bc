// Package bytes provides functions for searching, splitting, joining,
// trimming and case-mapping byte slices, plus Buffer and Reader.
//
// rgo: plain Go; the byte-search primitives come from internal/bytealg,
// whose functions are Rust natives. Results are Go's, including which
// results are nil, which alias the input and the capacities of new
// slices (pieces of splits have their capacity clipped to their length).
package bytes

import (
	"internal/bytealg"
	"unicode"
	"unicode/utf8"
)

// Equal reports whether a and b hold the same bytes (nil equals empty).
func Equal(a, b []byte) bool { return string(a) == string(b) }

// Compare returns -1, 0 or +1 as a sorts before, equal to or after b.
func Compare(a, b []byte) int { return bytealg.Compare(a, b) }

// decodeAt decodes the character starting at s[at], quickly for ASCII.
func decodeAt(s []byte, at int) (rune, int) {
	if c := s[at]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(s[at:])
}

// decodeBefore decodes the character ending just before s[end].
func decodeBefore(s []byte, end int) (rune, int) {
	if c := s[end-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRune(s[:end])
}

// runesOf cuts s into at most n one-character pieces (n <= 0 or n above
// len(s): no limit), the last holding the rest.
func runesOf(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	parts := make([][]byte, 0, n)
	for len(s) > 0 {
		if len(parts) == n-1 {
			parts = append(parts, s)
			break
		}
		_, size := utf8.DecodeRune(s)
		parts = append(parts, s[:size:size])
		s = s[size:]
	}
	return parts
}

// Count returns how many non-overlapping copies of sep s holds; for an
// empty sep, the number of characters plus one.
func Count(s, sep []byte) int {
	switch len(sep) {
	case 0:
		return utf8.RuneCount(s) + 1
	case 1:
		return bytealg.Count(s, sep[0])
	}
	total := 0
	for rest := s; ; total++ {
		at := Index(rest, sep)
		if at < 0 {
			return total
		}
		rest = rest[at+len(sep):]
	}
}

// Contains reports whether subslice occurs in b.
func Contains(b, subslice []byte) bool { return Index(b, subslice) != -1 }

// ContainsAny reports whether b holds any character of chars.
func ContainsAny(b []byte, chars string) bool { return IndexAny(b, chars) != -1 }

// ContainsRune reports whether b holds r.
func ContainsRune(b []byte, r rune) bool { return IndexRune(b, r) != -1 }

// ContainsFunc reports whether f accepts some character of b.
func ContainsFunc(b []byte, f func(rune) bool) bool { return IndexFunc(b, f) != -1 }

// IndexByte returns where c first occurs in b, or -1.
func IndexByte(b []byte, c byte) int { return bytealg.IndexByte(b, c) }

// LastIndex returns where the last copy of sep starts in s, or -1.
func LastIndex(s, sep []byte) int {
	if len(sep) == 0 {
		return len(s)
	}
	return bytealg.LastIndex(s, sep)
}

// LastIndexByte returns where c last occurs in s, or -1.
func LastIndexByte(s []byte, c byte) int { return bytealg.LastIndexByte(s, c) }

// IndexRune returns where r first occurs in s, or -1. utf8.RuneError
// matches the first invalid byte as well as a real U+FFFD.
func IndexRune(s []byte, r rune) int {
	if r >= 0 && r < utf8.RuneSelf {
		return IndexByte(s, byte(r))
	}
	if r == utf8.RuneError {
		return IndexFunc(s, func(c rune) bool { return c == utf8.RuneError })
	}
	if !utf8.ValidRune(r) {
		return -1
	}
	return Index(s, utf8.AppendRune(nil, r))
}

// matchesAny reports whether the character c (utf8.RuneError for an
// invalid byte, which thus matches a U+FFFD in chars) is one of chars.
func matchesAny(chars string, c rune) bool {
	for _, want := range chars {
		if want == c {
			return true
		}
	}
	return false
}

// IndexAny returns where the first character of s that is in chars
// starts, or -1.
func IndexAny(s []byte, chars string) int {
	if chars == "" {
		return -1
	}
	for at := 0; at < len(s); {
		c, size := utf8.DecodeRune(s[at:])
		if matchesAny(chars, c) {
			return at
		}
		at += size
	}
	return -1
}

// LastIndexAny returns where the last character of s that is in chars
// starts, or -1.
func LastIndexAny(s []byte, chars string) int {
	if chars == "" {
		return -1
	}
	for end := len(s); end > 0; {
		c, size := utf8.DecodeLastRune(s[:end])
		end -= size
		if matchesAny(chars, c) {
			return end
		}
	}
	return -1
}

// splitInto cuts s at the copies of sep into at most n pieces (all when
// n < 0, nil when n == 0), keeping the first keep bytes of each sep at
// the end of its piece; pieces but the last are capacity-clipped.
func splitInto(s, sep []byte, keep, n int) [][]byte {
	switch {
	case n == 0:
		return nil
	case len(sep) == 0:
		return runesOf(s, n)
	case n < 0:
		n = Count(s, sep) + 1
	}
	n = min(n, len(s)+1)
	pieces := make([][]byte, 0, n)
	for len(pieces) < n-1 {
		at := Index(s, sep)
		if at < 0 {
			break
		}
		end := at + keep
		pieces = append(pieces, s[:end:end])
		s = s[at+len(sep):]
	}
	return append(pieces, s)
}

// SplitN cuts s at the copies of sep into at most n pieces (n < 0: no
// limit; n == 0: nil); the last piece holds the rest.
func SplitN(s, sep []byte, n int) [][]byte { return splitInto(s, sep, 0, n) }

// SplitAfterN is SplitN keeping each sep at the end of its piece.
func SplitAfterN(s, sep []byte, n int) [][]byte { return splitInto(s, sep, len(sep), n) }

// Split cuts s at every copy of sep; an empty sep cuts between characters.
func Split(s, sep []byte) [][]byte { return splitInto(s, sep, 0, -1) }

// SplitAfter is Split keeping each sep at the end of its piece.
func SplitAfter(s, sep []byte) [][]byte { return splitInto(s, sep, len(sep), -1) }

// Fields returns the runs of non-space characters of s (unicode.IsSpace).
func Fields(s []byte) [][]byte { return FieldsFunc(s, unicode.IsSpace) }

// FieldsFunc returns the runs of characters of s that f rejects, each
// capacity-clipped; f is called once per character, in order.
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	var bounds []int // start, end, start, end, ...
	from := -1
	for at := 0; at < len(s); {
		c, size := decodeAt(s, at)
		sep := f(c)
		switch {
		case sep && from >= 0:
			bounds = append(bounds, from, at)
			from = -1
		case !sep && from < 0:
			from = at
		}
		at += size
	}
	if from >= 0 {
		bounds = append(bounds, from, len(s))
	}
	fields := make([][]byte, len(bounds)/2)
	for k := range fields {
		lo, hi := bounds[2*k], bounds[2*k+1]
		fields[k] = s[lo:hi:hi]
	}
	return fields
}

// Join concatenates the slices of s with sep between them, in new
// memory.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	if len(s) == 1 {
		return append([]byte(nil), s[0]...)
	}
	const tooLong = "bytes: Join output length overflow"
	gaps := len(s) - 1
	if len(sep) > 0 && len(sep) >= maxInt/gaps {
		panic(tooLong)
	}
	size := len(sep) * gaps
	for _, part := range s {
		if len(part) > maxInt-size {
			panic(tooLong)
		}
		size += len(part)
	}
	out := make([]byte, 0, size)
	for k, part := range s {
		if k != 0 {
			out = append(out, sep...)
		}
		out = append(out, part...)
	}
	return out
}

// HasPrefix reports whether s starts with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(prefix) <= len(s) && Equal(prefix, s[:len(prefix)])
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(suffix) <= len(s) && Equal(suffix, s[len(s)-len(suffix):])
}

// Map returns a new slice holding mapping(c) for each character c of s,
// dropping negative results; mapping sees every character once, in order.
func Map(mapping func(r rune) rune, s []byte) []byte {
	out := make([]byte, 0, len(s))
	for at := 0; at < len(s); {
		c, size := decodeAt(s, at)
		if r := mapping(c); r >= 0 {
			out = utf8.AppendRune(out, r)
		}
		at += size
	}
	return out
}

// Repeat returns count copies of b joined, in new memory with exactly
// that capacity; it panics when count is negative or the length would
// overflow.
func Repeat(b []byte, count int) []byte {
	if count == 0 {
		return []byte{}
	}
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	total := uint64(len(b)) * uint64(count)
	if len(b) != 0 && (total/uint64(count) != uint64(len(b)) || total > uint64(maxInt)) {
		panic("bytes: Repeat output length overflow")
	}
	out := make([]byte, 0, int(total))
	if len(b) == 0 {
		return out
	}
	out = append(out, b...)
	for len(out) < int(total) {
		out = append(out, out[:min(len(out), int(total)-len(out))]...)
	}
	return out
}

const maxInt = int(^uint(0) >> 1)

// asciiCase copies an ASCII-only s shifting the letters from..from+25 by
// delta; ascii is false (and nothing is made) when s has a non-ASCII byte.
func asciiCase(s []byte, from byte, delta int) (out []byte, ascii bool) {
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return nil, false
		}
	}
	out = make([]byte, len(s))
	for k, c := range s {
		if c >= from && c <= from+25 {
			c = byte(int(c) + delta)
		}
		out[k] = c
	}
	return out, true
}

// ToUpper returns a copy of s with every letter in upper case.
func ToUpper(s []byte) []byte {
	if out, ascii := asciiCase(s, 'a', 'A'-'a'); ascii {
		return out
	}
	return Map(unicode.ToUpper, s)
}

// ToLower returns a copy of s with every letter in lower case.
func ToLower(s []byte) []byte {
	if out, ascii := asciiCase(s, 'A', 'a'-'A'); ascii {
		return out
	}
	return Map(unicode.ToLower, s)
}

// ToTitle returns a copy of s with every letter in title case.
func ToTitle(s []byte) []byte { return Map(unicode.ToTitle, s) }

// ToUpperSpecial is ToUpper with c's rules first.
func ToUpperSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToUpper, s) }

// ToLowerSpecial is ToLower with c's rules first.
func ToLowerSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToLower, s) }

// ToTitleSpecial is ToTitle with c's rules first.
func ToTitleSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToTitle, s) }

// ToValidUTF8 returns a copy of s with every run of invalid bytes replaced
// by one copy of replacement.
func ToValidUTF8(s, replacement []byte) []byte {
	out := make([]byte, 0, len(s)+len(replacement))
	inBad := false
	for at := 0; at < len(s); {
		_, size := decodeAt(s, at)
		bad := size == 1 && s[at] >= utf8.RuneSelf
		switch {
		case !bad:
			out = append(out, s[at:at+size]...)
		case !inBad:
			out = append(out, replacement...)
		}
		inBad = bad
		at += size
	}
	return out
}

// wordBoundary reports whether r separates words for Title: ASCII other
// than letters, digits and '_', and non-ASCII white space.
func wordBoundary(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return !(c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '_')
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// Title maps the first letter of each word of s to title case.
//
// Deprecated: its idea of word boundaries ignores Unicode punctuation;
// use golang.org/x/text/cases.
func Title(s []byte) []byte {
	last := ' '
	return Map(func(r rune) rune {
		startsWord := wordBoundary(last)
		last = r
		if startsWord {
			return unicode.ToTitle(r)
		}
		return r
	}, s)
}

// TrimLeftFunc drops the leading characters of s that f accepts (nil when
// nothing is left).
func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	if at := firstWhere(s, f, false); at >= 0 {
		return s[at:]
	}
	return nil
}

// TrimRightFunc drops the trailing characters of s that f accepts.
func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	at := lastWhere(s, f, false)
	if at < 0 {
		return s[:0]
	}
	_, size := decodeAt(s, at)
	return s[:at+size]
}

// TrimFunc drops the leading and trailing characters of s that f accepts.
func TrimFunc(s []byte, f func(r rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimPrefix drops prefix from the start of s, if it is there.
func TrimPrefix(s, prefix []byte) []byte {
	rest, _ := CutPrefix(s, prefix)
	return rest
}

// TrimSuffix drops suffix from the end of s, if it is there.
func TrimSuffix(s, suffix []byte) []byte {
	rest, _ := CutSuffix(s, suffix)
	return rest
}

// IndexFunc returns where the first character f accepts starts, or -1.
func IndexFunc(s []byte, f func(r rune) bool) int { return firstWhere(s, f, true) }

// LastIndexFunc returns where the last character f accepts starts, or -1.
func LastIndexFunc(s []byte, f func(r rune) bool) int { return lastWhere(s, f, true) }

// firstWhere returns where the first character c with f(c) == want
// starts, or -1.
func firstWhere(s []byte, f func(r rune) bool, want bool) int {
	for at := 0; at < len(s); {
		c, size := decodeAt(s, at)
		if f(c) == want {
			return at
		}
		at += size
	}
	return -1
}

// lastWhere is firstWhere scanning from the end.
func lastWhere(s []byte, f func(r rune) bool, want bool) int {
	for end := len(s); end > 0; {
		c, size := decodeBefore(s, end)
		end -= size
		if f(c) == want {
			return end
		}
	}
	return -1
}

// inCutset reports whether r is one of the characters of cutset.
func inCutset(cutset string, r rune) bool {
	for _, c := range cutset {
		if c == r {
			return true
		}
	}
	return false
}

// Trim drops the leading and trailing characters of s found in cutset
// (nil for an empty s).
func Trim(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return TrimRight(TrimLeft(s, cutset), cutset)
}

// TrimLeft drops the leading characters of s found in cutset (nil when
// nothing is left).
func TrimLeft(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	for len(s) != 0 {
		c, size := decodeAt(s, 0)
		if !inCutset(cutset, c) {
			return s
		}
		s = s[size:]
	}
	return nil
}

// TrimRight drops the trailing characters of s found in cutset.
func TrimRight(s []byte, cutset string) []byte {
	if len(s) == 0 || cutset == "" {
		return s
	}
	for len(s) != 0 {
		c, size := decodeBefore(s, len(s))
		if !inCutset(cutset, c) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// asciiSpace marks the ASCII white-space bytes.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// TrimSpace drops leading and trailing white space (unicode.IsSpace); an
// all-space s gives nil.
func TrimSpace(s []byte) []byte {
	from, to := 0, len(s)
	for from < to && asciiSpace[s[from]] != 0 {
		from++
	}
	if from < to && s[from] >= utf8.RuneSelf {
		return TrimFunc(s[from:], unicode.IsSpace)
	}
	for to > from && asciiSpace[s[to-1]] != 0 {
		to--
	}
	if to > from && s[to-1] >= utf8.RuneSelf {
		return TrimFunc(s[from:to], unicode.IsSpace)
	}
	if from == to {
		return nil
	}
	return s[from:to]
}

// Runes returns the characters of s as runes (U+FFFD for invalid bytes).
func Runes(s []byte) []rune {
	out := make([]rune, 0, utf8.RuneCount(s))
	for at := 0; at < len(s); {
		c, size := utf8.DecodeRune(s[at:])
		out = append(out, c)
		at += size
	}
	return out
}

// Replace returns a copy of s with the first n non-overlapping copies of
// old replaced by new (all of them when n < 0). An empty old matches
// before every character and at the end.
func Replace(s, old, new []byte, n int) []byte {
	found := 0
	if n != 0 {
		found = Count(s, old)
	}
	if found == 0 {
		return append([]byte(nil), s...)
	}
	if n < 0 || found < n {
		n = found
	}
	out := make([]byte, 0, len(s)+n*(len(new)-len(old)))
	done := 0
	for k := 0; k < n; k++ {
		at := done
		switch {
		case len(old) != 0:
			at += Index(s[done:], old)
		case k > 0:
			_, size := utf8.DecodeRune(s[done:])
			at += size
		}
		out = append(append(out, s[done:at]...), new...)
		done = at + len(old)
	}
	return append(out, s[done:]...)
}

// ReplaceAll replaces every non-overlapping copy of old in s by new.
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// EqualFold reports whether s and t, read as UTF-8, are equal under simple
// Unicode case folding.
func EqualFold(s, t []byte) bool {
	for len(s) != 0 && len(t) != 0 {
		a, sizeA := decodeAt(s, 0)
		b, sizeB := decodeAt(t, 0)
		if !sameFold(a, b) {
			return false
		}
		s, t = s[sizeA:], t[sizeB:]
	}
	return len(s) == len(t)
}

// sameFold reports whether a and b are in the same case-folding orbit.
func sameFold(a, b rune) bool {
	if a == b {
		return true
	}
	lo, hi := min(a, b), max(a, b)
	if hi < utf8.RuneSelf {
		return lo >= 'A' && lo <= 'Z' && hi == lo+('a'-'A')
	}
	step := unicode.SimpleFold(lo)
	for step != lo && step < hi {
		step = unicode.SimpleFold(step)
	}
	return step == hi
}

// Index returns where the first copy of sep starts in s, or -1.
func Index(s, sep []byte) int {
	if len(sep) == 0 {
		return 0
	}
	if len(sep) == 1 {
		return IndexByte(s, sep[0])
	}
	if len(sep) > len(s) {
		return -1
	}
	return bytealg.Index(s, sep)
}

// Cut splits s around the first copy of sep; without one it returns s,
// nil, false. The results alias s.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	at := Index(s, sep)
	if at < 0 {
		return s, nil, false
	}
	return s[:at], s[at+len(sep):], true
}

// Clone returns a copy of b in new memory (nil for nil).
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

// CutPrefix returns s without prefix and whether prefix was there.
func CutPrefix(s, prefix []byte) (after []byte, found bool) {
	after, found = s, HasPrefix(s, prefix)
	if found {
		after = s[len(prefix):]
	}
	return after, found
}

// CutSuffix returns s without suffix and whether suffix was there.
func CutSuffix(s, suffix []byte) (before []byte, found bool) {
	before, found = s, HasSuffix(s, suffix)
	if found {
		before = s[:len(s)-len(suffix)]
	}
	return before, found
}

// CutLast splits s around the last copy of sep; without one it returns s,
// nil, false.
func CutLast(s, sep []byte) (before, after []byte, found bool) {
	at := LastIndex(s, sep)
	if at < 0 {
		return s, nil, false
	}
	return s[:at], s[at+len(sep):], true
}
