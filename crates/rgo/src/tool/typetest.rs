//! `rgo tool typetest [flags] GOTESTDIR`: measures the type checker
//! against Go's own test suite (`/usr/share/go-1.19/test`).
//!
//! - `// run`, `// compile` and `// build` programs must type-check with
//!   no error. A program importing a package rgo-std lacks is counted as
//!   "needs std package X", one whose std import has errors as "std
//!   package X has errors", neither as a failure of the checker.
//! - `// errorcheck` programs must produce the errors their `// ERROR`
//!   annotations ask for and no other (test/run.go's rules, see
//!   [`rgo::gotest`]), with every error reported (gc's `-e`). Programs
//!   whose recipe needs compiler flags rgo lacks (`-m`, `-d=ssa/...`)
//!   are skipped and counted; `-lang=go1.N` sets the language version,
//!   `-std` the standard library's directive rules, `-complete` reports
//!   bodiless functions, `-e=0` keeps gc's error limit.
//!
//! Flags:
//! - `-lists DIR`: the committed pass lists `DIR/run-pass.txt` and
//!   `DIR/errorcheck-pass.txt`; a listed program that no longer passes is a
//!   regression and makes the exit status 1.
//! - `-update`: rewrite the lists with the programs that pass now.
//! - `-go GO`: for each failing errorcheck program, also run the real
//!   `GO build -gcflags=-e` and count the ones where rgo reports what the
//!   current Go reports (Go 1.19's annotations worded differently), and
//!   list the other differences by class.
//! - `-update -go GO`: also record in `DIR/errorcheck-current-go.txt` the
//!   errors current go reports for every errorcheck program whose 1.19
//!   annotations it does not satisfy. An errorcheck program passes if rgo
//!   satisfies its annotations or reports exactly the recorded errors: the
//!   current wording wins, and checking needs no go.
//! - `-v`: print every failure with its first errors (all of them with
//!   `-run`).
//! - `-run REGEXP`: only files whose path (relative to GOTESTDIR) matches.

use rgo::check::Session;
use rgo::gotest::{match_errors, wanted_errors, Recipe, Reported};
use rgo::load::{self, constraint::Tags};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The file of the lists directory recording current go's errors for the
/// errorcheck programs whose 1.19 annotations current go fails.
const CURRENT_GO: &str = "errorcheck-current-go.txt";

const USAGE: &str =
    "usage: rgo tool typetest [-update] [-v] [-lists DIR] [-go GO] [-run REGEXP] GOTESTDIR";

#[derive(Default)]
struct Options {
    update: bool,
    verbose: bool,
    lists: Option<PathBuf>,
    go: Option<String>,
    filter: Option<regex::Regex>,
    dir: PathBuf,
}

/// Which harness a file belongs to.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Run,
    ErrorCheck,
}

/// The outcome of one file.
#[derive(Debug)]
enum Outcome {
    Pass,
    /// An errorcheck program whose 1.19 annotations fail but whose errors
    /// are exactly those the current go reports (recorded in
    /// [`CURRENT_GO`]).
    PassCurrentGo,
    /// The checker found errors in a program that has none / the errors do
    /// not match: a description and a failure class.
    Fail {
        class: String,
        detail: String,
        reported: Vec<Reported>,
    },
    NeedsStd(String),
    StdBroken(String),
    Skipped(String),
    Panic(String),
}

pub fn main(args: &[String]) -> i32 {
    let opts = match parse_flags(args) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}\n{USAGE}");
            return 2;
        }
    };
    if !opts.dir.is_dir() {
        println!("typetest: {} not found: skipped", opts.dir.display());
        return 0;
    }
    rgo::with_deep_stack(|| run(&opts))
}

fn parse_flags(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    let mut dir = None;
    while let Some(a) = it.next() {
        match a.as_str() {
            "-update" => o.update = true,
            "-v" => o.verbose = true,
            "-lists" => o.lists = Some(PathBuf::from(it.next().ok_or("-lists needs a directory")?)),
            "-go" => o.go = Some(it.next().ok_or("-go needs a command")?.clone()),
            "-run" => {
                let rx = it.next().ok_or("-run needs a regexp")?;
                o.filter = Some(regex::Regex::new(rx).map_err(|e| e.to_string())?);
            }
            f if f.starts_with('-') => return Err(format!("flag provided but not defined: {f}")),
            d => dir = Some(PathBuf::from(d)),
        }
    }
    o.dir = dir.ok_or("no test directory")?;
    if o.update && o.filter.is_some() {
        return Err("-update rewrites whole lists: it cannot be used with -run".into());
    }
    Ok(o)
}

fn run(opts: &Options) -> i32 {
    let files = test_files(&opts.dir, opts.filter.as_ref());
    let tags = Tags::default();
    let current = match (&opts.lists, &opts.go, opts.update) {
        (Some(dir), Some(go), true) => record_current_go(go, &opts.dir, &files, dir),
        (Some(dir), _, _) => read_current_go(&dir.join(CURRENT_GO)),
        _ => BTreeMap::new(),
    };
    let mut session = Session::new();
    session.limit = None;
    let mut results: BTreeMap<Kind, Vec<(String, Outcome)>> = BTreeMap::new();
    for rel in &files {
        let path = opts.dir.join(rel);
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some(recipe) = Recipe::parse(&src) else {
            continue;
        };
        let header = src.split_once("\npackage").map(|(h, _)| h).unwrap_or("");
        if !tags.good_header(header.as_bytes()) {
            continue;
        }
        let kind = match recipe.action.as_str() {
            "run" | "compile" | "build" => Kind::Run,
            "errorcheck" | "errorcheckwithauto" => Kind::ErrorCheck,
            _ => continue,
        };
        let outcome = one_test(&mut session, &path, &src, kind, &recipe, current.get(rel));
        // A panic may leave the World half-updated: start afresh.
        if matches!(outcome, Outcome::Panic(_)) {
            session = Session::new();
            session.limit = None;
        }
        results
            .entry(kind)
            .or_default()
            .push((rel.clone(), outcome));
    }
    let mut status = 0;
    for (kind, list) in &results {
        report(*kind, list, opts);
        if let Some(dir) = &opts.lists {
            status |= check_list(*kind, list, dir, opts.update);
        }
    }
    if let (Some(go), Some(list)) = (&opts.go, results.get(&Kind::ErrorCheck)) {
        compare_with_go(go, &opts.dir, list, opts.verbose);
    }
    status
}

/// The directories test/run.go takes its tests from (Go 1.19), each
/// read without recursion.
const DIRS: &[&str] = &[
    ".",
    "ken",
    "chan",
    "interface",
    "syntax",
    "dwarf",
    "fixedbugs",
    "codegen",
    "runtime",
    "abi",
    "typeparam",
    "typeparam/mdempsky",
];

/// The `.go` files of run.go's directories under `dir` (relative paths,
/// sorted), kept if `filter` matches.
fn test_files(dir: &Path, filter: Option<&regex::Regex>) -> Vec<String> {
    let mut out = Vec::new();
    for sub in DIRS {
        let Ok(rd) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in rd.filter_map(|e| e.ok()) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".go") && e.path().is_file() {
                out.push(if *sub == "." {
                    name
                } else {
                    format!("{sub}/{name}")
                });
            }
        }
    }
    out.retain(|f| filter.is_none_or(|rx| rx.is_match(f)));
    out.sort();
    out
}

/// Loads and checks one test file (as `x.go` in its own directory) and
/// judges the result.
fn one_test(
    session: &mut Session,
    path: &Path,
    src: &str,
    kind: Kind,
    recipe: &Recipe,
    current: Option<&Vec<Reported>>,
) -> Outcome {
    let GcFlags {
        lang,
        limit,
        complete,
        std,
        other: flags,
    } = gc_flags(recipe);
    if kind == Kind::ErrorCheck && !flags.is_empty() {
        return Outcome::Skipped(format!("needs gc flags {}", flags.join(" ")));
    }
    session.limit = limit.then_some(rgo::diag::MAX_ERRORS);
    session.complete = complete;
    let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cfg = load::Config {
        cwd: dir,
        goroot: None,
        tags: Tags::default(),
        lenient_imports: kind == Kind::ErrorCheck,
        all_errors: !limit,
        lang,
        std_rules: std,
    };
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // `// run other.go`: the program is the file plus the named ones.
        let mut files = vec![name.clone()];
        if kind == Kind::Run {
            files.extend(recipe.args.iter().filter(|a| a.ends_with(".go")).cloned());
        }
        let loaded = load::load(cfg, &files);
        if let Some(e) = loaded.errors.first() {
            return Err(load_outcome(e));
        }
        // A real std package (one the Go tree next to the tests has) that
        // rgo-std lacks is not the checker's business.
        let goroot_src = path
            .ancestors()
            .find(|a| a.join("src").is_dir() && a.join("test").is_dir())
            .map(|a| a.join("src"));
        let mut missing: Vec<&String> = loaded.missing.keys().collect();
        missing.sort();
        if let Some(p) = missing.into_iter().find(|p| {
            goroot_src
                .as_ref()
                .is_some_and(|s| !p.is_empty() && s.join(p).is_dir())
                && loaded.missing[*p].ends_with("is not in std")
        }) {
            return Err(Outcome::NeedsStd(p.clone()));
        }
        let results = session.check(&loaded);
        Ok((loaded, results))
    }));
    let (loaded, results) = match caught {
        Ok(Ok(r)) => r,
        Ok(Err(o)) => return o,
        Err(p) => return Outcome::Panic(panic_text(&p)),
    };
    let root = loaded.roots.first().copied();
    let mut reported = Vec::new();
    for r in &results {
        if Some(r.index) == root {
            if r.skipped {
                return Outcome::StdBroken(session.std_root_failures(&loaded).join(" "));
            }
            // run.go's matchPrefix: an error is the file's if the base
            // name of its position's file is the file's (`//line x.go:n`
            // directives keep it).
            reported = r
                .errors
                .iter()
                .filter(|(f, _, _, msg)| {
                    f.rsplit('/').next() == Some(name.as_str())
                        && (limit || msg != "too many errors")
                })
                .map(|(_, line, _, msg)| Reported {
                    line: *line,
                    msg: bare_names(msg, &name),
                })
                .collect();
        }
    }
    match kind {
        Kind::Run => judge_run(reported),
        Kind::ErrorCheck => judge_errorcheck(src, &name, reported, recipe, current),
    }
}

/// What a recipe's compiler flags ask of the check.
struct GcFlags<'r> {
    /// gc's `-lang` (a checker setting), as a minor version.
    lang: Option<u32>,
    /// `-e=0`: gc's limit of 10 errors (then `too many errors`) instead of
    /// every error.
    limit: bool,
    /// `-complete`: functions without a body are errors (`go build` of a
    /// package without assembly).
    complete: bool,
    /// `-std`: the file is compiled as part of the standard library (its
    /// directive rules).
    std: bool,
    /// The others, which ask for modes rgo does not have (`-m`, `-d=...`).
    other: Vec<&'r str>,
}

/// A recipe's compiler flags. `-race` (instrumentation) and `-t N` (a
/// time limit) change no error a checker reports.
fn gc_flags(recipe: &Recipe) -> GcFlags<'_> {
    let mut g = GcFlags {
        lang: None,
        limit: false,
        complete: false,
        std: false,
        other: Vec::new(),
    };
    for f in recipe.compiler_flags() {
        match f {
            "-race" | "-t" => {}
            "-e=0" => g.limit = true,
            "-complete" => g.complete = true,
            "-std" => g.std = true,
            _ => match f
                .strip_prefix("-lang=")
                .and_then(rgo_types::check::version::parse_lang)
            {
                Some(l) => g.lang = Some(l),
                None => g.other.push(f),
            },
        }
    }
    g
}

fn load_outcome(err: &str) -> Outcome {
    if let Some(i) = err.find("package ") {
        let rest = &err[i + 8..];
        if let Some(p) = rest.strip_suffix(" is not in std") {
            return Outcome::NeedsStd(p.to_string());
        }
    }
    Outcome::Fail {
        class: format!("load: {}", first_words(err, 4)),
        detail: err.to_string(),
        reported: Vec::new(),
    }
}

fn judge_run(reported: Vec<Reported>) -> Outcome {
    match reported.first() {
        None => Outcome::Pass,
        Some(first) => Outcome::Fail {
            class: error_class(&first.msg),
            detail: format!("{}: {}", first.line, first.msg),
            reported,
        },
    }
}

fn judge_errorcheck(
    src: &str,
    name: &str,
    reported: Vec<Reported>,
    recipe: &Recipe,
    current: Option<&Vec<Reported>>,
) -> Outcome {
    // Current Go's wording wins over 1.19's annotations: exactly the
    // errors the current go reports is a pass.
    if current.is_some_and(|c| same_errors(c, &reported)) {
        return Outcome::PassCurrentGo;
    }
    let wanted = match wanted_errors(src, name) {
        Ok(w) => w,
        Err(e) => return Outcome::Skipped(e),
    };
    let want_error = !recipe.flags.iter().any(|f| f == "-0");
    if want_error && reported.is_empty() {
        return Outcome::Fail {
            class: "no errors reported".into(),
            detail: "compilation succeeded unexpectedly".into(),
            reported,
        };
    }
    let m = match_errors(&wanted, &reported);
    if m.is_ok() {
        return Outcome::Pass;
    }
    // run.go's order: patterns without a match, missing errors, then
    // errors no pattern accounts for.
    let (class, detail) = if let Some(w) = m.no_match.first() {
        let got: Vec<&str> = reported
            .iter()
            .filter(|r| r.line == w.line)
            .map(|r| r.msg.as_str())
            .collect();
        (
            format!("wrong wording: {}", w.pattern),
            format!("{}: want {:?}, got {:?}", w.line, w.pattern, got),
        )
    } else if let Some(w) = m.missing.first() {
        (
            format!("missing: {}", w.pattern),
            format!("{}: missing error {:?}", w.line, w.pattern),
        )
    } else {
        let u = &m.unmatched[0];
        (
            format!("unexpected: {}", error_class(&u.msg)),
            format!("{}: unexpected error: {}", u.line, u.msg),
        )
    };
    Outcome::Fail {
        class,
        detail,
        reported,
    }
}

/// A failure class: the message with names, numbers and quoted text
/// replaced, cut to its first words.
fn error_class(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or("");
    let mut out = String::new();
    for w in first.split_whitespace().take(5) {
        if w.chars().any(|c| c.is_ascii_digit()) || w.starts_with(['"', '\'', '(']) {
            out.push_str("_ ");
        } else {
            out.push_str(w);
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

fn first_words(s: &str, n: usize) -> String {
    s.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".into()
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Run => "run/compile (must type-check clean)",
        Kind::ErrorCheck => "errorcheck (// ERROR annotations)",
    }
}

/// Prints the counts, the failure classes (most common first, with an
/// example) and the missing std packages.
fn report(kind: Kind, list: &[(String, Outcome)], opts: &Options) {
    let mut pass = 0;
    let mut pass_current = 0;
    let mut fail: BTreeMap<String, Vec<(&str, &str)>> = BTreeMap::new();
    let mut needs: BTreeMap<&str, usize> = BTreeMap::new();
    let mut broken: BTreeMap<&str, usize> = BTreeMap::new();
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    let mut panics = Vec::new();
    for (file, o) in list {
        match o {
            Outcome::Pass => pass += 1,
            Outcome::PassCurrentGo => {
                pass += 1;
                pass_current += 1;
            }
            Outcome::Fail {
                class,
                detail,
                reported,
            } => {
                fail.entry(class.clone()).or_default().push((file, detail));
                if opts.verbose {
                    println!("FAIL {file}: {detail}");
                    // A focused run (-run) shows every error, a full run
                    // the first few.
                    let shown = if opts.filter.is_some() { usize::MAX } else { 5 };
                    for r in reported.iter().take(shown) {
                        println!("\t{}: {}", r.line, r.msg);
                    }
                }
            }
            Outcome::NeedsStd(p) => *needs.entry(p).or_default() += 1,
            Outcome::StdBroken(p) => *broken.entry(p).or_default() += 1,
            Outcome::Skipped(why) => {
                if opts.verbose {
                    println!("SKIP {file}: {why}");
                }
                *skipped
                    .entry(why.split(' ').take(3).last().unwrap_or(""))
                    .or_default() += 1
            }
            Outcome::Panic(msg) => panics.push((file, msg)),
        }
    }
    let failed: usize = fail.values().map(Vec::len).sum();
    let n_needs: usize = needs.values().sum();
    let n_broken: usize = broken.values().sum();
    let n_skipped: usize = skipped.values().sum();
    println!("\n== {}", kind_name(kind));
    println!(
        "{} programs: {pass} pass{}, {failed} fail, {} checker panics, {n_needs} need a std package rgo lacks, {n_broken} import a std package with errors, {n_skipped} skipped",
        list.len(),
        if pass_current > 0 { format!(" ({pass_current} of them by current go's wording)") } else { String::new() },
        panics.len()
    );
    for (file, msg) in &panics {
        println!("  PANIC {file}: {msg}");
    }
    let mut classes: Vec<_> = fail.iter().collect();
    classes.sort_by_key(|(c, v)| (std::cmp::Reverse(v.len()), c.to_string()));
    if !classes.is_empty() {
        println!("failure classes (count, class, example):");
    }
    for (class, v) in classes
        .iter()
        .take(if opts.verbose { usize::MAX } else { 40 })
    {
        println!(
            "  {:4}  {class}\n        e.g. {}: {}",
            v.len(),
            v[0].0,
            v[0].1.lines().next().unwrap_or("")
        );
    }
    print_counts("needs std package", &needs);
    print_counts("std package with errors", &broken);
    print_counts("skipped", &skipped);
}

fn print_counts(title: &str, m: &BTreeMap<&str, usize>) {
    if m.is_empty() {
        return;
    }
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by_key(|(k, n)| (std::cmp::Reverse(**n), k.to_string()));
    let items: Vec<String> = v.iter().map(|(k, n)| format!("{k} ({n})")).collect();
    println!("{title}: {}", items.join(", "));
}

fn list_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Run => "run-pass.txt",
        Kind::ErrorCheck => "errorcheck-pass.txt",
    }
}

/// Compares with the committed pass list (or rewrites it with `-update`);
/// 1 if a listed program no longer passes.
fn check_list(kind: Kind, list: &[(String, Outcome)], dir: &Path, update: bool) -> i32 {
    let path = dir.join(list_name(kind));
    let passing: BTreeSet<&str> = list
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Pass | Outcome::PassCurrentGo))
        .map(|(f, _)| f.as_str())
        .collect();
    if update {
        let mut text = format!(
            "# Programs of Go 1.19's test suite (/usr/share/go-1.19/test) that rgo's\n\
             # type checker passes: {}.\n\
             # Regenerate with scripts/types-conformance.sh --update.\n\
             # {} programs\n",
            kind_name(kind),
            passing.len()
        );
        for f in &passing {
            text.push_str(f);
            text.push('\n');
        }
        if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&path, text)) {
            eprintln!("typetest: writing {}: {e}", path.display());
            return 1;
        }
        println!("wrote {} ({} programs)", path.display(), passing.len());
        return 0;
    }
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!(
            "no pass list {} (run with -update to create it)",
            path.display()
        );
        return 0;
    };
    let listed: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let present: BTreeSet<&str> = list.iter().map(|(f, _)| f.as_str()).collect();
    let regressed: Vec<&&str> = listed
        .iter()
        .filter(|f| present.contains(**f) && !passing.contains(**f))
        .collect();
    let new: Vec<&&str> = passing.iter().filter(|f| !listed.contains(f)).collect();
    println!(
        "pass list {}: {} listed, {} regressed, {} newly passing",
        list_name(kind),
        listed.len(),
        regressed.len(),
        new.len()
    );
    for f in &regressed {
        let why = list
            .iter()
            .find(|(g, _)| g == **f)
            .map(|(_, o)| describe(o))
            .unwrap_or_default();
        println!("  REGRESSION {f}: {why}");
    }
    i32::from(!regressed.is_empty())
}

fn describe(o: &Outcome) -> String {
    match o {
        Outcome::Pass => "pass".into(),
        Outcome::PassCurrentGo => "pass (current go's wording)".into(),
        Outcome::Fail { detail, .. } => detail.clone(),
        Outcome::NeedsStd(p) => format!("needs std package {p}"),
        Outcome::StdBroken(p) => format!("std package {p} has errors"),
        Outcome::Skipped(w) => format!("skipped: {w}"),
        Outcome::Panic(m) => format!("panic: {m}"),
    }
}

/// For the failing errorcheck programs: does rgo report what current Go
/// reports? Counts (a) rgo = current go, (b) current go also fails the
/// 1.19 annotations; and lists the differences from current go by class:
/// those are rgo's bugs.
fn compare_with_go(go: &str, dir: &Path, list: &[(String, Outcome)], verbose: bool) {
    let mut same = Vec::new();
    let mut go_fails_too = 0;
    let mut differ: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (file, o) in list {
        let Outcome::Fail { reported, .. } = o else {
            continue;
        };
        let path = dir.join(file);
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let Some(recipe) = Recipe::parse(&src) else {
            continue;
        };
        let Some(go_errs) = go_errors(go, &path, &gc_flags(&recipe)) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let go_ok = wanted_errors(&src, &name)
            .map(|w| match_errors(&w, &go_errs).is_ok())
            .unwrap_or(false);
        if !go_ok {
            go_fails_too += 1;
        }
        let set = |v: &[Reported]| -> BTreeSet<(u32, String)> {
            v.iter().map(|r| (r.line, r.msg.clone())).collect()
        };
        let (ours, theirs) = (set(reported), set(&go_errs));
        if ours == theirs {
            same.push(file.as_str());
            continue;
        }
        let (class, detail) = match (
            theirs.difference(&ours).next(),
            ours.difference(&theirs).next(),
        ) {
            (Some((l, m)), _) => (
                format!("go reports, rgo not: {}", error_class(m)),
                format!("{l}: go: {m}"),
            ),
            (None, Some((l, m))) => (
                format!("rgo reports, go not: {}", error_class(m)),
                format!("{l}: rgo: {m}"),
            ),
            (None, None) => continue,
        };
        differ
            .entry(class)
            .or_default()
            .push((file.clone(), detail));
    }
    let n_differ: usize = differ.values().map(Vec::len).sum();
    println!("\n== failing errorcheck programs against current go ({go}: go build -gcflags=-e)");
    println!(
        "{} report exactly what current go reports (1.19's annotations are outdated there); {go_fails_too} fail 1.19's annotations with current go too; {n_differ} differ from current go:",
        same.len()
    );
    let mut classes: Vec<_> = differ.iter().collect();
    classes.sort_by_key(|(c, v)| (std::cmp::Reverse(v.len()), c.to_string()));
    for (class, v) in classes {
        println!(
            "  {:4}  {class}\n        e.g. {}: {}",
            v.len(),
            v[0].0,
            v[0].1.lines().next().unwrap_or("")
        );
        if verbose {
            for (f, d) in &v[1..] {
                println!("        {f}: {}", d.lines().next().unwrap_or(""));
            }
        }
    }
    if verbose {
        for f in same {
            println!("  SAME-AS-GO {f}");
        }
    }
}

/// The errors `go build -gcflags=-e` reports for the file, or `None` if
/// go could not be run. Lines of other files are dropped.
fn go_errors(go: &str, path: &Path, flags: &GcFlags) -> Option<Vec<Reported>> {
    let dir = path.parent()?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    let mut gcflags = "-gcflags=-e".to_string();
    if let Some(l) = flags.lang {
        gcflags.push_str(&format!(" -lang=go1.{l}"));
    }
    if flags.std {
        gcflags.push_str(" -std");
    }
    // The binary goes to a scratch file rather than /dev/null, which may
    // be missing.
    let bin = std::env::temp_dir().join(format!("rgo-typetest-{}.bin", std::process::id()));
    let out = std::process::Command::new(go)
        .args(["build", &gcflags, "-o"])
        .arg(&bin)
        .arg(&name)
        .current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env("GO111MODULE", "off")
        .output()
        .ok()?;
    let _ = std::fs::remove_file(&bin);
    let text = String::from_utf8_lossy(&out.stderr);
    let mut errs: Vec<Reported> = Vec::new();
    for line in text.lines() {
        if let Some(cont) = line.strip_prefix('\t') {
            if let Some(last) = errs.last_mut() {
                last.msg.push_str("\n\t");
                last.msg.push_str(cont);
            }
            continue;
        }
        // run.go's matchPrefix: the base name of the position's file.
        let Some(rest) = line
            .split_once(':')
            .filter(|(f, _)| f.rsplit('/').next() == Some(name.as_str()))
            .map(|(_, rest)| rest)
        else {
            continue;
        };
        // `line:col: msg`, or `line: msg` after a `//line f:n` directive.
        let Some((l, rest)) = rest.split_once(':') else {
            continue;
        };
        let Ok(l) = l.parse() else { continue };
        let msg = match rest.split_once(':') {
            Some((col, msg)) if !col.is_empty() && col.bytes().all(|b| b.is_ascii_digit()) => msg,
            _ => rest,
        };
        let msg = msg.trim_start();
        if msg == "too many errors" {
            continue;
        }
        errs.push(Reported {
            line: l,
            msg: msg.to_string(),
        });
    }
    for e in &mut errs {
        e.msg = bare_names(&e.msg, &name);
    }
    Some(errs)
}

/// Whether two error lists hold the same (line, message) pairs.
fn same_errors(a: &[Reported], b: &[Reported]) -> bool {
    let set = |v: &[Reported]| -> BTreeSet<(u32, String)> {
        v.iter().map(|r| (r.line, r.msg.clone())).collect()
    };
    set(a) == set(b)
}

/// Reads [`CURRENT_GO`]: `== path` starts a program, `N: msg` is an error
/// on line N, a line starting with a tab continues the previous message.
fn read_current_go(path: &Path) -> BTreeMap<String, Vec<Reported>> {
    let mut out: BTreeMap<String, Vec<Reported>> = BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(path) else {
        return out;
    };
    let mut cur: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(file) = line.strip_prefix("== ") {
            cur = Some(file.to_string());
            out.entry(file.to_string()).or_default();
            continue;
        }
        let Some(file) = &cur else { continue };
        let errs = out.entry(file.clone()).or_default();
        if line.starts_with('\t') {
            if let Some(last) = errs.last_mut() {
                last.msg.push('\n');
                last.msg.push_str(line);
            }
        } else if let Some((n, msg)) = line.split_once(": ") {
            if let Ok(n) = n.parse() {
                errs.push(Reported {
                    line: n,
                    msg: msg.to_string(),
                });
            }
        }
    }
    out
}

/// Runs the real go on every errorcheck program (no gc flags) and records,
/// for those whose 1.19 annotations current go does not satisfy, the errors
/// it reports, in `lists/CURRENT_GO`. Returns them.
fn record_current_go(
    go: &str,
    tests: &Path,
    files: &[String],
    lists: &Path,
) -> BTreeMap<String, Vec<Reported>> {
    let version = std::process::Command::new(go)
        .args(["env", "GOVERSION"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let mut out = BTreeMap::new();
    for rel in files {
        let path = tests.join(rel);
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some(recipe) = Recipe::parse(&src) else {
            continue;
        };
        let flags = gc_flags(&recipe);
        let GcFlags { limit, other, .. } = &flags;
        // `go build -gcflags=-e` reports every error: not what a program
        // asking for gc's error limit checks.
        if !matches!(recipe.action.as_str(), "errorcheck" | "errorcheckwithauto")
            || !other.is_empty()
            || *limit
        {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(wanted) = wanted_errors(&src, &name) else {
            continue;
        };
        let Some(errs) = go_errors(go, &path, &flags) else {
            continue;
        };
        if !match_errors(&wanted, &errs).is_ok() {
            out.insert(rel.clone(), errs);
        }
    }
    let mut text = format!(
        "# The errors the current go ({version}: go build -gcflags=-e) reports for\n\
         # the errorcheck programs of Go 1.19's test suite whose // ERROR\n\
         # annotations it does not satisfy (Go's wording or checks changed since).\n\
         # rgo passes such a program if it reports exactly these errors.\n\
         # Regenerate with scripts/types-conformance.sh --update --go.\n\
         # {} programs\n",
        out.len()
    );
    for (file, errs) in &out {
        text.push_str(&format!("== {file}\n"));
        for e in errs {
            text.push_str(&format!("{}: {}\n", e.line, e.msg));
        }
    }
    match std::fs::create_dir_all(lists).and_then(|_| std::fs::write(lists.join(CURRENT_GO), text))
    {
        Ok(()) => println!(
            "wrote {} ({} programs)",
            lists.join(CURRENT_GO).display(),
            out.len()
        ),
        Err(e) => eprintln!(
            "typetest: writing {}: {e}",
            lists.join(CURRENT_GO).display()
        ),
    }
    out
}

/// Positions inside messages as run.go sees them: it runs the compiler on
/// the file's full path and replaces that path by the base name, so
/// `at ./x.go:4:2` reads `at x.go:4:2` (annotations such as
/// `"declaration of x at LINE-1"` expand to `x.go:N`).
fn bare_names(msg: &str, name: &str) -> String {
    msg.replace(&format!("./{name}:"), &format!("{name}:"))
}
