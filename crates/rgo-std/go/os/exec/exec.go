// Package exec runs external commands. rgo: plain Go on os.StartProcess
// and os.Pipe (whose system calls are natives). Non-*os.File Stdin,
// Stdout and Stderr are connected through pipes and copying goroutines,
// as in Go.
package exec

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Error is a failure to find the program Name, as reported by LookPath.
type Error struct {
	// Name is the program name that was looked up.
	Name string
	// Err says why it could not be used.
	Err error
}

func (e *Error) Error() string {
	return misuse(strconv.Quote(e.Name) + ": " + e.Err.Error()).Error()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrWaitDelay is returned by Wait when WaitDelay expired before the
// child's output pipes were closed.
var ErrWaitDelay = misuse("WaitDelay expired before I/O complete")

// ErrNotFound means that no executable of the name is in $PATH.
var ErrNotFound = errors.New("executable file not found in $PATH")

// ErrDot means that the executable found came from a relative directory
// in $PATH, which LookPath refuses.
var ErrDot = errors.New("cannot run executable found relative to current directory")

// Cmd describes a command to run: set its fields, then call Run (or
// Start and Wait), Output or CombinedOutput. A Cmd runs only once.
type Cmd struct {
	Path         string     // program to run (resolved by Command)
	Args         []string   // arguments, Args[0] being the program name
	Env          []string   // environment; nil means the parent's
	Dir          string     // working directory; "" means the parent's
	Stdin        io.Reader  // nil means the null device
	Stdout       io.Writer  // nil means the null device
	Stderr       io.Writer  // nil means the null device
	ExtraFiles   []*os.File // further open files, from descriptor 3 on
	SysProcAttr  *syscall.SysProcAttr
	Process      *os.Process      // set by Start
	ProcessState *os.ProcessState // set by Wait
	Err          error            // an error from Command's LookPath
	Cancel       func() error     // called when a CommandContext's context ends
	WaitDelay    time.Duration

	ctx        context.Context
	toClose    []*os.File     // the child's ends of pipes and null files, closed after Start
	ourEnds    []io.Closer    // our ends of Std*Pipe pipes, closed by Wait
	copiers    []func() error // copying work between pipes and Std* values
	copyErrs   chan error
	finished   chan struct{} // closed when Wait is done
	lookupFail error
}

// Command returns a Cmd running program name with the given arguments. A
// name without a separator is looked up in $PATH; a lookup failure is
// kept in Err and reported by Start.
func Command(name string, arg ...string) *Cmd {
	c := &Cmd{Path: name, Args: append([]string{name}, arg...)}
	if filepath.Base(name) != name {
		return c
	}
	found, err := LookPath(name)
	if found != "" {
		c.Path = found
	}
	if err != nil {
		c.Err = err
	}
	return c
}

// CommandContext is Command whose process is killed (through Cancel) when
// ctx is done before the command finishes.
func CommandContext(ctx context.Context, name string, arg ...string) *Cmd {
	if ctx == nil {
		panic("nil Context")
	}
	c := Command(name, arg...)
	c.ctx = ctx
	c.Cancel = func() error { return c.Process.Kill() }
	return c
}

// String renders the command line, for debugging.
func (c *Cmd) String() string {
	if c.Err != nil || c.lookupFail != nil {
		return strings.Join(c.Args, " ") // Path may be unresolved
	}
	return strings.Join(append([]string{c.Path}, c.Args[1:]...), " ")
}

// Environ returns the environment the command will get: Env, or else the
// parent's plus PWD=Dir when Dir is set.
func (c *Cmd) Environ() []string {
	if c.Env != nil {
		return c.Env
	}
	env := os.Environ()
	if c.Dir != "" {
		env = append(env, "PWD="+c.Dir)
	}
	return env
}

// nullFile opens the null device for the child.
func (c *Cmd) nullFile(flag int) (*os.File, error) {
	f, err := os.OpenFile(os.DevNull, flag, 0)
	if err == nil {
		c.toClose = append(c.toClose, f)
	}
	return f, err
}

// inputFor returns the file the child reads as standard input.
func (c *Cmd) inputFor() (*os.File, error) {
	if c.Stdin == nil {
		return c.nullFile(os.O_RDONLY)
	}
	if direct, isFile := c.Stdin.(*os.File); isFile {
		return direct, nil
	}
	readEnd, writeEnd, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.toClose = append(c.toClose, readEnd)
	c.copiers = append(c.copiers, func() error {
		_, err := io.Copy(writeEnd, c.Stdin)
		if cerr := writeEnd.Close(); err == nil {
			err = cerr
		}
		// The child may stop reading early: that is not a failure.
		if errors.Is(err, syscall.EPIPE) || errors.Is(err, os.ErrClosed) {
			return nil
		}
		return err
	})
	return readEnd, nil
}

// outputFor returns the file the child writes to for w.
func (c *Cmd) outputFor(w io.Writer) (*os.File, error) {
	if w == nil {
		return c.nullFile(os.O_WRONLY)
	}
	if direct, isFile := w.(*os.File); isFile {
		return direct, nil
	}
	readEnd, writeEnd, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.toClose = append(c.toClose, writeEnd)
	c.copiers = append(c.copiers, func() error {
		_, err := io.Copy(w, readEnd)
		readEnd.Close()
		return err
	})
	return writeEnd, nil
}

// closeChildEnds closes the files only the child needs.
func (c *Cmd) closeChildEnds() {
	for _, f := range c.toClose {
		f.Close()
	}
	c.toClose = nil
}

// startError reports why Start cannot even try, or nil.
func (c *Cmd) startError() error {
	if c.Path == "" && c.Err == nil && c.lookupFail == nil {
		c.Err = misuse("no command")
	}
	switch {
	case c.lookupFail != nil:
		return c.lookupFail
	case c.Err != nil:
		return c.Err
	}
	return nil
}

// Start launches the command without waiting for it; Wait must follow.
func (c *Cmd) Start() error {
	if err := c.startError(); err != nil {
		c.closeChildEnds()
		return err
	}
	if c.Process != nil {
		return misuse("already started") // a Cmd runs once
	}
	if c.ctx != nil {
		select {
		case <-c.ctx.Done():
			c.closeChildEnds()
			return c.ctx.Err()
		default:
		}
	}
	files, err := c.stdFiles()
	if err != nil {
		c.closeChildEnds()
		return err
	}
	attr := &os.ProcAttr{Dir: c.Dir, Files: append(files, c.ExtraFiles...), Env: c.Environ(), Sys: c.SysProcAttr}
	c.Process, err = os.StartProcess(c.Path, c.argv(), attr)
	c.closeChildEnds()
	if err != nil {
		return err
	}
	c.copyErrs = make(chan error, len(c.copiers))
	c.finished = make(chan struct{})
	for _, work := range c.copiers {
		go func(work func() error) { c.copyErrs <- work() }(work)
	}
	if c.ctx != nil && c.ctx.Done() != nil {
		go c.watchContext()
	}
	return nil
}

// stdFiles prepares the child's standard input, output and error; equal
// Stdout and Stderr writers share one pipe.
func (c *Cmd) stdFiles() ([]*os.File, error) {
	in, err := c.inputFor()
	if err != nil {
		return nil, err
	}
	out, err := c.outputFor(c.Stdout)
	if err != nil {
		return nil, err
	}
	errOut := out
	if c.Stderr == nil || c.Stderr != c.Stdout {
		if errOut, err = c.outputFor(c.Stderr); err != nil {
			return nil, err
		}
	}
	return []*os.File{in, out, errOut}, nil
}

// watchContext calls Cancel if the context ends before Wait finishes.
func (c *Cmd) watchContext() {
	select {
	case <-c.ctx.Done():
		if cancel := c.Cancel; cancel != nil {
			cancel()
		}
	case <-c.finished:
	}
}

// argv is the argument vector passed to the program.
func (c *Cmd) argv() []string {
	if len(c.Args) != 0 {
		return c.Args
	}
	return []string{c.Path}
}

// ExitError reports a command that ran but did not exit successfully.
type ExitError struct {
	*os.ProcessState

	// Stderr holds the standard error output collected by Output when
	// Cmd.Stderr was not set.
	Stderr []byte
}

func (e *ExitError) Error() string { return e.ProcessState.String() }

// Wait waits for the started command to exit and for its output copying
// to finish. A non-zero exit gives an *ExitError; otherwise copying
// errors, or the context's error after a cancellation, are reported.
func (c *Cmd) Wait() error {
	switch {
	case c.Process == nil:
		return misuse("not started")
	case c.ProcessState != nil:
		return misuse("Wait was already called")
	}
	ps, err := c.Process.Wait()
	c.ProcessState = ps
	if err == nil && !ps.Success() {
		err = &ExitError{ProcessState: ps}
	}
	var firstCopyErr error
	for range c.copiers {
		if cerr := <-c.copyErrs; firstCopyErr == nil {
			firstCopyErr = cerr
		}
	}
	c.copiers = nil
	for _, end := range c.ourEnds {
		end.Close()
	}
	c.ourEnds = nil
	if c.finished != nil {
		close(c.finished)
	}
	if err == nil && c.ctx != nil && c.ctx.Err() != nil && !ps.Success() {
		err = c.ctx.Err()
	}
	if err != nil {
		return err
	}
	return firstCopyErr
}

// Run is Start followed by Wait.
func (c *Cmd) Run() error {
	if err := c.Start(); err != nil {
		return err
	}
	return c.Wait()
}

// Output runs the command and returns its standard output. When Stderr is
// unset, standard error is collected into the ExitError.
func (c *Cmd) Output() ([]byte, error) {
	if c.Stdout != nil {
		return nil, misuse("Stdout already set")
	}
	var out, errOut bytes.Buffer
	c.Stdout = &out
	collect := c.Stderr == nil
	if collect {
		c.Stderr = &errOut
	}
	err := c.Run()
	if ee, isExit := err.(*ExitError); isExit && collect {
		ee.Stderr = errOut.Bytes()
	}
	return out.Bytes(), err
}

// CombinedOutput runs the command and returns its standard output and
// error interleaved.
func (c *Cmd) CombinedOutput() ([]byte, error) {
	switch {
	case c.Stdout != nil:
		return nil, misuse("Stdout already set")
	case c.Stderr != nil:
		return nil, misuse("Stderr already set")
	}
	var both bytes.Buffer
	c.Stdout, c.Stderr = &both, &both
	err := c.Run()
	return both.Bytes(), err
}

// pipeFor makes a pipe for one of the standard streams: the child's end
// is closed after Start, ours by Wait. which names the stream in errors.
func (c *Cmd) pipeFor(which string, isSet bool) (child, ours *os.File, err error) {
	if isSet {
		return nil, nil, misuse(which + " already set")
	}
	if c.Process != nil {
		return nil, nil, misuse(which + "Pipe after process started")
	}
	readEnd, writeEnd, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	if which == "Stdin" {
		child, ours = readEnd, writeEnd
	} else {
		child, ours = writeEnd, readEnd
	}
	c.toClose = append(c.toClose, child)
	c.ourEnds = append(c.ourEnds, ours)
	return child, ours, nil
}

// StdinPipe returns a pipe to the command's standard input; Wait closes
// it.
func (c *Cmd) StdinPipe() (io.WriteCloser, error) {
	child, ours, err := c.pipeFor("Stdin", c.Stdin != nil)
	if err != nil {
		return nil, err
	}
	c.Stdin = child
	return ours, nil
}

// StdoutPipe returns a pipe from the command's standard output; Wait
// closes it, so read it all before calling Wait.
func (c *Cmd) StdoutPipe() (io.ReadCloser, error) {
	child, ours, err := c.pipeFor("Stdout", c.Stdout != nil)
	if err != nil {
		return nil, err
	}
	c.Stdout = child
	return ours, nil
}

// StderrPipe returns a pipe from the command's standard error; Wait
// closes it, so read it all before calling Wait.
func (c *Cmd) StderrPipe() (io.ReadCloser, error) {
	child, ours, err := c.pipeFor("Stderr", c.Stderr != nil)
	if err != nil {
		return nil, err
	}
	c.Stderr = child
	return ours, nil
}

// misuse builds the errors of wrong use of a Cmd ("exec: ...").
func misuse(what string) error { return errors.New("exec: " + what) }

// executable checks that file exists, is not a directory and has an
// execute bit.
func executable(file string) error {
	info, err := os.Stat(file)
	switch {
	case err != nil:
		return err
	case info.Mode().IsDir():
		return syscall.EISDIR
	case info.Mode()&0111 == 0:
		return fs.ErrPermission
	}
	return nil
}

// LookPath finds the executable file: a name with a slash is checked as
// it is, others are searched in the directories of $PATH (an empty entry
// meaning "."). A hit in a relative directory is returned with ErrDot.
func LookPath(file string) (string, error) {
	if strings.IndexByte(file, '/') >= 0 {
		if err := executable(file); err != nil {
			return "", &Error{Name: file, Err: err}
		}
		return file, nil
	}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir == "" {
			dir = "."
		}
		candidate := filepath.Join(dir, file)
		if executable(candidate) != nil {
			continue
		}
		if filepath.IsAbs(candidate) {
			return candidate, nil
		}
		return candidate, &Error{Name: file, Err: ErrDot}
	}
	return "", &Error{Name: file, Err: ErrNotFound}
}
