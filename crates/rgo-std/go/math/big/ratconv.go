package big

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// String returns x as "a/b" (even when b == 1).
func (x *Rat) String() string {
	return string(x.appendFrac(nil))
}

func (x *Rat) appendFrac(buf []byte) []byte {
	return x.den1().appendDigits(append(x.a.Append(buf, 10), '/'), 10)
}

// RatString returns x as "a/b", or as "a" when b == 1.
func (x *Rat) RatString() string {
	if x.IsInt() {
		return x.a.String()
	}
	return x.String()
}

// FloatString returns x in decimal with prec digits after the point; the
// last digit is rounded to nearest, halves away from zero.
func (x *Rat) FloatString(prec int) string {
	if x.IsInt() {
		s := x.a.String()
		if prec > 0 {
			s += "." + strings.Repeat("0", prec)
		}
		return s
	}
	den := x.b.abs
	var r nat
	q, r := nat(nil).quoRem(r, x.a.abs, den)
	scale := nat1
	if prec > 0 {
		scale = nat(nil).powMod(nat10, nat(nil).fromU64(uint64(prec)), nil)
	}
	r = nat(nil).times(r, scale)
	var r2 nat
	frac, r2 := nat(nil).quoRem(r2, r, den)
	// round half away from zero: up when 2*remainder >= den
	r2 = r2.plus(r2, r2)
	if den.compare(r2) <= 0 {
		frac = frac.plus(frac, nat1)
		if frac.compare(scale) >= 0 {
			q = q.plus(q, nat1)
			frac = frac.minus(frac, scale)
		}
	}
	var sb strings.Builder
	if x.a.neg {
		sb.WriteByte('-')
	}
	sb.Write(q.digitsIn(10))
	if prec > 0 {
		fd := frac.digitsIn(10)
		sb.WriteString("." + strings.Repeat("0", prec-len(fd)))
		sb.Write(fd)
	}
	return sb.String()
}

// SetString sets z to the value of s and returns (z, true), or
// (nil, false) if s is malformed. s is a fraction "a/b" of two integers
// (each with an optional base prefix, the numerator with an optional
// sign), or a decimal, binary, octal or hexadecimal floating-point
// number with an optional exponent ('e' for a power of ten, 'p' for a
// power of two).
func (z *Rat) SetString(s string) (*Rat, bool) {
	if len(s) == 0 {
		return nil, false
	}
	if slash := strings.IndexByte(s, '/'); slash >= 0 {
		if _, ok := z.a.SetString(s[:slash], 0); !ok {
			return nil, false
		}
		r := strings.NewReader(s[slash+1:])
		den, _, err := z.b.abs.readNum(r, 0, false)
		z.b.abs = den
		if err != nil {
			return nil, false
		}
		if !atEOF(r) || len(den) == 0 {
			return nil, false
		}
		z.b.abs, z.b.neg = den, false
		return z.lowestTerms(), true
	}
	src := strings.NewReader(s)
	if _, err := z.readFloat(src); err != nil || !atEOF(src) {
		return nil, false
	}
	return z, true
}

// atEOF reports whether r has nothing left.
func atEOF(r io.ByteScanner) bool {
	_, err := r.ReadByte()
	return err == io.EOF
}

// Exponent limits of SetString: larger powers are refused rather than
// computed.
const (
	maxPow5 = 1e6
	maxPow2 = 1e7
)

// scanFloat reads a signed floating-point literal from r into z.
func (z *Rat) readFloat(r io.ByteScanner) (*Rat, error) {
	neg, err := readSign(r)
	if err != nil {
		return nil, err
	}
	mant, info, err := z.a.abs.readNum(r, 0, true)
	// as in Go, a failed scan still leaves the digits read in z
	z.a.abs = mant
	if err != nil {
		return nil, err
	}
	exp, binary, err := readExp(r)
	if err != nil {
		return nil, err
	}
	// the value is mant * base^-frac * (10 or 2)^exp = mant * 5^p5 * 2^p2
	var p5, p2 int64
	if binary {
		p2 = exp
	} else {
		p5, p2 = exp, exp
	}
	if info.frac > 0 {
		switch info.base {
		case 10:
			p5 -= int64(info.frac)
			p2 -= int64(info.frac)
		case 2:
			p2 -= int64(info.frac)
		case 8:
			p2 -= 3 * int64(info.frac)
		case 16:
			p2 -= 4 * int64(info.frac)
		}
	}
	if len(mant) == 0 {
		p5, p2 = 0, 0
	}
	if p5 < -maxPow5 || p5 > maxPow5 || p2 < -maxPow2 || p2 > maxPow2 {
		return nil, errors.New("exponent overflow")
	}
	den := nat(nil).fromWord(1)
	if p5 > 0 {
		mant = mant.times(mant, nat(nil).powMod(nat5, nat(nil).fromU64(uint64(p5)), nil))
	} else if p5 < 0 {
		den = nat(nil).powMod(nat5, nat(nil).fromU64(uint64(-p5)), nil)
	}
	if p2 > 0 {
		mant = mant.shiftLeft(mant, uint(p2))
	} else if p2 < 0 {
		den = den.shiftLeft(den, uint(-p2))
	}
	z.a.abs, z.a.neg = mant, neg && len(mant) > 0
	z.b.abs, z.b.neg = den, false
	z.lowestTerms()
	return z, nil
}

// readExp reads an optional exponent: 'e' or 'E' (decimal) or 'p'
// or 'P' (binary), an optional sign and decimal digits, '_' allowed
// between them. Magnitudes beyond any limit saturate.
func readExp(r io.ByteScanner) (exp int64, binary bool, err error) {
	c, err := r.ReadByte()
	if err != nil {
		if err == io.EOF {
			return 0, false, nil
		}
		return 0, false, err
	}
	switch c {
	case 'e', 'E':
	case 'p', 'P':
		binary = true
	default:
		r.UnreadByte()
		return 0, false, nil
	}
	neg, err := readSign(r)
	if err != nil {
		if err == io.EOF {
			return 0, false, errNoDigits
		}
		return 0, false, err
	}
	digits := 0
	lastUnder := false
	for {
		c, err = r.ReadByte()
		if err != nil {
			if err != io.EOF {
				return 0, false, err
			}
			break
		}
		if c == '_' {
			if digits == 0 || lastUnder {
				return 0, false, errInvalSep
			}
			lastUnder = true
			continue
		}
		if c < '0' || c > '9' {
			r.UnreadByte()
			break
		}
		lastUnder = false
		digits++
		if exp < math.MaxInt64/20 {
			exp = exp*10 + int64(c-'0')
		}
	}
	if digits == 0 {
		return 0, false, errNoDigits
	}
	if lastUnder {
		return 0, false, errInvalSep
	}
	if neg {
		exp = -exp
	}
	return exp, binary, nil
}

// Scan implements fmt.Scanner for the verbs e, E, f, F, g, G and v.
func (z *Rat) Scan(s fmt.ScanState, ch rune) error {
	tok, err := s.Token(true, func(r rune) bool {
		return strings.ContainsRune("+-/0123456789.eE", r)
	})
	if err != nil {
		return err
	}
	switch {
	case !strings.ContainsRune("efgEFGv", ch):
		return errRatVerb
	case !z.setText(string(tok)):
		return errRatSyntax
	}
	return nil
}

var (
	errRatVerb     = errors.New("Rat.Scan: invalid verb")
	errRatSyntax   = errors.New("Rat.Scan: invalid syntax")
	errGobTooLarge = errors.New("Rat.GobEncode: numerator too large")
	errGobShort    = errors.New("Rat.GobDecode: buffer too small")
	errGobLength   = errors.New("Rat.GobDecode: invalid length")
)

// setText is SetString reporting only success.
func (z *Rat) setText(s string) bool {
	_, ok := z.SetString(s)
	return ok
}

// AppendText implements encoding.TextAppender.
func (x *Rat) AppendText(b []byte) ([]byte, error) {
	if !x.IsInt() {
		return x.appendFrac(b), nil
	}
	return x.a.abs.appendDec(b, x.a.neg), nil
}

// MarshalText implements encoding.TextMarshaler ("a" or "a/b").
func (x *Rat) MarshalText() (text []byte, err error) {
	text, err = x.AppendText(nil)
	return
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (z *Rat) UnmarshalText(text []byte) error {
	return unmarshalError(z.setText(string(text)), text, "Rat")
}

const ratGobVersion byte = 1

// GobEncode implements gob.GobEncoder: a version/sign byte, the
// numerator's length as a big-endian uint32, then numerator and
// denominator big-endian.
func (x *Rat) GobEncode() ([]byte, error) {
	if x == nil {
		return nil, nil
	}
	num := x.a.abs.beBytes()
	den := x.b.abs.beBytes()
	if int(uint32(len(num))) != len(num) {
		return nil, errGobTooLarge
	}
	buf := make([]byte, 5, 5+len(num)+len(den))
	head := ratGobVersion << 1
	if x.a.neg {
		head |= 1
	}
	buf[0] = head
	binary.BigEndian.PutUint32(buf[1:5], uint32(len(num)))
	buf = append(buf, num...)
	return append(buf, den...), nil
}

// GobDecode implements gob.GobDecoder.
func (z *Rat) GobDecode(buf []byte) error {
	if len(buf) == 0 {
		*z = Rat{}
		return nil
	}
	if len(buf) < 5 {
		return errGobShort
	}
	if v := buf[0] >> 1; v != ratGobVersion {
		return fmt.Errorf("Rat.GobDecode: encoding version %d not supported", v)
	}
	n := binary.BigEndian.Uint32(buf[1:5])
	if uint64(n) > math.MaxInt-5 {
		return errGobLength
	}
	end := 5 + int(n)
	if len(buf) < end {
		return errGobShort
	}
	z.a.SetBytes(buf[5:end])
	z.a.neg = buf[0]&1 != 0 && len(z.a.abs) > 0
	z.b.SetBytes(buf[end:])
	return nil
}

// bytesBE returns x big-endian without leading zero bytes.
func (x nat) beBytes() []byte {
	buf := make([]byte, len(x)*wordBytes)
	return buf[x.storeBE(buf):]
}
