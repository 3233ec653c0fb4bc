// An unrecovered big.ErrNaN panic: Go prints the error's text.
package main

import (
	"fmt"
	"math/big"
)

func main() {
	x := new(big.Float).SetInf(false)
	fmt.Println(x)
	new(big.Float).Sub(x, x)
}
