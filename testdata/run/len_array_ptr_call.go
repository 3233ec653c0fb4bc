package main

import "fmt"

var calls int

func nilArr() *[40]int {
	calls++
	return nil
}

func recv(c chan *[7]byte) *[7]byte { return <-c }

// len and cap of a pointer to an array: constant unless the operand has
// calls or receives; then the operand is evaluated, never dereferenced.
func main() {
	var p *[5]string
	fmt.Println(len(p), cap(p))
	fmt.Println(len(nilArr()), cap(nilArr()), calls)
	c := make(chan *[7]byte, 1)
	c <- nil
	fmt.Println(len(<-c))
	c <- nil
	fmt.Println(cap(recv(c)))
	const k = len([3]int{})
	fmt.Println(k)
}
