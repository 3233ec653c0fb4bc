package main

import (
	"errors"
	"fmt"
	"os"
)

type P struct {
	X, Y int
	Name string
}

type S struct{ v int }

func (s S) String() string { return fmt.Sprintf("S<%d>", s.v) }

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
	fmt.Println("hello", 42, 3.5, true, nil)
	p := P{1, 2, "pt"}
	fmt.Println(p, &p)
	fmt.Printf("%v %+v %#v\n", p, p, p)
	fmt.Printf("%T %T %T\n", p, &p, []int{1})
	fmt.Printf("[%5d] [%-5d] [%05d] [%x] [%X] [%o] [%b] [%#x]\n", 42, 42, 42, 255, 255, 8, 5, 255)
	fmt.Printf("[%8.3f] [%e] [%g] [%s] [%q] [%10s] [%-10s|]\n", 3.14159, 1234.5678, 0.000001, "hi", "hi\n", "r", "l")
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(m)
	fmt.Println([]P{{1, 2, "a"}, {3, 4, "b"}})
	fmt.Println(S{5}, []S{{1}, {2}})
	var err error = &E{7}
	fmt.Println(err)
	w := fmt.Errorf("wrapped: %w", err)
	fmt.Println(w, errors.Unwrap(w) == err, errors.Is(w, err))
	var target *E
	fmt.Println(errors.As(w, &target), target.code)
	fmt.Printf("%d %!\n", "hi")
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Printf("%*d|\n", 5, 3)
	fmt.Printf("%c %U %q\n", 'x', 0x1F600, 'y')
	var np *P
	fmt.Println(np, []int(nil), map[string]int(nil))
	fmt.Fprintln(os.Stderr, "to stderr")
	s := fmt.Sprintf("%6.2f|%t|%v", 2.0/3, false, []string{"a", "b"})
	fmt.Println(s, len(s))
}
