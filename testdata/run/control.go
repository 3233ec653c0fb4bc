// Control flow: labels, goto, break/continue with labels, switch forms.
package main

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "big"
}

func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			println(i, j)
		}
	}
	i := 0
loop:
	if i < 3 {
		println("goto", i)
		i++
		goto loop
	}
	for _, n := range []int{-1, 0, 5, 50} {
		println(classify(n))
	}
	switch i {
	case 1, 2:
		println("one or two")
	case 3:
		println("three")
		fallthrough
	case 4:
		println("four (fallthrough)")
	default:
		println("other")
	}
	k := 0
	for {
		k++
		if k > 5 {
			break
		}
	}
	println("k", k)
	for k > 0 {
		k -= 2
	}
	println("k", k)
	var arr [5]int
	for i := range arr {
		arr[i] = i * i
	}
	for i, v := range arr {
		println(i, v)
	}
}
