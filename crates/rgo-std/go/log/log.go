// Package log writes timestamped lines to a Writer through Loggers, and a
// standard Logger on standard error. rgo: plain Go.
//
// Each log line is: prefix (unless Lmsgprefix), date/time per the flags,
// file:line per the flags, prefix (if Lmsgprefix), the message, and a
// newline if the message does not end in one; it is written with a single
// Write call under the Logger's mutex.
//
// Call depths are facts kept from Go: every exported printing function
// reaches runtime.Caller through exactly one unexported frame, so helper
// functions must not be added on those paths.
package log

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Flags choose what goes before each message; they are ORed together.
const (
	Ldate         = 1 << iota     // date, as 2009/01/23
	Ltime                         // time of day, as 01:23:23
	Lmicroseconds                 // time of day with microseconds, 01:23:23.123123
	Llongfile                     // caller's file path and line, /a/b/c/d.go:23
	Lshortfile                    // caller's file name and line, d.go:23 (wins over Llongfile)
	LUTC                          // date and time in UTC instead of local time
	Lmsgprefix                    // put the prefix just before the message, not at line start
	LstdFlags     = Ldate | Ltime // the standard logger's flags
)

// Logger writes formatted lines to an io.Writer; it may be used from many
// goroutines at once, each line going out in one Write.
type Logger struct {
	mu      sync.Mutex // serialises writes and guards dst
	dst     io.Writer
	prefix  atomic.Pointer[string]
	flags   atomic.Int32
	discard atomic.Bool // dst is io.Discard: skip formatting
}

// New returns a Logger writing to out, with prefix and flags.
func New(out io.Writer, prefix string, flag int) *Logger {
	l := new(Logger)
	l.SetOutput(out)
	l.SetPrefix(prefix)
	l.SetFlags(flag)
	return l
}

// SetOutput makes l write to w.
func (l *Logger) SetOutput(w io.Writer) {
	l.mu.Lock()
	l.dst = w
	l.discard.Store(w == io.Discard)
	l.mu.Unlock()
}

var std = New(os.Stderr, "", LstdFlags)

// Default returns the standard Logger, which the package functions use.
func Default() *Logger { return std }

// appendZeroPadded appends n in decimal with at least width digits.
func appendZeroPadded(b []byte, n, width int) []byte {
	digits := fmt.Appendf(nil, "%d", n)
	for k := len(digits); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// appendStamp appends the date and time parts the flags ask for.
func appendStamp(b []byte, flag int, t time.Time) []byte {
	if flag&LUTC != 0 {
		t = t.UTC()
	}
	if flag&Ldate != 0 {
		y, mo, d := t.Date()
		b = appendZeroPadded(b, y, 4)
		b = appendZeroPadded(append(b, '/'), int(mo), 2)
		b = appendZeroPadded(append(b, '/'), d, 2)
		b = append(b, ' ')
	}
	if flag&(Ltime|Lmicroseconds) == 0 {
		return b
	}
	h, mi, sec := t.Clock()
	b = appendZeroPadded(b, h, 2)
	b = appendZeroPadded(append(b, ':'), mi, 2)
	b = appendZeroPadded(append(b, ':'), sec, 2)
	if flag&Lmicroseconds != 0 {
		b = appendZeroPadded(append(b, '.'), t.Nanosecond()/1000, 6)
	}
	return append(b, ' ')
}

// appendHeader appends everything before the message.
func appendHeader(b []byte, prefix string, flag int, t time.Time, file string, line int) []byte {
	msgPrefix := flag&Lmsgprefix != 0
	if !msgPrefix {
		b = append(b, prefix...)
	}
	if flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		b = appendStamp(b, flag, t)
	}
	if flag&(Lshortfile|Llongfile) != 0 {
		if flag&Lshortfile != 0 {
			// The base name: after the last slash, which may not be the
			// first byte.
			for k := len(file) - 1; k >= 1; k-- {
				if file[k] == '/' {
					file = file[k+1:]
					break
				}
			}
		}
		b = appendZeroPadded(append(append(b, file...), ':'), line, 1)
		b = append(b, ": "...)
	}
	if msgPrefix {
		b = append(b, prefix...)
	}
	return b
}

// Output writes one line with message s; calldepth counts the frames
// between the caller to report and Output's caller (2 from the printing
// functions of this package).
func (l *Logger) Output(calldepth int, s string) error {
	calldepth++ // this frame
	return l.output(calldepth, func(b []byte) []byte { return append(b, s...) })
}

// output builds and writes one line; message appends the text.
func (l *Logger) output(calldepth int, message func([]byte) []byte) error {
	if l.discard.Load() {
		return nil
	}
	now := time.Now()
	prefix, flag := l.Prefix(), l.Flags()
	file, line := "", 0
	if flag&(Lshortfile|Llongfile) != 0 {
		var known bool
		if _, file, line, known = runtime.Caller(calldepth); !known {
			file, line = "???", 0
		}
	}
	text := message(appendHeader(nil, prefix, flag, now, file, line))
	if n := len(text); n == 0 || text[n-1] != '\n' {
		text = append(text, '\n')
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.dst.Write(text)
	return err
}

// Print logs its operands formatted as by fmt.Print.
func (l *Logger) Print(v ...any) {
	l.output(2, func(b []byte) []byte { return fmt.Append(b, v...) })
}

// Printf logs its operands formatted as by fmt.Printf.
func (l *Logger) Printf(format string, v ...any) {
	l.output(2, func(b []byte) []byte { return fmt.Appendf(b, format, v...) })
}

// Println logs its operands formatted as by fmt.Println.
func (l *Logger) Println(v ...any) {
	l.output(2, func(b []byte) []byte { return fmt.Appendln(b, v...) })
}

// Fatal is Print, then os.Exit(1).
func (l *Logger) Fatal(v ...any) {
	l.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf, then os.Exit(1).
func (l *Logger) Fatalf(format string, v ...any) {
	l.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println, then os.Exit(1).
func (l *Logger) Fatalln(v ...any) {
	l.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print, then a panic with the message.
func (l *Logger) Panic(v ...any) {
	msg := fmt.Sprint(v...)
	l.Output(2, msg)
	panic(msg)
}

// Panicf is Printf, then a panic with the message.
func (l *Logger) Panicf(format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	l.Output(2, msg)
	panic(msg)
}

// Panicln is Println, then a panic with the message.
func (l *Logger) Panicln(v ...any) {
	msg := fmt.Sprintln(v...)
	l.Output(2, msg)
	panic(msg)
}

// Flags returns l's flags.
func (l *Logger) Flags() int { return int(l.flags.Load()) }

// SetFlags sets l's flags.
func (l *Logger) SetFlags(flag int) { l.flags.Store(int32(flag)) }

// Prefix returns l's prefix.
func (l *Logger) Prefix() string {
	p := l.prefix.Load()
	if p == nil {
		return ""
	}
	return *p
}

// SetPrefix sets l's prefix.
func (l *Logger) SetPrefix(prefix string) { l.prefix.Store(&prefix) }

// Writer returns where l writes.
func (l *Logger) Writer() io.Writer {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.dst
}

// The package functions work on the standard Logger.

// SetOutput makes the standard Logger write to w.
func SetOutput(w io.Writer) { std.SetOutput(w) }

// Flags returns the standard Logger's flags.
func Flags() int { return std.Flags() }

// SetFlags sets the standard Logger's flags.
func SetFlags(flag int) { std.SetFlags(flag) }

// Prefix returns the standard Logger's prefix.
func Prefix() string { return std.Prefix() }

// SetPrefix sets the standard Logger's prefix.
func SetPrefix(prefix string) { std.SetPrefix(prefix) }

// Writer returns where the standard Logger writes.
func Writer() io.Writer { return std.Writer() }

// Print is Default().Print.
func Print(v ...any) {
	std.output(2, func(b []byte) []byte { return fmt.Append(b, v...) })
}

// Printf is Default().Printf.
func Printf(format string, v ...any) {
	std.output(2, func(b []byte) []byte { return fmt.Appendf(b, format, v...) })
}

// Println is Default().Println.
func Println(v ...any) {
	std.output(2, func(b []byte) []byte { return fmt.Appendln(b, v...) })
}

// Fatal is Print, then os.Exit(1).
func Fatal(v ...any) {
	std.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf, then os.Exit(1).
func Fatalf(format string, v ...any) {
	std.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println, then os.Exit(1).
func Fatalln(v ...any) {
	std.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print, then a panic with the message.
func Panic(v ...any) {
	msg := fmt.Sprint(v...)
	std.Output(2, msg)
	panic(msg)
}

// Panicf is Printf, then a panic with the message.
func Panicf(format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	std.Output(2, msg)
	panic(msg)
}

// Panicln is Println, then a panic with the message.
func Panicln(v ...any) {
	msg := fmt.Sprintln(v...)
	std.Output(2, msg)
	panic(msg)
}

// Output is Default().Output, counting this frame too.
func Output(calldepth int, s string) error {
	return std.Output(calldepth+1, s)
}
