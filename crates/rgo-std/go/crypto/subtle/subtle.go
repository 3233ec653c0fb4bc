// Package subtle implements functions whose running time does not depend on
// the secret values they compare or select. rgo: plain Go, branch-free
// arithmetic.
package subtle

import "unsafe"

// ConstantTimeCompare returns 1 if x and y have equal contents and 0
// otherwise; the time taken depends on the lengths only. Slices of
// different lengths give 0 at once.
func ConstantTimeCompare(x, y []byte) int {
	if len(x) != len(y) {
		return 0
	}
	var diff byte
	for i := range x {
		diff |= x[i] ^ y[i]
	}
	return ConstantTimeByteEq(diff, 0)
}

// ConstantTimeSelect returns x if v == 1 and y if v == 0; other v are
// undefined.
func ConstantTimeSelect(v, x, y int) int { return ^(v-1)&x | (v-1)&y }

// ConstantTimeByteEq is 1 when the bytes x and y are equal, else 0.
func ConstantTimeByteEq(x, y uint8) int {
	// x^y is zero exactly when equal; subtracting 1 borrows out of bit 31
	// only then.
	return int((uint32(x^y) - 1) >> 31)
}

// ConstantTimeEq is 1 when the int32s x and y are equal, else 0.
func ConstantTimeEq(x, y int32) int {
	return int((uint64(uint32(x^y)) - 1) >> 63)
}

// ConstantTimeCopy copies y into x (of equal length) when v == 1 and
// leaves x alone when v == 0; other v are undefined.
func ConstantTimeCopy(v int, x, y []byte) {
	if len(x) != len(y) {
		panic("subtle: slices have different lengths")
	}
	keep := byte(v - 1) // 0x00 copies, 0xff keeps
	take := ^keep
	for i := range x {
		x[i] = x[i]&keep | y[i]&take
	}
}

// ConstantTimeLessOrEq returns 1 if x <= y and 0 otherwise; it is
// undefined for x or y negative or above 2**31 - 1.
func ConstantTimeLessOrEq(x, y int) int {
	d := int32(x) - int32(y) - 1 // negative exactly when x <= y
	return int(uint32(d) >> 31)
}

// XORBytes sets dst[i] = x[i] ^ y[i] for every i < n = min(len(x), len(y)),
// and returns n. It panics when dst is shorter than n, or when dst
// partly overlaps x or y (exact overlap is allowed).
func XORBytes(dst, x, y []byte) int {
	n := min(len(x), len(y))
	if n == 0 {
		return 0
	}
	if n > len(dst) {
		panic("subtle.XORBytes: dst too short")
	}
	if partial(dst[:n], x[:n]) || partial(dst[:n], y[:n]) {
		panic("subtle.XORBytes: invalid overlap")
	}
	for i := 0; i < n; i++ {
		dst[i] = x[i] ^ y[i]
	}
	return n
}

// partial reports whether equal-length non-empty a and b share memory
// without starting at the same address.
func partial(a, b []byte) bool {
	if &a[0] == &b[0] {
		return false
	}
	la, lb := &a[0], &b[0]
	ea, eb := &a[len(a)-1], &b[len(b)-1]
	return addr(la) <= addr(eb) && addr(lb) <= addr(ea)
}

// WithDataIndependentTiming calls f. rgo runs on no CPU mode that makes
// instruction timing data-dependent, so nothing has to be switched.
func WithDataIndependentTiming(f func()) {
	if f == nil {
		panic("crypto/subtle: f is nil")
	}
	f()
}

// addr is the address of *p.
func addr(p *byte) uintptr { return uintptr(unsafe.Pointer(p)) }
