package main

import (
	"fmt"
	"slices"
)

func f() (r int) {
	defer fmt.Println("f: first defer")
	for x := range slices.Values([]int{1, 2, 3}) {
		defer fmt.Println("f: body defer", x)
		defer func() { r += x }()
	}
	defer fmt.Println("f: after loop")
	fmt.Println("f: returning")
	return 100
}

func g() (err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("recovered: %v", e)
		}
	}()
	for x := range slices.Values([]int{1, 2}) {
		if x == 2 {
			panic("boom")
		}
	}
	return nil
}

func h() (s string) {
	for x := range slices.Values([]string{"a", "b"}) {
		defer func() {
			if e := recover(); e != nil {
				s = fmt.Sprint("body defer recovered ", e, " at ", x)
			}
		}()
	}
	panic("late")
}

func main() {
	fmt.Println(f())
	fmt.Println(g())
	fmt.Println(h())
}
