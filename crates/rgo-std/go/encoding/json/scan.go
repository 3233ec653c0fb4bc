package json

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The scanner checks one JSON value's grammar over a byte slice. It is a
// loop over an explicit stack of open containers, so nesting costs no Go
// stack; errors carry the texts and offsets Go 1.27 reports.

// maxDepth bounds how deeply arrays and objects may nest.
const maxDepth = 10000

// scanStatus says how a scan ended.
type scanStatus int

const (
	scanDone scanStatus = iota // a whole value was read
	scanShort                  // the data ended inside the value
	scanFailed                 // the grammar was broken (err is set)
)

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipBlank(data []byte, i int) int {
	for i < len(data) && isBlank(data[i]) {
		i++
	}
	return i
}

// runeText shows the character at data[i:] the way Go's messages do.
func runeText(b []byte) (string, int) {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n == 1 {
		return `'\x` + strconv.FormatUint(uint64(b[0]), 16) + `'`, 1
	}
	return strconv.QuoteRune(r), n
}

func charError(data []byte, i int, where string) *SyntaxError {
	text, n := runeText(data[i:])
	return &SyntaxError{msg: "invalid character " + text + " " + where, Offset: int64(i + n)}
}

func escapeError(what []byte, at int) *SyntaxError {
	s := string(what)
	var shown string
	special := false
	for _, r := range s {
		if r == '`' || r == utf8.RuneError || unicode.IsSpace(r) || !unicode.IsPrint(r) {
			special = true
		}
	}
	switch {
	case utf8.RuneCountInString(s) == 1:
		shown, _ = runeText(what)
	case special:
		shown = strconv.Quote(s)
	default:
		shown = "`" + s + "`"
	}
	return &SyntaxError{msg: "invalid escape sequence " + shown + " in string", Offset: int64(at + len(what))}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// scanString reads the string starting at data[i] == '"' and gives the
// index just past its closing quote.
func scanString(data []byte, i int) (int, scanStatus, *SyntaxError) {
	n := len(data)
	for j := i + 1; j < n; {
		c := data[j]
		switch {
		case c == '"':
			return j + 1, scanDone, nil
		case c < ' ':
			return j, scanFailed, charError(data, j, "in string")
		case c != '\\':
			j++
			continue
		}
		if j+1 >= n {
			return j, scanShort, nil
		}
		switch data[j+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			j += 2
		case 'u':
			k := j + 2
			for k < n && k < j+6 && isHex(data[k]) {
				k++
			}
			if k == j+6 {
				j = k
				continue
			}
			if k == n {
				return j, scanShort, nil
			}
			end := j + 6
			if end > n {
				end = n
			}
			return j, scanFailed, escapeError(data[j:end], j)
		default:
			return j, scanFailed, escapeError(data[j:j+2], j)
		}
	}
	return n, scanShort, nil
}

// scanNumber reads the number starting at data[i]. final says the data
// ends where the input does (a number may end there).
func scanNumber(data []byte, i int, final bool) (int, scanStatus, *SyntaxError) {
	n := len(data)
	j := i
	digits := func() int {
		for j < n && '0' <= data[j] && data[j] <= '9' {
			j++
		}
		return j
	}
	atEnd := func(ok bool) (int, scanStatus, *SyntaxError) {
		if ok && final {
			return j, scanDone, nil
		}
		return j, scanShort, nil
	}
	if data[j] == '-' {
		j++
	}
	if j == n {
		return atEnd(false)
	}
	switch c := data[j]; {
	case c == '0':
		j++
	case '1' <= c && c <= '9':
		digits()
	default:
		return j, scanFailed, charError(data, j, "in numeric literal")
	}
	if j == n {
		return atEnd(true)
	}
	if data[j] == '.' {
		j++
		if j == n {
			return atEnd(false)
		}
		if data[j] < '0' || data[j] > '9' {
			return j, scanFailed, charError(data, j, "in numeric literal")
		}
		if digits() == n {
			return atEnd(true)
		}
	}
	if data[j] == 'e' || data[j] == 'E' {
		j++
		if j < n && (data[j] == '+' || data[j] == '-') {
			j++
		}
		if j == n {
			return atEnd(false)
		}
		if data[j] < '0' || data[j] > '9' {
			return j, scanFailed, charError(data, j, "in numeric literal")
		}
		if digits() == n {
			return atEnd(true)
		}
	}
	return j, scanDone, nil
}

func scanWord(data []byte, i int, word string) (int, scanStatus, *SyntaxError) {
	for k := 1; k < len(word); k++ {
		if i+k >= len(data) {
			return i + k, scanShort, nil
		}
		if data[i+k] != word[k] {
			return i + k, scanFailed, charError(data, i+k, "in literal "+word+" (expecting "+strconv.QuoteRune(rune(word[k]))+")")
		}
	}
	return i + len(word), scanDone, nil
}

// scanValue reads one value starting at data[i] (after optional blanks)
// and gives the index just past it.
func scanValue(data []byte, i int, final bool) (int, scanStatus, *SyntaxError) {
	var open []byte
	wantValue := true
	for {
		if wantValue {
			i = skipBlank(data, i)
			if i >= len(data) {
				return i, scanShort, nil
			}
			var st scanStatus
			var err *SyntaxError
			switch c := data[i]; {
			case c == '{' || c == '[':
				if len(open) >= maxDepth {
					return i, scanFailed, &SyntaxError{msg: "exceeded max depth", Offset: int64(i + 1)}
				}
				open = append(open, c)
				i = skipBlank(data, i+1)
				if i >= len(data) {
					return i, scanShort, nil
				}
				if data[i] == c+2 { // ']' and '}' follow '[' and '{' by two
					open = open[:len(open)-1]
					i++
					break
				}
				if c == '[' {
					continue
				}
				if i, st, err = scanKey(data, i); st != scanDone {
					return i, st, err
				}
				continue
			case c == '"':
				i, st, err = scanString(data, i)
			case c == '-' || '0' <= c && c <= '9':
				i, st, err = scanNumber(data, i, final || len(open) > 0)
			case c == 't':
				i, st, err = scanWord(data, i, "true")
			case c == 'f':
				i, st, err = scanWord(data, i, "false")
			case c == 'n':
				i, st, err = scanWord(data, i, "null")
			default:
				return i, scanFailed, charError(data, i, "looking for beginning of value")
			}
			if st != scanDone {
				return i, st, err
			}
			wantValue = false
		}
		// After a value: close containers or move to the next element.
		if len(open) == 0 {
			return i, scanDone, nil
		}
		i = skipBlank(data, i)
		if i >= len(data) {
			return i, scanShort, nil
		}
		c := data[i]
		if open[len(open)-1] == '[' {
			switch c {
			case ',':
				i++
				wantValue = true
			case ']':
				open = open[:len(open)-1]
				i++
			default:
				return i, scanFailed, charError(data, i, "after array element")
			}
			continue
		}
		switch c {
		case ',':
			i = skipBlank(data, i+1)
			if i >= len(data) {
				return i, scanShort, nil
			}
			var st scanStatus
			var err *SyntaxError
			if i, st, err = scanKey(data, i); st != scanDone {
				return i, st, err
			}
			wantValue = true
		case '}':
			open = open[:len(open)-1]
			i++
		default:
			return i, scanFailed, charError(data, i, "after object key:value pair")
		}
	}
}

// scanKey reads an object key and its colon.
func scanKey(data []byte, i int) (int, scanStatus, *SyntaxError) {
	if data[i] != '"' {
		return i, scanFailed, charError(data, i, "looking for beginning of object key string")
	}
	i, st, err := scanString(data, i)
	if st != scanDone {
		return i, st, err
	}
	i = skipBlank(data, i)
	if i >= len(data) {
		return i, scanShort, nil
	}
	if data[i] != ':' {
		return i, scanFailed, charError(data, i, "after object key")
	}
	return i + 1, scanDone, nil
}

// validate reports whether data is exactly one JSON value with blanks
// around it.
func validate(data []byte) error {
	end, st, err := scanValue(data, 0, true)
	switch st {
	case scanFailed:
		return err
	case scanShort:
		return &SyntaxError{msg: "unexpected end of JSON input", Offset: int64(len(data))}
	}
	end = skipBlank(data, end)
	if end < len(data) {
		return charError(data, end, "after top-level value")
	}
	return nil
}

// Valid tells whether data holds exactly one well-formed JSON value.
func Valid(data []byte) bool {
	return validate(data) == nil
}
