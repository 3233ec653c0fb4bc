package main

import "fmt"

type A struct{}

func (A) String() string { panic("str boom") }

type B struct{ p *int }

func (b B) String() string { return fmt.Sprint(*b.p) }

type C struct{}

func (*C) Error() string { panic(fmt.Sprintf("inner %d", 3)) }

func main() {
	fmt.Println(A{})
	fmt.Printf("%s|%d\n", B{}, B{})
	var c *C
	fmt.Println(c)
	fmt.Println(&C{})
}
