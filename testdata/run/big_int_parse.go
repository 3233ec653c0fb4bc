// math/big: SetString in every base with prefixes, signs and
// underscores; Scan through fmt; text and JSON marshaling.
package main

import (
	"encoding/json"
	"fmt"
	"math/big"
)

func main() {
	inputs := []string{"0", "-0", "+0", "00", "07", "08", "0_7", "0x_1F", "0X1f", "0x1__f", "_1", "1_", "1__0", "1_000_000",
		"0b1011", "0B_1", "0b", "0o777", "0O7_7", "0o8", "0x", "0_", "-0x10", "+-1", "--1", "", "-", "+", " 1", "1 ",
		"1.5", "12a", "zZ", "Zz", "ZZ", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "18446744073709551616", "123456789012345678901234567890123456789012345678901234567890"}
	for _, base := range []int{0, 2, 8, 10, 16, 36, 37, 62} {
		for _, s := range inputs {
			z, ok := new(big.Int).SetString(s, base)
			fmt.Printf("base %d %q: %v %v\n", base, s, z, ok)
		}
	}
	for _, base := range []int{1, 63, -1} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			z, ok := new(big.Int).SetString("1", base)
			fmt.Println("bad base", base, z, ok)
		}()
	}
	// fmt scanning
	var a, b, c, d big.Int
	cnt, err := fmt.Sscan("123 -0x1f 0b101 077", &a, &b, &c, &d)
	fmt.Println(cnt, err, &a, &b, &c, &d)
	cnt, err = fmt.Sscanf("ff 777 101 -42", "%x %o %b %d", &a, &b, &c, &d)
	fmt.Println(cnt, err, &a, &b, &c, &d)
	cnt, err = fmt.Sscan("12x", &a)
	fmt.Println(cnt, err, &a)
	cnt, err = fmt.Sscan("x12", &a)
	fmt.Println(cnt, err, &a)
	cnt, err = fmt.Sscanf("5", "%q", &a)
	fmt.Println(cnt, err)
	// marshaling
	for _, s := range []string{"0", "-12345678901234567890123", "42"} {
		x, _ := new(big.Int).SetString(s, 10)
		j, err := json.Marshal(x)
		t, err2 := x.MarshalText()
		g, _ := x.GobEncode()
		var y big.Int
		fmt.Println(string(j), err, string(t), err2, g, y.GobDecode(g), &y)
	}
	var nilp *big.Int
	j, err := json.Marshal(nilp)
	t, _ := nilp.MarshalText()
	fmt.Println(string(j), err, string(t))
	type T struct {
		A *big.Int
		B *big.Int `json:"b"`
	}
	var v T
	err = json.Unmarshal([]byte(`{"A": 123456789012345678901234567890, "b": -5}`), &v)
	fmt.Println(err, v.A, v.B)
	err = json.Unmarshal([]byte(`{"A": null}`), &v)
	fmt.Println(err, v.A)
	err = json.Unmarshal([]byte(`{"A": "12"}`), &v)
	fmt.Println(err)
	var u big.Int
	fmt.Println(u.UnmarshalText([]byte("0x_ff")), &u, u.UnmarshalText([]byte("1e3")), u.UnmarshalJSON([]byte("null")), &u)
	fmt.Println(u.GobDecode([]byte{4, 1}))
}
