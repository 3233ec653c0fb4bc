// big.Float corner cases: exponent limits, subnormal conversions, rounding
// modes at precision 2, Parse errors and bases, Format verbs and flags,
// gob and text marshaling, Sqrt, ErrNaN panics.

package main

import (
	"fmt"
	"math"
	"math/big"
)

func p(tag string, f *big.Float) {
	fmt.Printf("%s: %s prec=%d mode=%v acc=%v\n", tag, f.Text('p', 0), f.Prec(), f.Mode(), f.Acc())
}

func main() {
	// exponent limits
	big1 := new(big.Float).SetMantExp(big.NewFloat(0.5), big.MaxExp)
	p("maxexp", big1)
	p("overflow", new(big.Float).Mul(big1, big.NewFloat(4)))
	small := new(big.Float).SetMantExp(big.NewFloat(0.5), big.MinExp)
	p("minexp", small)
	p("underflow", new(big.Float).Mul(small, big.NewFloat(0.25)))
	p("underflow-neg", new(big.Float).Mul(small, big.NewFloat(-0.25)))
	p("round-overflow", new(big.Float).SetPrec(2).SetMode(big.AwayFromZero).Set(new(big.Float).SetMantExp(big.NewFloat(0.875), big.MaxExp)))
	fmt.Println(big1.Float64())
	fmt.Println(small.Float64())
	fmt.Println(new(big.Float).Neg(small).Float32())
	// denormals
	for _, e := range []int{-1073, -1074, -1075, -1076, -1022, -149, -150, -151, -126, 1024, 1025, 128, 129} {
		for _, m := range []float64{0.5, 0.75, 0.999, 0.5000001} {
			f := new(big.Float).SetMantExp(big.NewFloat(m), e)
			a, aa := f.Float64()
			b, ba := f.Float32()
			fmt.Println(e, m, a, aa, b, ba)
		}
	}
	// precision 0 and SetPrec
	x := big.NewFloat(-1.75)
	x.SetPrec(0)
	p("prec0", x)
	x = big.NewFloat(-1.75)
	x.SetPrec(1)
	p("prec1", x)
	for _, m := range []big.RoundingMode{0, 1, 2, 3, 4, 5} {
		for _, v := range []float64{2.5, -2.5, 3.5, -3.5, 2.25, -2.75} {
			f := new(big.Float).SetPrec(2).SetMode(m).SetFloat64(v)
			fmt.Print(f, " ", f.Acc(), "; ")
		}
		fmt.Println(m)
	}
	fmt.Println(big.RoundingMode(9), big.Accuracy(5))
	// parsing
	for _, s := range []string{"0", "-0", "+0.0e5", ".5", "5.", ".", "0x", "0x.8", "0x1p-2", "0b101.1", "0o17.4", "017.5", "1e", "1e+", "1e_5", "1_0e1_0", "1__0", "_1", "0x_1p0", "1p1_0", "inf", "+inf", "Inf", "-Inf", "infinity", "NaN", "1.5e-4000", "1e4000", "123456789012345678901234567890", "0.1", "  1", "1 ", "1e-0", "0x1.fffffffffffff8p1023", "1e1000000000", "1e-1000000000", "0b", "1.2.3", "-", "+", "0.000000000000000000000000000001e30"} {
		f, b, err := big.ParseFloat(s, 0, 64, big.ToNearestEven)
		if err != nil {
			fmt.Printf("%q: %v %d err=%v\n", s, f, b, err)
		} else {
			fmt.Printf("%q: %s %d %v\n", s, f.Text('g', 30), b, f.Acc())
		}
	}
	for _, c := range []struct {
		s    string
		base int
	}{{"ff.8", 16}, {"101.1", 2}, {"17.4", 8}, {"1_0", 10}, {"0x10", 16}, {"0x10", 0}, {"1e3", 16}, {"1p3", 10}, {"z", 10}} {
		f, b, err := big.ParseFloat(c.s, c.base, 30, big.ToZero)
		fmt.Println(c.s, c.base, f, b, err)
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		big.ParseFloat("1", 3, 30, big.ToZero)
	}()
	var z big.Float
	fmt.Println(z.SetString("1.25"))
	fmt.Println(z.SetString("junk"))
	fmt.Println(z.UnmarshalText([]byte("12.5e1")), z.String())
	fmt.Println(z.UnmarshalText([]byte("12.5x")))
	var s1, s2 big.Float
	n, err := fmt.Sscan("3.25 -0x1p4", &s1, &s2)
	fmt.Println(n, err, &s1, &s2)
	// formats
	vals := []*big.Float{big.NewFloat(0), new(big.Float).Neg(big.NewFloat(0)), big.NewFloat(123456.789), big.NewFloat(-0.000012345), big.NewFloat(1e21), big.NewFloat(100), new(big.Float).SetInf(false), new(big.Float).SetInf(true), big.NewFloat(9.9999), big.NewFloat(0.5)}
	for _, v := range vals {
		fmt.Printf("%v|%g|%.3g|%e|%.0e|%f|%.0f|%10.3f|%-10.2e|%+v|% g|%08.2f|%x|%.2x|%X|%b|%F|%s|%d|%G|%5.1v\n", v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v)
		fmt.Println(v.Text('g', 0), v.Text('e', -1), v.Text('f', -1), v.Text('x', 0), v.Text('y', 2), v.String())
	}
	// gob round trip
	g, _ := big.NewFloat(-2.75).GobEncode()
	fmt.Printf("%x\n", g)
	var d big.Float
	fmt.Println(d.GobDecode(g), &d, d.Prec(), d.Mode(), d.Acc())
	d2 := new(big.Float).SetPrec(2).SetMode(big.ToZero)
	fmt.Println(d2.GobDecode(g), d2, d2.Prec(), d2.Mode(), d2.Acc())
	fmt.Println(d2.GobDecode([]byte{1}), d2.GobDecode([]byte{2, 0, 0, 0, 0, 0}), d2.GobDecode([]byte{1, 2, 0, 0, 0, 64}))
	var nilf *big.Float
	t, _ := nilf.MarshalText()
	fmt.Println(string(t))
	// Int/Rat corner cases
	for _, v := range []float64{math.MaxInt64, -math.MaxInt64 - 1, 1 << 64, -0.5, 0.5, 1e19} {
		f := new(big.Float).SetPrec(100).SetFloat64(v)
		i, a := f.Int64()
		u, b := f.Uint64()
		fmt.Println(v, i, a, u, b)
	}
	fmt.Println(new(big.Float).SetInf(false).Int(nil))
	fmt.Println(new(big.Float).SetInf(true).Rat(nil))
	// sqrt
	for _, v := range []float64{0, 4, 2, 0.25, 1e-300, 12345.678} {
		r := new(big.Float).SetPrec(100).Sqrt(big.NewFloat(v))
		fmt.Println(r.Text('g', 35), r.Acc(), r.Prec())
	}
	ns := new(big.Float).Sqrt(new(big.Float).Neg(new(big.Float)))
	fmt.Println(ns, ns.Signbit())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Float).Sqrt(big.NewFloat(-1))
	}()
	func() {
		defer func() { r := recover(); e, ok := r.(big.ErrNaN); fmt.Println("recovered:", e.Error(), ok) }()
		new(big.Float).Quo(new(big.Float), new(big.Float))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Float).Mul(new(big.Float).SetInf(false), new(big.Float))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		big.NewFloat(math.NaN())
	}()
	fmt.Println(big.MaxExp, big.MinExp, uint64(big.MaxPrec))
	w := new(big.Float).SetPrec(1000)
	w.SetString("1e-1000")
	fmt.Println(w.Text('g', 50), w.Acc())
	w.SetString("123456789e300")
	fmt.Println(w.Text('e', 40), w.Acc(), w.MinPrec())
}
