// Package strings provides functions for searching, splitting, joining,
// trimming and case-mapping UTF-8 strings.
//
// rgo: plain Go; the byte-search primitives come from internal/bytealg,
// whose functions are Rust natives. Results are Go's; where a function
// takes a callback, the callback sees the same runes in the same order
// as in Go.
package strings

import (
	"internal/bytealg"
	"unicode"
	"unicode/utf8"
)

// runesOf cuts s into at most n one-character strings, the last holding
// the rest (n < 0: no limit). Invalid bytes are characters of their own.
func runesOf(s string, n int) []string {
	count := utf8.RuneCountInString(s)
	if n < 0 || n > count {
		n = count
	}
	parts := make([]string, n)
	for k := 0; k < n; k++ {
		if k == n-1 {
			parts[k] = s
			break
		}
		_, size := utf8.DecodeRuneInString(s)
		parts[k], s = s[:size], s[size:]
	}
	return parts
}

// Count returns how many non-overlapping copies of substr s holds; for an
// empty substr, the number of characters plus one.
func Count(s, substr string) int {
	switch len(substr) {
	case 0:
		return utf8.RuneCountInString(s) + 1
	case 1:
		return bytealg.CountString(s, substr[0])
	}
	total := 0
	for rest := s; ; total++ {
		at := Index(rest, substr)
		if at < 0 {
			return total
		}
		rest = rest[at+len(substr):]
	}
}

// Contains reports whether substr occurs in s.
func Contains(s, substr string) bool { return Index(s, substr) != -1 }

// ContainsAny reports whether s holds any character of chars.
func ContainsAny(s, chars string) bool { return IndexAny(s, chars) != -1 }

// ContainsRune reports whether s holds r.
func ContainsRune(s string, r rune) bool { return IndexRune(s, r) != -1 }

// ContainsFunc reports whether f accepts some character of s.
func ContainsFunc(s string, f func(rune) bool) bool { return IndexFunc(s, f) != -1 }

// LastIndex returns where the last copy of substr starts in s, or -1.
func LastIndex(s, substr string) int {
	if substr == "" {
		return len(s)
	}
	return bytealg.LastIndexString(s, substr)
}

// IndexByte returns where c first occurs in s, or -1.
func IndexByte(s string, c byte) int { return bytealg.IndexByteString(s, c) }

// IndexRune returns where r first occurs in s, or -1. utf8.RuneError
// matches the first invalid byte as well as a real U+FFFD.
func IndexRune(s string, r rune) int {
	if r >= 0 && r < utf8.RuneSelf {
		return IndexByte(s, byte(r))
	}
	if r == utf8.RuneError {
		for at, c := range s {
			if c == r {
				return at
			}
		}
		return -1
	}
	if !utf8.ValidRune(r) {
		return -1
	}
	return Index(s, string(r))
}

// IndexAny returns where the first character of s that is in chars
// starts, or -1.
func IndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	return IndexFunc(s, func(c rune) bool { return IndexRune(chars, c) != -1 })
}

// LastIndexAny returns where the last character of s that is in chars
// starts, or -1.
func LastIndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	return LastIndexFunc(s, func(c rune) bool { return IndexRune(chars, c) != -1 })
}

// LastIndexByte returns where c last occurs in s, or -1.
func LastIndexByte(s string, c byte) int { return bytealg.LastIndexByteString(s, c) }

// splitInto cuts s at the copies of sep into at most n pieces (all when
// n < 0, none when n == 0), keeping the first keep bytes of each sep at
// the end of its piece.
func splitInto(s, sep string, keep, n int) []string {
	switch {
	case n == 0:
		return nil
	case sep == "":
		return runesOf(s, n)
	case n < 0:
		n = Count(s, sep) + 1
	}
	n = min(n, len(s)+1)
	pieces := make([]string, 0, n)
	for len(pieces) < n-1 {
		at := Index(s, sep)
		if at < 0 {
			break
		}
		pieces = append(pieces, s[:at+keep])
		s = s[at+len(sep):]
	}
	return append(pieces, s)
}

// SplitN cuts s at the copies of sep into at most n pieces (n < 0: no
// limit; n == 0: nil); the last piece holds the rest.
func SplitN(s, sep string, n int) []string { return splitInto(s, sep, 0, n) }

// SplitAfterN is SplitN keeping each sep at the end of its piece.
func SplitAfterN(s, sep string, n int) []string { return splitInto(s, sep, len(sep), n) }

// Split cuts s at every copy of sep; an empty sep cuts between characters.
func Split(s, sep string) []string { return splitInto(s, sep, 0, -1) }

// SplitAfter is Split keeping each sep at the end of its piece.
func SplitAfter(s, sep string) []string { return splitInto(s, sep, len(sep), -1) }

// asciiSpace marks the ASCII white-space bytes.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// Fields returns the runs of non-space characters of s (unicode.IsSpace).
func Fields(s string) []string {
	return FieldsFunc(s, unicode.IsSpace)
}

// FieldsFunc returns the runs of characters of s that f rejects; f is
// called once per character, in order.
func FieldsFunc(s string, f func(rune) bool) []string {
	var fields []string
	from := -1
	for at, c := range s {
		sep := f(c)
		switch {
		case sep && from >= 0:
			fields = append(fields, s[from:at])
			from = -1
		case !sep && from < 0:
			from = at
		}
	}
	if from >= 0 {
		fields = append(fields, s[from:])
	}
	if fields == nil {
		return []string{}
	}
	return fields[:len(fields):len(fields)]
}

// Join concatenates elems with sep between them.
func Join(elems []string, sep string) string {
	if len(elems) == 0 {
		return ""
	}
	if len(elems) == 1 {
		return elems[0]
	}
	const tooLong = "strings: Join output length overflow"
	gaps := len(elems) - 1
	if len(sep) > 0 && len(sep) >= maxInt/gaps {
		panic(tooLong)
	}
	size := len(sep) * gaps
	for _, e := range elems {
		if len(e) > maxInt-size {
			panic(tooLong)
		}
		size += len(e)
	}
	var out Builder
	out.Grow(size)
	for k, e := range elems {
		if k != 0 {
			out.WriteString(sep)
		}
		out.WriteString(e)
	}
	return out.String()
}

// HasPrefix reports whether s starts with prefix.
func HasPrefix(s, prefix string) bool {
	return len(prefix) <= len(s) && prefix == s[:len(prefix)]
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix string) bool {
	return len(suffix) <= len(s) && suffix == s[len(s)-len(suffix):]
}

// Map returns s with each character c replaced by mapping(c), or dropped
// when that is negative. mapping sees every character once, in order; s
// itself is returned when nothing changes.
func Map(mapping func(rune) rune, s string) string {
	var out []byte // nil until the first change
	for at, c := range s {
		r := mapping(c)
		if out == nil {
			if r == c && !(c == utf8.RuneError && invalidAt(s, at)) {
				continue
			}
			out = make([]byte, at, len(s)+utf8.UTFMax)
			copy(out, s[:at])
		}
		if r >= 0 {
			out = utf8.AppendRune(out, r)
		}
	}
	if out == nil {
		return s
	}
	return string(out)
}

// invalidAt reports whether s holds an invalid byte (rather than a real
// U+FFFD) at index at, where range decoded utf8.RuneError.
func invalidAt(s string, at int) bool {
	_, size := utf8.DecodeRuneInString(s[at:])
	return size == 1
}

// Repeat returns count copies of s joined together; it panics when count
// is negative or the length would overflow.
func Repeat(s string, count int) string {
	if count == 0 {
		return ""
	}
	if count == 1 {
		return s
	}
	if count < 0 {
		panic("strings: negative Repeat count")
	}
	total := uint64(len(s)) * uint64(count)
	if len(s) != 0 && (total/uint64(count) != uint64(len(s)) || total > uint64(maxInt)) {
		panic("strings: Repeat output length overflow")
	}
	if len(s) == 0 {
		return ""
	}
	var out Builder
	out.Grow(int(total))
	out.WriteString(s)
	for out.Len() < int(total) {
		// Double what is there, without passing the total.
		done := out.String()
		out.WriteString(done[:min(len(done), int(total)-len(done))])
	}
	return out.String()
}

const maxInt = int(^uint(0) >> 1)

// asciiCase, for an ASCII-only s, shifts the letters from..from+25 by
// delta (returning s itself when there are none); ascii is false, and
// nothing is done, when s has a non-ASCII byte.
func asciiCase(s string, from byte, delta int) (mapped string, ascii bool) {
	needed := false
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= utf8.RuneSelf {
			return "", false
		}
		needed = needed || (c >= from && c <= from+25)
	}
	if !needed {
		return s, true
	}
	out := make([]byte, len(s))
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= from && c <= from+25 {
			c = byte(int(c) + delta)
		}
		out[k] = c
	}
	return string(out), true
}

// ToUpper maps every letter of s to upper case.
func ToUpper(s string) string {
	if mapped, ascii := asciiCase(s, 'a', 'A'-'a'); ascii {
		return mapped
	}
	return Map(unicode.ToUpper, s)
}

// ToLower maps every letter of s to lower case.
func ToLower(s string) string {
	if mapped, ascii := asciiCase(s, 'A', 'a'-'A'); ascii {
		return mapped
	}
	return Map(unicode.ToLower, s)
}

// ToTitle maps every letter of s to title case.
func ToTitle(s string) string { return Map(unicode.ToTitle, s) }

// ToUpperSpecial maps every letter of s to upper case, c's rules first.
func ToUpperSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToUpper, s) }

// ToLowerSpecial maps every letter of s to lower case, c's rules first.
func ToLowerSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToLower, s) }

// ToTitleSpecial maps every letter of s to title case, c's rules first.
func ToTitleSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToTitle, s) }

// ToValidUTF8 returns s with every run of invalid bytes replaced by one
// copy of replacement.
func ToValidUTF8(s, replacement string) string {
	var out Builder
	inBad := false
	for k := 0; k < len(s); {
		size := 1
		if s[k] >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(s[k:])
		}
		bad := size == 1 && s[k] >= utf8.RuneSelf
		switch {
		case !bad:
			out.WriteString(s[k : k+size])
		case !inBad:
			out.WriteString(replacement)
		}
		inBad = bad
		k += size
	}
	return out.String()
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
func Title(s string) string {
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

// TrimLeftFunc drops the leading characters of s that f accepts.
func TrimLeftFunc(s string, f func(rune) bool) string {
	if at := firstWhere(s, f, false); at >= 0 {
		return s[at:]
	}
	return ""
}

// TrimRightFunc drops the trailing characters of s that f accepts.
func TrimRightFunc(s string, f func(rune) bool) string {
	at := lastWhere(s, f, false)
	if at < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(s[at:])
	return s[:at+size]
}

// TrimFunc drops the leading and trailing characters of s that f accepts.
func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// IndexFunc returns where the first character f accepts starts, or -1.
func IndexFunc(s string, f func(rune) bool) int { return firstWhere(s, f, true) }

// LastIndexFunc returns where the last character f accepts starts, or -1.
func LastIndexFunc(s string, f func(rune) bool) int { return lastWhere(s, f, true) }

// firstWhere returns where the first character c with f(c) == want
// starts, or -1.
func firstWhere(s string, f func(rune) bool, want bool) int {
	for at, c := range s {
		if f(c) == want {
			return at
		}
	}
	return -1
}

// lastWhere is firstWhere scanning from the end.
func lastWhere(s string, f func(rune) bool, want bool) int {
	for end := len(s); end > 0; {
		c, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
		if f(c) == want {
			return end
		}
	}
	return -1
}

// inCutset reports whether r is one of the characters of cutset.
func inCutset(cutset string, r rune) bool { return IndexRune(cutset, r) >= 0 }

// Trim drops the leading and trailing characters of s found in cutset.
func Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimRight(TrimLeft(s, cutset), cutset)
}

// TrimLeft drops the leading characters of s found in cutset.
func TrimLeft(s, cutset string) string {
	if cutset == "" {
		return s
	}
	for s != "" {
		c, size := utf8.DecodeRuneInString(s)
		if !inCutset(cutset, c) {
			return s
		}
		s = s[size:]
	}
	return s
}

// TrimRight drops the trailing characters of s found in cutset.
func TrimRight(s, cutset string) string {
	if cutset == "" {
		return s
	}
	for s != "" {
		c, size := utf8.DecodeLastRuneInString(s)
		if !inCutset(cutset, c) {
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}

// TrimSpace drops leading and trailing white space (unicode.IsSpace).
func TrimSpace(s string) string {
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
		return TrimRightFunc(s[from:to], unicode.IsSpace)
	}
	return s[from:to]
}

// TrimPrefix drops prefix from the start of s, if it is there.
func TrimPrefix(s, prefix string) string {
	rest, _ := CutPrefix(s, prefix)
	return rest
}

// TrimSuffix drops suffix from the end of s, if it is there.
func TrimSuffix(s, suffix string) string {
	rest, _ := CutSuffix(s, suffix)
	return rest
}

// Replace replaces the first n non-overlapping copies of old in s by new
// (all of them when n < 0). An empty old matches before every character
// and at the end.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	found := Count(s, old)
	if found == 0 {
		return s
	}
	if n < 0 || found < n {
		n = found
	}
	var out Builder
	out.Grow(len(s) + n*(len(new)-len(old)))
	done := 0 // s[:done] has been copied or replaced
	for k := 0; k < n; k++ {
		at := done
		switch {
		case old != "":
			at += Index(s[done:], old)
		case k > 0:
			_, size := utf8.DecodeRuneInString(s[done:])
			at += size
		}
		out.WriteString(s[done:at])
		out.WriteString(new)
		done = at + len(old)
	}
	out.WriteString(s[done:])
	return out.String()
}

// ReplaceAll replaces every non-overlapping copy of old in s by new.
func ReplaceAll(s, old, new string) string { return Replace(s, old, new, -1) }

// EqualFold reports whether s and t are equal under simple Unicode case
// folding (so "Go" and "GO" are).
func EqualFold(s, t string) bool {
	for s != "" && t != "" {
		a, sizeA := utf8.DecodeRuneInString(s)
		b, sizeB := utf8.DecodeRuneInString(t)
		if !sameFold(a, b) {
			return false
		}
		s, t = s[sizeA:], t[sizeB:]
	}
	return s == t
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
	// Walk lo's orbit upwards until it reaches or passes hi.
	step := unicode.SimpleFold(lo)
	for step != lo && step < hi {
		step = unicode.SimpleFold(step)
	}
	return step == hi
}

// Index returns where the first copy of substr starts in s, or -1.
func Index(s, substr string) int {
	if len(substr) == 0 {
		return 0
	}
	if len(substr) == 1 {
		return IndexByte(s, substr[0])
	}
	if len(substr) > len(s) {
		return -1
	}
	return bytealg.IndexString(s, substr)
}

// Cut splits s around the first copy of sep; without one it returns s,
// "", false.
func Cut(s, sep string) (before, after string, found bool) {
	at := Index(s, sep)
	if at < 0 {
		return s, "", false
	}
	return s[:at], s[at+len(sep):], true
}

// CutPrefix returns s without prefix and whether prefix was there.
func CutPrefix(s, prefix string) (after string, found bool) {
	if HasPrefix(s, prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// CutSuffix returns s without suffix and whether suffix was there.
func CutSuffix(s, suffix string) (before string, found bool) {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// Clone returns a copy of s in new memory ("" for an empty s).
func Clone(s string) string {
	if s == "" {
		return ""
	}
	return string(append([]byte(nil), s...))
}

// Compare returns -1, 0 or +1 as a sorts before, equal to or after b.
func Compare(a, b string) int {
	return bytealg.CompareString(a, b)
}

// CutLast splits s around the last copy of sep; without one it returns s,
// "", false.
func CutLast(s, sep string) (before, after string, found bool) {
	at := LastIndex(s, sep)
	if at < 0 {
		return s, "", false
	}
	return s[:at], s[at+len(sep):], true
}
