package main

type MyInt int

func main() {
	defer func() {
		r := recover()
		println("recovered", r.(int))
		panic(MyInt(7))
	}()
	panic(5)
}
