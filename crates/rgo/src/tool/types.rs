//! `rgo tool types FILE...`: type-checks the named files (one package, as
//! `rgo vet FILE...` does) and prints, for every expression of each file,
//! `line:col expr type [= constant]` in source order (rgo-types' debug
//! dump), each file's dump under a `== name` header when there are several
//! files. Errors go to stderr in `go build`'s form; exit status 1 if any.

use rgo::{check::Session, load};

pub fn main(args: &[String]) -> i32 {
    if args.is_empty() || args.iter().any(|a| a.starts_with('-')) {
        eprintln!("usage: rgo tool types file.go...");
        return 2;
    }
    let cfg = load::Config::from_env();
    let (out, errs, ok) = rgo::with_deep_stack(|| dump(&cfg, args));
    crate::base::print_stdout(&out);
    eprint!("{errs}");
    i32::from(!ok)
}

/// The dump (stdout), the error text (stderr) and whether there was none.
fn dump(cfg: &load::Config, args: &[String]) -> (String, String, bool) {
    let loaded = load::load(cfg.clone(), args);
    if !loaded.errors.is_empty() {
        return (String::new(), loaded.errors.join("\n") + "\n", false);
    }
    let mut session = Session::new();
    session.keep_info = true;
    let results = session.check(&loaded);
    let mut errs = String::new();
    for r in results.iter().filter(|r| !r.lines.is_empty()) {
        errs.push_str(&format!("# {}\n{}\n", r.path, r.lines.join("\n")));
    }
    let ok = results.iter().all(|r| !r.failed);
    let mut out = String::new();
    for &root in &loaded.roots {
        let pkg = &loaded.packages[root];
        let Some((id, info)) = session.infos.get(&pkg.path) else {
            continue;
        };
        for (i, (tree, source)) in pkg.asts.iter().zip(&pkg.sources).enumerate() {
            if pkg.asts.len() > 1 {
                out.push_str(&format!("== {}\n", source.name));
            }
            out.push_str(&rgo_types::debug::dump_types(
                &session.world,
                *id,
                info,
                i,
                tree,
                source,
            ));
        }
    }
    (out, errs, ok)
}
