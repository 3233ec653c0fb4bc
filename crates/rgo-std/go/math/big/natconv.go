package big

import (
	"errors"
	"io"
	"math/bits"
)

const digitChars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

var (
	errNoDigits = errors.New("number has no digits")
	errInvalSep = errors.New("'_' must separate successive digits")
)

// bigDigit returns base**k, the largest power of base that fits a Word,
// and k.
func bigDigit(base Word) (Word, int) {
	p, k := base, 1
	for {
		hi, lo := mulWW(p, base)
		if hi != 0 {
			return p, k
		}
		p, k = lo, k+1
	}
}

// digitVal is the value of digit c in bases up to MaxBase (letters are
// case-insensitive up to base 36), or MaxBase+1 for a non-digit.
func digitVal(c byte, base int) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'Z':
		if base <= 36 {
			return int(c-'A') + 10
		}
		return int(c-'A') + 36
	}
	return MaxBase + 1
}

// numScan is the result of scanning an unsigned number.
type numScan struct {
	base   int // base in effect (after any prefix)
	prefix byte
	digits int // number of digits read, prefix digits excluded
	frac   int // digits after the point, -1 without a point
}

// scanNum reads an unsigned number from r into z. base 0 applies Go's
// prefix rules (0b, 0o, 0x and, unless point is set, a leading 0 for
// octal) and allows '_' between digits; otherwise base is 2..MaxBase.
// With point set one '.' may occur. The character ending the number is
// unread; io.EOF ends it silently.
func (z nat) readNum(r io.ByteScanner, base int, point bool) (nat, numScan, error) {
	res := numScan{base: base, frac: -1}
	underscoreOK := base == 0
	// separator state: previous character was '_' or a digit-like one
	const (
		sepStart = iota
		sepDigit
		sepUnder
	)
	prev := sepStart
	badSep := false
	c, err := r.ReadByte()
	if base == 0 {
		res.base = 10
		if err == nil && c == '0' {
			prev = sepDigit
			c, err = r.ReadByte()
			switch {
			case err != nil:
				// a lone "0"
				return z[:0], numScan{base: 10, prefix: 0, digits: 1, frac: -1}, nil
			case c == 'x' || c == 'X':
				res.base, res.prefix = 16, 'x'
			case c == 'b' || c == 'B':
				res.base, res.prefix = 2, 'b'
			case c == 'o' || c == 'O':
				res.base, res.prefix = 8, 'o'
			default:
				if point {
					// a leading zero in a float is an ordinary digit
					res.digits = 1
				} else {
					res.base, res.prefix = 8, '0'
					res.digits = 1
				}
				goto body
			}
			c, err = r.ReadByte()
		}
	}
body:
	b := Word(res.base)
	chunkMax, chunkLen := bigDigit(b)
	// full chunks of chunkLen digits, most significant first
	var chunks []Word
	var acc Word
	n := 0
	prefixDigits := res.digits
	for err == nil {
		switch {
		case c == '.' && point && res.frac < 0:
			if prev == sepUnder {
				badSep = true
			}
			res.frac = 0
			prev = sepStart
		case c == '_' && underscoreOK:
			if prev != sepDigit {
				badSep = true
			}
			prev = sepUnder
		default:
			d := digitVal(c, res.base)
			if d >= res.base {
				r.UnreadByte()
				goto done
			}
			prev = sepDigit
			res.digits++
			if res.frac >= 0 {
				res.frac++
			}
			acc = acc*b + Word(d)
			n++
			if n == chunkLen {
				chunks = append(chunks, acc)
				acc, n = 0, 0
			}
		}
		c, err = r.ReadByte()
	}
	if err != io.EOF {
		return z, res, err
	}
done:
	z = z.joinChunks(chunks, chunkMax)
	if n > 0 {
		pow := Word(1)
		for i := 0; i < n; i++ {
			pow *= b
		}
		z = z.mulAdd1(z, pow, acc)
	}
	if prev == sepUnder {
		badSep = true
	}
	if res.digits == 0 {
		if res.prefix == '0' {
			return z[:0], res, nil
		}
		return z, res, errNoDigits
	}
	if res.digits == prefixDigits && res.prefix == '0' {
		res.base, res.prefix = 10, 0
	}
	if badSep {
		return z, res, errInvalSep
	}
	return z.trimmed(), res, nil
}

// fromChunks sets z to the number whose digits in base chunkMax are
// chunks (most significant first): Horner's rule for short inputs,
// otherwise the two halves combined as hi * chunkMax^len(lo) + lo, so
// that long inputs cost a few large multiplications.
func (z nat) joinChunks(chunks []Word, chunkMax Word) nat {
	if len(chunks) <= 40 {
		if cap(z) < len(chunks)+1 {
			z = make(nat, 0, len(chunks)+1)
		}
		z = z[:0]
		for _, c := range chunks {
			z = z.mulAdd1(z, chunkMax, c)
		}
		return z
	}
	h := len(chunks) / 2
	hi := nat(nil).joinChunks(chunks[:h], chunkMax)
	lo := nat(nil).joinChunks(chunks[h:], chunkMax)
	hi = hi.times(hi, wordPow(chunkMax, len(chunks)-h))
	return z.plus(hi, lo)
}

// utoa returns the digits of x in the given base (2..MaxBase).
func (x nat) digitsIn(base int) []byte {
	return x.appendDigits(nil, base)
}

// appendBase appends the digits of x in base to buf.
func (x nat) appendDigits(buf []byte, base int) []byte {
	if base < 2 || base > MaxBase {
		panic("invalid base")
	}
	if len(x) == 0 {
		return append(buf, '0')
	}
	if base&(base-1) == 0 {
		shift := uint(bits.TrailingZeros(uint(base)))
		mask := Word(base - 1)
		ndig := (x.nbits() + int(shift) - 1) / int(shift)
		start := len(buf)
		buf = append(buf, make([]byte, ndig)...)
		out := buf[start:]
		for i := 0; i < ndig; i++ {
			pos := uint(i) * shift
			w, off := pos/wordBits, pos%wordBits
			d := x[w] >> off
			if off+shift > wordBits && int(w)+1 < len(x) {
				d |= x[w+1] << (wordBits - off)
			}
			out[ndig-1-i] = digitChars[d&mask]
		}
		return buf
	}
	chunkMax, chunkLen := bigDigit(Word(base))
	var digits []byte
	if len(x) > splitConvMin {
		digits = splitDigits(nil, x, base, chunkMax, chunkLen, 0)
	} else {
		digits = chunkDigits(nil, x, base, chunkMax, chunkLen, 0)
	}
	return append(buf, digits...)
}

// splitConvMin is the length (in words) above which a conversion splits
// the number in halves by dividing by a power of the base.
const splitConvMin = 30

// chunkDigits appends the digits of x, left-padded with zeros to width
// digits (0: no padding), by repeated division by chunkMax.
func chunkDigits(buf []byte, x nat, base int, chunkMax Word, chunkLen int, width int) []byte {
	var chunks []Word
	q := nat(nil).assign(x)
	for len(q) > 0 {
		var r Word
		q, r = q.divWord(q, chunkMax)
		chunks = append(chunks, r)
	}
	var tmp [64]byte
	b := Word(base)
	ndig := 0
	// digits of the top chunk, without leading zeros
	start := len(buf)
	for i := len(chunks) - 1; i >= 0; i-- {
		w := chunks[i]
		k := len(tmp)
		for w > 0 {
			k--
			tmp[k] = digitChars[w%b]
			w /= b
		}
		if i != len(chunks)-1 {
			for len(tmp)-k < chunkLen {
				k--
				tmp[k] = '0'
			}
		}
		buf = append(buf, tmp[k:]...)
		ndig += len(tmp) - k
	}
	if ndig < width {
		pad := width - ndig
		buf = append(buf, make([]byte, pad)...)
		copy(buf[start+pad:], buf[start:start+ndig])
		for i := start; i < start+pad; i++ {
			buf[i] = '0'
		}
	}
	return buf
}

// splitDigits appends the digits of x like chunkDigits, splitting x by a
// power of the base into halves converted separately.
func splitDigits(buf []byte, x nat, base int, chunkMax Word, chunkLen int, width int) []byte {
	if len(x) <= splitConvMin {
		if len(x) == 0 {
			for i := 0; i < width; i++ {
				buf = append(buf, '0')
			}
			return buf
		}
		return chunkDigits(buf, x, base, chunkMax, chunkLen, width)
	}
	// divisor chunkMax**k with about half of x's words
	k := len(x) / 2
	div := wordPow(chunkMax, k)
	var hi, lo nat
	hi, lo = hi.quoRem(lo, x, div)
	lowDigits := k * chunkLen
	if width > 0 {
		buf = splitDigits(buf, hi, base, chunkMax, chunkLen, width-lowDigits)
	} else {
		buf = splitDigits(buf, hi, base, chunkMax, chunkLen, 0)
	}
	return splitDigits(buf, lo, base, chunkMax, chunkLen, lowDigits)
}

// wordPow returns w**k.
func wordPow(w Word, k int) nat {
	return nat(nil).powMod(nat{w}, nat(nil).fromWord(Word(k)), nil)
}
