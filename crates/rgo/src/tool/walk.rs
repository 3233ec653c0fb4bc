//! Finding the Go files to parse: each path named on the command line is a
//! file (parsed whatever its name) or a directory walked recursively for
//! files named `*.go`.
//!
//! Rules, the same as `filepath.WalkDir` plus a `.go` filter (and the same
//! as scripts/goparse, the oracle of the conformance tests):
//! - nothing is skipped by name: `testdata`, `_x` and `.x` are walked too;
//! - entries are visited in byte order of their names, so the order of the
//!   files is deterministic;
//! - a directory is walked even if its name ends in `.go`;
//! - a symbolic link met during the walk is not followed into a directory
//!   (no cycles, no tree visited twice), but a link named `*.go` that
//!   resolves to a regular file is parsed as that file. Paths named on the
//!   command line are always followed.
//! - other non-regular files (sockets, fifos, devices) are skipped.

use crate::base::go_error_text;
use std::fs;
use std::path::{Path, PathBuf};

/// The result of walking the command-line paths.
#[derive(Default, Debug)]
pub struct Walk {
    /// Files to parse, in walk order.
    pub files: Vec<PathBuf>,
    /// Go-worded I/O errors met while walking (`open DIR: permission denied`).
    pub errors: Vec<String>,
}

/// Walks every root in order.
pub fn go_files(roots: &[String]) -> Walk {
    let mut walk = Walk::default();
    for root in roots {
        add_root(Path::new(root), &mut walk);
    }
    walk
}

fn add_root(root: &Path, walk: &mut Walk) {
    match fs::metadata(root) {
        Ok(meta) if meta.is_dir() => walk_dir(root, walk),
        Ok(_) => walk.files.push(root.to_path_buf()),
        Err(e) => walk
            .errors
            .push(format!("stat {}: {}", root.display(), go_error_text(&e))),
    }
}

fn walk_dir(dir: &Path, walk: &mut Walk) {
    let entries = match sorted_entries(dir) {
        Ok(entries) => entries,
        Err(e) => {
            walk.errors
                .push(format!("open {}: {}", dir.display(), go_error_text(&e)));
            return;
        }
    };
    for (path, file_type) in entries {
        if file_type.is_dir() {
            walk_dir(&path, walk);
        } else if is_go_name(&path) && resolves_to_file(&path, file_type) {
            walk.files.push(path);
        }
    }
}

/// The entries of `dir` (path and type, links not followed), sorted by name.
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(PathBuf, fs::FileType)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        entries.push((entry.path(), entry.file_type()?));
    }
    entries.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
    Ok(entries)
}

fn is_go_name(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().ends_with(b".go"))
}

/// A regular file, or a symbolic link to one.
fn resolves_to_file(path: &Path, file_type: fs::FileType) -> bool {
    if file_type.is_symlink() {
        return fs::metadata(path).is_ok_and(|m| m.is_file());
    }
    file_type.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh scratch directory for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("rgo-walk-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(walk: &Walk, root: &Path) -> Vec<String> {
        walk.files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn walks_everything_in_name_order() {
        let root = scratch("order");
        for d in ["b", "a-b", "a", "testdata", "_x", ".hidden", "dir.go"] {
            fs::create_dir_all(root.join(d)).unwrap();
            fs::write(root.join(d).join("f.go"), "package p\n").unwrap();
        }
        fs::write(root.join("a").join("notgo.txt"), "").unwrap();
        fs::write(root.join("z.go"), "package p\n").unwrap();
        let walk = go_files(&[root.display().to_string()]);
        assert!(walk.errors.is_empty(), "{:?}", walk.errors);
        assert_eq!(
            names(&walk, &root),
            [
                ".hidden/f.go",
                "_x/f.go",
                "a/f.go",
                "a-b/f.go",
                "b/f.go",
                "dir.go/f.go",
                "testdata/f.go",
                "z.go"
            ]
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn links_to_files_are_parsed_links_to_dirs_are_not_walked() {
        let root = scratch("links");
        fs::create_dir_all(root.join("d")).unwrap();
        fs::write(root.join("d").join("real.go"), "package p\n").unwrap();
        std::os::unix::fs::symlink(root.join("d").join("real.go"), root.join("link.go")).unwrap();
        std::os::unix::fs::symlink(root.join("d"), root.join("loop")).unwrap();
        std::os::unix::fs::symlink(root.join("missing.go"), root.join("dangling.go")).unwrap();
        let walk = go_files(&[root.display().to_string()]);
        assert_eq!(names(&walk, &root), ["d/real.go", "link.go"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_named_file_is_parsed_whatever_its_name_and_a_missing_one_is_an_error() {
        let root = scratch("named");
        fs::write(root.join("x.txt"), "package p\n").unwrap();
        let x = root.join("x.txt").display().to_string();
        let missing = root.join("nope").display().to_string();
        let walk = go_files(&[x.clone(), missing.clone()]);
        assert_eq!(walk.files, [PathBuf::from(&x)]);
        assert_eq!(
            walk.errors,
            [format!("stat {missing}: no such file or directory")]
        );
        fs::remove_dir_all(&root).unwrap();
    }
}
