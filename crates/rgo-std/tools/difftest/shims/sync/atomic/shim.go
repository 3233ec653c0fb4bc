package atomic

import (
	"reflect"
	real "sync/atomic"
	"unsafe"
)

// Test-only bodies for the atomic natives: the real functions.

func SwapInt32(addr *int32, new int32) (old int32) { return real.SwapInt32(addr, new) }
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	return real.CompareAndSwapInt32(addr, old, new)
}
func AddInt32(addr *int32, delta int32) (new int32) { return real.AddInt32(addr, delta) }
func AndInt32(addr *int32, mask int32) (old int32)  { return real.AndInt32(addr, mask) }
func OrInt32(addr *int32, mask int32) (old int32)   { return real.OrInt32(addr, mask) }
func LoadInt32(addr *int32) (val int32)             { return real.LoadInt32(addr) }
func StoreInt32(addr *int32, val int32)             { real.StoreInt32(addr, val) }

func SwapInt64(addr *int64, new int64) (old int64) { return real.SwapInt64(addr, new) }
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	return real.CompareAndSwapInt64(addr, old, new)
}
func AddInt64(addr *int64, delta int64) (new int64) { return real.AddInt64(addr, delta) }
func AndInt64(addr *int64, mask int64) (old int64)  { return real.AndInt64(addr, mask) }
func OrInt64(addr *int64, mask int64) (old int64)   { return real.OrInt64(addr, mask) }
func LoadInt64(addr *int64) (val int64)             { return real.LoadInt64(addr) }
func StoreInt64(addr *int64, val int64)             { real.StoreInt64(addr, val) }

func SwapUint32(addr *uint32, new uint32) (old uint32) { return real.SwapUint32(addr, new) }
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	return real.CompareAndSwapUint32(addr, old, new)
}
func AddUint32(addr *uint32, delta uint32) (new uint32) { return real.AddUint32(addr, delta) }
func AndUint32(addr *uint32, mask uint32) (old uint32)  { return real.AndUint32(addr, mask) }
func OrUint32(addr *uint32, mask uint32) (old uint32)   { return real.OrUint32(addr, mask) }
func LoadUint32(addr *uint32) (val uint32)              { return real.LoadUint32(addr) }
func StoreUint32(addr *uint32, val uint32)              { real.StoreUint32(addr, val) }

func SwapUint64(addr *uint64, new uint64) (old uint64) { return real.SwapUint64(addr, new) }
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	return real.CompareAndSwapUint64(addr, old, new)
}
func AddUint64(addr *uint64, delta uint64) (new uint64) { return real.AddUint64(addr, delta) }
func AndUint64(addr *uint64, mask uint64) (old uint64)  { return real.AndUint64(addr, mask) }
func OrUint64(addr *uint64, mask uint64) (old uint64)   { return real.OrUint64(addr, mask) }
func LoadUint64(addr *uint64) (val uint64)              { return real.LoadUint64(addr) }
func StoreUint64(addr *uint64, val uint64)              { real.StoreUint64(addr, val) }

func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) { return real.SwapUintptr(addr, new) }
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	return real.CompareAndSwapUintptr(addr, old, new)
}
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) { return real.AddUintptr(addr, delta) }
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr)  { return real.AndUintptr(addr, mask) }
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr)   { return real.OrUintptr(addr, mask) }
func LoadUintptr(addr *uintptr) (val uintptr)               { return real.LoadUintptr(addr) }
func StoreUintptr(addr *uintptr, val uintptr)               { real.StoreUintptr(addr, val) }

func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	return real.SwapPointer(addr, new)
}
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	return real.CompareAndSwapPointer(addr, old, new)
}
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) { return real.LoadPointer(addr) }
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) { real.StorePointer(addr, val) }

// Value: a spin lock around the interface word pair.
var valueLock int32

func lockValue() {
	for !real.CompareAndSwapInt32(&valueLock, 0, 1) {
	}
}
func unlockValue() { real.StoreInt32(&valueLock, 0) }

func (v *Value) Load() (val any) {
	lockValue()
	defer unlockValue()
	return v.v
}

func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	lockValue()
	defer unlockValue()
	if v.v != nil && reflect.TypeOf(v.v) != reflect.TypeOf(val) {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	v.v = val
}

func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	lockValue()
	defer unlockValue()
	if v.v != nil && reflect.TypeOf(v.v) != reflect.TypeOf(new) {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	old, v.v = v.v, new
	return old
}

func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	if old != nil && reflect.TypeOf(old) != reflect.TypeOf(new) {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	lockValue()
	defer unlockValue()
	if v.v == nil {
		if old != nil {
			return false
		}
	} else if reflect.TypeOf(v.v) != reflect.TypeOf(new) {
		panic("sync/atomic: compare and swap of inconsistently typed value into Value")
	} else if v.v != old {
		return false
	}
	v.v = new
	return true
}
