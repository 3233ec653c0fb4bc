// Std declarations reached only indirectly: through interfaces a std type
// must satisfy, dynamic assertions to interface literals, method values,
// fmt calling String/Error on values and on struct fields, package
// variables initialized by calls, and embedded (promoted) std methods.
// `rgo run` prunes std packages to what a program can reach; each of
// these must survive the pruning.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

type event struct {
	Name string
	Took time.Duration
	When time.Month
}

type wrapped struct {
	*strings.Builder
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	// A std type as an interface: the methods io.Writer needs.
	var w io.Writer = os.Stdout
	fmt.Fprintln(w, "to stdout via io.Writer")

	// Dynamic assertions to interface literals.
	var r any = strings.NewReader("hello, reader")
	if s, ok := r.(interface{ Size() int64 }); ok {
		fmt.Println("size", s.Size())
	}
	if _, ok := r.(interface{ NoSuchMethod() }); !ok {
		fmt.Println("no NoSuchMethod")
	}
	if rs, ok := r.(io.ReadSeeker); ok {
		buf := make([]byte, 5)
		n, _ := rs.Read(buf)
		fmt.Println("read", n, string(buf[:n]))
	}

	// fmt finds String methods of std types, also inside structs.
	e := event{"build", 1500 * time.Millisecond, time.March}
	fmt.Printf("%v\n%+v\n", e, e)
	fmt.Println(time.Duration(90) * time.Second)

	// Method values and method expressions of std types.
	var sb strings.Builder
	write := sb.WriteString
	write("method ")
	write("value")
	fmt.Println(sb.String(), (*strings.Builder).Len(&sb))

	// Promoted methods of an embedded std type, through an interface.
	wb := wrapped{&strings.Builder{}}
	var sw io.StringWriter = wb
	sw.WriteString("promoted")
	fmt.Println(wb.String())

	// Errors from std package variables (initialized by calls).
	_, err := strconv.Atoi("x1")
	fmt.Println(err, errors.Is(err, strconv.ErrSyntax))
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func)
	fmt.Println(io.EOF, errors.Is(fmt.Errorf("wrap: %w", io.EOF), io.EOF))

	// sort through an interface, unicode tables.
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words, sort.IsSorted(words))
	fmt.Println(unicode.IsUpper('Ä'), unicode.Is(unicode.Greek, 'λ'), unicode.In('x', unicode.Latin))
	fmt.Println(strings.Map(unicode.ToUpper, "mixed Case"))

	// A value whose dynamic type is a std error type.
	var any1 any = &os.PathError{Op: "open", Path: "/nope", Err: errors.New("missing")}
	if e, ok := any1.(error); ok {
		fmt.Println(e)
	}
	if u, ok := any1.(interface{ Unwrap() error }); ok {
		fmt.Println("unwrap:", u.Unwrap())
	}
}
