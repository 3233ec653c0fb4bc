package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, recover())
	}()
	f()
}

// Out-of-range indices of unsigned types print unsigned, with the length;
// slicing an array or string reports its length, a slice its capacity.
func main() {
	s := []int{1, 2, 3}
	a := [3]int{1, 2, 3}
	str := "abc"
	big := ^uint(0)
	u64 := uint64(1) << 63
	var up uintptr = 5
	neg := -1
	try("slice[big]", func() { _ = s[big] })
	try("array[u64]", func() { _ = a[u64] })
	try("string[up]", func() { _ = str[up] })
	try("slice[neg]", func() { _ = s[neg] })
	try("store", func() { s[big] = 1 })
	try("u8", func() { _ = s[uint8(200)] })
	four, nine := 4, 9
	try("array[:4]", func() { _ = a[:four] })
	try("array[:9]", func() { _ = a[1:nine] })
	try("ptr[:4]", func() { p := &a; _ = p[:four] })
	try("slice[:4]", func() { _ = s[:four] })
	try("string[:4]", func() { _ = str[:four] })
	try("slice[:big]", func() { _ = s[:big] })
	try("slice[big:]", func() { _ = s[big:] })
	try("slice[::big]", func() { _ = s[0:1:big] })
	try("array[::4]", func() { _ = a[0:1:four] })
	try("slice[neg:]", func() { _ = s[neg:] })
	fmt.Println(s[uint(1)], a[uint64(2)], str[uintptr(0)])
}
