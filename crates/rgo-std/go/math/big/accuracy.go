package big

import "strconv"

// Accuracy describes the rounding error of the most recent operation
// that produced a Float (or of Int.Float64), relative to the exact value.
type Accuracy int8

// Accuracy values.
const (
	Below Accuracy = -1
	Exact Accuracy = 0
	Above Accuracy = +1
)

func (a Accuracy) String() string {
	switch a {
	case Below:
		return "Below"
	case Exact:
		return "Exact"
	case Above:
		return "Above"
	}
	return "Accuracy(" + strconv.Itoa(int(a)) + ")"
}

// RoundingMode determines how a Float value is rounded to its precision.
type RoundingMode byte

// Rounding modes.
const (
	ToNearestEven RoundingMode = iota
	ToNearestAway
	ToZero
	AwayFromZero
	ToNegativeInf
	ToPositiveInf
)

// Rounding modes of Int.Divide, after Daan Leijen's "Division and
// Modulus for Computer Scientists".
const (
	Trunc = ToZero        // T-division, Go's / and %
	Floor = ToNegativeInf // F-division
	Round = ToNearestEven // R-division
	Ceil  = ToPositiveInf // C-division
)

var roundingNames = [...]string{"ToNearestEven", "ToNearestAway", "ToZero", "AwayFromZero", "ToNegativeInf", "ToPositiveInf"}

func (m RoundingMode) String() string {
	if int(m) < len(roundingNames) {
		return roundingNames[m]
	}
	return "RoundingMode(" + strconv.Itoa(int(m)) + ")"
}
