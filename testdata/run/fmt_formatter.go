package main

import (
	"errors"
	"fmt"
)

type Money struct {
	Cents int
}

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		w, ok := f.Width()
		if f.Flag('+') {
			fmt.Fprintf(f, "USD ")
		}
		fmt.Fprintf(f, "$%d.%02d", m.Cents/100, m.Cents%100)
		if ok {
			fmt.Fprintf(f, "(w%d)", w)
		}
	default:
		fmt.Fprintf(f, "%%!%c(Money)", verb)
	}
}

type Boom struct{}

func (Boom) Format(f fmt.State, verb rune) { panic(errors.New("kaboom")) }

func main() {
	m := Money{12345}
	fmt.Println(m)
	fmt.Printf("%v|%+v|%8v|%d\n", m, m, m, m)
	fmt.Println([]Money{{1}, {250}})
	fmt.Println(fmt.Sprint(Boom{}))
	fmt.Printf("%s\n", fmt.Sprintf("%v", struct{ M Money }{m}))
}
