package main

func main() {
L:
	goto M
	x := 1
M:
	_ = x
L:
	for {
		goto N
		{
		N:
		}
	}
	break
	switch {
	case true:
		fallthrough
	case false:
		if true {
			fallthrough
		}
	}
	func() {
	Q:
		for {
			continue Q
		}
	R:
		break R
	}()
	var i interface{}
	switch i.(type) {
	case int:
		fallthrough
	default:
	}
	goto Z
	continue
Y:
	select {
	default:
		break Y
	}
}
