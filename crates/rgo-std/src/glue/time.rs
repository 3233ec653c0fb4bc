//! time: the layout formatter and parser (`natives::timefmt`, checked
//! against Go) and the zone database reader (`natives::tzif`), which finds
//! zone files where Go's `time.LoadLocation` looks for them on Linux.
//!
//! Layouts of the Go structs written here (amd64): `zone` is
//! `{name string; offset int; isDST bool}` (32 bytes, a pointer in word
//! 0), `zoneTrans` `{when int64; index uint8; isstd, isutc bool}` (16
//! bytes), `parsed` seven ints, `zoneName string`, `zoneOffset int`,
//! `hasOffset, isUTC bool`, then the strings `layoutElem`, `valueElem`,
//! `message`.

use super::{append_bytes, bytes, put_string, set, slot, Growth, R};
use crate::natives::timefmt::{self, Fields};
use crate::natives::tzif::{self, Tz};
use rgo_runtime::interp::{GState, NativeFn};
use rgo_runtime::malloc::mallocgc;

pub(super) const NATIVES: &[(&str, NativeFn, u16)] = &[
    ("time.appendFormat", append_format, 20),
    ("time.parseCore", parse_core, 6),
    ("time.parseZoneData", parse_zone_data, 13),
    ("time.loadZoneData", load_zone_data, 14),
];

/// `appendFormat(b []byte, layout string, year int, month Month, day,
/// yday int, wday Weekday, hour, min, sec, nsec int, zoneName string,
/// offset int) []byte`: window `[res 3][b 3][layout 2][year][month][day]
/// [yday][wday][hour][min][sec][nsec][zoneName 2][offset]`.
///
/// # Safety
/// The window has 20 slots.
unsafe fn append_format(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let n = |i: usize| slot(w, i) as i64;
        let t = Fields {
            year: n(8),
            month: n(9),
            day: n(10),
            yday: n(11),
            wday: n(12),
            hour: n(13),
            min: n(14),
            sec: n(15),
            nsec: n(16),
            zone_name: bytes(w, 17),
            offset: n(19),
        };
        let out = timefmt::format(&t, bytes(w, 6));
        append_bytes(w, 0, 3, &out, Growth::Stepwise);
    }
    Ok(())
}

/// `parseCore(layout, value string, p *parsed) bool`: window
/// `[ok][layout 2][value 2][p]`.
///
/// # Safety
/// The window has 6 slots; `p` points at a `parsed`.
unsafe fn parse_core(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states;
    // `p` points at a 136-byte `parsed` (17 words, layout in the header).
    unsafe {
        let p = slot(w, 5) as *mut u64;
        match timefmt::parse(bytes(w, 1), bytes(w, 3)) {
            Ok(r) => {
                for (i, v) in [r.year, r.month, r.day, r.hour, r.min, r.sec, r.nsec]
                    .into_iter()
                    .enumerate()
                {
                    *p.add(i) = v as u64;
                }
                put_string(p, 7, &r.zone_name);
                *p.add(9) = r.zone_offset as u64;
                *p.add(10) = u64::from(r.has_offset) | u64::from(r.is_utc) << 8;
                set(w, 0, 1);
            }
            Err(f) => {
                put_string(p, 11, &f.layout_elem);
                put_string(p, 13, &f.value_elem);
                put_string(p, 15, &f.message);
                set(w, 0, 0);
            }
        }
    }
    Ok(())
}

/// time's `zone`: `{name string, offset int, isDST bool}`.
static ZONE_TYPE: rgo_runtime::typedesc::Type = rgo_runtime::typedesc::Type::with_pointers(
    32,
    rgo_runtime::typedesc::Kind::Struct,
    &[0b1],
    "time.zone",
);

/// Writes a decoded zone file as `zones []zone` at slot 0, `tx
/// []zoneTrans` at slot 3 and `extend string` at slot 6.
///
/// # Safety
/// Eight writable slots.
unsafe fn put_tz(w: *mut u64, tz: &Tz) {
    // SAFETY: caller's contract; the arrays are fresh allocations of the
    // sizes written, the zone array typed so the GC sees its names.
    unsafe {
        let zs = mallocgc(32 * tz.zones.len(), &ZONE_TYPE, true) as *mut u64;
        for (i, z) in tz.zones.iter().enumerate() {
            let e = zs.add(4 * i);
            put_string(e, 0, &z.name);
            *e.add(2) = z.offset as u64;
            *e.add(3) = u64::from(z.is_dst);
        }
        set(w, 0, zs as u64);
        set(w, 1, tz.zones.len() as u64);
        set(w, 2, tz.zones.len() as u64);
        let ts = mallocgc(16 * tz.tx.len(), std::ptr::null(), true) as *mut u64;
        for (i, t) in tz.tx.iter().enumerate() {
            *ts.add(2 * i) = t.when as u64;
            *ts.add(2 * i + 1) =
                u64::from(t.index) | u64::from(t.isstd) << 8 | u64::from(t.isutc) << 16;
        }
        set(w, 3, ts as u64);
        set(w, 4, tz.tx.len() as u64);
        set(w, 5, tz.tx.len() as u64);
        put_string(w, 6, &tz.extend);
    }
}

const MALFORMED: &[u8] = b"malformed time zone information";

/// `parseZoneData(data []byte) (zones []zone, tx []zoneTrans, extend
/// string, err string)`: window `[zones 3][tx 3][extend 2][err 2][data 3]`.
///
/// # Safety
/// The window has 13 slots.
unsafe fn parse_zone_data(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let data = bytes(w, 10).to_vec();
        clear(w, 10);
        match tzif::decode(&data) {
            Ok(tz) => put_tz(w, &tz),
            Err(()) => put_string(w, 8, MALFORMED),
        }
    }
    Ok(())
}

/// Zeroes slots `0..n`.
///
/// # Safety
/// `n` writable slots.
unsafe fn clear(w: *mut u64, n: usize) {
    for i in 0..n {
        // SAFETY: caller's contract.
        unsafe { set(w, i, 0) };
    }
}

/// The directories Go searches on Linux, in order.
const ZONE_DIRS: [&str; 4] = [
    "/usr/share/zoneinfo/",
    "/usr/share/lib/zoneinfo/",
    "/usr/lib/locale/TZ/",
    "/etc/zoneinfo",
];

/// Go refuses zone files larger than this.
const MAX_FILE: u64 = 10 << 20;

/// Why a zone could not be read from one source.
enum Miss {
    /// Not there: try the next source.
    Absent,
    /// Go's error text for this source.
    Error(Vec<u8>),
}

/// Reads the zone file `name` of directory `dir` ("" for a path).
fn read_zone(dir: &str, name: &[u8]) -> Result<Vec<u8>, Miss> {
    use std::io::Read;
    use std::os::unix::ffi::OsStrExt;
    let mut path = Vec::new();
    if !dir.is_empty() {
        path.extend_from_slice(dir.as_bytes());
        path.push(b'/');
    }
    path.extend_from_slice(name);
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(&path));
    let errno = |e: std::io::Error| match e.raw_os_error() {
        Some(libc::ENOENT) => Miss::Absent,
        Some(n) => Miss::Error(errno_text(n)),
        None => Miss::Error(e.to_string().into_bytes()),
    };
    let mut f = std::fs::File::open(path).map_err(errno)?;
    let mut data = Vec::new();
    f.by_ref()
        .take(MAX_FILE + 1)
        .read_to_end(&mut data)
        .map_err(errno)?;
    if data.len() as u64 > MAX_FILE {
        let mut msg = path.as_os_str().as_bytes().to_vec();
        msg.extend_from_slice(b" is too large");
        return Err(Miss::Error(msg));
    }
    Ok(data)
}

/// Go's `syscall.Errno` text (lower-case, as Go prints it).
fn errno_text(n: i32) -> Vec<u8> {
    match n {
        libc::EISDIR => b"is a directory".to_vec(),
        libc::EACCES => b"permission denied".to_vec(),
        libc::ENOTDIR => b"not a directory".to_vec(),
        libc::ELOOP => b"too many levels of symbolic links".to_vec(),
        libc::ENAMETOOLONG => b"file name too long".to_vec(),
        _ => {
            let s = std::io::Error::from_raw_os_error(n).to_string();
            let s = s.split(" (os error").next().unwrap_or(&s);
            let mut b = s.as_bytes().to_vec();
            if let Some(c) = b.first_mut() {
                c.make_ascii_lowercase();
            }
            b
        }
    }
}

/// Go's `loadLocation(name, sources)`: the first source holding a valid
/// file wins; otherwise the first real error, or "unknown time zone".
fn load_from(name: &[u8], dirs: &[&str]) -> Result<Tz, Vec<u8>> {
    let mut first: Option<Vec<u8>> = None;
    for dir in dirs {
        match read_zone(dir, name) {
            Ok(data) => match tzif::decode(&data) {
                Ok(tz) => return Ok(tz),
                Err(()) => {
                    first.get_or_insert_with(|| MALFORMED.to_vec());
                }
            },
            Err(Miss::Error(e)) => {
                first.get_or_insert(e);
            }
            Err(Miss::Absent) => {}
        }
    }
    Err(first.unwrap_or_else(|| {
        let mut m = b"unknown time zone ".to_vec();
        m.extend_from_slice(name);
        m
    }))
}

/// Go's `LoadLocation` search for a named zone: `$ZONEINFO` (a
/// directory; rgo reads no zip archives) and then the system directories.
fn load_named(name: &[u8]) -> Result<Tz, Vec<u8>> {
    let mut first = None;
    if let Some(dir) = std::env::var_os("ZONEINFO").filter(|d| !d.is_empty()) {
        let dir = dir.to_string_lossy().into_owned();
        if !dir.ends_with(".zip") {
            match read_zone(&dir, name) {
                Ok(data) => match tzif::decode(&data) {
                    Ok(tz) => return Ok(tz),
                    Err(()) => first = Some(MALFORMED.to_vec()),
                },
                Err(Miss::Error(e)) => first = Some(e),
                Err(Miss::Absent) => {}
            }
        }
    }
    load_from(name, &ZONE_DIRS).map_err(|e| first.unwrap_or(e))
}

/// The local zone as Go's `initLocal` picks it: `$TZ` unset means
/// /etc/localtime (named "Local"); `TZ=""` or "UTC" means UTC; a leading
/// ':' is dropped; an absolute path is read as a file (named by the path,
/// or "Local" for /etc/localtime); another value names a zone. Returns
/// the zone and its Location name, or None for UTC.
fn load_local() -> Option<(Tz, Vec<u8>)> {
    use std::os::unix::ffi::OsStrExt;
    let Some(tz) = std::env::var_os("TZ") else {
        let data = read_zone("/etc", b"localtime").ok()?;
        return Some((tzif::decode(&data).ok()?, b"Local".to_vec()));
    };
    let mut tz = tz.as_bytes();
    if tz.first() == Some(&b':') {
        tz = &tz[1..];
    }
    if tz.first() == Some(&b'/') {
        let data = read_zone("", tz).ok()?;
        let name = if tz == b"/etc/localtime" {
            b"Local".as_slice()
        } else {
            tz
        };
        return Some((tzif::decode(&data).ok()?, name.to_vec()));
    }
    if tz.is_empty() || tz == b"UTC" {
        return None;
    }
    load_from(tz, &ZONE_DIRS).ok().map(|z| (z, tz.to_vec()))
}

/// `loadZoneData(name string) (zones []zone, tx []zoneTrans, extend,
/// zoneName, err string)`: window `[zones 3][tx 3][extend 2][zoneName 2]
/// [err 2][name 2]`. For name "" the local zone: zoneName is the name
/// the Location gets, and err is set when the local zone is UTC.
///
/// # Safety
/// The window has 14 slots.
unsafe fn load_zone_data(_: &mut GState, w: *mut u64) -> R {
    // SAFETY: the window slots and the Go values they describe are valid, as
    // the enclosing function's `# Safety` contract (or its caller) states.
    unsafe {
        let name = bytes(w, 12).to_vec();
        clear(w, 12);
        if name.is_empty() {
            match load_local() {
                Some((tz, zname)) => {
                    put_tz(w, &tz);
                    put_string(w, 8, &zname);
                }
                None => put_string(w, 10, b"UTC"),
            }
            return Ok(());
        }
        match load_named(&name) {
            Ok(tz) => put_tz(w, &tz),
            Err(e) => put_string(w, 10, &e),
        }
    }
    Ok(())
}
