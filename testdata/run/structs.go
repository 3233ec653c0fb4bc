// Structs, arrays, pointers, new, struct comparison and copying.
package main

type Point struct {
	X, Y int
}

type Small struct {
	a int8
	b int16
	c bool
	d int32
}

type Node struct {
	val  int
	next *Node
}

func (p Point) Sum() int { return p.X + p.Y }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	println(p.X, p.Y, q.X, q.Y, p == q, p == Point{1, 2})
	pp := &p
	pp.Y = 20
	println(p.Y, pp.Sum())
	p.Scale(3)
	println(p.X, p.Y)
	s := Small{a: -1, b: -300, c: true, d: 70000}
	s.a--
	println(s.a, s.b, s.c, s.d)
	var list *Node
	for i := 0; i < 4; i++ {
		list = &Node{i, list}
	}
	for n := list; n != nil; n = n.next {
		print(n.val, " ")
	}
	println()
	arr := [3]Point{{1, 1}, {2, 2}}
	arr[2].X = 7
	b := arr
	b[0].X = 99
	println(arr[0].X, b[0].X, arr[2].X, len(arr))
	ip := new(int)
	*ip = 42
	println(*ip)
	grid := [2][3]int{}
	grid[1][2] = 5
	println(grid[1][2], grid[0][0])
}
