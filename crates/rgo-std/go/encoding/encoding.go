// Package encoding names the interfaces through which values turn
// themselves into bytes or text and back; the encoders (json, gob, ...)
// look for them. rgo: interfaces only.
package encoding

// BinaryMarshaler is a value that can encode itself as bytes.
type BinaryMarshaler interface {
	MarshalBinary() (data []byte, err error)
}

// BinaryUnmarshaler is a value that can decode itself from the bytes its
// MarshalBinary produced; it must copy data if it keeps it.
type BinaryUnmarshaler interface {
	UnmarshalBinary(data []byte) error
}

// BinaryAppender is the interface implemented by an object that can
// append the binary representation of itself.
type BinaryAppender interface {
	AppendBinary(b []byte) ([]byte, error)
}

// TextMarshaler is the interface implemented by an object that can marshal
// itself into a textual form.
type TextMarshaler interface {
	MarshalText() (text []byte, err error)
}

// TextUnmarshaler is a value that can decode itself from the UTF-8 text
// its MarshalText produced; it must copy text if it keeps it.
type TextUnmarshaler interface {
	UnmarshalText(text []byte) error
}

// TextAppender is the interface implemented by an object that can append
// the textual representation of itself.
type TextAppender interface {
	AppendText(b []byte) ([]byte, error)
}
