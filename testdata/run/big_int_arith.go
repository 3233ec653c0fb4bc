// math/big: Int arithmetic with Go's division rules, signs, zero and
// values of many words; results reused as operands (aliasing).
package main

import (
	"fmt"
	"math/big"
)

func n(s string) *big.Int {
	z, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic("bad literal " + s)
	}
	return z
}

func main() {
	vals := []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(-1), big.NewInt(7), big.NewInt(-7), big.NewInt(3), big.NewInt(-3),
		n("18446744073709551615"), n("18446744073709551616"), n("-18446744073709551616"),
		n("0x1_0000_0000_0000_0000_0000_0000_0000_0001"), n("-340282366920938463463374607431768211455"),
		n("123456789012345678901234567890123456789012345678901234567890"),
		n("-98765432109876543210987654321"),
	}
	for _, x := range vals {
		for _, y := range vals {
			fmt.Println(x, y, "add", new(big.Int).Add(x, y), "sub", new(big.Int).Sub(x, y), "mul", new(big.Int).Mul(x, y))
			fmt.Println("  cmp", x.Cmp(y), x.CmpAbs(y), "sign", x.Sign(), y.Sign())
			if y.Sign() == 0 {
				continue
			}
			q, r := new(big.Int).QuoRem(x, y, new(big.Int))
			d, m := new(big.Int).DivMod(x, y, new(big.Int))
			fmt.Println("  quo", new(big.Int).Quo(x, y), "rem", new(big.Int).Rem(x, y), "quorem", q, r)
			fmt.Println("  div", new(big.Int).Div(x, y), "mod", new(big.Int).Mod(x, y), "divmod", d, m)
		}
	}
	// aliasing: the result is also an operand
	a := n("123456789123456789123456789")
	a.Mul(a, a)
	fmt.Println(a)
	a.Add(a, a)
	a.Sub(a, n("1"))
	fmt.Println(a)
	b := new(big.Int).Set(a)
	a.Quo(a, b)
	fmt.Println(a, b)
	b.Mod(b, b)
	fmt.Println(b)
	c := n("-1000000000000000000000000000007")
	d := n("97")
	e := new(big.Int)
	c.DivMod(c, d, e)
	fmt.Println(c, d, e)
	// large products and quotients
	f := new(big.Int).MulRange(1, 300)
	g := new(big.Int).MulRange(1, 150)
	h := new(big.Int).Mul(f, g)
	fmt.Println(h.BitLen(), new(big.Int).Quo(h, f).Cmp(g), new(big.Int).Rem(h, g).Sign())
	fmt.Println(f)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(500), nil)
	p.Sub(p, big.NewInt(1))
	p2 := new(big.Int).Mul(p, p)
	fmt.Println(p2)
	q3, r3 := new(big.Int).QuoRem(p2, new(big.Int).Add(p, big.NewInt(2)), new(big.Int))
	fmt.Println(q3, r3)
	fmt.Println(new(big.Int).Neg(big.NewInt(0)), new(big.Int).Neg(big.NewInt(5)), new(big.Int).Abs(big.NewInt(-5)))
	fmt.Println(new(big.Int).MulRange(-5, -1), new(big.Int).MulRange(-4, -1), new(big.Int).MulRange(-3, 3), new(big.Int).MulRange(5, 4), new(big.Int).MulRange(10, 10))
	fmt.Println(new(big.Int).Binomial(100, 50), new(big.Int).Binomial(10, 11), new(big.Int).Binomial(10, 0), new(big.Int).Binomial(10, -1), new(big.Int).Binomial(1000, 998))
	var zero big.Int
	fmt.Println(zero.String(), zero.Sign(), zero.BitLen(), zero.Int64(), zero.Bits() == nil)
	var nilp *big.Int
	fmt.Println(nilp.String(), nilp)
}
