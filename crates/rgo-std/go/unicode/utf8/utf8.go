// Package utf8 encodes, decodes and checks UTF-8 text. rgo: plain Go.
package utf8

// Numbers fundamental to the encoding.
const (
	RuneError = '\uFFFD'     // U+FFFD, what invalid input decodes to
	RuneSelf  = 0x80         // runes below this are one byte, themselves
	MaxRune   = '\U0010FFFF' // the largest code point
	UTFMax    = 4            // the longest encoding, in bytes
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF

	tx = 0x80 // 10xxxxxx
	t2 = 0xC0 // 110xxxxx
	t3 = 0xE0 // 1110xxxx
	t4 = 0xF0 // 11110xxx

	maskx = 0x3F
	mask2 = 0x1F
	mask3 = 0x0F
	mask4 = 0x07

	rune1Max = 1<<7 - 1
	rune2Max = 1<<11 - 1
	rune3Max = 1<<16 - 1
)

// seqLen returns the length of the sequence started by lead byte b, and
// the valid range of the second byte; 0 length means b cannot start one.
func seqLen(b byte) (n int, lo, hi byte) {
	switch {
	case b < 0x80:
		return 1, 0, 0
	case b < 0xC2:
		return 0, 0, 0
	case b < 0xE0:
		return 2, 0x80, 0xBF
	case b == 0xE0:
		return 3, 0xA0, 0xBF
	case b == 0xED:
		return 3, 0x80, 0x9F
	case b < 0xF0:
		return 3, 0x80, 0xBF
	case b == 0xF0:
		return 4, 0x90, 0xBF
	case b < 0xF4:
		return 4, 0x80, 0xBF
	case b == 0xF4:
		return 4, 0x80, 0x8F
	}
	return 0, 0, 0
}

// FullRune reports whether the bytes in p begin with a full UTF-8 encoding
// of a rune. An invalid encoding is considered a full Rune since it will
// convert as a width-1 error rune.
func FullRune(p []byte) bool {
	if len(p) == 0 {
		return false
	}
	n, lo, hi := seqLen(p[0])
	if n <= 1 || len(p) >= n {
		return true
	}
	if len(p) > 1 && (p[1] < lo || p[1] > hi) {
		return true
	}
	if len(p) > 2 && (p[2] < 0x80 || p[2] > 0xBF) {
		return true
	}
	return false
}

// FullRuneInString is FullRune for a string.
func FullRuneInString(s string) bool {
	if len(s) == 0 {
		return false
	}
	n, lo, hi := seqLen(s[0])
	if n <= 1 || len(s) >= n {
		return true
	}
	if len(s) > 1 && (s[1] < lo || s[1] > hi) {
		return true
	}
	if len(s) > 2 && (s[2] < 0x80 || s[2] > 0xBF) {
		return true
	}
	return false
}

// DecodeRune unpacks the first UTF-8 encoding in p and returns the rune
// and its width in bytes. If p is empty it returns (RuneError, 0).
// Otherwise, if the encoding is invalid, it returns (RuneError, 1).
func DecodeRune(p []byte) (r rune, size int) {
	if len(p) == 0 {
		return RuneError, 0
	}
	b0 := p[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	n, lo, hi := seqLen(b0)
	if n == 0 || len(p) < n || p[1] < lo || p[1] > hi {
		return RuneError, 1
	}
	if n == 2 {
		return rune(b0&mask2)<<6 | rune(p[1]&maskx), 2
	}
	if p[2] < 0x80 || p[2] > 0xBF {
		return RuneError, 1
	}
	if n == 3 {
		return rune(b0&mask3)<<12 | rune(p[1]&maskx)<<6 | rune(p[2]&maskx), 3
	}
	if p[3] < 0x80 || p[3] > 0xBF {
		return RuneError, 1
	}
	return rune(b0&mask4)<<18 | rune(p[1]&maskx)<<12 | rune(p[2]&maskx)<<6 | rune(p[3]&maskx), 4
}

// DecodeRuneInString is like DecodeRune but its input is a string.
func DecodeRuneInString(s string) (r rune, size int) {
	if len(s) == 0 {
		return RuneError, 0
	}
	b0 := s[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	n, lo, hi := seqLen(b0)
	if n == 0 || len(s) < n || s[1] < lo || s[1] > hi {
		return RuneError, 1
	}
	if n == 2 {
		return rune(b0&mask2)<<6 | rune(s[1]&maskx), 2
	}
	if s[2] < 0x80 || s[2] > 0xBF {
		return RuneError, 1
	}
	if n == 3 {
		return rune(b0&mask3)<<12 | rune(s[1]&maskx)<<6 | rune(s[2]&maskx), 3
	}
	if s[3] < 0x80 || s[3] > 0xBF {
		return RuneError, 1
	}
	return rune(b0&mask4)<<18 | rune(s[1]&maskx)<<12 | rune(s[2]&maskx)<<6 | rune(s[3]&maskx), 4
}

// lastStart finds where the last rune of a text of length n begins, given
// that its last byte is not ASCII: the nearest rune-start byte among the
// UTFMax-1 bytes before the last one; failing that, the byte before that
// window (or index 0).
func lastStart(n int, at func(int) byte) int {
	floor := max(n-UTFMax, 0)
	for k := n - 2; k >= floor; k-- {
		if RuneStart(at(k)) {
			return k
		}
	}
	return max(floor-1, 0)
}

// DecodeLastRune decodes the rune that ends p and returns it with its
// size: (RuneError, 0) for an empty p, (RuneError, 1) when the end of p is
// not a complete valid sequence.
func DecodeLastRune(p []byte) (r rune, size int) {
	n := len(p)
	if n == 0 {
		return RuneError, 0
	}
	if last := p[n-1]; last < RuneSelf {
		return rune(last), 1
	}
	from := lastStart(n, func(k int) byte { return p[k] })
	if r, size = DecodeRune(p[from:]); from+size == n {
		return r, size
	}
	return RuneError, 1
}

// DecodeLastRuneInString is DecodeLastRune for a string.
func DecodeLastRuneInString(s string) (r rune, size int) {
	n := len(s)
	if n == 0 {
		return RuneError, 0
	}
	if last := s[n-1]; last < RuneSelf {
		return rune(last), 1
	}
	from := lastStart(n, func(k int) byte { return s[k] })
	if r, size = DecodeRuneInString(s[from:]); from+size == n {
		return r, size
	}
	return RuneError, 1
}

// RuneLen returns how many bytes the UTF-8 form of r takes, or -1 when r
// cannot be encoded (negative, a surrogate, or above MaxRune).
func RuneLen(r rune) int {
	if !ValidRune(r) {
		return -1
	}
	switch {
	case r <= rune1Max:
		return 1
	case r <= rune2Max:
		return 2
	case r <= rune3Max:
		return 3
	}
	return 4
}

// EncodeRune writes the UTF-8 form of r into p, which must be long
// enough, and returns its length; runes that cannot be encoded are
// written as RuneError.
func EncodeRune(p []byte, r rune) int {
	if uint32(r) < RuneSelf {
		p[0] = byte(r)
		return 1
	}
	if !ValidRune(r) {
		r = RuneError
	}
	size := RuneLen(r)
	// Continuation bytes carry six bits each, last byte first; the first
	// write is to p[size-1], so a short p panics on that index as in Go.
	for k := size - 1; k > 0; k-- {
		p[k] = tx | byte(r)&maskx
		r >>= 6
	}
	leads := [...]byte{2: t2, 3: t3, 4: t4}
	p[0] = leads[size] | byte(r)
	return size
}

// AppendRune appends the UTF-8 form of r to p (RuneError for runes that
// cannot be encoded).
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < RuneSelf {
		return append(p, byte(r))
	}
	var enc [UTFMax]byte
	return append(p, enc[:EncodeRune(enc[:], r)]...)
}

// RuneCount counts the runes of p, each invalid byte counting as one.
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); n++ {
		if p[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRune(p[i:])
		i += size
	}
	return n
}

// RuneCountInString is like RuneCount but its input is a string.
func RuneCountInString(s string) (n int) {
	for i := 0; i < len(s); n++ {
		if s[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// RuneStart reports whether the byte could be the first byte of an
// encoded, possibly invalid rune. Second and subsequent bytes always have
// the top two bits set to 10.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Valid reports whether p is entirely well-formed UTF-8.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRune(p[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidString reports whether s is entirely well-formed UTF-8.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRuneInString(s[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidRune reports whether r is a Unicode scalar value: in range and not
// a surrogate.
func ValidRune(r rune) bool {
	if r < 0 || r > MaxRune {
		return false
	}
	return r < surrogateMin || r > surrogateMax
}
