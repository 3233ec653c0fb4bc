package main

import (
	"fmt"
	"runtime"
)

var t *struct{ c chan int }
var c chan int

func f() {
	select {
	case <-t.c:
	case <-c:
	}
}

func where() {
	defer func() {
		recover()
		for i := 0; ; i++ {
			pc, _, line, ok := runtime.Caller(i)
			if !ok {
				return
			}
			if runtime.FuncForPC(pc).Name() == "main.f" {
				fmt.Println("select case fault at line", line)
				return
			}
		}
	}()
	f()
}

func g() string {
	x := "a"
	return x + "b"
}

// A fault evaluating a select case is on the case's line; a function
// ending in a return has no code on its closing brace.
func main() {
	where()
	pc := runtime.FuncForPC(0)
	_ = pc
	fmt.Println(g())
}
