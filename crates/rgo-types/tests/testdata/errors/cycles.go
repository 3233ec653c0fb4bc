package main

import (
	"fmt"
	"os" // ERROR "\"os\" imported and not used"
	str "strings" // ERROR "\"strings\" imported as str and not used"
)

const c1 = c2 // ERROR "initialization cycle for c1"
const c2 = c1

var v1 = v2 // ERROR "initialization cycle for v1"
var v2 = f()

func f() int { return v1 }

var ok1 = ok2 + 1
var ok2 = 2

type R struct{ r *R }

func main() {
	fmt.Println(ok1)
}
