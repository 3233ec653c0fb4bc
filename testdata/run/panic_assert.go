package main

func main() {
	var x interface{} = "str"
	n := x.(int)
	println(n)
}
