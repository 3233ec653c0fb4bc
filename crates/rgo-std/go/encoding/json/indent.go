package json

import (
	"bytes"
	"strconv"
)

// htmlSafe rewrites <, >, & and the line/paragraph separators of a run of
// JSON text as \u escapes.
func htmlSafe(out, src []byte) []byte {
	from := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '<' || c == '>' || c == '&':
			out = append(out, src[from:i]...)
			out = append(out, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			from = i + 1
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			out = append(out, src[from:i]...)
			out = append(out, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&15])
			i += 2
			from = i + 1
		}
	}
	return append(out, src[from:]...)
}

// HTMLEscape writes src to out with <, >, &, U+2028 and U+2029 inside
// strings turned into \u escapes, so the JSON can sit inside HTML.
func HTMLEscape(dst *bytes.Buffer, src []byte) {
	dst.Write(htmlSafe(nil, src))
}

// appendCompacted copies valid JSON src without the blanks between tokens.
func appendCompacted(out, src []byte, html bool) []byte {
	for i, n := 0, len(src); i < n; {
		c := src[i]
		if isBlank(c) {
			i++
			continue
		}
		if c != '"' {
			out = append(out, c)
			i++
			continue
		}
		end, _, _ := scanString(src, i)
		if html {
			out = htmlSafe(out, src[i:end])
		} else {
			out = append(out, src[i:end]...)
		}
		i = end
	}
	return out
}

// Compact appends src to out without insignificant blanks.
func Compact(dst *bytes.Buffer, src []byte) error {
	if err := validate(src); err != nil {
		return err
	}
	dst.Write(appendCompacted(nil, src, false))
	return nil
}

func newLine(out []byte, prefix, indent string, depth int) []byte {
	out = append(append(out, '\n'), prefix...)
	for ; depth > 0; depth-- {
		out = append(out, indent...)
	}
	return out
}

// appendIndented lays valid JSON src out one element per line; empty
// arrays and objects stay "[]" and "{}", blanks after the value are kept.
func appendIndented(out, src []byte, prefix, indent string) []byte {
	i := skipBlank(src, 0)
	end, _, _ := scanValue(src, i, true)
	depth := 0
	for i < end {
		c := src[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		case '"':
			e, _, _ := scanString(src, i)
			out = append(out, src[i:e]...)
			i = e
			continue
		case '{', '[':
			out = append(out, c)
			j := skipBlank(src, i+1)
			if src[j] == c+2 {
				out = append(out, c+2)
				i = j + 1
				continue
			}
			depth++
			out = newLine(out, prefix, indent, depth)
		case '}', ']':
			depth--
			out = newLine(out, prefix, indent, depth)
			out = append(out, c)
		case ',':
			out = append(out, c)
			out = newLine(out, prefix, indent, depth)
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
		i++
	}
	return append(out, src[end:]...)
}

// Indent appends an indented form of src to out: each element on its own
// line starting with prefix and one indent per level of nesting.
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error {
	if err := validate(src); err != nil {
		return err
	}
	dst.Write(appendIndented(nil, src, prefix, indent))
	return nil
}

// Number is a JSON number literal kept as text.
type Number string

// String returns the literal.
func (n Number) String() string { return string(n) }

// Float64 parses the literal as a float64.
func (n Number) Float64() (float64, error) {
	return strconv.ParseFloat(n.String(), 64)
}

// Int64 parses the literal as an int64.
func (n Number) Int64() (int64, error) {
	return strconv.ParseInt(n.String(), 10, 64)
}

// isNumber reports whether s is exactly one JSON number.
func isNumber(s string) bool {
	if s == "" {
		return false
	}
	end, st, _ := scanNumber([]byte(s), 0, true)
	return st == scanDone && end == len(s)
}
