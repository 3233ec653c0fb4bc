// Line directives change what runtime.Caller and tracebacks report: a
// relative file name is taken relative to the source's directory, an
// empty one is unknown (??), and lines count on from the directive.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
)

func where() string {
	_, file, line, _ := runtime.Caller(1)
	if filepath.IsAbs(file) && filepath.Base(file) != file {
		file = "ABS/" + filepath.Base(file)
	}
	return fmt.Sprint(file, ":", line)
}

func main() {
	fmt.Println(where())
//line gen.y:100
	fmt.Println(where())
	fmt.Println(where())
/*line other.y:7:3*/ fmt.Println(where())
	fmt.Println(where()) /*line :50*/
	fmt.Println(where())
//line :60:1
	fmt.Println(where())
	s := "//line fake.go:1"
	fmt.Println(where(), len(s))
//line /abs/tool.go:5
	defer func() {
		fmt.Println("deferred at", where())
	}()
//line gen.y:200
	var m map[string]int
	m["x"] = 1
}
