//! The main module: the `go.mod` file found in the current directory or
//! one of its parents, and its module path.

use std::path::{Path, PathBuf};

/// The main module.
#[derive(Clone, Debug)]
pub struct Module {
    /// The directory holding go.mod.
    pub root: PathBuf,
    /// The path declared by go.mod's `module` line.
    pub path: String,
    /// The language version of its `go` line (a minor number: 21 is
    /// go1.21); go.mod without one means go1.16, as for the go command.
    pub lang: u32,
}

impl Module {
    /// The module whose go.mod is in `dir` or its nearest parent that has
    /// one, if any (and if its `module` line can be read).
    pub fn find(dir: &Path) -> Option<Module> {
        let mut d = Some(dir);
        while let Some(cur) = d {
            let gomod = cur.join("go.mod");
            if let Ok(text) = std::fs::read_to_string(&gomod) {
                return module_path(&text).map(|path| Module {
                    root: cur.to_path_buf(),
                    path,
                    lang: go_line(&text)
                        .and_then(rgo_types::check::version::parse_lang)
                        .unwrap_or(rgo_types::check::version::GOMOD_DEFAULT),
                });
            }
            d = cur.parent();
        }
        None
    }

    /// The directory of import path `path` if it lies in this module.
    pub fn dir_of(&self, path: &str) -> Option<PathBuf> {
        if path == self.path {
            return Some(self.root.clone());
        }
        let rest = path.strip_prefix(&self.path)?.strip_prefix('/')?;
        Some(self.root.join(rest))
    }

    /// The import path of directory `dir` (absolute), if it lies in this
    /// module.
    pub fn path_of(&self, dir: &Path) -> Option<String> {
        let rel = dir.strip_prefix(&self.root).ok()?;
        let rel = rel.to_str()?;
        if rel.is_empty() {
            Some(self.path.clone())
        } else {
            Some(format!("{}/{}", self.path, rel))
        }
    }
}

/// The module path of a go.mod text: the argument of its `module`
/// directive (possibly quoted).
fn module_path(gomod: &str) -> Option<String> {
    for line in gomod.lines() {
        let line = line.split("//").next().unwrap_or("").trim();
        if let Some(rest) = line.strip_prefix("module") {
            if !rest.starts_with([' ', '\t', '"']) {
                continue;
            }
            let p = rest.trim().trim_matches(|c| c == '"' || c == '`');
            if !p.is_empty() {
                return Some(p.to_string());
            }
        }
    }
    None
}

/// The version of a go.mod text's `go` directive, as written (`1.21.0`).
fn go_line(gomod: &str) -> Option<&str> {
    gomod.lines().find_map(|line| {
        let line = line.split("//").next().unwrap_or("").trim();
        let rest = line.strip_prefix("go")?;
        if !rest.starts_with([' ', '\t']) {
            return None;
        }
        let v = rest.trim();
        (!v.is_empty()).then_some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_lines() {
        assert_eq!(
            module_path("module example.com/m\n\ngo 1.22\n").as_deref(),
            Some("example.com/m")
        );
        assert_eq!(
            module_path("// c\nmodule \"x/y\" // tail\n").as_deref(),
            Some("x/y")
        );
        assert_eq!(module_path("go 1.22\n"), None);
        assert_eq!(go_line("module m\n\ngo 1.22.1 // x\n"), Some("1.22.1"));
        assert_eq!(go_line("module m\ngodebug x=1\n"), None);
        assert_eq!(module_path("modulex y\n"), None);
    }

    #[test]
    fn paths_and_dirs() {
        let m = Module {
            root: PathBuf::from("/r"),
            path: "ex.com/m".into(),
            lang: 22,
        };
        assert_eq!(m.dir_of("ex.com/m/a/b"), Some(PathBuf::from("/r/a/b")));
        assert_eq!(m.dir_of("ex.com/m"), Some(PathBuf::from("/r")));
        assert_eq!(m.dir_of("ex.com/mm"), None);
        assert_eq!(m.path_of(Path::new("/r/a")).as_deref(), Some("ex.com/m/a"));
        assert_eq!(m.path_of(Path::new("/q")), None);
    }
}
