//! Go's time layouts: formatting broken-down times (`Time.AppendFormat`)
//! and parsing values (`time.Parse` up to zone resolution), with Go's
//! exact texts, for the natives `time.appendFormat` and `time.parseCore`.
//!
//! A layout is split into chunks by `next_chunk`, which recognises the
//! elements of the reference time `Mon Jan 2 15:04:05 MST 2006` in the same
//! order of precedence as Go. Strings are byte slices: Go strings need not
//! be UTF-8.

/// The broken-down time `time.appendFormat` receives (Go's `Time.fields`
/// plus the zone): `yday` is 1-based, `wday` 0 = Sunday, `month` 1..=12.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields<'a> {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub yday: i64,
    pub wday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub nsec: i64,
    pub zone_name: &'a [u8],
    /// Seconds east of UTC.
    pub offset: i64,
}

/// What `time.parseCore` fills in on success (the Go struct `parsed`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub nsec: i64,
    pub zone_name: Vec<u8>,
    /// Seconds east of UTC, meaningful when `has_offset`.
    pub zone_offset: i64,
    /// A numeric zone was present (Go's `zoneOffset != -1`).
    pub has_offset: bool,
    /// "Z" or "UTC" was present: the time is in UTC.
    pub is_utc: bool,
}

/// A parse failure: the fields of Go's `time.ParseError` besides the
/// layout and value themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParseFailure {
    pub layout_elem: Vec<u8>,
    pub value_elem: Vec<u8>,
    pub message: Vec<u8>,
}

impl ParseFailure {
    /// The text of `(*time.ParseError).Error()` for this failure.
    pub fn text(&self, layout: &[u8], value: &[u8]) -> String {
        let mut b = b"parsing time ".to_vec();
        b.extend(quote(value));
        if self.message.is_empty() {
            b.extend(b" as ");
            b.extend(quote(layout));
            b.extend(b": cannot parse ");
            b.extend(quote(&self.value_elem));
            b.extend(b" as ");
            b.extend(quote(&self.layout_elem));
        } else {
            b.extend(&self.message);
        }
        String::from_utf8_lossy(&b).into_owned()
    }
}

/// One layout element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    Iso8601TZ,
    Iso8601SecondsTZ,
    Iso8601ShortTZ,
    Iso8601ColonTZ,
    Iso8601ColonSecondsTZ,
    NumTZ,
    NumSecondsTz,
    NumShortTZ,
    NumColonTZ,
    NumColonSecondsTZ,
    /// Fractional second with `digits` digits and separator `.` or `,`;
    /// `trim`: the `9` form, trailing zeros omitted.
    Frac {
        digits: usize,
        sep: u8,
        trim: bool,
    },
}

/// Splits `layout` at its first element: (prefix, element, suffix).
fn next_chunk(layout: &[u8]) -> (&[u8], Option<Std>, &[u8]) {
    let has = |i: usize, s: &[u8]| layout.len() >= i + s.len() && &layout[i..i + s.len()] == s;
    let lower_at = |i: usize| layout.get(i).is_some_and(u8::is_ascii_lowercase);
    for i in 0..layout.len() {
        let found = |std: Std, len: usize| Some((&layout[..i], Some(std), &layout[i + len..]));
        let r = match layout[i] {
            b'J' if has(i, b"January") => found(Std::LongMonth, 7),
            b'J' if has(i, b"Jan") && !lower_at(i + 3) => found(Std::Month, 3),
            b'M' if has(i, b"Monday") => found(Std::LongWeekDay, 6),
            b'M' if has(i, b"Mon") && !lower_at(i + 3) => found(Std::WeekDay, 3),
            b'M' if has(i, b"MST") => found(Std::TZ, 3),
            b'0' if layout.len() >= i + 2 && (b'1'..=b'6').contains(&layout[i + 1]) => {
                let std = [
                    Std::ZeroMonth,
                    Std::ZeroDay,
                    Std::ZeroHour12,
                    Std::ZeroMinute,
                    Std::ZeroSecond,
                    Std::Year,
                ][usize::from(layout[i + 1] - b'1')];
                found(std, 2)
            }
            b'0' if has(i, b"002") => found(Std::ZeroYearDay, 3),
            b'1' if has(i, b"15") => found(Std::Hour, 2),
            b'1' => found(Std::NumMonth, 1),
            b'2' if has(i, b"2006") => found(Std::LongYear, 4),
            b'2' => found(Std::Day, 1),
            b'_' if has(i, b"_2006") => {
                Some((&layout[..i + 1], Some(Std::LongYear), &layout[i + 5..]))
            }
            b'_' if has(i, b"_2") => found(Std::UnderDay, 2),
            b'_' if has(i, b"__2") => found(Std::UnderYearDay, 3),
            b'3' => found(Std::Hour12, 1),
            b'4' => found(Std::Minute, 1),
            b'5' => found(Std::Second, 1),
            b'P' if has(i, b"PM") => found(Std::PM, 2),
            b'p' if has(i, b"pm") => found(Std::Pm, 2),
            b'-' => zone_chunk(layout, i, b'-'),
            b'Z' => zone_chunk(layout, i, b'Z'),
            c @ (b'.' | b',') => frac_chunk(layout, i, c),
            _ => None,
        };
        if let Some(r) = r {
            return r;
        }
    }
    (layout, None, &[])
}

fn zone_chunk(layout: &[u8], i: usize, lead: u8) -> Option<(&[u8], Option<Std>, &[u8])> {
    let table: [(&[u8], Std, Std); 5] = [
        (b"070000", Std::NumSecondsTz, Std::Iso8601SecondsTZ),
        (
            b"07:00:00",
            Std::NumColonSecondsTZ,
            Std::Iso8601ColonSecondsTZ,
        ),
        (b"0700", Std::NumTZ, Std::Iso8601TZ),
        (b"07:00", Std::NumColonTZ, Std::Iso8601ColonTZ),
        (b"07", Std::NumShortTZ, Std::Iso8601ShortTZ),
    ];
    let rest = &layout[i + 1..];
    table
        .iter()
        .find(|(pat, _, _)| rest.starts_with(pat))
        .map(|(pat, num, iso)| {
            let std = if lead == b'-' { *num } else { *iso };
            (&layout[..i], Some(std), &layout[i + 1 + pat.len()..])
        })
}

fn frac_chunk(layout: &[u8], i: usize, sep: u8) -> Option<(&[u8], Option<Std>, &[u8])> {
    let ch = *layout.get(i + 1)?;
    if ch != b'0' && ch != b'9' {
        return None;
    }
    let mut j = i + 1;
    while j < layout.len() && layout[j] == ch {
        j += 1;
    }
    if is_digit(layout, j) {
        return None;
    }
    let std = Std::Frac {
        digits: (j - (i + 1)) & 0xfff,
        sep,
        trim: ch == b'9',
    };
    Some((&layout[..i], Some(std), &layout[j..]))
}

fn is_digit(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(u8::is_ascii_digit)
}

const LONG_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const LONG_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Go's `Month.String()`, including its text for out-of-range months.
fn month_name(m: i64) -> String {
    match usize::try_from(m.wrapping_sub(1))
        .ok()
        .and_then(|i| LONG_MONTHS.get(i))
    {
        Some(s) => (*s).to_string(),
        None => format!("%!Month({m})"),
    }
}

fn weekday_name(d: i64) -> String {
    match usize::try_from(d).ok().and_then(|i| LONG_DAYS.get(i)) {
        Some(s) => (*s).to_string(),
        None => format!("%!Weekday({d})"),
    }
}

/// Decimal `x` zero-padded to `width` digits (sign not counted).
fn append_int(b: &mut Vec<u8>, x: i64, width: usize) {
    if x < 0 {
        b.push(b'-');
    }
    let digits = x.unsigned_abs().to_string();
    b.extend(std::iter::repeat_n(
        b'0',
        width.saturating_sub(digits.len()),
    ));
    b.extend(digits.bytes());
}

/// `Time.AppendFormat`: appends `t` formatted by `layout` to `b`.
pub fn append_format(b: &mut Vec<u8>, t: &Fields, layout: &[u8]) {
    let mut layout = layout;
    loop {
        let (prefix, std, suffix) = next_chunk(layout);
        b.extend_from_slice(prefix);
        let Some(std) = std else { return };
        layout = suffix;
        format_elem(b, t, std);
    }
}

/// `Time.Format`.
pub fn format(t: &Fields, layout: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(layout.len() + 10);
    append_format(&mut b, t, layout);
    b
}

fn format_elem(b: &mut Vec<u8>, t: &Fields, std: Std) {
    let hr12 = || if t.hour % 12 == 0 { 12 } else { t.hour % 12 };
    match std {
        Std::Year => append_int(b, t.year.wrapping_abs() % 100, 2),
        Std::LongYear => append_int(b, t.year, 4),
        Std::Month => b.extend(month_name(t.month).bytes().take(3)),
        Std::LongMonth => b.extend(month_name(t.month).bytes()),
        Std::NumMonth => append_int(b, t.month, 0),
        Std::ZeroMonth => append_int(b, t.month, 2),
        Std::WeekDay => b.extend(weekday_name(t.wday).bytes().take(3)),
        Std::LongWeekDay => b.extend(weekday_name(t.wday).bytes()),
        Std::Day => append_int(b, t.day, 0),
        Std::UnderDay => {
            if t.day < 10 {
                b.push(b' ');
            }
            append_int(b, t.day, 0);
        }
        Std::ZeroDay => append_int(b, t.day, 2),
        Std::UnderYearDay => {
            if t.yday < 100 {
                b.push(b' ');
                if t.yday < 10 {
                    b.push(b' ');
                }
            }
            append_int(b, t.yday, 0);
        }
        Std::ZeroYearDay => append_int(b, t.yday, 3),
        Std::Hour => append_int(b, t.hour, 2),
        Std::Hour12 => append_int(b, hr12(), 0),
        Std::ZeroHour12 => append_int(b, hr12(), 2),
        Std::Minute => append_int(b, t.min, 0),
        Std::ZeroMinute => append_int(b, t.min, 2),
        Std::Second => append_int(b, t.sec, 0),
        Std::ZeroSecond => append_int(b, t.sec, 2),
        Std::PM => b.extend_from_slice(if t.hour >= 12 { b"PM" } else { b"AM" }),
        Std::Pm => b.extend_from_slice(if t.hour >= 12 { b"pm" } else { b"am" }),
        Std::TZ => format_zone_name(b, t),
        Std::Frac { digits, sep, trim } => append_nano(b, t.nsec, digits, sep, trim),
        _ => format_zone_offset(b, t.offset, std),
    }
}

fn format_zone_name(b: &mut Vec<u8>, t: &Fields) {
    if !t.zone_name.is_empty() {
        b.extend_from_slice(t.zone_name);
        return;
    }
    let mut zone = t.offset / 60;
    if zone < 0 {
        b.push(b'-');
        zone = -zone;
    } else {
        b.push(b'+');
    }
    append_int(b, zone / 60, 2);
    append_int(b, zone % 60, 2);
}

fn format_zone_offset(b: &mut Vec<u8>, offset: i64, std: Std) {
    use Std::*;
    let iso = matches!(
        std,
        Iso8601TZ | Iso8601ColonTZ | Iso8601SecondsTZ | Iso8601ShortTZ | Iso8601ColonSecondsTZ
    );
    if offset == 0 && iso {
        b.push(b'Z');
        return;
    }
    let mut zone = offset / 60;
    let mut abs = offset;
    if zone < 0 {
        b.push(b'-');
        zone = -zone;
        abs = abs.wrapping_neg();
    } else {
        b.push(b'+');
    }
    append_int(b, zone / 60, 2);
    if matches!(
        std,
        Iso8601ColonTZ | NumColonTZ | Iso8601ColonSecondsTZ | NumColonSecondsTZ
    ) {
        b.push(b':');
    }
    if !matches!(std, NumShortTZ | Iso8601ShortTZ) {
        append_int(b, zone % 60, 2);
    }
    if matches!(
        std,
        Iso8601SecondsTZ | NumSecondsTz | NumColonSecondsTZ | Iso8601ColonSecondsTZ
    ) {
        if matches!(std, NumColonSecondsTZ | Iso8601ColonSecondsTZ) {
            b.push(b':');
        }
        append_int(b, abs % 60, 2);
    }
}

fn append_nano(b: &mut Vec<u8>, nsec: i64, digits: usize, sep: u8, trim: bool) {
    if trim && (digits == 0 || nsec == 0) {
        return;
    }
    let start = b.len();
    b.push(sep);
    append_int(b, nsec, 9);
    if digits < 9 {
        b.truncate(b.len() - 9 + digits);
    }
    if trim {
        while b.len() > start && b.last() == Some(&b'0') {
            b.pop();
        }
        if b.len() > start && b.last() == Some(&sep) {
            b.pop();
        }
    }
}

/// Go's `time` package `quote` (used in its error texts): ASCII kept,
/// `"` and `\` escaped, other bytes of non-ASCII or control runes as `\xNN`.
pub fn quote(s: &[u8]) -> Vec<u8> {
    let mut b = vec![b'"'];
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if (b' '..0x80).contains(&c) {
            if c == b'"' || c == b'\\' {
                b.push(b'\\');
            }
            b.push(c);
            i += 1;
            continue;
        }
        let width = utf8_width(&s[i..]);
        for &byte in &s[i..i + width] {
            b.extend(format!("\\x{byte:02x}").bytes());
        }
        i += width;
    }
    b.push(b'"');
    b
}

/// Length of the rune starting `s` as Go's range loop decodes it (1 for
/// an invalid encoding).
fn utf8_width(s: &[u8]) -> usize {
    (1..=s.len().min(4))
        .find(|&n| std::str::from_utf8(&s[..n]).is_ok())
        .unwrap_or(1)
}

/// `time.Parse` up to zone resolution: the parsed fields, or the failure.
pub fn parse(layout: &[u8], value: &[u8]) -> Result<Parsed, ParseFailure> {
    let mut st = ParseState::default();
    let mut layout = layout;
    let mut value = value;
    loop {
        let (prefix, std, suffix) = next_chunk(layout);
        let stdstr = &layout[prefix.len()..layout.len() - suffix.len()];
        value = skip(value, prefix).map_err(|v| fail(prefix, v, Vec::new()))?;
        let Some(std) = std else {
            if !value.is_empty() {
                let mut msg = b": extra text: ".to_vec();
                msg.extend(quote(value));
                return Err(fail(b"", value, msg));
            }
            break;
        };
        layout = suffix;
        let hold = value;
        let res = st.elem(std, value, layout);
        let rest = match &res {
            Ok(v) | Err((_, v)) => *v,
        };
        if let Some(what) = st.range_err.take() {
            return Err(fail(
                stdstr,
                rest,
                format!(": {what} out of range").into_bytes(),
            ));
        }
        value = res.map_err(|_| fail(stdstr, hold, Vec::new()))?;
    }
    st.finish(value)
}

/// A numeric zone split as (sign, hours, minutes, seconds, rest of value).
type ZoneParts<'v> = (&'v [u8], &'v [u8], &'v [u8], &'v [u8], &'v [u8]);

fn fail(layout_elem: &[u8], value_elem: &[u8], message: Vec<u8>) -> ParseFailure {
    ParseFailure {
        layout_elem: layout_elem.to_vec(),
        value_elem: value_elem.to_vec(),
        message,
    }
}

/// Removes `prefix` from `value`, runs of spaces matching runs of spaces;
/// on failure returns the value where matching stopped.
fn skip<'v>(value: &'v [u8], prefix: &[u8]) -> Result<&'v [u8], &'v [u8]> {
    let (mut value, mut prefix) = (value, prefix);
    while let Some(&p) = prefix.first() {
        if p == b' ' {
            if value.first().is_some_and(|&c| c != b' ') {
                return Err(value);
            }
            prefix = cut_space(prefix);
            value = cut_space(value);
            continue;
        }
        if value.first() != Some(&p) {
            return Err(value);
        }
        prefix = &prefix[1..];
        value = &value[1..];
    }
    Ok(value)
}

fn cut_space(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&c| c == b' ').count();
    &s[n..]
}

/// An element failed to parse; carries the value left at that point.
type ElemResult<'v> = Result<&'v [u8], ((), &'v [u8])>;

#[derive(Default)]
struct ParseState {
    year: i64,
    month: Option<i64>,
    day: Option<i64>,
    yday: Option<i64>,
    hour: i64,
    min: i64,
    sec: i64,
    nsec: i64,
    utc: bool,
    zone_offset: i64,
    has_offset_field: bool,
    zone_name: Vec<u8>,
    am: bool,
    pm: bool,
    range_err: Option<&'static str>,
}

/// Go's `getnum`: one or two digits (exactly two when `fixed`).
fn getnum(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    if !is_digit(s, 0) {
        return None;
    }
    if !is_digit(s, 1) {
        if fixed {
            return None;
        }
        return Some((i64::from(s[0] - b'0'), &s[1..]));
    }
    Some((
        i64::from(s[0] - b'0') * 10 + i64::from(s[1] - b'0'),
        &s[2..],
    ))
}

/// Go's `getnum3`: one to three digits (exactly three when `fixed`).
fn getnum3(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    let n = s.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || fixed && n != 3 {
        return None;
    }
    let v = s[..n]
        .iter()
        .fold(0i64, |a, &c| a * 10 + i64::from(c - b'0'));
    Some((v, &s[n..]))
}

/// Go's `time.atoi`: optional sign then only digits, no overflow.
fn atoi(s: &[u8]) -> Option<i64> {
    let (neg, digits) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (x, rest) = leading_int(digits)?;
    if !rest.is_empty() {
        return None;
    }
    let x = x as i64; // Go converts uint64 to int, wrapping at 1<<63.
    Some(if neg { x.wrapping_neg() } else { x })
}

/// Go's `leadingInt`: the leading decimal digits, failing past 1<<63.
fn leading_int(s: &[u8]) -> Option<(u64, &[u8])> {
    let mut x: u64 = 0;
    let mut i = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        if x > (1u64 << 63) / 10 {
            return None;
        }
        x = x * 10 + u64::from(s[i] - b'0');
        if x > 1u64 << 63 {
            return None;
        }
        i += 1;
    }
    Some((x, &s[i..]))
}

fn lookup<'v>(tab: &[&str], val: &'v [u8], len: Option<usize>) -> Option<(i64, &'v [u8])> {
    tab.iter().enumerate().find_map(|(i, name)| {
        let name = &name.as_bytes()[..len.unwrap_or(name.len())];
        (val.len() >= name.len() && match_fold(&val[..name.len()], name))
            .then(|| (i as i64, &val[name.len()..]))
    })
}

/// Go's `match`: equal ignoring ASCII letter case.
fn match_fold(a: &[u8], b: &[u8]) -> bool {
    a.iter().zip(b).all(|(&c1, &c2)| {
        c1 == c2 || {
            let (l1, l2) = (c1 | 0x20, c2 | 0x20);
            l1 == l2 && l1.is_ascii_lowercase()
        }
    })
}

fn comma_or_period(c: u8) -> bool {
    c == b'.' || c == b','
}

impl ParseState {
    fn elem<'v>(&mut self, std: Std, value: &'v [u8], layout_rest: &[u8]) -> ElemResult<'v> {
        let bad = |v: &'v [u8]| Err(((), v));
        match std {
            Std::Year => {
                if value.len() < 2 {
                    return bad(value);
                }
                let (p, rest) = value.split_at(2);
                let Some(y) = atoi(p) else { return bad(rest) };
                self.year = if y >= 69 { y + 1900 } else { y + 2000 };
                Ok(rest)
            }
            Std::LongYear => {
                if value.len() < 4 || !is_digit(value, 0) {
                    return bad(value);
                }
                let (p, rest) = value.split_at(4);
                let Some(y) = atoi(p) else { return bad(rest) };
                self.year = y;
                Ok(rest)
            }
            Std::Month | Std::LongMonth => {
                let len = (std == Std::Month).then_some(3);
                let Some((m, rest)) = lookup(&LONG_MONTHS, value, len) else {
                    return bad(value);
                };
                self.month = Some(m + 1);
                Ok(rest)
            }
            Std::NumMonth | Std::ZeroMonth => {
                let Some((m, rest)) = getnum(value, std == Std::ZeroMonth) else {
                    return bad(value);
                };
                if !(1..=12).contains(&m) {
                    self.range_err = Some("month");
                }
                self.month = Some(m);
                Ok(rest)
            }
            Std::WeekDay | Std::LongWeekDay => {
                let len = (std == Std::WeekDay).then_some(3);
                match lookup(&LONG_DAYS, value, len) {
                    Some((_, rest)) => Ok(rest),
                    None => bad(value),
                }
            }
            Std::Day | Std::UnderDay | Std::ZeroDay => {
                let mut v = value;
                if std == Std::UnderDay && v.first() == Some(&b' ') {
                    v = &v[1..];
                }
                let Some((d, rest)) = getnum(v, std == Std::ZeroDay) else {
                    return bad(v);
                };
                self.day = Some(d);
                Ok(rest)
            }
            Std::UnderYearDay | Std::ZeroYearDay => {
                let mut v = value;
                for _ in 0..2 {
                    if std == Std::UnderYearDay && v.first() == Some(&b' ') {
                        v = &v[1..];
                    }
                }
                let Some((d, rest)) = getnum3(v, std == Std::ZeroYearDay) else {
                    return bad(v);
                };
                self.yday = Some(d);
                Ok(rest)
            }
            Std::Hour | Std::Hour12 | Std::ZeroHour12 => {
                let r = getnum(value, std == Std::ZeroHour12);
                let h = r.map_or(0, |(h, _)| h);
                let max = if std == Std::Hour { 23 } else { 12 };
                if h > max {
                    self.range_err = Some("hour");
                }
                self.hour = h;
                r.map(|(_, rest)| rest).ok_or(((), value))
            }
            Std::Minute | Std::ZeroMinute => {
                let r = getnum(value, std == Std::ZeroMinute);
                let m = r.map_or(0, |(m, _)| m);
                if m >= 60 {
                    self.range_err = Some("minute");
                }
                self.min = m;
                r.map(|(_, rest)| rest).ok_or(((), value))
            }
            Std::Second | Std::ZeroSecond => self.second(std, value, layout_rest),
            Std::PM | Std::Pm => {
                if value.len() < 2 {
                    return bad(value);
                }
                let (p, rest) = value.split_at(2);
                let (am, pm): (&[u8], &[u8]) = if std == Std::PM {
                    (b"AM", b"PM")
                } else {
                    (b"am", b"pm")
                };
                if p == pm {
                    self.pm = true;
                } else if p == am {
                    self.am = true;
                } else {
                    return bad(rest);
                }
                Ok(rest)
            }
            Std::TZ => {
                if value.starts_with(b"UTC") {
                    self.utc = true;
                    return Ok(&value[3..]);
                }
                let Some(n) = parse_time_zone(value) else {
                    return bad(value);
                };
                self.zone_name = value[..n].to_vec();
                Ok(&value[n..])
            }
            Std::Frac {
                digits,
                trim: false,
                ..
            } => {
                let n = 1 + digits;
                if value.len() < n {
                    return bad(value);
                }
                self.nsec_field(value, n)
            }
            Std::Frac { trim: true, .. } => {
                if value.len() < 2 || !comma_or_period(value[0]) || !value[1].is_ascii_digit() {
                    return Ok(value);
                }
                let n = 1 + value[1..].iter().take_while(|c| c.is_ascii_digit()).count();
                self.nsec_field(value, n)
            }
            _ => self.zone_offset_elem(std, value),
        }
    }

    fn second<'v>(&mut self, std: Std, value: &'v [u8], layout_rest: &[u8]) -> ElemResult<'v> {
        let Some((s, rest)) = getnum(value, std == Std::ZeroSecond) else {
            return Err(((), value));
        };
        self.sec = s;
        if s >= 60 {
            self.range_err = Some("second");
            return Ok(rest);
        }
        if rest.len() >= 2 && comma_or_period(rest[0]) && is_digit(rest, 1) {
            if let (_, Some(Std::Frac { .. }), _) = next_chunk(layout_rest) {
                return Ok(rest);
            }
            let n = 2 + rest[2..].iter().take_while(|c| c.is_ascii_digit()).count();
            return self.nsec_field(rest, n);
        }
        Ok(rest)
    }

    /// Parses the fraction `value[..n]` (separator included) into nsec;
    /// the value left is `value[n..]` either way.
    fn nsec_field<'v>(&mut self, value: &'v [u8], n: usize) -> ElemResult<'v> {
        let rest = &value[n..];
        match parse_nanoseconds(value, n) {
            Ok(ns) => {
                self.nsec = ns;
                Ok(rest)
            }
            Err(Some(range)) => {
                self.range_err = Some(range);
                Ok(rest)
            }
            Err(None) => Err(((), rest)),
        }
    }

    fn zone_offset_elem<'v>(&mut self, std: Std, value: &'v [u8]) -> ElemResult<'v> {
        use Std::*;
        let iso = matches!(
            std,
            Iso8601TZ | Iso8601ShortTZ | Iso8601ColonTZ | Iso8601SecondsTZ | Iso8601ColonSecondsTZ
        );
        if iso && value.first() == Some(&b'Z') {
            self.utc = true;
            return Ok(&value[1..]);
        }
        let bad = Err(((), value));
        // (sign, hour, minute, second, rest)
        let parts: ZoneParts = match std {
            Iso8601ColonTZ | NumColonTZ => {
                if value.len() < 6 || value[3] != b':' {
                    return bad;
                }
                (&value[..1], &value[1..3], &value[4..6], b"00", &value[6..])
            }
            NumShortTZ | Iso8601ShortTZ => {
                if value.len() < 3 {
                    return bad;
                }
                (&value[..1], &value[1..3], b"00", b"00", &value[3..])
            }
            Iso8601ColonSecondsTZ | NumColonSecondsTZ => {
                if value.len() < 9 || value[3] != b':' || value[6] != b':' {
                    return bad;
                }
                (
                    &value[..1],
                    &value[1..3],
                    &value[4..6],
                    &value[7..9],
                    &value[9..],
                )
            }
            Iso8601SecondsTZ | NumSecondsTz => {
                if value.len() < 7 {
                    return bad;
                }
                (
                    &value[..1],
                    &value[1..3],
                    &value[3..5],
                    &value[5..7],
                    &value[7..],
                )
            }
            _ => {
                if value.len() < 5 {
                    return bad;
                }
                (&value[..1], &value[1..3], &value[3..5], b"00", &value[5..])
            }
        };
        let (sign, hh, mm, ss, rest) = parts;
        let mut ok = true;
        let mut num = |s: &[u8]| {
            if !ok {
                return 0;
            }
            match getnum(s, true) {
                Some((n, _)) => n,
                None => {
                    ok = false;
                    0
                }
            }
        };
        let (hr, mi, se) = (num(hh), num(mm), num(ss));
        if hr > 24 {
            self.range_err = Some("time zone offset hour");
        }
        if mi > 60 {
            self.range_err = Some("time zone offset minute");
        }
        if se > 60 {
            self.range_err = Some("time zone offset second");
        }
        let mut off = (hr * 60 + mi) * 60 + se;
        match sign[0] {
            b'+' => {}
            b'-' => off = -off,
            _ => ok = false,
        }
        self.zone_offset = off;
        self.has_offset_field = true;
        if ok {
            Ok(rest)
        } else {
            Err(((), rest))
        }
    }

    fn finish(mut self, value: &[u8]) -> Result<Parsed, ParseFailure> {
        if self.pm && self.hour < 12 {
            self.hour += 12;
        } else if self.am && self.hour == 12 {
            self.hour = 0;
        }
        let range = |msg: &str| fail(b"", value, msg.as_bytes().to_vec());
        let (month, day) = match self.yday {
            Some(yday) => {
                let (m, d) = month_day_of_yday(self.year, yday)
                    .ok_or_else(|| range(": day-of-year out of range"))?;
                if self.month.is_some_and(|x| x != m) {
                    return Err(range(": day-of-year does not match month"));
                }
                if self.day.is_some_and(|x| x != d) {
                    return Err(range(": day-of-year does not match day"));
                }
                (m, d)
            }
            None => (self.month.unwrap_or(1), self.day.unwrap_or(1)),
        };
        if day < 1 || day > days_in(month, self.year) {
            return Err(range(": day out of range"));
        }
        // Go keeps -1 as "no offset", so an offset of -1s reads as none.
        let has_offset = self.has_offset_field && self.zone_offset != -1;
        Ok(Parsed {
            year: self.year,
            month,
            day,
            hour: self.hour,
            min: self.min,
            sec: self.sec,
            nsec: self.nsec,
            zone_name: self.zone_name,
            zone_offset: if has_offset { self.zone_offset } else { 0 },
            has_offset,
            is_utc: self.utc,
        })
    }
}

/// Go's `parseNanoseconds`: `Err(Some(range))` for a range error,
/// `Err(None)` for a syntax error.
fn parse_nanoseconds(value: &[u8], nbytes: usize) -> Result<i64, Option<&'static str>> {
    if !comma_or_period(value[0]) {
        return Err(None);
    }
    let nbytes = nbytes.min(10);
    let ns = atoi(&value[1..nbytes]).ok_or(None)?;
    if ns < 0 {
        return Err(Some("fractional second"));
    }
    Ok((nbytes..10).fold(ns, |n, _| n.wrapping_mul(10)))
}

/// Go's `parseTimeZone`: the length of the zone abbreviation at the start.
fn parse_time_zone(value: &[u8]) -> Option<usize> {
    if value.len() < 3 {
        return None;
    }
    if value.starts_with(b"ChST") || value.starts_with(b"MeST") {
        return Some(4);
    }
    if value.starts_with(b"GMT") {
        let rest = &value[3..];
        return Some(if rest.is_empty() {
            3
        } else {
            3 + parse_signed_offset(rest)
        });
    }
    if value[0] == b'+' || value[0] == b'-' {
        let n = parse_signed_offset(value);
        return (n > 0).then_some(n);
    }
    let upper = value
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    match upper {
        5 if value[4] == b'T' => Some(5),
        4 if value[3] == b'T' || value.starts_with(b"WITA") => Some(4),
        3 => Some(3),
        _ => None,
    }
}

/// Go's `parseSignedOffset`: the length of "+h"/"-hh" with h <= 23, or 0.
fn parse_signed_offset(value: &[u8]) -> usize {
    if value[0] != b'-' && value[0] != b'+' {
        return 0;
    }
    match leading_int(&value[1..]) {
        Some((x, rest)) if rest.len() != value.len() - 1 && x <= 23 => value.len() - rest.len(),
        _ => 0,
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in(month: i64, year: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Month and day of the 1-based day of year, as Go's parse computes them.
fn month_day_of_yday(year: i64, yday: i64) -> Option<(i64, i64)> {
    const BEFORE: [i64; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    let mut yday = yday;
    if is_leap(year) {
        if yday == 31 + 29 {
            return Some((2, 29));
        }
        if yday > 31 + 29 {
            yday -= 1;
        }
    }
    if !(1..=365).contains(&yday) {
        return None;
    }
    let m = BEFORE.iter().position(|&b| b >= yday)? as i64;
    Some((m, yday - BEFORE[(m - 1) as usize]))
}
