package math

import "unsafe"

// Layout of a float64: sign bit, 11 exponent bits biased by 1023, 52
// fraction bits. The quiet NaN NaN() returns is Go's 0x7FF8000000000001.
const (
	fracBits  = 52
	expBias   = 1023
	expAll    = 0x7FF // exponent field of Inf and NaN
	signBit   = uint64(1) << 63
	fracField = uint64(1)<<fracBits - 1
	nanBits   = 0x7FF8000000000001
	posInf    = uint64(expAll) << fracBits
)

// Float32bits returns the IEEE 754 bits of f.
func Float32bits(f float32) uint32 { return *(*uint32)(unsafe.Pointer(&f)) }

// Float32frombits returns the float32 whose IEEE 754 bits are b.
func Float32frombits(b uint32) float32 { return *(*float32)(unsafe.Pointer(&b)) }

// Float64bits returns the IEEE 754 bits of f.
func Float64bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

// Float64frombits returns the float64 whose IEEE 754 bits are b.
func Float64frombits(b uint64) float64 { return *(*float64)(unsafe.Pointer(&b)) }

// Inf returns +Inf when sign >= 0 and -Inf otherwise.
func Inf(sign int) float64 {
	bits := posInf
	if sign < 0 {
		bits |= signBit
	}
	return Float64frombits(bits)
}

// NaN returns a quiet NaN.
func NaN() float64 { return Float64frombits(nanBits) }

// IsNaN reports whether f is a NaN.
func IsNaN(f float64) (is bool) { return f != f }

// IsInf reports whether f is +Inf (sign > 0), -Inf (sign < 0) or either
// (sign == 0).
func IsInf(f float64, sign int) bool {
	switch {
	case sign > 0:
		return f > MaxFloat64
	case sign < 0:
		return f < -MaxFloat64
	}
	return f > MaxFloat64 || f < -MaxFloat64
}

// Abs returns |x|, clearing the sign bit (also of NaNs).
func Abs(x float64) float64 { return Float64frombits(Float64bits(x) &^ signBit) }

// Copysign returns f's magnitude with sign's sign bit.
func Copysign(f, sign float64) float64 {
	magnitude := Float64bits(f) &^ signBit
	return Float64frombits(magnitude | Float64bits(sign)&signBit)
}

// Signbit reports whether x's sign bit is set (true for -0).
func Signbit(x float64) bool { return int64(Float64bits(x)) < 0 }

// Dim returns x - y when that is positive or NaN, and 0 otherwise.
func Dim(x, y float64) float64 {
	d := x - y
	if d <= 0 {
		return 0
	}
	return d
}

// Max returns the larger of x and y: +Inf if either is +Inf, else NaN if
// either is NaN; +0 is larger than -0.
func Max(x, y float64) float64 {
	if IsInf(x, 1) || IsInf(y, 1) {
		return Inf(1)
	}
	if x != x || y != y {
		return NaN()
	}
	if x == 0 && y == 0 {
		if Signbit(y) {
			return x
		}
		return y
	}
	if y > x {
		return y
	}
	return x
}

// Min returns the smaller of x and y: -Inf if either is -Inf, else NaN if
// either is NaN; -0 is smaller than +0.
func Min(x, y float64) float64 {
	if IsInf(x, -1) || IsInf(y, -1) {
		return Inf(-1)
	}
	if x != x || y != y {
		return NaN()
	}
	if x == 0 && y == 0 {
		if Signbit(y) {
			return y
		}
		return x
	}
	if y < x {
		return y
	}
	return x
}

// Trunc drops the fractional part of x (keeping the sign of a zero
// result); integers, ±Inf and NaN come back unchanged.
func Trunc(x float64) float64 {
	bits := Float64bits(x)
	exp := int(bits>>fracBits&expAll) - expBias
	switch {
	case exp < 0:
		return Float64frombits(bits & signBit) // |x| < 1
	case exp >= fracBits:
		return x // no fraction bits (or Inf/NaN)
	}
	return Float64frombits(bits &^ (fracField >> uint(exp)))
}

// Floor returns the greatest integer value not above x.
func Floor(x float64) float64 {
	t := Trunc(x)
	if x < 0 && t != x {
		return t - 1
	}
	return t
}

// Ceil returns the least integer value not below x.
func Ceil(x float64) float64 {
	t := Trunc(x)
	if x > 0 && t != x {
		return t + 1
	}
	return t
}

// Modf splits f into an integer part and a fractional part, both with f's
// sign; for a zero f both parts are f.
func Modf(f float64) (integer float64, fractional float64) {
	switch {
	case f < 0:
		// Negating back keeps Go's result bits even for -Inf.
		whole, frac := Modf(-f)
		return -whole, -frac
	case f == 0:
		return f, f
	case f < 1:
		return 0, f
	}
	integer = Trunc(f)
	return integer, f - integer
}

// Round rounds x to the nearest integer, halves away from zero; ±0, ±Inf
// and NaN come back unchanged.
func Round(x float64) float64 {
	t := Trunc(x)
	if Abs(x-t) >= 0.5 {
		t += Copysign(1, x)
	}
	return t
}

// RoundToEven rounds x to the nearest integer, halves to the even one;
// ±0, ±Inf and NaN come back unchanged.
func RoundToEven(x float64) float64 {
	t := Trunc(x)
	off := Abs(x - t) // exact: both are below 2^52 when it is non-zero
	if off > 0.5 || off == 0.5 && t/2 != Trunc(t/2) {
		t += Copysign(1, x)
	}
	return t
}

// Nextafter returns the float64 next to x in the direction of y (x itself
// when they are equal, NaN when either is NaN).
func Nextafter(x, y float64) (r float64) {
	switch {
	case x != x || y != y:
		return NaN()
	case x == y:
		return x
	case x == 0:
		return Copysign(Float64frombits(1), y) // the smallest subnormal
	}
	bits := Float64bits(x)
	if (y > x) == (x > 0) {
		bits++ // away from zero
	} else {
		bits--
	}
	return Float64frombits(bits)
}

// Nextafter32 is Nextafter for float32.
func Nextafter32(x, y float32) (r float32) {
	switch {
	case x != x || y != y:
		return float32(NaN())
	case x == y:
		return x
	case x == 0:
		return float32(Copysign(float64(Float32frombits(1)), float64(y)))
	}
	bits := Float32bits(x)
	if (y > x) == (x > 0) {
		bits++
	} else {
		bits--
	}
	return Float32frombits(bits)
}
