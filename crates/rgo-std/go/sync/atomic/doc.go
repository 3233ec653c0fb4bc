// Package atomic offers atomic reads, writes and read-modify-write
// operations on single machine words, the building blocks of lock-free
// code and of package sync.
//
// rgo: the functions are Rust natives (sequentially consistent atomics on
// the addressed word); the typed values (Int32, Pointer[T], ...) are plain
// Go on top of them. Value's methods are natives too, since they update a
// two-word interface.
package atomic

import "unsafe"

// SwapInt32 writes new to *addr and returns the previous value, in one atomic step.
func SwapInt32(addr *int32, new int32) (old int32)

// CompareAndSwapInt32 writes new to *addr only when *addr holds old, atomically, and
// reports whether the write happened.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)

// AddInt32 adds delta to *addr atomically and returns the sum.
func AddInt32(addr *int32, delta int32) (new int32)

// AndInt32 clears, atomically, the bits of *addr that mask lacks and
// returns the value from before.
func AndInt32(addr *int32, mask int32) (old int32)

// OrInt32 sets, atomically, the bits of *addr that mask has and returns
// the value from before.
func OrInt32(addr *int32, mask int32) (old int32)

// LoadInt32 reads *addr atomically.
func LoadInt32(addr *int32) (val int32)

// StoreInt32 writes val to *addr atomically.
func StoreInt32(addr *int32, val int32)

// SwapInt64 writes new to *addr and returns the previous value, in one atomic step.
func SwapInt64(addr *int64, new int64) (old int64)

// CompareAndSwapInt64 writes new to *addr only when *addr holds old, atomically, and
// reports whether the write happened.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)

// AddInt64 adds delta to *addr atomically and returns the sum.
func AddInt64(addr *int64, delta int64) (new int64)

// AndInt64 clears, atomically, the bits of *addr that mask lacks and
// returns the value from before.
func AndInt64(addr *int64, mask int64) (old int64)

// OrInt64 sets, atomically, the bits of *addr that mask has and returns
// the value from before.
func OrInt64(addr *int64, mask int64) (old int64)

// LoadInt64 reads *addr atomically.
func LoadInt64(addr *int64) (val int64)

// StoreInt64 writes val to *addr atomically.
func StoreInt64(addr *int64, val int64)

// SwapUint32 writes new to *addr and returns the previous value, in one atomic step.
func SwapUint32(addr *uint32, new uint32) (old uint32)

// CompareAndSwapUint32 writes new to *addr only when *addr holds old, atomically, and
// reports whether the write happened.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)

// AddUint32 adds delta to *addr atomically and returns the sum.
func AddUint32(addr *uint32, delta uint32) (new uint32)

// AndUint32 clears, atomically, the bits of *addr that mask lacks and
// returns the value from before.
func AndUint32(addr *uint32, mask uint32) (old uint32)

// OrUint32 sets, atomically, the bits of *addr that mask has and returns
// the value from before.
func OrUint32(addr *uint32, mask uint32) (old uint32)

// LoadUint32 reads *addr atomically.
func LoadUint32(addr *uint32) (val uint32)

// StoreUint32 writes val to *addr atomically.
func StoreUint32(addr *uint32, val uint32)

// SwapUint64 writes new to *addr and returns the previous value, in one atomic step.
func SwapUint64(addr *uint64, new uint64) (old uint64)

// CompareAndSwapUint64 writes new to *addr only when *addr holds old, atomically, and
// reports whether the write happened.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)

// AddUint64 adds delta to *addr atomically and returns the sum.
func AddUint64(addr *uint64, delta uint64) (new uint64)

// AndUint64 clears, atomically, the bits of *addr that mask lacks and
// returns the value from before.
func AndUint64(addr *uint64, mask uint64) (old uint64)

// OrUint64 sets, atomically, the bits of *addr that mask has and returns
// the value from before.
func OrUint64(addr *uint64, mask uint64) (old uint64)

// LoadUint64 reads *addr atomically.
func LoadUint64(addr *uint64) (val uint64)

// StoreUint64 writes val to *addr atomically.
func StoreUint64(addr *uint64, val uint64)

// SwapUintptr writes new to *addr and returns the previous value, in one atomic step.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)

// CompareAndSwapUintptr writes new to *addr only when *addr holds old, atomically, and
// reports whether the write happened.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

// AddUintptr adds delta to *addr atomically and returns the sum.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)

// AndUintptr clears, atomically, the bits of *addr that mask lacks and
// returns the value from before.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr)

// OrUintptr sets, atomically, the bits of *addr that mask has and returns
// the value from before.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr)

// LoadUintptr reads *addr atomically.
func LoadUintptr(addr *uintptr) (val uintptr)

// StoreUintptr writes val to *addr atomically.
func StoreUintptr(addr *uintptr, val uintptr)

// SwapPointer writes new to *addr and returns the previous value, in one atomic step.
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)

// CompareAndSwapPointer writes new to *addr only when *addr holds old, atomically, and
// reports whether the write happened.
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)

// LoadPointer reads *addr atomically.
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)

// StorePointer writes val to *addr atomically.
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)
