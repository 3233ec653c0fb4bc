//! Tracebacks print each frame's arguments as gc's `printArgs` does:
//! scalars in hex, strings, slices, interfaces, complex numbers, arrays
//! and structs braced, at most 10 components, `...` after; `()` for a
//! function without arguments. (The golden tests cannot check this: Go's
//! values are addresses and stale registers, so their normalization drops
//! argument lists.) The expected shapes are real Go's for this program,
//! with addresses masked.

mod common;
use common::rgo_in;

/// `s` with every hex number of 5 digits or more replaced by `PTR`.
fn mask(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        let digits = rest[i + 2..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len() - i - 2);
        let num = &rest[i..i + 2 + digits];
        out.push_str(if digits >= 5 && !num.starts_with("0x3ff") {
            "PTR"
        } else {
            num
        });
        rest = &rest[i + 2 + digits..];
    }
    out.push_str(rest);
    out
}

#[test]
fn frames_print_their_arguments_as_gc() {
    let dir = std::env::temp_dir().join(format!("rgo-tb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("main.go"),
        r#"package main

type P struct {
	X, Y int
	Name string
}

type T struct{ n int }

func (t *T) Method(s []int, p P, b bool, f float64, c complex128, e any, arr [2]int8) {
	var m map[string]int
	m["x"] = len(s) + p.X
}

func many(a, b, c, d, e, f, g, h, i, j, k, l int) {
	(&T{}).Method([]int{1, 2}, P{3, 4, "hi"}, true, 1.5, 2i, 7, [2]int8{-1, 2})
}

func main() {
	many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
}
"#,
    )
    .unwrap();
    let r = rgo_in(Some(&dir), &["run", "main.go"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let got = mask(&r.stderr);
    for want in [
        "main.(*T).Method(PTR, {PTR, 0x2, 0x2}, {0x3, 0x4, {PTR, 0x2}}, 0x1, 0x3ff8000000000000, ...)\n",
        "main.many(0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xa, ...)\n",
        "main.main()\n",
    ] {
        assert!(got.contains(want), "missing {want:?} in\n{got}");
    }
}
