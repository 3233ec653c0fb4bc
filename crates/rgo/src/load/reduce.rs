//! Pruning of std packages for `rgo run` (start-up time, issue 4).
//!
//! Parsing, checking and compiling the whole std closure of a program
//! costs ~100 ms (fmt alone reaches 17 packages, 20k lines, half of them
//! unicode's tables), while a program uses a small part of it. Before the
//! std packages are parsed, this module decides which of their top-level
//! declarations the program can reach, and cuts the others out of the
//! source, keeping their newlines (so every line and column printed, in
//! a traceback or a message, is unchanged). The front end and the
//! compiler then do only what the program needs, with no cache to go
//! stale.
//!
//! The decision is made on the declaration index built from rgo-std's
//! sources at build time (`build.rs`, [`super::scan`]); a file whose
//! length or hash differs from the index disables pruning. Rules (names
//! compared exactly, except the user's, which match in any case, so that
//! messages suggesting a differently cased name find it):
//! - roots: every declaration of the user's packages (their identifiers,
//!   and `pkg.Name` resolved through their imports); in std packages,
//!   `init` functions, vars whose initializer may run code (a call, a
//!   conversion or a receive; initializing them can be observed), and the
//!   declarations the compiler and natives look up by name ([`HOOKS`]),
//!   and the methods of the universe's `error` and those the runtime
//!   calls on panic values ([`UNIVERSE_METHODS`]);
//! - a reached declaration reaches every declaration of its package named
//!   by one of its identifiers, and `Name` in the package of each `pkg.Name`;
//! - a method is reached when its receiver type is reached and its name
//!   appears anywhere in reached code (a call, a method value, an
//!   interface's method list: so every interface a type must satisfy
//!   keeps the methods it needs, and dynamic calls and itabs find
//!   theirs). With `reflect` in the program, every method of a reached
//!   type is kept (reflection finds methods by run-time names).
//!
//! `RGO_TIMING=1 rgo run` prints how many declarations each std package
//! kept; with `RGO_PRUNE_DEBUG=1` too, which ones.
//!
//! Every package of the closure is still loaded, checked and initialized
//! (an `init` may register things elsewhere); pruned vars are those whose
//! initialization cannot be observed and that no reached code reads.

use super::scan::content_hash;
use std::hash::{BuildHasherDefault, Hasher};

/// Maps and sets keyed by small integers (symbols, unit indices): a
/// multiply-rotate hash instead of SipHash (the keys come from our own
/// index, not from an adversary).
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<IdHasher>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<IdHasher>>;

#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u64(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The index `build.rs` wrote (its layout is described there).
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/std_index.bin"));

/// The word at byte offset `at` (0 past the end: a damaged index reads as
/// an empty one rather than failing).
fn word(at: usize) -> u32 {
    BLOB.get(at..at + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, u32::from_le_bytes)
}

/// The `n` words at byte offset `at`.
fn words(at: u32, n: u32) -> impl Iterator<Item = u32> {
    (0..n as usize).map(move |i| word(at as usize + 4 * i))
}

/// The bytes at `at..at + len`.
fn bytes(at: u32, len: u32) -> &'static [u8] {
    BLOB.get(at as usize..at as usize + len as usize)
        .unwrap_or_default()
}

fn text(at: u32, len: u32) -> &'static str {
    std::str::from_utf8(bytes(at, len)).unwrap_or_default()
}

/// Whether the blob is an index of this format.
fn valid() -> bool {
    word(0) == u32::from_le_bytes(*b"RGOX")
}

fn n_syms() -> usize {
    word(4) as usize
}

/// Symbol `i`'s bytes.
fn sym_bytes(i: usize) -> &'static [u8] {
    let table = word(12) as usize;
    let (a, b) = (word(table + 4 * i), word(table + 4 * i + 4));
    bytes(a, b.saturating_sub(a))
}

/// One std package of the index.
#[derive(Clone, Copy)]
pub(super) struct IPkg(usize);

impl IPkg {
    fn count() -> usize {
        word(8) as usize
    }
    fn nth(i: usize) -> IPkg {
        IPkg(word(word(16) as usize + 4 * i) as usize)
    }
    pub fn path(self) -> &'static str {
        text(word(self.0), word(self.0 + 4))
    }
    pub fn name(self) -> &'static str {
        text(word(self.0 + 8), word(self.0 + 12))
    }
    pub fn files(self) -> impl Iterator<Item = IFile> {
        words(self.0 as u32 + 20, word(self.0 + 16)).map(|o| IFile(o as usize))
    }
}

/// One file of the index.
#[derive(Clone, Copy)]
pub(super) struct IFile(usize);

impl IFile {
    pub fn name(self) -> &'static str {
        text(word(self.0), word(self.0 + 4))
    }
    pub fn len(self) -> usize {
        word(self.0 + 8) as usize
    }
    fn hash(self) -> u64 {
        word(self.0 + 12) as u64 | (word(self.0 + 16) as u64) << 32
    }
    /// Import paths with the offset of their literal.
    pub fn imports(self) -> impl Iterator<Item = (&'static str, u32)> {
        let at = word(self.0 + 24) as usize;
        (0..word(self.0 + 20) as usize).map(move |i| {
            let r = at + 12 * i;
            (text(word(r), word(r + 4)), word(r + 8))
        })
    }
    fn n_units(self) -> usize {
        word(self.0 + 28) as usize
    }
    fn unit(self, i: usize) -> IUnit {
        IUnit(word(self.0 + 32) as usize + 4 * 15 * i)
    }
    fn units(self) -> impl Iterator<Item = IUnit> {
        (0..self.n_units()).map(move |i| self.unit(i))
    }
}

/// One droppable declaration (see [`super::scan::Unit`]); names are
/// symbol indices.
#[derive(Clone, Copy)]
struct IUnit(usize);

impl IUnit {
    /// [`super::scan::UnitKind::code`].
    fn kind(self) -> u32 {
        word(self.0)
    }
    fn start(self) -> u32 {
        word(self.0 + 4)
    }
    fn end(self) -> u32 {
        word(self.0 + 8)
    }
    fn root(self) -> bool {
        word(self.0 + 12) != 0
    }
    /// Receiver base type (methods), `u32::MAX` otherwise.
    fn recv(self) -> u32 {
        word(self.0 + 16)
    }
    fn names(self) -> impl Iterator<Item = u32> {
        words(word(self.0 + 20), word(self.0 + 24))
    }
    /// Identifiers that may name a package-level declaration.
    fn refs(self) -> impl Iterator<Item = u32> {
        words(word(self.0 + 28), word(self.0 + 32))
    }
    /// Identifiers that only name fields and methods.
    fn sels(self) -> impl Iterator<Item = u32> {
        words(word(self.0 + 36), word(self.0 + 40))
    }
    /// The newlines in the unit, and the length of its last line.
    fn shape(self) -> (usize, usize) {
        (word(self.0 + 52) as usize, word(self.0 + 56) as usize)
    }
    /// (package index, name).
    fn quals(self) -> impl Iterator<Item = (u32, u32)> {
        let at = word(self.0 + 44);
        (0..word(self.0 + 48)).map(move |i| {
            (
                word(at as usize + 8 * i as usize),
                word(at as usize + 8 * i as usize + 4),
            )
        })
    }
}

const KIND_METHOD: u32 = 1;
const KIND_TYPE: u32 = 4;

/// Declarations looked up by name from Rust: the compiler's
/// `register_fmt_state` (rgo-compile) finds fmt's `pp`, `State` and the
/// interfaces fmt's natives test operands against.
const HOOKS: &[(&str, &[&str])] = &[(
    "fmt",
    &["pp", "State", "Formatter", "GoStringer", "Stringer"],
)];

/// Method names every program may call without spelling them: `Error`
/// of the universe's `error` (no std source needs to name it), and the
/// methods Go's runtime calls on a panic value to print it (`Error`,
/// `String`).
const UNIVERSE_METHODS: &[&str] = &["Error", "String"];

/// The index entry of std package `path`.
pub(super) fn index_pkg(path: &str) -> Option<IPkg> {
    index_pkg_at(path).map(|(_, p)| p)
}

/// The position (what qualified references name) and entry of std
/// package `path`.
fn index_pkg_at(path: &str) -> Option<(usize, IPkg)> {
    if !valid() {
        return None;
    }
    let (mut lo, mut hi) = (0, IPkg::count());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match IPkg::nth(mid).path().cmp(path) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some((mid, IPkg::nth(mid))),
        }
    }
    None
}

/// The first symbol not ordered before `name` (`le`: nor equal to it)
/// in any case.
fn sym_bound(name: &str, le: bool) -> usize {
    let (mut lo, mut hi) = (0, n_syms());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let o = cmp_fold(sym_bytes(mid), name.as_bytes());
        if o.is_lt() || (le && o.is_eq()) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The symbol of `name`, exactly.
fn sym(name: &str) -> Option<u32> {
    (sym_bound(name, false)..sym_bound(name, true))
        .find(|&i| sym_bytes(i) == name.as_bytes())
        .map(|i| i as u32)
}

/// The symbols of `name` in any (ASCII) case: `toUpper` finds `ToUpper`.
fn syms_folded(name: &str) -> std::ops::Range<u32> {
    sym_bound(name, false) as u32..sym_bound(name, true) as u32
}

/// `a` and `b` compared ASCII-case-insensitively (the symbols' primary
/// order).
fn cmp_fold(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    a.iter()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.iter().map(|c| c.to_ascii_lowercase()))
}

/// What the user's (never pruned) packages mention.
#[derive(Default, Debug)]
pub(super) struct UserRefs {
    /// Every identifier.
    pub idents: Vec<String>,
    /// `X.Y` with `X` resolved to an import path: (path, `Y`).
    pub quals: Vec<(String, String)>,
    /// Dot-imported paths.
    pub dots: Vec<String>,
}

impl UserRefs {
    /// Adds what a scanned user file mentions.
    pub fn add(&mut self, f: &super::scan::FileScan) {
        let mut local: HashMap<&str, &str> = HashMap::default();
        for imp in &f.imports {
            match imp.name.as_deref() {
                Some(".") => self.dots.push(imp.path.clone()),
                Some("_") => {}
                Some(n) => {
                    local.insert(n, &imp.path);
                }
                None => {
                    let name = index_pkg(&imp.path)
                        .map(|p| p.name())
                        .unwrap_or_else(|| imp.path.rsplit('/').next().unwrap_or(""));
                    local.insert(name, &imp.path);
                }
            }
        }
        for u in &f.units {
            self.idents.extend(u.idents.iter().cloned());
            self.idents.extend(u.sels.iter().cloned());
            for (x, y) in &u.quals {
                if let Some(p) = local.get(x.as_str()) {
                    self.quals.push((p.to_string(), y.clone()));
                }
            }
        }
    }
}

/// A reference to one unit: (closure package, file, unit).
type UnitRef = (usize, usize, usize);

struct CPkg {
    files: Vec<IFile>,
    reached: Vec<Vec<bool>>,
    want: HashSet<u32>,
    /// Non-method units by declared name: (name, file, unit), sorted.
    decls: Vec<(u32, u32, u32)>,
    /// Method units by receiver base type: (type, file, unit), sorted.
    methods: Vec<(u32, u32, u32)>,
    /// Reached type names.
    types: HashSet<u32>,
}

struct Reach {
    pkgs: Vec<CPkg>,
    /// Closure package of each index package.
    of_index: HashMap<u32, usize>,
    /// Every identifier of reached code.
    global: HashSet<u32>,
    /// Method units by name: (name, package, file, unit), sorted.
    methods_by_name: Vec<(u32, u32, u32, u32)>,
    all_methods: bool,
    work: Vec<UnitRef>,
}

/// The entries of sorted `v` whose key is `key`.
fn keyed<T>(v: &[T], key: u32, k: impl Fn(&T) -> u32) -> &[T] {
    let lo = v.partition_point(|x| k(x) < key);
    let hi = v.partition_point(|x| k(x) <= key);
    &v[lo..hi]
}

impl Reach {
    fn unit(&self, (p, f, u): UnitRef) -> IUnit {
        self.pkgs[p].files[f].unit(u)
    }

    fn want(&mut self, p: usize, s: u32) {
        if self.pkgs[p].want.insert(s) {
            let us = keyed(&self.pkgs[p].decls, s, |d| d.0);
            self.work
                .extend(us.iter().map(|&(_, f, u)| (p, f as usize, u as usize)));
        }
    }

    fn global(&mut self, s: u32) {
        if self.global.insert(s) {
            for &(_, p, f, u) in keyed(&self.methods_by_name, s, |m| m.0) {
                let (p, f, u) = (p as usize, f as usize, u as usize);
                let recv = self.pkgs[p].files[f].unit(u).recv();
                if self.pkgs[p].types.contains(&recv) {
                    self.work.push((p, f, u));
                }
            }
        }
    }

    fn run(&mut self) {
        while let Some(r @ (p, f, u)) = self.work.pop() {
            if std::mem::replace(&mut self.pkgs[p].reached[f][u], true) {
                continue;
            }
            let unit = self.unit(r);
            if unit.kind() == KIND_TYPE {
                for n in unit.names() {
                    if self.pkgs[p].types.insert(n) {
                        let cp = &self.pkgs[p];
                        for &(_, mf, mu) in keyed(&cp.methods, n, |m| m.0) {
                            let (mf, mu) = (mf as usize, mu as usize);
                            let name = cp.files[mf].unit(mu).names().next();
                            if self.all_methods || name.is_some_and(|m| self.global.contains(&m)) {
                                self.work.push((p, mf, mu));
                            }
                        }
                    }
                }
            }
            for s in unit.refs() {
                self.want(p, s);
                self.global(s);
            }
            for s in unit.sels() {
                self.global(s);
            }
            for (ip, s) in unit.quals() {
                if let Some(&q) = self.of_index.get(&ip) {
                    self.want(q, s);
                }
                self.global(s);
            }
        }
    }
}

/// The std packages of a program, with the files the build chose.
pub(super) struct StdPkg<'a> {
    pub path: &'a str,
    pub files: &'a [(String, &'static str)],
}

/// The pruned sources of `pkgs` (per package, per file), or `None` when
/// the index does not describe these sources (then nothing is pruned).
pub(super) fn prune(pkgs: &[StdPkg], user: &UserRefs) -> Option<Vec<Vec<Vec<u8>>>> {
    let mut r = Reach {
        pkgs: Vec::with_capacity(pkgs.len()),
        of_index: HashMap::default(),
        global: HashSet::default(),
        methods_by_name: Vec::new(),
        all_methods: pkgs.iter().any(|p| p.path == "reflect"),
        work: Vec::new(),
    };
    for (ci, sp) in pkgs.iter().enumerate() {
        let (ii, ip) = index_pkg_at(sp.path)?;
        r.of_index.insert(ii as u32, ci);
        let mut cp = CPkg {
            files: Vec::with_capacity(sp.files.len()),
            reached: Vec::with_capacity(sp.files.len()),
            want: HashSet::default(),
            decls: Vec::new(),
            methods: Vec::new(),
            types: HashSet::default(),
        };
        for (fi, (name, src)) in sp.files.iter().enumerate() {
            let f = ip.files().find(|f| f.name() == name)?;
            if f.len() != src.len() || f.hash() != content_hash(src.as_bytes()) {
                return None;
            }
            for (ui, u) in f.units().enumerate() {
                let (c, f, ui) = (ci as u32, fi as u32, ui as u32);
                if u.kind() == KIND_METHOD {
                    cp.methods.push((u.recv(), f, ui));
                    if let Some(n) = u.names().next() {
                        r.methods_by_name.push((n, c, f, ui));
                    }
                } else {
                    cp.decls.extend(u.names().map(|n| (n, f, ui)));
                }
                if u.root() {
                    r.work.push((ci, fi, ui as usize));
                }
            }
            cp.files.push(f);
            cp.reached.push(vec![false; f.n_units()]);
        }
        cp.decls.sort_unstable();
        cp.methods.sort_unstable();
        r.pkgs.push(cp);
    }
    r.methods_by_name.sort_unstable();
    let closure: HashMap<&str, usize> = pkgs.iter().enumerate().map(|(i, p)| (p.path, i)).collect();
    for n in UNIVERSE_METHODS {
        if let Some(s) = sym(n) {
            r.global(s);
        }
    }
    for (path, names) in HOOKS {
        if let Some(&p) = closure.get(path) {
            for n in names.iter() {
                if let Some(s) = sym(n) {
                    r.want(p, s);
                    r.global(s);
                }
            }
        }
    }
    // The user's names in any case: gc's messages about a wrongly cased
    // name suggest the right one (`but does have method WriteString`).
    let dots: Vec<usize> = user
        .dots
        .iter()
        .filter_map(|d| closure.get(d.as_str()).copied())
        .collect();
    for id in &user.idents {
        for s in syms_folded(id) {
            r.global(s);
            for &p in &dots {
                r.want(p, s);
            }
        }
    }
    for (path, name) in &user.quals {
        if let Some(&p) = closure.get(path.as_str()) {
            for s in syms_folded(name) {
                r.want(p, s);
                r.global(s);
            }
        }
    }
    r.run();
    if std::env::var_os("RGO_TIMING").is_some_and(|v| !v.is_empty() && v != "0") {
        for (sp, cp) in pkgs.iter().zip(&r.pkgs) {
            let total: usize = cp.reached.iter().map(Vec::len).sum();
            let kept: usize = cp.reached.iter().flatten().filter(|k| **k).count();
            eprintln!(
                "rgo: prune {:<18} kept {kept}/{total} declarations",
                sp.path
            );
            if std::env::var_os("RGO_PRUNE_DEBUG").is_some() {
                for (f, rs) in cp.files.iter().zip(&cp.reached) {
                    for (u, k) in f.units().zip(rs) {
                        if *k {
                            let n: Vec<std::borrow::Cow<str>> = u
                                .names()
                                .map(|s| String::from_utf8_lossy(sym_bytes(s as usize)))
                                .collect();
                            eprintln!(
                                "    {} {:?} {}..{} root={}",
                                f.name(),
                                n,
                                u.start(),
                                u.end(),
                                u.root()
                            );
                        }
                    }
                }
            }
        }
    }
    let out = pkgs
        .iter()
        .zip(&r.pkgs)
        .map(|(sp, cp)| {
            sp.files
                .iter()
                .zip(cp.files.iter().zip(&cp.reached))
                .map(|((_, src), (f, reached))| blank(src.as_bytes(), *f, reached))
                .collect()
        })
        .collect();
    Some(out)
}

/// `src` with each unit not reached replaced by its newlines, then as
/// many spaces as its last line had bytes: every kept token keeps its
/// line and column (byte offsets change, which nothing prints), and the
/// parser does not wade through the pruned text (unicode's tables).
fn blank(src: &[u8], f: IFile, reached: &[bool]) -> Vec<u8> {
    let mut out = Vec::with_capacity(src.len() / 4);
    let mut at = 0usize;
    for (u, &keep) in f.units().zip(reached) {
        let (s, e) = (u.start() as usize, (u.end() as usize).min(src.len()));
        if keep || s < at || s > e {
            continue;
        }
        let from = out.len();
        out.extend_from_slice(&src[at..s]);
        blank_directives(&mut out[from..]);
        let (lines, tail) = u.shape();
        out.resize(out.len() + lines, b'\n');
        out.resize(out.len() + tail, b' ');
        at = e;
    }
    out.extend_from_slice(&src[at..]);
    out
}

/// Blanks the compiler directives (`//go:noinline` ...) that end `out`
/// (the text between two pruned units), those of the unit pruned next:
/// left alone, they would be misplaced.
fn blank_directives(out: &mut [u8]) {
    let mut end = out.len();
    loop {
        while end > 0 && out[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let start = out[..end]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = &out[start..end];
        let text = line.trim_ascii_start();
        if !text.starts_with(b"//go:") {
            return;
        }
        out[start..end].fill(b' ');
        end = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruned_units_lose_their_directives() {
        let mut text = b"var x = 1\n\n// Doc.\n//go:noinline\n".to_vec();
        blank_directives(&mut text);
        assert_eq!(text, b"var x = 1\n\n// Doc.\n             \n".to_vec());
        let mut kept = b"x := 1 //go:noinline\n".to_vec();
        blank_directives(&mut kept);
        assert_eq!(kept, b"x := 1 //go:noinline\n".to_vec());
    }

    /// The pruned text of the files of std packages `paths` for a user
    /// program mentioning `idents` and `quals`, by package and file name.
    fn pruned(paths: &[&str], idents: &[&str], quals: &[(&str, &str)]) -> HashMap<String, String> {
        let files: Vec<Vec<(String, &'static str)>> = paths
            .iter()
            .map(|p| {
                rgo_std::package_files(p)
                    .unwrap()
                    .iter()
                    .map(|(n, s)| (n.to_string(), *s))
                    .collect()
            })
            .collect();
        let pkgs: Vec<StdPkg> = paths
            .iter()
            .zip(&files)
            .map(|(path, files)| StdPkg { path, files })
            .collect();
        let user = UserRefs {
            idents: idents.iter().map(|s| s.to_string()).collect(),
            quals: quals
                .iter()
                .map(|(p, n)| (p.to_string(), n.to_string()))
                .collect(),
            dots: Vec::new(),
        };
        let out = prune(&pkgs, &user).expect("the index matches rgo-std");
        let mut m = HashMap::default();
        for ((path, files), texts) in paths.iter().zip(&files).zip(out) {
            for ((name, src), text) in files.iter().zip(texts) {
                let text = String::from_utf8(text).unwrap();
                assert_eq!(
                    text.lines().count(),
                    src.lines().count(),
                    "{path}/{name}: lines must not move"
                );
                m.insert(format!("{path}/{name}"), text);
            }
        }
        m
    }

    #[test]
    fn keeps_what_is_named_and_drops_unused_tables() {
        let m = pruned(&["unicode"], &["IsUpper"], &[("unicode", "IsUpper")]);
        assert!(m["unicode/letter.go"].contains("func IsUpper(r rune) bool {"));
        assert!(!m["unicode/tables.go"].contains("var _Lo = &RangeTable{"));
        // The line of a kept declaration is where it was, to the column.
        let orig = rgo_std::package_files("unicode").unwrap();
        let letter = orig.iter().find(|(n, _)| *n == "letter.go").unwrap().1;
        let line = |s: &str| s.lines().position(|l| l == "func IsUpper(r rune) bool {");
        assert_eq!(line(&m["unicode/letter.go"]), line(letter));
    }

    #[test]
    fn user_names_match_in_any_case() {
        // gc suggests `ToUpper` for `strings.toUpper`: it must exist.
        let m = pruned(
            &["strings", "unicode", "unicode/utf8"],
            &[],
            &[("strings", "toUpper")],
        );
        assert!(m
            .values()
            .any(|t| t.contains("func ToUpper(s string) string")));
    }

    #[test]
    fn methods_follow_their_names() {
        let quals = [("strings", "NewReader")];
        let m = pruned(&["strings", "unicode", "unicode/utf8"], &[], &quals);
        let reader = &m["strings/reader.go"];
        assert!(reader.contains("func NewReader(s string) *Reader"));
        assert!(!reader.contains("func (r *Reader) Size() int64"));
        // A name in the program (a call, an interface literal) keeps it.
        let m = pruned(&["strings", "unicode", "unicode/utf8"], &["Size"], &quals);
        assert!(m["strings/reader.go"].contains("func (r *Reader) Size() int64"));
    }

    #[test]
    fn a_source_the_index_does_not_describe_is_not_pruned() {
        let files = vec![("errors.go".to_string(), "package errors\n")];
        let pkgs = [StdPkg {
            path: "errors",
            files: &files,
        }];
        assert!(prune(&pkgs, &UserRefs::default()).is_none());
    }
}
