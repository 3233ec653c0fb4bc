// Package big implements arbitrary-precision integers (Int), rationals
// (Rat) and binary floating-point numbers (Float). rgo: the algorithms are
// Go written for rgo; the loops over word vectors are Rust natives, as
// they are assembly in Go.
package big

import "math/bits"

// A Word is a single digit of a multi-precision unsigned integer.
type Word uint

const (
	wordBits  = bits.UintSize // bits per Word
	wordBytes = wordBits / 8
	wordMax   = ^Word(0)
)

// MaxBase is the biggest base that Text, SetString and friends accept:
// ten digits, then 26 lower-case and 26 upper-case letters.
const MaxBase = 10 + ('z' - 'a' + 1) + ('Z' - 'A' + 1)

// The vector kernels (natives). Unless stated otherwise each works on
// len(z) words, reads x and y at the same indices, and z may be the same
// vector as x or y.

// addVV sets z = x + y and returns the carry out.
func addVV(z, x, y []Word) (c Word)

// subVV sets z = x - y and returns the borrow out.
func subVV(z, x, y []Word) (c Word)

// addVW sets z = x + y for a single word y and returns the carry out.
func addVW(z, x []Word, y Word) (c Word)

// subVW sets z = x - y for a single word y and returns the borrow out.
func subVW(z, x []Word, y Word) (c Word)

// shlVU sets z = x << s (s < wordBits) and returns the bits pushed out
// of the top word, in the low bits of c.
func shlVU(z, x []Word, s uint) (c Word)

// shrVU sets z = x >> s (s < wordBits) and returns the bits pushed out
// of the bottom word, in the high bits of c.
func shrVU(z, x []Word, s uint) (c Word)

// mulAddVWW sets z = x*y + r and returns the high word of the result.
func mulAddVWW(z, x []Word, y, r Word) (c Word)

// divWVW sets z = (xn:x) / y, where xn < y is the word above x's top, and
// returns the remainder.
func divWVW(z []Word, xn Word, x []Word, y Word) (r Word)

// mulVV sets z[:len(x)+len(y)] = x*y; z must not overlap x or y.
func mulVV(z, x, y []Word)

// divBasicVV divides u by v (schoolbook), both shifted so that v's top
// bit is set, with len(u) = len(q) + len(v) and u's top word below v's:
// the quotient goes to q, the remainder stays in u[:len(v)]. No operand
// may overlap another.
func divBasicVV(q, u, v []Word)

// mulWW returns the double-word product x*y as (hi, lo).
func mulWW(x, y Word) (hi, lo Word) {
	h, l := bits.Mul(uint(x), uint(y))
	return Word(h), Word(l)
}

// wordLen is the number of significant bits of w.
func wordLen(w Word) int { return bits.Len(uint(w)) }
