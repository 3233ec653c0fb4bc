package p

// A function's locals and the callee argument area count too (gc lays
// them out after escape analysis): results of calls gc cannot inline used
// as operands are copied to temporaries, and a slice literal that does not
// escape keeps its backing array, of any size, on the stack.

type Big = [300e6]byte

type I interface {
	M(Big, Big)
	One(Big)
	H() Big
}

type S struct{ a, b Big }

// Two temporaries (572 MB) and a callee area of 572 MB.
func f1(i I) { // ERROR "stack frame too large \\(>1GB\\): 572 MB locals \\+ 0 MB args \\+ 572 MB callee"
	i.M(i.H(), i.H())
}

func f2(g func(Big, Big), h func() Big) { // ERROR "stack frame too large \\(>1GB\\): 572 MB locals \\+ 0 MB args \\+ 572 MB callee"
	g(h(), h())
}

// Statements reuse their temporaries.
func f3(i I) { // ERROR "stack frame too large \\(>1GB\\): 572 MB locals \\+ 0 MB args \\+ 572 MB callee"
	i.M(i.H(), i.H())
	i.M(i.H(), i.H())
}

// Four temporaries take 1144 MB: no callee area is reported then.
func f4(i I, m4 func(Big, Big, Big, Big)) { // ERROR "stack frame too large \\(>1GB\\): 1144 MB locals \\+ 0 MB args"
	m4(i.H(), i.H(), i.H(), i.H())
}

// A literal argument holding calls is built in a temporary.
func f5(i I, g func(S)) { // ERROR "stack frame too large \\(>1GB\\): 1144 MB locals \\+ 0 MB args"
	g(S{i.H(), i.H()})
}

// Within the limit: one temporary, named variables (on the heap), results
// assigned to names or dropped, constant literals.
func ok1(i I) {
	i.One(i.H())
	i.One(i.H())
	x := i.H()
	y := i.H()
	i.M(x, y)
	_ = i.H()
	i.M(Big{}, Big{1: 2})
	i.M(i.H(), Big{})
}
