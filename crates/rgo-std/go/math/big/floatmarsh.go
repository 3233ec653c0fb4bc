package big

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

const floatGobVersion byte = 1

// GobEncode implements gob.GobEncoder. The encoding is a version byte, a
// byte packing mode (3 bits), accuracy+1 (2 bits), kind (2 bits) and
// sign (1 bit), the precision as a big-endian uint32 and, for a finite
// value, the exponent as a big-endian uint32 followed by the top
// mantissa words (as many as the precision needs) big-endian.
func (x *Float) GobEncode() ([]byte, error) {
	if x == nil {
		return nil, nil
	}
	size := 6
	words := 0
	if x.form == kindFinite {
		words = min(int((uint64(x.prec)+wordBits-1)/wordBits), len(x.mant))
		size += 4 + words*wordBytes
	}
	head := byte(x.mode&7)<<5 | byte((x.acc+1)&3)<<3 | byte(x.form&3)<<1
	if x.neg {
		head |= 1
	}
	enc := make([]byte, 2, size)
	enc[0], enc[1] = floatGobVersion, head
	enc = binary.BigEndian.AppendUint32(enc, x.prec)
	if x.form == kindFinite {
		enc = binary.BigEndian.AppendUint32(enc, uint32(x.exp))
		// the kept words, most significant first
		for i := len(x.mant) - 1; i >= len(x.mant)-words; i-- {
			enc = binary.BigEndian.AppendUint64(enc, uint64(x.mant[i]))
		}
	}
	return enc, nil
}

// GobDecode implements gob.GobDecoder. A z with a nonzero precision
// keeps its precision and mode: the decoded value is rounded to them.
func (z *Float) GobDecode(buf []byte) error {
	if len(buf) == 0 {
		*z = Float{}
		return nil
	}
	switch {
	case len(buf) < 6:
		return errors.New("Float.GobDecode: buffer too small")
	case buf[0] != floatGobVersion:
		return fmt.Errorf("Float.GobDecode: encoding version %d not supported", buf[0])
	}
	keepPrec, keepMode := z.prec, z.mode
	head := buf[1]
	z.mode = RoundingMode(head >> 5 & 7)
	z.acc = Accuracy(head>>3&3) - 1
	z.form = floatKind(head >> 1 & 3)
	z.neg = head&1 != 0
	z.prec = binary.BigEndian.Uint32(buf[2:6])
	if z.form == kindFinite {
		if len(buf) < 6+4 {
			return errors.New("Float.GobDecode: buffer too small for finite form float")
		}
		z.exp = int32(binary.BigEndian.Uint32(buf[6:10]))
		var i Int
		i.SetBytes(buf[10:])
		z.mant = i.abs
	}
	if keepPrec != 0 {
		z.mode = keepMode
		z.SetPrec(uint(keepPrec))
	}
	if z.form == kindFinite {
		n := len(z.mant)
		switch {
		case n == 0:
			return errors.New("Float.GobDecode: nonzero finite number with empty mantissa")
		case z.mant[n-1]>>(wordBits-1) == 0:
			return fmt.Errorf("Float.GobDecode: msb not set in last word %#x of %s", z.mant[n-1], z.Text('p', 0))
		case z.prec == 0:
			return errors.New("Float.GobDecode: zero precision finite number")
		}
	}
	return nil
}

// AppendText implements encoding.TextAppender: x in the shortest 'g'
// form ("<nil>" for a nil x).
func (x *Float) AppendText(b []byte) ([]byte, error) {
	if x != nil {
		return x.Append(b, 'g', -1), nil
	}
	return append(b, "<nil>"...), nil
}

// MarshalText implements encoding.TextMarshaler.
func (x *Float) MarshalText() (text []byte, err error) {
	text, err = x.AppendText(nil)
	return
}

// UnmarshalText implements encoding.TextUnmarshaler: text is parsed as
// by Parse with base 0 at z's precision and mode.
func (z *Float) UnmarshalText(text []byte) error {
	if _, _, err := z.Parse(string(text), 0); err != nil {
		return fmt.Errorf("math/big: cannot unmarshal %q into a *big.Float (%v)", text, err)
	}
	return nil
}

// Sqrt sets z to the square root of x, rounded to z's precision (x's if
// z's is 0), and returns z; it panics with ErrNaN if x < 0. As in Go,
// z takes x's rounding mode, the root is computed by Newton's iteration
// on 1/√x at doubling precisions from a float64 estimate up to 32 bits
// beyond z's, and the accuracy reported is Exact (it is not computed).
func (z *Float) Sqrt(x *Float) *Float {
	if z.prec == 0 {
		z.prec = x.prec
	}
	if x.Sign() < 0 {
		panic(ErrNaN{"square root of negative operand"})
	}
	if x.form != kindFinite {
		z.acc = Exact
		z.form = x.form
		z.neg = x.neg
		return z
	}
	prec := z.prec
	e := x.MantExp(z)
	z.prec = prec
	// make the exponent even: z × 2**e with z in [¼, 1) or [1, 2)
	switch e % 2 {
	case 1:
		z.exp++
	case -1:
		z.exp--
	}
	z.mulInvSqrt(z)
	return z.SetMantExp(z, e/2)
}

// mulInvSqrt sets z = a × (1/√a) rounded to z's precision, where the
// inverse root t comes from the iteration t' = t(3 - a t²)/2.
func (z *Float) mulInvSqrt(a *Float) {
	var sq, diff Float
	three := NewFloat(3)
	step := func(t *Float) {
		sq.prec, diff.prec = t.prec, t.prec
		sq.Mul(t, t)
		sq.Mul(a, &sq)
		diff.Sub(three, &sq)
		sq.Mul(t, &diff)
		if sq.form == kindFinite {
			sq.exp--
		}
		t.Set(&sq)
	}
	af, _ := a.Float64()
	t := new(Float).SetFloat64(1 / math.Sqrt(af))
	for goal := z.prec + 32; t.prec < goal; {
		t.prec *= 2
		step(t)
	}
	z.Mul(a, t)
}
