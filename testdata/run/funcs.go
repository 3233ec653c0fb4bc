// Functions: multiple results, named results, recursion, variadics,
// closures (capture by reference), func values.
package main

func swap(a, b string) (string, string) { return b, a }

func named(x int) (sq, cube int) {
	sq = x * x
	cube = sq * x
	return
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func apply(f func(int) int, x int) int { return f(x) }

func double(x int) int { return 2 * x }

func main() {
	a, b := swap("x", "y")
	println(a, b)
	println(named(3))
	println(sum(), sum(1, 2, 3), sum([]int{4, 5}...))
	println(ack(2, 3))
	next := counter()
	println(next(), next(), next())
	println(apply(double, 21), apply(func(x int) int { return x + 1 }, 1))
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		println(f())
	}
	x := 1
	inc := func() { x++ }
	inc()
	inc()
	println("x", x)
	var nilf func()
	println(nilf == nil)
}
