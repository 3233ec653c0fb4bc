// text/tabwriter: layouts over inputs (columns, indentation, line breaks,
// formfeeds, vertical tabs, HTML, escapes, wide runes) under every flag and
// both kinds of padding; write errors and short writes; bad arguments.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

var inputs = []string{
	"a\tb\tc\naa\tbbb\tc\naaa\tb\tccccc\n",
	"x\ty\n\nlonger cell\tz\n\tindented\tmore\n\t\tdeeper\n",
	"no tabs at all\nsecond line\n",
	"unfinished\tcell",
	"one\ttwo\fthree\tfour\n",
	"a\vb\tc\n\v\tc\nxx\v\tc\n",
	"h<b>bold</b>\tx\n&amp;\ty\n<i\tz\n",
	"esc\xffa\tb\xff\tc\nq\tr\n",
	"日本語\tx\nab\ty\n",
	"\t\t\n\t\t\n",
	"trail\t\n\t\n",
}

type flagSet struct {
	name  string
	flags uint
}

var flagSets = []flagSet{
	{"none", 0},
	{"right", tabwriter.AlignRight},
	{"debug", tabwriter.Debug},
	{"html", tabwriter.FilterHTML},
	{"strip", tabwriter.StripEscape},
	{"discard", tabwriter.DiscardEmptyColumns},
	{"tabindent", tabwriter.TabIndent},
	{"all", tabwriter.AlignRight | tabwriter.Debug | tabwriter.FilterHTML | tabwriter.StripEscape | tabwriter.DiscardEmptyColumns | tabwriter.TabIndent},
}

type failing struct{ n int }

func (f *failing) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("sink full")
	}
	f.n--
	return len(p), nil
}

type short struct{}

func (short) Write(p []byte) (int, error) {
	if len(p) > 1 {
		return 1, nil
	}
	return len(p), nil
}

func main() {
	for _, in := range inputs {
		for _, fs := range flagSets {
			for _, pc := range []byte{'.', '\t'} {
				var sb strings.Builder
				w := tabwriter.NewWriter(&sb, 3, 4, 1, pc, fs.flags)
				// Write in two pieces to cross buffer boundaries.
				half := len(in) / 2
				w.Write([]byte(in[:half]))
				w.Write([]byte(in[half:]))
				w.Flush()
				fmt.Printf("%s/%q: %q\n", fs.name, pc, sb.String())
			}
		}
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "name\tsize\tkind")
	fmt.Fprintln(w, "tabwriter.go\t12345\tfile")
	fmt.Fprintln(w, "x\t1\tdir")
	w.Flush()
	f := &failing{n: 2}
	w = tabwriter.NewWriter(f, 0, 8, 1, ' ', 0)
	n, err := fmt.Fprint(w, "a\tb\nc\td\ne\tf\n")
	fmt.Println(n, err)
	fmt.Println(w.Flush())
	fmt.Println(w.Flush())
	w = tabwriter.NewWriter(short{}, 0, 8, 1, ' ', 0)
	fmt.Fprint(w, "abc\n")
	fmt.Println(w.Flush())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		tabwriter.NewWriter(os.Stdout, -1, 0, 0, ' ', 0)
	}()
}
