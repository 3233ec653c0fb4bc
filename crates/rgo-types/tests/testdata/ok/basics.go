package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct {
	W, H float64
}

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Circle struct{ R float64 }

func (c *Circle) Area() float64      { return 3.14159 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * 3.14159 * c.R }

type Named struct {
	Rect
	name string
}

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

func (d Weekday) String() string {
	switch d {
	case Sunday:
		return "Sunday"
	case Monday:
		return "Monday"
	}
	return fmt.Sprintf("Weekday(%d)", int(d))
}

var counter = initCounter()

func initCounter() int { return len(os.Args) }

func divide(a, b int) (q int, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return
	}
	q = a / b
	return
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func sum(nums ...int) (total int) {
	for _, n := range nums {
		total += n
	}
	return total
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	for i, s := range shapes {
		fmt.Println(i, s.Area(), s.Perimeter())
	}
	n := Named{Rect{1, 2}, "x"}
	fmt.Println(n.Area(), n.W, n.name)
	m := map[string][]int{"a": {1, 2}, "b": nil}
	if v, ok := m["a"]; ok {
		fmt.Println(len(v), cap(v))
	}
	delete(m, "b")
	q, err := divide(7, 2)
	fmt.Println(q, err, KB, MB, GB, Monday)
	doubled := apply([]int{1, 2, 3}, func(x int) int { return x * 2 })
	fmt.Println(doubled, sum(doubled...), sum(1, 2, 3))
	var sb strings.Builder
	sb.WriteString("hi")
	fmt.Println(sb.String(), strings.ToUpper("x"))
	ch := make(chan int, 3)
	done := make(chan struct{})
	go func() {
		for v := range ch {
			_ = v
		}
		close(done)
	}()
	ch <- 1
	close(ch)
	<-done
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	default:
	}
	var i interface{} = 3
	switch x := i.(type) {
	case int:
		fmt.Println(x + 1)
	case string, error:
		fmt.Println(x)
	}
	arr := [...]string{2: "c", 0: "a"}
	fmt.Println(len(arr), arr[1:], counter)
	for i := range 3 {
		_ = i
	}
	b := []byte("abc")
	s := string(b) + string(rune(65))
	fmt.Println(s, b[0]<<1, 1.5+2, 'a'+1)
	p := &n.Rect
	p.W++
	x, y := 1, 2
	x, y = y, x
	fmt.Println(x, y, min(x, y, 0), max(2.5, 1))
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(r)
		}
	}()
	var f float32 = 1 << 3
	fmt.Println(f, complex(1, 2), real(complex64(1i)))
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
}
