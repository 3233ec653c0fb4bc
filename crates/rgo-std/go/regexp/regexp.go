// Package regexp implements regular expression search. The syntax of the
// regular expressions accepted is the same general syntax used by Perl,
// Python, and other languages (RE2 syntax).
//
// rgo: compiling and searching are natives on Rust's regex-automata
// (RE2 semantics like Go: leftmost-first, linear time, byte offsets); the
// native parser checks Go's syntax and reports Go's *syntax.Error. Every
// method here is Go code over one search primitive (exec: find the first
// match at or after a position, with its submatches).
package regexp

import (
	"io"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regexp is the representation of a compiled regular expression. A
// Regexp is safe for concurrent use by multiple goroutines, except for
// configuration methods, such as Longest.
type Regexp struct {
	expr     string  // as passed to Compile
	prog     uintptr // handle of the native program
	numSub   int
	names    []string
	prefix   string
	complete bool
	longest  bool
}

// compile parses expr (Go's POSIX syntax if posix) and returns the handle
// of the native program, the subexpression names (each followed by a
// NUL, the whole match's empty name first), the literal prefix, or an
// error code and the offending text. Native.
func compile(expr string, posix bool) (prog uintptr, names string, prefix string, complete bool, code string, errExpr string)

// execString and execBytes search the input from pos for the first match
// (leftmost-longest if longest) and fill dst with its submatch index pairs
// (-1 for groups that did not take part), as many as dst holds; an empty
// dst only asks whether there is a match. Natives.
func execString(prog uintptr, s string, pos int, longest bool, dst []int) bool

func execBytes(prog uintptr, b []byte, pos int, longest bool, dst []int) bool

func compileRegexp(expr string, posix bool) (*Regexp, error) {
	prog, names, prefix, complete, code, bad := compile(expr, posix)
	if code != "" {
		return nil, &syntax.Error{Code: syntax.ErrorCode(code), Expr: bad}
	}
	list := strings.Split(names, "\x00")
	list = list[:len(list)-1]
	return &Regexp{
		expr:     expr,
		prog:     prog,
		numSub:   len(list) - 1,
		names:    list,
		prefix:   prefix,
		complete: complete,
		longest:  posix,
	}, nil
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
	re, err := Compile(str)
	if err != nil {
		panic("regexp: Compile(" + quote(str) + "): " + err.Error())
	}
	return re
}

// MustCompilePOSIX is like CompilePOSIX but panics if the expression
// cannot be parsed.
func MustCompilePOSIX(str string) *Regexp {
	re, err := CompilePOSIX(str)
	if err != nil {
		panic("regexp: CompilePOSIX(" + quote(str) + "): " + err.Error())
	}
	return re
}

// quote renders an expression for the panic messages: back-quoted when
// possible, otherwise Go-quoted.
func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	q := strconv.Quote(s)
	return q
}

// compileThen compiles pattern and, if that works, reports what test
// says of it.
func compileThen(pattern string, test func(re *Regexp) bool) (bool, error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return test(re), nil
}

// MatchString compiles pattern and reports whether it matches s.
func MatchString(pattern string, s string) (matched bool, err error) {
	return compileThen(pattern, func(re *Regexp) bool { return re.MatchString(s) })
}

// MatchReader compiles pattern and reports whether it matches the text
// of r.
func MatchReader(pattern string, r io.RuneReader) (matched bool, err error) {
	return compileThen(pattern, func(re *Regexp) bool { return re.MatchReader(r) })
}

// Match compiles pattern and reports whether it matches b.
func Match(pattern string, b []byte) (matched bool, err error) {
	return compileThen(pattern, func(re *Regexp) bool { return re.Match(b) })
}

// QuoteMeta returns a string that escapes all regular expression
// metacharacters inside the argument text; the returned string is a
// regular expression matching the literal text.
func QuoteMeta(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`\.+*?()|[]{}^$`, s[i]) >= 0 {
			if b == nil {
				b = append(make([]byte, 0, 2*len(s)), s[:i]...)
			}
			b = append(b, '\\')
		}
		if b != nil {
			b = append(b, s[i])
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
	if name == "" {
		return -1
	}
	for i, s := range re.names {
		if s == name {
			return i
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
	c := *re
	return &c
}

// LiteralPrefix returns a literal string that must begin any match of the
// regular expression re. It returns the boolean true if the literal
// string comprises the entire regular expression.
func (re *Regexp) LiteralPrefix() (prefix string, complete bool) {
	return re.prefix, re.complete
}

// input is the text searched: a string, or a byte slice when isBytes.
type input struct {
	s       string
	b       []byte
	isBytes bool
}

func (in input) len() int {
	if in.isBytes {
		return len(in.b)
	}
	return len(in.s)
}

// width is the byte length of the rune at pos, 0 at the end.
func (in input) width(pos int) int {
	if pos >= in.len() {
		return 0
	}
	if in.isBytes {
		_, n := utf8.DecodeRune(in.b[pos:])
		return n
	}
	_, n := utf8.DecodeRuneInString(in.s[pos:])
	return n
}

// exec finds the first match at or after pos and returns slots index
// pairs of it (nil if none).
func (re *Regexp) exec(in input, pos int, slots int) []int {
	dst := make([]int, slots)
	var ok bool
	if in.isBytes {
		ok = execBytes(re.prog, in.b, pos, re.longest, dst)
	} else {
		ok = execString(re.prog, in.s, pos, re.longest, dst)
	}
	if !ok {
		return nil
	}
	return dst
}

func (re *Regexp) matches(in input) bool {
	if in.isBytes {
		return execBytes(re.prog, in.b, 0, re.longest, nil)
	}
	return execString(re.prog, in.s, 0, re.longest, nil)
}

// all calls yield for each successive non-overlapping match (at most n
// of them when n >= 0). An empty match right where the previous match
// ended does not count, and after an empty match the search moves on by
// one rune.
func (re *Regexp) all(in input, n int, slots int, yield func(a []int)) {
	end := in.len()
	prevEnd := -1
	count := 0
	for pos := 0; pos <= end && (n < 0 || count < n); {
		a := re.exec(in, pos, slots)
		if a == nil {
			return
		}
		keep := true
		if a[1] > pos {
			pos = a[1]
		} else {
			keep = a[0] != prevEnd
			if w := in.width(pos); w > 0 {
				pos += w
			} else {
				pos = end + 1
			}
		}
		prevEnd = a[1]
		if keep {
			count++
			yield(a)
		}
	}
}

func (re *Regexp) subSlots() int { return 2 * (re.numSub + 1) }

// readAll collects the runes of r as UTF-8 text.
func readAll(r io.RuneReader) string {
	var buf []byte
	for {
		c, _, err := r.ReadRune()
		if err != nil {
			return string(buf)
		}
		buf = utf8.AppendRune(buf, c)
	}
}

// MatchReader reports whether the text returned by the RuneReader contains
// any match of the regular expression re.
func (re *Regexp) MatchReader(r io.RuneReader) bool {
	return re.matches(input{s: readAll(r)})
}

// MatchString reports whether the string s contains any match of the
// regular expression re.
func (re *Regexp) MatchString(s string) bool { return re.matches(input{s: s}) }

// Match reports whether the byte slice b contains any match of the
// regular expression re.
func (re *Regexp) Match(b []byte) bool { return re.matches(input{b: b, isBytes: true}) }

// Find returns a slice holding the text of the leftmost match in b of the
// regular expression. A return value of nil indicates no match.
func (re *Regexp) Find(b []byte) []byte {
	a := re.exec(input{b: b, isBytes: true}, 0, 2)
	if a == nil {
		return nil
	}
	return b[a[0]:a[1]:a[1]]
}

// FindIndex returns a two-element slice of integers defining the location
// of the leftmost match in b of the regular expression.
func (re *Regexp) FindIndex(b []byte) (m []int) {
	return re.exec(input{b: b, isBytes: true}, 0, 2)
}

// FindString returns a string holding the text of the leftmost match in s
// of the regular expression. If there is no match, the return value is an
// empty string.
func (re *Regexp) FindString(s string) string {
	a := re.exec(input{s: s}, 0, 2)
	if a == nil {
		return ""
	}
	return s[a[0]:a[1]]
}

// FindStringIndex returns a two-element slice of integers defining the
// location of the leftmost match in s of the regular expression.
func (re *Regexp) FindStringIndex(s string) (m []int) {
	return re.exec(input{s: s}, 0, 2)
}

// FindReaderIndex returns a two-element slice of integers defining the
// location of the leftmost match of the regular expression in text read
// from the RuneReader.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (m []int) {
	return re.exec(input{s: readAll(r)}, 0, 2)
}

// FindSubmatch returns a slice of slices holding the text of the leftmost
// match of the regular expression in b and the matches, if any, of its
// subexpressions.
func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	a := re.exec(input{b: b, isBytes: true}, 0, re.subSlots())
	if a == nil {
		return nil
	}
	return bytesOf(b, a)
}

func bytesOf(b []byte, a []int) [][]byte {
	out := make([][]byte, len(a)/2)
	for i := range out {
		if lo, hi := a[2*i], a[2*i+1]; lo >= 0 {
			out[i] = b[lo:hi:hi]
		}
	}
	return out
}

func stringsOf(s string, a []int) []string {
	out := make([]string, len(a)/2)
	for i := range out {
		if lo := a[2*i]; lo >= 0 {
			out[i] = s[lo:a[2*i+1]]
		}
	}
	return out
}

// FindStringSubmatch returns a slice of strings holding the text of the
// leftmost match of the regular expression in s and the matches, if any,
// of its subexpressions.
func (re *Regexp) FindStringSubmatch(s string) []string {
	a := re.exec(input{s: s}, 0, re.subSlots())
	if a == nil {
		return nil
	}
	return stringsOf(s, a)
}

// FindSubmatchIndex returns a slice holding the index pairs identifying
// the leftmost match of the regular expression in b and the matches, if
// any, of its subexpressions.
func (re *Regexp) FindSubmatchIndex(b []byte) []int {
	return re.exec(input{b: b, isBytes: true}, 0, re.subSlots())
}

// FindStringSubmatchIndex returns a slice holding the index pairs
// identifying the leftmost match of the regular expression in s and the
// matches, if any, of its subexpressions.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	return re.exec(input{s: s}, 0, re.subSlots())
}

// FindReaderSubmatchIndex returns a slice holding the index pairs
// identifying the leftmost match of the regular expression of text read
// by the RuneReader, and the matches, if any, of its subexpressions.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int {
	return re.exec(input{s: readAll(r)}, 0, re.subSlots())
}

// FindAll is the 'All' version of Find.
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	var out [][]byte
	re.all(input{b: b, isBytes: true}, n, 2, func(a []int) {
		out = append(out, b[a[0]:a[1]:a[1]])
	})
	return out
}

// FindAllIndex is the 'All' version of FindIndex.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	var out [][]int
	re.all(input{b: b, isBytes: true}, n, 2, func(a []int) { out = append(out, a) })
	return out
}

// FindAllString is the 'All' version of FindString.
func (re *Regexp) FindAllString(s string, n int) []string {
	var out []string
	re.all(input{s: s}, n, 2, func(a []int) { out = append(out, s[a[0]:a[1]]) })
	return out
}

// FindAllStringIndex is the 'All' version of FindStringIndex.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	var out [][]int
	re.all(input{s: s}, n, 2, func(a []int) { out = append(out, a) })
	return out
}

// FindAllSubmatch is the 'All' version of FindSubmatch.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	var out [][][]byte
	re.all(input{b: b, isBytes: true}, n, re.subSlots(), func(a []int) {
		out = append(out, bytesOf(b, a))
	})
	return out
}

// FindAllStringSubmatch is the 'All' version of FindStringSubmatch.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var out [][]string
	re.all(input{s: s}, n, re.subSlots(), func(a []int) {
		out = append(out, stringsOf(s, a))
	})
	return out
}

// FindAllSubmatchIndex is the 'All' version of FindSubmatchIndex.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	var out [][]int
	re.all(input{b: b, isBytes: true}, n, re.subSlots(), func(a []int) { out = append(out, a) })
	return out
}

// FindAllStringSubmatchIndex is the 'All' version of
// FindStringSubmatchIndex.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var out [][]int
	re.all(input{s: s}, n, re.subSlots(), func(a []int) { out = append(out, a) })
	return out
}

// replace returns the input with every match replaced by what repl
// appends for it. An empty match right after a match is not replaced.
func (re *Regexp) replace(in input, slots int, repl func(dst []byte, a []int) []byte) []byte {
	var out []byte
	end := in.len()
	copied := 0 // the input before this is in out
	for pos := 0; pos <= end; {
		a := re.exec(in, pos, slots)
		if a == nil {
			break
		}
		out = in.appendRange(out, copied, a[0])
		if a[1] > copied || a[0] == 0 {
			out = repl(out, a)
		}
		copied = a[1]
		w := in.width(pos)
		switch {
		case pos+w > a[1]:
			pos += w
		case pos+1 > a[1]:
			pos++
		default:
			pos = a[1]
		}
	}
	return in.appendRange(out, copied, end)
}

func (in input) appendRange(dst []byte, lo, hi int) []byte {
	if in.isBytes {
		return append(dst, in.b[lo:hi]...)
	}
	return append(dst, in.s[lo:hi]...)
}

// templateSlots is how many index slots expanding template needs.
func (re *Regexp) templateSlots(template string) int {
	if strings.IndexByte(template, '$') >= 0 {
		return re.subSlots()
	}
	return 2
}

// ReplaceAllString returns a copy of src, replacing matches of the Regexp
// with the replacement string repl. Inside repl, $ signs are interpreted
// as in Expand.
func (re *Regexp) ReplaceAllString(src string, repl string) string {
	in := input{s: src}
	return string(re.replace(in, re.templateSlots(repl), func(dst []byte, a []int) []byte {
		return re.expand(dst, repl, in, a)
	}))
}

// ReplaceAllLiteralString returns a copy of src, replacing matches of the
// Regexp with the replacement string repl. The replacement repl is
// substituted directly, without using Expand.
func (re *Regexp) ReplaceAllLiteralString(src string, repl string) string {
	return string(re.replace(input{s: src}, 2, func(dst []byte, a []int) []byte {
		return append(dst, repl...)
	}))
}

// ReplaceAllStringFunc replaces each match in src by what repl returns
// for the matched text.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return string(re.replace(input{s: src}, 2, func(dst []byte, a []int) []byte {
		return append(dst, repl(src[a[0]:a[1]])...)
	}))
}

// ReplaceAll returns a copy of src, replacing matches of the Regexp with
// the replacement text repl. Inside repl, $ signs are interpreted as in
// Expand.
func (re *Regexp) ReplaceAll(src []byte, repl []byte) []byte {
	in := input{b: src, isBytes: true}
	template := string(repl)
	return re.replace(in, re.templateSlots(template), func(dst []byte, a []int) []byte {
		return re.expand(dst, template, in, a)
	})
}

// ReplaceAllLiteral returns a copy of src, replacing matches of the Regexp
// with the replacement bytes repl. The replacement repl is substituted
// directly, without using Expand.
func (re *Regexp) ReplaceAllLiteral(src []byte, repl []byte) []byte {
	return re.replace(input{b: src, isBytes: true}, 2, func(dst []byte, a []int) []byte {
		return append(dst, repl...)
	})
}

// ReplaceAllFunc returns a copy of src in which all matches of the Regexp
// have been replaced by the return value of function repl applied to the
// matched byte slice.
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return re.replace(input{b: src, isBytes: true}, 2, func(dst []byte, a []int) []byte {
		return append(dst, repl(src[a[0]:a[1]])...)
	})
}

// Expand appends template to dst with each $1, $name or ${name} in it
// replaced by that submatch of src as located by match (the result of
// FindSubmatchIndex); $$ stands for a $.
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	return re.expand(dst, string(template), input{b: src, isBytes: true}, match)
}

// ExpandString is like Expand but the template and source are strings.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return re.expand(dst, template, input{s: src}, match)
}

func (re *Regexp) expand(dst []byte, template string, src input, match []int) []byte {
	for {
		i := strings.IndexByte(template, '$')
		if i < 0 {
			return append(dst, template...)
		}
		dst = append(dst, template[:i]...)
		template = template[i:]
		if strings.HasPrefix(template, "$$") {
			dst = append(dst, '$')
			template = template[2:]
			continue
		}
		name, num, rest, ok := reference(template)
		if !ok {
			// Not a reference: the $ is plain text.
			dst = append(dst, '$')
			template = template[1:]
			continue
		}
		template = rest
		for g := range re.names {
			if num >= 0 && g != num || num < 0 && re.names[g] != name {
				continue
			}
			if 2*g+1 < len(match) && match[2*g] >= 0 {
				dst = src.appendRange(dst, match[2*g], match[2*g+1])
				break
			}
			if num >= 0 {
				break
			}
		}
	}
}

// reference parses the $name or ${name} at the start of s: the name, its
// number if it is a plain decimal group number (-1 otherwise) and the
// text after it.
func reference(s string) (name string, num int, rest string, ok bool) {
	if len(s) < 2 {
		return
	}
	braced := s[1] == '{'
	s = s[1:]
	if braced {
		s = s[1:]
	}
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		n += w
	}
	if n == 0 {
		return
	}
	name = s[:n]
	if braced {
		if n == len(s) || s[n] != '}' {
			return
		}
		n++
	}
	num = -1
	if len(name) == 1 || name[0] != '0' {
		num = 0
		for i := 0; i < len(name); i++ {
			d := name[i]
			if d < '0' || d > '9' || num >= 100000000 {
				num = -1
				break
			}
			num = num*10 + int(d-'0')
		}
	}
	return name, num, s[n:], true
}

// Split slices s into substrings separated by the expression and returns
// a slice of the substrings between those expression matches.
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if s == "" && re.expr != "" {
		return []string{""}
	}
	var out []string
	start, last := 0, 0
	for _, m := range re.FindAllStringIndex(s, n) {
		if n > 0 && len(out) == n-1 {
			break
		}
		last = m[0]
		if m[1] != 0 {
			out = append(out, s[start:last])
		}
		start = m[1]
	}
	if last != len(s) {
		out = append(out, s[start:])
	}
	return out
}

// AppendText implements encoding.TextAppender. The output matches that
// of calling the String method.
func (re *Regexp) AppendText(b []byte) ([]byte, error) {
	return append(b, re.expr...), nil
}

// MarshalText implements encoding.TextMarshaler. The output matches that
// of calling the String method.
func (re *Regexp) MarshalText() ([]byte, error) {
	return []byte(re.expr), nil
}

// UnmarshalText implements encoding.TextUnmarshaler by calling Compile on
// the encoded value.
func (re *Regexp) UnmarshalText(text []byte) error {
	c, err := Compile(string(text))
	if err != nil {
		return err
	}
	*re = *c
	return nil
}
