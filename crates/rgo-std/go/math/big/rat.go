package big

import (
	"math"
)

// A Rat is an exact fraction a/b of arbitrary size; its zero value is 0.
// After any operation the fraction is in lowest terms with a positive
// denominator (an empty denominator in the zero value means 1).
type Rat struct {
	a, b Int // numerator, denominator (b.neg is always false)
}

// NewRat creates a new Rat a/b; it panics if b == 0.
func NewRat(a, b int64) *Rat {
	return new(Rat).SetFrac64(a, b)
}

// denom is x's denominator as a nat, 1 for the zero value's empty one.
func (x *Rat) den1() nat {
	if len(x.b.abs) == 0 {
		return nat1
	}
	return x.b.abs
}

// reduce brings z to lowest terms with a nonempty denominator.
func (z *Rat) lowestTerms() *Rat {
	switch {
	case len(z.a.abs) == 0:
		z.a.neg = false
		z.b.abs = z.b.abs.fromWord(1)
	case len(z.b.abs) == 0:
		z.b.abs = z.b.abs.fromWord(1)
	default:
		g := natGCD(z.a.abs, z.b.abs)
		if g.compare(nat1) != 0 {
			var r nat
			z.a.abs, _ = nat(nil).quoRem(r, z.a.abs, g)
			z.b.abs, _ = nat(nil).quoRem(r, z.b.abs, g)
		}
	}
	z.b.neg = false
	return z
}

// SetFrac sets z to a/b and returns z; it panics if b == 0.
func (z *Rat) SetFrac(a, b *Int) *Rat {
	if len(b.abs) == 0 {
		panic("division by zero")
	}
	neg := a.neg != b.neg
	num := nat(nil).assign(a.abs)
	den := nat(nil).assign(b.abs)
	z.a.abs, z.a.neg = num, neg
	z.b.abs, z.b.neg = den, false
	return z.lowestTerms()
}

// SetFrac64 sets z to a/b and returns z; it panics if b == 0.
func (z *Rat) SetFrac64(a, b int64) *Rat {
	if b == 0 {
		panic("division by zero")
	}
	z.a.SetInt64(a)
	if b < 0 {
		z.a.neg = len(z.a.abs) > 0 && !z.a.neg
		z.b.abs = z.b.abs.fromU64(-uint64(b))
	} else {
		z.b.abs = z.b.abs.fromU64(uint64(b))
	}
	z.b.neg = false
	return z.lowestTerms()
}

// SetInt sets z to x (with denominator 1) and returns z.
func (z *Rat) SetInt(x *Int) *Rat {
	z.a.Set(x)
	z.b.abs = z.b.abs.fromWord(1)
	z.b.neg = false
	return z
}

// SetInt64 sets z to x and returns z.
func (z *Rat) SetInt64(x int64) *Rat {
	z.a.SetInt64(x)
	z.b.abs = z.b.abs.fromWord(1)
	return z
}

// SetUint64 sets z to x and returns z.
func (z *Rat) SetUint64(x uint64) *Rat {
	z.a.SetUint64(x)
	z.b.abs = z.b.abs.fromWord(1)
	return z
}

// Set sets z to x and returns z.
func (z *Rat) Set(x *Rat) *Rat {
	if z != x {
		z.a.Set(&x.a)
		z.b.Set(&x.b)
	}
	if len(z.b.abs) == 0 {
		z.b.abs = z.b.abs.fromWord(1)
	}
	return z
}

// SetFloat64 sets z to exactly f and returns z; it returns nil if f is
// not finite.
func (z *Rat) SetFloat64(f float64) *Rat {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil
	}
	b := math.Float64bits(f)
	mant := b & (1<<52 - 1)
	e := int(b>>52) & 0x7ff
	if e == 0 {
		e = -1074
	} else {
		mant |= 1 << 52
		e -= 1075
	}
	z.a.SetUint64(mant)
	z.a.neg = b>>63 != 0 && mant != 0
	z.b.abs = z.b.abs.fromWord(1)
	if e >= 0 {
		z.a.abs = z.a.abs.shiftLeft(z.a.abs, uint(e))
	} else {
		z.b.abs = z.b.abs.shiftLeft(z.b.abs, uint(-e))
	}
	return z.lowestTerms()
}

// Abs sets z to |x| and returns z.
func (z *Rat) Abs(x *Rat) *Rat {
	z.Set(x)
	z.a.neg = false
	return z
}

// Neg sets z to -x and returns z.
func (z *Rat) Neg(x *Rat) *Rat {
	z.Set(x)
	z.a.neg = len(z.a.abs) > 0 && !z.a.neg
	return z
}

// Inv sets z to 1/x and returns z; it panics if x == 0.
func (z *Rat) Inv(x *Rat) *Rat {
	if len(x.a.abs) == 0 {
		panic("division by zero")
	}
	num := nat(nil).assign(x.den1())
	den := nat(nil).assign(x.a.abs)
	neg := x.a.neg
	z.a.abs, z.a.neg = num, neg
	z.b.abs, z.b.neg = den, false
	return z
}

// Sign returns -1, 0 or +1 as x is negative, zero or positive.
func (x *Rat) Sign() int {
	return x.a.Sign()
}

// IsInt reports whether x's denominator is 1.
func (x *Rat) IsInt() bool {
	return len(x.b.abs) == 0 || x.b.abs.compare(nat1) == 0
}

// Num returns x's numerator, which may be <= 0. The result refers to x's
// numerator: it changes when x does, and changing it changes x.
func (x *Rat) Num() *Int {
	return &x.a
}

// Denom returns x's denominator, which is always > 0. The result refers
// to x's denominator unless x is an uninitialized zero value, in which
// case it is a new Int of value 1.
func (x *Rat) Denom() *Int {
	if len(x.b.abs) == 0 {
		return &Int{abs: nat{1}}
	}
	return &x.b
}

// Cmp compares x and y: -1 if x < y, 0 if equal, +1 if x > y.
func (x *Rat) Cmp(y *Rat) int {
	var l, r Int
	l.abs = l.abs.times(x.a.abs, y.den1())
	l.neg = x.a.neg && len(l.abs) > 0
	r.abs = r.abs.times(y.a.abs, x.den1())
	r.neg = y.a.neg && len(r.abs) > 0
	return l.Cmp(&r)
}

// crossSum sets z = x + sign*y over the common denominator.
func (z *Rat) sumFrac(x, y *Rat, flip bool) *Rat {
	var l, r Int
	l.abs = l.abs.times(x.a.abs, y.den1())
	l.neg = x.a.neg && len(l.abs) > 0
	r.abs = r.abs.times(y.a.abs, x.den1())
	r.neg = y.a.neg && len(r.abs) > 0
	den := nat(nil).times(x.den1(), y.den1())
	z.a.sumSigned(&l, &r, flip)
	z.b.abs, z.b.neg = den, false
	return z.lowestTerms()
}

// Add sets z to x+y and returns z.
func (z *Rat) Add(x, y *Rat) *Rat { return z.sumFrac(x, y, false) }

// Sub sets z to x-y and returns z.
func (z *Rat) Sub(x, y *Rat) *Rat { return z.sumFrac(x, y, true) }

// Mul sets z to x*y and returns z.
func (z *Rat) Mul(x, y *Rat) *Rat {
	neg := x.a.neg != y.a.neg
	num := nat(nil).times(x.a.abs, y.a.abs)
	den := nat(nil).times(x.den1(), y.den1())
	z.a.abs, z.a.neg = num, neg && len(num) > 0
	z.b.abs, z.b.neg = den, false
	return z.lowestTerms()
}

// Quo sets z to x/y and returns z; it panics if y == 0.
func (z *Rat) Quo(x, y *Rat) *Rat {
	if len(y.a.abs) == 0 {
		panic("division by zero")
	}
	neg := x.a.neg != y.a.neg
	num := nat(nil).times(x.a.abs, y.den1())
	den := nat(nil).times(x.den1(), y.a.abs)
	z.a.abs, z.a.neg = num, neg && len(num) > 0
	z.b.abs, z.b.neg = den, false
	return z.lowestTerms()
}

// Float64 returns the float64 nearest x and whether it equals x exactly.
// Values too large in magnitude become ±Inf (not exact).
func (x *Rat) Float64() (f float64, exact bool) {
	f, exact = fracToFloat(x.a.abs, x.den1(), 53, -1022)
	if x.a.neg {
		f = -f
	}
	return f, exact
}

// Float32 returns the float32 nearest x and whether it equals x exactly.
func (x *Rat) Float32() (f float32, exact bool) {
	d, exact := fracToFloat(x.a.abs, x.den1(), 24, -126)
	f = float32(d)
	if math.IsInf(float64(f), 0) {
		exact = false
	}
	if x.a.neg {
		f = -f
	}
	return f, exact
}

// fracToFloat converts a/b (b > 0) to a float with prec mantissa bits
// and minimum normal exponent minExp (2^minExp is the least normal
// magnitude), as Go does: the quotient is computed to prec+1 bits (one
// rounding bit) plus a remainder flag, shortened to the subnormal
// precision when the result is a subnormal, rounded half to even, and
// scaled with math.Ldexp, which rounds once more (and flushes to zero)
// for values far below the subnormal range. exact reports that no bit
// was lost before Ldexp.
func fracToFloat(a, b nat, prec, minExp int) (float64, bool) {
	if len(a) == 0 {
		return 0, true
	}
	width := prec + 1
	e := a.nbits() - b.nbits()
	num, den := a, b
	if sh := width - e; sh > 0 {
		num = nat(nil).shiftLeft(a, uint(sh))
	} else if sh < 0 {
		den = nat(nil).shiftLeft(b, uint(-sh))
	}
	var r nat
	q, r := nat(nil).quoRem(r, num, den)
	mant := q.lowWord64()
	rem := len(r) > 0
	if mant>>uint(width) == 1 {
		// one bit too many: fold the lowest into the remainder flag
		rem = rem || mant&1 == 1
		mant >>= 1
		e++
	}
	// the value is mant * 2^(e-width), in [2^(e-1), 2^e)
	if minExp-(prec-1) <= e && e <= minExp {
		shift := uint(minExp - (e - 1))
		rem = rem || mant&(1<<shift-1) != 0
		mant >>= shift
		e = minExp + 1
	}
	exact := !rem
	if mant&1 != 0 {
		exact = false
		if rem || mant&2 != 0 {
			mant++
			if mant >= 1<<uint(width) {
				mant >>= 1
				e++
			}
		}
	}
	mant >>= 1
	f := math.Ldexp(float64(mant), e-prec)
	if math.IsInf(f, 0) {
		exact = false
	}
	return f, exact
}

// FloatPrec returns the number n of digits after the decimal point of
// x's decimal form with no repeating part, and whether that form with n
// digits is exact (false when x's expansion repeats).
func (x *Rat) FloatPrec() (n int, exact bool) {
	d := nat(nil).assign(x.den1())
	twos := d.lowZeros()
	d = d.shiftRight(d, twos)
	fives := 0
	for {
		q, r := nat(nil).divWord(d, 5)
		if r != 0 {
			break
		}
		d = q
		fives++
	}
	n = max(int(twos), fives)
	return n, len(d) == 1 && d[0] == 1
}
