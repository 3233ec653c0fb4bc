// Re-panicking a recovered nil dereference keeps the [signal SIGSEGV] line.
package main

func main() {
	defer func() {
		r := recover()
		panic(r)
	}()
	var p *int
	*p = 1
}
