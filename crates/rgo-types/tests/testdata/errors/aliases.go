package main

import "os"

type MyInt = int
type S = []string
type P = *MyInt
type F = os.FileInfo
type A[T any] = []T
type M[K comparable, V any] = map[K]V

func f(x MyInt) S { return nil }

func main() {
	var a MyInt = "x" // ERROR "cannot use \"x\" \\(untyped string constant\\) as MyInt value in variable declaration"
	var b S = 1 // ERROR "cannot use 1 \\(untyped int constant\\) as S value in variable declaration"
	var c P = 2 // ERROR "cannot use 2 \\(untyped int constant\\) as P value in variable declaration"
	var e F = 3 // ERROR "cannot use 3 \\(constant of type int\\) as F value in variable declaration: int does not implement fs\\.FileInfo \\(missing method IsDir\\)"
	var g A[string] = 4 // ERROR "cannot use 4 \\(untyped int constant\\) as A\\[string\\] value in variable declaration"
	var m M[string, int] = map[string]int{}
	var n M[int, A[bool]] = 5 // ERROR "cannot use 5 \\(untyped int constant\\) as M\\[int, A\\[bool\\]\\] value in variable declaration"
	f("a") // ERROR "cannot use \"a\" \\(untyped string constant\\) as MyInt value in argument to f"
	var i interface{} = a
	_ = i.(MyInt) + "s" // ERROR "invalid operation: i\\.\\(MyInt\\) \\+ \"s\" \\(mismatched types MyInt and untyped string\\)"
	_, _, _, _, _, _ = b, c, e, g, m, n
}
