package main

import (
	"fmt"
	"strings"
)

func show(label string, n int, err error, vals ...any) {
	fmt.Printf("%-34q n=%d err=%v vals=%v\n", label, n, err, vals)
}

func main() {
	var a, b, c int
	var s, t string
	var f float64
	var u uint
	var r rune
	cases := []struct {
		in, format string
	}{
		{"1 2", "%d %d"},
		{"1 2", "%d%d"},
		{"1,2", "%d,%d"},
		{"1, 2", "%d,%d"},
		{"1 ,2", "%d,%d"},
		{"1\n2", "%d %d"},
		{"1\n2", "%d\n%d"},
		{"1 \n 2", "%d \n %d"},
		{"1 2", "%d\n%d"},
		{"12", "%1d%1d"},
		{"123456", "%3d%2d%d"},
		{"x1", "x%d"},
		{"y1", "x%d"},
		{"1", "%d %d"},
		{"1 2 3", "%d %d"},
		{"", "%d"},
		{"5%", "%d%%"},
		{"5 %", "%d%%"},
		{"5 x", "%d %%"},
		{"ff 0x1F -0b11", "%x %v %v"},
		{"777 101", "%o %b"},
		{"U+1F600", "%U"},
		{"1F600", "%U"},
		{"abc def", "%s %s"},
		{"abcdef", "%3s%s"},
		{`"a\tb" ` + "`raw`", "%q %q"},
		{"48656c6c6f 4a", "%x %X"},
		{"4g", "%x"},
		{"zz", "%x"},
		{"3.5", "%f"},
		{"3.5", "%d"},
		{"3.5", "%e"},
		{"abc", "%d"},
		{"x", "%c%c"},
		{" x", "%c"},
		{"1", "%"},
		{"1", "%d %"},
		{"1", "%5"},
		{"1", "%z"},
		{"1 2", "%d"},
		{"1", "%d%d"},
		{"a\n", "%s\n"},
		{"a", "%s\n"},
		{"a\n\nb", "%s\n\n%s"},
		{"a\nb", "%s\n\n%s"},
		{"a b", "%s  %s"},
		{"ab", "%s %s"},
		{"a\tb", "%s %s"},
		{"a\nb", "%s %s"},
		{"1\r\n2", "%d\n%d"},
		{"%x", "%%%s"},
		{"%y", "%%x"},
		{"42", "%5d"},
		{"42", "%1000000000d"},
		{"t", "%t"},
		{"true", "%v"},
	}
	for _, k := range cases {
		a, b, c, s, t, f, u, r = 0, 0, 0, "", "", 0, 0, 0
		var n int
		var err error
		verbs := strings.Count(k.format, "%") - 2*strings.Count(k.format, "%%")
		switch {
		case strings.Contains(k.format, "%s") || strings.Contains(k.format, "%q") || strings.Contains(k.format, "%X") && strings.Contains(k.format, "%x ") || k.format == "%3s%s":
			n, err = fmt.Sscanf(k.in, k.format, &s, &t)
		case strings.Contains(k.format, "%c"):
			var r2 rune
			n, err = fmt.Sscanf(k.in, k.format, &r, &r2)
			show(k.in+" | "+k.format, n, err, r, r2)
			continue
		case strings.Contains(k.format, "%f") || strings.Contains(k.format, "%e"):
			n, err = fmt.Sscanf(k.in, k.format, &f)
		case strings.Contains(k.format, "%o"):
			n, err = fmt.Sscanf(k.in, k.format, &a, &u)
		case strings.Contains(k.format, "%t") || k.format == "%v":
			var bl bool
			n, err = fmt.Sscanf(k.in, k.format, &bl)
			show(k.in+" | "+k.format, n, err, bl)
			continue
		case verbs >= 3:
			n, err = fmt.Sscanf(k.in, k.format, &a, &b, &c)
		case verbs == 2:
			n, err = fmt.Sscanf(k.in, k.format, &a, &b)
		default:
			n, err = fmt.Sscanf(k.in, k.format, &a)
		}
		show(k.in+" | "+k.format, n, err, a, b, c, s, t, f, u, r)
	}
	// too many / too few operands
	n, err := fmt.Sscanf("1 2", "%d", &a, &b)
	show("too many", n, err, a)
	n, err = fmt.Sscanf("1 2", "%d %d %d", &a, &b)
	show("too few", n, err, a, b)
	n, err = fmt.Sscanf("1 2", "%d %d %s", &a, &b)
	show("too few 2", n, err, a, b)
	// Fscanf over a reader, line by line
	rd := strings.NewReader("1 2\n3 4\n")
	for i := 0; i < 4; i++ {
		n, err = fmt.Fscanf(rd, "%d %d\n", &a, &b)
		show("Fscanf lines", n, err, a, b)
	}
	rd = strings.NewReader("1 2\n3 4\n")
	for i := 0; i < 3; i++ {
		n, err = fmt.Fscanf(rd, "%d %d", &a, &b)
		show("Fscanf no nl", n, err, a, b)
	}
}
