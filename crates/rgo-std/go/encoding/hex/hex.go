// Package hex converts between bytes and hexadecimal text. rgo: plain Go.
package hex

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

const hextable = "0123456789abcdef"

// ErrLength is the error of Decode and DecodeString for an odd number of
// digits (the stream Decoder reports io.ErrUnexpectedEOF instead).
var ErrLength = errors.New("encoding/hex: odd length hex string")

// InvalidByteError is the error for a character that is not a hex digit.
type InvalidByteError byte

func (e InvalidByteError) Error() string {
	text := fmt.Sprintf("%#U", rune(e))
	return "encoding/hex: invalid byte: " + text
}

// EncodedLen is the encoded size of n bytes: 2n.
func EncodedLen(n int) int { return n * 2 }

// Encode writes the lower-case hex form of src into dst, which needs
// EncodedLen(len(src)) bytes, and returns that count.
func Encode(dst, src []byte) int {
	for k, b := range src {
		dst[2*k], dst[2*k+1] = hextable[b>>4], hextable[b&15]
	}
	return EncodedLen(len(src))
}

// AppendEncode appends the hex form of src to dst.
func AppendEncode(dst, src []byte) []byte {
	size := EncodedLen(len(src))
	dst = slices.Grow(dst, size)
	Encode(dst[len(dst):len(dst)+size], src)
	return dst[:len(dst)+size]
}

// DecodedLen is the decoded size of x hex digits: x/2.
func DecodedLen(x int) int { return x / 2 }

// digitValue returns the value of a hex digit of either case.
func digitValue(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c|0x20 >= 'a' && c|0x20 <= 'f':
		return c | 0x20 - 'a' + 10, true
	}
	return 0, false
}

// Decode writes the bytes that the hex digits of src encode into dst
// (DecodedLen(len(src)) bytes suffice) and returns how many it wrote. It
// stops at the first non-digit (InvalidByteError); an odd length gives
// ErrLength, unless the last character is itself not a digit.
func Decode(dst, src []byte) (int, error) {
	pairs := len(src) / 2
	for k := 0; k < pairs; k++ {
		hi, ok := digitValue(src[2*k])
		if !ok {
			return k, InvalidByteError(src[2*k])
		}
		lo, ok := digitValue(src[2*k+1])
		if !ok {
			return k, InvalidByteError(src[2*k+1])
		}
		dst[k] = hi<<4 | lo
	}
	if len(src)%2 == 0 {
		return pairs, nil
	}
	if last := src[len(src)-1]; !isHex(last) {
		return pairs, InvalidByteError(last)
	}
	return pairs, ErrLength
}

// AppendDecode appends the bytes src encodes to dst; on malformed input it
// returns what was decoded before the error, and the error.
func AppendDecode(dst, src []byte) ([]byte, error) {
	room := DecodedLen(len(src))
	dst = slices.Grow(dst, room)
	got, err := Decode(dst[len(dst):len(dst)+room], src)
	return dst[:len(dst)+got], err
}

// EncodeToString returns the hex form of src as a string.
func EncodeToString(src []byte) string {
	out := make([]byte, EncodedLen(len(src)))
	Encode(out, src)
	return string(out)
}

// DecodeString returns the bytes the hex string s encodes.
func DecodeString(s string) ([]byte, error) {
	out := []byte(s) // decoded in place: each byte needs two digits
	got, err := Decode(out, out)
	return out[:got], err
}

// Dump returns a string that contains a hex dump of the given data. The
// format of the hex dump matches the output of `hexdump -C` on the
// command line.
func Dump(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	var buf strings.Builder
	dumper := Dumper(&buf)
	dumper.Write(data)
	dumper.Close()
	return buf.String()
}

// chunk is how many hex digits the stream encoder and decoder buffer.
const chunk = 1024

// encoder is the Writer of NewEncoder.
type encoder struct {
	w   io.Writer
	err error
	out [chunk]byte
}

// NewEncoder returns a Writer that writes the hex form of its input to w.
func NewEncoder(w io.Writer) io.Writer { return &encoder{w: w} }

func (e *encoder) Write(p []byte) (n int, err error) {
	for e.err == nil && len(p) != 0 {
		part := p[:min(len(p), chunk/2)]
		size := Encode(e.out[:], part)
		var wrote int
		wrote, e.err = e.w.Write(e.out[:size])
		n += wrote / 2
		p = p[len(part):]
	}
	return n, e.err
}

// decoder is the Reader of NewDecoder.
type decoder struct {
	r     io.Reader
	err   error
	in    []byte // digits read but not decoded, inside store
	store [chunk]byte
}

// NewDecoder returns a Reader that decodes the hex digits read from r; an
// odd number of digits ends in io.ErrUnexpectedEOF.
func NewDecoder(r io.Reader) io.Reader { return &decoder{r: r} }

// refill tops up the digit buffer; at EOF a lone leftover character is an
// InvalidByteError or io.ErrUnexpectedEOF.
func (d *decoder) refill() {
	kept := copy(d.store[:], d.in)
	got, err := d.r.Read(d.store[kept:])
	d.in, d.err = d.store[:kept+got], err
	if err != io.EOF || len(d.in)%2 == 0 {
		return
	}
	if last := d.in[len(d.in)-1]; last > 0x7f || !isHex(last) {
		d.err = InvalidByteError(last)
	} else {
		d.err = io.ErrUnexpectedEOF
	}
}

func (d *decoder) Read(p []byte) (n int, err error) {
	if d.err == nil && len(d.in) < 2 {
		d.refill()
	}
	p = p[:min(len(p), len(d.in)/2)]
	n, err = Decode(p, d.in[:2*len(p)])
	d.in = d.in[2*n:]
	if err != nil {
		d.in, d.err = nil, err
	}
	if len(d.in) < 2 {
		return n, d.err // a pending error shows once the digits run out
	}
	return n, err
}

// isHex reports whether c is a hex digit.
func isHex(c byte) bool {
	_, ok := digitValue(c)
	return ok
}

// Dumper returns a io.WriteCloser that writes a hex dump of all written
// data to w. The format of the dump matches the output of `hexdump -C` on
// the command line.
func Dumper(w io.Writer) io.WriteCloser { return &dumper{w: w} }

// dumper collects up to 16 bytes and writes each completed line as
//
//	oooooooo  xx xx xx xx xx xx xx xx  xx xx xx xx xx xx xx xx  |cccccccccccccccc|
//
// where o is the 8-hex-digit offset; Close writes the last, partial line
// padded to the same columns.
type dumper struct {
	w      io.Writer
	line   [16]byte
	used   int  // bytes in line
	off    uint // offset of line[0]
	closed bool
}

// format renders the current line (used bytes of it).
func (h *dumper) format() []byte {
	b := make([]byte, 0, 80)
	off := uint32(h.off)
	b = append(b, hextable[off>>28&15], hextable[off>>24&15], hextable[off>>20&15], hextable[off>>16&15],
		hextable[off>>12&15], hextable[off>>8&15], hextable[off>>4&15], hextable[off&15], ' ', ' ')
	for i := 0; i < 16; i++ {
		if i < h.used {
			b = append(b, hextable[h.line[i]>>4], hextable[h.line[i]&15], ' ')
		} else {
			b = append(b, ' ', ' ', ' ')
		}
		if i == 7 {
			b = append(b, ' ')
		}
	}
	b = append(b, ' ', '|')
	for _, c := range h.line[:h.used] {
		if c < 32 || c > 126 {
			c = '.'
		}
		b = append(b, c)
	}
	return append(b, '|', '\n')
}

func (h *dumper) Write(data []byte) (n int, err error) {
	if h.closed {
		return 0, errors.New("encoding/hex: dumper closed")
	}
	for _, c := range data {
		h.line[h.used] = c
		h.used++
		n++
		if h.used == 16 {
			_, err = h.w.Write(h.format())
			h.off += 16
			h.used = 0
			if err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

func (h *dumper) Close() (err error) {
	if h.closed {
		return nil
	}
	h.closed = true
	if h.used == 0 {
		return nil
	}
	_, err = h.w.Write(h.format())
	return err
}
