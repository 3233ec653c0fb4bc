package main

import "fmt"

// `for k, v = range x` assigns as the tuple assignment `k, v = key, val`:
// index operands on the left are evaluated before either is stored.
func main() {
	x := []int{10, 20, 30}
	i := 2
	for i, x[i] = range []int{7, 8} {
		fmt.Println("iter", i, x)
	}
	fmt.Println(i, x)

	m := map[string]int{"a": 1}
	keys := []string{"z", "z"}
	j := 1
	for keys[j], j = range m {
	}
	fmt.Println(keys, j)

	var r [8]rune
	k := 3
	for k, r[k] = range "héllo" {
	}
	fmt.Println(k, string(r[:]))

	arr := [3]int{1, 2, 3}
	n := 0
	for n, arr[n] = range &arr {
	}
	fmt.Println(n, arr)
}
