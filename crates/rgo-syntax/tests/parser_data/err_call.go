package p

func f() {
	g(1,
		2
	)
	h(a b)
}
