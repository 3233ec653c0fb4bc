// gen_strconv prints golden strconv.FormatFloat / ParseFloat results of
// real Go for crates/rgo-std/tests/natives_strconv.rs.
//
//	go run . > ../../../tests/golden/strconv.txt
//
// (-n, -np and -seed make larger or different runs; point the test at one
// with RGO_STRCONV_GOLDEN.)
package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"strconv"
	"strings"
)

func randFloat(r *rand.Rand) float64 {
	switch r.Intn(6) {
	case 0:
		return math.Float64frombits(r.Uint64())
	case 1:
		return float64(r.Intn(100000)) / 1000
	case 2:
		return float64(math.Float32frombits(r.Uint32()))
	case 3:
		return math.Float64frombits(r.Uint64() >> 12) // subnormal
	case 4:
		return float64(r.Intn(1000)) * math.Pow(10, float64(r.Intn(40)-20))
	default:
		return (r.Float64() - 0.5) * math.Pow(2, float64(r.Intn(200)-100))
	}
}

func main() {
	n := flag.Int("n", 1500, "random values to format")
	np := flag.Int("np", 3000, "random strings to parse")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	r := rand.New(rand.NewSource(*seed))
	fmts := []byte("beEfgGxX")
	precs := []int{-1, -1, 0, 1, 2, 3, 4, 5, 6, 8, 10, 14, 15, 16, 17, 18, 20, 25, 40, 80}
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.5, 2.5, 0.125, 1e21, 1e20, 123456789, 1e-5, 1e-4, 1e-7,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32,
		math.SmallestNonzeroFloat32, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e23, 5e-324, 9.5, 0.05, 0.15, 1e15, 1e16}
	for i := 0; i < *n; i++ {
		vals = append(vals, randFloat(r))
	}
	for i, v := range vals {
		bits := math.Float64bits(v)
		// Shortest in every format for every value.
		for _, f := range []byte("egf") {
			for _, bs := range []int{32, 64} {
				fmt.Printf("F %x %c -1 %d %s\n", bits, f, bs, strconv.FormatFloat(v, f, -1, bs))
			}
		}
		k := 6
		if i < 40 {
			k = 60
			for _, f := range []byte("efg") {
				fmt.Printf("F %x %c 1100 64 %s\n", bits, f, strconv.FormatFloat(v, f, 1100, 64))
			}
		}
		for j := 0; j < k; j++ {
			f := fmts[r.Intn(len(fmts))]
			p := precs[r.Intn(len(precs))]
			bs := 64
			if r.Intn(3) == 0 {
				bs = 32
			}
			fmt.Printf("F %x %c %d %d %s\n", bits, f, p, bs, strconv.FormatFloat(v, f, p, bs))
		}
	}
	inputs := []string{"", "+", "-", ".", "1", "-0", "+0", "0x", "0x1p", "0x1p-2", "0X1.8P3", "0x.8p1", "0x1", "1e", "1e+", "1e5", "1E-5",
		"1_000", "0x1_0p0", "0x_1p0", "0x1__0p0", "1_", "_1", "inf", "+Inf", "-INFINITY", "infinity", "infin", "infx", "nan", "NaN", "-nan", "+nan",
		"1.5x", "1..2", "..", "1.e5", ".5", "5.", "1e400", "-1e400", "1e-400", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
		"1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "3.4028235e38", "3.4028236e38", "3.40282357e38",
		"1.401298464324817e-45", "7e-46", "7.1e-46", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1p1024", "0x1.fffffffffffff8p1023",
		"0x1.fffffffffffff7ffp1023", "0x1.000001p0", "0x1.0000018p0", "0x1p-149", "0x1p-150", "0x1.8p-150", "0x1p128", "0x.1p-1070",
		"100000000000000016777215", "100000000000000016777216", "1e-350", "0e99999", "0.000000000000000000000000000000001e33",
		"123456789012345678901234567890e-10", "9007199254740993", "9007199254740992.5", "1e1_0", "1_0e10", "0x1.8p1_0", "0b101", "0o17",
		"+-1", "1e++5", " 1", "1 ", "0x1.2", "0x1g", "0x1pz", "1.2.3", "12e", "Inf", "iNfInItY", "infinityx", "nanx", "00001.5", "0.0000e0"}
	for i := 0; i < *np; i++ {
		v := randFloat(r)
		switch r.Intn(4) {
		case 0:
			inputs = append(inputs, strconv.FormatFloat(v, 'g', -1, 64))
		case 1:
			inputs = append(inputs, strconv.FormatFloat(v, 'e', r.Intn(25), 64))
		case 2:
			inputs = append(inputs, strconv.FormatFloat(v, 'x', r.Intn(16)-1, 64))
		default:
			s := strconv.FormatFloat(v, 'e', 30, 64)
			inputs = append(inputs, s[:r.Intn(len(s))+1])
		}
	}
	// Exact halfway points between neighbouring floats (and a hair either
	// side): the hardest cases for correct rounding.
	for i := 0; i < *np/10; i++ {
		v := math.Abs(randFloat(r))
		if math.IsInf(v, 0) || math.IsNaN(v) {
			continue
		}
		lo, hi := v, math.Nextafter(v, math.Inf(1))
		if i%2 == 1 {
			f := float32(v)
			lo, hi = float64(f), float64(math.Nextafter32(f, float32(math.Inf(1))))
		}
		if math.IsInf(hi, 0) {
			continue
		}
		mid := new(big.Float).SetPrec(2000).SetFloat64(lo)
		mid.Add(mid, new(big.Float).SetPrec(2000).SetFloat64(hi))
		mid.Quo(mid, big.NewFloat(2))
		t := mid.Text('e', 800)
		mant, exp, _ := strings.Cut(t, "e")
		mant = strings.TrimRight(mant, "0")
		inputs = append(inputs, mant+"e"+exp, mant+"0000001e"+exp)
		if k := len(mant) - 1; mant[k] > '0' && mant[k] <= '9' {
			inputs = append(inputs, mant[:k]+string(mant[k]-1)+"9999e"+exp)
		}
	}
	for _, s := range inputs {
		for _, bs := range []int{32, 64} {
			f, err := strconv.ParseFloat(s, bs)
			e := "ok"
			switch {
			case errors.Is(err, strconv.ErrSyntax):
				e = "syntax"
			case errors.Is(err, strconv.ErrRange):
				e = "range"
			}
			fmt.Printf("P %d %x %s %q\n", bs, math.Float64bits(f), e, s)
		}
	}
}
