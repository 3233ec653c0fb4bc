// big.Float against real Go on pseudo-random operands: arithmetic in all
// rounding modes and many precisions, Sqrt, conversions, every Text
// format, Parse round trips, SetPrec, SetRat, gob and text encodings.
// Each iteration prints a hash of its output; set verbose to see it.
package main

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"math"
	"math/big"
	"os"
	"strconv"
)

const verbose = false

var state uint64 = 88172645463325252

func next() uint64 {
	state ^= state << 13
	state ^= state >> 7
	state ^= state << 17
	return state
}

func rn(n int) int { return int(next() % uint64(n)) }

var modes = []big.RoundingMode{big.ToNearestEven, big.ToNearestAway, big.ToZero, big.AwayFromZero, big.ToNegativeInf, big.ToPositiveInf}

func randPrec() uint {
	switch rn(4) {
	case 0:
		return uint(1 + rn(8))
	case 1:
		return uint(50 + rn(20))
	case 2:
		return uint(1 + rn(200))
	}
	return uint(60 + rn(10)*64 + rn(5) - 2)
}

func randFloat() *big.Float {
	f := new(big.Float).SetPrec(randPrec()).SetMode(modes[rn(6)])
	switch rn(20) {
	case 0:
		return f
	case 1:
		return f.SetInf(rn(2) == 0)
	case 2:
		return f.Neg(f)
	case 3:
		return f.SetFloat64(float64(rn(1000)) / 8)
	}
	words := 1 + rn(4)
	m := new(big.Int)
	for i := 0; i < words; i++ {
		m.Lsh(m, 64)
		w := next()
		if rn(3) == 0 {
			w &= 0xffff000000000000
		}
		m.Or(m, new(big.Int).SetUint64(w))
	}
	if m.Sign() == 0 {
		m.SetInt64(1)
	}
	if rn(2) == 0 {
		m.Neg(m)
	}
	f.SetInt(m)
	exp := rn(400) - 200
	if rn(10) == 0 {
		exp = rn(4000) - 2000
	}
	f.SetMantExp(f, exp-f.MantExp(nil))
	return f
}

func show(w *bufio.Writer, tag string, f *big.Float) {
	fmt.Fprintf(w, "%s %s %d %v %v\n", tag, f.Text('p', 0), f.Prec(), f.Mode(), f.Acc())
}

func try(w *bufio.Writer, tag string, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(w, "%s panic %v\n", tag, r)
		}
	}()
	fn()
}

func main() {
	n := 60
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	if len(os.Args) > 2 {
		s, _ := strconv.ParseUint(os.Args[2], 10, 64)
		state ^= s * 0x9E3779B97F4A7C15
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for i := 0; i < n; i++ {
		h := fnv.New64a()
		w := bufio.NewWriter(h)
		if verbose {
			w = out
		}
		x, y := randFloat(), randFloat()
		show(w, "x", x)
		show(w, "y", y)
		zp := uint(0)
		if rn(3) != 0 {
			zp = randPrec()
		}
		md := modes[rn(6)]
		for k, op := range []string{"add", "sub", "mul", "quo", "sqrt"} {
			z := new(big.Float).SetPrec(zp).SetMode(md)
			try(w, op, func() {
				switch k {
				case 0:
					z.Add(x, y)
				case 1:
					z.Sub(x, y)
				case 2:
					z.Mul(x, y)
				case 3:
					z.Quo(x, y)
				case 4:
					z.Sqrt(new(big.Float).Abs(x))
				}
				show(w, op, z)
			})
		}
		fmt.Fprintln(w, "cmp", x.Cmp(y), x.Sign(), x.MinPrec(), x.IsInt(), x.Signbit(), x.IsInf())
		f64, a64 := x.Float64()
		f32, a32 := x.Float32()
		i64, ai := x.Int64()
		u64, au := x.Uint64()
		fmt.Fprintln(w, "conv", math.Float64bits(f64), a64, math.Float32bits(f32), a32, i64, ai, u64, au)
		bi, ab := x.Int(nil)
		br, ar := x.Rat(nil)
		fmt.Fprintln(w, "int", bi, ab, br, ar)
		for _, fm := range []byte{'e', 'E', 'f', 'g', 'G', 'b', 'p', 'x'} {
			for _, pr := range []int{-1, 0, 1, 3, 7, 17, 40} {
				if fm == 'f' && x.MantExp(nil) > 300 && pr > 0 {
					continue
				}
				fmt.Fprintf(w, "%c%d %s\n", fm, pr, x.Text(fm, pr))
			}
		}
		fmt.Fprintf(w, "fmt %v|%12.4e|%-12.3g|%+.5f|% x|%012.2e\n", x, x, x, x, x, x)
		s := x.Text('g', -1)
		for _, p := range []uint{0, 5, 53, 64, 100} {
			pf, b, err := big.ParseFloat(s, 0, p, md)
			if err != nil {
				fmt.Fprintln(w, "parse err", b, err)
				continue
			}
			show(w, "parse", pf)
		}
		s = x.Text('e', rn(60))
		pf, _, err := big.ParseFloat(s, 0, randPrec(), md)
		if err == nil {
			show(w, "parse2", pf)
		}
		s = x.Text('x', rn(30)-1)
		pf, _, err = big.ParseFloat(s, 0, randPrec(), md)
		if err == nil {
			show(w, "parse3", pf)
		} else {
			fmt.Fprintln(w, "parse3 err", err)
		}
		sp := new(big.Float).Copy(x)
		sp.SetPrec(randPrec())
		show(w, "setprec", sp)
		if r, _ := x.Rat(nil); r != nil {
			rf := new(big.Float).SetPrec(zp).SetMode(md)
			rf.SetRat(new(big.Rat).Quo(r, big.NewRat(int64(rn(1000)+1), int64(rn(1000)+1))))
			show(w, "setrat", rf)
		}
		g, _ := x.GobEncode()
		fmt.Fprintf(w, "gob %x\n", g)
		t, _ := x.MarshalText()
		fmt.Fprintf(w, "text %s\n", t)
		w.Flush()
		if !verbose {
			fmt.Fprintf(out, "%d %016x\n", i, h.Sum64())
		}
	}
}
