// strings.Builder and strconv: formatting numbers into a growing string.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	total := 0
	for r := 0; r < 5; r++ {
		var b strings.Builder
		for i := 0; i < 500_000; i++ {
			b.WriteString(strconv.Itoa(i * r))
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(float64(i)/7, 'f', 2, 64))
			b.WriteByte(';')
		}
		s := b.String()
		n, _ := strconv.Atoi(s[:strings.IndexByte(s, ',')])
		total += len(s) + n
	}
	fmt.Println(total)
}
