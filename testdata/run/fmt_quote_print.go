// %q escapes exactly the runes unicode.IsPrint rejects: non-ASCII spaces,
// format characters, unassigned code points; prints letters, marks, symbols.
package main

import "fmt"

func main() {
	for _, s := range []string{"a\u00a0b", "x\u2028y", "\u00ad", "日本", "\U0001F600", "\u0378", "\ufeff", "e\u0301", "\u3000", "€", "\U000E0001"} {
		fmt.Printf("%q %+q %x\n", s, s, s)
	}
	fmt.Printf("%q %q\n", '\u00a0', 'é')
}
