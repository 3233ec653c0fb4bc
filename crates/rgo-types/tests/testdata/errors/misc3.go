package main

func two() ([]int, float64) { return nil, 0 }

func three() (int, int, int) { return 1, 2, 3 }

func sum(args ...int) int { return 0 }

func init() // ERROR "func init must have a body"

type Inst interface{ Next() *Inst }

type Start struct{}

func (Start) Next() *Inst { return nil }

func main() {
	_ = append(two()) // ERROR "cannot use 2nd function result \\(value of type float64\\) as int value in argument to append"
	_ = sum(three()...) // ERROR "cannot use \\.\\.\\. with 3-valued three\\(\\)"
	var done chan struct{} // ERROR "declared and not used: done"
	select {
	case (chan struct{})(done): // ERROR "select case must be send or receive \\(possibly with assignment\\)"
	}
	var y *Inst = new(Start) // ERROR "cannot use new\\(Start\\) \\(value of type \\*Start\\) as \\*Inst value in variable declaration: \\*Start does not implement \\*Inst \\(type \\*Inst is pointer to interface, not interface\\)"
	_ = y
}
