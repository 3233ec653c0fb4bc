// Command stdcheck verifies rgo's std Go sources (crates/rgo-std/go).
//
//	stdcheck check [pkgs...]   type-check our packages with go/types, using
//	                           an importer that only ever loads our sources
//	stdcheck api [pkgs...]     compare each package's exported API with
//	                           real Go's (loaded from GOROOT by go/importer)
//	stdcheck natives           list bodiless functions (Rust natives) per package
//	stdcheck sizes [pkgs...]   compare unsafe.Sizeof/Alignof (gc, amd64) of every
//	                           exported type with real Go's
//
// With no package arguments every package under the root is processed.
// The root is $RGO_STD_ROOT or ../../go relative to this directory.
package main

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

var fset = token.NewFileSet()

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: stdcheck check|api|natives [pkgs...]")
		os.Exit(2)
	}
	root := os.Getenv("RGO_STD_ROOT")
	if root == "" {
		root = "../../go"
	}
	ours := &ourImporter{root: root, pkgs: map[string]*types.Package{}, files: map[string][]*ast.File{}}
	pkgs := os.Args[2:]
	if len(pkgs) == 0 {
		pkgs = listPackages(root)
	}
	switch os.Args[1] {
	case "check":
		os.Exit(runCheck(ours, pkgs))
	case "api":
		os.Exit(runAPI(ours, pkgs))
	case "natives":
		os.Exit(runNatives(ours, pkgs))
	case "sizes":
		os.Exit(runSizes(ours, pkgs))
	}
	fmt.Fprintln(os.Stderr, "unknown mode", os.Args[1])
	os.Exit(2)
}

// listPackages returns every directory under root holding .go files.
func listPackages(root string) []string {
	seen := map[string]bool{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			rel, _ := filepath.Rel(root, filepath.Dir(p))
			seen[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// ourImporter loads packages only from our std root, never from GOROOT.
type ourImporter struct {
	root  string
	pkgs  map[string]*types.Package
	files map[string][]*ast.File
	errs  map[string][]error
}

func (im *ourImporter) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p, ok := im.pkgs[path]; ok {
		if p == nil {
			return nil, fmt.Errorf("import cycle through %s", path)
		}
		return p, nil
	}
	im.pkgs[path] = nil
	dir := filepath.Join(im.root, filepath.FromSlash(path))
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("rgo has no package %q", path)
	}
	var files []*ast.File
	for _, e := range ents {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	var errs []error
	conf := types.Config{Importer: im, Error: func(err error) { errs = append(errs, err) }}
	pkg, _ := conf.Check(path, fset, files, nil)
	if im.errs == nil {
		im.errs = map[string][]error{}
	}
	im.errs[path] = errs
	im.pkgs[path] = pkg
	im.files[path] = files
	if len(errs) > 0 {
		return pkg, fmt.Errorf("%d type errors in %s", len(errs), path)
	}
	return pkg, nil
}

func runCheck(im *ourImporter, pkgs []string) int {
	bad := 0
	for _, p := range pkgs {
		_, err := im.Import(p)
		for _, e := range im.errs[p] {
			fmt.Println(e)
		}
		if err != nil && len(im.errs[p]) == 0 {
			fmt.Println(p+":", err)
		}
		if err != nil {
			bad++
		}
	}
	fmt.Printf("checked %d packages, %d with errors\n", len(pkgs), bad)
	if bad > 0 {
		return 1
	}
	return 0
}

func runNatives(im *ourImporter, pkgs []string) int {
	total := 0
	for _, p := range pkgs {
		if _, err := im.Import(p); err != nil {
			fmt.Println(p+":", err)
			continue
		}
		var names []string
		for _, f := range im.files[p] {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body != nil {
					continue
				}
				names = append(names, nativeName(p, fd))
			}
		}
		sort.Strings(names)
		total += len(names)
		fmt.Printf("%-20s %3d  %s\n", p, len(names), strings.Join(names, " "))
	}
	fmt.Printf("total natives: %d\n", total)
	return 0
}

// nativeName is the qualified name a bodiless function binds to:
// pkg.F or (*pkg.T).M / (pkg.T).M.
func nativeName(pkg string, fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return pkg + "." + fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	star := ""
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = "*", s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	return fmt.Sprintf("(%s%s.%s).%s", star, pkg, t.(*ast.Ident).Name, fd.Name.Name)
}

func runAPI(im *ourImporter, pkgs []string) int {
	real := importer.ForCompiler(fset, "source", nil)
	totalReal, totalHave, totalDiff := 0, 0, 0
	for _, p := range pkgs {
		if strings.HasPrefix(p, "internal/") || strings.Contains(p, "/internal/") {
			continue
		}
		ourPkg, err := im.Import(p)
		if err != nil {
			fmt.Println(p+": cannot load ours:", err)
			totalDiff++
			continue
		}
		realPkg, err := real.Import(p)
		if err != nil {
			fmt.Println(p+": cannot load Go's:", err)
			continue
		}
		want := apiOf(realPkg)
		have := apiOf(ourPkg)
		var missing, diff, extra []string
		for k, v := range want {
			h, ok := have[k]
			switch {
			case !ok:
				missing = append(missing, k)
			case h != v:
				diff = append(diff, fmt.Sprintf("%s\n        ours: %s\n        go:   %s", k, h, v))
			}
		}
		for k := range have {
			if _, ok := want[k]; !ok {
				extra = append(extra, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(diff)
		sort.Strings(extra)
		n := len(want)
		got := n - len(missing)
		totalReal += n
		totalHave += got - len(diff)
		totalDiff += len(diff) + len(extra)
		fmt.Printf("%-18s %4d/%-4d (%5.1f%%)  differ %d  extra %d\n", p, got-len(diff), n, 100*float64(got-len(diff))/float64(max(n, 1)), len(diff), len(extra))
		for _, d := range diff {
			fmt.Println("    DIFF", d)
		}
		for _, e := range extra {
			fmt.Println("    EXTRA", e)
		}
		if os.Getenv("SHOW_MISSING") != "" {
			for _, m := range missing {
				fmt.Println("    missing", m)
			}
		}
	}
	fmt.Printf("TOTAL %d/%d exported API entries match (%.1f%%); %d differ or extra\n", totalHave, totalReal, 100*float64(totalHave)/float64(max(totalReal, 1)), totalDiff)
	if totalDiff > 0 {
		return 1
	}
	return 0
}

// apiOf maps each exported entry of pkg (const, var, func, type, method,
// struct field, interface method) to a package-relative description.
func apiOf(pkg *types.Package) map[string]string {
	qual := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Path()
	}
	ts := func(t types.Type) string { return types.TypeString(t, qual) }
	out := map[string]string{}
	sc := pkg.Scope()
	for _, name := range sc.Names() {
		obj := sc.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch o := obj.(type) {
		case *types.Const:
			out["const "+name] = ts(o.Type()) + " = " + o.Val().ExactString()
		case *types.Var:
			out["var "+name] = ts(o.Type())
		case *types.Func:
			out["func "+name] = ts(o.Type())
		case *types.TypeName:
			describeType(out, name, o, ts)
		}
	}
	return out
}

func describeType(out map[string]string, name string, o *types.TypeName, ts func(types.Type) string) {
	if o.IsAlias() {
		out["type "+name] = "= " + ts(types.Unalias(o.Type()))
		return
	}
	named, ok := o.Type().(*types.Named)
	if !ok {
		out["type "+name] = ts(o.Type())
		return
	}
	tparams := ""
	if tp := named.TypeParams(); tp != nil && tp.Len() > 0 {
		var parts []string
		for i := 0; i < tp.Len(); i++ {
			parts = append(parts, tp.At(i).Obj().Name()+" "+ts(tp.At(i).Constraint()))
		}
		tparams = "[" + strings.Join(parts, ", ") + "]"
	}
	switch u := named.Underlying().(type) {
	case *types.Struct:
		out["type "+name] = tparams + "struct"
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Exported() {
				out["field "+name+"."+f.Name()] = ts(f.Type())
			}
		}
	case *types.Interface:
		out["type "+name] = tparams + "interface"
		for i := 0; i < u.NumMethods(); i++ {
			m := u.Method(i)
			if m.Exported() {
				out["imethod "+name+"."+m.Name()] = ts(m.Type())
			}
		}
		for i := 0; i < u.NumEmbeddeds(); i++ {
			out["embeds "+name+"."+ts(u.EmbeddedType(i))] = ""
		}
	default:
		out["type "+name] = tparams + ts(u)
	}
	for i := 0; i < named.NumMethods(); i++ {
		m := named.Method(i)
		if !m.Exported() {
			continue
		}
		sig := m.Type().(*types.Signature)
		recv := ""
		if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
			recv = "*"
		}
		out["method ("+recv+name+")."+m.Name()] = ts(sig)
	}
}

// runSizes compares the size and alignment of every exported non-generic
// type with real Go's, since programs can observe them (unsafe.Sizeof).
func runSizes(im *ourImporter, pkgs []string) int {
	real := importer.ForCompiler(fset, "source", nil)
	sizes := types.SizesFor("gc", "amd64")
	checked, bad := 0, 0
	for _, p := range pkgs {
		if strings.HasPrefix(p, "internal/") {
			continue
		}
		ourPkg, err := im.Import(p)
		if err != nil {
			continue
		}
		realPkg, err := real.Import(p)
		if err != nil {
			continue
		}
		for _, name := range realPkg.Scope().Names() {
			rt, ok := realPkg.Scope().Lookup(name).(*types.TypeName)
			if !ok || !rt.Exported() {
				continue
			}
			ot, ok := ourPkg.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			if n, ok := rt.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				continue
			}
			if _, ok := rt.Type().Underlying().(*types.Interface); ok {
				continue
			}
			checked++
			rs, ra := sizes.Sizeof(rt.Type()), sizes.Alignof(rt.Type())
			os_, oa := sizes.Sizeof(ot.Type()), sizes.Alignof(ot.Type())
			if rs != os_ || ra != oa {
				bad++
				fmt.Printf("%s.%s: size %d align %d, Go: size %d align %d\n", p, name, os_, oa, rs, ra)
			}
		}
	}
	fmt.Printf("sizes: %d types compared, %d differ\n", checked, bad)
	return 0
}
