// How many allocations std functions make (testing.AllocsPerRun), as in
// Go: buffers in the frame, natives that keep nothing of their operands,
// one-byte strings and small numbers without allocating.
package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var sink string
var sinkb []byte

func main() {
	n := 0
	cases := []struct {
		name string
		f    func()
	}{
		{"Itoa", func() { sink = strconv.Itoa(123456) }},
		{"FormatFloat", func() { sink = strconv.FormatFloat(3.25, 'g', -1, 64) }},
		{"AppendInt to stack buf", func() { var b [32]byte; n += len(strconv.AppendInt(b[:0], 42, 10)) }},
		{"string of stack bytes", func() { var b [8]byte; b[0] = 'x'; sink = string(b[:1]) }},
		{"bytes.IndexByte stack", func() { b := [4]byte{1, 2, 3, 4}; n += bytes.IndexByte(b[:], 3) }},
		{"utf8.EncodeRune stack", func() { var b [4]byte; n += utf8.EncodeRune(b[:], 'é') }},
		{"strings.Builder small", func() { var sb strings.Builder; sb.WriteString("ab"); sb.WriteByte('c'); sink = sb.String() }},
		{"Sprintf int", func() { sink = fmt.Sprintf("%d", n) }},
		{"copy into stack", func() { var b [8]byte; n += copy(b[:], "hello") }},
		{"bytes.Buffer", func() { var bb bytes.Buffer; bb.WriteString("hi"); n += bb.Len() }},
		{"ParseInt", func() { v, _ := strconv.ParseInt("12345", 10, 64); n += int(v) }},
		{"strings.Split", func() { n += len(strings.Split("a,b,c", ",")) }},
		{"concat", func() { sink = sink[:0] + "x" + strconv.Itoa(n&7) }},
	}
	for _, c := range cases {
		fmt.Printf("%-28s %v\n", c.name, testing.AllocsPerRun(100, c.f))
	}
	fmt.Println(n > 0)
}
