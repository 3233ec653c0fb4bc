package strconv

import (
	"unicode"
	"unicode/utf8"
)

const lowerhex = "0123456789abcdef"

// quoteMode says which characters a quoting function may leave as they
// are: printable ones (IsPrint), ASCII printable ones only, or graphic
// ones (IsGraphic) too.
type quoteMode struct {
	asciiOnly, graphicOnly bool
}

// quoted returns s quoted with quote, escaping as the mode requires.
func quoted(s string, quote byte, asciiOnly, graphicOnly bool) string {
	return string(quoteInto(nil, s, quote, asciiOnly, graphicOnly))
}

func quotedRune(r rune, quote byte, asciiOnly, graphicOnly bool) string {
	return string(quoteRuneInto(nil, r, quote, asciiOnly, graphicOnly))
}

// quoteInto appends s between quote bytes, escaped; each invalid
// byte becomes a \x escape of itself.
func quoteInto(buf []byte, s string, quote byte, asciiOnly, graphicOnly bool) []byte {
	mode := quoteMode{asciiOnly, graphicOnly}
	buf = append(buf, quote)
	for at := 0; at < len(s); {
		r, size := utf8.DecodeRuneInString(s[at:])
		if r == utf8.RuneError && size == 1 {
			buf = appendByteEscape(buf, s[at])
		} else {
			buf = mode.appendRune(buf, r, quote)
		}
		at += size
	}
	return append(buf, quote)
}

// quoteRuneInto appends r between quote bytes, escaped; an invalid
// rune is quoted as U+FFFD.
func quoteRuneInto(buf []byte, r rune, quote byte, asciiOnly, graphicOnly bool) []byte {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	buf = append(buf, quote)
	buf = quoteMode{asciiOnly, graphicOnly}.appendRune(buf, r, quote)
	return append(buf, quote)
}

// appendByteEscape appends \x and two lower-case hex digits.
func appendByteEscape(buf []byte, b byte) []byte {
	return append(buf, '\\', 'x', lowerhex[b>>4], lowerhex[b&15])
}

// shortEscapes are the one-letter escapes of control characters.
var shortEscapes = map[rune]byte{'\a': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v'}

// appendRune appends r as it may appear inside a literal quoted with
// quote: itself when the mode allows, else the shortest escape.
func (m quoteMode) appendRune(buf []byte, r rune, quote byte) []byte {
	if r == '\\' || r == rune(quote) {
		return append(buf, '\\', byte(r))
	}
	if m.keeps(r) {
		return utf8.AppendRune(buf, r)
	}
	if letter, ok := shortEscapes[r]; ok {
		return append(buf, '\\', letter)
	}
	if r < ' ' || r == 0x7f {
		return appendByteEscape(buf, byte(r))
	}
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	digits, mark := 4, byte('u')
	if r > 0xFFFF {
		digits, mark = 8, 'U'
	}
	buf = append(buf, '\\', mark)
	for shift := 4 * (digits - 1); shift >= 0; shift -= 4 {
		buf = append(buf, lowerhex[r>>uint(shift)&15])
	}
	return buf
}

// keeps reports whether r may stand unescaped.
func (m quoteMode) keeps(r rune) bool {
	if m.asciiOnly {
		return r < utf8.RuneSelf && IsPrint(r)
	}
	return IsPrint(r) || m.graphicOnly && IsGraphic(r)
}

// Quote returns s as a double-quoted Go string literal, escaping control
// and non-printable (IsPrint) characters and invalid bytes.
func Quote(s string) string { return quoted(s, '"', false, false) }

// AppendQuote appends Quote(s) to dst.
func AppendQuote(dst []byte, s string) []byte { return quoteInto(dst, s, '"', false, false) }

// QuoteToASCII is Quote escaping every non-ASCII character too.
func QuoteToASCII(s string) string { return quoted(s, '"', true, false) }

// AppendQuoteToASCII appends QuoteToASCII(s) to dst.
func AppendQuoteToASCII(dst []byte, s string) []byte {
	return quoteInto(dst, s, '"', true, false)
}

// QuoteToGraphic is Quote leaving graphic (IsGraphic) characters, such
// as non-ASCII spaces, unescaped.
func QuoteToGraphic(s string) string { return quoted(s, '"', false, true) }

// AppendQuoteToGraphic appends QuoteToGraphic(s) to dst.
func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return quoteInto(dst, s, '"', false, true)
}

// QuoteRune returns r as a single-quoted Go character literal; an invalid
// r is quoted as U+FFFD.
func QuoteRune(r rune) string { return quotedRune(r, '\'', false, false) }

// AppendQuoteRune appends QuoteRune(r) to dst.
func AppendQuoteRune(dst []byte, r rune) []byte {
	return quoteRuneInto(dst, r, '\'', false, false)
}

// QuoteRuneToASCII is QuoteRune escaping non-ASCII characters.
func QuoteRuneToASCII(r rune) string { return quotedRune(r, '\'', true, false) }

// AppendQuoteRuneToASCII appends QuoteRuneToASCII(r) to dst.
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return quoteRuneInto(dst, r, '\'', true, false)
}

// QuoteRuneToGraphic is QuoteRune leaving graphic characters unescaped.
func QuoteRuneToGraphic(r rune) string { return quotedRune(r, '\'', false, true) }

// AppendQuoteRuneToGraphic appends QuoteRuneToGraphic(r) to dst.
func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return quoteRuneInto(dst, r, '\'', false, true)
}

// CanBackquote reports whether s could be written as a raw string
// literal on one line: valid UTF-8 without control characters other than
// tab, without '`' and DEL, and without a byte order mark.
func CanBackquote(s string) bool {
	for at := 0; at < len(s); {
		r, size := utf8.DecodeRuneInString(s[at:])
		at += size
		if r == utf8.RuneError && size == 1 {
			return false // an invalid byte
		}
		switch {
		case r == '\ufeff', r == '`', r == 0x7f, r < ' ' && r != '\t':
			return false
		}
	}
	return true
}

// hexDigit returns the value of a hex digit of either case.
func hexDigit(b byte) (rune, bool) {
	switch {
	case b >= '0' && b <= '9':
		return rune(b - '0'), true
	case b|0x20 >= 'a' && b|0x20 <= 'f':
		return rune(b|0x20-'a') + 10, true
	}
	return 0, false
}

// simpleEscapes maps the letter after a backslash to its character.
var simpleEscapes = map[byte]rune{'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}

// UnquoteChar decodes the first character of s, which is the inside of a
// literal quoted with quote (0 for none): a plain character, or an escape
// sequence. It returns the character, whether it must be written as a
// multi-byte UTF-8 sequence (false for \x and octal escapes, which stand
// for single bytes), the rest of s, and ErrSyntax for malformed input.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	if s == "" {
		return 0, false, "", ErrSyntax
	}
	first := s[0]
	if first == quote && (quote == '"' || quote == '\'') {
		return 0, false, "", ErrSyntax // an unescaped quote ends the literal
	}
	if first >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s)
		return r, true, s[size:], nil
	}
	if first != '\\' {
		return rune(first), false, s[1:], nil
	}
	if len(s) < 2 {
		return 0, false, "", ErrSyntax
	}
	kind, rest := s[1], s[2:]
	if r, ok := simpleEscapes[kind]; ok {
		return r, false, rest, nil
	}
	switch kind {
	case 'x', 'u', 'U':
		return hexEscape(kind, rest)
	case '0', '1', '2', '3', '4', '5', '6', '7':
		return octalEscape(kind, rest)
	case '\'', '"':
		if kind == quote {
			return rune(kind), false, rest, nil
		}
	}
	return 0, false, "", ErrSyntax
}

// hexEscape decodes the digits of \xHH, \uHHHH or \UHHHHHHHH.
func hexEscape(kind byte, rest string) (rune, bool, string, error) {
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[kind]
	if len(rest) < width {
		return 0, false, "", ErrSyntax
	}
	var v rune
	for k := 0; k < width; k++ {
		d, ok := hexDigit(rest[k])
		if !ok {
			return 0, false, "", ErrSyntax
		}
		v = v<<4 | d
	}
	if kind == 'x' {
		return v, false, rest[width:], nil // one byte
	}
	if !utf8.ValidRune(v) {
		return 0, false, "", ErrSyntax
	}
	return v, true, rest[width:], nil
}

// octalEscape decodes \OOO, whose first digit is lead.
func octalEscape(lead byte, rest string) (rune, bool, string, error) {
	if len(rest) < 2 {
		return 0, false, "", ErrSyntax
	}
	v := rune(lead - '0')
	for _, d := range []byte(rest[:2]) {
		if d < '0' || d > '7' {
			return 0, false, "", ErrSyntax
		}
		v = v<<3 | rune(d-'0')
	}
	if v > 255 {
		return 0, false, "", ErrSyntax
	}
	return v, false, rest[2:], nil
}

// QuotedPrefix returns the quoted literal that s starts with, quotes
// included, or an error when s does not start with one.
func QuotedPrefix(s string) (string, error) {
	out, _, err := parseQuoted(s, false)
	return out, err
}

// Unquote returns the value of the Go string or character literal s
// (double-quoted, back-quoted or single-quoted).
func Unquote(s string) (string, error) {
	out, rem, err := parseQuoted(s, true)
	if rem != "" {
		return "", ErrSyntax // something follows the literal
	}
	return out, err
}

// parseQuoted parses the quoted string at the start of lit. If unescape is
// true, out is the unescaped contents; otherwise out is the literal itself
// including its quotes. rem is what follows the literal.
func parseQuoted(lit string, unescape bool) (out, rem string, err error) {
	if len(lit) < 2 {
		return "", lit, ErrSyntax
	}
	quote := lit[0]
	end := indexByte(lit[1:], quote)
	if end < 0 {
		return "", lit, ErrSyntax
	}
	end += 2 // just past the first quote byte after the opening one
	switch quote {
	case '`':
		return unquoteRaw(lit, end, unescape)
	case '"', '\'':
		if out, ok := unquoteSimple(lit, end, unescape); ok {
			return out, lit[end:], nil
		}
		return unquoteEscaped(lit, quote, unescape)
	}
	return "", lit, ErrSyntax
}

// unquoteRaw handles a raw string literal ending at end; carriage returns
// inside it are discarded.
func unquoteRaw(lit string, end int, unescape bool) (out, rem string, err error) {
	switch {
	case !unescape:
		out = lit[:end]
	case indexByte(lit[:end], '\r') < 0:
		out = lit[1 : end-1]
	default:
		buf := make([]byte, 0, end-3)
		for i := 1; i < end-1; i++ {
			if lit[i] != '\r' {
				buf = append(buf, lit[i])
			}
		}
		out = string(buf)
	}
	return out, lit[end:], nil
}

// unquoteSimple handles a literal without escapes or newlines, ending at end.
func unquoteSimple(lit string, end int, unescape bool) (string, bool) {
	body := lit[1 : end-1]
	if indexByte(lit[:end], '\\') >= 0 || indexByte(lit[:end], '\n') >= 0 {
		return "", false
	}
	valid := false
	if lit[0] == '"' {
		valid = utf8.ValidString(body)
	} else {
		r, n := utf8.DecodeRuneInString(body)
		valid = n+2 == end && (r != utf8.RuneError || n != 1)
	}
	if !valid {
		return "", false
	}
	if unescape {
		return body, true
	}
	return lit[:end], true
}

// unquoteEscaped handles a literal with escape sequences.
func unquoteEscaped(whole string, quote byte, unescape bool) (out, rem string, err error) {
	lit := whole[1:]
	var buf []byte
	if unescape {
		buf = make([]byte, 0, 3*len(whole)/2)
	}
	for len(lit) > 0 && lit[0] != quote {
		r, multibyte, rest, err := UnquoteChar(lit, quote)
		if lit[0] == '\n' || err != nil {
			return "", whole, ErrSyntax
		}
		lit = rest
		switch {
		case !unescape:
		case multibyte && r >= utf8.RuneSelf:
			buf = utf8.AppendRune(buf, r)
		default:
			buf = append(buf, byte(r)) // ASCII, or a \x or octal byte
		}
		if quote == '\'' {
			break // a character literal holds one character
		}
	}
	if len(lit) == 0 || lit[0] != quote {
		return "", whole, ErrSyntax
	}
	lit = lit[1:]
	if unescape {
		return string(buf), lit, nil
	}
	return whole[:len(whole)-len(lit)], lit, nil
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// IsPrint reports whether Go prints r as itself in quoted strings; it is
// unicode.IsPrint.
func IsPrint(r rune) bool { return unicode.IsPrint(r) }

// IsGraphic reports whether r is graphic in Unicode's sense (categories
// L, M, N, P, S and Zs); it is unicode.IsGraphic.
func IsGraphic(r rune) bool { return unicode.IsGraphic(r) }
