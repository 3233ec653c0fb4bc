package bytes

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// The sequences below yield pieces of s lazily, in order; an early stop of
// the consumer ends the scan. Pieces alias
// s with their capacity clipped to their length, except the last line,
// the last piece of a split and the last field.

// Lines yields the lines of s, each with its trailing "\n" (the last line
// may lack one). An empty s yields nothing.
func Lines(s []byte) iter.Seq[[]byte] {
	return func(emit func([]byte) bool) {
		rest := s
		for len(rest) != 0 {
			nl := IndexByte(rest, '\n')
			if nl < 0 {
				emit(rest) // the last line, without "\n"
				break
			}
			cut := nl + 1
			if !emit(rest[:cut:cut]) {
				break
			}
			rest = rest[cut:]
		}
	}
}

// runeSeq yields each UTF-8 sequence of s (each invalid byte alone).
func runeSeq(s []byte) iter.Seq[[]byte] {
	return func(emit func([]byte) bool) {
		for rest := s; len(rest) != 0; {
			_, size := utf8.DecodeRune(rest)
			if !emit(rest[:size:size]) {
				break
			}
			rest = rest[size:]
		}
	}
}

// cutSeq yields the pieces of s between the occurrences of sep, each with
// the first keep bytes of its sep attached; an empty sep splits into
// UTF-8 sequences.
func cutSeq(s, sep []byte, keep int) iter.Seq[[]byte] {
	if len(sep) == 0 {
		return runeSeq(s)
	}
	return func(emit func([]byte) bool) {
		rest := s
		for {
			at := Index(rest, sep)
			if at < 0 {
				emit(rest)
				return
			}
			if !emit(rest[: at+keep : at+keep]) {
				return
			}
			rest = rest[at+len(sep):]
		}
	}
}

// SplitSeq is Split(s, sep) as a sequence.
func SplitSeq(s, sep []byte) iter.Seq[[]byte] { return cutSeq(s, sep, 0) }

// SplitAfterSeq is SplitAfter(s, sep) as a sequence.
func SplitAfterSeq(s, sep []byte) iter.Seq[[]byte] { return cutSeq(s, sep, len(sep)) }

// FieldsSeq is Fields(s) as a sequence: the runs of non-space characters.
func FieldsSeq(s []byte) iter.Seq[[]byte] { return FieldsFuncSeq(s, unicode.IsSpace) }

// FieldsFuncSeq is FieldsFunc(s, f) as a sequence: the runs of characters
// f rejects.
func FieldsFuncSeq(s []byte, f func(rune) bool) iter.Seq[[]byte] {
	return func(emit func([]byte) bool) {
		from := -1 // start of the current field, -1 between fields
		for at := 0; at < len(s); {
			r, size := utf8.DecodeRune(s[at:])
			switch isSep, inField := f(r), from >= 0; {
			case isSep && inField:
				if !emit(s[from:][: at-from : at-from]) {
					return
				}
				from = -1
			case !isSep && !inField:
				from = at
			}
			at += size
		}
		if from >= 0 {
			emit(s[from:])
		}
	}
}
