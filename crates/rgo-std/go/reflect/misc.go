package reflect

import "unsafe"

// Zero returns a non-addressable Value holding typ's zero value.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	fl := vflag(t.Kind())
	if t.ifaceIndir() {
		return Value{t, unsafe_New(t), fl | vfIndir}
	}
	return Value{t, nil, fl}
}

// New returns a Value representing a pointer to a new zero value for the
// specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	return Value{t.ptrTo(), unsafe_New(t), vflag(Pointer)}
}

// NewAt returns a Value representing a pointer to a value of the specified
// type, using p as that pointer.
func NewAt(typ Type, p unsafe.Pointer) Value {
	return Value{typ.common().ptrTo(), p, vflag(Pointer)}
}

// SliceAt returns a Value representing a slice whose underlying data
// starts at p, with length and capacity equal to n.
func SliceAt(typ Type, p unsafe.Pointer, n int) Value {
	t := typ.common()
	if n < 0 {
		panic("reflect.SliceAt: negative length")
	}
	h := &sliceHeader{p, n, n}
	return Value{sliceOf(t, "[]"+t.String()), unsafe.Pointer(h), vfIndir | vflag(Slice)}
}

// Indirect returns the value that v points to. If v is a nil pointer,
// Indirect returns a zero Value. If v is not a pointer, Indirect returns v.
func Indirect(v Value) Value {
	if v.Kind() == Pointer {
		return v.Elem()
	}
	return v
}

// MakeSlice creates a new zero-initialized slice value for the specified
// slice type, length, and capacity.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	t := typ.common()
	h := &sliceHeader{unsafe_NewArray(t.elem(), cap), len, cap}
	return Value{t, unsafe.Pointer(h), vfIndir | vflag(Slice)}
}

// MakeMap returns a new empty map of map type typ.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map with the specified type and initial
// space for approximately n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	return Value{t, makemap(t, n), vflag(Map)}
}

// MakeChan returns a new channel of channel type typ with room for
// buffer elements.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	t := typ.common()
	return Value{t, makechan(t, buffer), vflag(Chan)}
}

// Append appends the values x to a slice s and returns the resulting
// slice.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice, "reflect.Append")
	grown := s.extendSlice(len(x))
	at := grown.Len() - len(x)
	for k := range x {
		grown.Index(at + k).Set(x[k])
	}
	return grown
}

// AppendSlice appends a slice t to a slice s and returns the resulting
// slice.
func AppendSlice(s, t Value) Value {
	s.mustBe(Slice, "reflect.AppendSlice")
	t.mustBe(Slice, "reflect.AppendSlice")
	if s.rt.elem() != t.rt.elem() {
		panic("reflect.AppendSlice: " + s.Type().String() + " != " + t.Type().String())
	}
	grown := s.extendSlice(t.Len())
	Copy(grown.Slice(s.Len(), grown.Len()), t)
	return grown
}

// extendSlice returns a new addressable-free copy of slice v's header
// with n more elements (growing the array as append does).
func (v Value) extendSlice(n int) Value {
	h := *(*sliceHeader)(v.data)
	if h.Len+n > h.Cap {
		h = growSlice(v.rt.elem(), h, n)
	} else {
		h.Len += n
	}
	p := new(sliceHeader)
	*p = h
	return Value{v.rt, unsafe.Pointer(p), vfIndir | vflag(Slice)}
}

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted. It returns the number of elements
// copied.
func Copy(dst, src Value) int {
	dk := dst.kind()
	if !(dk == Slice || dk == Array) {
		panic(&ValueError{Method: "reflect.Copy", Kind: dk})
	}
	if dk == Array {
		dst.mustBeAssignable("reflect.Copy")
	}
	dst.mustBeExported("reflect.Copy")
	sk := src.kind()
	var stringCopy bool
	if !(sk == Slice || sk == Array) {
		stringCopy = sk == String && dst.rt.elem().Kind() == Uint8
		if !stringCopy {
			panic(&ValueError{Method: "reflect.Copy", Kind: sk})
		}
	}
	src.mustBeExported("reflect.Copy")
	de := dst.rt.elem()
	if !stringCopy {
		se := src.rt.elem()
		if !sameType(de, se, true) {
			panic("reflect.Copy: " + de.String() + " != " + se.String())
		}
	}
	dp, dn := dst.dataLen()
	sp, sn := src.dataLen()
	n := dn
	if sn < n {
		n = sn
	}
	if n > 0 && de.size > 0 {
		typedmemmove(arrayOfN(de, n), dp, sp)
	}
	return n
}

// dataLen returns the element memory and length of an array, slice or
// string Value.
func (v Value) dataLen() (unsafe.Pointer, int) {
	switch v.kind() {
	case Array:
		return v.data, v.Len()
	case String:
		h := (*stringHeader)(v.data)
		return unsafe.Pointer(h.Data), h.Len
	}
	h := (*sliceHeader)(v.data)
	return unsafe.Pointer(h.Data), h.Len
}

// Swapper returns a function exchanging two elements of slice; it panics
// when slice is not a slice.
func Swapper(slice any) func(i, j int) {
	sv := ValueOf(slice)
	if sv.kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: sv.kind()})
	}
	et := sv.rt.elem()
	h := *(*sliceHeader)(sv.data)
	tmp := unsafe_New(et)
	return func(a, b int) {
		if uint(a) >= uint(h.Len) || uint(b) >= uint(h.Len) {
			panic("reflect: slice index out of range")
		}
		pa := unsafe.Add(h.Data, uintptr(a)*et.size)
		pb := unsafe.Add(h.Data, uintptr(b)*et.size)
		typedmemmove(et, tmp, pa)
		typedmemmove(et, pa, pb)
		typedmemmove(et, pb, tmp)
	}
}

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
// (false for a closed channel).
//
// rgo: cases are polled in a random order without blocking until one
// is ready (yielding between rounds), or the default case runs; a
// select with no ready case and no default blocks by polling.
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	dflt := -1
	for i := range cases {
		sc := &cases[i]
		hasChan, hasSend := sc.Chan.vflag != 0, sc.Send.vflag != 0
		switch sc.Dir {
		case SelectDefault:
			switch {
			case dflt >= 0:
				panic("reflect.Select: multiple default cases")
			case hasChan:
				panic("reflect.Select: default case has Chan value")
			case hasSend:
				panic("reflect.Select: default case has Send value")
			}
			dflt = i
		case SelectSend:
			if !hasChan {
				break
			}
			sc.Chan.mustBe(Chan, "reflect.Select")
			switch {
			case ChanDir(sc.Chan.rt.chanT().dir)&SendDir == 0:
				panic("reflect.Select: SendDir case using recv-only channel")
			case !hasSend:
				panic("reflect.Select: SendDir case missing Send value")
			}
		case SelectRecv:
			switch {
			case hasSend:
				panic("reflect.Select: RecvDir case has Send value")
			case !hasChan:
			default:
				sc.Chan.mustBe(Chan, "reflect.Select")
				if ChanDir(sc.Chan.rt.chanT().dir)&RecvDir == 0 {
					panic("reflect.Select: RecvDir case using send-only channel")
				}
			}
		default:
			panic("reflect.Select: invalid Dir")
		}
	}
	rcs := make([]selectCase, len(cases))
	for i, c := range cases {
		if c.Dir == SelectDefault || !c.Chan.IsValid() || c.Chan.IsNil() {
			continue
		}
		ct := c.Chan.rt.chanT()
		rc := &rcs[i]
		rc.ch = c.Chan.word()
		if c.Dir == SelectSend {
			x := c.Send
			x.mustBeExported("reflect.Select")
			x = x.assignTo("reflect.Select", ct.elem, nil)
			// The channel may keep the pointer while parked: send a copy.
			rc.val = unsafe_New(ct.elem)
			typedmemmove(ct.elem, rc.val, x.addrOf())
			rc.dir = 1
		} else {
			rc.val = unsafe_New(ct.elem)
			rc.dir = 2
		}
	}
	chosen, recvOK = rselect(rcs, dflt < 0)
	if chosen < 0 {
		return dflt, Value{}, false
	}
	if cases[chosen].Dir == SelectRecv {
		t := cases[chosen].Chan.rt.chanT().elem
		p := rcs[chosen].val
		if t.ifaceIndir() {
			return chosen, Value{t, p, vflag(t.Kind()) | vfIndir}, recvOK
		}
		return chosen, Value{t, *(*unsafe.Pointer)(p), vflag(t.Kind())}, recvOK
	}
	return chosen, Value{}, false
}

// selectCase is one case of rselect: dir 1 sends *val, 2 receives into
// *val, 0 never fires.
type selectCase struct {
	dir uintptr
	ch  unsafe.Pointer
	val unsafe.Pointer
}

// rselect runs a select over cases (the runtime's selectgo); chosen is
// -1 when none is ready and block is false. Native.
func rselect(cases []selectCase, block bool) (chosen int, recvOK bool)

// A MapIter is an iterator for ranging over a map. See Value.MapRange.
type MapIter struct {
	m     Value
	state unsafe.Pointer // runtime map iterator
}

func (iter *MapIter) hasNext() bool {
	return iter.state != nil && *(*unsafe.Pointer)(iter.state) != nil
}

// Key is the key of the entry the iterator is at.
func (iter *MapIter) Key() Value {
	if iter.state == nil {
		panic("MapIter.Key called before Next")
	}
	k := *(*unsafe.Pointer)(iter.state)
	if k == nil {
		panic("MapIter.Key called on exhausted iterator")
	}
	return copyVal(iter.m.rt.mapT().key, iter.m.vflag.ro(), k)
}

// Value is the element of the entry the iterator is at.
func (iter *MapIter) Value() Value {
	if iter.state == nil {
		panic("MapIter.Value called before Next")
	}
	if *(*unsafe.Pointer)(iter.state) == nil {
		panic("MapIter.Value called on exhausted iterator")
	}
	e := *(*unsafe.Pointer)(unsafe.Add(iter.state, 8))
	return copyVal(iter.m.rt.mapT().elem, iter.m.vflag.ro(), e)
}

// Next moves to the next map entry and reports whether there is one.
func (iter *MapIter) Next() bool {
	if !iter.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if iter.state == nil {
		iter.state = mapiterinit(iter.m.rt, iter.m.word())
	} else {
		if *(*unsafe.Pointer)(iter.state) == nil {
			panic("MapIter.Next called on exhausted iterator")
		}
		mapiternext(iter.state)
	}
	return *(*unsafe.Pointer)(iter.state) != nil
}

// Reset modifies iter to iterate over v.
func (iter *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.mustBe(Map, "reflect.MapIter.Reset")
	}
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

// sliceHeader and stringHeader are the headers reflect itself builds and
// reads: their data word is a pointer, so the collector sees it (Go's
// internal/unsafeheader).
type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

type stringHeader struct {
	Data unsafe.Pointer
	Len  int
}
