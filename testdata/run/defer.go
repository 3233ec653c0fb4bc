// defer, panic and recover: LIFO order, arguments evaluated at the defer
// statement, named results changed by deferred closures, recover of
// runtime errors and of custom values, re-panic.
package main

func order() {
	for i := 0; i < 3; i++ {
		defer println("deferred", i)
	}
	println("body")
}

func args() {
	x := 1
	defer show(x)
	x = 2
	defer func() { show(x) }()
	x = 3
}

func show(v int) { println("show", v) }

func named() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = "recovered"
		}
	}()
	return a / b, ""
}

func custom() (s string) {
	defer func() {
		r := recover()
		s = r.(string)
	}()
	panic("boom")
}

func nested() {
	defer func() {
		recover()
		println("outer recovered")
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func notDirect() {
	defer func() {
		helper()
	}()
}

func helper() {
	println("helper recover nil:", recover() == nil)
}

func main() {
	order()
	args()
	println(named())
	println(safeDiv(7, 2))
	println(safeDiv(7, 0))
	println(custom())
	nested()
	notDirect()
	println("done")
}
