package main

type E struct{ code int }

func main() {
	defer println("not printed: defers with builtins are thunks")
	panic("custom message")
}
