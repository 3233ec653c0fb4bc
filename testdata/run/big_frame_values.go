package main

import "fmt"

type Foo struct {
	A [1 << 20]byte
	B string
}

var global = [1 << 22]byte{7, 8, 3: 9}

type Pair struct {
	X [70000]int32
	N int
}

func fill(p *Pair, n int) {
	*p = Pair{N: n}
	p.X[n] = int32(n)
}

// Values far bigger than a frame's slots: assigned, declared and
// initialized memory to memory.
func main() {
	f := new(Foo)
	*f = Foo{B: "hello"}
	fmt.Println(f.B, len(f.A), f.A[12345])
	fmt.Println(global[0], global[1], global[2], global[3], len(global))
	var p Pair
	fill(&p, 3)
	fmt.Println(p.X[3], p.N)
	q := Pair{N: 11}
	q.X[69999] = 5
	r := q
	r.N++
	fmt.Println(q.N, r.N, r.X[69999])
	var s = Foo{B: "local"}
	s.A[0] = 1
	t := &s
	u := *t
	u.A[0] = 2
	fmt.Println(s.A[0], u.A[0], u.B)
}
