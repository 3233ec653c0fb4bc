package rand

import "math"

// Zipf draws integers k in [0, imax] with probability proportional to
// (v + k)^(-s).
//
// Method: rejection-inversion (W. Hörmann and G. Derflinger, "Rejection-
// inversion to generate variates from monotone discrete distributions",
// 1996). With q = s, the hat integral is H(x) = (v+x)^(1-q) / (1-q) and its
// inverse Hinv(y) = ((1-q)·y)^(1/(1-q)) - v. A uniform u between H(imax+½)
// and H(½) - v^(-q) is mapped through Hinv and rounded; the candidate is
// accepted at once when it lies within `squeeze` of the real point, or
// else when u is not below H(k+½) - (v+k)^(-q). The floating-point
// operations are Go's, in Go's order, so the variates are bit-identical.
type Zipf struct {
	src          *Rand
	top          float64 // imax
	v            float64
	q            float64
	squeeze      float64
	oneMinusQ    float64
	invOneMinusQ float64
	hTop         float64 // H(imax + 1/2)
	hSpan        float64 // H(1/2) - v^(-q) - H(imax + 1/2)
}

// hat is H(x).
func (z *Zipf) hat(x float64) float64 {
	return math.Exp(math.Log(z.v+x)*z.oneMinusQ) * z.invOneMinusQ
}

// hatInv is Hinv(y).
func (z *Zipf) hatInv(y float64) float64 {
	return math.Exp(math.Log(y*z.oneMinusQ)*z.invOneMinusQ) - z.v
}

// decay is x^(-q).
func (z *Zipf) decay(x float64) float64 {
	return math.Exp(math.Log(x) * -z.q)
}

// NewZipf returns a generator of Zipf variates over [0, imax] drawing its
// uniforms from r, or nil unless s > 1 and v >= 1.
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	if s <= 1.0 || v < 1 {
		return nil
	}
	z := &Zipf{src: r, top: float64(imax), v: v, q: s}
	z.oneMinusQ = 1.0 - s
	z.invOneMinusQ = 1.0 / z.oneMinusQ
	z.hTop = z.hat(z.top + 0.5)
	z.hSpan = z.hat(0.5) - z.decay(z.v) - z.hTop
	z.squeeze = 1 - z.hatInv(z.hat(1.5)-z.decay(z.v+1.0))
	return z
}

// Uint64 draws one variate.
func (z *Zipf) Uint64() uint64 {
	if z == nil {
		panic("rand: nil Zipf")
	}
	for {
		u := z.hTop + z.src.Float64()*z.hSpan
		x := z.hatInv(u)
		k := math.Floor(x + 0.5)
		if k-x <= z.squeeze || u >= z.hat(k+0.5)-z.decay(k+z.v) {
			return uint64(k)
		}
	}
}
