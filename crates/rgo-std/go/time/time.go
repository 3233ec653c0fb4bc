// Package time measures, represents and formats instants and durations.
//
// rgo: plain Go for Time arithmetic, calendars, Duration and Location
// lookups; natives for the clocks (now, runtimeNano), sleeping and the
// runtime timers behind Timer/Ticker, reading time zone data
// (loadZoneData), and the layout-driven formatter and parser
// (appendFormat, parseCore), which work on broken-down fields only.
//
// Time's representation is Go's: wall packs a hasMonotonic flag, 33 bits
// of seconds since 1885 (when the flag is set) and 30 bits of
// nanoseconds; ext holds either the monotonic clock reading (flag set) or
// the signed seconds since January 1, year 1 UTC. loc == nil means UTC.
package time

import "errors"

// Time is an instant with nanosecond precision, together with the zone
// (Location) it is shown in. Use Equal, not ==, to compare instants.
type Time struct {
	wall uint64
	ext  int64
	loc  *Location
}

const (
	hasMonotonic = 1 << 63
	maxWall      = wallToInternal + (1<<33 - 1) // year 2157
	minWall      = wallToInternal               // year 1885
	nsecMask     = 1<<30 - 1
	nsecShift    = 30
)

const (
	secondsPerMinute = 60
	secondsPerHour   = 60 * secondsPerMinute
	secondsPerDay    = 24 * secondsPerHour
	secondsPerWeek   = 7 * secondsPerDay

	// daysBefore1970 is the number of days from January 1, year 1 to
	// January 1, 1970 (proleptic Gregorian).
	daysBefore1970 = 1969*365 + 1969/4 - 1969/100 + 1969/400

	unixToInternal int64 = daysBefore1970 * secondsPerDay
	internalToUnix int64 = -unixToInternal

	wallToInternal int64 = (1884*365 + 1884/4 - 1884/100 + 1884/400) * secondsPerDay
)

func (t *Time) nsec() int32 { return int32(t.wall & nsecMask) }

// monotonic reports whether t carries a monotonic clock reading; its
// seconds then live in the 33-bit field of wall (counted from 1885) and
// ext holds the reading.
func (t *Time) monotonic() bool { return t.wall&hasMonotonic != 0 }

// wallSecs is the 33-bit seconds field of a monotonic Time.
func (t *Time) wallSecs() int64 { return int64(t.wall << 1 >> (nsecShift + 1)) }

// sec returns t's seconds since January 1 of year 1.
func (t *Time) sec() int64 {
	if !t.monotonic() {
		return t.ext
	}
	return wallToInternal + t.wallSecs()
}

func (t *Time) unixSec() int64 { return t.sec() + internalToUnix }

// addSec moves t by d seconds: inside the 33-bit field when it still fits,
// otherwise in ext (dropping the monotonic reading), saturating rather
// than overflowing.
func (t *Time) addSec(d int64) {
	if t.monotonic() {
		if moved := t.wallSecs() + d; moved >= 0 && moved < 1<<33 {
			t.wall = hasMonotonic | uint64(moved)<<nsecShift | t.wall&nsecMask
			return
		}
		t.dropMono()
	}
	const limit = 1<<63 - 1 // saturation bound; Go uses -limit, not MinInt64, below
	moved := t.ext + d
	switch {
	case (moved > t.ext) == (d > 0):
		t.ext = moved
	case d > 0:
		t.ext = limit
	default:
		t.ext = -limit
	}
}

// setLoc sets t's zone (nil for UTC) and drops the monotonic reading.
func (t *Time) setLoc(loc *Location) {
	t.dropMono()
	t.loc = loc
	if loc == &utcLoc {
		t.loc = nil
	}
}

// dropMono drops t's monotonic reading, moving its seconds into ext.
func (t *Time) dropMono() {
	if t.monotonic() {
		t.ext = t.sec()
		t.wall &= nsecMask
	}
}

// putMono stores reading m, when t's seconds fit the 33-bit field.
func (t *Time) putMono(m int64) {
	if !t.monotonic() {
		secs := t.ext
		if secs < minWall || secs > maxWall {
			return
		}
		t.wall |= hasMonotonic | uint64(secs-minWall)<<nsecShift
	}
	t.ext = m
}

// mono returns t's monotonic reading, or 0.
func (t *Time) mono() int64 {
	if t.monotonic() {
		return t.ext
	}
	return 0
}

// order compares two instants: by monotonic readings when both have one,
// else by seconds and then nanoseconds.
func order(t, u *Time) int {
	var x, y int64
	switch {
	case t.monotonic() && u.monotonic():
		x, y = t.ext, u.ext
	case t.sec() != u.sec():
		x, y = t.sec(), u.sec()
	default:
		x, y = int64(t.nsec()), int64(u.nsec())
	}
	switch {
	case x < y:
		return -1
	case x > y:
		return +1
	}
	return 0
}

// After reports whether t is later than u.
func (t Time) After(u Time) bool { return order(&t, &u) > 0 }

// Before reports whether t is earlier than u.
func (t Time) Before(u Time) bool { return order(&t, &u) < 0 }

// Compare returns -1, 0 or +1 as t is before, at or after u.
func (t Time) Compare(u Time) int { return order(&t, &u) }

// Equal reports whether t and u are the same instant, whatever their
// zones (unlike ==).
func (t Time) Equal(u Time) bool { return order(&t, &u) == 0 }

// Month is a month of the year, January being 1.
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var longMonthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// String returns the English name of m, such as "March".
func (m Month) String() string {
	if m < January || m > December {
		return "%!Month(" + string(appendUint(nil, uint64(m))) + ")"
	}
	return longMonthNames[m-1]
}

// Weekday is a day of the week, Sunday being 0.
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

// String returns the English name of d, such as "Friday".
func (d Weekday) String() string {
	if d < Sunday || d > Saturday {
		return "%!Weekday(" + string(appendUint(nil, uint64(d))) + ")"
	}
	return longDayNames[d]
}

func itoa(v int) string {
	if v < 0 {
		return "-" + string(appendUint(nil, uint64(-v)))
	}
	return string(appendUint(nil, uint64(v)))
}

// IsZero reports whether t is the zero Time, January 1, year 1, 00:00 UTC.
func (t Time) IsZero() bool { return t.sec() == 0 && t.nsec() == 0 }

// locabs returns t's zone name and offset and its local wall clock as
// seconds since 1970.
func (t Time) locabs() (name string, offset int, local int64) {
	sec := t.unixSec()
	name, offset, _, _, _ = t.loc.lookup(sec)
	return name, offset, sec + int64(offset)
}

// floorDiv returns a/b rounded toward negative infinity, and the
// non-negative remainder.
func floorDiv(a, b int64) (q, r int64) {
	q, r = a/b, a%b
	if r < 0 {
		q--
		r += b
	}
	return q, r
}

// civilFromDays converts days since 1970-01-01 to a proleptic Gregorian
// date (Hinnant's era-based algorithm).
func civilFromDays(z int64) (year int, month Month, day int) {
	z += 719468 // days from 0000-03-01 to 1970-01-01
	era, doe := floorDiv(z, 146097)
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100) // [0, 365], from March 1
	mp := (5*doy + 2) / 153                  // [0, 11], March = 0
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), Month(m), int(d)
}

// daysFromCivil is the inverse of civilFromDays; month is 1..12.
func daysFromCivil(year int64, month int, day int) int64 {
	y := year
	if month <= 2 {
		y--
	}
	era, yoe := floorDiv(y, 400)
	mp := (int64(month) + 9) % 12 // March = 0
	doy := (153*mp+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func isLeap(year int) bool {
	if year%100 == 0 {
		return year%400 == 0
	}
	return year%4 == 0
}

// fields returns every calendar field of t in its location.
func (t Time) fields() (year int, month Month, day int, yday int, wday Weekday, hour, min, sec int) {
	_, _, local := t.locabs()
	days, secs := floorDiv(local, secondsPerDay)
	year, month, day = civilFromDays(days)
	yday = int(days-daysFromCivil(int64(year), 1, 1)) + 1
	_, w := floorDiv(days+4, 7) // 1970-01-01 was a Thursday
	wday = Weekday(w)
	hour = int(secs / secondsPerHour)
	min = int(secs % secondsPerHour / secondsPerMinute)
	sec = int(secs % secondsPerMinute)
	return
}

// Date returns the calendar date of t in its zone.
func (t Time) Date() (year int, month Month, day int) {
	year, month, day, _, _, _, _, _ = t.fields()
	return
}

// Year returns the year of t in its zone.
func (t Time) Year() int { y, _, _ := t.Date(); return y }

// Month returns the month of t in its zone.
func (t Time) Month() Month { _, m, _ := t.Date(); return m }

// Day returns the day of the month of t in its zone.
func (t Time) Day() int { _, _, d := t.Date(); return d }

// Weekday returns the day of the week of t in its zone.
func (t Time) Weekday() Weekday { _, _, _, _, w, _, _, _ := t.fields(); return w }

// ISOWeek returns the ISO 8601 week-numbering year and week (1 to 53) of
// t: weeks start on Monday, and week 1 is the one holding the year's
// first Thursday.
func (t Time) ISOWeek() (year, week int) {
	_, _, local := t.locabs()
	days, _ := floorDiv(local, secondsPerDay)
	// Move to the Thursday of the same ISO week (weeks start on Monday);
	// its year is the ISO year.
	_, w := floorDiv(days+3, 7) // Monday = 0
	thursday := days - w + 3
	y, _, _ := civilFromDays(thursday)
	return y, int((thursday-daysFromCivil(int64(y), 1, 1))/7) + 1
}

// Clock returns the hour, minute and second of t in its zone.
func (t Time) Clock() (hour, min, sec int) {
	_, _, _, _, _, hour, min, sec = t.fields()
	return
}

// Hour returns the hour of t in its zone, 0 to 23.
func (t Time) Hour() int { h, _, _ := t.Clock(); return h }

// Minute returns the minute of t in its zone, 0 to 59.
func (t Time) Minute() int { _, m, _ := t.Clock(); return m }

// Second returns the second of t in its zone, 0 to 59.
func (t Time) Second() int { _, _, s := t.Clock(); return s }

// Nanosecond returns the nanoseconds within t's second, 0 to 999999999.
func (t Time) Nanosecond() int { return int(t.nsec()) }

// YearDay returns the day of the year of t in its zone, 1 to 366.
func (t Time) YearDay() int { _, _, _, yd, _, _, _, _ := t.fields(); return yd }

// Add returns t moved by d (its monotonic reading too, when it has one).
func (t Time) Add(d Duration) Time {
	secs, frac := int64(d/Second), t.nsec()+int32(d%Second)
	switch {
	case frac >= 1e9:
		secs, frac = secs+1, frac-1e9
	case frac < 0:
		secs, frac = secs-1, frac+1e9
	}
	t.wall = t.wall&^nsecMask | uint64(frac)
	t.addSec(secs)
	if t.monotonic() {
		reading := t.ext + int64(d)
		if overflowed := (d > 0) != (reading > t.ext) && d != 0; overflowed {
			t.dropMono()
		} else {
			t.ext = reading
		}
	}
	return t
}

// Sub returns t - u, saturating at the extreme Durations; monotonic
// readings are used when both have one.
func (t Time) Sub(u Time) Duration {
	if t.monotonic() && u.monotonic() {
		return subMono(t.ext, u.ext)
	}
	diff := Duration(t.sec()-u.sec())*Second + Duration(t.nsec()-u.nsec())
	if u.Add(diff).Equal(t) {
		return diff // no overflow happened
	}
	if t.Before(u) {
		return minDuration
	}
	return maxDuration
}

// Since returns the time elapsed since t: Now().Sub(t).
func Since(t Time) Duration {
	if !t.monotonic() {
		return Now().Sub(t)
	}
	return subMono(runtimeNano()-startNano, t.ext)
}

// Until returns the time left until t: t.Sub(Now()).
func Until(t Time) Duration {
	if !t.monotonic() {
		return t.Sub(Now())
	}
	return subMono(t.ext, runtimeNano()-startNano)
}

// subMono is the saturated difference of two monotonic readings.
func subMono(a, b int64) Duration {
	diff := Duration(a - b)
	switch {
	case diff < 0 && a > b:
		return maxDuration
	case diff > 0 && a < b:
		return minDuration
	}
	return diff
}

// AddDate adds years, months and days to t's date, normalising like Date
// (October 31 plus one month is December 1).
func (t Time) AddDate(years int, months int, days int) Time {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return Date(y+years, mo+Month(months), d+days, h, mi, s, int(t.nsec()), t.Location())
}

// UTC returns t shown in UTC.
func (t Time) UTC() Time {
	t.setLoc(&utcLoc)
	return t
}

// Local returns t shown in local time.
func (t Time) Local() Time {
	t.setLoc(Local)
	return t
}

// In returns t shown in loc; it panics when loc is nil.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	t.setLoc(loc)
	return t
}

// Location returns t's zone (UTC for a Time without one).
func (t Time) Location() *Location {
	l := t.loc
	if l == nil {
		l = UTC
	}
	return l
}

// Zone returns the abbreviation and offset (seconds east of UTC) of the
// zone in effect at t.
func (t Time) Zone() (name string, offset int) {
	zoneName, off, _, _, _ := t.loc.lookup(t.unixSec())
	return zoneName, off
}

// ZoneBounds returns when the zone period holding t starts and ends; a
// period without start or end gives a zero Time for it.
func (t Time) ZoneBounds() (start, end Time) {
	_, _, from, to, _ := t.loc.lookup(t.unixSec())
	bound := func(sec int64) Time {
		b := unixTime(sec, 0)
		b.setLoc(t.loc)
		return b
	}
	if from != alpha {
		start = bound(from)
	}
	if to != omega {
		end = bound(to)
	}
	return start, end
}

// IsDST reports whether daylight saving time is in effect at t.
func (t Time) IsDST() bool {
	_, _, _, _, dst := t.loc.lookup(t.Unix())
	return dst
}

// Unix returns t in seconds since 1970-01-01 UTC.
func (t Time) Unix() int64 { return t.unixSec() }

// UnixMilli returns t in milliseconds since 1970-01-01 UTC.
func (t Time) UnixMilli() int64 { return t.unixSec()*1e3 + int64(t.nsec())/1e6 }

// UnixMicro returns t in microseconds since 1970-01-01 UTC.
func (t Time) UnixMicro() int64 { return t.unixSec()*1e6 + int64(t.nsec())/1e3 }

// UnixNano returns t in nanoseconds since 1970-01-01 UTC (meaningless
// outside the years 1678 to 2262).
func (t Time) UnixNano() int64 { return (t.unixSec())*1e9 + int64(t.nsec()) }

// unixTime builds a local Time without a monotonic reading.
func unixTime(sec int64, nsec int32) Time {
	return Time{wall: uint64(nsec), ext: unixToInternal + sec, loc: Local}
}

// Unix returns the local Time sec seconds and nsec nanoseconds after
// 1970-01-01 UTC; nsec may lie outside [0, 1e9).
func Unix(sec int64, nsec int64) Time {
	// Move whole seconds from nsec into sec, leaving 0 <= nsec < 1e9.
	carry := nsec / 1e9
	sec, nsec = sec+carry, nsec-carry*1e9
	if nsec < 0 {
		sec, nsec = sec-1, nsec+1e9
	}
	return unixTime(sec, int32(nsec))
}

// UnixMilli returns the local Time msec milliseconds after 1970-01-01 UTC.
func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

// UnixMicro returns the local Time usec microseconds after 1970-01-01 UTC.
func UnixMicro(usec int64) Time { return Unix(usec/1e6, (usec%1e6)*1e3) }

// carryInto moves whole multiples of base from lo into hi, so that the
// new lo lies in [0, base) and hi*base+lo keeps its value.
func carryInto(hi, lo, base int) (nhi, nlo int) {
	// Borrow or carry whole units of base, dividing so that the quotient
	// cannot overflow for negative lo.
	switch {
	case lo < 0:
		units := (-lo-1)/base + 1
		return hi - units, lo + units*base
	case lo >= base:
		units := lo / base
		return hi + units, lo - units*base
	}
	return hi, lo
}

// Date returns the Time of year-month-day hour:min:sec.nsec on loc's wall
// clock. Out-of-range values carry into the next larger unit (so
// October 32 is November 1). A wall time that a zone change skips or
// repeats gets one of the candidates. It panics when loc is nil.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	// Normalise from the smallest unit up, each carrying into the next.
	monthIndex := int(month) - 1
	year, monthIndex = carryInto(year, monthIndex, 12)
	sec, nsec = carryInto(sec, nsec, 1e9)
	min, sec = carryInto(min, sec, 60)
	hour, min = carryInto(hour, min, 60)
	day, hour = carryInto(day, hour, 24)
	days := daysFromCivil(int64(year), monthIndex+1, 1) + int64(day-1)
	wallClock := days*secondsPerDay + int64(hour*secondsPerHour+min*secondsPerMinute+sec)
	// The offset in effect at the wall-clock reading, re-checked at the
	// resulting instant when that lies in another zone period.
	_, off, from, to, _ := loc.lookup(wallClock)
	if off != 0 {
		if instant := wallClock - int64(off); instant < from || instant >= to {
			_, off, _, _, _ = loc.lookup(instant)
		}
		wallClock -= int64(off)
	}
	t := unixTime(wallClock, int32(nsec))
	t.setLoc(loc)
	return t
}

// Truncate rounds t down to a multiple of d since the zero Time, and drops
// the monotonic reading; d <= 0 only drops the reading.
func (t Time) Truncate(d Duration) Time {
	t.dropMono()
	if d <= 0 {
		return t
	}
	return t.Add(-t.modDuration(d))
}

// Round rounds t to the nearest multiple of d since the zero Time, halves
// up, and drops the monotonic reading; d <= 0 only drops the reading.
func (t Time) Round(d Duration) Time {
	t.dropMono()
	if d <= 0 {
		return t
	}
	r := t.modDuration(d)
	if belowHalf(r, d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

// modDuration returns (t - zero time) mod d, in [0, d), computing the
// 128-bit nanosecond count sec*1e9+nsec by long division.
func (t Time) modDuration(d Duration) Duration {
	sec := t.sec()
	neg := sec < 0
	usec := uint64(sec)
	if neg {
		usec = -usec
	}
	// Remainder of usec*1e9 (+ nsec) by d, digit by digit in base 2**32.
	du := uint64(d)
	r := mulmod(usec, 1e9, du)
	if neg {
		if r != 0 {
			r = du - r
		}
	}
	r = (r + uint64(t.nsec())%du) % du
	return Duration(r)
}

// mulmod returns a*b mod m without overflow (m < 2**63).
func mulmod(a, b, m uint64) uint64 {
	a %= m
	var r uint64
	for b > 0 {
		if b&1 != 0 {
			r = (r + a) % m
		}
		a = (a << 1) % m
		b >>= 1
	}
	return r
}

var errTimeRange = errors.New("time: year outside of range [0,9999]")
