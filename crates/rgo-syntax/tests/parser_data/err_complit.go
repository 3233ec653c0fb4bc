package p

func f() {
	x := []int{1,
		2
	}
	y := T{a := 1}
	if x == T{} {
	}
	if x == (T{}) {
	}
}
