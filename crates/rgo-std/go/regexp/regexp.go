// Package regexp implements regular expression search. The syntax of the
// regular expressions accepted is the same general syntax used by Perl,
// Python, and other languages (RE2 syntax).
//
// rgo: matching is native, on Rust's regex crate (which implements RE2
// semantics: leftmost-first matching, linear time) configured to Go's
// syntax; Compile's error messages are translated to Go's ("error parsing
// regexp: missing closing ): `(a`"). Every method of *Regexp is a native;
// QuoteMeta and the package-level helpers are plain Go.
package regexp

import "io"

// Regexp is the representation of a compiled regular expression. A
// Regexp is safe for concurrent use by multiple goroutines, except for
// configuration methods, such as Longest.
type Regexp struct {
	expr    string  // as passed to Compile
	prog    uintptr // the native compiled program
	numSub  int
	names   []string
	longest bool
	posix   bool
}

// compile compiles expr (with POSIX leftmost-longest semantics and syntax
// restrictions if posix) and returns the native program, the number of
// subexpressions and their names, or Go's error message. Native.
func compile(expr string, posix bool) (prog uintptr, numSub int, names []string, errMsg string)

// Error is the error type of Compile: Go's *syntax.Error, printed as
// "error parsing regexp: <code>: `<expr>`".
type compileError struct {
	msg string
}

func (e *compileError) Error() string { return e.msg }

func compileRegexp(expr string, posix bool) (*Regexp, error) {
	prog, numSub, names, msg := compile(expr, posix)
	if msg != "" {
		return nil, &compileError{msg}
	}
	return &Regexp{expr: expr, prog: prog, numSub: numSub, names: names, longest: posix, posix: posix}, nil
}

// Compile parses a regular expression and returns, if successful, a Regexp
// object that can be used to match against text.
func Compile(expr string) (*Regexp, error) { return compileRegexp(expr, false) }

// CompilePOSIX is like Compile but restricts the regular expression to
// POSIX ERE (egrep) syntax and changes the match semantics to
// leftmost-longest.
func CompilePOSIX(expr string) (*Regexp, error) { return compileRegexp(expr, true) }

// MustCompile is like Compile but panics if the expression cannot be
// parsed.
func MustCompile(str string) *Regexp {
	return mustHave(Compile(str))("Compile", str)
}

// mustHave turns a compile result into a function returning the Regexp or
// panicking with Go's "regexp: Fn(`expr`): error" message.
func mustHave(re *Regexp, err error) func(fn, expr string) *Regexp {
	return func(fn, expr string) *Regexp {
		if err != nil {
			panic("regexp: " + fn + "(" + quote(expr) + "): " + err.Error())
		}
		return re
	}
}

// MustCompilePOSIX is like CompilePOSIX but panics if the expression
// cannot be parsed.
func MustCompilePOSIX(str string) *Regexp {
	return mustHave(CompilePOSIX(str))("CompilePOSIX", str)
}

// quote renders an expression for the panic messages above: back-quoted
// when possible, otherwise as strconv.Quote would.
func quote(s string) string {
	if canBackquote(s) {
		return "`" + s + "`"
	}
	return quoteString(s)
}

// canBackquote and quoteString are strconv.CanBackquote and strconv.Quote
// (regexp does not import strconv to keep its natives self-contained).
func canBackquote(s string) bool

func quoteString(s string) string

// MatchString reports whether the string s contains any match of the
// regular expression pattern.
func MatchString(pattern string, s string) (matched bool, err error) {
	return compileThen(pattern, func(re *Regexp) bool { return re.MatchString(s) })
}

// compileThen compiles pattern and, if that worked, asks test.
func compileThen(pattern string, test func(*Regexp) bool) (bool, error) {
	compiled, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return test(compiled), nil
}

// MatchReader reports whether the text returned by the RuneReader contains
// any match of the regular expression pattern.
func MatchReader(pattern string, r io.RuneReader) (matched bool, err error) {
	return compileThen(pattern, func(re *Regexp) bool { return re.MatchReader(r) })
}

// Match reports whether the byte slice b contains any match of the regular
// expression pattern.
func Match(pattern string, b []byte) (matched bool, err error) {
	return compileThen(pattern, func(re *Regexp) bool { return re.Match(b) })
}

// QuoteMeta returns a string that escapes all regular expression
// metacharacters inside the argument text; the returned string is a
// regular expression matching the literal text.
func QuoteMeta(s string) string {
	const special = `\.+*?()|[]{}^$`
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		isSpecial := false
		for j := 0; j < len(special); j++ {
			if special[j] == c {
				isSpecial = true
				break
			}
		}
		if isSpecial {
			if b == nil {
				b = make([]byte, 0, 2*len(s))
				b = append(b, s[:i]...)
			}
			b = append(b, '\\')
		}
		if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// String returns the expression re was compiled from.
func (re *Regexp) String() string { return re.expr }

// NumSubexp returns the number of parenthesized subexpressions in this
// Regexp.
func (re *Regexp) NumSubexp() int { return re.numSub }

// SubexpNames returns the names of the parenthesized subexpressions in
// this Regexp. names[0] is always the empty string.
func (re *Regexp) SubexpNames() []string { return re.names }

// SubexpIndex returns the index of the first subexpression with the given
// name, or -1 if there is no subexpression with that name.
func (re *Regexp) SubexpIndex(name string) int {
	if name != "" {
		for i, s := range re.names {
			if name == s {
				return i
			}
		}
	}
	return -1
}

// Longest makes future searches prefer leftmost-longest matches.
func (re *Regexp) Longest() { re.longest = true }

// Copy returns a new Regexp object copied from re.
//
// Deprecated: In earlier releases, when using a Regexp in multiple
// goroutines, giving each goroutine its own copy helped to avoid lock
// contention. As of Go 1.12, using Copy is no longer necessary.
func (re *Regexp) Copy() *Regexp {
	re2 := *re
	return &re2
}

// The remaining methods are natives.

// LiteralPrefix is a native.
func (re *Regexp) LiteralPrefix() (prefix string, complete bool)

// MatchReader is a native.
func (re *Regexp) MatchReader(r io.RuneReader) bool

// MatchString is a native.
func (re *Regexp) MatchString(s string) bool

// Match is a native.
func (re *Regexp) Match(b []byte) bool

// ReplaceAllString is a native.
func (re *Regexp) ReplaceAllString(src string, repl string) string

// ReplaceAllLiteralString is a native.
func (re *Regexp) ReplaceAllLiteralString(src string, repl string) string

// ReplaceAllStringFunc is a native.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string

// ReplaceAll is a native.
func (re *Regexp) ReplaceAll(src []byte, repl []byte) []byte

// ReplaceAllLiteral is a native.
func (re *Regexp) ReplaceAllLiteral(src []byte, repl []byte) []byte

// ReplaceAllFunc is a native.
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte

// Find is a native.
func (re *Regexp) Find(b []byte) []byte

// FindString is a native.
func (re *Regexp) FindString(s string) string

// FindIndex is a native.
func (re *Regexp) FindIndex(b []byte) (m []int)

// FindStringIndex is a native.
func (re *Regexp) FindStringIndex(s string) (m []int)

// FindReaderIndex is a native.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (m []int)

// FindSubmatch is a native.
func (re *Regexp) FindSubmatch(b []byte) [][]byte

// FindStringSubmatch is a native.
func (re *Regexp) FindStringSubmatch(s string) []string

// FindSubmatchIndex is a native.
func (re *Regexp) FindSubmatchIndex(b []byte) []int

// FindStringSubmatchIndex is a native.
func (re *Regexp) FindStringSubmatchIndex(s string) []int

// FindReaderSubmatchIndex is a native.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int

// FindAll is a native.
func (re *Regexp) FindAll(b []byte, n int) [][]byte

// FindAllString is a native.
func (re *Regexp) FindAllString(s string, n int) []string

// FindAllIndex is a native.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int

// FindAllStringIndex is a native.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int

// FindAllSubmatch is a native.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte

// FindAllStringSubmatch is a native.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string

// FindAllSubmatchIndex is a native.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int

// FindAllStringSubmatchIndex is a native.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int

// Expand is a native.
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte

// ExpandString is a native.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte

// Split is a native.
func (re *Regexp) Split(s string, n int) []string

// AppendText is a native.
func (re *Regexp) AppendText(b []byte) ([]byte, error)

// MarshalText is a native.
func (re *Regexp) MarshalText() ([]byte, error)

// UnmarshalText is a native.
func (re *Regexp) UnmarshalText(text []byte) error
