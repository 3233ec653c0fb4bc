//! roundupsize checked against real Go: testdata/append_caps.out holds the
//! capacities go1.27.3 printed for append growth (see append_caps.go), and
//! append's growth depends on nothing but Go's growth formula and
//! roundupsize. The formula below is growslice's (nextslicecap): double
//! below 256 elements, then grow by (cap + 3*256)/4 until large enough.

use rgo_runtime::sizeclasses::{roundupsize, size_to_class, CLASS_TO_SIZE, MAX_SMALL_SIZE};

/// Capacity after appending to a full slice of `old_cap` elements of
/// `elem_size` bytes so that it holds `new_len`.
fn grown_cap(old_cap: usize, new_len: usize, elem_size: usize, noscan: bool) -> usize {
    let mut newcap = old_cap;
    let doublecap = newcap + newcap;
    if new_len > doublecap {
        newcap = new_len;
    } else if old_cap < 256 {
        newcap = doublecap;
    } else {
        while newcap < new_len {
            newcap += (newcap + 3 * 256) >> 2;
        }
    }
    roundupsize(newcap * elem_size, noscan) / elem_size
}

/// The sequence of capacities seen while appending one element at a time.
fn cap_sequence(elem_size: usize, noscan: bool, appends: usize) -> Vec<usize> {
    let (mut len, mut cap) = (0, 0);
    let mut seen = Vec::new();
    for _ in 0..appends {
        if len == cap {
            cap = grown_cap(cap, len + 1, elem_size, noscan);
            seen.push(cap);
        }
        len += 1;
    }
    seen
}

fn golden() -> Vec<(String, Vec<usize>)> {
    let text = include_str!("testdata/append_caps.out");
    text.lines()
        .map(|l| {
            let mut f = l.split_whitespace();
            let kind = f.next().unwrap_or_default().to_string();
            (
                kind,
                f.map(|n| n.parse().expect("number in golden file"))
                    .collect(),
            )
        })
        .collect()
}

fn golden_seq(kind: &str) -> Vec<usize> {
    golden()
        .into_iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, v)| v[0])
        .collect()
}

#[test]
fn append_bytes_capacity_matches_go() {
    let rows: Vec<_> = golden().into_iter().filter(|(k, _)| k == "byte").collect();
    assert!(rows.len() > 20);
    for (_, v) in rows {
        let (n, want) = (v[0], v[1]);
        assert_eq!(grown_cap(0, n, 1, true), want, "append of {n} bytes");
    }
}

#[test]
fn append_growth_sequences_match_go() {
    // (golden name, element size, pointer-free, appends done by the Go program)
    let cases = [
        ("int", 8, true, 20000),
        ("s3", 24, true, 5000),
        ("ptr", 8, false, 5000),
        ("str", 16, false, 3000),
    ];
    for (kind, size, noscan, n) in cases {
        let want = golden_seq(kind);
        assert!(want.len() > 10, "{kind}: golden data missing");
        assert_eq!(cap_sequence(size, noscan, n), want, "{kind}");
    }
}

#[test]
fn roundupsize_scan_objects_leave_room_for_the_malloc_header() {
    // 1024 bytes of pointers: 1024+8 needs class 1152, minus the header.
    assert_eq!(roundupsize(1024, false), 1144);
    assert_eq!(roundupsize(1024, true), 1024);
    // Up to 512 bytes the pointer bits live in the span: no header.
    assert_eq!(roundupsize(512, false), 512);
    assert_eq!(roundupsize(513, false), 568);
    // Large objects round to whole pages; overflow leaves the size alone.
    assert_eq!(roundupsize(MAX_SMALL_SIZE + 1, false), 40960);
    assert_eq!(roundupsize(usize::MAX - 3, true), usize::MAX - 3);
}

#[test]
fn roundupsize_is_a_class_size_for_noscan_small_sizes() {
    for size in 1..=MAX_SMALL_SIZE - 8 {
        let r = roundupsize(size, true);
        assert!(r >= size);
        assert_eq!(r, CLASS_TO_SIZE[size_to_class(size)] as usize);
        assert!(CLASS_TO_SIZE.contains(&(r as u16)), "{size} -> {r}");
    }
}
