package tests

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	xfs "difftest/x/io/fs"
	xos "difftest/x/os"
	xexec "difftest/x/os/exec"
	xfilepath "difftest/x/path/filepath"
)

// names lists the entry names (and IsDir) of a ReadDir result.
func names[E interface {
	Name() string
	IsDir() bool
}](es []E) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprint(e.Name(), e.IsDir()))
	}
	return out
}

func TestOSFiles(t *testing.T) {
	dir := t.TempDir()
	p := func(s string) string { return filepath.Join(dir, s) }
	// Errors on missing files carry Go's texts.
	_, e1 := xos.Open(p("missing"))
	_, e2 := os.Open(p("missing"))
	same(t, "Open missing", errStr(e1), errStr(e2))
	same(t, "IsNotExist", xos.IsNotExist(e1), os.IsNotExist(e2))
	same(t, "errors.Is", errors.Is(e1, xfs.ErrNotExist), errors.Is(e2, fs.ErrNotExist))
	_, e1 = xos.ReadFile(dir)
	_, e2 = os.ReadFile(dir)
	same(t, "ReadFile dir", errStr(e1), errStr(e2))
	same(t, "Mkdir exists", errStr(xos.Mkdir(dir, 0755)), errStr(os.Mkdir(dir, 0755)))
	same(t, "IsExist", xos.IsExist(xos.Mkdir(dir, 0755)), os.IsExist(os.Mkdir(dir, 0755)))
	same(t, "Remove missing", errStr(xos.Remove(p("nope"))), errStr(os.Remove(p("nope"))))
	same(t, "Rename missing", errStr(xos.Rename(p("a"), p("b"))), errStr(os.Rename(p("a"), p("b"))))

	// Write with ours, read with Go's, and the reverse.
	data := []byte(strings.Repeat("hello, world\n", 1000))
	same(t, "WriteFile", errStr(xos.WriteFile(p("x.txt"), data, 0644)), "<nil>")
	got, err := os.ReadFile(p("x.txt"))
	same(t, "cross read", []any{string(got) == string(data), errStr(err)}, []any{true, "<nil>"})
	os.WriteFile(p("y.txt"), data[:100], 0600)
	got, err = xos.ReadFile(p("y.txt"))
	same(t, "cross read 2", []any{string(got), errStr(err)}, []any{string(data[:100]), "<nil>"})
	fi1, _ := xos.Stat(p("x.txt"))
	fi2, _ := os.Stat(p("x.txt"))
	same(t, "Stat", []any{fi1.Name(), fi1.Size(), fi1.Mode().String(), fi1.IsDir(), fi1.ModTime().UnixNano()},
		[]any{fi2.Name(), fi2.Size(), fi2.Mode().String(), fi2.IsDir(), fi2.ModTime().UnixNano()})
	d1, _ := xos.Stat(dir)
	d2, _ := os.Stat(dir)
	same(t, "Stat dir mode", d1.Mode().String(), d2.Mode().String())

	// File methods.
	f1, _ := xos.OpenFile(p("rw"), xos.O_RDWR|xos.O_CREATE, 0644)
	f2, _ := os.OpenFile(p("rw2"), os.O_RDWR|os.O_CREATE, 0644)
	for _, s := range []string{"abc", "", "defgh\n"} {
		n1, e1 := f1.WriteString(s)
		n2, e2 := f2.WriteString(s)
		same(t, "WriteString", []any{n1, errStr(e1)}, []any{n2, errStr(e2)})
	}
	o1, _ := f1.Seek(1, 0)
	o2, _ := f2.Seek(1, 0)
	same(t, "Seek", o1, o2)
	b1, b2 := make([]byte, 4), make([]byte, 4)
	n1, e1 := f1.Read(b1)
	n2, e2 := f2.Read(b2)
	same(t, "Read", []any{n1, errStr(e1), b1}, []any{n2, errStr(e2), b2})
	n1, e1 = f1.ReadAt(b1, 6)
	n2, e2 = f2.ReadAt(b2, 6)
	same(t, "ReadAt EOF", []any{n1, errStr(e1)}, []any{n2, errStr(e2)})
	f1.Seek(0, 2)
	f2.Seek(0, 2)
	n1, e1 = f1.Read(b1)
	n2, e2 = f2.Read(b2)
	same(t, "Read EOF", []any{n1, errStr(e1)}, []any{n2, errStr(e2)})
	same(t, "Close", errStr(f1.Close()), errStr(f2.Close()))
	e1, e2 = f1.Close(), f2.Close()
	same(t, "Close twice", strings.Replace(errStr(e1), "rw", "rw2", 1), errStr(e2))
	_, e1 = f1.Write([]byte("x"))
	_, e2 = f2.Write([]byte("x"))
	same(t, "Write closed", strings.Replace(errStr(e1), "rw", "rw2", 1), errStr(e2))

	// Directories.
	same(t, "MkdirAll", errStr(xos.MkdirAll(p("a/b/c"), 0755)), "<nil>")
	same(t, "MkdirAll again", errStr(xos.MkdirAll(p("a/b/c"), 0755)), "<nil>")
	same(t, "MkdirAll file", errStr(xos.MkdirAll(p("x.txt/q"), 0755)), errStr(os.MkdirAll(p("x.txt/q"), 0755)))
	os.WriteFile(p("a/z"), nil, 0644)
	os.WriteFile(p("a/b/y"), nil, 0644)
	r1, _ := xos.ReadDir(p("a"))
	r2, _ := os.ReadDir(p("a"))
	same(t, "ReadDir", names(r1), names(r2))
	var w1, w2 []string
	xfilepath.WalkDir(dir, func(path string, d xfs.DirEntry, err error) error {
		w1 = append(w1, strings.TrimPrefix(path, dir)+fmt.Sprint(d.IsDir()))
		return nil
	})
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		w2 = append(w2, strings.TrimPrefix(path, dir)+fmt.Sprint(d.IsDir()))
		return nil
	})
	same(t, "WalkDir", w1, w2)
	g1, _ := xfilepath.Glob(p("*.txt"))
	g2, _ := filepath.Glob(p("*.txt"))
	same(t, "Glob", g1, g2)
	same(t, "RemoveAll", errStr(xos.RemoveAll(p("a"))), "<nil>")
	_, err = os.Stat(p("a"))
	same(t, "RemoveAll gone", os.IsNotExist(err), true)
	same(t, "RemoveAll missing", errStr(xos.RemoveAll(p("a"))), errStr(os.RemoveAll(p("a"))))
	tf, err := xos.CreateTemp(dir, "pre*suf")
	same(t, "CreateTemp", []any{err == nil, strings.HasPrefix(filepath.Base(tf.Name()), "pre"), strings.HasSuffix(tf.Name(), "suf")}, []any{true, true, true})
	tf.Close()
	_, e1 = xos.CreateTemp(dir, "a/b")
	_, e2 = os.CreateTemp(dir, "a/b")
	same(t, "CreateTemp bad", errStr(e1), errStr(e2))
	for _, q := range []string{"a/../b", "/x/y", "x", "", "../x", "./y/"} {
		a1, _ := xfilepath.Rel("/a/b", q)
		a2, _ := filepath.Rel("/a/b", q)
		same(t, "Rel "+q, a1, a2)
		same(t, "IsLocal "+q, xfilepath.IsLocal(q), filepath.IsLocal(q))
	}
}

func TestOSEnvAndExec(t *testing.T) {
	xos.Setenv("RGO_DIFF_A", "1")
	v, ok := os.LookupEnv("RGO_DIFF_A")
	same(t, "Setenv", []any{v, ok}, []any{"1", true})
	same(t, "Setenv bad", errStr(xos.Setenv("", "x")), errStr(os.Setenv("", "x")))
	same(t, "Setenv =", errStr(xos.Setenv("a=b", "x")), errStr(os.Setenv("a=b", "x")))
	for _, s := range []string{"$RGO_DIFF_A", "${RGO_DIFF_A}x", "$", "${", "${}", "$$", "$1a", "a$RGO_DIFF_A$", "${RGO_DIFF_A", "$@"} {
		same(t, "ExpandEnv "+s, xos.ExpandEnv(s), os.ExpandEnv(s))
	}
	same(t, "Getpid", xos.Getpid(), os.Getpid())
	wd1, _ := xos.Getwd()
	wd2, _ := os.Getwd()
	same(t, "Getwd", wd1, wd2)

	out1, err1 := xexec.Command("sh", "-c", "echo out; echo err >&2; exit 3").Output()
	out2, err2 := exec.Command("sh", "-c", "echo out; echo err >&2; exit 3").Output()
	same(t, "Output", []any{string(out1), errStr(err1)}, []any{string(out2), errStr(err2)})
	var ee1 *xexec.ExitError
	var ee2 *exec.ExitError
	errors.As(err1, &ee1)
	errors.As(err2, &ee2)
	same(t, "ExitError", []any{ee1.ExitCode(), string(ee1.Stderr), ee1.Exited()}, []any{ee2.ExitCode(), string(ee2.Stderr), ee2.Exited()})
	c1, _ := xexec.Command("sh", "-c", "echo a; echo b >&2").CombinedOutput()
	c2, _ := exec.Command("sh", "-c", "echo a; echo b >&2").CombinedOutput()
	same(t, "CombinedOutput", string(c1), string(c2))
	cmd1 := xexec.Command("cat")
	cmd2 := exec.Command("cat")
	cmd1.Stdin = strings.NewReader("piped in")
	cmd2.Stdin = strings.NewReader("piped in")
	o1, _ := cmd1.Output()
	o2, _ := cmd2.Output()
	same(t, "Stdin", string(o1), string(o2))
	err1 = xexec.Command("sh", "-c", "kill -9 $$").Run()
	err2 = exec.Command("sh", "-c", "kill -9 $$").Run()
	same(t, "signal", errStr(err1), errStr(err2))
	err1 = xexec.Command("no-such-command-rgo").Run()
	err2 = exec.Command("no-such-command-rgo").Run()
	same(t, "not found", errStr(err1), errStr(err2))
	same(t, "String", xexec.Command("sh", "-c", "x").String(), exec.Command("sh", "-c", "x").String())
	_, l1 := xexec.LookPath("/nonexistent/x")
	_, l2 := exec.LookPath("/nonexistent/x")
	same(t, "LookPath", errStr(l1), errStr(l2))
	env1 := xexec.Command("true").Environ()
	env2 := exec.Command("true").Environ()
	slices.Sort(env1)
	slices.Sort(env2)
	same(t, "Environ", env1, env2)
}
