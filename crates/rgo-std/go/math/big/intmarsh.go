package big

import (
	"bytes"
	"fmt"
)

// gobVersion is the first byte's version field of the gob encodings.
const gobVersion byte = 1

// GobEncode implements gob.GobEncoder: a version/sign byte followed by
// |x| big-endian.
func (x *Int) GobEncode() ([]byte, error) {
	if x == nil {
		return nil, nil
	}
	mag := x.Bytes()
	buf := make([]byte, 1+len(mag))
	copy(buf[1:], mag)
	head := gobVersion << 1
	if x.neg {
		head |= 1
	}
	buf[0] = head
	return buf, nil
}

// GobDecode implements gob.GobDecoder.
func (z *Int) GobDecode(buf []byte) error {
	if len(buf) == 0 {
		*z = Int{}
		return nil
	}
	if v := buf[0] >> 1; v != gobVersion {
		return fmt.Errorf("Int.GobDecode: encoding version %d not supported", v)
	}
	z.SetBytes(buf[1:])
	z.neg = buf[0]&1 != 0 && len(z.abs) > 0
	return nil
}

// AppendText implements encoding.TextAppender.
func (x *Int) AppendText(b []byte) (text []byte, err error) {
	text = x.Append(b, 10)
	return
}

// MarshalText implements encoding.TextMarshaler.
func (x *Int) MarshalText() (text []byte, err error) {
	if x == nil {
		return []byte("<nil>"), nil
	}
	return x.abs.appendDec(nil, x.neg), nil
}

func (x nat) appendDec(buf []byte, neg bool) []byte {
	sign := ""
	if neg {
		sign = "-"
	}
	return x.appendDigits(append(buf, sign...), 10)
}

// UnmarshalText implements encoding.TextUnmarshaler; any base prefix is
// accepted.
func (z *Int) UnmarshalText(text []byte) error {
	_, ok := z.fillFrom(bytes.NewReader(text), 0)
	return unmarshalError(ok, text, "Int")
}

// MarshalJSON implements json.Marshaler (a JSON number; null for nil).
func (x *Int) MarshalJSON() ([]byte, error) {
	if x != nil {
		return x.abs.appendDec(nil, x.neg), nil
	}
	return jsonNull, nil
}

var jsonNull = []byte("null")

// unmarshalError is the error of a failed UnmarshalText into a *big.T,
// nil if ok.
func unmarshalError(ok bool, text []byte, typ string) error {
	if ok {
		return nil
	}
	return fmt.Errorf("math/big: cannot unmarshal %q into a *big."+typ, text)
}

// UnmarshalJSON implements json.Unmarshaler; null leaves z unchanged.
func (z *Int) UnmarshalJSON(text []byte) error {
	if bytes.Equal(text, jsonNull) {
		return nil
	}
	err := z.UnmarshalText(text)
	return err
}
