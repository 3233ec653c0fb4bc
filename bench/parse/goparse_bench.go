// Command goparse_bench is the Go side of the parser benchmark
// (scripts/bench-parse.sh): it parses every .go file under a directory
// (GOROOT/src by default) with go/parser, ParseComments|SkipObjectResolution,
// one file after the other, the way a user would write it, and prints the
// elapsed time. Walking the tree and reading the files are timed too, as
// they are for `rgo tool parse`.
//
// Usage: goparse_bench [dir]
package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

func main() {
	dir := filepath.Join(runtime.GOROOT(), "src")
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	start := time.Now()
	fset := token.NewFileSet()
	files, bytes, bad := 0, 0, 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		bytes += len(src)
		if _, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution); err != nil {
			bad++
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "goparse_bench:", err)
		os.Exit(1)
	}
	fmt.Printf("go/parser: parsed %d files (%d bytes), %d with errors in %v\n", files, bytes, bad, time.Since(start).Round(time.Millisecond))
}
