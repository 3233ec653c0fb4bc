// Strings: literals, concatenation, comparison, indexing, slicing,
// conversions, range over runes.
package main

func main() {
	s := "hello"
	t := s + ", " + "world"
	println(t, len(t))
	println(s == "hello", s != "hello", s < "help", s > "hel", s <= "hello", s >= "z")
	println(s[0], s[4], s[1:3], s[:2], s[3:])
	b := []byte(s)
	b[0] = 'j'
	println(string(b), s)
	r := []rune("héllo, 世界")
	println(len(r), r[1], r[7], string(r[7]))
	println(string(rune(65)), string(rune(0x4e16)), string(r))
	for i, c := range "a€b" {
		println(i, c)
	}
	var e string
	println(e == "", len(e), e+"x")
	x := ""
	for i := 0; i < 5; i++ {
		x += string(rune('a' + i))
	}
	println(x)
	switch x {
	case "abc":
		println("no")
	case "abcde":
		println("yes")
	}
}
