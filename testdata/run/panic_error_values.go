// A fatal panic prints an error value by its Error method and a
// Stringer by its String method (Go's preprintpanics), along the whole
// chain of panics.
package main

import (
	"errors"
	"fmt"
)

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprintf("code %d", e.code) }

type str struct{ s string }

func (s *str) String() string { return "str:" + s.s }

type plain struct{ a int }

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		defer func() {
			panic(&str{"last"})
		}()
		panic(fmt.Errorf("wrapped: %w", errors.New("inner")))
	}()
	panic(myErr{7})
}
