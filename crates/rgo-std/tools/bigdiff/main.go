// Command bigdiff prints the results of many math/big operations on
// pseudo-random operands. run.sh runs it under real Go and under rgo and
// compares the outputs line by line: a differential test of rgo's
// math/big. The generator is our own xorshift, so both runs see the same
// operands whatever math/rand does.
package main

import (
	"bufio"
	"fmt"
	"math"
	"math/big"
	"os"
	"strconv"
)

var state uint64 = 0x9e3779b97f4a7c15

func next() uint64 {
	state ^= state << 13
	state ^= state >> 7
	state ^= state << 17
	return state
}

func intn(n int) int { return int(next() % uint64(n)) }

// randInt returns a signed value of up to maxWords words, biased toward
// edge shapes: zero, small, powers of two and their neighbours, runs of
// ones.
func randInt(maxWords int) *big.Int {
	z := new(big.Int)
	switch intn(8) {
	case 0:
		z.SetInt64(int64(intn(5)) - 2)
	case 1:
		z.Lsh(big.NewInt(1), uint(intn(64*maxWords+1)))
		z.Add(z, big.NewInt(int64(intn(3))-1))
	case 2:
		z.Lsh(big.NewInt(1), uint(intn(64*maxWords+1)))
		z.Sub(z, big.NewInt(1))
	default:
		n := intn(maxWords + 1)
		words := make([]big.Word, n)
		for i := range words {
			words[i] = big.Word(next())
			if intn(6) == 0 {
				words[i] = 0
			}
			if intn(6) == 0 {
				words[i] = ^big.Word(0)
			}
		}
		z.SetBits(words)
	}
	if intn(2) == 0 {
		z.Neg(z)
	}
	return z
}

func sizeFor(round int) int {
	switch {
	case round%50 == 0:
		return 150 // beyond the Karatsuba and split-conversion thresholds
	case round%7 == 0:
		return 40
	}
	return 4
}

var out *bufio.Writer

func p(args ...any) { fmt.Fprintln(out, args...) }

func main() {
	out = bufio.NewWriter(os.Stdout)
	defer out.Flush()
	rounds := 1500
	if len(os.Args) > 1 {
		rounds, _ = strconv.Atoi(os.Args[1])
	}
	if len(os.Args) > 2 {
		seed, _ := strconv.ParseUint(os.Args[2], 10, 64)
		state ^= seed * 0x2545f4914f6cdd1d
	}
	for round := 0; round < rounds; round++ {
		n := sizeFor(round)
		x, y := randInt(n), randInt(n)
		if intn(4) == 0 {
			y = randInt(1 + intn(2))
		}
		intOps(round, x, y)
		if round%3 == 0 {
			ratOps(round, n)
		}
	}
	primes()
}

func intOps(round int, x, y *big.Int) {
	p("#", round, x, y)
	z := new(big.Int)
	p("add", z.Add(x, y), "sub", new(big.Int).Sub(x, y), "mul", new(big.Int).Mul(x, y))
	p("cmp", x.Cmp(y), x.CmpAbs(y), x.Sign(), x.BitLen(), x.TrailingZeroBits())
	if y.Sign() != 0 {
		q, r := new(big.Int).QuoRem(x, y, new(big.Int))
		d, m := new(big.Int).DivMod(x, y, new(big.Int))
		p("quorem", q, r, "divmod", d, m)
		p("quo", new(big.Int).Quo(x, y), "rem", new(big.Int).Rem(x, y), "div", new(big.Int).Div(x, y), "mod", new(big.Int).Mod(x, y))
	}
	p("and", new(big.Int).And(x, y), "or", new(big.Int).Or(x, y), "xor", new(big.Int).Xor(x, y), "andnot", new(big.Int).AndNot(x, y), "not", new(big.Int).Not(x))
	s := uint(intn(200))
	p("shift", s, new(big.Int).Lsh(x, s), new(big.Int).Rsh(x, s))
	i := intn(300)
	p("bit", i, x.Bit(i), new(big.Int).SetBit(x, i, 1), new(big.Int).SetBit(x, i, 0))
	p("int64", x.Int64(), x.Uint64(), x.IsInt64(), x.IsUint64())
	f, acc := x.Float64()
	p("float64", f, acc)
	if x.BitLen() < 2000 {
		p("bytes", x.Bytes(), x.Text(16))
		buf := make([]byte, len(x.Bytes())+intn(3))
		p("fill", x.FillBytes(buf))
	}
	base := 2 + intn(61)
	t := x.Text(base)
	back, ok := new(big.Int).SetString(t, base)
	p("text", base, t, back.Cmp(x), ok)
	p("sqrt", new(big.Int).Sqrt(new(big.Int).Abs(x)))
	g := new(big.Int)
	a, b := new(big.Int), new(big.Int)
	g.GCD(a, b, x, y)
	p("gcd", g, a, b, new(big.Int).GCD(nil, nil, x, y), new(big.Int).GCD(a, nil, x, y), a)
	m := new(big.Int).Abs(y)
	if m.Sign() != 0 && m.BitLen() < 600 {
		e := big.NewInt(int64(intn(1000)))
		if intn(3) == 0 {
			e = randInt(2)
		}
		p("exp", e, new(big.Int).Exp(x, e, y))
		if inv := new(big.Int).ModInverse(x, y); inv != nil {
			p("inv", inv)
		} else {
			p("inv nil")
		}
	}
	if x.BitLen() < 300 {
		p("expnil", new(big.Int).Exp(x, big.NewInt(int64(intn(6))), nil))
	}
	// aliasing
	w := new(big.Int).Set(x)
	w.Add(w, w)
	w.Mul(w, w)
	w.Sub(w, x)
	if x.Sign() != 0 {
		w.Quo(w, x)
	}
	p("alias", w)
	if round%5 == 0 {
		formats(x)
	}
	if round%11 == 0 {
		p("binom", new(big.Int).Binomial(int64(intn(80)), int64(intn(50))), new(big.Int).MulRange(int64(intn(30))-15, int64(intn(30))-5))
	}
	if y.Sign() != 0 && y.Bit(0) == 1 {
		p("jacobi", big.Jacobi(x, y))
	}
	j, _ := x.MarshalJSON()
	var u big.Int
	err := u.UnmarshalJSON(j)
	p("json", string(j), u.Cmp(x), err)
	ge, _ := x.GobEncode()
	var gd big.Int
	p("gob", ge, gd.GobDecode(ge), gd.Cmp(x))
}

func formats(x *big.Int) {
	for _, f := range []string{"%d", "%x", "%X", "%o", "%O", "%b", "%s", "%v", "%#x", "%#X", "%#o", "%#b", "%+d", "% d", "%30d", "%-30d|", "%030d", "%.40d", "%40.35x", "%-+#40.3X|", "%08.3d", "%q"} {
		fmt.Fprintf(out, f+"\n", x)
	}
	var sc big.Int
	_, err := fmt.Sscan(x.String(), &sc)
	p("scan", sc.Cmp(x), err)
	_, err = fmt.Sscanf(x.Text(16), "%x", &sc)
	p("scanx", sc.Cmp(x), err)
}

func randRat(n int) *big.Rat {
	d := randInt(n)
	if d.Sign() == 0 {
		d.SetInt64(7)
	}
	return new(big.Rat).SetFrac(randInt(n), d)
}

func ratOps(round, n int) {
	x, y := randRat(n), randRat(n)
	p("rat", round, x, y)
	p("radd", new(big.Rat).Add(x, y), "rsub", new(big.Rat).Sub(x, y), "rmul", new(big.Rat).Mul(x, y), "cmp", x.Cmp(y))
	if y.Sign() != 0 {
		p("rquo", new(big.Rat).Quo(x, y), new(big.Rat).Inv(y))
	}
	f, ex := x.Float64()
	g, ex2 := x.Float32()
	p("rfloat", f, ex, g, ex2, x.RatString(), x.IsInt())
	prec := intn(30)
	p("rfs", prec, x.FloatString(prec))
	np, exact := x.FloatPrec()
	p("rprec", np, exact)
	if !math.IsInf(f, 0) {
		r := new(big.Rat).SetFloat64(f)
		p("rset", r)
	}
	s := x.FloatString(intn(25))
	if intn(2) == 0 {
		s += "e" + strconv.Itoa(intn(40)-20)
	}
	r, ok := new(big.Rat).SetString(s)
	p("rparse", s, r, ok)
	tiny := new(big.Rat).SetFrac(big.NewInt(int64(1+intn(1000))), new(big.Int).Lsh(big.NewInt(1), uint(1000+intn(200))))
	tf, te := tiny.Float64()
	tg, tge := tiny.Float32()
	p("rtiny", tf, te, tg, tge)
}

func primes() {
	known := []string{"2", "3", "97", "1000000007", "18446744073709551557", "170141183460469231731687303715884105727",
		"3825123056546413051", "318665857834031151167461", "2047", "1373653", "25326001", "3215031751",
		"2152302898747", "3474749660383", "341550071728321", "561", "41041", "825265", "321197185", "5394826801"}
	for _, s := range known {
		v, _ := new(big.Int).SetString(s, 10)
		p("prime", s, v.ProbablyPrime(0), v.ProbablyPrime(10))
	}
	for i := 0; i < 300; i++ {
		v := randInt(1 + intn(4))
		v.Abs(v)
		v.SetBit(v, 0, 1)
		p("pp", v, v.ProbablyPrime(5))
	}
	for _, ps := range []string{"13", "17", "41", "97", "1000000007", "998244353", "340282366920938463463374607431768211297"} {
		pr, _ := new(big.Int).SetString(ps, 10)
		for k := 0; k < 10; k++ {
			a := big.NewInt(int64(intn(100000)))
			r := new(big.Int).ModSqrt(a, pr)
			p("modsqrt", ps, a, r)
		}
	}
}
