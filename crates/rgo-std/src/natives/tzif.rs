//! TZif decoding (the format of the IANA time zone files, RFC 8536) with
//! the acceptance rules of Go's `time.LoadLocationFromTZData`: version 1
//! data is read as is; for versions 2 and 3 the 32-bit block is skipped
//! and the 64-bit block read; the footer between two newlines is the
//! POSIX TZ rule ("extend") for instants after the last transition.
//! Any inconsistency is `Err(())`, Go's "malformed time zone information".

/// One local time type: abbreviation, seconds east of UTC, daylight flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    pub name: Vec<u8>,
    pub offset: i64,
    pub is_dst: bool,
}

/// One transition: from Unix second `when`, zone `index` is in effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trans {
    pub when: i64,
    pub index: u8,
    pub isstd: bool,
    pub isutc: bool,
}

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tz {
    pub zones: Vec<Zone>,
    pub tx: Vec<Trans>,
    pub extend: Vec<u8>,
}

/// A cursor over the data that remembers running out.
struct Reader<'a> {
    p: &'a [u8],
    short: bool,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        if n > self.p.len() {
            self.short = true;
            self.p = &[];
            return &[];
        }
        let (a, b) = self.p.split_at(n);
        self.p = b;
        a
    }

    fn be4(&mut self) -> Option<u32> {
        let b = self.take(4);
        (b.len() == 4).then(|| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The six counts of a header, in file order.
fn counts(r: &mut Reader) -> Option<[usize; 6]> {
    let mut n = [0usize; 6];
    for c in &mut n {
        *c = usize::try_from(r.be4()?).ok()?;
    }
    Some(n)
}

const N_UTC_LOCAL: usize = 0;
const N_STD_WALL: usize = 1;
const N_LEAP: usize = 2;
const N_TIME: usize = 3;
const N_ZONE: usize = 4;
const N_CHAR: usize = 5;

/// Decodes TZif `data`; with no transitions, one at the dawn of time
/// (`i64::MIN`) to zone 0 is supplied, as Go does.
#[allow(clippy::result_unit_err)]
pub fn decode(data: &[u8]) -> Result<Tz, ()> {
    let mut r = Reader {
        p: data,
        short: false,
    };
    if r.take(4) != b"TZif" {
        return Err(());
    }
    let head = r.take(16);
    if head.len() != 16 {
        return Err(());
    }
    let version = match head[0] {
        0 => 1,
        b'2' => 2,
        b'3' => 3,
        _ => return Err(()),
    };
    let mut n = counts(&mut r).ok_or(())?;
    let mut size = 4;
    if version > 1 {
        let skip = n[N_TIME]
            .saturating_mul(5)
            .saturating_add(n[N_ZONE].saturating_mul(6))
            .saturating_add(n[N_CHAR])
            .saturating_add(n[N_LEAP].saturating_mul(8))
            .saturating_add(n[N_STD_WALL])
            .saturating_add(n[N_UTC_LOCAL])
            .saturating_add(20);
        r.take(skip);
        n = counts(&mut r).ok_or(())?;
        size = 8;
    }
    let times = r.take(n[N_TIME].saturating_mul(size));
    let indices = r.take(n[N_TIME]);
    let zonedata = r.take(n[N_ZONE].saturating_mul(6));
    let abbrev = r.take(n[N_CHAR]);
    r.take(n[N_LEAP].saturating_mul(size + 4));
    let isstd = r.take(n[N_STD_WALL]);
    let isutc = r.take(n[N_UTC_LOCAL]);
    if r.short {
        return Err(());
    }
    let rest = r.p;
    let extend = if rest.len() > 2 && rest[0] == b'\n' && rest[rest.len() - 1] == b'\n' {
        rest[1..rest.len() - 1].to_vec()
    } else {
        Vec::new()
    };
    if n[N_ZONE] == 0 {
        return Err(());
    }
    let mut zones = Vec::with_capacity(n[N_ZONE]);
    for z in zonedata.chunks_exact(6) {
        let off = u32::from_be_bytes([z[0], z[1], z[2], z[3]]);
        let at = usize::from(z[5]);
        if at >= abbrev.len() {
            return Err(());
        }
        let name = &abbrev[at..];
        let end = name.iter().position(|&c| c == 0).unwrap_or(name.len());
        zones.push(Zone {
            name: name[..end].to_vec(),
            offset: i64::from(off as i32),
            is_dst: z[4] != 0,
        });
    }
    let mut tx = Vec::with_capacity(n[N_TIME].max(1));
    for (i, &index) in indices.iter().enumerate() {
        let t = &times[i * size..(i + 1) * size];
        let when = if size == 4 {
            i64::from(i32::from_be_bytes([t[0], t[1], t[2], t[3]]))
        } else {
            i64::from_be_bytes([t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]])
        };
        if usize::from(index) >= zones.len() {
            return Err(());
        }
        tx.push(Trans {
            when,
            index,
            isstd: isstd.get(i).is_some_and(|&b| b != 0),
            isutc: isutc.get(i).is_some_and(|&b| b != 0),
        });
    }
    if tx.is_empty() {
        tx.push(Trans {
            when: i64::MIN,
            index: 0,
            isstd: false,
            isutc: false,
        });
    }
    Ok(Tz { zones, tx, extend })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version 2 file: one zone in the 32-bit block, two zones and one
    /// transition in the 64-bit block, and a footer.
    fn sample() -> Vec<u8> {
        let mut d = b"TZif2".to_vec();
        d.extend([0u8; 15]);
        for c in [0u32, 0, 0, 0, 1, 4] {
            d.extend(c.to_be_bytes());
        }
        d.extend([0, 0, 0, 0, 0, 0]);
        d.extend(b"UTC\0");
        d.extend(b"TZif2");
        d.extend([0u8; 15]);
        for c in [0u32, 0, 0, 1, 2, 8] {
            d.extend(c.to_be_bytes());
        }
        d.extend(1000i64.to_be_bytes());
        d.push(1);
        d.extend(3600i32.to_be_bytes());
        d.extend([0, 0]);
        d.extend((-7200i32).to_be_bytes());
        d.extend([1, 4]);
        d.extend(b"AAA\0BBB\0");
        d.extend(b"\nAAA-1\n");
        d
    }

    #[test]
    fn decodes_v2() {
        let tz = decode(&sample()).unwrap();
        assert_eq!(tz.zones.len(), 2);
        assert_eq!(tz.zones[1].name, b"BBB");
        assert_eq!(tz.zones[1].offset, -7200);
        assert!(tz.zones[1].is_dst);
        assert_eq!(tz.tx[0].when, 1000);
        assert_eq!(tz.tx[0].index, 1);
        assert_eq!(tz.extend, b"AAA-1");
    }

    #[test]
    fn rejects_truncated_and_bad() {
        let d = sample();
        for cut in 0..d.len() - 7 {
            assert!(decode(&d[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode(b"TZif9xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").is_err());
    }
}
