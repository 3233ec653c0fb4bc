package main

import (
	"fmt"
	"math/bits"
)

func main() {
	hi, lo := bits.Mul64(1<<63, 4)
	fmt.Println(hi, lo)
	q, r := bits.Div64(hi, lo, hi)
	fmt.Println(q, r)
}
