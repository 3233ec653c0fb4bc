package strconv

import (
	"errors"
	real "strconv"
)

// Test-only bodies for the float natives, built on the real strconv.

func atofCore(s string, bitSize int) (f float64, n int, status int) {
	for n = len(s); n > 0; n-- {
		v, err := real.ParseFloat(s[:n], bitSize)
		if err == nil {
			return v, n, 0
		}
		if errors.Is(err, real.ErrRange) {
			return v, n, 2
		}
	}
	return 0, 0, 1
}

func appendFloatCore(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return real.AppendFloat(dst, f, fmt, prec, bitSize)
}
