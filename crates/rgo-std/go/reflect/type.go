// Package reflect lets a program inspect the types of its values at run
// time and read, build and change values of types it does not know
// statically.
//
// rgo: reflection reads the runtime's type descriptors (DESIGN §2), so
// almost everything here is a native: the methods of *rtype (the Type
// implementation) and of Value, TypeOf/ValueOf and the constructors. Kind,
// ChanDir, StructTag parsing, StructField/Method helpers, DeepEqual's
// driver and the error types are plain Go.
package reflect

import (
	"iter"
	"strconv"
)

// Type describes one Go type; equal types have equal Type values.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	Methods() iter.Seq[Method]
	MethodByName(string) (Method, bool)
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	Fields() iter.Seq[StructField]
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByNameFunc(match func(string) bool) (StructField, bool)
	In(i int) Type
	Ins() iter.Seq[Type]
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	Outs() iter.Seq[Type]
	OverflowComplex(x complex128) bool
	OverflowFloat(x float64) bool
	OverflowInt(x int64) bool
	OverflowUint(x uint64) bool
	CanSeq() bool
	CanSeq2() bool

	common() *rtype
}

// A Kind represents the specific kind of type that a Type represents. The
// zero Kind is not a valid kind.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + strconv.Itoa(int(k)) // not a kind reflect knows
}

// ChanDir says which way a channel type lets values flow.
type ChanDir int

const (
	RecvDir ChanDir             = 1 << iota // <-chan
	SendDir                                 // chan<-
	BothDir = RecvDir | SendDir             // chan
)

func (d ChanDir) String() string {
	names := [...]string{RecvDir: "<-chan", SendDir: "chan<-", BothDir: "chan"}
	if d > 0 && int(d) < len(names) {
		return names[d]
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Method represents a single method.
type Method struct {
	// Name is the method name.
	Name string

	// PkgPath is the declaring package's path for an unexported method,
	// and empty for an exported one.
	PkgPath string

	Type  Type  // method type
	Func  Value // func with receiver as first argument
	Index int   // index for Type.Method
}

// IsExported reports whether the method name is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

// StructField describes one field of a struct type.
type StructField struct {
	// Name is the field name.
	Name string

	// PkgPath is the declaring package's path for an unexported field,
	// and empty for an exported one.
	PkgPath string

	Type      Type      // field type
	Tag       StructTag // field tag string
	Offset    uintptr   // offset within struct, in bytes
	Index     []int     // index sequence for Type.FieldByIndex
	Anonymous bool      // is an embedded field
}

// IsExported reports whether the field name is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// StructTag is a struct field's tag: by convention space-separated
// key:"value" pairs, the value a Go string literal.
type StructTag string

// Get returns the value of key in the tag, or "" when it is absent.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value of key in the tag and whether the key is
// there. Parsing stops at the first pair that is not well formed.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	rest := string(tag)
	for {
		name, quoted, tail, good := nextTagPair(rest)
		if !good {
			return "", false
		}
		if name == key {
			v, err := strconv.Unquote(quoted)
			return v, err == nil
		}
		rest = tail
	}
}

// nextTagPair splits the first key:"value" pair off a tag: the key, the
// value still quoted, and what follows. good is false at the end of the
// tag or at a malformed pair. A key is a run of bytes above space other
// than ':', '"' and DEL; the value runs to the next unescaped quote.
func nextTagPair(tag string) (name, quoted, rest string, good bool) {
	k := 0
	for k < len(tag) && tag[k] == ' ' {
		k++
	}
	tag = tag[k:]
	end := 0
	for end < len(tag) && tag[end] > ' ' && tag[end] != ':' && tag[end] != '"' && tag[end] != 0x7f {
		end++
	}
	if end == 0 || end+1 >= len(tag) || tag[end] != ':' || tag[end+1] != '"' {
		return "", "", "", false
	}
	name, tag = tag[:end], tag[end+1:]
	close := 1
	for close < len(tag) && tag[close] != '"' {
		if tag[close] == '\\' {
			close++ // the escaped byte cannot end the value
		}
		close++
	}
	if close >= len(tag) {
		return "", "", "", false
	}
	return name, tag[:close+1], tag[close+1:], true
}

// rtype is the runtime type descriptor, as laid out by the compiler
// (DESIGN §2); its methods read it natively.
type rtype struct {
	_ [0]func()
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) Align() int
func (t *rtype) FieldAlign() int
func (t *rtype) Method(int) Method
func (t *rtype) MethodByName(string) (Method, bool)
func (t *rtype) NumMethod() int
func (t *rtype) Name() string
func (t *rtype) PkgPath() string
func (t *rtype) Size() uintptr
func (t *rtype) String() string
func (t *rtype) Kind() Kind
func (t *rtype) Implements(u Type) bool
func (t *rtype) AssignableTo(u Type) bool
func (t *rtype) ConvertibleTo(u Type) bool
func (t *rtype) Comparable() bool
func (t *rtype) Bits() int
func (t *rtype) ChanDir() ChanDir
func (t *rtype) IsVariadic() bool
func (t *rtype) Elem() Type
func (t *rtype) Field(i int) StructField
func (t *rtype) FieldByIndex(index []int) StructField
func (t *rtype) FieldByName(name string) (StructField, bool)
func (t *rtype) FieldByNameFunc(match func(string) bool) (StructField, bool)
func (t *rtype) In(i int) Type
func (t *rtype) Key() Type
func (t *rtype) Len() int
func (t *rtype) NumField() int
func (t *rtype) NumIn() int
func (t *rtype) NumOut() int
func (t *rtype) Out(i int) Type
func (t *rtype) OverflowComplex(x complex128) bool
func (t *rtype) OverflowFloat(x float64) bool
func (t *rtype) OverflowInt(x int64) bool
func (t *rtype) OverflowUint(x uint64) bool
func (t *rtype) CanSeq() bool
func (t *rtype) CanSeq2() bool

// counted yields at(0), at(1), ... at(n-1) for n = count() (re-read
// after each element, as the loops in Go's versions do).
func counted[T any](count func() int, at func(int) T) iter.Seq[T] {
	return func(emit func(T) bool) {
		for k := 0; k < count(); k++ {
			if !emit(at(k)) {
				break
			}
		}
	}
}

// Methods yields t's methods in Method(i) order.
func (t *rtype) Methods() iter.Seq[Method] { return counted(t.NumMethod, t.Method) }

// Fields yields t's fields in Field(i) order.
func (t *rtype) Fields() iter.Seq[StructField] { return counted(t.NumField, t.Field) }

// Ins yields t's parameter types.
func (t *rtype) Ins() iter.Seq[Type] { return counted(t.NumIn, t.In) }

// Outs yields t's result types.
func (t *rtype) Outs() iter.Seq[Type] { return counted(t.NumOut, t.Out) }

// typeOf returns the descriptor of i's dynamic type, or nil. Native.
func typeOf(i any) *rtype

// TypeOf returns the reflection Type that represents the dynamic type of
// i. If i is a nil interface value, TypeOf returns nil.
func TypeOf(i any) Type {
	t := typeOf(i)
	if t == nil {
		return nil // a nil *rtype must not become a non-nil Type
	}
	return t
}

// TypeFor returns the Type that represents the type argument T.
func TypeFor[T any]() Type {
	var zero T
	if t := TypeOf(zero); t != nil {
		return t
	}
	// T is an interface type: its zero value carries no type, but *T does.
	return TypeOf((*T)(nil)).Elem()
}

// Constructors of types: natives.

// PtrTo is PointerTo.
//
// Deprecated: call PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

// PointerTo returns the type *t.
func PointerTo(t Type) Type

// SliceOf returns the type []t.
func SliceOf(t Type) Type

// MapOf returns the type map[key]elem; key must be comparable.
func MapOf(key, elem Type) Type

// ChanOf returns the channel type with the given direction and element
// type.
func ChanOf(dir ChanDir, t Type) Type

// ArrayOf returns the type [length]elem.
func ArrayOf(length int, elem Type) Type

// FuncOf returns the function type with the given argument and result
// types.
func FuncOf(in, out []Type, variadic bool) Type

// StructOf returns a struct type with the given fields.
func StructOf(fields []StructField) Type

// VisibleFields lists the fields of struct type t that a selector can
// reach, promoted fields of embedded structs included. Native.
func VisibleFields(t Type) []StructField
