package stmts

func f() {
	x := 1
	x, y = y, x
	x += 2
	x++
	ch <- x
	v, ok := <-ch
L:
	for i := 0; i < 10; i++ {
		if i == 3 {
			continue L
		} else if i == 4 {
			break L
		} else {
			goto M
		}
	}
M:
	for {
	}
	for x < 3 {
	}
	for range 10 {
	}
	for i := range 10 {
	}
	for k, v := range m {
	}
	for k = range m {
	}
	for range seq {
	}
	switch x := f(); x {
	case 1, 2:
		fallthrough
	default:
	}
	switch {
	}
	switch t := v.(type) {
	case int, nil:
	}
	switch v.(type) {
	}
	select {
	case ch <- 1:
	case v := <-ch:
	case v, ok = <-ch:
	case <-ch:
	default:
	}
	go f()
	defer func() {}()
	var z int
	const c = 1
	type T int
	{
	}
	;
	return
}

func g() (int, error) { return 0, nil }
