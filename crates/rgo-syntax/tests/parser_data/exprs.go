package exprs

var (
	_ = a + b*c
	_ = f(x, y...)
	_ = m[k]
	_ = s.f
	_ = i.(T)
	_ = T{k: v, 1}
	_ = -x
	_ = *p
	_ = &T{}
	_ = <-ch
	_ = s[1:2]
	_ = s[:2:3]
	_ = (x)
	_ = (*T).M
	_ = (*T)(x)
	_ = []int{1, 2}
	_ = [...]string{"a"}
	_ = map[string]int{"a": 1}
	_ = struct{ x int }{1}
	_ = func(x int) int { return x }
	_ = f[int, string]
	_ = G[int]{}
	_ = [][]int{{1}, {2}}
	_ = &(T{})
	_ = func(int)(nil)
	_ = x.(interface{ M() })
)

var (
	c1 <-chan <-chan int
	c2 chan<- chan int
	c3 chan (<-chan int)
	c4 = (<-chan int)(nil)
	c5 = <-chan int(nil)
)
