//! The `rgo` command's dispatch: help, version, unknown and not-yet-written
//! commands, with the go command's wording and exit statuses.

mod common;
use common::rgo;

#[test]
fn bare_rgo_prints_usage_to_stderr_and_exits_2() {
    let r = rgo(&[]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains("\trgo <command> [arguments]\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn help_lists_every_command_on_stdout() {
    let r = rgo(&["help"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
    for (name, line) in [
        ("build", "compile packages and dependencies"),
        ("run", "compile and run Go program"),
        ("test", "test packages"),
        ("tool", "run specified rgo tool"),
        ("version", "print rgo version"),
        ("vet", "report likely mistakes in packages"),
    ] {
        assert!(
            r.stdout.contains(&format!("\t{name:<11} {line}\n")),
            "{name} missing:\n{}",
            r.stdout
        );
    }
}

#[test]
fn help_for_a_command_prints_its_usage() {
    let r = rgo(&["help", "tool"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with("usage: rgo tool [command [args...]]\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("rgo tool parse [-q] path..."),
        "{}",
        r.stdout
    );
}

#[test]
fn help_for_an_unknown_topic_exits_2() {
    let r = rgo(&["help", "frobnicate"]);
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    assert_eq!(
        r.stderr,
        "rgo help frobnicate: unknown help topic. Run 'rgo help'.\n"
    );
}

#[test]
fn unknown_command_is_worded_as_go_words_it() {
    let r = rgo(&["frobnicate", "x"]);
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    assert_eq!(
        r.stderr,
        "rgo frobnicate: unknown command\nRun 'rgo help' for usage.\n"
    );
}

#[test]
fn commands_not_written_yet_say_so_and_exit_2() {
    // vet and build type-check (tests/vet.rs); run has its own tests.
    let r = rgo(&["test", "main.go"]);
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    assert_eq!(r.stderr, "rgo test: not implemented yet\n");
}

#[test]
fn version_names_the_release_and_platform() {
    let r = rgo(&["version"]);
    assert_eq!(r.code, 0);
    let want = format!("rgo version {} linux/amd64\n", env!("CARGO_PKG_VERSION"));
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        assert_eq!(r.stdout, want);
    }
    assert!(r.stdout.starts_with("rgo version "), "{}", r.stdout);
    assert_eq!(rgo(&["version", "extra"]).code, 2);
}

#[test]
fn tool_lists_tools_and_rejects_unknown_ones() {
    let r = rgo(&["tool"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "checkstd\nparse\ntypes\ntypetest\n")
    );
    let r = rgo(&["tool", "nosuch"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (2, "rgo: no such tool \"nosuch\"\n")
    );
}
