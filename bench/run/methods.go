// Method calls and interface dispatch.
package main

import "fmt"

type Shape interface {
	Area() float64
	Scale(f float64)
}

type Rect struct{ w, h float64 }
type Circle struct{ r float64 }

func (r *Rect) Area() float64     { return r.w * r.h }
func (r *Rect) Scale(f float64)   { r.w *= f; r.h *= f }
func (c *Circle) Area() float64   { return 3 * c.r * c.r }
func (c *Circle) Scale(f float64) { c.r *= f }

type Counter struct{ n int }

func (c *Counter) Inc()          { c.n++ }
func (c Counter) Get() int       { return c.n }

func main() {
	shapes := []Shape{&Rect{1, 2}, &Circle{1}, &Rect{3, 1}, &Circle{2}}
	sum := 0.0
	for i := 0; i < 50_000_000; i++ {
		s := shapes[i&3]
		sum += s.Area()
		if i%1000 == 0 {
			s.Scale(1.0000001)
		}
	}
	var c Counter
	for i := 0; i < 200_000_000; i++ {
		c.Inc()
	}
	fmt.Printf("%.6g %d\n", sum, c.Get())
}
