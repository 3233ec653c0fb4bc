package fmt

import (
	real "fmt"
	"io"
)

// Test-only bodies for the fmt natives: the real fmt.

func appendPrint(dst []byte, a []any) []byte   { return real.Append(dst, a...) }
func appendPrintln(dst []byte, a []any) []byte { return real.Appendln(dst, a...) }

func appendPrintf(dst []byte, format string, a []any, wrap bool) ([]byte, []int, bool) {
	if !wrap {
		return real.Appendf(dst, format, a...), nil, false
	}
	err := real.Errorf(format, a...)
	var wrapped []error
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		wrapped = []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		wrapped = u.Unwrap()
	}
	var idx []int
	for _, w := range wrapped {
		for i, x := range a {
			if e, ok := x.(error); ok && e == w {
				idx = append(idx, i)
				break
			}
		}
	}
	return append(dst, err.Error()...), idx, false
}

func Scan(a ...any) (n int, err error)                         { return real.Scan(a...) }
func Scanln(a ...any) (n int, err error)                       { return real.Scanln(a...) }
func Scanf(format string, a ...any) (n int, err error)         { return real.Scanf(format, a...) }
func Sscan(str string, a ...any) (n int, err error)            { return real.Sscan(str, a...) }
func Sscanln(str string, a ...any) (n int, err error)          { return real.Sscanln(str, a...) }
func Sscanf(str string, format string, a ...any) (int, error)  { return real.Sscanf(str, format, a...) }
func Fscan(r io.Reader, a ...any) (n int, err error)           { return real.Fscan(r, a...) }
func Fscanln(r io.Reader, a ...any) (n int, err error)         { return real.Fscanln(r, a...) }
func Fscanf(r io.Reader, format string, a ...any) (int, error) { return real.Fscanf(r, format, a...) }
