package tests

import (
	"math"
	"math/rand"
	"testing"

	xm "difftest/x/math"
)

func floatSamples() []float64 {
	v := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 0.49999999999999994, 1.5, 2.5, -2.5, 3.5, 1, -1, 1e15 + 0.5, 4503599627370495.5,
		4503599627370496, 9007199254740993, 1e300, -1e300, math.MaxFloat64, math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), 2.2250738585072014e-308, 0.9999999999999999, 1.0000000000000002, 123456.789, -7.5}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 2000; i++ {
		v = append(v, math.Float64frombits(r.Uint64()), (r.Float64()-0.5)*float64(int64(1)<<uint(r.Intn(60))))
	}
	return v
}

func bitsOf(fs ...float64) []uint64 {
	var out []uint64
	for _, f := range fs {
		if f != f {
			out = append(out, 0x7ff8000000000001) // any NaN
			continue
		}
		out = append(out, math.Float64bits(f))
	}
	return out
}

func TestMathPlainGo(t *testing.T) {
	vs := floatSamples()
	for i, x := range vs {
		same(t, "Round", bitsOf(xm.Round(x)), bitsOf(math.Round(x)))
		same(t, "RoundToEven", bitsOf(xm.RoundToEven(x)), bitsOf(math.RoundToEven(x)))
		same(t, "Floor", bitsOf(xm.Floor(x)), bitsOf(math.Floor(x)))
		same(t, "Ceil", bitsOf(xm.Ceil(x)), bitsOf(math.Ceil(x)))
		same(t, "Trunc", bitsOf(xm.Trunc(x)), bitsOf(math.Trunc(x)))
		a1, b1 := xm.Modf(x)
		a2, b2 := math.Modf(x)
		same(t, "Modf", bitsOf(a1, b1), bitsOf(a2, b2))
		same(t, "Abs", bitsOf(xm.Abs(x)), bitsOf(math.Abs(x)))
		same(t, "Signbit", xm.Signbit(x), math.Signbit(x))
		same(t, "IsInf", []bool{xm.IsInf(x, 0), xm.IsInf(x, 1), xm.IsInf(x, -1), xm.IsNaN(x)}, []bool{math.IsInf(x, 0), math.IsInf(x, 1), math.IsInf(x, -1), math.IsNaN(x)})
		same(t, "Float32bits", xm.Float32bits(float32(x)), math.Float32bits(float32(x)))
		y := vs[(i*7+3)%len(vs)]
		same(t, "Max", bitsOf(xm.Max(x, y)), bitsOf(math.Max(x, y)))
		same(t, "Min", bitsOf(xm.Min(x, y)), bitsOf(math.Min(x, y)))
		same(t, "Dim", bitsOf(xm.Dim(x, y)), bitsOf(math.Dim(x, y)))
		same(t, "Copysign", bitsOf(xm.Copysign(x, y)), bitsOf(math.Copysign(x, y)))
		same(t, "Nextafter", bitsOf(xm.Nextafter(x, y)), bitsOf(math.Nextafter(x, y)))
		same(t, "Nextafter32", xm.Float32bits(xm.Nextafter32(float32(x), float32(y))), math.Float32bits(math.Nextafter32(float32(x), float32(y))))
	}
	same(t, "Max zeros", bitsOf(xm.Max(0, math.Copysign(0, -1)), xm.Min(0, math.Copysign(0, -1))), bitsOf(math.Max(0, math.Copysign(0, -1)), math.Min(0, math.Copysign(0, -1))))
}
