// big.Float: SetInt64/SetUint64 rounding at precision 2 in every mode, %v and %+v of Float values, zero values, defaults of precision.

package main

import (
	"fmt"
	"math/big"
)

func main() {
	for _, m := range []big.RoundingMode{0, 1, 2, 3, 4, 5} {
		for _, v := range []int64{-7, 7, -1 << 63, 1<<63 - 1, -5, 5, 0} {
			f := new(big.Float).SetPrec(2).SetMode(m).SetInt64(v)
			g := new(big.Float).SetPrec(2).SetMode(m).SetUint64(uint64(v))
			fmt.Print(f, f.Acc(), g, g.Acc(), " ")
		}
		fmt.Println()
	}
	f := big.NewFloat(1.5)
	fmt.Printf("%v %+v\n", *f, *f)
	var z big.Float
	fmt.Printf("%v %+v %v %s\n", z, z, &z, z.String())
	fmt.Println(z.Prec(), z.MinPrec(), z.Mode(), z.Acc(), z.IsInt(), z.Sign())
	type pair struct{ A, B *big.Float }
	fmt.Println(pair{big.NewFloat(2), nil})
	fmt.Printf("%.30f\n", big.NewFloat(0.1))
	fmt.Printf("%10.4v|%-12g|%012g|%+.2e\n", big.NewFloat(3.14159), big.NewFloat(-2.5), big.NewFloat(-2.5), big.NewFloat(12345))
	x, _ := new(big.Float).SetPrec(0).SetString("12.5")
	fmt.Println(x, x.Prec())
	y := new(big.Float).SetPrec(5)
	y.SetString("0.1")
	fmt.Println(y, y.Acc(), y.Text('b', 0))
	var r big.Rat
	r.SetString("1/3")
	fmt.Println(new(big.Float).SetRat(&r).Prec(), new(big.Float).SetInt(big.NewInt(0)).Prec())
}
