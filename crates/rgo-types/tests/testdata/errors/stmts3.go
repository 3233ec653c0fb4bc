package main

func main() {
	func() {
		unused := 1 // ERROR "declared and not used: unused"
	}()
	var i interface{ M() }
	i.M = nil // ERROR "cannot assign to i\\.M \\(neither addressable nor a map index expression\\)"
	x, y := 1 // ERROR "assignment mismatch: 2 variables but 1 value"
	_, _ = x, y
	var a []int
	for i, v := range a { // ERROR "declared and not used: v"
		_ = i
	}
	var n int
	switch n.(type) { // ERROR "n \\(variable of type int\\) is not an interface"
	}
	goto L
L:
	return 5 // ERROR "too many return values"
}
