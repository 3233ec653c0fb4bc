package json

import (
	jsonv2 "encoding/json/v2"
	"encoding"
	"encoding/base64"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Unmarshaler is a type that reads its own JSON form.
type Unmarshaler = jsonv2.Unmarshaler

var (
	float64T = reflect.TypeFor[float64]()
	anyT     = reflect.TypeFor[any]()
)

// Unmarshal parses the JSON in data into the value v points to.
func Unmarshal(data []byte, v any) error {
	if err := validate(data); err != nil {
		return err
	}
	d := &decodeState{data: data}
	return d.run(v)
}

// decodeState walks input already known to be valid JSON.
type decodeState struct {
	data      []byte
	pos       int
	useNumber bool
	strict    bool
	saved     error
	rootName  string
	path      []string
}

func (d *decodeState) run(v any) error {
	target := reflect.ValueOf(v)
	if target.Kind() != reflect.Pointer || target.IsNil() {
		return &InvalidUnmarshalError{Type: reflect.TypeOf(v)}
	}
	rv := target
	d.rootName = rv.Type().Elem().Name()
	if err := d.value(rv); err != nil {
		return d.withContext(err)
	}
	return d.saved
}

func (d *decodeState) withContext(err error) error {
	if te, ok := err.(*UnmarshalTypeError); ok && len(d.path) > 0 && te.Field == "" {
		te.Struct = d.rootName
		te.Field = strings.Join(d.path, ".")
	}
	return err
}

// save keeps the first error that does not stop decoding.
func (d *decodeState) save(err error) {
	if d.saved == nil {
		d.saved = d.withContext(err)
	}
}

func (d *decodeState) mismatch(what string, t reflect.Type, off int) {
	d.save(&UnmarshalTypeError{Value: what, Type: t, Offset: int64(off)})
}

func (d *decodeState) skip() {
	d.pos, _, _ = scanValue(d.data, d.pos, true)
}

func (d *decodeState) value(v reflect.Value) error {
	d.pos = skipBlank(d.data, d.pos)
	switch d.data[d.pos] {
	case '{':
		return d.object(v)
	case '[':
		return d.array(v)
	}
	start := d.pos
	var end int
	switch d.data[start] {
	case '"':
		end, _, _ = scanString(d.data, start)
	case 't', 'n':
		end = start + 4
	case 'f':
		end = start + 5
	default:
		end, _, _ = scanNumber(d.data, start, true)
	}
	d.pos = end
	return d.store(d.data[start:end], v, false)
}

// prepare follows pointers (allocating as it goes) and interfaces holding
// pointers down to the value to fill, stopping early at a type with its
// own UnmarshalJSON or, unless null is being stored, UnmarshalText.
func prepare(v reflect.Value, forNull bool) (Unmarshaler, encoding.TextUnmarshaler, reflect.Value) {
	orig := v
	tookAddr := false
	if v.Kind() != reflect.Pointer && v.Type().Name() != "" && v.CanAddr() {
		tookAddr = true
		v = v.Addr()
	}
	for {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			inner := v.Elem()
			if inner.Kind() == reflect.Pointer && !inner.IsNil() && (!forNull || inner.Elem().Kind() == reflect.Pointer) {
				tookAddr = false
				v = inner
				continue
			}
		}
		if v.Kind() != reflect.Pointer || forNull && v.CanSet() {
			break
		}
		if v.Elem().Kind() == reflect.Interface && !v.Elem().IsNil() && v.Elem().Elem().Kind() == reflect.Pointer && v.Elem().Elem().Pointer() == v.Pointer() {
			v = v.Elem()
			break
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if v.Type().NumMethod() > 0 && v.CanInterface() {
			x := v.Interface()
			if u, ok := x.(Unmarshaler); ok {
				return u, nil, reflect.Value{}
			}
			if tu, ok := x.(encoding.TextUnmarshaler); ok && !forNull {
				return nil, tu, reflect.Value{}
			}
		}
		if tookAddr {
			v = orig
			tookAddr = false
		} else {
			v = v.Elem()
		}
	}
	return nil, nil, v
}

// composite starts decoding an array or object (what) into v: an invalid
// v skips the value, an Unmarshaler decodes it itself, a TextUnmarshaler
// records a type error and skips it, and an empty interface gets the
// value as any; done says whether one of them consumed the value.
// Otherwise pv is the value to fill.
func (d *decodeState) composite(v reflect.Value, what string) (pv reflect.Value, done bool, err error) {
	start := d.pos
	if !v.IsValid() {
		d.skip()
		return pv, true, nil
	}
	u, tu, pv := prepare(v, false)
	if u != nil {
		d.skip()
		return pv, true, u.UnmarshalJSON(d.data[start:d.pos])
	}
	if tu != nil {
		d.save(&UnmarshalTypeError{Value: what, Type: v.Type(), Offset: int64(start + 1), Err: errNotString})
		d.skip()
		return pv, true, nil
	}
	if pv.Kind() == reflect.Interface && pv.NumMethod() == 0 {
		x, err := d.anyValue()
		if err == nil {
			pv.Set(reflect.ValueOf(x))
		}
		return pv, true, err
	}
	return pv, false, nil
}

func (d *decodeState) array(v reflect.Value) error {
	start := d.pos
	pv, done, err := d.composite(v, "array")
	if done {
		return err
	}
	switch pv.Kind() {
	default:
		d.mismatch("array", pv.Type(), start+1)
		d.skip()
		return nil
	case reflect.Array, reflect.Slice:
	}
	d.pos++
	n := 0
	for {
		d.pos = skipBlank(d.data, d.pos)
		if d.data[d.pos] == ']' {
			d.pos++
			break
		}
		if n > 0 {
			d.pos = skipBlank(d.data, d.pos+1) // the comma
		}
		var elem reflect.Value
		if pv.Kind() == reflect.Slice {
			if n >= pv.Cap() {
				pv.Grow(1)
			}
			if n >= pv.Len() {
				pv.SetLen(n + 1)
			}
			elem = pv.Index(n)
			elem.SetZero()
		} else if n < pv.Len() {
			elem = pv.Index(n)
		}
		d.path = append(d.path, strconv.Itoa(n))
		err := d.value(elem)
		d.path = d.path[:len(d.path)-1]
		if err != nil {
			return err
		}
		n++
	}
	if pv.Kind() == reflect.Array {
		for ; n < pv.Len(); n++ {
			pv.Index(n).SetZero()
		}
	} else if n == 0 && pv.IsNil() {
		pv.Set(reflect.MakeSlice(pv.Type(), 0, 0))
	} else {
		pv.SetLen(n)
	}
	return nil
}

func (d *decodeState) readKey() string {
	d.pos = skipBlank(d.data, d.pos)
	start := d.pos
	end, _, _ := scanString(d.data, start)
	d.pos = skipBlank(d.data, end) + 1 // past the colon
	return string(unquote(d.data[start:end]))
}

func (d *decodeState) object(v reflect.Value) error {
	start := d.pos
	pv, done, err := d.composite(v, "object")
	if done {
		return err
	}
	t := pv.Type()
	var fields *structFields
	switch pv.Kind() {
	case reflect.Interface:
		d.mismatch("object", t, start+1)
		d.skip()
		return nil
	case reflect.Map:
		kt := t.Key()
		switch kt.Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !reflect.PointerTo(kt).Implements(textUnmarshalerIface) {
				d.mismatch("object", t, start+1)
				d.skip()
				return nil
			}
		}
		if pv.IsNil() {
			pv.Set(reflect.MakeMap(t))
		}
	case reflect.Struct:
		fields = fieldsOf(t)
	default:
		d.mismatch("object", t, start+1)
		d.skip()
		return nil
	}
	d.pos++
	first := true
	for {
		d.pos = skipBlank(d.data, d.pos)
		if d.data[d.pos] == '}' {
			d.pos++
			return nil
		}
		if !first {
			d.pos++ // the comma
		}
		first = false
		keyAt := skipBlank(d.data, d.pos)
		key := d.readKey()
		var err error
		if fields != nil {
			err = d.member(pv, fields, key)
		} else {
			err = d.mapEntry(pv, key, keyAt)
		}
		if err != nil {
			return err
		}
	}
}

func (d *decodeState) member(sv reflect.Value, fields *structFields, key string) error {
	f := fields.lookup(key)
	if f == nil {
		if d.strict {
			d.save(fmt.Errorf("json: unknown field %q", key))
		}
		d.pos = skipBlank(d.data, d.pos)
		d.skip()
		return nil
	}
	fv := sv
	for _, k := range f.index {
		if fv.Kind() == reflect.Pointer {
			if fv.IsNil() {
				if !fv.CanSet() {
					d.save(fmt.Errorf("json: cannot set embedded pointer to unexported struct: %v", fv.Type().Elem()))
					d.pos = skipBlank(d.data, d.pos)
					d.skip()
					return nil
				}
				fv.Set(reflect.New(fv.Type().Elem()))
			}
			fv = fv.Elem()
		}
		fv = fv.Field(k)
	}
	d.path = append(d.path, f.name)
	defer func() { d.path = d.path[:len(d.path)-1] }()
	if !f.quoted {
		return d.value(fv)
	}
	d.pos = skipBlank(d.data, d.pos)
	start := d.pos
	switch d.data[start] {
	case '"':
		end, _, _ := scanString(d.data, start)
		d.pos = end
		inner := unquote(d.data[start:end])
		if len(inner) > 0 && inner[0] != '[' && inner[0] != '{' && validate(inner) == nil {
			return d.store(inner, fv, true)
		}
		d.quotedMismatch(inner, fv)
		return nil
	case 'n':
		d.pos += 4
		return d.store(d.data[start:d.pos], fv, false)
	}
	d.skip()
	what := literalKind(d.data[start:])
	if d.data[start] == '[' {
		what = "array"
	} else if d.data[start] == '{' {
		what = "object"
	}
	d.mismatch(what, fv.Type(), d.pos)
	return nil
}

// quotedMismatch reports the bad contents of a ",string" field's string.
func (d *decodeState) quotedMismatch(inner []byte, fv reflect.Value) {
	t := fv.Type()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool, reflect.String:
		d.save(&UnmarshalTypeError{Value: "string " + strconv.Quote(string(inner)), Type: t, Offset: int64(d.pos), Err: strconv.ErrSyntax})
	default:
		d.mismatch("number "+string(inner), t, d.pos)
	}
}

func (d *decodeState) mapEntry(m reflect.Value, key string, keyAt int) error {
	t := m.Type()
	ev := reflect.New(t.Elem()).Elem()
	d.path = append(d.path, key)
	defer func() { d.path = d.path[:len(d.path)-1] }()
	if err := d.value(ev); err != nil {
		return err
	}
	kt := t.Key()
	kv := reflect.New(kt).Elem()
	if reflect.PointerTo(kt).Implements(textUnmarshalerIface) {
		p := reflect.New(kt)
		if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(key)); err != nil {
			d.save(err)
			return nil
		}
		kv = p.Elem()
	} else {
		switch kt.Kind() {
		case reflect.String:
			kv.SetString(key)
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			n, err := strconv.ParseInt(key, 10, 64)
			if err != nil || kt.OverflowInt(n) {
				d.mismatch("number "+key, kt, keyAt+1)
				return nil
			}
			kv.SetInt(n)
		default:
			n, err := strconv.ParseUint(key, 10, 64)
			if err != nil || kt.OverflowUint(n) {
				d.mismatch("number "+key, kt, keyAt+1)
				return nil
			}
			kv.SetUint(n)
		}
	}
	m.SetMapIndex(kv, ev)
	return nil
}

var errNotString = errors.New("JSON value must be string type")

var textUnmarshalerIface = reflect.TypeFor[encoding.TextUnmarshaler]()

func literalKind(item []byte) string {
	switch item[0] {
	case 'n':
		return "null"
	case 't', 'f':
		return "bool"
	case '"':
		return "string"
	}
	return "number"
}

// store puts one literal (null, a bool, a number or a string) into v.
// quoted is set for the contents of a ",string" field.
func (d *decodeState) store(item []byte, v reflect.Value, quoted bool) error {
	if !v.IsValid() {
		return nil
	}
	end := d.pos
	null := item[0] == 'n'
	u, tu, pv := prepare(v, null)
	if u != nil {
		return u.UnmarshalJSON(item)
	}
	badQuoted := func() error {
		d.quotedMismatch(item, v)
		return nil
	}
	if tu != nil {
		if item[0] != '"' {
			if quoted {
				return badQuoted()
			}
			d.save(&UnmarshalTypeError{Value: literalKind(item), Type: v.Type(), Offset: int64(end), Err: errNotString})
			return nil
		}
		return tu.UnmarshalText(unquote(item))
	}
	v = pv
	switch item[0] {
	case 'n':
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			v.SetZero()
		}
	case 't', 'f':
		b := item[0] == 't'
		switch {
		case v.Kind() == reflect.Bool:
			v.SetBool(b)
		case v.Kind() == reflect.Interface && v.NumMethod() == 0:
			v.Set(reflect.ValueOf(b))
		case quoted:
			return badQuoted()
		default:
			d.mismatch("bool", v.Type(), end)
		}
	case '"':
		s := unquote(item)
		switch {
		case v.Kind() == reflect.String:
			if v.Type() == numberT && !isNumber(string(s)) {
				if d.saved == nil {
					d.saved = &UnmarshalTypeError{Value: "string " + strconv.Quote(string(s)), Type: numberT, Offset: int64(end), Err: strconv.ErrSyntax}
				}
				return nil
			}
			v.SetString(string(s))
		case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
			b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
			n, err := base64.StdEncoding.Decode(b, s)
			if err != nil {
				d.save(&UnmarshalTypeError{Value: "string", Type: v.Type(), Offset: int64(end), Err: err})
				return nil
			}
			v.SetBytes(b[:n])
		case v.Kind() == reflect.Interface && v.NumMethod() == 0:
			v.Set(reflect.ValueOf(string(s)))
		default:
			d.mismatch("string", v.Type(), end)
		}
	default:
		s := string(item)
		switch v.Kind() {
		case reflect.Interface:
			if v.NumMethod() != 0 {
				d.mismatch("number", v.Type(), end)
				return nil
			}
			x, err := d.number(s, end)
			if err != nil {
				d.save(err)
				v.Set(reflect.ValueOf(0.0))
				return nil
			}
			v.Set(reflect.ValueOf(x))
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if n, err := strconv.ParseInt(s, 10, 64); err == nil && !v.OverflowInt(n) {
				v.SetInt(n)
				return nil
			}
			d.mismatch("number "+s, v.Type(), end)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if n, err := strconv.ParseUint(s, 10, 64); err == nil && !v.OverflowUint(n) {
				v.SetUint(n)
				return nil
			}
			d.mismatch("number "+s, v.Type(), end)
		case reflect.Float32, reflect.Float64:
			f, err := strconv.ParseFloat(s, v.Type().Bits())
			if err != nil || v.OverflowFloat(f) {
				d.mismatch("number "+s, v.Type(), end)
				return nil
			}
			v.SetFloat(f)
		default:
			if v.Kind() == reflect.String && v.Type() == numberT {
				v.SetString(s)
				return nil
			}
			if quoted {
				return badQuoted()
			}
			d.mismatch("number", v.Type(), end)
		}
	}
	return nil
}

func (d *decodeState) number(s string, end int) (any, error) {
	if d.useNumber {
		return Number(s), nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, &UnmarshalTypeError{Value: "number " + s, Type: float64T, Offset: int64(end)}
	}
	return f, nil
}

// anyValue decodes the value at d.pos as map[string]any, []any, string,
// float64 (or Number), bool or nil.
func (d *decodeState) anyValue() (any, error) {
	d.pos = skipBlank(d.data, d.pos)
	start := d.pos
	switch d.data[start] {
	case '{':
		m := map[string]any{}
		d.pos++
		for {
			d.pos = skipBlank(d.data, d.pos)
			if d.data[d.pos] == '}' {
				d.pos++
				return m, nil
			}
			if d.data[d.pos] == ',' {
				d.pos++
			}
			key := d.readKey()
			d.path = append(d.path, key)
			x, err := d.anyValue()
			d.path = d.path[:len(d.path)-1]
			if err != nil {
				return nil, err
			}
			m[key] = x
		}
	case '[':
		list := []any{}
		d.pos++
		for {
			d.pos = skipBlank(d.data, d.pos)
			if d.data[d.pos] == ']' {
				d.pos++
				return list, nil
			}
			if d.data[d.pos] == ',' {
				d.pos++
			}
			d.path = append(d.path, strconv.Itoa(len(list)))
			x, err := d.anyValue()
			d.path = d.path[:len(d.path)-1]
			if err != nil {
				return nil, err
			}
			list = append(list, x)
		}
	case '"':
		end, _, _ := scanString(d.data, start)
		d.pos = end
		return string(unquote(d.data[start:end])), nil
	case 't':
		d.pos += 4
		return true, nil
	case 'f':
		d.pos += 5
		return false, nil
	case 'n':
		d.pos += 4
		return nil, nil
	}
	end, _, _ := scanNumber(d.data, start, true)
	d.pos = end
	x, err := d.number(string(d.data[start:end]), end)
	if err != nil {
		d.save(err)
		return nil, nil
	}
	return x, nil
}

func hexValue(b []byte) rune {
	var r rune
	for _, c := range b {
		r <<= 4
		switch {
		case c <= '9':
			r |= rune(c - '0')
		case c >= 'a':
			r |= rune(c - 'a' + 10)
		default:
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}

// unquote decodes a valid quoted JSON string: escapes resolved, invalid
// UTF-8 and unpaired surrogates replaced by U+FFFD.
func unquote(q []byte) []byte {
	s := q[1 : len(q)-1]
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' {
			switch s[i+1] {
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r := hexValue(s[i+2 : i+6])
				i += 6
				if utf16.IsSurrogate(r) {
					if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
						if pair := utf16.DecodeRune(r, hexValue(s[i+2:i+6])); pair != utf8.RuneError {
							r = pair
							i += 6
						} else {
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
				continue
			default:
				out = append(out, s[i+1])
			}
			i += 2
			continue
		}
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, s[i:i+n]...)
		}
		i += n
	}
	return out
}
