package reflect

import (
	"iter"
	"unsafe"
)

// Value holds one Go value of any type, for reflection.
//
// rgo: typ is the value's type descriptor, ptr points at the data (or is
// the data, for pointer-shaped values, per flagIndir), flag packs the
// kind and the addressable/read-only/indirect bits as Go's reflect does.
// Every method is a native working on these three words.
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	flag uintptr
}

// Seq and Seq2 are Value methods written in Go on top of the natives.

// Seq returns what ranging over v with one variable yields: 0..n-1 (in
// v's type) for an integer, the indices of an array, slice or string, the
// keys of a map. Other kinds panic.
func (v Value) Seq() iter.Seq[Value] {
	return func(emit func(Value) bool) {
		switch v.Kind() {
		case Int, Int8, Int16, Int32, Int64,
			Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
			for k, n := 0, v.lenInt(); k < n; k++ {
				if !emit(ValueOf(k).Convert(v.Type())) {
					break
				}
			}
		case Array, Slice, String:
			for k := 0; k < v.Len(); k++ {
				if !emit(ValueOf(k)) {
					break
				}
			}
		case Map:
			for entries := v.MapRange(); entries.Next(); {
				if !emit(entries.Key()) {
					break
				}
			}
		default:
			panic("reflect: " + v.Type().String() + " cannot produce iter.Seq[Value]")
		}
	}
}

// Seq2 returns what ranging over v with two variables yields: index and
// element of an array or slice, byte offset and rune of a string, key and
// value of a map. Other kinds panic.
func (v Value) Seq2() iter.Seq2[Value, Value] {
	return func(emit func(Value, Value) bool) {
		switch v.Kind() {
		case Array, Slice:
			for k := 0; k < v.Len(); k++ {
				if !emit(ValueOf(k), v.Index(k)) {
					break
				}
			}
		case String:
			for at, r := range v.String() {
				if !emit(ValueOf(at), ValueOf(r)) {
					break
				}
			}
		case Map:
			for entries := v.MapRange(); entries.Next(); {
				if !emit(entries.Key(), entries.Value()) {
					break
				}
			}
		default:
			panic("reflect: " + v.Type().String() + " cannot produce iter.Seq2[Value, Value]")
		}
	}
}

// lenInt returns v as an int (for range over integers). Native.
func (v Value) lenInt() int

// MapIndex is a native.
func (v Value) MapIndex(key Value) Value

// MapKeys is a native.
func (v Value) MapKeys() []Value

// SetIterKey is a native.
func (v Value) SetIterKey(iter *MapIter)

// SetIterValue is a native.
func (v Value) SetIterValue(iter *MapIter)

// MapRange is a native.
func (v Value) MapRange() *MapIter

// SetMapIndex is a native.
func (v Value) SetMapIndex(key Value, elem Value)

// Addr is a native.
func (v Value) Addr() Value

// Bool is a native.
func (v Value) Bool() bool

// Bytes is a native.
func (v Value) Bytes() []byte

// CanAddr is a native.
func (v Value) CanAddr() bool

// CanSet is a native.
func (v Value) CanSet() bool

// Call is a native.
func (v Value) Call(in []Value) []Value

// CallSlice is a native.
func (v Value) CallSlice(in []Value) []Value

// Cap is a native.
func (v Value) Cap() int

// Close is a native.
func (v Value) Close()

// CanComplex is a native.
func (v Value) CanComplex() bool

// Complex is a native.
func (v Value) Complex() complex128

// Elem is a native.
func (v Value) Elem() Value

// Field is a native.
func (v Value) Field(i int) Value

// FieldByIndex is a native.
func (v Value) FieldByIndex(index []int) Value

// FieldByIndexErr is a native.
func (v Value) FieldByIndexErr(index []int) (Value, error)

// FieldByName is a native.
func (v Value) FieldByName(name string) Value

// FieldByNameFunc is a native.
func (v Value) FieldByNameFunc(match func(string) bool) Value

// CanFloat is a native.
func (v Value) CanFloat() bool

// Float is a native.
func (v Value) Float() float64

// Index is a native.
func (v Value) Index(i int) Value

// CanInt is a native.
func (v Value) CanInt() bool

// Int is a native.
func (v Value) Int() int64

// CanInterface is a native.
func (v Value) CanInterface() bool

// Interface is a native.
func (v Value) Interface() (i any)

// InterfaceData is a native.
func (v Value) InterfaceData() [2]uintptr

// IsNil is a native.
func (v Value) IsNil() bool

// IsValid is a native.
func (v Value) IsValid() bool

// IsZero is a native.
func (v Value) IsZero() bool

// SetZero is a native.
func (v Value) SetZero()

// Kind is a native.
func (v Value) Kind() Kind

// Len is a native.
func (v Value) Len() int

// Method is a native.
func (v Value) Method(i int) Value

// NumMethod is a native.
func (v Value) NumMethod() int

// MethodByName is a native.
func (v Value) MethodByName(name string) Value

// NumField is a native.
func (v Value) NumField() int

// OverflowComplex is a native.
func (v Value) OverflowComplex(x complex128) bool

// OverflowFloat is a native.
func (v Value) OverflowFloat(x float64) bool

// OverflowInt is a native.
func (v Value) OverflowInt(x int64) bool

// OverflowUint is a native.
func (v Value) OverflowUint(x uint64) bool

// Pointer is a native.
func (v Value) Pointer() uintptr

// Recv is a native.
func (v Value) Recv() (x Value, ok bool)

// Send is a native.
func (v Value) Send(x Value)

// Set is a native.
func (v Value) Set(x Value)

// SetBool is a native.
func (v Value) SetBool(x bool)

// SetBytes is a native.
func (v Value) SetBytes(x []byte)

// SetComplex is a native.
func (v Value) SetComplex(x complex128)

// SetFloat is a native.
func (v Value) SetFloat(x float64)

// SetInt is a native.
func (v Value) SetInt(x int64)

// SetLen is a native.
func (v Value) SetLen(n int)

// SetCap is a native.
func (v Value) SetCap(n int)

// SetUint is a native.
func (v Value) SetUint(x uint64)

// SetPointer is a native.
func (v Value) SetPointer(x unsafe.Pointer)

// SetString is a native.
func (v Value) SetString(x string)

// Slice is a native.
func (v Value) Slice(i int, j int) Value

// Slice3 is a native.
func (v Value) Slice3(i int, j int, k int) Value

// String is a native.
func (v Value) String() string

// TryRecv is a native.
func (v Value) TryRecv() (x Value, ok bool)

// TrySend is a native.
func (v Value) TrySend(x Value) bool

// Type is a native.
func (v Value) Type() Type

// CanUint is a native.
func (v Value) CanUint() bool

// Uint is a native.
func (v Value) Uint() uint64

// UnsafeAddr is a native.
func (v Value) UnsafeAddr() uintptr

// UnsafePointer is a native.
func (v Value) UnsafePointer() unsafe.Pointer

// Fields is a native.
func (v Value) Fields() iter.Seq2[StructField, Value]

// Methods is a native.
func (v Value) Methods() iter.Seq2[Method, Value]

// Grow is a native.
func (v Value) Grow(n int)

// Clear is a native.
func (v Value) Clear()

// Convert is a native.
func (v Value) Convert(t Type) Value

// CanConvert is a native.
func (v Value) CanConvert(t Type) bool

// Comparable is a native.
func (v Value) Comparable() bool

// Equal is a native.
func (v Value) Equal(u Value) bool
