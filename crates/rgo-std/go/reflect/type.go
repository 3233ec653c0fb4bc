// Package reflect lets a program inspect the types of its values at run
// time and read, build and change values of types it does not know
// statically.
//
// rgo: reflection reads the runtime's type descriptors (DESIGN §2)
// directly: rtype mirrors the runtime's record, and Type and Value are
// written in Go over it. Natives (glue/reflect.rs) do what Go code cannot:
// allocation with a descriptor, map and channel operations, itabs, new
// type descriptors, and the frames of dynamic calls (Value.Call, MakeFunc,
// method values), which run through stubs the compiler generates.
package reflect

import (
	"iter"
	"math"
	"strconv"
	"unicode"
	"unicode/utf8"
	"unsafe"
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

// rtype is the runtime type descriptor exactly as the runtime lays it out
// (rgo-runtime's typedesc::Type, DESIGN §2); the kind-specific records
// below start with one and mirror typedesc's ArrayType, PtrType, ...
// Descriptors are immutable and live for the whole run, so a *rtype is
// the identity of its type.
type rtype struct {
	size       uintptr
	ptrdata    uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      uintptr
	gcdata     *byte
	str        string
	ptrToThis  *rtype
	uncommon   *uncommonType
}

// Bits of rtype.tflag.
const (
	tflagUncommon    = 1 << 0
	tflagNamed       = 1 << 2
	tflagRegularMem  = 1 << 3
	tflagDirectIface = 1 << 5
)

type uncommonType struct {
	pkgPath string
	methods unsafe.Pointer // [mcount]method, sorted by name
	mcount  uint16
	xcount  uint16
}

// method is one entry of a method table: fn is the function an
// interface call reaches (its receiver is the interface data word).
type method struct {
	name string
	mtyp *rtype
	fn   uintptr
	tfn  uintptr
}

type arrayType struct {
	t     rtype
	elem  *rtype
	slice *rtype
	len   uintptr
}

type sliceType struct {
	t    rtype
	elem *rtype
}

type ptrType struct {
	t    rtype
	elem *rtype
}

type chanType struct {
	t    rtype
	elem *rtype
	dir  uintptr
}

type mapType struct {
	t          rtype
	key        *rtype
	elem       *rtype
	group      *rtype
	hasher     uintptr
	keysize    uint8
	elemsize   uint8
	bucketsize uint16
	flags      uint32
}

type structField struct {
	name     string
	rt      *rtype
	offset   uintptr
	tag      string
	embedded bool
}

type structType struct {
	t       rtype
	pkgPath string
	fields  unsafe.Pointer // [nfields]structField
	nfields uintptr
}

type funcType struct {
	t        rtype
	inCount  uint16
	outCount uint16         // high bit: variadic
	params   unsafe.Pointer // [inCount+outCount]*rtype
}

type interfaceType struct {
	t        rtype
	pkgPath  string
	methods  unsafe.Pointer // [nmethods]method (fn unused)
	nmethods uintptr
}

// Views of t as its kind's record.
func (t *rtype) arrayT() *arrayType   { return (*arrayType)(unsafe.Pointer(t)) }
func (t *rtype) sliceT() *sliceType   { return (*sliceType)(unsafe.Pointer(t)) }
func (t *rtype) ptrT() *ptrType       { return (*ptrType)(unsafe.Pointer(t)) }
func (t *rtype) chanT() *chanType     { return (*chanType)(unsafe.Pointer(t)) }
func (t *rtype) mapT() *mapType       { return (*mapType)(unsafe.Pointer(t)) }
func (t *rtype) structT() *structType { return (*structType)(unsafe.Pointer(t)) }
func (t *rtype) funcT() *funcType     { return (*funcType)(unsafe.Pointer(t)) }
func (t *rtype) ifaceT() *interfaceType {
	return (*interfaceType)(unsafe.Pointer(t))
}

func (t *rtype) common() *rtype { return t }

// ifaceIndir reports whether an interface holding a t points at a copy
// (rather than holding the value in its data word).
func (t *rtype) ifaceIndir() bool { return t.tflag&tflagDirectIface == 0 }

// slots is the number of 8-byte frame slots a t occupies.
func (t *rtype) slots() int { return int((t.size + 7) / 8) }

// fieldList returns the fields of struct type t.
func (t *rtype) fieldList() []structField {
	st := t.structT()
	if st.nfields == 0 {
		return nil
	}
	return unsafe.Slice((*structField)(st.fields), st.nfields)
}

// methodTable returns every method of t's table (exported or not).
func (t *rtype) methodTable() []method {
	u := t.uncommon
	if t.tflag&tflagUncommon == 0 || u == nil || u.mcount == 0 || u.methods == nil {
		return nil
	}
	return unsafe.Slice((*method)(u.methods), u.mcount)
}

// exportedMethods returns t's exported methods in name order (what
// Method(i) indexes).
func (t *rtype) exportedMethods() []method {
	all := t.methodTable()
	n := 0
	for _, m := range all {
		if isExportedName(m.name) {
			n++
		}
	}
	if n == len(all) {
		return all
	}
	out := make([]method, 0, n)
	for _, m := range all {
		if isExportedName(m.name) {
			out = append(out, m)
		}
	}
	return out
}

// ifaceMethods returns the methods of interface type t, sorted by name.
func (t *rtype) ifaceMethods() []method {
	it := t.ifaceT()
	if it.nmethods == 0 {
		return nil
	}
	return unsafe.Slice((*method)(it.methods), it.nmethods)
}

// paramList returns the parameter then result types of func type t.
func (t *rtype) paramList() []*rtype {
	ft := t.funcT()
	n := int(ft.inCount) + int(ft.outCount&(1<<15-1))
	if n == 0 || ft.params == nil {
		return nil
	}
	return unsafe.Slice((**rtype)(ft.params), n)
}

func (t *rtype) ins() []*rtype {
	return t.paramList()[:t.funcT().inCount]
}

func (t *rtype) outs() []*rtype {
	return t.paramList()[t.funcT().inCount:]
}

func isExportedName(name string) bool {
	if name == "" {
		return false
	}
	if name[0] < utf8.RuneSelf {
		return 'A' <= name[0] && name[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// toType turns a descriptor into a Type (nil stays a nil interface).
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

func (t *rtype) String() string { return t.str }

// want panics unless t is of kind k: method is the Type method called,
// what the kind as Go's message spells it ("non-func type").
func (t *rtype) want(k Kind, method, what string) {
	if t.Kind() != k {
		panic("reflect: " + method + " of non-" + what + " type " + t.String())
	}
}

func (t *rtype) Kind() Kind { return Kind(t.kind) }

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) Align() int { return int(t.align) }

func (t *rtype) FieldAlign() int { return int(t.fieldAlign) }

// hasName reports whether t is a defined type: declared with `type`, or
// predeclared (the basic types, which the compiler does not mark).
func (t *rtype) hasName() bool {
	if t.tflag&tflagNamed != 0 {
		return true
	}
	k := t.Kind()
	return (k >= Bool && k <= Complex128) || k == String || k == UnsafePointer
}

func (t *rtype) Name() string {
	if !t.hasName() {
		return ""
	}
	s := t.str
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ']':
			depth++
		case '[':
			depth--
		case '.':
			if depth == 0 {
				return s[i+1:]
			}
		}
	}
	return s
}

func (t *rtype) PkgPath() string {
	if t.tflag&tflagNamed == 0 || t.uncommon == nil {
		if t.Kind() == UnsafePointer {
			return "unsafe"
		}
		return ""
	}
	return t.uncommon.pkgPath
}

func (t *rtype) Bits() int {
	if k := t.Kind(); isIntKind(k) || isUintKind(k) || (k >= Float32 && k <= Complex128) {
		return 8 * int(t.size)
	}
	panic("reflect: Bits of non-arithmetic Type " + t.String())
}

func (t *rtype) ChanDir() ChanDir {
	t.want(Chan, "ChanDir", "chan")
	return ChanDir(t.chanT().dir)
}

func (t *rtype) IsVariadic() bool {
	t.want(Func, "IsVariadic", "func")
	return t.funcT().outCount&(1<<15) != 0
}

func (t *rtype) elem() *rtype {
	switch t.Kind() {
	case Array:
		return t.arrayT().elem
	case Chan:
		return t.chanT().elem
	case Map:
		return t.mapT().elem
	case Pointer:
		return t.ptrT().elem
	case Slice:
		return t.sliceT().elem
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Elem() Type { return toType(t.elem()) }

func (t *rtype) Key() Type {
	t.want(Map, "Key", "map")
	return toType(t.mapT().key)
}

func (t *rtype) Len() int {
	t.want(Array, "Len", "array")
	return int(t.arrayT().len)
}

func (t *rtype) NumField() int {
	t.want(Struct, "NumField", "struct")
	return int(t.structT().nfields)
}

// fieldAt describes field i of struct type t.
func (t *rtype) fieldAt(i int) StructField {
	fs := t.fieldList()
	if i < 0 || i >= len(fs) {
		panic("reflect: Field index out of bounds")
	}
	p := &fs[i]
	f := StructField{
		Name:      p.name,
		Type:      toType(p.rt),
		Tag:       StructTag(p.tag),
		Offset:    p.offset,
		Index:     []int{i},
		Anonymous: p.embedded,
	}
	if !isExportedName(p.name) {
		f.PkgPath = t.structT().pkgPath
	}
	return f
}

func (t *rtype) Field(i int) StructField {
	t.want(Struct, "Field", "struct")
	return t.fieldAt(i)
}

func (t *rtype) FieldByIndex(index []int) StructField {
	t.want(Struct, "FieldByIndex", "struct")
	var f StructField
	cur := t
	for k, i := range index {
		if k > 0 {
			if cur.Kind() == Pointer && cur.elem().Kind() == Struct {
				cur = cur.elem()
			}
			if cur.Kind() != Struct {
				panic("reflect: FieldByIndex of non-struct type " + cur.String())
			}
		}
		f = cur.fieldAt(i)
		cur = f.Type.common()
	}
	f.Index = append([]int(nil), index...)
	return f
}

func (t *rtype) FieldByName(name string) (StructField, bool) {
	t.want(Struct, "FieldByName", "struct")
	return t.searchField(func(s string) bool { return s == name })
}

func (t *rtype) FieldByNameFunc(match func(string) bool) (StructField, bool) {
	t.want(Struct, "FieldByNameFunc", "struct")
	return t.searchField(match)
}

// searchField finds the shallowest field whose name matches, walking
// embedded structs level by level. Two matches at the shallowest depth
// cancel each other (the selector would be ambiguous); a struct type met
// twice at one depth is looked at once, one met again deeper not at all.
func (t *rtype) searchField(match func(string) bool) (StructField, bool) {
	type node struct {
		rt   *rtype
		index []int
		multi bool // reached by more than one path at this depth
	}
	level := []node{{rt: t}}
	seen := map[*rtype]bool{}
	for len(level) > 0 {
		var next []node
		var found StructField
		hits := 0
		count := map[*rtype]int{}
		for _, n := range level {
			count[n.rt]++
		}
		for _, n := range level {
			if seen[n.rt] {
				continue
			}
			seen[n.rt] = true
			for i, f := range n.rt.fieldList() {
				fname := f.name
				ft := f.rt
				if f.embedded && ft.Kind() == Pointer {
					ft = ft.elem()
				}
				if match(fname) {
					if count[n.rt] > 1 || n.multi || hits > 0 {
						hits = 2
						continue
					}
					hits++
					found = n.rt.fieldAt(i)
					found.Index = append(append([]int(nil), n.index...), i)
					continue
				}
				if hits == 0 && f.embedded && ft.Kind() == Struct {
					idx := append(append([]int(nil), n.index...), i)
					next = append(next, node{rt: ft, index: idx, multi: count[n.rt] > 1 || n.multi})
				}
			}
		}
		if hits == 1 {
			return found, true
		}
		if hits > 1 {
			return StructField{}, false
		}
		level = next
	}
	return StructField{}, false
}

func (t *rtype) NumIn() int {
	t.want(Func, "NumIn", "func")
	return int(t.funcT().inCount)
}

func (t *rtype) NumOut() int {
	t.want(Func, "NumOut", "func")
	return int(t.funcT().outCount & (1<<15 - 1))
}

func (t *rtype) In(i int) Type {
	t.want(Func, "In", "func")
	return toType(t.ins()[i])
}

func (t *rtype) Out(i int) Type {
	t.want(Func, "Out", "func")
	return toType(t.outs()[i])
}

func (t *rtype) NumMethod() int {
	if t.Kind() != Interface {
		return len(t.exportedMethods())
	}
	return int(t.ifaceT().nmethods)
}

func (t *rtype) Method(i int) Method {
	if t.Kind() == Interface {
		ms := t.ifaceMethods()
		if i < 0 || i >= len(ms) {
			panic("reflect: Method index out of range")
		}
		m := Method{Name: ms[i].name, Type: toType(ms[i].mtyp), Index: i}
		if !isExportedName(m.Name) {
			m.PkgPath = t.ifaceT().pkgPath
		}
		return m
	}
	ms := t.exportedMethods()
	if i < 0 || i >= len(ms) {
		panic("reflect: Method index out of range")
	}
	p := &ms[i]
	ft := p.mtyp
	in := []*rtype{t}
	var out []*rtype
	variadic := false
	if ft != nil && ft.Kind() == Func {
		in = append(in, ft.ins()...)
		out = ft.outs()
		variadic = ft.IsVariadic()
	}
	mt := funcOfTypes(in, out, variadic)
	fn := methodExprStub(t, p, mt)
	return Method{
		Name:  p.name,
		Type:  toType(mt),
		Func:  Value{mt, fn, vflag(Func)},
		Index: i,
	}
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	list := t.exportedMethods()
	if t.Kind() == Interface {
		list = t.ifaceMethods()
	}
	at := -1
	for i := range list {
		if list[i].name == name {
			at = i
			break
		}
	}
	if at < 0 {
		return Method{}, false
	}
	return t.Method(at), true
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return satisfies(u.common(), t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || satisfies(uu, t)
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertible(u.common(), t)
}

func (t *rtype) Comparable() bool { return comparable(t) }






func (t *rtype) OverflowComplex(x complex128) bool {
	switch t.Kind() {
	case Complex128:
		return false
	case Complex64:
		return tooBigForFloat32(real(x)) || tooBigForFloat32(imag(x))
	}
	panic("reflect: OverflowComplex of non-complex type " + t.String())
}

func (t *rtype) OverflowFloat(x float64) bool {
	switch t.Kind() {
	case Float64:
		return false
	case Float32:
		return tooBigForFloat32(x)
	}
	panic("reflect: OverflowFloat of non-float type " + t.String())
}

func (t *rtype) OverflowInt(x int64) bool {
	if !isIntKind(t.Kind()) {
		panic("reflect: OverflowInt of non-int type " + t.String())
	}
	return signExtend(uint64(x), t.size) != x
}

func (t *rtype) OverflowUint(x uint64) bool {
	if !isUintKind(t.Kind()) {
		panic("reflect: OverflowUint of non-uint type " + t.String())
	}
	return t.size < 8 && x>>(8*t.size) != 0
}

// tooBigForFloat32: finite x beyond float32's range (infinities and NaN
// convert fine).
func tooBigForFloat32(x float64) bool {
	m := math.Abs(x)
	return m > math.MaxFloat32 && !math.IsInf(m, 1)
}

func (t *rtype) CanSeq() bool {
	k := t.Kind()
	switch {
	case isIntKind(k) || isUintKind(k) || k == Chan:
		return true
	case k == Func:
		return t.canRangeFunc(1)
	}
	return t.CanSeq2()
}

func (t *rtype) CanSeq2() bool {
	k := t.Kind()
	switch {
	case k == Array || k == Slice || k == String || k == Map:
		return true
	case k == Func:
		return t.canRangeFunc(2)
	case k == Pointer:
		return t.elem().Kind() == Array
	}
	return false
}

// canRangeFunc: t is func(yield func(K[, V]) bool) with n yielded values.
func (t *rtype) canRangeFunc(n int) bool {
	if t.NumIn() != 1 || t.NumOut() != 0 {
		return false
	}
	y := t.ins()[0]
	if y.Kind() != Func || y.NumIn() != n || y.NumOut() != 1 {
		return false
	}
	return y.outs()[0].Kind() == Bool
}

// implements reports whether a value of type v satisfies interface t:
// every method of t, by name and signature, is in v's method set.
func satisfies(t, v *rtype) bool {
	if t.Kind() != Interface {
		return false
	}
	want := t.ifaceMethods()
	if len(want) == 0 {
		return true
	}
	var have []method
	if v.Kind() == Interface {
		have = v.ifaceMethods()
	} else {
		have = v.methodTable()
	}
	for _, m := range want {
		found := false
		for _, h := range have {
			if h.name == m.name && (h.mtyp == m.mtyp || h.mtyp == nil || m.mtyp == nil) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// directlyAssignable reports whether a value of type v can be assigned
// to a variable of type t without an interface conversion.
func directlyAssignable(t, v *rtype) bool {
	if t == v {
		return true
	}
	if t.hasName() && v.hasName() || t.Kind() != v.Kind() {
		return false
	}
	if t.Kind() == Chan && v.chanT().dir == uintptr(BothDir) && sameType(t.elem(), v.elem(), true) {
		// A bidirectional channel value assigns to any direction.
		return true
	}
	return sameUnderlying(t, v, true)
}

func sameType(t, v *rtype, cmpTags bool) bool {
	if cmpTags {
		return t == v
	}
	if t.Name() != v.Name() || t.Kind() != v.Kind() || t.PkgPath() != v.PkgPath() {
		return false
	}
	return sameUnderlying(t, v, false)
}

func sameUnderlying(t, v *rtype, cmpTags bool) bool {
	if t == v {
		return true
	}
	k := t.Kind()
	if k != v.Kind() {
		return false
	}
	if (k >= Bool && k <= Complex128) || k == String || k == UnsafePointer {
		return true
	}
	switch k {
	case Array:
		return t.Len() == v.Len() && sameType(t.elem(), v.elem(), cmpTags)
	case Chan:
		return t.chanT().dir == v.chanT().dir && sameType(t.elem(), v.elem(), cmpTags)
	case Func:
		if t.funcT().inCount != v.funcT().inCount || t.funcT().outCount != v.funcT().outCount {
			return false
		}
		tp, vp := t.paramList(), v.paramList()
		for i := range tp {
			if !sameType(tp[i], vp[i], cmpTags) {
				return false
			}
		}
		return true
	case Interface:
		tm, vm := t.ifaceMethods(), v.ifaceMethods()
		if len(tm) != len(vm) {
			return false
		}
		for i := range tm {
			if tm[i].name != vm[i].name || tm[i].mtyp != vm[i].mtyp {
				return false
			}
		}
		return true
	case Map:
		return sameType(t.mapT().key, v.mapT().key, cmpTags) && sameType(t.elem(), v.elem(), cmpTags)
	case Slice:
		return sameType(t.elem(), v.elem(), cmpTags)
	case Pointer:
		return sameType(t.elem(), v.elem(), cmpTags)
	case Struct:
		tf, vf := t.fieldList(), v.fieldList()
		if len(tf) != len(vf) || t.structT().pkgPath != v.structT().pkgPath {
			return false
		}
		for i := range tf {
			a, b := &tf[i], &vf[i]
			if a.name != b.name || a.offset != b.offset || a.embedded != b.embedded ||
				(cmpTags && a.tag != b.tag) || !sameType(a.rt, b.rt, cmpTags) {
				return false
			}
		}
		return true
	}
	return false
}

// convertible reports whether a value of type src converts to dst.
func convertible(dst, src *rtype) bool {
	sk, dk := src.Kind(), dst.Kind()
	numeric := func(k Kind) bool { return k >= Int && k <= Float64 }
	switch {
	case numeric(sk) && numeric(dk):
		return true
	case (sk == Complex64 || sk == Complex128) && (dk == Complex64 || dk == Complex128):
		return true
	case sk == String && dk == String:
		return true
	case dk == String && ((sk >= Int && sk <= Uintptr) || sk == Slice && isBytesOrRunes(src)):
		return true
	case sk == Slice && dk == Array && src.elem() == dst.elem():
		return true
	case sk == Slice && dk == Pointer && dst.elem().Kind() == Array && src.elem() == dst.elem().elem():
		return true
	}
	if sk == String && dk == Slice && isBytesOrRunes(dst) {
		return true
	}
	if sameUnderlying(dst, src, false) {
		return true
	}
	if dk == Pointer && dst.Name() == "" && sk == Pointer && src.Name() == "" &&
		sameUnderlying(dst.elem(), src.elem(), false) {
		return true
	}
	if satisfies(dst, src) {
		return true
	}
	return false
}

// isBytesOrRunes: a slice of (possibly named) byte or rune elements.
func isBytesOrRunes(t *rtype) bool {
	if t.Kind() != Slice {
		return false
	}
	k := t.elem().Kind()
	return k == Uint8 || k == Int32
}
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

// eface is the memory of an `any`: {type, data}.
type eface struct {
	rt  *rtype
	word unsafe.Pointer
}

// typeOf returns the descriptor of i's dynamic type, or nil.
func typeOf(i any) *rtype {
	return (*eface)(unsafe.Pointer(&i)).rt
}

// rtypeOf is typeOf for a value known to be non-nil.
func rtypeOf(i any) *rtype { return typeOf(i) }

// TypeOf returns the reflection Type that represents the dynamic type of
// i. If i is a nil interface value, TypeOf returns nil.
func TypeOf(i any) Type {
	return toType(typeOf(i))
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

// PtrTo is PointerTo.
//
// Deprecated: call PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

// Type constructors: the natives return the program's descriptor of the
// type when it has one, else a new one (built once), named as given.
func ptrTo(t *rtype, name string) *rtype
func sliceOf(t *rtype, name string) *rtype
func arrayOf(n int, elem *rtype, name string) *rtype
func mapOf(k, e *rtype, name string) *rtype
func chanOf(dir int, t *rtype, name string) *rtype
func funcOf(in, out []*rtype, variadic bool, name string) *rtype
func structOf(fields []structField, size, align uintptr, name, pkgPath string) *rtype

// PointerTo returns the type *t.
func PointerTo(t Type) Type { return toType(t.common().ptrTo()) }

func (t *rtype) ptrTo() *rtype {
	if t.ptrToThis != nil {
		return t.ptrToThis
	}
	return ptrTo(t, "*"+t.String())
}

// SliceOf returns the type []t.
func SliceOf(t Type) Type {
	e := t.common()
	return toType(sliceOf(e, "[]"+e.String()))
}

// MapOf returns the type map[key]elem; key must be comparable.
func MapOf(key, elem Type) Type {
	k, e := key.common(), elem.common()
	if !comparable(k) {
		panic("reflect.MapOf: invalid key type " + k.String())
	}
	return toType(mapOf(k, e, "map["+k.String()+"]"+e.String()))
}

// ChanOf returns the channel type with the given direction and element
// type.
func ChanOf(dir ChanDir, t Type) Type {
	e := t.common()
	var name string
	switch dir {
	case SendDir:
		name = "chan<- " + e.String()
	case RecvDir:
		name = "<-chan " + e.String()
	case BothDir:
		if e.Kind() == Chan && e.chanT().dir == uintptr(RecvDir) {
			name = "chan (" + e.String() + ")"
		} else {
			name = "chan " + e.String()
		}
	default:
		panic("reflect.ChanOf: invalid dir")
	}
	return toType(chanOf(int(dir), e, name))
}

// ArrayOf returns the type [length]elem.
func ArrayOf(length int, elem Type) Type {
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	e := elem.common()
	if e.size > 0 && uintptr(length) > (1<<47)/e.size {
		panic("reflect.ArrayOf: array size would exceed virtual address space")
	}
	return toType(arrayOf(length, e, "["+strconv.Itoa(length)+"]"+e.String()))
}

// FuncOf returns the function type with the given argument and result
// types.
func FuncOf(in, out []Type, variadic bool) Type {
	if variadic && (len(in) == 0 || in[len(in)-1].Kind() != Slice) {
		panic("reflect.FuncOf: last arg of variadic func must be slice")
	}
	ins := make([]*rtype, len(in))
	for i, t := range in {
		ins[i] = t.common()
	}
	outs := make([]*rtype, len(out))
	for i, t := range out {
		outs[i] = t.common()
	}
	return toType(funcOfTypes(ins, outs, variadic))
}

func funcOfTypes(in, out []*rtype, variadic bool) *rtype {
	name := "func("
	for i, t := range in {
		if i > 0 {
			name += ", "
		}
		if variadic && i == len(in)-1 {
			name += "..." + t.elem().String()
		} else {
			name += t.String()
		}
	}
	name += ")"
	if len(out) == 1 {
		name += " " + out[0].String()
	} else if len(out) > 1 {
		name += " ("
		for i, t := range out {
			if i > 0 {
				name += ", "
			}
			name += t.String()
		}
		name += ")"
	}
	return funcOf(in, out, variadic, name)
}

// StructOf returns a struct type with the given fields, laid out as the
// compiler lays out structs (each field at its alignment; a final
// zero-size field gets a byte of padding so its address stays inside).
func StructOf(fields []StructField) Type {
	var (
		out   = make([]structField, len(fields))
		off   uintptr
		align uintptr = 1
		name  = "struct {"
		pkg   string
		seen  = map[string]bool{}
	)
	for i, f := range fields {
		switch {
		case f.Name == "":
			badStructField(i, "has no name")
		case !isValidFieldName(f.Name):
			badStructField(i, "has invalid name")
		case f.Type == nil:
			badStructField(i, "has no type")
		}
		if !isExportedName(f.Name) {
			if f.PkgPath == "" {
				panic("reflect.StructOf: field \"" + f.Name + "\" is unexported but missing PkgPath")
			}
			pkg = f.PkgPath
		}
		if seen[f.Name] && f.Name != "_" {
			panic("reflect.StructOf: duplicate field " + f.Name)
		}
		seen[f.Name] = true
		ft := f.Type.common()
		a := uintptr(ft.align)
		if a > align {
			align = a
		}
		off = (off + a - 1) &^ (a - 1)
		out[i] = structField{name: f.Name, rt: ft, offset: off, tag: string(f.Tag), embedded: f.Anonymous}
		off += ft.size
		if i > 0 {
			name += ";"
		}
		if f.Anonymous {
			name += " " + ft.String()
		} else {
			name += " " + f.Name + " " + ft.String()
		}
		if f.Tag != "" {
			name += " " + strconv.Quote(string(f.Tag))
		}
	}
	if len(fields) > 0 {
		name += " }"
		if off > 0 && out[len(out)-1].rt.size == 0 {
			off++
		}
	} else {
		name += "}"
	}
	size := (off + align - 1) &^ (align - 1)
	return toType(structOf(out, size, align, name, pkg))
}

func badStructField(i int, what string) {
	panic("reflect.StructOf: field " + strconv.Itoa(i) + " " + what)
}

func isValidFieldName(s string) bool {
	for i, c := range s {
		if i == 0 && !isLetter(c) {
			return false
		}
		if !(isLetter(c) || unicode.IsDigit(c)) {
			return false
		}
	}
	return len(s) > 0
}

func isLetter(c rune) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= utf8.RuneSelf && unicode.IsLetter(c)
}

// VisibleFields lists the fields of struct type t that a selector can
// reach, promoted fields of embedded structs included, in the order a
// depth-first walk meets them; a field hidden by a shallower one of the
// same name, or ambiguous at its depth, is left out.
func VisibleFields(t Type) []StructField {
	if t == nil {
		panic("reflect: VisibleFields(nil)")
	}
	if t.Kind() != Struct {
		panic("reflect.VisibleFields of non-struct type")
	}
	type entry struct {
		f     StructField
		depth int
		dup   bool
	}
	var list []entry
	byName := map[string]int{}
	visiting := map[*rtype]bool{}
	var walk func(st *rtype, index []int, depth int)
	walk = func(st *rtype, index []int, depth int) {
		if visiting[st] {
			return
		}
		visiting[st] = true
		for i := range st.fieldList() {
			f := st.fieldAt(i)
			f.Index = append(append([]int(nil), index...), i)
			if k, ok := byName[f.Name]; ok {
				switch {
				case list[k].depth == depth:
					list[k].dup = true
				case list[k].depth > depth:
					list[k] = entry{f: f, depth: depth}
				}
			} else {
				byName[f.Name] = len(list)
				list = append(list, entry{f: f, depth: depth})
			}
			if f.Anonymous {
				ft := f.Type.common()
				if ft.Kind() == Pointer {
					ft = ft.elem()
				}
				if ft.Kind() == Struct {
					walk(ft, f.Index, depth+1)
				}
			}
		}
		visiting[st] = false
	}
	walk(t.common(), nil, 0)
	out := make([]StructField, 0, len(list))
	for _, e := range list {
		if !e.dup {
			out = append(out, e.f)
		}
	}
	return out
}
