package main

import (
	"errors"
	"fmt"
)

type C int

func (c C) String() string { return "C!" }

type S struct {
	Pub  C
	priv C
	Err  error
	err  error
	In   struct{ x C }
}

func main() {
	s := S{1, 2, errors.New("e1"), nil, struct{ x C }{3}}
	fmt.Println(s)
	fmt.Printf("%+v\n", s)
	fmt.Println([]C{1}, map[C]C{1: 2})
}
