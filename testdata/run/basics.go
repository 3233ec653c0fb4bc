package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func divmod(a, b int) (int, int) { return a / b, a % b }

func main() {
	println("hello", 1, -2, true, 2.5, "x"+"y")
	println(fib(20))
	q, r := divmod(17, 5)
	println(q, r)
	var i8 int8 = 127
	i8++
	println(i8)
	var u uint8 = 0
	u--
	println(u, 1<<62, -7/2, -7%2, 7>>1, -7>>1)
	s := 0
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue
		}
		s += i
	}
	println(s)
	for i := range 3 {
		print(i, " ")
	}
	println()
	str := "héllo"
	for i, c := range str {
		println(i, c)
	}
	println(len(str), str[1], str[1:3] == "é")
	switch x := 5; {
	case x > 3:
		println("big")
		fallthrough
	case x > 10:
		println("fell")
	default:
		println("default")
	}
}
