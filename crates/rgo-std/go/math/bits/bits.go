// Package bits counts, rotates and reverses the bits of unsigned integers
// and does double-width add, subtract, multiply and divide. rgo: plain Go (the compiler may
// later turn calls into single instructions).
package bits

const uintSize = 32 << (^uint(0) >> 63) // 32 or 64

// UintSize is the size of a uint in bits.
const UintSize = uintSize

// panicDivide raises Go's "runtime error: integer divide by zero" panic.
func panicDivide()

// panicOverflow raises Go's "runtime error: integer overflow" panic.
func panicOverflow()

// --- LeadingZeros ---

// LeadingZeros counts the zero bits above the highest one bit of x (UintSize for 0).
func LeadingZeros(x uint) int { return UintSize - Len(x) }

// LeadingZeros8 counts the zero bits above the highest one bit of x (8 for 0).
func LeadingZeros8(x uint8) int { return 8 - Len8(x) }

// LeadingZeros16 counts the zero bits above the highest one bit of x (16 for 0).
func LeadingZeros16(x uint16) int { return 16 - Len16(x) }

// LeadingZeros32 counts the zero bits above the highest one bit of x (32 for 0).
func LeadingZeros32(x uint32) int { return 32 - Len32(x) }

// LeadingZeros64 counts the zero bits above the highest one bit of x (64 for 0).
func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

// --- TrailingZeros ---

// TrailingZeros counts the zero bits below the lowest one bit of x (UintSize for 0).
func TrailingZeros(x uint) int { return TrailingZeros64(uint64(x)) }

// TrailingZeros8 counts the zero bits below the lowest one bit of x (8 for 0).
func TrailingZeros8(x uint8) int { return min(TrailingZeros64(uint64(x)), 8) }

// TrailingZeros16 counts the zero bits below the lowest one bit of x (16 for 0).
func TrailingZeros16(x uint16) int { return min(TrailingZeros64(uint64(x)), 16) }

// TrailingZeros32 counts the zero bits below the lowest one bit of x (32 for 0).
func TrailingZeros32(x uint32) int { return min(TrailingZeros64(uint64(x)), 32) }

// TrailingZeros64 counts the zero bits below the lowest one bit of x (64 for 0).
func TrailingZeros64(x uint64) int {
	if x == 0 {
		return 64
	}
	// Isolate the lowest set bit and count the bits below it.
	return OnesCount64(x&-x - 1)
}

// --- OnesCount ---

// OnesCount counts the one bits of x.
func OnesCount(x uint) int { return OnesCount64(uint64(x)) }

// OnesCount8 counts the one bits of x.
func OnesCount8(x uint8) int { return OnesCount64(uint64(x)) }

// OnesCount16 counts the one bits of x.
func OnesCount16(x uint16) int { return OnesCount64(uint64(x)) }

// OnesCount32 counts the one bits of x.
func OnesCount32(x uint32) int { return OnesCount64(uint64(x)) }

// OnesCount64 counts the one bits of x.
func OnesCount64(x uint64) int {
	// Sum bits pairwise, then nibbles, then bytes (SWAR).
	x = x - (x>>1)&0x5555555555555555
	x = x&0x3333333333333333 + (x>>2)&0x3333333333333333
	x = (x + x>>4) & 0x0f0f0f0f0f0f0f0f
	return int((x * 0x0101010101010101) >> 56)
}

// --- RotateLeft ---

// RotateLeft rotates x left by k bits modulo UintSize; a negative k rotates right.
func RotateLeft(x uint, k int) uint { return uint(RotateLeft64(uint64(x), k)) }

// RotateLeft8 rotates x left by k bits modulo 8; a negative k rotates right.
func RotateLeft8(x uint8, k int) uint8 {
	by := uint(k) % 8 // a negative k wraps to the equivalent left turn
	return x<<by | x>>(8-by)
}

// RotateLeft16 rotates x left by k bits modulo 16; a negative k rotates right.
func RotateLeft16(x uint16, k int) uint16 {
	by := uint(k) % 16 // a negative k wraps to the equivalent left turn
	return x<<by | x>>(16-by)
}

// RotateLeft32 rotates x left by k bits modulo 32; a negative k rotates right.
func RotateLeft32(x uint32, k int) uint32 {
	by := uint(k) % 32 // a negative k wraps to the equivalent left turn
	return x<<by | x>>(32-by)
}

// RotateLeft64 rotates x left by k bits modulo 64; a negative k rotates right.
func RotateLeft64(x uint64, k int) uint64 {
	by := uint(k) % 64 // a negative k wraps to the equivalent left turn
	return x<<by | x>>(64-by)
}

// --- Reverse ---

// Reverse returns x with the order of its bits reversed.
func Reverse(x uint) uint { return uint(Reverse64(uint64(x))) }

// Reverse8 returns x with the order of its bits reversed.
func Reverse8(x uint8) uint8 { return uint8(Reverse64(uint64(x)) >> 56) }

// Reverse16 returns x with the order of its bits reversed.
func Reverse16(x uint16) uint16 { return uint16(Reverse64(uint64(x)) >> 48) }

// Reverse32 returns x with the order of its bits reversed.
func Reverse32(x uint32) uint32 { return uint32(Reverse64(uint64(x)) >> 32) }

// Reverse64 returns x with the order of its bits reversed.
func Reverse64(x uint64) uint64 {
	x = x>>1&0x5555555555555555 | x&0x5555555555555555<<1
	x = x>>2&0x3333333333333333 | x&0x3333333333333333<<2
	x = x>>4&0x0f0f0f0f0f0f0f0f | x&0x0f0f0f0f0f0f0f0f<<4
	return ReverseBytes64(x) // the bits within each byte are done
}

// --- ReverseBytes ---

// ReverseBytes returns x with the order of its bytes reversed.
func ReverseBytes(x uint) uint { return uint(ReverseBytes64(uint64(x))) }

// ReverseBytes16 returns x with the order of its bytes reversed.
func ReverseBytes16(x uint16) uint16 { return x>>8 | x<<8 }

// ReverseBytes32 returns x with the order of its bytes reversed.
func ReverseBytes32(x uint32) uint32 {
	return uint32(ReverseBytes64(uint64(x)) >> 32)
}

// ReverseBytes64 returns x with the order of its bytes reversed.
func ReverseBytes64(x uint64) uint64 {
	x = x>>8&0x00ff00ff00ff00ff | x&0x00ff00ff00ff00ff<<8
	x = x>>16&0x0000ffff0000ffff | x&0x0000ffff0000ffff<<16
	return RotateLeft64(x, 32)
}

// --- Len ---

// Len returns how many bits x needs: the index of its highest one bit plus one (0 for 0).
func Len(x uint) int { return Len64(uint64(x)) }

// Len8 returns how many bits x needs: the index of its highest one bit plus one (0 for 0).
func Len8(x uint8) int { return Len64(uint64(x)) }

// Len16 returns how many bits x needs: the index of its highest one bit plus one (0 for 0).
func Len16(x uint16) (n int) { return Len64(uint64(x)) }

// Len32 returns how many bits x needs: the index of its highest one bit plus one (0 for 0).
func Len32(x uint32) (n int) { return Len64(uint64(x)) }

// Len64 returns how many bits x needs: the index of its highest one bit plus one (0 for 0).
func Len64(x uint64) (n int) {
	for _, step := range [...]uint{32, 16, 8, 4, 2, 1} {
		if x >= 1<<step {
			x >>= step
			n += int(step)
		}
	}
	if x != 0 {
		n++
	}
	return n
}

// --- Add with carry ---

// Add returns x + y + carry and the carry out (0 or 1); carry must be 0 or 1.
func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

// Add32 returns x + y + carry and the carry out (0 or 1); carry must be 0 or 1.
func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	wide := uint64(x) + uint64(y) + uint64(carry)
	return uint32(wide), uint32(wide >> 32)
}

// Add64 returns x + y + carry and the carry out (0 or 1); carry must be 0 or 1.
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// The top bit carried out when both operands had it, or when one had
	// it and the sum lost it.
	both, either := x&y, x|y
	return sum, (both | either&^sum) >> 63
}

// --- Subtract with borrow ---

// Sub returns x - y - borrow and the borrow out (0 or 1); borrow must be 0 or 1.
func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// Sub32 returns x - y - borrow and the borrow out (0 or 1); borrow must be 0 or 1.
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	wide := uint64(x) - uint64(y) - uint64(borrow)
	return uint32(wide), uint32(wide>>32) & 1
}

// Sub64 returns x - y - borrow and the borrow out (0 or 1); borrow must be 0 or 1.
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	// A borrow leaves the top: y had it and x not, or they agreed on it
	// and the difference has it.
	lost, same := ^x&y, ^(x ^ y)
	return diff, (lost | same&diff) >> 63
}

// --- Full-width multiply ---

// Mul returns the double-width product of x and y as its high and low halves.
func Mul(x, y uint) (hi, lo uint) {
	high, low := Mul64(uint64(x), uint64(y))
	return uint(high), uint(low)
}

// Mul32 returns the double-width product of x and y as its high and low halves.
func Mul32(x, y uint32) (hi, lo uint32) {
	wide := uint64(x) * uint64(y)
	return uint32(wide >> 32), uint32(wide)
}

// Mul64 returns the double-width product of x and y as its high and low halves.
func Mul64(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	// Schoolbook multiplication on 32-bit halves.
	p00 := x0 * y0
	p01 := x0 * y1
	p10 := x1 * y0
	p11 := x1 * y1
	mid := p00>>32 + p01&mask32 + p10&mask32
	hi = p11 + p01>>32 + p10>>32 + mid>>32
	lo = x * y
	return
}

// --- Full-width divide ---

// Div divides the double-width number hi:lo by y, returning quotient and remainder; it
// panics when y is 0 or not above hi (the quotient would not fit).
func Div(hi, lo, y uint) (quo, rem uint) {
	quo64, rem64 := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(quo64), uint(rem64)
}

// Div32 divides the double-width number hi:lo by y, returning quotient and remainder; it
// panics when y is 0 or not above hi (the quotient would not fit).
func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y != 0 && hi >= y {
		panicOverflow()
	}
	num, den := uint64(hi)<<32|uint64(lo), uint64(y) // den == 0 panics below
	return uint32(num / den), uint32(num % den)
}

// Div64 divides the double-width number hi:lo by y, returning quotient and remainder; it
// panics when y is 0 or not above hi (the quotient would not fit).
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		panicDivide()
	}
	if y <= hi {
		panicOverflow()
	}
	// Restoring binary long division, one quotient bit per step: the
	// partial remainder r < y always fits, with its 65th bit in top.
	r := hi
	for i := 63; i >= 0; i-- {
		top := r >> 63
		r = r<<1 | (lo>>uint(i))&1
		if top != 0 || r >= y {
			r -= y
			quo |= 1 << uint(i)
		}
	}
	return quo, r
}

// Rem returns hi:lo modulo y; it panics only when y is 0.
func Rem(hi, lo, y uint) uint { return uint(Rem64(uint64(hi), uint64(lo), uint64(y))) }

// Rem32 returns hi:lo modulo y; it panics only when y is 0.
func Rem32(hi, lo, y uint32) uint32 {
	num := uint64(hi)<<32 | uint64(lo)
	return uint32(num % uint64(y))
}

// Rem64 returns hi:lo modulo y; it panics only when y is 0.
func Rem64(hi, lo, y uint64) uint64 {
	// (hi<<64 + lo) % y == ((hi % y)<<64 + lo) % y, and hi%y < y so the
	// division cannot overflow.
	_, r := Div64(hi%y, lo, y)
	return r
}
