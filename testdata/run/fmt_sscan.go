package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type MyInt int16
type MyStr string
type MyBytes []byte
type MyFloat float32
type MyBool bool
type MyUint uint8
type IntPtr *int

type point struct{ x, y int }

func (p *point) Scan(st fmt.ScanState, verb rune) error {
	_, err := fmt.Fscanf(st, "(%d,%d)", &p.x, &p.y)
	return err
}

type word struct {
	s    string
	w    int
	wok  bool
	verb rune
}

func (w *word) Scan(st fmt.ScanState, verb rune) error {
	w.verb = verb
	w.w, w.wok = st.Width()
	tok, err := st.Token(true, func(r rune) bool { return r >= 'a' && r <= 'z' })
	w.s = string(tok)
	return err
}

type eofer struct{}

func (eofer) Scan(st fmt.ScanState, verb rune) error { return io.EOF }

type failer struct{}

func (*failer) Scan(st fmt.ScanState, verb rune) error {
	r, size, err := st.ReadRune()
	fmt.Printf("  failer read %q %d %v\n", r, size, err)
	st.UnreadRune()
	_, err = st.Read(make([]byte, 4))
	fmt.Println("  read:", err)
	return errors.New("failer says no")
}

func show(label string, n int, err error, vals ...any) {
	fmt.Printf("%-28s n=%d err=%v vals=%v\n", label, n, err, vals)
}

func main() {
	var a, b int
	var s string
	var f float64
	var f32 float32
	var u uint
	var i8 int8
	var u8 uint8
	var bl bool
	var c complex128
	var c64 complex64
	var bs []byte
	var r rune

	n, err := fmt.Sscan("12 34", &a, &b)
	show("Sscan ints", n, err, a, b)
	n, err = fmt.Sscan("  -7\n\n 0x1F", &a, &b)
	show("Sscan newline space", n, err, a, b)
	n, err = fmt.Sscan("0b101 0o17 017 1_000", &a, &b, &u, &i8)
	show("Sscan prefixes", n, err, a, b, u, i8)
	n, err = fmt.Sscan("", &a)
	show("Sscan empty", n, err)
	n, err = fmt.Sscan("   ", &a)
	show("Sscan spaces", n, err)
	n, err = fmt.Sscan("5", &a, &b)
	show("Sscan short", n, err, a)
	n, err = fmt.Sscan("abc", &a)
	show("Sscan letters", n, err)
	n, err = fmt.Sscan("300", &i8)
	show("Sscan int8 ovf", n, err, i8)
	n, err = fmt.Sscan("256", &u8)
	show("Sscan uint8 ovf", n, err, u8)
	n, err = fmt.Sscan("-5", &u)
	show("Sscan uint neg", n, err, u)
	n, err = fmt.Sscan("99999999999999999999", &a)
	show("Sscan big", n, err)
	n, err = fmt.Sscan("hello world", &s, &bs)
	show("Sscan strings", n, err, s, string(bs), len(bs), cap(bs))
	n, err = fmt.Sscan("3.25 -1e3 0x1p-2 1.5p3 inf -Inf nan", &f, &f32, &f, &f, &f, &f, &f)
	show("Sscan floats", n, err, f, f32)
	for _, in := range []string{"0x1p-2", "1.5p3", "1e", "+Inf", "NaN", "1_0.5", ".5", "1p", "1pz", "x"} {
		f = 0
		n, err = fmt.Sscan(in, &f)
		show("float "+in, n, err, f)
	}
	for _, in := range []string{"true", "false", "T", "F", "1", "0", "tr", "fa", "truex", "TRUE", "x", "t rue", "falsy"} {
		bl = false
		n, err = fmt.Sscan(in, &bl)
		show("bool "+in, n, err, bl)
	}
	for _, in := range []string{"(1+2i)", "1-2.5i", "(1+2i", "1+2", "3", "(1e3+1e-3i)", "inf+nani"} {
		c = 0
		n, err = fmt.Sscan(in, &c)
		show("complex "+in, n, err, c)
	}
	n, err = fmt.Sscan("2+3i", &c64)
	show("complex64", n, err, c64)

	var mi MyInt
	var ms MyStr
	var mb MyBytes
	var mf MyFloat
	var mbool MyBool
	var mu MyUint
	n, err = fmt.Sscan("-42 named bytes 2.5 true 200", &mi, &ms, &mb, &mf, &mbool, &mu)
	show("named", n, err, mi, ms, string(mb), len(mb), cap(mb), mf, mbool, mu)
	n, err = fmt.Sscan("40000", &mi)
	show("named ovf", n, err, mi)
	n, err = fmt.Sscan("1", a)
	show("not pointer", n, err)
	var pp *int
	n, err = fmt.Sscan("1", &pp)
	show("ptr ptr", n, err)
	var st point
	n, err = fmt.Sscan("1", &st.x, st)
	show("struct val", n, err)
	var sl []int
	n, err = fmt.Sscan("1", &sl)
	show("int slice", n, err)
	var nmi *MyInt
	n, err = fmt.Sscan("1", nmi)
	show("nil named", n, err)
	var ip int
	var ptr IntPtr = &ip
	n, err = fmt.Sscan("77", ptr)
	show("named ptr type", n, err, ip)

	var p point
	var w word
	n, err = fmt.Sscan("(3,4) abc123", &p, &w)
	show("Scanner", n, err, p, w.s, w.wok, string(w.verb))
	n, err = fmt.Sscan("x", eofer{})
	show("Scanner EOF", n, err)
	n, err = fmt.Sscan("zz", &a, new(failer))
	show("Scanner fail", n, err)
	n, err = fmt.Sscan("7 zz", &a, new(failer))
	show("Scanner fail2", n, err, a)

	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	show("Sscanln", n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	show("Sscanln short line", n, err, a)
	n, err = fmt.Sscanln("1 2 3", &a, &b)
	show("Sscanln extra", n, err, a, b)
	n, err = fmt.Sscanln("1 2   \n", &a, &b)
	show("Sscanln trailing", n, err, a, b)
	n, err = fmt.Sscanln("", &a)
	show("Sscanln empty", n, err)
	n, err = fmt.Sscanln("\n", &a)
	show("Sscanln nl", n, err)
	n, err = fmt.Sscanln("1 2\r\n", &a, &b)
	show("Sscanln crlf", n, err, a, b)

	rd := strings.NewReader("10 20\n30\n")
	for {
		n, err = fmt.Fscan(rd, &a)
		if err != nil {
			show("Fscan loop end", n, err)
			break
		}
		fmt.Println("got", a)
	}
	rd = strings.NewReader("1 2\n3 4\n5\n")
	for {
		n, err = fmt.Fscanln(rd, &a, &b)
		show("Fscanln loop", n, err, a, b)
		if err == io.EOF {
			break
		}
	}
	n, err = fmt.Sscan("héllo wörld", &s)
	show("utf8", n, err, s)
	n, err = fmt.Sscan("\xff\xfeab", &s)
	show("bad utf8", n, err, []byte(s))
	n, err = fmt.Sscan("x", &r)
	show("rune v", n, err, r)
	n, err = fmt.Sscanf("é", "%c", &r)
	show("rune c", n, err, r)
	n, err = fmt.Sscanf("é", "%c", &i8)
	show("int8 c ovf", n, err, i8)
	func() {
		defer func() { fmt.Println("nil arg:", recover().(error).Error()) }()
		fmt.Sscan("1", nil)
	}()
}
