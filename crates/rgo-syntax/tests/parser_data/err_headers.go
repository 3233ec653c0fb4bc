package p

func f() {
	if x {
	} else for {
	}
	if x = 1 {
	}
	if x := 1 {
	}
	for i := 0; i < 3; j := 1 {
	}
	if
	{
	}
	for var i = 0; i < 3; i++ {
	}
	switch x
	{
	}
	if x; {
	}
}
