// Package jsontext is the syntactic layer of JSON in Go 1.27; rgo has its
// Value type only, which encoding/json names RawMessage.
package jsontext

import "errors"

const nullText = "null"

var errNilValue = errors.New("jsontext.Value: UnmarshalJSON on nil pointer")

// Value holds the raw bytes of one JSON value.
type Value []byte

// String gives the text of v; a nil Value reads as null.
func (v Value) String() string {
	text := nullText
	if v != nil {
		text = string(v)
	}
	return text
}

// Clone returns a copy of v that shares no memory with it.
func (v Value) Clone() Value {
	if v == nil {
		return nil
	}
	return append(Value{}, v...)
}

// MarshalJSON returns v itself, or null for a nil v.
func (v Value) MarshalJSON() ([]byte, error) {
	if v != nil {
		return v, nil
	}
	return []byte(nullText), nil
}

// UnmarshalJSON keeps a copy of b in *v.
func (v *Value) UnmarshalJSON(b []byte) error {
	if v != nil {
		kept := (*v)[:0]
		*v = append(kept, b...)
		return nil
	}
	return errNilValue
}
