// math/big: Int.Divide with the Trunc, Floor, Round and Ceil modes.
package main

import (
	"fmt"
	"math/big"
)

func main() {
	for _, m := range []big.RoundingMode{big.Trunc, big.Floor, big.Round, big.Ceil} {
		for _, x := range []int64{-7, -6, -5, -3, -1, 0, 1, 3, 5, 6, 7, 9, 15} {
			for _, y := range []int64{-6, -4, -2, -1, 1, 2, 4, 6} {
				q, r := new(big.Int).Divide(big.NewInt(x), big.NewInt(y), new(big.Int), m)
				fmt.Print(m, x, y, q, r, "; ")
			}
			fmt.Println()
		}
	}
	q, r := new(big.Int).Divide(big.NewInt(7), big.NewInt(2), nil, big.Floor)
	fmt.Println(q, r)
	var z *big.Int
	q, r = z.Divide(big.NewInt(7), big.NewInt(2), new(big.Int), big.Ceil)
	fmt.Println(q, r)
	func() {
		defer func() { fmt.Println(recover()) }()
		new(big.Int).Divide(big.NewInt(7), big.NewInt(2), nil, big.AwayFromZero)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		new(big.Int).Divide(big.NewInt(7), big.NewInt(0), nil, big.Floor)
	}()
}
