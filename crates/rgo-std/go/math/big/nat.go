package big

import "math/bits"

// nat is an unsigned multi-precision integer: its words in little-endian
// order, normalised so that the top word is never zero (zero is the empty
// slice). Operations have the form z = z.op(x, y): the result reuses z's
// storage when it is large enough and is returned; operands may share
// storage with z unless an operation says otherwise.
type nat []Word

var (
	nat1  = nat{1}
	nat2  = nat{2}
	nat5 = nat{5}
	nat10  = nat{10}
)

// norm drops zero words from the top of z.
func (z nat) trimmed() nat {
	n := len(z)
	for n > 0 && z[n-1] == 0 {
		n--
	}
	return z[0:n]
}

// grow returns z with length n, reusing its storage when possible. The
// contents are unspecified: callers overwrite every word.
func (z nat) sized(n int) nat {
	if n <= cap(z) {
		return z[:n]
	}
	if n == 1 {
		return make(nat, 1)
	}
	// a little slack lets a growing value avoid reallocation
	return make(nat, n, n+4)
}

// extend returns z with length n >= len(z), keeping its words and
// zeroing the new ones.
func (z nat) widened(n int) nat {
	m := len(z)
	if n <= cap(z) {
		z = z[:n]
		clear(z[m:])
		return z
	}
	t := make(nat, n, n+4)
	copy(t, z)
	return t
}

// sameArray reports whether x and y are slices of one backing array.
func sameArray(x, y nat) bool {
	if cap(x) == 0 || cap(y) == 0 {
		return false
	}
	xe := x[:cap(x)]
	ye := y[:cap(y)]
	return &xe[len(xe)-1] == &ye[len(ye)-1]
}

func (z nat) fromWord(w Word) nat {
	if w == 0 {
		return z[:0]
	}
	z = z.sized(1)
	z[0] = w
	return z
}

func (z nat) fromU64(v uint64) nat {
	return z.fromWord(Word(v))
}

func (z nat) assign(x nat) nat {
	z = z.sized(len(x))
	copy(z, x)
	return z
}

// low64 is the value of x's bottom word.
func (x nat) lowWord64() uint64 {
	if len(x) == 0 {
		return 0
	}
	return uint64(x[0])
}

// cmp returns -1, 0 or +1 as x <, ==, > y.
func (x nat) compare(y nat) int {
	if len(x) != len(y) {
		if len(x) < len(y) {
			return -1
		}
		return 1
	}
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func (z nat) plus(x, y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	long, short := len(x), len(y)
	if long == 0 {
		return z[:0]
	}
	if short == 0 {
		return z.assign(x)
	}
	z = z.sized(long + 1)
	carry := addVV(z[:short], x[:short], y)
	if long > short {
		carry = addVW(z[short:long], x[short:], carry)
	}
	z[long] = carry
	return z.trimmed()
}

// sub sets z = x - y; it panics when x < y.
func (z nat) minus(x, y nat) nat {
	long, short := len(x), len(y)
	if long < short {
		panic("underflow")
	}
	if long == 0 {
		return z[:0]
	}
	if short == 0 {
		return z.assign(x)
	}
	z = z.sized(long)
	borrow := subVV(z[:short], x[:short], y)
	if long > short {
		borrow = subVW(z[short:], x[short:], borrow)
	}
	if borrow != 0 {
		panic("underflow")
	}
	return z.trimmed()
}

// mulAddWW sets z = x*y + r.
func (z nat) mulAdd1(x nat, y, r Word) nat {
	if len(x) == 0 || y == 0 {
		return z.fromWord(r)
	}
	n := len(x)
	if sameArray(z, x) && &z[:1][0] != &x[0] {
		z = nil
	}
	z = z.sized(n + 1)
	z[n] = mulAddVWW(z[:n], x, y, r)
	return z.trimmed()
}

// karatsubaMin is the operand length (in words) from which mul splits
// its operands instead of multiplying word by word.
const karatsubaMin = 40

func (z nat) times(x, y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(y) == 0 {
		return z[:0]
	}
	if len(y) == 1 {
		return z.mulAdd1(x, y[0], 0)
	}
	if sameArray(z, x) || sameArray(z, y) {
		z = nil
	}
	if len(y) < karatsubaMin {
		z = z.sized(len(x) + len(y))
		mulVV(z, x, y)
		return z.trimmed()
	}
	return z.assign(karatsuba2(x, y))
}

func (z nat) square(x nat) nat { return z.times(x, x) }

// karatsuba2 returns x*y (len(x) >= len(y)) in fresh memory: Karatsuba's
// three half-size products for operands of similar length, slices of x
// the length of y otherwise.
func karatsuba2(x, y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	n := len(y)
	if n < karatsubaMin {
		p := make(nat, len(x)+n)
		if n > 0 {
			mulVV(p, x, y)
		}
		return p.trimmed()
	}
	if len(x) >= 2*n {
		p := make(nat, len(x)+n+1)
		for lo := 0; lo < len(x); lo += n {
			hi := min(lo+n, len(x))
			addInto(p, karatsuba2(x[lo:hi].trimmed(), y), lo)
		}
		return p.trimmed()
	}
	k := (len(x) + 1) / 2
	x0, x1 := x[:k].trimmed(), x[k:]
	y0, y1 := y[:k].trimmed(), y[k:].trimmed()
	lowProd := karatsuba2(x0, y0)
	highProd := karatsuba2(x1, y1)
	mid := karatsuba2(nat(nil).plus(x0, x1), nat(nil).plus(y0, y1))
	mid = mid.minus(mid, lowProd)
	mid = mid.minus(mid, highProd)
	p := make(nat, len(x)+len(y)+2)
	copy(p, lowProd)
	addInto(p, mid, k)
	addInto(p, highProd, 2*k)
	return p.trimmed()
}

// addInto adds x into z starting at word i; z must be long enough to hold
// the sum.
func addInto(z, x nat, i int) {
	n := len(x)
	if n == 0 {
		return
	}
	if c := addVV(z[i:i+n], z[i:i+n], x); c != 0 {
		if j := i + n; j < len(z) {
			addVW(z[j:], z[j:], c)
		}
	}
}

// divW sets z = x / y and returns the remainder too.
func (z nat) divWord(x nat, y Word) (q nat, r Word) {
	switch {
	case y == 0:
		panic("division by zero")
	case y == 1:
		return z.assign(x), 0
	case len(x) == 0:
		return z[:0], 0
	}
	if sameArray(z, x) && &z[:1][0] != &x[0] {
		z = nil
	}
	z = z.sized(len(x))
	r = divWVW(z, 0, x, y)
	return z.trimmed(), r
}

// modW returns x mod y.
func (x nat) remWord(y Word) Word {
	var q nat
	_, r := q.divWord(x, y)
	return r
}

// div sets z = u / v and z2 = u mod v, returning both (q, r); z and z2
// must not share storage.
func (z nat) quoRem(z2, u, v nat) (q, r nat) {
	if len(v) == 0 {
		panic("division by zero")
	}
	if u.compare(v) < 0 {
		if sameArray(z2, z) {
			z2 = nil
		}
		r = z2.assign(u)
		return z[:0], r
	}
	if len(v) == 1 {
		var rw Word
		q, rw = z.divWord(u, v[0])
		if sameArray(z2, q) {
			z2 = nil
		}
		return q, z2.fromWord(rw)
	}
	return z.longDiv(z2, u, v)
}

// divKnuth is long division by a divisor of two or more words: both
// operands are shifted so that the divisor's top bit is set, and the
// divBasicVV kernel (Knuth's algorithm D) does the rest.
func (z nat) longDiv(z2, u, v nat) (q, r nat) {
	n := len(v)
	m := len(u) - n
	shift := uint(bits.LeadingZeros(uint(v[n-1])))
	dv := make(nat, n)
	shlVU(dv, v, shift)
	if sameArray(z2, u) || sameArray(z2, v) {
		z2 = nil
	}
	rem := z2.sized(len(u) + 1)
	rem[len(u)] = shlVU(rem[:len(u)], u, shift)
	if sameArray(z, u) || sameArray(z, v) || sameArray(z, rem) {
		z = nil
	}
	q = z.sized(m + 1)
	divBasicVV(q, rem, dv)
	r = rem[:n]
	shrVU(r, r, shift)
	return q.trimmed(), r.trimmed()
}

// rem returns u mod v in fresh memory.
func (u nat) modulo(v nat) nat {
	var q, r nat
	_, r = q.quoRem(r, u, v)
	return r
}

func (z nat) shiftLeft(x nat, s uint) nat {
	if len(x) == 0 {
		return z[:0]
	}
	if s == 0 {
		return z.assign(x)
	}
	m := len(x)
	n := m + int(s/wordBits)
	if sameArray(z, x) && &z[:1][0] != &x[0] {
		z = nil
	}
	z = z.sized(n + 1)
	z[n] = shlVU(z[n-m:n], x, s%wordBits)
	clear(z[:n-m])
	return z.trimmed()
}

func (z nat) shiftRight(x nat, s uint) nat {
	m := len(x)
	drop := s / wordBits
	if uint(m) <= drop {
		return z[:0]
	}
	n := m - int(drop)
	if sameArray(z, x) && &z[:1][0] != &x[0] {
		z = nil
	}
	z = z.sized(n)
	shrVU(z, x[m-n:], s%wordBits)
	return z.trimmed()
}

func (x nat) nbits() int {
	if n := len(x); n > 0 {
		return (n-1)*wordBits + wordLen(x[n-1])
	}
	return 0
}

func (x nat) lowZeros() uint {
	for i, w := range x {
		if w != 0 {
			return uint(i)*wordBits + uint(bits.TrailingZeros(uint(w)))
		}
	}
	return 0
}

// bit returns bit i of x.
func (x nat) bitAt(i uint) uint {
	w := i / wordBits
	if w >= uint(len(x)) {
		return 0
	}
	return uint(x[w]>>(i%wordBits)) & 1
}

// setBit sets z = x with bit i set to b (0 or 1).
func (z nat) withBit(x nat, i uint, b uint) nat {
	w := int(i / wordBits)
	mask := Word(1) << (i % wordBits)
	z = z.assign(x)
	switch b {
	case 0:
		if w < len(z) {
			z[w] &^= mask
		}
		return z.trimmed()
	case 1:
		if w >= len(z) {
			z = z.widened(w + 1)
		}
		z[w] |= mask
		return z
	}
	panic("set bit is not 0 or 1")
}

// sticky reports whether any of the bottom i bits of x is set.
func (x nat) anyBelow(i uint) bool {
	w := i / wordBits
	for k := uint(0); k < w && k < uint(len(x)); k++ {
		if x[k] != 0 {
			return true
		}
	}
	if w < uint(len(x)) && x[w]&(Word(1)<<(i%wordBits)-1) != 0 {
		return true
	}
	return false
}

func (z nat) andN(x, y nat) nat {
	n := min(len(x), len(y))
	z = z.sized(n)
	for i := 0; i < n; i++ {
		z[i] = x[i] & y[i]
	}
	return z.trimmed()
}

// andNot sets z = x &^ y.
func (z nat) andNotN(x, y nat) nat {
	n := len(x)
	z = z.sized(n)
	for i := 0; i < n; i++ {
		v := x[i]
		if i < len(y) {
			v &^= y[i]
		}
		z[i] = v
	}
	return z.trimmed()
}

func (z nat) orN(x, y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	z = z.sized(len(x))
	for i := range x {
		v := x[i]
		if i < len(y) {
			v |= y[i]
		}
		z[i] = v
	}
	return z.trimmed()
}

func (z nat) xorN(x, y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	z = z.sized(len(x))
	for i := range x {
		v := x[i]
		if i < len(y) {
			v ^= y[i]
		}
		z[i] = v
	}
	return z.trimmed()
}

// sqrt sets z = floor(sqrt(x)) by Newton's iteration from above.
func (z nat) isqrt(x nat) nat {
	if x.compare(nat1) <= 0 {
		return z.assign(x)
	}
	var guess nat
	guess = guess.fromWord(1)
	guess = guess.shiftLeft(guess, uint(x.nbits()+1)/2)
	var next, scratch nat
	for {
		next, scratch = next.quoRem(scratch, x, guess)
		next = next.plus(next, guess)
		next = next.shiftRight(next, 1)
		if next.compare(guess) >= 0 {
			if sameArray(z, x) {
				z = nil
			}
			return z.assign(guess)
		}
		guess, next = next, guess
	}
}

// expNN sets z = x**y mod m; an empty m means no reduction.
func (z nat) powMod(x, y, m nat) nat {
	if len(m) == 1 && m[0] == 1 {
		return z[:0]
	}
	if len(y) == 0 {
		return z.fromWord(1)
	}
	if len(m) > 0 {
		x = x.modulo(m)
	}
	if len(x) == 0 {
		return z[:0]
	}
	if len(x) == 1 && x[0] == 1 {
		return z.fromWord(1)
	}
	acc := nat(nil).assign(x)
	var tmp, quo, rest nat
	reduce := func() {
		if len(m) > 0 {
			quo, rest = quo.quoRem(rest, acc, m)
			acc, rest = rest, acc
		}
	}
	for i := y.nbits() - 2; i >= 0; i-- {
		tmp = tmp.times(acc, acc)
		acc, tmp = tmp, acc
		reduce()
		if y.bitAt(uint(i)) != 0 {
			tmp = tmp.times(acc, x)
			acc, tmp = tmp, acc
			reduce()
		}
	}
	if sameArray(z, x) || sameArray(z, y) || sameArray(z, m) {
		z = nil
	}
	return z.assign(acc)
}

// mulRange returns the product of the integers a..b (1 when a > b).
func (z nat) rangeProduct(a, b uint64) nat {
	switch {
	case a > b:
		return z.fromWord(1)
	case a == 0:
		return z[:0]
	case a == b:
		return z.fromU64(a)
	case b-a < 8:
		z = z.fromU64(a)
		for v := a + 1; v <= b; v++ {
			z = z.mulAdd1(z, Word(v), 0)
		}
		return z
	}
	mid := a + (b-a)/2
	return z.times(nat(nil).rangeProduct(a, mid), nat(nil).rangeProduct(mid+1, b))
}

// natGCD returns gcd(a, b) of two non-negative values in fresh memory.
func natGCD(a, b nat) nat {
	x := nat(nil).assign(a)
	y := nat(nil).assign(b)
	var q, r nat
	for len(y) > 0 {
		q, r = q.quoRem(r, x, y)
		x, y, r = y, r, x
	}
	return x
}
