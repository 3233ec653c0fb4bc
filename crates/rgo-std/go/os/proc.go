package os

import "syscall"

// Args are the command-line arguments, the program name first.
var Args []string = runtimeArgs()

// runtimeArgs returns the program's arguments. Native.
func runtimeArgs() []string

// Exit ends the program at once with status code (0 for success);
// deferred calls do not run.
func Exit(code int) { syscall.Exit(code) }

// Natives for the process environment and identity.
func sysGetenv(key string) (value string, found bool)
func sysSetenv(key, value string) (errno int)
func sysUnsetenv(key string) (errno int)
func sysEnviron() []string
func sysClearenv()
func sysGetpid() int
func sysGetppid() int
func sysGetuid() int
func sysGeteuid() int
func sysGetgid() int
func sysGetegid() int
func sysHostname() (name string, errno int)
func sysExecutable() (path string, errno int)
func sysGetpagesize() int

// Getpid returns this process's id.
func Getpid() int { return sysGetpid() }

// Getppid returns the parent process's id.
func Getppid() int { return sysGetppid() }

// Getuid returns the real user id.
func Getuid() int { return sysGetuid() }

// Geteuid returns the effective user id.
func Geteuid() int { return sysGeteuid() }

// Getgid returns the real group id.
func Getgid() int { return sysGetgid() }

// Getegid returns the effective group id.
func Getegid() int { return sysGetegid() }

// Getpagesize returns the memory page size.
func Getpagesize() int { return sysGetpagesize() }

// Hostname returns the kernel's name for this machine.
func Hostname() (name string, err error) {
	name, errno := sysHostname()
	if errno != 0 {
		return "", NewSyscallError("hostname", errnoErr(errno))
	}
	return name, nil
}

// Executable returns the path name for the executable that started the
// current process.
func Executable() (string, error) {
	p, errno := sysExecutable()
	if errno != 0 {
		return "", &PathError{Op: "readlink", Path: "/proc/self/exe", Err: errnoErr(errno)}
	}
	return p, nil
}

// Getenv returns the value of environment variable key, or "" when it is
// unset (LookupEnv tells the two apart).
func Getenv(key string) string {
	v, _ := sysGetenv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the
// key. If the variable is present in the environment the value (which may
// be empty) is returned and the boolean is true.
func LookupEnv(key string) (string, bool) { return sysGetenv(key) }

// Setenv sets environment variable key to value.
func Setenv(key, value string) error {
	if key == "" {
		return NewSyscallError("setenv", syscall.EINVAL)
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return NewSyscallError("setenv", syscall.EINVAL)
		}
	}
	for i := 0; i < len(value); i++ {
		if value[i] == 0 {
			return NewSyscallError("setenv", syscall.EINVAL)
		}
	}
	if errno := sysSetenv(key, value); errno != 0 {
		return NewSyscallError("setenv", errnoErr(errno))
	}
	return nil
}

// Unsetenv removes environment variable key.
func Unsetenv(key string) error {
	if errno := sysUnsetenv(key); errno != 0 {
		return NewSyscallError("unsetenv", errnoErr(errno))
	}
	return nil
}

// Clearenv empties the environment.
func Clearenv() { sysClearenv() }

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string { return sysEnviron() }

// Expand returns s with each $name or ${name} replaced by mapping(name).
// Names are runs of ASCII letters, digits and '_', or one of the shell's
// special characters (*#$@!?- and digits) alone. A '$' not followed by a
// name stays; malformed "${" and "${}" vanish.
func Expand(s string, mapping func(string) string) string {
	var out []byte // nil until the first substitution
	copied := 0    // s[:copied] is in out already
	for at := 0; at+1 < len(s); at++ {
		if s[at] != '$' {
			continue
		}
		if out == nil {
			out = make([]byte, 0, 2*len(s))
		}
		out = append(out, s[copied:at]...)
		name, used := shellName(s[at+1:])
		switch {
		case name != "":
			out = append(out, mapping(name)...)
		case used == 0:
			out = append(out, '$') // nothing name-like follows
		}
		at += used
		copied = at + 1
	}
	if out == nil {
		return s
	}
	return string(out) + s[copied:]
}

// ExpandEnv is Expand with Getenv as the mapping.
func ExpandEnv(s string) string { return Expand(s, Getenv) }

// specialVar reports whether c names a shell special parameter ($*, $1...).
func specialVar(c byte) bool {
	return c >= '0' && c <= '9' || c != 0 && byteAt("*#$@!?-", c) >= 0
}

// byteAt returns the index of the first c in s, or -1 (os does not
// import strings).
func byteAt(s string, c byte) int {
	for k := 0; k < len(s); k++ {
		if s[k] == c {
			return k
		}
	}
	return -1
}

// nameByte reports whether c may appear in a plain variable name.
func nameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// shellName reads the variable name at the start of rest (which follows a
// '$'): it returns the name and how many bytes to skip; an empty name
// with a non-zero count is malformed syntax to drop.
func shellName(rest string) (name string, used int) {
	if rest[0] != '{' {
		if specialVar(rest[0]) {
			return rest[:1], 1
		}
		end := 0
		for end < len(rest) && nameByte(rest[end]) {
			end++
		}
		return rest[:end], end
	}
	if len(rest) > 2 && specialVar(rest[1]) && rest[2] == '}' {
		return rest[1:2], 3
	}
	closing := byteAt(rest, '}')
	switch {
	case closing < 0:
		return "", 1 // "${" without an end
	case closing == 1:
		return "", 2 // "${}"
	}
	return rest[1:closing], closing + 1
}

// Signal is an operating-system signal.
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// The only signal values guaranteed to be present in the os package on
// all systems are os.Interrupt (send the process an interrupt) and
// os.Kill (force the process to exit).
var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)
