// Package json reads and writes JSON (RFC 7159) and maps it onto Go values
// as the encoding/json package does: the same rules for struct fields and
// tags, the same output bytes and the same error texts.
//
// rgo: written in Go over rgo's reflect; no natives.
package json

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// SyntaxError reports malformed JSON; Offset counts the bytes read when
// the problem showed.
type SyntaxError struct {
	msg    string
	Offset int64
}

func (e *SyntaxError) Error() string { return e.msg }

// UnmarshalTypeError reports a JSON value that does not fit the Go type it
// was to be stored in.
type UnmarshalTypeError struct {
	Value  string
	Type   reflect.Type
	Offset int64
	Struct string
	Field  string
	Err    error
}

func (e *UnmarshalTypeError) Error() string {
	into := "Go value"
	if len(e.Struct)+len(e.Field) > 0 {
		// A path ending in an index names an element, not a field.
		last := e.Field[strings.LastIndexByte(e.Field, '.')+1:]
		into = "Go struct field "
		if last != "" && strings.TrimLeft(last, "0123456789") == "" {
			into = ""
		}
		into += e.Struct + "." + e.Field
	}
	msg := "json: cannot unmarshal " + e.Value + " into " + into + " of type " + e.Type.String()
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap gives the underlying error, if any.
func (e *UnmarshalTypeError) Unwrap() error { return e.Err }

// UnmarshalFieldError is never returned by this package; the type is
// kept so that old code still compiles.
//
// Deprecated: not produced any more.
type UnmarshalFieldError struct {
	Key   string
	Type  reflect.Type
	Field reflect.StructField
}

func (e *UnmarshalFieldError) Error() string {
	return fmt.Sprintf("json: cannot unmarshal object key %q into unexported field %s of type %v", e.Key, e.Field.Name, e.Type)
}

// InvalidUnmarshalError reports an argument of Unmarshal that is not a
// non-nil pointer.
type InvalidUnmarshalError struct {
	Type reflect.Type
}

func (e *InvalidUnmarshalError) Error() string {
	what := "nil"
	if e.Type != nil {
		what = "nil " + e.Type.String()
		if e.Type.Kind() != reflect.Pointer {
			what = "non-pointer " + e.Type.String()
		}
	}
	return "json: Unmarshal(" + what + ")"
}

// UnsupportedTypeError reports a Go type that has no JSON form.
type UnsupportedTypeError struct {
	Type reflect.Type
}

func (e *UnsupportedTypeError) Error() string {
	return fmt.Sprint("json: unsupported type: ", e.Type)
}

// UnsupportedValueError reports a Go value that has no JSON form (NaN, a
// cycle).
type UnsupportedValueError struct {
	Value reflect.Value
	Str   string
}

func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + e.Str
}

// InvalidUTF8Error is never returned: invalid bytes become U+FFFD.
//
// Deprecated: not produced any more.
type InvalidUTF8Error struct {
	S string
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("json: invalid UTF-8 in string: %q", e.S)
}

// MarshalerError wraps an error returned by a MarshalJSON or MarshalText
// method, or the syntax error found in what MarshalJSON returned.
type MarshalerError struct {
	Type       reflect.Type
	Err        error
	sourceFunc string
}

func (e *MarshalerError) Error() string {
	method := e.sourceFunc
	if method == "" {
		method = "MarshalJSON"
	}
	return "json: error calling " + method + " for type " + e.Type.String() + ": " + e.Err.Error()
}

// Unwrap gives the method's own error.
func (e *MarshalerError) Unwrap() error { return e.Err }

// charText shows one input byte in an error message: 'x', '\n', '\''.
func charText(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

func badChar(data []byte, i int, where string) *SyntaxError {
	return &SyntaxError{msg: "invalid character " + charText(data[i]) + " " + where, Offset: int64(i + 1)}
}
