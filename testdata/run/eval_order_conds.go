// Conditions of if, for and switch follow gc's evaluation order.
package main

import "fmt"

var g = 1

func f() int { g += 10; return 1 }

func check(i int) bool { g++; return i < 3 }

func main() {
	if g+f() > 5 {
		fmt.Println("if", g)
	}
	n := 0
	for i := 0; check(i) && g > 0; i++ {
		n += i
	}
	fmt.Println("for", n, g)
	for k := 0; k+f() < 3; k++ {
		fmt.Println("k", k, g)
	}
	switch g + f() {
	case 37:
		fmt.Println("switch 37")
	default:
		fmt.Println("switch", g)
	}
}
