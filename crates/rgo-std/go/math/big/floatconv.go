package big

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// SetString sets z to the value of s (as Parse with base 0 reads it) and
// returns (z, true), or (nil, false) when s is not a valid number.
func (z *Float) SetString(s string) (*Float, bool) {
	f, _, err := z.Parse(s, 0)
	if err != nil {
		return nil, false
	}
	return f, true
}

// Parse reads a floating-point number from s, which must hold exactly
// that number: an optional sign, a mantissa of digits in the given base
// (0, 2, 8, 10 or 16; base 0 accepts the prefixes 0b, 0o, 0x and '_'
// between digits and otherwise means 10) with an optional point, and an
// optional exponent: 'e' or 'E' for a power of ten, 'p' or 'P' for a
// power of two. "Inf" and "inf", optionally signed, are ±Inf. The result
// is rounded to z's precision (64 if it is 0) in z's mode. Parse returns
// z, the base of the mantissa, and an error, if any.
func (z *Float) Parse(s string, base int) (f *Float, b int, err error) {
	if len(s) == 3 && (s == "Inf" || s == "inf") {
		return z.SetInf(false), 0, nil
	}
	if len(s) == 4 && (s[0] == '+' || s[0] == '-') && (s[1:] == "Inf" || s[1:] == "inf") {
		return z.SetInf(s[0] == '-'), 0, nil
	}
	src := strings.NewReader(s)
	f, b, err = z.readFrom(src, base)
	if err != nil {
		return
	}
	c, e := src.ReadByte()
	if e == nil {
		err = fmt.Errorf("expected end of string, found %q", c)
	} else if e != io.EOF {
		err = e
	}
	return
}

// ParseFloat is new(Float).SetPrec(prec).SetMode(mode).Parse(s, base).
func ParseFloat(s string, base int, prec uint, mode RoundingMode) (f *Float, b int, err error) {
	return new(Float).SetPrec(prec).SetMode(mode).Parse(s, base)
}

// Scan implements fmt.Scanner: it reads a number as Parse does with base
// 0 (without the Inf forms); the verb is not looked at.
func (z *Float) Scan(s fmt.ScanState, ch rune) error {
	s.SkipSpace()
	_, _, err := z.readFrom(scanAdapter{s}, 0)
	return err
}

// readFrom reads the longest number at the start of r into z.
//
// The digits are read as an integer m; the value is m × 2**e2 × 5**e5.
// Powers of two are exact; a power of five is computed as a Float with
// 64 more bits than z (rounded on the way for large powers) and applied
// with one rounded multiplication or division, as Go does.
func (z *Float) readFrom(r io.ByteScanner, base int) (f *Float, b int, err error) {
	prec := z.prec
	if prec == 0 {
		prec = 64
	}
	z.form = kindZero
	if z.neg, err = readSign(r); err != nil {
		return
	}
	switch base {
	case 0, 2, 8, 10, 16:
	default:
		panic(fmt.Sprintf("invalid number base %d", base))
	}
	m, info, err := z.mant.readNum(r, base, true)
	z.mant = m
	b = info.base
	if err != nil {
		return
	}
	exp, tenths, err := readFloatExp(r, base == 0)
	if err != nil {
		return
	}
	if len(m) == 0 {
		z.prec = prec
		z.acc = Exact
		z.form = kindZero
		return z, b, nil
	}
	e2 := int64(m.nbits())
	var e5 int64
	if info.frac > 0 {
		n := int64(info.frac)
		switch b {
		case 10:
			e5 -= n
			e2 -= n
		case 2:
			e2 -= n
		case 8:
			e2 -= 3 * n
		case 16:
			e2 -= 4 * n
		}
	}
	if tenths {
		e5 += exp
	}
	e2 += exp
	if e2 < MinExp || e2 > MaxExp {
		err = fmt.Errorf("exponent overflow")
		return
	}
	if s := uint(len(m)*wordBits - m.nbits()); s > 0 {
		shlVU(m, m, s)
	}
	z.prec = prec
	z.form = kindFinite
	z.exp = int32(e2)
	f = z
	if e5 == 0 {
		z.roundMant(false)
		return
	}
	p := new(Float).SetPrec(uint(z.prec) + 64)
	if e5 < 0 {
		z.Quo(z, p.powFive(uint64(-e5)))
	} else {
		z.Mul(z, p.powFive(uint64(e5)))
	}
	return
}

// powFive sets z to 5**n rounded to z's precision (which is set) and
// returns z. Powers up to 5**27 fit a uint64; larger ones are built by
// squaring 5 at 64 more bits than z, multiplying the needed squares
// into 5**27.
func (z *Float) powFive(n uint64) *Float {
	const direct = 27
	pow := func(k uint64) uint64 {
		v := uint64(1)
		for ; k > 0; k-- {
			v *= 5
		}
		return v
	}
	if n <= direct {
		return z.SetUint64(pow(n))
	}
	z.SetUint64(pow(direct))
	n -= direct
	sq := new(Float).SetPrec(uint(z.prec) + 64).SetUint64(5)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			z.Mul(z, sq)
		}
		sq.Mul(sq, sq)
	}
	return z
}

// readFloatExp reads an optional exponent: 'e' or 'E' (tenths reports a
// power of ten) or 'p' or 'P' (a power of two), an optional sign and
// decimal digits, with '_' between digits when sep is set.
func readFloatExp(r io.ByteScanner, sep bool) (exp int64, tenths bool, err error) {
	c, err := r.ReadByte()
	if err != nil {
		if err == io.EOF {
			err = nil
		}
		return 0, true, err
	}
	switch c {
	case 'e', 'E':
		tenths = true
	case 'p', 'P':
	default:
		r.UnreadByte()
		return 0, true, nil
	}
	var text []byte
	c, err = r.ReadByte()
	if err == nil && (c == '+' || c == '-') {
		if c == '-' {
			text = append(text, '-')
		}
		c, err = r.ReadByte()
	}
	last := byte('.') // '0' after a digit, '_' after a separator
	badSep, any := false, false
	for ; err == nil; c, err = r.ReadByte() {
		if '0' <= c && c <= '9' {
			text = append(text, c)
			last, any = '0', true
			continue
		}
		if c == '_' && sep {
			if last != '0' {
				badSep = true
			}
			last = '_'
			continue
		}
		r.UnreadByte()
		break
	}
	if err == io.EOF {
		err = nil
	}
	if err != nil {
		return 0, tenths, err
	}
	if !any {
		return 0, tenths, errNoDigits
	}
	if exp, err = strconv.ParseInt(string(text), 10, 64); err != nil {
		return exp, tenths, err
	}
	if badSep || last == '_' {
		return exp, tenths, errInvalSep
	}
	return exp, tenths, nil
}
