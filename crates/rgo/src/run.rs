//! `rgo run file.go... | dir [arguments]`: mirrors `go run`. Loads and
//! type-checks the package (printing errors as `go build` does, exit 1),
//! compiles the main package to bytecode (rgo-compile) and runs it as
//! goroutine 1 in the VM (rgo-runtime). An unrecovered panic prints Go's
//! `panic: ...` report and traceback to stderr; like `go run`, a non-zero
//! exit status is followed by `exit status N` on stderr and rgo exits 1
//! (go run exits 1 whatever the program's status).
//!
//! Every package of the program (std ones from rgo-std included) is
//! compiled into one program (`rgo_compile::compile_program`), in the
//! checker's dependency order; `os.Args` is the program name (as `go run`
//! shows it) followed by the arguments after the files. Std packages are
//! loaded pruned to the declarations the program can reach
//! (`rgo::load::load_pruned`; `RGO_PRUNE=0` turns that off), which keeps
//! start-up to a few milliseconds; `RGO_TIMING=1` prints the time of each
//! phase. See ARCHITECTURE.md, "Start-up of `rgo run`".

use std::path::PathBuf;

use rgo_runtime::symtab::Program;

pub fn main(args: &[String]) -> i32 {
    // `go run` takes .go files or one package (a directory such as `.`
    // or `./cmd/x`); the program's arguments follow.
    let mut n_files = args.iter().take_while(|a| a.ends_with(".go")).count();
    if n_files == 0 {
        match args.first() {
            Some(a) if !a.starts_with('-') => n_files = 1,
            _ => {
                eprintln!("go: no go files listed");
                return 1;
            }
        }
    }
    let files: Vec<String> = args[..n_files].to_vec();
    // os.Args[0]: the first file's name, or the package directory's.
    let first = if files[0].ends_with(".go") {
        files[0].clone()
    } else {
        let dir = std::fs::canonicalize(&files[0]).unwrap_or_else(|_| PathBuf::from(&files[0]));
        dir.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "main".into())
    };
    let stem = first
        .rsplit('/')
        .next()
        .unwrap_or("main")
        .trim_end_matches(".go");
    let mut prog_args = vec![format!("/tmp/go-build/b001/exe/{}", stem)];
    prog_args.extend(args[n_files..].iter().cloned());
    rgo_std::glue::os::set_args(prog_args);
    // Build on a thread with a deep stack; run on this one, the process's
    // main thread, which becomes the scheduler's M0 (as in Go, where
    // runtime.main starts on m0).
    match rgo::with_deep_stack(move || build(&files)) {
        Ok(b) => {
            // SAFETY: the descriptor is leaked by the compiler (lives
            // forever) and has the layout set_runtime_error_type requires.
            unsafe {
                rgo_runtime::print::set_runtime_error_type(
                    b.runtime_error_type as *const rgo_runtime::typedesc::Type,
                )
            };
            if b.timing {
                let _ = EXEC_START.set(std::time::Instant::now());
            }
            execute(b.prog, b.entry)
        }
        Err(code) => exit_status(code),
    }
}

/// A program built and ready to run.
struct Built {
    prog: Program,
    entry: rgo_runtime::op::FuncId,
    /// The compiler's `runtime.Error` descriptor (an address: leaked).
    runtime_error_type: usize,
    /// `RGO_TIMING` is on.
    timing: bool,
}

/// `rgo run`'s exit status given the program's `code` (negative: the
/// build failed, its errors printed already). Like `go run`, a non-zero
/// status is reported on stderr and becomes 1.
fn exit_status(code: i32) -> i32 {
    if code < 0 {
        return 1;
    }
    if code != 0 {
        eprintln!("exit status {}", code);
        return 1;
    }
    0
}

/// Loads, checks, compiles and runs; returns the program's exit status.
/// Loads, checks and compiles the program; `Err` carries the exit status
/// (`-1`: the build failed, its errors printed already).
fn build(files: &[String]) -> Result<Built, i32> {
    let mut timing = Timing::from_env();
    // std packages pruned to what the program can reach (`RGO_PRUNE=0`
    // turns that off, to compare).
    let cfg = rgo::load::Config::from_env();
    let loaded = if std::env::var_os("RGO_PRUNE").is_some_and(|v| v == "0") {
        rgo::load::load(cfg, files)
    } else {
        rgo::load::load_pruned(cfg, files)
    };
    timing.phase("load+parse");
    let mut text = String::new();
    let loaded_ok = rgo::load_messages(&loaded, &mut text);
    eprint!("{text}");
    if !loaded_ok {
        return Err(-1);
    }
    // `go run` runs main packages only.
    for &r in &loaded.roots {
        let p = &loaded.packages[r];
        if p.asts.first().is_some_and(|f| f.name.name != "main") {
            eprintln!("package {} is not a main package", p.path);
            return Err(-1);
        }
    }
    let mut session = rgo::check::Session::new();
    session.keep_info = true;
    // `go run` builds with -complete: a bodiless function is an error.
    session.complete = true;
    let results = session.check(&loaded);
    timing.phase("typecheck");
    text.clear();
    let compiled = rgo::check_messages(&results, &mut text);
    eprint!("{text}");
    if !compiled {
        return Err(-1);
    }
    let Some(&root) = loaded.roots.first() else {
        return Err(-1);
    };
    // Every package of the program, dependencies first (the checker's
    // order), the main package last.
    let mut order: Vec<usize> = loaded
        .dependency_order()
        .into_iter()
        .filter(|&i| i != root)
        .collect();
    order.push(root);
    let mut metas = Vec::new();
    for &i in &order {
        let pkg = &loaded.packages[i];
        let Some((pid, info)) = session.infos.remove(&pkg.path) else {
            eprintln!("# {}\ninternal error: package not checked", pkg.path);
            return Err(-1);
        };
        metas.push((i, pid, info, file_paths(pkg)));
    }
    let inputs: Vec<rgo_compile::PkgInput> = metas
        .iter()
        .map(|(i, pid, info, paths)| {
            let pkg = &loaded.packages[*i];
            rgo_compile::PkgInput {
                pkg: *pid,
                info,
                files: &pkg.asts,
                srcs: &pkg.sources,
                paths,
                lenient: pkg.std,
            }
        })
        .collect();
    let out = match rgo_compile::compile_program(&mut session.world, &inputs) {
        Ok(o) => o,
        Err(errs) => {
            eprintln!("# {}", loaded.packages[root].path);
            for e in errs.iter().take(10) {
                eprintln!("{}", e);
            }
            return Err(-1);
        }
    };
    timing.phase("compile");
    if std::env::var_os("RGO_DISASM").is_some() {
        eprint!("{}", disasm(&out.prog));
    }
    let built = Built {
        prog: out.prog,
        entry: out.entry,
        runtime_error_type: out.runtime_error_type as usize,
        timing: timing.last.is_some(),
    };
    // Not freed: the trees, the World and the checker's results would
    // take as long to free as a small program takes to check, and the
    // process ends in exit_program.
    drop(inputs);
    std::mem::forget(metas);
    std::mem::forget(session);
    std::mem::forget(loaded);
    Ok(built)
}

/// When the program started, under `RGO_TIMING` (for the execute phase,
/// which `exit_program` ends).
static EXEC_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Ends the process with the program's exit status (called by the
/// runtime on its exit thread). Exit here: freeing the trees, the World
/// and the program would cost as much as checking a small program did.
fn exit_program(code: i32) -> ! {
    if let Some(t) = EXEC_START.get() {
        let ms = t.elapsed().as_secs_f64() * 1e3;
        eprintln!("rgo: phase {:<11} {:8.3}ms", "execute", ms);
    }
    std::process::exit(exit_status(code))
}

/// `RGO_TIMING=1`: the wall time of each phase of `rgo run`, printed to
/// stderr as `rgo: phase NAME N.NNNms`.
struct Timing {
    last: Option<std::time::Instant>,
}

impl Timing {
    fn from_env() -> Timing {
        let on = std::env::var_os("RGO_TIMING").is_some_and(|v| !v.is_empty() && v != "0");
        Timing {
            last: on.then(std::time::Instant::now),
        }
    }

    /// Prints the time since the previous phase ended.
    fn phase(&mut self, name: &str) {
        if let Some(t) = self.last {
            let now = std::time::Instant::now();
            eprintln!(
                "rgo: phase {:<11} {:8.3}ms",
                name,
                (now - t).as_secs_f64() * 1e3
            );
            self.last = Some(now);
        }
    }
}

/// The absolute file names tracebacks print for `pkg`'s files (rgo-std
/// files as `$GOROOT/src/PATH/x.go`).
fn file_paths(pkg: &rgo::load::Package) -> Vec<String> {
    match &pkg.dir {
        Some(dir) => pkg
            .files
            .iter()
            .map(|f| {
                let p: PathBuf = dir.join(&f.name);
                std::fs::canonicalize(&p).unwrap_or(p).display().to_string()
            })
            .collect(),
        None => pkg.sources.iter().map(|s| s.name.clone()).collect(),
    }
}

/// The program's bytecode, one instruction a line (`RGO_DISASM=1`).
fn disasm(prog: &Program) -> String {
    let mut s = String::new();
    for (i, f) in prog.funcs.iter().enumerate() {
        s.push_str(&format!(
            "func {} {} (frame {}, results {}, args {})\n",
            i, f.name, f.frame_size, f.result_slots, f.arg_slots
        ));
        for (pc, ins) in f.code.iter().enumerate() {
            s.push_str(&format!("  {:4} L{:<4} {:?}\n", pc, f.line_at(pc), ins));
        }
    }
    s
}

/// Runs the program's entry as goroutine 1 under the scheduler
/// (rgo-runtime's proc.rs), with this thread (the process's main thread)
/// as M0; the process ends in [`exit_program`].
fn execute(prog: Program, entry: rgo_runtime::op::FuncId) -> ! {
    // The program lives as long as the process: Ms may still run
    // goroutines after main returns, as Go's do until exit.
    let prog: &'static Program = Box::leak(Box::new(prog));
    rgo_runtime::proc::main(prog, entry, exit_program)
}
