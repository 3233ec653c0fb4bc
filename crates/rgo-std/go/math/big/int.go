package big

import (
	"math"
	"math/rand"
)

// An Int is a signed integer of any size; its zero value is 0. Methods
// have the form z.Op(x, y) setting z and returning it, so that results
// can be chained and storage reused. Copying an Int value sameArray its
// words; use Set.
type Int struct {
	neg bool // sign
	abs nat  // magnitude
}

var int1 = &Int{false, nat1}

// NewInt allocates and returns a new Int set to x.
func NewInt(x int64) *Int {
	return new(Int).SetInt64(x)
}

// Sign returns -1, 0 or +1 as x is negative, zero or positive.
func (x *Int) Sign() int {
	if len(x.abs) == 0 {
		return 0
	}
	if x.neg {
		return -1
	}
	return 1
}

// SetInt64 sets z to x and returns z.
func (z *Int) SetInt64(x int64) *Int {
	neg := x < 0
	mag := uint64(x)
	if neg {
		mag = -mag
	}
	z.abs = z.abs.fromU64(mag)
	z.neg = neg
	return z
}

// SetUint64 sets z to x and returns z.
func (z *Int) SetUint64(x uint64) *Int {
	z.abs = z.abs.fromU64(x)
	z.neg = false
	return z
}

// Set sets z to x and returns z.
func (z *Int) Set(x *Int) *Int {
	if z != x {
		z.abs = z.abs.assign(x.abs)
		z.neg = x.neg
	}
	return z
}

// Bits returns x's magnitude as little-endian Words, sharing x's storage.
func (x *Int) Bits() []Word {
	return x.abs
}

// SetBits sets z's magnitude to abs (little-endian, shared) and its sign
// to positive, and returns z.
func (z *Int) SetBits(abs []Word) *Int {
	z.abs = nat(abs).trimmed()
	z.neg = false
	return z
}

// Abs sets z to |x| and returns z.
func (z *Int) Abs(x *Int) *Int {
	z.Set(x)
	z.neg = false
	return z
}

// Neg sets z to -x and returns z.
func (z *Int) Neg(x *Int) *Int {
	z.Set(x)
	z.neg = len(z.abs) > 0 && !z.neg
	return z
}

// addSigned sets z = x + (-1)^flip * y.
func (z *Int) sumSigned(x, y *Int, flip bool) *Int {
	yneg := y.neg != flip
	if x.neg == yneg {
		z.abs = z.abs.plus(x.abs, y.abs)
		z.neg = x.neg && len(z.abs) > 0
		return z
	}
	// opposite signs: the larger magnitude wins
	if x.abs.compare(y.abs) >= 0 {
		z.abs = z.abs.minus(x.abs, y.abs)
		z.neg = x.neg && len(z.abs) > 0
	} else {
		z.abs = z.abs.minus(y.abs, x.abs)
		z.neg = yneg && len(z.abs) > 0
	}
	return z
}

// Add sets z to x+y and returns z.
func (z *Int) Add(x, y *Int) *Int { return z.sumSigned(x, y, false) }

// Sub sets z to x-y and returns z.
func (z *Int) Sub(x, y *Int) *Int { return z.sumSigned(x, y, true) }

// Mul sets z to x*y and returns z.
func (z *Int) Mul(x, y *Int) *Int {
	neg := x.neg != y.neg
	if x == y {
		z.abs = z.abs.square(x.abs)
	} else {
		z.abs = z.abs.times(x.abs, y.abs)
	}
	z.neg = neg && len(z.abs) > 0
	return z
}

// MulRange sets z to the product of the integers a through b inclusive
// (1 for an empty range) and returns z.
func (z *Int) MulRange(a, b int64) *Int {
	if a > b {
		// the empty product
		return z.SetUint64(1)
	}
	if a <= 0 && 0 <= b {
		// zero is a factor
		return z.SetUint64(0)
	}
	neg := false
	if a < 0 {
		// all factors negative: the sign follows their count
		neg = (b-a)&1 == 0
		a, b = -b, -a
	}
	z.abs = z.abs.rangeProduct(uint64(a), uint64(b))
	z.neg = neg && len(z.abs) > 0
	return z
}

// Binomial sets z to C(n, k), the number of k-element subsets of an
// n-element set (0 for k < 0 or k > n), and returns z.
func (z *Int) Binomial(n, k int64) *Int {
	if k > n || k < 0 {
		return z.SetInt64(0)
	}
	if k > n-k {
		k = n - k
	}
	var num, den Int
	num.MulRange(n-k+1, n)
	den.MulRange(1, k)
	return z.Quo(&num, &den)
}

// Quo sets z to the quotient x/y for y != 0, truncated toward zero, and
// returns z. A zero y causes a division-by-zero panic.
func (z *Int) Quo(x, y *Int) *Int {
	var r nat
	neg := x.neg != y.neg
	z.abs, _ = z.abs.quoRem(r, x.abs, y.abs)
	z.neg = neg && len(z.abs) > 0
	return z
}

// Rem sets z to the remainder x%y for y != 0 (with the sign of x) and
// returns z.
func (z *Int) Rem(x, y *Int) *Int {
	var q nat
	neg := x.neg
	_, z.abs = q.quoRem(z.abs, x.abs, y.abs)
	z.neg = neg && len(z.abs) > 0
	return z
}

// QuoRem sets z to x/y and r to x%y (truncated division) and returns
// (z, r).
func (z *Int) QuoRem(x, y, r *Int) (*Int, *Int) {
	xneg, yneg := x.neg, y.neg
	z.abs, r.abs = z.abs.quoRem(r.abs, x.abs, y.abs)
	z.neg = xneg != yneg && len(z.abs) > 0
	r.neg = xneg && len(r.abs) > 0
	return z, r
}

// Div sets z to the Euclidean quotient x/y for y != 0 and returns z: the
// q with x = q*y + m and 0 <= m < |y|.
func (z *Int) Div(x, y *Int) *Int {
	yneg := y.neg
	var m Int
	z.QuoRem(x, y, &m)
	if m.neg {
		if yneg {
			z.Add(z, int1)
		} else {
			z.Sub(z, int1)
		}
	}
	return z
}

// Mod sets z to the Euclidean modulus x mod y for y != 0 (always
// 0 <= z < |y|) and returns z.
func (z *Int) Mod(x, y *Int) *Int {
	d := y
	if z == y || sameArray(z.abs, y.abs) {
		d = new(Int).Set(y)
	}
	var q Int
	q.QuoRem(x, y, z)
	if z.neg {
		if d.neg {
			z.Sub(z, d)
		} else {
			z.Add(z, d)
		}
	}
	return z
}

// DivMod sets z to x div y and m to x mod y (Euclidean) and returns
// (z, m).
func (z *Int) DivMod(x, y, m *Int) (*Int, *Int) {
	d := y
	if z == y || sameArray(z.abs, y.abs) || m == y || sameArray(m.abs, y.abs) {
		d = new(Int).Set(y)
	}
	z.QuoRem(x, y, m)
	if m.neg {
		if d.neg {
			z.Add(z, int1)
			m.Sub(m, d)
		} else {
			z.Sub(z, int1)
			m.Add(m, d)
		}
	}
	return z, m
}

// Divide sets z (if not nil) to the quotient q of x/y rounded as mode
// says (Trunc, Floor, Round or Ceil) and r (if not nil) to x - y*q, and
// returns (z, r). It panics for other modes and for y == 0.
func (z *Int) Divide(x, y, r *Int, mode RoundingMode) (*Int, *Int) {
	switch mode {
	case Trunc, Floor, Round, Ceil:
	default:
		panic("unsupported rounding mode")
	}
	var q, m Int
	q.QuoRem(x, y, &m)
	if len(m.abs) > 0 {
		// the exact quotient lies strictly between q and q±1; step
		// toward it (down when x/y < 0) when the mode says so
		negQuo := x.neg != y.neg
		step := false
		switch mode {
		case Floor:
			step = negQuo
		case Ceil:
			step = !negQuo
		case Round:
			twice := nat(nil).shiftLeft(m.abs, 1)
			c := twice.compare(y.abs)
			step = c > 0 || c == 0 && len(q.abs) > 0 && q.abs[0]&1 == 1
		}
		if step {
			if negQuo {
				q.Sub(&q, int1)
				m.Add(&m, y)
			} else {
				q.Add(&q, int1)
				m.Sub(&m, y)
			}
		}
	}
	if z != nil {
		z.Set(&q)
	}
	if r != nil {
		r.Set(&m)
	}
	return z, r
}

// Cmp compares x and y: -1 if x < y, 0 if equal, +1 if x > y.
func (x *Int) Cmp(y *Int) (r int) {
	switch {
	case x == y:
		return 0
	case x.neg != y.neg:
		if x.neg {
			return -1
		}
		return 1
	}
	c := x.abs.compare(y.abs)
	if x.neg {
		c = -c
	}
	return c
}

// CmpAbs compares |x| and |y|.
func (x *Int) CmpAbs(y *Int) int {
	return x.abs.compare(y.abs)
}

// Int64 returns the int64 value of x; for values out of range the result
// is the low 64 bits in two's complement.
func (x *Int) Int64() int64 {
	v := int64(x.abs.lowWord64())
	if x.neg {
		v = -v
	}
	return v
}

// Uint64 returns the low 64 bits of |x|.
func (x *Int) Uint64() uint64 {
	return x.abs.lowWord64()
}

// IsInt64 reports whether x fits an int64.
func (x *Int) IsInt64() bool {
	if len(x.abs) > 1 {
		return false
	}
	v := x.abs.lowWord64()
	if x.neg {
		return v <= 1<<63
	}
	return v < 1<<63
}

// IsUint64 reports whether x fits a uint64.
func (x *Int) IsUint64() bool {
	return !x.neg && len(x.abs) <= 1
}

// Float64 returns the float64 nearest x (ties to even) and the accuracy
// of that result.
func (x *Int) Float64() (float64, Accuracy) {
	n := x.abs.nbits()
	if n == 0 {
		return 0.0, Exact
	}
	if n <= 53 {
		f := float64(x.abs.lowWord64())
		if x.neg {
			f = -f
		}
		return f, Exact
	}
	// keep the top 54 bits (53 + a rounding bit) and whether anything
	// below them is set
	cut := uint(n - 54)
	top := nat(nil).shiftRight(x.abs, cut).lowWord64()
	lost := x.abs.anyBelow(cut)
	mant := top >> 1
	half := top&1 != 0
	up := half && (lost || mant&1 != 0)
	if up {
		mant++
	}
	f := math.Ldexp(float64(mant), int(cut)+1)
	acc := Exact
	switch {
	case up || math.IsInf(f, 0):
		acc = Above
	case half || lost:
		acc = Below
	}
	if x.neg {
		f = -f
		acc = -acc
	}
	return f, acc
}

// Bytes returns |x| as a big-endian byte slice.
func (x *Int) Bytes() []byte {
	buf := make([]byte, len(x.abs)*wordBytes)
	return buf[x.abs.storeBE(buf):]
}

// FillBytes writes |x| big-endian into buf, zero-extended, and returns
// buf. It panics if |x| does not fit.
func (x *Int) FillBytes(buf []byte) []byte {
	clear(buf)
	need := (x.abs.nbits() + 7) / 8
	if need > len(buf) {
		panic("math/big: buffer too small to fit value")
	}
	tmp := make([]byte, len(x.abs)*wordBytes)
	start := x.abs.storeBE(tmp)
	copy(buf[len(buf)-(len(tmp)-start):], tmp[start:])
	return buf
}

// putBytes writes x big-endian at the end of buf (len(buf) is at least
// len(x)*wordBytes) and returns the index of the first nonzero byte.
func (x nat) storeBE(buf []byte) int {
	i := len(buf)
	for _, w := range x {
		for b := 0; b < wordBytes; b++ {
			i--
			buf[i] = byte(w)
			w >>= 8
		}
	}
	for i < len(buf) && buf[i] == 0 {
		i++
	}
	return i
}

// SetBytes interprets buf as a big-endian unsigned integer, sets z to it
// and returns z.
func (z *Int) SetBytes(buf []byte) *Int {
	n := (len(buf) + wordBytes - 1) / wordBytes
	z.abs = z.abs.sized(n)
	for i := range z.abs {
		var w Word
		end := len(buf) - i*wordBytes
		start := max(end-wordBytes, 0)
		for _, c := range buf[start:end] {
			w = w<<8 | Word(c)
		}
		z.abs[i] = w
	}
	z.abs = z.abs.trimmed()
	z.neg = false
	return z
}

// BitLen returns the length of |x| in bits (0 for 0).
func (x *Int) BitLen() int {
	return x.abs.nbits()
}

// TrailingZeroBits returns the number of consecutive zero bits at the
// bottom of |x|.
func (x *Int) TrailingZeroBits() uint {
	return x.abs.lowZeros()
}

// Exp sets z = x**y mod |m| and returns z. With m nil or zero, z = x**y
// (1 for y <= 0). With m nonzero and y negative, x must be invertible
// mod m: z is set to the inverse raised to -y, or left alone with nil
// returned when there is no inverse.
func (z *Int) Exp(x, y, m *Int) *Int {
	return z.power(x, y, m)
}

func (z *Int) power(x, y, m *Int) *Int {
	base := x
	var mod nat
	if m != nil {
		mod = m.abs
	}
	if y.neg {
		if len(mod) == 0 {
			return z.SetInt64(1)
		}
		inv := new(Int).ModInverse(x, m)
		if inv == nil {
			return nil
		}
		base = inv
	}
	// the sign follows x even when its inverse is used, as Go's does
	neg := x.neg && len(y.abs) > 0 && y.abs[0]&1 == 1
	if sameArray(z.abs, mod) {
		mod = nat(nil).assign(mod)
	}
	z.abs = z.abs.powMod(base.abs, y.abs, mod)
	z.neg = neg && len(z.abs) > 0
	if z.neg && len(mod) > 0 {
		z.abs = z.abs.minus(mod, z.abs)
		z.neg = false
	}
	return z
}

// GCD sets z to the greatest common divisor of a and b (always >= 0) and
// returns z. If x or y is not nil it receives a Bézout coefficient, so
// that z = a*x + b*y. For a = b = 0 all are 0; for a = 0 alone, z = |b|,
// x = 0, y = sign(b); symmetrically for b = 0.
func (z *Int) GCD(x, y, a, b *Int) *Int {
	if len(a.abs) == 0 || len(b.abs) == 0 {
		la, lb := len(a.abs), len(b.abs)
		aneg, bneg := a.neg, b.neg
		if la == 0 {
			z.Set(b)
		} else {
			z.Set(a)
		}
		z.neg = false
		if x != nil {
			if la == 0 {
				x.SetUint64(0)
			} else {
				x.SetUint64(1)
				x.neg = aneg
			}
		}
		if y != nil {
			if lb == 0 {
				y.SetUint64(0)
			} else {
				y.SetUint64(1)
				y.neg = bneg
			}
		}
		return z
	}
	if x == nil && y == nil {
		z.abs = z.abs.assign(natGCD(a.abs, b.abs))
		z.neg = false
		return z
	}
	aneg := a.neg
	// extended Euclid on the magnitudes, tracking the coefficient of |a|
	// in the larger-first pair
	bigger := new(Int).Abs(a)
	smaller := new(Int).Abs(b)
	ca, cb := new(Int).SetInt64(1), new(Int)
	if bigger.abs.compare(smaller.abs) < 0 {
		bigger, smaller = smaller, bigger
		ca, cb = cb, ca
	}
	q, r, t := new(Int), new(Int), new(Int)
	for len(smaller.abs) > 0 {
		q.QuoRem(bigger, smaller, r)
		bigger, smaller, r = smaller, r, bigger
		t.Mul(q, cb)
		t.Sub(ca, t)
		ca, cb, t = cb, t, ca
	}
	// bigger is the gcd, ca its coefficient of |a|
	var other *Int
	if y != nil {
		// y = (g - a*xa) / b
		xa := new(Int).Set(ca)
		if aneg {
			xa.neg = len(xa.abs) > 0 && !xa.neg
		}
		other = new(Int).Mul(a, xa)
		other.Sub(bigger, other)
		other.Quo(other, b)
	}
	if x != nil {
		x.Set(ca)
		if aneg {
			// Go flips the sign even of a zero coefficient, which then
			// prints as "-0"
			x.neg = !x.neg
		}
	}
	if y != nil {
		y.Set(other)
	}
	z.Set(bigger)
	return z
}

// ModInverse sets z to the multiplicative inverse of g in the ring of
// integers modulo n and returns z; if g and n are not coprime there is
// none, z is left unchanged and nil is returned. A negative n counts as
// |n|.
func (z *Int) ModInverse(g, n *Int) *Int {
	mod := new(Int).Abs(n)
	gv := g
	if g.neg {
		gv = new(Int).Mod(g, mod)
	}
	var d, x Int
	d.GCD(&x, nil, gv, mod)
	if d.Cmp(int1) != 0 {
		return nil
	}
	if x.neg {
		z.Add(&x, mod)
	} else {
		z.Set(&x)
	}
	return z
}

// Jacobi returns the Jacobi symbol (x/y), either +1, -1 or 0. y must be
// odd.
func Jacobi(x, y *Int) int {
	if len(y.abs) == 0 || y.abs[0]&1 == 0 {
		panic("big: invalid 2nd argument to Int.Jacobi: need odd integer but got " + y.String())
	}
	a := new(Int).Set(x)
	n := new(Int).Set(y)
	res := 1
	if n.neg {
		if a.neg {
			res = -1
		}
		n.neg = false
	}
	a.Mod(a, n)
	for {
		if len(n.abs) == 1 && n.abs[0] == 1 {
			return res
		}
		if len(a.abs) == 0 {
			return 0
		}
		tz := a.abs.lowZeros()
		if tz&1 == 1 {
			if r := n.abs[0] & 7; r == 3 || r == 5 {
				res = -res
			}
		}
		a.abs = a.abs.shiftRight(a.abs, tz)
		if n.abs[0]&3 == 3 && a.abs[0]&3 == 3 {
			res = -res
		}
		a, n = n, a
		a.Mod(a, n)
	}
}

// ModSqrt sets z to a square root of x mod p if there is one, and
// returns z; p must be an odd prime. If x is not a square mod p, z is
// left unchanged and nil is returned.
func (z *Int) ModSqrt(x, p *Int) *Int {
	switch Jacobi(x, p) {
	case -1:
		return nil
	case 0:
		return z.SetInt64(0)
	}
	a := new(Int).Mod(x, p)
	switch {
	case p.abs[0]%4 == 3:
		// a^((p+1)/4)
		e := new(Int).Add(p, int1)
		e.Rsh(e, 2)
		return z.Exp(a, e, p)
	case p.abs[0]%8 == 5:
		// Atkin: d = (2a)^((p-5)/8), i = 2a*d^2, root = a*d*(i-1)
		two := new(Int).Lsh(a, 1)
		e := new(Int).Rsh(p, 3)
		d := new(Int).Exp(two, e, p)
		i := new(Int).Mul(d, d)
		i.Mul(i, two)
		i.Mod(i, p)
		i.Sub(i, int1)
		r := new(Int).Mul(a, d)
		r.Mul(r, i)
		return z.Mod(r, p)
	}
	return z.rootTS(a, p)
}

// tonelliShanks finds a square root of the quadratic residue a mod p.
func (z *Int) rootTS(a, p *Int) *Int {
	// p-1 = q * 2^s with q odd
	q := new(Int).Sub(p, int1)
	s := q.abs.lowZeros()
	q.Rsh(q, s)
	// the least quadratic non-residue
	nr := new(Int).SetInt64(2)
	for Jacobi(nr, p) != -1 {
		nr.Add(nr, int1)
	}
	c := new(Int).Exp(nr, q, p)
	t := new(Int).Exp(a, q, p)
	r := new(Int).Add(q, int1)
	r.Rsh(r, 1)
	r.Exp(a, r, p)
	m := s
	sq := new(Int)
	for t.Cmp(int1) != 0 {
		// least i with t^(2^i) == 1
		i := uint(0)
		sq.Set(t)
		for sq.Cmp(int1) != 0 {
			sq.Mul(sq, sq).Mod(sq, p)
			i++
		}
		b := new(Int).Set(c)
		for k := uint(0); k < m-i-1; k++ {
			b.Mul(b, b).Mod(b, p)
		}
		m = i
		c.Mul(b, b).Mod(c, p)
		t.Mul(t, c).Mod(t, p)
		r.Mul(r, b).Mod(r, p)
	}
	return z.Set(r)
}

// Lsh sets z = x << n and returns z.
func (z *Int) Lsh(x *Int, n uint) *Int {
	z.abs = z.abs.shiftLeft(x.abs, n)
	z.neg = x.neg && len(z.abs) > 0
	return z
}

// Rsh sets z = x >> n (an arithmetic shift: negative values round toward
// minus infinity) and returns z.
func (z *Int) Rsh(x *Int, n uint) *Int {
	if x.neg {
		// -((|x|-1) >> n) - 1
		t := nat(nil).minus(x.abs, nat1)
		t = t.shiftRight(t, n)
		z.abs = z.abs.plus(t, nat1)
		z.neg = true
		return z
	}
	z.abs = z.abs.shiftRight(x.abs, n)
	z.neg = false
	return z
}

// Bit returns bit i of x in two's complement form (for negative x, as
// if sign-extended infinitely). It panics for negative i.
func (x *Int) Bit(i int) uint {
	if i == 0 {
		if len(x.abs) > 0 {
			return uint(x.abs[0] & 1)
		}
		return 0
	}
	if i < 0 {
		panic("negative bit index")
	}
	if x.neg {
		t := nat(nil).minus(x.abs, nat1)
		return t.bitAt(uint(i)) ^ 1
	}
	return x.abs.bitAt(uint(i))
}

// SetBit sets z to x with bit i set to b (0 or 1), in two's complement,
// and returns z.
func (z *Int) SetBit(x *Int, i int, b uint) *Int {
	if i < 0 {
		panic("negative bit index")
	}
	if x.neg {
		t := nat(nil).minus(x.abs, nat1)
		t = t.withBit(t, uint(i), b^1)
		z.abs = z.abs.plus(t, nat1)
		z.neg = len(z.abs) > 0
		return z
	}
	z.abs = z.abs.withBit(x.abs, uint(i), b)
	z.neg = false
	return z
}

// The bitwise operations treat their operands as two's complement
// numbers sign-extended without end: with m = |v|-1 for a negative v,
// v's bits are ^m.

// And sets z = x & y and returns z.
func (z *Int) And(x, y *Int) *Int {
	if x.neg == y.neg {
		if x.neg {
			// ^a & ^b = ^(a | b)
			a := nat(nil).minus(x.abs, nat1)
			b := nat(nil).minus(y.abs, nat1)
			z.abs = z.abs.plus(z.abs.orN(a, b), nat1)
			z.neg = true
			return z
		}
		z.abs = z.abs.andN(x.abs, y.abs)
		z.neg = false
		return z
	}
	if x.neg {
		x, y = y, x
	}
	// x >= 0, y < 0: x & ^b = x &^ b
	b := nat(nil).minus(y.abs, nat1)
	z.abs = z.abs.andNotN(x.abs, b)
	z.neg = false
	return z
}

// AndNot sets z = x &^ y and returns z.
func (z *Int) AndNot(x, y *Int) *Int {
	switch {
	case !x.neg && !y.neg:
		z.abs = z.abs.andNotN(x.abs, y.abs)
		z.neg = false
	case x.neg && y.neg:
		// ^a &^ ^b = b &^ a
		a := nat(nil).minus(x.abs, nat1)
		b := nat(nil).minus(y.abs, nat1)
		z.abs = z.abs.andNotN(b, a)
		z.neg = false
	case x.neg:
		// ^a &^ y = ^(a | y)
		a := nat(nil).minus(x.abs, nat1)
		z.abs = z.abs.plus(z.abs.orN(a, y.abs), nat1)
		z.neg = true
	default:
		// x &^ ^b = x & b
		b := nat(nil).minus(y.abs, nat1)
		z.abs = z.abs.andN(x.abs, b)
		z.neg = false
	}
	return z
}

// Or sets z = x | y and returns z.
func (z *Int) Or(x, y *Int) *Int {
	if x.neg == y.neg {
		if x.neg {
			// ^a | ^b = ^(a & b)
			a := nat(nil).minus(x.abs, nat1)
			b := nat(nil).minus(y.abs, nat1)
			z.abs = z.abs.plus(z.abs.andN(a, b), nat1)
			z.neg = true
			return z
		}
		z.abs = z.abs.orN(x.abs, y.abs)
		z.neg = false
		return z
	}
	if x.neg {
		x, y = y, x
	}
	// x >= 0, y < 0: x | ^b = ^(b &^ x)
	b := nat(nil).minus(y.abs, nat1)
	z.abs = z.abs.plus(z.abs.andNotN(b, x.abs), nat1)
	z.neg = true
	return z
}

// Xor sets z = x ^ y and returns z.
func (z *Int) Xor(x, y *Int) *Int {
	if x.neg == y.neg {
		if x.neg {
			// ^a ^ ^b = a ^ b
			a := nat(nil).minus(x.abs, nat1)
			b := nat(nil).minus(y.abs, nat1)
			z.abs = z.abs.xorN(a, b)
			z.neg = false
			return z
		}
		z.abs = z.abs.xorN(x.abs, y.abs)
		z.neg = false
		return z
	}
	if x.neg {
		x, y = y, x
	}
	// x ^ ^b = ^(x ^ b)
	b := nat(nil).minus(y.abs, nat1)
	z.abs = z.abs.plus(z.abs.xorN(x.abs, b), nat1)
	z.neg = true
	return z
}

// Not sets z = ^x and returns z.
func (z *Int) Not(x *Int) *Int {
	if x.neg {
		// ^(-a) = a - 1
		z.abs = z.abs.minus(x.abs, nat1)
		z.neg = false
		return z
	}
	// ^a = -(a + 1)
	z.abs = z.abs.plus(x.abs, nat1)
	z.neg = true
	return z
}

// Sqrt sets z to floor(sqrt(x)) and returns z; it panics for negative x.
func (z *Int) Sqrt(x *Int) *Int {
	if x.neg {
		panic("square root of negative number")
	}
	z.neg = false
	z.abs = z.abs.isqrt(x.abs)
	return z
}

// Rand sets z to a value drawn uniformly from [0, n) using rnd and
// returns z (0 when n <= 0).
func (z *Int) Rand(rnd *rand.Rand, n *Int) *Int {
	if n.neg || len(n.abs) == 0 {
		z.neg = false
		z.abs = nil
		return z
	}
	z.neg = false
	z.abs = z.abs.randBelow(rnd, n.abs, n.abs.nbits())
	return z
}

// random returns a uniform value below limit (which has n bits), drawing
// whole words from rnd and rejecting values that are too large.
func (z nat) randBelow(rnd *rand.Rand, limit nat, n int) nat {
	if sameArray(z, limit) {
		z = nil
	}
	z = z.sized(len(limit))
	topBits := uint(n % wordBits)
	if topBits == 0 {
		topBits = wordBits
	}
	mask := Word((1 << topBits) - 1)
	for {
		for i := range z {
			z[i] = Word(rnd.Uint32()) | Word(rnd.Uint32())<<32
		}
		z[len(z)-1] &= mask
		if z.compare(limit) < 0 {
			break
		}
	}
	return z.trimmed()
}
