package reflect

import (
	"iter"
	"math"
	"strconv"
	"unsafe"
)

// Value holds one Go value of any type, for reflection.
//
// rgo: Go's shape. rt is the value's descriptor; vflag packs the kind
// (low bits) and the properties below; ptr points at the value when
// vfIndir is set, and otherwise is the value itself (pointer-shaped
// types, whose interface data word is the value).
type Value struct {
	rt  *rtype
	data  unsafe.Pointer
	vflag
}

type vflag uintptr

const (
	vfKindWidth        = 5
	vfKindMask    vflag = 1<<vfKindWidth - 1
	vfStickyRO    vflag = 1 << 5 // reached through an unexported field
	vfEmbedRO     vflag = 1 << 6 // reached through an unexported embedded field
	vfIndir       vflag = 1 << 7 // ptr points at the value
	vfAddr        vflag = 1 << 8 // the value is addressable (implies vfIndir)
	vfMethod      vflag = 1 << 9 // a method value; the index is above vfMethodShift
	vfMethodShift      = 10
	vfRO          vflag = vfStickyRO | vfEmbedRO
)

func (f vflag) kind() Kind { return Kind(f & vfKindMask) }

func (f vflag) ro() vflag {
	if f&vfRO != 0 {
		return vfStickyRO
	}
	return 0
}

// Natives (glue/reflect.rs).
func unsafe_New(t *rtype) unsafe.Pointer
func unsafe_NewArray(t *rtype, n int) unsafe.Pointer
func typedmemmove(t *rtype, dst, src unsafe.Pointer)
func typedmemclr(t *rtype, p unsafe.Pointer)
func typeEqual(t *rtype, a, b unsafe.Pointer) (eq bool, bad *rtype)
func comparable(t *rtype) bool
func mapaccess(t *rtype, m, key unsafe.Pointer) unsafe.Pointer
func mapassign(t *rtype, m, key, val unsafe.Pointer)
func mapdelete(t *rtype, m, key unsafe.Pointer)
func maplen(m unsafe.Pointer) int
func mapclear(t *rtype, m unsafe.Pointer)
func makemap(t *rtype, n int) unsafe.Pointer
func mapiterinit(t *rtype, m unsafe.Pointer) unsafe.Pointer
func mapiternext(it unsafe.Pointer)
func makechan(t *rtype, size int) unsafe.Pointer
func chanlen(c unsafe.Pointer) int
func chancap(c unsafe.Pointer) int
func chanclose(c unsafe.Pointer)
func chansend(c, val unsafe.Pointer, nb bool) bool
func chanrecv(c unsafe.Pointer, nb bool, dst unsafe.Pointer) (selected, ok bool)
func getitab(inter, t *rtype) (itab unsafe.Pointer, missing string)

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

// valueErr is the panic of Value method name called on a Value of kind k.
func valueErr(name string, k Kind) *ValueError {
	return &ValueError{Method: "reflect.Value." + name, Kind: k}
}

func (e *ValueError) Error() string {
	what := "zero"
	if e.Kind != Invalid {
		what = e.Kind.String()
	}
	return "reflect: call of " + e.Method + " on " + what + " Value"
}

func (f vflag) mustBe(k Kind, method string) {
	if f.kind() != k {
		panic(&ValueError{method, f.kind()})
	}
}

// mustBeExported panics for a zero Value or one reached through an
// unexported field.
func (f vflag) mustBeExported(method string) {
	if f == 0 {
		panic(&ValueError{method, Invalid})
	}
	if f&vfRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

// mustBeAssignable panics unless the Value can be set.
func (f vflag) mustBeAssignable(method string) {
	if f == 0 {
		panic(&ValueError{method, Invalid})
	}
	if f&vfRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if f&vfAddr == 0 {
		panic("reflect: " + method + " using unaddressable value")
	}
}

// word returns the value of a pointer-shaped v.
func (v Value) word() unsafe.Pointer {
	if v.vflag&vfIndir != 0 {
		return *(*unsafe.Pointer)(v.data)
	}
	return v.data
}

// ValueOf returns a new Value initialized to the concrete value stored in
// the interface i. ValueOf(nil) returns the zero Value.
func ValueOf(i any) Value {
	e := (*eface)(unsafe.Pointer(&i))
	if e.rt == nil {
		return Value{}
	}
	f := vflag(e.rt.Kind())
	if e.rt.ifaceIndir() {
		f |= vfIndir
	}
	return Value{e.rt, e.word, f}
}

// boxValue returns v as an `any`. A value that can still change
// (addressable) is copied first.
func boxValue(v Value) any {
	t := v.rt
	var i any
	e := (*eface)(unsafe.Pointer(&i))
	switch {
	case t.ifaceIndir():
		p := v.data
		if v.vflag&vfAddr != 0 {
			p = unsafe_New(t)
			typedmemmove(t, p, v.data)
		}
		e.word = p
	case v.vflag&vfIndir != 0:
		e.word = *(*unsafe.Pointer)(v.data)
	default:
		e.word = v.data
	}
	e.rt = t
	return i
}

// ifaceOf reads the interface value at p (of interface type t) as an `any`.
func ifaceOf(t *rtype, p unsafe.Pointer) any {
	if t.ifaceT().nmethods == 0 {
		return *(*any)(p)
	}
	w := (*[2]unsafe.Pointer)(p)
	if w[0] == nil {
		return nil
	}
	var i any
	e := (*eface)(unsafe.Pointer(&i))
	e.rt = *(**rtype)(unsafe.Add(w[0], 8)) // itab: {inter, type, hash, fun...}
	e.word = w[1]
	return i
}

func (v Value) Interface() (i any) {
	return valueInterface(v, true, "reflect.Value.Interface")
}

func valueInterface(v Value, safe bool, method string) any {
	if v.vflag == 0 {
		panic(&ValueError{method, Invalid})
	}
	if safe && v.vflag&vfRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	if v.vflag&vfMethod != 0 {
		v = makeMethodValue(method, v)
	}
	if v.kind() == Interface {
		return ifaceOf(v.rt, v.data)
	}
	return boxValue(v)
}

func (v Value) CanInterface() bool {
	if v.vflag == 0 {
		panic(valueErr("CanInterface", Invalid))
	}
	return v.vflag&vfRO == 0
}

func (v Value) IsValid() bool { return v.vflag != 0 }

func (v Value) Kind() Kind { return v.kind() }

func (v Value) Type() Type {
	if v.vflag == 0 {
		panic(valueErr("Type", Invalid))
	}
	if v.vflag&vfMethod == 0 {
		return v.rt
	}
	// A method value: the method's type without the receiver.
	i := int(v.vflag) >> vfMethodShift
	if v.rt.Kind() == Interface {
		return toType(v.rt.ifaceMethods()[i].mtyp)
	}
	return toType(v.rt.exportedMethods()[i].mtyp)
}

func (v Value) CanAddr() bool { return v.vflag&vfAddr != 0 }

func (v Value) CanSet() bool { return v.vflag&(vfAddr|vfRO) == vfAddr }

func (v Value) Addr() Value {
	if v.vflag&vfAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	fl := v.vflag & vfRO
	return Value{v.rt.ptrTo(), v.data, fl | vflag(Pointer)}
}

func (v Value) UnsafeAddr() uintptr {
	if v.vflag == 0 {
		panic(valueErr("UnsafeAddr", Invalid))
	}
	if v.vflag&vfAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.data)
}

func (v Value) Bool() bool {
	if v.kind() != Bool {
		panic(valueErr("Bool", v.kind()))
	}
	return *(*bool)(v.data)
}

func (v Value) CanInt() bool { return isIntKind(v.kind()) }

func (v Value) Int() int64 {
	if !isIntKind(v.kind()) {
		panic(valueErr("Int", v.kind()))
	}
	n := v.rt.size
	return signExtend(loadBits(v.data, n), n)
}

// loadBits reads the size-byte little-endian integer at p.
func loadBits(p unsafe.Pointer, size uintptr) uint64 {
	if size == 8 {
		return *(*uint64)(p)
	}
	var bits uint64
	for i := uintptr(0); i < size; i++ {
		bits |= uint64(*(*byte)(unsafe.Add(p, i))) << (8 * i)
	}
	return bits
}

// storeBits writes the low size bytes of bits at p.
func storeBits(p unsafe.Pointer, size uintptr, bits uint64) {
	for i := uintptr(0); i < size; i++ {
		*(*byte)(unsafe.Add(p, i)) = byte(bits >> (8 * i))
	}
}

// signExtend widens a size-byte two's complement integer.
func signExtend(bits uint64, size uintptr) int64 {
	shift := 64 - 8*size
	return int64(bits<<shift) >> shift
}

func (v Value) CanUint() bool { return isUintKind(v.kind()) }

func (v Value) Uint() uint64 {
	if !isUintKind(v.kind()) {
		panic(valueErr("Uint", v.kind()))
	}
	return loadBits(v.data, v.rt.size)
}

func (v Value) CanFloat() bool {
	k := v.kind()
	return k == Float32 || k == Float64
}

func (v Value) Float() float64 {
	k := v.kind()
	if k == Float64 {
		return math.Float64frombits(loadBits(v.data, 8))
	}
	if k != Float32 {
		panic(valueErr("Float", k))
	}
	return float64(math.Float32frombits(uint32(loadBits(v.data, 4))))
}

func (v Value) CanComplex() bool {
	k := v.kind()
	return k == Complex64 || k == Complex128
}

func (v Value) Complex() complex128 {
	k := v.kind()
	if k == Complex128 {
		parts := (*[2]float64)(v.data)
		return complex(parts[0], parts[1])
	}
	if k != Complex64 {
		panic(valueErr("Complex", k))
	}
	parts := (*[2]float32)(v.data)
	return complex(float64(parts[0]), float64(parts[1]))
}

// String returns the string v holds; for other kinds it returns
// "<T Value>" (it does not panic, as fmt relies on).
func (v Value) String() string {
	switch v.kind() {
	case String:
		return *(*string)(v.data)
	case Invalid:
		return "<invalid Value>"
	}
	return "<" + v.rt.String() + " Value>"
}

func (v Value) Bytes() []byte {
	switch v.kind() {
	case Slice:
		if v.rt.elem().Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.data)
	case Array:
		if v.rt.elem().Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		return unsafe.Slice((*byte)(v.data), v.rt.arrayT().len)
	}
	panic(valueErr("Bytes", v.kind()))
}

func (v Value) runeSlice() []rune {
	v.mustBe(Slice, "reflect.Value.Bytes")
	if v.rt.elem().Kind() != Int32 {
		panic("reflect.Value.Bytes of non-rune slice")
	}
	return *(*[]rune)(v.data)
}

func (v Value) Len() int {
	switch v.kind() {
	case Array:
		return int(v.rt.arrayT().len)
	case Chan:
		return chanlen(v.word())
	case Map:
		return maplen(v.word())
	case Slice:
		return (*sliceHeader)(v.data).Len
	case String:
		return (*stringHeader)(v.data).Len
	case Pointer:
		if v.rt.elem().Kind() == Array {
			return int(v.rt.elem().arrayT().len)
		}
		panic("reflect: call of reflect.Value.Len on ptr to non-array Value")
	}
	panic(valueErr("Len", v.kind()))
}

func (v Value) lenInt() int {
	if v.CanInt() {
		return int(v.Int())
	}
	return int(v.Uint())
}

func (v Value) Cap() int {
	switch v.kind() {
	case Array:
		return int(v.rt.arrayT().len)
	case Chan:
		return chancap(v.word())
	case Slice:
		return (*sliceHeader)(v.data).Cap
	case Pointer:
		if v.rt.elem().Kind() == Array {
			return int(v.rt.elem().arrayT().len)
		}
		panic("reflect: call of reflect.Value.Cap on ptr to non-array Value")
	}
	panic(valueErr("Cap", v.kind()))
}

func (v Value) IsNil() bool {
	k := v.kind()
	switch {
	case k == Interface || k == Slice:
		// The first word: the itab or type, the array.
		return *(*unsafe.Pointer)(v.data) == nil
	case k == Pointer || k == Map || k == Chan || k == Func || k == UnsafePointer:
		return v.vflag&vfMethod == 0 && v.word() == nil
	}
	panic(valueErr("IsNil", k))
}

func (v Value) IsZero() bool {
	k := v.kind()
	switch {
	case k == Invalid:
		panic(valueErr("IsZero", k))
	case k == Array || k == Struct:
		n := v.partCount()
		for i := 0; i < n; i++ {
			if !v.part(i).IsZero() {
				return false
			}
		}
		return true
	case k == String:
		return (*stringHeader)(v.data).Len == 0
	case k == Bool || isIntKind(k) || isUintKind(k) || (k >= Float32 && k <= Complex128):
		// Every bit zero: -0.0 is not the zero value.
		for i := uintptr(0); i < v.rt.size; i++ {
			if *(*byte)(unsafe.Add(v.data, i)) != 0 {
				return false
			}
		}
		return true
	}
	return v.IsNil()
}

func (v Value) SetZero() {
	v.mustBeAssignable("reflect.Value.SetZero")
	typedmemclr(v.rt, v.data)
}

func (v Value) Elem() Value {
	switch v.kind() {
	case Interface:
		x := ValueOf(ifaceOf(v.rt, v.data))
		if x.vflag != 0 {
			x.vflag |= v.vflag.ro()
		}
		return x
	case Pointer:
		p := v.word()
		if p == nil {
			return Value{}
		}
		t := v.rt.elem()
		return Value{t, p, v.vflag&vfRO | vfIndir | vfAddr | vflag(t.Kind())}
	}
	panic(valueErr("Elem", v.kind()))
}

func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return int(v.rt.structT().nfields)
}

func (v Value) Field(i int) Value {
	if v.kind() != Struct {
		panic(valueErr("Field", v.kind()))
	}
	fs := v.rt.fieldList()
	if uint(i) >= uint(len(fs)) {
		panic("reflect: Field index out of range")
	}
	f := &fs[i]
	fl := v.vflag&(vfStickyRO|vfIndir|vfAddr) | vflag(f.rt.Kind())
	if !isExportedName(f.name) {
		if f.embedded {
			fl |= vfEmbedRO
		} else {
			fl |= vfStickyRO
		}
	}
	return Value{f.rt, unsafe.Add(v.data, f.offset), fl}
}

func (v Value) FieldByIndex(index []int) Value {
	f, err := v.fieldPath(index, "reflect.Value.FieldByIndex")
	if err != nil {
		panic("reflect: indirection through nil pointer to embedded struct")
	}
	return f
}

func (v Value) FieldByIndexErr(index []int) (Value, error) {
	return v.fieldPath(index, "reflect.Value.FieldByIndexErr")
}

// fieldPath follows a FieldByIndex path from struct v, through pointers
// to embedded structs.
func (v Value) fieldPath(path []int, method string) (Value, error) {
	cur := v
	for depth, fi := range path {
		if depth == 0 {
			cur.mustBe(Struct, method)
		} else if cur.kind() == Pointer && cur.rt.elem().Kind() == Struct {
			if cur.word() == nil {
				return Value{}, &fieldNilError{cur.rt.elem().String()}
			}
			cur = cur.Elem()
		}
		cur = cur.Field(fi)
	}
	return cur, nil
}

type fieldNilError struct{ name string }

func (e *fieldNilError) Error() string {
	return "reflect: indirection through nil pointer to embedded struct field " + e.name
}

func (v Value) FieldByName(name string) Value {
	v.mustBe(Struct, "reflect.Value.FieldByName")
	sf, found := v.rt.FieldByName(name)
	if !found {
		return Value{}
	}
	x, _ := v.fieldPath(sf.Index, "reflect.Value.FieldByName")
	return x
}

func (v Value) FieldByNameFunc(match func(string) bool) Value {
	sf, found := v.rt.FieldByNameFunc(match)
	if !found {
		return Value{}
	}
	x, _ := v.fieldPath(sf.Index, "reflect.Value.FieldByNameFunc")
	return x
}

func (v Value) Index(i int) Value {
	switch v.kind() {
	case Array:
		at := v.rt.arrayT()
		if uint(i) >= uint(at.len) {
			panic("reflect: array index out of range")
		}
		fl := v.vflag&(vfIndir|vfAddr) | v.vflag.ro() | vflag(at.elem.Kind())
		return Value{at.elem, unsafe.Add(v.data, uintptr(i)*at.elem.size), fl}
	case Slice:
		s := (*sliceHeader)(v.data)
		if uint(i) >= uint(s.Len) {
			panic("reflect: slice index out of range")
		}
		et := v.rt.elem()
		fl := vfAddr | vfIndir | v.vflag.ro() | vflag(et.Kind())
		return Value{et, unsafe.Add(s.Data, uintptr(i)*et.size), fl}
	case String:
		s := (*stringHeader)(v.data)
		if uint(i) >= uint(s.Len) {
			panic("reflect: string index out of range")
		}
		return Value{uint8Type, unsafe.Add(s.Data, uintptr(i)), v.vflag.ro() | vflag(Uint8) | vfIndir}
	}
	panic(valueErr("Index", v.kind()))
}

var uint8Type = rtypeOf(uint8(0))

func (v Value) Pointer() uintptr {
	switch v.kind() {
	case Pointer, Chan, Map, UnsafePointer:
		return uintptr(v.word())
	case Func:
		if v.vflag&vfMethod != 0 {
			// As Go: every method value shares one code pointer.
			return methodValueCode()
		}
		p := v.word()
		if p == nil {
			return 0
		}
		return funcEntry(*(*uintptr)(p)) // the entry pc of its code
	case Slice:
		return uintptr((*sliceHeader)(v.data).Data)
	}
	panic(valueErr("Pointer", v.kind()))
}

func (v Value) UnsafePointer() unsafe.Pointer {
	return unsafe.Pointer(v.Pointer())
}

func (v Value) InterfaceData() [2]uintptr {
	v.mustBe(Interface, "reflect.Value.InterfaceData")
	return *(*[2]uintptr)(v.data)
}

// Setters.

func (v Value) Set(x Value) {
	v.mustBeAssignable("reflect.Set")
	x.mustBeExported("reflect.Set")
	var target unsafe.Pointer
	if v.kind() == Interface {
		target = v.data
	}
	x = x.assignTo("reflect.Set", v.rt, target)
	if x.vflag&vfIndir != 0 {
		if x.data != v.data {
			typedmemmove(v.rt, v.data, x.data)
		}
	} else {
		*(*unsafe.Pointer)(v.data) = x.data
	}
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable("reflect.Value.SetBool")
	v.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.data) = x
}

func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("reflect.Value.SetBytes")
	v.mustBe(Slice, "reflect.Value.SetBytes")
	if v.rt.elem().Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.data) = x
}

func (v Value) setRunes(x []rune) {
	v.mustBeAssignable("reflect.Value.setRunes")
	v.mustBe(Slice, "reflect.Value.setRunes")
	*(*[]rune)(v.data) = x
}

func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("reflect.Value.SetComplex")
	switch k := v.kind(); k {
	case Complex128:
		parts := (*[2]float64)(v.data)
		parts[0], parts[1] = real(x), imag(x)
	case Complex64:
		parts := (*[2]float32)(v.data)
		parts[0], parts[1] = float32(real(x)), float32(imag(x))
	default:
		panic(valueErr("SetComplex", k))
	}
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("reflect.Value.SetFloat")
	switch k := v.kind(); k {
	case Float64:
		storeBits(v.data, 8, math.Float64bits(x))
	case Float32:
		storeBits(v.data, 4, uint64(math.Float32bits(float32(x))))
	default:
		panic(valueErr("SetFloat", k))
	}
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable("reflect.Value.SetInt")
	if k := v.kind(); !isIntKind(k) {
		panic(valueErr("SetInt", k))
	}
	storeBits(v.data, v.rt.size, uint64(x))
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("reflect.Value.SetUint")
	if k := v.kind(); !isUintKind(k) {
		panic(valueErr("SetUint", k))
	}
	storeBits(v.data, v.rt.size, x)
}

func (v Value) SetPointer(x unsafe.Pointer) {
	v.mustBeAssignable("reflect.Value.SetPointer")
	v.mustBe(UnsafePointer, "reflect.Value.SetPointer")
	*(*unsafe.Pointer)(v.data) = x
}

func (v Value) SetString(x string) {
	v.mustBeAssignable("reflect.Value.SetString")
	v.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.data) = x
}

func (v Value) SetLen(n int) {
	v.mustBeAssignable("reflect.Value.SetLen")
	v.mustBe(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.data)
	if uint(n) > uint(s.Cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.Len = n
}

func (v Value) SetCap(n int) {
	v.mustBeAssignable("reflect.Value.SetCap")
	v.mustBe(Slice, "reflect.Value.SetCap")
	s := (*sliceHeader)(v.data)
	if n < s.Len || n > s.Cap {
		panic("reflect: slice capacity out of range in SetCap")
	}
	s.Cap = n
}

func (v Value) Grow(n int) {
	v.mustBeAssignable("reflect.Value.Grow")
	v.mustBe(Slice, "reflect.Value.Grow")
	if n < 0 {
		panic("reflect.Value.Grow: negative len")
	}
	s := (*sliceHeader)(v.data)
	if s.Len+n > s.Cap {
		grown := growSlice(v.rt.elem(), *s, n)
		grown.Len = s.Len
		*s = grown
	}
}

// growSlice returns s with room for n more elements (Go's append growth).
func growSlice(et *rtype, s sliceHeader, n int) sliceHeader {
	need := s.Len + n
	newcap := s.Cap
	if need > 2*newcap {
		newcap = need
	} else if newcap < 256 {
		newcap *= 2
	} else {
		for newcap < need {
			newcap += (newcap + 3*256) / 4
		}
	}
	if newcap == 0 {
		newcap = need
	}
	p := unsafe_NewArray(et, newcap)
	if s.Len > 0 && et.size > 0 {
		typedmemmove(arrayOfN(et, s.Len), p, unsafe.Pointer(s.Data))
	}
	return sliceHeader{p, need, newcap}
}

// arrayOfN is the type [n]et, for copying n elements at once.
func arrayOfN(et *rtype, n int) *rtype {
	return ArrayOf(n, et).common()
}

func (v Value) Clear() {
	switch v.Kind() {
	case Slice:
		s := (*sliceHeader)(v.data)
		if s.Len > 0 {
			typedmemclr(arrayOfN(v.rt.elem(), s.Len), unsafe.Pointer(s.Data))
		}
	case Map:
		mapclear(v.rt, v.word())
	default:
		panic(valueErr("Clear", v.Kind()))
	}
}

func (v Value) Slice(i, j int) Value {
	var (
		cap  int
		rt  *rtype
		base unsafe.Pointer
	)
	switch k := v.kind(); k {
	case Array:
		if v.vflag&vfAddr == 0 {
			panic("reflect.Value.Slice: slice of unaddressable array")
		}
		cap = int(v.rt.arrayT().len)
		rt = v.rt.arrayT().slice
		base = v.data
	case Slice:
		s := (*sliceHeader)(v.data)
		cap = s.Cap
		rt = v.rt
		base = unsafe.Pointer(s.Data)
	case String:
		s := (*stringHeader)(v.data)
		if i < 0 || j < i || j > s.Len {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		str := *(*string)(v.data)
		out := new(string)
		*out = str[i:j]
		return Value{v.rt, unsafe.Pointer(out), v.vflag.ro() | vfIndir | vflag(String)}
	default:
		panic(valueErr("Slice", v.kind()))
	}
	if i < 0 || j < i || j > cap {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	es := rt.elem().size
	h := &sliceHeader{Len: j - i, Cap: cap - i}
	if cap-i > 0 {
		h.Data = unsafe.Add(base, uintptr(i)*es)
	} else {
		h.Data = base
	}
	return Value{rt, unsafe.Pointer(h), v.vflag.ro() | vfIndir | vflag(Slice)}
}

func (v Value) Slice3(i, j, k int) Value {
	var (
		cap  int
		rt  *rtype
		base unsafe.Pointer
	)
	switch v.kind() {
	case Array:
		if v.vflag&vfAddr == 0 {
			panic("reflect.Value.Slice3: slice of unaddressable array")
		}
		cap = int(v.rt.arrayT().len)
		rt = v.rt.arrayT().slice
		base = v.data
	case Slice:
		s := (*sliceHeader)(v.data)
		cap = s.Cap
		rt = v.rt
		base = unsafe.Pointer(s.Data)
	default:
		panic(valueErr("Slice3", v.kind()))
	}
	if i < 0 || j < i || k < j || k > cap {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	es := rt.elem().size
	h := &sliceHeader{Len: j - i, Cap: k - i}
	if k-i > 0 {
		h.Data = unsafe.Add(base, uintptr(i)*es)
	} else {
		h.Data = base
	}
	return Value{rt, unsafe.Pointer(h), v.vflag.ro() | vfIndir | vflag(Slice)}
}

// assignTo returns v converted for storing into a variable of type dst
// (an interface conversion when dst is an interface v implements);
// target, if not nil, is where an interface result may be built.
func (v Value) assignTo(context string, dst *rtype, target unsafe.Pointer) Value {
	if v.vflag&vfMethod != 0 {
		v = makeMethodValue(context, v)
	}
	switch {
	case directlyAssignable(dst, v.rt):
		fl := v.vflag&(vfAddr|vfIndir) | v.vflag.ro()
		fl |= vflag(dst.Kind())
		return Value{dst, v.data, fl}
	case satisfies(dst, v.rt):
		if v.Kind() == Interface && v.IsNil() {
			return Value{dst, nil, vflag(Interface)}
		}
		x := valueInterface(v, false, context)
		if target == nil {
			target = unsafe_New(dst)
		}
		storeIface(dst, x, target)
		return Value{dst, target, vfIndir | vflag(Interface)}
	}
	panic(context + ": value of type " + v.rt.String() + " is not assignable to type " + dst.String())
}

// storeIface stores x at p as a value of interface type dst.
func storeIface(dst *rtype, x any, p unsafe.Pointer) {
	if dst.ifaceT().nmethods == 0 {
		*(*any)(p) = x
		return
	}
	e := (*eface)(unsafe.Pointer(&x))
	w := (*[2]unsafe.Pointer)(p)
	if e.rt == nil {
		w[0], w[1] = nil, nil
		return
	}
	itab, missing := getitab(dst, e.rt)
	if itab == nil {
		panic("interface conversion: " + e.rt.String() + " is not " + dst.String() + ": missing method " + missing)
	}
	w[0], w[1] = itab, e.word
}

// Maps.

func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "reflect.Value.MapIndex")
	mt := v.rt.mapT()
	key = key.assignTo("reflect.Value.MapIndex", mt.key, nil)
	e := mapaccess(v.rt, v.word(), key.addrOf())
	if e == nil {
		return Value{}
	}
	return copyVal(mt.elem, v.vflag.ro()|key.vflag.ro(), e)
}

// addrOf returns a pointer to v's value (boxing a pointer-shaped one).
func (v Value) addrOf() unsafe.Pointer {
	if v.vflag&vfIndir != 0 {
		return v.data
	}
	p := new(unsafe.Pointer)
	*p = v.data
	return unsafe.Pointer(p)
}

// copyVal returns a Value holding a copy of the t at p.
func copyVal(t *rtype, fl vflag, p unsafe.Pointer) Value {
	fl |= vflag(t.Kind())
	if t.ifaceIndir() {
		c := unsafe_New(t)
		typedmemmove(t, c, p)
		return Value{t, c, fl | vfIndir}
	}
	return Value{t, *(*unsafe.Pointer)(p), fl}
}

func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	kt := v.rt.mapT().key
	fl := v.vflag.ro()
	m := v.word()
	n := maplen(m)
	if n == 0 {
		return []Value{}
	}
	keys := make([]Value, 0, n)
	it := mapiterinit(v.rt, m)
	for k := *(*unsafe.Pointer)(it); k != nil; k = *(*unsafe.Pointer)(it) {
		keys = append(keys, copyVal(kt, fl, k))
		mapiternext(it)
	}
	return keys
}

func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "reflect.Value.SetMapIndex")
	v.mustBeExported("reflect.Value.SetMapIndex")
	key.mustBeExported("reflect.Value.SetMapIndex")
	mt := v.rt.mapT()
	key = key.assignTo("reflect.Value.SetMapIndex", mt.key, nil)
	if elem.vflag == 0 {
		mapdelete(v.rt, v.word(), key.addrOf())
		return
	}
	elem.mustBeExported("reflect.Value.SetMapIndex")
	elem = elem.assignTo("reflect.Value.SetMapIndex", mt.elem, nil)
	mapassign(v.rt, v.word(), key.addrOf(), elem.addrOf())
}

func (v Value) MapRange() *MapIter {
	if v.kind() != Map {
		panic(valueErr("MapRange", v.kind()))
	}
	return &MapIter{m: v}
}

func (v Value) SetIterKey(iter *MapIter) {
	if !iter.hasNext() {
		panic("reflect: Value.SetIterKey called before Next")
	}
	v.Set(iter.Key())
}

func (v Value) SetIterValue(iter *MapIter) {
	if !iter.hasNext() {
		panic("reflect: Value.SetIterValue called before Next")
	}
	v.Set(iter.Value())
}

// Channels.

func (v Value) Close() {
	v.mustBe(Chan, "reflect.Value.Close")
	v.mustBeExported("reflect.Value.Close")
	if ChanDir(v.rt.chanT().dir)&SendDir == 0 {
		panic("reflect: close of receive-only channel")
	}
	chanclose(v.word())
}

func (v Value) Send(x Value) {
	v.mustBe(Chan, "reflect.Value.Send")
	v.mustBeExported("reflect.Value.Send")
	v.send(x, false)
}

func (v Value) TrySend(x Value) bool {
	v.mustBe(Chan, "reflect.Value.TrySend")
	v.mustBeExported("reflect.Value.TrySend")
	return v.send(x, true)
}

func (v Value) send(x Value, nb bool) bool {
	ct := v.rt.chanT()
	if ChanDir(ct.dir)&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.mustBeExported("reflect.Value.Send")
	x = x.assignTo("reflect.Value.Send", ct.elem, nil)
	p := x.addrOf()
	if x.vflag&vfAddr != 0 {
		// The channel may keep the pointer while parked: send a copy.
		c := unsafe_New(ct.elem)
		typedmemmove(ct.elem, c, p)
		p = c
	}
	return chansend(v.word(), p, nb)
}

func (v Value) Recv() (x Value, ok bool) {
	v.mustBe(Chan, "reflect.Value.Recv")
	v.mustBeExported("reflect.Value.Recv")
	return v.recv(false)
}

func (v Value) TryRecv() (x Value, ok bool) {
	v.mustBe(Chan, "reflect.Value.TryRecv")
	v.mustBeExported("reflect.Value.TryRecv")
	return v.recv(true)
}

func (v Value) recv(nb bool) (Value, bool) {
	x, ok, _ := v.recvSel(nb)
	return x, ok
}

// recvSel receives from channel v; selected is false when a non-blocking
// receive found nothing (then x is the zero Value).
func (v Value) recvSel(nb bool) (x Value, ok, selected bool) {
	ct := v.rt.chanT()
	if ChanDir(ct.dir)&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	t := ct.elem
	p := unsafe_New(t)
	selected, ok = chanrecv(v.word(), nb, p)
	if !selected {
		return Value{}, false, false
	}
	if t.ifaceIndir() {
		return Value{t, p, vflag(t.Kind()) | vfIndir}, ok, true
	}
	return Value{t, *(*unsafe.Pointer)(p), vflag(t.Kind())}, ok, true
}

// Comparison and conversion.

func (v Value) Comparable() bool {
	switch v.kind() {
	case Invalid:
		return false
	case Interface:
		inner := v.Elem()
		return inner.vflag == 0 || inner.Comparable()
	case Array, Struct:
		// Element by element: an interface inside may hold anything.
		n := v.partCount()
		for i := 0; i < n; i++ {
			if !v.part(i).Comparable() {
				return false
			}
		}
		return true
	}
	return comparable(v.rt)
}

// partCount is the number of parts of an array or struct Value.
func (v Value) partCount() int {
	if v.kind() == Struct {
		return int(v.rt.structT().nfields)
	}
	return int(v.rt.arrayT().len)
}

// part is element or field i of an array or struct Value.
func (v Value) part(i int) Value {
	if v.kind() == Struct {
		return v.Field(i)
	}
	return v.Index(i)
}

func (v Value) Equal(u Value) bool {
	a, b := v.unwrapIface(), u.unwrapIface()
	if a.vflag == 0 || b.vflag == 0 {
		return a.vflag == 0 && b.vflag == 0
	}
	if a.rt != b.rt {
		return false
	}
	k := a.kind()
	notComparable := k == Func || k == Map || k == Slice
	eq, bad := false, (*rtype)(nil)
	if !notComparable {
		eq, bad = typeEqual(a.rt, a.addrOf(), b.addrOf())
	}
	if notComparable || bad != nil {
		panic("reflect.Value.Equal: values of type " + a.rt.String() + " are not comparable")
	}
	return eq
}

// unwrapIface returns the value inside an interface Value, else v.
func (v Value) unwrapIface() Value {
	if v.kind() != Interface {
		return v
	}
	return v.Elem()
}

func (v Value) CanConvert(t Type) bool {
	dst := t.common()
	if !convertible(dst, v.rt) {
		return false
	}
	// Slice to array (or array pointer) also needs the length.
	if v.kind() == Slice {
		switch dst.Kind() {
		case Array:
			return dst.Len() <= v.Len()
		case Pointer:
			if e := dst.elem(); e.Kind() == Array {
				return e.Len() <= v.Len()
			}
		}
	}
	return true
}

func (v Value) Convert(t Type) Value {
	if v.vflag&vfMethod != 0 {
		v = makeMethodValue("Convert", v)
	}
	dst := t.common()
	if !convertible(dst, v.rt) {
		panic("reflect.Value.Convert: value of type " + v.rt.String() + " cannot be converted to type " + t.String())
	}
	return convertValue(v, dst)
}

func isIntKind(k Kind) bool  { return k >= Int && k <= Int64 }
func isUintKind(k Kind) bool { return k >= Uint && k <= Uintptr }

// convertValue converts v to dst (convertible(dst, v.rt) holds).
func convertValue(v Value, dst *rtype) Value {
	sk, dk := v.kind(), dst.Kind()
	fl := v.vflag.ro()
	switch {
	case (isIntKind(sk) || isUintKind(sk)) && (isIntKind(dk) || isUintKind(dk)):
		var bits uint64
		if isIntKind(sk) {
			bits = uint64(v.Int())
		} else {
			bits = v.Uint()
		}
		return makeInt(fl, bits, dst)
	case (isIntKind(sk) || isUintKind(sk)) && (dk == Float32 || dk == Float64):
		if isIntKind(sk) {
			return makeFloat(fl, float64(v.Int()), dst)
		}
		return makeFloat(fl, float64(v.Uint()), dst)
	case (sk == Float32 || sk == Float64) && isIntKind(dk):
		return makeInt(fl, uint64(int64(v.Float())), dst)
	case (sk == Float32 || sk == Float64) && isUintKind(dk):
		return makeInt(fl, uint64(v.Float()), dst)
	case (sk == Float32 || sk == Float64) && (dk == Float32 || dk == Float64):
		return makeFloat(fl, v.Float(), dst)
	case (sk == Complex64 || sk == Complex128) && (dk == Complex64 || dk == Complex128):
		return makeComplex(fl, v.Complex(), dst)
	case dk == String && (isIntKind(sk) || isUintKind(sk)):
		var r rune
		if isIntKind(sk) {
			x := v.Int()
			if int64(rune(x)) == x {
				r = rune(x)
			} else {
				r = utf8RuneError
			}
		} else {
			x := v.Uint()
			if uint64(rune(x)) == x {
				r = rune(x)
			} else {
				r = utf8RuneError
			}
		}
		return makeString(fl, string(r), dst)
	case sk == Slice && dk == String && v.rt.PkgPath() == "" || sk == Slice && dk == String && isBytesOrRunes(v.rt):
		if v.rt.elem().Kind() == Uint8 {
			return makeString(fl, string(*(*[]byte)(v.data)), dst)
		}
		return makeString(fl, string(*(*[]rune)(v.data)), dst)
	case sk == String && dk == Slice:
		s := v.String()
		p := unsafe_New(dst)
		if dst.elem().Kind() == Uint8 {
			*(*[]byte)(p) = []byte(s)
		} else {
			*(*[]rune)(p) = []rune(s)
		}
		return Value{dst, p, fl | vfIndir | vflag(Slice)}
	case sk == Slice && dk == Array:
		n := int(dst.arrayT().len)
		if n > v.Len() {
			panic("reflect: cannot convert slice with length " + strconv.Itoa(v.Len()) + " to array or pointer to array with length " + strconv.Itoa(n))
		}
		p := unsafe_New(dst)
		typedmemmove(dst, p, unsafe.Pointer((*sliceHeader)(v.data).Data))
		return Value{dst, p, fl | vfIndir | vflag(Array)}
	case sk == Slice && dk == Pointer:
		n := int(dst.elem().arrayT().len)
		if n > v.Len() {
			panic("reflect: cannot convert slice with length " + strconv.Itoa(v.Len()) + " to array or pointer to array with length " + strconv.Itoa(n))
		}
		h := (*sliceHeader)(v.data)
		return Value{dst, unsafe.Pointer(h.Data), fl | vflag(Pointer)}
	}
	if dk == Interface {
		target := unsafe_New(dst)
		if v.Kind() == Interface && v.IsNil() {
			return Value{dst, target, vfIndir | vflag(Interface)}
		}
		storeIface(dst, valueInterface(v, false, "reflect.Value.Convert"), target)
		return Value{dst, target, vfIndir | vflag(Interface)}
	}
	// Same memory, another type.
	v.rt = dst
	v.vflag = v.vflag&(vfIndir|vfRO) | vflag(dk)
	return v
}

const utf8RuneError = '\uFFFD'

// makeInt returns a Value of integer type t holding the low bits of bits.
func makeInt(f vflag, bits uint64, t *rtype) Value {
	p := unsafe_New(t)
	switch t.size {
	case 1:
		*(*uint8)(p) = uint8(bits)
	case 2:
		*(*uint16)(p) = uint16(bits)
	case 4:
		*(*uint32)(p) = uint32(bits)
	case 8:
		*(*uint64)(p) = bits
	}
	return Value{t, p, f | vfIndir | vflag(t.Kind())}
}

func makeFloat(f vflag, x float64, t *rtype) Value {
	p := unsafe_New(t)
	if t.size == 4 {
		*(*float32)(p) = float32(x)
	} else {
		*(*float64)(p) = x
	}
	return Value{t, p, f | vfIndir | vflag(t.Kind())}
}

func makeComplex(f vflag, x complex128, t *rtype) Value {
	p := unsafe_New(t)
	if t.size == 8 {
		*(*complex64)(p) = complex64(x)
	} else {
		*(*complex128)(p) = x
	}
	return Value{t, p, f | vfIndir | vflag(t.Kind())}
}

func makeString(f vflag, s string, t *rtype) Value {
	p := unsafe_New(t)
	*(*string)(p) = s
	return Value{t, p, f | vfIndir | vflag(String)}
}

// Overflow checks on the Value's type.

func (v Value) OverflowComplex(x complex128) bool {
	k := v.kind()
	if k != Complex64 && k != Complex128 {
		panic(valueErr("OverflowComplex", k))
	}
	return v.rt.OverflowComplex(x)
}

func (v Value) OverflowFloat(x float64) bool {
	k := v.kind()
	if k != Float32 && k != Float64 {
		panic(valueErr("OverflowFloat", k))
	}
	return v.rt.OverflowFloat(x)
}

func (v Value) OverflowInt(x int64) bool {
	if !isIntKind(v.kind()) {
		panic(valueErr("OverflowInt", v.kind()))
	}
	return v.rt.OverflowInt(x)
}

func (v Value) OverflowUint(x uint64) bool {
	if !isUintKind(v.kind()) {
		panic(valueErr("OverflowUint", v.kind()))
	}
	return v.rt.OverflowUint(x)
}

// Fields yields each field of struct v with its value.
func (v Value) Fields() iter.Seq2[StructField, Value] {
	t := v.Type()
	return func(emit func(StructField, Value) bool) {
		for i := 0; i < v.NumField(); i++ {
			if !emit(t.Field(i), v.Field(i)) {
				return
			}
		}
	}
}

// Methods yields each method of v with its method value.
func (v Value) Methods() iter.Seq2[Method, Value] {
	t := v.Type()
	return func(emit func(Method, Value) bool) {
		for i := 0; i < v.NumMethod(); i++ {
			if !emit(t.Method(i), v.Method(i)) {
				return
			}
		}
	}
}

// Seq and Seq2 are Value methods written in Go on top of the rest.

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
