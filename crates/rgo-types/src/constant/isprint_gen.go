//go:build ignore

// Generates isprint.rs (run from this directory):
//
//	go run isprint_gen.go > isprint.rs

package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println("//! Which runes strconv.IsPrint accepts (letters, marks, numbers,")
	fmt.Println("//! punctuation, symbols and U+0020), as sorted inclusive ranges.")
	fmt.Println("//!")
	fmt.Println("//! Generated from the real Go toolchain (strconv.IsPrint over every")
	fmt.Println("//! code point); regenerate with `go run isprint_gen.go > isprint.rs`.")
	fmt.Println()
	fmt.Println("/// Inclusive ranges of printable runes, sorted.")
	fmt.Println("pub(crate) const PRINT_RANGES: &[(u32, u32)] = &[")
	start := -1
	for r := 0; r <= 0x110000; r++ {
		p := r <= 0x10FFFF && strconv.IsPrint(rune(r))
		if p && start < 0 {
			start = r
		} else if !p && start >= 0 {
			fmt.Printf("    (0x%x, 0x%x),\n", start, r-1)
			start = -1
		}
	}
	fmt.Println("];")
}
