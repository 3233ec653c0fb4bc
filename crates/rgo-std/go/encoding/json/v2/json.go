// Package json (encoding/json/v2) holds, in rgo, only the two method
// interfaces that encoding/json re-exports.
package json

// Marshaler is a type that writes its own JSON form.
type Marshaler interface {
	MarshalJSON() ([]byte, error)
}

// Unmarshaler is a type that reads its own JSON form; it must copy the
// bytes if it keeps them.
type Unmarshaler interface {
	UnmarshalJSON([]byte) error
}
