// math/big: Exp, GCD with cofactors, ModInverse, ModSqrt, Jacobi, Sqrt
// and ProbablyPrime.
package main

import (
	"fmt"
	"math/big"
)

func n(s string) *big.Int {
	z, _ := new(big.Int).SetString(s, 0)
	return z
}

func main() {
	vals := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(-1), big.NewInt(12), big.NewInt(-18), big.NewInt(35), big.NewInt(-64),
		n("1000000007"), n("-123456789012345678901234567890"), n("340282366920938463463374607431768211456")}
	for _, a := range vals {
		for _, b := range vals {
			x, y := new(big.Int), new(big.Int)
			g := new(big.Int).GCD(x, y, a, b)
			fmt.Println("gcd", a, b, g, x, y, new(big.Int).GCD(nil, nil, a, b), new(big.Int).GCD(nil, y, a, b), y)
			if b.Sign() == 0 && a.Sign() < 0 {
				continue
			}
			if inv := new(big.Int).ModInverse(a, b); inv != nil {
				fmt.Println("  inv", inv)
			} else {
				fmt.Println("  no inverse")
			}
		}
	}
	exps := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2), big.NewInt(3), big.NewInt(-1), big.NewInt(-2), big.NewInt(65537)}
	mods := []*big.Int{nil, big.NewInt(0), big.NewInt(1), big.NewInt(-1), big.NewInt(97), big.NewInt(-97), big.NewInt(100), n("1000000000000000000000000000057")}
	for _, x := range []*big.Int{big.NewInt(0), big.NewInt(2), big.NewInt(-3), big.NewInt(10), n("123456789123456789")} {
		for _, e := range exps {
			for _, m := range mods {
				if m == nil && e.Int64() > 100 {
					continue
				}
				fmt.Println("exp", x, e, m, new(big.Int).Exp(x, e, m))
			}
		}
	}
	for _, s := range []string{"0", "1", "2", "3", "4", "15", "16", "17", "99", "100", "1000000000000000000000000000000", "999999999999999999999999999999999999"} {
		fmt.Println("sqrt", s, new(big.Int).Sqrt(n(s)))
	}
	for _, p := range []int64{3, 5, 7, 11, 13, 17, 41, 97, 113, 1000000007} {
		line := fmt.Sprint("sqrtmod ", p, ":")
		for a := int64(-3); a < 30; a++ {
			r := new(big.Int).ModSqrt(big.NewInt(a), big.NewInt(p))
			line += fmt.Sprint(" ", r)
		}
		fmt.Println(line)
	}
	for _, y := range []int64{1, 3, 5, 7, 9, 15, 21, -7, 1000000007} {
		line := fmt.Sprint("jacobi ", y, ":")
		for x := int64(-5); x < 25; x++ {
			line += fmt.Sprint(" ", big.Jacobi(big.NewInt(x), big.NewInt(y)))
		}
		fmt.Println(line)
	}
	primes := []string{"-7", "0", "1", "2", "3", "4", "9", "61", "63", "67", "91", "561", "1105", "2047", "3215031751", "1000000007",
		"2305843009213693951", "2305843009213693953", "18446744073709551557", "18446744073709551559", "3825123056546413051",
		"318665857834031151167461", "170141183460469231731687303715884105727", "170141183460469231731687303715884105729",
		"0x1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_003d"}
	for _, s := range primes {
		fmt.Println("prime", s, n(s).ProbablyPrime(0), n(s).ProbablyPrime(20))
	}
	count := 0
	for i := int64(0); i < 2000; i++ {
		if big.NewInt(i).ProbablyPrime(1) {
			count++
		}
	}
	fmt.Println("primes below 2000:", count)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		big.Jacobi(big.NewInt(3), big.NewInt(10))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		big.NewInt(5).ProbablyPrime(-1)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Int).ModInverse(big.NewInt(-3), big.NewInt(0))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Int).Sqrt(big.NewInt(-4))
	}()
}
