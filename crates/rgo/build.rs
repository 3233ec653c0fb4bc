//! Build script: indexes the top-level declarations of every rgo-std Go
//! file (`../rgo-std/go`, the sources rgo-std embeds) and writes
//! `$OUT_DIR/std_index.bin`, which `load::reduce` prunes std packages with
//! before `rgo run` parses them. The scanning is `src/load/scan.rs`,
//! compiled here as well, so the index and the run-time scan of user files
//! agree. A blob of words and bytes rather than Rust statics: slices and
//! strings in statics would cost ~17k relocations and ~400 KB of copied
//! pages at every start.
//!
//! Layout (u32 words, little-endian; read by `reduce.rs`):
//! - header: magic `RGOX`, symbol count, package count, offset of the
//!   symbol table, offset of the package table;
//! - symbol table: n+1 offsets, symbol i being the bytes [off[i],
//!   off[i+1]); every identifier, sorted ASCII-case-insensitively, then
//!   exactly (the case variants of a name are adjacent);
//! - package table: one record offset per package, sorted by path; a
//!   record is path (offset, length), name (offset, length), file count,
//!   then one file record offset per file;
//! - file record: name (offset, length), byte length, content hash (low,
//!   high word: checked against the embedded source before pruning),
//!   import count, offset of the imports (path offset, length, position of
//!   the literal), unit count, offset of the units;
//! - unit: 15 words: kind, start, end, root (an `init` function or a var
//!   whose initializer may run code), receiver symbol (or `u32::MAX`),
//!   then (offset, count) of its declared names, its identifiers, its
//!   field and method names, and its qualified references (pairs of
//!   package index, symbol); then its number of newlines and the length
//!   of its last line (what cutting it out leaves).

#[allow(dead_code)]
#[path = "src/load/scan.rs"]
mod scan;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

struct Pkg {
    path: String,
    name: String,
    files: Vec<(String, Vec<u8>, scan::FileScan)>,
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("../rgo-std/go");
    println!("cargo:rerun-if-changed=src/load/scan.rs");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut pkgs: Vec<Pkg> = Vec::new();
    walk(&root, &root, &mut pkgs);
    pkgs.sort_by(|a, b| a.path.cmp(&b.path));
    let by_path: HashMap<&str, usize> = pkgs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.as_str(), i))
        .collect();

    let mut syms: BTreeSet<(String, String)> = BTreeSet::new();
    for p in &pkgs {
        for (_, _, fs) in &p.files {
            for u in &fs.units {
                let all = u
                    .idents
                    .iter()
                    .chain(&u.sels)
                    .chain(&u.names)
                    .chain(&u.recv);
                syms.extend(all.map(|s| (s.to_ascii_lowercase(), s.clone())));
            }
        }
    }
    // Sorted case-insensitively (ASCII), then exactly: the case variants
    // of a name are adjacent.
    let syms: Vec<String> = syms.into_iter().map(|(_, s)| s).collect();
    let sym_of: HashMap<&str, u32> = syms
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u32))
        .collect();
    let sym = |s: &str| -> u32 { sym_of[s] };

    let mut b = Blob::default();
    b.u32s(&[MAGIC, syms.len() as u32, pkgs.len() as u32, 0, 0]);
    let mut pkg_offs = Vec::new();
    for p in &pkgs {
        let mut file_offs = Vec::new();
        for (name, src, fs) in &p.files {
            // Import names to package indices.
            let mut local: HashMap<String, usize> = HashMap::new();
            let mut dots: Vec<usize> = Vec::new();
            for imp in &fs.imports {
                let Some(&ti) = by_path.get(imp.path.as_str()) else {
                    continue;
                };
                match imp.name.as_deref() {
                    Some(".") => dots.push(ti),
                    Some("_") => {}
                    Some(n) => {
                        local.insert(n.to_string(), ti);
                    }
                    None => {
                        local.insert(pkgs[ti].name.clone(), ti);
                    }
                }
            }
            let mut units: Vec<u32> = Vec::new();
            for u in &fs.units {
                let root = (u.kind == scan::UnitKind::Func && u.names.iter().any(|n| n == "init"))
                    || (u.kind == scan::UnitKind::Var && u.effect);
                let names: Vec<u32> = u.names.iter().map(|n| sym(n)).collect();
                let mut refs: Vec<u32> = u.idents.iter().map(|n| sym(n)).collect();
                refs.sort();
                refs.dedup();
                let mut sels: Vec<u32> = u.sels.iter().map(|n| sym(n)).collect();
                sels.sort();
                sels.dedup();
                let mut quals: Vec<(u32, u32)> = Vec::new();
                for (x, y) in &u.quals {
                    if let Some(&ti) = local.get(x) {
                        quals.push((ti as u32, sym(y)));
                    }
                }
                for &ti in &dots {
                    quals.extend(u.idents.iter().map(|n| (ti as u32, sym(n))));
                }
                quals.sort();
                quals.dedup();
                let quals: Vec<u32> = quals.into_iter().flat_map(|(p, s)| [p, s]).collect();
                let recv = u.recv.as_deref().map_or(u32::MAX, sym);
                let (no, nl) = (b.u32s(&names), names.len() as u32);
                let (ro, rl) = (b.u32s(&refs), refs.len() as u32);
                let (so, sl) = (b.u32s(&sels), sels.len() as u32);
                let (qo, ql) = (b.u32s(&quals), quals.len() as u32 / 2);
                // What cutting the unit out leaves: its newlines, and the
                // width of its last line.
                let span = &src[u.start as usize..u.end as usize];
                let lines = span.iter().filter(|&&c| c == b'\n').count() as u32;
                let tail = match span.iter().rposition(|&c| c == b'\n') {
                    Some(last) => span.len() - last - 1,
                    None => span.len(),
                } as u32;
                units.extend([
                    u.kind.code() as u32,
                    u.start,
                    u.end,
                    root as u32,
                    recv,
                    no,
                    nl,
                    ro,
                    rl,
                    so,
                    sl,
                    qo,
                    ql,
                    lines,
                    tail,
                ]);
            }
            let units_off = b.u32s(&units);
            let mut imports: Vec<u32> = Vec::new();
            for i in &fs.imports {
                let (o, l) = b.str(&i.path);
                imports.extend([o, l, i.pos]);
            }
            let imports_off = b.u32s(&imports);
            let (name_o, name_l) = b.str(name);
            let hash = scan::content_hash(src);
            file_offs.push(b.u32s(&[
                name_o,
                name_l,
                src.len() as u32,
                hash as u32,
                (hash >> 32) as u32,
                fs.imports.len() as u32,
                imports_off,
                fs.units.len() as u32,
                units_off,
            ]));
        }
        let (po, pl) = b.str(&p.path);
        let (no, nl) = b.str(&p.name);
        let mut rec = vec![po, pl, no, nl, file_offs.len() as u32];
        rec.extend(&file_offs);
        pkg_offs.push(b.u32s(&rec));
    }
    let mut sym_offs: Vec<u32> = syms.iter().map(|s| b.str(s).0).collect();
    sym_offs.push(b.0.len() as u32);
    // Strings are appended in order: symbol i is [offs[i], offs[i+1]).
    let sym_index = b.u32s(&sym_offs);
    let pkg_index = b.u32s(&pkg_offs);
    b.0[12..16].copy_from_slice(&sym_index.to_le_bytes());
    b.0[16..20].copy_from_slice(&pkg_index.to_le_bytes());
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("std_index.bin");
    std::fs::write(dest, b.0).unwrap();
}

/// `"RGOX"`: the blob's first word (reduce.rs checks it).
const MAGIC: u32 = u32::from_le_bytes(*b"RGOX");

/// The index being written: little-endian words and string bytes.
#[derive(Default)]
struct Blob(Vec<u8>);

impl Blob {
    /// Appends `words` (4-byte aligned); returns their offset.
    fn u32s(&mut self, words: &[u32]) -> u32 {
        while self.0.len() & 3 != 0 {
            self.0.push(0);
        }
        let at = self.0.len() as u32;
        for w in words {
            self.0.extend_from_slice(&w.to_le_bytes());
        }
        at
    }

    /// Appends `s`; returns its offset and length.
    fn str(&mut self, s: &str) -> (u32, u32) {
        let at = self.0.len() as u32;
        self.0.extend_from_slice(s.as_bytes());
        (at, s.len() as u32)
    }
}

/// Collects every directory under `dir` holding `.go` files (tests
/// excluded) as a package, as rgo-std's build script does.
fn walk(root: &Path, dir: &Path, pkgs: &mut Vec<Pkg>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut files = Vec::new();
    for path in entries {
        if path.is_dir() {
            walk(root, &path, pkgs);
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".go") && !name.ends_with("_test.go") {
            println!("cargo:rerun-if-changed={}", path.display());
            let src = std::fs::read(&path).unwrap();
            let fs = scan::scan_file(&src);
            files.push((name, src, fs));
        }
    }
    if !files.is_empty() {
        let rel = dir
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let name = files
            .iter()
            .map(|(_, _, f)| f.package.clone())
            .find(|n| !n.is_empty())
            .unwrap_or_default();
        pkgs.push(Pkg {
            path: rel,
            name,
            files,
        });
    }
}
