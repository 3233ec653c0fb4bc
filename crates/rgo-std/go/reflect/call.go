package reflect

import "unsafe"

// Dynamic calls. A call frame is rgo's register window: the results then
// the arguments, each value in ceil(size/8) 8-byte slots holding its
// memory image (a sub-word integer alone in its slot sign- or
// zero-extended, as compiled code keeps it). The compiler generates the
// code that moves such a frame between a heap buffer and a real call
// (rgo-compile's reflectstubs.rs); stubID finds the variant whose window
// is big enough.

// stubID returns the id of the generated stub of family kind serving
// frames of nslots slots, and its window size (0: none is big enough).
func stubID(kind, nslots int) (id uintptr, size int)

const (
	stubCall     = 0 // func(fn, buf unsafe.Pointer, nres, nargs int)
	stubMethod   = 1 // method values and method expressions
	stubMakeFunc = 2 // MakeFunc
)

// funcName returns the name of the function of func value fv.
func funcName(fv unsafe.Pointer) string

// funcEntry returns the entry pc of the function with id code (the pc
// runtime.FuncForPC maps back to it).
func funcEntry(code uintptr) uintptr

// methodStub is the func value of a method value or method expression:
// its code is the method trampoline, which builds the method's frame
// `[results][receiver data word][arguments]` from the caller's. The
// layout is the trampoline natives' (glue/reflect.rs).
type methodStub struct {
	code   uintptr        // the trampoline (funcval code word)
	n      uintptr        // its window size
	nres   uintptr        // result slots
	nargs  uintptr        // argument slots after the receiver
	fn     unsafe.Pointer // func value of the method's function
	rcvr   unsafe.Pointer // method value: the receiver's data word
	expr   uintptr        // 1: method expression, the receiver is the first argument
	rslots uintptr        // method expression: the receiver's slots
	rtyp   *rtype         // method expression: the receiver's type
}

// funcStub is the func value of a MakeFunc function: its code is the
// MakeFunc trampoline, which calls prep, fn and post in turn (field
// offsets are the trampoline's).
type funcStub struct {
	code  uintptr
	n     uintptr
	nres  uintptr
	nargs uintptr
	prep  func(s *funcStub, buf unsafe.Pointer) []Value
	fn    func([]Value) []Value
	post  func(out []Value, s *funcStub, buf unsafe.Pointer)
	ftyp  *rtype
}

// funcvalOf returns a func value whose code is function id.
func funcvalOf(id uintptr) unsafe.Pointer {
	p := new(uintptr)
	*p = id
	return unsafe.Pointer(p)
}

func frameSlots(ts []*rtype) int {
	n := 0
	for _, t := range ts {
		n += t.slots()
	}
	return n
}

// storeSlots writes v, a value of type t, to the frame slots at dst.
func storeSlots(t *rtype, v Value, dst unsafe.Pointer) {
	switch t.Kind() {
	case Int8:
		*(*int64)(dst) = int64(*(*int8)(v.data))
	case Int16:
		*(*int64)(dst) = int64(*(*int16)(v.data))
	case Int32:
		*(*int64)(dst) = int64(*(*int32)(v.data))
	case Bool, Uint8:
		*(*uint64)(dst) = uint64(*(*uint8)(v.data))
	case Uint16:
		*(*uint64)(dst) = uint64(*(*uint16)(v.data))
	case Uint32, Float32:
		*(*uint64)(dst) = uint64(*(*uint32)(v.data))
	default:
		if v.vflag&vfIndir != 0 {
			typedmemmove(t, dst, v.data)
		} else {
			*(*unsafe.Pointer)(dst) = v.data
		}
	}
}

// methodReceiver returns the function type (without receiver), func
// value and receiver data word of method i of v.
func methodReceiver(op string, v Value, i int) (ft *rtype, fn, rcvr unsafe.Pointer) {
	if v.rt.Kind() == Interface {
		ms := v.rt.ifaceMethods()
		if uint(i) >= uint(len(ms)) {
			panic("reflect: internal error: invalid method index")
		}
		w := (*[2]unsafe.Pointer)(v.data)
		if w[0] == nil {
			panic("reflect: " + op + " of method on nil interface value")
		}
		id := *(*uintptr)(unsafe.Add(w[0], 24+8*i)) // itab.fun[i]
		return ms[i].mtyp, funcvalOf(id), w[1]
	}
	ms := v.rt.exportedMethods()
	if uint(i) >= uint(len(ms)) {
		panic("reflect: internal error: invalid method index")
	}
	if v.rt.ifaceIndir() {
		rcvr = v.data
	} else {
		rcvr = v.word()
	}
	return ms[i].mtyp, funcvalOf(ms[i].fn), rcvr
}

func (v Value) Call(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.Call")
	v.mustBeExported("reflect.Value.Call")
	return v.call("Call", in)
}

func (v Value) CallSlice(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.CallSlice")
	v.mustBeExported("reflect.Value.CallSlice")
	return v.call("CallSlice", in)
}

func (v Value) call(op string, in []Value) []Value {
	var (
		ft       *rtype
		fn, rcvr unsafe.Pointer
	)
	isMethod := v.vflag&vfMethod != 0
	if isMethod {
		ft, fn, rcvr = methodReceiver(op, v, int(v.vflag)>>vfMethodShift)
	} else {
		ft = v.rt
		fn = v.word()
	}
	if fn == nil {
		panic("reflect.Value.Call: call of nil function")
	}
	n := ft.NumIn()
	variadic := ft.IsVariadic()
	if op == "CallSlice" {
		if !variadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if variadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !variadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for k := range in {
		if in[k].vflag == 0 {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	ins := ft.ins()
	for i := 0; i < n; i++ {
		if xt, targ := in[i].Type(), ins[i]; !xt.AssignableTo(targ) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + targ.String())
		}
	}
	if op != "CallSlice" && variadic {
		// Gather the extra arguments into the final slice parameter.
		extra := in[n:]
		pack := MakeSlice(ins[n], len(extra), len(extra))
		et := ins[n].elem()
		for k, arg := range extra {
			if at := arg.rt; !directlyAssignable(et, at) && !satisfies(et, at) {
				panic("reflect: cannot use " + at.String() + " as type " + et.String() + " in " + op)
			}
			pack.Index(k).Set(arg)
		}
		in = append(in[:n:n], pack)
	}
	if len(in) != len(ins) {
		panic("reflect.Value.Call: wrong argument count")
	}
	outs := ft.outs()
	nres := frameSlots(outs)
	nargs := frameSlots(ins)
	if isMethod {
		nargs++
	}
	// Pointer-typed, so the collector scans the argument and result
	// words while the call runs (each word is checked against the heap).
	buf := make([]unsafe.Pointer, nres+nargs+1)
	base := unsafe.Pointer(&buf[0])
	off := nres
	if isMethod {
		*(*unsafe.Pointer)(unsafe.Add(base, off*8)) = rcvr
		off++
	}
	for i, t := range ins {
		x := in[i].assignTo("reflect.Value.Call", t, nil)
		storeSlots(t, x, unsafe.Add(base, off*8))
		off += t.slots()
	}
	id, size := stubID(stubCall, nres+nargs)
	if size == 0 {
		panic("reflect.Value.Call: frame too large")
	}
	var stub func(fn, buf unsafe.Pointer, nres, nargs int)
	*(*unsafe.Pointer)(unsafe.Pointer(&stub)) = funcvalOf(id)
	stub(fn, base, nres, nargs)
	ret := make([]Value, len(outs))
	off = 0
	for i, t := range outs {
		ret[i] = copyVal(t, 0, unsafe.Add(base, off*8))
		off += t.slots()
	}
	return ret
}

func (v Value) NumMethod() int {
	if v.rt == nil {
		panic(valueErr("NumMethod", Invalid))
	}
	if v.vflag&vfMethod != 0 {
		return 0
	}
	return v.rt.NumMethod()
}

func (v Value) Method(i int) Value {
	if v.rt == nil {
		panic(valueErr("Method", Invalid))
	}
	if v.vflag&vfMethod != 0 || uint(i) >= uint(v.rt.NumMethod()) {
		panic("reflect: Method index out of range")
	}
	if v.rt.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	fl := v.vflag.ro() | v.vflag&vfIndir | vflag(Func)
	fl |= vflag(i)<<vfMethodShift | vfMethod
	return Value{v.rt, v.data, fl}
}

func (v Value) MethodByName(name string) Value {
	if v.rt == nil {
		panic(valueErr("MethodByName", Invalid))
	}
	if v.vflag&vfMethod != 0 {
		return Value{}
	}
	m, ok := v.rt.MethodByName(name)
	if !ok {
		return Value{}
	}
	return v.Method(m.Index)
}

// makeMethodValue turns a method Value (vfMethod) into a func Value
// bound to its receiver.
func makeMethodValue(op string, v Value) Value {
	ft, fn, rcvr := methodReceiver(op, v, int(v.vflag)>>vfMethodShift)
	nres, nargs := frameSlots(ft.outs()), frameSlots(ft.ins())
	id, size := stubID(stubMethod, nres+nargs)
	if size == 0 {
		panic("reflect: method value frame too large")
	}
	s := &methodStub{
		code:  id,
		n:     uintptr(size),
		nres:  uintptr(nres),
		nargs: uintptr(nargs),
		fn:    fn,
		rcvr:  rcvr,
	}
	return Value{ft, unsafe.Pointer(s), v.vflag.ro() | vflag(Func)}
}

// methodExprStub returns the func value of method m of t taking the
// receiver as its first argument (Method.Func).
func methodExprStub(t *rtype, m *method, mt *rtype) unsafe.Pointer {
	nres, nargs := 0, 0
	if ft := m.mtyp; ft != nil && ft.Kind() == Func {
		nres, nargs = frameSlots(ft.outs()), frameSlots(ft.ins())
	}
	id, size := stubID(stubMethod, nres+t.slots()+nargs)
	if size == 0 {
		panic("reflect: method frame too large")
	}
	return unsafe.Pointer(&methodStub{
		code:   id,
		n:      uintptr(size),
		nres:   uintptr(nres),
		nargs:  uintptr(nargs),
		fn:     funcvalOf(m.fn),
		expr:   1,
		rslots: uintptr(t.slots()),
		rtyp:   t,
	})
}

// methodValueCode is what Pointer reports for every method value (Go
// reports the one code address they share).
func methodValueCode() uintptr {
	id, _ := stubID(stubMethod, 0)
	return funcEntry(id)
}

// MakeFunc returns a new function of the given Type that wraps the
// function fn.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	nres, nargs := frameSlots(t.outs()), frameSlots(t.ins())
	id, size := stubID(stubMakeFunc, nres+nargs)
	if size == 0 {
		panic("reflect.MakeFunc: function type too large")
	}
	s := &funcStub{
		code:  id,
		n:     uintptr(size),
		nres:  uintptr(nres),
		nargs: uintptr(nargs),
		prep:  makeFuncPrep,
		fn:    fn,
		post:  makeFuncPost,
		ftyp:  t,
	}
	return Value{t, unsafe.Pointer(s), vflag(Func)}
}

// makeFuncPrep turns the arguments in buf into Values (copies).
func makeFuncPrep(s *funcStub, buf unsafe.Pointer) []Value {
	ins := s.ftyp.ins()
	args := make([]Value, len(ins))
	off := int(s.nres)
	for i, t := range ins {
		args[i] = copyVal(t, 0, unsafe.Add(buf, off*8))
		off += t.slots()
	}
	return args
}

// makeFuncPost checks the results of a MakeFunc function and stores
// them at the start of buf.
func makeFuncPost(out []Value, s *funcStub, buf unsafe.Pointer) {
	outs := s.ftyp.outs()
	if len(out) != len(outs) {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	off := 0
	for i, t := range outs {
		v := out[i]
		if v.rt == nil {
			panic("reflect: function created by MakeFunc using " + funcName(*(*unsafe.Pointer)(unsafe.Pointer(&s.fn))) + " returned zero Value")
		}
		if v.vflag&vfRO != 0 {
			panic("reflect: function created by MakeFunc using " + funcName(*(*unsafe.Pointer)(unsafe.Pointer(&s.fn))) + " returned value obtained from unexported field")
		}
		v = v.assignTo("reflect.MakeFunc", t, nil)
		storeSlots(t, v, unsafe.Add(buf, off*8))
		off += t.slots()
	}
}
