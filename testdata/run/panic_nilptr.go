package main

type T struct{ a, b int }

func main() {
	var p *T
	println(p.b)
}
