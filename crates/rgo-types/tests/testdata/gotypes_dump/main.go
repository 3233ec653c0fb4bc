// Command dump prints, for each expression of a Go file that go/types
// records, `line:col expr type [= const]` sorted by position (rgo's
// `types` debug format), using the real go/types.
package main

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sort"
)

func main() {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, os.Args[1], nil, 0)
	if err != nil {
		panic(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("main", fset, []*ast.File{f}, info)
	if err != nil {
		panic(err)
	}
	type row struct {
		off  int
		text string
	}
	var rows []row
	ast.Inspect(f, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		tv, ok := info.Types[e]
		if !ok {
			return true
		}
		p := fset.Position(e.Pos())
		typ := types.TypeString(tv.Type, types.RelativeTo(pkg))
		if tv.IsBuiltin() {
			typ = "built-in"
		}
		s := fmt.Sprintf("%d:%d %s %s", p.Line, p.Column, types.ExprString(e), typ)
		if tv.Value != nil {
			s += " = " + tv.Value.String()
		}
		rows = append(rows, row{p.Offset, s})
		return true
	})
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].off < rows[j].off })
	for _, r := range rows {
		fmt.Println(r.text)
	}
}
