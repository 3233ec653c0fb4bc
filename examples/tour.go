// A short tour of Go that rgo runs: structs and methods, interfaces,
// maps, closures, slices, defer and recover, and fmt.
//
//	cargo run --release -- run examples/tour.go
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Shape is satisfied by anything with an area and a name.
type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (c Circle) Area() float64 { return 3.14159 * c.R * c.R }
func (c Circle) Name() string  { return "circle" }

// Inventory embeds a map and counts what it holds.
type Inventory struct {
	items map[string]int
	log   []string
}

func NewInventory() *Inventory {
	return &Inventory{items: make(map[string]int)}
}

func (inv *Inventory) Add(name string, n int) {
	inv.items[name] += n
	inv.log = append(inv.log, fmt.Sprintf("+%d %s", n, name))
}

var ErrEmpty = errors.New("inventory: not enough items")

func (inv *Inventory) Take(name string, n int) error {
	if inv.items[name] < n {
		return fmt.Errorf("take %d %s: %w", n, name, ErrEmpty)
	}
	inv.items[name] -= n
	return nil
}

// counter returns a closure that remembers its count.
func counter(step int) func() int {
	total := 0
	return func() int {
		total += step
		return total
	}
}

// safeDivide turns a runtime panic into an error with defer/recover.
func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, Rect{1, 1}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	for i, s := range shapes {
		fmt.Printf("%d. %-6s area %6.2f  %+v\n", i+1, s.Name(), s.Area(), s)
	}

	inv := NewInventory()
	inv.Add("apple", 5)
	inv.Add("pear", 2)
	if err := inv.Take("pear", 3); err != nil {
		fmt.Println("error:", err, "| is ErrEmpty:", errors.Is(err, ErrEmpty))
	}
	fmt.Println("items:", inv.items, "log:", strings.Join(inv.log, ", "))

	next := counter(10)
	fmt.Println("counter:", next(), next(), next())

	for _, d := range []int{2, 0} {
		q, err := safeDivide(10, d)
		fmt.Printf("10/%d = %d, err = %v\n", d, q, err)
	}

	words := strings.Fields("the quick brown fox jumps over the lazy dog the end")
	freq := map[string]int{}
	for _, w := range words {
		freq[w]++
	}
	fmt.Println("word counts:", freq)
}
