// Package errors creates error values and walks chains and trees of
// wrapped errors.
//
// rgo: plain Go except the two reflection steps of As (checkAsTarget,
// assignAs) and isComparable, which are natives because they need type
// descriptors.
package errors

// New returns a fresh error whose message is text; two calls never return
// equal errors, whatever their texts.
func New(text string) error {
	return &errorString{s: text}
}

// errorString is the error New returns; it is compared by pointer.
type errorString struct {
	s string
}

func (t *errorString) Error() string { return t.s }

// ErrUnsupported is the error to wrap or return when an operation is not
// supported; its message is "unsupported operation".
var ErrUnsupported = New("unsupported operation")
