package main

import (
	"fmt"
	"os"
)

var saved func(int) bool

func bad(yield func(int) bool) {
	saved = yield
	if !yield(1) {
		yield(2)
	}
}

func keep(yield func(int) bool) {
	saved = yield
	yield(1)
}

func swallow(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, "->", recover())
	}()
	f()
}

func main() {
	try("after break", func() {
		for x := range bad {
			fmt.Println("got", x)
			break
		}
	})
	try("after exit", func() {
		for x := range keep {
			fmt.Println("got", x)
		}
		saved(5)
	})
	try("swallowed", func() {
		for range swallow {
			panic("body")
		}
	})
	try("body panic", func() {
		for x := range keep {
			panic(fmt.Sprint("body ", x))
		}
	})
	if len(os.Args) > 5 {
		return
	}
	for x := range bad {
		fmt.Println("again", x)
		break
	}
}
