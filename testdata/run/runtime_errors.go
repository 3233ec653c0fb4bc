// Runtime errors recovered and inspected through the error interface.
package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			println(name+":", err.Error())
		} else {
			println(name+": not an error")
		}
	}()
	f()
}

type T struct{ x int }

func main() {
	var m map[string]int
	var p *T
	var s []int
	var i interface{} = "s"
	z := 0
	try("index", func() { _ = s[5] })
	try("nil map", func() { m["a"] = 1 })
	try("nil ptr", func() { _ = p.x })
	try("div", func() { _ = 1 / z })
	try("slice", func() { _ = s[1:z] })
	try("slice3", func() { _ = s[:0:3] })
	try("assert", func() { _ = i.(int) })
	try("shift", func() { _ = 1 << (z - 1) })
	try("conv", func() { _ = [2]int(s) })
	try("custom", func() { panic("x") })
	println("ok")
}
