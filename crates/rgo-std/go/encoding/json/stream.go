package json

import (
	"bytes"
	"encoding/json/jsontext"
	"io"
	"reflect"
)

// A Decoder reads a stream of JSON values from a reader.
type Decoder struct {
	r         io.Reader
	data       []byte
	rd     int   // next unread byte in data
	base   int64 // bytes dropped from the front of data
	eof       bool
	err       error
	useNumber bool
	strict    bool

	state int   // where the Token walk stands
	stack []int // enclosing states of open arrays and objects
}

// Token walk states.
const (
	atTop = iota
	arrayOpened
	arrayWantsValue
	arrayWantsComma
	objectOpened
	objectWantsKey
	objectWantsColon
	objectWantsValue
	objectWantsComma
)

// NewDecoder returns a Decoder reading from r.
func NewDecoder(r io.Reader) *Decoder {
	d := new(Decoder)
	d.r = r
	return d
}

// UseNumber makes numbers decoded into interfaces Numbers, not float64s.
func (dd *Decoder) UseNumber() { dd.useNumber = true }

// DisallowUnknownFields makes object keys without a matching struct
// field an error.
func (dd *Decoder) DisallowUnknownFields() { dd.strict = true }

// Buffered returns what has been read from the reader but not decoded.
func (dd *Decoder) Buffered() io.Reader {
	return bytes.NewReader(dd.data[dd.rd:])
}

// InputOffset gives the offset in the stream of the next unread byte.
func (dd *Decoder) InputOffset() int64 {
	return dd.base + int64(dd.rd)
}

// readMore reads more input, first dropping what was consumed.
func (dd *Decoder) readMore() error {
	if dd.rd > 0 {
		dd.base += int64(dd.rd)
		n := copy(dd.data, dd.data[dd.rd:])
		dd.data = dd.data[:n]
		dd.rd = 0
	}
	if cap(dd.data)-len(dd.data) < 512 {
		grown := make([]byte, len(dd.data), 2*cap(dd.data)+512)
		copy(grown, dd.data)
		dd.data = grown
	}
	free := dd.data[len(dd.data):cap(dd.data)]
	got, err := dd.r.Read(free)
	dd.data = dd.data[:len(dd.data)+got]
	if err == io.EOF {
		dd.eof = true
		return nil
	}
	return err
}

// valueLen finds the extent of the next value in data, reading as needed.
func (dd *Decoder) valueLen() (int, error) {
	for {
		end, st, serr := scanValue(dd.data[dd.rd:], 0, dd.eof)
		switch st {
		case scanDone:
			return end, nil
		case scanFailed:
			serr.Offset += dd.InputOffset()
			dd.err = serr
			return 0, serr
		}
		if dd.eof {
			err := io.EOF
			if skipBlank(dd.data, dd.rd) < len(dd.data) {
				err = io.ErrUnexpectedEOF
			}
			dd.err = err
			return 0, err
		}
		if err := dd.readMore(); err != nil {
			dd.err = err
			return 0, err
		}
	}
}

// Decode reads the next JSON value and stores it in v.
func (dd *Decoder) Decode(v any) error {
	if dd.err != nil {
		return dd.err
	}
	if err := dd.consumeSeparator(); err != nil {
		return err
	}
	switch dd.state {
	case atTop, arrayOpened, arrayWantsValue, objectWantsValue:
	default:
		return &SyntaxError{msg: "not at beginning of value", Offset: dd.InputOffset()}
	}
	n, err := dd.valueLen()
	if err != nil {
		return err
	}
	d := &decodeState{data: dd.data[dd.rd : dd.rd+n], useNumber: dd.useNumber, strict: dd.strict}
	dd.rd += n
	err = d.run(v)
	dd.afterValue()
	return err
}

// consumeSeparator eats the comma or colon the Token walk expects before
// a value decoded by Decode.
func (dd *Decoder) consumeSeparator() error {
	var want byte
	var next int
	var msg string
	switch dd.state {
	case arrayWantsComma:
		want, next, msg = ',', arrayWantsValue, "expected comma after array element"
	case objectWantsColon:
		want, next, msg = ':', objectWantsValue, "expected colon after object key"
	default:
		return nil
	}
	c, err := dd.nextByte()
	if err != nil {
		return err
	}
	if c != want {
		return &SyntaxError{msg: msg, Offset: dd.InputOffset()}
	}
	dd.rd++
	dd.state = next
	return nil
}

func (dd *Decoder) afterValue() {
	switch dd.state {
	case arrayOpened, arrayWantsValue:
		dd.state = arrayWantsComma
	case objectWantsValue:
		dd.state = objectWantsComma
	}
}

func (dd *Decoder) valueAllowed() bool {
	switch dd.state {
	case atTop, arrayOpened, arrayWantsValue, objectWantsValue:
		return true
	}
	return false
}

// nextByte gives the next non-blank byte without consuming it.
func (dd *Decoder) nextByte() (byte, error) {
	for {
		dd.rd = skipBlank(dd.data, dd.rd)
		if dd.rd < len(dd.data) {
			return dd.data[dd.rd], nil
		}
		if dd.eof {
			return 0, io.EOF
		}
		if err := dd.readMore(); err != nil {
			return 0, err
		}
	}
}

// More reports whether the current array or object has another element.
func (dd *Decoder) More() bool {
	c, err := dd.nextByte()
	return err == nil && c != ']' && c != '}'
}

// A Token is one of Delim, bool, float64, Number, string or nil.
type Token any

// Delim is one of the four JSON delimiters [ ] { }.
type Delim rune

func (d Delim) String() string { return string(d) }

// Token returns the next token of the stream; commas and colons are
// checked and skipped.
func (dd *Decoder) Token() (Token, error) {
	for {
		c, err := dd.nextByte()
		if err != nil {
			return nil, err
		}
		switch c {
		case '[', '{':
			if !dd.valueAllowed() {
				return dd.badToken(c)
			}
			dd.rd++
			dd.stack = append(dd.stack, dd.state)
			if c == '[' {
				dd.state = arrayOpened
			} else {
				dd.state = objectOpened
			}
			return Delim(c), nil
		case ']', '}':
			ok := dd.state == arrayOpened || dd.state == arrayWantsComma
			if c == '}' {
				ok = dd.state == objectOpened || dd.state == objectWantsComma
			}
			if !ok {
				return dd.badToken(c)
			}
			dd.rd++
			dd.state = dd.stack[len(dd.stack)-1]
			dd.stack = dd.stack[:len(dd.stack)-1]
			dd.afterValue()
			return Delim(c), nil
		case ':':
			if dd.state != objectWantsColon {
				return dd.badToken(c)
			}
			dd.rd++
			dd.state = objectWantsValue
			continue
		case ',':
			switch dd.state {
			case arrayWantsComma:
				dd.state = arrayWantsValue
			case objectWantsComma:
				dd.state = objectWantsKey
			default:
				return dd.badToken(c)
			}
			dd.rd++
			continue
		}
		if c == '"' && (dd.state == objectOpened || dd.state == objectWantsKey) {
			saved := dd.state
			dd.state = atTop
			var key string
			err := dd.Decode(&key)
			dd.state = saved
			if err != nil {
				return nil, err
			}
			dd.state = objectWantsColon
			return key, nil
		}
		if !dd.valueAllowed() {
			return dd.badToken(c)
		}
		var x any
		err = dd.Decode(&x)
		if err != nil {
			x = nil
		}
		return x, err
	}
}

func (dd *Decoder) badToken(c byte) (Token, error) {
	where := "looking for beginning of value"
	switch dd.state {
	case arrayWantsComma:
		where = "after array element"
	case objectWantsKey:
		where = "looking for beginning of object key string"
	case objectWantsColon:
		where = "after object key"
	case objectWantsComma:
		where = "after object key:value pair"
	}
	text, _ := runeText([]byte{c})
	return nil, &SyntaxError{msg: "invalid character " + text + " " + where, Offset: dd.InputOffset()}
}

// An Encoder writes JSON values, each followed by a newline, to a writer.
type Encoder struct {
	w      io.Writer
	err    error
	html   bool
	prefix string
	indent string
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, html: true}
}

// Encode writes the JSON form of v and a newline.
func (enc *Encoder) Encode(v any) error {
	if enc.err != nil {
		return enc.err
	}
	e := &encoder{html: enc.html}
	if err := e.value(reflect.ValueOf(v), false); err != nil {
		return err
	}
	e.out = append(e.out, '\n')
	b := e.out
	if enc.prefix != "" || enc.indent != "" {
		b = appendIndented(nil, b, enc.prefix, enc.indent)
	}
	if _, err := enc.w.Write(b); err != nil {
		enc.err = err
		return err
	}
	return nil
}

// SetIndent makes later Encode calls indent as MarshalIndent does.
func (enc *Encoder) SetIndent(prefix, indent string) {
	enc.prefix, enc.indent = prefix, indent
}

// SetEscapeHTML sets whether <, > and & inside strings are escaped.
func (enc *Encoder) SetEscapeHTML(on bool) { enc.html = on }

// RawMessage is an encoded JSON value kept as is (Go 1.27 defines it as
// jsontext.Value).
type RawMessage = jsontext.Value
