package main

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	defer func() {
		r := recover()
		err := r.(error)
		println("recovered:", err.Error())
		var s []int
		_ = s[2]
	}()
	var e error
	check(e)
	var arr []int
	idx := 4
	println(arr[idx])
}
