package atomic

import "unsafe"

// The typed atomics below wrap one word each and forward to the functions
// of doc.go; only Bool needs a translation (false is 0, true is 1).

// noCopy gives a struct a Lock method so vet's copylocks check flags copies.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// align64 marks a struct whose 64-bit word must be 8-byte aligned.
type align64 struct{}

// Bool is a boolean read and written atomically; the zero value is false.
type Bool struct {
	_ noCopy
	v uint32
}

// bit is 1 for true and 0 for false.
func bit(b bool) uint32 {
	var n uint32
	if b {
		n = 1
	}
	return n
}

// Load reads the boolean.
func (x *Bool) Load() bool { return LoadUint32(&x.v) == 1 }

// Store writes val.
func (x *Bool) Store(val bool) { StoreUint32(&x.v, bit(val)) }

// Swap writes new and returns the value it replaced.
func (x *Bool) Swap(new bool) (old bool) { return SwapUint32(&x.v, bit(new)) == 1 }

// CompareAndSwap writes new if the value is old, and reports whether it did.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	was, now := bit(old), bit(new)
	return CompareAndSwapUint32(&x.v, was, now)
}

// Pointer is a *T read and written atomically; the zero value is nil.
type Pointer[T any] struct {
	// A *T field makes Pointer[A] and Pointer[B] inconvertible.
	_ [0]*T

	_ noCopy
	v unsafe.Pointer
}

// Load reads the pointer.
func (x *Pointer[T]) Load() *T { return (*T)(LoadPointer(&x.v)) }

// Store writes val.
func (x *Pointer[T]) Store(val *T) { StorePointer(&x.v, unsafe.Pointer(val)) }

// Swap writes new and returns the pointer it replaced.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	prev := SwapPointer(&x.v, unsafe.Pointer(new))
	return (*T)(prev)
}

// CompareAndSwap writes new if the pointer is old, and reports whether it
// did.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	was, now := unsafe.Pointer(old), unsafe.Pointer(new)
	return CompareAndSwapPointer(&x.v, was, now)
}

// Int32 is an int32 read and written atomically; the zero value is 0.
type Int32 struct {
	_ noCopy
	v int32
}

// Load reads the number.
func (x *Int32) Load() int32 { return LoadInt32(&x.v) }

// Store writes val.
func (x *Int32) Store(val int32) { StoreInt32(&x.v, val) }

// Swap writes new and returns the number it replaced.
func (x *Int32) Swap(new int32) (old int32) { return SwapInt32(&x.v, new) }

// CompareAndSwap writes new if the number is old, and reports whether it
// did.
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	ok := CompareAndSwapInt32(&x.v, old, new)
	return ok
}

// Add adds delta and returns the sum.
func (x *Int32) Add(delta int32) (new int32) { return AddInt32(&x.v, delta) }

// And keeps only the bits also set in mask and returns the previous number.
func (x *Int32) And(mask int32) (old int32) { return AndInt32(&x.v, mask) }

// Or sets the bits set in mask and returns the previous number.
func (x *Int32) Or(mask int32) (old int32) { return OrInt32(&x.v, mask) }

// Int64 is an int64 read and written atomically; the zero value is 0.
type Int64 struct {
	_ noCopy
	_ align64
	v int64
}

// Load reads the number.
func (x *Int64) Load() int64 { return LoadInt64(&x.v) }

// Store writes val.
func (x *Int64) Store(val int64) { StoreInt64(&x.v, val) }

// Swap writes new and returns the number it replaced.
func (x *Int64) Swap(new int64) (old int64) { return SwapInt64(&x.v, new) }

// CompareAndSwap writes new if the number is old, and reports whether it
// did.
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	ok := CompareAndSwapInt64(&x.v, old, new)
	return ok
}

// Add adds delta and returns the sum.
func (x *Int64) Add(delta int64) (new int64) { return AddInt64(&x.v, delta) }

// And keeps only the bits also set in mask and returns the previous number.
func (x *Int64) And(mask int64) (old int64) { return AndInt64(&x.v, mask) }

// Or sets the bits set in mask and returns the previous number.
func (x *Int64) Or(mask int64) (old int64) { return OrInt64(&x.v, mask) }

// Uint32 is an uint32 read and written atomically; the zero value is 0.
type Uint32 struct {
	_ noCopy
	v uint32
}

// Load reads the number.
func (x *Uint32) Load() uint32 { return LoadUint32(&x.v) }

// Store writes val.
func (x *Uint32) Store(val uint32) { StoreUint32(&x.v, val) }

// Swap writes new and returns the number it replaced.
func (x *Uint32) Swap(new uint32) (old uint32) { return SwapUint32(&x.v, new) }

// CompareAndSwap writes new if the number is old, and reports whether it
// did.
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	ok := CompareAndSwapUint32(&x.v, old, new)
	return ok
}

// Add adds delta and returns the sum.
func (x *Uint32) Add(delta uint32) (new uint32) { return AddUint32(&x.v, delta) }

// And keeps only the bits also set in mask and returns the previous number.
func (x *Uint32) And(mask uint32) (old uint32) { return AndUint32(&x.v, mask) }

// Or sets the bits set in mask and returns the previous number.
func (x *Uint32) Or(mask uint32) (old uint32) { return OrUint32(&x.v, mask) }

// Uint64 is an uint64 read and written atomically; the zero value is 0.
type Uint64 struct {
	_ noCopy
	_ align64
	v uint64
}

// Load reads the number.
func (x *Uint64) Load() uint64 { return LoadUint64(&x.v) }

// Store writes val.
func (x *Uint64) Store(val uint64) { StoreUint64(&x.v, val) }

// Swap writes new and returns the number it replaced.
func (x *Uint64) Swap(new uint64) (old uint64) { return SwapUint64(&x.v, new) }

// CompareAndSwap writes new if the number is old, and reports whether it
// did.
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	ok := CompareAndSwapUint64(&x.v, old, new)
	return ok
}

// Add adds delta and returns the sum.
func (x *Uint64) Add(delta uint64) (new uint64) { return AddUint64(&x.v, delta) }

// And keeps only the bits also set in mask and returns the previous number.
func (x *Uint64) And(mask uint64) (old uint64) { return AndUint64(&x.v, mask) }

// Or sets the bits set in mask and returns the previous number.
func (x *Uint64) Or(mask uint64) (old uint64) { return OrUint64(&x.v, mask) }

// Uintptr is an uintptr read and written atomically; the zero value is 0.
type Uintptr struct {
	_ noCopy
	v uintptr
}

// Load reads the number.
func (x *Uintptr) Load() uintptr { return LoadUintptr(&x.v) }

// Store writes val.
func (x *Uintptr) Store(val uintptr) { StoreUintptr(&x.v, val) }

// Swap writes new and returns the number it replaced.
func (x *Uintptr) Swap(new uintptr) (old uintptr) { return SwapUintptr(&x.v, new) }

// CompareAndSwap writes new if the number is old, and reports whether it
// did.
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	ok := CompareAndSwapUintptr(&x.v, old, new)
	return ok
}

// Add adds delta and returns the sum.
func (x *Uintptr) Add(delta uintptr) (new uintptr) { return AddUintptr(&x.v, delta) }

// And keeps only the bits also set in mask and returns the previous number.
func (x *Uintptr) And(mask uintptr) (old uintptr) { return AndUintptr(&x.v, mask) }

// Or sets the bits set in mask and returns the previous number.
func (x *Uintptr) Or(mask uintptr) (old uintptr) { return OrUintptr(&x.v, mask) }
