// Command genreflect prints bodiless Go declarations (rgo natives) for the
// exported methods of named types of a real Go package, with the exact
// signatures go/types reports; used once to draft go/reflect/value.go and
// type.go, which were then edited by hand.
//
//	go run . reflect Value '*ValueError'
package main

import (
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"strings"
)

func main() {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	qual := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
	for _, tn := range os.Args[2:] {
		ptr := strings.HasPrefix(tn, "*")
		name := strings.TrimPrefix(tn, "*")
		obj := pkg.Scope().Lookup(name).(*types.TypeName)
		named := obj.Type().(*types.Named)
		if iface, ok := named.Underlying().(*types.Interface); ok {
			for i := 0; i < iface.NumMethods(); i++ {
				m := iface.Method(i)
				if m.Exported() {
					sig := types.TypeString(m.Type(), qual)
					fmt.Printf("\t%s%s\n", m.Name(), strings.TrimPrefix(sig, "func"))
				}
			}
			continue
		}
		for i := 0; i < named.NumMethods(); i++ {
			m := named.Method(i)
			if !m.Exported() {
				continue
			}
			sig := m.Type().(*types.Signature)
			_, isPtr := sig.Recv().Type().(*types.Pointer)
			if isPtr != ptr {
				continue
			}
			recv := "v " + name
			if ptr {
				recv = "v *" + name
			}
			fmt.Printf("func (%s) %s%s\n\n", recv, m.Name(), strings.TrimPrefix(types.TypeString(sig, qual), "func"))
		}
	}
}
