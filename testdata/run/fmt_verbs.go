package main

import (
	"errors"
	"fmt"
	"os"
)

type Inner struct {
	A int
	B string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	List  []int
	M     map[string]int
	Any   interface{}
	Err   error
	flag  bool
	F     float64
}

type Color int

func (c Color) String() string {
	switch c {
	case 0:
		return "red"
	case 1:
		return "green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Bad struct{}

func (Bad) String() string { panic("boom") }

type NilS struct{ x int }

func (n *NilS) String() string { return fmt.Sprint("nils ", n.x) }

type GoS struct{ v int }

func (g GoS) GoString() string { return fmt.Sprintf("GoS(%d)", g.v) }

func main() {
	in := Inner{7, "seven"}
	o := Outer{Name: "o", In: in, Ptr: &in, List: []int{1, 2}, M: map[string]int{"z": 26, "a": 1}, Any: 3.5, F: 0.1}
	fmt.Printf("%v\n", o.In)
	fmt.Printf("%+v\n", o.In)
	fmt.Printf("%#v\n", o.In)
	fmt.Println(o.List, o.M, o.Any, o.Err, o.flag)
	fmt.Printf("%v %+v\n", []Inner{{1, "a"}, {2, "b"}}, []*int{nil})
	fmt.Printf("%#v %#v %#v\n", []int{1, 2}, map[string]bool{"t": true}, []string(nil))
	fmt.Printf("%v|%d|%s\n", Color(1), Color(1), Color(5))
	fmt.Println(Temp(21.55), []Color{0, 1, 2})
	fmt.Println(Bad{})
	var ns *NilS
	fmt.Println(ns, &NilS{4})
	fmt.Printf("%#v %v\n", GoS{3}, GoS{3})
	// numbers
	fmt.Printf("%d %5d %-5d| %05d %+d % d %x %X %#x %o %#o %O %b %c %q %U %#U\n", -7, 42, 42, -42, 5, 5, 3054, 3054, 3054, 64, 64, 64, 10, 'G', 'é', 0x2318, 0x2318)
	fmt.Printf("%.2f %8.3f %-8.2f| %e %E %g %G %.3g %v %v %v\n", 3.14159, 2.5, 2.5, 123456.789, 0.000123, 1e21, 1e-7, 3.14159, 1.0, float32(0.1), 1e6)
	fmt.Printf("%t %v %5t|\n", true, false, true)
	fmt.Printf("%s %q %x %X % x %10s|%-10s|%.2s\n", "go", "quo\"te", "hi", "hi", "abc", "right", "left", "trunc")
	fmt.Printf("%v %s %x\n", []byte("bytes"), []byte("bytes"), []byte{1, 171})
	fmt.Printf("%p %v\n", nil, nil)
	var ip *int
	var e error
	var m map[int]int
	var sl []string
	var fn func()
	fmt.Println(ip, e, m, sl, fn == nil)
	fmt.Printf("%v %d %s\n", ip, e, sl)
	// bad verbs, missing and extra operands
	fmt.Printf("%d %s %z\n", "str", 5, 1.5)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, "extra", 2.5)
	fmt.Printf("%[2]s %[1]s %s\n", "a", "b")
	fmt.Printf("%*d|%-*d|%.*f\n", 6, 1, 6, 2, 2, 3.14159)
	fmt.Printf("100%%\n")
	// nested pointers and maps
	pm := map[Color][]int{1: {1}, 0: {0, 0}}
	fmt.Println(pm)
	fmt.Printf("%v\n", struct {
		P *Inner
		Q []*Inner
	}{nil, nil})
	mi := map[interface{}]int{"b": 1, 2: 2, "a": 3, 1: 4}
	fmt.Println(len(mi))
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil), fmt.Sprintln("x", 1))
	fmt.Fprintf(os.Stdout, "%s=%d\n", "k", 9)
	err := errors.New("plain")
	fmt.Printf("%v %s %q\n", err, err, err)
	fmt.Fprint(os.Stderr, "stderr ", 1, "\n")
}
