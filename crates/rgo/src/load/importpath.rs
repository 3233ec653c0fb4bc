//! The checks of an import path before any package is looked for: the go
//! command's (module mode: `malformed import path "a//b": double slash`,
//! relative and absolute paths) and, for Go's errorcheck tests
//! that run the compiler alone, gc's importer's (a non-canonical path).

use rgo_types::constant::quote;

/// The go command's error for the import path `path` (modload's checks,
/// then golang.org/x/mod's CheckImportPath), if it is not a valid one.
/// Paths go/build itself refuses (spaces, punctuation) and `path@version`
/// get other errors, not these.
pub fn go_command_error(path: &str) -> Option<String> {
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    if path.is_empty()
        || path.contains('@')
        || path
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || ILLEGAL.contains(c))
    {
        return None;
    }
    let q = quote(path.as_bytes());
    if path == "." || path == ".." || path.starts_with("./") || path.starts_with("../") {
        return Some(format!(
            "{q} is relative, but relative import paths are not supported in module mode"
        ));
    }
    if path.starts_with('/') {
        return Some(format!("{q} is not a package path; see 'go help packages'"));
    }
    if matches!(path, "std" | "cmd" | "tool" | "work" | "all") {
        return Some(format!(
            "{q} is not an importable package; see 'go help packages'"
        ));
    }
    check_import_path(path).map(|why| format!("malformed import path {q}: {why}"))
}

/// golang.org/x/mod/module's checkPath for an import path: why `path` is
/// malformed, if it is.
fn check_import_path(path: &str) -> Option<String> {
    if path.is_empty() {
        return Some("empty string".into());
    }
    if path.starts_with('-') {
        return Some("leading dash".into());
    }
    if path.contains("//") {
        return Some("double slash".into());
    }
    if path.ends_with('/') {
        return Some("trailing slash".into());
    }
    path.split('/').find_map(check_elem)
}

/// Names Windows reserves, which no path element may use (before a dot).
const BAD_WINDOWS_NAMES: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

fn check_elem(elem: &str) -> Option<String> {
    if elem.is_empty() {
        return Some("empty path element".into());
    }
    if elem.bytes().all(|b| b == b'.') {
        return Some(format!("invalid path element {}", quote(elem.as_bytes())));
    }
    if elem.ends_with('.') {
        return Some("trailing dot in path element".into());
    }
    if let Some(c) = elem
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || "-._~+".contains(c)))
    {
        return Some(format!("invalid char {}", quote_rune(c)));
    }
    let short = elem.split('.').next().unwrap_or(elem);
    if BAD_WINDOWS_NAMES
        .iter()
        .any(|b| b.eq_ignore_ascii_case(short))
    {
        return Some(format!(
            "{} disallowed as path element component on Windows",
            quote(short.as_bytes())
        ));
    }
    // Windows short names: a tilde followed by digits at the end.
    if let Some(t) = short.rfind('~') {
        let digits = &short[t + 1..];
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some("trailing tilde and digits in path element".into());
        }
    }
    None
}

/// Go's `%q` of a rune.
fn quote_rune(c: char) -> String {
    let s = quote(c.to_string().as_bytes());
    let inner = &s[1..s.len() - 1];
    match inner {
        "\\\"" => "'\"'".to_string(),
        "'" => "'\\''".to_string(),
        _ => format!("'{inner}'"),
    }
}

/// gc's importer (cmd/compile's openPackage): a path that path.Clean
/// changes is refused.
pub fn compiler_error(path: &str) -> Option<String> {
    if path == "." || path == ".." || path.starts_with("./") || path.starts_with("../") {
        return None;
    }
    let clean = clean_path(path);
    (clean != path).then(|| {
        format!(
            "non-canonical import path {} (should be {})",
            quote(path.as_bytes()),
            quote(clean.as_bytes())
        )
    })
}

/// Go's path.Clean.
fn clean_path(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for elem in path.split('/') {
        match elem {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            e => parts.push(e),
        }
    }
    let body = parts.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_command_errors() {
        let e = |p: &str| go_command_error(p).unwrap_or_default();
        assert_eq!(e("fmt"), "");
        assert_eq!(e("example.com/a-b_c~d+e/v2"), "");
        assert_eq!(
            e("unicode//utf8"),
            "malformed import path \"unicode//utf8\": double slash"
        );
        assert_eq!(e("fmt/"), "malformed import path \"fmt/\": trailing slash");
        assert_eq!(
            e("strings/../fmt"),
            "malformed import path \"strings/../fmt\": invalid path element \"..\""
        );
        assert_eq!(e("a b"), "");
        assert_eq!(e("x/é"), "malformed import path \"x/é\": invalid char 'é'");
        assert_eq!(e("x/aux.go"), "malformed import path \"x/aux.go\": \"aux\" disallowed as path element component on Windows");
        assert_eq!(
            e("x/ab~1"),
            "malformed import path \"x/ab~1\": trailing tilde and digits in path element"
        );
        assert_eq!(
            e("./fmt"),
            "\"./fmt\" is relative, but relative import paths are not supported in module mode"
        );
        assert_eq!(
            e("/abs"),
            "\"/abs\" is not a package path; see 'go help packages'"
        );
        assert_eq!(
            e("std"),
            "\"std\" is not an importable package; see 'go help packages'"
        );
        assert_eq!(e("a@v1"), "");
        assert_eq!(e("-x"), "malformed import path \"-x\": leading dash");
    }

    #[test]
    fn compiler_errors() {
        assert_eq!(compiler_error("fmt"), None);
        assert_eq!(
            compiler_error("unicode//utf8").unwrap(),
            "non-canonical import path \"unicode//utf8\" (should be \"unicode/utf8\")"
        );
        assert_eq!(clean_path("a/../../b/./c/"), "../b/c");
        assert_eq!(clean_path("/../a"), "/a");
    }
}
