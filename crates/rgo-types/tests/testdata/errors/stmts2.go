package main

func f() (x int) {
	{
		x := 2
		_ = x
		return // ERROR "result parameter x not in scope at return"
	}
}

func g(c chan int) {
	var r <-chan int
	r <- 1 // ERROR "invalid operation: cannot send to receive-only channel <-chan int r \\(variable of type <-chan int\\)"
	c <- "s" // ERROR "cannot use \"s\" \\(untyped string constant\\) as int value in send"
	var s struct{}
	s++ // ERROR "invalid operation: s\\+\\+ \\(non-numeric type struct\\{\\}\\)"
	for i := 0; i; i++ { // ERROR "non-boolean condition in for statement"
	}
	if 1 { // ERROR "non-boolean condition in if statement"
	}
	var m map[string]struct{ a int }
	m["a"].a = 1 // ERROR "cannot assign to struct field m\\[\"a\"\\]\\.a in map"
	const k = 1
	k++ // ERROR "cannot assign to k \\(neither addressable nor a map index expression\\)"
	select {
	case c: // ERROR "select case must be send or receive \\(possibly with assignment\\)"
	}
}

func h() int {
	for {
		break
	}
} // ERROR "missing return"

func main() {
	func() {
		unused := 1
	}()
	var i interface{ M() }
	i.M = nil
	x, y := 1
	_, _ = x, y
}
