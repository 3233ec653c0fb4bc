package main

import (
	"context"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"

)

type key struct{ a, b int }

type myCtx struct{ context.Context }

type named int

func sortedKeys(m map[string][]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func main() {
	// maps.Clone: same contents, independent, nil stays nil.
	m := map[string][]int{"x": {1, 2}, "y": nil}
	c := maps.Clone(m)
	c["z"] = []int{3}
	delete(c, "x")
	fmt.Println(len(m), len(c), m["x"], c["x"] == nil, sortedKeys(c))
	var nm map[int]bool
	nc := maps.Clone(nm)
	fmt.Println(nc == nil, len(nc))
	empty := maps.Clone(map[int]int{})
	fmt.Println(empty == nil, len(empty))
	empty[1] = 1
	fmt.Println(empty)
	big := map[key]string{}
	for i := 0; i < 1000; i++ {
		big[key{i, -i}] = fmt.Sprint(i)
	}
	bc := maps.Clone(big)
	fmt.Println(len(bc), maps.Equal(big, bc), bc[key{500, -500}])
	fm := map[float64]int{math.NaN(): 1, math.NaN(): 2, 0: 3}
	fc := maps.Clone(fm)
	fmt.Println(len(fc), fc[0])
	type mine map[string]int
	mc := maps.Clone(mine{"a": 1})
	fmt.Printf("%T %v\n", mc, mc)

	// math/bits: the quotient and remainder panics.
	try := func(label string, f func()) {
		defer func() {
			r := recover()
			err, isErr := r.(error)
			fmt.Println(label, r, isErr)
			if isErr {
				fmt.Println("  ", err.Error())
			}
		}()
		f()
	}
	try("Div64 by zero", func() { bits.Div64(0, 1, 0) })
	try("Div64 overflow", func() { bits.Div64(5, 1, 5) })
	try("Div32 by zero", func() { bits.Div32(0, 1, 0) })
	try("Div32 overflow", func() { bits.Div32(7, 0, 3) })
	try("Div by zero", func() { bits.Div(0, 1, 0) })
	try("Rem64 by zero", func() { bits.Rem64(1, 2, 0) })
	try("Rem32 by zero", func() { bits.Rem32(1, 2, 0) })
	q, r := bits.Div64(1, 0, 3)
	fmt.Println(q, r, bits.Rem64(10, 7, 3))

	// context's String methods name the types that have no String.
	bg := context.Background()
	fmt.Println(bg, context.TODO())
	cc, cancel := context.WithCancel(myCtx{bg})
	defer cancel()
	fmt.Println(cc)
	vc := context.WithValue(cc, key{1, 2}, named(3))
	fmt.Println(vc)
	vc2 := context.WithValue(&myCtx{bg}, "k", []int{1})
	fmt.Println(vc2)
	fmt.Println(context.WithoutCancel(myCtx{bg}))
}
