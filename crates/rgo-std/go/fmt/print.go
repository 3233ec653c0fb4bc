// Package fmt implements formatted I/O with functions analogous to C's
// printf and scanf.
//
// rgo: the formatting core is native. appendPrint, appendPrintln and
// appendPrintf walk each operand through its runtime type descriptor and
// produce exactly Go's output: verbs, flags, width and precision, %v of
// structs, maps (sorted keys, as internal/fmtsort orders them), pointers,
// nested values, the %!verb(type=value) and %!(EXTRA ...) diagnostics, and
// "%!v(PANIC=String method: ...)" for panicking methods. The native calls
// back into Go for the Error, String, GoString and Format methods (a
// re-entrant VM call); Format receives a *pp, the Go type below, so that
// Formatter implementations see a real fmt.State. Everything else (the
// Print/Fprint/Sprint families, Errorf's wrapping, Append*) is plain Go
// on top. Scanning (Scan, Sscanf, ...) is native as well.
package fmt

import (
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"unicode/utf8"
)

// State is what a Formatter's Format method gets: the output to write to
// and the flags, width and precision of the verb being formatted.
type State interface {
	// Write adds bytes to the output.
	Write(b []byte) (n int, err error)
	// Width returns the verb's width, and whether one was given.
	Width() (wid int, ok bool)
	// Precision returns the verb's precision, and whether one was given.
	Precision() (prec int, ok bool)

	// Flag reports whether the flag character c (' ', '+', '-', '#',
	// '0') was given.
	Flag(c int) bool
}

// Formatter is implemented by any value that has a Format method. The
// implementation controls how State and rune are interpreted, and may call
// Sprint or Fprint(f) etc. to generate its output.
type Formatter interface {
	Format(f State, verb rune)
}

// Stringer is implemented by any value that has a String method, which
// defines the “native” format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, which
// defines the Go syntax for that value.
type GoStringer interface {
	GoString() string
}

// pp is the State handed to Formatter.Format by the native printer: buf
// collects the output; the native sets the flags and options of the
// current verb before the call and reads buf afterwards.
type pp struct {
	buf    []byte
	wid    int
	prec   int
	widOK  bool
	precOK bool
	minus  bool
	plus   bool
	sharp  bool
	space  bool
	zero   bool
	plusV  bool // %+v
	sharpV bool // %#v
}

func (p *pp) Width() (wid int, ok bool) { return p.wid, p.widOK }

func (p *pp) Precision() (prec int, ok bool) { return p.prec, p.precOK }

func (p *pp) Flag(b int) bool {
	switch b {
	case '-':
		return p.minus
	case '+':
		return p.plus || p.plusV
	case '#':
		return p.sharp || p.sharpV
	case ' ':
		return p.space
	case '0':
		return p.zero
	}
	return false
}

// Write implements io.Writer so we can call Fprintf on a pp (through
// State), for recursive use in custom verbs.
func (p *pp) Write(b []byte) (ret int, err error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

// WriteString implements io.StringWriter so that we can call
// io.WriteString on a pp (through state), for efficiency.
func (p *pp) WriteString(s string) (ret int, err error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

// appendPrint formats its operands as Print does: spaces between operands
// when neither is a string. Native.
func appendPrint(dst []byte, a []any) []byte

// appendPrintln formats its operands as Println does: always spaces
// between operands and a final newline. Native.
func appendPrintln(dst []byte, a []any) []byte

// appendPrintf formats according to format as Printf does. If wrap is
// set, %w is accepted (as Errorf does) and the indices of its operands are
// returned in order of appearance, with reordered reporting whether
// explicit argument indexes were used. Native.
func appendPrintf(dst []byte, format string, a []any, wrap bool) (out []byte, wrapped []int, reordered bool)

// FormatString rebuilds the directive that produced state and verb, such
// as "%-08.3x".
func FormatString(state State, verb rune) string {
	spec := []byte{'%'}
	const flags = " +-#0" // in the order Go prints them
	for k := 0; k < len(flags); k++ {
		if state.Flag(int(flags[k])) {
			spec = append(spec, flags[k])
		}
	}
	if width, given := state.Width(); given {
		spec = strconv.AppendInt(spec, int64(width), 10)
	}
	if prec, given := state.Precision(); given {
		spec = strconv.AppendInt(append(spec, '.'), int64(prec), 10)
	}
	return string(utf8.AppendRune(spec, verb))
}

// bufSize is the room for output the printing functions keep in their
// frame: shorter output needs no allocation but the result's (Go reuses
// a pooled buffer to the same effect).
const bufSize = 64

// Fprintf formats according to a format specifier and writes to w. It
// returns the number of bytes written and any write error encountered.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	var buf [bufSize]byte
	b, _, _ := appendPrintf(buf[:0], format, a, false)
	return w.Write(b)
}

// Printf formats according to a format specifier and writes to standard
// output. It returns the number of bytes written and any write error
// encountered.
func Printf(format string, a ...any) (n int, err error) {
	var buf [bufSize]byte
	out, _, _ := appendPrintf(buf[:0], format, a, false)
	return os.Stdout.Write(out)
}

// Sprintf formats according to a format specifier and returns the
// resulting string.
func Sprintf(format string, a ...any) string {
	var buf [bufSize]byte
	b, _, _ := appendPrintf(buf[:0], format, a, false)
	return string(b)
}

// Appendf is Sprintf appending to b.
func Appendf(b []byte, format string, a ...any) []byte {
	b, _, _ = appendPrintf(b, format, a, false)
	return b
}

// Fprint formats using the default formats for its operands and writes to
// w. Spaces are added between operands when neither is a string. It
// returns the number of bytes written and any write error encountered.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	var buf [bufSize]byte
	return w.Write(appendPrint(buf[:0], a))
}

// Print formats using the default formats for its operands and writes to
// standard output. Spaces are added between operands when neither is a
// string.
func Print(a ...any) (n int, err error) {
	var buf [bufSize]byte
	return os.Stdout.Write(appendPrint(buf[:0], a))
}

// Sprint formats using the default formats for its operands and returns
// the resulting string. Spaces are added between operands when neither is
// a string.
func Sprint(a ...any) string {
	var buf [bufSize]byte
	return string(appendPrint(buf[:0], a))
}

// Append formats using the default formats for its operands, appends the
// result to the byte slice, and returns the updated slice.
func Append(b []byte, a ...any) []byte {
	return appendPrint(b, a)
}

// Fprintln formats using the default formats for its operands and writes
// to w. Spaces are always added between operands and a newline is
// appended.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	var buf [bufSize]byte
	return w.Write(appendPrintln(buf[:0], a))
}

// Println formats using the default formats for its operands and writes
// to standard output. Spaces are always added between operands and a
// newline is appended.
func Println(a ...any) (n int, err error) {
	var buf [bufSize]byte
	return os.Stdout.Write(appendPrintln(buf[:0], a))
}

// Sprintln formats using the default formats for its operands and returns
// the resulting string. Spaces are always added between operands and a
// newline is appended.
func Sprintln(a ...any) string {
	var buf [bufSize]byte
	return string(appendPrintln(buf[:0], a))
}

// Appendln formats using the default formats for its operands, appends
// the result to the byte slice, and returns the updated slice.
func Appendln(b []byte, a ...any) []byte {
	return appendPrintln(b, a)
}

// Errorf returns an error whose message is Sprintf(format, a...), where %w
// formats an error like %v and also marks it as wrapped: with one %w the
// result's Unwrap() error returns it, with several Unwrap() []error returns
// them in argument order (duplicates and non-errors left out).
func Errorf(format string, a ...any) (err error) {
	var buf [bufSize]byte
	text, marked, reordered := appendPrintf(buf[:0], format, a, true)
	msg := string(text)
	if len(marked) == 0 {
		return errors.New(msg)
	}
	if len(marked) == 1 {
		one, _ := a[marked[0]].(error)
		return &wrapError{msg: msg, err: one}
	}
	if reordered {
		slices.Sort(marked)
	}
	var list []error
	for k, index := range marked {
		if k != 0 && index == marked[k-1] {
			continue // the same operand marked twice
		}
		if e, isErr := a[index].(error); isErr {
			list = append(list, e)
		}
	}
	return &wrapErrors{msg: msg, errs: list}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string { return e.msg }

func (e *wrapErrors) Unwrap() []error { return e.errs }
