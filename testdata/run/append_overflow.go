package main

import (
	"fmt"
	"unsafe"
)

type E struct{}

const maxInt = int(^uint(0) >> 1)

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, recover())
	}()
	f()
}

// An append whose length sum overflows int panics (growslice), for
// zero-size elements too.
func main() {
	a := make([]E, maxInt)
	b := make([]E, maxInt)
	try("dots", func() { _ = append(a, b...) })
	try("one", func() { a = append(a, E{}) })
	c := make([]struct{}, 3, 3)
	c = append(c, struct{}{})
	fmt.Println(len(c))
	try("bytes", func() {
		s := make([]byte, 10)
		var huge []byte
		h := (*[3]int)(unsafe.Pointer(&huge))
		h[1], h[2] = maxInt-5, maxInt-5
		_ = append(s, huge...)
	})
}
