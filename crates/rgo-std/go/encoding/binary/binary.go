package binary

import (
	"errors"
	"io"
	"math"
	"reflect"
)

var errBufferTooSmall = errors.New("buffer too small")

// Read reads structured binary data from r into data. Data must be a
// pointer to a fixed-size value or a slice of fixed-size values. Bytes
// read from r are decoded using the specified byte order and written to
// successive fields of the data. Blank (_) struct fields are skipped.
// The error is io.EOF only if no bytes were read; if an EOF happens after
// reading some but not all the bytes, Read returns io.ErrUnexpectedEOF.
func Read(r io.Reader, order ByteOrder, data any) error {
	dst, size := target(data)
	if size < 0 {
		return typeError("binary.Read: invalid type ", data)
	}
	raw := make([]byte, size)
	if _, err := io.ReadFull(r, raw); err != nil {
		return err
	}
	(&coder{order: order, buf: raw}).decode(dst)
	return nil
}

// Decode decodes binary data from buf into data according to the given
// byte order. It returns an error if buf is too small, otherwise the
// number of bytes consumed from buf.
func Decode(buf []byte, order ByteOrder, data any) (int, error) {
	dst, size := target(data)
	switch {
	case size < 0:
		return 0, typeError("binary.Decode: invalid type ", data)
	case size > len(buf):
		return 0, errBufferTooSmall
	}
	(&coder{order: order, buf: buf[:size]}).decode(dst)
	return size, nil
}

// target returns the value Read/Decode store into (the pointee of a
// pointer, or the slice itself) and its encoded size (-1 if invalid).
func target(data any) (reflect.Value, int) {
	val := reflect.ValueOf(data)
	if val.Kind() == reflect.Pointer {
		val = val.Elem()
	} else if val.Kind() != reflect.Slice {
		return val, -1
	}
	return val, dataSize(val)
}

// typeError builds the error for data of an unusable type.
func typeError(prefix string, data any) error {
	return errors.New(prefix + reflect.TypeOf(data).String())
}

// source returns the value Write, Encode and Append encode and its size.
func source(data any) (reflect.Value, int) {
	val := reflect.Indirect(reflect.ValueOf(data))
	return val, dataSize(val)
}

// Write writes the binary representation of data into w. Data must be a
// fixed-size value or a slice of fixed-size values, or a pointer to such
// data. Blank (_) struct fields are written as zeros.
func Write(w io.Writer, order ByteOrder, data any) error {
	src, size := source(data)
	if size < 0 {
		return typeError("binary.Write: some values are not fixed-sized in type ", data)
	}
	raw := make([]byte, size)
	(&coder{order: order, buf: raw}).encode(src)
	_, err := w.Write(raw)
	return err
}

// Encode encodes the binary representation of data into buf. It returns
// an error if buf is too small, otherwise the number of bytes written into
// buf.
func Encode(buf []byte, order ByteOrder, data any) (int, error) {
	src, size := source(data)
	switch {
	case size < 0:
		return 0, typeError("binary.Encode: some values are not fixed-sized in type ", data)
	case size > len(buf):
		return 0, errBufferTooSmall
	}
	(&coder{order: order, buf: buf[:size]}).encode(src)
	return size, nil
}

// Append appends the binary representation of data to buf. buf may be
// nil, in which case a new buffer will be allocated.
func Append(buf []byte, order ByteOrder, data any) ([]byte, error) {
	src, size := source(data)
	if size < 0 {
		return nil, typeError("binary.Append: some values are not fixed-sized in type ", data)
	}
	from := len(buf)
	buf = append(buf, make([]byte, size)...)
	(&coder{order: order, buf: buf[from:]}).encode(src)
	return buf, nil
}

// Size returns how many bytes Write would generate to encode the value v,
// which must be a fixed-size value or a slice of fixed-size values, or a
// pointer to such data. If v is neither of these, Size returns -1.
func Size(v any) int {
	_, size := source(v)
	return size
}

// dataSize returns the number of bytes the actual data represented by v
// occupies in memory (for a slice, its elements), or -1.
func dataSize(v reflect.Value) int {
	if !v.IsValid() {
		return -1
	}
	if v.Kind() != reflect.Slice {
		return sizeof(v.Type())
	}
	per := sizeof(v.Type().Elem())
	if per < 0 {
		return -1
	}
	return per * v.Len()
}

// sizeof returns the encoded size of values of type t, or -1 if t is not
// fixed-size (int, uint, pointers, strings, ... are not).
func sizeof(t reflect.Type) int {
	kind := t.Kind()
	switch {
	case kind == reflect.Array:
		if per := sizeof(t.Elem()); per >= 0 {
			return per * t.Len()
		}
		return -1
	case kind == reflect.Struct:
		total := 0
		for k := 0; k < t.NumField(); k++ {
			part := sizeof(t.Field(k).Type)
			if part < 0 {
				return -1
			}
			total += part
		}
		return total
	case kind == reflect.Bool, isSigned(kind), isUnsigned(kind),
		kind >= reflect.Float32 && kind <= reflect.Complex128:
		return int(t.Size())
	}
	return -1 // int, uint, uintptr, pointers, strings, ...
}

// coder walks values in field order, reading or writing buf[off:].
type coder struct {
	order ByteOrder
	buf   []byte
	off   int
}

// take returns the next n bytes of the buffer and moves past them.
func (c *coder) take(n int) []byte {
	chunk := c.buf[c.off : c.off+n]
	c.off += n
	return chunk
}

// word reads the next n-byte unsigned number (n = 1, 2, 4 or 8).
func (c *coder) word(n int) uint64 {
	b := c.take(n)
	switch n {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(c.order.Uint16(b))
	case 4:
		return uint64(c.order.Uint32(b))
	}
	return c.order.Uint64(b)
}

// putWord writes x as the next n-byte unsigned number.
func (c *coder) putWord(n int, x uint64) {
	b := c.take(n)
	switch n {
	case 1:
		b[0] = byte(x)
	case 2:
		c.order.PutUint16(b, uint16(x))
	case 4:
		c.order.PutUint32(b, uint32(x))
	default:
		c.order.PutUint64(b, x)
	}
}

// Kind classes of the fixed-size scalars (reflect orders its kinds so
// that each class is a range).
func isSigned(k reflect.Kind) bool   { return k >= reflect.Int8 && k <= reflect.Int64 }
func isUnsigned(k reflect.Kind) bool { return k >= reflect.Uint8 && k <= reflect.Uint64 }

// fields calls visit for each field of struct v in order, or skip for a
// blank (_) field that cannot be set.
func fields(v reflect.Value, visit func(reflect.Value), skip func(reflect.Value)) {
	t := v.Type()
	for k := 0; k < v.NumField(); k++ {
		f := v.Field(k)
		if !f.CanSet() && t.Field(k).Name == "_" {
			skip(f)
		} else {
			visit(f)
		}
	}
}

// decode fills v from the buffer.
func (c *coder) decode(v reflect.Value) {
	kind := v.Kind()
	width := 0
	if kind != reflect.Array && kind != reflect.Slice && kind != reflect.Struct {
		width = int(v.Type().Size())
	}
	switch {
	case kind == reflect.Array || kind == reflect.Slice:
		for k := 0; k < v.Len(); k++ {
			c.decode(v.Index(k))
		}
	case kind == reflect.Struct:
		fields(v, c.decode, func(f reflect.Value) { c.off += dataSize(f) })
	case kind == reflect.Bool:
		v.SetBool(c.word(1) != 0)
	case isSigned(kind):
		shift := 64 - 8*width // sign-extend from width bytes
		v.SetInt(int64(c.word(width)<<shift) >> shift)
	case isUnsigned(kind):
		v.SetUint(c.word(width))
	case kind == reflect.Float32 || kind == reflect.Complex64:
		parts := [2]float64{}
		for k := 0; k < width/4; k++ {
			parts[k] = float64(math.Float32frombits(uint32(c.word(4))))
		}
		setFloatish(v, parts)
	case kind == reflect.Float64 || kind == reflect.Complex128:
		parts := [2]float64{}
		for k := 0; k < width/8; k++ {
			parts[k] = math.Float64frombits(c.word(8))
		}
		setFloatish(v, parts)
	}
}

// setFloatish stores a float, or a complex number from its two parts.
func setFloatish(v reflect.Value, parts [2]float64) {
	if v.Kind() == reflect.Complex64 || v.Kind() == reflect.Complex128 {
		v.SetComplex(complex(parts[0], parts[1]))
		return
	}
	v.SetFloat(parts[0])
}

// encode writes v into the buffer.
func (c *coder) encode(v reflect.Value) {
	kind := v.Kind()
	switch {
	case kind == reflect.Array || kind == reflect.Slice:
		for k := 0; k < v.Len(); k++ {
			c.encode(v.Index(k))
		}
	case kind == reflect.Struct:
		fields(v, c.encode, func(f reflect.Value) { clear(c.take(dataSize(f))) })
	case kind == reflect.Bool:
		var bit uint64
		if v.Bool() {
			bit = 1
		}
		c.putWord(1, bit)
	case isSigned(kind):
		c.putWord(int(v.Type().Size()), uint64(v.Int()))
	case isUnsigned(kind):
		c.putWord(int(v.Type().Size()), v.Uint())
	case kind == reflect.Float32:
		c.putWord(4, uint64(math.Float32bits(float32(v.Float()))))
	case kind == reflect.Float64:
		c.putWord(8, math.Float64bits(v.Float()))
	case kind == reflect.Complex64:
		z := v.Complex()
		c.putWord(4, uint64(math.Float32bits(float32(real(z)))))
		c.putWord(4, uint64(math.Float32bits(float32(imag(z)))))
	case kind == reflect.Complex128:
		z := v.Complex()
		c.putWord(8, math.Float64bits(real(z)))
		c.putWord(8, math.Float64bits(imag(z)))
	}
}
