package main

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(?P<host>[a-z]+)\.(com|org)`)
	text := "mail bob@example.com, alice@site.org and x@y.net"
	fmt.Println(re.String(), re.NumSubexp(), re.SubexpNames(), re.SubexpIndex("host"), re.SubexpIndex("nope"))
	fmt.Println(re.MatchString(text), re.Match([]byte("nothing")))
	fmt.Printf("%q\n", re.FindString(text))
	fmt.Println(re.FindStringIndex(text))
	fmt.Printf("%q\n", re.FindStringSubmatch(text))
	fmt.Println(re.FindStringSubmatchIndex(text))
	fmt.Printf("%q\n", re.FindAllString(text, -1))
	fmt.Printf("%q\n", re.FindAllString(text, 1))
	fmt.Println(re.FindAllStringIndex(text, -1))
	fmt.Printf("%q\n", re.FindAllStringSubmatch(text, -1))
	fmt.Println(re.FindAllStringSubmatchIndex(text, -1))
	fmt.Printf("%q\n", re.Find([]byte(text)))
	fmt.Println(re.FindIndex([]byte(text)))
	fmt.Printf("%q\n", re.FindSubmatch([]byte(text)))
	fmt.Println(re.FindSubmatchIndex([]byte(text)))
	fmt.Printf("%q\n", re.FindAll([]byte(text), -1))
	fmt.Println(re.FindAllIndex([]byte(text), 5))
	fmt.Printf("%q\n", re.FindAllSubmatch([]byte(text), -1))
	fmt.Println(re.FindAllSubmatchIndex([]byte(text), -1))
	fmt.Println(re.FindReaderIndex(strings.NewReader(text)))
	fmt.Println(re.FindReaderSubmatchIndex(strings.NewReader(text)))
	fmt.Println(re.MatchReader(strings.NewReader(text)))
	fmt.Printf("%q %v\n", re.FindString("none"), re.FindStringSubmatch("none") == nil)

	// Replacement and expansion.
	fmt.Println(re.ReplaceAllString(text, "<$2|${1}x|$1x|$$|$host|${host}|$9|$|${bad>"))
	fmt.Println(re.ReplaceAllLiteralString(text, "<$1>"))
	fmt.Println(re.ReplaceAllStringFunc(text, strings.ToUpper))
	fmt.Printf("%s\n", re.ReplaceAll([]byte(text), []byte("[$3]")))
	fmt.Printf("%s\n", re.ReplaceAllLiteral([]byte(text), []byte("[$3]")))
	fmt.Printf("%s\n", re.ReplaceAllFunc([]byte(text), func(b []byte) []byte { return []byte(fmt.Sprint(len(b))) }))
	m := re.FindStringSubmatchIndex(text)
	fmt.Printf("%s\n", re.ExpandString([]byte("got: "), "$host/$1 ${3}!", text, m))
	fmt.Printf("%s\n", re.Expand(nil, []byte("$0"), []byte(text), m))

	// Empty matches.
	for _, p := range []string{`x*`, `a*`, `\b`, `^`, `$`, `(?m)^`, `(?m)$`, ``, `a|`, `|a`} {
		r := regexp.MustCompile(p)
		fmt.Printf("%-6s %v %q %q\n", p, r.FindAllStringIndex("baaxc a", -1), r.ReplaceAllString("baaxc a", "-"), r.Split("baaxc a", -1))
	}
	// Split.
	sp := regexp.MustCompile(`,\s*`)
	fmt.Printf("%q %q %q %q %q\n", sp.Split("a, b,c,  d", -1), sp.Split("a, b,c", 2), sp.Split("", -1), sp.Split("a,b", 0), regexp.MustCompile("").Split("", -1))
	fmt.Printf("%q\n", regexp.MustCompile("a*").Split("abaabaccadaaae", 5))

	// Unicode and byte offsets.
	u := regexp.MustCompile(`\p{Greek}+|[é-ë]+|\d+`)
	fmt.Println(u.FindAllStringIndex("αβγ café 42 ééë ٣", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`.`).FindAllString("日本", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`(?i)straße|k`).FindAllString("STRASSE Straße \u212a K k", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`\w+`).FindAllString("héllo wörld_1", -1))
	fmt.Printf("%+q\n", regexp.MustCompile(`\s+`).Split("a\tb\vc\u00a0d  e", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`[[:alpha:]]+|[[:^alnum:][:space:]]`).FindAllString("ab1 c-d", -1))

	// Flags, greediness.
	fmt.Printf("%q\n", regexp.MustCompile(`a+?`).FindString("aaa"))
	fmt.Printf("%q\n", regexp.MustCompile(`(?U)a+`).FindString("aaa"))
	fmt.Printf("%q\n", regexp.MustCompile(`(?U)a+?`).FindString("aaa"))
	fmt.Printf("%q\n", regexp.MustCompile(`(?s)a.b`).FindAllString("a\nb axb", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`a.b`).FindAllString("a\nb axb", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`(?m)^\w+$`).FindAllString("one\ntwo\nthree", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`^\w+$`).FindAllString("one\ntwo", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`x(?i:AB)c|q(?i)Z`).FindAllString("xabc xABc xabC qz", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`\Qa.b*\E+`).FindAllString("a.b** a.bb", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`[^a]`).FindAllString("a\nb", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`\x41\x{42}\101\0[\d-]`).FindString("ABA\x00-"))
	fmt.Printf("%q\n", regexp.MustCompile(`a{2}b{1,}c{0,2}d{3,5}`).FindAllString("aabcddd aabbbccdddddd", -1))

	// Longest and POSIX.
	l := regexp.MustCompile(`a|ab|abc`)
	fmt.Printf("%q ", l.FindString("abcd"))
	l.Longest()
	fmt.Printf("%q\n", l.FindString("abcd"))
	px := regexp.MustCompilePOSIX(`(a|ab)(c|bcd)`)
	fmt.Println(px.FindStringSubmatchIndex("abcd"))
	fmt.Printf("%q\n", regexp.MustCompilePOSIX(`^a.$`).FindAllString("ab\na\nac", -1))
	fmt.Printf("%q\n", regexp.MustCompilePOSIX(`[^a]`).FindAllString("b\n", -1))

	// LiteralPrefix, QuoteMeta, package functions.
	for _, p := range []string{`abc`, `abc+`, `(ab)c`, `^abc`, `^abc$`, `a{3}`, `abc|abd`, `(?i)abc`, `a.c`} {
		pre, c := regexp.MustCompile(p).LiteralPrefix()
		fmt.Printf("%s %q %v\n", p, pre, c)
	}
	q := regexp.QuoteMeta(`1.5+2*[x](y){z}^$|\?`)
	fmt.Println(q, regexp.MustCompile(q).MatchString(`1.5+2*[x](y){z}^$|\?`))
	fmt.Println(regexp.MatchString(`^\d+$`, "123"))
	fmt.Println(regexp.Match(`b+`, []byte("abc")))
	fmt.Println(regexp.MatchReader(`z`, strings.NewReader("abc")))
	fmt.Println(regexp.MatchString(`(`, "x"))

	// Errors.
	for _, p := range []string{"(a", "a)", "[a", "[z-a]", `\p{Foo}`, `a\`, "a**", "*a", "x{1001}", `\8`, "(?P<n!>a)", "(?z)", `\xZ`, "(a{500}){3}", "\xff"} {
		_, err := regexp.Compile(p)
		var se *syntax.Error
		fmt.Println(err, errors.As(err, &se) && se.Code != "")
	}
	_, err := regexp.CompilePOSIX(`\d`)
	fmt.Printf("%v %T\n", err, err)

	// Text marshaling, Copy.
	b, _ := re.MarshalText()
	var re2 regexp.Regexp
	fmt.Println(string(b), re2.UnmarshalText([]byte("a(b")), re2.UnmarshalText([]byte("o+")), re2.FindString("foo"))
	at, _ := re2.AppendText([]byte("re="))
	fmt.Println(string(at), re2.Copy().String())

	defer func() { fmt.Println("recovered:", recover()) }()
	regexp.MustCompile("a(b\n")
}
