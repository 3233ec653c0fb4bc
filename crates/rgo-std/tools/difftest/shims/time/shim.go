package time

import (
	real "time"
)

// Test-only bodies for the time natives. Local is UTC in tests.

var realStart = real.Now()

func now() (sec int64, nsec int32, mono int64) {
	t := real.Now()
	return t.Unix(), int32(t.Nanosecond()), int64(real.Since(realStart))
}

func runtimeNano() int64 { return int64(real.Since(realStart)) + 1 }

func loadZoneData(name string) (zones []zone, tx []zoneTrans, zoneName string, err string) {
	if name == "" {
		return nil, nil, "", "no local zone in tests"
	}
	return nil, nil, "", "unknown time zone " + name
}

func parseZoneData(data []byte) (zones []zone, tx []zoneTrans, err string) {
	return nil, nil, "unsupported in tests"
}

func appendFormat(b []byte, layout string, year int, month Month, day, yday int, wday Weekday,
	hour, min, sec, nsec int, zoneName string, offset int) []byte {
	loc := real.FixedZone(zoneName, offset)
	if zoneName == "UTC" && offset == 0 {
		loc = real.UTC
	}
	t := real.Date(year, real.Month(month), day, hour, min, sec, nsec, loc)
	return t.AppendFormat(b, layout)
}

func parseCore(layout, value string, p *parsed) bool { panic("parseCore: not shimmed") }

func Sleep(d Duration) { real.Sleep(real.Duration(d)) }

// Timers: a real time.Timer per rtimer; periodic timers re-arm.
var shimTimers = map[*rtimer]*real.Timer{}

func newTimer(when, period int64, f func(arg any, seq uintptr, delta int64), arg any, isChan bool) *rtimer {
	t := &rtimer{}
	var fire func()
	fire = func() {
		f(arg, 0, 0)
		if period > 0 {
			shimTimers[t].Reset(real.Duration(period))
		}
	}
	shimTimers[t] = real.AfterFunc(real.Duration(when-runtimeNano()), fire)
	return t
}

func stopTimer(t *rtimer) bool { return shimTimers[t].Stop() }

func resetTimer(t *rtimer, when, period int64) bool {
	return shimTimers[t].Reset(real.Duration(when - runtimeNano()))
}
