package tests

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"strings"
	"testing"
	"time"

	xflag "difftest/x/flag"
	xfmt "difftest/x/fmt"
	xlog "difftest/x/log"
	xt "difftest/x/time"
)

type listValue []string

func (l *listValue) String() string     { return strings.Join(*l, ",") }
func (l *listValue) Set(s string) error { *l = append(*l, s); return nil }

func TestFlag(t *testing.T) {
	argSets := [][]string{
		{}, {"-b"}, {"-b=false", "x"}, {"-i", "7", "rest", "-s", "x"}, {"--i=0x10", "--", "-b"}, {"-i"}, {"-i=abc"},
		{"-i=99999999999999999999"}, {"-u=-1"}, {"-f=1e3", "-d=1h2m"}, {"-d=bad"}, {"-nope"}, {"-h"}, {"-help"},
		{"---x"}, {"-=x"}, {"-", "a"}, {"-s", "--", "x"}, {"-l=a", "-l", "b", "-l=c"}, {"-b=maybe"}, {"-fn=ok"}, {"-fn=bad"},
		{"-bf"}, {"-bf=x"}, {"-i64=-5", "-u64=18446744073709551615"}, {"-u64=18446744073709551616"},
	}
	for _, args := range argSets {
		var out1, out2 bytes.Buffer
		fs1 := xflag.NewFlagSet("prog", xflag.ContinueOnError)
		fs2 := flag.NewFlagSet("prog", flag.ContinueOnError)
		fs1.SetOutput(&out1)
		fs2.SetOutput(&out2)
		b1, b2 := fs1.Bool("b", true, "a `bool` flag"), fs2.Bool("b", true, "a `bool` flag")
		i1, i2 := fs1.Int("i", 3, "an int\nover two lines"), fs2.Int("i", 3, "an int\nover two lines")
		s1, s2 := fs1.String("s", "def", "a string"), fs2.String("s", "def", "a string")
		u1, u2 := fs1.Uint("u", 0, "a uint"), fs2.Uint("u", 0, "a uint")
		f1, f2 := fs1.Float64("f", 0.5, "a float"), fs2.Float64("f", 0.5, "a float")
		d1, d2 := fs1.Duration("d", 0, "a duration"), fs2.Duration("d", 0, "a duration")
		j1, j2 := fs1.Int64("i64", 0, ""), fs2.Int64("i64", 0, "")
		k1, k2 := fs1.Uint64("u64", 1, "u64"), fs2.Uint64("u64", 1, "u64")
		var l1, l2 listValue
		fs1.Var(&l1, "l", "a list")
		fs2.Var(&l2, "l", "a list")
		fn := func(s string) error {
			if s == "bad" {
				return fmt.Errorf("bad value")
			}
			return nil
		}
		fs1.Func("fn", "a func", fn)
		fs2.Func("fn", "a func", fn)
		fs1.BoolFunc("bf", "a bool func", func(s string) error { return nil })
		fs2.BoolFunc("bf", "a bool func", func(s string) error { return nil })
		e1, e2 := fs1.Parse(args), fs2.Parse(args)
		id := strings.Join(args, " ")
		same(t, "Parse err "+id, errStr(e1), errStr(e2))
		same(t, "output "+id, out1.String(), out2.String())
		same(t, "values "+id, []any{*b1, *i1, *s1, *u1, *f1, int64(*d1), *j1, *k1, []string(l1)}, []any{*b2, *i2, *s2, *u2, *f2, int64(*d2), *j2, *k2, []string(l2)})
		same(t, "args "+id, []any{fs1.Args(), fs1.NArg(), fs1.NFlag(), fs1.Arg(0), fs1.Arg(9)}, []any{fs2.Args(), fs2.NArg(), fs2.NFlag(), fs2.Arg(0), fs2.Arg(9)})
		var v1, v2 []string
		fs1.Visit(func(f *xflag.Flag) { v1 = append(v1, f.Name+"="+f.Value.String()) })
		fs2.Visit(func(f *flag.Flag) { v2 = append(v2, f.Name+"="+f.Value.String()) })
		same(t, "Visit "+id, v1, v2)
	}
	var out1, out2 bytes.Buffer
	fs1 := xflag.NewFlagSet("p", xflag.ContinueOnError)
	fs2 := flag.NewFlagSet("p", flag.ContinueOnError)
	fs1.SetOutput(&out1)
	fs2.SetOutput(&out2)
	same(t, "Set unknown", errStr(fs1.Set("zz", "1")), errStr(fs2.Set("zz", "1")))
	fs1.Int("n", 0, "")
	fs2.Int("n", 0, "")
	same(t, "Set bad", errStr(fs1.Set("n", "x")), errStr(fs2.Set("n", "x")))
	samePanic(t, "redefined", func() any { fs1.Int("n", 0, ""); return nil }, func() any { fs2.Int("n", 0, ""); return nil })
	samePanic(t, "bad name", func() any { fs1.Int("-x", 0, ""); return nil }, func() any { fs2.Int("-x", 0, ""); return nil })
	same(t, "panic output", out1.String(), out2.String())
	name1, usage1 := xflag.UnquoteUsage(&xflag.Flag{Name: "x", Usage: "use `file` here", Value: new(listValue)})
	name2, usage2 := flag.UnquoteUsage(&flag.Flag{Name: "x", Usage: "use `file` here", Value: new(listValue)})
	same(t, "UnquoteUsage", []string{name1, usage1}, []string{name2, usage2})
	_ = time.Second
	_ = xt.Second
}

func TestLog(t *testing.T) {
	for _, flags := range []int{0, log.Lmsgprefix} {
		var b1, b2 bytes.Buffer
		l1 := xlog.New(&b1, "pre: ", flags)
		l2 := log.New(&b2, "pre: ", flags)
		l1.Print("a", 1, 2, "b")
		l2.Print("a", 1, 2, "b")
		l1.Printf("%d-%s", 5, "x")
		l2.Printf("%d-%s", 5, "x")
		l1.Println("line", 3)
		l2.Println("line", 3)
		l1.Print("ends\n")
		l2.Print("ends\n")
		l1.Output(1, "")
		l2.Output(1, "")
		samePanic(t, "Panicf", func() any { l1.Panicf("p%d", 1); return nil }, func() any { l2.Panicf("p%d", 1); return nil })
		same(t, fmt.Sprint("log flags ", flags), b1.String(), b2.String())
		l1.SetPrefix("[x] ")
		l2.SetPrefix("[x] ")
		same(t, "Prefix", []any{l1.Prefix(), l1.Flags()}, []any{l2.Prefix(), l2.Flags()})
	}
	// The date header, pinned to one second: compare only its shape.
	var b1 bytes.Buffer
	l1 := xlog.New(&b1, "", xlog.LstdFlags|xlog.Lmicroseconds|xlog.LUTC)
	l1.Print("t")
	got := b1.String()
	want := time.Now().UTC().Format("2006/01/02 15:04:05.000000") + " t\n"
	same(t, "date shape", len(got), len(want))
	same(t, "date prefix", got[:10], want[:10])
	same(t, "Sprint", xfmt.Sprint("a", 1), fmt.Sprint("a", 1))
	e := xfmt.Errorf("w: %w", errNamed)
	same(t, "Errorf unwrap", errorsUnwrap(e) == errNamed, true)
}

var errNamed = fmt.Errorf("named")

func errorsUnwrap(e error) error {
	if u, ok := e.(interface{ Unwrap() error }); ok {
		return u.Unwrap()
	}
	return nil
}
