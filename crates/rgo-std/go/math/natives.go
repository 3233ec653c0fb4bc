package math

// The functions below are Rust natives (see the package comment: they
// must produce Go's bits).

// Acos returns cos⁻¹ x, in radians.
func Acos(x float64) float64

// Acosh returns arcosh x.
func Acosh(x float64) float64

// Asin returns sin⁻¹ x, in radians.
func Asin(x float64) float64

// Asinh returns arsinh x.
func Asinh(x float64) float64

// Atan returns tan⁻¹ x, in radians.
func Atan(x float64) float64

// Atan2 returns the angle of the point (x, y) from the positive x axis, in radians,
// in (-π, π]: the signs of both arguments pick the quadrant.
func Atan2(y, x float64) float64

// Atanh returns artanh x.
func Atanh(x float64) float64

// Cbrt returns ∛x.
func Cbrt(x float64) float64

// Cos returns cos x, x in radians.
func Cos(x float64) float64

// Cosh returns cosh x.
func Cosh(x float64) float64

// Erf returns erf x.
func Erf(x float64) float64

// Erfc returns 1 - erf x, computed without cancellation.
func Erfc(x float64) float64

// Erfinv returns erf⁻¹ of its argument.
func Erfinv(x float64) float64

// Erfcinv returns erfc⁻¹ of its argument.
func Erfcinv(x float64) float64

// Exp returns eˣ.
func Exp(x float64) float64

// Exp2 returns 2ˣ.
func Exp2(x float64) float64

// Expm1 returns eˣ - 1, accurate for x near 0.
func Expm1(x float64) float64

// FMA returns x·y + z rounded once, as fused multiply-add does.
func FMA(x, y, z float64) float64

// Frexp returns frac and exp with f = frac·2^exp and 0.5 <= |frac| < 1 (f itself for
// zero, infinities and NaN, with exp 0).
func Frexp(f float64) (frac float64, exp int)

// Gamma returns Γ(x).
func Gamma(x float64) float64

// Hypot returns √(p² + q²) without overflow or underflow in the squares.
func Hypot(p, q float64) float64

// Ilogb returns the exponent e of x = m·2^e with 1 <= |m| < 2, as an int.
func Ilogb(x float64) int

// J0 returns the Bessel function J₀(x).
func J0(x float64) float64

// J1 returns the Bessel function J₁(x).
func J1(x float64) float64

// Jn returns the Bessel function Jₙ(x).
func Jn(n int, x float64) float64

// Ldexp returns frac·2^exp, undoing Frexp.
func Ldexp(frac float64, exp int) float64

// Lgamma returns ln|Γ(x)| and the sign of Γ(x).
func Lgamma(x float64) (lgamma float64, sign int)

// Log returns ln x.
func Log(x float64) float64

// Log10 returns log₁₀ x.
func Log10(x float64) float64

// Log1p returns ln(1 + x), accurate for x near 0.
func Log1p(x float64) float64

// Log2 returns log₂ x.
func Log2(x float64) float64

// Logb returns the exponent e of x = m·2^e with 1 <= |m| < 2, as a float64.
func Logb(x float64) float64

// Mod returns x - n·y for the integer n = trunc(x/y); the result has the
// sign of x.
func Mod(x, y float64) float64

// Pow returns xʸ.
func Pow(x, y float64) float64

// Pow10 returns 10ⁿ (0 below 1e-323, +Inf above 1e308).
func Pow10(n int) float64

// Remainder returns x - n·y for the integer n nearest x/y (ties to even), the
// IEEE 754 remainder.
func Remainder(x, y float64) float64

// Sin returns sin x, x in radians.
func Sin(x float64) float64

// Sincos returns sin x and cos x together.
func Sincos(x float64) (sin, cos float64)

// Sinh returns sinh x.
func Sinh(x float64) float64

// Sqrt returns √x.
func Sqrt(x float64) float64

// Tan returns tan x, x in radians.
func Tan(x float64) float64

// Tanh returns tanh x.
func Tanh(x float64) float64

// Y0 returns the Bessel function Y₀(x).
func Y0(x float64) float64

// Y1 returns the Bessel function Y₁(x).
func Y1(x float64) float64

// Yn returns the Bessel function Yₙ(x).
func Yn(n int, x float64) float64
