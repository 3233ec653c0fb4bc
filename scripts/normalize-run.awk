# Normalizes the stderr of `go run` / `rgo run` for golden comparison:
# drops what depends on addresses, build paths or the Go installation.
# - the directory of the test files (variable dir) becomes $DIR;
# - in a traceback, `f(0x1, ...)` becomes `f(...)` and ` +0x1a` goes;
# - frames in Go's runtime (GOROOT/src/runtime, `panic(...)`) are dropped;
# - `pc=0x...` in the SIGSEGV line becomes `pc=PC`;
# - frames (and `created by` lines) whose file is in GOROOT (variable
#   goroot; rgo prints its std files as $GOROOT/...) are dropped: the
#   std's internals are implementation detail;
# - goroutine ids other than 1 become G (Go's depend on how many
#   goroutines its runtime started first).
# The Rust golden test (crates/rgo/tests/run.rs) applies the same rules.
{
	line = $0
	if (dir != "") {
		while ((i = index(line, dir)) > 0) {
			line = substr(line, 1, i - 1) "$DIR" substr(line, i + length(dir))
		}
	}
	if (line ~ /^goroutine [0-9]+ \[/) {
		tb = 1
		if (line !~ /^goroutine 1 \[/) sub(/^goroutine [0-9]+/, "goroutine G", line)
		print line
		next
	}
	if (tb && line ~ /^created by /) {
		if (line !~ / in goroutine 1$/) sub(/ in goroutine [0-9]+$/, " in goroutine G", line)
		pending = line
		next
	}
	if (line ~ /^\[signal /) { sub(/pc=0x[0-9a-f]+/, "pc=PC", line); print line; next }
	if (tb && line ~ /^\t/) {
		sub(/ \+0x[0-9a-f]+$/, "", line)
		if (skip) { skip = 0; pending = ""; next }
		if ((goroot != "" && index(line, "\t" goroot "/") == 1) || index(line, "\t$GOROOT/") == 1) { pending = ""; next }
		if (pending != "") print pending
		pending = ""
		print line
		next
	}
	if (tb && line ~ /\)$/ && line !~ /^exit status/) {
		name = line
		sub(/\([^()]*\)$/, "", name)
		if (name ~ /^runtime\./ || name == "panic") { skip = 1; next }
		pending = name "(...)"
		next
	}
	if (pending != "") { print pending; pending = "" }
	print line
}
END { if (pending != "") print pending }
