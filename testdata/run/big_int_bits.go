// math/big: two's complement bit operations, shifts, bytes and the
// conversions to machine integers and floats.
package main

import (
	"fmt"
	"math/big"
)

func main() {
	vals := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(-1), big.NewInt(6), big.NewInt(-6), big.NewInt(0x7f),
		big.NewInt(-0x80), new(big.Int).Lsh(big.NewInt(1), 64), new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 64)),
		new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 130), big.NewInt(3)), new(big.Int).Lsh(big.NewInt(-5), 100)}
	for _, x := range vals {
		for _, y := range vals {
			fmt.Println(x, y, "and", new(big.Int).And(x, y), "or", new(big.Int).Or(x, y), "xor", new(big.Int).Xor(x, y), "andnot", new(big.Int).AndNot(x, y))
		}
		fmt.Println(x, "not", new(big.Int).Not(x), "bitlen", x.BitLen(), "tz", x.TrailingZeroBits())
		for _, s := range []uint{0, 1, 3, 63, 64, 65, 200} {
			fmt.Println("  shift", s, new(big.Int).Lsh(x, s), new(big.Int).Rsh(x, s))
		}
		for _, i := range []int{0, 1, 2, 7, 63, 64, 65, 129, 130, 300} {
			fmt.Print(x.Bit(i))
		}
		fmt.Println()
		for _, i := range []int{0, 5, 64, 140} {
			fmt.Println("  setbit", i, new(big.Int).SetBit(x, i, 1), new(big.Int).SetBit(x, i, 0))
		}
		f, acc := x.Float64()
		fmt.Println("  int64", x.Int64(), "uint64", x.Uint64(), x.IsInt64(), x.IsUint64(), "float", f, acc)
		fmt.Println("  bytes", x.Bytes(), new(big.Int).SetBytes(x.Bytes()))
	}
	for _, s := range []string{"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "9007199254740993", "9007199254740995", "-9007199254740993",
		"179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
		"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174409216",
		"-179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174409215",
		"36893488147419103231", "36893488147419111423", "36893488147419111424"} {
		x, _ := new(big.Int).SetString(s, 10)
		f, acc := x.Float64()
		fmt.Println(x.Int64(), x.Uint64(), x.IsInt64(), x.IsUint64(), f, acc)
	}
	buf := make([]byte, 10)
	fmt.Println(big.NewInt(0x1234).FillBytes(buf))
	fmt.Println(new(big.Int).SetBytes([]byte{0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}).Text(16), new(big.Int).SetBytes(nil))
	fmt.Println(new(big.Int).SetBits([]big.Word{1, 2, 0, 0}).Bits(), new(big.Int).SetUint64(1<<63+5), new(big.Int).SetInt64(-1<<63))
	fmt.Println(big.Below, big.Exact, big.Above, big.Accuracy(5), big.ToNearestEven, big.ToPositiveInf, big.RoundingMode(9))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		big.NewInt(1 << 40).FillBytes(make([]byte, 5))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		big.NewInt(1).Bit(-1)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Int).SetBit(big.NewInt(1), 3, 2)
	}()
}
