package main

import _ "unsafe"

//go:linkname nanotime runtime.nanotime
func nanotime() int64

func bodiless(x int) int // ERROR "missing function body"

type T struct{}

func (T) m() // ERROR "missing function body"

func main() {
	_ = nanotime()
	_ = bodiless(1)
	T{}.m()
}
