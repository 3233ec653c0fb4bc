// fmt and strconv with complex numbers, and a panic with a complex
// value.
package main

import (
	"fmt"
	"math"
	"strconv"
)

type Wave complex64

func main() {
	a := complex(-2.5, 1.0/3)
	var b complex64 = complex64(a)
	fmt.Println(a, b, Wave(b))
	fmt.Printf("%v|%g|%G|%e|%E|%f|%F|%b\n", a, a, a, a, a, a, a, a)
	fmt.Printf("%.2f|%8.3f|%-12.1e|%+v|% v|%x|%X\n", a, a, a, a, a, b, b)
	fmt.Printf("%d|%s|%q|%t\n", a, a, b, b)
	fmt.Printf("%v %v %v\n", complex(math.Inf(1), math.NaN()), complex(0, math.Inf(-1)), complex(math.Copysign(0, -1), 0))
	fmt.Printf("%T %T %#v %#v\n", a, Wave(b), a, []complex64{1, 2i})
	fmt.Println(map[complex64]int{2i: 2, 1: 1, -1 + 1i: 3, -1: 0})
	fmt.Println(fmt.Sprint(1i, 2i, "x", 3i), fmt.Sprintf("%06.2f", 1.5+2i))
	fmt.Println(strconv.FormatComplex(a, 'f', 3, 128), strconv.FormatComplex(complex128(b), 'g', -1, 64))
	for _, s := range []string{"(1+2i)", "3i", "-4", "1e3-2.5i", "bad"} {
		c, err := strconv.ParseComplex(s, 128)
		fmt.Println(c, err)
	}
	var w interface{} = Wave(3 - 4i)
	switch v := w.(type) {
	case complex64:
		fmt.Println("complex64", v)
	case Wave:
		fmt.Println("Wave", v, real(v), imag(v))
	}
	panic(Wave(1 + 0.5i))
}
