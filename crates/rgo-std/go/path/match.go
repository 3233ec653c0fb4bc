package path

import (
	"errors"
	"unicode/utf8"
)

// ErrBadPattern is the error for a malformed pattern.
var ErrBadPattern = errors.New("syntax error in pattern")

// Match reports whether all of name matches the shell pattern, in which
// '*' stands for any run of bytes other than '/', '?' for one character
// other than '/', a bracket expression [chars], [^chars] or [a-z] for one
// character from (or not from) a set, and a backslash makes the next
// character literal. A malformed pattern gives ErrBadPattern.
//
// rgo: the pattern is first validated as a whole (Go reports a malformed
// pattern whatever the name), then split into segments, each an optional
// leading star and a run of single-character terms. A segment after a
// star is placed at the earliest position where it matches, except that
// the last one must end the name; this is Go's strategy, so results agree
// even where it differs from full backtracking.
func Match(pattern, name string) (matched bool, err error) {
	if !validPattern(pattern) {
		return false, ErrBadPattern
	}
	for pattern != "" {
		star, seg, rest := nextSegment(pattern)
		pattern = rest
		last := rest == ""
		if star && seg == "" {
			return !containsSlash(name), nil
		}
		if tail, ok := matchTerms(seg, name); ok && (tail == "" || !last) {
			name = tail
			continue
		}
		if !star {
			return false, nil
		}
		found := false
		for skip := 0; skip < len(name) && name[skip] != '/'; skip++ {
			tail, ok := matchTerms(seg, name[skip+1:])
			if ok && (tail == "" || !last) {
				name, found = tail, true
				break
			}
		}
		if !found {
			return false, nil
		}
	}
	return name == "", nil
}

func containsSlash(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			return true
		}
	}
	return false
}

// nextSegment splits off the stars at the start of pattern and the terms
// up to the next star outside a character class.
func nextSegment(pattern string) (star bool, seg, rest string) {
	for pattern != "" && pattern[0] == '*' {
		pattern, star = pattern[1:], true
	}
	inClass := false
	i := 0
	for ; i < len(pattern); i++ {
		c := pattern[i]
		if c == '\\' && i+1 < len(pattern) {
			i++
		} else if c == '[' {
			inClass = true
		} else if c == ']' {
			inClass = false
		} else if c == '*' && !inClass {
			break
		}
	}
	return star, pattern[:i], pattern[i:]
}

// validPattern reports whether every escape and character class of
// pattern is well formed.
func validPattern(p string) bool {
	for p != "" {
		switch p[0] {
		case '\\':
			if len(p) < 2 {
				return false
			}
			p = p[2:]
		case '[':
			n, ok := classLen(p)
			if !ok {
				return false
			}
			p = p[n:]
		default:
			p = p[1:]
		}
	}
	return true
}

// classChar reads one possibly escaped class character at the start of
// p, returning it and the bytes used; ok is false if the class is
// malformed there (a bare '-' or ']', a dangling escape, invalid UTF-8, or
// nothing after the character).
func classChar(p string) (r rune, n int, ok bool) {
	if p == "" || p[0] == '-' || p[0] == ']' {
		return 0, 0, false
	}
	if p[0] == '\\' {
		if len(p) == 1 {
			return 0, 0, false
		}
		n = 1
	}
	r, w := utf8.DecodeRuneInString(p[n:])
	n += w
	if r == utf8.RuneError && w == 1 || n == len(p) {
		return 0, 0, false
	}
	return r, n, true
}

// classLen parses the class at the start of p (p[0] == '[').
func classLen(p string) (int, bool) {
	_, n, _, ok := matchClass(p, -1)
	return n, ok
}

// matchClass parses the class at the start of p and reports whether r is
// in it (honouring negation), the class length and validity.
func matchClass(p string, r rune) (in bool, n int, negated, ok bool) {
	i := 1
	if i < len(p) && p[i] == '^' {
		negated = true
		i++
	}
	for ranges := 0; ; ranges++ {
		if ranges > 0 && i < len(p) && p[i] == ']' {
			return in != negated, i + 1, negated, true
		}
		lo, w, ok := classChar(p[i:])
		if !ok {
			return false, 0, negated, false
		}
		i += w
		hi := lo
		if p[i] == '-' {
			hi, w, ok = classChar(p[i+1:])
			if !ok {
				return false, 0, negated, false
			}
			i += 1 + w
		}
		if lo <= r && r <= hi {
			in = true
		}
	}
}

// matchTerms matches the single-character terms of seg (already
// validated) against the start of s and returns the rest of s.
func matchTerms(seg, s string) (rest string, ok bool) {
	for seg != "" {
		if s == "" {
			return "", false
		}
		switch seg[0] {
		case '[':
			r, w := utf8.DecodeRuneInString(s)
			in, n, _, _ := matchClass(seg, r)
			if !in {
				return "", false
			}
			seg, s = seg[n:], s[w:]
		case '?':
			if s[0] == '/' {
				return "", false
			}
			_, w := utf8.DecodeRuneInString(s)
			seg, s = seg[1:], s[w:]
		case '\\':
			seg = seg[1:]
			fallthrough
		default:
			if seg[0] != s[0] {
				return "", false
			}
			seg, s = seg[1:], s[1:]
		}
	}
	return s, true
}
