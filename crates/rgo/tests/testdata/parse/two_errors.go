package p

func f() {
	for i := range 10 {
		_ = i
	}
	return
}}

func g() {
	var y = 1 +
}
