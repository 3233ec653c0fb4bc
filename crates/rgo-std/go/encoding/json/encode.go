package json

import (
	jsonv2 "encoding/json/v2"
	"encoding"
	"encoding/base64"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"unicode/utf8"
)

// Marshaler is a type that writes its own JSON form.
type Marshaler = jsonv2.Marshaler

var (
	marshalerIface     = reflect.TypeFor[Marshaler]()
	textMarshalerIface = reflect.TypeFor[encoding.TextMarshaler]()
	numberT            = reflect.TypeFor[Number]()
)

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	e := &encoder{html: true}
	if err := e.value(reflect.ValueOf(v), false); err != nil {
		return nil, err
	}
	return e.out, nil
}

// MarshalIndent is Marshal followed by Indent.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	return appendIndented(nil, b, prefix, indent), nil
}

// encoder accumulates the output of one Marshal or Encode call.
type encoder struct {
	out   []byte
	html  bool
	depth int
	seen  map[[2]uintptr]bool
}

// cycleDepth is how deep pointers, maps and slices may nest before the
// encoder starts looking for a cycle.
const cycleDepth = 1000

func (e *encoder) enter(v reflect.Value, key [2]uintptr) error {
	e.depth++
	if e.depth <= cycleDepth {
		return nil
	}
	if e.seen == nil {
		e.seen = map[[2]uintptr]bool{}
	}
	if e.seen[key] {
		return &UnsupportedValueError{Value: v, Str: fmt.Sprintf("encountered a cycle via %s", v.Type())}
	}
	e.seen[key] = true
	return nil
}

func (e *encoder) leave(key [2]uintptr) {
	if e.depth > cycleDepth {
		delete(e.seen, key)
	}
	e.depth--
}

func (e *encoder) value(v reflect.Value, quoted bool) error {
	if !v.IsValid() {
		e.out = append(e.out, "null"...)
		return nil
	}
	t := v.Type()
	if t.Kind() != reflect.Pointer && v.CanAddr() {
		pt := reflect.PointerTo(t)
		if pt.Implements(marshalerIface) {
			return e.callMarshalJSON(v.Addr())
		}
		if !t.Implements(marshalerIface) && pt.Implements(textMarshalerIface) {
			return e.callMarshalText(v.Addr())
		}
	}
	if t.Implements(marshalerIface) {
		return e.callMarshalJSON(v)
	}
	if t.Implements(textMarshalerIface) {
		return e.callMarshalText(v)
	}
	switch t.Kind() {
	case reflect.Bool:
		e.openQuote(quoted)
		e.out = strconv.AppendBool(e.out, v.Bool())
		e.openQuote(quoted)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.openQuote(quoted)
		e.out = strconv.AppendInt(e.out, v.Int(), 10)
		e.openQuote(quoted)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.openQuote(quoted)
		e.out = strconv.AppendUint(e.out, v.Uint(), 10)
		e.openQuote(quoted)
	case reflect.Float32:
		return e.float(v, 32, quoted)
	case reflect.Float64:
		return e.float(v, 64, quoted)
	case reflect.String:
		return e.str(v, quoted)
	case reflect.Struct:
		return e.structValue(v)
	case reflect.Map:
		return e.mapValue(v)
	case reflect.Slice:
		if v.IsNil() {
			e.out = append(e.out, "null"...)
			return nil
		}
		if isByteSlice(t) {
			b := v.Bytes()
			e.out = append(e.out, '"')
			e.out = base64.StdEncoding.AppendEncode(e.out, b)
			e.out = append(e.out, '"')
			return nil
		}
		key := [2]uintptr{v.Pointer(), uintptr(v.Len())}
		if err := e.enter(v, key); err != nil {
			return err
		}
		err := e.elements(v)
		e.leave(key)
		return err
	case reflect.Array:
		return e.elements(v)
	case reflect.Interface:
		if v.IsNil() {
			e.out = append(e.out, "null"...)
			return nil
		}
		return e.value(v.Elem(), false)
	case reflect.Pointer:
		if v.IsNil() {
			e.out = append(e.out, "null"...)
			return nil
		}
		key := [2]uintptr{v.Pointer(), 0}
		if err := e.enter(v, key); err != nil {
			return err
		}
		err := e.value(v.Elem(), quoted)
		e.leave(key)
		return err
	default:
		return &UnsupportedTypeError{Type: t}
	}
	return nil
}

// isByteSlice: []byte-like slices are written in base64, unless their
// element type writes itself.
func isByteSlice(t reflect.Type) bool {
	if t.Elem().Kind() != reflect.Uint8 {
		return false
	}
	pe := reflect.PointerTo(t.Elem())
	return !pe.Implements(marshalerIface) && !pe.Implements(textMarshalerIface)
}

func (e *encoder) openQuote(quoted bool) {
	if quoted {
		e.out = append(e.out, '"')
	}
}

// addrType is the type Go 1.27 names in a MarshalerError: the method is
// reached through a pointer.
func addrType(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		return t
	}
	return reflect.PointerTo(t)
}

func (e *encoder) callMarshalJSON(v reflect.Value) error {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		e.out = append(e.out, "null"...)
		return nil
	}
	m, ok := v.Interface().(Marshaler)
	if !ok {
		e.out = append(e.out, "null"...)
		return nil
	}
	b, err := m.MarshalJSON()
	if err == nil {
		err = validate(b)
	}
	if err != nil {
		return &MarshalerError{Type: addrType(v.Type()), Err: err, sourceFunc: "MarshalJSON"}
	}
	e.out = appendCompacted(e.out, b, e.html)
	return nil
}

func (e *encoder) callMarshalText(v reflect.Value) error {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		e.out = append(e.out, "null"...)
		return nil
	}
	m, ok := v.Interface().(encoding.TextMarshaler)
	if !ok {
		e.out = append(e.out, "null"...)
		return nil
	}
	b, err := m.MarshalText()
	if err != nil {
		return &MarshalerError{Type: addrType(v.Type()), Err: err, sourceFunc: "MarshalText"}
	}
	e.out = appendQuoted(e.out, string(b), e.html)
	return nil
}

func (e *encoder) float(v reflect.Value, bits int, quoted bool) error {
	f := v.Float()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return &UnsupportedValueError{Value: v, Str: strconv.FormatFloat(f, 'g', -1, bits)}
	}
	e.openQuote(quoted)
	e.out = appendFloat(e.out, f, bits)
	e.openQuote(quoted)
	return nil
}

// appendFloat writes f as ES6 does: plain decimals for magnitudes in
// [1e-6, 1e21), exponent form outside, with no zero-padded exponent.
func appendFloat(b []byte, f float64, bits int) []byte {
	a := math.Abs(f)
	if bits == 32 {
		a = float64(float32(a))
	}
	if a != 0 && (a < 1e-6 || a >= 1e21) {
		start := len(b)
		b = strconv.AppendFloat(b, f, 'e', -1, bits)
		s := b[start:]
		n := len(s)
		if n >= 4 && s[n-4] == 'e' && s[n-3] == '-' && s[n-2] == '0' {
			s[n-2] = s[n-1]
			b = b[:len(b)-1]
		}
		return b
	}
	return strconv.AppendFloat(b, f, 'f', -1, bits)
}

func (e *encoder) str(v reflect.Value, quoted bool) error {
	s := v.String()
	if v.Type() == numberT {
		if s == "" {
			s = "0"
		}
		if !isNumber(s) {
			return &MarshalerError{Type: reflect.PointerTo(v.Type()), Err: fmt.Errorf("cannot parse %q as JSON number: invalid syntax", s), sourceFunc: "MarshalJSONTo"}
		}
		e.openQuote(quoted)
		e.out = append(e.out, s...)
		e.openQuote(quoted)
		return nil
	}
	if quoted {
		inner := appendQuoted(nil, s, e.html)
		e.out = appendQuoted(e.out, string(inner), e.html)
		return nil
	}
	e.out = appendQuoted(e.out, s, e.html)
	return nil
}

const hexDigits = "0123456789abcdef"

// appendQuoted writes s as a JSON string: control characters, quotes and
// backslashes escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 always
// escaped, and <, > and & escaped when html is set.
func appendQuoted(b []byte, s string, html bool) []byte {
	b = append(b, '"')
	from := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch {
			case c == '"':
				esc = `\"`
			case c == '\\':
				esc = `\\`
			case c == '\n':
				esc = `\n`
			case c == '\r':
				esc = `\r`
			case c == '\t':
				esc = `\t`
			case c == '\b':
				esc = `\b`
			case c == '\f':
				esc = `\f`
			case c < ' ' || html && (c == '<' || c == '>' || c == '&'):
				esc = `\u00` + string(hexDigits[c>>4]) + string(hexDigits[c&15])
			default:
				i++
				continue
			}
			b = append(b, s[from:i]...)
			b = append(b, esc...)
			i++
			from = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[from:i]...)
			b = append(b, "\ufffd"...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[from:i]...)
			b = append(b, `\u202`...)
			b = append(b, hexDigits[r&15])
		default:
			i += n
			continue
		}
		i += n
		from = i
	}
	b = append(b, s[from:]...)
	return append(b, '"')
}

func (e *encoder) elements(v reflect.Value) error {
	e.out = append(e.out, '[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			e.out = append(e.out, ',')
		}
		if err := e.value(v.Index(i), false); err != nil {
			return err
		}
	}
	e.out = append(e.out, ']')
	return nil
}

func (e *encoder) structValue(v reflect.Value) error {
	e.out = append(e.out, '{')
	first := true
	for i := range fieldsOf(v.Type()).list {
		f := &fieldsOf(v.Type()).list[i]
		fv := v
		reachable := true
		for _, k := range f.index {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					reachable = false
					break
				}
				fv = fv.Elem()
			}
			fv = fv.Field(k)
		}
		if !reachable || f.omitEmpty && emptyValue(fv) || f.omitZero && zeroValue(fv) {
			continue
		}
		if !first {
			e.out = append(e.out, ',')
		}
		first = false
		e.out = appendQuoted(e.out, f.name, e.html)
		e.out = append(e.out, ':')
		if err := e.value(fv, f.quoted); err != nil {
			return err
		}
	}
	e.out = append(e.out, '}')
	return nil
}

func emptyValue(v reflect.Value) bool {
	k := v.Kind()
	switch {
	case k == reflect.Bool:
		return !v.Bool()
	case v.CanInt():
		return v.Int() == 0
	case v.CanUint():
		return v.Uint() == 0
	case v.CanFloat():
		return v.Float() == 0
	case k == reflect.Interface || k == reflect.Pointer:
		return v.IsNil()
	case k == reflect.Array || k == reflect.Map || k == reflect.Slice || k == reflect.String:
		return v.Len() == 0
	}
	return false
}

type zeroer interface{ IsZero() bool }

var zeroerIface = reflect.TypeFor[zeroer]()

func zeroValue(v reflect.Value) bool {
	t := v.Type()
	if t.Implements(zeroerIface) {
		if (t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface) && v.IsNil() {
			return true
		}
		return v.Interface().(zeroer).IsZero()
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(zeroerIface) {
		if v.CanAddr() {
			return v.Addr().Interface().(zeroer).IsZero()
		}
		p := reflect.New(t)
		p.Elem().Set(v)
		return p.Interface().(zeroer).IsZero()
	}
	return v.IsZero()
}

type mapEntry struct {
	key string
	val reflect.Value
}

func (e *encoder) mapValue(v reflect.Value) error {
	t := v.Type()
	kt := t.Key()
	switch kt.Kind() {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
	default:
		if !kt.Implements(textMarshalerIface) {
			return &UnsupportedTypeError{Type: t}
		}
	}
	if v.IsNil() {
		e.out = append(e.out, "null"...)
		return nil
	}
	key := [2]uintptr{v.Pointer(), 0}
	if err := e.enter(v, key); err != nil {
		return err
	}
	defer e.leave(key)
	entries := make([]mapEntry, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		k := it.Key()
		var name string
		switch {
		case k.Kind() == reflect.String:
			name = k.String()
		case kt.Implements(textMarshalerIface):
			if k.Kind() == reflect.Pointer && k.IsNil() {
				break
			}
			b, err := k.Interface().(encoding.TextMarshaler).MarshalText()
			if err != nil {
				return &MarshalerError{Type: k.Type(), Err: err, sourceFunc: "MarshalText"}
			}
			name = string(b)
		case k.CanInt():
			name = strconv.FormatInt(k.Int(), 10)
		default:
			name = strconv.FormatUint(k.Uint(), 10)
		}
		entries = append(entries, mapEntry{name, it.Value()})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	e.out = append(e.out, '{')
	for i, en := range entries {
		if i > 0 {
			e.out = append(e.out, ',')
		}
		e.out = appendQuoted(e.out, en.key, e.html)
		e.out = append(e.out, ':')
		if err := e.value(en.val, false); err != nil {
			return err
		}
	}
	e.out = append(e.out, '}')
	return nil
}
