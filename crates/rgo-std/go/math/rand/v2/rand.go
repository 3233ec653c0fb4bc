// Package rand (math/rand/v2) generates pseudo-random numbers for
// simulations, games and tests; it is not for secrets (see crypto/rand).
//
// rgo: plain Go for Rand, PCG and Zipf, producing Go's exact sequences;
// ChaCha8's block function and the runtime's generator behind the
// top-level functions are natives.
//
// Algorithms kept from Go because they decide every value drawn:
// bounded integers use Lemire's multiply-and-keep-the-high-word method,
// redrawing while the low word falls below (2^64 - n) mod n, with a plain
// mask for powers of two; floats take the top 53 (or 24) bits; Shuffle is
// Fisher-Yates from the end; NormFloat64 and ExpFloat64 are Marsaglia and
// Tsang's ziggurat with Go's tables (tables.go).
package rand

import (
	"internal/ziggurat"
	"math"
	"math/bits"
)

// Source produces uniformly distributed 64-bit values.
type Source interface {
	Uint64() uint64
}

// Rand derives numbers of many shapes from a Source. It is not safe for
// concurrent use unless its Source is.
type Rand struct {
	src Source
}

// New returns a Rand drawing from src.
func New(src Source) *Rand { return &Rand{src: src} }

// Int64 returns a uniform non-negative int64 (63 random bits).
func (r *Rand) Int64() int64 { return int64(r.src.Uint64() & (1<<63 - 1)) }

// Uint32 returns a uniform uint32: the top half of a Uint64.
func (r *Rand) Uint32() uint32 { return uint32(r.src.Uint64() >> 32) }

// Uint64 returns a uniform uint64.
func (r *Rand) Uint64() uint64 { return r.src.Uint64() }

// Int32 returns a uniform non-negative int32: the top 31 bits of a Uint64.
func (r *Rand) Int32() int32 { return int32(r.src.Uint64() >> 33) }

// Int returns a uniform non-negative int.
func (r *Rand) Int() int { return int(r.src.Uint64() & (1<<63 - 1)) }

// Uint returns a uniform uint.
func (r *Rand) Uint() uint { return uint(r.src.Uint64()) }

// below returns a uniform number in [0, n) for n > 0.
func (r *Rand) below(n uint64) uint64 {
	if n&(n-1) == 0 {
		return r.Uint64() & (n - 1)
	}
	high, low := bits.Mul64(r.Uint64(), n)
	if low >= n {
		return high // cannot be in the biased zone
	}
	floor := -n % n // (2^64 - n) mod n
	for low < floor {
		high, low = bits.Mul64(r.Uint64(), n)
	}
	return high
}

// mustPositive panics with Go's message when n is not positive.
func mustPositive(ok bool, fn string) {
	if !ok {
		panic("invalid argument to " + fn)
	}
}

// Int64N returns a uniform int64 in [0, n); n must be positive.
func (r *Rand) Int64N(n int64) int64 {
	mustPositive(n > 0, "Int64N")
	return int64(r.below(uint64(n)))
}

// Uint64N returns a uniform uint64 in [0, n); n must be positive.
func (r *Rand) Uint64N(n uint64) uint64 {
	mustPositive(n != 0, "Uint64N")
	return uint64(r.below(uint64(n)))
}

// Int32N returns a uniform int32 in [0, n); n must be positive.
func (r *Rand) Int32N(n int32) int32 {
	mustPositive(n > 0, "Int32N")
	return int32(r.below(uint64(n)))
}

// Uint32N returns a uniform uint32 in [0, n); n must be positive.
func (r *Rand) Uint32N(n uint32) uint32 {
	mustPositive(n != 0, "Uint32N")
	return uint32(r.below(uint64(n)))
}

// IntN returns a uniform int in [0, n); n must be positive.
func (r *Rand) IntN(n int) int {
	mustPositive(n > 0, "IntN")
	return int(r.below(uint64(n)))
}

// UintN returns a uniform uint in [0, n); n must be positive.
func (r *Rand) UintN(n uint) uint {
	mustPositive(n != 0, "UintN")
	return uint(r.below(uint64(n)))
}

// Float64 returns a uniform float64 in [0, 1): 53 random bits scaled.
func (r *Rand) Float64() float64 {
	return float64(r.Uint64()&(1<<53-1)) / (1 << 53)
}

// Float32 returns a uniform float32 in [0, 1): 24 random bits scaled.
func (r *Rand) Float32() float32 {
	return float32(r.Uint32()&(1<<24-1)) / (1 << 24)
}

// Perm returns a random permutation of 0..n-1.
func (r *Rand) Perm(n int) []int {
	perm := make([]int, n)
	for k := range perm {
		perm[k] = k
	}
	r.Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	return perm
}

// Shuffle permutes n elements through swap, each order equally likely.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	mustPositive(n >= 0, "Shuffle")
	for top := n - 1; top >= 1; top-- {
		swap(top, int(r.below(uint64(top)+1)))
	}
}

// normTail is where the ziggurat of the standard normal ends (r).
const normTail = 3.442619855899

// NormFloat64 returns a standard normal float64 (mean 0, deviation 1).
func (r *Rand) NormFloat64() float64 {
	for {
		u := r.Uint64()
		signed := int32(u)     // low word: the candidate, with its sign
		layer := u >> 32 & 127 // next seven bits: the ziggurat layer
		x := float64(signed) * float64(ziggurat.NormW[layer])
		if magnitude(signed) < ziggurat.NormK[layer] {
			return x // inside the layer's rectangle
		}
		if layer == 0 {
			return r.normalTail(signed > 0)
		}
		// The wedge between the rectangle and the curve.
		y := ziggurat.NormF[layer] + float32(r.Float64())*(ziggurat.NormF[layer-1]-ziggurat.NormF[layer])
		if y < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

// normalTail samples beyond normTail by Marsaglia's method.
func (r *Rand) normalTail(positive bool) float64 {
	var x float64
	for {
		x = -math.Log(r.Float64()) * (1.0 / normTail)
		y := -math.Log(r.Float64())
		if y+y >= x*x {
			break
		}
	}
	if positive {
		return normTail + x
	}
	return -normTail - x
}

// magnitude is |v| as a uint32 (the minimum int32 included).
func magnitude(v int32) uint32 {
	if v < 0 {
		return uint32(-v)
	}
	return uint32(v)
}

// expTail is where the ziggurat of the exponential ends.
const expTail = 7.69711747013104972

// ExpFloat64 returns an exponential float64 with rate 1 (mean 1).
func (r *Rand) ExpFloat64() float64 {
	for {
		u := r.Uint64()
		candidate := uint32(u)
		layer := uint8(u >> 32)
		x := float64(candidate) * float64(ziggurat.ExpW[layer])
		if candidate < ziggurat.ExpK[layer] {
			return x
		}
		if layer == 0 {
			return expTail - math.Log(r.Float64())
		}
		y := ziggurat.ExpF[layer] + float32(r.Float64())*(ziggurat.ExpF[layer-1]-ziggurat.ExpF[layer])
		if y < float32(math.Exp(-x)) {
			return x
		}
	}
}

// runtime_rand is the runtime's per-thread generator. Native.
func runtime_rand() uint64

// runtimeSource is the Source of the top-level functions.
type runtimeSource struct{}

func (runtimeSource) Uint64() uint64 { return runtime_rand() }

// globalRand serves the top-level functions; it cannot be seeded.
var globalRand = &Rand{src: runtimeSource{}}

// The top-level functions draw from the runtime's generator, which is
// randomly seeded and safe for concurrent use.

// Int64 is Rand.Int64 on the shared generator.
func Int64() int64 { return globalRand.Int64() }

// Uint32 is Rand.Uint32 on the shared generator.
func Uint32() uint32 { return globalRand.Uint32() }

// Uint64N is Rand.Uint64N on the shared generator.
func Uint64N(n uint64) uint64 { return globalRand.Uint64N(n) }

// Uint32N is Rand.Uint32N on the shared generator.
func Uint32N(n uint32) uint32 { return globalRand.Uint32N(n) }

// Uint64 is Rand.Uint64 on the shared generator.
func Uint64() uint64 { return globalRand.Uint64() }

// Int32 is Rand.Int32 on the shared generator.
func Int32() int32 { return globalRand.Int32() }

// Int is Rand.Int on the shared generator.
func Int() int { return globalRand.Int() }

// Uint is Rand.Uint on the shared generator.
func Uint() uint { return globalRand.Uint() }

// Int64N is Rand.Int64N on the shared generator.
func Int64N(n int64) int64 { return globalRand.Int64N(n) }

// Int32N is Rand.Int32N on the shared generator.
func Int32N(n int32) int32 { return globalRand.Int32N(n) }

// IntN is Rand.IntN on the shared generator.
func IntN(n int) int { return globalRand.IntN(n) }

// UintN is Rand.UintN on the shared generator.
func UintN(n uint) uint { return globalRand.UintN(n) }

// N returns a uniform value in [0, n) of any integer type (a Duration,
// say) from the shared generator; n must be positive.
func N[Int intType](n Int) Int { return globalRand.N(n) }

// intType admits every integer type.
type intType interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// Float64 is Rand.Float64 on the shared generator.
func Float64() float64 { return globalRand.Float64() }

// Float32 is Rand.Float32 on the shared generator.
func Float32() float32 { return globalRand.Float32() }

// Perm is Rand.Perm on the shared generator.
func Perm(n int) []int { return globalRand.Perm(n) }

// Shuffle is Rand.Shuffle on the shared generator.
func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }

// NormFloat64 is Rand.NormFloat64 on the shared generator.
func NormFloat64() float64 { return globalRand.NormFloat64() }

// ExpFloat64 is Rand.ExpFloat64 on the shared generator.
func ExpFloat64() float64 { return globalRand.ExpFloat64() }

// N returns a uniform value in [0, n) of any integer type; n must be
// positive.
func (r *Rand) N[Int intType](n Int) Int {
	mustPositive(n > 0, "N")
	return Int(r.below(uint64(n)))
}
