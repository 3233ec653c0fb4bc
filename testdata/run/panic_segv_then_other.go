// A new panic during an unfinished recovery of a nil dereference: the
// chain, then the [signal SIGSEGV] line of the fault.
package main

func main() {
	defer func() {
		recover()
		panic("other")
	}()
	var p *int
	*p = 1
}
