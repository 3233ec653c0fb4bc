package math

import real "math"

// Test-only bodies for the math natives: the real functions.

func Acos(x float64) float64              { return real.Acos(x) }
func Acosh(x float64) float64             { return real.Acosh(x) }
func Asin(x float64) float64              { return real.Asin(x) }
func Asinh(x float64) float64             { return real.Asinh(x) }
func Atan(x float64) float64              { return real.Atan(x) }
func Atan2(y, x float64) float64          { return real.Atan2(y, x) }
func Atanh(x float64) float64             { return real.Atanh(x) }
func Cbrt(x float64) float64              { return real.Cbrt(x) }
func Cos(x float64) float64               { return real.Cos(x) }
func Cosh(x float64) float64              { return real.Cosh(x) }
func Erf(x float64) float64               { return real.Erf(x) }
func Erfc(x float64) float64              { return real.Erfc(x) }
func Erfinv(x float64) float64            { return real.Erfinv(x) }
func Erfcinv(x float64) float64           { return real.Erfcinv(x) }
func Exp(x float64) float64               { return real.Exp(x) }
func Exp2(x float64) float64              { return real.Exp2(x) }
func Expm1(x float64) float64             { return real.Expm1(x) }
func FMA(x, y, z float64) float64         { return real.FMA(x, y, z) }
func Frexp(f float64) (float64, int)      { return real.Frexp(f) }
func Gamma(x float64) float64             { return real.Gamma(x) }
func Hypot(p, q float64) float64          { return real.Hypot(p, q) }
func Ilogb(x float64) int                 { return real.Ilogb(x) }
func J0(x float64) float64                { return real.J0(x) }
func J1(x float64) float64                { return real.J1(x) }
func Jn(n int, x float64) float64         { return real.Jn(n, x) }
func Ldexp(frac float64, exp int) float64 { return real.Ldexp(frac, exp) }
func Lgamma(x float64) (float64, int)     { return real.Lgamma(x) }
func Log(x float64) float64               { return real.Log(x) }
func Log10(x float64) float64             { return real.Log10(x) }
func Log1p(x float64) float64             { return real.Log1p(x) }
func Log2(x float64) float64              { return real.Log2(x) }
func Logb(x float64) float64              { return real.Logb(x) }
func Mod(x, y float64) float64            { return real.Mod(x, y) }
func Pow(x, y float64) float64            { return real.Pow(x, y) }
func Pow10(n int) float64                 { return real.Pow10(n) }
func Remainder(x, y float64) float64      { return real.Remainder(x, y) }
func Sin(x float64) float64               { return real.Sin(x) }
func Sincos(x float64) (float64, float64) { return real.Sincos(x) }
func Sinh(x float64) float64              { return real.Sinh(x) }
func Sqrt(x float64) float64              { return real.Sqrt(x) }
func Tan(x float64) float64               { return real.Tan(x) }
func Tanh(x float64) float64              { return real.Tanh(x) }
func Y0(x float64) float64                { return real.Y0(x) }
func Y1(x float64) float64                { return real.Y1(x) }
func Yn(n int, x float64) float64         { return real.Yn(n, x) }
