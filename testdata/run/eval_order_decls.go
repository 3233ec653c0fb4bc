// Local var declarations follow gc's evaluation order too.
package main

import "fmt"

var g = 1

func f() int { g += 10; return 1 }

func main() {
	var a = g + f()
	var b, c = g, f()
	const k = 3
	var d int = k + f()
	fmt.Println(a, b, c, d, g)
}

func init() {
	var (
		x = g + 1
		y = x + f()
	)
	fmt.Println("grouped", x, y)
}
