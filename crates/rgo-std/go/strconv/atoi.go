// Package strconv converts numbers and booleans to and from their text
// forms, and quotes and unquotes Go string and rune literals.
//
// rgo: integers, booleans and quoting are plain Go; the float conversions
// (shortest/precision formatting and correctly rounded parsing) are Rust
// natives, atofCore and appendFloatCore, whose results these Go wrappers
// turn into Go's values and *NumError errors.
package strconv

import "errors"

// IntSize is the width of int and uint in bits.
const IntSize = 64

// ErrRange is the NumError.Err of a number too large for its type.
var ErrRange = errors.New("value out of range")

// ErrSyntax is the NumError.Err of text that is not a number of the
// requested form.
var ErrSyntax = errors.New("invalid syntax")

// NumError describes a failed parse.
type NumError struct {
	Func string // the parsing function, e.g. "ParseInt"
	Num  string // the input
	Err  error  // why: ErrSyntax, ErrRange, or a bad base or bit size
}

func (e *NumError) Error() string {
	head := "strconv." + e.Func + ": parsing "
	return head + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

// cloneString returns a copy of s so that a NumError does not keep a
// large input alive.
func cloneString(s string) string { return string([]byte(s)) }

func errSyntaxIn(fn, str string) *NumError {
	return &NumError{fn, cloneString(str), ErrSyntax}
}

func errRangeIn(fn, str string) *NumError {
	return &NumError{fn, cloneString(str), ErrRange}
}

func errBaseIn(fn, str string, base int) *NumError {
	return &NumError{fn, cloneString(str), errors.New("invalid base " + Itoa(base))}
}

func errBitSizeIn(fn, str string, bitSize int) *NumError {
	return &NumError{fn, cloneString(str), errors.New("invalid bit size " + Itoa(bitSize))}
}

// lower returns the lower-case of an ASCII letter (and garbage otherwise,
// harmless for the digit checks below).
func lower(c byte) byte { return c | ('x' - 'X') }

// ParseUint is like ParseInt but for unsigned numbers. A sign prefix is
// not permitted.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fn = "ParseUint"
	if s == "" {
		return 0, errSyntaxIn(fn, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
	case base == 0:
		base = 10
		if s[0] == '0' {
			switch {
			case len(s) >= 3 && lower(s[1]) == 'b':
				base, s = 2, s[2:]
			case len(s) >= 3 && lower(s[1]) == 'o':
				base, s = 8, s[2:]
			case len(s) >= 3 && lower(s[1]) == 'x':
				base, s = 16, s[2:]
			default:
				base, s = 8, s[1:]
			}
		}
	default:
		return 0, errBaseIn(fn, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, errBitSizeIn(fn, s0, bitSize)
	}
	// cutoff is the smallest number such that cutoff*base > maxUint64.
	cutoff := ^uint64(0)/uint64(base) + 1
	maxVal := uint64(1)<<uint(bitSize) - 1
	underscores := false
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d byte
		switch {
		case c == '_' && base0:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = lower(c) - 'a' + 10
		default:
			return 0, errSyntaxIn(fn, s0)
		}
		if d >= byte(base) {
			return 0, errSyntaxIn(fn, s0)
		}
		if n >= cutoff {
			return maxVal, errRangeIn(fn, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > maxVal {
			return maxVal, errRangeIn(fn, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, errSyntaxIn(fn, s0)
	}
	return n, nil
}

// ParseInt interprets a string s in the given base (0, 2 to 36) and bit
// size (0 to 64) and returns the corresponding value i.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fn = "ParseInt"
	if s == "" {
		return 0, errSyntaxIn(fn, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		err.(*NumError).Func = fn
		err.(*NumError).Num = cloneString(s0)
		return 0, err
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1 << uint(bitSize-1))
	if !neg && un >= cutoff {
		return int64(cutoff - 1), errRangeIn(fn, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), errRangeIn(fn, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi parses a decimal int: ParseInt(s, 10, 0) as an int.
func Atoi(s string) (int, error) {
	i64, err := ParseInt(s, 10, 0)
	if nerr, ok := err.(*NumError); ok {
		nerr.Func = "Atoi"
	}
	return int(i64), err
}

// underscoreOK reports whether the underscores in s are allowed: only
// between digits, or between a base prefix and a digit.
func underscoreOK(s string) bool {
	// prev is '^' at the start, '0' after a digit or base prefix, '_'
	// after an underscore, '!' after anything else.
	prev := byte('^')
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		i = 2
		prev = '0'
		hex = lower(s[1]) == 'x'
	}
	for ; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f' {
			prev = '0'
			continue
		}
		if c == '_' {
			if prev != '0' {
				return false
			}
			prev = '_'
			continue
		}
		if prev == '_' {
			return false
		}
		prev = '!'
	}
	return prev != '_'
}

// ParseBool returns the boolean value represented by the string. It
// accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, errSyntaxIn("ParseBool", str)
}

// FormatBool renders b as "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends "true" or "false", according to the value of b, to
// dst and returns the extended buffer.
func AppendBool(dst []byte, b bool) []byte {
	if b {
		return append(dst, "true"...)
	}
	return append(dst, "false"...)
}
