// Closures: by-reference capture of reassigned variables, by-value
// capture of never-reassigned ones, Go 1.22 per-iteration loop
// variables, nested closures, method values and method expressions.
package main

type Acc struct{ n int }

func (a *Acc) Add(k int) int { a.n += k; return a.n }
func (a Acc) Get() int       { return a.n }

type Getter interface{ Get() int }

func makeAdders() []func(int) int {
	var fs []func(int) int
	for _, k := range []int{1, 10, 100} {
		fs = append(fs, func(x int) int { return x + k })
	}
	return fs
}

func main() {
	x := 1
	get := func() int { return x }
	x = 5
	println(get())
	for _, f := range makeAdders() {
		print(f(1), " ")
	}
	println()
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	outer := func(a int) func(int) func() int {
		return func(b int) func() int {
			return func() int { return a*100 + b*10 + x }
		}
	}
	println(outer(1)(2)())
	acc := &Acc{}
	add := acc.Add
	add(3)
	add(4)
	println(acc.n)
	var g Getter = Acc{7}
	gm := g.Get
	println(gm(), Acc.Get(Acc{8}), (*Acc).Add(acc, 1), Getter.Get(g))
	counter := 0
	incr := func() { counter++ }
	for i := 0; i < 10; i++ {
		incr()
	}
	println(counter)
	defer func(s string) { println("deferred with arg", s) }("v")
	func() {
		defer println("inner defer", x)
		x = 99
	}()
}
