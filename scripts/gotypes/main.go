// Command gotypes is the go/types side of rgo's type-checker comparisons
// (scripts/check-goroot-std.sh, scripts/bench-types.sh).
//
//	gotypes -tags
//		prints the build tags go/build uses for linux/amd64 with cgo off
//		(its tool tags, e.g. goexperiment.*), comma-separated.
//	gotypes [-v] [-pkgs p1,p2] GOROOT
//		type-checks every package of GOROOT/src (not cmd, vendor,
//		testdata), or only the named ones, from source, with the "source"
//		importer; prints "PATH<TAB>first error" for each package with
//		errors (-v: "PATH<TAB>ok" for the others), sorted.
//	gotypes -bench N -pkgs p1,p2 GOROOT
//		type-checks the named packages and everything they import, from
//		source, N times with a fresh importer each time, and prints each
//		run's wall time in seconds, one per line.
//
// Run it with CGO_ENABLED=0 GOOS=linux GOARCH=amd64 so that the importer's
// build context (build.Default) agrees with the packages' own.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	tags := flag.Bool("tags", false, "print the tool tags and exit")
	verbose := flag.Bool("v", false, "list clean packages too")
	pkgs := flag.String("pkgs", "", "comma-separated packages to check (default: all)")
	bench := flag.Int("bench", 0, "time N checks of -pkgs and their imports")
	flag.Parse()
	ctxt := build.Default
	if *tags {
		fmt.Println(strings.Join(ctxt.ToolTags, ","))
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gotypes [-tags] [-v] [-bench N] [-pkgs p1,p2] GOROOT")
		os.Exit(2)
	}
	src := filepath.Join(flag.Arg(0), "src")
	var paths []string
	if *pkgs != "" {
		paths = strings.Split(*pkgs, ",")
	} else {
		paths = packageDirs(src)
	}
	if *bench > 0 {
		for i := 0; i < *bench; i++ {
			start := time.Now()
			fset := token.NewFileSet()
			imp := importer.ForCompiler(fset, "source", nil)
			for _, p := range paths {
				if _, err := imp.Import(p); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
			}
			fmt.Printf("%.4f\n", time.Since(start).Seconds())
		}
		return
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil).(types.ImporterFrom)
	bad := 0
	for _, path := range paths {
		msg, ok := checkOne(&ctxt, fset, imp, src, path)
		if !ok {
			continue // no buildable Go files
		}
		if msg != "" {
			bad++
			fmt.Printf("%s\t%s\n", path, msg)
		} else if *verbose {
			fmt.Printf("%s\tok\n", path)
		}
	}
	fmt.Fprintf(os.Stderr, "gotypes: %d packages with errors\n", bad)
}

// checkOne type-checks package path (its directory under src) and returns
// its first error ("" if none); ok is false if it has no buildable files.
func checkOne(ctxt *build.Context, fset *token.FileSet, imp types.ImporterFrom, src, path string) (msg string, ok bool) {
	dir := filepath.Join(src, path)
	bp, err := ctxt.ImportDir(dir, 0)
	if err != nil {
		if _, noGo := err.(*build.NoGoError); noGo {
			return "", false
		}
		return "(load) " + err.Error(), true
	}
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return "(parse) " + err.Error(), true
		}
		files = append(files, f)
	}
	var first string
	conf := types.Config{
		Importer: imp,
		Sizes:    types.SizesFor("gc", "amd64"),
		Error: func(err error) {
			if first == "" {
				first = relative(src, err.Error())
			}
		},
	}
	conf.Check(path, fset, files, nil)
	return first, true
}

// relative turns "SRC/path/x.go:1:2: msg" into "path/x.go:1:2: msg".
func relative(src, msg string) string {
	return strings.TrimPrefix(msg, src+string(filepath.Separator))
}

// packageDirs lists the import paths of the directories under src that
// hold .go files, skipping cmd, vendor, testdata and _x/.x directories.
func packageDirs(src string) []string {
	var out []string
	filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		name := d.Name()
		rel, _ := filepath.Rel(src, p)
		if p != src && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || rel == "cmd" || rel == "vendor") {
			return filepath.SkipDir
		}
		matches, _ := filepath.Glob(filepath.Join(p, "*.go"))
		for _, m := range matches {
			if !strings.HasSuffix(m, "_test.go") {
				out = append(out, filepath.ToSlash(rel))
				break
			}
		}
		return nil
	})
	sort.Strings(out)
	return out
}
