// Command goparse is the oracle of rgo's parser conformance: it walks each
// root given on the command line and prints, one per line and sorted, the
// path (relative to its root) of every .go file that go/parser rejects when
// parsing with ParseComments|SkipObjectResolution.
//
// The walk matches `rgo tool parse`: nothing is skipped by name (testdata,
// _foo and .foo are walked too), a directory whose name ends in .go is
// walked rather than parsed, symbolic links to directories are not
// followed, a symbolic link to a file is parsed as that file, and other
// non-regular files are skipped.
//
// A summary per root goes to stderr:
//
//	goparse: ROOT: N files (B bytes), R rejected
//
// Usage: go run . ROOT...   (run by scripts/regen-parse-expectations.sh)
package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: goparse root...")
		os.Exit(2)
	}
	for _, root := range os.Args[1:] {
		if err := check(root); err != nil {
			fmt.Fprintln(os.Stderr, "goparse:", err)
			os.Exit(1)
		}
	}
}

// check walks one root, prints its rejected files and a summary.
func check(root string) error {
	var rejected []string
	files, bytes := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".go") {
			return nil
		}
		if !resolvesToFile(path, d) {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		bytes += len(src)
		fset := token.NewFileSet()
		if _, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution); err != nil {
			rel, _ := filepath.Rel(root, path)
			rejected = append(rejected, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(rejected)
	for _, r := range rejected {
		fmt.Println(r)
	}
	fmt.Fprintf(os.Stderr, "goparse: %s: %d files (%d bytes), %d rejected\n", root, files, bytes, len(rejected))
	return nil
}

// resolvesToFile reports whether d is a regular file or a symbolic link to one.
func resolvesToFile(path string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink != 0 {
		fi, err := os.Stat(path)
		return err == nil && fi.Mode().IsRegular()
	}
	return d.Type().IsRegular()
}
