package big

import (
	"math"
)

// Exponent and precision limits of a Float.
const (
	MaxExp  = math.MaxInt32  // largest exponent
	MinExp  = math.MinInt32  // smallest exponent
	MaxPrec = math.MaxUint32 // largest precision (in practice bounded by memory)
)

// ErrNaN is the panic value of a Float operation whose IEEE 754 result
// would be a NaN. It implements the error interface.
type ErrNaN struct {
	msg string
}

func (err ErrNaN) Error() string {
	return err.msg
}

// floatKind tells the three shapes of a Float apart (its form field);
// the values are those Go gives them, which show in %v of a Float value
// and in the gob encoding.
type floatKind byte

const (
	kindZero floatKind = iota
	kindFinite
	kindInf
)

// A Float is a binary floating-point number of arbitrary precision:
// sign × 0.mant × 2**exp for finite values, or ±0, or ±Inf. The zero
// value is +0 with precision 0 and mode ToNearestEven.
//
// rgo layout: for a finite value mant holds the mantissa bits left
// justified (the top bit of the top word is set), possibly followed by
// zero words; exp is the exponent of that fraction in [0.5, 1). After an
// operation a mantissa holds at most ceil(prec/wordBits) words and no
// bits below prec. Every Float owns its mantissa storage.
type Float struct {
	prec uint32
	mode RoundingMode
	acc  Accuracy
	form floatKind
	neg  bool
	mant nat
	exp  int32
}

// NewFloat returns a new Float set to x with precision 53 and mode
// ToNearestEven; it panics with ErrNaN if x is a NaN.
func NewFloat(x float64) *Float {
	if math.IsNaN(x) {
		panic(ErrNaN{"NewFloat(NaN)"})
	}
	z := new(Float)
	return z.SetFloat64(x)
}

// accOf is the accuracy of a result that lies above (or below) the
// exact value.
func accOf(above bool) Accuracy {
	if above {
		return Above
	}
	return Below
}

// SetPrec sets z's precision to prec and returns z, rounding z if the
// precision shrinks. A precision of 0 turns a finite value into a zero of
// the same sign; prec above MaxPrec is clamped.
func (z *Float) SetPrec(prec uint) *Float {
	z.acc = Exact
	if prec == 0 {
		z.prec = 0
		if z.form == kindFinite {
			z.form = kindZero
			z.acc = accOf(z.neg)
		}
		return z
	}
	if prec > MaxPrec {
		prec = MaxPrec
	}
	before := z.prec
	z.prec = uint32(prec)
	if z.prec < before {
		z.roundMant(false)
	}
	return z
}

// SetMode sets z's rounding mode and returns z; z's value is unchanged
// and its accuracy becomes Exact.
func (z *Float) SetMode(mode RoundingMode) *Float {
	z.mode = mode
	z.acc = Exact
	return z
}

// Prec returns x's mantissa precision in bits.
func (x *Float) Prec() uint {
	return uint(x.prec)
}

// MinPrec returns the least precision that represents x exactly (0 for
// ±0 and ±Inf).
func (x *Float) MinPrec() uint {
	if x.form != kindFinite {
		return 0
	}
	return uint(len(x.mant))*wordBits - x.mant.lowZeros()
}

// Mode returns x's rounding mode.
func (x *Float) Mode() RoundingMode {
	return x.mode
}

// Acc returns the accuracy of the operation that produced x.
func (x *Float) Acc() Accuracy {
	return x.acc
}

// Sign returns -1, 0 or +1 as x < 0, x is ±0, or x > 0.
func (x *Float) Sign() int {
	switch {
	case x.form == kindZero:
		return 0
	case x.neg:
		return -1
	}
	return 1
}

// MantExp splits x into mantissa and exponent: it returns exp such that
// x = mant × 2**exp with 0.5 <= |mant| < 1 (exp is 0 for ±0 and ±Inf)
// and, if mant is not nil, sets mant to that mantissa with x's
// precision and rounding mode.
func (x *Float) MantExp(mant *Float) (exp int) {
	if x.form == kindFinite {
		exp = int(x.exp)
	}
	if mant != nil {
		mant.Copy(x)
		if mant.form == kindFinite {
			mant.exp = 0
		}
	}
	return
}

// SetMantExp sets z to mant × 2**exp and returns z, with mant's
// precision and rounding mode.
func (z *Float) SetMantExp(mant *Float, exp int) *Float {
	z.Copy(mant)
	if z.form == kindFinite {
		z.setExpRound(int64(z.exp)+int64(exp), false)
	}
	return z
}

// Signbit reports whether x has its sign bit set (x < 0 or x is -0).
func (x *Float) Signbit() bool {
	return x.neg
}

// IsInf reports whether x is an infinity of either sign.
func (x *Float) IsInf() bool {
	return x.form == kindInf
}

// IsInt reports whether x is an integer; ±Inf are not.
func (x *Float) IsInt() bool {
	if x.form != kindFinite {
		return x.form == kindZero
	}
	if x.exp <= 0 {
		return false
	}
	return uint(x.prec) <= uint(x.exp) || x.MinPrec() <= uint(x.exp)
}

// setExpRound gives the finite z (whose mantissa is normalised) the
// exponent e and rounds it; e out of range makes z a zero or an Inf.
func (z *Float) setExpRound(e int64, more bool) {
	if e < MinExp {
		z.form = kindZero
		z.acc = accOf(z.neg)
		return
	}
	if e > MaxExp {
		z.form = kindInf
		z.acc = accOf(!z.neg)
		return
	}
	z.form = kindFinite
	z.exp = int32(e)
	z.roundMant(more)
}

// roundMant rounds z's mantissa to z.prec bits in z's mode and sets
// z.acc. more reports nonzero bits of the exact value below the
// mantissa's last word; it may only be set when the mantissa is longer
// than z.prec bits.
func (z *Float) roundMant(more bool) {
	z.acc = Exact
	if z.form != kindFinite {
		return
	}
	total := uint64(len(z.mant)) * wordBits
	prec := uint64(z.prec)
	if total <= prec {
		return
	}
	keep := int((prec + wordBits - 1) / wordBits)
	cut := total - prec // number of bits that go, >= 1
	half := z.mant.bitAt(uint(cut-1)) != 0
	rest := more || z.mant.anyBelow(uint(cut-1))
	if drop := len(z.mant) - keep; drop > 0 {
		copy(z.mant, z.mant[drop:])
		z.mant = z.mant[:keep]
	}
	unit := Word(1) << (uint64(keep)*wordBits - prec)
	z.mant[0] &^= unit - 1
	if !half && !rest {
		return
	}
	var up bool
	switch z.mode {
	case ToNearestEven:
		up = half && (rest || z.mant[0]&unit != 0)
	case ToNearestAway:
		up = half
	case AwayFromZero:
		up = true
	case ToNegativeInf:
		up = z.neg
	case ToPositiveInf:
		up = !z.neg
	}
	z.acc = accOf(up != z.neg)
	if up && addVW(z.mant, z.mant, unit) != 0 {
		// all kept bits were ones: the value became a power of two
		if z.exp == MaxExp {
			z.form = kindInf
			return
		}
		z.exp++
		z.mant[len(z.mant)-1] = 1 << (wordBits - 1)
	}
}

// setMag sets the magnitude of z to m × 2**e (m != 0), rounded; more
// reports that the exact magnitude is a little above that. m becomes z's
// mantissa storage and must not be shared.
func (z *Float) setMag(m nat, e int64, more bool) {
	nb := m.nbits()
	if s := uint(len(m)*wordBits - nb); s > 0 {
		shlVU(m, m, s)
	}
	z.mant = m
	z.form = kindFinite
	z.setExpRound(e+int64(nb), more)
}

// lsbExp is the exponent of the lowest bit of x's mantissa words.
func (x *Float) lsbExp() int64 {
	return int64(x.exp) - int64(len(x.mant))*wordBits
}

// SetUint64 sets z to x (rounded to z's precision, 64 if it is 0) and
// returns z.
func (z *Float) SetUint64(x uint64) *Float {
	return z.setU64(x, false)
}

// SetInt64 sets z to x (rounded to z's precision, 64 if it is 0) and
// returns z.
func (z *Float) SetInt64(x int64) *Float {
	u := uint64(x)
	if x < 0 {
		u = -u
	}
	return z.setU64(u, x < 0)
}

// setU64 sets z to ±u.
func (z *Float) setU64(u uint64, neg bool) *Float {
	if z.prec == 0 {
		z.prec = 64
	}
	z.acc = Exact
	z.neg = neg
	if u == 0 {
		z.form = kindZero
		return z
	}
	z.setMag(z.mant.fromU64(u), 0, false)
	return z
}

// SetFloat64 sets z to x (rounded to z's precision, 53 if it is 0) and
// returns z; it panics with ErrNaN if x is a NaN.
func (z *Float) SetFloat64(x float64) *Float {
	if z.prec == 0 {
		z.prec = 53
	}
	if math.IsNaN(x) {
		panic(ErrNaN{"Float.SetFloat64(NaN)"})
	}
	z.acc = Exact
	b := math.Float64bits(x)
	z.neg = b>>63 == 1
	switch {
	case x == 0:
		z.form = kindZero
		return z
	case x > math.MaxFloat64 || x < -math.MaxFloat64:
		z.form = kindInf
		return z
	}
	frac := b & (1<<52 - 1)
	e := int64(b>>52) & 0x7ff
	if e == 0 {
		e = -1074
	} else {
		frac |= 1 << 52
		e -= 1075
	}
	z.setMag(z.mant.fromU64(frac), e, false)
	return z
}

// SetInt sets z to x and returns z; a precision of 0 becomes the larger
// of x.BitLen() and 64.
func (z *Float) SetInt(x *Int) *Float {
	n := uint32(x.abs.nbits())
	if z.prec == 0 {
		z.prec = max(n, 64)
	}
	z.acc = Exact
	z.neg = x.neg
	if len(x.abs) == 0 {
		z.form = kindZero
		return z
	}
	z.setMag(nat(nil).assign(x.abs), 0, false)
	return z
}

// SetRat sets z to the rounded value of x and returns z; a precision of
// 0 becomes the largest of 64 and the bit lengths of x's numerator and
// denominator.
func (z *Float) SetRat(x *Rat) *Float {
	if x.IsInt() {
		return z.SetInt(x.Num())
	}
	num, den := x.a.abs, x.den1()
	if z.prec == 0 {
		z.prec = max(max(uint32(num.nbits()), uint32(den.nbits())), 64)
	}
	z.neg = x.a.neg
	z.quoMag(num, 0, den, 0)
	return z
}

// SetInf sets z to +Inf (signbit false) or -Inf and returns z.
func (z *Float) SetInf(signbit bool) *Float {
	z.acc = Exact
	z.form = kindInf
	z.neg = signbit
	return z
}

// Set sets z to x, rounded to z's precision (x's if z's is 0), and
// returns z.
func (z *Float) Set(x *Float) *Float {
	z.acc = Exact
	if z == x {
		return z
	}
	z.form = x.form
	z.neg = x.neg
	if x.form == kindFinite {
		z.exp = x.exp
		z.mant = z.mant.assign(x.mant)
	}
	if z.prec == 0 {
		z.prec = x.prec
	} else if z.prec < x.prec {
		z.roundMant(false)
	}
	return z
}

// Copy sets z to x exactly, with x's precision, mode and accuracy, and
// returns z.
func (z *Float) Copy(x *Float) *Float {
	if z == x {
		return z
	}
	z.prec, z.mode, z.acc = x.prec, x.mode, x.acc
	z.form = x.form
	z.neg = x.neg
	if x.form == kindFinite {
		z.mant = z.mant.assign(x.mant)
		z.exp = x.exp
	}
	return z
}

// top64 is the top 64 bits of a normalised mantissa.
func (x nat) top64() uint64 {
	return uint64(x[len(x)-1])
}

// Uint64 returns x truncated toward zero to a uint64, clamped to
// [0, MaxUint64], and the accuracy of that result.
func (x *Float) Uint64() (uint64, Accuracy) {
	const top = 1<<64 - 1
	if x.form == kindZero {
		return 0, Exact
	}
	if x.neg {
		// -Inf and negative values clamp to 0
		return 0, Above
	}
	if x.form == kindInf || x.exp > 64 {
		return top, Below
	}
	if x.exp <= 0 {
		return 0, Below
	}
	acc := Below
	// as in Go, a value with at most 64 significant bits counts as exact
	// even when bits below the point were dropped
	if x.MinPrec() <= 64 {
		acc = Exact
	}
	return x.mant.top64() >> (64 - uint(x.exp)), acc
}

// Int64 returns x truncated toward zero to an int64, clamped to
// [MinInt64, MaxInt64], and the accuracy of that result.
func (x *Float) Int64() (int64, Accuracy) {
	const lowest, highest = -1 << 63, 1<<63 - 1
	switch {
	case x.form == kindZero:
		return 0, Exact
	case x.form == kindInf && x.neg:
		return lowest, Above
	case x.form == kindInf:
		return highest, Below
	}
	cut := accOf(x.neg) // truncation moves toward zero
	switch {
	case x.exp <= 0:
		return 0, cut
	case x.exp >= 64:
		if !x.neg {
			return highest, Below
		}
		if x.exp == 64 && x.MinPrec() == 1 {
			// exactly -2**63
			return lowest, Exact
		}
		return lowest, cut
	}
	mag := int64(x.mant.top64() >> (64 - uint(x.exp)))
	if x.neg {
		mag = -mag
	}
	if uint(x.exp) >= x.MinPrec() {
		cut = Exact
	}
	return mag, cut
}

// toIEEE rounds finite x to nearest even for a binary format with mbits
// stored mantissa bits and normal exponents emin..emax (of a mantissa in
// [1, 2)), returning its sign-less bit pattern (inf set for an overflow)
// and the accuracy of the rounded magnitude times x's sign.
func (x *Float) toIEEE(mbits int, emin, emax int64) (bits uint64, inf bool, acc Accuracy) {
	// as in Go the exponent is decremented in 32 bits: for MinExp it
	// wraps around and the result overflows
	e := int64(x.exp - 1)
	p := int64(mbits) + 1
	if e < emin {
		p = int64(mbits) + 1 - emin + e
		if p < 0 || p == 0 && !x.mant.anyBelow(uint(len(x.mant))*wordBits-1) {
			// at most half the smallest subnormal: rounds to zero
			return 0, false, accOf(x.neg)
		}
		if p == 0 {
			return 1, false, accOf(!x.neg)
		}
	}
	var r Float
	r.prec = uint32(p)
	r.neg = x.neg
	r.Set(x)
	e = int64(r.exp - 1)
	if r.form == kindInf || e > emax {
		return 0, true, accOf(!x.neg)
	}
	top := r.mant.top64()
	if e < emin {
		p = int64(mbits) + 1 - emin + e
		return top >> uint(64-p), false, r.acc
	}
	m := top >> uint(64-mbits-1) & (1<<uint(mbits) - 1)
	return uint64(e-emin+1)<<uint(mbits) | m, false, r.acc
}

// Float64 returns the float64 nearest x (halves to even; ±Inf when x is
// too large) and the accuracy of that result.
func (x *Float) Float64() (float64, Accuracy) {
	sign := 1
	if x.neg {
		sign = -1
	}
	switch x.form {
	case kindZero:
		return math.Copysign(0, float64(sign)), Exact
	case kindInf:
		return math.Inf(sign), Exact
	}
	bits, inf, acc := x.toIEEE(52, -1022, 1023)
	var f float64
	if inf {
		f = math.Inf(1)
	} else {
		f = math.Float64frombits(bits)
	}
	if x.neg {
		f = -f
	}
	return f, acc
}

// Float32 returns the float32 nearest x (halves to even; ±Inf when x is
// too large) and the accuracy of that result.
func (x *Float) Float32() (float32, Accuracy) {
	sign := 1
	if x.neg {
		sign = -1
	}
	switch x.form {
	case kindZero:
		return float32(math.Copysign(0, float64(sign))), Exact
	case kindInf:
		return float32(math.Inf(sign)), Exact
	}
	bits, inf, acc := x.toIEEE(23, -126, 127)
	var f float32
	if inf {
		f = float32(math.Inf(1))
	} else {
		f = math.Float32frombits(uint32(bits))
	}
	if x.neg {
		f = -f
	}
	return f, acc
}

// Int returns x truncated toward zero, stored in z (a new Int if z is
// nil), and the accuracy of that result; for ±Inf it returns nil.
func (x *Float) Int(z *Int) (*Int, Accuracy) {
	if z == nil && x.form != kindInf {
		z = new(Int)
	}
	if x.form == kindInf {
		return nil, accOf(x.neg)
	}
	acc := Exact
	if x.form == kindFinite {
		acc = accOf(x.neg)
	}
	if x.form == kindZero || x.exp <= 0 {
		z.abs, z.neg = z.abs[:0], false
		return z, acc
	}
	e := uint(x.exp)
	if x.MinPrec() <= e {
		acc = Exact
	}
	z.abs = z.abs.mantTo(x.mant, e)
	z.neg = x.neg
	return z, acc
}

// mantTo sets z to the integer of the top bits bits of the mantissa m
// (len(m) words, the binary point at its top): m shifted so that its
// top bit is bit bits-1.
func (z nat) mantTo(m nat, bits uint) nat {
	have := uint(len(m)) * wordBits
	switch {
	case bits > have:
		return z.shiftLeft(m, bits-have)
	case bits < have:
		return z.shiftRight(m, have-bits)
	}
	return z.assign(m)
}

// Rat returns x as an exact fraction, stored in z (a new Rat if z is
// nil), and Exact; for ±Inf it returns nil and Below or Above.
func (x *Float) Rat(z *Rat) (*Rat, Accuracy) {
	if z == nil && x.form != kindInf {
		z = new(Rat)
	}
	if x.form == kindInf {
		return nil, accOf(x.neg)
	}
	if x.form == kindZero {
		z.a.abs, z.a.neg = z.a.abs[:0], false
		z.b.abs = nil
		return z, Exact
	}
	have := int64(len(x.mant)) * wordBits
	e := int64(x.exp)
	z.a.neg = x.neg
	switch {
	case e > have:
		z.a.abs = z.a.abs.shiftLeft(x.mant, uint(e-have))
		z.b.abs = nil
	case e < have:
		z.a.abs = z.a.abs.assign(x.mant)
		z.b.abs = z.b.abs.fromWord(1)
		z.b.abs = z.b.abs.shiftLeft(z.b.abs, uint(have-e))
		z.lowestTerms()
	default:
		z.a.abs = z.a.abs.assign(x.mant)
		z.b.abs = nil
	}
	return z, Exact
}

// Abs sets z to |x| (rounded) and returns z.
func (z *Float) Abs(x *Float) *Float {
	z.Set(x)
	z.neg = false
	return z
}

// Neg sets z to -x (rounded) and returns z.
func (z *Float) Neg(x *Float) *Float {
	z.Set(x)
	z.neg = !z.neg
	return z
}

// magCmp compares |x| and |y| of two finite values.
func (x *Float) magCmp(y *Float) int {
	if x.exp != y.exp {
		if x.exp < y.exp {
			return -1
		}
		return 1
	}
	i, j := len(x.mant), len(y.mant)
	for i > 0 || j > 0 {
		var a, b Word
		if i > 0 {
			i--
			a = x.mant[i]
		}
		if j > 0 {
			j--
			b = y.mant[j]
		}
		if a != b {
			if a < b {
				return -1
			}
			return 1
		}
	}
	return 0
}

// rank orders the shapes: -2 for -Inf, -1 for a negative finite value,
// 0 for ±0, +1 and +2 for the positive ones.
func (x *Float) rank() int {
	r := 0
	switch x.form {
	case kindFinite:
		r = 1
	case kindInf:
		r = 2
	}
	if x.neg {
		r = -r
	}
	return r
}

// Cmp compares x and y: -1 if x < y, 0 if x == y (also -0 == +0 and
// equal infinities), +1 if x > y.
func (x *Float) Cmp(y *Float) int {
	rx, ry := x.rank(), y.rank()
	switch {
	case rx < ry:
		return -1
	case rx > ry:
		return 1
	case rx == 1:
		return x.magCmp(y)
	case rx == -1:
		return y.magCmp(x)
	}
	return 0
}

// aligned returns the mantissas of x and y as integers with a common
// lowest bit, in fresh memory, and the exponent of that bit.
func aligned(x, y *Float) (a, b nat, e int64) {
	ex, ey := x.lsbExp(), y.lsbExp()
	if ex >= ey {
		return nat(nil).shiftLeft(x.mant, uint(ex-ey)), nat(nil).assign(y.mant), ey
	}
	return nat(nil).assign(x.mant), nat(nil).shiftLeft(y.mant, uint(ey-ex)), ex
}

// Add sets z to the rounded sum x+y and returns z; a precision of 0
// becomes the larger of x's and y's. It panics with ErrNaN for the sum
// of infinities of opposite signs.
func (z *Float) Add(x, y *Float) *Float {
	return z.addSub(x, y, false, "addition of infinities with opposite signs")
}

// Sub sets z to the rounded difference x-y and returns z; a precision of
// 0 becomes the larger of x's and y's. It panics with ErrNaN for the
// difference of infinities of equal signs.
func (z *Float) Sub(x, y *Float) *Float {
	return z.addSub(x, y, true, "subtraction of infinities with equal signs")
}

// precOf gives z of precision 0 the larger precision of x and y.
func (z *Float) precOf(x, y *Float) {
	if z.prec == 0 {
		z.prec = max(x.prec, y.prec)
	}
}

func (z *Float) addSub(x, y *Float, sub bool, nanMsg string) *Float {
	z.precOf(x, y)
	yneg := y.neg != sub
	if x.form == kindFinite && y.form == kindFinite {
		xneg := x.neg
		a, b, e := aligned(x, y)
		if xneg == yneg {
			z.neg = xneg
			z.setMag(a.plus(a, b), e, false)
			return z
		}
		switch a.compare(b) {
		case 1:
			z.neg = xneg
			z.setMag(a.minus(a, b), e, false)
		case -1:
			z.neg = yneg
			z.setMag(b.minus(b, a), e, false)
		default:
			// exact cancellation: +0, or -0 when rounding down
			z.acc = Exact
			z.form = kindZero
			z.neg = z.mode == ToNegativeInf
		}
		return z
	}
	if x.form == kindInf && y.form == kindInf && x.neg != yneg {
		z.acc = Exact
		z.form = kindZero
		z.neg = false
		panic(ErrNaN{nanMsg})
	}
	if x.form == kindZero && y.form == kindZero {
		z.acc = Exact
		z.form = kindZero
		z.neg = x.neg && yneg
		return z
	}
	if x.form == kindInf || y.form == kindZero {
		return z.Set(x)
	}
	z.Set(y)
	z.neg = yneg
	return z
}

// Mul sets z to the rounded product x*y and returns z; a precision of 0
// becomes the larger of x's and y's. It panics with ErrNaN for the
// product of a zero and an infinity.
func (z *Float) Mul(x, y *Float) *Float {
	z.precOf(x, y)
	sign := x.neg != y.neg
	if x.form == kindFinite && y.form == kindFinite {
		e := x.lsbExp() + y.lsbExp()
		m := nat(nil).times(x.mant, y.mant)
		z.neg = sign
		z.setMag(m, e, false)
		return z
	}
	z.neg = sign
	z.acc = Exact
	if x.form == kindZero && y.form == kindInf || x.form == kindInf && y.form == kindZero {
		z.form = kindZero
		z.neg = false
		panic(ErrNaN{"multiplication of zero with infinity"})
	}
	if x.form == kindInf || y.form == kindInf {
		z.form = kindInf
	} else {
		z.form = kindZero
	}
	return z
}

// Quo sets z to the rounded quotient x/y and returns z; a precision of 0
// becomes the larger of x's and y's. It panics with ErrNaN for 0/0 and
// Inf/Inf.
func (z *Float) Quo(x, y *Float) *Float {
	z.precOf(x, y)
	sign := x.neg != y.neg
	if x.form == kindFinite && y.form == kindFinite {
		z.neg = sign
		z.quoMag(x.mant, x.lsbExp(), y.mant, y.lsbExp())
		return z
	}
	z.neg = sign
	z.acc = Exact
	if x.form == y.form {
		z.form = kindZero
		z.neg = false
		panic(ErrNaN{"division of zero by zero or infinity by infinity"})
	}
	if x.form == kindZero || y.form == kindInf {
		z.form = kindZero
	} else {
		z.form = kindInf
	}
	return z
}

// quoMag sets z's magnitude to (a × 2**ea) / (b × 2**eb), correctly
// rounded to z's precision; a and b are nonzero and are not modified.
func (z *Float) quoMag(a nat, ea int64, b nat, eb int64) {
	// scale a so that the quotient has at least prec+2 bits
	k := int64(z.prec) + 3 + int64(b.nbits()) - int64(a.nbits())
	num := a
	if k > 0 {
		num = nat(nil).shiftLeft(a, uint(k))
	} else {
		k = 0
	}
	var r nat
	q, r := nat(nil).quoRem(r, num, b)
	z.setMag(q, ea-eb-k, len(r) > 0)
}
