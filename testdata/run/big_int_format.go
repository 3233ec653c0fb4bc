// math/big: Int.Text, Append, String and fmt verbs with flags, width and
// precision.
package main

import (
	"fmt"
	"math/big"
)

func main() {
	vals := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(-1), big.NewInt(255), big.NewInt(-255), big.NewInt(1234567890)}
	h, _ := new(big.Int).SetString("-deadbeefcafebabe0123456789abcdef", 16)
	vals = append(vals, h, new(big.Int).Lsh(big.NewInt(1), 200))
	verbs := []string{"%d", "%v", "%s", "%b", "%o", "%O", "%x", "%X", "%#b", "%#o", "%#O", "%#x", "%#X",
		"%+d", "% d", "%+x", "% X", "%8d|", "%-8d|", "%08d|", "%-08d|", "%+08d|", "% 08d|", "%#08x|",
		"%.0d|", "%.1d|", "%.5d|", "%8.5d|", "%-8.5x|", "%08.5d|", "%.0x|", "%5.0d|", "%#.0x|",
		"%c", "%q", "%e", "%U", "%t"}
	for _, x := range vals {
		for _, v := range verbs {
			fmt.Printf("%-8s ", v)
			fmt.Printf(v, x)
			fmt.Println()
		}
		for base := 2; base <= 62; base += 5 {
			fmt.Print(x.Text(base), " ")
		}
		fmt.Println(string(x.Append([]byte("n="), 36)))
	}
	var nilp *big.Int
	fmt.Printf("%d %x %v %s|%5d|\n", nilp, nilp, nilp, nilp, nilp)
	fmt.Println(fmt.Sprint(big.NewInt(42)), fmt.Sprintf("%v", []*big.Int{big.NewInt(1), big.NewInt(-2)}))
	fmt.Println(*big.NewInt(3), big.Int{})
	fmt.Println(new(big.Int).Lsh(big.NewInt(3), 1000).Text(10))
	fmt.Println(new(big.Int).Exp(big.NewInt(7), big.NewInt(2000), nil).Text(62))
	fmt.Println(new(big.Int).Exp(big.NewInt(-3), big.NewInt(3001), nil).Text(16))
}
