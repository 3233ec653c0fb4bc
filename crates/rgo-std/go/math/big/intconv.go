package big

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Text returns x in the given base (2..62): lower-case letters for digit
// values 10..35, upper-case for 36..61, no prefix. A nil x gives "<nil>".
func (x *Int) Text(base int) string {
	if x == nil {
		return "<nil>"
	}
	return string(x.Append(nil, base))
}

// Append appends x as Text(base) would format it to buf.
func (x *Int) Append(buf []byte, base int) []byte {
	if x == nil {
		return append(buf, "<nil>"...)
	}
	if x.neg {
		buf = append(buf, '-')
	}
	return x.abs.appendDigits(buf, base)
}

// String returns x in decimal, as x.Text(10).
func (x *Int) String() string {
	return x.Text(10)
}

// Format implements fmt.Formatter for the verbs b, o, O, d, x, X, s and
// v, honouring the flags '+', ' ', '#', '0' and '-', width and precision
// (the minimum number of digits).
func (x *Int) Format(s fmt.State, ch rune) {
	base := 0
	switch ch {
	case 'b':
		base = 2
	case 'o', 'O':
		base = 8
	case 'd', 's', 'v':
		base = 10
	case 'x', 'X':
		base = 16
	default:
		fmt.Fprintf(s, "%%!%c(big.Int=%s)", ch, x.String())
		return
	}
	if x == nil {
		fmt.Fprint(s, "<nil>")
		return
	}
	var sign string
	switch {
	case x.neg:
		sign = "-"
	case s.Flag('+'):
		sign = "+"
	case s.Flag(' '):
		sign = " "
	}
	var prefix string
	if s.Flag('#') {
		switch ch {
		case 'b':
			prefix = "0b"
		case 'o':
			prefix = "0"
		case 'x':
			prefix = "0x"
		case 'X':
			prefix = "0X"
		}
	}
	if ch == 'O' {
		prefix = "0o"
	}
	digits := x.abs.digitsIn(base)
	if ch == 'X' {
		for i, c := range digits {
			if 'a' <= c && c <= 'z' {
				digits[i] = c - 'a' + 'A'
			}
		}
	}
	zeros := 0
	prec, hasPrec := s.Precision()
	if hasPrec {
		if len(digits) < prec {
			zeros = prec - len(digits)
		} else if prec == 0 && len(digits) == 1 && digits[0] == '0' {
			// zero with precision 0 prints nothing at all
			return
		}
	}
	total := len(sign) + len(prefix) + zeros + len(digits)
	left, right := 0, 0
	if width, ok := s.Width(); ok && total < width {
		pad := width - total
		switch {
		case s.Flag('-'):
			right = pad
		case s.Flag('0') && !hasPrec:
			zeros = pad
		default:
			left = pad
		}
	}
	out := make([]byte, 0, total+left+right)
	out = append(out, strings.Repeat(" ", left)...)
	out = append(out, sign...)
	out = append(out, prefix...)
	out = append(out, strings.Repeat("0", zeros)...)
	out = append(out, digits...)
	out = append(out, strings.Repeat(" ", right)...)
	s.Write(out)
}

// SetString sets z to the value of s in the given base and returns
// (z, true), or (nil, false) if s is not a valid number. s may have a
// sign. With base 0 the prefix selects the base ("0b", "0o" or "0",
// "0x", otherwise 10) and '_' may separate digits; bases up to 36 accept
// either letter case, larger ones use 'A'..'Z' for 36..61.
func (z *Int) SetString(s string, base int) (*Int, bool) {
	return z.fillFrom(strings.NewReader(s), base)
}

func (z *Int) fillFrom(r io.ByteScanner, base int) (*Int, bool) {
	if _, _, err := z.readFrom(r, base); err != nil {
		return nil, false
	}
	// everything must have been consumed
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, false
	}
	return z, true
}

// scan reads an optionally signed integer from r.
func (z *Int) readFrom(r io.ByteScanner, base int) (*Int, int, error) {
	if base != 0 && (base < 2 || base > MaxBase) {
		panic("invalid number base " + itoa(base))
	}
	neg, err := readSign(r)
	if err != nil {
		return nil, 0, err
	}
	abs, info, err := z.abs.readNum(r, base, false)
	// as in Go, a failed scan still leaves the digits read in z
	z.abs = abs
	if err != nil {
		return nil, info.base, err
	}
	z.neg = neg && len(abs) > 0
	return z, info.base, nil
}

// readSign consumes an optional '+' or '-'.
func readSign(r io.ByteScanner) (neg bool, err error) {
	c, err := r.ReadByte()
	if err != nil {
		return false, err
	}
	switch c {
	case '-':
		return true, nil
	case '+':
		return false, nil
	}
	r.UnreadByte()
	return false, nil
}

// itoa formats a small int in decimal.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [24]byte
	i := len(buf)
	neg := n < 0
	u := uint(n)
	if neg {
		u = -u
	}
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// scanAdapter lets a fmt.ScanState serve as an io.ByteScanner.
type scanAdapter struct {
	st fmt.ScanState
}

func (a scanAdapter) ReadByte() (byte, error) {
	ch, size, err := a.st.ReadRune()
	if err != nil {
		return 0, err
	}
	if size != 1 || ch >= 0x80 {
		// not a byte-sized character: it cannot be part of a number
		a.st.UnreadRune()
		return 0, io.EOF
	}
	return byte(ch), nil
}

func (a scanAdapter) UnreadByte() error {
	return a.st.UnreadRune()
}

// Scan implements fmt.Scanner for the verbs b, o, d, x, X, s and v (the
// last two accept a base prefix).
func (z *Int) Scan(s fmt.ScanState, ch rune) error {
	s.SkipSpace()
	base := 0
	switch ch {
	case 'b':
		base = 2
	case 'o':
		base = 8
	case 'd':
		base = 10
	case 'x', 'X':
		base = 16
	case 's', 'v':
	default:
		return errors.New("Int.Scan: invalid verb")
	}
	_, _, err := z.readFrom(scanAdapter{s}, base)
	return err
}
