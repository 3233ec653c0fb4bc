// math/big: dividing by a zero Int panics with Go's message and exit
// status.
package main

import (
	"fmt"
	"math/big"
)

func main() {
	x := big.NewInt(10)
	fmt.Println(new(big.Int).Quo(x, big.NewInt(3)))
	fmt.Println(new(big.Int).Div(x, new(big.Int)))
}
