package main

import "fmt"
import "fmt" // ERROR "fmt redeclared in this block"

// Redeclarations name the other declaration; recursive generic types;
// an alias reached back through a type definition is no cycle.

type Handler interface{ ServeHTTP(*ResponseWriter) }

type ResponseWriter = responseWriter

type responseWriter struct{ rws *state }

type state struct {
	h Handler
	w *ResponseWriter
}

type unstarted struct{ handler func(*ResponseWriter) }

func sched(rw *responseWriter, handler func(*ResponseWriter)) {
	_ = unstarted{handler: handler}
	var s state
	s.w = rw
}

type Self = *Self // ERROR "invalid recursive type: Self refers to itself"

type T[P any] struct{ T[P] } // ERROR "invalid recursive type: T\\[P\\] refers to itself"

type A2[P any] [10]A2[*P] // ERROR "invalid recursive type: A2\\[\\*P\\] refers to itself"

type Box[P any] struct{ f P }

type Loop struct{ Box[Loop] } // ERROR "invalid recursive type Loop"

type List[P any] struct{ next *List[P] }

func g(a, a int) {} // ERROR "a redeclared in this block"

func h[Q, Q any]() {} // ERROR "Q redeclared in this block"

func main() {
	var y int
	var y int // ERROR "y redeclared in this block"
	_ = y
	new = 1 // ERROR "new \\(built-in\\) must be called"
	_ = make() // ERROR "invalid operation: not enough arguments for make\\(\\) \\(expected 1, found 0\\)"
	fmt.Println()
}
