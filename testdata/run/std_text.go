package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	fmt.Println(unicode.IsUpper('A'), unicode.IsLetter('é'), unicode.IsDigit('٣'), unicode.ToUpper('ß'), unicode.IsSpace('\u00a0'))
	fmt.Println(utf8.RuneCountInString("héllo"), utf8.ValidString("a\xffb"))
	var b bytes.Buffer
	b.WriteString("hello ")
	fmt.Fprintf(&b, "%d", 42)
	fmt.Println(b.String(), bytes.Contains(b.Bytes(), []byte("lo 4")), bytes.ToUpper([]byte("x")))
	sc := bufio.NewScanner(strings.NewReader("l1\nl2\nl3"))
	n := 0
	for sc.Scan() {
		n++
		fmt.Println(n, sc.Text())
	}
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "buffered %s\n", "out")
	w.Flush()
	fmt.Println(strings.Map(unicode.ToUpper, "abc"), strings.FieldsFunc("a1b2c", unicode.IsDigit))
}
