// Package flag parses command-line flags of the forms -name, -name=value
// and -name value (one or two leading dashes). rgo: plain Go.
//
// A FlagSet holds the defined flags (formal) and those set by Parse or Set
// (actual). Texts of errors, panics and usage output are Go's, since
// programs and their tests see them.
package flag

import (
	"encoding"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ErrHelp is what Parse returns for -h or -help when no such flag is
// defined.
var ErrHelp = errors.New("flag: help requested")

// The errors of the built-in Values' Set methods, quoted by Parse.
var (
	errParse = errors.New("parse error")
	errRange = errors.New("value out of range")
)

// mapNumErr replaces a strconv syntax or range error by errParse or
// errRange; nil and other errors pass through.
func mapNumErr(err error) error {
	var ne *strconv.NumError
	if !errors.As(err, &ne) {
		return err
	}
	switch ne.Err {
	case strconv.ErrSyntax:
		return errParse
	case strconv.ErrRange:
		return errRange
	}
	return err
}

// The built-in Values are named types over the bound variable, so that a
// *boolValue is the *bool itself. Set stores what the parser returned
// even when it fails (zero, or the clamped bound on overflow), as Go does.
// Their type names matter: PrintDefaults builds zero values of them.

type boolValue bool

func bindBool(p *bool, initial bool) *boolValue {
	v := (*boolValue)(p)
	*v = boolValue(initial)
	return v
}

func (b *boolValue) Set(s string) error {
	parsed, err := strconv.ParseBool(s)
	*b = boolValue(parsed)
	if err != nil {
		return errParse
	}
	return nil
}

func (b *boolValue) Get() any         { return bool(*b) }
func (b *boolValue) String() string   { return strconv.FormatBool(bool(*b)) }
func (b *boolValue) IsBoolFlag() bool { return true }

// boolFlag is a Value that needs no argument: -name means -name=true.
type boolFlag interface {
	Value
	IsBoolFlag() bool
}

type intValue int

func bindInt(p *int, initial int) *intValue {
	v := (*intValue)(p)
	*v = intValue(initial)
	return v
}

func (i *intValue) Set(s string) error {
	parsed, err := strconv.ParseInt(s, 0, strconv.IntSize)
	*i = intValue(parsed)
	return mapNumErr(err)
}

func (i *intValue) Get() any       { return int(*i) }
func (i *intValue) String() string { return strconv.Itoa(int(*i)) }

type int64Value int64

func bindInt64(p *int64, initial int64) *int64Value {
	v := (*int64Value)(p)
	*v = int64Value(initial)
	return v
}

func (i *int64Value) Set(s string) error {
	parsed, err := strconv.ParseInt(s, 0, 64)
	*i = int64Value(parsed)
	return mapNumErr(err)
}

func (i *int64Value) Get() any       { return int64(*i) }
func (i *int64Value) String() string { return strconv.FormatInt(int64(*i), 10) }

type uintValue uint

func bindUint(p *uint, initial uint) *uintValue {
	v := (*uintValue)(p)
	*v = uintValue(initial)
	return v
}

func (i *uintValue) Set(s string) error {
	parsed, err := strconv.ParseUint(s, 0, strconv.IntSize)
	*i = uintValue(parsed)
	return mapNumErr(err)
}

func (i *uintValue) Get() any       { return uint(*i) }
func (i *uintValue) String() string { return strconv.FormatUint(uint64(*i), 10) }

type uint64Value uint64

func bindUint64(p *uint64, initial uint64) *uint64Value {
	v := (*uint64Value)(p)
	*v = uint64Value(initial)
	return v
}

func (i *uint64Value) Set(s string) error {
	parsed, err := strconv.ParseUint(s, 0, 64)
	*i = uint64Value(parsed)
	return mapNumErr(err)
}

func (i *uint64Value) Get() any       { return uint64(*i) }
func (i *uint64Value) String() string { return strconv.FormatUint(uint64(*i), 10) }

type stringValue string

func bindString(p *string, initial string) *stringValue {
	v := (*stringValue)(p)
	*v = stringValue(initial)
	return v
}

func (s *stringValue) Set(val string) error { *s = stringValue(val); return nil }
func (s *stringValue) Get() any             { return string(*s) }
func (s *stringValue) String() string       { return string(*s) }

type float64Value float64

func bindFloat64(p *float64, initial float64) *float64Value {
	v := (*float64Value)(p)
	*v = float64Value(initial)
	return v
}

func (f *float64Value) Set(s string) error {
	parsed, err := strconv.ParseFloat(s, 64)
	*f = float64Value(parsed)
	return mapNumErr(err)
}

func (f *float64Value) Get() any       { return float64(*f) }
func (f *float64Value) String() string { return strconv.FormatFloat(float64(*f), 'g', -1, 64) }

type durationValue time.Duration

func bindDuration(p *time.Duration, initial time.Duration) *durationValue {
	v := (*durationValue)(p)
	*v = durationValue(initial)
	return v
}

func (d *durationValue) Set(s string) error {
	parsed, err := time.ParseDuration(s)
	*d = durationValue(parsed)
	if err != nil {
		return errParse
	}
	return nil
}

func (d *durationValue) Get() any       { return time.Duration(*d) }
func (d *durationValue) String() string { return time.Duration(*d).String() }

// textValue adapts a TextUnmarshaler variable.
type textValue struct{ p encoding.TextUnmarshaler }

// bindText copies the default into *p and wraps p; p must be a
// pointer and val of p's element type (or a pointer to one).
func bindText(val encoding.TextMarshaler, p encoding.TextUnmarshaler) textValue {
	target := reflect.ValueOf(p)
	if target.Kind() != reflect.Pointer {
		panic("variable value type must be a pointer")
	}
	def := reflect.ValueOf(val)
	if def.Kind() == reflect.Pointer {
		def = def.Elem()
	}
	if want := target.Type().Elem(); def.Type() != want {
		panic(fmt.Sprintf("default type does not match variable type: %v != %v", def.Type(), want))
	}
	target.Elem().Set(def)
	return textValue{p: p}
}

func (v textValue) Set(s string) error { return v.p.UnmarshalText([]byte(s)) }
func (v textValue) Get() interface{}   { return v.p }

func (v textValue) String() string {
	m, ok := v.p.(encoding.TextMarshaler)
	if !ok {
		return ""
	}
	text, err := m.MarshalText()
	if err != nil {
		return ""
	}
	return string(text)
}

// funcValue is the Value of a Func flag.
type funcValue func(string) error

func (f funcValue) Set(s string) error { return f(s) }
func (f funcValue) String() string     { return "" }

// boolFuncValue is the Value of a BoolFunc flag.
type boolFuncValue func(string) error

func (f boolFuncValue) Set(s string) error { return f(s) }
func (f boolFuncValue) String() string     { return "" }
func (f boolFuncValue) IsBoolFlag() bool   { return true }

// Value is the dynamic value behind a flag: Set parses an argument,
// String renders the current value (and must work on a zero value).
// A Value whose IsBoolFlag() bool method returns true needs no argument.
type Value interface {
	String() string
	Set(string) error
}

// Getter is a Value that can also return what it holds; every built-in
// Value is one.
type Getter interface {
	Value
	Get() any
}

// ErrorHandling chooses what Parse does on an error.
type ErrorHandling int

// The ErrorHandling choices.
const (
	ContinueOnError ErrorHandling = iota // return the error
	ExitOnError                          // exit with status 2 (0 for help)
	PanicOnError                         // panic with the error
)

// FlagSet is a named set of flags with its own arguments and error
// handling. Usage is called on a parse error; it may be replaced.
type FlagSet struct {
	Usage func()

	name          string
	parsed        bool
	actual        map[string]*Flag
	formal        map[string]*Flag
	args          []string // what follows the flags
	errorHandling ErrorHandling
	output        io.Writer         // nil: os.Stderr
	undef         map[string]string // names Set before being defined, with the caller's position
}

// Flag is one defined flag.
type Flag struct {
	Name     string // as written after the dash
	Usage    string // help text
	Value    Value  // current value
	DefValue string // the default, as text
}

// byName returns the flags of a map ordered by name.
func byName(flags map[string]*Flag) []*Flag {
	list := make([]*Flag, 0, len(flags))
	for _, fl := range flags {
		list = append(list, fl)
	}
	slices.SortFunc(list, func(x, y *Flag) int { return strings.Compare(x.Name, y.Name) })
	return list
}

// Output returns where usage and error messages go (os.Stderr by
// default).
func (f *FlagSet) Output() io.Writer {
	if f.output != nil {
		return f.output
	}
	return os.Stderr
}

// Name returns f's name.
func (f *FlagSet) Name() string { return f.name }

// ErrorHandling returns f's error handling.
func (f *FlagSet) ErrorHandling() ErrorHandling { return f.errorHandling }

// SetOutput redirects usage and error messages (nil means os.Stderr).
func (f *FlagSet) SetOutput(output io.Writer) { f.output = output }

// VisitAll calls fn for every defined flag, by name.
func (f *FlagSet) VisitAll(fn func(*Flag)) {
	for _, fl := range byName(f.formal) {
		fn(fl)
	}
}

// VisitAll is CommandLine.VisitAll.
func VisitAll(fn func(*Flag)) { CommandLine.VisitAll(fn) }

// Visit calls fn for every flag that has been set, by name.
func (f *FlagSet) Visit(fn func(*Flag)) {
	for _, fl := range byName(f.actual) {
		fn(fl)
	}
}

// Visit is CommandLine.Visit.
func Visit(fn func(*Flag)) { CommandLine.Visit(fn) }

// Lookup returns the flag called name, or nil.
func (f *FlagSet) Lookup(name string) *Flag { return f.formal[name] }

// Lookup is CommandLine.Lookup.
func Lookup(name string) *Flag { return CommandLine.formal[name] }

// Set gives flag name the value parsed from value, as if on the command
// line.
func (f *FlagSet) Set(name, value string) error { return f.setNamed(name, value) }

// setNamed is Set; the extra frame keeps callerLocation's depth the same for
// FlagSet.Set and the package's Set.
func (f *FlagSet) setNamed(name, value string) error {
	def := f.formal[name]
	if def == nil {
		if f.undef == nil {
			f.undef = make(map[string]string)
		}
		f.undef[name] = callerLocation(2)
		return errors.New("no such flag -" + name)
	}
	if err := def.Value.Set(value); err != nil {
		return err
	}
	f.markSet(name, def)
	return nil
}

// callerLocation returns "file:line" of the caller skip frames above its
// caller, or "".
func callerLocation(skip int) string {
	_, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return ""
	}
	return file + ":" + strconv.Itoa(line)
}

// Set is CommandLine.Set.
func Set(name, value string) error { return CommandLine.setNamed(name, value) }

// printsAsZero reports whether value is what a zero Value of flag's type
// prints; a panicking String is turned into an error.
func printsAsZero(flag *Flag, value string) (ok bool, err error) {
	typ := reflect.TypeOf(flag.Value)
	pointer := typ.Kind() == reflect.Pointer
	var zero reflect.Value
	if pointer {
		zero = reflect.New(typ.Elem())
	} else {
		zero = reflect.Zero(typ)
	}
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		shown := typ
		if shown.Kind() == reflect.Pointer {
			shown = shown.Elem()
		}
		err = fmt.Errorf("panic calling String method on zero %v for flag %s: %v", shown, flag.Name, r)
	}()
	return zero.Interface().(Value).String() == value, nil
}

// UnquoteUsage splits a flag's usage text into the name of its argument
// and the text to print: a `quoted` word names the argument (and loses its
// backquotes); otherwise the name follows the Value's type ("" for
// boolean flags, "value" for unknown types).
func UnquoteUsage(flag *Flag) (name string, usage string) {
	usage = flag.Usage
	if open := strings.IndexByte(usage, '`'); open >= 0 {
		if width := strings.IndexByte(usage[open+1:], '`'); width >= 0 {
			name = usage[open+1 : open+1+width]
			return name, usage[:open] + name + usage[open+2+width:]
		}
	}
	return argName(flag.Value), usage
}

// argName names the argument of a flag without a backquoted name.
func argName(v Value) string {
	switch typed := v.(type) {
	case boolFlag:
		if typed.IsBoolFlag() {
			return ""
		}
	case *stringValue:
		return "string"
	case *int64Value, *intValue:
		return "int"
	case *uint64Value, *uintValue:
		return "uint"
	case *float64Value:
		return "float"
	case *durationValue:
		return "duration"
	}
	return "value"
}

// PrintDefaults writes every defined flag with its usage and non-zero
// default to Output: "  -name type" then the usage on the same line after
// a tab when the head is short, else on the next line, indented.
func (f *FlagSet) PrintDefaults() {
	var problems []error
	out := f.Output()
	f.VisitAll(func(fl *Flag) {
		line, err := describeFlag(fl)
		if err != nil {
			problems = append(problems, err)
		}
		fmt.Fprint(out, line, "\n")
	})
	if len(problems) == 0 {
		return
	}
	fmt.Fprintln(out)
	for _, err := range problems {
		fmt.Fprintln(out, err)
	}
}

// describeFlag renders one flag for PrintDefaults.
func describeFlag(fl *Flag) (string, error) {
	b := new(strings.Builder)
	b.WriteString("  -" + fl.Name)
	argument, usage := UnquoteUsage(fl)
	if argument != "" {
		b.WriteString(" " + argument)
	}
	const indent = "\n    \t"
	if b.Len() > 4 {
		b.WriteString(indent)
	} else {
		b.WriteString("\t") // "  -x": the usage fits on the same line
	}
	b.WriteString(strings.ReplaceAll(usage, "\n", indent))
	isZero, err := printsAsZero(fl, fl.DefValue)
	switch {
	case err != nil:
	case isZero:
	default:
		if _, quoted := fl.Value.(*stringValue); quoted {
			b.WriteString(" (default " + strconv.Quote(fl.DefValue) + ")")
		} else {
			b.WriteString(" (default " + fl.DefValue + ")")
		}
	}
	return b.String(), err
}

// PrintDefaults is CommandLine.PrintDefaults.
func PrintDefaults() { CommandLine.PrintDefaults() }

// printUsage prints "Usage of NAME:" (or "Usage:") and the defaults.
func (f *FlagSet) printUsage() {
	out := f.Output()
	if f.name == "" {
		fmt.Fprint(out, "Usage:\n")
	} else {
		fmt.Fprintf(out, "Usage of %s:\n", f.name)
	}
	f.PrintDefaults()
}

// Usage prints the usage of the command-line flags to CommandLine's
// output. Programs may assign their own function.
var Usage = func() {
	fmt.Fprintf(CommandLine.Output(), "Usage of %s:\n", os.Args[0])
	PrintDefaults()
}

// NFlag returns how many flags of f have been set.
func (f *FlagSet) NFlag() int { return len(f.actual) }

// NFlag is CommandLine.NFlag.
func NFlag() int { return len(CommandLine.actual) }

// Arg returns argument i after the flags, or "" when there is none.
func (f *FlagSet) Arg(i int) string {
	if i >= 0 && i < len(f.args) {
		return f.args[i]
	}
	return ""
}

// Arg is CommandLine.Arg.
func Arg(i int) string { return CommandLine.Arg(i) }

// NArg returns how many arguments follow the flags.
func (f *FlagSet) NArg() int { return len(f.args) }

// NArg is CommandLine.NArg.
func NArg() int { return len(CommandLine.args) }

// Args returns the arguments that follow the flags.
func (f *FlagSet) Args() []string { return f.args }

// Args is CommandLine.Args.
func Args() []string { return CommandLine.args }
