package big

import "math/rand"

// smallPrimeMask has bit p set for each prime p < 64.
const smallPrimeMask = 1<<2 | 1<<3 | 1<<5 | 1<<7 | 1<<11 | 1<<13 | 1<<17 | 1<<19 |
	1<<23 | 1<<29 | 1<<31 | 1<<37 | 1<<41 | 1<<43 | 1<<47 | 1<<53 | 1<<59 | 1<<61

// trialPrimes are the odd primes tried as divisors before the real tests.
var trialPrimes = [...]Word{3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53}

// ProbablyPrime reports whether x is probably prime: it applies the
// Miller-Rabin test with n pseudo-random bases and the Baillie-PSW test.
// A result of true for a composite x is possible only with probability
// below 1/4^n, and the answer is exact for x < 2^64. It panics if n < 0.
func (x *Int) ProbablyPrime(n int) bool {
	if n < 0 {
		panic("negative n for ProbablyPrime")
	}
	if x.neg || len(x.abs) == 0 {
		return false
	}
	v := x.abs
	if len(v) == 1 && v[0] < 64 {
		return smallPrimeMask&(uint64(1)<<v[0]) != 0
	}
	if v[0]&1 == 0 {
		return false
	}
	for _, p := range trialPrimes {
		if v.remWord(p) == 0 {
			return false
		}
	}
	return v.strongPrp(n+1, true) && v.lucasPrp()
}

// millerRabin runs the strong probable-prime test on the odd n > 3 with
// base 2 (when withTwo) and reps-1 further bases drawn from a generator
// seeded by n itself, and reports whether n passed every round.
func (n nat) strongPrp(reps int, withTwo bool) bool {
	nm1 := nat(nil).minus(n, nat1)
	k := nm1.lowZeros()
	q := nat(nil).shiftRight(nm1, k)
	nm3 := nat(nil).minus(nm1, nat2)
	rnd := rand.New(rand.NewSource(int64(n[0])))
	var base, y, quo nat
	for round := 0; round < reps; round++ {
		if round == 0 && withTwo {
			base = base.fromWord(2)
		} else {
			// a base in [2, n-2]
			base = base.randBelow(rnd, nm3, nm3.nbits())
			base = base.plus(base, nat2)
		}
		y = y.powMod(base, q, n)
		if y.compare(nat1) == 0 || y.compare(nm1) == 0 {
			continue
		}
		passed := false
		for j := uint(1); j < k; j++ {
			y = y.square(y)
			quo, y = quo.quoRem(y, y, n)
			if y.compare(nm1) == 0 {
				passed = true
				break
			}
			if y.compare(nat1) == 0 {
				return false
			}
		}
		if !passed {
			return false
		}
	}
	return true
}

// lucasStrong runs the extra strong Lucas probable-prime test (Q = 1 and
// the least P >= 3 with Jacobi(P²-4, n) = -1) on the odd n > 64.
func (n nat) lucasPrp() bool {
	nInt := &Int{abs: n}
	p := Word(3)
	d := new(Int)
	for {
		d.SetUint64(uint64(p*p - 4))
		j := Jacobi(d, nInt)
		if j == -1 {
			break
		}
		if j == 0 {
			// P²-4 sameArray a factor with n, which is larger than it
			return false
		}
		if p == 40 {
			// no suitable D yet: a perfect square never has one
			r := nat(nil).isqrt(n)
			if nat(nil).square(r).compare(n) == 0 {
				return false
			}
		}
		p++
	}
	// n+1 = t * 2^s with t odd
	t := nat(nil).plus(n, nat1)
	s := t.lowZeros()
	t = t.shiftRight(t, s)
	// V(k), V(k+1) by the ladder V(2k) = V(k)² - 2, V(2k+1) = V(k)V(k+1) - P
	pn := nat(nil).fromWord(p)
	vk := nat(nil).fromWord(2)
	vk1 := nat(nil).assign(pn)
	var tmp, quo nat
	reduce := func(v nat) nat {
		quo, tmp = quo.quoRem(tmp, v, n)
		return v.assign(tmp)
	}
	// subtract w mod n: v = (v + n - w) mod n, for v, w < n
	subMod := func(v nat, w nat) nat {
		if v.compare(w) >= 0 {
			return v.minus(v, w)
		}
		v = v.plus(v, n)
		return v.minus(v, w)
	}
	pMod := reduce(nat(nil).assign(pn))
	for i := t.nbits() - 1; i >= 0; i-- {
		if t.bitAt(uint(i)) != 0 {
			vk = reduce(vk.times(vk, vk1))
			vk = subMod(vk, pMod)
			vk1 = reduce(vk1.square(vk1))
			vk1 = subMod(vk1, nat2)
		} else {
			vk1 = reduce(vk1.times(vk, vk1))
			vk1 = subMod(vk1, pMod)
			vk = reduce(vk.square(vk))
			vk = subMod(vk, nat2)
		}
	}
	nm2 := nat(nil).minus(n, nat2)
	if vk.compare(nat2) == 0 || vk.compare(nm2) == 0 {
		// U(t) == 0 exactly when P*V(t) == 2*V(t+1) (mod n)
		lhs := reduce(nat(nil).times(pMod, vk))
		rhs := reduce(nat(nil).shiftLeft(vk1, 1))
		if lhs.compare(rhs) == 0 {
			return true
		}
	}
	for r := uint(0); r < s; r++ {
		if len(vk) == 0 {
			return true
		}
		vk = reduce(vk.square(vk))
		vk = subMod(vk, nat2)
	}
	return false
}
