package time

// POSIX TZ rules, the footer of a zone file, which Go applies to instants
// after the file's last transition: "std offset [dst [offset]
// [,start[/time],end[/time]]]", such as "EST5EDT,M3.2.0,M11.1.0".
// Offsets are written west-positive; rule times default to 02:00.

// posixRule is a parsed rule. Without daylight time, hasDST is false.
type posixRule struct {
	stdName, dstName     string
	stdOffset, dstOffset int // seconds east of UTC
	hasDST               bool
	start, end           dateRule
}

// dateRule is when in a year a change happens.
type dateRule struct {
	form byte // 'J': day 1..365 skipping Feb 29; 'D': day 0..365; 'M': month.week.weekday
	day  int  // day of year, or weekday (0 = Sunday) for 'M'
	week int  // 1..5, 5 meaning the last
	mon  int  // 1..12
	secs int  // local time of day of the change
}

// parseRule parses a POSIX TZ rule; ok is false when it is malformed.
func parseRule(text string) (r posixRule, ok bool) {
	rest := text
	if r.stdName, rest, ok = ruleName(rest); !ok {
		return r, false
	}
	var west int
	if west, rest, ok = ruleOffset(rest); !ok {
		return r, false
	}
	r.stdOffset = -west
	if rest == "" || rest[0] == ',' {
		return r, true // standard time all year
	}
	r.hasDST = true
	if r.dstName, rest, ok = ruleName(rest); !ok {
		return r, false
	}
	r.dstOffset = r.stdOffset + secondsPerHour
	if rest != "" && rest[0] != ',' {
		if west, rest, ok = ruleOffset(rest); !ok {
			return r, false
		}
		r.dstOffset = -west
	}
	if rest == "" {
		rest = ",M3.2.0,M11.1.0" // the US rules, POSIX's default
	}
	if rest[0] != ',' && rest[0] != ';' {
		return r, false
	}
	if r.start, rest, ok = ruleDate(rest[1:]); !ok || rest == "" || rest[0] != ',' {
		return r, false
	}
	if r.end, rest, ok = ruleDate(rest[1:]); !ok || rest != "" {
		return r, false
	}
	return r, true
}

// ruleName reads a zone abbreviation: "<...>" quoted, or at least three
// characters up to a digit, sign or comma.
func ruleName(s string) (name, rest string, ok bool) {
	if s == "" {
		return "", "", false
	}
	if s[0] == '<' {
		for k := 1; k < len(s); k++ {
			if s[k] == '>' {
				return s[1:k], s[k+1:], true
			}
		}
		return "", "", false
	}
	k := 0
	for k < len(s) && !(s[k] >= '0' && s[k] <= '9') && s[k] != ',' && s[k] != '-' && s[k] != '+' {
		k++
	}
	if k < 3 {
		return "", "", false
	}
	return s[:k], s[k:], true
}

// ruleOffset reads [+-]hh[:mm[:ss]] (hours up to a week) as seconds.
func ruleOffset(s string) (secs int, rest string, ok bool) {
	if s == "" {
		return 0, "", false
	}
	sign := 1
	switch s[0] {
	case '-':
		sign = -1
		s = s[1:]
	case '+':
		s = s[1:]
	}
	h, s, ok := ruleNum(s, 0, 7*24)
	if !ok {
		return 0, "", false
	}
	secs = h * secondsPerHour
	for _, unit := range [2]int{secondsPerMinute, 1} {
		if s == "" || s[0] != ':' {
			break
		}
		var n int
		if n, s, ok = ruleNum(s[1:], 0, 59); !ok {
			return 0, "", false
		}
		secs += n * unit
	}
	return sign * secs, s, true
}

// ruleNum reads a decimal number in [lo, hi].
func ruleNum(s string, lo, hi int) (n int, rest string, ok bool) {
	k := 0
	for ; k < len(s) && s[k] >= '0' && s[k] <= '9'; k++ {
		n = n*10 + int(s[k]-'0')
		if n > hi {
			return 0, "", false
		}
	}
	if k == 0 || n < lo {
		return 0, "", false
	}
	return n, s[k:], true
}

// ruleDate reads Jn, n or Mm.w.d, with an optional /time.
func ruleDate(s string) (d dateRule, rest string, ok bool) {
	if s == "" {
		return d, "", false
	}
	switch s[0] {
	case 'J':
		d.form = 'J'
		d.day, rest, ok = ruleNum(s[1:], 1, 365)
	case 'M':
		d.form = 'M'
		if d.mon, rest, ok = ruleNum(s[1:], 1, 12); !ok || rest == "" || rest[0] != '.' {
			return d, "", false
		}
		if d.week, rest, ok = ruleNum(rest[1:], 1, 5); !ok || rest == "" || rest[0] != '.' {
			return d, "", false
		}
		d.day, rest, ok = ruleNum(rest[1:], 0, 6)
	default:
		d.form = 'D'
		d.day, rest, ok = ruleNum(s, 0, 365)
	}
	if !ok {
		return d, "", false
	}
	d.secs = 2 * secondsPerHour
	if rest != "" && rest[0] == '/' {
		if d.secs, rest, ok = ruleOffset(rest[1:]); !ok {
			return d, "", false
		}
	}
	return d, rest, true
}

// daysBeforeMonth counts the days of a non-leap year before month m.
var daysBeforeMonth = [...]int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}

// secondOfYear is when the change d happens in year, in seconds from
// January 1 00:00 UTC, for a clock running at offset (seconds east).
func (d dateRule) secondOfYear(year, offset int) int {
	var day int
	switch d.form {
	case 'J':
		day = d.day - 1
		if d.day >= 60 && isLeap(year) {
			day++ // days count as if February 29 did not exist
		}
	case 'D':
		day = d.day
	case 'M':
		first := daysBeforeMonth[d.mon-1]
		if d.mon > 2 && isLeap(year) {
			first++
		}
		// Weekday of the month's first day (January 1, 1970 a Thursday).
		_, wd := floorDiv(daysFromCivil(int64(year), d.mon, 1)+4, 7)
		dom := (d.day - int(wd) + 7) % 7 // first such weekday, 0-based
		length := daysBeforeMonth[d.mon] - daysBeforeMonth[d.mon-1]
		if d.mon == 2 && isLeap(year) {
			length++
		}
		for w := 1; w < d.week && dom+7 < length; w++ {
			dom += 7
		}
		day = first + dom
	}
	return day*secondsPerDay + d.secs - offset
}

// at is the zone in effect at sec by the rule: its name, offset, period
// and daylight flag, with Go's bounds (outside a change, periods end at
// the turn of the UTC year). last is the file's last transition.
func (r *posixRule) at(last, sec int64) (name string, offset int, start, end int64, isDST bool) {
	if !r.hasDST {
		return r.stdName, r.stdOffset, last, omega, false
	}
	days, _ := floorDiv(sec, secondsPerDay)
	year, _, _ := civilFromDays(days)
	jan1 := daysFromCivil(int64(year), 1, 1)
	yearStart := jan1 * secondsPerDay
	// Go measures the instant from the year's start as whole days plus
	// sec's remainder (truncated: negative before 1970).
	into := (days-jan1)*secondsPerDay + sec%secondsPerDay
	on := int64(r.start.secondOfYear(year, r.stdOffset))
	off := int64(r.end.secondOfYear(year, r.dstOffset))
	outName, outOffset, outDST := r.stdName, r.stdOffset, false
	inName, inOffset, inDST := r.dstName, r.dstOffset, true
	if off < on { // southern hemisphere: daylight time spans the new year
		on, off = off, on
		outName, inName = inName, outName
		outOffset, inOffset = inOffset, outOffset
		outDST, inDST = inDST, outDST
	}
	switch {
	case into < on:
		return outName, outOffset, yearStart, yearStart + on, outDST
	case into >= off:
		return outName, outOffset, yearStart + off, yearStart + 365*secondsPerDay, outDST
	}
	return inName, inOffset, yearStart + on, yearStart + off, inDST
}
