package tests

import (
	"fmt"
	"path/filepath"
	"testing"

	xfp "difftest/x/path/filepath"
)

// TestFilepathRelCorners compares Rel on pairs of awkward paths.
func TestFilepathRelCorners(t *testing.T) {
	ps := []string{"", ".", "..", "/", "a", "a/b", "a/b/c", "/a", "/a/b", "/a/c/d", "../a", "../b", "../../x", "a/../b", "./a/./b/", "//a//b//"}
	for _, b := range ps {
		for _, g := range ps {
			r1, e1 := xfp.Rel(b, g)
			r2, e2 := filepath.Rel(b, g)
			if r1 != r2 || fmt.Sprint(e1) != fmt.Sprint(e2) {
				t.Errorf("Rel(%q,%q) = %q,%v want %q,%v", b, g, r1, e1, r2, e2)
			}
		}
	}
}
