package fmt

import "io"

// ScanState is the view of the input that a custom Scanner's Scan method
// gets.
type ScanState interface {
	// ReadRune returns the next input character.
	ReadRune() (r rune, size int, err error)
	// UnreadRune pushes back the character just read.
	UnreadRune() error
	// SkipSpace moves past white space.
	SkipSpace()
	// Token optionally skips white space, then returns the longest run of
	// characters that f accepts.
	Token(skipSpace bool, f func(rune) bool) (token []byte, err error)
	// Width returns the verb's width, and whether one was given.
	Width() (wid int, ok bool)
	// Read exists so that ScanState is an io.Reader; custom scanners
	// should use ReadRune instead.
	Read(buf []byte) (n int, err error)
}

// Scanner is a type that parses its own textual form: its Scan method
// reads from state for the verb and stores into the (pointer) receiver.
type Scanner interface {
	Scan(state ScanState, verb rune) error
}

// The scanning functions are natives: they read runes from the source
// (calling back into Go for io.Reader sources and Scanner operands) and
// store through the operand pointers using their type descriptors.
//
// Naming: the S forms read a string, the F forms an io.Reader, the plain
// forms standard input. The plain variants treat newlines as white space;
// the ln variants stop at a newline and require one (or EOF) after the
// last operand; the f variants follow a format string. Each returns how
// many operands it filled and the first error.

// Scan reads white-space separated values from standard input into a.
func Scan(a ...any) (n int, err error)

// Scanln is Scan ending at the end of the line.
func Scanln(a ...any) (n int, err error)

// Scanf reads standard input into a as format directs.
func Scanf(format string, a ...any) (n int, err error)

// Sscan reads white-space separated values from str into a.
func Sscan(str string, a ...any) (n int, err error)

// Sscanln is Sscan ending at the end of the line.
func Sscanln(str string, a ...any) (n int, err error)

// Sscanf reads str into a as format directs.
func Sscanf(str string, format string, a ...any) (n int, err error)

// Fscan reads white-space separated values from r into a.
func Fscan(r io.Reader, a ...any) (n int, err error)

// Fscanln is Fscan ending at the end of the line.
func Fscanln(r io.Reader, a ...any) (n int, err error)

// Fscanf reads r into a as format directs.
func Fscanf(r io.Reader, format string, a ...any) (n int, err error)
