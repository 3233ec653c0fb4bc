// Package base64 converts between bytes and the base64 text of RFC 4648.
// rgo: plain Go.
//
// Error offsets, the tolerance of '\r' and '\n' anywhere in the input, and
// the read and write sizes of the streaming encoder and decoder follow Go,
// since callers observe them.
package base64

import (
	"io"
	"slices"
	"strconv"
)

// Encoding is one base64 variant: a 64-symbol alphabet, a padding choice
// and a strictness flag.
type Encoding struct {
	alphabet [64]byte   // symbol for each 6-bit value
	lookup   [256]uint8 // 6-bit value of each byte, or notSymbol
	pad      rune       // padding byte, or NoPadding
	strict   bool       // reject non-zero unused bits
}

// Padding choices for WithPadding.
const (
	StdPadding rune = '=' // pad with '='
	NoPadding  rune = -1  // do not pad
)

// notSymbol marks bytes outside the alphabet in lookup.
const notSymbol = 0xff

// NewEncoding returns a padded Encoding for the 64-byte alphabet, which
// must not contain '\r', '\n' or a repeated byte.
func NewEncoding(encoder string) *Encoding {
	if len(encoder) != 64 {
		panic("encoding alphabet is not 64-bytes long")
	}
	e := &Encoding{pad: StdPadding}
	copy(e.alphabet[:], encoder)
	for k := range e.lookup {
		e.lookup[k] = notSymbol
	}
	for value, sym := range []byte(encoder) {
		if sym == '\n' || sym == '\r' {
			panic("encoding alphabet contains newline character")
		}
		if e.lookup[sym] != notSymbol {
			panic("encoding alphabet includes duplicate symbols")
		}
		e.lookup[sym] = uint8(value)
	}
	return e
}

// WithPadding returns a copy of enc padding with the given byte, or not at
// all for NoPadding. The byte must not be '\r', '\n', above 0xff, or in the
// alphabet.
func (enc Encoding) WithPadding(padding rune) *Encoding {
	if padding < NoPadding || padding > 0xff || padding == '\r' || padding == '\n' {
		panic("invalid padding")
	}
	if padding != NoPadding && enc.lookup[byte(padding)] != notSymbol {
		panic("padding contained in alphabet")
	}
	enc.pad = padding
	return &enc
}

// Strict returns a copy of enc that rejects encodings whose unused trailing
// bits are not zero.
func (enc Encoding) Strict() *Encoding {
	enc.strict = true
	return &enc
}

// StdEncoding is the padded standard alphabet of RFC 4648.
var StdEncoding = NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

// URLEncoding is the padded URL- and file-name-safe alphabet of RFC 4648.
var URLEncoding = NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

// RawStdEncoding is StdEncoding without padding.
var RawStdEncoding = StdEncoding.WithPadding(NoPadding)

// RawURLEncoding is URLEncoding without padding.
var RawURLEncoding = URLEncoding.WithPadding(NoPadding)

// Encode writes the encoding of src to dst, which must hold
// EncodedLen(len(src)) bytes.
func (enc *Encoding) Encode(dst, src []byte) {
	for len(src) >= 3 {
		group := uint32(src[0])<<16 | uint32(src[1])<<8 | uint32(src[2])
		enc.put(dst, group, 4)
		src, dst = src[3:], dst[4:]
	}
	if len(src) == 0 {
		return
	}
	group := uint32(src[0]) << 16
	if len(src) == 2 {
		group |= uint32(src[1]) << 8
	}
	used := len(src) + 1 // symbols carrying data
	enc.put(dst, group, used)
	if enc.pad != NoPadding {
		for k := used; k < 4; k++ {
			dst[k] = byte(enc.pad)
		}
	}
}

// put writes the first count symbols of a 24-bit group.
func (enc *Encoding) put(dst []byte, group uint32, count int) {
	for k := 0; k < count; k++ {
		dst[k] = enc.alphabet[group>>(18-6*k)&63]
	}
}

// AppendEncode appends the encoding of src to dst.
func (enc *Encoding) AppendEncode(dst, src []byte) []byte {
	size := enc.EncodedLen(len(src))
	dst = slices.Grow(dst, size)
	enc.Encode(dst[len(dst):len(dst)+size], src)
	return dst[:len(dst)+size]
}

// EncodeToString returns the encoding of src.
func (enc *Encoding) EncodeToString(src []byte) string {
	out := make([]byte, enc.EncodedLen(len(src)))
	enc.Encode(out, src)
	return string(out)
}

// EncodedLen is the encoded size of n bytes.
func (enc *Encoding) EncodedLen(n int) int {
	if enc.pad != NoPadding {
		return (n + 2) / 3 * 4 // whole groups of four symbols
	}
	return n/3*4 + (n%3*8+5)/6 // one symbol per started 6 bits
}

// DecodedLen is the largest decoded size of n encoded bytes.
func (enc *Encoding) DecodedLen(n int) int {
	return maxDecoded(n, enc.pad)
}

// maxDecoded is DecodedLen for a padding choice.
func maxDecoded(n int, pad rune) int {
	if pad != NoPadding {
		return n / 4 * 3
	}
	return n/4*3 + n%4*6/8
}

// CorruptInputError is the offset in the input where decoding failed.
type CorruptInputError int64

func (e CorruptInputError) Error() string {
	return "illegal base64 data at input byte " + strconv.FormatInt(int64(e), 10)
}

// isNewline reports whether b is skipped wherever it appears.
func isNewline(b byte) bool { return b == '\n' || b == '\r' }

// skipNewlines returns the first index at or after at not holding '\r' or
// '\n'.
func skipNewlines(src []byte, at int) int {
	for at < len(src) && isNewline(src[at]) {
		at++
	}
	return at
}

// readGroup collects up to four symbol values from src starting at at. It
// returns where it stopped, how many symbols it got (0, or 2 to 4), and
// an error; err may come with symbols when padding is followed by junk.
func (enc *Encoding) readGroup(src []byte, at int, vals *[4]byte) (next, got int, err error) {
	for got < 4 {
		if at == len(src) {
			if got == 0 {
				return at, 0, nil
			}
			if got == 1 || enc.pad != NoPadding {
				return at, 0, CorruptInputError(at - got)
			}
			return at, got, nil // unpadded final group
		}
		b := src[at]
		at++
		if v := enc.lookup[b]; v != notSymbol {
			vals[got] = v
			got++
			continue
		}
		if isNewline(b) {
			continue
		}
		if rune(b) != enc.pad || got < 2 {
			return at, 0, CorruptInputError(at - 1)
		}
		return enc.afterPadding(src, at, got)
	}
	return at, got, nil
}

// afterPadding checks the rest of a group that met its first pad byte
// after got symbols (just before at): a second pad byte is needed after
// two symbols, and nothing but newlines may follow.
func (enc *Encoding) afterPadding(src []byte, at, got int) (next, n int, err error) {
	if got == 2 {
		at = skipNewlines(src, at)
		if at == len(src) {
			return at, 0, CorruptInputError(len(src))
		}
		if rune(src[at]) != enc.pad {
			return at, 0, CorruptInputError(at - 1)
		}
		at++
	}
	at = skipNewlines(src, at)
	if at < len(src) {
		err = CorruptInputError(at) // data after the padding
	}
	return at, got, err
}

// decodeGroup decodes one group into dst and returns the position after
// it, the bytes produced and an error.
func (enc *Encoding) decodeGroup(dst, src []byte, at int) (next, n int, err error) {
	var vals [4]byte
	next, got, err := enc.readGroup(src, at, &vals)
	if got == 0 {
		return next, 0, err
	}
	bits := uint32(vals[0])<<18 | uint32(vals[1])<<12 | uint32(vals[2])<<6 | uint32(vals[3])
	out := [3]byte{byte(bits >> 16), byte(bits >> 8), byte(bits)}
	n = got - 1
	if enc.strict && !zeroFrom(out[:], n) {
		// Bits beyond the decoded bytes must be zero. As in Go, the byte
		// just before the unused ones is stored before failing, and the
		// reported offset depends on how short the group is.
		dst[n-1] = out[n-1]
		return next, 0, CorruptInputError(next - (4 - got))
	}
	copy(dst[:n], out[:n])
	return next, n, err
}

// zeroFrom reports whether b[from:] is all zero.
func zeroFrom(b []byte, from int) bool {
	for _, x := range b[from:] {
		if x != 0 {
			return false
		}
	}
	return true
}

// AppendDecode appends the decoding of src to dst.
func (enc *Encoding) AppendDecode(dst, src []byte) ([]byte, error) {
	end := len(src)
	for end > 0 && rune(src[end-1]) == enc.pad {
		end--
	}
	room := maxDecoded(end, NoPadding)
	dst = slices.Grow(dst, room)
	n, err := enc.Decode(dst[len(dst):len(dst)+room], src)
	return dst[:len(dst)+n], err
}

// DecodeString returns the bytes s encodes.
func (enc *Encoding) DecodeString(s string) ([]byte, error) {
	out := make([]byte, enc.DecodedLen(len(s)))
	n, err := enc.Decode(out, []byte(s))
	return out[:n], err
}

// Decode writes the bytes src encodes to dst (DecodedLen(len(src)) bytes
// suffice) and returns how many it wrote; '\r' and '\n' are ignored.
func (enc *Encoding) Decode(dst, src []byte) (n int, err error) {
	for at := 0; at < len(src); {
		var made int
		at, made, err = enc.decodeGroup(dst[n:], src, at)
		n += made
		if err != nil || made < 3 {
			break // an error, or the final (short or padded) group
		}
	}
	return n, err
}

// encoder is the WriteCloser of NewEncoder.
type encoder struct {
	err   error
	enc   *Encoding
	w     io.Writer
	carry [3]byte // bytes of an incomplete group
	ncar  int
	out   [1024]byte // symbols of up to 768 input bytes per write
}

func (e *encoder) Write(p []byte) (n int, err error) {
	if e.err != nil {
		return 0, e.err
	}
	if e.ncar > 0 {
		took := copy(e.carry[e.ncar:], p)
		e.ncar += took
		n, p = took, p[took:]
		if e.ncar < 3 {
			return n, nil
		}
		if err := e.emit(e.carry[:], 4); err != nil {
			return n, err
		}
		e.ncar = 0
	}
	for len(p) >= 3 {
		chunk := min(len(e.out)/4*3, len(p)/3*3)
		if err := e.emit(p[:chunk], chunk/3*4); err != nil {
			return n, err
		}
		n, p = n+chunk, p[chunk:]
	}
	e.ncar = copy(e.carry[:], p)
	return n + e.ncar, nil
}

// emit encodes src into out and writes the first size symbols.
func (e *encoder) emit(src []byte, size int) error {
	e.enc.Encode(e.out[:], src)
	_, e.err = e.w.Write(e.out[:size])
	return e.err
}

// Close writes the final partial group, padded as the Encoding says.
func (e *encoder) Close() error {
	if e.err != nil || e.ncar == 0 {
		return e.err
	}
	e.emit(e.carry[:e.ncar], e.enc.EncodedLen(e.ncar))
	e.ncar = 0
	return e.err
}

// NewEncoder returns a WriteCloser that encodes what is written to it onto
// w; Close writes the last partial group.
func NewEncoder(enc *Encoding, w io.Writer) io.WriteCloser {
	return &encoder{enc: enc, w: w}
}

// decoder is the Reader of NewDecoder.
type decoder struct {
	err     error
	readErr error // the source's error, reported once its data is used
	enc     *Encoding
	r       io.Reader
	in      [1024]byte // symbols read but not decoded
	nin     int
	ready   []byte // decoded bytes not yet returned
	space   [1024 / 4 * 3]byte
}

func (d *decoder) Read(p []byte) (n int, err error) {
	if len(d.ready) != 0 {
		return d.hand(p), nil
	}
	if d.err != nil {
		return 0, d.err
	}
	// Read until a whole group is in; ask for about what p can take.
	for d.nin < 4 && d.readErr == nil {
		want := min(max(len(p)/3*4, 4), len(d.in))
		var got int
		got, d.readErr = d.r.Read(d.in[d.nin:want])
		d.nin += got
	}
	if d.nin < 4 {
		return d.finish(p)
	}
	whole := d.nin / 4 * 4
	if d.nin/4*3 > len(p) {
		var made int
		made, d.err = d.enc.Decode(d.space[:], d.in[:whole])
		d.ready = d.space[:made]
		n = d.hand(p)
	} else {
		n, d.err = d.enc.Decode(p, d.in[:whole])
	}
	d.nin = copy(d.in[:], d.in[whole:d.nin])
	return n, d.err
}

// hand copies decoded bytes into p.
func (d *decoder) hand(p []byte) int {
	n := copy(p, d.ready)
	d.ready = d.ready[n:]
	return n
}

// finish handles the end of the input with fewer than four symbols left.
func (d *decoder) finish(p []byte) (int, error) {
	if d.enc.pad == NoPadding && d.nin > 0 {
		var made int
		made, d.err = d.enc.Decode(d.space[:], d.in[:d.nin])
		d.nin = 0
		d.ready = d.space[:made]
		n := d.hand(p)
		if n > 0 || len(p) == 0 && len(d.ready) > 0 {
			return n, nil
		}
		if d.err != nil {
			return 0, d.err
		}
	}
	d.err = d.readErr
	if d.err == io.EOF && d.nin > 0 {
		d.err = io.ErrUnexpectedEOF
	}
	return 0, d.err
}

// dropNewlines removes '\r' and '\n' from what its reader returns, reading
// again when nothing else is left.
type dropNewlines struct {
	src io.Reader
}

func (r *dropNewlines) Read(p []byte) (int, error) {
	n, err := r.src.Read(p)
	for n > 0 {
		kept := 0
		for _, b := range p[:n] {
			if !isNewline(b) {
				p[kept] = b
				kept++
			}
		}
		if kept > 0 {
			return kept, err
		}
		n, err = r.src.Read(p)
	}
	return n, err
}

// NewDecoder returns a Reader that decodes the base64 text read from r.
func NewDecoder(enc *Encoding, r io.Reader) io.Reader {
	return &decoder{enc: enc, r: &dropNewlines{src: r}}
}
