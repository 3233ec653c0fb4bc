package main

import (
	"fmt"
	"io"
	"os"
)

// feed makes os.Stdin a pipe that yields text, then EOF.
func feed(text string) {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	go func() {
		w.Write([]byte(text))
		w.Close()
	}()
	os.Stdin = r
}

func main() {
	// The competitive-programming loop: Scan until an error.
	feed("3\n10 20 30\n-4\n")
	var n int
	fmt.Scan(&n)
	sum := 0
	for {
		var x int
		if _, err := fmt.Scan(&x); err != nil {
			fmt.Println("loop ended:", err, err == io.EOF)
			break
		}
		sum += x
	}
	fmt.Println("n", n, "sum", sum)

	// Scan leaves the rest of the input unread: only the rune after the
	// token is gone.
	feed("12 rest of line\nnext")
	var a int
	fmt.Scan(&a)
	rest, _ := io.ReadAll(os.Stdin)
	fmt.Printf("a=%d rest=%q\n", a, rest)

	// Scanln per line.
	feed("1 2\n3\n\n4 5 6\n7 8")
	for {
		var p, q int
		k, err := fmt.Scanln(&p, &q)
		fmt.Println("Scanln:", k, err, p, q)
		if err == io.EOF {
			break
		}
	}

	// Scanf with newlines in the format.
	feed("x=5 y=7\nname: gopher\n")
	var x, y int
	var name string
	k, err := fmt.Scanf("x=%d y=%d\n", &x, &y)
	fmt.Println("Scanf:", k, err, x, y)
	k, err = fmt.Scanf("name: %s", &name)
	fmt.Println("Scanf:", k, err, name)
	k, err = fmt.Scanf("%d", &x)
	fmt.Println("Scanf:", k, err)
	k, err = fmt.Scanf("%d", &x)
	fmt.Println("Scanf:", k, err)

	// Strings and floats, multi-byte runes read byte by byte.
	feed("héllo 2.5 wörld\t-0.125")
	var s1, s2 string
	var f1, f2 float64
	k, err = fmt.Scan(&s1, &f1, &s2, &f2)
	fmt.Println("mixed:", k, err, s1, f1, s2, f2)
	k, err = fmt.Scan(&s1)
	fmt.Println("after:", k, err)
}
