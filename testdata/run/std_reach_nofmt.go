// A program that imports no fmt and never spells `Error` or `String`:
// the std types it uses must still implement the universe's `error`
// (std packages are pruned to what a program reaches).
package main

import (
	"errors"
	"strconv"
)

func main() {
	_, err := strconv.Atoi("x")
	println(err != nil)
	var e error = errors.New("boom")
	println(e != nil, errors.Unwrap(e) == nil)
}
