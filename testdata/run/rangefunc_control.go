package main

import (
	"errors"
	"fmt"
	"slices"
)

func gen(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  exit", name)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func find(xs []int, want int) (int, bool) {
	for i, x := range slices.All(xs) {
		if x == want {
			return i, true
		}
	}
	return -1, false
}

func named(xs []string) (idx int, err error) {
	for i, s := range slices.All(xs) {
		idx = i
		if s == "" {
			err = errors.New("empty")
			return
		}
	}
	return -1, nil
}

func nested() (int, int) {
	for i := range gen("outer", 5) {
		for j := range gen("inner", 5) {
			if i*j == 6 {
				return i, j
			}
		}
	}
	return 0, 0
}

func labeled() {
Outer:
	for i := range gen("A", 4) {
		for j := range gen("B", 4) {
			if j == 2 {
				continue Outer
			}
			if i == 2 {
				break Outer
			}
			fmt.Println("ij", i, j)
		}
	}
	fmt.Println("labeled done")
}

func mixed() {
Loop:
	for k := 0; k < 3; k++ {
		for x := range gen("M", 3) {
			switch {
			case x == 1 && k == 0:
				continue Loop
			case k == 2:
				break Loop
			}
			fmt.Println("kx", k, x)
		}
	}
	fmt.Println("mixed done")
}

func triple() string {
	for a := range gen("a", 2) {
		for b := range gen("b", 2) {
			for c := range gen("c", 2) {
				if a+b+c == 2 {
					return fmt.Sprint("found ", a, b, c)
				}
			}
		}
	}
	return "none"
}

func gotoOut() {
	n := 0
again:
	n++
	for x := range gen("G", 3) {
		if x == 1 && n < 3 {
			goto again
		}
	}
	fmt.Println("goto n", n)
}

func switchInBody() {
	for x := range gen("S", 4) {
		switch x {
		case 1:
			continue
		case 3:
			break
		default:
			fmt.Println("sw", x)
		}
	}
}

func main() {
	fmt.Println(find([]int{4, 5, 6}, 5))
	fmt.Println(find([]int{4, 5, 6}, 7))
	fmt.Println(named([]string{"a", "", "c"}))
	fmt.Println(named([]string{"a"}))
	fmt.Println(nested())
	labeled()
	mixed()
	fmt.Println(triple())
	gotoOut()
	switchInBody()
}
