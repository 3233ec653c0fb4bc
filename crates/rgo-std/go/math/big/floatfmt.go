package big

import (
	"fmt"
	"strconv"
)

// Text returns x formatted by format and prec:
//
//	'e', 'E'  -d.dddde±dd    'f'  -ddd.dddd    'g', 'G'  %e or %f form
//	'x'  -0x1.hhhp±dd (hex mantissa in [1, 2), power of two)
//	'p'  -0x.hhhp±dd  (hex mantissa in [½, 1), power of two)
//	'b'  -ddddp±dd    (decimal integer mantissa of x.Prec() bits)
//
// prec is the number of digits after the point for 'e', 'E', 'f' and
// 'x', the number of significant digits for 'g' and 'G'; a negative prec
// asks for the fewest decimal digits that read back as x at x's
// precision. 'b' and 'p' ignore prec. An unknown format gives "%" and
// the format character.
func (x *Float) Text(format byte, prec int) string {
	n := 10
	if prec > 0 {
		n += prec
	}
	return string(x.Append(make([]byte, 0, n), format, prec))
}

// String returns x.Text('g', 10).
func (x *Float) String() string {
	return string(x.Append(make([]byte, 0, 20), 'g', 10))
}

// Append appends x.Text(fmt, prec) to buf and returns the result.
func (x *Float) Append(buf []byte, fmt byte, prec int) []byte {
	if x.form == kindInf {
		if x.neg {
			return append(buf, "-Inf"...)
		}
		return append(buf, "+Inf"...)
	}
	switch fmt {
	case 'b', 'p', 'x', 'e', 'E', 'f', 'g', 'G':
	default:
		return append(buf, '%', fmt)
	}
	if x.neg {
		buf = append(buf, "-"...)
	}
	switch fmt {
	case 'b':
		return x.appendB(buf)
	case 'p':
		return x.appendP(buf)
	case 'x':
		return x.appendX(buf, prec)
	}

	var d decDigits
	if x.form == kindFinite {
		d.setBinary(x.mant, x.lsbExp())
	}
	short := prec < 0
	if short {
		d.shortest(x)
		switch fmt {
		case 'e', 'E':
			prec = len(d.ds) - 1
		case 'f':
			prec = max(len(d.ds)-d.exp, 0)
		default:
			prec = len(d.ds)
		}
	} else {
		switch fmt {
		case 'e', 'E':
			d.roundTo(prec + 1)
		case 'f':
			d.roundTo(d.exp + prec)
		default:
			if prec == 0 {
				prec = 1
			}
			d.roundTo(prec)
		}
	}

	switch fmt {
	case 'e', 'E':
		return d.appendE(buf, fmt, prec)
	case 'f':
		return d.appendF(buf, prec)
	}
	// 'g', 'G': the %e form when the exponent is < -4 or >= the
	// precision (6 for the shortest form; otherwise without counting
	// trailing zeros the digits do not have)
	limit := prec
	if limit > len(d.ds) && len(d.ds) >= d.exp {
		limit = len(d.ds)
	}
	if short {
		limit = 6
	}
	if e := d.exp - 1; e < -4 || e >= limit {
		prec = min(prec, len(d.ds))
		return d.appendE(buf, fmt-'g'+'e', prec-1)
	}
	if prec > d.exp {
		prec = len(d.ds)
	}
	return d.appendF(buf, max(prec-d.exp, 0))
}

// decDigits is a nonnegative decimal 0.ds × 10**exp: ds holds ASCII
// digits without trailing zeros; zero has no digits.
type decDigits struct {
	ds  []byte
	exp int
}

// digit returns digit i of d, '0' past either end.
func (d *decDigits) digit(i int) byte {
	if i >= 0 && i < len(d.ds) {
		return d.ds[i]
	}
	return '0'
}

// setBinary sets d exactly to m × 2**e: a negative e is turned into a
// power of ten by multiplying m by 5**-e.
func (d *decDigits) setBinary(m nat, e int64) {
	d.ds, d.exp = d.ds[:0], 0
	if len(m) == 0 {
		return
	}
	if e < 0 {
		if tz := int64(m.lowZeros()); tz > 0 {
			s := min(tz, -e)
			m = nat(nil).shiftRight(m, uint(s))
			e += s
		}
	}
	var tens int64
	switch {
	case e > 0:
		m = nat(nil).shiftLeft(m, uint(e))
	case e < 0:
		tens = e
		five := nat(nil).powMod(nat5, nat(nil).fromU64(uint64(-e)), nil)
		m = nat(nil).times(m, five)
	}
	d.ds = m.appendDigits(d.ds, 10)
	d.exp = len(d.ds) + int(tens)
	d.trim()
}

// trim drops trailing zero digits (zero gets exponent 0).
func (d *decDigits) trim() {
	n := len(d.ds)
	for n > 0 && d.ds[n-1] == '0' {
		n--
	}
	d.ds = d.ds[:n]
	if n == 0 {
		d.exp = 0
	}
}

// roundTo rounds d to n digits, halves to even; nothing happens for a
// negative n or when d has no more than n digits.
func (d *decDigits) roundTo(n int) {
	if n < 0 || n >= len(d.ds) {
		return
	}
	up := d.ds[n] >= '5'
	if d.ds[n] == '5' && n+1 == len(d.ds) {
		// exactly half way
		up = n > 0 && (d.ds[n-1]-'0')%2 == 1
	}
	if up {
		d.ceilTo(n)
	} else {
		d.floorTo(n)
	}
}

// ceilTo cuts d to n digits, adding one unit of the last kept digit.
func (d *decDigits) ceilTo(n int) {
	if n < 0 || n >= len(d.ds) {
		return
	}
	for n > 0 && d.ds[n-1] == '9' {
		n--
	}
	if n == 0 {
		d.ds = append(d.ds[:0], '1')
		d.exp++
		return
	}
	d.ds[n-1]++
	d.ds = d.ds[:n]
}

// floorTo cuts d to n digits.
func (d *decDigits) floorTo(n int) {
	if n < 0 || n >= len(d.ds) {
		return
	}
	d.ds = d.ds[:n]
	d.trim()
}

// shortest rounds d, the exact decimal form of x, to the fewest digits
// that still lie within half a unit in the last place (of x's precision)
// of x, as Go's Float formatting does (comparing the digits of d and of
// the two bounds position by position).
func (d *decDigits) shortest(x *Float) {
	if len(d.ds) == 0 {
		return
	}
	// m × 2**e = x with m of prec+1 bits: its last bit is half an ulp
	m := nat(nil).assign(x.mant)
	e := x.lsbExp()
	s := m.nbits() - int(x.prec+1)
	if s < 0 {
		m = m.shiftLeft(m, uint(-s))
	} else if s > 0 {
		m = m.shiftRight(m, uint(s))
	}
	e += int64(s)
	var lo, hi decDigits
	lo.setBinary(nat(nil).minus(m, nat1), e)
	hi.setBinary(nat(nil).plus(m, nat1), e)
	// the bounds themselves read back as x only when x's last bit is 0
	closed := m[0]&2 == 0
	for i, c := range d.ds {
		l, u := lo.digit(i), hi.digit(i)
		down := l != c || closed && i+1 == len(lo.ds)
		up := c != u && (closed || c+1 < u || i+1 < len(hi.ds) || i >= len(hi.ds) && c < '9')
		switch {
		case down && up:
			d.roundTo(i + 1)
			return
		case down:
			d.floorTo(i + 1)
			return
		case up:
			d.ceilTo(i + 1)
			return
		}
	}
}

// appendE appends d as d.ddde±dd with prec digits after the point.
func (d *decDigits) appendE(dst []byte, e byte, prec int) []byte {
	dst = append(dst, d.digit(0))
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			dst = append(dst, d.digit(i))
		}
	}
	dst = append(dst, e)
	var x int64
	if len(d.ds) > 0 {
		x = int64(d.exp) - 1
	}
	if x < 0 {
		dst = append(dst, '-')
		x = -x
	} else {
		dst = append(dst, '+')
	}
	if x < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, x, 10)
}

// appendF appends d as ddd.ddd with prec digits after the point.
func (d *decDigits) appendF(dst []byte, prec int) []byte {
	if d.exp > 0 {
		for i := 0; i < d.exp; i++ {
			dst = append(dst, d.digit(i))
		}
	} else {
		dst = append(dst, '0')
	}
	if prec > 0 {
		dst = append(dst, '.')
		for i := 0; i < prec; i++ {
			dst = append(dst, d.digit(d.exp+i))
		}
	}
	return dst
}

// appendExp2 appends "p" and a binary exponent with an explicit sign
// for e >= 0 ('+') and at least digits digits.
func appendExp2(dst []byte, e int64, digits int) []byte {
	dst = append(dst, 'p')
	if e >= 0 {
		dst = append(dst, '+')
	} else {
		dst = append(dst, '-')
		e = -e
	}
	if digits == 2 && e < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, e, 10)
}

// appendB appends |x| as a decimal mantissa of x.Prec() bits, 'p' and a
// power of two ("0" for zero).
func (x *Float) appendB(dst []byte) []byte {
	if x.form == kindZero {
		return append(dst, '0')
	}
	m := nat(nil).mantTo(x.mant, uint(x.prec))
	dst = m.appendDigits(dst, 10)
	e := int64(x.exp) - int64(x.prec)
	if e >= 0 {
		dst = append(dst, 'p', '+')
	} else {
		dst = append(dst, 'p')
	}
	return strconv.AppendInt(dst, e, 10)
}

// appendP appends |x| as "0x." and hex digits without trailing zeros,
// 'p' and a power of two ("0" for zero).
func (x *Float) appendP(dst []byte) []byte {
	if x.form == kindZero {
		return append(dst, '0')
	}
	m := x.mant
	for len(m) > 0 && m[0] == 0 {
		m = m[1:]
	}
	hex := m.appendDigits(nil, 16)
	n := len(hex)
	for n > 0 && hex[n-1] == '0' {
		n--
	}
	dst = append(dst, "0x."...)
	dst = append(dst, hex[:n]...)
	if x.exp >= 0 {
		dst = append(dst, 'p', '+')
	} else {
		dst = append(dst, 'p')
	}
	return strconv.AppendInt(dst, int64(x.exp), 10)
}

// appendX appends |x| as 0x1.hhhp±dd: rounded (in x's mode) to prec hex
// digits after the point, or for a negative prec to as many as x's
// nonzero bits need.
func (x *Float) appendX(dst []byte, prec int) []byte {
	if x.form == kindZero {
		dst = append(dst, "0x0"...)
		if prec > 0 {
			dst = append(dst, '.')
			for i := 0; i < prec; i++ {
				dst = append(dst, '0')
			}
		}
		return append(dst, "p+00"...)
	}
	var bits uint
	if prec < 0 {
		bits = 1 + (x.MinPrec()+2)/4*4
	} else {
		bits = 1 + 4*uint(prec)
	}
	r := new(Float).SetPrec(bits).SetMode(x.mode).Set(x)
	m := r.mant
	have := uint(len(m)) * wordBits
	switch {
	case have < bits:
		m = nat(nil).shiftLeft(m, bits-have)
	case have > bits:
		m = nat(nil).shiftRight(m, have-bits)
	}
	hex := m.appendDigits(nil, 16)
	dst = append(dst, "0x1"...)
	if len(hex) > 1 {
		dst = append(dst, '.')
		dst = append(dst, hex[1:]...)
	}
	return appendExp2(dst, int64(r.exp)-1, 2)
}

// Format implements fmt.Formatter for the verbs 'b', 'e', 'E', 'f', 'F',
// 'g', 'G', 'x', 'p' and 'v' (as 'g'), with precision (default 6 for
// 'e', 'f', 'x'; shortest for 'g', 'G', 'v'), width and the flags '+',
// ' ', '0' and '-'.
func (x *Float) Format(s fmt.State, format rune) {
	prec, given := s.Precision()
	if !given {
		prec = 6
	}
	switch format {
	case 'b', 'e', 'E', 'f', 'p', 'x':
	case 'F':
		format = 'f'
	case 'v', 'g', 'G':
		if format == 'v' {
			format = 'g'
		}
		if !given {
			prec = -1
		}
	default:
		fmt.Fprintf(s, "%%!%c(*big.Float=%s)", format, x.Text('g', 10))
		return
	}
	body := x.Append(nil, byte(format), prec)
	if len(body) == 0 {
		body = []byte("?")
	}
	sign := ""
	switch {
	case body[0] == '-':
		sign, body = "-", body[1:]
	case body[0] == '+':
		sign, body = "+", body[1:]
		if s.Flag(' ') {
			sign = " "
		}
	case s.Flag('+'):
		sign = "+"
	case s.Flag(' '):
		sign = " "
	}
	pad := 0
	if w, ok := s.Width(); ok && w > len(sign)+len(body) {
		pad = w - len(sign) - len(body)
	}
	switch {
	case s.Flag('0') && x.form != kindInf:
		writeRepeat(s, sign, 1)
		writeRepeat(s, "0", pad)
		s.Write(body)
	case s.Flag('-'):
		writeRepeat(s, sign, 1)
		s.Write(body)
		writeRepeat(s, " ", pad)
	default:
		writeRepeat(s, " ", pad)
		writeRepeat(s, sign, 1)
		s.Write(body)
	}
}

// writeRepeat writes text n times to s.
func writeRepeat(s fmt.State, text string, n int) {
	if text == "" || n <= 0 {
		return
	}
	b := make([]byte, 0, len(text)*n)
	for ; n > 0; n-- {
		b = append(b, text...)
	}
	s.Write(b)
}
