package tests

import (
	"os"
	"testing"

	xos "difftest/x/os"
)

// TestOSExpandCorners compares os.Expand on malformed and special names.
func TestOSExpandCorners(t *testing.T) {
	m := func(s string) string { return "<" + s + ">" }
	for _, in := range []string{"", "$", "a$", "$$", "${", "${}", "${a", "${a}", "${*}", "${**}", "$*x", "$1a", "$ab_9c!", "$-", "x${abc}y$def", "$ {x}", "${}$", "$!$?", "${1}", "$É", "$a$", "${x}}"} {
		if g, w := xos.Expand(in, m), os.Expand(in, m); g != w {
			t.Errorf("%q: got %q want %q", in, g, w)
		}
	}
}
