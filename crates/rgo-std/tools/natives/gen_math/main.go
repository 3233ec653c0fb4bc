// gen_math writes real Go's math results (as float64 bits, little-endian
// uint64s) on deterministic inputs for crates/rgo-std/tests/natives_math.rs.
// Inputs come from a splitmix64 stream the Rust test reproduces exactly.
// Run it on an amd64 CPU with AVX and FMA: Go's Exp assembly has a second
// path without FMA (checked separately through GODEBUG=cpu.fma=off).
//
//	go run . -n 3000 > ../../../tests/golden/math.bin
//	GODEBUG=cpu.fma=off go run . -fn Exp > ../../../tests/golden/math_exp_nofma.bin
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"math"
	"os"
)

type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *rng) unit() float64 { return float64(r.next()>>11) * (1.0 / (1 << 53)) }

var specials = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, -2, 3, 0.1, math.Inf(1), math.Inf(-1), math.NaN(),
	5e-324, -5e-324, 2.2250738585072014e-308, 1e-310, math.MaxFloat64, -math.MaxFloat64, math.Pi, math.Pi / 2, -math.Pi / 4,
	1e-8, 1e8, 1 << 29, 1 << 30, 1e15, 1e300, 709.78, 709.79, -745.13, -745.14, 1023.9, -1074.1, 0.7, 0.66, 2.414, 0.625,
	44.01, 21, 0.85, 0.9999999, 171.6, -171.6, 1e-20, 6, 100.5, -3.5, 0.35, 1.04, 38.8, 1 << 28, 1 << 53, 1 << 63}

// arg returns the i-th argument of the stream (specials first, then mixed
// distributions).
func arg(r *rng, i int) float64 {
	if i < len(specials) {
		return specials[i]
	}
	u := r.unit()
	switch r.next() % 9 {
	case 0:
		return math.Float64frombits(r.next())
	case 1:
		return -10 + 20*u
	case 2:
		return -1 + 2*u
	case 3:
		e := int(r.next()%61) - 30
		return math.Ldexp(u+0.5, e) * float64(1-2*int(r.next()&1))
	case 4:
		return float64(int(r.next()%200)-100) / 2
	case 5:
		return -1e6 + 2e6*u
	case 6:
		return 690 + 60*u - float64(r.next()&1)*1440
	case 7:
		return math.Float64frombits(r.next() >> 12)
	default:
		return math.Ldexp(u, int(r.next()%2100)-1050)
	}
}

func b(f float64) uint64 { return math.Float64bits(f) }

type fn struct {
	name string
	f    func(r *rng, i int) []uint64
}

func u1(g func(float64) float64) func(*rng, int) []uint64 {
	return func(r *rng, i int) []uint64 { return []uint64{b(g(arg(r, i)))} }
}

func u2(g func(float64, float64) float64) func(*rng, int) []uint64 {
	return func(r *rng, i int) []uint64 {
		x := arg(r, i%len(specials)+len(specials)*(i/len(specials)/len(specials)))
		y := arg(r, i)
		if i < len(specials)*len(specials) {
			x, y = specials[i/len(specials)], specials[i%len(specials)]
		}
		return []uint64{b(g(x, y))}
	}
}

func intArg(r *rng, lo, hi int) int { return lo + int(r.next()%uint64(hi-lo+1)) }

var fns = []fn{
	{"Acos", u1(math.Acos)}, {"Acosh", u1(math.Acosh)}, {"Asin", u1(math.Asin)}, {"Asinh", u1(math.Asinh)},
	{"Atan", u1(math.Atan)}, {"Atan2", u2(math.Atan2)}, {"Atanh", u1(math.Atanh)}, {"Cbrt", u1(math.Cbrt)},
	{"Cos", u1(math.Cos)}, {"Cosh", u1(math.Cosh)}, {"Erf", u1(math.Erf)}, {"Erfc", u1(math.Erfc)},
	{"Erfcinv", u1(math.Erfcinv)}, {"Erfinv", u1(math.Erfinv)}, {"Exp", u1(math.Exp)}, {"Exp2", u1(math.Exp2)},
	{"Expm1", u1(math.Expm1)},
	{"FMA", func(r *rng, i int) []uint64 {
		return []uint64{b(math.FMA(arg(r, i), arg(r, i), arg(r, i)))}
	}},
	{"Frexp", func(r *rng, i int) []uint64 { f, e := math.Frexp(arg(r, i)); return []uint64{b(f), uint64(e)} }},
	{"Gamma", u1(math.Gamma)}, {"Hypot", u2(math.Hypot)},
	{"Ilogb", func(r *rng, i int) []uint64 { return []uint64{uint64(math.Ilogb(arg(r, i)))} }},
	{"J0", u1(math.J0)}, {"J1", u1(math.J1)},
	{"Jn", func(r *rng, i int) []uint64 { n := intArg(r, -6, 12); return []uint64{b(math.Jn(n, arg(r, i)))} }},
	{"Ldexp", func(r *rng, i int) []uint64 { e := intArg(r, -1200, 1200); return []uint64{b(math.Ldexp(arg(r, i), e))} }},
	{"Lgamma", func(r *rng, i int) []uint64 { f, s := math.Lgamma(arg(r, i)); return []uint64{b(f), uint64(s)} }},
	{"Log", u1(math.Log)}, {"Log10", u1(math.Log10)}, {"Log1p", u1(math.Log1p)}, {"Log2", u1(math.Log2)},
	{"Logb", u1(math.Logb)}, {"Mod", u2(math.Mod)}, {"Pow", u2(math.Pow)},
	{"Pow10", func(r *rng, i int) []uint64 { return []uint64{b(math.Pow10(intArg(r, -400, 400)))} }},
	{"Remainder", u2(math.Remainder)}, {"Sin", u1(math.Sin)},
	{"Sincos", func(r *rng, i int) []uint64 { s, c := math.Sincos(arg(r, i)); return []uint64{b(s), b(c)} }},
	{"Sinh", u1(math.Sinh)}, {"Sqrt", u1(math.Sqrt)}, {"Tan", u1(math.Tan)}, {"Tanh", u1(math.Tanh)},
	{"Y0", u1(math.Y0)}, {"Y1", u1(math.Y1)},
	{"Yn", func(r *rng, i int) []uint64 { n := intArg(r, -6, 12); return []uint64{b(math.Yn(n, arg(r, i)))} }},
}

func main() {
	n := flag.Int("n", 3000, "inputs per function")
	only := flag.String("fn", "", "write only this function's results")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	var buf [8]byte
	for k, f := range fns {
		if *only != "" && f.name != *only {
			continue
		}
		r := &rng{uint64(k+1) * 1000003}
		for i := 0; i < *n; i++ {
			for _, v := range f.f(r, i) {
				binary.LittleEndian.PutUint64(buf[:], v)
				w.Write(buf[:])
			}
		}
	}
}
