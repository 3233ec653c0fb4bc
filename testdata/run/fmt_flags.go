package main

import "fmt"

type T struct {
	A int
	B []string
	C map[int]bool
	D *T
	E interface{}
}

func main() {
	fmt.Printf("[%05s] [%-05d] [%+.2e] [%#v] [% x] [%#q] [%x] [%X]\n", "ab", 3, 12345.678, 1.0, "hi", "back`q", -255, "héllo")
	t := T{A: 1, B: []string{"x"}, C: map[int]bool{2: true, 1: false}, E: []int{1}}
	t.D = nil
	fmt.Printf("%v\n%+v\n", t, t)
	fmt.Printf("%#v\n", T{A: 3})
	fmt.Printf("[%6.2v] [%10v] [%-10v] [%t] [%v]\n", 3.14159, []int{1, 2}, "s", 1, 'x')
	fmt.Printf("%s %v %d\n", []string{"a", "b"}, [2]bool{true}, []uint8{1, 2})
	fmt.Printf("%q %v %x\n", []string{"a"}, struct{}{}, 1<<40)
	fmt.Printf("%08.3f|%-8.3f|%+08d|%x|%o\n", -3.5, 2.25, 42, -1, -8)
	fmt.Printf("%v %v %v %v\n", int8(-5), uint16(65535), float32(1)/3, 1e100)
	fmt.Printf("%g %g %g %.3e %G\n", 100000.0, 1e-5, 123456789.0, 0.0, 1e-10)
	fmt.Printf("%6.1f%% done\n", 99.5)
	fmt.Printf("%v %.1f %5.1f|\n", -0.0, 2.55, -1.25)
	var ip *int
	x := 5
	fmt.Printf("%v %d\n", ip, &x != nil)
	fmt.Printf("%T %T %T %T %T\n", nil, 1.5, "s", map[string][]int{}, func(int) string { return "" })
	fmt.Printf("%3c|%-4c|%U\n", 'a', 'b', 'c')
	fmt.Printf("%!%d %z %-z\n", 5)
	fmt.Printf("%[3]v %[1]v %v %[5]v\n", 1, 2, 3)
	fmt.Printf("%.*s|%-*.*f|\n", 2, "abcdef", 8, 2, 3.14159)
	fmt.Println(fmt.Sprintf("%v", []interface{}{1, "a", nil, 2.5, []int{3}}))
}
