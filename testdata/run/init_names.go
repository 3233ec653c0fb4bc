// gc names a package's init functions pkg.init.0, pkg.init.1, ... (and
// function literals in them pkg.init.0.func1); a panic in init prints
// the main goroutine as running, not locked: runtime.main's deferred
// unlock runs before the traceback.
package main

import (
	"fmt"
	"runtime"
)

func init() {
	pc, _, _, _ := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name())
}

func init() {
	f := func() string {
		pc, _, _, _ := runtime.Caller(0)
		return runtime.FuncForPC(pc).Name()
	}
	fmt.Println(f())
	var m map[string]int
	m["x"] = 1
}

func main() {}
