package time

import (
	"errors"
	"sync"
)

// Location is a set of zones and the instants at which a place switched
// between them, such as "Europe/Berlin".
//
// zone lists the zones; tx the transitions, sorted by when. extend is the
// POSIX TZ rule of a zone file (such as "CET-1CEST,M3.5.0,M10.5.0/3"),
// which decides the zone after the last transition. The cache remembers
// the zone of the last lookup.
type Location struct {
	name string
	zone []zone
	tx   []zoneTrans

	extend string

	cacheStart int64
	cacheEnd   int64
	cacheZone  *zone
}

// zone is one named offset, such as CET.
type zone struct {
	name   string // abbreviated name, "CET"
	offset int    // seconds east of UTC
	isDST  bool   // daylight saving time
}

// zoneTrans is one switch between zones.
type zoneTrans struct {
	when         int64 // Unix seconds of the switch
	index        uint8 // zone in effect from then on
	isstd, isutc bool  // TZif flags, unused
}

// alpha and omega bound all zone periods.
const (
	alpha = -1 << 63 // math.MinInt64
	omega = 1<<63 - 1
)

// UTC is Coordinated Universal Time.
var UTC *Location = &utcLoc

var utcLoc = Location{name: "UTC"}

// Local is the system's zone: $TZ names it (TZ="" meaning UTC), and
// without TZ it is /etc/localtime.
var Local *Location = &localLoc

var localLoc Location
var localOnce sync.Once

// loadZoneData returns the zones, transitions and POSIX rule of the named
// zone, read from $ZONEINFO or the system zoneinfo directories; err is
// Go's message when that fails ("unknown time zone X"). For name "" it
// loads the local zone as selected by $TZ or /etc/localtime, and zoneName
// is the name that Location gets; err is then set when the local zone is
// UTC. Native.
func loadZoneData(name string) (zones []zone, tx []zoneTrans, extend, zoneName, err string)

// parseZoneData decodes TZif data (a zone file's contents); err is set
// when the data is malformed. Native.
func parseZoneData(data []byte) (zones []zone, tx []zoneTrans, extend, err string)

// initLocal loads the local zone, falling back to UTC (named "UTC") when
// it cannot be found.
func initLocal() {
	zones, tx, extend, name, err := loadZoneData("")
	if err == "" && len(zones) > 0 {
		localLoc = Location{name: name, zone: zones, tx: tx, extend: extend}
		return
	}
	localLoc.name = "UTC"
}

// get resolves nil to UTC and loads Local on first use.
func (l *Location) get() *Location {
	switch l {
	case nil:
		return &utcLoc
	case &localLoc:
		localOnce.Do(initLocal)
	}
	return l
}

// String returns the name l was created with (as given to LoadLocation or
// FixedZone).
func (l *Location) String() string { return l.get().name }

// Unnamed fixed zones of whole hours from UTC-12 to UTC+14 are shared, as
// in Go, so that such Locations compare equal.
const westmost, eastmost = 12, 14

var hourZones []*Location
var hourZonesOnce sync.Once

// FixedZone returns a Location that always uses the zone name with the
// given offset in seconds east of UTC.
func FixedZone(name string, offset int) *Location {
	hours := offset / 3600
	if name != "" || hours*3600 != offset || hours < -westmost || hours > eastmost {
		return fixedZone(name, offset)
	}
	hourZonesOnce.Do(func() {
		for h := -westmost; h <= eastmost; h++ {
			hourZones = append(hourZones, fixedZone("", h*3600))
		}
	})
	return hourZones[hours+westmost]
}

// fixedZone builds a Location with one zone in effect forever.
func fixedZone(name string, offset int) *Location {
	l := &Location{name: name, cacheStart: alpha, cacheEnd: omega}
	l.zone = []zone{{name: name, offset: offset}}
	l.tx = []zoneTrans{{when: alpha}}
	l.cacheZone = &l.zone[0] // the only zone, valid for all time
	return l
}

// lookup describes the zone in effect at sec (Unix seconds): its name,
// offset east of UTC, the half-open period [start, end) during which it
// applies, and whether it is daylight time.
func (l *Location) lookup(sec int64) (name string, offset int, start, end int64, isDST bool) {
	l = l.get()
	if len(l.zone) < 1 {
		return "UTC", 0, alpha, omega, false
	}
	if c := l.cacheZone; c != nil && sec >= l.cacheStart && sec < l.cacheEnd {
		return c.name, c.offset, l.cacheStart, l.cacheEnd, c.isDST
	}
	var z *zone
	start, end = alpha, omega
	if len(l.tx) == 0 || sec < l.tx[0].when {
		z = &l.zone[l.zoneBeforeFirst()]
		if len(l.tx) != 0 {
			end = l.tx[0].when
		}
	} else {
		k := l.lastTransitionAt(sec)
		z = &l.zone[l.tx[k].index]
		start = l.tx[k].when
		if k+1 < len(l.tx) {
			end = l.tx[k+1].when
		} else if l.extend != "" {
			// Past the table: the file's POSIX rule decides.
			if r, ok := parseRule(l.extend); ok {
				return r.at(start, sec)
			}
		}
	}
	return z.name, z.offset, start, end, z.isDST
}

// lastTransitionAt returns the index of the last transition at or before
// sec; the first one must not be after sec.
func (l *Location) lastTransitionAt(sec int64) int {
	lo, hi := 0, len(l.tx) // tx[lo].when <= sec, and tx[hi] (if any) > sec
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if l.tx[mid].when <= sec {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// zoneBeforeFirst picks the zone in effect before the first transition,
// by Go's rules: zone 0 when no transition uses it; otherwise, when the
// first transition enters daylight time, the nearest standard zone listed
// before that one; otherwise the first standard zone; failing all, 0.
func (l *Location) zoneBeforeFirst() int {
	if !l.zoneZeroUsed() {
		return 0
	}
	if len(l.tx) != 0 && l.zone[l.tx[0].index].isDST {
		for k := int(l.tx[0].index) - 1; k >= 0; k-- {
			if !l.zone[k].isDST {
				return k
			}
		}
	}
	for k, z := range l.zone {
		if !z.isDST {
			return k
		}
	}
	return 0
}

// zoneZeroUsed reports whether some transition enters zone 0.
func (l *Location) zoneZeroUsed() bool {
	for _, t := range l.tx {
		if t.index == 0 {
			return true
		}
	}
	return false
}

// lookupName finds the offset of a zone called name: preferably one that
// is actually in effect at the instant unix (read as local time in that
// zone), else the first zone with that name.
func (l *Location) lookupName(name string, unix int64) (offset int, ok bool) {
	l = l.get()
	for k := range l.zone {
		z := &l.zone[k]
		if z.name != name {
			continue
		}
		if inEffect, off, _, _, _ := l.lookup(unix - int64(z.offset)); inEffect == z.name {
			return off, true
		}
	}
	for _, z := range l.zone {
		if z.name == name {
			return z.offset, true
		}
	}
	return 0, false
}

var errLocation = errors.New("time: invalid location name")

// LoadLocation returns the Location called name: UTC for "" and "UTC",
// Local for "Local", otherwise the IANA database entry such as
// "America/New_York". Names with "..", or starting with a slash or
// backslash, are refused.
func LoadLocation(name string) (*Location, error) {
	switch name {
	case "", "UTC":
		return UTC, nil
	case "Local":
		return Local, nil
	}
	if name[0] == '/' || name[0] == '\\' || hasDotDot(name) {
		return nil, errLocation
	}
	zones, tx, extend, _, err := loadZoneData(name)
	if err != "" {
		return nil, errors.New(err)
	}
	return &Location{name: name, zone: zones, tx: tx, extend: extend}, nil
}

// hasDotDot reports whether s contains "..".
func hasDotDot(s string) bool {
	for k := 1; k < len(s); k++ {
		if s[k] == '.' && s[k-1] == '.' {
			return true
		}
	}
	return false
}

// LoadLocationFromTZData returns a Location called name built from TZif
// data (the format of the IANA database files).
func LoadLocationFromTZData(name string, data []byte) (*Location, error) {
	zones, tx, extend, err := parseZoneData(data)
	if err != "" {
		return nil, errors.New(err)
	}
	return &Location{name: name, zone: zones, tx: tx, extend: extend}, nil
}
