package reflect

import "unsafe"

// ValueError is the panic value of a Value method called on a Value of a
// kind the method does not handle.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	what := "zero"
	if e.Kind != Invalid {
		what = e.Kind.String()
	}
	return "reflect: call of " + e.Method + " on " + what + " Value"
}

// ValueOf returns a new Value initialized to the concrete value stored in
// the interface i. ValueOf(nil) returns the zero Value. Native.
func ValueOf(i any) Value

// Zero returns a non-addressable Value holding typ's zero value. Native.
func Zero(typ Type) Value

// New returns a Value representing a pointer to a new zero value for the
// specified type. Native.
func New(typ Type) Value

// NewAt returns a Value representing a pointer to a value of the specified
// type, using p as that pointer. Native.
func NewAt(typ Type, p unsafe.Pointer) Value

// SliceAt returns a Value representing a slice whose underlying data
// starts at p, with length and capacity equal to n. Native.
func SliceAt(typ Type, p unsafe.Pointer, n int) Value

// Indirect returns the value that v points to. If v is a nil pointer,
// Indirect returns a zero Value. If v is not a pointer, Indirect returns v.
func Indirect(v Value) Value {
	if v.Kind() == Pointer {
		return v.Elem()
	}
	return v
}

// MakeSlice creates a new zero-initialized slice value for the specified
// slice type, length, and capacity. Native.
func MakeSlice(typ Type, len, cap int) Value

// MakeMap returns a new empty map of map type typ.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map with the specified type and initial
// space for approximately n elements. Native.
func MakeMapWithSize(typ Type, n int) Value

// MakeChan returns a new channel of channel type typ with room for
// buffer elements. Native.
func MakeChan(typ Type, buffer int) Value

// MakeFunc returns a new function of the given Type that wraps the
// function fn. Native.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value

// Append appends the values x to a slice s and returns the resulting
// slice. Native.
func Append(s Value, x ...Value) Value

// AppendSlice appends a slice t to a slice s and returns the resulting
// slice. Native.
func AppendSlice(s, t Value) Value

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted. It returns the number of elements
// copied. Native.
func Copy(dst, src Value) int

// DeepEqual reports whether x and y are “deeply equal”. Native (it walks
// both values through their type descriptors, tracking visited pointers).
func DeepEqual(x, y any) bool

// Swapper returns a function exchanging two elements of slice; it panics
// when slice is not a slice. Native.
func Swapper(slice any) func(i, j int)

// TypeAssert returns v's value as a T, and whether it is one: the same
// as the assertion v.Interface().(T).
func TypeAssert[T any](v Value) (T, bool) {
	x, ok := v.Interface().(T)
	return x, ok
}

// SelectDir is the kind of communication of a SelectCase.
type SelectDir int

const (
	_             SelectDir = iota
	SelectSend              // case Chan <- Send
	SelectRecv              // case <-Chan:
	SelectDefault           // default
)

// SelectCase is one case of a Select call.
type SelectCase struct {
	Dir  SelectDir // direction of case
	Chan Value     // channel to use (for send or receive)
	Send Value     // value to send (for send)
}

// Select runs a select statement over cases and returns the index of the
// case that ran, and for a receive the value and whether it was sent
// (false for a closed channel). Native.
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool)

// A MapIter is an iterator for ranging over a map. See Value.MapRange.
type MapIter struct {
	m     Value
	state unsafe.Pointer // runtime map iterator, owned by the natives
}

// Key returns the key of iter's current map entry. Native.
func (iter *MapIter) Key() Value

// Value returns the value of iter's current map entry. Native.
func (iter *MapIter) Value() Value

// Next moves to the next map entry and reports whether there is one.
// Native.
func (iter *MapIter) Next() bool

// Reset modifies iter to iterate over v.
func (iter *MapIter) Reset(v Value) {
	iter.m = v
	iter.state = nil
}

// SliceHeader mirrors the three words of a slice.
//
// Deprecated: use unsafe.Slice and unsafe.SliceData.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

// StringHeader mirrors the two words of a string.
//
// Deprecated: use unsafe.String and unsafe.StringData.
type StringHeader struct {
	Data uintptr
	Len  int
}
