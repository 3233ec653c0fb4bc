package time

import "errors"

// These are predefined layouts for use in Time.Format and time.Parse.
const (
	Layout      = "01/02 03:04:05PM '06 -0700" // The reference time, in numerical order.
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700" // RFC822 with numeric zone
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700" // RFC1123 with numeric zone
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	// Handy time stamps.
	Stamp      = "Jan _2 15:04:05"
	StampMilli = "Jan _2 15:04:05.000"
	StampMicro = "Jan _2 15:04:05.000000"
	StampNano  = "Jan _2 15:04:05.000000000"
	DateTime   = "2006-01-02 15:04:05"
	DateOnly   = "2006-01-02"
	TimeOnly   = "15:04:05"
)

// appendFormat appends the broken-down time formatted by layout, exactly
// as Go's Time.AppendFormat does. Native.
func appendFormat(b []byte, layout string, year int, month Month, day, yday int, wday Weekday,
	hour, min, sec, nsec int, zoneName string, offset int) []byte

// String formats t with the layout "2006-01-02 15:04:05.999999999 -0700
// MST", followed by " m=±S.NNNNNNNNN" (the monotonic reading in seconds)
// when t carries one. It is meant for debugging.
func (t Time) String() string {
	text := t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
	if t.wall&hasMonotonic != 0 {
		text += " m=" + monoText(t.ext)
	}
	return text
}

// monoText renders a monotonic reading as a signed count of seconds with
// all nine fractional digits.
func monoText(ns int64) string {
	sign := "+"
	mag := uint64(ns)
	if ns < 0 {
		sign, mag = "-", -mag
	}
	digits := appendUint(nil, mag%1e9+1e9) // "1" then nine digits
	return sign + string(appendUint(nil, mag/1e9)) + "." + string(digits[1:])
}

// GoString renders t as the time.Date call that rebuilds it, for %#v.
func (t Time) GoString() string {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	args := []string{itoa(y), itoa(int(mo))}
	if mo >= January && mo <= December {
		args[1] = "time." + longMonthNames[mo-1]
	}
	for _, n := range [...]int{d, h, mi, s, t.Nanosecond()} {
		args = append(args, itoa(n))
	}
	zone := "time.Location(" + quote(t.Location().name) + ")"
	switch t.Location() {
	case UTC, nil:
		zone = "time.UTC"
	case Local:
		zone = "time.Local"
	}
	out := "time.Date("
	for _, a := range append(args, zone) {
		out += a + ", "
	}
	return out[:len(out)-2] + ")"
}

// Format renders t according to layout, a rendering of the reference time
// Mon Jan 2 15:04:05 MST 2006 (see the layout constants).
func (t Time) Format(layout string) string {
	var buf [64]byte
	return string(t.AppendFormat(buf[:0], layout))
}

// AppendFormat is Format appending to b.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	name, offset, _ := t.locabs()
	year, month, day, yday, wday, hour, min, sec := t.fields()
	return appendFormat(b, layout, year, month, day, yday, wday, hour, min, sec, int(t.nsec()), name, offset)
}

// ParseError reports text that does not match a layout.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

// Error describes the failure, quoting the value and, unless a Message
// was set, the layout and the mismatching elements.
func (e *ParseError) Error() string {
	head := "parsing time " + quote(e.Value)
	if e.Message != "" {
		return head + e.Message
	}
	return head + " as " + quote(e.Layout) + ": cannot parse " + quote(e.ValueElem) + " as " + quote(e.LayoutElem)
}

// parsed is what parseCore extracts from a value.
type parsed struct {
	year, month, day, hour, min, sec, nsec int
	zoneName                               string
	zoneOffset                             int  // seconds east of UTC, if hasOffset
	hasOffset                              bool // a numeric zone was present
	isUTC                                  bool // "Z" was present
	// Set on failure: the fields of the ParseError.
	layoutElem, valueElem, message string
}

// parseCore parses value against layout as Go's time.Parse does, up to
// (not including) resolving the zone into a Location; it validates the
// ranges (including day of month and day of year) and reports failure
// through p's error fields, returning false. Native.
func parseCore(layout, value string, p *parsed) bool

// Parse parses a formatted string and returns the time value it
// represents. In the absence of a time zone indicator, Parse returns a
// time in UTC.
func Parse(layout, value string) (Time, error) {
	return parseWith(layout, value, UTC, Local)
}

// ParseInLocation is like Parse but differs in two important ways. First,
// in the absence of time zone information, Parse interprets a time as
// UTC; ParseInLocation interprets the time as in the given location.
// Second, when given a zone offset or abbreviation, Parse tries to match
// it against the Local location; ParseInLocation uses the given location.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parseWith(layout, value, loc, loc)
}

func parseWith(layout, value string, defaultLocation, local *Location) (Time, error) {
	var p parsed
	if !parseCore(layout, value, &p) {
		return Time{}, &ParseError{layout, value, p.layoutElem, p.valueElem, p.message}
	}
	mk := func(loc *Location) Time {
		return Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, loc)
	}
	switch {
	case p.isUTC:
		return mk(UTC), nil
	case p.hasOffset:
		t := mk(UTC)
		t.addSec(-int64(p.zoneOffset))
		// Use the local zone if it has this offset (and name) then.
		name, offset, _, _, _ := local.lookup(t.unixSec())
		if offset == p.zoneOffset && (p.zoneName == "" || name == p.zoneName) {
			t.setLoc(local)
			return t, nil
		}
		t.setLoc(FixedZone(p.zoneName, p.zoneOffset))
		return t, nil
	case p.zoneName != "":
		t := mk(UTC)
		if offset, ok := local.lookupName(p.zoneName, t.unixSec()); ok {
			t.addSec(-int64(offset))
			t.setLoc(local)
			return t, nil
		}
		// An unknown abbreviation: a fake zone with offset 0, or the
		// hours of a "GMT+h" name.
		offset := 0
		if len(p.zoneName) > 3 && p.zoneName[:3] == "GMT" {
			offset = atoiSigned(p.zoneName[3:]) * 3600
		}
		t.setLoc(FixedZone(p.zoneName, offset))
		return t, nil
	}
	return mk(defaultLocation), nil
}

// atoiSigned parses an optionally signed decimal integer (0 on error).
func atoiSigned(s string) int {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	if neg {
		return -n
	}
	return n
}

// MarshalText implements the encoding.TextMarshaler interface. The time
// is formatted in RFC 3339 format with sub-second precision.
func (t Time) MarshalText() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalText: " + errTimeRange.Error()[len("time: "):])
	}
	return t.AppendFormat(make([]byte, 0, len(RFC3339Nano)), RFC3339Nano), nil
}

// MarshalJSON implements the encoding/json.Marshaler interface. The time
// is a quoted string in the RFC 3339 format with sub-second precision.
func (t Time) MarshalJSON() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalJSON: " + errTimeRange.Error()[len("time: "):])
	}
	b := make([]byte, 0, len(RFC3339Nano)+2)
	b = append(b, '"')
	b = t.AppendFormat(b, RFC3339Nano)
	return append(b, '"'), nil
}

// UnmarshalText implements the encoding.TextUnmarshaler interface. The
// time must be in the RFC 3339 format.
func (t *Time) UnmarshalText(data []byte) error {
	var err error
	*t, err = Parse(RFC3339, string(data))
	return err
}

// UnmarshalJSON reads a JSON string holding an RFC 3339 time (null is
// accepted and ignored).
func (t *Time) UnmarshalJSON(data []byte) error {
	text := string(data)
	switch {
	case text == "null":
		return nil // JSON null leaves t alone
	case len(text) < 2 || text[0] != '"' || text[len(text)-1] != '"':
		return errors.New("Time.UnmarshalJSON: input is not a JSON string")
	}
	parsed, err := Parse(RFC3339, text[1:len(text)-1])
	*t = parsed
	return err
}
