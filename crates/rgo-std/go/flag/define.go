package flag

import (
	"encoding"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// Defining flags. For each kind K there are four functions: the FlagSet
// methods KVar (bind an existing variable) and K (bind a new one and
// return it), and package functions of the same names working on
// CommandLine. The variable is set to the default at once; Parse
// overwrites it with the command line's value.

// fresh binds a new variable with bind and returns it.
func fresh[T any](bind func(*T, string, T, string), name string, value T, usage string) *T {
	v := new(T)
	bind(v, name, value, usage)
	return v
}

// BoolVar defines a bool flag name of f stored in *p, default value.
func (f *FlagSet) BoolVar(p *bool, name string, value bool, usage string) {
	f.Var(bindBool(p, value), name, usage)
}

// BoolVar is CommandLine.BoolVar.
func BoolVar(p *bool, name string, value bool, usage string) {
	CommandLine.BoolVar(p, name, value, usage)
}

// Bool defines a bool flag name of f, default value, in a new variable
// whose address it returns.
func (f *FlagSet) Bool(name string, value bool, usage string) *bool {
	return fresh(f.BoolVar, name, value, usage)
}

// Bool is CommandLine.Bool.
func Bool(name string, value bool, usage string) *bool {
	return fresh(CommandLine.BoolVar, name, value, usage)
}

// IntVar defines a int flag name of f stored in *p, default value.
func (f *FlagSet) IntVar(p *int, name string, value int, usage string) {
	f.Var(bindInt(p, value), name, usage)
}

// IntVar is CommandLine.IntVar.
func IntVar(p *int, name string, value int, usage string) {
	CommandLine.IntVar(p, name, value, usage)
}

// Int defines a int flag name of f, default value, in a new variable
// whose address it returns.
func (f *FlagSet) Int(name string, value int, usage string) *int {
	return fresh(f.IntVar, name, value, usage)
}

// Int is CommandLine.Int.
func Int(name string, value int, usage string) *int {
	return fresh(CommandLine.IntVar, name, value, usage)
}

// Int64Var defines a int64 flag name of f stored in *p, default value.
func (f *FlagSet) Int64Var(p *int64, name string, value int64, usage string) {
	f.Var(bindInt64(p, value), name, usage)
}

// Int64Var is CommandLine.Int64Var.
func Int64Var(p *int64, name string, value int64, usage string) {
	CommandLine.Int64Var(p, name, value, usage)
}

// Int64 defines a int64 flag name of f, default value, in a new variable
// whose address it returns.
func (f *FlagSet) Int64(name string, value int64, usage string) *int64 {
	return fresh(f.Int64Var, name, value, usage)
}

// Int64 is CommandLine.Int64.
func Int64(name string, value int64, usage string) *int64 {
	return fresh(CommandLine.Int64Var, name, value, usage)
}

// UintVar defines a uint flag name of f stored in *p, default value.
func (f *FlagSet) UintVar(p *uint, name string, value uint, usage string) {
	f.Var(bindUint(p, value), name, usage)
}

// UintVar is CommandLine.UintVar.
func UintVar(p *uint, name string, value uint, usage string) {
	CommandLine.UintVar(p, name, value, usage)
}

// Uint defines a uint flag name of f, default value, in a new variable
// whose address it returns.
func (f *FlagSet) Uint(name string, value uint, usage string) *uint {
	return fresh(f.UintVar, name, value, usage)
}

// Uint is CommandLine.Uint.
func Uint(name string, value uint, usage string) *uint {
	return fresh(CommandLine.UintVar, name, value, usage)
}

// Uint64Var defines a uint64 flag name of f stored in *p, default value.
func (f *FlagSet) Uint64Var(p *uint64, name string, value uint64, usage string) {
	f.Var(bindUint64(p, value), name, usage)
}

// Uint64Var is CommandLine.Uint64Var.
func Uint64Var(p *uint64, name string, value uint64, usage string) {
	CommandLine.Uint64Var(p, name, value, usage)
}

// Uint64 defines a uint64 flag name of f, default value, in a new variable
// whose address it returns.
func (f *FlagSet) Uint64(name string, value uint64, usage string) *uint64 {
	return fresh(f.Uint64Var, name, value, usage)
}

// Uint64 is CommandLine.Uint64.
func Uint64(name string, value uint64, usage string) *uint64 {
	return fresh(CommandLine.Uint64Var, name, value, usage)
}

// StringVar defines a string flag name of f stored in *p, default value.
func (f *FlagSet) StringVar(p *string, name string, value string, usage string) {
	f.Var(bindString(p, value), name, usage)
}

// StringVar is CommandLine.StringVar.
func StringVar(p *string, name string, value string, usage string) {
	CommandLine.StringVar(p, name, value, usage)
}

// String defines a string flag name of f, default value, in a new variable
// whose address it returns.
func (f *FlagSet) String(name string, value string, usage string) *string {
	return fresh(f.StringVar, name, value, usage)
}

// String is CommandLine.String.
func String(name string, value string, usage string) *string {
	return fresh(CommandLine.StringVar, name, value, usage)
}

// Float64Var defines a float64 flag name of f stored in *p, default value.
func (f *FlagSet) Float64Var(p *float64, name string, value float64, usage string) {
	f.Var(bindFloat64(p, value), name, usage)
}

// Float64Var is CommandLine.Float64Var.
func Float64Var(p *float64, name string, value float64, usage string) {
	CommandLine.Float64Var(p, name, value, usage)
}

// Float64 defines a float64 flag name of f, default value, in a new variable
// whose address it returns.
func (f *FlagSet) Float64(name string, value float64, usage string) *float64 {
	return fresh(f.Float64Var, name, value, usage)
}

// Float64 is CommandLine.Float64.
func Float64(name string, value float64, usage string) *float64 {
	return fresh(CommandLine.Float64Var, name, value, usage)
}

// DurationVar defines a duration flag name of f stored in *p, default value.
func (f *FlagSet) DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	f.Var(bindDuration(p, value), name, usage)
}

// DurationVar is CommandLine.DurationVar.
func DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	CommandLine.DurationVar(p, name, value, usage)
}

// Duration defines a duration flag name of f, default value, in a new variable
// whose address it returns.
func (f *FlagSet) Duration(name string, value time.Duration, usage string) *time.Duration {
	return fresh(f.DurationVar, name, value, usage)
}

// Duration is CommandLine.Duration.
func Duration(name string, value time.Duration, usage string) *time.Duration {
	return fresh(CommandLine.DurationVar, name, value, usage)
}

// TextVar defines a flag name of f whose variable p parses itself with
// UnmarshalText; value (of p's element type, or a pointer to it) is the
// default. It panics when p is not a pointer or the types differ.
func (f *FlagSet) TextVar(p encoding.TextUnmarshaler, name string, value encoding.TextMarshaler, usage string) {
	v := bindText(value, p)
	f.Var(v, name, usage)
}

// TextVar is CommandLine.TextVar.
func TextVar(p encoding.TextUnmarshaler, name string, value encoding.TextMarshaler, usage string) {
	CommandLine.TextVar(p, name, value, usage)
}

// Func defines a flag name of f that calls fn with its argument each time
// it appears; fn's error fails the parse.
func (f *FlagSet) Func(name, usage string, fn func(string) error) {
	var v Value = funcValue(fn)
	f.Var(v, name, usage)
}

// Func is CommandLine.Func.
func Func(name, usage string, fn func(string) error) {
	CommandLine.Func(name, usage, fn)
}

// BoolFunc is Func for a flag that takes no argument: fn gets "true", or
// the text after "=" when one is given.
func (f *FlagSet) BoolFunc(name, usage string, fn func(string) error) {
	var v Value = boolFuncValue(fn)
	f.Var(v, name, usage)
}

// BoolFunc is CommandLine.BoolFunc.
func BoolFunc(name, usage string, fn func(string) error) {
	CommandLine.BoolFunc(name, usage, fn)
}

// Var defines a flag name of f backed by value, whose String at this
// moment is recorded as the default. It panics (after printing the
// message to Output) when name starts with "-", contains "=", or is
// already defined, and when Set already named it.
func (f *FlagSet) Var(value Value, name string, usage string) {
	if strings.HasPrefix(name, "-") {
		panic(f.announce("flag %q begins with -", name))
	}
	if strings.Contains(name, "=") {
		panic(f.announce("flag %q contains =", name))
	}
	def := &Flag{Name: name, Usage: usage, Value: value, DefValue: value.String()}
	if f.formal[name] != nil {
		if f.name != "" {
			panic(f.announce("%s flag redefined: %s", f.name, name))
		}
		panic(f.announce("flag redefined: %s", name))
	}
	if where := f.undef[name]; where != "" {
		panic(fmt.Sprintf("flag %s set at %s before being defined", name, where))
	}
	if f.formal != nil {
		f.formal[name] = def
		return
	}
	f.formal = map[string]*Flag{name: def}
}

// Var is CommandLine.Var.
func Var(value Value, name string, usage string) {
	CommandLine.Var(value, name, usage)
}

// announce formats a message, prints it on its own line to Output and
// returns it.
func (f *FlagSet) announce(format string, a ...any) string {
	text := fmt.Sprintf(format, a...)
	fmt.Fprintln(f.Output(), text)
	return text
}

// fail reports a parse error: the message, then the usage, both to
// Output; the message is returned as an error.
func (f *FlagSet) fail(format string, a ...any) error {
	text := f.announce(format, a...)
	f.callUsage()
	return errors.New(text)
}

// callUsage calls f.Usage, or the default usage when it is nil.
func (f *FlagSet) callUsage() {
	if f.Usage != nil {
		f.Usage()
		return
	}
	f.printUsage()
}

// splitArg classifies one argument: flag is false when it ends the flags
// ("--" also asks to drop itself via dropIt); otherwise name and the
// optional "=value" part are returned. bad reports malformed syntax.
func splitArg(arg string) (name, value string, hasValue, flag, dropIt, bad bool) {
	if len(arg) < 2 || arg[0] != '-' {
		return "", "", false, false, false, false
	}
	body := arg[1:]
	if body[0] == '-' {
		if len(body) == 1 {
			return "", "", false, false, true, false
		}
		body = body[1:]
	}
	if body == "" || body[0] == '-' || body[0] == '=' {
		return "", "", false, true, false, true
	}
	if eq := strings.IndexByte(body[1:], '='); eq >= 0 {
		return body[:eq+1], body[eq+2:], true, true, false, false
	}
	return body, "", false, true, false, false
}

// nextFlag consumes one flag (and its argument) from f.args; seen is false
// when the flags have ended or an error occurred.
func (f *FlagSet) nextFlag() (seen bool, err error) {
	if len(f.args) < 1 {
		return false, nil
	}
	arg := f.args[0]
	name, value, hasValue, isFlag, dropIt, bad := splitArg(arg)
	switch {
	case dropIt:
		f.args = f.args[1:]
		return false, nil
	case !isFlag:
		return false, nil
	case bad:
		return false, f.fail("bad flag syntax: %s", arg)
	}
	f.args = f.args[1:]
	def := f.formal[name]
	if def == nil {
		if name == "h" || name == "help" {
			f.callUsage()
			return false, ErrHelp
		}
		return false, f.fail("flag provided but not defined: -%s", name)
	}
	if err := f.apply(def, name, value, hasValue); err != nil {
		return false, err
	}
	f.markSet(name, def)
	return true, nil
}

// apply sets a parsed flag: boolean flags take "true" unless "=value" was
// given, others take "=value" or the next argument.
func (f *FlagSet) apply(def *Flag, name, value string, hasValue bool) error {
	if bf, ok := def.Value.(boolFlag); ok && bf.IsBoolFlag() {
		if !hasValue {
			if err := bf.Set("true"); err != nil {
				return f.fail("invalid boolean flag %s: %v", name, err)
			}
			return nil
		}
		if err := bf.Set(value); err != nil {
			return f.fail("invalid boolean value %q for -%s: %v", value, name, err)
		}
		return nil
	}
	if !hasValue {
		if len(f.args) < 1 {
			return f.fail("flag needs an argument: -%s", name)
		}
		value = f.args[0]
		f.args = f.args[1:]
	}
	if err := def.Value.Set(value); err != nil {
		return f.fail("invalid value %q for flag -%s: %v", value, name, err)
	}
	return nil
}

// markSet records that flag name was set.
func (f *FlagSet) markSet(name string, def *Flag) {
	if f.actual != nil {
		f.actual[name] = def
		return
	}
	f.actual = map[string]*Flag{name: def}
}

// Parse reads flags from arguments, which must not include the program
// name, up to the first non-flag argument, a lone "-", or "--" (which is
// dropped). What remains is available through Args. Errors are handled
// as f's ErrorHandling says; -h and -help give ErrHelp unless defined.
func (f *FlagSet) Parse(arguments []string) error {
	f.parsed = true
	f.args = arguments
	for {
		more, err := f.nextFlag()
		if more {
			continue
		}
		if err == nil {
			return nil
		}
		switch f.errorHandling {
		case ContinueOnError:
			return err
		case ExitOnError:
			code := 2
			if err == ErrHelp {
				code = 0
			}
			os.Exit(code)
		case PanicOnError:
			panic(err)
		}
		// An unknown ErrorHandling keeps parsing, as in Go.
	}
}

// Parsed reports whether Parse has been called on f.
func (f *FlagSet) Parsed() bool { return f.parsed }

// Parse parses os.Args[1:] with CommandLine.
func Parse() {
	args := os.Args[1:]
	CommandLine.Parse(args)
}

// Parsed reports whether Parse has been called.
func Parsed() bool { return CommandLine.Parsed() }

// CommandLine is the FlagSet of the package-level functions, named after
// os.Args[0], exiting on errors. Its Usage calls the package's Usage
// variable, so replacing Usage takes effect.
var CommandLine = NewFlagSet(os.Args[0], ExitOnError)

func init() {
	CommandLine.Usage = callGlobalUsage
}

// callGlobalUsage defers to whatever Usage holds at the time of the call.
func callGlobalUsage() { Usage() }

// NewFlagSet returns an empty FlagSet with the given name and error
// handling.
func NewFlagSet(name string, errorHandling ErrorHandling) *FlagSet {
	f := &FlagSet{name: name, errorHandling: errorHandling}
	f.Usage = f.printUsage
	return f
}

// Init sets the name and error handling of f (for a zero FlagSet).
func (f *FlagSet) Init(name string, errorHandling ErrorHandling) {
	f.name, f.errorHandling = name, errorHandling
}
