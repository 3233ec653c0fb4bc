// Values too large for a frame: a big local array read by `_ =`, and
// big structs in memory converted to interfaces (copied memory to
// memory, nil-checked).
package main

import "fmt"

type Huge struct {
	id   int
	data [1 << 20]int64
	tail string
}

type Mid struct {
	vals [100]int
	name string
}

type Holder struct {
	n int
	m Mid
}

var global *Huge

func local() int {
	var buf [200000]int
	buf[0] = 3
	buf[199999] = 4
	_ = buf
	return buf[0] + buf[199999]
}

func show(v interface{}) {
	m := v.(Mid)
	fmt.Println(m.name, m.vals[0], m.vals[99])
}

func main() {
	fmt.Println(local())
	h := &Huge{id: 1, tail: "end"}
	h.data[12345] = 99
	var v interface{} = *h
	fmt.Println(v == interface{}(*h))
	h.data[12345] = 100
	fmt.Println(v == interface{}(*h))

	ho := &Holder{n: 1, m: Mid{name: "mid"}}
	ho.m.vals[99] = 7
	var w interface{} = ho.m
	ho.m.vals[99] = 8
	show(w)
	ms := []Mid{{name: "elem"}}
	show(ms[0])
	arr := [2]Mid{{name: "a0"}, {name: "a1"}}
	show(arr[1])

	var nh *Holder
	defer func() {
		fmt.Println("recovered:", recover())
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		show(nh.m)
	}()
	var g interface{} = *global
	fmt.Println(g != nil)
}
