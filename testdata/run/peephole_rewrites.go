// The bytecode peephole's rewrites keep Go's meaning: repeated
// expressions (computed once when nothing they read changed in between),
// copies read through their source, an integer operation fused with the
// add that consumes it, and an increment fused with the compare-and-branch
// after it. Each case has a twist that must stop the rewrite.
package main

import "fmt"

//go:noinline
func pair(a, b int) (int, int) {
	x := a + b
	y := a + b // same value: may reuse x
	return x, y
}

//go:noinline
func operandChanges(a, b int) (int, int) {
	x := a * b
	a = 7
	y := a * b // a changed in between
	return x, y
}

//go:noinline
func selfOverwrite(a, b int) (int, int) {
	a = a - b
	y := a - b // the first subtraction overwrote its own operand
	return a, y
}

//go:noinline
func resultChanges(a, b int) (int, int) {
	x := a ^ b
	x++
	y := a ^ b // x no longer holds a^b
	return x, y
}

//go:noinline
func branchBetween(a, b int, c bool) int {
	x := a & b
	if c {
		a = 12
	}
	y := a & b // reached from two paths
	return x*100 + y
}

//go:noinline
func floats(i, j int) float64 {
	return 1 / float64((i+j)*(i+j+1)/2+i+1)
}

//go:noinline
func copyThenWrite(s int) (int, int) {
	t := s
	s = 40 // the copy must keep the old s
	return t, s
}

//go:noinline
func copyThenIncrement(s int) (int, int) {
	t := s
	s++
	return t * 3, s
}

//go:noinline
func copyRead(s, k int) int {
	t := s
	u := s + k // reading s in between is fine
	return t*1000 + u
}

//go:noinline
func fused(a, b, c int) (int, int, int, int) {
	s1 := c + (a ^ b)
	s2 := (a & b) + c
	s3 := c + (a | b)
	t := a ^ b
	s4 := t + t // the operation's result feeds both operands
	return s1, s2, s3, s4
}

//go:noinline
func accumulate(n int) (int, int, int) {
	x, y, z := 0, 0, 0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			x += i ^ j
			y += i & j
			z += (i | j) * 2
		}
	}
	return x, y, z
}

//go:noinline
func swapLoop(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

//go:noinline
func lenBound(s []int) int {
	t := 0
	for i := 1; i < len(s); i++ {
		t += s[i] - s[i-1]
	}
	return t
}

//go:noinline
func shrinkingBound(s []int) (int, int) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 0 {
			s = s[:i] // the bound changes inside the loop
		}
		n++
	}
	return n, len(s)
}

//go:noinline
func continueToPost(n int) int {
	t := 0
	for i := 0; i <= n; i += 3 {
		if i%2 == 0 {
			continue
		}
		t += i
	}
	return t
}

//go:noinline
func wrapAround() int {
	c := 0
	for i := int64(9223372036854775800); i < 9223372036854775807 && i > 0; i += 2 {
		c++
	}
	return c
}

func main() {
	fmt.Println(pair(3, 4))
	fmt.Println(operandChanges(3, 4))
	fmt.Println(selfOverwrite(10, 3))
	fmt.Println(resultChanges(6, 3))
	fmt.Println(branchBetween(6, 3, true), branchBetween(6, 3, false))
	fmt.Println(floats(3, 5), floats(0, 0))
	fmt.Println(copyThenWrite(5))
	fmt.Println(copyThenIncrement(5))
	fmt.Println(copyRead(5, 9))
	fmt.Println(fused(12, 10, 100))
	fmt.Println(accumulate(50))
	s := []int{1, 2, 3, 4, 5, 6, 7}
	swapLoop(s)
	fmt.Println(s)
	fmt.Println(lenBound([]int{3, 9, 4, 20, 1}))
	fmt.Println(shrinkingBound([]int{5, 6, -1, 8, 9}))
	fmt.Println(continueToPost(40))
	fmt.Println(wrapAround())
}
