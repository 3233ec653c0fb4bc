# shellcheck shell=bash
# Shared by the scripts/ shell scripts (source it, do not run it).

# repo_root: the repository root.
repo_root() {
	cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

# find_go: prints the path of a real go (from PATH, else /tmp/govenv),
# or nothing if there is none.
find_go() {
	if command -v go >/dev/null 2>&1; then
		command -v go
	elif [ -x /tmp/govenv/bin/go ]; then
		echo /tmp/govenv/bin/go
	fi
}

# go_version GO: prints e.g. go1.27.3.
go_version() {
	"$1" env GOVERSION
}

# build_rgo [cargo build flags...]: builds the rgo command and prints the
# path of its executable (wherever CARGO_TARGET_DIR puts it).
build_rgo() {
	cargo build -q -p rgo "$@" --message-format=json-render-diagnostics |
		sed -n 's/.*"executable":"\([^"]*\/rgo\)".*/\1/p' | tail -n 1
}

# section TITLE: a header line that stands out in CI logs.
section() {
	printf '\n==== %s ====\n' "$*"
}

# The Go trees of the parser conformance test, one "NAME DIR" line each
# (installed or not). NAME names the list conformance/parse/NAME.rejected.
# The GOROOT tree's NAME carries the go version, as its contents do; with
# no go at all its line is "goroot -".
conformance_trees() {
	local go
	go=$(find_go)
	if [ -n "$go" ]; then
		echo "goroot-$(go_version "$go") $("$go" env GOROOT)/src"
	else
		echo "goroot -"
	fi
	echo "go1.19-src /usr/share/go-1.19/src"
	echo "go1.19-test /usr/share/go-1.19/test"
}

# header_field FILE KEY: the value of a "# KEY: value" header line.
header_field() {
	sed -n "s/^# $2: //p" "$1" | head -n 1
}

# Never let the go command fetch a toolchain: the go found is the truth.
export GOTOOLCHAIN=local
