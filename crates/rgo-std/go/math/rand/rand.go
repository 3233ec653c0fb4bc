// Package rand (math/rand) generates pseudo-random numbers for
// simulations and tests; it is not for secrets (see crypto/rand).
//
// rgo: plain Go, producing Go's exact sequences: NewSource is Go's
// additive lagged Fibonacci generator (seeded through the same Lehmer
// sequence and cooked table), and the Rand methods draw from it in the
// same way. The top-level functions use a source seeded by the runtime
// (runtime_rand, a native), and Seed is a no-op, as in Go 1.24+.
package rand

import (
	"internal/ziggurat"
	"math"
	"sync"
)

// Source produces uniform non-negative int64 values (63 bits) and can be
// re-seeded.
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// Source64 is a Source that also produces full 64-bit values.
type Source64 interface {
	Source
	Uint64() uint64
}

// NewSource returns a generator seeded with seed. Unlike the generator of
// the top-level functions it is not safe for concurrent use.
func NewSource(seed int64) Source {
	src := new(rngSource)
	src.Seed(seed)
	return src
}

// Rand derives numbers of many shapes from a Source.
type Rand struct {
	src Source
	s64 Source64 // src, when it is a Source64

	// Read hands out 7 bytes of each Int63; readVal holds the bytes not
	// yet handed out (low first) and readPos their count.
	readVal int64
	readPos int
}

// New returns a Rand drawing from src.
func New(src Source) *Rand {
	wide, _ := src.(Source64)
	return &Rand{src: src, s64: wide}
}

// Seed re-seeds the Source and forgets bytes buffered for Read.
func (r *Rand) Seed(seed int64) {
	r.src.Seed(seed)
	r.readPos = 0
}

// Int63 returns a uniform non-negative int64.
func (r *Rand) Int63() int64 { return r.src.Int63() }

// Uint32 returns a uniform uint32: bits 31 to 62 of an Int63.
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

// Uint64 returns a uniform uint64, from the Source directly when it is a
// Source64, else from two Int63 values.
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	first := uint64(r.Int63())
	second := uint64(r.Int63())
	return first>>31 | second<<32
}

// Int31 returns a uniform non-negative int32: the top 31 bits of an Int63.
func (r *Rand) Int31() int32 { return int32(r.Int63() >> 32) }

// Int returns a uniform non-negative int.
func (r *Rand) Int() int {
	return int(uint(r.Int63()) & (^uint(0) >> 1))
}

// Int63n returns a uniform int64 in [0, n); n must be positive. Values
// from the incomplete last block of n are redrawn.
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if mask := n - 1; n&mask == 0 {
		return r.Int63() & mask
	}
	top := int64(1<<63 - 1 - (1<<63)%uint64(n))
	for {
		if v := r.Int63(); v <= top {
			return v % n
		}
	}
}

// Int31n returns a uniform int32 in [0, n); n must be positive.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if mask := n - 1; n&mask == 0 {
		return r.Int31() & mask
	}
	top := int32(1<<31 - 1 - (1<<31)%uint32(n))
	for {
		if v := r.Int31(); v <= top {
			return v % n
		}
	}
}

// lemire31 returns a uniform value in [0, n) for n > 0 by keeping the high
// word of Uint32()*n and redrawing while the low word is below
// (2^32 - n) mod n. Shuffle uses it, as Go's does.
func (r *Rand) lemire31(n int32) int32 {
	span := uint64(n)
	product := uint64(r.Uint32()) * span
	if uint32(product) < uint32(n) {
		floor := uint32(-n) % uint32(n)
		for uint32(product) < floor {
			product = uint64(r.Uint32()) * span
		}
	}
	return int32(product >> 32)
}

// Intn returns a uniform int in [0, n); n must be positive.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= 1<<31-1 {
		small := r.Int31n(int32(n))
		return int(small)
	}
	return int(r.Int63n(int64(n)))
}

// Float64 returns a uniform float64 in [0, 1): an Int63 scaled down, with
// the rare rounding to exactly 1 redrawn.
func (r *Rand) Float64() float64 {
	for {
		f := float64(r.Int63()) * 0x1p-63 // exact scaling
		if f < 1 {
			return f
		}
	}
}

// Float32 returns a uniform float32 in [0, 1), from Float64.
func (r *Rand) Float32() float32 {
	for {
		f := float32(r.Float64()) // may round up to 1
		if f < 1 {
			return f
		}
	}
}

// Perm returns a random permutation of 0..n-1, built inside out: value k
// goes to a random slot at most k, whose old value moves to slot k.
func (r *Rand) Perm(n int) []int {
	perm := make([]int, n)
	for k := range perm {
		slot := r.Intn(k + 1)
		perm[k], perm[slot] = perm[slot], k
	}
	return perm
}

// Shuffle permutes n elements through swap (Fisher-Yates from the end);
// n must not be negative.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	top := n - 1
	for ; top >= 1<<31-1; top-- { // indices beyond int32: Int63n
		swap(top, int(r.Int63n(int64(top)+1)))
	}
	for ; top >= 1; top-- {
		swap(top, int(r.lemire31(int32(top)+1)))
	}
}

// Read fills p with random bytes and returns len(p), nil. It must not run
// concurrently with other methods of r.
func (r *Rand) Read(p []byte) (n int, err error) {
	for k := range p {
		if r.readPos == 0 {
			r.readVal, r.readPos = r.src.Int63(), 7
		}
		p[k] = byte(r.readVal)
		r.readVal >>= 8
		r.readPos--
	}
	return len(p), nil
}

// normTail is where the normal ziggurat's base strip ends.
const normTail = 3.442619855899

// NormFloat64 returns a standard normal float64 (mean 0, deviation 1),
// by Marsaglia and Tsang's ziggurat with 128 strips (the NormK, NormW and NormF
// tables of internal/ziggurat). One Uint32 gives the candidate and, in its low seven
// bits, the strip.
func (r *Rand) NormFloat64() float64 {
	for {
		draw := int32(r.Uint32())
		strip := draw & 127
		x := float64(draw) * float64(ziggurat.NormW[strip])
		if magnitude(draw) < ziggurat.NormK[strip] {
			return x
		}
		if strip == 0 {
			return r.normalTail(draw > 0)
		}
		y := ziggurat.NormF[strip] + float32(r.Float64())*(ziggurat.NormF[strip-1]-ziggurat.NormF[strip])
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
		if y := -math.Log(r.Float64()); y+y >= x*x {
			break
		}
	}
	if positive {
		return normTail + x
	}
	return -normTail - x
}

// magnitude is |v| as a uint32.
func magnitude(v int32) uint32 {
	if v < 0 {
		return uint32(-v)
	}
	return uint32(v)
}

// expTail is where the exponential ziggurat's base strip ends.
const expTail = 7.69711747013104972

// ExpFloat64 returns an exponential float64 with rate 1, by a 256-strip
// ziggurat (ExpK, ExpW, ExpF of internal/ziggurat); the strip is the low byte of the draw.
func (r *Rand) ExpFloat64() float64 {
	for {
		draw := r.Uint32()
		strip := draw & 255
		x := float64(draw) * float64(ziggurat.ExpW[strip])
		if draw < ziggurat.ExpK[strip] {
			return x
		}
		if strip == 0 {
			return expTail - math.Log(r.Float64())
		}
		y := ziggurat.ExpF[strip] + float32(r.Float64())*(ziggurat.ExpF[strip-1]-ziggurat.ExpF[strip])
		if y < float32(math.Exp(-x)) {
			return x
		}
	}
}

// rngSource is Go's additive lagged Fibonacci generator:
// v[n] = v[n-607] + v[n-273] mod 2^64, kept in a ring of 607 words that
// two indices walk downwards.
type rngSource struct {
	tap  int
	feed int
	vec  [ringSize]int64
}

const (
	ringSize  = 607
	ringLag   = 273
	mask63    = 1<<63 - 1
	lehmerMod = 1<<31 - 1 // the Lehmer generator's prime modulus
)

// lehmer is one step of the minimal-standard generator x*48271 mod
// (2^31-1); x is always in [1, 2^31-2], so the 64-bit product is exact.
func lehmer(x int32) int32 {
	return int32(int64(x) * 48271 % lehmerMod)
}

// Seed fills the ring from a Lehmer sequence started at seed mod (2^31-1)
// (89482311 for 0): after 20 discarded steps, each word takes three steps
// (shifted left by 40, 20 and 0 bits and xored) and is xored with Go's
// cooked table.
func (rng *rngSource) Seed(seed int64) {
	rng.tap, rng.feed = 0, ringSize-ringLag
	seed %= lehmerMod
	if seed < 0 {
		seed += lehmerMod
	}
	if seed == 0 {
		seed = 89482311
	}
	x := int32(seed)
	for warm := 0; warm < 20; warm++ {
		x = lehmer(x)
	}
	for k := range rng.vec {
		var word int64
		for _, shift := range [3]uint{40, 20, 0} {
			x = lehmer(x)
			word ^= int64(x) << shift
		}
		rng.vec[k] = word ^ cookedSeeds[k]
	}
}

// Int63 returns the next value without its top bit.
func (rng *rngSource) Int63() int64 { return int64(rng.Uint64() & mask63) }

// Uint64 steps the generator and returns the new word.
func (rng *rngSource) Uint64() uint64 {
	rng.tap = (rng.tap + ringSize - 1) % ringSize
	rng.feed = (rng.feed + ringSize - 1) % ringSize
	next := rng.vec[rng.feed] + rng.vec[rng.tap]
	rng.vec[rng.feed] = next
	return uint64(next)
}

// runtime_rand is the runtime's per-thread generator. Native.
func runtime_rand() uint64

// runtimeSource is the Source of the top-level functions.
type runtimeSource struct{}

func (runtimeSource) Int63() int64   { return int64(runtime_rand() & mask63) }
func (runtimeSource) Seed(int64)     {}
func (runtimeSource) Uint64() uint64 { return runtime_rand() }

var (
	sharedOnce sync.Once
	shared     *Rand
)

// sharedRand returns the Rand of the top-level functions.
func sharedRand() *Rand {
	sharedOnce.Do(func() { shared = New(runtimeSource{}) })
	return shared
}

// Seed does nothing: the shared generator is always randomly seeded
// (GODEBUG=randseednop=0 is not supported by rgo).
//
// Deprecated: since Go 1.24 Seed has no effect; use New(NewSource(seed))
// for a reproducible sequence.
func Seed(seed int64) {}

// The top-level functions draw from a shared, randomly seeded generator
// that is safe for concurrent use.

// Int63 is Rand.Int63 on the shared generator.
func Int63() int64 { return sharedRand().Int63() }

// Uint32 is Rand.Uint32 on the shared generator.
func Uint32() uint32 { return sharedRand().Uint32() }

// Uint64 is Rand.Uint64 on the shared generator.
func Uint64() uint64 { return sharedRand().Uint64() }

// Int31 is Rand.Int31 on the shared generator.
func Int31() int32 { return sharedRand().Int31() }

// Int is Rand.Int on the shared generator.
func Int() int { return sharedRand().Int() }

// Int63n is Rand.Int63n on the shared generator.
func Int63n(n int64) int64 { return sharedRand().Int63n(n) }

// Int31n is Rand.Int31n on the shared generator.
func Int31n(n int32) int32 { return sharedRand().Int31n(n) }

// Intn is Rand.Intn on the shared generator.
func Intn(n int) int { return sharedRand().Intn(n) }

// Float64 is Rand.Float64 on the shared generator.
func Float64() float64 { return sharedRand().Float64() }

// Float32 is Rand.Float32 on the shared generator.
func Float32() float32 { return sharedRand().Float32() }

// Perm is Rand.Perm on the shared generator.
func Perm(n int) []int { return sharedRand().Perm(n) }

// Shuffle is Rand.Shuffle on the shared generator.
func Shuffle(n int, swap func(i, j int)) { sharedRand().Shuffle(n, swap) }

// Read is Rand.Read on the shared generator.
//
// Deprecated: use crypto/rand.Read for random bytes.
func Read(p []byte) (n int, err error) { return sharedRand().Read(p) }

// NormFloat64 is Rand.NormFloat64 on the shared generator.
func NormFloat64() float64 { return sharedRand().NormFloat64() }

// ExpFloat64 is Rand.ExpFloat64 on the shared generator.
func ExpFloat64() float64 { return sharedRand().ExpFloat64() }
