package time

import "errors"

// A Duration represents the elapsed time between two instants as an int64
// nanosecond count. The representation limits the largest representable
// duration to approximately 290 years.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns a string representing the duration in the form
// "72h3m0.5s". Leading zero units are omitted. Durations less than one
// second use a smaller unit (milli-, micro-, or nanoseconds) so the
// leading digit is non-zero. The zero duration formats as 0s.
func (d Duration) String() string {
	var buf [32]byte
	return string(d.appendTo(buf[:0]))
}

func (d Duration) appendTo(b []byte) []byte {
	if d == 0 {
		return append(b, "0s"...)
	}
	u := uint64(d)
	if d < 0 {
		u = -u
		b = append(b, '-')
	}
	switch {
	case u < uint64(Microsecond):
		b = appendUint(b, u)
		return append(b, "ns"...)
	case u < uint64(Millisecond):
		b = appendFrac(b, u, 3)
		return append(b, "µs"...)
	case u < uint64(Second):
		b = appendFrac(b, u, 6)
		return append(b, "ms"...)
	}
	secs := u / uint64(Second)
	frac := u % uint64(Second)
	h, m, s := secs/3600, secs/60%60, secs%60
	if h > 0 {
		b = appendUint(b, h)
		b = append(b, 'h')
	}
	if h > 0 || m > 0 {
		b = appendUint(b, m)
		b = append(b, 'm')
	}
	b = appendFrac(b, s*uint64(Second)+frac, 9)
	return append(b, 's')
}

// appendUint appends the decimal digits of v.
func appendUint(b []byte, v uint64) []byte {
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// appendFrac appends v / 10**prec with the fraction's trailing zeros (and
// a bare point) omitted.
func appendFrac(b []byte, v uint64, prec int) []byte {
	pow := uint64(1)
	for i := 0; i < prec; i++ {
		pow *= 10
	}
	b = appendUint(b, v/pow)
	frac := v % pow
	if frac == 0 {
		return b
	}
	digits := make([]byte, prec)
	for i := prec - 1; i >= 0; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := prec
	for n > 0 && digits[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	return append(b, digits[:n]...)
}

// Nanoseconds returns d as a count of nanoseconds.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns d in whole microseconds, truncated.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns d in whole milliseconds, truncated.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// inUnits converts d to a float count of unit: the whole part and the
// remainder are converted separately, so large durations keep precision.
func (d Duration) inUnits(unit Duration) float64 {
	whole, rest := d/unit, d%unit
	return float64(whole) + float64(rest)/float64(unit)
}

// Seconds returns d in seconds.
func (d Duration) Seconds() float64 { return d.inUnits(Second) }

// Minutes returns d in minutes.
func (d Duration) Minutes() float64 { return d.inUnits(Minute) }

// Hours returns d in hours.
func (d Duration) Hours() float64 { return d.inUnits(Hour) }

// Truncate returns the result of rounding d toward zero to a multiple of
// m. If m <= 0, Truncate returns d unchanged.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// belowHalf reports whether x < y/2 for non-negative x and y, without
// overflowing.
func belowHalf(x, y Duration) bool { return uint64(x)*2 < uint64(y) }

// Round rounds d to the nearest multiple of m, halves away from zero,
// saturating at the extreme Durations; m <= 0 leaves d alone.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	rest := d % m
	if rest < 0 {
		rest = -rest
	}
	// rest < m/2, computed without overflow (both are non-negative).
	down := belowHalf(rest, m)
	if d >= 0 {
		if down {
			return d - rest
		}
		if up := d + (m - rest); up > d {
			return up
		}
		return maxDuration
	}
	if down {
		return d + rest
	}
	if away := d - (m - rest); away < d {
		return away
	}
	return minDuration
}

// Abs returns the absolute value of d. As a special case, math.MinInt64
// is converted to math.MaxInt64.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	}
	return -d
}

// durationUnits maps each unit suffix ParseDuration accepts to its length.
var durationUnits = map[string]uint64{
	"ns": uint64(Nanosecond),
	"us": uint64(Microsecond),
	"µs": uint64(Microsecond), // U+00B5 micro sign
	"μs": uint64(Microsecond), // U+03BC Greek small letter mu
	"ms": uint64(Millisecond),
	"s":  uint64(Second),
	"m":  uint64(Minute),
	"h":  uint64(Hour),
}

// ParseDuration parses a duration string. A duration string is a possibly
// signed sequence of decimal numbers, each with optional fraction and a
// unit suffix, such as "300ms", "-1.5h" or "2h45m". Valid time units are
// "ns", "us" (or "µs"), "ms", "s", "m", "h".
func ParseDuration(s string) (Duration, error) {
	orig := s
	invalid := func() (Duration, error) {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return invalid()
	}
	var total uint64 // magnitude so far; may reach 1<<63 only if neg
	for s != "" {
		whole, frac, scale, rest, ok := scanDecimal(s)
		if !ok {
			return invalid()
		}
		unitLen := 0
		for unitLen < len(rest) && rest[unitLen] != '.' && (rest[unitLen] < '0' || rest[unitLen] > '9') {
			unitLen++
		}
		if unitLen == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		u := rest[:unitLen]
		s = rest[unitLen:]
		unit, known := durationUnits[u]
		if !known {
			return 0, errors.New("time: unknown unit " + quote(u) + " in duration " + quote(orig))
		}
		if whole > 1<<63/unit {
			return invalid()
		}
		v := whole * unit
		if frac > 0 {
			// The fraction is scaled in float64, which is exact enough
			// for nanoseconds even in hours.
			v += uint64(float64(frac) * (float64(unit) / scale))
			if v > 1<<63 {
				return invalid()
			}
		}
		total += v
		if total > 1<<63 {
			return invalid()
		}
	}
	if neg {
		return -Duration(total), nil
	}
	if total > 1<<63-1 {
		return invalid()
	}
	return Duration(total), nil
}

// scanDecimal reads "digits[.digits]" at the start of s (at least one
// digit on either side of the point). whole is the integer part (ok is
// false if it exceeds 1<<63); frac/scale is the fraction, whose digits
// stop accumulating once more precision would overflow.
func scanDecimal(s string) (whole, frac uint64, scale float64, rest string, ok bool) {
	i := 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		if whole > 1<<63/10 {
			return 0, 0, 0, "", false
		}
		whole = whole*10 + uint64(s[i]-'0')
		if whole > 1<<63 {
			return 0, 0, 0, "", false
		}
	}
	digits := i
	scale = 1
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		full := false
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			if full {
				continue
			}
			next := frac*10 + uint64(s[i]-'0')
			if frac > (1<<63-1)/10 || next > 1<<63 {
				full = true
				continue
			}
			frac = next
			scale *= 10
		}
		digits += i - start
	}
	return whole, frac, scale, s[i:], digits > 0
}

// quote renders s in double quotes for error messages the way Go's time
// package does: '"' and '\\' get a backslash, and every byte of a
// non-ASCII or control character (or of an invalid sequence) is written
// as a \x escape.
func quote(s string) string {
	const hex = "0123456789abcdef"
	var starts []int // where each character of s begins, then len(s)
	for at := range s {
		starts = append(starts, at)
	}
	starts = append(starts, len(s))
	out := []byte{'"'}
	for k := 0; k+1 < len(starts); k++ {
		from, to := starts[k], starts[k+1]
		if c := s[from]; c >= 0x80 || c < ' ' {
			for _, b := range []byte(s[from:to]) {
				out = append(out, '\\', 'x', hex[b>>4], hex[b&0xF])
			}
			continue
		}
		if c := s[from]; c == '"' || c == '\\' {
			out = append(out, '\\')
		}
		out = append(out, s[from])
	}
	return string(append(out, '"'))
}
