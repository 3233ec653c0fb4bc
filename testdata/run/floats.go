// Floating point: float64 and float32 arithmetic, printing, comparisons.
package main

func main() {
	x := 0.1
	y := 0.2
	println(x+y, x*y, x/y, x-y, -x)
	var f float32 = 0.1
	var g float32 = 0.2
	println(f+g, f*g, f/g)
	println(1e21, 1e20, 123456789.0, 0.000001, 1.0/3)
	z := 0.0
	println(1/z, -1/z, z/z == z/z, z < 1, 2 >= x)
	println(float64(int64(1)<<62), float32(16777217))
	var h float64 = 3
	h /= 2
	h++
	println(h)
}
