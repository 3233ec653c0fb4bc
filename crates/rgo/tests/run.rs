//! Golden tests of `rgo run`: every `testdata/run/x.go` runs under rgo and
//! must produce exactly `x.out` on stdout, `x.err` on stderr (after the
//! normalization of scripts/normalize-run.awk, reimplemented below) and
//! exit with `x.exit`. The golden files come from the real Go
//! (scripts/regen-golden.sh); a new test is a new `.go` file.

use std::path::{Path, PathBuf};
use std::process::Command;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/run")
}

/// The normalization of scripts/normalize-run.awk (rgo prints its std
/// files as `$GOROOT/...`, so that is the GOROOT dropped here).
fn normalize(s: &str, dir: &str) -> String {
    let mut out = String::new();
    let mut tb = false;
    let mut skip = false;
    let mut pending: Option<String> = None;
    let emit = |out: &mut String, l: &str| {
        out.push_str(l);
        out.push('\n');
    };
    for line in s.lines() {
        let mut line = line.replace(dir, "$DIR");
        if line.starts_with("goroutine ") && line.contains(" [") {
            tb = true;
            if !line.starts_with("goroutine 1 [") {
                if let Some(i) = line.find(" [") {
                    line = format!("goroutine G{}", &line[i..]);
                }
            }
            emit(&mut out, &line);
            continue;
        }
        if tb && line.starts_with("created by ") {
            if let Some(i) = line.rfind(" in goroutine ") {
                if &line[i + 14..] != "1" {
                    line = format!("{} in goroutine G", &line[..i]);
                }
            }
            pending = Some(line);
            continue;
        }
        if line.starts_with("[signal ") {
            if let Some(i) = line.find("pc=0x") {
                let end = line[i + 5..]
                    .find(|c: char| !c.is_ascii_hexdigit())
                    .map(|e| i + 5 + e)
                    .unwrap_or(line.len());
                line = format!("{}pc=PC{}", &line[..i], &line[end..]);
            }
            emit(&mut out, &line);
            continue;
        }
        if tb && line.starts_with('\t') {
            if let Some(i) = line.rfind(" +0x") {
                if line[i + 4..].chars().all(|c| c.is_ascii_hexdigit()) {
                    line.truncate(i);
                }
            }
            if skip {
                skip = false;
                pending = None;
                continue;
            }
            if line.starts_with("\t$GOROOT/") {
                pending = None;
                continue;
            }
            if let Some(p) = pending.take() {
                emit(&mut out, &p);
            }
            emit(&mut out, &line);
            continue;
        }
        if tb && line.ends_with(')') && !line.starts_with("exit status") {
            // The name ends where the argument list (which holds no
            // parentheses) begins: `main.(*T).m(0x1, ...)`.
            let name = line[..line.rfind('(').unwrap_or(0)].to_string();
            if name.starts_with("runtime.") || name == "panic" {
                skip = true;
                continue;
            }
            pending = Some(format!("{}(...)", name));
            continue;
        }
        if let Some(p) = pending.take() {
            emit(&mut out, &p);
        }
        emit(&mut out, &line);
    }
    if let Some(p) = pending.take() {
        emit(&mut out, &p);
    }
    out
}

/// Runs every golden program (but those in `skip`; only those in `only`
/// if given) with `env` set and returns the number run and a
/// description of each that differs from its golden files.
fn run_goldens(env: &[(&str, &str)], skip: &[&str], only: Option<&[&str]>) -> (usize, Vec<String>) {
    let dir = testdata();
    let abs = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
    let dir_s = format!("{}/", abs.display());
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    assert!(!names.is_empty(), "no programs in {}", dir.display());
    names.retain(|p| {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        !skip.contains(&stem) && only.map_or(true, |o| o.contains(&stem))
    });
    let mut failures = Vec::new();
    for p in &names {
        let base = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let read = |ext: &str| {
            // Go may print invalid UTF-8 (raw bytes of a regexp error, say):
            // both sides are compared as lossy text.
            std::fs::read(dir.join(format!("{}.{}", base, ext)))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default()
        };
        let (want_out, want_err, want_exit) = (read("out"), read("err"), read("exit"));
        let out = Command::new(env!("CARGO_BIN_EXE_rgo"))
            .args(["run", &format!("{}.go", base)])
            .envs(env.iter().copied())
            .current_dir(&abs)
            .output()
            .expect("run rgo");
        let got_out = String::from_utf8_lossy(&out.stdout).into_owned();
        let got_err = normalize(&String::from_utf8_lossy(&out.stderr), &dir_s);
        let got_exit = out.status.code().unwrap_or(-1).to_string();
        let mut why = Vec::new();
        if got_out != want_out {
            why.push(format!(
                "stdout:\n--- want\n{}--- got\n{}",
                want_out, got_out
            ));
        }
        if got_err != want_err {
            why.push(format!(
                "stderr:\n--- want\n{}--- got\n{}",
                want_err, got_err
            ));
        }
        if got_exit != want_exit.trim() {
            why.push(format!("exit: want {} got {}", want_exit.trim(), got_exit));
        }
        if !why.is_empty() {
            failures.push(format!("== {}.go\n{}", base, why.join("\n")));
        }
    }
    (names.len(), failures)
}

#[test]
fn golden_programs() {
    let (n, failures) = run_goldens(&[], &[], None);
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n{}",
        failures.len(),
        n,
        failures.join("\n")
    );
}

/// Goldens run under gcstress by a debug build (`cargo test` without
/// `--release`, as CI runs it, where the interpreter is ~10x slower):
/// the ones that exercise the collector's roots most (maps growing under
/// iterators, reflect's call buffers and headers, finalizers, closures,
/// channels, select, defer/panic, goroutines parked and locked, timers,
/// regexp's natives). A release build runs them all.
const GC_STRESS_DEBUG: &[&str] = &[
    "map_fastkeys",
    "maps",
    "reflect_call",
    "reflect_make",
    "reflect_select",
    "gc_finalizer",
    "closures",
    "chan_subword",
    "conc_basic",
    "select_fair",
    "defer",
    "panic_chain",
    "lockosthread",
    "timers",
    "iter_pull",
    "regexp_api",
    "strings",
    "stackobj_grow",
];

/// The goldens again with a collection at every mcache refill, freed
/// objects poisoned (`RGODEBUG=gcstress=1`), the pointer slots each
/// frame's stack map calls dead overwritten (`clobberdead=1`) and the
/// stack moved at nearly every deeper call (`stackmove=1`): a root the
/// collector misses, a slot the liveness analysis wrongly calls dead, or
/// a pointer to a stack object the stack copy fails to move, shows up as
/// a wrong output or a crash. Skipped: sync_pool_victim (its
/// output counts GC cycles, which stress multiplies, as more GCs would
/// under Go) and gc_collects (allocates 200 MB: too slow at a cycle per
/// refill); a debug build runs only [`GC_STRESS_DEBUG`].
#[test]
fn golden_programs_under_gc_stress() {
    let only = cfg!(debug_assertions).then_some(GC_STRESS_DEBUG);
    let (n, failures) = run_goldens(
        &[("RGODEBUG", "gcstress=1,clobberdead=1,stackmove=1")],
        &["sync_pool_victim", "gc_collects"],
        only,
    );
    assert!(
        failures.is_empty(),
        "{} of {} programs differ under gcstress:\n{}",
        failures.len(),
        n,
        failures.join("\n")
    );
}

/// go.mod's `go` line sets the language version of the module's packages,
/// and with it the loop variable semantics (one variable per loop before
/// go1.22, one per iteration after). The programs are the goldens
/// `loopvar_go121.go`/`loopvar_go122.go` moved into a module package
/// `lib` (its `main` renamed `Main`, the `//go:build` line dropped), which
/// a named `main.go` calls: the real go prints the golden `.out` of the
/// version go.mod names, whichever of the two sources it is given.
#[test]
fn go_mod_version_selects_loop_variable_semantics() {
    let dir = testdata();
    let tmp = std::env::temp_dir().join(format!("rgo-run-loopvar-{}", std::process::id()));
    for version in ["1.21", "1.22"] {
        let want = std::fs::read_to_string(
            dir.join(format!("loopvar_go{}.out", version.replace('.', ""))),
        )
        .expect("golden output");
        for src in ["loopvar_go121.go", "loopvar_go122.go"] {
            let text = std::fs::read_to_string(dir.join(src)).expect("golden program");
            let lib: String = text
                .lines()
                .filter(|l| !l.starts_with("//go:build"))
                .map(|l| match l {
                    "package main" => "package lib",
                    "func main() {" => "func Main() {",
                    l => l,
                })
                .flat_map(|l| [l, "\n"])
                .collect();
            let _ = std::fs::remove_dir_all(&tmp);
            std::fs::create_dir_all(tmp.join("lib")).unwrap();
            std::fs::write(
                tmp.join("go.mod"),
                format!("module example.com/m\n\ngo {version}\n"),
            )
            .unwrap();
            std::fs::write(tmp.join("lib/lib.go"), lib).unwrap();
            std::fs::write(
                tmp.join("main.go"),
                "package main\n\nimport \"example.com/m/lib\"\n\nfunc main() { lib.Main() }\n",
            )
            .unwrap();
            let out = Command::new(env!("CARGO_BIN_EXE_rgo"))
                .args(["run", "main.go"])
                .current_dir(&tmp)
                .output()
                .expect("run rgo");
            assert_eq!(
                (String::from_utf8_lossy(&out.stdout), out.status.code()),
                (want.as_str().into(), Some(0)),
                "go {version}, {src}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// `rgo run` takes a package directory as well as files, as `go run`
/// does: `.`, `./sub`; the program's arguments follow the package, and a
/// package that is not `main` is refused with go's message.
#[test]
fn run_takes_a_package_directory() {
    let tmp = std::env::temp_dir().join(format!("rgo-run-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.join("cmd/hello")).unwrap();
    std::fs::write(tmp.join("go.mod"), "module example.com/m\n\ngo 1.22\n").unwrap();
    std::fs::write(
        tmp.join("lib.go"),
        "package m\n\nconst Greeting = \"hello\"\n",
    )
    .unwrap();
    std::fs::write(
        tmp.join("cmd/hello/main.go"),
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"path/filepath\"\n\n\t\"example.com/m\"\n)\n\nfunc main() { fmt.Println(m.Greeting, filepath.Base(os.Args[0]), os.Args[1:], helper()) }\n",
    )
    .unwrap();
    std::fs::write(
        tmp.join("cmd/hello/helper.go"),
        "package main\n\nfunc helper() int { return 42 }\n",
    )
    .unwrap();
    let run = |dir: &std::path::Path, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rgo"))
            .arg("run")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("run rgo");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code(),
        )
    };
    let (out, err, code) = run(&tmp.join("cmd/hello"), &[".", "a", "b"]);
    assert_eq!(
        (out.as_str(), code),
        ("hello hello [a b] 42\n", Some(0)),
        "{err}"
    );
    let (out, err, code) = run(&tmp, &["./cmd/hello", "x"]);
    assert_eq!(
        (out.as_str(), code),
        ("hello hello [x] 42\n", Some(0)),
        "{err}"
    );
    let (_, err, code) = run(&tmp, &["."]);
    assert_eq!(
        (err.as_str(), code),
        ("package example.com/m is not a main package\n", Some(1))
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn normalization_drops_addresses_and_runtime_frames() {
    let go = "panic: x\n\ngoroutine 1 [running]:\nmain.f(0x1, 0x2)\n\t/d/x.go:3 +0x1d\npanic({0x1?, 0x2?})\n\t/go/src/runtime/panic.go:9 +0x2\nmain.main()\n\t/d/x.go:5 +0x18\nexit status 2\n";
    let want = "panic: x\n\ngoroutine 1 [running]:\nmain.f(...)\n\t$DIRx.go:3\nmain.main(...)\n\t$DIRx.go:5\nexit status 2\n";
    assert_eq!(normalize(go, "/d/"), want);
}

#[test]
fn normalization_drops_std_frames() {
    let rgo = "fatal error: x\n\ngoroutine 1 [running]:\nsync.fatal(...)\n\t$GOROOT/src/sync/runtime.go:47 +0x0\nmain.main(...)\n\t/d/x.go:5 +0x0\nexit status 2\n";
    let want =
        "fatal error: x\n\ngoroutine 1 [running]:\nmain.main(...)\n\t$DIRx.go:5\nexit status 2\n";
    assert_eq!(normalize(rgo, "/d/"), want);
}

#[test]
fn normalization_renames_goroutine_ids_but_main() {
    let go = "goroutine 1 [chan receive]:\nmain.main()\n\t/d/x.go:3 +0x1\n\ngoroutine 19 [select]:\nmain.f()\n\t/d/x.go:9 +0x2\ncreated by main.main in goroutine 1\n\t/d/x.go:4 +0x3\n\ngoroutine 20 [sleep]:\nmain.g(...)\n\t/d/x.go:12\ncreated by main.f in goroutine 19\n\t/d/x.go:10 +0x4\n";
    let want = "goroutine 1 [chan receive]:\nmain.main(...)\n\t$DIRx.go:3\n\ngoroutine G [select]:\nmain.f(...)\n\t$DIRx.go:9\ncreated by main.main in goroutine 1\n\t$DIRx.go:4\n\ngoroutine G [sleep]:\nmain.g(...)\n\t$DIRx.go:12\ncreated by main.f in goroutine G\n\t$DIRx.go:10\n";
    assert_eq!(normalize(go, "/d/"), want);
}
