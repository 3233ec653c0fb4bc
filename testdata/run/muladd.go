// Multiply-then-add shapes (which rgo executes as one fused instruction):
// integer wrap-around, float rounding (two roundings, no FMA), aliasing of
// the operands, and values that flow through the temporary afterwards.
package main

import (
	"fmt"
	"math"
)

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = h*1099511628211 + uint64(s[i])
	}
	return h
}

func index(i, n, j int) int { return i*n + j }

func main() {
	a := []float64{0.1, 0.2, 0.3, 1e308, -1e308}
	b := []float64{3, 7, 11, 10, 10}
	fmt.Println(dot(a[:3], b[:3]), dot(a, b))
	// 0.1*3 + 0.7 differs with and without fused rounding.
	x, y, z := 0.1, 3.0, 0.7
	fmt.Println(z+x*y, math.FMA(x, y, z))
	fmt.Println(hash("hello, world"), hash(""))
	var m int64 = math.MaxInt64
	fmt.Println(m*3+m)
	fmt.Println(index(3, 10, 7), index(-2, 1<<62, 5))
	v := 3
	v = v*v + v
	fmt.Println(v)
	nan := math.NaN()
	inf := math.Inf(1)
	fmt.Println(nan*2+1, inf*0+1, inf*2+1, -0.0*1+0.0)
	grid := make([]int, 12)
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			grid[i*4+j] = i*j + j
		}
	}
	fmt.Println(grid)
}
