// os/exec: running commands with captured, piped and combined output,
// standard input, exit codes, signals, Dir and Env, lookup failures.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func show(label string, err error) {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		fmt.Printf("%s: %v (ExitError code=%d exited=%v success=%v)\n", label, err, ee.ExitCode(), ee.Exited(), ee.Success())
		return
	}
	fmt.Printf("%s: %v\n", label, err)
}

func main() {
	out, err := exec.Command("echo", "hello", "world").Output()
	fmt.Printf("%q %v\n", out, err)

	out, err = exec.Command("sh", "-c", "echo out; echo err >&2; exit 3").CombinedOutput()
	fmt.Printf("%q\n", out)
	show("combined", err)

	cmd := exec.Command("sh", "-c", "echo to-stderr >&2; exit 7")
	out, err = cmd.Output()
	fmt.Printf("%q %d\n", out, cmd.ProcessState.ExitCode())
	show("output", err)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		fmt.Printf("stderr kept: %q\n", ee.Stderr)
	}

	show("true", exec.Command("true").Run())
	show("false", exec.Command("false").Run())
	show("killed", exec.Command("sh", "-c", "kill -9 $$").Run())

	// Standard input from a reader, output into a buffer.
	cmd = exec.Command("tr", "a-z", "A-Z")
	cmd.Stdin = strings.NewReader(strings.Repeat("abc\n", 5000))
	var buf bytes.Buffer
	cmd.Stdout = &buf
	show("tr", cmd.Run())
	fmt.Println(buf.Len(), strings.Count(buf.String(), "ABC\n"))

	// Pipes with Start and Wait.
	cmd = exec.Command("sh", "-c", "read x; echo got $x; echo line2")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		fmt.Println("start:", err)
		return
	}
	fmt.Fprintln(stdin, "ping")
	stdin.Close()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		fmt.Println("read:", sc.Text())
	}
	show("wait", cmd.Wait())
	fmt.Println(cmd.ProcessState.String(), cmd.ProcessState.Exited(), cmd.ProcessState.Success())
	show("wait again", cmd.Wait())
	show("start again", cmd.Start())

	// Dir and Env.
	cmd = exec.Command("pwd")
	cmd.Dir = "/"
	out, err = cmd.Output()
	fmt.Printf("%q %v\n", out, err)
	cmd = exec.Command("sh", "-c", "echo $RGO_A-$RGO_B")
	cmd.Env = []string{"RGO_A=one", "RGO_B=two"}
	out, err = cmd.Output()
	fmt.Printf("%q %v\n", out, err)
	os.Setenv("RGO_INHERITED", "yes")
	out, _ = exec.Command("sh", "-c", "echo $RGO_INHERITED").Output()
	fmt.Printf("%q\n", out)
	cmd = exec.Command("env")
	cmd.Env = []string{"ONLY=this"}
	out, _ = cmd.Output()
	fmt.Printf("%q\n", out)

	// Lookup and start failures.
	p, err := exec.LookPath("sh")
	fmt.Println(filepath.Base(p), filepath.IsAbs(p), err)
	_, err = exec.LookPath("rgo-no-such-program")
	fmt.Println(err, errors.Is(err, exec.ErrNotFound))
	cmd = exec.Command("rgo-no-such-program", "x")
	fmt.Println(cmd.Err)
	show("run missing", cmd.Run())
	show("run bad path", exec.Command("/nonexistent/prog").Run())
	show("run dir", exec.Command("/").Run())
	cmd = exec.Command("true")
	cmd.Dir = "/nonexistent-dir"
	show("bad dir", cmd.Run())
	fmt.Println(exec.Command("/bin/echo", "a", "b").String())

	// ExtraFiles become descriptors 3 and up; a *os.File is passed as is.
	r, w, _ := os.Pipe()
	cmd = exec.Command("sh", "-c", "echo via-fd3 >&3; echo direct")
	cmd.ExtraFiles = []*os.File{w}
	cmd.Stdout = os.Stdout
	show("extra", cmd.Run())
	w.Close()
	got, _ := io.ReadAll(r)
	fmt.Printf("%q\n", got)

	// Output with Stdout already set is refused.
	cmd = exec.Command("true")
	cmd.Stdout = io.Discard
	_, err = cmd.Output()
	fmt.Println(err)
}
