// Package math holds floating-point constants and functions.
//
// rgo: constants, bit-level helpers (Float64bits, Abs, Copysign, Signbit,
// Inf, NaN, IsNaN, IsInf, Max, Min, Dim) and the exactly specified
// rounding functions are plain Go; the transcendental functions are Rust
// natives. A native must return Go's bits, not the platform libm's: Go on
// amd64 computes most of them in pure Go (Cephes/FreeBSD-derived
// algorithms), so the Rust side must implement the same algorithms.
package math

// Mathematical constants.
const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763 // https://oeis.org/A001113
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459 // https://oeis.org/A000796
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862 // https://oeis.org/A001622

	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974 // https://oeis.org/A002193
	SqrtE   = 1.64872127070012814684865078781416357165377610071014801157507931 // https://oeis.org/A019774
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779 // https://oeis.org/A002161
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038 // https://oeis.org/A139339

	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009 // https://oeis.org/A002162
	Log2E  = 1 / Ln2
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790 // https://oeis.org/A002392
	Log10E = 1 / Ln10
)

// Floating-point limit values.
const (
	MaxFloat32             = 0x1p127 * (1 + (1 - 0x1p-23)) // about 3.4e38
	SmallestNonzeroFloat32 = 0x1p-126 * 0x1p-23            // about 1.4e-45

	MaxFloat64             = 0x1p1023 * (1 + (1 - 0x1p-52)) // about 1.8e308
	SmallestNonzeroFloat64 = 0x1p-1022 * 0x1p-52            // about 4.9e-324
)

const intSize = 32 << (^uint(0) >> 63) // 32 or 64

// Integer limit values.
const (
	MaxInt    = 1<<(intSize-1) - 1  // the int bound for the platform
	MinInt    = -1 << (intSize - 1) // the int bound for the platform
	MaxInt8   = 1<<7 - 1            // 127
	MinInt8   = -1 << 7             // -128
	MaxInt16  = 1<<15 - 1           // 32767
	MinInt16  = -1 << 15            // -32768
	MaxInt32  = 1<<31 - 1           // 2147483647
	MinInt32  = -1 << 31            // -2147483648
	MaxInt64  = 1<<63 - 1           // 9223372036854775807
	MinInt64  = -1 << 63            // -9223372036854775808
	MaxUint   = 1<<intSize - 1      // the uint bound for the platform
	MaxUint8  = 1<<8 - 1            // 255
	MaxUint16 = 1<<16 - 1           // 65535
	MaxUint32 = 1<<32 - 1           // 4294967295
	MaxUint64 = 1<<64 - 1           // 18446744073709551615
)
