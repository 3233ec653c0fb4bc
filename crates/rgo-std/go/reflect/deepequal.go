package reflect

import "unsafe"

// DeepEqual reports whether x and y are “deeply equal”: of identical
// types, and equal element by element, field by field, entry by entry,
// following pointers (see Go's documentation for the exact rules: funcs
// are equal only when both are nil, NaNs are never equal, a nil and an
// empty slice or map differ).
func DeepEqual(x, y any) bool {
	if x == nil || y == nil {
		return x == y
	}
	a, b := ValueOf(x), ValueOf(y)
	if a.rt != b.rt {
		return false
	}
	return deepEqual(a, b, map[seenPair]bool{})
}

// seenPair records a comparison in progress of two references of one
// type, so cyclic data compares as equal instead of recursing forever.
type seenPair struct {
	p, q unsafe.Pointer
	t    *rtype
}

// refOf returns the address a reference-like Value stands for, or nil.
func refOf(v Value) unsafe.Pointer {
	switch v.kind() {
	case Map, Pointer:
		return v.word()
	case Slice:
		return unsafe.Pointer((*sliceHeader)(v.data).Data)
	case Interface:
		if v.IsNil() {
			return nil
		}
		return v.data
	}
	return nil
}

func deepEqual(a, b Value, seen map[seenPair]bool) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.rt != b.rt {
		return false
	}
	switch a.kind() {
	case Map, Pointer, Slice, Interface:
		p, q := refOf(a), refOf(b)
		if p != nil && q != nil {
			if uintptr(p) > uintptr(q) {
				p, q = q, p
			}
			k := seenPair{p, q, a.rt}
			if seen[k] {
				return true
			}
			seen[k] = true
		}
	}
	switch a.kind() {
	case Array:
		for i, n := 0, a.Len(); i < n; i++ {
			if !deepEqual(a.Index(i), b.Index(i), seen) {
				return false
			}
		}
		return true
	case Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		if refOf(a) == refOf(b) {
			return true
		}
		for i, n := 0, a.Len(); i < n; i++ {
			if !deepEqual(a.Index(i), b.Index(i), seen) {
				return false
			}
		}
		return true
	case Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return deepEqual(a.Elem(), b.Elem(), seen)
	case Pointer:
		if a.word() == b.word() {
			return true
		}
		return deepEqual(a.Elem(), b.Elem(), seen)
	case Struct:
		for i, n := 0, a.NumField(); i < n; i++ {
			if !deepEqual(a.Field(i), b.Field(i), seen) {
				return false
			}
		}
		return true
	case Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		if a.word() == b.word() {
			return true
		}
		for _, k := range a.MapKeys() {
			x, y := a.MapIndex(k), b.MapIndex(k)
			if !x.IsValid() || !y.IsValid() || !deepEqual(x, y, seen) {
				return false
			}
		}
		return true
	case Func:
		return a.IsNil() && b.IsNil()
	case Int, Int8, Int16, Int32, Int64:
		return a.Int() == b.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return a.Uint() == b.Uint()
	case String:
		return *(*string)(a.data) == *(*string)(b.data)
	case Bool:
		return a.Bool() == b.Bool()
	case Float32, Float64:
		return a.Float() == b.Float()
	case Complex64, Complex128:
		return a.Complex() == b.Complex()
	case Chan, UnsafePointer:
		return a.word() == b.word()
	}
	return valueInterface(a, false, "reflect.DeepEqual") == valueInterface(b, false, "reflect.DeepEqual")
}
