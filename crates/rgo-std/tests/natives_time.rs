//! Compares rgo's time layout natives with real Go's output (golden file
//! from tools/natives/gen_time; strings hex-encoded, "-" for empty).

use rgo_std::natives::timefmt::{format, parse, Fields};

const GOLDEN: &str = include_str!("golden/time.txt");

/// The committed golden, or the file named by RGO_TIME_GOLDEN.
fn golden() -> String {
    match std::env::var("RGO_TIME_GOLDEN") {
        Ok(path) => std::fs::read_to_string(path).expect("RGO_TIME_GOLDEN unreadable"),
        Err(_) => GOLDEN.to_string(),
    }
}

fn unhex(s: &str) -> Vec<u8> {
    if s == "-" {
        return Vec::new();
    }
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn nums(it: &mut std::str::SplitWhitespace, n: usize) -> Vec<i64> {
    (0..n)
        .map(|_| it.next().unwrap().parse().unwrap())
        .collect()
}

#[test]
fn format_matches_go() {
    let (mut n, mut bad) = (0, Vec::new());
    for line in golden().lines().filter(|l| l.starts_with("F ")) {
        let mut it = line.split_whitespace();
        it.next();
        let v = nums(&mut it, 10);
        let name = unhex(it.next().unwrap());
        let layout = unhex(it.next().unwrap());
        let want = unhex(it.next().unwrap());
        let t = Fields {
            year: v[0],
            month: v[1],
            day: v[2],
            yday: v[3],
            wday: v[4],
            hour: v[5],
            min: v[6],
            sec: v[7],
            nsec: v[8],
            zone_name: &name,
            offset: v[9],
        };
        let got = format(&t, &layout);
        n += 1;
        if got != want {
            bad.push(format!(
                "{t:?} {:?}: got {:?} want {:?}",
                String::from_utf8_lossy(&layout),
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want)
            ));
        }
    }
    assert!(n > 1000, "golden file too small");
    assert!(
        bad.is_empty(),
        "{} of {n} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(20)].join("\n")
    );
}

#[test]
fn parse_matches_go() {
    let (mut n, mut bad) = (0, Vec::new());
    for line in GOLDEN
        .lines()
        .filter(|l| l.starts_with("P ") || l.starts_with("E "))
    {
        let mut it = line.split_whitespace();
        let kind = it.next().unwrap();
        let layout = unhex(it.next().unwrap());
        let value = unhex(it.next().unwrap());
        let got = match parse(&layout, &value) {
            Ok(mut p) => {
                let offset = if p.is_utc {
                    0
                } else if p.has_offset {
                    p.zone_offset
                } else if p.zone_name.len() > 3 && p.zone_name.starts_with(b"GMT") {
                    // Go's fallback for an unknown "GMT+h" zone.
                    let off = String::from_utf8_lossy(&p.zone_name[3..])
                        .parse::<i64>()
                        .unwrap_or(0)
                        * 3600;
                    // Go keeps the instant read as UTC and relabels it, so
                    // the wall clock moves by the offset (same day here).
                    p.hour += off / 3600;
                    off
                } else {
                    0
                };
                format!(
                    "P {} {} {} {} {} {} {} {offset}",
                    p.year, p.month, p.day, p.hour, p.min, p.sec, p.nsec
                )
            }
            Err(e) => format!("E {}", e.text(&layout, &value)),
        };
        let want = if kind == "E" {
            format!("E {}", String::from_utf8_lossy(&unhex(it.next().unwrap())))
        } else {
            format!(
                "P {}",
                it.map(|s| s.to_string()).collect::<Vec<_>>().join(" ")
            )
        };
        n += 1;
        if got != want {
            bad.push(format!(
                "{:?} {:?}: got {got} want {want}",
                String::from_utf8_lossy(&layout),
                String::from_utf8_lossy(&value)
            ));
        }
    }
    assert!(n > 1000, "golden file too small");
    assert!(
        bad.is_empty(),
        "{} of {n} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(20)].join("\n")
    );
}
