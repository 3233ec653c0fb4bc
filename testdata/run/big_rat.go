// math/big: Rat construction, parsing, arithmetic, comparison and the
// decimal and float conversions.
package main

import (
	"fmt"
	"math"
	"math/big"
)

func main() {
	ins := []string{"1/3", "-1/3", "1/-3", "+6/4", "0x10/0b11", "010/3", "1/0", "0/5", "-0/5", "1/ 3", "1.5", "-1.25e-3",
		"1e3", "1E-3", "1p3", "0x1p-2", "0x1.8p1", "0x1.8", "0b1.1", "0o1.4", "01.5", ".5", "5.", ".", "-.5", "1_000.5",
		"1e1_0", "1.5/2", "1e+", "1e", "abc", "", "0x", "0.000", "-0.0", "123456789012345678901234567890.0987654321",
		"1e-30", "2.5e+20", "1e1000001", "1e1000"}
	for _, s := range ins {
		r, ok := new(big.Rat).SetString(s)
		if ok && len(r.String()) > 80 {
			fmt.Printf("%q: long %d %v\n", s, len(r.String()), ok)
			continue
		}
		fmt.Printf("%q: %v %v\n", s, r, ok)
	}
	fracs := [][2]int64{{0, 1}, {1, 3}, {2, 3}, {-2, 3}, {1, 2}, {-1, 2}, {5, 2}, {-5, 2}, {1, 200}, {-1, 200}, {22, 7},
		{-1, 1000000}, {999, 1000}, {-999, 1000}, {6, -4}, {7, 1}, {1 << 62, 3}, {-1 << 63, 1}}
	for _, f := range fracs {
		r := big.NewRat(f[0], f[1])
		x, ex := r.Float64()
		y, ey := r.Float32()
		np, npe := r.FloatPrec()
		fmt.Println(r, r.RatString(), r.FloatString(0), r.FloatString(1), r.FloatString(3), r.FloatString(10), x, ex, y, ey, np, npe, r.IsInt(), r.Sign(), r.Num(), r.Denom())
	}
	a, b := big.NewRat(3, 4), big.NewRat(-5, 6)
	fmt.Println(new(big.Rat).Add(a, b), new(big.Rat).Sub(a, b), new(big.Rat).Mul(a, b), new(big.Rat).Quo(a, b), a.Cmp(b), b.Cmp(a), a.Cmp(a))
	fmt.Println(new(big.Rat).Neg(a), new(big.Rat).Abs(b), new(big.Rat).Inv(b), new(big.Rat).SetInt64(-9), new(big.Rat).SetUint64(9))
	fmt.Println(new(big.Rat).SetFrac(big.NewInt(10), big.NewInt(-4)), new(big.Rat).SetInt(big.NewInt(77)))
	a.Add(a, a)
	a.Mul(a, a)
	fmt.Println(a)
	var z big.Rat
	fmt.Println(z.String(), z.Denom(), z.Num(), z.IsInt(), z.FloatString(3), z.Sign())
	for _, f := range []float64{0, 0.1, -2.5, 1e300, 5e-324, math.MaxFloat64, 1.0 / 3, -0.0} {
		fmt.Println(new(big.Rat).SetFloat64(f).RatString())
	}
	fmt.Println(new(big.Rat).SetFloat64(math.Inf(1)) == nil, new(big.Rat).SetFloat64(math.NaN()) == nil)
	huge := new(big.Rat).SetFrac(new(big.Int).Lsh(big.NewInt(1), 2000), big.NewInt(3))
	tiny := new(big.Rat).Inv(huge)
	hf, he := huge.Float64()
	tf, te := tiny.Float64()
	tg, tge := tiny.Float32()
	fmt.Println(hf, he, tf, te, tg, tge)
	sub := new(big.Rat).SetFrac(big.NewInt(3), new(big.Int).Lsh(big.NewInt(1), 1075))
	sf, se := sub.Float64()
	fmt.Println(sf, se)
	fmt.Printf("%v %s %10v|%-10v|\n", big.NewRat(1, 3), big.NewRat(-1, 3), big.NewRat(1, 3), big.NewRat(1, 3))
	var s1, s2 big.Rat
	cnt, err := fmt.Sscan("3/4 -1.5e2", &s1, &s2)
	fmt.Println(cnt, err, &s1, &s2)
	t, _ := big.NewRat(-6, 4).MarshalText()
	t2, _ := big.NewRat(8, 4).MarshalText()
	var u big.Rat
	err = u.UnmarshalText([]byte("7/21"))
	fmt.Println(string(t), string(t2), err, &u, u.UnmarshalText([]byte("x")) != nil)
	g, _ := big.NewRat(-6, 4).GobEncode()
	var gd big.Rat
	fmt.Println(g, gd.GobDecode(g), &gd)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		big.NewRat(1, 0)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Rat).Quo(big.NewRat(1, 2), new(big.Rat))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Rat).Inv(new(big.Rat))
	}()
}
