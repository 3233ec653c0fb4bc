// Command prep builds the differential-test module: it copies our std
// packages (crates/rgo-std/go/<path>) to <out>/x/<path>, rewrites imports
// among the copied packages to difftest/x/<path>, deletes bodiless
// functions (natives) and adds the Go shims from shims/<path>, which stand
// in for the Rust natives during testing only.
//
//	go run ./prep <stdroot> <out> pkg...
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: prep stdroot out pkg...")
		os.Exit(2)
	}
	root, out, pkgs := os.Args[1], os.Args[2], os.Args[3:]
	copied := map[string]bool{}
	for _, p := range pkgs {
		copied[p] = true
	}
	for _, p := range pkgs {
		if err := copyPkg(root, out, p, copied); err != nil {
			fmt.Fprintln(os.Stderr, "prep:", err)
			os.Exit(1)
		}
	}
}

func copyPkg(root, out, pkg string, copied map[string]bool) error {
	src := filepath.Join(root, pkg)
	dst := filepath.Join(out, "x", pkg)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if err := copyFile(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()), copied, false); err != nil {
			return err
		}
	}
	shims := filepath.Join("..", "shims", pkg)
	ents, _ = os.ReadDir(shims)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".go") {
			if err := copyFile(filepath.Join(shims, e.Name()), filepath.Join(dst, "zz_shim_"+e.Name()), copied, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyFile copies one Go file; imports of copied packages are redirected,
// except in shims, which always use the real packages.
func copyFile(from, to string, copied map[string]bool, shim bool) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, from, nil, parser.ParseComments)
	if err != nil {
		return err
	}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if copied[p] && !shim {
			imp.Path.Value = strconv.Quote("difftest/x/" + p)
		}
	}
	var decls []ast.Decl
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
			continue
		}
		decls = append(decls, d)
	}
	f.Decls = decls
	dropUnusedImports(f)
	f.Comments = nil
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return err
	}
	return os.WriteFile(to, buf.Bytes(), 0o644)
}

// dropUnusedImports removes imports that only the deleted natives used.
func dropUnusedImports(f *ast.File) {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		var specs []ast.Spec
		for _, sp := range gd.Specs {
			is := sp.(*ast.ImportSpec)
			p, _ := strconv.Unquote(is.Path.Value)
			name := p[strings.LastIndex(p, "/")+1:]
			if is.Name != nil {
				name = is.Name.Name
			}
			if name == "_" || name == "." || used[name] {
				specs = append(specs, sp)
			}
		}
		gd.Specs = specs
	}
}
